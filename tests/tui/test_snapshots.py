"""SVG snapshots at a fixed terminal size, taken after the behaviour tests pass.

Re-record with `make snapshots` only after looking at the report of the differences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from provenance.tui.app import build_app

pytestmark = pytest.mark.tui  # needs Textual (Pilot, snapshots or the UI's modules)

SIZE = (100, 30)


async def _settle(pilot: Pilot[int]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _open_002(pilot: Pilot[int]) -> None:
    await _settle(pilot)
    await pilot.press("j", "j", "enter")
    await _settle(pilot)
    await pilot.press("j")  # second finding: a no-break space in the first paragraph
    await _settle(pilot)


def test_corpus_screen(snap_compare, corpus_dir: Path) -> None:
    app = build_app(corpus_dir, reviewer="tester")
    assert snap_compare(app, run_before=_settle, terminal_size=SIZE)


def test_review_split(snap_compare, corpus_dir: Path) -> None:
    app = build_app(corpus_dir, reviewer="tester")
    assert snap_compare(app, run_before=_open_002, terminal_size=SIZE)


def test_review_inline_with_invisibles(snap_compare, corpus_dir: Path) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await _open_002(pilot)
        await pilot.press("s", "w")
        await _settle(pilot)

    app = build_app(corpus_dir, reviewer="tester")
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_review_help(snap_compare, corpus_dir: Path) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await _open_002(pilot)
        await pilot.press("question_mark")
        await _settle(pilot)

    app = build_app(corpus_dir, reviewer="tester")
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_variants_of_002(snap_compare, corpus_dir: Path) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await _settle(pilot)
        await pilot.press("j", "j", "v")  # 002: the cursor starts on its full copy
        await _settle(pilot)

    app = build_app(corpus_dir, reviewer="tester")
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


async def _on_001(pilot: Pilot[int]) -> None:
    await _settle(pilot)
    await pilot.press("j")  # 001: two excerpts, so its strip is mostly lacuna
    await _settle(pilot)


def test_coverage_strips_at_80_columns(snap_compare, corpus_dir: Path) -> None:
    app = build_app(corpus_dir, reviewer="tester")
    assert snap_compare(app, run_before=_on_001, terminal_size=(80, 30))


def test_coverage_strips_at_160_columns(snap_compare, corpus_dir: Path) -> None:
    app = build_app(corpus_dir, reviewer="tester")
    assert snap_compare(app, run_before=_on_001, terminal_size=(160, 30))
