"""Excerpts a page sets apart: each is a passage of its own, not one copy with a gap.

Two runs close together in the page and in the reference read as one copy that skips
what lies between (an omission) or carries on past foreign material (an interruption).
A page can say otherwise: an aggregator's snippet cards, each cut with an ellipsis and
followed by its "Read more" link and the next card's source and headline, or a blog's
block quotations with the author's own paragraph between them. docs/locate.md, "One
copy: grouping runs", has the rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.analyse import SourceResult, analyse
from provenance.load import load
from provenance.model import PassageKind, Severity

PARAGRAPHS = [
    "The river commissions of Norland and Easterby share the Grey Valley basin, and the "
    "condition of its waters concerns the farmers, towns and fisheries of both countries. "
    "The commissions will coordinate their work closely in order to protect the basin for "
    "the generations that will depend on it after us.",
    "1. The commissions are deeply concerned by the chemical spill reported at the Marsh Bend "
    "works on March 3, 2024, and consider the delay in reporting it contrary to the treaty "
    "signed by both governments in the autumn of 1998.",
    "2. Any plan to divert the upper river without the consent of both commissions should be "
    "set aside. The existing flow agreements must be honoured in full by every party, and "
    "no new weir may be raised on the main channel until the survey of the gorge is done.",
    "3. The commissions propose a joint monitoring programme, with sampling stations at the "
    "border, at the lake outlet and below each of the major works along the valley, staffed "
    "by engineers from both sides who will share their instruments and their findings.",
    "4. Both sides will publish the sampling results every month and will meet each spring "
    "to review the programme and to agree on any measures the results call for, including "
    "the closure of a works that fails the treaty's limits twice in one year.",
    "This statement was signed on April 9, 2024, in Lakeport.",
]


def _analysed(tmp_path: Path, name: str, page: str) -> SourceResult:
    reference = tmp_path / "statement.txt"
    reference.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    capture = tmp_path / name
    capture.write_text(page, encoding="utf-8")
    return analyse(load(reference), [load(capture)]).sources[0]


def _opening(paragraph: int, words: int) -> str:
    return " ".join(PARAGRAPHS[paragraph].split()[:words])


def _material(source: SourceResult) -> list[tuple[str, str]]:
    return [
        (d.kind.value, d.copy_text) for d in source.divergences if d.severity is Severity.MATERIAL
    ]


def _cards(format: str) -> tuple[str, str, list[str]]:
    """An aggregator's page of two snippet cards (source, headline, the snippet cut with
    an ellipsis, a "Read more" link): (file name, page, the two snippets)."""
    snippets = [_opening(0, 31) + " …", _opening(2, 24) + ", …"]
    cards = [("Valley Wire", snippets[0]), ("Lakeport Herald", snippets[1])]
    if format == "html":
        body = "\n".join(
            f'<div class="card"><div class="src">{source}</div><h4><a href="/r/{k}">River '
            f'commissions sign a joint statement</a></h4><p class="snippet">{snippet}</p>'
            f'<a class="more" href="/r/{k}">Read more</a></div>'
            for k, (source, snippet) in enumerate(cards)
        )
        return "cards.html", f"<html><body><article>{body}</article></body></html>", snippets
    body = "\n\n".join(
        f"{source}\n\n## River commissions sign a joint statement\n\n{snippet}\n\n"
        f"[Read more](/r/{k})"
        for k, (source, snippet) in enumerate(cards)
    )
    return "cards.md", body + "\n", snippets


@pytest.mark.parametrize("format", ["html", "markdown"])
def test_snippet_cards_cut_with_an_ellipsis_are_separate_excerpts(
    tmp_path: Path, format: str
) -> None:
    """Two cards, one showing the opening of paragraph 0 and one that of paragraph 2,
    each cut with "…" and followed by "Read more" and the next card's furniture: two
    excerpts, each card's snippet. They were one excerpt whose card furniture was a
    material substitution for paragraph 0's rest and paragraph 1, which no card shows."""
    name, page, snippets = _cards(format)
    source = _analysed(tmp_path, name, page)
    text = source.document.text
    assert [(p.kind, len(p.runs)) for p in source.passages] == [(PassageKind.EXCERPT, 1)] * 2
    for passage, snippet in zip(source.passages, snippets, strict=True):
        assert passage.copy.of(text) in snippet
        assert snippet.startswith(passage.copy.of(text))
    assert _material(source) == []


