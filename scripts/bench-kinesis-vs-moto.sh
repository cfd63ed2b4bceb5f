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

say() { printf '\n== %s\n' "$*"; }

say "tools"
pip_packages=()
python3 -c "import boto3" 2>/dev/null || pip_packages+=(boto3)
python3 -c "import moto.server, flask, flask_cors" 2>/dev/null || pip_packages+=("moto[server]")
if [ ${#pip_packages[@]} -gt 0 ]; then
    echo "installing ${pip_packages[*]} (pip)"
    if ! output=$(python3 -m pip install --quiet --disable-pip-version-check "${pip_packages[@]}" 2>&1); then
        if grep -q externally-managed-environment <<<"$output"; then
            python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "${pip_packages[@]}"
        else
            printf '%s\n' "$output" >&2
            exit 2
        fi
    fi
fi
echo "moto $(python3 -c 'import moto; print(moto.__version__)'); boto3 $(python3 -c 'import boto3; print(boto3.__version__)')"

if [ -n "${BRICKYARD_BIN:-}" ]; then
    binary="$BRICKYARD_BIN"
else
    binary=.build/release/brickyard
    if [ "$build" -eq 1 ]; then
        say "swift build -c release --product brickyard"
        swift build -c release --product brickyard
    fi
fi
[ -x "$binary" ] || { echo "no brickyard binary at $binary" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

say "starting brickyard ($binary) and moto_server"
"$binary" serve --host 127.0.0.1 --port 0 --log-level error >"$work/brickyard.out" 2>"$work/brickyard.err" &
pids+=($!)
moto_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
pids+=($!)
moto="http://127.0.0.1:$moto_port"
brickyard=""
for _ in $(seq 1 150); do
    [ -z "$brickyard" ] && brickyard=$(sed -n 's/^Brickyard emulator ready at \(http:[^ ]*\)$/\1/p' "$work/brickyard.out")
    if [ -n "$brickyard" ] && curl -s -o /dev/null "$moto/"; then break; fi
    sleep 0.2
done
[ -n "$brickyard" ] || { echo "brickyard did not print its ready line:" >&2; cat "$work/brickyard.err" >&2; exit 2; }
curl -s -o /dev/null "$moto/" || { echo "moto_server did not start:" >&2; cat "$work/moto.log" >&2; exit 2; }
echo "brickyard $brickyard, moto $moto"

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
