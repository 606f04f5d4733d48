"""The review app: corpus -> capture -> findings -> decisions saved at once."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rich.console import RenderableType
from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from provenance.analyse import SourceResult
from provenance.corpus import load_corpus
from provenance.errors import ExitCode
from provenance.review import REVIEWS, ReviewStore, reviewer_name
from provenance.session import Session
from provenance.tui.corpus_screen import CorpusScreen
from provenance.tui.dialogs import HelpScreen, NoteDialog
from provenance.tui.messages import OpenReview
from provenance.tui.quotes_screen import QuotesScreen
from provenance.tui.review_screen import ReviewScreen
from provenance.tui.variants_screen import VariantsScreen


@dataclass(frozen=True, slots=True)
class View:
    """A per-capture screen reachable by one key from the corpus and review screens.

    Adding a view is one line in `VIEWS`: the app binds its key and shows it in the footer
    and the command palette only when the capture has the data.
    """

    name: str
    key: str
    title: str
    screen: type[QuotesScreen | VariantsScreen]
    available: Callable[[SourceResult], bool]
    """Whether this capture has anything to show in the view."""


VIEWS: tuple[View, ...] = (
    View("quotations", "o", "Quotations", QuotesScreen, lambda r: bool(r.quotes)),
    # Corpus-wide: offered from every analysed capture, opening on that capture's witnesses.
    View("variants", "v", "Variants", VariantsScreen, lambda r: True),
)


class CaptureCommands(Provider):
    """Command palette entries: open any capture, or a view of the current one."""

    def _commands(self) -> Iterator[tuple[str, str, object]]:
        app = self.app
        assert isinstance(app, ReviewApp)
        corpus = app.session.corpus
        for capture in corpus.captures:
            entry = corpus.entry(capture.id)
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


_HUNG_UP = 128 + signal.SIGHUP
"""The exit status after SIGHUP (129)."""


class ReviewApp(App[int]):
    """Walk a corpus's findings capture by capture and record a decision for each.

    The state the screens share is the `Session`; the app only routes: it opens screens
    (screens ask for a review with an `OpenReview` message) and the per-capture views.
    """

    TITLE = "provenance"
    CSS_PATH = "review.tcss"
    COMMANDS = App.COMMANDS | {CaptureCommands}
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", id="help"),
        # Ctrl-C quits, as in tig and lazygit and as every other command's Ctrl-C (exit 130);
        # Textual's default only says which key quits. Over a note's words not saved, the
        # first Ctrl-C only says so (`action_interrupt`).
        Binding("ctrl+c", "interrupt", "Quit", show=False, priority=True, id="interrupt"),
        *(
            Binding(view.key, f"open_view({view.name!r})", view.title, id=f"view-{view.name}")
            for view in VIEWS
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.unsaved_note: str | None = None
        """A note being written when the app quit, as one line for stderr (`cli` prints it)."""
        self.lost_notes: dict[str, str] = {}
        """Notes whose save failed (what each is on: its words), for stderr at the end."""

    def on_mount(self) -> None:
        corpus = self.session.corpus
        self.sub_title = f"{corpus.directory.name} · reviewer {self.session.reviewer}"
        self.push_screen(CorpusScreen(self.session))
        for path in corpus.altered():
            # evidence changed since it was added: decisions made now are on the new bytes,
            # and `check` fails on it (P101); the reviewer must know before deciding
            self.notify(
                f"{path.name}: its bytes no longer match the manifest's sha256; it is read as "
                "it is now, and provenance check reports it",
                title="Capture changed since it was added",
                severity="warning",
                timeout=30,
            )
        for failure in corpus.failures:
            # one capture that cannot be read (missing, empty, not UTF-8) is left out, as
            # `findings` and `check` leave it out: the others are still reviewed
            self.notify(
                f"{failure}; left out of the review (provenance check names it)",
                title="Capture not read",
                severity="error",
                timeout=30,
            )

    def on_load(self) -> None:
        # SIGINT (`kill -INT`, or a Ctrl-C the terminal sends as a signal) quits as the
        # ctrl+c key does, exit 130: asyncio's own handler cancels the app's task, which
        # Textual ends as a normal exit, status 0. Handled in the event loop, it never
        # lands inside a save of decisions.
        with contextlib.suppress(ValueError, NotImplementedError):  # not the main thread
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGINT, self.interrupt)
            # SIGTERM and SIGHUP (a closed terminal, a `kill`) end the app the same way, exit
            # 143 (129): the screen restored and a note being written handed back on stderr,
            # where before the process died on the UI's full-screen display, the note lost
            loop.add_signal_handler(signal.SIGTERM, self.terminate, ExitCode.TERMINATED)
            loop.add_signal_handler(signal.SIGHUP, self.terminate, _HUNG_UP)

    def on_unmount(self) -> None:
        # Stop the analyses under way: their child processes end now, so the process
        # exits as soon as the UI has gone (not minutes later, when a big capture is done).
        self.session.close()
        with contextlib.suppress(ValueError, NotImplementedError):
            # back to KeyboardInterrupt, which `cli.main` makes exit 130
            loop = asyncio.get_running_loop()
            for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                loop.remove_signal_handler(number)

    def action_interrupt(self) -> None:
        """Ctrl-C: quit, exit 130. Over a note's words not saved, the first Ctrl-C keeps
        them and says how to save them (a reflex "cancel this", as at a shell prompt, must
        not throw a reviewer's words away); the second quits."""
        screen = self.screen
        if isinstance(screen, NoteDialog) and screen.hold_draft():
            return
        self.interrupt()

    def interrupt(self) -> None:
        """Quit at once, exit 130: SIGINT (sent from outside, it never waits) and Ctrl-C."""
        self.exit(ExitCode.INTERRUPTED, return_code=ExitCode.INTERRUPTED)

    def terminate(self, code: int) -> None:
        """Quit at once on SIGTERM or SIGHUP, exit 128 + the signal's number."""
        self.exit(code, return_code=code)

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        # However the app ends (Ctrl-C twice, ctrl+q, SIGINT), a note being written is
        # handed back on stderr: a reviewer's words are never lost without a word.
        dialog = next((s for s in self.screen_stack if isinstance(s, NoteDialog)), None)
        words = dialog.draft() if dialog is not None else None
        if dialog is not None and words is not None:
            self.unsaved_note = f"note on {dialog.about} not saved (quit while writing it): {words}"
        super().exit(result, return_code, message)

    # --- navigation --------------------------------------------------------------------

    def on_open_review(self, message: OpenReview) -> None:
        if message.on_top:
            self.push_screen(ReviewScreen(self.session, message.capture, select=message.select))
        else:
            self.open_capture(message.capture)

    def open_capture(self, capture_id: str) -> None:
        """Open the review of a capture, on top of the corpus screen."""
        while not isinstance(self.screen, CorpusScreen) and len(self.screen_stack) > 2:
            self.pop_screen()
        self.push_screen(ReviewScreen(self.session, capture_id))

    def current_capture(self) -> str | None:
        getter = getattr(self.screen, "current_capture", None)
        return getter() if callable(getter) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_view":
            capture = self.current_capture()
            result = self.session.analysed().get(capture) if capture is not None else None
            if result is None:
                return False
            view = next(v for v in VIEWS if v.name == parameters[0])
            if isinstance(self.screen, view.screen):
                return False
            return view.available(result)
        return True

    def action_open_view(self, name: str) -> None:
        capture = self.current_capture()
        view = next(v for v in VIEWS if v.name == name)
        if capture is None or not self.check_action("open_view", (name,)):
            return
        below = self.screen_stack[-2] if len(self.screen_stack) > 1 else None
        same_view = isinstance(below, view.screen)
        if same_view and getattr(below, "current_capture", lambda: None)() == capture:
            self.pop_screen()  # this screen was opened from that view: go back, do not stack
            return
        self.push_screen(view.screen(self.session, capture))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(getattr(self.screen, "HELP_SECTION", "Everywhere")))


def build_app(corpus_dir: Path | str, *, reviewer: str | None = None) -> ReviewApp:
    """The factory the CLI, the tests and the benchmark share.

    A capture that cannot be read is left out and named when the app starts.

    Raises:
        ProvenanceError: The corpus (its manifest, the reference's source) or its review
            file cannot be read.
    """
    corpus = load_corpus(corpus_dir, keep_going=True)
    store = ReviewStore(Path(corpus_dir) / REVIEWS)
    return ReviewApp(Session(corpus, store, reviewer=reviewer_name(reviewer), apart=True))
