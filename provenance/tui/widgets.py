"""Widgets of the review screen: the findings list, the aligned text and the detail line."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from provenance.model import Document, Finding, Severity, Verdict
from provenance.normalise import visible
from provenance.quotes.verdicts import Quotation
from provenance.session import Row
from provenance.tui.blocks import STYLE_NAMES, Block, context, inline_row, reading, split_row

STATE_MARKS = {
    "undecided": "·",
    Verdict.ACCEPTED.value: "✓",
    Verdict.FLAGGED.value: "✗",
    "stale": "!",
    "conflict": "≠",
}
"""A mark per review state, so state never depends on colour."""

SEVERITY_SHORT = {Severity.COSMETIC: "cos", Severity.MINOR: "min", Severity.MATERIAL: "MAT"}


class FindingTable(DataTable[Text | str]):
    """The findings of one capture: number, state, kind, severity, copy reading."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = False
        self.add_column("", key="state", width=1)
        self.add_column("#", key="number", width=3)
        self.add_column("kind", key="kind", width=11)
        self.add_column("sev", key="severity", width=3)
        self.add_column("reference → copy", key="reading")

    def show(self, rows: list[Row]) -> None:
        """Replace the rows, keeping the cursor on the same finding if it is still listed."""
        keep = self.current_key()
        self.clear()
        for row in rows:
            self.add_row(*self._cells(row), key=row.key)
        if keep is not None and keep in {r.key for r in rows}:
            self.move_cursor(row=self.get_row_index(keep), scroll=True)

    def current_key(self) -> str | None:
        return cursor_key(self)

    def _cells(self, row: Row) -> tuple[Text | str, ...]:
        state = row.state
        mark = Text(STATE_MARKS[state], style=_STATE_STYLE[state])
        if row.finding is None:
            assert row.decision is not None
            return (mark, "", "stale", "", Text(row.decision.summary, style="italic"))
        f = row.finding
        severity = SEVERITY_SHORT.get(f.severity, str(f.severity))
        readings = f"{_short(f.reference_text)}→{_short(f.text)}"
        if row.carried:  # decided on other bytes of the capture: shown until confirmed
            readings = "↻ " + readings
        return (mark, str(row.number), f.kind, severity, readings)


