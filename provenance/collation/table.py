"""Collate witnesses into a variant table over the reference's positions.

Every witness is already aligned with the reference (its segments' edits). Collation
merges those alignments: the replacements and insertions of all witnesses, as spans of
the reference, are pooled; overlapping spans (and an insertion touching a span) merge
into one **variant location**. The stretches between variant locations are cut again
where a witness's coverage starts or stops, and where a witness's deletion starts or
ends (a deletion maps every reference position inside it to one capture position, so it
can be cut anywhere: one copy's lost paragraph does not merge the other copies' changes
inside it into one location). The result is a partition of the reference into
locations, and at each location every witness has exactly one reading:

- `agrees`: the witness covers the location and reads as the reference does;
- `variant`: it covers the location and reads otherwise (an omission is a variant whose
  text is empty);
- `lacuna`: the witness does not cover this part of the reference at all (an excerpt
  outside its excerpts, a quotation witness outside its quotations). A lacuna is *not*
  an omission: the witness is silent, not wrong.

A segment boundary can fall inside a variant location that another witness's edit
opened; the reading there is `partial` and holds only what the witness covers.

Invariant (tested): for every segment of every witness, its pieces along the locations,
in order, rebuild the segment's text exactly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from provenance.classify import numbered, row_of
from provenance.collation.witnesses import Segment, Witness, WitnessKind
from provenance.errors import ProvenanceError
from provenance.extract import extract
from provenance.kinds import kind_of
from provenance.model import Document, Edit, Kind, Severity, Span
from provenance.severity import COSMETIC_KINDS, severity
from provenance.spanindex import SpanIndex

PARAPHRASE = "paraphrase"
"""Segment verdict of a quotation in other words; such segments are not collated."""


class Status(StrEnum):
    AGREES = "agrees"
    VARIANT = "variant"
    LACUNA = "lacuna"


@dataclass(frozen=True, slots=True)
class Reading:
    """What one witness reads at one location."""

    witness: str
    status: Status
    text: str = ""
    """The witness's text here (empty for a lacuna and for an omission)."""
    pieces: tuple[tuple[int, Span], ...] = ()
    """(segment index, capture span) for each piece; usually one."""
    partial: bool = False
    """True when the witness covers only part of the location (a segment edge inside it)."""
    reference_text: str = ""
    """The reference text the witness covers here (all of it unless partial)."""
    kind: Kind | None = None
    """For a variant: its kind, by the engine's classifier."""

    @property
    def cosmetic(self) -> bool:
        return self.kind in COSMETIC_KINDS

    @property
    def severity(self) -> Severity | None:
        if self.kind is None:
            return None
        return severity("divergence", row_of(self.kind, self.reference_text, self.text))


@dataclass(frozen=True, slots=True)
class Location:
    """One stretch of the reference with every witness's reading of it."""

    index: int
    reference: Span
    """Offsets into the reference; empty for an insertion point."""
    reference_text: str
    readings: tuple[Reading, ...]
    """One per witness, in the table's witness order."""

    @property
    def variant(self) -> bool:
        """True if some witness reads otherwise than the reference here."""
        return any(r.status is Status.VARIANT for r in self.readings)

    @property
    def cosmetic(self) -> bool:
        """True if every variant reading here is cosmetic (see COSMETIC_KINDS)."""
        return all(r.cosmetic for r in self.readings if r.status is Status.VARIANT)

    def reading(self, witness: str) -> Reading:
        return next(r for r in self.readings if r.witness == witness)


