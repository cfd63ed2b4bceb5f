"""Identities for the IAM enforcement and STS tests: clients for any credentials, users with access keys and
policies, principals of other AWS accounts (the emulator's `POST /_brickyard/aws/principals`), and policy builders.
"""

from __future__ import annotations

import json
import urllib.request
import uuid
from dataclasses import dataclass

import boto3
from botocore.config import Config

from s3wire import ACCESS_KEY, REGION, SECRET_KEY

DATABRICKS_ACCOUNT = "414351767826"
ACCOUNT = "000000000000"


@dataclass
class Identity:
    """Credentials and who they act as."""

    access_key_id: str
    secret_access_key: str
    session_token: str | None = None
    arn: str = ""

    def client(self, endpoint: str, service: str, **config):
        return client(endpoint, service, self.access_key_id, self.secret_access_key, self.session_token, **config)


ROOT = Identity(ACCESS_KEY, SECRET_KEY, arn=f"arn:aws:iam::{ACCOUNT}:root")


def client(endpoint: str, service: str, key: str = ACCESS_KEY, secret: str = SECRET_KEY, token: str | None = None,
           **config):
    """A boto3 client of any service for the emulator: no retries, path-style S3."""
    extra = {"s3": {"addressing_style": "path"}} if service == "s3" else {}
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        aws_session_token=token,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}, **extra, **config),
    )


def name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def policy(*statements: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(action, resource="*", **extra) -> dict:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action, resource="*", **extra) -> dict:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


def trust(principal: dict, **condition) -> str:
    statement = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    if condition:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


def new_user(iam, endpoint: str, *, inline: str | None = None, managed: list[str] = ()) -> Identity:
    """An IAM user of the bootstrap account with an access key, an optional inline policy and managed policies."""
    user = name("user")
    arn = iam.create_user(UserName=user)["User"]["Arn"]
    if inline is not None:
        iam.put_user_policy(UserName=user, PolicyName="inline", PolicyDocument=inline)
    for policy_arn in managed:
        iam.attach_user_policy(UserName=user, PolicyArn=policy_arn)
    key = iam.create_access_key(UserName=user)["AccessKey"]
    return Identity(key["AccessKeyId"], key["SecretAccessKey"], arn=arn)


def external_principal(endpoint: str, account: str = DATABRICKS_ACCOUNT, user: str | None = None) -> Identity:
    """A principal of another AWS account (a user there allowed to call sts:AssumeRole), from the admin endpoint."""
    body = json.dumps({"accountId": account, "userName": user or name("external")}).encode()
    request = urllib.request.Request(
        f"{endpoint}/_brickyard/aws/principals", data=body, method="POST",
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = json.loads(response.read())
    return Identity(answer["accessKeyId"], answer["secretAccessKey"], arn=answer["arn"])


def assumed(sts_client, role_arn: str, **extra) -> Identity:
    answer = sts_client.assume_role(RoleArn=role_arn, RoleSessionName=extra.pop("RoleSessionName", "session"),
                                    **extra)
    credentials = answer["Credentials"]
    return Identity(credentials["AccessKeyId"], credentials["SecretAccessKey"], credentials["SessionToken"],
                    arn=answer["AssumedRoleUser"]["Arn"])


def advance_clock(endpoint: str, seconds: float) -> None:
    request = urllib.request.Request(
        f"{endpoint}/_brickyard/clock/advance", data=json.dumps({"seconds": seconds}).encode(), method="POST",
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200

