"""databricks-sdk, unchanged, against the emulator: it provisions a workspace on a customer-managed VPC with VPC
endpoints, private access settings and a customer-managed key, validated through the emulated IAM, STS and S3,
waits for RUNNING with its own waiter, then on the workspace host registers an instance profile (refused until the
cross-account role may pass its role), runs a cluster and a job, and manages secrets and notebooks. Misconfigured
AWS sides fail with messages that say why."""

from __future__ import annotations

import base64
import io
import uuid
from datetime import timedelta

import pytest
from databricks.sdk.errors import DatabricksError, NotFound
from databricks.sdk.service import compute, jobs, provisioning, workspace

from databricks_setup import (CROSS_ACCOUNT_ACTIONS, REGION, account_client, configurations, info, make_aws_side,
                              workspace_client)

TIMEOUT = timedelta(minutes=2)


def suffix() -> str:
    return uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def account(endpoint):
    return account_client(endpoint)


@pytest.fixture(scope="module")
def deployment(endpoint, account):
    """A workspace provisioned with every kind of account configuration, and its AWS side."""
    # The customer-managed VPC policy exactly as Databricks documents it: nothing more.
    aws = make_aws_side(endpoint, info(endpoint)["accountId"], actions=CROSS_ACCOUNT_ACTIONS)
    name = suffix()
    credentials, storage = configurations(account, aws, name)
    rest = account.vpc_endpoints.create(vpc_endpoint_name=f"rest-{name}", aws_vpc_endpoint_id=f"vpce-0{name}a",
                                        region=REGION)
    relay = account.vpc_endpoints.create(vpc_endpoint_name=f"relay-{name}", aws_vpc_endpoint_id=f"vpce-0{name}b",
                                         region=REGION)
    network = account.networks.create(
        network_name=f"network-{name}", vpc_id=f"vpc-0{name}", subnet_ids=[f"subnet-0{name}a", f"subnet-0{name}b"],
        security_group_ids=[f"sg-0{name}"],
        vpc_endpoints=provisioning.NetworkVpcEndpoints(rest_api=[rest.vpc_endpoint_id],
                                                       dataplane_relay=[relay.vpc_endpoint_id]))
    private_access = account.private_access.create(
        private_access_settings_name=f"pas-{name}", region=REGION, public_access_enabled=True,
        private_access_level=provisioning.PrivateAccessLevel.ENDPOINT,
        allowed_vpc_endpoint_ids=[rest.vpc_endpoint_id])
    key = account.encryption_keys.create(
        use_cases=[provisioning.KeyUseCase.MANAGED_SERVICES],
        aws_key_info=provisioning.CreateAwsKeyInfo(key_arn=f"arn:aws:kms:{REGION}:000000000000:key/{uuid.uuid4()}"))
    created = account.workspaces.create_and_wait(
        workspace_name=f"workspace-{name}", aws_region=REGION, credentials_id=credentials.credentials_id,
        storage_configuration_id=storage.storage_configuration_id, network_id=network.network_id,
        private_access_settings_id=private_access.private_access_settings_id,
        managed_services_customer_managed_key_id=key.customer_managed_key_id, timeout=TIMEOUT)
    return {"aws": aws, "workspace": created, "credentials": credentials, "storage": storage, "network": network,
            "key": key, "private_access": private_access, "endpoints": (rest, relay)}


@pytest.fixture(scope="module")
def ws(endpoint, account, deployment):
    # workspace_url is in the answer, but this SDK's Workspace dataclass does not keep it.
    url = account.api_client.do(
        "GET", f"/api/2.0/accounts/{account.config.account_id}/workspaces/{deployment['workspace'].workspace_id}"
    )["workspace_url"]
    return workspace_client(endpoint, url)


# MARK: - account API


