"""Find every passage of a capture that copies part of the reference.

Seeds are shared runs of `seed_words` consecutive words (hashed word n-grams, which
scale to large collections); seeds on a common diagonal chain into candidate passages;
rapidfuzz scores each candidate; boundaries are settled word by word and then
character by character on the normalised text, and mapped back to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from provenance.model import Document, Normalised, Passage, PassageKind, Span
from provenance.normalise import normalise

_WORD = re.compile(r"[^\W_]+")
_SEED_WORDS = 5


@dataclass(frozen=True, slots=True)
class LocateOptions:
    """Thresholds of `locate`; the defaults are the ones the bundled corpus was checked with."""

    seed_words: int = _SEED_WORDS
    """Length of the exact word runs that seed a passage."""
    min_words: int = 12
    """Fewest capture words a passage must span; shorter quotations are the quotes stage's."""
    max_inserted_words: int = 12
    """Most unmatched capture words inside one passage; more splits it in two."""
    max_omitted_words: int = 150
    """Most reference words a passage may skip (an omission) and still be one passage."""
    full_share: float = 0.95
    """Share of the reference a passage must cover to be a `full` copy."""
    min_score: float = 60.0
    """Lowest rapidfuzz ratio (0-100, normalised texts) for a candidate to be kept."""


@dataclass(frozen=True, slots=True)
class PreparedReference:
    """The reference normalised and indexed once, for locating in any number of documents."""

    document: Document
    normalised: Normalised
    words: tuple[tuple[str, int, int], ...]
    """(word, start, end) in the normalised text."""
    index: dict[tuple[str, ...], tuple[int, ...]]
    """Word n-gram -> positions of its first word."""
    seed_words: int


def prepare(reference: Document, *, seed_words: int = _SEED_WORDS) -> PreparedReference:
    """Normalise and index the reference for `locate`."""
    normalised = normalise(reference.text)
    words = _words(normalised.text)
    index: dict[tuple[str, ...], list[int]] = {}
    names = [w for w, _, _ in words]
    for i in range(len(names) - seed_words + 1):
        index.setdefault(tuple(names[i : i + seed_words]), []).append(i)
    return PreparedReference(
        document=reference,
        normalised=normalised,
        words=words,
        index={k: tuple(v) for k, v in index.items()},
        seed_words=seed_words,
    )


def locate(
    reference: PreparedReference, capture: Document, *, options: LocateOptions = LocateOptions()
) -> list[Passage]:
    """Find every passage of `capture` that copies part of the reference.

    A pure function of its arguments, so a scan can call it on any number of documents.

    Args:
        reference: The prepared reference (see `prepare`).
        capture: A document that may contain full copies and excerpts.
        options: Thresholds; see LocateOptions.

    Returns:
        Passages in capture order; spans are original-file offsets on both sides.
    """
    if options.seed_words != reference.seed_words:
        reference = prepare(reference.document, seed_words=options.seed_words)
    normalised = normalise(capture.text)
    words = _words(normalised.text)
    chains = _chains(reference, [w for w, _, _ in words], options)
    passages = []
    for j0, j1, i0, i1 in chains:
        j0, j1, i0, i1 = _settle_words(reference, words, j0, j1, i0, i1)
        if j1 - j0 < options.min_words:
            continue
        passage = _passage(reference, normalised, words, (j0, j1, i0, i1), options)
        if passage is not None:
            passages.append(passage)
    return sorted(passages, key=lambda p: (p.copy.start, p.copy.end))


