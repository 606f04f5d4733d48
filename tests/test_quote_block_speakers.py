"""A block quotation whose introduction names no speaker ("Its actual wording is:")
never takes the person the paragraph after it names: the speaker, if any, was before."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from quote_cases import reference

from provenance.analyse import Analyser
from provenance.model import Document, Format

ANALYSER = Analyser.of(reference())
LINE = "Russia and China are against the deployment of the said systems."
INVENTED = "The Parties will answer any deployment with force."

PAGES = {
    Format.HTML: "<p>{intro}</p>\n<blockquote>{block}</blockquote>\n<p>{after}</p>\n",
    Format.MARKDOWN: "{intro}\n\n> {block}\n\n{after}\n",
}


def _speakers(fmt: Format, intro: str, block: str, after: str) -> list[tuple[str, str]]:
    text = PAGES[fmt].format(intro=intro, block=block, after=after)
    data = text.encode()
    suffix = "html" if fmt is Format.HTML else "md"
    page = Document(
        "page", Path(f"page.{suffix}"), hashlib.sha256(data).hexdigest(), len(data), text, fmt
    )
    quotes = ANALYSER.source(page).quotes
    return [(q.text[:12], q.attribution.speaker if q.attribution else "none") for q in quotes]


@pytest.mark.parametrize("fmt", list(PAGES))
def test_the_document_named_earlier_in_the_introduction_speaks_the_block(fmt: Format):
    got = _speakers(
        fmt,
        "That is not what the declaration says. Its actual wording is:",
        LINE,
        'Park also wrote that the drills were "purely defensive".',
    )
    assert got == [(LINE[:12], "document"), ("purely defen", "person")]


@pytest.mark.parametrize("fmt", list(PAGES))
@pytest.mark.parametrize(
    "after",
    ['A spokesman in Seoul said the meeting was "a show".', 'Kim wrote that it was "fine".'],
)
def test_an_introduction_naming_no_one_leaves_the_block_to_no_one(fmt: Format, after: str):
    got = _speakers(fmt, "Reporters were handed two pages. The key line is this:", INVENTED, after)
    assert got[0] == (INVENTED[:12], "none")
    assert got[1][1] == "person"
