"""The `brickyard` command of the wheel: replaces this Python process with the bundled binary (same arguments,
same signals, same exit status)."""

from __future__ import annotations

import os
import sys

from brickyard import EmulatorError, binary_path


def main() -> None:
    try:
        binary = str(binary_path())
    except EmulatorError as error:
        sys.exit(f"brickyard: {error}")
    # The commands Brickyard prints back (replays, clean-up hints) name the command that was typed, not the bundled
    # binary's path inside site-packages.
    os.environ.setdefault("BRICKYARD_COMMAND", "brickyard")
    try:
        os.execv(binary, [binary, *sys.argv[1:]])
    except OSError as error:
        sys.exit(f"brickyard: cannot run {binary}: {error}")


if __name__ == "__main__":
    main()
