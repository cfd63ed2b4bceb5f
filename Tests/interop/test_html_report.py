"""The HTML report in a real browser: headless Chromium (Debian's package) renders the page `brickyard run` writes,
from the file system, with no network.

Skipped when Chromium is not installed, except under CI (`.ci/run` installs it), where its absence fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import brickyard_binary

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

FEATURE = """@report
Feature: Report
  @smoke
  Scenario: a bucket holds what was written
    Given an S3 bucket "data"
    When I put object "a.txt" into bucket "data" with content "hello"
    Then bucket "data" has object "a.txt" with content "hello"

  Scenario: a wrong expectation
    Given an S3 bucket "data"
    Then bucket "data" has object "missing.txt" with content "nothing"
"""


@pytest.fixture(scope="module")
def chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs Debian's chromium package)")
        pytest.skip("chromium is not installed")
    return CHROMIUM


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("html")
    (directory / "report.feature").write_text(FEATURE)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(directory)}
    done = subprocess.run([brickyard_binary(), "run", "report.feature", "--format", "progress",
                           "--format", "html:out/index.html"], cwd=directory, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    return directory / "out" / "index.html"


def browse(chromium: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--virtual-time-budget=5000", *arguments], capture_output=True, timeout=120)


def test_the_page_renders(chromium: str, report: Path) -> None:
    dom = browse(chromium, "--dump-dom", report.as_uri()).stdout.decode()
    assert "2 of 2 scenarios" in dom
    assert "50.0%" in dom and "pass rate" in dom
    # The failing scenario is open: its error, the failing step's location and the command that replays it.
    assert 'expected object "missing.txt"' in dom
    assert "report.feature:11" in dom
    assert "brickyard run " in dom and "report.feature:9" in dom
    assert "<svg" in dom and "Slowest scenarios" in dom
    assert "The request that showed it: GET http://" in dom


def test_the_page_opens_on_what_failed(chromium: str, report: Path) -> None:
    dom = browse(chromium, "--dump-dom", report.as_uri()).stdout.decode()
    main = dom.split("<main>", 1)[1]
    # The failures summary comes first: where, which scenario, the failing step, the error, the replay command.
    assert main.lstrip().startswith('<section id="failures">')
    failures = main.split("</section>", 1)[0]
    assert "1 failed scenario" in failures and "a wrong expectation" in failures
    assert "report.feature:9</a>" in failures and "report.feature:11" in failures
    assert 'Then bucket "data" has object "missing.txt" with content "nothing"' in failures
    assert 'expected object "missing.txt"' in failures
    assert "brickyard run " in failures and "report.feature:9</code>" in failures
    # Zero counts are muted, failures highlighted.
    assert 'class="num zero"' in dom and 'class="num failed nonzero"' in dom
    # The failing step's exchange (the 404 that showed it) is highlighted and open, loaded from beside the page.
    assert dom.count('class="http focus" open=""') == 1
    focused = dom.split('class="http focus" open=""', 1)[1].split("</details>", 1)[0]
    assert "missing.txt" in focused and "404" in focused and "Response 404" in focused
    # No Swift source path of the step library in the error text.
    assert "ProvisioningSteps+S3.swift" not in dom.split('id="scenarios"', 1)[1].split("title=")[0]


def test_expand_all_shows_every_http_exchange(chromium: str, report: Path) -> None:
    # The exchanges sit beside the page (index-files/http-N.js) and load from file:// when opened.
    dom = browse(chromium, "--dump-dom", report.as_uri() + "#expand=all").stdout.decode()
    assert dom.count("Response 200") >= 4
    assert "Response 404" in dom and "NoSuchKey" in dom
    assert "Signature=&lt;redacted&gt;" in dom
    assert "\n  &lt;TagSet&gt;" in dom  # XML bodies are pretty-printed


def test_filters_from_the_address(chromium: str, report: Path) -> None:
    smoke = browse(chromium, "--dump-dom", report.as_uri() + "#tags=%40smoke").stdout.decode()
    assert "1 of 2 scenarios" in smoke
    failed = browse(chromium, "--dump-dom", report.as_uri() + "#status=failed").stdout.decode()
    assert "1 of 2 scenarios" in failed
    search = browse(chromium, "--dump-dom", report.as_uri() + "#q=missing.txt").stdout.decode()
    assert "1 of 2 scenarios" in search
    bad = browse(chromium, "--dump-dom", report.as_uri() + "#tags=%40smoke%20and").stdout.decode()
    assert 'class="invalid"' in bad and "2 of 2 scenarios" in bad


def test_screenshot(chromium: str, report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    browse(chromium, f"--screenshot={shot}", "--window-size=1280,1400", report.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a rendered page, not a blank one
    # Nothing of the page came from the network: every resource is inline or beside it.
    # (The failures summary quotes the run's URLs as text; no element loads one.)
    head = report.read_text().split('<script id="report-data"')[0]
    assert not any(f'{attribute}="http' in head for attribute in ("src", "href", "action", "srcset"))
    assert "url(http" not in head and "@import" not in head
    assert (report.parent / "index-files").is_dir()


def test_publish_two_runs_to_the_emulators_s3(spawn_emulator, chromium: str, tmp_path: Path) -> None:
    import re

    import boto3

    serve = spawn_emulator()
    s3 = boto3.client("s3", endpoint_url=serve.endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                      region_name="us-east-1")
    s3.create_bucket(Bucket="team-reports")
    (tmp_path / "report.feature").write_text(FEATURE)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    run_ids = []
    for _ in range(2):
        done = subprocess.run([brickyard_binary(), "run", "report.feature", "--emulator", serve.endpoint,
                               "--publish", "s3://team-reports/nightly"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, done.stdout + done.stderr  # a scenario fails; publishing worked
        match = re.search(r"Published: s3://team-reports/nightly/(\S+)/", done.stderr)
        assert match, done.stderr
        run_ids.append(match.group(1))
    history = json.loads(s3.get_object(Bucket="team-reports", Key="nightly/history.json")["Body"].read())
    assert [run["runId"] for run in history["runs"]] == run_ids
    assert all(run["counts"] == {"failed": 1, "passed": 1} for run in history["runs"])
    index = s3.get_object(Bucket="team-reports", Key="nightly/index.html")
    assert index["ContentType"] == "text/html; charset=utf-8"
    page = index["Body"].read().decode()
    for run_id in run_ids:
        assert f'href="{run_id}/index.html"' in page
        report = s3.get_object(Bucket="team-reports", Key=f"nightly/{run_id}/index.html")
        assert report["ContentType"] == "text/html; charset=utf-8"
        assert s3.get_object(Bucket="team-reports", Key=f"nightly/{run_id}/junit.xml")["ContentType"] == "application/xml"
    # The index renders.
    local = tmp_path / "index.html"
    local.write_text(page)
    dom = browse(chromium, "--dump-dom", local.as_uri()).stdout.decode()
    assert "2 runs" in dom and "Pass rate" in dom


def test_a_failed_upload_keeps_the_files_and_says_so(spawn_emulator, tmp_path: Path) -> None:
    serve = spawn_emulator()
    (tmp_path / "report.feature").write_text(FEATURE)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    done = subprocess.run([brickyard_binary(), "run", "report.feature", "--emulator", serve.endpoint,
                           "--publish", "s3://no-such-bucket/x"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "the report was not published" in done.stderr and "NoSuchBucket" in done.stderr
    assert (tmp_path / "reports" / "latest" / "index.html").exists()


def test_merge_shards_then_publish(spawn_emulator, tmp_path: Path) -> None:
    import boto3

    serve = spawn_emulator()
    boto3.client("s3", endpoint_url=serve.endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                 region_name="us-east-1").create_bucket(Bucket="merged")
    (tmp_path / "report.feature").write_text(FEATURE)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "test",
           "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"}
    folders = []
    for shard in ("1/2", "2/2"):
        done = subprocess.run([brickyard_binary(), "run", "report.feature", "--shard", shard, "--report-dir", "shards"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        folders.append(done.stderr.split("Reports: ")[1].split("\n")[0].rstrip("/"))
    merged = subprocess.run([brickyard_binary(), "report", "merge", *folders, "--output", "merged",
                             "--publish", "s3://merged/ci", "--publish-endpoint", serve.endpoint],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert merged.returncode == 1, merged.stdout + merged.stderr  # one of the two scenarios fails
    assert "2 scenarios (1 failed, 1 passed)" in merged.stdout
    assert "Published: s3://merged/ci/" in merged.stderr, merged.stderr
    for name in ("index.html", "junit.xml", "cucumber.json", "messages.ndjson", "result.json"):
        assert (tmp_path / "merged" / name).exists(), name
    assert json.loads((tmp_path / "merged" / "result.json").read_text())["testCases"][1]["pickle"]["name"] == \
        "a wrong expectation"
