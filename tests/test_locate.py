"""locate: passages of the reference inside captures, with exact original offsets."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXCERPTS, FULL_COPY, SOURCE, make_document

from provenance.analyse import Analysis, SourceResult, analyse
from provenance.corpus import Corpus
from provenance.load import load_page
from provenance.locate import LocateOptions, locate, prepare
from provenance.model import Document, Format, Kind, PassageKind, Severity, Span


def _passages(analysis: Analysis, capture_id: str) -> list[tuple[str, str, str]]:
    source = analysis.source(capture_id)
    return [
        (p.kind.value, p.copy.of(source.document.text), p.reference.of(analysis.reference.text))
        for p in source.passages
    ]


@pytest.mark.parametrize("capture_id", [SOURCE, FULL_COPY])
def test_full_copies_have_one_full_passage(analysis: Analysis, capture_id: str) -> None:
    source = analysis.source(capture_id)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    passage = source.passages[0]
    copy = passage.copy.of(source.document.text)
    assert copy.startswith("The Russian Federation and the People’s Republic of China")
    assert copy.endswith("This statement was signed on July 4, 2017, in Moscow.")
    assert (passage.reference.start, passage.reference.end) == (0, len(analysis.reference.text))


def test_source_capture_passage_is_the_declared_reference_span(
    analysis: Analysis, corpus: Corpus
) -> None:
    passage = analysis.source(SOURCE).passages[0]
    declared = corpus.manifest.reference
    assert (passage.copy.start, passage.copy.end) == (declared.start, declared.end)


def test_excerpts_are_the_two_quoted_sentences(analysis: Analysis, reference: Document) -> None:
    source = analysis.source(EXCERPTS)
    text = source.document.text
    # The two sentences the article quotes, between straight double quotes.
    quoted = [m for m in re.finditer(r'"([^"]+)"', text) if m.group(1) in reference.text]
    assert len(quoted) == 2
    assert [p.kind for p in source.passages] == [PassageKind.EXCERPT, PassageKind.EXCERPT]
    for passage, match in zip(source.passages, quoted, strict=True):
        assert (passage.copy.start, passage.copy.end) == match.span(1)
        start = reference.text.index(match.group(1))
        assert (passage.reference.start, passage.reference.end) == (
            start,
            start + len(match.group(1)),
        )
        assert passage.copy.of(text) == passage.reference.of(reference.text)


def test_quotes_of_other_speakers_are_not_passages(analysis: Analysis) -> None:
    source = analysis.source(EXCERPTS)
    text = source.document.text
    for words in ("We’ve agreed to promote our joint initiative", "Any country that hosts"):
        at = text.index(words)
        assert not any(p.copy.start <= at < p.copy.end for p in source.passages), words


@pytest.mark.parametrize("capture_id", ["003_5ac32bcfc2f299f0", "004_ab097b7e26713321"])
def test_background_articles_have_no_passages(analysis: Analysis, capture_id: str) -> None:
    assert analysis.source(capture_id).passages == ()


def _sentence(reference: Document, starts: str) -> str:
    at = reference.text.index(starts)
    return reference.text[at : reference.text.index(".", at) + 1]


def test_excerpt_in_noise_does_not_swallow_the_noise(reference: Document) -> None:
    sentence = _sentence(reference, "Russia and China will closely")
    before, after = "Some words of the page come first. ", " Then the page goes on."
    capture = make_document(before + sentence + after)
    [passage] = locate(prepare(reference), capture)
    assert passage.kind is PassageKind.EXCERPT
    assert passage.copy.of(capture.text) == sentence
    assert passage.reference.of(reference.text) == sentence


_AGAINST = (
    "Russia and China are against the deployment of the said systems, call on the relevant "
    "countries to immediately stop and cancel the deployment process"
)


@pytest.mark.parametrize(
    ("before", "copied"),
    [
        ("Grey skies. The joint statement is blunt. ", ""),
        ("Long night. The joint statement, word for word: ", ""),
        ("The Russia-China communique is unambiguous on THAAD. ", _AGAINST),
    ],
)
def test_a_sentence_after_a_line_naming_the_document_is_an_excerpt(
    reference: Document, before: str, copied: str
) -> None:
    """The reference names other documents, and its parties, in the words a page
    introduces a copy with ("the Joint Statement of September 19, 2005", "THAAD"): those
    words are no sign that the page's paragraph is an independent translation of the
    reference around the sentence."""
    assert copied in reference.text
    sentence = copied + "." if copied else _sentence(reference, "Any possibility of using")
    capture = make_document(before + sentence + "\n")
    [passage] = locate(prepare(reference), capture)
    assert passage.copy.of(capture.text).rstrip(".") == sentence.rstrip(".")


@pytest.mark.parametrize("marker", ["[7]", "[note 7]", "[citation needed]", "‡"])
def test_a_reference_with_notes_of_its_own_is_copied_marker_and_all(marker: str) -> None:
    """Markers the reference has too are words to match, not ones the copy added: the
    passage runs to the copy's last full stop and the copy does not differ."""
    text = (
        "The two delegations met for a second day of talks in the harbour city and agreed "
        f"to publish the minutes of every session within a week{marker}. The next round "
        f"opens in the spring, when the archive is to be opened to every reader{marker}."
    )
    reference = make_document(text, "noted")
    capture = make_document("A report from our desk.\n\n" + text + "\n\n[7] The minutes.")
    [passage] = locate(prepare(reference), capture)
    assert passage.copy.of(capture.text) == text
    assert passage.reference.of(text) == text


def test_two_excerpts_separated_by_commentary_stay_two(reference: Document) -> None:
    first = _sentence(reference, "Russia and China will closely")
    second = reference.text[reference.text.index("5. The Parties express support") :]
    second = second[: second.index("\n")]
    commentary = (
        " The author now comments at length on what this means for the region, in words"
        " that the statement never uses, before quoting it again. "
    )
    capture = make_document("Intro. " + first + commentary + second + " The end.")
    passages = locate(prepare(reference), capture)
    assert [p.copy.of(capture.text) for p in passages] == [first, second]
    assert [p.kind for p in passages] == [PassageKind.EXCERPT, PassageKind.EXCERPT]
    assert [p.reference.of(reference.text) for p in passages] == [first, second]


_COMMENTARIES = [
    # (the page's paragraph, the reference paragraphs it stands between and skips)
    ("Moscow and Beijing then turn to the peninsula's neighbours, and the tone hardens "
     "noticeably in the passages that follow.", (10, 11)),
    ("The document then goes on at some length about sanctions and the role of the Security "
     "Council, before returning to the missile shield.", (10, 11)),
    ("Diplomats familiar with the drafting said the Chinese side pushed hard for the "
     "following wording on the deployment.", (12, 12)),
    ("Later in the text, the two governments restate their position on denuclearisation "
     "and on dialogue between the two Koreas.", (7, 8)),
    ("That is a thinly veiled dig at the bases in Japan, diplomats say. Next, on THAAD:",
     (12, 12)),
]  # fmt: skip
_SUMMARIES = [
    ("In other words, both countries want North and South Korea to talk to each other, be "
     "kind to each other and settle their problems peacefully.", (10, 10)),
    ("Put simply: Russia and China care about the regional balance and do not want foreign "
     "troops building up in Northeast Asia because of the North's weapons.", (11, 11)),
    ("Briefly, THAAD harms the security of Russia, China and other states in the region and "
     "will not help denuclearise the peninsula.", (12, 12)),
]  # fmt: skip


