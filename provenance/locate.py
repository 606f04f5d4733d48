"""Find every passage of a capture that copies part of the reference.

Seeds are shared runs of `seed_words` consecutive words (hashed word n-grams, which
scale to large collections); seeds on a common diagonal chain into runs; runs that are
one copy (its parts reordered, repeated, or with foreign material between them) group
into one passage made of segments; rapidfuzz scores each passage; boundaries are
settled word by word and then character by character on the normalised text, and
mapped back to the original. The rules and their thresholds: docs/locate.md.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from provenance.matcher import Encoded, Matcher, encoded, matcher
from provenance.model import Document, Normalised, Passage, PassageKind, Segment, Span
from provenance.normalise import (
    INVISIBLE,
    cut_after,
    cut_before,
    non_ascii,
    normalise,
    normalise_part,
)

_WORD = re.compile(r"[^\W_]+")
_WORD_SPLIT = re.compile(r"([^\W_]+)")
_ASCII_WORD_SPLIT = re.compile(r"([A-Za-z0-9]+)")
_SINGLE = r"'(?!(?:s|t|re|ll|ve|d|m)\b)(?:(?<![^\W_]')|(?![^\W_]))"
_MARKS = re.compile(r"\"|" + _SINGLE)
"""Quotation marks after folding (see normalise): every double mark and guillemet is
`"`; a single mark `'` counts unless it is an apostrophe: between two letters, or
before a contraction's ending ("(DPRK)'s", "don't")."""
_SEED_WORDS = 5


@dataclass(frozen=True, slots=True)
class LocateOptions:
    """Thresholds of `locate`; the defaults are the ones the bundled corpus was checked with."""

    seed_words: int = _SEED_WORDS
    """Length of the exact word runs that seed a passage."""
    min_words: int = 12
    """Fewest capture words a passage must span; shorter quotations are the quotes stage's."""
    max_inserted_words: int = 12
    """Most unmatched capture words inside one passage; more splits it in two."""
    max_omitted_words: int = 150
    """Most reference words a passage may skip (an omission) and still be one passage."""
    full_share: float = 0.95
    """Share of the reference a passage must cover to be a `full` copy."""
    min_score: float = 60.0
    """Lowest rapidfuzz ratio (0-100, normalised texts) for a candidate to be kept."""
    max_interruption_words: int = 80
    """Most foreign words (page furniture, a link box, an advertisement, a caption) that
    may stand inside one copy, when the copy carries on after them where it stopped."""
    continuity_words: int = 3
    """Most reference words a copy may skip across an interruption and still carry on."""
    translation_words: int = 40
    """A passage shorter than this is checked for being a phrase an independent
    translation shares by chance: see `context_share`."""
    context_words: int = 20
    """Words of the capture's paragraph read on each side of a short passage."""
    context_share: float = 0.4
    """Share of those words' content words that the reference's words around the same
    place also have, from which the passage reads as part of another translation of
    the same text rather than a copy (docs/locate.md)."""
    min_exact_share: float = 0.5
    """Least share of a passage's words that must lie in exact seed runs; below it the
    passage reads as an independent translation that shares some phrases (docs/locate.md)."""
    sentence_words: int = 6
    """Fewest words a passage shorter than `min_words` must match, when it stands as whole
    sentences of the reference (docs/locate.md)."""
    sentence_share: float = 0.8
    """Least share of such a passage's words that match its reference sentences, words
    an ellipsis stands for counting as matched."""


@dataclass(frozen=True, slots=True)
class PreparedReference:
    """The reference normalised and indexed once, for locating in any number of documents."""

    document: Document
    normalised: Normalised
    words: tuple[tuple[str, int, int], ...]
    """(word, start, end) in the normalised text."""
    index: dict[tuple[str, ...], tuple[int, ...]]
    """Word n-gram -> positions of its first word."""
    seed_words: int
    finder: _SeedFinder
    """The n-grams for a C-speed first pass over a whole capture."""


