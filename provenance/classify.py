"""Give every edit of an alignment a kind and a severity.

The kind of each edit is `kinds.kind_of`'s (a ladder of folds, from the most harmless
to the most serious); its severity is the kind's row of `severity.SEVERITY`. Edits at a
copy's edges are read for truncation, editorial marks and paragraph numbers here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from provenance.footnotes import FOOTNOTE
from provenance.kinds import OWN_NUMBER, SIC, kind_of, severity_row
from provenance.model import (
    Alignment,
    Divergence,
    Document,
    Edit,
    Kind,
    PassageKind,
    Severity,
    Span,
)
from provenance.severity import severity


def classify(reference: Document, capture: Document, alignment: Alignment) -> list[Divergence]:
    """Divergences of one aligned passage, in capture order.

    Args:
        reference: The reference document the alignment's reference spans index.
        capture: The capture the alignment's copy spans index.
        alignment: The passage and its edits.

    Returns:
        One divergence per non-equal edit, plus `truncation` where a full copy stops
        short of either end of the reference.
    """
    out = []
    passage = alignment.passage
    head_cut, tail_cut = _cut_off(reference.text, capture.text, alignment)
    if (passage.kind is PassageKind.FULL or head_cut) and passage.reference.start > 0:
        out.append(
            divergence(
                reference,
                capture,
                Kind.TRUNCATION,
                Span(0, passage.reference.start),
                Span(passage.copy.start, passage.copy.start),
                note="the copy starts after the reference's opening",
            )
        )
    edits = [e for whole in alignment.edits for e in _word_then_lines(reference, capture, whole)]
    for edit in edits:
        if edit.tag == "equal":
            continue
        ref_text = edit.reference.of(reference.text)
        copy_text = edit.copy.of(capture.text)
        kind, note = numbered(
            kind_of(ref_text, copy_text), reference.text, edit.reference, capture.text, edit.copy
        )
        ref, copy = edit.reference, edit.copy
        if kind is Kind.INSERTION and _glued_note_number(capture.text, copy):
            # "... in Northeast Asia.1 In the spirit": a PDF's footnote number, not words
            kind, note = Kind.FOOTNOTE, "a footnote number glued to the text (a PDF's)"
        if kind is Kind.FOOTNOTE:
            out.extend(_footnote(reference, capture, ref, copy, note))
            continue
        if kind is Kind.INSERTION:
            out.extend(_insertion(reference, capture, ref, copy))
            continue
        if kind is Kind.SUBSTITUTION and _EDGE_MARK_TRAIL.search(copy.of(capture.text)):
            # "peacefull [sic]" for "peaceful": the slip, and the editor's mark after it
            out.extend(_insertion(reference, capture, ref, copy))
            continue
        if (
            kind is Kind.SUBSTITUTION
            and OWN_NUMBER.fullmatch(copy_text.strip())
            and ref_text.strip()
        ) or (
            # "[1]" where a whole point is: its number kept, in brackets, its words lost
            # (an editor's brackets hold a gloss or a cut's mark, never a number alone)
            kind is Kind.EDITORIAL
            and _BRACKETED_NUMBER.fullmatch(copy_text.strip())
            and len(ref_text.split()) >= _LOST_WORDS
        ):
            # "(6)" where a sentence is: the page numbers its sentences, and the one it
            # numbers next follows a sentence it left out (not "(6)" for its words)
            lost, where = "reference words missing from the copy", Span(copy.start, copy.start)
            out.append(divergence(reference, capture, Kind.OMISSION, ref, where, note=lost))
            own, after = (
                "the page's own numbering of its sentences or lines",
                Span(ref.end, ref.end),
            )
            out.append(divergence(reference, capture, Kind.EDITORIAL, after, copy, note=own))
            continue
        if kind is Kind.SUBSTITUTION and (at := _lines_then_number(ref_text, copy_text)):
            # "| # | Text |" then "| 1 | The Parties ...": a table's header row, then the
            # cell numbering the point, for "1. ": the lines inserted, and the number
            ahead, rest = Span(copy.start, copy.start + at), Span(copy.start + at, copy.end)
            out.extend(_insertion(reference, capture, Span(ref.start, ref.start), ahead))
            number_kind, number_note = numbered(
                kind_of(ref_text, rest.of(capture.text)), reference.text, ref, capture.text, rest
            )
            out.append(divergence(reference, capture, number_kind, ref, rest, note=number_note))
            continue
        out.append(divergence(reference, capture, kind, ref, copy, note=note))
    if (passage.kind is PassageKind.FULL or tail_cut) and passage.reference.end < len(
        reference.text
    ):
        out.append(
            divergence(
                reference,
                capture,
                Kind.TRUNCATION,
                Span(passage.reference.end, len(reference.text)),
                Span(passage.copy.end, passage.copy.end),
                note="the copy stops before the reference's end",
            )
        )
    return out


_BRACKETED_NUMBER = re.compile(r"\[\d{1,3}\](?:\s+\d{1,3}[.)]?)?")
_LOST_WORDS = 4
"""Fewest reference words a bracketed number stands in the place of for them to be lost,
not renumbered."""


def _word_then_lines(reference: Document, capture: Document, edit: Edit) -> tuple[Edit, ...]:
    """`edit`, or, where it puts the reference's one word (a paragraph's first, its break
    before it lost: "programmes. The" for "programmes.¶The") and then lines of the copy's
    own for the space after it, two edits: the word with its spaces, and the lines
    inserted. The diff took the word into the lines ("The¶¶Missile defence in the South"
    for "¶The ", material), and the copy holds it."""
    if edit.tag != "replace":
        return (edit,)
    ref_text, copy_text = edit.reference.of(reference.text), edit.copy.of(capture.text)
    word = ref_text.strip()
    if not word or len(word.split()) != 1 or ref_text.rstrip() == ref_text:
        return (edit,)  # not one word and the space after it
    found = _WORD_THEN_LINE.match(copy_text)
    if found is None or found.group(1) != word:
        return (edit,)
    ref_cut, copy_cut = (
        edit.reference.start + len(ref_text.rstrip()),
        edit.copy.start + found.end(1),
    )
    return (
        Edit("replace", Span(edit.reference.start, ref_cut), Span(edit.copy.start, copy_cut)),
        Edit("replace", Span(ref_cut, edit.reference.end), Span(copy_cut, edit.copy.end)),
    )


_WORD_THEN_LINE = re.compile(r"[ \t\r\n]*(\S+)[ \t\r]*\n")
"""A copy's word, then the end of its line."""


