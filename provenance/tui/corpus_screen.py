"""The corpus screen: one row per capture, filled in as the worker analyses them."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from provenance.analyse import SourceResult
from provenance.apart import CancelledError
from provenance.coverage import held_share
from provenance.emphasis import Status
from provenance.model import Kind, Severity
from provenance.quotes.verdicts import QuoteVerdict
from provenance.session import Session, next_where
from provenance.tui.messages import OpenReview
from provenance.tui.strips import CoverageStrips, strip_lines
from provenance.tui.widgets import close_filter, cursor_key, open_filter, short


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
        Binding("q", "back", "Quit", id="quit"),
        Binding("escape", "escape", "Clear filter", show=False, id="escape"),
    ]

    class Analysed(Message):
        """The worker has analysed captures: they wait in `_pending` until the UI takes them."""

    @dataclass
    class Failed(Message):
        """Analysing one capture raised an error; its row says so and the others go on."""

        capture: str

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.query_text = ""
        self._failed_shown = False
        """The status line shows the error of the highlighted capture, not the totals."""
        self._widths = {key: width for key, _, width in _CORPUS_COLUMNS}
        """Column widths now: the least ones until the table knows its size."""
        self._pending: list[SourceResult] = []
        """Results the worker has posted and the UI has not shown yet (under `_handover`)."""
        self._handover = threading.Lock()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: id, publisher, date, holds…", id="filter")
        yield DataTable(id="captures", cursor_type="row")
        yield CoverageStrips(self.session, id="strips")
        with Horizontal(id="corpus-status"):
            yield Static("", id="summary")
            yield ProgressBar(id="progress", show_eta=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#captures", DataTable)
        for key, label, width in _CORPUS_COLUMNS:
            table.add_column(label, key=key, width=width)
        corpus = self.session.corpus
        entries = [corpus.entry(c.id) for c in corpus.captures]
        self._longest = {
            "id": max((len(c.id) for c in corpus.captures), default=0),
            "publisher": max((len(e.publisher) for e in entries), default=0),
            "date": max((len(e.date) for e in entries), default=0),
        }
        self.query_one("#progress", ProgressBar).update(total=len(self.session.corpus.captures))
        self._fill()
        table.focus()
        self.analyse_captures()

    def on_resize(self, event: events.Resize) -> None:
        widths = _widths(event.size.width, self._longest)
        if widths == self._widths:
            self._strips()  # as many as the new height has room for
            return
        self._widths = widths
        self.query_one(CoverageStrips).label = widths["id"] + 1
        table = self.query_one("#captures", DataTable)
        for key, column in table.columns.items():
            column.width = widths[str(key.value)]
        self._fill()  # the cells are cut to their columns' widths

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
        """Analyse capture after capture. Each result is handed over at once (its row fills
        while the next capture is analysed, however long that takes); a message is posted
        only when none is waiting, so the UI's queue stays short and keys are handled at once
        when thousands of small captures load."""
        worker = get_current_worker()
        for capture in self.session.corpus.captures:
            if worker.is_cancelled:
                return
            try:
                result = self.session.analyse(capture.id)  # failures are recorded, not raised
            except CancelledError:
                return  # the session closed: the app is going
            if result is None:
                self.post_message(self.Failed(capture.id))
                continue
            with self._handover:
                self._pending.append(result)
                first = len(self._pending) == 1
            if first:
                self.post_message(self.Analysed())

    def on_corpus_screen_analysed(self, _message: Analysed) -> None:
        with self._handover:
            results, self._pending = self._pending, []
        for result in results:
            self._update_row(result.document.id)
        self.query_one("#progress", ProgressBar).advance(len(results))
        self._summary()
        self._strips()
        self.refresh_bindings()

    def on_corpus_screen_failed(self, message: Failed) -> None:
        error = self.session.error(message.capture) or "unknown error"
        self.app.notify(error, title=f"Cannot analyse {message.capture}", severity="error")
        self._update_row(message.capture)
        self.query_one("#progress", ProgressBar).advance(1)
        self._summary()
        self._strips()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.app.notify(str(event.worker.error), title="Analysis failed", severity="error")
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self.query_one("#progress", ProgressBar).display = False
            self._summary()

    def on_screen_resume(self) -> None:
        done = self.session.analysed()
        for capture in self.session.corpus.captures:
            if capture.id in done:
                self._update_row(capture.id)
        self._summary()
        self._strips()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._strips()
        self.refresh_bindings()  # the views (o, v) the highlighted capture offers
        failed = self._failed_shown
        if failed or self.session.error(str(event.row_key.value)) is not None:
            self._summary()  # a failed capture's error in full, or back to the totals

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(OpenReview(str(event.row_key.value)))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#captures", DataTable).focus()

    def action_open(self) -> None:
        capture = self.current_capture()
        if capture is not None:
            self.post_message(OpenReview(capture))

    def action_move(self, step: int) -> None:
        table = self.query_one("#captures", DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    def action_undecided(self, step: int) -> None:
        table = self.query_one("#captures", DataTable)
        keys = [str(k.value) for k in table.rows]
        if not keys:
            return
        count = self.session.undecided_count
        target = next_where(table.cursor_row, len(keys), step, lambda i: bool(count(keys[i])))
        if target is None:
            self.notify("No capture has undecided findings.")
            return
        table.move_cursor(row=target)

    def action_filter(self) -> None:
        open_filter(self)
        self._strips()  # the box takes lines from the screen

    def action_back(self) -> None:
        if close_filter(self):
            self.query_one("#captures", DataTable).focus()
            return
        self.app.exit(0)

    def action_escape(self) -> None:
        """Esc clears the filter; here, where there is nothing to go back to, it does not
        quit (Esc pressed a few times to leave a screen ended the session): q does."""
        if close_filter(self):
            self.query_one("#captures", DataTable).focus()
            return
        self.notify("q quits (every decision is already saved).", timeout=3)

    def _fill(self) -> None:
        table = self.query_one("#captures", DataTable)
        keep = self.current_capture()
        table.clear()
        for capture in self.session.corpus.captures:
            cells = self._cells(capture.id)
            if self.query_text and not all(
                word in self._haystack(capture.id, cells)
                for word in self.query_text.casefold().split()
            ):
                continue
            table.add_row(*cells, key=capture.id)
        if keep is not None and keep in {str(k.value) for k in table.rows}:
            table.move_cursor(row=table.get_row_index(keep))
        self._strips()

    def _haystack(self, capture_id: str, cells: tuple[str | Text, ...]) -> str:
        """What `/` matches against: the cells, and in full what they may cut short (the
        id, publisher, date, title, url and every `holds` word), whatever the width."""
        entry = self.session.corpus.entry(capture_id)
        full = [capture_id, entry.publisher, entry.date, entry.title, entry.url, *entry.holds]
        return " ".join([*map(str, cells), *full]).casefold()

    def _strips(self) -> None:
        """Redraw the coverage strips of the listed captures around the highlighted one,
        as many as the screen's height leaves room for beside the table."""
        table = self.query_one("#captures", DataTable)
        listed = [str(k.value) for k in table.rows]
        height = self.size.height
        if self.query_one("#filter", Input).display:
            height -= 3  # the filter box's height (review.tcss)
        lines = strip_lines(height, len(listed))
        self.query_one(CoverageStrips).show(listed, self.current_capture(), lines=lines)

    def _update_row(self, capture_id: str) -> None:
        table = self.query_one("#captures", DataTable)
        if capture_id not in {str(k.value) for k in table.rows}:
            return
        for (key, _, _), cell in zip(_CORPUS_COLUMNS, self._cells(capture_id), strict=True):
            table.update_cell(capture_id, key, cell)

    def _cells(self, capture_id: str) -> tuple[str | Text, ...]:
        session = self.session
        entry = session.corpus.entry(capture_id)
        holds = "+".join(h[:4] for h in entry.holds) or "nothing"
        widths = self._widths
        described = {
            "id": short(capture_id, widths["id"]),
            "holds": holds,
            "publisher": short(entry.publisher, widths["publisher"]),
            "date": short(entry.date, widths["date"]),
        }
        error = session.error(capture_id)
        if error is not None:
            return self._row(described, dict(zip(_ANALYSIS, _spread(f"✗ {error}"), strict=True)))
        result = session.analysed().get(capture_id)
        if result is None:
            return self._row(described, dict.fromkeys(_ANALYSIS, Text("…", style="dim")))
        share = held_share(result, len(session.corpus.reference.text))
        # (emphasis rows are the emphasis column's, as `findings` lists them: counted once)
        severities = Counter(d.severity for d in result.divergences if d.kind is not Kind.EMPHASIS)
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
        found = session.findings_of(capture_id)
        status = session.store.status(found)
        stale = sum(1 for d in status.stale if d.source == capture_id)
        progress = f"{len(status.decided)}/{len(found)}" + (f" !{stale}" if stale else "")
        analysed: dict[str, str | Text] = {
            "decided": progress,
            "covered": f"{share:.0%}",
            "severity": short(by_severity, widths["severity"]),  # cut with "…", never silently
            "quotes": quotes,
            "emphasis": emphasised,
        }
        return self._row(described, analysed)

    @staticmethod
    def _row(*parts: Mapping[str, str | Text]) -> tuple[str | Text, ...]:
        cells = {k: v for part in parts for k, v in part.items()}
        return tuple(cells[key] for key, _, _ in _CORPUS_COLUMNS)

    def _summary(self) -> None:
        current = self.current_capture()
        error = self.session.error(current) if current is not None else None
        self._failed_shown = error is not None
        if error is not None:
            self.query_one("#summary", Static).update(f"✗ {current} cannot be analysed: {error}")
            return
        done = self.session.progress()
        text = (
            f"{done.analysed} of {done.total} captures analysed · "
            f"{done.decided} of {done.findings} findings decided"
        )
        if done.failed:
            text += f" · {done.failed} failed"
        if done.stale:
            text += f" · {done.stale} stale"
        if done.orphaned:
            # no capture's list shows them, yet `check` fails on them (P502)
            text += (
                f" · {done.orphaned} decision(s) on captures no longer in the manifest "
                "(provenance check lists them; provenance decide ID --clear removes one)"
            )
        self.query_one("#summary", Static).update(text)


