"""The manifest and fixity checks: entries well formed, files present, bytes as recorded.

Nothing here decodes or analyses a capture: it reads bytes (never through a symlink)
and compares them with the manifest, BagIt-style, reporting every problem it can.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from provenance.check.rules import Collector
from provenance.corpus import MANIFEST, Entry, ManifestReading
from provenance.errors import CorpusError
from provenance.review import LEGACY_REVIEWS, REVIEWS


class ManifestChecks(Collector):
    """The checks that need only the manifest and the stored bytes."""

    def manifest_entries(self, reading: ManifestReading) -> list[Entry]:
        """The well-formed capture entries; every problem of the manifest reported."""
        self.case("manifest", self.manifest)
        for problem in reading.problems:
            self.add(problem.kind, self.manifest, problem.message)
        return list(reading.entries)

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
            target = path.readlink()
            inside = path.resolve().is_relative_to(self.directory.resolve())
            where = "inside the corpus" if inside else "outside the corpus"
            self.add(
                "symlink",
                path,
                f"is a symlink to {target} ({where}); captures must be regular files",
            )
            return None
        if not stat.S_ISREG(info.st_mode):
            what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            self.add("not-a-file", path, f"is {what}")
            return None
        try:
            return path.read_bytes()
        except OSError as error:
            self.add("unreadable", path, f"cannot read: {error.strerror or error}")
            return None

    def unlisted(self, entries: list[Entry]) -> None:
        listed = {e.file for e in entries} | {MANIFEST, REVIEWS, LEGACY_REVIEWS}
        try:
            names = sorted(p.name for p in self.directory.iterdir())
        except OSError as error:
            raise CorpusError(self.directory, f"cannot list: {error.strerror or error}") from None
        for name in names:
            if name.startswith(".") or name in listed:
                continue
            path = self.directory / name
            kind = "symlink" if path.is_symlink() else "directory" if path.is_dir() else "file"
            self.case("fixity", path)
            self.add(
                "unlisted-file",
                path,
                f"{kind} not in the manifest (record it with `provenance add`, or remove it)",
            )


__all__ = ["ManifestChecks"]
