"""Errors about the user's input, and the one set of exit codes."""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path


class ProvenanceError(Exception):
    """A problem with the user's input, reported as one line naming the file."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(one_line(f"{path}: {problem}"))
        self.path = Path(path)
        self.problem = problem


def one_line(text: str) -> str:
    """`text` as one line of plain characters, whatever a file name holds: a line break is
    shown "\\n", an escape or another control character "\\x1b" (it would otherwise
    recolour or retitle the reader's terminal).

    >>> one_line("new\\nline.txt"), one_line("e\\x1b[31mred")
    ('new\\\\nline.txt', 'e\\\\x1b[31mred')
    """
    return text.translate(_ONE_LINE)


_ONE_LINE = {
    **{c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0)) if c != 0x09},
    0x0A: "\\n",
    0x0D: "\\r",
}


class InputError(ProvenanceError):
    """A file is missing, unreadable, empty, binary or not valid UTF-8."""


class CorpusError(ProvenanceError):
    """The corpus or its manifest is missing, inconsistent or unreadable."""


class ReviewStoreError(ProvenanceError):
    """The review file cannot be read or safely written; `line` and `column` (1-based)
    say where, when one line of it is at fault."""

    def __init__(
        self, path: Path | str, problem: str, *, line: int | None = None, column: int | None = None
    ) -> None:
        super().__init__(path, problem)
        self.line = line
        self.column = column


class ExitCode(IntEnum):
    """grep/diff convention: 0 clean, 1 findings, 2 could not run."""

    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130
    TERMINATED = 143
    """SIGTERM (128 + 15), which `scan` handles as Ctrl-C: its shards done are kept."""


@dataclass(frozen=True, slots=True)
class Failure:
    """One input a batch could not use, said in one line; the batch goes on without it."""

    path: Path
    problem: str
    log: Path | None = None
    """The file holding the traceback, when the cause is a bug rather than the input."""

    def __str__(self) -> str:
        return one_line(f"{self.path}: {self.problem}")

    def to_json(self) -> dict[str, str | None]:
        """The failure as an `errors` entry of a JSON report."""
        return {
            "path": str(self.path),
            "problem": self.problem,
            "log": str(self.log) if self.log is not None else None,
        }

    @classmethod
    def of(cls, path: Path, error: Exception) -> Failure:
        """The failure for `error`: its own one line for our errors, a logged bug otherwise."""
        if isinstance(error, ProvenanceError):
            return cls(path, error.problem)
        log = write_log(error)
        return cls(path, f"internal error ({brief(error)}); {logged(log)}", log)


def write_log(error: BaseException) -> Path | None:
    """Write `error`'s traceback to a new log file and return its path (None if it cannot).

    The directory is $PROVENANCE_LOG_DIR, else the system's temp directory; each file
    is new, so no run overwrites another's log.
    """
    directory = Path(os.environ.get("PROVENANCE_LOG_DIR") or tempfile.gettempdir())
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f"provenance-{stamp}-", suffix=".log", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return Path(name)


def logged(log: Path | None) -> str:
    """Where the traceback is, for the one line that reports a bug."""
    return f"traceback in {log}" if log is not None else "no log could be written"


def brief(error: BaseException) -> str:
    """`ValueError: invalid span 3..2`, on one line and not too long."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= 200 else text[:199] + "…"
