"""Header signatures (SigV4, and the legacy `Authorization: AWS` SigV2 of signature_version="s3") and their errors."""

import datetime
from unittest import mock

import pytest
import requests
from botocore.exceptions import ClientError

from conftest import failure, make_client
from s3wire import error_fields, key_path, signed_request


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def test_wrong_secret_is_signature_does_not_match(endpoint):
    with pytest.raises(ClientError) as excinfo:
        make_client(endpoint, aws_secret_access_key="not-the-secret").list_buckets()
    assert failure(excinfo) == ("SignatureDoesNotMatch", 403)
    error = excinfo.value.response["Error"]
    # S3 helps the caller compare: it names the key and shows what it signed, but never a secret.
    assert error["AWSAccessKeyId"] == "test"
    assert error["StringToSign"].startswith("AWS4-HMAC-SHA256\n")
    assert "not-the-secret" not in str(excinfo.value.response)


def test_unknown_access_key(endpoint):
    with pytest.raises(ClientError) as excinfo:
        make_client(endpoint, aws_access_key_id="AKIAUNKNOWN000000000").list_buckets()
    assert failure(excinfo) == ("InvalidAccessKeyId", 403)
    assert excinfo.value.response["Error"]["AWSAccessKeyId"] == "AKIAUNKNOWN000000000"


@pytest.mark.parametrize("method", ["GET", "PUT"])
def test_unsigned_requests_are_access_denied(endpoint, bucket, method):
    response = requests.request(method, f"{endpoint}/{bucket}/anonymous", data=b"x" if method == "PUT" else None,
                                timeout=10)
    assert response.status_code == 403
    assert error_fields(response)["Code"] == "AccessDenied"


@pytest.mark.parametrize("minutes", [-20, 20])
def test_skewed_clock_is_request_time_too_skewed(endpoint, minutes):
    response = signed_request(endpoint, "GET", "/", when=now() + datetime.timedelta(minutes=minutes))
    assert response.status_code == 403
    fields = error_fields(response)
    assert fields["Code"] == "RequestTimeTooSkewed"
    assert fields["MaxAllowedSkewMilliseconds"] == "900000"
    assert "RequestTime" in fields and "ServerTime" in fields


def test_skew_within_fifteen_minutes_is_accepted(endpoint):
    assert signed_request(endpoint, "GET", "/", when=now() - datetime.timedelta(minutes=10)).status_code == 200


def test_boto3_with_a_skewed_clock(endpoint):
    skewed = now() - datetime.timedelta(minutes=20)
    client = make_client(endpoint)
    with mock.patch("botocore.auth.get_current_datetime", lambda *args, **kwargs: skewed.replace(tzinfo=None)):
        with pytest.raises(ClientError) as excinfo:
            client.list_buckets()
    assert failure(excinfo) == ("RequestTimeTooSkewed", 403)


def test_malformed_authorization_header(endpoint):
    response = requests.get(
        f"{endpoint}/",
        headers={"Authorization": "AWS4-HMAC-SHA256 this-is-not-a-credential",
                 "x-amz-date": now().strftime("%Y%m%dT%H%M%SZ"), "x-amz-content-sha256": "UNSIGNED-PAYLOAD"},
        timeout=10,
    )
    assert response.status_code == 400
    assert error_fields(response)["Code"] == "AuthorizationHeaderMalformed"


def test_payload_hash_must_match_the_body(endpoint, bucket):
    response = signed_request(endpoint, "PUT", key_path(bucket, "k"), body=b"what was sent",
                              payload_hash="0" * 64)
    assert response.status_code == 400
    assert error_fields(response)["Code"] == "XAmzContentSHA256Mismatch"


def test_boto3_body_swapped_after_signing(endpoint, bucket, s3):
    client = make_client(endpoint)

    def corrupt(request, **kwargs):
        request.body = b"not what was signed"
        request.headers["Content-Length"] = str(len(request.body))

    client.meta.events.register("before-send.s3.PutObject", corrupt)
    with pytest.raises(ClientError) as excinfo:
        client.put_object(Bucket=bucket, Key="k", Body=b"signed body", ChecksumAlgorithm="SHA256")
    assert failure(excinfo) == ("XAmzContentSHA256Mismatch", 400)
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="k")
    assert failure(excinfo) == ("404", 404)


def test_unsigned_payload_is_accepted(endpoint, bucket, s3):
    response = signed_request(endpoint, "PUT", key_path(bucket, "u"), body=b"unsigned payload",
                              payload_hash="UNSIGNED-PAYLOAD")
    assert response.status_code == 200, response.text
    assert s3.get_object(Bucket=bucket, Key="u")["Body"].read() == b"unsigned payload"


def test_legacy_sigv2_header_signature(endpoint, bucket):
    client = make_client(endpoint, signature_version="s3")
    seen = []
    client.meta.events.register("before-send.s3", lambda request, **_: seen.append(request.headers["Authorization"]))
    client.put_object(Bucket=bucket, Key="v2", Body=b"sigv2", Metadata={"m": "1"})
    assert seen[-1].startswith(b"AWS test:")
    got = client.get_object(Bucket=bucket, Key="v2")
    assert got["Body"].read() == b"sigv2" and got["Metadata"] == {"m": "1"}
    with pytest.raises(ClientError) as excinfo:
        make_client(endpoint, signature_version="s3", aws_secret_access_key="wrong").get_object(Bucket=bucket, Key="v2")
    assert failure(excinfo) == ("SignatureDoesNotMatch", 403)


def test_signature_covers_header_values_with_commas_and_spaces(endpoint, bucket, s3):
    # SigV4 canonical headers trim each value and collapse runs of spaces; commas and the spaces after them stay.
    expires = datetime.datetime(2037, 10, 21, 7, 28, tzinfo=datetime.timezone.utc)  # sent as "Wed, 21 Oct 2037 ..."
    s3.put_object(Bucket=bucket, Key="k", Body=b"x", CacheControl="max-age=60, public", Expires=expires,
                  ContentDisposition='attachment;  filename="a  b"', Metadata={"list": "one, two,three"})
    head = s3.head_object(Bucket=bucket, Key="k")
    assert head["Metadata"] == {"list": "one, two,three"}
    assert head["CacheControl"] == "max-age=60, public"
    assert head["ExpiresString"] == "Wed, 21 Oct 2037 07:28:00 GMT"
