"""Seeds chained into runs, runs grouped into copies, each run's edges settled.

The word-level middle of `locate`: `_chains` follows seeds along the reference's
diagonal, `_groups` decides which runs are one copy (moved, repeated or interrupted),
`_settle` grows a run over matching and changed words at its edges. Names are private to
the `provenance.locate` package; docs/locate.md has the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Literal

from rapidfuzz.distance import OSA

from provenance.footnotes import hanging_marker
from provenance.model import Normalised

if TYPE_CHECKING:
    from provenance.locate import LocateOptions, PreparedReference

_WORD = re.compile(r"[^\W_]+")
_WORD_SPLIT = re.compile(r"([^\W_]+)")
_ASCII_WORD_SPLIT = re.compile(r"([A-Za-z0-9]+)")
_SINGLE = r"'(?!(?:s|t|re|ll|ve|d|m)\b)(?:(?<![^\W_]')|(?![^\W_]))"
_MARKS = re.compile(r"\"|" + _SINGLE)
"""Quotation marks after folding (see normalise): every double mark and guillemet is
`"`; a single mark `'` counts unless it is an apostrophe: between two letters, or
before a contraction's ending ("(DPRK)'s", "don't")."""


class _EdgeError(Exception):
    """Something found in a window reaches its edge: read wider windows."""


Words = tuple[tuple[str, int, int], ...]
_SENTENCE = re.compile(r"[.!?:]")
_BOUNDARY = re.compile(r"[.!?;:\"]|" + _SINGLE)
"""A sentence end or a quotation mark: a changed edge word is never looked for across one."""


@dataclass(frozen=True, slots=True)
class _Texts:
    """Both normalised texts and their words, as `locate` compares them."""

    reference: PreparedReference
    normalised: Normalised
    words: Words
    """The words of one window of the capture (character offsets into the whole text)."""
    original: str
    inside: tuple[int, int]
    """Words [a, b) of the window whose neighbours in the window are those of the whole
    text, as far as `locate` reads around them."""

    def check_inside(self, j0: int, j1: int) -> None:
        """Raise _EdgeError unless words [j0, j1) lie inside (see `locate`)."""
        if j0 < self.inside[0] or j1 > self.inside[1]:
            raise _EdgeError

    def capture_gap(self, j_before: int, j_after: int) -> str:
        """Normalised capture text between word j_before and word j_after."""
        return self.normalised.text[self.words[j_before][2] : self.words[j_after][1]]

    def reference_gap(self, i_before: int, i_after: int) -> str:
        words, text = self.reference.words, self.reference.normalised.text
        if i_after <= i_before:
            return ""
        return text[words[i_before][2] : words[i_after][1]]

    def reference_break(self, i: int) -> bool:
        """True when a reference sentence ends between words i - 1 and i."""
        words = self.reference.words
        if i <= 0 or i >= len(words):
            return True
        where = self.reference.normalised.to_original
        gap = self.reference.document.text[where[words[i - 1][2]] : where[words[i][1]]]
        return bool(_SENTENCE.search(gap)) or "\n" in gap

    def extra_marks(self, j_before: int, j_after: int, i_before: int, i_after: int) -> int:
        """Quotation marks the capture has between the two words beyond the reference's."""
        capture_marks = len(_MARKS.findall(self.capture_gap(j_before, j_after)))
        return capture_marks - len(_MARKS.findall(self.reference_gap(i_before, i_after)))

    def stitched(self, j_before: int, j_after: int, i_before: int, i_after: int) -> bool:
        """True when, between the two words, the capture closes one quotation and opens
        another (two marks more than the reference): they are separate quotations."""
        return self.extra_marks(j_before, j_after, i_before, i_after) >= 2

    def line_break(self, j_before: int, j_after: int) -> bool:
        """True when the capture has a line break between the two words."""
        start = self.normalised.to_original[self.words[j_before][2]]
        end = self.normalised.to_original[self.words[j_after][1]]
        return "\n" in self.original[start:end]

    def plain_gap(self, j_before: int, j_after: int, i_before: int, i_after: int) -> bool:
        """True when neither text has a sentence end, quotation mark or line break there."""
        start = self.normalised.to_original[self.words[j_before][2]]
        end = self.normalised.to_original[self.words[j_after][1]]
        return not (
            _BOUNDARY.search(self.capture_gap(j_before, j_after))
            or _BOUNDARY.search(self.reference_gap(i_before, i_after))
            or "\n" in self.original[start:end]
        )


@dataclass(slots=True)
class _Run:
    """Capture words [j0, j1) copying reference words [i0, i1); `exact` of them in seeds."""

    j0: int
    j1: int
    i0: int
    i1: int
    exact: int


