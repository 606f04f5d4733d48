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


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("“", "”"),
        ('"', '"'),
        ("« ", " »"),
        # the quoter's cut of the sentence's head before the lowered capital
        ("“...", "”"),
        ("“… ", "”"),
        ('"[...] ', '"'),
    ],
)
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


MORATORIUM = "The DPRK, by way of a voluntary political decision, announces a moratorium"


@pytest.mark.parametrize(
    ("cue", "opening", "closing"),
    [
        ("The statement said that", '"', '"'),
        ("The document says", "“", "”"),
        ("According to the statement,", "« ", " »"),
    ],
)
@pytest.mark.parametrize(
    "change", [("voluntary", "deliberate"), ("moratorium", "pause"), ("political", "unilateral")]
)
def test_an_altered_quotation_lists_no_case_for_its_first_word(
    reference: Document, cue: str, opening: str, closing: str, change: tuple[str, str]
) -> None:
    """The same quoting convention holds for a quotation's own divergences."""
    start = reference.text.index(MORATORIUM)
    sentence = reference.text[start : reference.text.index(".", start) + 1].rstrip(".")
    words = "t" + sentence[1:].replace(*change)
    page = f"Ministers met on Tuesday. {cue} {opening}{words}{closing}. Nobody replied.\n"
    source = analyse(reference, [make_document(page, "altered")]).sources[0]
    altered = [q for q in source.quotes if q.verdict == "altered"]
    assert len(altered) == 1
    kinds = [d.kind for d in altered[0].divergences]
    assert Kind.SUBSTITUTION in kinds
    assert Kind.CASE not in kinds
