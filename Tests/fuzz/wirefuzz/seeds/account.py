"""Databricks account API seeds: `/api/2.0/accounts/{id}/...` (credentials, storage, networks, keys, workspaces,
log delivery, SCIM, permission assignments) and the OIDC token endpoint."""

from __future__ import annotations

from random import Random

from ..request import Template
from .templates import databricks, rand_name


def seeds_account(rng: Random, ctx: dict) -> list:
    base, new = "/api/2.0/accounts/{{dbx_account}}", rand_name(rng)
    a = lambda method, path, members=None: databricks("account", method, path, members)  # noqa: E731
    oidc = Template("account", "account.oidc token", "POST", "/oidc/accounts/{{dbx_account}}/v1/token",
                    [("Content-Type", "application/x-www-form-urlencoded")],
                    b"grant_type=client_credentials&scope=all-apis", {"mode": "basic"}, "form")
    return [
        a("POST", f"{base}/credentials", {"credentials_name": new,
                                          "aws_credentials": {"sts_role": {"role_arn": "{{role_arn}}"}}}),
        a("GET", f"{base}/credentials"), a("GET", f"{base}/credentials/{{{{credentials_id}}}}"),
        a("POST", f"{base}/storage-configurations", {"storage_configuration_name": new,
                                                     "root_bucket_info": {"bucket_name": "{{rootbucket}}"}}),
        a("POST", f"{base}/networks", {"network_name": new, "vpc_id": "vpc-0123456789abcdef0",
                                       "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
                                       "security_group_ids": ["sg-0123456789abcdef0"],
                                       "vpc_endpoints": {"rest_api": [], "dataplane_relay": []}}),
        a("POST", f"{base}/customer-managed-keys", {"aws_key_info": {
            "key_arn": "arn:aws:kms:us-east-1:{{aws_account}}:key/x", "key_alias": "alias/x",
            "reuse_key_for_cluster_volumes": True}, "use_cases": ["MANAGED_SERVICES", "STORAGE"]}),
        a("POST", f"{base}/private-access-settings", {"private_access_settings_name": new, "region": "us-east-1",
                                                      "public_access_enabled": True, "private_access_level": "ACCOUNT"}),
        a("POST", f"{base}/vpc-endpoints", {"vpc_endpoint_name": new, "aws_vpc_endpoint_id": "vpce-0123456789abcdef0",
                                            "region": "us-east-1"}),
        a("GET", f"{base}/workspaces"), a("GET", f"{base}/workspaces/{{{{workspace_id}}}}"),
        a("POST", f"{base}/workspaces", {"workspace_name": new, "aws_region": "us-east-1",
                                         "credentials_id": "{{credentials_id}}",
                                         "storage_configuration_id": "{{storage_id}}", "pricing_tier": "PREMIUM"}),
        a("PATCH", f"{base}/workspaces/{{{{workspace_id}}}}?update_mask=custom_tags",
          {"workspace": {"custom_tags": {"a": "b"}}, "update_mask": "custom_tags"}),
        a("DELETE", f"{base}/workspaces/{rng.randint(1, 10 ** 15)}"),
        a("POST", f"{base}/log-delivery", {"log_delivery_configuration": {
            "config_name": new, "log_type": rng.choice(["AUDIT_LOGS", "BILLABLE_USAGE"]),
            "output_format": rng.choice(["JSON", "CSV"]), "credentials_id": "{{credentials_id}}",
            "storage_configuration_id": "{{storage_id}}", "delivery_path_prefix": "logs",
            "delivery_start_time": "2024-01", "workspace_ids_filter": [1]}}),
        a("GET", f"{base}/log-delivery?status=ENABLED"),
        a("POST", f"{base}/scim/v2/Users", {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                                            "userName": f"{new}@example.com", "displayName": "x"}),
        a("GET", f"{base}/scim/v2/Users?filter=userName%20eq%20%22x%22&startIndex=1&count=10"),
        a("POST", f"{base}/scim/v2/Groups", {"displayName": new, "members": []}),
        a("GET", f"{base}/scim/v2/ServicePrincipals?count=1"),
        a("PATCH", f"{base}/scim/v2/Groups/1", {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                                "Operations": [{"op": "add", "path": "members",
                                                                "value": [{"value": "1"}]}]}),
        a("PUT", f"{base}/workspaces/{{{{workspace_id}}}}/permissionassignments/principals/1",
          {"permissions": ["USER"]}),
        a("GET", f"{base}/workspaces/{{{{workspace_id}}}}/permissionassignments"),
        a("GET", "/.well-known/databricks-config"),
        a("GET", "/oidc/accounts/{{dbx_account}}/.well-known/oauth-authorization-server"),
        oidc,
    ]