def _around(reference: Document, between: str, skipped: tuple[int, int]) -> Document:
    """Reference paragraphs before and after `skipped`, with `between` in their place."""
    paragraphs = reference.text.split("\n\n")
    first, last = skipped
    text = "\n\n".join([paragraphs[first - 1], between, paragraphs[last + 1]])
    return make_document(text + "\n")


@pytest.mark.parametrize(("commentary", "skipped"), _COMMENTARIES)
def test_excerpts_with_the_pages_commentary_between_are_two_excerpts(
    reference: Document, commentary: str, skipped: tuple[int, int]
) -> None:
    """A reporter's paragraph between two excerpts uses a word or two of the paragraphs
    it skips: it was read as a summary standing in for them, one passage with a material
    substitution of the skipped paragraphs (a faithful article accused of changing them)."""
    capture = _around(reference, commentary, skipped)
    [result] = analyse(reference, [capture]).sources
    assert [p.kind for p in result.passages] == [PassageKind.EXCERPT, PassageKind.EXCERPT]
    assert result.divergences == ()


@pytest.mark.parametrize(("summary", "skipped"), _SUMMARIES)
def test_a_summary_standing_in_for_a_paragraph_is_still_a_change_of_one_copy(
    reference: Document, summary: str, skipped: tuple[int, int]
) -> None:
    capture = _around(reference, summary, skipped)
    [result] = analyse(reference, [capture]).sources
    assert len(result.passages) == 1
    assert any(d.severity.name == "MATERIAL" for d in result.divergences)


def test_a_quotation_after_a_heading_does_not_join_the_block_quotation_before_it(
    reference: Document,
) -> None:
    """A block quotation of one sentence, then the page's heading and a sentence of its
    own quoting the words that follow it in the statement: one passage came of the two,
    with the heading and the sentence a material substitution (a held-out audit)."""
    text = reference.text
    start = text.index("The Parties urge the international community")
    end = text.index(".", start) + 1
    block = text[start:end]
    tail = text[end:].lstrip()
    quoted = " ".join(tail.split()[:8])
    page = f'> {block}\n\n## Notes\n\n1. The text goes on that "{quoted}", as before.\n'
    capture = replace(make_document(page), format=Format.MARKDOWN)
    [result] = analyse(reference, [capture]).sources
    assert not [d for d in result.divergences if d.severity.name == "MATERIAL"]
    assert result.passages[0].copy.of(capture.text).endswith(block[-20:])


def test_full_copy_with_an_omitted_sentence_stays_one_passage(reference: Document) -> None:
    omitted = _sentence(reference, "Russia and China will closely") + " "
    copy = reference.text.replace(omitted, "")
    capture = make_document("Header of the page.\n\n" + copy + "\n\nFooter of the page.")
    analysed = analyse(reference, [capture]).sources[0]
    [passage] = analysed.passages
    assert passage.kind is PassageKind.FULL
    assert passage.copy.of(capture.text) == copy
    [divergence] = analysed.divergences
    assert divergence.kind.value == "omission"
    assert divergence.reference_text.strip() == omitted.strip()


def test_full_copy_with_a_moved_paragraph_stays_one_passage(reference: Document) -> None:
    paragraphs = reference.text.split("\n\n")
    moved = paragraphs.pop(8)
    paragraphs.insert(12, moved)
    capture = make_document("\n\n".join(paragraphs))
    analysed = analyse(reference, [capture]).sources[0]
    assert [p.kind for p in analysed.passages] == [PassageKind.FULL]
    [divergence] = analysed.divergences
    assert divergence.kind.value == "reordering"
    assert moved in divergence.copy_text


@pytest.mark.parametrize("times", [2, 3, 6])
@pytest.mark.parametrize("whole", [False, True])
def test_a_copy_printed_again_and_again_is_a_passage_each_time(
    reference: Document, times: int, whole: bool
) -> None:
    """An aggregator repeating the same block, back to back: each repeat is a copy. The
    groups of a repeated copy merged into one passage whose text was the reference's
    stretch several times over, too unlike it to count: three or more repeats were no
    passage at all (six whole copies, 33,000 characters, are read in windows)."""
    text = reference.text if whole else "\n\n".join(reference.text.split("\n\n")[:3])
    capture = make_document(("Reprinted:\n\n" + text + "\n\n") * times)
    passages = locate(prepare(reference), capture)
    assert [p.copy.of(capture.text) for p in passages] == [text] * times
    assert {p.reference.of(reference.text) for p in passages} == {text}
    kind = PassageKind.FULL if whole else PassageKind.EXCERPT
    assert {p.kind for p in passages} == {kind}


def test_a_long_block_printed_twice_inside_a_copy_is_a_duplication(reference: Document) -> None:
    """Two paragraphs (151 words, more than a run may repeat and still join) printed
    again right after themselves: one copy whose groups are merged (a hole-free cover),
    with the repeat split off as `_joins` splits a shorter one, so it reads as a
    duplication, not an omission and an insertion."""
    paragraphs = reference.text.split("\n\n")
    block = paragraphs[5:7]
    assert sum(len(p.split()) for p in block) > LocateOptions().max_omitted_words
    capture = make_document("\n\n".join(paragraphs[:7] + block + paragraphs[7:]))
    analysed = analyse(reference, [capture]).sources[0]
    assert [p.kind for p in analysed.passages] == [PassageKind.FULL]
    assert [d.kind.value for d in analysed.divergences] == ["duplication"]


@pytest.mark.parametrize(
    ("order", "separator"),
    [
        ([0, 1, 2, 0, *range(3, 15)], "\n\n"),  # a full copy, its opening pasted again
        ([0, 1, 0, *range(2, 15)], "\n"),
        ([9, 10, 9, 11, 12], "\n\n"),  # an excerpt, its first paragraph again
        ([9, 10, 11, 9, 12], "\n\n"),
        ([5, 6, 7, 5, 8], "\n"),
        ([10, 11, 12, 10, 13, 14], "\n\n"),
    ],
)
def test_the_first_paragraph_printed_again_inside_a_copy_is_a_duplication(
    reference: Document, order: list[int], separator: str
) -> None:
    """A copy that pastes its first paragraph again and then carries on where it stopped
    is one copy with one duplication. Before, the repeat "started the text over": a
    second passage from the repeat on, which "omitted" the paragraphs the page holds."""
    paragraphs = reference.text.split("\n\n")
    capture = make_document(separator.join(paragraphs[k] for k in order))
    analysed = analyse(reference, [capture]).sources[0]
    first, last = paragraphs[min(order)], paragraphs[max(order)]
    [passage] = analysed.passages
    assert passage.copy.of(capture.text) == capture.text
    assert passage.reference.of(reference.text).startswith(first)
    assert passage.reference.of(reference.text).endswith(last)
    assert [
        (d.kind.value, d.reference_text)
        for d in analysed.divergences
        if d.kind.value != "whitespace"
    ] == [("duplication", paragraphs[order[0]])]


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”"), ("", "")])
@pytest.mark.parametrize("copied", [range(10, 15), range(15)])
def test_a_paragraph_quoted_again_in_commentary_after_the_copy_is_its_own_passage(
    reference: Document, marks: tuple[str, str], copied: range
) -> None:
    """The copy, then the page's analysis quoting one of its paragraphs again: the
    analysis is the page's prose, not words inserted into the statement, and the quoted
    paragraph a passage of its own (before, one passage with a material insertion of the
    analysis and a duplication)."""
    paragraphs = reference.text.split("\n\n")
    opening, closing = marks
    analysis = (
        "Analysis\n\nThe novelty is the linkage to the missile-defence system, which the "
        "ministries had not drawn before. The key passage reads:"
    )
    quoted = opening + paragraphs[12] + closing
    copy = "\n\n".join(paragraphs[k] for k in copied)
    capture = make_document("\n\n".join([copy, analysis, quoted, "Comments are closed."]))
    analysed = analyse(reference, [capture]).sources[0]
    assert [p.copy.of(capture.text) for p in analysed.passages] == [copy, paragraphs[12]]
    assert not [d for d in analysed.divergences if d.severity.name == "MATERIAL"]