def test_an_ellipsis_inside_one_copy_still_marks_an_omission(tmp_path: Path) -> None:
    """Not every ellipsis parts two excerpts: one between two stretches of a copy, with no
    line of the page's own after it, stands for the words the copy leaves out."""
    page = f"{PARAGRAPHS[0]}\n\n{_opening(1, 14)} …\n\n{PARAGRAPHS[2]}\n"
    source = _analysed(tmp_path, "elided.txt", page)
    assert len(source.passages) == 1


def _blocks(format: str) -> tuple[str, str]:
    """A blog post quoting paragraphs 2 and 3 (neighbours in the statement) in two block
    quotations, with the author's own paragraph between them: (file name, page)."""
    intro, comment = "The commissions on the diversion plan:", "A firmer line than last year."
    closing, last = "And on monitoring, the proposal:", "Nobody has costed it yet."
    if format == "html":
        return "post.html", (
            f"<html><body><article><p>{intro}</p>\n<blockquote>{PARAGRAPHS[2]}</blockquote>\n"
            f"<p>{comment}</p>\n<p>{closing}</p>\n<blockquote><p>{PARAGRAPHS[3]}</p></blockquote>"
            f"\n<p>{last}</p></article></body></html>"
        )
    return "post.md", (
        f"{intro}\n\n> {PARAGRAPHS[2]}\n\n{comment}\n\n{closing}\n\n> {PARAGRAPHS[3]}\n\n{last}\n"
    )


@pytest.mark.parametrize("format", ["html", "markdown"])
def test_block_quotations_with_the_pages_paragraph_between_are_two_excerpts(
    tmp_path: Path, format: str
) -> None:
    """Two block quotations of neighbouring paragraphs, the author's paragraph between
    them: two excerpts, and each block a verbatim quotation. They were one passage with
    the author's paragraph a minor interruption, and the passage, wider than either block,
    hid both from the quotations."""
    name, page = _blocks(format)
    source = _analysed(tmp_path, name, page)
    text = source.document.text
    assert [(p.kind, len(p.runs)) for p in source.passages] == [(PassageKind.EXCERPT, 1)] * 2
    assert [p.copy.of(text) for p in source.passages] == PARAGRAPHS[2:4]
    assert [d for d in source.divergences if d.severity is not Severity.COSMETIC] == []
    assert [(q.text, q.verdict.value) for q in source.quotes] == [
        (PARAGRAPHS[2], "verbatim"),
        (PARAGRAPHS[3], "verbatim"),
    ]


def test_block_quotations_apart_where_the_pages_line_reads_on_as_the_reference(
    tmp_path: Path,
) -> None:
    """The author's line between the blocks opens and ends with words the reference has
    around the paragraph break ("... in one year.¶This is ... for a year.¶This
    statement ..."): the seeds reaching over the blocks' edges into it do not join them."""
    page = (
        f"<html><body><p>On the monitoring:</p><blockquote><p>{PARAGRAPHS[4]}</p></blockquote>"
        "<p>This is the part both sides fought over for a year.</p>"
        f"<blockquote><p>{PARAGRAPHS[5]}</p></blockquote><p>Nobody has costed it yet.</p>"
        "</body></html>"
    )
    source = _analysed(tmp_path, "post.html", page)
    text = source.document.text
    assert [p.copy.of(text) for p in source.passages] == PARAGRAPHS[4:6]
    assert [d for d in source.divergences if d.severity is not Severity.COSMETIC] == []
    assert [q.text for q in source.quotes] == PARAGRAPHS[4:6]


