"""The corpus screen fits the terminal: wide ones show whole ids, publishers and dates;
at 80x24 the review progress (`decided`) and every footer key are on screen; dialogs and
the coverage strips fit whatever the size."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Label
from textual.widgets._footer import FooterKey
from tui_helpers import open_capture

from provenance.corpus import read_manifest
from provenance.manifest import add
from provenance.tui.app import ReviewApp, build_app
from provenance.tui.corpus_screen import CorpusScreen
from provenance.tui.dialogs import ConfirmDialog
from provenance.tui.strips import CoverageStrips
from provenance.tui.widgets import FindingDetail, FindingTable


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


def _ten_captures(corpus_dir: Path, tmp_path: Path) -> list[str]:
    """Five more captures (excerpts of the statement, as 001 holds) in the corpus copy:
    ten in all. Returns every capture id, in manifest order."""
    words = (corpus_dir / "001_74f1542717574725.txt").read_text(encoding="utf-8")
    for n in range(5):
        extra = tmp_path / f"extra{n}.txt"
        extra.write_text(f"Extra copy {n}.\n{words}", encoding="utf-8")
        add(corpus_dir, extra, id=f"10{n}_extra", holds=("excerpts",))
    return [entry.id for entry in read_manifest(corpus_dir).entries]


def _strip_rows(screen: CorpusScreen) -> list[str]:
    """The ids the coverage strips show now (the legend line left out)."""
    strips = screen.query_one(CoverageStrips)
    if not strips.display:
        return []
    lines = str(strips.render()).splitlines()[1:]
    return [line[1:].split()[0].rstrip("…") for line in lines]


async def test_every_coverage_strip_shows_when_there_is_room(
    corpus_dir: Path, tmp_path: Path
) -> None:
    """At 100x40 the strips showed 8 of 10 captures, with room to spare and no word of
    the other two."""
    ids = _ten_captures(corpus_dir, tmp_path)
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(100, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)
        shown = _strip_rows(app.screen)
    assert [i[: len(s)] for i, s in zip(ids, shown, strict=True)] == shown


async def test_on_a_short_terminal_the_strips_say_which_they_show_and_reach_every_capture(
    corpus_dir: Path, tmp_path: Path
) -> None:
    """When they do not all fit, the strips give way to the table of captures (the core
    list), say which of them they show, and follow the highlighted capture, so that each
    capture's strip is reached."""
    ids = _ten_captures(corpus_dir, tmp_path)
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(100, 16)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        table = screen.query_one("#captures", DataTable)
        reached = set()
        for _ in ids:
            shown = _strip_rows(screen)
            assert 0 < len(shown) < len(ids)
            assert table.region.height >= 5  # heading and rows of the table
            legend = str(screen.query_one(CoverageStrips).render()).splitlines()[0]
            first = next(n for n, i in enumerate(ids) if i.startswith(shown[0]))
            assert f"{first + 1}-{first + len(shown)} of {len(ids)}" in legend
            reached |= {i for i in ids if any(i.startswith(s) for s in shown)}
            await pilot.press("j")
            await pilot.pause()
    assert reached == set(ids)


@pytest.mark.parametrize("size", [(20, 6), (40, 12), (60, 16)])
async def test_at_tiny_sizes_the_findings_list_stays_and_the_other_panels_give_way(
    app: ReviewApp, size: tuple[int, int]
) -> None:
    """At 20x6 the findings list was gone: the detail pane (up to 6 lines) covered it, and
    the list's least width (30) ran off the screen. The list is the core of the review:
    it keeps the screen, rows and all, and the header, detail and aligned text give way."""
    width, height = size
    async with app.run_test(size=size) as pilot:
        screen = await open_capture(pilot)
        table = screen.query_one(FindingTable)
        area = table.region
        assert area.right <= width and area.bottom <= height - 1  # above the footer
        rows = table.scrollable_content_region.height - table.header_height
        assert rows >= 2, (area, table.scrollable_content_region)
        for other in (screen.query_one(FindingDetail), screen.query_one("#text-pane")):
            assert not other.display or not other.region.overlaps(area), (other, other.region)


async def test_an_emphasis_finding_counts_once_in_the_corpus_row(
    corpus_dir: Path, tmp_path: Path
) -> None:
    """A copy whose one finding is emphasis added showed it twice: a material row in the
    severity column (`M1`) and `+1` under emphasis."""
    reference = (corpus_dir / "000_3bc794f6186e8434.txt").read_text(encoding="utf-8")
    start = reference.index("The Russian Federation and the People")
    end = reference.index("in Moscow.", start) + len("in Moscow.")
    text = reference[start:end].replace("are seriously worried", "are **seriously worried**", 1)
    page = tmp_path / "bold.md"
    page.write_text("Text:\n\n" + text + "\n", encoding="utf-8")
    entry = add(corpus_dir, page, holds=("full",))
    app = build_app(corpus_dir, reviewer="tester")
    async with app.run_test(size=(250, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#captures", DataTable)
        assert str(table.get_cell(entry.id, "severity")) == "M0 m0 c0"
        assert str(table.get_cell(entry.id, "emphasis")) == "+1"
