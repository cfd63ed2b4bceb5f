"""The emulator process: starts `brickyard serve` on a free loopback port (or uses an `--endpoint`), tells whether
it is alive and healthy, and stops it (SIGTERM, then SIGKILL; SIGKILL too if the fuzzer itself dies)."""

from __future__ import annotations

import ctypes
import re
import select
import signal
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

from .request import Wire
from .transport import Outcome, exchange


def _die_with_parent() -> None:
    """Linux: the emulator gets SIGKILL if the fuzzer dies without its `finally` (kill -9)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Server:
    """A `brickyard serve` this fuzzer started on 127.0.0.1 with a free port, or an endpoint given from outside."""

    def __init__(self, binary: str | None, endpoint: str | None, log_directory: Path):
        self.binary = binary
        self.external = endpoint
        self.log_directory = log_directory
        self.process: subprocess.Popen | None = None
        self.log_path: Path | None = None
        self.endpoint = endpoint
        self.starts = 0

    @property
    def address(self) -> tuple[str, int]:
        parts = urlsplit(self.endpoint)
        return parts.hostname, parts.port

    def start(self) -> None:
        if self.external:
            return
        self.starts += 1
        self.log_path = self.log_directory / f"serve-{self.starts}.log"
        with self.log_path.open("wb") as stderr:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--host", "127.0.0.1", "--port", "0"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr, text=True,
                preexec_fn=_die_with_parent)
        deadline, line = time.monotonic() + 60, ""
        while time.monotonic() < deadline and self.process.poll() is None:
            if select.select([self.process.stdout], [], [], 0.2)[0]:
                line = self.process.stdout.readline()
                break
        match = re.fullmatch(r"Brickyard emulator ready at (http://127\.0\.0\.1:\d+)\n", line)
        if match is None:
            self.stop()
            raise RuntimeError(f"brickyard serve printed {line!r}, not its ready line:\n{self.log_tail()}")
        self.endpoint = match.group(1)

    def alive(self) -> bool:
        return self.process is None or self.process.poll() is None

    def settle(self) -> None:
        """Waits up to a second for a dying process to be reaped: it closes its sockets a moment before."""
        for _ in range(20):
            if not self.alive():
                break
            time.sleep(0.05)

    def get(self, path: str, timeout: float) -> Outcome:
        """An unsigned GET, as the admin API takes it (`/_brickyard/info`, `/_brickyard/health`)."""
        host, port = self.address
        return exchange(self.address, Wire("GET", path, [("Host", f"{host}:{port}")], b""), timeout)

    def healthy(self, timeout: float) -> bool:
        return self.get("/_brickyard/health", timeout).kind == "response"

    def restart(self) -> None:
        if self.external:
            raise RuntimeError("the server at --endpoint stopped answering; cannot restart it")
        self.stop()
        self.start()

    def returncode(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        self.process = None

    def log_tail(self, lines: int = 40) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
