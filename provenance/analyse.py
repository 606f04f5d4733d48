"""Run the stages over a reference and its captures: locate -> align -> classify."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from provenance.align import align
from provenance.classify import classify as classify_alignment
from provenance.classify import divergence
from provenance.corpus import Corpus
from provenance.locate import LocateOptions, locate, prepare
from provenance.model import Alignment, Divergence, Document, Finding, Kind, Passage, Severity
from provenance.quotes import Quotation, QuoteVerdict, check_quotes


@dataclass(frozen=True, slots=True)
class SourceResult:
    """Everything found in one capture."""

    document: Document
    passages: tuple[Passage, ...]
    alignments: tuple[Alignment, ...]
    divergences: tuple[Divergence, ...]
    quotes: tuple[Quotation, ...] = ()
    """Every quotation in the capture with its verdict (see provenance.quotes)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    reference: Document
    sources: tuple[SourceResult, ...]

    def source(self, source_id: str) -> SourceResult:
        return next(s for s in self.sources if s.document.id == source_id)


def analyse(
    reference: Document, captures: Iterable[Document], *, options: LocateOptions = LocateOptions()
) -> Analysis:
    """Locate, align and classify every capture against `reference`."""
    prepared = prepare(reference, seed_words=options.seed_words)
    sources = []
    for capture in captures:
        passages = tuple(locate(prepared, capture, options=options))
        alignments = tuple(align(reference, capture, p) for p in passages)
        found = [d for a in alignments for d in classify_alignment(reference, capture, a)]
        found = _reorderings(reference, capture, passages, found)
        found.sort(key=lambda d: (d.copy.start, d.copy.end, d.reference.start))
        quotes = tuple(check_quotes(prepared, capture, passages))
        sources.append(SourceResult(capture, passages, alignments, tuple(found), quotes))
    return Analysis(reference=reference, sources=tuple(sources))


def analyse_corpus(corpus: Corpus, *, options: LocateOptions = LocateOptions()) -> Analysis:
    """`analyse` over every capture in the corpus manifest."""
    return analyse(corpus.reference, corpus.captures, options=options)


def findings(analysis: Analysis) -> list[Finding]:
    """Every finding a reviewer must decide on: per source, divergences then quotations."""
    out = []
    for source in analysis.sources:
        for d in source.divergences:
            out.append(
                Finding(
                    id=d.id,
                    source=source.document.id,
                    source_sha256=source.document.sha256,
                    category="divergence",
                    kind=d.kind.value,
                    severity=d.severity,
                    span=d.copy,
                    text=d.copy_text,
                    summary=f"{d.kind.value}: {d.reference_text!r} -> {d.copy_text!r}",
                    reference=d.reference,
                    reference_text=d.reference_text,
                )
            )
        out.extend(
            _quotation_finding(source.document, q) for q in source.quotes if _is_finding(q)
        )
    return out


QUOTE_SEVERITY = {
    QuoteVerdict.VERBATIM: Severity.COSMETIC,
    QuoteVerdict.ALTERED: Severity.MATERIAL,
    QuoteVerdict.PARAPHRASE: Severity.MINOR,
    QuoteVerdict.NOT_IN_REFERENCE: Severity.MATERIAL,
    QuoteVerdict.UNTERMINATED: Severity.MINOR,
}
"""Severity of a quotation finding: a changed or invented quotation matters most."""


def _is_finding(q: Quotation) -> bool:
    """Attributed quotations and unterminated marks are findings; `other` never is."""
    if q.verdict is QuoteVerdict.UNTERMINATED:
        return True
    return q.verdict is not QuoteVerdict.OTHER and q.attributed


def _quotation_finding(document: Document, q: Quotation) -> Finding:
    where = f" ~ reference {q.reference.start}..{q.reference.end}" if q.reference else ""
    return Finding(
        id=q.id,
        source=document.id,
        source_sha256=document.sha256,
        category="quotation",
        kind=q.verdict.value,
        severity=QUOTE_SEVERITY[q.verdict],
        span=q.span,
        text=q.text,
        summary=f"quotation {q.verdict.value} ({q.similarity:.0f}){where}: {q.text[:60]!r}",
        reference=q.reference,
        reference_text=q.reference_text,
        extra={"similarity": q.similarity, "attributed": q.attributed, "note": q.note},
    )


def _reorderings(
    reference: Document, capture: Document, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """Turn an omission that another passage of the same capture supplies into a move."""
    out = []
    for d in found:
        mover = None
        if d.kind is Kind.OMISSION:
            for p in passages:
                inside = min(p.reference.end, d.reference.end) - max(p.reference.start, d.reference.start)
                if inside >= 0.8 * max(1, len(p.reference)) and not (
                    p.copy.start <= d.copy.start <= p.copy.end
                ):
                    mover = p
                    break
        if mover is None:
            out.append(d)
            continue
        moved = divergence(
            reference, capture, Kind.REORDERING, d.reference, mover.copy,
            note=f"moved: the copy has this text at {mover.copy.start}..{mover.copy.end}",
        )
        out.append(replace(moved, copy_text=mover.copy.of(capture.text)))
    return out
