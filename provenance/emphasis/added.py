"""Which runs of a passage are emphasis the copy added, and which the reference's it dropped.

A run of the copy is projected onto the reference through the passage's alignment
(`_to_reference`; inside a replace, letter by letter) and is `added` when it lies on the
reference's words, changed or not, and the reference has no such emphasis there; a run of
the reference the copy does not carry is `removed`. The projection is shared with `lost`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

import fast_diff_match_patch
from rapidfuzz import fuzz

from provenance.align import whole_lines
from provenance.emphasis.result import EmphasisSpan, Status, _span
from provenance.emphasis.runs import CAPS, STARRED
from provenance.extract import Extracted, Run
from provenance.model import Alignment, Format, Span
from provenance.moves.furniture import opens_a_box
from provenance.spanindex import SpanIndex


def _added(
    reference: Extracted, capture: Extracted, alignment: Alignment, run: Run
) -> EmphasisSpan | None:
    passage = alignment.passage
    if _whole_copy(capture.text, passage.copy, run):
        return None  # "<strong>" around the whole article body: the page's style
    a, b = max(run.start, passage.copy.start), min(run.end, passage.copy.end)
    while a < b and capture.text[a].isspace():
        a += 1
    while b > a and capture.text[b - 1].isspace():
        b -= 1
    if a >= b or not any(c.isalnum() for c in capture.text[a:b]):
        return None  # (nothing, or a mark alone, "region<b>,</b> fraught": no words stressed)
    ra, rb = _to_reference(alignment, (capture.text, reference.text), a, b)
    if rb - ra > _FAR_LONGER * (b - a) + _FAR_LONGER_SLACK:
        # A few words inside text that stands for a long stretch of the reference (a page
        # of other words aligned whole): no words of the reference emphasised. Reading
        # the stretch for each run cost a 4 MB page 30 s.
        return None
    ref_text = reference.text[ra:rb]
    if not _letters(ref_text) and _set_apart(capture.text, reference.text, alignment, a):
        return None  # a caption, a byline, a link box: the page's own lines, not the text
    if not _letters(ref_text) and _in_a_box(capture.text, reference.text, alignment, a):
        return None  # "**Read more:** [...]" inside a paragraph: page furniture
    if _numbering(capture.text[a:b], reference.text, ra):
        return None  # "<strong>5.</strong> The Parties": the page's numbering style
    if _headword(capture.text, a, b):
        return None  # '- **"double freezing"** — the Chinese formula': a glossary's term
    if (
        _letters(ref_text)  # on words only the copy has: emphasis added to inserted text
        and fuzz.ratio(_letters(capture.text[a:b]), _letters(ref_text)) < _SAME_WORDS
        and _shared(capture.text, alignment, a, b) < _SHARED_LEAST
        and (run.style == CAPS or not _inline(capture.text, a, b))  # "US": an acronym
    ):
        return None  # other words ("READ MORE" where a line is dropped): not its emphasis
    if run.style == CAPS:
        if ref_text.isupper() or not any(c.isalpha() for c in ref_text):
            return None  # the reference has these capitals (an acronym, a heading)
        if _within_a_word(reference.text, ra, rb):
            return None  # "[004] EN: 1." for a lost point: "EN" aligned with the "en" of
            # "statement", a label's letters, no word of the reference in capitals
        evidence = "ALL CAPS where the reference has lower case"
    elif run.style == STARRED:
        if reference.text[max(0, ra - 1) : ra] == "*" and reference.text[rb : rb + 1] == "*":
            return None
        marks = capture.text[max(0, run.start - 2) : run.start + 2]
        evidence = (
            "_underscored_ in the copy, not in the reference"
            if "_" in marks and "*" not in marks
            else "*starred* in the copy, not in the reference"
        )
    else:
        if _covered(reference.runs, run.style, ra, rb):
            return None  # the reference has the same emphasis here
        evidence = f"{run.style} markup in the copy, not in the reference"
    return _span(reference, capture, Status.ADDED, run.style, a, b, ra, rb, evidence)


def _within_a_word(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is letters inside one word of `text`, not all of it ("en"
    of "statement"): no word of the text is there.

    >>> _within_a_word("the statement", 8, 10), _within_a_word("immediately stop", 0, 14)
    (True, False)
    """
    inside = (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())
    return inside and text[start:end].isalpha()


