"""Pick the candidate documents of a collection at C speed, before the engine reads them.

The reference's word 3-grams (three words joined by single spaces, as they stand in
the reference) are compiled into one Hyperscan database of literal patterns, matched
caseless over a document's raw bytes. Each 3-gram also stands in its variants: every
space as a no-break space (UTF-8 or a JSON `\\u00a0` escape) and typographic quotes as
straight ones (or JSON escapes), so that case, no-break spaces and quote styles do not
hide a copy. A document is a candidate when it holds at least `min_grams` distinct
3-grams; only candidates are decoded and given to the engine.

Recall is measured on the generator's truth file by `benchmarks/scan_bench.py`, never
assumed: the engine's own `locate` decides what is a hit.

>>> p = Prefilter.of("The two sides stress the need to resolve all issues peacefully.")
>>> p.grams(b"the\\xc2\\xa0two sides STRESS the need to resolve it")
5
>>> p.grams(b"nothing of the kind")
0
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import hyperscan

MIN_GRAMS = 4
"""Fewest distinct reference 3-grams that make a candidate: a sentence of six intact words."""

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
_QUOTES = {
    "’": ("'", "\\u2019"),
    "‘": ("'", "\\u2018"),
    "“": ('"', "\\u201c"),
    "”": ('"', "\\u201d"),
}
_SPACES = ("\u00a0", "\\u00a0")


@dataclass(slots=True)
class Prefilter:
    """A compiled set of the reference's 3-grams; `grams` counts those a document holds."""

    patterns: tuple[str, ...]
    """The distinct 3-grams (lower case), in the order of their ids."""
    database: hyperscan.Database
    min_grams: int = MIN_GRAMS

    @classmethod
    def of(cls, reference: str, *, min_grams: int = MIN_GRAMS, n: int = 3) -> Prefilter:
        grams = sorted(_grams(reference, n))
        expressions, ids = [], []
        for gid, gram in enumerate(grams):
            for variant in sorted(_variants(gram)):
                expressions.append(re.escape(variant).encode("utf-8"))
                ids.append(gid)
        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        if expressions:
            flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH
            database.compile(
                expressions=expressions,
                ids=ids,
                elements=len(expressions),
                flags=[flags] * len(expressions),
            )
        return cls(tuple(grams), database, min_grams)

    def grams(self, data: bytes) -> int:
        """The number of distinct reference 3-grams in `data`."""
        if not self.patterns or not data:
            return 0
        found: set[int] = set()

        def on_match(gid: int, start: int, end: int, flags: int, context: object) -> None:
            found.add(gid)

        self.database.scan(data, match_event_handler=on_match)
        return len(found)

    def candidate(self, data: bytes) -> tuple[bool, int]:
        """Whether `data` holds enough of the reference to be given to the engine."""
        count = self.grams(data)
        return count >= self.min_grams, count


def _grams(text: str, n: int) -> set[str]:
    """Lower-cased runs of `n` words separated by exactly one space in `text`."""
    words = list(_WORD.finditer(text))
    out = set()
    for i in range(len(words) - n + 1):
        run = words[i : i + n]
        if all(text[a.end() : b.start()] == " " for a, b in itertools.pairwise(run)):
            out.add(text[run[0].start() : run[-1].end()].lower())
    return out


def _variants(gram: str) -> set[str]:
    """`gram` with its quotes straight or escaped and each space a no-break space."""
    forms = {gram}
    for mark, others in _QUOTES.items():
        if mark in gram:
            forms |= {f.replace(mark, other) for f in forms for other in others}
    spaced = set(forms)
    for form in forms:
        for i, char in enumerate(form):
            if char == " ":
                spaced |= {form[:i] + space + form[i + 1 :] for space in _SPACES}
    return spaced