def test_a_paragraph_quoted_again_after_a_short_introducing_line_is_its_own_passage(
    reference: Document,
) -> None:
    """The same with a short line of the page's own (under `max_inserted_words`) ending in
    a colon: one passage with an interruption and a duplication, before."""
    paragraphs = reference.text.split("\n\n")
    copy = "\n\n".join(paragraphs)
    capture = make_document(
        "\n\n".join(
            [copy, "Our reading", "Point six is the sharpest. Its key line:", paragraphs[12]]
        )
    )
    analysed = analyse(reference, [capture]).sources[0]
    assert [p.copy.of(capture.text) for p in analysed.passages] == [copy, paragraphs[12]]
    assert not [d for d in analysed.divergences if d.kind.value == "duplication"]


def _one_copy_repeating(reference: Document, pieces: list[str], repeat: str) -> SourceResult:
    """The analysis of the pieces joined as paragraphs, asserting it is one full copy
    whose one finding (spacing aside) is the duplication `repeat`."""
    capture = make_document("\n\n".join(pieces))
    analysed = analyse(reference, [capture]).sources[0]
    assert [p.kind for p in analysed.passages] == [PassageKind.FULL]
    assert [
        (d.kind.value, d.copy_text.strip())
        for d in analysed.divergences
        if d.kind.value != "whitespace"
    ] == [("duplication", repeat)]
    return analysed


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”"), ("« ", " »"), ("", "")])
def test_a_pull_quote_inside_a_copy_is_a_duplication(
    reference: Document, marks: tuple[str, str]
) -> None:
    """A line of the copy repeated as a pull quote between two of its paragraphs, in
    quotation marks or not: one copy with one duplication (before, the marks cut the copy
    into three excerpts, or left the pull quote a material insertion)."""
    paragraphs = reference.text.split("\n\n")
    line = "allied relations between separate states should not inflict damage"
    assert line in paragraphs[11]
    opening, closing = marks
    pieces = [*paragraphs[:12], opening + line + closing, *paragraphs[12:]]
    _one_copy_repeating(reference, pieces, opening + line + closing)


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Pyongyang marks 'Independence Day' with a launch",
        'Related: Seoul calls the launch a "grave provocation"',
        "See also: “Double freeze” explained in five charts",
    ],
)
@pytest.mark.parametrize("where", ["between sentences", "mid-sentence"])
def test_a_link_line_quoting_a_phrase_inside_a_copy_is_an_interruption(
    reference: Document, line: str, where: str
) -> None:
    """A "Read more" line set inside a copy whose headline quotes a phrase: its marks
    were taken for a quotation of the copy closing and another opening, and the copy was
    cut in two (a false truncation, or two excerpts with the word after the line lost).
    Without the marks it was read as the interruption it is."""
    text = reference.text
    if where == "between sentences":
        cut = text.index("Russia and China will closely")
        before, after = text[:cut].rstrip(" "), text[cut:]
    else:
        cut = text.index(" and “parallel advancement”")
        before, after = text[:cut], text[cut + 1 :]
    capture = make_document(before + "\n" + line + "\n" + after)
    [result] = analyse(reference, [capture]).sources
    assert [p.kind for p in result.passages] == [PassageKind.FULL]
    assert [d.kind.value for d in result.divergences] == ["interruption"]
    assert result.divergences[0].copy.of(capture.text).strip() == line


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Channel | Ministry\nThe ministers signed a text on the problems of the Korean "
            "Peninsula. Full text on our site.\n48.2K views  21:07",
            "interruption",
        ),
        ("The ministers signed a text on the problems of the Korean Peninsula.", "insertion"),
    ],
)
def test_a_line_ending_on_a_phrase_of_the_paragraph_before_is_the_pages(
    reference: Document, line: str, kind: str
) -> None:
    """A line of the page's own between two paragraphs of a copy, holding a phrase that
    ends the paragraph before ("... to solve the problems of the Korean Peninsula should
    be ruled out."): the phrase and the next paragraph chained as one run, and the
    phrase was a segment of the copy mapped onto "... should be ruled out", the line's
    other words two material insertions (audit l28). It is one row of the page's, as the
    same line without the phrase is."""
    text = reference.text
    cut = text.index("5. The Parties express support")
    assert text[:cut].rstrip().endswith("the problems of the Korean Peninsula should be ruled out.")
    capture = make_document(text[:cut] + line + "\n\n" + text[cut:])
    [result] = analyse(reference, [capture]).sources
    assert [p.kind for p in result.passages] == [PassageKind.FULL]
    assert [p.reference for p in result.passages[0].runs] == [
        Span(0, cut - 2),
        Span(cut, len(text)),
    ]
    assert [d.kind.value for d in result.divergences] == [kind]
    assert line in result.divergences[0].copy.of(capture.text)


