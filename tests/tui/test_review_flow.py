"""Pilot tests: keys pressed in the review UI, decisions asserted on disk."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static
from tui_helpers import CAPTURE, open_capture

from provenance.analyse import Analyser
from provenance.model import Document, Verdict
from provenance.review import REVIEWS, ReviewStore
from provenance.session import Session
from provenance.tui.app import ReviewApp, build_app
from provenance.tui.corpus_screen import CorpusScreen
from provenance.tui.dialogs import ConfirmDialog, HelpScreen, NoteDialog
from provenance.tui.quotes_screen import QuotesScreen
from provenance.tui.review_screen import ReviewScreen
from provenance.tui.widgets import FindingTable

pytestmark = pytest.mark.tui  # needs Textual (Pilot, snapshots or the UI's modules)

SIZE = (100, 30)


def on_disk(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """The decisions in the review file, by finding id."""
    path = corpus_dir / REVIEWS
    if not path.exists():
        return {}
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return {d["finding"]: d for d in lines if "finding" in d}


def current_id(screen: ReviewScreen) -> str:
    row = screen.review.current()
    assert row is not None and row.finding is not None
    return row.finding.id


async def test_accept_saves_at_once_and_advances(app: ReviewApp, corpus_dir: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        first, second = screen.review.findings[0].id, screen.review.findings[1].id
        assert current_id(screen) == first  # opens on the first undecided finding
        await pilot.press("a")
        await pilot.pause()
        saved = on_disk(corpus_dir)  # saved before the app exits
        assert current_id(screen) == second
    assert list(saved) == [first]
    assert saved[first]["verdict"] == "accepted"
    assert saved[first]["reviewer"] == "tester"
    assert saved[first]["source"] == CAPTURE


async def test_flag_then_undo_leaves_it_undecided(app: ReviewApp, corpus_dir: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        first = screen.review.findings[0].id
        await pilot.press("f")
        await pilot.pause()
        assert on_disk(corpus_dir)[first]["verdict"] == "flagged"
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(corpus_dir) == {}
        assert current_id(screen) == first  # undo returns to the finding it reverted
        assert screen.review.current().state == "undecided"  # type: ignore[union-attr]


async def test_a_note_on_an_undecided_finding_flags_it_and_never_runs_as_keys(
    app: ReviewApp, corpus_dir: Path
) -> None:
    """`c` on an undecided finding did nothing and said nothing, and the note typed next
    ran as the screen's keys: "fix later" flagged one finding and accepted the next (a
    held-out audit of the review UI). It opens the note, and the note flags the finding."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        first = screen.review.findings[0].id
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"fix later", "enter")
        await pilot.pause()
        assert app.screen is screen
    saved = on_disk(corpus_dir)
    assert list(saved) == [first]
    assert (saved[first]["verdict"], saved[first]["note"]) == ("flagged", "fix later")


async def test_note_is_saved_with_the_decision(app: ReviewApp, corpus_dir: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        first = screen.review.findings[0].id
        await pilot.press("a", "k", "c")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"nbsp from the editor", "enter")
        await pilot.pause()
        assert app.screen is screen
    saved = on_disk(corpus_dir)[first]
    assert saved["note"] == "nbsp from the editor"
    assert saved["verdict"] == "accepted"


