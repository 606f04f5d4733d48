"""Comparison text with a map back to the original: fold what does not change the words.

Folding is for comparison only. Nothing normalised is ever shown or reported; every
index of the normalised text maps back to the original through `to_original`.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Flag, auto
from functools import cache

from provenance.model import MapBuilder, Normalised

INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Characters that print as nothing: zero-width, soft hyphen, bidi controls, BOM."""
WITHOUT_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))
"""A `str.translate` table that takes every `INVISIBLE` character out."""

SPACES = frozenset(
    " \t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x85"
)
"""Every Unicode space; NBSP and its kin fold to an ordinary space."""
_ASCII_GAPS_SOURCE = " \t\n\r\v\f"
"""The ASCII characters of SPACES (INVISIBLE has none)."""

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2043": "-",
        "\ufe58": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        "\u2026": "...",
        # Ligatures a PDF's text layer keeps ("conﬁrm"): one character set for two letters.
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)


LIGATURES = frozenset("\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")
"""The Latin ligatures the typography fold spells out as their letters."""

_TYPOGRAPHY_CHARS = {
    chr(code): str(folded) for code, folded in _TYPOGRAPHY.items() if len(str(folded)) == 1
}
"""The one-for-one part of the typography fold."""


class Fold(Flag):
    """What `normalise` folds. ALL is what locate compares on."""

    NONE = 0
    WHITESPACE = auto()
    """Unicode spaces and line breaks fold to one ordinary space per run."""
    INVISIBLE = auto()
    """Zero-width characters, soft hyphens and bidi controls are dropped."""
    TYPOGRAPHY = auto()
    """Curly quotes, primes, guillemets, dashes, the ellipsis and the Latin ligatures
    (ﬁ, ﬂ, ...) fold to ASCII."""
    CASE = auto()
    """Unicode case folding."""
    ALL = WHITESPACE | INVISIBLE | TYPOGRAPHY | CASE


_STEP_NAMES = (
    (Fold.INVISIBLE, "drop-invisible"),
    (Fold.WHITESPACE, "collapse-space"),
    (Fold.TYPOGRAPHY, "fold-typography"),
    (Fold.CASE, "casefold"),
)


def normalise(text: str, *, fold: Fold = Fold.ALL) -> Normalised:
    """Fold `text` for comparison, keeping a map from every folded character to the original.

    Combining sequences are composed (NFC) and NFC only: NFKC would destroy evidence.

    >>> n = normalise("The\u00a0\u201cParties\u201d\u200b  agree\u2026")
    >>> n.text
    'the "parties" agree...'
    >>> n.span(4, 13).of("The\u00a0\u201cParties\u201d\u200b  agree\u2026")
    '“Parties”'
    """
    # Most characters fold one for one, and those are folded in whole-string passes
    # (str.replace, str.casefold). Python looks only at the events, the few places where
    # the map is not a plain copy (see `_events`), found with str.find.
    present = _present(text)
    fold_space = Fold.WHITESPACE in fold
    builder = MapBuilder()
    out: list[str] = []
    plain: list[str] = []  # pieces of the stretch since the last special event
    at = 0
    copy, char, keep = builder.copy, builder.char, plain.append
    for start, end, kind in _events(text, fold, present):
        keep(text[at:start])
        copy(at, start - at)
        at = end
        if kind is _GAP:
            if not fold_space:
                continue
            space = start if text[start] in SPACES else _first_space(text, start, end)
            if space >= 0:
                keep(" ")
                char(space, end)
            continue
        chunk = unicodedata.normalize("NFC", text[start:end]) if end - start > 1 else text[start]
        chunk = _fold_chunk(chunk, fold)
        out.append(_fold_plain("".join(plain), fold, present))
        out.append(chunk)
        plain.clear()
        for _ in chunk:
            char(start, end)
    plain.append(text[at:])
    builder.copy(at, len(text) - at)
    out.append(_fold_plain("".join(plain), fold, present))
    steps = ("nfc", *(name for flag, name in _STEP_NAMES if flag in fold))
    return Normalised("".join(out), builder.build(tail=len(text)), steps)


def normalise_part(text: str, start: int, end: int) -> Normalised:
    """`normalise(text[start:end])` with its map into `text`. When `start` and `end` are
    cuts (`cut_before`, `cut_after`), this is exactly the part of `normalise(text)` that
    those characters make: a long capture is normalised only where it is read.

    >>> text = "One\u00a0 two  three"
    >>> part = normalise_part(text, cut_before(text, 6), cut_after(text, 6))
    >>> part.text, part.span(0, len(part.text)).of(text)
    ('two', 'two')
    """
    part = normalise(text[start:end])
    return Normalised(part.text, part.map.shift(start), part.steps)


