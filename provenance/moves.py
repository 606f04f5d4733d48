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

The rules and thresholds are in docs/locate.md.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from provenance.align import align, align_texts, cuts_a_word
from provenance.classify import divergence, divergence_id
from provenance.locate import content_words
from provenance.model import (
    Alignment,
    Divergence,
    Document,
    Edit,
    Kind,
    Normalised,
    Passage,
    Segment,
    Severity,
    Span,
    Tag,
)
from provenance.normalise import normalise
from provenance.severity import severity

MOVE_MIN_WORDS = 5
"""Fewest words an omission needs to be paired with an insertion as a move."""
MOVE_MIN_SCORE = 90.0
"""Lowest rapidfuzz ratio (0-100, folded texts) between the omitted and inserted words."""
DUPLICATION_MIN_WORDS = 4
"""Fewest words an insertion needs to be reported as a repeat of the copy's own text."""

_WORD = re.compile(r"[^\W_]")
_FURNITURE = severity("divergence", "interruption-furniture")
_FOREIGN = severity("divergence", Kind.INTERRUPTION)
_BOX_LABEL = re.compile(
    r"(related|read more|read also|see also|more on this|more from|also read|recommended|"
    r"advertisement|sponsored|continue reading|most read|most popular|top stories|"
    r"share this|click here|subscribe|sign up|you may also like|trending)\b.*",
    re.IGNORECASE,
)
"""First line of a box a page puts between paragraphs: its text is page furniture."""
_PAGE_NUMBER = re.compile(
    r"[-\u2013\u2014\s]*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[-\u2013\u2014\s]*",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(photo|image|picture|caption|credit|file photo|video|graphic)\b|\u00a9|\(c\)",
    re.IGNORECASE,
)
_BLOCK_END = re.compile(r"[.!?:;\u3002\uff01\uff1f\uff1a\uff1b][\"'\u201d\u2019)\]\u300d\u300f]*$")
"""A block's end, in Latin or CJK punctuation (the ideographic full stop, full-width
marks, corner brackets)."""
_LETTERS = re.compile(r"[^\W\d_]+")
PROSE_SHARE = 0.3
"""Least share of an inserted paragraph's content words that the reference also uses
for it to read as part of the text (an insertion) rather than foreign prose."""


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
        tag: Tag = "replace" if after.reference.start > before.reference.end else "insert"
        edits.append(
            Edit(
                tag,
                Span(before.reference.end, after.reference.start),
                Span(before.copy.end, after.copy.start),
            )
        )
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
) -> list[Divergence]:
    """Moves, repeats and interruptions of the copies, each reported once at its place."""
    found = _foreign_substitutions(reference, capture, found)
    found = _paired_moves(reference, capture, found)
    found = _moved_to_passages(reference, capture, passages, found)
    found = _duplications(reference, capture, passages, found)
    found = _moved_out_of_omissions(reference, capture, found)  # what is not a repeat
    return _interruptions(reference, capture, found)


