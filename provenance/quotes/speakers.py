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
The quotations and sentences themselves come from `provenance.quotes.marks`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Literal

from provenance.matcher import last_characters_of_each
from provenance.model import Span
from provenance.quotes.marks import (
    _DOC_CUE,
    _MARKS,
    Marked,
    Sentences,
    paragraph_breaks,
    prose_of,
    split_sentences,
)
from provenance.quotes.words import ALIASES

_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|declared|declares|stated|states|warned|warns"
    r"|noted|notes|stressed|stresses|announced|insisted|insists|argued|explained|wrote|writes"
    r"|asked|urged|urges|called|calls|call|emphasi[sz]ed|underlined|reaffirmed|reads"
    r"|remarked|commented|replied|answered|responded|admitted|acknowledged|acknowledges"
    r"|observed|observes|recalled|pointed out|points out|underscored|underscores|affirmed"
    r"|affirms|asserted|asserts|claimed|maintained|maintains|suggested|concluded|concludes"
    r"|continued|went on|mentioned|complained|predicted|proclaimed|conceded|countered"
    r"|cautioned|reiterated|quipped|contended|retorted|vowed|pledged|lamented|joked|repeated"
    r"|revealed|disclosed|confirmed|denied|hinted|mused|reported|wondered|boasted|testified"
    r"|recounted|reminded|promised|threatened|signall?ed|opined|reasoned|speculated"
    r"|dismissed|believes?|believed|holds? that|held that|(?:was|were) quoted as saying|quoted"
    r"|argues|argued|describes|described|telling"
    r"|[Aa]ccording to"
    r"|[Ii]n the (?:view|words|opinion) of)\b"
)
_TRANSLATION = re.compile(r"\btranslation\b", re.IGNORECASE)
"""A source that is a rendering ("according to this paper's translation") says whose
words the reader sees, not who speaks them: the speaker is the one named before."""
_SOURCED = frozenset(("according to", "in the view of", "in the words of", "in the opinion of"))
"""Cues naming their speaker after them, as a source: "according to the statement",
"in the view of Andrei Lankov"."""
_NOUN_AFTER = re.compile(
    r"\s*(?:[.;)!?]|,(?!\s*[\"'“‘«„])|$|(?:and|or|of|in|to|with|from|on|at|which|who|whose"
    r"|were|are|have|had|must|should|will|would|can|could|may|might)\b)"
)
"""After "states", what makes it the noun ("regional states and ...", "regional states,
including Russia") rather than the verb ("the statement states that", "states: ...",
"states, “...”", "states the position")."""
_MEDIUM = re.compile(r"^[\s,]*(?:\w+\s+){0,3}?(?:in|by|through)\s+(?:an?\s+)?$")
"""Words between a speech verb and a document cue that make the document the medium
("said in a joint statement", "said on Tuesday in their statement")."""
_MEDIUM_ASIDE = re.compile(r"\s*(?:in|by|through)\s+(?:an?\s+)?")
"""An aside's words before a document cue that make it the medium (", in their statement,")."""
_SUBJECT_WORDS = 6
_SUBJECT_WORD = re.compile(r"(?=[\w’'.&-]*\w)[\w’'.&-]+")
_NAME_PART = re.compile(r"[A-Z][\w’'.-]*")
_CLAUSE_BREAK = re.compile(r"  |[;:()]")
"""Between two words, what ends the clause a subject is read back through (and a line
break, unless the line goes on in lower case: see `_ends_clause`)."""
_ASIDE = re.compile(r"(?<=[\w’'.]),[ \t]+[^,;:()\[\]\n\"“”«»]{1,60}?,\s*$")
"""An aside between commas just before a speech verb (`search`ed with the verb as endpos):
", however,", ", asked about the statement,"."""
_AUXILIARY = frozenset("also was were is are has have had been further then later again".split())
_GROUP = re.compile(
    r"\b(?:sides|parties|countries|ministries|ministers|governments|neighbou?rs|capitals|nations"
    r"|powers|partners|leaders|diplomats)\b"
)
"""A plural subject: the statement's authors speaking together ("the two sides"). Lower case
only: a capitalised one is part of a name ("the ambassador to the United Nations")."""
_JOINT = re.compile(r"\b(?:and|&)\b|,")
_DETERMINED = re.compile(r"\b(?:two|both|their|the|its)\b", re.IGNORECASE)
"""With a plural (`_GROUP`), a subject naming one group: "the two sides", "their ministries"."""
_NAME = re.compile(r"[A-Z][\w’'-]*")
_POSTPOSED = re.compile(r"\s+((?:the\s+|a\s+|an\s+)?(?:[\w’'.-]+\s*){1,4}?)(?=[,.;:]|\s{2}|$)")
"""The subject after a speech verb (`match`ed at the verb's end)."""
_SHARED = frozenset("and but or".split())
"""Just before a speech verb, a word that gives it the subject of the verb before."""
_INVERTS = re.compile(
    r"said|says|added|adds|wrote|writes|asked|continued|went on|noted|notes|explained"
    r"|replied|answered|insisted|declared|reads|remarked|observed|recalled"
)
"""Speech verbs that take their subject after them with nothing before ("“...” said the
envoy"); other verbs do only in a tag (see `_inverted`)."""
_CLOSING = "\"'”’»“‘«„"
_CONJUNCTION = frozenset("and but or while as then which who whom that".split())
_ANAPHORIC = re.compile(
    r"\W*(?:(?:in it|at the same time|also|further(?:more)?|moreover|it also|and),?\s+"
    r"|(?:on|in|about|regarding|concerning|as for|under|after|later|elsewhere)\b[^.;:!?\n]{0,60}?"
    r",?\s+)?"
    r"(?:they|it|the two sides|both sides|the sides|the two countries|the document)\b",
    re.IGNORECASE,
)
"""Matched at a sentence's start (`match` with pos and endpos), a phrase before the
pronoun allowed ("On the missile launch it says")."""
_PRONOUN = re.compile(r"^(?:they|it)\b", re.IGNORECASE)
_PRONOUN_LAST = re.compile(
    r"(?:^|\s)(?:they|it)(?:\s+(?:do|does|did|also|then|further|still|will|would|can|must))*$",
    re.IGNORECASE,
)
"""A subject whose last word is the pronoun, after a phrase ("On the launch it says")."""
_PERSONAL = re.compile(r"^(?:he|she|i|we)\b", re.IGNORECASE)
_HEADLINE = re.compile(
    r"^\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)(?:\s*(?:,|and|&)\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*))+\s*:\s*$"
)
"""A headline naming speakers before a colon: «Russia, China: "..."»."""
_ENDED = re.compile(r"[.!?][\"'”’»)\]]*$")
"""A paragraph ending so does not introduce the quotation in the next one ("that", ":")."""
_SPEECH_SUPERSET = (_SPEECH.pattern.encode("ascii"),)
_DOC_CUE_SUPERSET = (
    rb"(?:statement|declaration|document)\b|communiqu|\bParties\b|\bministries\b"
    rb"|\btext\s+(?:of\s+the\s+(?:joint\s+)?statement|circulated|published|released|issued|reads"
    rb"|says|said|adds|added|notes|noted|states|stated|stresses|stressed|continues|continued"
    rb"|goes on|went on|urges|urged|calls|called|insists|insisted|proposes|proposed|declares"
    rb"|declared|warns|warned|demands|demanded|affirms|affirmed)"
    rb"|ccording\s+to\s+the\s+(?:joint\s+)?text"
    rb"|\btext\s+(?:also|further|then|even|still|itself|again)\b",
)
"""Hyperscan patterns matching wherever `_SPEECH` and `_DOC_CUE` match (and more: any
case; Hyperscan's ASCII word boundaries). Where neither ends in a sentence, it holds no
cue and `cues` is not run on it (tests/test_quotes.py checks the supersets)."""
_OPENS_QUOTED = re.compile(r"\s*[{}]".format(re.escape("".join(sorted(_MARKS)))))
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
_WORDED = re.compile(r"\w")
_LEADS_APPOSED = re.compile(r"\s*(?:,[^,;:.!?\"“”«»\n]{1,80},\s*|that\s*|as\s*|[:,]\s*)?")
"""`_LEADS`, or an apposition between commas ("in the view of Lankov, a specialist, “")."""
_CUE_REACH = 40
"""Characters before a speech verb in which a document cue makes the document its subject."""
_MEDIUM_REACH = 40
"""Characters after a speech verb in which a document cue names the medium."""


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that say who speaks: the document itself, or a person or body."""

    speaker: Literal["document", "person"]
    span: Span
    text: str
    how: str = "own sentence"
    """Which rule of `attribution` chose this cue for the quotation."""
    named: bool = False
    """A document named with no speech verb ("said the statement was ..."): it speaks only
    where no one is said to speak before the quotation."""


def cues(
    text: str,
    sentence: Span,
    prose: str,
    authors: frozenset[str] = frozenset(),
    *,
    speech: bool = True,
    documents: bool = True,
) -> list[Cue]:
    """Every attribution cue in `sentence` outside quotations, in order.

    A speech verb's subject is read back to the clause's start: the document ("the
    statement noted"), the statement's authors together ("their foreign ministries said",
    "Moscow and Beijing stressed", "the two sides called"), or a person ("Lavrov was
    quoted as saying"). A document named just after the verb is the medium and makes the
    document the speaker ("Wang and Lavrov said in a joint statement"). With nothing
    before the verb, the subject follows it ("said Park Min-jun"). `speech` or
    `documents` False: the sentence is known to hold no speech verb, or no document cue.
    """
    base = sentence.start
    chunk = prose[sentence.start : sentence.end]
    out: list[Cue] = []
    docs = (
        [
            (m.start(), m.end())
            for m in _DOC_CUE.finditer(chunk)
            if not _another_body(m.group(), authors)
        ]
        if documents
        else []
    )
    used: set[tuple[int, int]] = set()
    for hit in _SPEECH.finditer(chunk) if speech else ():
        if hit.group() == "states" and _NOUN_AFTER.match(chunk, hit.end()):
            continue  # "the security interests of regional states." names countries
        verb = hit.start()
        kept = _subject_words(chunk, verb)
        medium = next(
            (
                d
                for d in docs
                if hit.end() <= d[0] <= hit.end() + _MEDIUM_REACH
                and _MEDIUM.match(chunk[hit.end() : d[0]] + " ")
            ),
            None,
        )
        aside = None if kept else _ASIDE.search(chunk, 0, verb)
        if aside is not None:
            # "Haley, however, said", "Lavrov, asked about the statement, said": the
            # subject stands before the aside, whose words never speak, unless it names
            # the document as the medium ("Lavrov and Wang, in their statement, urged").
            verb = aside.start()
            kept = _subject_words(chunk, verb)
            medium = medium or next(
                (
                    d
                    for d in docs
                    if verb < d[0] < d[1] <= aside.end()
                    and _MEDIUM_ASIDE.fullmatch(chunk, verb + 1, d[0])
                ),
                None,
            )
        reach = min(_subject(chunk, verb, strip=False, kept=kept)[0], verb - 1)
        subject_doc = next((d for d in docs if max(reach, verb - _CUE_REACH) <= d[1] <= verb), None)
        if hit.group().casefold() in _SOURCED:
            if medium is None and docs and any(a == hit.end() + 1 for a, _ in docs):
                medium = next(d for d in docs if d[0] == hit.end() + 1)
            if medium is not None:
                used.add(medium)
                out.append(
                    Cue(
                        "document",
                        Span(base + hit.start(), base + medium[1]),
                        text[base + hit.start() : base + medium[1]],
                    )
                )
            else:
                named = _postposed_subject(chunk, hit.end())
                if _TRANSLATION.search(named):
                    continue  # "according to our translation": whose rendering, not who speaks
                end = (
                    base + hit.end() + (len(chunk[hit.end() :]) - len(chunk[hit.end() :].lstrip()))
                )
                span = Span(base + hit.start(), end + len(named) if named else base + hit.end())
                out.append(Cue("person", span, span.of(text)))
            continue
        if subject_doc is not None:
            used.add(subject_doc)
            span = Span(base + subject_doc[0], base + hit.end())
            out.append(Cue("document", span, span.of(text)))
            continue
        a, subject = _subject(chunk, verb, kept=kept)
        if not subject:
            if medium is None and (_shared(kept) or not _inverted(text, base + hit.start(), hit)):
                continue  # "... and urged restraint", "“strongly” urged restraint": the
                # words after the verb are its object, and its subject is the one before
            a, subject = hit.start(), _postposed_subject(chunk, hit.end())
            if not subject:
                continue  # "... and said": the verb shares the subject before it
        if _PRONOUN.match(subject) or _PRONOUN_LAST.search(subject):
            continue  # "They also stressed", "On the launch it says": the speaker is whoever
            # the text spoke of before
        end = hit.end()
        speaker: Literal["document", "person"] = "person"
        if a == hit.start() and medium is None:
            # "..., reads the declaration": a document after the verb is its subject.
            medium = next((d for d in docs if d[0] >= end and not chunk[end : d[0]].strip()), None)
        if medium is not None:
            used.add(medium)
            speaker, end = "document", medium[1]
        elif _joint(subject, authors):
            speaker = "document"
        elif hit.group().casefold() not in _QUOTING_VERBS:
            # "Critics called the statement “...”", "said the statement “speaks for itself”":
            # the document is what the person speaks of; the words are the person's (one
            # who "quoted the statement" gives the statement's words, not their own).
            spoken_of = next(
                (d for d in docs if d not in used and _OBJECT_GAP.fullmatch(chunk, end, d[0])),
                None,
            )
            if spoken_of is not None:
                used.add(spoken_of)
                end = spoken_of[1]
        if a == hit.start() and subject:
            end = max(end, hit.end() + 1 + len(subject))
        span = Span(base + a, base + end)
        out.append(Cue(speaker, span, span.of(text)))
    for d in docs:
        if d not in used and not any(c.span.start <= base + d[0] < c.span.end for c in out):
            span = Span(base + d[0], base + d[1])
            out.append(Cue("document", span, span.of(text), named=True))
    return sorted(out, key=lambda c: c.span.start)


_OBJECT_GAP = re.compile(r"\s*(?:that\s+)?")
"""Between a person's speech verb and a document it speaks of ("called the statement",
"argues that the document")."""
_OWN_MODIFIERS = frozenset(
    """joint sino-russian russian-chinese chinese-russian two foreign minister ministers
    ministry ministries side sides country countries party parties government governments
    capital capitals""".split()
)
"""Words before "statement" that name its authors without their names ("the ministers'
text", "the two sides' statement")."""
_QUOTING_VERBS = frozenset({"quoted", "quotes", "quoting", "cited", "cites", "citing"})


def _another_body(named: str, authors: frozenset[str]) -> bool:
    """Whether a document cue names someone else's document: "The DPRK's statement", "The
    White House statement", "the US statement". A possessive must name the statement's
    authors ("Moscow's statement"); capitalised words before the noun name another body
    when one is an institution ("House", "Department") or all are names of other parties;
    words of a topic ("the Korean Peninsula statement") name none.

    >>> _another_body("The White House statement", frozenset({"russia"}))
    True
    >>> _another_body("the joint Russian-Chinese statement", frozenset({"russian", "chinese"}))
    False
    >>> _another_body("The Korean Peninsula statement", frozenset({"russia"}))
    False
    """
    words = named.split()
    last = max((k for k, w in enumerate(words[:-1]) if w.casefold() in _DETERMINERS), default=-1)
    modifiers = words[last + 1 : -1]  # "the North's grievances the declaration": none
    capitalised: list[str] = []
    for word in modifiers:
        bare = _POSSESSIVE_END.sub("", word)
        parts = bare.casefold().split("-")
        own = bare.casefold() in _OWN_MODIFIERS or all(p in authors for p in parts)
        if bare != word:  # a possessive: whose document
            if not own:
                return True
        elif word[:1].isupper() and not own:
            capitalised.append(bare.casefold())
    if not capitalised:
        return False
    others = {a for names in ALIASES.values() for a in names} | set(ALIASES)
    return bool(set(capitalised) & _INSTITUTIONS) or all(w in others for w in capitalised)


_DETERMINERS = frozenset("the this that its their a an".split())
_INSTITUTIONS = frozenset(
    """house department ministry office council secretariat government administration
    pentagon congress senate parliament embassy agency committee presidency""".split()
)
"""Words that make capitalised words before "statement" an issuing body."""
_POSSESSIVE_END = re.compile(r"[’']s?$")


def _subject(
    chunk: str, verb: int, *, strip: bool = True, kept: list[re.Match[str]] | None = None
) -> tuple[int, str]:
    """Start and words of the clause before a speech verb (at most `_SUBJECT_WORDS` words).

    With `strip`, leading auxiliaries and conjunctions are dropped ("also", "and").
    `kept`: `_subject_words(chunk, verb)`, when the caller has them already.
    """
    kept = _subject_words(chunk, verb) if kept is None else list(kept)
    if not strip:
        return (kept[-1].start(), chunk[kept[-1].start() : verb]) if kept else (verb, "")
    while kept and kept[0].group().casefold() in _AUXILIARY:
        kept.pop(0)
    if not kept:
        return verb, ""
    if kept[0].group().casefold() in _SHARED:
        return verb, ""  # "... and called it": the verb shares the subject before it
    kept.reverse()
    if len(kept) == 1 and kept[0].group().casefold() in _CONJUNCTION:
        return verb, ""
    while kept and kept[0].group().casefold() in _CONJUNCTION:
        kept = kept[1:]
    if not kept:
        return verb, ""
    start = kept[0].start()
    return start, chunk[start:verb].strip()


def _shared(kept: list[re.Match[str]]) -> bool:
    """Whether the words just before a speech verb (`_subject_words`) give it the subject of
    the verb before: "... and urged", "..., which called"."""
    words = [w.group().casefold() for w in kept]
    while words and words[0] in _AUXILIARY:
        words.pop(0)
    return bool(words) and (words[0] in _SHARED or (len(words) == 1 and words[0] in _CONJUNCTION))


def _inverted(text: str, verb: int, hit: re.Match[str]) -> bool:
    """Whether a speech verb with no subject before it (at `verb` in `text`) may take the
    one after it: a verb of saying ("“...” said the envoy"), or one that opens a tag after
    a quotation ending in punctuation or after a comma ("“...!” urged the envoy"). A verb
    that runs on from a quotation's words ("“strongly” urged restraint") takes an object."""
    if _INVERTS.fullmatch(hit.group()):
        return True
    before = text[:verb].rstrip()
    if before.endswith(tuple(_CLOSING)):
        before = before[:-1].rstrip()
    return not before or before.endswith(tuple(",.!?;:\u2014\u2013-…"))


def _subject_words(chunk: str, verb: int) -> list[re.Match[str]]:
    """The words of the clause before a speech verb, nearest first (see `_subject`)."""
    # Only the last few words are read: from a space well before the verb, unless that
    # leaves too few words to read (then from the clause's start, as ever).
    start = chunk.rfind(" ", 0, max(0, verb - 160)) + 1
    words = list(_SUBJECT_WORD.finditer(chunk, start, verb))
    if start and len(words) <= _SUBJECT_WORDS:
        words = list(_SUBJECT_WORD.finditer(chunk, 0, verb))
    kept: list[re.Match[str]] = []
    for w in reversed(words):
        end = kept[-1].start() if kept else verb
        gap = chunk[w.end() : end]
        if len(kept) >= _SUBJECT_WORDS or _ends_clause(gap, chunk[end : end + 1]):
            break
        if "," in gap and not _NAME_PART.fullmatch(w.group()):
            break  # "Russia, China and ..." keeps its commas; a clause's comma ends it
        kept.append(w)
    return kept


def _ends_clause(gap: str, following: str) -> bool:
    """True when `gap`, between two words, ends a clause: `_CLAUSE_BREAK`, or a line break
    not followed by a lower-case word, which only wraps the line ("the two foreign
    ministries wrote" typed over two lines)."""
    return bool(_CLAUSE_BREAK.search(gap)) or ("\n" in gap and not following.islower())


def _postposed_subject(chunk: str, after: int) -> str:
    """The subject after the verb: "said Park Min-jun, who ..." -> "Park Min-jun"."""
    m = _POSTPOSED.match(chunk, after)
    return m.group(1).strip() if m else ""


def _joint(subject: str, authors: frozenset[str]) -> bool:
    """Whether `subject` names the statement's authors together, not one person."""
    if _PERSONAL.match(subject):
        return False
    if _GROUP.search(subject) and _DETERMINED.search(subject):
        return True
    names = [w.casefold().removesuffix("’s").removesuffix("'s") for w in _NAME.findall(subject)]
    return (
        bool(_JOINT.search(subject)) and sum(n in authors for n in names) >= 1 and len(names) >= 2
    )


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
    readings: list[_Reading] = []
    continued = _continuations(text, quotations, breaks)

    def speaker(m: Marked) -> Cue | None:
        # An opening mark that ends the text quotes nothing and lies past every sentence.
        k = max(0, spans.at(m.span.start)) if len(spans) else -1
        if k < 0:
            return None
        if not readings:
            readings.append(_Reading(text, spans, prose_of(text, quotations), authors, breaks))
        reading, first, j = readings[0], m, k
        while first.span.start in continued and not reading.cues(j):
            first = continued[first.span.start]  # back to the paragraph that opened it
            j = max(0, spans.at(first.span.start))
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
        if resumes is not None and m.opening != ":" and m.span.start - 1 == resumes:
            out[m.span.start] = before
    return out


class _Reading:
    """A text's sentences, their cues and speakers, each worked out only when asked.

    A page with thousands of quotations (docstrings, a forum) asks about the sentences
    around them; the speaker of a sentence depends only on the sentences before it back
    to one that sets or clears the speaker, so nothing is read front to back.
    """

    def __init__(
        self,
        text: str,
        spans: Sentences,
        prose: str,
        authors: frozenset[str],
        breaks: list[tuple[int, int]],
    ):
        self.text, self.spans, self.prose, self.authors = text, spans, prose, authors
        self._breaks = [end for _, end in breaks]
        # The sentences where a superset pattern ends: the only ones `cues` need read.
        speech, documents = last_characters_of_each(
            prose, (_SPEECH_SUPERSET, _DOC_CUE_SUPERSET), caseless=True
        )
        self._speech, self._documents = _holding(spans, speech), _holding(spans, documents)
        worded = self._speech | self._documents
        self._worded, self._is_worded = sorted(worded), worded.__contains__
        self._cues: dict[int, list[Cue]] = {}
        self._speakers: dict[int, Cue | None] = {}
        self._cued: dict[int, bool] = {}
        self._inherited: dict[int, Cue | None] = {}
        self._paragraphs: dict[int, int] = {}

    def paragraph(self, k: int) -> int:
        """The paragraph of sentence `k` (how many paragraph breaks come before it)."""
        found = self._paragraphs.get(k)
        if found is None:
            found = self._paragraphs[k] = bisect_right(self._breaks, self.spans.starts[k])
        return found

    def sentences_of(self, p: int) -> range:
        """The sentences of paragraph `p`."""
        starts, breaks = self.spans.starts, self._breaks
        first = bisect_left(starts, breaks[p - 1]) if p > 0 else 0
        last = bisect_left(starts, breaks[p]) if p < len(breaks) else len(starts)
        return range(first, last)

    def cues(self, k: int) -> list[Cue]:
        """The cues of sentence `k` (`cues`; none where no cue word occurs)."""
        if not self._is_worded(k):
            return []  # most sentences: nothing to read, nothing to keep
        found = self._cues.get(k)
        if found is None:
            found = self._cues[k] = cues(
                self.text,
                self.spans.span(k),
                self.prose,
                self.authors,
                speech=k in self._speech,
                documents=k in self._documents,
            )
        return found

    def speaker(self, k: int) -> Cue | None:
        """Who speaks in sentence `k`: its last cue; else, in a sentence that goes on with
        the same speaker ("They also stressed", or one opening with a quotation in the
        same paragraph), the speaker of the sentence before; else no one."""
        chain = []
        j, state = k, None
        while j >= 0:
            if j in self._speakers:
                state = self._speakers[j]
                break
            chain.append(j)
            found = self.cues(j)
            if found:
                state = found[-1]
                break
            start, end = self.spans.starts[j], self.spans.ends[j]
            if not _ANAPHORIC.match(self.prose, start, end) and (
                (j and self.paragraph(j) != self.paragraph(j - 1))
                or not _OPENS_QUOTED.match(self.text, start, end)
            ):
                break  # state None
            j -= 1
        for j in chain:
            self._speakers[j] = state
        return state

    def inherited(self, k: int) -> Cue | None:
        """`_inherited` for sentence `k`, worked out once."""
        if k not in self._inherited:
            self._inherited[k] = _inherited(self, k)
        return self._inherited[k]

    def cued(self, p: int) -> bool:
        """Whether a sentence of paragraph `p` has a cue."""
        if p not in self._cued:
            within = self.sentences_of(p)
            worded = self._worded
            first = bisect_left(worded, within.start)
            last = bisect_left(worded, within.stop, first)
            self._cued[p] = any(self.cues(j) for j in worded[first:last])
        return self._cued[p]


def _speaker_of(reading: _Reading, m: Marked, k: int) -> Cue | None:
    """The cue for quotation `m` in sentence `k`, by the rules `attribution` lists."""
    if m.block >= 0:
        k = reading.spans.at(m.block)  # a later paragraph of the block: the block's intro
    if m.opening == ":" and k > 0:
        # A block quotation (its words are no one's cue) is spoken by whoever the
        # colon-ended paragraph before it names ("The statement reads:"), whatever the
        # paragraph after it opens with.
        intro = _introduction(reading, k - 1)
        if intro is not None:
            return replace(intro, how="introduces the block quotation")
        spans = reading.spans
        if _ENDS_INTRODUCING.search(reading.prose, spans.starts[k - 1], spans.ends[k - 1]):
            # "Its actual wording is:": the speaker is before, unread; never the person
            # the paragraph after the block names.
            found = _speaker_of(reading, replace(m, opening="", block=-1), k)
            return None if found is not None and found.how == "next paragraph" else found
    own = reading.cues(k)
    if own:
        # A cue that leads into the quotation ("the statement notes that “...”") speaks
        # it, however near a cue after it ("..., a line the reporter called “...”").
        text, opening = reading.text, m.span.start - 1
        leading = [
            c for c in own if c.span.end <= opening and _LEADS.fullmatch(text, c.span.end, opening)
        ]
        if leading:
            return leading[-1]
        # A cue further on that leads into a later quotation ("..." - wording that, in the
        # view of Lankov, "...") is that one's; a tag right after this one stays its own.
        own = [c for c in own if not _leads_later(text, c, m)] or own
        # A document named after a person's speech verb and before the quotation is what
        # the person speaks about ("Lukin said the statement was “...”"), not a speaker.
        said = [c for c in own if not c.named and c.span.end <= opening]
        if said and said[-1].speaker == "person":
            own = [c for c in own if not (c.named and said[-1].span.end <= c.span.start)]
        nearest = min(own, key=lambda c: _distance(c.span, m.span))
        if nearest.speaker == "person" and nearest.span.start >= m.span.end:
            # "The document calls for “...”, she notes": a reporter's tag after the
            # quotation reports the clause that gives the document its words.
            governing = _governing_document(text, own, opening)
            if governing is not None:
                return governing
        return nearest
    headline = _headline(reading.text, reading.spans.starts[k], m, reading.authors)
    if headline is not None:
        return replace(headline, how="headline")
    return reading.inherited(k)


def _leads_later(text: str, cue: Cue, m: Marked) -> bool:
    """Whether `cue` stands after quotation `m`, with words between them, and leads into
    the quotation after it (nothing but "that", a colon, a comma or an apposition between
    commas before its mark)."""
    if cue.span.start < m.span.end or not _WORDED.search(text, m.span.end, cue.span.start):
        return False
    leads = _LEADS_APPOSED.match(text, cue.span.end)
    return leads is not None and _OPENS_QUOTED.match(text, leads.end()) is not None


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
    between = text[cue.span.end : opening]
    if _CLAUSE_RUNS_ON.fullmatch(between) is None:
        return None
    if cue.named and (_COPULA.match(between) or not between.strip()):
        return None  # "the statement is “...”, he said", "the statement “...”, he said"
    return cue


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


def _inherited(reading: _Reading, k: int) -> Cue | None:
    """The cue for a quotation in sentence `k`, which has no cue of its own: the same for
    every quotation of the sentence (`_Reading.inherited` keeps it)."""
    spans, paragraph = reading.spans, reading.paragraph
    current = reading.speaker(k)
    if current is not None:
        return replace(current, how="earlier sentence, same speaker")
    same = paragraph(k)
    previous = reading.speaker(k - 1) if k > 0 and paragraph(k - 1) == same else None
    if previous is not None and previous.speaker == "document":
        start = spans.starts[k]
        if _someone_else(reading.prose[start : spans.ends[k]], reading.authors):
            previous = None  # "Seoul's defence ministry disagreed: “...”": its own speaker
    if previous is not None:
        return replace(previous, how="previous sentence")
    if _pronoun_speaks(reading.prose[spans.starts[k] : spans.ends[k]]):
        return None  # "It says that “...”": its speaker is before, unread; never whoever
        # the sentence or paragraph after names
    if (
        k + 1 < len(spans)
        and paragraph(k + 1) == same
        and _postposed(reading.cues(k + 1), spans.span(k + 1))
    ):
        return replace(reading.cues(k + 1)[0], how="next sentence")
    if reading.cued(same):
        return None  # the paragraph has its own speakers, and none is this quotation's
    # A paragraph with no cue at all: the paragraph after may open by naming its speaker
    # ("Putin said ..."), or the one before may introduce it ("The statement declared
    # that", "he said in Vladivostok,") or have just given a speaker its words.
    own_sentences = reading.sentences_of(same)
    after, before = own_sentences.stop, own_sentences.start - 1
    cue = reading.speaker(before) if before >= 0 and paragraph(before) == same - 1 else None
    end = reading.prose[spans.starts[before] : spans.ends[before]].rstrip() if cue else ""
    if cue is not None and not _ENDED.search(end):
        # The paragraph before runs on into this one ("according to the statement, will"):
        # its speaker, whoever the paragraph after names.
        return replace(cue, how="previous paragraph")
    if after < len(spans) and paragraph(after) == same + 1:
        found = reading.cues(after)
        if _postposed(found, spans.span(after)):
            return replace(found[0], how="next paragraph")
        if found and _ATTRIBUTION_LINE.match(reading.prose, spans.starts[after], spans.ends[after]):
            return replace(found[0], how="attribution line after it")
    if cue is not None and _SPEECH.search(cue.text):
        return replace(cue, how="previous paragraph")
    return None


def _pronoun_speaks(sentence: str) -> bool:
    """Whether a speech verb of `sentence` has a pronoun as its subject ("It says that",
    "They also stressed"), as `cues` reads subjects."""
    for hit in _SPEECH.finditer(sentence):
        subject = _subject(sentence, hit.start())[1]
        if _PRONOUN.match(subject) or _PRONOUN_LAST.search(subject):
            return True
    return False


def _someone_else(sentence: str, authors: frozenset[str]) -> bool:
    """Whether `sentence` opens by naming someone other than the statement's authors as
    its subject: a role ("The American envoy dismissed", "Japan's chief cabinet secretary
    went further") or another place's possessive ("Seoul's defence ministry disagreed").
    Read up to the first quotation mark or clause break, at most `_SUBJECT_WORDS` words."""
    head = _HEAD.match(sentence)
    words = _SUBJECT_WORD.findall(head.group() if head else "")[:_SUBJECT_WORDS]
    for w in words:
        folded = w.casefold()
        if folded in _ROLES:
            return True
        owner = folded.removesuffix("’s").removesuffix("'s")
        if owner != folded and w[:1].isupper() and owner not in authors:
            return True
    return False


_HEAD = re.compile(r"[^\"“”„«»(:;,]*")
"""A sentence's words before its first double quotation mark, bracket or clause break."""
_ROLES = frozenset(
    "ambassador envoy spokesman spokeswoman spokesperson official minister secretary analyst"
    " expert professor researcher president premier diplomat aide adviser advisor senator"
    " lawmaker general commander critic commentator scholar ministry embassy department"
    " pentagon".split()
)
"""One person or body, named by role: not the statement's authors speaking together."""


def _holding(spans: Sentences, positions: list[int]) -> set[int]:
    """The sentences holding one of the sorted positions."""
    starts = spans.starts
    return {bisect_right(starts, at) - 1 for at in positions}


def _headline(text: str, start: int, m: Marked, authors: frozenset[str]) -> Cue | None:
    """«Russia, China: "..."»: a cue naming the authors before a colon, in the sentence
    starting at `start`, or None."""
    end = max(start, m.span.start - 1)
    colon = end - 1
    while colon >= start and text[colon].isspace():
        colon -= 1
    if colon < start or text[colon] != ":":
        return None  # what `_HEADLINE` needs first: a colon just before the quotation
    head = text[start:end]
    found = _HEADLINE.match(head)
    if found is None:
        return None
    names = {w.casefold() for w in _NAME.findall(head)}
    if not names & authors:
        return None
    span = Span(start + found.start(1), start + len(head.rstrip()))
    return Cue("document", span, span.of(text))


_ENDS_INTRODUCING = re.compile(r":\s*$")
"""A sentence ending in a colon: it introduces what follows."""
_ATTRIBUTION_LINE = re.compile(r"\s*[\u2014\u2013\u2015~-]+\s*(?:\S+\s+){0,14}?\S+\s*$")
"""A short line opening with a dash, as a source is cited under a block quotation ("— from
the joint statement of July 4", "– Lavrov, to reporters"): its cue speaks the block."""


def _postposed(found: list[Cue], sentence: Span) -> bool:
    """A sentence that opens with its speech cue ("Putin said in ...") tells who spoke before."""
    return (
        bool(found) and found[0].span.start - sentence.start < 60 and found[0].speaker == "person"
    )


def _distance(a: Span, b: Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)
