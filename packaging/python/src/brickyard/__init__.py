"""Brickyard for Python: the `brickyard` binary this wheel ships, and a running `brickyard serve` to test against.

    from brickyard import start_emulator

    with start_emulator() as emulator:          # `brickyard serve` on a free loopback port
        s3 = emulator.boto3_client("s3")
        s3.create_bucket(Bucket="my-bucket")
        emulator.reset()                        # forgets every resource

With pytest, the plugin of this package (registered as `brickyard`) gives the `emulator` fixture: see
`brickyard.pytest_plugin`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

__all__ = ["Emulator", "EmulatorError", "EmulatorProcess", "binary_path", "start_emulator", "__version__"]
__version__ = "0.1.0"

_READY = re.compile(r"Brickyard emulator ready at (http://\S+)")


class EmulatorError(RuntimeError):
    """`brickyard serve` did not start, stopped early, or an admin call failed."""


def binary_path() -> Path:
    """The `brickyard` binary: `$BRICKYARD_BIN` when set, else the one inside this package."""
    override = os.environ.get("BRICKYARD_BIN")
    path = Path(override) if override else Path(__file__).resolve().parent / "_bin" / "brickyard"
    if not path.is_file():
        raise EmulatorError(f"the brickyard binary is missing: {path}")
    return path


def _admin(endpoint: str, path: str, method: str = "GET", timeout: float = 10) -> dict:
    # Mutating admin calls need Content-Type: application/json (or X-Brickyard-Admin), and a loopback Host.
    request = urllib.request.Request(
        f"{endpoint}/_brickyard/{path}", method=method, data=b"{}" if method != "GET" else None,
        headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read() or b"{}")
    except OSError as error:
        raise EmulatorError(f"{method} /_brickyard/{path} on {endpoint} failed: {error}") from error


@dataclass(frozen=True)
class Emulator:
    """A running emulator: where it is and the credentials it accepts, read from `GET /_brickyard/info`."""

    endpoint: str
    region: str
    aws_account_id: str
    aws_access_key_id: str
    aws_secret_access_key: str
    databricks_host: str
    databricks_account_id: str
    databricks_token: str
    databricks_client_id: str
    databricks_client_secret: str
    info: Mapping[str, Any] = field(repr=False)

    @classmethod
    def connect(cls, endpoint: str) -> "Emulator":
        """The emulator at `endpoint` (`http://127.0.0.1:PORT`), from its `/_brickyard/info`."""
        endpoint = endpoint.rstrip("/")
        info = _admin(endpoint, "info")
        aws, databricks = info["aws"], info["databricks"]
        return cls(
            endpoint=endpoint,
            region=aws["region"],
            aws_account_id=aws["accountId"],
            aws_access_key_id=aws["accessKeyId"],
            aws_secret_access_key=aws["secretAccessKey"],
            databricks_host=databricks["accountHost"].rstrip("/") or endpoint,
            databricks_account_id=databricks["accountId"],
            databricks_token=databricks["token"],
            databricks_client_id=databricks["clientId"],
            databricks_client_secret=databricks["clientSecret"],
            info=info,
        )

    # MARK: admin

    def reset(self) -> None:
        """`POST /_brickyard/reset`: forgets every bucket, object, user, role, stream, workspace... and every fault."""
        _admin(self.endpoint, "reset", method="POST")

    def health(self) -> dict:
        return _admin(self.endpoint, "health")

    def current_info(self) -> dict:
        """`/_brickyard/info` now (its `databricks.workspaces` lists the running workspaces)."""
        return _admin(self.endpoint, "info")

    def advance_clock(self, seconds: float) -> dict:
        """Moves the emulator's clock (expiries, lifecycles) forward."""
        request = urllib.request.Request(
            f"{self.endpoint}/_brickyard/clock/advance", method="POST",
            data=json.dumps({"seconds": seconds}).encode(), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    # MARK: environments

    def aws_env(self) -> dict[str, str]:
        """The variables that point the AWS SDKs and CLI here (`AWS_ENDPOINT_URL`: botocore 1.31 and later)."""
        return {
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": self.aws_access_key_id,
            "AWS_SECRET_ACCESS_KEY": self.aws_secret_access_key,
            "AWS_DEFAULT_REGION": self.region,
            "AWS_REGION": self.region,
        }

    def databricks_env(self) -> dict[str, str]:
        """The variables databricks-sdk reads for the account host with the bootstrap token."""
        return {
            "DATABRICKS_HOST": self.databricks_host,
            "DATABRICKS_ACCOUNT_ID": self.databricks_account_id,
            "DATABRICKS_TOKEN": self.databricks_token,
        }

    # MARK: clients (boto3 and databricks-sdk are imported only when asked for)

    def boto3_session(self):
        import boto3

        return boto3.session.Session(
            aws_access_key_id=self.aws_access_key_id, aws_secret_access_key=self.aws_secret_access_key,
            region_name=self.region)

    def boto3_client(self, service: str, **kwargs):
        """A boto3 client for `service` here; S3 uses path-style addressing unless `config` says otherwise."""
        from botocore.config import Config

        if "config" not in kwargs and service == "s3":
            kwargs["config"] = Config(s3={"addressing_style": "path"})
        return self.boto3_session().client(service, endpoint_url=self.endpoint, **kwargs)

    def boto3_resource(self, service: str, **kwargs):
        from botocore.config import Config

        if "config" not in kwargs and service == "s3":
            kwargs["config"] = Config(s3={"addressing_style": "path"})
        return self.boto3_session().resource(service, endpoint_url=self.endpoint, **kwargs)

    def databricks_account_client(self, **kwargs):
        """A databricks-sdk `AccountClient` for the account host, as the bootstrap account admin (token)."""
        from databricks.sdk import AccountClient

        return AccountClient(host=self.databricks_host, account_id=self.databricks_account_id,
                             token=self.databricks_token, auth_type="pat", **kwargs)

    def databricks_workspace_client(self, workspace_url: str, **kwargs):
        """A databricks-sdk `WorkspaceClient` for a running workspace (its `workspace_url`), with the bootstrap token."""
        from databricks.sdk import WorkspaceClient

        return WorkspaceClient(host=workspace_url, token=self.databricks_token, auth_type="pat", **kwargs)


class EmulatorProcess:
    """A `brickyard serve` this process started on a free loopback port; `stop()` (or leaving `with`) ends it.

    The child is asked to die with its parent (Linux `PR_SET_PDEATHSIG`), so that even a test run killed with
    SIGKILL leaves no emulator behind.
    """

    def __init__(self, args: Sequence[str] = (), *, binary: str | os.PathLike | None = None,
                 host: str = "127.0.0.1", ready_timeout: float = 30, log_dir: str | os.PathLike | None = None):
        self.binary = Path(binary) if binary else binary_path()
        # A folder of our own is removed when the emulator stops cleanly; one that was given is kept.
        self._owns_log_dir = log_dir is None
        self.log_dir = Path(log_dir) if log_dir else Path(tempfile.mkdtemp(prefix="brickyard-serve-"))
        self.log_path = self.log_dir / "serve.log"
        self._stdout_path = self.log_dir / "serve.stdout"
        command = [str(self.binary), "serve", "--host", host, "--port", "0", *args]
        with self._stdout_path.open("wb") as stdout, self.log_path.open("wb") as stderr:
            try:
                self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr,
                                                preexec_fn=_die_with_parent if sys.platform == "linux" else None)
            except OSError as error:
                raise EmulatorError(f"cannot run {self.binary}: {error}") from error
        try:
            self.endpoint = self._wait_until_ready(ready_timeout)
            self.emulator = Emulator.connect(self.endpoint)
        except BaseException:
            self.stop()
            raise

    def _wait_until_ready(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            match = _READY.search(self._stdout_path.read_text(errors="replace"))
            if match:
                return match.group(1)
            if self.process.poll() is not None:
                raise EmulatorError(
                    f"brickyard serve exited {self.process.returncode} before it was ready; log:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise EmulatorError(f"brickyard serve was not ready within {timeout}s; log:\n{self.log_tail()}")
            time.sleep(0.02)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM, then SIGKILL after `timeout` seconds; returns the exit status (negative: a signal)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._owns_log_dir and self.process.returncode == 0:
            shutil.rmtree(self.log_dir, ignore_errors=True)
        return self.process.returncode

    def __enter__(self) -> Emulator:
        return self.emulator

    def __exit__(self, *exc_info) -> None:
        self.stop()


def start_emulator(args: Sequence[str] = (), **kwargs) -> EmulatorProcess:
    """Starts `brickyard serve --port 0 [args]` and waits for it: `with start_emulator() as emulator: ...`."""
    return EmulatorProcess(args, **kwargs)


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except Exception:
        pass
