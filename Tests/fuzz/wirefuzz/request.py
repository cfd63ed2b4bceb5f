"""A request as a template (before placeholders are filled in and it is signed) and as a wire (exactly the bytes
sent), the header and target helpers both use, and the replayable edits of a signed request."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field


@dataclass
class Template:
    """One request before placeholders are filled in and it is signed; what a crasher file keeps for replay.

    `path`, header values and text bodies may hold `{{name}}` placeholders filled in from the resources the setup
    made. `auth` says how to sign it; `after` lists edits applied to the signed request (replayable, deterministic).
    Strings may carry raw bytes as lone surrogates (`surrogateescape`).
    """

    protocol: str
    name: str
    method: str
    path: str
    headers: list = field(default_factory=list)
    body: bytes = b""
    auth: dict = field(default_factory=lambda: {"mode": "none"})
    kind: str = "none"  # the body's format: xml, json, form, cbor, multipart, raw, none
    content_md5: bool = False
    after: list = field(default_factory=list)
    mutations: list = field(default_factory=list)
    doc: object = None  # the structured body (JSON, CBOR or form pairs) that structural mutations change

    def to_json(self) -> dict:
        return {
            "protocol": self.protocol, "name": self.name, "method": self.method, "path": self.path,
            "headers": [list(h) for h in self.headers], "body_b64": base64.b64encode(self.body).decode(),
            "auth": self.auth, "kind": self.kind, "content_md5": self.content_md5, "after": self.after,
            "mutations": self.mutations,
        }

    @staticmethod
    def from_json(data: dict) -> "Template":
        return Template(
            protocol=data["protocol"], name=data["name"], method=data["method"], path=data["path"],
            headers=[tuple(h) for h in data.get("headers", [])], body=base64.b64decode(data.get("body_b64", "")),
            auth=data.get("auth", {"mode": "none"}), kind=data.get("kind", "raw"),
            content_md5=data.get("content_md5", False), after=data.get("after", []),
            mutations=data.get("mutations", []),
        )


@dataclass
class Wire:
    """A request exactly as it goes on the socket."""

    method: str
    target: str
    headers: list
    body: bytes
    chunked: bool = False
    half_close: bool = False

    def encode(self) -> bytes:
        def raw(text: str) -> bytes:
            return text.encode("utf-8", "surrogateescape")

        lines = [raw(self.method) + b" " + raw(self.target) + b" HTTP/1.1"]
        lines += [raw(name) + b": " + raw(value) for name, value in self.headers]
        head = b"\r\n".join(lines) + b"\r\n\r\n"
        if not self.chunked:
            return head + self.body
        body = bytearray()
        for start in range(0, len(self.body), 4096):
            piece = self.body[start:start + 4096]
            body += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        return head + bytes(body) + b"0\r\n\r\n"

    def to_json(self) -> dict:
        return {"method": self.method, "path": self.target, "headers": [list(h) for h in self.headers],
                "body_b64": base64.b64encode(self.body).decode(), "chunked": self.chunked,
                "half_close": self.half_close}


def header(headers: list, name: str) -> str | None:
    for key, value in headers:
        if key.lower() == name.lower():
            return value
    return None


def without(headers: list, name: str) -> list:
    return [(k, v) for k, v in headers if k.lower() != name.lower()]


def split_target(target: str) -> tuple[str, list[list[str]]]:
    path, _, query = target.partition("?")
    pairs = [list(pair.partition("=")[::2]) for pair in query.split("&")] if query else []
    return path, pairs


def join_target(path: str, pairs: list) -> str:
    if not pairs:
        return path
    return path + "?" + "&".join(f"{k}={v}" if v != "" or k.endswith("=") else k for k, v in pairs)


def framing_complete(wire: Wire) -> bool:
    """Whether the bytes sent complete the body the headers declare. When they do not (a mutated
    `Transfer-Encoding` or `Content-Length`), the connection is half-closed after sending, so that the server
    sees the body end instead of waiting for the rest (its stall timeout, 20 s, is longer than a hang's)."""
    if wire.chunked:
        return True
    encodings = [v.lower() for k, v in wire.headers if k.lower() == "transfer-encoding"]
    if encodings:
        return any("chunked" in v for v in encodings) and wire.body.endswith(b"0\r\n\r\n")
    lengths = [v.strip() for k, v in wire.headers if k.lower() == "content-length"]
    return all(v.isdigit() and int(v) <= len(wire.body) for v in lengths)


def apply_after(wire: Wire, op: dict) -> None:
    """One replayable edit of a signed request."""
    kind = op["op"]
    if kind == "add_header":
        wire.headers.append((op["name"], op["value"]))
    elif kind == "set_header":
        wire.headers = without(wire.headers, op["name"]) + [(op["name"], op["value"])]
    elif kind == "del_header":
        wire.headers = without(wire.headers, op["name"])
    elif kind == "dup_header":
        value = header(wire.headers, op["name"])
        if value is not None:
            wire.headers.append((op["name"], op.get("value", value)))
    elif kind == "mangle_auth":
        value = header(wire.headers, "authorization")
        if value:
            index = op["index"] % len(value)
            wire.headers = without(wire.headers, "authorization") + [
                ("Authorization", value[:index] + op["text"] + value[index + op.get("delete", 1):])]
    elif kind == "content_length":
        wire.headers = without(wire.headers, "content-length") + [("Content-Length", op["value"])]
        declared = int(op["value"]) if re.fullmatch(r"\d{1,30}", op["value"]) else -1
        wire.half_close = declared > len(wire.body) or declared < 0
    elif kind == "chunked":
        wire.headers = without(wire.headers, "content-length") + [("Transfer-Encoding", "chunked")]
        wire.chunked = True
    elif kind == "set_query":
        path, pairs = split_target(wire.target)
        pairs = [p for p in pairs if p[0] != op["name"]] + [[op["name"], op["value"]]]
        wire.target = join_target(path, pairs)
    elif kind == "target":
        wire.target = op["value"]
    elif kind == "method":
        wire.method = op["value"]
    elif kind == "body_splice":
        position = min(op["pos"], len(wire.body))
        wire.body = wire.body[:position] + base64.b64decode(op["insert_b64"]) + wire.body[position + op["delete"]:]
