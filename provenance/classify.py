"""Give every edit of an alignment a kind and a severity.

Each edit is tested against a ladder of folds, from the most harmless to the most
serious; the first fold under which the two readings agree names the kind. So a
no-break space is `whitespace`, a curly apostrophe `typography`, "neighbors" for
"neighbours" `spelling`, and only what survives every fold is an omission, an
insertion or a substitution.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import OSA

from provenance.english import zipf
from provenance.footnotes import FOOTNOTE
from provenance.model import Alignment, Divergence, Document, Kind, PassageKind, Severity, Span
from provenance.normalise import INVISIBLE, LIGATURES, SPACES, Fold, folded
from provenance.severity import severity

_PUNCTUATION = re.compile(r"[^\w\s]|_")
_SPACE_RUN = re.compile("[" + "".join(sorted(SPACES)) + "]+")
SIC = r"\((?:[Ss]ic!?|!|\?)\)"
"""An editor's mark in parentheses: "(sic)", "(sic!)", "(!)", "(?)" (any other words in
parentheses are the copier's own)."""
_EDITORIAL = re.compile(rf"\[[^\]]*\]|{SIC}|\.\s?\.\s?\.|…")
# Variant spellings that do not change a word: British/American and old/new forms, and
# the forms of a word either side writes (towards/toward, amongst/among, learnt/learned).
_SPELLING_RULES = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"isation", "ization"),
        (r"is(e|es|ed|ing)$", r"iz\1"),
        (r"ys(e|es|ed|ing)$", r"yz\1"),
        (r"our(s|ed|ing|ite|ites|able)?$", r"or\1"),
        (r"our(hood|ly)$", r"or\1"),
        (r"mme(s)?$", r"m\1"),
        (r"tre(s)?$", r"ter\1"),
        (r"ence$", "ense"),
        (r"ogue(s)?$", r"og\1"),
        (r"ll(ed|ing|er|ers)$", r"l\1"),
        (r"ae", "e"),
        (r"oe", "e"),
        (r"^(to|after|back|for|up|down|on|in|out|home|east|west|north|south)wards$", r"\1ward"),
        (r"^(among|amid)st$", r"\1"),
        (r"^whilst$", "while"),
        (r"^(learn|burn|dream|leap|spoil)t$", r"\1ed"),
        (r"^spelt$", "spelled"),
    )
)


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
    for edit in alignment.edits:
        if edit.tag == "equal":
            continue
        ref_text = edit.reference.of(reference.text)
        copy_text = edit.copy.of(capture.text)
        kind, note = kind_of(ref_text, copy_text)
        if kind in _WORDS_CHANGED and (
            numbering := _numbering(reference.text, edit.reference, capture.text, edit.copy)
        ):
            kind, note = Kind.EDITORIAL, numbering
        ref, copy = edit.reference, edit.copy
        if kind is Kind.FOOTNOTE:
            out.extend(_footnote(reference, capture, ref, copy, note))
            continue
        if kind is Kind.INSERTION:
            out.extend(_insertion(reference, capture, ref, copy))
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


def _cut_off(reference: str, capture: str, alignment: Alignment) -> tuple[bool, bool]:
    """Whether an excerpt is the reference cut off rather than a part chosen: it runs from
    the reference's start and stops mid-sentence where the page puts an ellipsis ("...
    to continue making efforts to facilitate the balanced removal...", then "Read the
    full statement"), or runs to its end from mid-sentence after one. A full copy's
    cut is a truncation whatever marks it; an excerpt's only where the page says so.

    A sentence or two quoted with an ellipsis ("The statement opens: “The Russian
    Federation ... are the Korean Peninsula's neighbours…”") is a quotation's cut, not a
    copy's: only an excerpt holding a paragraph break of the reference is read so.

    Returns (cut off at the start, cut off at the end)."""
    passage = alignment.passage
    if passage.kind is not PassageKind.EXCERPT:
        return False, False
    ref, copy = passage.reference, passage.copy
    if "\n" not in reference[ref.start : ref.end].strip():
        return False, False
    tail = (
        ref.start == 0
        and not _SENTENCE_END.search(reference, max(0, ref.end - _LOOK), ref.end)
        and _ELLIPSIS_AFTER.match(capture, copy.end) is not None
    )
    head = (
        ref.end == len(reference)
        and ref.start > 0
        and _SENTENCE_START.search(reference, max(0, ref.start - _LOOK), ref.start) is None
        and _ELLIPSIS_BEFORE.search(capture, max(0, copy.start - _LOOK), copy.start) is not None
    )
    return head, tail


