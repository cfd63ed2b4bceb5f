"""The standard Databricks instance-profile setup, run unchanged with the AWS CLI against the emulator."""

from __future__ import annotations

import json

from identities import ACCOUNT, name


def test_databricks_instance_profile_setup(aws, tmp_path):
    role, profile = name("databricks-s3"), name("databricks-s3-profile")
    trust = tmp_path / "trust.json"
    trust.write_text(json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "sagemaker.amazonaws.com"]},
        "Action": "sts:AssumeRole"}]}))
    pass_role = tmp_path / "pass-role.json"
    pass_role.write_text(json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "PassRole", "Effect": "Allow", "Action": ["iam:GetRole", "iam:PassRole"],
        "Resource": f"arn:aws:iam::{ACCOUNT}:role/{role}"}]}))

    created = aws.json("iam", "create-role", "--role-name", role, "--assume-role-policy-document",
                       f"file://{trust}")
    assert created["Role"]["Arn"] == f"arn:aws:iam::{ACCOUNT}:role/{role}"
    made = aws.json("iam", "create-instance-profile", "--instance-profile-name", profile)
    assert made["InstanceProfile"]["Arn"] == f"arn:aws:iam::{ACCOUNT}:instance-profile/{profile}"
    aws("iam", "add-role-to-instance-profile", "--instance-profile-name", profile, "--role-name", role)
    aws("iam", "attach-role-policy", "--role-name", role, "--policy-arn",
        "arn:aws:iam::aws:policy/AmazonS3FullAccess")
    aws("iam", "put-role-policy", "--role-name", role, "--policy-name", "databricks-pass-role",
        "--policy-document", f"file://{pass_role}")
    identity = aws.json("sts", "get-caller-identity")
    assert identity["Account"] == ACCOUNT

    got = aws.json("iam", "get-instance-profile", "--instance-profile-name", profile)
    assert [r["RoleName"] for r in got["InstanceProfile"]["Roles"]] == [role]
    attached = aws.json("iam", "list-attached-role-policies", "--role-name", role)
    assert attached["AttachedPolicies"] == [{"PolicyName": "AmazonS3FullAccess",
                                             "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"}]
    inline = aws.json("iam", "get-role-policy", "--role-name", role, "--policy-name", "databricks-pass-role")
    assert inline["PolicyDocument"]["Statement"][0]["Action"] == ["iam:GetRole", "iam:PassRole"]
    aws.fails("iam", "add-role-to-instance-profile", "--instance-profile-name", profile, "--role-name", role,
              code="LimitExceeded")
