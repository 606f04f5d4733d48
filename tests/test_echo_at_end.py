"""A copy's sentence that ends in words the reference's next sentence also has.

"... the dialogue on the comprehensive resolution of the problems of the Korean
Peninsula" quotes the end of one sentence in other words ("of problems on the Korean
Peninsula."); the reference's next sentence also speaks of "the problems of the Korean
Peninsula", and a run of five words there drew the copy's end on to it: a material
omission of a sentence and a half the page never claimed to quote, in the passage and in
the quotation's verdict (a splice). The copy's sentence ends where the reference's goes
on ("... should be ruled out"): its last words are changed words of the first sentence.
"""

from __future__ import annotations

from conftest import make_document

from provenance.analyse import analyse
from provenance.model import Document, Kind
from provenance.quotes.verdicts import QuoteVerdict

ECHO = (
    'The two ministries asked every party to "re-launch, as soon as possible, the dialogue on '
    'the comprehensive resolution of the problems of the Korean Peninsula", the agency wrote.\n'
)


def test_the_copy_ends_with_the_sentence_it_quotes(reference: Document) -> None:
    result = analyse(reference, [make_document(ECHO, "echo")]).sources[0]
    (passage,) = result.passages
    assert passage.reference.of(reference.text).endswith("problems on the Korean Peninsula")
    assert not any(d.kind is Kind.OMISSION for d in result.divergences)
    (quotation,) = result.quotes
    assert quotation.verdict is QuoteVerdict.ALTERED
    assert "joined" not in quotation.note  # not a splice of two stretches


def test_a_copy_of_both_sentences_keeps_both(reference: Document) -> None:
    start = reference.text.index("to re-launch, as soon as possible")
    end = reference.text.index("should be ruled out.") + len("should be ruled out.")
    page = f"The text goes on: {reference.text[start:end]} That is all it says on force.\n"
    result = analyse(reference, [make_document(page, "both")]).sources[0]
    (passage,) = result.passages
    assert passage.reference.of(reference.text).endswith("should be ruled out.")
    assert not any(d.kind is Kind.OMISSION for d in result.divergences)


def test_a_quotation_ending_so_is_no_splice(reference: Document) -> None:
    page = (
        'Moscow and Beijing call on all parties involved "to re-launch, as soon as possible, '
        'the dialogue on the comprehensive resolution of the problems of the Korean Peninsula".\n'
    )
    (quotation,) = analyse(reference, [make_document(page, "q")]).sources[0].quotes
    assert quotation.verdict is QuoteVerdict.ALTERED
    assert not any(d.kind is Kind.OMISSION for d in quotation.divergences), quotation.note


def test_a_quotation_ending_the_page_so_ends_with_its_sentence(reference: Document) -> None:
    page = (
        'Both governments call on all parties involved "to re-launch, as soon as possible, '
        'the dialogue on the comprehensive resolution of the problems of the Korean Peninsula".'
    )
    result = analyse(reference, [make_document(page, "end")]).sources[0]
    (passage,) = result.passages
    assert passage.reference.of(reference.text).endswith("problems on the Korean Peninsula")
    assert not any(d.kind is Kind.OMISSION for d in result.divergences)