@dataclass(frozen=True, slots=True)
class Table:
    """The variant table: the reference cut into locations, one reading per witness each."""

    reference: Document
    """The reference as collated: its readable text (itself, unless HTML or Markdown)."""
    witnesses: tuple[Witness, ...]
    locations: tuple[Location, ...]
    """Consecutive, covering the whole reference."""
    paraphrases: tuple[Witness, ...] = ()
    """Paraphrase segments (another translation), by witness: their reference span is only the
    nearest passage, so they are listed beside the table, never collated word by word."""

    def variants(self, *, cosmetic: bool = True) -> list[Location]:
        """Locations where some witness differs; `cosmetic=False` drops the cosmetic-only ones."""
        return [loc for loc in self.locations if loc.variant and (cosmetic or not loc.cosmetic)]

    def witness(self, witness_id: str) -> Witness:
        """A collated witness (its segments that follow the reference's words)."""
        return next(w for w in self.witnesses if w.id == witness_id)

    def readings_by_witness(self) -> dict[str, tuple[Reading, ...]]:
        """Each collated witness's readings, location by location (`loc.reading(id)` at
        every location), read in one pass: asked location by location for every witness,
        each `loc.reading` searching the witnesses, a page of 2,500 copies cost 16 s."""
        column: dict[str, int] = {}
        for k, w in enumerate(self.witnesses):
            column.setdefault(w.id, k)  # as `Location.reading`, the first of an id
        return {w: tuple(loc.readings[k] for loc in self.locations) for w, k in column.items()}

    def paraphrase(self, witness_id: str) -> Witness | None:
        """A witness's paraphrase segments, if it has any."""
        return next((w for w in self.paraphrases if w.id == witness_id), None)

    def rebuild(self, witness_id: str) -> list[str]:
        """Each segment's text rebuilt from the witness's readings, in segment order."""
        witness = self.witness(witness_id)
        parts: list[list[str]] = [[] for _ in witness.segments]
        for loc in self.locations:
            for index, span in loc.reading(witness_id).pieces:
                parts[index].append(span.of(witness.text))
        return ["".join(p) for p in parts]


def collate(reference: Document, witnesses: Sequence[Witness]) -> Table:
    """Merge every witness's alignment into one variant table.

    Args:
        reference: The reference; every segment's `reference` span indexes its readable
            text (see `witnesses.witnesses`), which the table holds and cuts.
        witnesses: Witnesses with unique ids (see `witnesses.witnesses`).

    Returns:
        A Table whose locations partition the reference. Paraphrase segments go to
        `Table.paraphrases`; a witness with nothing else is not a column of the table.

    Raises:
        ProvenanceError: Two witnesses share an id, or a segment lies outside the reference.

    >>> from pathlib import Path
    >>> from provenance.collation.witnesses import from_text
    >>> ref = Document("r", Path("r"), "", 0, "a red dog")
    >>> table = collate(ref, [from_text("w", ref, "a blue dog")])
    >>> [(loc.reference_text, loc.reading("w").text) for loc in table.variants()]
    [('red', 'blue')]
    """
    # Markup is no reading: an HTML or Markdown reference is collated on its words, as the
    # engine compared them (its original offsets against a copy's readable ones made an
    # unchanged stretch two lengths at once, and a reading's span ran backwards).
    reference = extract(reference).view()
    seen: set[str] = set()
    for w in witnesses:
        if w.id in seen:
            raise ProvenanceError(reference.path, f"witness id {w.id!r} appears twice")
        seen.add(w.id)
        for s in w.segments:
            if s.reference.end > len(reference.text):
                problem = f"witness {w.id}: segment outside the reference"
                raise ProvenanceError(reference.path, problem)
    columns: list[Witness] = []
    paraphrases: list[Witness] = []
    for w in witnesses:
        aligned = tuple(s for s in w.segments if s.verdict != PARAPHRASE)
        loose = tuple(s for s in w.segments if s.verdict == PARAPHRASE)
        if aligned:
            columns.append(replace(w, segments=aligned))
        if loose:
            paraphrases.append(replace(w, segments=loose))
    clusters = _clusters(s for wit in columns for s in wit.segments)
    cuts = {0, len(reference.text)}
    for wit in columns:
        for s in wit.segments:
            cuts.update((s.reference.start, s.reference.end))
            # A deletion maps every reference position inside it to one capture position,
            # so it may be cut anywhere: it cuts the reference at its edges rather than
            # merging with what other witnesses change inside it (one copy's lost
            # paragraph swallowed every other copy's changed word in that paragraph).
            for e in s.edits:
                if e.tag == "delete":
                    cuts.update((e.reference.start, e.reference.end))
    spans = _partition(clusters, cuts, len(reference.text))
    maps = [[_SegmentMap(s) for s in wit.segments] for wit in columns]
    # Each location asks only the segments reaching it: asking all of them made a page of
    # hundreds of quotations (each a segment) cost locations x segments (4 s at 0.5 MB).
    places = [SpanIndex([s.reference for s in wit.segments]) for wit in columns]
    locations = []
    for index, (start, end, is_cluster) in enumerate(spans):
        ref_text = reference.text[start:end]
        readings = tuple(
            _reading(
                wit,
                [(k, wmaps[k]) for k in place.overlapping_indices(start - 1, end + 1)],
                start,
                end,
                is_cluster,
                ref_text,
                reference.text,
            )
            for wit, wmaps, place in zip(columns, maps, places, strict=True)
        )
        locations.append(Location(index, Span(start, end), ref_text, readings))
    for column in range(len(columns)):
        _moves(locations, column)
    return Table(reference, tuple(columns), tuple(locations), tuple(paraphrases))


