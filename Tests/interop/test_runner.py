"""`brickyard run`, `brickyard steps` and `brickyard sweep` as users run them, with the real binary.

The live target is exercised against a `brickyard serve` standing in for AWS and Databricks: a temporary home with
`~/.aws` and `~/.databrickscfg` profiles, `AWS_ENDPOINT_URL` and the Databricks profile's host pointing at it. So the
live code path (credential chains, run-unique names, tags, teardown, sweep) runs as it would against a staging account.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import boto3
import pytest

from conftest import ROOT, Emulator, brickyard_binary

FEATURES = ROOT / "features"


def info(endpoint: str) -> dict:
    with urllib.request.urlopen(f"{endpoint}/_brickyard/info", timeout=10) as response:
        return json.loads(response.read())


def staging_home(endpoint: str, home: Path) -> dict[str, str]:
    """Profiles named `staging` for the stand-in, and the environment a live run gets (nothing else inherited)."""
    databricks = info(endpoint)["databricks"]
    (home / ".aws").mkdir(parents=True, exist_ok=True)
    (home / ".aws" / "credentials").write_text("[staging]\naws_access_key_id = test\naws_secret_access_key = test\n")
    (home / ".aws" / "config").write_text("[profile staging]\nregion = us-east-1\n")
    (home / ".databrickscfg").write_text(
        f"[staging]\nhost = {endpoint}\naccount_id = {databricks['accountId']}\n"
        f"client_id = {databricks['clientId']}\nclient_secret = {databricks['clientSecret']}\n")
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "AWS_ENDPOINT_URL": endpoint}


def brickyard(*args: str, env: dict[str, str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([brickyard_binary(), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


LIVE = ("--target", "live", "--aws-profile", "staging", "--databricks-profile", "staging")


def leftovers(endpoint: str) -> list[str]:
    """Everything named by- on the stand-in (streams being deleted excluded)."""
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    s3 = session.client("s3", endpoint_url=endpoint)
    iam = session.client("iam", endpoint_url=endpoint)
    kinesis = session.client("kinesis", endpoint_url=endpoint)
    names = [bucket["Name"] for bucket in s3.list_buckets()["Buckets"]]
    names += [role["RoleName"] for role in iam.list_roles()["Roles"]]
    names += [profile["InstanceProfileName"] for profile in iam.list_instance_profiles()["InstanceProfiles"]]
    for stream in kinesis.list_streams()["StreamNames"]:
        # DescribeStream, not DescribeStreamSummary: the Ctrl-C test slows the latter down.
        try:
            status = kinesis.describe_stream(StreamName=stream)["StreamDescription"]["StreamStatus"]
        except kinesis.exceptions.ResourceNotFoundException:
            continue
        if status != "DELETING":
            names.append(stream)
    return [name for name in names if name.startswith("by-")]


@pytest.fixture
def stand_in(spawn_emulator) -> Emulator:
    return spawn_emulator()


def test_live_run_creates_and_tears_down(stand_in: Emulator, tmp_path: Path) -> None:
    env = staging_home(stand_in.endpoint, tmp_path / "home")
    done = brickyard("run", *LIVE, str(FEATURES / "s3"), str(FEATURES / "kinesis"),
                     str(FEATURES / "databricks" / "instance_profiles.feature"), "--report-dir",
                     str(tmp_path / "reports"), env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "target live: AWS account 000000000000" in done.stderr
    assert re.search(r"\d+ scenarios \(\d+ passed\)", done.stdout), done.stdout
    assert leftovers(stand_in.endpoint) == []
    # The default report: a folder per run, and latest pointing at it.
    latest = tmp_path / "reports" / "latest"
    assert latest.is_symlink()
    assert (latest / "junit.xml").read_text().count("<testcase") >= 7
    messages = (latest / "messages.ndjson").read_text()
    # The HTTP exchanges are attached to the steps, and no secret is in them.
    assert "application/vnd.brickyard.http-exchanges+json" in messages
    databricks = info(stand_in.endpoint)["databricks"]
    assert databricks["clientSecret"] not in messages
    assert "Signature=" not in messages.replace("Signature=<redacted>", "")


def test_keep_then_sweep(stand_in: Emulator, tmp_path: Path) -> None:
    env = staging_home(stand_in.endpoint, tmp_path / "home")
    done = brickyard("run", *LIVE, "--keep", f"{FEATURES / 's3' / 'buckets.feature'}:8", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    # The clean-up hints name the profiles they were made with, so they can be pasted as printed.
    match = re.search(
        r"brickyard sweep --target live --aws-profile staging --databricks-profile staging --run-id (\S+)", done.stderr)
    assert match, done.stderr
    assert "aws --profile staging s3 rb s3://by-landing-" in done.stderr, done.stderr
    run_id = match.group(1)
    kept = leftovers(stand_in.endpoint)
    assert len(kept) == 1 and kept[0].startswith("by-landing-"), kept
    s3 = boto3.client("s3", endpoint_url=stand_in.endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                      region_name="us-east-1")
    tags = {tag["Key"]: tag["Value"] for tag in s3.get_bucket_tagging(Bucket=kept[0])["TagSet"]}
    assert tags["brickyard:run-id"] == run_id

    young = brickyard("sweep", *LIVE, "--dry-run", env=env, cwd=tmp_path)
    assert young.returncode == 0, young.stderr
    assert "0 to delete" in young.stdout
    dry = brickyard("sweep", *LIVE, "--run-id", run_id, "--dry-run", env=env, cwd=tmp_path)
    assert f"would delete S3 bucket {kept[0]} (run {run_id})" in dry.stdout, dry.stdout
    assert leftovers(stand_in.endpoint) == kept
    swept = brickyard("sweep", *LIVE, "--run-id", run_id, env=env, cwd=tmp_path)
    assert swept.returncode == 0, swept.stdout + swept.stderr
    assert f"deleted S3 bucket {kept[0]}" in swept.stdout
    assert leftovers(stand_in.endpoint) == []


def test_live_without_credentials_stops_before_anything(stand_in: Emulator, tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "AWS_ENDPOINT_URL": stand_in.endpoint}
    done = brickyard("run", "--target", "live", str(FEATURES / "s3"), env=env, cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "no usable AWS credentials" in done.stderr
    assert "AWS_ACCESS_KEY_ID" in done.stderr and f"{tmp_path}/.aws/credentials" in done.stderr
    assert leftovers(stand_in.endpoint) == []
    assert not (tmp_path / "reports").exists()


def test_emulator_url_and_default_in_process(stand_in: Emulator, tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    remote = brickyard("run", "--emulator", stand_in.endpoint, str(FEATURES / "kinesis"), env=env, cwd=tmp_path)
    assert remote.returncode == 0, remote.stdout + remote.stderr
    assert leftovers(stand_in.endpoint) == []
    # No target: an emulator in the process; every feature passes; progress and reports/.
    local = brickyard("run", str(FEATURES), "--parallel", "4", env=env, cwd=tmp_path)
    assert local.returncode == 0, local.stdout + local.stderr
    summary = re.search(r"(\d+) scenarios \((\d+) passed\)", local.stdout)
    assert summary and summary.group(1) == summary.group(2) and int(summary.group(1)) >= 25, local.stdout
    assert (tmp_path / "reports" / "latest" / "junit.xml").exists()


def test_a_broken_step_says_what_to_do(tmp_path: Path) -> None:
    feature = tmp_path / "broken.feature"
    feature.write_text(
        "Feature: broken\n"
        "  Scenario: typo and a wrong policy name\n"
        "    Given an S3 bucket called \"data\"\n"
        "  Scenario: wrong policy name\n"
        "    Given an IAM role \"reader\" trusted by service \"ec2.amazonaws.com\"\n"
        "    And role \"reader\" has managed policy \"S3ReadOnly\"\n")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    done = brickyard("run", str(feature), "--format", "progress", env=env, cwd=tmp_path)
    assert done.returncode == 1
    assert "undefined" in done.stdout.lower()
    assert 'steps.given("an S3 bucket called {string}")' in done.stdout
    assert 'there is no managed policy "S3ReadOnly"' in done.stdout
    assert "AmazonS3ReadOnlyAccess" in done.stdout


@pytest.mark.parametrize("option", ["--step-timeout", "--wait-timeout"])
@pytest.mark.parametrize("value", ["1e300", "inf", "nan", "0", "-5", "86401"])
def test_out_of_range_timeouts_are_usage_errors(option: str, value: str, tmp_path: Path) -> None:
    """A number no duration can hold is refused with a usage error, never a trap."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    done = brickyard("run", f"{option}={value}", "--dry-run", str(tmp_path), env=env, cwd=tmp_path)
    assert done.returncode == 64, done.stderr
    assert f"{option} must be more than 0 and at most 86400 seconds" in done.stderr


