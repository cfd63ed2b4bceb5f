"""aws-chunked uploads: what boto3 sends by default (a CRC32 checksum; over HTTPS as STREAMING-UNSIGNED-PAYLOAD-TRAILER
with the checksum in a trailer), and signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]) built by hand.
Only the decoded bytes may be stored, and every signature and trailer checksum is verified before anything is."""

import io
import os
import zlib

import pytest
from boto3.s3.transfer import TransferConfig
from botocore.exceptions import ClientError

from conftest import failure, make_client
from s3wire import checksum_b64, error_fields, key_path, quoted_md5, signed_chunked_put, unsigned_trailer_put

MiB = 1024 * 1024
PAYLOAD = bytes(range(256)) * 300  # 76,800 bytes: a 64 KiB chunk and an 11 KiB one


@pytest.fixture
def trailer_client(endpoint):
    """A boto3 client that sends PutObject and UploadPart exactly as it does over HTTPS: aws-chunked, unsigned
    payload, the CRC32 in a trailer, Transfer-Encoding: chunked. (Over plain HTTP botocore puts the checksum in a
    header instead; the bytes on the wire are otherwise what every boto3 user on AWS sends.)"""
    client = make_client(endpoint)
    seen: list[dict[str, str]] = []

    def to_trailer(params, context, **kwargs):
        algorithm = context.get("checksum", {}).get("request_algorithm")
        if isinstance(algorithm, dict):
            algorithm["in"] = "trailer"

    def capture(request, **kwargs):
        seen.append({k.lower(): (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()})

    for operation in ("PutObject", "UploadPart"):
        client.meta.events.register(f"before-call.s3.{operation}", to_trailer)
        client.meta.events.register(f"before-send.s3.{operation}", capture)
    client.seen = seen
    return client


def test_boto3_default_put_over_http_sends_a_crc32_header(endpoint, bucket, s3):
    client = make_client(endpoint)
    seen = {}
    client.meta.events.register("before-send.s3.PutObject", lambda request, **_: seen.update(request.headers))
    put = client.put_object(Bucket=bucket, Key="k", Body=PAYLOAD)
    assert seen["x-amz-sdk-checksum-algorithm"] == b"CRC32"
    assert put["ChecksumCRC32"] == checksum_b64("crc32", PAYLOAD)
    got = s3.get_object(Bucket=bucket, Key="k", ChecksumMode="ENABLED")
    assert got["Body"].read() == PAYLOAD
    assert got["ChecksumCRC32"] == put["ChecksumCRC32"]


def test_boto3_trailer_upload_stores_exactly_the_payload(bucket, s3, trailer_client):
    put = trailer_client.put_object(Bucket=bucket, Key="chunked", Body=PAYLOAD)
    sent = trailer_client.seen[-1]
    assert sent["x-amz-content-sha256"] == "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
    assert sent["content-encoding"] == "aws-chunked"
    assert sent["x-amz-trailer"] == "x-amz-checksum-crc32"
    assert sent["x-amz-decoded-content-length"] == str(len(PAYLOAD))
    assert put["ETag"] == quoted_md5(PAYLOAD)
    assert put["ChecksumCRC32"] == checksum_b64("crc32", PAYLOAD)
    got = s3.get_object(Bucket=bucket, Key="chunked", ChecksumMode="ENABLED")
    assert got["Body"].read() == PAYLOAD
    assert got["ContentLength"] == len(PAYLOAD)
    assert got["ChecksumCRC32"] == put["ChecksumCRC32"]
    assert "ContentEncoding" not in got  # aws-chunked describes the request, it is not stored


def test_boto3_trailer_upload_keeps_a_real_content_encoding(bucket, s3, trailer_client):
    compressed = zlib.compress(PAYLOAD)
    trailer_client.put_object(Bucket=bucket, Key="gz", Body=compressed, ContentEncoding="gzip")
    assert trailer_client.seen[-1]["content-encoding"] == "gzip,aws-chunked"
    got = s3.get_object(Bucket=bucket, Key="gz")
    assert got["ContentEncoding"] == "gzip"
    assert got["Body"].read() == compressed


def test_boto3_trailer_empty_object(bucket, s3, trailer_client):
    put = trailer_client.put_object(Bucket=bucket, Key="empty", Body=b"")
    assert put["ETag"] == quoted_md5(b"")
    assert s3.get_object(Bucket=bucket, Key="empty")["Body"].read() == b""


def test_boto3_trailer_multipart_through_the_transfer_manager(bucket, s3, trailer_client):
    data = os.urandom(11 * MiB)
    config = TransferConfig(multipart_threshold=5 * MiB, multipart_chunksize=5 * MiB, max_concurrency=3)
    trailer_client.upload_fileobj(io.BytesIO(data), bucket, "mp", Config=config)
    assert sum(1 for h in trailer_client.seen if h.get("content-encoding") == "aws-chunked") == 3
    assert s3.get_object(Bucket=bucket, Key="mp")["Body"].read() == data


def test_unsigned_trailer_with_a_wrong_checksum_is_bad_digest(endpoint, bucket, s3):
    wrong = checksum_b64("crc32", b"something else")
    response = unsigned_trailer_put(endpoint, key_path(bucket, "bad"), PAYLOAD, ("x-amz-checksum-crc32", wrong))
    assert response.status_code == 400
    assert error_fields(response)["Code"] == "BadDigest"
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="bad")
    assert failure(excinfo) == ("404", 404)