def _cut_off(reference: str, capture: str, alignment: Alignment) -> tuple[bool, bool]:
    """Whether an excerpt is the reference cut off rather than a part chosen: it runs from
    the reference's start and stops mid-sentence where the page puts an ellipsis ("...
    to continue making efforts to facilitate the balanced removal...", then "Read the
    full statement") or stops anywhere before a paywall's line ("Subscribe to continue
    reading."), or runs to its end from mid-sentence after one; and an excerpt
    from anywhere that stops mid-sentence where the page says "(continued)". A full copy's
    cut is a truncation whatever marks it; an excerpt's only where the page says so.

    A sentence or two quoted with an ellipsis ("The statement opens: “The Russian
    Federation ... are the Korean Peninsula's neighbours…”") is a quotation's cut, not a
    copy's: only an excerpt holding a paragraph break of the reference is read so.

    Returns (cut off at the start, cut off at the end)."""
    passage = alignment.passage
    if passage.kind is not PassageKind.EXCERPT:
        return False, False
    ref, copy = passage.reference, passage.copy
    mid_sentence = not _SENTENCE_END.search(reference, max(0, ref.end - _LOOK), ref.end)
    if mid_sentence and _CONTINUED_AFTER.match(capture, copy.end) is not None:
        return False, True  # the page says so, of a sentence or a page of it
    if "\n" not in reference[ref.start : ref.end].strip():
        return False, False
    tail = ref.start == 0 and (
        (mid_sentence and _ELLIPSIS_AFTER.match(capture, copy.end) is not None)
        or _word_begun_then_cut(reference, capture, ref.end, copy.end)
        or _PAYWALL_AFTER.match(capture, copy.end) is not None
        # the page itself ends mid-sentence (at most a word's first letters after the
        # copy: "..., including Russia and Ch"): the copy was cut off with it
        or (mid_sentence and _PAGE_ENDS.match(capture, copy.end) is not None)
    )
    head = (
        ref.end == len(reference)
        and ref.start > 0
        and _SENTENCE_START.search(reference, max(0, ref.start - _LOOK), ref.start) is None
        and ELLIPSIS_BEFORE.search(capture, max(0, copy.start - _LOOK), copy.start) is not None
    )
    return head, tail


