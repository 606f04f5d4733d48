"""Whose words a quotation is, when a page reports what the statement says in words the
cue reader did not know: the authors "are saying", "in the words of" the authors, a
writer who says the statement "concedes" or "finds" something, and one who "reported the
statement as saying". Each gave the statement's words to a person (so an invention in
them went unflagged) or to no one.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.verdicts import check_quotes


@pytest.mark.parametrize(
    "page",
    [
        'Moscow and Beijing are saying that the relevant countries should "immediately stop '
        'and cancel the deployment process."\n',
        'In the words of Beijing and Moscow, other states "must make relevant efforts to have '
        'talks resumed."\n',
        'A columnist says the statement acknowledges that "mounting political and military '
        'tension in that region" exists.\n',
        'One editorial says the joint statement found that the deployment "does nothing to help '
        'achieve the aims of the Korean Peninsula’s denuclearisation."\n',
        'A wire service reported the declaration as saying that Russia and China "will closely '
        'coordinate their efforts."\n',
    ],
)
def test_the_statement_s_words_reported_so_are_the_statement_s(
    reference: Document, page: str
) -> None:
    (quotation,) = check_quotes(reference, make_document(page, "reported"))
    assert quotation.attribution is not None and quotation.attribution.speaker == "document", (
        quotation.attribution
    )
    assert quotation.attributed


@pytest.mark.parametrize(
    "page",
    [
        'In the words of a ministry spokesman, the meeting was "frank and useful."\n',
        'Analysts are saying the plan is "dead on arrival."\n',
    ],
)
def test_a_person_in_those_words_still_speaks_for_themselves(
    reference: Document, page: str
) -> None:
    (quotation,) = check_quotes(reference, make_document(page, "person"))
    assert quotation.attribution is not None and quotation.attribution.speaker == "person"


@pytest.mark.parametrize(
    ("page", "speaker"),
    [
        (
            'One agency\'s English version says the statement "was signed in Beijing on July 4".'
            '\n\nOpponents accuse the two ministries of seeking "a permanent end to drills".\n',
            "Opponents",
        ),
        (
            'Lavrov told reporters the text "was a compromise".\n\nSeveral analysts called the '
            'move "a gift to Pyongyang".\n',
            "Several analysts",
        ),
    ],
)
def test_a_paragraph_opening_on_its_own_people_keeps_them_as_its_speaker(
    reference: Document, page: str, speaker: str
) -> None:
    """The paragraph before gave its quotation to a person; a paragraph opening on other
    people, with no cue word the reader knows ("accuse ... of seeking"), went on with that
    person."""
    *_, quotation = check_quotes(reference, make_document(page, "own-people"))
    assert quotation.attribution is not None
    assert quotation.attribution.text.startswith(speaker), quotation.attribution
