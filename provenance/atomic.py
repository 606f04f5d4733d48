"""The one atomic file writer: readers see the old file or the new one, never half of one.

The bytes go to a temporary file in the target's directory (so the rename stays on one
file system), are flushed and fsynced, and the file takes the target's name in one step
(`os.replace`, or a hard link when the target must not exist yet); then the directory
is fsynced so the new name survives a crash. A replaced file keeps its permission bits;
a new one gets what the umask gives (0644 under the usual 022), as `open` would.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from provenance.errors import ProvenanceError

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


TEMP_NAME = re.compile(r"\..+\.[A-Za-z0-9_]{6,16}\.tmp")
"""The name of a temp file `atomic_write` (and `add`) writes beside its target
(`.reviews.jsonl.9f0c2b7d1e4a.tmp`): one left in a corpus is an interrupted write's."""


def atomic_write(
    path: Path,
    data: bytes | Iterable[bytes],
    *,
    error: type[ProvenanceError] = ProvenanceError,
    exclusive: bool = False,
) -> None:
    """Write `data` to `path` atomically.

    Args:
        path: The file to write.
        data: Its new bytes, or an iterable of them, written one after another (so a
            long file need not be held in memory at once).
        error: The error to raise, naming `path` (ReviewStoreError, CorpusError, ...).
        exclusive: Refuse to replace an existing `path` (it is linked, never renamed, into
            place, so there is no window in which another file of that name is overwritten).

    Raises:
        error: The directory is not writable, the disk is full, `path` is read-only (a
            rename would replace it all the same), or (exclusive) `path` exists.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if not exclusive else None
    except FileNotFoundError:
        mode = None
    except OSError as problem:
        raise error(path, f"cannot write: {problem.strerror or problem}") from None
    if mode is not None and not mode & 0o222:
        # made read-only on purpose (chmod 444): a rename would replace it all the same
        raise error(path, "is read-only (no write permission): not saved")
    temp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(temp, _CREATE, 0o666)  # the umask applies, as for any new file
    except OSError as problem:
        raise error(path, f"cannot write: {problem.strerror or problem}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            for chunk in (data,) if isinstance(data, bytes) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            os.link(temp, path)  # fails if the name exists
        else:
            temp.replace(path)
        _fsync_directory(path.parent)
    except FileExistsError:
        raise error(path, "already exists; refusing to overwrite it") from None
    except OSError as problem:
        raise error(path, f"cannot write: {problem.strerror or problem}") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()  # after a link, or after a failure; gone already after a rename


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


__all__ = ["atomic_write"]


def line_ends_kept(original: str, new: str) -> str:
    r"""`new`, its line breaks written as `original` writes its own: a file saved with
    Windows line ends ("\r\n" throughout) that a command rewrites keeps them, rather than
    mixing in the "\n" of the lines the command writes.

    >>> line_ends_kept("a\r\nb\r\n", "a\nb\nc\n"), line_ends_kept("a\nb\n", "a\nb\nc\n")
    ('a\r\nb\r\nc\r\n', 'a\nb\nc\n')
    """
    crlf = original.count("\r\n")
    if not crlf or crlf != original.count("\n"):
        return new
    return _LONE_NEWLINE.sub("\r\n", new)


_LONE_NEWLINE = re.compile(r"(?<!\r)\n")
