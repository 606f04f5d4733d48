"""Where in a capture seeds may lie: the reference's word n-grams as Hyperscan databases.

`locate` reads a long capture only in windows around what `_SeedFinder` finds, and a
short one whole (`_SeedFinder.worth` says which pays). Everything here works on the
capture's bytes; words are `texts`' business.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from provenance.matcher import Encoded, Matcher, encoded, matcher
from provenance.model import Normalised
from provenance.normalise import (
    INVISIBLE,
    non_ascii,
    normalise,
)

_SEPARATOR = rb"[^a-z0-9]+"
"""Between two words of normalised text in UTF-8 bytes: every character `_WORD` does not
take is an ASCII byte other than a letter or digit, or is non-ASCII (all its bytes
0x80-0xff), and folding leaves no capital A-Z, so this class takes every separator (and
more, which only costs a window that finds nothing)."""
_SHORT = 8
_LONG_BUDGET = 256
"""Bytes of text per `_LONG_SEPARATOR` match that `_SeedFinder._found` takes before it
scans with `expressions` whole. A call into Python costs about what Hyperscan takes to
scan 32 bytes with them, and the runs found are scanned again around them, so a page
past this many is cheaper scanned whole."""
_SHORT_SEPARATOR = rb"[^a-z0-9]{1,%d}" % _SHORT
_LONG_SEPARATOR = rb"[^a-z0-9]{%d}" % (_SHORT + 1)
"""Hyperscan matches n-grams whose separators are at most `_SHORT` bytes long six to nine
times faster than ones with `_SEPARATOR`'s unbounded repeat, so the first pass looks for
those, and for every longer run of separator bytes; the n-grams are then looked for as
they are only around those runs (few in prose: a rule, an indented block)."""


@dataclass(slots=True)
class _SeedFinder:
    """The reference's word n-grams as Hyperscan databases, for a C-speed first pass.

    Each n-gram is its words as literal bytes joined by `_SEPARATOR`, so every place the
    capture's words (as `_WORD` finds them) run as an n-gram of the reference is a match:
    a superset of the seeds, found without a Python object per word. Where nothing
    matches, no seed can be; `locate` reads words only in windows around the matches.
    The matches are found in two steps (`_SHORT_SEPARATOR`, then `expressions` near each
    `_LONG_SEPARATOR`), which find every one `expressions` find.

    Compiling costs seconds (about 3 s for the statement's 827 n-grams, and 2 s more for
    the second step, when a capture first needs it; 9 and 13 s for the 2,409 of the
    Russian ministry's page), once per machine: the compiled
    databases are kept on disk (`provenance.matcher`). Until they are there, the finder
    is compiled only when worth it (see `worth`); before that a capture is one window,
    which gives the same passages.
    """

    expressions: tuple[bytes, ...]
    reach: int = 0
    """Bytes on either side of a run of `_LONG_SEPARATOR` in which an n-gram through it
    lies: its other words, and the separators between them that are not long runs."""
    located: int = 0
    _matcher: Matcher | None = None
    _first: Matcher | None = None

    @property
    def matcher(self) -> Matcher:
        """The n-grams with any separators: what the finder finds."""
        if self._matcher is None:
            self._matcher = matcher(self.expressions, leftmost=True, caseless=True)
        return self._matcher

    @property
    def first(self) -> Matcher:
        """The first step: the n-grams with short separators, then `_LONG_SEPARATOR`."""
        if self._first is None:
            short = (e.replace(_SEPARATOR, _SHORT_SEPARATOR) for e in self.expressions)
            self._first = matcher((*short, _LONG_SEPARATOR), leftmost=True, caseless=True)
        return self._first

    @classmethod
    def of(cls, index: Iterable[tuple[str, ...]]) -> _SeedFinder:
        grams = sorted(index)
        words = {w for g in grams for w in g}
        # Each word's bytes escaped once (a few hundred words make the thousands of n-grams).
        escaped = {w: b"".join(b"\\x%02x" % c for c in w.encode()) for w in words}
        longest = max((len(w.encode()) for w in words), default=0)
        size = max((len(g) for g in grams), default=1)
        return cls(
            tuple(_SEPARATOR.join(escaped[w] for w in gram) for gram in grams),
            reach=(size - 1) * (longest + _SHORT),
        )

    def worth(self, text: str) -> bool:
        """Count `text` as located; True when windows are worth the finder for it: the
        finder is compiled already (here or on disk), or `text` is long enough to pay for
        compiling it (`_FINDER_CHARS`, `_FINDER_TOTAL`). Scanning is cheaper than reading
        every word even for a page of a few kB."""
        self.located += len(text)
        if not self.expressions:
            return False
        if len(text) >= _FINDER_CHARS or self.located >= _FINDER_TOTAL:
            return True
        return self.first.ready

    def _found(self, data: bytes, *, stop: bool) -> list[tuple[int, int]]:
        """Byte spans of the matches in `data`, in order of start (with `stop`, at most
        one: the scan stops at the first).

        Each byte of a long run of separators past its ninth is a match of
        `_LONG_SEPARATOR`, a call into Python: text with many (page layout in spaces; a
        script other than the reference's, whose letters are all separator bytes) is
        scanned with `expressions` whole instead, once the calls would cost more than
        that scan (`_LONG_BUDGET`)."""
        found: list[tuple[int, int]] = []
        runs: list[list[int]] = []
        long_run = len(self.expressions)
        budget = len(data) // _LONG_BUDGET + 64

        def on(i: int, start: int, end: int, _flags: int, _context: object) -> bool:
            nonlocal budget
            if i != long_run:
                found.append((start, end))
                return stop
            budget -= 1
            if budget < 0:
                return True  # too many: scan whole
            if runs and start <= runs[-1][1] + self.reach * 2:
                runs[-1][1] = end
            else:
                runs.append([start, end])
            return False

        if self.first.stopped(data, on):
            if budget >= 0:
                return found
            if stop:
                return [(0, len(data))] if self.matcher.matches(data) else []
            return sorted(_every(self.matcher, data))
        for start, end in runs:  # each a cluster of long runs near enough to share an n-gram
            low = max(0, start - self.reach)
            part = data[low : end + self.reach]
            if stop and self.matcher.matches(part):
                return [(low, low + len(part))]
            found.extend((low + a, low + b) for a, b in _every(self.matcher, part))
        return sorted(set(found))  # a match with short separators near a long run: found twice

    def absent(self, original: str) -> bool:
        """True when the finder cannot match in the normalised `original`, told from its
        bytes without normalising it (`_readable`); False when it may, or cannot be told."""
        readable, _ = _readable(original)
        return readable is not None and not self._found(readable.data, stop=True)

    def matches(self, original: str) -> tuple[list[tuple[int, int]], Normalised | None]:
        """Character spans [start, end) that hold every match of the finder in the
        normalised `original`, in order of start: spans of `original`, read from its own
        bytes where `_readable` allows (a match there is one in the normalised text, and
        the other way round), with None; else spans of its normalised text, with it."""
        readable, same_offsets = _readable(original)
        if readable is not None and same_offsets:
            return self._spans(readable), None
        if readable is not None and not self._found(readable.data, stop=True):
            return [], None  # told without normalising the page, as a short one is
        normalised = normalise(original)
        return self._spans(Encoded(normalised.text)), normalised

    def _spans(self, text: Encoded) -> list[tuple[int, int]]:
        """Character spans of every match in `text`, in order of start."""
        found = self._found(text.data, stop=False)
        offsets = sorted({x for span in found for x in span})
        chars = dict(zip(offsets, text.chars(offsets), strict=True))
        return [(chars[a], chars[b]) for a, b in found]


def _every(scanner: Matcher, data: bytes) -> list[tuple[int, int]]:
    """Byte spans of every match of `scanner` in `data`."""
    found: list[tuple[int, int]] = []
    scanner.scan(data, lambda _i, start, end, _f, _c: found.append((start, end)))
    return found


def _readable(original: str) -> tuple[Encoded | None, bool]:
    """`original` as bytes in which the finder matches where it matches in the normalised
    text, and whether their character offsets are the original's; None when `original`
    holds what makes the matches differ.

    Between words the finder takes any bytes but letters and digits, and it ignores the
    case of ASCII letters, so lower-casing would change nothing it reads unless
    `original` holds a non-ASCII character with a case (then the bytes are those of its
    lower case). Lower-casing makes every letter of a word what normalising makes it,
    unless `original` holds a character that normalising folds otherwise
    (`_folds_unlike_lower`); it moves the offsets when a lower case is longer (İ).
    """
    utf8 = encoded(original)
    if len(utf8.data) == len(original):  # ASCII
        return utf8, True
    present = non_ascii(utf8.data)
    if any(map(_folds_unlike_lower, present)):
        return None, False
    if any(c.lower() != c for c in present):
        lowered = original.lower()
        return Encoded(lowered), len(lowered) == len(original)
    return utf8, True


@lru_cache(maxsize=4096)
def _folds_unlike_lower(char: str) -> bool:
    """Whether `normalise` does not fold `char` as `str.lower` does, letter for letter:
    invisible (dropped from inside a word), combining (composed with its letter), or one
    whose NFC and case fold differ from its lower case (ß, ﬁ)."""
    return (
        char in INVISIBLE
        or unicodedata.combining(char) != 0
        or unicodedata.normalize("NFC", char).casefold() != char.lower()
    )


_FINDER_CHARS = 4 << 20
_FINDER_TOTAL = 8 << 20
"""A capture this long, or this much located in all, pays for compiling the finder (2 s
against reading every word of 4 MB at about 3 MB/s)."""
