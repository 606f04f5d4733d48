"""The fuzz strategies generate every shape issue 15 lists, in every format.

Generation only (no analysis), so it is fast and runs with the fast set; which shapes
the long run met, and how often, `make fuzz` prints (Hypothesis events).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from capture_strategies import SHAPES, Capture, html_captures, markdown_captures, text_captures
from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.corpus import load_corpus

STATEMENT = load_corpus(CORPUS).reference.text
STRATEGIES: dict[str, Callable[[str], st.SearchStrategy[Capture]]] = {
    "txt": text_captures,
    "md": markdown_captures,
    "html": html_captures,
}


@pytest.mark.parametrize("format", sorted(STRATEGIES))
def test_every_shape_is_generated(format: str) -> None:
    seen: set[str] = set()

    @settings(max_examples=40, derandomize=True, database=None, deadline=None)
    @given(capture=STRATEGIES[format](STATEMENT))
    def draw(capture: Capture) -> None:
        assert capture.format == format
        if capture.planted is not None:
            text = capture.data.decode("utf-8-sig")
            assert text[capture.planted[0] : capture.planted[1]].strip(), capture.planted
        seen.update(capture.shapes)

    draw()
    wanted = {f"{format}:{name}" for name in SHAPES[format]}
    assert wanted | {f"{format}:statement-planted-whole"} <= seen, sorted(wanted - seen)
