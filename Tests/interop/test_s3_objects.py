"""Objects: put, get, head, delete, copy, metadata, ranges, conditions, integrity checks."""

import base64
import hashlib
import zlib

import pytest
from botocore.exceptions import ClientError

from conftest import error_code, status


def md5_etag(data: bytes) -> str:
    return f'"{hashlib.md5(data).hexdigest()}"'


@pytest.mark.parametrize("key", ["plain.txt", "dir/sub/file", "with space", "plus+sign", "percent%20", "ünïcödé/日本", "a//b", "trailing/"])
def test_round_trip_keys(s3, bucket, key):
    body = f"content of {key}".encode()
    put = s3.put_object(Bucket=bucket, Key=key, Body=body)
    assert put["ETag"] == md5_etag(body)
    got = s3.get_object(Bucket=bucket, Key=key)
    assert got["Body"].read() == body
    assert got["ETag"] == md5_etag(body)
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]] == [key]


def test_metadata_and_content_headers(s3, bucket):
    s3.put_object(
        Bucket=bucket, Key="k", Body=b"{}", ContentType="application/json", CacheControl="max-age=60",
        ContentDisposition='attachment; filename="k.json"', ContentLanguage="en", Metadata={"owner": "team-a", "run": "42"},
    )
    head = s3.head_object(Bucket=bucket, Key="k")
    assert head["ContentType"] == "application/json"
    assert head["CacheControl"] == "max-age=60"
    assert head["ContentDisposition"] == 'attachment; filename="k.json"'
    assert head["ContentLanguage"] == "en"
    assert head["Metadata"] == {"owner": "team-a", "run": "42"}
    assert head["ContentLength"] == 2
    assert head["ServerSideEncryption"] == "AES256"
    default = s3.put_object(Bucket=bucket, Key="nocontenttype", Body=b"x")
    assert s3.head_object(Bucket=bucket, Key="nocontenttype")["ContentType"] == "binary/octet-stream"
    assert default["ETag"] == md5_etag(b"x")


def test_empty_and_larger_objects(s3, bucket):
    s3.put_object(Bucket=bucket, Key="empty", Body=b"")
    assert s3.get_object(Bucket=bucket, Key="empty")["Body"].read() == b""
    big = bytes(range(256)) * 20480  # 5 MiB
    s3.put_object(Bucket=bucket, Key="big", Body=big)
    assert s3.get_object(Bucket=bucket, Key="big")["Body"].read() == big


def test_missing_objects(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="nope")
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchKey", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="nope")
    assert status(excinfo) == 404
    assert s3.delete_object(Bucket=bucket, Key="nope")["ResponseMetadata"]["HTTPStatusCode"] == 204
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket="no-such-bucket-anywhere-123", Key="k")
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchBucket", 404)


BODY26 = b"0123456789ABCDEFGHIJKLMNOP"


@pytest.mark.parametrize(
    "range_header, expected, content_range",
    [
        ("bytes=0-9", b"0123456789", "bytes 0-9/26"),
        ("bytes=-5", b"LMNOP", "bytes 21-25/26"),
        ("bytes=20-", b"KLMNOP", "bytes 20-25/26"),
        ("bytes=24-100", b"OP", "bytes 24-25/26"),
    ],
)
def test_ranges(s3, bucket, range_header, expected, content_range):
    s3.put_object(Bucket=bucket, Key="k", Body=BODY26)
    response = s3.get_object(Bucket=bucket, Key="k", Range=range_header)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 206
    assert response["ContentRange"] == content_range
    assert response["Body"].read() == expected


def test_unsatisfiable_range(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"0123456789")
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", Range="bytes=10-20")
    assert (error_code(excinfo), status(excinfo)) == ("InvalidRange", 416)


def test_content_md5(s3, bucket):
    body = b"integrity"
    good = base64.b64encode(hashlib.md5(body).digest()).decode()
    s3.put_object(Bucket=bucket, Key="ok", Body=body, ContentMD5=good)
    wrong = base64.b64encode(hashlib.md5(b"other").digest()).decode()
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="bad", Body=body, ContentMD5=wrong)
    assert (error_code(excinfo), status(excinfo)) == ("BadDigest", 400)
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="bad", Body=body, ContentMD5="not-base64-md5")
    assert (error_code(excinfo), status(excinfo)) == ("InvalidDigest", 400)


