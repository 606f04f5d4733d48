"""Issue 14's two yardsticks, measured on this machine: what its speed target means here.

The issue sets 100 MB per CPU-second "on this machine", and gives that machine's scale:
a Python word-5-gram locator reaches 27 MB/s there and `grep -F` of one sentence reads
3.3 GB/s. Benchmark hosts differ (stop 34's Xeon and stop 35's EPYC gave the same scan
figures a fifth apart), so `scan_bench.py` measures both yardsticks on the collection it
scans and prints them beside its own figures: the scan's rate over the locator's is a
ratio that travels between machines, where MB/s does not.

- The locator: each JSON line parsed, its text lower-cased, its words (`\\w+`) made into
  5-grams, and those the reference holds counted with one set intersection, a document
  being a hit at two. It is the plainest fast form we found (a loop over the 5-grams, or
  5-grams joined into strings, were a quarter slower): the yardstick is not handicapped.
- grep: `grep -F -c` of one sentence of the reference over the collection, its output
  piped (GNU grep stops at the first match when it writes to /dev/null), the file in the
  page cache; the best of five runs, wall clock.

    python benchmarks/yardsticks.py COLLECTION.jsonl REFERENCE.txt
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

ISSUE_LOCATOR_MB_S = 27.0
ISSUE_GREP_GB_S = 3.3
TARGET_MB_S = 100.0

_WORD = re.compile(r"\w+")


class Yardsticks(NamedTuple):
    locator: float
    """The Python word-5-gram locator, MB per CPU-second."""
    grep: float | None
    """`grep -F` of one sentence, GB/s (None without grep)."""

    def target_here(self) -> float:
        """The issue's 100 MB per CPU-second, scaled to this machine by the locator."""
        return TARGET_MB_S * self.locator / ISSUE_LOCATOR_MB_S

    def __str__(self) -> str:
        grep = "grep not found" if self.grep is None else f"{self.grep:.2f} GB/s"
        return (
            f"issue 14's yardsticks here: Python word-5-gram locator {self.locator:.1f} MB per "
            f"CPU-second (the issue's machine: {ISSUE_LOCATOR_MB_S:.0f}), grep -F of one "
            f"sentence {grep} (the issue's: {ISSUE_GREP_GB_S}); the target, 100 MB per "
            f"CPU-second there, is {self.target_here():.0f} here by the locator "
            f"({TARGET_MB_S / ISSUE_LOCATOR_MB_S:.1f}x the locator)"
        )


def five_grams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return set(zip(words, words[1:], words[2:], words[3:], words[4:], strict=False))


def locator_rate(jsonl: Path, reference: str) -> tuple[float, int]:
    """MB per CPU-second of the plain locator over `jsonl`, and the documents it finds."""
    grams = five_grams(reference)
    started, size, found = time.process_time(), 0, 0
    with jsonl.open("rb") as lines:
        for line in lines:
            size += len(line)
            words = _WORD.findall(json.loads(line)["text"].lower())
            shared = grams.intersection(
                zip(words, words[1:], words[2:], words[3:], words[4:], strict=False)
            )
            found += len(shared) >= 2
    return size / 1e6 / (time.process_time() - started), found


def grep_rate(path: Path, sentence: str, runs: int = 5) -> float | None:
    """GB/s of `grep -F -c sentence path`, the best of `runs`; None without grep."""
    grep = shutil.which("grep")
    if grep is None:
        return None
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([grep, "-F", "-c", sentence, str(path)], stdout=subprocess.PIPE, check=False)
        best = min(best, time.perf_counter() - started)
    return path.stat().st_size / 1e9 / best


def first_sentence(reference: str) -> str:
    """The reference's first sentence of eight words or more (grep's pattern)."""
    for sentence in re.split(r"(?<=[.!?])\s+", reference):
        if len(sentence.split()) >= 8 and "\n" not in sentence:
            return sentence
    return reference.split("\n", 1)[0]


def measure(jsonl: Path, reference: str) -> Yardsticks:
    locator, _ = locator_rate(jsonl, reference)
    return Yardsticks(locator, grep_rate(jsonl, first_sentence(reference)))


if __name__ == "__main__":
    collection, reference_path = Path(sys.argv[1]), Path(sys.argv[2])
    print(measure(collection, reference_path.read_text(encoding="utf-8")))
