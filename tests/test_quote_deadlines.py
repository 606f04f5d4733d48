"""A deadline the statement never sets makes a quotation not in it, and says so.

"No later than the end of August", "within six months": the statement sets no date for
anything, so a quotation with one is an invention because of the deadline, named in its
`unsaid` as "by the end of the year" and "until September" are (`claims.new_conditions`).
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.verdicts import QuoteVerdict, check_quotes


@pytest.mark.parametrize(
    ("quoted", "deadline"),
    [
        ("to stop and cancel the deployment process no later than the end of August",
         "no later than"),
        ("to halt and scrap the deployment of the shield, not later than October",
         "not later than"),
        ("to stop and cancel the deployment process by no later than next spring",
         "by no later than"),
        ("to stop and cancel the deployment process within 30 days", "within 30 days"),
        ("to stop and cancel the deployment process within the next six months",
         "within the next six months"),
        ("to stop and cancel the deployment process within a year", "within a year"),
        # a time frame: a season, a month after "before", this or next week or month
        ("to halt the large-scale joint exercises before the autumn", "before the autumn"),
        ("to stop and cancel the deployment process this summer", "this summer"),
        ("to stop and cancel the deployment process before November", "before november"),
        ("to scrap the deployment of the shield next month", "next month"),
        ("to stop and cancel the deployment process by winter", "by winter"),
    ],
)  # fmt: skip
def test_a_deadline_is_what_the_statement_does_not_say(
    reference: Document, quoted: str, deadline: str
) -> None:
    page = f'The statement calls on the relevant countries "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "deadline"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any(f"deadline ({deadline}" in u for u in quotation.unsaid), quotation.unsaid


@pytest.mark.parametrize(
    "quoted",
    [
        "to stop and cancel the deployment process within the region",
        "to work actively together, no later than they can, to defuse tension",
        "to stop and cancel the deployment process, as this month's talks showed",
    ],
)
def test_within_a_place_or_a_loose_phrase_sets_no_deadline(
    reference: Document, quoted: str
) -> None:
    page = f'The statement calls on the relevant countries "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "deadline"))
    assert not any("deadline" in u for u in quotation.unsaid), quotation.unsaid
