"""The kind of a difference between two readings: the ladder of folds.

Each pair of readings is tested against a ladder of folds, from the most harmless to the
most serious; the first fold under which the two agree names the kind. So a no-break
space is `whitespace`, a curly apostrophe `typography`, "neighbors" for "neighbours"
`spelling`, a slip of the keys making no English word a `substitution` noted
`MISSPELT`, and only what survives every fold is an omission, an insertion or a
substitution. `classify` gives each edit of an alignment the kind `kind_of` names.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import OSA

from provenance.english import zipf
from provenance.footnotes import FOOTNOTE
from provenance.model import Kind
from provenance.normalise import INVISIBLE, LIGATURES, SPACES, Fold, folded

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
    >>> kind_of("denuclearisation", "denuclear-\\nization")[0]
    <Kind.SPELLING: 'spelling'>
    >>> kind_of("and", "&")[0], kind_of("referred to as", "=")[0]
    (<Kind.SPELLING: 'spelling'>, <Kind.SUBSTITUTION: 'substitution'>)
    """
    if len(reference) + len(copy) <= _REMEMBERED:
        return _remembered_kind(reference, copy)
    return _kind(reference, copy)


def _unquoted_printable(copy: str) -> str | None:
    """`copy` with its quoted-printable escapes decoded ("=E2=80=99" for a curly
    apostrophe, "=\n" soft breaks joined), an e-mail saved raw; None if it has none.

    >>> _unquoted_printable("caf=C3=A9"), _unquoted_printable("cafe")
    ('café', None)
    """
    if not _QUOTED_PRINTABLE.search(copy) and not _SOFT_BREAK.search(copy):
        return None
    return _QUOTED_PRINTABLE.sub(_unquoted, _SOFT_BREAK.sub("", copy))


def _unquoted(m: re.Match[str]) -> str:
    data = bytes.fromhex(m.group().replace("=", ""))
    return data.decode("utf-8", errors="replace")


_QUOTED_PRINTABLE = re.compile(r"(?:=[0-9A-F]{2})+")


def _json_unescaped(copy: str) -> str | None:
    r"""`copy` with its JSON string escapes decoded (`\u2019` for a curly apostrophe,
    `\n` for a line break), text a scraper stored escaped and a page printed so; None if
    it has none.

    >>> _json_unescaped("Peninsula\\u2019s") == "Peninsula\u2019s", _json_unescaped("plain")
    (True, None)
    """
    if not _JSON_ESCAPE.search(copy):
        return None
    return _JSON_ESCAPE.sub(_json_unescape, copy)


def _json_unescape(m: re.Match[str]) -> str:
    escape = m.group()
    if escape[1] == "u":
        units = [int(escape[k + 2 : k + 6], 16) for k in range(0, len(escape), 6)]
        return "".join(map(chr, units)).encode("utf-16", "surrogatepass").decode("utf-16")
    return _JSON_SIMPLE[escape[1]]


