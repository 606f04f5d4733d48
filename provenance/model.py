"""Data passed between the stages. Every Span indexes a decoded original text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Literal


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
    """An HTML page's declared charset where it reads the bytes otherwise than UTF-8 (the
    text is UTF-8's all the same; see `load.decoding`)."""


@dataclass(frozen=True, slots=True)
class Normalised:
    """Comparison text. Never shown; every index maps back to the original.

    `to_original` has len(text) + 1 entries: entry k is the original index of the
    character that produced text[k]; the last entry is the end of the original.
    """

    text: str
    to_original: tuple[int, ...]
    steps: tuple[str, ...]
    original_ends: tuple[int, ...] = ()
    """Entry k is the original index just past what produced text[k]: a whole run of
    spaces, a whole combining sequence. Empty means each came from one character."""

    def span(self, start: int, end: int) -> Span:
        """Original span covered by normalised characters [start, end)."""
        if start == end:
            return Span(self.to_original[start], self.to_original[start])
        if self.original_ends:
            return Span(self.to_original[start], self.original_ends[end - 1])
        return Span(self.to_original[start], self.to_original[end - 1] + 1)


@dataclass(frozen=True, slots=True)
class Segment:
    """One run of a passage copied in the reference's order, at its place in both texts."""

    copy: Span
    reference: Span


class PassageKind(StrEnum):
    FULL = "full"
    EXCERPT = "excerpt"


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a capture that copies a stretch of the reference."""

    kind: PassageKind
    copy: Span
    """Offsets into the capture's decoded text."""
    reference: Span
    """Offsets into the reference text."""
    score: float
    """rapidfuzz ratio (0-100) of the two stretches after normalisation."""
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
