"""Raw HTTP seeds: framing that no client library sends, for the HTTP layer in front of every service."""

from __future__ import annotations

from random import Random

from ..request import Template


def seeds_http(rng: Random, ctx: dict) -> list:
    """Framing: requests no client library sends, for the HTTP layer in front of every service."""
    def raw(name, method, path, headers=(), body=b""):
        return Template("http", f"http.{name}", method, path, list(headers), body, {"mode": "none"}, "raw")

    return [
        raw("Options", "OPTIONS", "/{{bucket}}"), raw("Unknown method", rng.choice(["PROPFIND", "BREW", "get"]), "/"),
        raw("Absolute target", "GET", "http://{{host}}/{{bucket}}"), raw("Star", "OPTIONS", "*"),
        raw("No slash", "GET", "{{bucket}}"), raw("Long path", "GET", "/" + "a" * rng.choice([1000, 9000])),
        raw("Many headers", "GET", "/", [(f"x-h{i}", "v") for i in range(rng.choice([10, 200]))]),
        raw("Big header", "GET", "/", [("x-big", "v" * rng.choice([100, 8100, 9000]))]),
        raw("Expect", "PUT", "/{{bucket}}/expect", [("Expect", "100-continue")], b"abc"),
        raw("Chunked", "POST", "/", [("Transfer-Encoding", "chunked")], b"3\r\nabc\r\n0\r\n\r\n"),
        raw("Dotted", "GET", "/%2e%2e/%2e%2e/_brickyard/info"),
    ]
