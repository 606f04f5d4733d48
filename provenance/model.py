"""Data passed between the stages. Every Span indexes a decoded original text."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Literal, overload


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open range [start, end) of `str` indices into a decoded text.

    >>> Span(2, 5).of("abcdefg")
    'cde'
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            msg = f"invalid span {self.start}..{self.end}"
            raise ValueError(msg)

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The characters this span covers in `text`."""
        return text[self.start : self.end]


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    MARKDOWN = "markdown"


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded file. `text` is what every Span of this document indexes."""

    id: str
    path: Path
    sha256: str
    """Digest of the stored bytes, never of the decoded text."""
    size: int
    """Number of stored bytes."""
    text: str
    """Decoded original, without a leading byte-order mark."""
    format: Format = Format.TEXT
    bom: bool = False
    """True when the stored bytes began with a UTF-8 byte-order mark (stripped from text)."""
    declared_charset: str | None = None
    """An HTML page's declared charset where it reads the bytes otherwise than `encoding`
    (the text is `encoding`'s all the same; see `load.decoding`)."""
    encoding: str = "utf-8"
    """What the stored bytes were decoded in: UTF-8, unless the corpus records another
    (a crawled page kept byte for byte in windows-1252, say)."""


class OffsetMap:
    """Where each character of a derived text came from in its original text.

    Character k of the derived text stands for original[start(k):end(k)]. The map is kept
    as runs, not one entry per character: inside a run, derived characters copy
    consecutive original characters one for one, and only a run's last character may
    stand for a longer or empty stretch (a collapsed run of spaces, an entity, a composed
    combining sequence, a line break made from markup). A capture of millions of
    characters needs a run only where the text was changed, three machine integers each.

    `tail` is where an empty span at the very end of the derived text sits.

    >>> builder = MapBuilder()
    >>> builder.copy(0, 3)  # three characters copied from original[0:3]
    >>> builder.char(3, 5)  # one character standing for original[3:5]
    >>> m = builder.build(tail=5)
    >>> len(m), m.runs, m.span(1, 4)
    (4, 1, Span(start=1, end=5))
    """

    __slots__ = ("_ends", "_firsts", "_starts", "length", "tail")

    def __init__(
        self, firsts: array[int], starts: array[int], ends: array[int], length: int, tail: int
    ):
        self._firsts = firsts
        """Derived index of each run's first character, ascending from 0."""
        self._starts = starts
        """Original index of each run's first character."""
        self._ends = ends
        """Original index just past each run's last character."""
        self.length = length
        """Characters in the derived text."""
        self.tail = tail

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        """The map of a text that is its original (one run)."""
        if n == 0:
            return cls(array("q"), array("q"), array("q"), 0, 0)
        return cls(array("q", [0]), array("q", [0]), array("q", [n]), n, n)

    @classmethod
    def build(cls, pieces: Sequence[tuple[int, int]], *, tail: int) -> OffsetMap:
        """Derived character k stands for original[a:b], where (a, b) = pieces[k]."""
        builder = MapBuilder()
        for start, end in pieces:
            builder.char(start, end)
        return builder.build(tail=tail)

    @property
    def runs(self) -> int:
        return len(self._firsts)

    def __len__(self) -> int:
        return self.length

    def _run(self, k: int) -> int:
        return bisect_right(self._firsts, k) - 1

    def start(self, k: int) -> int:
        """Original index where derived character k comes from; `tail` for k == len."""
        if k >= self.length:
            return self.tail
        r = self._run(k)
        return self._starts[r] + k - self._firsts[r]

    def end(self, k: int) -> int:
        """Original index just past what derived character k stands for."""
        r = self._run(k)
        last = (self._firsts[r + 1] if r + 1 < len(self._firsts) else self.length) - 1
        if k == last:
            return self._ends[r]
        return self._starts[r] + k - self._firsts[r] + 1

    def span(self, start: int, end: int) -> Span:
        """Original span covered by derived characters [start, end) (empty: where `start` sits)."""
        if start >= end:
            at = self.start(start)
            return Span(at, at)
        first = self.start(start)
        return Span(first, max(first, self.end(end - 1)))

    def shift(self, by: int) -> OffsetMap:
        """The same map for a derived text of original[by:]: every original index plus `by`."""
        return OffsetMap(
            self._firsts,
            array("q", (x + by for x in self._starts)),
            array("q", (x + by for x in self._ends)),
            self.length,
            self.tail + by,
        )

    def narrowed(self) -> OffsetMap:
        """The same starts, each character standing for one original character."""
        builder = MapBuilder()
        for r in range(len(self._firsts)):
            last = (self._firsts[r + 1] if r + 1 < len(self._firsts) else self.length) - 1
            count = last - self._firsts[r] + 1
            builder.copy(self._starts[r], count)
        return builder.build(tail=self.tail)

    @property
    def starts(self) -> Column:
        """`start(k)` for k in 0..len (the last entry is `tail`), as a sequence."""
        return Column(self, self.length + 1, self.start)

    @property
    def ends(self) -> Column:
        """`end(k)` for k in 0..len-1, as a sequence."""
        return Column(self, self.length, self.end)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return (self.length, self.tail, self._firsts, self._starts, self._ends) == (
            other.length,
            other.tail,
            other._firsts,
            other._starts,
            other._ends,
        )

    def __hash__(self) -> int:
        return hash((self.length, self.tail, self._firsts.tobytes(), self._starts.tobytes()))

    def __repr__(self) -> str:
        return f"OffsetMap(length={self.length}, runs={self.runs}, tail={self.tail})"


class MapBuilder:
    """Builds an OffsetMap left to right, merging what continues the current run."""

    __slots__ = ("_ends", "_firsts", "_next", "_starts", "length")

    def __init__(self) -> None:
        self._firsts: array[int] = array("q")
        self._starts: array[int] = array("q")
        self._ends: array[int] = array("q")
        self._next = -1
        """Original index a one-for-one continuation of the current run would start at."""
        self.length = 0

    def copy(self, start: int, count: int) -> None:
        """`count` derived characters copying original[start:start + count] one for one."""
        if count <= 0:
            return
        if start != self._next:
            self._firsts.append(self.length)
            self._starts.append(start)
            self._ends.append(start + count)
        else:
            self._ends[-1] = start + count
        self.length += count
        self._next = start + count

    def char(self, start: int, end: int) -> None:
        """One derived character standing for original[start:end]."""
        if start != self._next:
            self._firsts.append(self.length)
            self._starts.append(start)
            self._ends.append(end)
        else:
            self._ends[-1] = end
        self.length += 1
        self._next = end if end == start + 1 else -1

    def last_end(self) -> int:
        """Where the source of the last character ends (0 when there is none)."""
        return self._ends[-1] if self._ends else 0

    def build(self, *, tail: int) -> OffsetMap:
        return OffsetMap(self._firsts, self._starts, self._ends, self.length, tail)


class Column(Sequence[int]):
    """A read-only sequence view of one column of an OffsetMap (see OffsetMap.starts)."""

    __slots__ = ("_get", "_length", "map")

    def __init__(self, offsets: OffsetMap, length: int, get: Callable[[int], int]):
        self.map = offsets
        self._length = length
        self._get = get

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, k: int) -> int: ...
    @overload
    def __getitem__(self, k: slice) -> list[int]: ...
    def __getitem__(self, k: int | slice) -> int | list[int]:
        if isinstance(k, slice):
            return [self._get(i) for i in range(*k.indices(self._length))]
        if k < 0:
            k += self._length
        if not 0 <= k < self._length:
            raise IndexError(k)
        return self._get(k)

    def __iter__(self) -> Iterator[int]:
        return (self._get(i) for i in range(self._length))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True, init=False)
