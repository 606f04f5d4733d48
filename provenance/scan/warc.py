"""Read WARC and WET files: plan their shards and read a shard's records.

Read with FastWARC (see docs/scan.md for the measurement against warcio): `response`
records whose HTTP payload is HTML or text, `resource` records, and WET `conversion`
records. A record is read to its Content-Length, and damaged data (a gzip member cut
short or corrupt, a record cut short) is a `Problem` at its offset.
"""

from __future__ import annotations

import re
import tempfile
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from provenance.scan import http as http_message
from provenance.scan.records import Counts, Problem, Record, Shard, meta_charset, too_big

SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
"""WARC files; Common Crawl names its WET files `*.warc.wet.gz`."""


def shards(path: Path, shard_bytes: int) -> list[Shard]:
    """A WARC file in ranges of about `shard_bytes` that start at records.

    A gzip WARC is cut at gzip members that hold a WARC record (one member a record, as
    crawlers write them), found by seeking near each cut and looking forward, so that
    planning does not read the file. One compressed otherwise (as one stream, or as
    streams of many records) is one "warc-stream" shard, read decompressed. An
    uncompressed WARC is cut at record offsets found by one reading pass.
    """
    gz = path.name.lower().endswith(".gz")
    if gz and not one_record_a_member(path):
        return [Shard("warc-stream", str(path))]
    size = path.stat().st_size
    if size <= shard_bytes:
        return [Shard("warc", str(path))]
    starts = [0]
    with path.open("rb") as stream:
        if gz:
            while starts[-1] + shard_bytes < size:
                start = _next_member(stream, starts[-1] + shard_bytes, look=_LOOK)
                if start is None:
                    break
                starts.append(start)
        else:
            try:
                for record in ArchiveIterator(stream, parse_http=False):
                    if record.stream_pos - starts[-1] >= shard_bytes:
                        starts.append(record.stream_pos)
            except (OSError, ValueError):
                pass  # reported when the shard with the bad data is read
    ends = [*starts[1:], -1]
    return [Shard("warc", str(path), a, b) for a, b in zip(starts, ends, strict=True)]


_GZIP_MEMBER = b"\x1f\x8b\x08"
_LOOK = 1 << 20
"""How far past a cut planning looks for the next record's gzip member; the window in
which reading looks for the next record after damaged data."""
_READ = 1 << 16
_WANTED = WarcRecordType.response | WarcRecordType.conversion | WarcRecordType.resource
_RECORD_LINE = re.compile(rb"WARC/(?:1\.[01]|0\.[0-9]{1,2})\r\n")
"""The version line that opens a record."""
_CONTENT_LENGTH = re.compile(rb"\ncontent-length:[ \t]*([0-9]{1,18})[ \t]*\r?\n", re.I)

Damage = tuple[int, str, str]
"""Where damaged WARC data starts (a record's or a gzip member's offset), the problem, and
the record's id when its headers are there to say it (else "")."""
_RECORD_ID = re.compile(rb"\nWARC-Record-ID:[ \t]*([^\r\n]*?)[ \t]*\r\n", re.I)


def one_record_a_member(path: Path) -> bool:
    """Whether a .warc.gz is compressed one record a gzip member, as the WARC standard
    asks: then a record's offset is its member's, where reading can start. Told by its
    first two members (a warcinfo record may have one of its own before a stream of the
    rest); True when damaged data keeps it from being told (reading reports it).
    """
    with path.open("rb") as stream:
        for _ in range(2):
            start = stream.tell()
            length = _member_of_one_record(stream)
            if length is None:
                return True
            if length < 0:
                return False
            stream.seek(start + length)
    return True


_AFTER_RECORD = 16
"""Bytes a gzip member may hold after its record's block: the two CRLFs that end the
record, and a few more line ends some writers add. The next record's headers are more."""


