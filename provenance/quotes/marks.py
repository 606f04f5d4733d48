"""Find the quotations of a capture: its quotation marks paired, and its sentences.

For `provenance.quotes.verdicts` (who speaks is `provenance.quotes.speakers`):
`find_quotations` pairs quotation marks of every common style (“…”, "…", ‘…’, ‚…‘,
„…“, «…», »…«, ‹…›) into quotations with original offsets. A single mark between two
letters is an apostrophe (We’ve, China‘s), never a quotation mark. A quotation may run
over a line break but not over a paragraph break: an opening mark still open at a blank
line is reported as unterminated, unless the next paragraph opens with the same mark (the
convention for a quotation running over several paragraphs). Only outermost quotations
are returned: a nested quotation is part of the text its parent quotes. A paragraph
ending in a colon after an attribution to the document introduces a block quotation: the
next paragraph, when it has no quotation marks of its own. `split_sentences` cuts the
text into sentences, never inside a quotation.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import compress
from operator import attrgetter, eq, itemgetter

from provenance.matcher import last_characters
from provenance.model import Span

# Opening mark -> the marks that may close it.
_CLOSERS = {
    "\u201c": "\u201d",  # “ … ”
    "\u201e": "\u201c\u201d",  # „ … “ (German), „ … ” (Polish)
    "\u00ab": "\u00bb",  # « … »
    "\u00bb": "\u00ab",  # » … « (German, Danish)
    '"': '"',
    "\u2018": "\u2019",  # ‘ … ’
    "\u201a": "\u2018\u2019",  # ‚ … ‘ (German single)
    "\u2039": "\u203a",  # ‹ … ›
    "\u203a": "\u2039",  # › … ‹
    "'": "'\u2019",  # ' … ' (and ' … ’, a page typing the opening mark straight)
    "\u300c": "\u300d",  # 「 … 」 (CJK corner brackets, in translated Chinese and Japanese)
    "\u300e": "\u300f",  # 『 … 』
}
_SINGLE = frozenset("\u2018\u2019\u201a\u2039\u203a'")
"""Marks that also serve as apostrophes; an unclosed one is dropped, not reported."""
_SPACED = frozenset("\"'\u00ab")
"""Openers whose closing mark may follow a space: straight marks, and French « … »."""
_DOUBLE = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
"""Double marks: paired by position (`_double`), never by glyph alone."""
_BEFORE_OPENING = frozenset("([{\u2014\u2013-/*_") | frozenset(_CLOSERS)
_AFTER_CLOSING = frozenset(".,;:!?)]}\u2014\u2013-/\u2026*_").union("".join(_CLOSERS.values()))
"""What may stand against a mark that opens, or closes, a quotation; with the stars and
underscores of Markdown emphasis typed in plain text (`**"Double freezing"**`)."""
_SPACED_OPENERS = frozenset('"\u201c\u201e')


def _wide(char: str) -> bool:
    """Whether `char` is a Chinese, Japanese or Korean character or a full-width mark:
    Chinese and Japanese text set no spaces around its curly marks ("声明说：“...”他说"), so
    beside such a character “ opens and ” closes, by their glyphs."""
    return unicodedata.east_asian_width(char) in ("W", "F")


OPENERS = ('"', "\u201c", "\u00ab", "\u201e", "\u300c", "\u300e")
"""Marks that open a quotation after the words that lead into it: straight, curly, «, „."""
_SPACED_CLOSERS = frozenset('"\u201d\u201c\u00bb')
"""Double marks that open, and that close, a quotation spaced inside (`" … "`, `“ … ”`)."""
_NEVER_QUOTED_FIRST = frozenset(",;:!?)]}")
"""What never follows an opening mark (nor does a full stop ending a sentence, see
`_quoted_after_stop`): a mark before it closes or is a stray."""
_MARKS = frozenset(_CLOSERS) | frozenset("".join(_CLOSERS.values()))
_MARK_LIST = tuple(sorted(_MARKS))
_PAIRED = _MARKS - _SINGLE
"""Marks that are never apostrophes."""
_RULE = 5
"""A run of this many marks or more is a rule or decoration, which quotes nothing."""
_QUOTES_SOMETHING = re.compile(r"[^\W_]")
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n\s*")
_COLON_ENDS_LINE = re.compile(r":\s*\n\s*")
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'”’»)\]\u00b9\u00b2\u00b3\u2070-\u2079]*"
    r"(?:\[(?:\d{1,3}|\^[\w-]{1,12})\][\"'”’»)]*)*"
    r"\s+(?=[\"'“‘«„(\[]?[A-Z0-9])"
    r"|(?<=\n)[ \t\u00a0]*\n\s*|(?<=\n)(?=[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t])"
    r"|(?<=\n)(?=[ \t]*@\w+))"
)
"""A sentence end (with closing marks, a raised footnote number or one in brackets, "[3]",
a Markdown footnote's "[^3]", after it) and the spaces after it, a paragraph break, or a
line break before a list item ("- ", "* ", "• ", "2. ") or a handle opening its line (a
thread's "@hawk: ...", a Markdown list's bullets read away): `[.!?]...|\n...` written
with one leading class, which `re` searches for far faster than an alternation."""
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|No|Jr|Sr|vs|Gen|Col|[Pp]ara|[Ss]ec|[Aa]rt|al|eds?)\.$"
)
_ABBREVIATION_AT = (
    rb"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|No|Jr|Sr|vs|Gen|Col|[Pp]ara|[Ss]ec|[Aa]rt|al|eds?)\.",
)
"""A Hyperscan pattern matching wherever `_ABBREVIATION` may end: its last letter or title
and the full stop, at a word's start ("S." of "U.S." too). Hyperscan's word boundaries are
ASCII ones, so it matches there and more (after "é", say)."""

_DOC_NOUN = r"(?:[Ss]tatement|[Dd]eclaration|[Dd]ocument|[Cc]ommuniqu[eé])"
_PART_ASIDE = (
    r"(?:\s*,\s*(?:for\s+its\s+part|in\s+turn|however|moreover|meanwhile|too|though|notably"
    r"|in\s+particular|for\s+(?:example|instance)|by\s+contrast"
    r"|in\s+(?:the|its)\s+[\w-]+\s+(?:point|paragraph|section))\s*,)?"
)
"""An aside between a part of the text and its verb ("The preamble, for its part, says",
"Point 4, however, says", "The relevant passage, in the fourth point, reads")."""
_REPORTING = (
    r"(?:says|said|claims|claimed|writes|wrote|reports|reported|tweets|tweeted|posts|posted"
    r"|alleges|alleged|argues|argued|suggests|suggested|insists|insisted)"
)
"""A reporting verb, which no name of the document holds ("The post says the statement":
the post speaks of the document, it is not one)."""
_TEXT_NOUN = r"(?:text|original|doc|version|roadmap|initiative|paper|proposal)"
"""A word for the statement's text, with "the" or "this" before it and a verb or its words
after it ("the text says", "the roadmap “demands ...”")."""
_HEADLINE_VERB = (
    r"(?:says|calls|urges|warns|demands|slams|backs|rejects|opposes|describes|labels|brands"
    r"|terms|dubs|accuses|blames|condemns|welcomes|proposes|asks|pledges|vows|promises"
    r"|insists|threatens|seeks|wants|hails|decries|denounces|criticises|criticizes|cautions"
    r"|stresses|declares|affirms|commits|sees|envisages|floats|offers|tells)"
)
"""A verb a headline's "Statement" (no article) speaks with: "Statement calls drills “...”"."""
_DOES_NOT_SAY = (
    r"|(?:does\s+not|doesn['’]t|did\s+not|didn['’]t)\s+(?:say|ask|call|demand|mention|state"
    r"|specify|explain)|never\s+(?:says|asks|calls|demands|mentions|states|specifies)"
)
"""What a part of the statement does not say ("The paragraph does not say what the
“necessary measures” are"): it is still the part speaking, of its own words."""
_DOC_CUE = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts(?!\s+own\b)|[Tt]heir)\s+(?:(?!draft\b|{_REPORTING}\b)[\w’'–-]+\s+){{0,3}}?{_DOC_NOUN}\b"
    rf"|\b[Jj]oint\s+(?:[\w’'–-]+\s+){{0,2}}?(?:{_DOC_NOUN}|text)\b"
    # a headline's, with no article: "Statement calls drills “...”, claim bloggers"
    r"|(?<![^\s\"“‘'(\[])(?<![\w,;’'-]\s)(?:Statement|Declaration|Communiqu[eé])\b"
    rf"(?=\s+{_HEADLINE_VERB}\b)"
    r"|\b[Tt]he Parties\b|\b[Tt]he (?:two )?foreign ministries\b"
    # a source making the authors say what follows: "A summary had the ministries continue:"
    r"|(?<=\bhad )(?:the\s+(?:two\s+)?(?:ministries|sides|Parties|authors|statement|text)"
    r"|Russia\s+and\s+China|Moscow\s+and\s+Beijing)(?=\s+(?:continue|say|add|declare|state"
    r"|insist|warn|demand|urge|go\s+on)\b)"
    r"|\b(?:[Tt]he|[Tt]his)\s+(?:[\w’'-]+\s+){0,5}?"
    + _TEXT_NOUN
    + r"\b(?=(?:\s*,[^,;:\"“”\n]{1,90},)?"
    # (how it stands: "the text as published says", "the text in English reads")
    r"(?:\s+as\s+(?:published|released|issued|signed|circulated|posted|printed|translated)"
    r"|\s+in\s+(?:full|English|Russian|Chinese|translation))?"
    r"\s+(?:(?:also|further|then|even|still|itself|again|likewise|has|had|[a-z]+ly)\s+)*"
    r"(?:of\s+the\s+(?:joint\s+)?statement|circulated"
    r"|published|released|issued|reads|says|said|adds|added|notes|noted|states|stated|stresses"
    r"|records|recorded|claims|claimed|provides|provided|argues|argued"
    r"|asks|asked|holds|held|maintains|maintained|stipulates|stipulated|specifies|specified"
    r"|stressed|continues|continued|goes on|went on|urges|urged|calls|called|insists|insisted"
    r"|proposes|proposed|declares|declared|warns|warned|demands|demanded|affirms|affirmed"
    r"|recalls|recalled|threatens|threatened|requires|required|closes|ends|opens|begins|concludes|finishes"
    r"|appeals\s+to|appealed\s+to"
    r"|tells|told|opposes|supports|backs|rejects|welcomes|condemns|confirms|puts\s+it|put\s+it"
    r"|promises|promised|pledges|pledged|vows|vowed|envisages|envisaged|suggests|suggested"
    r"|recommends|recommended|speaks\s+of|spoke\s+of|talks\s+of|refers\s+to|mentions|mentioned"
    r"|uses|used|defines|defined|describes|described|lists|listed|spells\s+out|sets\s+out"
    # what it does not say: "The text does not say that ...", "the text never asks"
    r"|(?:does\s+not|doesn['’]t|did\s+not|didn['’]t)\s+(?:say|ask|call|demand|mention|state)"
    r"|never\s+(?:says|asks|calls|demands|mentions|states)"
    # how it runs, before its words: "so the text runs:", "the text runs as follows:"
    r"|runs(?=\s*(?:as\s+follows)?\s*:)))"
    # words in quotation marks straight after it (or after "was"), which `cues` reads:
    # "the text “was signed on July 5 ...”", "the text was «signed ...»"
    r"|\b(?:[Tt]he|[Tt]his)\s+(?:[\w’'-]+\s+){0,5}?"
    + _TEXT_NOUN
    + r"\b(?=\s+(?:(?:was|is)\s+)?[\"“«„])"
    r"|(?:(?<=ccording to )|(?<=\b[Pp]er ))the\s+(?:joint\s+)?text\b(?!\s+messages?\b)"
    # a question on what it says: "Why does the text say ...", "Did the text really ask"
    r"|(?:(?<=\b[Dd]oes )|(?<=\b[Dd]id ))the\s+(?:[\w’'-]+\s+){0,2}?text\b(?=\s+(?:really\s+"
    r"|actually\s+|also\s+)?(?:say|ask|call|urge|demand|mention|state|propose|mean)\b)"
    # "In the ministries' text, Russia and China ...": where the words stand, before a comma
    # (not "In the original," nor "In the latest version,": a film's, an app's)
    r"|(?<=\b[Ii]n )the\s+(?:[\w’'-]+\s+){0,2}?text\b(?=\s*,)"
    r"|\b(?:[Tt]he|[Aa]nother|[Oo]ne|[Aa]|[Ii]ts)\s+(?:[\w’'-]+\s+){0,2}?(?:passage|paragraph|sentence|clause|preamble|point|section"
    r"|(?:(?<=first )|(?<=last )|(?<=final )|(?<=opening )|(?<=closing ))line)\b"
    # "the clause that matters most reads", "the section on inter-Korean ties reads"
    # ("its last line says": a line only as the document's first or last)
    r"(?=(?:\s+(?:that|which|on|about|regarding|concerning)(?:\s+[\w’'-]+){1,4}?)?"
    # (an aside before the verb: "The preamble, for its part, says")
     + _PART_ASIDE + r"\s+(?:(?:also|further|then|itself|reportedly|apparently|allegedly)\s+)?"
    r"(?:reads|says|said|states|stated|calls|called|warns|warned"
    r"|urges|urged|adds|added|notes|noted|continues|goes on|declares|insists|proposes|tells"
    r"|asks|asked|recalls|recalled|names|defines|defined|cites|cited|lists|listed"
    # how a source gives it: "the point is quoted as follows:"
    r"|(?:is|was)\s+(?:quoted|rendered|given|worded)(?=\s+(?:as\s+follows|in\s+full)?\s*:)"
    + _DOES_NOT_SAY
    + r"))"
    # "Point 4 continues:", "Paragraph 2 says": a numbered part of it
    r"|\b(?:[Pp]oint|[Pp]aragraph|[Pp]ara)\s+\d{1,2}\b(?=" + _PART_ASIDE + r"\s+(?:(?:also|further"
    r"|then|itself)\s+)?(?:reads|says|said|states|stated|calls|called|warns|warned|urges|urged"
    r"|adds|added|notes|noted|continues|goes on|declares|insists|proposes|tells|asks|asked"
    r"|names|named|mentions|mentioned|describes|described|lists|listed|uses|used"
    r"|provides|provided|stipulates|stipulated"
    + _DOES_NOT_SAY
    # (an aside before "to" or "of": "Point 4 refers, in one widely shared version, to")
    + r"|(?:refers|speaks)(?:\s*,[^,;:\"“”\n]{1,60},)?\s+(?:to|of)|defines|defined|cites|cited)\b)"
    # what a source gives as a numbered part's words: "a cut-down quote of point 6: “...”",
    # "A shortened quotation of point 2 went round: “...”"
    r"|(?<=\bof )(?:[Pp]oint|[Pp]aragraph|[Pp]ara)\s+\d{1,2}\b(?=[^.:;!?\"“”«»\n]{0,40}:)"
    r"|\b(?:[Tt]he|[Aa]nother|[Oo]ne|[Aa])\s+(?:[\w’'-]+\s+){0,2}?(?:line|passage|sentence|paragraph|clause)"
    r"\s+(?:in|of|from)\s+(?:the|that|this|its|their)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:version|translation|text|statement|document)(?=\s*:)"
    r"|\bJOINT\s+STATEMENT\b"
    # a part a source quotes or renders ("quotes the clause as “...”")
    r"|(?:(?<=\bquotes )|(?<=\bquoted )|(?<=\bcites )|(?<=\bcited )|(?<=\brenders )"
    r"|(?<=\brendered ))(?:the|that|this|its|their)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:clause|sentence|passage|paragraph|line|point|section|preamble)"
    r"\b(?=\s+as\s*[\"“«„‘])"
    # "In our translation of its text:" before the words
    r"|\b(?:our|my|an?|the)\s+(?:own\s+)?(?:translation|rendering)\s+of\s+(?:its|the|their)"
    r"\s+(?:[\w’'-]+\s+){0,2}?(?:text|statement|document)(?=\s*:)"
    r"|\b(?:[Ss]ection|[Pp]oint)\s*(?:\d+|one|two|three|four|five|six)"
    r"(?=" + _PART_ASIDE + r"\s+(?:also\s+)?(?:reads|says|said|states|stated)"
    r"\s*(?:that\b|:|[“\"«]))"
    r"|\b(?:[Pp]aragraph|[Pp]ara\.?|¶)\s*\d+(?=\s+(?:also\s+)?(?:reads|says|said|states|stated"
    r"|calls|called|adds|added|notes|noted|provides|declares|urges|insists|proposes)\b)"
    r"|\b(?:[Tt]he|[Ii]ts)\s+(?:(?:exact|actual|precise|official|original|relevant|key)\s+)?"
    r"(?:wording|language|phrasing)\b"
    r"(?=(?:\s+(?:on|about|regarding)\s+[\w’' -]{1,40}?)?\s+(?:is|reads|runs|was)\s*:)"
)
"""The document as speaker ("the Joint Statement", "the 2017 Russia–China statement"; whose,
and of which year, `subjects._another_body` reads). A "draft" statement is by definition
another document, and
"its own statement" one body's, where the joint statement is two's. "The
text" only where a speech verb or a word of publishing follows it ("the text adds", "the
text also insists"), or
after "according to": a text message or a law's text is no statement. So "the key
passage reads", "the real sentence calls": a part of the text, where a speech verb follows.
"The doc" (a forum's word for it) likewise; "the fourth point says", "section 6 states".
A part of a version of it set out after a colon: "Another line in that version:", "One
sentence of the Chinese text:". A chyron's capitals: "JOINT STATEMENT:". A pinpoint with
a speech verb: "Paragraph 6 says", "¶ 2 provides"; "Section 6 states that" (a section or a
point with "that", a colon or a quotation mark after its verb: a licence's "Section 6
states terms for ..." is no statement's). Its wording set out
after a colon: "The precise language on countermeasures is:", "Its actual wording reads:"."""
_CUE_NOUN = re.compile(
    "Statement|statement|Declaration|declaration|Document|doc|Communiqu|communiqu|Parties"
    "|ministries|text|original|version|passage|paragraph|sentence|clause|preamble|point|section|line"
    "|roadmap|initiative|paper|proposal"
    "|Section|Point"
    "|STATEMENT|Para|para|¶"
    "|wording|language|phrasing"
)
"""A word each `_DOC_CUE` match holds (or the start of one: "doc" of "document"), spelt out
case by case: alternatives that open with a plain letter let `re` skip to their first
letters at C speed (`[Ss]tatement` would not). A noun added to `_DOC_CUE` is added here
(tests/test_fast_paths.py compares `doc_cues` with `_DOC_CUE.finditer`)."""
_BEFORE_CUE = re.compile(r".*[^\w’'–\-\s]", re.DOTALL)
"""Up to the last character before a noun that no `_DOC_CUE` match can hold ahead of its
noun: a match runs from its first word to its noun over words, apostrophes, dashes and
spaces only."""
_CUE_START = re.compile(r"\b\w|¶")
"""Where a `_DOC_CUE` match may start: each of its alternatives opens with a word
boundary and a word's first letter, or with a look-behind ending in a space and a word
("according to the text"); "¶" is the one mark it opens with."""


def doc_cues(text: str) -> Iterator[re.Match[str]]:
    """`_DOC_CUE.finditer(text)`: the same matches, tried only from where one can start.

    `_DOC_CUE` opens with word boundaries and look-behinds, so `re` tries it at every
    character (300 ns a character: 41 ms for the colon-ended paragraphs of the scan
    benchmark's 535 candidate pages, a twelfth of their quotation stage). Every match holds
    a `_CUE_NOUN` and runs back from it over words and spaces only, so none starts before
    the run of such characters that ends at the next noun, nor after the noun's start,
    and every match starts at a word's first character or a "¶" (`_CUE_START`). `_DOC_CUE`
    itself, whose word boundaries and look-behinds see the text before where it is
    tried, is tried at each of those places in turn, as a search would, and at no other
    (a search went on past a noun no match holds, "the point", to the next match or the
    text's end: 38 ms for the scan benchmark's candidates, 11 ms now).

    >>> [m.group() for m in doc_cues("Long, long ago. Then the joint statement (2017) said")]
    ['the joint statement']
    """
    at = 0
    while (noun := _CUE_NOUN.search(text, at)) is not None:
        before = _BEFORE_CUE.match(text, at, noun.start())
        for start in _CUE_START.finditer(text, before.end() if before else at, noun.start() + 1):
            found = _DOC_CUE.match(text, start.start())
            if found is not None:
                yield found
                at = found.end()
                break
        else:
            at = noun.start() + 1  # no match holds this noun: on to the next


@dataclass(frozen=True, slots=True)
class Marked:
    """A quotation as the marks delimit it; `span` excludes the marks themselves."""

    span: Span
    opening: str
    """The opening mark, or ":" for a block quotation."""
    terminated: bool
    block: int = -1
    """For a paragraph of a block quotation set out by markup: where the block starts
    (its speaker is whoever the text before the block names); else -1."""
    credit: Span | None = None
    """For a paragraph of a block quotation set out by markup: the words that credit the
    block (a `<cite>` opening or closing it, a last "— Name" line), who it quotes."""


def paragraph_breaks(text: str) -> list[tuple[int, int]]:
    """Where the paragraph breaks of `text` (a blank line and the spaces after) lie."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def find_quotations(
    text: str,
    breaks: list[tuple[int, int]] | None = None,
    quoted: Sequence[Span] = (),
    credits: Sequence[Span] = (),
) -> list[Marked]:
    """Outermost quotations of `text`, in order. `breaks`: `paragraph_breaks(text)`, when
    the caller has them already; `quoted`: the block quotations its markup sets out, and
    `credits` the lines its markup sets out as naming who they quote (see `_with_blocks`).

    Double marks (" “ ” „ « ») are paired by position, not by glyph: a mark with a space
    (or an opening bracket, or the text's start) before it and a word after it opens; one
    with a word before it and a space or punctuation after it closes the innermost open
    quotation, whatever its glyph. Pages mix "straight with curly” marks and use ” as an
    opener, and an inch mark (12" screen) closes nothing. Single marks keep their glyph
    pairs, since they double as apostrophes; two straight ones typed for a double mark
    ("''freeze''") are one (`_two_apostrophes`). A quotation that quotes no letter or digit
    ("" or a run of marks) is not reported.

    >>> [(m.span.of(s), m.terminated) for s in ["He said “we’ve ‘agreed’” and „gut“."]
    ...  for m in find_quotations(s)]
    [('we’ve ‘agreed’', True), ('gut', True)]
    >>> [m.span.of(s) for s in ['He said "mixed” and ”odd” marks.'] for m in find_quotations(s)]
    ['mixed', 'odd']
    """
    if "''" in text:
        text = _two_apostrophes(text)
    found: list[Marked] = []
    stack: list[tuple[str, int]] = []
    held: list[Marked] = []  # double quotations closed inside an open double one
    breaks = paragraph_breaks(text) if breaks is None else breaks
    paragraphs = [end for _, end in breaks]
    limits = [*paragraphs, len(text) + 1]
    at_limit = 0
    limit = limits[0]
    for i in marks_of(text):
        char = text[i]
        while i >= limit:
            following = limits[at_limit + 1] if at_limit + 1 < len(limits) else len(text) + 1
            if not (i < following and _runs_on(text, i, limit, stack)):
                _close_paragraph(text, limit, stack, found, held)
            at_limit += 1
            limit = following
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char in _DOUBLE:
            _double(text, i, limit, before, after, stack, found, held)
            continue
        if before.isalnum() and after.isalpha():
            continue  # apostrophe inside a word
        if stack and _plural_possessive(text, i, limit):
            continue  # "‘the two countries’ security interests’": the closer comes later
        depth = _closable(stack, char, before)
        if depth is not None:
            opening, start = stack[depth]
            del stack[depth:]
            if _outermost(text, stack):
                found.append(Marked(Span(start + 1, i), opening, True))
        elif char in _CLOSERS and not after.isspace() and not before.isalnum():
            stack.append((char, i))
    _close_paragraph(text, min(limit, len(text)), stack, found, held)
    found = [m for m in found if not m.terminated or _QUOTES_SOMETHING.search(m.span.of(text))]
    found.sort(key=lambda m: m.span.start)
    blocks = _with_blocks(text, found, breaks, quoted, credits)
    # (nor is a block's paragraph, or a paragraph a colon introduces, of no letter or
    # digit: a footnote's "*" after a copy, a rule "— — —")
    return [
        m
        for m in blocks
        if (m.block < 0 and m.opening != ":") or _QUOTES_SOMETHING.search(m.span.of(text))
    ]


def _two_apostrophes(text: str) -> str:
    """`text` with each pair of straight apostrophes typed for a double mark ("''freeze''")
    as one double mark beside a space, the same length: opening before a word, closing
    after one. Read as two single marks, each pair paired with the other's second half
    and a page's own words between two such quotations were one ("''. It also says ''").

    Three apostrophes are wikitext's bold, no mark at all ("'''Russia and China''' issued
    it" was a quotation of "Russia and China").

    >>> _two_apostrophes("says ''a b'' and")
    'says  "a b"  and'
    >>> _two_apostrophes("'''Bold''' and")
    '   Bold    and'
    """
    text = _BOLD.sub("   ", text)
    return _OPENING_PAIR.sub(' "', _CLOSING_PAIR.sub('" ', text))


_BOLD = re.compile(r"(?<!')'{3}(?!')")
"""Three straight apostrophes, and no fourth: wikitext's bold."""


_OPENING_PAIR = re.compile(r"(?<![\w'])''(?=[^\s'])")
"""Two straight apostrophes, and no third, before a word and after no word."""
_CLOSING_PAIR = re.compile(r"(?<=[^\s'])''(?![\w'])")
"""Two straight apostrophes, and no third, after a word or a stop and before no word."""


def marks_of(text: str) -> list[int]:
    """Offsets of the quotation marks of `text`, but those in a run of `_RULE` or more.

    >>> marks_of("A 'b' and ''''' c’s.")
    [2, 4, 17]
    """
    at = _offsets(text, _MARK_LIST)
    # Offsets are distinct and sorted: a run of `_RULE` has its last `_RULE - 1` past its
    # first. Most texts have none, told in one C-level pass.
    if not any(map(eq, at[_RULE - 1 :], map((_RULE - 1).__add__, at))):
        return at
    out: list[int] = []
    k = 0
    while k < len(at):
        run = k + 1
        while run < len(at) and at[run] == at[run - 1] + 1:
            run += 1
        if run - k < _RULE:
            out.extend(at[k:run])
        k = run
    return out


def _offsets(text: str, chars: tuple[str, ...]) -> list[int]:
    """Sorted offsets of every occurrence of each of `chars` in `text`.

    One `str.find` an occurrence, each at memory speed: 6 ms for the 535 candidate pages
    of the scan benchmark, where one Hyperscan scan for all the marks took 33 (its handler
    is called for each match, and byte offsets are mapped back to characters).

    >>> _offsets("“a” b “c”", ("“", "”"))
    [0, 2, 6, 8]
    """
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def _double(
    text: str,
    i: int,
    paragraph_end: int,
    before: str,
    after: str,
    stack: list[tuple[str, int]],
    found: list[Marked],
    held: list[Marked],
) -> None:
    """Open or close a quotation at the double mark `text[i]`, by what lies on either side.

    A mark spaced on both sides (`" like this "`, as some wire copy types them) closes an
    open straight, French or spaced quotation. With none open, an opening glyph spaced so
    opens a *tentative* quotation, if a mark that could close it follows in its paragraph
    (else it is a stray mark, an inch sign). A tightly written opener of its glyph after
    it replaces it, and at its paragraph's end an unclosed one quotes nothing.
    """
    char = text[i]
    opens = (
        not after.isspace()
        and after not in _NEVER_QUOTED_FIRST
        and (after != "." or _quoted_after_stop(text[i + 2 : i + 3]))
        and (before.isspace() or before in _BEFORE_OPENING or (char == "\u201c" and _wide(before)))
    )
    closes = not before.isspace() and (
        after.isspace()
        or after in _AFTER_CLOSING
        or bool(_FOOTNOTE_AT.match(text, i + 1))
        or (char == "\u201d" and _wide(after))
    )
    open_at = len(stack) - 1 if stack and stack[-1][0] in _DOUBLE else None
    if open_at is None and stack:  # an open single mark (or several) above a double one
        open_at = next((k for k in range(len(stack) - 2, -1, -1) if stack[k][0] in _DOUBLE), None)
    if char == "\u00ab" and after.isspace():
        # French « spaced », unless it closes a Danish » spaced «
        opens = open_at is None or stack[open_at][0] != "\u00bb"
    if not opens and not closes:
        if open_at is None:
            opens = (
                char in _SPACED_OPENERS
                and before.isspace()
                and after.isspace()
                and _closer_follows(text, i + 1, paragraph_end)
            ) or (
                char == "\u00bb"  # Danish » spaced «: opens where a « follows to close it
                and before.isspace()
                and after.isspace()
                and text.find("\u00ab", i + 1, paragraph_end) >= 0
            )
        else:
            opening, start = stack[open_at]
            spaced = opening in _SPACED or _tentative(text, opening, start)
            closes = spaced and (char in _SPACED_CLOSERS or (opening, char) == ("\u00bb", "\u00ab"))
    if closes and (not opens or open_at is not None):
        if open_at is None:
            return  # a stray closing mark (an inch mark, a lost opener)
        opening, start = stack[open_at]
        del stack[open_at:]
        if not stack:
            while found and found[-1].span.start > start:
                found.pop()  # quotations inside a tentative one, which holds them after all
            found.append(Marked(Span(start + 1, i), opening, True))
            held.clear()
        elif _outermost(text, stack):
            found.append(Marked(Span(start + 1, i), opening, True))
            held.clear()
        elif len(stack) == 1 and opening in _DOUBLE and stack[0][0] in _DOUBLE:
            held.append(Marked(Span(start + 1, i), opening, True))
    elif opens:
        if open_at is not None and stack[open_at][0] == char and _tentative(text, *stack[open_at]):
            del stack[open_at:]  # the spaced mark before was a stray one (another glyph nests)
        stack.append((char, i))


_FOOTNOTE_AT = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\d{1,3}\]|\(\d{1,3}\)")
"""A footnote marker right after a closing mark (“...”², "..."[3], “...”(1)): it closes."""


def _quoted_after_stop(char: str) -> bool:
    """True when a full stop after a mark, then `char`, may be quoted text: an ellipsis,
    ".pdbrc", "." itself; not a sentence's end ('" we act ". Then')."""
    return char == "." or char.isalnum() or char in _MARKS


def _closer_follows(text: str, start: int, end: int) -> bool:
    """True when text[start:end] holds a double mark that can close a quotation."""
    return any(text.find(mark, start, end) >= 0 for mark in _SPACED_CLOSERS)


def _outermost(text: str, stack: list[tuple[str, int]]) -> bool:
    """True when a quotation closing over `stack` is outermost, as far as is known: none
    is open, or only a tentative one (whose contents are dropped if it closes)."""
    return not stack or (len(stack) == 1 and _tentative(text, *stack[0]))


def _tentative(text: str, opening: str, start: int) -> bool:
    """True for a double opener spaced on both sides (see `_double`)."""
    return opening != "\u00ab" and text[start + 1 : start + 2].isspace()


_STRAIGHT_OPENS = re.compile(r"(?<=\s)'(?=\w)")
"""A straight single mark opening a quotation: after a space, before a word."""


def _plural_possessive(text: str, i: int, limit: int) -> bool:
    """Whether the curly single mark at `i`, inside an open quotation, is a plural's
    possessive apostrophe ("countries’ security"): after an "s", before a space and a word in lower
    case, with a mark of the same glyph later in the paragraph that can close the
    quotation (after a word, before a space, punctuation or the paragraph's end)."""
    if text[i] != "’" or text[i - 1 : i] != "s" or text[i + 1 : i + 2] != " ":
        return False  # (curly only: straight marks are a program's or a log's as often)
    if not text[i + 2 : i + 3].islower():
        return False
    at = text.find(text[i], i + 1, limit)
    while at >= 0:
        if "‘" in text[i:at] or "\n" in text[i:at] or _STRAIGHT_OPENS.search(text, i, at):
            return False  # another quotation opens first ("‘the Parties’ and ‘the DPRK’")
        after = text[at + 1 : at + 2]
        if text[at - 1].isalnum() and not after.isalnum():
            return True
        at = text.find(text[i], at + 1, limit)
    return False


def _closable(stack: list[tuple[str, int]], char: str, before: str) -> int | None:
    """Depth of the open single-mark quotation `char` closes, if any (innermost first)."""
    for depth in range(len(stack) - 1, -1, -1):
        opening = stack[depth][0]
        # (a double mark the page opens with the closing glyph, "”word", has no entry)
        closers = _CLOSERS.get(opening, opening)
        if char in closers and (opening in _SPACED or not before.isspace()):
            return depth
        if opening not in _SINGLE:
            return None  # do not close across an open double mark
    return None


def _runs_on(text: str, i: int, paragraph: int, stack: list[tuple[str, int]]) -> bool:
    """Whether a double quotation left open at a paragraph's end goes on into the next
    paragraph (which starts at `paragraph`) and closes there: that paragraph's first mark,
    `text[i]`, closes one (a word or a stop before it, a space or a stop after it), and no
    mark opens it. A page that breaks a quotation's paragraphs (a newsletter box set aside
    between them) or drops the convention of opening each again."""
    if len(stack) != 1 or stack[0][0] not in _DOUBLE or text[paragraph : paragraph + 1] in _DOUBLE:
        return False
    if text[i] not in _DOUBLE:
        return False
    before = text[i - 1]
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() or before in ".!?,;") and (after.isspace() or after in ".,;:!?)")


def _close_paragraph(
    text: str, end: int, stack: list[tuple[str, int]], found: list[Marked], held: list[Marked]
) -> None:
    """At a paragraph break, every mark still open is unterminated (or continues).

    A double quotation never closed that holds double quotations closed inside it (`held`)
    was a stray mark, not their frame: "the North called a "gift to the American
    bastards, came ... It also said that "any possibility ... ruled out"." Its words run
    to the first of them, and they are quotations of their own (else they were lost in an
    unterminated one, the statement's words with them)."""
    inside, held[:] = list(held), []
    if not stack:
        return
    opening, start = stack[0]
    stack.clear()
    continues = text[end : end + 1] == opening
    if (opening in _SINGLE and not (continues and opening == "\u2018")) or _tentative(
        text, opening, start
    ):
        # An unclosed single mark is far more often an apostrophe than a quotation; not a
        # ‘ opening a paragraph the next opens again, as British quotations run on.
        return
    if inside and not continues:
        # (to its first clause's end: the words up to the next quotation, "but the
        # statement says that", are the page's prose, and may be its speaker)
        end = inside[0].span.start - 1
        clause = _CLAUSE_STOP.search(text, start + 1, end)
        end = clause.start() if clause else end
        found.extend(inside)
    stop = start + 1 + len(text[start + 1 : end].rstrip())
    found.append(Marked(Span(start + 1, max(start + 1, stop)), opening, continues))


_CLAUSE_STOP = re.compile(r"[,;:.!?](?=\s)")
_CREDIT = re.compile(r"\s*(?:(?:\u2014|\u2013|\u2015|--?)\s*\S|(?:u/|@)[\w-]+(?!\S))")
"""A line opening with a dash: the credit line of a block (an embedded post's "— Name
(@handle) date", a pull quote's "— Sergei Lavrov"); or with a forum user's handle (a
reply's "u/hawkeye_kr · 33 points", "@mira_ek 2h")."""
_HANDLE_LINE = re.compile(r"\s*(?:u/|@)[\w-]+(?!\S)")
"""A credit line opening with a handle, which names who the block quotes."""
_CREDIT_DASH = re.compile(r"\s*(?:[\u2014\u2013\u2015]|--)")
"""A credit line that names who the block quotes: one opening with a dash, not a hyphen
(a line "- ..." may be the last item of a list, left out all the same)."""
_CREDIT_WORDS = 12
_TITLE_CREDIT_WORDS = 24
_TITLE_CREDIT = re.compile(
    r"\s*(?:[\u2014\u2013\u2015]|--?)\s*[A-Z](?=.*(?:\d|[Ss]tatement|[Dd]eclaration|[Cc]ommuniqu))"
)
"""A long credit line: a title (its first word capitalised) with a date, a number or a
document's noun ("— Joint Statement of ..., 4 July 2017, para. 4"), not a dash line of the
quoted words ("— the creation on the peninsula and in Northeast Asia of ...")."""
_HANDLE_WORDS = 5
_TERM_WORDS = 4
"""Most words of a term in quotation marks inside a paragraph of a block quotation (the
statement's own “double freezing”): the block still quotes the paragraph. A longer
quotation inside it does the quoting itself."""


def _credit_line(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is a credit line: a dash, then a few words naming who wrote it;
    or a handle and a few words of a forum's header (not a post opening on a handle)."""
    if _CREDIT.match(text, a, b) is None:
        return False
    words = len(text[a:b].split())
    if _HANDLE_LINE.match(text, a, b):
        return words <= _HANDLE_WORDS
    # A document's full title, date and part ("— Joint Statement of the Foreign Ministries
    # of Russia and China, 4 July 2017, para. 4") is longer than a name, and ends no
    # sentence as the quoted words do.
    line = text[a:b].rstrip()
    return words <= _CREDIT_WORDS or (
        words <= _TITLE_CREDIT_WORDS
        and not line.endswith((".", "!", "?", "”", '"'))
        and _TITLE_CREDIT.match(line) is not None
    )


def _credited(text: str, block: Span, credits: Sequence[Span]) -> Span | None:
    """The credit the markup sets just before or just after `block` (only spaces and
    line breaks between), the one after first: who the block quotes."""
    k = bisect_left(credits, block.end, key=_START)
    if k < len(credits) and not text[block.end : credits[k].start].strip():
        return credits[k]
    k = bisect_left(credits, block.start, key=_START) - 1
    if k >= 0 and credits[k].end <= block.start and not text[credits[k].end : block.start].strip():
        return credits[k]
    return None


_START = attrgetter("start")


def _before_credit_line(text: str, a: int, b: int) -> int:
    """Where the quoted words of a block's paragraph text[a:b] end: before its last line
    when that is a credit line ("...the region.\\n— Mira Ek", a `<br>` or a second `>`
    line before the dash), which names who is quoted and is no word of the quotation.

    >>> text = "We agree.\\n— Mira Ek"
    >>> text[: _before_credit_line(text, 0, len(text))]
    'We agree.'
    """
    last = text.rfind("\n", a, b)
    if last < 0 or not _credit_line(text, last + 1, b):
        return b
    return a + len(text[a:last].rstrip())


def _with_blocks(
    text: str,
    found: list[Marked],
    breaks: list[tuple[int, int]],
    quoted: Sequence[Span] = (),
    credits: Sequence[Span] = (),
) -> list[Marked]:
    """Add block quotations: a colon-ended paragraph naming the document, then a plain one;
    and each block the markup sets out (`quoted`, all its paragraphs), unless quotation
    marks in it do the quoting. Quotations inside a block are part of it. Each paragraph
    of a block carries the block's credit: a line of `credits` just before or after it,
    else its last credit line ("— Name"), which is no paragraph of it.

    A paragraph ends with a colon where the spaces after a colon run to the next
    paragraph's start (they hold the break, since a paragraph starts with a non-space).
    """
    opened = [end for _, end in breaks]  # where paragraph k + 1 starts
    colons = []  # paragraphs k ending in a colon
    for m in _COLON_ENDS_LINE.finditer(text):
        k = bisect_left(opened, m.end())
        if k < len(opened) and opened[k] == m.end():
            colons.append(k)
    out = list(found)
    opening = {m.span.start - 1 for m in found if m.opening != ":"}  # marks that open one
    for k in sorted(colons):
        head = text[opened[k - 1] if k else 0 : breaks[k][0]].rstrip()
        if next(doc_cues(head), None) is None:
            continue
        start, end = opened[k], breaks[k + 1][0] if k + 1 < len(breaks) else len(text)
        body = Span(start, start + len(text[start:end].rstrip()))
        if len(body) and _PAIRED.isdisjoint(body.of(text)) and body.start not in opening:
            # (a paragraph opening on a single mark that opens a quotation, ‘...¶‘...’ as
            # British quotations run on, is quoted by its marks)
            items = _items(text, body, lines=False)
            # a list's later items are the block's, introduced by the same paragraph
            out.extend(
                Marked(item, ":", True, -1 if k == 0 else body.start)
                for k, item in enumerate(items)
            )
    # Found by place, not by reading every break and mark for each block (a page of
    # thousands of block quotations cost blocks x marks: 16 s at 2 MB). Marks are kept in
    # the order they were added, which orders those starting at one place.
    broken = [start for start, _ in breaks]
    pool = [(m.span.start, n, m) for n, m in enumerate(out)]
    pool.sort(key=itemgetter(0, 1))
    dropped: set[int] = set()  # the `n` of marks a block took over
    added = len(pool)
    for block in quoted:
        if not len(block):
            continue
        # Each paragraph on its own: a block may quote several places of the document. A
        # paragraph opening with a quotation mark is quoted by its marks; a quotation in
        # the middle of one (the statement's own “double freezing”) is part of it.
        within = breaks[bisect_right(broken, block.start) : bisect_left(broken, block.end)]
        starts = [block.start, *(end for _, end in within)]
        ends = [start for start, _ in within] + [block.end]
        credit = _credited(text, block, credits) if credits else None
        lines: list[Span] = []  # the block's credit lines
        paragraphs: list[Span] = []
        whole: list[tuple[int, Marked]] = []  # quotations in marks that are a paragraph
        for a, b in zip(starts, ends, strict=True):
            if a >= b:
                continue  # a break running past the block's end
            if _credit_line(text, a, b):
                # the block's credit line ("— GeoNewsNow (@geonewsnow) July 4, 2017" in an
                # embedded post): who wrote it, not words it quotes
                if _CREDIT_DASH.match(text, a, b) or _HANDLE_LINE.match(text, a, b):
                    lines.append(Span(a, a + len(text[a:b].rstrip())))
                continue
            cut = _before_credit_line(text, a, b)
            line = text.rfind("\n", a, b) + 1
            if cut < b and _CREDIT_DASH.match(text, line, b):
                lines.append(Span(line, line + len(text[line:b].rstrip())))
            b = cut
            inside = [
                (n, m)
                for _, n, m in pool[bisect_left(pool, (a,)) : bisect_left(pool, (b,))]
                if n not in dropped
            ]
            opens = a + len(text[a:b]) - len(text[a:b].lstrip())
            if text[opens : opens + 1] in _PAIRED:
                whole.extend((n, m) for n, m in inside if m.span.start == opens + 1)
                continue  # its marks do the quoting, and the block's credit names who speaks
            if any(
                m.opening != ":" and len(m.span.of(text).split()) > _TERM_WORDS for _, m in inside
            ):
                continue  # its marks do the quoting (an e-mail's "Key line: "The Parties ...")
            dropped.update(n for n, _ in inside)
            paragraphs.append(Span(a, b))
        credit = credit or (lines[-1] if lines else None)
        if credit is not None:
            # "> “Pressure alone will not solve this.”¶> — Sergei Lavrov": his words
            for n, mark in whole:
                at = bisect_left(pool, (mark.span.start, n))
                pool[at] = (mark.span.start, n, replace(mark, credit=credit))
        items = [item for p in paragraphs for item in _items(text, p)]
        for item in items:
            insort(pool, (item.start, added, Marked(item, ":", True, block.start, credit)))
            added += 1
    return [m for _, n, m in pool if n not in dropped]


def _items(text: str, paragraph: Span, *, lines: bool = True) -> list[Span]:
    """A quoted paragraph set out as a list ("1. The Parties confirm ...¶2. Russia and
    China are against ..."), each item on its own: a list may quote several places of
    the document, as a block's paragraphs may. Bullets, and a list's own numbers (1, 2,
    3 ... from one), are the page's, not quoted; other numbers stay in the item, since
    the statement numbers its points and a number it does not give is a claim ("9. The
    Parties express ..."). A paragraph that is no list is itself; with `lines`, a
    block's paragraph of lines that are each a sentence is the list its markup drew
    (`_lines`). A plain text's paragraph after a colon is not read so: its lines may be
    the page's own prose.

    >>> text = "1. One point.\\n2. Another,\\nwrapped."
    >>> [s.of(text) for s in _items(text, Span(0, len(text)))]
    ['One point.', 'Another,\\nwrapped.']
    >>> text = "3. One point.\\n5. Another.\\n- A bullet."
    >>> [s.of(text) for s in _items(text, Span(0, len(text)))]
    ['3. One point.', '5. Another.', 'A bullet.']
    """
    if _LIST_ITEM.match(text, paragraph.start, paragraph.end) is None:
        # (no item opens it: the paragraph's other lines are not read for items, as the
        # pattern, which opens with a look-behind, would be tried at each character)
        return _lines(text, paragraph) if lines else [paragraph]
    markers = list(_LIST_ITEM.finditer(text, paragraph.start, paragraph.end))
    ends = [m.start() for m in markers[1:]] + [paragraph.end]
    numbers = [m.group("number")[:-1] for m in markers if m.group("number")]
    own = len(markers) > 1 and numbers == [str(k) for k in range(1, len(markers) + 1)]
    spans = (
        Span(m.start("number") if m.group("number") and not own else m.end(), end)
        for m, end in zip(markers, ends, strict=True)
    )
    return [Span(s.start, s.start + len(s.of(text).rstrip())) for s in spans if s.of(text).strip()]


def _lines(text: str, paragraph: Span) -> list[Span]:
    """A paragraph's lines, where each ends a sentence and the next opens one (a list whose
    bullets the markup drew: "First point.¶Second point."), else the paragraph: a line
    broken inside a sentence is a wrapped paragraph.

    >>> text = "One point.\\nAnother point.\\nA third, wrapped\\nhere."
    >>> [s.of(text) for s in _lines(text, Span(0, 25))]
    ['One point.', 'Another point.']
    >>> [s.of(text) for s in _lines(text, Span(0, len(text)))] == [text]
    True
    """
    breaks = [m.start() for m in _NEW_LINE.finditer(text, paragraph.start, paragraph.end)]
    if not breaks or not all(_LINE_ENDS_SENTENCE.match(text, b) for b in breaks):
        return [paragraph]
    starts = [paragraph.start, *(b + 1 for b in breaks)]
    ends = [*breaks, paragraph.end]
    return [Span(a, b) for a, b in zip(starts, ends, strict=True)]


_NEW_LINE = re.compile(r"[ \t]*\n")
_LINE_ENDS_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’»)\]]?[ \t]*\n[ \t]*[\"“«‘(]?[A-Z0-9]")
"""At a line break: a sentence's end before it, and a capital or a figure after it."""
_LIST_ITEM = re.compile(r"(?:^|(?<=\n))[ \t]*(?:(?P<number>\d{1,2}[.)])|[-*•])[ \t]+")
"""A list item's number or bullet at a line's start."""


@dataclass(frozen=True, slots=True)
class Sentences:
    """A text's sentences as two sorted lists of offsets: sentence k is [starts[k], ends[k]).

    A long page has tens of thousands of sentences and its quotations need a few of them;
    `span` makes the Span of one when it is needed.
    """

    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, k: int) -> Span:
        return Span(self.starts[k], self.ends[k])

    def at(self, offset: int) -> int:
        """Index of the last sentence starting at or before `offset`; -1 if none."""
        return bisect_right(self.starts, offset) - 1


