"""Benchmark: collate 50 and 200 generated witnesses of the statement; compare with CollateX.

Not a test: run by `make bench` (through benchmarks/run.py) or `make bench-collate`.
Prints, for each size, our time (alignment + collation + grouping), the peak memory
traced by tracemalloc, and how both grow from one size to the next; then CollateX's time
on the same witnesses, in a subprocess with a time cap, and the ratio.

The witnesses descend from the reference through a random copying tree (seeded): each
copies an earlier witness or the reference and adds one to three changes of its own (a
word substituted, a word or a sentence dropped, a no-break space, a word inserted), so
shared readings exist for the grouping to find, as in a real tradition.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.collation.genealogy import genealogy  # noqa: E402
from provenance.collation.table import collate  # noqa: E402
from provenance.collation.witnesses import from_text  # noqa: E402
from provenance.corpus import load_corpus  # noqa: E402
from provenance.model import Document  # noqa: E402

SIZES = (5, 10, 50, 200)
"""The brief's 50 and 200, plus 5 and 10 so CollateX, far slower, gives a ratio at all."""
COLLATEX_CAP = 120.0
"""Seconds CollateX may take on one size; if it runs out, larger sizes are skipped."""

_WORD = re.compile(r"[^\W_]+")
_SENTENCE = re.compile(r"[^.]+\. ")


def generate(reference: str, n: int, *, seed: int = 2017) -> list[str]:
    """`n` witnesses of `reference` descending from one another (see the module docstring)."""
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(n):
        parent = reference if not texts or rng.random() < 0.2 else rng.choice(texts)
        text = parent
        for _ in range(rng.randint(1, 3)):
            text = _mutate(text, rng)
        texts.append(text)
    return texts


def _mutate(text: str, rng: random.Random) -> str:
    kind = rng.choice(("substitute", "drop-word", "drop-sentence", "nbsp", "insert"))
    if kind == "drop-sentence":
        sentences = list(_SENTENCE.finditer(text))
        if sentences:
            m = rng.choice(sentences)
            return text[: m.start()] + text[m.end() :]
    words = list(_WORD.finditer(text))
    m = rng.choice(words)
    if kind == "substitute":
        return text[: m.start()] + m.group()[::-1] + text[m.end() :]
    if kind == "drop-word":
        return text[: m.start()] + text[m.end() :].lstrip(" ")
    if kind == "nbsp" and m.end() < len(text) and text[m.end()] == " ":
        return text[: m.end()] + "\u00a0" + text[m.end() + 1 :]
    return text[: m.start()] + "indeed " + text[m.start() :]


def ours(reference: Document, texts: list[str]) -> dict[str, float]:
    """Time (without tracing) and traced peak memory of align + collate + genealogy."""
    start = time.perf_counter()
    witnesses = [from_text(f"w{i:03d}", reference, t) for i, t in enumerate(texts)]
    aligned = time.perf_counter()
    table = collate(reference, witnesses)
    collated = time.perf_counter()
    result = genealogy(table)
    done = time.perf_counter()
    tracemalloc.start()
    witnesses = [from_text(f"w{i:03d}", reference, t) for i, t in enumerate(texts)]
    genealogy(collate(reference, witnesses))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "align_s": aligned - start,
        "collate_s": collated - aligned,
        "genealogy_s": done - collated,
        "total_s": done - start,
        "peak_mib": peak / 2**20,
        "locations": len(table.locations),
        "variant_locations": len(table.variants()),
        "groups": sum(len(f.groups) for f in result.families),
    }


_COLLATEX_SCRIPT = """
import json, resource, sys, time
from collatex import Collation, collate
texts = json.load(sys.stdin)
collation = Collation()
for i, t in enumerate(texts):
    collation.add_plain_witness(f"w{i:03d}", t)
start = time.perf_counter()
collate(collation, output="json", segmentation=True)
elapsed = time.perf_counter() - start
print(json.dumps({"total_s": elapsed,
                  "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def collatex(texts: list[str], cap: float) -> dict[str, float] | str:
    """CollateX on the same texts in a subprocess; a string says why there is no result."""
    try:
        import collatex as _  # noqa: F401
    except ImportError:
        return "not installed (pip install -e '.[bench]')"
    try:
        run = subprocess.run(
            [sys.executable, "-c", _COLLATEX_SCRIPT],
            input=json.dumps(texts),
            text=True,
            capture_output=True,
            timeout=cap,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"did not finish within {cap:.0f} s"
    if run.returncode != 0:
        return "failed: " + (run.stderr.strip().splitlines() or ["?"])[-1]
    result: dict[str, float] = json.loads(run.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--cap", type=float, default=COLLATEX_CAP, help="CollateX cap, seconds")
    parser.add_argument("--no-collatex", action="store_true")
    args = parser.parse_args(argv)
    reference = load_corpus(ROOT / "corpus").reference
    print(f"collate: {len(reference.text):,}-character reference; sizes {args.sizes}")
    previous: tuple[int, dict[str, float]] | None = None
    collatex_gave_up = "" if not args.no_collatex else "skipped (--no-collatex)"
    generated = generate(reference.text, max(args.sizes))
    for n in sorted(args.sizes):
        texts = generated[:n]  # the same witnesses for both tools, smaller sizes a prefix
        result = ours(reference, texts)
        line = (
            f"  {n:>4} witnesses: {result['total_s']:.2f} s (align {result['align_s']:.2f}, "
            f"collate {result['collate_s']:.2f}, group {result['genealogy_s']:.2f}), "
            f"peak {result['peak_mib']:.1f} MiB, {int(result['variant_locations'])} variant "
            f"locations, {int(result['groups'])} groups"
        )
        if previous is not None:
            m, before = previous
            line += (
                f"; x{n / m:.0f} witnesses -> time x{result['total_s'] / before['total_s']:.1f}, "
                f"memory x{result['peak_mib'] / before['peak_mib']:.1f}"
            )
        print(line)
        previous = (n, result)
        if collatex_gave_up:
            print(f"        CollateX: {collatex_gave_up}")
            continue
        theirs = collatex(texts, args.cap)
        if isinstance(theirs, str):
            print(f"        CollateX: {theirs}")
            collatex_gave_up = f"skipped (a smaller size {theirs})"
            continue
        print(
            f"        CollateX 2.3: {theirs['total_s']:.2f} s, "
            f"max RSS {theirs['max_rss_mib']:.0f} MiB; "
            f"ratio CollateX/ours {theirs['total_s'] / result['total_s']:.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
