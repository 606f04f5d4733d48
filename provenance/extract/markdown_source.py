"""Where a Markdown token's content lies in its source: markdown-it gives each block's
lines, not its characters' offsets; `_Where` finds each line's piece in the source line
(block prefixes such as `> ` stripped, a table cell's `\\|` read `|`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from provenance.extract.readable import _MD_LINE_END, _Builder


@dataclass(slots=True)
class _Lines:
    """A Markdown source's lines as markdown-it counts them (it ends a line at LF, CRLF
    or a lone CR), where each starts, and how far each has been read so far."""

    text: list[str]
    starts: list[int]
    used: list[int]

    @classmethod
    def of(cls, source: str) -> _Lines:
        lines, starts = [], [0]
        for end in _MD_LINE_END.finditer(source):
            lines.append(source[starts[-1] : end.start()])
            starts.append(end.end())
        lines.append(source[starts[-1] :])
        return cls(lines, starts, [0] * len(lines))


class _Where:
    """Source offset of every character of a token's content (block prefixes stripped),
    kept per source line: each line's piece, with the line break after it, is a copy,
    split where the source has a character the content lacks (a table cell's `\\|`)."""

    def __init__(self, content: str, first: int, lines: _Lines):
        self.firsts: list[int] = []  # content index where each piece starts
        self.sources: list[int] = []  # source offset of that character
        at = 0
        text, used = lines.text, lines.used
        for k, piece in enumerate(content.split("\n")):
            row = min(first + k, len(text) - 1)
            column = text[row].find(piece, used[row]) if piece else used[row]
            if column < 0 and "|" in piece:
                found = _escaped_pipes(piece, text[row], used[row])
                if found:
                    for offset, source in found:
                        self.firsts.append(at + offset)
                        self.sources.append(lines.starts[row] + source)
                    used[row] = found[-1][1] + len(piece) - found[-1][0]
                    at += len(piece) + 1
                    continue
            if column < 0:
                column = text[row].find(piece)
            column = max(column, 0)
            used[row] = column + len(piece)
            self.firsts.append(at)
            self.sources.append(lines.starts[row] + column)
            at += len(piece) + 1

    def __getitem__(self, i: int) -> int:
        r = bisect_right(self.firsts, i) - 1
        return self.sources[r] + i - self.firsts[r]

    def copy(self, out: _Builder, content: str, i: int, j: int, styles: frozenset[str]) -> None:
        """Emit content[i:j], each character for its own source character."""
        while i < j:
            r = bisect_right(self.firsts, i) - 1
            stop = min(j, self.firsts[r + 1]) if r + 1 < len(self.firsts) else j
            out.copy(content[i:stop], self.sources[r] + i - self.firsts[r], styles)
            i = stop


def _escaped_pipes(piece: str, line: str, start: int) -> list[tuple[int, int]]:
    r"""Where a table cell's `piece` lies in its source `line` (from `start` on), when the
    source writes some of its pipes escaped (`a \| b` is read `a | b`: markdown-it drops
    the backslash before every pipe in a table row): (index in piece, column in line) of
    each stretch the two have alike, else [].

    >>> _escaped_pipes("a | b", "| a \\| b | c |", 0)
    [(0, 2), (2, 5)]
    """
    pattern = re.escape(piece).replace(r"\|", r"\\?\|")
    found = re.compile(pattern).search(line, start) or re.compile(pattern).search(line)
    if found is None:
        return []
    stretches, column = [(0, found.start())], found.start()
    for index, char in enumerate(piece):
        if char == "|" and line[column] == "\\":
            column += 1  # the backslash the content lacks
            stretches.append((index, column))
        column += 1
    return stretches
