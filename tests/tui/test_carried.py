"""The review list marks a decision carried over from a capture's other bytes (↻)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import open_capture

from provenance.analyse import analyse_corpus
from provenance.corpus import load_corpus
from provenance.findings import findings
from provenance.model import Verdict
from provenance.recapture import replace_capture
from provenance.review import REVIEWS, ReviewStore
from provenance.tui.app import build_app
from provenance.tui.widgets import FindingTable

pytestmark = pytest.mark.tui

CAPTURE = "002_9103d841b337d515"


async def test_carried_decisions_are_marked_in_the_list_and_named_in_the_detail(
    corpus_dir: Path, tmp_path: Path
) -> None:
    data = (corpus_dir / f"{CAPTURE}.txt").read_bytes()
    page = tmp_path / "recaptured.txt"
    page.write_bytes(data.replace(b"Kim Jong-un gets", b"Jim Jong-un gets", 1))
    # The fixture's copy has no decisions: make some on the old bytes first.
    old = [f for f in findings(analyse_corpus(load_corpus(corpus_dir))) if f.source == CAPTURE]
    ReviewStore(corpus_dir / REVIEWS).decide_many(old[:3], Verdict.ACCEPTED, reviewer="earlier")
    replace_capture(corpus_dir, CAPTURE, page)
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_capture(pilot, CAPTURE)
        table = screen.query_one(FindingTable)
        readings = [str(table.get_row_at(n)[-1]) for n in range(table.row_count)]
        assert [r.startswith("↻ ") for r in readings] == [r.carried for r in screen.review.rows]
        assert sum(r.startswith("↻ ") for r in readings) == 3
        table.move_cursor(row=0)
        await pilot.pause()
        detail = str(screen.query_one("#detail", Static).render())
        assert f"carried over from {old[0].id}" in detail
