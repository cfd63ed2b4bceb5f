"""Objects: put, get, head, delete, batch delete, copy, metadata and content headers, ranges, conditions, integrity
(Content-MD5 and x-amz-checksum-*), tagging, limits, and the shape of S3's error bodies."""

import base64
import datetime
import hashlib
import os

import pytest
from botocore.exceptions import ClientError

from conftest import empty_and_delete, failure, headers_of, make_client, unique_name
from s3wire import checksum_b64, error_fields, key_path, md5_b64, quoted_md5, signed_request

MiB = 1024 * 1024
KEYS = ["plain.txt", "dir/sub/file", "with space", "plus+sign", "percent%20", "ünïcödé/日本", "a//b", "trailing/",
        "tilde~and=equals&amp", "question?mark#hash", " leading space", "*star*"]


@pytest.mark.parametrize("key", KEYS)
def test_keys_round_trip(s3, bucket, key):
    body = f"content of {key}".encode()
    put = s3.put_object(Bucket=bucket, Key=key, Body=body)
    assert put["ETag"] == quoted_md5(body)
    got = s3.get_object(Bucket=bucket, Key=key)
    assert got["Body"].read() == body
    assert got["ETag"] == quoted_md5(body)
    listed = s3.list_objects_v2(Bucket=bucket)["Contents"]
    assert [(o["Key"], o["Size"], o["ETag"]) for o in listed] == [(key, len(body), quoted_md5(body))]
    assert s3.delete_object(Bucket=bucket, Key=key)["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 0


def test_get_and_head_answer_the_same_headers(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"0123456789")
    got, head = s3.get_object(Bucket=bucket, Key="k"), s3.head_object(Bucket=bucket, Key="k")
    for field in ("ETag", "ContentLength", "ContentType", "LastModified", "AcceptRanges"):
        assert got[field] == head[field], field
    assert got["AcceptRanges"] == "bytes"
    assert got["ContentLength"] == 10
    assert abs(got["LastModified"] - datetime.datetime.now(datetime.timezone.utc)) < datetime.timedelta(minutes=5)
    headers = headers_of(got)
    assert headers["x-amz-request-id"]
    assert headers["content-type"] == "binary/octet-stream"  # S3's default when none was given


def test_metadata_and_content_headers_round_trip(s3, bucket):
    expires = datetime.datetime(2037, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    s3.put_object(
        Bucket=bucket, Key="k", Body=b"{}", ContentType="application/json", CacheControl="max-age=60",
        ContentDisposition='attachment; filename="k.json"', ContentLanguage="en-GB", ContentEncoding="identity",
        Expires=expires, WebsiteRedirectLocation="/elsewhere",
        Metadata={"owner": "team-a", "run": "42", "MixedCase": "v"},
    )
    head = s3.head_object(Bucket=bucket, Key="k")
    assert head["ContentType"] == "application/json"
    assert head["CacheControl"] == "max-age=60"
    assert head["ContentDisposition"] == 'attachment; filename="k.json"'
    assert head["ContentLanguage"] == "en-GB"
    assert head["ContentEncoding"] == "identity"
    assert head["ExpiresString"] == "Fri, 02 Jan 2037 03:04:05 GMT"
    assert head["WebsiteRedirectLocation"] == "/elsewhere"
    # User metadata names are lower-cased by HTTP; values are kept.
    assert head["Metadata"] == {"owner": "team-a", "run": "42", "mixedcase": "v"}
    assert head["ContentLength"] == 2
    assert head["ServerSideEncryption"] == "AES256"
    got = s3.get_object(Bucket=bucket, Key="k")
    assert got["Metadata"] == head["Metadata"] and got["ContentType"] == "application/json"


def test_response_header_overrides_on_get(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"hello", ContentType="text/plain")
    got = s3.get_object(Bucket=bucket, Key="k", ResponseContentType="text/csv", ResponseCacheControl="no-cache",
                        ResponseContentDisposition="inline", ResponseContentLanguage="fr",
                        ResponseExpires=datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc))
    assert (got["ContentType"], got["CacheControl"], got["ContentDisposition"], got["ContentLanguage"]) == \
        ("text/csv", "no-cache", "inline", "fr")
    assert s3.head_object(Bucket=bucket, Key="k")["ContentType"] == "text/plain"  # only that answer changed


def test_empty_and_five_mib_objects(s3, bucket):
    empty = s3.put_object(Bucket=bucket, Key="empty", Body=b"")
    assert empty["ETag"] == '"d41d8cd98f00b204e9800998ecf8427e"'
    got = s3.get_object(Bucket=bucket, Key="empty")
    assert got["Body"].read() == b"" and got["ContentLength"] == 0
    big = os.urandom(5 * MiB)
    assert s3.put_object(Bucket=bucket, Key="big", Body=big)["ETag"] == quoted_md5(big)
    got = s3.get_object(Bucket=bucket, Key="big")
    assert got["ContentLength"] == 5 * MiB
    assert got["Body"].read() == big


def test_overwrite_replaces_body_and_metadata(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"first", Metadata={"a": "1"}, ContentType="text/plain")
    s3.put_object(Bucket=bucket, Key="k", Body=b"second")
    got = s3.get_object(Bucket=bucket, Key="k")
    assert got["Body"].read() == b"second"
    assert got["Metadata"] == {}
    assert got["ContentType"] == "binary/octet-stream"


def test_missing_objects_and_buckets(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="nope")
    assert failure(excinfo) == ("NoSuchKey", 404)
    assert excinfo.value.response["Error"]["Key"] == "nope"
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="nope")
    assert failure(excinfo) == ("404", 404)
    deleted = s3.delete_object(Bucket=bucket, Key="nope")
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket="no-such-bucket-anywhere-123", Key="k")
    assert failure(excinfo) == ("NoSuchBucket", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket="no-such-bucket-anywhere-123", Key="k", Body=b"x")
    assert failure(excinfo) == ("NoSuchBucket", 404)


