"""The manifest and fixity checks: entries well formed, files present, bytes as recorded.

Nothing here decodes or analyses a capture: it reads bytes (never through a symlink)
and compares them with the manifest, BagIt-style, reporting every problem it can.
"""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path
from typing import Any

from provenance.check.rules import Collector
from provenance.corpus import (
    HOLDS,
    MANIFEST,
    Entry,
    ReferenceEntry,
    parse_entry,
    parse_reference,
    plain_name,
)
from provenance.errors import CorpusError, InputError
from provenance.load import read_bytes
from provenance.review import REVIEWS

_GIT_FILES = frozenset({".gitattributes", ".gitignore"})
"""Dotfiles that configure git for the corpus (`* -text` keeps capture bytes as they are);
every other file, hidden or not, must be in the manifest."""
_TEMP = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp")
"""The temp file name of `atomic_write` and `add` (`.reviews.json.k3j_x9a2.tmp`)."""


class ManifestChecks(Collector):
    """The checks that need only the manifest and the stored bytes."""

    def entries(self, data: dict[str, Any]) -> list[Entry]:
        """The well-formed capture entries; malformed ones are reported and left out."""
        self.case("manifest", self.manifest)
        tables = data.get("captures", [])
        if not isinstance(tables, list):
            self.add("manifest-entry", self.manifest, "[[captures]] must be an array of tables")
            return []
        out: list[Entry] = []
        ids: set[str] = set()
        files: set[str] = set()
        for index, table in enumerate(tables):
            where = f"captures[{index}]"
            if not isinstance(table, dict):
                self.add("manifest-entry", self.manifest, f"{where} is not a table")
                continue
            name = table.get("file")
            if isinstance(name, str) and not plain_name(name):
                self.add(
                    "unsafe-path",
                    self.manifest,
                    f"{where}: file {name!r} is not a plain name inside the corpus",
                )
                continue
            try:
                entry = parse_entry(self.manifest, index, table)
            except CorpusError as error:
                self.add("manifest-entry", self.manifest, error.problem)
                continue
            if entry.id in ids or entry.file in files:
                what = f"id {entry.id!r}" if entry.id in ids else f"file {entry.file!r}"
                self.add(
                    "duplicate-entry",
                    self.manifest,
                    f"{where}: {what} appears twice; later entry ignored",
                )
                continue
            for value in entry.holds:
                if value not in HOLDS:
                    self.add(
                        "holds-invalid",
                        self.manifest,
                        f"{where}: holds {value!r} is not one of {', '.join(HOLDS)}",
                    )
            ids.add(entry.id)
            files.add(entry.file)
            out.append(entry)
        return out

    def reference_entry(self, data: dict[str, Any], entries: list[Entry]) -> ReferenceEntry | None:
        try:
            reference = parse_reference(self.manifest, data)
        except CorpusError as error:
            self.add("reference-entry", self.manifest, error.problem)
            return None
        if not any(e.id == reference.source for e in entries):
            self.add(
                "reference-entry",
                self.manifest,
                f"reference source {reference.source!r} is not a capture in the manifest",
            )
            return None
        return reference

    def fixity(self, entries: list[Entry]) -> dict[str, bytes]:
        """Bytes of every entry that is a regular file inside the corpus."""
        stored: dict[str, bytes] = {}
        first_with: dict[str, Path] = {}
        for entry in entries:
            path = self.directory / entry.file
            self.case("fixity", path)
            data = self._read(path)
            if data is None:
                continue
            stored[entry.id] = data
            actual = hashlib.sha256(data).hexdigest()
            size = len(data)
            if size == 0 and entry.size > 0:
                self.add(
                    "empty-file", path, f"empty (0 bytes); the manifest records {entry.size} bytes"
                )
            elif size < entry.size:
                self.add(
                    "truncated",
                    path,
                    f"only {size} of the {entry.size} bytes the manifest records "
                    f"({entry.size - size} missing)",
                )
            elif size > entry.size:
                self.add(
                    "size-mismatch",
                    path,
                    f"{size} bytes, the manifest records {entry.size} ({size - entry.size} more)",
                )
            elif actual != entry.sha256:
                self.add(
                    "fixity-mismatch",
                    path,
                    f"sha256 {actual[:16]}… does not match the manifest's {entry.sha256[:16]}…: "
                    "the bytes changed",
                )
            if actual in first_with:
                self.add("duplicate-content", path, f"identical bytes to {first_with[actual].name}")
            else:
                first_with[actual] = path
        return stored

    def _read(self, path: Path) -> bytes | None:
        try:
            info = path.lstat()
        except FileNotFoundError:
            self.add("missing-file", path, "no such file: listed in the manifest but missing")
            return None
        except OSError as error:
            self.add("unreadable", path, f"cannot stat: {error.strerror or error}")
            return None
        if stat.S_ISLNK(info.st_mode):
            self.add(
                "symlink",
                path,
                f"is a symlink to {path.readlink()} ({_where(path, self.directory)}); "
                "captures must be regular files",
            )
            return None
        if not stat.S_ISREG(info.st_mode):
            what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            self.add("not-a-file", path, f"is {what}")
            return None
        try:
            return read_bytes(path)
        except InputError as error:
            self.add("unreadable", path, error.problem)
            return None

    def unlisted(self, entries: list[Entry]) -> None:
        listed = {e.file for e in entries} | {MANIFEST, REVIEWS}
        try:
            names = sorted(p.name for p in self.directory.iterdir())
        except OSError as error:
            raise CorpusError(self.directory, f"cannot list: {error.strerror or error}") from None
        for name in names:
            if name in listed or name in _GIT_FILES:
                continue
            path = self.directory / name
            kind = _kind(path)
            self.case("fixity", path)
            if _TEMP.fullmatch(name):
                advice = "a temp file left by an interrupted write; remove it"
            else:
                advice = "record it with `provenance add`, or remove it"
            self.add("unlisted-file", path, f"{kind} not in the manifest ({advice})")


def _kind(path: Path) -> str:
    """What an unlisted entry is: file, directory, symlink, FIFO, ..."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return "file"
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    return "file" if stat.S_ISREG(mode) else "special file"


def _where(link: Path, directory: Path) -> str:
    """Where a symlink leads: inside or outside the corpus, or round in a loop."""
    try:
        inside = link.resolve(strict=True).is_relative_to(directory.resolve())
    except FileNotFoundError:
        return "which does not exist"
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11's "Symlink loop"
        return "a symlink loop"
    return "inside the corpus" if inside else "outside the corpus"


def foreign_link(path: Path, directory: Path) -> str | None:
    """Why `path` must not be followed: a symlink out of the corpus, dangling or in a loop.

    None when it is no symlink, or one to a file inside the corpus.
    """
    if not path.is_symlink():
        return None
    where = _where(path, directory)
    if where == "inside the corpus":
        return None
    return f"is a symlink to {path.readlink()} ({where}); not followed"


__all__ = ["ManifestChecks", "foreign_link"]
