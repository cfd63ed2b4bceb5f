"""Interesting values: numbers, strings and names that parsers get wrong, shared by the seeds and the mutations."""

from __future__ import annotations

from random import Random

INTEGERS = [
    "0", "-0", "1", "-1", "2", "255", "256", "1000", "1001", "3600", "43200", "43201", "129600", "604800", "604801",
    "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "4294967297",
    "5368709120", "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551615", "18446744073709551616", "1" + "0" * 40, "1" + "0" * 400,
    "-" + "9" * 60,
]
FLOATS = ["0.5", "1.5", "-0.0", "1e16", "1e308", "1e309", "-1e308", "1e-400", "4.9e-324", "1E3", "0x10", "01",
          "NaN", "nan", "Infinity", "-Infinity", "inf"]
STRINGS = ["", " ", "a" * 300, "a" * 70000, "%", "%zz", "%FF", "%C0%AF", "%00", "%ED%A0%80", "..", "../..", "/",
           "*", "null", "true", "\\", "\"", "'", "<", "&amp;", "&a;", "{{", "${x}", "\u00e9", "\U0001f600",
           "\u202e", "\ufeff"]
NUMBERS = INTEGERS + FLOATS


def interesting_text(rng: Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(INTEGERS)
    if roll < 0.65:
        return rng.choice(FLOATS)
    return rng.choice(STRINGS)


def pick_range(rng: Random) -> str:
    return rng.choice(["bytes=0-9", "bytes=5-", "bytes=-5", "bytes=0-0", "bytes=-0", "bytes=10-5",
                       "bytes=0-9223372036854775807", "bytes=9223372036854775807-", "bytes=-9223372036854775808",
                       "bytes=18446744073709551616-", "bytes=0-1,5-6", "bytes=", "bytes=-", "bytes=a-b",
                       "items=0-1", "bytes=4294967296-4294967300", "bytes=0-4294967296", "bytes= 1 - 2"])


INVALID_UTF8 = [b"\xff", b"\xfe", b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82",
                b"\x80", b"\xf8\x88\x80\x80\x80", b"\x00"]
ENTITIES = ["&a;", "&amp;", "&lt;", "&#0;", "&#x0;", "&#xFFFFFFFF;", "&#99999999999;", "&#xD800;", "&#;", "&",
            "&a\udcff;", "&\udcff;", "&#x110000;", "&quot", "&lt;&gt;&amp;&apos;&quot;", "&#65;&#x42;"]
XML_SNIPPETS = ["<?xml?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"2.0\"?>", "<?pi x?>",
                "<!DOCTYPE a [<!ENTITY e \"xx\">]>", "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
                "<![CDATA[x]]>", "<!-- c -->", "<!--", "<![CDATA[", "</x>", "<x", "<x/>", "<a:b xmlns:a=\"u\"/>",
                "<x a=\"1\" a=\"2\"/>", "<x a='\udcff'/>", "\ufeff", "<", ">", "]]>", "<:/>", "<1/>"]
CONTENT_TYPES = ["application/xml", "application/json", "text/plain", "application/x-amz-json-1.0",
                 "application/x-amz-json-1.1", "application/x-amz-cbor-1.1", "application/x-www-form-urlencoded",
                 "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"x\"",
                 "application/cbor", "*/*", "", ";", "application/json; charset=utf-16", "\udcff"]
HEADER_NAMES = ["Range", "Content-MD5", "x-amz-content-sha256", "x-amz-date", "x-amz-decoded-content-length",
                "x-amz-copy-source", "x-amz-copy-source-range", "x-amz-security-token", "x-amz-checksum-crc32",
                "x-amz-checksum-sha256", "x-amz-sdk-checksum-algorithm", "x-amz-trailer", "x-amz-tagging",
                "x-amz-meta-a", "x-amz-expected-bucket-owner", "x-amz-server-side-encryption", "Content-Encoding",
                "Content-Type", "Expect", "If-Match", "If-Modified-Since", "Authorization", "Host", "Date",
                "x-amz-target", "X-Databricks-Org-Id", "Content-Disposition", "x-amz-bucket-region",
                "x-amz-object-ownership", "x-amz-acl", "x-amz-storage-class", "x-amz-mfa", "Cookie", "Origin"]
METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PURGE"]
QUERY_NAMES = ["partNumber", "uploadId", "versionId", "max-keys", "list-type", "tagging", "acl", "versioning",
               "delete", "uploads", "policy", "location", "versions", "encryption", "publicAccessBlock",
               "X-Amz-Expires", "X-Amz-Date", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders",
               "X-Amz-Algorithm", "Expires", "Signature", "AWSAccessKeyId", "Action", "Version", "x-id",
               "continuation-token", "max-parts", "part-number-marker", "encoding-type", "response-content-type",
               "offset", "limit", "cluster_id", "page_token", "startIndex", "count", "length", "path"]
