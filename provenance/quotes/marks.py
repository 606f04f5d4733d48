"""Find quotations in a capture and the words that attribute them.

Two jobs for `provenance.quotes.verdicts`, kept apart because they are about reading prose, not
about the reference:

- `find_quotations`: pair quotation marks of every common style (“…”, "…", ‘…’, ‚…‘,
  „…“, «…», »…«, ‹…›) into quotations with original offsets. A single mark between two
  letters is an apostrophe (We’ve, China‘s), never a quotation mark. A quotation may
  run over a line break but not over a paragraph break: an opening mark still open at a
  blank line is reported as unterminated, unless the next paragraph opens with the same
  mark (the convention for a quotation running over several paragraphs). Only outermost
  quotations are returned: a nested quotation is part of the text its parent quotes.
  A paragraph ending in a colon after an attribution to the document introduces a
  block quotation: the next paragraph, when it has no quotation marks of its own.
- `attribution`: who the surrounding prose says is speaking: the document ("the
  statement", "the joint statement", "the Parties", ...) or a person ("Lavrov said").
  The cue nearest the quotation in its own sentence wins; failing that, a sentence that
  follows with a speech verb, then the speaker of the sentence before. A sentence that
  continues with an anaphoric subject ("They also stressed", "In it, they") keeps the
  previous sentence's speaker, so an article can name the statement once and quote it
  three sentences later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from provenance.model import Span

# Opening mark -> the marks that may close it.
_CLOSERS = {
    "\u201c": "\u201d",  # “ … ”
    "\u201e": "\u201c\u201d",  # „ … “ (German), „ … ” (Polish)
    "\u00ab": "\u00bb",  # « … »
    "\u00bb": "\u00ab",  # » … « (German, Danish)
    '"': '"',
    "\u2018": "\u2019",  # ‘ … ’
    "\u201a": "\u2018\u2019",  # ‚ … ‘ (German single)
    "\u2039": "\u203a",  # ‹ … ›
    "\u203a": "\u2039",  # › … ‹
    "'": "'",
}
_SINGLE = frozenset("\u2018\u2019\u201a\u2039\u203a'")
"""Marks that also serve as apostrophes; an unclosed one is dropped, not reported."""
_SPACED = frozenset("\"'\u00ab")
_DOUBLE = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
"""Double marks: paired by position (`_double`), never by glyph alone."""
_BEFORE_OPENING = frozenset("([{\u2014\u2013-/") | frozenset(_CLOSERS)
_AFTER_CLOSING = frozenset(".,;:!?)]}\u2014\u2013-/\u2026") | frozenset("".join(_CLOSERS.values()))
"""Openers whose closing mark may follow a space: straight marks, and French « … »."""
_MARKS = frozenset(_CLOSERS) | frozenset("".join(_CLOSERS.values()))
_MARK = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")
_QUOTES_SOMETHING = re.compile(r"[^\W_]")
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n\s*")
_BOUNDARY = re.compile(r"[.!?][\"'”’»)\]]*\s+(?=[\"'“‘«„(\[]?[A-Z0-9])|\n[ \t\u00a0]*\n\s*")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|No|Jr|Sr|vs|Gen|Col)\.$")

_DOC_NOUN = r"(?:statement|declaration|document|communiqu[eé])"
_DOC_CUE = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:(?!draft\b)[\w’'-]+\s+){{0,3}}?{_DOC_NOUN}\b"
    rf"|\b[Jj]oint\s+(?:[\w’'-]+\s+){{0,2}}?{_DOC_NOUN}\b"
    r"|\b[Tt]he Parties\b|\b[Tt]he (?:two )?foreign ministries\b"
)
"""The document as speaker. A "draft" statement is by definition another document."""
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|declared|stated|warned|noted|stressed|announced"
    r"|insisted|argued|explained|wrote|asked|according to)\b"
)
_SUBJECT = re.compile(r"(?:[\w’'.-]+\s+){0,2}$")
_ANAPHORIC = re.compile(
    r"^\W*(?:(?:in it|at the same time|also|further(?:more)?|moreover|it also|and),?\s+)?"
    r"(?:they|it|the two sides|both sides|the sides|the two countries|the document)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:they|it|the two sides|both sides)\b", re.IGNORECASE)
_CUE_REACH = 40
"""Characters before a speech verb in which a document cue makes the document its subject."""


@dataclass(frozen=True, slots=True)
class Marked:
    """A quotation as the marks delimit it; `span` excludes the marks themselves."""

    span: Span
    opening: str
    """The opening mark, or ":" for a block quotation."""
    terminated: bool


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that say who speaks: the document itself, or a person or body."""

    speaker: Literal["document", "person"]
    span: Span
    text: str


