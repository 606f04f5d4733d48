"""Footnote and reference markers a page hangs on its words: `[1]`, `[^1]`, `¹`, `*`, `†`.

One pattern for two stages: `classify` reads an edit that adds only markers as a
`footnote`, and `locate` steps over a marker at a passage's edge, so that the copy's
last full stop, after "Moscow[1]", is still the copy's.
"""

from __future__ import annotations

import re

_BRACKETED = (
    r"\[(?:(?:note|n) ?)?\d{1,3}\]|\[\^[^\]\s]{1,20}\]"  # [1], [note 2]; Markdown's [^1]
    r"|\[\s*(?:citation|clarification|verification|better source) needed\s*\]"
)
_RAISED = (
    r"(?<!\s)[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+"  # ¹ ², or <sup>1</sup> read raised
    r"|(?<!\s)[*\u2020\u2021]+"  # 2017*, Moscow†, ‡
)
FOOTNOTE = re.compile(f"{_BRACKETED}|{_RAISED}")
FOOTNOTE_LABEL = re.compile(
    rf"[ \t]*(?P<mark>{_BRACKETED}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+):?[ \t]*"
)
"""A footnote's own line opening on its mark ("[^1]: Emphasis ours.", "[2] ...", "³ ..."):
where the note the page hangs on its words is written out."""
RAISED_NOTE = re.compile(r"(?<=\S)[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2020\u2021]+")
"""A raised note number or dagger hung on a word ("exercises¹³"): none of its words."""
"""A footnote or reference marker a page hangs after a word, a number or a sentence. The
raised digits and signs must not follow a space: after one they are a list's bullet or
a mark of their own, not a note on the word before."""

_HANGING = re.compile(
    rf"(?: (?:{_BRACKETED})|[^\w\s]?(?:{FOOTNOTE.pattern}))(?:{FOOTNOTE.pattern})*"
)
"""Markers right after a word, or after one punctuation mark clinging to it ("2017,[1]"),
a bracketed one also after one space ("Moscow [1]."); one or more ("[1][2]")."""


def hanging_marker(text: str, at: int) -> int:
    """Where a footnote marker hanging on the word that ends at `at` ends, else `at`.

    The marker starts at `at`, or one punctuation mark or (for a bracketed one) one space
    after it; a space after the punctuation, or more, means it hangs on nothing.

    >>> hanging_marker("in moscow[1]. then", 9), hanging_marker("2017,[citation needed] in", 4)
    (12, 22)
    >>> hanging_marker("in moscow. [1]", 9), hanging_marker("moscow†.", 6)
    (9, 7)
    >>> hanging_marker("moscow[1][2].", 6), hanging_marker("moscow [3].", 6)
    (12, 10)
    >>> hanging_marker("moscow  [3].", 6), hanging_marker("moscow *.", 6)
    (6, 6)
    """
    found = _HANGING.match(text, at)
    return found.end() if found else at