def _word_begun_then_cut(reference: str, capture: str, ref_end: int, copy_end: int) -> bool:
    """Whether the copy ends (at `copy_end`) on the first letters of the reference's next
    word, or on that whole word, and an ellipsis or a paywall's line: "... statement of
    July 4, 2017 about a ball…", "... dialogue and consultations. The…", "... and
    consultations. The¶Subscribe to continue reading" (a teaser cut at a number of
    characters); or on a word broken off at its line's end ("... and wo¶Read more"). The
    alignment stops before the word begun, which is none of the reference's; the cut is
    there all the same.

    >>> _word_begun_then_cut("about a ballistic missile", "about a ball… More", 7, 7)
    True
    >>> _word_begun_then_cut("about a ballistic missile", "about a bus… More", 7, 7)
    False
    >>> _word_begun_then_cut("about a ballistic", "about a ball\\n\\nMore", 7, 7)
    True
    >>> _word_begun_then_cut("about a ball game", "about a ball\\n\\nMore", 7, 7)
    False
    """
    # (past the rest of a word the copy and the reference both go on with: the "s" of
    # "People's", which the passage may leave out)
    while (
        copy_end < len(capture)
        and ref_end < len(reference)
        and not capture[copy_end].isspace()
        and _APOSTROPHES.get(capture[copy_end], capture[copy_end])
        == _APOSTROPHES.get(reference[ref_end], reference[ref_end])
    ):
        copy_end, ref_end = copy_end + 1, ref_end + 1
    begun = _WORD_BEGUN.match(capture, copy_end)
    word = _NEXT_WORD.match(reference, ref_end)
    if begun is None or word is None:
        return False
    whole, part = word.group(1).casefold(), begun.group(1).casefold()
    if not whole.startswith(part):
        return False
    if _ELLIPSIS_AFTER.match(capture, begun.end()) or _PAYWALL_AFTER.match(capture, begun.end()):
        return True
    # (with nothing after it, only a word broken off at its line's end)
    return len(part) < len(whole) and _LINE_ENDS.match(capture, begun.end()) is not None


