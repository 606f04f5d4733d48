"""Find every passage of a capture that copies part of the reference.

Seeds are shared runs of `seed_words` consecutive words (hashed word n-grams, which
scale to large collections); seeds on a common diagonal chain into runs; runs that are
one copy (its parts reordered, repeated, or with foreign material between them) group
into one passage made of segments; rapidfuzz scores each passage; boundaries are
settled word by word and then character by character on the normalised text, and
mapped back to the original. The rules and their thresholds: docs/locate.md.

The package: `seeds` finds where in a capture the reference's word n-grams may lie (at
C speed, so that only windows around them are read); `texts` holds a window's words and
the runs found in them; `runs` chains seeds into runs, `groups` groups runs into copies,
`order` splits a group quoted out of order, and `edges` settles each run's edges; this
module reads the windows, turns each group into a passage and scores it.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from rapidfuzz import fuzz

from provenance.footnotes import FOOTNOTE, hanging_marker
from provenance.locate.edges import _added_marker, _line_edges, _without_echo_at_end
from provenance.locate.order import _copies
from provenance.locate.runs import (
    _BOUNDARY,
    _chains,
    _EdgeError,
    _groups,
    _mistyped,
    _Run,
    _sentence_starts,
    _settle,
    _Texts,
    _words,
)
from provenance.locate.seeds import _SeedFinder
from provenance.locate.texts import _WORD, _Gaps, _mark_count
from provenance.locate.texts import content_words as content_words
from provenance.model import Document, Normalised, Passage, PassageKind, Segment, Span
from provenance.normalise import cut_after, cut_before, normalise, normalise_part

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
    max_interruption_words: int = 80
    """Most foreign words (page furniture, a link box, an advertisement, a caption) that
    may stand inside one copy, when the copy carries on after them where it stopped."""
    max_commentary_words: int = 200
    """Most words of the page's own that may stand between the two halves of a copy of
    the whole text, where the page lost reference words (see `groups._halves`)."""
    continuity_words: int = 3
    """Most reference words a copy may skip across an interruption and still carry on."""
    translation_words: int = 40
    """A passage shorter than this is checked for being a phrase an independent
    translation shares by chance: see `context_share`."""
    context_words: int = 20
    """Words of the capture's paragraph read on each side of a short passage."""
    context_share: float = 0.4
    """Share of those words' content words that the reference's words around the same
    place also have, from which the passage reads as part of another translation of
    the same text rather than a copy (docs/locate.md)."""
    min_exact_share: float = 0.5
    """Least share of a passage's words that must lie in exact seed runs; below it the
    passage reads as an independent translation that shares some phrases (docs/locate.md)."""
    sentence_words: int = 6
    """Fewest words a passage shorter than `min_words` must match, when it stands as whole
    sentences of the reference (docs/locate.md)."""
    sentence_share: float = 0.8
    """Least share of such a passage's words that match its reference sentences, words
    an ellipsis stands for counting as matched."""


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
    finder: _SeedFinder
    """The n-grams for a C-speed first pass over a whole capture."""
    gaps: _Gaps
    """What lies between each two neighbouring words (sentence ends, line breaks, marks)."""


def prepare(reference: Document, *, seed_words: int = _SEED_WORDS) -> PreparedReference:
    """Normalise and index the reference for `locate`."""
    normalised = normalise(reference.text)
    words = _words(normalised.text)
    index: dict[tuple[str, ...], list[int]] = {}
    names = [w for w, _, _ in words]
    for i in range(len(names) - seed_words + 1):
        index.setdefault(tuple(names[i : i + seed_words]), []).append(i)
    finder = _SeedFinder.of(index)
    for step in (finder.first, finder.matcher) if finder.expressions else ():
        if step.ready:
            step.compile()  # loaded from disk now, not in the first capture's time
    return PreparedReference(
        document=reference,
        normalised=normalised,
        words=words,
        index={k: tuple(v) for k, v in index.items()},
        seed_words=seed_words,
        finder=finder,
        gaps=_Gaps.of(reference.text, normalised, words),
    )