def test_fail_fast_and_random_order(tmp_path: Path) -> None:
    """--fail-fast reports what it did not start as skipped; --order random prints the seed that replays it."""
    feature = tmp_path / "ff.feature"
    feature.write_text("Feature: ff\n" + "".join(f"  Scenario: s{i}\n    Given nothing is defined {i}\n" for i in range(4)))
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    done = brickyard("run", str(feature), "--fail-fast", "--format", "progress", env=env, cwd=tmp_path)
    assert done.returncode == 1
    assert "4 scenarios (1 undefined, 3 skipped)" in done.stdout, done.stdout
    shuffled = brickyard("run", str(feature), "--order", "random", "--format", "progress", env=env, cwd=tmp_path)
    seed = re.search(r"--order (random:\d+)", shuffled.stderr)
    assert seed, shuffled.stderr
    again = brickyard("run", str(feature), "--order", seed.group(1), "--format", "progress", env=env, cwd=tmp_path)
    assert "4 scenarios (4 undefined)" in again.stdout, again.stdout


def test_reports_keep_the_newest_runs(tmp_path: Path) -> None:
    """--keep-reports N: the newest N run folders stay; older ones and nothing else are removed."""
    reports = tmp_path / "reports"
    for name in ("20200101-000000-0001", "20200102-000000-0002", "20200103-000000-0003", "notes"):
        (reports / name).mkdir(parents=True)
    feature = tmp_path / "k.feature"
    feature.write_text("Feature: k\n  Scenario: s\n    Given nothing is defined\n")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    brickyard("run", str(feature), "--report-dir", str(reports), "--keep-reports", "2", env=env, cwd=tmp_path)
    left = sorted(path.name for path in reports.iterdir() if path.name != "latest")
    assert len(left) == 3, left
    assert "notes" in left and "20200103-000000-0003" in left
    assert (reports / "latest" / "index.html").exists()


