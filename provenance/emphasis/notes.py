"""Notes declaring emphasis ("(emphasis added)", "italics in original", ...) and what each covers.

A note covers the passage it sits in, or the one ending at most `note_reach` characters
before it that no other note follows; failing that, the passage its sentence introduces,
or, for a short last paragraph of the page, the page's last passage. A note holding
"throughout" covers every passage of the page, one "below" every passage after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from provenance.emphasis.result import EmphasisNote, EmphasisOptions
from provenance.extract import Extracted, Run
from provenance.footnotes import FOOTNOTE_LABEL
from provenance.matcher import literal_starts
from provenance.model import Passage
from provenance.spanindex import SpanIndex

_WHAT = (
    r"bold\s+(?:type|face|font)|boldface|bolding|bolded|bold|italics?|italicised|italicized"
    r"|emphasis|emphases|underlining|underlined|underlines?|underscoring|underscored"
    r"|highlighting|highlighted|highlights?|stress"
)
_CAPITALS = r"caps|capitals|capitali[sz]ation|capitali[sz]ed|upper[\s-]?case"
"""Capitals as emphasis: a note of them only in brackets ("(caps mine)"), since "the two
capitals added" is prose."""
_BRACKETED = rf"{_WHAT}|{_CAPITALS}"
_WHOSE = (
    r"added|mine|ours|supplied|not\s+in\s+(?:the\s+)?original"
    r"|(?:as\s+)?(?:in\s+)?(?:the\s+)?original"
    r"|by\s+(?:the\s+)?(?:editors?|authors?|us|me)"
)
_FOREIGN = (
    # German: "Hervorhebung hinzugefügt", "Hervorh. d. Verf.", "Hervorhebung im Original"
    r"\b(?:Hervorh(?:ebung(?:en)?|\.)|Kursivierung|Fettdruck|Kursiv(?:schrift)?)\s+"
    r"(?:(?:nicht\s+)?im\s+Original|hinzugef[üu]gt|von\s+(?:mir|uns)"
    r"|d(?:urch\s+(?:den|die|d\.)|\.)\s*(?:Verf(?:\.|asser(?:in)?)|Autor(?:in)?|Red(?:\.|aktion))"
    r"|(?:des|der)\s+(?:Verf(?:\.|assers)|Autors|Redaktion))"
    # French: "c'est nous qui soulignons", "souligné par nous", "italiques ajoutés"
    r"|\bc['’]est\s+(?:moi|nous)\s+qui\s+soulign(?:e|ons)\b|\bnous\s+soulignons\b"
    r"|\bsoulign[ée]s?\s+(?:par\s+(?:moi|nous|l['’]auteur|la\s+r[ée]daction)|dans\s+l['’]original)"
    r"|\b(?:mis(?:e|es)?\s+en\s+)?(?:gras|italiques?)\s+(?:ajout[ée]e?s?|de\s+la\s+r[ée]daction"
    r"|par\s+nous|dans\s+l['’]original)"
    # Spanish: "énfasis añadido", "el subrayado es nuestro", "cursivas en el original"
    r"|(?:\bel\s+)?(?:[ée]nfasis|\bsubrayados?|\bcursivas?|\bnegritas?)\s+(?:es\s+|son\s+)?"
    r"(?:a[ñn]adid[oa]s?|agregad[oa]s?|nuestr[oa]s?|m[ií]os?|en\s+el\s+original)\b"
    # Italian: "corsivo nostro", "enfasi aggiunta"
    r"|\b(?:corsivo|enfasi|grassetto|sottolineatura)\s+(?:nostr[oa]|mi[oa]|aggiunt[oa]"
    r"|nell['’]originale)\b"
    # Russian: "выделено мной", "курсив наш", "выделено в оригинале"
    r"|(?<!\w)(?:выделено|выделение|курсив|подч[её]ркнуто)\s+(?:мной|нами|автором|редакцией"
    r"|наш[еа]?|в\s+оригинале)(?!\w)"
)
"""Notes in German, French, Spanish, Italian and Russian, read as the English ones are."""
_FOREIGN_STYLES = (
    ("italic", re.compile(r"kursiv|italique|cursiva|corsivo|курсив", re.IGNORECASE)),
    ("bold", re.compile(r"fett|gras|negrita|grassetto", re.IGNORECASE)),
)
"""Styles a note in another language names. "Underlined" in French, Spanish, Italian or
Russian ("c'est nous qui soulignons", "subrayado nuestro", "подчёркнуто мной") is the
idiom for emphasis in general, as "emphasis ours" is: it names no style."""
_FOREIGN_ORIGINAL = re.compile(r"(?<!nicht im )original|оригинал", re.IGNORECASE)


