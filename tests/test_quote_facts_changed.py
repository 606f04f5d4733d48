"""A quotation in the statement's own words with one of its facts changed is not what the
statement says: another party put in a party's place (by its capital too, or after a
preposition), another place or month, a count brought in, a negation added to "ruled
out". Each passed as `altered` before, with the changed word as one edit among others.
A party's other name, the authors counted ("the two sides"), and a year moved within its
sentence stay altered.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.verdicts import QuoteVerdict, check_quotes


def _verdict(reference: Document, quoted: str) -> tuple[QuoteVerdict, str]:
    page = f'The statement says "{quoted}".\n'
    (quotation,) = check_quotes(reference, make_document(page, "facts"))
    assert quotation.attributed
    return quotation.verdict, quotation.note


@pytest.mark.parametrize(
    ("quoted", "said"),
    [
        (
            "Seoul has agreed to adopt the necessary measures to protect the two countries’ "
            "security interests",
            "names Seoul",
        ),
        (
            "the Parties are seriously worried by the Republic of Korea’s statement of July 4, "
            "2017 about a ballistic missile launch",
            "puts Korea where",
        ),
        ("This statement was signed on July 4, 2017, in Beijing.", "Beijing for Moscow"),
        (
            "the Parties are seriously worried by the DPRK’s statement of June 4, 2017 about a "
            "ballistic missile launch",
            "June for July",
        ),
        (
            "the Parties are seriously worried by the DPRK’s statement of July 4, 2017 about "
            "two ballistic missile launches",
            "a count (two)",
        ),
        (
            "do not rule out the possibility of using military means to solve the problems of "
            "the Korean Peninsula",
            "a negation (not)",
        ),
    ],
)
def test_a_fact_changed_in_the_statement_s_words_is_not_what_it_says(
    reference: Document, quoted: str, said: str
) -> None:
    verdict, note = _verdict(reference, quoted)
    assert verdict is QuoteVerdict.NOT_IN_REFERENCE, note
    assert said in note


@pytest.mark.parametrize(
    "quoted",
    [
        "the Parties are seriously worried by North Korea’s statement of July 4, 2017 about a "
        "ballistic missile launch",
        "the Parties are seriously worried by Pyongyang’s statement of July 4, 2017 about a "
        "ballistic missile launch",
        "Moscow and Beijing will closely coordinate their efforts in order to promote a complex "
        "solution to the Korean Peninsula’s problems",
        "The two sides are seriously worried by the DPRK’s statement of July 4, 2017 about a "
        "ballistic missile launch",
        "to comply with the commitments formulated in the 2005 Joint Statement",
    ],
)
def test_the_same_facts_in_other_names_stay_altered(reference: Document, quoted: str) -> None:
    verdict, note = _verdict(reference, quoted)
    assert verdict is QuoteVerdict.ALTERED, note