def _short(text: str, width: int = 14) -> str:
    """A reading for the list: invisibles made visible, a lone space as `␣`, `∅` if empty."""
    if not text:
        return "∅"
    shown = (
        visible(" ".join(text.split("\n"))).replace(" ", "␣")
        if text.isspace()
        else visible(" ".join(text.split()))
    )
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def short(text: str, width: int) -> str:
    """`text` cut to `width` characters, with an ellipsis if cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


_STATE_STYLE = {
    "undecided": "",
    "accepted": "bold",
    "flagged": "bold reverse",
    "stale": "italic",
    "conflict": "bold underline",
}


class AlignedText(VerticalScroll, can_focus=True):
    """The located passages of a capture, block by block, side by side or inline."""

    COMPONENT_CLASSES = {f"aligned-text--{name}" for name in STYLE_NAMES}

    DEFAULT_CSS = """
    AlignedText { height: 1fr; padding: 0 1; }
    AlignedText > .block { height: auto; margin: 0 0 1 0; }
    AlignedText > .passage-heading { height: auto; text-style: bold; color: $text-muted; }
    AlignedText > .empty { color: $text-muted; padding: 1 2; }
    AlignedText .aligned-text--removed { background: $error 25%; }
    AlignedText .aligned-text--added { background: $success 25%; }
    AlignedText .aligned-text--removed-char { background: $error 55%; text-style: underline; }
    AlignedText .aligned-text--added-char { background: $success 55%; text-style: underline; }
    AlignedText .aligned-text--current { text-style: reverse bold; }
    AlignedText .aligned-text--invisible { color: $warning; text-style: italic; }
    AlignedText .aligned-text--gutter { color: $accent; text-style: bold; }
    AlignedText .aligned-text--heading { text-style: bold; }
    """

    split: reactive[bool] = reactive(True)
    """Side by side (True) or inline with `[-…-]{+…+}` marks (False)."""
    invisibles: reactive[bool] = reactive(False)
    """Draw NBSP, zero-width characters and soft hyphens as visible marks."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._blocks: list[Block] = []
        self._reference: Document | None = None
        self._copy: Document | None = None
        self._current: Finding | None = None
        self._current_block: int | None = None

    async def show(
        self, reference: Document, copy: Document, blocks: list[Block], headings: list[str]
    ) -> None:
        """Mount one widget per block, with a heading before each passage."""
        self._reference, self._copy, self._blocks = reference, copy, blocks
        await self.remove_children()
        if not blocks:
            await self.mount(
                Static("No passage of the reference was located in this capture.", classes="empty")
            )
            return
        widgets: list[Static] = []
        last_passage = -1
        for number, block in enumerate(blocks):
            if block.passage != last_passage:
                last_passage = block.passage
                widgets.append(Static(headings[block.passage], classes="passage-heading"))
            widgets.append(Static(self._draw(block), classes="block", id=f"block-{number}"))
        await self.mount_all(widgets)

    def focus_finding(self, finding: Finding | None, *, centre: bool = True) -> None:
        """Highlight the finding and scroll its block to the middle of the view."""
        previous = self._current_block
        self._current = finding
        self._current_block = None
        if finding is not None:
            self._current_block = next(
                (i for i, b in enumerate(self._blocks) if b.holds(finding)), None
            )
        for number in {previous, self._current_block} - {None}:
            assert number is not None
            self._redraw(number)
        if centre and self._current_block is not None:
            widget = self.query_one(f"#block-{self._current_block}", Static)
            self.call_after_refresh(self.scroll_to_widget, widget, center=True, animate=False)

    def watch_split(self) -> None:
        self.set_class(not self.split, "-inline")
        self._redraw_all()

    def watch_invisibles(self) -> None:
        self._redraw_all()

    def _redraw_all(self) -> None:
        for number in range(len(self._blocks)):
            self._redraw(number)

    def _redraw(self, number: int) -> None:
        try:
            widget = self.query_one(f"#block-{number}", Static)
        except NoMatches:  # not mounted yet, or being replaced: nothing to redraw
            return
        widget.update(self._draw(self._blocks[number]))

    def _draw(self, block: Block) -> Table:
        assert self._reference is not None and self._copy is not None
        styles = {name: self._style(name) for name in STYLE_NAMES}
        draw = split_row if self.split else inline_row
        return draw(
            block, self._reference, self._copy, self._current, styles, invisibles=self.invisibles
        )

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"aligned-text--{name}", partial=True)


class FindingDetail(Static):
    """Kind, severity, offsets on both sides, readings, context, decision, note and progress."""

    def show(
        self,
        row: Row | None,
        copy: Document | None,
        decided: int,
        total: int,
        *,
        filtered: int | None = None,
        width: int = 24,
        quote: Quotation | None = None,
    ) -> None:
        """Draw the row's finding; `width` characters of context either side, and for a
        quotation the speaker cue that decided its attribution."""
        progress = f"{decided} of {total} decided"
        if filtered is not None:
            progress += f" · {filtered} shown by filter"
        if row is None or copy is None:
            self.update(Text(progress))
            return
        text = Text()
        if row.finding is None:
            assert row.decision is not None
            d = row.decision
            text.append("stale decision", style="bold italic")
            text.append(f": {d.verdict.value} by {d.reviewer or 'unknown'} at {d.time}\n")
            text.append(f"{d.summary}\n")
            text.append("its finding is no longer produced for these bytes; kept, never dropped")
            if d.note:
                text.append(f"\nnote: {d.note}")
            text.append(f"\n{progress}")
            self.update(text)
            return
        f = row.finding
        text.append(f"{row.number}. {f.category} · {f.kind} · {f.severity}", style="bold")
        ref = f.reference
        where = f"copy {f.span.start}..{f.span.end}"
        if ref is not None:
            where += f" ↔ reference {ref.start}..{ref.end}"
        text.append(f" · {where}\n")
        # The decision, its note and the progress come before the readings, which can run
        # to many lines for a quotation: the pane shows a few lines, and what was decided
        # must never be the part cut off (the readings are drawn in the text pane too).
        self._decision(text, row, progress)
        if quote is not None:
            text.append("\n" + cue_line(quote), style="italic")
        text.append(f"\n{reading(f.reference_text)} → {reading(f.text)}")
        text.append(f" · in context: {context(f, copy, width=width)}")
        self.update(text)

    @staticmethod
    def _decision(text: Text, row: Row, progress: str) -> None:
        decision = row.decision
        if row.conflict:
            text.append("conflict", style="bold")
            for d in row.conflict:
                text.append(f" · {d.verdict.value} by {d.reviewer or 'unknown'} at {d.time}")
            text.append(" · decide to settle it")
        elif decision is None:
            text.append("undecided", style="bold")
        else:
            text.append(
                f"{STATE_MARKS[decision.verdict.value]} {decision.verdict.value}", style="bold"
            )
            text.append(f" by {decision.reviewer or 'unknown'} at {decision.time}")
            if row.carried:
                text.append(
                    f" · ↻ carried over from {decision.finding} "
                    f"(sha256 {decision.source_sha256[:12]}); decide to confirm"
                )
            if decision.note:
                text.append(f" · note: {decision.note}")
        text.append(f" · {progress}")


