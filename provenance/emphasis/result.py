"""What the emphasis stage reports, and the builders that write it in original offsets.

`EmphasisOptions` sets the reach of notes and of no-break-space residue; `EmphasisSpan`,
`EmphasisNote`, `LostMarkup` and `EmphasisResult` are what `emphasis()` gives back. The
builders map a stretch of readable text back to both original files (`_span`), give
each finding an id stable for the capture's bytes (`_id`), and turn an added span into
an `emphasis` divergence (`_divergence`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from provenance.classify import divergence_id
from provenance.extract import Extracted
from provenance.model import Divergence, Format, Kind, Passage, Span
from provenance.severity import severity

LOST_MARKUP = "declares added emphasis; markup not present in this capture"


@dataclass(frozen=True, slots=True)
class EmphasisOptions:
    """Reach of notes and of no-break-space residue; defaults checked on the bundled corpus."""

    note_reach: int = 300
    """Most readable characters between the end of a passage and a note that covers it."""
    pair_reach: int = 200
    """Most characters between two no-break spaces read as the two ends of one run."""


class Status(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    PROBABLE = "probable"


@dataclass(frozen=True, slots=True)
class EmphasisSpan:
    """One stretch of emphasis, in original offsets of the capture and the reference."""

    id: str
    span: Span
    text: str
    """The readable text of the run (markup removed, entities decoded)."""
    style: str
    """bold, italic, underline, mark, strikethrough; caps or starred in plain text; for
    probable runs the styles a note declares, joined with "+" (e.g. "bold+italic")."""
    status: Status
    reference: Span | None
    reference_text: str
    evidence: str
    """Why this was reported; for `probable` the residue it is inferred from."""
    declared: str = ""
    """For `added`: the text of the note that declares it ("bold italics ours"), when a
    note covering its passage names its style or emphasis in general; for `probable`, the
    note it is inferred from; else ""."""
    said_original: str = ""
    """For `added`: the text of a note covering its passage that says emphasis of its
    style is the reference's own ("emphasis in original"), where the reference has none:
    a false claim about the reference; else ""."""
    in_word: bool = False
    """For `added`: the run starts or ends inside a word ("mechan<em>is</em>m"): a search
    highlight or a slip of the markup, not words the copier stressed."""


@dataclass(frozen=True, slots=True)
class EmphasisNote:
    """A declaration such as "(emphasis added)" and the located passage it covers."""

    span: Span
    text: str
    declares: str
    """"added" or "original" ("italics in original")."""
    style: str
    covers: Passage | None
    """The passage the note follows, in original offsets; None when it follows other text.
    For a note holding "throughout" or "below", the first of those it covers."""
    covering: tuple[Passage, ...] = ()
    """Every passage the note covers, in original offsets (`covers` and, for a note holding
    "throughout" or "below", the others)."""


@dataclass(frozen=True, slots=True)
class LostMarkup:
    """A note declares added emphasis on a passage whose copy carries none."""

    id: str
    note: EmphasisNote
    message: str
    probable: tuple[EmphasisSpan, ...]


@dataclass(frozen=True, slots=True)
class EmphasisResult:
    spans: tuple[EmphasisSpan, ...]
    """added, removed and probable emphasis, in capture order."""
    notes: tuple[EmphasisNote, ...]
    lost_markup: tuple[LostMarkup, ...]
    divergences: tuple[Divergence, ...]
    """Kind `emphasis`, severity material: emphasis added inside the reference text."""


def _span(
    reference: Extracted,
    capture: Extracted,
    status: Status,
    style: str,
    a: int,
    b: int,
    ra: int,
    rb: int,
    evidence: str,
) -> EmphasisSpan:
    span = capture.span(a, b)
    text = capture.text[a:b]
    ref_span = reference.span(ra, rb)
    key = f"{status.value}:{style}:{span.start}:{span.end}:{text}"
    return EmphasisSpan(
        id=_id(capture, key),
        span=span,
        text=text,
        style=style,
        status=status,
        reference=ref_span,
        reference_text=reference.text[ra:rb],
        evidence=evidence,
    )


def _id(capture: Extracted, key: str) -> str:
    digest = hashlib.sha256(f"{capture.document.sha256}\x1f{key}".encode()).hexdigest()
    return "e-" + digest[:16]


def _divergence(capture: Extracted, span: EmphasisSpan) -> Divergence:
    assert span.reference is not None
    return Divergence(
        id=divergence_id(
            capture.document.sha256,
            Kind.EMPHASIS,
            span.reference,
            span.span,
            span.reference_text,
            span.text,
        ),
        witness=capture.document.id,
        kind=Kind.EMPHASIS,
        severity=severity("divergence", _row(span)),
        reference=span.reference,
        copy=span.span,
        reference_text=span.reference_text,
        copy_text=_copy_text(capture, span),
        note=f"{span.style} added by the copy{' inside a word' if span.in_word else ''}, "
        + _declaration(span),
    )


def _copy_text(capture: Extracted, span: EmphasisSpan) -> str:
    """The row's copy text as every divergence's: a plain text's own slice (an e-mail
    quotation's "> " marks within it kept), the readable text of HTML and Markdown."""
    if capture.document.format is Format.TEXT:
        return span.span.of(capture.document.text)
    return span.text


def _row(span: EmphasisSpan) -> str:
    """The severity row of emphasis added (`provenance.severity`)."""
    if span.declared:
        return "emphasis-declared"
    return "emphasis-in-word" if span.in_word else Kind.EMPHASIS


def _declaration(span: EmphasisSpan) -> str:
    if span.declared:
        return f"declared by its note {span.declared!r}"
    if span.said_original:
        return f"though its note {span.said_original!r} says the reference has it"
    return "no note declares it"