def test_words_quoted_in_a_sentence_then_a_block_quotation_are_two_things_quoted(
    tmp_path: Path,
) -> None:
    """The page quotes a few words of a paragraph in its own sentence, says more in its own
    words, then sets the paragraph's next words out as a block quotation. They were one
    stitched excerpt, the page's words between a material substitution, and the block
    was no quotation at all."""
    words = PARAGRAPHS[3].split()
    inline, block = " ".join(words[:8]), " ".join(words[9:])
    page = (
        f'<html><body><p>The text says the commissions "{inline}" a programme of their own. '
        "The places it names are listed in full, and they are many:</p>"
        f"<blockquote><p>{block}</p></blockquote><p>Nobody has costed it yet.</p></body></html>"
    )
    source = _analysed(tmp_path, "post.html", page)
    text = source.document.text
    assert [p.copy.of(text) for p in source.passages] == [block]
    assert _material(source) == []
    assert [(q.text, q.verdict.value) for q in source.quotes] == [
        (inline, "verbatim"),
        (block, "verbatim"),
    ]


def test_a_few_words_and_a_colon_between_a_quotation_and_a_block_part_them(
    tmp_path: Path,
) -> None:
    """The page's sentence echoing the paragraph's words, a few words of its own and a
    colon introducing the block ("..., which it then lists:"): two things, not one excerpt
    with the page's words a material substitution."""
    words = PARAGRAPHS[3].split()
    echo, block = " ".join(words[1:9]), " ".join(words[9:])
    page = (
        f"<html><body><p>As the text says, {echo}, which it then lists:</p>"
        f"<blockquote><p>{block}</p></blockquote></body></html>"
    )
    source = _analysed(tmp_path, "post.html", page)
    assert [p.copy.of(source.document.text) for p in source.passages] == [block]
    assert _material(source) == []


def test_block_quotations_with_only_furniture_between_are_one_copy(tmp_path: Path) -> None:
    """A copy set out a paragraph to a block, with no paragraph of the page's own between
    them (an "Advertisement" line), is one copy as before."""
    blocks = "\n<p>Advertisement</p>\n".join(
        f"<blockquote>{p}</blockquote>" for p in PARAGRAPHS[1:4]
    )
    source = _analysed(tmp_path, "blocks.html", f"<html><body>{blocks}</body></html>")
    start = len(PARAGRAPHS[0]) + 2
    end = start + len("\n\n".join(PARAGRAPHS[1:4]))
    assert [(p.reference.start, p.reference.end) for p in source.passages] == [(start, end)]
    assert [d for d in source.divergences if d.severity is not Severity.COSMETIC] == []


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("page.txt", "Why the treaty signed by both governments in the autumn of 1998"),
        ("page.md", "# Why the treaty signed by both governments in the autumn of 1998"),
        # all the title the reference's words, in a headline's case
        ("page.txt", "Signed by both governments in the autumn of 1998"),
    ],
)
def test_a_title_ending_on_the_words_before_the_excerpt_is_no_part_of_it(
    tmp_path: Path, name: str, title: str
) -> None:
    """A page's title ends on the reference's words just before the excerpt the page
    prints after a line of its own ("... in the autumn of 1998¶The full text follows.¶2.
    Any plan ..."). Read as the copy's first words, the title put the page's line in the
    copy as a material insertion; the excerpt starts at "2. Any plan"."""
    excerpt = "\n\n".join(PARAGRAPHS[2:4])
    page = f"{title}\n\nThe full text follows.\n\n{excerpt}\n"
    source = _analysed(tmp_path, name, page)
    assert [p.copy.of(page) for p in source.passages] == [excerpt]
    assert _material(source) == []
