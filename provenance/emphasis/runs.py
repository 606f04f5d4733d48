"""Runs of emphasis in plain text, which has no markup: ALL CAPS words and *starred* words.

HTML and Markdown copies carry their runs from `extract` (`Extracted.runs`); plain text
is read here, one paragraph at a time, for the two marks writers use in its place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from provenance.extract import Run
from provenance.model import Span
from provenance.normalise import ascii_classes
from provenance.spanindex import SpanIndex

CAPS, STARRED = "caps", "starred"

_BREAK = r"\n(?![ \t]*\n)"
"""A line break that does not end a paragraph: hard-wrapped text breaks runs so."""
_CAPS_GAP = re.compile(
    rf"(?:[^\w\n]{{1,3}}|[^\w\n]{{0,2}}{_BREAK}[^\w\n]{{0,2}})"
    r"(?:(?:\d+|[^\W\d_a-z])[^\w\n]{1,3})*"
)
"""What may stand between two caps words of one run: spaces and punctuation, a line
break inside a paragraph, single capitals and numbers ("DPRK'S", "JULY 4, 2017 ABOUT")."""


def _lower_letter(text: str, start: int, end: int) -> bool:
    """Whether a letter in lower case stands in text[start:end]: a single one outside ASCII
    ("LA CRISE à PARIS"), which `_CAPS_GAP`'s class of "not a-z" lets in, parts two runs."""
    return any(c.islower() for c in text[start:end])


_CAPS_WORD = re.compile(r"[^\W\d_a-z](?<![^\W\d_][^\W\d_a-z])[^\W\d_a-z]+(?![^\W\d_])")
"""A word (letters only, no digits or underscores) of two letters or more with no
lower-case ASCII letter (caps, or not yet told: "ÉTÉ" is, "ÉTé" is not).

Written to open with its first letter and look behind it (no letter before that one):
a pattern that opens with a character class is searched by skipping to the next
character in it, where one that opens with a look-behind or a repeat is tried at every
position (a third of the cost over plain text, measured on the scan's candidates)."""
_ASCII_CAPS_WORD = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Z]+(?![A-Za-z])")
"""`_CAPS_WORD` for text whose letters, digits and spaces are all ASCII (`ascii_classes`),
where it matches the same words: the classes are tested without the character database
(the scan benchmark's candidates: 21 ms of searching against 8)."""
_STARRED = re.compile(
    r"(?<![\w*])(?P<mark>\*\*?|__?)"
    rf"(?P<words>[^\s*_](?:(?:[^*_\n]|{_BREAK})*?[^\s*_])?)"
    r"(?P=mark)(?![\w*])"
)
"""*Starred*, **double-starred**, _underscored_ or __double-underscored__ words, the
marks plain text keeps from Markdown and mail; a run may cross a line break, not a
blank line."""


def _plain_runs(text: str, near: Span | None = None) -> tuple[Run, ...]:
    """Runs of ALL CAPS words (two letters or more) and *starred* words.

    Neither kind crosses a blank line, so with `near` only the paragraphs it touches are
    read (and exactly the runs of the whole text in those paragraphs are found).

    >>> [(text[r.start:r.end], r.style) for text in ["We *must* act NOW, NOT later"]
    ...  for r in _plain_runs(text)]
    [('must', 'starred'), ('NOW, NOT', 'caps')]
    """
    first, last = 0, len(text)
    if near is not None:
        first = text.rfind("\n\n", 0, near.start) + 1
        found = text.find("\n\n", near.end)
        last = len(text) if found < 0 else found
    return _runs_between(text, first, last)


def _runs_between(text: str, first: int, last: int) -> tuple[Run, ...]:
    """The runs `_plain_runs` finds in text[first:last], a stretch of whole paragraphs."""
    runs = []
    if text.find("*", first, last) >= 0 or text.find("_", first, last) >= 0:
        # `_STARRED` opens with a look-behind, so it is tried at every position: only
        # where its marks are.
        runs = [
            Run(m.start("words"), m.end("words"), STARRED)
            for m in _STARRED.finditer(text, first, last)
        ]
    # Only words with no lower-case ASCII letter are read; another word between two caps
    # words puts a letter in the gap, which then cannot join them.
    start = end = -1
    # (the look-behind reads the character before `first`)
    caps_word = _ASCII_CAPS_WORD if ascii_classes(text[max(0, first - 1) : last]) else _CAPS_WORD
    for word in caps_word.finditer(text, first, last):
        if not word.group().isupper():
            continue
        if (
            start >= 0
            and _CAPS_GAP.fullmatch(text, end, word.start())
            and not _lower_letter(text, end, word.start())
        ):
            end = word.end()
            continue
        if start >= 0:
            runs.append(Run(start, end, CAPS))
        start, end = word.start(), word.end()
    if start >= 0:
        runs.append(Run(start, end, CAPS))
    return tuple(sorted(runs, key=lambda r: (r.start, r.end)))


class PlainRuns:
    """`_plain_runs` of the paragraphs of one text, each paragraph read once.

    The paragraph a passage touches is found by bisection over the text's paragraph
    breaks, not by searching back from the passage: passages on one long line would
    otherwise each read the line.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # Every place "\n\n" starts, overlapping ones too ("\n\n\n" starts twice),
        # as `str.rfind` and `str.find` would meet them.
        self._breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
        self._read: dict[tuple[int, int], SpanIndex[Run]] = {}

    def near(self, span: Span) -> SpanIndex[Run]:
        """The runs of the paragraphs `span` touches: `_plain_runs(text, span)`."""
        before = bisect_right(self._breaks, span.start - 2) - 1  # a break ending by start
        first = self._breaks[before] + 1 if before >= 0 else 0
        after = bisect_left(self._breaks, span.end)
        last = self._breaks[after] if after < len(self._breaks) else len(self.text)
        if (first, last) not in self._read:
            self._read[first, last] = SpanIndex(_runs_between(self.text, first, last))
        return self._read[first, last]


_PARAGRAPH_BREAK = re.compile(r"\n(?=\n)")
