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
from provenance.model import Document, Kind


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
