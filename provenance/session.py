"""The review session: what the review screens share, as plain objects (no Textual).

A `Session` holds the corpus, the decisions on disk and every capture's analysis,
computed once and shared by the corpus, review, quotations and variants screens; it is
safe to call from the UI's worker threads. The UI's session analyses in child processes
(`provenance.apart`) so that `close` stops every analysis under way at once. A capture
that cannot be analysed is recorded with its error instead of stopping the others.
`Session.review` opens one capture's findings as a `CaptureReview`: the rows of the
findings list, the filter, the cursor, decisions, notes and undo. The Textual screens
only draw these objects and forward keys to them, so the review workflow is tested here
without a terminal.

>>> from provenance.model import Span, Severity
>>> f = Finding("x", "c", "", "divergence", "whitespace", Severity.COSMETIC, Span(0, 1), " ", "")
>>> Row(1, f, None).state, Row(1, f, None).key
('undecided', 'x')
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from provenance.analyse import Analyser, Analysis, SourceResult
from provenance.apart import Apart, CancelledError
from provenance.collation.genealogy import Genealogy, genealogy
from provenance.collation.table import Table, collate
from provenance.collation.witnesses import witnesses
from provenance.corpus import Corpus
from provenance.coverage import Strip, strip
from provenance.errors import ProvenanceError
from provenance.findings import findings
from provenance.model import Decision, Finding, Verdict
from provenance.quotes.verdicts import Quotation
from provenance.review import ReviewStore


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the findings list: a current finding, or a stale decision of this capture."""

    number: int
    finding: Finding | None
    decision: Decision | None
    conflict: tuple[Decision, ...] = ()
    """Every decision on the finding when they disagree (then `decision` is None)."""

    @property
    def carried(self) -> bool:
        """True when the decision was made on other bytes and carried over to this finding."""
        return (
            self.finding is not None
            and self.decision is not None
            and self.decision.finding != self.finding.id
        )

    @property
    def key(self) -> str:
        if self.finding is not None:
            return self.finding.id
        assert self.decision is not None
        return f"stale:{self.decision.finding}"

    @property
    def state(self) -> str:
        if self.finding is None:
            return "stale"
        if self.conflict:
            return "conflict"
        return self.decision.verdict.value if self.decision is not None else "undecided"

    def haystack(self) -> str:
        """What `/` matches against: kind, severity, state, category and both readings."""
        if self.finding is None:
            assert self.decision is not None
            return f"state:stale stale {self.decision.summary}".casefold()
        f = self.finding
        carried = " carried" if self.carried else ""
        return (
            f"kind:{f.kind} severity:{f.severity} state:{self.state} category:{f.category} "
            f"{f.summary} {f.text} {f.reference_text}{carried}"
        ).casefold()


def matches(row: Row, query: str) -> bool:
    """True if every word of `query` occurs in the row's kind, severity, state or text.

    >>> from provenance.model import Severity, Span
    >>> f = Finding("x", "c", "", "divergence", "whitespace", Severity.COSMETIC,
    ...             Span(0, 1), " ", "")
    >>> row = Row(1, f, None)
    >>> matches(row, "white cos"), matches(row, "kind:whitespace"), matches(row, "material")
    (True, True, False)
    """
    hay = row.haystack()
    return all(word in hay for word in query.casefold().split())


def next_where(here: int, count: int, step: int, test: Callable[[int], bool]) -> int | None:
    """The first index from `here` in direction `step` (1 or -1) that passes `test`.

    The search wraps round and ends on `here` itself; None if no index passes.

    >>> next_where(1, 4, 1, lambda i: i in {0, 3}), next_where(1, 4, -1, lambda i: i == 3)
    (3, 3)
    >>> next_where(1, 4, 1, lambda i: i == 1), next_where(0, 0, 1, bool)
    (1, None)
    """
    for offset in range(1, count + 1):
        index = (here + step * offset) % count
        if test(index):
            return index
    return None


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the corpus is: captures analysed or failed, findings decided, stale."""

    analysed: int
    failed: int
    total: int
    decided: int
    findings: int
    stale: int
    orphaned: int = 0
    """Decisions on captures the manifest no longer lists (stale too, for `check`:
    P502), which no capture's list shows."""


