"""The corpus screen's coverage strips: per capture, what it holds over the reference.

The strips are computed by the session (`provenance.coverage`); this widget lays them
out one line per capture, as wide as the screen allows, so the cells of every capture
stand over the same stretch of the reference and line up from one capture to the next.
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

WINDOW = 8
"""Most captures shown at once; the window follows the highlighted capture."""


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
        self.label = LABEL
        """Width of the label before each strip (the corpus table's id column, plus one)."""

    def show(self, ids: list[str], current: str | None) -> None:
        """Draw the strips of `ids` (the listed captures), around `current`."""
        self._ids, self._current = ids, current
        self._draw()

    def on_resize(self, event: Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.content_size.width or self.size.width
        label_width = self.label if width - self.label - 1 - OFF >= 40 else LABEL
        cells = width - label_width - 1 - OFF
        if cells < 10:
            self.update("")
            return
        length = len(self.session.corpus.reference.text)
        out = Text(short(f"coverage ({length:,} chars): {LEGEND}", width))
        for capture in self._window():
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
        """At most WINDOW captures, the highlighted one among them."""
        ids = self._ids
        if len(ids) <= WINDOW:
            return ids
        at = ids.index(self._current) if self._current in ids else 0
        start = max(0, min(at - WINDOW // 2, len(ids) - WINDOW))
        return ids[start : start + WINDOW]

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
