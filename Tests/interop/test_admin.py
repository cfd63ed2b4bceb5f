"""The emulator's own endpoints."""

import json
import urllib.request

from conftest import health


def test_health(endpoint):
    assert health(endpoint)["status"] == "ok"


def test_info_names_the_aws_endpoint_and_credentials(endpoint):
    with urllib.request.urlopen(f"{endpoint}/_brickyard/info") as response:
        info = json.loads(response.read())
    assert info["aws"] == {
        "endpoint": endpoint,
        "region": "us-east-1",
        "accountId": "000000000000",
        "accessKeyId": "test",
        "secretAccessKey": "test",
    }
