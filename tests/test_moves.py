"""moves.furniture.interruption: which inserted text is foreign material, and how serious it is."""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.analyse import analyse
from provenance.model import Document, Severity, Span
from provenance.moves.furniture import interruption

VOCABULARY = frozenset({"parties", "consultations", "situation", "northeast", "asia", "korean"})


def _verdict(before: str, inserted: str, after: str) -> Severity | None:
    text = before + inserted + after
    found = interruption(
        text,
        Span(len(before), len(before) + len(inserted)),
        frozenset({"Weekly notes of the study group"}),
        VOCABULARY,
    )
    return None if found is None else found[0]


@pytest.mark.parametrize(
    ("inserted", "expected"),
    [
        ("\n\f\n7\n\n", Severity.COSMETIC),  # form feed and page number
        ("\n\nPage 7 of 12\n\n", Severity.COSMETIC),
        ("\n\n- 7 -\n\n", Severity.COSMETIC),
        ("\n\nWeekly notes of the study group\n\n", Severity.COSMETIC),  # repeated header
        ("\n\nRead more: Talks stall again\nWhy it matters\n\n", Severity.COSMETIC),
        ("\n\nADVERTISEMENT\n\n", Severity.COSMETIC),
        ("\n\nPhoto: the ministers before their talks.\n\n", Severity.MINOR),
        ("\n\nTalks stall again\nWhy it matters\n\n", Severity.MINOR),  # not sentences
        ("\n\nThe tram line will open to passengers in the autumn.\n\n", Severity.MINOR),
        ("\n\nThe Parties will hold consultations on the situation in Northeast Asia.\n\n", None),
        (" The Parties believe the tram will open in autumn.", None),  # inline: an insertion
    ],
)
def test_interruption_between_sentences(inserted: str, expected: Severity | None) -> None:
    assert _verdict("The Parties state the following.", inserted, "Russia and China agree.") is (
        expected
    )


def test_material_cutting_a_sentence_is_foreign() -> None:
    verdict = _verdict(
        "The Parties state", "\n\nThe tram line opens in autumn.\n\n", "the following."
    )
    assert verdict is Severity.MINOR


def test_a_sentence_with_no_line_of_its_own_is_an_insertion() -> None:
    assert _verdict("The Parties state", " and firmly repeat", " the following.") is None


@pytest.mark.parametrize(
    ("line", "kind", "severity"),
    [
        ("The rest of the statement follows.", "interruption", "minor"),
        (
            "17:31\n\nThe ministries have just published their joint statement. The first part:",
            "interruption",
            "minor",
        ),
        ("The full text continues below.", "interruption", "minor"),
        # The authors' own voice, invented: still an insertion into the statement.
        (
            "The Parties published this statement to warn the United States.",
            "insertion",
            "material",
        ),
    ],
)
def test_the_pages_own_line_about_the_text_inside_a_copy_is_an_interruption(
    reference: Document, line: str, kind: str, severity: str
) -> None:
    """A line of the page between two paragraphs of the copy that speaks about the text
    it carries is the page's framing, not words added to the statement (before, one
    naming the statement was a material insertion: it shares the statement's words)."""
    paragraphs = reference.text.split("\n\n")
    capture = make_document("\n\n".join([*paragraphs[11:13], line, *paragraphs[13:]]))
    analysed = analyse(reference, [capture]).sources[0]
    assert len(analysed.passages) == 1
    assert [(d.kind.value, str(d.severity)) for d in analysed.divergences] == [(kind, severity)]