def cue_line(quote: Quotation) -> str:
    """The speaker cue that decided a quotation's attribution, on one line.

    >>> from provenance.model import Span
    >>> from provenance.quotes.verdicts import Attribution, QuoteVerdict
    >>> cue = Attribution(Span(0, 13), "the two\\nsides", "document", "sentence")
    >>> q = Quotation("q", Span(20, 30), "w", True, cue, QuoteVerdict.VERBATIM, None, "", 100.0)
    >>> cue_line(q)
    'cue: document (sentence) at 0..13: “the two sides”'
    >>> cue_line(Quotation("q", Span(0, 1), "w", False, None, QuoteVerdict.OTHER, None, "", 0.0))
    'cue: none (no speaker named in its paragraph)'
    """
    cue = quote.attribution
    if cue is None:
        return "cue: none (no speaker named in its paragraph)"
    how = f" ({cue.how})" if cue.how else ""
    said = short(" ".join(cue.text.split()), 80)
    return f"cue: {cue.speaker}{how} at {cue.span.start}..{cue.span.end}: “{said}”"


def outside_text(finding: Finding, copy: Document, *, width: int) -> Text:
    """A finding outside every located passage, in the capture's own text: a heading, then
    `width` characters either side with the finding between `⟦` `⟧` in reverse video.

    >>> from pathlib import Path
    >>> from provenance.model import Span
    >>> doc = Document("c", Path("c"), "", 0, "one two\\nthree four")
    >>> f = Finding("x", "c", "", "quotation", "other", Severity.MINOR, Span(4, 7), "two", "")
    >>> outside_text(f, doc, width=3).plain
    'outside the located passages · capture 4..7\\n…ne ⟦two⟧ th…'
    """
    text, span = copy.text, finding.span
    start, end = max(0, span.start - width), min(len(text), span.end + width)
    out = Text(f"outside the located passages · capture {span.start}..{span.end}\n", "bold")
    flat = " ".join
    out.append(("…" if start else "") + flat(text[start : span.start].split("\n")))
    out.append("⟦" + visible(flat(span.of(text).split("\n"))) + "⟧", "reverse bold")
    out.append(flat(text[span.end : end].split("\n")) + ("…" if end < len(text) else ""))
    return out


def cursor_key(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor; None when the table is empty."""
    if not table.row_count:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def open_filter(screen: Screen[None]) -> None:
    """Show and focus the screen's `#filter` box (the `/` key of every list screen)."""
    box = screen.query_one("#filter", Input)
    box.display = True
    box.focus()


def close_filter(screen: Screen[None]) -> bool:
    """Clear and hide an open `#filter` box; False when there was none to close."""
    box = screen.query_one("#filter", Input)
    if not (box.display and (box.has_focus or box.value)):
        return False
    box.value = ""
    box.display = False
    return True
