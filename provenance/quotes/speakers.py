"""Who speaks a quotation: the words that attribute it, read from the prose around it.

`attribution` (and `speakers`, for every quotation of a text at once) says who the
surrounding prose says is speaking: the document ("the statement", "the joint
statement", "the Parties", ...) or a person ("Lavrov said"). A cue leading into the
quotation ("the statement notes that “...”") wins, else the cue nearest the quotation in
its own sentence, unless it is a reporter's tag after the quotation ("she notes") and
the document's own clause runs on into it ("The document calls for “...”"); failing
that, a sentence that follows with a speech verb, then the speaker of the sentence before.
A verb after a closing mark takes the subject after it only as a tag ("“...,” urged the
envoy"): "... and urged restraint" goes on with the subject before. A quotation running
over several paragraphs keeps its first paragraph's speaker, and a speaker named before a
quotation is never replaced by the next paragraph's. A sentence that continues with an
anaphoric subject ("They also stressed", "In it, they") keeps the previous sentence's
speaker, so an article can name the statement once and quote it three sentences later.
The cues of one sentence are read by `provenance.quotes.cues` (their subjects by
`provenance.quotes.subjects`), the speakers across sentences and paragraphs by
`provenance.quotes.reading`; this module holds `attribution` and `speakers`, and the
rules of a quotation's own sentence, a block quotation's introduction, a headline and a
quotation continued over paragraphs.
The quotations and sentences themselves come from `provenance.quotes.marks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from provenance.model import Span
from provenance.quotes.cues import (
    _OTHER_DOCUMENT,
    _SPEECH,
    DATED_AT_END,
    ISSUED_AFTER,
    LINE_LABEL,
    SOURCE_WORDS,
    STATEMENT_PART,
    Cue,
    _bare,
    _judges_it,
    cues,
)
from provenance.quotes.marks import (
    Marked,
    Sentences,
    doc_cues,
    paragraph_breaks,
    prose_of,
    split_sentences,
)
from provenance.quotes.reading import (
    _NAMED,
    _OPENS_QUOTED,
    GLOSS_LABEL,
    PRONOUN_SPEAKS,
    _Reading,
    reports_own,
)
from provenance.quotes.subjects import _NAME, _another_body, _joint, with_envoys
from provenance.quotes.words import ALIASES, NOT_A_NAME, YEAR

__all__ = ["Cue", "attribution", "cues", "speakers"]

_HEADLINE = re.compile(
    r"^\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)(?:\s*(?:,|and|&)\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*))+\s*:\s*$"
)
"""A headline naming speakers before a colon: «Russia, China: "..."»."""
_SHOUTED_AND = re.compile(r"\bAND\b")
_CORNER_BRACKETS = str.maketrans("\u300c\u300d\u300e\u300f", "\u201c\u201d\u201c\u201d")
_ON_SCREEN = re.compile(
    r"[ \t]*\[?[ \t]*(?:LOWER[ -]THIRDS?|CHYRON|ON[ -]SCREEN|GRAPHIC|SUPER|BANNER|TICKER"
    r"|Lower[ -]third|Chyron|On[ -]screen)[ \t]*:[ \t]*"
)
"""A television transcript's label for the words on screen ("CHYRON:", "[LOWER THIRD:"),
before the headline it carries."""
_LEADS = re.compile(r"\s*(?:that\s*|[:,]\s*)?")
"""Between a cue and the quotation it leads into: nothing, "that", a colon or a comma."""
_CLAUSE_RUNS_ON = re.compile(
    r"(?:(?!\b(?:but|and|while|whereas|though|although)\b)[^,;:()\u2014\u2013\n])*"
)
"""Words between a cue and a quotation that keep one clause: no clause break or conjunction."""
_COPULA = re.compile(
    r"\s*(?:itself\s+)?(?:is|was|are|were|seems|seemed|remains|remained|looks|looked|sounds"
    r"|sounded|has been|had been|will be|would be|became|becomes)\b"
)
"""After a document named with no speech verb: it is described, not quoted."""
_FROM_THE_TEXT = re.compile(
    r"[ \t]*(?P<tag>(?:is|was|are|were|comes?|came)[ \t]+(?:(?:straight|directly|taken|quoted"
    r"|lifted|word[ \t]+for[ \t]+word|verbatim)[ \t]+)?(?:from|in)[ \t]+(?:the[ \t]+)?"
    r"(?:joint[ \t]+)?(?:text|statement|declaration|document|communiqu[eé])\b)"
)
"""Just after a quotation's closing mark: the page saying where its words come from
("“...” is straight from the text", "“...” comes from the joint statement")."""
_WORDED = re.compile(r"\w")
_LEADS_APPOSED = re.compile(
    r"\s*(?:,[^,;:.!?\"“”«»\n]{1,80},\s*|that\s*|as\s*|(?:for|to|of|on)\s+|[:,]\s*)?"
)
"""`_LEADS`, an apposition between commas ("in the view of Lankov, a specialist, “"), or
a preposition joining a document's noun to what it quotes ("the statement's call for “")."""

NAMED_OWN_WORDS = "its own words, named before"
"""How a quotation the page names as the document's own wording speaks ("the document's
formula of «...»", "The statement's phrase ‘...’")."""


def attribution(
    text: str,
    quotations: list[Marked],
    authors: frozenset[str] = frozenset(),
    spans: Sentences | None = None,
    breaks: list[tuple[int, int]] | None = None,
) -> dict[int, Cue | None]:
    """For each quotation (keyed by its start), the cue that attributes it, if any.

    A cue of its own sentence leading into the quotation (nothing but "that", a colon or
    a comma between them) wins, else the one nearest it; failing that, the speaker of
    the sentence before in the same paragraph (a split quotation keeps its speaker), then
    a sentence after it in the same paragraph that opens with a speech verb. Attribution
    never crosses a paragraph break. A headline naming the statement's authors before a
    colon («Russia, China: "..."») speaks for its quotation, and the paragraph introducing
    a block quotation ("The statement reads:") for the block. `spans` are the text's
    sentences (`split_sentences`) and `breaks` its paragraph breaks (`paragraph_breaks`),
    when the caller has them already.
    """
    speaker = speakers(text, quotations, authors, spans, breaks)
    return {m.span.start: speaker(m) for m in quotations}


def speakers(
    text: str,
    quotations: list[Marked],
    authors: frozenset[str] = frozenset(),
    spans: Sentences | None = None,
    breaks: list[tuple[int, int]] | None = None,
) -> Callable[[Marked], Cue | None]:
    """`attribution` one quotation at a time, for a caller that needs the speakers of a
    few of the quotations: the prose is read when the first is asked for, and only
    around the quotations asked about (what each rule reads is kept, so the answers do
    not depend on which were asked, or in what order)."""
    if spans is None:
        spans = split_sentences(text, quotations)
    if breaks is None:
        breaks = paragraph_breaks(text)
    # CJK corner brackets read as the curly marks every cue pattern knows (one character
    # for one: the offsets stay)
    text = text.translate(_CORNER_BRACKETS) if "\u300c" in text or "\u300e" in text else text
    readings: list[_Reading] = []
    continued = _continuations(text, quotations, breaks)
    heads: dict[int, tuple[Marked, int]] = {}
    """Each continued quotation's start: the quotation that opened it, and its sentence."""

    def speaker(m: Marked) -> Cue | None:
        # An opening mark that ends the text quotes nothing and lies past every sentence.
        k = max(0, spans.at(m.span.start)) if len(spans) else -1
        if k < 0:
            return None
        if not readings:
            # _Reading as this module names it: tests/test_fast_paths.py replaces it here.
            prose = prose_of(text, quotations)
            page = with_envoys(authors, prose)
            readings.append(_Reading(text, spans, prose, page, breaks))
        reading, first, j = readings[0], m, k
        walked = []
        while first.span.start in continued and not reading.cues(j):
            if first.span.start in heads:
                first, j = heads[first.span.start]  # (each chain is walked once: a page
                break  # of 20,000 paragraphs opening a mark walked it 20,000 times)
            walked.append(first.span.start)
            first = continued[first.span.start]  # back to the paragraph that opened it
            j = max(0, spans.at(first.span.start))
        heads.update(dict.fromkeys(walked, (first, j)))
        if first is not m:
            found = _speaker_of(reading, first, j)
            if found is not None:
                return replace(found, how="quotation continued")
        return _speaker_of(reading, m, k)

    return speaker


def _continuations(
    text: str, quotations: list[Marked], breaks: list[tuple[int, int]]
) -> dict[int, Marked]:
    """Quotations (by start) that go on with the one before: a quotation left open at a
    paragraph's end, its next paragraph opening with a mark again (the convention for a
    quotation of several paragraphs). The continuation is the same speaker's, whatever
    the paragraph after it names."""
    after_break = dict(breaks)
    out: dict[int, Marked] = {}
    for before, m in pairwise(quotations):
        end = before.span.end
        while end > before.span.start and text[end - 1].isspace():
            end -= 1
        resumes = after_break.get(end)
        # (a block quotation, which its markup closes, is never one left open)
        if (
            resumes is not None
            and ":" not in (m.opening, before.opening)
            and m.span.start - 1 == resumes
        ):
            out[m.span.start] = before
    return out


