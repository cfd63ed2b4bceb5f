#!/usr/bin/env python3
"""The client side of bench-s3-vs-moto.sh: the same workloads against any S3 endpoint, results as JSON lines.

  s3bench.py presign ENDPOINT            create a bucket and a 1 KiB object, check a SigV4 presigned GET of it
                                         answers 200 with the 1 KiB, and print that URL (valid for an hour)
  s3bench.py wrk URL [--duration S]      load URL with wrk (2 threads, 16 keep-alive connections) and print the
                                         requests per second; fail when any answer was not 2xx or a socket erred
  s3bench.py boto3 ENDPOINT [--count N] [--threads T]
                                         boto3 put_object then get_object of N 1 KiB objects on T threads (one client,
                                         shared); print the operations per second of each
  s3bench.py report RESULTS.jsonl [--no-fail]
                                         print the comparison table; exit 1 when a goal is missed (unless --no-fail)

With `--record RESULTS.jsonl --server NAME`, wrk and boto3 also append their figures to RESULTS.jsonl as
{"server": NAME, "name": ..., "value": ...} lines, which `report` reads.

Every server sees the same client code, so the ratios compare servers, not clients.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

OBJECT_SIZE = 1024


def s3_client(endpoint: str, signature_version: str | None = None):
    import boto3
    from botocore.config import Config

    extra = {"signature_version": signature_version} if signature_version else {}
    return boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test",
        config=Config(s3={"addressing_style": "path"}, max_pool_connections=16, retries={"max_attempts": 1}, **extra),
    )


# MARK: - presign


def presign(endpoint: str) -> str:
    import requests

    s3 = s3_client(endpoint, "s3v4")
    bucket = f"bench-presign-{uuid.uuid4().hex[:10]}"
    s3.create_bucket(Bucket=bucket)
    body = os.urandom(OBJECT_SIZE)
    s3.put_object(Bucket=bucket, Key="object-1k", Body=body)
    url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "object-1k"}, ExpiresIn=3600)
    check = requests.get(url, timeout=10)
    if check.status_code != 200 or check.content != body:
        raise SystemExit(f"the presigned URL answers {check.status_code} with {len(check.content)} bytes: {url}")
    return url


# MARK: - wrk


def run_wrk(url: str, duration: int, threads: int = 2, connections: int = 16) -> float:
    """Requests per second that wrk measured; raises when a single answer was not 2xx/3xx or a socket erred."""
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        raise SystemExit(f"wrk saw {match.group(1)} non-2xx answers from {url}:\n{output}")
    if match := re.search(r"Socket errors: (.*)", output):
        errors = dict((k, int(v)) for k, v in re.findall(r"(\w+) (\d+)", match.group(1)))
        if errors.get("read", 0) or errors.get("write", 0) or errors.get("connect", 0):
            raise SystemExit(f"wrk saw socket errors {errors} from {url}:\n{output}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match is None:
        raise SystemExit(f"no Requests/sec in wrk's output:\n{output}")
    return float(match.group(1))


# MARK: - boto3


def boto3_rates(endpoint: str, count: int, threads: int) -> dict[str, float]:
    s3 = s3_client(endpoint)
    bucket = f"bench-boto3-{uuid.uuid4().hex[:10]}"
    s3.create_bucket(Bucket=bucket)
    body = os.urandom(OBJECT_SIZE)
    keys = [f"k/{i:06}" for i in range(count)]
    for key in keys[:20]:  # warm the connection pool and the server
        s3.put_object(Bucket=bucket, Key=key, Body=body)
        s3.get_object(Bucket=bucket, Key=key)["Body"].read()

    def put(key: str) -> None:
        s3.put_object(Bucket=bucket, Key=key, Body=body)

    def get(key: str) -> None:
        if len(s3.get_object(Bucket=bucket, Key=key)["Body"].read()) != OBJECT_SIZE:
            raise SystemExit(f"GET {key} did not answer {OBJECT_SIZE} bytes")

    rates = {}
    for name, operation in (("put", put), ("get", get)):
        start = time.perf_counter()
        if threads == 1:
            for key in keys:
                operation(key)
        else:
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(operation, keys))
        rates[f"{name}_per_s"] = round(count / (time.perf_counter() - start), 1)
    return rates


# MARK: - report


@dataclass(frozen=True)
class Goal:
    workload: str
    server_key: str  # the measurement's name in the results
    factor: float  # brickyard must reach factor × moto


GOALS = [
    Goal("presigned GET 1 KiB, wrk 16 conns", "presigned_get", 20),
    Goal("boto3 put_object 1 KiB, 1 thread", "put_1", 1),
    Goal("boto3 get_object 1 KiB, 1 thread", "get_1", 1),
    Goal("boto3 put_object 1 KiB, 8 threads", "put_8", 1),
    Goal("boto3 get_object 1 KiB, 8 threads", "get_8", 1),
]


def machine() -> str:
    cpu = "unknown CPU"
    memory = "? GiB"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
        kib = int(re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {memory} RAM, {platform.system()} {platform.release()}"


def report(path: Path, fail: bool) -> int:
    results: dict[str, dict[str, float]] = {}
    for line in path.read_text().splitlines():
        if line.strip():
            entry = json.loads(line)
            results.setdefault(entry["server"], {})[entry["name"]] = entry["value"]
    brickyard, moto = results.get("brickyard", {}), results.get("moto", {})
    print(f"machine: {machine()}")
    print(f"{'workload (operations/s)':<36} {'brickyard':>11} {'moto':>9} {'ratio':>8} {'goal':>6}  result")
    missed = 0
    for goal in GOALS:
        b, m = brickyard.get(goal.server_key), moto.get(goal.server_key)
        if b is None or m is None or m == 0:
            print(f"{goal.workload:<36} {'-':>11} {'-':>9} {'-':>8} {goal.factor:>5g}x  NOT MEASURED")
            missed += 1
            continue
        ratio = b / m
        verdict = "PASS" if ratio >= goal.factor else "FAIL"
        missed += verdict == "FAIL"
        print(f"{goal.workload:<36} {b:>11,.0f} {m:>9,.0f} {ratio:>7.1f}x {goal.factor:>5g}x  {verdict}")
    if missed:
        print(f"{missed} goal(s) missed" + ("" if fail else " (not failing: --no-fail)"))
    return 1 if missed and fail else 0


# MARK: - command line


def record(path: Path | None, server: str | None, figures: dict[str, float]) -> None:
    if path is None:
        return
    with path.open("a") as results:
        for name, value in figures.items():
            results.write(json.dumps({"server": server, "name": name, "value": value}) + "\n")



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("presign")
    command.add_argument("endpoint")
    command = commands.add_parser("wrk")
    command.add_argument("url")
    command.add_argument("--duration", type=int, default=10)
    command = commands.add_parser("boto3")
    command.add_argument("endpoint")
    command.add_argument("--count", type=int, default=2000)
    command.add_argument("--threads", type=int, default=1)
    for name in ("wrk", "boto3"):
        commands.choices[name].add_argument("--record", type=Path, help="append the figures to this JSON lines file")
        commands.choices[name].add_argument("--server", help="the server's name in --record")
    command = commands.add_parser("report")
    command.add_argument("results", type=Path)
    command.add_argument("--no-fail", action="store_true")
    arguments = parser.parse_args()

    if arguments.command == "presign":
        print(presign(arguments.endpoint))
    elif arguments.command == "wrk":
        rate = run_wrk(arguments.url, arguments.duration)
        print(f"{rate:,.0f} requests/s")
        record(arguments.record, arguments.server, {"presigned_get": rate})
    elif arguments.command == "boto3":
        rates = boto3_rates(arguments.endpoint, arguments.count, arguments.threads)
        print(f"put {rates['put_per_s']:,.0f}/s, get {rates['get_per_s']:,.0f}/s")
        record(arguments.record, arguments.server,
               {f"put_{arguments.threads}": rates["put_per_s"], f"get_{arguments.threads}": rates["get_per_s"]})
    else:
        return report(arguments.results, fail=not arguments.no_fail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