def test_workspace_reaches_running_with_every_configuration(account, deployment):
    workspace_ = deployment["workspace"]
    assert workspace_.workspace_status == provisioning.WorkspaceStatus.RUNNING
    assert workspace_.network_id == deployment["network"].network_id
    assert workspace_.managed_services_customer_managed_key_id == deployment["key"].customer_managed_key_id
    assert any(w.workspace_id == workspace_.workspace_id for w in account.workspaces.list())
    network = account.networks.get(deployment["network"].network_id)
    assert network.vpc_status == provisioning.VpcStatus.VALID
    assert network.workspace_id == workspace_.workspace_id
    credentials = account.api_client.do(
        "GET", f"/api/2.0/accounts/{account.config.account_id}/credentials/{deployment['credentials'].credentials_id}")
    assert credentials["aws_credentials"]["sts_role"]["external_id"] == info_account_id(account)
    assert deployment["key"].aws_key_info.key_region == REGION


def info_account_id(account) -> str:
    return account.config.account_id


def test_configurations_in_use_cannot_be_deleted(account, deployment):
    with pytest.raises(DatabricksError) as failure:
        account.credentials.delete(deployment["credentials"].credentials_id)
    assert failure.value.error_code == "INVALID_STATE"
    with pytest.raises(DatabricksError):
        account.storage.delete(deployment["storage"].storage_configuration_id)


def test_private_access_settings_are_replaced(account, deployment):
    settings = deployment["private_access"]
    settings.public_access_enabled = False
    account.private_access.replace(customer_facing_private_access_settings=settings,
                                   private_access_settings_id=settings.private_access_settings_id)
    assert account.private_access.get(settings.private_access_settings_id).public_access_enabled is False


def test_missing_objects_are_not_found(account):
    with pytest.raises(NotFound):
        account.credentials.get(str(uuid.uuid4()))
    with pytest.raises(NotFound):
        account.workspaces.get(123)


def test_bad_network_is_refused(account):
    with pytest.raises(DatabricksError) as failure:
        account.networks.create(network_name=f"bad-{suffix()}", vpc_id="vpc-01", subnet_ids=["subnet-01"],
                                security_group_ids=["sg-01"])
    assert failure.value.error_code == "INVALID_PARAMETER_VALUE"
    assert "at least 2 subnets" in str(failure.value)


# MARK: - validation of the AWS side


def test_wrong_external_id_fails_credentials_with_the_reason(endpoint, account):
    aws = make_aws_side(endpoint, external_id="not-the-account-id")
    with pytest.raises(DatabricksError) as failure:
        account.credentials.create(
            credentials_name=f"creds-{suffix()}",
            aws_credentials=provisioning.CreateCredentialAwsCredentials(
                sts_role=provisioning.CreateCredentialStsRole(role_arn=aws.role_arn)))
    message = str(failure.value)
    assert failure.value.error_code == "MALFORMED_REQUEST"
    assert "Failed credential validation checks" in message
    assert "414351767826" in message and "external id" in message


def test_workspace_whose_role_trusts_another_external_id_fails_with_the_reason(endpoint, account):
    aws = make_aws_side(endpoint, info(endpoint)["accountId"])
    name = suffix()
    credentials, storage = configurations(account, aws, name)
    # The role's trust policy changes after the credentials were registered (a Terraform apply elsewhere, say).
    from databricks_setup import trust_policy
    aws.iam.update_assume_role_policy(RoleName=aws.role_name, PolicyDocument=trust_policy("another-account-id"))
    with pytest.raises(DatabricksError) as failure:
        account.workspaces.create(workspace_name=f"ws-{name}", aws_region=REGION,
                                  credentials_id=credentials.credentials_id,
                                  storage_configuration_id=storage.storage_configuration_id)
    message = str(failure.value)
    assert message.startswith("Failed credential validation checks: please use a valid cross account IAM role")
    assert f"external id {info(endpoint)['accountId']}" in message


def workspace_creation_failure(endpoint, account, **aws_side) -> tuple[str, object]:
    """The message with which creating a workspace on a (misconfigured) AWS side fails, and that side."""
    aws = make_aws_side(endpoint, info(endpoint)["accountId"], **aws_side)
    name = suffix()
    credentials, storage = configurations(account, aws, name)
    with pytest.raises(DatabricksError) as failure:
        account.workspaces.create(workspace_name=f"ws-{name}", aws_region=REGION,
                                  credentials_id=credentials.credentials_id,
                                  storage_configuration_id=storage.storage_configuration_id)
    return str(failure.value), aws


