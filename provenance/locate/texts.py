"""The words `locate` compares and the runs it finds in them: the shared ground of the package.

`_Texts` holds both normalised texts and a capture window's words, and answers what lies
between two words (quotation marks, sentence ends, line breaks); `_Run` is capture words
copying reference words; `_words` splits a text into words. `locate` builds a `_Texts`
for each window; `runs`, `groups`, `order` and `edges` read it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, pairwise
from operator import attrgetter
from typing import TYPE_CHECKING

from provenance.model import Normalised, Span
from provenance.normalise import Fold, ascii_classes, folded

if TYPE_CHECKING:
    from provenance.locate import PreparedReference

_WORD = re.compile(r"[^\W_]+")
_WORD_SPLIT = re.compile(r"([^\W_]+)")
_ASCII_WORD_SPLIT = re.compile(r"([A-Za-z0-9]+)")
_SINGLE = r"'(?!(?:s|t|re|ll|ve|d|m)\b)(?:(?<![^\W_]')|(?![^\W_]))"
_MARKS = re.compile(r"\"|" + _SINGLE)
"""Quotation marks after folding (see normalise): every double mark and guillemet is
`"`; a single mark `'` counts unless it is an apostrophe: between two letters, or
before a contraction's ending ("(DPRK)'s", "don't")."""


def _mark_count(gap: str) -> int:
    """How many quotation marks (`_MARKS`) the text between two words holds: most gaps
    (a space, a comma) are told to hold none without running the pattern."""
    return len(_MARKS.findall(gap)) if '"' in gap or "'" in gap else 0


_LINE_WORDS = 12
"""Most words of a line of furniture between two copied words (`max_inserted_words`)."""
_HEADLINE_WORDS = 24
"""Most words of such a line that does not end as a sentence does: a headline ("Read more:
Kim Jong-un calls missile test a 'gift' for American Independence Day")."""


def _short_lines(gap: str) -> bool:
    r"""Whether every line of `gap` holds at most `_LINE_WORDS` words, or `_HEADLINE_WORDS`
    and no sentence's end: headlines, a link line, a "Related" label, not running prose.

    >>> _short_lines("\n\nRelated\n\nTrump: China 'not helping'\n\n"), _short_lines("a " * 13)
    (True, True)
    >>> _short_lines("a " * 13 + "."), _short_lines("a " * 25)
    (False, False)
    """
    for line in gap.split("\n"):
        words = len(_GAP_WORD.findall(line))
        if words > _LINE_WORDS and (words > _HEADLINE_WORDS or _OWN_SENTENCE.search(line.rstrip())):
            return False
    return True


_GAP_WORD = re.compile(r"[^\W_]+")


BOX_LABEL = re.compile(
    r"(related|read more|read also|see also|more on this|more from|also read|recommended|"
    r"advertisement|sponsored|continue reading|most read|most popular|top stories|"
    r"share this|click here|subscribe|sign up|you may also like|trending|keep reading|"
    r"we use cookies|"
    r"(?:this|our) (?:web)?site uses cookies|cookie (?:policy|settings|notice|preferences)|"
    r"accept (?:all )?cookies)\b.*",
    re.IGNORECASE,
)
"""First line of a box a page puts between paragraphs: its text is page furniture."""
PULL_QUOTE = re.compile(
    r"(?:>\s*)?[\"\u201c\u201e\u00ab][^\"\u201c\u201d\u00ab\u00bb]+[\"\u201d\u00bb]\s*"
    r"(?:[\u2014\u2013-]+\s*[^\n]{1,80}"
    r"|,?\s*[^.!?\"\u201c\u201d]{0,80}\b(?:said|says|told|tells|wrote|writes|added|according\s+to)"
    r"\b[^.!?\"\u201c\u201d]{0,80}[.!?]?)",
    re.IGNORECASE,
)
"""Lines set apart that are one quotation and its credit ("“We will not accept ...,” a
diplomat told us.", "> “...” — Igor Morgulov"): a pull quote, the page quoting someone
between the copy's paragraphs."""


def _pull_quotes(gap: str) -> bool:
    """Whether the whole lines of `gap` (those between its first line and its last) are
    pull quotes, and there is one at least: `PULL_QUOTE` lines set apart."""
    lines = [line.strip() for line in gap.split("\n")[1:-1]]
    lines = [line for line in lines if line]
    return bool(lines) and all(PULL_QUOTE.fullmatch(line) for line in lines)


_INNER_QUOTED = re.compile(r"""(?:^|(?<=[\s(\[]))(["']) ?(?=[^\W_])[^\n"]*?(?<=\S) ?\1(?![^\W_])""")
"""A quotation opening and closing inside the text between two copied words: marks
around words of the gap itself quote something in it (a "Read more" line between two
sentences of a copy: "READ MORE: Kim hails 'July 4 gift' to America"), and close or open
no quotation of the copy. (A mark closing after copied words and one opening before the
next, "... process", and they "have ...", are no such pair: the first closes.)"""


