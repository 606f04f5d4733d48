"""`provenance add --from-scan HITS.jsonl`: bring chosen hits into the corpus for review.

Each hit is read again from its source at its record offset, and its bytes must still
have the sha256 the scan recorded; they are then added exactly as stored (for JSON
Lines, the text or html field as UTF-8), in the charset the scan read them in (recorded
in the manifest when not UTF-8), with the url and date the input gave and the source and
record offset in the entry's note, through `provenance.manifest.add`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from provenance.corpus import read_manifest
from provenance.errors import ExitCode, InputError, one_line
from provenance.load import UTF8, known_encoding
from provenance.scan.inputs import GZIP_ERRORS, WARC_SUFFIXES, Fields, json_record
from provenance.scan.records import Problem, Record
from provenance.scan.run import shards_dir
from provenance.scan.warc import one_record_a_member, record_id, warc_record

_SUFFIX = {"html": ".html", "markdown": ".md", "text": ".txt"}


def add_hits(args: argparse.Namespace) -> int:
    from provenance.manifest import add, recorded_line

    hits = _read_hits(args.from_scan)
    if args.select is not None:
        wanted = [s.strip() for s in args.select.split(",") if s.strip()]
        if not wanted:  # an empty shell variable must not mean "every hit"
            raise InputError(Path("--select"), "no hit ids given (drop --select to add all)")
        known = {h["id"] for h in hits}
        missing = [w for w in wanted if w not in known and record_id(w) not in known]
        if missing:  # (named as given)
            raise InputError(args.from_scan, f"no hit with id {', '.join(map(repr, missing))}")
        # a WARC hit's id as its WARC-Record-ID gives it ("<urn:uuid:...>")
        wanted = [w if w in known else record_id(w) for w in wanted]
        hits = [h for h in hits if h["id"] in wanted]
        for id in wanted:
            same = [h for h in hits if h["id"] == id]
            if len({h["sha256"] for h in same}) > 1:  # two inputs gave one id to two pages
                where = "; ".join(_place(h) for h in same)
                raise InputError(
                    args.from_scan,
                    f"{len(same)} hits have id {id!r} ({where}): copy the line of the one "
                    "you want into a file of its own and add from that",
                )
    planned = _fields(args.from_scan)
    stored = {e.sha256: e.file for e in read_manifest(args.corpus).entries}
    refused = 0
    for hit in hits:
        if hit["sha256"] in stored:
            # The same page in two inputs (a directory and its JSON Lines export), or a
            # hit brought in before: its bytes are in the corpus once, as they should be.
            print(
                _shown(
                    f"skipped hit {hit['id']} ({_place(hit)}): "
                    f"its bytes are already in the corpus as {stored[hit['sha256']]}"
                )
            )
            continue
        where = _shown(f"hit {hit['id']} ({_place(hit)})")
        charset = hit.get("charset") or UTF8
        if not isinstance(charset, str) or not known_encoding(charset):
            print(
                "provenance: " + one_line(f"{where}: unknown charset {charset!r}"), file=sys.stderr
            )
            refused += 1
            continue
        try:
            record = record_of(hit, _fields_of(hit, planned), args.from_scan)
        except InputError as error:
            # this hit's bytes are not what the scan saw (the page changed, the record
            # moved, the source is gone or damaged): named, and the other hits go on
            print("provenance: " + one_line(f"{where}: {error.problem}"), file=sys.stderr)
            refused += 1
            continue
        with tempfile.TemporaryDirectory() as temp:
            file = Path(temp) / ("hit" + _SUFFIX.get(record.format, ".txt"))
            file.write_bytes(record.data)
            note = _shown(f"scan hit {hit['id']}: {_place(hit)}")
            cut = f"truncated by the crawler (WARC-Truncated: {record.truncated})"
            if record.truncated:  # the page may be longer than the capture
                note += f"; {cut}, the page may be longer"
            try:
                entry = add(
                    args.corpus,
                    file,
                    url=hit.get("url") or "unknown",
                    date=hit.get("date") or "unknown",
                    holds=holds(hit),
                    note=note,
                    encoding=charset,  # the bytes as the page gave them
                )
            except InputError as error:
                # the hit's own bytes cannot be a capture (a page of NUL bytes): named by
                # its id and source, not the temporary file; the other hits go on
                print("provenance: " + one_line(f"{where}: {error.problem}"), file=sys.stderr)
                refused += 1
                continue
        stored[entry.sha256] = entry.file
        said = f"; {cut}" if record.truncated else ""
        written = "" if entry.encoding == UTF8 else f" in {entry.encoding}"
        print(
            _shown(
                f"added {args.corpus / entry.file}: id {entry.id} (hit {hit['id']}), "
                f"{entry.size} bytes{written}{said}"
            )
        )
        if entry.blemishes:
            print(recorded_line(args.corpus / entry.file, entry.blemishes))
    return ExitCode.FINDINGS if refused else ExitCode.OK


def _place(hit: dict[str, Any]) -> str:
    """Where a hit's record is: its source and byte offset, saying when the offset counts
    the bytes of a gzip stream decompressed (a .jsonl.gz, a WARC.gz of one member), not of
    the file.

    >>> _place({"source": "a.jsonl.gz", "offset": 120, "offset_in": "decompressed"})
    'a.jsonl.gz at byte 120 of its decompressed stream'
    """
    where = f"{hit['source']} at byte {hit['offset']}"
    if hit.get("offset_in") == "decompressed":
        where += " of its decompressed stream"
    return where


def _shown(text: str) -> str:
    """`text` as one line that any terminal or the UTF-8 manifest can take: a file name's
    undecodable bytes (kept by the scan as lone surrogates) as backslash escapes, control
    characters as `one_line` shows them.

    >>> _shown("latin\\udce9name.txt\\x1b[31m")
    'latin\\\\xe9name.txt\\\\x1b[31m'
    """
    return one_line(text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))


def holds(hit: dict[str, Any]) -> tuple[str, ...]:
    """What the hit holds of the reference, in the manifest's words."""
    kinds = {p["kind"] for p in hit["passages"]}
    out = []
    if "full" in kinds:
        out.append("full")
    if "excerpt" in kinds:
        out.append("excerpts")
    if hit["quotations"]["by_verdict"].keys() & {"verbatim", "altered", "paraphrase"}:
        out.append("quotations")
    return tuple(out)


