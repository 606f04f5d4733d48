"""Seeds chained into runs: the first word-level step of `locate`.

`_chains` follows the seed hits of a window (less those crossing a mark the reference
lacks there) along the reference's diagonal into runs, cuts short runs at a sentence end
the copy lacks, and drops what another run already copies. `groups` then decides which
runs are one copy, and `edges` settles each run's edges. Names are private to the
`provenance.locate` package; docs/locate.md has the rules.

The names the package imported from here before `texts`, `groups` and `edges` were split
off are still importable from here.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from itertools import compress, count, repeat
from operator import itemgetter
from typing import TYPE_CHECKING

from provenance.locate.edges import _mistyped as _mistyped
from provenance.locate.edges import _sentence_starts as _sentence_starts
from provenance.locate.edges import _settle as _settle
from provenance.locate.groups import _INTRODUCES, _block_apart, _commentary_between, _titled
from provenance.locate.groups import _groups as _groups
from provenance.locate.texts import _BOUNDARY as _BOUNDARY
from provenance.locate.texts import _MARKS, _SENTENCE, _mark_count, marks_key
from provenance.locate.texts import _EdgeError as _EdgeError
from provenance.locate.texts import _Run as _Run
from provenance.locate.texts import _Texts as _Texts
from provenance.locate.texts import _words as _words

if TYPE_CHECKING:
    from provenance.locate import LocateOptions


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
    first = next(compress(count(), seeds), None)
    if first is None:
        return  # no seed to drop
    last = len(seeds) - 1 - next(compress(count(), reversed(seeds)))
    n = texts.reference.seed_words
    # A seed crosses only a mark after one of its words but its last: marks are looked
    # for from the end of the first seed's first word to the end of the last seed's last
    # (a word of the window: there are len(words) - n + 1 seeds).
    low, high = words[first][2], words[last + n - 1][2]
    for found in _GAP_MARK.finditer(text, low, high):
        quotation_mark = found.group() not in "[]"
        if quotation_mark and not _MARKS.match(text, found.start()):
            continue  # an apostrophe ("DPRK's"), read in place (before the word is looked up)
        j = bisect_right(words, found.start(), key=itemgetter(2)) - 1  # the mark follows word j
        if j < 0 or j + 1 >= len(words) or not any(seeds[max(0, j - n + 2) : j + 1]):
            continue  # at the window's end, or where no seed crosses it
        if quotation_mark and len(_MARKS.findall(text, words[j][2], words[j + 1][1])) != 1:
            continue
        # A seed stays where the reference has, between the same two words, the
        # capture's marks.
        marks, reference_marks = marks_key(texts.capture_gap(j, j + 1)), texts.reference.gaps.marks
        for k in range(max(0, j - n + 2), min(j + 1, len(seeds))):
            if seeds[k]:
                at = j - k  # the mark lies after the seed's at-th word
                seeds[k] = tuple(i for i in seeds[k] if reference_marks[i + at] == marks)


_GAP_MARK = re.compile(r"[\[\]\"']")
"""Where a bracket or a quotation mark may be (an apostrophe is told apart in place)."""


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
    words, text = texts.reference.words, texts.reference.normalised.text
    if not _SENTENCE_END.search(text, words[run.i0][2], words[run.i1 - 1][1]):
        return (run,)  # no sentence end between its reference words: one search, not one a gap
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
    names = list(map(itemgetter(0), texts.words))  # in C: half a listcomp's time
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
    following: list[int] | None = None
    others_until = 0
    # Where a chain went on past a quotation mark closing that the reference lacks there:
    # its end, reference end and exact words before it, and the word after (by id).
    closings: dict[int, tuple[int, int, int, int]] = {}
    for j in compress(range(len(seeds)), seeds):
        hits = seeds[j]
        if (
            following is not None
            and len(hits) == 1
            and j - following[2] == 1
            and hits[0] - following[3] == 1
            and j <= others_until
        ):
            # A chain goes on word for word, and no other chain ends here or could be
            # chosen instead (see `_follower`): what the steps below do then.
            following[2], following[3], following[4] = j, hits[0], following[4] + 1
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
                if dj > n and _quoted_apart(texts, chain[2] + n - 1, j, chain[3] + n - 1, i):
                    continue  # a quotation closes and another opens: two passages
                if dj > n and _quotation_closed(texts, chain, j, i, n):
                    continue  # the quotation it opened closes, and the page's prose goes on
                if dj >= n and _echo_before(texts, chain, j, i, n):
                    continue  # the reporter's echo, then the quotation: apart
                if dj > n and texts.in_a_box(chain[2] + n - 1, j):
                    continue  # a "Read more:" box's teaser after the copy's end
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
                closings.pop(id(best), None)
            elif best is not None and (
                # (a step within a seed's words skips no word of the page's own, which is
                # what the three tests read: most steps, asked of none)
                j - best[2] <= n
                or (
                    not _commented(texts, best, j, i, n)
                    and not _titled(texts, (best[0], best[1], best[2] + n - 1), j, options)
                    and not _block_apart(texts, best[2] + n - 1, j, options)
                )
            ):
                # (a step of a seed's length or more: the seeds between were dropped at a
                # mark, `_unseed_marks`, or the page put words in)
                side = _mark_side(texts, best, j, i, n) if j - best[2] >= n else None
                closed = closings.get(id(best))
                if side == "opens" and closed is not None and j - closed[3] <= 2 * n:
                    # "“... missile tests” while the United States and the ROK “refrain
                    # ...”": a quotation closed, the page's words, another opened. The
                    # page's words matched a stretch of the statement between the two
                    # quotations: the run ends where the first closed; the second is a
                    # run of its own (docs/locate.md)
                    runs.append(_Run(best[0], closed[0], best[1], closed[1], closed[2]))
                    best[:] = [j, i, j, i, n]
                    del closings[id(best)]
                    continue
                if side == "closes":
                    closings[id(best)] = (best[2] + n, best[3] + n, best[4], j)
                best[4] += min(n, j - best[2])
                best[2], best[3] = j, i
            elif best is not None:
                # The page's own paragraph stands for a whole paragraph of the reference, as
                # many words ("The key operative passage reads:" for "The Parties propose
                # the following:"): two excerpts with commentary between, not one copy.
                runs.append(_Run(best[0], best[2] + n, best[1], best[3] + n, best[4]))
                best[:] = [j, i, j, i, n]
                closings.pop(id(best), None)
            else:
                open_chains.append([j, i, j, i, n])
        following, others_until = _follower(open_chains, j, n + options.max_inserted_words)
    done.extend(open_chains)
    for chain in done:
        closed = closings.get(id(chain))
        if closed is not None and _ends_opening(texts, chain, closed, n):
            # the page's words after a quotation closed, matching the statement's, then a
            # quotation opening whose words no seed found ("... refrain from all joint
            # exercises"): the run ends where the first quotation closed
            chain[:] = [chain[0], chain[1], closed[0] - n, closed[1] - n, closed[2]]
    # A chain begun where the copy skipped reference words holds only the seed's words
    # past the old run's end; shorter than a seed, never carried on, it is that seed's
    # chance tail ("of the Korean Peninsula" copied, then a paywall's "To continue
    # reading" read as point 5's "of the Korean Peninsula to conduct"), not the copy
    # going on after an omission.
    runs.extend(_Run(c[0], c[2] + n, c[1], c[3] + n, c[4]) for c in done if c[2] + n - c[0] >= n)
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
            if run.j1 - run.j0 - overlap < n or run.i1 - run.i0 - overlap < n:
                continue  # (a run longer in the page than in the reference, words put in
                # it, may hold fewer reference words than the overlap: none are left)
            run = _Run(run.j0 + overlap, run.j1, run.i0 + overlap, run.i1, run.exact - overlap)
        kept.append(run)
    return _repeats_apart(texts, _stutters(texts, kept))


def _stutters(texts: _Texts, runs: list[_Run]) -> list[_Run]:
    """`runs`, each that starts right where the run before it ends in the copy by
    repeating that run's last few words and then carries on past them, without its repeat.

    "... the balanced removal of the existing the balanced removal of the existing concerns
    via dialogue and consultations.": the copy says six words twice running. The second
    run, shorter than a passage, was dropped as a phrase met twice, and the copy's words
    after the repeat with it (a one-sentence excerpt was no passage at all). Without its
    repeat, it carries the first run on, and the repeat is the words between them (a
    duplication, said twice running). Only inside a line, with no quotation mark the
    reference lacks between them: a pull quote set on a line of its own before the
    paragraph it repeats is the repeat, not the paragraph's opening words."""
    out: list[_Run] = []
    for run in runs:
        if out:
            last = out[-1]
            overlap = last.i1 - run.i0
            if (
                0 <= run.j0 - last.j1 <= 1
                and last.i0 < run.i0
                and 0 < overlap <= _STUTTER_WORDS
                and run.i1 - run.i0 > overlap
                and run.j1 - run.j0 == run.i1 - run.i0  # word for word: the repeat is its head
                and not texts.line_break(last.j1 - 1, run.j0)
                and texts.extra_marks(last.j1 - 1, run.j0, last.i1 - 1, last.i1) <= 0
            ):
                run = _Run(run.j0 + overlap, run.j1, last.i1, run.i1, max(0, run.exact - overlap))
        out.append(run)
    return out


