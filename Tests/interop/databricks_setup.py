"""The AWS side of a Databricks deployment, made with boto3 the way a customer (or Terraform) makes it, and the
databricks-sdk clients for the emulator's account and workspace hosts."""

from __future__ import annotations

import json
import urllib.request
import uuid
from dataclasses import dataclass

from databricks.sdk import AccountClient, WorkspaceClient
from databricks.sdk.service import provisioning

from identities import DATABRICKS_ACCOUNT, client

REGION = "us-east-1"

# Databricks' documented cross-account policy for a customer-managed VPC.
CROSS_ACCOUNT_ACTIONS = [
    "ec2:AssignPrivateIpAddresses", "ec2:AssociateIamInstanceProfile", "ec2:AttachVolume",
    "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CancelSpotInstanceRequests",
    "ec2:CreateTags", "ec2:CreateVolume", "ec2:DeleteTags", "ec2:DeleteVolume", "ec2:DescribeAvailabilityZones",
    "ec2:DescribeIamInstanceProfileAssociations", "ec2:DescribeInstanceStatus", "ec2:DescribeInstances",
    "ec2:DescribeInternetGateways", "ec2:DescribeNatGateways", "ec2:DescribeNetworkAcls", "ec2:DescribePrefixLists",
    "ec2:DescribeReservedInstancesOfferings", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups",
    "ec2:DescribeSpotInstanceRequests", "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets", "ec2:DescribeVolumes",
    "ec2:DescribeVpcAttribute", "ec2:DescribeVpcs", "ec2:DetachVolume", "ec2:DisassociateIamInstanceProfile",
    "ec2:ReplaceIamInstanceProfileAssociation", "ec2:RequestSpotInstances", "ec2:RevokeSecurityGroupEgress",
    "ec2:RevokeSecurityGroupIngress", "ec2:RunInstances", "ec2:TerminateInstances", "ec2:CreateFleet",
    "ec2:DeleteFleets", "ec2:DescribeFleetHistory", "ec2:DescribeFleetInstances", "ec2:DescribeFleets",
    "ec2:CreateLaunchTemplate", "ec2:DeleteLaunchTemplate", "ec2:DescribeLaunchTemplates",
    "ec2:DescribeLaunchTemplateVersions", "ec2:ModifyLaunchTemplate", "ec2:GetSpotPlacementScores",
]

# A Databricks-managed VPC: Databricks also creates and deletes the network.
MANAGED_VPC_ACTIONS = CROSS_ACCOUNT_ACTIONS + [f"ec2:{action}" for action in [
    "AllocateAddress", "AssociateDhcpOptions", "AssociateRouteTable", "AttachInternetGateway", "CreateDhcpOptions",
    "CreateInternetGateway", "CreateNatGateway", "CreateRoute", "CreateRouteTable", "CreateSecurityGroup",
    "CreateSubnet", "CreateVpc", "CreateVpcEndpoint", "DeleteDhcpOptions", "DeleteInternetGateway", "DeleteNatGateway",
    "DeleteRoute", "DeleteRouteTable", "DeleteSecurityGroup", "DeleteSubnet", "DeleteVpc", "DeleteVpcEndpoints",
    "DetachInternetGateway", "DisassociateRouteTable", "ModifyVpcAttribute", "ReleaseAddress"]]


def info(endpoint: str) -> dict:
    with urllib.request.urlopen(f"{endpoint}/_brickyard/info", timeout=10) as response:
        return json.loads(response.read())["databricks"]


def account_client(endpoint: str) -> AccountClient:
    """The account host with OAuth M2M as the bootstrap account-admin service principal."""
    databricks = info(endpoint)
    return AccountClient(host=databricks["accountHost"], account_id=databricks["accountId"],
                         client_id=databricks["clientId"], client_secret=databricks["clientSecret"],
                         auth_type="oauth-m2m")


def workspace_client(endpoint: str, url: str, auth: str = "oauth-m2m") -> WorkspaceClient:
    """A workspace host, with OAuth M2M (the account's service principal) or the bootstrap token."""
    databricks = info(endpoint)
    if auth == "pat":
        return WorkspaceClient(host=url, token=databricks["token"], auth_type="pat")
    return WorkspaceClient(host=url, client_id=databricks["clientId"], client_secret=databricks["clientSecret"],
                           auth_type="oauth-m2m")


def trust_policy(external_id: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{DATABRICKS_ACCOUNT}:root"},
        "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": external_id}}}]})


def cross_account_policy(actions: list[str]) -> str:
    spot = "arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot"
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": actions, "Resource": "*"},
        {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:PutRolePolicy"], "Resource": spot,
         "Condition": {"StringLike": {"iam:AWSServiceName": "spot.amazonaws.com"}}},
    ]})


def bucket_policy(bucket: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "Grant Databricks Access", "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{DATABRICKS_ACCOUNT}:root"},
        "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket",
                   "s3:GetBucketLocation"],
        "Resource": [f"arn:aws:s3:::{bucket}/*", f"arn:aws:s3:::{bucket}"]}]})


@dataclass
class AWSSide:
    """What the customer made in AWS for one workspace."""

    endpoint: str
    role_name: str
    role_arn: str
    bucket: str

    @property
    def iam(self):
        return client(self.endpoint, "iam")

    @property
    def s3(self):
        return client(self.endpoint, "s3")

    def instance_profile(self) -> tuple[str, str]:
        """A role that EC2 may assume and an instance profile holding it: (profile ARN, role ARN)."""
        name = f"data-access-{uuid.uuid4().hex[:8]}"
        ec2_trust = json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
        role = self.iam.create_role(RoleName=name, AssumeRolePolicyDocument=ec2_trust)["Role"]
        profile = self.iam.create_instance_profile(InstanceProfileName=name)["InstanceProfile"]
        self.iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=name)
        return profile["Arn"], role["Arn"]

    def allow_pass_role(self, role_arn: str) -> None:
        self.iam.put_role_policy(RoleName=self.role_name, PolicyName="pass-role", PolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole",
                                                    "Resource": role_arn}]}))


def make_aws_side(endpoint: str, external_id: str, *, bucket_policy_granted: bool = True,
                  actions: list[str] = MANAGED_VPC_ACTIONS) -> AWSSide:
    suffix = uuid.uuid4().hex[:8]
    iam = client(endpoint, "iam")
    s3 = client(endpoint, "s3")
    role_name = f"databricks-cross-account-{suffix}"
    role = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=trust_policy(external_id))["Role"]
    iam.put_role_policy(RoleName=role_name, PolicyName="databricks", PolicyDocument=cross_account_policy(actions))
    bucket = f"databricks-root-{suffix}"
    s3.create_bucket(Bucket=bucket)
    if bucket_policy_granted:
        s3.put_bucket_policy(Bucket=bucket, Policy=bucket_policy(bucket))
    return AWSSide(endpoint, role_name, role["Arn"], bucket)


def configurations(account, aws, name: str):
    """Credentials and storage configurations for an AWS side."""
    credentials = account.credentials.create(
        credentials_name=f"creds-{name}", aws_credentials=provisioning.CreateCredentialAwsCredentials(
            sts_role=provisioning.CreateCredentialStsRole(role_arn=aws.role_arn)))
    storage = account.storage.create(storage_configuration_name=f"storage-{name}",
                                     root_bucket_info=provisioning.RootBucketInfo(bucket_name=aws.bucket))
    return credentials, storage
