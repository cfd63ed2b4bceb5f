"""The run: boots the server and the resources, sends the fuzzed requests until the budget runs out, judges every
answer (crash, hang, 5xx), restarts after a crash, and prints the summary."""

from __future__ import annotations

import re
import signal
import tempfile
import time
import traceback
from pathlib import Path
from random import Random

from . import log
from .findings import Finding, Recorder, crash_reason, finding_key, known_issue, replay_crashers
from .mutations import Mutator
from .request import Template, Wire
from .seeds import PROTOCOLS, SEEDS
from .seeds.templates import databricks
from .server import Server
from .signing import Signer
from .targets import Setup
from .transport import Outcome, exchange

SERVER_ERRORS = {500, 502, 503, 504, 505, 507, 508, 510, 511}  # 5xx except 501 NotImplemented


class Fuzzer:
    """One run: the server, the resources, the random sequence, the counts, and the findings so far."""

    def __init__(self, args):
        self.args = args
        self.rng = Random(args.seed)
        self.mutator = Mutator(self.rng)
        self.log_directory = Path(tempfile.mkdtemp(prefix="brickyard-fuzz-"))
        self.server = Server(args.binary, args.endpoint, self.log_directory)
        self.recorder = Recorder(Path(args.crashers), args.seed)
        self.sent = {p: 0 for p in PROTOCOLS}
        self.passed = 0
        self.failed = 0
        self.skipped_known = 0
        self.no_answer = 0  # connections closed without an answer by a living server (not failures)
        self.crashes = 0
        self.generator_errors = 0
        self.answers: dict[str, dict[str, int]] = {}
        self.codes: dict[str, dict[str, int]] = {}
        self.history: list = []
        self.signer: Signer | None = None
        self.stopped = False

    def boot(self, restart: bool = False) -> None:
        self.server.restart() if restart else self.server.start()
        self.setup = Setup(self.server, self.args.timeout)
        self.signer = self.setup.run()

    def refresh(self) -> None:
        """Remakes what the fuzzing may have taken away: a fresh shard iterator (they expire, and the clock gets
        advanced), and the workspace if it no longer answers (a mutated method may have deleted it)."""
        self.setup.stream()
        context = self.signer.context
        probe = self.setup.call(databricks("workspace", "GET", f"{context['ws']}/api/2.0/clusters/list"))
        if probe.kind == "response" and probe.status in (401, 403, 404):
            log(f"  the workspace answers {probe.status}: making another one")
            self.setup.workspace()

    def restart(self) -> None:
        self.boot(restart=True)

    # one request

    def send(self, template: Template) -> tuple[Wire, Outcome]:
        wire = self.signer.render(template)
        return wire, exchange(self.server.address, wire, self.args.timeout)

    def judge(self, template: Template, wire: Wire, outcome: Outcome) -> Finding | None:
        """A crash, a hang or a 5xx, or None."""
        if outcome.kind in ("closed", "reset", "timeout", "refused"):
            self.server.settle()
        if not self.server.alive() or (self.server.external and outcome.kind == "refused"):
            time.sleep(0.2)
            tail = self.server.log_tail()
            code = self.server.returncode()
            detail = f"server died (exit status {code}" + (f", signal {signal.Signals(-code).name}" if code and code < 0
                                                           else "") + f") during {outcome.describe()}"
            reason = crash_reason(tail)
            return Finding("crash", template, wire, detail + (f": {reason}" if reason else ""),
                           finding_key("crash", template, detail, reason), known_issue(template, wire), tail)
        if outcome.kind == "timeout":
            if outcome.status:
                detail = (f"{wire.method} answered {outcome.status} but the body never ended within "
                          f"{self.args.timeout}s (headers {outcome.headers})")
                key = finding_key("hang", template, wire.method, "")
            else:
                detail, key = f"no answer within {self.args.timeout}s", finding_key("hang", template, "", "")
            return Finding("hang", template, wire, detail, key, None)  # the known bugs are crashes and 5xx
        if outcome.kind == "response" and outcome.status in SERVER_ERRORS:
            detail = outcome.describe()
            return Finding("5xx", template, wire, detail, finding_key("5xx", template, detail, ""),
                           known_issue(template, wire))
        if outcome.kind != "response":
            self.no_answer += 1
        return None

    def handle(self, template: Template, wire: Wire, outcome: Outcome, replay: Path | None = None) -> Finding | None:
        finding = self.judge(template, wire, outcome)
        if finding is None:
            self.passed += 1
            return None
        self.failed += 1
        finding.history = list(self.history)
        first = finding.key not in self.recorder.findings
        finding = self.recorder.add(finding, replay)
        if first or self.args.verbose:
            log(f"FINDING {finding.kind} [{finding.label}] {template.name} {template.mutations}: {finding.detail[:300]}")
            if finding.file:
                log(f"  {'saved' if replay is None else 'from'} {finding.file}")
        if finding.kind == "crash":
            self.crashes += 1
            self.restart()
            if first and replay is None:
                self.confirm(finding)
        elif finding.kind == "hang":
            if finding.detail.startswith(f"{wire.method} answered") and wire.method not in self.mutator.avoided_methods:
                self.mutator.avoided_methods.add(wire.method)
                log(f"  {wire.method} is not chosen again in this run (every try would wait {self.args.timeout}s)")
            if not self.server.healthy(self.args.timeout):
                log("  the server no longer answers its health check: restarting it")
                self.restart()
        if first and replay is None and finding.kind != "crash":
            self.confirm(finding)
        if self.args.stop_on_first:
            self.stopped = True
        return finding

    def confirm(self, finding: Finding) -> None:
        """Sends the request of a new finding again, alone (a fresh server for a crash), and notes if it repeats."""
        wire, outcome = self.send(finding.template)
        again = self.judge(finding.template, wire, outcome)
        finding.reproduces_alone = again is not None and again.kind == finding.kind
        if again is not None and again.kind == "crash":
            self.crashes += 1
            self.restart()
        self.recorder.save(finding)
        log(f"  reproduces when sent alone: {'yes' if finding.reproduces_alone else 'no'}")

    # the phases

    def replay(self) -> None:
        replay_crashers(self, Path(self.args.crashers))

    def excluded(self, template: Template) -> bool:
        if self.args.exclude_known and known_issue(template, None):
            return True
        described = " ".join([template.name, template.method] + template.mutations)
        return any(re.search(pattern, described) for pattern in self.args.exclude)

    def fuzz(self) -> None:
        deadline = time.monotonic() + self.args.duration
        protocols = self.args.protocols
        count, next_progress = 0, time.monotonic() + 30
        while time.monotonic() < deadline and (self.args.requests is None or count < self.args.requests):
            protocol = self.rng.choice(protocols)
            try:
                seed = self.rng.choice(SEEDS[protocol](self.rng, self.signer.context))
                template = seed if self.rng.random() < 0.05 else self.mutator.mutate(seed)
                if self.rng.random() < 0.08 and template.auth.get("mode") in ("sigv4", "bearer"):
                    template.auth = {"mode": "none"}
                    template.mutations.append("unsigned")
                if forbidden(template):
                    continue
                wire = self.signer.render(template)
                wire.encode()
            except Exception:  # a bug of the fuzzer itself: reported, never a reason to stop
                self.generator_errors += 1
                if self.generator_errors <= 3:
                    log(f"fuzzer error (not a finding):\n{traceback.format_exc()}")
                continue
            if self.excluded(template) or (self.args.exclude_known and known_issue(template, wire)):
                self.skipped_known += 1
                continue
            count += 1
            self.sent[protocol] += 1
            outcome = exchange(self.server.address, wire, self.args.timeout)
            self.handle(template, wire, outcome)
            self.history = (self.history + [{"name": template.name, "mutations": template.mutations,
                                             "template": template.to_json()}])[-5:]
            if self.stopped:
                return
            self.tally(protocol, outcome)
            if time.monotonic() >= next_progress:
                next_progress += 30
                self.refresh()
                log(f"... {count} requests, {len(self.recorder.findings)} distinct findings")

    def tally(self, protocol: str, outcome: Outcome) -> None:
        """Answers by protocol, status class and error code: shows how deep the mutations get (past the
        signature check, into the parsers and the operations)."""
        counts = self.answers.setdefault(protocol, {})
        status = f"{outcome.status // 100}xx" if outcome.kind == "response" else outcome.kind
        counts[status] = counts.get(status, 0) + 1
        match = re.search(rb"<Code>([^<]{1,60})</Code>|\"(?:__type|error_code)\"\s*:\s*\"([^\"]{1,60})\"",
                          outcome.body[:2000])
        if match:
            code = (match.group(1) or match.group(2)).decode(errors="replace").rsplit("#", 1)[-1]
            codes = self.codes.setdefault(protocol, {})
            codes[code] = codes.get(code, 0) + 1

    def summary(self, elapsed: float) -> int:
        total = sum(self.sent.values())
        per = ", ".join(f"{p} {n}" for p, n in self.sent.items() if n)
        kinds = {}
        for finding in self.recorder.findings.values():
            kinds[finding.kind] = kinds.get(finding.kind, 0) + finding.count
        log("")
        for protocol, counts in self.answers.items():
            top = sorted(self.codes.get(protocol, {}).items(), key=lambda item: -item[1])[:6]
            log(f"{protocol}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) +
                ("; codes: " + ", ".join(f"{k} {v}" for k, v in top) if top else ""))
        for finding in self.recorder.findings.values():
            alone = {True: "reproduces alone", False: "not alone", None: "?"}[finding.reproduces_alone]
            log(f"- {finding.kind} x{finding.count} [{finding.label}] [{alone}] {finding.template.name}: "
                f"{finding.detail[:200]}\n    {finding.file}")
        log(f"seed {self.args.seed}: {total} requests in {elapsed:.0f}s ({total / max(elapsed, 0.001):.0f}/s) "
            f"({per}); {len(self.recorder.findings)} distinct findings "
            f"({', '.join(f'{k} {n}' for k, n in kinds.items()) or 'none'}); {self.crashes} crashes; "
            f"{self.no_answer} closed without an answer; {self.skipped_known} skipped as known/excluded; "
            f"{self.generator_errors} fuzzer errors; "
            f"server logs in {self.log_directory}")
        log(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def forbidden(t: Template) -> bool:
    """Requests the fuzzer never sends: a reset (it would wipe the resources it aims at) and fault injection."""
    path = t.path.split("?")[0].lower()
    if t.method == "DELETE" and path.rstrip("/").endswith("/workspaces/{{workspace_id}}"):
        return True  # the workspace every workspace seed aims at
    return "_brickyard/reset" in path or ("_brickyard/faults" in path and t.method not in ("GET", "HEAD"))