_STUTTER_WORDS = 12
"""Most words a copy may say twice running and be read on as one copy (`_stutters`)."""


def _repeats_apart(texts: _Texts, runs: list[_Run]) -> list[_Run]:
    """`runs`, each that starts by repeating what the runs before it copy and goes on past
    them cut in two where a quotation mark the reference lacks closes the repeat.

    A pull quote in quotation marks printed after the sentence it repeats ("... should be
    ruled out.¶“Any possibility ... ruled out.”¶5. The Parties ...") chains on into the
    paragraphs after it: one run that starts over and carries on, which `groups` took for
    a second excerpt overlapping the first. Cut at its closing mark, the repeat and the
    text carrying on where the copy stopped are two runs, as they are without marks, and
    `groups` reads them as a pull quote inside one copy (a duplication)."""
    out: list[_Run] = []
    hi = 0
    for run in runs:
        at = run.j0 + hi - run.i0  # the capture word copying reference word `hi`
        if (
            run.i0 < hi < run.i1
            and run.j1 - run.j0 == run.i1 - run.i0  # word for word: `at` is that word
            and texts.extra_marks(at - 1, at, hi - 1, hi) > 0
        ):
            head, tail = hi - run.i0, run.i1 - hi
            out.append(_Run(run.j0, at, run.i0, hi, min(run.exact, head)))
            out.append(_Run(at, run.j1, hi, run.i1, min(run.exact, tail)))
        elif run.i0 < hi < run.i1 and (cut := _carries_on(texts, run, hi)):
            head, at = cut[0] - run.j0, cut[1]
            out.append(_Run(run.j0, cut[0], run.i0, run.i0 + head, min(run.exact, head)))
            out.append(_Run(at, run.j1, hi, run.i1, max(0, run.exact - (at - run.j0))))
        else:
            out.append(run)
        hi = max(hi, run.i1)
    return out


