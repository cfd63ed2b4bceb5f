"""Versioning: version ids, delete markers, version-specific reads and deletes, listing and its pagination,
suspended buckets and the `null` version."""

import pytest
from botocore.exceptions import ClientError

from conftest import failure, headers_of


def test_unversioned_bucket(s3, bucket):
    put = s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    assert "VersionId" not in put  # no x-amz-version-id until versioning is enabled
    versions = s3.list_object_versions(Bucket=bucket)["Versions"]
    assert [(v["Key"], v["VersionId"], v["IsLatest"]) for v in versions] == [("k", "null", True)]
    assert s3.get_object(Bucket=bucket, Key="k", VersionId="null")["Body"].read() == b"v"
    deleted = s3.delete_object(Bucket=bucket, Key="k")
    assert "DeleteMarker" not in deleted and "VersionId" not in deleted
    assert "Versions" not in s3.list_object_versions(Bucket=bucket)


def test_versions_and_delete_markers(s3, versioned_bucket):
    bucket = versioned_bucket
    v1 = s3.put_object(Bucket=bucket, Key="k", Body=b"one")["VersionId"]
    v2 = s3.put_object(Bucket=bucket, Key="k", Body=b"two")["VersionId"]
    assert v1 and v2 and v1 != v2 and "null" not in (v1, v2)
    latest = s3.get_object(Bucket=bucket, Key="k")
    assert latest["Body"].read() == b"two" and latest["VersionId"] == v2
    old = s3.get_object(Bucket=bucket, Key="k", VersionId=v1)
    assert old["Body"].read() == b"one" and old["VersionId"] == v1
    assert s3.head_object(Bucket=bucket, Key="k", VersionId=v1)["ContentLength"] == 3

    deleted = s3.delete_object(Bucket=bucket, Key="k")
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert deleted["DeleteMarker"] is True
    assert headers_of(deleted)["x-amz-delete-marker"] == "true"
    marker = deleted["VersionId"]
    assert marker not in (v1, v2)

    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k")
    assert failure(excinfo) == ("NoSuchKey", 404)
    assert headers_of(excinfo.value.response)["x-amz-delete-marker"] == "true"
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="k")
    assert failure(excinfo) == ("404", 404)
    assert headers_of(excinfo.value.response)["x-amz-delete-marker"] == "true"
    # Addressing the marker itself: GET/HEAD of a delete marker is 405.
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=bucket, Key="k", VersionId=marker)
    assert failure(excinfo) == ("MethodNotAllowed", 405)
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="k", VersionId=marker)
    assert failure(excinfo) == ("405", 405)

    listing = s3.list_object_versions(Bucket=bucket)
    assert [(v["VersionId"], v["IsLatest"]) for v in listing["Versions"]] == [(v2, False), (v1, False)]
    assert [(m["VersionId"], m["IsLatest"]) for m in listing["DeleteMarkers"]] == [(marker, True)]
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket)

    # Deleting the marker brings the latest version back; deleting a version removes it for good.
    removed = s3.delete_object(Bucket=bucket, Key="k", VersionId=marker)
    assert removed["DeleteMarker"] is True and removed["VersionId"] == marker
    assert s3.get_object(Bucket=bucket, Key="k")["Body"].read() == b"two"
    gone = s3.delete_object(Bucket=bucket, Key="k", VersionId=v2)
    assert gone["VersionId"] == v2 and "DeleteMarker" not in gone
    assert s3.get_object(Bucket=bucket, Key="k")["Body"].read() == b"one"
    assert [v["VersionId"] for v in s3.list_object_versions(Bucket=bucket)["Versions"]] == [v1]