def _speaker_of(reading: _Reading, m: Marked, k: int) -> Cue | None:
    """The cue for quotation `m` in sentence `k`, by the rules `attribution` lists."""
    if m.credit is not None:
        credited = _credited(reading, m.credit)
        if credited is not None:
            return credited
    if m.block >= 0:
        k = reading.spans.at(m.block)  # a later paragraph of the block: the block's intro
    if m.opening == ":" and k > 0:
        # A block quotation (its words are no one's cue) is spoken by whoever the
        # colon-ended paragraph before it names ("The statement reads:"), whatever the
        # paragraph after it opens with.
        intro = _introduction(reading, k - 1)
        spans = reading.spans
        if intro is not None and not _introduces(reading, intro, k - 1):
            # "... the battery, which the ministries say damages the whole region.¶> The
            # order of those layers tells you the priorities.": the cue is a relative
            # clause's and the paragraph has no colon; the block is the page's own
            return None
        if intro is not None and not (
            intro.speaker == "person"
            and reports_own(reading.prose, intro, spans.ends[k - 1])
            and not _ENDS_INTRODUCING.search(reading.prose, spans.starts[k - 1], spans.ends[k - 1])
        ):
            return replace(intro, how="introduces the block quotation")
        if _ENDS_INTRODUCING.search(reading.prose, spans.starts[k - 1], spans.ends[k - 1]):
            # "Its actual wording is:": the speaker is before, unread; never the person
            # the paragraph after the block names.
            found = _speaker_of(reading, replace(m, opening="", block=-1), k)
            return None if found is not None and found.how == "next paragraph" else found
    tag = _FROM_THE_TEXT.match(reading.text, min(len(reading.text), m.span.end + 1))
    if tag is not None and m.opening != ":":
        # “...” is straight from the text: the page says where the words come from
        span = Span(tag.start("tag"), tag.end())
        return Cue("document", span, span.of(reading.text), how="tag after")
    if m.opening not in ("", ":") and m.block < 0:
        credit = _DASH_CREDIT.match(reading.text, min(len(reading.text), m.span.end + 1))
        if (
            credit is not None
            and _DEFINED.search(credit.group().rstrip())
            and not credit.group("who").startswith(("attributed", "credited"))
        ):
            credit = None  # '- **"double freezing"** — the Chinese formula.': a glossary's
            # definition after its term, ending as a sentence does; a credit does not
        if credit is not None and not _DOCUMENT_WORD.search(credit.group("who")):
            # '"We will respond ..." - DPRK Foreign Ministry spokesman, 5 July': the line's
            # own credit after the quotation names who speaks (a document it names is read
            # by `cues`); the authors together are the statement ("-- the Russian and
            # Chinese foreign ministries, 4 July 2017")
            span = Span(credit.start("who"), credit.end("who"))
            credit_speaker: Literal["document", "person"] = (
                "document" if _joint(credit.group("who"), reading.authors) else "person"
            )
            return Cue(credit_speaker, span, span.of(reading.text), how="credit after it")
        wording = _ITS_WORDING.search(reading.prose, max(0, m.span.start - 80), m.span.start - 1)
        if wording is None and _OPENS_ON_DOCUMENT.match(reading.prose, reading.spans.starts[k]):
            # "The text, he argued, shows that ... and its call to respect the North's
            # “justified concerns” is ...": "its", in a sentence the document opens, is its
            wording = _ITS_OWN_WORDING.search(
                reading.prose, max(0, m.span.start - 80), m.span.start - 1
            )
        if wording is not None:
            # "We argue that the document's formula of «...» is ...": the words are the
            # document's, named as its own, whoever argues about them
            span = Span(wording.start(), wording.start() + len(wording.group().rstrip()))
            return Cue("document", span, span.of(reading.text), how=NAMED_OWN_WORDS)
        back = max(0, m.span.start - 160), m.span.start - 1  # (what both read before it)
        read_out = _search_holding(_READS_OUT, ("read", "recite"), reading.prose, *back)
        if read_out is not None:
            # "Olga reads the last paragraph: Russia and China “...”": the statement read
            # out, checked against it
            span = Span(read_out.start("part"), read_out.end("part"))
            return Cue("document", span, span.of(reading.text), how="a part of it read out")
        has = _search_holding(_HAS_IT_SAYING, ("has", "have", "had"), reading.prose, *back)
        if has is not None and (
            _DOCUMENT_WORD.search(has.group("who")) or _joint(has.group("who"), reading.authors)
        ):
            # "A second version of the claim has the ministries demanding that Seoul “...”":
            # an account of what the statement says, checked against it
            span = Span(has.start("who"), has.end("verb"))
            return Cue("document", span, span.of(reading.text), how="an account has it saying")
        made = _search_holding(_IT_HAS_THEM, _MAKES, reading.prose, *back)
        if made is not None:
            # "One said the statement has the two countries “coordinate ...”", "...
            # the statement judged it “consistent with ...”": the statement, subject of
            # its own verb, holding the words; someone's account of it, checked against it
            span = Span(made.start("who"), made.end("verb"))
            return Cue("document", span, span.of(reading.text), how="an account has it saying")
        for pattern, reach, spoken, held in _NAMED_BEFORE:
            # "the standing answer from our colleagues was that the drills are “...”",
            # "Washington's talk of “all options”", "with a spokeswoman saying “...”": the
            # words are whoever's answer, talk or gerund the page names just before them
            # (not the document's, nor its authors', whose words the cues read)
            whose = _search_holding(
                pattern, held, reading.prose, max(0, m.span.start - reach), m.span.start - 1
            )
            if whose is None or _DOCUMENT_WORD.search(whose.group("who")):
                continue
            if _joint(whose.group("who"), reading.authors):
                continue
            start, end = whose.span(spoken)
            span = Span(start, start + len(reading.text[start:end].rstrip()))
            return Cue("person", span, span.of(reading.text), how="whose words, named before")
        counted = _counted_group(reading.prose, max(0, m.span.start - 120), m.span.start - 1)
        verb = _FIRST_WORD.match(reading.text, m.span.start, m.span.end)
        if counted is not None and verb is not None and verb.group().casefold() in _ACTS:
            # "..., where the five permanent members “agreed to ...”": a group counted beyond
            # the two authors, straight before the quotation opening on its verb, speaks
            span = Span(counted.start(), counted.start() + len(counted.group().rstrip()))
            return Cue("person", span, span.of(reading.text), how="named before the quotation")
        which = _others_which(reading.prose, max(0, m.span.start - 160), m.span.start - 1)
        if which is not None and (
            which.group("year") in reading.authors
            or (
                not which.group("year")
                and YEAR.findall(which.group("what"))[-1:] == _own_year(reading)
            )
        ):
            which = None  # "the 2017 joint statement, in which ...", "the joint statement
            # of July 4, 2017, in which ...": the statement itself
        if which is not None and not _OURS_IN_CLAUSE.search(which.group("clause")):
            # "... the language of resolution 2321, which “condemns ...”": the words are the
            # other document's, whatever the sentence's subject says of it
            span = Span(which.start("what"), which.end("what"))
            return Cue("person", span, span.of(reading.text), how="whose words, named before")
        window = reading.prose[max(0, m.span.start - 200) : m.span.start - 1].casefold()
        quoting = (
            _QUOTING.search(reading.prose, max(0, m.span.start - 160), m.span.start - 1)
            if "quot" in window or "cit" in window or "report" in window
            else None
        )
        named_as = "who" if quoting is None or quoting.group("who") is not None else "reported"
        who = quoting.group(named_as).split() if quoting is not None else []
        if quoting is not None and quoting.group("who2"):
            # "seen it quoted as saying", "seen it quoted on social media as saying": it is
            # quoted, where or by whom aside
            who = [quoting.group("who2")]
        if quoting is not None and who[0].casefold() in _PASSIVE:
            # "Lavrov was quoted by Interfax as saying": Interfax's report quotes him; "the
            # statement is being quoted on Twitter as urging": the statement, which the
            # cues read, is quoted (by whom aside)
            passive_subject = reading.prose[max(0, quoting.start() - 120) : quoting.start()]
            passive_subject = re.split(r"[.!?][\"”’)]*\s+|\n", passive_subject)[-1]
            if (
                _DOCUMENT_WORD.search(passive_subject)
                or _TEXT_PART.search(passive_subject)
                or _IT_SUBJECT.search(passive_subject)
            ):
                quoting = None  # ("It is being quoted ... as": whatever "it" is, the cues'
                # to tell)
            else:
                who = quoting.group("who").split()
        if quoting is not None and len(who) <= _QUOTED_WORDS and who[0].casefold() not in _IT:
            # "quotes an unnamed official: “...”", "quoted the statement as saying Russia
            # and China “...”": whoever the page's source quotes speaks
            # "quotes the statement, then an unnamed official:": the last one quoted
            last = list(_THEN.finditer(quoting.group(named_as)))
            start = quoting.start(named_as) + (last[-1].end() if last else 0)
            span = Span(start, quoting.end(named_as))
            # (the document, or its authors together: "reported the two sides as saying")
            quoted_who = span.of(reading.text)
            document = _DOCUMENT_WORD.search(quoted_who) is not None
            document = document or _joint(quoted_who, reading.authors)
            document = document or _PART_QUOTED.fullmatch(quoted_who.strip()) is not None
            speaker: Literal["document", "person"] = "document" if document else "person"
            return Cue(speaker, span, quoted_who, how="whom the source quotes")
        recast = (
            _IT_RECAST.search(reading.prose, max(0, m.span.start - 80), m.span.start - 1)
            if " as" in window
            else None
        )
        if k > 0 and (
            (quoting is not None and who[0].casefold() in ("it", "them")) or recast is not None
        ):
            # "One op-ed misquoted it as urging “...”", "some posters embellished it as
            # “...”": "it", the document the sentence before names (and none of its own does)
            previous = reading.spans.span(k - 1)
            named = [
                c
                for c in cues(reading.text, previous, reading.prose, reading.authors, speech=False)
                if c.speaker == "document"
            ]
            if named and not reading.cues(k):
                return replace(named[-1], how="pronoun, the document named before")
        rendered = (
            _RENDERED_AS.search(reading.prose, max(0, m.span.start - 200), m.span.start - 1)
            if " as" in window
            else None
        )
        if (
            rendered is not None
            and _RENDERED_PART.search(rendered.group("what"))
            and (not _SUMMING_UP.match(rendered.group()) or _SAID_AS.search(rendered.group()))
        ):
            # "An infographic renders point 4 as “...”", "outlets summarised the key
            # passage as Moscow and Beijing finding it “...”": the page's account of what
            # the statement says, checked against it
            span = Span(rendered.start("what"), rendered.end("what"))
            return Cue("document", span, span.of(reading.text), how="rendered as")
    # A line's label speaks the quotations after it on its line, no other (a list whose
    # markers the reading dropped runs its items into one sentence).
    own = [
        c
        for c in reading.cues(k)
        if c.how != LINE_LABEL
        or (c.span.end <= m.span.start and "\n" not in reading.text[c.span.end : m.span.start])
    ]
    claimed = _CLAIMED_AUTHORS.match(reading.text, reading.spans.starts[k], m.span.start - 1)
    if claimed is not None and _joint(claimed.group("who").strip(), reading.authors):
        # "Claim two: that the two countries “have agreed to ...”", "False claim: Moscow and
        # Beijing “...”": a fact-check's claim of what the statement says, the authors its
        # subject, checked against it (the rubric's "claim" is no one speaking)
        span = Span(claimed.start("who"), claimed.end("who"))
        return Cue("document", span, span.of(reading.text), how="a claim of what it says")
    if reading.cues(k) and not own:
        return _headline_of(reading, m, k)  # (its sentence's labels speak other lines)
    if not own:
        if claimed is not None and _NAMED.search(claimed.group("who")):
            return None  # "Claim three: that Tokyo “will respond calmly”": a claim about
            # someone named, not the paragraph before's speaker going on
    # A report's source after the quotation ("..., according to a misleading post.") names
    # who reports the statement saying it, where the sentence has the statement (or "it")
    # say it before the marks: the statement's words, as the post gives them (audit q49).
    start = reading.spans.starts[k]
    if any(c.span.start >= m.span.end and _SOURCE_CUE.match(c.text) for c in own):
        if any(c.speaker == "document" and c.span.end <= m.span.start for c in own):
            own = [c for c in own if not (c.span.start >= m.span.end and _SOURCE_CUE.match(c.text))]
        elif k > 0 and _PRONOUN_SAYS.search(reading.prose, start, max(start, m.span.start - 1)):
            before = reading.speaker(k - 1)
            if before is not None and _SOURCE_CUE.match(before.text):
                # (the sentence before had a source after its quotation too: the document
                # it had say it is what "It" stands for)
                before = next(
                    (c for c in reversed(reading.cues(k - 1)) if c.speaker == "document"), None
                )
            if before is not None and before.speaker == "document":
                return replace(before, how="pronoun, its report's source after")
    # A cue in a later clause of the sentence that goes on to a quotation of its own
    # ("... poses “a threat to any country”, and we note that the statement itself says
    # that the deployment “...”") speaks that one, not this one.
    later = [c for c in own if _own_clause_after(reading.text, c, m)]
    if later:
        own = [c for c in own if c not in later]
        if not own:
            # (nor the sentence's speaker, which is that cue: `inherited`; a headline's
            # first label still speaks the first: "Moscow and Beijing: launch
            # “unacceptable”; Japan’s Kishida: freeze plan “naive”")
            return _headline_of(reading, m, k)
    if own and k > 0 and all(_SOURCE_CUE.match(c.text) for c in own):
        # "Elsewhere, according to the same report, it says “...”": the pronoun after the
        # report's source is the document the sentence before quoted
        after = max(c.span.end for c in own)
        if _IT_SAYS.match(reading.prose, after, max(after, m.span.start - 1)):
            before = reading.speaker(k - 1)
            if before is not None and before.speaker == "document":
                return replace(before, how="pronoun, its report's source aside")
    if own and k > 0 and all(c.how == LINE_LABEL for c in own):
        # "CORRESPONDENT: It says the two countries “...”": a transcript's speaker reports
        # what "it" says, the document spoken of in the lines before
        after = max(c.span.end for c in own)
        if _IT_SAYS.match(reading.prose, after, max(after, m.span.start - 1)):
            for j in range(k - 1, max(-1, k - _IT_BACK), -1):
                before = reading.speaker(j)
                if before is not None and before.speaker == "document":
                    return replace(before, how="pronoun, after the line's label")
    sourced = _sourced_document(reading, m, k, own) if own else None
    if sourced is not None:
        return sourced
    if own:
        # A cue that leads into the quotation ("the statement notes that “...”") speaks
        # it, however near a cue after it ("..., a line the reporter called “...”").
        text, opening = reading.text, m.span.start - 1
        leading = [
            c
            for c in own
            if c.span.end <= opening
            and (
                _LEADS.fullmatch(text, c.span.end, opening)
                or _issued_between(text, c.span.end, opening)
            )
        ]
        if leading:
            # (but a document a person's claim ends with, which the quotation goes on
            # from with its verb: "a video claims the joint statement “orders ...”")
            if leading[-1].speaker == "person":
                return _quoted_subject(reading, leading[-1], m) or leading[-1]
            return leading[-1]
        acting = [
            c
            for c in own
            if c.speaker == "person"
            and c.span.end <= opening
            and _ACT_BEFORE.fullmatch(text, c.span.end, opening)
        ]
        # (or whose act's object the quotation is: "a tabloid said the joint statement
        # denounced “...”", the person's account of what the statement said)
        reported = _quoted_subject(reading, acting[-1], m) if acting else None
        if reported is not None:
            return reported
        # A cue further on that leads into a later quotation ("..." - wording that, in the
        # view of Lankov, "...") is that one's; a tag right after this one stays its own.
        own = [c for c in own if not _leads_later(text, c, m)] or own
        # A cue past the writer's gloss ("“...”. translation: Moscow does whatever Beijing
        # says") is in the writer's own words, not a tag of the quotation.
        # So is one past a sentence end the splitter did not read, a full stop before a
        # lower-case word ("... rewarding pyongyang. as one analyst put it, “...”").
        own = [c for c in own if not _past_a_gloss(text, m.span.end, c.span.start)]
        # A document named after the quotation in a clause "that" opens ("expressed
        # “strong regret” that the statement had not condemned ..."): what the words are
        # about, not who spoke them.
        own = [c for c in own if not (c.span.start >= m.span.end and _THAT_OPENS.match(c.text))]
        # A document named only to deny the words are in it ("..., not the statement's",
        # "... was not mentioned in the document"): not their speaker.
        own = [
            c
            for c in own
            if not (
                c.speaker == "document"
                and _DENIED_BEFORE.search(text, max(0, c.span.start - _DENIED_REACH), c.span.start)
            )
        ]
        # An appositive after the quotation judging it ("“...”, a passage diplomats in
        # Seoul described as blunt") says who judged the words, not who spoke them.
        own = [
            c
            for c in own
            if not (
                c.span.start >= m.span.end
                and c.speaker == "person"
                and (
                    _JUDGED_AFTER.match(text, m.span.end + 1, c.span.end)
                    # ("“...,” which experts say is a polite way of saying very little")
                    or _WHICH_THEY_JUDGE.match(text, m.span.end + 1, c.span.end)
                )
            )
        ]
        # A cue past a semicolon after the quotation ("Seoul cool on “double freezing”;
        # Beijing says door is open") speaks the clause it opens, not the quotation.
        own = [
            c
            for c in own
            if not (c.span.start >= m.span.end and ";" in text[m.span.end : c.span.start])
        ]
        if any(c.span.end <= opening for c in own):
            # A cue after the quotation in a clause of its own that a conjunction opens
            # ("... told us the sequencing is “...”, since the United States has long
            # insisted on ...") speaks that clause, not the quotation a cue before leads to.
            own = [
                c
                for c in own
                if not (
                    c.span.start >= m.span.end
                    and _SUBORDINATE_AFTER.search(text, m.span.end, c.span.end)
                )
            ]
        if not own:
            return None  # its sentence's only cue is the writer's gloss
        # A cue in a relative clause that closes before the quotation ("The statement,
        # which some reports described as signed in Beijing, ends: “...”") says what the
        # clause's speaker says of its antecedent, not who speaks the quotation.
        own = [
            c
            for c in own
            if not _in_relative_clause(text, c, opening) and not _relative_after(text, c, m)
        ]
        if not own:
            return None  # "The 2005 statement, which the 2017 document cites, had recorded
            # that “...”": only a relative clause names anyone, and not the speaker
        # A document named after a person's speech verb and before the quotation is what
        # the person speaks about ("Lukin said the statement was “...”"), not a speaker.
        said = [c for c in own if not c.named and c.span.end <= opening]
        if said and said[-1].speaker == "person":
            own = [c for c in own if not (c.named and said[-1].span.end <= c.span.start)]
        # (of two cues ending alike, the inner: "Another report said that according to
        # the statement the allies “...”" quotes the statement, as the report has it)
        nearest = min(own, key=lambda c: (_distance(c.span, m.span), -c.span.start))
        if nearest.speaker == "document" and nearest.span.end <= opening:
            reach = max(nearest.span.end, opening - _CLAUSE_REACH)
            clause = _OWN_CLAUSE.search(reading.prose, reach, opening)
            if clause is not None and not _joint(clause.group("subject"), reading.authors):
                # "X noted that the document offers “...” and that Moscow is ready to
                # present it “...”": the second clause is X's, not the document's; but
                # the authors' own ("Russia and China wrote that “...”, and that all
                # concerned should “...”") go on saying it
                # (the document opening the sentence as its verb's subject, "The text
                # insists that ... and that everyone involved should “...”", goes on)
                cue_text = nearest.span.of(reading.text)
                doc_word, verb = _DOCUMENT_WORD.search(cue_text), _SPEECH.search(cue_text)
                opens = (
                    not reading.prose[reading.spans.starts[k] : nearest.span.start].strip()
                    and doc_word is not None
                    and (verb is None or doc_word.start() < verb.start())
                )
                reporter = _reporter(reading.text, nearest)
                if not opens and (
                    reporter is None or not _joint(_before_verb(reporter), reading.authors)
                ):
                    return reporter
        if nearest.speaker == "person" and nearest.span.start >= m.span.end:
            # "The document calls for “...”, she notes": a reporter's tag after the
            # quotation reports the clause that gives the document its words.
            governing = _governing_document(reading.prose, own, opening)
            if governing is not None:
                return governing
        return nearest
    headline = _headline_of(reading, m, k)
    if headline is not None:
        return headline
    subject = _subject_before(reading, m, k)
    if subject is not None:
        return subject
    owner = _OWNER_BEFORE.search(reading.prose, max(0, m.span.start - _OWNER_REACH), m.span.start)
    if (
        owner is not None
        and _owns_words(owner.group(1), reading.authors)
        and not _NAME_BEFORE_OWNER.search(
            reading.prose, max(0, owner.start(1) - _OWNER_REACH), owner.start(1)
        )
    ):
        return None  # "the summary's “in exchange for” is the channel's framing", "Geng's
        # “most practical way out” echoed ...": whose words the page says these are, not
        # the speaker of the sentences before
    return reading.inherited(k)


