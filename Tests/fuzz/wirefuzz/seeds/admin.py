"""Admin API seeds: `/_brickyard/health`, `info`, `clock`, `clock/advance`, `aws/principals`, `GET faults` (never a
reset or fault injection: see `runner.forbidden`)."""

from __future__ import annotations

from random import Random

from ..jsontext import RawJSON
from .templates import json_call, rand_name


def seeds_admin(rng: Random, ctx: dict) -> list:
    def admin(method, path, members=None, name=None):
        return json_call("admin", f"admin.{name or method + ' ' + path}", method, path, members, {"mode": "none"},
                         [("Content-Type", "application/json")])

    seconds = rng.choice([1, 0.5, 0, RawJSON("1e16"), RawJSON("NaN"), RawJSON("-1"), RawJSON("Infinity"),
                          RawJSON('"5"'), RawJSON("null"), RawJSON("1e308"), RawJSON("-0.0"), RawJSON("[]"),
                          RawJSON("9223372036854775807"), RawJSON("1e9")])
    return [
        admin("GET", "/_brickyard/health"), admin("HEAD", "/_brickyard/health"), admin("GET", "/_brickyard/info"),
        admin("GET", "/_brickyard/clock"),
        admin("POST", "/_brickyard/clock/advance", {"seconds": seconds}, name="clock/advance"),
        admin("POST", "/_brickyard/aws/principals", {"accountId": rng.choice(["414351767826", "000000000000", "x"]),
                                                     "userName": rand_name(rng)}),
        admin("GET", "/_brickyard/faults"), admin("GET", "/_brickyard/nope"),
    ]
