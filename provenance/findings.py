"""Findings: what a reviewer decides on, built from an analysis's divergences,
quotations and emphasis, each with its severity from the one policy (`severity.py`).

The pipeline (`analyse`) finds; this module turns what it found into `Finding`s, the
unit of review that `decide`, the review app and `check` share.
"""

from __future__ import annotations

from provenance.analyse import Analysis, SourceResult
from provenance.emphasis import Status
from provenance.model import Document, Finding, Kind
from provenance.quotes.verdicts import Quotation, QuoteVerdict
from provenance.severity import severity


def findings(analysis: Analysis) -> list[Finding]:
    """Every finding a reviewer must decide on: per source, divergences then quotations."""
    out = []
    for source in analysis.sources:
        for d in source.divergences:
            if d.kind is Kind.EMPHASIS:
                continue  # decided as the emphasis finding of the same span, below
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
        out.extend(_quotation_finding(source.document, q) for q in source.quotes if _is_finding(q))
        out.extend(emphasis_findings(source))
    return out


def emphasis_findings(source: SourceResult) -> list[Finding]:
    """Added, removed and probable emphasis and lost markup of one source, as findings."""
    doc = source.document
    out = []
    for span in source.emphasis:
        row = span.status.value
        if span.status is Status.ADDED and not span.reference_text.strip():
            row = "added-to-inserted-text"
        elif span.status is Status.ADDED and span.declared:
            row = "added-declared"
        elif span.status is Status.ADDED and span.in_word:
            row = "added-in-word"
        out.append(
            Finding(
                id=span.id,
                source=doc.id,
                source_sha256=doc.sha256,
                category="emphasis",
                kind=span.status.value,
                severity=severity("emphasis", row),
                span=span.span,
                text=span.text,
                summary=f"{span.style} {span.status.value}: {span.text!r}",
                reference=span.reference,
                reference_text=span.reference_text,
                extra={
                    "style": span.style,
                    "evidence": span.evidence,
                    "declared": span.declared,
                    "said_original": span.said_original,
                },
            )
        )
    for lost in source.lost_markup:
        out.append(
            Finding(
                id=lost.id,
                source=doc.id,
                source_sha256=doc.sha256,
                category="emphasis",
                kind="lost-markup",
                severity=severity("emphasis", "lost-markup"),
                span=lost.note.span,
                text=lost.note.text,
                summary=f"{lost.note.text}: {lost.message}",
                extra={"probable": [s.id for s in lost.probable]},
            )
        )
    return out


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
        severity=severity("quotation", q.verdict),
        span=q.span,
        text=q.text,
        summary=f"quotation {q.verdict.value} ({q.similarity:.0f}){where}: {q.text[:60]!r}",
        reference=q.reference,
        reference_text=q.reference_text,
        extra={"similarity": q.similarity, "attributed": q.attributed, "note": q.note},
    )


__all__ = ["emphasis_findings", "findings"]
