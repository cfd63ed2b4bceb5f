"""CBOR (RFC 8949), the fuzzer's own encoder, with the means to write malformed items."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from random import Random


@dataclass
class Tag:
    """A CBOR tag (major type 6) over a value."""

    number: int
    value: object


@dataclass
class Raw:
    """Bytes inserted verbatim where a CBOR item is expected (malformed or unusual encodings)."""

    data: bytes


def cbor_head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError("argument over 64 bits")


def cbor_encode(value) -> bytes:
    if isinstance(value, Raw):
        return value.data
    if isinstance(value, Tag):
        return cbor_head(6, value.number) + cbor_encode(value.value)
    if value is False:
        return b"\xf4"
    if value is True:
        return b"\xf5"
    if value is None:
        return b"\xf6"
    if isinstance(value, int):
        if 0 <= value < 1 << 64:
            return cbor_head(0, value)
        if -(1 << 64) <= value < 0:
            return cbor_head(1, -1 - value)
        magnitude = value if value >= 0 else -1 - value  # a bignum, tag 2 or 3
        data = magnitude.to_bytes((magnitude.bit_length() + 7) // 8, "big")
        return cbor_head(6, 2 if value >= 0 else 3) + cbor_head(2, len(data)) + data
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, (bytes, bytearray)):
        return cbor_head(2, len(value)) + bytes(value)
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogateescape")
        return cbor_head(3, len(data)) + data
    if isinstance(value, list):
        return cbor_head(4, len(value)) + b"".join(cbor_encode(item) for item in value)
    if isinstance(value, dict):
        return cbor_head(5, len(value)) + b"".join(cbor_encode(k) + cbor_encode(v) for k, v in value.items())
    raise TypeError(type(value))


def interesting_cbor(rng: Random):
    """A CBOR item that parsers get wrong: timestamps out of range, bignums, odd simple values, deep nesting,
    lengths that promise more than there is, indefinite lengths, invalid UTF-8."""
    choices = [
        lambda: Tag(1, -(1 << 63)), lambda: Tag(1, (1 << 63) - 1), lambda: Tag(1, (1 << 64) - 1),
        lambda: Tag(1, -(1 << 64)), lambda: Tag(1, float("nan")), lambda: Tag(1, float("inf")),
        lambda: Tag(1, -1e300), lambda: Tag(1, 1.5), lambda: Tag(1, "2020-01-01"), lambda: Tag(1, [1]),
        lambda: Tag(1, Tag(1, 0)), lambda: Tag(0, "not a date"), lambda: Tag(2, b"\xff" * 40),
        lambda: Tag(3, b"\x01" * 40), lambda: Tag(55799, {}), lambda: Tag((1 << 64) - 1, 0),
        lambda: (1 << 64) - 1, lambda: -(1 << 64), lambda: 1 << 70, lambda: -(1 << 70), lambda: -(1 << 63),
        lambda: float("nan"), lambda: float("-inf"), lambda: -0.0, lambda: 1e308,
        lambda: Raw(b"\xf9\x7e\x00"), lambda: Raw(b"\xfa\x7f\xc0\x00\x00"), lambda: Raw(b"\xf7"),
        lambda: Raw(b"\xf8\x10"), lambda: Raw(b"\xf8\x00"), lambda: Raw(b"\x1c"), lambda: Raw(b"\xff"),
        lambda: Raw(b"\x1b" + b"\xff" * 8), lambda: Raw(b"\x3b" + b"\x7f" + b"\xff" * 7), lambda: Raw(b"\x3b" + b"\xff" * 8),
        lambda: Raw(b"\x5b" + b"\xff" * 8), lambda: Raw(b"\x7b" + b"\x00\x00\x00\x01\x00\x00\x00\x00"),
        lambda: Raw(b"\x9b" + b"\xff" * 8), lambda: Raw(b"\xbb" + b"\x7f" + b"\xff" * 7),
        lambda: Raw(b"\x9f" * 2000), lambda: Raw(b"\x7f\x61a\x41b\xff"), lambda: Raw(b"\x5f\x61a\xff"),
        lambda: Raw(b"\x7f\xff"), lambda: Raw(b"\xbf\x61a\xff"), lambda: Raw(b"\x62\xff\xfe"),
        lambda: Raw(b"\x63\xed\xa0\x80"), lambda: Raw(b"\x81" * 100000 + b"\x00"),
        lambda: Raw(b"\xa1\x00" * 50000 + b"\x00"), lambda: Raw(b"\xc1" * 20000 + b"\x00"),
        lambda: Raw(b"\xd8\x18\x41\x00"), lambda: Raw(b"\xa2\x61a\x01\x61a\x02"), lambda: Raw(b"\xa1\xa0\x00"),
        lambda: Raw(b"\xa1\x80\x00"), lambda: Raw(b"\x1f"), lambda: Raw(b"\x3f"), lambda: Raw(b"\xdf\x00"),
        lambda: b"", lambda: "", lambda: "a" * 70000, lambda: b"\x00" * 1_100_000, lambda: [],
        lambda: {}, lambda: None,
    ]
    return rng.choice(choices)()