def find_quotations(text: str) -> list[Marked]:
    """Outermost quotations of `text`, in order.

    Double marks (" “ ” „ « ») are paired by position, not by glyph: a mark with a space
    (or an opening bracket, or the text's start) before it and a word after it opens; one
    with a word before it and a space or punctuation after it closes the innermost open
    quotation, whatever its glyph. Pages mix "straight with curly” marks and use ” as an
    opener, and an inch mark (12" screen) closes nothing. Single marks keep their glyph
    pairs, since they double as apostrophes. A quotation that quotes no letter or digit
    ("" or a run of marks) is not reported.

    >>> [(m.span.of(s), m.terminated) for s in ["He said “we’ve ‘agreed’” and „gut“."]
    ...  for m in find_quotations(s)]
    [('we’ve ‘agreed’', True), ('gut', True)]
    >>> [m.span.of(s) for s in ['He said "mixed” and ”odd” marks.'] for m in find_quotations(s)]
    ['mixed', 'odd']
    """
    found: list[Marked] = []
    stack: list[tuple[str, int]] = []
    paragraphs = [m.end() for m in _PARAGRAPH.finditer(text)]
    next_break = iter([*paragraphs, len(text) + 1])
    limit = next(next_break)
    for hit in _MARK.finditer(text):
        i, char = hit.start(), hit.group()
        while i >= limit:
            _close_paragraph(text, limit, stack, found)
            limit = next(next_break)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char in _DOUBLE:
            _double(char, i, before, after, stack, found)
            continue
        if before.isalnum() and after.isalpha():
            continue  # apostrophe inside a word
        depth = _closable(stack, char, before)
        if depth is not None:
            opening, start = stack[depth]
            del stack[depth:]
            if not stack:
                found.append(Marked(Span(start + 1, i), opening, True))
        elif char in _CLOSERS and not after.isspace() and not before.isalnum():
            stack.append((char, i))
    _close_paragraph(text, min(limit, len(text)), stack, found)
    found = [m for m in found if not m.terminated or _QUOTES_SOMETHING.search(m.span.of(text))]
    found.sort(key=lambda m: m.span.start)
    return _with_blocks(text, found)


def _double(
    char: str, i: int, before: str, after: str, stack: list[tuple[str, int]], found: list[Marked]
) -> None:
    """Open or close a quotation at the double mark `char`, by what lies on either side."""
    opens = not after.isspace() and (before.isspace() or before in _BEFORE_OPENING)
    closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
    if char == "\u00ab" and after.isspace():
        opens = True  # French « spaced »
    open_at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] in _DOUBLE), None)
    if not opens and not closes:
        # A mark with spaces on both sides closes a spaced "straight" or « French » quotation.
        closes = open_at is not None and stack[open_at][0] in _SPACED and char in '"\u00bb'
    if closes and (not opens or open_at is not None):
        if open_at is None:
            return  # a stray closing mark (an inch mark, a lost opener)
        opening, start = stack[open_at]
        del stack[open_at:]
        if not stack:
            found.append(Marked(Span(start + 1, i), opening, True))
    elif opens:
        stack.append((char, i))


def _closable(stack: list[tuple[str, int]], char: str, before: str) -> int | None:
    """Depth of the open single-mark quotation `char` closes, if any (innermost first)."""
    for depth in range(len(stack) - 1, -1, -1):
        opening = stack[depth][0]
        if char in _CLOSERS[opening] and (opening in _SPACED or not before.isspace()):
            return depth
        if opening not in _SINGLE:
            return None  # do not close across an open double mark
    return None


def _close_paragraph(
    text: str, end: int, stack: list[tuple[str, int]], found: list[Marked]
) -> None:
    """At a paragraph break, every mark still open is unterminated (or continues)."""
    if not stack:
        return
    opening, start = stack[0]
    stack.clear()
    if opening in _SINGLE:
        return  # an unclosed single mark is far more often an apostrophe than a quotation
    stop = len(text[:end].rstrip())
    continues = text[end : end + 1] == opening
    found.append(Marked(Span(start + 1, max(start + 1, stop)), opening, continues))


