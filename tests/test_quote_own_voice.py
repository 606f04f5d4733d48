"""A person's own sentence built on the statement's words is theirs, not the statement's.

The prose gives these quotations to someone ("Lavrov said", "a Pentagon spokesman
said"). A person may read the statement out, so a long verbatim or nearly verbatim
match is still the statement's; but a sentence in the speaker's own voice ("We are
against ...") or one changed beyond a slip ("will continue" for "should refrain from")
is what the person says, whatever words it shares with the statement.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.verdicts import QuoteVerdict, check_quotes


@pytest.mark.parametrize(
    "page",
    [
        'Sergei Lavrov said: "We are against the deployment of the said systems in the region."\n',
        'Wang Yi told reporters: "We oppose any statements or moves that might escalate '
        'tension or aggravate the contradictions."\n',
        'A Pentagon spokesman said: "The United States and the Republic of Korea will go on '
        'with large-scale joint exercises."\n',
        '"Our countries are paying sufficient attention to the regional balance and '
        'stability," the Chinese ambassador said.\n',
    ],
)
def test_a_persons_own_sentence_near_the_statements_is_theirs(
    reference: Document, page: str
) -> None:
    (quotation,) = check_quotes(reference, make_document(page, "own"))
    assert not quotation.attributed, quotation.note
    assert quotation.verdict is QuoteVerdict.OTHER


@pytest.mark.parametrize(
    ("page", "verdict"),
    [
        (
            'Lavrov read out the text: "Russia and China are against the deployment of the '
            'said systems," he said.\n',
            QuoteVerdict.VERBATIM,
        ),
        (
            'The minister said: "The Parties confirm that the DPRK’s justified concerns '
            'shuold be respected."\n',
            QuoteVerdict.ALTERED,
        ),
    ],
)
def test_a_person_reading_the_statement_out_still_quotes_it(
    reference: Document, page: str, verdict: QuoteVerdict
) -> None:
    (quotation,) = check_quotes(reference, make_document(page, "read out"))
    assert quotation.attributed, quotation.note
    assert quotation.verdict is verdict