MOVE_MIN_WORDS = 5
"""Fewest words of an omitted stretch that, inserted elsewhere, read as a move."""


def _moves(locations: list[Location], column: int) -> None:
    """A witness's omission of a stretch, at consecutive locations, and its insertion of
    the same words elsewhere are one move: both readings become reorderings (the table
    said the copy lacks words it holds, where `report` says it moved them)."""
    inserted: dict[str, int] = {}
    for k, loc in enumerate(locations):
        r = loc.readings[column]
        if r.status is Status.VARIANT and r.kind is Kind.INSERTION:
            inserted.setdefault(_moved_words(r.text), k)
    if not inserted:
        return
    k = 0
    while k < len(locations):
        run = k
        while run < len(locations) and _omitted(locations[run].readings[column]):
            run += 1
        if run == k:
            k += 1
            continue
        # The whole omitted stretch, else the longest part of it the witness inserts
        # elsewhere: a sentence moved, the one before it dropped ("that part of it
        # moved, the rest stays", as `report` reads it)
        stretches = [(a, b) for a in range(k, run) for b in range(a + 1, run + 1)]
        for first, last in sorted(stretches, key=lambda s: s[0] - s[1]):
            words = _moved_words("".join(loc.reference_text for loc in locations[first:last]))
            at = inserted.get(words)
            if at is not None and len(words.split()) >= MOVE_MIN_WORDS:
                # (not the white space at its edges: no words of the move)
                while not locations[first].reference_text.strip():
                    first += 1
                while not locations[last - 1].reference_text.strip():
                    last -= 1
                for j in (*range(first, last), at):
                    loc = locations[j]
                    moved = replace(loc.readings[column], kind=Kind.REORDERING)
                    readings = (*loc.readings[:column], moved, *loc.readings[column + 1 :])
                    locations[j] = replace(loc, readings=readings)
                break
        k = run


def _omitted(r: Reading) -> bool:
    """A reading that lacks its reference text whole (whatever the classifier calls a
    lost ".¶¶" between two pieces of one lost paragraph: punctuation)."""
    return r.status is Status.VARIANT and not r.text and not r.partial


def _moved_words(text: str) -> str:
    """A stretch's words, for telling moved text from its place: spaces and case aside."""
    return " ".join(text.split()).casefold()


def _clusters(segments: Iterable[Segment]) -> list[tuple[int, int]]:
    """Merge the reference spans of all replacements and insertions: overlapping, or touched
    by an insertion. Deletions are cuts instead (see `collate`)."""
    spans = sorted(
        (e.reference.start, e.reference.end)
        for s in segments
        for e in s.edits
        if e.tag not in ("equal", "delete")
    )
    merged: list[list[int]] = []  # [start, end, point-at-end]
    for start, end in spans:
        if merged:
            cur = merged[-1]
            point = start == end or cur[0] == cur[1] or cur[2]
            if start < cur[1] or (start == cur[1] and point):
                if end > cur[1]:
                    cur[1], cur[2] = end, 0
                elif end == cur[1] and start == end:
                    cur[2] = 1
                continue
        merged.append([start, end, int(start == end)])
    return [(s, e) for s, e, _ in merged]