def _member_of_one_record(stream: BinaryIO) -> int | None:
    """The compressed length of the gzip member at the stream's position when it holds one
    WARC record; -1 when it holds more; None when it cannot be told (no gzip member, no
    record, damaged data, the end of the file)."""
    inflater, head, size, used, need = zlib.decompressobj(31), b"", 0, 0, -1
    while not inflater.eof:
        data = stream.read(_READ)
        try:
            out = inflater.decompress(data)
        except zlib.error:
            return None
        if not data:
            return None  # cut short
        used += len(data) - len(inflater.unused_data)
        size += len(out)
        if need < 0:
            head += out[: _READ - len(head)]
            blank = head.find(b"\r\n\r\n")
            length = _CONTENT_LENGTH.search(head, 0, blank + 2) if blank >= 0 else None
            if length is not None and _RECORD_LINE.match(head):
                need = blank + 4 + int(length.group(1))
            elif blank >= 0 or len(head) >= _READ:
                return None  # no WARC record
        if need >= 0 and size > need + _AFTER_RECORD:
            return -1
    return used if need >= 0 else None


def _next_member(stream: BinaryIO, position: int, end: int = -1, look: int = -1) -> int | None:
    """Offset of the first gzip member at or after `position` (and before `end`, -1: the
    end of the file) that starts a WARC record, looking at most `look` bytes (-1: all)."""
    here = position
    while look < 0 or here - position < look:
        stream.seek(here)
        data = stream.read(_LOOK + 4096)  # a member near the window's end is still read
        at = data.find(_GZIP_MEMBER)
        while 0 <= at < _LOOK:
            if 0 <= end <= here + at:
                return None
            try:
                head = zlib.decompressobj(31).decompress(data[at : at + 4096], 8)
            except zlib.error:
                head = b""
            if head.startswith(b"WARC/"):
                return here + at
            at = data.find(_GZIP_MEMBER, at + 1)
        if len(data) <= _LOOK:
            return None
        here += _LOOK
    return None


def _next_record(stream: BinaryIO, position: int, end: int = -1) -> int | None:
    """Offset of the first uncompressed record at or after `position` (and before `end`,
    -1: the end of the file): a line `WARC/1.0` (or another version), wherever it starts
    (a record cut short ends mid-line), whose header block holds a Content-Length."""
    here = position
    while True:
        stream.seek(here)
        data = stream.read(_LOOK + _READ)  # a record near the window's end is still seen
        found = _RECORD_LINE.search(data)
        while found is not None and found.start() < _LOOK:
            at = here + found.start()
            if 0 <= end <= at:
                return None
            blank = data.find(b"\r\n\r\n", found.start())
            if blank >= 0 and _CONTENT_LENGTH.search(data, found.start(), blank + 2):
                return at
            found = _RECORD_LINE.search(data, found.end())
        if len(data) <= _LOOK:
            return None
        here += _LOOK


def read(shard: Shard, counts: Counts, limit: int = 0) -> Iterator[Record | Problem]:
    """Every wanted record of `shard`, and a Problem for each stretch of damaged data.

    FastWARC reads the records. Where it stops at damaged data (a gzip member cut short
    or corrupt, bytes that are no gzip member, an uncompressed record cut short with more
    data after it), the damage is found and reported at its offset, and reading goes on
    at the next record after it: a gzip member that decodes to a record, or a `WARC/1.x`
    line in an uncompressed file. A damaged record costs that record, not the rest of
    the file. A "warc-stream" shard is read decompressed (`_stream`).
    """
    if shard.kind == "warc-stream":
        yield from _stream(shard, counts, limit)
        return
    yield from _read(shard, counts, limit, shard.path)


def _read(shard: Shard, counts: Counts, limit: int, source: str) -> Iterator[Record | Problem]:
    """`read` of a shard of the file `shard.path`, its records and problems named `source`."""
    start: int | None = shard.start
    gz = shard.path.lower().endswith(".gz")
    while start is not None:
        damage = yield from _records(shard, start, counts, limit, gz, source)
        if damage is None:
            return
        with Path(shard.path).open("rb") as stream:
            resume = _next_member if gz else _next_record
            start = resume(stream, damage + 1, shard.end)