def _owns_words(owner: str, authors: frozenset[str]) -> bool:
    """Whether a possessive's owner before a quotation says whose words it holds: a common
    noun ("the summary's") or a name ("Geng's", "KCNA's"), but not the document, its
    authors or a party it speaks of ("the DPRK's “justified concerns”": its phrase).

    >>> _owns_words("summary", frozenset()), _owns_words("Geng", frozenset())
    (True, True)
    >>> _owns_words("DPRK", frozenset()), _owns_words("statement", frozenset())
    (False, False)
    """
    folded = owner.casefold()
    return not (_DOCUMENT_WORD.search(owner) or folded in authors or folded in _PARTY_WORDS)


def _quoted_subject(reading: _Reading, said: Cue, m: Marked) -> Cue | None:
    """The document a person's claim ends with, when quotation `m` goes on from it with
    a verb in the present or a modal ("claims the joint statement “orders ...”", "“will
    ...”"): what the document does, in its words. Else None. Only a claim: after "said"
    the words are more often the person's judgement ("said the statement “speaks for
    itself”"), unless they open on what the document did as a speaker ("A tweet said the
    statement “praised ...”", "wrote that the communique “thanked ...”"): the person's
    account of what it says, which a reader checks against it."""
    text = reading.text
    if m.opening in ("", ":"):
        return None
    between = text[said.span.end : m.span.start - 1]
    if _issued_between(text, said.span.end, m.span.start - 1):
        between = ""  # "claims the statement, released by both ministries, “bans ...”"
    first = _FIRST_WORD.match(text, m.span.start, m.span.end)
    progressive = (
        between.strip() in ("is", "was")
        and first is not None
        and first.group().casefold() in _ACTING
    )
    if progressive:
        # "wrote that the statement is “putting forward ...”": what it does, in its words
        between = ""
    if between.strip():
        # "A tabloid said the joint statement denounced «...»": the act's verb, then its
        # object's first words, stand between the document and the quotation
        acted = _ACT_BEFORE.fullmatch(between)
        if acted is None or acted.group("verb").casefold() not in _ACTS:
            return None
        if not _REPORTED_SPEECH.search(said.text):
            return None
    act = bool(between.strip()) or progressive
    act = act or (first is not None and first.group().casefold() in _ACTS)
    claimed = _CLAIMED.search(said.text) and _QUOTED_VERB.match(text, m.span.start) is not None
    if not (claimed or (act and _REPORTED_SPEECH.search(said.text))):
        return None
    named = [d for d in doc_cues(said.text) if d.end() == len(said.text)]
    if not named:
        return None
    span = Span(said.span.start + named[-1].start(), said.span.end)
    return Cue("document", span, span.of(text), how="its subject, before its verb")


