"""The variants view: the collation of the bundled corpus, its filters and the jump to a review."""

from __future__ import annotations

import doctest

import pytest
from textual.widgets import DataTable
from tui_helpers import CAPTURE, open_variants

from provenance.collation.table import Status
from provenance.tui import variants_screen
from provenance.tui.app import ReviewApp
from provenance.tui.review_screen import ReviewScreen
from provenance.tui.variants_screen import LACUNA

pytestmark = pytest.mark.tui  # needs Textual (Pilot, snapshots or the UI's modules)

SIZE = (100, 30)


def column(data: DataTable, witness: str) -> list[str]:
    """The cells of one witness's column, as shown."""
    return [str(c) for c in data.get_column(witness)]


def test_cell_examples() -> None:
    result = doctest.testmod(variants_screen)
    assert result.attempted > 0
    assert result.failed == 0


async def test_table_of_the_bundled_corpus(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_variants(pilot)
        table = screen.table
        assert table is not None
        data = screen.query_one("#variants", DataTable)
        witnesses = [w.id for w in table.witnesses]
        assert [str(c.label) for c in data.columns.values()] == ["#", "reference", *witnesses]
        assert data.cursor_column == 2 + witnesses.index("002-full")  # opened from 002
        hidden = data.row_count
        await pilot.press("c")  # show the cosmetic variants too
        await pilot.pause()
        shown = data.row_count
        assert hidden == len(table.variants(cosmetic=False)) < shown == len(table.variants())

        # 002's full copy: one variant cell per divergence the review screen lists (ten).
        cells = column(data, "002-full")
        variants = [c for c in cells if c not in ("=", LACUNA)]
        divergences = [f for f in app.session.findings_of(CAPTURE) if f.category == "divergence"]
        assert len(variants) == len(divergences) == 10
        assert sum(c.endswith(" ws") for c in variants) == 9
        assert sum(c.endswith(" punct") for c in variants) == 1

        # 001 holds two excerpts: lacuna exactly where a location lies outside both.
        excerpts = table.witness("001-excerpts").segments
        assert len(excerpts) == 2
        rows = [table.locations[int(str(k.value))] for k in data.rows]
        for loc, text in zip(rows, column(data, "001-excerpts"), strict=True):
            inside = any(
                s.reference.start <= loc.reference.start and loc.reference.end <= s.reference.end
                for s in excerpts
            )
            assert (text == LACUNA) == (not inside), loc
            assert (loc.reading("001-excerpts").status is Status.LACUNA) == (not inside)
        assert LACUNA in column(data, "001-excerpts")
        assert "=" in column(data, "001-excerpts")


async def test_filter_by_kind_and_jump_to_the_finding(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_variants(pilot)
        data = screen.query_one("#variants", DataTable)
        await pilot.press("slash", *"kind:punct", "enter")
        await pilot.pause()
        assert data.row_count == 1
        loc = screen.current_location()
        assert loc is not None
        assert loc.reading("002-full").kind == "punctuation"
        await pilot.press("enter")  # the cursor starts on 002-full
        await app.workers.wait_for_complete()
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.capture_id == CAPTURE
        row = review.review.current() if review.review else None
        assert row is not None and row.finding is not None
        assert row.finding.kind == "punctuation"
        assert row.finding.reference is not None
        assert row.finding.reference.start < loc.reference.end
        assert loc.reference.start < row.finding.reference.end

        await pilot.press("v")  # back to the variants it came from, not a second copy
        await pilot.pause()
        assert app.screen is screen
        stack = len(app.screen_stack)
        await pilot.press("escape", "escape")  # clear the filter, then back to the corpus
        await pilot.pause()
        assert len(app.screen_stack) == stack - 1


async def test_jump_from_a_cell_with_no_finding_opens_the_capture(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_variants(pilot)
        await pilot.press("h", "h")  # 000-full: it reads as the reference everywhere
        await pilot.pause()
        loc = screen.current_location()
        assert loc is not None
        assert loc.reading("000-full").status is Status.AGREES
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.capture_id.startswith("000")
        assert review.select is None