def _carries_on(texts: _Texts, run: _Run, hi: int) -> tuple[int, int] | None:
    """Where `run`'s first words, repeating what the copy has (before reference word
    `hi`) and ending a sentence of the page's, end, and the capture word from which it
    carries on word for word from `hi`, where the copy stopped (at most `_STUTTER_WORDS`
    words of the page's own after them); None if it does not.

    A line of the page's own between two paragraphs of a copy may hold a phrase of the
    paragraph before ("... should be ruled out.¶The ministers signed a statement on the
    problems of the Korean Peninsula. Full text on our site.¶5. The Parties ..."): the
    phrase and the paragraph after it chain as one run, the words the phrase's sentence
    lacks omitted, which `groups` took for the copy starting over there, and the line's
    other words for words inserted into it. Cut where the phrase's sentence ends and
    where the copy carries on, the phrase is a short repeat that joins the copy as
    nothing, and the line is the page's, as it is without the phrase."""
    cw, rw = texts.words, texts.reference.words
    n = texts.reference.seed_words
    head = 0
    while (
        head < min(run.j1 - run.j0, hi - run.i0, _STUTTER_WORDS)
        and cw[run.j0 + head][0] == rw[run.i0 + head][0]
    ):
        head += 1
    end = run.j0 + head
    if head < n or end >= run.j1 or not _SENTENCE.search(texts.capture_gap(end - 1, end)):
        return None
    carried = [w for w, _, _ in rw[hi : hi + n]]
    for at in range(end, min(end + _STUTTER_WORDS, run.j1 - n) + 1):
        if [w for w, _, _ in cw[at : at + n]] == carried:
            return end, at
    return None


def _quoted_apart(texts: _Texts, j_before: int, j_after: int, i_before: int, i_after: int) -> bool:
    """Whether the page's words between two seeds set quoted text apart from what comes
    before: a quotation closing and another opening (`_Texts.stitched`), or, across a line
    break, one mark the reference lacks there (a block quotation, then the page's heading
    and a sentence of its own quoting the statement again: `... exercises.¶Notes¶The text
    says that "simultaneously, ...`), or two block quotations the markup sets out with a
    paragraph of the page's own between them (`_Texts.blocks_apart`). Quoted text never
    joins unquoted prose."""
    # `extra_marks` once, not once for `stitched` (two marks or more) and again here.
    extra = texts.extra_marks(j_before, j_after, i_before, i_after)
    if extra >= 2 or (extra == 1 and texts.line_break(j_before, j_after)):
        return True
    return texts.blocks_apart(j_before, j_after)


def _quotation_closed(texts: _Texts, chain: list[int], j: int, i: int, n: int) -> bool:
    """Whether `chain` opened right after a quotation mark the reference lacks there and
    the page's words between it and the seed at word j close that quotation, and open no
    other: 'would announce "a moratorium on ... ballistic missile tests", while the United
    States and South Korea would refrain from ...' quotes, then goes on in the page's own
    words, which echo the statement's (a run across the mark took them for the copy's,
    with material substitutions)."""
    if _mark_side(texts, chain, j, i, n) != "closes":
        return False
    first, start = chain[0], chain[1]
    if first == 0:
        return False
    opened = texts.capture_gap(first - 1, first)
    if opened.rstrip()[-1:] not in ('"', "'"):
        return False
    return start == 0 or _mark_count(texts.reference_gap(start - 1, start)) == 0