class HitGoneError(InputError):
    """One hit's record is not at its offset any more, or its bytes changed since the scan.
    Like any `InputError` of `record_of` (a source gone or damaged), that hit cannot be
    added and the others can."""


def record_of(hit: dict[str, Any], fields: Fields, hits: Path | None = None) -> Record:
    """The hit's record read again from its source; its bytes as the scan saw them.

    A relative source (a scan before sources were recorded absolute) is read from the
    working directory, else beside the HITS file `hits`."""
    source, offset = Path(hit["source"]), int(hit["offset"])
    if not source.is_absolute() and not source.exists() and hits is not None:
        source = hits.parent / source
    name = source.name.lower()
    try:
        if name.endswith(WARC_SUFFIXES):
            found = _warc_at(source, offset, decompressed=hit.get("offset_in") == "decompressed")
        elif name.endswith(".jsonl.gz"):
            with gzip.open(source, "rb") as stream:
                stream.seek(offset)
                found = json_record(stream.readline(), str(source), offset, fields)
        elif name.endswith(".jsonl"):
            with source.open("rb") as stream:
                stream.seek(offset)
                found = json_record(stream.readline(), str(source), offset, fields)
        else:
            found = Record(hit["id"], _page_bytes(source), str(source), 0, hit["format"])
    except GZIP_ERRORS as error:  # OSError and EOFError, and zlib.error of corrupt gzip data
        raise InputError(source, f"cannot read hit {hit['id']!r}: {error}") from None
    if isinstance(found, Problem):
        # (what stands at the hit's byte now is no record: the source changed under it)
        moved = f"no record there any more ({found.problem}): the source changed since"
        raise HitGoneError(source, f"{moved} the scan; scan again")
    if hashlib.sha256(found.data).hexdigest() != hit["sha256"]:
        raise HitGoneError(source, "its bytes changed since the scan (sha256 differs); scan again")
    return found


