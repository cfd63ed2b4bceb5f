"""`brickyard parse` against the reference Python parser (gherkin-official) on a corpus beyond the conformance data:
the conformance features and 1,000 generated scenarios (Rules, Backgrounds, outlines with tagged examples, doc strings
with media types, data tables, comments, Japanese files), compared document by document and pickle by pickle.

Both parse the same files in the same order with one id generator, so even the ids must agree."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import brickyard_binary

ROOT = Path(__file__).resolve().parents[2]

gherkin = pytest.importorskip("gherkin", reason="gherkin-official is not installed (pip install gherkin-official)")


def reference_messages(files: list[Path]) -> list[dict]:
    from gherkin.ast_builder import AstBuilder
    from gherkin.parser import Parser
    from gherkin.pickles.compiler import Compiler
    from gherkin.stream.id_generator import IdGenerator
    from gherkin.token_matcher import TokenMatcher
    from gherkin.token_scanner import TokenScanner

    ids = IdGenerator()
    parser = Parser(AstBuilder(ids))
    compiler = Compiler(ids)
    messages: list[dict] = []
    for path in files:
        document = parser.parse(TokenScanner(path.read_text(encoding="utf-8")), TokenMatcher())
        document["uri"] = str(path)
        messages.append({"gherkinDocument": document})
        messages += [{"pickle": pickle} for pickle in compiler.compile(document)]
    return messages


def without_uris(value):
    if isinstance(value, dict):
        return {key: without_uris(item) for key, item in value.items() if key != "uri"}
    if isinstance(value, list):
        return [without_uris(item) for item in value]
    return value


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    directory = tmp_path_factory.mktemp("gherkin-corpus")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gherkin-corpus.py"), str(directory)],
        check=True, capture_output=True)
    files = sorted(directory.rglob("*.feature"))
    assert len(files) > 100
    return files


def test_documents_and_pickles_match_the_reference_parser(corpus: list[Path]) -> None:
    result = subprocess.run(
        [brickyard_binary(), "parse", "--no-source", *map(str, corpus)], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    have = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
    want = reference_messages(corpus)
    assert len(have) == len(want)
    japanese = 0
    for ours, theirs in zip(have, want):
        ours, theirs = without_uris(ours), without_uris(theirs)
        if ours != theirs:
            kind = next(iter(theirs))
            name = theirs[kind].get("name") or theirs[kind].get("feature", {}).get("name")
            pytest.fail(
                f"{kind} {name!r} differs:\n  ours:   {json.dumps(ours, sort_keys=True, ensure_ascii=False)[:1500]}"
                f"\n  theirs: {json.dumps(theirs, sort_keys=True, ensure_ascii=False)[:1500]}")
        if "pickle" in theirs and theirs["pickle"]["language"] == "ja":
            japanese += 1
    assert japanese > 0


def test_parse_errors_match_the_reference_parser(tmp_path: Path) -> None:
    from gherkin.errors import CompositeParserException, ParserError
    from gherkin.parser import Parser
    from gherkin.token_matcher import TokenMatcher
    from gherkin.token_scanner import TokenScanner

    source = (
        "# language: ja\nフィーチャ: 壊れた\n  シナリオ: 表\n    前提 表がある\n      | a | b |\n      | c |\n"
        "  これはステップではない\n    もし 何か\n      \"\"\"\n")
    path = tmp_path / "broken.feature"
    path.write_text(source, encoding="utf-8")
    result = subprocess.run([brickyard_binary(), "parse", "--no-source", str(path)], capture_output=True, timeout=60)
    assert result.returncode == 2
    ours = [json.loads(line)["parseError"]["message"] for line in result.stdout.decode().splitlines()]
    with pytest.raises((CompositeParserException, ParserError)) as raised:
        Parser().parse(TokenScanner(source), TokenMatcher())
    errors = getattr(raised.value, "errors", [raised.value])
    assert ours == [str(error) for error in errors]