@pytest.mark.parametrize("algorithm, field", [("CRC32", "ChecksumCRC32"), ("SHA1", "ChecksumSHA1"), ("SHA256", "ChecksumSHA256")])
def test_checksums_are_verified_stored_and_returned(s3, bucket, algorithm, field):
    body = b"checksummed payload" * 100
    put = s3.put_object(Bucket=bucket, Key="k", Body=body, ChecksumAlgorithm=algorithm)
    assert field in put
    head = s3.head_object(Bucket=bucket, Key="k", ChecksumMode="ENABLED")
    assert head[field] == put[field]
    got = s3.get_object(Bucket=bucket, Key="k", ChecksumMode="ENABLED")
    assert got["Body"].read() == body
    assert got[field] == put[field]
    assert field not in s3.head_object(Bucket=bucket, Key="k")


def test_wrong_checksum_is_bad_digest(s3, bucket):
    wrong = base64.b64encode(zlib.crc32(b"other").to_bytes(4, "big")).decode()
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"payload", ChecksumCRC32=wrong)
    assert (error_code(excinfo), status(excinfo)) == ("BadDigest", 400)


def test_default_crc64nvme_checksum(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"payload", ChecksumSHA256=base64.b64encode(hashlib.sha256(b"payload").digest()).decode())
    assert "ChecksumSHA256" in s3.head_object(Bucket=bucket, Key="k", ChecksumMode="ENABLED")


def test_copy_object(s3, bucket):
    s3.put_object(Bucket=bucket, Key="src", Body=b"payload", ContentType="text/plain", Metadata={"a": "1"})
    copied = s3.copy_object(Bucket=bucket, Key="dst", CopySource={"Bucket": bucket, "Key": "src"})
    assert copied["CopyObjectResult"]["ETag"] == md5_etag(b"payload")
    head = s3.head_object(Bucket=bucket, Key="dst")
    assert head["Metadata"] == {"a": "1"}
    assert head["ContentType"] == "text/plain"
    s3.copy_object(
        Bucket=bucket, Key="replaced", CopySource=f"{bucket}/src", MetadataDirective="REPLACE",
        Metadata={"b": "2"}, ContentType="application/octet-stream",
    )
    head = s3.head_object(Bucket=bucket, Key="replaced")
    assert head["Metadata"] == {"b": "2"}
    assert head["ContentType"] == "application/octet-stream"
    with pytest.raises(ClientError) as excinfo:
        s3.copy_object(Bucket=bucket, Key="src", CopySource={"Bucket": bucket, "Key": "src"})
    assert (error_code(excinfo), status(excinfo)) == ("InvalidRequest", 400)
    with pytest.raises(ClientError) as excinfo:
        s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": "missing"})
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchKey", 404)
    s3.copy_object(Bucket=bucket, Key="src", CopySource={"Bucket": bucket, "Key": "src"}, MetadataDirective="REPLACE", Metadata={"c": "3"})
    assert s3.head_object(Bucket=bucket, Key="src")["Metadata"] == {"c": "3"}


def test_delete_objects(s3, bucket):
    for key in ["a", "b", "c"]:
        s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "a"}, {"Key": "b"}, {"Key": "missing"}]})
    assert sorted(d["Key"] for d in result["Deleted"]) == ["a", "b", "missing"]
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]] == ["c"]
    quiet = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "c"}], "Quiet": True})
    assert "Deleted" not in quiet
    assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 0


def test_conditional_reads_and_writes(s3, bucket):
    etag = s3.put_object(Bucket=bucket, Key="k", Body=b"v1")["ETag"]
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", IfNoneMatch=etag)
    assert status(excinfo) == 304
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", IfMatch='"0000"')
    assert (error_code(excinfo), status(excinfo)) == ("PreconditionFailed", 412)
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"v2", IfNoneMatch="*")
    assert (error_code(excinfo), status(excinfo)) == ("PreconditionFailed", 412)
    assert s3.get_object(Bucket=bucket, Key="k", IfMatch=etag)["Body"].read() == b"v1"


def test_object_tagging(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"v", Tagging="env=test&team=data")
    assert s3.head_object(Bucket=bucket, Key="k")["ResponseMetadata"]["HTTPHeaders"]["x-amz-tagging-count"] == "2"
    tags = s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"]
    assert sorted((t["Key"], t["Value"]) for t in tags) == [("env", "test"), ("team", "data")]
    s3.put_object_tagging(Bucket=bucket, Key="k", Tagging={"TagSet": [{"Key": "x", "Value": "y"}]})
    assert s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"] == [{"Key": "x", "Value": "y"}]
    s3.delete_object_tagging(Bucket=bucket, Key="k")
    assert s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"] == []


def test_limits(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k" * 1025, Body=b"")
    assert (error_code(excinfo), status(excinfo)) == ("KeyTooLongError", 400)
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"", Metadata={"big": "v" * 2100})
    assert (error_code(excinfo), status(excinfo)) == ("MetadataTooLarge", 400)
