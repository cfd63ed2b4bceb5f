"""IAM through boto3: users, access keys, groups, roles, inline and managed policies, instance profiles, their
errors (NoSuchEntity, EntityAlreadyExists, DeleteConflict, LimitExceeded, MalformedPolicyDocument, ValidationError),
pagination, the AWS managed policies, and policy simulation."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from botocore.exceptions import ClientError

from conftest import failure
from identities import ACCOUNT, ROOT, allow, deny, name, policy, trust

EC2_TRUST = trust({"Service": ["ec2.amazonaws.com", "sagemaker.amazonaws.com"]})


@pytest.fixture(scope="module")
def iam(endpoint):
    return ROOT.client(endpoint, "iam")


def error(call, **kwargs) -> tuple[str, int, str]:
    with pytest.raises(ClientError) as raised:
        call(**kwargs)
    code, status = failure(raised)
    return code, status, raised.value.response["Error"]["Message"]


# MARK: - users and access keys


def test_user_lifecycle(iam):
    user = name("alice")
    created = iam.create_user(UserName=user, Path="/team/", Tags=[{"Key": "team", "Value": "data"}])["User"]
    assert created["Arn"] == f"arn:aws:iam::{ACCOUNT}:user/team/{user}"
    assert created["UserId"].startswith("AIDA") and len(created["UserId"]) == 21
    assert iam.get_user(UserName=user)["User"]["Path"] == "/team/"
    assert iam.list_user_tags(UserName=user)["Tags"] == [{"Key": "team", "Value": "data"}]
    assert error(iam.create_user, UserName=user.upper())[:2] == ("EntityAlreadyExists", 409)
    assert user in [u["UserName"] for u in iam.list_users(PathPrefix="/team/")["Users"]]
    iam.delete_user(UserName=user)
    code, status, message = error(iam.get_user, UserName=user)
    assert (code, status, message) == ("NoSuchEntity", 404, f"The user with name {user} cannot be found.")


def test_user_name_validation(iam):
    code, status, message = error(iam.create_user, UserName="bad name")
    assert (code, status) == ("ValidationError", 400)
    assert "roleName" not in message and "userName" in message


def test_access_keys_sign_at_once_and_stop_when_deleted(iam, endpoint):
    user = name("keys")
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="self", PolicyDocument=policy(allow("iam:GetUser")))
    key = iam.create_access_key(UserName=user)["AccessKey"]
    assert key["AccessKeyId"].startswith("AKIA") and len(key["SecretAccessKey"]) == 40
    from identities import client
    user_iam = client(endpoint, "iam", key["AccessKeyId"], key["SecretAccessKey"])
    assert user_iam.get_user()["User"]["UserName"] == user
    iam.create_access_key(UserName=user)
    assert error(iam.create_access_key, UserName=user)[:2] == ("LimitExceeded", 409)
    iam.update_access_key(UserName=user, AccessKeyId=key["AccessKeyId"], Status="Inactive")
    assert error(user_iam.get_user)[:2] == ("InvalidClientTokenId", 403)
    iam.update_access_key(UserName=user, AccessKeyId=key["AccessKeyId"], Status="Active")
    assert user_iam.get_user()["User"]["UserName"] == user
    assert error(iam.delete_user, UserName=user)[:2] == ("DeleteConflict", 409)
    for listed in iam.list_access_keys(UserName=user)["AccessKeyMetadata"]:
        iam.delete_access_key(UserName=user, AccessKeyId=listed["AccessKeyId"])
    assert error(user_iam.get_user)[:2] == ("InvalidClientTokenId", 403)


# MARK: - roles


def test_role_lifecycle(iam):
    role = name("role")
    created = iam.create_role(RoleName=role, AssumeRolePolicyDocument=EC2_TRUST, Description="d",
                              MaxSessionDuration=7200)["Role"]
    assert created["RoleId"].startswith("AROA")
    got = iam.get_role(RoleName=role)["Role"]
    assert got["AssumeRolePolicyDocument"] == json.loads(EC2_TRUST)  # boto3 decodes the URL-encoded document
    assert got["MaxSessionDuration"] == 7200
    iam.update_role(RoleName=role, MaxSessionDuration=3600)
    assert iam.get_role(RoleName=role)["Role"]["MaxSessionDuration"] == 3600
    unchecked = ROOT.client(iam.meta.endpoint_url, "iam", parameter_validation=False)  # botocore checks ranges too
    assert error(unchecked.update_role, RoleName=role, MaxSessionDuration=100)[:2] == ("ValidationError", 400)
    iam.tag_role(RoleName=role, Tags=[{"Key": "k", "Value": "v"}])
    assert iam.list_role_tags(RoleName=role)["Tags"] == [{"Key": "k", "Value": "v"}]
    iam.update_assume_role_policy(RoleName=role, PolicyDocument=trust({"AWS": f"arn:aws:iam::{ACCOUNT}:root"}))
    iam.delete_role(RoleName=role)
    assert error(iam.get_role, RoleName=role)[:2] == ("NoSuchEntity", 404)


@pytest.mark.parametrize("document,message_part", [
    ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}', ""),
    ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},'
     '"Action":"sts:AssumeRole","Resource":"*"}]}', ""),
    ("not json", ""),
])
def test_create_role_validates_the_trust_policy(iam, document, message_part):
    code, status, _ = error(iam.create_role, RoleName=name("bad"), AssumeRolePolicyDocument=document)
    assert (code, status) == ("MalformedPolicyDocument", 400)


def test_delete_conflicts_of_a_role(iam):
    role = name("busy")
    iam.create_role(RoleName=role, AssumeRolePolicyDocument=EC2_TRUST)
    iam.put_role_policy(RoleName=role, PolicyName="p", PolicyDocument=policy(allow("s3:GetObject")))
    assert error(iam.delete_role, RoleName=role)[:2] == ("DeleteConflict", 409)
    iam.delete_role_policy(RoleName=role, PolicyName="p")
    iam.attach_role_policy(RoleName=role, PolicyArn="arn:aws:iam::aws:policy/AmazonS3FullAccess")
    assert error(iam.delete_role, RoleName=role)[2] == "Cannot delete entity, must detach all policies first."
    iam.detach_role_policy(RoleName=role, PolicyArn="arn:aws:iam::aws:policy/AmazonS3FullAccess")
    profile = name("profile")
    iam.create_instance_profile(InstanceProfileName=profile)
    iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
    assert error(iam.delete_role, RoleName=role)[2] == (
        "Cannot delete entity, must remove roles from instance profile first.")
    assert error(iam.delete_instance_profile, InstanceProfileName=profile)[:2] == ("DeleteConflict", 409)
    iam.remove_role_from_instance_profile(InstanceProfileName=profile, RoleName=role)
    iam.delete_instance_profile(InstanceProfileName=profile)
    iam.delete_role(RoleName=role)


# MARK: - inline and managed policies


def test_inline_policies_round_trip_and_validate(iam):
    role = name("inline")
    iam.create_role(RoleName=role, AssumeRolePolicyDocument=EC2_TRUST)
    document = policy(allow(["iam:GetRole", "iam:PassRole"], f"arn:aws:iam::{ACCOUNT}:role/{role}"))
    iam.put_role_policy(RoleName=role, PolicyName="pass", PolicyDocument=document)
    assert iam.get_role_policy(RoleName=role, PolicyName="pass")["PolicyDocument"] == json.loads(document)
    assert iam.list_role_policies(RoleName=role)["PolicyNames"] == ["pass"]
    with_principal = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]})
    assert error(iam.put_role_policy, RoleName=role, PolicyName="x",
                 PolicyDocument=with_principal)[:2] == ("MalformedPolicyDocument", 400)
    no_prefix = policy(allow("GetObject"))
    assert error(iam.put_role_policy, RoleName=role, PolicyName="x",
                 PolicyDocument=no_prefix)[:2] == ("MalformedPolicyDocument", 400)
    assert error(iam.get_role_policy, RoleName=role, PolicyName="nope")[:2] == ("NoSuchEntity", 404)


def test_managed_policies_versions_and_attachments(iam):
    policy_name = name("managed")
    arn = iam.create_policy(PolicyName=policy_name, PolicyDocument=policy(allow("s3:GetObject")))["Policy"]["Arn"]
    assert arn == f"arn:aws:iam::{ACCOUNT}:policy/{policy_name}"
    for _ in range(4):
        iam.create_policy_version(PolicyArn=arn, PolicyDocument=policy(allow("s3:PutObject")))
    assert error(iam.create_policy_version, PolicyArn=arn,
                 PolicyDocument=policy(allow("s3:*")))[:2] == ("LimitExceeded", 409)
    versions = iam.list_policy_versions(PolicyArn=arn)["Versions"]
    assert [v["VersionId"] for v in versions] == ["v5", "v4", "v3", "v2", "v1"]
    assert error(iam.delete_policy_version, PolicyArn=arn, VersionId="v1")[:2] == ("DeleteConflict", 409)
    iam.set_default_policy_version(PolicyArn=arn, VersionId="v3")
    assert iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"] == "v3"
    user = name("attached")
    iam.create_user(UserName=user)
    iam.attach_user_policy(UserName=user, PolicyArn=arn)
    assert iam.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"] == 1
    entities = iam.list_entities_for_policy(PolicyArn=arn)
    assert [u["UserName"] for u in entities["PolicyUsers"]] == [user]
    assert error(iam.delete_policy, PolicyArn=arn)[:2] == ("DeleteConflict", 409)
    iam.detach_user_policy(UserName=user, PolicyArn=arn)
    for version in ["v1", "v2", "v4", "v5"]:
        iam.delete_policy_version(PolicyArn=arn, VersionId=version)
    iam.delete_policy(PolicyArn=arn)
    assert error(iam.get_policy, PolicyArn=arn)[:2] == ("NoSuchEntity", 404)


def test_aws_managed_policies_are_there_with_their_documents(iam):
    aws = {p["PolicyName"]: p for page in iam.get_paginator("list_policies").paginate(Scope="AWS")
           for p in page["Policies"]}
    for required in ["AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2ContainerRegistryFullAccess",
                     "AmazonSageMakerFullAccess", "AdministratorAccess", "ReadOnlyAccess", "AmazonKinesisFullAccess",
                     "AWSGlueServiceRole"]:
        assert required in aws
    glue = aws["AWSGlueServiceRole"]
    assert glue["Arn"] == "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"
    s3 = iam.get_policy(PolicyArn="arn:aws:iam::aws:policy/AmazonS3FullAccess")["Policy"]
    version = iam.get_policy_version(PolicyArn=s3["Arn"], VersionId=s3["DefaultVersionId"])["PolicyVersion"]
    statements = version["Document"]["Statement"]
    assert any("s3:*" in (s["Action"] if isinstance(s["Action"], list) else [s["Action"]]) for s in statements)
    code, status, message = error(iam.attach_user_policy, UserName="nobody-" + name("x"),
                                  PolicyArn="arn:aws:iam::aws:policy/Nope")
    assert (code, status) == ("NoSuchEntity", 404)
    assert message == "Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable."


def test_pagination_with_markers(iam):
    prefix = f"/page-{name('p')}/"
    for index in range(7):
        iam.create_user(UserName=name(f"u{index}"), Path=prefix)
    first = iam.list_users(PathPrefix=prefix, MaxItems=3)
    assert len(first["Users"]) == 3 and first["IsTruncated"] and first["Marker"]
    everyone = [u["UserName"] for page in iam.get_paginator("list_users").paginate(
        PathPrefix=prefix, PaginationConfig={"PageSize": 2}) for u in page["Users"]]
    assert len(everyone) == 7 and len(set(everyone)) == 7


def test_groups(iam):
    group, user = name("group"), name("member")
    iam.create_group(GroupName=group)
    iam.create_user(UserName=user)
    iam.add_user_to_group(GroupName=group, UserName=user)
    assert [u["UserName"] for u in iam.get_group(GroupName=group)["Users"]] == [user]
    assert [g["GroupName"] for g in iam.list_groups_for_user(UserName=user)["Groups"]] == [group]
    assert error(iam.delete_group, GroupName=group)[:2] == ("DeleteConflict", 409)
    iam.remove_user_from_group(GroupName=group, UserName=user)
    iam.delete_group(GroupName=group)


def test_instance_profiles_hold_one_role(iam):
    profile, first, second = name("ip"), name("r1"), name("r2")
    iam.create_instance_profile(InstanceProfileName=profile)
    for role in (first, second):
        iam.create_role(RoleName=role, AssumeRolePolicyDocument=EC2_TRUST)
    iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=first)
    code, status, message = error(iam.add_role_to_instance_profile, InstanceProfileName=profile, RoleName=second)
    assert (code, status, message) == ("LimitExceeded", 409,
                                       "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1")
    got = iam.get_instance_profile(InstanceProfileName=profile)["InstanceProfile"]
    assert got["InstanceProfileId"].startswith("AIPA")
    assert [r["RoleName"] for r in got["Roles"]] == [first]
    listed = iam.list_instance_profiles_for_role(RoleName=first)["InstanceProfiles"]
    assert [p["InstanceProfileName"] for p in listed] == [profile]


# MARK: - simulation


def test_simulate_principal_policy(iam):
    user = name("sim")
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="p", PolicyDocument=policy(
        allow("s3:*", "arn:aws:s3:::data/*"), deny("s3:DeleteObject", "arn:aws:s3:::data/keep/*")))
    results = iam.simulate_principal_policy(
        PolicySourceArn=f"arn:aws:iam::{ACCOUNT}:user/{user}",
        ActionNames=["s3:GetObject", "s3:DeleteObject", "ec2:RunInstances"],
        ResourceArns=["arn:aws:s3:::data/keep/x"])["EvaluationResults"]
    decisions = {r["EvalActionName"]: r["EvalDecision"] for r in results}
    assert decisions == {"s3:GetObject": "allowed", "s3:DeleteObject": "explicitDeny",
                         "ec2:RunInstances": "implicitDeny"}
    matched = results[0]["MatchedStatements"][0]
    assert (matched["SourcePolicyId"], matched["SourcePolicyType"]) == ("p", "user")
    assert matched["StartPosition"] == {"Line": 1, "Column": 41}  # the first statement of the one-line document
    assert matched["EndPosition"]["Line"] == 1 and matched["EndPosition"]["Column"] > 41


def test_simulate_custom_policy_with_context(iam):
    document = policy(allow("iam:PassRole", f"arn:aws:iam::{ACCOUNT}:role/*",
                            Condition={"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}))
    def decide(entries):
        result = iam.simulate_custom_policy(PolicyInputList=[document], ActionNames=["iam:PassRole"],
                                            ResourceArns=[f"arn:aws:iam::{ACCOUNT}:role/r"],
                                            ContextEntries=entries)["EvaluationResults"][0]
        return result["EvalDecision"], result.get("MissingContextValues", [])
    assert decide([]) == ("implicitDeny", ["iam:PassedToService"])
    assert decide([{"ContextKeyName": "iam:PassedToService", "ContextKeyValues": ["ec2.amazonaws.com"],
                    "ContextKeyType": "string"}])[0] == "allowed"
    assert error(iam.simulate_custom_policy, PolicyInputList=["{"],
                 ActionNames=["s3:GetObject"])[:2] == ("MalformedPolicyDocument", 400)


def test_unknown_action_is_invalid_action(endpoint):
    import requests
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    body = urllib.parse.urlencode({"Action": "FlyToTheMoon", "Version": "2010-05-08"})
    request = AWSRequest(method="POST", url=endpoint + "/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    SigV4Auth(Credentials("test", "test"), "iam", "us-east-1").add_auth(request)
    response = requests.post(endpoint + "/", data=body, headers=dict(request.headers), timeout=10)
    assert response.status_code == 400
    assert "<Code>InvalidAction</Code>" in response.text
