"""The quotations screen: the quotations found in one capture, with their verdicts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from provenance.session import Session
from provenance.tui.widgets import short


class QuotesScreen(Screen[None]):
    """Quotations found in one capture with their verdicts (from the quotation stage)."""

    HELP_SECTION = "Quotations screen"
    BINDINGS = [Binding("q,escape", "back", "Back", id="back")]

    def __init__(self, session: Session, capture_id: str) -> None:
        super().__init__()
        self.session = session
        self.capture_id = capture_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="quotations", cursor_type="row")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"{self.capture_id} · quotations"
        table = self.query_one(DataTable)
        table.add_columns("copy", "verdict", "attributed", "sim", "reference", "text")
        for quote in self.session.result(self.capture_id).quotes:
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