def _words(text: str, start: int = 0, end: int | None = None) -> Words:
    """(word, start, end) of every `_WORD` in text[start:end], offsets into `text`.

    One split and one running sum, both in C, rather than a match object per word.

    >>> _words("a, bc  d", 1)
    (('bc', 3, 5), ('d', 7, 8))
    """
    part = text[start:end]
    # In ASCII text `[^\W_]` is exactly [A-Za-z0-9], which `re` matches faster.
    parts = (_ASCII_WORD_SPLIT if part.isascii() else _WORD_SPLIT).split(part)
    offsets = list(accumulate(map(len, parts), initial=start))
    return tuple(zip(parts[1::2], offsets[1::2], offsets[2::2], strict=False))


def _unseed_marks(texts: _Texts, seeds: list[tuple[int, ...]]) -> None:
    """Drop the seed hits that cross a mark the reference does not have there: a square
    bracket, or one quotation mark.

    A bracket opens or closes the copier's gloss ("They [Russia and China] are against"):
    its words are not the statement's text at that place, even when they and the words
    after it run on like a stretch the statement has elsewhere ("Russia and China are
    against the deployment"). A quotation mark opens or closes a quotation inside the
    page's own prose ("The statement urged all countries concerned to «maintain calm»"):
    the words outside it are the reporter's, even when they echo the statement's. Seeds
    end at the mark; a run still goes on across it where seeds on both sides carry it
    (a full copy with a mark added), and the gloss or the reporter's echo, unseeded, is
    not a run of its own. Two marks (one quotation closing, another opening) are left to
    `_Texts.stitched`.
    """
    text, words = texts.normalised.text, texts.words
    if not words or not any(mark in text for mark in "[]\"'"):
        return
    low, high = words[0][1], words[-1][2]
    n = texts.reference.seed_words
    for found in _GAP_MARK.finditer(text, low, high):
        j = bisect_right(words, found.start(), key=itemgetter(2)) - 1  # the mark follows word j
        if j < 0 or j + 1 >= len(words) or not any(seeds[max(0, j - n + 2) : j + 1]):
            continue  # at the window's end, or where no seed crosses it
        if found.group() not in "[]" and (
            not _MARKS.match(text, found.start())  # an apostrophe ("DPRK's"), read in place
            or len(_MARKS.findall(text, words[j][2], words[j + 1][1])) != 1
        ):
            continue
        gap = texts.capture_gap(j, j + 1)
        for k in range(max(0, j - n + 2), min(j + 1, len(seeds))):
            if seeds[k]:
                at = j - k  # the mark lies after the seed's at-th word
                seeds[k] = tuple(
                    i for i in seeds[k] if _same_marks(gap, texts.reference_gap(i + at, i + at + 1))
                )


_GAP_MARK = re.compile(r"[\[\]\"']")
"""Where a bracket or a quotation mark may be (an apostrophe is told apart in place)."""


def _same_marks(capture_gap: str, reference_gap: str) -> bool:
    """Whether the reference has, between the same two words, the capture's marks."""
    brackets = sorted(c for c in capture_gap if c in "[]")
    return brackets == sorted(c for c in reference_gap if c in "[]") and len(
        _MARKS.findall(capture_gap)
    ) == len(_MARKS.findall(reference_gap))


_SENTENCE_END = re.compile(r"[.!?]")
_ANY_STOP = re.compile(r"[.!?;:]")


def _across_sentences(texts: _Texts, run: _Run) -> tuple[_Run, ...]:
    """A short run cut where the reference ends a sentence and the copy does not.

    Another translation, or the copy's own prose, can match five words of the statement
    across a sentence end by chance ("the region, Russia and China" against "the
    region.¶Russia and China are against"). In a short run (under two seeds' length) such
    a crossing is that chance: the run is cut there and pieces shorter than a seed are
    dropped. A long run that crosses a lost full stop is a copy, and stays whole.
    """
    n = texts.reference.seed_words
    length = run.j1 - run.j0
    if length >= 2 * n or run.i1 - run.i0 != length:
        return (run,)
    for m in range(length - 1):
        j, i = run.j0 + m, run.i0 + m
        if (
            _SENTENCE_END.search(texts.reference_gap(i, i + 1))
            and not _ANY_STOP.search(texts.capture_gap(j, j + 1))
            and not texts.line_break(j, j + 1)
        ):
            pieces = (
                _Run(run.j0, j + 1, run.i0, i + 1, min(run.exact, m + 1)),
                _Run(j + 1, run.j1, i + 1, run.i1, min(run.exact, length - m - 1)),
            )
            return tuple(p for p in pieces if p.j1 - p.j0 >= n)
    return (run,)


