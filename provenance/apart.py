"""Analyse captures apart, in child processes that can be stopped at any instant.

The review UI analyses in worker threads, and a Python thread cannot be stopped from
outside: quitting while a big capture was analysed left the process running the analysis
(gigabytes, minutes) after the UI had gone. A cancel flag checked between the engine's
stages would still wait for the longest stage, and one stage (locate, the quotations)
runs for minutes on some captures of a few hundred kilobytes; flags inside the stages'
loops would thread a token through every engine module and still not reach a long call
into a C library. A child process can be killed whenever the reviewer leaves, and its
memory goes with it; a child the system kills (out of memory) is that capture's error.

`Apart` keeps a few children, each with the reference prepared once: a capture costs its
trip through a pipe (milliseconds), not a new process. Children fork from a forkserver
(never from the UI's threaded process) that has the engine imported already.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from multiprocessing.process import BaseProcess

from provenance.analyse import Analyser, SourceResult
from provenance.errors import ProvenanceError, brief
from provenance.locate import LocateOptions
from provenance.model import Document

_POLL = 0.05
"""Seconds between looks at the stop flag while a child works."""


class CancelledError(Exception):
    """The analysis was stopped (`Apart.close`) before it finished."""


class Apart:
    """Child processes that analyse captures against one reference; `close` kills them all.

    Safe to call from several threads: each call takes an idle child, or starts one.
    """

    def __init__(self, reference: Document, options: LocateOptions = LocateOptions()) -> None:
        self.reference = reference
        self.options = options
        self.stop = threading.Event()
        """Set by `close`: every call under way raises CancelledError, and so does every new one."""
        self._idle: list[_Child] = []
        self._busy: set[_Child] = set()
        self._lock = threading.Lock()
        _context()  # now, not under the UI: Textual's stderr has no file descriptor to pass

    def source(self, capture: Document) -> SourceResult:
        """`Analyser.source(capture)`, computed in a child.

        Raises:
            CancelledError: The session closed before the analysis finished; the child is gone.
            ProvenanceError: The capture cannot be analysed, or its child died (killed by
                the system, e.g. out of memory).
        """
        child = self._take()
        done = False
        try:
            child.send.send(capture)
            while not child.receive.poll(_POLL):
                if self.stop.is_set():
                    raise CancelledError(capture.id)
            answer, payload = child.receive.recv()
            done = True
        except (EOFError, OSError):  # the child is gone
            if self.stop.is_set():  # `close` killed it
                raise CancelledError(capture.id) from None
            child.process.join()
            code = child.process.exitcode or 0
            how = f"killed by signal {-code}" if code < 0 else f"exit {code}"
            problem = f"its analysis died ({how}; out of memory?)"
            raise ProvenanceError(capture.path, problem) from None
        finally:
            self._give_back(child, keep=done)
        if answer == "error":
            raise ProvenanceError(capture.path, payload)
        assert isinstance(payload, SourceResult)
        return payload

    def close(self) -> None:
        """Stop every analysis under way and end every child (the UI is going)."""
        self.stop.set()
        with self._lock:
            idle, busy = list(self._idle), list(self._busy)
            self._idle.clear()
        for child in idle:
            child.end()
        for child in busy:  # its thread sees `stop` and ends it (joins, closes its pipes)
            child.process.kill()

    def _take(self) -> _Child:
        with self._lock:
            if self.stop.is_set():
                raise CancelledError(self.reference.id)
            child = self._idle.pop() if self._idle else None
        if child is None:
            child = _Child.start(self.reference, self.options)
        with self._lock:
            self._busy.add(child)
        if self.stop.is_set():  # closed while it started: `close` did not see it
            child.end()
            raise CancelledError(self.reference.id)
        return child

    def _give_back(self, child: _Child, *, keep: bool) -> None:
        with self._lock:
            self._busy.discard(child)
            if keep and not self.stop.is_set():
                self._idle.append(child)
                return
        child.end()


class _Child:
    def __init__(self, process: BaseProcess, send: Connection, receive: Connection) -> None:
        self.process = process
        self.send = send
        self.receive = receive

    @classmethod
    def start(cls, reference: Document, options: LocateOptions) -> _Child:
        context = _context()
        to_child, requests = context.Pipe(duplex=False)
        answers, from_child = context.Pipe(duplex=False)
        process = context.Process(
            target=_serve,
            args=(to_child, from_child, reference, options),
            name="provenance analyse",
            daemon=True,  # never outlives the UI, whatever way it ends
        )
        process.start()
        to_child.close()  # the child's ends: EOF here when the child dies
        from_child.close()
        return cls(process, requests, answers)

    def end(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.send.close()
        self.receive.close()


def _serve(
    requests: Connection, answers: Connection, reference: Document, options: LocateOptions
) -> None:
    """In the child: analyse each capture sent, answer ("result", SourceResult) or
    ("error", one line), until the parent goes."""
    # A Ctrl-C sent to the whole process group is the parent's to act on: it kills this
    # child. Left to Python, it was a KeyboardInterrupt traceback printed under the UI.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    analyser = Analyser.of(reference, options=options)
    while True:
        try:
            capture = requests.recv()
        except EOFError:
            return
        try:
            answer: tuple[str, object] = ("result", analyser.source(capture))
        except Exception as error:  # the capture's error, as Session records any failure
            answer = (
                "error",
                error.problem if isinstance(error, ProvenanceError) else brief(error),
            )
        answers.send(answer)


_lock = threading.Lock()
_started: ForkServerContext | None = None


def _context() -> ForkServerContext:
    global _started
    with _lock:
        if _started is None:
            _started = multiprocessing.get_context("forkserver")
            _started.set_forkserver_preload(["provenance.analyse"])
            forkserver.ensure_running()  # and the resource tracker it needs
        return _started