def test_error_bodies_have_s3s_shape(endpoint, bucket):
    response = signed_request(endpoint, "GET", key_path(bucket, "no such key"))
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/xml"
    fields = error_fields(response)
    assert fields["Code"] == "NoSuchKey"
    assert fields["Message"] == "The specified key does not exist."
    assert fields["Key"] == "no such key"
    assert fields["RequestId"] == response.headers["x-amz-request-id"]
    assert "HostId" in fields


BODY26 = b"0123456789ABCDEFGHIJKLMNOP"


@pytest.mark.parametrize(
    "range_header, expected, content_range",
    [
        ("bytes=0-9", b"0123456789", "bytes 0-9/26"),
        ("bytes=-5", b"LMNOP", "bytes 21-25/26"),
        ("bytes=10-", b"ABCDEFGHIJKLMNOP", "bytes 10-25/26"),
        ("bytes=24-100", b"OP", "bytes 24-25/26"),
        ("bytes=-100", BODY26, "bytes 0-25/26"),
        ("bytes=25-25", b"P", "bytes 25-25/26"),
    ],
)
def test_ranges(s3, bucket, range_header, expected, content_range):
    s3.put_object(Bucket=bucket, Key="k", Body=BODY26)
    response = s3.get_object(Bucket=bucket, Key="k", Range=range_header)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 206
    assert response["ContentRange"] == content_range
    assert response["ContentLength"] == len(expected)
    assert response["ETag"] == quoted_md5(BODY26)
    assert response["Body"].read() == expected


@pytest.mark.parametrize("range_header", ["bytes=26-30", "bytes=100-"])
def test_unsatisfiable_range(s3, bucket, range_header):
    s3.put_object(Bucket=bucket, Key="k", Body=BODY26)
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", Range=range_header)
    assert failure(excinfo) == ("InvalidRange", 416)
    assert excinfo.value.response["Error"]["ActualObjectSize"] == "26"


def test_content_md5(s3, bucket):
    body = b"integrity"
    ok = s3.put_object(Bucket=bucket, Key="ok", Body=body, ContentMD5=md5_b64(body))
    assert ok["ETag"] == quoted_md5(body)
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="bad", Body=body, ContentMD5=md5_b64(b"other"))
    assert failure(excinfo) == ("BadDigest", 400)
    for malformed in ("not-base64-md5", base64.b64encode(b"short").decode()):
        with pytest.raises(ClientError) as excinfo:
            s3.put_object(Bucket=bucket, Key="bad", Body=body, ContentMD5=malformed)
        assert failure(excinfo) == ("InvalidDigest", 400)
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="bad")
    assert failure(excinfo) == ("404", 404)


