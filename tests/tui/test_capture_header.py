"""The review screen's header names the capture and the blemishes its manifest entry
records as part of its evidence (a BOM, mixed line endings, invisible characters...):
`check` reports them (P210), and the review UI did not show them at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._header import HeaderTitle
from tui_helpers import open_capture

from provenance.manifest import add
from provenance.tui.app import build_app

pytestmark = pytest.mark.tui

_CARRIES = "Harbour\u200b notes\r\nA note on the weather.\nSoft\u00adhyphen at sea.\n"


async def test_the_header_shows_the_blemishes_recorded_for_the_capture(
    corpus_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "blemished.txt"
    source.write_bytes(_CARRIES.encode("utf-8"))
    entry = add(corpus_dir, source, id="005_blemished")
    assert entry.blemishes == ("mixed-line-endings", "invisible-character")
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_capture(pilot, "005_blemished")
        shown = str(screen.query_one(HeaderTitle).render())
    assert "005_blemished" in shown
    assert "recorded blemishes: mixed-line-endings, invisible-character" in shown


async def test_a_capture_without_recorded_blemishes_says_nothing_of_them(
    corpus_dir: Path,
) -> None:
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_capture(pilot)
        shown = str(screen.query_one(HeaderTitle).render())
    assert "blemish" not in shown
