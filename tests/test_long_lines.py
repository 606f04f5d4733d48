"""Many copies on one long line (minified HTML) cost what they cost one a line.

A stage that, for each passage, reads the passage's line or paragraph from its start costs
passages x line length: a page of 2,500 copies on one line took 23 minutes. Each shortcut
here is checked against the plain computation it replaces, and each stage's reading of
the line is counted: the line is read about once, whatever the number of passages on it.
"""

from __future__ import annotations

import pytest
from conftest import make_document
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.analyse import analyse
from provenance.classify import _LINE_MARKUP, _PARAGRAPH_NUMBER, _line_number
from provenance.corpus import Corpus
from provenance.emphasis import added
from provenance.emphasis import runs as runs_module
from provenance.emphasis.runs import PlainRuns, _plain_runs
from provenance.extract import Run
from provenance.model import Span
from provenance.spanindex import SpanIndex

_PIECES = ["WORD", "CAPS", "word", " ", "\n", "\n\n", "\n\n\n", "*", "_", ", ", "A", "É"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.data())
def test_plain_runs_near_a_span_are_those_read_from_its_paragraph(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert PlainRuns(text).near(Span(start, end)).spans == _plain_runs(text, Span(start, end))


@pytest.fixture
def one_line(corpus: Corpus) -> str:
    """The reference, its paragraphs joined, six times on one line, a few words in caps."""
    copy = " ".join(corpus.reference.text.split())
    copy = copy.replace("seriously worried", "SERIOUSLY WORRIED", 1)
    return " ".join([copy] * 6) + "\n"


def test_emphasis_reads_a_long_line_once(
    corpus: Corpus, one_line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []
    between = runs_module._runs_between

    def counted(text: str, first: int, last: int) -> tuple[Run, ...]:
        read.append(last - first)
        return between(text, first, last)

    monkeypatch.setattr(runs_module, "_runs_between", counted)
    source = analyse(corpus.reference, [make_document(one_line)]).sources[0]
    assert len(source.passages) == 6
    assert sum(read) <= len(one_line)
    caps = [e.text for e in source.emphasis if e.style == "caps"]
    assert caps == ["SERIOUSLY WORRIED"] * 6


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 10), st.sampled_from("ab"))),
    st.integers(-1, 45),
    st.integers(-1, 45),
)
def test_spans_around_and_overlapping_a_place_are_those_a_filter_keeps(
    spans: list[tuple[int, int, str]], start: int, end: int
) -> None:
    made = [Run(a, a + n, style) for a, n, style in spans]
    index = SpanIndex(made)
    assert index.around(start, end) == [s for s in made if s.start <= start and end <= s.end]
    assert index.overlapping(start, end) == [s for s in made if s.start < end and s.end > start]
    assert index.overlapping_indices(start, end) == [
        k for k, s in enumerate(made) if s.start < end and s.end > start
    ]


def _inline_from_the_line(text: str, a: int, b: int) -> bool:
    """`_inline` as it read the run's whole line (before 6 December 2026)."""
    line_start, line_end = text.rfind("\n", 0, a) + 1, text.find("\n", b)
    before = text[line_start:a]
    after = text[b : len(text) if line_end < 0 else line_end]
    short = len(text[a:b].split()) <= added._INLINE_WORDS and "\n" not in text[a:b]
    return (
        short
        and added._WORDS_AROUND.search(before) is not None
        and added._WORD_AFTER.match(after) is not None
    )


def _line_number_from_the_line(text: str, span: Span) -> str | None:
    """`_line_number` as it read from the line's start (before 6 December 2026)."""
    line = text.rfind("\n", 0, span.start) + 1
    opening = _LINE_MARKUP.match(text, line, span.start)
    start = opening.end() if opening else line
    number = _PARAGRAPH_NUMBER.match(text, start)
    end = number.end() if number else start
    if not start <= span.start <= span.end <= end:
        return None
    return number.group().strip() if number else ""


_LINE_PIECES = [
    *["GRAVELY", "worried", "are", "x", "2", "(2)", "[3]", "4.", "II.", "ii)", "§ 5", "5)"],
    *[" ", "  ", "\n", "\n\n", "\t", "\u00a0", "*", "**", "_", "#", ">", ",", ".", "—", "é", "\\"],
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=30), st.data())
def test_inline_and_line_number_read_near_the_span_answer_as_from_the_line(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert added._inline(text, a, b) == _inline_from_the_line(text, a, b)
    assert _line_number(text, Span(a, b)) == _line_number_from_the_line(text, Span(a, b))
