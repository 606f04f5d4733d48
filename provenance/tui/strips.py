"""The corpus screen's coverage strips: per capture, what it holds over the reference.

The strips are computed by the session (`provenance.coverage`); this widget lays them
out one line per capture, as wide as the screen allows, so the cells of every capture
stand over the same stretch of the reference and line up from one capture to the next.
As many strips show as the screen has room for (`strip_lines`), around the highlighted
capture, so moving through the table reaches every one.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

from provenance.coverage import LEGEND, Holding, Strip
from provenance.session import Session
from provenance.tui.widgets import short

LABEL = 13
"""Least width of the label before each strip: a cursor mark and the capture id cut to
12; `label` widens it with the table's id column."""

OFF = 4
"""Room kept after each strip for ` +N`, the findings with no place on it."""


def strip_lines(height: int, listed: int) -> int:
    """How many strips a corpus screen `height` rows high shows of `listed` captures.

    The table of captures (the core list) keeps its rows, or half the room when they do
    not all fit; the strips take the rest, all of them when they fit, and give way
    first on a short terminal.

    >>> [strip_lines(height, 10) for height in (40, 24, 16, 6)]
    [10, 10, 6, 0]
    >>> strip_lines(30, 5)
    5
    """
    room = height - 3  # header, status line, footer
    table = min(listed + 1, max(room // 2, 2))  # its heading and rows
    return max(0, min(listed, room - table - 1))  # one line for the legend


class CoverageStrips(Static):
    """One coverage strip per listed capture; the highlighted capture is marked `▶`."""

    COMPONENT_CLASSES = {
        "coverage-strips--full",
        "coverage-strips--excerpt",
        "coverage-strips--quotation",
        "coverage-strips--lacuna",
        "coverage-strips--finding",
        "coverage-strips--undecided",
    }

    DEFAULT_CSS = """
    CoverageStrips { height: auto; padding: 0 1; }
    CoverageStrips .coverage-strips--full { color: $success; }
    CoverageStrips .coverage-strips--excerpt { color: $warning; }
    CoverageStrips .coverage-strips--quotation { color: $accent; }
    CoverageStrips .coverage-strips--lacuna { color: $text-muted; }
    CoverageStrips .coverage-strips--finding { text-style: bold; }
    CoverageStrips .coverage-strips--undecided { text-style: bold reverse; }
    """

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self._ids: list[str] = []
        self._current: str | None = None
        self._lines = 0
        self.label = LABEL
        """Width of the label before each strip (the corpus table's id column, plus one)."""

    def show(self, ids: list[str], current: str | None, *, lines: int) -> None:
        """Draw the strips of `ids` (the listed captures), at most `lines` of them, around
        `current`; none (the widget hidden) when `lines` is 0 or the screen too narrow."""
        self._ids, self._current, self._lines = ids, current, lines
        self._draw()

    def on_resize(self, event: Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        # As wide as the screen, shown or hidden (a hidden widget has no size).
        width = self.screen.size.width - self.styles.gutter.width
        label_width = self.label if width - self.label - 1 - OFF >= 40 else LABEL
        cells = width - label_width - 1 - OFF
        window = self._window()
        self.display = cells >= 10 and bool(window)
        if not self.display:
            return
        length = len(self.session.corpus.reference.text)
        which = ""
        if len(window) < len(self._ids):  # say so: the others are reached by moving
            first = self._ids.index(window[0]) + 1
            which = f", captures {first}-{first + len(window) - 1} of {len(self._ids)}"
        out = Text(short(f"coverage ({length:,} chars){which}: {LEGEND}", width))
        for capture in window:
            out.append("\n")
            here = capture == self._current
            label = ("▶" if here else " ") + short(capture, label_width - 1).ljust(label_width - 1)
            out.append(label + " ", style="bold" if here else "")
            error = self.session.error(capture)
            drawn = self.session.strip(capture, cells)
            if error is not None:
                out.append(short(f"✗ {error}", cells), style="bold")
            elif drawn is None:
                out.append("…", style="dim")
            else:
                out.append_text(self._strip_text(drawn))
        self.update(out)

    def _window(self) -> list[str]:
        """The captures that have room, the highlighted one among them."""
        ids, lines = self._ids, self._lines
        if len(ids) <= lines:
            return ids
        at = ids.index(self._current) if self._current in ids else 0
        start = max(0, min(at - lines // 2, len(ids) - lines))
        return ids[start : start + lines]

    def _strip_text(self, strip: Strip) -> Text:
        styles = {h: self._style(h.value) for h in Holding}
        finding, undecided = self._style("finding"), self._style("undecided")
        text = Text()
        for cell in strip.cells:
            style = styles[cell.holding]
            if cell.severity is not None:
                style += undecided if cell.undecided else finding
            text.append(cell.mark, style)
        if strip.off_strip:
            text.append(f" +{strip.off_strip}", style=finding)
        return text

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"coverage-strips--{name}", partial=True)
