"""Signing: fills in a template's placeholders and signs it the way its `auth` says (SigV4 by botocore's signers,
aws-chunked streaming signatures, presigned SigV4, SigV2 in the query or a header, bearer and basic tokens)."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import re
import time
from urllib.parse import quote, urlsplit

from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from .request import Template, Wire, apply_after, framing_complete, header, join_target, split_target, without


class _S3Signer(S3SigV4Auth):
    """botocore's S3 signer with a chosen `x-amz-content-sha256` (a streaming or unsigned payload)."""

    def __init__(self, credentials, region, payload_hash):
        super().__init__(credentials, "s3", region)
        self._payload_hash = payload_hash

    def payload(self, request):
        return self._payload_hash or super().payload(request)


class Signer:
    """Fills in placeholders, signs a template the way its `auth` says, and applies its `after` edits."""

    def __init__(self, context: dict, access_key: str, secret_key: str, region: str, token: str):
        self.context = context
        self.credentials = Credentials(access_key, secret_key)
        self.secret = secret_key
        self.region = region
        self.token = token

    def fill(self, text: str) -> str:
        if "{{" not in text:
            return text
        return re.sub(r"\{\{(\w+)\}\}", lambda m: str(self.context.get(m.group(1), m.group(0))), text)

    def fill_bytes(self, data: bytes) -> bytes:
        if b"{{" not in data:
            return data
        return re.sub(rb"\{\{(\w+)\}\}",
                      lambda m: str(self.context.get(m.group(1).decode(), m.group(0).decode())).encode(), data)

    def render(self, template: Template) -> Wire:
        host = self.context["host"]
        target = self.fill(template.path)
        headers = [(name, self.fill(value)) for name, value in template.headers]
        body = self.fill_bytes(template.body)
        if template.content_md5 and header(headers, "content-md5") is None:
            headers.append(("Content-MD5", base64.b64encode(hashlib.md5(body).digest()).decode()))
        if header(headers, "host") is None:
            headers.insert(0, ("Host", host))
        auth = template.auth
        mode = auth.get("mode", "none")
        try:
            if mode == "sigv4":
                target, headers = self._sigv4(template.method, target, headers, body, auth)
            elif mode == "sigv4-chunked":
                target, headers, body = self._chunked(template.method, target, headers, body, auth)
            elif mode == "presign-v4":
                target, headers = self._presign_v4(template.method, target, headers, auth)
            elif mode in ("presign-v2", "sigv2-header"):
                target, headers = self._sigv2(template.method, target, headers, auth, query=mode == "presign-v2")
            elif mode == "bearer":
                headers.append(("Authorization", f"Bearer {self.token}"))
            elif mode == "basic":
                pair = f"{self.context.get('client_id', '')}:{self.context.get('client_secret', '')}"
                headers.append(("Authorization", "Basic " + base64.b64encode(pair.encode()).decode()))
        except Exception as error:  # a path botocore cannot sign is sent unsigned
            headers.append(("X-Fuzz-Unsigned", type(error).__name__))
        wire = Wire(template.method, target, headers, body)
        for op in template.after:
            apply_after(wire, op)
        if not wire.chunked and header(wire.headers, "content-length") is None and (
                wire.body or wire.method in ("POST", "PUT", "PATCH")):
            wire.headers.append(("Content-Length", str(len(wire.body))))
        wire.half_close = wire.half_close or not framing_complete(wire)
        return wire

    def _aws_request(self, method, target, headers, body) -> AWSRequest:
        """botocore's request for the signable headers: those with ASCII values (botocore turns other values into
        email `Header` objects it cannot sign); `signed_headers` puts the others back, unsigned."""
        host = header(headers, "host")
        return AWSRequest(method=method, url=f"http://{host}{target}", data=body,
                          headers={k: v for k, v in headers if k.lower() != "host" and v.isascii()})

    def _sigv4(self, method, target, headers, body, auth):
        request = self._aws_request(method, target, headers, body)
        service = auth.get("service", "s3")
        if service == "s3":
            _S3Signer(self.credentials, self.region, auth.get("payload_hash")).add_auth(request)
        else:
            SigV4Auth(self.credentials, service, self.region).add_auth(request)
        return target, signed_headers(headers, request)

    def _chunked(self, method, target, headers, payload, auth):
        """An aws-chunked body with signed chunks: the seed signature from botocore over the headers, then every
        chunk signed with the signature of the one before it, as the SigV4 streaming specification describes."""
        trailer = auth.get("trailer")
        content_sha = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" + ("-TRAILER" if trailer else "")
        headers = without(headers, "content-encoding") + [
            ("Content-Encoding", auth.get("content_encoding", "aws-chunked")),
            ("x-amz-decoded-content-length", str(auth.get("decoded_length", len(payload))))]
        if trailer:
            headers.append(("x-amz-trailer", trailer[0]))
        request = self._aws_request(method, target, headers, b"")
        _S3Signer(self.credentials, self.region, content_sha).add_auth(request)
        authorization = request.headers["Authorization"]
        seed = authorization.rsplit("Signature=", 1)[1]
        amz_date = request.headers["X-Amz-Date"]
        scope = f"{amz_date[:8]}/{self.region}/s3/aws4_request"
        key = ("AWS4" + self.secret).encode()
        for part in (amz_date[:8], self.region, "s3", "aws4_request"):
            key = hmac.new(key, part.encode(), hashlib.sha256).digest()
        previous, empty = seed, hashlib.sha256(b"").hexdigest()
        size = max(1, int(auth.get("chunk_size", 8192)))
        chunks = [payload[i:i + size] for i in range(0, len(payload), size)] + [b""]
        body = bytearray()
        for chunk in chunks:
            to_sign = "\n".join(["AWS4-HMAC-SHA256-PAYLOAD", amz_date, scope, previous, empty,
                                 hashlib.sha256(chunk).hexdigest()])
            previous = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
            body += f"{len(chunk):x};chunk-signature={previous}\r\n".encode() + chunk
            if chunk or not trailer:
                body += b"\r\n"
        if trailer:
            canonical = f"{trailer[0]}:{trailer[1]}\n"
            to_sign = "\n".join(["AWS4-HMAC-SHA256-TRAILER", amz_date, scope, previous,
                                 hashlib.sha256(canonical.encode()).hexdigest()])
            signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
            body += f"{trailer[0]}:{trailer[1]}\r\nx-amz-trailer-signature:{signature}\r\n\r\n".encode()
        return target, signed_headers(headers, request), bytes(body)

    def _presign_v4(self, method, target, headers, auth):
        request = self._aws_request(method, target, headers, b"")
        S3SigV4QueryAuth(self.credentials, "s3", self.region, expires=auth.get("expires", 3600)).add_auth(request)
        parts = urlsplit(request.url)
        signed = parts.path + ("?" + parts.query if parts.query else "")
        return signed, headers

    def _sigv2(self, method, target, headers, auth, query: bool):
        """The legacy S3 signature (HMAC-SHA1 over method, Content-MD5, Content-Type, Expires or Date and the
        resource), in the query (`AWSAccessKeyId`/`Signature`/`Expires`) or in `Authorization: AWS key:signature`."""
        path, pairs = split_target(target)
        subresources = sorted(f"{k}={v}" if v else k for k, v in pairs if k in (
            "acl", "delete", "tagging", "uploads", "uploadId", "partNumber", "versioning", "versionId", "policy",
            "location", "versions", "encryption", "publicAccessBlock"))
        resource = path + ("?" + "&".join(subresources) if subresources else "")
        if query:
            when = str(auth.get("expires", int(time.time()) + 600))
        else:
            when = datetime.datetime.now(datetime.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
        amz = sorted(f"{k.lower()}:{v.strip()}" for k, v in headers if k.lower().startswith("x-amz-"))
        to_sign = "\n".join([method, header(headers, "content-md5") or "", header(headers, "content-type") or "",
                             when, *amz, resource])
        signature = base64.b64encode(hmac.new(self.secret.encode(), to_sign.encode("utf-8", "surrogateescape"),
                                              hashlib.sha1).digest()).decode()
        if query:
            pairs = pairs + [["AWSAccessKeyId", self.credentials.access_key], ["Expires", quote(when, safe="")],
                             ["Signature", quote(signature, safe="")]]
            return join_target(path, pairs), headers
        return target, headers + [("Date", when), ("Authorization", f"AWS {self.credentials.access_key}:{signature}")]


SIGNATURE_HEADERS = ("authorization", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token")


def signed_headers(headers: list, request: AWSRequest) -> list:
    """The request's own headers (as given: botocore would turn raw bytes into email `Header` objects) and the
    signature headers botocore added."""
    added = [(k, str(v)) for k, v in request.headers.items() if k.lower() in SIGNATURE_HEADERS]
    return [(k, v) for k, v in headers if k.lower() not in SIGNATURE_HEADERS] + added
