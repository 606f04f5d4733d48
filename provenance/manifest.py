"""Write the manifest: record a new capture (`add`) and re-record digests (`update`).

Digests and sizes are always computed here from the stored bytes, never typed. The
manifest is edited with tomlkit, which round-trips TOML with its comments, order and
string styles, so a change shows in `git diff` as the lines that changed and nothing
else. Every write is atomic (temp file, fsync, rename); a failed `add` leaves the
corpus directory and the manifest exactly as they were.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT

from provenance.atomic import TEMP_NAME, atomic_write, line_ends_kept
from provenance.corpus import (
    HOLDS,
    MANIFEST,
    SCHEMA,
    Entry,
    parse_entry,
    read_manifest,
    read_manifest_text,
    split_bom,
)
from provenance.errors import CorpusError, InputError
from provenance.extract import extract
from provenance.hygiene import hygiene, recordable
from provenance.load import UTF8, decode, format_of, mislabelled, read_bytes
from provenance.lock import locked
from provenance.model import Document, Format
from provenance.review import LEGACY_REVIEWS, REVIEWS

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_NUMBERED = re.compile(r"(\d+)_")


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one manifest entry re-recorded from the stored bytes."""

    id: str
    file: str
    field: str
    """"sha256", "size" or "blemishes" (the rule names the entry records, `new` those its
    bytes carry; written only with `record_blemishes`)."""
    old: str | int | tuple[str, ...]
    new: str | int | tuple[str, ...]
    damage: str | None = None
    """Why the new bytes are no capture this tool can read (empty, binary, not UTF-8, no
    readable text), as `add` would refuse them; None when they are sound. `update` writes
    the digest of damaged bytes only when told to accept them."""
    reference_source: bool = False
    """The entry is the capture the reference is cut from: its new bytes are never
    re-recorded (`add --replaces` refuses them too)."""


class DamagedCaptureError(CorpusError):
    """`update` was to record the digests of damaged bytes without being told to accept
    them: nothing was written. Names the first capture; `damaged` holds every one."""

    def __init__(self, damaged: list[tuple[Path, str]]) -> None:
        path, problem = damaged[0]
        super().__init__(path, refusal(problem))
        self.damaged = tuple(damaged)


def refusal(problem: str) -> str:
    """What `update` says of damaged bytes it will not record, after the file's name."""
    return (
        f"{problem}: damaged bytes, not recorded; manifest unchanged "
        "(restore the file, or pass --accept-damaged to record them as they are)"
    )