class Session:
    """The corpus, its decisions and the analyses shared by every screen of one review."""

    def __init__(
        self, corpus: Corpus, store: ReviewStore, *, reviewer: str, apart: bool = False
    ) -> None:
        """`apart`: analyse in child processes, so that `close` stops them (the UI's way);
        otherwise in the calling thread."""
        self.corpus = corpus
        self.store = store
        self.reviewer = reviewer
        """Name recorded with every decision of this session."""
        self._results: dict[str, SourceResult] = {}
        self._findings: dict[str, list[Finding]] = {}
        self._errors: dict[str, str] = {}
        self._collation: tuple[Table, Genealogy] | None = None
        self._prepared: Analyser | None = None
        self._apart = Apart(corpus.reference) if apart else None
        self._lock = threading.Lock()
        """Guards the three dicts and the caches: workers fill them, the UI thread reads."""
        self._turns: dict[str, threading.Lock] = {}
        """One lock per capture: a second caller waits for the analysis under way."""
        self._closed = threading.Event()

    def close(self) -> None:
        """Stop: analyses under way in child processes end now (their callers get
        `CancelledError`), and so does any asked for later. Decisions are saved as they are
        made, so nothing is lost."""
        self._closed.set()
        if self._apart is not None:
            self._apart.close()

    # --- analyses (safe to call from worker threads) -----------------------------------

    def result(self, capture_id: str) -> SourceResult:
        """The analysis of one capture, computed once.

        Raises:
            ProvenanceError: The capture cannot be analysed (the error is also recorded).
            CancelledError: The session was closed before the analysis finished.
        """
        with self._lock:
            cached = self._results.get(capture_id)
        if cached is not None:
            return cached  # without waiting on the capture's turn: the UI thread reads so
        with self._turn(capture_id):
            return self._result(capture_id)

    def _result(self, capture_id: str) -> SourceResult:
        with self._lock:
            cached = self._results.get(capture_id)
            failed = self._errors.get(capture_id)
        if cached is not None:
            return cached
        capture = next(c for c in self.corpus.captures if c.id == capture_id)
        if failed is not None:
            raise ProvenanceError(capture.path, failed)
        try:
            if self._apart is not None:
                result = self._apart.source(capture)
            else:
                result = self._analyser().source(capture)
            found = findings(Analysis(self.corpus.reference, (result,)))
        except CancelledError:
            raise  # not the capture's fault: nothing recorded
        except Exception as error:
            # Any failure of one capture, ours or a library's, is that capture's error:
            # the other captures and the session go on.
            problem = error.problem if isinstance(error, ProvenanceError) else _describe(error)
            with self._lock:
                self._errors.setdefault(capture_id, problem)
            raise ProvenanceError(capture.path, problem) from error
        with self._lock:
            self._findings.setdefault(capture_id, found)
            return self._results.setdefault(capture_id, result)

    @contextmanager
    def _turn(self, capture_id: str) -> Iterator[None]:
        """Hold the capture's lock, waiting for an analysis of it under way (one analysis
        per capture, however many screens ask); the wait ends when the session closes."""
        with self._lock:
            turn = self._turns.setdefault(capture_id, threading.Lock())
        while not turn.acquire(timeout=0.05):
            if self._closed.is_set():
                raise CancelledError(capture_id)
        try:
            yield
        finally:
            turn.release()

    def analyse(self, capture_id: str) -> SourceResult | None:
        """`result`, or None when the capture failed (its error is then `error(capture_id)`)."""
        try:
            return self.result(capture_id)
        except ProvenanceError:
            return None

    def error(self, capture_id: str) -> str | None:
        """Why the capture could not be analysed; None if it was (or is not yet)."""
        with self._lock:
            return self._errors.get(capture_id)

    def analysed(self) -> dict[str, SourceResult]:
        """The captures analysed so far, by id: a copy, safe to iterate while workers run."""
        with self._lock:
            return dict(self._results)

    def findings_of(self, capture_id: str) -> list[Finding]:
        """Every finding of one capture: divergences, quotations and emphasis."""
        self.result(capture_id)
        with self._lock:
            return self._findings[capture_id]

    def strip(self, capture_id: str, width: int) -> Strip | None:
        """The coverage strip of an analysed capture, `width` cells over the reference;
        None before its analysis or if it failed (see `provenance.coverage`)."""
        with self._lock:
            result = self._results.get(capture_id)
            found = self._findings.get(capture_id)
        if result is None or found is None:
            return None
        decided = {f.id for f in self.store.status(found).decided}
        length = len(self.corpus.reference.text)
        return strip(result, found, length, width, decided=decided)

    def collation(self) -> tuple[Table, Genealogy]:
        """The variant table of every analysed capture's witnesses and its genealogy, once.

        A capture that cannot be analysed is left out of the table.
        """
        with self._lock:
            if self._collation is not None:
                return self._collation
        sources = tuple(
            r for r in (self.analyse(c.id) for c in self.corpus.captures) if r is not None
        )
        analysis = Analysis(self.corpus.reference, sources)
        table = collate(analysis.reference, witnesses(analysis))
        grouped = genealogy(table)
        with self._lock:
            if self._collation is None:
                self._collation = (table, grouped)
            return self._collation

    def _analyser(self) -> Analyser:
        with self._lock:
            if self._prepared is None:
                self._prepared = Analyser.of(self.corpus.reference)
            return self._prepared

    # --- decisions over the corpus -----------------------------------------------------

    def undecided_count(self, capture_id: str) -> int:
        """Findings of an analysed capture that need a decision: undecided, or with
        decisions that disagree (a conflict is settled by deciding it again); 0 before its
        analysis or if it failed."""
        with self._lock:
            found = self._findings.get(capture_id)
        if found is None:
            return 0
        status = self.store.status(found)
        return len(status.undecided) + len(status.conflicts)

    def progress(self) -> Progress:
        """Captures analysed and failed, and the decisions on the analysed ones."""
        with self._lock:
            found = [f for fs in self._findings.values() for f in fs]
            analysed, failed = set(self._results), len(self._errors)
        status = self.store.status(found)
        stale = sum(1 for d in status.stale if d.source in analysed)
        total = len(self.corpus.captures)
        listed = {e.id for e in self.corpus.manifest.entries}
        orphaned = sum(1 for d in status.stale if d.source not in listed)
        return Progress(
            len(analysed), failed, total, len(status.decided), len(found), stale, orphaned
        )

    def review(self, capture_id: str, *, select: str | None = None) -> CaptureReview:
        """The findings of one capture, opened for review (analysing it first if needed).

        Raises:
            ProvenanceError: The capture cannot be analysed.
        """
        return CaptureReview(self, capture_id, select=select)


