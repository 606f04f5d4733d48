"""A copy a scraper stored JSON-escaped ("\\u2019" for the apostrophe) and a page printed
as it was: the escapes are the reference's characters damaged in transit, as an e-mail's
quoted-printable ones are (minor), and their hex digits are no numbers the quotation
adds (audit l32: each escape was a material substitution, and the block quotation "not
in the statement" for "a number (01)")."""

from __future__ import annotations

from conftest import make_document

from provenance.analyse import analyse
from provenance.kinds import ENTITY_ESCAPED, JSON_ESCAPED, kind_of
from provenance.model import Document, Kind, Severity
from provenance.quotes.verdicts import QuoteVerdict


def test_an_escaped_apostrophe_is_a_minor_slip() -> None:
    assert kind_of("Peninsula’s", "Peninsula\\u2019s") == (Kind.SUBSTITUTION, JSON_ESCAPED)
    assert kind_of("“double freezing”", "\\u201cdouble freezing\\u201d")[1] == JSON_ESCAPED
    assert kind_of("Peninsula’s", "Peninsula\\u0061s")[1] != JSON_ESCAPED  # another character


def test_a_json_escaped_block_is_the_statement_with_minor_rows(reference: Document) -> None:
    six = next(
        p
        for p in reference.text.split("\n\n")
        if p.startswith("The Parties confirm that the deployment")
    )
    escaped = six.replace("’", "\\u2019")
    assert escaped != six
    page = f"Debug log.\n\nThe statement, as our scraper stored it:\n\n{escaped}\n\nFixed.\n"
    source = analyse(reference, [make_document(page, "log")]).sources[0]
    assert [d.severity for d in source.divergences] == [Severity.MINOR]
    assert all(q.verdict is not QuoteVerdict.NOT_IN_REFERENCE for q in source.quotes)


def test_html_entities_pasted_raw_into_plain_text_are_minor_slips(reference: Document) -> None:
    """ "People&#8217;s" in a plain-text copy: an HTML page's entities pasted as written.
    Each was a material substitution, "different words" (audit v29)."""
    assert kind_of("People’s", "People&#8217;s") == (Kind.SUBSTITUTION, ENTITY_ESCAPED)
    assert kind_of("“double freezing”", "&ldquo;double freezing&rdquo;")[1] == ENTITY_ESCAPED
    one = next(p for p in reference.text.split("\n\n") if p.startswith("1."))
    page = "Copied from the ministry page\n\n" + one.replace("’", "&#8217;") + "\n"
    source = analyse(reference, [make_document(page, "copied")]).sources[0]
    assert {d.severity for d in source.divergences} == {Severity.MINOR}