def test_two_quotations_of_neighbouring_words_lines_apart_are_no_one_copy(
    reference: Document,
) -> None:
    """A headline quoting the end of a sentence and the next paragraph quoting the words
    just after it ("... around it”¶¶Source: MFA Russia. The two sides say the situation is
    “fraught with ..."): the page's prose between them was a material substitution inside
    one excerpt (audit q35); the marks closing and opening around it part them."""
    text = reference.text
    first = (
        "The Parties express serious concern about the development of the situation on the "
        "Korean Peninsula and around it"
    )
    second = "fraught with the eruption of an armed conflict"
    assert first in text and second in text
    page = (
        f"Russia, China: “{first}”\n\nSource: MFA Russia. The two sides say the situation "
        f"is “{second}”.\n"
    )
    [result] = analyse(reference, [make_document(page)]).sources
    assert not [d for d in result.divergences if str(d.severity) == "material"]
    assert [p.copy.of(page) for p in result.passages] == [first]


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”"), ("« ", " »"), ("", "")])
@pytest.mark.parametrize(("at", "copied"), [(9, range(15)), (9, range(8, 12)), (5, range(15))])
def test_a_pull_quote_of_the_sentence_just_before_it_is_a_duplication(
    reference: Document, marks: tuple[str, str], at: int, copied: range
) -> None:
    """A pull quote repeating the last sentence of the paragraph before it runs on, word
    for word, into the next paragraph: the repeat and the rest of the copy chained into
    one run, a second excerpt overlapping the first, and the copy was cut in two (a
    held-out audit's page, with marks; without them it was one copy)."""
    paragraphs = reference.text.split("\n\n")
    last = re.split(r"(?<=[.!?])\s+", paragraphs[at])[-1]
    assert len(last.split()) >= 8
    opening, closing = marks
    pieces = [paragraphs[k] for k in copied if k <= at]
    pieces += [opening + last + closing, *(paragraphs[k] for k in copied if k > at)]
    capture = make_document("\n\n".join(pieces))
    analysed = analyse(reference, [capture]).sources[0]
    assert len(analysed.passages) == 1
    assert [
        (d.kind.value, d.copy_text.strip())
        for d in analysed.divergences
        if d.kind.value != "whitespace"
    ] == [("duplication", opening + last + closing)]


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”"), ("«", "»"), ("", "")])
@pytest.mark.parametrize(
    "line",
    [
        "allied relations between separate states should not inflict damage",
        # the opening words of the paragraph that follows, cut off mid-word
        "The Parties confirm that they are paying sufficient attention to th",
        "Russia and China are against the deployment of the said systems",
    ],
)
def test_a_pull_quote_of_the_paragraph_after_it_is_a_duplication(
    reference: Document, marks: tuple[str, str], line: str
) -> None:
    """A pull quote set before the paragraph it repeats (the layout puts it beside the
    paragraph it advertises): one copy with one duplication (before, the copy was cut in
    two excerpts and the pull quote reported as an altered quotation)."""
    paragraphs = reference.text.split("\n\n")
    [at] = [k for k, paragraph in enumerate(paragraphs) if line in paragraph]
    opening, closing = marks
    pieces = [*paragraphs[:at], opening + line + closing, *paragraphs[at:]]
    analysed = _one_copy_repeating(reference, pieces, opening + line + closing)
    assert not [q for q in analysed.quotes if q.verdict.value != "verbatim"]


@pytest.mark.parametrize("marks", [("“", "”"), ("", "")])
@pytest.mark.parametrize(
    "line",
    [
        "Russia and China are against the deployment of the said systems",
        "Russia and China are against the deployment of the sa",
    ],
)
def test_a_pull_quote_before_a_short_last_paragraph_is_a_duplication(
    reference: Document, marks: tuple[str, str], line: str
) -> None:
    """A pull quote of the paragraph before it, then the statement's short last paragraph
    (which carried on from the pull quote's words, so the two made one group): one copy
    with one duplication (before, the last paragraph was a second excerpt and the copy
    was reported as truncated, its last line lost)."""
    paragraphs = reference.text.split("\n\n")
    opening, closing = marks
    pieces = [*paragraphs[:-1], opening + line + closing, paragraphs[-1]]
    _one_copy_repeating(reference, pieces, opening + line + closing)


def test_the_text_printed_again_after_its_opening_is_still_two_copies(reference: Document) -> None:
    """The opening printed alone and then the whole text (a lede, then the statement):
    the text after the repeat goes on with the opening's next words, not with what the
    first copy stopped at, so the page prints the text again: two passages."""
    paragraphs = reference.text.split("\n\n")
    capture = make_document("\n\n".join(paragraphs[:3] + paragraphs))
    passages = locate(prepare(reference), capture)
    assert [p.kind for p in passages] == [PassageKind.EXCERPT, PassageKind.FULL]


def test_a_short_quotation_is_not_a_passage(reference: Document) -> None:
    capture = make_document('He said the Parties "will closely coordinate their efforts" today.')
    assert locate(prepare(reference), capture) == []


@pytest.mark.parametrize(
    "text",
    [
        # The word before the opening mark is the reference's word before the quoted
        # words ("confirm that the DPRK's"): the prose is not the copy's.
        'Lavrov was upbeat. The statement adds that "the DPRK’s justified concerns should be '
        'respected", a line Pyongyang welcomed.',
        "Their text, in short, says that ‘the DPRK’s justified concerns should be respected’.",
    ],
)
def test_a_short_quotation_is_not_widened_over_the_prose_quoting_it(
    reference: Document, text: str
) -> None:
    analysed = analyse(reference, [make_document(text)]).sources[0]
    assert analysed.passages == ()
    [quotation] = analysed.quotes
    assert quotation.verdict.value == "verbatim"


def test_a_quoted_whole_sentence_is_still_a_passage(reference: Document) -> None:
    text = (
        'They said: "The Parties confirm that the DPRK’s justified concerns should be respected."'
    )
    [passage] = locate(prepare(reference), make_document(text))
    assert passage.copy.of(text).startswith("The Parties confirm")


def test_locate_is_pure_and_reusable(reference: Document, analysis: Analysis) -> None:
    prepared = prepare(reference)
    document = analysis.source(FULL_COPY).document
    first = locate(prepared, document)
    assert locate(prepared, document) == first
    assert locate(prepared, document, options=LocateOptions(seed_words=6))[0].kind is (
        PassageKind.FULL
    )


def test_excerpts_quoted_out_of_order_with_commentary_are_located(reference: Document) -> None:
    """An article quoting four whole paragraphs in its own order (5, 6, then 2, 3), a note
    after each: never nothing (the score once compared the runs in the page's order, and
    half of the text out of order fell under `min_score`: the group was dropped whole).
    Paragraph 4 ("The Parties propose the following:"), between 3 and 5, is nowhere on
    the page, so 5-6 and 2-3 are two excerpts, not one copy that moved 2-3 and omitted 4,
    and the note between them belongs to neither."""
    paragraphs = reference.text.split("\n\n")
    notes = [
        "Analysts in Seoul read this as a signal to Washington before the summit.",
        "The next passage is the one state media quoted most often this week.",
        "Diplomats noted that the wording echoes earlier documents of both governments.",
    ]
    blocks = ["Here is what the two ministries wrote, with our notes."]
    for k, index in enumerate([5, 6, 2, 3]):
        blocks += [paragraphs[index], notes[k % 3]]
    text = "\n\n".join(blocks)
    first, second = locate(prepare(reference), make_document(text))
    for passage, (a, b) in ((first, (5, 6)), (second, (2, 3))):
        assert passage.copy.of(text).startswith(paragraphs[a])
        assert passage.copy.of(text).endswith(paragraphs[b])
        assert passage.reference.of(reference.text) == "\n\n".join(paragraphs[a : b + 1])
    assert first.copy.end < text.index(notes[1]) < second.copy.start


@pytest.mark.parametrize(
    "opening", ["", "The Russian Federation and the People’s Republic of China are "]
)
@pytest.mark.parametrize("suffix", [".txt", ".html", ".md"])
def test_a_run_stepping_over_a_marker_near_the_references_end_is_located(
    tmp_path: Path, suffix: str, opening: str
) -> None:
    """A run that steps over "[citation needed]" has more capture words than reference
    words; reading the marks between its words must stay inside the reference (a short
    reference ending just after the marker raised IndexError)."""
    from provenance.analyse import analyse
    from provenance.load import load
    from provenance.model import Kind

    reference = tmp_path / "reference.txt"
    reference.write_text(opening + "the Korean Peninsula’s neighbours, therefore", encoding="utf-8")
    copy = opening + "the Korean Peninsula’s neighbours,[citation needed] therefore"
    path = tmp_path / f"copy{suffix}"
    path.write_text(f"<p>{copy}</p>" if suffix == ".html" else copy, encoding="utf-8")
    source = analyse(load(reference, id="reference"), [load(path, id="copy")]).sources[0]
    assert {d.kind for d in source.divergences} <= {Kind.FOOTNOTE}
    if opening:  # long enough to be located
        assert [d.kind for d in source.divergences] == [Kind.FOOTNOTE]


