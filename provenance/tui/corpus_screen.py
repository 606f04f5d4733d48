"""The corpus screen: one row per capture, filled in as the worker analyses them."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from provenance.analyse import SourceResult
from provenance.emphasis import Status
from provenance.errors import ProvenanceError
from provenance.model import Severity
from provenance.quotes.verdicts import QuoteVerdict
from provenance.tui.widgets import close_filter, cursor_key, next_where, open_filter, short

if TYPE_CHECKING:
    from provenance.tui.app import ReviewApp


def covered(result: SourceResult, reference_length: int) -> float:
    """Share of the reference covered by the capture's located passages (overlaps once)."""
    spans = sorted((p.reference.start, p.reference.end) for p in result.passages)
    total, reach = 0, 0
    for start, end in spans:
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total / reference_length if reference_length else 0.0


class CorpusScreen(Screen[None]):
    """One row per capture; Enter opens the review of the highlighted capture."""

    HELP_SECTION = "Corpus screen"
    BINDINGS = [
        Binding("enter", "open", "Open", id="open"),
        Binding("j", "move(1)", "Down", show=False, id="down"),
        Binding("k", "move(-1)", "Up", show=False, id="up"),
        Binding("n,right_square_bracket", "undecided(1)", "Next undecided", id="next-undecided"),
        Binding(
            "p,left_square_bracket",
            "undecided(-1)",
            "Prev undecided",
            show=False,
            id="prev-undecided",
        ),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("q,escape", "back", "Quit", id="quit"),
    ]

    @dataclass
    class Analysed(Message):
        """Captures the worker has located, aligned and classified since its last message."""

        results: tuple[SourceResult, ...]

    @dataclass
    class Failed(Message):
        """Analysing one capture raised an error; the row says so and the app goes on."""

        capture: str
        error: str

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""

    @property
    def review_app(self) -> ReviewApp:
        return cast("ReviewApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: id, publisher, date, holds…", id="filter")
        yield DataTable(id="captures", cursor_type="row")
        with Horizontal(id="corpus-status"):
            yield Static("", id="summary")
            yield ProgressBar(id="progress", show_eta=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#captures", DataTable)
        for key, label, width in _CORPUS_COLUMNS:
            table.add_column(label, key=key, width=width)
        self.query_one("#progress", ProgressBar).update(total=len(self.review_app.corpus.captures))
        self._fill()
        table.focus()
        self.analyse_captures()

    def current_capture(self) -> str | None:
        return cursor_key(self.query_one("#captures", DataTable))

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="analyse",
        description="Analysing captures",
    )
    def analyse_captures(self) -> None:
        """Analyse capture after capture, posting results in batches so rows fill as they
        come while the message queue stays short and keys are handled at once."""
        worker = get_current_worker()
        app = self.review_app
        batch: list[SourceResult] = []
        last = time.monotonic()
        for capture in app.corpus.captures:
            if worker.is_cancelled:
                return
            try:
                batch.append(app.result(capture.id))
            except (ProvenanceError, ValueError) as error:
                self.post_message(self.Failed(capture.id, str(error)))
            if time.monotonic() - last >= _BATCH_SECONDS:
                self.post_message(self.Analysed(tuple(batch)))
                batch, last = [], time.monotonic()
        if batch:
            self.post_message(self.Analysed(tuple(batch)))

    def on_corpus_screen_analysed(self, message: Analysed) -> None:
        for result in message.results:
            self._update_row(result.document.id)
        self.query_one("#progress", ProgressBar).advance(len(message.results))
        self._summary()

    def on_corpus_screen_failed(self, message: Failed) -> None:
        self.app.notify(message.error, title=f"Cannot analyse {message.capture}", severity="error")
        self.query_one("#progress", ProgressBar).advance(1)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.app.notify(str(event.worker.error), title="Analysis failed", severity="error")
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self.query_one("#progress", ProgressBar).display = False
            self._summary()

    def on_screen_resume(self) -> None:
        for capture in self.review_app.corpus.captures:
            if capture.id in self.review_app.results:
                self._update_row(capture.id)
        self._summary()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.review_app.open_capture(str(event.row_key.value))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#captures", DataTable).focus()

    def action_open(self) -> None:
        capture = self.current_capture()
        if capture is not None:
            self.review_app.open_capture(capture)

    def action_move(self, step: int) -> None:
        table = self.query_one("#captures", DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    def action_undecided(self, step: int) -> None:
        table = self.query_one("#captures", DataTable)
        keys = [str(k.value) for k in table.rows]
        if not keys:
            return
        count = self.review_app.undecided_count
        target = next_where(table.cursor_row, len(keys), step, lambda i: bool(count(keys[i])))
        if target is None:
            self.notify("No capture has undecided findings.")
            return
        table.move_cursor(row=target)

    def action_filter(self) -> None:
        open_filter(self)

    def action_back(self) -> None:
        if close_filter(self):
            self.query_one("#captures", DataTable).focus()
            return
        self.app.exit(0)

    def _fill(self) -> None:
        table = self.query_one("#captures", DataTable)
        keep = self.current_capture()
        table.clear()
        for capture in self.review_app.corpus.captures:
            cells = self._cells(capture.id)
            if self.query_text and not all(
                word in " ".join(map(str, cells)).casefold()
                for word in self.query_text.casefold().split()
            ):
                continue
            table.add_row(*cells, key=capture.id)
        if keep is not None and keep in {str(k.value) for k in table.rows}:
            table.move_cursor(row=table.get_row_index(keep))

    def _update_row(self, capture_id: str) -> None:
        table = self.query_one("#captures", DataTable)
        if capture_id not in {str(k.value) for k in table.rows}:
            return
        for (key, _, _), cell in zip(_CORPUS_COLUMNS, self._cells(capture_id), strict=True):
            table.update_cell(capture_id, key, cell)

    def _cells(self, capture_id: str) -> tuple[str | Text, ...]:
        app = self.review_app
        entry = app.corpus.entry(capture_id)
        holds = "+".join(h[:4] for h in entry.holds) or "nothing"
        result = app.results.get(capture_id)
        if result is None:
            waiting = Text("…", style="dim")
            return (
                short(capture_id, 12),
                entry.publisher,
                entry.date,
                holds,
                waiting,
                waiting,
                waiting,
                waiting,
                waiting,
            )
        share = covered(result, len(app.corpus.reference.text))
        severities = Counter(d.severity for d in result.divergences)
        by_severity = " ".join(
            f"{s.name[0] if s is Severity.MATERIAL else s.name[0].lower()}{severities[s]}"
            for s in sorted(Severity, reverse=True)
        )
        verdicts = Counter(q.verdict for q in result.quotes)
        quotes = (
            " ".join(
                f"{letter}{verdicts[v]}" for v, letter in _VERDICT_LETTERS.items() if verdicts[v]
            )
            or "-"
        )
        statuses = Counter(e.status for e in result.emphasis)
        emphasised = (
            " ".join(f"{mark}{statuses[s]}" for s, mark in _EMPHASIS_MARKS.items() if statuses[s])
            or "-"
        )
        found = app.findings_of(capture_id)
        status = app.store.status(found)
        stale = sum(1 for d in status.stale if d.source == capture_id)
        progress = f"{len(status.decided)}/{len(found)}" + (f" !{stale}" if stale else "")
        return (
            short(capture_id, 12),
            entry.publisher,
            entry.date,
            holds,
            f"{share:.0%}",
            by_severity,
            quotes,
            emphasised,
            progress,
        )

    def _summary(self) -> None:
        app = self.review_app
        done = len(app.results)
        total = len(app.corpus.captures)
        found = [f for source in app.results for f in app.findings_of(source)]
        status = app.store.status(found)
        text = (
            f"{done} of {total} captures analysed · "
            f"{len(status.decided)} of {len(found)} findings decided"
        )
        stale = [d for d in status.stale if d.source in app.results]
        if stale:
            text += f" · {len(stale)} stale"
        self.query_one("#summary", Static).update(text)


_VERDICT_LETTERS = {
    QuoteVerdict.VERBATIM: "v",
    QuoteVerdict.ALTERED: "a",
    QuoteVerdict.PARAPHRASE: "p",
    QuoteVerdict.NOT_IN_REFERENCE: "n",
}
"""Quotations attributed to the reference, by verdict; `other` quotations are not counted."""

_EMPHASIS_MARKS = {Status.ADDED: "+", Status.REMOVED: "-", Status.PROBABLE: "~"}

_BATCH_SECONDS = 0.1
"""Longest wait before analysed rows are shown; batching keeps the UI's queue short."""

_CORPUS_COLUMNS = (
    ("id", "capture", 12),
    ("publisher", "publisher", 14),
    ("date", "date", 10),
    ("holds", "holds", 11),
    ("covered", "cover", 5),
    ("severity", "M m c", 8),
    ("quotes", "quotes", 9),
    ("emphasis", "emph", 6),
    ("decided", "decided", 8),
)
"""(key, heading, width); divergences by severity read M(aterial) m(inor) c(osmetic)."""
