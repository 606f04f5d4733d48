"""Coverage strips: what a capture holds of the reference, cell by cell, and its findings.

A strip cuts the reference into `width` equal cells. Each cell says what the capture
holds of that stretch (a full copy, an excerpt, a quotation, or nothing: a lacuna) with
a character of its own, and a cell where a finding sits shows the finding's severity
letter instead (`M` material, `m` minor, `c` cosmetic, as the corpus screen's columns).
The characters differ, so the strip reads without colour; the corpus screen and the
HTML report draw the same strip, in colour as well.

>>> from provenance.model import Span
>>> cells = cut(10, 5)
>>> [(c.start, c.end) for c in cells]
[(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]
>>> [str(h) for h in paint(cells, [(Span(0, 6), Holding.FULL), (Span(8, 9), Holding.QUOTATION)])]
['full', 'full', 'full', 'lacuna', 'quotation']
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from provenance.analyse import SourceResult
from provenance.model import Finding, Kind, PassageKind, Severity, Span
from provenance.quotes.verdicts import QuoteVerdict


class Holding(StrEnum):
    """What a capture holds of a stretch of the reference, strongest first."""

    FULL = "full"
    EXCERPT = "excerpt"
    QUOTATION = "quotation"
    LACUNA = "lacuna"


HOLDING_MARKS = {
    Holding.FULL: "=",
    Holding.EXCERPT: "-",
    Holding.QUOTATION: '"',
    Holding.LACUNA: "·",
}
"""One character per holding: the strip reads without colour."""

SEVERITY_MARKS = {Severity.MATERIAL: "M", Severity.MINOR: "m", Severity.COSMETIC: "c"}
"""A cell holding a finding shows the letter of its most severe finding."""

LEGEND = '= full  - excerpt  " quotation  · lacuna  M m c findings'
"""The key to the marks, short enough for an 80-column terminal."""

_QUOTED = frozenset({QuoteVerdict.VERBATIM, QuoteVerdict.ALTERED, QuoteVerdict.PARAPHRASE})
"""Quotation verdicts that hold a stretch of the reference (in its words or another's)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a strip: the stretch of the reference it stands for and what sits there."""

    start: int
    end: int
    holding: Holding = Holding.LACUNA
    severity: Severity | None = None
    """The most severe finding whose place in the reference is in this cell."""
    findings: tuple[str, ...] = ()
    """Ids of the findings placed in this cell."""
    undecided: int = 0
    """How many of them have no decision."""

    @property
    def mark(self) -> str:
        if self.severity is not None:
            return SEVERITY_MARKS[self.severity]
        return HOLDING_MARKS[self.holding]


@dataclass(frozen=True, slots=True)
class Strip:
    """A capture's strip over the reference, and the findings that have no place on it."""

    cells: tuple[Cell, ...]
    off_strip: int = 0
    """Findings with no stretch of the reference (a quotation the statement does not hold,
    lost markup): counted here, never dropped silently."""

    @property
    def text(self) -> str:
        """The strip as plain characters, one per cell."""
        return "".join(c.mark for c in self.cells)


def holdings(result: SourceResult) -> list[tuple[Span, Holding]]:
    """The stretches of the reference a capture holds: its passages' runs and the quotations
    attributed to the reference (verbatim, altered or paraphrased) that were placed in it."""
    out = [
        (run.reference, Holding.FULL if p.kind is PassageKind.FULL else Holding.EXCERPT)
        for p in result.passages
        for run in p.runs
    ]
    out += [
        (q.reference, Holding.QUOTATION)
        for q in result.quotes
        if q.attributed and q.verdict in _QUOTED and q.reference is not None
    ]
    return out


def cut(length: int, width: int) -> list[Cell]:
    """`width` cells of (nearly) equal size over `length` characters; fewer if it is short."""
    width = max(0, min(width, length))
    return [Cell(i * length // width, (i + 1) * length // width) for i in range(width)]


def paint(cells: list[Cell], held: Iterable[tuple[Span, Holding]]) -> list[Holding]:
    """The holding of each cell: the one covering most of it, if held things cover at least
    half of it; a lacuna otherwise. A held stretch too short to cover half a cell still
    shows in the cell that holds its middle, so nothing the capture holds is invisible."""
    spans = list(held)
    chosen: list[Holding] = []
    for cell in cells:
        size = cell.end - cell.start
        by_kind = {
            kind: _covered([s for s, k in spans if k is kind], cell.start, cell.end)
            for kind in Holding
            if kind is not Holding.LACUNA
        }
        best = max(by_kind, key=lambda k: (by_kind[k], -list(Holding).index(k)))
        if 2 * sum(by_kind.values()) >= size and by_kind[best]:
            chosen.append(best)
        else:
            chosen.append(Holding.LACUNA)
    for span, kind in spans:
        middle = (span.start + span.end) // 2
        for index, cell in enumerate(cells):
            if cell.start <= middle < cell.end and chosen[index] is Holding.LACUNA:
                chosen[index] = kind
    return chosen


def strip(
    result: SourceResult,
    found: Iterable[Finding],
    reference_length: int,
    width: int,
    *,
    decided: Collection[str] = (),
) -> Strip:
    """The strip of one capture `width` cells wide.

    A finding sits in the cell of its reference start (the place of an insertion); one
    without a reference stretch is counted in `off_strip`. `decided` are the ids of the
    findings with a decision, so a cell can say how many of its findings are undecided.
    """
    cells = cut(reference_length, width)
    painted = paint(cells, holdings(result))
    placed: list[list[Finding]] = [[] for _ in cells]
    off = 0
    for finding in found:
        ref = finding.reference
        if ref is None or not cells:
            off += 1
            continue
        position = min(ref.start, reference_length - 1)
        placed[_cell_of(cells, position)].append(finding)
    out = []
    for cell, kind, here in zip(cells, painted, placed, strict=True):
        out.append(
            Cell(
                cell.start,
                cell.end,
                kind,
                max((f.severity for f in here), default=None),
                tuple(f.id for f in here),
                sum(1 for f in here if f.id not in decided),
            )
        )
    return Strip(tuple(out), off)


def _cell_of(cells: list[Cell], position: int) -> int:
    length = cells[-1].end
    index = min(len(cells) - 1, position * len(cells) // length)
    # Integer division can land one cell off at a boundary: settle on the cell that holds it.
    while index > 0 and position < cells[index].start:
        index -= 1
    while index < len(cells) - 1 and position >= cells[index].end:
        index += 1
    return index


def _covered(spans: list[Span], start: int, end: int) -> int:
    """Characters of [start, end) covered by `spans`, overlaps counted once."""
    total, reach = 0, start
    for span in sorted(spans, key=lambda s: s.start):
        a, b = max(span.start, reach), min(span.end, end)
        if b > a:
            total += b - a
            reach = b
    return total


__all__ = ["LEGEND", "Cell", "Holding", "Strip", "cut", "holdings", "paint", "strip"]


_LEFT_OUT = frozenset({Kind.OMISSION, Kind.EDITORIAL, Kind.TRUNCATION})
"""Divergences whose reference reading the copy does not hold: omitted, cut (an ellipsis
or "(...)" standing for it), or past where the copy stops."""


def held_share(result: SourceResult, reference_length: int) -> float:
    """Share of the reference's characters a capture holds: its passages' stretches, less
    what the copy omits or cuts there (a full copy abridged with "[…]" holds less). The
    report's "covered" and the corpus screen's "cover" column.

    >>> from pathlib import Path
    >>> from provenance.model import Document, Passage
    >>> doc = Document("c", Path("c.txt"), "", 0, "")
    >>> excerpt = Passage(PassageKind.EXCERPT, Span(0, 5), Span(0, 5), 100.0)
    >>> held_share(SourceResult(doc, (excerpt,), (), ()), 10)
    0.5
    """
    held: set[int] = set()
    for p in result.passages:
        held.update(range(p.reference.start, p.reference.end))
    for d in result.divergences:
        if d.kind in _LEFT_OUT:
            held.difference_update(range(d.reference.start, d.reference.end))
    return len(held) / reference_length if reference_length else 0.0


OF_STATEMENT = frozenset(
    {
        QuoteVerdict.VERBATIM,
        QuoteVerdict.ALTERED,
        QuoteVerdict.PARAPHRASE,
        QuoteVerdict.NOT_IN_REFERENCE,
    }
)
"""Verdicts of quotations attributed to the statement, whether or not they are in it (as
`check` counts them)."""


def holds_of(result: SourceResult) -> tuple[str, ...]:
    """What a capture holds of the reference, in the manifest's words (`full`,
    `excerpts`, `quotations`), as `check` verifies them."""
    kinds = {p.kind for p in result.passages}
    quoted = any(q.attributed and q.verdict in OF_STATEMENT for q in result.quotes)
    return tuple(
        word
        for word, held in (
            ("full", PassageKind.FULL in kinds),
            ("excerpts", PassageKind.EXCERPT in kinds),
            ("quotations", quoted),
        )
        if held
    )
