"""Bad input: malformed XML, truncated bodies, broken framing, garbage and oversized headers, unknown operations.
Every answer is the S3 error AWS gives (or at least a 4xx), never a 500, a crash or a hang, and the server keeps
serving afterwards (checked after every test of this module). Raw sockets always carry a timeout."""

import socket

import pytest
from botocore.exceptions import ClientError

from conftest import failure, health, make_client
from s3wire import error_fields, md5_b64, signed_request

TIMEOUT = 10


@pytest.fixture(autouse=True)
def still_serving(endpoint):
    yield
    assert health(endpoint)["status"] == "ok"


def exchange(port: int, data: bytes, half_close: bool = False) -> bytes:
    """Sends raw bytes and reads until the server closes, failing (not hanging) after TIMEOUT seconds of silence."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as connection:
        connection.sendall(data)
        if half_close:
            connection.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        except socket.timeout:
            pytest.fail(f"the server neither answered nor closed within {TIMEOUT}s; got {b''.join(chunks)[:200]!r}")
        except ConnectionResetError:
            pass
        return b"".join(chunks)


def status_line(answer: bytes) -> bytes:
    return answer.split(b"\r\n", 1)[0]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"GARBAGE\r\n\r\n", id="no-method"),
        pytest.param(b"GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", id="header-without-colon"),
        pytest.param(b"\x00\x01\x02\x03\xff\xfe\r\n\r\n", id="binary"),
        pytest.param(b"PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n",
                     id="content-length-not-a-number"),
        pytest.param(b"PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", id="negative-content-length"),
        pytest.param(b"PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                     id="conflicting-content-lengths"),
        pytest.param(b"PUT /b/k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
                     id="bad-chunk-size"),
        pytest.param(b"GET /b HTTP/1.1\r\nHost: x\r\n\tfolded: obsolete\r\n\r\n", id="leading-whitespace-header"),
    ],
)
def test_garbage_gets_400(emulator, data):
    answer = exchange(emulator.port, data)
    assert status_line(answer).startswith(b"HTTP/1.1 400"), answer[:300]


def test_unknown_http_version(emulator):
    answer = exchange(emulator.port, b"GET /b HTTP/9.9\r\n\r\n")
    assert status_line(answer)[:12] in (b"HTTP/1.1 400", b"HTTP/1.1 505"), answer[:300]


def test_header_section_over_the_limit(emulator):
    answer = exchange(emulator.port, b"GET /b HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 16384 + b"\r\n\r\n")
    assert status_line(answer).startswith(b"HTTP/1.1 400"), answer[:300]
    assert b"<Code>RequestHeaderSectionTooLarge</Code>" in answer


def test_very_long_request_line_is_refused_not_fatal(emulator):
    answer = exchange(emulator.port, b"GET /b/" + b"k" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    code = int(status_line(answer).split()[1])
    assert 400 <= code < 500, answer[:300]


def test_short_body_then_half_close_is_incomplete_body(emulator, bucket):
    request = f"PUT /{bucket}/k HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a few".encode()
    answer = exchange(emulator.port, request, half_close=True)
    assert status_line(answer).startswith(b"HTTP/1.1 400"), answer[:300]
    assert b"<Code>IncompleteBody</Code>" in answer


def test_closed_mid_body_leaves_nothing_behind(emulator, endpoint, bucket, s3):
    with socket.create_connection(("127.0.0.1", emulator.port), timeout=TIMEOUT) as connection:
        connection.sendall(f"PUT /{bucket}/partial HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n".encode()
                           + b"x" * 1000)
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="partial")
    assert failure(excinfo) == ("404", 404)


def test_pipelined_requests_are_answered_in_order(emulator):
    one = b"GET /_brickyard/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    last = b"GET /_brickyard/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    answer = exchange(emulator.port, one + one + last)
    assert answer.count(b"HTTP/1.1 200") == 3, answer[:500]


MALFORMED = [
    ("PUT", "/{bucket}?tagging", b"<Tagging><TagSet><Tag><Key>a</Key>"),
    ("PUT", "/{bucket}?tagging", b"not xml at all"),
    ("PUT", "/{bucket}?versioning", b'{"Status": "Enabled"}'),
    ("POST", "/{bucket}?delete", b"<Delete><Object><Key>a</Key></Delete>"),
    ("POST", "/{bucket}?delete", b"<Delete></Delete>"),
    ("PUT", "/{bucket}?publicAccessBlock", b"<NotTheRightRoot/>"),
    ("PUT", "/{bucket}?encryption", b""),
    ("PUT", "/{bucket}-new", b"<CreateBucketConfiguration><LocationConstraint>"),
]


@pytest.mark.parametrize("method, path, body", MALFORMED,
                         ids=[f"{m}-{p.split('?')[-1]}-{i}" for i, (m, p, _) in enumerate(MALFORMED)])
def test_malformed_xml_bodies(endpoint, bucket, method, path, body):
    headers = {"Content-MD5": md5_b64(body)} if path.endswith("?delete") else {}  # DeleteObjects requires one
    response = signed_request(endpoint, method, path.format(bucket=bucket), body=body, headers=headers)
    assert response.status_code == 400, (path, response.text)
    assert error_fields(response)["Code"] == "MalformedXML", (path, response.text)


def test_xml_with_an_entity_bomb_is_refused_quickly(endpoint, bucket):
    lol = (b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">'
           + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8))
           + b']><Tagging><TagSet><Tag><Key>k</Key><Value>&i;</Value></Tag></TagSet></Tagging>')
    response = signed_request(endpoint, "PUT", f"/{bucket}?tagging", body=lol, timeout=TIMEOUT)
    assert response.status_code == 400, response.text[:300]


@pytest.mark.parametrize("document", [b"<CompleteMultipartUpload><Part>", b"<CompleteMultipartUpload/>"])
def test_complete_multipart_with_malformed_or_empty_xml(endpoint, bucket, s3, document):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="k")["UploadId"]
    response = signed_request(endpoint, "POST", f"/{bucket}/k?uploadId={upload_id}", body=document)
    assert response.status_code == 400, response.text
    assert error_fields(response)["Code"] == "MalformedXML"


def test_complete_multipart_with_malformed_xml_from_boto3(endpoint, bucket, s3):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="k")["UploadId"]

    def garble(request, **kwargs):
        request.data = b"<CompleteMultipartUpload><Part>"
        for name in list(request.headers.keys()):
            if name.lower().startswith("x-amz-checksum-") or name.lower() in ("content-md5", "content-length"):
                del request.headers[name]

    client = make_client(endpoint)
    client.meta.events.register("before-sign.s3.CompleteMultipartUpload", garble)
    with pytest.raises(ClientError) as excinfo:
        client.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id,
                                         MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": '"x"'}]})
    assert failure(excinfo) == ("MalformedXML", 400)


@pytest.mark.parametrize(
    "method, path, expected_status, code",
    [
        ("GET", "/{bucket}/k?torrent", 501, "NotImplemented"),
        ("PUT", "/{bucket}?cors", 501, "NotImplemented"),
        ("PATCH", "/{bucket}/k", 405, "MethodNotAllowed"),
    ],
)
def test_unknown_operations(endpoint, bucket, s3, method, path, expected_status, code):
    s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    response = signed_request(endpoint, method, path.format(bucket=bucket))
    assert response.status_code == expected_status, response.text
    assert error_fields(response)["Code"] == code


def test_unsupported_transfer_encoding_is_not_implemented(emulator, bucket):
    answer = exchange(emulator.port, f"PUT /{bucket}/k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n".encode(),
                      half_close=True)
    code = int(status_line(answer).split()[1])
    assert code in (400, 501), answer[:300]
