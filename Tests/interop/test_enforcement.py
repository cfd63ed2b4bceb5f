"""IAM enforcement on every request, through boto3: users are denied until a policy allows, explicit denies win,
a bucket policy alone grants a same-account user, cross-account access needs both sides, assumed-role credentials
carry exactly the role's permissions (narrowed by session policies), and iam:PassRole guards handing a role over."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from conftest import empty_and_delete, failure
from identities import (
    ACCOUNT, ROOT, allow, assumed, client, deny, external_principal, name, new_user, policy, trust,
)

S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
S3_FULL = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"


@pytest.fixture(scope="module")
def iam(endpoint):
    return ROOT.client(endpoint, "iam")


@pytest.fixture(scope="module")
def root_s3(endpoint):
    return ROOT.client(endpoint, "s3")


@pytest.fixture
def shared_bucket(root_s3):
    bucket = name("enforced")
    root_s3.create_bucket(Bucket=bucket)
    root_s3.put_object(Bucket=bucket, Key="data/report.csv", Body=b"a,b\n1,2\n")
    yield bucket
    empty_and_delete(root_s3, bucket)


def denied(call, *args, **kwargs) -> ClientError:
    with pytest.raises(ClientError) as error:
        call(*args, **kwargs)
    assert failure(error) == ("AccessDenied", 403), error.value.response["Error"]
    return error.value


# MARK: - identity policies


def test_a_new_user_is_denied_until_a_policy_allows(iam, endpoint, shared_bucket):
    user = new_user(iam, endpoint)
    s3 = user.client(endpoint, "s3")
    error = denied(s3.list_buckets)
    assert user.arn in error.response["Error"]["Message"]
    assert "s3:ListAllMyBuckets" in error.response["Error"]["Message"]
    denied(s3.get_object, Bucket=shared_bucket, Key="data/report.csv")
    denied(user.client(endpoint, "iam").list_users)

    iam.attach_user_policy(UserName=user.arn.rsplit("/", 1)[1], PolicyArn=S3_READ_ONLY)
    assert shared_bucket in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    assert s3.get_object(Bucket=shared_bucket, Key="data/report.csv")["Body"].read() == b"a,b\n1,2\n"
    denied(s3.put_object, Bucket=shared_bucket, Key="new", Body=b"x")
    denied(s3.delete_object, Bucket=shared_bucket, Key="data/report.csv")


def test_iam_calls_are_authorized_by_resource(iam, endpoint):
    user = new_user(iam, endpoint, inline=policy(allow("iam:GetUser", f"arn:aws:iam::{ACCOUNT}:user/*")))
    user_iam = user.client(endpoint, "iam")
    assert user_iam.get_user()["User"]["Arn"] == user.arn
    error = denied(user_iam.create_user, UserName=name("other"))
    message = error.response["Error"]["Message"]
    assert message.startswith(f"User: {user.arn} is not authorized to perform: iam:CreateUser on resource: "
                              f"arn:aws:iam::{ACCOUNT}:user/")


def test_explicit_deny_wins_over_administrator_access(iam, endpoint, shared_bucket):
    user = new_user(iam, endpoint, managed=[ADMIN],
                    inline=policy(deny("s3:DeleteObject", f"arn:aws:s3:::{shared_bucket}/*")))
    s3 = user.client(endpoint, "s3")
    s3.put_object(Bucket=shared_bucket, Key="scratch", Body=b"x")
    error = denied(s3.delete_object, Bucket=shared_bucket, Key="scratch")
    assert "explicit deny in an identity-based policy" in error.response["Error"]["Message"]
    result = s3.delete_objects(Bucket=shared_bucket, Delete={"Objects": [{"Key": "scratch"}]})
    assert result["Errors"][0]["Code"] == "AccessDenied"
    assert "Deleted" not in result


def test_conditions_are_evaluated(iam, endpoint, shared_bucket):
    only_data = policy(
        allow("s3:ListBucket", f"arn:aws:s3:::{shared_bucket}", Condition={"StringLike": {"s3:prefix": "data/*"}}))
    s3 = new_user(iam, endpoint, inline=only_data).client(endpoint, "s3")
    assert s3.list_objects_v2(Bucket=shared_bucket, Prefix="data/")["KeyCount"] == 1
    denied(s3.list_objects_v2, Bucket=shared_bucket, Prefix="secret/")
    denied(s3.list_objects_v2, Bucket=shared_bucket)


def test_group_policies_apply_to_members(iam, endpoint, shared_bucket):
    group = name("readers")
    iam.create_group(GroupName=group)
    iam.attach_group_policy(GroupName=group, PolicyArn=S3_READ_ONLY)
    user = new_user(iam, endpoint)
    s3 = user.client(endpoint, "s3")
    denied(s3.get_object, Bucket=shared_bucket, Key="data/report.csv")
    iam.add_user_to_group(GroupName=group, UserName=user.arn.rsplit("/", 1)[1])
    assert s3.get_object(Bucket=shared_bucket, Key="data/report.csv")["ContentLength"] == 8


# MARK: - bucket policies


def test_bucket_policy_alone_grants_a_same_account_user(iam, endpoint, root_s3, shared_bucket):
    user = new_user(iam, endpoint)
    s3 = user.client(endpoint, "s3")
    denied(s3.get_object, Bucket=shared_bucket, Key="data/report.csv")
    root_s3.put_bucket_policy(Bucket=shared_bucket, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": user.arn}, "Action": "s3:GetObject",
                       "Resource": f"arn:aws:s3:::{shared_bucket}/*"}],
    }))
    assert s3.get_object(Bucket=shared_bucket, Key="data/report.csv")["Body"].read() == b"a,b\n1,2\n"
    denied(s3.list_objects_v2, Bucket=shared_bucket)
    denied(s3.put_object, Bucket=shared_bucket, Key="x", Body=b"x")


def test_bucket_policy_deny_wins_over_identity_allow(iam, endpoint, root_s3, shared_bucket):
    user = new_user(iam, endpoint, managed=[S3_FULL])
    root_s3.put_bucket_policy(Bucket=shared_bucket, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject",
                       "Resource": f"arn:aws:s3:::{shared_bucket}/data/*",
                       "Condition": {"StringNotEquals": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:root"}}}],
    }))
    s3 = user.client(endpoint, "s3")
    error = denied(s3.get_object, Bucket=shared_bucket, Key="data/report.csv")
    assert "explicit deny in a resource-based policy" in error.response["Error"]["Message"]
    assert root_s3.get_object(Bucket=shared_bucket, Key="data/report.csv")["ContentLength"] == 8


def test_cross_account_access_needs_the_bucket_policy_and_the_callers_policy(endpoint, root_s3, shared_bucket):
    other = external_principal(endpoint, account="555566667777")
    s3 = other.client(endpoint, "s3")
    denied(s3.get_object, Bucket=shared_bucket, Key="data/report.csv")
    root_s3.put_bucket_policy(Bucket=shared_bucket, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::555566667777:root"},
                       "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{shared_bucket}/*"}],
    }))
    # The bucket allows the account, but the external principal's own policy allows only STS actions.
    denied(s3.get_object, Bucket=shared_bucket, Key="data/report.csv")


# MARK: - assumed roles


def test_assumed_role_credentials_carry_exactly_the_roles_permissions(iam, endpoint, shared_bucket):
    user = new_user(iam, endpoint, managed=[S3_FULL])
    role_name = name("reader")
    role = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=trust({"AWS": user.arn}))["Role"]["Arn"]
    iam.put_role_policy(RoleName=role_name, PolicyName="read",
                        PolicyDocument=policy(allow("s3:GetObject", f"arn:aws:s3:::{shared_bucket}/data/*")))
    session = assumed(user.client(endpoint, "sts"), role)
    s3 = session.client(endpoint, "s3")
    assert s3.get_object(Bucket=shared_bucket, Key="data/report.csv")["ContentLength"] == 8
    error = denied(s3.put_object, Bucket=shared_bucket, Key="data/x", Body=b"x")  # the user could; the role cannot
    assert session.arn in error.response["Error"]["Message"]
    denied(s3.list_buckets)


def test_session_policy_narrows_the_role(iam, endpoint, shared_bucket):
    user = new_user(iam, endpoint)
    role_name = name("writer")
    role = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=trust({"AWS": user.arn}))["Role"]["Arn"]
    iam.attach_role_policy(RoleName=role_name, PolicyArn=S3_FULL)
    narrowed = assumed(user.client(endpoint, "sts"), role,
                       Policy=policy(allow("s3:GetObject", f"arn:aws:s3:::{shared_bucket}/*"))).client(endpoint, "s3")
    assert narrowed.get_object(Bucket=shared_bucket, Key="data/report.csv")["ContentLength"] == 8
    denied(narrowed.put_object, Bucket=shared_bucket, Key="data/y", Body=b"y")


def test_session_tags_become_principal_tags(iam, endpoint, shared_bucket):
    user = new_user(iam, endpoint)
    role_name = name("tagged")
    trust_policy = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": user.arn}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]})
    role = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=trust_policy)["Role"]["Arn"]
    iam.put_role_policy(RoleName=role_name, PolicyName="by-team", PolicyDocument=policy(
        allow("s3:GetObject", f"arn:aws:s3:::{shared_bucket}/${{aws:PrincipalTag/team}}/*")))
    s3 = assumed(user.client(endpoint, "sts"), role, Tags=[{"Key": "team", "Value": "data"}]).client(endpoint, "s3")
    assert s3.get_object(Bucket=shared_bucket, Key="data/report.csv")["ContentLength"] == 8
    other = assumed(user.client(endpoint, "sts"), role, Tags=[{"Key": "team", "Value": "web"}]).client(endpoint, "s3")
    denied(other.get_object, Bucket=shared_bucket, Key="data/report.csv")


def test_tagging_a_session_needs_sts_tag_session_in_the_trust_policy(iam, endpoint):
    user = new_user(iam, endpoint)
    role = iam.create_role(RoleName=name("untaggable"),
                           AssumeRolePolicyDocument=trust({"AWS": user.arn}))["Role"]["Arn"]
    with pytest.raises(ClientError) as error:
        user.client(endpoint, "sts").assume_role(RoleArn=role, RoleSessionName="sess",
                                                 Tags=[{"Key": "team", "Value": "data"}])
    assert failure(error) == ("AccessDenied", 403)


# MARK: - iam:PassRole


def test_pass_role_is_required_to_put_a_role_in_an_instance_profile(iam, endpoint):
    role_name = name("ec2")
    role = iam.create_role(RoleName=role_name,
                           AssumeRolePolicyDocument=trust({"Service": "ec2.amazonaws.com"}))["Role"]["Arn"]
    profile = name("profile")
    iam.create_instance_profile(InstanceProfileName=profile)
    manage = allow(["iam:AddRoleToInstanceProfile", "iam:GetInstanceProfile"], "*")
    without = new_user(iam, endpoint, inline=policy(manage)).client(endpoint, "iam")
    error = denied(without.add_role_to_instance_profile, InstanceProfileName=profile, RoleName=role_name)
    assert "iam:PassRole" in error.response["Error"]["Message"]
    with_pass = new_user(iam, endpoint, inline=policy(manage, allow("iam:PassRole", role))).client(endpoint, "iam")
    with_pass.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role_name)
    roles = iam.get_instance_profile(InstanceProfileName=profile)["InstanceProfile"]["Roles"]
    assert [r["Arn"] for r in roles] == [role]


# MARK: - enforcement off


def test_iam_off_allows_every_signed_request(spawn_emulator):
    emulator = spawn_emulator("--iam", "off")
    root_iam = ROOT.client(emulator.endpoint, "iam")
    user = new_user(root_iam, emulator.endpoint)
    s3 = user.client(emulator.endpoint, "s3")
    s3.create_bucket(Bucket="anything-goes")
    assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["anything-goes"]
    with pytest.raises(ClientError) as error:  # signatures are still checked
        client(emulator.endpoint, "s3", user.access_key_id, "wrong").list_buckets()
    assert failure(error) == ("SignatureDoesNotMatch", 403)


# MARK: - anonymous requests


def test_unsigned_requests_need_a_public_bucket_policy(endpoint, root_s3, shared_bucket):
    from botocore import UNSIGNED
    from botocore.config import Config
    import boto3
    anonymous = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                             config=Config(signature_version=UNSIGNED, s3={"addressing_style": "path"},
                                           retries={"max_attempts": 1}))
    with pytest.raises(ClientError) as before:
        anonymous.get_object(Bucket=shared_bucket, Key="data/report.csv")
    assert failure(before) == ("AccessDenied", 403)
    root_s3.put_bucket_policy(Bucket=shared_bucket, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                       "Resource": f"arn:aws:s3:::{shared_bucket}/data/*"}],
    }))
    assert anonymous.get_object(Bucket=shared_bucket, Key="data/report.csv")["Body"].read() == b"a,b\n1,2\n"
    with pytest.raises(ClientError) as listing:
        anonymous.list_objects_v2(Bucket=shared_bucket)
    assert failure(listing) == ("AccessDenied", 403)
    root_s3.put_public_access_block(Bucket=shared_bucket, PublicAccessBlockConfiguration={
        "BlockPublicAcls": False, "IgnorePublicAcls": False, "BlockPublicPolicy": False,
        "RestrictPublicBuckets": True})
    with pytest.raises(ClientError) as restricted:
        anonymous.get_object(Bucket=shared_bucket, Key="data/report.csv")
    assert failure(restricted) == ("AccessDenied", 403)
