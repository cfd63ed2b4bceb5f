"""Presigned URLs: boto3's legacy query signature (its default in us-east-1) and SigV4, GET/PUT/HEAD, through
`requests` and `urllib`; expired, tampered and over-long URLs."""

import datetime
import urllib.error
import urllib.request
from unittest import mock
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
import requests

from conftest import make_client
from s3wire import error_fields

SIGNATURES = [pytest.param(None, id="legacy-default"), pytest.param("s3v4", id="s3v4")]


def presigner(endpoint, signature_version):
    return make_client(endpoint, **({"signature_version": signature_version} if signature_version else {}))


def with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


@pytest.mark.parametrize("signature_version", SIGNATURES)
def test_presigned_put_then_get_and_head(endpoint, bucket, s3, signature_version):
    client = presigner(endpoint, signature_version)
    put_url = client.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "p k+é"}, ExpiresIn=300)
    if signature_version is None:
        query = dict(parse_qsl(urlsplit(put_url).query))
        assert set(query) == {"AWSAccessKeyId", "Signature", "Expires"}  # boto3's default in us-east-1
    else:
        assert "X-Amz-Algorithm=AWS4-HMAC-SHA256" in put_url and "X-Amz-Signature=" in put_url
    put = requests.put(put_url, data=b"presigned body", timeout=10)
    assert put.status_code == 200, put.text
    assert put.headers["ETag"] == s3.head_object(Bucket=bucket, Key="p k+é")["ETag"]
    get_url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "p k+é"}, ExpiresIn=300)
    response = requests.get(get_url, timeout=10)
    assert (response.status_code, response.content) == (200, b"presigned body")
    with urllib.request.urlopen(get_url, timeout=10) as via_urllib:
        assert via_urllib.read() == b"presigned body"
    head_url = client.generate_presigned_url("head_object", Params={"Bucket": bucket, "Key": "p k+é"}, ExpiresIn=300)
    head = requests.head(head_url, timeout=10)
    assert head.status_code == 200 and head.headers["Content-Length"] == "14"


@pytest.mark.parametrize("signature_version", SIGNATURES)
def test_presigned_get_with_response_overrides(endpoint, bucket, s3, signature_version):
    s3.put_object(Bucket=bucket, Key="report.csv", Body=b"a,b\n", ContentType="binary/octet-stream")
    url = presigner(endpoint, signature_version).generate_presigned_url(
        "get_object",
        Params={"Bucket": bucket, "Key": "report.csv", "ResponseContentType": "text/csv",
                "ResponseContentDisposition": 'attachment; filename="r.csv"'},
    )
    response = requests.get(url, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="r.csv"'


@pytest.mark.parametrize("signature_version", SIGNATURES)
def test_presigned_get_of_a_missing_key_is_no_such_key(endpoint, bucket, signature_version):
    url = presigner(endpoint, signature_version).generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": "none"})
    response = requests.get(url, timeout=10)
    assert response.status_code == 404
    assert error_fields(response)["Code"] == "NoSuchKey"


@pytest.mark.parametrize("signature_version", SIGNATURES)
def test_expired_presigned_url(endpoint, bucket, s3, signature_version):
    s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=2)
    client = presigner(endpoint, signature_version)
    with mock.patch("botocore.auth.get_current_datetime", lambda *a, **k: past.replace(tzinfo=None)), \
            mock.patch("time.time", lambda: past.timestamp()):
        url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=60)
    response = requests.get(url, timeout=10)
    assert response.status_code == 403
    fields = error_fields(response)
    assert fields["Code"] == "AccessDenied"
    assert fields["Message"] == "Request has expired"


@pytest.mark.parametrize("signature_version", SIGNATURES)
@pytest.mark.parametrize("tamper", ["key", "signature", "expiry"])
def test_tampered_presigned_url(endpoint, bucket, s3, signature_version, tamper):
    s3.put_object(Bucket=bucket, Key="k1", Body=b"one")
    s3.put_object(Bucket=bucket, Key="k2", Body=b"two")
    url = presigner(endpoint, signature_version).generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": "k1"}, ExpiresIn=300)
    query = dict(parse_qsl(urlsplit(url).query))
    if tamper == "key":
        url = url.replace("/k1?", "/k2?")
    elif tamper == "signature":
        name = "X-Amz-Signature" if signature_version else "Signature"
        value = query[name]
        url = with_query(url, **{name: ("A" if value[0] != "A" else "B") + value[1:]})
    else:
        name = "X-Amz-Expires" if signature_version else "Expires"
        url = with_query(url, **{name: str(int(query[name]) + 1000)})
    response = requests.get(url, timeout=10)
    assert response.status_code == 403, response.text
    assert error_fields(response)["Code"] == "SignatureDoesNotMatch"


def test_presigned_lifetime_over_seven_days(endpoint, bucket):
    url = presigner(endpoint, "s3v4").generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=604801)
    response = requests.get(url, timeout=10)
    assert response.status_code == 400
    assert error_fields(response)["Code"] == "AuthorizationQueryParametersError"


def test_presigned_put_to_another_key_is_refused(endpoint, bucket, s3):
    url = presigner(endpoint, "s3v4").generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "allowed"})
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(urllib.request.Request(url.replace("/allowed?", "/other?"), data=b"x", method="PUT"),
                               timeout=10)
    assert excinfo.value.code == 403
    assert b"<Code>SignatureDoesNotMatch</Code>" in excinfo.value.read()
    assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 0
