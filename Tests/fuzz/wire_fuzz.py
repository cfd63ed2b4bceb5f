#!/usr/bin/env python3
"""A mutational wire fuzzer for `brickyard serve`.

It starts its own emulator on a free loopback port (or uses `--endpoint`), makes a few resources to aim at (buckets,
an object, a multipart upload, a Kinesis stream, IAM users and roles, a running Databricks workspace with a cluster,
a job and a secret scope), replays every saved crasher of `Tests/fuzz/crashers/`, and then, until `--duration` or
`--requests` runs out, sends requests built from valid seeds of every protocol with one to three mutations each:

- S3 REST (XML bodies, presigned SigV4 and SigV2 query auth, SigV2 headers, aws-chunked bodies, ranges, multipart
  uploads, form POST), IAM and STS (query protocol), Kinesis (JSON 1.1 and CBOR 1.1), the Databricks account and
  workspace APIs (bearer token) and the admin API `/_brickyard/*`.
- Most requests are signed after they were mutated (SigV4 by botocore's signers, with the credentials
  `/_brickyard/info` names), so that the mutation reaches the parsers behind the signature check; some are sent
  unsigned, and some are changed after signing (duplicated headers, a broken signature, framing).

After every request it checks that an answer came within `--timeout` seconds (else: a hang), that the status is not a
5xx other than 501, and that the process is still alive. A finding is saved as a JSON file in `--crashers`, once per
distinct finding, with the request as sent (method, target, headers, body in base64) and the template it was rendered
from, which a later run re-signs and replays. After a crash the server is restarted.

Standard library only, plus botocore for the signatures. Everything talks to 127.0.0.1; every loop is bounded.
Exit status 1 when anything was found, else 0; the last line is `N passed, M failed`.

The code is in the package `wirefuzz/` next to this file (see its `__init__.py`); this file is the command line.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from wirefuzz import log
from wirefuzz.runner import Fuzzer
from wirefuzz.seeds import PROTOCOLS

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CRASHERS = Path(__file__).resolve().parent / "crashers"


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=120, help="seconds of fuzzing (default 120)")
    parser.add_argument("--requests", type=int, default=None, help="stop after this many fuzzed requests")
    parser.add_argument("--seed", type=int, default=None, help="the random seed (default: a new one, printed)")
    parser.add_argument("--endpoint", default=None, help="fuzz a running server instead of starting one")
    parser.add_argument("--binary", default=os.environ.get("BRICKYARD_BIN", str(ROOT / ".build/debug/brickyard")),
                        help="the brickyard binary ($BRICKYARD_BIN, default .build/debug/brickyard)")
    parser.add_argument("--crashers", default=str(DEFAULT_CRASHERS), help="where findings are saved and replayed from")
    parser.add_argument("--timeout", type=float, default=10, help="seconds an answer may take (default 10)")
    parser.add_argument("--protocols", default=",".join(PROTOCOLS),
                        help=f"comma-separated subset of {','.join(PROTOCOLS)}")
    parser.add_argument("--exclude", action="append", default=[], metavar="REGEX",
                        help="skip requests whose seed name, method or mutations match (repeatable), e.g. 'clock/advance'")
    parser.add_argument("--exclude-known", action="store_true",
                        help="skip requests that look like the known bugs being fixed (see known_issue)")
    parser.add_argument("--no-replay", action="store_true", help="do not replay the saved crashers first")
    parser.add_argument("--replay-only", action="store_true", help="replay the saved crashers and stop")
    parser.add_argument("--stop-on-first", action="store_true", help="stop at the first finding")
    parser.add_argument("--verbose", action="store_true", help="print every finding, repeats included")
    args = parser.parse_args(argv)
    args.protocols = [p.strip() for p in args.protocols.split(",") if p.strip()]
    unknown = set(args.protocols) - set(PROTOCOLS)
    if unknown:
        parser.error(f"unknown protocols: {', '.join(sorted(unknown))}")
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), "big")
    if args.endpoint:
        host = urlsplit(args.endpoint).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            parser.error("--endpoint must be a loopback address")
        args.endpoint = args.endpoint.rstrip("/")
    elif not Path(args.binary).exists():
        parser.error(f"{args.binary} does not exist: run `swift build` or set BRICKYARD_BIN")
    return args


def main(argv=None) -> int:
    args = parse_arguments(argv)

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    log(f"wire fuzzer: seed {args.seed}, duration {args.duration:.0f}s, "
        f"requests {args.requests if args.requests is not None else 'unbounded'}, protocols {','.join(args.protocols)}")
    fuzzer = Fuzzer(args)
    started = time.monotonic()
    status = 0
    try:
        fuzzer.boot()
        log(f"brickyard at {fuzzer.server.endpoint}; workspace {fuzzer.signer.context['ws']}")
        if not args.no_replay:
            fuzzer.replay()
        if not args.replay_only and not fuzzer.stopped:
            fuzzer.fuzz()
    except KeyboardInterrupt:
        log("interrupted")
        status = 130
    except SystemExit as terminated:  # SIGTERM
        log("terminated")
        status = terminated.code if isinstance(terminated.code, int) else 143
    except RuntimeError as error:  # the server would not start, or an --endpoint server stopped answering
        log(f"stopped: {error}")
        fuzzer.failed += 1
    finally:
        fuzzer.server.stop()
    return fuzzer.summary(time.monotonic() - started) or status


if __name__ == "__main__":
    sys.exit(main())