_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z]{2,8});")
"""An HTML character reference: "&#8217;", "&#x2019;", "&rsquo;"."""
_JSON_ESCAPE = re.compile(r"(?:\\u[0-9a-fA-F]{4})+|\\[nrt\"/\\]")
ESCAPED_CHARACTER = re.compile(f"{_JSON_ESCAPE.pattern}|{_ENTITY.pattern}")
"""A character written as an escape, JSON's or HTML's, in text a page printed raw."""
_JSON_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "/": "/", "\\": "\\"}
_SOFT_BREAK = re.compile(r"=\r?\n(?:> ?)*")


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
    if _broken_at_line_end(reference, copy, LINE_END_HYPHEN, Fold.WHITESPACE):
        return Kind.WHITESPACE, "a word hyphenated at a line break"
    if _fold(reference, _INVISIBLE) == _fold(copy, _INVISIBLE):
        return Kind.INVISIBLE, "differs only in invisible characters"
    if _broken_at_line_end(reference, copy, _LINE_END_INVISIBLE, _INVISIBLE):
        return (
            Kind.INVISIBLE,
            "a soft hyphen or other invisible character at a line break in a word",
        )
    if "\n" in copy and LINE_END_HYPHEN.search(copy):
        # Hyphenated at a line break and changed otherwise too ("denuclear-\nization" for
        # "denuclearisation"): the change, read in the word made whole again.
        joined = [_kind(reference, LINE_END_HYPHEN.sub(cut, copy)) for cut in ("", "-")]
        return next((k for k in joined if k[0] is not Kind.SUBSTITUTION), joined[0])
    if _fold(reference, _TYPOGRAPHY) == _fold(copy, _TYPOGRAPHY):
        if LIGATURES.intersection(reference + copy):
            return Kind.TYPOGRAPHY, "a ligature (ﬁ, ﬂ) for its letters"
        return Kind.TYPOGRAPHY, "differs only in quotes, dashes or ellipses"
    if not copy.isascii() and _compatible(reference) == _compatible(copy):
        return Kind.TYPOGRAPHY, "fullwidth or other compatibility forms of the same characters"
    if _nesting_marks(reference, copy):
        return Kind.TYPOGRAPHY, "single quotation marks for double, or double for single"
    ref_folded, copy_folded = _fold(reference, Fold.ALL), _fold(copy, Fold.ALL)
    if ref_folded == copy_folded:
        return Kind.CASE, "differs only in letter case"
    if _footnote_marked(reference, copy):
        return Kind.FOOTNOTE, "a footnote marker the page added"
    if _marks_alone(reference, ref_folded, copy):
        negation = cut_negation(ref_folded)
        if negation and not _BRACKETED.search(copy.replace("[...]", "").replace("[…]", "")):
            # "should ... inflict damage" for "should not inflict damage": the cut reverses
            return Kind.OMISSION, f"a cut that leaves out “{negation}”: the words after it lose it"
        # Before punctuation: "[a]" for "a" differs only in brackets, but it is an editor's mark.
        return Kind.EDITORIAL, "editorial bracket or ellipsis in the copy"
    if "[" in copy and _fold(_CASE_BRACKET.sub(r"\1", copy), Fold.ALL) == ref_folded:
        return Kind.EDITORIAL, "a letter in brackets: the quoter's change of case"
    if (
        "=" in copy
        and _SOFT_BREAK.search(copy)
        and (mended := _unquoted_printable(copy)) is not None
    ):
        # "an=\nd" for "and": a quoted-printable soft line break, as its escapes are
        if _fold(reference, _TYPOGRAPHY) == _fold(mended, _TYPOGRAPHY):
            return Kind.SUBSTITUTION, QUOTED_PRINTABLE
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
    if not copy_bare and (sign := _SIGN.search(copy)) is not None:
        # "&" for "and", "%" for "per cent": the word as a sign; "=" for "referred to as"
        # is a sign put for other words (it was an omission with text)
        if ref_bare in _SIGN_WORDS.get(sign.group(), ()):
            return Kind.SPELLING, "the same word written as a sign"
        return Kind.SUBSTITUTION, "a sign in the place of the reference's words"
    if not copy_bare:
        if ref_bare in _ARTICLES:
            return Kind.OMISSION, ARTICLE_LOST
        return Kind.OMISSION, "reference words missing from the copy"
    if _mojibake(ref_folded, copy):
        return Kind.SUBSTITUTION, MOJIBAKE
    if "=" in copy and (mended := _unquoted_printable(copy)) is not None:
        if _fold(reference, _TYPOGRAPHY) == _fold(mended, _TYPOGRAPHY):
            return Kind.SUBSTITUTION, QUOTED_PRINTABLE
    if "\\" in copy and (mended := _json_unescaped(copy)) is not None:
        if _fold(reference, _TYPOGRAPHY) == _fold(mended, _TYPOGRAPHY):
            return Kind.SUBSTITUTION, JSON_ESCAPED
    if "&" in copy and _ENTITY.search(copy):
        # "People&#8217;s" in plain text: an HTML page's entity a copier pasted raw
        if _fold(reference, _TYPOGRAPHY) == _fold(html.unescape(copy), _TYPOGRAPHY):
            return Kind.SUBSTITUTION, ENTITY_ESCAPED
    if not ref_bare and not reference.strip():
        if OWN_NUMBER.fullmatch(copy.strip()):
            return Kind.EDITORIAL, "the page's own numbering of its sentences or lines"
        if copy_bare in _ARTICLES:
            return Kind.INSERTION, ARTICLE_ADDED
        return Kind.INSERTION, "words in the copy that the reference does not have"
    if copy_bare.translate(_LOOK_ALIKES) == ref_bare:
        return Kind.SUBSTITUTION, LOOK_ALIKE
    # (letters a scan confuses first: "baIlistic" is "l" read as "I", which a slip of the
    # keys' one changed letter would also take)
    if _misread(ref_bare, copy_bare):
        return Kind.SUBSTITUTION, MISREAD
    if _misspelt(ref_bare, copy_bare):
        return Kind.SUBSTITUTION, MISSPELT
    # A reference reading of punctuation alone (a closing quote the copy spells in three
    # characters of mojibake) is replaced,
    # not added to: an insertion's reference reading holds nothing but spaces.
    return Kind.SUBSTITUTION, "different words"