class Normalised:
    """Comparison text. Never shown; every index maps back to the original through `map`."""

    text: str
    map: OffsetMap
    steps: tuple[str, ...]

    def __init__(
        self,
        text: str,
        to_original: OffsetMap | Sequence[int],
        steps: tuple[str, ...],
        original_ends: Sequence[int] = (),
    ) -> None:
        """`to_original` is a map, or (with `original_ends`) the two columns of one.

        As columns: `to_original` has len(text) + 1 entries, entry k the original index
        of the character that produced text[k], the last the end of the original;
        `original_ends[k]` is where what produced text[k] ends (a whole run of spaces, a
        whole combining sequence). Without `original_ends` each character stands for one
        original character.
        """
        if isinstance(to_original, OffsetMap):
            offsets = to_original
        elif isinstance(to_original, Column) and not original_ends:
            offsets = to_original.map.narrowed()
        elif isinstance(to_original, Column) and isinstance(original_ends, Column):
            offsets = to_original.map
        else:
            ends = original_ends or [k + 1 for k in to_original[:-1]]
            offsets = OffsetMap.build(
                list(zip(to_original[:-1], ends, strict=True)), tail=to_original[-1]
            )
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "map", offsets)
        object.__setattr__(self, "steps", steps)

    @property
    def to_original(self) -> Column:
        return self.map.starts

    @property
    def original_ends(self) -> Column:
        return self.map.ends

    def span(self, start: int, end: int) -> Span:
        """Original span covered by normalised characters [start, end)."""
        return self.map.span(start, end)


