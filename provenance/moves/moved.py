"""Text a copy has at another place, or twice: omissions and insertions read as moves.

An omission whose words the copy has elsewhere (an insertion of the same words, a line of
it, another passage or segment) is a `reordering`; an insertion of words the copy already
has is a `duplication`; a whole-line substitution by foreign lines or by a line of the
reference is first split, so the moves can pair its halves. Rules in docs/locate.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import islice

from rapidfuzz import fuzz

from provenance.align import align_texts, cuts_a_word, whole_lines, whole_words_at
from provenance.classify import classify, divergence, numbered
from provenance.kinds import kind_of
from provenance.model import (
    Alignment,
    Divergence,
    Document,
    Kind,
    Normalised,
    Passage,
    PassageKind,
    Severity,
    Span,
)
from provenance.moves.furniture import (
    _A_CAPTION,
    _CAPTION,
    _NOT_SENTENCES,
    _SPLIT_WORD,
    _WORD,
    _reid,
    _repeated_lines,
    _vocabulary,
    interruption,
)
from provenance.normalise import folded, normalise
from provenance.severity import severity
from provenance.spanindex import SpanIndex

MOVE_MIN_WORDS = 5
"""Fewest words an omission needs to be paired with an insertion as a move."""
MOVE_MIN_SCORE = 90.0
"""Lowest rapidfuzz ratio (0-100, folded texts) between the omitted and inserted words."""
_SHORTEST = 0.8
"""Least ratio of the shorter folded text's length to the longer's for two texts to reach
`MOVE_MIN_SCORE` (a ratio of 90 needs 0.82; token sorting does not change lengths)."""
DUPLICATION_MIN_WORDS = 4
"""Fewest words an insertion needs to be reported as a repeat of the copy's own text."""


