#!/usr/bin/env python3
"""The Python side of bench-gherkin-vs-python.sh: times the reference parser, gherkin-official, on a corpus.

  gherkinbench.py parse DIR [--iterations N] [--warmup W] [--output FILE] [--parse-only]
        reads every *.feature under DIR (recursively, sorted) into memory once, then, W times untimed and N times
        timed, parses each file and compiles its pickles as the reference's own `gherkin` command does (one id
        generator, parser and compiler per pass, a token matcher per file); prints one JSON object:
        {"files", "scenarios", "pickles", "steps", "best_seconds", "median_seconds", "iterations", "implementation"}
        (best and median of the per-pass wall times), also written to FILE with --output; --parse-only skips the
        pickles (pickles and steps are then 0)
  gherkinbench.py report SWIFT.json PYTHON.json [--goal X] [--no-fail]
        the comparison table of GherkinBench (Swift) and `parse` (Python) results; checks both read the same corpus
        (exit 2 if not) and exits 1 when python/swift, best against best, is under the goal (default 20) unless
        --no-fail

Needs the pip package gherkin-official (import name `gherkin`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path


def read_corpus(directory: Path) -> list[tuple[str, str]]:
    files = sorted(path for path in directory.rglob("*.feature") if path.is_file())
    if not files:
        sys.exit(f"no .feature files under {directory}")
    # As the reference reads sources: UTF-8, line ends kept as they are.
    return [(str(path.relative_to(directory)), path.open(encoding="utf-8", newline="").read()) for path in files]


def parse(args) -> None:
    from importlib.metadata import version

    from gherkin.ast_builder import AstBuilder
    from gherkin.parser import Parser
    from gherkin.pickles.compiler import Compiler
    from gherkin.stream.id_generator import IdGenerator
    from gherkin.token_matcher import TokenMatcher
    from gherkin.token_scanner import TokenScanner

    corpus = read_corpus(Path(args.directory))

    def one_pass() -> tuple[int, int, int]:
        ids = IdGenerator()
        parser = Parser(AstBuilder(ids))
        compiler = Compiler(ids)
        scenarios = pickles = steps = 0
        for uri, source in corpus:
            document = parser.parse(TokenScanner(source), TokenMatcher())
            document["uri"] = uri
            if not args.parse_only:
                for pickle in compiler.compile(document):
                    pickles += 1
                    steps += len(pickle["steps"])
            feature = document.get("feature")
            for child in feature["children"] if feature else []:
                if "scenario" in child:
                    scenarios += 1
                elif "rule" in child:
                    scenarios += sum(1 for grandchild in child["rule"]["children"] if "scenario" in grandchild)
        return scenarios, pickles, steps

    for _ in range(args.warmup):
        one_pass()
    times = []
    counts = (0, 0, 0)
    for _ in range(args.iterations):
        started = time.perf_counter()
        counts = one_pass()
        times.append(time.perf_counter() - started)
    result = {
        "files": len(corpus),
        "scenarios": counts[0],
        "pickles": counts[1],
        "steps": counts[2],
        "best_seconds": min(times),
        "median_seconds": statistics.median(times),
        "iterations": args.iterations,
        "implementation": f"gherkin-official {version('gherkin-official')} "
        f"({platform.python_implementation()} {platform.python_version()}{', parse only' if args.parse_only else ''})",
    }
    text = json.dumps(result)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def report(args) -> None:
    swift = json.loads(Path(args.swift).read_text())
    python = json.loads(Path(args.python).read_text())
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {cpu_model()}, {platform.system()} "
          f"{platform.release()}")
    print(f"swift:  {swift.get('implementation', 'GherkinBench')}")
    print(f"python: {python.get('implementation', 'gherkin-official')}")
    print()
    print(f"{'':16} {'swift':>12} {'python':>12}")
    for key in ("files", "scenarios", "pickles", "steps"):
        print(f"{key:16} {swift.get(key, 0):>12,} {python.get(key, 0):>12,}")
    for key in ("best_seconds", "median_seconds"):
        print(f"{key.replace('_', ' '):16} {swift[key]:>12.4f} {python[key]:>12.4f}")
    best = python["best_seconds"] / swift["best_seconds"]
    median = python["median_seconds"] / swift["median_seconds"]
    print(f"{'python/swift':16} {best:>11.1f}x (best)  {median:.1f}x (median)")
    print()
    different = [key for key in ("files", "scenarios", "pickles", "steps") if swift.get(key) != python.get(key)]
    if different:
        print(f"the two parsers did not read the same corpus: {', '.join(different)} differ", file=sys.stderr)
        sys.exit(2)
    verdict = "PASS" if best >= args.goal else "FAIL"
    print(f"goal: >= {args.goal:g}x (python/swift, best against best): {best:.1f}x {verdict}")
    if verdict == "FAIL" and not args.no_fail:
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    sub = commands.add_parser("parse")
    sub.add_argument("directory")
    sub.add_argument("--iterations", type=int, default=10)
    sub.add_argument("--warmup", type=int, default=1)
    sub.add_argument("--output")
    sub.add_argument("--parse-only", action="store_true")
    sub = commands.add_parser("report")
    sub.add_argument("swift")
    sub.add_argument("python")
    sub.add_argument("--goal", type=float, default=20)
    sub.add_argument("--no-fail", action="store_true")
    args = parser.parse_args()
    if args.command == "parse" and args.iterations < 1:
        parser.error("--iterations must be at least 1")
    {"parse": parse, "report": report}[args.command](args)


if __name__ == "__main__":
    main()
