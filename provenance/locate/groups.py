"""Runs grouped into copies: which runs of a window are one copy, in capture order.

`_groups` takes the runs `runs._chains` found and joins each to the copy before it, starts
a new copy, or drops it (`_joins`): a copy may have parts moved, repeated or interrupted
by foreign material. A run whose head repeats what the copy has is split (`_split_repeat`),
and neighbouring groups that are one copy of a stretch are merged. `order` then splits a
group that is excerpts quoted out of order, and `edges` settles each run's edges.
docs/locate.md, "One copy: grouping runs", has the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from provenance.locate.texts import _SENTENCE, _Run, _Texts, content_words

if TYPE_CHECKING:
    from provenance.locate import LocateOptions


class _Group(list[_Run]):
    """A copy's runs, with what they cover summed as runs are added: a page printing one
    sentence of the statement thousands of times made one group of them, and each new
    run read all the others (quadratic). The summary is of the runs before the last
    (`_split_repeat` may replace the last), the last added in when asked."""

    def __init__(self, runs: Iterable[_Run] = ()) -> None:
        super().__init__()
        self._lo, self._hi, self._words = _FAR, 0, 0
        self._covered: list[list[int]] = []  # disjoint [start, end) of the reference, by start
        self.extend(runs)

    def extend(self, runs: Iterable[_Run]) -> None:
        for run in runs:
            if self:
                self._add(self[-1])  # the last so far is settled now
            super().append(run)

    def append(self, run: _Run) -> None:
        self.extend((run,))

    def _add(self, run: _Run) -> None:
        self._lo, self._hi = min(self._lo, run.i0), max(self._hi, run.i1)
        self._words += run.j1 - run.j0
        _cover(self._covered, run.i0, run.i1)

    @property
    def lo(self) -> int:
        return min(self._lo, self[-1].i0)

    @property
    def hi(self) -> int:
        return max(self._hi, self[-1].i1)

    @property
    def words(self) -> int:
        """Capture words the runs copy."""
        return self._words + self[-1].j1 - self[-1].j0

    def covered(self) -> list[list[int]]:
        """The reference stretches the runs cover, disjoint, by start."""
        out = [list(c) for c in self._covered]
        _cover(out, self[-1].i0, self[-1].i1)
        return out


_FAR = 1 << 30
"""A first reference word past any: a group's before it has runs."""


def _cover(covered: list[list[int]], start: int, end: int) -> None:
    """Add [start, end) to `covered` (disjoint [start, end) lists, by start), joining the
    stretches it overlaps or touches."""
    at = bisect_left(covered, [start, -1])
    if at and covered[at - 1][1] >= start:
        at -= 1
    last = at
    while last < len(covered) and covered[last][0] <= end:
        last += 1
    if last > at:
        start, end = min(start, covered[at][0]), max(end, covered[last - 1][1])
    covered[at:last] = [[start, end]]


def _words(group: list[_Run]) -> int:
    """Capture words the runs of `group` copy."""
    if isinstance(group, _Group):
        return group.words
    return sum(r.j1 - r.j0 for r in group)


def _reach(group: list[_Run]) -> tuple[int, int]:
    """The first and the last reference word (past it) the runs of `group` copy."""
    if isinstance(group, _Group):
        return group.lo, group.hi
    return min(r.i0 for r in group), max(r.i1 for r in group)


