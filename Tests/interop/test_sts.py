"""STS through boto3: GetCallerIdentity, AssumeRole with trust policies, external ids, durations, session policies
and tags, role chaining, GetSessionToken, and temporary credentials that expire on the emulator's clock."""

from __future__ import annotations

import datetime

import pytest
from botocore.exceptions import ClientError

from conftest import failure
from identities import (
    ACCOUNT, DATABRICKS_ACCOUNT, ROOT, advance_clock, allow, assumed, client, external_principal, name, new_user,
    policy, trust,
)


@pytest.fixture(scope="module")
def iam(endpoint):
    return ROOT.client(endpoint, "iam")


@pytest.fixture(scope="module")
def sts(endpoint):
    return ROOT.client(endpoint, "sts")


def make_role(iam, trust_policy: str, **extra) -> str:
    return iam.create_role(RoleName=name("role"), AssumeRolePolicyDocument=trust_policy, **extra)["Role"]["Arn"]


def test_get_caller_identity_of_root(sts):
    identity = sts.get_caller_identity()
    assert identity["Account"] == ACCOUNT
    assert identity["Arn"] == f"arn:aws:iam::{ACCOUNT}:root"
    assert identity["UserId"] == ACCOUNT


def test_get_caller_identity_of_a_user_needs_no_policy(iam, endpoint):
    user = new_user(iam, endpoint)
    identity = user.client(endpoint, "sts").get_caller_identity()
    assert identity["Arn"] == user.arn
    assert identity["UserId"].startswith("AIDA")
    assert identity["Account"] == ACCOUNT


def test_unknown_key_and_wrong_secret(endpoint):
    with pytest.raises(ClientError) as unknown:
        client(endpoint, "sts", "AKIAUNKNOWNUNKNOWN00", "x" * 40).get_caller_identity()
    assert failure(unknown) == ("InvalidClientTokenId", 403)
    with pytest.raises(ClientError) as wrong:
        client(endpoint, "sts", "test", "wrong").get_caller_identity()
    assert failure(wrong) == ("SignatureDoesNotMatch", 403)


# MARK: - external id (the Databricks cross-account role)


@pytest.fixture(scope="module")
def databricks_role(iam):
    return make_role(
        iam,
        trust({"AWS": f"arn:aws:iam::{DATABRICKS_ACCOUNT}:root"},
              StringEquals={"sts:ExternalId": "0d26daa6-5e44-4c97-a497-ef015f91254a"}),
    )


@pytest.fixture(scope="module")
def databricks(endpoint):
    return external_principal(endpoint)


def test_external_principal_is_of_the_other_account(databricks, endpoint):
    identity = databricks.client(endpoint, "sts").get_caller_identity()
    assert identity["Account"] == DATABRICKS_ACCOUNT
    assert identity["Arn"] == databricks.arn


def test_external_id_missing_is_denied(databricks, databricks_role, endpoint):
    with pytest.raises(ClientError) as denied:
        databricks.client(endpoint, "sts").assume_role(RoleArn=databricks_role, RoleSessionName="databricks")
    assert failure(denied) == ("AccessDenied", 403)
    message = denied.value.response["Error"]["Message"]
    assert message == (f"User: {databricks.arn} is not authorized to perform: sts:AssumeRole on resource: "
                       f"{databricks_role}")


def test_external_id_wrong_is_denied(databricks, databricks_role, endpoint):
    with pytest.raises(ClientError) as denied:
        databricks.client(endpoint, "sts").assume_role(
            RoleArn=databricks_role, RoleSessionName="databricks", ExternalId="another-account-id")
    assert failure(denied) == ("AccessDenied", 403)


