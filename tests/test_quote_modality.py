"""A quotation that binds or commits where the statement advises is not in it.

The statement proposes, urges and says what "should" be done; a party's step it calls "a
voluntary political decision". A page quoting it as saying a party "is required to" act,
"has no choice but" to, must take the voluntary step, or "will" do what the statement
says it should, makes a duty or a promise of a recommendation (`claims.new_compulsion`,
`claims.new_commitments`). "Must" alone is left to the rest of the checks: the statement
says it too, and a translator may render "should" by it.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.verdicts import QuoteVerdict, check_quotes


@pytest.mark.parametrize(
    ("quoted", "unsaid"),
    [
        ("the countries concerned are obligated to keep calm and drop bellicose rhetoric",
         "obligation (are obligated to)"),
        ("the relevant countries are legally required to halt and cancel the deployment",
         "obligation (are legally required to)"),
        ("Washington and Seoul have no alternative but to refrain from large-scale joint "
         "exercises", "obligation (have no alternative but)"),
        ("the DPRK has to announce a moratorium on ballistic missile tests",
         "obligation (has to announce)"),
        ("the United States and the Republic of Korea shall accordingly refrain from "
         "large-scale joint exercises", "possibility (shall accordingly refrain)"),
        ("the justified concerns of the DPRK will be respected",
         "possibility (will be respected)"),
        # agreed or promised, where the statement says should, or calls on them to
        ("Washington and Seoul have already agreed to refrain from large-scale joint "
         "exercises", "possibility (have already agreed to refrain)"),
        ("the relevant countries have undertaken to immediately stop the deployment process",
         "possibility (have undertaken to immediately stop)"),
        # the parties' demand where they urge; a possibility where the statement advises
        ("Moscow and Beijing demand that all countries concerned keep calm",
         "obligation (demand that)"),
        ("Russia and China require Washington and Seoul to refrain from large-scale joint "
         "exercises", "obligation (require washington)"),
        ("any possibility of using military means to solve the problems might be ruled out",
         "possibility (might be ruled)"),
    ],
)  # fmt: skip
def test_a_duty_or_a_promise_is_not_in_the_statement(
    reference: Document, quoted: str, unsaid: str
) -> None:
    page = f'The joint statement, Moscow and Beijing said, holds that "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "modality"))
    assert quotation.attributed
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any(unsaid in u for u in quotation.unsaid), quotation.unsaid


@pytest.mark.parametrize(
    "quoted",
    [
        "other states must make relevant efforts to get the talks going again",
        "the use of military means to solve the peninsula's problems must never be an option",
        "Russia and China will closely coordinate their efforts for a comprehensive settlement",
        "the parties should show readiness for unconditional dialogue",
        # the situation, not the parties, demands it: the statement's tension "calls on"
        "the mounting tension, fraught with an armed conflict, demands that the "
        "international community adopt collective measures",
    ],
)
def test_the_statements_own_must_will_and_conditions_are_no_new_duty(
    reference: Document, quoted: str
) -> None:
    page = f'The joint statement, Moscow and Beijing said, holds that "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "modality"))
    assert not any("obligation" in u or "commitment" in u for u in quotation.unsaid), (
        quotation.unsaid
    )
