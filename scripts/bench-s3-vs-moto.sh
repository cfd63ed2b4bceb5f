#!/usr/bin/env bash
# Runs the same S3 workloads against brickyard (release build) and moto_server on this machine, in one run, and
# prints the ratios against the goals of the foundation issue:
#   presigned 1 KiB GETs, 16 keep-alive connections (wrk):  brickyard >= 20x moto
#   boto3 put_object / get_object of 1 KiB (1 and 8 threads): brickyard >= moto
# Usage: scripts/bench-s3-vs-moto.sh [--no-fail] [--duration SECONDS] [--count N]
set -euo pipefail
cd "$(dirname "$0")/.."

fail_on_miss=1
duration=10
count=2000
while [ $# -gt 0 ]; do
    case "$1" in
        --no-fail) fail_on_miss=0 ;;
        --duration) duration="$2"; shift ;;
        --count) count="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
python3 -c "import moto.server, flask, flask_cors" 2>/dev/null || python3 -m pip install --quiet "moto[server]"
swift build -c release --product brickyard >/dev/null

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

brickyard_out=$(mktemp)
.build/release/brickyard serve --port 0 --log-level error >"$brickyard_out" &
pids+=($!)
moto_port=$(free_port)
python3 -m moto.server -H 127.0.0.1 -p "$moto_port" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
    grep -q "ready at" "$brickyard_out" && curl -s "http://127.0.0.1:$moto_port/" >/dev/null && break
    sleep 0.2
done
brickyard=$(grep -o 'http://[^ ]*' "$brickyard_out")
moto="http://127.0.0.1:$moto_port"

wrk_rate() { wrk -t2 -c16 -d"${duration}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
json_field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "measuring presigned GETs with wrk (-t2 -c16 -d${duration}s) and boto3 workloads (${count} ops each)..."
b_presign=$(wrk_rate "$(python3 scripts/presign_url.py "$brickyard")")
m_presign=$(wrk_rate "$(python3 scripts/presign_url.py "$moto")")
b1=$(python3 scripts/bench_boto3.py "$brickyard" --count "$count" --threads 1)
m1=$(python3 scripts/bench_boto3.py "$moto" --count "$count" --threads 1)
b8=$(python3 scripts/bench_boto3.py "$brickyard" --count "$count" --threads 8)
m8=$(python3 scripts/bench_boto3.py "$moto" --count "$count" --threads 8)

status=0
row() {  # name brickyard moto goal
    local verdict
    verdict=$(python3 -c "import sys; b,m,g=map(float,sys.argv[1:]); print('PASS' if b >= g*m else 'FAIL')" "$2" "$3" "$4")
    ratio=$(python3 -c "import sys; b,m=map(float,sys.argv[1:]); print(f'{b/m:.1f}x')" "$2" "$3")
    printf '%-36s %12s %12s %8s %6sx %s\n' "$1" "$2" "$3" "$ratio" "$4" "$verdict"
    [ "$verdict" = PASS ] || status=1
}
printf '%-36s %12s %12s %8s %7s %s\n' "workload (ops/s)" "brickyard" "moto" "ratio" "goal" "result"
row "presigned GET 1 KiB, 16 connections" "$b_presign" "$m_presign" 20
row "boto3 put_object 1 KiB, 1 thread" "$(json_field "$b1" put_per_s)" "$(json_field "$m1" put_per_s)" 1
row "boto3 get_object 1 KiB, 1 thread" "$(json_field "$b1" get_per_s)" "$(json_field "$m1" get_per_s)" 1
row "boto3 put_object 1 KiB, 8 threads" "$(json_field "$b8" put_per_s)" "$(json_field "$m8" put_per_s)" 1
row "boto3 get_object 1 KiB, 8 threads" "$(json_field "$b8" get_per_s)" "$(json_field "$m8" get_per_s)" 1
if [ "$status" -ne 0 ] && [ "$fail_on_miss" -eq 1 ]; then exit 1; fi