@pytest.mark.parametrize("algorithm", ["CRC32", "SHA1", "SHA256"])
def test_boto3_checksum_algorithms(s3, bucket, algorithm):
    body = b"checksummed payload" * 100
    field = f"Checksum{algorithm}"
    put = s3.put_object(Bucket=bucket, Key="k", Body=body, ChecksumAlgorithm=algorithm)
    assert put[field] == checksum_b64(algorithm, body)
    head = s3.head_object(Bucket=bucket, Key="k", ChecksumMode="ENABLED")
    assert head[field] == put[field]
    assert head["ChecksumType"] == "FULL_OBJECT"
    got = s3.get_object(Bucket=bucket, Key="k", ChecksumMode="ENABLED")
    assert got["Body"].read() == body
    assert got[field] == put[field]
    assert field not in s3.head_object(Bucket=bucket, Key="k")  # only when asked for


@pytest.mark.parametrize("algorithm", ["CRC32C", "CRC64NVME"])
def test_checksums_botocore_computes_only_with_awscrt(s3, bucket, algorithm):
    body = b"123456789" * 50
    value = checksum_b64(algorithm, body)
    put = s3.put_object(Bucket=bucket, Key="k", Body=body, **{f"Checksum{algorithm}": value})
    assert put[f"Checksum{algorithm}"] == value
    assert s3.head_object(Bucket=bucket, Key="k", ChecksumMode="ENABLED")[f"Checksum{algorithm}"] == value


def test_an_object_sent_without_checksum_gets_crc64nvme(endpoint, bucket):
    # Since December 2024 S3 computes a CRC64NVME for every new object that arrives without a checksum.
    client = make_client(endpoint, request_checksum_calculation="when_required")
    body = b"no checksum sent"
    client.put_object(Bucket=bucket, Key="k", Body=body)
    head = client.head_object(Bucket=bucket, Key="k", ChecksumMode="ENABLED")
    assert head["ChecksumCRC64NVME"] == checksum_b64("crc64nvme", body)


@pytest.mark.parametrize("algorithm", ["crc32", "crc32c", "sha1", "sha256"])
def test_wrong_checksum_is_bad_digest(s3, bucket, algorithm):
    wrong = checksum_b64(algorithm, b"other")
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"payload", **{f"Checksum{algorithm.upper()}": wrong})
    assert failure(excinfo) == ("BadDigest", 400)
    assert "did not match the calculated checksum" in excinfo.value.response["Error"]["Message"]


def test_malformed_checksum_value_is_invalid_request(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"payload", ChecksumSHA256="not base64 at all!")
    assert failure(excinfo) == ("InvalidRequest", 400)


@pytest.fixture
def s3_second_bucket(s3):
    name = unique_name("second")
    s3.create_bucket(Bucket=name)
    yield name
    empty_and_delete(s3, name)


def test_copy_object(s3, bucket, s3_second_bucket):
    s3.put_object(Bucket=bucket, Key="src", Body=b"payload", ContentType="text/plain", Metadata={"a": "1"})
    copied = s3.copy_object(Bucket=bucket, Key="dst", CopySource={"Bucket": bucket, "Key": "src"})
    assert copied["CopyObjectResult"]["ETag"] == quoted_md5(b"payload")
    assert copied["CopyObjectResult"]["LastModified"]
    head = s3.head_object(Bucket=bucket, Key="dst")
    assert head["Metadata"] == {"a": "1"}  # MetadataDirective COPY is the default
    assert head["ContentType"] == "text/plain"
    s3.copy_object(Bucket=bucket, Key="replaced", CopySource=f"{bucket}/src", MetadataDirective="REPLACE",
                   Metadata={"b": "2"}, ContentType="application/octet-stream")
    head = s3.head_object(Bucket=bucket, Key="replaced")
    assert head["Metadata"] == {"b": "2"}
    assert head["ContentType"] == "application/octet-stream"
    # Across buckets, from a key that needs encoding in x-amz-copy-source.
    s3.put_object(Bucket=bucket, Key="dir/a b+c ü", Body=b"odd key")
    s3.copy_object(Bucket=s3_second_bucket, Key="copy", CopySource={"Bucket": bucket, "Key": "dir/a b+c ü"})
    assert s3.get_object(Bucket=s3_second_bucket, Key="copy")["Body"].read() == b"odd key"


