"""Witnesses: the stretches of captures that bear witness to the reference's text.

A witness is what one column of a collation holds. It is one of:

- a **full** copy: one passage of a capture covering (nearly) the whole reference;
- the **excerpts** of one capture: its excerpt passages, as long as they do not overlap in
  the reference (an article quoting two sentences of the statement is one witness with two
  segments; a capture that quotes the same sentence twice gets a second witness);
- the **quotations** one capture attributes to the reference, outside its located
  passages (capture 000 holds the full copy and, separately, the Hankyoreh article's
  quotations in another translation).

Every witness is a list of segments; a segment pairs a span of the capture with the span
of the reference it stands for, plus the token-level edits between them. Both spans are
offsets of readable text, as the engine compared it (see `provenance.extract`): markup,
in a capture or in an HTML or Markdown reference, is no reading. Segments of one
witness never overlap in the reference, so each reference position has at most one
reading per witness; the exception is a paraphrase (another translation), whose span is
only the nearest reference passage and which is never collated word by word.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from provenance.align import align_texts
from provenance.analyse import Analysis, SourceResult
from provenance.extract import Extracted, extract
from provenance.model import Document, Edit, PassageKind, Span
from provenance.quotes.verdicts import QuoteVerdict
from provenance.spanindex import SpanIndex


class WitnessKind(StrEnum):
    FULL = "full"
    EXCERPTS = "excerpts"
    QUOTATIONS = "quotations"


QUOTED_VERDICTS = (QuoteVerdict.VERBATIM, QuoteVerdict.ALTERED, QuoteVerdict.PARAPHRASE)
"""Quotation verdicts that tie a quotation to a reference span, and so make a segment."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of a witness aligned with the stretch of the reference it stands for."""

    copy: Span
    """Offsets into the capture's decoded text."""
    reference: Span
    """Offsets into the reference's readable text (its decoded text, unless HTML or
    Markdown)."""
    edits: tuple[Edit, ...]
    """Token-level opcodes covering both spans exactly (see `align.align_texts`)."""
    verdict: str = "passage"
    """`passage` for a located copy or excerpt; the quotation verdict otherwise."""
    similarity: float = 100.0
    """Score (0-100) of the match that tied this segment to the reference."""


@dataclass(frozen=True, slots=True)
class Witness:
    """One column of the collation: a full copy, a capture's excerpts or its quotations."""

    id: str
    """Siglum: the capture's number and the kind, e.g. `001-excerpts`; unique in a table."""
    source: str
    """Id of the capture (Document.id)."""
    source_sha256: str
    kind: WitnessKind
    segments: tuple[Segment, ...]
    """In reference order. Segments other than paraphrases never overlap in the reference."""
    text: str
    """The capture's readable text (its decoded text, or an HTML or Markdown page's words
    without markup), which every segment's `copy` span indexes."""
    readable: Extracted | None = None
    """For an HTML or Markdown capture, its readable text with the map back to the file."""

    def original(self, span: Span) -> Span:
        """A span of `text` in offsets of the capture's decoded original file."""
        return span if self.readable is None else self.readable.span(span.start, span.end)

    @property
    def covered(self) -> int:
        """Number of reference characters this witness covers."""
        return sum(len(s.reference) for s in self.segments)


def witnesses(analysis: Analysis) -> list[Witness]:
    """Every witness in the analysis, in capture order, full copies before excerpts.

    Quotation witnesses come from `SourceResult.quotes` (the quotes stage): quotations
    attributed to the reference whose verdict ties them to a reference span (verbatim,
    altered, paraphrase) and that lie outside the capture's located passages.

    Returns:
        Witnesses with unique ids; captures that hold nothing contribute none.
    """
    short = [_siglum(s.document.id) for s in analysis.sources]
    reference = extract(analysis.reference)
    out: list[Witness] = []
    for source in analysis.sources:
        prefix = _siglum(source.document.id)
        if short.count(prefix) > 1:
            prefix = source.document.id
        out.extend(_passage_witnesses(source, prefix, len(reference.text)))
        quotations = _quotation_witness(reference, source, prefix)
        if quotations is not None:
            out.append(quotations)
    return out


def from_text(witness_id: str, reference: Document, text: str) -> Witness:
    """A full-copy witness from a bare text, aligned whole against the whole reference.

    For constructed cases and benchmarks, where there is no capture to locate in.

    >>> from pathlib import Path
    >>> ref = Document("r", Path("r"), "", 0, "a red dog")
    >>> w = from_text("w", ref, "a blue dog")
    >>> [(e.tag, e.copy.of(w.text)) for e in w.segments[0].edits]
    [('equal', 'a '), ('replace', 'blue'), ('equal', ' dog')]
    """
    edits = align_texts(reference.text, text)
    segment = Segment(Span(0, len(text)), Span(0, len(reference.text)), tuple(edits))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Witness(witness_id, witness_id, digest, WitnessKind.FULL, (segment,), text)


def _truncated(segment: Segment, length: int) -> Segment:
    """A full copy's segment reaching both ends of the reference: what it lacks before its
    start or after its end a deletion there, as `classify` reports it (a `truncation`).
    Copies that lost the signature line are variants sharing that reading, not silent:
    as a lacuna, the loss was in no variant location and grouped no copies.

    >>> s = _truncated(Segment(Span(0, 5), Span(2, 7), (Edit("equal", Span(2, 7), Span(0, 5)),)), 9)
    >>> s.reference, [(e.tag, e.reference.start, e.reference.end, e.copy.start) for e in s.edits]
    (Span(start=0, end=9), [('delete', 0, 2, 0), ('equal', 2, 7, 0), ('delete', 7, 9, 5)])
    """
    start, end = segment.reference.start, segment.reference.end
    if start == 0 and end >= length:
        return segment
    copy = segment.copy
    head = (Edit("delete", Span(0, start), Span(copy.start, copy.start)),) if start > 0 else ()
    tail = (Edit("delete", Span(end, length), Span(copy.end, copy.end)),) if end < length else ()
    return replace(segment, reference=Span(0, max(end, length)), edits=head + segment.edits + tail)


