# Shared by the bench-*-vs-moto.sh scripts (source it): installing what a benchmark needs, building brickyard, and
# starting brickyard and moto_server side by side on free loopback ports.

say() { printf '\n== %s\n' "$*"; }

# pip_install_missing MODULE=PACKAGE...: installs the packages whose module does not import.
pip_install_missing() {
    local pair packages=()
    for pair in "$@"; do
        python3 -c "import ${pair%%=*}" 2>/dev/null || packages+=("${pair#*=}")
    done
    [ ${#packages[@]} -eq 0 ] && return 0
    echo "installing ${packages[*]} (pip)"
    local output
    if ! output=$(python3 -m pip install --quiet --disable-pip-version-check "${packages[@]}" 2>&1); then
        if grep -q externally-managed-environment <<<"$output"; then  # a Debian system Python (PEP 668)
            python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "${packages[@]}"
        else
            printf '%s\n' "$output" >&2
            exit 2
        fi
    fi
}

# brickyard_binary BUILD(1|0): prints the binary to benchmark ($BRICKYARD_BIN, or the release build, built when asked).
brickyard_binary() {
    local binary
    if [ -n "${BRICKYARD_BIN:-}" ]; then
        binary="$BRICKYARD_BIN"
    else
        binary=.build/release/brickyard
        if [ "$1" -eq 1 ]; then
            say "swift build -c release --product brickyard" >&2
            swift build -c release --product brickyard >&2
        fi
    fi
    [ -x "$binary" ] || { echo "no brickyard binary at $binary" >&2; exit 2; }
    echo "$binary"
}

# start_servers BINARY: starts brickyard and moto_server; sets $brickyard, $moto and $work, stops both on exit.
start_servers() {
    local binary="$1"
    work=$(mktemp -d)
    pids=()
    trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
          for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
          rm -rf "$work"' EXIT
    say "starting brickyard ($binary) and moto_server"
    "$binary" serve --host 127.0.0.1 --port 0 --log-level error >"$work/brickyard.out" 2>"$work/brickyard.err" &
    pids+=($!)
    local moto_port
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
}
