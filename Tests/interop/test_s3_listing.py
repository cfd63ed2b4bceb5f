"""ListObjects V1 and V2: prefixes, delimiters and CommonPrefixes, pagination (Marker/NextMarker, ContinuationToken,
StartAfter), KeyCount, EncodingType=url, UTF-8 byte order, and boto3's paginators over more than one page."""

from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote_plus

import pytest
from botocore.exceptions import ClientError

from conftest import failure, make_client

KEYS = ["a/1", "a/2", "b/1", "c", "d/e/f", "z z", "ü", "Z-upper"]


@pytest.fixture
def seeded(s3, bucket):
    for key in KEYS:
        s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
    return bucket


def utf8_sorted(keys):
    return sorted(keys, key=lambda k: k.encode())


def test_v2_lists_in_utf8_byte_order_with_shapes(s3, seeded):
    page = s3.list_objects_v2(Bucket=seeded)
    assert [o["Key"] for o in page["Contents"]] == utf8_sorted(KEYS)
    assert page["KeyCount"] == len(KEYS)
    assert page["IsTruncated"] is False
    assert page["MaxKeys"] == 1000
    assert page["Name"] == seeded
    first = page["Contents"][0]
    assert set(first) >= {"Key", "LastModified", "ETag", "Size", "StorageClass"}
    assert first["StorageClass"] == "STANDARD"
    assert "Owner" not in first  # V2 leaves the owner out unless FetchOwner
    assert "Owner" in s3.list_objects_v2(Bucket=seeded, FetchOwner=True)["Contents"][0]


def test_v2_delimiter_and_prefix(s3, seeded):
    page = s3.list_objects_v2(Bucket=seeded, Delimiter="/")
    assert [o["Key"] for o in page["Contents"]] == utf8_sorted(["c", "z z", "ü", "Z-upper"])
    assert [p["Prefix"] for p in page["CommonPrefixes"]] == ["a/", "b/", "d/"]
    assert page["KeyCount"] == 7  # keys and common prefixes both count
    assert page["Delimiter"] == "/"
    nested = s3.list_objects_v2(Bucket=seeded, Prefix="d/", Delimiter="/")
    assert [p["Prefix"] for p in nested["CommonPrefixes"]] == ["d/e/"]
    assert "Contents" not in nested
    assert nested["Prefix"] == "d/"
    only_a = s3.list_objects_v2(Bucket=seeded, Prefix="a/")
    assert [o["Key"] for o in only_a["Contents"]] == ["a/1", "a/2"]
    none = s3.list_objects_v2(Bucket=seeded, Prefix="nothing-here/")
    assert none["KeyCount"] == 0 and "Contents" not in none


def test_v2_pagination_with_continuation_tokens(s3, seeded):
    seen, token, pages = [], None, 0
    while True:
        page = s3.list_objects_v2(Bucket=seeded, MaxKeys=3, **({"ContinuationToken": token} if token else {}))
        pages += 1
        assert page["KeyCount"] == len(page.get("Contents", []))
        seen += [o["Key"] for o in page.get("Contents", [])]
        if token:
            assert page["ContinuationToken"] == token
        if not page["IsTruncated"]:
            assert "NextContinuationToken" not in page
            break
        token = page["NextContinuationToken"]
    assert seen == utf8_sorted(KEYS)
    assert pages == 3


def test_v2_pagination_counts_common_prefixes(s3, seeded):
    # In byte order the entries are Z-upper, a/, b/, c, d/, z z, ü: a page of two is one key and one prefix.
    first = s3.list_objects_v2(Bucket=seeded, Delimiter="/", MaxKeys=2)
    assert first["IsTruncated"] is True
    assert first["KeyCount"] == 2
    assert [o["Key"] for o in first["Contents"]] == ["Z-upper"]
    assert [p["Prefix"] for p in first["CommonPrefixes"]] == ["a/"]
    rest = s3.list_objects_v2(Bucket=seeded, Delimiter="/", ContinuationToken=first["NextContinuationToken"])
    listed = [o["Key"] for o in first.get("Contents", []) + rest.get("Contents", [])]
    prefixes = [p["Prefix"] for p in first.get("CommonPrefixes", []) + rest.get("CommonPrefixes", [])]
    assert listed == utf8_sorted(["c", "z z", "ü", "Z-upper"])
    assert prefixes == ["a/", "b/", "d/"]


def test_v2_start_after(s3, seeded):
    keys = utf8_sorted(KEYS)
    after = s3.list_objects_v2(Bucket=seeded, StartAfter="c")
    assert [o["Key"] for o in after["Contents"]] == keys[keys.index("c") + 1:]
    assert after["StartAfter"] == "c"
    assert s3.list_objects_v2(Bucket=seeded, StartAfter="zzz-after-everything-but-ü")["KeyCount"] == 1