def test_bucket_without_policy_fails_the_workspace(endpoint, account):
    message, aws = workspace_creation_failure(endpoint, account, bucket_policy_granted=False)
    assert "Failed storage configuration validation checks: List, Get, Put, PutWithBucketOwnerFullControl, Delete" \
        in message
    assert aws.bucket in message


def test_missing_cross_account_permissions_are_named(endpoint, account):
    message, _ = workspace_creation_failure(
        endpoint, account, actions=["ec2:DescribeInstances", "ec2:RunInstances", "ec2:TerminateInstances"])
    assert "Failed credentials validation checks:" in message
    assert "Spot Cancellation" in message and "Request Spot Instances" in message
    assert "Describe instances" not in message


# MARK: - the workspace host


def test_me_names_the_service_principal(ws, deployment):
    me = ws.current_user.me()
    assert me.user_name == info_client_id(ws)
    assert ws.get_workspace_id() == deployment["workspace"].workspace_id


def info_client_id(ws) -> str:
    return ws.config.client_id


def test_instance_profile_needs_pass_role_then_a_cluster_runs_with_it(ws, deployment):
    aws = deployment["aws"]
    profile_arn, role_arn = aws.instance_profile()
    with pytest.raises(DatabricksError) as failure:
        ws.instance_profiles.add(instance_profile_arn=profile_arn)
    assert failure.value.error_code == "DRY_RUN_FAILED"
    assert "Verification of the instance profile failed" in str(failure.value)
    assert "iam:PassRole" in str(failure.value)
    aws.allow_pass_role(role_arn)
    ws.instance_profiles.add(instance_profile_arn=profile_arn)
    assert profile_arn in [p.instance_profile_arn for p in ws.instance_profiles.list()]

    cluster = ws.clusters.create_and_wait(
        cluster_name=f"interop-{suffix()}", spark_version=ws.clusters.select_spark_version(long_term_support=True),
        node_type_id=ws.clusters.select_node_type(local_disk=True), num_workers=1,
        aws_attributes=compute.AwsAttributes(instance_profile_arn=profile_arn), autotermination_minutes=60,
        timeout=TIMEOUT)
    assert cluster.state == compute.State.RUNNING
    ws.clusters.delete_and_wait(cluster.cluster_id, timeout=TIMEOUT)
    assert ws.clusters.get(cluster.cluster_id).state == compute.State.TERMINATED


def test_unregistered_instance_profile_is_refused(ws):
    with pytest.raises(DatabricksError) as failure:
        ws.clusters.create(cluster_name="x", spark_version=ws.clusters.select_spark_version(long_term_support=True),
                           node_type_id="i3.xlarge", num_workers=1,
                           aws_attributes=compute.AwsAttributes(
                               instance_profile_arn="arn:aws:iam::000000000000:instance-profile/nope"))
    assert failure.value.error_code == "INVALID_PARAMETER_VALUE"


def notebook(ws, source: str) -> str:
    path = f"/Shared/interop-{suffix()}"
    ws.workspace.import_(path=path, content=base64.b64encode(source.encode()).decode(),
                         format=workspace.ImportFormat.SOURCE, language=workspace.Language.PYTHON)
    return path


def test_a_job_runs_a_notebook_to_success_and_a_raising_one_fails(ws):
    cluster = ws.clusters.create_and_wait(
        cluster_name=f"jobs-{suffix()}", spark_version=ws.clusters.select_spark_version(long_term_support=True),
        node_type_id="i3.xlarge", num_workers=1, timeout=TIMEOUT)
    good = notebook(ws, 'print("hello")\ndbutils.notebook.exit("done")\n')
    job = ws.jobs.create(name=f"job-{suffix()}", tasks=[jobs.Task(
        task_key="main", existing_cluster_id=cluster.cluster_id, notebook_task=jobs.NotebookTask(notebook_path=good))])
    run = ws.jobs.run_now_and_wait(job.job_id, timeout=TIMEOUT)
    assert run.state.life_cycle_state == jobs.RunLifeCycleState.TERMINATED
    assert run.state.result_state == jobs.RunResultState.SUCCESS
    output = ws.jobs.get_run_output(run.tasks[0].run_id)
    assert output.notebook_output.result == "done"

    bad = notebook(ws, 'raise ValueError("the input table is empty")\n')
    submitted = ws.jobs.submit_and_wait(run_name="failing", tasks=[jobs.SubmitTask(
        task_key="main", existing_cluster_id=cluster.cluster_id, notebook_task=jobs.NotebookTask(notebook_path=bad))],
        timeout=TIMEOUT)
    assert submitted.state.result_state == jobs.RunResultState.FAILED
    assert "the input table is empty" in ws.jobs.get_run_output(submitted.tasks[0].run_id).error
    assert any(r.run_id == run.run_id for r in ws.jobs.list_runs(job_id=job.job_id))


