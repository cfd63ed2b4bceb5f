"""Fixtures for the interop suite: a running `brickyard serve`, boto3 clients, an AWS CLI runner, fresh buckets.

The suite starts its own emulator (`.build/debug/brickyard`, or `$BRICKYARD_BIN`) on a free port, or uses the one at
`$BRICKYARD_ENDPOINT` when set. Every expectation is what real S3 answers (botocore's service model and the AWS
documentation), never what another emulator happens to do.

Sections run alone by marker (`-m auth`, `-m "not persistence"`): each test module is marked with its section, the
name after `test_` (and `test_s3_`), so `test_s3_multipart.py` is `-m multipart`.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

from s3wire import ACCESS_KEY, REGION, SECRET_KEY

ROOT = Path(__file__).resolve().parents[2]
LOG_DIRECTORY = Path(tempfile.mkdtemp(prefix="brickyard-interop-"))  # emulator logs; kept only when a test failed
SECTIONS = {
    "admin": "the /_brickyard admin endpoints",
    "addressing": "path and virtual-hosted style",
    "auth": "signatures and their errors",
    "bad_input": "malformed requests over raw sockets",
    "buckets": "buckets and their configuration",
    "chunked": "aws-chunked uploads (signed chunks, unsigned with trailer)",
    "cli": "the AWS CLI",
    "cli_iam": "the Databricks instance-profile setup with the AWS CLI",
    "cli_kinesis": "Kinesis with the AWS CLI",
    "enforcement": "IAM policies enforced on S3, IAM and STS requests",
    "faults": "injected errors and latency (/_brickyard/faults) and the clients' retries",
    "html_report": "the HTML report rendered by headless Chromium (Debian's package)",
    "redaction": "no secret in any report, console line or published object",
    "report_formats": "every format from one run, read by jsonschema (Cucumber JSON) and junitparser (JUnit)",
    "runner": "brickyard run, steps and sweep: the in-process and --emulator targets, the live target against a stand-in",
    "gherkin": "brickyard parse against the reference Python parser (gherkin-official) on a generated corpus",
    "kinesis": "Kinesis streams, shards and records over JSON 1.1 (boto3) and CBOR 1.1",
    "iam": "IAM users, roles, policies, instance profiles and simulation",
    "sts": "STS: caller identity, AssumeRole with trust policies and external ids, temporary credentials",
    "concurrency": "many clients at once",
    "databricks": "databricks-sdk: account provisioning validated against the emulated AWS, workspace APIs",
    "databricks_workspace": "databricks-sdk: SCIM and assignments, DBFS, cluster policies, repos, tokens, log delivery",
    "listing": "ListObjects V1 and V2",
    "multipart": "multipart uploads and the transfer manager",
    "objects": "object operations",
    "persistence": "--state-dir across restarts and kill -9 (starts its own emulators)",
    "presign": "presigned URLs",
    "unsupported": "what the emulator cannot do is refused with the service's not-implemented error, never ignored",
    "versioning": "versioning and delete markers",
}


# MARK: - sections as markers


def pytest_configure(config: pytest.Config) -> None:
    for name, description in SECTIONS.items():
        config.addinivalue_line("markers", f"{name}: {description}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus == 0:
        shutil.rmtree(LOG_DIRECTORY, ignore_errors=True)
    else:
        print(f"\nbrickyard serve logs: {LOG_DIRECTORY}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        section = re.sub(r"^test_(s3_)?", "", Path(str(item.fspath)).stem)
        if section in SECTIONS:
            item.add_marker(getattr(pytest.mark, section))


# MARK: - the emulator process


class Emulator:
    """A `brickyard serve` process this suite started, or an endpoint given from outside (`process` is None)."""

    def __init__(self, endpoint: str, process: subprocess.Popen | None = None, log: Path | None = None):
        self.endpoint = endpoint
        self.process = process
        self.log = log

    @property
    def port(self) -> int:
        return int(self.endpoint.rsplit(":", 1)[1])

    def log_tail(self, lines: int = 30) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15) -> int | None:
        """Sends `sig` and waits; returns the exit status (negative: killed by a signal)."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"brickyard did not stop within {timeout}s of signal {sig}") from None
        finally:
            _forget_pid(self.process.pid)
        return status