def shares_seed(reference: PreparedReference, text: str) -> bool:
    """Whether `text` holds a run of `seed_words` words the reference has (after folding).

    A seed is the least a passage is made of, so text without one can hold no part of a
    copy: the pipeline reads a page's furniture (a sidebar, a footer) only where it shares
    one, and sets aside the rest (a menu, a weather box), which reading could only add as
    foreign material.

    >>> prepared = prepare(Document("r", "r.txt", "", 0, "The Parties agree on the text."))
    >>> shares_seed(prepared, "Home | the parties agree on the text"), shares_seed(prepared, "Home")
    (True, False)
    """
    names = [w for w, _, _ in _words(normalise(text).text)]
    n = reference.seed_words
    return any(tuple(names[k : k + n]) in reference.index for k in range(len(names) - n + 1))


def locate(
    reference: PreparedReference,
    capture: Document,
    *,
    options: LocateOptions = LocateOptions(),
    quoted: tuple[Span, ...] = (),
) -> list[Passage]:
    """Find every passage of `capture` that copies part of the reference.

    A pure function of its arguments, so a scan can call it on any number of documents.

    Args:
        reference: The prepared reference (see `prepare`).
        capture: A document that may contain full copies and excerpts.
        options: Thresholds; see LocateOptions.
        quoted: Stretches of `capture` its markup sets out as block quotations
            (`Extracted.quoted`): two of them with the page's own paragraph between are
            two passages, never one copy with an interruption.

    Returns:
        Passages in capture order; spans are original-file offsets on both sides. A copy
        whose parts are reordered, repeated or interrupted is one passage with segments.
    """
    if options.seed_words != reference.seed_words:
        reference = prepare(reference.document, seed_words=options.seed_words)
    original = capture.text
    finder = reference.finder
    worth = finder.worth(original)
    if not worth or len(original) <= _WINDOWED * _MARGIN:
        # One window, the whole text: most pages of a collection are this short, and
        # reading their words costs less than a callback for every match.
        if worth and finder.absent(original):
            return []  # most pages of a collection: no need to normalise them
        normalised = normalise(original)
        words = _words(normalised.text)
        texts = _Texts(reference, normalised, words, original, (0, len(words)), quoted)
        return sorted(_window_passages(texts, options), key=_order)
    matches, whole = finder.matches(original)
    # Words are read only in windows around the finder's matches, each normalised on its
    # own (or read from `whole`, when the page had to be normalised to be scanned). A
    # window is wide enough when nothing found in it reaches within `edge` words of a
    # side that is not the text's own: then no run, group, settled edge or context read
    # differs from reading the whole text's words, and groups of two windows never join
    # (more than `max_interruption_words`, or `max_commentary_words`, apart). Otherwise
    # every window is widened.
    joined = max(options.max_interruption_words, options.max_commentary_words)
    edge = joined + options.context_words + reference.seed_words
    text = original if whole is None else whole.text
    margin = _MARGIN
    while True:
        try:
            passages = []
            for start, end in _windows(text, matches, margin):
                if whole is None:
                    normalised = normalise_part(original, start, end)
                    words = _words(normalised.text)
                else:
                    normalised, words = whole, _words(whole.text, start, end)
                inside = (
                    edge if start > 0 else 0,
                    len(words) - (edge if end < len(text) else 0),
                )
                texts = _Texts(reference, normalised, words, original, inside, quoted)
                passages.extend(_window_passages(texts, options))
            break
        except _EdgeError:
            margin *= 4
    return sorted(passages, key=_order)


def _order(passage: Passage) -> tuple[int, int]:
    return passage.copy.start, passage.copy.end


def _windows(text: str, matches: list[tuple[int, int]], margin: int) -> list[tuple[int, int]]:
    """Windows [start, end) of `text` around the matches, `margin` characters wide on each
    side, widened to cuts (`normalise.cut_before`, `cut_after`) and merged where they
    overlap or touch. In text order. A window's cuts are looked for no further back than
    the window before it, so a text with few cuts (no spaces) is read once, not once a
    window."""
    widened: list[list[int]] = []
    for start, end in matches:
        if widened and start - margin <= widened[-1][1]:
            widened[-1][1] = max(widened[-1][1], end + margin)
        else:
            widened.append([start - margin, end + margin])
    merged: list[tuple[int, int]] = []
    for start, end in widened:
        floor = merged[-1][1] if merged else 0
        if start <= floor and merged:
            if end > floor:
                merged[-1] = (merged[-1][0], cut_after(text, min(end, len(text))))
            continue
        start = cut_before(text, start, floor)
        end = cut_after(text, min(end, len(text)))
        if merged and start <= floor:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_MARGIN = 2000
