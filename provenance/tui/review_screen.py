"""The review screen: one capture's findings list, aligned text, detail line and progress.

The state (rows, filter, cursor, decisions, undo) is a `CaptureReview` of the session;
this screen draws it and forwards keys to it. The footer is rebuilt only when the set of
actions that can act changes, not on every cursor move.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from provenance.apart import CancelledError
from provenance.errors import ProvenanceError
from provenance.model import Verdict
from provenance.session import CaptureReview, Session
from provenance.tui.blocks import Block, blocks
from provenance.tui.dialogs import ConfirmDialog, GotoDialog, NoteDialog
from provenance.tui.widgets import (
    AlignedText,
    FindingDetail,
    FindingTable,
    close_filter,
    open_filter,
    outside_text,
)

_ALWAYS = frozenset({"back", "toggle_split", "toggle_invisibles", "move", "filter", "context"})
"""Actions that can act before the capture is analysed and whatever the cursor is on."""


class ReviewScreen(Screen[None]):
    """One capture: findings list, aligned text, detail line and progress."""

    HELP_SECTION = "Review screen"
    # Classes by terminal size (review.tcss): on a small one the findings list, the core
    # of the review, keeps the screen and the other panels give way.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (50, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (10, "-short"), (16, "-tall")]
    # The footer shows what fits 80 columns with the app's keys (help, views, palette);
    # the others (show=False) are listed in help.md, which `?` opens.
    BINDINGS = [
        Binding("j", "move(1)", "Down", show=False, id="down"),
        Binding("k", "move(-1)", "Up", show=False, id="up"),
        Binding("n,right_square_bracket", "undecided(1)", "Next", id="next-undecided"),
        Binding("p,left_square_bracket", "undecided(-1)", "Prev", show=False, id="prev-undecided"),
        Binding("a", "decide('accepted')", "Accept", id="accept"),
        Binding("f", "decide('flagged')", "Flag", id="flag"),
        Binding("A", "bulk_accept", "All kind", show=False, id="bulk-accept"),
        Binding("c", "note", "Note", id="note"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("g", "goto", "Go to", show=False, id="goto"),
        Binding("left_curly_bracket", "context(-1)", "Less context", show=False, id="less"),
        Binding("right_curly_bracket", "context(1)", "More context", show=False, id="more"),
        Binding("s", "toggle_split", "Layout", show=False, id="split"),
        Binding("w", "toggle_invisibles", "Marks", show=False, id="invisibles"),
        Binding("slash", "filter", "Filter", show=False, id="filter"),
        Binding("q,escape", "back", "Back", show=False, id="back"),
        Binding("x", "drop_stale", "Drop stale", id="drop-stale"),
        # Pressed when the footer leaves the key out (it cannot act now): a line says why.
        Binding("a,f", "unavailable('decide')", show=False),
        Binding("A", "unavailable('bulk_accept')", show=False),
        Binding("c", "unavailable('note')", show=False),
        Binding("u", "unavailable('undo')", show=False),
        Binding(
            "n,p,right_square_bracket,left_square_bracket", "unavailable('undecided')", show=False
        ),
        Binding("x", "unavailable('drop_stale')", show=False),
    ]

    @dataclass
    class Prepared(Message):
        """The worker has analysed the capture and cut its alignment into blocks."""

        review: CaptureReview
        blocks: list[Block]

    def __init__(self, session: Session, capture_id: str, *, select: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.capture_id = capture_id
        self.select = select
        """Finding to open on (from the variants view); the first undecided one otherwise."""
        self.review: CaptureReview | None = None
        """The capture's review, once the worker has analysed it."""
        self._available: frozenset[str] = frozenset()
        """The review actions the footer shows now (see `_changed`)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-body"):
            with Vertical(id="list-pane"):
                yield Input(placeholder="filter: text, kind:…, severity:…, state:…", id="filter")
                yield FindingTable(id="findings")
            with Vertical(id="text-pane"):
                yield Static(id="outside")
                yield AlignedText(id="aligned")
        yield FindingDetail(id="detail")
        yield Footer(compact=True, show_command_palette=False)  # ctrl+p is in help

    def on_mount(self) -> None:
        # The capture, and what its bytes carry as recorded evidence (`check`'s P210).
        blemishes = self.session.corpus.entry(self.capture_id).blemishes
        recorded = f" · recorded blemishes: {', '.join(blemishes)}" if blemishes else ""
        self.sub_title = self.capture_id + recorded
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
        try:
            review = self.session.review(self.capture_id, select=self.select)
        except CancelledError:
            return  # the session closed: the app is going
        cut = blocks(
            review.result.alignments, review.result.document, self.session.corpus.reference
        )
        if not get_current_worker().is_cancelled:
            self.post_message(self.Prepared(review, cut))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.query_one("#review-body").loading = False
            self.query_one(FindingTable).focus()  # not the hidden filter box: q goes back
            self.app.notify(
                str(event.worker.error), title=f"Cannot review {self.capture_id}", severity="error"
            )

    async def on_review_screen_prepared(self, message: Prepared) -> None:
        self.review = review = message.review
        headings = [
            f"passage {n + 1} · {p.kind} · copy {p.copy.start}..{p.copy.end} ↔ "
            f"reference {p.reference.start}..{p.reference.end} · score {p.score:.0f}"
            for n, p in enumerate(review.result.passages)
        ]
        await self.query_one(AlignedText).show(
            self.session.corpus.reference, review.result.document, message.blocks, headings
        )
        self.query_one("#review-body").loading = False
        self._show_rows()
        self.query_one(FindingTable).focus()

    def on_screen_resume(self) -> None:
        # Back from a screen that may have decided on this capture (variants -> review).
        if self.review is not None:
            self.review.refresh()
            self._show_rows()

    # --- drawing the review ------------------------------------------------------------

    def _show_rows(self) -> None:
        """Redraw the list after the rows changed (decision, filter, undo)."""
        if self.review is None:
            return
        table = self.query_one(FindingTable)
        table.show(self.review.shown)
        self._sync_cursor()
        self._changed()

    def _sync_cursor(self) -> None:
        """Put the table's cursor where the review's is (the table then says it moved)."""
        assert self.review is not None
        table = self.query_one(FindingTable)
        if self.review.shown and table.cursor_row != self.review.cursor:
            table.move_cursor(row=self.review.cursor, scroll=True)

    def _changed(self) -> None:
        """The current row or the decisions changed: detail line, highlight, footer."""
        review = self.review
        if review is None:
            return
        row = review.current()
        decided, total = review.decided()
        shown = len(review.shown) if review.query else None
        finding = row.finding if row else None
        self.query_one(FindingDetail).show(
            row,
            review.result.document,
            decided,
            total,
            filtered=shown,
            width=review.context_chars,
            quote=review.quotation(finding) if finding is not None else None,
        )
        self.query_one(AlignedText).focus_finding(finding)
        outside = self.query_one("#outside", Static)
        outside.display = finding is not None and review.outside(finding)
        if finding is not None and outside.display:
            # 4x the detail's context, at least a line's worth: the panel has room for it.
            width = max(40, 4 * review.context_chars)
            outside.update(outside_text(finding, review.result.document, width=width))
        available = review.available()
        if available != self._available:
            self._available = available
            self.refresh_bindings()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if self.review is None:
            return
        self.review.cursor = event.cursor_row
        self._changed()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.review.current() if self.review is not None else None
        self.query_one(AlignedText).focus_finding(row.finding if row else None, centre=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.review is not None:
            self.review.filter(event.value)
            self._show_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(FindingTable).focus()

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _ALWAYS:
            return True
        if self.review is None:
            return None
        if action == "drop_stale":  # shown only on a stale decision's row
            return action in self._available
        if action in {"decide", "note", "undo", "undecided", "bulk_accept"}:
            return True if action in self._available else None  # None: shown dimmed
        return True

    def action_unavailable(self, action: str) -> None:
        if self.review is not None:
            self.notify(self.review.why_not(action), timeout=3)

    def action_drop_stale(self) -> None:
        review = self.review
        if review is None:
            return
        try:
            finding = review.drop_stale()
        except ProvenanceError as error:
            self.notify(str(error), title="Not dropped", severity="error")
            self._show_rows()
            return
        if finding is not None:
            self._show_rows()
            self.notify(f"Dropped the stale decision on {finding} (u brings it back).")

    def action_move(self, step: int) -> None:
        if self.review is not None:
            self.review.move(step)
            self._sync_cursor()

    def action_undecided(self, step: int) -> None:
        """Jump to the next (step 1) or previous (-1) undecided finding, wrapping round."""
        if self.review is None:
            return
        if not self.review.next_undecided(step):
            self.notify("Every finding shown is decided.")
            return
        self._sync_cursor()

    def action_goto(self) -> None:
        review = self.review
        if review is None:
            return
        last = max((r.number for r in review.rows if r.finding is not None), default=0)

        def done(number: int | None) -> None:
            if number is None:
                return
            if not review.go(number):
                shown = " shown by the filter" if review.query else ""
                self.notify(f"No finding {number}{shown} (1 to {last}).")
                return
            self._sync_cursor()
            self._changed()

        self.app.push_screen(GotoDialog(last), done)

    def action_context(self, step: int) -> None:
        if self.review is None:
            return
        chars = self.review.widen(step)
        self._changed()
        self.notify(f"Context: {chars} characters either side.", timeout=1.5)

    def action_decide(self, verdict: str) -> None:
        review = self.review
        if review is None:
            return
        try:
            decided = review.decide(Verdict(verdict))
        except ProvenanceError as error:
            self.notify(str(error), title="Decision not saved", severity="error")
            self._show_rows()  # as the file stands now: decide again to replace it
            return
        if not decided:
            return
        self._show_rows()
        if "undecided" not in self._available:
            self.notify(f"All {review.decided()[1]} findings decided.")

    def action_bulk_accept(self) -> None:
        review = self.review
        row = review.current() if review is not None else None
        if review is None or row is None or row.finding is None:
            return
        targets = review.same_kind()
        kind = row.finding.kind
        question = f"Accept all {len(targets)} remaining undecided {kind} findings in this capture?"

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                review.accept_all(targets)
            except ProvenanceError as error:
                self.notify(str(error), title="Decisions not saved", severity="error")
                self._show_rows()
                return
            self._show_rows()
            self.notify(f"Accepted {len(targets)} {kind} findings (u undoes them together).")

        self.app.push_screen(ConfirmDialog(question), done)

    def action_note(self) -> None:
        review = self.review
        row = review.current() if review is not None else None
        if review is None or row is None:
            return
        # On an undecided finding the note flags it, and what is typed next goes to the
        # note, never to the keys of this screen.
        flags = row.decision is None

        kind = row.finding.kind if row.finding else "stale decision"
        title = f"Note on {row.number}. {kind}" + (" (flags it)" if flags else "")
        old = row.decision.note if row.decision is not None else ""
        finding = row.finding.id if row.finding else row.key
        about = f"{row.number}. {kind} ({finding}) of {self.capture_id}"
        lost: dict[str, str] = getattr(self.app, "lost_notes", {})

        def done(note: str | None) -> None:
            if note is None:
                return
            try:
                review.note(row, note)
            except ProvenanceError as error:
                # the words are kept, and handed back on stderr when the app ends: a note
                # that cannot be saved (a read-only corpus) is never dropped
                lost[about] = note
                self.notify(
                    f"{error}; its words are kept and printed when you quit",
                    title="Note not saved",
                    severity="error",
                )
            else:
                lost.pop(about, None)
            self._show_rows()

        self.app.push_screen(NoteDialog(title, old, about=about), done)

    def action_undo(self) -> None:
        if self.review is None:
            return
        try:
            finding_id = self.review.undo()
        except ProvenanceError as error:
            self.notify(str(error), title="Undo not saved", severity="error")
            self._show_rows()  # the decision made elsewhere, not the one undone
            return
        if finding_id is None:
            return
        self._show_rows()
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
