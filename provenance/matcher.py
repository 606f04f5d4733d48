"""Many patterns over a long text at C speed: one Hyperscan database per pattern set.

Python's `re` tries an alternation of words at every position of a text (about 2 MB/s
for forty words); Hyperscan matches them all in one pass at hundreds of MB/s. A
`Matcher` is compiled on first use and shared by the whole process, and its compiled
form is kept on disk (`cache_dir`), so the next process loads it in milliseconds where
compiling a large set costs seconds. Hyperscan is imported only when a Matcher scans
(it is the scan sub-product's dependency too). The review UI
analyses in worker threads: a database may be shared by threads, its scratch space may
not, so each thread scans with its own.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.atomic import atomic_write
from provenance.errors import ProvenanceError

if TYPE_CHECKING:
    import hyperscan

Found = Callable[[int, int, int, int, object], bool | None]
"""Hyperscan's match handler: (pattern id, start, end, flags, context), byte offsets;
returning true stops the scan."""


class Matcher:
    """A compiled set of byte patterns (Hyperscan syntax), scanned over UTF-8 data."""

    def __init__(
        self, expressions: tuple[bytes, ...], *, caseless: bool, leftmost: bool, once: bool = False
    ) -> None:
        self.expressions = expressions
        self._caseless, self._leftmost, self._once = caseless, leftmost, once
        self._database: hyperscan.Database | None = None
        self._lock = threading.Lock()
        self._local = threading.local()

    def scan(self, data: bytes, found: Found) -> None:
        """Call `found` for every match in `data` (in order of match end)."""
        database = self._compiled()
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            import hyperscan

            scratch = self._local.scratch = hyperscan.Scratch(database)
        database.scan(data, match_event_handler=found, scratch=scratch)

    def stopper(self) -> Callable[[bytes, Found], bool]:
        """`stopped`, bound once to the database and this thread's scratch space: for many
        short scans in one thread (a JSON line each), where `stopped`'s own steps (the lock,
        the scratch looked up, the import) cost 2.0 µs a call against 0.8 (measured on a
        1-byte line; a 6 KB line takes some 10 µs to scan)."""
        import hyperscan

        database = self._compiled()
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = hyperscan.Scratch(database)
        scan = functools.partial(database.scan, scratch=scratch)
        terminated = hyperscan.ScanTerminated

        def stopped(data: bytes, found: Found) -> bool:
            try:
                scan(data, found)
            except terminated:
                return True
            return False

        return stopped

    def matches(self, data: bytes) -> bool:
        """Whether any pattern matches in `data` (the scan stops at the first match)."""
        return self.stopped(data, _stop)

    def stopped(self, data: bytes, found: Found) -> bool:
        """`scan`, which stops where `found` returns true; whether it did."""
        import hyperscan

        try:
            self.scan(data, found)
        except hyperscan.ScanTerminated:
            return True
        return False

    def compile(self) -> Matcher:
        """Compile now (or load from the disk cache), not at the first scan; for a process
        that is about to fork workers, which then inherit the database."""
        self._compiled()
        return self

    @property
    def ready(self) -> bool:
        """Whether scanning costs no compilation: compiled here, or in the disk cache (a
        cache the user may not look in is no cache: it only saves time)."""
        if self._database is not None:
            return True
        try:
            return self._cache_file().exists()
        except OSError:
            return False

    def _compiled(self) -> hyperscan.Database:
        with self._lock:
            if self._database is None:
                self._database = self._cached() or self._compile()
            return self._database

    def _compile(self) -> hyperscan.Database:
        import hyperscan

        flags = hyperscan.HS_FLAG_CASELESS if self._caseless else 0
        if self._leftmost:
            flags |= hyperscan.HS_FLAG_SOM_LEFTMOST
        if self._once:
            flags |= hyperscan.HS_FLAG_SINGLEMATCH
        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        database.compile(
            expressions=list(self.expressions),
            ids=list(range(len(self.expressions))),
            elements=len(self.expressions),
            flags=[flags] * len(self.expressions),
        )
        with contextlib.suppress(OSError, ProvenanceError):
            path = self._cache_file()
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, hyperscan.dumpb(database))
        return database

    def _cached(self) -> hyperscan.Database | None:
        """The database from the disk cache; None when absent, unreadable, or built for
        another CPU or Hyperscan (loading checks both)."""
        import hyperscan

        try:
            database: hyperscan.Database = hyperscan.loadb(
                self._cache_file().read_bytes(), hyperscan.HS_MODE_BLOCK
            )
        except (OSError, hyperscan.error):
            return None
        return database

    def _cache_file(self) -> Path:
        return cache_dir() / self._cache_name

    @functools.cached_property
    def _cache_name(self) -> str:
        """The patterns' file name in the cache, hashed once: `ready` asks for it at every
        short page, and hashing thousands of n-grams cost half a millisecond each time."""
        options = (self._caseless, self._leftmost, self._once)
        key = hashlib.sha256(repr((_binding(), *options)).encode())
        # The lengths, then the patterns end to end: one key for one list (a scan worker
        # hashes 44,000 n-gram patterns before its first document; one call each was 0.03 s).
        key.update(array("Q", map(len, self.expressions)).tobytes())
        key.update(b"".join(self.expressions))
        return f"{key.hexdigest()[:32]}.hsdb"


@functools.cache
def _binding() -> str:
    """Part of every cache key: another Hyperscan binding never reads an old file. The
    version is the one the module reports, the distribution's; `importlib.metadata`
    takes 10-60 ms to find it, a fifth of a 1 MB capture's analysis."""
    import hyperscan

    version: str = hyperscan.__version__  # type: ignore[attr-defined]  # not in its stubs
    return f"hyperscan {version} block"


