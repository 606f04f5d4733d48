"""Plain text quoted the e-mail way: each line of the quoted text opened by ">".

Mailing lists, forums and Usenet archives quote a document by prefixing its lines with
"> " (or "> > " when a reply quotes a reply). The marks are the page's quoting, like a
Markdown `>` block: they are read past, and the lines they open are a block quotation.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.analyse import analyse
from provenance.extract import extract
from provenance.model import Document, PassageKind, Severity, Span
from provenance.quotes.verdicts import QuoteVerdict


def _wrapped(paragraph: str, prefix: str, width: int = 60) -> str:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(prefix + x for x in lines)


@pytest.mark.parametrize("prefix", ["> ", ">", "> > ", "  > "])
def test_an_email_quoting_a_paragraph_reads_it_without_the_marks(
    reference: Document, prefix: str
) -> None:
    paragraph = next(p for p in reference.text.split("\n\n") if p.startswith("1. The Parties"))
    page = (
        "From: desk@example.org\nSubject: the Moscow text\n\n"
        "Our contact in Moscow forwarded point 1 of the statement:\n\n"
        f"{_wrapped(paragraph, prefix)}\n\nWorth a line in tomorrow's brief?\n-- \nThe desk\n"
    )
    source = analyse(reference, [make_document(page, "email")]).sources[0]
    [passage] = source.passages
    assert passage.reference.of(reference.text) == paragraph
    assert page[passage.copy.start : passage.copy.end].endswith("resolutions.")
    assert all(d.severity is Severity.COSMETIC for d in source.divergences), [
        (d.kind, d.copy_text) for d in source.divergences
    ]
    assert all(d.copy.of(page) == d.copy_text for d in source.divergences)
    attributed = [q for q in source.quotes if q.attributed]
    assert all(q.verdict is QuoteVerdict.VERBATIM for q in attributed)


def test_the_quoted_lines_are_a_block_quotation() -> None:
    page = "He wrote:\n\n> first line\n> second line\n\nThanks.\n"
    readable = extract(make_document(page, "email"))
    assert readable.text == "He wrote:\n\nfirst line\nsecond line\n\nThanks.\n"
    [block] = readable.quoted
    assert readable.text[block.start : block.end] == "first line\nsecond line"
    assert readable.span(block.start, block.end).of(page) == "first line\n> second line"


@pytest.mark.parametrize(
    "page",
    [
        "Turnout was high.\n> 50 people came.\nNobody left early.\n",  # one line: not quoting
        "Turnout was high.\n\n> 50 people came.\n\nNobody left early.\n",  # no letter after it
        "Turnout:\n\n>50% of the voters\n",  # no space after it
        "if a > b then\nprint(a)\n",  # a ">" inside a line
        "Try it:\n\n>>> 1 + 1\n2\n>>> 2 * 3\n6\n",  # Python's prompt
        "Try it:\n\n>>> x = [\n... 1]\n>>> x\n",
    ],
)
def test_a_lone_angle_bracket_is_text(page: str) -> None:
    assert extract(make_document(page, "plain")).identity


@pytest.mark.parametrize(
    "intro",
    [
        "From the statement itself:\n\n",
        "The ministries' joint statement ends with this line.\n\n",
        "And the closing line:\n\n",
    ],
)
def test_one_quoted_line_as_a_paragraph_of_its_own_is_a_block_quotation(
    reference: Document, intro: str
) -> None:
    """A reply quoting one sentence of the statement on a "> " line of its own: the mark
    was read as the quotation's first character (a punctuation row: `altered`), or, after
    a line that names no one, the line was no quotation at all."""
    sentence = next(s for s in reference.text.split("\n\n") if s.startswith("This statement"))
    page = f"The July 4 text, again.\n\n{intro}> {sentence}\n\nSee you next week.\n"
    for text in (page, page.replace("\n", "\r\n")):  # (a Windows mail's line ends too)
        source = analyse(reference, [make_document(text, "email")]).sources[0]
        [quote] = [q for q in source.quotes if q.attributed]
        assert (quote.verdict, quote.text) == (QuoteVerdict.VERBATIM, sentence)


def test_a_quoted_blank_line_is_a_paragraph_break(reference: Document) -> None:
    """Paragraphs quoted together are parted by a line holding only ">"."""
    paragraphs = [p for p in reference.text.split("\n\n") if p[:2] in ("1.", "2.")]
    page = "He wrote:\n\n" + "\n>\n".join(_wrapped(p, "> ") for p in paragraphs) + "\n\nThanks.\n"
    readable = extract(make_document(page, "email"))
    assert "\n\n2. The Parties" in readable.text
    source = analyse(reference, [make_document(page, "email")]).sources[0]
    assert len(source.passages) == 1
    assert all(d.severity is Severity.COSMETIC for d in source.divergences), [
        (d.kind, d.copy_text) for d in source.divergences
    ]


_LETTER = [
    "1. The commissions are deeply concerned by the chemical spill reported at the Marsh "
    "Bend works, and consider the delay in reporting it contrary to the basin treaty.",
    "2. Any plan to divert the upper river without the consent of both commissions should "
    "be set aside, and the existing flow agreements honoured in full by every party.",
]
"""Two paragraphs of our own, the reference of the CRLF tests below."""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("prefix", ["> ", "> > "])
def test_every_reading_of_a_quoted_reply_is_its_slice(newline: str, prefix: str) -> None:
    """A reply quoting two paragraphs, a line of marks alone between them, in a file with
    CRLF line ends (as mail clients save them): the paragraph break "\\r\\n\\r\\n" is a
    whitespace row for the reference's "\\n\\n", and its text was the readable
    "\\r\\n\\r" while its span held "\\r\\n>\\r". For plain text a row's text is exactly
    the capture's slice (docs/report-json.md), with LF and CRLF alike."""
    reference = make_document("\n\n".join(_LETTER), "reference")
    blank = prefix.rstrip() + "\n"
    quoted = blank.join(_wrapped(p, prefix) + "\n" for p in _LETTER)
    page = f"On Tuesday the desk wrote:\n\n{quoted}\nThanks, noted.\n".replace("\n", newline)
    source = analyse(reference, [make_document(page, "reply")]).sources[0]
    assert [(p.reference.start, p.reference.end) for p in source.passages] == [
        (0, len(reference.text))
    ]
    assert source.divergences
    assert all(d.severity is Severity.COSMETIC for d in source.divergences)
    assert [d.copy.of(page) for d in source.divergences] == [
        d.copy_text for d in source.divergences
    ]


