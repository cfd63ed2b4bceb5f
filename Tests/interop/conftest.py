"""Fixtures for the interop suite: a running `brickyard serve`, boto3 clients and an AWS CLI runner.

The suite starts its own emulator (`.build/debug/brickyard`, or `$BRICKYARD_BIN`) on a free port, or uses
`$BRICKYARD_ENDPOINT` when set. Every expectation is what real S3 answers, not what another emulator does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[2]
ACCESS_KEY = "test"
SECRET_KEY = "test"
REGION = "us-east-1"


class Emulator:
    """A `brickyard serve` process (or an endpoint given from outside)."""

    def __init__(self, process: subprocess.Popen | None, endpoint: str):
        self.process = process
        self.endpoint = endpoint

    @property
    def port(self) -> int:
        return int(self.endpoint.rsplit(":", 1)[1])

    def stop(self, sig: int = signal.SIGTERM) -> int | None:
        if self.process is None:
            return None
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


def brickyard_binary() -> str:
    binary = os.environ.get("BRICKYARD_BIN", str(ROOT / ".build" / "debug" / "brickyard"))
    if not Path(binary).exists():
        pytest.exit(f"{binary} does not exist: run `swift build` first or set BRICKYARD_BIN", returncode=2)
    return binary


def start_emulator(*extra: str) -> Emulator:
    """Starts `brickyard serve --port 0` and waits for its ready line."""
    process = subprocess.Popen(
        [brickyard_binary(), "serve", "--host", "127.0.0.1", "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.time() + 30
    line = ""
    while time.time() < deadline:
        line = process.stdout.readline()
        match = re.search(r"ready at (http://\S+)", line)
        if match:
            return Emulator(process, match.group(1))
        if process.poll() is not None:
            break
    process.kill()
    raise RuntimeError(f"brickyard serve did not become ready: {line!r}")


@pytest.fixture(scope="session")
def emulator():
    endpoint = os.environ.get("BRICKYARD_ENDPOINT")
    if endpoint:
        yield Emulator(None, endpoint.rstrip("/"))
        return
    running = start_emulator()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def endpoint(emulator) -> str:
    return emulator.endpoint


def make_client(endpoint: str, **config):
    s3_config = config.pop("s3", {"addressing_style": "path"})
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=config.pop("region_name", REGION),
        aws_access_key_id=config.pop("aws_access_key_id", ACCESS_KEY),
        aws_secret_access_key=config.pop("aws_secret_access_key", SECRET_KEY),
        config=Config(s3=s3_config, retries={"max_attempts": 1}, **config),
    )


@pytest.fixture(scope="session")
def s3(endpoint):
    return make_client(endpoint)


@pytest.fixture
def bucket(s3):
    """A fresh bucket, emptied and deleted after the test."""
    name = f"interop-{uuid.uuid4().hex[:16]}"
    s3.create_bucket(Bucket=name)
    yield name
    try:
        versions = s3.list_object_versions(Bucket=name)
        for entry in versions.get("Versions", []) + versions.get("DeleteMarkers", []):
            s3.delete_object(Bucket=name, Key=entry["Key"], VersionId=entry["VersionId"])
        for upload in s3.list_multipart_uploads(Bucket=name).get("Uploads", []):
            s3.abort_multipart_upload(Bucket=name, Key=upload["Key"], UploadId=upload["UploadId"])
        s3.delete_bucket(Bucket=name)
    except Exception:
        pass


@pytest.fixture(scope="session")
def aws(endpoint, tmp_path_factory):
    """Runs the AWS CLI against the emulator with only the test credentials in its environment."""
    home = tmp_path_factory.mktemp("aws-home")
    (home / "config").write_text("[default]\nregion = us-east-1\n")
    (home / "credentials").write_text(f"[default]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_CONFIG_FILE=str(home / "config"),
        AWS_SHARED_CREDENTIALS_FILE=str(home / "credentials"),
        AWS_MAX_ATTEMPTS="1",
        AWS_PAGER="",
    )
    cli = shutil.which("aws")
    if cli is None:
        pytest.skip("the AWS CLI is not installed")

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [cli, "--endpoint-url", endpoint, *args, *(["--only-show-errors"] if args[0] == "s3" and args[1] in ("cp", "sync", "rm", "mv") else [])],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"aws {' '.join(args)} failed: {result.stderr}")
        return result

    def json_out(*args: str):
        return json.loads(run(*args, "--output", "json").stdout or "null")

    run.json = json_out
    return run


def error_code(excinfo) -> str:
    return excinfo.value.response["Error"]["Code"]


def status(excinfo) -> int:
    return excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"]


def health(endpoint: str) -> dict:
    with urllib.request.urlopen(f"{endpoint}/_brickyard/health", timeout=5) as response:
        return json.loads(response.read())
