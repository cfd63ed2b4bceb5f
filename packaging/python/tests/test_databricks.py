"""The plugin's fixtures with databricks-sdk: the account API, a workspace made on the emulated AWS, its API."""

from __future__ import annotations

import json
from datetime import timedelta

from databricks.sdk import AccountClient
from databricks.sdk.service import compute, provisioning

from brickyard import Emulator

# What Databricks' cross-account role may do for a Databricks-managed VPC (the part the emulator checks).
EC2_ACTIONS = [f"ec2:{action}" for action in (
    "AllocateAddress AssignPrivateIpAddresses AssociateDhcpOptions AssociateIamInstanceProfile AssociateRouteTable "
    "AttachInternetGateway AttachVolume AuthorizeSecurityGroupEgress AuthorizeSecurityGroupIngress "
    "CancelSpotInstanceRequests CreateDhcpOptions CreateFleet CreateInternetGateway CreateLaunchTemplate "
    "CreateNatGateway CreateRoute CreateRouteTable CreateSecurityGroup CreateSubnet CreateTags CreateVolume "
    "CreateVpc CreateVpcEndpoint DeleteDhcpOptions DeleteFleets DeleteInternetGateway DeleteLaunchTemplate "
    "DeleteNatGateway DeleteRoute DeleteRouteTable DeleteSecurityGroup DeleteSubnet DeleteTags DeleteVolume "
    "DeleteVpc DeleteVpcEndpoints DescribeAvailabilityZones DescribeFleetHistory DescribeFleetInstances "
    "DescribeFleets DescribeIamInstanceProfileAssociations DescribeInstanceStatus DescribeInstances "
    "DescribeInternetGateways DescribeLaunchTemplateVersions DescribeLaunchTemplates DescribeNatGateways "
    "DescribeNetworkAcls DescribePrefixLists DescribeReservedInstancesOfferings DescribeRouteTables "
    "DescribeSecurityGroups DescribeSpotInstanceRequests DescribeSpotPriceHistory DescribeSubnets DescribeVolumes "
    "DescribeVpcAttribute DescribeVpcs DetachInternetGateway DetachVolume DisassociateIamInstanceProfile "
    "DisassociateRouteTable GetSpotPlacementScores ModifyLaunchTemplate ModifyVpcAttribute ReleaseAddress "
    "ReplaceIamInstanceProfileAssociation RequestSpotInstances RevokeSecurityGroupEgress "
    "RevokeSecurityGroupIngress RunInstances TerminateInstances").split()]


def databricks_aws_side(emulator: Emulator) -> tuple[str, str]:
    """The cross-account role and root bucket a customer makes in AWS for a workspace: (role ARN, bucket)."""
    databricks_aws = emulator.info["databricks"]["awsAccountId"]
    iam, s3 = emulator.boto3_client("iam"), emulator.boto3_client("s3")
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{databricks_aws}:root"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": emulator.databricks_account_id}}}]}
    role = iam.create_role(RoleName="databricks-cross-account", AssumeRolePolicyDocument=json.dumps(trust))["Role"]
    spot = "arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot"
    iam.put_role_policy(RoleName="databricks-cross-account", PolicyName="databricks", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": EC2_ACTIONS, "Resource": "*"},
            {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:PutRolePolicy"], "Resource": spot,
             "Condition": {"StringLike": {"iam:AWSServiceName": "spot.amazonaws.com"}}}]}))
    s3.create_bucket(Bucket="databricks-root")
    s3.put_bucket_policy(Bucket="databricks-root", Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{databricks_aws}:root"},
        "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket",
                   "s3:GetBucketLocation"],
        "Resource": ["arn:aws:s3:::databricks-root/*", "arn:aws:s3:::databricks-root"]}]}))
    return role["Arn"], "databricks-root"


def test_a_workspace_on_the_emulated_aws(emulator: Emulator):
    account = emulator.databricks_account_client()
    assert list(account.workspaces.list()) == []
    role_arn, bucket = databricks_aws_side(emulator)
    credentials = account.credentials.create(
        credentials_name="creds", aws_credentials=provisioning.CreateCredentialAwsCredentials(
            sts_role=provisioning.CreateCredentialStsRole(role_arn=role_arn)))
    storage = account.storage.create(storage_configuration_name="storage",
                                     root_bucket_info=provisioning.RootBucketInfo(bucket_name=bucket))
    waiter = account.workspaces.create(
        workspace_name="analytics", aws_region=emulator.region, credentials_id=credentials.credentials_id,
        storage_configuration_id=storage.storage_configuration_id)
    emulator.advance_clock(600)  # the emulator's clock: the workspace is up without waiting for it
    workspace = waiter.result(timeout=timedelta(minutes=2))
    assert workspace.workspace_status == provisioning.WorkspaceStatus.RUNNING

    [running] = emulator.current_info()["databricks"]["workspaces"]
    ws = emulator.databricks_workspace_client(running["url"])
    assert ws.current_user.me().user_name
    waiter = ws.clusters.create(
        cluster_name="etl", spark_version="15.4.x-scala2.12", node_type_id="i3.xlarge", num_workers=1)
    emulator.advance_clock(600)
    cluster = waiter.result(timeout=timedelta(minutes=2))
    assert cluster.state == compute.State.RUNNING
    assert [c.cluster_name for c in ws.clusters.list()] == ["etl"]


def test_the_next_test_sees_no_workspace(emulator: Emulator):
    account = emulator.databricks_account_client()
    assert list(account.workspaces.list()) == []
    assert list(account.credentials.list()) == []
    assert emulator.boto3_client("iam").list_roles()["Roles"] == []


def test_emulator_env_for_databricks_sdk(emulator_env: Emulator):
    account = AccountClient()  # DATABRICKS_HOST, DATABRICKS_ACCOUNT_ID and DATABRICKS_TOKEN from the environment
    assert account.config.account_id == emulator_env.databricks_account_id
    assert list(account.workspaces.list()) == []
    assert list(account.storage.list()) == []