def _stream(shard: Shard, counts: Counts, limit: int) -> Iterator[Record | Problem]:
    """The records of a .warc.gz not compressed one record a member, at their offsets in
    its decompressed stream: it is decompressed to a temporary file (as large as the
    stream), read as an uncompressed WARC. Damaged gzip data ends it: one Problem at the
    decompressed offset where it starts; what came before is read."""
    with tempfile.TemporaryDirectory(prefix="provenance-scan-") as temp:
        plain = Path(temp) / "stream.warc"
        with plain.open("wb") as target:
            damage = _decompress(Path(shard.path), target)
        yield from _read(Shard("warc", str(plain)), counts, limit, shard.path)
    if damage is not None:
        yield Problem(shard.path, *damage)


def _decompress(path: Path, target: BinaryIO) -> Damage | None:
    """Write the data of `path`'s gzip members, one after another, to `target`; the damage
    that stopped it (at its decompressed offset), if any."""
    inflater, written, fed = zlib.decompressobj(31), 0, False
    with path.open("rb") as stream:
        while data := stream.read(_READ):
            while data:
                try:
                    out = inflater.decompress(data)
                except zlib.error as error:
                    problem = f"truncated or corrupt WARC data: corrupt gzip data: {error}"
                    return written, f"{problem}; nothing after it can be read", ""
                target.write(out)
                written, fed = written + len(out), True
                if not inflater.eof:
                    break
                data, inflater, fed = inflater.unused_data, zlib.decompressobj(31), False
    if fed:
        return written, "truncated or corrupt WARC data: the file ends inside a gzip stream", ""
    return None


def _records(
    shard: Shard, start: int, counts: Counts, limit: int, gz: bool, source: str
) -> Generator[Record | Problem, None, int | None]:
    """The records from `start` (a record's offset) to the shard's end; the offset of the
    damage that stopped FastWARC, if any (reported here).

    In an uncompressed file a record is given once the next is read (or the file checked
    to its end): FastWARC reads a record cut short with more data after it to its
    Content-Length, across what follows; only the data after it tells, and then the
    record is the damage, never a page. (In a `.warc.gz`, a record whose gzip member is
    cut in its last bytes, its payload whole, is a page and an error entry naming it.)
    """
    last, said = start, -1  # said: the offset of the last Problem given
    held: Record | Problem | None = None
    given: Record | None = None  # the last record of a .warc.gz given as a page
    error: Exception | None = None
    ended = False  # at the shard's end (the next shard's first record)
    merged: Problem | None = None  # a record whose headers ran into the next one's
    try:
        with Path(shard.path).open("rb") as stream:
            stream.seek(start)  # FastWARC's stream_pos counts from the file's start
            for record in ArchiveIterator(stream, record_types=_WANTED, parse_http=False):
                if 0 <= shard.end <= record.stream_pos:
                    ended = True
                    break
                last = record.stream_pos
                counts.documents += 1
                if len(record.headers.get_multiple("WARC-Record-ID")) > 1:
                    merged = _headers_run_on(record, source)
                    break
                item: Record | Problem | None = warc_record(record, source, limit)
                if isinstance(item, Record):
                    counts.bytes += len(item.data)
                if not gz:
                    item, held = held, item
                elif isinstance(item, Record):
                    given = item
                if item is not None:
                    said = item.offset if isinstance(item, Problem) else said
                    yield item
    except (OSError, ValueError) as exc:
        error = exc
    if merged is not None:
        if held is not None:
            yield held
        yield merged
        return merged.offset
    # FastWARC reads a gzip member cut short after its record's payload (in the CRLFs that
    # end the record or the gzip trailer), and an uncompressed file that ends inside a
    # record's headers, without a word: the data after the last record is checked too.
    damage = None if ended else _damage(shard.path, last, shard.end, gz)
    cut = damage is not None and held is not None and damage[0] == held.offset
    read = held if isinstance(held, Record) else given
    if damage is not None and not damage[2] and read is not None and damage[0] == read.offset:
        damage = (damage[0], damage[1], read.id)  # its headers were read: it has an id
    if error is not None and damage is None:
        damage = last, f"truncated or corrupt WARC data: {error}", ""  # not found: said where
    if cut and isinstance(held, Problem) and not held.problem.startswith("truncated"):
        # The record is cut short: what undoing its payload's coding made of the next
        # record's bytes ("corrupt gzip payload") is not its problem.
        assert damage is not None  # cut says so
        held = Problem(source, damage[0], damage[1], damage[2] or held.id)
    if held is not None and (isinstance(held, Problem) or not cut):
        said = held.offset if isinstance(held, Problem) else said
        yield held
    if damage is None:
        return None
    if damage[0] != said:  # a payload cut short was said already
        yield Problem(source, *damage)
    return damage[0]