def _chains(texts: _Texts, options: LocateOptions) -> list[_Run]:
    """Chain seed hits into runs of the reference copied in order."""
    reference = texts.reference
    names = [w for w, _, _ in texts.words]
    rw = reference.words
    n = reference.seed_words
    open_chains: list[list[int]] = []  # [j0, i0, j_last, i_last, exact words]
    done: list[list[int]] = []
    runs: list[_Run] = []
    index = reference.index
    # Each word's seed hits (empty for most words of a window), and the positions of
    # seeds, found in C.
    grams = zip(*(names[k:] for k in range(n)), strict=False)
    seeds = list(map(index.get, grams, repeat(())))
    _unseed_marks(texts, seeds)
    for j in compress(range(len(seeds)), seeds):
        hits = seeds[j]
        if len(hits) == 1 and len(open_chains) == 1:
            chain = open_chains[0]
            if j - chain[2] == 1 and hits[0] - chain[3] == 1:
                # The one chain goes on word for word (what the steps below do then).
                chain[2], chain[3], chain[4] = j, hits[0], chain[4] + 1
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
                if dj > n and texts.stitched(chain[2] + n - 1, j, chain[3] + n - 1, i):
                    continue  # a quotation closes and another opens: two passages
                drift = abs(dj - di)
                if best is None or drift < best_drift:
                    best, best_drift = chain, drift
            if best is not None and i - best[3] - (j - best[2]) > n:
                # The copy skips reference words here: a run ends (the skipped words
                # may turn up elsewhere, moved), and the chain carries on in a new one.
                # Words the old run goes on with, up to a sentence end, stay in it
                # ("in the region." ending two paragraphs belongs to the one the copy
                # was following; "The" after it starts the new run).
                end = min(best[2] + n, j)
                ref_end = best[3] + end - best[2]
                while (
                    end < j + n
                    and ref_end < len(rw)
                    and names[end] == rw[ref_end][0]
                    and not _SENTENCE.search(texts.capture_gap(end - 1, end))
                ):
                    end, ref_end = end + 1, ref_end + 1
                if end == j + n:  # the whole seed goes on with the old run
                    best[4] += min(n, j - best[2])
                    best[2], best[3] = j, ref_end - n
                    continue
                runs.append(_Run(best[0], end, best[1], ref_end, best[4]))
                start = max(end, j)
                best[:] = [start, i + start - j, j, i, j + n - start]
            elif best is not None:
                best[4] += min(n, j - best[2])
                best[2], best[3] = j, i
            else:
                open_chains.append([j, i, j, i, n])
    done.extend(open_chains)
    runs.extend(_Run(c[0], c[2] + n, c[1], c[3] + n, c[4]) for c in done)
    for run in runs:
        texts.check_inside(run.j0, run.j1)
    runs = [piece for run in runs for piece in _across_sentences(texts, run)]
    # A run over capture words another run already copies is a repeat of the same text
    # elsewhere in the reference: drop it, or the part of it that overlaps.
    runs.sort(key=lambda r: (r.j0, -r.j1))
    kept: list[_Run] = []
    for run in runs:
        if kept and run.j0 < kept[-1].j1:
            overlap = kept[-1].j1 - run.j0
            prior = kept[-1]
            if _opens_sentence(texts, prior, run):
                # The shared words open a sentence: they go with the run that starts there.
                prior = _Run(prior.j0, run.j0, prior.i0, prior.i1 - overlap, prior.exact - overlap)
                kept[-1] = _without_inserted_end(texts, prior, options)
                kept.append(run)
                continue
            if run.j1 - run.j0 - overlap < n:
                continue
            run = _Run(run.j0 + overlap, run.j1, run.i0 + overlap, run.i1, run.exact - overlap)
        kept.append(run)
    return kept


def _without_inserted_end(texts: _Texts, run: _Run, options: LocateOptions) -> _Run:
    """`run` ending at its last words that copy its last two reference words.

    A run chained across a reporter's line ("... programmes. Earlier, on the talks: The
    Parties confirm that the") ends with the line once the words after it go to the next
    run: cut there, the line belongs to neither copy. At most `max_inserted_words` words
    are dropped (a chain never steps over more)."""
    cw, rw = texts.words, texts.reference.words
    ending = [w for w, _, _ in rw[max(run.i0, run.i1 - 2) : run.i1]]
    for j in range(run.j1, max(run.j0 + 1, run.j1 - options.max_inserted_words - 1), -1):
        if [w for w, _, _ in cw[j - len(ending) : j]] == ending:
            return _Run(run.j0, j, run.i0, run.i1, min(run.exact, j - run.j0))
    return run


