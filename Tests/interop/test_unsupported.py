"""What the emulator cannot do is refused with the service's not-implemented error, through boto3: nothing is accepted
and then ignored (README, "Answers like the cloud, or says it cannot")."""

from __future__ import annotations

import os

import pytest
from botocore.exceptions import ClientError

from conftest import failure
from identities import ACCOUNT, allow, client, name, new_user, policy, trust

SSE_C = {"SSECustomerAlgorithm": "AES256", "SSECustomerKey": os.urandom(32)}


@pytest.fixture(scope="module")
def iam(endpoint):
    return client(endpoint, "iam")


def test_sse_c_upload_is_refused_and_stores_nothing(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"v", **SSE_C)
    assert failure(excinfo) == ("NotImplemented", 501)
    assert excinfo.value.response["Error"].get("Header", "").startswith("x-amz-server-side-encryption-customer-")
    assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 0


def test_sse_c_read_does_not_return_the_data(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"secret")
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", **SSE_C)
    assert failure(excinfo) == ("NotImplemented", 501)


@pytest.mark.parametrize("extra", [
    {"ServerSideEncryption": "aws:kms"},
    {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "alias/mine"},
    {"ObjectLockMode": "GOVERNANCE", "ObjectLockRetainUntilDate": "2030-01-01T00:00:00Z"},
    {"ObjectLockLegalHoldStatus": "ON"},
])
def test_object_features_without_an_implementation_are_refused(s3, bucket, extra):
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"v", **extra)
    assert failure(excinfo) == ("NotImplemented", 501)
    assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 0


def test_conflicting_encryption_headers_are_invalid(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"v", ServerSideEncryption="AES256", **SSE_C)
    assert failure(excinfo) == ("InvalidArgument", 400)


def test_acls_are_disabled_as_on_a_new_aws_bucket(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"v", ACL="public-read")
    assert failure(excinfo) == ("AccessControlListNotSupported", 400)
    s3.put_object(Bucket=bucket, Key="k", Body=b"v", ACL="bucket-owner-full-control")
    controls = s3.get_bucket_ownership_controls(Bucket=bucket)["OwnershipControls"]
    assert controls["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    with pytest.raises(ClientError) as excinfo:
        s3.put_bucket_acl(Bucket=bucket, ACL="public-read")
    assert failure(excinfo) == ("NotImplemented", 501)


@pytest.mark.parametrize("extra, expected", [
    ({"ACL": "public-read"}, ("InvalidBucketAclWithObjectOwnership", 400)),
    ({"ObjectLockEnabledForBucket": True}, ("NotImplemented", 501)),
    ({"ObjectOwnership": "ObjectWriter"}, ("NotImplemented", 501)),
])
def test_create_bucket_refusals_create_nothing(s3, extra, expected):
    bucket = name("refused")
    with pytest.raises(ClientError) as excinfo:
        s3.create_bucket(Bucket=bucket, **extra)
    assert failure(excinfo) == expected
    assert bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]]


def test_policy_status_is_not_a_listing(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_policy_status(Bucket=bucket)
    assert failure(excinfo) == ("NotImplemented", 501)


def test_expected_bucket_owner(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"v", ExpectedBucketOwner=ACCOUNT)
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="other", Body=b"v", ExpectedBucketOwner="111111111111")
    assert failure(excinfo) == ("AccessDenied", 403)


def test_kms_default_encryption_is_refused(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]})
    assert failure(excinfo) == ("NotImplemented", 501)


def test_sts_mfa_is_refused_after_the_trust_policy(iam, endpoint):
    user = new_user(iam, endpoint, inline=policy(allow("sts:AssumeRole")))
    role = iam.create_role(RoleName=name("mfa"), AssumeRolePolicyDocument=trust({"AWS": f"arn:aws:iam::{ACCOUNT}:root"}))
    sts = user.client(endpoint, "sts")
    with pytest.raises(ClientError) as excinfo:
        sts.assume_role(RoleArn=role["Role"]["Arn"], RoleSessionName="session",
                        SerialNumber=f"arn:aws:iam::{ACCOUNT}:mfa/device", TokenCode="123456")
    assert failure(excinfo) == ("NotImplemented", 501)
    with pytest.raises(ClientError) as excinfo:
        sts.assume_role(RoleArn=f"arn:aws:iam::{ACCOUNT}:role/none", RoleSessionName="session",
                        SerialNumber=f"arn:aws:iam::{ACCOUNT}:mfa/device", TokenCode="123456")
    assert failure(excinfo) == ("AccessDenied", 403)


def test_iam_actions_aws_has_are_not_implemented(iam):
    with pytest.raises(ClientError) as excinfo:
        iam.get_account_authorization_details()
    assert failure(excinfo) == ("NotImplemented", 501)


def test_kinesis_refusals(endpoint):
    kinesis = client(endpoint, "kinesis")
    stream = name("big")
    with pytest.raises(ClientError) as excinfo:
        kinesis.create_stream(StreamName=stream, ShardCount=1, MaxRecordSizeInKiB=10240)
    assert failure(excinfo) == ("NotImplemented", 501)
    assert stream not in kinesis.list_streams()["StreamNames"]