def _paired_moves(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """Replace an omission (or a truncation: the copy's last paragraph moved up) and an
    insertion of the same words by one reordering."""
    inserted = [d for d in found if d.kind is Kind.INSERTION]
    pairs: dict[str, Divergence] = {}
    for d in found:
        lost = d.kind in (Kind.OMISSION, Kind.TRUNCATION)
        if not lost or len(d.reference_text.split()) < MOVE_MIN_WORDS:
            continue
        omitted = _folded(d.reference_text)
        for e in inserted:
            if any(e is taken for taken in pairs.values()):
                continue
            added = _folded(e.copy_text)
            # token_sort_ratio forgives a diff that cut the moved text at another word
            # ("Parties propose the following: The" for "The Parties propose ...").
            score = max(
                fuzz.ratio(omitted, added, processor=None),
                fuzz.token_sort_ratio(omitted, added, processor=None),
            )
            if score >= MOVE_MIN_SCORE:
                pairs[d.id] = e
                break
    if not pairs:
        return found
    used = {e.id for e in pairs.values()}
    out = []
    for d in found:
        if d.id in used:
            continue
        moved_to = pairs.get(d.id)
        if moved_to is None:
            out.append(d)
            continue
        where = f"the reference has it at {d.reference.start}..{d.reference.end}"
        out.append(_moved(reference, capture, d, moved_to.copy, where))
    return out


def _moved_out_of_omissions(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """Inserted reference text, as a whole or a line of it, is a move: out of an omission
    that holds it word for word (that part of the omission moved, the rest stays
    omitted), or else, a whole line, from where the reference has it as a whole line.

    Paragraphs 9, 10 and 11 dropped at one place and paragraph 10 inserted at another
    pair badly as wholes (`_paired_moves` compares whole texts); a paragraph too short to
    be located ("The Parties propose the following:") moved on its own line, or a
    paragraph inserted with a line of the page's own, were insertions of the
    reference's own words."""
    out = list(found)
    todo = [d for d in found if d.kind is Kind.INSERTION]
    folded_reference: Normalised | None = None
    while todo:
        e = todo.pop(0)
        for part in _blocks(capture.text, e.copy):
            added = _folded(part.of(capture.text))
            if len(added.split()) < MOVE_MIN_WORDS:
                continue
            moved = _out_of_omission(reference, capture, out, added, part)
            if moved is None and _whole_lines_of(capture.text, part):
                if folded_reference is None:
                    folded_reference = normalise(reference.text)
                moved = _from_line(reference, capture, folded_reference, added, e, part)
            if moved is None:
                continue
            rest = [
                replace(e, copy=span, copy_text=span.of(capture.text))
                for span in (Span(e.copy.start, part.start), Span(part.end, e.copy.end))
                if _WORD.search(span.of(capture.text))
            ]
            rest = [replace(r, id=_reid(capture, r)) for r in rest]
            k = next(k for k, x in enumerate(out) if x is e)
            out[k : k + 1] = [*rest, moved]
            todo[:0] = rest
            break
    return out


def _blocks(text: str, span: Span) -> list[Span]:
    """`span` whole, then its lines when it has more than one."""
    lines = [
        Span(span.start + m.start(), span.start + m.end())
        for m in re.finditer(r"[^\n]+", span.of(text))
        if m.group().strip()
    ]
    return [span, *lines] if len(lines) > 1 else [span]


def _out_of_omission(
    reference: Document, capture: Document, out: list[Divergence], added: str, copy: Span
) -> Divergence | None:
    """The move of `added` (folded words the copy has at `copy`) out of the omission (or
    truncation: the last paragraph printed earlier) in `out` that holds them, which is
    split in place; None if none does."""
    for k, d in enumerate(out):
        if d.kind not in (Kind.OMISSION, Kind.TRUNCATION):
            continue
        folded = _normalised(d.reference_text)
        at = _word_find(folded.text, added)
        if at < 0:
            continue
        inner = folded.span(at, at + len(added))
        held = Span(d.reference.start + inner.start, d.reference.start + inner.end)
        where = f"the reference has it at {held.start}..{held.end}"
        moved = _moved(reference, capture, replace(d, reference=held), copy, where)
        out[k : k + 1] = [
            *_omitted(reference, capture, d, Span(d.reference.start, held.start)),
            *_omitted(reference, capture, d, Span(held.end, d.reference.end)),
        ]
        return moved
    return None


_normalised = lru_cache(maxsize=64)(normalise)
"""An omission's text normalised once, however many insertions are looked for in it."""


def _from_line(
    reference: Document,
    capture: Document,
    folded_reference: Normalised,
    added: str,
    inserted: Divergence,
    copy: Span,
) -> Divergence | None:
    """The move of a whole inserted line that the reference has as a whole line; None if
    it has it nowhere so."""
    at = _word_find(folded_reference.text, added)
    while at >= 0:
        held = folded_reference.span(at, at + len(added))
        if _whole_lines_of(reference.text, held):
            where = f"the reference has it at {held.start}..{held.end}"
            return _moved(reference, capture, replace(inserted, reference=held), copy, where)
        at = _word_find(folded_reference.text, added, at + 1)
    return None


def _word_find(text: str, part: str, start: int = 0) -> int:
    """Where `part` first stands in `text` from `start` without cutting a word; -1 if
    nowhere."""
    at = text.find(part, start)
    while at >= 0 and cuts_a_word(text, at, at + len(part)):
        at = text.find(part, at + 1)
    return at


def _moved_to_passages(
    reference: Document, capture: Document, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """Omitted reference text that the capture has elsewhere, as a passage or a segment
    of one, is a move to there; what it has nowhere stays an omission.

    Excerpts in another order ("5, 9, 6" then "1" then "7, 11") group into passages whose
    omissions hold paragraphs that another passage has: those paragraphs moved."""
    out: list[Divergence] = []
    held = [(part.reference, part.copy) for p in passages for part in (p.segments or (p,))]
    omitted: list[Span] = []  # reported once, though two overlapping passages both skip it
    for d in found:
        if d.kind is not Kind.OMISSION:
            out.append(d)
            continue
        at, parts = d.reference.start, []
        for ref, copy in _held_elsewhere(d, held):
            parts.extend(_omitted(reference, capture, d, Span(at, ref.start)))
            where = f"the copy has this text at {copy.start}..{copy.end}"
            parts.append(_moved(reference, capture, replace(d, reference=ref), copy, where))
            at = ref.end
        parts.extend(_omitted(reference, capture, d, Span(at, d.reference.end)))
        for part in parts:
            if part.kind is Kind.OMISSION:
                if any(_within(part.reference, o) for o in omitted):
                    continue
                omitted.append(part.reference)
            out.append(part)
    return out


def _within(span: Span, other: Span) -> bool:
    """True when `other` holds 80% of `span` or more."""
    inside = min(span.end, other.end) - max(span.start, other.start)
    return inside >= 0.8 * max(1, len(span))


def _held_elsewhere(d: Divergence, held: list[tuple[Span, Span]]) -> list[tuple[Span, Span]]:
    """The parts of an omission's reference text that the capture has at another place:
    (reference span, copy span) of each passage or segment lying mostly (80%) inside it,
    in reference order, clipped to it, none overlapping."""
    pieces: list[tuple[Span, Span]] = []
    for ref, copy in sorted(held, key=lambda h: h[0].start):
        inside = min(ref.end, d.reference.end) - max(ref.start, d.reference.start)
        if inside < 0.8 * max(1, len(ref)) or copy.start <= d.copy.start <= copy.end:
            continue
        clipped = Span(max(ref.start, d.reference.start), min(ref.end, d.reference.end))
        if not pieces or clipped.start >= pieces[-1][0].end:
            pieces.append((clipped, copy))
    return pieces


def _omitted(reference: Document, capture: Document, d: Divergence, ref: Span) -> list[Divergence]:
    """The omission (or truncation) `d` narrowed to `ref`, if any word is left there."""
    if ref == d.reference:
        return [d]
    if not _WORD.search(ref.of(reference.text)):
        return []
    return [divergence(reference, capture, d.kind, ref, d.copy, note=d.note)]


def _moved(
    reference: Document, capture: Document, lost: Divergence, to: Span, where: str
) -> Divergence:
    """The reordering that replaces `lost` (its reference words), read at `to` in the copy."""
    return divergence(
        reference, capture, Kind.REORDERING, lost.reference, to, note=f"moved: {where}"
    )


def _duplications(
    reference: Document, capture: Document, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """An insertion of reference words that its copy already has is one duplication.

    The copy span is the repeat (the insertion); the reference span is the text it
    repeats, so both readings are the text at their place.
    """
    folded_reference: Normalised | None = None  # normalised when an insertion is long enough
    out = []
    for d in found:
        if d.kind is not Kind.INSERTION or len(d.copy_text.split()) < DUPLICATION_MIN_WORDS:
            out.append(d)
            continue
        if folded_reference is None:
            folded_reference = normalise(reference.text)
        home = next((p for p in passages if p.copy.start <= d.copy.start < p.copy.end), None)
        repeat = None if home is None else _repeat(folded_reference, capture, home, d.copy)
        if repeat is None:
            out.append(d)
            continue
        ref, copy = repeat
        out.append(
            divergence(
                reference,
                capture,
                Kind.DUPLICATION,
                ref,
                copy,
                note="repeated: the copy already has this text",
            )
        )
    return out


def _repeat(
    folded_reference: Normalised, capture: Document, home: Passage, inserted: Span
) -> tuple[Span, Span] | None:
    """The reference span an insertion repeats and where it stands, if the passage has
    its text twice. The diff may put an insertion anywhere along text that reads the
    same ("...the following:|\n\nThe Parties| propose the following:"): it is tried
    where the diff put it, then slid left or right character by character."""
    home_text: str | None = None  # folded once, when a slide is the reference's text
    for copy in _slides(capture.text, inserted, home.copy):
        text = _folded(copy.of(capture.text))
        at = folded_reference.text.find(text)
        if at < 0:
            continue
        if home_text is None:
            home_text = _folded(home.copy.of(capture.text))
        if home_text.count(text) >= 2:
            return folded_reference.span(at, at + len(text)), copy
    return None


def _slides(text: str, span: Span, within: Span, reach: int = 200) -> list[Span]:
    """`span`, then the spans within `within` (and `reach` characters of it) that read as
    it does in `text` when cut out and cut no word, those cut at line breaks and sentence
    ends first, then leftmost."""
    left: list[Span] = []
    right: list[Span] = []
    start, end = span.start, span.end
    while start > within.start and text[start - 1] == text[end - 1] and len(left) < reach:
        start, end = start - 1, end - 1
        left.append(Span(start, end))
    start, end = span.start, span.end
    while end < within.end and text[start] == text[end] and len(right) < reach:
        start, end = start + 1, end + 1
        right.append(Span(start, end))
    whole = [s for s in left + right if not cuts_a_word(text, s.start, s.end)]
    return [span, *sorted(whole, key=lambda s: (-_cut(text, s.start) - _cut(text, s.end), s.start))]


def _cut(text: str, k: int) -> int:
    """How well a cut at `k` falls: 2 at a line break, 1 after a sentence's end, else 0."""
    if text[k - 1 : k + 1].count("\n"):
        return 2
    return int(text[k - 2 : k].rstrip()[-1:] in (".", "!", "?", ":"))


def _foreign_substitutions(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """A substitution of whole lines by whole lines that `interruption` calls foreign, or
    that are a whole line of the reference elsewhere, is an omission and an insertion: a
    paragraph the copy leaves out, where it has "The spokesman went on:" on a line of its
    own, is that paragraph omitted and a line set apart (an interruption, once
    `_interruptions` reads it), not a paragraph rewritten; where it has "The Parties
    propose the following:", that line moved (`_moved_out_of_omissions`).
    Split before the moves are paired, so a paragraph left out here and printed
    elsewhere is one move."""
    out = []
    repeated: frozenset[str] | None = None
    for d in found:
        if d.kind is not Kind.SUBSTITUTION or not _whole_lines_of(reference.text, d.reference):
            out.append(d)
            continue
        if repeated is None:
            repeated = _repeated_lines(capture.text)
        foreign = interruption(capture.text, d.copy, repeated, _vocabulary(reference.text))
        if foreign is None and not _a_line_of(reference, d.copy_text):
            out.append(d)
            continue
        at = Span(d.copy.start, d.copy.start)
        note = "reference words missing from the copy"
        out.append(divergence(reference, capture, Kind.OMISSION, d.reference, at, note=note))
        end = Span(d.reference.end, d.reference.end)
        note = "words in the copy that the reference does not have"
        out.append(divergence(reference, capture, Kind.INSERTION, end, d.copy, note=note))
    return out


def _a_line_of(reference: Document, text: str) -> bool:
    """True when `text` (5 words or more) is, folded, a whole line of the reference."""
    folded = _folded(text)
    if len(folded.split()) < MOVE_MIN_WORDS:
        return False
    return folded in _folded_lines(reference.text)


@lru_cache(maxsize=4)
def _folded_lines(reference: str) -> frozenset[str]:
    return frozenset(_folded(line) for line in reference.splitlines() if line.strip())


def _interruptions(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """Insertions of foreign material become interruptions (see `interruption`)."""
    if not any(d.kind is Kind.INSERTION for d in found):
        return found
    repeated = _repeated_lines(capture.text)
    vocabulary = _vocabulary(reference.text)
    out = []
    for d in found:
        verdict = None
        if d.kind is Kind.INSERTION:
            verdict = interruption(capture.text, d.copy, repeated, vocabulary)
        if verdict is None:
            out.append(d)
            continue
        level, note = verdict
        moved = replace(d, kind=Kind.INTERRUPTION, severity=level, note=note)
        out.append(replace(moved, id=_reid(capture, moved)))
    return out


def _whole_lines_of(text: str, span: Span) -> bool:
    """True when text[span] starts a line and ends one (at either end of the text too)."""
    before = text[: span.start].rstrip(" \t")
    after = text[span.end :].lstrip(" \t")
    inner = span.of(text).strip(" \t")
    starts = not before or before.endswith("\n") or inner.startswith("\n")
    return starts and (not after or after.startswith("\n") or inner.endswith("\n"))


@lru_cache(maxsize=4)
def _vocabulary(reference: str) -> frozenset[str]:
    """The reference's content words (stems), read once for every capture compared with it."""
    return frozenset(content_words(_words(reference)))


def _reid(capture: Document, d: Divergence) -> str:
    return divergence_id(capture.sha256, d.kind, d.reference, d.copy, d.reference_text, d.copy_text)


def interruption(
    text: str,
    span: Span,
    repeated: frozenset[str] = frozenset(),
    vocabulary: frozenset[str] = frozenset(),
) -> tuple[Severity, str] | None:
    """Whether the inserted text at `span` is foreign material inside a copy.

    Page furniture (every line a page number, a form feed, or a line the page repeats,
    as running headers are; or a box that starts with a label such as "Related:" or
    "Advertisement") is `cosmetic`. Other material set apart on its own lines is
    `minor` when it cannot be part of the text: it cuts a sentence, does not end as a
    sentence does, starts like a caption, or (given the reference's `vocabulary` of
    content words) uses fewer than `PROSE_SHARE` of its content words from it.
    Anything else is None: an insertion.

    >>> interruption("a b\\n\\fPage 2\\n\\nc d", Span(3, 13))[0]
    <Severity.COSMETIC: 0>
    >>> interruption("One. Two more words. Three.", Span(4, 19)) is None
    True
    """
    inserted = span.of(text)
    lines = [line.strip() for line in inserted.splitlines()]
    lines = [line for line in lines if line.strip("\f\v ")]
    if not lines:
        return None
    if _BOX_LABEL.fullmatch(lines[0]):
        return _FURNITURE, f"page furniture: a box ({lines[0][:40]!r})"
    furniture = [_PAGE_NUMBER.fullmatch(line) or line in repeated for line in lines]
    if all(furniture):
        return _FURNITURE, "page furniture: page number, running header or page break"
    if not (_line_break_before(text, span) and _line_break_after(text, span)):
        return None
    prose_before = text[max(0, span.start - 80) : span.start].rstrip()
    if prose_before and not _BLOCK_END.search(prose_before):
        return _FOREIGN, "foreign material inside a sentence"
    if _CAPTION.match(lines[0]):
        return _FOREIGN, "foreign material: a caption or credit"
    if not _BLOCK_END.search(lines[-1]):
        return _FOREIGN, "foreign material: lines that are not sentences"
    content = content_words(_words(inserted))
    if vocabulary and len(content & vocabulary) < PROSE_SHARE * len(content):
        return _FOREIGN, "foreign material: prose about something else"
    return None


def _line_break_before(text: str, span: Span) -> bool:
    """True when a line break separates the inserted text from the copy text before it."""
    inserted = span.of(text)
    head = inserted[: len(inserted) - len(inserted.lstrip())]
    k = span.start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return "\n" in text[k : span.start] + head or "\f" in head


def _line_break_after(text: str, span: Span) -> bool:
    inserted = span.of(text)
    tail = inserted[len(inserted.rstrip()) :]
    k = span.end
    while k < len(text) and text[k].isspace():
        k += 1
    return "\n" in tail + text[span.end : k] or k == len(text)


def _repeated_lines(text: str) -> frozenset[str]:
    """Short lines the page has more than once: running headers and footers."""
    counts = Counter(line.strip() for line in text.splitlines())
    return frozenset(
        line for line, n in counts.items() if n > 1 and line and len(line.split()) <= 12
    )


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _LETTERS.findall(text)]


def _folded(text: str) -> str:
    return normalise(text).text.strip()
