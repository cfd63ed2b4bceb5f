#!/usr/bin/env bash
# Puts `brickyard` on PATH from a clone: builds the release binary and installs it with its resources.
#
#   scripts/install.sh [PREFIX]      default PREFIX: ~/.local (so the command is ~/.local/bin/brickyard)
#
# The binary and its resource bundles go to PREFIX/lib/brickyard/, a link to it to PREFIX/bin/brickyard. Run it again
# to update; `rm -rf PREFIX/lib/brickyard PREFIX/bin/brickyard` removes it. BRICKYARD_CONFIGURATION=debug installs the
# debug build instead (what CI checks the script with, as the release build takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${1:-$HOME/.local}"
configuration="${BRICKYARD_CONFIGURATION:-release}"
case "$configuration" in
    release | debug) ;;
    *) echo "install.sh: BRICKYARD_CONFIGURATION is release or debug, not $configuration" >&2; exit 2 ;;
esac

swift build -c "$configuration" --product brickyard
bin_path="$(swift build -c "$configuration" --show-bin-path)"

mkdir -p "$prefix/lib/brickyard" "$prefix/bin"
rm -rf "$prefix/lib/brickyard.new"
mkdir "$prefix/lib/brickyard.new"
cp "$bin_path/brickyard" "$prefix/lib/brickyard.new/brickyard"
for bundle in "$bin_path"/*.resources; do
    [ -e "$bundle" ] || continue
    cp -R "$bundle" "$prefix/lib/brickyard.new/"
done
rm -rf "$prefix/lib/brickyard"
mv "$prefix/lib/brickyard.new" "$prefix/lib/brickyard"
ln -sfn "../lib/brickyard/brickyard" "$prefix/bin/brickyard"

echo "installed $prefix/bin/brickyard ($("$prefix/bin/brickyard" --version))"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "add it to PATH: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
