"""Cost of the decision store: reading, carry-over in `status`, one save, at corpus scale.

Synthetic findings (no analysis): N captures of M findings each, every finding decided on
the capture's old bytes, then every capture re-captured (new digest, new ids): `status`
carries every decision over. Prints the machine first.

    .venv/bin/python benchmarks/review_bench.py [--captures 100] [--per 200]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from machine import machine

from provenance.model import Finding, Severity, Span, Verdict
from provenance.review import REVIEWS, ReviewStore


def findings(captures: int, per: int, digest: str) -> list[Finding]:
    out = []
    for c in range(captures):
        for n in range(per):
            out.append(
                Finding(
                    id=f"d-{digest}{c:04d}{n:05d}",
                    source=f"{c:03d}_capture",
                    source_sha256=f"{digest}{c}",
                    category="divergence",
                    kind="whitespace",
                    severity=Severity.COSMETIC,
                    span=Span(n * 10, n * 10 + 1),
                    text="\xa0",
                    summary="whitespace: ' ' -> '\\xa0'",
                    reference=Span(n * 10, n * 10 + 1),
                    reference_text=" ",
                )
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--captures", type=int, default=100)
    parser.add_argument("--per", type=int, default=200)
    args = parser.parse_args()
    print(machine())
    old = findings(args.captures, args.per, "old")
    new = [
        replace(f, id=f.id.replace("old", "new"), source_sha256=f.source_sha256[3:] + "new")
        for f in old
    ]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / REVIEWS
        store = ReviewStore(path)
        store.status(old)
        start = time.perf_counter()
        store.decide_many(old, Verdict.ACCEPTED, reviewer="bench")
        first = time.perf_counter() - start
        size = path.stat().st_size
        start = time.perf_counter()
        store = ReviewStore(path)
        read = time.perf_counter() - start
        start = time.perf_counter()
        status = store.status(new)
        carry = time.perf_counter() - start
        assert len(status.carried) == len(new) and not status.undecided
        start = time.perf_counter()
        store.decide(new[0], Verdict.FLAGGED, reviewer="bench")
        save = time.perf_counter() - start
    print(f"{len(old)} decisions, {size / 1e6:.1f} MB of JSON Lines")
    print(f"bulk decide (one save): {first:.2f} s; read: {read:.2f} s")
    print(
        f"status with every decision carried over: {carry:.2f} s; one decision saved: {save:.2f} s"
    )


if __name__ == "__main__":
    main()
