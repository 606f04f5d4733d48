"""provenance scan on damaged and unusual WARC input, and directories of collection files.

Each test writes its own WARC files (with `provenance.scan.collection.write_record`) and
runs the command in-process: a record cut short, HTTP payloads in a transfer or content
coding, a response that is no HTTP message, and a directory holding WARC and JSON Lines.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import uuid
import zlib
from pathlib import Path
from typing import Any

import brotli  # type: ignore[import-untyped]
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scan_helpers import errors as _errors
from scan_helpers import lines as _lines
from scan_helpers import scan_cli as _scan
from scan_helpers import zstd_frame

from provenance.cli import main
from provenance.corpus import read_manifest
from provenance.scan.collection import http_response, page, write_jsonl, write_record
from provenance.scan.inputs import Fields, plan, read
from provenance.scan.records import Counts, Problem, Record

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "cases" / "quotes" / "reference.txt"
HTML = page(REFERENCE.read_text(encoding="utf-8")).encode("utf-8")
"""A full copy of the reference as an HTML page."""


def _response(
    ident: str, body: bytes, headers: str = "", *, status: str = "HTTP/1.1 200 OK"
) -> bytes:
    """One gzip-per-record WARC response record (the raw bytes as a crawler writes them)."""
    head = f"{status}\r\nContent-Type: text/html; charset=utf-8\r\n{headers}\r\n"
    stream = io.BytesIO()
    write_record(stream, "response", f"https://example.org/{ident}", head.encode() + body,
                 "application/http; msgtype=response", ident, gz=True)  # fmt: skip
    return stream.getvalue()


def _plain(ident: str, body: bytes = HTML) -> bytes:
    stream = io.BytesIO()
    write_record(stream, "response", f"https://example.org/{ident}", http_response(body),
                 "application/http; msgtype=response", ident, gz=False)  # fmt: skip
    return stream.getvalue()


def _by_url(out: Path) -> dict[str, dict[str, Any]]:
    return {hit["url"].rsplit("/", 1)[-1]: hit for hit in _lines(out)}


def _chunked(data: bytes, size: int = 700) -> bytes:
    chunks = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"


def _raw_deflate(data: bytes) -> bytes:
    deflater = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return deflater.compress(data) + deflater.flush()


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_record_cut_short_is_an_error_naming_it_never_a_shorter_page(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file ends inside the last record's payload. Before, FastWARC's short read was
    taken for the page: a cut full copy reported as an excerpt, exit 0, and `add
    --from-scan` stored the cut bytes."""
    gz = name.endswith(".gz")
    whole = _response("whole", HTML) if gz else _plain("whole")
    cut = (_response("cut", HTML) if gz else _plain("cut"))[:-700]
    path = tmp_path / name
    path.write_bytes(whole + cut)
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    assert "1 document could not be read" in capsys.readouterr().err
    assert list(_by_url(out)) == ["whole"]
    [error] = _errors(out)
    assert error["offset"] == len(whole) and error["source"] == str(path)
    assert error["problem"].startswith("truncated WARC record: ")
    assert f"of the {len(HTML):,} bytes its Content-Length declares" in error["problem"]
    assert _scan([path], out, "--allow-errors") == 0


@pytest.mark.parametrize("cut", [350, 3000, -700])
def test_an_uncompressed_record_cut_short_inside_the_file_is_an_error_and_the_next_is_read(
    tmp_path: Path, cut: int
) -> None:
    """A `.warc` whose record is cut short and followed by more records (a crawler that
    died mid-record and appended after it). Before, the cut record was read to its
    Content-Length across the next record's bytes and scanned as a page, and the record
    after it was lost (one "Invalid WARC header" entry at the cut record)."""
    first, cut_short, third = _plain("first"), _plain("cut")[:cut], _plain("third")
    path = tmp_path / "crawl.warc"
    path.write_bytes(first + cut_short + third)
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    hits = _by_url(out)
    assert list(hits) == ["first", "third"]
    assert hits["third"]["offset"] == len(first + cut_short)
    [error] = _errors(out)
    assert (error["source"], error["offset"]) == (str(path), len(first))
    assert error["problem"].startswith("truncated WARC record: "), error