_CLAIMED_AUTHORS = re.compile(
    r"[\s*_#>-]*(?:(?:(?:the|a|false|fake|viral|misleading|wrong)\s+)?claim"
    r"(?:\s+(?:\d{1,2}|one|two|three|four|five))?|claimed)"
    r"[\s*_]*[:.—–-][\s*_]*(?:that\s+)?(?P<who>(?:the\s+)?[^\s,;:.!?“”\"«»][^,;:.!?“”\"«»\n]{2,40}?)"
    r"\s*$",
    re.IGNORECASE,
)
"""A fact-check's claim label, then the statement's authors as the subject of the quotation
after them ("Claim two: that the two countries “...”", "CLAIM: Russia and China “...”")."""


def _issued_between(text: str, start: int, opening: int) -> bool:
    """Whether only how the document named before `start` came out stands between it and
    the quotation opening at `opening` ("the statement, released by both ministries,")."""
    issued = ISSUED_AFTER.match(text, start)
    return issued is not None and not text[issued.end() : opening].strip()


_THAT_OPENS = re.compile(r"that\s", re.IGNORECASE)
_DENIED_BEFORE = re.compile(
    r"\b(?:not|never|nowhere)[ \t]+(?:(?:mentioned|found|used|included|contained|present"
    r"|cited|quoted|written|said)[ \t]+)?(?:(?:in|by|from|of)[ \t]+)?\Z",
    re.IGNORECASE,
)
"""Before a document: a denial that the words are in it ("not the statement's", "not
mentioned in the document"), not one of what it says ("do not accept the statement's")."""
_DENIED_REACH = 40
_OWNER_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|its|their|his|her)\s+)?\b(\w+)(?:['’]s|s['’])\s*[\"“«„‘']?\Z"
)
_NAME_BEFORE_OWNER = re.compile(r"(?<![.!?])[ \t](?!The\b)[A-Z][\w’'-]*[ \t]+\Z")
"""A capitalised word before a possessive's owner: the owner ends a longer name, a place
("the Korean Peninsula's “neighbours”": the statement's own phrase), not one speaker."""
_PARTY_WORDS = frozenset(w for names in ALIASES.values() for n in names for w in n.split()) | {
    k.casefold() for k in ALIASES
}
"""Words of the names of the states the statement speaks of ("dprk", "korea", "united")."""
_OWNER_REACH = 40
"""Characters before a quotation read for the possessive naming whose words it holds."""
_ACT_BEFORE = re.compile(
    r"\s+(?:(?:had|has|have)\s+)?(?P<verb>[^\W\d_]+)(?:\s+[^\s\"“”«»]+){0,3}?\s*"
)
"""Between a document and a quotation: its act's verb and up to three words of the act's
object ("denounced", "had condemned Pyongyang's", "described Seoul as a")."""
_CLAIMED = re.compile(r"\bclaim(?:s|ed)?\b")
_REPORTED_SPEECH = re.compile(
    r"\b(?:claim(?:s|ed)?|sa(?:y|ys|id)|wr(?:ite|ites|ote)|post(?:s|ed)|tweet(?:s|ed)"
    r"|alleg(?:e|es|ed)|assert(?:s|ed)?|insist(?:s|ed)?|hold(?:s)?|held)\b"
)
"""A person's account of what a document says ("said", "wrote", "alleges")."""
_QUOTED_VERB = re.compile(
    r"(?:will|would|shall|should|must|may|can|could|[a-z]{2,}[^s\W]s)\b(?![’'])"
)
"""A verb opening a quotation: a modal, or a word in "-s" (not "-ss": "orders", "commits",
"calls"; a plural noun reads the same, and is rare straight after the document)."""


def _credited(reading: _Reading, credit: Span) -> Cue | None:
    """Who the credit of a block quotation names (`Marked.credit`: "mira_ek wrote:",
    "— Sergei Lavrov, to reporters", "— Joint statement of the two foreign ministries"):
    the document where it names it or its authors together, else the person or body it
    names, its words up to a comma, a bracket or a date. None for a credit naming no one.

    The credit is the block's own markup, so it speaks before any introduction around it.
    """
    text, authors = reading.text, reading.authors
    found = cues(text, credit, reading.prose, authors)
    documents = [c for c in found if c.speaker == "document"]
    if found:
        return replace(documents[0] if documents else found[-1], how=CREDITED)
    named = _CREDIT_NAME.match(text, credit.start, credit.end)
    if named is None or not 0 < len(_WORDED_RUN.findall(named.group("name"))) <= _NAME_WORDS:
        return None  # no one named, or a sentence
    span = Span(named.start("name"), named.end("name"))
    name = span.of(text)
    own = all(_bare(n) in authors or n.casefold() in _OWN_WORDS for n in _NAME.findall(name))
    speaker: Literal["document", "person"] = "person"
    if own and _joint(name, authors):
        speaker = "document"
    return Cue(speaker, span, name, how=CREDITED)


CREDITED = "credit of the block quotation"
"""How `_credited` found its cue: the block's own credit names who it quotes."""
_CREDIT_NAME = re.compile(
    r"[\s\u2014\u2013\u2015~-]*(?P<name>[^\s,;:(\[|\u2014\u2013]"
    r"(?:[^,;:(\[|\u2014\u2013\n]*?[^\s,;:(\[|\u2014\u2013])?)"
    r"(?=\s*(?:$|[,;:(\[|\u2014\u2013\n]|\s(?:on|in|at)\s|\s\d))"
)
"""A credit's name: after a dash, up to a comma, a colon, a bracket, a dash, a line's
end, a date ("— Mira Ek, July 2017", "Sergei Lavrov (@mfa_russia)", "mira_ek:")."""
_WORDED_RUN = re.compile(r"\w+")
_NAME_WORDS = 6
"""Most words of a name a credit gives (with no cue in it): "Russian and Chinese foreign
ministries" is five."""
_OWN_WORDS = frozenset("the two both their foreign ministry ministries ministers".split())
"""Capitalised words that may stand among the authors' names in a credit naming them
together ("The Russian and Chinese Foreign Ministries")."""


def _sourced_document(reading: _Reading, m: Marked, k: int, own: list[Cue]) -> Cue | None:
    """The document as the subject of a quotation that goes on its sentence, the report's
    source set aside: "The statement, according to Xinhua, “praises ...”", "The
    declaration, as Reuters noted, “will ...”", "According to Xinhua, the statement
    “calls ...”". The agency vouches for the report; the words are given to the document
    (and judged as its). None when the quotation opens a sentence of its own (a capital)
    or no document stands just before it but for such an aside."""
    if m.opening in ("", ":") or m.block >= 0:
        return None
    text, opening = reading.text, m.span.start - 1
    persons = [c for c in own if c.speaker == "person" and c.span.end <= opening]
    if not persons:
        return None
    start = reading.spans.starts[k]
    lead = reading.prose[start:opening]
    # "According to one summary, the statement went further, demanding that “...”", "By
    # one account the declaration went further still, insisting that “...”": the document
    # opens the clause after the source, the quotation the object of its participle
    source = _SOURCED_LEAD.match(lead) or _ACCOUNT_LEAD.match(lead)
    first = _DOCUMENT_OPENS.match(lead, source.end()) if source is not None else None
    if first is not None:
        span = Span(start + first.start("what"), start + first.end("what"))
        return Cue("document", span, span.of(text), how="the document, its report's source before")
    if not text[m.span.start : m.span.start + 1].islower():
        return None
    documents = [c for c in own if c.speaker == "document" and c.span.end <= opening]
    if documents:
        document = documents[-1]
        between = reading.prose[document.span.end : opening]
        inside = all(document.span.end < c.span.start for c in persons[-1:])
        # (not what the source makes of it: "The statement, an editor says, “plainly
        # reflects ...”")
        if inside and _ASIDE_ONLY.fullmatch(between) and not _judges_it(text, opening):
            return replace(document, how="the document, its report's source aside")
    if not _SOURCED_LEAD.match(lead):
        return None
    dated = DATED_AT_END.search(lead)  # "the joint statement of July 4th, 2017 “...”"
    head = lead[: dated.start()] if dated else lead
    subject = _CLAUSE_BREAK.split(head)[-1].strip()
    if not 0 < len(subject.split()) <= _SUBJECT_WORDS or not _DOCUMENT_WORD.search(subject):
        return None
    at = start + len(head.rstrip())
    span = Span(at - len(subject), at)
    return Cue("document", span, span.of(text), how="the document, its report's source before")