_SPACE_CLASS = "".join(map(re.escape, sorted(SPACES)))
_GAP_CLASS = "".join(map(re.escape, sorted(SPACES | INVISIBLE)))
_CUT = re.compile(
    f"(?<=[^{_GAP_CLASS}])(?=[{_SPACE_CLASS}])|(?<=[{_SPACE_CLASS}])(?=[^{_GAP_CLASS}])"
)
"""Where a run of spaces and invisible characters meets other text, on a space's side.
Nothing `normalise` folds reaches across such a place: a run of spaces folds whole, a
combining sequence starts with the character before its marks unless that is a space,
and every other fold is one character's."""


def cut_after(text: str, at: int) -> int:
    """The first cut of `text` (see `_CUT`; the text's ends are cuts) at or after `at`."""
    found = _CUT.search(text, at)
    return found.start() if found else len(text)


def cut_before(text: str, at: int, floor: int = 0) -> int:
    """The last cut of `text` (see `_CUT`; the text's ends are cuts) at or before `at`,
    looked for no further back than `floor`, itself a cut, which is the answer when
    there is no other."""
    at = max(floor, min(at, len(text)))
    width = 256
    while True:
        low = max(floor, at - width)
        cuts = [found.start() for found in _CUT.finditer(text, low, at + 1)]
        if cuts:
            return cuts[-1]
        if low == floor:
            return floor
        width *= 4


def folded(text: str, fold: Fold = Fold.ALL) -> str:
    """`normalise(text, fold=fold).text` without its map: for the many short texts
    (quotations, divergences) that are compared but never mapped back. ASCII text folds
    in whole-string passes, since only spaces, the backtick and case fold there.

    >>> folded("The  `Parties`\t agree")
    "the 'parties' agree"
    """
    if not text.isascii():
        return normalise(text, fold=fold).text
    space, _, typography, case = _parts(fold)
    if space:
        text = _ASCII_SPACE_RUN.sub(" ", text)
    if typography:
        text = text.replace("`", "'")
    return text.lower() if case else text


@cache
def _parts(fold: Fold) -> tuple[bool, bool, bool, bool]:
    """Whether `fold` folds whitespace, invisible characters, typography and case: asked
    for every short text folded, where `Flag.__contains__` costs more than the folding."""
    return (
        Fold.WHITESPACE in fold,
        Fold.INVISIBLE in fold,
        Fold.TYPOGRAPHY in fold,
        Fold.CASE in fold,
    )


_ASCII_GAP_CLASS = "[" + "".join(sorted(_ASCII_GAPS_SOURCE)) + "]"
_ASCII_SPACE_RUN = re.compile(_ASCII_GAP_CLASS + _ASCII_GAP_CLASS + "*")
"""A run of ASCII spaces. (One space, then any more: a pattern that opens with a class
lets `re` skip to the next space, where "[...]+" had a match tried at every character.)"""
_GAP, _CLUSTER, _WIDE = 0, 1, 2
_ASCII = bytes(range(128))
_ASCII_GAPS = frozenset(_ASCII_GAPS_SOURCE)


def _present(text: str) -> frozenset[str]:
    """The distinct non-ASCII characters of `text` (UTF-8 keeps them in bytes >= 0x80)."""
    if text.isascii():
        return frozenset()
    return non_ascii(text.encode("utf-8"))


def non_ascii(data: bytes) -> frozenset[str]:
    """The distinct non-ASCII characters of UTF-8 `data` (held in its bytes >= 0x80)."""
    return frozenset(data.translate(None, _ASCII).decode("utf-8"))


def ascii_classes(text: str) -> bool:
    r"""Whether every letter, digit and space in `text` is ASCII: then `re`'s Unicode
    classes (`[^\W_]`, `\s`) match in it just what their ASCII spellings match, and an
    ASCII class is tested faster than the character database is looked up. True of most
    pages: curly quotes, dashes and "©" are none of the three.

    >>> ascii_classes("“Yes” \u2013 ©"), ascii_classes("café"), ascii_classes("a\u00a0b")
    (True, False, False)
    """
    if text.isascii():
        return True
    return not any(c.isalnum() or c.isspace() for c in non_ascii(text.encode("utf-8")))


def _find_all(text: str, needle: str) -> list[int]:
    found = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + len(needle))
    return found


def _events(text: str, fold: Fold, present: frozenset[str]) -> list[tuple[int, int, int]]:
    """(start, end, kind) in text order, where the folded text is not a plain copy.

    _GAP: a run of spaces and invisible characters, other than a single space character
    (which folds one for one). _CLUSTER: a combining sequence with the character it
    combines with. _WIDE: a character that folds to several (an ellipsis, a sharp s).
    """
    events: list[tuple[int, int, int]] = []
    gap = _gap_chars(fold)
    anchors: list[int] = []  # every run but a single space character holds one of these
    for char in (gap - {" "}) & (present | _ASCII_GAPS):
        anchors.extend(_find_all(text, char))
    if " " in gap:
        anchors.extend(_find_all(text, "  "))
    anchors.sort()
    fold_space = Fold.WHITESPACE in fold
    end = -1
    for anchor in anchors:
        if anchor < end:
            continue
        start, end = anchor, anchor + 1
        while start > 0 and text[start - 1] in gap:
            start -= 1
        while end < len(text) and text[end] in gap:
            end += 1
        if end - start > 1 or not fold_space or text[start] not in SPACES:
            events.append((start, end, _GAP))
    special = _special(present, fold)
    if special:
        events.extend(_specials(text, special, gap))
        events.sort()
    return events


