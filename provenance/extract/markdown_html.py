"""Raw HTML in Markdown, read by the HTML reader as a browser shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.extract.html_reader import _HTMLReader
from provenance.extract.markdown_source import _Lines, _Where
from provenance.extract.readable import _Builder

if TYPE_CHECKING:
    from markdown_it.token import Token


def _markdown_html(out: _Builder, token: Token, lines: _Lines, base: frozenset[str]) -> None:
    """A block of raw HTML, read as a browser shows it (see `_html`): a blog's `<p>` or a
    README's `<div align="center">` holds text a reader sees."""
    assert token.map is not None
    content = token.content.rstrip("\n")
    where = _Where(content, token.map[0], lines)
    reader = _HTMLReader(content)
    try:
        reader.feed(content)
        reader.close()
    except AssertionError:  # a strict corner of _markupbase: the block shows nothing
        return
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