def add(
    corpus_dir: Path | str,
    file: Path | str,
    *,
    id: str | None = None,
    publisher: str = "unknown",
    title: str = "unknown",
    url: str = "unknown",
    date: str = "unknown",
    holds: tuple[str, ...] = (),
    note: str = "",
    encoding: str = UTF8,
) -> Entry:
    """Copy `file` byte for byte into the corpus and record it in the manifest.

    Args:
        corpus_dir: The corpus directory (with a valid manifest.toml).
        file: The capture to add; it must be text, in UTF-8 or in `encoding`.
        id: The capture id; by default the next number and the first 16 hex digits
            of the sha256, like the bundled captures (`005_1a2b3c4d5e6f7a8b`).
        publisher, title, url, date, note: What is known; "unknown" when it is not.
        holds: What the capture holds of the reference (see HOLDS).
        encoding: What its bytes are written in, recorded when not UTF-8 (a page kept as
            published: `load` decodes it so from then on).

    The blemishes the bytes carry that every command reads past (a byte-order mark,
    mixed line endings, control or invisible characters, a contradicting HTML charset:
    `hygiene.RECORDABLE`) are recorded in the entry's `blemishes`, as part of the
    evidence: `check` reports them as warnings, and any other as a problem.

    Returns:
        The manifest entry as recorded.

    Raises:
        CorpusError: The manifest is invalid, or the id, file name or bytes are already there.
        InputError: `file` cannot be read, is not text in its encoding, or has no
            readable text.
    """
    directory = Path(corpus_dir)
    with locked(directory):  # from reading the manifest to writing it
        manifest = read_manifest(directory)
        source = Path(file)
        data = read_bytes(source)
        document = capture_of(source, data, encoding, advice=": add it without --encoding")
        for value in holds:
            if value not in HOLDS:
                raise InputError(source, f"--holds {value!r} is not one of {', '.join(HOLDS)}")
        sha256 = document.sha256  # of the stored bytes, as decode computed it
        if id is None:
            id = f"{_next_number(manifest.entries):03d}_{sha256[:16]}"
        if not _ID.fullmatch(id):
            raise InputError(
                source, f"id {id!r} must be letters, digits, '.', '_' or '-' (at most 100)"
            )
        name = id + (source.suffix.lower() or ".txt")
        for entry in manifest.entries:
            if entry.id == id:
                raise CorpusError(manifest.path, f"a capture with id {id!r} is already recorded")
            if entry.file == name:
                raise CorpusError(
                    manifest.path, f"file {name!r} is already recorded (capture {entry.id})"
                )
            if entry.sha256 == sha256:
                raise CorpusError(source, f"identical bytes are already recorded as {entry.file}")
        target = directory / name
        if name in _OWN_FILES:
            raise CorpusError(target, _OWN_NAME)
        adopted = _left_by_interrupted_add(target, data)
        if not adopted and (target.exists() or target.is_symlink()):
            raise CorpusError(target, "already exists in the corpus; refusing to overwrite it")

        known = {"publisher": publisher, "title": title, "url": url, "date": date, "note": note}
        fields = _entry_fields(id, name, document, data, holds, known)
        bom, text = split_bom(read_manifest_text(directory)[1])
        doc = tomlkit.parse(text)
        captures = doc.get("captures")
        table = tomlkit.table()
        for key, value in fields.items():
            table[key] = value
        if isinstance(captures, AoT):
            if captures.body and not captures.body[-1].as_string().endswith("\n\n"):
                captures.body[-1].add(tomlkit.nl())
            captures.append(table)
        else:
            doc["captures"] = tomlkit.aot()
            doc["captures"].append(table)
        new_text = bom + line_ends_kept(text, tomlkit.dumps(doc))
        recorded = parse_entry(
            manifest.path, len(manifest.entries), _parsed(manifest.path, new_text)["captures"][-1]
        )

        if not adopted:
            atomic_write(target, data, error=CorpusError, exclusive=True)
        try:
            atomic_write(manifest.path, new_text.encode("utf-8"), error=CorpusError)
        except BaseException:
            if not adopted:
                target.unlink(missing_ok=True)
            raise
        return recorded