def _pid_directory() -> Path | None:
    """`.ci/run` points this at a directory so that it can stop any emulator a crashed pytest left behind."""
    directory = os.environ.get("BRICKYARD_INTEROP_PIDS")
    return Path(directory) if directory else None


def _remember_pid(pid: int) -> None:
    if (directory := _pid_directory()) is not None:
        (directory / str(pid)).touch()


def _forget_pid(pid: int) -> None:
    if (directory := _pid_directory()) is not None:
        (directory / str(pid)).unlink(missing_ok=True)


def brickyard_binary() -> str:
    binary = os.environ.get("BRICKYARD_BIN", str(ROOT / ".build" / "debug" / "brickyard"))
    if not Path(binary).exists():
        if os.environ.get("BRICKYARD_ENDPOINT"):
            pytest.skip(f"this test starts its own emulators and {binary} does not exist")
        pytest.exit(f"{binary} does not exist: run `swift build` first or set BRICKYARD_BIN", returncode=2)
    return binary


def start_emulator(*extra: str, ready_timeout: float = 30) -> Emulator:
    """Starts `brickyard serve --host 127.0.0.1 --port 0 [extra]` and waits for its one ready line."""
    log = LOG_DIRECTORY / f"serve-{uuid.uuid4().hex[:8]}.log"
    binary = brickyard_binary()
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", "0", *extra],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    _remember_pid(process.pid)
    deadline = time.monotonic() + ready_timeout
    line = ""
    while time.monotonic() < deadline and process.poll() is None:
        readable, _, _ = select.select([process.stdout], [], [], 0.2)
        if readable:
            line = process.stdout.readline()
            break
    match = re.fullmatch(r"Brickyard emulator ready at (http://127\.0\.0\.1:\d+)\n", line)
    if match is None:
        process.kill()
        process.wait()
        _forget_pid(process.pid)
        raise RuntimeError(f"brickyard serve printed {line!r}, not its ready line; log:\n{log.read_text()[-3000:]}")
    return Emulator(match.group(1), process, log)


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    endpoint = os.environ.get("BRICKYARD_ENDPOINT")
    if endpoint:
        yield Emulator(endpoint.rstrip("/"))
        return
    running = start_emulator()
    yield running
    crashed = running.process.poll()
    status = running.stop()
    if crashed is not None:
        raise AssertionError(f"brickyard serve exited during the suite ({crashed}); log:\n{running.log_tail()}")
    assert status == 0, f"brickyard serve exited {status} on SIGTERM; log:\n{running.log_tail()}"


@pytest.fixture
def spawn_emulator() -> Iterator[Callable[..., Emulator]]:
    """Starts further emulators for one test (persistence, reset); every one is stopped when the test ends."""
    started: list[Emulator] = []

    def spawn(*extra: str) -> Emulator:
        emulator = start_emulator(*extra)
        started.append(emulator)
        return emulator

    yield spawn
    for emulator in started:
        if emulator.process.poll() is None:
            emulator.stop(signal.SIGKILL)


@pytest.fixture(scope="session")
def endpoint(emulator: Emulator) -> str:
    return emulator.endpoint


# MARK: - clients


def make_client(endpoint: str, **config):
    """A boto3 S3 client for `endpoint`: path style, the bootstrap credentials, no retries (an error is seen as is)."""
    s3_config = config.pop("s3", {"addressing_style": "path"})
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=config.pop("region_name", REGION),
        aws_access_key_id=config.pop("aws_access_key_id", ACCESS_KEY),
        aws_secret_access_key=config.pop("aws_secret_access_key", SECRET_KEY),
        config=Config(s3=s3_config, retries={"max_attempts": 1, "mode": "standard"}, **config),
    )


@pytest.fixture(scope="session")
def s3(endpoint: str):
    return make_client(endpoint, max_pool_connections=32)


def unique_name(prefix: str = "interop") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


def empty_and_delete(client, name: str) -> None:
    """Removes every version, delete marker and upload of a bucket, then the bucket (best effort)."""
    try:
        for page in client.get_paginator("list_object_versions").paginate(Bucket=name):
            entries = page.get("Versions", []) + page.get("DeleteMarkers", [])
            if entries:
                objects = [{"Key": e["Key"], "VersionId": e["VersionId"]} for e in entries]
                client.delete_objects(Bucket=name, Delete={"Objects": objects, "Quiet": True})
        for upload in client.list_multipart_uploads(Bucket=name).get("Uploads", []):
            client.abort_multipart_upload(Bucket=name, Key=upload["Key"], UploadId=upload["UploadId"])
        client.delete_bucket(Bucket=name)
    except Exception:
        pass