@pytest.mark.parametrize("marker", ["[1]", "[^1]", "[^note]", "\u00b9"])
def test_a_short_sentence_quoted_whole_keeps_its_marker_out(
    reference: Document, marker: str
) -> None:
    """A passage shorter than `min_words`, widened to its whole sentence ("This statement
    was signed on July 4, 2017, in Moscow[1]."), ends before a marker hanging on its last
    word: the marker is a footnote, not an inserted "[1"."""
    from provenance.model import Kind

    last = reference.text.split("\n\n")[-1]
    assert last.endswith("Moscow.")
    page = f"From the archive.\n\n{last[:-1]}{marker}.\n\nComments are closed.\n"
    source = analyse(reference, [make_document(page, "short")]).sources[0]
    assert [(d.kind, d.copy_text) for d in source.divergences] == [(Kind.FOOTNOTE, marker)]


@pytest.mark.parametrize(
    ("page", "rows"),
    [
        (
            "The ministries say the Parties “confirm that the DPRK’s justified concerns "
            "should be respected”.\n",
            [],
        ),
        (
            "Moscow, July 4.\n\nIn its fifth point, Russia and China “consider this "
            "statement unacceptable and in disharmony with the relevant UN Security Council "
            "resolutions”, the document goes on.\n",
            [],
        ),
        (
            "Tellingly, the Parties “[do not] confirm that the DPRK’s justified concerns "
            "should be respected”.\n",
            [("insertion", "[do not] ")],
        ),
    ],
)
def test_a_quotation_opening_inside_the_sentence_quotes_from_its_first_word(
    reference: Document, page: str, rows: list[tuple[str, str]]
) -> None:
    """A short passage is widened to its whole sentence, but a quotation that opens
    inside the reference's sentence (after the page's own "the Parties") quotes from
    there: the sentence's words before its mark are not words the copy leaves out (they
    were a material omission of "The Parties ", or a substitution of a bracket for them)."""
    source = analyse(reference, [make_document(page, "lead")]).sources[0]
    [passage] = source.passages
    quoted = page[page.index("“") + 1 : page.index("”")]
    first = quoted.split("] ")[-1].split()[0]
    assert passage.reference.of(reference.text).startswith(first)
    assert [(d.kind.value, d.copy_text) for d in source.divergences] == rows


@pytest.mark.parametrize(
    ("old", "new", "rows"),
    [
        ("The Russian Federation", "T he Russian Federation", [("whitespace", "COSMETIC")]),
        ("The Russian Federation", "T\nhe Russian Federation", [("whitespace", "COSMETIC")]),
        ("The Russian Federation and", "Russia and", [("substitution", "MATERIAL")]),
        ("signed on July 4, 2017, in Moscow.", "signed on 4 July 2017, in Moscow.", None),
        ("signed on July 4, 2017, in Moscow.", "signed in Moscow on July 4, 2017.", None),
    ],
)
def test_a_copy_whose_first_or_last_words_differ_keeps_them(
    reference: Document, old: str, new: str, rows: list[tuple[str, str]] | None
) -> None:
    """A full copy whose line gives the statement's first or last few words otherwise (a
    drop cap split off, a shorter name, a date written the other way round): the words
    are the copy's, one change, and nothing is lost (before, the passage began or ended
    past them and the reference's words were a material truncation)."""
    text = reference.text.replace(old, new, 1)
    capture = make_document("THE ASIA REVIEW\n\n" + text + "\n\nShare this article")
    analysed = analyse(reference, [capture]).sources[0]
    [passage] = analysed.passages
    assert passage.copy.of(capture.text) == text
    assert passage.reference == Span(0, len(reference.text))
    kinds = [(d.kind.value, d.severity.name) for d in analysed.divergences]
    assert "truncation" not in {kind for kind, _ in kinds}
    if rows is not None:
        assert kinds == rows


def test_a_label_before_a_copy_lacking_its_first_word_stays_the_pages(reference: Document) -> None:
    """ "Full text:" is the page's label, not the copy's "The" said otherwise."""
    text = reference.text.removeprefix("The ")
    capture = make_document("Full text: " + text)
    analysed = analyse(reference, [capture]).sources[0]
    [passage] = analysed.passages
    assert passage.copy.of(capture.text) == text
    assert [d.kind.value for d in analysed.divergences] == ["truncation"]


@pytest.mark.parametrize(
    "commentary",
    [
        "Analysts said the language was the strongest yet.",
        "Analysts said the language was the strongest yet. Western diplomats in Moscow "
        "declined to comment on the record, but one said privately that the text had been "
        "negotiated for weeks before the visit.",
    ],
)
@pytest.mark.parametrize("quoted", [(11, 13), (9, 11)])
def test_excerpts_with_the_pages_commentary_between_are_two_passages(
    reference: Document, commentary: str, quoted: tuple[int, int]
) -> None:
    """Two paragraphs quoted with the page's own paragraph between them, the paragraph
    between them in the statement skipped: two excerpts (before, one excerpt whose
    commentary was a material substitution for the skipped paragraph)."""
    paragraphs = reference.text.split("\n\n")
    first, second = (paragraphs[k] for k in quoted)
    capture = make_document("\n\n".join([first, commentary, second]))
    analysed = analyse(reference, [capture]).sources[0]
    assert [p.copy.of(capture.text) for p in analysed.passages] == [first, second]
    assert analysed.divergences == ()


@pytest.mark.parametrize("between", ["", "[...]", "Advertisement"])
def test_a_paragraph_dropped_from_a_full_copy_is_still_an_omission(
    reference: Document, between: str
) -> None:
    """A copy from the text's start that drops a paragraph, with nothing, an editor's
    cut or page furniture in its place, stays one copy whose omission is reported."""
    paragraphs = reference.text.split("\n\n")
    kept = [p for k, p in enumerate(paragraphs) if k != 12]
    capture = make_document("\n\n".join([*kept[:12], *([between] if between else []), *kept[12:]]))
    analysed = analyse(reference, [capture]).sources[0]
    assert len(analysed.passages) == 1
    assert any(d.reference_text.strip() == paragraphs[12] for d in analysed.divergences)


def test_the_pages_line_as_long_as_the_paragraph_it_skips_is_commentary(
    reference: Document,
) -> None:
    """A quoted phrase ending one paragraph of the statement, then the page's own line of
    as many words as the statement's next paragraph ("Its central passage then reads:"
    for "The Parties propose the following:"), then the paragraph after: one seed chain
    ran through the line as a substitution, and the block the page sets out was lost in
    one excerpt (audit_q6 m16). They are an excerpt and a block, the block reported."""
    block = (
        "The DPRK, by way of a voluntary political decision, announces a moratorium on the "
        "testing of nuclear explosive devices and ballistic missile tests, and the United "
        "States and the Republic of Korea should, accordingly, refrain from large-scale "
        "joint exercises."
    )
    assert block in reference.text
    text = (
        "Its authors describe the plan as drawing on Moscow's \"stage-by-stage Korean "
        'settlement plan".\n\nIts central passage then reads:\n\n' + block + "\n"
    )
    source = analyse(reference, [make_document(text, "page")]).sources[0]
    assert [p.copy.of(text) for p in source.passages] == [block]
    assert not source.divergences
    quoted = [(q.text[:14], q.verdict.value, q.attributed) for q in source.quotes]
    assert ("The DPRK, by w", "verbatim", True) in quoted


