"""Ctrl-C while a note is being written: the words typed are never lost without a word.

Ctrl-C quit at once from everywhere, the note dialog too, and what the reviewer had typed
was gone (a UX audit of the review UI). Ctrl-C in a text box is often a reflex ("cancel
this"), as at a shell prompt; a commit-message editor does not throw the message away on
it either. Now the first Ctrl-C over words not saved keeps them and says how to save or
leave; a second one quits (exit 130) and hands the words back on stderr.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from textual.widgets import Input, Label
from tui_helpers import CAPTURE, open_capture

import provenance.tui
from provenance.cli import main
from provenance.errors import ExitCode
from provenance.review import REVIEWS
from provenance.tui.app import ReviewApp
from provenance.tui.dialogs import NoteDialog

pytestmark = pytest.mark.tui

SIZE = (100, 30)


def decisions(corpus_dir: Path) -> list[dict[str, str]]:
    path = corpus_dir / REVIEWS
    if not path.exists():
        return []
    lines = map(json.loads, path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if "finding" in line]


async def test_ctrl_c_over_a_typed_note_keeps_it_and_says_how_to_save_it(
    app: ReviewApp, corpus_dir: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        first = screen.review.findings[0].id
        await pilot.press("c", *"alters the date", "ctrl+c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)  # still writing: nothing quit
        assert app.return_code is None
        assert dialog.query_one(Input).value == "alters the date"
        hint = str(dialog.query_one("#note-hint", Label).render())
        assert "Ctrl-C again" in hint and "Enter saves" in hint
        await pilot.press(*" badly", "enter")
        await pilot.pause()
        assert app.screen is screen
    [saved] = decisions(corpus_dir)
    assert (saved["finding"], saved["verdict"], saved["note"]) == (
        first,
        "flagged",
        "alters the date badly",
    )


async def test_a_second_ctrl_c_quits_with_130_and_hands_the_words_back(
    app: ReviewApp, corpus_dir: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot)
        first = screen.review.findings[0].id
        await pilot.press("c", *"alters the date", "ctrl+c", "ctrl+c")
        await pilot.pause()
    assert app.return_code == ExitCode.INTERRUPTED
    assert decisions(corpus_dir) == []  # never saved unasked: a note on it would flag it
    assert app.unsaved_note is not None
    assert app.unsaved_note.endswith(": alters the date")
    assert first in app.unsaved_note and CAPTURE in app.unsaved_note


@pytest.mark.parametrize("typed", ["", "   "])
async def test_ctrl_c_in_a_note_with_nothing_typed_quits_at_once(
    app: ReviewApp, typed: str
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        await pilot.press("c", *typed, "ctrl+c")
        await pilot.pause()
    assert app.return_code == ExitCode.INTERRUPTED
    assert app.unsaved_note is None


async def test_ctrl_q_quits_at_once_and_hands_the_words_back(app: ReviewApp) -> None:
    """ctrl+q is the deliberate quit, and SIGINT comes from outside (`kill -INT`, a
    supervisor, below): neither waits, neither drops the words."""
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        await pilot.press("c", *"keep me", "ctrl+q")
        await pilot.pause()
    assert app.unsaved_note is not None and app.unsaved_note.endswith(": keep me")


async def test_sigint_over_a_typed_note_quits_and_hands_the_words_back(app: ReviewApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        await pilot.press("c", *"keep me")
        await pilot.pause()
        app.interrupt()  # what the app's SIGINT handler runs
        await pilot.pause()
    assert app.return_code == ExitCode.INTERRUPTED
    assert app.unsaved_note is not None and app.unsaved_note.endswith(": keep me")


def test_the_review_command_prints_a_note_not_saved_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    ended = SimpleNamespace(
        run=lambda: None,
        return_code=ExitCode.INTERRUPTED,
        unsaved_note="note on 1. whitespace (abc) of 002 not saved: alters the date",
        lost_notes={"2. omission (def) of 002": "the save failed here"},
    )
    monkeypatch.setattr(provenance.tui, "build_app", lambda *_, **__: ended)
    assert main(["review", str(corpus_dir)]) == ExitCode.INTERRUPTED
    out, err = capsys.readouterr()
    assert (out, err) == (
        "",
        "provenance: note on 1. whitespace (abc) of 002 not saved: alters the date\n"
        "provenance: note on 2. omission (def) of 002 not saved (the save failed): "
        "the save failed here\n",
    )