@pytest.fixture
def bucket(s3) -> Iterator[str]:
    """A fresh bucket with a unique name, emptied and deleted after the test."""
    name = unique_name()
    s3.create_bucket(Bucket=name)
    yield name
    empty_and_delete(s3, name)


@pytest.fixture
def versioned_bucket(s3, bucket: str) -> str:
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    return bucket


def reset(endpoint: str) -> None:
    """`POST /_brickyard/reset`: forgets every resource of that emulator."""
    request = urllib.request.Request(f"{endpoint}/_brickyard/reset", method="POST", data=b"",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status in (200, 204)


# MARK: - the AWS CLI


class AwsCli:
    """Runs the AWS CLI, unchanged, against the emulator, with only the test credentials in its environment."""

    def __init__(self, endpoint: str, home: Path):
        (home / "config").write_text("")
        (home / "credentials").write_text("")
        self.endpoint = endpoint
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        self.env.update(
            AWS_ACCESS_KEY_ID=ACCESS_KEY,
            AWS_SECRET_ACCESS_KEY=SECRET_KEY,
            AWS_DEFAULT_REGION=REGION,
            AWS_CONFIG_FILE=str(home / "config"),
            AWS_SHARED_CREDENTIALS_FILE=str(home / "credentials"),
            AWS_MAX_ATTEMPTS="1",
            AWS_RETRY_MODE="standard",
            AWS_PAGER="",
            AWS_EC2_METADATA_DISABLED="true",
        )
        try:
            import awscli  # noqa: F401  (the CLI of this interpreter: the same botocore as the boto3 tests)

            self.command = [sys.executable, "-m", "awscli"]
        except ImportError:
            found = shutil.which("aws")
            if found is None:
                pytest.skip("the AWS CLI is not installed")
            self.command = [found]

    def __call__(self, *args: str, check: bool = True, env: dict[str, str] | None = None,
                 stdin: bytes | None = None) -> subprocess.CompletedProcess:
        quiet = ["--only-show-errors"] if args[0] == "s3" and args[1] in ("cp", "sync", "rm", "mv") else []
        result = subprocess.run(
            [*self.command, "--endpoint-url", self.endpoint, "--region", REGION, *args, *quiet],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            env={**self.env, **(env or {})},
            timeout=120,
        )
        result.stdout, result.stderr = result.stdout.decode(errors="replace"), result.stderr.decode(errors="replace")
        if check and result.returncode != 0:
            raise AssertionError(f"aws {' '.join(args)} exited {result.returncode}: {result.stderr}")
        return result

    def json(self, *args: str):
        """Runs an `s3api` call and parses its JSON output."""
        output = self(*args, "--output", "json").stdout
        return json.loads(output) if output.strip() else None

    def fails(self, *args: str, code: str) -> str:
        """Runs a call that must fail with the S3 error `code` (as the CLI prints it) and returns its stderr."""
        result = self(*args, check=False)
        assert result.returncode != 0, f"aws {' '.join(args)} succeeded: {result.stdout}"
        assert f"An error occurred ({code})" in result.stderr, result.stderr
        return result.stderr


@pytest.fixture(scope="session")
def aws(endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> AwsCli:
    return AwsCli(endpoint, tmp_path_factory.mktemp("aws-home"))


# MARK: - assertions


def error_code(excinfo) -> str:
    return excinfo.value.response["Error"]["Code"]


def status(excinfo) -> int:
    return excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"]


def failure(excinfo) -> tuple[str, int]:
    """`(code, status)` of a botocore ClientError: what every error test compares with what S3 answers."""
    return error_code(excinfo), status(excinfo)


def headers_of(response: dict) -> dict[str, str]:
    return response["ResponseMetadata"]["HTTPHeaders"]


def health(endpoint: str) -> dict:
    with urllib.request.urlopen(f"{endpoint}/_brickyard/health", timeout=5) as response:
        assert response.status == 200
        return json.loads(response.read())
