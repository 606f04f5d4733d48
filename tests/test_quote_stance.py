"""A paraphrase's stance word and intensifier are not words borrowed from elsewhere.

"Recombination" evidence (`claims.borrowed`) counts the statement's distinctive words a
quotation takes from other passages. "The two sides firmly oppose the deployment of the
THAAD system" renders "Russia and China are against the deployment of the said
systems": "oppose" says what "against" says there, and "firmly" only stresses it, though
the statement uses both words elsewhere ("oppose any statements", "firmly aimed").
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.verdicts import QuoteVerdict, check_quotes


@pytest.mark.parametrize(
    "quoted",
    [
        "firmly oppose the deployment of the THAAD anti-missile system in Northeast Asia",
        "resolutely oppose the deployment of THAAD systems and want it stopped at once",
        "strongly object to the deployment of the THAAD batteries in the region",
    ],
)
def test_a_stressed_stance_the_passage_holds_is_a_paraphrase(
    reference: Document, quoted: str
) -> None:
    page = f'The two sides "{quoted}," the joint statement said on Tuesday.\n'
    (quotation,) = check_quotes(reference, make_document(page, "stance"))
    assert quotation.attributed
    assert quotation.verdict is QuoteVerdict.PARAPHRASE, quotation.note


def test_a_reversed_stance_is_still_not_in_the_statement(reference: Document) -> None:
    page = (
        'The two sides "firmly support the deployment of the THAAD anti-missile system '
        'in Northeast Asia," the joint statement said on Tuesday.\n'
    )
    (quotation,) = check_quotes(reference, make_document(page, "reversed"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note


@pytest.mark.parametrize(
    "quoted",
    [
        "firmly oppose any unilateral sanctions against the DPRK",
        "support the lifting of trade embargoes on Pyongyang",
        "are against naval blockades in the Yellow Sea",
    ],
)
def test_a_stance_on_something_the_statement_never_mentions_is_not_in_it(
    reference: Document, quoted: str
) -> None:
    page = f'The two sides "{quoted}," the joint statement said on Tuesday.\n'
    (quotation,) = check_quotes(reference, make_document(page, "new-object"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("never" in u for u in quotation.unsaid), quotation.unsaid
