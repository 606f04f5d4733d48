"""End to end on the bundled corpus: exactly the divergences that are there, none invented."""

from __future__ import annotations

import gc
import html
import random
from pathlib import Path

import pytest
from conftest import EXCERPTS, FULL_COPY, make_document
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.analyse import Analyser, Analysis, analyse, analyse_corpus
from provenance.corpus import Corpus, load_corpus
from provenance.findings import findings
from provenance.load import load
from provenance.model import Document, Kind, Severity, Span

NBSP = "\u00a0"


def test_full_copy_has_exactly_the_ten_divergences(analysis: Analysis) -> None:
    source = analysis.source(FULL_COPY)
    found = [(d.kind, d.reference_text, d.copy_text) for d in source.divergences]
    assert found.count((Kind.WHITESPACE, " ", NBSP)) == 8
    assert found.count((Kind.WHITESPACE, "", NBSP)) == 1
    assert found.count((Kind.PUNCTUATION, "consultations. The", "consultationsThe")) == 1
    assert len(found) == 10


def test_nbsp_inserted_before_point_two(analysis: Analysis) -> None:
    source = analysis.source(FULL_COPY)
    [inserted] = [d for d in source.divergences if d.reference_text == ""]
    assert source.document.text[inserted.copy.end :].startswith("2. The Parties")


def test_the_ten_divergences_are_every_difference(analysis: Analysis) -> None:
    """Undoing the reported divergences in the copy gives back the reference exactly."""
    source = analysis.source(FULL_COPY)
    [passage] = source.passages
    text = source.document.text
    rebuilt, at = [], passage.copy.start
    for d in source.divergences:
        rebuilt += [text[at : d.copy.start], d.reference_text]
        at = d.copy.end
    rebuilt.append(text[at : passage.copy.end])
    assert "".join(rebuilt) == analysis.reference.text


def test_point_three_and_four_spacing_is_not_a_divergence(analysis: Analysis) -> None:
    reference = analysis.reference.text
    assert "3.The Parties" in reference and "4.The Parties" in reference
    source = analysis.source(FULL_COPY)
    for marker in ("3.The", "4.The"):
        at = source.document.text.index(marker)
        assert not any(d.copy.start <= at + 2 <= d.copy.end for d in source.divergences)


def test_no_divergences_elsewhere(analysis: Analysis) -> None:
    for source in analysis.sources:
        if source.document.id != FULL_COPY:
            assert source.divergences == (), source.document.id


def test_severity_of_the_damage(analysis: Analysis) -> None:
    severities = [d.severity for d in analysis.source(FULL_COPY).divergences]
    assert severities.count(Severity.COSMETIC) == 9
    assert severities.count(Severity.MINOR) == 1


def test_every_span_slices_the_original_file(analysis: Analysis) -> None:
    for source in analysis.sources:
        on_disk = Path(source.document.path).read_bytes().decode("utf-8")
        for d in source.divergences:
            assert d.copy.of(on_disk) == d.copy_text
            assert d.reference.of(analysis.reference.text) == d.reference_text
        for p in source.passages:
            assert p.copy.end <= len(on_disk)


def test_ids_are_stable_across_runs(corpus_dir: Path) -> None:
    first = analyse_corpus(load_corpus(corpus_dir))
    second = analyse_corpus(load_corpus(corpus_dir))
    ids = [d.id for s in first.sources for d in s.divergences]
    assert ids == [d.id for s in second.sources for d in s.divergences]
    assert len(set(ids)) == len(ids)


def test_ids_change_when_the_bytes_change(corpus_dir: Path) -> None:
    before = analyse_corpus(load_corpus(corpus_dir)).source(FULL_COPY)
    path = corpus_dir / f"{FULL_COPY}.txt"
    path.write_bytes(path.read_bytes() + b"\n")  # the copy in tmp_path, not the evidence
    after = analyse_corpus(load_corpus(corpus_dir)).source(FULL_COPY)
    assert after.document.sha256 != before.document.sha256
    assert [(d.kind, d.copy, d.reference) for d in after.divergences] == [
        (d.kind, d.copy, d.reference) for d in before.divergences
    ]
    assert not {d.id for d in after.divergences} & {d.id for d in before.divergences}


def test_findings_carry_the_divergences(analysis: Analysis) -> None:
    items = [f for f in findings(analysis) if f.category == "divergence"]
    assert [f.id for f in items] == [d.id for s in analysis.sources for d in s.divergences]
    assert all(
        f.text == f.span.of(s.document.text)
        for s in analysis.sources
        for f in items
        if f.source == s.document.id
    )


