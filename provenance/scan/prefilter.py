"""Pick the candidate documents of a collection at C speed, before the engine reads them.

The reference's word 3-grams (three words joined by single spaces, as they stand in
the reference) are compiled into one Hyperscan database of literal patterns, matched
caseless over a document's raw bytes (for JSON Lines, the raw line). Each 3-gram also
stands in its variants: each space a space, a no-break space or its HTML entity
(`&nbsp;`, `&#160;`; in any mix: a page may alternate them), or every space doubled or
written `&#xa0;`; typographic quotes straight; and each of these as a JSON encoder that
escapes non-ASCII writes it (`\\u00a0`, `\\u2019`), so that case, spacing, entities,
quote styles and JSON escapes do not hide a copy. A document is a candidate when it
holds at least `min_grams` distinct 3-grams, at least two of them telling (two words or
more that are not English function words: "the Korean Peninsula" tells, "based on the"
does not); only candidates are decoded and given to the engine.

Recall is measured on the generator's truth file by `benchmarks/scan_bench.py`, never
assumed: the engine's own `locate` decides what is a hit.

>>> p = Prefilter.of("The two sides stress the need to resolve all issues peacefully.")
>>> p.grams(b"the\\xc2\\xa0two sides STRESS the need to resolve it")
6
>>> p.grams(b"nothing of the kind")
0
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from provenance.matcher import Matcher, matcher

MIN_GRAMS = 4
"""Fewest distinct reference 3-grams that make a candidate: a sentence of six intact words."""
MIN_TELLING = 2
"""Fewest of those that must be telling (see `telling`)."""

_FUNCTION_WORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did do does doing down during each "
    "either few for from further had has have having he her here hers him his how i if in "
    "into is it its itself just may me might more most must my no nor not now of off on "
    "once only or other our ours out over own same shall she should so some such than that "
    "the their theirs them then there these they this those through to too under until up "
    "upon very was we were what when where which while who whom why will with within "
    "without would you your s".split()
)

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
_QUOTES = {"’": "'", "‘": "'", "“": '"', "”": '"'}
_SPACES = (" ", "\u00a0", "&nbsp;", "&#160;")
"""What a page may write for a space, in any mix: 16 forms of a 3-gram. Matching all
four costs the prefilter about a tenth of its speed (580 -> 520 MB per CPU-second on the
benchmark's lines); with double spaces and line breaks mixed in too, a third."""
_SPACED_THROUGHOUT = ("  ", "&#xa0;")
"""What a page may write for every space: a form each."""


@dataclass(slots=True)
class Prefilter:
    """A compiled set of the reference's 3-grams; `grams` counts those a document holds."""

    patterns: tuple[str, ...]
    """The distinct 3-grams (lower case), in the order of their ids."""
    matcher: Matcher
    """Every variant of every 3-gram, compiled once per process (and kept on disk)."""
    ids: tuple[int, ...]
    """The 3-gram id of each of the matcher's patterns (its variants)."""
    telling: frozenset[int]
    """Ids of the telling 3-grams."""
    telling_matcher: Matcher
    """The variants of the telling 3-grams alone, which `gate` scans a line with first."""
    telling_ids: tuple[int, ...]
    """The 3-gram id of each of `telling_matcher`'s patterns."""
    min_grams: int = MIN_GRAMS

    @classmethod
    def of(cls, reference: str, *, min_grams: int = MIN_GRAMS, n: int = 3) -> Prefilter:
        grams = sorted(_grams(reference, n))
        expressions, ids = [], []
        for gid, gram in enumerate(grams):
            for expression in _expressions(gram):
                expressions.append(expression)
                ids.append(gid)
        found = matcher(expressions, caseless=True, once=True)
        says = frozenset(i for i, gram in enumerate(grams) if telling(gram))
        told = [(e, i) for e, i in zip(expressions, ids, strict=True) if i in says]
        found_told = matcher((e for e, _ in told), caseless=True, once=True)
        told_ids = tuple(i for _, i in told)
        return cls(tuple(grams), found, tuple(ids), says, found_told, told_ids, min_grams)

    def compile(self) -> None:
        """Compile both databases now (or load them from the disk cache), not at the first
        scan: for a process about to fork workers, which then inherit them."""
        if self.patterns:
            self.matcher.compile()
        if self.telling_ids:
            self.telling_matcher.compile()

    def found(self, data: bytes) -> set[int]:
        """The ids of the distinct reference 3-grams in `data`."""
        found: set[int] = set()
        if not self.patterns or not data:
            return found
        ids = self.ids
        self.matcher.scan(data, lambda i, _start, _end, _flags, _context: found.add(ids[i]))
        return found

    def grams(self, data: bytes) -> int:
        """The number of distinct reference 3-grams in `data`."""
        return len(self.found(data))

    def may_hold(self, line: bytes) -> bool:
        """Whether a JSON line may hold a candidate: whether its raw bytes are one.

        Every 3-gram of the text field is in the line too, as it is or (an encoder that
        escapes all non-ASCII) in its escaped variant, so a line turned away holds no
        candidate and need not be parsed. For many lines, `gate` is cheaper.
        """
        return self.candidate(line)[0]

    def gate(self) -> Callable[[bytes], bool]:
        """`may_hold` for the lines of a shard, in the thread that asks for it.

        A line is scanned first for the telling 3-grams alone: a candidate holds two of
        them, and a database of a third of the patterns reads most lines (which hold
        none) in 0.21 CPU-seconds where the whole one took 0.37 (the benchmark's 117 MB).
        Only a line holding two telling 3-grams is scanned for them all. Each scan stops
        at the match that settles it (the text is counted again when parsed): a copy's
        line costs a handful of matches, not one per 3-gram of the reference, each a call
        back into Python.
        """
        if len(self.telling) < MIN_TELLING:
            return _never  # no line can be a candidate
        stopped, stopped_told = self.matcher.stopper(), self.telling_matcher.stopper()
        ids, told_ids, says, least = self.ids, self.telling_ids, self.telling, self.min_grams
        found: set[int] = set()
        told: set[int] = set()

        def two_told(i: int, _start: int, _end: int, _flags: int, _context: object) -> bool:
            told.add(told_ids[i])
            return len(told) >= MIN_TELLING

        def enough(i: int, _start: int, _end: int, _flags: int, _context: object) -> bool:
            gram = ids[i]
            found.add(gram)
            if gram in says:
                told.add(gram)
            return len(found) >= least and len(told) >= MIN_TELLING

        def may_hold(line: bytes) -> bool:
            told.clear()
            if not stopped_told(line, two_told):
                return False
            found.clear()
            told.clear()
            return stopped(line, enough)

        return may_hold

    def candidate(self, data: bytes) -> tuple[bool, int]:
        """Whether `data` holds enough of the reference to be given to the engine."""
        found = self.found(data)
        enough = len(found) >= self.min_grams and len(found & self.telling) >= MIN_TELLING
        return enough, len(found)


def _never(_line: bytes) -> bool:
    return False


def telling(gram: str) -> bool:
    """Whether a 3-gram has two or more words that are not function words.

    >>> telling("the korean peninsula"), telling("based on the")
    (True, False)
    """
    words = gram.replace("’", " ").replace("'", " ").split()
    return sum(word not in _FUNCTION_WORDS for word in words) >= 2


def _grams(text: str, n: int) -> set[str]:
    """Lower-cased runs of `n` words separated by exactly one space in `text`."""
    words = list(_WORD.finditer(text))
    out = set()
    for i in range(len(words) - n + 1):
        run = words[i : i + n]
        if all(text[a.end() : b.start()] == " " for a, b in itertools.pairwise(run)):
            out.add(text[run[0].start() : run[-1].end()].lower())
    return out


def _expressions(gram: str) -> list[bytes]:
    r"""The Hyperscan literal of each form of `gram`, sorted: its quotes
    typographic or straight, each space any of `_SPACES` (in any mix) or every space one of
    `_SPACED_THROUGHOUT`, and each of these as a JSON encoder that escapes all non-ASCII
    writes it (`\u00a0`, `\u2019`).

    Escaping for a regex and for JSON both go character by character, so each word and
    each space is escaped once and the literals are joined from the pieces: escaping the
    15,715 forms whole was most of the 0.17 CPU-seconds every scan worker spent preparing
    the prefilter before its first document.

    >>> [e.decode() for e in _expressions("a b")]
    ['a\\ \\ b', 'a\\ b', 'a\\&\\#160;b', 'a\\&\\#xa0;b', 'a\\&nbsp;b', 'a\\\\u00a0b', 'a\xa0b']
    """
    forms = {gram}
    for mark, straight in _QUOTES.items():
        if mark in gram:
            forms |= {f.replace(mark, straight) for f in forms}
    patterns: set[str] = set()
    for form in forms:
        for written, spaces, throughout in _WRITTEN:
            words = [re.escape(written(word)) for word in form.split(" ")]
            joined = words[:1]
            for word in words[1:]:
                joined = [left + space + word for left in joined for space in spaces]
            patterns.update(joined)
            patterns.update(space.join(words) for space in throughout)
    return [pattern.encode("utf-8") for pattern in sorted(patterns)]


def _as_is(text: str) -> str:
    return text


def _escaped(text: str) -> str:
    """`text` as a JSON encoder that escapes every non-ASCII character writes it."""
    return json.dumps(text, ensure_ascii=True)[1:-1]


def _pieces(written: Callable[[str], str], spaces: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(re.escape(written(space)) for space in spaces)


_WRITTEN = tuple(
    (written, _pieces(written, _SPACES), _pieces(written, _SPACED_THROUGHOUT))
    for written in (_as_is, _escaped)
)
"""How each space is written, as it is and JSON-escaped, and its pattern: escaped once."""
