"""One reordered copy, or excerpts quoted out of order: which a group of runs is.

`groups._groups` joins runs that lie near each other in the reference, whatever their
order: a copy with two paragraphs swapped, or one paragraph moved, is one passage with
its moves. A page that quotes paragraph 12 and then paragraph 10 is grouped the same
way, and would read as one copy that "moved" paragraph 12 and "omitted" paragraph 11,
which the page never claimed to hold. What tells them apart is whether the pieces out of
order fill each other's places. docs/locate.md, "One copy: grouping runs", has the rule.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from provenance.locate.runs import _Run, _sentence_starts, _Texts, _without_inserted_end

if TYPE_CHECKING:
    from provenance.locate import LocateOptions


def _copies(texts: _Texts, group: list[_Run], options: LocateOptions) -> list[list[_Run]]:
    """The copies `group` is, in capture order: itself when it is one copy, else its parts.

    The group's runs in place (the heaviest of them in the reference's order, as
    `provenance.moves` finds them) cover a stretch of the reference; the other runs were
    moved. A moved run belongs to the copy when it lies in that stretch (it fills, wholly
    or in part, a hole the runs in place leave: a paragraph moved away from its place) or
    when it reaches the stretch with no hole between, by itself or through other runs (a
    swap of neighbours; the last paragraph printed first). A run that reaches it only
    across a hole (`_hole`) is an excerpt of its own: the group is cut on both sides of
    it, and each part is judged again (two excerpts after the cut may be a swap).
    """
    stray = _stray(texts, group, options)
    if not stray:
        return [group]
    # Words opening a sentence at the end of a run go with the run after it, which is
    # then cut off (`_sentence_starts`): the words the page has before them are its own.
    runs = _sentence_starts(texts, group)
    parts = [
        [runs[k] for k in part]
        for _, part in itertools.groupby(range(len(runs)), key=stray.__contains__)
    ]
    for part in parts[:-1]:
        part[-1] = _without_inserted_end(texts, part[-1], options)
    return [copy for part in parts for copy in _copies(texts, part, options)]


def _stray(texts: _Texts, group: list[_Run], options: LocateOptions) -> set[int]:
    """Indices of the runs of `group` that reach the stretch of its runs in place only
    across a hole of the reference that no run of the group covers."""
    if len(group) < 2:
        return set()
    placed = [group[k] for k in _in_place(group)]
    lo, hi = min(r.i0 for r in placed), max(r.i1 for r in placed)
    for run in sorted((r for r in group if r.i1 > hi), key=lambda r: r.i0):
        if run.i0 > hi and _hole(texts, hi, run.i0, options):
            break
        hi = max(hi, run.i1)
    for run in sorted((r for r in group if r.i0 < lo), key=lambda r: -r.i1):
        if run.i1 < lo and _hole(texts, run.i1, lo, options):
            break
        lo = min(lo, run.i0)
    return {k for k, r in enumerate(group) if r.i0 >= hi or r.i1 <= lo}


def _in_place(group: list[_Run]) -> set[int]:
    """Indices of the heaviest sequence of runs (by capture words) whose reference order
    is the capture's, each starting where or after the one before it ends.

    >>> sorted(_in_place([_Run(0, 50, 100, 150, 50), _Run(50, 60, 0, 10, 10)]))
    [0]
    """
    best: list[tuple[int, int]] = []  # (weight, previous index) per run
    # The heaviest sequence ending at or before each reference word, as a Fenwick tree of
    # (weight, -index) maxima (the earliest of equal weights wins, as a scan of the runs
    # before would choose): a page of thousands of runs read all those before each.
    size = max((r.i1 for r in group), default=0) + 1
    tree = [(0, 1)] * (size + 1)
    for k, run in enumerate(group):
        weight, previous, at = run.j1 - run.j0, -1, min(run.i0, size - 1) + 1
        found = (0, 1)
        while at > 0:
            found, at = max(found, tree[at]), at & (at - 1)
        if found[1] <= 0 and found[0] > 0:
            weight, previous = found[0] + weight, -found[1]
        best.append((weight, previous))
        at = run.i1 + 1
        while at <= size:
            tree[at], at = max(tree[at], (weight, -k)), at + (at & -at)
    placed: set[int] = set()
    k = max(range(len(group)), key=lambda m: best[m][0])
    while k >= 0:
        placed.add(k)
        k = best[k][1]
    return placed


def _hole(texts: _Texts, start: int, end: int, options: LocateOptions) -> bool:
    """True when reference words [start, end), which no run covers, are text a page of
    excerpts leaves out: more than `min_words` words, or a whole sentence of `seed_words`
    words or more (between two sentence ends: "The Parties propose the following:").

    Fewer words, in part of one sentence, are what a run's edges miss when the copy
    changed words near them (a swap of two edited paragraphs); a paragraph's number
    ("5.") alone is too short to count.
    """
    if end - start > options.min_words:
        return True
    if end - start < options.seed_words:
        return False
    ends = [i for i in range(start, end + 1) if texts.reference_break(i)]
    return len(ends) >= 2