_THEIR_TALK = re.compile(
    r"(?P<who>\b[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3})[’']s[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:talk|claims?|warnings?|threats?|promises?|pledges?|rhetoric|language|words|insistence"
    r"|assertions?|vows?|boasts?)[ \t]+(?:of|that|about)?[ \t]*$"
)
"""Someone's talk, claim or warning named just before a quotation's opening mark."""
_DASH_CREDIT = re.compile(
    r"[.,!?]?[ \t]*(?:\n[ \t]*)?(?:--?|[–—])[ \t]*"
    r"(?P<who>(?:the[ \t]+)?[A-Z][\w’'.&-]*(?:[ \t]+[\w’'.&-]+){0,7}"
    r"|(?:attributed|credited)[ \t]+to[ \t]+[\w’'.&-]+(?:[ \t]+[\w’'.&-]+){0,7})"
    r"(?:,[^\n]{0,40})?[ \t]*(?:\n|$)"
)
"""A credit closing a quotation's line, or on the line after it (a <br> before it): '"..."
- DPRK Foreign Ministry spokesman, 5 July', '"..." — attributed to a senior US official'."""
_DEFINED = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z])\.$")
"""A line ending in a full stop that ends no abbreviation ("Jr.", "Inc.", "U.S."): a
sentence, not a credit."""
_ANSWER_WORDS = tuple(
    "answer reply response view position line argument message explanation verdict".split()
)
_ANSWERS = "(?:" + "|".join(_ANSWER_WORDS) + ")"
"""What someone's words may be named as before them ("the answer from", "X's view")."""
_THEIR_ANSWER = re.compile(
    rf"\b{_ANSWERS}"
    r"[ \t]+(?:from|of)[ \t]+(?P<who>[^,.;:“”\"«»\n]{1,60}?)[ \t]+(?:was|is|has[ \t]+been"
    r"|had[ \t]+been|remains|remained)[ \t]+(?:that[ \t]+)?[^.;:“”\"«»\n]{0,80}$"
)
"""Whose answer, view or line a quotation gives: "the answer from our colleagues was that
the drills are “...”"."""
_THEIR_OWN_ANSWER = re.compile(
    r"(?P<who>\b[A-Z][\w.-]*(?:[ \t]+[\w.-]+){0,4}?)[’']s[ \t]+(?:[a-z]+[ \t]+)?"
    rf"{_ANSWERS}"
    r"[ \t]+(?:was|is|has[ \t]+been|had[ \t]+been|remains|remained)[ \t]+(?:that[ \t]+)?"
    r"[^.;:“”\"«»\n]{0,80}$"
)
"""The same with the owner before it: "The State Department's response was that “...”"."""
_THEIR_REMARK = re.compile(
    r"(?P<who>\b[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3})[’']s[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:remark|comment|claim|assertion|boast|jibe|quip|warning|insistence|complaint"
    r"|retort|taunt)[ \t]+that[ \t]+[^.;:“”\"«»\n]{0,80}$"
)
"""Someone's remark, named with its owner, whose clause the quotation ends: "They carried
Kim Jong-un's remark that the launch was “...”"."""
_WITH_SAYING = re.compile(
    r"\bwith[ \t]+(?P<who>(?:[\w’'.-]+[ \t]+){0,5}?[\w’'.-]+)[ \t]+(?:saying|adding|noting"
    r"|warning|insisting|stressing|arguing|declaring)[ \t]+(?:that[ \t]+)?$"
)
"""A gerund of saying and its subject, straight before a quotation: "with a spokesman
saying “...”"."""
_WHICH_THEY_JUDGE = re.compile(
    r"[\"”’»]?[,;]?[ \t]+(?:which|what|something|a[ \t]+line|words)[ \t]+(?!(?:is|was)\b)"
    r"(?:[\w’'-]+[ \t]+){0,4}?"
    r"(?:say|says|said|call|calls|called|think|thinks|believe|believes|consider|considers"
    r"|describe|describes|see|sees|read|reads)\b"
)
"""After a quotation, a relative clause giving someone's judgement of it ("..., which
experts say is a polite way of saying very little"): the judge's cue, not the speaker's."""
_JUDGED_AFTER = re.compile(
    r"[,;]?[ \t]+(?:a|an|the|words|wording|language)\b[ \t]*(?:[\w’'-]+[ \t]+){0,2}?"
    r"(?:passage|phrase|line|sentence|formula|pledge|promise|clause|wording|language|words"
    r"|commitment|demand|claim|reading|interpretation|version|account|characteri[sz]ation)\b"
)
"""After a quotation: an appositive naming it ("“...”, a passage diplomats described as
blunt", "“...”, words critics called naive"): the judge's cue, not the speaker's."""
_OTHER_BODY = (
    r"\b(?:(?:UN|U\.N\.)[ \t]+)?(?:Security[ \t]+Council|General[ \t]+Assembly"
    r"|State[ \t]+Department|White[ \t]+House|Pentagon|IAEA|NATO)"
    r"(?:[ \t]+Board(?:[ \t]+of[ \t]+Governors)?)?"
    # (its words by a possessive: "the Security Council's language, which “...”")
    r"(?:[’'][s]?[ \t]+(?:[a-z]+[ \t]+){0,2}(?:language|wording|formula|words|text"
    r"|resolutions?|statements?))?"
    r"|\b(?:Japan|Tokyo|Seoul|Washington|Pyongyang|South[ \t]+Korea|North[ \t]+Korea"
    r"|the[ \t]+United[ \t]+States|America)[’']s[ \t]+(?:[a-z]+[ \t]+){0,2}"
    r"(?:ministry|ministries|government|embassy|mission|parliament|office)"
)
"""Bodies whose resolutions and statements a page sets beside the statement's."""
_OTHERS_WHICH = re.compile(
    rf"(?P<what>{_OTHER_DOCUMENT.pattern}|{_OTHER_BODY}|(?i:statement|declaration|communiqu[eé])"
    r"\s+of\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+\s+)?(?:19|20)\d\d"
    r"|(?P<year>(?:19|20)\d\d)\s+(?i:joint\s+)?(?i:statement|declaration|communiqu[eé])"
    r"(?:\s+(?:on|of)\s+(?:the\s+)?[A-Z][^,.;:“”\"«»\n]{0,70})?)"
    r"[ \t]*,?[ \t]+(?:which|that|(?:in|under|by)[ \t]+which|whereby)[ \t]+"
    r"(?P<clause>(?:[\w’'-]+[ \t]+){0,6}?)$"
)
"""Another document, or a body that speaks in its own (the Security Council), named just
before a relative clause that holds a quotation: "resolution 2321, which “...”", "the
Security Council, which in Resolution 2321 “...”", "the Joint Statement of September 19,
2005, which committed the DPRK to “...”", "the September 2005 Joint Statement, in which
the DPRK “committed to ...”" (not one dated to the statement's own year, nor one whose
clause names the statement speaking: "which the statement says")."""


def _own_year(reading: _Reading) -> list[str]:
    """The statement's year as `authors` holds it (its latest), in a list: [] for none."""
    return sorted(y for y in reading.authors if YEAR.fullmatch(y))[-1:]


_OURS_IN_CLAUSE = re.compile(
    r"(?i:\b(?:the|this)\s+(?:joint\s+)?(?:statement|declaration|communiqu)"
    r"|\b(?:foreign\s+ministries|russia\s+and\s+china"
    r"|china\s+and\s+russia|moscow\s+and\s+beijing|beijing\s+and\s+moscow)\b)"
    r"|\b(?i:the)\s+Parties\b"
)
"""The statement or its authors named in another document's relative clause ("which the
statement says"; not "which in a statement", one of the other body's); "the Parties" as
the statement writes them, with a capital: "in which the parties “...”", after the 2005
statement, are that statement's parties."""
_WHICH_TAIL = re.compile(r"[ \t](?:which|that|whereby)[ \t]+(?:[\w’'-]+[ \t]+){0,6}?$")
"""How every `_OTHERS_WHICH` ends ("which", "that", "in which", "whereby" and the clause's
first words): a cheap test, searched from each space or tab only."""


def _others_which(prose: str, start: int, end: int) -> re.Match[str] | None:
    """`_OTHERS_WHICH.search(prose, start, end)`, tried only where the words end as it
    does (`_WHICH_TAIL`): one window in three on the scan benchmark's quotations, whose
    690 searches took 10.5 ms and now take 4.7."""
    if _WHICH_TAIL.search(prose, start, end) is None:
        return None
    return _OTHERS_WHICH.search(prose, start, end)


_ITS_WORDING = re.compile(
    r"(?i)\b(?:(?:the|this|their)\s+(?:joint\s+)?(?:statement|document|declaration|communiqu[eé]"
    r"|text)[’']s|the\s+(?:two\s+)?(?:foreign\s+)?ministries[’'])"
    r"\s+(?:(?:own|key|central|chosen|stock|opening|closing|final)\s+)?"
    r"(?:formula|formulation|phrase|wording|words|language|term|expression|call|appeal"
    r"|demand|plea|line|passage|sentence|clause|description|proposal|plan|idea|notion"
    r"|concept|slogan)"
    r"(?:\s+(?:of|to|for|on|about)|[ \t]*[,:])?[ \t]*$"
)
"""The document's own wording named just before a quotation ("the document's formula of",
"the statement's phrase", "the communique's call for", "the document's wording, "): the
quoted words are the document's, whoever the sentence says argues or writes about them."""
_ITS_OWN_WORDING = re.compile(
    r"\b[Ii]ts\s+(?:own\s+)?(?:formula|formulation|phrase|wording|words|language|term"
    r"|expression|call|appeal|demand|plea|description|reference|talk)"
    r"(?:\s+(?:of|to|for|on|about)\b[^“”\"«».;:!?\n]{0,60})?[ \t]*$"
)
"""The document's own wording by "its" ("its call to respect the North's", "its phrase"),
just before a quotation: read where the sentence opens on the document."""
_OPENS_ON_DOCUMENT = re.compile(
    r"[\s\"“]*(?:[Tt]he|[Tt]his|[Tt]heir)\s+(?:joint\s+)?(?:[A-Z][\w-]*\s+)?"
    r"(?:statement|document|declaration|text|communiqu[eé])\b(?!\s+of\b)"
)
"""A sentence opening on the document ("The text, he argued, shows ..."; not "The text of
Kim's speech")."""
_ROLE_BEFORE_COLON = re.compile(
    r"(?i)\b(?P<who>(?:an?|the|one|another|this|that)\s+(?:[\w’'-]+\s+){0,3}?(?:diplomat"
    r"|official|analyst|expert|scholar|professor|minister|spokes(?:man|woman|person)|envoy"
    r"|ambassador|advis[eo]r|commentator|researcher|general|aide|lawmaker|senator|academic"
    r"|negotiator|historian|economist)s?)"
    # (not an adjective: "the official translation", "the minister's text")
    r"(?![ \t]+(?:translation|version|text|rendering|wording|transcript|summary|readout"
    r"|record|web\s*site|site|English|Russian|Chinese)\b)"
    # (a few words of the page's after the role: "I spoke to was blunter still")
    r"(?:[ \t]+(?![^:;.!?“”\"«»\n]*\b(?:statement|declaration|document|text)\b)"
    r"[^:;.!?“”\"«»\n]{1,60}?)?[ \t]*:[ \t]*$"
)
"""A person named by role just before a colon that opens the quotation ("The best summary
came from a retired Chinese diplomat: ‘...’")."""
_NAME_BEFORE_COLON = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] )|(?<=\d:\d\d ))(?P<who>[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){1,3}"
    r"|(?!(?:However|Meanwhile|Still|Later|Earlier|Then|Also|But|And|So|Yet|Instead|Finally"
    r"|Separately|Asked|Speaking|Today|Yesterday|Here|There|Now|Again|Above|Below|Update"
    r"|Next|First|Second|Third|Fourth|Lastly|Further|Furthermore|Moreover|Notably|Overall"
    r"|Crucially|Importantly|Significantly|Similarly|Likewise|Thus|Hence|Indeed|Elsewhere"
    r"|Additionally|Specifically|Tellingly|Interestingly|Curiously|Finally|Afterwards"
    # (interjections and sentence adverbs opening a reply: "Fine, but ...", "OK, so ...")
    r"|Fine|OK|Okay|Sure|Well|Yes|No|Right|True|Agreed|Granted|Frankly|Honestly|Clearly"
    r"|Obviously|Admittedly|Sadly|Unfortunately|Fortunately|Of)\b)"
    r"[A-Z][\w’'-]+(?=,[ \t]+[a-z]))"
    # (not a phrase in which the document speaks: "Next, the statement says:")
    r"(?:,[ \t]+(?![^:;\n]*\b(?:statement|declaration|document|communiqu[eé])[ \t]+(?:says"
    r"|said|reads|read|states|stated|adds|added|notes|noted|continues|goes[ \t]+on)\b)"
    # (the phrase ends with its sentence: "Fine, but they swipe at it. Point 2 says:")
    r"[a-z](?:(?![.!?][ \t]+[A-Z])[^:;\n\"“”«»]){0,80}?,?)?[ \t]*:[ \t]*$"
)
"""A person named at a sentence's start (or after a live blog's time), perhaps with a
phrase after the name, just before a colon that opens the quotation ("Sergei Lavrov,
speaking alongside Wang Yi at the signing: “...”"); a name of one word only with such a
phrase ("Lavrov, speaking at the signing:"), not a heading's word ("Update:")."""
_ACCUSING = re.compile(
    r"(?P<who>\b[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,3}?)[ \t]+(?:accuse[sd]?|accusing|charge[sd]?"
    r"|fault(?:s|ed)?)[ \t]+(?:[\w’'-]+[ \t]+){1,4}?of[ \t]+[\w-]+ing\b[^“”\"«».!?;:]{0,40}$"
)
"""Someone accusing another of an aim in their own words ("Opponents accuse the statement of
seeking “to drive a wedge between allies”"): the accusers' words, not the accused's."""


