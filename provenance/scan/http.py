"""An HTTP response's payload as the page it carries: de-chunked and decoded.

A crawler stores the message as the server sent it, so a WARC response record's payload
may still be in its transfer coding (`Transfer-Encoding: chunked`: the page cut into
chunks, each after a line giving its size in hex) and its content coding
(`Content-Encoding: gzip`, `deflate`, `br` or `zstd`). `payload` undoes both, in the reverse of
the order they were applied, before the page's charset is looked at; what cannot be
undone (a coding cut short or corrupt, one with no decoder here) raises `ValueError`
with the problem in words, which the reader makes an error entry of.

FastWARC can decode both itself (`parse_http(auto_decode=...)`), but a gzip payload cut
short comes out of it as a shorter page with no error (the fault `scan` must report),
and it refuses raw deflate, which browsers read; so the codings are undone here.
"""

from __future__ import annotations

import re
import sys
import zlib

STATUS_LINE = re.compile(rb"HTTP/[0-9](?:\.[0-9])?[ \t]+[0-9]{3}(?:[ \t]|$)")
"""An HTTP response's status line (`HTTP/1.1 200 OK`, `HTTP/2 200`)."""

_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")


class OverLimitError(ValueError):
    """The page decodes to more bytes than the size limit allows."""


def is_status_line(line: bytes | None) -> bool:
    """Whether `line` opens an HTTP response.

    >>> is_status_line(b"HTTP/1.1 200 OK"), is_status_line(b"HTTP/2 404")
    (True, True)
    >>> is_status_line(b"garbage, not http"), is_status_line(None)
    (False, False)
    """
    return line is not None and STATUS_LINE.match(line) is not None


def payload(data: bytes, transfer: str, content: str, limit: int = 0) -> bytes:
    """`data` with the codings of its `Transfer-Encoding` and `Content-Encoding` headers
    (each a comma-separated list, in the order they were applied) undone.

    At most `limit` bytes (0: no limit) are decoded.

    Raises:
        ValueError: A coding is cut short, corrupt, unknown, or decodes to more than
            `limit` bytes (then `OverLimitError`).
    """
    for coding in [*_codings(content), *_codings(transfer)][::-1]:
        data = dechunk(data) if coding == "chunked" else decode(data, coding, limit)
    return data


def _codings(header: str) -> list[str]:
    codings = (c.strip().lower() for c in header.split(","))
    return [c for c in codings if c and c != "identity"]


def dechunk(data: bytes) -> bytes:
    """The body of a chunked transfer coding (RFC 9112 7.1): each chunk's size line (hex,
    maybe `;extensions`), its bytes and a line end, up to the chunk of size 0; what follows
    that (trailer fields) is not the body. Bare LF line ends are read too.

    A payload whose first line is no chunk size was not chunked, whatever the header says
    (some crawlers store the body de-chunked and keep the header): it is the body as is.

    >>> dechunk(b"5\\r\\nHello\\r\\n7;x=y\\r\\n, world\\r\\n0\\r\\n\\r\\n")
    b'Hello, world'
    >>> dechunk(b"<html>not chunked</html>")
    b'<html>not chunked</html>'

    Raises:
        ValueError: The chunks stop before the chunk of size 0, or one is malformed.
    """
    parts: list[bytes] = []
    at = 0
    while True:
        end = data.find(b"\n", at)
        line = data[at:end] if end >= 0 else data[at:]
        size = _CHUNK_SIZE.fullmatch(line.split(b";", 1)[0].strip())
        if size is None:
            if at == 0:
                return data  # never chunked
            if end < 0 and not line.strip():
                msg = f"chunked payload cut short at byte {at} (no chunk of size 0)"
            else:
                msg = f"malformed chunked payload: no chunk size at byte {at} ({line[:20]!r})"
            raise ValueError(msg)
        length = int(size.group(), 16)
        if length == 0:
            return b"".join(parts)
        start = end + 1
        if end < 0 or start + length > len(data):
            msg = f"chunked payload cut short at byte {at} (a chunk of {length:,} bytes)"
            raise ValueError(msg)
        parts.append(data[start : start + length])
        at = start + length
        if data.startswith(b"\r\n", at):
            at += 2
        elif data.startswith(b"\n", at):
            at += 1
        elif at < len(data):
            msg = f"malformed chunked payload: no line end after the chunk ending at byte {at}"
            raise ValueError(msg)


def decode(data: bytes, coding: str, limit: int = 0) -> bytes:
    """`data` decompressed from the content `coding` (gzip, x-gzip, deflate, br, zstd).

    `deflate` is read as zlib data (what the standard says) or, failing that, as raw
    deflate (what some servers send, and browsers read).

    >>> decode(zlib.compress(b"page"), "deflate")
    b'page'

    Raises:
        ValueError: The data is cut short or corrupt, or the coding is unknown.
        OverLimitError: The page is over `limit` bytes (0: no limit).
    """
    if coding in ("gzip", "x-gzip"):
        return _inflate(data, zlib.MAX_WBITS | 16, coding, limit)
    if coding == "deflate":
        zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and int.from_bytes(data[:2]) % 31 == 0
        wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
        return _inflate(data, wbits, coding, limit)
    if coding == "br":
        return _unbrotli(data, limit)
    if coding == "zstd":
        return _unzstd(data, limit)
    msg = f"unsupported Content-Encoding {coding!r}: the page cannot be decoded"
    raise ValueError(msg)


def _whole(out: bytes, finished: bool, coding: str, limit: int) -> bytes:
    """`out`, once a decoder has read its payload: an error if it outgrew `limit` or the
    compressed data ended before the page did."""
    if limit and len(out) > limit:
        raise OverLimitError(limit)
    if not finished:
        msg = f"{coding} payload cut short: its compressed data ends before the page does"
        raise ValueError(msg)
    return out


def _inflate(data: bytes, wbits: int, coding: str, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, limit + 1 if limit else 0)
    except zlib.error as error:
        msg = f"corrupt {coding} payload: {error}"
        raise ValueError(msg) from None
    _whole(out, inflater.eof, coding, limit)
    # A gzip payload may be several members one after the other (gzip(1) reads them all).
    rest = inflater.unused_data
    if wbits & 16 and rest.startswith(b"\x1f\x8b"):
        return out + _inflate(rest, wbits, coding, limit - len(out) if limit else 0)
    return out


def _unbrotli(data: bytes, limit: int) -> bytes:
    import brotli  # type: ignore[import-untyped]  # FastWARC's dependency; imported only for br pages

    inflater = brotli.Decompressor()
    try:
        if limit:
            out: bytes = inflater.process(data, output_buffer_limit=limit + 1)
        else:
            out = inflater.process(data)
    except brotli.error as error:
        msg = f"corrupt br payload: {error}"
        raise ValueError(msg) from None
    return _whole(out, inflater.is_finished(), "br", limit)


def _unzstd(data: bytes, limit: int) -> bytes:
    """`zstd` (RFC 8878): one or more frames, one after the other, as `zstd -d` reads them.

    The standard library's `compression.zstd` (Python 3.14), else its backport: imported
    only for zstd pages.
    """
    if sys.version_info >= (3, 14):
        from compression import zstd
    else:
        from backports import zstd

    out = b""
    while True:
        inflater = zstd.ZstdDecompressor()
        try:
            out += inflater.decompress(data, limit + 1 - len(out) if limit else -1)
        except zstd.ZstdError as error:
            msg = f"corrupt zstd payload: {error}"
            raise ValueError(msg) from None
        _whole(out, inflater.eof, "zstd", limit)
        data = inflater.unused_data
        if not data:
            return out
