"""Quotations as pages send them on: an e-mail's reply quoting the statement under "...
wrote:", a word the page hyphenated at a line break inside a quotation, a live blog's
timestamp before the speaker. Each was misread (audits q7 and l7 of stop 39); the cases
are our own prose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import SourceResult, analyse
from provenance.quotes.verdicts import QuoteVerdict

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = make_document(
    (ROOT / "tests" / "cases" / "quotes" / "reference.txt").read_text(encoding="utf-8"),
    "reference",
)
SIGNED = "This statement was signed on July 4, 2017, in Moscow."
PARAGRAPH_6 = REFERENCE.text[REFERENCE.text.index("6. The Parties") :].split("\n\n")[0]


def _source(text: str) -> SourceResult:
    return analyse(REFERENCE, [make_document(text, "page")]).sources[0]


def test_a_reply_quoting_the_statement_under_wrote_gives_the_senders_line_to_the_sender() -> None:
    """The block of a reply opens on the line after "On ..., Dmitri K. <...> wrote:": the
    block and its introduction were one sentence, so the block's speaker was read from the
    paragraph before (the subject line naming the statement), and the sender's own
    "Here is the second half ...:" was an invented quotation of the statement."""
    page = (
        "[policy-list] Re: text of the Russia-China statement\n\n"
        "On Tue, Jul 4, 2017 at 11:02 PM, Dmitri K. <dk@example.org> wrote:\n"
        "> Here is the closing line, pasted from the ministry's page:\n"
        ">\n"
        f"> {SIGNED}\n\n"
        "Thanks.\n"
    )
    source = _source(page)
    [own, signed] = source.quotes
    assert own.text.startswith("Here is the closing line")
    assert own.verdict is QuoteVerdict.OTHER and not own.attributed
    assert own.attribution is not None and own.attribution.speaker == "person"
    assert own.attribution.text == "Dmitri K. <dk@example.org> wrote"  # no "02 PM, "
    assert signed.text == SIGNED and signed.verdict is QuoteVerdict.VERBATIM


@pytest.mark.parametrize("prefix", ["", "> "])
def test_a_quotation_with_a_word_hyphenated_at_a_line_break_is_verbatim(prefix: str) -> None:
    """ "counter-\\nacting" in a quotation of paragraph 6 made it "altered", a material
    substitution that ran past the quotation's end, while the copy's own row called the
    same hyphen whitespace."""
    broken = PARAGRAPH_6.replace("counteracting", f"counter-\n{prefix}acting")
    assert broken != PARAGRAPH_6
    intro = "The statement says:\n\n" if prefix else "The statement says: “"
    page = intro + (f"> {broken}\n\nThat is all.\n" if prefix else f"{broken}”\n\nThat is all.\n")
    [quotation] = [q for q in _source(page).quotes if q.attributed]
    assert quotation.verdict is QuoteVerdict.VERBATIM, quotation.note
    assert not quotation.divergences


def test_a_live_blogs_timestamp_is_no_part_of_the_speakers_cue() -> None:
    """ "14:15 The two ministries urge ...": the colon of the time ended the clause the
    subject was read back through, and the cue read "15 The two ministries urge"."""
    page = (
        "14:15 The two ministries urge all countries concerned to “maintain calm, renounce "
        "provocative moves or bellicose rhetoric”.\n"
    )
    [quotation] = _source(page).quotes
    assert quotation.attribution is not None
    assert quotation.attribution.text == "The two ministries urge"
