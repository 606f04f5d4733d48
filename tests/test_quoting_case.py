"""Quoting conventions are not edits of the statement (issue 11, pattern 5).

A page that runs a sentence of the statement into its own prose inside quotation marks
lowers its first capital ("add that “any possibility of using military means …”"), or
raises a lower-case first word to open its own sentence. Where `locate` finds such a
quotation as a passage, that change of case at its first word is the quoting, not the
copy's edit.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.analyse import analyse
from provenance.model import Document, Kind

SENTENCE = (
    "Any possibility of using military means to solve the problems of the Korean Peninsula "
    "should be ruled out."
)


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"'), ("« ", " »")])
def test_a_lowered_first_capital_inside_quotation_marks_is_no_divergence(
    reference: Document, opening: str, closing: str
) -> None:
    assert SENTENCE in reference.text
    quoted = "a" + SENTENCE[1:]
    page = f"The ministers add that {opening}{quoted}{closing} Nobody in Seoul replied.\n"
    source = analyse(reference, [make_document(page, "running")]).sources[0]
    assert len(source.passages) == 1
    assert [d.kind for d in source.divergences] == []


def test_a_lowered_capital_outside_quotation_marks_is_still_reported(
    reference: Document,
) -> None:
    """Without the marks, the lower case is the copy's own change."""
    page = f"The ministers add that {'a' + SENTENCE[1:]} Nobody in Seoul replied.\n"
    source = analyse(reference, [make_document(page, "unquoted")]).sources[0]
    assert [d.kind for d in source.divergences] == [Kind.CASE]
