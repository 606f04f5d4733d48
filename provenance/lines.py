"""Offsets to 1-based (line, column): the one helper every position a user reads goes through.

Lines are counted by line feed, so a CRLF file numbers its lines as an editor does. It
works on decoded text (columns in characters) and on bytes that do not decode (columns
in bytes).
"""

from __future__ import annotations

import bisect
import re

_LF = re.compile("\n")
_LF_BYTES = re.compile(b"\n")


class Lines:
    """The line starts of one text, for many look-ups.

    >>> Lines("ab\\ncd").at(4)
    (2, 2)
    >>> Lines(b"caf\\xe9\\n!").at(5)
    (2, 1)
    """

    def __init__(self, text: str | bytes) -> None:
        ends = _LF.finditer(text) if isinstance(text, str) else _LF_BYTES.finditer(text)
        self._starts = [0, *(m.end() for m in ends)]

    def at(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset` (a `str` index, or a byte offset for bytes)."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def line_column(text: str | bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of one offset into `text`.

    >>> line_column("one\\ntwo", 5)
    (2, 2)
    """
    return Lines(text).at(offset)


__all__ = ["Lines", "line_column"]
