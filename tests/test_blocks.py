"""The aligned text drawn block by block, without Pilot: every block shows its text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from rich.style import Style

from provenance.analyse import Analyser, Analysis, SourceResult
from provenance.corpus import load_corpus
from provenance.model import Document
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