_APOSTROPHES = {"\u2019": "'", "\u02bc": "'"}
_WORD_BEGUN = re.compile(r"[ \t]*([^\W\d_]{1,30})")
_LINE_ENDS = re.compile(r"[ \t]*(?:\n|\Z)")
_NEXT_WORD = re.compile(r"\W*?([^\W\d_]+)")
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*\s*\Z")
"""The reference's text up to a point ends a sentence there."""
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;][\"'\u201d\u2019)\]]*\s+)\Z")
"""The reference's text before a point ends a sentence (or is empty): the point opens one."""
_LOOK = 64
"""Characters read back from a passage's edge for a sentence's end or an ellipsis: the
marks and spaces between them and the edge (a search from the text's start made each
check cost the whole page)."""
_PAGE_ENDS = re.compile(r"[ \t]*[^\W\d_]{0,20}[,;:]?\s*\Z")
"""After a copy: nothing but a word begun, then the end of the page."""
_ELLIPSIS_AFTER = re.compile(r"[ \t]*(?:\.\s?\.\s?\.|…|\[(?:…|\.\.\.)\])")
_PAYWALL_AFTER = re.compile(
    r"\s{0,8}[^\n]{0,80}?(?i:(?:subscribe|log\s+in|sign\s+in|register)\b[^\n]{0,40}?"
    r"\b(?:continue|keep)\s+reading|to\s+continue\s+reading\b[^\n:]{0,40}$"
    r"|(?:subscribe|log\s+in|sign\s+in)\s+to\s+read\s+(?:the\s+rest|more|on|the\s+full)"
    r"|to\s+read\s+the\s+(?:rest|full)\s+(?:of\s+)?(?:this\s+)?(?:article|story|text|piece)"
    r"[^\n]{0,20}?\b(?:subscribe|log\s+in|sign\s+in|register)"
    r"|the\s+rest\s+of\s+this\s+(?:article|story|page)\s+is"
    r"|this\s+(?:article|story|content)\s+is\s+(?:for|only\s+for|reserved\s+for|available\s+"
    r"(?:only\s+)?to)\s+(?:paying\s+)?(?:subscribers|members)"
    r"|(?:you\s+have|you['\u2019]ve)\s+reached\s+your\s+(?:(?:free\s+)?(?:article|story)\s+limit"
    r"|limit\s+of\s+free\s+(?:articles|stories))"
    r"|keep\s+reading\s+with\s+(?:a|an|our|your)\b"
    r"|unlock\s+(?:the\s+(?:full|whole|rest\s+of\s+the)|this)\s+(?:story|article|piece|text)"
    r"|(?:members|subscribers)[\s-]+only\b|already\s+a\s+(?:subscriber|member)\s*\?)",
    re.MULTILINE,
)
"""A paywall's line straight after a copy from the reference's start ("Subscribe to
continue reading.", "The rest of this article is for subscribers", "Keep reading with a
digital subscription", "Unlock the full story", "Members only"): the site cut it off,
wherever it stops; not a "Continue reading: ..." box naming another story."""


def paywall(text: str) -> bool:
    """Whether `text` opens with a paywall's line (`_PAYWALL_AFTER`): a box a page sets
    aside as furniture is read for it, as the line says where the site cut a copy off.

    >>> paywall("Subscribe to continue reading"), paywall("Subscribe to our newsletter")
    (True, False)
    """
    return _PAYWALL_AFTER.match(text) is not None


_CONTINUED_AFTER = re.compile(r"[ \t]*[(\[](?i:continued|cont\.?|to\s+be\s+continued)[)\]]")
"""The page's own word that the text goes on elsewhere: "(continued)", "[cont.]"."""
ELLIPSIS_BEFORE = re.compile(r"(?:\.\s?\.\s?\.|…|\[(?:…|\.\.\.)\])[ \t]*\Z")
"""An ellipsis (three full stops, "…", or either in brackets) ending where it is searched
up to, spaces after it: a cut before the words there."""


def _insertion(reference: Document, capture: Document, ref: Span, copy: Span) -> list[Divergence]:
    """An insertion (or a substitution), less an editor's mark at either end of it:
    "[sic] which the ministry later said was a mistake" is the editorial "[sic] " and the
    inserted words after it; "peacefull [sic]" for "peaceful" a misspelling and the
    editorial " [sic]". A bracket holding digits ("[04.07.17 16:03]") is a timestamp or a
    number, not an editor's mark, and stays with the words."""
    text = copy.of(capture.text)
    lead, trail = _EDGE_MARK_LEAD.match(text), _EDGE_MARK_TRAIL.search(text)
    # A bracket on a line of its own among inserted lines ("[ Subscribe ]" ending a
    # sign-up box) is the page's button or link, not an editor's mark in the text.
    if lead and "\n" in lead.group():
        lead = None
    if trail and "\n" in trail.group().rstrip():
        trail = None
    start = copy.start + (lead.end() if lead else 0)
    end = copy.start + (trail.start() if trail else len(text))
    if start >= end or not _HAS_WORD.search(capture.text, start, end):
        return [_classified(reference, capture, ref, copy)]
    out = []
    if start > copy.start:
        out.append(
            _classified(reference, capture, Span(ref.start, ref.start), Span(copy.start, start))
        )
    out.append(_classified(reference, capture, ref, Span(start, end)))
    if end < copy.end:
        out.append(_classified(reference, capture, Span(ref.end, ref.end), Span(end, copy.end)))
    return out


