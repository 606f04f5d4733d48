"""A block quotation of a numbered paragraph, abridged with a bracketed ellipsis.

Pages quote the statement's paragraphs with their numbers ("2. The Parties express ...")
and mark what they leave out with "[…]" or "[...]". The number is the statement's own
and claims nothing; the bracketed ellipsis is an elision, which may stand for whole
sentences as a bare "…" may.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import Analyser
from provenance.load import load_page
from provenance.model import Document
from provenance.quotes.verdicts import QuoteVerdict, check_quotes


def _paragraph(reference: Document, opening: str) -> str:
    return next(p for p in reference.text.split("\n\n") if p.startswith(opening))


def _sentences(paragraph: str) -> list[str]:
    return [s + "." for s in paragraph.rstrip(".").split(". ")]


@pytest.mark.parametrize("elision", ["[…]", "[...]", "[. . .]", "…"])
@pytest.mark.parametrize("numbered", [True, False])
def test_an_abridged_numbered_paragraph_is_verbatim(
    reference: Document, elision: str, numbered: bool
) -> None:
    paragraph = _paragraph(reference, "2. The Parties express")
    first, _, *rest = _sentences(paragraph)  # the middle sentence left out
    if not numbered:
        first = first.removeprefix("2. ")
    quoted = f"{first} {elision} {' '.join(rest)}"
    page = f"Our correspondent read out point 2 of the statement:\n\n{quoted}\n\nNo one replied.\n"
    (quotation,) = check_quotes(reference, make_document(page, "abridged"))
    assert quotation.attributed
    assert quotation.verdict is QuoteVerdict.VERBATIM, quotation.note
    assert [page[e.start : e.end] for e in quotation.editorial] == [elision]


def test_a_number_the_statement_does_not_number_is_still_a_claim(reference: Document) -> None:
    """Only the statement's own paragraph numbers are read as numbering."""
    paragraph = _paragraph(reference, "2. The Parties express")
    page = f"The statement said:\n\n9. {paragraph.removeprefix('2. ')}\n"
    (quotation,) = check_quotes(reference, make_document(page, "renumbered"))
    assert quotation.verdict is not QuoteVerdict.VERBATIM


@pytest.mark.parametrize("where", ["start", "middle"])
def test_a_bracketed_change_of_case_is_verbatim(reference: Document, where: str) -> None:
    """ "[t]he Parties": the quoter lowered a capital to fit the quotation into a sentence."""
    sentence = (
        "The Parties urge the international community to support the aforementioned initiative"
    )
    quoted = "[t]he" + sentence.removeprefix("The")
    if where == "middle":
        quoted = "[I]nternational community to support the aforementioned initiative"
    page = f'Moscow and Beijing wrote that "{quoted}," and left it there.\n'
    (quotation,) = check_quotes(reference, make_document(page, "case-change"))
    assert quotation.verdict is QuoteVerdict.VERBATIM, quotation.note


@pytest.mark.parametrize(
    "page",
    [
        '1. "Joint statement". Ministry of Foreign Affairs of the Russian Federation. 2017.\n',
        'Tags: "Korean Peninsula", "Northeast Asia", diplomacy.\n',
        'See the section "UN Security Council" below.\n',
    ],
)
def test_a_quoted_name_the_statement_holds_is_not_its_quotation(
    reference: Document, page: str
) -> None:
    """A citation's title or a tag matching a name the statement uses ("Joint Statement of
    September 19, 2005", "Korean Peninsula") quotes the name, not the statement."""
    quotations = check_quotes(reference, make_document(page, "names"))
    assert quotations
    assert not any(q.attributed for q in quotations)


def test_two_words_of_the_statements_own_text_are_still_its_quotation(
    reference: Document,
) -> None:
    page = 'A "double freezing" of tests and drills comes first.\n'
    (quotation,) = check_quotes(reference, make_document(page, "terms"))
    assert quotation.attributed and quotation.verdict is QuoteVerdict.VERBATIM


@pytest.mark.parametrize(
    "quoted",
    [
        # -ize for -ise: a spelling variant, cosmetic.
        "does nothing to help achieve the aims of the Korean Peninsula's denuclearization",
        # A footnote marker inside the marks.
        "should, accordingly, refrain from large-scale joint exercises\u00b9\u00b3",
        "should, accordingly, refrain from large-scale joint exercises[4]",
    ],
)
def test_a_quotation_differing_only_cosmetically_is_verbatim(
    reference: Document, quoted: str
) -> None:
    page = f'The statement says the allies "{quoted}," and no more.\n'
    (quotation,) = check_quotes(reference, make_document(page, "cosmetic"))
    assert quotation.attributed
    assert quotation.verdict is QuoteVerdict.VERBATIM, quotation.note
    assert quotation.divergences == ()


def test_a_block_quotation_ending_in_a_footnote_marker_is_verbatim(reference: Document) -> None:
    """A raised footnote number is the page's note, not a number the quotation claims."""
    paragraph = next(p for p in reference.text.split("\n\n") if p.startswith("The DPRK, by way"))
    first = paragraph.split(". ")[0] + "."
    page = (
        f"Point 3 of the statement reads in part:\n\n    {first}\u00b9\u00b3\n\nIt is striking.\n"
    )
    quotations = check_quotes(reference, make_document(page, "noted"))
    assert [q.verdict for q in quotations] == [QuoteVerdict.VERBATIM]


_LINES = (
    "The Parties confirm that the DPRK’s justified concerns should be respected.",
    "Russia and China are against the deployment of the said systems.",
)


@pytest.mark.parametrize(
    ("page", "suffix"),
    [
        ("The two lines that matter:\n\n> 1. {0}\n> 2. {1}\n\nBoth were old news.\n", ".md"),
        ("The two lines that matter:\n\n> - {0}\n> - {1}\n\nBoth were old news.\n", ".md"),
        (
            "<p>The two lines that matter:</p><blockquote><ol><li>{0}</li><li>{1}</li></ol>"
            "</blockquote><p>Both were old news.</p>",
            ".html",
        ),
        (
            "The two lines of the statement that matter:\n\n1. {0}\n2. {1}\n\n"
            "Both were old news.\n",
            ".txt",
        ),
    ],
)
def test_a_list_set_out_as_one_block_quotes_each_of_its_items(
    reference: Document, tmp_path: Path, page: str, suffix: str
) -> None:
    """A list of two sentences from different points, set out as one block quotation and
    numbered by the page (1, 2), is two verbatim quotations; as one quotation it was "not
    in the reference", for a reversed position and a recombination."""
    path = tmp_path / f"listed{suffix}"
    path.write_text(page.format(*_LINES), encoding="utf-8")
    quotations = Analyser.of(reference).source(load_page(path)).quotes
    assert [(q.text, q.verdict, q.attributed) for q in quotations] == [
        (line, QuoteVerdict.VERBATIM, True) for line in _LINES
    ]


def test_a_list_numbered_by_the_statement_s_own_numbers_keeps_them(reference: Document) -> None:
    """Points 2 and 5 quoted with their numbers: the numbers are the statement's; a list
    of them is no list of the page's own (1, 2 ...), so they stay in the quotations."""
    two, five = _paragraph(reference, "2. The Parties"), _paragraph(reference, "5. The Parties")
    page = f"The statement said:\n\n{two}\n{five}\n"
    quotations = check_quotes(reference, make_document(page, "points"))
    assert [(q.text, q.verdict) for q in quotations] == [
        (two, QuoteVerdict.VERBATIM),
        (five, QuoteVerdict.VERBATIM),
    ]
