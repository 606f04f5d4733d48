"""A quotation that keeps the statement's words but puts an opposite in place of one says
the reverse of it: not in the statement, however close the rest.

The first landing called these altered, the verdict of a slip or a changed word that
leaves the sense: "the DPRK's justified concerns should be ignored" for "... should be
respected" was altered at 90 similarity, as were "kept open" for "ruled out" and
"pleased" for "worried". An opposite negated ("should not be ignored") renders the
passage, and a swap of words that are no opposites stays altered.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.antonyms import swapped_party, turned
from provenance.quotes.verdicts import QuoteVerdict, check_quotes


@pytest.mark.parametrize(
    ("page", "swap"),
    [
        (
            "Both ministries insisted that “any possibility of using military means to solve "
            "the problems of the Korean Peninsula should be left open”, the text shows.",
            "left open for ruled out",
        ),
        (
            "In its fourth section the declaration holds that “the DPRK’s justified concerns "
            "should be disregarded”.",
            "disregarded for respected",
        ),
        (
            "The joint statement reads: “The Parties are seriously reassured by the Democratic "
            "People’s Republic of Korea (DPRK)’s statement of July 4, 2017 about a ballistic "
            "missile launch.”",
            "reassured for worried",
        ),
        (
            "The statement asks that the United States and the Republic of Korea “should, "
            "accordingly, intensify large-scale joint exercises”.",
            "intensify for refrain",
        ),
        # the statement's words with some left out, the opposite at the end
        (
            "The statement's closing line holds that “any possibility of using military means "
            "should be kept open”.",
            "kept open for ruled out",
        ),
        (
            "Moscow and Beijing, the statement says, “urge all countries concerned to "
            "maintain calm, renounce provocative moves or bellicose rhetoric, demonstrate "
            "readiness for dialogue without preconditions and work actively together to "
            "inflame tension”.",
            "inflame for defuse",
        ),
        # the passage's noun turned into an adjective of the opposite
        (
            "A wire graphic paraphrases point 2 as “The Parties are pleased with the "
            "development of the situation on the Korean Peninsula”.",
            "pleased for concern",
        ),
        # in other words, the opposite and the passage's word on the same object
        (
            "The statement says the parties “should abandon the 2005 commitments”.",
            "abandon for comply",
        ),
    ],
)
def test_an_opposite_in_the_statements_words_is_not_in_the_statement(
    reference: Document, page: str, swap: str
) -> None:
    quotations = check_quotes(reference, make_document(page + "\n", "opposite"))
    (quotation,) = [q for q in quotations if q.attributed]
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any(swap in reason for reason in quotation.unsaid), quotation.unsaid


@pytest.mark.parametrize(
    "page",
    [
        # the opposite negated: the passage in other words
        "The statement says “the DPRK’s justified concerns should not be ignored”.",
        # a changed word that is no opposite: a misquotation, not a reversal
        "The statement says “the DPRK’s justified concerns should be honoured”.",
        "The statement says “any possibility of using military means to solve the problems "
        "of the Korean Peninsula should be excluded”.",
    ],
)
def test_a_changed_word_that_does_not_turn_the_passage_round_is_no_reversal(
    reference: Document, page: str
) -> None:
    quotations = check_quotes(reference, make_document(page + "\n", "kept"))
    (quotation,) = [q for q in quotations if q.attributed]
    assert quotation.verdict is not QuoteVerdict.NOT_IN_REFERENCE, quotation.unsaid
    assert not turned(quotation.text, reference.text)


def test_a_short_negated_opposite_is_a_paraphrase(reference: Document) -> None:
    """ "should not be ignored", three words of a sentence naming the DPRK's justified
    concerns: the statement's "should be respected" in other words. It was not in the
    statement: words it never uses ("ignored")."""
    page = "The statement says the DPRK’s justified concerns “should not be ignored”.\n"
    (quotation,) = check_quotes(reference, make_document(page, "short negated"))
    assert quotation.verdict is QuoteVerdict.PARAPHRASE, quotation.unsaid


def test_the_passage_running_on_past_the_quotation_is_not_read_as_swapped() -> None:
    """The words after the quotation's end in the passage ("... respected. Other states
    must ...") are no swap for the quotation's last word."""
    stretch = "the concerns should be respected. Other states must stop the drills"
    assert turned("the concerns should be respected and upheld", stretch) == []
    assert turned("the concerns should be respected", stretch) == []


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (
            "The joint statement says “Russia and China may closely coordinate their efforts "
            "in order to promote a complex solution to the Korean Peninsula’s problems”.",
            "weakens what the statement's passage says (may for will)",
        ),
        (
            "The declaration opens: “The Parties are mildly worried by the Democratic People’s "
            "Republic of Korea (DPRK)’s statement of July 4, 2017 about a ballistic missile "
            "launch.”",
            "weakens what the statement's passage says (mildly for seriously)",
        ),
        # a quotation of two words, too short to align
        (
            "The document says the Parties are merely “somewhat worried” by the launch.",
            "weakens what the statement's passage says (somewhat for seriously)",
        ),
        # another party put in the place of the passage's, though the passage names it too
        (
            "The statement says “the DPRK and the Republic of Korea should, accordingly, "
            "refrain from large-scale joint exercises”.",
            "puts another party in the statement's passage (DPRK for United States)",
        ),
    ],
)
def test_a_weaker_word_or_another_party_in_the_statements_words_is_not_in_it(
    reference: Document, page: str, reason: str
) -> None:
    """ "may" for "will", "mildly" for "seriously", the DPRK given the United States'
    restraint: each was altered, one changed word among the statement's."""
    quotations = check_quotes(reference, make_document(page + "\n", "weaker"))
    (quotation,) = [q for q in quotations if q.attributed]
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert reason in quotation.unsaid


def test_a_partys_other_name_or_a_place_is_no_swap() -> None:
    stretch = "the United States and the Republic of Korea should refrain; signed in Moscow"
    assert swapped_party("Washington and Seoul should refrain", stretch) == []
    assert swapped_party("should refrain; signed in Beijing", stretch) == []
