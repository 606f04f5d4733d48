"""Benchmark `provenance check` (not a test: run by `make bench`, never by `make test`).

1. The bundled corpus, as CI runs it: `provenance check corpus` in a subprocess, so the
   time includes interpreter start-up and imports. Target: under 1 s.
2. Generated corpora of 250, 500 and 1,000 captures (full copies with a few edits,
   excerpts, and background articles without the statement), checked in-process, to
   show how the time grows with the number of captures.

Prints the machine's CPU and Python version first, since the numbers mean nothing
without them.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from machine import machine

from provenance.check.gate import check
from provenance.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus"


def bundled(repeats: int = 5) -> list[float]:
    command = [sys.executable, "-m", "provenance", "check", str(BUNDLED)]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            message = f"check failed: {done.stderr.decode()}"
            raise SystemExit(message)
    return times


def generate(directory: Path, count: int, seed: int = 2017) -> None:
    """A corpus of `count` captures built from the bundled reference and background texts."""
    corpus = load_corpus(BUNDLED)
    reference = corpus.reference.text
    # Quotation marks are dropped from the shuffled background words: shuffled, they
    # would pair up into quotations hundreds of words long, which no real capture has.
    marks = str.maketrans("", "", "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
    background = [
        w for w in " ".join(c.text for c in corpus.captures[3:]).translate(marks).split() if w
    ]
    words = reference.split(" ")
    rng = random.Random(seed)
    shutil.copyfile(BUNDLED / f"{corpus.manifest.reference.source}.txt", directory / "ref.txt")
    source_bytes = (directory / "ref.txt").read_bytes()
    ref = corpus.manifest.reference
    lines = [
        'schema = "provenance-manifest/1"',
        "",
        "[reference]",
        f'id = "{ref.id}"\nsource = "ref"\nstart = {ref.start}\nend = {ref.end}',
        f'sha256 = "{ref.sha256}"',
        "",
        _entry("ref", "ref.txt", source_bytes, ["full"]),
    ]
    for number in range(count - 1):
        kind = number % 3
        if kind == 0:  # a full copy with a few substitutions and no-break spaces
            copy = list(words)
            for _ in range(5):
                at = rng.randrange(len(copy))
                copy[at] = rng.choice(background)
            text = (
                rng.choice(background)
                + "\n\n"
                + "\u00a0".join(copy[:40])
                + " "
                + " ".join(copy[40:])
            )
            holds = ["full"]
        elif kind == 1:  # one excerpt inside unrelated prose
            at = rng.randrange(len(words) - 80)
            prose = " ".join(rng.choice(background) for _ in range(300))
            quoted = " ".join(words[at + 100 : at + 112]) if at + 112 < len(words) else "peace"
            text = (
                f"{prose}\n\n{' '.join(words[at : at + 60])}\n\n"
                f'The statement says: "{quoted}"\n\n{prose}'
            )
            holds = ["excerpts"]
        else:  # background only
            text = " ".join(rng.choice(background) for _ in range(900))
            holds = []
        data = f"capture {number}\n{text}\n".encode()
        name = f"{number + 1:04d}.txt"
        (directory / name).write_bytes(data)
        lines += ["", _entry(name.removesuffix(".txt"), name, data, holds)]
    (directory / "manifest.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _entry(id: str, file: str, data: bytes, holds: list[str]) -> str:
    sha = hashlib.sha256(data).hexdigest()
    listed = ", ".join(f'"{h}"' for h in holds)
    return (
        f'[[captures]]\nid = "{id}"\nfile = "{file}"\nsha256 = "{sha}"\nsize = {len(data)}\n'
        f"holds = [{listed}]"
    )


def main() -> None:
    print(machine())
    times = bundled()
    print(
        f"bundled corpus, subprocess incl. start-up: median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s over {len(times)} runs (target < 1 s)"
    )
    previous: tuple[int, float] | None = None
    for count in (250, 500, 1000):
        with tempfile.TemporaryDirectory() as temp:
            directory = Path(temp)
            generate(directory, count)
            start = time.perf_counter()
            result = check(directory)
            elapsed = time.perf_counter() - start
        growth = ""
        if previous is not None:
            growth = f", x{elapsed / previous[1]:.2f} for x{count / previous[0]:.1f} captures"
        print(
            f"generated corpus of {count:4d} captures: {elapsed:.2f} s "
            f"({1000 * elapsed / count:.1f} ms per capture; {len(result.problems)} problems: "
            f"{dict(Counter(p.rule.name for p in result.problems))}){growth}"
        )
        previous = (count, elapsed)


if __name__ == "__main__":
    main()
