"""Multipart uploads through boto3's API and its transfer manager (upload_file/download_file with threads)."""

import base64
import hashlib
import os

import pytest
from boto3.s3.transfer import TransferConfig
from botocore.exceptions import ClientError

from conftest import failure, headers_of
from s3wire import multipart_etag, quoted_md5

MiB = 1024 * 1024


def upload_parts(s3, bucket, key, upload_id, parts):
    return [
        {"PartNumber": number, "ETag": s3.upload_part(Bucket=bucket, Key=key, UploadId=upload_id, PartNumber=number,
                                                      Body=data)["ETag"]}
        for number, data in enumerate(parts, start=1)
    ]


def test_full_lifecycle(s3, bucket):
    upload = s3.create_multipart_upload(Bucket=bucket, Key="big", ContentType="application/x-test", Metadata={"m": "1"})
    assert (upload["Bucket"], upload["Key"]) == (bucket, "big")
    upload_id = upload["UploadId"]
    data = [os.urandom(5 * MiB), os.urandom(5 * MiB), b"tail"]
    parts = upload_parts(s3, bucket, "big", upload_id, data)
    assert [p["ETag"] for p in parts] == [quoted_md5(d) for d in data]
    listed = s3.list_parts(Bucket=bucket, Key="big", UploadId=upload_id)
    assert [p["PartNumber"] for p in listed["Parts"]] == [1, 2, 3]
    assert [p["Size"] for p in listed["Parts"]] == [5 * MiB, 5 * MiB, 4]
    assert [p["ETag"] for p in listed["Parts"]] == [p["ETag"] for p in parts]
    assert listed["IsTruncated"] is False
    uploads = s3.list_multipart_uploads(Bucket=bucket)
    assert [(u["Key"], u["UploadId"]) for u in uploads["Uploads"]] == [("big", upload_id)]
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket=bucket, Key="big")  # nothing is visible before completion
    assert failure(excinfo) == ("404", 404)
    done = s3.complete_multipart_upload(Bucket=bucket, Key="big", UploadId=upload_id, MultipartUpload={"Parts": parts})
    assert done["ETag"] == multipart_etag(data)
    assert (done["Bucket"], done["Key"]) == (bucket, "big")
    got = s3.get_object(Bucket=bucket, Key="big")
    assert got["Body"].read() == b"".join(data)
    assert got["ETag"] == multipart_etag(data)
    assert got["ContentType"] == "application/x-test"
    assert got["Metadata"] == {"m": "1"}
    assert headers_of(s3.head_object(Bucket=bucket, Key="big", PartNumber=2))["x-amz-mp-parts-count"] == "3"
    with pytest.raises(ClientError) as excinfo:
        s3.list_parts(Bucket=bucket, Key="big", UploadId=upload_id)
    assert failure(excinfo) == ("NoSuchUpload", 404)
    assert "Uploads" not in s3.list_multipart_uploads(Bucket=bucket)


def test_parts_can_be_replaced_and_completed_from_a_subset(s3, bucket):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="k")["UploadId"]
    first = os.urandom(5 * MiB)
    upload_parts(s3, bucket, "k", upload_id, [os.urandom(5 * MiB)])  # replaced below
    e1 = s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=1, Body=first)["ETag"]
    e3 = s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=3, Body=b"three")["ETag"]
    s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=7, Body=b"left out")
    done = s3.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id, MultipartUpload={
        "Parts": [{"PartNumber": 1, "ETag": e1}, {"PartNumber": 3, "ETag": e3}]})
    assert done["ETag"] == multipart_etag([first, b"three"])
    assert s3.get_object(Bucket=bucket, Key="k")["Body"].read() == first + b"three"


def test_completion_errors(s3, bucket):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="k")["UploadId"]
    small, big = b"small", os.urandom(5 * MiB)
    e1 = s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=1, Body=small)["ETag"]
    e2 = s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=2, Body=big)["ETag"]
    # Each case breaks one rule only, so that the order in which S3 checks them does not matter.
    with pytest.raises(ClientError) as excinfo:  # a part before the last under 5 MiB
        s3.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id, MultipartUpload={
            "Parts": [{"PartNumber": 1, "ETag": e1}, {"PartNumber": 2, "ETag": e2}]})
    assert failure(excinfo) == ("EntityTooSmall", 400)
    with pytest.raises(ClientError) as excinfo:  # parts not in ascending order (the small one is last)
        s3.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id, MultipartUpload={
            "Parts": [{"PartNumber": 2, "ETag": e2}, {"PartNumber": 1, "ETag": e1}]})
    assert failure(excinfo) == ("InvalidPartOrder", 400)
    with pytest.raises(ClientError) as excinfo:  # an ETag that is not the part's
        s3.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id,
                                     MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": '"0000"'}]})
    assert failure(excinfo) == ("InvalidPart", 400)
    with pytest.raises(ClientError) as excinfo:  # a part that was never uploaded
        s3.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id,
                                     MultipartUpload={"Parts": [{"PartNumber": 5, "ETag": e1}]})
    assert failure(excinfo) == ("InvalidPart", 400)
    # A single small part is a valid upload: only parts before the last must reach 5 MiB.
    done = s3.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id,
                                        MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e1}]})
    assert done["ETag"] == multipart_etag([small])
    assert s3.get_object(Bucket=bucket, Key="k")["Body"].read() == small


