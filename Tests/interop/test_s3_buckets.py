"""Buckets and their configuration sub-resources, through boto3."""

import json
import uuid

import pytest
from botocore.exceptions import ClientError

from conftest import error_code, make_client, status


def name(prefix="b"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def test_create_head_list_delete(s3):
    bucket = name()
    s3.create_bucket(Bucket=bucket)
    head = s3.head_bucket(Bucket=bucket)
    assert head["ResponseMetadata"]["HTTPHeaders"]["x-amz-bucket-region"] == "us-east-1"
    assert bucket in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    assert s3.get_bucket_location(Bucket=bucket)["LocationConstraint"] is None
    s3.delete_bucket(Bucket=bucket)
    with pytest.raises(ClientError) as excinfo:
        s3.head_bucket(Bucket=bucket)
    assert status(excinfo) == 404


def test_recreate_in_us_east_1_is_ok(s3, bucket):
    s3.create_bucket(Bucket=bucket)


def test_recreate_in_other_region_is_already_owned(endpoint):
    client = make_client(endpoint, region_name="eu-west-1")
    bucket = name("eu")
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    assert client.get_bucket_location(Bucket=bucket)["LocationConstraint"] == "eu-west-1"
    with pytest.raises(ClientError) as excinfo:
        client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    assert error_code(excinfo) == "BucketAlreadyOwnedByYou"
    assert status(excinfo) == 409
    client.delete_bucket(Bucket=bucket)


def test_location_constraint_rules(s3, endpoint):
    with pytest.raises(ClientError) as excinfo:
        s3.create_bucket(Bucket=name(), CreateBucketConfiguration={"LocationConstraint": "us-east-1"})
    assert error_code(excinfo) == "InvalidLocationConstraint"
    with pytest.raises(ClientError) as excinfo:
        make_client(endpoint, region_name="eu-west-1").create_bucket(Bucket=name())
    assert error_code(excinfo) == "IllegalLocationConstraintException"


@pytest.mark.parametrize("bad", ["ab", "a_b", "-abc", "abc-", "a..b", "192.168.5.4", "x" * 64, "UpperCase"])
def test_invalid_bucket_names(s3, bad):
    with pytest.raises(ClientError) as excinfo:
        s3.create_bucket(Bucket=bad)
    assert (error_code(excinfo), status(excinfo)) == ("InvalidBucketName", 400)


def test_delete_non_empty_and_missing(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket=bucket)
    assert (error_code(excinfo), status(excinfo)) == ("BucketNotEmpty", 409)
    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket=name("missing"))
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchBucket", 404)


def test_tagging(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_tagging(Bucket=bucket)
    assert error_code(excinfo) == "NoSuchTagSet"
    s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": [{"Key": "team", "Value": "data"}]})
    assert s3.get_bucket_tagging(Bucket=bucket)["TagSet"] == [{"Key": "team", "Value": "data"}]
    with pytest.raises(ClientError) as excinfo:
        s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]})
    assert error_code(excinfo) == "InvalidTag"
    s3.delete_bucket_tagging(Bucket=bucket)
    with pytest.raises(ClientError):
        s3.get_bucket_tagging(Bucket=bucket)


def test_versioning_configuration(s3, bucket):
    assert "Status" not in s3.get_bucket_versioning(Bucket=bucket)
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Suspended"


def databricks_policy(bucket):
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Grant Databricks Access",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::414351767826:root"},
                    "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject",
                               "s3:ListBucket", "s3:GetBucketLocation"],
                    "Resource": [f"arn:aws:s3:::{bucket}/*", f"arn:aws:s3:::{bucket}"],
                }
            ],
        }
    )


def test_policy(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_policy(Bucket=bucket)
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchBucketPolicy", 404)
    policy = databricks_policy(bucket)
    s3.put_bucket_policy(Bucket=bucket, Policy=policy)
    assert s3.get_bucket_policy(Bucket=bucket)["Policy"] == policy
    s3.delete_bucket_policy(Bucket=bucket)
    with pytest.raises(ClientError):
        s3.get_bucket_policy(Bucket=bucket)


@pytest.mark.parametrize(
    "document",
    [
        "not json",
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::BUCKET/*"}]}',
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::elsewhere/*"}]}',
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"GetObject","Resource":"arn:aws:s3:::BUCKET/*"}]}',
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::BUCKET/*","Condition":{"StringEqualz":{"a:b":"c"}}}]}',
    ],
)
def test_malformed_policies(s3, bucket, document):
    with pytest.raises(ClientError) as excinfo:
        s3.put_bucket_policy(Bucket=bucket, Policy=document.replace("BUCKET", bucket))
    assert (error_code(excinfo), status(excinfo)) == ("MalformedPolicy", 400)


def test_public_access_block(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.get_public_access_block(Bucket=bucket)
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchPublicAccessBlockConfiguration", 404)
    config = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": False}
    s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration=config)
    assert s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"] == config
    s3.delete_public_access_block(Bucket=bucket)
    with pytest.raises(ClientError):
        s3.get_public_access_block(Bucket=bucket)


def test_default_encryption(s3, bucket):
    # Since January 2023 every bucket has SSE-S3 by default; GetBucketEncryption answers it.
    rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    s3.put_bucket_encryption(
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/root"},
                    "BucketKeyEnabled": True,
                }
            ]
        },
    )
    rule = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"] == {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/root"}
    assert rule["BucketKeyEnabled"] is True
    assert s3.put_object(Bucket=bucket, Key="k", Body=b"v")["ServerSideEncryption"] == "aws:kms"
    s3.delete_bucket_encryption(Bucket=bucket)
    rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"


def test_unconfigured_subresources_answer_like_s3(s3, bucket):
    for call, code in [
        (s3.get_bucket_cors, "NoSuchCORSConfiguration"),
        (s3.get_bucket_website, "NoSuchWebsiteConfiguration"),
        (s3.get_bucket_lifecycle_configuration, "NoSuchLifecycleConfiguration"),
    ]:
        with pytest.raises(ClientError) as excinfo:
            call(Bucket=bucket)
        assert error_code(excinfo) == code
    assert "LoggingEnabled" not in s3.get_bucket_logging(Bucket=bucket)
    acl = s3.get_bucket_acl(Bucket=bucket)
    assert acl["Grants"][0]["Permission"] == "FULL_CONTROL"
