"""Buckets and their configuration sub-resources, through boto3."""

import json
import uuid
from operator import itemgetter

import pytest
from botocore.exceptions import ClientError

from conftest import failure, headers_of, make_client
from s3wire import signed_request


def name(prefix="b"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def test_create_head_list_delete(s3):
    bucket = name()
    created = s3.create_bucket(Bucket=bucket)
    assert created["Location"] == f"/{bucket}"
    head = s3.head_bucket(Bucket=bucket)
    assert head["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert headers_of(head)["x-amz-bucket-region"] == "us-east-1"
    listed = s3.list_buckets()
    entry = next(b for b in listed["Buckets"] if b["Name"] == bucket)
    assert entry["CreationDate"].year >= 2024
    assert listed["Owner"]["ID"]
    assert s3.get_bucket_location(Bucket=bucket)["LocationConstraint"] is None
    deleted = s3.delete_bucket(Bucket=bucket)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]]


def test_head_of_a_missing_bucket_is_a_bare_404(s3, endpoint):
    with pytest.raises(ClientError) as excinfo:
        s3.head_bucket(Bucket=name("missing"))
    # HEAD answers carry no body, so botocore can only report the status.
    assert failure(excinfo) == ("404", 404)
    raw = signed_request(endpoint, "HEAD", f"/{name('missing')}")
    assert raw.status_code == 404 and raw.content == b""


def test_list_buckets_pages(s3):
    mine = sorted(name("page") for _ in range(3))
    for bucket in mine:
        s3.create_bucket(Bucket=bucket)
    try:
        seen, token = [], None
        while True:
            page = s3.list_buckets(MaxBuckets=2, Prefix="page-", **({"ContinuationToken": token} if token else {}))
            assert len(page["Buckets"]) <= 2
            seen += [b["Name"] for b in page["Buckets"]]
            token = page.get("ContinuationToken")
            if not token:
                break
        assert [b for b in seen if b in mine] == mine
    finally:
        for bucket in mine:
            s3.delete_bucket(Bucket=bucket)


def test_recreate_in_us_east_1_is_ok(s3, bucket):
    again = s3.create_bucket(Bucket=bucket)
    assert again["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_recreate_in_other_region_is_already_owned(endpoint):
    client = make_client(endpoint, region_name="eu-west-1")
    bucket = name("eu")
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    assert client.get_bucket_location(Bucket=bucket)["LocationConstraint"] == "eu-west-1"
    head = client.head_bucket(Bucket=bucket)
    assert headers_of(head)["x-amz-bucket-region"] == "eu-west-1"
    with pytest.raises(ClientError) as excinfo:
        client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    assert failure(excinfo) == ("BucketAlreadyOwnedByYou", 409)
    assert excinfo.value.response["Error"]["BucketName"] == bucket
    client.delete_bucket(Bucket=bucket)


def test_location_constraint_rules(s3, endpoint):
    # us-east-1 is the absence of a constraint: naming it is refused.
    with pytest.raises(ClientError) as excinfo:
        s3.create_bucket(Bucket=name(), CreateBucketConfiguration={"LocationConstraint": "us-east-1"})
    assert failure(excinfo) == ("InvalidLocationConstraint", 400)
    # A regional endpoint refuses a bucket without a constraint, or with another region's.
    eu = make_client(endpoint, region_name="eu-west-1")
    with pytest.raises(ClientError) as excinfo:
        eu.create_bucket(Bucket=name())
    assert failure(excinfo) == ("IllegalLocationConstraintException", 400)
    with pytest.raises(ClientError) as excinfo:
        eu.create_bucket(Bucket=name(), CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    assert failure(excinfo) == ("IllegalLocationConstraintException", 400)
    with pytest.raises(ClientError) as excinfo:
        eu.create_bucket(Bucket=name(), CreateBucketConfiguration={"LocationConstraint": "not-a-region"})
    assert failure(excinfo) == ("InvalidLocationConstraint", 400)


def test_us_east_1_endpoint_accepts_another_regions_constraint(s3):
    # s3.amazonaws.com (what boto3 in us-east-1 talks to) creates buckets in any region.
    bucket = name("west")
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    try:
        assert s3.get_bucket_location(Bucket=bucket)["LocationConstraint"] == "us-west-2"
    finally:
        s3.delete_bucket(Bucket=bucket)


@pytest.mark.parametrize("bad", ["ab", "a_b", "-abc", "abc-", "a..b", "192.168.5.4", "x" * 64, "UpperCase",
                                 "xn--punycode", "bucket-s3alias", "sthree-x"])
def test_invalid_bucket_names(s3, bad):
    with pytest.raises(ClientError) as excinfo:
        s3.create_bucket(Bucket=bad)
    assert failure(excinfo) == ("InvalidBucketName", 400)
    assert excinfo.value.response["Error"]["BucketName"] == bad


def test_delete_non_empty_and_missing(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket=bucket)
    assert failure(excinfo) == ("BucketNotEmpty", 409)
    missing = name("missing")
    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket=missing)
    assert failure(excinfo) == ("NoSuchBucket", 404)
    assert excinfo.value.response["Error"]["BucketName"] == missing


def test_a_bucket_with_only_old_versions_is_not_empty(s3, versioned_bucket):
    s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"v")
    s3.delete_object(Bucket=versioned_bucket, Key="k")  # a delete marker; the version stays
    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket=versioned_bucket)
    assert failure(excinfo) == ("BucketNotEmpty", 409)