def cache_dir() -> Path:
    """Where compiled databases are kept between runs: $PROVENANCE_CACHE, else
    $XDG_CACHE_HOME/provenance, else ~/.cache/provenance. Deleting it costs only time."""
    if os.environ.get("PROVENANCE_CACHE"):
        return Path(os.environ["PROVENANCE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "provenance"


def _stop(*_match: object) -> bool:
    return True  # Hyperscan stops scanning when the handler returns true


_MATCHERS: dict[tuple[tuple[bytes, ...], bool, bool, bool], Matcher] = {}
_MATCHERS_LOCK = threading.Lock()


def matcher(
    expressions: Iterable[bytes],
    *,
    caseless: bool = False,
    leftmost: bool = False,
    once: bool = False,
) -> Matcher:
    """The process's one Matcher for these patterns (compiled when it first scans).
    `once`: each pattern reports its first match only (Hyperscan's single-match mode)."""
    key = (tuple(expressions), caseless, leftmost, once)
    with _MATCHERS_LOCK:
        if key not in _MATCHERS:
            _MATCHERS[key] = Matcher(key[0], caseless=caseless, leftmost=leftmost, once=once)
        return _MATCHERS[key]


def last_characters(text: str, expressions: tuple[bytes, ...], *, caseless: bool) -> list[int]:
    """Sorted `str` offsets in `text` of the last character of every match of any of
    `expressions`, each offset once (overlapping and nested matches included). Every
    match must end with an ASCII character.

    >>> text, patterns = "He said: “The statement says so.”", (rb"\\bsa(?:id|ys)\\b", rb"state")
    >>> last_characters(text, patterns, caseless=True)
    [6, 18, 27]
    """
    return last_characters_of_each(text, (expressions,), caseless=caseless)[0]


def last_characters_of_each(
    text: str, groups: tuple[tuple[bytes, ...], ...], *, caseless: bool
) -> list[list[int]]:
    """`last_characters` of each group of expressions, from one scan of `text`.

    >>> last_characters_of_each("said the statement", ((rb"said",), (rb"state",)), caseless=True)
    [[3], [13]]
    """
    utf8 = encoded(text)
    scanner, group_of = _grouped_matcher(groups, caseless)
    ends: set[tuple[int, int]] = set()
    scanner.scan(utf8.data, lambda i, _s, end, _f, _c: ends.add((end - 1, group_of[i])))
    found = sorted(ends)
    at = utf8.chars([end for end, _ in found])
    out: list[list[int]] = [[] for _ in groups]
    for offset, (_, k) in zip(at, found, strict=True):
        out[k].append(offset)
    return out


def literal_starts(text: str, literals: tuple[str, ...], *, caseless: bool = False) -> list[int]:
    """Sorted `str` offsets in `text` where one of `literals` starts, each offset once.
    `caseless`: ASCII letters match either case (no other folding: not "K" for "k").

    >>> literal_starts("“Yes,” he said: 'no'.", ("“", "”", "'"))
    [0, 5, 16, 19]
    >>> literal_starts("Bold, BOLD and bolder", ("bold",), caseless=True)
    [0, 6, 15]
    """
    utf8 = encoded(text)
    scanner, lengths = _literal_matcher(literals, caseless)
    starts: set[int] = set()
    scanner.scan(utf8.data, lambda i, _s, end, _f, _c: starts.add(end - lengths[i]))
    return utf8.chars(sorted(starts))


@functools.lru_cache(maxsize=64)
def _grouped_matcher(
    groups: tuple[tuple[bytes, ...], ...], caseless: bool
) -> tuple[Matcher, tuple[int, ...]]:
    """The Matcher of all `groups`' expressions and the group of each pattern id, made
    once per pattern set: rebuilt at every call, they cost 1.3 µs of its 27 (1.2 ms over
    the scan benchmark's 949 calls)."""
    group_of = tuple(k for k, group in enumerate(groups) for _ in group)
    return matcher(tuple(e for group in groups for e in group), caseless=caseless), group_of


@functools.lru_cache(maxsize=64)
def _literal_matcher(literals: tuple[str, ...], caseless: bool) -> tuple[Matcher, tuple[int, ...]]:
    """The Matcher of `literals`, escaped byte by byte, and each one's length in bytes,
    made once per literal set: rebuilding the patterns (a generator step a byte) took
    30-60 ms of the engine's 1.3 s on the scan benchmark's 535 candidates (the scans of
    `emphasis.notes` went from 41-71 ms to 9)."""
    literal_bytes = [literal.encode("utf-8") for literal in literals]
    patterns = tuple(b"".join(b"\\x%02x" % byte for byte in literal) for literal in literal_bytes)
    return matcher(patterns, caseless=caseless), tuple(map(len, literal_bytes))


class Encoded:
    """A text's UTF-8 bytes, as the scans read them, and the way back to `str` offsets."""

    __slots__ = ("_multibyte", "data", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self._multibyte: tuple[list[int], list[int]] | None = None
        """Byte offsets of the first bytes of the multi-byte characters (when sparse), and
        for each k the bytes past one a character that the first k of them take. One
        attribute, set once: threads (the review UI's) may share this object."""

    def chars(self, byte_offsets: list[int]) -> list[int]:
        """`str` offsets of sorted byte offsets, each at a character's start.

        >>> Encoded("aéb c").chars([0, 1, 3, 4, 5])
        [0, 1, 2, 3, 4]
        """
        extra = len(self.data) - len(self.text)
        if not extra:
            return byte_offsets
        if extra > max(_SPARSE, 4 * len(byte_offsets)):
            return char_offsets(self.data, byte_offsets)
        if self._multibyte is None:
            self._multibyte = self._find_multibyte()
        leads, before = self._multibyte
        return [at - before[bisect_left(leads, at)] for at in byte_offsets]

    def _find_multibyte(self) -> tuple[list[int], list[int]]:
        leads: list[int] = []
        matcher((rb"[\xc0-\xff]",)).scan(
            self.data, lambda _i, _s, end, _f, _c: leads.append(end - 1)
        )
        data, before, total = self.data, [0], 0
        for at in leads:
            lead = data[at]
            total += 1 if lead < 0xE0 else 2 if lead < 0xF0 else 3
            before.append(total)
        return leads, before


_SPARSE = 1 << 12
"""A text whose characters take at most this many bytes past one each (or four times as
many as there are offsets to map) has few enough multi-byte characters to list them, one
Hyperscan match each, and the list is kept for the next offsets; a text with more
(Cyrillic, Greek) is decoded piece by piece between the offsets instead."""
_recent: tuple[Encoded, ...] = ()


def encoded(text: str) -> Encoded:
    """`Encoded(text)`, kept for the last two texts asked: the engine scans one capture
    several times (quotation marks, sentence ends, emphasis notes), and a long one costs
    milliseconds a megabyte to encode; between two scans of it, the quotations stage
    scans its prose (the capture with the quotations blanked out) once, which with one
    text kept made the capture's next scan encode it again and list its multi-byte
    characters again."""
    global _recent
    recent = _recent
    for kept in recent:
        if kept.text is text:
            return kept
    found = Encoded(text)
    _recent = (found, *recent[: _RECENT - 1])
    return found


_RECENT = 2


def char_offsets(data: bytes, byte_offsets: list[int]) -> list[int]:
    """`str` offsets of sorted byte offsets into UTF-8 `data`; one decode of the data in
    all. An offset inside a character (the last byte of a match ending in “) maps to
    that character, as `Encoded.chars` maps it where multi-byte characters are few.

    >>> char_offsets("aяb“c".encode(), [0, 2, 3, 6, 7])
    [0, 1, 2, 3, 4]
    """
    out, at, chars = [], 0, 0
    for offset in byte_offsets:
        start = offset
        while at < start < len(data) and 0x80 <= data[start] < 0xC0:
            start -= 1  # a continuation byte: back to its character's first
        chars += len(data[at:start].decode("utf-8"))
        at = start
        out.append(chars)
    return out
