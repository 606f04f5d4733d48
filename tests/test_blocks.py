"""The aligned text drawn block by block, without Pilot: every block shows its text."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_document
from rich.console import Console
from rich.style import Style

from provenance.analyse import Analyser, Analysis, SourceResult, analyse
from provenance.corpus import load_corpus
from provenance.model import Document, Format
from provenance.tui.blocks import STYLE_NAMES, blocks, inline_row, split_row

EXCERPTS = "001_74f1542717574725"
pytestmark = pytest.mark.tui  # provenance.tui.blocks loads Textual (via provenance.tui)
PLAIN = {name: Style() for name in STYLE_NAMES}


def drawn(reference: Document, result: SourceResult, *, split: bool) -> list[str]:
    """Each block of the capture drawn as the review screen draws it, as plain text."""
    draw = split_row if split else inline_row
    out = []
    for block in blocks(result.alignments, result.document):
        console = Console(width=400, record=True, file=io.StringIO())
        console.print(draw(block, reference, result.document, None, PLAIN, invisibles=False))
        out.append(" ".join(console.export_text().split()))
    return out


def test_bundled_excerpts_show_their_text(analysis: Analysis) -> None:
    result = analysis.source(EXCERPTS)
    assert len(result.passages) == 2
    for split in (True, False):
        shown = drawn(analysis.reference, result, split=split)
        assert len(shown) == 2
        for text, passage in zip(shown, result.passages, strict=True):
            copied = " ".join(passage.copy.of(result.document.text).split())
            assert copied[:40] in text and copied[-40:] in text


def test_excerpt_with_one_word_changed_draws_both_readings(
    excerpt_corpus: tuple[Path, str],
) -> None:
    directory, added = excerpt_corpus
    corpus = load_corpus(directory)
    capture = next(c for c in corpus.captures if c.id == added)
    result = Analyser.of(corpus.reference).source(capture)
    [side_by_side] = drawn(corpus.reference, result, split=True)
    [inline] = drawn(corpus.reference, result, split=False)
    assert "complex" in side_by_side and "complete" in side_by_side
    assert "promote a [-complex-]{+complete+} solution" in inline
    assert inline.endswith("Northeast Asia.")


def test_a_markdown_copy_s_numbered_points_keep_the_reference_s_words(
    reference: Document,
) -> None:
    """A Markdown copy of points 1 and 2, a phrase bold: the engine reads the copy's
    words as equal to the statement's, but its "**" make the copy's side longer, and the
    block cut after a line break on the copy's side was cut as far on the reference's:
    its column showed "2." alone, then "he Parties express" (the "T" lost)."""
    paragraphs = reference.text.split("\n\n")
    one = next(k for k, p in enumerate(paragraphs) if p.startswith("1. "))
    text = "\n\n".join(paragraphs[one : one + 2]).replace(
        "are seriously worried", "are **seriously worried**", 1
    )
    page = replace(make_document("Excerpt:\n\n" + text + "\n"), format=Format.MARKDOWN)
    result = analyse(reference, [page]).sources[0]
    shown = [
        block.reference.of(reference.text).strip()
        for block in blocks(result.alignments, result.document, reference)
    ]
    assert shown == [p.strip() for p in paragraphs[one : one + 2]], shown
