"""Read WARC and WET files: plan their shards and read a shard's records.

Read with FastWARC (see docs/scan.md for the measurement against warcio): `response`
records whose HTTP payload is HTML or text, `resource` records, and WET `conversion`
records. A record is read to its Content-Length, and damaged data (a gzip member cut
short or corrupt, a record cut short) is a `Problem` at its offset.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
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
    planning does not read the file; a file compressed as one stream stays one shard.
    An uncompressed WARC is cut at record offsets found by one reading pass.
    """
    size = path.stat().st_size
    if size <= shard_bytes:
        return [Shard("warc", str(path))]
    starts = [0]
    with path.open("rb") as stream:
        if path.name.lower().endswith(".gz"):
            while starts[-1] + shard_bytes < size:
                start = _next_member(stream, starts[-1] + shard_bytes)
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
"""How far past a cut to look for the next record's gzip member."""
_READ = 1 << 16


def _next_member(stream: BinaryIO, position: int) -> int | None:
    """Offset of the first gzip member at or after `position` that starts a WARC record."""
    stream.seek(position)
    data = stream.read(_LOOK)
    at = data.find(_GZIP_MEMBER)
    while at >= 0:
        try:
            head = zlib.decompressobj(31).decompress(data[at : at + 4096], 8)
        except zlib.error:
            head = b""
        if head.startswith(b"WARC/"):
            return position + at
        at = data.find(_GZIP_MEMBER, at + 1)
    return None


def read(shard: Shard, counts: Counts, limit: int = 0) -> Iterator[Record | Problem]:
    wanted = WarcRecordType.response | WarcRecordType.conversion | WarcRecordType.resource
    last = shard.start
    gz = shard.path.lower().endswith(".gz")
    reported = -1  # the offset of the last record found wrong
    try:
        with Path(shard.path).open("rb") as stream:
            stream.seek(shard.start)  # FastWARC's stream_pos counts from the file's start
            for record in ArchiveIterator(stream, record_types=wanted, parse_http=False):
                last = record.stream_pos
                if 0 <= shard.end <= last:
                    return
                counts.documents += 1
                read = warc_record(record, shard.path, limit)
                if isinstance(read, Record):
                    counts.bytes += len(read.data)
                else:
                    reported = read.offset
                yield read
    except (OSError, ValueError) as error:
        # FastWARC stops at the data it cannot read, often while looking for the record
        # after `last`: where the member that is cut short or corrupt starts, if it can
        # be found, says better where the damage is.
        bad = _bad_member(shard.path, last, shard.end) if gz else None
        yield Problem(
            shard.path, last if bad is None else bad[0], f"truncated or corrupt WARC data: {error}"
        )
        return
    # FastWARC reads a last gzip member cut short after its record's payload (in the CRLFs
    # that end the record or the gzip trailer) without a word: the file is still cut.
    # (Said once: a payload cut short already was.)
    bad = _bad_member(shard.path, last, -1) if gz and shard.end < 0 else None
    if bad is not None and bad[0] != reported:
        yield Problem(shard.path, bad[0], f"truncated or corrupt WARC data: {bad[1]}")


def _bad_member(path: str, start: int, end: int) -> tuple[int, str] | None:
    """The offset of the first gzip member from `start` (a member's start) to `end` (-1:
    the end of the file) that is cut short or corrupt, and what is wrong with it.

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
            if not data.startswith(_GZIP_MEMBER[:2]):
                return None  # not gzip data (trailing bytes gzip(1) ignores too)
        return member, "a gzip member cut short: the file ends inside it"


def warc_record(record: object, source: str, limit: int = 0) -> Record | Problem:
    """A Record of a FastWARC record (`stream_pos`: its offset in the file).

    At most `limit` bytes of the payload are read (0: all); a longer one is a Problem, and
    so is a payload shorter than the record's Content-Length says (the file cut short:
    never a shorter page), a response that is not HTTP, and an HTTP payload whose
    transfer or content coding cannot be undone (`provenance.scan.http`).
    """
    headers = record.headers  # type: ignore[attr-defined]
    offset: int = record.stream_pos  # type: ignore[attr-defined]
    ident = headers.get("WARC-Record-ID", "") or f"{Path(source).name}@{offset}"
    ident = ident.strip("<>").removeprefix("urn:uuid:")
    url = headers.get("WARC-Target-URI", "")
    date = headers.get("WARC-Date", "")
    rtype = headers.get("WARC-Type", "")

    def payload() -> bytes | Problem:
        data: bytes = record.reader.read(limit + 1 if limit else -1)  # type: ignore[attr-defined]
        if len(data) > limit > 0:
            return Problem(source, offset, too_big(None, limit), ident)
        declared: int = record.content_length  # type: ignore[attr-defined]  # of the payload
        if len(data) < declared:
            problem = (
                f"truncated WARC record: {len(data):,} of the {declared:,} bytes its "
                "Content-Length declares (the file is cut short or corrupt)"
            )
            return Problem(source, offset, problem, ident)
        return data

    if rtype == "conversion":
        data = payload()
        if isinstance(data, Problem):
            return data
        return Record(ident, data, source, offset, "text", url=url, date=date)
    if rtype == "resource":
        data = payload()
        if isinstance(data, Problem):
            return data
        kind = headers.get("Content-Type", "")
        fmt = "html" if "html" in kind else "text"
        return Record(ident, data, source, offset, fmt, url, date, _header_charset(kind))
    content_type = headers.get("Content-Type", "")
    if not content_type.startswith("application/http"):
        problem = f"a response record that is not HTTP (Content-Type {content_type!r})"
        return Problem(source, offset, problem, ident)
    try:
        record.parse_http()  # type: ignore[attr-defined]  # codings undone below, not by FastWARC
    except Exception as error:  # FastWARC raises plain exceptions
        return Problem(source, offset, f"unreadable HTTP headers: {error}", ident)
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None or not http_message.is_status_line(http.status_line_bytes):
        status = "" if http is None else f" (status line {(http.status_line or '')[:60]!r})"
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
            return Problem(source, offset, str(error), ident)
    fmt = "html" if "html" in kind.lower() or not kind else "text"
    charset = _header_charset(kind) or (meta_charset(data) if fmt == "html" else "")
    return Record(ident, data, source, offset, fmt, url, date, charset)


def _header_charset(content_type: str) -> str:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.I)
    return match.group(1) if match else ""