_MARK = rf"(?:\[(?! )[^\]\d\n]{{1,40}}(?<! )\]|{SIC}|\.\s?\.\s?\.|…)"
"""An editor's mark at an insertion's edge; not a bracket padded inside ("[ Sign me up ]"),
a page's button or field."""
_EDGE_MARK_LEAD = re.compile(rf"\s*{_MARK}\s+")
_EDGE_MARK_TRAIL = re.compile(rf"\s+{_MARK}\s*$")
_HAS_WORD = re.compile(r"[^\W_]")


def numbered(
    found: tuple[Kind, str], reference: str, ref: Span, capture: str, copy: Span
) -> tuple[Kind, str]:
    """`found` (`kind_of`'s kind and note), unless the edit is only a paragraph's number
    (`_numbering`): then `editorial`, as the collation's table reads it too."""
    kind, _ = found
    # (`kind_of` reads "(2) " alone as the page's numbering, editorial already: at a line's
    # start it is a paragraph's number, which this says more exactly)
    changed = kind in _WORDS_CHANGED or kind is Kind.EDITORIAL
    if changed and (numbering := _numbering(reference, ref, capture, copy)):
        return Kind.EDITORIAL, numbering
    if (
        changed
        and _reopened(capture, copy)
        and _line_number(reference, _after_spaces(reference, ref))
    ):
        # `"The Parties express ...` for "2. The Parties express ...": a quotation of
        # several paragraphs opens each again with a mark, in the number's place
        return Kind.EDITORIAL, "the reference's paragraph number, which the copy does not have"
    return found


def _reopened(capture: str, copy: Span) -> bool:
    """Whether `copy` is a quotation mark alone opening its line (spaces aside): how a
    quotation of several paragraphs opens each of them again."""
    text = copy.of(capture).strip()
    line = capture.rfind("\n", 0, copy.start) + 1
    return text in _REOPENING and not capture[line : copy.start].strip()


_REOPENING = frozenset({'"', "\u201c", "\u00ab", "\u201e", "'", "\u2018"})


def _numbering(reference: str, ref: Span, capture: str, copy: Span) -> str:
    """Why an edit is only a paragraph's number ("(2) ", "3.", "4)"), or "" when it is not.

    The edit must lie inside the number that opens its line on both sides (the whole
    number, part of it, or the empty place where a line without one opens), and one side
    must have a number. A copier numbering the paragraphs, dropping the statement's own
    numbers (often list markup it did not keep) or counting them otherwise changes no word
    of the text: it is the copy's editorial apparatus, like a bracket, not an insertion.

    >>> _numbering("Intro.\\n\\nThe", Span(8, 8), "Intro.\\n\\n(2) The", Span(8, 12))
    'a paragraph number the copy added'
    >>> _numbering("It has 2 steps", Span(7, 8), "It has 3 steps", Span(7, 8))
    ''
    >>> _numbering("One.\\n\\n2. Two.", Span(4, 9), "One. Two.", Span(4, 4))
    "the reference's paragraph number, which the copy does not have"
    """
    # The line break before the number may be in the edit too ("\n\n6" for "\n3"): a
    # difference of spaces, read apart from the number.
    ref, copy = _after_spaces(reference, ref), _after_spaces(capture, copy)
    ref_number, copy_number = _line_number(reference, ref), _line_number(capture, copy)
    if ref_number and copy_number is None and copy.start == copy.end:
        # The number and the paragraph break before it gone, the copy running on
        # mid-line (a sentence moved there, paragraphs joined): no word is missing.
        copy_number = ""
    if ref_number is None or copy_number is None or ref_number == copy_number == "":
        return ""
    if not ref_number:
        return "a paragraph number the copy added"
    if not copy_number:
        return "the reference's paragraph number, which the copy does not have"
    return "a paragraph numbered otherwise"


def _after_spaces(text: str, span: Span) -> Span:
    """`span` without the spaces and line breaks it opens with."""
    start = span.start
    while start < span.end and text[start].isspace():
        start += 1
    return Span(start, span.end)


