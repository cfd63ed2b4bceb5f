"""The pytest plugin of the `brickyard` wheel (entry point `pytest11: brickyard`, loaded by pytest on its own).

Fixtures:

- `emulator`: the emulator, reset before each test, as `moto` users expect (every test starts with no bucket, user,
  role, stream or workspace). An `Emulator`: `endpoint`, `region`, `aws_access_key_id`, `aws_secret_access_key`,
  `databricks_host`, `databricks_token`, `databricks_account_id`, ... and `boto3_client(service)`,
  `databricks_account_client()`, `aws_env()`, `databricks_env()`, `reset()`.
- `emulator_session`: the same server, never reset by this plugin (state is shared across the tests that use it).
- `emulator_env`: `emulator`, with `AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, ... and `DATABRICKS_HOST`,
  `DATABRICKS_TOKEN`, `DATABRICKS_ACCOUNT_ID` set for the test (and other AWS/Databricks profiles hidden), so that
  plain `boto3.client("s3")` and `AccountClient()` reach it.
- `emulator_factory`: starts further emulators of their own (`emulator_factory("--iam", "off")`), each stopped
  when the test ends: for tests that need other `serve` options or full isolation.

One `brickyard serve` per test session (per pytest-xdist worker), on a free loopback port, started when a test
first asks for it and stopped at the end of the session; the child dies with pytest even when pytest is killed.

Options: `--brickyard-serve-arg=ARG` (repeatable) or the ini setting `brickyard_serve_args` add options to `serve`
(`--iam off`, `--region eu-west-1`, ...); `--brickyard-endpoint=URL` (or `$BRICKYARD_ENDPOINT`) uses an emulator that
is already running instead of starting one; `$BRICKYARD_BIN` runs another binary than the wheel's.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Iterator

import pytest

from brickyard import Emulator, EmulatorError, EmulatorProcess

_HIDDEN_VARIABLES = (
    "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE", "DATABRICKS_CONFIG_PROFILE", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET",
    "DATABRICKS_USERNAME", "DATABRICKS_PASSWORD", "DATABRICKS_AUTH_TYPE", "DATABRICKS_AZURE_CLIENT_ID",
    "DATABRICKS_GOOGLE_SERVICE_ACCOUNT", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("brickyard", "the Brickyard emulator (brickyard serve)")
    group.addoption("--brickyard-serve-arg", action="append", default=[], metavar="ARG",
                    help="an argument for `brickyard serve` (repeat it: --brickyard-serve-arg=--iam "
                         "--brickyard-serve-arg=off)")
    group.addoption("--brickyard-endpoint", default=None, metavar="URL",
                    help="use the emulator already running at URL (default: $BRICKYARD_ENDPOINT, else start one)")
    parser.addini("brickyard_serve_args", "arguments for `brickyard serve`, shell-quoted (e.g. --iam off)",
                  default="")


def _serve_args(config: pytest.Config) -> list[str]:
    return shlex.split(config.getini("brickyard_serve_args") or "") + list(config.getoption("brickyard_serve_arg"))


class _Server:
    """The session's emulator: a process of ours, or one at an endpoint given from outside (`process` is None)."""

    def __init__(self, emulator: Emulator, process: EmulatorProcess | None):
        self.emulator = emulator
        self.process = process

    def check_running(self) -> None:
        if self.process is not None and not self.process.running:
            pytest.fail(f"brickyard serve exited ({self.process.process.returncode}) during the session; log "
                        f"{self.process.log_path}:\n{self.process.log_tail()}", pytrace=False)


@pytest.fixture(scope="session")
def _brickyard_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Server]:
    endpoint = request.config.getoption("brickyard_endpoint") or os.environ.get("BRICKYARD_ENDPOINT")
    if endpoint:
        yield _Server(Emulator.connect(endpoint), None)
        return
    failure = None
    try:
        process = EmulatorProcess(_serve_args(request.config), log_dir=tmp_path_factory.mktemp("brickyard"))
    except EmulatorError as error:
        failure = str(error)
    if failure is not None:
        pytest.fail(failure, pytrace=False)
    try:
        yield _Server(process.emulator, process)
    finally:
        crashed = process.process.poll()
        process.stop()
    if crashed is not None:
        pytest.fail(f"brickyard serve exited ({crashed}) during the session; log:\n{process.log_tail()}",
                    pytrace=False)


@pytest.fixture(scope="session")
def emulator_session(_brickyard_server: _Server) -> Emulator:
    """The session's emulator, never reset by the plugin: what one test makes, the next one sees."""
    _brickyard_server.check_running()
    return _brickyard_server.emulator


@pytest.fixture
def emulator(_brickyard_server: _Server) -> Emulator:
    """The session's emulator, reset before this test: no resource of an earlier test is left."""
    _brickyard_server.check_running()
    _brickyard_server.emulator.reset()
    return _brickyard_server.emulator


@pytest.fixture
def emulator_env(emulator: Emulator, monkeypatch: pytest.MonkeyPatch, tmp_path) -> Emulator:
    """`emulator`, with the AWS and Databricks variables of the environment pointing at it for this test."""
    for name in _HIDDEN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    # No profile of the user's ~/.aws or ~/.databrickscfg is read.
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("DATABRICKS_CONFIG_FILE", str(tmp_path / "databrickscfg"))
    for name, value in {**emulator.aws_env(), **emulator.databricks_env()}.items():
        monkeypatch.setenv(name, value)
    return emulator


@pytest.fixture
def emulator_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Emulator]]:
    """`emulator_factory(*serve_args)` starts an emulator of the test's own; all are stopped when the test ends."""
    started: list[EmulatorProcess] = []

    def start(*args: str) -> Emulator:
        process = EmulatorProcess(args, log_dir=tmp_path_factory.mktemp("brickyard"))
        started.append(process)
        return process.emulator

    yield start
    for process in started:
        process.stop()
