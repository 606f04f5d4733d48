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


def _assert_not_in_reference(reference: Document, quoted: str, said: str) -> None:
    """The quotation is not in the statement, and its note says `said` is why."""
    verdict, note = _verdict(reference, quoted)
    assert verdict is QuoteVerdict.NOT_IN_REFERENCE, note
    assert said in note


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
        # the capital of a state the statement never names
        (
            "Tokyo has agreed to adopt the necessary measures to protect the two countries’ "
            "security interests",
            "names Tokyo",
        ),
        (
            "the Parties are seriously worried by the DPRK’s statement of June 4, 2017 about a "
            "ballistic missile launch",
            "June for July",
        ),
        (
            "the Parties are seriously worried by the DPRK’s statement of July 4, 2017 about "
            "two ballistic missile launches",
            "(two)",
        ),
        (
            "do not rule out the possibility of using military means to solve the problems of "
            "the Korean Peninsula",
            "a negation (not)",
        ),
        # its paragraph's number (3) counts nothing
        ("the Russian-proposed three-stage Korean settlement plan", "(three)"),
        # a cardinal the statement writes ("the two countries") counts something new
        (
            "the Parties are seriously worried by the DPRK’s statement about two ballistic "
            "missile launches",
            "a number (two)",
        ),
        # every place, in the statement's own words
        (
            "They are against any military presence of extra-regional forces anywhere in the world",
            "a scope (anywhere, in the world)",
        ),
    ],
)
def test_a_fact_changed_in_the_statement_s_words_is_not_what_it_says(
    reference: Document, quoted: str, said: str
) -> None:
    _assert_not_in_reference(reference, quoted, said)


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
        # a scan's "1" in a word counts nothing
        "the Parties are seriously worried by the DPRK’s statement of July 4, 2017 about a "
        "ballistic missile launch and consider this statement unacceptab1e",
    ],
)
def test_the_same_facts_in_other_names_stay_altered(reference: Document, quoted: str) -> None:
    verdict, note = _verdict(reference, quoted)
    assert verdict is QuoteVerdict.ALTERED, note


@pytest.mark.parametrize(
    ("quoted", "said"),
    [
        (
            "the United States and the Republic of Korea should refrain from all military "
            "exercises",
            "a scope (all)",
        ),
        ("the THAAD deployment harms the security interests of every nation in the world", "every"),
        (
            "Russia and China will coordinate their efforts exclusively on the nuclear question",
            "a scope (exclusively)",
        ),
        (
            "Russia and China will closely coordinate their efforts because of the DPRK’s missile "
            "launch",
            "a cause or consequence (because)",
        ),
        (
            "the joint exercises of the United States and the Republic of Korea provoked the "
            "DPRK’s launch",
            "a cause or consequence (provoked the)",
        ),
        # next to the statement's own "under the pretext of", which excuses only itself
        (
            "the moratorium was proposed as a consequence of Washington's deployment of THAAD",
            "a cause or consequence (as a consequence)",
        ),
    ],
)
def test_a_claim_widened_or_given_a_cause_is_not_what_it_says(
    reference: Document, quoted: str, said: str
) -> None:
    """A rendering in other words that widens the statement's claim to all of something or
    narrows it to one thing, or gives a cause the statement does not state, passed as a
    paraphrase; the statement's words with such a clause run on passed as altered."""
    _assert_not_in_reference(reference, quoted, said)


@pytest.mark.parametrize(
    "quoted",
    [
        "all parties involved to honour the commitments of the 2005 Joint Statement and to "
        "restart the dialogue soon",
        "all sides to keep calm and give up provocative moves and bellicose talk",
        "oppose any military presence of outside forces in Northeast Asia built up under the "
        "pretext of the DPRK’s missile programme",
    ],
)
def test_the_statement_s_own_scope_and_causes_stay_a_paraphrase(
    reference: Document, quoted: str
) -> None:
    verdict, note = _verdict(reference, quoted)
    assert verdict is QuoteVerdict.PARAPHRASE, note


def test_a_stance_on_a_hyphenated_thing_the_statement_names_stays_a_paraphrase(
    reference: Document,
) -> None:
    """ "oppose the build-up of outside military forces" was a position on something the
    statement never mentions: "build-up" was looked up whole, where the statement's words
    are "build" and "up". Its parts count now; "cross-border smuggling" still does not."""
    verdict, note = _verdict(
        reference,
        "they oppose the build-up of outside military forces in Northeast Asia on the pretext "
        "of the North Korean missile programme",
    )
    assert verdict is QuoteVerdict.PARAPHRASE, note
    verdict, note = _verdict(
        reference, "the Parties oppose cross-border smuggling in Northeast Asia"
    )
    assert verdict is QuoteVerdict.NOT_IN_REFERENCE, note


