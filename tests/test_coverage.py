"""Coverage strips (provenance.coverage): computed without a terminal, on the corpus and
on captures built here."""

from __future__ import annotations

import itertools
import shutil
from dataclasses import replace

import pytest
from conftest import BUNDLED, EXCERPTS, FULL_COPY, SOURCE, make_document
from hypothesis import given
from hypothesis import strategies as st

from provenance.analyse import Analyser
from provenance.corpus import load_corpus
from provenance.coverage import HOLDING_MARKS, Holding, cut, holdings, paint, strip
from provenance.model import Span
from provenance.review import ReviewStore
from provenance.session import Session


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    target = tmp_path_factory.mktemp("coverage") / "corpus"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("reviews.json"))
    corpus = load_corpus(target)
    made = Session(corpus, ReviewStore(target / "reviews.json"), reviewer="tester")
    for capture in corpus.captures:
        made.result(capture.id)
    return made


@given(st.integers(0, 20_000), st.integers(0, 300))
def test_cells_tile_the_reference_in_order(length: int, width: int) -> None:
    cells = cut(length, width)
    assert len(cells) == min(length, width)
    if cells:
        assert cells[0].start == 0 and cells[-1].end == length
        assert all(a.end == b.start for a, b in itertools.pairwise(cells))
        assert all(c.end > c.start for c in cells)


def test_a_short_holding_still_shows_in_the_cell_of_its_middle() -> None:
    cells = cut(1000, 10)  # cells of 100 characters
    painted = paint(cells, [(Span(430, 450), Holding.QUOTATION), (Span(0, 240), Holding.EXCERPT)])
    # 0..240 covers cells 0 and 1 and less than half of cell 2; 20 characters in cell 4.
    assert (
        painted
        == [Holding.EXCERPT] * 2
        + [Holding.LACUNA]
        + [Holding.LACUNA]
        + [Holding.QUOTATION]
        + [Holding.LACUNA] * 5
    )


def test_the_kind_covering_most_of_a_cell_wins() -> None:
    cells = cut(100, 1)
    painted = paint(cells, [(Span(0, 30), Holding.FULL), (Span(30, 100), Holding.EXCERPT)])
    assert painted == [Holding.EXCERPT]


def test_full_copy_is_full_with_every_finding_placed_once(session: Session) -> None:
    drawn = session.strip(FULL_COPY, 60)
    found = session.findings_of(FULL_COPY)
    assert drawn is not None and len(drawn.cells) == 60
    assert {c.holding for c in drawn.cells} == {Holding.FULL}
    placed = [f for c in drawn.cells for f in c.findings]
    assert sorted(placed) == sorted(f.id for f in found if f.reference is not None)
    assert drawn.off_strip == sum(1 for f in found if f.reference is None)
    # The text's letters are the severity of the worst finding of each cell, else `=`.
    for cell, mark in zip(drawn.cells, drawn.text, strict=True):
        assert mark == ("=" if not cell.findings else "Mmc"[2 - cell.severity])  # type: ignore[operator]


def test_excerpts_show_where_they_are_and_lacunae_elsewhere(session: Session) -> None:
    length = len(session.corpus.reference.text)
    result = session.result(EXCERPTS)
    drawn = session.strip(EXCERPTS, 100)
    assert drawn is not None
    held = [span for span, kind in holdings(result) if kind is Holding.EXCERPT]
    assert len(held) == 2
    for cell in drawn.cells:
        inside = sum(max(0, min(cell.end, s.end) - max(cell.start, s.start)) for s in held)
        if 2 * inside >= cell.end - cell.start:
            assert cell.holding is Holding.EXCERPT
        elif inside == 0:
            assert cell.holding is Holding.LACUNA
    assert drawn.cells[-1].end == length
    assert drawn.text.count(HOLDING_MARKS[Holding.LACUNA]) > 80


def test_decisions_turn_a_cell_from_undecided_to_decided(session: Session) -> None:
    result = session.result(FULL_COPY)
    found = session.findings_of(FULL_COPY)
    length = len(session.corpus.reference.text)
    before = strip(result, found, length, 40)
    after = strip(result, found, length, 40, decided={f.id for f in found})
    assert sum(c.undecided for c in before.cells) == sum(len(c.findings) for c in before.cells)
    assert sum(c.undecided for c in after.cells) == 0
    assert before.text == after.text  # the state is styled, the marks stay the same


def test_a_capture_holding_nothing_is_one_lacuna(session: Session) -> None:
    nothing = next(
        c.id for c in session.corpus.captures if c.id not in {FULL_COPY, EXCERPTS, SOURCE}
    )
    drawn = session.strip(nothing, 30)
    assert drawn is not None and drawn.text == "·" * 30


def test_a_quoted_sentence_is_held_as_excerpt_and_quotation() -> None:
    sentence = "The council met at noon and agreed to open the old dam gates."
    reference = make_document(
        "The river rose in the night. By morning the lower town was under water. "
        f"{sentence} The school stayed shut for a week while the water went down.",
        id="reference",
    )
    copy = make_document(
        "A long report on the weather of the week, and nothing else of note.\n\n"
        f'The mayor said: "{sentence}"\n',
        id="page",
    )
    result = Analyser.of(reference).source(copy)
    start = reference.text.index(sentence)
    held = holdings(result)
    assert {kind for _, kind in held} == {Holding.EXCERPT, Holding.QUOTATION}
    assert all(abs(span.start - start) <= 1 for span, _ in held)
    width = len(reference.text) // 4  # cells of 4 characters
    drawn = strip(result, [], len(reference.text), width)
    inside = [c for c in drawn.cells if start <= c.start and c.end <= start + len(sentence)]
    assert inside and all(c.holding is Holding.EXCERPT for c in inside)  # excerpt before quote
    assert drawn.text.startswith("·" * (start // 4))
    # Without the located passage, the quotation alone holds the sentence.
    alone = strip(replace(result, passages=()), [], len(reference.text), width)
    assert all(
        c.holding is Holding.QUOTATION
        for c in alone.cells
        if start <= c.start and c.end <= start + len(sentence)
    )
    assert '"' * 10 in alone.text
