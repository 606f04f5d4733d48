"""A copy a scraper stored JSON-escaped ("\\u2019" for the apostrophe) and a page printed
as it was: the escapes are the reference's characters damaged in transit, as an e-mail's
quoted-printable ones are (minor), and their hex digits are no numbers the quotation
adds (audit l32: each escape was a material substitution, and the block quotation "not
in the statement" for "a number (01)")."""

from __future__ import annotations

from conftest import make_document

from provenance.analyse import analyse
from provenance.kinds import JSON_ESCAPED, kind_of
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