"""Characters read on each side of a match at first (see `locate`)."""
_WINDOWED = 8
"""A text longer than this many margins is read in windows; a shorter one (most pages of
a collection) is read whole, which costs less than a callback for every match."""


def _window_passages(texts: _Texts, options: LocateOptions) -> list[Passage]:
    passages = []
    runs = _chains(texts, options)
    groups = [
        copy for group in _groups(texts, runs, options) for copy in _copies(texts, group, options)
    ]
    for k, group in enumerate(groups):
        floor = groups[k - 1][-1].j1 if k else 0
        ceiling = groups[k + 1][0].j0 if k + 1 < len(groups) else len(texts.words)
        passage = _passage(texts, group, (floor, ceiling), options)
        if passage is not None:
            passages.append(passage)
        elif len(group) > 1:
            passages.extend(_apart(texts, group, (floor, ceiling), options))
    return passages


def _apart(
    texts: _Texts, group: list[_Run], bounds: tuple[int, int], options: LocateOptions
) -> list[Passage]:
    """Each run of a group that fails as one copy, as a passage of its own where it is one.

    Two excerpts in the reverse of the reference's order, with the paragraphs between
    them dropped, group as one copy whose score (against the whole stretch they span)
    fails: both were lost."""
    passages = []
    for k, run in enumerate(group):
        floor = group[k - 1].j1 if k else bounds[0]
        ceiling = group[k + 1].j0 if k + 1 < len(group) else bounds[1]
        passage = _passage(texts, [run], (floor, ceiling), options)
        if passage is not None:
            passages.append(passage)
    return passages


def _passage(
    texts: _Texts, group: list[_Run], bounds: tuple[int, int], options: LocateOptions
) -> Passage | None:
    """Settle a group's runs, check it is a copy, and map it back to both originals.

    `bounds` are the capture words the neighbouring passages start and end at.
    """
    group = _sentence_starts(texts, _without_echo_at_end(texts, group))
    # (the words the runs matched, before their edges took in changed words: a title's
    # "of the Russian Federation and the People's Republic of China on the ..." took "on
    # the" for "are the" and reached `min_words`, an excerpt of the statement's opening)
    # (and of the reference's words, not the capture's: "the Russian Federation and the
    # Government of the People's Republic of China" is ten of the statement's in thirteen)
    matched = sum(min(r.j1 - r.j0, r.i1 - r.i0) for r in group)
    runs: list[_Run] = []
    for k, run in enumerate(group):
        lo = runs[-1].j1 if runs else bounds[0]
        hi = group[k + 1].j0 if k + 1 < len(group) else bounds[1]
        after = group[k + 1].i0 if k + 1 < len(group) else -1
        before = runs[-1].i1 if runs and runs[-1].i1 <= run.i0 else 0
        runs.append(_settle(texts, run, lo, hi, after if after >= run.i1 else None, before))
        texts.check_inside(runs[-1].j0, runs[-1].j1)
    runs = _line_edges(texts, runs, *bounds)
    texts.check_inside(runs[0].j0, runs[-1].j1)
    copied = sum(r.j1 - r.j0 for r in runs)
    if copied < options.min_words:
        whole = _whole_sentences(texts, runs, bounds, options)
        if whole is None:
            return None
        runs, copied = whole, sum(r.j1 - r.j0 for r in whole)
    elif (
        matched < options.min_words
        and _other_words_in(texts, runs)
        and _whole_sentences(texts, runs, bounds, options) is None
    ):
        return None  # as short as that, unless whole sentences: see `matched`
    if sum(r.exact for r in runs) < options.min_exact_share * copied:
        return None  # phrases shared by an independent translation, not a copy
    if copied < options.translation_words and (
        _translated(texts, runs, bounds, options) or _sentences_between(texts, runs)
    ):
        return None
    spans: list[tuple[int, int, int, int]] = []
    for k, run in enumerate(runs):
        after = runs[k + 1].j0 if k + 1 < len(runs) else bounds[1]
        spans.append(_characters(texts, run, spans[-1][1] if spans else 0, after))
    ctext, rtext = texts.normalised.text, texts.reference.normalised.text
    cs, ce = spans[0][0], spans[-1][1]
    rs, re_ = min(s[2] for s in spans), max(s[3] for s in spans)
    # The runs in the reference's order: a moved paragraph is still the reference's text
    # (its move is a divergence), so how much is copied does not depend on the order.
    copy_text = " ".join(ctext[s[0] : s[1]] for s in sorted(spans, key=itemgetter(2)))
    score = _ratio(copy_text, rtext[rs:re_])
    if score < options.min_score:
        return None
    reference = texts.reference
    ref_span = reference.normalised.span(rs, re_)
    share = len(ref_span) / max(1, len(reference.document.text))
    kind = PassageKind.FULL if share >= options.full_share else PassageKind.EXCERPT
    segments: tuple[Segment, ...] = ()
    if len(spans) > 1:
        segments = tuple(
            Segment(texts.normalised.span(s[0], s[1]), reference.normalised.span(s[2], s[3]))
            for s in spans
        )
    return Passage(
        kind=kind,
        copy=texts.normalised.span(cs, ce),
        reference=Span(ref_span.start, ref_span.end),
        score=score,
        segments=segments,
    )