def test_tagging(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_tagging(Bucket=bucket)
    assert failure(excinfo) == ("NoSuchTagSet", 404)
    tags = [{"Key": "cost centre", "Value": "42 / b"}, {"Key": "team", "Value": "data"}]
    put = s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": tags})
    assert put["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert sorted(s3.get_bucket_tagging(Bucket=bucket)["TagSet"], key=itemgetter("Key")) == tags
    with pytest.raises(ClientError) as excinfo:
        s3.put_bucket_tagging(Bucket=bucket,
                              Tagging={"TagSet": [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]})
    assert failure(excinfo) == ("InvalidTag", 400)
    deleted = s3.delete_bucket_tagging(Bucket=bucket)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_tagging(Bucket=bucket)
    assert failure(excinfo) == ("NoSuchTagSet", 404)


def test_versioning_configuration(s3, bucket):
    never = s3.get_bucket_versioning(Bucket=bucket)
    assert "Status" not in never and "MFADelete" not in never
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Suspended"
    with pytest.raises(ClientError) as excinfo:
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Sometimes"})
    assert failure(excinfo) == ("MalformedXML", 400)


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
    assert failure(excinfo) == ("NoSuchBucketPolicy", 404)
    policy = databricks_policy(bucket)
    put = s3.put_bucket_policy(Bucket=bucket, Policy=policy)
    assert put["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert s3.get_bucket_policy(Bucket=bucket)["Policy"] == policy  # the document as given, byte for byte
    assert s3.delete_bucket_policy(Bucket=bucket)["ResponseMetadata"]["HTTPStatusCode"] == 204
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_policy(Bucket=bucket)
    assert failure(excinfo) == ("NoSuchBucketPolicy", 404)
    # Deleting a policy that is not there is not an error.
    assert s3.delete_bucket_policy(Bucket=bucket)["ResponseMetadata"]["HTTPStatusCode"] == 204


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
    assert failure(excinfo) == ("MalformedPolicy", 400)
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_policy(Bucket=bucket)
    assert failure(excinfo) == ("NoSuchBucketPolicy", 404)


def test_public_access_block(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.get_public_access_block(Bucket=bucket)
    assert failure(excinfo) == ("NoSuchPublicAccessBlockConfiguration", 404)
    config = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True,
              "RestrictPublicBuckets": False}
    s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration=config)
    assert s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"] == config
    assert s3.delete_public_access_block(Bucket=bucket)["ResponseMetadata"]["HTTPStatusCode"] == 204
    with pytest.raises(ClientError) as excinfo:
        s3.get_public_access_block(Bucket=bucket)
    assert failure(excinfo) == ("NoSuchPublicAccessBlockConfiguration", 404)


def test_default_encryption(s3, bucket):
    # Since January 2023 every general purpose bucket has SSE-S3 by default: GetBucketEncryption answers it (no longer
    # ServerSideEncryptionConfigurationNotFoundError), and DeleteBucketEncryption "resets the default encryption for
    # the bucket as server-side encryption with Amazon S3 managed keys (SSE-S3)" (S3 API reference).
    rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    s3.put_bucket_encryption(
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}, "BucketKeyEnabled": False}]
        },
    )
    rule = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"] == {"SSEAlgorithm": "AES256"}
    assert rule["BucketKeyEnabled"] is False
    assert s3.put_object(Bucket=bucket, Key="k", Body=b"v")["ServerSideEncryption"] == "AES256"
    # SSE-KMS needs a KMS, which the emulator does not have: refused (test_unsupported.py), never stored and ignored.
    assert s3.delete_bucket_encryption(Bucket=bucket)["ResponseMetadata"]["HTTPStatusCode"] == 204
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
        assert failure(excinfo) == (code, 404)
    assert "LoggingEnabled" not in s3.get_bucket_logging(Bucket=bucket)
    acl = s3.get_bucket_acl(Bucket=bucket)
    assert acl["Grants"][0]["Permission"] == "FULL_CONTROL"
