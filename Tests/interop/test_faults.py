"""Fault injection (`/_brickyard/faults`): boto3's own retries get through injected S3 503 SlowDown and IAM
throttling; latency is added; rules are listed with their hits and removed."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from conftest import failure, unique_name
from s3wire import ACCESS_KEY, REGION, SECRET_KEY


def admin(endpoint: str, method: str, path: str = "", body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{endpoint}/_brickyard/faults{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(autouse=True)
def clean(endpoint):
    admin(endpoint, "DELETE")
    yield
    admin(endpoint, "DELETE")


def client(endpoint: str, service: str, attempts: int):
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION, aws_access_key_id=ACCESS_KEY,
                        aws_secret_access_key=SECRET_KEY,
                        config=Config(s3={"addressing_style": "path"},
                                      retries={"max_attempts": attempts, "mode": "standard"}))


def test_boto3_retries_through_s3_slow_down(endpoint):
    s3 = client(endpoint, "s3", attempts=4)
    bucket = unique_name("faults")
    s3.create_bucket(Bucket=bucket)
    rule = admin(endpoint, "POST", body={"service": "s3", "operation": "PutObject", "count": 2,
                                         "error": {"status": 503, "code": "SlowDown", "retryAfter": 0}})
    answer = s3.put_object(Bucket=bucket, Key="k", Body=b"payload")
    assert answer["ResponseMetadata"]["RetryAttempts"] == 2
    assert s3.get_object(Bucket=bucket, Key="k")["Body"].read() == b"payload"
    listed = admin(endpoint, "GET")["faults"]
    assert [(f["id"], f["hits"], f["remaining"]) for f in listed] == [(rule["id"], 2, 0)]


def test_without_retries_the_error_is_s3s(endpoint):
    s3 = client(endpoint, "s3", attempts=1)
    admin(endpoint, "POST", body={"service": "s3", "operation": "ListBuckets",
                                  "error": {"status": 503, "code": "SlowDown", "message": "Please reduce your request rate."}})
    with pytest.raises(ClientError) as error:
        s3.list_buckets()
    assert failure(error) == ("SlowDown", 503)
    assert error.value.response["Error"]["Message"] == "Please reduce your request rate."


def test_boto3_retries_through_iam_throttling(endpoint):
    iam = client(endpoint, "iam", attempts=3)
    admin(endpoint, "POST", body={"service": "iam", "operation": "ListRoles", "count": 1,
                                  "error": {"status": 400, "code": "Throttling", "message": "Rate exceeded"}})
    answer = iam.list_roles()
    assert answer["ResponseMetadata"]["RetryAttempts"] == 1


def test_latency_is_added(endpoint):
    s3 = client(endpoint, "s3", attempts=1)
    admin(endpoint, "POST", body={"service": "s3", "operation": "ListBuckets", "latencyMs": 300, "count": 1})
    start = time.monotonic()
    s3.list_buckets()
    assert time.monotonic() - start >= 0.3


def test_bad_rules_are_refused(endpoint):
    with pytest.raises(urllib.error.HTTPError) as error:
        admin(endpoint, "POST", body={"service": "s3"})
    assert error.value.code == 400


def test_databricks_sdk_retries_through_429_and_503_on_the_account_api(endpoint):
    from databricks_setup import account_client

    account = account_client(endpoint)
    account.credentials.list()  # authenticate first, so that only the API call meets the faults
    throttled = admin(endpoint, "POST", body={"service": "databricks", "path": "/api/2.0/accounts/*/credentials",
                                              "count": 1, "error": {"status": 429, "code": "REQUEST_LIMIT_EXCEEDED",
                                                                    "retryAfter": 1}})
    unavailable = admin(endpoint, "POST", body={"service": "databricks", "operation": "GET credentials", "count": 1,
                                                "error": {"status": 503, "code": "TEMPORARILY_UNAVAILABLE",
                                                          "retryAfter": 1}})
    assert isinstance(account.credentials.list(), list)
    hits = {rule["id"]: rule["hits"] for rule in admin(endpoint, "GET")["faults"]}
    assert hits[throttled["id"]] == 1 and hits[unavailable["id"]] == 1


def test_databricks_faults_answer_in_databricks_json(endpoint):
    admin(endpoint, "POST", body={"service": "databricks", "path": "/api/2.0/accounts/*/networks",
                                  "error": {"status": 400, "code": "INVALID_STATE", "message": "injected"}})
    from databricks_setup import info
    token = info(endpoint)["token"]
    account_id = info(endpoint)["accountId"]
    request = urllib.request.Request(f"{endpoint}/api/2.0/accounts/{account_id}/networks",
                                     headers={"Authorization": f"Bearer {token}"})
    try:
        urllib.request.urlopen(request, timeout=10)
        pytest.fail("the fault was not injected")
    except urllib.error.HTTPError as error:
        assert error.code == 400
        assert json.loads(error.read()) == {"error_code": "INVALID_STATE", "message": "injected"}
