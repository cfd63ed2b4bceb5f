"""--state-dir: state survives SIGTERM and kill -9; every acknowledged write is there after a restart.
These tests start their own emulators (they do not use BRICKYARD_ENDPOINT)."""

import hashlib
import json
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from botocore.exceptions import BotoCoreError, ClientError

from conftest import failure, make_client

MiB = 1024 * 1024
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::durable/*"}]})


def write_everything(client) -> dict:
    """Buckets, configuration, objects, versions, a delete marker, a completed and an open multipart upload."""
    client.create_bucket(Bucket="durable")
    client.put_bucket_versioning(Bucket="durable", VersioningConfiguration={"Status": "Enabled"})
    client.put_bucket_tagging(Bucket="durable", Tagging={"TagSet": [{"Key": "k", "Value": "v"}]})
    client.put_bucket_policy(Bucket="durable", Policy=POLICY)
    client.create_bucket(Bucket="plain")
    state = {"objects": {}}
    for index in range(40):
        body = os.urandom(3000 + index)
        put = client.put_object(Bucket="durable", Key=f"obj/{index}", Body=body, Metadata={"i": str(index)})
        state["objects"][f"obj/{index}"] = (body, put["ETag"])
    state["v1"] = client.put_object(Bucket="durable", Key="versioned", Body=b"one")["VersionId"]
    state["v2"] = client.put_object(Bucket="durable", Key="versioned", Body=b"two")["VersionId"]
    state["marker"] = client.delete_object(Bucket="durable", Key="obj/0")["VersionId"]
    upload = client.create_multipart_upload(Bucket="durable", Key="mp-done")["UploadId"]
    parts = [os.urandom(5 * MiB), b"tail"]
    etags = [client.upload_part(Bucket="durable", Key="mp-done", UploadId=upload, PartNumber=n, Body=d)["ETag"]
             for n, d in enumerate(parts, start=1)]
    state["mp_etag"] = client.complete_multipart_upload(
        Bucket="durable", Key="mp-done", UploadId=upload,
        MultipartUpload={"Parts": [{"PartNumber": n, "ETag": e} for n, e in enumerate(etags, start=1)]})["ETag"]
    state["mp_body"] = b"".join(parts)
    state["open_upload"] = client.create_multipart_upload(Bucket="durable", Key="mp-open")["UploadId"]
    client.upload_part(Bucket="durable", Key="mp-open", UploadId=state["open_upload"], PartNumber=1, Body=b"part one")
    client.delete_bucket(Bucket="plain")
    return state


def check_everything(client, state: dict) -> None:
    assert [b["Name"] for b in client.list_buckets()["Buckets"]] == ["durable"]
    assert client.get_bucket_versioning(Bucket="durable")["Status"] == "Enabled"
    assert client.get_bucket_tagging(Bucket="durable")["TagSet"] == [{"Key": "k", "Value": "v"}]
    assert client.get_bucket_policy(Bucket="durable")["Policy"] == POLICY
    for key, (body, etag) in state["objects"].items():
        if key == "obj/0":
            continue
        got = client.get_object(Bucket="durable", Key=key)
        assert got["Body"].read() == body and got["ETag"] == etag and got["Metadata"]["i"] == key.split("/")[1]
    with pytest.raises(ClientError) as excinfo:
        client.get_object(Bucket="durable", Key="obj/0")
    assert failure(excinfo) == ("NoSuchKey", 404)
    versions = client.list_object_versions(Bucket="durable", Prefix="versioned")["Versions"]
    assert [v["VersionId"] for v in versions] == [state["v2"], state["v1"]]
    assert client.get_object(Bucket="durable", Key="versioned", VersionId=state["v1"])["Body"].read() == b"one"
    markers = client.list_object_versions(Bucket="durable", Prefix="obj/0")["DeleteMarkers"]
    assert [m["VersionId"] for m in markers] == [state["marker"]]
    done = client.get_object(Bucket="durable", Key="mp-done")
    assert done["ETag"] == state["mp_etag"] and done["Body"].read() == state["mp_body"]
    parts = client.list_parts(Bucket="durable", Key="mp-open", UploadId=state["open_upload"])["Parts"]
    assert [p["Size"] for p in parts] == [8]


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "kill-9"])
def test_state_survives_a_restart(spawn_emulator, tmp_path, stop_signal):
    state_dir = str(tmp_path / "state")
    first = spawn_emulator("--state-dir", state_dir)
    state = write_everything(make_client(first.endpoint))
    exit_status = first.stop(stop_signal)
    assert exit_status == (0 if stop_signal == signal.SIGTERM else -signal.SIGKILL)

    second = spawn_emulator("--state-dir", state_dir)
    client = make_client(second.endpoint)
    check_everything(client, state)
    # Still writable, and a second restart keeps what was written after the first.
    client.put_object(Bucket="durable", Key="after-restart", Body=b"still writable")
    client.abort_multipart_upload(Bucket="durable", Key="mp-open", UploadId=state["open_upload"])
    second.stop(signal.SIGKILL)
    third = spawn_emulator("--state-dir", state_dir)
    client = make_client(third.endpoint)
    assert client.get_object(Bucket="durable", Key="after-restart")["Body"].read() == b"still writable"
    assert "Uploads" not in client.list_multipart_uploads(Bucket="durable")


def test_kill_9_during_concurrent_writes_loses_no_acknowledged_write(spawn_emulator, tmp_path):
    state_dir = str(tmp_path / "state")
    first = spawn_emulator("--state-dir", state_dir)
    make_client(first.endpoint).create_bucket(Bucket="hammered")
    clients = [make_client(first.endpoint) for _ in range(16)]
    acknowledged: dict[str, str] = {}
    enough = threading.Event()

    def writer(index: int) -> None:
        for n in range(10_000):
            body = os.urandom(2048)
            try:
                clients[index].put_object(Bucket="hammered", Key=f"w{index}/{n}", Body=body)
            except (BotoCoreError, ClientError):
                return  # the server is gone: this write was never acknowledged
            acknowledged[f"w{index}/{n}"] = hashlib.md5(body).hexdigest()  # only after S3 answered 200
            if len(acknowledged) >= 300:
                enough.set()

    with ThreadPoolExecutor(16) as pool:
        running = [pool.submit(writer, i) for i in range(16)]
        assert enough.wait(60), "the writers did not get 300 writes acknowledged within 60s"
        first.stop(signal.SIGKILL)  # while the writers are still writing
        for future in running:
            future.result(timeout=60)

    second = spawn_emulator("--state-dir", state_dir)
    client = make_client(second.endpoint, max_pool_connections=16)

    def readable(item: tuple[str, str]) -> bool:
        key, digest = item
        got = client.get_object(Bucket="hammered", Key=key)
        return got["ETag"] == f'"{digest}"' and hashlib.md5(got["Body"].read()).hexdigest() == digest

    with ThreadPoolExecutor(16) as pool:
        assert all(pool.map(readable, list(acknowledged.items())))


def test_without_state_dir_nothing_survives(spawn_emulator):
    first = spawn_emulator()
    make_client(first.endpoint).create_bucket(Bucket="ephemeral")
    first.stop()
    second = spawn_emulator()
    assert make_client(second.endpoint).list_buckets()["Buckets"] == []
