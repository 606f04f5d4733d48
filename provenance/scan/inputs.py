"""Read a collection as shards of records: directories, JSON Lines and WARC files.

A shard is the unit of work and of resuming: a batch of files of a directory, a byte
range of a JSON Lines file (cut at line starts; for `.jsonl.gz`, a range of the
decompressed stream, which the client reads for the worker as a `Chunk`, since a gzip
stream cannot be entered in the middle), or a range of a WARC file. Reading a shard yields
`Record`s (a document's stored bytes with where they came from) and `Problem`s (what
could not be read, with the source and offset); a problem never stops the shard.

WARC files are planned and read by `provenance.scan.warc`.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import itertools
import json
import os
import re
import stat
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

import msgspec
from isal import igzip, isal_zlib

from provenance.errors import InputError
from provenance.load import PAGE_SUFFIXES, format_of, special_file
from provenance.scan import warc
from provenance.scan.records import (
    Chunk,
    Counts,
    Problem,
    Record,
    Shard,
    cannot_read,
    meta_charset,
    too_big,
)

SHARD_BYTES = 4 * 2**20
"""Target size of a shard of an uncompressed JSON Lines file or of a batch of files: small
enough that a few workers share 100 MB evenly (the engine's time follows the copies, not
the bytes), large enough that a shard's overhead (a task, a result file) is nothing."""

WARC_SUFFIXES = warc.SUFFIXES
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


