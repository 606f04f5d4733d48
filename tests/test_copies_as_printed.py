"""Copies as pages print them: a headline with a quoted word between a copy's paragraphs,
a word both hyphenated at a line break and spelt the American way, a page's button in
brackets. Each was misread (audit l7 of stop 39); the pages are our own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import SourceResult, analyse
from provenance.model import Format, Kind, PassageKind, Severity

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = make_document(
    (ROOT / "tests" / "cases" / "quotes" / "reference.txt").read_text(encoding="utf-8"),
    "reference",
)


def _source(text: str) -> SourceResult:
    return analyse(REFERENCE, [make_document(text, "page")]).sources[0]


def _paragraphs() -> list[str]:
    return REFERENCE.text.split("\n\n")


def test_a_headline_with_a_quoted_word_between_paragraphs_interrupts_one_full_copy() -> None:
    """A "Read more:" line of thirteen words quoting 'gift' cut a full copy into two
    excerpts (the quotation marks of a line over twelve words were the copy's own)."""
    paragraphs = _paragraphs()
    line = "Read more: Kim Jong-un calls missile test a 'gift' for American Independence Day"
    page = "\n\n".join([*paragraphs[:3], line, *paragraphs[3:]]) + "\n"
    source = _source(page)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    [row] = [d for d in source.divergences if d.kind is not Kind.WHITESPACE]
    assert row.kind is Kind.INTERRUPTION and line in row.copy_text


def test_a_word_hyphenated_at_a_line_break_and_spelt_otherwise_is_a_spelling() -> None:
    """ "denuclear-\\nization" for "denuclearisation" was a material substitution, though
    the hyphen alone is whitespace and the spelling alone a spelling."""
    assert "denuclearisation" in REFERENCE.text
    page = REFERENCE.text.replace("denuclearisation", "denuclear-\nization", 1)
    [row] = [d for d in _source(page).divergences if "denuclear" in d.copy_text]
    assert (row.kind, row.copy_text) == (Kind.SPELLING, "denuclear-\nization")


def test_a_pages_button_in_padded_brackets_stays_in_its_box() -> None:
    """ "[ Sign me up ]" ending a sign-up box between two paragraphs was an editor's mark
    (an editorial row), split off the box's interruption."""
    paragraphs = _paragraphs()
    box = (
        "SUBSCRIBE\nGet our morning briefing in your inbox every weekday.\n"
        "[ your@email.com ]  [ Sign me up ]"
    )
    page = "\n\n".join([*paragraphs[:5], box, *paragraphs[5:]]) + "\n"
    source = _source(page)
    rows = [d for d in source.divergences if d.kind is not Kind.WHITESPACE]
    assert [d.kind for d in rows] == [Kind.INTERRUPTION]
    assert "[ Sign me up ]" in rows[0].copy_text


def test_a_copy_split_across_forum_posts_with_continued_marks_is_interrupted() -> None:
    """ "... missile tests, [continued]", another post, then "[continued from above] and
    the United States ...": the forum's split post, its marks on the copy's own lines, is
    an interruption, minor (it was a material insertion of everything between)."""
    paragraph = next(p for p in _paragraphs() if p.startswith("The DPRK, by way"))
    cut = paragraph.index(" and the United States")
    page = (
        "A member posted the text in two parts.\n\n"
        f"{paragraph[:cut]} [continued]\n\n"
        "----- Post #8 by moderator, 05-07-2017 -----\n"
        "Please keep posts short, the board cuts long ones.\n\n"
        "----- Post #9 by poster -----\n"
        f"[continued from above]{paragraph[cut:]}\n"
    )
    source = _source(page)
    assert len(source.passages) == 1
    [row] = [d for d in source.divergences if d.kind is not Kind.WHITESPACE]
    assert row.kind is Kind.INTERRUPTION and "Post #8" in row.copy_text


def test_an_embedded_post_quoting_the_statement_interrupts_the_copy() -> None:
    """A tweet embedded between two sentences of an HTML copy (`<blockquote
    class="twitter-tweet">`) quoting one of them: the page's furniture, an interruption,
    minor; its quoted words and comment were two material insertions."""
    paragraph = next(p for p in _paragraphs() if "justified concerns should be respected" in p)
    first, rest = paragraph.split(" Other states", 1)
    tweet = (
        '<blockquote class="twitter-tweet"><p>&quot;The DPRK&#39;s justified concerns should be'
        " respected&quot; &mdash; that line will be read closely.</p>&mdash; A. Reader"
        ' (@reader) <a href="https://twitter.com/reader/status/1">July 4, 2017</a></blockquote>'
    )
    html = f"<html><body><p>{first}</p>{tweet}<p>Other states{rest}</p></body></html>"
    page = replace(make_document(html, "page"), format=Format.HTML, path=Path("page.html"))
    source = analyse(REFERENCE, [page]).sources[0]
    assert len(source.passages) == 1
    material = [d for d in source.divergences if d.severity is Severity.MATERIAL]
    assert material == [], [(d.kind, d.copy_text) for d in material]
    assert any(d.kind is Kind.INTERRUPTION for d in source.divergences)


@pytest.mark.parametrize("arrow", ["»", "›", "&raquo;"])
def test_a_link_line_ending_in_a_guillemet_arrow_interrupts_one_full_copy(arrow: str) -> None:
    """A print view's "Continued on page 2 »" in the middle of a sentence: the guillemet
    after a space at the line's end is the link's arrow, not a quotation mark closing.
    It cut a full copy into two excerpts, where the same line without it interrupts one."""
    paragraph = next(p for p in _paragraphs() if p.startswith("The DPRK, by way"))
    cut = paragraph.index(" ballistic missile tests")
    paragraphs = [f"<p>{p}</p>" for p in _paragraphs()]
    at = paragraphs.index(f"<p>{paragraph}</p>")
    paragraphs[at : at + 1] = [
        f"<p>{paragraph[:cut]}</p>",
        f'<p class="continued"><a href="?page=2">Continued on page 2 {arrow}</a></p>',
        f"<p>{paragraph[cut:]}</p>",
    ]
    html = f"<html><body>{''.join(paragraphs)}</body></html>"
    page = replace(make_document(html, "page"), format=Format.HTML, path=Path("page.html"))
    source = analyse(REFERENCE, [page]).sources[0]
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    [row] = [d for d in source.divergences if d.kind is not Kind.WHITESPACE]
    assert row.kind is Kind.INTERRUPTION and "Continued on page 2" in row.copy_text


@pytest.mark.parametrize(
    "lines",
    [
        "\n\nMissile defence in the South\n\n",  # a heading the page put in
        "\n\n00:01:20,200 --> 00:01:23,100\n",  # a timing line
        "\nPage 3 of 5\n\fJoint Statement of the Ministries\n\n",  # a PDF's page break
    ],
    ids=["heading", "timing", "page-break"],
)
@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("joined", ["programmes. ", "programmes.\n"], ids=["run-on", "one-line"])
def test_lines_put_in_one_word_into_a_paragraph_whose_break_was_lost(
    lines: str, joined: str, crlf: bool
) -> None:
    """The copy runs two paragraphs together ("programmes. The") and lines of its own
    come straight after the second's first word. Those lines and that word were one
    material substitution for the paragraph break and "The", or the word was an
    omission (material) inside an interruption that held it. The word is the copy's;
    the break lost is whitespace, the lines an interruption."""
    paragraphs = _paragraphs()
    at = next(
        k
        for k, p in enumerate(paragraphs)
        if p.startswith("The Parties confirm that the deployment")
    )
    assert paragraphs[at - 1].endswith("programmes.")
    page = (
        "\n\n".join(paragraphs[: at - 1])
        + "\n\n"
        + paragraphs[at - 1].removesuffix("programmes.")
        + joined
        + "The"
        + lines
        + paragraphs[at].removeprefix("The ")
        + "\n\n"
        + "\n\n".join(paragraphs[at + 1 :])
        + "\n"
    )
    source = _source(page.replace("\n", "\r\n") if crlf else page)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    rows = [d for d in source.divergences if d.kind is not Kind.WHITESPACE]
    assert [d.kind for d in rows] == [Kind.INTERRUPTION], [(d.kind, d.copy_text) for d in rows]
    inserted = lines.strip().replace("\n", "\r\n") if crlf else lines.strip()
    assert inserted in rows[0].copy_text and "The" not in rows[0].copy_text.split()
    assert all(d.severity is not Severity.MATERIAL for d in source.divergences)


@pytest.mark.parametrize("second", ["large-scale", "all"], ids=["found", "changed"])
@pytest.mark.parametrize(("closing", "opening"), [("”", "“"), ('"', '"'), ("»", "«")])
def test_two_quotations_with_the_pages_words_between_are_apart(
    closing: str, opening: str, second: str
) -> None:
    """ "... and ballistic missile tests” at the same time as the United States and the
    Republic of Korea “refrain from ...”": the page's words between two quotations match
    the statement's between them. The chain ran on across the closing mark and then the
    opening one (one mark a step, never both at once), and the page's words were material
    changes of the statement's ("” at the same time as" for ", and"); also where the
    second quotation's words are changed, so that no seed carries the chain into it."""
    first = (
        "announce a moratorium on the testing of nuclear explosive devices and ballistic "
        "missile tests"
    )
    page = (
        f"The plan has Pyongyang {opening}{first}{closing} at the same time as the United States "
        f"and the Republic of Korea {opening}refrain from {second} joint exercises{closing}.\n"
    )
    source = _source(page)
    marked = [d.copy_text for d in source.divergences if {closing, opening} & set(d.copy_text)]
    assert marked == []  # (the one change left is the page's "announce" for "announces")
    assert page[source.passages[0].copy.start : source.passages[0].copy.end] == first