def _other_words_in(texts: _Texts, runs: list[_Run]) -> bool:
    """Whether settled `runs` hold a word of the capture that is no word of their reference
    stretch nor a slip of one: taken in at an edge ("on" in "... People's Republic of China
    on the", where the reference goes on "are the"), or inside ("the Ministry of Foreign
    Affairs of the People's Republic"), rather than only the reference's words and their
    misspellings ("The Partis are")."""
    cw, rw = texts.words, texts.reference.words
    for run in runs:
        theirs = {rw[i][0] for i in range(run.i0, run.i1)}
        for j in range(run.j0, run.j1):
            word = cw[j][0]
            if word not in theirs and not any(_mistyped(word, w) for w in theirs):
                return True
    return False


def _ratio(copy_text: str, reference_text: str) -> float:
    """rapidfuzz's ratio of the two normalised texts.

    Most passages are copies with a few slips (98-99.5): told the least score that
    counts, rapidfuzz compares only within a band of the diagonal, in two fifths of the
    time, and the score it returns is exact; a score under `_LIKELY` (0 returned) is
    worked out again whole.
    """
    # processor=None: we normalise ourselves.
    likely = fuzz.ratio(copy_text, reference_text, processor=None, score_cutoff=_LIKELY)
    return likely or fuzz.ratio(copy_text, reference_text, processor=None)


_LIKELY = 95.0


_ELLIPSIS = r"[\[(]?\.(?: ?\.){2}[\])]?"
"""An elision mark after folding ("…" folds to "..."): `...`, `. . .`, `[...]`, `(...)`."""
_BREAK = re.compile(f"(?P<ellipsis>{_ELLIPSIS})|{_BOUNDARY.pattern}")
"""An ellipsis, or else a sentence end or quotation mark (see `_breaks`)."""


