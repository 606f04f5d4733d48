"""The corpus screen fits the terminal: wide ones show whole ids, publishers and dates;
at 80x24 the review progress (`decided`) and every footer key are on screen; dialogs and
the coverage strips fit whatever the size."""

from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable, Label
from textual.widgets._footer import FooterKey
from tui_helpers import open_capture

from provenance.tui.app import ReviewApp
from provenance.tui.corpus_screen import CorpusScreen
from provenance.tui.dialogs import ConfirmDialog


async def test_a_wide_terminal_shows_whole_ids_publishers_and_dates(app: ReviewApp) -> None:
    async with app.run_test(size=(250, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        table = screen.query_one("#captures", DataTable)
        corpus = app.session.corpus
        for capture in corpus.captures:
            entry = corpus.entry(capture.id)
            assert str(table.get_cell(capture.id, "id")) == capture.id
            assert str(table.get_cell(capture.id, "publisher")) == entry.publisher
        strips = str(screen.query_one("#strips").render())
        assert all(c.id in strips for c in corpus.captures)


async def test_at_80_columns_the_decided_column_and_every_footer_key_show(
    app: ReviewApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("j")  # 001: it has quotations, so `o` and `v` are offered
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        table = screen.query_one("#captures", DataTable)
        right = 0
        for key, column in table.columns.items():
            right += column.get_render_width(table)
            if key.value == "decided":
                break
        assert right <= 80, f"decided ends at column {right}"
        keys = list(screen.query(FooterKey))
        shown = {k.key for k in keys}
        assert {"o", "v", "q", "slash"} <= shown, shown
        for footer_key in keys:
            assert footer_key.region.right <= 80, f"{footer_key.key} is cut"


@pytest.mark.parametrize("width", [150, 80, 40])
async def test_the_bulk_accept_question_is_whole_at_any_width(app: ReviewApp, width: int) -> None:
    """The question was one line wider than its box and cut ("…in this capt") at every
    width, 150 columns too: it wraps inside the box, and both buttons stay in it."""
    async with app.run_test(size=(width, 24)) as pilot:
        await open_capture(pilot)
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        box = dialog.query_one("#confirm-box").content_region
        question = dialog.query_one("#question", Label)
        for widget in (question, *dialog.query(Button)):
            assert box.contains_region(widget.region), (widget, widget.region, box)
        lines = question.render_lines(question.region.reset_offset)
        assert " ".join(line.text.strip() for line in lines).strip() == dialog.question
