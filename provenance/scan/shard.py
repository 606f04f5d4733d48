"""Scan one shard: read its records, prefilter, run the engine on candidates, describe hits.

`scan_shard` is what a local worker process or a Dask worker runs. It is a pure function
of (config, shard): the same shard scanned twice, anywhere, gives the same result, which
is what lets an interrupted or re-scheduled shard simply be run again.
"""

from __future__ import annotations

import codecs
import hashlib
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from provenance.analyse import Analyser, SourceResult
from provenance.errors import brief, write_log
from provenance.load import MAX_SIZE, decoded_as, known_encoding, not_utf16, read_as
from provenance.model import Document, Format
from provenance.quotes.verdicts import QuoteVerdict
from provenance.scan.inputs import JSONL_SUFFIXES, Fields, read
from provenance.scan.prefilter import MIN_GRAMS, Prefilter
from provenance.scan.records import Chunk, Counts, Problem, Record, Shard, cannot_read

_HIT_VERDICTS = {QuoteVerdict.VERBATIM, QuoteVerdict.ALTERED}
"""Quotation verdicts that make a document a hit when the quotation is attributed."""
_QUOTE_MIN_WORDS = 6
"""Fewest words of a quotation that makes a hit on its own: "peace" quoted says nothing, and
a paraphrase (the same words, reordered) is no copy (measured: every quotation-only hit on
the generator's collection with a shorter or paraphrased quotation was a false positive)."""


@dataclass(frozen=True, slots=True)
class ScanConfig:
    """Everything a worker needs, small enough to send with every task."""

    reference: Document
    fields: Fields = field(default_factory=Fields)
    min_grams: int = MIN_GRAMS
    max_size: int = MAX_SIZE
    """A document of more bytes is an error entry (`--max-size`; 0: no limit)."""


@dataclass(frozen=True, slots=True)
class ShardResult:
    """A shard's hits and problems (JSON-ready dicts) and its counts."""

    index: int
    hits: tuple[dict[str, Any], ...]
    errors: tuple[dict[str, Any], ...]
    documents: int
    bytes: int
    candidates: int
    seconds: float
    cpu: float = 0.0
    """CPU seconds of the worker's process on this shard (what a core costs, whatever the
    load on the machine; `seconds` is the wall clock)."""

    def json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "documents": self.documents,
            "bytes": self.bytes,
            "candidates": self.candidates,
            "seconds": round(self.seconds, 3),
            "cpu": round(self.cpu, 3),
            "hits": list(self.hits),
            "errors": list(self.errors),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ShardResult:
        return cls(
            data["index"],
            tuple(data["hits"]),
            tuple(data["errors"]),
            data["documents"],
            data["bytes"],
            data["candidates"],
            data["seconds"],
            data.get("cpu", 0.0),
        )


_ENGINES: dict[tuple[str, int], tuple[Analyser, Prefilter]] = {}
"""Per process: the reference prepared once and its prefilter compiled once."""


def engine(config: ScanConfig) -> tuple[Analyser, Prefilter]:
    key = (config.reference.sha256, config.min_grams)
    if key not in _ENGINES:
        analyser = Analyser.of(config.reference)
        prefilter = Prefilter.of(analyser.readable.view().text, min_grams=config.min_grams)
        prefilter.compile()  # now, so that forked workers inherit it
        _ENGINES[key] = analyser, prefilter
    return _ENGINES[key]


def scan_shard(
    config: ScanConfig, shard: Shard, index: int, chunk: Chunk | None = None
) -> ShardResult:
    """Scan every record of `shard` (of `chunk`, when streamed); hits and problems in order."""
    started, cpu = time.perf_counter(), time.process_time()
    analyser, prefilter = engine(config)
    counts = Counts()
    hits, errors, candidates = [], [], 0
    gate, offset_in = prefilter.gate(), shard.offset_in
    for item in _readable(shard, read(shard, config.fields, counts, config.max_size, chunk, gate)):
        if isinstance(item, Problem):
            errors.append(_problem(item, offset_in))
            continue
        is_candidate, grams = prefilter.candidate(_as_utf8(item.data))
        if not is_candidate:
            continue
        candidates += 1
        read_in = _document(item)
        if isinstance(read_in, Problem):
            errors.append(_problem(read_in, offset_in))
            continue
        document, charset = read_in
        try:
            # (what a hit lists, judged as `report` judges it; the rest may be left)
            result = analyser.source(document, screen_words=_QUOTE_MIN_WORDS, attributed_only=True)
            if is_hit(result):
                if not result.passages:  # its quotations were only screened
                    result = analyser.source(document, attributed_only=True)
                hit = hit_json(item, result, grams, charset, offset_in)
                if item.source.lower().endswith(JSONL_SUFFIXES):
                    hit["fields"] = asdict(config.fields)  # how to read its line again
                hits.append(hit)
        except Exception as error:  # a bug on one document costs that document, not the scan
            errors.append(_internal_error(item, error, offset_in))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return ShardResult(
        index, tuple(hits), tuple(errors), counts.documents, counts.bytes, candidates, seconds, cpu
    )


def _readable(shard: Shard, items: Iterator[Record | Problem]) -> Iterator[Record | Problem]:
    """`items`, ended by a Problem where the system stops the reading of the shard's input
    (it became unreadable since it was planned, a disk error): that input's entry, never
    the scan's end."""
    try:
        yield from items
    except OSError as error:
        yield Problem(shard.path, shard.start, cannot_read(error))