@pytest.mark.parametrize("rule", [" | ", "  ", "│"])
def test_a_copy_numbered_line_by_line_in_its_margin_reads_without_the_numbers(
    reference: Document, rule: str
) -> None:
    """A court exhibit or a transcript prints the text with a number before each line
    ("  7 | "): the printer's, read past, so the copy holds nothing the statement lacks
    (each number was a material insertion) and every offset is still the page's."""
    paragraph = next(p for p in reference.text.split("\n\n") if p.startswith("2. The Parties"))
    lines = _wrapped(paragraph, "").split("\n")
    numbered = "\n".join(f"{n:>3}{rule}{line}" for n, line in enumerate(lines, start=12))
    page = f"EXHIBIT R-4 (extract), lines as filed:\n\n{numbered}\n\nEnd of the extract.\n"
    source = analyse(reference, [make_document(page, "exhibit")]).sources[0]
    [passage] = source.passages
    assert passage.reference.of(reference.text) == paragraph
    assert all(d.severity is Severity.COSMETIC for d in source.divergences), [
        (d.kind, d.copy_text) for d in source.divergences
    ]
    assert all(d.copy.of(page) == d.copy_text for d in source.divergences)


def test_numbers_opening_two_lines_or_lines_not_counting_up_are_text() -> None:
    """Two numbered lines, numbers that do not go up one by one ("2017 ...", "12 ..."),
    or points numbered a paragraph apart are the page's words, not a margin's."""
    for page in (
        "1 apple\n2 pear\n\nend\n",
        "2017 was a year\n12 people came\n13 left\n",
        "1 The Parties\n\n2 The Parties\n\n3 The Parties\n\n4 The Parties\n",
    ):
        assert extract(make_document(page, "list")).text == page


