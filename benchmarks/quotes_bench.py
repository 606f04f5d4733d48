"""Benchmark quotation checking (not a test: run by `make bench`, never by `make test`).

1. `check_quotes` on a generated capture of 50 quotations attributed to the statement,
   of mixed length: verbatim stretches of 200-600 characters, altered stretches (one
   word in eight swapped for a background word) of 100-600 characters, unrelated
   background prose of 50-600 characters, and short phrases of two to four words.
   Timed per quotation kind as well, since the long altered and unrelated ones are the
   ones that reach the character alignment.
2. The same capture against a long reference: the statement followed by 40,000
   characters of the background articles' words shuffled (the length of a treaty or a
   report), since the character alignment's cost grows with the reference's length.
3. `provenance report corpus` on the bundled corpus as a subprocess, interpreter
   start-up included (target: well under 1 s).

Prints the machine's CPU and Python version first, since the numbers mean nothing
without them.
"""

from __future__ import annotations

import hashlib
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from machine import machine

from provenance.corpus import load_corpus
from provenance.locate import prepare
from provenance.model import Document
from provenance.quotes.verdicts import Quotation, check_quotes

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus"
PROVENANCE = Path(sys.executable).parent / "provenance"
RUNS = 5
_MARKS = str.maketrans("", "", "\"'\u201c\u201d\u2018\u2019\u201a\u201e\u00ab\u00bb")


def _stretch(words: list[str], rng: random.Random, low: int, high: int) -> list[str]:
    """Consecutive words whose joined length lies between `low` and `high` characters."""
    target = rng.randint(low, high)
    at = rng.randrange(len(words) - 120)
    out: list[str] = []
    while len(" ".join(out)) < target and at < len(words):
        out.append(words[at])
        at += 1
    return out


def generate(seed: int = 2017) -> tuple[Document, Document, list[str]]:
    """The bundled reference, and a capture of 50 quotations with the kind of each."""
    corpus = load_corpus(BUNDLED)
    reference = corpus.reference
    words = reference.text.translate(_MARKS).split()
    background = " ".join(c.text for c in corpus.captures[3:]).translate(_MARKS).split()
    rng = random.Random(seed)
    kinds = ["verbatim"] * 15 + ["altered"] * 15 + ["unrelated"] * 10 + ["short"] * 10
    rng.shuffle(kinds)
    parts = []
    for kind in kinds:
        if kind == "verbatim":
            quoted = _stretch(words, rng, 200, 600)
        elif kind == "altered":
            quoted = _stretch(words, rng, 100, 600)
            for at in range(rng.randrange(8), len(quoted), 8):
                quoted[at] = rng.choice(background)
        elif kind == "unrelated":
            at = rng.randrange(len(background) - 120)
            quoted = background[at : at + rng.randint(8, 100)]
            while len(" ".join(quoted)) > 600:
                quoted.pop()
        else:
            at = rng.randrange(len(words) - 4)
            quoted = words[at : at + rng.randint(2, 4)]
        prose = " ".join(rng.choice(background) for _ in range(rng.randint(20, 60)))
        parts.append(f"{prose}. The joint statement said: “{' '.join(quoted)}”.")
    text = "\n\n".join(parts) + "\n"
    data = text.encode("utf-8")
    capture = Document(
        id="generated",
        path=Path("generated.txt"),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=text,
    )
    return reference, capture, kinds


def timed(reference: Document, capture: Document, label: str) -> list[Quotation]:
    prepared = prepare(reference)
    check_quotes(prepared, capture)  # warm the reference's caches
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        found = check_quotes(prepared, capture)
        times.append(time.perf_counter() - start)
    verdicts = Counter(q.verdict.value for q in found)
    print(
        f"check_quotes, {label} ({len(reference.text):,} characters), {len(found)} quotations: "
        f"median {statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms "
        f"over {RUNS} runs; verdicts {dict(sorted(verdicts.items()))}"
    )
    return found


def main() -> None:
    print(machine())
    reference, capture, kinds = generate()
    found = timed(reference, capture, "bundled reference")
    prepared = prepare(reference)
    by_kind: dict[str, list[float]] = {}
    for kind, quotation in zip(kinds, found, strict=True):
        one = _only(capture, quotation.span.start - 1, quotation.span.end + 1)
        start = time.perf_counter()
        check_quotes(prepared, one)
        by_kind.setdefault(kind, []).append(time.perf_counter() - start)
    for kind, seconds in sorted(by_kind.items()):
        print(
            f"  {kind:<10} {len(seconds):2d} quotations: "
            f"mean {statistics.mean(seconds) * 1000:6.1f} ms, max {max(seconds) * 1000:6.1f} ms"
        )
    corpus = load_corpus(BUNDLED)
    rng = random.Random(4)
    background = " ".join(c.text for c in corpus.captures[3:]).translate(_MARKS).split()
    filler = [" ".join(rng.choice(background) for _ in range(120)) + "." for _ in range(50)]
    text = "\n\n".join([reference.text, *filler])
    data = text.encode("utf-8")
    long = Document("long", Path("long.txt"), hashlib.sha256(data).hexdigest(), len(data), text)
    timed(long, capture, "long reference")
    # One line of the statement's words shuffled and repeated, its quotation marks kept: a
    # long quotation every few thousand characters (a cue search per cue and quotation
    # made this 11 s at 220 KB and over 300 s at 1.1 MB; audit w4 of stop 51). Two sizes,
    # four times apart: the cost per KB should stay (stop 52: 460 s at 4 MB before).
    words = reference.text.split()
    random.Random(3).shuffle(words)
    per_kb = []
    for times in (40, 160):
        shuffled = " ".join(words * times)
        data = shuffled.encode("utf-8")
        page = Document(
            "shuffled", Path("s.txt"), hashlib.sha256(data).hexdigest(), len(data), shuffled
        )
        start = time.perf_counter()
        many = check_quotes(prepare(reference), page)
        seconds = time.perf_counter() - start
        per_kb.append(seconds / (len(data) / 1000))
        print(
            f"check_quotes, {len(data) // 1000} KB of one line of long quotations, {len(many)} "
            f"quotations: {seconds:.2f} s (one run)"
        )
    print(f"  cost per KB, 4x the text: {per_kb[1] / per_kb[0]:.2f}x (linear: 1.0)")
    command = [str(PROVENANCE), "report", str(BUNDLED)]
    report = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        report.append(time.perf_counter() - start)
    print(
        f"provenance report corpus (subprocess, start-up included): median "
        f"{statistics.median(report):.3f} s, min {min(report):.3f} s over {RUNS} runs"
    )


def _only(document: Document, start: int, end: int) -> Document:
    """A capture holding one quotation of `document` with its marks and attribution."""
    text = "The joint statement said: " + document.text[start:end] + ".\n"
    data = text.encode("utf-8")
    return Document("one", document.path, hashlib.sha256(data).hexdigest(), len(data), text)


if __name__ == "__main__":
    main()
