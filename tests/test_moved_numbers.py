"""A lost paragraph number is reported where its paragraph stands in the copy.

A copy that drops the points' numbers and moves point 1 after point 2 lacks "1. " before
point 1's words, wherever the copy prints them; the alignment placed the number where the
reference has it, before point 2 (audit l33: three such rows at one offset, sending a
reviewer to the wrong paragraph)."""

from __future__ import annotations

import re

from conftest import make_document

from provenance.analyse import analyse
from provenance.classify import divergence_id
from provenance.model import Document, Kind, Severity


def test_the_number_of_a_moved_paragraph_is_lost_where_that_paragraph_stands(
    reference: Document,
) -> None:
    paragraphs = reference.text.split("\n\n")
    one = next(k for k, p in enumerate(paragraphs) if p.startswith("1."))
    bare = [re.sub(r"^\d\.\s*", "", p) for p in paragraphs[: one + 2]]
    bare[one], bare[one + 1] = bare[one + 1], bare[one]  # point 2, then point 1
    page = "\n\n".join(bare) + "\n"
    source = analyse(reference, [make_document(page, "page")]).sources[0]
    [number] = [
        d
        for d in source.divergences
        if d.kind is Kind.EDITORIAL and d.reference_text.startswith("1.")
    ]
    assert page.startswith(bare[one + 1], number.copy.start)  # at point 1's words
    assert number.id == divergence_id(
        source.document.sha256,
        number.kind,
        number.reference,
        number.copy,
        number.reference_text,
        number.copy_text,
    )
    [two] = [
        d
        for d in source.divergences
        if d.kind is Kind.EDITORIAL and d.reference_text.startswith("2.")
    ]
    assert page.startswith(bare[one], two.copy.start)


def test_the_page_s_own_note_quoting_the_statement_inside_a_copy_is_one_interruption(
    reference: Document,
) -> None:
    """A note line between two paragraphs of a copy, quoting a phrase of the statement,
    was three material insertions cut where its quotation repeats the copy (one of them
    the statement's own words, "words the reference does not have"); the same note
    without the quotation one minor interruption (audit l33). Its quotation is a
    quotation of the statement on the page."""
    paragraphs = reference.text.split("\n\n")
    two = next(k for k, p in enumerate(paragraphs) if p.startswith("2."))
    note = (
        'Note: the call to "demonstrate readiness for dialogue without preconditions" is '
        "the line Washington dislikes most."
    )
    page = "\n\n".join([*paragraphs[: two + 1], note, *paragraphs[two + 1 : two + 3]]) + "\n"
    source = analyse(reference, [make_document(page, "page")]).sources[0]
    at = page.index(note)
    inside = [d for d in source.divergences if d.copy.start < at + len(note) and d.copy.end > at]
    assert [(d.kind, d.severity) for d in inside] == [(Kind.INTERRUPTION, Severity.MINOR)]
    assert [q.verdict.value for q in source.quotes if at <= q.span.start < at + len(note)] == [
        "verbatim"
    ]


def test_a_number_before_a_moved_paragraph_put_in_is_lost_where_its_own_paragraph_is(
    reference: Document,
) -> None:
    """Points 1 and 2 swapped and 1-3 unnumbered: "3." was placed where the moved point 1
    was put in, before point 3's words (audit v30)."""
    paragraphs = reference.text.split("\n\n")
    one = next(k for k, p in enumerate(paragraphs) if p.startswith("1."))
    bare = [re.sub(r"^\d\.\s*", "", p) for p in paragraphs[: one + 3]]
    bare[one], bare[one + 1] = bare[one + 1], bare[one]
    page = "\n\n".join(bare) + "\n"
    source = analyse(reference, [make_document(page, "page")]).sources[0]
    numbers = {
        d.reference_text.strip(): d.copy.start
        for d in source.divergences
        if d.kind is Kind.EDITORIAL and not d.copy
    }
    assert page.startswith(bare[one + 2], numbers["3."])
    assert page.startswith(bare[one + 1], numbers["1."])