def _groups(texts: _Texts, runs: list[_Run], options: LocateOptions) -> list[list[_Run]]:
    """Runs that are one copy, in capture order.

    A run joins the copy before it when few words separate them and its reference lies
    near what the copy has covered (before it: moved; inside it: moved or repeated;
    after it: carried on past an omission), or when more words separate them (at most
    `max_interruption_words`: foreign material) and it carries on where the copy
    stopped. A run that leaves one quotation and opens another never joins. See
    docs/locate.md.
    """
    groups: list[_Group] = []
    for k, run in enumerate(runs):
        following = runs[k + 1] if k + 1 < len(runs) else None
        pulled = _pull_quote_before(texts, groups[-1], run, options) if groups else None
        verdict = _joins(texts, groups[-1], run, following, options) if groups else "new"
        if (
            verdict == "join"
            and _repeated(groups[-1], run) >= run.i1 - run.i0
            and _own_line_introducing(texts, groups[-1], [run])
        ):
            verdict = "new"  # "Commentary¶... It reads:", then text the copy has: quoted again
        if pulled:
            groups[-1] = _Group([*pulled, run])
        elif verdict == "join" and _lead_in(texts, groups[-1], run, options):
            groups[-1] = _Group([run])
        elif verdict == "join":
            groups[-1].extend(_split_repeat(texts, groups[-1], run))
        elif verdict == "new":
            groups.append(_Group([run]))
        while (
            len(groups) > 1
            and not _quoted_after_own_words(texts, groups[-2], groups[-1])
            and _one_copy(texts, groups[-2], groups[-1], options)
        ):
            groups[-2:] = [_merged(texts, groups[-2], groups[-1], options)]
        if len(groups) > 2 and _pulled_out(groups[-3], groups[-2], groups[-1], options):
            groups[-3].extend(groups[-2] + groups[-1])  # (in place: see `_Group`)
            del groups[-2:]
        elif len(groups) > 1 and len(groups[-1]) > 1:
            # the pull quote and the text after it joined as one group (a short last
            # paragraph carries on from the pull quote's words)
            head, *after = groups[-1]
            if _pulled_out(groups[-2], [head], after, options):
                groups[-2].extend(groups[-1])
                del groups[-1]
    out: list[list[_Run]] = [*groups]
    return out


def _lead_in(texts: _Texts, group: list[_Run], run: _Run, options: LocateOptions) -> bool:
    """Whether `group` is a phrase of the page's own sentence before a copy that `run`
    starts: a single run shorter than `min_words` whose words `run` copies again, from
    earlier in the reference or from the same word ("The foreign ministries of Russia and
    China released the following statement on Tuesday.", "The Russian Federation and the
    People's Republic of China put out this text on Tuesday." before the statement).
    Joined, the phrase was a duplication opening the copy and the rest of the page's
    sentence a material insertion. Only a phrase sharing a sentence with the page's words
    (`_glued`): a short paragraph of the statement printed alone before the copy is a
    repeat of it."""
    if len(group) != 1 or run.j1 - run.j0 < options.min_words:
        return False
    head = group[0]
    if head.j1 - head.j0 >= options.min_words or not (run.i0 <= head.i0 and head.i1 <= run.i1):
        return False
    return _glued(texts, head, 0, run.j0)


def _pulled_out(
    before: list[_Run], pulled: list[_Run], after: list[_Run], options: LocateOptions
) -> bool:
    """True when `pulled` only repeats what `before` or `after` copies and `after`
    carries on where `before` stopped, within `max_interruption_words`: a pull quote set
    in quotation marks inside the copy (which keep it apart from the copy around it),
    beside the text it repeats, before or after it: one copy with a repeat, as the same
    pull quote without marks is."""
    if after[0].j0 - before[-1].j1 > options.max_interruption_words:
        return False
    if not any(all(_repeated(side, r) >= r.i1 - r.i0 for r in pulled) for side in (before, after)):
        return False
    hi = _reach(before)[1]
    return -options.seed_words <= after[0].i0 - hi <= options.continuity_words


def _pull_quote_before(
    texts: _Texts, group: list[_Run], run: _Run, options: LocateOptions
) -> list[_Run] | None:
    """`group` with its tail as a run of its own, when that tail is a pull quote of the
    text `run` copies: one line of its own at the copy's end (up to one cut-off word
    after it), at most `max_interruption_words` long, with `run` on the next line copying
    its words and going on past them. None otherwise.

    The tail carries the copy on in the reference's order (a pull quote of the next
    paragraph's opening) or skips ahead (one of its middle lines), so it joined the copy
    and `run` looked like the text printed again; kept apart, `run` is the copy going on
    and the tail the repeat (`align_copy` masks the shorter of the two).
    """
    last = group[-1]
    hi = last.i1
    if hi != _reach(group)[1] or run.i1 <= hi or run.i0 >= hi:
        return None
    if not 0 <= run.j0 - last.j1 <= 1 or not texts.line_break(last.j1 - 1, run.j0):
        return None
    rw, most = (
        texts.reference.words,
        min(last.j1 - last.j0, hi - run.i0, options.max_interruption_words),
    )
    words = 0
    while words < most and texts.words[last.j1 - 1 - words][0] == rw[hi - 1 - words][0]:
        words += 1
    at = last.j1 - words
    if not words or (at == last.j0 and len(group) == 1) or not texts.line_break(at - 1, at):
        return None
    if texts.line_break(at, last.j1 - 1):
        return None  # more than a line: the copy's own paragraphs, printed again after
    # the head ends where `run` starts at the latest: words the tail skips (a paragraph
    # number the pull quote leaves out) are `run`'s
    end = min(hi - words, run.i0)
    head = [_Run(last.j0, at, last.i0, end, max(0, last.exact - words))] if at > last.j0 else []
    return [*group[:-1], *head, _Run(at, last.j1, hi - words, hi, min(words, last.exact))]


