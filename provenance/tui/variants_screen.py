"""The variants screen: the collation of every witness, locations x witnesses.

Rows are variant locations (the reference cut where some witness reads otherwise), the
first column is the reference reading and then one column per collated witness. Every
cell says what it is without colour: `=` agrees, `[lacuna]` not covered, the witness's
reading with its kind abbreviated for a variant (`∅` for an omission), and a leading `~`
when the witness covers only part of the location. Below the table: the current cell in
full, then the families and groups of `genealogy` with their evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from provenance.apart import CancelledError
from provenance.collation.genealogy import Family, Genealogy, Group
from provenance.collation.table import Location, Reading, Status, Table
from provenance.model import Finding, Kind, Severity, Span
from provenance.normalise import visible
from provenance.session import Session
from provenance.tui.messages import OpenReview
from provenance.tui.widgets import close_filter, cursor_key, open_filter, short

KIND_SHORT = {
    Kind.WHITESPACE: "ws",
    Kind.INVISIBLE: "inv",
    Kind.TYPOGRAPHY: "typo",
    Kind.CASE: "case",
    Kind.PUNCTUATION: "punct",
    Kind.SPELLING: "spell",
    Kind.OMISSION: "omit",
    Kind.INSERTION: "ins",
    Kind.SUBSTITUTION: "subst",
    Kind.EDITORIAL: "edit",
    Kind.FOOTNOTE: "fn",
    Kind.TRUNCATION: "trunc",
    Kind.REORDERING: "reord",
    Kind.DUPLICATION: "dup",
    Kind.INTERRUPTION: "intr",
    Kind.EMPHASIS: "emph",
}
"""Kind abbreviations shown after a variant reading (help.md lists them)."""

AGREES, LACUNA, PARTIAL = "=", "[lacuna]", "~"

_CELL_WIDTH = 16
_REFERENCE_WIDTH = 18


def cell(reading: Reading, *, width: int = _CELL_WIDTH) -> str:
    """One cell of the table, readable without colour.

    >>> from provenance.collation.table import Reading, Status
    >>> cell(Reading("w", Status.AGREES, "a")), cell(Reading("w", Status.LACUNA))
    ('=', '[lacuna]')
    >>> cell(Reading("w", Status.VARIANT, "a\\u00a0b", kind=Kind.WHITESPACE))
    'a⟨NBSP⟩b ws'
    >>> cell(Reading("w", Status.VARIANT, "", partial=True, kind=Kind.OMISSION))
    '~∅ omit'
    """
    if reading.status is Status.LACUNA:
        return LACUNA
    mark = PARTIAL if reading.partial else ""
    if reading.status is Status.AGREES:
        return mark + AGREES
    kind = KIND_SHORT.get(reading.kind, str(reading.kind)[:5]) if reading.kind else "?"
    text = _flat(reading.text) or "∅"
    return mark + short(text, max(1, width - len(mark) - len(kind) - 1)) + " " + kind


def haystack(location: Location) -> str:
    """What `/` matches a row against: kinds, severities, witnesses and readings.

    Kinds and severities are those of the variant readings, so `kind:punct` keeps the
    locations where some witness has a punctuation variant.
    """
    words = [location.reference_text]
    for r in location.readings:
        if r.status is Status.VARIANT:
            words += [f"kind:{r.kind}", f"severity:{r.severity}", r.witness, r.text]
    return " ".join(words).casefold()


def finding_for(reading: Reading, location: Location, found: list[Finding]) -> Finding | None:
    """The finding of the witness's capture that a cell stands for, if any.

    A divergence whose capture span overlaps the reading (or, for an empty reading, touches
    it) comes first, then one whose reference span overlaps the location, then a quotation
    that holds the reading. Emphasis findings cover whole paragraphs and are never chosen.
    """
    spans = [span for _, span in reading.pieces]

    def in_copy(f: Finding) -> bool:
        return any(_meets(f.span, s) for s in spans)

    def in_reference(f: Finding) -> bool:
        return f.reference is not None and _meets(f.reference, location.reference)

    divergences = [f for f in found if f.category == "divergence"]
    quotations = [f for f in found if f.category == "quotation"]
    for candidates, test in (
        (divergences, in_copy),
        (divergences, in_reference),
        (quotations, in_copy),
    ):
        hit = next((f for f in candidates if test(f)), None)
        if hit is not None:
            return hit
    return None


class VariantTable(DataTable[str | Text]):
    """The table itself; its Enter is named in the footer, since it is the way to a review."""

    BINDINGS = [Binding("enter", "select_cursor", "Review cell", id="jump")]


class VariantsScreen(Screen[None]):
    """The variant table of the corpus; Enter on a cell opens that capture's review."""

    HELP_SECTION = "Variants screen"
    BINDINGS = [
        Binding("enter", "jump", "Review cell", show=False, id="jump-here"),
        Binding("j", "move(1, 0)", "Down", show=False, id="down"),
        Binding("k", "move(-1, 0)", "Up", show=False, id="up"),
        Binding("h", "move(0, -1)", "Left", show=False, id="left"),
        Binding("l", "move(0, 1)", "Right", show=False, id="right"),
        Binding("c", "toggle_cosmetic", "Cosmetic", id="cosmetic"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("q,escape", "back", "Back", id="back"),
    ]

    @dataclass
    class Collated(Message):
        """The worker has collated every witness and grouped them."""

        table: Table
        genealogy: Genealogy

    def __init__(self, session: Session, capture_id: str) -> None:
        super().__init__()
        self.session = session
        self.capture_id = capture_id
        """The capture the screen was opened from: the cursor starts on its first witness."""
        self.table: Table | None = None
        self.genealogy: Genealogy | None = None
        self.cosmetic = False
        """Show locations where every variant is cosmetic (whitespace, typography, invisible)."""
        self.query_text = ""
        self._shown: list[Location] = []
        self._total = 0
        """`shown()` and the count of variant locations, as last listed by `_fill`."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: text, witness, kind:…, severity:…", id="filter")
        yield VariantTable(id="variants", cursor_type="cell", zebra_stripes=True)
        yield Static("", id="variant-detail")
        with VerticalScroll(id="families"):
            yield Static("", id="families-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "variants"
        self.query_one("#variants").loading = True
        self.collate_witnesses()

    def current_capture(self) -> str:
        """The capture of the witness under the cursor (the opening capture before that)."""
        witness = self._current_witness()
        if witness is None or self.table is None:
            return self.capture_id
        return self.table.witness(witness).source

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="collate",
        description="Collating witnesses",
    )
    def collate_witnesses(self) -> None:
        try:
            table, genealogy = self.session.collation()
        except CancelledError:
            return  # the session closed: the app is going
        if not get_current_worker().is_cancelled:
            self.post_message(self.Collated(table, genealogy))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.query_one("#variants").loading = False
            self.app.notify(str(event.worker.error), title="Cannot collate", severity="error")

    def on_variants_screen_collated(self, message: Collated) -> None:
        self.table, self.genealogy = message.table, message.genealogy
        data = self.query_one("#variants", DataTable)
        data.add_column("#", key="#", width=3)
        data.add_column("reference", key="reference", width=_REFERENCE_WIDTH)
        for w in self.table.witnesses:
            data.add_column(w.id, key=w.id, width=_CELL_WIDTH)
        data.loading = False
        self.query_one("#families-text", Static).update(families_text(message.genealogy))
        self._fill()
        mine = [i for i, w in enumerate(self.table.witnesses) if w.source == self.capture_id]
        data.move_cursor(column=2 + mine[0] if mine else 1)
        data.focus()
        self._show_current()
        self.refresh_bindings()

    # --- state -------------------------------------------------------------------------

    def shown(self) -> list[Location]:
        """The locations listed: variants, cosmetic ones if toggled on, matching the filter."""
        if self.table is None:
            return []
        words = self.query_text.casefold().split()
        return [
            loc
            for loc in self.table.variants(cosmetic=self.cosmetic)
            if all(word in haystack(loc) for word in words)
        ]

    def current_location(self) -> Location | None:
        key = cursor_key(self.query_one("#variants", DataTable))
        if self.table is None or key is None:
            return None
        return self.table.locations[int(key)]

    def _current_witness(self) -> str | None:
        data = self.query_one("#variants", DataTable)
        if self.table is None or not data.row_count or data.cursor_column < 2:
            return None
        return self.table.witnesses[data.cursor_column - 2].id

    def _fill(self) -> None:
        data = self.query_one("#variants", DataTable)
        keep = self.current_location()
        column = data.cursor_column
        data.clear()
        self._shown = self.shown()
        table = self.table
        self._total = len(table.variants(cosmetic=self.cosmetic)) if table is not None else 0
        for loc in self._shown:
            ref = _flat(loc.reference_text) or "∅"
            cells: list[str | Text] = [str(loc.index), short(ref, _REFERENCE_WIDTH)]
            cells += [_styled(r) for r in loc.readings]
            data.add_row(*cells, key=str(loc.index))
        keys = [str(k.value) for k in data.rows]
        row = keys.index(str(keep.index)) if keep is not None and str(keep.index) in keys else 0
        data.move_cursor(row=row, column=column)
        self._show_current()

    def _show_current(self) -> None:
        detail = self.query_one("#variant-detail", Static)
        loc = self.current_location()
        if self.table is None:
            return
        count = f"{len(self._shown)} of {self._total} variant locations"
        count += f" (cosmetic {'shown: c hides' if self.cosmetic else 'hidden: c shows'} them)"
        if loc is None:
            detail.update(count)
            return
        text = Text()
        text.append(
            f"location {loc.index} · reference {loc.reference.start}..{loc.reference.end}"
            f" «{_flat(loc.reference_text)}»",
            style="bold",
        )
        witness = self._current_witness()
        if witness is not None:
            r = loc.reading(witness)
            text.append(f"\n{witness}: {r.status.value}")
            if r.status is not Status.LACUNA:
                text.append(f" «{_flat(r.text)}»")
            if r.kind is not None:
                text.append(f" · {r.kind} · {r.severity}")
            if r.partial:
                text.append(f" · partial: covers «{_flat(r.reference_text)}»")
            if r.pieces:
                spans = ", ".join(f"{s.start}..{s.end}" for _, s in r.pieces)
                text.append(f" · copy {spans}")
            shared = self._shared(loc, witness)
            if shared:
                text.append(f" · shared with {', '.join(shared)}")
        text.append(f"\n{count}")
        detail.update(text)

    def _shared(self, loc: Location, witness: str) -> list[str]:
        if self.genealogy is None:
            return []
        for s in self.genealogy.shared:
            if s.location == loc.index and witness in s.witnesses:
                return sorted(s.witnesses - {witness})
        return []

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self._show_current()
        self.refresh_bindings()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_jump()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#variants", DataTable).focus()

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"back", "move", "filter"}:
            return True
        if self.table is None:
            return None
        if action == "jump":
            return True if self._current_witness() is not None else None
        return True

    def action_jump(self) -> None:
        """Open the review of the current cell's capture, on the finding the cell stands for."""
        loc, witness = self.current_location(), self._current_witness()
        if loc is None or witness is None or self.table is None:
            return
        source = self.table.witness(witness).source
        finding = finding_for(loc.reading(witness), loc, self.session.findings_of(source))
        self.post_message(OpenReview(source, finding.id if finding else None, on_top=True))

    def action_move(self, rows: int, columns: int) -> None:
        data = self.query_one("#variants", DataTable)
        data.move_cursor(
            row=max(0, data.cursor_row + rows), column=max(0, data.cursor_column + columns)
        )

    def action_toggle_cosmetic(self) -> None:
        self.cosmetic = not self.cosmetic
        self._fill()

    def action_filter(self) -> None:
        open_filter(self)

    def action_back(self) -> None:
        if close_filter(self):
            self.query_one("#variants", DataTable).focus()
            return
        self.app.pop_screen()


def families_text(genealogy: Genealogy) -> Text:
    """Families, their evidence and their groups, as the panel under the table shows them."""
    text = Text()
    for family in genealogy.families:
        _family(text, family)
    return text


def _family(text: Text, family: Family) -> None:
    text.append(f"{family.name} family", style="bold")
    text.append(f": {family.description}: {', '.join(family.witnesses)}\n")
    for line in family.evidence:
        text.append(f"  · {line}\n")
    if not family.groups:
        text.append(
            "  no group: no shared reading strong enough to group witnesses\n", style="italic"
        )
    for group in family.groups:
        _group(text, group, "  ")
    for group in family.conflicts:
        _group(text, group, "  conflicting ")


def _group(text: Text, group: Group, indent: str) -> None:
    text.append(f"{indent}group {{{', '.join(sorted(group.witnesses))}}}", style="bold")
    silent = f" (silent there: {', '.join(sorted(group.silent))})" if group.silent else ""
    text.append(f" weight {group.weight}{silent}\n")
    for s in group.evidence:
        text.append(
            f"{indent}  shared {s.kind} at location {s.location}: "
            f"«{_flat(s.reference_text)}» → «{_flat(s.text)}» (weight {s.weight})\n"
        )
    for child in group.children:
        _group(text, child, indent + "  ")


def _styled(reading: Reading) -> Text:
    """The cell with a style that repeats, never replaces, what its characters say."""
    if reading.status is Status.LACUNA:
        style = "dim"
    elif reading.status is Status.AGREES:
        style = ""
    elif reading.cosmetic:
        style = "italic"
    else:
        style = "bold reverse" if reading.severity is Severity.MATERIAL else "bold"
    return Text(cell(reading), style=style)


def _flat(text: str) -> str:
    """A reading on one line, invisible characters made visible, edge spaces shown as `␣`.

    >>> _flat(" "), _flat("their "), _flat("a b\\n")
    ('␣', 'their␣', 'a b⏎')
    """
    shown = visible(text).replace("\n", "⏎")
    core = shown.strip(" ")
    if not core:
        return "␣" * len(shown)
    head = len(shown) - len(shown.lstrip(" "))
    tail = len(shown) - len(shown.rstrip(" "))
    return "␣" * head + core + "␣" * tail


def _meets(a: Span, b: Span) -> bool:
    """Overlap, or, when either span is empty, touching."""
    if len(a) and len(b):
        return a.start < b.end and b.start < a.end
    return a.start <= b.end and b.start <= a.end
