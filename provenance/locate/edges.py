"""Each run's edges settled: the last word-level step of `locate`, before passages.

`_sentence_starts` gives the words opening a sentence at a run's end to the run after it;
`_settle` grows a run over matching and changed words at its edges (footnote markers the
copy added, mistyped words, lines of page furniture inside its last sentence);
`_line_edges` grows a passage over the few words its line has in other words at a
paragraph's edge. `locate` then settles the passage's edges character by character.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from provenance.footnotes import hanging_marker
from provenance.locate.texts import _SENTENCE, _Run, _Texts


def _settle(
    texts: _Texts, run: _Run, lo: int, hi: int, ref_hi: int | None = None, ref_lo: int = 0
) -> _Run:
    """Grow a run over neighbouring words that match, and over changed words at its edges.

    Exact words are taken as long as no quotation mark the reference lacks lies between
    (so `," the` after a quotation stays out). Within one sentence (no sentence end,
    quotation mark or line break in either text) the run also takes a changed word when a
    matching word lies beyond it, a mistyped word (see `_mistyped`), and a word one text
    has and the other lacks when the next two words match again; at the end, the words to
    where both sentences end (`_to_sentence_end`). The run never passes
    capture words lo..hi, nor grows its end past reference word `ref_hi` (where the next run
    of the copy, in the reference's order, starts: its words are that run's to copy), nor
    its start back before `ref_lo` (where the run before it ends: a copy saying words twice
    running, `runs._stutters`, copied them there).
    """
    cw, rw = texts.words, texts.reference.words
    j0, j1, i0, i1 = run.j0, run.j1, run.i0, run.i1

    def same(j: int, i: int) -> bool:
        return cw[j][0] == rw[i][0]

    plain = texts.plain_gap
    while j0 > lo and i0 > ref_lo:
        before = _marker_before(texts, j0, i0)
        if before:  # a footnote marker the copy added: see the end's loop below
            k = j0 - before - 1
            if k < lo or not (same(k, i0 - 1) and plain(j0 - 1, j0, i0 - 1, i0)):
                break
            j0, i0 = k, i0 - 1
        elif same(j0 - 1, i0 - 1) and texts.extra_marks(j0 - 1, j0, i0 - 1, i0) <= 0:
            j0, i0 = j0 - 1, i0 - 1
        elif (
            j0 - 2 >= lo
            and i0 - 2 >= ref_lo
            and same(j0 - 2, i0 - 2)
            and plain(j0 - 2, j0, i0 - 2, i0)
        ):
            j0, i0 = j0 - 2, i0 - 2
        elif _mistyped(cw[j0 - 1][0], rw[i0 - 1][0]) and plain(j0 - 1, j0, i0 - 1, i0):
            j0, i0 = j0 - 1, i0 - 1
        elif (  # the capture lacks reference word i0 - 1
            j0 - 2 >= lo
            and i0 >= 3
            and i0 - 2 >= ref_lo
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
            if texts.extra_marks(j1 - 1, j1, i1 - 1, i1) > 0:
                break  # '... missile tests"[3] and on the United States': a quotation
                # closed before the marker, and the words after it are the page's
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
            words, reference_words = _to_sentence_end(texts, j1, i1, hi, stop)
            j1, i1 = j1 + words, i1 + reference_words
            break
    if j1 < hi and i1 == stop == len(rw):
        # the reference's last words copied, then a place named before the copy's full
        # stop ("... in Moscow, Russia." for "... in Moscow."): the copy's sentence end
        words, _ = _to_sentence_end(texts, j1, i1, hi, stop)
        if words and _place_named(texts, j1, words):
            j1 += words
    # One word past a sentence end or paragraph break, where the next word differs, matches
    # by chance: "programmes.\n\nThe ministry added" against "programmes. The Parties" (a
    # seed reaches across the break). Such a word stays out, at either edge, unless it is
    # a number (a paragraph's "5." is the reference's own). Not past a line that only
    # wraps: "in the\nregion." ending a hard-wrapped paragraph is the copy's last word.
    joined = texts.joined
    if j1 - j0 > 2 and j1 < hi and i1 < len(rw) and not same(j1, i1):
        if not cw[j1 - 1][0].isdigit() and not joined(j1 - 2, j1 - 1, i1 - 2, i1 - 1):
            j1, i1 = j1 - 1, i1 - 1
    if j1 - j0 > 2 and j0 > lo and i0 > 0 and not same(j0 - 1, i0 - 1):
        if not cw[j0][0].isdigit() and not joined(j0, j0 + 1, i0, i0 + 1):
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


def _to_sentence_end(texts: _Texts, j: int, i: int, hi: int, stop: int) -> tuple[int, int]:
    """How many words a run stopping before capture word j and reference word i takes on
    to where both sentences end (capture words, reference words), else (0, 0).

    A copy's sentence ending in a few words of its own ("... should be excluded." for
    "... should be ruled out.", "ruled out immediately!" for "ruled out.") ends the copy's
    sentence, not the page's prose: left out, the change was reported nowhere. At most
    `_END_WORDS` words on each side, in one sentence (no sentence end, quotation mark or
    line break among them; no comma among the capture's: ", officials said" is the page's),
    both ending as a sentence does with the same mark; or, where the reference's sentence
    has ended, one or two words the copy adds before its own full stop, going on with its
    sentence in lower case (not a link's "Read more." after a copy that lost its stop).
    """
    if j == 0 or i == 0:
        return 0, 0
    copy_end = _words_to_sentence_end(texts.normalised.text, texts.words, j, hi)
    # (the capture's words only: an empty stretch of the reference, i to i; a line the
    # copy wraps, "signed on July 4, 2017, in\nBeijing.", is still its sentence)
    if copy_end is None or not texts.joined(j - 1, j + copy_end - 1, i, i):
        return 0, 0
    reference = texts.reference
    named = texts.reference_break(i) and _place_named(texts, j, copy_end)
    if "," in texts.capture_gap(j - 1, j + copy_end - 1) and not named:
        return 0, 0  # "excluded, officials said.": the page's own words end it
    if texts.reference_break(i):
        # (lower case: words going on with the sentence, not "Read more." after it; or a
        # place named after a comma: "signed ... in Moscow, Russia." for "in Moscow.")
        first = texts.original[texts.normalised.to_original[texts.words[j][1]]]
        ended = copy_end <= 2 and not texts.capture_gap(j - 1, j).strip() and first.islower()
        return (copy_end, 0) if ended or named else (0, 0)
    reference_end = _words_to_sentence_end(reference.normalised.text, reference.words, i, stop)
    if reference_end is None or not texts.joined(j - 1, j, i - 1, i + reference_end - 1):
        return 0, 0
    # (a quotation's closing mark after the copy's stop is the page's: "... mutual
    # confidence.”" ends as "... mutual trust." does)
    ours = _to_space(texts.normalised.text, texts.words[j + copy_end - 1][2]).rstrip("\"'")
    theirs = _to_space(reference.normalised.text, reference.words[i + reference_end - 1][2])
    return (copy_end, reference_end) if ours and ours == theirs.rstrip("\"'") else (0, 0)


def _place_named(texts: _Texts, j: int, words: int) -> bool:
    """Whether the copy's words j to j + `words` are one or two capitalised words after a
    comma, the last ending its sentence: a place named in apposition ("in Moscow, Russia."),
    not someone's words ("..., officials said.", "..., Lavrov said.")."""
    if words > 2 or texts.capture_gap(j - 1, j).strip() != ",":
        return False
    text, to_original = texts.original, texts.normalised.to_original
    capitals = all(text[to_original[texts.words[k][1]]].isupper() for k in range(j, j + words))
    return capitals and not any(
        texts.capture_gap(k, k + 1).strip() for k in range(j, j + words - 1)
    )


def _words_to_sentence_end(
    text: str, words: Sequence[tuple[str, int, int]], k: int, stop: int
) -> int | None:
    """How many words from word k end a sentence (the last followed by ".", "!" or "?"
    before a space), at most `_END_WORDS` and before word `stop`; None if none does."""
    for n in range(1, _END_WORDS + 1):
        if k + n > min(stop, len(words)):
            return None
        if _to_space(text, words[k + n - 1][2]).rstrip("\"'")[-1:] in (".", "!", "?"):
            return n  # (a quotation's closing mark after the stop aside)
    return None


_END_WORDS = 5
"""Most words of its own a copy's sentence may end in (`_to_sentence_end`)."""


def _to_space(text: str, start: int) -> str:
    """text[start:] up to its first space (never copying the rest of the text)."""
    end = text.find(" ", start)
    return text[start : end if end >= 0 else len(text)]


def _without_echo_at_end(texts: _Texts, group: list[_Run]) -> list[_Run]:
    """The group without its last run where that run only echoes, in the reference's next
    sentence, the words the copy's sentence ends in: "... the comprehensive resolution of
    the problems of the Korean Peninsula," for "... resolution of problems on the Korean
    Peninsula. Any possibility ... to solve the problems of the Korean Peninsula should be
    ruled out." The copy's sentence ends where the reference's goes on, and the words it
    skipped to close the reference's sentence before in other words: the copy changed its
    sentence's last words, it did not leave out a sentence and a half. The run before it
    takes both: the copy's last words in the place of the reference's to its sentence end.

    The last run is short (`ECHO_WORDS`), straight after the run before it on the page,
    a few words on in the reference (`_ECHO_SKIP`) past a sentence end; the copy's
    sentence or line ends after it where the reference's does not; and the skipped words
    before that sentence end share two of its words.
    """
    if len(group) < 2:
        return group
    prior, last = group[-2], group[-1]
    skip = last.i0 - prior.i1
    if not (
        last.j0 == prior.j1
        and last.j1 - last.j0 <= ECHO_WORDS
        and 0 < skip <= _ECHO_SKIP
        and last.i1 < len(texts.reference.words)
    ):
        return group
    gap = texts.reference_gap(prior.i1 - 1, last.i0)
    stop = _SENTENCE.search(gap)
    if stop is None or _SENTENCE.search(texts.reference_gap(last.i1 - 1, last.i1 + 1)):
        return group  # (the reference's sentence ends with the copy's: a sentence skipped)
    # (the copy's sentence, line or quotation ends after it, or the page does)
    if last.j1 < len(texts.words):
        after = texts.capture_gap(last.j1 - 1, last.j1)
        if not (_SENTENCE.search(after) or "," in after or '"' in after or "\n" in after):
            return group
    before_stop = gap[: stop.start()].split()
    echoed = {w for w, _, _ in texts.words[last.j0 : last.j1]}
    if not echoes(before_stop, echoed):
        return group
    # (the copy's last words for the reference's to its sentence end: changed words)
    ended = _Run(prior.j0, last.j1, prior.i0, prior.i1 + len(before_stop), prior.exact)
    return [*group[:-2], ended]


def echoes(skipped: Iterable[str], tail: Iterable[str]) -> bool:
    """Whether a short tail (of at most `ECHO_WORDS`) that skips reference words to a later
    sentence shares two words, function words aside, with the words it skipped before the
    sentence end (case-folded words both): the end of the first sentence in other words,
    echoed in the next (`_without_echo_at_end`; the quotation ladder's splices too).

    >>> echoes("problems on the korean peninsula".split(), "the problems of the korean".split())
    True
    """
    return len(set(skipped) & set(tail) - _FUNCTION) >= 2


ECHO_WORDS = 8
"""Most words of a tail that `echoes` may call an echo."""
_ECHO_SKIP = 24
_FUNCTION = frozenset("the a an of on in to and or for by with at from".split())


def _sentence_starts(texts: _Texts, group: list[_Run]) -> list[_Run]:
    """Words that open a sentence (or a line) at the end of a run go to the run after it
    when they are also the words that run's reference starts with.

    Two paragraphs may open alike ("The Parties confirm that the ..."): the seeds then
    carry the words on the first run's diagonal, though the copy's sentence goes on in
    the next run. A run left with nothing but a number is dropped: a page's label over
    the paragraph ("6" in a table's first column) that a seed read as the other
    paragraph's own number ("6. The Parties confirm that they ..."), whose words the
    passage would otherwise report omitted.
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
                or texts.line_break(a.j1 - t - 1, a.j1 - t)
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
    return [
        run
        for k, run in enumerate(out)
        if not (
            k + 1 < len(out)
            and run.j1 - run.j0 == 1
            and texts.words[run.j0][0].isdigit()
            and run.i1 != out[k + 1].i0
        )
    ]


_EDGE_WORDS = 6
"""Most reference words a copy's line may give in other words at a paragraph's edge."""


def _line_edges(texts: _Texts, runs: list[_Run], lo: int, hi: int) -> list[_Run]:
    """The passage's runs, its first grown back to its line's start and its last on to
    its line's end, where the copy says the paragraph's first or last few words
    (`_EDGE_WORDS`) otherwise: a drop cap split off ("T he", "T" on a line of its own),
    "Russia" for "The Russian Federation", "4 July 2017" for "July 4, 2017". Before,
    those words of the page were outside the passage and the reference's reported lost.

    Only words alike in letters (`_alike`), with no colon or quotation mark among them
    (a label, "Full text:", is the page's), and no more than two words more than the
    reference's.
    """
    first, last = runs[0], runs[-1]
    j0, i0 = _line_start(texts, first, lo)
    j1, i1 = _line_end(texts, last, hi)
    if (j0, i0) == (first.j0, first.i0) and (j1, i1) == (last.j1, last.i1):
        return runs
    if len(runs) == 1:
        return [_Run(j0, j1, i0, i1, first.exact)]
    return [
        _Run(j0, first.j1, i0, first.i1, first.exact),
        *runs[1:-1],
        _Run(last.j0, j1, last.i0, i1, last.exact),
    ]


def _line_start(texts: _Texts, run: _Run, lo: int) -> tuple[int, int]:
    cw, rw = texts.words, texts.reference.words
    j, i = run.j0, run.i0
    if j - 2 >= lo and i and len(cw[j - 2][0]) == 1 and cw[j - 2][0] + cw[j - 1][0] == rw[i - 1][0]:
        if not texts.line_break(j - 1, j) and not texts.capture_gap(j - 2, j - 1).strip():
            return j - 2, i - 1  # a drop cap: "T he", "T" on a line of its own
    if _opening_word_changed(texts, j, i, lo):
        return j - 1, i - 1
    start = i
    while start > 0 and i - start <= _EDGE_WORDS and not texts.reference_line_break(start):
        start -= 1
    if start == i or i - start > _EDGE_WORDS:
        return j, i
    s = j - 1 if j - 1 > lo and _wrapped(texts, j - 1, j) else j
    while s > lo and j - s <= i - start + 2 and not texts.line_break(s - 1, s):
        s -= 1
    if s == j or j - s > i - start + 2 or (s > 0 and not texts.line_break(s - 1, s)):
        return j, i
    if not _alike(texts, (s, j), (start, i), texts.normalised.text[cw[s][1] : cw[j][1]]):
        return j, i
    return s, start


def _opening_word_changed(texts: _Texts, j: int, i: int, lo: int) -> bool:
    """Whether the one capture word before a passage opens it where the reference opens a
    sentence, changed: "“Growing political and military tension ...”" for "Mounting
    political ...", the word first after a quotation mark, a colon or a line's start.
    Left out, the changed word was no divergence and the copy a lacuna there."""
    if j - 1 < max(lo, 0) or i < 1:
        return False
    word, reference_word = texts.words[j - 1][0], texts.reference.words[i - 1][0]
    if not (word.isalpha() and reference_word.isalpha()) or texts.line_break(j - 1, j):
        return False
    gap = texts.capture_gap(j - 1, j)
    if _SENTENCE.search(gap) or '"' in gap or ";" in gap:
        return False
    before = texts.normalised.text[: texts.words[j - 1][1]]
    opened = j - 1 == 0 or texts.line_break(j - 2, j - 1) or before.rstrip()[-1:] in ('"', ":")
    text = texts.reference.normalised.text
    sentence = i - 1 == 0 or text[: texts.reference.words[i - 1][1]].rstrip()[-1:] in ".!?:"
    return opened and sentence


def _line_end(texts: _Texts, run: _Run, hi: int) -> tuple[int, int]:
    cw, rw = texts.words, texts.reference.words
    j, i = run.j1, run.i1
    end = i
    while end < len(rw) and end - i <= _EDGE_WORDS and not texts.reference_line_break(end):
        end += 1
    if end == i or end - i > _EDGE_WORDS:
        return j, i
    # (a copy wrapped just after the run, "signed on July\n14, 2017", goes on to the
    # next line's end: its last words are the copy's, changed or not)
    e = j + 1 if j < hi and _wrapped(texts, j - 1, j) else j
    while e < hi and e - j <= end - i + 2 and not texts.line_break(e - 1, e):
        e += 1
    if e == j or e - j > end - i + 2 or (e < len(cw) and not texts.line_break(e - 1, e)):
        return j, i
    if not _alike(texts, (j, e), (i, end), texts.normalised.text[cw[j - 1][2] : cw[e - 1][2]]):
        return j, i
    ours = "".join(w for w, _, _ in cw[j:e])
    if len(ours) < len(theirs := "".join(w for w, _, _ in rw[i:end])) and theirs.startswith(ours):
        return j, i  # "... and wo…": the copy cut off inside the words, not saying them
    return e, end


def _wrapped(texts: _Texts, j_before: int, j_after: int) -> bool:
    """True when the capture breaks its line once between the two words, as a
    hard-wrapped copy (an e-mail, a PDF's text) does inside a paragraph."""
    start = texts.normalised.to_original[texts.words[j_before][2]]
    end = texts.normalised.to_original[texts.words[j_after][1]]
    return texts.original[start:end].count("\n") == 1


def _alike(
    texts: _Texts, capture: tuple[int, int], reference: tuple[int, int], between: str
) -> bool:
    """True when capture words and reference words are alike in letters (one holds most
    of the other), with no colon or quotation mark in `between` (the capture's words and
    the gap to the run: `the Parties "express` is prose, then a quotation)."""
    cw, rw = texts.words, texts.reference.words
    if ":" in between or '"' in between:
        return False
    ours = [w for w, _, _ in cw[capture[0] : capture[1]]]
    theirs = [w for w, _, _ in rw[reference[0] : reference[1]]]
    if sorted(ours) == sorted(theirs):
        return True  # the same words in another order ("in Moscow on July 4, 2017")
    return fuzz.partial_ratio("".join(ours), "".join(theirs), processor=None) >= 80