@pytest.mark.parametrize("coding", ["Content-Encoding: gzip", "Transfer-Encoding: chunked"])
def test_a_cut_record_whose_payload_is_coded_is_reported_cut_not_corrupt(
    tmp_path: Path, coding: str
) -> None:
    """A `.warc` record cut short with more records after it, its HTTP payload in a
    content or transfer coding. Before, the error blamed the coding ("corrupt gzip
    payload", "malformed chunked payload": what undoing it made of the next record's
    bytes), where an uncoded payload cut the same way is "truncated WARC record"."""
    body = gzip.compress(HTML) if "gzip" in coding else _chunked(HTML)
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{coding}\r\n\r\n"
    stream = io.BytesIO()
    write_record(stream, "response", "https://example.org/cut", head.encode() + body,
                 "application/http; msgtype=response", "cut", gz=False)  # fmt: skip
    whole = stream.getvalue()
    first, third = _plain("first"), _plain("third")
    path = tmp_path / "crawl.warc"
    path.write_bytes(first + whole[: len(whole) // 2] + third)
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    assert list(_by_url(out)) == ["first", "third"]
    [error] = _errors(out)
    assert error["offset"] == len(first)
    assert error["problem"].startswith("truncated WARC record: another record begins"), error


@pytest.mark.parametrize("cut", [5, 10, 100, 300])
def test_an_uncompressed_file_that_ends_inside_a_records_headers_is_an_error(
    tmp_path: Path, cut: int
) -> None:
    """Before, a file ending a few bytes into a record's headers ended without a word, or
    (cut after its WARC-Type) with "a response record that is not HTTP"."""
    first = _plain("first")
    path = tmp_path / "crawl.warc"
    path.write_bytes(first + _plain("cut")[:cut])
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    assert list(_by_url(out)) == ["first"]
    [error] = _errors(out)
    assert error["offset"] == len(first)
    assert error["problem"].startswith("truncated WARC record: "), error


def test_a_gzip_member_cut_short_or_corrupt_is_an_error_at_that_member(tmp_path: Path) -> None:
    """A member cut in its last bytes (the record's payload whole, its gzip trailer not)
    was read as if whole, with no word that the file is cut; a member cut in the middle of
    the file was reported at the record before it."""
    first, second, third = (_response(i, HTML) for i in ("first", "second", "third"))
    tail = tmp_path / "tail.warc.gz"
    tail.write_bytes(first + second[:-4])
    middle = tmp_path / "middle.warc.gz"
    middle.write_bytes(first + second[: len(second) // 2] + third)
    out = tmp_path / "hits.jsonl"
    assert _scan([tail, middle], out) == 1
    problems = {(Path(e["source"]).name, e["offset"], e["problem"]) for e in _errors(out)}
    assert {(n, o) for n, o, _ in problems} == {
        ("tail.warc.gz", len(first)),
        ("middle.warc.gz", len(first)),
    }
    assert all(p.startswith("truncated or corrupt WARC data: ") for _, _, p in problems)
    hits = {(Path(h["source"]).name, h["url"].rsplit("/", 1)[-1]) for h in _lines(out)}
    # the tail's record is whole (its payload read to its Content-Length); the file is not
    assert hits == {
        ("tail.warc.gz", "first"),
        ("tail.warc.gz", "second"),
        ("middle.warc.gz", "first"),
        ("middle.warc.gz", "third"),
    }


def _damaged(kind: str) -> tuple[bytes, int, list[str]]:
    """Four gzip-per-record responses with damage of `kind` after the first: the file,
    the offset of the damage, and the records still readable."""
    a, b, c, d = (_response(i, HTML) for i in "abcd")
    bad = {
        "cut": (b[: len(b) // 2], 0),
        "corrupt": (b[:100] + b"\xff" * 50 + b[150:], 0),
        "crc": (b[:-8] + bytes([b[-8] ^ 1]) + b[-7:], 0),
        "not-gzip": (b"\x1f\x8c" + b[2:], 0),
        "cut-in-headers": (b[:30], 0),
        "junk-after": (b + b"not gzip data\n" * 3, len(b)),
    }
    damaged, at = bad[kind]
    readable = ["a", "b", "c", "d"] if at else ["a", "c", "d"]
    return a + damaged + c + d, len(a) + at, readable


@pytest.mark.parametrize(
    "kind", ["cut", "corrupt", "crc", "not-gzip", "cut-in-headers", "junk-after"]
)
@pytest.mark.parametrize("shard_mb", ["4", "0.003"])
def test_the_records_after_a_damaged_gzip_member_are_read(
    tmp_path: Path, kind: str, shard_mb: str
) -> None:
    """Before, the first damaged member ended the file's reading: one error entry (at the
    record before it, for data that is not gzip), every record after it lost. Now the
    damage is one entry at its offset and reading goes on at the next gzip member that
    holds a WARC record, in one shard or several."""
    data, at, readable = _damaged(kind)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out, "--shard-mb", shard_mb) == 1
    assert list(_by_url(out)) == readable
    [error] = _errors(out)
    assert (error["source"], error["offset"]) == (str(path), at), error
    assert error["problem"].startswith("truncated or corrupt WARC data: "), error


def test_add_from_scan_refuses_a_hit_whose_record_was_cut_since(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_plain("page"))
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 0
    path.write_bytes(path.read_bytes()[:-700])
    manifest = (corpus_dir / "manifest.toml").read_bytes()
    capsys.readouterr()
    # the hit's own record is cut: named in one line, as any hit that cannot be added
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "truncated WARC record" in err, err
    assert (corpus_dir / "manifest.toml").read_bytes() == manifest


def _truncated(ident: str, body: bytes, headers: str = "") -> bytes:
    """A gzip-per-record response the crawler cut, as Common Crawl writes a page over
    1 MiB: the record whole, its payload the page's start, `WARC-Truncated: length`."""
    record = gzip.decompress(_response(ident, body, headers))
    mark = b"\r\nWARC-Truncated: length\r\nContent-Length:"
    return gzip.compress(record.replace(b"\r\nContent-Length:", mark, 1), mtime=0)


def test_a_record_the_crawler_truncated_is_a_hit_that_says_so(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, a record marked `WARC-Truncated` was read as any other: a full copy the
    crawler cut came out as an excerpt, with nothing to tell its cut from the site's. Now
    its hit says `"truncated": "length"` (the header's reason; "" for a whole record), the
    summary counts such hits, `add --from-scan` writes it in the capture's note, and a
    coding it cut short stays an error entry that names the truncation."""
    path = tmp_path / "crawl.warc.gz"
    coded = gzip.compress(HTML)[:500]
    path.write_bytes(
        _response("whole", HTML)
        + _truncated("cut", HTML[: len(HTML) // 2])
        + _truncated("coded", coded, "Content-Encoding: gzip\r\n")
    )
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    assert "2 hits (1 from records the crawler truncated)" in capsys.readouterr().err
    hits = _by_url(out)
    assert (hits["whole"]["truncated"], hits["cut"]["truncated"]) == ("", "length")
    [error] = _errors(out)
    assert error["problem"].startswith("gzip payload cut short"), error
    assert "WARC-Truncated: length" in error["problem"]
    cut = hits["cut"]["id"]
    assert main(["add", "--from-scan", str(out), "--select", cut, "--corpus", str(corpus_dir)]) == 0
    assert "truncated by the crawler (WARC-Truncated: length)" in capsys.readouterr().out
    [entry] = [e for e in read_manifest(corpus_dir).entries if f"scan hit {cut}" in e.note]
    assert "WARC-Truncated: length" in entry.note


CODED = {
    "gzip": (gzip.compress(HTML), "Content-Encoding: gzip\r\n"),
    "x-gzip": (gzip.compress(HTML), "Content-Encoding: x-gzip\r\n"),
    "deflate": (zlib.compress(HTML), "Content-Encoding: deflate\r\n"),
    "raw-deflate": (_raw_deflate(HTML), "Content-Encoding: deflate\r\n"),
    "br": (brotli.compress(HTML), "Content-Encoding: br\r\n"),
    "zstd": (zstd_frame(HTML), "Content-Encoding: zstd\r\n"),
    "chunked": (_chunked(HTML), "Transfer-Encoding: chunked\r\n"),
    "chunked-gzip": (
        _chunked(gzip.compress(HTML)),
        "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
    ),
    "two-members": (
        gzip.compress(HTML[:1000]) + gzip.compress(HTML[1000:]),
        "Content-Encoding: gzip\r\n",
    ),
    "identity": (HTML, "Content-Encoding: identity\r\n"),
    "dechunked-already": (HTML, "Transfer-Encoding: chunked\r\n"),
}
BAD = {
    "cut-gzip": (
        gzip.compress(HTML)[:-200],
        "Content-Encoding: gzip\r\n",
        "gzip payload cut short",
    ),
    "corrupt-gzip": (
        gzip.compress(HTML)[:40] + b"\xff" * 40 + gzip.compress(HTML)[80:],
        "Content-Encoding: gzip\r\n",
        "corrupt gzip payload",
    ),
    "cut-br": (brotli.compress(HTML)[:-50], "Content-Encoding: br\r\n", "br payload cut short"),
    "cut-chunks": (_chunked(HTML)[:-900], "Transfer-Encoding: chunked\r\n", "chunked payload cut"),
    "cut-zstd": (zstd_frame(HTML)[:-50], "Content-Encoding: zstd\r\n", "zstd payload cut short"),
    "compress": (HTML, "Content-Encoding: compress\r\n", "unsupported Content-Encoding"),
}


def test_http_transfer_and_content_codings_are_undone_before_the_page_is_read(
    tmp_path: Path,
) -> None:
    """Before, a gzip (or deflate, br) page was no hit and no error: its compressed bytes
    were the document; a chunked one kept its chunk-size lines, which the engine counted
    as 5 material substitutions of a verbatim copy. Now each is the page itself: the same
    bytes (sha256), passages and divergences as the page stored plain, and a coding that
    cannot be undone is an error entry naming the record."""
    path = tmp_path / "crawl.warc.gz"
    records = [_response("plain", HTML)]
    records += [_response(name, body, headers) for name, (body, headers) in CODED.items()]
    records += [_response(name, body, headers) for name, (body, headers, _) in BAD.items()]
    path.write_bytes(b"".join(records))
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    hits = _by_url(out)
    assert set(hits) == {"plain", *CODED}
    plain = hits.pop("plain")
    assert plain["sha256"] == hashlib.sha256(HTML).hexdigest()
    assert plain["passages"][0]["kind"] == "full" and plain["divergences"]["total"] == 0
    for name, hit in hits.items():
        for key in ("sha256", "size", "passages", "divergences", "charset", "format"):
            assert hit[key] == plain[key], (name, key)
    offsets = {
        rec_id: sum(map(len, records[:n])) for n, rec_id in enumerate(["plain", *CODED, *BAD])
    }
    found = {e["offset"]: e["problem"] for e in _errors(out)}
    assert found.keys() == {offsets[name] for name in BAD}
    for name, (_, _, problem) in BAD.items():
        assert found[offsets[name]].startswith(problem), (name, found[offsets[name]])


def test_a_page_that_decompresses_past_max_size_is_an_error(tmp_path: Path) -> None:
    big = HTML + b"<!--" + b" " * 200_000 + b"-->"
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_response("bomb", gzip.compress(big), "Content-Encoding: gzip\r\n"))
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out, "--max-size", "100K") == 1
    [error] = _errors(out)
    assert error["problem"].startswith("decompressed: more than 102,400 bytes, over the size limit")
    assert _scan([path], out, "--max-size", "1M") == 0


def test_a_response_whose_status_line_is_not_http_is_an_error(tmp_path: Path) -> None:
    """Before, a block starting "garbage, not http" was taken as an HTTP message whose
    status line FastWARC could not read, and the rest scanned as its page."""
    path = tmp_path / "crawl.warc.gz"
    garbage = _response("garbage", HTML, status="garbage, not http")
    http2 = _response("http2", HTML, status="HTTP/2 200")
    path.write_bytes(garbage + http2)
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    assert list(_by_url(out)) == ["http2"]
    [error] = _errors(out)
    assert error["offset"] == 0
    assert (
        error["problem"] == "a response record that is not HTTP (status line 'garbage, not http')"
    )


def test_a_status_line_that_is_not_http_is_quoted_as_utf_8(tmp_path: Path) -> None:
    """The first line of a payload that is no HTTP message, quoted in the error, was
    decoded as Windows-1252: UTF-8 "People’s" read "Peopleâ€™s"."""
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_response("text", HTML, status="The People’s Republic"))
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    [error] = _errors(out)
    assert error["problem"].endswith("(status line 'The People’s Republic')"), error


def test_a_directory_is_read_with_the_collection_files_under_it(tmp_path: Path) -> None:
    """A directory of WARC and JSON Lines files scanned 0 documents, exit 0. Now each
    collection file under it is read as if named on the command line (sorted by path,
    after the directory's pages): the same hits and errors as naming them, in the same
    order."""
    crawl = tmp_path / "crawl"
    (crawl / "b").mkdir(parents=True)
    text = REFERENCE.read_text(encoding="utf-8")
    (crawl / "page.txt").write_text("Reprinted:\n\n" + text, encoding="utf-8")
    (crawl / "b" / "one.warc.gz").write_bytes(
        _response("one", HTML) + _response("cut", HTML)[:-700]
    )
    (crawl / "a.warc").write_bytes(_plain("two"))
    write_jsonl([("three", text), ("noise", "nothing to see here")], crawl / "b" / "c.jsonl")
    write_jsonl([("four", text)], crawl / "d.jsonl.gz")
    (crawl / "notes.pdf").write_bytes(b"%PDF-1.4")  # passed over, as before
    out = tmp_path / "hits.jsonl"
    assert _scan([crawl], out, "--shard-mb", "0.001") == 1
    found = [
        (Path(h["source"]).relative_to(crawl).as_posix(), h["url"] or h["id"]) for h in _lines(out)
    ]
    assert found == [
        ("a.warc", "https://example.org/two"),
        ("b/c.jsonl", "https://example.org/three"),
        ("b/one.warc.gz", "https://example.org/one"),
        ("d.jsonl.gz", "https://example.org/four"),
        ("page.txt", "page.txt"),
    ]
    [error] = _errors(out)
    assert Path(error["source"]).name == "one.warc.gz" and error["problem"].startswith("truncated")
    files = sorted(p for p in crawl.rglob("*") if p.suffix in (".warc", ".gz", ".jsonl"))
    named = tmp_path / "named.jsonl"
    assert _scan([*files], named) == 1
    assert [h for h in _lines(out) if not h["source"].endswith("page.txt")] == _lines(named)


def test_scan_help_says_what_a_directory_holds(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scan", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "directories (their pages and the .jsonl(.gz), .warc(.gz), .wet(.gz) files" in help_text


@settings(max_examples=60, deadline=None)
# A record cut where its claimed length lands on CRLFs inside the next record: it read as
# whole, and the record it ran into was lost.
@example(gz=False, damaged=1, how="cut", where=0.8232961741887751, junk=b"x", shard=2_500)
# A record cut inside its headers, right before their blank line: FastWARC read the next
# record's headers and payload as its own, and that record was lost.
@example(gz=False, damaged=1, how="cut", where=0.1328125, junk=b"\x00", shard=2_500)
@given(
    gz=st.booleans(),
    damaged=st.integers(1, 4),
    how=st.sampled_from(["cut", "flip", "insert", "delete"]),
    where=st.floats(0, 1, exclude_max=True),
    junk=st.binary(min_size=1, max_size=30),
    shard=st.sampled_from([2_500, 4 << 20]),
)
def test_damage_to_one_record_never_costs_another(
    tmp_path_factory: pytest.TempPathFactory,
    gz: bool,
    damaged: int,
    how: str,
    where: float,
    junk: bytes,
    shard: int,
) -> None:
    """Cut, a bit flipped, bytes inserted or deleted anywhere in one record of six: every
    other record is read, each damaged stretch is said once, and nothing raises."""
    body = HTML[:1500]
    records = [_response(str(n), body) if gz else _plain(str(n), body) for n in range(6)]
    record = bytearray(records[damaged])
    at = int(where * len(record))
    if how == "cut":
        del record[at:]
    elif how == "flip":
        record[at] ^= 0x10
    elif how == "insert":
        record[at:at] = junk
    else:
        del record[at : at + len(junk)]
    records[damaged] = bytes(record)
    path = tmp_path_factory.mktemp("damage") / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(b"".join(records))
    items = [i for s in plan([path], shard_bytes=shard) for i in read(s, Fields(), Counts())]
    read_ids = {i.url.rsplit("/", 1)[-1] for i in items if isinstance(i, Record)}
    assert read_ids >= {str(n) for n in range(6) if n != damaged}
    problems = [i.offset for i in items if isinstance(i, Problem)]
    assert len(problems) == len(set(problems))


@pytest.mark.parametrize("cut", [100, 350, 3000, -700])
@pytest.mark.parametrize("after", [True, False], ids=["more-after", "at-the-end"])
def test_a_record_cut_short_with_its_id_read_is_an_error_with_that_id(
    tmp_path: Path, cut: int, after: bool
) -> None:
    """An uncompressed record cut short (with more records after it, or at the file's
    end) whose WARC-Record-ID line is whole: its error entry had an empty id."""
    first, cut_short = _plain("first"), _plain("cut")[:cut]
    path = tmp_path / "crawl.warc"
    path.write_bytes(first + cut_short + (_plain("third") if after else b""))
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    [error] = _errors(out)
    assert error["offset"] == len(first)
    assert error["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "cut")), error


def _crawl() -> tuple[bytes, dict[str, int]]:
    """An uncompressed crawl: a warcinfo record, then three responses holding copies (and
    a page that is none); the bytes and each copy's record offset."""
    stream, offsets = io.BytesIO(), {}
    write_record(stream, "warcinfo", "", b"software: test\r\n", "application/warc-fields",
                 "info", gz=False)  # fmt: skip
    text = REFERENCE.read_text(encoding="utf-8")
    for ident, body in [
        ("one", HTML),
        ("weather", page("Rain, then sun over the hills.").encode()),
        ("two", page(text + "\n\nReported by the desk.").encode()),
        ("three", page("Copied:\n\n" + text).encode()),
    ]:
        offsets[ident] = stream.tell()
        write_record(stream, "response", f"https://example.org/{ident}", http_response(body),
                     "application/http; msgtype=response", ident, gz=False)  # fmt: skip
    del offsets["weather"]
    return stream.getvalue(), offsets


def _one_stream(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _two_streams(data: bytes) -> bytes:
    """Two gzip members of several records each (files concatenated after compression)."""
    half = data.index(b"WARC/1.0", len(data) // 2)
    return _one_stream(data[:half]) + _one_stream(data[half:])


def _info_then_one_stream(data: bytes) -> bytes:
    """The warcinfo record a member of its own, every other record in one stream."""
    second = data.index(b"WARC/1.0", 1)
    return _one_stream(data[:second]) + _one_stream(data[second:])


@pytest.mark.parametrize("compress", [_one_stream, _two_streams, _info_then_one_stream])
def test_a_warc_gz_not_compressed_a_member_a_record_gives_offsets_add_can_read(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str], compress: Any
) -> None:
    """`gzip -c crawl.warc > crawl.warc.gz` (one stream), or streams of many records
    concatenated: every hit had the same offset (the compressed position FastWARC had read
    to), so `add --from-scan` found no record. Offsets are now the records' in the
    decompressed stream, said by the hit's `offset_in`, and `add` decompresses to them."""
    data, offsets = _crawl()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(compress(data))
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 0
    hits = _by_url(out)
    assert {url: hit["offset"] for url, hit in hits.items()} == offsets
    assert {hit["offset_in"] for hit in hits.values()} == {"decompressed"}
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(data)
    assert _scan([plain], tmp_path / "plain.jsonl") == 0
    same = _by_url(tmp_path / "plain.jsonl")
    assert {u: h["sha256"] for u, h in hits.items()} == {u: h["sha256"] for u, h in same.items()}
    assert {hit["offset_in"] for hit in same.values()} == {"file"}
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 0
    assert capsys.readouterr().out.count("added ") == 3
    stored = {e.sha256 for e in read_manifest(corpus_dir).entries}
    assert {hit["sha256"] for hit in hits.values()} <= stored


def test_a_warc_gz_in_one_stream_cut_short_gives_the_records_before_the_cut(
    tmp_path: Path,
) -> None:
    """The stream cut inside its last record: the records before it are hits at their
    offsets, the cut record an error with its id, the cut stream one more."""
    data, offsets = _crawl()
    whole = _one_stream(data)
    inside = offsets["three"] + 500  # decompressed
    cut = next(
        n for n in range(len(whole)) if len(zlib.decompressobj(31).decompress(whole[:n])) > inside
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(whole[:cut])
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    assert {url: hit["offset"] for url, hit in _by_url(out).items()} == {
        "one": offsets["one"],
        "two": offsets["two"],
    }
    [record, stream] = _errors(out)
    assert (record["offset"], record["id"]) == (
        offsets["three"],
        str(uuid.uuid5(uuid.NAMESPACE_URL, "three")),
    )
    assert record["problem"].startswith("truncated WARC record: ")
    assert stream["problem"] == "truncated or corrupt WARC data: the file ends inside a gzip stream"
    assert record["offset_in"] == stream["offset_in"] == "decompressed"


def test_add_from_scan_of_a_hit_with_a_compressed_offset_into_one_stream_says_to_scan_again(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hit of a scan before offsets in the decompressed stream were given: its offset is
    FastWARC's compressed position, where no record starts."""
    data, _ = _crawl()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_one_stream(data))
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 0
    hit = _lines(out)[0]
    del hit["offset_in"]
    hit["offset"] = path.stat().st_size
    old = tmp_path / "old.jsonl"
    old.write_text(json.dumps(hit) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", "--from-scan", str(old), "--corpus", str(corpus_dir)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "not compressed a gzip member a record" in line and "scan it again" in line, line


@pytest.mark.parametrize("kept", [1, 2])
def test_a_file_cut_inside_a_gzip_members_header_says_so(tmp_path: Path, kept: int) -> None:
    """A .warc.gz cut one or two bytes into a member (the gzip magic, "\\x1f" or
    "\\x1f\\x8b") was "not gzip data where a gzip member should start (b'\\x1f')": the
    bytes are the start of a member, and the file ends inside it."""
    first, second = _response("0", HTML), _response("1", HTML)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(first + second[:kept])
    items = [i for s in plan([path]) for i in read(s, Fields(), Counts())]
    [problem] = [i for i in items if isinstance(i, Problem)]
    assert problem.offset == len(first)
    assert "cut short" in problem.problem and "not gzip data" not in problem.problem
    assert [i.url.rsplit("/", 1)[-1] for i in items if isinstance(i, Record)] == ["0"]


@pytest.mark.parametrize("gz", [True, False])
def test_a_record_the_file_ends_inside_its_status_line_is_truncated_not_other_than_http(
    tmp_path: Path, gz: bool
) -> None:
    """A file cut inside a record's HTTP status line ("HTTP/1.1 20") was an error saying
    the record "is not HTTP", which sends a reader looking for a crawler's fault; it is a
    record cut short."""
    first = _response("first", HTML) if gz else _plain("first")
    cut = _plain("second")
    cut = cut[: cut.index(b"HTTP/1.1 200") + len(b"HTTP/1.1 20")]
    data = first + (gzip.compress(cut) if gz else cut)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    [error] = _errors(out)
    assert error["offset"] == len(first)
    assert error["problem"].startswith("truncated WARC record"), error["problem"]
    assert "not HTTP" not in error["problem"]


def test_a_record_cut_inside_its_id_has_no_id_and_a_cut_member_names_its_record(
    tmp_path: Path,
) -> None:
    """A file cut inside a record's WARC-Record-ID gave the error the cut value as its id
    (an id no record has); a record whose gzip member is cut after its payload, a page
    and an error, gave the error no id though its headers were read."""
    first, second = _response("first", HTML), _response("second", HTML)
    inside_id = gzip.decompress(second)
    inside_id = inside_id[: inside_id.index(b"WARC-Record-ID:") + len(b"WARC-Record-ID: <urn:uu")]
    cut_id = tmp_path / "cut-id.warc.gz"
    cut_id.write_bytes(first + gzip.compress(inside_id))
    out = tmp_path / "hits.jsonl"
    assert _scan([cut_id], out) == 1
    assert [(e["offset"], e["id"]) for e in _errors(out)] == [(len(first), "")]
    after_payload = tmp_path / "after-payload.warc.gz"
    after_payload.write_bytes(first + second[:-4])
    assert _scan([after_payload], out) == 1
    [hit] = [h for h in _lines(out) if h["offset"] == len(first)]
    [error] = _errors(out)
    assert (error["offset"], error["id"]) == (len(first), hit["id"])
    assert hit["id"]


def test_add_takes_a_warc_hits_id_as_its_warc_record_id_gives_it(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A WARC hit's id is its WARC-Record-ID without "<urn:uuid:" and ">": `add --select`
    given the id as the record's header writes it said there was no such hit."""
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_response("first", HTML))
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 0
    [hit] = _lines(out)
    header = f"<urn:uuid:{hit['id']}>"
    assert header.encode() in gzip.decompress(path.read_bytes())
    capsys.readouterr()
    args = ["add", "--from-scan", str(out), "--select", header, "--corpus", str(corpus_dir)]
    assert main(args) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.count("added ") == 1
    # an id no hit has is named as given, not as read
    args[args.index(header)] = "<urn:uuid:no-such-record>"
    assert main(args) == 2
    assert "no hit with id '<urn:uuid:no-such-record>'" in capsys.readouterr().err
