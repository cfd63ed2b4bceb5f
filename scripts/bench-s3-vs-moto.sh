#!/usr/bin/env bash
# Runs the same S3 workloads against brickyard (release build) and moto_server on this machine, in one run, and prints
# the ratios against the goals of the foundation issue:
#   (a) presigned 1 KiB GETs (SigV4, valid 1 h), wrk -t2 -c16 (16 keep-alive connections)  brickyard >= 20 x moto
#   (b) boto3 put_object and get_object of 1 KiB objects, N each, 1 thread and 8 threads     brickyard >= moto
# Exits 1 when a goal is missed (unless --no-fail), 2 on a usage or set-up error.
#
# usage: scripts/bench-s3-vs-moto.sh [--no-fail] [--duration SECONDS] [--count N] [--skip-build]
#   --duration  seconds of each wrk run (default 10)       --count  boto3 objects per workload (default 2000)
#   --skip-build  use the existing .build/release/brickyard  BRICKYARD_BIN=path  use that binary (no build)
# Installs what it needs when missing: wrk (apt) and moto[server], boto3, requests (pip).
set -euo pipefail
cd "$(dirname "$0")/.."

fail=1
duration=10
count=2000
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --no-fail) fail=0 ;;
        --duration) duration="${2:?--duration needs a value}"; shift ;;
        --count) count="${2:?--count needs a value}"; shift ;;
        --skip-build) build=0 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

source scripts/bench-common.sh

say "tools"
if ! command -v wrk >/dev/null; then
    echo "installing wrk (apt)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
pip_install_missing boto3=boto3 requests=requests "moto.server, flask, flask_cors=moto[server]"
echo "$(wrk --version 2>&1 | head -1); moto $(python3 -c 'import moto; print(moto.__version__)'); boto3 $(python3 -c 'import boto3; print(boto3.__version__)')"
binary=$(brickyard_binary "$build")
start_servers "$binary"

# MARK: - the workloads, the same client code against each

results="$work/results.jsonl"
for server in brickyard moto; do
    endpoint=${!server}
    say "$server: presigned GET 1 KiB, wrk -t2 -c16 -d${duration}s"
    url=$(python3 scripts/s3bench.py presign "$endpoint")
    python3 scripts/s3bench.py wrk "$url" --duration 2 >/dev/null  # warm-up, not recorded
    python3 scripts/s3bench.py wrk "$url" --duration "$duration" --record "$results" --server "$server"
    for threads in 1 8; do
        say "$server: boto3 put_object/get_object 1 KiB x $count, $threads thread(s)"
        python3 scripts/s3bench.py boto3 "$endpoint" --count "$count" --threads "$threads" --record "$results" --server "$server"
    done
done

say "results"
if [ "$fail" -eq 1 ]; then
    python3 scripts/s3bench.py report "$results"
else
    python3 scripts/s3bench.py report "$results" --no-fail
fi
