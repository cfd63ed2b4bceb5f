#!/usr/bin/env bash
# Times the Gherkin parser (parse + pickles, in-process, release build) against the reference Python parser,
# gherkin-official, on the same corpus in one run, and prints the figures against the goal of the feature runner issue:
#   the conformance features and 1,000 generated scenarios (scripts/gherkin-corpus.py)   swift >= 20 x python
# Each side reads the files into memory once, does a warm-up pass, then N timed passes; the ratio is best against best.
# Exits 1 when the goal is missed (unless --no-fail), 2 on a usage or set-up error.
#
# usage: scripts/bench-gherkin-vs-python.sh [--no-fail] [--skip-build] [--iterations N] [--scenarios N]
#   --iterations  timed passes of each parser (default 10)   --scenarios  generated scenarios (default 1000)
#   --skip-build  use the existing Benchmarks/.build/release/GherkinBench
#   GHERKIN_BENCH_BIN=path  use that GherkinBench binary (no build)
# Installs what it needs when missing: gherkin-official (pip).
set -euo pipefail
cd "$(dirname "$0")/.."

fail=1
build=1
iterations=10
scenarios=1000
while [ $# -gt 0 ]; do
    case "$1" in
        --no-fail) fail=0 ;;
        --skip-build) build=0 ;;
        --iterations) iterations="${2:?--iterations needs a value}"; shift ;;
        --scenarios) scenarios="${2:?--scenarios needs a value}"; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$iterations" in ''|*[!0-9]*|0) echo "--iterations needs a number >= 1" >&2; exit 2 ;; esac

source scripts/bench-common.sh

say "tools"
pip_install_missing "gherkin.parser, gherkin.pickles.compiler=gherkin-official"
echo "gherkin-official $(python3 -c 'from importlib.metadata import version; print(version("gherkin-official"))');" \
    "$(python3 --version); $(swift --version 2>/dev/null | head -1)"

if [ -n "${GHERKIN_BENCH_BIN:-}" ]; then
    binary="$GHERKIN_BENCH_BIN"
else
    binary=Benchmarks/.build/release/GherkinBench
    if [ "$build" -eq 1 ]; then
        say "swift build -c release --product GherkinBench (in Benchmarks/)"
        (cd Benchmarks && swift build -c release --product GherkinBench)
    fi
fi
[ -x "$binary" ] || { echo "no GherkinBench binary at $binary (build it, or drop --skip-build)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say "corpus"
python3 scripts/gherkin-corpus.py "$work/corpus" --scenarios "$scenarios"

say "swift: parse + pickles, 1 warm-up pass, $iterations timed passes"
"$binary" "$work/corpus" "$iterations" --warmup 1 | tee "$work/swift.json"

say "python (gherkin-official): parse + pickles, 1 warm-up pass, $iterations timed passes"
python3 scripts/gherkinbench.py parse "$work/corpus" --iterations "$iterations" --warmup 1 --output "$work/python.json"

say "results"
if [ "$fail" -eq 1 ]; then
    python3 scripts/gherkinbench.py report "$work/swift.json" "$work/python.json"
else
    python3 scripts/gherkinbench.py report "$work/swift.json" "$work/python.json" --no-fail
fi