def _page_bytes(source: Path) -> bytes:
    """A directory's page, one file a hit: a page gone or unreadable is that hit's problem."""
    try:
        return source.read_bytes()
    except OSError as error:
        raise HitGoneError(source, f"cannot read: {error.strerror or error}") from None


def _warc_at(source: Path, offset: int, *, decompressed: bool = False) -> Record | Problem:
    """The record at `offset` of the file, or (`decompressed`: a .warc.gz not compressed
    one record a member) of its decompressed stream, which is decompressed to there."""
    wanted = WarcRecordType.response | WarcRecordType.conversion | WarcRecordType.resource
    opened = gzip.open(source, "rb") if decompressed else source.open("rb")
    with opened as stream:
        stream.seek(offset)
        for record in ArchiveIterator(stream, record_types=wanted, parse_http=False):
            found = warc_record(record, str(source))
            if found.offset == offset:
                return found
            break
    problem = "no WARC record starts at this offset"
    if source.name.lower().endswith(".gz") and not decompressed and not one_record_a_member(source):
        # a scan before offsets into the decompressed stream: FastWARC's compressed position
        problem += (
            " (the file is not compressed a gzip member a record, and this hit's offset is "
            "not into its decompressed stream: scan it again)"
        )
    return Problem(str(source), offset, problem)


def _fields_of(hit: dict[str, Any], planned: Fields) -> Fields:
    """The JSON Lines field names a hit says its line has (a copied or filtered HITS file
    keeps them), else those of the scan's plan."""
    named = hit.get("fields")
    try:
        return Fields(**named) if isinstance(named, dict) else planned
    except TypeError:
        return planned


def _fields(out: Path) -> Fields:
    """The JSON Lines field names the scan used (kept in its plan), else the defaults."""
    plan = shards_dir(out) / "plan.json"
    try:
        return Fields(**json.loads(plan.read_text(encoding="utf-8"))["fields"])
    except (OSError, ValueError, KeyError, TypeError):
        return Fields()


def _read_hits(path: Path) -> list[dict[str, Any]]:
    """Every hit of the file, each checked whole before any is added: a line that is not a
    scan hit stops the command before it changes the corpus, never half-way through. A
    byte order mark and blank lines (an editor's, around a line copied out) are allowed."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise InputError(path, f"not valid UTF-8 at byte {error.start}") from None
    if not any(line.strip() for line in lines):
        raise InputError(path, "holds no scan hits (empty)")
    hits = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            hit = json.loads(line)
        except ValueError:
            hit = None
        wrong = _not_a_hit(hit)
        if wrong:
            raise InputError(path, f"line {number} is not a scan hit ({wrong})")
        hits.append(hit)
    return hits


def _not_a_hit(hit: object) -> str:
    """What a line's JSON lacks to be a scan hit, in a few words; "" for a hit."""
    if not isinstance(hit, dict):
        return "not a JSON object"
    for key in ("id", "source", "sha256"):
        if not isinstance(hit.get(key), str) or not hit[key]:
            return f"no {key} string"
    offset = hit.get("offset")
    if type(offset) is not int or offset < 0:  # not a bool, a string or missing either
        return "no offset in bytes"
    for key in ("url", "date", "format", "offset_in"):  # (a charset is judged per hit)
        if hit.get(key) is not None and not isinstance(hit[key], str):
            return f"{key} is not a string"
    passages = hit.get("passages")
    if not isinstance(passages, list) or not all(
        isinstance(p, dict) and isinstance(p.get("kind"), str) for p in passages
    ):
        return "passages is not a list of passages"
    quotations = hit.get("quotations")
    if not isinstance(quotations, dict) or not isinstance(quotations.get("by_verdict"), dict):
        return "quotations has no counts by verdict"
    return ""