def _mark_side(texts: _Texts, chain: list[int], j: int, i: int, n: int) -> str | None:
    """Whether the page's words between `chain` and the seed at word j, reference word i,
    hold one quotation mark the reference lacks there, and whether it "closes" (straight
    after the chain's last word) or "opens" (straight before word j); else None."""
    if texts.extra_marks(chain[2] + n - 1, j, chain[3] + n - 1, i) != 1:
        return None
    gap = texts.capture_gap(chain[2] + n - 1, j)
    if gap[:1] in ('"', "'") or gap.lstrip(",.;:!?")[:1] in ('"', "'"):
        return "closes"
    return "opens" if gap[-1:] in ('"', "'") else None


def _ends_opening(
    texts: _Texts, chain: list[int], closed: tuple[int, int, int, int], n: int
) -> bool:
    """Whether a chain that went on past a quotation's closing mark (`closed`) ends within
    two seeds' words of it, its last word followed straight by an opening mark."""
    end = chain[2] + n  # the word after the chain's last
    if end - closed[3] > 2 * n or end >= len(texts.words):
        return False
    gap = texts.capture_gap(end - 1, end)
    return (
        gap[-1:] in ('"', "'")
        and texts.extra_marks(end - 1, end, chain[3] + n - 1, chain[3] + n) == 1
    )


def _echo_before(texts: _Texts, chain: list[int], j: int, i: int, n: int) -> bool:
    """Whether a short chain (under two seeds' words) ends in the page's prose and the seed
    at capture word j opens a quotation after words of the page's own: "... by the launch
    and consider it "unacceptable and in disharmony ...": the reporter echoes the
    statement's words, then quotes it. The quotation is the copy; the echo and the
    quotation are not one passage with "it" for "this statement" in it. So is an echo
    straight before the mark where the quotation resumes further on in the reference
    ("argues that the deployment of THAAD “is inflicting ...”": the statement's
    "antimissile systems in Northeast Asia" between were a material omission)."""
    if chain[2] + n - chain[0] >= 2 * n:
        return False
    gap = texts.capture_gap(chain[2] + n - 1, j)
    if gap[-1:] not in ('"', "'"):
        return False  # no mark opening straight before the word
    if not gap[:-1].strip(" \t") and i - chain[3] <= j - chain[2]:
        return False  # no words of its own, and the reference skips none at the mark
    return texts.extra_marks(chain[2] + n - 1, j, chain[3] + n - 1, i) == 1


def _commented(texts: _Texts, chain: list[int], j: int, i: int, n: int) -> bool:
    """Whether the seed at capture word j, reference word i, carries `chain` on past a
    gap that is the page's own line introducing what follows ("The key operative passage
    reads:") and standing for whole reference paragraphs (`groups._commentary_between`),
    in an excerpt (not a copy from the reference's start).
    Only a gap of unseeded words on both sides is looked at: rare, and cheap to test."""
    if j - chain[2] <= n or i - chain[3] <= n or chain[1] == 0:
        return False
    if not _INTRODUCES.search(texts.capture_gap(chain[2] + n - 1, j)):
        return False  # a link line or other furniture in the dropped paragraph's place
    last = _Run(chain[0], chain[2] + n, chain[1], chain[3] + n, chain[4])
    return _commentary_between(texts, last, _Run(j, j + n, i, i + n, n), chain[3] + n)


def _follower(open_chains: list[list[int]], j: int, reach: int) -> tuple[list[int] | None, int]:
    """The chain a seed at word j + 1 may carry on word for word without `_chains`'
    choosing steps, and the last word for which that holds.

    A seed one word and one reference word on from a chain's last seed extends that
    chain, as the steps would, when no open chain ends there (more than `reach` words
    past its own last seed) and no other open chain lies on the same diagonal (with no
    drift either, the steps could choose it first). Returns the first open chain whose
    last seed is at word j (None if there is none, or another lies on its diagonal) and
    the last word before another open chain ends. A phrase the reference has twice opens
    a second chain that stays open for `reach` words; the copy's own chain goes on one
    step a word meanwhile (four in five of the steps that chose, on the scan's candidates).
    """
    following = None
    until = sys.maxsize
    for chain in open_chains:
        if chain[2] == j and following is None:
            following = chain
        else:
            until = min(until, chain[2] + reach)
    if following is not None:
        diagonal = following[2] - following[3]
        if any(c is not following and c[2] - c[3] == diagonal for c in open_chains):
            following = None
    return following, until


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