def _opens_sentence(texts: _Texts, prior: _Run, run: _Run) -> bool:
    """True when the capture words `prior` and `run` share open a sentence at `run`'s
    start and belong with `run`: fewer than a seed, or `run` goes on past `prior`'s end.

    Two paragraphs may open alike ("The Parties confirm that the" opens 8 and 12): a
    copy of 7 that breaks off and quotes 12 chains those words on 7's diagonal as 8's
    opening, which the page lacks, when 12's own run starts at them too. The run that
    carries on past them is the one the copy follows.
    """
    n = texts.reference.seed_words
    overlap = prior.j1 - run.j0
    if run.j0 <= 0 or not _SENTENCE.search(texts.capture_gap(run.j0 - 1, run.j0)):
        return False
    return overlap < n or (run.j1 > prior.j1 and run.j0 > prior.j0)


def _groups(texts: _Texts, runs: list[_Run], options: LocateOptions) -> list[list[_Run]]:
    """Runs that are one copy, in capture order.

    A run joins the copy before it when few words separate them and its reference lies
    near what the copy has covered (before it: moved; inside it: moved or repeated;
    after it: carried on past an omission), or when more words separate them (at most
    `max_interruption_words`: foreign material) and it carries on where the copy
    stopped. A run that leaves one quotation and opens another never joins. See
    docs/locate.md.
    """
    groups: list[list[_Run]] = []
    for k, run in enumerate(runs):
        following = runs[k + 1] if k + 1 < len(runs) else None
        verdict = _joins(texts, groups[-1], run, following, options) if groups else "new"
        if verdict == "join":
            groups[-1].extend(_split_repeat(texts, groups[-1], run))
        elif verdict == "new":
            groups.append([run])
        while len(groups) > 1 and _one_copy(texts, groups[-2], groups[-1], options):
            groups[-2:] = [_merged(texts, groups[-2], groups[-1], options)]
    return groups


def _merged(
    texts: _Texts, first: list[_Run], second: list[_Run], options: LocateOptions
) -> list[_Run]:
    """Two groups that are one copy (`_one_copy`), as one group.

    A run shorter than `min_words` that opens the second group and repeats only what the
    first copies is a phrase the reference has twice, met in the words between the two
    (an invented paragraph saying "on the Korean Peninsula and"): it is dropped, as
    `_joins` drops such a run, and is not evidence of a move. A short run of text the
    first lacks (the five-word paragraph quoted alone) stays.
    """
    run, *rest = second
    short = run.j1 - run.j0 < options.min_words
    if rest and short and _repeated(first, run) >= run.i1 - run.i0:
        run, *rest = rest
    return first + _split_repeat(texts, first, run) + rest


def _one_copy(texts: _Texts, first: list[_Run], second: list[_Run], options: LocateOptions) -> bool:
    """True when two neighbouring groups, each of `min_words` or more, are together one
    copy of a stretch of the reference with no hole over `max_omitted_words`: a
    paragraph moved far, whose neighbours alone look like separate excerpts. Not when
    the second starts the text over (`_starts_over`): the page prints it again."""
    gap = second[0].j0 - first[-1].j1
    if gap > options.max_interruption_words:
        return False
    if min(sum(r.j1 - r.j0 for r in g) for g in (first, second)) < options.min_words:
        return False  # a few words in common are not evidence of a moved paragraph
    hi = max(r.i1 for r in first)
    marks = texts.extra_marks(first[-1].j1 - 1, second[0].j0, hi - 1, second[0].i0)
    if marks >= 2 or (marks == 1 and gap <= options.max_inserted_words):
        return False
    covered = sorted((r.i0, r.i1) for r in first + second)
    end = covered[0][1]
    for start, stop in covered[1:]:
        if start - end > options.max_omitted_words:
            return False
        end = max(end, stop)
    lo, run = min(r.i0 for r in first), second[0]
    return not _starts_over(run, lo, _repeated(first, run), options)


def _starts_over(run: _Run, lo: int, repeated: int, options: LocateOptions) -> bool:
    """True when `run` starts the copy's text over: from the copy's first reference word
    `lo` or before it, through `min_words` or more (`repeated`, see `_repeated`) of what
    the copy has. The page prints the text again (an aggregator's repeated block, a lede
    quoting the opening before the full text); a paragraph moved up shares no words with
    the copy, and one printed twice inside it starts after the copy's start."""
    return run.i0 <= lo and repeated >= options.min_words


