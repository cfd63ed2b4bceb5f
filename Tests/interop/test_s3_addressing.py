"""Path style and virtual-hosted style. Names such as `bucket.s3.localhost` need not resolve on the test machine, so
requests go to 127.0.0.1 with the Host header of the virtual-hosted form (botocore signs that Host)."""

import socket
import xml.etree.ElementTree as ElementTree
from unittest import mock

import pytest
import requests

from conftest import make_client
from s3wire import error_fields, quoted_md5, signed_request

S3_NS = "{http://s3.amazonaws.com/doc/2006-03-01/}"


@pytest.fixture
def resolve_to_loopback():
    """Makes every `*.localhost` name resolve to 127.0.0.1 for this test (botocore resolves through getaddrinfo)."""
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if isinstance(host, str) and (host == "localhost" or host.endswith(".localhost")):
            host = "127.0.0.1"
        return real(host, *args, **kwargs)

    with mock.patch("socket.getaddrinfo", fake):
        yield


@pytest.mark.parametrize("signature_version", [None, "s3v4"])
def test_boto3_virtual_hosted_style(emulator, bucket, s3, resolve_to_loopback, signature_version):
    extra = {"signature_version": signature_version} if signature_version else {}
    client = make_client(f"http://s3.localhost:{emulator.port}", s3={"addressing_style": "virtual"}, **extra)
    seen = []
    client.meta.events.register("before-send.s3", lambda request, **_: seen.append(request.url))
    client.put_object(Bucket=bucket, Key="dir/virtual.txt", Body=b"virtual")
    assert seen[-1].startswith(f"http://{bucket}.s3.localhost:{emulator.port}/dir/virtual.txt")
    assert client.get_object(Bucket=bucket, Key="dir/virtual.txt")["Body"].read() == b"virtual"
    assert [o["Key"] for o in client.list_objects_v2(Bucket=bucket)["Contents"]] == ["dir/virtual.txt"]
    url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "dir/virtual.txt"})
    assert url.startswith(f"http://{bucket}.s3.localhost:{emulator.port}/")
    assert requests.get(url, timeout=10).content == b"virtual"
    # The same object, in path style.
    assert s3.get_object(Bucket=bucket, Key="dir/virtual.txt")["Body"].read() == b"virtual"


@pytest.mark.parametrize(
    "host_form",
    ["{bucket}.s3.localhost:{port}", "{bucket}.localhost:{port}", "{bucket}.s3.amazonaws.com:{port}",
     "{bucket}.s3.us-east-1.amazonaws.com:{port}"],
)
def test_host_header_forms_address_the_bucket(emulator, endpoint, bucket, host_form):
    host = host_form.format(bucket=bucket, port=emulator.port)
    put = signed_request(endpoint, "PUT", "/a%20b.txt", body=b"by host", host=host)
    assert put.status_code == 200, put.text
    assert put.headers["ETag"] == quoted_md5(b"by host")
    got = signed_request(endpoint, "GET", "/a%20b.txt", host=host)
    assert (got.status_code, got.content) == (200, b"by host")
    listing = signed_request(endpoint, "GET", "/?list-type=2", host=host)
    assert listing.status_code == 200
    root = ElementTree.fromstring(listing.content)
    assert root.tag == f"{S3_NS}ListBucketResult"
    assert root.findtext(f"{S3_NS}Name") == bucket
    assert [k.text for k in root.iter(f"{S3_NS}Key")] == ["a b.txt"]
    # The key is not looked up as a bucket: a missing key in a virtual-hosted bucket is NoSuchKey.
    missing = signed_request(endpoint, "GET", "/missing", host=host)
    assert missing.status_code == 404
    assert error_fields(missing)["Code"] == "NoSuchKey"


def test_virtual_hosted_missing_bucket(emulator, endpoint):
    missing = signed_request(endpoint, "GET", "/", host=f"no-such-bucket-vhost.s3.localhost:{emulator.port}")
    assert missing.status_code == 404
    fields = error_fields(missing)
    assert fields["Code"] == "NoSuchBucket"
    assert fields["BucketName"] == "no-such-bucket-vhost"


def test_path_style_on_the_service_host_lists_buckets(emulator, endpoint, bucket):
    # `s3.localhost` and `localhost` are the service itself, not a bucket called "s3" or "localhost".
    for host in (f"s3.localhost:{emulator.port}", f"localhost:{emulator.port}", f"127.0.0.1:{emulator.port}"):
        response = signed_request(endpoint, "GET", "/", host=host)
        assert response.status_code == 200, (host, response.text)
        assert bucket in response.text
