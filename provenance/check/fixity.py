"""The manifest and fixity checks: entries well formed, files present, bytes as recorded.

Nothing here decodes or analyses a capture: it reads bytes (never through a symlink)
and compares them with the manifest, BagIt-style, reporting every problem it can.
"""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path

from provenance.atomic import TEMP_NAME
from provenance.check.rules import Collector
from provenance.corpus import CORPUS_FILES, Entry, ManifestReading
from provenance.errors import CorpusError, InputError
from provenance.links import foreign_link, where
from provenance.load import format_of, read_bytes

_GIT_FILES = frozenset({".gitattributes", ".gitignore"})
"""Dotfiles that configure git for the corpus (`* -text` keeps capture bytes as they are);
every other file, hidden or not, must be in the manifest."""
_MARKUP = re.compile(rb"<(?:!doctype\s|/?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>)", re.IGNORECASE)
"""An HTML tag or doctype, in bytes: what tells an HTML page from text or Markdown without
it (`a < b` and `<user@example.org>` are no tags)."""


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
                ours, theirs = _told_apart(actual, entry.sha256)
                self.add(
                    "fixity-mismatch",
                    path,
                    f"sha256 {ours} does not match the manifest's {theirs}: "
                    "the bytes or the manifest changed",
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
                f"is a symlink to {path.readlink()} ({where(path, self.directory)}); "
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

    def formats(self, entries: list[Entry], stored: dict[str, bytes]) -> None:
        """A warning for each entry whose recorded format is not the one its file name
        gives: every command reads a capture as its file name says (`load.format_of`), so
        the record and the reading disagree. With what the bytes say, where HTML is one of
        the two: whether they hold markup."""
        for entry in entries:
            path = self.directory / entry.file
            read_as = format_of(path).value
            if entry.format == read_as:
                continue
            markup = ""
            if "html" in (entry.format, read_as) and entry.id in stored:
                markup = "; its bytes hold " + ("" if _MARKUP.search(stored[entry.id]) else "no ")
                markup += "HTML markup"
            self.add(
                "format-mismatch",
                path,
                f"the manifest records format {entry.format!r}, but its file name "
                f"({path.suffix or 'no extension'}) makes every command read it as {read_as}"
                f"{markup} (correct the entry's format, or rename the file)",
            )

    def unlisted(self, entries: list[Entry], claimed: frozenset[str] = frozenset()) -> None:
        """Files in the corpus no entry lists; not those a malformed entry names
        (`claimed`): its problem is reported, and `add` cannot list them again."""
        listed = {e.file for e in entries} | CORPUS_FILES | claimed
        by_id = {e.id: e for e in entries}
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
            owner = by_id.get(name.split(".", 1)[0])
            if TEMP_NAME.fullmatch(name):
                advice = (
                    "a temp file left by an interrupted write; remove it, or run "
                    "`provenance manifest --update --yes`"
                )
            elif owner is not None:
                advice = (
                    f"named like capture {owner.id}, recorded now as {owner.file}: if these "
                    "are its old bytes, left by an interrupted `provenance add --replaces`, "
                    "remove it; else record it with `provenance add`"
                )
            else:
                advice = "record it with `provenance add`, or remove it"
            self.add("unlisted-file", path, f"{kind} not in the manifest ({advice})")


def _told_apart(a: str, b: str, shown: int = 16) -> tuple[str, str]:
    """Two digests shortened, each to at least `shown` characters and past the first one
    where they differ (a digest edited in its last digit still reads differently).

    >>> _told_apart("abcd1234", "abcd1235", 4)
    ('abcd1234', 'abcd1235')
    >>> _told_apart("abcd12345678", "abce12345678", 4)
    ('abcd123…', 'abce123…')
    """
    differ = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    keep = max(shown, differ + 4)

    def short(digest: str) -> str:
        return digest if len(digest) <= keep else digest[:keep] + "…"

    return short(a), short(b)


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


__all__ = ["ManifestChecks", "foreign_link"]