OWN_NUMBER = re.compile(r"\((?:\d{1,3}|[ivxlc]{1,6}|[a-z])\)", re.IGNORECASE)
"""A number in parentheses the page puts before its sentences or lines ("(2) ", "(iv)"):
its own numbering, not words added to the statement."""
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


def _compatible(text: str) -> str:
    """`text` with fullwidth and other compatibility forms as their plain characters
    (a fullwidth "DPRK" or "2017", as East Asian input methods type them: Unicode's
    NFKC), folded as typography is."""
    return _fold(unicodedata.normalize("NFKC", text), _TYPOGRAPHY)


def cut_negation(left_out: str) -> str:
    """The negation a cut's words end in, when it bears on the words kept after the cut
    ("should not | inflict", "does nothing to | help"); else "".

    >>> cut_negation("should not"), cut_negation("does nothing to"), cut_negation("no limits")
    ('not', 'nothing', '')
    """
    return cut_ending(left_out, NEGATIONS, _LEADING_ON)


def cut_ending(left_out: str, words: frozenset[str], leading_on: frozenset[str]) -> str:
    """The word of `words` a cut's words end in (or end in but for one of `leading_on`
    after it), bearing on the words kept after the cut; else "".

    >>> cut_ending("renounce provocative", frozenset({"renounce"}), frozenset())
    ''
    """
    last = _bare(left_out.casefold()).split()[-2:]
    if last and last[-1] in leading_on:
        last = last[:-1]
    return last[-1] if last and last[-1] in words else ""