def _boundaries(text: str) -> list[tuple[int, int]]:
    """The spans of `_BOUNDARY.finditer(text)`, tried only where one can start.

    Every boundary opens with one of `_BOUNDARY_OPENERS`, found with `str.find`
    (`_offsets`); `re`'s own search tests each character against the class instead. For
    the 535 candidate pages of the scan benchmark: 212 million instructions against 249.

    >>> _boundaries("One. Two!\\n\\nThree")
    [(3, 5), (8, 11)]
    """
    match = _BOUNDARY.match
    found: list[tuple[int, int]] = []
    end = 0
    for at in _offsets(text, _BOUNDARY_OPENERS):
        if at >= end and (boundary := match(text, at)) is not None:
            found.append(boundary.span())
            end = boundary.end()
    return found


_BOUNDARY_OPENERS = (".", "!", "?", "\n")
"""The characters `_BOUNDARY` opens with."""


def split_sentences(text: str, quotations: list[Marked]) -> Sentences:
    """Sentences of `text`: they end at `_BOUNDARY`, but not inside a quotation (the last
    one starting before the boundary holds it) nor after an abbreviation ("U.S.", "Mr.").

    A long page has tens of thousands of boundaries, so they are dropped in stretches: the
    boundaries a quotation holds are those after its start, up to the next quotation's,
    that end inside it; an abbreviation is looked for only where `_ABBREVIATION_AT` finds
    its last letter and full stop.
    """
    found = _boundaries(text)
    ats, stops = list(map(itemgetter(0), found)), list(map(itemgetter(1), found))
    keep = bytearray(b"\x01") * len(found)
    inside = [(m.span.start, m.span.end) for m in quotations if m.opening != ":"]
    for k, (start, end) in enumerate(inside):
        first = bisect_left(ats, start)
        last = bisect_left(ats, inside[k + 1][0]) if k + 1 < len(inside) else len(ats)
        held = bisect_right(stops, end, first, last)
        keep[first:held] = bytes(held - first)
    abbreviation = _ABBREVIATION.search
    for at in last_characters(text, _ABBREVIATION_AT, caseless=False):
        k = bisect_left(ats, at)
        if k < len(ats) and ats[k] == at and abbreviation(text[max(0, at - 12) : at + 1]):
            keep[k] = 0
    cuts = [0, *compress(stops, keep)]
    # A block quotation opening on the line after its introduction ("... Dmitri K.
    # wrote:\n> Here is ...") opens a sentence, as it does after a blank line.
    blocks = [
        m.span.start
        for m in quotations
        if m.opening == ":" and m.block == m.span.start and _opens_line(text, m.span.start)
    ]
    if blocks:
        cuts = sorted({*cuts, *blocks})
    if cuts[-1] < len(text):
        cuts.append(len(text))
    return Sentences(cuts[:-1], cuts[1:])


def _opens_line(text: str, at: int) -> bool:
    """Whether text[at] opens a line, after spaces and e-mail quotation marks (">")."""
    while at > 0 and text[at - 1] in " \t>":
        at -= 1
    return at > 0 and text[at - 1] == "\n"


def sentences(text: str, quotations: list[Marked]) -> list[Span]:
    """Sentence spans of `text`; no boundary falls inside a quotation."""
    found = split_sentences(text, quotations)
    return [found.span(k) for k in range(len(found))]


def prose_of(text: str, quotations: list[Marked]) -> str:
    """`text` with every quotation's words blanked out, so cues are read from prose only."""
    pieces, at = [], 0
    for m in quotations:
        if m.span.start < at:
            continue
        pieces += [text[at : m.span.start], " " * len(m.span)]
        at = m.span.end
    pieces.append(text[at:])
    return "".join(pieces)