@pytest.mark.parametrize("algorithm", ["crc32", "crc32c", "sha256"])
def test_unsigned_trailer_with_each_algorithm(endpoint, bucket, s3, algorithm):
    value = checksum_b64(algorithm, PAYLOAD)
    response = unsigned_trailer_put(endpoint, key_path(bucket, "t"), PAYLOAD, (f"x-amz-checksum-{algorithm}", value))
    assert response.status_code == 200, response.text
    assert response.headers[f"x-amz-checksum-{algorithm}"] == value
    head = s3.head_object(Bucket=bucket, Key="t", ChecksumMode="ENABLED")
    assert head[f"Checksum{algorithm.upper()}"] == value
    assert s3.get_object(Bucket=bucket, Key="t")["Body"].read() == PAYLOAD


def test_signed_chunks(endpoint, bucket, s3):
    response = signed_chunked_put(endpoint, key_path(bucket, "signed"), PAYLOAD)
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == quoted_md5(PAYLOAD)
    got = s3.get_object(Bucket=bucket, Key="signed")
    assert got["Body"].read() == PAYLOAD
    assert "ContentEncoding" not in got


def test_signed_chunks_with_metadata_and_a_key_needing_encoding(endpoint, bucket, s3):
    response = signed_chunked_put(endpoint, key_path(bucket, "dir/a key+ü"), PAYLOAD,
                                  extra_headers={"x-amz-meta-origin": "hand-built", "content-type": "text/plain"})
    assert response.status_code == 200, response.text
    head = s3.head_object(Bucket=bucket, Key="dir/a key+ü")
    assert head["Metadata"] == {"origin": "hand-built"}
    assert head["ContentType"] == "text/plain"
    assert head["ContentLength"] == len(PAYLOAD)


@pytest.mark.parametrize("chunk", [0, 1])
def test_tampered_chunk_is_signature_does_not_match(endpoint, bucket, s3, chunk):
    response = signed_chunked_put(endpoint, key_path(bucket, "tampered"), PAYLOAD, tamper_chunk=chunk)
    assert response.status_code == 403
    assert error_fields(response)["Code"] == "SignatureDoesNotMatch"
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="tampered")
    assert failure(excinfo) == ("404", 404)


def test_signed_chunks_with_a_signed_trailer(endpoint, bucket, s3):
    value = checksum_b64("crc32c", PAYLOAD)
    response = signed_chunked_put(endpoint, key_path(bucket, "st"), PAYLOAD, trailer=("x-amz-checksum-crc32c", value))
    assert response.status_code == 200, response.text
    assert s3.head_object(Bucket=bucket, Key="st", ChecksumMode="ENABLED")["ChecksumCRC32C"] == value
    assert s3.get_object(Bucket=bucket, Key="st")["Body"].read() == PAYLOAD


def test_signed_trailer_with_a_wrong_signature(endpoint, bucket, s3):
    value = checksum_b64("crc32c", PAYLOAD)
    response = signed_chunked_put(endpoint, key_path(bucket, "st"), PAYLOAD, trailer=("x-amz-checksum-crc32c", value),
                                  tamper_trailer_signature=True)
    assert response.status_code == 403
    assert error_fields(response)["Code"] == "SignatureDoesNotMatch"


def test_signed_trailer_with_a_wrong_checksum(endpoint, bucket, s3):
    wrong = checksum_b64("crc32c", b"other bytes")
    response = signed_chunked_put(endpoint, key_path(bucket, "st"), PAYLOAD, trailer=("x-amz-checksum-crc32c", wrong))
    assert response.status_code == 400
    assert error_fields(response)["Code"] == "BadDigest"


def test_signed_chunks_smaller_than_8_kib_before_the_last(endpoint, bucket):
    # S3: "Only the last chunk is allowed to have a size less than 8192 bytes" (InvalidChunkSizeError, 403).
    response = signed_chunked_put(endpoint, key_path(bucket, "small"), PAYLOAD, chunk_size=4096)
    assert response.status_code == 403
    assert error_fields(response)["Code"] == "InvalidChunkSizeError"
