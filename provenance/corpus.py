"""A corpus directory: the manifest, the reference it declares, and the captures."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from provenance.errors import CorpusError, Failure, InputError, ProvenanceError
from provenance.hygiene import RECORDABLE
from provenance.links import foreign_link
from provenance.load import PAGE_SUFFIXES, UTF8, known_encoding, load, read_bytes
from provenance.model import Document, Format

MANIFEST = "manifest.toml"
CORPUS_FILES = frozenset({MANIFEST, "reviews.jsonl", "reviews.json", ".gitattributes"})
"""The corpus's own files (the manifest, the decisions, old and new): never a capture."""
BOM = "\ufeff"
"""A UTF-8 byte-order mark, which Windows editors put at the start of a file they save.
TOML has no place for it, but it is harmless at the start of a manifest: it is read past,
and kept when `add`, `add --replaces` or `manifest --update` write the manifest again."""
SCHEMA = "provenance-manifest/1"
HOLDS = ("full", "excerpts", "quotations")
"""What a capture can hold of the reference, as a manifest entry's `holds` lists it."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One capture as the manifest describes it."""

    id: str
    file: str
    sha256: str
    size: int
    format: str
    holds: tuple[str, ...]
    """What the capture should contain: "full", "excerpts", "quotations"; empty for none."""
    publisher: str = "unknown"
    title: str = "unknown"
    url: str = "unknown"
    date: str = "unknown"
    note: str = ""
    encoding: str = "utf-8"
    """What the file's bytes are written in: UTF-8 unless recorded (`add --encoding`, or a
    scan hit's charset), since a capture is kept byte for byte as it was published."""
    blemishes: tuple[str, ...] = ()
    """The blemishes its bytes had when they were recorded (`hygiene.RECORDABLE`: a BOM,
    mixed line endings, control or invisible characters, a contradicting HTML charset),
    by check rule name: part of the evidence, which `check` reports as warnings. Empty
    in a manifest written before the field existed: then every blemish is a problem."""


@dataclass(frozen=True, slots=True)
class ReferenceEntry:
    """Where the reference text lives: a declared span of one capture."""

    id: str
    source: str
    start: int
    end: int
    sha256: str
    """Digest of the span's UTF-8 encoding."""
    title: str = "unknown"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Manifest:
    path: Path
    reference: ReferenceEntry
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Corpus:
    directory: Path
    manifest: Manifest
    reference: Document
    """The reference text as a Document of its own; offsets index this text."""
    captures: tuple[Document, ...]
    failures: tuple[Failure, ...] = ()
    """Captures that could not be read, when loaded with `keep_going`."""

    def altered(self) -> list[Path]:
        """Captures read whose bytes no longer have the digest their entry records."""
        digests = {e.id: (e.file, e.sha256) for e in self.manifest.entries}
        return [
            self.directory / digests[c.id][0]
            for c in self.captures
            if c.id in digests and c.sha256 != digests[c.id][1]
        ]

    def entry(self, capture_id: str) -> Entry:
        """The manifest entry of a capture."""
        return next(e for e in self.manifest.entries if e.id == capture_id)

    def unlisted(self) -> list[Path]:
        """Pages (text, Markdown, HTML) in the corpus directory that the manifest does not
        list: never read, and a `check` problem; worth a word wherever the corpus is read."""
        listed = {e.file for e in self.manifest.entries}
        try:
            found = sorted(self.directory.iterdir())
        except OSError:
            return []  # `check` names what cannot be listed
        return [
            p
            for p in found
            if p.name not in listed
            and p.suffix.lower() in PAGE_SUFFIXES
            and not p.name.startswith(".")
        ]


ManifestProblemKind = Literal[
    "manifest-entry", "unsafe-path", "duplicate-entry", "holds-invalid", "reference-entry"
]


@dataclass(frozen=True, slots=True)
class ManifestProblem:
    """One thing wrong with the manifest's entries or its [reference] table."""

    kind: ManifestProblemKind
    message: str