_LEADING_ON = frozenset({"to", "be", "been", "even", "yet", "any", "a", "an", "the"})
"""A word after a cut's last negation that leaves it bearing on the words kept after."""


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
    >>> _footnote_marked("", "\u201d\u00b9")
    True
    """
    marks = FOOTNOTE.findall(copy)
    if not marks or len(marks) <= len(FOOTNOTE.findall(reference)):
        return False
    # (a quoting page's closing mark the marker hangs on, “...out”¹, is no word either)
    bare = _QUOTE_MARKS.sub("", FOOTNOTE.sub("", copy))
    return _fold(bare, Fold.ALL) == _fold(
        _QUOTE_MARKS.sub("", FOOTNOTE.sub("", reference)), Fold.ALL
    )


_QUOTE_MARKS = re.compile('["\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]')


LINE_END_HYPHEN = re.compile(
    r"(?<=[^\W\d_])([-\u2010\u00ac])([ \t]*\r?\n(?:[ \t\f\v]*\r?\n)?[ \t>\f\v]*)(?=[^\W\d_])"
)
"""A hyphen ending a line inside a word ("denuclear-\nisation", or "extra-\nregional"
where the word has its own hyphen; "counter-\n> acting" in an e-mail's quotation; the
Unicode hyphen U+2010, or the "¬" a scan's text recognition writes for it): the
typesetting of a page, a PDF's or a wrapped text's, not a change of the words; a page
break's form feed may stand on a line between the halves. Groups: the hyphen, and the line
break with what indents the next line."""
_UNSEEN = "[" + "".join(sorted(INVISIBLE)) + "]"
_LINE_END_INVISIBLE = re.compile(rf"(?<=[^\W\d_])-?{_UNSEEN}+-?[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
"""A soft hyphen (or another invisible character, with or without a hyphen) ending a
line inside a word ("denuclear\u00ad\nisation", as a page's text keeps the soft hyphen a
browser broke the word at): the line break is the typesetting, as for a hyphen, but the
invisible character is still there and is reported as one, never folded away as spaces."""
_INVISIBLE = Fold.WHITESPACE | Fold.INVISIBLE
_TYPOGRAPHY = _INVISIBLE | Fold.TYPOGRAPHY


def _nesting_marks(reference: str, copy: str) -> bool:
    """Whether both readings are one quotation mark each, a double one for a single or the
    reverse: the statement's “double freezing” set as \u2018double freezing\u2019 inside the
    page's own quotation marks, its nesting (an apostrophe for a double mark too).

    >>> _nesting_marks("\u201c", "\u2018"), _nesting_marks("\u201d", "'")
    (True, True)
    >>> _nesting_marks("\u201c", "")
    False
    """
    a, b = reference.strip(), copy.strip()
    return (
        len(a) == len(b) == 1
        and {a in _DOUBLE, b in _DOUBLE} == {True, False}
        and (a in _DOUBLE or a in _SINGLE)
        and (b in _DOUBLE or b in _SINGLE)
    )


_DOUBLE = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
_SINGLE = frozenset("'\u2018\u2019\u201a\u2039\u203a")
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


_SIGN_WORDS = {
    "&": ("and",),
    "+": ("plus", "and"),
    "%": ("per cent", "percent"),
    "§": ("section", "paragraph"),
    "=": ("equals", "is equal to"),
    "@": ("at",),
    "#": ("number",),
}
"""Signs a copy may write for words, and the words each writes."""
_SIGN = re.compile("[" + re.escape("".join(_SIGN_WORDS)) + "]")


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
        a == b or (len(a) >= _SLIP_MIN and b.isalpha() and one_slip(a, b) and zipf(b) == 0.0)
        for a, b in zip(theirs, ours, strict=True)
    )


def _misread(reference: str, copy: str) -> bool:
    """Whether the copy's words are the reference's with letters a scan's text recognition
    (or a retyping from a print) confuses: "rn" for "m", "l" or "1" for "I", "0" for "O",
    "cl" for "d", "vv" for "w", "li" or "b" for "h" ("rnissile", "ln", "N0rtheast", "tlie"),
    each misread word no
    common English word, or of two letters, or holding a digit ("modem" for "modern" is
    a word, and stays a substitution of words). Other changed words may be slips of the
    keys (`_misspelt`).

    >>> _misread("missile launch", "rnissile launch"), _misread("in northeast", "ln n0rtheast")
    (True, True)
    >>> _misread("modern", "modem"), _misread("missile", "rnissle")
    (False, False)
    >>> _misread("the other", "tlie otber"), _misread("conflicting", "conf1icting")
    (True, True)
    """
    theirs, ours = reference.split(), copy.split()
    if len(theirs) != len(ours):
        return False
    misread = False
    for a, b in zip(theirs, ours, strict=True):
        if a == b:
            continue
        if _shape(a) == _shape(b) and (zipf(b) == 0.0 or len(b) <= 2 or not b.isalpha()):
            misread = True
        elif not (len(a) >= _SLIP_MIN and b.isalpha() and one_slip(a, b) and zipf(b) == 0.0):
            return False
    return misread


_GLYPHS = (
    ("rn", "m"),
    ("vv", "w"),
    ("cl", "d"),
    ("0", "o"),
    ("1", "l"),
    ("li", "h"),
    ("b", "h"),
    ("l", "i"),
)
"""Letters text recognition reads for others, as (read, meant) in the order `_shape`
replaces them (case-folded: "l" for "I" is "l" for "i")."""


def _shape(word: str) -> str:
    """`word` with each letter group `_GLYPHS` names as the one it is read for."""
    for read, meant in _GLYPHS:
        word = word.replace(read, meant)
    return word


def one_slip(a: str, b: str) -> bool:
    """One letter added, dropped or changed, or two side by side swapped.

    >>> one_slip("peninsula", "penninsula"), one_slip("from", "form"), one_slip("a", "a")
    (True, True, False)
    """
    return OSA.distance(a, b) == 1


MISSPELT_ROW = "substitution-misspelt"
_SLIP_MIN = 4
"""Shorter words are as often changed as mistyped ("on" for "in")."""
MISSPELT = "misspelt: a slip of the keys in the reference's word, making no English word"
"""The note of a substitution that is a misspelling, and the key of its severity row
(`divergence`): minor, not material; its kind stays `substitution`, so that a
collation still weighs a shared misspelling as the strong evidence of descent it is."""
MISREAD = "misread: letters a scan's text recognition confuses (rn for m, l for I, 0 for O)"
"""The note of a substitution that is a misreading (`_misread`): its severity row is a
misspelling's."""
LOOK_ALIKE = (
    "look-alike letters of another script (Cyrillic or Greek) in the reference's word: it"
    " reads the same, and matches no search for it"
)
"""The note of a substitution whose copy differs only by letters of another script drawn
like the reference's Latin ones ("Northeast" with a Cyrillic o, U+043E): its severity row
is a misspelling's, its note says what a reader cannot see."""
_LOOK_ALIKES = str.maketrans(
    # fifteen Cyrillic letters, then eleven Greek ones, each drawn as the Latin one below
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04cf\u04bb\u051b\u051d\u03bf\u03b1\u03b9\u03bd\u03ba\u03c1\u03c4\u03c5\u03c7\u03b5\u03bf",
    "aeopcyxijsdlhqwoaivkptyxeo",
)
"""Cyrillic and Greek lower-case letters drawn as Latin ones (casefolded readings)."""
MOJIBAKE = "mojibake: UTF-8 read as Windows-1252"
QUOTED_PRINTABLE = "quoted-printable: an e-mail's escapes for the character (=E2=80=99)"
"""Notes of a substitution that is the reference's character damaged in transit, no word
changed: its severity row is `MISSPELT_ROW` (minor), as a misreading's is (each was a
material substitution, a dozen on an e-mail's copy)."""
JSON_ESCAPED = "JSON escapes for the character (\\u2019), as a scraper stored the text"
ENTITY_ESCAPED = "an HTML entity for the character (&#8217;), pasted as it was written"
SLIPS = frozenset(
    {MISSPELT, MISREAD, LOOK_ALIKE, MOJIBAKE, QUOTED_PRINTABLE, JSON_ESCAPED, ENTITY_ESCAPED}
)
"""The notes of a substitution whose severity row is `MISSPELT_ROW`."""

_ARTICLES = frozenset({"the", "a", "an"})
ARTICLE_LOST = "an article alone (“the”, “a”, “an”): no word of sense lost"
ARTICLE_ADDED = "an article alone (“the”, “a”, “an”): no word of sense added"
"""Notes of an omission or an insertion of one article and nothing else, whose severity
rows are `ARTICLE_ROWS` (minor): a copy typed again drops or adds "the" without changing
what the statement says. A dropped "not", "all" or "nuclear" stays material, as does an
article put for another ("a" for "the": a substitution)."""
ARTICLE_ROWS = {
    (Kind.OMISSION, ARTICLE_LOST): "omission-article",
    (Kind.INSERTION, ARTICLE_ADDED): "insertion-article",
}


def severity_row(kind: Kind, note: str) -> Kind | str:
    """The row of the severity table (`provenance.severity`) for a divergence of `kind`
    that `kind_of` noted `note`: the kind's own, a slip's (`MISSPELT_ROW`) or a lone
    article's (`ARTICLE_ROWS`).

    >>> severity_row(Kind.OMISSION, ARTICLE_LOST), severity_row(Kind.OMISSION, "")
    ('omission-article', <Kind.OMISSION: 'omission'>)
    """
    if kind is Kind.SUBSTITUTION and note in SLIPS:
        return MISSPELT_ROW
    return ARTICLE_ROWS.get((kind, note), kind)


def _spelling_variants(reference: str, copy: str) -> bool:
    ref_words, copy_words = reference.split(), copy.split()
    return _variants(ref_words, copy_words) or _variants(
        _ordinal_day(ref_words), _ordinal_day(copy_words)
    )


def _variants(ref_words: list[str], copy_words: list[str]) -> bool:
    if len(ref_words) != len(copy_words) or not ref_words:
        return False
    pairs = zip(ref_words, copy_words, strict=True)
    return all(
        a == b or spelling_key(a) == spelling_key(b) or _ordinal(a) == _ordinal(b) != ""
        for a, b in pairs
    )


def _ordinal_day(words: list[str]) -> list[str]:
    """`words` without "the" before an ordinal in words ("July the fourth" is "July 4")."""
    return [
        w
        for k, w in enumerate(words)
        if not (w.casefold() == "the" and k + 1 < len(words) and words[k + 1] in _ORDINAL_WORDS)
    ]


def _ordinal(word: str) -> str:
    """The number an ordinal written as a word, or in figures, stands for ("third", "3rd",
    "nineteenth", "19th", "19": "19"), else "": "3rd parties" for "third parties" is one
    word in two styles, as "2" for "two" is; "three" for "third" is another word.

    >>> _ordinal("nineteenth"), _ordinal("19th"), _ordinal("three")
    ('19', '19', '')
    """
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    figure = _ORDINAL_FIGURE.fullmatch(word)
    return figure.group(1) if figure else ""


_ORDINAL_FIGURE = re.compile(r"(\d{1,3})(?:st|nd|rd|th)?")
_ORDINAL_WORDS = {
    word: str(number)
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        start=1,
    )
} | {"thirtieth": "30"}
"""Ordinals written as words, and their numbers."""


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
    >>> _same_date("july 4", "4 june"), _same_date("signed on july 4 2017", "signed on 4 july 2017")
    (False, True)
    """
    ours, theirs = reference.split(), copy.split()
    if ours == theirs:
        return False
    # (the words both readings share around the date, "signed on | 4 july 2017 | in",
    # as a quotation's alignment may give them with it)
    while len(ours) > 1 and len(theirs) > 1 and ours[0] == theirs[0] and _no_date_part(ours[0]):
        ours, theirs = ours[1:], theirs[1:]
    while len(ours) > 1 and len(theirs) > 1 and ours[-1] == theirs[-1] and _no_date_part(ours[-1]):
        ours, theirs = ours[:-1], theirs[:-1]
    date = _date_of(ours)
    return date is not None and date in _dates_of(theirs)


def _no_date_part(word: str) -> bool:
    """Whether a word can be no part of a date: no figure, no month's name."""
    return word.isalpha() and word not in _MONTHS


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
def spelling_key(word: str) -> str:
    """`word` as its variants spell it alike ("organisation", "organization" ->
    "organization"): a few substitutions, asked again and again of the reference's
    words, so the last 4,096 words' keys are kept (a few hundred kB at most).

    >>> spelling_key("colours"), spelling_key("colors"), spelling_key("4th")
    ('colors', 'colors', '4')
    >>> spelling_key("towards") == spelling_key("toward"), spelling_key("whilst")
    (True, 'while')
    >>> spelling_key("learnt") == spelling_key("learned"), spelling_key("rewards")
    (True, 'rewards')
    """
    word = NUMBER_WORDS.get(word) or _MONTH_NAMES.get(word) or _ORDINAL.sub("", word)
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word
