"""A copy of the whole text in two halves, the page's commentary between, that lost words
at the seam has lost them.

More than `max_interruption_words` of the page's own between two parts of the statement
make two passages: excerpts with commentary between. But where the first part starts at
the text's first line, the second runs on to its end, and reference words are missing
exactly where the commentary stands, the page prints the statement whole, interrupted,
and the missing words are lost: as two excerpts, each seamless, the loss was reported
nowhere (audit l31). docs/locate.md, "One copy".
"""

from __future__ import annotations

from conftest import make_document

from provenance.analyse import SourceResult, analyse
from provenance.model import Document, Kind, PassageKind, Severity

COMMENTARY = (
    "Our bureau adds that the passage above repeats language both governments have used "
    "for a year, and that the diplomats we reached were more interested in what follows. "
    "Several of them said the timing, a few hours after the launch, was chosen to show the "
    "two capitals acting in step before the summit of the leading economies in Germany, "
    "where the subject was expected to dominate the margins. A former ambassador told us "
    "that nothing in the first half would surprise anyone who has followed the talks since "
    "the collapse of the six-party format, and that the real test is whether either "
    "government will spend political capital on it in the months ahead."
)
"""The page's own paragraph: 113 words, more than an advertisement or a link box."""


def _paragraphs(reference: Document) -> list[str]:
    return reference.text.split("\n\n")


def _result(reference: Document, page: str) -> SourceResult:
    return analyse(reference, [make_document(page, "page")]).sources[0]


def _split(reference: Document, at: str) -> tuple[list[str], list[str]]:
    paragraphs = _paragraphs(reference)
    k = next(k for k, p in enumerate(paragraphs) if p.startswith(at))
    return paragraphs[:k], paragraphs[k:]


def test_a_paragraph_lost_where_the_commentary_stands_is_reported(reference: Document) -> None:
    before, after = _split(reference, "The Parties urge the international community")
    lost, after = after[0], after[1:]
    page = "\n\n".join([*before, COMMENTARY, *after]) + "\n"
    result = _result(reference, page)
    assert [p.kind for p in result.passages] == [PassageKind.FULL]
    at = reference.text.index(lost)
    assert any(
        d.severity is Severity.MATERIAL
        and d.kind in (Kind.OMISSION, Kind.SUBSTITUTION)
        and d.reference.start <= at + 10
        and d.reference.end >= at + len(lost) - 10
        for d in result.divergences
    )


def test_halves_with_nothing_lost_stay_two_excerpts(reference: Document) -> None:
    before, after = _split(reference, "4.")
    page = "\n\n".join([*before, COMMENTARY, *after]) + "\n"
    result = _result(reference, page)
    assert [p.kind for p in result.passages] == [PassageKind.EXCERPT, PassageKind.EXCERPT]
    assert not any(d.severity is Severity.MATERIAL for d in result.divergences)


def test_an_opening_and_a_later_part_not_to_the_end_stay_two_excerpts(
    reference: Document,
) -> None:
    paragraphs = _paragraphs(reference)
    five = next(k for k, p in enumerate(paragraphs) if p.startswith("5."))
    page = "\n\n".join([paragraphs[0], paragraphs[1], COMMENTARY, paragraphs[five]]) + "\n"
    result = _result(reference, page)
    assert [p.kind for p in result.passages] == [PassageKind.EXCERPT, PassageKind.EXCERPT]
    assert not any(d.kind is Kind.OMISSION for d in result.divergences)


def test_a_sentence_lost_after_a_long_link_box_in_plain_text(reference: Document) -> None:
    box = (
        "\n\nRELATED COVERAGE\n"
        "- Seoul weighs its options after the launch, and what its allies have said so far\n"
        "- Inside the talks: how the two capitals drafted a joint position in three days\n"
        "- Satellite images show new work at the coastal test site, analysts say\n"
        "- Opinion: the freeze-for-freeze idea deserves a hearing in Washington\n"
        "- Markets shrug off the tension as investors look to the summit\n"
        "- Explainer: what a moratorium would and would not cover\n"
        "- Podcast: three former negotiators on why the six-party talks stalled a decade ago\n"
        "- Letters: readers in the port city describe the mood after the sirens\n\n"
    )
    text = reference.text
    sentence = "Simultaneously, the conflicting parties begin talks"
    start = text.index(sentence)
    end = text.index("including the nuclear issue.", start) + len("including the nuclear issue.")
    page = "Full text as released.\n\n" + text[:start] + box + text[end:].lstrip() + "\n"
    result = _result(reference, page)
    assert [p.kind for p in result.passages] == [PassageKind.FULL]
    assert any(
        d.severity is Severity.MATERIAL
        and d.reference.start <= start + 5
        and d.reference.end >= end - 5
        for d in result.divergences
    )


def test_quotation_marks_in_the_commentary_between_do_not_hide_the_loss(
    reference: Document,
) -> None:
    """The page's commentary quoting a phrase ('the Chinese “double freezing” idea') held
    the two halves apart as two quotations would be (audit v29)."""
    before, after = _split(reference, "The Parties urge the international community")
    after = after[1:]
    quoting = COMMENTARY.replace("the real test", "the real test of the “double freezing” idea")
    page = "\n\n".join([*before, quoting, *after]) + "\n"
    result = _result(reference, page)
    assert [p.kind for p in result.passages] == [PassageKind.FULL]
    assert any(d.severity is Severity.MATERIAL for d in result.divergences)


def test_an_earlier_sentence_quoted_in_the_page_s_prose_is_no_moved_paragraph(
    reference: Document,
) -> None:
    """Point 3 copied, then the page's commentary quoting the end of point 2 in its prose
    (with the statement's words before the marks): the quotation was joined to the copy
    as a paragraph moved, the commentary a material insertion and the quotation two
    reorderings (audit n56). It is an excerpt of its own, nothing lost or moved."""
    three = next(p for p in reference.text.split("\n\n") if p.startswith("3."))
    page = (
        f"Here is the core of the plan:\n\n{three}\n\n"
        "The sequencing is the interesting part, and nothing in the text makes the freeze "
        "conditional on the talks, which is a real difference from the old position.\n\n"
        "The document is careful about tone too. The ministries urge all countries concerned "
        'to "maintain calm, renounce provocative moves ... and work actively together to '
        'defuse tension." Read alongside recent posts, the target is plain.\n'
    )
    result = _result(reference, page)
    assert [p.kind for p in result.passages] == [PassageKind.EXCERPT, PassageKind.EXCERPT]
    assert not [d for d in result.divergences if d.severity is Severity.MATERIAL]