def _cues(text: str, words: int, *, numbered: bool, named: bool = False) -> str:
    """`text` as a subtitle file: cues of `words` words, on two lines, each with its
    timecode (and number; or, in WebVTT, a name when `named`)."""
    flat = text.split()
    blocks = []
    for n, at in enumerate(range(0, len(flat), words), start=1):
        cue = flat[at : at + words]
        half = (len(cue) + 1) // 2
        start, end = divmod(3 * n, 60), divmod(3 * n + 3, 60)
        timing = f"00:{start[0]:02}:{start[1]:02},200 --> 00:{end[0]:02}:{end[1]:02},100"
        if not numbered:  # WebVTT: "." before the milliseconds, cue settings after
            timing = timing.replace(",", ".") + " align:start position:10%"
        lines = [" ".join(cue[:half]), " ".join(cue[half:])]
        label = [str(n)] if numbered else [f"cue-{n}"] if named else []
        blocks.append("\n".join([*label, timing, *lines]))
    head = "" if numbered else "WEBVTT\nKind: captions\n\n"
    return head + "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize(
    ("numbered", "named"),
    [(True, False), (False, False), (False, True)],
    ids=["srt", "vtt", "vtt-ids"],
)
@pytest.mark.parametrize("words", [4, 6, 9])
def test_a_copy_in_subtitles_reads_without_cue_numbers_and_timecodes(
    reference: Document, numbered: bool, named: bool, words: int
) -> None:
    """A broadcast's subtitles (SRT, WebVTT) hold the statement a few words a cue: their
    numbers and timecodes are the file's, read past. With short cues they outweighed the
    words and no passage was found; a cue starting one word into a paragraph whose break
    the subtitles lost gave a material substitution."""
    page = _cues(reference.text, words, numbered=numbered, named=named)
    source = analyse(reference, [make_document(page, "subtitles")]).sources[0]
    assert [(p.kind, p.reference) for p in source.passages] == [
        (PassageKind.FULL, Span(0, len(reference.text.rstrip())))
    ]
    assert all(d.severity is Severity.COSMETIC for d in source.divergences), [
        (d.kind, d.copy_text) for d in source.divergences if d.severity is not Severity.COSMETIC
    ]
    assert all(d.copy.of(page) == d.copy_text for d in source.divergences)


def test_one_or_two_timecodes_are_text() -> None:
    page = (
        "The clip runs 00:01:02,000 --> 00:01:09,500 in the file.\n\n"
        "1\n00:00:01,000 --> 00:00:02,000\nHello\n"
    )
    assert extract(make_document(page, "notes")).text == page


def _point(reference: Document, opening: str) -> str:
    return next(p for p in reference.text.split("\n\n") if p.startswith(opening))


@pytest.mark.parametrize(
    ("opening", "between"),
    [
        ("[quote]", "So no, it does not say anybody keeps their weapons. Read it again."),
        ('[QUOTE="MFA text, post: 12"]', "And on missile defence:"),
        ("[quote=kettlebell_77]", ""),
    ],
)
def test_forum_quotation_tags_part_two_excerpts(
    reference: Document, opening: str, between: str
) -> None:
    """A forum's BBCode tags are its quoting, not an editor's brackets: two quoted points
    with a reply between are two excerpts (they were one copy, the reply a bracket that
    changed the points left out between; audit l27)."""
    first, second = _point(reference, "4.The Parties"), _point(reference, "Russia and China are")
    page = (
        f"Posted by Orchid_Sea\n\n{opening}{first}[/quote]\n\n{between}\n\n"
        f"[quote]{second}[/quote]\n\nPosted by dmitri_k\n"
    )
    source = analyse(reference, [make_document(page, "forum")]).sources[0]
    assert [p.copy.of(page) for p in source.passages] == [first, second]
    assert source.divergences == ()
    readable = extract(make_document(page, "forum"))
    assert [s.of(readable.text) for s in readable.quoted] == [first, second]


@pytest.mark.parametrize(
    "page",
    [
        "See [/quote] in the docs, and the [quote] tag.",
        "An unclosed [quote]The Parties are seriously worried.",
    ],
)
def test_forum_tags_that_pair_with_none_are_text(page: str) -> None:
    assert extract(make_document(page, "tags")).text == page