def _whole_sentences(
    texts: _Texts, runs: list[_Run], bounds: tuple[int, int], options: LocateOptions
) -> list[_Run] | None:
    """The runs of a passage shorter than `min_words`, widened to whole sentences, when
    the capture's sentence around them reads as the reference's sentence(s) around them;
    else None.

    The capture's sentence runs between sentence ends, quotation marks and line breaks
    (an ellipsis is none), or starts at a capitalised word that starts a reference
    sentence ("In their words, This statement..."). Aligned word by word with the
    reference's sentences, where an ellipsis may stand for any reference words, at least
    `sentence_share` of its words and `sentence_words` in all must match (a mistyped word
    matches). A chance overlap of a few words inside a sentence of other words fails; a
    short sentence quoted whole, with a word changed or some words elided, passes.
    """
    if any(b.i0 < a.i1 for a, b in itertools.pairwise(runs)):
        return None  # parts out of order: not one sentence
    runs = _between_marks(texts, runs)
    first, last = runs[0], runs[-1]
    rw, cw = texts.reference.words, texts.words
    r_lo, r_hi = first.i0, last.i1
    while not texts.reference_break(r_lo):
        r_lo -= 1
    while not texts.reference_break(r_hi):
        r_hi += 1
    most = (r_hi - r_lo) * 5 // 4  # more capture words than this cannot reach the share
    c_lo, c_hi = first.j0, last.j1
    original = texts.original[texts.normalised.to_original[cw[c_lo][1]]]
    if not (original.isupper() and r_lo == first.i0):
        while not _capture_break(texts, c_lo):
            c_lo -= 1
            if c_lo < bounds[0] or c_hi - c_lo > most:
                return None
    while not _capture_break(texts, c_hi):
        c_hi += 1
        if c_hi > bounds[1] or c_hi - c_lo > most:
            return None
    # A footnote marker hanging on the sentence's last word ("Moscow[1].") is the page's,
    # not words of the sentence: the passage ends before it, as a long one does.
    for k in range(last.j1, c_hi):
        if k + _added_marker(texts, k, r_hi) == c_hi:
            c_hi = k
            break
    texts.check_inside(c_lo, c_hi)
    tokens: list[str | None] = []  # capture words, None for an ellipsis
    for k in range(c_lo, c_hi + 1):
        if k == c_lo or k == c_hi:
            elided = _elided_at_edge(texts, k, leading=k == c_lo)
        else:
            elided = bool(_breaks(texts, cw[k - 1][2], cw[k][1])[0])
        if elided:
            tokens.append(None)
        if k < c_hi:
            tokens.append(cw[k][0])
    words = sum(t is not None for t in tokens)
    # At most this many edits leave `sentence_words` and `sentence_share` of the words
    # matched; the alignment stops as soon as it must need more.
    allowed = min(words - options.sentence_words, words - options.sentence_share * words)
    if (
        allowed < 0
        or _edits_with_elision(tokens, [w for w, _, _ in rw[r_lo:r_hi]], allowed) > allowed
    ):
        return None
    start = (first.j0, first.i0) if tokens[0] is None else (c_lo, r_lo)
    end = (last.j1, last.i1) if tokens[-1] is None else (c_hi, r_hi)
    # A quotation opening or closing inside the reference's sentence quotes from there
    # (the Parties “confirm that ...”): the sentence's words outside its marks are the
    # page's prose, not words the copy leaves out.
    if tokens[0] is not None and _quotation_mark_at(texts, c_lo):
        start = (c_lo, max(r_lo, first.i0 - _words_unbracketed(texts, c_lo, first.j0)))
    if tokens[-1] is not None and _quotation_mark_at(texts, c_hi):
        end = (c_hi, min(r_hi, last.i1 + _words_unbracketed(texts, last.j1, c_hi)))
        if _ends_alike(tokens, [w for w, _, _ in rw[r_lo:r_hi]]):
            end = (c_hi, r_hi)  # "... means … should be ruled out”": the sentence's end
    widened = (first.j0 - start[0]) + (end[0] - last.j1)
    if len(runs) == 1:
        return [_Run(start[0], end[0], start[1], end[1], first.exact + widened)]
    return [
        _Run(start[0], first.j1, start[1], first.i1, first.exact + first.j0 - start[0]),
        *runs[1:-1],
        _Run(last.j0, end[0], last.i0, end[1], last.exact + end[0] - last.j1),
    ]


def _ends_alike(tokens: list[str | None], reference: list[str]) -> bool:
    """Whether the capture's words after its last ellipsis (`tokens`, None an ellipsis)
    are the reference sentence's last words: a quotation that cuts its sentence's middle
    and closes at its end ("Any possibility of using military means … should be ruled
    out”"), whose words after the cut are not the ones after the run before it."""
    if None not in tokens[1:-1]:
        return False
    cut = len(tokens) - 1 - tokens[::-1].index(None)
    tail = [t for t in tokens[cut + 1 :] if t is not None]
    return bool(tail) and len(tail) <= len(reference) and reference[-len(tail) :] == tail


def _words_unbracketed(texts: _Texts, j0: int, j1: int) -> int:
    """How many of capture words j0..j1 stand outside square brackets: the quoter's
    insertion ("“[do not] confirm") stands for no word of the reference."""
    if j1 <= j0:
        return 0
    words, text = texts.words, texts.normalised.text
    # with the gaps on either side, where a bracket around the words opens and closes
    lo = words[j0 - 1][2] if j0 > 0 else 0
    hi = words[j1][1] if j1 < len(words) else len(text)
    stretch = text[lo:hi]
    if "[" not in stretch:
        return j1 - j0
    return len(_WORD.findall(_IN_BRACKETS.sub(" ", stretch)))  # the gaps hold no word


