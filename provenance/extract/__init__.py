"""Readable text of a Document, with a map back to the original and its emphasis runs.

Plain text is its own readable text (the identity map), unless it quotes the e-mail
way (lines opened by ">": `text_reader`). HTML is read with the standard
library's lenient `html.parser` in source order, so every produced character knows the
offset it came from: scripts and styles are dropped, page furniture (`nav`, `header`,
`footer`, `aside`) is read only where the caller wants its text (the pipeline: where it
holds the reference) and otherwise set aside and listed, entities are decoded (each
produced character maps to the whole entity), blocks become line breaks. Markdown is
parsed by markdown-it-py; its inline tokens are walked against the source lines to
recover character offsets.

The engine compares readable text; every span it reports is mapped back through
`Extracted.span`, so spans always index `Document.text`.

The package: `readable` holds what every reader produces (`Extracted`, its emphasis
`Run`s, and the builder that writes both with the map); `html_reader` and
`markdown_reader` read the two formats (the latter with `front_matter`, `markdown_source`
for where a token's content lies in the source, and `markdown_html` for raw HTML),
`text_reader` plain text's quoted lines; this module chooses between them.
"""

from __future__ import annotations

from provenance.errors import InputError
from provenance.extract.html_reader import Wanted, _html
from provenance.extract.markdown_reader import _markdown
from provenance.extract.readable import QUOTED, Extracted, Run
from provenance.extract.text_reader import _email, _forum_quotes, _margin_numbers, _subtitles
from provenance.model import Document, Format, OffsetMap

__all__ = ["QUOTED", "Extracted", "Run", "Wanted", "extract"]


def extract(document: Document, *, furniture: Wanted | None = None) -> Extracted:
    """The readable text of `document`, its map to the original, and its emphasis runs.

    Args:
        document: The decoded file.
        furniture: Says, from its readable text, whether a page-furniture element
            (`nav`, `header`, `footer`, `aside`) of an HTML page, or of a Markdown file's
            raw HTML, is read; without it, none is. What is not read is listed in
            `Extracted.furniture`.

    Raises:
        InputError: An HTML or Markdown file with no readable text.
    """
    if document.format is Format.HTML:
        extracted = _html(document, furniture)
    elif document.format is Format.MARKDOWN:
        extracted = _markdown(document, furniture)
    else:
        quoted = (
            _email(document)
            or _forum_quotes(document)
            or _margin_numbers(document)
            or _subtitles(document)
        )
        if quoted is not None:
            return quoted
        return Extracted(document, document.text, OffsetMap.identity(len(document.text)), (), ())
    if not extracted.text.strip():
        what = "HTML" if document.format is Format.HTML else "Markdown"
        raise InputError(document.path, f"no readable text in this {what} (only markup)")
    return extracted
