"""A quotation that has the statement perform an act it never names is not in it.

Recognising a state's nuclear status, demanding a withdrawal of troops, imposing
sanctions: the statement does none of these, but a quotation that has it do so shares
enough of its words ("the DPRK", "nuclear", "talks") to pass as a paraphrase, and one
that adds the act to the statement's own words passed as altered. Renderings in other
words that add no act stay paraphrases.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.verdicts import Quotation, QuoteVerdict, check_quotes


def _attributed(reference: Document, page: str) -> Quotation:
    quotations = check_quotes(reference, make_document(page + "\n", "acts"))
    (quotation,) = [q for q in quotations if q.attributed]
    return quotation


@pytest.mark.parametrize(
    ("page", "act"),
    [
        (
            "The joint statement says the Parties “will recognise the DPRK as a "
            "nuclear-weapon state once talks are under way”.",
            "recognise",
        ),
        (
            "According to the document, the ministries “call for the withdrawal of American "
            "troops from the south of the peninsula”.",
            "withdrawal",
        ),
        (
            "The text says Russia and China “will push for fresh sanctions on the DPRK in "
            "the Security Council”.",
            "sanctions",
        ),
        # done to a party's forces, words the statement has: still the quotation's own act
        (
            "The statement says: “The Parties seek the withdrawal of United States forces "
            "from Northeast Asia.”",
            "withdrawal",
        ),
        # acts that are the quotation's own by what they are done to
        (
            "The statement says “Russia and China will protect the DPRK’s nuclear programme”.",
            "protect",
        ),
        (
            "The statement says the Parties “will jointly guarantee Pyongyang’s security”.",
            "guarantee",
        ),
        (
            "The statement says the Parties “urge the DPRK to immediately abandon its nuclear "
            "weapons”.",
            "abandon",
        ),
        ("The statement says Russia and China “will block any UN action”.", "block"),
        # the statement's own words with the act added: was altered
        (
            "The statement says “the DPRK’s justified concerns should be respected and its "
            "nuclear programme recognised”.",
            "recognised",
        ),
    ],
)
def test_an_act_the_statement_never_names_is_not_in_it(
    reference: Document, page: str, act: str
) -> None:
    quotation = _attributed(reference, page)
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert f"an act ({act}) the statement never names" in quotation.unsaid


@pytest.mark.parametrize(
    "page",
    [
        "The statement says the two countries “will work closely together to find a "
        "comprehensive solution to the problems of the Korean Peninsula, nuclear issue "
        "included”.",
        "The joint statement urges everyone “to keep calm, give up provocative actions and "
        "warlike rhetoric, and show readiness for talks without preconditions”.",
    ],
)
def test_a_rendering_that_adds_no_act_stays_a_paraphrase(reference: Document, page: str) -> None:
    quotation = _attributed(reference, page)
    assert quotation.verdict is QuoteVerdict.PARAPHRASE, quotation.note


@pytest.mark.parametrize(
    "page",
    [
        # "recognise that" renders "confirm that"
        "The text reads: “The Parties recognise that the DPRK’s justified concerns should be "
        "respected.”",
        # withdrawing what the statement cancels renders "cancel"
        "The statement asks the relevant countries “to immediately stop and withdraw the "
        "deployment process”.",
        # "without delay" renders "immediately"; no negation
        "The statement asks them “to stop and cancel the deployment process without delay”.",
        # protecting its authors' or the region's interests is the statement's own act
        "The statement says the Parties “will protect the security interests of regional states”.",
    ],
)
def test_an_act_word_that_renders_the_statements_is_no_invention(
    reference: Document, page: str
) -> None:
    """Found by a hunt for false findings of the act and opposite rules: each was
    not-in-reference ("an act (recognise) ...", "a negation (without) ...")."""
    quotation = _attributed(reference, page)
    assert quotation.verdict in (QuoteVerdict.ALTERED, QuoteVerdict.PARAPHRASE), quotation.unsaid
