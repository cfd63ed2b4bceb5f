"""databricks-sdk against the rest of the emulated account and workspace APIs: SCIM and workspace assignments,
DBFS uploads in blocks, cluster policies, repos, token management, workspace updates, log delivery into S3."""

from __future__ import annotations

import io
import json
import os
import time
import uuid
from datetime import timedelta

import pytest
from databricks.sdk import WorkspaceClient
from databricks.sdk.errors import DatabricksError, NotFound
from databricks.sdk.service import billing, compute, iam, provisioning

from databricks_setup import REGION, account_client, configurations, info, make_aws_side, workspace_client
from identities import advance_clock, client

TIMEOUT = timedelta(minutes=2)


def suffix() -> str:
    return uuid.uuid4().hex[:8]


def allow_log_writes(aws) -> None:
    """Lets the cross-account role write log files into its bucket (log delivery writes as that role)."""
    aws.iam.put_role_policy(RoleName=aws.role_name, PolicyName="log-delivery", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject",
                                                "Resource": f"arn:aws:s3:::{aws.bucket}/*"}]}))


@pytest.fixture(scope="module")
def account(endpoint):
    return account_client(endpoint)


@pytest.fixture(scope="module")
def deployment(endpoint, account):
    """A running workspace on a Databricks-managed VPC, whose role may also write to its bucket."""
    aws = make_aws_side(endpoint, info(endpoint)["accountId"])
    allow_log_writes(aws)
    name = suffix()
    credentials, storage = configurations(account, aws, name)
    workspace = account.workspaces.create_and_wait(
        workspace_name=f"ws-{name}", aws_region=REGION, credentials_id=credentials.credentials_id,
        storage_configuration_id=storage.storage_configuration_id, timeout=TIMEOUT)
    url = account.api_client.do(
        "GET", f"/api/2.0/accounts/{account.config.account_id}/workspaces/{workspace.workspace_id}")["workspace_url"]
    return {"aws": aws, "workspace": workspace, "url": url, "credentials": credentials, "storage": storage}


@pytest.fixture(scope="module")
def ws(endpoint, deployment) -> WorkspaceClient:
    return workspace_client(endpoint, deployment["url"], auth="pat")


def test_account_users_and_groups_reach_the_workspace_when_assigned(account, deployment, ws):
    name = f"ada-{suffix()}@example.com"
    user = account.users.create(user_name=name, display_name="Ada")
    group = account.groups.create(display_name=f"engineers-{suffix()}", members=[iam.ComplexValue(value=user.id)])
    assert [u.user_name for u in account.users.list(filter=f'userName eq "{name}"')] == [name]
    assert account.groups.get(group.id).members[0].value == user.id
    assert name not in [u.user_name for u in ws.users.list()]
    account.workspace_assignment.update(deployment["workspace"].workspace_id, int(user.id),
                                        permissions=[iam.WorkspacePermission.USER])
    assert name in [u.user_name for u in ws.users.list()]
    assigned = list(account.workspace_assignment.list(deployment["workspace"].workspace_id))
    assert any(a.principal.user_name == name for a in assigned)
    account.users.delete(user.id)
    with pytest.raises(NotFound):
        account.users.get(user.id)


def test_dbfs_uploads_and_downloads_in_blocks(ws):
    data = os.urandom(2_500_000)
    path = f"/tmp/interop-{suffix()}/blob.bin"
    ws.dbfs.upload(path, io.BytesIO(data), overwrite=True)
    assert ws.dbfs.get_status(path).file_size == len(data)
    assert ws.dbfs.download(path).read() == data
    assert [f.path for f in ws.dbfs.list(os.path.dirname(path))] == [path]
    ws.dbfs.delete(os.path.dirname(path), recursive=True)
    with pytest.raises(NotFound):
        ws.dbfs.get_status(path)


def test_cluster_policies_are_enforced(ws):
    policy = ws.cluster_policies.create(name=f"small-{suffix()}", definition=json.dumps({
        "autotermination_minutes": {"type": "range", "maxValue": 60, "defaultValue": 30},
        "node_type_id": {"type": "allowlist", "values": ["m5d.large", "i3.xlarge"]}}))
    spark = ws.clusters.select_spark_version(long_term_support=True)
    with pytest.raises(DatabricksError) as failure:
        ws.clusters.create(cluster_name="big", spark_version=spark, node_type_id="i3.8xlarge", num_workers=1,
                           policy_id=policy.policy_id, autotermination_minutes=120)
    assert failure.value.error_code == "INVALID_PARAMETER_VALUE"
    assert "Validation failed for autotermination_minutes" in str(failure.value)
    created = ws.clusters.create(cluster_name="ok", spark_version=spark, node_type_id="m5d.large", num_workers=1,
                                 policy_id=policy.policy_id, apply_policy_default_values=True).response
    assert ws.clusters.get(created.cluster_id).autotermination_minutes == 30
    ws.clusters.permanent_delete(created.cluster_id)
    ws.cluster_policies.delete(policy.policy_id)


