"""A block quotation whose introduction names no speaker ("Its actual wording is:")
never takes the person the paragraph after it names: the speaker, if any, was before."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from quote_cases import reference

from provenance.analyse import Analyser
from provenance.model import Document, Format

ANALYSER = Analyser.of(reference())
LINE = "Russia and China are against the deployment of the said systems."
INVENTED = "The Parties will answer any deployment with force."

PAGES = {
    Format.HTML: "<p>{intro}</p>\n<blockquote>{block}</blockquote>\n<p>{after}</p>\n",
    Format.MARKDOWN: "{intro}\n\n> {block}\n\n{after}\n",
}


def _speakers(fmt: Format, intro: str, block: str, after: str) -> list[tuple[str, str]]:
    text = PAGES[fmt].format(intro=intro, block=block, after=after)
    data = text.encode()
    suffix = "html" if fmt is Format.HTML else "md"
    page = Document(
        "page", Path(f"page.{suffix}"), hashlib.sha256(data).hexdigest(), len(data), text, fmt
    )
    quotes = ANALYSER.source(page).quotes
    return [(q.text[:12], q.attribution.speaker if q.attribution else "none") for q in quotes]


@pytest.mark.parametrize("fmt", list(PAGES))
def test_the_document_named_earlier_in_the_introduction_speaks_the_block(fmt: Format):
    got = _speakers(
        fmt,
        "That is not what the declaration says. Its actual wording is:",
        LINE,
        'Park also wrote that the drills were "purely defensive".',
    )
    assert got == [(LINE[:12], "document"), ("purely defen", "person")]


@pytest.mark.parametrize("fmt", list(PAGES))
@pytest.mark.parametrize(
    "after",
    ['A spokesman in Seoul said the meeting was "a show".', 'Kim wrote that it was "fine".'],
)
def test_an_introduction_naming_no_one_leaves_the_block_to_no_one(fmt: Format, after: str):
    got = _speakers(fmt, "Reporters were handed two pages. The key line is this:", INVENTED, after)
    assert got[0] == (INVENTED[:12], "none")
    assert got[1][1] == "person"


@pytest.mark.parametrize("fmt", list(PAGES))
@pytest.mark.parametrize(
    ("intro", "after"),
    [
        # the paragraph before: someone's own claim, not an introduction
        (
            "Western diplomats declined to comment, but one said privately that the text "
            "had been negotiated for weeks.",
            "The ministry has not replied.",
        ),
        # the paragraph after: a claim about the block, not a tag naming who spoke it
        (
            "The two governments went further than ever before.",
            "Analysts said the language was the strongest yet.",
        ),
        # the text itself the object of the speech verb: spoken about, not spoken
        (
            "The ministers met on Tuesday.",
            "Diplomats in Seoul, reached by telephone, dismissed the passage as boilerplate.",
        ),
    ],
)
def test_a_persons_own_claim_beside_a_block_does_not_speak_it(fmt: Format, intro: str, after: str):
    """A block of the statement's words between the page's paragraphs: a person saying
    something of their own ("said privately that ...", "said the language was ...") in
    the paragraph before or after is not its speaker (before, the block was given to
    them, and quoting the statement became their words)."""
    got = _speakers(fmt, intro, LINE, after)
    assert got[0] == (LINE[:12], "none")


@pytest.mark.parametrize("fmt", list(PAGES))
def test_a_tag_after_a_block_still_names_its_speaker(fmt: Format):
    got = _speakers(
        fmt, "Lavrov spoke to reporters.", INVENTED, "Lavrov said in Moscow on Tuesday."
    )
    assert got[0] == (INVENTED[:12], "person")


@pytest.mark.parametrize("fmt", list(PAGES))
def test_a_cue_in_a_relative_clause_introduces_no_block(fmt: Format) -> None:
    """A page's own pull quote after a paragraph whose last sentence reports the statement
    in a relative clause ("the battery, which the two ministries say harms the whole
    region") was the statement's, and not in it. A cue of a relative clause says what
    is said there; with no colon, it leads into nothing after it."""
    got = _speakers(
        fmt,
        "The longest part is about the battery in the South, which the two ministries say "
        "harms the security of the whole region.",
        "What comes last in a text is rarely what matters least.",
        "The wording on force deserves a look too.",
    )
    assert got == [("What comes l", "none")]


def _page(fmt: Format, text: str) -> Document:
    data = text.encode()
    suffix = {Format.HTML: "html", Format.MARKDOWN: "md"}.get(fmt, "txt")
    return Document(
        "page", Path(f"page.{suffix}"), hashlib.sha256(data).hexdigest(), len(data), text, fmt
    )


def _quotes(fmt: Format, text: str) -> list[tuple[str, str, str]]:
    """(text, verdict, speaker) of each quotation of a page."""
    page = _page(fmt, text)
    return [
        (q.text, q.verdict.value, q.attribution.speaker if q.attribution else "none")
        for q in ANALYSER.source(page).quotes
    ]


@pytest.mark.parametrize(
    "block",
    [
        # phpBB, vBulletin: the poster quoted named in a <cite> opening the block
        "<blockquote><cite>mira_ek wrote:</cite>{line}</blockquote>",
        '<blockquote class="uncited"><div><cite>mira_ek wrote:</cite>{line}</div></blockquote>',
        # the HTML way: who said it after the words, in the block
        "<blockquote><p>{line} <cite>mira_ek</cite></p></blockquote>",
    ],
)
def test_a_cite_in_a_block_names_the_speaker_and_is_not_quoted(block: str) -> None:
    """A forum quotes a reply in a <blockquote> opened (or closed) by a <cite> naming who
    wrote it: who is quoted, not words of the quotation, which stays verbatim; and, read
    as a line of its own before the block, a cue naming its speaker."""
    page = f"<article>{block.format(line=LINE)}\n<p>Not this again.</p></article>"
    got = _quotes(Format.HTML, page)
    assert [(text, verdict) for text, verdict, _ in got] == [(LINE, "verbatim")]
    if block.index("<cite>") < block.index("{line}"):
        assert got[0][2] == "person"


@pytest.mark.parametrize(
    ("fmt", "page"),
    [
        (
            Format.HTML,
            "<p>From the thread:</p><blockquote><p>{line}<br>\u2014 Mira Ek</p></blockquote>",
        ),
        (Format.MARKDOWN, "From the thread:\n\n> {line}\n> \u2014 Mira Ek\n"),
        (Format.MARKDOWN, "From the thread:\n\n> {line}\n> -- Mira Ek, July 2017\n"),
    ],
)
def test_a_credit_line_ending_a_quoted_paragraph_is_not_quoted(fmt: Format, page: str) -> None:
    """ "— Name" on the last line of a block's paragraph credits the words above it: not a
    word of the quotation (which would then read as altered)."""
    got = _quotes(fmt, page.format(line=LINE) + "\nNot this again.\n")
    assert [(text, verdict) for text, verdict, _ in got] == [(LINE, "verbatim")]


@pytest.mark.parametrize(
    "page",
    [
        "<blockquote><cite>vlad wrote:</cite>{line}</blockquote>\n<p>{reply}</p>\n",
        "<p>vlad wrote:</p>\n<blockquote><p>{line}</p></blockquote>\n<p>{reply}</p>\n",
    ],
)
def test_a_reply_opening_with_a_quotation_after_a_block_is_no_continuation(page: str) -> None:
    """A paragraph after a block quotation that opens with a mark of its own does not go
    on with the block (the convention for a quotation of several paragraphs is for one
    left open at its paragraph's end; a block is closed by its markup): the reply's
    quotation is the statement's words, not the quoted poster's."""
    text = page.format(
        line="The Parties confirm that the DPRK’s justified concerns should be respected.",
        reply='"Justified concerns"?? That phrase alone sinks it.',
    )
    assert _quotes(Format.HTML, text)[-1][:2] == ("Justified concerns", "verbatim")


DOCUMENT_NAMED = "The joint statement calls for a freeze on drills."
"""A paragraph before a block that names the document: it introduces the block, unless
the block's own credit names someone else."""


@pytest.mark.parametrize(
    ("fmt", "page"),
    [
        (
            Format.HTML,
            "<p>{intro}</p><blockquote><p>{line}</p><cite>Sergei Lavrov</cite></blockquote>",
        ),
        (
            Format.HTML,
            "<p>{intro}</p><blockquote><p>{line}<br>\u2014 Sergei Lavrov</p></blockquote>",
        ),
        (Format.MARKDOWN, "{intro}\n\n> {line}\n> \u2014 Sergei Lavrov, to reporters\n"),
        (Format.MARKDOWN, "{intro}\n\n> {line}\n>\n> -- Sergei Lavrov (@mfa_russia)\n"),
    ],
)
def test_a_credit_closing_a_block_names_the_person_it_quotes(fmt: Format, page: str) -> None:
    """A `<cite>` or a "— Name" line closing a block quotation credits its words: they are
    that person's, whatever the paragraph before says of the statement (before, the block
    was the statement's, and a person's words became a finding against it)."""
    text = page.format(intro=DOCUMENT_NAMED, line=INVENTED) + "\nNot this again.\n"
    [(quoted, verdict, speaker)] = _quotes(fmt, text)
    assert (quoted, verdict, speaker) == (INVENTED, "other", "person")
    [credited] = ANALYSER.source(_page(fmt, text)).quotes
    assert credited.attribution is not None and credited.attribution.text == "Sergei Lavrov"


@pytest.mark.parametrize(
    ("fmt", "page"),
    [
        (
            Format.HTML,
            "<p>{intro}</p><blockquote><p>“{line}”</p><cite>Sergei Lavrov</cite></blockquote>",
        ),
        (Format.MARKDOWN, "{intro}\n\n> “{line}”\n>\n> \u2014 Sergei Lavrov\n"),
    ],
)
def test_a_credit_closing_a_block_names_the_person_of_its_quotation_in_marks(
    fmt: Format, page: str
) -> None:
    """A block whose paragraph is one quotation in marks (its marks do the quoting) is
    still credited by its closing line: before, the paragraph before it spoke the words."""
    text = page.format(intro=DOCUMENT_NAMED, line=INVENTED) + "\nNot this again.\n"
    [(quoted, verdict, speaker)] = _quotes(fmt, text)
    assert (quoted, verdict, speaker) == (INVENTED, "other", "person")


@pytest.mark.parametrize(
    ("fmt", "page"),
    [
        (
            Format.HTML,
            "<p>{intro}</p><blockquote><p>{line}</p>"
            "<cite>Joint statement of the Russian and Chinese foreign ministries</cite>"
            "</blockquote>",
        ),
        (Format.MARKDOWN, "{intro}\n\n> {line}\n>\n> \u2014 from the joint statement of July 4\n"),
        (
            Format.MARKDOWN,
            "{intro}\n\n> {line}\n> \u2014 Russian and Chinese foreign ministries, 4 July 2017\n",
        ),
        (  # a full title, its date and the part quoted: longer than a name
            Format.MARKDOWN,
            "{intro}\n\n> {line}\n>\n> \u2014 Joint Statement by the Foreign Ministries of the"
            " Russian Federation and the People's Republic of China, Moscow, 4 July 2017,"
            " point 4\n",
        ),
        (
            Format.HTML,
            "<p>{intro}</p><blockquote><p>{line}</p><p>&mdash; Joint Statement by the Foreign"
            " Ministries of the Russian Federation and the People's Republic of China, Moscow,"
            " 4 July 2017, point 4</p></blockquote>",
        ),
    ],
)
def test_a_credit_closing_a_block_names_the_document_it_quotes(fmt: Format, page: str) -> None:
    """A credit naming the statement, or its two ministries together, gives the block to
    the document: its words are judged as the statement's (before, a block after a
    paragraph naming no one was no one's, and invented words no finding)."""
    text = page.format(intro="From the thread.", line=INVENTED) + "\nNot this again.\n"
    [(quoted, verdict, speaker)] = _quotes(fmt, text)
    assert (quoted, speaker) == (INVENTED, "document")
    assert verdict in ("paraphrase", "not-in-reference")
    text = page.format(intro="From the thread.", line=LINE) + "\nNot this again.\n"
    assert _quotes(fmt, text) == [(LINE, "verbatim", "document")]


def test_a_list_item_ending_a_block_names_no_one() -> None:
    """A line opening with a hyphen may be a list's last item (here in an e-mail's quoted
    lines): left out of the words quoted, as ever, but no credit naming who is quoted."""
    text = f"{DOCUMENT_NAMED}\n\n> {INVENTED}\n> - Sergei Lavrov\n\nNot this again.\n"
    [(quoted, _, speaker)] = _quotes(Format.TEXT, text)
    assert (quoted, speaker) == (INVENTED, "document")


XENFORO = (
    '<blockquote class="bbCodeBlock bbCodeBlock--quote" data-attributes="member: 1"'
    ' data-quote="mira_ek"><div class="bbCodeBlock-title">mira_ek said:</div>'
    '<div class="bbCodeBlock-content">{line}</div></blockquote>'
)
XENFORO_EXPANDABLE = (
    '<blockquote class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch"'
    ' data-attributes="member: 1" data-quote="mira_ek" data-source="post: 7">\n'
    '  <div class="bbCodeBlock-title">\n    <a href="/goto/post?id=7"'
    ' class="bbCodeBlock-sourceJump">mira_ek said:</a>\n  </div>\n'
    '  <div class="bbCodeBlock-content">\n'
    '    <div class="bbCodeBlock-expandContent js-expandContent ">\n      {line}\n    </div>\n'
    '    <div class="bbCodeBlock-expandLink js-expandLink">'
    '<a role="button" tabindex="0">Click to expand...</a></div>\n'
    "  </div>\n</blockquote>"
)
PHPBB_3_3 = (
    '<blockquote cite="./viewtopic.php?p=7#p7"><div><cite>'
    '<a href="./memberlist.php?mode=viewprofile&amp;u=2">mira_ek</a> wrote: '
    '<a href="./viewtopic.php?p=7#p7" data-post-id="7">\u2191</a>'
    '<span class="responsive-hide">Tue Jul 04, 2017 9:00 am</span></cite>{line}</div></blockquote>'
)
DISCOURSE = (
    '<aside class="quote no-group" data-username="mira_ek" data-post="2" data-topic="9">'
    '<div class="title"><div class="quote-controls"></div>'
    '<img alt="" width="24" height="24" src="/avatar.png" class="avatar"> mira_ek:</div>'
    "<blockquote><p>{line}</p></blockquote></aside>"
)


@pytest.mark.parametrize(
    "block",
    [XENFORO, XENFORO_EXPANDABLE, PHPBB_3_3, DISCOURSE],
    ids=["xenforo", "xenforo-expandable", "phpbb-3.3", "discourse"],
)
@pytest.mark.parametrize("line", [LINE, INVENTED])
def test_a_forums_title_line_names_the_poster_quoted(block: str, line: str) -> None:
    """A forum's title over a quoted post ("mira_ek said:", "mira_ek:") names who is quoted:
    no word of the quotation, which stays as written (before, XenForo's title and its
    "Click to expand..." were read as quoted words, and the statement's line was no longer
    verbatim), and the poster speaks it (Discourse's title named no one, and its quote
    box was page furniture, read only where it held five of the statement's words)."""
    page = f"<article><p>Back to the thread.</p>{block.format(line=line)}<p>Not this.</p></article>"
    quotes = ANALYSER.source(_page(Format.HTML, page)).quotes
    assert [(q.text, q.verdict.value) for q in quotes] == [
        (line, "verbatim" if line == LINE else "other")
    ]
    assert quotes[0].attribution is not None
    assert (quotes[0].attribution.speaker, quotes[0].attribution.text[:7]) == ("person", "mira_ek")


def test_a_footer_closing_a_block_quotation_names_its_speaker() -> None:
    """Bootstrap's `<footer>` under a block quotation credits it ("— Ivan Petrov,
    analyst"): the block is his. It was page furniture, set aside, and the block took the
    statement's credit from the block before it (not in the statement: a finding)."""
    page = (
        "<html><body><article><p>Commentary on the week.</p>"
        "<blockquote><p>Russia and China will recall their ambassadors from Seoul.</p>"
        "<p>— Joint statement of the Russian and Chinese foreign ministries</p></blockquote>"
        "<blockquote><p>The two countries will sell arms to whoever asks.</p>"
        "<footer>— Ivan Petrov, analyst</footer></blockquote></article></body></html>"
    )
    assert [(v, s) for _, v, s in _quotes(Format.HTML, page)] == [
        ("not-in-reference", "document"),
        ("other", "person"),
    ]


@pytest.mark.parametrize("header", ["**u/hawkeye_kr** · 33 points", "@mira_ek · 2h"])
def test_a_forum_header_opening_a_quoted_reply_is_its_credit(header: str) -> None:
    """A reply quoted whole, its header first ("u/hawkeye_kr · 33 points"): who wrote it,
    not words of it. Read as a quoted paragraph after a sentence about the statement, the
    header was an invented quotation of the statement ("a number (33)")."""
    page = (
        'The statement says Russia and China "will closely coordinate their efforts".\n\n'
        f"> {header}\n>\n> Source? Nobody reads these things.\n"
    )
    got = _quotes(Format.MARKDOWN, page)
    assert not [text for text, _, _ in got if "33" in text or "2h" in text]
    assert [verdict for _, verdict, _ in got][-1] == "other"


_P12_P13 = (
    "The Parties confirm that the deployment of THAAD antimissile systems in Northeast Asia "
    "is inflicting serious damage on strategic security interests of regional states, "
    "including Russia and China, and does nothing to help achieve the aims of the Korean "
    "Peninsula’s denuclearisation, nor to ensure peace and stability in the region.",
    "Russia and China are against the deployment of the said systems, call on the relevant "
    "countries to immediately stop and cancel the deployment process, and have agreed to "
    "adopt the necessary measures to protect the two countries’ security interests and to "
    "ensure a strategic balance in the region.",
)


@pytest.mark.parametrize(
    ("fmt", "page"),
    [
        (Format.MARKDOWN, "The sixth point reads:\n\n> {0}\n\n> {1}\n\nThat is all.\n"),
        (
            Format.HTML,
            "<p>The sixth point reads:</p><blockquote><p>{0}</p></blockquote>"
            "<blockquote><p>{1}</p></blockquote><p>That is all.</p>",
        ),
    ],
)
def test_two_block_quotations_in_a_row_are_two_quotations(fmt: Format, page: str) -> None:
    """Two `>` blocks (or `<blockquote>`s) quoting neighbouring paragraphs, which locate
    reads as one copy: each is a quotation of the statement. The second was dropped (its
    "introduction", the first block, lies in a passage: read as a copy's own line), and
    both when the copy ran across them."""
    got = _quotes(fmt, page.format(*_P12_P13))
    assert [(text, verdict) for text, verdict, _ in got] == [(p, "verbatim") for p in _P12_P13]


def test_a_thread_of_handles_in_a_markdown_list_is_one_post_a_line() -> None:
    """A Markdown list of posts ("- **@hawk**: ..."), its bullets read away: each line
    opening on a handle is a sentence of its own, and the statement named in one post
    does not speak the quotation of the post before (an invented quotation of it)."""
    page = (
        '- **@hawk_1776**: "Appeasement, plain and simple."\n'
        '- **@sino_observer**: The statement says both sides will "ensure a strategic '
        'balance in the region".\n'
    )
    got = _quotes(Format.MARKDOWN, page)
    assert got[0][0] == "Appeasement, plain and simple."
    assert got[0][1:] == ("other", "none")


def test_a_footnote_mark_alone_in_a_block_is_no_quotation() -> None:
    """A block's last paragraph that is only a footnote's mark ("*", its note below the
    block) quotes nothing (it was a quotation "*" of its own)."""
    text = (
        f"<p>The statement says:</p><blockquote><p>{LINE}</p>*</blockquote>"
        '<p class="fn">*Emphasis added by the editors.</p>'
    )
    assert _quotes(Format.HTML, text) == [(LINE, "verbatim", "document")]


def test_a_long_dash_line_of_the_quoted_words_is_no_credit() -> None:
    """A block's last line opening with a dash and going on with the quoted words ("— and
    urge all countries concerned ...") is quoted, not taken for a long credit line: only a
    title with a date, a number or a document's noun is one."""
    line = (
        "\u2014 and urge all countries concerned to maintain calm, renounce provocative moves"
        " or bellicose rhetoric"
    )
    text = f"The statement says:\n\n> {LINE}\n>\n> {line}\n\nMore later.\n"
    quoted = [q[0] for q in _quotes(Format.MARKDOWN, text)]
    assert quoted == [LINE, line]


@pytest.mark.parametrize("rule", ["> \u2014 \u2014 \u2014", "> * * *", "\u2014 \u2014 \u2014"])
def test_a_rule_after_a_colon_is_no_quotation(rule: str) -> None:
    """A line of dashes or stars after "The statement ends:" (in a block quotation or
    not) quotes nothing: it was a quotation of its own, not in the reference."""
    text = f"The statement ends:\n\n{rule}\n\nNo questions were taken.\n"
    assert [q[0] for q in _quotes(Format.MARKDOWN, text)] in ([], ["No questions were taken."])
    assert all(q[0].strip("\u2014*- ") for q in _quotes(Format.MARKDOWN, text))


@pytest.mark.parametrize("fmt", list(PAGES))
@pytest.mark.parametrize("note", ["(emphasis added)", "[emphasis in original]"])
def test_a_note_on_the_emphasis_as_a_blocks_own_paragraph_is_no_quotation(
    fmt: Format, note: str
) -> None:
    """ "> (emphasis added)" as the last paragraph of a block quoting the statement: the
    page's note on its markup, not words the block quotes (it was a quotation the
    statement lacks, not-in-reference, a false material finding)."""
    block = LINE + ("</p><p>" if fmt is Format.HTML else "\n>\n> ") + note
    if fmt is Format.HTML:
        block = f"<p>{block}</p>"
    got = _speakers(fmt, "The declaration reads:", block, "Nothing more was said.")
    assert got == [(LINE[:12], "document")]


@pytest.mark.parametrize(
    ("fmt", "page"),
    [
        (Format.MARKDOWN, "{intro}\n\n> {line}\n>\n> \u2014 {credit}, 4 July 2017\n"),
        (Format.HTML, "<p>{intro}</p><blockquote><p>{line}</p><cite>{credit}</cite></blockquote>"),
    ],
)
def test_a_credit_naming_another_joint_statement_is_not_this_one(fmt: Format, page: str) -> None:
    """The two presidents signed a joint statement on the world situation the same day: a
    block credited to it ("— Joint statement of the Presidents on the current world
    situation") quotes that one, whose words were a not-in-reference finding against this
    one (audit q48). Credited to this one, by its topic, the block is still checked."""
    line = "The two sides call for a multipolar world and the democratisation of relations."
    intro = "The presidents' own document of the same day opens on a wider theme:"
    other = "Joint statement of the Presidents on the current world situation"
    ours = "Joint statement of the foreign ministers on the Korean Peninsula"
    text = page.format(intro=intro, line=line, credit=other)
    assert _quotes(fmt, text) == [(line, "other", "person")]
    text = page.format(intro=intro, line=line, credit=ours)
    assert _quotes(fmt, text) == [(line, "not-in-reference", "document")]