def test_part_and_upload_errors(s3, bucket):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="k")["UploadId"]
    for number in (0, 10001):
        with pytest.raises(ClientError) as excinfo:
            s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=number, Body=b"x")
        assert failure(excinfo) == ("InvalidArgument", 400)
    aborted = s3.abort_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id)
    assert aborted["ResponseMetadata"]["HTTPStatusCode"] == 204
    with pytest.raises(ClientError) as excinfo:
        s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=1, Body=b"x")
    assert failure(excinfo) == ("NoSuchUpload", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.complete_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id,
                                     MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": '"x"'}]})
    assert failure(excinfo) == ("NoSuchUpload", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.abort_multipart_upload(Bucket=bucket, Key="k", UploadId="no-such-upload")
    assert failure(excinfo) == ("NoSuchUpload", 404)
    with pytest.raises(ClientError) as excinfo:
        s3.create_multipart_upload(Bucket="no-such-bucket-for-mpu", Key="k")
    assert failure(excinfo) == ("NoSuchBucket", 404)


def test_list_parts_and_uploads_paginate(s3, bucket):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="parts")["UploadId"]
    for number in range(1, 6):
        s3.upload_part(Bucket=bucket, Key="parts", UploadId=upload_id, PartNumber=number, Body=bytes([number]))
    first = s3.list_parts(Bucket=bucket, Key="parts", UploadId=upload_id, MaxParts=2)
    assert [p["PartNumber"] for p in first["Parts"]] == [1, 2]
    assert first["IsTruncated"] is True and first["NextPartNumberMarker"] == 2
    rest = s3.list_parts(Bucket=bucket, Key="parts", UploadId=upload_id, PartNumberMarker=2)
    assert [p["PartNumber"] for p in rest["Parts"]] == [3, 4, 5]
    other = [s3.create_multipart_upload(Bucket=bucket, Key=f"dir/{i}")["UploadId"] for i in range(3)]
    pages = list(s3.get_paginator("list_multipart_uploads").paginate(Bucket=bucket, PaginationConfig={"PageSize": 2}))
    listed = [(u["Key"], u["UploadId"]) for page in pages for u in page.get("Uploads", [])]
    assert sorted(listed) == sorted([("parts", upload_id)] + [(f"dir/{i}", u) for i, u in enumerate(other)])
    assert len(pages) == 2
    by_prefix = s3.list_multipart_uploads(Bucket=bucket, Prefix="dir/")
    assert sorted(u["Key"] for u in by_prefix["Uploads"]) == ["dir/0", "dir/1", "dir/2"]
    delimited = s3.list_multipart_uploads(Bucket=bucket, Delimiter="/")
    assert [p["Prefix"] for p in delimited["CommonPrefixes"]] == ["dir/"]
    assert [u["Key"] for u in delimited["Uploads"]] == ["parts"]


def test_upload_part_copy(s3, bucket):
    source = os.urandom(6 * MiB)
    s3.put_object(Bucket=bucket, Key="source", Body=source)
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="copy")["UploadId"]
    p1 = s3.upload_part_copy(Bucket=bucket, Key="copy", UploadId=upload_id, PartNumber=1,
                             CopySource={"Bucket": bucket, "Key": "source"}, CopySourceRange=f"bytes=0-{5 * MiB - 1}")
    p2 = s3.upload_part_copy(Bucket=bucket, Key="copy", UploadId=upload_id, PartNumber=2,
                             CopySource={"Bucket": bucket, "Key": "source"},
                             CopySourceRange=f"bytes={5 * MiB}-{6 * MiB - 1}")
    assert p1["CopyPartResult"]["ETag"] == quoted_md5(source[:5 * MiB])
    done = s3.complete_multipart_upload(Bucket=bucket, Key="copy", UploadId=upload_id, MultipartUpload={
        "Parts": [{"PartNumber": 1, "ETag": p1["CopyPartResult"]["ETag"]},
                  {"PartNumber": 2, "ETag": p2["CopyPartResult"]["ETag"]}]})
    assert done["ETag"] == multipart_etag([source[:5 * MiB], source[5 * MiB:]])
    assert s3.get_object(Bucket=bucket, Key="copy")["Body"].read() == source


def test_transfer_manager_upload_file_and_download_file(s3, bucket, tmp_path):
    data = os.urandom(23 * MiB)
    source, target = tmp_path / "source.bin", tmp_path / "target.bin"
    source.write_bytes(data)
    config = TransferConfig(multipart_threshold=5 * MiB, multipart_chunksize=5 * MiB, max_concurrency=8)
    s3.upload_file(str(source), bucket, "tm", Config=config)
    head = s3.head_object(Bucket=bucket, Key="tm")
    assert head["ContentLength"] == len(data)
    assert head["ETag"] == multipart_etag([data[i:i + 5 * MiB] for i in range(0, len(data), 5 * MiB)])
    s3.download_file(bucket, "tm", str(target), Config=config)  # ranged GETs on 8 threads
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(data).digest()


def test_multipart_checksum(s3, bucket):
    upload = s3.create_multipart_upload(Bucket=bucket, Key="c", ChecksumAlgorithm="SHA256")
    assert upload["ChecksumAlgorithm"] == "SHA256"
    upload_id = upload["UploadId"]
    first, second = os.urandom(5 * MiB), b"last part"
    parts = []
    for number, data in enumerate([first, second], start=1):
        part = s3.upload_part(Bucket=bucket, Key="c", UploadId=upload_id, PartNumber=number, Body=data,
                              ChecksumAlgorithm="SHA256")
        parts.append({"PartNumber": number, "ETag": part["ETag"], "ChecksumSHA256": part["ChecksumSHA256"]})
    done = s3.complete_multipart_upload(Bucket=bucket, Key="c", UploadId=upload_id, MultipartUpload={"Parts": parts})
    # A composite checksum: the checksum of the concatenated part checksums, then "-N".
    composite = hashlib.sha256(b"".join(base64.b64decode(p["ChecksumSHA256"]) for p in parts)).digest()
    assert done["ChecksumSHA256"] == base64.b64encode(composite).decode() + "-2"