def is_hit(result: SourceResult) -> bool:
    """A located passage, or a quotation of some length attributed to the reference and in it."""
    if result.passages:
        return True
    return any(
        q.attributed and q.verdict in _HIT_VERDICTS and len(q.text.split()) >= _QUOTE_MIN_WORDS
        for q in result.quotes
    )


class Decoded(NamedTuple):
    """A record's text and the encoding it was read in (the hit's `charset`)."""

    text: str
    charset: str


def decode(record: Record) -> Decoded | Problem:
    """UTF-8, else UTF-16 its byte-order mark says, else the declared charset, else a
    problem naming the first bad byte."""
    try:
        return Decoded(record.data.decode("utf-8").removeprefix("\ufeff"), "utf-8")
    except UnicodeDecodeError as error:
        bad = error.start
    if record.data.startswith(_UTF16_BOMS):
        # (named by its byte order: "utf-16" alone labels the little-endian form)
        order = "utf-16le" if record.data.startswith(codecs.BOM_UTF16_LE) else "utf-16be"
        try:
            return Decoded(record.data.decode("utf-16").removeprefix("\ufeff"), order)
        except UnicodeDecodeError as error:
            problem = f"not valid UTF-16 (its byte-order mark) at byte {error.start}"
            return Problem(record.source, record.offset, problem, record.id)
    nul = record.data.find(b"\0")
    if nul >= 0:
        problem = f"binary, not text (a NUL byte at byte {nul})"
        return Problem(record.source, record.offset, problem, record.id)
    if record.charset:
        if not known_encoding(record.charset):
            problem = f"not valid UTF-8 at byte {bad}; unknown declared charset {record.charset!r}"
            return Problem(record.source, record.offset, problem, record.id)
        if other := not_utf16(record.data, record.charset):
            problem = f"not valid UTF-8 at byte {bad}; declared {record.charset}, but {other}"
            return Problem(record.source, record.offset, problem, record.id)
        try:
            return Decoded(decoded_as(record.data, record.charset), read_as(record.charset))
        except UnicodeDecodeError as error:
            problem = f"not valid {record.charset} (declared) at byte {error.start}"
            return Problem(record.source, record.offset, problem, record.id)
    problem = f"not valid UTF-8 at byte {bad} and no charset declared"
    return Problem(record.source, record.offset, problem, record.id)


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _as_utf8(data: bytes) -> bytes:
    """The bytes the prefilter reads: a page saved as UTF-16 (its byte-order mark says so)
    as UTF-8, since the reference's n-grams are matched as UTF-8 bytes; others as stored.

    >>> _as_utf8("\ufeffthe Parties".encode("utf-16"))
    b'the Parties'
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16").removeprefix("\ufeff").encode("utf-8")
        except UnicodeDecodeError:
            return data  # `decode` names the problem, if it is a candidate at all
    return data


def _document(record: Record) -> tuple[Document, str] | Problem:
    """The record as a Document, and the encoding its text was read in."""
    decoded = decode(record)
    if isinstance(decoded, Problem):
        return decoded
    document = Document(
        id=record.id,
        path=Path(record.source),
        sha256=hashlib.sha256(record.data).hexdigest(),
        size=len(record.data),
        text=decoded.text,
        format=Format(record.format),
    )
    return document, decoded.charset


def hit_json(
    record: Record,
    result: SourceResult,
    grams: int,
    charset: str = "utf-8",
    offset_in: str = "file",
) -> dict[str, Any]:
    """One line of HITS.jsonl: the document, where it is (`offset_in`: what its offset
    counts, `Shard.offset_in`), and what the engine found."""
    divergences = result.divergences
    quotes = [q for q in result.quotes if q.attributed or q.verdict is QuoteVerdict.UNTERMINATED]
    return {
        "id": record.id,
        "url": record.url,
        "date": record.date,
        "source": record.source,
        "offset": record.offset,
        "offset_in": offset_in,
        "format": record.format,
        "charset": charset,
        "size": len(record.data),
        "truncated": record.truncated,
        "sha256": result.document.sha256,
        "prefilter_grams": grams,
        "passages": [
            {
                "kind": p.kind.value,
                "copy": [p.copy.start, p.copy.end],
                "reference": [p.reference.start, p.reference.end],
                "score": round(p.score, 1),
            }
            for p in result.passages
        ],
        "divergences": {
            "total": len(divergences),
            "by_kind": dict(sorted(Counter(d.kind.value for d in divergences).items())),
            "by_severity": dict(sorted(Counter(str(d.severity) for d in divergences).items())),
        },
        "quotations": {
            "by_verdict": dict(sorted(Counter(q.verdict.value for q in quotes).items())),
            "list": [
                {
                    "span": [q.span.start, q.span.end],
                    "verdict": q.verdict.value,
                    "attributed": q.attributed,
                    "similarity": round(q.similarity, 1),
                }
                for q in quotes
            ],
        },
    }


def _internal_error(record: Record, error: Exception, offset_in: str) -> dict[str, Any]:
    """The error entry of a document the engine failed on; the traceback goes to a log."""
    problem = f"internal error in the engine: {brief(error)}"
    entry = _problem(Problem(record.source, record.offset, problem, record.id), offset_in)
    log = write_log(error)
    if log is not None:
        entry["log"] = str(log)
    return entry


def _problem(problem: Problem, offset_in: str) -> dict[str, Any]:
    return {
        "source": problem.source,
        "offset": problem.offset,
        "offset_in": offset_in,
        "id": problem.id,
        "problem": problem.problem,
    }
