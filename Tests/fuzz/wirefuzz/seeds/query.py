"""IAM and STS seeds, both in the query protocol (`Action=...` form bodies, and a GET query form)."""

from __future__ import annotations

import json
from random import Random

from ..request import Template
from .templates import iam, rand_name, sts


def seeds_iam(rng: Random, ctx: dict) -> list:
    new = rand_name(rng)
    document = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"], "Resource": "arn:aws:s3:::{{bucket}}/*",
        "Condition": {"StringLike": {"s3:prefix": ["${aws:username}/*"]}}}]})
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    return [
        iam("CreateUser", UserName=new, Path="/fuzz/", **{"Tags.member.1.Key": "a", "Tags.member.1.Value": "b"}),
        iam("GetUser", UserName="{{user}}"),
        iam("ListUsers", MaxItems=rng.choice(["1", "1000", "0"]), PathPrefix="/"),
        iam("CreateAccessKey", UserName="{{user}}"),
        iam("ListAccessKeys", UserName="{{user}}", MaxItems="2"),
        iam("CreateRole", RoleName=new, AssumeRolePolicyDocument=trust, MaxSessionDuration="3600",
            Description="fuzz"),
        iam("GetRole", RoleName="{{role}}"),
        iam("ListRoles", MaxItems="5", Marker="abc"),
        iam("UpdateRole", RoleName="{{role}}", MaxSessionDuration=rng.choice(["3600", "43200"])),
        iam("PutRolePolicy", RoleName="{{role}}", PolicyName=new, PolicyDocument=document),
        iam("PutUserPolicy", UserName="{{user}}", PolicyName=new, PolicyDocument=document),
        iam("CreatePolicy", PolicyName=new, PolicyDocument=document, Path="/"),
        iam("CreatePolicyVersion", PolicyArn="{{policy_arn}}", PolicyDocument=document, SetAsDefault="true"),
        iam("ListPolicies", Scope=rng.choice(["AWS", "Local", "All"]), MaxItems="10", OnlyAttached="false"),
        iam("GetPolicy", PolicyArn="arn:aws:iam::aws:policy/AmazonS3FullAccess"),
        iam("AttachRolePolicy", RoleName="{{role}}", PolicyArn="arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"),
        iam("CreateGroup", GroupName=new),
        iam("AddUserToGroup", GroupName=new, UserName="{{user}}"),
        iam("CreateInstanceProfile", InstanceProfileName=new),
        iam("AddRoleToInstanceProfile", InstanceProfileName=new, RoleName="{{role}}"),
        iam("SimulatePrincipalPolicy", PolicySourceArn="arn:aws:iam::{{aws_account}}:user/{{user}}", **{
            "ActionNames.member.1": "s3:GetObject", "ResourceArns.member.1": "arn:aws:s3:::{{bucket}}/k",
            "ContextEntries.member.1.ContextKeyName": "aws:SourceIp",
            "ContextEntries.member.1.ContextKeyValues.member.1": "127.0.0.1",
            "ContextEntries.member.1.ContextKeyType": rng.choice(["ip", "string", "numeric", "date", "boolean"])}),
        iam("SimulateCustomPolicy", **{"PolicyInputList.member.1": document, "ActionNames.member.1": "s3:GetObject",
                                       "ResourceArns.member.1": "*", "MaxItems": "1"}),
        iam("TagUser", UserName="{{user}}", **{"Tags.member.1.Key": "k", "Tags.member.1.Value": "v"}),
        iam("DeleteUser", UserName=new),
        iam("GetAccountAuthorizationDetails", MaxItems="1"),
    ]


def seeds_sts(rng: Random, ctx: dict) -> list:
    session_policy = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})
    get = Template("sts", "sts.GetCallerIdentityQuery", "GET", "/?Action=GetCallerIdentity&Version=2011-06-15",
                   auth={"mode": "sigv4", "service": "sts"})
    unsigned = sts("GetCallerIdentity")
    unsigned.auth, unsigned.name = {"mode": "none"}, "sts.UnsignedForm"
    return [
        sts("GetCallerIdentity"),
        sts("AssumeRole", RoleArn="{{role_arn}}", RoleSessionName=rand_name(rng),
            DurationSeconds=rng.choice(["900", "3600", "43200", "43201", "129600"]), ExternalId="{{dbx_account}}"),
        sts("AssumeRole", RoleArn="{{role_arn}}", RoleSessionName="s", Policy=session_policy, **{
            "Tags.member.1.Key": "team", "Tags.member.1.Value": "x", "TransitiveTagKeys.member.1": "team",
            "SourceIdentity": "fuzz", "PolicyArns.member.1.arn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}),
        sts("GetSessionToken", DurationSeconds=rng.choice(["900", "129600", "129601", "3600"])),
        sts("DecodeAuthorizationMessage", EncodedMessage="abc"),
        sts("GetAccessKeyInfo", AccessKeyId="AKIAEXAMPLE"),
        get, unsigned,
    ]