def _whole_copy(text: str, copy: Span, run: Run) -> bool:
    """Whether `run` covers the whole of a copy of more than one paragraph: a site's style
    for its article body, not words a copier stressed (stress picks words out)."""
    covers = run.start <= copy.start and run.end >= copy.end
    return covers and "\n" in text[copy.start : copy.end].strip()


_NUMBER = re.compile(r"(?:[¶§][ \u00a0]?)?\(?\d{1,2}[.)]?|\[\d{1,2}\]")
"""A paragraph's number as a copy may set it: "5.", "5)", "(5)", "[5]", "¶ 5", "§ 5"."""


def _headword(text: str, a: int, b: int) -> bool:
    """Whether the run from `a` to `b` opens its line (past a list's marker) and a
    definition follows it after a dash or a colon: a glossary's headword set in bold, the
    page's layout, not words of the statement it stressed.

    >>> _headword('\u201cdouble freezing\u201d \u2014 the Chinese formula.', 1, 16)
    True
    >>> _headword('They call it \u201cdouble freezing\u201d - a formula.', 14, 29)
    False
    """
    line = text.rfind("\n", 0, a) + 1
    if text[line:a].strip(_LIST_MARKER):
        return False
    return _DEFINITION.match(text, b) is not None


_LIST_MARKER = " \t-*+\u2022\u00b7>\"'\u201c\u2018\u00ab"
"""What may stand before a headword on its line: a list's bullet, a mark opening it."""
_DEFINITION = re.compile(r"[\"'\u201d\u2019\u00bb]?\*{0,2}[ \t]*(?:[\u2014\u2013:]|--?)[ \t]+\w")
"""A definition after a headword: an optional closing mark, then a dash or a colon."""


def _numbering(marked: str, reference: str, ra: int) -> bool:
    """Whether the marked text is only a paragraph number that opens a line of the
    reference ("5.", "¶ 5", "(5)"): markup on it styles the numbering, and says nothing of
    the words."""
    return bool(_NUMBER.fullmatch(marked)) and (ra == 0 or reference[ra - 1] == "\n")


def _set_apart(text: str, reference: str, alignment: Alignment, at: int) -> bool:
    """True when the copy's insertion holding `at` is whole lines of its own."""
    inserted = _insertion_at(reference, alignment, at)
    return inserted is not None and whole_lines(text, inserted)


def _in_a_box(text: str, reference: str, alignment: Alignment, at: int) -> bool:
    """True when the copy's insertion holding `at` opens with a box label ("Read more:"),
    as page furniture does even inside a paragraph."""
    inserted = _insertion_at(reference, alignment, at)
    return inserted is not None and opens_a_box(inserted.of(text))


def _insertion_at(reference: str, alignment: Alignment, at: int) -> Span | None:
    """The copy span of the insertion holding `at`: an edit whose reference side is at
    most spaces; None where the copy is equal there or replaces reference words."""
    edit = next((e for e in alignment.edits if e.copy.start <= at < e.copy.end), None)
    if edit is None or edit.tag == "equal" or edit.reference.of(reference).strip():
        return None
    return edit.copy


def _letters(text: str) -> str:
    """The words of `text` in lower case, single-spaced: what capitals leave the same."""
    return " ".join(_NON_WORD.split(text.casefold())).strip()


_NON_WORD = re.compile(r"\W+")