def test_missing_and_invalid_versions(s3, versioned_bucket):
    s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"v")
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=versioned_bucket, Key="k", VersionId="A" * 32)
    assert failure(excinfo) == ("NoSuchVersion", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=versioned_bucket, Key="k", VersionId="bogus")
    assert failure(excinfo) == ("InvalidArgument", 400)
    # Deleting a version that does not exist is not an error.
    missing = s3.delete_object(Bucket=versioned_bucket, Key="k", VersionId="null")
    assert missing["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_suspended_bucket_writes_the_null_version(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"before")  # the null version
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    enabled = s3.put_object(Bucket=bucket, Key="k", Body=b"enabled")["VersionId"]
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
    first = s3.put_object(Bucket=bucket, Key="k", Body=b"suspended-1")
    assert first.get("VersionId", "null") == "null"  # never a fresh version id
    s3.put_object(Bucket=bucket, Key="k", Body=b"suspended-2")  # replaces the null version
    versions = s3.list_object_versions(Bucket=bucket)["Versions"]
    assert [(v["VersionId"], v["IsLatest"]) for v in versions] == [("null", True), (enabled, False)]
    assert s3.get_object(Bucket=bucket, Key="k", VersionId="null")["Body"].read() == b"suspended-2"
    assert s3.get_object(Bucket=bucket, Key="k", VersionId=enabled)["Body"].read() == b"enabled"
    # A delete in a suspended bucket writes a delete marker whose version is null.
    deleted = s3.delete_object(Bucket=bucket, Key="k")
    assert deleted["DeleteMarker"] is True and deleted.get("VersionId", "null") == "null"
    listing = s3.list_object_versions(Bucket=bucket)
    assert [v["VersionId"] for v in listing["Versions"]] == [enabled]
    assert [m["VersionId"] for m in listing["DeleteMarkers"]] == ["null"]


def test_version_listing_pagination_with_markers(s3, versioned_bucket):
    written = {}
    for i in range(7):
        key = f"k{i % 3}"
        version = s3.put_object(Bucket=versioned_bucket, Key=key, Body=str(i).encode())["VersionId"]
        written.setdefault(key, []).insert(0, version)  # newest first, as S3 lists them
    marker = s3.delete_object(Bucket=versioned_bucket, Key="k1")["VersionId"]
    seen, key_marker, version_marker = [], None, None
    while True:
        kwargs = {"Bucket": versioned_bucket, "MaxKeys": 2}
        if key_marker is not None:
            kwargs.update(KeyMarker=key_marker, VersionIdMarker=version_marker)
        page = s3.list_object_versions(**kwargs)
        entries = page.get("Versions", []) + page.get("DeleteMarkers", [])
        assert len(entries) <= 2
        seen += [(e["Key"], e["VersionId"]) for e in entries]
        if not page["IsTruncated"]:
            break
        key_marker, version_marker = page["NextKeyMarker"], page["NextVersionIdMarker"]
    expected = [("k0", v) for v in written["k0"]] + [("k1", marker)] + [("k1", v) for v in written["k1"]] + \
               [("k2", v) for v in written["k2"]]
    assert sorted(seen) == sorted(expected) and len(seen) == len(expected)
    # Within a key, newest first; keys in order.
    assert [k for k, _ in seen] == sorted(k for k, _ in seen)
    pages = list(s3.get_paginator("list_object_versions").paginate(Bucket=versioned_bucket,
                                                                   PaginationConfig={"PageSize": 3}))
    assert sum(len(p.get("Versions", [])) + len(p.get("DeleteMarkers", [])) for p in pages) == 8


def test_list_object_versions_prefix_and_delimiter(s3, versioned_bucket):
    for key in ["a/1", "a/2", "b", "c/d/e"]:
        s3.put_object(Bucket=versioned_bucket, Key=key, Body=b"x")
    page = s3.list_object_versions(Bucket=versioned_bucket, Delimiter="/")
    assert [v["Key"] for v in page["Versions"]] == ["b"]
    assert [p["Prefix"] for p in page["CommonPrefixes"]] == ["a/", "c/"]
    only_a = s3.list_object_versions(Bucket=versioned_bucket, Prefix="a/")
    assert [v["Key"] for v in only_a["Versions"]] == ["a/1", "a/2"]


def test_delete_objects_with_versions(s3, versioned_bucket):
    v1 = s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"1")["VersionId"]
    v2 = s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"2")["VersionId"]
    result = s3.delete_objects(Bucket=versioned_bucket,
                               Delete={"Objects": [{"Key": "k", "VersionId": v1}, {"Key": "k"}]})
    by_version = {d.get("VersionId"): d for d in result["Deleted"]}
    assert by_version[v1]["Key"] == "k" and not by_version[v1].get("DeleteMarker")
    marker = next(d for d in result["Deleted"] if d.get("DeleteMarker"))
    assert marker["Key"] == "k" and marker["DeleteMarkerVersionId"]
    listing = s3.list_object_versions(Bucket=versioned_bucket)
    assert [v["VersionId"] for v in listing["Versions"]] == [v2]
    assert [m["VersionId"] for m in listing["DeleteMarkers"]] == [marker["DeleteMarkerVersionId"]]


def test_copy_from_a_version(s3, versioned_bucket):
    v1 = s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"first")["VersionId"]
    s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"second")
    copied = s3.copy_object(Bucket=versioned_bucket, Key="restored",
                            CopySource={"Bucket": versioned_bucket, "Key": "k", "VersionId": v1})
    assert copied["CopySourceVersionId"] == v1
    assert copied["VersionId"]
    assert s3.get_object(Bucket=versioned_bucket, Key="restored")["Body"].read() == b"first"
