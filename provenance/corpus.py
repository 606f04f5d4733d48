"""A corpus directory: the manifest, the reference it declares, and the captures."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from provenance.errors import CorpusError, Failure, InputError, ProvenanceError
from provenance.load import load, read_bytes
from provenance.model import Document

MANIFEST = "manifest.toml"
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

    def entry(self, capture_id: str) -> Entry:
        """The manifest entry of a capture."""
        return next(e for e in self.manifest.entries if e.id == capture_id)


def read_manifest(directory: Path) -> Manifest:
    """Parse and validate `directory/manifest.toml`.

    Raises:
        CorpusError: Missing, not TOML, wrong schema, or a required field missing or mistyped.
    """
    path, data = read_manifest_data(directory)
    entries = data.get("captures", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CorpusError(path, "[[captures]] must be an array of tables")
    parsed = tuple(parse_entry(path, i, e) for i, e in enumerate(entries))
    seen: set[str] = set()
    for entry in parsed:
        if entry.id in seen:
            raise CorpusError(path, f"capture id {entry.id!r} appears twice")
        seen.add(entry.id)
    ref = parse_reference(path, data)
    if ref.source not in seen:
        raise CorpusError(path, f"reference source {ref.source!r} is not a capture in the manifest")
    return Manifest(path=path, reference=ref, entries=parsed)


def read_manifest_data(directory: Path) -> tuple[Path, dict[str, Any]]:
    """The manifest's path and its TOML as plain data, with the schema checked.

    Raises:
        CorpusError: Not a directory; manifest missing, unreadable, not UTF-8, not TOML,
            or of another schema.
    """
    path = directory / MANIFEST
    if not directory.is_dir():
        raise CorpusError(directory, "not a corpus directory")
    try:
        raw = read_bytes(path)  # a regular file only: a FIFO here must not block
    except InputError as error:
        missing = not path.is_symlink() and not path.exists()
        problem = "no manifest in this corpus directory" if missing else error.problem
        raise CorpusError(path, problem) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CorpusError(path, f"not valid UTF-8 at byte {error.start}") from None
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(path, f"not valid TOML: {error}") from None
    if data.get("schema") != SCHEMA:
        raise CorpusError(path, f"schema must be {SCHEMA!r}, found {data.get('schema')!r}")
    return path, data


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
            captures.append(load(directory / e.file, id=e.id))
        except ProvenanceError as error:
            if not keep_going or e.id == manifest.reference.source:
                raise
            failures.append(Failure(error.path, error.problem))
    source = next(c for c in captures if c.id == manifest.reference.source)
    reference = reference_document(manifest, source)
    return Corpus(directory, manifest, reference, tuple(captures), tuple(failures))


def reference_document(manifest: Manifest, source: Document) -> Document:
    """Cut the reference out of its source capture and verify its digest."""
    ref = manifest.reference
    if not 0 <= ref.start < ref.end <= len(source.text):
        raise CorpusError(
            manifest.path,
            f"reference span {ref.start}..{ref.end} lies outside {source.path.name} "
            f"({len(source.text)} characters)",
        )
    text = source.text[ref.start : ref.end]
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    if digest != ref.sha256:
        raise CorpusError(
            source.path,
            f"reference span {ref.start}..{ref.end} no longer matches the manifest's sha256",
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


def parse_entry(path: Path, index: int, table: dict[str, Any]) -> Entry:
    """One [[captures]] table; raises CorpusError naming the field that is wrong."""
    where = f"captures[{index}]"
    file = _field(path, where, table, "file", str)
    if not plain_name(file):
        raise CorpusError(path, f"{where}: file {file!r} must be a plain name inside the corpus")
    holds = table.get("holds", [])
    if not isinstance(holds, list) or not all(isinstance(h, str) for h in holds):
        raise CorpusError(path, f"{where}: field 'holds' must be a list of strings")
    return Entry(
        id=_field(path, where, table, "id", str),
        file=file,
        sha256=_field(path, where, table, "sha256", str),
        size=_field(path, where, table, "size", int),
        format=str(table.get("format", "text")),
        holds=tuple(holds),
        publisher=str(table.get("publisher", "unknown")),
        title=str(table.get("title", "unknown")),
        url=str(table.get("url", "unknown")),
        date=str(table.get("date", "unknown")),
        note=str(table.get("note", "")),
    )


__all__ = [
    "HOLDS",
    "Corpus",
    "Entry",
    "InputError",
    "Manifest",
    "ReferenceEntry",
    "load_corpus",
    "parse_entry",
    "parse_reference",
    "read_manifest",
    "read_manifest_data",
]
