"""Signatures: SigV4 header and presigned, legacy SigV2 presigned, aws-chunked, and their errors."""

import datetime
import hashlib
import hmac
from unittest import mock

import botocore.auth
import pytest
import requests
from botocore.exceptions import ClientError

from conftest import error_code, make_client, status


def test_wrong_secret_and_unknown_key(endpoint):
    with pytest.raises(ClientError) as excinfo:
        make_client(endpoint, aws_secret_access_key="wrong").list_buckets()
    assert (error_code(excinfo), status(excinfo)) == ("SignatureDoesNotMatch", 403)
    assert "wrong" not in str(excinfo.value.response)
    with pytest.raises(ClientError) as excinfo:
        make_client(endpoint, aws_access_key_id="AKIAUNKNOWN0000000000").list_buckets()
    assert (error_code(excinfo), status(excinfo)) == ("InvalidAccessKeyId", 403)


def test_unsigned_request_is_access_denied(endpoint):
    response = requests.get(f"{endpoint}/")
    assert response.status_code == 403
    assert "<Code>AccessDenied</Code>" in response.text


def test_skewed_clock(endpoint):
    skewed = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20)
    client = make_client(endpoint)

    class SkewedDatetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return skewed.replace(tzinfo=None)

        @classmethod
        def now(cls, tz=None):
            return skewed if tz else skewed.replace(tzinfo=None)

    with mock.patch.object(botocore.auth.datetime, "datetime", SkewedDatetime):
        with pytest.raises(ClientError) as excinfo:
            client.list_buckets()
    assert (error_code(excinfo), status(excinfo)) == ("RequestTimeTooSkewed", 403)


@pytest.mark.parametrize("signature_version", [None, "s3v4"])
def test_presigned_get_and_put(endpoint, bucket, signature_version):
    extra = {"signature_version": signature_version} if signature_version else {}
    client = make_client(endpoint, **extra)
    put_url = client.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "p k"}, ExpiresIn=300)
    assert requests.put(put_url, data=b"presigned body").status_code == 200
    get_url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "p k"}, ExpiresIn=300)
    if signature_version is None:
        assert "AWSAccessKeyId=" in get_url and "Signature=" in get_url  # boto3's legacy default in us-east-1
    else:
        assert "X-Amz-Signature=" in get_url
    response = requests.get(get_url)
    assert response.status_code == 200 and response.content == b"presigned body"
    tampered = get_url.replace("p%20k", "p%20x")
    response = requests.get(tampered)
    assert response.status_code == 403
    assert "<Code>SignatureDoesNotMatch</Code>" in response.text


@pytest.mark.parametrize("signature_version", [None, "s3v4"])
def test_expired_presigned_url(endpoint, bucket, s3, signature_version):
    s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    extra = {"signature_version": signature_version} if signature_version else {}
    client = make_client(endpoint, **extra)
    past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=2)

    class Past(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return past.replace(tzinfo=None)

        @classmethod
        def now(cls, tz=None):
            return past if tz else past.replace(tzinfo=None)

    with mock.patch.object(botocore.auth.datetime, "datetime", Past), mock.patch("time.time", lambda: past.timestamp()):
        url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=60)
    response = requests.get(url)
    assert response.status_code == 403
    assert "<Code>AccessDenied</Code>" in response.text and "Request has expired" in response.text


def test_presigned_lifetime_limit(endpoint, bucket):
    url = make_client(endpoint, signature_version="s3v4").generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=604801
    )
    response = requests.get(url)
    assert response.status_code == 400
    assert "<Code>AuthorizationQueryParametersError</Code>" in response.text


