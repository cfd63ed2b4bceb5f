"""The wire fuzzer for `brickyard serve`, as a package; `Tests/fuzz/wire_fuzz.py` is its command line.

- `values`, `cbor`, `jsontext`: the interesting values, and encoders that can also write malformed CBOR and JSON;
- `request`, `signing`, `transport`: a request's template and wire form, its signatures, one exchange on a socket;
- `server`, `targets`: the emulator process, and the resources the seeds aim at;
- `seeds/`: one valid request of each kind, a module per protocol; `mutations`: what changes them;
- `findings`, `runner`: crasher files, known bugs and replay; the loop and the summary.
"""


def log(message: str) -> None:
    print(message, flush=True)