@dataclass(frozen=True, slots=True)
class Fields:
    """The field names of a JSON Lines object (`--id-field` and friends)."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"
    date: str = "date"


def unknown_fields(path: Path, fields: Fields, lines: int = 20) -> str | None:
    """What is wrong with the field names for the JSON Lines file `path`, judged on its
    first `lines` objects: none of them has the id field, or none has the text or the
    html field (a misspelt `--text-field` would make every document an error entry, and
    with `--allow-errors` a scan of nothing look like success). None when they are there,
    or when the file has no object to tell by (its lines are the scan's to report).
    """
    seen: list[dict[str, object]] = []
    try:
        if not path.is_file():
            return None  # a FIFO, never opened (it would be waited on): planning says so
        with _opened(path) as stream:
            for line in itertools.islice(stream, lines * 4):
                with contextlib.suppress(ValueError):
                    obj = json.loads(line)
                    if isinstance(obj, dict):
                        seen.append(obj)
                if len(seen) >= lines:
                    break
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile):
        return None  # unreadable: the scan's error entry says so
    if not seen:
        return None
    keys = ", ".join(sorted({key for obj in seen for key in obj})[:12])
    first = f"none of its first {len(seen)} objects has" if len(seen) > 1 else "its object lacks"
    if not any(fields.id in obj for obj in seen):
        return f"{first} the field {fields.id!r} (theirs: {keys}): set --id-field"
    if not any(fields.text in obj or fields.html in obj for obj in seen):
        return (
            f"{first} the field {fields.text!r} or {fields.html!r} (theirs: {keys}): set "
            "--text-field or --html-field"
        )
    return None


def _opened(path: Path) -> contextlib.AbstractContextManager[io.BufferedIOBase]:
    if path.name.lower().endswith(".gz"):
        return cast("contextlib.AbstractContextManager[io.BufferedIOBase]", gzip.open(path, "rb"))
    return cast("contextlib.AbstractContextManager[io.BufferedIOBase]", path.open("rb"))


def plan(
    inputs: list[Path],
    *,
    shard_bytes: int = SHARD_BYTES,
    passed: Counter[str] | None = None,
    said: list[str] | None = None,
) -> list[Shard]:
    """The shards of `inputs`, in a fixed order (the same inputs give the same plan).

    A directory gives the batches of its pages, then the shards of each collection file
    under it (JSON Lines, WARC), in sorted path order, each cut as if named on its own. A
    page named on its own is a batch of one. Files under a directory of kinds a scan does
    not read (a PDF, an ARC file, a `.warc.zst`) are counted in `passed` by extension, so
    that a directory of them does not pass for a collection holding nothing. A file under a
    directory that is a link to another file read there is read once, as that file (a
    line in `said` names the link).

    An input, or a directory under one, that cannot be read is an "unreadable" shard:
    reading it is its problem, an errors-file entry.

    Raises:
        ValueError: An input is missing or of a kind that cannot be scanned.
    """
    shards: list[Shard] = []
    for path in inputs:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            mode = None  # said below, as for a broken link
        except OSError as error:  # in a directory the user may not enter, for one
            shards.append(Shard("unreadable", str(path), problem=cannot_read(error)))
            continue
        if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            # never opened: a FIFO would be waited on for ever
            msg = f"{path}: is {special_file(mode)}, not a regular file or a directory"
            raise ValueError(msg)
        if path.is_dir():
            pages, collections, unreadable = _directory_files(path, passed)
            pages, collections = _once(pages, said), _once(collections, said)
            shards.extend(_page_shards(path, pages, shard_bytes))
            for file in collections:
                shards.extend(_collection_shards(file, shard_bytes))
            shards.extend(unreadable)
        elif not path.is_file():
            msg = f"{path}: no such file or directory"
            raise ValueError(msg)
        elif is_collection(path):
            shards.extend(_collection_shards(path, shard_bytes))
        elif path.suffix.lower() in PAGE_SUFFIXES:
            shards.extend(_page_shards(path.parent, [path], shard_bytes))  # one page
        else:
            msg = (
                f"{path}: not a directory, a page (.txt, .md, .html), .jsonl, .jsonl.gz, "
                ".warc(.gz) or .wet(.gz)"
            )
            raise ValueError(msg)
    return shards


def distinct(inputs: list[Path]) -> tuple[list[Path], list[str]]:
    """`inputs` less those another covers, so that no document is read twice under two ids
    (`scan coll coll/pages` gave each page as "pages/a.txt" and as "a.txt"); and a line
    for each one left out, saying which input covers it.

    Compared by real paths: an input under an input directory is left out for the
    outermost (its documents keep the ids that directory gives them), whatever the order
    they are named in; of two that are the same, the first stays. A file is placed where
    its directory really is (a link under a directory is read there as the file it names,
    while a directory that is a link is not walked into).
    """
    places = [_place(path) for path in inputs]
    directories: dict[Path, Path] = {}
    for path, (real, _, is_dir) in zip(inputs, places, strict=True):
        if is_dir:
            directories.setdefault(real, path)
    kept, said, seen = [], [], dict[Path, Path]()
    for path, (real, place, _) in zip(inputs, places, strict=True):
        outer = next((directories[p] for p in reversed(place.parents) if p in directories), None)
        if outer is not None:
            said.append(f"{path}: inside the input {outer}, scanned once as part of it")
        elif real in seen:
            said.append(f"{path}: the same as the input {seen[real]}, scanned once")
        else:
            seen[real] = path
            kept.append(path)
    return kept, said


def _place(path: Path) -> tuple[Path, Path, bool]:
    """An input's real path, where it is (its directory's real path and its name; a
    directory's real path), and whether it is a directory."""
    try:
        is_dir = path.is_dir()
    except OSError:  # where the user may not look: planning says so
        is_dir = False
    real = resolved(path)
    return real, real if is_dir else resolved(path.parent) / path.name, is_dir


def resolved(path: Path) -> Path:
    """`path.resolve()`, a symbolic link loop a one-line input error (Python raises a bare
    RuntimeError for it)."""
    try:
        return path.resolve()
    except RuntimeError:
        raise InputError(path, "Too many levels of symbolic links (a link loop)") from None


def is_collection(path: Path) -> bool:
    """Whether `path` is named as a collection file: JSON Lines (.jsonl, .jsonl.gz) or WARC."""
    return path.name.lower().endswith((*WARC_SUFFIXES, *JSONL_SUFFIXES))


def _collection_shards(path: Path, shard_bytes: int) -> list[Shard]:
    try:
        path.open("rb").close()  # planning reads most; a file it may not is no collection
    except OSError as error:
        return [Shard("unreadable", str(path), problem=cannot_read(error))]
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return warc.shards(path, shard_bytes)
    if name.endswith(".jsonl.gz"):
        return _jsonl_gz_shards(path, shard_bytes)
    return _jsonl_shards(path, shard_bytes)


GZIP_ERRORS = (EOFError, OSError, zlib.error)
"""What reading gzip data raises when it is cut short or corrupt (or cannot be read)."""


def gzip_problem(error: Exception) -> str:
    """The problem of gzip data that could not be read: cut short or corrupt, or refused
    by the system (an OSError with an errno; gzip's own have none)."""
    if isinstance(error, OSError) and error.errno is not None:
        return cannot_read(error)
    return f"truncated or corrupt compressed data: {error}"


Gate = Callable[[bytes], bool]
"""Whether a raw JSON line may hold a candidate (the prefilter over the line's bytes)."""


def read(
    shard: Shard,
    fields: Fields,
    counts: Counts,
    max_size: int = 0,
    chunk: Chunk | None = None,
    gate: Gate | None = None,
) -> Iterator[Record | Problem]:
    """Every record of `shard`, and a Problem for each thing that could not be read.

    A document of more than `max_size` bytes (0: no limit) is a Problem, never read whole
    when its size is known first (a file, a WARC record). A streamed shard is read from
    `chunk` (else from its file, decompressed from the start: right, but slow). A JSON
    line that the `gate` turns away is counted and checked, never parsed: only a problem
    comes of it (what it would give without the gate), no Record.
    """
    if shard.kind == "files":
        yield from _files(shard, counts, max_size)
    elif shard.kind == "unreadable":
        yield Problem(shard.path, 0, shard.problem)
    elif shard.start == 0 and shard.path.lower().endswith(".gz") and _empty(shard.path):
        # Python's gzip reads an empty file as empty data; gzip(1) calls it cut short.
        yield Problem(shard.path, 0, "empty file: no gzip data at all (cut short or never written)")
    elif shard.kind == "jsonl":
        with Path(shard.path).open("rb") as stream:
            stream.seek(shard.start)
            size = shard.end - shard.start if shard.end >= 0 else -1
            data = io.BytesIO(stream.read(size))  # one shard (4 MB): lines 10% cheaper
        lines = _jsonl(data.readline, shard, fields, counts, shard.start, shard.end, gate, max_size)
        yield from _limited(lines, max_size)
    elif shard.streamed:
        chunk = chunk or Chunks().read(shard)
        readline = io.BytesIO(chunk.data).readline
        lines = _jsonl(readline, shard, fields, counts, shard.start, -1, gate, max_size)
        yield from _limited(lines, max_size)
        if chunk.problem:
            yield Problem(shard.path, shard.start + len(chunk.data), chunk.problem)
    elif shard.kind == "jsonl.gz":
        with gzip.open(shard.path, "rb") as stream:
            lines = _jsonl(stream.readline, shard, fields, counts, 0, -1, gate, max_size)
            yield from _limited(lines, max_size)
    else:
        yield from warc.read(shard, counts, max_size)


def _empty(path: str) -> bool:
    try:
        return Path(path).stat().st_size == 0
    except OSError:
        return False  # reading it says what is wrong


def _limited(items: Iterator[Record | Problem], limit: int) -> Iterator[Record | Problem]:
    for item in items:
        if limit and isinstance(item, Record) and len(item.data) > limit:
            yield Problem(item.source, item.offset, too_big(len(item.data), limit), item.id)
        else:
            yield item


def _directory_files(
    directory: Path, passed: Counter[str] | None = None
) -> tuple[list[Path], list[Path], list[Shard]]:
    """The pages (text, Markdown, HTML) and the collection files under `directory`, each
    in sorted path order, and an "unreadable" shard for each directory under it (or it)
    that cannot be listed; other files are passed over (counted in `passed` by their
    extension, hidden files left out)."""
    pages, collections, refused = [], [], list[OSError]()
    special: list[Shard] = []
    for root, dirs, names in os.walk(directory, onerror=refused.append):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            if path.suffix.lower() in PAGE_SUFFIXES:
                pages.append(path)
            elif is_collection(path) and _is_file(path):
                collections.append(path)
            elif is_collection(path) and (mode := _mode(path)) is not None:
                # a FIFO named as a collection: never opened, an entry of its own
                problem = f"is {special_file(mode)}, not a regular file"
                special.append(Shard("unreadable", str(path), problem=problem))
            elif passed is not None and not name.startswith("."):
                passed["".join(path.suffixes[-2:]).lower() or "(no extension)"] += 1
    unreadable = [
        Shard("unreadable", str(e.filename), problem=f"cannot read the directory: {e.strerror}")
        for e in refused
    ]
    return pages, collections, special + unreadable


def _once(files: list[Path], said: list[str] | None) -> list[Path]:
    """`files` less each link to a file also listed (or to one an earlier link names):
    read once, under its own name, not again under the link's (a hit for each)."""
    links = {path: _real(path) for path in files if path.is_symlink()}
    seen = {_real(path) for path in files if path not in links}
    kept = []
    for path in files:
        real = links.get(path)
        if real is not None and real in seen:
            if said is not None:
                said.append(f"{path}: a link to {real}, scanned once, as that file")
            continue
        if real is not None:
            seen.add(real)
        kept.append(path)
    return kept


def _real(path: Path) -> Path | None:
    """`path`'s real path; None for a link loop (reading it says so)."""
    try:
        return path.resolve()
    except RuntimeError:
        return None


def _mode(path: Path) -> int | None:
    """`path`'s file mode, following links; None for one that is not there."""
    try:
        return path.stat().st_mode
    except OSError:
        return None


def _is_file(path: Path) -> bool:
    """Whether `path` is a regular file, or cannot be told: then planning tries it, and
    says why it cannot be read."""
    try:
        return path.is_file()
    except OSError:
        return True


def _page_shards(directory: Path, files: list[Path], shard_bytes: int) -> list[Shard]:
    shards, batch, size = [], list[str](), 0
    for file in files:
        batch.append(str(file))
        with contextlib.suppress(OSError):  # a broken link: its shard lists the problem
            size += file.stat().st_size
        if size >= shard_bytes:
            shards.append(Shard("files", str(directory), files=tuple(batch)))
            batch, size = [], 0
    if batch:
        shards.append(Shard("files", str(directory), files=tuple(batch)))
    return shards


def _jsonl_shards(path: Path, shard_bytes: int) -> list[Shard]:
    """Byte ranges of about `shard_bytes`, each starting at the start of a line."""
    size = path.stat().st_size
    starts = [0]
    with path.open("rb") as stream:
        while starts[-1] + shard_bytes < size:
            stream.seek(starts[-1] + shard_bytes)
            stream.readline()  # to the start of the next line
            if stream.tell() >= size:
                break
            starts.append(stream.tell())
    ends = [*starts[1:], size]
    return [Shard("jsonl", str(path), a, b) for a, b in zip(starts, ends, strict=True)]


def _jsonl_gz_shards(path: Path, shard_bytes: int) -> list[Shard]:
    """Ranges of about `shard_bytes` of the decompressed stream, each starting at a line.

    Planning decompresses the file once, with ISA-L's igzip (python-isal: 0.4 CPU-s for
    the benchmark's 117 MB, the standard library's gzip 1.25); a file that makes one shard
    stays whole, read by its worker. Bad data ends the planning where it is; the shard
    that holds it reports it when read. The shards themselves are read with the standard
    gzip: igzip reads ahead, and on a member cut short it loses the lines of the whole
    member before it, which gzip still gives (tests/test_scan.py, the "cut" member).
    """
    starts, offset = [0], 0
    try:
        with igzip.open(path, "rb") as stream:  # type: ignore[no-untyped-call]
            for line in stream:
                if offset - starts[-1] >= shard_bytes:
                    starts.append(offset)
                offset += len(line)
    except (*GZIP_ERRORS, isal_zlib.error):  # type: ignore[misc]  # stubs: an instance
        pass
    if len(starts) == 1:
        return [Shard("jsonl.gz", str(path))]
    ends = [*starts[1:], -1]
    return [Shard("jsonl.gz", str(path), a, b) for a, b in zip(starts, ends, strict=True)]


class Chunks:
    """Reads streamed shards' lines, keeping one gzip stream open from shard to shard.

    Asked for the shards of a file in order (as the plan lists them), it decompresses the
    file once, however many shards it has; resumed shards are read past, not kept.
    """

    def __init__(self) -> None:
        self.path = ""
        self.stream: gzip.GzipFile | None = None
        self.offset = 0

    def read(self, shard: Shard) -> Chunk:
        lines: list[bytes] = []
        try:
            if self.stream is None or shard.path != self.path or shard.start < self.offset:
                self.close()
                self.path, self.offset = shard.path, 0
                self.stream = gzip.open(shard.path, "rb")  # kept open from call to call
            stream = self.stream
            while self.offset < shard.start and (line := stream.readline()):
                self.offset += len(line)
            while (shard.end < 0 or self.offset < shard.end) and (line := stream.readline()):
                lines.append(line)
                self.offset += len(line)
        except GZIP_ERRORS as error:
            self.close()
            return Chunk(b"".join(lines), gzip_problem(error))
        return Chunk(b"".join(lines))

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None


def _files(shard: Shard, counts: Counts, limit: int) -> Iterator[Record | Problem]:
    root = Path(shard.path)
    for name in shard.files:
        path = Path(name)
        ident = path.relative_to(root).as_posix()
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):  # a FIFO would be waited on for ever
                problem = f"is {special_file(info.st_mode)}, not a regular file"
                yield Problem(name, 0, problem, ident)
                continue
            size = info.st_size
            if limit and size > limit:
                counts.documents += 1
                yield Problem(name, 0, too_big(size, limit), ident)
                continue
            data = path.read_bytes()
        except FileNotFoundError:
            broken = path.is_symlink()
            problem = "a broken symbolic link" if broken else "no such file"
            yield Problem(name, 0, problem, ident)
            continue
        except OSError as error:
            yield Problem(name, 0, cannot_read(error), ident)
            continue
        counts.documents += 1
        counts.bytes += len(data)
        fmt = format_of(path).value
        charset = meta_charset(data) if fmt == "html" else ""
        yield Record(ident, data, name, 0, fmt, charset=charset)


