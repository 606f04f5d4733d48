"""Leaving the review UI while it analyses a big capture: the process ends, and so does
the analysis (issue 15, item 4), by a key or by SIGINT. The app runs in a real terminal
(tmux) on a copy of the corpus with one more capture, a megabyte whose analysis takes
minutes.

Not timings: the bound (20 s) is there so that a broken build fails instead of hanging;
before the fix the process ran on for minutes after `q`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from slow_capture import add_slow_capture

pytestmark = [
    pytest.mark.tui,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

BOUND = 20.0
"""Seconds allowed for the process and the analysis to end after the key."""


class Terminal:
    """`provenance review` in a detached tmux session, 100x30."""

    def __init__(self, corpus: Path, mark: str) -> None:
        self.name = f"provenance-quit-{mark[:8]}"
        self.status = corpus.parent / "exit"
        self.log = corpus.parent / "terminal.log"
        """Every byte the terminal was sent, the app's screens and anything printed under them."""
        # (the tests' own PYTHONPATH too, where one selects the tree under test: tmux's
        # server may hold another environment)
        path = os.environ.get("PYTHONPATH")
        tree = f"PYTHONPATH='{path}' " if path else ""
        command = (
            f"PROVENANCE_TEST_MARK={mark} TERM=xterm-256color {tree}"
            f"{Path(sys.executable).parent / 'provenance'} review '{corpus}' --reviewer t; "
            f"echo $? > '{self.status}'"
        )
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", "100", "-y", "30"], check=True
        )
        subprocess.run(["tmux", "set-option", "-t", self.name, "remain-on-exit", "on"], check=True)
        subprocess.run(["tmux", "pipe-pane", "-t", self.name, f"cat > '{self.log}'"], check=True)
        subprocess.run(["tmux", "send-keys", "-t", self.name, command, "Enter"], check=True)

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def alternate(self) -> bool:
        """True while the pane shows the alternate screen (a full-screen app holds it)."""
        shown = subprocess.run(
            ["tmux", "display-message", "-p", "-t", self.name, "#{alternate_on}"],
            capture_output=True,
            text=True,
        )
        return shown.stdout.strip() == "1"

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, text: str, seconds: float = 120.0) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.screen():
            assert time.monotonic() < deadline, f"never saw {text!r}:\n{self.screen()}"
            time.sleep(0.2)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def marked(mark: str) -> list[int]:
    """Processes whose environment holds `mark`: the app and every child it started."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if f"PROVENANCE_TEST_MARK={mark}".encode() in environ.read_bytes():
                found.append(int(environ.parent.name))
        except OSError:
            continue
    return found


@pytest.fixture
def terminal(corpus_dir: Path) -> Iterator[tuple[Terminal, str]]:
    add_slow_capture(corpus_dir)
    mark = uuid.uuid4().hex
    term = Terminal(corpus_dir, mark)
    try:
        yield term, mark
    finally:
        term.close()
        for pid in marked(mark):  # a failed run leaves its analysis running: end it
            subprocess.run(["kill", "-9", str(pid)], capture_output=True)


def _left_while_analysing(term: Terminal, mark: str, key: str) -> str:
    """Wait until the five small captures are done and the big one is under way, press
    `key`, and return the exit status once every marked process is gone."""
    term.wait_for("5 of 6 captures analysed")
    time.sleep(1.0)  # well into the big capture's analysis
    assert "6 of 6" not in term.screen()
    term.keys(key)
    return _ended(term, mark, key)


def _ended(term: Terminal, mark: str, after: str) -> str:
    """The exit status once every marked process is gone (within `BOUND` seconds of
    `after`), the terminal back from the app's screen."""
    deadline = time.monotonic() + BOUND
    while marked(mark) or not term.status.exists():
        assert time.monotonic() < deadline, f"still running {BOUND:.0f} s after {after}"
        time.sleep(0.2)
    assert not term.alternate(), "the terminal was left in the app's screen"
    return term.status.read_text().strip()


def _open_002(term: Terminal) -> None:
    """Once the five small captures are analysed, open 002 (which has findings)."""
    term.wait_for("5 of 6 captures analysed")
    term.keys("j", "j", "Enter")
    term.wait_for("1. divergence")


def test_q_while_analysing_a_big_capture_ends_the_process(terminal) -> None:
    term, mark = terminal
    assert _left_while_analysing(term, mark, "q") == "0"


def test_ctrl_c_while_analysing_ends_the_process_with_130(terminal) -> None:
    term, mark = terminal
    assert _left_while_analysing(term, mark, "C-c") == "130"


def _app(mark: str) -> int:
    """The app's process: the leader of the process group its shell started it in."""
    [leader] = [pid for pid in marked(mark) if os.getpgid(pid) == pid]
    return leader


@pytest.mark.parametrize("target", ["process group", "process"])
def test_sigint_while_analysing_is_130_without_a_traceback_and_keeps_the_decisions(
    terminal, corpus_dir: Path, target: str
) -> None:
    """SIGINT sent to the app's process group (what a terminal's Ctrl-C outside raw mode,
    `kill -INT -PGID` or a supervisor sends) printed the analysing child's traceback
    (KeyboardInterrupt in the engine) under the app, and the app exited 0; sent to the
    app's process alone it exited 0. Now: exit 130, nothing printed after the app's
    screen, every child gone, and the decision made before it on disk, whole."""
    term, mark = terminal
    _open_002(term)
    term.keys("n")
    term.wait_for("2. divergence")
    term.keys("a")  # saved at once
    term.wait_for("· 1 of")
    assert "6 of 6" not in term.screen()  # the big capture is still being analysed
    app = _app(mark)
    os.kill(-app if target == "process group" else app, signal.SIGINT)
    assert _ended(term, mark, "SIGINT") == "130"
    printed = term.log.read_bytes().decode("utf-8", "replace")
    assert "Traceback" not in printed and "KeyboardInterrupt" not in printed
    lines = (corpus_dir / "reviews.jsonl").read_text(encoding="utf-8").splitlines()
    decisions = [entry for entry in map(json.loads, lines) if "verdict" in entry]
    assert [(d["verdict"], d["reviewer"], d["source"][:4]) for d in decisions] == [
        ("accepted", "t", "002_")
    ]
    assert [p.name for p in corpus_dir.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(("number", "status"), [(signal.SIGTERM, "143"), (signal.SIGHUP, "129")])
def test_sigterm_or_sighup_while_writing_a_note_restores_the_screen_and_hands_it_back(
    terminal, number: int, status: str
) -> None:
    """SIGTERM (a `kill`) or SIGHUP (a closed terminal) killed the app on its full-screen
    display, the note being written lost: now it ends as SIGINT does, exit 128 + the
    signal's number, the screen restored and the note's words printed after it."""
    term, mark = terminal
    _open_002(term)
    term.keys("c")
    term.wait_for("Enter saves")
    term.keys("words", "Space", "kept")
    time.sleep(0.5)
    os.kill(_app(mark), number)
    assert _ended(term, mark, "the signal") == status
    printed = term.log.read_bytes().decode("utf-8", "replace")
    assert "not saved" in printed and "words kept" in printed
