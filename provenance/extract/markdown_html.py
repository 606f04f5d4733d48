"""Raw HTML in Markdown, read by the HTML reader as a browser shows it.

A block of raw HTML is read by `html_reader`: a blog's `<p>` or a README's `<div
align="center">` holds text a reader sees. Page furniture in it (`nav`, `header`,
`footer`, `aside`) is what it is in an HTML page: read where the caller wants its text
(the pipeline: where it holds the reference), else set aside and listed in
`Extracted.furniture`. CommonMark ends a raw HTML block at a blank line, and a renderer
draws the Markdown after `<aside>` and a blank line inside the element, up to the block
that closes it: such an element, opened in one block and closed in a later one at the
same depth, is set aside (or read) whole, the Markdown between included. One that no
later block closes is read, as the HTML reader reads a page's unclosed furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.extract.html_reader import _FURNITURE, _HIDDEN, _PAGE_FURNITURE, _HTMLReader
from provenance.extract.markdown_source import _Lines, _Where
from provenance.extract.readable import _Builder
from provenance.model import Span

if TYPE_CHECKING:
    from markdown_it.token import Token

_PASSES = 8
"""Most readings of one block: each pass reads the furniture the pass before left open."""
_ENTERED = -1
"""The offset `_BlockReader` gives an element an earlier block opened (no start tag here)."""


@dataclass(frozen=True, slots=True)
class Opened:
    """Page furniture a raw HTML block leaves open, which a later block closes."""

    tag: str
    start: int
    """Where its start tag is in the original."""
    closed_by: int
    """Index of the token (an html_block) whose end tag closes it."""


class _BlockReader(_HTMLReader):
    """The HTML reader over one block's content: furniture is read where its start tag's
    original offset lies in `read`, and the block may begin inside furniture an earlier
    block opened (`inside`, its tag)."""

    def __init__(
        self,
        content: str,
        where: _Where,
        keep: frozenset[int],
        read: tuple[Span, ...],
        inside: str | None,
    ) -> None:
        super().__init__(content, keep, read)
        self.where = where
        if inside is not None:
            self.skip_root = 0, inside, _ENTERED
            self.stack.append((inside, frozenset()))
            self.skipping = 1

    def _reads(self, at: int) -> bool:
        return at in self.keep or any(s.start <= self.where[at] < s.end for s in self.read)


def _markdown_html(
    out: _Builder,
    tokens: list[Token],
    index: int,
    lines: _Lines,
    base: frozenset[str],
    *,
    read: tuple[Span, ...] = (),
    inside: Opened | None = None,
) -> tuple[list[Span], Opened | None]:
    """Read the raw HTML block `tokens[index]` into `out`: its furniture is read where it
    lies in `read` (original offsets), else set aside. `inside`: the furniture an earlier
    block left open, which this block closes.

    Returns:
        The original stretches of the furniture set aside that this block closes, start
        tag to end tag (one `inside` opened from its start tag in the earlier block), and
        the furniture it leaves open for a later block to close, if any.
    """
    token = tokens[index]
    assert token.map is not None
    content = token.content.rstrip("\n")
    where = _Where(content, token.map[0], lines)
    settled = _settled(content, where, tokens, index, read, inside)
    if settled is None:  # a strict corner of _markupbase: the block shows nothing
        return [], None
    reader, opened = settled
    inner = reader.out
    text = "".join(inner.pieces)
    shown = inner.map.build(tail=inner.map.last_end())
    for k, char in enumerate(text):
        start, end = shown.start(k), shown.end(k)
        if start < end:
            out.emit(char, where[start], where[end - 1] + 1, base)
        else:  # a break drawn for a tag (<br>, a block's end) stands for the tag
            first = min(start, len(content) - 1)
            tag = content.find(">", first) + 1 or len(content)
            at, stop = where[first], where[tag - 1] + 1
            if char == "\n":
                out.line_break(1, at, adds=True, end=stop)
            else:
                out.emit(char, at, stop, base)
    furniture = [
        Span(inside.start if a == _ENTERED and inside else where[a], where[b - 1] + 1)
        for a, b in reader.furniture
    ]
    root = reader.skip_root
    if inside is not None and root is not None and root[2] == _ENTERED:
        # its end tag was not the one `_closer` found (inside a comment): set aside to here
        furniture.insert(0, Span(inside.start, where[len(content) - 1] + 1))
    return furniture, opened


def _settled(
    content: str,
    where: _Where,
    tokens: list[Token],
    index: int,
    read: tuple[Span, ...],
    inside: Opened | None,
) -> tuple[_BlockReader, Opened | None] | None:
    """The block read until no furniture is left open but one a later block closes (see
    `html_reader._settled`); None if the parser gives up on it."""
    keep: frozenset[int] = frozenset()
    for _ in range(_PASSES):
        reader = _BlockReader(content, where, keep, read, inside.tag if inside else None)
        try:
            reader.feed(content)
            reader.close()
        except AssertionError:
            return None
        unclosed = set(reader.unclosed)
        opened = None
        root = reader.skip_root
        if root is not None and root[2] != _ENTERED and root[1] in _FURNITURE:
            closed_by = _closer(tokens, index, root[1]) if root[1] in _PAGE_FURNITURE else None
            if closed_by is None or reader.stack[root[0]][1] is _HIDDEN:
                unclosed.add(root[2])  # a browser shows it: read, as the HTML reader does
            else:
                opened = Opened(root[1], where[root[2]], closed_by)
        if not unclosed - keep:
            return reader, opened
        keep |= unclosed
    return reader, opened


def _closer(tokens: list[Token], index: int, tag: str) -> int | None:
    """Index of the raw HTML block after `tokens[index]` at its depth, with only whole
    blocks between, that holds the end tag `</tag>` (not in a comment); None if there is
    none."""
    end_tag = re.compile(rf"<!--.*?-->|(</{tag}\s*>)", re.IGNORECASE | re.DOTALL)
    level, depth = tokens[index].level, 0
    for k in range(index + 1, len(tokens)):
        token = tokens[k]
        if depth == 0 and token.type == "html_block" and token.level == level:
            if any(m.group(1) for m in end_tag.finditer(token.content)):
                return k
        depth += token.nesting
        if depth < 0:
            return None  # the block holding it ends first (its end tag closes it)
    return None