_ELLIPSIS_ENDING = re.compile(
    r"[^\S\n]*[,;:]?[^\S\n]*(?:\.[^\S\n]?\.[^\S\n]?\.|…|[\[(](?:…|\.\.\.)[\])])"
    r"[\"'\u201d\u2019)\]]*[^\S\n]*(?:\n|\Z)"
)
"""The rest of a line after a word, when it is an ellipsis (`...`, `. . .`, `…`, `[…]`,
`(...)`), perhaps after a comma and before a closing mark: the text is cut there."""


_LINE = re.compile(r"[^\S\n]*([^\n]*\S)")
"""A line's text, without the spaces around it."""
_OWN_SENTENCE = re.compile(r"[.!?:][\"'\u201d\u2019)\]]*\Z")
"""A line's end, when the line ends as a sentence does (or introduces what follows)."""
_OWN_LINE_WORDS = 4
"""Fewest words of a line of the page's own that sets two block quotations apart: a
sentence ("Finally the closing commitment:"), not a label or a credit."""


class _EdgeError(Exception):
    """Something found in a window reaches its edge: read wider windows."""


Words = tuple[tuple[str, int, int], ...]
_SENTENCE = re.compile(r"[.!?:]")
_LINK_ARROW = re.compile(
    "^[^\n«\u2039]*\\w[^\n«\u2039]* [»\u203a][ \t]*$"  # "Continued on page 2 »"
    "|^[ \t]*[«\u2039] [^\n»\u203a]*\\w[^\n»\u203a]*$",  # "« Previous"
    re.M,
)
"""A guillemet drawn as a link's arrow: after a space ending a line of words with no
opening guillemet ("Continued on page 2 »", "Next" and U+203A), or before one opening
such a line with no closing one ("« Previous"). It neither opens nor closes a quotation.
(The gap's first and last lines are parts of lines: a quotation closing " »" straight
after a copied word is no line of words there.)"""
_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_CLOSES_THEN_OPENS = re.compile(r"[.,;:!?]?[\"'”»\u2019](?:[^\n]*\n)+[^\n]*[\"'“«„\u2018]")
"""Between two words: a quotation closing straight after the first, lines, and another
opening straight before the second."""
_LINE_BREAK = re.compile("\n")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r>]*\n")
"""A blank line (in an e-mail's quotation, a line of "> " alone): a paragraph's end."""
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
    quoted: tuple[Span, ...] = ()
    """Stretches of `original` the page's markup sets out as block quotations
    (`Extracted.quoted`: outermost, in order)."""

    def check_inside(self, j0: int, j1: int) -> None:
        """Raise _EdgeError unless words [j0, j1) lie inside (see `locate`)."""
        if j0 < self.inside[0] or j1 > self.inside[1]:
            raise _EdgeError

    def capture_gap(self, j_before: int, j_after: int) -> str:
        """Normalised capture text between word j_before and word j_after."""
        return self.normalised.text[self.words[j_before][2] : self.words[j_after][1]]

    def reference_gap(self, i_before: int, i_after: int) -> str:
        """Normalised reference text between word i_before and word i_after (the text's end
        for a word past the last: a run may stop at the reference's end)."""
        words, text = self.reference.words, self.reference.normalised.text
        if i_after <= i_before:
            return ""
        end = words[i_after][1] if i_after < len(words) else len(text)
        return text[words[i_before][2] : end]

    def reference_break(self, i: int) -> bool:
        """True when a reference sentence ends between words i - 1 and i (or i is at the
        reference's start or end)."""
        return i <= 0 or i >= len(self.reference.words) or self.reference.gaps.sentence[i]

    def extra_marks(self, j_before: int, j_after: int, i_before: int, i_after: int) -> int:
        """Quotation marks the capture has between the two words beyond the reference's.

        Marks inside a square bracket there are the editor's note quoting a word ("[the
        Russian text has "should"]"), not a quotation opening or closing in the page."""
        gap = self.capture_gap(j_before, j_after)
        marks = 0
        # Most gaps hold no mark at all: then none is inside a bracket or a line either.
        if '"' in gap or "'" in gap:
            gap = _BRACKETED.sub("", gap)
            original = self._original_gap(j_before, j_after)
            own = 0
            if _CLOSES_THEN_OPENS.fullmatch(original):
                # a quotation closing straight after the first word and another opening
                # straight before the second: the page's two quotations of the statement
                # (a headline's, then a paragraph's), whatever lines stand between
                return 2 - _mark_count(self.reference_gap(i_before, i_after))
            if original.count("\n") >= 2 and (_short_lines(original) or _pull_quotes(original)):
                # lines of furniture between two copied words ("READ MORE: Kim hails 'July
                # 4 gift' to America", a "Related" box of headlines) quote something of
                # their own, and neither close nor open a quotation of the copy;
                # quotations in running prose are left as they are; so do pull quotes, a
                # person's words and their credit on lines of their own
                gap = _INNER_QUOTED.sub(" ", gap)
            elif original.count("\n") >= 2 and not _mark_count(
                (lines := folded(original, Fold.TYPOGRAPHY).split("\n"))[0] + " " + lines[-1]
            ):
                # a line of the page's own between two copied paragraphs, which no mark
                # ends or opens, quoting something in its words ("(Editor's note: officials
                # call it the “double freeze” plan.)") opens and closes that quotation in
                # the line: it ends or starts no quotation of the copy
                own = 2 * sum(
                    len(_INNER_QUOTED.findall(_BRACKETED.sub("", line))) for line in lines[1:-1]
                )
            marks = max(0, _mark_count(gap) - own)
            if "\n" in original:  # a link's arrow on a line of its own is no mark
                marks = max(0, marks - len(_LINK_ARROW.findall(original)))
        return marks - _mark_count(self.reference_gap(i_before, i_after))

    def stitched(self, j_before: int, j_after: int, i_before: int, i_after: int) -> bool:
        """True when, between the two words, the capture closes one quotation and opens
        another (two marks more than the reference): they are separate quotations."""
        return self.extra_marks(j_before, j_after, i_before, i_after) >= 2

    def in_a_box(self, j_before: int, j_after: int) -> bool:
        """True when word j_after stands on a later line than word j_before, one that opens
        a box of the page's own ("Continue reading: why regional states and the Korean
        peninsula's ..."): words there that match the reference are the box's teaser, not
        the copy going on (a copy going on after a box starts on a line of its own)."""
        gap = self._original_gap(j_before, j_after)
        return "\n" in gap and BOX_LABEL.fullmatch(gap.rsplit("\n", 1)[1].strip()) is not None

    def _original_gap(self, j_before: int, j_after: int) -> str:
        """The capture's original text between the two words (its line breaks kept)."""
        start = self.normalised.to_original[self.words[j_before][2]]
        end = self.normalised.to_original[self.words[j_after][1]]
        return self.original[start:end]

    def ellipsis_ends_line(self, j: int) -> bool:
        """True when capture word j is followed, on its line, by an ellipsis and nothing
        but punctuation: the page cut its text there (a snippet card's "… problems, …")."""
        start = self.normalised.to_original[self.words[j][2]]
        return _ELLIPSIS_ENDING.match(self.original, start) is not None

    def blocks_apart(self, j_before: int, j_after: int) -> bool:
        """True when words j_before and j_after lie in two block quotations the markup
        sets out, with a paragraph of the page's own between the blocks (a line outside
        them, of `_OWN_LINE_WORDS` words or more, ending as a sentence does): the page
        quotes two stretches and says something of its own between them ("That is a much
        sharper formulation than anything Beijing put out alone."). Furniture between two
        blocks (an "Advertisement" line) says nothing of the page's own.

        A seed reaches a word or two past a block's edge where the page's words happen to
        go on as the reference does ("... in one year.¶This is the part ..." for "... in
        one year.¶This statement ..."): a word is read as in the block that one of the
        seed's words next to it (towards the block) lies in, and the page's lines are read
        whole between the two blocks."""
        if not self.quoted:
            return False
        first, second = self._near_block(j_before, -1), self._near_block(j_after, 1)
        if first < 0 or second <= first:
            return False
        return any(
            self._block(line.start(1)) < 0
            and _OWN_SENTENCE.search(line.group(1)) is not None
            and len(_GAP_WORD.findall(line.group(1))) >= _OWN_LINE_WORDS
            for line in _LINE.finditer(
                self.original, self.quoted[first].end, self.quoted[second].start
            )
        )

    def two_blocks(self, j_before: int, j_after: int) -> bool:
        """True when words j_before and j_after lie in two different block quotations the
        markup sets out (read as `blocks_apart` reads them), whatever stands between."""
        if not self.quoted:
            return False
        first, second = self._near_block(j_before, -1), self._near_block(j_after, 1)
        return 0 <= first < second

    def _near_block(self, j: int, step: int) -> int:
        """The block quotation holding word j, or else one of the seed's other words
        from j on, towards `step` (-1 back, 1 on); -1 when none does."""
        where = self.normalised.to_original
        for k in range(j, j + step * self.reference.seed_words, step):
            if not 0 <= k < len(self.words):
                break
            block = self._block(where[self.words[k][1]])
            if block >= 0:
                return block
        return -1

    def in_block(self, j: int) -> bool:
        """True when capture word j lies in a block quotation the markup sets out."""
        return bool(self.quoted) and self._block(self.normalised.to_original[self.words[j][1]]) >= 0

    def _block(self, at: int) -> int:
        """The index in `quoted` of the block quotation holding original offset `at`, or -1."""
        k = bisect_right(self.quoted, at, key=attrgetter("start")) - 1
        return k if k >= 0 and at < self.quoted[k].end else -1

    def reference_line_break(self, i: int) -> bool:
        """True when a line break (or the text's start or end) lies before reference word i."""
        return i <= 0 or i >= len(self.reference.words) or self.reference.gaps.line[i]

    def line_break(self, j_before: int, j_after: int) -> bool:
        """True when the capture has a line break between the two words."""
        start = self.normalised.to_original[self.words[j_before][2]]
        end = self.normalised.to_original[self.words[j_after][1]]
        return "\n" in self.original[start:end]

    def joined(self, j_before: int, j_after: int, i_before: int, i_after: int) -> bool:
        """True when neither text has a sentence end or quotation mark there and the capture
        no paragraph break: the same sentence, though the capture's line may wrap."""
        return self._unbroken(j_before, j_after, i_before, i_after, _PARAGRAPH_BREAK)

    def plain_gap(self, j_before: int, j_after: int, i_before: int, i_after: int) -> bool:
        """True when neither text has a sentence end, quotation mark or line break there."""
        return self._unbroken(j_before, j_after, i_before, i_after, _LINE_BREAK)

    def _unbroken(
        self, j_before: int, j_after: int, i_before: int, i_after: int, breaks: re.Pattern[str]
    ) -> bool:
        """No sentence end or quotation mark between the words in either text, and none of
        `breaks` between them in the capture's original."""
        start = self.normalised.to_original[self.words[j_before][2]]
        end = self.normalised.to_original[self.words[j_after][1]]
        return not (
            _BOUNDARY.search(self.capture_gap(j_before, j_after))
            or _BOUNDARY.search(self.reference_gap(i_before, i_after))
            or breaks.search(self.original, start, end)
        )


