"""provenance.scan.http: an HTTP payload de-chunked and decoded, or a ValueError saying why not."""

from __future__ import annotations

import gzip
import zlib

import brotli  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scan_helpers import zstd_frame

from provenance.scan.http import OverLimitError, dechunk, decode, is_status_line, payload


def _chunk(parts: list[bytes], *, lf: bool = False, extension: bool = False) -> bytes:
    end = b"\n" if lf else b"\r\n"
    ext = b";name=value" if extension else b""
    out = b"".join(b"%x%s%s%s%s" % (len(p), ext, end, p, end) for p in parts if p)
    return out + b"0" + end + b"Trailer: x" + end + end


@given(
    st.lists(st.binary(min_size=1, max_size=300), max_size=8),
    st.booleans(),
    st.booleans(),
)
def test_dechunk_gives_back_the_chunks_joined(parts: list[bytes], lf: bool, ext: bool) -> None:
    assert dechunk(_chunk(parts, lf=lf, extension=ext)) == b"".join(parts)


@given(st.lists(st.binary(min_size=1, max_size=300), min_size=1, max_size=8), st.data())
def test_chunks_cut_anywhere_before_the_last_are_an_error(
    parts: list[bytes], data: st.DataObject
) -> None:
    whole = _chunk(parts)
    last = whole.rindex(b"0\r\nTrailer")
    cut = data.draw(st.integers(min_value=len(b"%x" % len(parts[0])) + 1, max_value=last - 1))
    with pytest.raises(ValueError, match="chunked payload"):
        dechunk(whole[:cut])


def test_a_payload_that_was_never_chunked_is_kept_as_it_is() -> None:
    assert dechunk(b"<!DOCTYPE html><p>hi</p>") == b"<!DOCTYPE html><p>hi</p>"
    assert dechunk(b"") == b""


def test_a_malformed_chunk_after_a_good_one_is_an_error() -> None:
    with pytest.raises(ValueError, match="malformed chunked payload: no chunk size at byte 8"):
        dechunk(b"3\r\nabc\r\nzz\r\nxx\r\n0\r\n\r\n")
    with pytest.raises(ValueError, match="no line end after the chunk"):
        dechunk(b"3\r\nabcdef\r\n0\r\n\r\n")


ENCODERS = {
    "gzip": gzip.compress,
    "x-gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
    "zstd": zstd_frame,
}


@pytest.mark.parametrize("coding", sorted(ENCODERS))
def test_each_content_coding_is_decoded_and_its_cut_is_an_error(coding: str) -> None:
    encoded = ENCODERS[coding](b"page " * 100)
    assert decode(encoded, coding) == b"page " * 100
    with pytest.raises(ValueError, match="cut short"):
        decode(encoded[: len(encoded) // 2], coding)
    with pytest.raises(OverLimitError):
        decode(encoded, coding, limit=100)
    assert decode(encoded, coding, limit=500) == b"page " * 100


def test_zstd_frames_one_after_another_are_one_page_and_corrupt_data_is_an_error() -> None:
    """Before, a zstd page was an error entry ("unsupported Content-Encoding 'zstd'")."""
    assert decode(zstd_frame(b"first ") + zstd_frame(b"second"), "zstd") == b"first second"
    corrupt = zstd_frame(b"page " * 100)
    with pytest.raises(ValueError, match="corrupt zstd payload"):
        decode(corrupt[:6] + b"\xff" * 8 + corrupt[14:], "zstd")
    with pytest.raises(ValueError, match="corrupt zstd payload"):
        decode(b"<html>not zstd at all</html>", "zstd")


def test_codings_are_undone_last_first_and_identity_is_none() -> None:
    body = b"<p>page</p>" * 50
    chunked = _chunk([gzip.compress(body)])
    assert payload(chunked, "chunked", "gzip") == body
    assert payload(gzip.compress(zlib.compress(body)), "", "deflate, gzip") == body
    assert payload(body, "", "identity") == body
    with pytest.raises(ValueError, match="unsupported Content-Encoding 'compress'"):
        payload(body, "", "compress")


def test_a_status_line_is_http_s() -> None:
    assert is_status_line(b"HTTP/1.0 301 Moved Permanently")
    assert is_status_line(b"HTTP/1.1 200")
    assert not is_status_line(b"HTTP/1.1 OK")
    assert not is_status_line(b"ICY 200 OK")
    assert not is_status_line(b"")