def test_external_id_right_is_allowed(databricks, databricks_role, endpoint):
    answer = databricks.client(endpoint, "sts").assume_role(
        RoleArn=databricks_role, RoleSessionName="databricks", ExternalId="0d26daa6-5e44-4c97-a497-ef015f91254a")
    role_name = databricks_role.rsplit("/", 1)[1]
    assert answer["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/{role_name}/databricks"
    assert answer["AssumedRoleUser"]["AssumedRoleId"].startswith("AROA")
    assert answer["AssumedRoleUser"]["AssumedRoleId"].endswith(":databricks")
    assert answer["Credentials"]["AccessKeyId"].startswith("ASIA")
    session = client(endpoint, "sts", answer["Credentials"]["AccessKeyId"], answer["Credentials"]["SecretAccessKey"],
                     answer["Credentials"]["SessionToken"])
    assert session.get_caller_identity()["Arn"] == answer["AssumedRoleUser"]["Arn"]


def test_a_third_account_is_denied_even_with_the_right_external_id(databricks_role, endpoint):
    stranger = external_principal(endpoint, account="222233334444")
    with pytest.raises(ClientError) as denied:
        stranger.client(endpoint, "sts").assume_role(
            RoleArn=databricks_role, RoleSessionName="sess", ExternalId="0d26daa6-5e44-4c97-a497-ef015f91254a")
    assert failure(denied) == ("AccessDenied", 403)


# MARK: - trust policies


def test_service_trusted_role_is_not_assumable_by_users(iam, endpoint):
    role = make_role(iam, trust({"Service": ["ec2.amazonaws.com", "sagemaker.amazonaws.com"]}))
    admin = new_user(iam, endpoint, managed=["arn:aws:iam::aws:policy/AdministratorAccess"])
    with pytest.raises(ClientError) as denied:
        admin.client(endpoint, "sts").assume_role(RoleArn=role, RoleSessionName="sess")
    assert failure(denied) == ("AccessDenied", 403)


def test_root_cannot_assume_roles(iam, sts):
    role = make_role(iam, trust({"AWS": f"arn:aws:iam::{ACCOUNT}:root"}))
    with pytest.raises(ClientError) as denied:
        sts.assume_role(RoleArn=role, RoleSessionName="sess")
    assert failure(denied) == ("AccessDenied", 403)


def test_missing_role_is_access_denied_not_no_such_entity(iam, endpoint):
    user = new_user(iam, endpoint, inline=policy(allow("sts:AssumeRole")))
    missing = f"arn:aws:iam::{ACCOUNT}:role/does-not-exist"
    with pytest.raises(ClientError) as denied:
        user.client(endpoint, "sts").assume_role(RoleArn=missing, RoleSessionName="sess")
    assert failure(denied) == ("AccessDenied", 403)
    assert f"sts:AssumeRole on resource: {missing}" in denied.value.response["Error"]["Message"]


def test_trust_naming_the_account_needs_the_callers_own_permission(iam, endpoint):
    role = make_role(iam, trust({"AWS": f"arn:aws:iam::{ACCOUNT}:root"}))
    without = new_user(iam, endpoint)
    with pytest.raises(ClientError) as denied:
        without.client(endpoint, "sts").assume_role(RoleArn=role, RoleSessionName="sess")
    assert failure(denied) == ("AccessDenied", 403)
    allowed = new_user(iam, endpoint, inline=policy(allow("sts:AssumeRole", role)))
    assert allowed.client(endpoint, "sts").assume_role(RoleArn=role, RoleSessionName="sess")["Credentials"]


def test_trust_naming_the_user_is_enough_in_the_same_account(iam, endpoint):
    user = new_user(iam, endpoint)
    role = make_role(iam, trust({"AWS": user.arn}))
    assert user.client(endpoint, "sts").assume_role(RoleArn=role, RoleSessionName="sess")["Credentials"]


def test_explicit_deny_of_assume_role_wins_over_the_trust_policy(iam, endpoint):
    placeholder = new_user(iam, endpoint)
    role = make_role(iam, trust({"AWS": placeholder.arn}))
    iam.put_user_policy(UserName=placeholder.arn.rsplit("/", 1)[1], PolicyName="no",
                        PolicyDocument=policy({"Effect": "Deny", "Action": "sts:AssumeRole", "Resource": role}))
    with pytest.raises(ClientError) as denied:
        placeholder.client(endpoint, "sts").assume_role(RoleArn=role, RoleSessionName="sess")
    assert failure(denied) == ("AccessDenied", 403)


# MARK: - parameters


@pytest.fixture(scope="module")
def assumer(iam, endpoint):
    user = new_user(iam, endpoint)
    role = make_role(iam, trust({"AWS": user.arn}), MaxSessionDuration=7200)
    # botocore checks lengths and ranges itself; turned off so that the emulator's answer is what is tested.
    return user.client(endpoint, "sts", parameter_validation=False), role


@pytest.mark.parametrize("duration,code", [(899, "ValidationError"), (7201, "ValidationError"),
                                           (43201, "ValidationError")])
def test_duration_limits(assumer, duration, code):
    sts, role = assumer
    with pytest.raises(ClientError) as error:
        sts.assume_role(RoleArn=role, RoleSessionName="sess", DurationSeconds=duration)
    assert failure(error) == (code, 400)


def test_duration_within_max_session_duration(assumer):
    sts, role = assumer
    answer = sts.assume_role(RoleArn=role, RoleSessionName="sess", DurationSeconds=7200)
    lifetime = answer["Credentials"]["Expiration"] - datetime.datetime.now(datetime.timezone.utc)
    assert datetime.timedelta(minutes=110) < lifetime <= datetime.timedelta(minutes=121)


@pytest.mark.parametrize("session_name", ["a", "x" * 65, "has space", "semi;colon"])
def test_session_name_rules(assumer, session_name):
    sts, role = assumer
    with pytest.raises(ClientError) as error:
        sts.assume_role(RoleArn=role, RoleSessionName=session_name)
    assert failure(error) == ("ValidationError", 400)


def test_malformed_session_policy(assumer):
    sts, role = assumer
    with pytest.raises(ClientError) as error:
        sts.assume_role(RoleArn=role, RoleSessionName="sess", Policy='{"Version": "2012-10-17"')
    assert failure(error) == ("MalformedPolicyDocument", 400)


def test_role_chaining_is_limited_to_one_hour(iam, endpoint):
    user = new_user(iam, endpoint)
    first = make_role(iam, trust({"AWS": user.arn}))
    first_session = assumed(user.client(endpoint, "sts"), first)
    second = make_role(iam, trust({"AWS": first}), MaxSessionDuration=7200)
    chained = first_session.client(endpoint, "sts")
    with pytest.raises(ClientError) as error:
        chained.assume_role(RoleArn=second, RoleSessionName="sess", DurationSeconds=7200)
    assert failure(error) == ("ValidationError", 400)
    assert "role chaining" in error.value.response["Error"]["Message"]
    assert chained.assume_role(RoleArn=second, RoleSessionName="sess")["AssumedRoleUser"]


# MARK: - temporary credentials


def test_temporary_credentials_need_their_token_and_expire_on_the_emulators_clock(iam, endpoint):
    user = new_user(iam, endpoint)
    role = make_role(iam, trust({"AWS": user.arn}))
    session = assumed(user.client(endpoint, "sts"), role, DurationSeconds=900)
    assert session.client(endpoint, "sts").get_caller_identity()
    with pytest.raises(ClientError) as no_token:
        client(endpoint, "sts", session.access_key_id, session.secret_access_key).get_caller_identity()
    assert failure(no_token) == ("InvalidClientTokenId", 403)
    with pytest.raises(ClientError) as wrong_token:
        client(endpoint, "sts", session.access_key_id, session.secret_access_key, "x" * 300).get_caller_identity()
    assert failure(wrong_token) == ("InvalidClientTokenId", 403)
    advance_clock(endpoint, 901)
    with pytest.raises(ClientError) as expired:
        session.client(endpoint, "sts").get_caller_identity()
    assert failure(expired) == ("ExpiredToken", 403)


def test_get_session_token_acts_as_the_user(iam, endpoint):
    user = new_user(iam, endpoint)
    answer = user.client(endpoint, "sts").get_session_token(DurationSeconds=900)
    credentials = answer["Credentials"]
    assert credentials["AccessKeyId"].startswith("ASIA")
    session = client(endpoint, "sts", credentials["AccessKeyId"], credentials["SecretAccessKey"],
                     credentials["SessionToken"])
    assert session.get_caller_identity()["Arn"] == user.arn
    with pytest.raises(ClientError) as error:
        session.get_session_token()
    assert failure(error) == ("AccessDenied", 403)


def test_cli_get_caller_identity(aws):
    identity = aws.json("sts", "get-caller-identity")
    assert identity == {"UserId": ACCOUNT, "Account": ACCOUNT, "Arn": f"arn:aws:iam::{ACCOUNT}:root"}