@pytest.mark.parametrize(
    ("cut", "bracketed"),
    [
        ("The Parties confirm", "[T]he Parties confirm"),
        ("The Parties confirm", "[The] Parties confirm"),
        ("The Parties confirm that the", "[The Parties] confirm that the"),
    ],
)
def test_an_excerpt_opening_with_an_editors_bracket_holds_the_whole_bracket(
    reference: Document, cut: str, bracketed: str
) -> None:
    """An excerpt opening "[T]he Parties ..." started after the "[": its first row was a
    stray "T]he" or "]" (punctuation), not one editorial bracket."""
    sentence = next(s for s in reference.text.split("\n") if s.startswith(cut))
    sentence = sentence.split(". ")[0] + "."  # "... justified concerns should be respected."
    page = make_document(
        f"Elsewhere the ministries write:\n\n{sentence.replace(cut, bracketed, 1)}\n"
    )
    source = analyse(reference, [page]).sources[0]
    [passage] = source.passages
    assert passage.copy.of(page.text).startswith(bracketed)
    [row] = source.divergences
    assert row.kind.value == "editorial"
    assert bracketed.startswith(row.copy_text) and row.copy_text.startswith("[")
    assert "]" in row.copy_text  # the whole bracket ("[T]he": the word it opens)


@pytest.mark.parametrize(
    ("label", "suffix"),
    [
        ("6\n{0}\n", ".txt"),
        ("## 6\n\n{0}\n", ".md"),
        ("| point | text |\n|---|---|\n| 6 | {0} |\n", ".md"),
        ("<table><tr><td>6</td><td>{0}</td></tr></table>", ".html"),
    ],
)
def test_a_number_labelling_a_paragraph_is_not_the_paragraph_before_it(
    reference: Document, tmp_path: Path, label: str, suffix: str
) -> None:
    """The second paragraph of point 6, labelled "6" by the page (a line, a heading, a
    table's first column): "6 The Parties confirm that" is a seed of the point's first
    paragraph ("6. The Parties confirm that they are paying ..."), whose 65 words the
    passage then reported as a material omission."""
    paragraphs = reference.text.split("\n\n")
    opening = next(k for k, p in enumerate(paragraphs) if p.startswith("6. The Parties"))
    second = paragraphs[opening + 1]
    assert second.startswith("The Parties confirm that the deployment")
    path = tmp_path / f"labelled{suffix}"
    path.write_text("Notes on point six.\n\n" + label.format(second), encoding="utf-8")
    source = analyse(reference, [load_page(path)]).sources[0]
    [passage] = source.passages
    assert reference.text[passage.reference.start : passage.reference.end] == second
    assert not [d for d in source.divergences if d.kind is Kind.OMISSION]


@pytest.mark.parametrize(("marker", "truncated"), [(" (continued)", True), ("", False)])
def test_an_excerpt_the_page_says_continues_elsewhere_is_truncated(
    reference: Document, marker: str, truncated: bool
) -> None:
    """An excerpt stopping mid-sentence where the page says "(continued)" is the text cut
    off, a truncation; stopping there with nothing said, it is a part chosen."""
    start = reference.text.index("Mounting political and military tension")
    end = reference.text.index(" or aggravate", start)
    page = "Our digest.\n\n" + reference.text[start:end] + marker + "\n\nMore tomorrow.\n"
    source = analyse(reference, [make_document(page, "cut")]).sources[0]
    kinds = [d.kind for d in source.divergences]
    assert (Kind.TRUNCATION in kinds) is truncated


@pytest.mark.parametrize(
    ("cut", "truncated"),
    [
        ("ball\u2026", True),  # a word begun, then an ellipsis
        ("ballistic\u2026", True),  # the whole next word, then an ellipsis
        ("ball", True),  # a word broken off at the line's end
        ("ballast\u2026", False),  # another word: no sign of the statement cut there
        ("ballistic", False),  # the next word whole, nothing said: a part chosen
    ],
)
def test_an_excerpt_cut_inside_a_word_is_truncated(
    reference: Document, cut: str, truncated: bool
) -> None:
    """A teaser cut at a number of characters ("... about a ball…", then "Read more")
    stops inside a word the alignment cannot take: the excerpt ended before it, with no
    sign of the cut, and the rest of the statement was reported nowhere. A word broken
    off with nothing after it, and "... and wo" read as "work actively together to defuse
    tension", which made the half word a material substitution, are cuts too."""
    end = reference.text.index(" ballistic missile launch")
    page = "Our digest.\n\n" + reference.text[:end] + " " + cut + "\n\nRead more\n"
    source = analyse(reference, [make_document(page, "cut")]).sources[0]
    [passage] = source.passages
    kinds = [d.kind for d in source.divergences]
    assert (Kind.TRUNCATION in kinds) is truncated
    assert Kind.SUBSTITUTION not in kinds
    # (the half word is none of the passage's; the whole one is)
    assert passage.reference.end == end + (len(" ballistic") if cut.startswith("ballistic") else 0)


def test_an_excerpt_cut_after_a_possessive_is_truncated(reference: Document) -> None:
    """ "... the Democratic People’s Rep…": the passage may end before the possessive's "s",
    which the reference has too; the word begun after it is still the cut."""
    end = reference.text.index("’s Republic of Korea (DPRK)")
    page = "Digest.\n\n" + reference.text[:end] + "\u2019s Rep\u2026\n\nRead more\n"
    source = analyse(reference, [make_document(page, "cut")]).sources[0]
    assert [d.kind for d in source.divergences] == [Kind.TRUNCATION]


def test_an_excerpt_ending_on_a_word_begun_is_no_substitution_for_the_rest(
    reference: Document,
) -> None:
    """ "... and wo…" at a paragraph's end: the half word is the cut, not the copy's own
    words for "work actively together to defuse tension." (a material substitution)."""
    end = reference.text.index(" work actively together to defuse tension")
    page = "Our digest.\n\n" + reference.text[:end] + " wo\u2026\n\nRead more\n"
    source = analyse(reference, [make_document(page, "cut")]).sources[0]
    assert [d.kind for d in source.divergences] == [Kind.TRUNCATION]
    assert source.passages[0].reference.end == end


def test_a_title_whose_next_line_opens_with_the_references_next_word_stays_apart(
    reference: Document,
) -> None:
    """The title ends on the words before a paragraph ("... via dialogue and
    consultations"), and the page's next line opens with the word that paragraph does
    ("The next lines follow in the statement."): the seed reaching that "The" carried the
    title on past its line, and the page's line was a material insertion in the copy."""
    start = reference.text.index("The Parties confirm that the DPRK")
    end = reference.text.index("\n", start)
    paragraph = reference.text[start:end]
    page, source = _titled(
        reference,
        "Removing concerns via dialogue and consultations",
        "The next lines follow in the statement.",
        paragraph,
    )
    assert [page[p.copy.start : p.copy.end] for p in source.passages] == [paragraph]
    assert not [d for d in source.divergences if d.severity is Severity.MATERIAL]


def _titled(reference: Document, title: str, line: str, excerpt: str) -> tuple[str, SourceResult]:
    """A page of a title, a line of the page's own, then `excerpt`, and its analysis."""
    page = f"{title}\n\n{line}\n\n{excerpt}\n"
    return page, analyse(reference, [make_document(page, "titled")]).sources[0]