def _text(source: SourceResult) -> str:
    """What a capture's witnesses read: its readable text (an HTML or Markdown page's
    words, without markup), which the engine compared."""
    return source.document.text if source.extracted is None else source.extracted.text


def _to_readable(readable: Extracted | None, span: Span) -> Span:
    """A span in original offsets, in the offsets of the readable text (None: the same)."""
    if readable is None or readable.identity:
        return span
    starts, ends, length = readable.to_original, readable.ends, len(readable.text)
    start = bisect_left(starts, span.start, 0, length)
    if not len(span):
        return Span(start, start)
    return Span(start, max(start, bisect_left(ends, span.end, start, length) + 1))


def _passage_witnesses(source: SourceResult, prefix: str, length: int) -> Iterable[Witness]:
    """A capture's full copies, a witness each, and its excerpts, in as few witnesses as
    do not overlap. `length`: the reference's readable length."""
    doc, text = source.document, _text(source)
    # Readable offsets on both sides where either document has markup; else the originals.
    aligned = source.readable_alignments or source.alignments
    fulls = [a for a in aligned if a.passage.kind is PassageKind.FULL]
    excerpts = [a for a in aligned if a.passage.kind is PassageKind.EXCERPT]
    for n, alignment in enumerate(fulls, 1):
        p = alignment.passage
        segment = _truncated(
            Segment(p.copy, p.reference, alignment.edits, similarity=p.score), length
        )
        wid = f"{prefix}-full" if len(fulls) == 1 else f"{prefix}-full{n}"
        yield Witness(wid, doc.id, doc.sha256, WitnessKind.FULL, (segment,), text, source.extracted)
    # Excerpts go into as few witnesses as possible without overlapping in the reference,
    # each into the first it fits. One of the same stretch as an excerpt placed before
    # fits no group up to that one's (groups only grow): a page quoting one line again
    # and again (a comment thread) asked every group of every earlier quotation.
    groups: list[list[Segment]] = []
    placed: dict[Span, int] = {}  # a reference stretch: the group its last excerpt went to
    for alignment in excerpts:
        p = alignment.passage
        segment = Segment(p.copy, p.reference, alignment.edits, similarity=p.score)
        for k in range(placed.get(p.reference, -1) + 1, len(groups)):
            if not any(_overlap(segment.reference, s.reference) for s in groups[k]):
                groups[k].append(segment)
                break
        else:
            k = len(groups)
            groups.append([segment])
        placed[p.reference] = k
    for n, group in enumerate(groups, 1):
        wid = f"{prefix}-excerpts" if len(groups) == 1 else f"{prefix}-excerpts{n}"
        segments = tuple(sorted(group, key=lambda s: s.reference.start))
        yield Witness(
            wid, doc.id, doc.sha256, WitnessKind.EXCERPTS, segments, text, source.extracted
        )


def _quotation_witness(
    reference_readable: Extracted, source: SourceResult, prefix: str
) -> Witness | None:
    doc, ref, text = source.document, reference_readable.text, _text(source)
    segments: list[Segment] = []
    # Asked by place, not of every passage and segment for each quotation: a page of
    # thousands of short quotations took 13 s for these questions alone.
    if not source.quotes:
        return None
    passages = SpanIndex([p.copy for p in source.passages])
    taken: list[Span] = []  # the reference stretches quoted so far, disjoint, by start
    for quote in source.quotes:
        if not quote.attributed or quote.verdict not in QUOTED_VERDICTS or quote.reference is None:
            continue
        copy, reference = quote.span, _to_readable(reference_readable, quote.reference)
        if not len(reference) or passages.overlapping_indices(copy.start, copy.end):
            continue  # nothing to compare, or already collated in a full copy or an excerpt
        paraphrase = quote.verdict is QuoteVerdict.PARAPHRASE
        if not paraphrase and _overlaps_taken(taken, reference):
            continue  # a second quotation of the same words adds no reading
        if not paraphrase:
            insort(taken, reference, key=_start)
        copy = _to_readable(source.extracted, copy)
        edits = align_texts(
            reference.of(ref),
            copy.of(text),
            reference_offset=reference.start,
            copy_offset=copy.start,
        )
        segments.append(
            Segment(copy, reference, tuple(edits), quote.verdict.value, quote.similarity)
        )
    if not segments:
        return None
    segments.sort(key=lambda s: (s.reference.start, s.copy.start))
    wid = f"{prefix}-quotations"
    kind = WitnessKind.QUOTATIONS
    return Witness(wid, doc.id, doc.sha256, kind, tuple(segments), text, source.extracted)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _overlaps_taken(taken: list[Span], span: Span) -> bool:
    """Whether `span` overlaps one of `taken` (disjoint spans, sorted by start)."""
    k = bisect_left(taken, span.start, key=_start)
    return any(_overlap(span, taken[j]) for j in (k - 1, k) if 0 <= j < len(taken))


def _start(span: Span) -> int:
    return span.start


def _siglum(capture_id: str) -> str:
    """`000_3bc794f6186e8434` -> `000`: the corpus number is short and, in a corpus, unique."""
    head = capture_id.split("_", 1)[0]
    return head if head else capture_id
