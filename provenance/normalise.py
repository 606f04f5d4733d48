"""Comparison text with a map back to the original: fold what does not change the words.

Folding is for comparison only. Nothing normalised is ever shown or reported; every
index of the normalised text maps back to the original through `to_original`.
"""

from __future__ import annotations

import unicodedata
from enum import Flag, auto

from provenance.model import Normalised

INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Characters that print as nothing: zero-width, soft hyphen, bidi controls, BOM."""

SPACES = frozenset(" \t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                   "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x85")
"""Every Unicode space; NBSP and its kin fold to an ordinary space."""

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u02bc": "'", "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u2043": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
        "\u2026": "...",
    }
)


class Fold(Flag):
    """What `normalise` folds. ALL is what locate compares on."""

    NONE = 0
    WHITESPACE = auto()
    """Unicode spaces and line breaks fold to one ordinary space per run."""
    INVISIBLE = auto()
    """Zero-width characters, soft hyphens and bidi controls are dropped."""
    TYPOGRAPHY = auto()
    """Curly quotes, primes, guillemets, dashes and the ellipsis fold to ASCII."""
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
    out: list[str] = []
    where: list[int] = []
    ends: list[int] = []
    space_at = -1
    i, n = 0, len(text)
    drop_invisible = Fold.INVISIBLE in fold
    fold_space = Fold.WHITESPACE in fold
    fold_typography = Fold.TYPOGRAPHY in fold
    fold_case = Fold.CASE in fold
    while i < n:
        char = text[i]
        if drop_invisible and char in INVISIBLE:
            i += 1
            continue
        if fold_space and char in SPACES:
            if space_at < 0:
                space_at = i
            i += 1
            continue
        if space_at >= 0:
            out.append(" ")
            where.append(space_at)
            ends.append(i)
            space_at = -1
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j]) if j - i > 1 else char
        if fold_typography:
            chunk = chunk.translate(_TYPOGRAPHY)
        if fold_case:
            chunk = chunk.casefold()
        out.append(chunk)
        where.extend([i] * len(chunk))
        ends.extend([j] * len(chunk))
        i = j
    if space_at >= 0:
        out.append(" ")
        where.append(space_at)
        ends.append(n)
    where.append(n)
    steps = ("nfc", *(name for flag, name in _STEP_NAMES if flag in fold))
    return Normalised(
        text="".join(out), to_original=tuple(where), steps=steps, original_ends=tuple(ends)
    )


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