def test_copy_object_errors(s3, bucket):
    etag = s3.put_object(Bucket=bucket, Key="src", Body=b"payload", Metadata={"a": "1"})["ETag"]
    with pytest.raises(ClientError) as excinfo:
        s3.copy_object(Bucket=bucket, Key="src", CopySource={"Bucket": bucket, "Key": "src"})
    assert failure(excinfo) == ("InvalidRequest", 400)  # a copy onto itself must change something
    with pytest.raises(ClientError) as excinfo:
        s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": "missing"})
    assert failure(excinfo) == ("NoSuchKey", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": "no-such-source-bucket-1", "Key": "k"})
    assert failure(excinfo) == ("NoSuchBucket", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": "src"}, CopySourceIfMatch='"0000"')
    assert failure(excinfo) == ("PreconditionFailed", 412)
    s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": "src"}, CopySourceIfMatch=etag)
    # Onto itself with REPLACE is how metadata is changed in place.
    s3.copy_object(Bucket=bucket, Key="src", CopySource={"Bucket": bucket, "Key": "src"}, MetadataDirective="REPLACE",
                   Metadata={"c": "3"})
    head = s3.head_object(Bucket=bucket, Key="src")
    assert head["Metadata"] == {"c": "3"} and head["ETag"] == etag


def test_delete_objects(s3, bucket):
    for key in ["a", "b", "c", "d"]:
        s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "a"}, {"Key": "b"}, {"Key": "missing"}]})
    assert result["ResponseMetadata"]["HTTPStatusCode"] == 200
    # A key that is not there is deleted all the same: S3 reports it under Deleted, not Errors.
    assert sorted(d["Key"] for d in result["Deleted"]) == ["a", "b", "missing"]
    assert "Errors" not in result
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]] == ["c", "d"]
    quiet = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "c"}, {"Key": "gone"}], "Quiet": True})
    assert "Deleted" not in quiet and "Errors" not in quiet
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]] == ["d"]


def test_delete_objects_limit_is_a_thousand_keys(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": f"k{i}"} for i in range(1001)]})
    assert failure(excinfo) == ("MalformedXML", 400)
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": f"k{i}"} for i in range(1000)]})
    assert len(result["Deleted"]) == 1000


def test_conditional_reads_and_writes(s3, bucket):
    etag = s3.put_object(Bucket=bucket, Key="k", Body=b"v1")["ETag"]
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", IfNoneMatch=etag)
    assert failure(excinfo) == ("304", 304)
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", IfMatch='"0000"')
    assert failure(excinfo) == ("PreconditionFailed", 412)
    last_modified = s3.head_object(Bucket=bucket, Key="k")["LastModified"]
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", IfModifiedSince=last_modified)
    assert failure(excinfo) == ("304", 304)
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", IfUnmodifiedSince=last_modified - datetime.timedelta(days=1))
    assert failure(excinfo) == ("PreconditionFailed", 412)
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"v2", IfNoneMatch="*")
    assert failure(excinfo) == ("PreconditionFailed", 412)
    assert s3.get_object(Bucket=bucket, Key="k", IfMatch=etag)["Body"].read() == b"v1"
    s3.put_object(Bucket=bucket, Key="new", Body=b"created", IfNoneMatch="*")


def test_object_tagging(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"v", Tagging="env=test&team=data")
    assert headers_of(s3.get_object(Bucket=bucket, Key="k"))["x-amz-tagging-count"] == "2"
    tags = s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"]
    assert sorted((t["Key"], t["Value"]) for t in tags) == [("env", "test"), ("team", "data")]
    s3.put_object_tagging(Bucket=bucket, Key="k", Tagging={"TagSet": [{"Key": "x", "Value": "y"}]})
    assert s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"] == [{"Key": "x", "Value": "y"}]
    assert s3.delete_object_tagging(Bucket=bucket, Key="k")["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"] == []
    with pytest.raises(ClientError) as excinfo:
        s3.get_object_tagging(Bucket=bucket, Key="missing")
    assert failure(excinfo) == ("NoSuchKey", 404)


def test_limits(s3, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k" * 1025, Body=b"")
    assert failure(excinfo) == ("KeyTooLongError", 400)
    s3.put_object(Bucket=bucket, Key="k" * 1024, Body=b"")  # exactly the limit
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="k", Body=b"", Metadata={"big": "v" * 2100})
    assert failure(excinfo) == ("MetadataTooLarge", 400)


def test_md5_etag_is_content_addressed(s3, bucket):
    body = hashlib.sha256(b"seed").digest() * 100
    first = s3.put_object(Bucket=bucket, Key="a", Body=body)["ETag"]
    second = s3.put_object(Bucket=bucket, Key="b", Body=body)["ETag"]
    assert first == second == quoted_md5(body)