def _partition(
    clusters: list[tuple[int, int]], cuts: set[int], length: int
) -> list[tuple[int, int, bool]]:
    """The reference cut into (start, end, is_cluster): clusters, and stretches between them."""
    out: list[tuple[int, int, bool]] = []

    def stretch(a: int, b: int) -> None:
        inner = sorted(c for c in cuts if a < c < b)
        for x, y in zip([a, *inner], [*inner, b], strict=True):
            if x < y:
                out.append((x, y, False))

    position = 0
    for start, end in clusters:
        stretch(position, start)
        out.append((start, end, True))
        position = end
    stretch(position, length)
    return out


class _SegmentMap:
    """Reference position -> capture position, through one segment's edits."""

    def __init__(self, segment: Segment) -> None:
        self.segment = segment
        self.edits: tuple[Edit, ...] = segment.edits
        self.ref_starts = [e.reference.start for e in self.edits]
        self.ref_ends = [e.reference.end for e in self.edits]
        self.points = {e.reference.start for e in self.edits if e.tag == "insert"}
        """Reference positions where this segment inserts text."""

    def left(self, p: int) -> int:
        """Capture position of reference position `p`, before any insertion at `p`."""
        i = bisect_left(self.ref_ends, p)
        if i == len(self.edits):
            return self.segment.copy.end
        e = self.edits[i]
        if e.tag == "equal":
            return e.copy.start + max(p, e.reference.start) - e.reference.start
        if p <= e.reference.start or e.tag == "delete":
            return e.copy.start  # a deletion holds no capture text: any cut in it is here
        if p == e.reference.end:
            return e.copy.end
        msg = f"position {p} inside a {e.tag} edit"
        raise AssertionError(msg)

    def right(self, p: int) -> int:
        """Capture position of reference position `p`, after any insertion at `p`."""
        i = bisect_right(self.ref_starts, p) - 1
        if i < 0:
            return self.segment.copy.start
        e = self.edits[i]
        if e.tag == "equal":
            return e.copy.start + min(p, e.reference.end) - e.reference.start
        if (p == e.reference.start and e.reference.start != e.reference.end) or (
            e.tag == "delete" and p < e.reference.end
        ):
            return e.copy.start
        if p >= e.reference.end:
            return e.copy.end
        msg = f"position {p} inside a {e.tag} edit"
        raise AssertionError(msg)


def _reading(
    witness: Witness,
    maps: list[tuple[int, _SegmentMap]],
    start: int,
    end: int,
    is_cluster: bool,
    ref_text: str,
    reference: str,
) -> Reading:
    pieces: list[tuple[int, Span]] = []
    covered_ref: list[str] = []
    for index, m in maps:  # (the segment's index in the witness, its map), in that order
        rs, re_ = m.segment.reference.start, m.segment.reference.end
        if start == end:  # an insertion point
            # (a segment reaching the reference's first or last character covers the
            # point before or after it: another copy's words there are variants of its)
            edge = start == rs == 0 or start == re_ == len(reference)
            inside = rs < start < re_ or (rs <= start <= re_ and (start in m.points or edge))
            if not inside:
                continue
            a, b = start, end
        else:
            a, b = max(start, rs), min(end, re_)
            # Touching only at a point still counts when the segment inserts text there.
            if a > b or (a == b and not (is_cluster and a in m.points)):
                continue
        # A variant location owns the insertions at its edges; a stretch between them has none.
        cs = m.left(a) if is_cluster else m.right(a)
        ce = m.right(b) if is_cluster else m.left(b)
        pieces.append((index, Span(cs, ce)))
        covered_ref.append(reference[a:b])
    if not pieces:
        return Reading(witness.id, Status.LACUNA)
    text = "".join(span.of(witness.text) for _, span in pieces)
    ref_part = "".join(covered_ref)
    partial = ref_part != ref_text
    if text == ref_part:
        return Reading(witness.id, Status.AGREES, text, tuple(pieces), partial, ref_part)
    found = kind_of(ref_part, text)
    if not text and witness.kind is WitnessKind.FULL and (start == 0 or end == len(reference)):
        found = (Kind.TRUNCATION, found[1])  # a full copy's lost opening or close, as reported
    if len(pieces) == 1:
        # a paragraph's number the copy adds or drops is its numbering, as in the report
        found = numbered(found, reference, Span(start, end), witness.text, pieces[0][1])
    return Reading(witness.id, Status.VARIANT, text, tuple(pieces), partial, ref_part, found[0])
