"""Shared helpers of the TUI tests (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from provenance.tui.review_screen import ReviewScreen
from provenance.tui.variants_screen import VariantsScreen

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CAPTURE = "002_9103d841b337d515"
"""The capture with divergences: nine no-break spaces and one lost full stop."""


async def open_capture(pilot: Pilot[int], capture: str = CAPTURE) -> ReviewScreen:
    """From the corpus screen, move to `capture` with j and open it with Enter."""
    screen = await _press_on(pilot, capture, "enter")
    assert isinstance(screen, ReviewScreen)
    assert screen.capture_id == capture
    return screen


async def open_variants(pilot: Pilot[int], capture: str = CAPTURE) -> VariantsScreen:
    """From the corpus screen, move to `capture` and press v."""
    screen = await _press_on(pilot, capture, "v")
    assert isinstance(screen, VariantsScreen)
    return screen


async def _press_on(pilot: Pilot[int], capture: str, key: str) -> object:
    """Wait for the analysis, move to `capture` with j, press `key`; the screen it opens."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    ids = [c.id for c in app.session.corpus.captures]  # type: ignore[attr-defined]
    await pilot.press(*["j"] * ids.index(capture), key)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen
