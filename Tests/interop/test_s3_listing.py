"""ListObjects V1 and V2: prefixes, delimiters, pagination, URL encoding."""

import pytest
from botocore.exceptions import ClientError

from conftest import error_code


@pytest.fixture
def seeded(s3, bucket):
    keys = ["a/1", "a/2", "b/1", "c", "d/e/f", "z z", "ü"]
    for key in keys:
        s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
    return bucket, sorted(keys, key=lambda k: k.encode())


def test_v2_delimiter_and_prefix(s3, seeded):
    bucket, _ = seeded
    page = s3.list_objects_v2(Bucket=bucket, Delimiter="/")
    assert [o["Key"] for o in page["Contents"]] == ["c", "z z", "ü"]
    assert [p["Prefix"] for p in page["CommonPrefixes"]] == ["a/", "b/", "d/"]
    assert page["KeyCount"] == 6
    nested = s3.list_objects_v2(Bucket=bucket, Prefix="d/", Delimiter="/")
    assert [p["Prefix"] for p in nested["CommonPrefixes"]] == ["d/e/"]
    assert "Contents" not in nested


def test_v2_pagination_and_start_after(s3, seeded):
    bucket, keys = seeded
    seen, token = [], None
    while True:
        kwargs = {"Bucket": bucket, "MaxKeys": 2}
        if token:
            kwargs["ContinuationToken"] = token
        page = s3.list_objects_v2(**kwargs)
        seen += [o["Key"] for o in page.get("Contents", [])]
        if not page["IsTruncated"]:
            break
        token = page["NextContinuationToken"]
    assert seen == keys
    after = s3.list_objects_v2(Bucket=bucket, StartAfter="c")
    assert [o["Key"] for o in after["Contents"]] == keys[keys.index("c") + 1:]


def test_v1_markers(s3, seeded):
    bucket, keys = seeded
    first = s3.list_objects(Bucket=bucket, MaxKeys=3)
    assert [o["Key"] for o in first["Contents"]] == keys[:3]
    assert first["IsTruncated"]
    second = s3.list_objects(Bucket=bucket, Marker=keys[2])
    assert [o["Key"] for o in second["Contents"]] == keys[3:]
    delimited = s3.list_objects(Bucket=bucket, Delimiter="/", MaxKeys=2)
    assert delimited["IsTruncated"] and delimited["NextMarker"] == "b/"


def test_paginator_over_thousands(s3, bucket):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda i: s3.put_object(Bucket=bucket, Key=f"many/{i:05}", Body=b"x"), range(2500)))
    pages = list(s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="many/"))
    assert [len(p["Contents"]) for p in pages] == [1000, 1000, 500]
    v1 = list(s3.get_paginator("list_objects").paginate(Bucket=bucket, Prefix="many/"))
    assert sum(len(p["Contents"]) for p in v1) == 2500


def test_encoding_type_url(s3, seeded):
    bucket, _ = seeded
    page = s3.list_objects_v2(Bucket=bucket, EncodingType="url", Prefix="z")
    # Asked for explicitly, the encoding reaches the caller (botocore decodes only when it asked itself).
    assert [o["Key"] for o in page["Contents"]] == ["z%20z"]
    assert page["EncodingType"] == "url"


def test_listing_missing_bucket(s3):
    with pytest.raises(ClientError) as excinfo:
        s3.list_objects_v2(Bucket="no-such-bucket-for-listing")
    assert error_code(excinfo) == "NoSuchBucket"
