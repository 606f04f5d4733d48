"""The quotations screen: the quotations found in one capture, with their verdicts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from provenance.session import Session
from provenance.tui.widgets import cue_line, cursor_key, short


class QuotesScreen(Screen[None]):
    """Quotations found in one capture with their verdicts (from the quotation stage), and
    under the list the speaker cue that decided the highlighted quotation's attribution."""

    HELP_SECTION = "Quotations screen"
    BINDINGS = [
        Binding("j", "move(1)", "Down", show=False, id="down"),
        Binding("k", "move(-1)", "Up", show=False, id="up"),
        Binding("q,escape", "back", "Back", id="back"),
    ]

    def __init__(self, session: Session, capture_id: str) -> None:
        super().__init__()
        self.session = session
        self.capture_id = capture_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="quotations", cursor_type="row")
        yield Static(id="quote-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"{self.capture_id} · quotations"
        table = self.query_one(DataTable)
        table.add_columns("copy", "verdict", "attributed", "speaker", "sim", "reference", "text")
        for quote in self.session.result(self.capture_id).quotes:
            cue = quote.attribution
            ref = quote.reference
            table.add_row(
                f"{quote.span.start}..{quote.span.end}",
                quote.verdict.value,
                "yes" if quote.attributed else "no",
                cue.speaker if cue is not None else "none",
                f"{quote.similarity:.0f}",
                f"{ref.start}..{ref.end}" if ref is not None else "-",
                short(" ".join(quote.text.split()), 48),
                key=quote.id,
            )
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        key = cursor_key(self.query_one(DataTable))
        quote = next((q for q in self.session.result(self.capture_id).quotes if q.id == key), None)
        detail = self.query_one("#quote-detail", Static)
        detail.update(cue_line(quote) if quote is not None else "")

    def current_capture(self) -> str:
        return self.capture_id

    def action_move(self, step: int) -> None:
        """`j` / `k`, as help.md promises (the table's own keys are the arrows)."""
        table = self.query_one(DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    def action_back(self) -> None:
        self.app.pop_screen()
