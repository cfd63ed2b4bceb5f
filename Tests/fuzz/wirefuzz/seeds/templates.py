"""Template builders that the seeds and the setup share: one per wire protocol (S3 REST, the query protocol of IAM
and STS, Kinesis JSON and CBOR 1.1, the Databricks REST APIs, JSON admin calls)."""

from __future__ import annotations

import re
from random import Random
from urllib.parse import quote

from ..cbor import cbor_encode
from ..jsontext import json_encode
from ..request import Template


def rand_name(rng: Random, prefix: str = "fz") -> str:
    return f"{prefix}-{rng.getrandbits(40):010x}"


def s3(name, method, path, body=b"", headers=(), kind="none", md5=False, auth=None) -> Template:
    return Template("s3", f"s3.{name}", method, path, list(headers), body,
                    auth or {"mode": "sigv4", "service": "s3"}, kind, content_md5=md5)


def form(action: str, version: str, params: dict | list) -> bytes:
    pairs = [("Action", action), ("Version", version)] + list(params.items() if isinstance(params, dict) else params)
    return "&".join(f"{quote(k, safe='')}={quote(str(v), safe='')}" for k, v in pairs).encode()


def _query(protocol: str, version: str, action: str, params: dict) -> Template:
    return Template(protocol, f"{protocol}.{action}", "POST", "/",
                    [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                    form(action, version, params), {"mode": "sigv4", "service": protocol}, "form")


def iam(action: str, **params) -> Template:
    return _query("iam", "2010-05-08", action, params)


def sts(action: str, **params) -> Template:
    return _query("sts", "2011-06-15", action, params)


def _kinesis(encoding: str, body: bytes, operation: str, members: dict) -> Template:
    return Template("kinesis", f"kinesis.{encoding}.{operation}", "POST", "/",
                    [("Content-Type", f"application/x-amz-{encoding}-1.1"),
                     ("X-Amz-Target", f"Kinesis_20131202.{operation}")],
                    body, {"mode": "sigv4", "service": "kinesis"}, encoding, doc=members)


def kinesis_json(operation: str, members: dict) -> Template:
    return _kinesis("json", json_encode(members).encode(), operation, members)


def kinesis_cbor(operation: str, members: dict) -> Template:
    return _kinesis("cbor", cbor_encode(members), operation, members)


def json_call(protocol: str, name: str, method: str, path: str, members, auth: dict, headers: list) -> Template:
    """A request with an optional JSON body (`members`), kept as the document the JSON mutations change."""
    body = b"" if members is None else json_encode(members).encode()
    return Template(protocol, name, method, path, headers, body, auth, "json" if members is not None else "none",
                    doc=members)


def databricks(protocol: str, method: str, path: str, members=None) -> Template:
    headers = [("Content-Type", "application/json")] if members is not None else []
    return json_call(protocol, f"{protocol}.{method} {re.sub(r'[?].*', '', path)}", method, path, members,
                     {"mode": "bearer"}, headers)
