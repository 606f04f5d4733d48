"""A paraphrase's stance word and intensifier are not words borrowed from elsewhere.

"Recombination" evidence (`claims.borrowed`) counts the statement's distinctive words a
quotation takes from other passages. "The two sides firmly oppose the deployment of the
THAAD system" renders "Russia and China are against the deployment of the said
systems": "oppose" says what "against" says there, and "firmly" only stresses it, though
the statement uses both words elsewhere ("oppose any statements", "firmly aimed").
A reversed stance is read against the passage and the neighbours that share its subject
(the deployment), never a neighbour about something else.
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
        "denounce the deployment of the THAAD systems in the region",
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
        # opposing by what one does: a veto, a block
        "will veto fresh sanctions against Pyongyang",
        "will block any new embargo resolution in the Security Council",
    ],
)
def test_a_stance_on_something_the_statement_never_mentions_is_not_in_it(
    reference: Document, quoted: str
) -> None:
    page = f'The two sides "{quoted}," the joint statement said on Tuesday.\n'
    (quotation,) = check_quotes(reference, make_document(page, "new-object"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("never" in u for u in quotation.unsaid), quotation.unsaid


@pytest.mark.parametrize(
    ("quoted", "added"),
    [
        (
            "renounce provocative moves or bellicose rhetoric and stop all military drills",
            "and stop all military drills",
        ),
        (
            "once every foreign soldier has left, the conflicting parties begin talks and "
            "assert common principles of their relations",
            "once every foreign soldier has left,",
        ),
    ],
)
def test_the_statements_words_with_an_invented_addition_are_altered(
    reference: Document, quoted: str, added: str
) -> None:
    """A clause of the statement word for word, with words it does not have run on to it:
    the quotation is altered, and the added words are an insertion, not a paraphrase."""
    page = f'The statement calls on the sides to "{quoted}".\n'
    (quotation,) = check_quotes(reference, make_document(page, "added"))
    assert quotation.verdict is QuoteVerdict.ALTERED, quotation.note
    assert [d.copy_text.strip() for d in quotation.divergences] == [added]


def test_an_addition_that_makes_a_claim_is_not_what_the_statement_says(
    reference: Document,
) -> None:
    """Words run on to the statement's that make a claim of their own (here an obligation
    without conditions) are judged as a close match's changes are: the statement does not
    say this. Before, any addition was an insertion in an altered quotation."""
    quoted = (
        "a complex resolution of all problems, including the nuclear issue, through the "
        "unconditional surrender of Washington's allies"
    )
    page = f'The statement calls on the sides to "{quoted}".\n'
    (quotation,) = check_quotes(reference, make_document(page, "added"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("unconditional" in u for u in quotation.unsaid), quotation.unsaid


def test_a_paraphrase_ending_in_the_statements_words_stays_a_paraphrase(
    reference: Document,
) -> None:
    page = (
        'The statement wants all countries concerned "to stay calm, drop threats and show '
        'readiness for dialogue without preconditions".\n'
    )
    (quotation,) = check_quotes(reference, make_document(page, "paraphrase"))
    assert quotation.verdict is QuoteVerdict.PARAPHRASE, quotation.note


@pytest.mark.parametrize(
    "quoted",
    [
        "consider this statement in harmony with the relevant UN Security Council resolutions",
        "regard the announcement as acceptable and in harmony with the Council's resolutions",
    ],
)
def test_dis_negated_in_the_statement_asserted_plainly_is_not_in_it(
    reference: Document, quoted: str
) -> None:
    """The statement finds the DPRK's statement "in disharmony" with the resolutions; "in
    harmony" reverses it. Only "un-" and "non-" were read as negations, so a close
    rendering with "harmony" passed as altered. "dis-" negates only words it is known to
    ("disharmony", "disagree"), not "display" or "discover"."""
    page = f'The joint statement says the Parties "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "harmony"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("negates" in u for u in quotation.unsaid), quotation.unsaid


def test_a_neighbouring_sentence_s_stance_is_not_the_passage_s(reference: Document) -> None:
    # The nearest passage (the joint initiative) follows a sentence opposing escalation;
    # backing the initiative reverses nothing there, whatever else the verdict finds.
    page = (
        'The declaration calls on other nations "to back the joint initiative, which offers '
        'a true road to solving the problems of the Korean peninsula".\n'
    )
    (quotation,) = check_quotes(reference, make_document(page, "neighbour"))
    assert not any("reversed position" in u for u in quotation.unsaid), quotation.unsaid


@pytest.mark.parametrize(
    "quoted",
    [
        "are paying insufficient attention to the maintenance of the international and "
        "regional balance and stability",
        "intend to continue making efforts to facilitate the imbalanced removal of the "
        "existing concerns via dialogue",
        "are firmly aimed at a comprehensive and full implementation of the irrelevant UN "
        "Security Council resolutions",
    ],
)
def test_in_and_un_added_to_the_statements_word_reverse_it(
    reference: Document, quoted: str
) -> None:
    """ "Insufficient" for the statement's "sufficient", "imbalanced" for "balanced",
    "irrelevant" for "relevant": a prefix of the "in-" family negates the word it is made
    of, as "un-" does. Close renderings that turn the statement round were altered."""
    page = f'The joint statement says the two countries "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "prefix"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note


@pytest.mark.parametrize("faint", ["scant", "little", "hardly any", "barely any", "scarcely any"])
def test_a_faint_quantity_for_the_statements_is_a_negation(reference: Document, faint: str) -> None:
    """ "Paying scant attention" says the parties neglect what the statement says they
    attend to: a quantity word that means "almost none" is a negation, like "no"."""
    page = (
        f'The joint statement says the two countries are "paying {faint} attention to the '
        'maintenance of the international and regional balance and stability."\n'
    )
    (quotation,) = check_quotes(reference, make_document(page, "faint"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("negation" in u for u in quotation.unsaid), quotation.unsaid


@pytest.mark.parametrize("kept", ["a little more", "close", "particular"])
def test_attention_of_another_degree_is_no_negation(reference: Document, kept: str) -> None:
    page = (
        f'The joint statement says the two countries are "paying {kept} attention to the '
        'maintenance of the international and regional balance and stability."\n'
    )
    (quotation,) = check_quotes(reference, make_document(page, "degree"))
    assert quotation.verdict is QuoteVerdict.ALTERED, quotation.note


@pytest.mark.parametrize(
    "quoted",
    [
        "are not seriously worried by the Democratic People’s Republic of Korea (DPRK)’s "
        "statement of July 4, 2017 about a ballistic missile launch",
        "The Parties are not worried by the DPRK’s statement of July 4, 2017",
        "are in no way worried by the DPRK’s statement about a ballistic missile launch",
        # a contracted negation is one word: "aren't" was no negation at all
        "the Parties aren’t worried by the DPRK’s statement of July 4, 2017",
    ],
)
def test_a_negation_is_not_excused_by_another_the_passage_says_elsewhere(
    reference: Document, quoted: str
) -> None:
    """The passage calls the DPRK's statement "unacceptable" after the words "statement
    ... missile launch"; a quotation keeping those words was taken to render that negation
    with its "not", though its "not" negates "worried"."""
    page = f'The joint statement says "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "worried"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("negation" in u for u in quotation.unsaid), quotation.unsaid


@pytest.mark.parametrize(
    "quoted",
    [
        "consider this statement not acceptable and in disharmony with the relevant UN "
        "Security Council resolutions",
        "any possibility of using military means to solve the problems of the Korean "
        "Peninsula should not be an option",
    ],
)
def test_a_negation_that_renders_the_passage_s_stays_altered(
    reference: Document, quoted: str
) -> None:
    page = f'The joint statement says the Parties "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "rendered"))
    assert quotation.verdict is QuoteVerdict.ALTERED, quotation.note


@pytest.mark.parametrize(
    "quoted",
    [
        "express support for the deployment of THAAD antimissile systems",
        "call on the international community to support any military presence of "
        "extra-regional forces in Northeast Asia",
    ],
)
def test_a_splice_that_puts_support_on_what_the_statement_opposes_is_not_in_it(
    reference: Document, quoted: str
) -> None:
    """Two verbatim stretches joined: the head's "express support for" (the inter-Korean
    dialogue) on the tail's "the deployment of THAAD ...", which the statement opposes.
    A splice was altered (a cut, an omission) whatever the cut did to the stance."""
    page = f'The joint statement says the Parties "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "splice"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("reversed position" in u for u in quotation.unsaid), quotation.unsaid


def test_a_splice_that_keeps_the_stance_stays_altered(reference: Document) -> None:
    page = (
        'The joint statement says the Parties "are against any military presence of '
        "extra-regional forces in Northeast Asia and call on the relevant countries to "
        'immediately stop and cancel the deployment process."\n'
    )
    (quotation,) = check_quotes(reference, make_document(page, "splice kept"))
    assert quotation.verdict is QuoteVerdict.ALTERED, quotation.note


@pytest.mark.parametrize(
    "quoted",
    [
        "are against the deployment of the said systems and will recall their ambassadors "
        "from Washington",
        "are firmly aimed at the denuclearisation of the Korean Peninsula and the departure "
        "of all American bases from Northeast Asia",
        "call on the relevant countries to immediately stop and cancel the deployment process "
        "and to compensate Pyongyang",
        # "the Korean Peninsula" in the passage names no party: the DPRK is brought in
        "will closely coordinate their efforts in order to isolate the DPRK economically",
    ],
)
def test_words_run_on_that_bring_in_a_party_are_not_in_the_statement(
    reference: Document, quoted: str
) -> None:
    """The statement's words, then the quoter's about a party the passage never names
    (by any of its names): the added words make a claim about that party. Before, they
    were an insertion in an altered quotation."""
    page = f'The joint statement says the Parties "{quoted}."\n'
    (quotation,) = check_quotes(reference, make_document(page, "run on"))
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note
    assert any("never names" in u for u in quotation.unsaid), quotation.unsaid
