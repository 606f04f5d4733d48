"""Write a collection of documents in each input format `scan` reads.

Used by the tests and `benchmarks/scan_bench.py` to put the generator's documents
(`corpus.jsonl` of `gen_corpus.py`) in a directory, JSON Lines (plain or gzip), WARC
response records of HTML pages (gzip per record, as crawlers write them) and WET
conversion records. The WARC writing is the format's few lines (WARC/1.0 headers,
Content-Length, a blank line, the block, two CRLFs), so no library is needed to write.
"""

from __future__ import annotations

import gzip
import html
import json
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

Doc = tuple[str, str]
"""(id, text) of one document."""


def read_jsonl(path: Path, limit: int | None = None) -> list[Doc]:
    docs = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            obj = json.loads(line)
            docs.append((obj["id"], obj["text"]))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def write_directory(docs: Iterable[Doc], directory: Path) -> None:
    """One UTF-8 `.txt` file a document, spread over subdirectories of 1,000."""
    for n, (ident, text) in enumerate(docs):
        sub = directory / f"{n // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{ident}.txt").write_bytes(text.encode("utf-8"))


def write_jsonl(docs: Iterable[Doc], path: Path) -> None:
    """`.jsonl` or, when the name ends in .gz, `.jsonl.gz`; with a url and date each."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="") as stream:
        for ident, text in docs:
            obj = {"id": ident, "url": _url(ident), "date": "2024-01-01", "text": text}
            stream.write(json.dumps(obj, ensure_ascii=False) + "\n")


def page(text: str) -> str:
    """A document as a small HTML page: one <p> a paragraph, text escaped."""
    paras = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in text.split("\n\n"))
    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>t</title></head>\n'
    return f"{head}<body>\n{paras}</body></html>\n"


def write_warc(docs: Iterable[Doc], path: Path, *, wet: bool = False) -> dict[str, int]:
    """A WARC of HTML `response` records (or, `wet`, text `conversion` records).

    Gzip per record when the name ends in .gz. Returns the record offset of each id.
    """
    offsets = {}
    with path.open("wb") as stream:
        for ident, text in docs:
            offsets[ident] = stream.tell()
            if wet:
                write_record(stream, "conversion", _url(ident), text.encode("utf-8"),
                             "text/plain", ident, gz=path.name.endswith(".gz"))  # fmt: skip
            else:
                body = page(text).encode("utf-8")
                write_record(stream, "response", _url(ident), http_response(body),
                             "application/http; msgtype=response", ident,
                             gz=path.name.endswith(".gz"))  # fmt: skip
    return offsets


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def write_record(
    stream: BinaryIO,
    kind: str,
    url: str,
    block: bytes,
    content_type: str,
    ident: str,
    *,
    gz: bool,
) -> None:
    """One WARC/1.0 record (gzip member of its own when `gz`)."""
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, ident)
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    data = head.encode("utf-8") + block + b"\r\n\r\n"
    stream.write(gzip.compress(data, compresslevel=6, mtime=0) if gz else data)


def _url(ident: str) -> str:
    return f"https://example.org/{ident}"