# Planted edits: every reported span still slices the original to the reported text.
_EDITS = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.sampled_from(["", NBSP, "\u200b", "\u00ad", "x", "[sic] ", "\u2019", "—", "\r\n", "😀"]),
        st.integers(0, 3),
    ),
    max_size=6,
)


@settings(max_examples=25, deadline=None)
@given(_EDITS)
def test_planted_edits_are_reported_with_honest_spans(
    reference: Document, edits: list[tuple[int, str, int]]
) -> None:
    text = reference.text
    for where, insert, cut in edits:
        at = where % (len(text) + 1)
        text = text[:at] + insert + text[at + cut :]
    capture = make_document("Page header.\n\n" + text + "\n\nPage footer.")
    source = analyse(reference, [capture]).sources[0]
    for d in source.divergences:
        assert d.copy.of(capture.text) == d.copy_text
        assert d.reference.of(reference.text) == d.reference_text
    for a in source.alignments:
        for e in a.edits:
            assert a.passage.copy.start <= e.copy.start <= e.copy.end <= a.passage.copy.end
        # Outside the reported divergences the copy reads exactly as the reference does,
        # so every planted edit inside a passage is reported somewhere.
        inside = [d for d in source.divergences if a.passage.copy.start <= d.copy.start]
        inside = [d for d in inside if d.copy.end <= a.passage.copy.end]
        assert _outside(capture.text, a.passage.copy, [d.copy for d in inside]) == _outside(
            reference.text, a.passage.reference, [d.reference for d in inside]
        )
    assert source.passages, "the damaged copy is still found"


def _outside(text: str, passage: Span, cuts: list[Span]) -> list[str]:
    """The stretches of `passage` between the `cuts`, in order."""
    pieces, at = [], passage.start
    for cut in sorted(cuts, key=lambda s: (s.start, s.end)):
        pieces.append(text[at : cut.start])
        at = max(at, cut.end)
    pieces.append(text[at : passage.end])
    return pieces


def test_random_nbsp_damage_is_found_exactly(reference: Document) -> None:
    spaces = [i for i, c in enumerate(reference.text) if c == " "]
    chosen = sorted(random.Random(2017).sample(spaces, 12))
    damaged = "".join(NBSP if i in chosen else c for i, c in enumerate(reference.text))
    source = analyse(reference, [make_document(damaged)]).sources[0]
    assert [(d.kind, d.copy.start) for d in source.divergences] == [
        (Kind.WHITESPACE, i) for i in chosen
    ]


def _capture(corpus: Corpus, capture_id: str) -> Document:
    return next(c for c in corpus.captures if c.id == capture_id)


def test_an_analysis_leaves_no_reference_cycle(corpus: Corpus, tmp_path: Path) -> None:
    """`Analyser.source` pauses the cyclic collector, which is sound only while an analysis
    builds no cycle: what it leaves is freed by reference counting alone."""
    analyser = Analyser.of(corpus.reference)
    copy = _capture(corpus, FULL_COPY)
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p><b>{html.escape(p)}</b></p>\n" for p in copy.text.split("\n\n"))
    page.write_text(f"<html><body>\n{paragraphs}</body></html>\n", encoding="utf-8")
    for capture in (copy, _capture(corpus, EXCERPTS), load(page)):
        analyser.source(capture)  # the first use compiles patterns and fills caches
        gc.collect()
        gc.disable()
        try:
            result = analyser.source(capture)
            assert gc.collect() == 0, capture.path
        finally:
            gc.enable()
        assert result.passages


def test_the_collector_runs_again_after_an_analysis(corpus: Corpus) -> None:
    analyser = Analyser.of(corpus.reference)
    seen: list[bool] = []

    def stage(capture: Document, name: str) -> None:
        seen.append(gc.isenabled())
        if name == "emphasis":  # the last stage
            raise KeyboardInterrupt

    assert gc.isenabled()
    with pytest.raises(KeyboardInterrupt):
        analyser.source(_capture(corpus, FULL_COPY), stage=stage)
    assert len(seen) == 5 and not any(seen)  # paused in every stage
    assert gc.isenabled()  # and running again, even after an interruption
    gc.disable()
    try:
        analyser.source(_capture(corpus, FULL_COPY))
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