def _spread(message: str) -> tuple[Text, ...]:
    """`message` word by word over the five analysis columns, so a failed row reads it.

    A word wider than its column is cut short; the status line shows the error in full.

    >>> [c.plain for c in _spread("✗ not valid UTF-8 at byte 12 of the capture")]
    ['✗ not', 'valid', 'UTF-8 at', 'byte 12', 'of th…']
    """
    widths = [width for key, _, width in _CORPUS_COLUMNS if key in _ANALYSIS]
    words = message.split()
    cells = []
    for number, width in enumerate(widths):
        line = ""
        while words and len(f"{line} {words[0]}".strip()) <= width:
            line = f"{line} {words.pop(0)}".strip()
        if not line and words:  # a word wider than the column: cut short
            line = short(words.pop(0), width)
        if number == len(widths) - 1 and words:
            line = short(f"{line} {' '.join(words)}".strip(), width)
        cells.append(Text(line, style="bold"))
    return tuple(cells)


_VERDICT_LETTERS = {
    QuoteVerdict.VERBATIM: "v",
    QuoteVerdict.ALTERED: "a",
    QuoteVerdict.PARAPHRASE: "p",
    QuoteVerdict.NOT_IN_REFERENCE: "n",
}
"""Quotations attributed to the reference, by verdict; `other` quotations are not counted."""