@pytest.mark.parametrize(
    ("lead", "close"), [("The ministries said: \u201c", "\u201d"), ("In part:\n\n", "")]
)
def test_a_quoted_sentence_changed_at_its_first_or_last_word_keeps_the_change(
    reference: Document, lead: str, close: str
) -> None:
    """A sentence quoted (or set out after a colon) with its first word changed ("Growing"
    for "Mounting") or its last ("strain." for "tension." before the closing mark): the
    passage stopped short of the changed word, which was no divergence, and a collation
    read the copy as a lacuna there (audit c3)."""
    start = reference.text.index("Mounting political")
    end = reference.text.index("dialogue and consultations.", start) + len(
        "dialogue and consultations."
    )
    sentence = reference.text[start:end]
    changed = sentence.replace("Mounting", "Growing").replace("consultations.", "talks.")
    page = "Digest.\n\n" + lead + changed + close + "\n\nMore soon.\n"
    source = analyse(reference, [make_document(page, "quoted")]).sources[0]
    [passage] = source.passages
    assert (passage.reference.start, passage.reference.end) == (start, end)
    rows = {(d.copy_text, d.reference_text) for d in source.divergences}
    assert {("Growing", "Mounting"), ("talks", "consultations")} <= rows


def test_a_headline_case_title_stays_apart_when_the_next_line_opens_as_the_reference_does(
    reference: Document,
) -> None:
    """A title all of the statement's words in headline case, and the page's next line
    opening with two of the statement's next words ("The Parties of the plan are named
    below."): the seed carried the title into the excerpt, the line a material change."""
    start = reference.text.index("The Parties propose the following:")
    end = reference.text.index("\n", reference.text.index("The DPRK, by way of"))
    excerpt = reference.text[start:end]
    page, source = _titled(
        reference,
        "The Russian-Proposed Stage-By-Stage Korean Settlement Plan",
        "The Parties of the plan are named below.",
        excerpt,
    )
    assert [page[p.copy.start : p.copy.end] for p in source.passages] == [excerpt]
    assert not [d for d in source.divergences if d.severity is Severity.MATERIAL]


def test_a_seeds_chance_tail_past_a_copys_end_is_not_part_of_the_copy(
    reference: Document,
) -> None:
    """A copy stops inside point 4 after "the Korean Peninsula", and the page's next words
    ("To continue reading, ...") make a seed with it that point 5 holds ("of the Korean
    Peninsula to conduct"). The seed's one word past the copy's end was kept as a run
    after an omission of a hundred words: the passage claimed the reference to point 5,
    with "To" as a material substitution for all of it."""
    end = reference.text.index(" and a comprehensive and full implementation")
    page = (
        "Statement, part one.\n\n"
        + reference.text[:end]
        + "\n\nTo continue reading, take out a subscription for one euro a week.\n"
    )
    [passage] = analyse(reference, [make_document(page, "paywall")]).sources[0].passages
    assert passage.reference.end == end
    assert page[passage.copy.start : passage.copy.end].endswith("of the Korean Peninsula")


@pytest.mark.parametrize(
    "box",
    [
        # the teaser right after the cut, carrying on the statement's own words
        "Read more: security interests of regional states, including Russia and China, here",
        # a teaser further on, sharing a phrase with a later sentence
        "Continue reading: why regional states and the Korean Peninsula's denuclearisation"
        " aims clash with THAAD",
        "Keep reading: how THAAD affects strategic security interests of regional states",
    ],
)
def test_a_boxs_teaser_after_a_copys_end_does_not_carry_the_copy_on(
    reference: Document, box: str
) -> None:
    """A copy stops mid-sentence ("inflicting serious damage on") and a "Read more" box
    follows whose teaser repeats words of the statement's next sentence: the copy ended at
    the box. Before, the box's words were a material substitution for the statement's
    and the passage claimed its rest."""
    start = reference.text.index("6. The Parties")
    end = reference.text.index(" strategic security interests of regional states")
    page = f"Digest\n\n{reference.text[start:end]}\n\n{box}\n\nMarkets were flat.\n"
    [passage] = analyse(reference, [make_document(page, "boxed")]).sources[0].passages
    assert passage.reference.end == end
    assert page[passage.copy.start : passage.copy.end].endswith("serious damage on")


def test_a_read_more_box_inside_a_copy_still_leaves_one_copy(reference: Document) -> None:
    """The copy going on after the box, on a line of its own, is still one copy with the
    box as an interruption."""
    paragraphs = reference.text.split("\n\n")
    box = "Read more: Korean Peninsula talks and the denuclearisation of the Korean Peninsula"
    page = "\n\n".join([*paragraphs[:6], box, *paragraphs[6:]])
    [passage] = analyse(reference, [make_document(page, "boxed")]).sources[0].passages
    assert passage.kind is PassageKind.FULL


def test_a_quotation_closed_before_a_footnote_marker_ends_its_passage(
    reference: Document,
) -> None:
    """'... missile tests"[3] and on the United States and South Korea to "refrain ...':
    the passage grew past the footnote marker over the page's own words ("and on the
    United States"), reported as a material substitution for ", and". A quotation mark
    closing before the marker ends it, as one closing before a word does."""
    page = (
        'The statement called on the DPRK to announce "a moratorium on the testing of nuclear'
        ' explosive devices and ballistic missile tests"[3] and on the United States and South'
        ' Korea to "refrain from large-scale joint exercises".[3]\n'
    )
    source = analyse(reference, [make_document(page, "wiki")]).sources[0]
    first = source.passages[0]
    assert page[first.copy.start : first.copy.end].endswith("ballistic missile tests")
    assert not [d for d in source.divergences if d.severity is Severity.MATERIAL]


def test_block_quotations_of_chosen_passages_are_excerpts_not_a_cut_copy(
    reference: Document,
) -> None:
    """A "Key passages" section quoting point 2's last sentence and the proposal's first
    paragraph in two <blockquote>s, one after the other: the page chose two passages. They
    were one excerpt with point 3 a material omission."""
    text = reference.text
    first = text[text.index("The Parties oppose any statements") : text.index("3.The Parties")]
    second = text[text.index("The DPRK, by way of") : text.index(" Simultaneously, the")]
    page = (
        "<html><body><h2>Key passages</h2>"
        f"<blockquote><p>{first.strip()}</p></blockquote>\n"
        f"<blockquote><p>{second.strip()}</p></blockquote>"
        "<p>Both are worth reading twice.</p></body></html>"
    )
    document = replace(make_document(page, "keys"), format=Format.HTML)
    source = analyse(reference, [document]).sources[0]
    assert len(source.passages) == 2
    assert not [d for d in source.divergences if d.kind is Kind.OMISSION]


@pytest.mark.parametrize("marker", ["[1]", "<sup>1</sup>"])
def test_a_footnote_marker_between_a_closing_mark_and_the_full_stop_is_no_material_insertion(
    reference: Document, marker: str
) -> None:
    """'... should be ruled out”<sup>1</sup>.': the passage runs on to the full stop after
    the marker, and the closing mark with the marker was one material insertion ("”¹");
    they are a footnote and the quoting page's mark."""
    sentence = "Any possibility of using military means to solve the problems of the Korean "
    sentence += "Peninsula should be ruled out"
    page = f"<p>Finally, the statement insists that “{sentence}”{marker}.</p>"
    document = replace(make_document(page, "noted"), format=Format.HTML)
    source = analyse(reference, [document]).sources[0]
    assert source.passages
    assert not [d for d in source.divergences if d.severity is Severity.MATERIAL]
    assert "footnote" in [d.kind.value for d in source.divergences]


