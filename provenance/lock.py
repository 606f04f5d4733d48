"""The corpus write lock: one read-modify-write of the manifest or the decisions at a time.

Each write is atomic already (`provenance.atomic`), but a read-modify-write is not: two
`provenance decide` started together each read the old file and the second save drops
the first one's decision. Holding this lock from the read to the rename makes them take
turns. It is an exclusive `flock` on the corpus directory itself, so no lock file is
ever left behind in the evidence; the system releases it when the process ends, however
it ends. Where `fcntl` is missing (Windows) writes stay atomic but are not serialised.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from provenance.errors import CorpusError, ProvenanceError

WAIT = 60.0
"""Seconds to wait for another writer before giving up with an error, never for ever."""


@contextmanager
def locked(
    directory: Path, *, wait: float = WAIT, error: type[ProvenanceError] = CorpusError
) -> Iterator[None]:
    """Hold the write lock of the corpus in `directory` for the `with` block.

    Raises:
        error: Another process held it for `wait` seconds, or the directory cannot be
            opened (CorpusError unless the caller names another, as atomic_write does).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except FileNotFoundError:
        raise error(directory, "corpus directory does not exist") from None
    except OSError as problem:
        raise error(directory, f"cannot lock: {problem.strerror or problem}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    held = f"another provenance process has held its lock for {wait:.0f} s"
                    raise error(directory, held) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing the only descriptor releases the lock


__all__ = ["WAIT", "locked"]
