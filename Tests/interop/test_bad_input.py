"""Bad input over raw sockets: every answer is an S3 error, never a crash, a 500 or a hang."""

import socket

import pytest
from botocore.exceptions import ClientError

from conftest import error_code, health, status


def exchange(port: int, data: bytes, half_close: bool = False, timeout: float = 10) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        if half_close:
            connection.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except socket.timeout:
            pytest.fail("the server neither answered nor closed the connection")
        return b"".join(chunks)


@pytest.mark.parametrize(
    "data",
    [
        b"GARBAGE\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
        b"\x00\x01\x02\x03\xff\xfe\r\n\r\n",
        b"PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n",
        b"GET /b HTTP/9.9\r\n\r\n",
    ],
)
def test_garbage_gets_400_and_the_server_keeps_serving(emulator, data):
    answer = exchange(emulator.port, data)
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    assert health(emulator.endpoint)["status"] == "ok"


def test_oversized_header_section(emulator):
    answer = exchange(emulator.port, b"GET /b HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 16384 + b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400")
    assert b"<Code>RequestHeaderSectionTooLarge</Code>" in answer
    assert health(emulator.endpoint)["status"] == "ok"


def test_short_body_then_half_close_is_incomplete_body(emulator):
    answer = exchange(emulator.port, b"PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a few", half_close=True)
    assert answer.startswith(b"HTTP/1.1 400")
    assert b"<Code>IncompleteBody</Code>" in answer
    assert health(emulator.endpoint)["status"] == "ok"


def test_malformed_xml_bodies(s3, bucket, endpoint):
    import requests
    from botocore.auth import S3SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    def signed(method, query, body):
        request = AWSRequest(method=method, url=f"{endpoint}/{bucket}?{query}", data=body)
        request.headers["x-amz-content-sha256"] = __import__("hashlib").sha256(body).hexdigest()
        S3SigV4Auth(Credentials("test", "test"), "s3", "us-east-1").add_auth(request)
        return requests.request(method, request.url, headers=dict(request.headers), data=body)

    for method, query, body in [
        ("PUT", "tagging", b"<Tagging><TagSet><Tag><Key>a</Key>"),
        ("PUT", "versioning", b"{\"Status\": \"Enabled\"}"),
        ("POST", "delete", b"<Delete><Object><Key>a</Key></Delete>"),
        ("PUT", "publicAccessBlock", b"<NotTheRightRoot/>"),
        ("PUT", "encryption", b""),
        ("PUT", "", b"<CreateBucketConfiguration><LocationConstraint>"),
    ]:
        response = signed(method, query, body)
        assert response.status_code == 400, (query, response.text)
        assert "<Code>MalformedXML</Code>" in response.text, (query, response.text)


def test_complete_multipart_with_malformed_xml(s3, bucket, endpoint):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="k")["UploadId"]

    def garble(request, **kwargs):
        request.data = b"<CompleteMultipartUpload><Part>"
        for name in list(request.headers.keys()):
            if name.lower().startswith("x-amz-checksum-") or name.lower() in ("content-md5", "content-length"):
                del request.headers[name]

    from conftest import make_client

    client = make_client(endpoint, signature_version="s3v4")
    client.meta.events.register("before-sign.s3.CompleteMultipartUpload", garble)
    with pytest.raises(ClientError) as excinfo:
        client.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id, MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": '"x"'}]})
    assert (error_code(excinfo), status(excinfo)) == ("MalformedXML", 400)


def test_unknown_operations(s3, bucket, endpoint):
    import requests
    from botocore.auth import S3SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    for method, path, expected_status, code in [
        ("GET", f"/{bucket}/k?torrent", 501, "NotImplemented"),
        ("PATCH", f"/{bucket}/k", 405, "MethodNotAllowed"),
        ("PUT", f"/{bucket}?cors", 501, "NotImplemented"),
    ]:
        request = AWSRequest(method=method, url=f"{endpoint}{path}", data=b"")
        request.headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD"
        S3SigV4Auth(Credentials("test", "test"), "s3", "us-east-1").add_auth(request)
        response = requests.request(method, request.url, headers=dict(request.headers))
        assert response.status_code == expected_status, response.text
        assert f"<Code>{code}</Code>" in response.text
    assert health(endpoint)["status"] == "ok"