@dataclass(frozen=True, slots=True)
class ManifestReading:
    """What `read_entries` made of a manifest: what it could use and what is wrong."""

    path: Path
    entries: tuple[Entry, ...]
    """The well-formed entries; of two with one id or one file, the first."""
    reference: ReferenceEntry | None
    """None when the [reference] table is malformed or names no listed capture."""
    problems: tuple[ManifestProblem, ...]
    """Entries' problems in manifest order, then the reference's."""
    claimed: frozenset[str] = frozenset()
    """Ids and file names that entries left out for their problems still give: the files
    are listed and the captures known, only their entries are wrong (so `check` does not
    also call those files unlisted, nor their decisions stale)."""


def read_manifest(directory: Path) -> Manifest:
    """Parse and validate `directory/manifest.toml`.

    Raises:
        CorpusError: Missing, not TOML, wrong schema, or the first problem `read_entries`
            finds (a field missing or mistyped, an id or file twice, an unknown `holds`).
    """
    reading = read_entries(*read_manifest_data(directory))
    if reading.problems:
        raise CorpusError(reading.path, reading.problems[0].message)
    assert reading.reference is not None  # no problems: the reference was read
    return Manifest(path=reading.path, reference=reading.reference, entries=reading.entries)


def read_entries(path: Path, data: dict[str, Any]) -> ManifestReading:
    """The one reader of a manifest's entries and reference: every problem, nothing raised.

    `read_manifest` (report, review, add) refuses the first problem; `check` reports them all.
    """
    problems: list[ManifestProblem] = []
    tables = data.get("captures", [])
    if not isinstance(tables, list):
        tables = []
        problems.append(
            ManifestProblem("manifest-entry", "[[captures]] must be an array of tables")
        )
    entries: list[Entry] = []
    first: dict[tuple[str, str], int] = {}
    claimed: set[str] = set()
    for index, table in enumerate(tables):
        where = f"captures[{index}]"
        if not isinstance(table, dict):
            problems.append(ManifestProblem("manifest-entry", f"{where} is not a table"))
            continue
        given = [v for v in (table.get("id"), table.get("file")) if isinstance(v, str)]
        if isinstance(table.get("id"), str):
            where = f"captures[{index}] (id {table['id']!r})"
        name = table.get("file")
        if isinstance(name, str) and not plain_name(name):
            message = f"{where}: file {name!r} is not a plain name inside the corpus"
            problems.append(ManifestProblem("unsafe-path", message))
            claimed.update(given)
            continue
        if isinstance(name, str) and name in CORPUS_FILES:
            message = f"{where}: file {name!r} is the corpus's own file, not a capture"
            problems.append(ManifestProblem("unsafe-path", message))
            claimed.update(given)
            continue
        try:
            entry = parse_entry(path, index, table)
        except CorpusError as error:
            said = error.problem.replace(f"captures[{index}]", where, 1)
            problems.append(ManifestProblem("manifest-entry", said))
            claimed.update(given)
            continue
        twice = [(f, v) for f, v in (("id", entry.id), ("file", entry.file)) if (f, v) in first]
        if twice:
            field, value = twice[0]
            message = (
                f"{where}: {field} {value!r} appears twice (also captures[{first[field, value]}])"
            )
            problems.append(ManifestProblem("duplicate-entry", message))
            claimed.update(given)
            continue
        for value in entry.holds:
            if value not in HOLDS:
                message = f"{where}: holds {value!r} is not one of {', '.join(HOLDS)}"
                problems.append(ManifestProblem("holds-invalid", message))
        first["id", entry.id] = first["file", entry.file] = index
        entries.append(entry)
    reference: ReferenceEntry | None = None
    try:
        reference = parse_reference(path, data)
    except CorpusError as error:
        problems.append(ManifestProblem("reference-entry", error.problem))
    if reference is not None and not any(e.id == reference.source for e in entries):
        message = f"reference source {reference.source!r} is not a capture in the manifest"
        if reference.source in claimed:  # listed, with an entry refused above for itself
            message = (
                f"reference source {reference.source!r} cannot be used: its capture entry "
                "is refused (above)"
            )
        problems.append(ManifestProblem("reference-entry", message))
        reference = None
    return ManifestReading(path, tuple(entries), reference, tuple(problems), frozenset(claimed))


