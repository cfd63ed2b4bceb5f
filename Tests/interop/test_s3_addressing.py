"""Virtual-hosted style: boto3 with `addressing_style="virtual"` puts the bucket in the Host. Names such as
`bucket.s3.localhost` need not resolve on the test machine, so name resolution is pointed at the emulator."""

import socket
from unittest import mock

import pytest
import requests

from conftest import make_client


@pytest.fixture
def resolve_to_loopback():
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if isinstance(host, str) and (host.endswith(".localhost") or host == "s3.localhost"):
            host = "127.0.0.1"
        return real(host, *args, **kwargs)

    with mock.patch("socket.getaddrinfo", fake):
        yield


@pytest.mark.parametrize("signature_version", [None, "s3v4"])
def test_virtual_hosted_requests(emulator, bucket, s3, resolve_to_loopback, signature_version):
    extra = {"signature_version": signature_version} if signature_version else {}
    client = make_client(f"http://s3.localhost:{emulator.port}", s3={"addressing_style": "virtual"}, **extra)
    seen_hosts = []
    client.meta.events.register("before-send.s3", lambda request, **_: seen_hosts.append(request.url))
    client.put_object(Bucket=bucket, Key="dir/virtual.txt", Body=b"virtual")
    assert seen_hosts[-1].startswith(f"http://{bucket}.s3.localhost:{emulator.port}/dir/virtual.txt")
    assert client.get_object(Bucket=bucket, Key="dir/virtual.txt")["Body"].read() == b"virtual"
    assert [o["Key"] for o in client.list_objects_v2(Bucket=bucket)["Contents"]] == ["dir/virtual.txt"]
    url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "dir/virtual.txt"})
    assert f"{bucket}.s3.localhost" in url
    assert requests.get(url).content == b"virtual"
    # The same object is there in path style.
    assert s3.get_object(Bucket=bucket, Key="dir/virtual.txt")["Body"].read() == b"virtual"
