"""Wire-level helpers for the interop suite: hand-signed requests, aws-chunked bodies and the checksums botocore
computes only with awscrt (CRC32C, CRC64NVME), written from their specifications.

Everything here builds requests the way the AWS specifications describe, so that the tests can send what boto3
cannot be made to send (a tampered chunk, a wrong trailer, a Host of another form) and still sign it correctly.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import zlib
from unittest import mock
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import requests
from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY = "test"
SECRET_KEY = "test"
REGION = "us-east-1"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


# MARK: - checksums


def _reflected_table(polynomial: int) -> list[int]:
    table = []
    for byte in range(256):
        value = byte
        for _ in range(8):
            value = (value >> 1) ^ polynomial if value & 1 else value >> 1
        table.append(value)
    return table


_CRC32C_TABLE = _reflected_table(0x82F63B78)
_CRC64NVME_TABLE = _reflected_table(0x9A6C9329AC4BC9B5)


def crc32c(data: bytes) -> int:
    """CRC-32C (Castagnoli), as S3's `x-amz-checksum-crc32c`."""
    value = 0xFFFFFFFF
    for byte in data:
        value = _CRC32C_TABLE[(value ^ byte) & 0xFF] ^ (value >> 8)
    return value ^ 0xFFFFFFFF


def crc64nvme(data: bytes) -> int:
    """CRC-64/NVME, as S3's `x-amz-checksum-crc64nvme`."""
    value = 0xFFFFFFFFFFFFFFFF
    for byte in data:
        value = _CRC64NVME_TABLE[(value ^ byte) & 0xFF] ^ (value >> 8)
    return value ^ 0xFFFFFFFFFFFFFFFF


assert crc32c(b"123456789") == 0xE3069283
assert crc64nvme(b"123456789") == 0xAE8B14860A799888


def checksum_b64(algorithm: str, data: bytes) -> str:
    """The base64 value S3 expects in `x-amz-checksum-<algorithm>`."""
    algorithm = algorithm.lower()
    if algorithm == "crc32":
        raw = zlib.crc32(data).to_bytes(4, "big")
    elif algorithm == "crc32c":
        raw = crc32c(data).to_bytes(4, "big")
    elif algorithm == "crc64nvme":
        raw = crc64nvme(data).to_bytes(8, "big")
    elif algorithm == "sha1":
        raw = hashlib.sha1(data).digest()
    elif algorithm == "sha256":
        raw = hashlib.sha256(data).digest()
    else:
        raise ValueError(algorithm)
    return base64.b64encode(raw).decode()


def md5_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data).digest()).decode()


def quoted_md5(data: bytes) -> str:
    return f'"{hashlib.md5(data).hexdigest()}"'


def multipart_etag(parts: list[bytes]) -> str:
    digests = b"".join(hashlib.md5(part).digest() for part in parts)
    return f'"{hashlib.md5(digests).hexdigest()}-{len(parts)}"'


# MARK: - header-signed requests


class _Signer(S3SigV4Auth):
    """botocore's S3 SigV4 signer, with a chosen `x-amz-content-sha256` (botocore otherwise computes its own)."""

    def __init__(self, secret: str, payload_hash: str | None):
        super().__init__(Credentials(ACCESS_KEY, secret), "s3", REGION)
        self._payload_hash = payload_hash

    def payload(self, request) -> str:
        return self._payload_hash or super().payload(request)


def signed_request(
    endpoint: str,
    method: str,
    path: str,
    *,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    host: str | None = None,
    payload_hash: str | None = None,
    secret: str = SECRET_KEY,
    when: datetime.datetime | None = None,
    timeout: float = 30,
) -> requests.Response:
    """Sends `method path` (path already URL-encoded, with any query) signed with SigV4 by botocore's signer.

    `host` replaces the Host header (virtual-hosted style without name resolution: the request still goes to the
    endpoint's address). `payload_hash` replaces `x-amz-content-sha256` (default: the SHA-256 of `body`).
    `when` signs at another time than now (a skewed clock).
    """
    address = urlsplit(endpoint).netloc
    request = AWSRequest(method=method, url=f"http://{host or address}{path}", data=body, headers=dict(headers or {}))
    signer = _Signer(secret, payload_hash)
    if when is None:
        signer.add_auth(request)
    else:
        with mock.patch("botocore.auth.get_current_datetime", lambda *args, **kwargs: when.replace(tzinfo=None)):
            signer.add_auth(request)
    sent = dict(request.headers.items())
    if host is not None:
        sent["Host"] = host
    return requests.request(method, f"http://{address}{path}", data=body, headers=sent, timeout=timeout)


def key_path(bucket: str, key: str) -> str:
    """The path-style request path of a key, encoded as S3 canonicalises it (everything but unreserved and '/')."""
    return f"/{bucket}/{quote(key, safe='/~')}"


# MARK: - aws-chunked bodies


