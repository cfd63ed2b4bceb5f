#!/usr/bin/env python3
"""The client side of bench-kinesis-vs-moto.sh: the Kinesis workloads of the Kinesis issue, results as JSON lines.

  kinesisbench.py raw ENDPOINT [--batches N] [--connections C]
        PutRecords of 500 records of 1 KiB, one signed request replayed N times over C keep-alive connections
        (the client does no per-request work, so the figure is the server's), then GetRecords draining the shard
        with Limit 10000, each request signed; prints records per second each way
  kinesisbench.py boto3 ENDPOINT [--batches N]
        the same with boto3 (put_records of 500 x 1 KiB, then get_records until drained), one thread
  kinesisbench.py report RESULTS.jsonl [--no-fail]
        the comparison table; exit 1 when a goal is missed (unless --no-fail)

With `--record RESULTS.jsonl --server NAME`, figures are appended as {"server", "name", "value"} lines.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import sys
import threading
import time
import urllib.parse
import uuid

RECORD_SIZE = 1024
BATCH = 500
ACCESS_KEY, SECRET_KEY, REGION = "test", "test", "us-east-1"


def record(path: str | None, server: str | None, name: str, value: float) -> None:
    print(f"{name}: {value:,.0f}")
    if path:
        with open(path, "a") as file:
            file.write(json.dumps({"server": server, "name": name, "value": value}) + "\n")


def boto3_client(endpoint: str):
    import boto3
    from botocore.config import Config
    return boto3.client("kinesis", endpoint_url=endpoint, region_name=REGION, aws_access_key_id=ACCESS_KEY,
                        aws_secret_access_key=SECRET_KEY, config=Config(retries={"max_attempts": 1}))


def new_stream(kinesis) -> str:
    name = f"bench-{uuid.uuid4().hex[:8]}"
    kinesis.create_stream(StreamName=name, ShardCount=1)
    deadline = time.monotonic() + 30
    while kinesis.describe_stream(StreamName=name)["StreamDescription"]["StreamStatus"] != "ACTIVE":
        if time.monotonic() > deadline:
            raise SystemExit("the stream never became ACTIVE")
        time.sleep(0.1)
    return name


def batch_records() -> list[dict]:
    return [{"Data": os.urandom(RECORD_SIZE), "PartitionKey": f"key-{i}"} for i in range(BATCH)]


def signed_request(endpoint: str, operation: str, body: bytes) -> tuple[str, dict]:
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    request = AWSRequest(method="POST", url=endpoint + "/", data=body, headers={
        "X-Amz-Target": f"Kinesis_20131202.{operation}", "Content-Type": "application/x-amz-json-1.1"})
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "kinesis", REGION).add_auth(request)
    return endpoint, dict(request.headers)


def raw(args) -> None:
    kinesis = boto3_client(args.endpoint)
    name = new_stream(kinesis)
    import base64
    body = json.dumps({"StreamName": name, "Records": [
        {"Data": base64.b64encode(r["Data"]).decode(), "PartitionKey": r["PartitionKey"]} for r in batch_records()]
    }).encode()
    _, headers = signed_request(args.endpoint, "PutRecords", body)
    host = urllib.parse.urlparse(args.endpoint)
    failures = []
    per_connection = args.batches // args.connections

    def put_worker() -> None:
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
        for _ in range(per_connection):
            connection.request("POST", "/", body=body, headers=headers)
            answer = connection.getresponse()
            content = answer.read()
            if answer.status != 200 or b'"FailedRecordCount":0' not in content:
                failures.append(content[:200])
                return

    threads = [threading.Thread(target=put_worker) for _ in range(args.connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"PutRecords failed: {failures[0]!r}")
    total = per_connection * args.connections * BATCH
    record(args.record, args.server, "raw PutRecords records/s", total / elapsed)

    iterator = kinesis.get_shard_iterator(StreamName=name, ShardId="shardId-000000000000",
                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    read = 0
    started = time.perf_counter()
    while read < total:
        request_body = json.dumps({"ShardIterator": iterator, "Limit": 10000}).encode()
        _, headers = signed_request(args.endpoint, "GetRecords", request_body)
        connection.request("POST", "/", body=request_body, headers=headers)
        answer = connection.getresponse()
        content = answer.read()
        if answer.status != 200:
            raise SystemExit(f"GetRecords failed: {content[:200]!r}")
        count = content.count(b'"SequenceNumber"')
        if count == 0:
            break
        read += count
        iterator = re.search(rb'"NextShardIterator":"([^"]+)"', content).group(1).decode()
    elapsed = time.perf_counter() - started
    if read != total:
        raise SystemExit(f"GetRecords drained {read} records of {total}")
    record(args.record, args.server, "raw GetRecords records/s", read / elapsed)


def with_boto3(args) -> None:
    kinesis = boto3_client(args.endpoint)
    name = new_stream(kinesis)
    records = batch_records()
    started = time.perf_counter()
    for _ in range(args.batches):
        answer = kinesis.put_records(StreamName=name, Records=records)
        if answer["FailedRecordCount"]:
            raise SystemExit("put_records failed")
    elapsed = time.perf_counter() - started
    total = args.batches * BATCH
    record(args.record, args.server, "boto3 put_records records/s", total / elapsed)
    iterator = kinesis.get_shard_iterator(StreamName=name, ShardId="shardId-000000000000",
                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    read = 0
    started = time.perf_counter()
    while read < total:
        answer = kinesis.get_records(ShardIterator=iterator, Limit=10000)
        if not answer["Records"]:
            break
        read += len(answer["Records"])
        iterator = answer["NextShardIterator"]
    elapsed = time.perf_counter() - started
    if read != total:
        raise SystemExit(f"get_records drained {read} records of {total}")
    record(args.record, args.server, "boto3 get_records records/s", read / elapsed)


GOALS = [
    ("raw PutRecords records/s", "absolute", 100_000),
    ("raw GetRecords records/s", "absolute", 100_000),
    ("boto3 put_records records/s", "ratio", 10),
    ("boto3 get_records records/s", "ratio", 10),
]


def report(args) -> None:
    figures: dict[tuple[str, str], float] = {}
    with open(args.results) as file:
        for line in file:
            entry = json.loads(line)
            figures[(entry["server"], entry["name"])] = entry["value"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"{'workload':32} {'brickyard':>12} {'moto':>12} {'ratio':>8} {'goal':>10}")
    missed = []
    for name, kind, goal in GOALS:
        ours = figures.get(("brickyard", name))
        theirs = figures.get(("moto", name))
        ratio = ours / theirs if ours and theirs else None
        shown_goal = f">= {goal:,}" if kind == "absolute" else f">= {goal}x"
        print(f"{name:32} {ours or 0:>12,.0f} {theirs or 0:>12,.0f} {ratio or 0:>7.1f}x {shown_goal:>10}")
        value = ours if kind == "absolute" else ratio
        if value is None or value < goal:
            missed.append(name)
    if missed:
        print(f"missed: {', '.join(missed)}")
        if not args.no_fail:
            sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for command in ("raw", "boto3"):
        sub = commands.add_parser(command)
        sub.add_argument("endpoint")
        sub.add_argument("--batches", type=int, default=200)
        sub.add_argument("--connections", type=int, default=4)
        sub.add_argument("--record")
        sub.add_argument("--server")
    sub = commands.add_parser("report")
    sub.add_argument("results")
    sub.add_argument("--no-fail", action="store_true")
    args = parser.parse_args()
    {"raw": raw, "boto3": with_boto3, "report": report}[args.command](args)


if __name__ == "__main__":
    main()
