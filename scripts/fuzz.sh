#!/usr/bin/env bash
# Builds the libFuzzer executable of Fuzz/Driver (every harness of Fuzz/Targets, -sanitize=fuzzer,address) and runs
# each fuzz target for SECONDS_PER_TARGET seconds (default 12) on a scratch copy of its corpus, Fuzz/Corpus/<target>/
# (the committed corpus never grows here). Prints, per target, the executions run and the crashes found; saves every
# crashing input to Fuzz/Crashers/<target>/ and exits non-zero when any target crashed.
#
#   scripts/fuzz.sh                 the short mode CI runs (13 targets x 12 s, about 3 minutes after the build)
#   scripts/fuzz.sh 600             the long mode: 10 minutes a target
#   FUZZ_TARGETS="xml cbor" scripts/fuzz.sh 60      some targets only
#   FUZZ_KEEP_GOING=1 scripts/fuzz.sh 600           go on after a crash (libFuzzer's -fork mode), saving them all
#
# The build has its own scratch path, .build-fuzz/ (a second build of every module it needs, instrumented).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-12}"
scratch="$PWD/.build-fuzz"
all_targets="xml s3-xml json cbor policy query auth chunked multipart databricks gherkin tag-expression"
all_targets+=" cucumber-expression"
targets="${FUZZ_TARGETS:-$all_targets}"

echo "building the fuzz targets (scratch path .build-fuzz)"
build_start=$SECONDS
# The build's output (thousands of warnings of the dependencies and the linker) is shown only when it fails.
build_log="$(mktemp)"
if ! nice -n 10 swift build --package-path Fuzz/Driver --scratch-path "$scratch" -c debug \
    -Xswiftc -sanitize=fuzzer,address --disable-build-manifest-caching --product brickyard-fuzz \
    >"$build_log" 2>&1; then
    grep -v "Cannot export local symbol" "$build_log" | grep -E "error|failed" | head -40 >&2
    tail -20 "$build_log" >&2
    rm -f "$build_log"
    echo "the fuzz build failed" >&2
    exit 1
fi
rm -f "$build_log"
binary="$scratch/debug/brickyard-fuzz"
[ -x "$binary" ] || { echo "the fuzz build left no $binary" >&2; exit 1; }
echo "built in $((SECONDS - build_start)) s"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failed=0
total_runs=0
printf '\n%-20s %12s %8s %8s\n' target executions crashes seconds
for target in $targets; do
    [ -d "Fuzz/Corpus/$target" ] || { echo "no corpus Fuzz/Corpus/$target" >&2; exit 1; }
    corpus="$work/corpus-$target"
    artifacts="$work/artifacts-$target/"
    mkdir -p "$corpus" "$artifacts"
    cp "Fuzz/Corpus/$target"/* "$corpus/"
    log="$work/$target.log"
    mode=()
    if [ -n "${FUZZ_KEEP_GOING:-}" ]; then mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1); fi
    start=$SECONDS
    status=0
    # SWIFT_BACKTRACE=enable=no: the Swift runtime's backtracer would read memory ASan reports, hiding the trap.
    BRICKYARD_FUZZ_TARGET="$target" ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" SWIFT_BACKTRACE=enable=no \
        nice -n 10 "$binary" "${mode[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" >"$log" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{sum += $2} END {print sum + 0}')
    crashes=0
    for artifact in "$artifacts"*; do
        [ -e "$artifact" ] || continue
        mkdir -p "Fuzz/Crashers/$target"
        cp "$artifact" "Fuzz/Crashers/$target/"
        crashes=$((crashes + 1))
    done
    total_runs=$((total_runs + runs))
    printf '%-20s %12s %8s %8s\n' "$target" "$runs" "$crashes" "$((SECONDS - start))"
    if [ "$crashes" -gt 0 ] || [ "$status" -ne 0 ]; then
        failed=1
        echo "---- $target: libFuzzer exited $status; inputs saved to Fuzz/Crashers/$target/; the end of its log:"
        grep -v "^#[0-9]" "$log" | tail -40
        echo "----"
    fi
done
printf '%-20s %12s\n' total "$total_runs"
if [ "$failed" -ne 0 ]; then
    echo "fuzzing found crashes, saved under Fuzz/Crashers/; replay one with" >&2
    echo "  BRICKYARD_FUZZ_TARGET=<target> SWIFT_BACKTRACE=enable=no $binary <file>" >&2
    exit 1
fi
echo "no crashes"