def test_steps_lists_every_step(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    listing = brickyard("steps", env=env, cwd=tmp_path)
    assert listing.returncode == 0
    assert "a Databricks workspace {string} with a customer-managed VPC\n" in listing.stdout
    assert "e.g. Given an S3 bucket \"landing\"" in listing.stdout
    rows = [json.loads(line) for line in brickyard("steps", "--json", env=env, cwd=tmp_path).stdout.splitlines()]
    assert len(rows) >= 33
    assert all(row["summary"] and row["example"] for row in rows)


def test_ctrl_c_tears_down(spawn_emulator, tmp_path: Path) -> None:
    """Ctrl-C while a step waits: the scenario's resources are deleted and the run exits 130."""
    stand_in = spawn_emulator()
    request = urllib.request.Request(
        f"{stand_in.endpoint}/_brickyard/faults", method="POST",
        data=json.dumps({"service": "kinesis", "operation": "DescribeStreamSummary", "latencyMs": 60000}).encode(),
        headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()
    feature = tmp_path / "slow.feature"
    feature.write_text(
        "Feature: slow\n  Scenario: waits\n    Given an S3 bucket \"data\"\n"
        "    And an IAM role \"app\" trusted by service \"ec2.amazonaws.com\"\n"
        "    And a Kinesis stream \"slow\" with 1 shard\n")
    env = staging_home(stand_in.endpoint, tmp_path / "home")
    process = subprocess.Popen([brickyard_binary(), "run", *LIVE, str(feature)], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(leftovers(stand_in.endpoint)) < 3:
        time.sleep(0.2)
    assert len(leftovers(stand_in.endpoint)) == 3
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stdout + stderr
    assert "interrupted; tearing down" in stderr
    assert leftovers(stand_in.endpoint) == []