@dataclass(frozen=True, slots=True)
class _Gaps:
    """What the reference has between each two neighbouring words, read once in `prepare`.

    Page after page asks the same questions of the same few hundred gaps (where does the
    sentence around a short passage start, which seeds cross a quotation mark): answered
    from the reference's text for each capture, they took 8% of `locate`'s time on the
    scan's candidates.
    """

    sentence: tuple[bool, ...]
    """sentence[i]: the original text between words i - 1 and i ends a sentence (a full
    stop, `?`, `!`, a colon or a line break; `_Texts.reference_break`). Index 0 and the
    last are unused (the reference's ends, always a break)."""
    line: tuple[bool, ...]
    """line[i]: that text holds a line break (`_Texts.reference_line_break`)."""
    marks: tuple[tuple[str, int], ...]
    """marks[i]: `marks_key` of the normalised text between words i and i + 1."""

    @classmethod
    def of(cls, original: str, normalised: Normalised, words: Words) -> _Gaps:
        where, text = normalised.to_original, normalised.text
        between = [original[where[a[2]] : where[b[1]]] for a, b in pairwise(words)]
        gaps = ["", *between, ""]  # the reference's two ends, which no test reads
        return cls(
            sentence=tuple(bool(_SENTENCE.search(gap)) or "\n" in gap for gap in gaps),
            line=tuple("\n" in gap for gap in gaps),
            marks=tuple(marks_key(text[a[2] : b[1]]) for a, b in pairwise(words)),
        )


def marks_key(gap: str) -> tuple[str, int]:
    """The square brackets (sorted) and the number of quotation marks in the text between
    two words: two gaps with the same key hold the same marks (`runs._unseed_marks`).

    >>> marks_key('] "'), marks_key(", ")
    ((']', 1), ('', 0))
    """
    return "".join(sorted(c for c in gap if c in "[]")), _mark_count(gap)


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
    # Where all letters and digits are ASCII, `[^\W_]` is exactly [A-Za-z0-9], which `re`
    # matches faster.
    parts = (_ASCII_WORD_SPLIT if ascii_classes(part) else _WORD_SPLIT).split(part)
    offsets = list(accumulate(map(len, parts), initial=start))
    return tuple(zip(parts[1::2], offsets[1::2], offsets[2::2], strict=False))


_STOPWORDS = frozenset(
    "about after also been both from have into more most only other over said some such "
    "than that their them then there these they this those under very were what when "
    "which while will with would".split()
)


def content_words(words: Iterable[str]) -> set[str]:
    """The words that carry content: four letters or more, not a function word.

    >>> sorted(content_words("the parties will hold talks on it".split()))
    ['hold', 'parties', 'talks']
    """
    return {w for w in words if len(w) >= 4 and w not in _STOPWORDS}