def _line_number(text: str, span: Span) -> str | None:
    """The number opening `span`'s line ("" for none) when `span` lies within it (or at
    the line's opening, after markup such as "**"), else None.

    Read back from `span` only over what markup and a number are made of: a word before
    it on its line means no number holds it, found without going back to the line's
    start (on a long line, each divergence doing so cost divergences x line length).

    >>> _line_number("Intro.\\n(2) The", Span(7, 10)), _line_number("It has 2 steps", Span(7, 8))
    ('(2)', None)
    """
    reach = max(0, span.start - _NUMBER_REACH)
    line = text.rfind("\n", reach, span.start) + 1 or reach
    if line == reach and reach > 0 and _NUMBER_LINE.fullmatch(text, reach, span.start):
        line = text.rfind("\n", 0, span.start) + 1  # ("(2)(2)(2)...": numbering past the reach)
    elif line == reach and reach > 0:
        return None
    if not _NUMBER_LINE.fullmatch(text, line, span.start):
        return None  # neither markup nor a number: the ones opening the line stop before
    opening = _LINE_MARKUP.match(text, line, span.start)
    start = opening.end() if opening else line
    number = _PARAGRAPH_NUMBER.match(text, start)
    end = number.end() if number else start
    if not start <= span.start <= span.end <= end:
        return None
    return number.group().strip() if number else ""


_WORDS_CHANGED = frozenset({Kind.INSERTION, Kind.OMISSION, Kind.SUBSTITUTION, Kind.FOOTNOTE})
"""Kinds a paragraph's number may be read as: words, or a "[2]" taken for a note marker."""
_LINE_MARKUP = re.compile(r"[ \t*_#>]*")
_PARAGRAPH_NUMBER = re.compile(
    r"(?:(?:\(\d{1,3}\)|\[\d{1,3}\]|\d{1,3}\\?[.)]|[IVX]{1,5}\.|[ivx]{1,5}\)"
    r"|[§¶][ \u00a0]?\d{1,3}\.?|\([a-zA-Z]\)|[a-zA-Z]\)|[a-zA-Z]\.(?=[ \t])|[•◦▪‣·\u2013-](?=[ \t])"
    r"|(?i:point|paragraph|para\.?|item|clause|section|article)[ \t]+\d{1,3}"
    # (with the page's own short title after a dash, to the line's end: "Point 5 —
    # dialogue between the two Koreas", a <summary> over the point)
    r"(?:[ \t]*[\u2013\u2014][ \t]+(?:[^\s.]+[ \t]+){0,7}[^\s.]+[ \t]*(?=\n)"
    r"|[.:)]|[ \t]*[\u2013\u2014-](?=\s))?)"
    r"[*_]{0,3}\s*)+"
)
"""A paragraph's number as copies write it: "(2)", "[2]", "2.", "2)", "II.", "ii)", "§ 2", "¶ 2",
"Point 2", "Paragraph 2:", "Point 2 — a title of the page's own" ending its line, a letter
("(a)", "b)", "C.") or a bullet ("•", "-") put for it, with the spaces or line breaks
after it; or two ("**3.** 3.": the copy's own, then the statement's)."""
_NUMBER_LINE = re.compile(r"[\s*_#>\d()\[\].\\a-zA-Z§¶•◦▪‣·\u2013-]*")
"""Characters `_LINE_MARKUP` and `_PARAGRAPH_NUMBER` can match, any number of them."""
_NUMBER_REACH = 24
"""Most characters read back from an edit to the start of a line's number and markup."""


