#!/usr/bin/env bash
# scripts/build-wheel.sh [--skip-build]: the `brickyard` wheel for Python teams, in .build/wheel/dist/.
#
#   1. swift build -c release --static-swift-stdlib --product brickyard (unless --skip-build): the Swift standard
#      library, Foundation and Dispatch linked in; what is left dynamic is the system's (glibc, libxml2, libcurl, ...)
#   2. stages the binary (stripped) and the resource bundles it loads (Brickyard_*.resources: the Gherkin dialects,
#      the AWS managed policies, the Databricks catalog) in .build/wheel/stage/, checks that no Swift runtime library
#      is left among its dynamic dependencies, and runs the staged copy from a folder of its own
#   3. builds the wheel with packaging/python/build_backend.py (the standard library only: no network, no build
#      tool), tagged for this machine (py3-none-linux_<arch>)
# Prints the wheel's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

skip_build=0
for argument in "$@"; do
    case "$argument" in
        --skip-build) skip_build=1 ;;
        -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "build-wheel.sh: unknown argument $argument" >&2; exit 2 ;;
    esac
done

flags=(-c release --static-swift-stdlib --product brickyard)
if [ "$skip_build" -eq 0 ]; then
    started=$SECONDS
    swift build "${flags[@]}"
    echo "release build: $((SECONDS - started)) s"
fi
bin_dir="$(swift build "${flags[@]}" --show-bin-path)"
binary="$bin_dir/brickyard"
[ -x "$binary" ] || { echo "build-wheel.sh: $binary is missing (drop --skip-build)" >&2; exit 1; }

out="$PWD/.build/wheel"
stage="$out/stage"
rm -rf "$stage"
mkdir -p "$stage" "$out/dist"
cp "$binary" "$stage/brickyard"
strip --strip-unneeded "$stage/brickyard" 2>/dev/null || true

# The bundles the binary names (its Bundle.module accessors look beside the executable first).
bundles=$(grep -aoE 'Brickyard_[A-Za-z0-9]+\.resources' "$binary" | sort -u)
[ -n "$bundles" ] || { echo "build-wheel.sh: the binary names no resource bundle" >&2; exit 1; }
for bundle in $bundles; do
    [ -d "$bin_dir/$bundle" ] || { echo "build-wheel.sh: $bin_dir/$bundle is missing" >&2; exit 1; }
    cp -R "$bin_dir/$bundle" "$stage/"
done
echo "staged: brickyard ($(du -h "$stage/brickyard" | cut -f1)), $(echo $bundles | tr '\n' ' ')"

# Only the system's libraries may be left dynamic.
libraries=$(ldd "$stage/brickyard" | awk '{print $1}')
needed=$(readelf -d "$stage/brickyard" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
echo "needs (direct): ${needed:-see ldd}; $(wc -l <<<"$libraries") libraries in all (ldd)"
if grep -E '^(libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libXCTest|libTesting)' \
    <<<"$libraries"; then
    echo "build-wheel.sh: a Swift runtime library is still dynamic (see above)" >&2
    exit 1
fi
if ldd "$stage/brickyard" | grep -q 'not found'; then
    ldd "$stage/brickyard" >&2
    echo "build-wheel.sh: a library the binary needs is missing on this machine" >&2
    exit 1
fi

# The staged copy, alone in a folder with no toolchain on PATH: its bundles, not the build folder's, must be found.
smoke="$(mktemp -d)"
trap 'rm -rf "$smoke"' EXIT
cp -R "$stage" "$smoke/bin"
printf '# language: fr\nFonctionnalité: Panier\n  Scénario: ajouter\n    Soit un panier vide\n' >"$smoke/panier.feature"
env -i PATH=/usr/bin:/bin HOME="$smoke" "$smoke/bin/brickyard" serve --help | grep -q -- '--port'
env -i PATH=/usr/bin:/bin HOME="$smoke" "$smoke/bin/brickyard" parse --no-source "$smoke/panier.feature" \
    | grep -q '"name":"Panier"'

python3 -B - "$stage" "$out/dist" <<'EOF'
import os, sys
sys.path.insert(0, "packaging/python")
os.environ["BRICKYARD_WHEEL_BIN_DIR"] = sys.argv[1]
import build_backend
name = build_backend.build_wheel(sys.argv[2])
print(os.path.join(sys.argv[2], name))
EOF