def read_manifest_data(directory: Path) -> tuple[Path, dict[str, Any]]:
    """The manifest's path and its TOML as plain data, with the schema checked.

    Raises:
        CorpusError: Not a directory; manifest missing, unreadable, not UTF-8, not TOML,
            or of another schema.
    """
    path, text = read_manifest_text(directory)
    try:
        data = tomllib.loads(split_bom(text)[1])
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(path, f"not valid TOML: {error}") from None
    if not data:
        raise CorpusError(path, "empty manifest (no schema, reference or captures)")
    if "schema" not in data:
        raise CorpusError(path, f"no schema line (schema = {SCHEMA!r})")
    if data["schema"] != SCHEMA:
        raise CorpusError(path, f"schema must be {SCHEMA!r}, found {data['schema']!r}")
    return path, data


def split_bom(text: str) -> tuple[str, str]:
    """A manifest's text as its byte-order mark (or "") and the TOML after it.

    >>> split_bom("\\ufeffschema = 1"), split_bom("schema = 1")
    (('\\ufeff', 'schema = 1'), ('', 'schema = 1'))
    """
    return (BOM, text[1:]) if text.startswith(BOM) else ("", text)


def read_manifest_text(directory: Path) -> tuple[Path, str]:
    """The manifest's path and its text, as stored, a byte-order mark included (what
    `provenance add` edits in place: `split_bom` parts the mark from the TOML).

    Raises:
        CorpusError: Not a directory; manifest missing, unreadable or not UTF-8.
    """
    path = directory / MANIFEST
    if not directory.is_dir():
        raise CorpusError(directory, not_a_directory(directory))
    refused = foreign_link(path, directory)
    if refused is not None:
        raise CorpusError(path, refused)
    try:
        raw = read_bytes(path, limited=False)  # a regular file only: a FIFO must not block
    except InputError as error:
        missing = not path.is_symlink() and not path.exists()
        problem = "no manifest in this corpus directory" if missing else error.problem
        raise CorpusError(path, problem) from None
    try:
        return path, raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(path, f"not valid UTF-8 at byte {error.start}") from None


def not_a_directory(directory: Path) -> str:
    """Why `directory`, which is no directory, cannot be a corpus: in a few words."""
    if not directory.exists():  # a dangling symlink too
        return "corpus directory does not exist"
    return "is a file, not a corpus directory"


def parse_reference(path: Path, data: dict[str, Any]) -> ReferenceEntry:
    """The [reference] table of parsed manifest data.

    Raises:
        CorpusError: The table is missing or a required field is missing or mistyped.
    """
    reference = _table(path, data, "reference")
    return ReferenceEntry(
        id=_field(path, "reference", reference, "id", str),
        source=_field(path, "reference", reference, "source", str),
        start=_field(path, "reference", reference, "start", int),
        end=_field(path, "reference", reference, "end", int),
        sha256=_field(path, "reference", reference, "sha256", str),
        title=str(reference.get("title", "unknown")),
        note=str(reference.get("note", "")),
    )


def load_corpus(directory: Path | str, *, keep_going: bool = False) -> Corpus:
    """Read the manifest, every capture it lists, and the reference span.

    Args:
        keep_going: Leave out a capture that cannot be read and record why in
            `Corpus.failures`, instead of raising (the reference's source must still load).

    Raises:
        CorpusError: The manifest is unreadable or the reference no longer matches it.
        InputError: A capture is missing or cannot be decoded.
    """
    directory = Path(directory)
    manifest = read_manifest(directory)
    captures: list[Document] = []
    failures: list[Failure] = []
    for e in manifest.entries:
        try:
            refused = foreign_link(directory / e.file, directory)
            if refused is not None:
                raise InputError(directory / e.file, refused)
            captures.append(load(directory / e.file, id=e.id, encoding=e.encoding))
        except ProvenanceError as error:
            if not keep_going or e.id == manifest.reference.source:
                raise
            failures.append(Failure(error.path, error.problem))
    source = next(c for c in captures if c.id == manifest.reference.source)
    reference = reference_document(manifest.reference, source)
    return Corpus(directory, manifest, reference, tuple(captures), tuple(failures))


class ReferenceSpanError(CorpusError):
    """The reference span no longer fits its source capture, or no longer has its digest."""

    def __init__(
        self,
        path: Path,
        problem: str,
        kind: Literal["reference-span", "reference-mismatch"],
        offset: int | None = None,
    ) -> None:
        super().__init__(path, problem)
        self.kind = kind
        self.offset = offset
        """`str` index into the source where the mismatching span starts."""


