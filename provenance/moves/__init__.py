"""A copy made of segments: align it piece by piece, then report its structure.

`locate` may return one passage whose parts come in another order, repeat, or have
foreign material between them (its `segments`). This stage aligns such a copy so the
foreign material is one edit, then turns what `classify` saw as separate omissions and
insertions into what happened, each reported once at the place it happened:

- `reordering`: an omission whose words the copy has elsewhere (an insertion of the
  same words, or another passage); readings are the text at each place.
- `duplication`: an insertion of words the copy already has; the reference reading is
  the text it repeats.
- `interruption`: an insertion of foreign material (page furniture, a link box, an
  advertisement, a caption); `cosmetic` when it is recognisable page furniture,
  `minor` otherwise. An inserted sentence that reads as part of the text stays an
  `insertion`.

The rules and thresholds are in docs/locate.md. This module aligns and runs the steps;
`moved` holds the rules for text that moved or repeats, `furniture` those for foreign
material.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from provenance.align import align, align_texts
from provenance.classify import divergence, divergence_id
from provenance.model import (
    Alignment,
    Divergence,
    Document,
    Edit,
    Kind,
    Passage,
    Segment,
    Span,
    Tag,
)
from provenance.moves.furniture import _WORD, _interruptions
from provenance.moves.moved import (
    _continued_in_passages,
    _duplications,
    _foreign_substitutions,
    _holds_own_line,
    _moved,
    _moved_beside,
    _moved_in,
    _moved_out_of_omissions,
    _moved_to_passages,
    _paired_moves,
    _reordered_in_sentences,
)


def align_copy(reference: Document, capture: Document, passage: Passage) -> Alignment:
    """Align one passage; a copy made of segments is aligned so each move is clean.

    Segments copied out of the reference's order (those off the heaviest run of
    segments in order) are masked, each by one character that matches nothing, so
    the diff sees a moved paragraph as one insertion where the copy has it and one
    omission where the reference has it, never as words matched across the two.
    Where the reference carries on across a gap between two segments, the gap is cut
    out as one edit, so foreign material is never aligned against the reference.

    Returns:
        An Alignment whose edits cover both stretches exactly, in original offsets.
    """
    runs = passage.segments
    placed = _in_place(runs)
    if len(placed) < len(runs):
        return _masked_alignment(reference, capture, passage, placed)
    cuts = _cuts(reference, passage)
    if not cuts:
        return align(reference, capture, passage)
    edits: list[Edit] = []
    ref_at, copy_at = passage.reference.start, passage.copy.start
    for before, after in cuts:
        edits.extend(
            _aligned(reference, capture, ref_at, before.reference.end, copy_at, before.copy.end)
        )
        gap = Span(before.reference.end, after.reference.start)
        between = Span(before.copy.end, after.copy.start)
        tag: Tag = "replace" if gap.end > gap.start else "insert"
        if gap.of(reference.text) == between.of(capture.text):
            tag = "equal"  # (a space both have between two runs: no edit to review)
        if len(gap) or len(between):
            edits.append(Edit(tag, gap, between))
        ref_at, copy_at = after.reference.start, after.copy.start
    edits.extend(
        _aligned(reference, capture, ref_at, passage.reference.end, copy_at, passage.copy.end)
    )
    return Alignment(passage=passage, edits=tuple(edits))


def _in_place(runs: tuple[Segment, ...]) -> set[int]:
    """Indices of the heaviest sequence of segments whose reference order is the copy's.

    Heaviest by copied characters; each starts where or after the one before ends.
    The others were moved or repeated.
    """
    best: list[tuple[int, int]] = []  # (weight, previous index) per segment
    for k, run in enumerate(runs):
        weight, previous = len(run.copy), -1
        for m in range(k):
            other = runs[m]
            fits = other.reference.end <= run.reference.start
            if fits and best[m][0] + len(run.copy) > weight:
                weight, previous = best[m][0] + len(run.copy), m
        best.append((weight, previous))
    placed: set[int] = set()
    k = max(range(len(runs)), key=lambda m: best[m][0], default=-1)
    while k >= 0:
        placed.add(k)
        k = best[k][1]
    return placed


_REFERENCE_MASK, _COPY_MASK = 0xE000, 0xF000
"""Private-use characters standing for masked text (reference side, copy side)."""


def _masked_alignment(
    reference: Document, capture: Document, passage: Passage, placed: set[int]
) -> Alignment:
    runs = passage.segments
    moved = [run for k, run in enumerate(runs) if k not in placed]
    present = [runs[k].reference for k in placed]
    ref_masks: list[Span] = []
    for run in sorted(moved, key=lambda r: r.reference.start):
        overlaps = any(_overlap(run.reference, s) for s in [*present, *ref_masks])
        if not overlaps:
            ref_masks.append(run.reference)  # text the copy has elsewhere, not here
    ref_text, ref_map = _mask(reference.text, passage.reference, ref_masks, _REFERENCE_MASK)
    limits = [*(run.copy.start for run in runs[1:]), passage.copy.end]
    copy_masks = [
        _with_marks_after(capture.text, run.copy, limits[k])
        for k, run in enumerate(runs)
        if k not in placed
    ]
    copy_text, copy_map = _mask(capture.text, passage.copy, copy_masks, _COPY_MASK)
    if ref_text is None or copy_text is None:
        return align(reference, capture, passage)  # the texts use the mask characters
    edits = []
    for edit in align_texts(ref_text, copy_text):
        for piece in _split_at_masks(edit, ref_text, copy_text):
            edits.append(
                Edit(piece.tag, _unmask(piece.reference, ref_map), _unmask(piece.copy, copy_map))
            )
    return Alignment(passage=passage, edits=tuple(edits))


def _with_marks_after(text: str, span: Span, limit: int) -> Span:
    """`span` with the punctuation right after its last word ("plan." of a repeated
    paragraph), up to `limit`: it moved, or repeats, with the words."""
    end = span.end
    while end < limit and not text[end].isspace() and not text[end].isalnum():
        end += 1
    return Span(span.start, end)


def _split_at_masks(edit: Edit, ref_text: str, copy_text: str) -> list[Edit]:
    """An edit holding masked text, as one deletion per masked reference text and one
    insertion per masked copy text (with the spaces after each), so each move stays
    one edit however the diff grouped them."""
    if edit.tag == "equal" or not (
        _has_mask(edit.reference.of(ref_text)) or _has_mask(edit.copy.of(copy_text))
    ):
        return [edit]
    at_copy, at_ref = edit.copy.start, edit.reference.end
    deletions = [
        Edit("delete", piece, Span(at_copy, at_copy)) for piece in _pieces(edit.reference, ref_text)
    ]
    insertions = [
        Edit("insert", Span(at_ref, at_ref), piece) for piece in _pieces(edit.copy, copy_text)
    ]
    return deletions + insertions


def _pieces(span: Span, text: str) -> list[Span]:
    """`span` cut around every mask character: each mask with the spaces after it is a
    piece (with the spaces before it, when only spaces precede it), and the text
    between masks is a piece of its own."""
    cuts = []
    for k in range(span.start, span.end):
        if _has_mask(text[k]):
            cuts.append(k)
            after = k + 1
            while after < span.end and text[after].isspace():
                after += 1
            cuts.append(after)
    bounds = sorted({span.start, *cuts, span.end})
    pieces = [Span(a, b) for a, b in itertools.pairwise(bounds) if b > a]
    if len(pieces) > 1 and not pieces[0].of(text).strip():
        pieces[:2] = [Span(pieces[0].start, pieces[1].end)]
    return pieces


def _has_mask(text: str) -> bool:
    return any(0xE000 <= ord(c) <= 0xF8FF for c in text)


def _overlap(a: Span, b: Span) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)


def _mask(
    text: str, within: Span, masks: list[Span], base: int
) -> tuple[str | None, tuple[list[int], list[int]]]:
    """`within` of `text` with each mask span replaced by one private-use character.

    Returns the masked text (None if `text` already holds such characters) and, for
    each masked index, the original start and end of what it stands for.
    """
    starts: list[int] = []
    ends: list[int] = []
    pieces: list[str] = []
    at = within.start
    for n, span in enumerate(sorted(masks, key=lambda s: s.start)):
        pieces.append(text[at : span.start])
        starts.extend(range(at, span.start))
        ends.extend(range(at + 1, span.start + 1))
        pieces.append(chr(base + n))
        starts.append(span.start)
        ends.append(span.end)
        at = span.end
    pieces.append(text[at : within.end])
    starts.extend(range(at, within.end))
    ends.extend(range(at + 1, within.end + 1))
    starts.append(within.end)
    if _has_mask(within.of(text)):
        return None, (starts, ends)
    return "".join(pieces), (starts, ends)


def _unmask(span: Span, where: tuple[list[int], list[int]]) -> Span:
    starts, ends = where
    if span.start == span.end:
        return Span(starts[span.start], starts[span.start])
    return Span(starts[span.start], ends[span.end - 1])


def _aligned(
    reference: Document, capture: Document, rs: int, re_: int, cs: int, ce: int
) -> list[Edit]:
    return align_texts(
        reference.text[rs:re_], capture.text[cs:ce], reference_offset=rs, copy_offset=cs
    )


def _cuts(reference: Document, passage: Passage) -> list[tuple[Segment, Segment]]:
    """Pairs of neighbouring segments between which the copy is interrupted.

    A cut is clean: every segment before it copies reference text before the gap, every
    segment after it text after, the reference has no word in the gap, and the capture
    has at least one.
    """
    runs = passage.segments
    cuts = []
    for k in range(1, len(runs)):
        before, after = runs[k - 1], runs[k]
        ref_gap = reference.text[before.reference.end : after.reference.start]
        clean = (
            after.reference.start >= before.reference.end
            and max(r.reference.end for r in runs[:k]) == before.reference.end
            and min(r.reference.start for r in runs[k:]) == after.reference.start
            and not _WORD.search(ref_gap)
            and after.copy.start > before.copy.end
        )
        if clean:
            cuts.append((before, after))
    return cuts


def structure(
    reference: Document,
    capture: Document,
    passages: tuple[Passage, ...],
    found: list[Divergence],
    *,
    captions: tuple[Span, ...] = (),
) -> list[Divergence]:
    """Moves, repeats and interruptions of the copies, each reported once at its place.

    `captions` are the stretches of `capture` its markup sets out as a picture's caption
    (`Extracted.captions`): text inserted there is an interruption."""
    found = _foreign_substitutions(reference, capture, found)
    found = _paired_moves(reference, capture, found)
    found = _reordered_in_sentences(reference, capture, found)
    found = _moved_to_passages(reference, capture, passages, found)
    found = _continued_in_passages(reference, passages, found)
    found = _moved_beside(reference, capture, passages, found)
    found = _duplications(reference, capture, passages, found)
    found = _moved_in(reference, capture, passages, found)
    found = _moved_out_of_omissions(reference, capture, found)  # what is not a repeat
    found = _joined_insertions(reference, capture, found)
    found = _interruptions(reference, capture, found, captions)
    found = _moved_across_boxes(reference, capture, found)
    return _numbers_with_their_paragraphs(capture, found)


def _joined_insertions(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """Insertions one after another at one place of the reference, as one: the page's own
    line quoting the statement ("Note: the call to “demonstrate readiness ...” is the line
    Washington dislikes most.") was three material insertions, cut where its quotation
    repeats the copy, where the line alone is one interruption (audit l33)."""
    out: list[Divergence] = []
    for d in found:
        last = out[-1] if out else None
        if (
            last is not None
            and d.kind is last.kind is Kind.INSERTION
            and not d.reference
            and d.reference == last.reference
            and d.copy.start == last.copy.end
            and d.note == last.note
            and not last.copy_text.endswith("\n")
            and not d.copy_text.lstrip(" \t").startswith("\n")
        ):  # (pieces of one line: a change, then furniture on lines of its own, stay two)
            span = Span(last.copy.start, d.copy.end)
            out[-1] = divergence(reference, capture, Kind.INSERTION, d.reference, span, note=d.note)
            continue
        out.append(d)
    return out


def _numbers_with_their_paragraphs(capture: Document, found: list[Divergence]) -> list[Divergence]:
    """A lost paragraph number ("1. " the copy leaves out) placed where its paragraph
    stands in the copy, when the copy moved that paragraph: the alignment put the number's
    place where the reference has it, before another paragraph ("1." reported at point 2,
    where the moved point 1 followed it in the reference; audit l33)."""
    moves = [d for d in found if d.kind is Kind.REORDERING and d.copy]
    if not moves:
        return found
    moved = {d.reference.start: d for d in moves}
    put_in = {d.copy.start: d for d in moves}
    out = []
    for d in found:
        own, before = moved.get(d.reference.end), put_in.get(d.copy.start)
        if d.kind is Kind.EDITORIAL and not d.copy and (own is not None or before is not None):
            if own is not None:
                at = own.copy.start  # its own paragraph, where the copy moved it
            else:
                # another's: the moved paragraph was put in where the number's stood ("3."
                # at the moved point 1's start, point 3 after it)
                assert before is not None
                at = before.copy.end
            while at < len(capture.text) and capture.text[at].isspace():
                at += 1
            place = Span(at, at)
            id = divergence_id(
                capture.sha256, d.kind, d.reference, place, d.reference_text, d.copy_text
            )
            d = replace(d, id=id, copy=place)
        out.append(d)
    return out


def _moved_across_boxes(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """A paragraph the copy moved, cut by page furniture (a photo's caption and credit, a
    newsletter box), was paired as two moves, one each side of the box: its halves run on
    from each other in the reference, and nothing but the box and blanks stands between
    them in the copy. One move, the box inside it as an interruption (as an advertisement
    there already was)."""
    text = capture.text
    boxes = {d.copy.start: d for d in found if d.kind is Kind.INTERRUPTION}
    moves = sorted(
        (d for d in found if d.kind is Kind.REORDERING and d.note.startswith("moved:")),
        key=lambda d: d.copy.start,
    )
    gone: set[str] = set()
    joined: dict[str, Divergence] = {}
    for k, first in enumerate(moves):
        if first.id in gone:
            continue
        whole = first
        for second in moves[k + 1 :]:
            box = boxes.get(whole.copy.end)
            if (
                box is None
                or _holds_own_line(reference, box.copy_text)  # (the statement's words: a
                # column of a page read across, no box)
                or text[box.copy.end : second.copy.start].strip()
                or reference.text[whole.reference.end : second.reference.start].strip()
                or second.reference.start < whole.reference.end
            ):
                break
            ref = Span(whole.reference.start, second.reference.end)
            where = f"the reference has it at {ref.start}..{ref.end}"
            lost = replace(whole, reference=ref)
            whole = _moved(reference, capture, lost, Span(whole.copy.start, second.copy.end), where)
            gone.add(second.id)
        if whole is not first:
            joined[first.id] = whole
    if not joined:
        return found
    return [joined.get(d.id, d) for d in found if d.id not in gone]
