"""Errors about the user's input, and the one set of exit codes."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ProvenanceError(Exception):
    """A problem with the user's input, reported as one line naming the file."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class InputError(ProvenanceError):
    """A file is missing, unreadable, empty, binary or not valid UTF-8."""


class CorpusError(ProvenanceError):
    """The corpus or its manifest is missing, inconsistent or unreadable."""


class ReviewStoreError(ProvenanceError):
    """The review file cannot be read or safely written."""


class ExitCode(IntEnum):
    """grep/diff convention: 0 clean, 1 findings, 2 could not run."""

    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130
