"""Read a file into a Document: strict UTF-8, digest of the stored bytes, format by extension."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from provenance.errors import InputError
from provenance.model import Document, Format

_BOM = b"\xef\xbb\xbf"
_FORMATS = {
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
}


def load(path: Path | str, *, id: str | None = None) -> Document:
    """Read `path` and return it decoded, with the digest of its bytes.

    Args:
        path: The file to read.
        id: The document id; the file's stem by default.

    Returns:
        A Document whose `text` is the strict UTF-8 decoding (a BOM is recorded and stripped).

    Raises:
        InputError: Missing, a directory, unreadable, empty, binary or not valid UTF-8.
    """
    path = Path(path)
    data = read_bytes(path)
    return decode(path, data, id=id)


MAX_SIZE = 16 * 1024 * 1024
"""Default limit on one input file, in bytes (16 MiB). A captured article is tens of
kilobytes and the heaviest web pages a few megabytes; far bigger inputs are mistakes
(a log, a dump) that would take minutes and gigabytes. `--max-size` changes it."""

_limit = MAX_SIZE


def set_max_size(limit: int) -> None:
    """Refuse files over `limit` bytes from now on (0: no limit); the CLI's `--max-size`."""
    global _limit
    _limit = limit


def read_bytes(path: Path) -> bytes:
    """The bytes of `path`, or an InputError that says in one line why not.

    Only a regular file is read (a symlink to one is followed): a FIFO, socket or device
    is refused at once, never waited on, and so is a file over the size limit.
    """
    try:
        # O_NONBLOCK: opening a FIFO would otherwise wait for a writer, for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory, not a file")
        raise InputError(path, f"is {_special(info.st_mode)}, not a regular file")
    with os.fdopen(fd, "rb") as handle:
        if _limit and info.st_size > _limit:
            raise InputError(
                path,
                f"{info.st_size:,} bytes, over the size limit of {_limit:,} "
                "(raise it with --max-size)",
            )
        try:
            data = handle.read(_limit + 1) if _limit else handle.read()
        except OSError as error:
            raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if _limit and len(data) > _limit:  # grew while we read, or st_size was not the truth
        raise InputError(
            path, f"over the size limit of {_limit:,} bytes (raise it with --max-size)"
        )
    return data


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def decode(path: Path, data: bytes, *, id: str | None = None) -> Document:
    """Decode stored bytes into a Document (see `load`)."""
    if not data:
        raise InputError(path, "empty file")
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise InputError(path, f"binary file (NUL byte at byte {nul}), not text")
    bom = data.startswith(_BOM)
    body = data[len(_BOM) :] if bom else data
    try:
        text = body.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        offset = error.start + (len(_BOM) if bom else 0)
        raise InputError(path, f"not valid UTF-8 at byte {offset}") from None
    if not text.strip():
        raise InputError(path, "no text (only whitespace)")
    return Document(
        id=id if id is not None else path.stem,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=text,
        format=_FORMATS.get(path.suffix.lower(), Format.TEXT),
        bom=bom,
    )
