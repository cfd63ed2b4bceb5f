"""JSON with raw tokens: an encoder that can put NaN, 1e400, deep nesting or broken escapes where a value goes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from random import Random

from .values import NUMBERS, interesting_text


@dataclass
class RawJSON:
    """Text inserted verbatim where a JSON value is expected (NaN, 1e400, deep nesting, broken escapes)."""

    text: str


def json_encode(value) -> str:
    if isinstance(value, RawJSON):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(json_encode(str(k)) + ":" + json_encode(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(json_encode(v) for v in value) + "]"
    return json.dumps(value)


def interesting_json(rng: Random) -> RawJSON:
    depth = rng.choice([600, 5000, 100000])
    choices = [
        lambda: rng.choice(NUMBERS), lambda: json.dumps(interesting_text(rng)), lambda: "null", lambda: "true",
        lambda: "[]", lambda: "{}", lambda: '"\\ud800"', lambda: '"\\udc00\\ud800"', lambda: '"\\u0000"',
        lambda: '"\\u00"', lambda: '"\\x41"', lambda: '"\udcff\udcfe"', lambda: "[" * depth + "]" * depth,
        lambda: '{"a":' * depth + "1" + "}" * depth, lambda: "[" * depth, lambda: "[1,]", lambda: "-",
        lambda: "1e", lambda: '"' + "a" * 200000 + '"', lambda: "[" + ",".join(["1"] * 100000) + "]",
        lambda: '{"a":1,"a":2}', lambda: "true false",
    ]
    return RawJSON(rng.choice(choices)())
