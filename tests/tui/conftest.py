"""Fixtures for the review UI: the bundled corpus copied to tmp_path, and a way in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from provenance.tui.app import ReviewApp, build_app
from provenance.tui.screens import ReviewScreen

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CAPTURE = "002_9103d841b337d515"
"""The capture with divergences: nine no-break spaces and one lost full stop."""


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the bundled corpus: tests never touch corpus/ or its reviews.json."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns("reviews.json"))
    return target


@pytest.fixture
def app(corpus_dir: Path) -> ReviewApp:
    return build_app(corpus_dir, reviewer="tester")


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