def test_boto3_aws_chunked_trailer_upload(endpoint, bucket, s3):
    """boto3 (botocore >= 1.36) sends PutObject as aws-chunked with a trailing CRC32 over HTTPS; this forces the
    same code path over plain HTTP so the emulator sees exactly those bytes."""
    client = make_client(endpoint)
    seen = {}

    def force_trailer(params, context, **kwargs):
        algorithm = context.get("checksum", {}).get("request_algorithm")
        if algorithm:
            algorithm["in"] = "trailer"

    def capture(request, **kwargs):
        seen.update({k.lower(): v for k, v in request.headers.items()})

    client.meta.events.register("before-call.s3.PutObject", force_trailer)
    client.meta.events.register("before-send.s3.PutObject", capture)
    body = bytes(range(256)) * 4000
    put = client.put_object(Bucket=bucket, Key="chunked", Body=body)
    assert seen["x-amz-content-sha256"] == b"STREAMING-UNSIGNED-PAYLOAD-TRAILER"
    assert b"aws-chunked" in seen["content-encoding"]
    assert put["ChecksumCRC32"]
    got = s3.get_object(Bucket=bucket, Key="chunked", ChecksumMode="ENABLED")
    assert got["Body"].read() == body
    assert got["ChecksumCRC32"] == put["ChecksumCRC32"]
    assert "ContentEncoding" not in got  # aws-chunked is not stored


def _signing_key(secret, date, region="us-east-1", service="s3"):
    key = ("AWS4" + secret).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def _signed_chunked_request(endpoint, bucket, key, payload, chunk_size, tamper=False):
    """Builds a STREAMING-AWS4-HMAC-SHA256-PAYLOAD upload by hand, per the SigV4 streaming specification."""
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, date = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    host = endpoint.split("://", 1)[1]
    scope = f"{date}/us-east-1/s3/aws4_request"
    chunks = [payload[i:i + chunk_size] for i in range(0, len(payload), chunk_size)] + [b""]
    headers = {
        "host": host,
        "content-encoding": "aws-chunked",
        "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        "x-amz-date": amz_date,
        "x-amz-decoded-content-length": str(len(payload)),
    }
    signed = sorted(headers)
    canonical = "\n".join(["PUT", f"/{bucket}/{key}", "", *[f"{h}:{headers[h]}" for h in signed], "",
                           ";".join(signed), "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"])
    string_to_sign = f"AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
    signing_key = _signing_key("test", date)
    seed = hmac.new(signing_key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    body, previous = b"", seed
    empty = hashlib.sha256(b"").hexdigest()
    for chunk in chunks:
        chunk_sts = f"AWS4-HMAC-SHA256-PAYLOAD\n{amz_date}\n{scope}\n{previous}\n{empty}\n{hashlib.sha256(chunk).hexdigest()}"
        previous = hmac.new(signing_key, chunk_sts.encode(), hashlib.sha256).hexdigest()
        data = chunk
        if tamper and chunk:
            data = bytes([chunk[0] ^ 1]) + chunk[1:]
        body += f"{len(chunk):x};chunk-signature={previous}\r\n".encode() + data + b"\r\n"
    headers["authorization"] = (f"AWS4-HMAC-SHA256 Credential=test/{scope}, SignedHeaders={';'.join(signed)}, "
                                f"Signature={seed}")
    headers["content-length"] = str(len(body))
    del headers["host"]
    return requests.put(f"{endpoint}/{bucket}/{key}", data=body, headers=headers)


def test_signed_chunked_upload(endpoint, bucket, s3):
    payload = bytes(range(256)) * 300  # 76,800 bytes: chunks of 64 KiB and 11 KiB
    response = _signed_chunked_request(endpoint, bucket, "signed", payload, 65536)
    assert response.status_code == 200, response.text
    assert s3.get_object(Bucket=bucket, Key="signed")["Body"].read() == payload
    tampered = _signed_chunked_request(endpoint, bucket, "tampered", payload, 65536, tamper=True)
    assert tampered.status_code == 403
    assert "<Code>SignatureDoesNotMatch</Code>" in tampered.text
    with pytest.raises(ClientError):
        s3.head_object(Bucket=bucket, Key="tampered")


def test_payload_hash_mismatch(endpoint, bucket):
    client = make_client(endpoint)

    def corrupt(request, **kwargs):
        request.body = b"not what was signed"
        request.headers["Content-Length"] = str(len(request.body))

    client.meta.events.register("before-send.s3.PutObject", corrupt)
    with pytest.raises(ClientError) as excinfo:
        client.put_object(Bucket=bucket, Key="k", Body=b"signed body", ChecksumAlgorithm="SHA256")
    assert error_code(excinfo) == "XAmzContentSHA256Mismatch"
    assert status(excinfo) == 400
