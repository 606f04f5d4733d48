"""A copy in capitals throughout (a telex, a headline-style paste) is aligned by its words'
lower case, and its capitals are its style, not stress.

By their letters every word of such a copy differed from the reference: one dropped word
made the paragraph one material substitution, and the capitals a material "caps added"
row (audit l32). A copy in ordinary case that sets one paragraph in capitals still
stresses it.
"""

from __future__ import annotations

from conftest import make_document

from provenance.align import align_texts, shouted
from provenance.analyse import analyse
from provenance.model import Document, Kind, Severity


def _point_four(reference: Document) -> str:
    return next(p for p in reference.text.split("\n\n") if p.startswith("4."))


def test_a_word_dropped_from_a_copy_in_capitals_is_an_omission(reference: Document) -> None:
    four = _point_four(reference)
    telex = four.replace("resolutely ", "", 1).upper()
    assert shouted(telex)
    edits = align_texts(four, telex)
    lost = [e for e in edits if e.tag == "delete"]
    assert [e.reference.of(four) for e in lost] == ["resolutely "]
    # every other word is there, in other case: no replacement spans a dropped word
    assert all(e.reference.of(four).upper() == e.copy.of(telex) for e in edits if e.tag != "delete")


def test_a_telex_copy_reports_its_loss_and_no_stress(reference: Document) -> None:
    four = _point_four(reference)
    page = "TELEX 0417/B PRIORITY\nTEXT FOLLOWS\n\n" + four.replace("resolutely ", "").upper()
    source = analyse(reference, [make_document(page + "\n\nENDS\n", "telex")]).sources[0]
    material = [
        (d.kind, d.reference_text) for d in source.divergences if d.severity is Severity.MATERIAL
    ]
    assert material == [(Kind.OMISSION, "resolutely ")]
    assert not source.emphasis
    assert {d.kind for d in source.divergences if d.severity is not Severity.MATERIAL} == {
        Kind.CASE
    }


def test_one_paragraph_in_capitals_inside_an_ordinary_copy_is_still_stress(
    reference: Document,
) -> None:
    paragraphs = reference.text.split("\n\n")
    k = paragraphs.index(_point_four(reference))
    paragraphs[k] = paragraphs[k].upper()
    source = analyse(reference, [make_document("\n\n".join(paragraphs) + "\n", "copy")]).sources[0]
    assert [e.style for e in source.emphasis] == ["caps"]


def test_a_changed_word_in_capitals_is_that_word_alone(reference: Document) -> None:
    """'RESTRAINT' for 'calm' in a copy in capitals was one material substitution of the
    whole clause around it (audit v29): it is the word, the rest case."""
    four = _point_four(reference)
    telex = four.replace("dialogue", "talks", 1).upper()
    edits = [e for e in align_texts(four, telex) if e.tag != "equal"]
    changed = [(e.reference.of(four), e.copy.of(telex)) for e in edits]
    assert ("dialogue", "TALKS") in changed
    assert all(a.upper() == b for a, b in changed if (a, b) != ("dialogue", "TALKS"))
