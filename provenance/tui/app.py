"""The review app: corpus -> capture -> findings -> decisions saved at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from provenance.analyse import Analyser, Analysis, SourceResult
from provenance.collation.genealogy import Genealogy, genealogy
from provenance.collation.table import Table, collate
from provenance.collation.witnesses import witnesses
from provenance.corpus import Corpus, load_corpus
from provenance.findings import findings
from provenance.model import Finding
from provenance.review import REVIEWS, ReviewStore, reviewer_name
from provenance.tui.corpus_screen import CorpusScreen
from provenance.tui.dialogs import HelpScreen
from provenance.tui.screens import VIEWS, ReviewScreen


class CaptureCommands(Provider):
    """Command palette entries: open any capture, or a view of the current one."""

    def _commands(self) -> Iterator[tuple[str, str, object]]:
        app = self.app
        assert isinstance(app, ReviewApp)
        for capture in app.corpus.captures:
            entry = app.corpus.entry(capture.id)
            yield (
                f"Open capture {capture.id}",
                entry.publisher,
                partial(app.open_capture, capture.id),
            )
        for view in VIEWS:
            if app.check_action("open_view", (view.name,)):
                yield (
                    f"Show {view.title.lower()} of this capture",
                    view.title,
                    partial(app.action_open_view, view.name),
                )

    async def discover(self) -> Hits:
        for text, help_text, run in self._commands():
            yield DiscoveryHit(text, run, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, run in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run, help=help_text)  # type: ignore[arg-type]


class ReviewApp(App[int]):
    """Walk a corpus's findings capture by capture and record a decision for each."""

    TITLE = "provenance"
    CSS_PATH = "review.tcss"
    COMMANDS = App.COMMANDS | {CaptureCommands}
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", id="help"),
        *(
            Binding(view.key, f"open_view({view.name!r})", view.title, id=f"view-{view.name}")
            for view in VIEWS
        ),
    ]

    def __init__(self, corpus: Corpus, store: ReviewStore, *, reviewer: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.store = store
        self.reviewer = reviewer
        """Name recorded with every decision of this session."""
        self.results: dict[str, SourceResult] = {}
        """Analysed captures by id, filled by the workers; read on the UI thread."""
        self._findings: dict[str, list[Finding]] = {}
        self._collation: tuple[Table, Genealogy] | None = None
        self._lock = threading.Lock()
        self._prepared: Analyser | None = None

    def on_mount(self) -> None:
        self.sub_title = f"{self.corpus.directory.name} · reviewer {self.reviewer}"
        self.push_screen(CorpusScreen())

    # --- data, shared by the screens (safe to call from a worker thread) ---------------

    def result(self, capture_id: str) -> SourceResult:
        """The analysis of one capture, computed once."""
        with self._lock:
            cached = self.results.get(capture_id)
        if cached is not None:
            return cached
        capture = next(c for c in self.corpus.captures if c.id == capture_id)
        result = self._analyser().source(capture)
        found = findings(Analysis(self.corpus.reference, (result,)))
        with self._lock:
            self._findings.setdefault(capture_id, found)
            self.results.setdefault(capture_id, result)
            return self.results[capture_id]

    def _analyser(self) -> Analyser:
        """The reference prepared once for every capture (safe from worker threads)."""
        with self._lock:
            if self._prepared is None:
                self._prepared = Analyser.of(self.corpus.reference)
            return self._prepared

    def findings_of(self, capture_id: str) -> list[Finding]:
        """Every finding of one capture: divergences, quotations and emphasis."""
        self.result(capture_id)
        return self._findings[capture_id]

    def collation(self) -> tuple[Table, Genealogy]:
        """The variant table of every capture's witnesses and its genealogy, computed once."""
        with self._lock:
            if self._collation is not None:
                return self._collation
        sources = tuple(self.result(c.id) for c in self.corpus.captures)
        analysis = Analysis(self.corpus.reference, sources)
        table = collate(analysis.reference, witnesses(analysis))
        grouped = genealogy(table)
        with self._lock:
            if self._collation is None:
                self._collation = (table, grouped)
            return self._collation

    def undecided_count(self, capture_id: str) -> int:
        if capture_id not in self.results:
            return 0
        return len(self.store.status(self.findings_of(capture_id)).undecided)

    # --- navigation --------------------------------------------------------------------

    def open_capture(self, capture_id: str) -> None:
        """Open the review of a capture, on top of the corpus screen."""
        while not isinstance(self.screen, CorpusScreen) and len(self.screen_stack) > 2:
            self.pop_screen()
        self.push_screen(ReviewScreen(capture_id))

    def review(self, capture_id: str, *, select: str | None = None) -> None:
        """Open the review of a capture on top of the current screen, on finding `select`."""
        self.push_screen(ReviewScreen(capture_id, select=select))

    def current_capture(self) -> str | None:
        getter = getattr(self.screen, "current_capture", None)
        return getter() if callable(getter) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_view":
            capture = self.current_capture()
            if capture is None or capture not in self.results:
                return False
            view = next(v for v in VIEWS if v.name == parameters[0])
            if isinstance(self.screen, view.screen):  # type: ignore[arg-type]
                return False
            return view.available(self.results[capture])
        return True

    def action_open_view(self, name: str) -> None:
        capture = self.current_capture()
        view = next(v for v in VIEWS if v.name == name)
        if capture is None or not self.check_action("open_view", (name,)):
            return
        below = self.screen_stack[-2] if len(self.screen_stack) > 1 else None
        same_view = isinstance(below, view.screen)  # type: ignore[arg-type]
        if same_view and getattr(below, "current_capture", lambda: None)() == capture:
            self.pop_screen()  # this screen was opened from that view: go back, do not stack
            return
        self.push_screen(view.screen(capture))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(getattr(self.screen, "HELP_SECTION", "Everywhere")))


def build_app(corpus_dir: Path | str, *, reviewer: str | None = None) -> ReviewApp:
    """The factory the CLI, the tests and the benchmark share.

    Raises:
        ProvenanceError: The corpus or its review file cannot be read.
    """
    corpus = load_corpus(corpus_dir)
    store = ReviewStore(Path(corpus_dir) / REVIEWS)
    return ReviewApp(corpus, store, reviewer=reviewer_name(reviewer))