def _resumed(group: list[_Run], run: _Run, following: _Run | None, options: LocateOptions) -> bool:
    """True when the run after `run`, within `max_inserted_words`, carries on where the
    copy `group` stopped (from `seed_words` back to `continuity_words` ahead): `run`
    repeats the copy's opening inside it, and is no second printing.

    A page that pastes its first paragraph again after the second ("0 1 0 2 3 ...")
    read as a copy of 0 and 1, then another copy of 0 and 2 onwards that "omitted" 1,
    which the page holds. A page printing the text again goes on with the words after
    the opening, not with those after the first copy's end.
    """
    if following is None or following.j0 - run.j1 > options.max_inserted_words:
        return False
    hi = max(r.i1 for r in group)
    if run.i1 > hi:
        return False
    return -options.seed_words <= following.i0 - hi <= options.continuity_words


def _after_heading(texts: _Texts, group: list[_Run], run: _Run) -> bool:
    """True when `group` is one run ending a line that does not end as a sentence does (a
    headline, a title repeating the reference's words: "... on the Korean Peninsula's
    problems"), and `run` starts the reference earlier on a later line: the copy begins
    after the heading, which is not a part of it repeated."""
    if len(group) != 1 or run.i0 >= group[0].i0 or not texts.line_break(group[0].j1 - 1, run.j0):
        return False
    end = texts.normalised.to_original[texts.words[group[0].j1 - 1][2]]
    line_end = texts.original.find("\n", end)
    rest = texts.original[end : line_end if line_end >= 0 else len(texts.original)]
    return not _SENTENCE_END.search(rest)


_SENTENCE_END = re.compile(r"[.!?]")


def _repeated(group: list[_Run], run: _Run) -> int:
    """Reference words of `run` that the runs of `group` copy already."""
    return sum(max(0, min(run.i1, r.i1) - max(run.i0, r.i0)) for r in group)


def _split_repeat(texts: _Texts, group: list[_Run], run: _Run) -> list[_Run]:
    """A run whose head repeats what the copy already has, as the repeat and the rest.

    When the head's words are also the words the run before it goes on with (both
    paragraphs end "in the region"), they go to the run before: no repeat.
    """
    hi = max(r.i1 for r in group)
    head = hi - run.i0
    if head <= 0 or run.i1 <= hi or head >= run.j1 - run.j0:
        return [run]
    share = run.exact * head // (run.j1 - run.j0)
    last, rw = group[-1], texts.reference.words
    if last.i1 == hi and _opening_tail(texts, last, head):
        group[-1] = _Run(last.j0, last.j1 - head, last.i0, hi - head, max(0, last.exact - head))
        return [run]
    if last.j1 == run.j0 and all(
        last.i1 + t < len(rw) and texts.words[run.j0 + t][0] == rw[last.i1 + t][0]
        for t in range(head)
    ):
        group[-1] = _Run(last.j0, last.j1 + head, last.i0, last.i1 + head, last.exact + share)
        return [_Run(run.j0 + head, run.j1, hi, run.i1, run.exact - share)]
    cut = _copying(texts, run, hi, run.j0 + head)
    return [
        _Run(run.j0, cut, run.i0, hi, share),
        _Run(cut, run.j1, hi, run.i1, run.exact - share),
    ]


def _opening_tail(texts: _Texts, run: _Run, words: int) -> bool:
    """True when the last `words` words of `run` open a sentence that goes on with other
    words: after a sentence end, with none among or right after them.

    An invented paragraph that opens like the next one ("The Parties confirm that they
    will hold ...", before 12's "The Parties confirm that the deployment ...") carries the
    run before it on over those words, on the reference's diagonal; the next run then
    repeats them. They are the invented sentence's, not a repeat of 12's opening.
    """
    if not 0 < words < run.j1 - run.j0 or run.j1 >= len(texts.words):
        return False
    start = run.j1 - words
    return bool(_SENTENCE.search(texts.capture_gap(start - 1, start))) and not any(
        _SENTENCE.search(texts.capture_gap(j, j + 1)) for j in range(start, run.j1)
    )


def _copying(texts: _Texts, run: _Run, i: int, guess: int) -> int:
    """The capture word of `run` that copies reference word `i`, nearest to `guess` (the
    word as far into the run as `i` is into its reference) within the run's drift: a run
    that leaves words out or puts words in has its words off the diagonal by that much.
    `guess` when none of them starts the reference's seed words there.
    """
    drift = abs((run.j1 - run.j0) - (run.i1 - run.i0))
    n = texts.reference.seed_words
    want = [w for w, _, _ in texts.reference.words[i : i + n]]
    if not drift or len(want) < n:
        return guess
    lo, hi = max(run.j0 + 1, guess - drift), min(run.j1 - n, guess + drift)
    for j in sorted(range(lo, hi + 1), key=lambda j: abs(j - guess)):
        if [w for w, _, _ in texts.words[j : j + n]] == want:
            return j
    return guess


