"""Read a file into a Document: strict UTF-8, digest of the stored bytes, format by extension."""

from __future__ import annotations

import hashlib
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


def read_bytes(path: Path) -> bytes:
    """The bytes of `path`, or an InputError that says in one line why not."""
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None


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