async def test_note_escape_cancels(app: ReviewApp, corpus_dir: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        await pilot.press("a", "k", "c", *"not this", "escape")
        await pilot.pause()
        assert app.screen is screen
    assert on_disk(corpus_dir)[screen.review.findings[0].id]["note"] == ""


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_bulk_accept_asks_first(app: ReviewApp, corpus_dir: Path, answer: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        whitespace = {f.id for f in screen.review.findings if f.kind == "whitespace"}
        assert len(whitespace) == 9
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "9 remaining undecided whitespace" in app.screen.question
        await pilot.press(answer)
        await pilot.pause()
        assert app.screen is screen
        if answer == "y":  # one undo reverts the whole bulk action
            assert set(on_disk(corpus_dir)) == whitespace
            await pilot.press("u")
            await pilot.pause()
        assert on_disk(corpus_dir) == {}


async def test_filter_by_kind_then_decide(app: ReviewApp, corpus_dir: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        table = screen.query_one(FindingTable)
        await pilot.press("slash", *"kind:punct", "enter")
        await pilot.pause()
        assert table.row_count == 1
        [punctuation] = [f for f in screen.review.findings if f.kind == "punctuation"]
        await pilot.press("f")
        await pilot.pause()
        assert on_disk(corpus_dir)[punctuation.id]["verdict"] == "flagged"
        await pilot.press("escape")  # clears the filter, stays on the screen
        await pilot.pause()
        assert app.screen is screen
        assert table.row_count == len(screen.review.findings)
        await pilot.press("slash", *"severity:minor state:flagged", "enter")
        await pilot.pause()
        assert table.row_count == 1


async def test_next_undecided_wraps_round(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        ids = [f.id for f in screen.review.findings]
        await pilot.press("p")  # from the first, previous wraps to the last
        await pilot.pause()
        assert current_id(screen) == ids[-1]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert current_id(screen) == ids[0]
        await pilot.press("a", "a")  # decided ones are skipped
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert current_id(screen) == ids[-1]


async def test_quit_and_reopen_keeps_decisions(corpus_dir: Path) -> None:
    first = build_app(corpus_dir, reviewer="tester")
    async with first.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        ids = [f.id for f in screen.review.findings]
        await pilot.press("a", "f", "q")
        await pilot.pause()
        assert isinstance(first.screen, CorpusScreen)
        await pilot.press("q")
        await pilot.pause()
    assert first.return_code == 0
    again = build_app(corpus_dir, reviewer="someone else")
    async with again.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        states = [r.state for r in screen.review.rows]
        assert states[:3] == ["accepted", "flagged", "undecided"]
        assert current_id(screen) == ids[2]  # reopens on the first undecided
    saved = on_disk(corpus_dir)
    assert (saved[ids[0]]["verdict"], saved[ids[1]]["verdict"]) == ("accepted", "flagged")


def _stale_decision(
    app: ReviewApp, finding: str, verdict: str, *, summary: str, note: str = ""
) -> dict[str, str]:
    """A decision line on CAPTURE's bytes for a finding the capture no longer has."""
    capture = next(c for c in app.session.corpus.captures if c.id == CAPTURE)
    return {
        "finding": finding,
        "source": CAPTURE,
        "source_sha256": capture.sha256,
        "verdict": verdict,
        "note": note,
        "reviewer": "earlier",
        "time": "2024-01-01T00:00:00Z",
        "summary": summary,
    }


async def test_stale_decision_is_listed_and_kept(app: ReviewApp, corpus_dir: Path) -> None:
    stale = _stale_decision(
        app,
        "d-0000000000000000",
        "flagged",
        note="made on an older classifier",
        summary="spelling: 'neighbours' -> 'neighbors'",
    )
    # In the old single-document file, which the UI still reads.
    (corpus_dir / "reviews.json").write_text(
        json.dumps({"schema": "provenance-reviews/1", "decisions": [stale]}), "utf-8"
    )
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        assert [r.state for r in screen.review.rows].count("stale") == 1
        table = screen.query_one(FindingTable)
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        row = screen.review.current()
        assert row is not None and row.state == "stale"
        detail = str(screen.query_one("#detail").render())
        assert "stale decision" in detail and "neighbours" in detail
        await pilot.press("a")  # a stale decision cannot be re-decided, only kept
        await pilot.press("n", "a")
        await pilot.pause()
    saved = on_disk(corpus_dir)
    assert saved["d-0000000000000000"] == stale
    assert len(saved) == 2


async def test_a_stale_decision_is_dropped_with_x_and_brought_back_with_u(
    app: ReviewApp, corpus_dir: Path
) -> None:
    """A stale decision (its finding gone) could only be cleared with `provenance decide
    --clear`, and `a` on it did nothing without a word; `x` drops it (check's P502 then
    goes), `u` brings it back, and `a` says what to do."""
    stale = _stale_decision(app, "d-1111111111111111", "accepted", summary="omission: 'the' -> ''")
    header = json.dumps({"schema": "provenance-reviews/2"})
    (corpus_dir / REVIEWS).write_text(f"{header}\n{json.dumps(stale)}\n", "utf-8")
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        table = screen.query_one(FindingTable)
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        assert screen.review.current().state == "stale"
        await pilot.press("a")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("stale decision" in m and "x drops" in m for m in said), said
        assert "d-1111111111111111" in on_disk(corpus_dir)
        await pilot.press("x")
        await pilot.pause()
        assert "d-1111111111111111" not in on_disk(corpus_dir)
        assert "stale" not in [r.state for r in screen.review.rows]
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(corpus_dir)["d-1111111111111111"] == stale


async def test_escape_on_the_corpus_screen_never_quits(app: ReviewApp) -> None:
    """Esc pressed a few times to leave the review screen went on past the corpus screen
    and ended the session; there it clears the filter or says that q quits."""
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen) and app.is_running
        assert "q quits (every decision is already saved)." in [
            n.message for n in app._notifications
        ]
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_a_toast_never_covers_the_detail_pane(app: ReviewApp) -> None:
    """Toasts sat at the bottom right, over the detail pane's decision and note just as a
    decision was made (audit t9); they are at the top now."""
    from textual.widgets._toast import Toast

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_capture(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.notify("a toast")
        for _ in range(5):
            await pilot.pause(0.1)
        detail = screen.query_one("#detail").region
        toasts = [t.region for t in screen.query(Toast)]
        assert toasts and all(not t.overlaps(detail) for t in toasts), (toasts, detail)


async def test_a_key_that_cannot_act_says_why(app: ReviewApp) -> None:
    """`u` with nothing to undo, `n` with nothing undecided, `x` on a current finding: the
    footer leaves them out, and pressing one did nothing at all; now a line says why."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        await pilot.press("u", "x")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert "Nothing to undo on this capture in this session." in said, said
        assert any(m.startswith("x drops a stale decision") for m in said), said
        screen.review.accept_all(screen.review.same_kind())
        while screen.review._undecided():
            screen.review.next_undecided(1)
            screen.review.decide(Verdict.ACCEPTED)
        screen._show_rows()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert "Every finding shown is decided." in said, said


async def test_failed_save_is_reported_and_changes_nothing(
    app: ReviewApp, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        first = screen.review.findings[0].id
        await pilot.press("a")
        await pilot.pause()
        before = (corpus_dir / REVIEWS).read_bytes()

        def refuse(*_: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", refuse)
        await pilot.press("f")
        await pilot.pause()
        assert app.screen is screen  # still running, the error became a notification
        assert any("No space left" in n.message for n in app._notifications)
        monkeypatch.undo()
        assert (corpus_dir / REVIEWS).read_bytes() == before
        await pilot.press("u")  # undo reverts the last *saved* decision
        await pilot.pause()
    assert first not in on_disk(corpus_dir)


async def test_corpus_screen_counts_follow_decisions(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        total = len(screen.review.findings)
        await pilot.press("a", "a", "q")
        await pilot.pause()
        corpus = app.screen
        assert isinstance(corpus, CorpusScreen)
        table = corpus.query_one("#captures")
        assert str(table.get_cell(CAPTURE, "decided")) == f"2/{total}"  # type: ignore[attr-defined]
        ids = [c.id for c in app.session.corpus.captures]
        after = ids[ids.index(CAPTURE) + 1 :] + ids[: ids.index(CAPTURE) + 1]
        expected = next(i for i in after if app.session.undecided_count(i))
        assert expected != CAPTURE  # 003 and 004 have nothing to decide: n skips them
        await pilot.press("n")  # next capture with undecided findings, wrapping round
        await pilot.pause()
        assert corpus.current_capture() == expected


async def test_split_inline_and_invisibles(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        assert "⟨NBSP⟩" not in _aligned_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert "⟨NBSP⟩" in _aligned_text(app)
        await pilot.press("s")
        await pilot.pause()
        inline = _aligned_text(app)
        assert "[-" in inline and "{+⟨NBSP⟩+}" in inline
        await pilot.press("w")
        await pilot.pause()
        assert "⟨NBSP⟩" not in _aligned_text(app)


def _aligned_text(app: ReviewApp) -> str:
    """Plain text of every block in the aligned view."""
    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    for block in app.screen.query(".block").results(Static):
        console.print(block.content)
    return console.export_text()


async def test_help_and_back(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.section == "Corpus screen"
        await pilot.press("x")
        await pilot.pause()
        await open_capture(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.section == "Review screen"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)


async def test_help_scrolls_with_the_keys_on_a_small_terminal(app: ReviewApp) -> None:
    """Help is taller than its box on a small terminal, and any key closed it, PageDown
    and Down too: its end could not be read without a mouse (a held-out audit)."""
    async with app.run_test(size=(80, 16)) as pilot:
        await open_capture(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 0
        await pilot.press("pagedown", "down", "end")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_small_terminal_and_resizing(app: ReviewApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_capture(pilot)
        for size in [(60, 16), (200, 60), (80, 24), (40, 10)]:
            await pilot.resize_terminal(*size)
            await pilot.press("s", "w", "j")
            await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_capture_without_passages_opens_cleanly(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot, "003_5ac32bcfc2f299f0")
        assert screen.review.rows == []
        await pilot.press("a", "n", "u", "s", "w")
        await pilot.pause()
        assert "No passage" in _aligned_text_all(app)


def _aligned_text_all(app: ReviewApp) -> str:
    return " ".join(str(w.content) for w in app.screen.query("#aligned Static").results(Static))


def test_store_is_the_one_on_disk(app: ReviewApp, corpus_dir: Path) -> None:
    assert app.session.store.path == corpus_dir / REVIEWS
    assert ReviewStore(app.session.store.path).decisions() == []
    assert Verdict.ACCEPTED.value == "accepted"


async def test_quotations_view_lists_the_capture_quotes(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        quotes = app.session.result(CAPTURE).quotes
        assert quotes  # 002 quotes the statement (and Lavrov)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, QuotesScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(quotes)
        verdicts = {str(table.get_row(q.id)[1]) for q in quotes}
        assert verdicts == {q.verdict.value for q in quotes}
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen


async def test_every_finding_category_is_listed(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        expected = [f.id for f in app.session.findings_of(CAPTURE)]
        assert [r.key for r in screen.review.rows] == expected
        assert {"divergence", "quotation", "emphasis"} <= {
            f.category for f in screen.review.findings
        }


async def test_excerpts_show_their_aligned_text(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot, "001_74f1542717574725")
        shown = _aligned_text(app)
        assert "Korean Peninsula" in shown  # the first excerpt, once blank
        assert len(app.screen.query(".block")) == 2


async def test_excerpt_with_a_changed_word_opens(excerpt_corpus: tuple[Path, str]) -> None:
    directory, added = excerpt_corpus
    app = build_app(directory, reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot, added)
        assert [f.kind for f in screen.review.findings if f.category == "divergence"] == [
            "substitution"
        ]
        await pilot.press("s", "j", "k")
        await pilot.pause()
        assert "[-complex-]{+complete+}" in _aligned_text(app)
        assert app.screen is screen


async def test_a_capture_that_fails_shows_its_error_in_its_row(
    app: ReviewApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The failure is planted in this process: analyse here, not in the session's children.
    app = ReviewApp(Session(app.session.corpus, app.session.store, reviewer="tester"))
    original = Analyser.source

    def fails_on_003(self: Analyser, capture: Document) -> object:
        if capture.id == "003_5ac32bcfc2f299f0":
            problem = "planted failure"
            raise IndexError(problem)
        return original(self, capture)

    monkeypatch.setattr(Analyser, "source", fails_on_003)
    async with app.run_test(size=(140, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        corpus = app.screen
        assert isinstance(corpus, CorpusScreen)
        table = corpus.query_one("#captures", DataTable)
        row = [str(cell) for cell in table.get_row("003_5ac32bcfc2f299f0")]
        assert row[1] == "✗" and "planted failure" in " ".join(row[1:6])
        total = len(app.session.findings_of(CAPTURE))
        assert str(table.get_cell(CAPTURE, "decided")) == f"0/{total}"
        summary = corpus.query_one("#summary", Static)
        assert "4 of 5 captures analysed" in str(summary.render())
        assert "1 failed" in str(summary.render())
        await pilot.press("j", "j", "j")  # on the failed row the status line gives it whole
        await pilot.pause()
        assert "IndexError: planted failure" in str(summary.render())
        await pilot.press("k")
        await pilot.pause()
        assert "4 of 5 captures analysed" in str(summary.render())
        await pilot.press("j", "enter")  # opening it says why, and the app goes on
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("planted failure" in n.message for n in app._notifications)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is corpus
    assert app.return_code is None or app.return_code == 0


@pytest.mark.parametrize("crash", [False, True])
def test_review_command_exit_status(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, crash: bool
) -> None:
    """`provenance review` exits 0 after q, and 1 when an error ends the app (it said 0:
    App.run returns the app's result, which is None after a crash)."""
    from provenance.cli import main

    def crash(self: CorpusScreen) -> None:
        problem = "planted failure in a key handler"
        raise RuntimeError(problem)

    async def drive(app: ReviewApp) -> None:
        with contextlib.suppress(RuntimeError):  # run_test re-raises the app's error
            async with app.run_test(size=SIZE) as pilot:
                await app.workers.wait_for_complete()
                await pilot.pause()
                await pilot.press("slash" if crash else "q")

    def run_headless(self: ReviewApp) -> None:  # what App.run returns after a crash
        asyncio.run(drive(self))

    monkeypatch.setattr(CorpusScreen, "action_filter", crash)  # `/` now fails
    monkeypatch.setattr(ReviewApp, "run", run_headless)
    assert main(["review", str(corpus_dir), "--reviewer", "tester"]) == (1 if crash else 0)


async def test_a_note_whose_save_fails_is_kept_and_handed_back(
    app: ReviewApp, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note that could not be saved (a read-only corpus, a full disk) was gone with the
    box that closed: its words are now kept and printed when the app ends."""
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)

        def refuse(*_: object) -> None:
            raise OSError(13, "Permission denied")

        monkeypatch.setattr(os, "replace", refuse)
        await pilot.press("c")
        await pilot.pause()
        for key in "why not":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await pilot.pause()
        monkeypatch.undo()
        assert any("words are kept" in n.message for n in app._notifications)
    assert list(app.lost_notes.values()) == ["why not"]


async def test_a_pasted_note_of_several_lines_keeps_them_all(app: ReviewApp) -> None:
    """The note box is one line: a paste of two lines kept the first and dropped the rest
    without a word; they are joined by a space."""
    from textual.events import Paste

    from provenance.tui.dialogs import NoteDialog

    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        box = app.screen.query_one("#note")
        box.post_message(Paste("The full stop is lost.\nIt joins two sentences."))
        await pilot.pause()
        assert box.value == "The full stop is lost. It joins two sentences."  # type: ignore[attr-defined]