def _foreign(note: str) -> tuple[str, str]:
    """(what, whose) of a note in another language, in the English words `_notes` reads:
    "Kursiv im Original" is ("italics", "original"), "c'est nous qui soulignons"
    ("emphasis", "ours").

    >>> _foreign("Kursiv im Original"), _foreign("c'est nous qui soulignons")
    (('italic', 'original'), ('emphasis', 'ours'))
    """
    what = next((style for style, stem in _FOREIGN_STYLES if stem.search(note)), "emphasis")
    whose = "original" if _FOREIGN_ORIGINAL.search(note) else "ours"
    return what, whose


_NOTE = re.compile(
    rf"[(\[]\s*(?P<what>(?:(?:{_BRACKETED})[\s,/&]*(?:and\s+)?)+?)\s*:?\s*(?P<whose>{_WHOSE})\.?\s*[)\]]"
    rf"|[(\[]\s*(?P<whose4>added)\s+(?P<what4>(?:{_BRACKETED}))\.?\s*[)\]]"
    rf"|\b(?P<what2>(?:{_WHAT})(?:[\s,/&]+(?:and\s+)?(?:{_WHAT}))*)"
    rf"(?:\s+(?:in|within|throughout)(?:\s+[\w\u2019'-]+){{1,4}}?|\s+below)?"
    rf"\s+(?:(?:is|are|has\s+been|have\s+been)\s+)?(?P<whose2>{_WHOSE})\b"
    rf"|\b(?:our|my)\s+(?P<what3>emphasis|italics|bold)\b"
    rf"|(?P<foreign>{_FOREIGN})",
    re.IGNORECASE,
)
NOTE_IN_BRACKETS = re.compile(
    rf"\s*[(\[]\s*(?:(?:(?:{_BRACKETED})[\s,/&]*(?:and\s+)?)+?\s*:?\s*(?:{_WHOSE})"
    rf"|added\s+(?:{_BRACKETED}))\.?\s*[)\]]",
    re.IGNORECASE,
)
"""A note in brackets ("(emphasis added)", "[italics in original]") with the spaces before
it: the page's word about the words it follows, none of theirs (a quotation holding one
quotes the words around it)."""


def _declares(whose: str) -> str:
    """What a note's own word says of the emphasis: "original" ("in original", "as in the
    original", "original") or "added" (everything else, "not in original" included).

    >>> _declares("in the original"), _declares("not in original"), _declares("ours")
    ('original', 'added', 'added')
    """
    folded = whose.casefold()
    return "original" if "original" in folded and "not" not in folded.split() else "added"


def _notes(
    reference: Extracted, capture: Extracted, passages: Sequence[Passage], options: EmphasisOptions
) -> list[tuple[EmphasisNote, Passage | None, int]]:
    """Every emphasis note, with the passage it covers and where the note starts, or the
    mark of the footnote it stands in (both in readable offsets; the note's own span is
    in original ones)."""
    out: list[tuple[EmphasisNote, Passage | None, int]] = []
    claimed_after: set[Passage] = set()
    places = _Places(passages)
    previous_end, previous = -1, list[Passage | None]()
    for match in _note_matches(capture.text):
        what = (
            match.group("what") or match.group("what2") or match.group("what3")
            or match.group("what4") or ""
        )  # fmt: skip
        whose = match.group("whose") or match.group("whose2") or match.group("whose4") or "mine"
        if match.group("foreign"):
            what, whose = _foreign(match.group("foreign"))
        start, end = match.span()
        # A note in a footnote ("[^1]: Emphasis ours.") is read where the page marks that
        # footnote ("... in a proper manner.[^1]"), and covers what comes before the mark.
        where = _footnote_mark(capture.text, start)
        at, until = (start, end) if where is None else (where, where)
        scope = _SCOPE.match(capture.text, end) or _SCOPE.search(match.group())
        covered: list[Passage | None] = []
        if scope is not None:
            # "Bold ours throughout.", "all bold in the text below is ours": every passage
            # (after the note, for "below"), whichever it sits in or near
            below = "throughout" not in scope.group().lower() and not scope.group("whole")
            covered = [p for p in passages if not below or p.copy.start >= at]
        if not covered and previous and _SAME_NOTE.fullmatch(capture.text, previous_end, start):
            # "(Italics in original; bold added.)": the second clause of one note covers
            # what its first does (the passage was claimed by the first)
            covered = previous
        if not covered:
            found = _covered(capture.text, places, at, until, claimed_after, options)
            if (
                found is not None
                and found.copy.end <= at
                and _emphasis_between(capture, found.copy.end, at)
            ):
                # "Resolution 2321 reads: > ... **abandon all nuclear weapons** ...
                # (emphasis added)": the note is about the emphasis nearer it, in what
                # the page quotes after the statement's copy, not about the copy's
                claimed_after.discard(found)
                found = None
            covered = [*_run_before(capture.text, places, found, at), found]
        previous_end, previous = end, covered
        note = EmphasisNote(
            span=capture.span(start, end),
            text=capture.text[start:end],
            declares=_declares(whose),
            style=_declared_style(what),
            covers=None
            if covered[0] is None
            else _original_passage(reference, capture, covered[0]),
            covering=tuple(
                _original_passage(reference, capture, p) for p in covered if p is not None
            ),
        )
        out.extend((note, passage, at) for passage in covered)
    return out


