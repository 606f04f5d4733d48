"""Comparison text with a map back to the original: fold what does not change the words.

Folding is for comparison only. Nothing normalised is ever shown or reported; every
index of the normalised text maps back to the original through `to_original`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from enum import Flag, auto

from provenance.model import Normalised

INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Characters that print as nothing: zero-width, soft hyphen, bidi controls, BOM."""

SPACES = frozenset(
    " \t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x85"
)
"""Every Unicode space; NBSP and its kin fold to an ordinary space."""

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
    fold_typography = Fold.TYPOGRAPHY in fold
    fold_case = Fold.CASE in fold
    fold_space = Fold.WHITESPACE in fold
    gap = _gap_pattern(fold)
    at = 0
    # Runs of foldable space and invisible characters alternate with runs of other text;
    # the other runs are folded whole (C speed) unless a character in them grows or
    # composes, in which case that run goes character by character.
    for match in gap.finditer(text) if gap is not None else ():
        if match.start() > at:
            _fold_run(text, at, match.start(), fold_typography, fold_case, out, where, ends)
        if fold_space:
            run = match.group()
            space = 0 if run[0] in SPACES else _first_space(run)
            if space >= 0:
                out.append(" ")
                where.append(match.start() + space)
                ends.append(match.end())
        at = match.end()
    if at < len(text):
        _fold_run(text, at, len(text), fold_typography, fold_case, out, where, ends)
    where.append(len(text))
    steps = ("nfc", *(name for flag, name in _STEP_NAMES if flag in fold))
    return Normalised(
        text="".join(out), to_original=tuple(where), steps=steps, original_ends=tuple(ends)
    )


def _first_space(run: str) -> int:
    return next((k for k, c in enumerate(run) if c in SPACES), -1)


@functools.cache
def _gap_pattern(fold: Fold) -> re.Pattern[str] | None:
    chars = ""
    if Fold.WHITESPACE in fold:
        chars += "".join(sorted(SPACES))
    if Fold.INVISIBLE in fold:
        chars += "".join(sorted(INVISIBLE))
    return re.compile("[" + re.escape(chars) + "]+") if chars else None


def _fold_run(
    text: str,
    start: int,
    end: int,
    fold_typography: bool,
    fold_case: bool,
    out: list[str],
    where: list[int],
    ends: list[int],
) -> None:
    """Fold text[start:end], which holds no foldable space or invisible character."""
    run = text[start:end]
    folded = run.translate(_TYPOGRAPHY) if fold_typography else run
    folded = folded.casefold() if fold_case else folded
    if len(folded) == len(run) and not any(map(unicodedata.combining, run)):
        out.append(folded)  # one character for one: the map is the identity on offsets
        where.extend(range(start, end))
        ends.extend(range(start + 1, end + 1))
        return
    i = start
    while i < end:
        j = i + 1
        while j < end and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j]) if j - i > 1 else text[i]
        if fold_typography:
            chunk = chunk.translate(_TYPOGRAPHY)
        if fold_case:
            chunk = chunk.casefold()
        out.append(chunk)
        where.extend([i] * len(chunk))
        ends.extend([j] * len(chunk))
        i = j


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