def _paired_moves(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """Replace an omission (or a truncation: the copy's last paragraph moved up) and an
    insertion of the same words by one reordering."""
    # Each insertion folded once; an omission compared only with insertions of a length
    # that can reach the score (on a page of hundreds of shuffled copies every pair was
    # folded and compared, and each taken insertion looked for among the pairs: 15 s a MB).
    inserted = sorted(
        (
            (len(added), k, e, added)
            for k, e in enumerate(found)
            if e.kind is Kind.INSERTION
            for added in (_folded(e.copy_text),)
        ),
        key=lambda t: (t[0], t[1]),
    )
    lengths = [t[0] for t in inserted]
    pairs: dict[str, Divergence] = {}
    taken: set[int] = set()
    for d in found:
        lost = d.kind in (Kind.OMISSION, Kind.TRUNCATION)
        if not lost or len(d.reference_text.split()) < MOVE_MIN_WORDS:
            continue
        omitted = _folded(d.reference_text)
        lo = bisect_left(lengths, int(len(omitted) * _SHORTEST))
        hi = bisect_right(lengths, int(len(omitted) / _SHORTEST) + 1)
        for _, k, e, added in sorted(inserted[lo:hi], key=lambda t: t[1]):
            if k in taken:
                continue
            # token_sort_ratio forgives a diff that cut the moved text at another word
            # ("Parties propose the following: The" for "The Parties propose ...").
            score = max(
                fuzz.ratio(omitted, added, processor=None, score_cutoff=MOVE_MIN_SCORE),
                fuzz.token_sort_ratio(omitted, added, processor=None, score_cutoff=MOVE_MIN_SCORE),
            )
            if score >= MOVE_MIN_SCORE:
                pairs[d.id] = e
                taken.add(k)
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
        out.extend(_changed_in_moving(reference, capture, d.reference, moved_to.copy))
    return out


def _changed_in_moving(
    reference: Document, capture: Document, ref: Span, copy: Span
) -> list[Divergence]:
    """What the copy changed inside text it moved (", peaceful coexistence" dropped from a
    paragraph moved to the end): the moved words aligned with the reference's at their
    own place, each change classified as it would be in place. The pairing forgives a few
    changed words; before, they went unreported inside the reordering. Changes at either
    end of the moved text are left out: a diff may cut moved text at another word, which
    would read as a word lost at one end and gained at the other."""
    edits = align_texts(
        reference.text[ref.start : ref.end],
        capture.text[copy.start : copy.end],
        reference_offset=ref.start,
        copy_offset=copy.start,
    )
    changed = [
        e
        for k, e in enumerate(edits)
        if e.tag != "equal" and 0 < k < len(edits) - 1 and (e.reference or e.copy)
    ]
    if not changed:
        return []
    passage = Passage(PassageKind.EXCERPT, copy, ref, 100.0)
    found = classify(reference, capture, Alignment(passage, tuple(changed)))
    return [d for d in found if d.kind is not Kind.WHITESPACE]


def _reordered_in_sentences(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """Words a copy puts in another order inside one sentence: one reordering.

    A substitution of a stretch by the same words in another order ("Asia Northeast"),
    and an omission and an insertion of the same few words in one sentence of the copy
    ("signed in Moscow on July 4, 2017" for "signed on July 4, 2017, in Moscow"), are one
    edit. Longer moves, across sentences, are `_paired_moves`' own.
    """
    out: list[Divergence] = []
    paired: set[str] = set()
    inserted: list[tuple[Divergence, list[str]]] | None = None  # read once, when needed
    for d in found:
        if d.id in paired:
            continue
        if d.kind is Kind.SUBSTITUTION:
            ours, theirs = _words_of(d.copy_text), _words_of(d.reference_text)
            if len(ours) >= 2 and ours != theirs and sorted(ours) == sorted(theirs):
                note = "the same words in another order"
                out.append(
                    divergence(reference, capture, Kind.REORDERING, d.reference, d.copy, note=note)
                )
                continue
        lost = _words_of(d.reference_text) if d.kind is Kind.OMISSION else []
        if 0 < len(lost) < MOVE_MIN_WORDS:
            if inserted is None:
                inserted = [(e, _words_of(e.copy_text)) for e in found if e.kind is Kind.INSERTION]
            twin = next(
                (
                    e
                    for e, words in inserted
                    if e.id not in paired
                    and words == lost
                    and _one_sentence(capture.text, d.copy, e.copy)
                ),
                None,
            )
            if twin is not None:
                paired.add(twin.id)
                where = f"the reference has it at {d.reference.start}..{d.reference.end}"
                out.append(
                    _moved(reference, capture, d, twin.copy, f"inside its sentence; {where}")
                )
                continue
        out.append(d)
    return [d for d in out if d.id not in paired]


def _words_of(text: str) -> list[str]:
    return _WORDS.findall(_folded(text))


_WORDS = re.compile(r"[^\W_]+")


def _one_sentence(text: str, a: Span, b: Span) -> bool:
    """Whether nothing between two copy spans ends a sentence or a line."""
    between = text[min(a.start, b.start) : max(a.end, b.end)]
    return "\n" not in between and not _SENTENCE_END.search(between)


_SENTENCE_END = re.compile(r"[.!?](?=\s)")


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
    reference's own words.

    What each divergence became is kept by identity and the list rebuilt once: splicing
    it in place, and reading every divergence for the omissions at each insertion, cost a
    4 MB page of shuffled copies 15 s."""
    replaced: dict[int, list[Divergence]] = {}
    lost = [d for d in found if d.kind in (Kind.OMISSION, Kind.TRUNCATION)]
    todo = deque(d for d in found if d.kind is Kind.INSERTION)
    folded_reference: Normalised | None = None
    omissions: dict[str, Normalised] = {}  # each omission's text normalised once
    while todo:
        e = todo.popleft()
        for part in _blocks(capture.text, e.copy):
            added = _folded(part.of(capture.text))
            if len(added.split()) < MOVE_MIN_WORDS:
                continue
            moved = _out_of_omission(reference, capture, lost, replaced, added, part, omissions)
            if moved is None and whole_lines(capture.text, part):
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
            replaced[id(e)] = [*rest, moved]
            todo.extendleft(reversed(rest))
            break
    return [d for f in found for d in _as_now(f, replaced)]


def _as_now(d: Divergence, replaced: dict[int, list[Divergence]]) -> list[Divergence]:
    """What divergence `d` became, in order: itself, or what replaced it, read again."""
    if id(d) not in replaced:
        return [d]
    return [x for r in replaced[id(d)] for x in ([r] if r is d else _as_now(r, replaced))]


def _blocks(text: str, span: Span) -> list[Span]:
    """`span` whole, then its lines when it has more than one."""
    lines = [
        Span(span.start + m.start(), span.start + m.end())
        for m in re.finditer(r"[^\n]+", span.of(text))
        if m.group().strip()
    ]
    return [span, *lines] if len(lines) > 1 else [span]


def _out_of_omission(
    reference: Document,
    capture: Document,
    lost: list[Divergence],
    replaced: dict[int, list[Divergence]],
    added: str,
    copy: Span,
    normalised: dict[str, Normalised],
) -> Divergence | None:
    """The move of `added` (folded words the copy has at `copy`) out of the omission (or
    truncation: the last paragraph printed earlier) among `lost` that holds them, which
    is split (in `lost`, and in `replaced` for the list it stands in); None if none does."""
    for k, d in enumerate(lost):
        folded = normalised.get(d.reference_text)
        if folded is None:
            folded = normalised[d.reference_text] = normalise(d.reference_text)
        if added not in folded.text:
            continue
        at = whole_words_at(folded.text, added)
        if at < 0:
            continue
        inner = folded.span(at, at + len(added))
        held = Span(d.reference.start + inner.start, d.reference.start + inner.end)
        where = f"the reference has it at {held.start}..{held.end}"
        moved = _moved(reference, capture, replace(d, reference=held), copy, where)
        rest = [
            *_omitted(reference, capture, d, Span(d.reference.start, held.start)),
            *_omitted(reference, capture, d, Span(held.end, d.reference.end)),
        ]
        lost[k : k + 1] = rest
        replaced[id(d)] = rest
        return moved
    return None


_normalised = lru_cache(maxsize=64)(normalise)
"""A text normalised once, however many insertions are looked for in it: an omission's,
or the reference (`_duplications` and `_moved_in` both read it, for every capture)."""


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
    at = whole_words_at(folded_reference.text, added)
    while at >= 0:
        held = folded_reference.span(at, at + len(added))
        if whole_lines(reference.text, held):
            where = f"the reference has it at {held.start}..{held.end}"
            return _moved(reference, capture, replace(inserted, reference=held), copy, where)
        at = whole_words_at(folded_reference.text, added, at + 1)
    return None


def _moved_to_passages(
    reference: Document, capture: Document, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """Omitted reference text that the capture has elsewhere, as a passage or a segment
    of one, is a move to there; what it has nowhere stays an omission.

    Excerpts in another order ("5, 9, 6" then "1" then "7, 11") group into passages whose
    omissions hold paragraphs that another passage has: those paragraphs moved."""
    if not any(d.kind is Kind.OMISSION for d in found):
        return _insertions_moved(reference, capture, found)  # (most copies: nothing to place)
    out: list[Divergence] = []
    held = sorted(
        ((part.reference, part.copy) for p in passages for part in (p.segments or (p,))),
        key=lambda h: h[0].start,
    )
    placed = SpanIndex([ref for ref, _ in held])  # (asked by place: omissions x parts before)
    omitted: list[Span] = []  # reported once, though two overlapping passages both skip it
    for d in found:
        if d.kind is not Kind.OMISSION:
            out.append(d)
            continue
        at, parts = d.reference.start, []
        near = [held[k] for k in placed.overlapping_indices(d.reference.start, d.reference.end)]
        for ref, copy in _held_elsewhere(d, near):
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
    return _insertions_moved(reference, capture, out)


def _insertions_moved(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """An insertion holding text read as moved there (a segment of the same passage, which
    its alignment saw as inserted) is that move's: what it holds beyond the moved text
    stays inserted, and what the copy changed inside the moved text is read against the
    reference's own place (a point moved with a "[Note: ...]" put into it was a move and a
    material insertion of the whole point, the note never reported)."""
    moves = [d for d in found if d.kind is Kind.REORDERING]
    if not moves:
        return found
    where = SpanIndex([m.copy for m in moves])  # (asked by place: moves x insertions before)
    out: list[Divergence] = []
    for d in found:
        near = (
            where.overlapping_indices(d.copy.start, d.copy.end) if d.kind is Kind.INSERTION else []
        )
        inside = [moves[k] for k in near if _within(moves[k].copy, d.copy)]
        if not inside or sum(len(m.copy) for m in inside) < _MOSTLY_MOVED * len(d.copy):
            # (lines of another column or a box holding a few moved words stay what the
            # later steps read them as: an interruption, not the moves' own changes)
            out.append(d)
            continue
        at = d.copy.start
        for m in sorted(inside, key=lambda m: m.copy.start):
            if capture.text[at : m.copy.start].strip():
                out.append(_remainder(reference, capture, d, Span(at, m.copy.start)))
            out.extend(_changed_in_moving(reference, capture, m.reference, m.copy))
            at = max(at, m.copy.end)
        if capture.text[at : d.copy.end].strip():
            out.append(_remainder(reference, capture, d, Span(at, d.copy.end)))
    return out


_MOSTLY_MOVED = 0.7
"""Least share of an insertion that text read as moved must cover for the insertion to be
the moves' own (a point moved with a note in it)."""


def _remainder(reference: Document, capture: Document, d: Divergence, copy: Span) -> Divergence:
    """The part `copy` of insertion `d`, classified as what it is."""
    kind, note = kind_of("", copy.of(capture.text))
    return divergence(
        reference, capture, kind, Span(d.reference.start, d.reference.start), copy, note=note
    )


def _continued_in_passages(
    reference: Document, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """A truncation the copy does not suffer: the next passage of the page, after words of
    the page's own (a commentary paragraph between two block quotations, which `locate`
    keeps apart), goes on where the copy stopped ("... strategic balance in the region."
    | "Commentary: ..." | "This statement was signed ..."), or the one before ends where
    it starts. The page holds the text; the passages say where."""
    order = sorted(passages, key=lambda p: p.copy.start)
    out = []
    for d in found:
        if d.kind is not Kind.TRUNCATION:
            out.append(d)
            continue
        at = d.copy.start
        if d.reference.end == len(reference.text):  # cut off at the end
            after = [p for p in order if p.copy.start >= at]
            following = after[0] if after else None
            if following is not None and _only_spaces(
                reference.text, d.reference.start, following.reference.start
            ):
                rest = Span(following.reference.end, d.reference.end)
                if reference.text[rest.start : rest.end].strip():
                    out.append(
                        replace(
                            d, reference=rest, copy=Span(following.copy.end, following.copy.end)
                        )
                    )
                continue
        elif d.reference.start == 0:  # cut off at the start
            before = [p for p in order if p.copy.end <= at]
            preceding = before[-1] if before else None
            if preceding is not None and _only_spaces(
                reference.text, preceding.reference.end, d.reference.end
            ):
                continue
        out.append(d)
    return out


def _only_spaces(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds nothing but spaces and line breaks (or is empty)."""
    return start <= end and not text[start:end].strip()


def _moved_beside(
    reference: Document, capture: Document, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """A short paragraph omitted from a copy that the page prints on lines of its own just
    outside it ("The Parties propose the following:", moved above the copy's first line):
    too short to be a passage of its own, it was reported lost though the page has it.
    Looked for between the copy and its neighbouring passages, `_BESIDE` characters at
    most, once there, as its own line."""
    order = sorted(passages, key=lambda p: p.copy.start)
    out = []
    for d in found:
        if d.kind is not Kind.OMISSION or not 3 <= len(d.reference_text.split()) < 12:
            out.append(d)
            continue
        k = next((k for k, p in enumerate(order) if p.copy.start <= d.copy.start <= p.copy.end), -1)
        if k < 0:
            out.append(d)
            continue
        here = order[k]
        lo = max(order[k - 1].copy.end if k > 0 else 0, here.copy.start - _BESIDE)
        hi = min(
            order[k + 1].copy.start if k + 1 < len(order) else len(capture.text),
            here.copy.end + _BESIDE,
        )
        to = _own_line(
            capture.text, d.reference_text.strip(), ((lo, here.copy.start), (here.copy.end, hi))
        )
        if to is None:
            out.append(d)
            continue
        where = f"the page has this text at {to.start}..{to.end}, outside the copy"
        out.append(_moved(reference, capture, d, to, where))
    return out


_BESIDE = 400
"""Characters on either side of a copy read for a short paragraph it moved out of itself."""


def _own_line(text: str, words: str, stretches: tuple[tuple[int, int], ...]) -> Span | None:
    """Where `words` stand once in the stretches of `text`, as a line of their own."""
    line = re.compile(rf"(?m)^[ \t>*_#-]*({re.escape(words)})[ \t*_]*$")
    found = [
        Span(lo + m.start(1), lo + m.end(1))
        for lo, hi in stretches
        if lo < hi
        for m in line.finditer(text[lo:hi])
    ]
    return found[0] if len(found) == 1 else None


def _moved_in(
    reference: Document, capture: Document, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """An insertion the reference has word for word, once, outside every passage's
    stretch of it: a sentence of another part of the statement moved into the copy ("This
    statement was signed on July 4, 2017, in Moscow." inside point 4). The copy lacks it
    in its place only because its place is outside what the copy holds, so it is a
    `reordering` read where the copy has it, not words the reference does not have."""
    covered = [p.reference for p in passages]
    out = []
    for d in found:
        if d.kind is not Kind.INSERTION or len(d.copy_text.split()) < MOVE_MIN_WORDS:
            out.append(d)
            continue
        folded_reference = _normalised(reference.text)
        text = _folded(d.copy_text)
        at = folded_reference.text.find(text) if text else -1
        if at < 0 or folded_reference.text.find(text, at + 1) >= 0:
            out.append(d)  # not the reference's words, or words it has twice
            continue
        ref = folded_reference.span(at, at + len(text))
        if any(c.start < ref.end and ref.start < c.end for c in covered):
            out.append(d)  # its own place is in a passage: an omission pairs with it
            continue
        where = "from a part of the reference the copy does not hold, into the copy here"
        out.append(_moved(reference, capture, replace(d, reference=ref), d.copy, where))
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
    for ref, copy in held:  # (in reference order)
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
    """The reordering that replaces `lost` (its reference words), read at `to` in the copy.

    A whole numbered point moved with its number (point 6 printed before point 1, its
    "6." kept) is `minor`: the reader sees the numbers out of order, and no word or sense
    changes; a sentence or words moved, or a point moved without its number, stay
    `material`."""
    moved = divergence(
        reference, capture, Kind.REORDERING, lost.reference, to, note=f"moved: {where}"
    )
    number = _POINT.match(moved.reference_text)
    kept = _POINT.match(moved.copy_text.lstrip())
    at_line_start = reference.text[max(0, lost.reference.start - 1) : lost.reference.start]
    if (
        number is not None
        and kept is not None
        and kept.group(1) == number.group(1)
        and at_line_start in ("", "\n")
    ):
        return replace(
            moved,
            severity=severity("divergence", "reordering-numbered"),
            note=f"{moved.note}; a numbered point, its number kept",
        )
    return moved


_POINT = re.compile(r"(\d{1,2})[.)]")
"""A point's number opening a paragraph ("6.", "6)")."""


def _duplications(
    reference: Document, capture: Document, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """An insertion of reference words that its copy already has is one duplication.

    The copy span is the repeat (the insertion); the reference span is the text it
    repeats, so both readings are the text at their place.
    """
    out = []
    for d in found:
        if d.kind is Kind.INSERTION and len(d.copy_text.split()) < DUPLICATION_MIN_WORDS:
            out.append(_stutter(reference, capture, d) or d)
            continue
        if d.kind is not Kind.INSERTION:
            out.append(d)
            continue
        folded_reference = _normalised(reference.text)
        home = next((p for p in passages if p.copy.start <= d.copy.start < p.copy.end), None)
        repeat = None if home is None else _repeat(folded_reference, capture, home, d.copy)
        quoted = _inside_marks(capture.text, d.copy)
        if repeat is None and home is not None and quoted is not None:
            # A pull quote: the repeat set in quotation marks, the opening one a row of
            # its own before it. The marks go with the repeat.
            repeat = _repeat(folded_reference, capture, home, quoted)
            if repeat is not None:
                repeat = repeat[0], d.copy
        if repeat is None and home is not None and "\n" in d.copy_text:
            parts = _repeat_around_furniture(reference, capture, home, d)
            if parts:
                out.extend(parts)
                continue
        if repeat is None and home is not None:
            near = _near_repeat(folded_reference, capture, home, d)
            if near is not None:
                out.append(near_duplication(reference, capture, *near))
                continue
        if repeat is None or not _a_repeat(capture.text, repeat[1]):
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
    return _with_marks(reference, capture, out)


def _repeat_around_furniture(
    reference: Document, capture: Document, home: Passage, d: Divergence
) -> list[Divergence]:
    """An insertion that repeats the copy's own lines with page furniture between them
    ("The Parties confirm ...¶ADVERTISEMENT¶Continue reading below¶Other states must ..."):
    each stretch of the statement's lines a duplication, the furniture between them
    inserted (an interruption, once `_interruptions` reads it). Whole, no part of it was
    read as a repeat, or its first sentence only. Empty unless every line is the
    statement's own words or few lines of furniture between two of them."""
    text, folded_reference = capture.text, _normalised(reference.text)
    lines = [m.span() for m in _A_LINE.finditer(text, d.copy.start, d.copy.end)]
    own = [_statements_own(reference, text[a:b]) for a, b in lines]
    if not own or not own[0] or not own[-1] or all(own):
        return []
    out: list[Divergence] = []
    k = 0
    while k < len(lines):
        m = k
        while m + 1 < len(lines) and own[m + 1] == own[k]:
            m += 1
        if own[k]:
            repeat = _repeat(folded_reference, capture, home, Span(lines[k][0], lines[m][1]))
            if repeat is None or not _a_repeat(text, repeat[1]):
                return []
            ref, copy = repeat
            note = "repeated: the copy already has this text"
            out.append(divergence(reference, capture, Kind.DUPLICATION, ref, copy, note=note))
        else:
            box = Span(lines[k - 1][1], lines[m + 1][0])  # with the breaks around it
            if not (_few_lines(text, box) and _a_box(reference, text, box)):
                return []
            at = Span(d.reference.end, d.reference.end)
            note = "words in the copy that the reference does not have"
            out.append(divergence(reference, capture, Kind.INSERTION, at, box, note=note))
        k = m + 1
    return out


_A_LINE = re.compile(r"[^\n]*[^\s][^\n]*")
"""A line with something on it (its blanks kept, its break not)."""


def _stutter(reference: Document, capture: Document, d: Divergence) -> Divergence | None:
    """A word or a few said twice running ("the the", "all all parties"), which the
    reference says once beside the insertion: a duplication, its reference span the words
    it repeats. None for any other insertion ("all" added before "parties")."""
    words = _folded(d.copy_text)
    if not words or not any(c.isalnum() for c in words):
        return None
    reach = len(d.copy_text) + 8
    before = _folded(capture.text[max(0, d.copy.start - reach) : d.copy.start])
    after = _folded(capture.text[d.copy.end : d.copy.end + reach])
    if not (_ends_with_words(before, words) or _starts_with_words(after, words)):
        return None
    at, text = d.reference.start, reference.text
    following = text[at:].lstrip()
    preceding = text[max(0, at - reach) : at].rstrip()
    if _starts_with_words(_folded(following[:reach]), words):
        start = at + len(text[at:]) - len(following)
        ref = _words_span(text, start, len(words.split()))
    elif _ends_with_words(_folded(preceding), words):
        end = len(text[:at].rstrip())
        ref = _words_span_back(text, end, len(words.split()))
    else:
        return None
    return divergence(
        reference,
        capture,
        Kind.DUPLICATION,
        ref,
        d.copy,
        note="repeated: the copy says these words twice running",
    )


def _starts_with_words(text: str, words: str) -> bool:
    return (
        text == words
        or text.startswith(words + " ")
        or (text.startswith(words) and not text[len(words) : len(words) + 1].isalnum())
    )


def _ends_with_words(text: str, words: str) -> bool:
    return (
        text == words
        or text.endswith(" " + words)
        or (text.endswith(words) and not text[-len(words) - 1 : -len(words)].isalnum())
    )


def _words_span(text: str, start: int, n: int) -> Span:
    """The span of `n` words of `text` from `start` (a word's first character)."""
    found = list(islice(_WORD_RUN.finditer(text, start), n))
    return Span(start, found[-1].end() if found else start)


def _words_span_back(text: str, end: int, n: int) -> Span:
    """The span of the `n` words of `text` ending at `end`."""
    found = list(_WORD_RUN.finditer(text, max(0, end - 200), end))
    return Span(found[-n].start() if len(found) >= n else end, end)


_WORD_RUN = re.compile(r"\S+")


def _a_repeat(text: str, copy: Span) -> bool:
    """Whether words the copy has twice read as a repeat: a sentence or more
    (`LONE_REPEAT_MIN_WORDS` words), a line of its own (a pull quote), or a phrase said
    twice running ("on the Korean Peninsula on the Korean Peninsula"). A few words the copy
    has elsewhere put into a sentence ("relations of the Korean Peninsula between separate
    states") are words added, which may change what it says: an insertion."""
    repeated = copy.of(text)
    if len(repeated.split()) >= LONE_REPEAT_MIN_WORDS:
        return True
    start = copy.start + len(repeated) - len(repeated.lstrip())
    end = copy.end - len(repeated) + len(repeated.rstrip())
    before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    if (not before or before.endswith("\n")) and (not after or after.startswith("\n")):
        return True
    words = _folded(repeated).strip()
    reach = 2 * len(repeated) + 8
    return _folded(text[max(0, copy.start - reach) : copy.start]).rstrip().endswith(
        words
    ) or _folded(text[copy.end : copy.end + reach]).lstrip().startswith(words)


LONE_REPEAT_MIN_WORDS = 8
"""Fewest words of a repeat of the copy's own text that is a duplication wherever it
stands (`_a_repeat`)."""
NEAR_REPEAT_MIN_WORDS = 8
"""Fewest words of an insertion read as a repeat with changes of the copy's own text."""
NEAR_REPEAT_SCORE = 90.0
"""Least rapidfuzz similarity (of 100) of such a repeat to the copy's text elsewhere."""
NEAR_REPEAT_MAX = 4_000
"""Longest insertion (characters) looked at as a repeat with changes: a few paragraphs."""
NEAR_REPEAT_HOME_MAX = 60_000
"""Longest passage (characters) searched for the text such an insertion repeats: ten
statements' length; a 4 MB page compared whole with the reference is not searched."""


def _near_repeat(
    folded_reference: Normalised, capture: Document, home: Passage, d: Divergence
) -> tuple[Span, Span, list[tuple[str, str]]] | None:
    """(reference span, copy span, changed words) of an insertion that prints again, with
    changes, text its passage has elsewhere and the reference has: a paragraph printed
    twice, once with "must" for "should". None when it is no such repeat."""
    if len(d.copy_text) > NEAR_REPEAT_MAX or len(home.copy) > NEAR_REPEAT_HOME_MAX:
        return None  # a fuzzy search costs the product of the two lengths
    text = _folded(d.copy_text)
    if len(text.split()) < NEAR_REPEAT_MIN_WORDS:
        return None
    elsewhere = _folded(
        capture.text[home.copy.start : d.copy.start]
        + "\n"
        + capture.text[d.copy.end : home.copy.end]
    )
    if not fuzz.partial_ratio(text, elsewhere, processor=None, score_cutoff=NEAR_REPEAT_SCORE):
        return None
    found = fuzz.partial_ratio_alignment(
        text, folded_reference.text, processor=None, score_cutoff=NEAR_REPEAT_SCORE
    )
    if found is None:
        return None
    start, end = _whole_words(folded_reference.text, found.dest_start, found.dest_end)
    said = folded_reference.text[start:end]
    changed = [
        (said_words, ours) for tag, said_words, ours in _word_changes(said, text) if tag != "equal"
    ]
    copy = Span(d.copy.start, d.copy.end)
    return folded_reference.span(start, end), copy, changed


def near_duplication(
    reference: Document,
    capture: Document,
    ref: Span,
    copy: Span,
    changed: list[tuple[str, str]],
) -> Divergence:
    """The duplication row of a repeat with changes: material when a word differs."""
    row = divergence(reference, capture, Kind.DUPLICATION, ref, copy)
    if not changed:
        return replace(row, note="repeated: the copy already has this text")
    shown = "; ".join(
        f"{ours or '(nothing)'!r} for {said or '(nothing)'!r}" for said, ours in changed[:3]
    )
    more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
    note = f"repeated with changes: the copy has this text elsewhere; here {shown}{more}"
    return replace(row, severity=Severity.MATERIAL, note=note)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`..`end` widened to the words it cuts."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _word_changes(said: str, ours: str) -> list[tuple[str, str, str]]:
    """(tag, said words, our words) of a word diff of two folded texts."""
    a, b = _WORDS.findall(said), _WORDS.findall(ours)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [
        (tag, " ".join(a[i0:i1]), " ".join(b[j0:j1]))
        for tag, i0, i1, j0, j1 in matcher.get_opcodes()
    ]


def _opening_cut(
    reference: str, capture: str, words: Divergence, ellipsis: Divergence, at: int
) -> bool:
    """Whether `words` then `ellipsis`, ending at a duplication's start `at`, open a pull
    quote cut with an ellipsis ("“The deployment of THAAD ... is inflicting serious
    damage ...”" before the paragraph it repeats): inserted words of the reference on one
    line with the repeat, too few to be a repeat of their own (they were a material
    insertion)."""
    if words.kind is not Kind.INSERTION or ellipsis.kind is not Kind.EDITORIAL:
        return False
    if words.copy.end != ellipsis.copy.start or capture[ellipsis.copy.end : at].strip():
        return False
    if not _ELLIPSIS.fullmatch(ellipsis.copy_text.strip()) or "\n" in words.copy_text.strip():
        return False
    said = _folded(_MARKS_ONLY.sub(" ", words.copy_text))
    return bool(said) and said in _folded_whole(reference)


@lru_cache(maxsize=4)
def _folded_whole(reference: str) -> str:
    return _folded(reference)


_ELLIPSIS = re.compile(r"\[?(?:\.\s*\.\s*\.|\u2026)\]?")


def _with_marks(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """Each duplication with the rows of quotation marks alone that touch it (spaces
    between allowed) taken into it: the pull quote's marks are part of the repeat, not
    punctuation of the statement's. So is a word cut off after it (a pull quote that
    stops inside a word: "… attention to th"), with its marks."""
    out: list[Divergence] = []
    k = 0
    while k < len(found):
        d = found[k]
        if d.kind is not Kind.DUPLICATION:
            out.append(d)
            k += 1
            continue
        start, end = d.copy.start, d.copy.end
        if len(out) >= 2 and _opening_cut(reference.text, capture.text, out[-2], out[-1], start):
            out.pop()  # the pull quote's first words and its ellipsis: part of the repeat
            start = out.pop().copy.start
        if out and _marks_touching(capture.text, out[-1], start, before=True):
            start = out.pop().copy.start
        k += 1
        if k < len(found) and (
            _marks_touching(capture.text, found[k], end, before=False)
            or _cut_off_word(reference.text, found[k], d)
        ):
            end = found[k].copy.end
            k += 1
        if (start, end) != (d.copy.start, d.copy.end):
            d = divergence(reference, capture, d.kind, d.reference, Span(start, end), note=d.note)
        out.append(d)
    return out


def _marks_touching(text: str, row: Divergence, at: int, *, before: bool) -> bool:
    """Whether `row` is quotation marks alone, added, with only spaces between it and `at`."""
    if row.reference_text.strip() or not _MARKS_ONLY.fullmatch(row.copy_text):
        return False
    between = text[row.copy.end : at] if before else text[at : row.copy.start]
    return not between.strip()


def _cut_off_word(reference: str, row: Divergence, repeat: Divergence) -> bool:
    """Whether `row`, added right after the duplication `repeat`, is the first letters of
    the reference's next word after the text `repeat` repeats, with marks and spaces."""
    if row.reference_text.strip() or row.copy.start != repeat.copy.end:
        return False
    letters = row.copy_text.strip(_MARK_OR_SPACE)
    after = reference[repeat.reference.end :].split(maxsplit=1)
    return bool(
        letters.isalpha() and after and after[0] != letters and after[0].startswith(letters)
    )


def _inside_marks(text: str, span: Span) -> Span | None:
    """`span` less the quotation marks and spaces at its ends, when it has such marks."""
    inner = span.of(text)
    lead = len(inner) - len(inner.lstrip(_MARK_OR_SPACE))
    trail = len(inner) - len(inner.rstrip(_MARK_OR_SPACE))
    if not _MARKS_ONLY.search(inner[:lead] + inner[len(inner) - trail :]) or lead + trail >= len(
        inner
    ):
        return None
    return Span(span.start + lead, span.end - trail)


_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_MARK_OR_SPACE = _QUOTE_MARKS + " \t\n\u00a0"
_MARKS_ONLY = re.compile(f"\\s*[{_QUOTE_MARKS}]+\\s*")


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
        if d.kind in (Kind.SUBSTITUTION, Kind.INSERTION) and "\n" in d.copy_text:
            apart = _furniture_apart(reference, capture, d)
            if apart:
                out.extend(apart)
                continue
        if d.kind is not Kind.SUBSTITUTION or not whole_lines(reference.text, d.reference):
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


def _furniture_apart(reference: Document, capture: Document, d: Divergence) -> list[Divergence]:
    """An edit whose copy side ends on lines of page furniture set apart ("...problems
    ¶Advertisement¶" for "problems."; " The United States bears full responsibility.
    ¶Advertisement"), or opens on them, as two: the edit without them, kind and all, and
    the lines inserted (an interruption, once `_interruptions` reads them). Whole, the
    furniture made a dropped full stop or a left-out sentence a material substitution
    ("Advertisement" for "Other states must ..."), or joined an inserted sentence. Empty
    when no such lines are there, or the whole edit is them."""
    # (lines the page repeats are not read as running headers here: a block printed
    # twice is a duplication, `_duplications` reads it whole)
    text, vocabulary, repeated = capture.text, _vocabulary(reference.text), frozenset[str]()
    if _SPLIT_WORD.match(d.copy_text) or (
        d.kind is Kind.INSERTION and interruption(text, d.copy, repeated, vocabulary)
    ):
        # (foreign as a whole, or a word cut by a page break: `_interruptions` reads it)
        return []
    breaks = [m.start() for m in _LINE_BREAKS.finditer(text, d.copy.start, d.copy.end)]
    for at in breaks:  # the longest tail first
        tail = Span(at, d.copy.end)
        if (tail == d.copy and d.kind is Kind.INSERTION) or not _few_lines(text, tail):
            continue  # (asked first: the tails of a long edit are read only when short)
        if _mid_sentence(text, at) or _holds_own_line(reference, tail.of(text)):
            continue  # "... peacefulness and¶mutual trust.": a wrapped sentence's last line;
            # "ADVERTISEMENT¶Other states must ...": a box, then the statement again
        if _a_box(reference, text, tail):
            return _apart(reference, capture, d, Span(d.copy.start, at), tail, tail_first=False)
    ends = [m.end() for m in _LINE_BREAKS.finditer(text, d.copy.start, d.copy.end)]
    for at in reversed(ends):  # the longest head first
        head = Span(d.copy.start, at)
        if (
            at < d.copy.end
            and _few_lines(text, head)
            and not _mid_sentence(text, text.rfind("\n", 0, at))
            and not _holds_own_line(reference, head.of(text))
            and _a_box(reference, text, head)
        ):
            return _apart(reference, capture, d, Span(at, d.copy.end), head, tail_first=True)
    return []


def _mid_sentence(text: str, at: int) -> bool:
    r"""Whether the line break at `at` falls inside a sentence: after a word or a comma,
    and before a word in lower case (a hard wrap), where no furniture begins or ends.

    >>> _mid_sentence("peacefulness and\nmutual trust.", 16)
    True
    >>> _mid_sentence("the region.\nAdvertisement", 11)
    False
    """
    k = at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1  # (read in place: copying the text up to `at`, and after it, at every
        # line break of every edit cost a long page its length each time)
    after = _FIRST_AFTER.match(text, at)
    before = text[k] if k >= 0 else ""
    return (before.isalnum() or before == ",") and after is not None and after.group(1).islower()


_FIRST_AFTER = re.compile(r"\s*(\S)")


def _statements_own(reference: Document, lines: str) -> bool:
    """Whether `lines` (a few words or more) are the reference's own words, wrapped
    ("... including¶Russia and China, and does nothing ..."): the copy, never furniture."""
    said = _folded(lines)
    return len(said.split()) >= _OWN_WORDS and said in _folded_whole(reference.text)


_OWN_WORDS = 4


def _holds_own_line(reference: Document, lines: str) -> bool:
    """Whether `lines`, or one of them, are the reference's own words (`_statements_own`):
    a box inside a paragraph the copy moved ("...respected.¶ADVERTISEMENT¶Other states
    must ...") is not furniture with the statement's sentence after it."""
    return _statements_own(reference, lines) or any(
        _statements_own(reference, line) for line in lines.split("\n")
    )


def _apart(
    reference: Document,
    capture: Document,
    d: Divergence,
    rest: Span,
    lines: Span,
    *,
    tail_first: bool,
) -> list[Divergence]:
    """`d` as the edit of `rest` of its copy side and the insertion of `lines`."""
    edit = []
    if d.reference_text or rest.of(capture.text):
        # (what the lines stood before may be a paragraph's number: "## Part two¶1. "
        # for "4.", the list numbered again after a heading)
        found = kind_of(d.reference_text, rest.of(capture.text))
        kind, note = numbered(found, reference.text, d.reference, capture.text, rest)
        edit.append(divergence(reference, capture, kind, d.reference, rest, note=note))
    at = d.reference.start if tail_first else d.reference.end
    note = "words in the copy that the reference does not have"
    inserted = [divergence(reference, capture, Kind.INSERTION, Span(at, at), lines, note=note)]
    return inserted + edit if tail_first else edit + inserted


def _furniture(found: tuple[Severity, str] | None, lines: str) -> bool:
    """Whether `interruption` found page furniture, a caption or credit (also where it
    follows a sentence left without its full stop), or lines that are no sentences (a
    heading): what a page sets beside a copy, not prose of its own (which may be the
    copy's own words rewritten)."""
    return found is not None and (
        found[0] is Severity.COSMETIC
        or found[1] in (_A_CAPTION[1], _NOT_SENTENCES)
        or _CAPTION.match(lines.strip().lstrip("[(")) is not None
    )


def _a_box(reference: Document, text: str, lines: Span) -> bool:
    """Whether `lines` of `text` are page furniture set apart (`_furniture` of what
    `interruption` finds there). Lines the page repeats are not read as running headers
    here: a block printed twice is a duplication, `_duplications` reads it."""
    found = interruption(text, lines, frozenset(), _vocabulary(reference.text))
    return _furniture(found, lines.of(text))


def _few_lines(text: str, lines: Span) -> bool:
    """Whether `lines` of `text` are few and short, as furniture is (a box label, a credit,
    a page number), not a page of prose beside the statement. Read in place: each line
    break of a long edit asks it of the lines after it."""
    return (
        lines.end - lines.start <= _FURNITURE_CHARACTERS
        and text.count("\n", lines.start, lines.end) < _FURNITURE_LINES
    )


_FURNITURE_CHARACTERS = 300
_FURNITURE_LINES = 8
"""Most characters and line breaks of furniture set apart from an edit (`_furniture_apart`)."""
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r?\n[ \t]*)+")
"""A run of line breaks (and the blanks around them) inside an edit's copy side."""


def _a_line_of(reference: Document, text: str) -> bool:
    """True when `text` (5 words or more) is, folded, a whole line of the reference."""
    folded = _folded(text)
    if len(folded.split()) < MOVE_MIN_WORDS:
        return False
    return folded in _folded_lines(reference.text)


@lru_cache(maxsize=4)
def _folded_lines(reference: str) -> frozenset[str]:
    return frozenset(_folded(line) for line in reference.splitlines() if line.strip())


def _folded(text: str) -> str:
    return folded(text).strip()
