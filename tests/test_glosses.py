"""A copier's bracketed gloss inside a copy is one editorial insertion.

A gloss often names a party in the statement's own words ("They [Russia and China] are
against"), and those words may run on, with the copy's next words, into a stretch the
statement has elsewhere ("Russia and China are against the deployment"). Square brackets
the statement does not have end a run of the copy: the gloss is the copier's, never the
statement's text moved there.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.analyse import analyse
from provenance.model import Document, Kind, Severity


def _paragraph(reference: Document, opening: str) -> str:
    return next(p for p in reference.text.split("\n\n") if p.startswith(opening))


@pytest.mark.parametrize(
    ("opening", "old", "new"),
    [
        # The gloss and the words after it open a paragraph further on.
        ("6. The Parties confirm", "They are against", "They [Russia and China] are against"),
        # A gloss in words the statement has twice, in another paragraph.
        (
            "Russia and China are against",
            "the relevant countries to",
            "the relevant countries [the United States and the Republic of Korea] to",
        ),
        # A gloss for "the said systems", in the words of the paragraph before.
        (
            "Russia and China are against",
            "the said systems,",
            "the said systems [THAAD antimissile systems in Northeast Asia],",
        ),
    ],
)
def test_a_gloss_in_the_statements_words_is_editorial(
    reference: Document, opening: str, old: str, new: str
) -> None:
    paragraph = _paragraph(reference, opening)
    assert paragraph.count(old) == 1
    copy = paragraph.replace(old, new)
    gloss = new[new.index("[") : new.index("]") + 1]
    page = f"A reader sent us this part of the statement.\n\n{copy}\n\nComments are closed.\n"
    source = analyse(reference, [make_document(page, "gloss")]).sources[0]
    assert len(source.passages) == 1
    found = [(d.kind, d.severity, d.copy_text.strip()) for d in source.divergences]
    assert (Kind.EDITORIAL, Severity.MINOR, gloss) in found
    assert all(d.severity is not Severity.MATERIAL for d in source.divergences), found


def test_a_retranslated_paragraph_does_not_borrow_the_next_ones_opening(
    reference: Document,
) -> None:
    """Five words of another translation can match across a paragraph break of the
    statement ("... the region, Russia and China ..." against "... the region.¶Russia
    and China are against"): a run the copy's words make only by crossing a sentence end
    the copy does not have is chance, not the statement's text moved there."""
    before = _paragraph(reference, "6. The Parties confirm")
    after = _paragraph(reference, "Russia and China are against")
    retranslated = (
        "Both sides state that placing THAAD batteries in Northeast Asia badly hurts the "
        "security of every country in the region, Russia and China not excepted, and brings "
        "neither a nuclear-free peninsula nor a calmer neighbourhood any closer."
    )
    page = f"{before}\n\n{retranslated}\n\n{after}\n"
    source = analyse(reference, [make_document(page, "translated")]).sources[0]
    assert len(source.passages) == 1
    kinds = {d.kind for d in source.divergences}
    assert Kind.REORDERING not in kinds
    opening = page.index(after)
    assert not any(
        d.copy.start <= opening < d.copy.end and d.kind is Kind.INSERTION
        for d in source.divergences
    )


@pytest.mark.parametrize(("opening", "closing"), [("«", "»"), ("“", "”"), ('"', '"')])
def test_a_quotation_after_the_reporters_echo_starts_at_its_mark(
    reference: Document, opening: str, closing: str
) -> None:
    """ "The statement urged all countries concerned to «maintain calm, ...»": the words
    before the mark are the reporter's (the statement's words, "urge" made "urged"), and
    the passage is the quotation, which is verbatim: no substitution, no punctuation row."""
    quoted = (
        "maintain calm, renounce provocative moves or bellicose rhetoric, demonstrate "
        "readiness for dialogue without preconditions"
    )
    page = (
        "Moscow, July 5. The statement urged all countries concerned to "
        f"{opening}{quoted}{closing}. Seoul said nothing.\n"
    )
    source = analyse(reference, [make_document(page, "echo")]).sources[0]
    assert [page[p.copy.start : p.copy.end] for p in source.passages] == [quoted]
    assert source.divergences == ()


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"')])
def test_the_reporters_echo_with_a_word_of_its_own_before_the_quotation_is_not_the_copy(
    reference: Document, opening: str, closing: str
) -> None:
    """ "... worried by a ballistic missile launch and consider it «unacceptable and ...»":
    the reporter echoes the statement's words, says "it" for "this statement", then
    quotes. No passage takes in the echo, and "it" is no substitution of the statement's
    words; the quotation is verbatim."""
    quoted = "unacceptable and in disharmony with the relevant UN Security Council resolutions"
    page = (
        "Seoul, July 5. Both ministries said they were worried by a ballistic missile launch "
        f"and consider it {opening}{quoted}{closing}. Tokyo agreed.\n"
    )
    source = analyse(reference, [make_document(page, "echo")]).sources[0]
    opened = page.index(quoted)
    assert all(p.copy.start >= opened for p in source.passages)
    assert source.divergences == ()
    assert [q.verdict.value for q in source.quotes] == ["verbatim"]


@pytest.mark.parametrize("cut", [" ...", " [...]", " …"])
@pytest.mark.parametrize("gloss", ["[the DPRK, the US and the ROK] ", "[North and South] "])
def test_a_gloss_and_a_cut_a_few_words_apart_are_two_editors_marks(
    reference: Document, gloss: str, cut: str
) -> None:
    """The diff joined the gloss, the eight words of the statement after it and the cut
    into one edit, read as a bracket that changes the statement's words (audit l27)."""
    paragraph = _paragraph(reference, "The DPRK, by way of")
    left_out = (
        ", including the non-use of force, the renunciation of aggression, peaceful coexistence"
    )
    assert paragraph.count(left_out) == 1
    copy = paragraph.replace("parties begin", f"parties {gloss}begin").replace(left_out, cut)
    page = f"Quoted with our glosses:\n\n{copy}\n"
    source = analyse(reference, [make_document(page, "gloss")]).sources[0]
    found = [(d.kind, d.severity, d.copy_text.strip()) for d in source.divergences]
    assert found == [
        (Kind.EDITORIAL, Severity.MINOR, gloss.strip()),
        (Kind.EDITORIAL, Severity.MINOR, cut.strip()),
    ]


def test_a_bracket_changing_the_words_beside_a_cut_stays_a_substitution(
    reference: Document,
) -> None:
    """Cut apart from the ellipsis, a bracket that puts other words for the statement's
    is still read as what it is."""
    paragraph = _paragraph(reference, "The Parties confirm that the DPRK")
    copy = paragraph.replace("Other states", "[The United States and its allies]").replace(
        " and jointly to create", " ... create"
    )
    page = f"From the statement:\n\n{copy}\n"
    source = analyse(reference, [make_document(page, "changed")]).sources[0]
    found = [(d.kind, d.severity, d.copy_text.strip()) for d in source.divergences]
    assert (Kind.SUBSTITUTION, Severity.MATERIAL, "[The United States and its allies]") in found
    assert (Kind.EDITORIAL, Severity.MINOR, "...") in found
