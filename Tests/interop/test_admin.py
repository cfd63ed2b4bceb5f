"""The emulator's own endpoints: health, info, reset."""

import json
import urllib.request

from conftest import health, make_client, reset


def test_health(endpoint):
    assert health(endpoint)["status"] == "ok"


def test_info_names_the_aws_endpoint_and_credentials(endpoint):
    with urllib.request.urlopen(f"{endpoint}/_brickyard/info", timeout=5) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("application/json")
        info = json.loads(response.read())
    assert info["aws"] == {
        "endpoint": endpoint,
        "region": "us-east-1",
        "accountId": "000000000000",
        "accessKeyId": "test",
        "secretAccessKey": "test",
    }


def test_admin_endpoints_need_no_signature_and_reset_forgets_everything(spawn_emulator):
    # Its own emulator: a reset of the shared one would pull the rug from under other tests.
    emulator = spawn_emulator()
    s3 = make_client(emulator.endpoint)
    s3.create_bucket(Bucket="before-reset")
    s3.put_object(Bucket="before-reset", Key="k", Body=b"v")
    reset(emulator.endpoint)
    assert s3.list_buckets()["Buckets"] == []
    s3.create_bucket(Bucket="before-reset")  # the name is free again
    assert s3.list_objects_v2(Bucket="before-reset")["KeyCount"] == 0
    assert health(emulator.endpoint)["status"] == "ok"