def _joins(
    texts: _Texts,
    group: list[_Run],
    run: _Run,
    following: _Run | None,
    options: LocateOptions,
) -> Literal["join", "new", "drop"]:
    """Whether `run` is part of the copy `group`, starts another, or is dropped.

    A run shorter than `min_words` that would join only as moved or repeated text is a
    phrase the reference has twice, met inside the copy: dropped, it is not evidence.
    `following` is the run after `run` in the capture (see `_resumed`).
    """
    last = group[-1]
    gap = run.j0 - last.j1
    if gap > options.max_interruption_words:
        return "new"
    lo, hi = min(r.i0 for r in group), max(r.i1 for r in group)
    marks = texts.extra_marks(last.j1 - 1, run.j0, hi - 1, run.i0)
    if marks >= 2 or (marks == 1 and gap <= options.max_inserted_words):
        return "new"  # one is quoted and the other not, or two quotations
    carries_on = -texts.reference.seed_words <= run.i0 - hi
    if gap > options.max_inserted_words:
        return "join" if carries_on and run.i0 - hi <= options.continuity_words else "new"
    repeated = _repeated(group, run)
    if _starts_over(run, lo, repeated, options) and not _resumed(group, run, following, options):
        return "new"
    if _after_heading(texts, group, run):
        return "new"
    distance = max(0, run.i0 - hi, lo - run.i1)
    if distance > options.max_omitted_words or repeated > options.max_omitted_words:
        return "new"
    if not carries_on and run.j1 - run.j0 < options.min_words:
        return "drop"
    return "join"


def _settle(texts: _Texts, run: _Run, lo: int, hi: int, ref_hi: int | None = None) -> _Run:
    """Grow a run over neighbouring words that match, and over changed words at its edges.

    Exact words are taken as long as no quotation mark the reference lacks lies between
    (so `," the` after a quotation stays out). Within one sentence (no sentence end,
    quotation mark or line break in either text) the run also takes a changed word when a
    matching word lies beyond it, a mistyped word (see `_mistyped`), and a word one text
    has and the other lacks when the next two words match again; at the end, a changed
    word followed by the same sentence-ending punctuation in both. The run never passes
    capture words lo..hi, nor grows its end past reference word `ref_hi` (where the next run
    of the copy, in the reference's order, starts: its words are that run's to copy).
    """
    cw, rw = texts.words, texts.reference.words
    j0, j1, i0, i1 = run.j0, run.j1, run.i0, run.i1

    def same(j: int, i: int) -> bool:
        return cw[j][0] == rw[i][0]

    plain = texts.plain_gap
    while j0 > lo and i0 > 0:
        before = _marker_before(texts, j0, i0)
        if before:  # a footnote marker the copy added: see the end's loop below
            k = j0 - before - 1
            if k < lo or not (same(k, i0 - 1) and plain(j0 - 1, j0, i0 - 1, i0)):
                break
            j0, i0 = k, i0 - 1
        elif same(j0 - 1, i0 - 1) and texts.extra_marks(j0 - 1, j0, i0 - 1, i0) <= 0:
            j0, i0 = j0 - 1, i0 - 1
        elif j0 - 2 >= lo and i0 >= 2 and same(j0 - 2, i0 - 2) and plain(j0 - 2, j0, i0 - 2, i0):
            j0, i0 = j0 - 2, i0 - 2
        elif _mistyped(cw[j0 - 1][0], rw[i0 - 1][0]) and plain(j0 - 1, j0, i0 - 1, i0):
            j0, i0 = j0 - 1, i0 - 1
        elif (  # the capture lacks reference word i0 - 1
            j0 - 2 >= lo
            and i0 >= 3
            and same(j0 - 1, i0 - 2)
            and same(j0 - 2, i0 - 3)
            and plain(j0 - 2, j0, i0 - 3, i0)
        ):
            j0, i0 = j0 - 1, i0 - 2
        elif (  # the capture adds word j0 - 1
            j0 - 3 >= lo
            and i0 >= 2
            and same(j0 - 2, i0 - 1)
            and same(j0 - 3, i0 - 2)
            and plain(j0 - 3, j0, i0 - 2, i0)
        ):
            j0, i0 = j0 - 2, i0 - 1
        else:
            break
    # A footnote marker the copy added ("resolutions[2]", "2017[citation needed], in"):
    # its words are never the reference's (that "2" is not the next paragraph's number,
    # though a seed may have read it so). The run goes on past it within a sentence, or
    # ends before it; `_characters` then takes it with the full stop after it.
    j1, i1 = _before_marker(texts, (j0, i0), j1, i1)
    stop = len(rw) if ref_hi is None else min(len(rw), ref_hi)
    while j1 < hi and i1 < stop:
        marker = _added_marker(texts, j1, i1)
        if marker:
            k = j1 + marker
            if not (k < hi and same(k, i1) and plain(k - 1, k, i1 - 1, i1)):
                break
            j1, i1 = k + 1, i1 + 1
            continue
        if same(j1, i1) and texts.extra_marks(j1 - 1, j1, i1 - 1, i1) <= 0:
            j1, i1 = j1 + 1, i1 + 1
        elif (
            j1 + 1 < hi
            and i1 + 1 < stop
            and same(j1 + 1, i1 + 1)
            and plain(j1 - 1, j1 + 1, i1 - 1, i1 + 1)
        ):
            j1, i1 = j1 + 2, i1 + 2
        elif _mistyped(cw[j1][0], rw[i1][0]) and plain(j1 - 1, j1, i1 - 1, i1):
            j1, i1 = j1 + 1, i1 + 1
        elif (  # the capture lacks reference word i1
            j1 + 1 < hi
            and i1 + 2 < stop
            and same(j1, i1 + 1)
            and same(j1 + 1, i1 + 2)
            and plain(j1 - 1, j1 + 1, i1 - 1, i1 + 2)
        ):
            j1, i1 = j1 + 1, i1 + 2
        elif (  # the capture adds word j1
            j1 + 2 < hi
            and i1 + 1 < stop
            and same(j1 + 1, i1)
            and same(j1 + 2, i1 + 1)
            and plain(j1 - 1, j1 + 2, i1 - 1, i1 + 1)
        ):
            j1, i1 = j1 + 2, i1 + 1
        else:
            if _same_sentence_end(texts, j1, i1) and plain(j1 - 1, j1, i1 - 1, i1):
                j1, i1 = j1 + 1, i1 + 1
            break
    # One word past a sentence end or line break, where the next word differs, matches by
    # chance: "programmes.\n\nThe ministry added" against "programmes. The Parties" (a
    # seed reaches across the break). Such a word stays out, at either edge, unless it is
    # a number (a paragraph's "5." is the reference's own).
    if j1 - j0 > 2 and j1 < hi and i1 < len(rw) and not same(j1, i1):
        if not cw[j1 - 1][0].isdigit() and not plain(j1 - 2, j1 - 1, i1 - 2, i1 - 1):
            j1, i1 = j1 - 1, i1 - 1
    if j1 - j0 > 2 and j0 > lo and i0 > 0 and not same(j0 - 1, i0 - 1):
        if not cw[j0][0].isdigit() and not plain(j0, j0 + 1, i0, i0 + 1):
            j0, i0 = j0 + 1, i0 + 1
    j1, i1 = _before_marker(texts, (j0, i0), j1, i1)  # "resolutions[2]. The" less "The"
    exact = run.exact + (run.j0 - j0) + (j1 - run.j1)
    skipped, resumed = _past_lines(texts, j1, i1, hi)
    return _Run(j0, j1 + skipped + resumed, i0, i1 + resumed, exact + resumed)


