"""The mutations: one to three random changes to a seed, format-blind (bytes, headers, target, method, edits after
signing) or by the body's format (XML, JSON, form, CBOR, multipart) and the signature's parameters."""

from __future__ import annotations

import base64
import json
import re
from random import Random
from urllib.parse import quote

from .cbor import Raw, Tag, cbor_encode, interesting_cbor
from .jsontext import RawJSON, interesting_json, json_encode
from .request import Template, header, join_target, split_target, without
from .values import (CONTENT_TYPES, ENTITIES, HEADER_NAMES, INTEGERS, INVALID_UTF8, METHODS, NUMBERS, QUERY_NAMES,
                     XML_SNIPPETS, interesting_text, pick_range)

MAX_BODY = 2 * 1024 * 1024  # no mutation grows a body beyond this


class Mutator:
    """Applies one to three random mutations to a seed; records what it did in `template.mutations`."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.avoided_methods: set[str] = set()  # methods that already hung once: each try costs a full timeout

    def mutate(self, template: Template) -> Template:
        rng = self.rng
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            candidates = [self.body_bytes, self.headers, self.target, self.after_signing]
            if template.kind == "xml":
                candidates += [self.xml] * 4
            elif template.kind == "json" and template.doc is not None:
                candidates += [self.json] * 4
            elif template.kind == "json":
                candidates += [self.json_text] * 2
            elif template.kind == "form":
                candidates += [self.form] * 4
            elif template.kind == "cbor":
                candidates += [self.cbor] * 4
            elif template.kind == "multipart":
                candidates += [self.multipart] * 3
            if template.auth.get("mode") in ("presign-v4", "presign-v2", "sigv4-chunked"):
                candidates += [self.auth_params] * 3
            candidates += [self.method] * (1 if rng.random() < 0.3 else 0)
            rng.choice(candidates)(template)
        if len(template.body) > MAX_BODY:
            template.body = template.body[:MAX_BODY]
            template.mutations.append("clipped body")
        return template

    # body, format-blind

    def body_bytes(self, t: Template) -> None:
        rng, body = self.rng, bytearray(t.body)
        choice = rng.randrange(9)
        if choice == 0 and body:
            i = rng.randrange(len(body))
            body[i] ^= 1 << rng.randrange(8)
            t.mutations.append(f"bit flip at {i}")
        elif choice == 1:
            i = rng.randint(0, len(body))
            body[i:i] = rng.choice(INVALID_UTF8)
            t.mutations.append(f"invalid UTF-8 at {i}")
        elif choice == 2 and body:
            i = rng.randrange(len(body))
            del body[i:]
            t.mutations.append(f"truncated to {i}")
        elif choice == 3:
            body = bytearray()
            t.mutations.append("empty body")
        elif choice == 4 and body:
            i, j = sorted(rng.randrange(len(body)) for _ in range(2))
            body[j:j] = body[i:j] * rng.choice([1, 2, 50])
            t.mutations.append(f"repeated {i}..{j}")
        elif choice == 5:
            i = rng.randint(0, len(body))
            body[i:i] = rng.randbytes(rng.choice([1, 4, 64]))
            t.mutations.append(f"random bytes at {i}")
        elif choice == 6:
            digits = [m.span() for m in re.finditer(rb"\d+", bytes(body))]
            if digits:
                i, j = rng.choice(digits)
                body[i:j] = rng.choice(NUMBERS).encode()
                t.mutations.append(f"number at {i}")
        elif choice == 7 and body:
            i, j = sorted(rng.randrange(len(body)) for _ in range(2))
            del body[i:j]
            t.mutations.append(f"deleted {i}..{j}")
        else:
            body += rng.randbytes(rng.choice([1, 100]))
            t.mutations.append("trailing garbage")
        t.body = bytes(body)

    # structured bodies

    def xml(self, t: Template) -> None:
        rng, text = self.rng, t.body.decode("utf-8", "surrogateescape")
        tags = [m.end() for m in re.finditer(r">", text)] or [0]
        at = rng.choice(tags)
        choice = rng.randrange(9)
        if choice == 0:
            snippet = rng.choice(ENTITIES)
        elif choice == 1:
            snippet = rng.choice(XML_SNIPPETS)
        elif choice == 2:
            depth = rng.choice([100, 2000, 50000])
            snippet = "<a>" * depth + "</a>" * depth
        elif choice == 3:
            text = rng.choice(["<?xml?>", "<?xml version=\"1.0\"?>", "\ufeff", " ", "\udcff", "<!DOCTYPE x>"]) + text
            t.body = text.encode("utf-8", "surrogateescape")
            t.mutations.append("xml prologue")
            return
        elif choice == 4:
            values = list(re.finditer(r">([^<]*)<", text))
            if values:
                m = rng.choice(values)
                text = text[:m.start(1)] + interesting_text(rng) + text[m.end(1):]
            t.body = text.encode("utf-8", "surrogateescape")
            t.mutations.append("xml text value")
            return
        elif choice == 5:
            names = re.findall(r"<(\w+)", text)
            if names:
                name = rng.choice(names)
                snippet = f"<{name}>{interesting_text(rng)}</{name}>" * rng.choice([1, 2, 1001])
            else:
                snippet = "<x/>"
        elif choice == 6:
            text = re.sub(r"<(\w+)", lambda m: f"<{m.group(1)} xmlns=\"{interesting_text(rng)}\"", text, count=1)
            t.body = text.encode("utf-8", "surrogateescape")
            t.mutations.append("xml namespace")
            return
        elif choice == 7:
            snippet = "\udcff" if rng.random() < 0.5 else rng.choice(["\udcc3(", "\udced\udca0\udc80"])
        else:
            names = re.findall(r"</(\w+)>", text)
            if names:
                name = rng.choice(names)
                text = text.replace(f"</{name}>", rng.choice(["", f"</{name}x>", "</>", f"<{name}>"]), 1)
            t.body = text.encode("utf-8", "surrogateescape")
            t.mutations.append("xml broken close")
            return
        text = text[:at] + snippet + text[at:]
        t.body = text.encode("utf-8", "surrogateescape")
        t.mutations.append(f"xml insert {snippet[:30]!r}")

    def _document(self, t: Template, name: str, doc, replacement, change) -> object:
        """A structured body (JSON or CBOR) with one member changed by `change(parent, key)`, or, one time in ten
        or when it has no members, all of it replaced by `replacement(rng)`."""
        slots = list(_slots(doc))
        if not slots or self.rng.random() < 0.1:
            doc = replacement(self.rng)
            t.mutations.append(f"{name} document replaced")
        else:
            parent, key = self.rng.choice(slots)
            change(parent, key)
            t.mutations.append(f"{name} member {key!r}")
        t.doc = doc
        return doc

    def json(self, t: Template) -> None:
        rng = self.rng

        def change(parent, key):
            choice = rng.randrange(4)
            if choice == 0:
                parent[key] = interesting_json(rng)
            elif choice == 1 and isinstance(parent, dict):
                del parent[key]
            elif choice == 2:
                parent[key] = [parent[key]] if rng.random() < 0.5 else {"x": parent[key]}
            else:
                parent[key] = RawJSON(rng.choice(NUMBERS))

        doc = json.loads(json_encode(t.doc)) if not _has_raw(t.doc) else t.doc
        doc = self._document(t, "json", doc, interesting_json, change)
        t.body = json_encode(doc).encode("utf-8", "surrogateescape")

    def json_text(self, t: Template) -> None:
        t.body = interesting_json(self.rng).text.encode("utf-8", "surrogateescape")
        t.mutations.append("json body replaced")

    def form(self, t: Template) -> None:
        rng = self.rng
        pairs = [list(p.partition("=")[::2]) for p in t.body.decode("utf-8", "surrogateescape").split("&") if p]
        choice = rng.randrange(6)
        if choice in (0, 1) and pairs:
            pair = rng.choice(pairs)
            pair[1] = quote(interesting_text(rng), safe="%") if rng.random() < 0.5 else interesting_text(rng)
            t.mutations.append(f"form value {pair[0]}")
        elif choice == 2 and pairs:
            pairs.append(list(rng.choice(pairs)))
            t.mutations.append("form duplicate")
        elif choice == 3 and pairs:
            removed = pairs.pop(rng.randrange(len(pairs)))
            t.mutations.append(f"form drop {removed[0]}")
        elif choice == 4:
            index = rng.choice(["0", "-1", "1001", "18446744073709551616", "", "a", "1.5"])
            name = rng.choice(["Tags.member.{}.Key", "ActionNames.member.{}", "PolicyArns.member.{}.arn",
                               "ContextEntries.member.{}.ContextKeyValues.member.1"]).format(index)
            pairs.append([name, "x"])
            t.mutations.append(f"form member {name}")
        else:
            pairs.append([rng.choice(["DurationSeconds", "MaxItems", "MaxSessionDuration", "Marker", "Version",
                                      "Action", "%", "%FF", ""]), interesting_text(rng)])
            t.mutations.append("form extra")
        t.body = "&".join(f"{k}={v}" for k, v in pairs).encode("utf-8", "surrogateescape")

    def cbor(self, t: Template) -> None:
        rng = self.rng

        def change(parent, key):
            parent[key] = interesting_cbor(rng)

        t.body = cbor_encode(self._document(t, "cbor", t.doc, interesting_cbor, change))
        if rng.random() < 0.2:
            t.body = t.body[:rng.randrange(max(1, len(t.body)))]
            t.mutations.append("cbor truncated")

    def multipart(self, t: Template) -> None:
        rng, text = self.rng, t.body.decode("utf-8", "surrogateescape")
        boundary = re.search(r"boundary=(\S+)", header(t.headers, "content-type") or "")
        choice = rng.randrange(5)
        if choice == 0 and boundary:
            text = text.replace(f"--{boundary.group(1)}--", "", 1)
            t.mutations.append("multipart without closing boundary")
        elif choice == 1:
            text = text.replace("form-data; name=", rng.choice(["form-data;name=", "form-data; name*=", "x; name=",
                                                                "form-data; name=\"\udcff", ""]), 1)
            t.mutations.append("multipart disposition")
        elif choice == 2:
            t.headers = without(t.headers, "content-type") + [("Content-Type", rng.choice([
                "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=" + "b" * 200,
                "multipart/form-data; boundary=\"fuzzboundary\"", "multipart/mixed; boundary=fuzzboundary"]))]
            t.mutations.append("multipart content type")
        elif choice == 3:
            text = text.replace("\r\n\r\n", "\r\n", 1)
            t.mutations.append("multipart missing blank line")
        else:
            text = text.replace("hello", "h" * rng.choice([100000, 1048577]), 1)
            t.mutations.append("multipart big field")
        t.body = text.encode("utf-8", "surrogateescape")

    # everything around the body

    def headers(self, t: Template) -> None:
        rng = self.rng
        choice = rng.randrange(5)
        if choice == 0:
            t.headers = without(t.headers, "content-type") + [("Content-Type", rng.choice(CONTENT_TYPES))]
            t.mutations.append("content type")
        elif choice == 1:
            name = rng.choice(HEADER_NAMES)
            value = pick_range(rng) if "range" in name.lower() else interesting_text(rng)
            t.headers = without(t.headers, name) + [(name, value)]
            t.mutations.append(f"header {name}")
        elif choice == 2 and t.headers:
            name = rng.choice(t.headers)[0]
            t.headers = without(t.headers, name)
            t.mutations.append(f"drop header {name}")
        elif choice == 3:
            name = rng.choice(["x-amz-decoded-content-length", "Content-Encoding"])
            value = rng.choice(INTEGERS) if name.startswith("x-amz") else rng.choice(
                ["aws-chunked", "aws-chunked,gzip", "gzip", "identity", "aws-chunked, aws-chunked"])
            t.headers = without(t.headers, name) + [(name, value)]
            t.mutations.append(f"header {name}: {value[:20]}")
        else:
            t.headers = t.headers + [(rng.choice(HEADER_NAMES), "\udcff" + interesting_text(rng))]
            t.mutations.append("header with raw byte")

    def target(self, t: Template) -> None:
        rng = self.rng
        path, pairs = split_target(t.path)
        choice = rng.randrange(6)
        if choice == 0 and pairs:
            pair = rng.choice(pairs)
            pair[1] = quote(interesting_text(rng), safe="%")
            t.mutations.append(f"query {pair[0]}")
        elif choice == 1:
            pairs.append([rng.choice(QUERY_NAMES), quote(interesting_text(rng), safe="%")])
            t.mutations.append(f"query add {pairs[-1][0]}")
        elif choice == 2 and pairs:
            pairs.pop(rng.randrange(len(pairs)))
            t.mutations.append("query drop")
        elif choice == 3:
            segments = path.split("/")
            i = rng.randrange(len(segments))
            segments[i] = rng.choice(["%FF", "%00", "%", "%zz", "..", ".", "", "a" * 1100, "%2F", "\udcff",
                                      segments[i] + "%C0%AF", quote(interesting_text(rng), safe="")])
            path = "/".join(segments)
            t.mutations.append(f"path segment {i}")
        elif choice == 4:
            pairs.append(list(rng.choice(pairs)) if pairs else ["x", ""])
            t.mutations.append("query duplicate")
        else:
            path = path + rng.choice(["/", "//", "/x", "?", "#frag", "%", ";a=b"])
            t.mutations.append("path suffix")
        t.path = join_target(path, pairs)

    def method(self, t: Template) -> None:
        t.method = self.rng.choice([m for m in METHODS if m not in self.avoided_methods] or ["GET"])
        t.mutations.append(f"method {t.method}")

    def auth_params(self, t: Template) -> None:
        rng = self.rng
        mode = t.auth["mode"]
        t.auth = dict(t.auth)
        if mode == "presign-v4":
            t.auth["expires"] = rng.choice([0, -1, 604801, 2 ** 31, 2 ** 63, -(2 ** 63), 10 ** 40, 1])
        elif mode == "presign-v2":
            t.auth["expires"] = rng.choice(["-9223372036854775808", "-9223372036854775809", "9223372036854775807",
                                            "18446744073709551616", "-1", "0", "1e3", " 1", "+5", "0x10"])
        else:
            t.auth["decoded_length"] = rng.choice(INTEGERS + ["abc", "", "-0"])
            t.auth["chunk_size"] = rng.choice([1, 3, 65536])
        t.mutations.append(f"auth {mode} {t.auth}")

    def after_signing(self, t: Template) -> None:
        rng = self.rng
        choice = rng.randrange(9)
        if choice == 0:
            op = {"op": "dup_header", "name": rng.choice(["Authorization", "X-Amz-Date", "Content-Length", "Host",
                                                          "X-Amz-Content-SHA256", "Content-Type", "X-Amz-Target",
                                                          "Range", "Content-MD5"])}
            if rng.random() < 0.5:
                op["value"] = interesting_text(rng)
        elif choice == 1:
            op = {"op": "mangle_auth", "index": rng.randrange(400),
                  "text": rng.choice(["", ",", " ", "=", "/", "\udcff", "Credential=", "AWS4-HMAC-SHA256 ", "x"]),
                  "delete": rng.choice([0, 1, 20])}
        elif choice == 2:
            op = {"op": "content_length", "value": rng.choice(
                ["0", "1", "-1", "abc", "4294967296", "4294967297", "5368709120", "18446744073709551616",
                 "9223372036854775807", " 5", "5, 5", "1" * 40])}
        elif choice == 3:
            op = {"op": "chunked"}
        elif choice == 4:
            op = {"op": "del_header", "name": rng.choice(["Host", "X-Amz-Date", "Authorization",
                                                          "X-Amz-Content-SHA256", "Content-Type"])}
        elif choice == 5:
            op = {"op": "set_query", "name": rng.choice(QUERY_NAMES), "value": quote(interesting_text(rng), safe="%")}
        elif choice == 6:
            op = {"op": "set_header", "name": rng.choice(["X-Amz-Date", "Date"]), "value": rng.choice([
                "20000101T000000Z", "99991231T235959Z", "2024-01-01", "", "Mon, 01 Jan 2024 00:00:00 GMT",
                "20240101T000000", "\udcff"])}
        elif choice == 7:
            op = {"op": "set_header", "name": "X-Amz-Security-Token", "value": interesting_text(rng)}
        else:
            op = {"op": "body_splice", "pos": rng.randrange(len(t.body) + 1), "delete": rng.choice([0, 1, 10]),
                  "insert_b64": base64.b64encode(rng.choice(INVALID_UTF8 + [b"\r\n", b"0\r\n\r\n", b";"])).decode()}
        t.after = t.after + [op]
        t.mutations.append(f"after signing {op['op']}")


def _slots(doc):
    """(container, key) for every member and element of a JSON or CBOR document, breadth-first, bounded."""
    queue, found = [doc], 0
    while queue and found < 200:
        node = queue.pop(0)
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in list(items):
            found += 1
            yield node, key
            if isinstance(value, (dict, list)):
                queue.append(value)


def _has_raw(doc) -> bool:
    if isinstance(doc, (RawJSON, Raw, Tag, bytes)):
        return True
    if isinstance(doc, dict):
        return any(_has_raw(v) for v in doc.values())
    if isinstance(doc, list):
        return any(_has_raw(v) for v in doc)
    return False