_IN_BRACKETS = re.compile(r"\[[^\]]*\]")


def _quotation_mark_at(texts: _Texts, k: int) -> bool:
    """Whether a quotation mark stands between capture words k - 1 and k."""
    return 0 < k < len(texts.words) and _mark_count(texts.capture_gap(k - 1, k)) > 0


def _between_marks(texts: _Texts, runs: list[_Run]) -> list[_Run]:
    """The runs of a short passage without the words across a quotation mark the capture
    has there and the reference has not: those are the prose that quotes it. In `adds
    that "the DPRK's justified concerns ...` the seeds carry "that" (the reference has
    "confirm that the DPRK's"), and widened to the sentence, "The statement adds" would
    read as the copy's words for "The Parties confirm". A lone run keeps its longest
    stretch between marks; otherwise the first keeps its words after its last mark and
    the last its words before its first mark.
    """

    def facing(run: _Run, k: int) -> int:
        """The reference word facing capture word k of `run`: along its diagonal, kept
        inside it (a run stepping over a footnote marker has more words than it copies)."""
        return max(run.i0, min(run.i0 + k - run.j0, run.i1 - 1))

    def cuts(run: _Run) -> list[int]:
        return [
            k
            for k in range(run.j0 + 1, run.j1)
            if texts.extra_marks(k - 1, k, facing(run, k - 1), facing(run, k)) > 0
        ]

    def part(run: _Run, j0: int, j1: int) -> _Run:
        i0, i1 = facing(run, j0), min(run.i1, run.i0 + j1 - run.j0)
        return _Run(j0, j1, i0, i1, max(0, run.exact - (run.j1 - run.j0) + (j1 - j0)))

    first, last = runs[0], runs[-1]
    if len(runs) == 1:
        bounds = [first.j0, *cuts(first), first.j1]
        if len(bounds) == 2:
            return runs
        j0, j1 = max(itertools.pairwise(bounds), key=lambda b: b[1] - b[0])
        return [part(first, j0, j1)]
    head, tail = cuts(first), cuts(last)
    if head:
        first = part(first, head[-1], first.j1)
    if tail:
        last = part(last, last.j0, tail[0])
    return [first, *runs[1:-1], last]


def _capture_break(texts: _Texts, k: int) -> bool:
    """True when a capture sentence or quotation ends between words k - 1 and k (an
    ellipsis does not end one)."""
    words = texts.words
    if k <= 0 or k >= len(words):
        return True
    if _breaks(texts, words[k - 1][2], words[k][1])[1]:
        return True
    where = texts.normalised.to_original
    return "\n" in texts.original[where[words[k - 1][2]] : where[words[k][1]]]


