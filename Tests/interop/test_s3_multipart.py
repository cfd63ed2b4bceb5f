"""Multipart uploads through boto3's API and its transfer manager."""

import hashlib
import io
import os

import pytest
from boto3.s3.transfer import TransferConfig
from botocore.exceptions import ClientError

from conftest import error_code, status

MiB = 1024 * 1024


def test_full_lifecycle(s3, bucket):
    upload = s3.create_multipart_upload(Bucket=bucket, Key="big", ContentType="application/x-test", Metadata={"m": "1"})
    upload_id = upload["UploadId"]
    parts_data = [os.urandom(5 * MiB), os.urandom(5 * MiB), b"tail"]
    parts = []
    for number, data in enumerate(parts_data, start=1):
        etag = s3.upload_part(Bucket=bucket, Key="big", UploadId=upload_id, PartNumber=number, Body=data)["ETag"]
        assert etag == f'"{hashlib.md5(data).hexdigest()}"'
        parts.append({"PartNumber": number, "ETag": etag})
    listed = s3.list_parts(Bucket=bucket, Key="big", UploadId=upload_id)
    assert [p["PartNumber"] for p in listed["Parts"]] == [1, 2, 3]
    assert [p["Size"] for p in listed["Parts"]] == [5 * MiB, 5 * MiB, 4]
    uploads = s3.list_multipart_uploads(Bucket=bucket)["Uploads"]
    assert [u["UploadId"] for u in uploads] == [upload_id]
    done = s3.complete_multipart_upload(Bucket=bucket, Key="big", UploadId=upload_id, MultipartUpload={"Parts": parts})
    digests = b"".join(hashlib.md5(d).digest() for d in parts_data)
    assert done["ETag"] == f'"{hashlib.md5(digests).hexdigest()}-3"'
    got = s3.get_object(Bucket=bucket, Key="big")
    assert got["Body"].read() == b"".join(parts_data)
    assert got["ContentType"] == "application/x-test"
    assert got["Metadata"] == {"m": "1"}
    with pytest.raises(ClientError) as excinfo:
        s3.list_parts(Bucket=bucket, Key="big", UploadId=upload_id)
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchUpload", 404)


def test_errors(s3, bucket):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="k")["UploadId"]
    e1 = s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=1, Body=b"small")["ETag"]
    e2 = s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=2, Body=b"also small")["ETag"]
    with pytest.raises(ClientError) as excinfo:
        s3.complete_multipart_upload(
            Bucket=bucket, Key="k", UploadId=upload_id,
            MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e1}, {"PartNumber": 2, "ETag": e2}]},
        )
    assert (error_code(excinfo), status(excinfo)) == ("EntityTooSmall", 400)
    with pytest.raises(ClientError) as excinfo:
        s3.complete_multipart_upload(
            Bucket=bucket, Key="k", UploadId=upload_id,
            MultipartUpload={"Parts": [{"PartNumber": 2, "ETag": e2}, {"PartNumber": 1, "ETag": e1}]},
        )
    assert error_code(excinfo) == "InvalidPartOrder"
    with pytest.raises(ClientError) as excinfo:
        s3.complete_multipart_upload(
            Bucket=bucket, Key="k", UploadId=upload_id, MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": '"0000"'}]}
        )
    assert error_code(excinfo) == "InvalidPart"
    with pytest.raises(ClientError) as excinfo:
        s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=10001, Body=b"x")
    assert error_code(excinfo) == "InvalidArgument"
    s3.abort_multipart_upload(Bucket=bucket, Key="k", UploadId=upload_id)
    with pytest.raises(ClientError) as excinfo:
        s3.upload_part(Bucket=bucket, Key="k", UploadId=upload_id, PartNumber=1, Body=b"x")
    assert (error_code(excinfo), status(excinfo)) == ("NoSuchUpload", 404)


def test_upload_part_copy(s3, bucket):
    source = os.urandom(6 * MiB)
    s3.put_object(Bucket=bucket, Key="source", Body=source)
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="copy")["UploadId"]
    p1 = s3.upload_part_copy(Bucket=bucket, Key="copy", UploadId=upload_id, PartNumber=1,
                             CopySource={"Bucket": bucket, "Key": "source"}, CopySourceRange=f"bytes=0-{5 * MiB - 1}")
    p2 = s3.upload_part_copy(Bucket=bucket, Key="copy", UploadId=upload_id, PartNumber=2,
                             CopySource={"Bucket": bucket, "Key": "source"}, CopySourceRange=f"bytes={5 * MiB}-{6 * MiB - 1}")
    s3.complete_multipart_upload(
        Bucket=bucket, Key="copy", UploadId=upload_id,
        MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": p1["CopyPartResult"]["ETag"]},
                                   {"PartNumber": 2, "ETag": p2["CopyPartResult"]["ETag"]}]},
    )
    assert s3.get_object(Bucket=bucket, Key="copy")["Body"].read() == source


def test_transfer_manager_with_threads(s3, bucket):
    data = os.urandom(23 * MiB)
    config = TransferConfig(multipart_threshold=5 * MiB, multipart_chunksize=5 * MiB, max_concurrency=8)
    s3.upload_fileobj(io.BytesIO(data), bucket, "tm", Config=config)
    head = s3.head_object(Bucket=bucket, Key="tm")
    assert head["ContentLength"] == len(data)
    assert head["ETag"].endswith('-5"')
    out = io.BytesIO()
    s3.download_fileobj(bucket, "tm", out, Config=config)
    assert out.getvalue() == data


def test_multipart_checksum(s3, bucket):
    upload_id = s3.create_multipart_upload(Bucket=bucket, Key="c", ChecksumAlgorithm="SHA256")["UploadId"]
    part = s3.upload_part(Bucket=bucket, Key="c", UploadId=upload_id, PartNumber=1, Body=b"only part", ChecksumAlgorithm="SHA256")
    done = s3.complete_multipart_upload(
        Bucket=bucket, Key="c", UploadId=upload_id,
        MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part["ETag"], "ChecksumSHA256": part["ChecksumSHA256"]}]},
    )
    assert done["ChecksumSHA256"].endswith("-1")