@dataclass
class StreamingSignature:
    """The SigV4 state a signed aws-chunked upload carries from its headers into every chunk."""

    signing_key: bytes
    amz_date: str
    scope: str
    previous: str

    def chunk(self, data: bytes) -> str:
        to_sign = "\n".join(
            ["AWS4-HMAC-SHA256-PAYLOAD", self.amz_date, self.scope, self.previous, EMPTY_SHA256,
             hashlib.sha256(data).hexdigest()]
        )
        self.previous = hmac.new(self.signing_key, to_sign.encode(), hashlib.sha256).hexdigest()
        return self.previous

    def trailer(self, canonical_trailers: str) -> str:
        to_sign = "\n".join(
            ["AWS4-HMAC-SHA256-TRAILER", self.amz_date, self.scope, self.previous,
             hashlib.sha256(canonical_trailers.encode()).hexdigest()]
        )
        self.previous = hmac.new(self.signing_key, to_sign.encode(), hashlib.sha256).hexdigest()
        return self.previous


def signing_key(secret: str, date: str, region: str = REGION, service: str = "s3") -> bytes:
    key = ("AWS4" + secret).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def split(payload: bytes, chunk_size: int) -> list[bytes]:
    return [payload[i:i + chunk_size] for i in range(0, len(payload), chunk_size)]


def signed_chunked_put(
    endpoint: str,
    path: str,
    payload: bytes,
    *,
    chunk_size: int = 64 * 1024,
    trailer: tuple[str, str] | None = None,
    tamper_chunk: int | None = None,
    tamper_trailer_signature: bool = False,
    extra_headers: dict[str, str] | None = None,
) -> requests.Response:
    """A `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` upload (or `...-PAYLOAD-TRAILER` with `trailer=(name, value)`), built
    per the SigV4 streaming specification: a seed signature over the headers, then every chunk signed with the
    signature of the one before it, a final empty chunk, and the signed trailer.

    `tamper_chunk` flips a bit of that data chunk after it was signed.
    """
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, date = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    scope = f"{date}/{REGION}/s3/aws4_request"
    content_sha = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" + ("-TRAILER" if trailer else "")
    headers = {
        "host": urlsplit(endpoint).netloc,
        "content-encoding": "aws-chunked",
        "x-amz-content-sha256": content_sha,
        "x-amz-date": amz_date,
        "x-amz-decoded-content-length": str(len(payload)),
        **{k.lower(): v for k, v in (extra_headers or {}).items()},
    }
    if trailer:
        headers["x-amz-trailer"] = trailer[0]
    names = sorted(headers)
    canonical_path, _, query = path.partition("?")
    canonical = "\n".join(
        ["PUT", canonical_path, query, *[f"{name}:{headers[name]}" for name in names], "", ";".join(names), content_sha]
    )
    string_to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = signing_key(SECRET_KEY, date)
    seed = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    state = StreamingSignature(key, amz_date, scope, seed)

    body = bytearray()
    for index, chunk in enumerate(split(payload, chunk_size) + [b""]):
        signature = state.chunk(chunk)
        if index == tamper_chunk:
            chunk = bytes([chunk[0] ^ 1]) + chunk[1:]
        body += f"{len(chunk):x};chunk-signature={signature}\r\n".encode() + chunk
        if chunk or not trailer:
            body += b"\r\n"
    if trailer:
        name, value = trailer
        trailer_signature = state.trailer(f"{name}:{value}\n")
        if tamper_trailer_signature:
            trailer_signature = trailer_signature[::-1]
        body += f"{name}:{value}\r\nx-amz-trailer-signature:{trailer_signature}\r\n\r\n".encode()

    headers["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={ACCESS_KEY}/{scope}, SignedHeaders={';'.join(names)}, Signature={seed}"
    )
    del headers["host"]
    return requests.put(f"{endpoint}{path}", data=bytes(body), headers=headers, timeout=30)


def unsigned_trailer_put(
    endpoint: str, path: str, payload: bytes, trailer: tuple[str, str], *, chunk_size: int = 64 * 1024
) -> requests.Response:
    """A `STREAMING-UNSIGNED-PAYLOAD-TRAILER` upload (what boto3 sends over HTTPS), with the trailer given."""
    body = bytearray()
    for chunk in split(payload, chunk_size):
        body += f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    body += f"0\r\n{trailer[0]}:{trailer[1]}\r\n\r\n".encode()
    headers = {
        "Content-Encoding": "aws-chunked",
        "x-amz-decoded-content-length": str(len(payload)),
        "x-amz-trailer": trailer[0],
    }
    return signed_request(
        endpoint, "PUT", path, body=bytes(body), headers=headers, payload_hash="STREAMING-UNSIGNED-PAYLOAD-TRAILER"
    )


# MARK: - error bodies


def error_fields(response: requests.Response) -> dict[str, str]:
    """The children of an S3 `<Error>` body, by tag (asserting the root is `<Error>`, not `<Errors>` or a wrapper)."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.fromstring(response.content)
    assert root.tag == "Error", response.text
    return {child.tag: child.text or "" for child in root}