def _specials(
    text: str, special: frozenset[str], gap: frozenset[str]
) -> list[tuple[int, int, int]]:
    combining = sorted({k for c in special if unicodedata.combining(c) for k in _find_all(text, c)})
    clusters = []
    k = 0
    while k < len(combining):
        start = end = combining[k]
        while k < len(combining) and combining[k] == end:
            end += 1
            k += 1
        if start > 0 and text[start - 1] not in gap:
            start -= 1
        clusters.append((start, end, _CLUSTER))
    taken = {start for start, _, _ in clusters}
    wide = [
        (k, k + 1, _WIDE)
        for c in special
        if not unicodedata.combining(c)
        for k in _find_all(text, c)
        if k not in taken
    ]
    return clusters + wide


def _first_space(text: str, start: int, end: int) -> int:
    return next((k for k in range(start, end) if text[k] in SPACES), -1)


def _fold_chunk(chunk: str, fold: Fold) -> str:
    _, _, typography, case = _parts(fold)
    if typography:
        chunk = chunk.translate(_TYPOGRAPHY)
    if case:
        chunk = chunk.casefold()
    return chunk


def _special(present: frozenset[str], fold: Fold) -> frozenset[str]:
    """Characters of the text that do not fold one for one: combining marks, and those
    that fold to several characters (an ellipsis, a sharp s, a dotted capital I)."""
    gap = _gap_chars(fold)
    return frozenset(
        c
        for c in present
        if unicodedata.combining(c) or (c not in gap and len(_fold_chunk(c, fold)) != 1)
    )


@cache
def _gap_chars(fold: Fold) -> frozenset[str]:
    chars: frozenset[str] = frozenset()
    if Fold.WHITESPACE in fold:
        chars |= SPACES
    if Fold.INVISIBLE in fold:
        chars |= INVISIBLE
    return chars


def _fold_plain(run: str, fold: Fold, present: frozenset[str]) -> str:
    """Fold text without events (see `_events`) but for single space characters."""
    space, _, typography, case = _parts(fold)
    if space:
        for char in (SPACES - {" "}) & (present | _ASCII_GAPS):
            run = run.replace(char, " ")
    if typography:
        run = run.replace("`", "'")
        for char in present.intersection(_TYPOGRAPHY_CHARS):
            run = run.replace(char, _TYPOGRAPHY_CHARS[char])
    if case:
        run = _casefold_plain(run, present)
    return run


_BYTES_RUN = 1 << 16
"""A run this long holding a non-ASCII character is case-folded as UTF-8 bytes:
`str.casefold` of such text (a page with one curly quote) runs about three times slower
than encoding, `bytes.lower` and decoding together."""


def _casefold_plain(run: str, present: frozenset[str]) -> str:
    """`run.casefold()` for a run of `_fold_plain`, which holds only characters that fold
    one for one (the others are events). ASCII letters lower as they case-fold; then each
    non-ASCII character with a case is replaced by its fold."""
    if len(run) < _BYTES_RUN or run.isascii():
        return run.casefold()
    run = run.encode("utf-8").lower().decode("utf-8")
    for char in sorted(present):
        if char.casefold() != char:
            run = run.replace(char, char.casefold())
    return run


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """Offsets and characters of every invisible character in `text`.

    >>> invisible_characters("a\u200bb\u00adc")
    [(1, '\u200b'), (3, '\u00ad')]
    """
    return [(i, c) for i, c in enumerate(text) if c in INVISIBLE]


def visible(text: str) -> str:
    """`text` with invisible and unusual space characters written as visible marks.

    >>> visible("a\u00a0b\u200bc")
    'a⟨NBSP⟩b⟨U+200B⟩c'
    """
    marks = []
    for char in text:
        if char == "\u00a0":
            marks.append("⟨NBSP⟩")
        elif char == "\u00ad":
            marks.append("⟨SHY⟩")
        elif char in INVISIBLE or (char in SPACES and char not in " \n"):
            marks.append(f"⟨U+{ord(char):04X}⟩")
        else:
            marks.append(char)
    return "".join(marks)


_CONTROL_PICTURES = {
    **{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)},
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
}
"""C0 controls (but tab and line feed) to their Unicode control pictures (ESC -> ␛), DEL
to ␡, C1 controls to �: one character for one, so offsets into a rendering still hold."""


def printable(text: str) -> str:
    """`text` safe to print on a terminal: no control character reaches it as itself.

    A capture's ESC sequences would otherwise recolour, retitle or clear the reader's
    terminal; each control character is shown as one visible character instead.

    >>> printable("red \\x1b[31mtext\\r")
    'red ␛[31mtext␍'
    """
    return text.translate(_CONTROL_PICTURES)