def _inline(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is a few words inside a line of prose, words on either side of
    it: a word the copy changed and stressed ("are <b>gravely</b> worried"), not a line of
    its own ("READ MORE") standing where the copy drops one.

    Read from the run outwards, never from its line's ends: on a long line (minified
    HTML) each run searching its whole line cost runs x line length. Before the run,
    only the non-word characters next to it and the two characters before them can hold
    `_WORDS_AROUND`; after it, a match of `_WORD_AFTER` on the run's line is the one
    found from the run, unless that one crosses a line break (all the characters before
    its word are non-word ones, so no match on the line exists then).

    >>> _inline("They are GRAVELY worried", 9, 16), _inline("READ MORE\\nThe Parties", 0, 9)
    (True, False)
    """
    if len(text[a:b].split()) > _INLINE_WORDS or "\n" in text[a:b]:
        return False
    after = _WORD_AFTER.match(text, b)
    if after is None or "\n" in text[b : after.end()]:
        return False
    k = a  # back over the non-word characters before the run, on its line
    while k > 0 and text[k - 1] != "\n" and _NON_WORD_CHARACTER.match(text, k - 1):
        k -= 1
    first = k if k == 0 or text[k - 1] == "\n" else max(0, k - 2)
    return _WORDS_AROUND.search(text, first, a) is not None


_INLINE_WORDS = 3
_WORDS_AROUND = re.compile(r"[^\W\d_]{2,}\W*\s$")
"""A word and a space just before the run: it stands in a line of prose."""
_WORD_AFTER = re.compile(r"\W{0,2}\s+[^\W\d_]{2,}")
"""A space and a word just after the run."""
_NON_WORD_CHARACTER = re.compile(r"\W")


_FAR_LONGER = 8
_FAR_LONGER_SLACK = 200
"""A run's reference reading longer than this many times the run, and this many
characters, is no reading of its words."""


_SAME_WORDS = 80
"""Least rapidfuzz ratio of emphasised words to the reference's words there (both in
lower case) that makes them its words emphasised: a spelling variant ("NEIGHBORS")
still is, a line of other words standing where the copy drops one is not."""


_SHARED_LEAST = 1 / 3
"""Least share of a run's letters the alignment finds equal in the reference that makes
it the reference's words, some changed ("<u>legitimate concerns</u>" for "justified
concerns"), when their wording as a whole differs too much for `_SAME_WORDS`."""


def _shared(text: str, alignment: Alignment, a: int, b: int) -> float:
    """Share of the letters and digits of text[a:b] inside `equal` edits."""
    letters = sum(c.isalnum() for c in text[a:b])
    equal = sum(
        c.isalnum()
        for edit in alignment.edits
        if edit.tag == "equal" and edit.copy.start < b and a < edit.copy.end
        for c in text[max(a, edit.copy.start) : min(b, edit.copy.end)]
    )
    return equal / letters if letters else 0.0


def _removed(
    reference: Extracted, capture: Extracted, alignment: Alignment, capture_runs: SpanIndex[Run]
) -> list[EmphasisSpan]:
    """Reference emphasis inside the passage that the copy does not carry; `capture_runs`
    indexes `capture.runs`, the page's runs, of which only those over a run are read."""
    if capture.document.format is Format.TEXT:
        return []  # plain text cannot carry markup; its loss is not the copy's doing
    passage = alignment.passage
    out = []
    for run in reference.runs:
        ra, rb = max(run.start, passage.reference.start), min(run.end, passage.reference.end)
        if ra >= rb:
            continue
        a, b = _to_copy(alignment, (capture.text, reference.text), ra, rb)
        if _covered(capture_runs.overlapping(a, b), run.style, a, b):
            continue
        out.append(
            _span(
                reference,
                capture,
                Status.REMOVED,
                run.style,
                a,
                b,
                ra,
                rb,
                f"{run.style} in the reference, not in the copy",
            )
        )
    return out


def _covered(runs: Sequence[Run], style: str, start: int, end: int) -> bool:
    """True when runs of `style` cover at least half of [start, end)."""
    if end <= start:
        return False
    inside = sum(max(0, min(r.end, end) - max(r.start, start)) for r in runs if r.style == style)
    return inside * 2 >= end - start


def _to_reference(
    alignment: Alignment, texts: tuple[str, str], start: int, end: int
) -> tuple[int, int]:
    """Reference range aligned with the copy range [start, end) (readable offsets);
    `texts` are the readable texts of the copy and the reference. A few characters inside
    a long replace ("see also *4* |" among a table's words, for a paragraph the copy
    dropped) may follow letters that cross: their range is then empty, where it starts."""
    ra = _project(alignment, texts, start, start=True, to_reference=True)
    return ra, max(ra, _project(alignment, texts, end, start=False, to_reference=True))


def _to_copy(alignment: Alignment, texts: tuple[str, str], start: int, end: int) -> tuple[int, int]:
    return (
        _project(alignment, texts, start, start=True, to_reference=False),
        _project(alignment, texts, end, start=False, to_reference=False),
    )