def _emphasis_between(capture: Extracted, start: int, end: int) -> bool:
    """Whether an emphasised run of the page's lies between `start` and `end` (readable
    offsets), outside every passage: words the page sets in bold or italics of its own in
    its prose ("This is **unacceptable** to my government"), not a label or a heading on
    a line of its own ("**Source:**", "**Background**"), which no note speaks of."""
    text = capture.text
    runs = capture.runs
    # (the runs in order of their starts: a page of many notes reads only those between)
    for run in runs[bisect_left(runs, start, key=_run_start) :]:
        if run.start >= end:
            break
        if run.end > end:
            continue
        line_start = text.rfind("\n", 0, run.start) + 1
        line_end = text.find("\n", run.end)
        line_end = len(text) if line_end < 0 else line_end
        labelled = text[run.start : run.end].rstrip().endswith(":")
        alone = not text[line_start : run.start].strip() and not text[run.end : line_end].strip(
            " \t:.*_"
        )
        if not labelled and not alone:
            return True
    return False


def _run_start(run: Run) -> int:
    return run.start


_SAME_NOTE = re.compile(r"[ \t]*[;,][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
"""Between two clauses of one note ("Italics in original; bold added", "emphasis in
original, underlining added")."""


class _Places:
    """The passages, found by place as a scan of them in their order would find them: a
    page of hundreds of notes asked every passage for each (quadratic)."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.passages = passages
        self._holding = SpanIndex([p.copy for p in passages])
        self._by_start = sorted((p.copy.start, k) for k, p in enumerate(passages))
        self._by_end = sorted((p.copy.end, k) for k, p in enumerate(passages))
        self._by_end_first = sorted((p.copy.end, -k) for k, p in enumerate(passages))

    def holding(self, at: int) -> Passage | None:
        """The first passage holding `at`."""
        found = self._holding.around_indices(at, at + 1)
        return self.passages[found[0]] if found else None

    def first_starting_from(self, at: int) -> Passage | None:
        """The passage starting first at or after `at` (the first of those starting
        there)."""
        k = bisect_left(self._by_start, (at, -1))
        return self.passages[self._by_start[k][1]] if k < len(self._by_start) else None

    def ending_by(self, at: int) -> Iterator[Passage]:
        """The passages ending at or before `at`, the last ending first (of those ending
        together, the later first)."""
        for i in range(bisect_right(self._by_end, (at, len(self.passages))) - 1, -1, -1):
            yield self.passages[self._by_end[i][1]]

    def latest_ending_by(self, at: int) -> Iterator[Passage]:
        """The passages ending at or before `at`, the last ending first (of those ending
        together, the earlier first)."""
        for i in range(bisect_right(self._by_end_first, (at, 0)) - 1, -1, -1):
            yield self.passages[-self._by_end_first[i][1]]


def _run_before(text: str, places: _Places, last: Passage | None, at: int) -> list[Passage]:
    """The passages set out one after another before `last`, a note after it: blocks of a
    "Key passages" list with nothing of the page's own between them but short labels
    ("Passage 2", "On THAAD"), which the note after the last covers as a whole; not past a
    block with a note of its own ("(underlining ours)"): that note says what it declares
    there. Empty when the note does not follow `last`."""
    if last is None or last.copy.end > at:
        return []
    out: list[Passage] = []
    following = last
    for p in places.ending_by(last.copy.start):
        between = text[p.copy.end : following.copy.start]
        lines = [line.strip() for line in between.splitlines() if line.strip()]
        if any(len(line.split()) > _LABEL_WORDS or _SENTENCE_END.search(line) for line in lines):
            break
        if next(_note_matches(between), None) is not None:
            break  # a note of its own ("(underlining ours)") closes the earlier block's
        out.append(p)
        following = p
    return out[::-1]


_LABEL_WORDS = 6
"""Most words of a label between two quoted passages ("Passage 2", "On THAAD:")."""
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


def _covered(
    text: str,
    places: _Places,
    start: int,
    end: int,
    claimed_after: set[Passage],
    options: EmphasisOptions,
) -> Passage | None:
    """The one passage a note at text[start:end] covers: the one it sits in, the nearest
    ending before it that no other note follows, the one it introduces, or (a short last
    paragraph) the page's last."""
    covers = places.holding(start)
    if covers is not None:
        return covers
    if _ENDS_WITH_COLON.match(text, end) and (introduced := _introduced(text, places, end)):
        # "And in point 5 (emphasis in original):" then the passage: the line introduces
        # it, whatever passage ends just before (it took the note, and the passage it was
        # written for had none)
        return introduced
    nearest = next(places.latest_ending_by(start), None)
    if (
        nearest is not None
        and start - nearest.copy.end <= options.note_reach
        and nearest not in claimed_after
    ):
        claimed_after.add(nearest)
        return nearest
    return _introduced(text, places, end) or _closing(text, places, start, end, claimed_after)


def _footnote_mark(text: str, start: int) -> int | None:
    """Where the page marks the footnote a note at `start` stands in: the last "[^1]",
    "[1]" or "¹" before the line that defines it ("[^1]: Emphasis ours."), or the last
    star or dagger hung on a sentence's end at a line's end ("... Peninsula.*") before
    "* Emphasis added.", when the note follows that footnote's label on its line. None
    for a note outside a footnote.

    >>> text = "in a proper manner.[^1]\\n\\nMore.\\n\\n[^1]: Emphasis ours."
    >>> _footnote_mark(text, text.index("Emphasis")) == text.index("[^1]")
    True
    """
    line = text.rfind("\n", 0, start) + 1
    label = FOOTNOTE_LABEL.match(text, line, start)
    if label is None:
        star = _STAR_LABEL.match(text, line)
        if star is None or star.end() != start:
            return None
        # "* Emphasis added." under the text: the last star or dagger hung on the end of
        # a sentence before it ("... on the Korean Peninsula.*", a <sup>*</sup>)
        marks = list(_HUNG_STAR.finditer(text, 0, line))
        hung = [m for m in marks if m.group() == star.group("mark")]
        return hung[-1].start() if hung else None
    mark = label.group("mark")
    at = text.rfind(mark, 0, line)
    return at if at >= 0 else None


_STAR_LABEL = re.compile(r"[ \t]*(?P<mark>\*{1,3}|\u2020|\u2021)[ \t]*(?=\S)")
"""A footnote's own line opening on a star or a dagger ("* Emphasis added.")."""
_HUNG_STAR = re.compile(
    r"(?<=[.,;:!?)\]\"'\u201d\u2019])(?:\*{1,3}|\u2020|\u2021)(?=[ \t]*(?:\n|\Z))"
)
"""A star or a dagger hung on a sentence's end at a line's end, as a footnote's mark."""


_ENDS_WITH_COLON = re.compile(r"[ \t]*:[ \t]*(?:\r?\n|\Z)")
"""After a note: a colon ending its line, which introduces what follows."""
_SCOPE = re.compile(
    r"\s*(?:throughout|(?:in|within)\s+(?:the\s+)?(?:\w+\s+)?(?:text|passages?|quotations?"
    r"|excerpts?|extracts?|statement)\s+below|below|in\s+what\s+follows"
    r"|(?P<whole>(?:in|on|within)\s+this\s+(?:article|piece|post|page|story|report|essay"
    r"|column|analysis|newsletter|brief)))\b",
    re.IGNORECASE,
)
"""After a note, or in it: the note holds for every passage (after it, but "throughout" or
"in this article": "All emphasis in this article is ours")."""


def _introduced(text: str, places: _Places, end: int) -> Passage | None:
    """The passage a note introduces: the one that starts right after the sentence the
    note ends ("The full text follows (emphasis ours):", "It reads, with emphasis added:"),
    a short heading line between them or not ("... (emphasis mine).¶## The text¶...")."""
    following = places.first_starting_from(end)
    if following is None:
        return None
    between = text[end : following.copy.start]
    if text.rfind("(", 0, end) > text.rfind(")", 0, end):
        # A note sharing its parentheses ("(emphasis mine, gloss ours too):") ends there.
        between = _PARENTHESIS_REST.sub("", between, count=1)
    # A heading of the page's own may stand between ("... (emphasis mine).¶## The text¶"),
    # or a table's header row under its caption ("Point¶Statement text").
    between = _HEADING_LINES.sub("", between.strip(_LEAD_IN), count=1)
    return None if between.strip(_LEAD_IN) else following


_HEADING_LINES = re.compile(
    r"^(?:#{0,6}[ \t]*(?:[^\n.!?]{1,60}|[^\s.!?]+(?:[ \t][^\s.!?]+)?\.):?[ \t]*(?:\n|$)){1,3}"
)
"""Up to three short lines with no sentence end: a heading ("## The text", "Full text"),
or a table's header cells ("No.", an abbreviation of a word or two, is one)."""


_PARENTHESIS_REST = re.compile(r"^[^()\n]{0,80}\)")
"""The rest of the parentheses a note opens, up to their closing mark."""


_LEAD_IN = " \t\r\n\u00a0.:;,)]\u2014-"
"""What may stand between a note that introduces a passage and the passage."""
_STANDALONE = 160
"""Longest last paragraph read as a note on the whole page ("Emphasis added throughout.")."""


def _closing(
    text: str, places: _Places, start: int, end: int, claimed: set[Passage]
) -> Passage | None:
    """The passage a note ending the page covers: a short last paragraph of its own
    ("Editor\u2019s note: bold type added by the editors.") covers the page's last passage
    that no note follows already."""
    first = text.rfind("\n\n", 0, start) + 1
    if text[end:].strip() or len(text[first:].strip()) > _STANDALONE:
        return None
    last = next((p for p in places.latest_ending_by(start) if p not in claimed), None)
    if last is not None:
        claimed.add(last)
    return last


_NOTE_WORDS = (
    *("bold", "italic", "emphas", "underlin", "underscor", "highlight", "stress", "added"),
    *("caps", "capital", "upper"),
    # the first words of `_FOREIGN` notes (a note starts at most four characters before)
    *("hervorh", "kursiv", "fettdruck", "est moi qui", "est nous qui", "nous soulign"),
    *("soulign", "mis en", "mise en", "mises en", "gras", "italiq", "nfasis", "subrayad"),
    *("cursiva",),
    *("negrita", "corsivo", "enfasi", "grassetto", "sottolineatura"),
    *("выделен", "Выделен", "курсив", "Курсив", "подчеркнуто", "Подчеркнуто"),
    *("подчёркнуто", "Подчёркнуто"),
)
"""Every note holds one of these (lower case); "added" opens one that names its style
after ("(added emphasis)")."""
_ODD_CASES = "\u017f\u212a\u0131\u0130"
"""Characters that match an ASCII letter of a note case-insensitively without lowering to it."""


def _note_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_NOTE.finditer(text)`, trying the pattern only near its words.

    A note starts at most a bracket or "our"/"my" and spaces before its first word, so
    the pattern is tried only at those few places before each word, found by Hyperscan
    in either case of ASCII letters: the only other letters the pattern takes for them
    are `_ODD_CASES`, and a text holding one is read whole.
    """
    if any(c in text for c in _ODD_CASES):
        yield from _NOTE.finditer(text)
        return
    words = literal_starts(text, _NOTE_WORDS, caseless=True)
    at = 0
    for word in words:
        if word < at:
            continue
        first = word
        while first > at and text[first - 1].isspace():
            first -= 1
        for start in range(max(at, first - 4), word + 1):
            match = _NOTE.match(text, start)
            if match is not None:
                yield match
                at = match.end()
                break


def _original_passage(reference: Extracted, capture: Extracted, passage: Passage) -> Passage:
    return Passage(
        passage.kind,
        capture.span(passage.copy.start, passage.copy.end),
        reference.span(passage.reference.start, passage.reference.end),
        passage.score,
    )


def _declared_style(what: str) -> str:
    """ "bold italics " -> "bold+italic"; unspecified emphasis -> "emphasis"."""
    what = what.lower()
    styles = [
        name
        for name, stem in (
            ("bold", "bold"),
            ("italic", "italic"),
            ("underline", "underlin"),
            ("underline", "underscor"),
            ("mark", "highlight"),
            ("caps", "caps"),
            ("caps", "capital"),
            ("caps", "upper"),
        )
        if stem in what
    ]
    return "+".join(styles) or "emphasis"