def test_v1_markers(s3, seeded):
    keys = utf8_sorted(KEYS)
    first = s3.list_objects(Bucket=seeded, MaxKeys=3)
    assert [o["Key"] for o in first["Contents"]] == keys[:3]
    assert first["IsTruncated"] is True
    assert "NextMarker" not in first  # only given with a delimiter; clients continue from the last key
    assert "Owner" in first["Contents"][0]  # V1 always names the owner
    second = s3.list_objects(Bucket=seeded, Marker=keys[2])
    assert [o["Key"] for o in second["Contents"]] == keys[3:]
    assert second["Marker"] == keys[2]
    assert second["IsTruncated"] is False


def test_v1_next_marker_with_delimiter(s3, seeded):
    delimited = s3.list_objects(Bucket=seeded, Delimiter="/", MaxKeys=2)  # Z-upper, then a/
    assert delimited["IsTruncated"] is True
    assert delimited["NextMarker"] == "a/"
    assert [o["Key"] for o in delimited["Contents"]] == ["Z-upper"]
    assert [p["Prefix"] for p in delimited["CommonPrefixes"]] == ["a/"]
    rest = s3.list_objects(Bucket=seeded, Delimiter="/", Marker=delimited["NextMarker"])
    assert [p["Prefix"] for p in rest["CommonPrefixes"]] == ["b/", "d/"]
    assert [o["Key"] for o in rest["Contents"]] == utf8_sorted(["c", "z z", "ü"])
    assert rest["IsTruncated"] is False


def test_paginators_over_thousands_of_keys(s3, bucket):
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda i: s3.put_object(Bucket=bucket, Key=f"many/{i:05}", Body=b"x"), range(2500)))
    v2 = list(s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="many/"))
    assert [len(p["Contents"]) for p in v2] == [1000, 1000, 500]  # S3 answers at most 1,000 keys a page
    assert [o["Key"] for p in v2 for o in p["Contents"]] == [f"many/{i:05}" for i in range(2500)]
    v1 = list(s3.get_paginator("list_objects").paginate(Bucket=bucket, Prefix="many/"))
    assert [len(p["Contents"]) for p in v1] == [1000, 1000, 500]
    asked_for_more = s3.list_objects_v2(Bucket=bucket, MaxKeys=5000)
    assert asked_for_more["KeyCount"] == 1000 and asked_for_more["IsTruncated"] is True
    small_pages = list(s3.get_paginator("list_objects_v2").paginate(
        Bucket=bucket, Prefix="many/00", PaginationConfig={"PageSize": 300}))
    assert [len(p["Contents"]) for p in small_pages] == [300, 300, 300, 100]


def test_encoding_type_url(s3, bucket):
    keys = ["z z/1", "a+b", "ü/x", "tab\there"]
    for key in keys:
        s3.put_object(Bucket=bucket, Key=key, Body=b"x")
    # Asked for explicitly, the encoding reaches the caller (botocore decodes only when it set it itself). S3 encodes
    # as a query string does; botocore decodes with unquote_plus, so '+' must arrive as %2B and a space as + or %20.
    page = s3.list_objects_v2(Bucket=bucket, EncodingType="url", Delimiter="/")
    assert page["EncodingType"] == "url"
    encoded = [o["Key"] for o in page["Contents"]] + [p["Prefix"] for p in page["CommonPrefixes"]]
    assert all(e.isascii() and " " not in e and "\t" not in e for e in encoded), encoded
    assert [unquote_plus(o["Key"]) for o in page["Contents"]] == ["a+b", "tab\there"]
    assert [unquote_plus(p["Prefix"]) for p in page["CommonPrefixes"]] == ["z z/", "ü/"]
    v1 = s3.list_objects(Bucket=bucket, EncodingType="url", Prefix="tab")
    assert [unquote_plus(o["Key"]) for o in v1["Contents"]] == ["tab\there"]
    assert v1["Contents"][0]["Key"] != "tab\there"
    # By default botocore asks for url encoding and decodes it: keys come back as they were written.
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]] == utf8_sorted(keys)
    assert [o["Key"] for o in s3.list_objects(Bucket=bucket)["Contents"]] == utf8_sorted(keys)


def test_listing_errors(s3, endpoint, bucket):
    with pytest.raises(ClientError) as excinfo:
        s3.list_objects_v2(Bucket="no-such-bucket-for-listing")
    assert failure(excinfo) == ("NoSuchBucket", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.list_objects_v2(Bucket=bucket, ContinuationToken="not-a-token-the-server-gave")
    assert failure(excinfo) == ("InvalidArgument", 400)
    with pytest.raises(ClientError) as excinfo:
        make_client(endpoint).list_objects_v2(Bucket=bucket, EncodingType="base64")
    assert failure(excinfo) == ("InvalidArgument", 400)