def test_a_mistyped_name_is_the_same_name(reference: Document) -> None:
    """ "Korean Penninsula" was another name the statement never uses (so the paragraph
    copied with a typo was not-in-reference), and, once caught in the statement's own
    words, "another name (Penninsula for Peninsula)". A letter or two mistyped is the same
    name; the quotation is altered."""
    verdict, note = _verdict(
        reference,
        "The Parties express support for the North and the South of the Korean Penninsula to "
        "conduct dialogue and consultations",
    )
    assert verdict is QuoteVerdict.ALTERED, note


@pytest.mark.parametrize(
    "quoted",
    [
        "The Parties opose any statements or moves that might escalate tension",
        "They are aganist any military presence of extra-regional forces in Northeast Asia",
    ],
)
def test_a_mistyped_negation_is_no_negation_dropped(reference: Document, quoted: str) -> None:
    """A slip in the statement's denying word ("opose", "aganist") read as the word left
    out: the quotation "asserts what the statement's passage negates", not-in-reference.
    It is the same word mistyped; the quotation is altered."""
    verdict, note = _verdict(reference, quoted)
    assert verdict is QuoteVerdict.ALTERED, note


@pytest.mark.parametrize(
    "quoted",
    [
        "are paying no attention to the maintenance of the international and regional "
        "balance and stability",
        "are not paying sufficient attention to the maintenance of the international and "
        "regional balance and stability",
    ],
)
def test_a_neighbour_s_negation_excuses_no_negation_put_in(
    reference: Document, quoted: str
) -> None:
    """ "no attention" where the statement pays "sufficient attention" was excused by the
    next sentence's "against any military presence", which shares one common word with
    it ("regional"): a negation excuses the quotation's only in its passage, or in a
    neighbour about the same thing."""
    verdict, note = _verdict(reference, quoted)
    assert verdict is QuoteVerdict.NOT_IN_REFERENCE, note


@pytest.mark.parametrize(
    "quoted",
    [
        "They are against any military presence of the United States in Northeast Asia and "
        "its build-up",
        "The Parties confirm that the deployment of THAAD antimissile systems in Japan is "
        "inflicting serious damage on strategic security interests of regional states",
    ],
)
def test_a_party_put_in_place_of_the_statement_s_words_is_not_what_it_says(
    reference: Document, quoted: str
) -> None:
    """A party the passage never names, put where its words stood ("the United States"
    for "extra-regional forces", "Japan" for "Northeast Asia"), read as a close match
    with a word changed: `altered`. It is another fact: not-in-reference."""
    verdict, note = _verdict(reference, quoted)
    assert verdict is QuoteVerdict.NOT_IN_REFERENCE, note


def test_the_short_name_where_the_statement_writes_it_short_is_no_change(
    reference: Document,
) -> None:
    """A paragraph quoted with a space after its number and its lines wrapped, whose "the
    DPRK" the statement writes short too, was altered by a "material substitution" of
    "DPRK" by "DPRK": the name was written out to match the statement's first use of it.
    It is verbatim but for whitespace."""
    paragraphs = reference.text.split("\n\n")
    third = next(p for p in paragraphs if "“double freezing” (missile" in p)
    wrapped = third.replace("3.The", "3. The").replace(
        " joint initiative, ", " joint initiative,\n"
    )
    page = f"The statement reads:\n\n“{wrapped}”\n"
    (quotation,) = [
        q for q in check_quotes(reference, make_document(page, "wrapped")) if q.attributed
    ]
    assert quotation.verdict is QuoteVerdict.VERBATIM, quotation.note
    assert not quotation.divergences


def test_a_lists_item_numbers_in_a_block_quotation_count_nothing(reference: Document) -> None:
    """The statement's first two points set out as a numbered list after a colon: the
    second item's "2." is the list's number, not "a number the statement's passage does
    not give"; the quotation is altered by its real change, "deeply" for "seriously"."""
    page = (
        "I read the Russia–China joint statement of 4 July. Here are its first two points, "
        "as published:\n\n"
        "1. The Parties are deeply worried by the Democratic People’s Republic of Korea "
        "(DPRK)’s statement of July 4, 2017 about a ballistic missile launch.\n"
        "2. The Parties express serious concern about the development of the situation on "
        "the Korean Peninsula and around it.\n"
    )
    quotations = [q for q in check_quotes(reference, make_document(page, "list")) if q.attributed]
    assert quotations
    assert all(q.verdict is not QuoteVerdict.NOT_IN_REFERENCE for q in quotations), [
        q.unsaid for q in quotations
    ]
