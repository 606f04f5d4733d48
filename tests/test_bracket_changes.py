"""A bracket that puts other words in the place of the statement's is a substitution, in a
copy as in a quotation; a gloss of a pronoun, a referring phrase or a party's other name
stays an editor's mark.

"[The United States and its allies] must make relevant efforts" for "Other states must
make relevant efforts" was an editorial mark, minor, in an excerpt, and its quotation
verbatim: the statement's common noun "states" was read as part of the party's name
"United States", so the bracket seemed to keep the word it replaced.
"""

from __future__ import annotations

from conftest import make_document

from provenance.analyse import analyse
from provenance.model import Document, Kind, Severity
from provenance.quotes.verdicts import QuoteVerdict, check_quotes

_EXCERPT = (
    "The Parties confirm that the DPRK’s justified concerns should be respected. {who} "
    "must make relevant efforts to have talks resumed and jointly to create an atmosphere "
    "of peacefulness and mutual trust."
)


def _bracket_rows(reference: Document, who: str) -> list[tuple[Kind, Severity]]:
    page = "A columnist reprinted the passage:\n\n" + _EXCERPT.format(who=who) + "\n"
    (source,) = analyse(reference, [make_document(page, "bracketed")]).sources
    return [(d.kind, d.severity) for d in source.divergences if "[" in d.copy_text]


def test_a_bracket_naming_others_for_the_statements_words_is_a_substitution(
    reference: Document,
) -> None:
    assert _bracket_rows(reference, "[Washington and its allies]") == [
        (Kind.SUBSTITUTION, Severity.MATERIAL)
    ]
    assert _bracket_rows(reference, "[The United States and its allies]") == [
        (Kind.SUBSTITUTION, Severity.MATERIAL)
    ]


def test_a_gloss_stays_an_editors_mark(reference: Document) -> None:
    assert _bracket_rows(reference, "Other [foreign] states") == [(Kind.EDITORIAL, Severity.MINOR)]


def test_sic_after_a_straight_apostrophe_stays_an_editors_mark(reference: Document) -> None:
    """ "the DPRK's [sic] justified" (a straight apostrophe for the curly one, then the
    editor's "[sic]"): the bracket was read as one changing the statement's words, a
    material substitution."""
    page = "A columnist reprinted the passage:\n\n" + _EXCERPT.format(who="Other states")
    page = page.replace("DPRK’s justified", "DPRK's [sic] justified") + "\n"
    (source,) = analyse(reference, [make_document(page, "sic")]).sources
    assert [d.severity for d in source.divergences if "[" in d.copy_text] == [Severity.MINOR]


def test_an_editors_summary_of_a_cut_paragraph_is_an_editors_mark(reference: Document) -> None:
    """ "[...here the Parties set out the principles...]" for a whole paragraph: the editor
    says the words are cut and sums them up, an editorial row, not a bracket changing the
    statement's words."""
    text = reference.text
    start = text.index("The DPRK, by way of")
    end = text.index("\n", start)
    first, last = text.index("3.The Parties"), text.index("\n", text.index("4.The Parties"))
    cut = "[...here the Parties set out the principles of the plan...]"
    page = "Excerpts:\n\n" + text[first:start] + cut + text[end:last] + "\n\nEnd.\n"
    (source,) = analyse(reference, [make_document(page, "summarised")]).sources
    rows = [(d.kind, d.severity) for d in source.divergences if "[" in d.copy_text]
    assert rows == [(Kind.EDITORIAL, Severity.MINOR)]


def test_a_quotation_whose_bracket_names_others_is_altered(reference: Document) -> None:
    page = (
        "The declaration adds that “[the United States and its allies] must make relevant "
        "efforts to have talks resumed”.\n"
    )
    (quotation,) = check_quotes(reference, make_document(page, "bracket quote"))
    assert quotation.verdict is QuoteVerdict.ALTERED, quotation.note