def _merged(texts: _Texts, first: _Group, second: list[_Run], options: LocateOptions) -> _Group:
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
    first.extend(_split_repeat(texts, first, run) + rest)  # (in place: see `_Group`)
    return first


def _one_copy(texts: _Texts, first: list[_Run], second: list[_Run], options: LocateOptions) -> bool:
    """True when two neighbouring groups, each of `min_words` or more, are together one
    copy of a stretch of the reference with no hole over `max_omitted_words`: a
    paragraph moved far, whose neighbours alone look like separate excerpts. Not when
    the second starts the text over (`_starts_over`): the page prints it again."""
    gap = second[0].j0 - first[-1].j1
    halves = gap > options.max_interruption_words
    if halves and not _halves(first, second, gap, texts, options):
        return False
    if min(_words(g) for g in (first, second)) < options.min_words:
        return False  # a few words in common are not evidence of a moved paragraph
    hi = _reach(first)[1]
    if gap > options.max_inserted_words and _quoted_back(texts, first, second):
        return False
    marks = texts.extra_marks(first[-1].j1 - 1, second[0].j0, hi - 1, second[0].i0)
    if not halves and (marks >= 2 or (marks == 1 and gap <= options.max_inserted_words)):
        # (marks in the commentary between two halves are its own: 'the “double
        # freezing” idea')
        return False
    if (gap > options.max_inserted_words or _own_line_introducing(texts, first, second)) and all(
        _repeated(first, r) >= r.i1 - r.i0 for r in second
    ):
        return False  # the page's prose, then text the copy already has: quoted again
    lo, hi = _reach(first)
    if lo > 0 and _commentary_between(texts, first[-1], second[0], hi):
        return False
    if _cut_with_ellipsis(texts, first[-1], second[0], hi, options):
        return False
    if texts.blocks_apart(first[-1].j1 - 1, second[0].j0):
        return False  # two block quotations, the page's paragraph between
    if _chosen_blocks(texts, lo, hi, first[-1], second[0], options):
        return False
    if isinstance(first, _Group):
        covered = first.covered()
        for r in second:
            _cover(covered, r.i0, r.i1)
    else:
        covered = sorted([r.i0, r.i1] for r in first + second)
    # (a copy from the text's start whose parts abut on the page, nothing but a point's
    # number between them, has lost what it skips however long: the statement "in full"
    # without its third point, not two excerpts)
    abutting = lo == 0 and _UNWORDED.fullmatch(texts.capture_gap(first[-1].j1 - 1, second[0].j0))
    end = covered[0][1]
    for start, stop in covered[1:]:
        if start - end > options.max_omitted_words and not (abutting and start > end):
            return False
        end = max(end, stop)
    run = second[0]
    return not _starts_over(run, lo, _repeated(first, run, options.min_words), options)


def _quoted_after_own_words(texts: _Texts, first: list[_Run], second: list[_Run]) -> bool:
    """Whether `second` opens a quotation of the page's own after more than a few of its
    own words since `first`, no other mark the reference lacks between: an e-mail's reply
    quotes a block ("> The Parties confirm ..."), says a sentence or two, then quotes the
    next paragraph's end in its prose ("... where they “have agreed to adopt ..."). Two
    quotations, not one copy with the reply's words a material substitution for the
    paragraph's opening (audit n59)."""
    start = second[0].j0
    if start - first[-1].j1 <= _FEW_WORDS or not _OPENS.search(texts.capture_gap(start - 1, start)):
        return False
    hi = _reach(first)[1]
    return texts.extra_marks(first[-1].j1 - 1, start, hi - 1, second[0].i0) == 1