def _headers_run_on(record: object, source: str) -> Problem:
    """The Problem of a record cut short inside its headers, with another record after
    it: FastWARC reads the next record's headers as more of its own (two WARC-Record-IDs)
    and the next record's payload as its, and the next record was lost. Reading goes on
    at the next record's `WARC/` line."""
    ids = record.headers.get_multiple("WARC-Record-ID")  # type: ignore[attr-defined]
    problem = "truncated WARC record: its headers run into another record's (cut short)"
    return Problem(source, record.stream_pos, problem, _record_id(ids[0]))  # type: ignore[attr-defined]


def _damage(path: str, start: int, end: int, gz: bool) -> Damage | None:
    """The first damaged data from the record at `start` to `end` (-1: the end of the file)."""
    if gz:
        bad = _bad_member(path, start, end)
        return None if bad is None else (bad[0], f"truncated or corrupt WARC data: {bad[1]}", "")
    return _bad_record(path, start, end)


def _bad_member(path: str, start: int, end: int) -> tuple[int, str] | None:
    """The offset of the first gzip member from `start` (a member's start) to `end` (-1:
    the end of the file) that is cut short or corrupt, or of bytes that are no gzip
    member, and what is wrong there.

    None when all are whole, or when `start` is not a member's start (a WARC compressed as
    one stream, where FastWARC's record offsets are not members').
    """
    with Path(path).open("rb") as stream:
        stream.seek(start)
        data = stream.read(_READ)
        if not data.startswith(_GZIP_MEMBER):
            return None
        member, fed, inflater = start, 0, zlib.decompressobj(31)
        while data:
            try:
                inflater.decompress(data)  # the output is not wanted, only where members end
            except zlib.error as error:
                return member, f"corrupt gzip member: {error}"
            if not inflater.eof:
                fed += len(data)
                data = stream.read(_READ)
                continue
            member += fed + len(data) - len(inflater.unused_data)
            data, fed, inflater = inflater.unused_data, 0, zlib.decompressobj(31)
            if 0 <= end <= member or not (data := data or stream.read(_READ)):
                return None
            if len(data) < len(_GZIP_MEMBER):
                data += stream.read(_READ)  # the rest of the bytes that tell a member
            if len(data) < len(_GZIP_MEMBER) and _GZIP_MEMBER.startswith(data):
                return member, "a gzip member cut short: the file ends inside its header"
            if not data.startswith(_GZIP_MEMBER):
                return member, f"not gzip data where a gzip member should start ({data[:8]!r})"
        return member, "a gzip member cut short: the file ends inside it"


