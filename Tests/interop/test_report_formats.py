"""Every format from one run, read back with the standard tools: Cucumber JSON validated against the format's schema
(`schemas/cucumber-json.schema.json`, with jsonschema), JUnit XML read by junitparser (what CI plugins build on), and
Cucumber Messages NDJSON one envelope a line."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml, Skipped

from conftest import brickyard_binary

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "cucumber-json.schema.json").read_text())

FEATURE = """@formats
Feature: Every format
  A description.

  Background:
    Given an S3 bucket "data"

  Scenario: objects round-trip
    When I put object "a.txt" into bucket "data" with content "hello"
    Then bucket "data" has object "a.txt" with content "hello"

  Scenario: a policy from a doc string
    Given bucket "data" has this policy:
      \"\"\"json
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${account}:root"},
       "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${bucket:data}/*"}]}
      \"\"\"

  Scenario: a wrong expectation
    Then bucket "data" has object "missing.txt" with content "x"

  Scenario: an undefined step
    Given a step nobody wrote

  @outline
  Scenario Outline: streams of <shards> shards
    Given a Kinesis stream "s" with <shards> shards
    When I put <records> records into stream "s"
    Then stream "s" holds <records> records

    Examples: small
      | shards | records |
      | 1      | 10      |
      | 2      | 20      |
"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("formats")
    (directory / "every.feature").write_text(FEATURE)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(directory)}
    done = subprocess.run([brickyard_binary(), "run", "every.feature", "--format", "progress",
                           "--format", "json:out/cucumber.json", "--format", "junit:out/junit.xml",
                           "--format", "message:out/messages.ndjson", "--format", "html:out/index.html",
                           "--format", "rerun:out/rerun.txt"],
                          cwd=directory, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    return directory / "out"


def test_cucumber_json_is_valid_against_the_schema(reports: Path) -> None:
    document = json.loads((reports / "cucumber.json").read_text())
    jsonschema.validate(document, SCHEMA)
    feature = document[0]
    assert feature["id"] == "every-format" and feature["tags"] == [{"name": "@formats", "line": 1}]
    elements = feature["elements"]
    scenarios = [e for e in elements if e["type"] == "scenario"]
    backgrounds = [e for e in elements if e["type"] == "background"]
    assert len(scenarios) == 6 and len(backgrounds) == 6
    assert [s["id"] for s in scenarios[-2:]] == ["every-format;streams-of-<shards>-shards;small;2",
                                                 "every-format;streams-of-<shards>-shards;small;3"]
    statuses = [step["result"]["status"] for s in scenarios for step in s["steps"]]
    assert {"passed", "failed", "undefined"} <= set(statuses)
    steps = [step for s in scenarios for step in s["steps"]]
    assert any("doc_string" in step and step["doc_string"]["content_type"] == "json" for step in steps)
    assert any(e["mime_type"] == "application/vnd.brickyard.http-exchanges+json"
               for step in steps for e in step.get("embeddings", []))
    assert all(isinstance(step["result"]["duration"], int) for step in steps)
    failed = next(step for step in steps if step["result"]["status"] == "failed")
    assert 'expected object "missing.txt"' in failed["result"]["error_message"]


def test_the_schema_catches_what_is_wrong(reports: Path) -> None:
    document = json.loads((reports / "cucumber.json").read_text())
    step = document[0]["elements"][1]["steps"][0]
    step["result"]["duration"] = 1.5  # seconds instead of nanoseconds
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)


def test_junit_reads_with_junitparser(reports: Path) -> None:
    xml = JUnitXml.fromfile(str(reports / "junit.xml"))
    suites = list(xml) if isinstance(xml, JUnitXml) else [xml]
    cases = [case for suite in suites for case in suite]
    assert len(cases) == 6
    assert {case.classname for case in cases} == {"Every format"}
    names = [case.name for case in cases]
    assert "streams of 1 shards - small - #1.1" in names and "streams of 2 shards - small - #1.2" in names
    outcomes = {case.name: [type(result).__name__ for result in case.result] for case in cases}
    assert outcomes["objects round-trip"] == []
    assert outcomes["a wrong expectation"] == ["Failure"]
    assert outcomes["an undefined step"] == ["Failure"]
    failure = next(r for case in cases for r in case.result if isinstance(r, Failure) and case.name == "a wrong expectation")
    assert "missing.txt" in (failure.text or "") + (failure.message or "")
    assert all(case.time >= 0 for case in cases)
    assert not any(isinstance(r, (Error, Skipped)) for case in cases for r in case.result)
    totals = suites[0]
    assert (totals.tests, totals.failures) == (6, 2)


def test_messages_are_one_envelope_a_line(reports: Path) -> None:
    lines = (reports / "messages.ndjson").read_text().splitlines()
    envelopes = [json.loads(line) for line in lines]
    assert all(len(envelope) == 1 for envelope in envelopes)
    kinds = [next(iter(envelope)) for envelope in envelopes]
    assert kinds[0] == "meta" and kinds[-1] == "testRunFinished"
    assert kinds.count("testCaseStarted") == 6 and kinds.count("pickle") == 6
    assert (reports / "rerun.txt").read_text().strip().endswith("every.feature:19:22")
