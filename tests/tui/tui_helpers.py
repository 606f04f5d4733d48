"""Shared helpers of the TUI tests (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from provenance.tui.screens import ReviewScreen

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CAPTURE = "002_9103d841b337d515"
"""The capture with divergences: nine no-break spaces and one lost full stop."""


async def open_capture(pilot: Pilot[int], capture: str = CAPTURE) -> ReviewScreen:
    """From the corpus screen, move to `capture` with j and open it with Enter."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    ids = [c.id for c in app.corpus.captures]  # type: ignore[attr-defined]
    await pilot.press(*["j"] * ids.index(capture), "enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    assert screen.capture_id == capture
    return screen
