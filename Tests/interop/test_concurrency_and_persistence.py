"""200 clients at once, and state that survives SIGTERM and kill -9 with --state-dir."""

import hashlib
import os
import signal
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import make_client, start_emulator


def test_two_hundred_concurrent_clients(endpoint, bucket):
    def work(index):
        client = make_client(endpoint)
        body = os.urandom(1024 + index)
        client.put_object(Bucket=bucket, Key=f"c/{index}", Body=body)
        return index, hashlib.md5(body).hexdigest()

    with ThreadPoolExecutor(200) as pool:
        written = dict(pool.map(work, range(200)))
    reader = make_client(endpoint)

    def check(index):
        data = reader.get_object(Bucket=bucket, Key=f"c/{index}")["Body"].read()
        return hashlib.md5(data).hexdigest() == written[index]

    with ThreadPoolExecutor(32) as pool:
        assert all(pool.map(check, range(200)))
    assert len(list(reader.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="c/"))[0]["Contents"]) == 200


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGKILL])
def test_state_survives_restart(tmp_path, stop_signal):
    state = str(tmp_path / "state")
    first = start_emulator("--state-dir", state)
    client = make_client(first.endpoint)
    client.create_bucket(Bucket="durable")
    client.put_bucket_versioning(Bucket="durable", VersioningConfiguration={"Status": "Enabled"})
    client.put_bucket_tagging(Bucket="durable", Tagging={"TagSet": [{"Key": "k", "Value": "v"}]})
    acknowledged = {}
    for index in range(50):
        body = os.urandom(3000 + index)
        etag = client.put_object(Bucket="durable", Key=f"obj/{index}", Body=body)["ETag"]
        acknowledged[f"obj/{index}"] = (body, etag)
    client.delete_object(Bucket="durable", Key="obj/0")
    upload = client.create_multipart_upload(Bucket="durable", Key="mp")["UploadId"]
    client.upload_part(Bucket="durable", Key="mp", UploadId=upload, PartNumber=1, Body=b"part one")
    assert first.stop(stop_signal) is not None

    second = start_emulator("--state-dir", state)
    try:
        client = make_client(second.endpoint)
        assert client.get_bucket_versioning(Bucket="durable")["Status"] == "Enabled"
        assert client.get_bucket_tagging(Bucket="durable")["TagSet"] == [{"Key": "k", "Value": "v"}]
        for key, (body, etag) in acknowledged.items():
            if key == "obj/0":
                continue
            got = client.get_object(Bucket="durable", Key=key)
            assert got["Body"].read() == body and got["ETag"] == etag
        versions = client.list_object_versions(Bucket="durable", Prefix="obj/0")
        assert len(versions["DeleteMarkers"]) == 1
        parts = client.list_parts(Bucket="durable", Key="mp", UploadId=upload)["Parts"]
        assert [p["Size"] for p in parts] == [8]
        client.put_object(Bucket="durable", Key="after-restart", Body=b"still writable")
    finally:
        second.stop()