def start_corpus(
    corpus_dir: Path | str,
    file: Path | str,
    *,
    span: tuple[int, int] | None = None,
    reference_id: str = "reference",
    title: str = "unknown",
    id: str | None = None,
    publisher: str = "unknown",
    url: str = "unknown",
    date: str = "unknown",
    note: str = "",
    encoding: str = UTF8,
) -> Entry:
    """Start a corpus in `corpus_dir` (made if missing) from the reference's source: `file`
    is copied in byte for byte as the first capture, and the manifest written with its
    [reference] table, the whole text or `span` (str offsets into the decoded text).

    Raises:
        CorpusError: A manifest is already there, or the capture's file name is taken.
        InputError: `file` cannot be read, is not plain text in its encoding, has no
            readable text, or `span` lies outside it or holds none.
    """
    directory = Path(corpus_dir)
    path = directory / MANIFEST
    if path.exists() or path.is_symlink():
        raise CorpusError(path, "a corpus is already here; add captures to it without --reference")
    if directory.exists() and not directory.is_dir():
        raise CorpusError(directory, "is a file, not a corpus directory")
    made = [d for d in (directory, *directory.parents) if not d.exists()]
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as problem:  # a read-only parent, a file on the way ("a.txt/sub")
        where = Path(problem.filename) if problem.filename else directory
        raise CorpusError(
            where, f"cannot create the corpus directory: {problem.strerror}"
        ) from None
    try:
        with locked(directory):
            if path.exists():
                raise CorpusError(
                    path, "a corpus is already here; add captures to it without --reference"
                )
            source = Path(file)
            data = read_bytes(source)
            document = capture_of(source, data, encoding, advice=": add it without --encoding")
            if document.format is not Format.TEXT:
                raise InputError(
                    source, f"the reference is cut from plain text, not {document.format.value}"
                )
            whole = document.text
            start, end = span or (len(whole) - len(whole.lstrip()), len(whole.rstrip()))
            if not 0 <= start < end <= len(document.text) or not document.text[start:end].strip():
                raise InputError(
                    source,
                    f"reference span {start}:{end} holds no text of its {len(document.text)} "
                    "characters",
                )
            text = document.text[start:end]
            id = id or f"000_{document.sha256[:16]}"
            for value, what in ((id, "id"), (reference_id, "reference id")):
                if not _ID.fullmatch(value):
                    raise InputError(
                        source,
                        f"{what} {value!r} must be letters, digits, '.', '_' or '-' (at most 100)",
                    )
            name = id + (source.suffix.lower() or ".txt")
            target = directory / name
            if name in _OWN_FILES:
                raise CorpusError(target, _OWN_NAME)
            if target.exists() or target.is_symlink():
                raise CorpusError(target, "already exists in the corpus; refusing to overwrite it")
            doc = tomlkit.document()
            for line in _HEADER:
                doc.add(tomlkit.comment(line))
            doc["schema"] = SCHEMA
            reference = tomlkit.table()
            reference["id"] = reference_id
            reference["title"] = title
            reference["source"] = id
            reference["start"] = start
            reference["end"] = end
            reference["length"] = end - start
            reference["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
            reference["note"] = f"Characters {start} to {end} of {source.name}, as added."
            doc["reference"] = reference
            known = {"publisher": publisher, "title": title, "url": url, "date": date, "note": note}
            entry = _entry_fields(id, name, document, data, ("full",), known)
            table = tomlkit.table()
            for key, value in entry.items():
                table[key] = value
            doc["captures"] = tomlkit.aot()
            doc["captures"].append(table)
            new_text = tomlkit.dumps(doc)
            recorded = parse_entry(path, 0, _parsed(path, new_text)["captures"][0])
            atomic_write(target, data, error=CorpusError, exclusive=True)
            try:
                atomic_write(path, new_text.encode("utf-8"), error=CorpusError, exclusive=True)
            except BaseException:
                target.unlink(missing_ok=True)
                raise
            return recorded

    except BaseException:
        for made_dir in made:  # (a refusal leaves no directory it made behind)
            with contextlib.suppress(OSError):
                made_dir.rmdir()
        raise


_HEADER = (
    "Provenance corpus manifest. Digests and sizes are of the stored bytes and are",
    "computed by the tool (`provenance add`, `provenance manifest --update`), never typed.",
    'Facts not stated by a capture\'s own text are "unknown": nothing here is guessed.',
)


def _entry_fields(
    id: str,
    name: str,
    document: Document,
    data: bytes,
    holds: tuple[str, ...],
    known: dict[str, str],
) -> dict[str, Any]:
    """A capture's manifest entry, as `add` and `start_corpus` record it: `known` holds
    its publisher, title, url, date and note (a note only when there is one)."""
    fields: dict[str, Any] = {
        "id": id,
        "file": name,
        "sha256": document.sha256,
        "size": document.size,
        "format": document.format.value,
        "holds": list(holds),
        **{key: known[key] for key in ("publisher", "title", "url", "date")},
    }
    if known["note"]:
        fields["note"] = known["note"]
    if document.encoding != UTF8:
        fields["encoding"] = document.encoding
    if blemishes := blemishes_of(document.format, data, document.encoding):
        fields["blemishes"] = list(blemishes)
    return fields


def _left_by_interrupted_add(target: Path, data: bytes) -> bool:
    """True if `target` is an unrecorded regular file holding exactly `data`.

    An `add` killed between copying the capture and recording it leaves just that; the
    check then says to record it with `provenance add`, and running it again finishes
    the job (the bytes are the same, so nothing is overwritten).
    """
    try:
        if not stat.S_ISREG(target.lstat().st_mode):
            return False
        return read_bytes(target) == data
    except (OSError, InputError):
        return False


def leftovers(corpus_dir: Path | str, *, remove: bool) -> list[Path]:
    """Temp files interrupted writes left in the corpus (`atomic.TEMP_NAME`: a killed
    `add` leaves the capture's bytes half-written there), removed when `remove` says so.

    Read under the corpus lock, which every writer holds while its temp file exists: a
    temp file found then is no write in progress.
    """
    directory = Path(corpus_dir)
    with locked(directory):
        found = sorted(
            path
            for path in directory.iterdir()
            if TEMP_NAME.fullmatch(path.name) and path.is_file() and not path.is_symlink()
        )
        if remove:
            for path in found:
                path.unlink(missing_ok=True)
    return found


def update(
    corpus_dir: Path | str,
    *,
    write: bool,
    accept_damaged: bool = False,
    record_blemishes: bool = False,
) -> list[Change]:
    """Compare every entry's recorded sha256 and size with its stored bytes.

    The manifest is the evidence's fixity record: new bytes that are damaged (emptied,
    binary, not UTF-8, no readable text: what `add` refuses) are not recorded unless
    `accept_damaged` says so, and then `check` still reports them.

    Args:
        corpus_dir: The corpus directory.
        write: Re-record the changed fields in the manifest (atomically); without it
            nothing is written and the changes are only returned.
        accept_damaged: Record the digests of damaged bytes too.
        record_blemishes: Record, as part of the evidence, the blemishes each capture's
            bytes carry (`hygiene.RECORDABLE`) where its entry records others or none (a
            manifest written before `add` recorded them); without it they are returned,
            as "blemishes" changes, and never written.

    Returns:
        The fields that differ (or differed, when written), in manifest order, each with
        the damage of its new bytes, if any.

    Raises:
        DamagedCaptureError: `write` without `accept_damaged`, and some new bytes are
            damaged: nothing was written.
        CorpusError: The manifest is invalid, or a listed file is missing, not a regular
            file, or unreadable: its digest cannot be re-recorded.
    """
    directory = Path(corpus_dir)
    with locked(directory):  # from reading the manifest to writing it
        manifest = read_manifest(directory)
        changes: list[Change] = []
        for entry in manifest.entries:
            path = directory / entry.file
            data = _stored_bytes(path)
            sha256 = hashlib.sha256(data).hexdigest()
            blemishes = blemishes_of(Format(entry.format), data, entry.encoding, path)
            if set(blemishes) != set(entry.blemishes):
                change = Change(entry.id, entry.file, "blemishes", entry.blemishes, blemishes)
                changes.append(change)
            if sha256 == entry.sha256 and len(data) == entry.size:
                continue
            damage = _damage(path, data, entry.encoding)
            source = entry.id == manifest.reference.source
            if sha256 != entry.sha256:
                changes.append(
                    Change(entry.id, entry.file, "sha256", entry.sha256, sha256, damage, source)
                )
            if len(data) != entry.size:
                changes.append(
                    Change(entry.id, entry.file, "size", entry.size, len(data), damage, source)
                )
        if write and any(c.reference_source for c in changes):
            source_file = next(c.file for c in changes if c.reference_source)
            problem = (
                "the reference's source changed; its new bytes are not re-recorded (the "
                "reference and every decision rest on them): restore its recorded bytes"
            )
            raise CorpusError(directory / source_file, problem)
        damaged = damaged_files(directory, changes)
        if write and damaged and not accept_damaged:
            raise DamagedCaptureError(damaged)
        written = [c for c in changes if c.field != "blemishes" or record_blemishes]
        if write and written:
            bom, text = split_bom(read_manifest_text(directory)[1])
            doc = tomlkit.parse(text)
            tables = {str(t["id"]): t for t in doc["captures"]}
            for change in written:
                table, new = tables[change.id], change.new
                if not isinstance(new, tuple):
                    table[change.field] = new
                elif new:
                    table[change.field] = list(new)
                else:  # the new bytes carry none: no field, as `add` writes it
                    del table[change.field]
            new_text = bom + line_ends_kept(text, tomlkit.dumps(doc))
            _parsed(manifest.path, new_text)
            atomic_write(manifest.path, new_text.encode("utf-8"), error=CorpusError)
        return changes


def blemishes_of(
    format: Format, data: bytes, encoding: str, path: Path | None = None
) -> tuple[str, ...]:
    """The blemishes of `data` a manifest entry records (`hygiene.recordable`): read as
    `check` reads them, an HTML page's declared charset too (by its `format`, or its
    file name when `path` is given, as `check` also asks)."""
    html = format is Format.HTML or (path is not None and format_of(path) is Format.HTML)
    return recordable(hygiene(data, html=html, encoding=encoding))


def recorded_line(path: Path, blemishes: tuple[str, ...]) -> str:
    """What `add` says of the blemishes it recorded with a capture, after the added line."""
    told = "it as a warning" if len(blemishes) == 1 else "them as warnings"
    return (
        f"{path}: {', '.join(blemishes)} recorded as part of the evidence "
        f"(check reports {told}, P210)"
    )


def unrecorded_line(path: Path, change: Change) -> str:
    """What `manifest --update` says of bytes whose blemishes their entry does not record,
    without `--record-blemishes`."""
    old, new = change.old, change.new
    assert isinstance(old, tuple) and isinstance(new, tuple)
    extra = [name for name in new if name not in old]
    gone = [name for name in old if name not in new]
    said = []
    if extra:
        said.append(f"carries {', '.join(extra)}, not recorded as part of the evidence")
    if gone:
        said.append(f"records {', '.join(gone)}, which its bytes do not carry")
    them = "it" if len(extra) + len(gone) == 1 else "them"
    verb = "record" if not gone else "re-record"
    return f"{path}: {'; '.join(said)} (pass --record-blemishes --yes to {verb} {them})"


def damaged_files(directory: Path, changes: list[Change]) -> list[tuple[Path, str]]:
    """Each file whose new bytes are damaged, once, with the damage, in manifest order."""
    found = {directory / c.file: c.damage for c in changes if c.damage is not None}
    return list(found.items())


_OWN_FILES = frozenset((MANIFEST, REVIEWS, LEGACY_REVIEWS))
_OWN_NAME = (
    "is the name of a file of the corpus's own (its manifest or decisions): give another --id"
)
"""Why a capture may not be named so (it said the file already existed, when it need not)."""


def capture_of(path: Path, data: bytes, encoding: str, *, advice: str) -> Document:
    """`data` decoded, as a capture `add` takes it: refused (`InputError`) when its bytes
    are UTF-8 under another `encoding` (`load.mislabelled`, the problem followed by
    `advice`), empty, binary, not valid in `encoding`, or HTML or Markdown with no
    readable text. `add`, `add --replaces` and `manifest --update` ask the same."""
    if mislabelled_as := mislabelled(data, encoding):  # before it fails to decode
        raise InputError(path, f"{mislabelled_as}{advice}")
    document = decode(path, data, encoding=encoding)
    extract(document)
    return document


def _damage(path: Path, data: bytes, encoding: str) -> str | None:
    """Why `data` is no capture `add` would take (None when it would)."""
    try:
        capture_of(path, data, encoding, advice=_REENCODE)
    except InputError as error:
        return error.problem
    return None


_REENCODE = " (re-record it with add --replaces and --encoding utf-8)"


def _next_number(entries: tuple[Entry, ...]) -> int:
    numbers = [int(m.group(1)) for e in entries if (m := _NUMBERED.match(e.id))]
    return max(numbers, default=-1) + 1


def _parsed(path: Path, text: str) -> dict[str, Any]:
    """Parse what is about to be written: never write a manifest we could not read back."""
    try:
        return tomllib.loads(split_bom(text)[1])
    except tomllib.TOMLDecodeError as error:  # pragma: no cover - tomlkit wrote it
        raise CorpusError(path, f"would write invalid TOML ({error}); nothing written") from None


def _stored_bytes(path: Path) -> bytes:
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise CorpusError(path, "listed in the manifest but missing; cannot re-record it") from None
    if not stat.S_ISREG(info.st_mode):
        what = "a symlink" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        raise CorpusError(path, f"is {what}; cannot re-record it")
    return read_bytes(path)


__all__ = [
    "HOLDS",
    "Change",
    "DamagedCaptureError",
    "add",
    "blemishes_of",
    "damaged_files",
    "recorded_line",
    "refusal",
    "unrecorded_line",
    "update",
]