def _lines_then_number(reference: str, copy: str) -> int:
    """Where the line numbering a paragraph starts in `copy`, when `reference` is only a
    paragraph's number (and the spaces around it) and `copy` is whole lines of a few
    words, then a number's line (a table's header row, then its number cell; a label,
    "Part two:", then the list numbered again from one); else 0.

    >>> _lines_then_number("\\n\\n1. ", "\\n\\n#\\nText\\n\\n1\\n")
    10
    >>> _lines_then_number("\\n\\n4.", "\\n\\nPart two:\\n\\n1. ")
    13
    >>> _lines_then_number("\\n\\n1. ", "\\n\\nThe Parties are worried\\n1\\n")
    0
    >>> _lines_then_number("a", "b")
    0
    """
    number = _NUMBER_ONLY.fullmatch(reference)
    if number is None:
        return 0
    last = _LAST_LINE_NUMBER.search(copy)
    if last is None:
        return 0
    head = copy[: last.start()]
    if not _HAS_WORD.search(head) or any(len(line.split()) > 3 for line in head.splitlines()):
        return 0  # nothing before the number, or a line of prose: not a header row
    return last.start()


_NUMBER_ONLY = re.compile(r"\s*\d{1,2}[.)]?\s*")
_LAST_LINE_NUMBER = re.compile(r"(?<=\n)[ \t]*\d{1,2}[.)]?[ \t]*\n?\Z")


def _glued_note_number(text: str, copy: Span) -> bool:
    """Whether inserted text is a number of one or two digits glued to the mark that ends a
    sentence or clause before it, a space or the line's end after it ("Asia.1 In",
    "2005,3 and"): the footnote number a PDF's text keeps in line."""
    return (
        _NOTE_NUMBER.fullmatch(text, copy.start, copy.end) is not None
        and text[copy.start - 1 : copy.start] in _NOTE_HANGS_ON
        and (copy.end == len(text) or text[copy.end].isspace())
    )


_NOTE_NUMBER = re.compile(r"\d{1,2}")
_NOTE_HANGS_ON = frozenset('.,;:\u201d\u2019")')


def _classified(reference: Document, capture: Document, ref: Span, copy: Span) -> Divergence:
    kind, note = kind_of(ref.of(reference.text), copy.of(capture.text))
    return divergence(reference, capture, kind, ref, copy, note=note)


def _footnote(
    reference: Document, capture: Document, ref: Span, copy: Span, note: str
) -> list[Divergence]:
    """A footnote divergence as the marker alone, and what else differs on either side of
    it as rows of their own: where a hard-wrapped page opens a line with the word the
    marker hangs on ("\n2005[1]" for " 2005"), the diff gives one edit, but the marker is
    the footnote, the line break a `whitespace` row, and "2005" stays matched.
    Markers split by other text (two notes apart, or one the reference has too) stay one
    row, less what both readings share at its ends."""
    ref_text, copy_text = ref.of(reference.text), copy.of(capture.text)
    around = _around_marker(ref_text, copy_text)
    if around is None:
        marker_ref, marker_copy = _marker_only(ref_text, copy_text, ref, copy)
        return [divergence(reference, capture, Kind.FOOTNOTE, marker_ref, marker_copy, note=note)]
    at, start, end = around
    marker = Span(copy.start + start, copy.start + end)
    at = ref.start + at
    before = _unshared(reference, capture, Span(ref.start, at), Span(copy.start, marker.start))
    after = _unshared(reference, capture, Span(at, ref.end), Span(marker.end, copy.end))
    rows = [divergence(reference, capture, Kind.FOOTNOTE, Span(at, at), marker, note=note)]
    if before:
        rows.insert(0, _classified(reference, capture, *before))
    if after:
        rows.append(_classified(reference, capture, *after))
    return rows


def _unshared(
    reference: Document, capture: Document, ref: Span, copy: Span
) -> tuple[Span, Span] | None:
    """The spans of two readings less what they share at either end ("\n" for " " in
    "\n2005" for " 2005"); None when they agree."""
    ref_text, copy_text = ref.of(reference.text), copy.of(capture.text)
    if ref_text == copy_text:
        return None
    return _marker_only(ref_text, copy_text, ref, copy)