def _breaks(texts: _Texts, start: int, end: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Ellipses (spans) and sentence ends or quotation marks (positions) in the capture's
    normalised text[start:end], read in context (an apostrophe is told by its neighbours)."""
    text = texts.normalised.text
    ellipses, breaks = [], []
    for m in _BREAK.finditer(text, start, min(len(text), end + 3)):
        if m.start() >= end:
            break
        if m.group("ellipsis"):
            ellipses.append(m.span())
        else:
            breaks.append(m.start())
    return ellipses, breaks


def _elided_at_edge(texts: _Texts, k: int, *, leading: bool) -> bool:
    """True when an ellipsis stands between a capture sentence's break and its first
    word k (leading), or between its last word k - 1 and the break after it."""
    words, text = texts.words, texts.normalised.text
    start = words[k - 1][2] if k > 0 else 0
    end = words[k][1] if k < len(words) else len(text)
    ellipses, breaks = _breaks(texts, start, end)
    if leading:
        return any(e[0] >= breaks[-1] for e in ellipses) if breaks else bool(ellipses)
    return any(e[1] <= breaks[0] for e in ellipses) if breaks else bool(ellipses)


def _edits_with_elision(
    tokens: list[str | None], reference: list[str], limit: float = math.inf
) -> float:
    """Word edits (substitute, insert, delete) turning `tokens` into `reference`, where a
    None token (an ellipsis) stands for any run of reference words at no cost and a
    mistyped word is no edit. Past `limit` the count stops: more than `limit` is returned
    as soon as every way on needs more (a row's least count never falls).

    >>> _edits_with_elision(["in", "the", "spirit", None], "in the spirit of it".split())
    0
    >>> _edits_with_elision(["this", "was", "signed", "in"], "this was signed in moscow".split())
    1
    >>> _edits_with_elision("one two three four".split(), "five six seven eight".split(), 1)
    2
    """
    row = list(range(len(reference) + 1))
    for token in tokens:
        if token is None:
            for i in range(1, len(row)):
                row[i] = min(row[i], row[i - 1])
            continue
        new = [row[0] + 1]
        for i, word in enumerate(reference, 1):
            cost = 0 if token == word or _mistyped(token, word) else 1
            new.append(min(row[i] + 1, new[i - 1] + 1, row[i - 1] + cost))
        row = new
        if min(row) > limit:
            return min(row)
    return row[-1]


def _sentences_between(texts: _Texts, runs: list[_Run]) -> bool:
    """True when a short passage's words end a sentence and start another where the
    reference's go on in one: two phrases any text may have ("the situation in the
    region" and "the national interests of both countries", the statement's "... in the
    region concerns the national interests ...") in two sentences of the page's own, with
    its words between them, not a copy."""
    cw, rw = texts.words, texts.reference.words
    first, last = runs[0], runs[-1]
    copy = texts.normalised.span(cw[first.j0][1], cw[last.j1 - 1][2]).of(texts.original)
    i0, i1 = min(r.i0 for r in runs), max(r.i1 for r in runs)
    reference = texts.reference
    stretch = reference.normalised.span(rw[i0][1], rw[i1 - 1][2]).of(reference.document.text)
    return len(_SENTENCE_GAP.findall(copy)) > len(_SENTENCE_GAP.findall(stretch))


_SENTENCE_GAP = re.compile(r"(?<!\b\w)(?<!\.)[.!?](?![.\w])[\"')\]]*\s+[\"'(\[]*[A-Z]")
"""A sentence's end with a sentence after it (not an ellipsis, an initial's stop, "U.S.",
nor an editor's "[sic!]" before lower case)."""


def _translated(
    texts: _Texts, runs: list[_Run], bounds: tuple[int, int], options: LocateOptions
) -> bool:
    """True when the capture's paragraph around a short passage says what the reference
    says around it, in other words: the passage is a phrase that an independent
    translation shares, not a copy.

    Each side is read up to `context_words` words, never past a paragraph break or a
    neighbouring passage; the reference is read `context_words` + 10 words on the
    same side, as a translation drifts. Either side sharing `context_share` of its
    content words (four letters or more, not a function word) is enough.
    """
    n = options.context_words
    first, last = runs[0], runs[-1]
    before = _paragraph_words(texts, first.j0, max(bounds[0], first.j0 - n), -1)
    after = _paragraph_words(texts, last.j1, min(bounds[1], last.j1 + n), 1)
    rw = texts.reference.words
    ref_before = {w for w, _, _ in rw[max(0, first.i0 - n - 10) : first.i0]}
    ref_after = {w for w, _, _ in rw[last.i1 : last.i1 + n + 10]}
    for words, reference in ((before, ref_before), (after, ref_after)):
        content = content_words(words)
        shared = content & reference - _NAMING_WORDS - _names(texts.reference.document.text)
        if len(content) >= 5 and len(shared) >= options.context_share * len(content):
            return True
    return False


_NAMING_WORDS = frozenset(
    "statement joint declaration document communique text foreign ministry ministries".split()
)
"""Words a page introduces a copy with ("The joint statement is blunt."), which tell
nothing of a translation: the reference names other documents in them too ("the Joint
Statement of September 19, 2005")."""


@lru_cache(maxsize=4)
def _names(reference: str) -> frozenset[str]:
    """The reference's names: words it writes capitalised wherever it writes them
    ("Russia", "THAAD", "Parties"), case-folded. A page introduces a copy by its topic's
    names ("The Russia-China communique is unambiguous on THAAD."), which tell nothing of
    a translation either."""
    words = re.findall(r"[^\W\d_]+", reference)
    lower = {w for w in words if w[0].islower()}
    return frozenset(w.casefold() for w in words if w[0].isupper() and w.casefold() not in lower)


def _paragraph_words(texts: _Texts, at: int, stop: int, step: int) -> list[str]:
    """Capture words next to a passage, towards `stop`, within one paragraph.

    Forward (step 1): words at..stop-1, `at` being the first word after the passage;
    backward (step -1): words at-1 down to stop, `at` being its first word.
    """
    out: list[str] = []
    words, original, where = texts.words, texts.original, texts.normalised.to_original
    k = at if step > 0 else at - 1
    while (k < stop) if step > 0 else (k >= stop):
        left, right = (k - 1, k) if step > 0 else (k, k + 1)
        if left < 0 or right >= len(words):
            break
        gap = original[where[words[left][2]] : where[words[right][1]]]
        if "\n\n" in gap.replace("\r", "") or "\f" in gap:
            break
        out.append(words[k][0])
        k += step
    return out


def _characters(texts: _Texts, run: _Run, floor: int, after: int) -> tuple[int, int, int, int]:
    """Character bounds (capture start, end, reference start, end) of a settled run.

    Punctuation that both sides share and that clings to the edge words (an opening
    quote, a closing full stop) belongs to the run; a space ends it, so the last full
    stop of the text before an excerpt is never swallowed. A footnote marker the copy
    hangs between its last word and that punctuation ("Moscow[1].") belongs to the run
    with it, unless its words are capture word `after` or later (the next run's).
    """
    ctext, rtext = texts.normalised.text, texts.reference.normalised.text
    cw, rw = texts.words, texts.reference.words
    cs, ce = cw[run.j0][1], cw[run.j1 - 1][2]
    rs, re_ = rw[run.i0][1], rw[run.i1 - 1][2]
    while cs > floor and rs > 0 and ctext[cs - 1] == rtext[rs - 1] != " ":
        cs, rs = cs - 1, rs - 1
    if cs > floor and ctext[cs - 1] == "[" and _CLOSED_BRACKET.match(ctext, cs):
        cs -= 1  # "[T]he", "[The] Parties": an editor's bracket the run's words close
    ceiling = cw[run.j1][1] if run.j1 < len(cw) else len(ctext)
    ce, ceiling = _past_marker(texts, run, (ce, re_), ceiling, after)
    while ce < ceiling and re_ < len(rtext) and ctext[ce] == rtext[re_] != " ":
        ce, re_ = ce + 1, re_ + 1
    if (
        (re_ == len(rtext) or rtext[re_].isspace())
        and rtext[re_ - 1] in ".!?"
        and not ctext[ce : ce + 1].isspace()  # a note's line after it is no marker on it
    ):
        # a footnote marker hanging on the run's last sentence ("in Moscow.¹"), as one
        # inside the run is: the page's, reported as a footnote (unless its words, "¹" or
        # "1" of "[1]", are the next run's)
        marker, k = ce, run.j1
        while (found := FOOTNOTE.match(ctext, marker)) is not None:
            marker = found.end()  # right after the stop, no closing quote between
        while k < len(cw) and cw[k][1] < marker:
            k += 1
        if k <= after:
            ce = marker
    return cs, ce, rs, re_


_CLOSED_BRACKET = re.compile(r"[^\[\]\n]{1,60}\]")
"""The rest of an editor's bracket, up to its closing mark (as `classify` reads one)."""


def _past_marker(
    texts: _Texts, run: _Run, ends: tuple[int, int], ceiling: int, after: int
) -> tuple[int, int]:
    """(capture end, ceiling) past a footnote marker the copy hangs on the run's last
    word, when the punctuation after it is the reference's next character; else as given.

    Without it the passage ended before "[1]" in "in Moscow[1].", and a full copy's
    last full stop read as a material truncation.
    """
    ctext, rtext, cw = texts.normalised.text, texts.reference.normalised.text, texts.words
    ce, re_ = ends
    marker = hanging_marker(ctext, ce)
    if marker == ce or marker >= len(ctext) or re_ >= len(rtext):
        return ce, ceiling
    if ctext[marker] != rtext[re_] or rtext[re_] == " " or ctext[ce] == rtext[re_]:
        return ce, ceiling  # no shared punctuation after it, or the shared mark comes first
    k = run.j1
    while k < len(cw) and cw[k][1] < marker:
        k += 1  # the marker's own words ("1" of "[1]")
    if k > after:
        return ce, ceiling
    return marker, cw[k][1] if k < len(cw) else len(ctext)