def _bad_record(path: str, start: int, end: int) -> Damage | None:
    """The offset of the first uncompressed record from `start` (a record's offset) to
    `end` (-1: the end of the file) that is cut short, and how.

    A record is whole when its Content-Length ends inside the file and, after it, a line
    end and the next record's `WARC/` (or the end of the file): what FastWARC reads. A
    whole record (its two CRLFs after it) followed by other data is not the damage; the
    other data is.
    """
    size = Path(path).stat().st_size
    with Path(path).open("rb") as stream:
        at = start
        while at < size and (end < 0 or at < end):
            stream.seek(at)
            head = stream.read(_READ)
            blank = head.find(b"\r\n\r\n")
            record = _RECORD_LINE.match(head) is not None
            ident = _header_id(head[: blank + 2] if blank >= 0 else head) if record else ""
            if blank < 0 and at + len(head) >= size and b"WARC/".startswith(head[:5]):
                return at, "truncated WARC record: the file ends inside its headers", ident
            length = _CONTENT_LENGTH.search(head, 0, blank + 2) if blank >= 0 else None
            if not record or length is None:
                problem = "truncated or corrupt WARC data: no WARC record with a Content-Length"
                return at, problem, ident
            body, declared = at + blank + 4, int(length.group(1))
            if body + declared > size:
                return at, _cut_short(size - body, declared), ident
            stream.seek(body + declared)
            after = stream.read(_READ)
            rest = after.lstrip(b"\r\n")
            following = body + declared + len(after) - len(rest)
            if not rest:
                return None  # the end of the file (its last CRLFs may be cut: nothing lost)
            if len(rest) < len(after) and b"WARC/".startswith(rest[:5]):
                at = following
                continue
            if _next_record(stream, body, body + declared) is not None:
                # The data its Content-Length claims holds the next record's headers: the
                # record is cut short, whatever its claimed end happens to hold (CRLFs
                # there made it look whole, and the record it ran into was lost).
                problem = (
                    f"truncated WARC record: another record begins inside the {declared:,} "
                    "bytes its Content-Length declares (the record is cut short)"
                )
                return at, problem, ident
            if not after.startswith(b"\r\n\r\n"):
                problem = (
                    f"truncated WARC record: other data where the {declared:,} bytes its "
                    "Content-Length declares should end (the record is cut short, and more "
                    "follows it)"
                )
                return at, problem, ident
            problem = "truncated or corrupt WARC data: no WARC record after a whole one"
            return following, problem, ""
    return None


def _header_id(head: bytes) -> str:
    """The WARC-Record-ID a record's header block (or what is left of it) gives, or ""."""
    found = _RECORD_ID.search(head)
    return "" if found is None else _record_id(found.group(1).decode("utf-8", "replace"))


def _record_id(value: str) -> str:
    """A WARC-Record-ID as a hit's id: `<urn:uuid:X>` is X; one cut short (no closing
    ">": the file ends inside it) is no id, "".

    >>> _record_id("<urn:uuid:47c6f177-bca7-5a32-ad5f-c536eaa1cd84>")
    '47c6f177-bca7-5a32-ad5f-c536eaa1cd84'
    >>> _record_id("<urn:uuid:47c6f177-bca7-5a32-ad")
    ''
    """
    if value.startswith("<") and not value.endswith(">"):
        return ""
    return value.strip("<>").removeprefix("urn:uuid:")


record_id = _record_id
"""For `add --select`, which takes a hit's id as the WARC-Record-ID gives it too."""


def _cut_short(read: int, declared: int) -> str:
    return (
        f"truncated WARC record: {read:,} of the {declared:,} bytes its "
        "Content-Length declares (the file is cut short or corrupt)"
    )