@dataclass(frozen=True, slots=True)
class Segment:
    """One run of a passage copied in the reference's order, at its place in both texts."""

    copy: Span
    reference: Span


class PassageKind(StrEnum):
    FULL = "full"
    EXCERPT = "excerpt"
    QUOTATION = "quotation"
    """A quotation in running prose that matches a stretch of the reference (verbatim or
    altered): never a located passage, only read for emphasis (`analyse`, `emphasis`)."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a capture that copies a stretch of the reference."""

    kind: PassageKind
    copy: Span
    """Offsets into the capture's decoded text."""
    reference: Span
    """Offsets into the reference text."""
    score: float
    """rapidfuzz ratio (0-100) of the two stretches after normalisation, the copy's runs
    taken in the reference's order (a move is a divergence, not a lesser copy)."""
    segments: tuple[Segment, ...] = ()
    """The runs the copy is made of, in capture order, when there is more than one: its
    parts come in another order, repeat, or have foreign material between them. Empty
    when the passage is one run; `runs` gives the segments either way."""

    @property
    def runs(self) -> tuple[Segment, ...]:
        """The segments, or the whole passage as one segment."""
        return self.segments or (Segment(self.copy, self.reference),)


Tag = Literal["equal", "replace", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Edit:
    """One difflib-style opcode, in original offsets on both sides."""

    tag: Tag
    reference: Span
    copy: Span


@dataclass(frozen=True, slots=True)
class Alignment:
    """A passage aligned token by token; the edits cover both stretches exactly."""

    passage: Passage
    edits: tuple[Edit, ...]


class Kind(StrEnum):
    WHITESPACE = "whitespace"
    INVISIBLE = "invisible"
    TYPOGRAPHY = "typography"
    CASE = "case"
    PUNCTUATION = "punctuation"
    SPELLING = "spelling"
    OMISSION = "omission"
    INSERTION = "insertion"
    SUBSTITUTION = "substitution"
    EDITORIAL = "editorial"
    FOOTNOTE = "footnote"
    TRUNCATION = "truncation"
    REORDERING = "reordering"
    DUPLICATION = "duplication"
    INTERRUPTION = "interruption"
    EMPHASIS = "emphasis"


class Severity(IntEnum):
    COSMETIC = 0
    MINOR = 1
    MATERIAL = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Divergence:
    """One difference between a copy and the reference, classified."""

    id: str
    """Stable: digest of (witness sha256, spans, kind, readings)."""
    witness: str
    kind: Kind
    severity: Severity
    reference: Span
    copy: Span
    reference_text: str
    copy_text: str
    note: str = ""
    """Why the classifier chose this kind, in a few words."""


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    FLAGGED = "flagged"


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's verdict on one finding; undecided is the absence of a Decision."""

    finding: str
    """Id of the finding (divergence, quotation or emphasis)."""
    source: str
    """Id of the capture the finding belongs to."""
    source_sha256: str
    """Binds the decision to the bytes it was made on."""
    verdict: Verdict
    note: str = ""
    reviewer: str = ""
    time: str = ""
    """ISO 8601 UTC time of the decision."""
    summary: str = ""
    """What the finding was (kind and readings), kept so a stale decision stays readable."""
    anchor: str = ""
    """What makes the finding the same on other bytes of the capture (`review.anchor`)."""
    carried_from: str = ""
    """When this decision confirms one carried over: the id of the finding it was made on."""
    carried_sha256: str = ""
    """... and the digest of the bytes it was made on."""


@dataclass(frozen=True, slots=True)
class Finding:
    """Anything a reviewer must decide on, in one shape for the UI and the CI gate."""

    id: str
    source: str
    source_sha256: str
    category: Literal["divergence", "quotation", "emphasis"]
    kind: str
    severity: Severity
    span: Span
    text: str
    summary: str
    reference: Span | None = None
    reference_text: str = ""
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
