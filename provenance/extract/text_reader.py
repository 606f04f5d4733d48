"""Plain text quoted the e-mail way: lines opened by ">" (mail, forums, Usenet archives).

A reply quotes a document line by line, each line opened by "> " ("> > " when it quotes
a reply). Read as they stand, the marks would sit between the document's words as
punctuation. Two or more such lines in a row are a quotation block: their marks are read
past (the map keeps every other character's place in the original) and the block is set
out in `Extracted.quoted`, as a Markdown `>` block is. A lone line starting with ">"
("> 50 people came") is text.
"""

from __future__ import annotations

import re

from provenance.extract.readable import Extracted
from provenance.model import Document, MapBuilder, Span

_QUOTED_LINE = re.compile(r"^(?![ \t]{0,3}>>> )(?:[ \t]{0,3}>[ \t]?)+", re.MULTILINE)
"""The marks opening a quoted line: ">", "> ", "> > ", indented up to 3. A line of marks
alone parts two quoted paragraphs, and reads as the blank line it stands for. Python's
prompt (">>> ") opens code, not a quotation."""


def _email(document: Document) -> Extracted | None:
    """The readable text of a plain-text `document` with quoted lines, else None (the
    text is its own readable text)."""
    text = document.text
    if ">" not in text:
        return None
    blocks = _blocks(text)
    if not blocks:
        return None
    builder, pieces, quoted = MapBuilder(), [], []
    at = length = 0
    for block in blocks:
        first = length + block[0].start() - at
        for mark in block:
            pieces.append(text[at : mark.start()])
            builder.copy(at, mark.start() - at)
            length += mark.start() - at
            at = mark.end()
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        last = length + len(text[at:end].rstrip())
        quoted.append(Span(first, last))
    pieces.append(text[at:])
    builder.copy(at, len(text) - at)
    readable = "".join(pieces)
    offsets = builder.build(tail=len(text))
    return Extracted(document, readable, offsets, (), ("quoted-lines",), tuple(quoted))


def _blocks(text: str) -> list[list[re.Match[str]]]:
    """The marks of every run of two or more consecutive quoted lines."""
    blocks: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for mark in _QUOTED_LINE.finditer(text):
        if run and text.count("\n", run[-1].end(), mark.start()) != 1:
            if len(run) > 1:
                blocks.append(run)
            run = []
        run.append(mark)
    if len(run) > 1:
        blocks.append(run)
    return blocks
