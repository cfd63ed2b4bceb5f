#!/usr/bin/env python3
"""The same boto3 workload against one S3 endpoint: PUT then GET of 1 KiB objects, single-threaded and with 8
threads. Prints one JSON line of operations per second. Used by bench-s3-vs-moto.sh for both servers."""

from __future__ import annotations

import argparse
import json
import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config


def client(endpoint: str):
    return boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test",
        config=Config(s3={"addressing_style": "path"}, max_pool_connections=16, retries={"max_attempts": 1}),
    )


def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1)


def run(endpoint: str, count: int, threads: int) -> dict[str, float]:
    s3 = client(endpoint)
    bucket = f"bench-{uuid.uuid4().hex[:10]}"
    s3.create_bucket(Bucket=bucket)
    body = os.urandom(1024)
    keys = [f"k/{i}" for i in range(count)]
    s3.put_object(Bucket=bucket, Key="warmup", Body=body)
    s3.get_object(Bucket=bucket, Key="warmup")["Body"].read()

    def put(key):
        s3.put_object(Bucket=bucket, Key=key, Body=body)

    def get(key):
        s3.get_object(Bucket=bucket, Key=key)["Body"].read()

    results = {}
    for name, operation in (("put", put), ("get", get)):
        start = time.perf_counter()
        if threads == 1:
            for key in keys:
                operation(key)
        else:
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(operation, keys))
        results[f"{name}_per_s"] = rate(count, time.perf_counter() - start)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("endpoint")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=1)
    arguments = parser.parse_args()
    print(json.dumps(run(arguments.endpoint, arguments.count, arguments.threads)))


if __name__ == "__main__":
    main()