def _added_marker(texts: _Texts, j: int, i: int) -> int:
    """How many capture words, from word j on, a footnote marker hanging on word j - 1
    holds ("1" of "moscow[1]", two of "[citation needed]"), when the reference has no such
    marker after its word i - 1; else 0."""
    cw, ctext = texts.words, texts.normalised.text
    if j <= 0 or j >= len(cw):
        return 0
    end = hanging_marker(ctext, cw[j - 1][2])
    k = j
    while k < len(cw) and cw[k][2] <= end:
        k += 1
    if k == j:
        return 0
    rw, rtext = texts.reference.words, texts.reference.normalised.text
    if 0 < i <= len(rw):
        at = rw[i - 1][2]
        if rtext[at : hanging_marker(rtext, at)] == ctext[cw[j - 1][2] : end]:
            return 0  # the reference has it too: its words are words to match
    return k - j


def _before_marker(texts: _Texts, starts: tuple[int, int], j1: int, i1: int) -> tuple[int, int]:
    """(j1, i1) of a run ending at capture word j1 and reference word i1, less the words
    of a footnote marker the copy added that the run ends with (a seed read "2" of
    "resolutions[2]" as the next paragraph's number)."""
    j0, i0 = starts
    tail = _marker_before(texts, j1, i1, matched=True)
    if tail and j1 - tail > j0 and i1 - tail > i0:
        return j1 - tail, i1 - tail
    return j1, i1


def _marker_before(texts: _Texts, j: int, i: int, *, matched: bool = False) -> int:
    """How many capture words before word j footnote markers the copy added hold, when
    they end right before word j (see `_added_marker`); else 0. Reference word i - 1 is
    the one the markers hang on. When `matched` (a run ending at word j has read the
    markers' words as reference words up to i - 1), words j - k .. j - 1 may also be the
    first words of markers that go on past word j ("2" of "[2][4]")."""
    for k in range(min(j - 1, _MARKER_WORDS), 0, -1):  # the longest first: "[1][4]"
        words = _added_marker(texts, j - k, i - k if matched else i)
        if words == k or (matched and words > k):
            return k
    return 0


