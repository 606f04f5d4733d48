"""Screens of one capture (review, quotations) and the registry of per-capture views.

Per-capture views are listed in `VIEWS`; adding one (the variants view, for instance) is
one line there: the app binds its key and shows it in the footer
and the command palette only when the capture has the data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input
from textual.worker import Worker, WorkerState, get_current_worker

from provenance.analyse import SourceResult
from provenance.errors import ProvenanceError
from provenance.model import Finding, Verdict
from provenance.tui.blocks import Block, blocks
from provenance.tui.dialogs import ConfirmDialog, NoteDialog
from provenance.tui.variants_screen import VariantsScreen
from provenance.tui.widgets import (
    AlignedText,
    FindingDetail,
    FindingTable,
    Row,
    close_filter,
    matches,
    next_where,
    open_filter,
    short,
)

if TYPE_CHECKING:
    from provenance.tui.app import ReviewApp


class ReviewScreen(Screen[None]):
    """One capture: findings list, aligned text, detail line and progress."""

    HELP_SECTION = "Review screen"
    BINDINGS = [
        Binding("j", "move(1)", "Down", show=False, id="down"),
        Binding("k", "move(-1)", "Up", show=False, id="up"),
        Binding("n,right_square_bracket", "undecided(1)", "Next", id="next-undecided"),
        Binding("p,left_square_bracket", "undecided(-1)", "Prev", show=False, id="prev-undecided"),
        Binding("a", "decide('accepted')", "Accept", id="accept"),
        Binding("f", "decide('flagged')", "Flag", id="flag"),
        Binding("A", "bulk_accept", "All kind", id="bulk-accept"),
        Binding("c", "note", "Note", id="note"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("s", "toggle_split", "Layout", id="split"),
        Binding("w", "toggle_invisibles", "Marks", id="invisibles"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("q,escape", "back", "Back", id="back"),
    ]

    @dataclass
    class Prepared(Message):
        """The worker has analysed the capture and cut its alignment into blocks."""

        result: SourceResult
        findings: list[Finding]
        blocks: list[Block]

    def __init__(self, capture_id: str, *, select: str | None = None) -> None:
        super().__init__()
        self.capture_id = capture_id
        self.select = select
        """Finding to open on (from the variants view); the first undecided one otherwise."""
        self.result: SourceResult | None = None
        self.findings: list[Finding] = []
        self.rows: list[Row] = []
        self.query_text = ""
        self._shown: dict[str, Row] = {}
        """The rows matching the filter, by key, in list order; kept by `_rebuild`."""

    @property
    def review_app(self) -> ReviewApp:
        return cast("ReviewApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-body"):
            with Vertical(id="list-pane"):
                yield Input(placeholder="filter: text, kind:…, severity:…, state:…", id="filter")
                yield FindingTable(id="findings")
            yield AlignedText(id="aligned")
        yield FindingDetail(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = self.capture_id
        self.query_one("#review-body").loading = True
        self.prepare_capture()

    def current_capture(self) -> str:
        return self.capture_id

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="align",
        description="Locating and aligning",
    )
    def prepare_capture(self) -> None:
        app = self.review_app
        result = app.result(self.capture_id)
        found = app.findings_of(self.capture_id)
        cut = blocks(result.alignments, result.document)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Prepared(result, found, cut))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.query_one("#review-body").loading = False
            self.app.notify(
                str(event.worker.error), title=f"Cannot review {self.capture_id}", severity="error"
            )

    async def on_review_screen_prepared(self, message: Prepared) -> None:
        self.result, self.findings = message.result, message.findings
        headings = [
            f"passage {n + 1} · {p.kind} · copy {p.copy.start}..{p.copy.end} ↔ "
            f"reference {p.reference.start}..{p.reference.end} · score {p.score:.0f}"
            for n, p in enumerate(message.result.passages)
        ]
        await self.query_one(AlignedText).show(
            self.review_app.corpus.reference, message.result.document, message.blocks, headings
        )
        self.query_one("#review-body").loading = False
        self._rebuild()
        table = self.query_one(FindingTable)
        table.focus()
        undecided = self._undecided_indices()
        if self.select is not None and self.select in table.rows:
            table.move_cursor(row=table.get_row_index(self.select))
        elif undecided:
            table.move_cursor(row=undecided[0])
        self._show_current()

    # --- state -------------------------------------------------------------------------

    def current_row(self) -> Row | None:
        table = self.query_one(FindingTable)
        key = table.current_key()
        return self._shown.get(key) if key is not None else None

    def _rebuild(self) -> None:
        store = self.review_app.store
        rows = [Row(n + 1, f, store.get(f.id)) for n, f in enumerate(self.findings)]
        current_ids = {f.id for f in self.findings}
        stale = [
            d
            for d in store.decisions()
            if d.source == self.capture_id and d.finding not in current_ids
        ]
        rows += [Row(0, None, d) for d in stale]
        # A decision made on other bytes is not a decision on this finding.
        self.rows = [
            r
            if r.decision is None
            or r.finding is None
            or r.decision.source_sha256 == r.finding.source_sha256
            else Row(r.number, r.finding, None)
            for r in rows
        ]
        self._shown = {r.key: r for r in self.rows if matches(r, self.query_text)}
        self.query_one(FindingTable).show(self._visible())
        self._show_current()
        self.refresh_bindings()

    def _visible(self) -> list[Row]:
        return list(self._shown.values())

    def _undecided_indices(self) -> list[int]:
        return [i for i, r in enumerate(self._visible()) if r.state == "undecided"]

    def _show_current(self) -> None:
        row = self.current_row()
        decided = sum(1 for r in self.rows if r.finding is not None and r.decision is not None)
        total = sum(1 for r in self.rows if r.finding is not None)
        shown = len(self._visible()) if self.query_text else None
        copy = self.result.document if self.result is not None else None
        self.query_one(FindingDetail).show(row, copy, decided, total, filtered=shown)
        self.query_one(AlignedText).focus_finding(row.finding if row else None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_current()
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.current_row()
        self.query_one(AlignedText).focus_finding(row.finding if row else None, centre=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._rebuild()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(FindingTable).focus()

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"back", "toggle_split", "toggle_invisibles", "move", "filter"}:
            return True
        if self.result is None:
            return None
        row = self.current_row()
        if action == "decide":
            return True if row is not None and row.finding is not None else None
        if action == "note":
            return True if row is not None and row.decision is not None else None
        if action == "undo":
            return True if self.review_app.store.can_undo(self.capture_id) else None
        if action == "undecided":
            return True if self._undecided_indices() else None
        if action == "bulk_accept":
            return True if row is not None and len(self._same_kind(row)) > 1 else None
        return True

    def action_move(self, step: int) -> None:
        table = self.query_one(FindingTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    def action_undecided(self, step: int) -> None:
        """Jump to the next (step 1) or previous (-1) undecided finding, wrapping round."""
        table = self.query_one(FindingTable)
        shown = self._visible()
        target = next_where(
            table.cursor_row, len(shown), step, lambda i: shown[i].state == "undecided"
        )
        if target is None:
            self.notify("Every finding shown is decided.")
            return
        table.move_cursor(row=target)

    def action_decide(self, verdict: str) -> None:
        row = self.current_row()
        if row is None or row.finding is None:
            return
        try:
            self.review_app.store.decide(
                row.finding, Verdict(verdict), reviewer=self.review_app.reviewer
            )
        except ProvenanceError as error:
            self.notify(str(error), title="Decision not saved", severity="error")
            return
        self._rebuild()
        if self._undecided_indices():
            self.action_undecided(1)
        else:
            self.notify(f"All {sum(1 for r in self.rows if r.finding)} findings decided.")

    def action_bulk_accept(self) -> None:
        row = self.current_row()
        if row is None:
            return
        targets = self._same_kind(row)
        assert row.finding is not None
        question = (
            f"Accept all {len(targets)} remaining undecided {row.finding.kind} "
            f"findings in this capture?"
        )

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.review_app.store.decide_many(
                    targets, Verdict.ACCEPTED, reviewer=self.review_app.reviewer
                )
            except ProvenanceError as error:
                self.notify(str(error), title="Decisions not saved", severity="error")
                return
            self._rebuild()
            self.notify(
                f"Accepted {len(targets)} {row.finding.kind if row.finding else ''} "
                "findings (u undoes them together)."
            )

        self.app.push_screen(ConfirmDialog(question), done)

    def _same_kind(self, row: Row) -> list[Finding]:
        if row.finding is None:
            return []
        kind = row.finding.kind
        return [
            r.finding
            for r in self.rows
            if r.finding is not None and r.decision is None and r.finding.kind == kind
        ]

    def action_note(self) -> None:
        row = self.current_row()
        if row is None or row.decision is None:
            return
        finding_id = row.decision.finding

        def done(note: str | None) -> None:
            if note is None:
                return
            try:
                self.review_app.store.annotate(finding_id, note)
            except ProvenanceError as error:
                self.notify(str(error), title="Note not saved", severity="error")
                return
            self._rebuild()

        title = f"Note on {row.number}. {row.finding.kind if row.finding else 'stale decision'}"
        self.app.push_screen(NoteDialog(title, row.decision.note), done)

    def action_undo(self) -> None:
        try:
            finding_id = self.review_app.store.undo(self.capture_id)
        except ProvenanceError as error:
            self.notify(str(error), title="Undo not saved", severity="error")
            return
        if finding_id is None:
            return
        self._rebuild()
        table = self.query_one(FindingTable)
        if finding_id in table.rows:
            table.move_cursor(row=table.get_row_index(finding_id))
        self.notify("Undone.")

    def action_toggle_split(self) -> None:
        aligned = self.query_one(AlignedText)
        aligned.split = not aligned.split

    def action_toggle_invisibles(self) -> None:
        aligned = self.query_one(AlignedText)
        aligned.invisibles = not aligned.invisibles

    def action_filter(self) -> None:
        open_filter(self)

    def action_back(self) -> None:
        if close_filter(self):
            self.query_one(FindingTable).focus()
            return
        self.app.pop_screen()


class QuotesScreen(Screen[None]):
    """Quotations found in one capture with their verdicts (from the quotation stage)."""

    HELP_SECTION = "Quotations screen"
    BINDINGS = [Binding("q,escape", "back", "Back", id="back")]

    def __init__(self, capture_id: str) -> None:
        super().__init__()
        self.capture_id = capture_id

    @property
    def review_app(self) -> ReviewApp:
        return cast("ReviewApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="quotations", cursor_type="row")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"{self.capture_id} · quotations"
        table = self.query_one(DataTable)
        table.add_columns("copy", "verdict", "attributed", "sim", "reference", "text")
        for quote in self.review_app.result(self.capture_id).quotes:
            ref = quote.reference
            table.add_row(
                f"{quote.span.start}..{quote.span.end}",
                quote.verdict.value,
                "yes" if quote.attributed else "no",
                f"{quote.similarity:.0f}",
                f"{ref.start}..{ref.end}" if ref is not None else "-",
                short(" ".join(quote.text.split()), 60),
                key=quote.id,
            )
        table.focus()

    def current_capture(self) -> str:
        return self.capture_id

    def action_back(self) -> None:
        self.app.pop_screen()


@dataclass(frozen=True, slots=True)
class View:
    """A per-capture screen reachable by one key from the corpus and review screens."""

    name: str
    key: str
    title: str
    screen: Callable[[str], Screen[None]]
    available: Callable[[SourceResult], bool]
    """Whether this capture has anything to show in the view."""


VIEWS: tuple[View, ...] = (
    View("quotations", "o", "Quotations", QuotesScreen, lambda r: bool(r.quotes)),
    # Corpus-wide: offered from every analysed capture, opening on that capture's witnesses.
    View("variants", "v", "Variants", VariantsScreen, lambda r: True),
)