def reference_document(reference: ReferenceEntry, source: Document) -> Document:
    """Cut the reference out of its source capture and verify its digest: the one check.

    Raises:
        ReferenceSpanError: The span lies outside the source, or its digest changed.
    """
    ref = reference
    if not 0 <= ref.start < ref.end <= len(source.text):
        raise ReferenceSpanError(
            source.path,
            f"reference span {ref.start}..{ref.end} lies outside the text "
            f"({len(source.text)} characters)",
            "reference-span",
        )
    text = source.text[ref.start : ref.end]
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    if digest != ref.sha256:
        raise ReferenceSpanError(
            source.path,
            f"reference span {ref.start}..{ref.end} no longer matches its recorded "
            f"sha256 (now {digest[:16]}…)",
            "reference-mismatch",
            ref.start,
        )
    return Document(id=ref.id, path=source.path, sha256=digest, size=len(data), text=text)


def _table(path: Path, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise CorpusError(path, f"missing [{key}] table")
    return value


def _field(path: Path, where: str, table: dict[str, Any], key: str, kind: type) -> Any:
    value = table.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise CorpusError(path, f"{where}: field {key!r} missing or not {kind.__name__}")
    return value


def plain_name(name: str) -> bool:
    """True for a file name that stays inside the corpus directory: no path, no '..'."""
    return bool(name) and name not in (".", "..") and not any(c in name for c in "/\\\x00")


_FORMATS = tuple(f.value for f in Format)
"""The formats a capture may be recorded in (`add` records the one its file name says)."""


def parse_entry(path: Path, index: int, table: dict[str, Any]) -> Entry:
    """One [[captures]] table; raises CorpusError naming the field that is wrong.

    The file name's safety is `read_entries`'s to check (`plain_name`).
    """
    where = f"captures[{index}]"
    file = _field(path, where, table, "file", str)
    holds = table.get("holds", [])
    if not isinstance(holds, list) or not all(isinstance(h, str) for h in holds):
        raise CorpusError(path, f"{where}: field 'holds' must be a list of strings")
    encoding = table.get("encoding", UTF8)
    if not isinstance(encoding, str) or not known_encoding(encoding):
        raise CorpusError(path, f"{where}: field 'encoding' {encoding!r} is no known encoding")
    blemishes = table.get("blemishes", [])
    if not isinstance(blemishes, list) or not all(isinstance(b, str) for b in blemishes):
        raise CorpusError(path, f"{where}: field 'blemishes' must be a list of strings")
    for blemish in blemishes:
        if blemish not in RECORDABLE:
            raise CorpusError(
                path,
                f"{where}: field 'blemishes': {blemish!r} cannot be recorded (only "
                f"{', '.join(RECORDABLE)}: what every command reads past)",
            )
    fmt = table.get("format", Format.TEXT.value)
    if fmt not in _FORMATS:
        kinds = ", ".join(_FORMATS)
        raise CorpusError(path, f"{where}: field 'format' {fmt!r} is not one of {kinds}")
    return Entry(
        id=_field(path, where, table, "id", str),
        file=file,
        sha256=_field(path, where, table, "sha256", str),
        size=_field(path, where, table, "size", int),
        format=str(fmt),
        holds=tuple(holds),
        publisher=str(table.get("publisher", "unknown")),
        title=str(table.get("title", "unknown")),
        url=str(table.get("url", "unknown")),
        date=str(table.get("date", "unknown")),
        note=str(table.get("note", "")),
        encoding=encoding,
        blemishes=tuple(name for name in RECORDABLE if name in blemishes),
    )


__all__ = [
    "HOLDS",
    "Corpus",
    "Entry",
    "InputError",
    "Manifest",
    "ManifestProblem",
    "ManifestReading",
    "ReferenceEntry",
    "ReferenceSpanError",
    "load_corpus",
    "not_a_directory",
    "parse_entry",
    "parse_reference",
    "read_entries",
    "read_manifest",
    "read_manifest_data",
    "read_manifest_text",
    "reference_document",
    "split_bom",
]