_MARKER_WORDS = 4
"""Most words of footnote markers in a row ("[better source needed]", "[1][2]")."""
_LINES_WORDS = 16
"""Most words of the lines (page furniture) that `_past_lines` steps over."""


def _past_lines(texts: _Texts, j1: int, i1: int, hi: int) -> tuple[int, int]:
    """Where a run stops inside a reference sentence, and lines of other words follow in
    the capture, then the rest of that sentence: (words of those lines, words of the
    sentence's rest), else (0, 0).

    Page furniture cutting a copy's last sentence ("... signed on July 4,\nAdvertisement\n
    2017, in Moscow.") left its last words out: too few to be a run of their own, they
    were reported as cut off, though the copy has them."""
    cw, rw = texts.words, texts.reference.words
    if i1 >= len(rw) or j1 >= hi or j1 == 0 or _SENTENCE.search(texts.reference_gap(i1 - 1, i1)):
        return 0, 0
    if not texts.line_break(j1 - 1, j1):
        return 0, 0
    for skip in range(1, _LINES_WORDS + 1):
        j = j1 + skip
        if j >= hi:
            return 0, 0
        if cw[j][0] != rw[i1][0] or not texts.line_break(j - 1, j):
            continue
        m = 0
        while j + m < hi and i1 + m < len(rw) and cw[j + m][0] == rw[i1 + m][0]:
            m += 1
            if i1 + m == len(rw) or _SENTENCE.search(texts.reference_gap(i1 + m - 1, i1 + m)):
                return skip, m
    return 0, 0


def _mistyped(word: str, reference_word: str) -> bool:
    """True when a capture word is a reference word with a typing or OCR slip: letters
    only, both four letters or more, one edit apart (two from eight letters), a swap of
    two neighbouring letters counting as one edit. Numbers never are (a changed date is
    not a slip).

    >>> _mistyped("partis", "parties"), _mistyped("ddisharmony", "disharmony")
    (True, True)
    >>> _mistyped("sides", "parties"), _mistyped("2018", "2017"), _mistyped("uge", "urge")
    (False, False, False)
    """
    shortest = min(len(word), len(reference_word))
    if shortest < 4:
        return False
    limit = 1 if shortest < 8 else 2
    if abs(len(word) - len(reference_word)) > limit:  # that many edits at least
        return False
    if not (word.isalpha() and reference_word.isalpha()):
        return False
    return OSA.distance(word, reference_word, score_cutoff=limit) <= limit


def _same_sentence_end(texts: _Texts, j: int, i: int) -> bool:
    """True when capture word j and reference word i are both followed by one sentence end."""
    after_c = _to_space(texts.normalised.text, texts.words[j][2])
    after_r = _to_space(texts.reference.normalised.text, texts.reference.words[i][2])
    return after_c == after_r and after_c[-1:] in (".", "!", "?")


def _to_space(text: str, start: int) -> str:
    """text[start:] up to its first space (never copying the rest of the text)."""
    end = text.find(" ", start)
    return text[start : end if end >= 0 else len(text)]


def _sentence_starts(texts: _Texts, group: list[_Run]) -> list[_Run]:
    """Words that open a sentence at the end of a run go to the run after it when they
    are also the words that run's reference starts with.

    Two paragraphs may open alike ("The Parties confirm that the ..."): the seeds then
    carry the words on the first run's diagonal, though the copy's sentence goes on in
    the next run.
    """
    out = list(group)
    rw, n = texts.reference.words, texts.reference.seed_words
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.j1 != b.j0:
            continue
        t = next(
            (
                t
                for t in range(1, min(n, a.j1 - a.j0 - 1) + 1)
                if _SENTENCE.search(texts.capture_gap(a.j1 - t - 1, a.j1 - t))
            ),
            0,
        )
        if not t or b.i0 < t:
            continue
        if a.i1 == b.i0 and b.i0 - t < max((r.i1 for r in out[:k]), default=0):
            continue  # the reference reads on across the cut (a repeat and the rest of the
            # copy): moved, the words would overlap what the copy had before the repeat
        if all(texts.words[a.j1 - t + u][0] == rw[b.i0 - t + u][0] for u in range(t)):
            out[k] = _Run(a.j0, a.j1 - t, a.i0, a.i1 - t, a.exact - t)
            out[k + 1] = _Run(b.j0 - t, b.j1, b.i0 - t, b.i1, b.exact + t)
    return out