def _around_marker(ref_text: str, copy_text: str) -> tuple[int, int, int] | None:
    """Where the copy's markers stand in the two readings: (the reference's offset the
    markers are added at, the markers' start and end in the copy), when the copy holds
    one run of markers the reference lacks and the copy's text after it ends the
    reference's reading (or the copy's text before it opens it). Else None.

    >>> _around_marker(" 2005", "\\n2005[1]"), _around_marker("2005 ", "2005[1]\\n")
    ((5, 5, 8), (4, 4, 7))
    >>> _around_marker("2005", "2005[1] [2]") is None, _around_marker("", " [3]")
    (True, (0, 0, 4))
    """
    markers = list(FOOTNOTE.finditer(copy_text))
    if not markers or FOOTNOTE.search(ref_text):
        return None
    start, end = markers[0].start(), markers[-1].end()
    if FOOTNOTE.sub("", copy_text[start:end]):
        return None
    if ref_text.endswith(copy_text[end:]):
        at = len(ref_text) - len(copy_text[end:])
    elif ref_text.startswith(copy_text[:start]):
        at = start
    else:
        return None
    # The space a marker is hung by ("Moscow [1]"), where the reference has none, is the
    # marker's, not a difference of spaces of its own.
    if not ref_text[:at].endswith(_HUNG_BY):
        start = len(copy_text[:start].rstrip("".join(_HUNG_BY)))
    if not ref_text[at:].startswith(_HUNG_BY):
        end = len(copy_text) - len(copy_text[end:].lstrip("".join(_HUNG_BY)))
    return at, start, end


_HUNG_BY = (" ", "\t")
"""Spaces between a word and the marker hung on it (one, for a bracketed marker)."""


def _marker_only(ref_text: str, copy_text: str, ref: Span, copy: Span) -> tuple[Span, Span]:
    """The spans of a footnote divergence without the words both readings share: the
    marker is reported as the insertion it is, and "2017" in "2017¹" stays matched.

    >>> _marker_only("2017 ", "2017\u00b9 ", Span(0, 5), Span(10, 16))
    (Span(start=4, end=4), Span(start=14, end=15))
    """
    head = _shared(ref_text, copy_text)
    tail = _shared(ref_text[head:][::-1], copy_text[head:][::-1])
    return (
        Span(ref.start + head, ref.end - tail),
        Span(copy.start + head, copy.end - tail),
    )


def _shared(a: str, b: str) -> int:
    """How many characters `a` and `b` begin with alike."""
    return next(
        (k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def divergence(
    reference: Document, capture: Document, kind: Kind, ref: Span, copy: Span, *, note: str = ""
) -> Divergence:
    """A Divergence with its stable id and readings sliced from both originals."""
    ref_text, copy_text = ref.of(reference.text), copy.of(capture.text)
    row = severity_row(kind, note)
    return Divergence(
        id=divergence_id(capture.sha256, kind, ref, copy, ref_text, copy_text),
        witness=capture.id,
        kind=kind,
        severity=severity("divergence", row),
        reference=ref,
        copy=copy,
        reference_text=ref_text,
        copy_text=copy_text,
        note=note,
    )


def row_of(kind: Kind, reference: str, copy: str) -> Kind | str:
    """The severity row of two readings of `kind`: the kind's own, a misspelling's or a
    lone article's (`kinds.severity_row`)."""
    if kind not in (Kind.SUBSTITUTION, Kind.OMISSION, Kind.INSERTION):
        return kind
    found, note = kind_of(reference, copy)
    return severity_row(kind, note) if found is kind else kind


def reclassified(
    d: Divergence, sha256: str, kind: Kind, *, note: str, level: Severity | None = None
) -> Divergence:
    """`d` read as another `kind` (a later stage's finding): its severity (the kind's,
    unless `level`), note and id follow; spans and readings stay."""
    id = divergence_id(sha256, kind, d.reference, d.copy, d.reference_text, d.copy_text)
    level = severity("divergence", kind) if level is None else level
    return replace(d, id=id, kind=kind, severity=level, note=note)


def divergence_id(
    sha256: str, kind: Kind, ref: Span, copy: Span, ref_text: str, copy_text: str
) -> str:
    """Digest of what makes a divergence: the capture's bytes, where, what kind, which readings."""
    key = "\x1f".join(
        (
            sha256,
            kind.value,
            f"{ref.start}:{ref.end}",
            f"{copy.start}:{copy.end}",
            ref_text,
            copy_text,
        )
    )
    return "d-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