def _words(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((m.group(), m.start(), m.end()) for m in _WORD.finditer(text))


def _chains(
    reference: PreparedReference, names: list[str], options: LocateOptions
) -> list[tuple[int, int, int, int]]:
    """Chain seed hits into (capture word start, end, reference word start, end)."""
    n = reference.seed_words
    open_chains: list[list[int]] = []  # [j0, i0, j_last, i_last]
    done: list[list[int]] = []
    for j in range(len(names) - n + 1):
        hits = reference.index.get(tuple(names[j : j + n]))
        if not hits:
            continue
        still_open = []
        for chain in open_chains:
            if j - (chain[2] + n) > options.max_inserted_words:
                done.append(chain)
            else:
                still_open.append(chain)
        open_chains = still_open
        for i in hits:
            best: list[int] | None = None
            best_drift = 0
            for chain in open_chains:
                dj, di = j - chain[2], i - chain[3]
                if dj <= 0 or di <= 0 or di - n > options.max_omitted_words:
                    continue
                drift = abs(dj - di)
                if best is None or drift < best_drift:
                    best, best_drift = chain, drift
            if best is not None:
                best[2], best[3] = j, i
            else:
                open_chains.append([j, i, j, i])
    done.extend(open_chains)
    spans = [(c[0], c[2] + n, c[1], c[3] + n) for c in done]
    # A chain inside another chain's capture words is a repeat of the same text; drop it.
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, int, int]] = []
    for span in spans:
        if kept and span[1] <= kept[-1][1]:
            if span[1] - span[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = span
            continue
        kept.append(span)
    return _join_moves(kept, options)


def _join_moves(
    spans: list[tuple[int, int, int, int]], options: LocateOptions
) -> list[tuple[int, int, int, int]]:
    """Join X, Y, Z into one passage when Y is a stretch of X..Z's reference moved.

    A paragraph moved inside a copy breaks the chain in three: the text before it (X),
    the moved text (Y) and the text after (Z), where Z's reference carries on from X's
    and Y's reference lies inside X..Z. They are one copy with one reordering, so they
    become one passage and align (then analyse) reports the move.
    """
    out = list(spans)
    k = 0
    while k + 2 < len(out):
        x, y, z = out[k], out[k + 1], out[k + 2]
        adjacent = (
            y[0] - x[1] <= options.max_inserted_words and z[0] - y[1] <= options.max_inserted_words
        )
        continues = -options.seed_words <= z[2] - x[3] <= options.max_omitted_words
        inside = x[2] <= y[2] and y[3] <= z[3]
        if adjacent and continues and inside:
            out[k : k + 3] = [(x[0], z[1], x[2], z[3])]
        else:
            k += 1
    return out


def _settle_words(
    reference: PreparedReference,
    words: tuple[tuple[str, int, int], ...],
    j0: int,
    j1: int,
    i0: int,
    i1: int,
) -> tuple[int, int, int, int]:
    """Grow a chain over neighbouring words that match, tolerating one changed word."""
    ref = reference.words
    # Backwards: exact words, or one substituted word followed by two that match.
    while True:
        if j0 > 0 and i0 > 0 and words[j0 - 1][0] == ref[i0 - 1][0]:
            j0, i0 = j0 - 1, i0 - 1
        elif j0 > 2 and i0 > 2 and all(words[j0 - k][0] == ref[i0 - k][0] for k in (2, 3)):
            j0, i0 = j0 - 3, i0 - 3
        else:
            break
    while True:
        if j1 < len(words) and i1 < len(ref) and words[j1][0] == ref[i1][0]:
            j1, i1 = j1 + 1, i1 + 1
        elif (
            j1 + 2 < len(words)
            and i1 + 2 < len(ref)
            and all(words[j1 + k][0] == ref[i1 + k][0] for k in (1, 2))
        ):
            j1, i1 = j1 + 3, i1 + 3
        else:
            break
    return j0, j1, i0, i1


def _passage(
    reference: PreparedReference,
    normalised: Normalised,
    words: tuple[tuple[str, int, int], ...],
    bounds: tuple[int, int, int, int],
    options: LocateOptions,
) -> Passage | None:
    """Settle character boundaries and map the candidate back to both originals."""
    j0, j1, i0, i1 = bounds
    ctext, rtext = normalised.text, reference.normalised.text
    cs, ce = words[j0][1], words[j1 - 1][2]
    rs, re_ = reference.words[i0][1], reference.words[i1 - 1][2]
    # Punctuation that both sides share and that clings to the edge words (an opening
    # quote, a closing full stop) belongs to the passage; a space ends it, so the last
    # full stop of the text before an excerpt is never swallowed.
    while cs > 0 and rs > 0 and ctext[cs - 1] == rtext[rs - 1] != " ":
        cs, rs = cs - 1, rs - 1
    while ce < len(ctext) and re_ < len(rtext) and ctext[ce] == rtext[re_] != " ":
        ce, re_ = ce + 1, re_ + 1
    score = fuzz.ratio(ctext[cs:ce], rtext[rs:re_], processor=None)  # we normalise ourselves
    if score < options.min_score:
        return None
    copy = normalised.span(cs, ce)
    ref_span = reference.normalised.span(rs, re_)
    share = len(ref_span) / max(1, len(reference.document.text))
    kind = PassageKind.FULL if share >= options.full_share else PassageKind.EXCERPT
    return Passage(kind=kind, copy=copy, reference=Span(ref_span.start, ref_span.end), score=score)
