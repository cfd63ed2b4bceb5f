"""Versioning: version ids, delete markers, version-specific reads and deletes, suspended buckets."""

import pytest
from botocore.exceptions import ClientError

from conftest import error_code, status


@pytest.fixture
def versioned(s3, bucket):
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    return bucket


def test_versions_and_delete_markers(s3, versioned):
    v1 = s3.put_object(Bucket=versioned, Key="k", Body=b"one")["VersionId"]
    v2 = s3.put_object(Bucket=versioned, Key="k", Body=b"two")["VersionId"]
    assert v1 != v2
    assert s3.get_object(Bucket=versioned, Key="k")["Body"].read() == b"two"
    old = s3.get_object(Bucket=versioned, Key="k", VersionId=v1)
    assert old["Body"].read() == b"one" and old["VersionId"] == v1
    deleted = s3.delete_object(Bucket=versioned, Key="k")
    assert deleted["DeleteMarker"] is True
    marker = deleted["VersionId"]
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=versioned, Key="k")
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchKey", 404)
    assert excinfo.value.response["ResponseMetadata"]["HTTPHeaders"]["x-amz-delete-marker"] == "true"
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=versioned, Key="k", VersionId=marker)
    assert status(excinfo) == 405
    listing = s3.list_object_versions(Bucket=versioned)
    assert [v["VersionId"] for v in listing["Versions"]] == [v2, v1]
    assert [v["IsLatest"] for v in listing["Versions"]] == [False, False]
    assert listing["DeleteMarkers"][0]["VersionId"] == marker and listing["DeleteMarkers"][0]["IsLatest"]
    assert "Contents" not in s3.list_objects_v2(Bucket=versioned)
    removed = s3.delete_object(Bucket=versioned, Key="k", VersionId=marker)
    assert removed["DeleteMarker"] is True and removed["VersionId"] == marker
    assert s3.get_object(Bucket=versioned, Key="k")["Body"].read() == b"two"
    s3.delete_object(Bucket=versioned, Key="k", VersionId=v2)
    assert s3.get_object(Bucket=versioned, Key="k")["Body"].read() == b"one"


def test_missing_and_invalid_versions(s3, versioned):
    s3.put_object(Bucket=versioned, Key="k", Body=b"v")
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=versioned, Key="k", VersionId="A" * 32)
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchVersion", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket=versioned, Key="k", VersionId="bogus")
    assert (error_code(excinfo), status(excinfo)) == ("InvalidArgument", 400)


def test_suspended_bucket_writes_null_version(s3, bucket):
    s3.put_object(Bucket=bucket, Key="k", Body=b"before")
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    enabled = s3.put_object(Bucket=bucket, Key="k", Body=b"enabled")["VersionId"]
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
    s3.put_object(Bucket=bucket, Key="k", Body=b"suspended-1")
    s3.put_object(Bucket=bucket, Key="k", Body=b"suspended-2")
    versions = s3.list_object_versions(Bucket=bucket)["Versions"]
    assert sorted(v["VersionId"] for v in versions) == sorted(["null", enabled])
    assert s3.get_object(Bucket=bucket, Key="k", VersionId="null")["Body"].read() == b"suspended-2"


def test_version_listing_pagination(s3, versioned):
    for i in range(7):
        s3.put_object(Bucket=versioned, Key=f"k{i % 3}", Body=str(i).encode())
    pages = list(s3.get_paginator("list_object_versions").paginate(Bucket=versioned, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 4
    assert sum(len(p.get("Versions", [])) for p in pages) == 7


def test_delete_objects_with_versions(s3, versioned):
    v1 = s3.put_object(Bucket=versioned, Key="k", Body=b"1")["VersionId"]
    result = s3.delete_objects(Bucket=versioned, Delete={"Objects": [{"Key": "k"}, {"Key": "k", "VersionId": v1}]})
    kinds = sorted((d.get("DeleteMarker", False), d.get("VersionId")) for d in result["Deleted"])
    assert (False, v1) in kinds or (True, None) in kinds
    assert any(d.get("DeleteMarkerVersionId") for d in result["Deleted"])
