"""Read a file into a Document: strict UTF-8, digest of the stored bytes, format by extension.

`decoding` is the one strict decoder: it never raises, and names every problem that
keeps bytes from being a text this tool reads, each with its position. `load` (and so
`report`, `review` and `add`) refuses the first of them; `check` reports them all
(`provenance.hygiene`), from the same decoding.

A capture the corpus records in another encoding (a crawled page in windows-1252 or
Shift_JIS, kept byte for byte: the manifest's `encoding`) is decoded strictly in that
one, by `decoded_as`, which `scan` reads declared charsets with too.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import webencodings

from provenance.errors import InputError
from provenance.lines import Lines
from provenance.model import Document, Format

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
"""A UTF-16 file (Windows' "Unicode" text) starts with one: its NULs are not binary data."""
_FORMATS = {
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
}
PAGE_SUFFIXES = frozenset({".txt", ".text", ".srt", ".vtt", *_FORMATS})
"""What a capture page is named: plain text (subtitles too), and the formats `format_of`
knows."""
_CHARSET = re.compile(
    r"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    r"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_CHARSET_HEAD = 4096
"""Bytes of an HTML page searched for a charset declaration."""

ProblemKind = Literal["empty", "nul", "not-utf8", "not-decodable", "no-text", "html-charset"]
UTF8 = "utf-8"
"""The encoding of a capture unless its manifest entry records another."""


@dataclass(frozen=True, slots=True)
class DecodeProblem:
    """One reason the bytes are not a clean UTF-8 text, with where it is."""

    kind: ProblemKind
    message: str
    offset: int | None = None
    """`str` index into the text without its BOM; a byte offset when the bytes do not
    decode (`not-utf8` or `not-decodable`, and `nul` then) and for `html-charset`; None
    for the whole file."""
    line: int | None = None
    """1-based, counted by line feed; None for the whole file."""
    column: int | None = None
    """1-based: characters of decoded text, bytes where `offset` is a byte offset."""

    @property
    def refused(self) -> bool:
        """True if `load` refuses the file for it: all but a contradicting charset
        declaration, which is read as UTF-8 all the same and recorded."""
        return self.kind != "html-charset"


@dataclass(frozen=True, slots=True)
class Decoded:
    """What the strict decoder made of one file's bytes."""

    text: str | None
    """Strict decoding without the BOM; None when the bytes do not decode."""
    bom: bool
    declared_charset: str | None
    """An HTML page's declared charset when it reads the bytes otherwise than UTF-8 does."""
    problems: tuple[DecodeProblem, ...]
    """In this order: empty, NUL, not UTF-8, charset, only whitespace."""


def decoding(data: bytes, *, html: bool = False, encoding: str = UTF8) -> Decoded:
    """Decode `data` strictly as UTF-8 (or as `encoding`) and name every problem, with
    its position.

    A NUL anywhere makes a binary file. An HTML page may declare any charset that reads
    its bytes as UTF-8 reads them (`us-ascii` on ASCII bytes, say); one that would read
    them otherwise is an `html-charset` problem, and the text is still UTF-8's.

    >>> [p.kind for p in decoding(b"ab\\x00c").problems]
    ['nul']
    >>> decoding(b"ok\\ncaf\\xe9").problems[0].message
    'not valid UTF-8 at byte 6 (0xe9)'
    >>> decoding("\\ufeffok".encode("utf-16-le")).problems[0].message[:11]
    'UTF-16 text'
    >>> decoding(b'<meta charset="us-ascii"><p>plain</p>', html=True).problems
    ()
    >>> decoding(b"\\x93double freezing\\x94", encoding="windows-1252").text
    '“double freezing”'
    """
    if not data:
        return Decoded(None, False, None, (DecodeProblem("empty", "empty file (0 bytes)"),))
    if not is_utf8(encoding):
        return _decoding_as(data, encoding)
    problems: list[DecodeProblem] = []
    bom = data.startswith(_BOM)
    skip = len(_BOM) if bom else 0
    try:
        text: str | None = data[skip:].decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        text = None
        bad = error.start + skip
    if text is None and data[:2] in _UTF16_BOMS:
        message = "UTF-16 text (a UTF-16 byte-order mark opens it), not UTF-8: save it as UTF-8"
        return Decoded(
            None, False, None, (DecodeProblem("not-utf8", message, 0, *Lines(data).at(0)),)
        )
    nul = data.find(b"\x00") if text is None else text.find("\x00")
    if nul >= 0:
        where = Lines(data if text is None else text).at(nul)
        unit = "byte" if text is None else "character"
        message = f"binary file (NUL at {unit} {nul}), not text"
        problems.append(DecodeProblem("nul", message, nul, *where))
    if text is None:
        message = f"not valid UTF-8 at byte {bad} (0x{data[bad : bad + 1].hex()})"
        problems.append(DecodeProblem("not-utf8", message, bad, *Lines(data).at(bad)))
        return Decoded(None, bom, None, tuple(problems))
    declared = _contradicting_charset(data, text) if html else None
    if declared is not None:
        name, at = declared
        message = f"declares charset {name!r}, which would read its UTF-8 bytes otherwise"
        problems.append(DecodeProblem("html-charset", message, at, *Lines(data).at(at)))
    if not text or text.isspace():  # not text.strip(), which copies the whole text
        problems.append(DecodeProblem("no-text", "no text (only whitespace)"))
    return Decoded(text, bom, declared[0] if declared else None, tuple(problems))


def _decoding_as(data: bytes, encoding: str) -> Decoded:
    """`decoding` in an encoding other than UTF-8, recorded for the capture: the same
    problems but two. A UTF-8 byte-order mark is one (the bytes say they are UTF-8); a
    charset the page declares is none (the recorded encoding is the decision on its
    bytes). A UTF-16 byte-order mark is its encoding's own, and read past."""
    if data.startswith(_BOM):
        message = f"starts with a UTF-8 byte-order mark (EF BB BF), not {read_as(encoding)} text"
        problem = DecodeProblem("not-decodable", message, 0, 1, 1)
        return Decoded(None, True, None, (problem,))
    try:
        text = decoded_as(data, encoding)
    except UnicodeDecodeError as error:
        bad = error.start
        message = f"not valid {read_as(encoding)} at byte {bad} (0x{data[bad : bad + 1].hex()})"
        try:  # the line and column of the text read before it, in characters
            line, column = Lines(before := decoded_as(data[:bad], encoding)).at(len(before))
        except UnicodeDecodeError:
            line, column = Lines(data).at(bad)
        problem = DecodeProblem("not-decodable", message, bad, line, column)
        return Decoded(None, False, None, (problem,))
    problems: list[DecodeProblem] = []
    nul = text.find("\x00")
    if nul >= 0:
        message = f"binary file (NUL at character {nul}), not text"
        problems.append(DecodeProblem("nul", message, nul, *Lines(text).at(nul)))
    if not text or text.isspace():
        problems.append(DecodeProblem("no-text", "no text (only whitespace)"))
    return Decoded(text, False, None, tuple(problems))


def encoding_name(label: str) -> str | None:
    """The WHATWG Encoding Standard's name of the encoding `label` names, as a browser
    reads a page declaring it ("latin1", "ISO-8859-1" and "us-ascii" are windows-1252,
    "x-sjis" is shift_jis); None for a label the standard does not know, or whose
    decoder only says the page cannot be read ("replacement": iso-2022-kr, hz-gb-2312).
    Names are looked up by `webencodings`, the table html5lib reads pages with; Python's
    spelling of a web encoding ("latin-1", "shift-jis") is taken too, but none of
    Python's own codecs that no page can declare ("unicode_escape", "undefined").

    >>> encoding_name(" Latin1 "), encoding_name("x-sjis"), encoding_name("unicode_escape")
    ('windows-1252', 'shift_jis', None)
    """
    if not isinstance(label, str):
        return None
    found = webencodings.lookup(label)
    if found is None:  # Python's spelling of a web encoding ("latin-1", "shift-jis")
        try:
            found = webencodings.lookup(codecs.lookup(label.strip()).name)
        except LookupError:
            return None
    return None if found is None or found.name == "replacement" else str(found.name)


def is_utf8(encoding: str) -> bool:
    """Whether `encoding` names UTF-8 (any label of it, in any case)."""
    return encoding_name(encoding) == "utf-8"


def known_encoding(encoding: str) -> bool:
    """Whether `encoding` names an encoding this tool can decode (`encoding_name`)."""
    return encoding_name(encoding) is not None


def read_as(encoding: str) -> str:
    """The name of what `decoded_as` reads `encoding` as (`encoding_name`), or `encoding`
    itself for a label no encoding has.

    >>> read_as("ISO-8859-1"), read_as("Shift_JIS")
    ('windows-1252', 'shift_jis')
    """
    return encoding_name(encoding) or encoding


def decoded_as(data: bytes, encoding: str) -> str:
    """`data` decoded strictly in `encoding`, as the WHATWG Encoding Standard decodes it.

    A UTF-16 byte-order mark decides the encoding whatever the label says, and is read
    past. windows-1252 leaves no byte undefined (the five it does not assign stay the C1
    controls), and the labels ISO-8859-1, Latin-1 and US-ASCII are its: a page declaring
    ISO-8859-1 writes its curly quotes as bytes 0x91-0x94, which Latin-1 reads as C1
    controls. Shift_JIS, EUC-KR and GBK are read by their Windows supersets (cp932, cp949,
    gb18030), as browsers read them.

    >>> decoded_as(b"it\\x92s", "iso-8859-1") == "it\\u2019s"
    True
    >>> decoded_as("ok".encode("utf-16"), "windows-1252")  # a byte-order mark decides
    'ok'

    Raises:
        UnicodeDecodeError: A byte sequence `encoding` does not define.
        LookupError: `encoding` names no encoding (see `known_encoding`).
    """
    name = encoding_name(encoding)
    if name is None:
        problem = f"unknown encoding {encoding!r}"
        raise LookupError(problem)
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16")
    if name == "windows-1252":
        return data.decode("latin-1").translate(_WINDOWS_1252)
    if name == "utf-8":
        return data.decode("utf-8").removeprefix("\ufeff")
    return data.decode(_codec(name))


def _codec(name: str) -> str:
    """Python's codec for an encoding `encoding_name` names."""
    return "gb18030" if name == "gbk" else str(webencodings.lookup(name).codec_info.name)


def mislabelled(data: bytes, encoding: str) -> str | None:
    """Why `data` cannot be in `encoding`, when its bytes are UTF-8 (valid, and not all
    ASCII) and `encoding` is another: a page saved as UTF-8, or a site that moved to it,
    would be read as other characters than it shows. None otherwise.

    >>> mislabelled("café".encode(), "windows-1252")
    'its bytes are UTF-8 (valid, not all ASCII), which windows-1252 would read as other characters'
    >>> mislabelled(b"caf\\xe9", "windows-1252") is None
    True

    UTF-16 writes a NUL byte in every ASCII character (a space, a full stop), so bytes
    with no NUL and no UTF-16 byte-order mark that read as UTF-8 are UTF-8, even ASCII:

    >>> mislabelled(b"The Parties agree.", "utf-16").partition(", which")[0]
    'its bytes are UTF-8 (valid, no NUL byte, no UTF-16 byte-order mark)'
    >>> mislabelled("The Parties agree.".encode("utf-16-le"), "utf-16") is None
    True
    """
    name = encoding_name(encoding)
    if name in ("utf-16le", "utf-16be"):
        if not data or data.startswith(_UTF16_BOMS) or b"\0" in data:
            return None  # empty: that is its problem, not its encoding
        what = "valid, no NUL byte, no UTF-16 byte-order mark"
    elif name is None or name == "utf-8" or data.isascii():
        return None
    else:
        what = "valid, not all ASCII"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return f"its bytes are UTF-8 ({what}), which {name} would read as other characters"


def not_utf16(data: bytes, encoding: str) -> str | None:
    """Why `data` cannot be the UTF-16 `encoding` names: a page with no NUL byte and no
    UTF-16 byte-order mark, longer than a line of Chinese might be, is in a single-byte
    encoding (windows-1252, say), which UTF-16 would read as other characters. UTF-16
    writes a NUL in every space, line break, digit and Latin letter. None otherwise.

    >>> not_utf16("Caf\\xe9 ".encode("cp1252") * 13, "utf-16").partition(", where")[0]
    'its 65 bytes hold no NUL byte and no UTF-16 byte-order mark'
    >>> not_utf16("朝鲜半岛".encode("utf-16-le"), "utf-16") is None
    True
    >>> not_utf16("The Parties agree.".encode("utf-16-be"), "utf-16").partition(":")[0]
    'its NUL bytes stand where utf-16be puts them (18 against 0)'
    """
    name = encoding_name(encoding)
    if name not in ("utf-16le", "utf-16be") or data.startswith(_UTF16_BOMS):
        return None
    if b"\0" in data:
        # A NUL is the high byte of a Latin character: the second of its two bytes in
        # little-endian UTF-16, the first in big-endian. Read in the other order, every
        # such character is a CJK one ("S" "o" as "匀" "漀").
        first, second = data[0::2].count(0), data[1::2].count(0)
        other = "utf-16be" if name == "utf-16le" else "utf-16le"
        ours, theirs = (second, first) if name == "utf-16le" else (first, second)
        if theirs >= _UTF16_NULS and theirs > _UTF16_ORDER * ours:
            return (
                f"its NUL bytes stand where {other} puts them ({theirs} against {ours}): "
                f"{other}, not {name}"
            )
        return None
    if len(data) < _UTF16_WITHOUT_NUL:
        return None
    return (
        f"its {len(data)} bytes hold no NUL byte and no UTF-16 byte-order mark, where UTF-16 "
        f"writes a NUL in every space, line break and Latin letter: not {name}"
    )


_UTF16_NULS = 8
_UTF16_ORDER = 4
"""NUL bytes in the other byte order, and how many times those in the named one, from
which UTF-16 text is in the other order (a Latin page: all in one)."""


_UTF16_WITHOUT_NUL = 64
"""Bytes from which UTF-16 with no NUL at all is not a page: 32 characters, not one of
them a space, a line break, a digit or a Latin letter (a short Chinese line may be)."""


def written_in(data: bytes, encoding: str) -> str:
    """The name of the encoding `decoded_as` reads `data` in: the one a UTF-16 byte-order
    mark opening it says, whatever the label, else `read_as(encoding)`. What a capture's
    record gives, so that it says how its bytes are read.

    >>> written_in("ok".encode("utf-16-be"), "utf-16"), written_in(b"ok", "latin1")
    ('utf-16le', 'windows-1252')
    >>> written_in(codecs.BOM_UTF16_BE + "ok".encode("utf-16-be"), "utf-16")
    'utf-16be'
    """
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16be"
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16le"
    return read_as(encoding)


_WINDOWS_1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in b"\x81\x8d\x8f\x90\x9d"
}
"""Latin-1's code point of each byte 0x80-0x9F to windows-1252's character (the five
bytes windows-1252 leaves undefined stay the C1 controls, as the standard says)."""


def _contradicting_charset(data: bytes, text: str, encoding: str = UTF8) -> tuple[str, int] | None:
    """The first declared charset (and its byte offset) that reads `text`'s bytes otherwise
    than `encoding` does."""
    head = data[:_CHARSET_HEAD].decode("latin-1")  # one character per byte: offsets are bytes
    for match in _CHARSET.finditer(head):
        name = (match.group(1) or match.group(2)).lower()
        if not _reads_alike(name, text, encoding):
            return name, match.start()
    return None


def _reads_alike(charset: str, text: str, encoding: str = UTF8) -> bool:
    """True if `charset` encodes `text` to the very bytes `encoding` does (ASCII in
    us-ascii, windows-1252 in iso-8859-1: `encoding_name`)."""
    ours, theirs = encoding_name(encoding) or "utf-8", encoding_name(charset)
    if theirs is None:
        return False  # unknown
    if theirs == ours:
        return True
    try:
        return codecs.encode(text, _codec(theirs)) == codecs.encode(text, _codec(ours))
    except UnicodeError:  # unencodable
        return False


def load(path: Path | str, *, id: str | None = None, encoding: str = UTF8) -> Document:
    """Read `path` and return it decoded, with the digest of its bytes.

    Args:
        path: The file to read.
        id: The document id; the file's stem by default.
        encoding: What its bytes are written in (a corpus entry's `encoding`).

    Returns:
        A Document whose `text` is the strict decoding (a BOM is recorded and stripped).

    Raises:
        InputError: Missing, a directory, unreadable, empty, binary or not valid UTF-8
            (or `encoding`).
    """
    path = Path(path)
    data = read_bytes(path)
    return decode(path, data, id=id, encoding=encoding)


def load_page(path: Path | str, *, id: str | None = None) -> Document:
    """`load`, except that a page whose bytes are not UTF-8 is read as a browser and
    `scan` read it: in UTF-16 when a UTF-16 byte-order mark opens it, an HTML page in
    the charset it declares (`<meta charset>`). For a page given to `report --reference`
    or `diff`, outside a corpus, which records an encoding instead.

    Raises:
        InputError: As `load`: for a page declaring no charset, the UTF-8 problem; for
            one whose bytes its declared charset does not read either, both.
    """
    path = Path(path)
    data = read_bytes(path)
    try:
        return decode(path, data, id=id)
    except InputError:
        if data.startswith(_UTF16_BOMS):  # its byte-order mark says which, as in a browser
            return decode(path, data, id=id, encoding="utf-16le")
        declared = declared_charset(data) if format_of(path) is Format.HTML else None
        if declared is None or is_utf8(declared) or not known_encoding(declared):
            raise
        try:
            return decode(path, data, id=id, encoding=read_as(declared))
        except InputError as error:
            problem = f"{_utf8_problem(data)}, nor in the charset it declares: {error.problem}"
            raise InputError(path, problem) from None


def load_reference(path: Path | str) -> Document:
    """The reference given as a file outside a corpus (`report --reference`, `scan
    --reference`): `load_page`, its text without the spaces and blank lines around it, as
    `add --reference` records it. A file saved with a final line break is the statement;
    read whole, every full copy fell one character short of it, a material truncation.

    Raises:
        InputError: As `load_page` (which refuses a file of nothing but spaces).
    """
    document = load_page(path)
    text = document.text.strip()
    if text == document.text:
        return document
    data = text.encode("utf-8")
    return replace(
        document, text=text, size=len(data), sha256=hashlib.sha256(data).hexdigest(), bom=False
    )


def declared_charset(data: bytes) -> str | None:
    """The first charset an HTML page's head declares (`<meta charset>`, a Content-Type
    `<meta http-equiv>`, or an XHTML page's `<?xml encoding>`), if any. `load_page` and
    `scan` read a page that is not UTF-8 in it.

    >>> declared_charset(b'<?xml version="1.0" encoding="windows-1251"?><html>')
    'windows-1251'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    'koi8-r'
    """
    match = _CHARSET.search(data[:_CHARSET_HEAD].decode("latin-1"))
    return None if match is None else (match.group(1) or match.group(2))


def _utf8_problem(data: bytes) -> str:
    return next(p.message for p in decoding(data).problems if p.refused)


MAX_SIZE = 16 * 1024 * 1024
"""Default limit on one input file, in bytes (16 MiB). A captured article is tens of
kilobytes and the heaviest web pages a few megabytes; far bigger inputs are mistakes
(a log, a dump) that would take minutes and gigabytes. `--max-size` changes it."""

_limit = MAX_SIZE


def set_max_size(limit: int) -> None:
    """Refuse files over `limit` bytes from now on (0: no limit); the CLI's `--max-size`."""
    global _limit
    _limit = limit


def read_bytes(path: Path, *, limited: bool = True) -> bytes:
    """The bytes of `path`, or an InputError that says in one line why not.

    Only a regular file is read (a symlink to one is followed): a FIFO, socket or device
    is refused at once, never waited on, and so is a file over the size limit, unless not
    `limited` (the corpus's own manifest and decision file: `--max-size` is for inputs).
    """
    limit = _limit if limited else 0
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
        raise InputError(path, f"is {special_file(info.st_mode)}, not a regular file")
    with os.fdopen(fd, "rb") as handle:
        if limit and info.st_size > limit:
            raise InputError(
                path,
                f"{info.st_size:,} bytes, over the size limit of {limit:,} "
                "(raise it with --max-size)",
            )
        try:
            # What it holds and a byte more (not `limit` bytes: a buffer of --max-size
            # 100G would be allocated); the rest only if it grew since it was opened.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read()
        except OSError as error:
            raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if limit and len(data) > limit:  # grew while we read, or st_size was not the truth
        raise InputError(path, f"over the size limit of {limit:,} bytes (raise it with --max-size)")
    return data


def special_file(mode: int) -> str:
    """What a file that is not a regular file is, by its `st_mode`, for an error message."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def format_of(path: Path) -> Format:
    """The format a file's extension says it has."""
    return _FORMATS.get(path.suffix.lower(), Format.TEXT)


def decode(
    path: Path,
    data: bytes,
    *,
    id: str | None = None,
    decoded: Decoded | None = None,
    encoding: str = UTF8,
) -> Document:
    """Decode stored bytes into a Document (see `load`).

    Args:
        decoded: `decoding(data, encoding=encoding)` when the caller has it already, so
            bytes decode once.
        encoding: What the bytes are written in.

    Raises:
        InputError: The first problem of the decoding that `load` refuses, or single-byte
            text under UTF-16 (`not_utf16`).
    """
    format = format_of(path)
    if not known_encoding(encoding):
        raise InputError(path, f"unknown encoding {encoding!r}")
    if other := not_utf16(data, encoding):  # it would decode, as other characters
        raise InputError(path, other)
    if decoded is None:
        decoded = decoding(data, html=format is Format.HTML, encoding=encoding)
    refused = next((p for p in decoded.problems if p.refused), None)
    if refused is not None or decoded.text is None:
        raise InputError(path, refused.message if refused else "does not decode")
    return Document(
        id=id if id is not None else path.stem,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=decoded.text,
        format=format,
        bom=decoded.bom,
        declared_charset=decoded.declared_charset,
        encoding=written_in(data, encoding),
    )


__all__ = [
    "UTF8",
    "DecodeProblem",
    "Decoded",
    "declared_charset",
    "decode",
    "decoded_as",
    "decoding",
    "encoding_name",
    "format_of",
    "is_utf8",
    "known_encoding",
    "load",
    "load_page",
    "mislabelled",
    "not_utf16",
    "read_as",
    "read_bytes",
    "special_file",
    "written_in",
]