_EMPHASIS_MARKS = {Status.ADDED: "+", Status.REMOVED: "-", Status.PROBABLE: "~"}

_CORPUS_COLUMNS = (
    ("id", "capture", 12),
    ("decided", "decided", 8),
    ("covered", "cover", 5),
    ("severity", "M m c", 11),
    ("quotes", "quotes", 9),
    ("emphasis", "emph", 6),
    ("holds", "holds", 11),
    ("publisher", "publisher", 14),
    ("date", "date", 10),
)
"""(key, heading, least width), in the order a reviewer needs them: the review progress
right after the id, so that an 80-column terminal shows it; divergences by severity read
M(aterial) m(inor) c(osmetic). The table widens the id, publisher and date columns to
what they hold when the terminal has room (see `_widths`)."""

_ANALYSIS = ("decided", "covered", "severity", "quotes", "emphasis")
"""The columns the analysis fills (a failed capture's error is spread over them)."""

_WIDENS = ({"id": 64, "date": 24, "publisher": 40}, {"publisher": 100, "date": 80})
"""Columns that take spare width, in rounds, in this order, each up to its longest cell or
the round's width: whole ids first, then a readable date and publisher, then the rest."""


def _widths(room: int, longest: dict[str, int]) -> dict[str, int]:
    """Each column's width for a table `room` cells wide (padding included).

    >>> w = _widths(80, {"id": 20, "publisher": 30, "date": 10})
    >>> w["id"], w["publisher"]
    (12, 14)
    >>> w = _widths(250, {"id": 20, "publisher": 30, "date": 10})
    >>> w["id"], w["publisher"], w["date"]
    (20, 30, 10)
    """
    widths = {key: width for key, _, width in _CORPUS_COLUMNS}
    spare = room - sum(widths.values()) - 2 * len(widths) - 2  # cell padding, scrollbar
    for widens in _WIDENS:
        for key, most in widens.items():
            grow = max(0, min(spare, min(longest.get(key, 0), most) - widths[key]))
            widths[key] += grow
            spare -= grow
    return widths