def warc_record(record: object, source: str, limit: int = 0) -> Record | Problem:
    """A Record of a FastWARC record (`stream_pos`: its offset in the file).

    At most `limit` bytes of the payload are read (0: all); a longer one is a Problem, and
    so is a payload shorter than the record's Content-Length says (the file cut short:
    never a shorter page), a response that is not HTTP, and an HTTP payload whose
    transfer or content coding cannot be undone (`provenance.scan.http`).
    """
    headers = record.headers  # type: ignore[attr-defined]
    offset: int = record.stream_pos  # type: ignore[attr-defined]
    ident = _record_id(headers.get("WARC-Record-ID", "") or f"{Path(source).name}@{offset}")
    url = headers.get("WARC-Target-URI", "")
    date = headers.get("WARC-Date", "")
    # FastWARC's record_type and is_http, not lookups of WARC-Type and Content-Type: a
    # header lookup costs a record about 1 us, and that of WARC-Truncated is paid for so.
    rtype = record.record_type  # type: ignore[attr-defined]
    truncated = headers.get("WARC-Truncated", "")
    if record.content_length == 0 and headers.get("Content-Length") is None:  # type: ignore[attr-defined]
        problem = "truncated WARC record: its headers end with no Content-Length (cut short?)"
        return Problem(source, offset, problem, ident)

    def payload() -> bytes | Problem:
        data: bytes = record.reader.read(limit + 1 if limit else -1)  # type: ignore[attr-defined]
        if len(data) > limit > 0:
            return Problem(source, offset, too_big(None, limit), ident)
        declared: int = record.content_length  # type: ignore[attr-defined]  # of the payload
        if len(data) < declared:
            return Problem(source, offset, _cut_short(len(data), declared), ident)
        return data

    if rtype == WarcRecordType.conversion:
        data = payload()
        if isinstance(data, Problem):
            return data
        return Record(ident, data, source, offset, "text", url, date, truncated=truncated)
    if rtype == WarcRecordType.resource:
        data = payload()
        if isinstance(data, Problem):
            return data
        kind = headers.get("Content-Type", "")
        fmt = "html" if "html" in kind else "text"
        charset = _header_charset(kind)
        return Record(ident, data, source, offset, fmt, url, date, charset, truncated)
    if not record.is_http:  # type: ignore[attr-defined]  # Content-Type application/http
        content_type = headers.get("Content-Type", "")
        problem = f"a response record that is not HTTP (Content-Type {content_type!r})"
        return Problem(source, offset, problem, ident)
    try:
        record.parse_http()  # type: ignore[attr-defined]  # codings undone below, not by FastWARC
    except Exception as error:  # FastWARC raises plain exceptions
        return Problem(source, offset, f"unreadable HTTP headers: {error}", ident)
    http = record.http_headers  # type: ignore[attr-defined]
    if http is not None and _CUT_STATUS_LINE.fullmatch(http.status_line_bytes or b""):
        # "HTTP/1.1 20": the file ends inside the status line, which is HTTP's
        problem = "truncated WARC record: the file ends inside its HTTP status line"
        return Problem(source, offset, problem, ident)
    if http is None or not http_message.is_status_line(http.status_line_bytes):
        line = b"" if http is None else http.status_line_bytes or b""
        status = f" (status line {line.decode('utf-8', 'replace')[:60]!r})" if http else ""
        return Problem(source, offset, f"a response record that is not HTTP{status}", ident)
    kind = http.get("Content-Type", "") or ""
    data = payload()
    if isinstance(data, Problem):
        return data
    # Looked up only when a header name holds "encoding": three lookups cost a page 2 us.
    if b"encoding" in b"\0".join(http.keys_bytes()).lower():
        transfer = ", ".join(http.get_multiple("Transfer-Encoding"))
        coding = ", ".join(http.get_multiple("Content-Encoding"))
        try:
            data = http_message.payload(data, transfer, coding, limit)
        except http_message.OverLimitError:
            problem = f"decompressed: {too_big(None, limit)}"
            return Problem(source, offset, problem, ident)
        except ValueError as error:
            said = f" (the record is WARC-Truncated: {truncated})" if truncated else ""
            return Problem(source, offset, f"{error}{said}", ident)
    fmt = "html" if "html" in kind.lower() or not kind else "text"
    charset = _header_charset(kind) or (meta_charset(data) if fmt == "html" else "")
    return Record(ident, data, source, offset, fmt, url, date, charset, truncated)


_CUT_STATUS_LINE = re.compile(rb"HTTP/[0-9.]*(?: [0-9]{0,2})?")
"""The start of an HTTP status line and no more: a record cut short inside it."""


def _header_charset(content_type: str) -> str:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.I)
    return match.group(1) if match else ""
