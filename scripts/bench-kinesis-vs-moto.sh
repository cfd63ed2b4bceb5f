#!/usr/bin/env bash
# Runs the Kinesis workloads of the Kinesis issue against brickyard (release build) and moto_server on this machine,
# in one run, and prints the figures against the goals:
#   (a) PutRecords of 500 x 1 KiB and GetRecords draining them, raw HTTP   brickyard >= 100,000 records/s each way
#   (b) the same with boto3, one thread                                    brickyard >= 10 x moto_server each way
# Exits 1 when a goal is missed (unless --no-fail), 2 on a usage or set-up error.
#
# usage: scripts/bench-kinesis-vs-moto.sh [--no-fail] [--batches N] [--skip-build]
#   --batches  PutRecords calls of 500 records per workload (default 200)
#   --skip-build  use the existing .build/release/brickyard  BRICKYARD_BIN=path  use that binary (no build)
# Installs what it needs when missing: moto[server], boto3 (pip).
set -euo pipefail
cd "$(dirname "$0")/.."

fail=1
batches=200
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --no-fail) fail=0 ;;
        --batches) batches="${2:?--batches needs a value}"; shift ;;
        --skip-build) build=0 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

source scripts/bench-common.sh

say "tools"
pip_install_missing boto3=boto3 "moto.server, flask, flask_cors=moto[server]"
echo "moto $(python3 -c 'import moto; print(moto.__version__)'); boto3 $(python3 -c 'import boto3; print(boto3.__version__)')"
binary=$(brickyard_binary "$build")
start_servers "$binary"

results="$work/results.jsonl"
say "brickyard: raw HTTP, $batches x PutRecords of 500 x 1 KiB, then GetRecords"
python3 scripts/kinesisbench.py raw "$brickyard" --batches 20 >/dev/null  # warm-up, not recorded
python3 scripts/kinesisbench.py raw "$brickyard" --batches "$batches" --record "$results" --server brickyard
for server in brickyard moto; do
    endpoint=${!server}
    say "$server: boto3, $batches x put_records of 500 x 1 KiB, then get_records"
    python3 scripts/kinesisbench.py boto3 "$endpoint" --batches "$batches" --record "$results" --server "$server"
done

say "results"
if [ "$fail" -eq 1 ]; then
    python3 scripts/kinesisbench.py report "$results"
else
    python3 scripts/kinesisbench.py report "$results" --no-fail
fi