CONTEXTS = (0, 12, 24, 48, 96, 192)
"""Characters of context either side of a finding, from `{` (less) to `}` (more)."""


class CaptureReview:
    """One capture's findings under review: list rows, filter, cursor, decisions and undo.

    `shown` are the rows that match the filter, in list order; `cursor` indexes them.
    Every action that saves re-reads the decisions, so the rows always say what is on disk.
    """

    def __init__(self, session: Session, capture_id: str, *, select: str | None = None) -> None:
        self.session = session
        self.capture_id = capture_id
        self.result = session.result(capture_id)
        self.findings = session.findings_of(capture_id)
        self.rows: list[Row] = []
        self.shown: list[Row] = []
        self.query = ""
        self.cursor = 0
        self.context = CONTEXTS.index(24)
        """Index into CONTEXTS: how much text either side of the finding is shown."""
        self.refresh()
        keys = [r.key for r in self.shown]
        undecided = self._undecided()
        if select is not None and select in keys:
            self.cursor = keys.index(select)
        elif undecided:
            self.cursor = undecided[0]

    @property
    def store(self) -> ReviewStore:
        return self.session.store

    # --- what is listed ----------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the rows from the findings and the decisions, keeping the cursor's row."""
        keep = self.current()
        status = self.store.status(self.findings)
        conflicts = {c.finding.id: c.decisions for c in status.conflicts}
        self.rows = [
            Row(n + 1, f, status.decision(f.id), conflicts.get(f.id, ()))
            for n, f in enumerate(self.findings)
        ]
        # A decision made on other bytes that stands for no current finding: kept, shown.
        self.rows += [Row(0, None, d) for d in status.stale if d.source == self.capture_id]
        self.shown = [r for r in self.rows if matches(r, self.query)]
        keys = [r.key for r in self.shown]
        if keep is not None and keep.key in keys:
            self.cursor = keys.index(keep.key)
        else:
            self.cursor = min(self.cursor, max(0, len(self.shown) - 1))

    def filter(self, query: str) -> None:
        """List only the rows matching every word of `query` (see `matches`)."""
        self.query = query
        self.refresh()

    def current(self) -> Row | None:
        """The row under the cursor; None when nothing is listed."""
        return self.shown[self.cursor] if 0 <= self.cursor < len(self.shown) else None

    def decided(self) -> tuple[int, int]:
        """(decided, total) over the current findings, whatever the filter."""
        current = [r for r in self.rows if r.finding is not None]
        return sum(1 for r in current if r.decision is not None), len(current)

    # --- moving ------------------------------------------------------------------------

    def move(self, step: int) -> None:
        """Move the cursor `step` rows, stopping at either end."""
        self.cursor = max(0, min(len(self.shown) - 1, self.cursor + step))

    def move_to(self, key: str) -> bool:
        """Put the cursor on the row with `key`; False if it is not listed."""
        keys = [r.key for r in self.shown]
        if key not in keys:
            return False
        self.cursor = keys.index(key)
        return True

    def go(self, number: int) -> bool:
        """Put the cursor on finding `number` (as the list numbers them); False if no such
        finding is listed (out of range, or hidden by the filter)."""
        for index, row in enumerate(self.shown):
            if row.finding is not None and row.number == number:
                self.cursor = index
                return True
        return False

    def widen(self, step: int) -> int:
        """More (1) or less (-1) context, within CONTEXTS; the characters either side now."""
        self.context = max(0, min(len(CONTEXTS) - 1, self.context + step))
        return CONTEXTS[self.context]

    @property
    def context_chars(self) -> int:
        return CONTEXTS[self.context]

    def quotation(self, finding: Finding) -> Quotation | None:
        """The quotation a quotation finding stands for (its verdict, cue and evidence)."""
        if finding.category != "quotation":
            return None
        return next((q for q in self.result.quotes if q.id == finding.id), None)

    def outside(self, finding: Finding) -> bool:
        """True if the finding lies outside every located passage of the capture (a
        quotation in the article's own prose, lost markup): the aligned text cannot show it."""
        span = finding.span
        for passage in self.result.passages:
            copy = passage.copy
            if copy.start <= span.start and span.end <= copy.end and copy.start < copy.end:
                return False
        return True

    def next_undecided(self, step: int) -> bool:
        """Move to the next (1) or previous (-1) undecided row, wrapping; False if none.
        The decisions are read again first: one made elsewhere is no longer undecided."""
        self.refresh()
        return self._to_undecided(step)

    def _to_undecided(self, step: int) -> bool:
        shown = self.shown
        target = next_where(self.cursor, len(shown), step, lambda i: shown[i].state in _OPEN)
        if target is None:
            return False
        self.cursor = target
        return True

    def _undecided(self) -> list[int]:
        return [i for i, r in enumerate(self.shown) if r.state in _OPEN]

    # --- what can be done here ---------------------------------------------------------

    def available(self) -> frozenset[str]:
        """The review actions that can act now: the footer shows exactly these."""
        row = self.current()
        can = set()
        if row is not None and row.finding is not None:
            can.add("decide")
        if row is not None and (row.decision is not None or row.finding is not None):
            can.add("note")  # on an undecided finding, a note flags it
        if self.store.can_undo(self.capture_id):
            can.add("undo")
        if self._undecided():
            can.add("undecided")
        if row is not None and len(self.same_kind()) > 1:
            can.add("bulk_accept")
        if row is not None and row.finding is None and row.decision is not None:
            can.add("drop_stale")
        return frozenset(can)

    def why_not(self, action: str) -> str:
        """Why a review action (one `available` leaves out) cannot act now: said when its
        key is pressed, rather than nothing happening."""
        row = self.current()
        stale = row is not None and row.finding is None
        if action in ("decide", "note", "bulk_accept") and row is None:
            return "No finding under the cursor."
        if action in ("decide", "bulk_accept") and stale:
            return (
                "This decision's finding is no longer in the capture (a stale decision): "
                "x drops the decision, c edits its note."
            )
        if action == "bulk_accept" and row is not None and row.finding is not None:
            undecided = " other" if row.decision is None else ""
            return f"No{undecided} undecided {row.finding.kind} finding to accept."
        if action == "undo":
            return "Nothing to undo on this capture in this session."
        if action == "undecided":
            hidden = " (the filter hides the others)" if self.query else ""
            return f"Every finding shown is decided{hidden}."
        if action == "drop_stale":
            return "x drops a stale decision (a row marked !); this row is a current finding."
        return "Not available here."

    def drop_stale(self) -> str | None:
        """`x`: drop the stale decision under the cursor (its finding is gone); `u` brings
        it back. Returns the finding id the decision named, or None on any other row."""
        row = self.current()
        if row is None or row.finding is not None or row.decision is None:
            return None
        finding = row.decision.finding
        with self._refreshed_on_refusal():
            self.store.clear(finding)
        self.refresh()
        return finding

    # --- decisions (each saved at once; ProvenanceError if the save fails) ------------

    def decide(self, verdict: Verdict) -> bool:
        """Record `verdict` on the current finding and move to the next undecided one.

        Returns False when there is no finding under the cursor (a stale decision, or an
        empty list). Raises ReviewStoreError if the save fails; nothing changes then.
        """
        row = self.current()
        if row is None or row.finding is None:
            return False
        with self._refreshed_on_refusal():
            self.store.decide(row.finding, verdict, reviewer=self.session.reviewer, guarded=True)
        self.refresh()
        self._to_undecided(1)
        return True

    def note(self, row: Row, note: str) -> None:
        """`c`: set the note of the row's decision; on an undecided finding the note flags
        it (a note asks for another look)."""
        if row.decision is not None:
            self.annotate(row.decision.finding, note)
            return
        assert row.finding is not None  # a row is a finding or a (stale) decision
        with self._refreshed_on_refusal():
            self.store.decide(
                row.finding,
                Verdict.FLAGGED,
                note=note,
                reviewer=self.session.reviewer,
                guarded=True,
            )
        self.refresh()

    @contextmanager
    def _refreshed_on_refusal(self) -> Iterator[None]:
        """A save refused because another process decided since (or a failed save) leaves
        the rows showing the file as it stands, never what it no longer holds."""
        try:
            yield
        except ProvenanceError:
            self.refresh()
            raise

    def same_kind(self) -> list[Finding]:
        """The undecided findings of the current finding's kind (what `A` would accept)."""
        row = self.current()
        if row is None or row.finding is None:
            return []
        kind = row.finding.kind
        return [
            r.finding
            for r in self.rows
            if r.finding is not None and r.decision is None and r.finding.kind == kind
        ]

    def accept_all(self, targets: list[Finding]) -> None:
        """Accept `targets` in one save (one undo reverts them together)."""
        with self._refreshed_on_refusal():
            self.store.decide_many(
                targets, Verdict.ACCEPTED, reviewer=self.session.reviewer, guarded=True
            )
        self.refresh()

    def annotate(self, finding_id: str, note: str) -> None:
        """Set the note of a decided finding."""
        with self._refreshed_on_refusal():
            self.store.annotate(finding_id, note, reviewer=self.session.reviewer)
        self.refresh()

    def undo(self) -> str | None:
        """Revert this capture's newest change; the cursor goes to a finding it touched."""
        with self._refreshed_on_refusal():
            finding_id = self.store.undo(self.capture_id)
        if finding_id is None:
            return None
        self.refresh()
        self.move_to(finding_id)
        return finding_id


_OPEN = frozenset({"undecided", "conflict"})
"""Row states that need a decision: `n` and `p` stop at them."""


def _describe(error: Exception) -> str:
    """One line for an unexpected error: its type and its first line.

    >>> _describe(IndexError("list index out of range\\nmore"))
    'IndexError: list index out of range'
    """
    message = str(error).strip().splitlines()
    return type(error).__name__ + (f": {message[0]}" if message else "")
