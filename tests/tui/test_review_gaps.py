"""Pilot tests for the review screen's go-to, context, outside-passage panel, cue line
and footer, and for the quotations view's speaker cue."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey
from tui_helpers import CAPTURE, open_capture

from provenance.tui.app import ReviewApp, build_app
from provenance.tui.dialogs import GotoDialog, help_text
from provenance.tui.quotes_screen import QuotesScreen
from provenance.tui.review_screen import ReviewScreen

pytestmark = pytest.mark.tui

SOURCE = "000_3bc794f6186e8434"
"""The compilation: its quotation findings sit in the article's prose, outside the passage."""


def detail(screen: ReviewScreen) -> str:
    return str(screen.query_one("#detail").render())


async def test_g_goes_to_a_finding_by_number(app: ReviewApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_capture(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GotoDialog)
        await pilot.press("7", "enter")
        await pilot.pause()
        row = screen.review.current()
        assert row is not None and row.number == 7
        assert detail(screen).startswith("7. ")
        assert screen.query_one(DataTable).cursor_row == screen.review.cursor
        await pilot.press("g", "9", "9", "enter")  # no such finding: the cursor stays
        await pilot.pause()
        assert screen.review.current().number == 7  # type: ignore[union-attr]
        await pilot.press("g", "escape")
        await pilot.pause()
        assert app.screen is screen


async def test_braces_give_less_and_more_context(app: ReviewApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_capture(pilot)

        def shown() -> int:
            return len(detail(screen).split("in context: ")[1].split("\n")[0])

        start = shown()
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        wider = shown()
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        await pilot.pause()
        narrower = shown()
        assert narrower < start < wider
        assert screen.review.context_chars == 12
        for _ in range(9):  # stops at the ends
            await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert screen.review.context_chars == 0


async def test_a_finding_outside_the_passage_is_shown_in_the_capture(
    app: ReviewApp, corpus_dir: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_capture(pilot, SOURCE)
        row = screen.review.current()
        assert row is not None and row.finding is not None
        assert row.finding.category == "quotation"
        [passage] = screen.review.result.passages
        assert row.finding.span.end <= passage.copy.start  # in the article, before the statement
        panel = screen.query_one("#outside", Static)
        assert panel.display
        text = str(panel.render())
        quoted = row.finding.span.of(screen.review.result.document.text)
        assert f"⟦{quoted}⟧" in text
        assert f"capture {row.finding.span.start}..{row.finding.span.end}" in text
    inside = build_app(corpus_dir, reviewer="tester")
    async with inside.run_test(size=(100, 30)) as pilot:
        screen = await open_capture(pilot, CAPTURE)  # a no-break space inside the passage
        assert not screen.query_one("#outside", Static).display


async def test_quotation_detail_shows_the_cue_that_attributed_it(app: ReviewApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_capture(pilot, SOURCE)
        row = screen.review.current()
        assert row is not None and row.finding is not None
        quote = screen.review.quotation(row.finding)
        assert quote is not None and quote.attribution is not None
        cue = quote.attribution
        assert f"cue: {cue.speaker} ({cue.how}) at {cue.span.start}..{cue.span.end}" in detail(
            screen
        )


async def test_quotations_view_shows_speaker_and_cue(app: ReviewApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_capture(pilot, SOURCE)
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        table = screen.query_one(DataTable)
        quotes = screen.session.result(SOURCE).quotes
        speakers = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert speakers == [q.attribution.speaker if q.attribution else "none" for q in quotes]
        attributed = next(i for i, q in enumerate(quotes) if q.attributed)
        await pilot.press(*["j"] * attributed)
        await pilot.pause()
        line = str(screen.query_one("#quote-detail", Static).render())
        cue = quotes[attributed].attribution
        assert cue is not None and line.startswith(f"cue: {cue.speaker} ({cue.how})")


async def test_footer_fits_80_columns_and_help_lists_the_rest(app: ReviewApp) -> None:
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_capture(pilot)
        await pilot.pause()
        keys = list(screen.query(FooterKey))
        assert keys
        assert all(k.region.right <= 80 and k.region.width > 0 for k in keys)
        shown = {k.key for k in keys}
        text = help_text(ReviewScreen.HELP_SECTION)
        hidden = [b for b in ReviewScreen.BINDINGS if not b.show]
        names = {"left_curly_bracket": "{", "right_curly_bracket": "}", "slash": "/"}
        for binding in hidden:
            first = binding.key.split(",")[0]
            assert f"`{names.get(first, first)}`" in text, binding.key
        assert {"a", "f", "n"} <= shown


def test_help_names_the_new_keys(tmp_path: Path) -> None:
    text = help_text(ReviewScreen.HELP_SECTION)
    assert "`g`" in text and "`{` / `}`" in text


async def test_a_capture_that_cannot_be_read_is_named_and_the_others_reviewed(
    corpus_dir: Path,
) -> None:
    """One missing capture file stopped the review UI from starting (exit 2), while
    `findings` and `check` go on with the other captures (a held-out audit)."""
    (corpus_dir / "001_74f1542717574725.txt").unlink()
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#captures", DataTable)
        assert table.row_count == 4
        said = [n.message for n in app._notifications]
        assert any("001_74f1542717574725.txt" in m and "left out" in m for m in said)


async def test_a_capture_changed_since_it_was_added_is_named_when_the_review_opens(
    corpus_dir: Path,
) -> None:
    """`findings` warned and `check` failed (P101) on a capture whose bytes changed, but
    the review UI showed it as any other, and its decisions were made on the new bytes
    without a word (audit r1)."""
    capture = corpus_dir / "002_9103d841b337d515.txt"
    capture.write_bytes(capture.read_bytes().replace(b"seriously", b"Seriously", 1))
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any(capture.name in m and "no longer match" in m for m in said)


async def test_the_decision_and_its_note_are_never_the_part_of_the_detail_cut_off(
    corpus_dir: Path,
) -> None:
    """The detail pane shows a few lines; a long quotation's readings came first and
    pushed the decision, its reviewer, its note and the progress out of sight, with no
    way to scroll to them (a held-out audit of the review UI)."""
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_capture(pilot, "000_3bc794f6186e8434")
        await pilot.press("c", *"checked against the MFA text", "enter")
        await pilot.pause()
        detail = screen.query_one("#detail")
        shown = detail.render_lines(detail.region.reset_offset)
        text = "".join(segment.text for line in shown for segment in line)
        assert "flagged" in text and "checked against the MFA text" in text, text
        assert "decided" in text


async def test_the_corpus_filter_matches_what_the_columns_cut_short(
    app: ReviewApp,
) -> None:
    """`/` searched the cells as drawn: "EIR" found nothing at 120 columns (the publisher
    is cut short there) and "excerpts" nothing at any width (holds shows "exce")."""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#captures", DataTable)
        for query, expected in (("excerpts", {"001_74f1542717574725"}), ("EIR", None)):
            await pilot.press("slash", *query, "enter")
            await pilot.pause()
            listed = {str(k.value) for k in table.rows}
            assert listed and (expected is None or listed == expected), (query, listed)
            await pilot.press("slash", *["backspace"] * len(query), "enter")
            await pilot.pause()