_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*\s*\Z")
"""The reference's text up to a point ends a sentence there."""
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;][\"'\u201d\u2019)\]]*\s+)\Z")
"""The reference's text before a point ends a sentence (or is empty): the point opens one."""
_LOOK = 64
"""Characters read back from a passage's edge for a sentence's end or an ellipsis: the
marks and spaces between them and the edge (a search from the text's start made each
check cost the whole page)."""
_ELLIPSIS_AFTER = re.compile(r"[ \t]*(?:\.\s?\.\s?\.|…|\[(?:…|\.\.\.)\])")
_ELLIPSIS_BEFORE = re.compile(r"(?:\.\s?\.\s?\.|…|\[(?:…|\.\.\.)\])[ \t]*\Z")


def _insertion(reference: Document, capture: Document, ref: Span, copy: Span) -> list[Divergence]:
    """An insertion, less an editor's mark at either end of it: "[sic] which the ministry
    later said was a mistake" is the editorial "[sic] " and the inserted words after it.
    A bracket holding digits ("[04.07.17 16:03]") is a timestamp or a number, not an
    editor's mark, and stays with the words."""
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


_MARK = rf"(?:\[[^\]\d\n]{{1,40}}\]|{SIC}|\.\s?\.\s?\.|…)"
_EDGE_MARK_LEAD = re.compile(rf"\s*{_MARK}\s+")
_EDGE_MARK_TRAIL = re.compile(rf"\s+{_MARK}\s*$")
_HAS_WORD = re.compile(r"[^\W_]")


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
    """
    # The line break before the number may be in the edit too ("\n\n6" for "\n3"): a
    # difference of spaces, read apart from the number.
    ref, copy = _after_spaces(reference, ref), _after_spaces(capture, copy)
    ref_number, copy_number = _line_number(reference, ref), _line_number(capture, copy)
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
    line = span.start
    while line > 0 and text[line - 1] != "\n":
        if not _NUMBER_LINE_CHARACTER.match(text, line - 1):
            return None  # neither markup nor a number: the ones opening the line stop before
        line -= 1
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
    r"(?:(?:\(\d{1,3}\)|\[\d{1,3}\]|\d{1,3}\\?[.)]|[IVX]{1,5}\.|[ivx]{1,5}\)|§ ?\d{1,3}\.?)"
    r"[*_]{0,3}\s*)+"
)
"""A paragraph's number as copies write it: "(2)", "[2]", "2.", "2)", "II.", "ii)", "§ 2", with
the spaces or line breaks after it; or two ("**3.** 3.": the copy's own, then the
statement's)."""
_NUMBER_LINE_CHARACTER = re.compile(r"[\s*_#>\d()\[\].\\IVXivx§]")
"""Every character `_LINE_MARKUP` and `_PARAGRAPH_NUMBER` can match."""


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
    row = _MISSPELT_ROW if kind is Kind.SUBSTITUTION and note == MISSPELT else kind
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
    """The severity row of two readings of `kind`: the kind's own, or a misspelling's."""
    if kind is Kind.SUBSTITUTION and kind_of(reference, copy)[1] == MISSPELT:
        return _MISSPELT_ROW
    return kind


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


def kind_of(reference: str, copy: str) -> tuple[Kind, str]:
    """The kind of difference between two readings, and a few words on why.

    >>> kind_of("neighbours", "neighbors")[0]
    <Kind.SPELLING: 'spelling'>
    >>> kind_of("consultations. The", "consultationsThe")[0]
    <Kind.PUNCTUATION: 'punctuation'>
    >>> kind_of("a", "[a]")[0]
    <Kind.EDITORIAL: 'editorial'>
    >>> kind_of(" ", "\u00a0")[0]
    <Kind.WHITESPACE: 'whitespace'>
    >>> kind_of("denuclearisation", "denuclear-\\nisation")
    (<Kind.WHITESPACE: 'whitespace'>, 'a word hyphenated at a line break')
    >>> kind_of("denuclearisation", "denuclear\u00ad\\nisation")[0]
    <Kind.INVISIBLE: 'invisible'>
    """
    if len(reference) + len(copy) <= _REMEMBERED:
        return _remembered_kind(reference, copy)
    return _kind(reference, copy)


_REMEMBERED = 200
"""Pairs this short (a word, a mark, a phrase) recur across a page's divergences and a
scan's pages, and `kind_of` remembers them; a long omission is read each time, so the
memory stays small whatever the scan reads."""


@lru_cache(maxsize=8192)
def _remembered_kind(reference: str, copy: str) -> tuple[Kind, str]:
    return _kind(reference, copy)


def _kind(reference: str, copy: str) -> tuple[Kind, str]:
    if _fold(reference, Fold.WHITESPACE) == _fold(copy, Fold.WHITESPACE):
        return Kind.WHITESPACE, "differs only in spaces or line breaks"
    if _broken_at_line_end(reference, copy, _LINE_END_HYPHEN, Fold.WHITESPACE):
        return Kind.WHITESPACE, "a word hyphenated at a line break"
    if _fold(reference, _INVISIBLE) == _fold(copy, _INVISIBLE):
        return Kind.INVISIBLE, "differs only in invisible characters"
    if _broken_at_line_end(reference, copy, _LINE_END_INVISIBLE, _INVISIBLE):
        return (
            Kind.INVISIBLE,
            "a soft hyphen or other invisible character at a line break in a word",
        )
    if _fold(reference, _TYPOGRAPHY) == _fold(copy, _TYPOGRAPHY):
        if LIGATURES.intersection(reference + copy):
            return Kind.TYPOGRAPHY, "a ligature (ﬁ, ﬂ) for its letters"
        return Kind.TYPOGRAPHY, "differs only in quotes, dashes or ellipses"
    ref_folded, copy_folded = _fold(reference, Fold.ALL), _fold(copy, Fold.ALL)
    if ref_folded == copy_folded:
        return Kind.CASE, "differs only in letter case"
    if _footnote_marked(reference, copy):
        return Kind.FOOTNOTE, "a footnote marker the page added"
    if _marks_alone(reference, ref_folded, copy):
        # Before punctuation: "[a]" for "a" differs only in brackets, but it is an editor's mark.
        return Kind.EDITORIAL, "editorial bracket or ellipsis in the copy"
    if "[" in copy and _fold(_CASE_BRACKET.sub(r"\1", copy), Fold.ALL) == ref_folded:
        return Kind.EDITORIAL, "a letter in brackets: the quoter's change of case"
    ref_bare, copy_bare = _bare(ref_folded), _bare(copy_folded)
    if ref_bare == copy_bare:
        return Kind.PUNCTUATION, "differs only in punctuation"
    if ref_bare.replace(" ", "") == copy_bare.replace(" ", ""):
        has_punctuation = _PUNCTUATION.search(reference + copy) is not None
        if has_punctuation:
            return Kind.PUNCTUATION, "punctuation and the space after it differ"
        return Kind.WHITESPACE, "words joined or split"
    if _spelling_variants(ref_bare, copy_bare):
        return Kind.SPELLING, "variant spelling of the same words"
    if _same_date(ref_bare, copy_bare):
        return Kind.SPELLING, "the same date, written in another style"
    if not copy_bare:
        return Kind.OMISSION, "reference words missing from the copy"
    if _mojibake(ref_folded, copy):
        return Kind.SUBSTITUTION, "mojibake: UTF-8 read as Windows-1252"
    if not ref_bare and not reference.strip():
        return Kind.INSERTION, "words in the copy that the reference does not have"
    if _misspelt(ref_bare, copy_bare):
        return Kind.SUBSTITUTION, MISSPELT
    # A reference reading of punctuation alone (a closing quote the copy spells in three
    # characters of mojibake) is replaced,
    # not added to: an insertion's reference reading holds nothing but spaces.
    return Kind.SUBSTITUTION, "different words"


_CASE_BRACKET = re.compile(r"\[([^\W\d_])\](?=[^\W\d_])")
"""One letter in brackets opening a word ("[T]he"): the quoter changed its case."""


def _marks_alone(reference: str, ref_folded: str, copy: str) -> bool:
    """Whether the copy differs by editor's marks (a bracket, an ellipsis) and by nothing
    the reference lacks: "[sic]", "[the DPRK]" for "it", "peace . . . in" for "peace and
    stability in". Words of the copy outside the marks that the reference does not have
    ("[sic] which the ministry later said was a mistake", "[16:03] Ivan P.: finally") are
    what they are, whatever bracket comes with them.

    >>> _marks_alone("", "", " [sic]"), _marks_alone("", "", "[16:03] Ivan P.: at last")
    (True, False)
    """
    if not _EDITORIAL.search(copy) or _EDITORIAL.search(reference):
        return False
    outside = _bare(_fold(_EDITORIAL.sub(" ", copy), Fold.ALL)).split()
    return set(outside) <= set(_bare(ref_folded).split()) and not _scope_changed(ref_folded, copy)


NEGATIONS = frozenset("not no never nor without nothing none neither cannot".split())
QUANTIFIERS = frozenset("all every each any some most many few only both".split())
"""Function words that set a scope: a bracket holding one the reference words lack
changes what the statement says ("[do not] confirm", "urge [all] countries")."""


def _scope_changed(ref_folded: str, copy: str) -> bool:
    """Whether a bracket of the copy holds a negation or a quantifier the reference
    reading lacks: the words changed under cover of an editor's mark, no gloss."""
    inside = {
        w
        for mark in _BRACKETED.findall(_fold(copy, Fold.ALL))
        for w in _bare(mark).split()
        if w in NEGATIONS or w in QUANTIFIERS or w.endswith("n't")
    }
    return bool(inside - set(_bare(ref_folded).split()))


_BRACKETED = re.compile(r"\[([^\]\n]*)\]")


def _mojibake(ref_folded: str, copy: str) -> bool:
    """Whether the copy is the reference's UTF-8 read as Windows-1252 (a curly apostrophe
    read as three characters, "Peopleâ€\u2122s"): encoding damage, reported with a note
    that says so.

    >>> _mojibake("people's", "Peopleâ€™s")
    True
    """
    if copy.isascii() or len(copy) > _MOJIBAKE_GROWTH * len(ref_folded) + 8:
        return False  # (UTF-8 read as Windows-1252 is at most three characters a character)
    data = bytearray()
    for char in copy:
        try:
            data += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return False
            data.append(ord(char))  # the five bytes Windows-1252 leaves undefined ("\x9d")
    try:
        repaired = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return repaired != copy and _fold(repaired, Fold.ALL) == ref_folded


_MOJIBAKE_GROWTH = 4
"""Most characters of mojibake per character of the text it garbles (with room for folds)."""


def _footnote_marked(reference: str, copy: str) -> bool:
    """True if the copy reads as the reference once its added footnote markers are gone.

    >>> _footnote_marked("2017", "2017\u00b9"), _footnote_marked("", "[citation needed]")
    (True, True)
    >>> _footnote_marked("2017", "2018\u00b9"), _footnote_marked("a", "[a]")
    (False, False)
    """
    marks = FOOTNOTE.findall(copy)
    if not marks or len(marks) <= len(FOOTNOTE.findall(reference)):
        return False
    bare = FOOTNOTE.sub("", copy)
    return _fold(bare, Fold.ALL) == _fold(FOOTNOTE.sub("", reference), Fold.ALL)


_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
"""A hyphen ending a line inside a word ("denuclear-\nisation", or "extra-\nregional"
where the word has its own hyphen): the typesetting of a page, a PDF's or a wrapped
text's, not a change of the words."""
_UNSEEN = "[" + "".join(sorted(INVISIBLE)) + "]"
_LINE_END_INVISIBLE = re.compile(rf"(?<=[^\W\d_])-?{_UNSEEN}+-?[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
"""A soft hyphen (or another invisible character, with or without a hyphen) ending a
line inside a word ("denuclear\u00ad\nisation", as a page's text keeps the soft hyphen a
browser broke the word at): the line break is the typesetting, as for a hyphen, but the
invisible character is still there and is reported as one, never folded away as spaces."""
_INVISIBLE = Fold.WHITESPACE | Fold.INVISIBLE
_TYPOGRAPHY = _INVISIBLE | Fold.TYPOGRAPHY
"""The folds `kind_of` tries in turn, after whitespace alone and before all of them."""


def _broken_at_line_end(reference: str, copy: str, line_end: re.Pattern[str], fold: Fold) -> bool:
    """Whether the copy reads as the reference, under `fold`, once each word `line_end`
    breaks at a line's end is whole again (its hyphen dropped, or kept as the word's own:
    "extra-\nregional")."""
    if "\n" not in copy:
        return False
    whole = {_fold(line_end.sub(cut, copy), fold) for cut in ("", "-")}
    return _fold(reference, fold) in whole


def has_invisible(text: str) -> bool:
    """True if `text` holds any zero-width, soft hyphen or bidi control character."""
    return any(c in INVISIBLE for c in text)


def _fold(text: str, fold: Fold) -> str:
    if len(text) > _LONG:
        return _remembered_fold(text, fold)
    return folded(text, fold).strip()


_LONG = 10_000
"""Readings longer than this (a page's text around a whole copy, as `diff` meets it) are
folded once for all the tests of `kind_of` and the edges `_insertion` tries: 66 folds of
a 1.2 MB insertion took 2.2 s."""


@lru_cache(maxsize=8)
def _remembered_fold(text: str, fold: Fold) -> str:
    return folded(text, fold).strip()


def _bare(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _misspelt(reference: str, copy: str) -> bool:
    """Whether the copy's words are the reference's with slips of the keys: in a word of
    `_SLIP_MIN` letters or more, a letter added, dropped or changed, or two swapped, that
    makes no common English word (none in wordfreq's small list, which stops at Zipf 3:
    "Penninsula", "stabilty", "cordinate", also "untied" for "united"). A slip that makes
    a common word ("form" for "from", "peace" for "place") may change the sense: it stays
    a substitution of words.

    >>> _misspelt("korean peninsula", "korean penninsula"), _misspelt("from", "form")
    (True, False)
    >>> _misspelt("lasting peace", "lsating paece"), _misspelt("peace", "peaceful")
    (True, False)
    """
    theirs, ours = reference.split(), copy.split()
    if len(theirs) != len(ours) or theirs == ours:
        return False
    return all(
        a == b
        or (len(a) >= _SLIP_MIN and b.isalpha() and OSA.distance(a, b) == 1 and zipf(b) == 0.0)
        for a, b in zip(theirs, ours, strict=True)
    )


_MISSPELT_ROW = "substitution-misspelt"
_SLIP_MIN = 4
"""Shorter words are as often changed as mistyped ("on" for "in")."""
MISSPELT = "misspelt: a slip of the keys in the reference's word, making no English word"
"""The note of a substitution that is a misspelling, and the key of its severity row
(`divergence`): minor, not material; its kind stays `substitution`, so that a
collation still weighs a shared misspelling as the strong evidence of descent it is."""


def _spelling_variants(reference: str, copy: str) -> bool:
    ref_words, copy_words = reference.split(), copy.split()
    if len(ref_words) != len(copy_words) or not ref_words:
        return False
    pairs = zip(ref_words, copy_words, strict=True)
    return all(a == b or _spelling_key(a) == _spelling_key(b) for a, b in pairs)


def _same_date(reference: str, copy: str) -> bool:
    """Whether two bare readings are one date written in two styles: the day before or
    after the month, an ordinal day, a month abbreviated, or the date in figures ("4 july",
    "4th july", "04 07 2017", "7 4 2017", "2017 07 04" for "july 4 2017"). Figures may put
    the day or the month first; both are read, and the date is the same when either
    reading is.

    >>> _same_date("july 4", "4th july"), _same_date("september 19 2005", "19 sept 2005")
    (True, True)
    >>> _same_date("july 4 2017", "04 07 2017"), _same_date("july 4 2017", "04 07 2016")
    (True, False)
    >>> _same_date("july 4", "4 june")
    False
    """
    ours, theirs = reference.split(), copy.split()
    if ours == theirs:
        return False
    date = _date_of(ours)
    return date is not None and date in _dates_of(theirs)


def _date_of(words: list[str]) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a date written with its month's name."""
    found = _dates_of(words)
    return found[0] if len(found) == 1 and any(w in _MONTHS for w in words) else None


def _dates_of(words: list[str]) -> list[tuple[int, int, int | None]]:
    """Every (month, day, year or None) that `words` may write: a month's name and a day,
    in either order, or two or three figures (the year first, or last)."""
    words = [_ORDINAL.sub("", w) for w in words if w != "of"]  # "the 4th of July"
    if not 2 <= len(words) <= 3 or not all(w in _MONTHS or w.isdecimal() for w in words):
        return []
    years = [int(w) for w in words if len(w) == 4 and w.isdecimal()]
    if len(years) > 1 or (years and len(words) == 2):
        return []
    rest = [w for w in words if not (len(w) == 4 and w.isdecimal())]
    if len(rest) != 2:
        return []
    year = years[0] if years else None
    named = [w for w in rest if w in _MONTHS]
    if len(named) == 1:
        day = next(w for w in rest if w not in _MONTHS)
        pairs = [(_MONTHS[named[0]], int(day))]
    elif not named:
        a, b = int(rest[0]), int(rest[1])
        pairs = [(a, b), (b, a)]
    else:
        return []
    return [(m, d, year) for m, d in pairs if 1 <= m <= 12 and 1 <= d <= 31]


_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")
"""An ordinal's ending on a day ("4th"), which a date written day first may carry."""
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}
"""Month names and their abbreviations, and each month's number."""
_MONTH_NAMES = {name: f"month {number}" for name, number in _MONTHS.items()}
"""A month's name, or its abbreviation ("sept"), and what both spell."""
NUMBER_WORDS = {
    **{
        word: str(number)
        for number, word in enumerate(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
        )
    },
    **{
        word: str(10 * tens)
        for tens, word in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)
    },
    "hundred": "100", "thousand": "1000", "million": "1000000", "dozen": "12",
}  # fmt: skip
"""A number written as a word, and in figures: the same number in another style (here,
a spelling); the quotation checks read new numbers off it too (`quotes.claims`)."""


@lru_cache(maxsize=4096)
def _spelling_key(word: str) -> str:
    """`word` as its variants spell it alike ("organisation", "organization" ->
    "organization"): a few substitutions, asked again and again of the reference's
    words, so the last 4,096 words' keys are kept (a few hundred kB at most).

    >>> _spelling_key("colours"), _spelling_key("colors"), _spelling_key("4th")
    ('colors', 'colors', '4')
    >>> _spelling_key("towards") == _spelling_key("toward"), _spelling_key("whilst")
    (True, 'while')
    >>> _spelling_key("learnt") == _spelling_key("learned"), _spelling_key("rewards")
    (True, 'rewards')
    """
    word = NUMBER_WORDS.get(word) or _MONTH_NAMES.get(word) or _ORDINAL.sub("", word)
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word