def test_secrets_are_managed_and_never_listed_with_values(ws):
    scope = f"scope-{suffix()}"
    ws.secrets.create_scope(scope=scope)
    with pytest.raises(DatabricksError) as failure:
        ws.secrets.create_scope(scope=scope)
    assert failure.value.error_code == "RESOURCE_ALREADY_EXISTS"
    ws.secrets.put_secret(scope=scope, key="password", string_value="s3cr3t")
    listed = list(ws.secrets.list_secrets(scope=scope))
    assert [s.key for s in listed] == ["password"]
    assert "s3cr3t" not in str(listed)
    assert base64.b64decode(ws.secrets.get_secret(scope=scope, key="password").value) == b"s3cr3t"
    ws.secrets.put_acl(scope=scope, principal="users", permission=workspace.AclPermission.READ)
    assert ws.secrets.get_acl(scope=scope, principal="users").permission == workspace.AclPermission.READ
    ws.secrets.delete_secret(scope=scope, key="password")
    with pytest.raises(NotFound):
        ws.secrets.get_secret(scope=scope, key="password")
    ws.secrets.delete_scope(scope=scope)
    assert scope not in [s.name for s in ws.secrets.list_scopes()]


def test_notebooks_are_imported_uploaded_exported_listed_and_deleted(ws):
    folder = f"/Shared/folder-{suffix()}"
    ws.workspace.mkdirs(folder)
    ws.workspace.upload(f"{folder}/etl.py", io.BytesIO(b"# Databricks notebook source\nprint(1)\n"),
                        format=workspace.ImportFormat.AUTO)
    status = ws.workspace.get_status(f"{folder}/etl")
    assert status.object_type == workspace.ObjectType.NOTEBOOK
    assert status.language == workspace.Language.PYTHON
    with ws.workspace.download(f"{folder}/etl") as exported:
        assert b"print(1)" in exported.read()
    assert [o.path for o in ws.workspace.list(folder)] == [f"{folder}/etl"]
    with pytest.raises(DatabricksError) as failure:
        ws.workspace.delete(folder)
    assert failure.value.error_code == "DIRECTORY_NOT_EMPTY"
    ws.workspace.delete(folder, recursive=True)
    with pytest.raises(NotFound):
        ws.workspace.get_status(folder)


def test_personal_access_tokens_work_on_their_own_workspace_only(endpoint, account, ws, deployment):
    token = ws.tokens.create(comment="interop", lifetime_seconds=600)
    from databricks.sdk import WorkspaceClient
    own = WorkspaceClient(host=ws.config.host, token=token.token_value, auth_type="pat")
    assert own.current_user.me().user_name == info_client_id(ws)
    with pytest.raises(DatabricksError):
        WorkspaceClient(host=info(endpoint)["accountHost"] + "/_workspaces/nope", token=token.token_value,
                        auth_type="pat").current_user.me()


def test_deleted_workspace_eventually_answers_404(endpoint, account):
    aws = make_aws_side(endpoint, info(endpoint)["accountId"])
    name = suffix()
    credentials, storage = configurations(account, aws, name)
    created = account.workspaces.create_and_wait(
        workspace_name=f"ws-{name}", aws_region=REGION, credentials_id=credentials.credentials_id,
        storage_configuration_id=storage.storage_configuration_id, timeout=TIMEOUT)
    account.workspaces.delete(created.workspace_id)
    import time
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            account.workspaces.get(created.workspace_id)
        except NotFound:
            break
        time.sleep(0.5)
    else:
        pytest.fail("the deleted workspace never answered 404")
    account.credentials.delete(credentials.credentials_id)