_OPENS = re.compile(r"(?:^|\s)[\"\u201c\u00ab\u2018']+$")
"""A quotation mark opening right before a word (the gap before it ends in one)."""
_FEW_WORDS = 3
"""Most words of the page's own before its quotation that may still be a copy's gap (a
word or two the copier put in, then a pull quote's mark)."""


def _quoted_back(texts: _Texts, first: list[_Run], second: list[_Run]) -> bool:
    """Whether `second`, after the page's own words, copies what comes before `first` in
    the reference and holds quotation marks the reference does not have there: the page
    quoting an earlier sentence in its prose ("The ministries urge all countries concerned
    to “maintain calm, ... and work actively together to defuse tension.”"), not a
    paragraph the copy moved (audit n56: the commentary between was a material insertion
    and the quotation two reorderings)."""
    lo = _reach(first)[0]
    if second[0].i0 >= lo:
        return False
    last = second[-1]
    return texts.extra_marks(second[0].j0, last.j1 - 1, second[0].i0, last.i1 - 1) > 0


def _halves(
    first: list[_Run], second: list[_Run], gap: int, texts: _Texts, options: LocateOptions
) -> bool:
    """Whether two groups with more than `max_interruption_words` of the page's own
    between them are the two halves of one copy of the whole text, which lost reference
    words where the page's words stand: the first from the text's start, the second
    running on to (within `max_omitted_words` of) its end, the hole between at most
    `max_omitted_words`, the page's words between at most `max_commentary_words` (a
    paragraph of commentary). Two excerpts, each with a seam where the statement's point
    went missing, hid the loss; halves with no hole stay two excerpts, nothing lost."""
    lo, hi = _reach(first)
    end = _reach(second)[1]
    hole = second[0].i0 - hi
    return (
        lo == 0
        and gap <= options.max_commentary_words
        and 0 < hole <= options.max_omitted_words
        and len(texts.reference.words) - end <= options.max_omitted_words
    )


_UNWORDED = re.compile(r"[\W\d_]*")
"""A gap of the page holding no word: white space, punctuation, a list's number."""


def _chosen_blocks(
    texts: _Texts, lo: int, hi: int, last: _Run, run: _Run, options: LocateOptions
) -> bool:
    """Whether `last` and `run` lie in two block quotations the markup sets out, of
    passages the reference has more than `continuity_words` between, in an excerpt (not a
    copy from the reference's start): the page chose two passages to quote ("Key
    passages"), it did not cut text out of one copy. A copy set out paragraph by paragraph
    in blocks from the text's start keeps its omission."""
    return (
        lo > 0 and run.i0 - hi > options.continuity_words and texts.two_blocks(last.j1 - 1, run.j0)
    )


