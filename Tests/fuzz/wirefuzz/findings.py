"""Findings: how they are told apart (`finding_key`), the known bugs being fixed (`known_issue`), the crasher files
(one per distinct finding, `Recorder`), and the replay of those files at the start of a run."""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import log
from .request import Template, Wire


def _numbers(data: bytes) -> list[float]:
    values = []
    for match in re.finditer(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|-?Infinity|NaN", data):
        try:
            values.append(float(match.group()))
        except ValueError:
            pass
    return values


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def known_issue(t: Template, wire: Wire | None) -> str | None:
    """The known bug this request probably hits, by a deliberately broad description of its input."""
    body = wire.body if wire else t.body
    target = wire.target if wire else t.path
    text_headers = " ".join(v for _, v in (wire.headers if wire else t.headers))
    if t.protocol == "s3" and t.kind == "xml" and (
            not _utf8(body) or b"&" in body or re.search(rb"<\?xml(?!\s+version=)", body)):
        return "S3 XML body with invalid UTF-8, an entity reference or <?xml?>"
    if "presign-v2" == t.auth.get("mode") or "Expires=" in target:
        expires = t.auth.get("expires", "")
        found = re.findall(r"Expires=(-?\d+)", target) + ([str(expires)] if re.fullmatch(r"-?\d+", str(expires)) else [])
        if any(abs(int(v)) >= 2 ** 62 for v in found):
            return "SigV2 presigned Expires near or beyond Int64"
    if "clock/advance" in target and t.method == "POST" and any(not math.isfinite(v) or abs(v) >= 1e12 for v in _numbers(body)):
        return "/_brickyard/clock/advance with a huge number of seconds"
    if t.protocol == "kinesis" and t.kind == "cbor" and re.search(rb"\xc1[\x1b\x3b]", body):
        return "Kinesis CBOR tag 1 (timestamp) over a 64-bit integer"
    if "clusters/events" in target and re.search(rb'"(offset|limit)"\s*:\s*-', body):
        return "clusters/events with a negative offset or limit"
    if t.protocol == "s3" and ("uploadId" in target or "multipart" in text_headers.lower() or "uploads" in target) \
            and re.search(r"\d{10,}", text_headers + " " + target) \
            and any(v >= 2 ** 32 for v in map(float, re.findall(r"\d{10,}", text_headers + " " + target))):
        return "multipart beyond 4 GiB"
    return None


@dataclass
class Finding:
    kind: str  # crash, hang, 5xx
    template: Template
    wire: Wire
    detail: str
    key: str
    known: str | None
    log_tail: str = ""
    count: int = 1
    file: Path | None = None
    reproduces_alone: bool | None = None
    history: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"known: {self.known}" if self.known else "NEW"


def crash_reason(log_tail: str) -> str:
    for line in reversed(log_tail.splitlines()):
        if re.search(r"Fatal error|fatalError|precondition|Assertion|Illegal instruction|Segmentation|"
                     r"Trace/breakpoint|overflow|out of range|Crash|SIGSEGV|SIGILL|SIGTRAP|SIGABRT|panic", line, re.I):
            return line.strip()[:300]
    return ""


def finding_key(kind: str, t: Template, outcome_detail: str, reason: str) -> str:
    """What two findings share when they are (probably) the same bug."""
    if kind == "crash" and reason:
        text = reason
    elif kind == "5xx":
        code = re.search(r"<Code>([^<]+)</Code>|\"(?:__type|error_code|error)\"\s*:\s*\"([^\"]{0,60})", outcome_detail)
        text = f"{outcome_detail[:3]} {t.name} {code.group(1) or code.group(2) if code else ''}"
    elif kind == "hang" and outcome_detail:
        return f"hang:after headers:{outcome_detail}"  # the HTTP layer, whatever the service
    else:
        text = f"{t.name}"
    text = re.sub(r"0x[0-9a-f]+|\d+", "N", text)
    return f"{kind}:{t.protocol}:{text}"


class Recorder:
    """Keeps one crasher file per distinct finding and counts the repeats."""

    def __init__(self, directory: Path, seed: int):
        self.directory = directory
        self.seed = seed
        self.findings: dict[str, Finding] = {}
        self.occurrences = 0

    def add(self, finding: Finding, replayed: Path | None = None) -> Finding:
        """Counts a finding; saves it if it is the first of its kind (a replayed crasher keeps its own file)."""
        self.occurrences += 1
        existing = self.findings.get(finding.key)
        if existing:
            existing.count += 1
            return existing
        self.findings[finding.key] = finding
        if replayed is not None:
            finding.file = replayed
            return finding
        self.directory.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(json.dumps(finding.template.to_json(), sort_keys=True).encode()).hexdigest()[:10]
        name = re.sub(r"[^A-Za-z0-9]+", "-", f"{finding.kind}-{finding.template.name}")[:70].strip("-")
        finding.file = self.directory / f"{name}-{digest}.json"
        self.save(finding)
        return finding

    def save(self, finding: Finding) -> None:
        record = {
            "finding": finding.kind, "detail": finding.detail, "known": finding.known, "key": finding.key,
            "seed": self.seed, "found": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "reproduces_alone": finding.reproduces_alone, "request": finding.wire.to_json(),
            "template": finding.template.to_json(), "server_log_tail": finding.log_tail,
            "preceding": finding.history,
        }
        finding.file.write_text(json.dumps(record, indent=2, ensure_ascii=True) + "\n")


def replay_crashers(fuzzer, directory: Path) -> None:
    """Sends every saved crasher again, from its template (re-signed, with this run's resource ids), through the
    fuzzer's own `send` and `handle`, so that a crasher that still fails counts as a failure of this run."""
    files = sorted(directory.glob("*.json")) if directory.is_dir() else []
    if not files:
        return
    log(f"replaying {len(files)} saved crashers from {directory}")
    still = 0
    for path in files:
        try:
            template = Template.from_json(json.loads(path.read_text())["template"])
        except (ValueError, KeyError) as error:
            log(f"  {path.name}: unreadable ({error}); skipped")
            continue
        if fuzzer.excluded(template):
            log(f"  {path.name}: excluded")
            continue
        fuzzer.sent[template.protocol] = fuzzer.sent.get(template.protocol, 0) + 1
        wire, outcome = fuzzer.send(template)
        before = len(fuzzer.recorder.findings)
        finding = fuzzer.handle(template, wire, outcome, replay=path)
        if finding is None:
            log(f"  {path.name}: passes ({outcome.describe()[:80]})")
        else:
            still += 1
            if len(fuzzer.recorder.findings) == before:
                log(f"  {path.name}: still fails: {finding.kind}: {finding.detail[:200]}")
        if fuzzer.stopped:
            return
    log(f"replay: {len(files) - still} pass, {still} still fail")