def _search_holding(
    pattern: re.Pattern[str], words: tuple[str, ...], text: str, start: int, end: int
) -> re.Match[str] | None:
    """`pattern.search(text, start, end)`, searched only where text[start:end] holds one of
    `words`, one of which every match holds (looked for with `str.find`, at C speed): the
    patterns read back from a quotation's mark end there (`$`), so `re` tries each at every
    character read back."""
    if any(text.find(word, start, end) >= 0 for word in words):
        return pattern.search(text, start, end)
    return None


_POSSESSIVE_S = ("'s", "’s")
_GIVES_OWN = re.compile(
    rf"\b(?!{NOT_A_NAME}\b)"
    r"(?P<who>[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){0,3})[^.;:“”\"«»\n]{0,200}?"
    r"\b(?:gave|gives|offered|offers|added|adds|delivered|delivers|voiced|voices)[ \t]+"
    rf"(?:her|his|their)[ \t]+(?:own[ \t]+)?(?:[a-z]+[ \t]+)?{_ANSWERS}[ \t]*:[ \t]*$"
)
"""A person giving their own verdict, view or answer before a colon ("Anna Pak summarised
point 3 ... and then gave her own verdict: “...”"): theirs, whatever the sentence before
says the statement's authors want."""
_NAMED_BEFORE = (
    (_ACCUSING, 160, "who", ("accus", "charge", "fault")),
    (_GIVES_OWN, 300, "who", _ANSWER_WORDS),
    (_THEIR_ANSWER, 200, "who", _ANSWER_WORDS),
    (_THEIR_OWN_ANSWER, 200, "who", _POSSESSIVE_S),
    (_THEIR_REMARK, 200, "who", _POSSESSIVE_S),
    (_THEIR_TALK, 80, 0, _POSSESSIVE_S),
    (_WITH_SAYING, 120, "who", ("with",)),
    (_ROLE_BEFORE_COLON, 120, "who", (":",)),
    (_NAME_BEFORE_COLON, 160, "who", (":",)),
)
"""Whose words a quotation gives, named just before its mark: (pattern, characters read
back, the group that names the speaker's span, words one of which every match holds).
Searched only where the words are (`_search_holding`): 27 ms of the scan benchmark's
quotation stage, 7 ms so (one window in ten or fewer holds a colon, an accusation or a
possessive)."""
_SUBORDINATE_AFTER = re.compile(
    r"[,;][ \t]*(?:since|because|although|though|while|whereas|when|unless|whereupon"
    r"|(?:(?:a|one|two|three|a[ \t]+few|several)[ \t]+(?:day|days|week|weeks|hour|hours)"
    r"[ \t]+)?(?:after|before))\b",
    re.IGNORECASE,
)
"""After a quotation: a clause of its own begins (", since the United States has insisted",
", a day after Russia and China proposed ...")."""
_READS_OUT = re.compile(
    r"\b(?:reads?|recites?|recited)[ \t]+(?:out[ \t]+|aloud[ \t]+|from[ \t]+)?"
    r"(?P<part>(?:the|its)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:paragraph|passage|point|line|section"
    r"|clause|sentence|text|statement|document|declaration)"
    r"|(?:point|paragraph|section|clause)[ \t]+\d{1,2})\b"
    r"(?![ \t]+of[ \t]+(?!(?:the|this|its|their)[ \t]+(?:joint[ \t]+)?(?:statement|declaration"
    r"|document|text)\b))"
    r"[^“”\"«».!?;]{0,20}[:,][^“”\"«».!?;]{0,60}$"
)
"""Someone reading out a part of the statement, then a colon or comma and its words ("Olga
reads the last paragraph: Russia and China"): the statement's words, read out; not a part
of something else ("reads the last paragraph of Lavrov's speech:")."""
_HAS_IT_SAYING = re.compile(
    r"\b(?:has|have|had)[ \t]+(?P<who>(?:the[ \t]+)?[\w’'-]+(?:[ \t]+[\w’'-]+){0,3}?)[ \t]+"
    r"(?P<verb>saying|demanding|calling[ \t]+for|urging|promising|threatening|vowing|pledging"
    r"|insisting|requiring|warning|proposing|declaring)\b[^:;“”\"«».!?]{0,80}?[ \t]*$"
)
"""A source's account that "has" the statement or its authors say something, just before
the quotation ("Western summaries have the authors demanding", "has the ministries calling
for Seoul to")."""
_IT_HAS_THEM = re.compile(
    r"\b(?P<who>(?:the|this|that)[ \t]+(?:[\w’'-]+[ \t]+){0,2}?"
    r"(?:statement|declaration|document|text))"
    r"[ \t]+(?P<verb>has|had|judged|judges|deemed|deems|found|finds|termed|terms|blames|blamed"
    r"|accuses|accused|holds|held)[ \t]+"
    # (not "has a “balanced” tone": what it has is described, not made to speak)
    r"(?!(?:a|an)[ \t])(?:it|them|this|that|(?:the[ \t]+)?[\w’'-]+(?:[ \t]+[\w’'-]+){0,4}?)"
    r"(?:[ \t]+(?:for|of|responsible[ \t]+for))?[ \t]*$"
)
_MAKES = ("has", "had", "judge", "deem", "found", "find", "term", "blame", "accuse", "hold", "held")
"""The statement, subject of a verb that makes or judges, its object just before the
quotation ("the statement has the North and the South “cooperate ...”", "the statement
judged it “consistent with ...”", "the Moscow statement blames the United States for
“...”"): the quotation is what an account says it says."""
_RENDERED_AS = re.compile(
    r"\b(?:renders?|rendered|rendering|summari[sz](?:es|ed|e|ing)|sums?[ \t]+up|summed[ \t]+up"
    r"|paraphras(?:es|ed|e|ing)|translat(?:es|ed|e|ing))[ \t]+"
    r"(?P<what>(?:the|its|this|that|point|paragraph|section)\b[^.!?;:“”\"«»]{0,60}?)[ \t]+as\b"
    r"[^.!?;:“”\"«»]{0,80}$"
)
"""A rendering of the statement or a part of it, just before its quotation: "renders point
4 as", "summarised the key passage as Moscow and Beijing finding the launch"."""
_SUMMING_UP = re.compile(r"summ|sums?\b|summed", re.IGNORECASE)
_SAID_AS = re.compile(r"\bas\s+\S+\s+\S+[^“”\"«»]*$")
"""A summing-up renders the statement only with a clause of its own after "as" ("summarised
the key passage as Moscow and Beijing finding the launch “...”"): "summarised point 3 as
“a freeze we will never accept”" is the summariser's judgement."""
_RENDERED_PART = re.compile(
    r"\b(?:statement|declaration|document|communiqu|text|point|paragraph|passage|section"
    r"|clause|sentence|line|wording|language)",
    re.IGNORECASE,
)
"""What a rendering renders, for its quotation to be the statement's: the document or a
part of it (not "renders the mood as")."""


def _past_a_gloss(text: str, end: int, start: int) -> bool:
    """Whether a gloss label (`_GLOSS`) or a lower-case sentence end (`_LOWER_CASE_STOP`)
    lies between a quotation's `end` and a cue's `start` after it.

    The first match of each after the quotation is found once (cached), and the cue is
    past one when it starts at or after that match's end: no match of either pattern
    ends before another that starts earlier (each ends at its colon, or at the word
    after its full stop). Searching every cue's stretch anew cost a sentence of many
    quotations and cues their product (a page of the statement's words shuffled, a
    quotation mark every 900 characters: 5 s of 11 at 220 KB).

    That first match is looked for only where the few characters between the quotation
    and the cue (`_NEAR` or fewer) hold a match: most hold none, and the search to the
    text's end (the patterns open with a word boundary or a class, tried at every
    character) cost more than the rest of the speaker's rules. A match ending by `start` is one in
    text[end:start] too (neither pattern looks past its last character), so where
    that stretch holds none, the first match from `end`, if any, ends past `start`."""
    if start < end:
        return False
    near = start - end <= _NEAR
    return any(
        (not near or pattern.search(text, end, start) is not None)
        and (first := _first_after(pattern, text, end)) is not None
        and first <= start
        for pattern in (_GLOSS, _LOWER_CASE_STOP)
    )


_NEAR = 200
"""Characters between a quotation and a cue that `_past_a_gloss` searches before the cached
search from the quotation: a cue far after it would cost that long stretch once a cue (a
line of long quotations and their cues: 7 s at 300 KB became 21 s)."""


@lru_cache(maxsize=64)
def _first_after(pattern: re.Pattern[str], text: str, at: int) -> int | None:
    """Where the first match of `pattern` from `at` ends, if any within `_GLOSS_REACH`
    characters: a search to the text's end once a quotation cost a line of thousands of
    quotations its square (a 4 MB page of them took minutes)."""
    found = pattern.search(text, at, at + _GLOSS_REACH)
    return None if found is None else found.end()


_GLOSS_REACH = 2000
"""Characters after a quotation within which a gloss or a sentence end parts a cue from it."""