def prepare(reference: Document, *, seed_words: int = _SEED_WORDS) -> PreparedReference:
    """Normalise and index the reference for `locate`."""
    normalised = normalise(reference.text)
    words = _words(normalised.text)
    index: dict[tuple[str, ...], list[int]] = {}
    names = [w for w, _, _ in words]
    for i in range(len(names) - seed_words + 1):
        index.setdefault(tuple(names[i : i + seed_words]), []).append(i)
    finder = _SeedFinder.of(index)
    for step in (finder.first, finder.matcher) if finder.expressions else ():
        if step.ready:
            step.compile()  # loaded from disk now, not in the first capture's time
    return PreparedReference(
        document=reference,
        normalised=normalised,
        words=words,
        index={k: tuple(v) for k, v in index.items()},
        seed_words=seed_words,
        finder=finder,
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


def locate(
    reference: PreparedReference, capture: Document, *, options: LocateOptions = LocateOptions()
) -> list[Passage]:
    """Find every passage of `capture` that copies part of the reference.

    A pure function of its arguments, so a scan can call it on any number of documents.

    Args:
        reference: The prepared reference (see `prepare`).
        capture: A document that may contain full copies and excerpts.
        options: Thresholds; see LocateOptions.

    Returns:
        Passages in capture order; spans are original-file offsets on both sides. A copy
        whose parts are reordered, repeated or interrupted is one passage with segments.
    """
    if options.seed_words != reference.seed_words:
        reference = prepare(reference.document, seed_words=options.seed_words)
    original = capture.text
    finder = reference.finder
    worth = finder.worth(original)
    if not worth or len(original) <= _WINDOWED * _MARGIN:
        # One window, the whole text: most pages of a collection are this short, and
        # reading their words costs less than a callback for every match.
        if worth and finder.absent(original):
            return []  # most pages of a collection: no need to normalise them
        normalised = normalise(original)
        words = _words(normalised.text)
        texts = _Texts(reference, normalised, words, original, (0, len(words)))
        return sorted(_window_passages(texts, options), key=_order)
    matches, whole = finder.matches(original)
    # Words are read only in windows around the finder's matches, each normalised on its
    # own (or read from `whole`, when the page had to be normalised to be scanned). A
    # window is wide enough when nothing found in it reaches within `edge` words of a
    # side that is not the text's own: then no run, group, settled edge or context read
    # differs from reading the whole text's words, and groups of two windows never join
    # (more than `max_interruption_words` apart). Otherwise every window is widened.
    edge = options.max_interruption_words + options.context_words + reference.seed_words
    text = original if whole is None else whole.text
    margin = _MARGIN
    while True:
        try:
            passages = []
            for start, end in _windows(text, matches, margin):
                if whole is None:
                    normalised = normalise_part(original, start, end)
                    words = _words(normalised.text)
                else:
                    normalised, words = whole, _words(whole.text, start, end)
                inside = (
                    edge if start > 0 else 0,
                    len(words) - (edge if end < len(text) else 0),
                )
                texts = _Texts(reference, normalised, words, original, inside)
                passages.extend(_window_passages(texts, options))
            break
        except _EdgeError:
            margin *= 4
    return sorted(passages, key=_order)


def _order(passage: Passage) -> tuple[int, int]:
    return passage.copy.start, passage.copy.end


def _windows(text: str, matches: list[tuple[int, int]], margin: int) -> list[tuple[int, int]]:
    """Windows [start, end) of `text` around the matches, `margin` characters wide on each
    side, widened to cuts (`normalise.cut_before`, `cut_after`) and merged where they
    overlap or touch. In text order. A window's cuts are looked for no further back than
    the window before it, so a text with few cuts (no spaces) is read once, not once a
    window."""
    widened: list[list[int]] = []
    for start, end in matches:
        if widened and start - margin <= widened[-1][1]:
            widened[-1][1] = max(widened[-1][1], end + margin)
        else:
            widened.append([start - margin, end + margin])
    merged: list[tuple[int, int]] = []
    for start, end in widened:
        floor = merged[-1][1] if merged else 0
        if start <= floor and merged:
            if end > floor:
                merged[-1] = (merged[-1][0], cut_after(text, min(end, len(text))))
            continue
        start = cut_before(text, start, floor)
        end = cut_after(text, min(end, len(text)))
        if merged and start <= floor:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_MARGIN = 2000
"""Characters read on each side of a match at first (see `locate`)."""
_WINDOWED = 8
"""A text longer than this many margins is read in windows; a shorter one (most pages of
a collection) is read whole, which costs less than a callback for every match."""


class _EdgeError(Exception):
    """Something found in a window reaches its edge: read wider windows."""


def _window_passages(texts: _Texts, options: LocateOptions) -> list[Passage]:
    passages = []
    runs = _chains(texts, options)
    groups = _groups(texts, runs, options)
    for k, group in enumerate(groups):
        floor = groups[k - 1][-1].j1 if k else 0
        ceiling = groups[k + 1][0].j0 if k + 1 < len(groups) else len(texts.words)
        passage = _passage(texts, group, (floor, ceiling), options)
        if passage is not None:
            passages.append(passage)
        elif len(group) > 1:
            passages.extend(_apart(texts, group, (floor, ceiling), options))
    return passages


def _apart(
    texts: _Texts, group: list[_Run], bounds: tuple[int, int], options: LocateOptions
) -> list[Passage]:
    """Each run of a group that fails as one copy, as a passage of its own where it is one.

    Two excerpts in the reverse of the reference's order, with the paragraphs between
    them dropped, group as one copy whose score (against the whole stretch they span)
    fails: both were lost."""
    passages = []
    for k, run in enumerate(group):
        floor = group[k - 1].j1 if k else bounds[0]
        ceiling = group[k + 1].j0 if k + 1 < len(group) else bounds[1]
        passage = _passage(texts, [run], (floor, ceiling), options)
        if passage is not None:
            passages.append(passage)
    return passages


Words = tuple[tuple[str, int, int], ...]
_SENTENCE = re.compile(r"[.!?:]")
_BOUNDARY = re.compile(r"[.!?;:\"]|" + _SINGLE)
"""A sentence end or a quotation mark: a changed edge word is never looked for across one."""


@dataclass(frozen=True, slots=True)
class _Texts:
    """Both normalised texts and their words, as `locate` compares them."""

    reference: PreparedReference
    normalised: Normalised
    words: Words
    """The words of one window of the capture (character offsets into the whole text)."""
    original: str
    inside: tuple[int, int]
    """Words [a, b) of the window whose neighbours in the window are those of the whole
    text, as far as `locate` reads around them."""

    def check_inside(self, j0: int, j1: int) -> None:
        """Raise _EdgeError unless words [j0, j1) lie inside (see `locate`)."""
        if j0 < self.inside[0] or j1 > self.inside[1]:
            raise _EdgeError

    def capture_gap(self, j_before: int, j_after: int) -> str:
        """Normalised capture text between word j_before and word j_after."""
        return self.normalised.text[self.words[j_before][2] : self.words[j_after][1]]

    def reference_gap(self, i_before: int, i_after: int) -> str:
        words, text = self.reference.words, self.reference.normalised.text
        if i_after <= i_before:
            return ""
        return text[words[i_before][2] : words[i_after][1]]

    def extra_marks(self, j_before: int, j_after: int, i_before: int, i_after: int) -> int:
        """Quotation marks the capture has between the two words beyond the reference's."""
        capture_marks = len(_MARKS.findall(self.capture_gap(j_before, j_after)))
        return capture_marks - len(_MARKS.findall(self.reference_gap(i_before, i_after)))

    def stitched(self, j_before: int, j_after: int, i_before: int, i_after: int) -> bool:
        """True when, between the two words, the capture closes one quotation and opens
        another (two marks more than the reference): they are separate quotations."""
        return self.extra_marks(j_before, j_after, i_before, i_after) >= 2

    def line_break(self, j_before: int, j_after: int) -> bool:
        """True when the capture has a line break between the two words."""
        start = self.normalised.to_original[self.words[j_before][2]]
        end = self.normalised.to_original[self.words[j_after][1]]
        return "\n" in self.original[start:end]

    def plain_gap(self, j_before: int, j_after: int, i_before: int, i_after: int) -> bool:
        """True when neither text has a sentence end, quotation mark or line break there."""
        start = self.normalised.to_original[self.words[j_before][2]]
        end = self.normalised.to_original[self.words[j_after][1]]
        return not (
            _BOUNDARY.search(self.capture_gap(j_before, j_after))
            or _BOUNDARY.search(self.reference_gap(i_before, i_after))
            or "\n" in self.original[start:end]
        )


@dataclass(slots=True)
class _Run:
    """Capture words [j0, j1) copying reference words [i0, i1); `exact` of them in seeds."""

    j0: int
    j1: int
    i0: int
    i1: int
    exact: int


def _words(text: str, start: int = 0, end: int | None = None) -> Words:
    """(word, start, end) of every `_WORD` in text[start:end], offsets into `text`.

    One split and one running sum, both in C, rather than a match object per word.

    >>> _words("a, bc  d", 1)
    (('bc', 3, 5), ('d', 7, 8))
    """
    part = text[start:end]
    # In ASCII text `[^\W_]` is exactly [A-Za-z0-9], which `re` matches faster.
    parts = (_ASCII_WORD_SPLIT if part.isascii() else _WORD_SPLIT).split(part)
    offsets = list(accumulate(map(len, parts), initial=start))
    return tuple(zip(parts[1::2], offsets[1::2], offsets[2::2], strict=False))


def _chains(texts: _Texts, options: LocateOptions) -> list[_Run]:
    """Chain seed hits into runs of the reference copied in order."""
    reference = texts.reference
    names = [w for w, _, _ in texts.words]
    rw = reference.words
    n = reference.seed_words
    open_chains: list[list[int]] = []  # [j0, i0, j_last, i_last, exact words]
    done: list[list[int]] = []
    runs: list[_Run] = []
    index = reference.index
    # Each word's seed hits (empty for most words of a window), and the positions of
    # seeds, found in C.
    grams = zip(*(names[k:] for k in range(n)), strict=False)
    seeds = list(map(index.get, grams, repeat(())))
    for j in compress(range(len(seeds)), seeds):
        hits = seeds[j]
        if len(hits) == 1 and len(open_chains) == 1:
            chain = open_chains[0]
            if j - chain[2] == 1 and hits[0] - chain[3] == 1:
                # The one chain goes on word for word (what the steps below do then).
                chain[2], chain[3], chain[4] = j, hits[0], chain[4] + 1
                continue
        still_open = []
        for chain in open_chains:
            if j - (chain[2] + n) > options.max_inserted_words:
                done.append(chain)
            else:
                still_open.append(chain)
        open_chains = still_open
        for i in hits:
            best: list[int] | None = None
            best_drift = 0
            for chain in open_chains:
                dj, di = j - chain[2], i - chain[3]
                if dj <= 0 or di <= 0 or di - n > options.max_omitted_words:
                    continue
                if dj > n and texts.stitched(chain[2] + n - 1, j, chain[3] + n - 1, i):
                    continue  # a quotation closes and another opens: two passages
                drift = abs(dj - di)
                if best is None or drift < best_drift:
                    best, best_drift = chain, drift
            if best is not None and i - best[3] - (j - best[2]) > n:
                # The copy skips reference words here: a run ends (the skipped words
                # may turn up elsewhere, moved), and the chain carries on in a new one.
                # Words the old run goes on with, up to a sentence end, stay in it
                # ("in the region." ending two paragraphs belongs to the one the copy
                # was following; "The" after it starts the new run).
                end = min(best[2] + n, j)
                ref_end = best[3] + end - best[2]
                while (
                    end < j + n
                    and ref_end < len(rw)
                    and names[end] == rw[ref_end][0]
                    and not _SENTENCE.search(texts.capture_gap(end - 1, end))
                ):
                    end, ref_end = end + 1, ref_end + 1
                if end == j + n:  # the whole seed goes on with the old run
                    best[4] += min(n, j - best[2])
                    best[2], best[3] = j, ref_end - n
                    continue
                runs.append(_Run(best[0], end, best[1], ref_end, best[4]))
                start = max(end, j)
                best[:] = [start, i + start - j, j, i, j + n - start]
            elif best is not None:
                best[4] += min(n, j - best[2])
                best[2], best[3] = j, i
            else:
                open_chains.append([j, i, j, i, n])
    done.extend(open_chains)
    runs.extend(_Run(c[0], c[2] + n, c[1], c[3] + n, c[4]) for c in done)
    for run in runs:
        texts.check_inside(run.j0, run.j1)
    # A run over capture words another run already copies is a repeat of the same text
    # elsewhere in the reference: drop it, or the part of it that overlaps.
    runs.sort(key=lambda r: (r.j0, -r.j1))
    kept: list[_Run] = []
    for run in runs:
        if kept and run.j0 < kept[-1].j1:
            overlap = kept[-1].j1 - run.j0
            prior = kept[-1]
            if (
                overlap < n
                and run.j0 > 0
                and _SENTENCE.search(texts.capture_gap(run.j0 - 1, run.j0))
            ):
                # The shared words open a sentence: they go with the run that starts there.
                kept[-1] = _Run(
                    prior.j0, run.j0, prior.i0, prior.i1 - overlap, prior.exact - overlap
                )
                kept.append(run)
                continue
            if run.j1 - run.j0 - overlap < n:
                continue
            run = _Run(run.j0 + overlap, run.j1, run.i0 + overlap, run.i1, run.exact - overlap)
        kept.append(run)
    return kept


def _groups(texts: _Texts, runs: list[_Run], options: LocateOptions) -> list[list[_Run]]:
    """Runs that are one copy, in capture order.

    A run joins the copy before it when few words separate them and its reference lies
    near what the copy has covered (before it: moved; inside it: moved or repeated;
    after it: carried on past an omission), or when more words separate them (at most
    `max_interruption_words`: foreign material) and it carries on where the copy
    stopped. A run that leaves one quotation and opens another never joins. See
    docs/locate.md.
    """
    groups: list[list[_Run]] = []
    for run in runs:
        verdict = _joins(texts, groups[-1], run, options) if groups else "new"
        if verdict == "join":
            groups[-1].extend(_split_repeat(texts, groups[-1], run))
        elif verdict == "new":
            groups.append([run])
        while len(groups) > 1 and _one_copy(texts, groups[-2], groups[-1], options):
            first, (run, *rest) = groups[-2], groups[-1]
            groups[-2:] = [first + _split_repeat(texts, first, run) + rest]
    return groups


def _one_copy(texts: _Texts, first: list[_Run], second: list[_Run], options: LocateOptions) -> bool:
    """True when two neighbouring groups, each of `min_words` or more, are together one
    copy of a stretch of the reference with no hole over `max_omitted_words`: a
    paragraph moved far, whose neighbours alone look like separate excerpts. Not when
    the second starts the text over (`_starts_over`): the page prints it again."""
    gap = second[0].j0 - first[-1].j1
    if gap > options.max_interruption_words:
        return False
    if min(sum(r.j1 - r.j0 for r in g) for g in (first, second)) < options.min_words:
        return False  # a few words in common are not evidence of a moved paragraph
    hi = max(r.i1 for r in first)
    marks = texts.extra_marks(first[-1].j1 - 1, second[0].j0, hi - 1, second[0].i0)
    if marks >= 2 or (marks == 1 and gap <= options.max_inserted_words):
        return False
    covered = sorted((r.i0, r.i1) for r in first + second)
    end = covered[0][1]
    for start, stop in covered[1:]:
        if start - end > options.max_omitted_words:
            return False
        end = max(end, stop)
    lo, run = min(r.i0 for r in first), second[0]
    return not _starts_over(run, lo, _repeated(first, run), options)


def _starts_over(run: _Run, lo: int, repeated: int, options: LocateOptions) -> bool:
    """True when `run` starts the copy's text over: from the copy's first reference word
    `lo` or before it, through `min_words` or more (`repeated`, see `_repeated`) of what
    the copy has. The page prints the text again (an aggregator's repeated block, a lede
    quoting the opening before the full text); a paragraph moved up shares no words with
    the copy, and one printed twice inside it starts after the copy's start."""
    return run.i0 <= lo and repeated >= options.min_words


def _repeated(group: list[_Run], run: _Run) -> int:
    """Reference words of `run` that the runs of `group` copy already."""
    return sum(max(0, min(run.i1, r.i1) - max(run.i0, r.i0)) for r in group)


def _split_repeat(texts: _Texts, group: list[_Run], run: _Run) -> list[_Run]:
    """A run whose head repeats what the copy already has, as the repeat and the rest.

    When the head's words are also the words the run before it goes on with (both
    paragraphs end "in the region"), they go to the run before: no repeat.
    """
    hi = max(r.i1 for r in group)
    head = hi - run.i0
    if head <= 0 or run.i1 <= hi or head >= run.j1 - run.j0:
        return [run]
    share = run.exact * head // (run.j1 - run.j0)
    last, rw = group[-1], texts.reference.words
    if last.j1 == run.j0 and all(
        last.i1 + t < len(rw) and texts.words[run.j0 + t][0] == rw[last.i1 + t][0]
        for t in range(head)
    ):
        group[-1] = _Run(last.j0, last.j1 + head, last.i0, last.i1 + head, last.exact + share)
        return [_Run(run.j0 + head, run.j1, hi, run.i1, run.exact - share)]
    cut = _copying(texts, run, hi, run.j0 + head)
    return [
        _Run(run.j0, cut, run.i0, hi, share),
        _Run(cut, run.j1, hi, run.i1, run.exact - share),
    ]


def _copying(texts: _Texts, run: _Run, i: int, guess: int) -> int:
    """The capture word of `run` that copies reference word `i`, nearest to `guess` (the
    word as far into the run as `i` is into its reference) within the run's drift: a run
    that leaves words out or puts words in has its words off the diagonal by that much.
    `guess` when none of them starts the reference's seed words there.
    """
    drift = abs((run.j1 - run.j0) - (run.i1 - run.i0))
    n = texts.reference.seed_words
    want = [w for w, _, _ in texts.reference.words[i : i + n]]
    if not drift or len(want) < n:
        return guess
    lo, hi = max(run.j0 + 1, guess - drift), min(run.j1 - n, guess + drift)
    for j in sorted(range(lo, hi + 1), key=lambda j: abs(j - guess)):
        if [w for w, _, _ in texts.words[j : j + n]] == want:
            return j
    return guess


def _joins(
    texts: _Texts, group: list[_Run], run: _Run, options: LocateOptions
) -> Literal["join", "new", "drop"]:
    """Whether `run` is part of the copy `group`, starts another, or is dropped.

    A run shorter than `min_words` that would join only as moved or repeated text is a
    phrase the reference has twice, met inside the copy: dropped, it is not evidence.
    """
    last = group[-1]
    gap = run.j0 - last.j1
    if gap > options.max_interruption_words:
        return "new"
    lo, hi = min(r.i0 for r in group), max(r.i1 for r in group)
    marks = texts.extra_marks(last.j1 - 1, run.j0, hi - 1, run.i0)
    if marks >= 2 or (marks == 1 and gap <= options.max_inserted_words):
        return "new"  # one is quoted and the other not, or two quotations
    carries_on = -texts.reference.seed_words <= run.i0 - hi
    if gap > options.max_inserted_words:
        return "join" if carries_on and run.i0 - hi <= options.continuity_words else "new"
    repeated = _repeated(group, run)
    if _starts_over(run, lo, repeated, options):
        return "new"
    distance = max(0, run.i0 - hi, lo - run.i1)
    if distance > options.max_omitted_words or repeated > options.max_omitted_words:
        return "new"
    if not carries_on and run.j1 - run.j0 < options.min_words:
        return "drop"
    return "join"


def _settle(texts: _Texts, run: _Run, lo: int, hi: int) -> _Run:
    """Grow a run over neighbouring words that match, and over changed words at its edges.

    Exact words are taken as long as no quotation mark the reference lacks lies between
    (so `," the` after a quotation stays out). Within one sentence (no sentence end,
    quotation mark or line break in either text) the run also takes a changed word when a
    matching word lies beyond it, a mistyped word (see `_mistyped`), and a word one text
    has and the other lacks when the next two words match again; at the end, a changed
    word followed by the same sentence-ending punctuation in both. The run never passes
    capture words lo..hi.
    """
    cw, rw = texts.words, texts.reference.words
    j0, j1, i0, i1 = run.j0, run.j1, run.i0, run.i1

    def same(j: int, i: int) -> bool:
        return cw[j][0] == rw[i][0]

    plain = texts.plain_gap
    while j0 > lo and i0 > 0:
        if same(j0 - 1, i0 - 1) and texts.extra_marks(j0 - 1, j0, i0 - 1, i0) <= 0:
            j0, i0 = j0 - 1, i0 - 1
        elif j0 - 2 >= lo and i0 >= 2 and same(j0 - 2, i0 - 2) and plain(j0 - 2, j0, i0 - 2, i0):
            j0, i0 = j0 - 2, i0 - 2
        elif _mistyped(cw[j0 - 1][0], rw[i0 - 1][0]) and plain(j0 - 1, j0, i0 - 1, i0):
            j0, i0 = j0 - 1, i0 - 1
        elif (  # the capture lacks reference word i0 - 1
            j0 - 2 >= lo
            and i0 >= 3
            and same(j0 - 1, i0 - 2)
            and same(j0 - 2, i0 - 3)
            and plain(j0 - 2, j0, i0 - 3, i0)
        ):
            j0, i0 = j0 - 1, i0 - 2
        elif (  # the capture adds word j0 - 1
            j0 - 3 >= lo
            and i0 >= 2
            and same(j0 - 2, i0 - 1)
            and same(j0 - 3, i0 - 2)
            and plain(j0 - 3, j0, i0 - 2, i0)
        ):
            j0, i0 = j0 - 2, i0 - 1
        else:
            break
    while j1 < hi and i1 < len(rw):
        if same(j1, i1) and texts.extra_marks(j1 - 1, j1, i1 - 1, i1) <= 0:
            j1, i1 = j1 + 1, i1 + 1
        elif (
            j1 + 1 < hi
            and i1 + 1 < len(rw)
            and same(j1 + 1, i1 + 1)
            and plain(j1 - 1, j1 + 1, i1 - 1, i1 + 1)
        ):
            j1, i1 = j1 + 2, i1 + 2
        elif _mistyped(cw[j1][0], rw[i1][0]) and plain(j1 - 1, j1, i1 - 1, i1):
            j1, i1 = j1 + 1, i1 + 1
        elif (  # the capture lacks reference word i1
            j1 + 1 < hi
            and i1 + 2 < len(rw)
            and same(j1, i1 + 1)
            and same(j1 + 1, i1 + 2)
            and plain(j1 - 1, j1 + 1, i1 - 1, i1 + 2)
        ):
            j1, i1 = j1 + 1, i1 + 2
        elif (  # the capture adds word j1
            j1 + 2 < hi
            and i1 + 1 < len(rw)
            and same(j1 + 1, i1)
            and same(j1 + 2, i1 + 1)
            and plain(j1 - 1, j1 + 2, i1 - 1, i1 + 1)
        ):
            j1, i1 = j1 + 2, i1 + 1
        else:
            if _same_sentence_end(texts, j1, i1) and plain(j1 - 1, j1, i1 - 1, i1):
                j1, i1 = j1 + 1, i1 + 1
            break
    # One word past a sentence end or line break, where the next word differs, matches by
    # chance: "programmes.\n\nThe ministry added" against "programmes. The Parties" (a
    # seed reaches across the break). Such a word stays out, at either edge, unless it is
    # a number (a paragraph's "5." is the reference's own).
    if j1 - j0 > 2 and j1 < hi and i1 < len(rw) and not same(j1, i1):
        if not cw[j1 - 1][0].isdigit() and not plain(j1 - 2, j1 - 1, i1 - 2, i1 - 1):
            j1, i1 = j1 - 1, i1 - 1
    if j1 - j0 > 2 and j0 > lo and i0 > 0 and not same(j0 - 1, i0 - 1):
        if not cw[j0][0].isdigit() and not plain(j0, j0 + 1, i0, i0 + 1):
            j0, i0 = j0 + 1, i0 + 1
    exact = run.exact + (run.j0 - j0) + (j1 - run.j1)
    skipped, resumed = _past_lines(texts, j1, i1, hi)
    return _Run(j0, j1 + skipped + resumed, i0, i1 + resumed, exact + resumed)


_LINES_WORDS = 16
"""Most words of the lines (page furniture) that `_past_lines` steps over."""


def _past_lines(texts: _Texts, j1: int, i1: int, hi: int) -> tuple[int, int]:
    """Where a run stops inside a reference sentence, and lines of other words follow in
    the capture, then the rest of that sentence: (words of those lines, words of the
    sentence's rest), else (0, 0).

    Page furniture cutting a copy's last sentence ("... signed on July 4,\nAdvertisement\n
    2017, in Moscow.") left its last words out: too few to be a run of their own, they
    were reported as cut off, though the copy has them."""
    cw, rw = texts.words, texts.reference.words
    if i1 >= len(rw) or j1 >= hi or j1 == 0 or _SENTENCE.search(texts.reference_gap(i1 - 1, i1)):
        return 0, 0
    if not texts.line_break(j1 - 1, j1):
        return 0, 0
    for skip in range(1, _LINES_WORDS + 1):
        j = j1 + skip
        if j >= hi:
            return 0, 0
        if cw[j][0] != rw[i1][0] or not texts.line_break(j - 1, j):
            continue
        m = 0
        while j + m < hi and i1 + m < len(rw) and cw[j + m][0] == rw[i1 + m][0]:
            m += 1
            if i1 + m == len(rw) or _SENTENCE.search(texts.reference_gap(i1 + m - 1, i1 + m)):
                return skip, m
    return 0, 0


def _mistyped(word: str, reference_word: str) -> bool:
    """True when a capture word is a reference word with a typing or OCR slip: letters
    only, both four letters or more, one edit apart (two from eight letters), a swap of
    two neighbouring letters counting as one edit. Numbers never are (a changed date is
    not a slip).

    >>> _mistyped("partis", "parties"), _mistyped("ddisharmony", "disharmony")
    (True, True)
    >>> _mistyped("sides", "parties"), _mistyped("2018", "2017"), _mistyped("uge", "urge")
    (False, False, False)
    """
    shortest = min(len(word), len(reference_word))
    if shortest < 4:
        return False
    limit = 1 if shortest < 8 else 2
    if abs(len(word) - len(reference_word)) > limit:  # that many edits at least
        return False
    if not (word.isalpha() and reference_word.isalpha()):
        return False
    return OSA.distance(word, reference_word, score_cutoff=limit) <= limit


def _same_sentence_end(texts: _Texts, j: int, i: int) -> bool:
    """True when capture word j and reference word i are both followed by one sentence end."""
    after_c = _to_space(texts.normalised.text, texts.words[j][2])
    after_r = _to_space(texts.reference.normalised.text, texts.reference.words[i][2])
    return after_c == after_r and after_c[-1:] in (".", "!", "?")


def _to_space(text: str, start: int) -> str:
    """text[start:] up to its first space (never copying the rest of the text)."""
    end = text.find(" ", start)
    return text[start : end if end >= 0 else len(text)]


def _sentence_starts(texts: _Texts, group: list[_Run]) -> list[_Run]:
    """Words that open a sentence at the end of a run go to the run after it when they
    are also the words that run's reference starts with.

    Two paragraphs may open alike ("The Parties confirm that the ..."): the seeds then
    carry the words on the first run's diagonal, though the copy's sentence goes on in
    the next run.
    """
    out = list(group)
    rw, n = texts.reference.words, texts.reference.seed_words
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.j1 != b.j0:
            continue
        t = next(
            (
                t
                for t in range(1, min(n, a.j1 - a.j0 - 1) + 1)
                if _SENTENCE.search(texts.capture_gap(a.j1 - t - 1, a.j1 - t))
            ),
            0,
        )
        if not t or b.i0 < t:
            continue
        if a.i1 == b.i0 and b.i0 - t < max((r.i1 for r in out[:k]), default=0):
            continue  # the reference reads on across the cut (a repeat and the rest of the
            # copy): moved, the words would overlap what the copy had before the repeat
        if all(texts.words[a.j1 - t + u][0] == rw[b.i0 - t + u][0] for u in range(t)):
            out[k] = _Run(a.j0, a.j1 - t, a.i0, a.i1 - t, a.exact - t)
            out[k + 1] = _Run(b.j0 - t, b.j1, b.i0 - t, b.i1, b.exact + t)
    return out


def _passage(
    texts: _Texts, group: list[_Run], bounds: tuple[int, int], options: LocateOptions
) -> Passage | None:
    """Settle a group's runs, check it is a copy, and map it back to both originals.

    `bounds` are the capture words the neighbouring passages start and end at.
    """
    group = _sentence_starts(texts, group)
    runs: list[_Run] = []
    for k, run in enumerate(group):
        lo = runs[-1].j1 if runs else bounds[0]
        hi = group[k + 1].j0 if k + 1 < len(group) else bounds[1]
        runs.append(_settle(texts, run, lo, hi))
        texts.check_inside(runs[-1].j0, runs[-1].j1)
    copied = sum(r.j1 - r.j0 for r in runs)
    if copied < options.min_words:
        whole = _whole_sentences(texts, runs, bounds, options)
        if whole is None:
            return None
        runs, copied = whole, sum(r.j1 - r.j0 for r in whole)
    if sum(r.exact for r in runs) < options.min_exact_share * copied:
        return None  # phrases shared by an independent translation, not a copy
    if copied < options.translation_words and _translated(texts, runs, bounds, options):
        return None
    spans: list[tuple[int, int, int, int]] = []
    for run in runs:
        spans.append(_characters(texts, run, spans[-1][1] if spans else 0))
    ctext, rtext = texts.normalised.text, texts.reference.normalised.text
    cs, ce = spans[0][0], spans[-1][1]
    rs, re_ = min(s[2] for s in spans), max(s[3] for s in spans)
    # The runs in the reference's order: a moved paragraph is still the reference's text
    # (its move is a divergence), so how much is copied does not depend on the order.
    copy_text = " ".join(ctext[s[0] : s[1]] for s in sorted(spans, key=itemgetter(2)))
    score = fuzz.ratio(copy_text, rtext[rs:re_], processor=None)  # we normalise ourselves
    if score < options.min_score:
        return None
    reference = texts.reference
    ref_span = reference.normalised.span(rs, re_)
    share = len(ref_span) / max(1, len(reference.document.text))
    kind = PassageKind.FULL if share >= options.full_share else PassageKind.EXCERPT
    segments: tuple[Segment, ...] = ()
    if len(spans) > 1:
        segments = tuple(
            Segment(texts.normalised.span(s[0], s[1]), reference.normalised.span(s[2], s[3]))
            for s in spans
        )
    return Passage(
        kind=kind,
        copy=texts.normalised.span(cs, ce),
        reference=Span(ref_span.start, ref_span.end),
        score=score,
        segments=segments,
    )


_ELLIPSIS = r"[\[(]?\.(?: ?\.){2}[\])]?"
"""An elision mark after folding ("…" folds to "..."): `...`, `. . .`, `[...]`, `(...)`."""
_BREAK = re.compile(f"(?P<ellipsis>{_ELLIPSIS})|{_BOUNDARY.pattern}")
"""An ellipsis, or else a sentence end or quotation mark (see `_breaks`)."""


def _whole_sentences(
    texts: _Texts, runs: list[_Run], bounds: tuple[int, int], options: LocateOptions
) -> list[_Run] | None:
    """The runs of a passage shorter than `min_words`, widened to whole sentences, when
    the capture's sentence around them reads as the reference's sentence(s) around them;
    else None.

    The capture's sentence runs between sentence ends, quotation marks and line breaks
    (an ellipsis is none), or starts at a capitalised word that starts a reference
    sentence ("In their words, This statement..."). Aligned word by word with the
    reference's sentences, where an ellipsis may stand for any reference words, at least
    `sentence_share` of its words and `sentence_words` in all must match (a mistyped word
    matches). A chance overlap of a few words inside a sentence of other words fails; a
    short sentence quoted whole, with a word changed or some words elided, passes.
    """
    if any(b.i0 < a.i1 for a, b in itertools.pairwise(runs)):
        return None  # parts out of order: not one sentence
    runs = _between_marks(texts, runs)
    first, last = runs[0], runs[-1]
    rw, cw = texts.reference.words, texts.words
    r_lo, r_hi = first.i0, last.i1
    while not _reference_break(texts, r_lo):
        r_lo -= 1
    while not _reference_break(texts, r_hi):
        r_hi += 1
    most = (r_hi - r_lo) * 5 // 4  # more capture words than this cannot reach the share
    c_lo, c_hi = first.j0, last.j1
    original = texts.original[texts.normalised.to_original[cw[c_lo][1]]]
    if not (original.isupper() and r_lo == first.i0):
        while not _capture_break(texts, c_lo):
            c_lo -= 1
            if c_lo < bounds[0] or c_hi - c_lo > most:
                return None
    while not _capture_break(texts, c_hi):
        c_hi += 1
        if c_hi > bounds[1] or c_hi - c_lo > most:
            return None
    texts.check_inside(c_lo, c_hi)
    tokens: list[str | None] = []  # capture words, None for an ellipsis
    for k in range(c_lo, c_hi + 1):
        if k == c_lo or k == c_hi:
            elided = _elided_at_edge(texts, k, leading=k == c_lo)
        else:
            elided = bool(_breaks(texts, cw[k - 1][2], cw[k][1])[0])
        if elided:
            tokens.append(None)
        if k < c_hi:
            tokens.append(cw[k][0])
    words = sum(t is not None for t in tokens)
    # At most this many edits leave `sentence_words` and `sentence_share` of the words
    # matched; the alignment stops as soon as it must need more.
    allowed = min(words - options.sentence_words, words - options.sentence_share * words)
    if (
        allowed < 0
        or _edits_with_elision(tokens, [w for w, _, _ in rw[r_lo:r_hi]], allowed) > allowed
    ):
        return None
    start = (first.j0, first.i0) if tokens[0] is None else (c_lo, r_lo)
    end = (last.j1, last.i1) if tokens[-1] is None else (c_hi, r_hi)
    widened = (first.j0 - start[0]) + (end[0] - last.j1)
    if len(runs) == 1:
        return [_Run(start[0], end[0], start[1], end[1], first.exact + widened)]
    return [
        _Run(start[0], first.j1, start[1], first.i1, first.exact + first.j0 - start[0]),
        *runs[1:-1],
        _Run(last.j0, end[0], last.i0, end[1], last.exact + end[0] - last.j1),
    ]


def _between_marks(texts: _Texts, runs: list[_Run]) -> list[_Run]:
    """The runs of a short passage without the words across a quotation mark the capture
    has there and the reference has not: those are the prose that quotes it. In `adds
    that "the DPRK's justified concerns ...` the seeds carry "that" (the reference has
    "confirm that the DPRK's"), and widened to the sentence, "The statement adds" would
    read as the copy's words for "The Parties confirm". A lone run keeps its longest
    stretch between marks; otherwise the first keeps its words after its last mark and
    the last its words before its first mark.
    """

    def cuts(run: _Run) -> list[int]:
        return [
            k
            for k in range(run.j0 + 1, run.j1)
            if texts.extra_marks(k - 1, k, run.i0 + k - run.j0 - 1, run.i0 + k - run.j0) > 0
        ]

    def part(run: _Run, j0: int, j1: int) -> _Run:
        i0, i1 = run.i0 + j0 - run.j0, min(run.i1, run.i0 + j1 - run.j0)
        return _Run(j0, j1, i0, i1, max(0, run.exact - (run.j1 - run.j0) + (j1 - j0)))

    first, last = runs[0], runs[-1]
    if len(runs) == 1:
        bounds = [first.j0, *cuts(first), first.j1]
        if len(bounds) == 2:
            return runs
        j0, j1 = max(itertools.pairwise(bounds), key=lambda b: b[1] - b[0])
        return [part(first, j0, j1)]
    head, tail = cuts(first), cuts(last)
    if head:
        first = part(first, head[-1], first.j1)
    if tail:
        last = part(last, last.j0, tail[0])
    return [first, *runs[1:-1], last]


def _reference_break(texts: _Texts, i: int) -> bool:
    """True when a reference sentence ends between words i - 1 and i."""
    words = texts.reference.words
    if i <= 0 or i >= len(words):
        return True
    where = texts.reference.normalised.to_original
    gap = texts.reference.document.text[where[words[i - 1][2]] : where[words[i][1]]]
    return bool(_SENTENCE.search(gap)) or "\n" in gap


def _capture_break(texts: _Texts, k: int) -> bool:
    """True when a capture sentence or quotation ends between words k - 1 and k (an
    ellipsis does not end one)."""
    words = texts.words
    if k <= 0 or k >= len(words):
        return True
    if _breaks(texts, words[k - 1][2], words[k][1])[1]:
        return True
    where = texts.normalised.to_original
    return "\n" in texts.original[where[words[k - 1][2]] : where[words[k][1]]]


def _breaks(texts: _Texts, start: int, end: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Ellipses (spans) and sentence ends or quotation marks (positions) in the capture's
    normalised text[start:end], read in context (an apostrophe is told by its neighbours)."""
    text = texts.normalised.text
    ellipses, breaks = [], []
    for m in _BREAK.finditer(text, start, min(len(text), end + 3)):
        if m.start() >= end:
            break
        if m.group("ellipsis"):
            ellipses.append(m.span())
        else:
            breaks.append(m.start())
    return ellipses, breaks


def _elided_at_edge(texts: _Texts, k: int, *, leading: bool) -> bool:
    """True when an ellipsis stands between a capture sentence's break and its first
    word k (leading), or between its last word k - 1 and the break after it."""
    words, text = texts.words, texts.normalised.text
    start = words[k - 1][2] if k > 0 else 0
    end = words[k][1] if k < len(words) else len(text)
    ellipses, breaks = _breaks(texts, start, end)
    if leading:
        return any(e[0] >= breaks[-1] for e in ellipses) if breaks else bool(ellipses)
    return any(e[1] <= breaks[0] for e in ellipses) if breaks else bool(ellipses)


def _edits_with_elision(
    tokens: list[str | None], reference: list[str], limit: float = math.inf
) -> float:
    """Word edits (substitute, insert, delete) turning `tokens` into `reference`, where a
    None token (an ellipsis) stands for any run of reference words at no cost and a
    mistyped word is no edit. Past `limit` the count stops: more than `limit` is returned
    as soon as every way on needs more (a row's least count never falls).

    >>> _edits_with_elision(["in", "the", "spirit", None], "in the spirit of it".split())
    0
    >>> _edits_with_elision(["this", "was", "signed", "in"], "this was signed in moscow".split())
    1
    >>> _edits_with_elision("one two three four".split(), "five six seven eight".split(), 1)
    2
    """
    row = list(range(len(reference) + 1))
    for token in tokens:
        if token is None:
            for i in range(1, len(row)):
                row[i] = min(row[i], row[i - 1])
            continue
        new = [row[0] + 1]
        for i, word in enumerate(reference, 1):
            cost = 0 if token == word or _mistyped(token, word) else 1
            new.append(min(row[i] + 1, new[i - 1] + 1, row[i - 1] + cost))
        row = new
        if min(row) > limit:
            return min(row)
    return row[-1]


_STOPWORDS = frozenset(
    "about after also been both from have into more most only other over said some such "
    "than that their them then there these they this those under very were what when "
    "which while will with would".split()
)


def content_words(words: Iterable[str]) -> set[str]:
    """The words that carry content: four letters or more, not a function word.

    >>> sorted(content_words("the parties will hold talks on it".split()))
    ['hold', 'parties', 'talks']
    """
    return {w for w in words if len(w) >= 4 and w not in _STOPWORDS}


def _translated(
    texts: _Texts, runs: list[_Run], bounds: tuple[int, int], options: LocateOptions
) -> bool:
    """True when the capture's paragraph around a short passage says what the reference
    says around it, in other words: the passage is a phrase that an independent
    translation shares, not a copy.

    Each side is read up to `context_words` words, never past a paragraph break or a
    neighbouring passage; the reference is read `context_words` + 10 words on the
    same side, as a translation drifts. Either side sharing `context_share` of its
    content words (four letters or more, not a function word) is enough.
    """
    n = options.context_words
    first, last = runs[0], runs[-1]
    before = _paragraph_words(texts, first.j0, max(bounds[0], first.j0 - n), -1)
    after = _paragraph_words(texts, last.j1, min(bounds[1], last.j1 + n), 1)
    rw = texts.reference.words
    ref_before = {w for w, _, _ in rw[max(0, first.i0 - n - 10) : first.i0]}
    ref_after = {w for w, _, _ in rw[last.i1 : last.i1 + n + 10]}
    for words, reference in ((before, ref_before), (after, ref_after)):
        content = content_words(words)
        if len(content) >= 5 and len(content & reference) >= options.context_share * len(content):
            return True
    return False


def _paragraph_words(texts: _Texts, at: int, stop: int, step: int) -> list[str]:
    """Capture words next to a passage, towards `stop`, within one paragraph.

    Forward (step 1): words at..stop-1, `at` being the first word after the passage;
    backward (step -1): words at-1 down to stop, `at` being its first word.
    """
    out: list[str] = []
    words, original, where = texts.words, texts.original, texts.normalised.to_original
    k = at if step > 0 else at - 1
    while (k < stop) if step > 0 else (k >= stop):
        left, right = (k - 1, k) if step > 0 else (k, k + 1)
        if left < 0 or right >= len(words):
            break
        gap = original[where[words[left][2]] : where[words[right][1]]]
        if "\n\n" in gap.replace("\r", "") or "\f" in gap:
            break
        out.append(words[k][0])
        k += step
    return out


def _characters(texts: _Texts, run: _Run, floor: int) -> tuple[int, int, int, int]:
    """Character bounds (capture start, end, reference start, end) of a settled run.

    Punctuation that both sides share and that clings to the edge words (an opening
    quote, a closing full stop) belongs to the run; a space ends it, so the last full
    stop of the text before an excerpt is never swallowed.
    """
    ctext, rtext = texts.normalised.text, texts.reference.normalised.text
    cw, rw = texts.words, texts.reference.words
    cs, ce = cw[run.j0][1], cw[run.j1 - 1][2]
    rs, re_ = rw[run.i0][1], rw[run.i1 - 1][2]
    while cs > floor and rs > 0 and ctext[cs - 1] == rtext[rs - 1] != " ":
        cs, rs = cs - 1, rs - 1
    ceiling = cw[run.j1][1] if run.j1 < len(cw) else len(ctext)
    while ce < ceiling and re_ < len(rtext) and ctext[ce] == rtext[re_] != " ":
        ce, re_ = ce + 1, re_ + 1
    return cs, ce, rs, re_
