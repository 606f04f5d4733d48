"""A paraphrase naming a party as a newsroom does ("Pyongyang", "North Korea",
"Washington", "Seoul") is still a paraphrase of the statement, which says "the DPRK",
"the United States" and "the Republic of Korea".

Such a name is neither the statement's word nor a word it never uses: it is left out of
the quotation's words when the nearest passage is chosen and scored (`Lexicon.query`).
Scored as a word the statement never uses, it outweighed the rest, and a faithful
rendering was "not in the statement"; scored as the statement's own name, it lifted an
invented claim ("blames Washington") over the bar. A capital after "in" is a place, and
"North Korea" is the DPRK when the checks ask which parties a passage names.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.ladder import _index
from provenance.quotes.verdicts import QuoteVerdict, check_quotes


@pytest.mark.parametrize(
    "quoted",
    [
        "Pyongyang, Seoul and Washington should keep calm and drop provocative steps",
        "Seoul and Washington ought to stop their large joint manoeuvres",
        "Pyongyang should freeze its tests while Seoul and Washington hold off on big exercises",
        # where, not who: the statement's passage names no Korea, and need not
        "Washington's THAAD battery in South Korea damages the security of the region's states",
    ],
)
def test_a_rendering_naming_parties_by_their_capitals_is_a_paraphrase(
    reference: Document, quoted: str
) -> None:
    page = f'Moscow and Beijing said in their joint statement that "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "capitals"))
    assert quotation.attributed
    assert quotation.verdict is QuoteVerdict.PARAPHRASE, quotation.note


@pytest.mark.parametrize(
    "quoted",
    [
        "holds Washington responsible for the crisis",
        "the two countries will open a joint consulate in Pyongyang next spring",
        "North Korea must be compensated for every sanction imposed on it",
    ],
)
def test_an_invented_claim_naming_parties_so_is_not_in_the_statement(
    reference: Document, quoted: str
) -> None:
    page = f'According to the joint statement, the two sides "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "invented"))
    assert quotation.attributed
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note


def test_a_capital_after_in_is_a_place_not_its_state(reference: Document) -> None:
    lexicon = _index(reference).lexicon
    assert lexicon.without_other_names("talks in Beijing with Washington") == (
        "talks in Beijing with "
    )
    assert "us" in lexicon.without_other_names("they told us")


@pytest.mark.parametrize(
    "quoted",
    [
        # the statement's own words, with its act given to a party its sentence never names
        "the United States has agreed to adopt the necessary measures to protect the two "
        "countries' security interests",
        "the Republic of Korea's justified concerns should be respected",
        # its sentence names the DPRK by its full name, whose last words spell this one
        "the Republic of Korea considers this statement unacceptable and in disharmony with "
        "the relevant UN Security Council resolutions",
    ],
)
def test_the_statements_words_given_to_another_party_are_not_in_it(
    reference: Document, quoted: str
) -> None:
    page = f'The joint statement says that "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "actor"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("whom its passage never names" in u for u in quotation.unsaid)


@pytest.mark.parametrize(
    "quoted",
    [
        # what the words are about, not who acts: a close rendering may say so
        "comprehensive and full implementation of the UN Security Council resolutions on the DPRK",
        "Russia and China will closely coordinate their efforts for a comprehensive solution "
        "of the Korean Peninsula's problems #DPRK",
        "seriously worried by the Democratic People’s Republic of Korea’s statement of July 4 "
        "about a ballistic missile launch",
    ],
)
def test_a_party_after_a_preposition_or_as_a_hashtag_is_no_new_actor(
    reference: Document, quoted: str
) -> None:
    page = f'The joint statement says that "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "about"))
    assert not any("whom its passage never names" in u for u in quotation.unsaid), quotation.unsaid