def _project(
    alignment: Alignment, texts: tuple[str, str], at: int, *, start: bool, to_reference: bool
) -> int:
    copy_text, reference_text = texts
    for edit in alignment.edits:
        here, there = (edit.copy, edit.reference) if to_reference else (edit.reference, edit.copy)
        inside = here.start <= at < here.end if start else here.start < at <= here.end
        if not inside:
            continue
        if edit.tag == "equal":
            return there.start + (at - here.start)
        if edit.tag == "replace":
            # One replace may hold several words ("CONCERNS VIA DIALOGUE" for "concerns
            # via dialogue", "seriusly" for "seriously"): inside it, follow the letters
            # both readings share, so a run that starts or ends in it keeps its own words.
            pair = (copy_text, reference_text) if to_reference else (reference_text, copy_text)
            return there.start + _inside(
                here.of(pair[0]), there.of(pair[1]), at - here.start, start=start
            )
        return there.start if start else there.end
    edges = alignment.passage.reference if to_reference else alignment.passage.copy
    return edges.start if start else edges.end


_INSIDE_MOST = 4000
"""Longest reading whose letters are aligned one by one inside a replace (a longer one
projects to its edges, as a deletion or insertion does)."""


def _inside(here: str, there: str, at: int, *, start: bool) -> int:
    """Where offset `at` of `here` falls in `there`, two readings of one replace edit.

    >>> _inside("SERIUSLY WORRIED", "seriously worried", 9, start=True)
    10
    >>> _inside("grave", "serious", 5, start=False)
    7
    """
    if at <= 0:
        return 0
    if at >= len(here):
        return len(there)
    if max(len(here), len(there)) > _INSIDE_MOST:
        return 0 if start else len(there)
    matched = _matched(here, there)
    if start:
        for a, b, size in matched:
            if at < a + size:
                return b + max(0, at - a)
        return len(there)
    for a, b, size in reversed(matched):
        if at > a:
            return b + min(size, at - a)
    return 0


@lru_cache(maxsize=64)
def _matched(here: str, there: str) -> tuple[tuple[int, int, int], ...]:
    """The letters two readings of one replace share, as (a, b, size) blocks: found once
    for a pair, whose runs' starts and ends are all projected through it. Readings that
    differ only in case or in spaces (a paragraph typed in capitals) match letter for
    letter at once; the character diff of two 4,000-character readings took 0.18 s each
    time."""
    ours, theirs = _folded(here), _folded(there)
    if ours == theirs:
        return ((0, 0, len(ours)),)
    if len(ours) + len(theirs) > _DIFFED_IN_C:
        return _diffed(ours, theirs)
    # autojunk=False: letters frequent in a long reading must still be matched.
    blocks = SequenceMatcher(None, ours, theirs, autojunk=False).get_matching_blocks()
    return tuple((a, b, size) for a, b, size in blocks if size)


_DIFFED_IN_C = 400
"""Readings longer than this together are matched by the diff the alignment uses (C):
`SequenceMatcher` took 60 ms for each of a page's 1,000-character replaces whose spaces
were tabs, doubled or thin ones (16 s a MB)."""


def _diffed(ours: list[str], theirs: list[str]) -> tuple[tuple[int, int, int], ...]:
    """`_matched`'s blocks, by the character diff of the two readings."""
    ops = fast_diff_match_patch.diff(
        "".join(ours), "".join(theirs), timelimit=0, checklines=False, cleanup="No"
    )
    blocks, a, b = [], 0, 0
    for op, count in ops:
        if op == "=":
            blocks.append((a, b, count))
            a, b = a + count, b + count
        elif op == "-":
            a += count
        else:
            b += count
    return tuple(blocks)


def _folded(text: str) -> list[str]:
    """One lower-case character for each character of `text` (its length kept), every
    space a plain one: a copy whose spaces are all no-break ones, or whose lines break
    where the reference's words run on, matches letter for letter at once (diffing such a
    page's 1,000-character replaces one by one cost 20 seconds a MB)."""
    return [" " if c.isspace() else c if len(c.lower()) != 1 else c.lower() for c in text]