def test_lines_ending_on_the_statement_s_phrases_in_another_order_are_read(
    reference: Document,
) -> None:
    """Four lines of fragments running up to the statement's cut-off last sentence, "This
    statement" twice: a run trimmed of words another run copies kept more reference words
    to trim than it had (its reference start past its end) and `report` ended in an
    internal error (IndexError) on a 180-byte page."""
    page = (
        "in Northeast Asia. In the spirit of strategic\n"
        "ensure a strategic balance in the region. This statement\n"
        "foreign ministries of Russia and China (hereinafter referred to as\n"
        "This statement was signed on July\n"
    )
    for passage in locate(prepare(reference), make_document(page)):
        assert passage.reference.start <= passage.reference.end <= len(reference.text)


@pytest.mark.parametrize(
    ("ending", "added"),
    [
        ("in Moscow, Russia.", ", Russia"),
        ("in Moscow, Russian Federation.", ", Russian Federation"),
        ("in Moscow, officials said.", None),  # the page's words after the copy
    ],
)
def test_a_place_named_before_the_last_full_stop_stays_in_a_full_copy(
    reference: Document, ending: str, added: str | None
) -> None:
    """ "... signed on July 4, 2017, in Moscow, Russia." for "... in Moscow.": the copy
    was cut at "Moscow", its final full stop a material truncation, and the place it
    added reported nowhere (collate lost the witness's one reading; audit p5)."""
    assert reference.text.rstrip().endswith("in Moscow.")
    text = reference.text.rstrip()[: -len("in Moscow.")] + ending + "\n"
    source = analyse(reference, [make_document(text, "placed")]).sources[0]
    kinds = [(d.kind, d.copy_text) for d in source.divergences if d.kind is not Kind.WHITESPACE]
    if added is None:
        assert not any("officials" in text for kind, text in kinds if kind is Kind.INSERTION)
    else:
        assert kinds == [(Kind.INSERTION, added)]
        assert source.passages[0].copy.end == len(text.rstrip())


@pytest.mark.parametrize(
    "note",
    [
        "(Editor's note: the ministries later called this the “double freeze” plan.)",
        "Editor's note: officials have since called it the 'double freeze' in briefings.",
    ],
)
def test_a_note_quoting_in_its_own_words_between_paragraphs_interrupts_one_copy(
    reference: Document, note: str
) -> None:
    """A line of the page's own between two paragraphs of a full copy, quoting a phrase
    in its words: its quotation opens and closes in the line and ends no quotation of the
    copy. It held the copy apart as two excerpts (two marks the reference lacks there read
    as one quotation closing and another opening); the note is one interruption."""
    paragraphs = reference.text.split("\n")
    middle = len(paragraphs) // 2
    page = "\n\n".join([*paragraphs[:middle], note, *paragraphs[middle:]])
    source = analyse(reference, [make_document(page, "noted")]).sources[0]
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    (row,) = [d for d in source.divergences if note in d.copy_text]
    assert row.kind is Kind.INTERRUPTION and row.severity is Severity.MINOR


def test_quotations_closing_and_opening_around_the_page_s_lines_stay_apart(
    reference: Document,
) -> None:
    """The other side: two quotations of the statement, a closing mark after the first and
    an opening one before the second, with lines of the page's own quoting others between
    them (a live blog), are two excerpts, however the page's own quotations pair up."""
    first = "inflicting serious damage"
    a = reference.text.index(first)
    a_end = reference.text.index("Russia and China", a) + len("Russia and China")
    page = (
        f"18:30 Point 6: the deployment is “{reference.text[a:a_end]}”.\n\n"
        "18:33 An official said the Pentagon would “not trade the exercises away”.\n\n"
        "18:40 A reader writes that the text “puts calm first”.\n\n"
        "18:47 The anchor reads out its call on the relevant countries to “immediately stop "
        "and cancel the deployment process”, then calls the radar “a knife at our throat”.\n"
    )
    source = analyse(reference, [make_document(page, "blog")]).sources[0]
    assert [p.kind for p in source.passages] == [PassageKind.EXCERPT] * 2


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”")])
def test_a_quotation_the_page_closes_then_goes_on_in_its_own_words_ends_there(
    reference: Document, marks: tuple[str, str]
) -> None:
    """'would announce "a moratorium on ... ballistic missile tests", while the United
    States and South Korea would refrain from large-scale joint exercises': the run went on
    across the closing mark into the page's words that echo the statement's, one excerpt
    with material substitutions ("while" for "and", audit n58). The quotation the run
    opened ends at its closing mark."""
    opening, closing = marks
    quoted = "a moratorium on the testing of nuclear explosive devices and ballistic missile tests"
    assert quoted in reference.text
    page = (
        f"Under the joint initiative it sets out, the DPRK would announce {opening}{quoted}"
        f"{closing}, while the United States and South Korea would refrain from large-scale "
        "joint exercises.\n"
    )
    source = analyse(reference, [make_document(page, "echo")]).sources[0]
    assert [p.copy.of(page) for p in source.passages] == [quoted]
    assert not [d for d in source.divergences if d.severity is Severity.MATERIAL]


def test_a_reply_quoting_a_block_then_the_next_paragraph_in_its_prose_is_two_passages(
    reference: Document,
) -> None:
    # An e-mail reply quotes one paragraph at "> ", says a sentence and a half of its
    # own, then quotes the next paragraph's end in its prose: joined as one copy, the
    # reply's words were a material substitution for that paragraph's opening (n59).
    block = _sentence(reference, "The Parties confirm that the deployment of THAAD")
    wrapped = "\n".join("> " + line for line in re.findall(r".{1,68}(?:\s|$)", block))
    tail = "have agreed to adopt the necessary measures to protect the two countries"
    page = (
        "Nadia wrote:\n" + wrapped + "\n\nI would push back a little here. What struck me"
        f' more is the ending, where they "{tail}", which reads as new.\n'
    )
    capture = make_document(page)
    passages = locate(prepare(reference), capture)
    assert [p.copy.of(capture.text) for p in passages][-1] == tail
    assert len(passages) == 2
    [result] = analyse(reference, [capture]).sources
    assert not [d for d in result.divergences if d.severity is Severity.MATERIAL]


def test_an_echo_straight_before_a_quotation_resuming_further_on_is_not_the_copy(
    reference: Document,
) -> None:
    # The writer echoes five words of the statement, then quotes it from further on:
    # joined as one passage, the statement's words between were a material omission
    # (audit e57's newsletter).
    at = reference.text.index("is inflicting serious damage")
    quoted = reference.text[at : reference.text.index(", and does nothing", at)]
    page = f'On the second, the statement argues that the deployment of THAAD\n"{quoted}".\n'
    capture = make_document(page)
    [passage] = locate(prepare(reference), capture)
    assert passage.copy.of(capture.text) == quoted
    [result] = analyse(reference, [capture]).sources
    assert not [d for d in result.divergences if d.kind is Kind.OMISSION]
