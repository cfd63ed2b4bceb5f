"""What `brickyard` prints back can be pasted: replays, `--keep`'s clean-up commands, the sweep that finds what it left,
the nearest steps for a typo, `--help`'s formats. Each command is run as printed, in the directory it was printed in."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, brickyard_binary
from test_runner import brickyard, info

FAILING = """Feature: replay
  Scenario: fine
    Given an S3 bucket "fine"

  Scenario: wrong content
    Given an S3 bucket "data"
    When I put object "a.txt" into bucket "data" with content "one"
    Then bucket "data" has object "a.txt" with content "two"

  Scenario: typo
    Given an S3 bucket named "root"
"""


def emulator_env(endpoint: str, home: Path) -> dict[str, str]:
    """The environment of a person whose AWS CLI holds the emulator's credentials (as /_brickyard/info gives them)."""
    aws = info(endpoint)["aws"]
    home.mkdir(parents=True, exist_ok=True)
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "AWS_ACCESS_KEY_ID": aws["accessKeyId"],
            "AWS_SECRET_ACCESS_KEY": aws["secretAccessKey"], "AWS_DEFAULT_REGION": aws.get("region", "us-east-1")}


def test_failing_scenarios_are_listed_with_a_replay_that_runs_them(tmp_path: Path) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "replay.feature").write_text(FAILING)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    done = brickyard("run", "features", "--no-reports", env=env, cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    listing = done.stdout.split("Failing scenarios:\n", 1)[1]
    replays = [line.split("  #")[0].strip() for line in listing.splitlines() if "  # " in line]
    assert [line.split("  # ")[1] for line in listing.splitlines() if "  # " in line] == [
        "failed: wrong content", "undefined: typo"]
    # The binary was started by its path under .build/: the replay is spelled `swift run`, with the package's path.
    assert replays[0].startswith(f"swift run --package-path {ROOT} brickyard run "), replays[0]
    assert replays[0].endswith(" features/replay.feature:5"), replays[0]
    # The failure names the feature file's line first, and no source file of the step library.
    assert "features/replay.feature:8: failed: Then bucket \"data\" has object \"a.txt\" with content \"two\"" in done.stdout
    assert "Sources/" not in done.stdout and ".swift" not in done.stdout
    # The typo: the nearest steps before any snippet, and the search that lists the others.
    assert "The nearest steps:\n        an S3 bucket {string}\n" in done.stdout
    assert "an S3 bucket {string} with versioning enabled" in done.stdout
    assert f"Every step: swift run --package-path {ROOT} brickyard steps --matching bucket" in done.stdout
    # Pasted as printed (swift run finds the build up to date), it runs that scenario alone.
    replay = subprocess.run(["bash", "-c", replays[0] + " --no-reports"], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert replay.returncode == 1, replay.stdout + replay.stderr
    assert "1 scenario (1 failed)" in replay.stdout, replay.stdout


def test_an_installed_binary_prints_its_own_name(tmp_path: Path) -> None:
    bin_directory = tmp_path / "bin"
    bin_directory.mkdir()
    # A copy, not a link: PATH finds this very file, so the name alone is printed.
    shutil.copy2(brickyard_binary(), bin_directory / "brickyard")
    feature = tmp_path / "one.feature"
    feature.write_text(FAILING)
    env = {"PATH": f"{bin_directory}:{os.environ.get('PATH', '')}", "HOME": str(tmp_path)}
    done = subprocess.run(["brickyard", "run", "one.feature:5", "--no-reports"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert "Failing scenarios:\n  brickyard run one.feature:5  # failed: wrong content" in done.stdout, done.stdout


def test_keep_on_an_emulator_prints_commands_that_delete_what_it_kept(spawn_emulator, tmp_path: Path) -> None:
    stand_in = spawn_emulator()
    feature = tmp_path / "keep.feature"
    feature.write_text('Feature: keep\n  Scenario: kept\n    Given an S3 bucket "root"\n'
                       '    And an IAM role "app" trusted by service "ec2.amazonaws.com"\n'
                       '    And a Kinesis stream "events" with 1 shard\n')
    env = emulator_env(stand_in.endpoint, tmp_path / "home")
    done = brickyard("run", "--emulator", stand_in.endpoint, "--keep", "--no-reports", str(feature), env=env,
                     cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    bucket_line = next(line for line in done.stderr.splitlines() if line.strip().startswith("S3 bucket"))
    command = bucket_line.split("): ", 1)[1]
    assert command.startswith(f"aws --endpoint-url {stand_in.endpoint} s3 rb s3://by-"), command
    sweep = re.search(r"Delete them all with: (.+)", done.stderr).group(1)
    assert f"sweep --emulator {stand_in.endpoint} --run-id " in sweep
    # The bucket's own command, pasted: the AWS CLI deletes it from the emulator.
    deleted = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                             timeout=120)
    assert deleted.returncode == 0, deleted.stdout + deleted.stderr
    # A sweep of the emulator without --run-id finds the rest at once (an emulator's resources have no age limit).
    live_age = brickyard("sweep", "--emulator", stand_in.endpoint, "--older-than", "6h", "--dry-run", env=env,
                         cwd=tmp_path)
    assert "0 to delete" in live_age.stdout and "were left alone (--older-than 0s, or --run-id" in live_age.stdout
    swept = brickyard("sweep", "--emulator", stand_in.endpoint, env=env, cwd=tmp_path)
    assert swept.returncode == 0, swept.stdout + swept.stderr
    assert "deleted IAM role by-" in swept.stdout and "deleted Kinesis stream by-" in swept.stdout, swept.stdout


def test_steps_are_grouped_and_found_by_what_they_do(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    listing = brickyard("steps", env=env, cwd=tmp_path).stdout
    for group in ("## S3", "## IAM and STS", "## Kinesis", "## Databricks workspace"):
        assert group + "\n" in listing
    for query, expected in [("PassRole", "may pass role {string}"), ("encryption", "customer-managed key"),
                            ("public access", "PrivateLink")]:
        found = brickyard("steps", "--matching", query, env=env, cwd=tmp_path).stdout
        assert expected in found, (query, found)
    rows = [json.loads(line) for line in brickyard("steps", "--json", env=env, cwd=tmp_path).stdout.splitlines()]
    assert {row["group"] for row in rows} >= {"S3", "Kinesis"}
    nothing = brickyard("steps", "--matching", "zzzz", env=env, cwd=tmp_path).stdout
    assert "No step matches" in nothing


def test_run_help_names_every_format_and_default_file(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    text = " ".join(brickyard("run", "--help", env=env, cwd=tmp_path).stdout.split())
    for name in ("progress", "pretty", "html", "junit", "json", "message", "rerun", "result"):
        assert name in text
    for file in ("index.html", "junit.xml", "cucumber.json", "messages.ndjson", "result.json"):
        assert file in text
    assert "--keep-reports" in text and "--no-reports" in text