def test_repos_and_token_management(ws):
    repo = ws.repos.create(url="https://github.com/example/etl.git", provider="gitHub")
    assert repo.path.endswith("/etl")
    ws.repos.update(repo.id, branch="release")
    assert ws.repos.get(repo.id).branch == "release"
    ws.repos.delete(repo.id)
    token = ws.tokens.create(comment="managed", lifetime_seconds=300)
    assert any(t.token_id == token.token_info.token_id for t in ws.token_management.list())
    ws.token_management.delete(token.token_info.token_id)
    with pytest.raises(DatabricksError):
        WorkspaceClient(host=ws.config.host, token=token.token_value, auth_type="pat").current_user.me()


def test_workspace_update_with_update_mask(account, deployment):
    workspace_id = deployment["workspace"].workspace_id
    current = account.workspaces.get(workspace_id)
    current.custom_tags = {"team": "data"}
    account.workspaces.update(workspace_id, current, update_mask="custom_tags").result(timeout=TIMEOUT)
    updated = account.workspaces.get(workspace_id)
    assert updated.custom_tags == {"team": "data"}
    assert updated.workspace_status == provisioning.WorkspaceStatus.RUNNING


def test_log_delivery_writes_audit_logs_into_the_bucket(spawn_emulator):
    # Its own emulator: the test moves the clock, which the rest of the suite must not see.
    endpoint = spawn_emulator().endpoint
    account = account_client(endpoint)
    aws = make_aws_side(endpoint, info(endpoint)["accountId"])
    allow_log_writes(aws)
    name = suffix()
    credentials, storage = configurations(account, aws, name)
    created = account.log_delivery.create(billing.CreateLogDeliveryConfigurationParams(
        log_type=billing.LogType.AUDIT_LOGS, output_format=billing.OutputFormat.JSON,
        credentials_id=credentials.credentials_id, storage_configuration_id=storage.storage_configuration_id,
        delivery_path_prefix=f"audit-{name}", config_name="audit"))
    config = created.log_delivery_configuration
    account.networks.create(network_name=f"audited-{name}", vpc_id="vpc-0a", subnet_ids=["subnet-0a", "subnet-0b"],
                            security_group_ids=["sg-0a"])
    advance_clock(endpoint, 61)
    s3 = client(endpoint, "s3")
    deadline = time.monotonic() + 10
    keys: list[str] = []
    while time.monotonic() < deadline and not keys:
        keys = [o["Key"] for o in s3.list_objects_v2(Bucket=aws.bucket, Prefix=config.delivery_path_prefix)
                .get("Contents", [])]
        time.sleep(0.3)
    assert keys, "no audit log was delivered"
    body = b"".join(s3.get_object(Bucket=aws.bucket, Key=key)["Body"].read() for key in keys)
    events = [json.loads(line) for line in body.decode().splitlines() if line]
    assert any(e["serviceName"] == "accounts" and e["requestParams"].get("network_name") == f"audited-{name}"
               for e in events)
    assert info(endpoint)["clientSecret"] not in body.decode()
    status = account.log_delivery.get(config.config_id).log_delivery_configuration.log_delivery_status
    assert status.status == billing.DeliveryStatus.SUCCEEDED
    account.log_delivery.patch_status(config.config_id, billing.LogDeliveryConfigStatus.DISABLED)


def test_pools_libraries_and_permissions(ws):
    pool = ws.instance_pools.create(instance_pool_name=f"pool-{suffix()}", node_type_id="m5d.large",
                                    min_idle_instances=1)
    spark = ws.clusters.select_spark_version(long_term_support=True)
    cluster = ws.clusters.create_and_wait(cluster_name="pooled", spark_version=spark, num_workers=1,
                                          instance_pool_id=pool.instance_pool_id, timeout=TIMEOUT)
    ws.libraries.install(cluster.cluster_id, libraries=[compute.Library(pypi=compute.PythonPyPiLibrary(package="rich"))])
    statuses = list(ws.libraries.cluster_status(cluster.cluster_id))
    assert [s.library.pypi.package for s in statuses] == ["rich"]
    assert statuses[0].status == compute.LibraryInstallStatus.INSTALLED

    ws.clusters.set_permissions(cluster.cluster_id, access_control_list=[compute.ClusterAccessControlRequest(
        group_name="users", permission_level=compute.ClusterPermissionLevel.CAN_RESTART)])
    permissions = ws.clusters.get_permissions(cluster.cluster_id)
    granted = {(a.group_name, a.all_permissions[0].permission_level) for a in permissions.access_control_list}
    assert ("users", compute.ClusterPermissionLevel.CAN_RESTART) in granted
    with pytest.raises(DatabricksError) as failure:
        ws.clusters.set_permissions(cluster.cluster_id, access_control_list=[compute.ClusterAccessControlRequest(
            user_name="nobody@example.com", permission_level=compute.ClusterPermissionLevel.CAN_MANAGE)])
    assert "does not exist" in str(failure.value)
    ws.clusters.permanent_delete(cluster.cluster_id)
    ws.instance_pools.delete(pool.instance_pool_id)
    with pytest.raises(DatabricksError) as missing:
        ws.instance_pools.get(pool.instance_pool_id)
    assert missing.value.error_code == "INVALID_PARAMETER_VALUE"
