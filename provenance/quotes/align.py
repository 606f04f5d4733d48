"""The reference stretch nearest a quotation, by characters: seed, settle, classify.

`provenance.quotes.verdicts` asks this module for the nearest stretch when a quotation is not
verbatim. rapidfuzz's `partial_ratio_alignment` seeds a window as long as the quotation;
the engine's `align_texts` settles it word by word; the edits are classified with the
engine's kinds only when the quotation turns out close enough to be `altered`.

The seed is the costly part for long quotations: `partial_ratio_alignment` slides the
quotation over the whole reference, in time growing with both lengths. A quotation
longer than `SEED_WHOLE` characters is therefore first placed by its words: every word
it shares with the reference votes for where the quotation would start, rare words
counting more, and `partial_ratio_alignment` runs only on the few stretches that
gathered most votes. Shorter quotations (Putin's "stage-by-stage" look-alike, every
quotation of the bundled corpus but the longest) are searched across the whole
reference, as before.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from provenance.align import align_texts
from provenance.classify import divergence
from provenance.kinds import kind_of
from provenance.model import Divergence, Document, Edit, Normalised, Span
from provenance.normalise import folded

SEED_WHOLE = 200
"""Quotations up to this many folded characters are seeded against the whole reference."""
SEED_VOTED = 1000
"""Quotations longer than this are seeded by their words' votes alone (`_voted`)."""
SEED_REGIONS = 3
"""Most stretches of the reference a long quotation's seed is searched in."""
RARE_HITS = 16
"""Words occurring more often than this in the reference do not vote (the, of, and)."""

_EDGE = " \t\n\r\u00a0,.;:!?"
_QUOTE_FOLD = str.maketrans("'", '"')
_WORDS = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"\S+")


def fold(text: str) -> str:
    """Comparison form of a quotation: the engine's folds, one kind of quotation mark.

    >>> fold("  ‘double freezing’, ")
    '"double freezing"'
    """
    return folded(text).translate(_QUOTE_FOLD).strip(_EDGE)


@dataclass(frozen=True, slots=True, eq=False)
class Words:
    """Where each word of the folded reference starts, for placing long quotations.
    Hashed by identity: one is built for each reference, and `_seed` remembers by it."""

    positions: dict[str, tuple[int, ...]]

    @classmethod
    def build(cls, folded: str) -> Words:
        positions: dict[str, list[int]] = defaultdict(list)
        for m in _WORDS.finditer(folded):
            positions[m.group()].append(m.start())
        return cls({w: tuple(p) for w, p in positions.items()})


@dataclass(frozen=True, slots=True)
class Settled:
    """The reference stretch a quotation was aligned with."""

    span: Span
    """In reference offsets, trimmed of the seed window's spare words."""
    similarity: float
    """rapidfuzz ratio (0-100) of the folded quotation and the folded stretch."""
    edits: tuple[Edit, ...]
    """Token edits from the stretch to the quotation, in original offsets on both sides."""


def settle(
    reference: Document, folded: Normalised, words: Words, capture: Document, core: Span
) -> Settled | None:
    """Seed with rapidfuzz, settle with the engine's alignment; None when nothing aligns.

    Args:
        reference: The reference document.
        folded: The reference, normalised and `fold`ed, with its map to the original.
        words: `Words.build(folded.text)`.
        capture: The capture holding the quotation.
        core: The quotation's words in capture offsets.
    """
    needle = fold(core.of(capture.text))
    if len(needle) < 3:
        return None
    seed = _seed(needle, folded.text, words)
    if seed is None:
        return None
    margin = len(needle) // 3 + 10
    lo = folded.text.rfind(" ", 0, max(0, seed[0] - margin)) + 1
    hi = folded.text.find(" ", min(len(folded.text), seed[1] + margin))
    window = folded.span(lo, len(folded.text) if hi < 0 else hi)
    edits = align_texts(
        window.of(reference.text),
        core.of(capture.text),
        reference_offset=window.start,
        copy_offset=core.start,
    )
    while edits and edits[0].tag == "delete":
        edits.pop(0)
    while edits and edits[-1].tag == "delete":
        edits.pop()
    if not edits:
        return None
    edits[0] = _trim_edge(edits[0], reference.text, capture.text, head=True)
    edits[-1] = _trim_edge(edits[-1], reference.text, capture.text, head=False)
    span = Span(edits[0].reference.start, edits[-1].reference.end)
    similarity = fuzz.ratio(needle, fold(span.of(reference.text)), processor=None)
    return Settled(span, similarity, tuple(edits))