def _jsonl(
    readline: Callable[[], bytes],
    shard: Shard,
    fields: Fields,
    counts: Counts,
    start: int,
    end: int,
    gate: Gate | None = None,
    limit: int = 0,
) -> Iterator[Record | Problem]:
    """The records of JSON Lines read from `stream`, from byte `start` to `end` (-1: EOF)."""
    offset, source = start, shard.path
    well_formed = _checker(fields, limit)
    while end < 0 or offset < end:
        try:
            line = readline()
        except GZIP_ERRORS as error:
            yield Problem(source, offset, gzip_problem(error))
            return
        if not line:
            return
        here = offset
        offset += len(line)
        counts.bytes += len(line)
        if line.isspace():  # as `not line.strip()`, without copying the line
            continue
        counts.documents += 1
        if gate is not None and not gate(line) and well_formed(line):
            continue  # no candidate, and no problem either: nothing to parse
        yield json_record(line, source, here, fields)


_OBJECT = msgspec.json.Decoder(dict[str, msgspec.Raw])
"""Checks a JSON object's syntax and finds its fields without building their values."""
_NUMBER = re.compile(rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
"""A JSON number, as its text stands in the line."""
_QUOTE = ord('"')


def _well_formed(line: bytes, fields: Fields, limit: int) -> bool:
    """Whether `json_record` makes a Record of `line` under the size `limit` (0: none),
    told at C speed; False if unsure (a line over the limit may hold a document that is).

    msgspec refuses some lines `json` takes (NaN, a BOM, a lone surrogate escape); then
    `json_record` decides, as it does for every line that may be a problem.
    """
    return _checker(fields, limit)(line)


def _checker(fields: Fields, limit: int) -> Callable[[bytes], bool]:
    """`_well_formed` for `fields` and `limit`, for every turned-away line of a shard.

    The object is read into a struct of the three fields, each kept raw (msgspec skips the
    others, and keeps the last of a key given twice, as `json` does); with two of the
    names the same (no struct can have that), into a dict.
    """
    names = (fields.id, fields.text, fields.html)
    if len(set(names)) < len(names):
        return lambda line: _well_formed_dict(line, fields, limit)
    decode = _struct_decoder(*names)

    def well_formed(line: bytes) -> bool:
        if limit and len(line) > limit:  # a document's bytes are never more than its line's
            return False
        try:
            line.decode("utf-8")  # msgspec checks the syntax, not the bytes of skipped strings
            obj = decode(line)
        except (UnicodeDecodeError, msgspec.DecodeError):
            return False
        ident, text, html = obj.id, obj.text, obj.html
        if ident is None or not _usable_id(ident):
            return False
        return (text is not None and memoryview(text)[0] == _QUOTE) or (
            html is not None and memoryview(html)[0] == _QUOTE
        )

    return well_formed


@functools.cache
def _struct_decoder(ident: str, text: str, html: str) -> Callable[[bytes], _Fields]:
    # Raw with a default of None: msgspec reads `Raw | None` as "null or a string".
    fields = [("id", msgspec.Raw, None), ("text", msgspec.Raw, None), ("html", msgspec.Raw, None)]
    rename = {"id": ident, "text": text, "html": html}
    struct = msgspec.defstruct("Fields", fields, rename=rename)
    return cast("Callable[[bytes], _Fields]", msgspec.json.Decoder(struct).decode)


class _Fields(Protocol):
    id: msgspec.Raw | None
    text: msgspec.Raw | None
    html: msgspec.Raw | None


def _well_formed_dict(line: bytes, fields: Fields, limit: int) -> bool:
    if limit and len(line) > limit:
        return False
    try:
        line.decode("utf-8")
        obj = _OBJECT.decode(line)
    except (UnicodeDecodeError, msgspec.DecodeError):
        return False
    ident, text, html = obj.get(fields.id), obj.get(fields.text), obj.get(fields.html)
    if ident is None or not _usable_id(ident):
        return False
    return (text is not None and _is_string(text)) or (html is not None and _is_string(html))


def _is_string(raw: msgspec.Raw) -> bool:
    return bytes(memoryview(raw)[:1]) == b'"'


def _usable_id(raw: msgspec.Raw) -> bool:
    """Whether an id's raw JSON is one `json_record` takes: a number, or a string holding
    more than white space (read by `json` only when escaped or not ASCII: rare).

    >>> [_usable_id(msgspec.Raw(r)) for r in (b'7.5', b'"a"', b'" "', br'"\\u0020"', b'true')]
    [True, True, False, False, False]
    """
    view = memoryview(raw)
    if view[0] != _QUOTE:
        return _NUMBER.fullmatch(view) is not None
    if view[1] in _VISIBLE:  # the usual id: no need to look further
        return True
    text = bytes(raw)
    inner = text[1:-1]
    if b"\\" in inner or not inner.isascii():
        return bool(json.loads(text).strip())
    return bool(inner.strip())


_VISIBLE = frozenset(range(0x21, 0x7F)) - {_QUOTE, ord("\\")}
"""ASCII characters that are not white space, a quote or an escape's backslash."""


def _where(error: json.JSONDecodeError) -> str:
    """What `json` says is wrong, and where in the line (a byte offset into it, as an
    errors-file entry's offset is the line's): not its "line 2 column 1", which counts the
    line's own newline as a second line.

    >>> try:
    ...     json.loads('{"id": "é" "text": 1}\\n')
    ... except json.JSONDecodeError as error:
    ...     _where(error)
    "Expecting ',' delimiter at byte 12 of the line"
    >>> try:
    ...     json.loads('{"id": "a' + chr(1) + 'b"}')
    ... except json.JSONDecodeError as error:
    ...     _where(error)
    'Invalid control character at byte 9 of the line'
    """
    content = error.doc.rstrip("\r\n")
    byte = len(content[: error.pos].encode("utf-8", "surrogatepass"))
    message = error.msg.removesuffix(" at")  # json's "Invalid control character at"
    if not content[error.pos :].strip():
        return f"{message} at the end of the line (byte {byte})"
    return f"{message} at byte {byte} of the line"


def json_record(line: bytes, source: str, offset: int, fields: Fields) -> Record | Problem:
    try:
        obj = _loads(line)
    except json.JSONDecodeError as error:
        return Problem(source, offset, f"malformed JSON line: {_where(error)}")
    except ValueError as error:  # not UTF-8
        return Problem(source, offset, f"malformed JSON line: {error}")
    if not isinstance(obj, dict):
        return Problem(source, offset, "a JSON line that is not an object")
    if fields.id not in obj:
        return Problem(source, offset, f"no {fields.id!r} field (a string or number)")
    ident = obj[fields.id]
    if not isinstance(ident, str):
        problem = f"the {fields.id!r} field is {_kind(ident)}, not a string or number"
        return Problem(source, offset, problem)
    if not ident.strip():
        return Problem(source, offset, f"the {fields.id!r} field is empty")
    fmt, body = "text", _string(obj.get(fields.text))
    if body is None:
        fmt, body = "html", _string(obj.get(fields.html))
    if body is None:
        problem = f"no {fields.text!r} or {fields.html!r} field (a string)"
        return Problem(source, offset, problem, str(ident))
    return Record(
        str(ident),
        body.encode("utf-8", "surrogatepass"),
        source,
        offset,
        fmt,
        url=_string(obj.get(fields.url)) or "",
        date=_string(obj.get(fields.date)) or "",
    )


class _Number(str):
    """A JSON number, kept as its text: an id of 7.5 or 1e3 is the id "7.5" or "1e3"."""

    __slots__ = ()


def _loads(line: bytes) -> object:
    # Numbers as their text: an id is whatever number the line wrote, never a float's repr.
    # JSON Lines are UTF-8 (a byte order mark allowed): decoded as such, not by the guess
    # `json` makes from the first bytes (NUL bytes read as UTF-32 said "utf-32-be codec").
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        msg = f"not valid UTF-8 at byte {error.start}"
        raise ValueError(msg) from None
    return json.loads(text, parse_int=_Number, parse_float=_Number)


def _string(value: object) -> str | None:
    """A JSON string's value (not a number's text), or None."""
    return value if type(value) is str else None


def _kind(value: object) -> str:
    """What a JSON value that is neither a string nor a number is, in JSON's words."""
    if isinstance(value, dict):
        return "an object"
    return "an array" if isinstance(value, list) else json.dumps(value)  # true, null, NaN
