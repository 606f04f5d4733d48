"""Benchmarks (not tests): `make bench`. Prints the machine beside the figures.

(a) the whole `provenance report` on the bundled corpus as a subprocess, interpreter
    start-up included (target: under 1 s of wall time);
(b) aligning a 16x concatenation of the statement against a perturbed copy with
    fast-diff-match-patch (the engine's path), and with the pure-Python
    diff_match_patch (Diff_Timeout = 0) on the same input, checking both give the
    same edits.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import diff_match_patch
import fast_diff_match_patch
from machine import machine

from provenance.align import align_texts
from provenance.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
PROVENANCE = Path(sys.executable).parent / "provenance"
REPORT_RUNS = 7
ALIGN_RUNS = 5


def timed(run: Callable[[], object], times: int) -> list[float]:
    out = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return out


def figures(name: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (
        f"{name:<52} min {min(ms):8.1f} ms   median {statistics.median(ms):8.1f} ms"
        f"   ({len(ms)} runs)"
    )


def perturb(text: str, seed: int = 4) -> str:
    """A copy with the kinds of damage the corpus shows: NBSPs, lost stops, changed words."""
    rng = random.Random(seed)
    chars = list(text)
    spaces = [i for i, c in enumerate(chars) if c == " "]
    for i in rng.sample(spaces, len(spaces) // 50):
        chars[i] = "\u00a0"
    out = "".join(chars)
    for old, new in (("neighbours", "neighbors"), ("serious", "grave"), (". The", "The")):
        out = out.replace(old, new, 3)
    return out


def bench_report() -> None:
    command = [str(PROVENANCE), "report", str(ROOT / "corpus")]
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    seconds = timed(lambda: subprocess.run(command, check=True, capture_output=True), REPORT_RUNS)
    print(figures("provenance report corpus/ (subprocess, start-up incl.)", seconds))
    verdict = "meets" if statistics.median(seconds) < 1.0 else "MISSES"
    print(f"{'':<52} median {verdict} the 1 s target")


def bench_alignment() -> None:
    statement = load_corpus(ROOT / "corpus").reference.text
    reference = statement * 16
    copy = perturb(reference)
    print(f"alignment input: {len(reference):,} vs {len(copy):,} characters")

    def fast() -> list[tuple[str, str]]:
        ops = fast_diff_match_patch.diff(
            reference, copy, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False
        )
        return [(op, text) for op, text in ops]

    def slow() -> list[tuple[str, str]]:
        dmp = diff_match_patch.diff_match_patch()
        dmp.Diff_Timeout = 0  # no deadline: the same answer on any machine
        diffs = dmp.diff_main(reference, copy, False)
        dmp.diff_cleanupSemantic(diffs)
        symbol = {0: "=", -1: "-", 1: "+"}
        return [(symbol[op], text) for op, text in diffs]

    engine = timed(lambda: align_texts(reference, copy), ALIGN_RUNS)
    print(figures("align_texts (tokens, fast-diff-match-patch)", engine))
    fast_times = timed(fast, ALIGN_RUNS)
    print(figures("fast-diff-match-patch, characters", fast_times))
    slow_times = timed(slow, 3)
    print(figures("diff_match_patch (pure Python), characters", slow_times))
    edits = fast()
    same = edits == slow()
    ratio = statistics.median(slow_times) / statistics.median(fast_times)
    print(f"same edits: {'yes' if same else 'NO'} ({len(edits)} ops); C++ {ratio:.0f}x faster")
    if not same:
        message = "the two diff-match-patch builds disagree"
        raise SystemExit(message)


def main() -> None:
    print(machine())
    bench_report()
    bench_alignment()
    # Collation at 50 and 200 witnesses; CollateX's comparison takes minutes: make bench-collate.
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "collate_bench.py"),
            "--sizes",
            "50",
            "200",
            "--no-collatex",
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