def _commentary_between(texts: _Texts, last: _Run, run: _Run, hi: int) -> bool:
    """True when the page's own paragraph (`_COMMENTARY_WORDS` or more, not bracketed,
    with few content words of the paragraphs skipped) stands between `last` and `run` where
    the reference has whole paragraphs the page skips: excerpts quoted with the page's
    commentary between them ("Analysts said the language was the strongest yet."), not
    a copy whose paragraph a summary or translation stands in for, which shares some of
    its words. (Callers ask only for excerpts, not a copy from the text's start: a full
    copy that drops a paragraph where the page has an advertisement keeps it.)"""
    if run.i0 <= hi or run.j0 - last.j1 < _COMMENTARY_WORDS:
        return False
    if not (texts.reference_line_break(hi) and texts.reference_line_break(run.i0)):
        return False
    if not (texts.line_break(last.j1 - 1, last.j1) and texts.line_break(run.j0 - 1, run.j0)):
        return False
    start = texts.normalised.to_original[texts.words[last.j1][1]]
    if texts.original[start] in "[(":
        return False
    ours = content_words(w for w, _, _ in texts.words[last.j1 : run.j0])
    shared = ours & content_words(w for w, _, _ in texts.reference.words[hi : run.i0])
    if not shared:
        return True
    # A few shared words: commentary if it is short beside what it skips, or introduces
    # what follows ("Second, on THAAD itself:"); a summary or translation standing in for
    # a paragraph runs about as long as the paragraph.
    short = 2 * (run.j0 - last.j1) <= run.i0 - hi
    introduces = _INTRODUCES.search(texts.capture_gap(last.j1 - 1, run.j0)) is not None
    few = len(shared) <= min(_COMMENTARY_SHARED, _COMMENTARY_SHARES * len(ours))
    if short and introduces:
        # a line introducing what follows names the topics of what it skips ("The section
        # on inter-Korean dialogue is short. More interesting is the language on missile
        # defence:", "And on missile defence:"): up to half its words
        few = few or len(shared) <= max(1, len(ours) // 2)
    return few and (short or introduces)


def _own_line_introducing(texts: _Texts, first: list[_Run], second: list[_Run]) -> bool:
    """Whether the page's own lines of a few words (`_COMMENTARY_WORDS` or more) stand
    between two groups, set apart by line breaks and ending in a colon that introduces
    the second ("Commentary¶The section on missile defence was the most pointed. It
    reads:"): shorter than `max_inserted_words`, they still say the page quotes again."""
    last, run = first[-1], second[0]
    if run.j0 - last.j1 < _COMMENTARY_WORDS:
        return False
    if not (texts.line_break(last.j1 - 1, last.j1) and texts.line_break(run.j0 - 1, run.j0)):
        return False
    return _INTRODUCES.search(texts.capture_gap(last.j1 - 1, run.j0)) is not None


def _cut_with_ellipsis(
    texts: _Texts, last: _Run, run: _Run, hi: int, options: LocateOptions
) -> bool:
    """True when `last` ends its line with an ellipsis, lines of the page's own words
    follow, and `run` starts on a later line past reference words the page skips (more
    than `continuity_words` after `hi`): snippets the page cut ("... on the Korean
    Peninsula's problems, …", then "Read more" and the next card's source and headline),
    each an excerpt of its own. Read as one copy, the card's furniture was a material
    substitution for the reference text no card shows. An ellipsis with no line of the
    page's own after it stands for the words a copy leaves out: one copy, an omission."""
    if run.i0 - hi <= options.continuity_words or run.j0 <= last.j1:
        return False
    return texts.ellipsis_ends_line(last.j1 - 1) and texts.line_break(run.j0 - 1, run.j0)


_COMMENTARY_WORDS = 4
_COMMENTARY_SHARED = 2
_COMMENTARY_SHARES = 0.25
"""Most content words of the page's paragraph, in number and in share, that the skipped
paragraphs may have for it to be commentary: a reporter writing about the statement uses
one or two of its words ("On the American missile defence system deployed in South
Korea, the ministries were blunt" shares "missile" and "south" with the two paragraphs
it stands between); a summary standing in for a paragraph shares three or more, and a
quarter to three quarters of its own (measured on six commentaries and five summaries
written for it)."""
_INTRODUCES = re.compile(r":\s*$")
"""A gap ending in a colon: the page's line introducing the text it sets out next."""


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
    hi = _reach(group)[1]
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


def _block_apart(texts: _Texts, last: int, j: int, options: LocateOptions) -> bool:
    """Whether capture word `last` and word j are two things quoted: one in a block
    quotation the markup sets out and the other not, with more than a few of the page's
    words between or a colon introducing the block ("... the Chinese-proposed ideas of
    “double freezing”, which the text defines in brackets:" and a `<blockquote>` of the
    bracket). Joined, the page's words between were a material substitution in one copy."""
    if j - last <= 1 or texts.in_block(j) == texts.in_block(last):
        return False
    return j - last - 1 > options.max_inserted_words or bool(
        _INTRODUCED.search(texts.capture_gap(j - 1, j))
    )


_INTRODUCED = re.compile(r":\s*[(\[\"\u201c\u00ab\u2018']*\s*$")
"""A colon ending the words before a block (its opening bracket or mark aside)."""


def _titled(texts: _Texts, phrase: tuple[int, int, int], j: int, options: LocateOptions) -> bool:
    """Whether capture words `phrase` (first, its reference word, last), a phrase of the
    reference, end a page's title and word j starts the copy after a line of the page's
    own: "Statement on the Korean Peninsula's problems¶The full text follows.¶4.The
    Parties ..." (the title's last words are the ones the reference has before point 4).
    Carried on, the title was the copy's first words and the page's line a material
    insertion in it. Only a phrase shorter than `min_words` that ends its line with no
    sentence end, a gap of whole lines of the page's own, and a phrase that shares its
    line with the page's words before it or opens its line capitalised where the
    reference's word is not ("An atmosphere of peacefulness and mutual trust")."""
    j0, i0, last = phrase
    if j - last <= 1 or last + 1 - j0 - _CHANCE_WORDS >= options.min_words:
        return False  # (the cheap tests first: this is asked at most steps of a chain)
    # (a seed's chance words past the title's line: "The" of "The next lines", "The
    # Parties" of "The Parties of the plan are named below")
    for k in range(last, max(j0 + 1, last - _CHANCE_WORDS), -1):
        if texts.line_break(k - 1, k):
            last = k - 1
            break
    if j - last <= 1 or last + 1 - j0 >= options.min_words:
        return False
    if not (texts.line_break(last, last + 1) and texts.line_break(j - 1, j)):
        return False
    if _SENTENCE.search(texts.capture_gap(last, last + 1)):
        return False  # the phrase ends a sentence: the copy's own
    if j0 > 0 and not texts.line_break(j0 - 1, j0):
        return not _SENTENCE.search(texts.capture_gap(j0 - 1, j0))
    return _capitalised_otherwise(texts, j0, i0)


_CHANCE_WORDS = 2
"""Most words of a seed past a title's line that may be the reference's by chance."""


def _capitalised_otherwise(texts: _Texts, j: int, i: int) -> bool:
    """Whether capture word j opens with a capital where reference word i does not: a
    headline's case, not the text's."""
    here = texts.original[texts.normalised.to_original[texts.words[j][1]]]
    reference = texts.reference
    there = reference.document.text[reference.normalised.to_original[reference.words[i][1]]]
    return here.isupper() and there.islower()


_SENTENCE_END = re.compile(r"[.!?]")


def _repeated(group: list[_Run], run: _Run, enough: int | None = None) -> int:
    """Reference words of `run` that the runs of `group` copy already (counted once a
    run), or as soon as that reaches `enough` (by default `run`'s length), that many or
    more: the callers ask whether it reaches a number no greater, and a group of
    thousands of repeats need not be read to the end for each."""
    if enough is None:
        enough = run.i1 - run.i0
    total = 0
    for r in reversed(group):
        total += max(0, min(run.i1, r.i1) - max(run.i0, r.i0))
        if total >= enough:
            break
    return total


def _split_repeat(texts: _Texts, group: list[_Run], run: _Run) -> list[_Run]:
    """A run whose head repeats what the copy already has, as the repeat and the rest.

    When the head's words are also the words the run before it goes on with (both
    paragraphs end "in the region"), they go to the run before: no repeat.
    """
    hi = _reach(group)[1]
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
    lo, hi = _reach(group)
    marks = texts.extra_marks(last.j1 - 1, run.j0, hi - 1, run.i0)
    if marks >= 2 or (marks == 1 and gap <= options.max_inserted_words):
        return "new"  # one is quoted and the other not, or two quotations
    if _block_apart(texts, last.j1 - 1, run.j0, options):
        return "new"
    if texts.in_a_box(last.j1 - 1, run.j0):
        # a "Continue reading:" box's teaser after the copy stops: its words are no copy
        # going on; a long stretch of them is a snippet of its own
        return "new" if run.j1 - run.j0 >= options.min_words else "drop"
    if lo > 0 and _commentary_between(texts, last, run, hi):
        return "new"
    if _cut_with_ellipsis(texts, last, run, hi, options):
        return "new"
    if texts.blocks_apart(last.j1 - 1, run.j0):
        return "new"  # two block quotations, the page's paragraph between
    if _chosen_blocks(texts, lo, hi, last, run, options):
        return "new"
    carries_on = -texts.reference.seed_words <= run.i0 - hi
    if _stray(texts, group, run, following, options):
        return "drop"
    if gap > options.max_inserted_words:
        return "join" if carries_on and run.i0 - hi <= options.continuity_words else "new"
    repeated = _repeated(group, run, max(options.min_words, options.max_omitted_words + 1))
    if _starts_over(run, lo, repeated, options) and not _resumed(group, run, following, options):
        return "new"
    if _after_heading(texts, group, run) or (
        len(group) == 1
        and _titled(texts, (group[0].j0, group[0].i0, group[0].j1 - 1), run.j0, options)
    ):
        return "new"
    distance = max(0, run.i0 - hi, lo - run.i1)
    ends = len(texts.reference.words)
    if lo == 0 and gap <= 0 and 2 * hi >= ends and run.i0 > hi and run.i1 == ends:
        # The statement from its start past its middle, then, with nothing between, its
        # last words: one copy missing a part ("... point 5.¶This statement was signed
        # in Moscow ..." without point 6), however long the part. (Not a first paragraph
        # then the last, as a page of shuffled paragraphs sets them.)
        return "join"
    if distance > options.max_omitted_words or repeated > options.max_omitted_words:
        return "new"
    if not carries_on and run.j1 - run.j0 < options.min_words:
        return "drop"
    return "join"


def _stray(
    texts: _Texts, group: list[_Run], run: _Run, following: _Run | None, options: LocateOptions
) -> bool:
    """Whether `run`, shorter than `min_words`, is a phrase of another part of the
    reference met in the copy's own words, between `group` and a run carrying the copy on
    (joining it, or with it one copy: `_one_copy`):
    "Military force to resolve the Korean Peninsula's problems must be excluded." retyped
    for a sentence of paragraph 4 holds five words of the preamble. Its reference lies
    outside the stretch the copy covers, so it is no move; kept, it started a group of
    its own that parted the copy in two excerpts, and the sentence it stood in was
    reported nowhere. Dropped, the sentence is the copy's substitution. So too for a
    phrase the run after it copies again in its place ("a build-up that does nothing to
    help achieve the aims of peace." before the THAAD paragraph, which has those words):
    kept, it was a move, then a duplication. So too for a phrase a run of the copy already
    copied ("on the peninsula and in" in a paragraph retyped, the words the copy gave
    earlier in point 3): kept, it parted a full copy in two. Only where the
    copy goes on forward after it and the phrase shares a sentence with the page's own
    words: a short paragraph of the statement standing alone ("The Parties propose the
    following:") in a reordered copy is a piece of it, moved."""
    if following is None or run.j1 - run.j0 >= options.min_words:
        return False
    lo, group_hi = _reach(group)
    hi = max(group_hi, following.i1)
    seed = texts.reference.seed_words
    ahead = following.i0 <= run.i0 and run.i1 <= following.i1
    behind = any(r.i0 <= run.i0 and run.i1 <= r.i1 for r in group)
    if lo - seed < run.i1 and run.i0 < hi + seed and not (ahead and run.i0 >= group_hi):
        if not behind:
            return False  # inside the stretch the copy covers: moved or repeated, `_joins` decides
    if following.i0 < group_hi - seed:
        return False  # the copy goes back after it: a reordered copy, whose pieces all count
    if not _glued(texts, run, group[-1].j1, following.j0):
        return False  # a sentence or paragraph of its own: a piece of the statement moved here
    joins = _joins(texts, group, following, None, options) == "join"
    return joins or _one_copy(texts, group, [following], options)


def _glued(texts: _Texts, run: _Run, before: int, after: int) -> bool:
    """Whether `run` shares a sentence and a line with the page's own words around it:
    with the word before it when there are own words from capture word `before` on, or
    with the word after it when there are own words up to `after`."""
    joints = []
    if run.j0 > before:
        joints.append(run.j0 - 1)  # the page's word just before the run
    if after > run.j1:
        joints.append(run.j1 - 1)  # the run's last word, the page's after it
    return any(
        not _SENTENCE.search(texts.capture_gap(j, j + 1)) and not texts.line_break(j, j + 1)
        for j in joints
    )