def settle_words(
    reference: Document, folded: Normalised, words: Words, capture: Document, core: Span
) -> Settled | None:
    """Like `settle`, but word by word: for short quotations with one word swapped.

    The character diff's semantic clean-up can fold a whole short sentence into one
    replacement when a name and an apostrophe both differ ("Pyongyang's" for "the
    DPRK’s"); matching folded words (difflib, no junk heuristic) keeps the shared ones.
    """
    needle = fold(core.of(capture.text))
    seed = _seed(needle, folded.text, words) if len(needle) >= 3 else None
    if seed is None:
        return None
    margin = len(needle) // 3 + 10
    window = folded.span(max(0, seed[0] - margin), min(len(folded.text), seed[1] + margin))
    ref_tokens = [(m, fold(m.group())) for m in _TOKEN.finditer(window.of(reference.text))]
    own_tokens = [(m, fold(m.group())) for m in _TOKEN.finditer(core.of(capture.text))]
    matcher = SequenceMatcher(
        None, [t for _, t in ref_tokens], [t for _, t in own_tokens], autojunk=False
    )
    codes = list(matcher.get_opcodes())
    while codes and codes[0][0] == "delete":
        codes.pop(0)
    while codes and codes[-1][0] == "delete":
        codes.pop()
    if not any(c[0] == "equal" for c in codes):
        return None
    # A replacement at either edge takes no more reference words than the quotation puts
    # there, those nearest the words it shares: "call on all parties" is "calling on all
    # parties", not "[t]he Parties are calling on all parties" (the window's words before
    # it, which made it a paraphrase of another passage).
    # (only where the word next to the shared ones is the reference's, inflected)
    tag, i1, i2, j1, j2 = codes[0]
    if (
        tag == "replace"
        and i2 - i1 > j2 - j1
        and _inflected(own_tokens[j2 - 1], ref_tokens[i2 - 1])
    ):
        codes[0] = (tag, i2 - (j2 - j1), i2, j1, j2)
    tag, i1, i2, j1, j2 = codes[-1]
    if tag == "replace" and i2 - i1 > j2 - j1 and _inflected(own_tokens[j1], ref_tokens[i1]):
        codes[-1] = (tag, i1, i1 + (j2 - j1), j1, j2)

    def ref_span(i: int, j: int, at: int) -> Span:
        if i == j:
            return Span(at, at)
        return Span(
            window.start + ref_tokens[i][0].start(), window.start + ref_tokens[j - 1][0].end()
        )

    def own_span(i: int, j: int, at: int) -> Span:
        if i == j:
            return Span(at, at)
        return Span(core.start + own_tokens[i][0].start(), core.start + own_tokens[j - 1][0].end())

    edits = []
    for tag, i1, i2, j1, j2 in codes:
        r_at = window.start + (ref_tokens[i1][0].start() if i1 < len(ref_tokens) else len(window))
        o_at = core.start + (own_tokens[j1][0].start() if j1 < len(own_tokens) else len(core))
        edits.append(Edit(tag, ref_span(i1, i2, r_at), own_span(j1, j2, o_at)))
    span = Span(edits[0].reference.start, edits[-1].reference.end)
    similarity = fuzz.ratio(needle, fold(span.of(reference.text)), processor=None)
    return Settled(span, similarity, tuple(edits))


def _inflected(own: tuple[re.Match[str], str], ref: tuple[re.Match[str], str]) -> bool:
    """Whether two folded tokens are one word inflected otherwise ("call", "calling"): the
    same first four letters or more, one the other's start."""
    a, b = own[1], ref[1]
    return len(a) >= 4 and len(b) >= 4 and (a.startswith(b[:4]) and b.startswith(a[:4]))


def classified(
    reference: Document, capture: Document, edits: tuple[Edit, ...]
) -> tuple[Divergence, ...]:
    """The edits other than `equal` as divergences, with the engine's kinds and severities."""
    out = []
    for edit in edits:
        if edit.tag == "equal":
            continue
        kind, note = kind_of(edit.reference.of(reference.text), edit.copy.of(capture.text))
        out.append(divergence(reference, capture, kind, edit.reference, edit.copy, note=note))
    return tuple(out)


def _seed(needle: str, haystack: str, words: Words) -> tuple[int, int] | None:
    """(start, end) in `haystack` of the window as long as `needle` that best matches it.

    Remembered for needles up to `SEED_REMEMBERED` characters: pages quote the same lines
    of a document (a scan meets one quotation in article after article), and seeding
    costs a millisecond against the whole reference.
    """
    if len(needle) <= SEED_REMEMBERED:
        return _remembered_seed(needle, haystack, words)
    return _seed_of(needle, haystack, words)


SEED_REMEMBERED = 1000
"""Longest needle `_seed` remembers, 1,024 of them at most: a few MB, whatever a scan reads."""


@lru_cache(maxsize=1024)
def _remembered_seed(needle: str, haystack: str, words: Words) -> tuple[int, int] | None:
    return _seed_of(needle, haystack, words)


