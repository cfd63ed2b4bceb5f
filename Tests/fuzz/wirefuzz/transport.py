"""The socket: one request on a fresh connection, one answer read (skipping 1xx), all within a timeout."""

from __future__ import annotations

import re
import socket
import time
from dataclasses import dataclass, field

from .request import Wire


@dataclass
class Outcome:
    kind: str  # response, timeout, closed, reset, refused
    status: int | None = None
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    elapsed: float = 0.0

    def describe(self) -> str:
        if self.kind == "response":
            return f"{self.status} {self.body[:300].decode('utf-8', 'replace')!r}"
        return f"{self.kind} after {self.elapsed:.2f}s" + (f" (status {self.status})" if self.status else "")


def exchange(address: tuple[str, int], wire: Wire, timeout: float) -> Outcome:
    """Sends one request on a fresh connection and reads one answer (skipping 1xx), all within `timeout`."""
    started = time.monotonic()
    deadline = started + timeout

    def done(kind, status=None, headers=None, body=b""):
        return Outcome(kind, status, headers or {}, body, time.monotonic() - started)

    try:
        sock = socket.create_connection(address, timeout=timeout)
    except ConnectionRefusedError:
        return done("refused")
    except OSError:
        return done("timeout")
    buffer = bytearray()

    def fill(enough) -> str | None:
        """Receives into `buffer` until `enough(buffer)`: None then, else "timeout" or "eof"."""
        while not enough(buffer):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "timeout"
            sock.settimeout(remaining)
            try:
                data = sock.recv(65536)
            except socket.timeout:
                return "timeout"
            if not data:
                return "eof"
            buffer.extend(data)
        return None

    def finish(ended: str | None, body) -> Outcome:
        """The answer, or a timeout if it stopped coming; a body the connection cut short is kept as it is."""
        if ended == "timeout":
            return done("timeout", status, headers)
        return done("response", status, headers, bytes(body))

    try:
        try:
            sock.sendall(wire.encode())
            if wire.half_close:
                sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may answer (413, 400) and close before it read everything
        while True:
            ended = fill(lambda data: b"\r\n\r\n" in data)
            if ended:
                return done("timeout" if ended == "timeout" else "closed")
            head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            match = re.match(rb"HTTP/1\.[01] (\d{3})", lines[0])
            if match is None:
                return done("closed", body=head[:200])
            status = int(match.group(1))
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                headers[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
            buffer[:] = rest
            if not 100 <= status < 200:
                break
        if wire.method == "HEAD" or status in (204, 304):
            return finish(None, b"")
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = bytearray()
            while True:
                ended = fill(lambda data: b"\r\n" in data)
                if ended:
                    return finish(ended, body)
                line, _, rest = bytes(buffer).partition(b"\r\n")
                try:
                    size = int(line.split(b";")[0].strip() or b"0", 16)
                except ValueError:  # not a chunk size: the answer is malformed, which ends the exchange
                    return done("closed", status, headers, bytes(body))
                buffer[:] = rest
                ended = fill(lambda data: len(data) >= size + 2)
                if ended or size == 0:
                    return finish(ended, body)
                body += buffer[:size]
                del buffer[:size + 2]
        length = headers.get("content-length")
        if length is not None and length.isdigit():
            return finish(fill(lambda data: len(data) >= int(length)), buffer)
        return finish(fill(lambda data: False), buffer)  # no length: the body ends with the connection
    except ConnectionResetError:
        return done("reset")
    except OSError:
        return done("closed")
    finally:
        sock.close()