_LOWER_CASE_STOP = re.compile(r"[a-z]{3}[.!?][ \t]+[a-z]")
"""A sentence's end in lower-case prose (a forum's): a full stop after a word, not an
abbreviation's ("e.g.", "U.S."), then a lower-case word. Like `_GLOSS`, it reads nothing
past its last character (no look-ahead, no boundary or `$` there): `_past_a_gloss` relies
on it."""
_WHERE_QUOTED = (
    r"(?:(?:on|in|by|across|online|widely|often|repeatedly|elsewhere)\b[^,;:.“”\"«»]{0,30}?)"
)
"""Where or how often "it" is quoted, before "as" ("quoted on social media as saying"); not
whom it quotes ("it quoted Lavrov as saying")."""
_IT_RECAST = re.compile(
    r"\b(?:embellish|twist|distort|garbl|doctor|alter|chang|mangl|rewr[io]t|rework|misrepresent"
    r"|misstat|paraphras|reword|recast)\w*[ \t]+(?:it|them)[ \t]+as[ \t]*$",
    re.IGNORECASE,
)
"""The page's account of a version of "it" (the document named before): "some posters
embellished it as “...”", "others twisted it as “...”"."""
_QUOTING = re.compile(
    rf"\b(?:(?P<who2>it|them|is|are|was|were|been|being)[ \t]+(?:[a-z]+ly[ \t]+)?"
    rf"(?=(?:mis)?quoted[ \t]+(?:{_WHERE_QUOTED}[ \t]+)?as\b))?"
    r"(?:(?:(?:mis)?quot(?:es|ed|ing)|(?:mis)?cit(?:es|ed|ing))[ \t]+"
    r"(?!as[ \t])(?P<who>[^:;“”\"«».!?]{1,80}?)[ \t]*"
    r"(?::|,?[ \t]+(?:as[ \t]+)?(?:saying|stating|writing|telling|noting|warning|calling|urging"
    r"|adding|declaring|demanding)\b[^:;“”\"«».!?]{0,80}?|[ \t]+as[ \t]+being)"
    r"|(?:mis)?report(?:s|ed|ing)[ \t]+(?P<reported>[^:;“”\"«».!?]{1,80}?)[ \t]+as[ \t]+"
    r"(?:saying|stating|warning|calling|urging|declaring|demanding|promising|threatening"
    r"|vowing|pledging|insisting|requiring)\b[^:;“”\"«».!?]{0,80}?)[ \t]*$"
)
"""Whom a page's source quotes, just before the quotation: "quotes an unnamed Blue House
official:", "quoted the statement as saying Russia and China", "cites a ministry source
saying the roadmap"; or, passive, "it quoted as saying" (`who2`: it is quoted); or whom
it reports as saying ("reported the statement as promising": `reported`). Not the
passive "the statement is quoted as saying", whose "as" named no one quoted."""
_TEXT_PART = re.compile(
    r"(?i)\b(?:point|paragraph|passage|section|clause|sentence|wording|line)s?\b"
)
"""A part of a text, as what a page says "is quoted as saying": no person."""
_IT_SUBJECT = re.compile(
    r"(?i)(?:^|\b)(?:it|they)(?:\s+(?:is|are|was|were|has|have))?\s*(?:also\s+)?$"
)
"""A pronoun subject of "is quoted as saying": whom it stands for is the cues' to read."""
_PASSIVE = frozenset(("is", "are", "was", "were", "been", "being"))
"""`_QUOTING`'s `who2` when the page says something "is quoted (on Twitter) as saying":
the subject is who is quoted. The statement, so quoted, is left to the cues ("The
statement is being quoted on Twitter as urging": the place was taken for the one quoted);
a person is quoted by whoever the place names, as before."""
_PART_QUOTED = re.compile(STATEMENT_PART)
"""Whom a source quotes, named as a part of the statement ("quoted the fifth point as
saying", "cites paragraph 3:"): the statement (a part of another document names it:
"the fifth point of the resolution" is no match whole)."""
_IT = frozenset(("it", "them", "this", "that"))
"""Whom a source quotes, named by a pronoun: whoever the page spoke of before ("quoted it
as saying"), which the cues read."""
_THEN = re.compile(r",?\s+(?:and\s+)?(?:then|later|next|followed\s+by)\s+")
"""Between two whom a source quotes in turn."""
_QUOTED_WORDS = 8
"""Most words naming whom a source quotes (more: a clause, not a name)."""
_SOURCE_CUE = re.compile(rf"{SOURCE_WORDS}\b", re.IGNORECASE)
"""A cue that names a report's source only."""
_IT_BACK = 6
"""Sentences back in which a transcript's "It says" finds the document it stands for."""
_IT_SAYS = re.compile(
    r"[\s,:]*(?:it|they)\s+(?:also\s+)?(?:says|said|adds|added|states|stated|reads|notes|noted"
    r"|urges|urged|calls|called|asks|asked|demands|demanded|warns|warned|stresses|stressed"
    r"|proposes|proposed|insists|insisted)\b[^.!?]*$",
    re.IGNORECASE,
)
"""After a report's source or a transcript's label: "it says", then the words up to the
quotation."""
_PRONOUN_SAYS = re.compile(rf"(?<![^\s,:])(?:[Ii]t|[Tt]hey){PRONOUN_SPEAKS}")
"""A pronoun saying something in the sentence before a quotation ("It even asks that")."""
_ASIDE_ONLY = re.compile(r"\s*,[^,;:“”\"«»]{1,60},\s*")
"""Between a document and the quotation: one aside set off by commas, and nothing else."""
_ACCOUNT_LEAD = re.compile(
    r"\s*(?:by|in)\s+(?:one|some|several|many|most|his|her|their|its|this)\s+accounts?\b[ \t]*,?",
    re.IGNORECASE,
)
"""A sentence opening on an account as its source ("By one account, ...")."""
_DOCUMENT_OPENS = re.compile(
    r"\s*(?P<what>(?:the|this|their)\s+(?:joint\s+)?(?:statement|declaration|document"
    r"|communiqu[eé]|text))\b[^,;:]{0,60},\s+(?:[a-z]+ing|and\s+\w+)\b[^,;:]{0,40}$",
    re.IGNORECASE,
)
"""The document opening the clause after a source, the quotation going on from a participle
or a second verb of it ("the statement went further, demanding that")."""
_SOURCED_LEAD = re.compile(rf"\s*{SOURCE_WORDS}\b[^,;:]{{1,40}},", re.IGNORECASE)
"""A sentence opening on the report's source: "According to Xinhua, ..."."""


def _subject_before(reading: _Reading, m: Marked, k: int) -> Cue | None:
    """Someone named just before a quotation that opens on their verb ("Lavrov “called the
    plan realistic”", "Resolution 2270 “demands that ...”"): the words are theirs, not the
    document's a sentence before named. Not a pronoun ("It “calls on ...”": whoever was
    named before), the authors (`cues._authors_quoted`), a document of the statement's
    (`cues`), or a phrase of time or place ("On Tuesday “officials said ...”")."""
    if m.opening in ("", ":") or m.block >= 0:
        return None
    text, start = reading.text, reading.spans.starts[k]
    opening = m.span.start - 1
    first = _FIRST_WORD.match(text, m.span.start, m.span.end)
    if first is None or first.group().casefold() not in _QUOTED_VERBS or opening <= start:
        return None
    # (an aside between the subject and its quotation: "Resolution 2270, by contrast, “...")
    lead = _ASIDE_BEFORE.sub("", reading.prose[start:opening])
    clause = _CLAUSE_BREAK.split(lead)[-1]
    subject = clause.strip()
    words = subject.split()
    if not 0 < len(words) <= _SUBJECT_WORDS or not subject[0].isupper():
        return None
    head = words[0].casefold()
    if head in _NOT_SUBJECTS or _joint(subject, reading.authors):
        return None
    if _DOCUMENT_WORD.search(subject) and not _another_body(subject, reading.authors):
        return None  # the statement, named: `cues` reads it ("The G7 communiqué" is another's)
    at = start + len(lead.rstrip())  # the subject's end
    span = Span(at - len(subject), at)
    return Cue("person", span, span.of(text), how="named before the quotation")


_FIRST_WORD = re.compile(r"[^\W\d_]+")
_COUNTED_GROUP = re.compile(
    r"(?i)\b(?:(?:the|all)\s+)?(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|several|[3-9]|[1-9]\d{1,2})\s+(?:[\w-]+\s+)?(?:parties|sides|countries"
    r"|nations|powers|states|members|governments|participants|ministers|leaders|delegations"
    r"|delegates|signatories|envoys)\s*$"
)
"""A group counted more than the statement's two authors, ending the words before a
quotation that opens on its verb ("the six parties", "all 15 council members"): it speaks
(`_speaker_of`, before any cue of the sentence)."""
_GROUP_ENDS = frozenset("sSſ")
"""The last letter of every group `_COUNTED_GROUP` names, as IGNORECASE matches it."""


def _counted_group(prose: str, start: int, end: int) -> re.Match[str] | None:
    """`_COUNTED_GROUP.search(prose, start, end)`, tried only where the words end with a
    group's last letter, an "s" (one window in ten on the scan benchmark's quotations,
    whose 690 searches took 5.3 ms and now take 0.6)."""
    if end <= start or prose[start:end].rstrip()[-1:] not in _GROUP_ENDS:
        return None  # (`rstrip` strips just what `\s` matches)
    return _COUNTED_GROUP.search(prose, start, end)


_QUOTED_VERBS = frozenset(
    """says said calls called urges urged demands demanded commits committed insists insisted
    warns warned notes noted stresses stressed describes described argues argued claims
    claimed accuses accused vows vowed pledges pledged rejects rejected welcomes welcomed
    condemns condemned requires required asks asked proposes proposed expresses expressed
    reaffirms reaffirmed recognises recognised recognizes recognized declares declared
    dismissed dismisses praised praises slammed slams blamed blames labelled labeled
    branded brands hailed hails termed terms decides decided""".split()
)
"""Verbs a quotation may open on, its subject named just before it."""
_ACTS = _QUOTED_VERBS | frozenset(
    """thanks thanked backs backed supports supported endorses endorsed approves approved
    threatens threatened apologises apologised apologizes apologized denounces denounced
    criticises criticised criticizes criticized promises promised orders ordered applauds
    applauded commends commended lauds lauded congratulates congratulated acknowledges
    acknowledged agrees agreed affirms affirmed puts put offers offered outlines outlined
    envisages envisaged""".split()
)
"""What a document does as a speaker, opening a quotation of it ("“praised ...”")."""
_ACTING = frozenset(
    """putting calling urging demanding proposing offering outlining setting laying asking
    pledging promising threatening backing supporting endorsing rejecting welcoming
    condemning insisting warning committing reaffirming declaring expressing""".split()
)
"""What a document is doing, opening a quotation after "is" ("is “putting forward ...”")."""
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
_ASIDE_BEFORE = re.compile(r"(?<=[\w.’'])\s*,\s+[a-z][\w’' ]{0,30},\s*$")
"""A short aside ending the words before a quotation, in lower case between commas ("by
contrast", "in turn", "for its part"): the subject is before it."""
_SUBJECT_WORDS = 6
_NOT_SUBJECTS = frozenset(
    """it they he she we this that these those which who on in at after before by for with
    from during since until as when while and but or so yet then also""".split()
)
_DOCUMENT_WORD = re.compile(
    r"\b(?:statement|declaration|document|text|communiqu|joint)", re.IGNORECASE
)


_GLOSS = re.compile(rf"\b{GLOSS_LABEL}\s*:", re.IGNORECASE)
"""A gloss label anywhere in a sentence ("“...”. translation: ..."): a cue past it is the
writer's own words. It ends on its colon, reading nothing past it (`_past_a_gloss` relies
on that)."""
_OWN_CLAUSE = re.compile(
    r"\band\s+that\s+(?P<subject>(?!(?:the\s+)?(?:joint\s+)?(?:statement|declaration|document"
    r"|text|communiqu)|it\b|they\b)[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:is|are|was|were|has|have"
    r"|had|will|would|can|could|must|should|stands?|alone|itself)\b"
)
"""A second "that" clause of a speech verb, with its own subject ("and that Moscow is
ready"): not what the document said."""
_CLAUSE_REACH = 300
"""Characters before a quotation read for `_OWN_CLAUSE`: its own clause, not all the
sentence back to the cue (a sentence of thousands of quotations read it again for each)."""