def _seed_of(needle: str, haystack: str, words: Words) -> tuple[int, int] | None:
    # processor=None: both sides are already normalised, and offsets must stay ours.
    if len(needle) > SEED_VOTED:
        return _voted(needle, haystack, words)
    if len(needle) <= SEED_WHOLE:
        found = fuzz.partial_ratio_alignment(needle, haystack, processor=None)
        return None if found is None else (found.dest_start, found.dest_end)
    best: tuple[float, int, int] | None = None
    for lo, hi in _regions(needle, haystack, words):
        cutoff = best[0] if best else 0
        found = fuzz.partial_ratio_alignment(
            needle, haystack[lo:hi], processor=None, score_cutoff=cutoff
        )
        # Strictly better only: on a tie the earlier stretch wins, as in a whole search.
        if found is not None and (best is None or found.score > best[0]):
            best = (found.score, lo + found.dest_start, lo + found.dest_end)
    return None if best is None else (best[1], best[2])


def _voted(needle: str, haystack: str, words: Words) -> tuple[int, int] | None:
    """The seed of a long quotation: where its rare words' votes say it starts (`_regions`'
    best bin), as long as the needle. `partial_ratio_alignment` of a needle of thousands
    of characters costs seconds (a page of 20 KB, its quotation marks scattered through
    a list of the statement's words, took two and a half minutes); `settle` aligns a
    window around the seed, a third of the needle wider on each side, whatever it is."""
    size = max(32, len(needle) // 4)
    votes = _votes(needle, words, size)
    if not votes:
        return None  # none of its rarer words is the reference's: nothing to seed
    best = min(votes, key=lambda b: (-votes[b], b))
    start = min(max(0, best * size), len(haystack))
    return start, min(len(haystack), start + len(needle))


def _votes(needle: str, words: Words, size: int) -> dict[int, float]:
    """For each bin of `size` characters of the reference, the votes of the needle's rare
    words for the quotation starting in it (see `_regions`)."""
    votes: dict[int, float] = defaultdict(float)
    for m in _WORDS.finditer(needle):
        hits = words.positions.get(m.group(), ())
        if len(hits) > RARE_HITS:
            continue
        for at in hits:
            votes[(at - m.start()) // size] += 1 / len(hits)
    return votes


def _regions(needle: str, haystack: str, words: Words) -> list[tuple[int, int]]:
    """Stretches of `haystack` where the needle's words say it most likely starts.

    Each reference occurrence of a needle word votes for the start it implies, with
    weight 1 / (occurrences of that word), so rare words place the quotation; words
    more common than `RARE_HITS` do not vote. Votes are pooled in bins a quarter of the
    needle long; the best `SEED_REGIONS` bins, widened by a bin on either side for
    insertions and omissions, are the stretches searched (overlapping ones merged).
    With no vote at all the whole reference is searched.
    """
    size = max(32, len(needle) // 4)
    votes = _votes(needle, words, size)
    if not votes:
        return [(0, len(haystack))]
    top = sorted(votes, key=lambda b: (-votes[b], b))[:SEED_REGIONS]
    spans: list[tuple[int, int]] = []
    for b in sorted(top):
        lo = max(0, (b - 1) * size)
        hi = min(len(haystack), (b + 2) * size + len(needle))
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


_PARAGRAPH_OPENS = re.compile(r"[ \t]*\n")
_PARAGRAPH_ENDS = re.compile(r"\n[ \t]*$")


def _trim_edge(edit: Edit, reference: str, copy: str, *, head: bool) -> Edit:
    """At the window's edge, a replacement keeps only as many reference words as the copy has.

    The window is wider than the quotation, so "Asia. In" -> "in" at its start is
    really the window's spare words plus a case change.
    """
    if edit.tag != "replace":
        return edit
    ours, theirs = edit.copy.of(copy), edit.reference.of(reference)
    if "\n" not in ours:
        # Words the quotation adds past a paragraph's end, or before its start, are not a
        # rendering of the next (or last) paragraph's words: an insertion at the break.
        if not head and _PARAGRAPH_OPENS.match(theirs):
            return Edit("insert", Span(edit.reference.start, edit.reference.start), edit.copy)
        if head and _PARAGRAPH_ENDS.search(theirs):
            return Edit("insert", Span(edit.reference.end, edit.reference.end), edit.copy)
    ref_words = list(_WORDS.finditer(theirs))
    keep = len(_WORDS.findall(edit.copy.of(copy)))
    if keep == 0 or keep >= len(ref_words):
        return edit
    start, end = edit.reference.start, edit.reference.end
    if head:
        start += ref_words[-keep].start()
    else:
        end = start + ref_words[keep - 1].end()
    return Edit(edit.tag, Span(start, end), edit.copy)
