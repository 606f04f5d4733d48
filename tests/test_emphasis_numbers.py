"""A paragraph number set in bold is the page's way of numbering, not emphasis.

Reposts often bold or italicise the statement's paragraph numbers ("<strong>5.</strong>
The Parties express support ..."). The number is the statement's, and the markup says
nothing about its words: reporting it as material emphasis added asks a reviewer to
decide on typography. Emphasis that takes in words after the number is still emphasis.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import analyse
from provenance.model import Document, Format, Kind


def _page(reference: Document, marked: str, tags: tuple[str, str], fmt: Format) -> Document:
    """The statement's paragraph 5 with its opening `marked` words between `tags`."""
    paragraph = next(p for p in reference.text.split("\n\n") if p.startswith("5. The Parties"))
    assert paragraph.startswith(marked)
    body = tags[0] + marked + tags[1] + paragraph[len(marked) :]
    if fmt is Format.HTML:
        text = f"<html><body><h1>Repost</h1><p>{body}</p><p>Share this.</p></body></html>"
    else:
        text = f"# Repost\n\n{body}\n\nShare this.\n"
    path = Path("numbers.html" if fmt is Format.HTML else "numbers.md")
    return replace(make_document(text, "numbers"), format=fmt, path=path)


TAGS = [
    (("<strong>", "</strong>"), Format.HTML),
    (("<b><i>", "</i></b>"), Format.HTML),
    (("**", "**"), Format.MARKDOWN),
    (("_", "_"), Format.MARKDOWN),
]


@pytest.mark.parametrize(("tags", "fmt"), TAGS)
def test_a_bold_paragraph_number_is_not_emphasis(
    reference: Document, tags: tuple[str, str], fmt: Format
) -> None:
    source = analyse(reference, [_page(reference, "5.", tags, fmt)]).sources[0]
    assert len(source.passages) == 1
    assert source.emphasis == ()
    assert [d for d in source.divergences if d.kind is Kind.EMPHASIS] == []


@pytest.mark.parametrize(("tags", "fmt"), TAGS)
def test_emphasis_taking_in_words_after_the_number_is_emphasis(
    reference: Document, tags: tuple[str, str], fmt: Format
) -> None:
    page = _page(reference, "5. The Parties express support", tags, fmt)
    source = analyse(reference, [page]).sources[0]
    assert {d.kind for d in source.divergences} == {Kind.EMPHASIS}


@pytest.mark.parametrize("number", ["¶ 5", "§ 5", "(5)"])
def test_a_bold_number_the_copy_writes_its_own_way_is_not_emphasis(
    reference: Document, number: str
) -> None:
    """ "**¶ 5**", "**§ 5**" or "**(5)**" for the statement's "5." inside a copy: the copy's
    numbering in its own marks, bold as "**5.**" may be; it was material emphasis added
    to "5"."""
    paragraphs = reference.text.split("\n\n")
    five = next(k for k, p in enumerate(paragraphs) if p.startswith("5. The Parties"))
    before, paragraph = paragraphs[five - 1], paragraphs[five]
    text = f"# Repost\n\n{before}\n\n**{number}** {paragraph[3:]}\n\nShare this.\n"
    page = replace(make_document(text, "numbers"), format=Format.MARKDOWN, path=Path("n.md"))
    source = analyse(reference, [page]).sources[0]
    assert len(source.passages) == 1
    assert source.emphasis == ()