def _with_blocks(text: str, found: list[Marked]) -> list[Marked]:
    """Add block quotations: a colon-ended paragraph naming the document, then a plain one."""
    starts = [0, *(m.end() for m in _PARAGRAPH.finditer(text))]
    ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    out = list(found)
    for k in range(len(starts) - 1):
        head = text[starts[k] : ends[k]].rstrip()
        if not head.endswith(":") or not _DOC_CUE.search(head):
            continue
        body = Span(starts[k + 1], len(text[: ends[k + 1]].rstrip()))
        if len(body) and not any(c in _MARKS - _SINGLE for c in body.of(text)):
            out.append(Marked(body, ":", True))
    return sorted(out, key=lambda m: m.span.start)


def sentences(text: str, quotations: list[Marked]) -> list[Span]:
    """Sentence spans of `text`; no boundary falls inside a quotation."""
    inside = [(m.span.start, m.span.end) for m in quotations if m.opening != ":"]
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        if any(s <= m.start() and m.end() <= e for s, e in inside):
            continue
        if text[m.start()] == "." and _ABBREVIATION.search(
            text[max(0, m.start() - 12) : m.start() + 1]
        ):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    return [Span(a, b) for a, b in pairwise(cuts) if b > a]


def cues(text: str, sentence: Span, quotations: list[Marked]) -> list[Cue]:
    """Every attribution cue in `sentence` outside quotations, in order."""
    chunk = sentence.of(text)
    masked = list(chunk)
    for m in quotations:
        for i in range(max(m.span.start, sentence.start), min(m.span.end, sentence.end)):
            masked[i - sentence.start] = " "
    prose = "".join(masked)
    out: list[Cue] = []
    docs = [(m.start(), m.end()) for m in _DOC_CUE.finditer(prose)]
    for a, b in docs:
        out.append(Cue("document", Span(sentence.start + a, sentence.start + b), chunk[a:b]))
    for hit in _SPEECH.finditer(prose):
        if any(hit.start() - _CUE_REACH <= b <= hit.start() for _, b in docs):
            continue  # "the statement declared": the document is the subject
        if hit.group() == "according to" and any(a == hit.end() + 1 for a, _ in docs):
            continue
        subject = _SUBJECT.search(prose[: hit.start()])
        a = subject.start() if subject else hit.start()
        if prose[a : hit.start()].strip() == "" or "  " in prose[a : hit.start()]:
            a = hit.start()
        if _PRONOUN.search(prose[a : hit.start()]):
            continue  # "They also stressed": the speaker is whoever the text spoke of before
        out.append(
            Cue(
                "person", Span(sentence.start + a, sentence.start + hit.end()), chunk[a : hit.end()]
            )
        )
    return sorted(out, key=lambda c: c.span.start)


def attribution(text: str, quotations: list[Marked]) -> dict[int, Cue | None]:
    """For each quotation (keyed by its start), the cue that attributes it, if any."""
    spans = sentences(text, quotations)
    per_sentence = [cues(text, s, quotations) for s in spans]
    speaker: list[Cue | None] = []
    state: Cue | None = None
    for span, found in zip(spans, per_sentence, strict=True):
        if found:
            state = found[-1]
        elif not _ANAPHORIC.match(span.of(text)):
            state = None
        speaker.append(state)
    out: dict[int, Cue | None] = {}
    for m in quotations:
        # An opening mark that ends the text quotes nothing and lies past every sentence.
        k = next(
            (k for k, s in enumerate(spans) if s.start <= m.span.start < max(s.end, s.start + 1)),
            len(spans) - 1,
        )
        if k < 0:
            out[m.span.start] = None
            continue
        own = per_sentence[k]
        if own:
            out[m.span.start] = min(own, key=lambda c: _distance(c.span, m.span))
        elif k + 1 < len(spans) and _postposed(per_sentence[k + 1], spans[k + 1]):
            out[m.span.start] = per_sentence[k + 1][0]
        elif k > 0:
            out[m.span.start] = speaker[k - 1]
        else:
            out[m.span.start] = None
    return out


def _postposed(found: list[Cue], sentence: Span) -> bool:
    """A sentence that opens with its speech cue ("Putin said in ...") tells who spoke before."""
    return (
        bool(found) and found[0].span.start - sentence.start < 60 and found[0].speaker == "person"
    )


def _distance(a: Span, b: Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)
