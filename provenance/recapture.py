"""Re-capture: new bytes for a capture already in the corpus (`provenance add --replaces ID`).

The capture keeps its id, its metadata and its decisions; its file (a new one, named by
the new bytes' digest), sha256, size, format and blemishes are re-recorded from the new
bytes. The decisions made on the old bytes carry over to the findings that are the same
on the new ones (`review.ReviewStore.status`, docs/review.md); the others turn stale and are kept.
The reference's own source cannot be replaced this way: the reference span and its
digest are recorded against it.
"""

from __future__ import annotations

from pathlib import Path

import tomlkit

from provenance.atomic import atomic_write
from provenance.corpus import Entry, parse_entry, read_manifest, read_manifest_text, split_bom
from provenance.errors import CorpusError, InputError
from provenance.load import UTF8, read_bytes
from provenance.lock import locked
from provenance.manifest import blemishes_of, capture_of


def replace_capture(
    corpus_dir: Path | str, capture_id: str, file: Path | str, *, encoding: str | None = None
) -> Entry:
    """Store the bytes of `file` as capture `capture_id`'s, in place of its old bytes.

    `encoding` is what the new bytes are written in (a site that moved to UTF-8); by
    default the capture's recorded one.

    Returns:
        The manifest entry as re-recorded (its sha256 is the new bytes').

    Raises:
        CorpusError: No such capture, it is the reference's source, the bytes are the
            ones recorded already or another capture's, or the corpus cannot be written.
        InputError: `file` cannot be read, is not text in the capture's encoding (UTF-8
            unless recorded), or has no readable text.
    """
    directory = Path(corpus_dir)
    source = Path(file)
    data = read_bytes(source)
    with locked(directory):
        manifest = read_manifest(directory)
        old = next((e for e in manifest.entries if e.id == capture_id), None)
        if old is None:
            raise CorpusError(manifest.path, f"no capture with id {capture_id!r} to replace")
        # The page recaptured is written as before unless told: refuses empty and binary
        # files, and bytes its encoding does not read, or would read as other characters.
        written = old.encoding if encoding is None else encoding
        document = capture_of(source, data, written, advice=": give --encoding utf-8")
        if manifest.reference.source == capture_id:
            raise CorpusError(
                manifest.path,
                f"{capture_id} is the reference's source; its bytes cannot be replaced",
            )
        for entry in manifest.entries:
            if entry.sha256 == document.sha256:
                same = "these are its recorded bytes" if entry.id == capture_id else entry.file
                raise InputError(source, f"identical bytes are already recorded ({same})")
        # The new bytes get a file of their own, named by their digest: the old file stays
        # until the manifest names the new one, so an interruption at any moment leaves
        # the old record whole (and at most a file no record names), or the new one.
        name = f"{capture_id}.{document.sha256[:12]}{source.suffix.lower() or '.txt'}"
        target = directory / name
        leftover = target.is_file() and not target.is_symlink() and read_bytes(target) == data
        if not leftover and (target.exists() or target.is_symlink()):
            raise CorpusError(target, "already exists in the corpus; refusing to overwrite it")
        bom, text = split_bom(read_manifest_text(directory)[1])
        doc = tomlkit.parse(text)
        [table] = [t for t in doc["captures"] if t["id"] == capture_id]
        table["file"] = name
        table["sha256"] = document.sha256
        table["size"] = document.size
        table["format"] = document.format.value
        if document.encoding != UTF8:
            table["encoding"] = document.encoding
        elif "encoding" in table:
            del table["encoding"]
        # The new bytes are the evidence now: their blemishes, as `add` records them.
        if blemishes := blemishes_of(document.format, data, document.encoding):
            table["blemishes"] = list(blemishes)
        elif "blemishes" in table:
            del table["blemishes"]
        new_text = bom + tomlkit.dumps(doc)
        captures = tomlkit.parse(new_text.removeprefix(bom))["captures"]
        number = next(n for n, t in enumerate(captures) if t["id"] == capture_id)
        recorded = parse_entry(manifest.path, number, captures[number].unwrap())
        if not leftover:  # (a leftover: these bytes, written by a replace interrupted before)
            atomic_write(target, data, error=CorpusError, exclusive=True)
        try:
            atomic_write(manifest.path, new_text.encode("utf-8"), error=CorpusError)
        except BaseException:
            target.unlink(missing_ok=True)  # the manifest still records the old file
            raise
        (directory / old.file).unlink(missing_ok=True)
    return recorded


__all__ = ["replace_capture"]