def _relative_after(text: str, cue: Cue, m: Marked) -> bool:
    """Whether `cue` stands in a relative clause opening straight after quotation `m`
    ("... “allied relations between separate states”, which everyone reads as Japan"): what
    someone makes of the words, not who says them.

    >>> from provenance.quotes.marks import Marked
    >>> page = 'It talks about “allied relations”, which everyone reads as Japan.'
    >>> m = Marked(Span(16, 33), "“", True)
    >>> _relative_after(page, Cue("person", Span(41, 55), "everyone reads"), m)
    True
    """
    if cue.span.start < m.span.end or not _READ_AS.match(text, cue.span.end):
        return False
    return _RELATIVE_OPENING.match(text, min(len(text), m.span.end + 1), cue.span.start) is not None


_RELATIVE_OPENING = re.compile(
    r"[\"”’'»]?[ \t]*,?[ \t]*(?:which|that|whom)\b(?![ \t]+(?:is|was|were|are)[ \t]+(?:what|how)\b)"
    r"[^.;:!?“”\"«»]*\Z"
)
"""After a quotation up to a cue: a relative clause opening on the quotation's words (not
one that says whose they are: "“...”, which is what Lavrov said")."""
_READ_AS = re.compile(r"[ \t]+(?:it[ \t]+|them[ \t]+)?as\b")
"""After a cue's verb: "as", reading the words as something ("which everyone reads as
Japan"), not saying them ("which the text uses for ...")."""


def _reporter(text: str, cue: Cue) -> Cue | None:
    """The person whose speech verb opens a document cue ("Vasin noted that the
    declaration"): the cue up to that verb, as a person's; None if there is none."""
    said = cue.span.of(text)
    verbs = [v for v in _SPEECH.finditer(said) if v.start() > 0]
    if not verbs:
        return None
    span = Span(cue.span.start, cue.span.start + verbs[0].end())
    return Cue("person", span, span.of(text), how=cue.how)


def _before_verb(cue: Cue) -> str:
    """The words of a `_reporter` cue before its speech verb: who speaks."""
    verb = list(_SPEECH.finditer(cue.text))[-1]
    return cue.text[: verb.start()].strip()


def _leads_later(text: str, cue: Cue, m: Marked) -> bool:
    """Whether `cue` stands after quotation `m`, with words between them, and leads into
    the quotation after it (nothing but "that", a colon, a comma or an apposition between
    commas before its mark)."""
    if cue.span.start < m.span.end or not _WORDED.search(text, m.span.end, cue.span.start):
        return False
    leads = _LEADS_APPOSED.match(text, cue.span.end)
    return leads is not None and _OPENS_QUOTED.match(text, leads.end()) is not None


def _own_clause_after(text: str, cue: Cue, m: Marked) -> bool:
    """Whether `cue` stands after quotation `m` past a clause break (a semicolon, a dash,
    or a comma and a conjunction) and its clause goes on to a quotation mark of its own
    before a sentence ends."""
    if not 0 <= cue.span.start - m.span.end <= _LATER_REACH:
        return False  # (before it, or far after: a sentence of many quotations and cues
        # searched each stretch between them, its cube)
    if not (
        _LATER_CLAUSE.search(text, m.span.end, cue.span.start)
        # (the comma inside the marks, as American style sets it: '..., tit-for-tat," and
        # State Department spokeswoman Karen Ostby said ...')
        or (text[m.span.end - 1 : m.span.end] == "," and _CLAUSE_AFTER_MARK.match(text, m.span.end))
    ):
        return False
    return _QUOTATION_AHEAD.match(text, cue.span.end) is not None


_LATER_REACH = 300
"""Most characters between a quotation and a cue after it read for a clause break."""
_LATER_CLAUSE = re.compile(r"[;—–]|,[ \t]*(?:and|but|yet|so|while|whereas)\b")
"""Between a quotation and a cue after it: a clause break."""
_CLAUSE_AFTER_MARK = re.compile(r"[\"”’»][ \t]+(?:and|but|yet|so|while|whereas)\b")
"""After a quotation ending on a comma inside its marks: its mark, then a conjunction."""
_QUOTATION_AHEAD = re.compile(r"[^.!?;\n\"“”«»„]{0,160}[\"“«„]")
"""The rest of a clause up to the mark that opens a quotation in it."""


def _governing_document(text: str, own: list[Cue], opening: int) -> Cue | None:
    """The document cue whose clause runs on into the quotation opening at `opening`
    ("The statement calls for “...”", "The joint statement gives Pyongyang “...”"), if it
    is the last cue before it: no clause break between them, and, for a document named with
    no speech verb, a verb of its own between them that does not describe it ("the
    statement is “a good start”")."""
    before = [c for c in own if c.span.end <= opening]
    if not before or before[-1].speaker != "document":
        return None
    cue = before[-1]
    between = _NAMES_JOINED.sub(r"\1 ", text[cue.span.end : opening])
    between = _AND_VERB.sub(" ", between)
    if _CLAUSE_RUNS_ON.fullmatch(between) is None:
        return None
    if cue.named and (_COPULA.match(between) or not between.strip()):
        return None  # "the statement is “...”, he said", "the statement “...”, he said"
    return cue


_AND_VERB = re.compile(rf"\band\s+(?:also\s+)?(?={_SPEECH.pattern})")
""""and" before a second speech verb of the same subject ("called on the North to “...”
and urged Washington to “...”"): the clause goes on."""
_NAMES_JOINED = re.compile(r"\b([A-Z][\w’'-]*) and (?:the )?(?=[A-Z])")
""""and" between two names ("urged Washington and Seoul to “...”", "the North and the South"):
one object, not a second clause."""


def _introduces(reading: _Reading, cue: Cue, j: int) -> bool:
    """Whether `cue`, found for a block quotation in the paragraph ending with sentence `j`,
    may lead into the block: that sentence ends with a colon, or the cue says something
    (not a title that only names the document, over a wiki's "> This page is part of
    ...") and is no relative clause's ("the battery, which the ministries say damages the
    region" says what the ministries say there, and leads into nothing after it)."""
    if _ENDS_INTRODUCING.search(reading.prose, reading.spans.starts[j], reading.spans.ends[j]):
        return True
    sentence = reading.prose[reading.spans.starts[j] : reading.spans.ends[j]].rstrip()
    if cue.named and not sentence.endswith((".", "!", "?")):
        return False  # a title naming the document ("# 2017 Joint Statement"), saying nothing
    return _RELATIVE.search(cue.text) is None


def _in_relative_clause(text: str, cue: Cue, opening: int) -> bool:
    """Whether `cue` stands in a relative clause ("..., which some reports described as
    ...,") that closes before the quotation opening at `opening`."""
    if cue.span.end > opening:
        return False
    opens = _RELATIVE.match(cue.text)  # "whose text some bloggers claimed"
    if not opens and not _RELATIVE_BEFORE.search(text, max(0, cue.span.start - 24), cue.span.start):
        return False
    return _CLAUSE_CLOSES.search(text, cue.span.end, opening) is not None


_RELATIVE_BEFORE = re.compile(r"[,(—–]\s*(?:which|who|whom|whose|that)\s+$", re.IGNORECASE)
"""Just before a cue: a relative pronoun opening its clause."""
_CLAUSE_CLOSES = re.compile(r"[,)—–]")
"""A mark that closes a relative clause before the quotation."""
_RELATIVE = re.compile(r"(?:^|[,;(—–]\s*)(?:which|who|whom|whose)\b", re.IGNORECASE)
"""A cue opening a relative clause: what the clause's speaker says there, no introduction."""


def _headline_of(reading: _Reading, m: Marked, k: int) -> Cue | None:
    """`_headline`'s cue for quotation `m` in sentence `k`, as the headline's, or None."""
    found = _headline(reading.text, reading.spans.starts[k], m, reading.authors)
    return replace(found, how="headline") if found is not None else None


def _introduction(reading: _Reading, j: int) -> Cue | None:
    """The speaker a block quotation's introduction names: sentence `j`'s, else the
    nearest before it in its paragraph ("That is not what the document says. Its actual
    wording is:")."""
    paragraph = reading.paragraph(j)
    while j >= 0 and reading.paragraph(j) == paragraph:
        found = reading.speaker(j)
        if found is not None:
            return found
        j -= 1
    return None


def _headline(text: str, start: int, m: Marked, authors: frozenset[str]) -> Cue | None:
    """«Russia, China: "..."»: a cue naming the authors before a colon, in the sentence
    starting at `start`, or after it when the quotation opens the sentence ('"No military
    solution": Moscow and Beijing unveil ...'), or None."""
    end = max(start, m.span.start - 1)
    screen = _ON_SCREEN.match(text, start, end)
    if screen is not None:
        start = screen.end()  # "[LOWER THIRD: MOSCOW, BEIJING: “...”": the screen's line
    if not text[start:end].strip():
        after = _AFTER_COLON.match(text, min(len(text), m.span.end + 1))
        if after is None or not {w.casefold() for w in _NAME.findall(after["who"])} & authors:
            return None
        return Cue("document", Span(after.start("who"), after.end("who")), after["who"])
    colon = end - 1
    while colon >= start and text[colon].isspace():
        colon -= 1
    topic = _HEADLINE_TOPIC.search(text, max(start, end - _TOPIC_MOST), end)
    if topic is not None:
        end = topic.start() + 1  # "Beijing and Moscow: THAAD “...”": the topic after the colon
        colon = topic.start()
    if colon < start or text[colon] != ":":
        return None  # what `_HEADLINE` needs first: a colon just before the quotation
    if _NOT_A_NAME.search(text, start, end):
        return None  # (a word in lower case: no headline's names; asked first, as a
        # sentence of a page's length, read whole for each quotation, cost it seconds)
    head = text[start:end]
    found = _HEADLINE.match(_SHOUTED_AND.sub("and", head))  # "MOSCOW AND BEIJING:"
    if found is None:
        return None
    names = {w.casefold() for w in _NAME.findall(head)}
    if not names & authors:
        return None
    span = Span(start + found.start(1), start + len(head.rstrip()))
    return Cue("document", span, span.of(text))


_TOPIC_MOST = 160
"""Characters before a quotation in which a headline's topic after its colon stands."""
_NOT_A_NAME = re.compile(r"(?<![’'.-])\b(?!and\b)[a-z]")
"""A word in lower case (but "and"): no headline of names (`_HEADLINE`) holds one."""
_AFTER_COLON = re.compile(r"[ \t]*:[ \t]+(?P<who>(?:[\w’'&-]+[ \t]+){0,3}[\w’'&-]+)")
"""A colon after a quotation opening a headline, and the next few words: who speaks."""
_HEADLINE_TOPIC = re.compile(r":[ \t]+(?:[\w’'.-]+[ \t]+){0,4}[\w’'.-]+[ \t]*$")
"""A headline's topic between its colon and the quotation, a few words: ": THAAD “...”"."""
_ENDS_INTRODUCING = re.compile(r":\s*$")
"""A sentence ending in a colon: it introduces what follows."""


def _distance(a: Span, b: Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)
