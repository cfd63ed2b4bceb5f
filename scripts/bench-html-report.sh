#!/usr/bin/env bash
# The HTML report of a 1,000-scenario run (three S3 steps each, against the in-process emulator): its size, the size
# of what goes beside it, and how long headless Chromium takes to load and render it, next to an empty page.
#   scripts/bench-html-report.sh [SCENARIOS]      (needs .build/debug/brickyard or $BRICKYARD_BIN, and chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
brickyard="${BRICKYARD_BIN:-$PWD/.build/debug/brickyard}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
    echo "Feature: many"
    echo "  Scenario Outline: bucket <n>"
    echo '    Given an S3 bucket "b<n>"'
    echo '    When I put object "k" into bucket "b<n>" with content "v<n>"'
    echo '    Then bucket "b<n>" has object "k" with content "v<n>"'
    echo "    Examples:"
    echo "      | n |"
    for i in $(seq 1 "$count"); do echo "      | $i |"; done
} > "$work/many.feature"
(cd "$work" && "$brickyard" run many.feature --parallel 8 --format progress:progress.txt --format html:out/index.html)
tail -3 "$work/progress.txt"
page=$(stat -c %s "$work/out/index.html")
beside=$(du -sb "$work/out/index-files" | cut -f1)
echo "page: $page bytes; beside it: $beside bytes in $(ls "$work/out/index-files" | wc -l) files"
load() { /usr/bin/time -f "%e" timeout 120 chromium --headless --no-sandbox --disable-gpu --dump-dom "$1" 2>&1 >/dev/null | tail -1; }
for run in 1 2 3; do
    echo "chromium, load and render: $(load "file://$work/out/index.html") s (an empty page: $(load 'data:text/html,<p>x</p>') s)"
done
