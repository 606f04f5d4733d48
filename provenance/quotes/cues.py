"""Attribution cues in one sentence: the speech verbs and documents that say who speaks.

`cues` reads a sentence of the prose (`provenance.quotes.marks.prose_of`: the quotations'
words left out) into `Cue`s: the document ("the statement noted", "said in a joint
statement"), the statement's authors together ("the two sides called"), or a person. The
subjects come from `provenance.quotes.subjects`; `provenance.quotes.reading` keeps each
sentence's cues (the Hyperscan supersets here say which sentences hold none) and
`provenance.quotes.speakers` chooses among them for a quotation.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Literal

from provenance.model import Span
from provenance.quotes.marks import _DOC_CUE, OPENERS, doc_cues
from provenance.quotes.subjects import (
    _DETERMINED,
    _GROUP,
    _NAME,
    _PRONOUN,
    _PRONOUN_LAST,
    _SUBJECT_WORD,
    _SUBJECT_WORDS,
    DATED_AFTER,
    HABIT_WORDS,
    INSTITUTIONS,
    _another_body,
    _commentator,
    _dated_otherwise,
    _inverted,
    _joint,
    _postposed_subject,
    _shared,
    _subject,
    _subject_words,
)
from provenance.quotes.words import ARTICLE_BEFORE, NOT_A_NAME

_SAYING = (
    r"|(?<![Aa]s[ \t])(?:saying|adding|noting|warning|insisting|stressing)"
    r"(?=[ \t]*:?[ \t]+(?:that[ \t]+(?:[\w’'-]+[ \t]+){0,5}?)?[\"“‘«„])"
)
"""A gerund of saying before its quotation, straight or after a colon or a clause's first
words: "with a spokesman saying “...”", "adding: “...”", "adding that the joint statement
“fully reflects ...”" (the speaker's words on it, not the statement's)."""
_PER = (
    r"|[Pp]er(?=[ \t]+(?:the[ \t]+)?[A-Z][^.;:,\n]{0,40}[:,]"
    r"|[ \t]+(?:the|both)[ \t]+(?:two[ \t]+)?(?:foreign[ \t]+)?"
    r"(?:sides|parties|ministries|ministers|capitals|governments|countries|signatories)[ \t]*[:,]"
    r"|[ \t]+the[ \t]+(?:joint[ \t]+)?statement)"
)
""""per" naming a source set off by a comma or a colon ("per Moscow and Beijing:", "Per
the two capitals:", "Per the joint statement, ..."), not "per cent", "per year" nor
"prices per Brent barrel" ("per the barrel,")."""
_AS_VERBS = (
    r"|(?:summari[sz]|characteri[sz])(?:es|ed)(?=[ \t][^.:;\"\u201c\u201d\u00ab\u00bb\n]{0,60}?"
    r"\bas[ \t]+[\"\u201c\u00ab\u201e\u2018])"
)
"""Verbs that speak only in "summarizes the bargain as “...”" (not "summarised it: the
ministries “...”", an account of the statement)."""
_OF_VERBS = (
    r"|(?:talks?|talked|speaks?|spoke)[ \t]+(?:of|about)(?=[ \t]+(?:(?:an?|the)[ \t]+)?"
    r"[\"\u201c\u00ab\u201e\u2018])"
)
"""Verbs that speak only of words in quotation marks after them ("The statement talks of a
“double freezing”", "It talks about “a comprehensive ...”"), not of a thing ("Russia and
China spoke of peace")."""
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|tell|added|adds|declared|declares|stated|states|warned|warns"
    r"|noted|notes|stressed|stresses|announced|insisted|insists|argued|explained|wrote|writes"
    r"|asked|urged|urges|called|calls|call|emphasi[sz]ed|underlined|reaffirmed|reads"
    r"|insist|write|urge|warn|argue|declare|propose|state that"
    r"|note|stress|add|emphasi[sz]e|underline|reaffirm|observe|recall|reiterate|acknowledge"
    r"|concede|admit|conclude|maintain|explain|point out"
    r"|remarked|commented|replied|answered|responded|reacted|reacts|admitted|acknowledged|acknowledges"
    r"|observed|observes|recalled|pointed out|points out|underscored|underscores|affirmed"
    r"|affirms|asserted|asserts|claimed|maintained|maintains|suggested|concluded|concludes"
    r"|continued|continues|went on|goes on|mentioned|complained|predicted|proclaimed|conceded"
    r"|countered|refers to|referred to|refer to|professes|profess|professed|proposes|proposed"
    r"|cautioned|reiterated|quipped|contended|retorted|vowed|pledged|lamented|joked|repeated"
    r"|quip|quips|joke|jokes|fond of (?:saying|repeating|quoting|recalling)"
    r"|tire of (?:saying|repeating)"
    r"|revealed|disclosed|confirmed|denied|hinted|mused|reported|wondered|boasted|testified"
    r"|recounted|reminded|promised|threatened|signall?ed|opined|reasoned|speculated"
    r"|dismissed|believes?|believed|holds? that|held that"
    r"|(?:is|are|was|were)(?: also| widely)? quoted as saying|quoted"
    r"|argues|argued|describes|describe|described|telling|put it|puts it|phrased it|phrases it"
    r"|decided that|decides that|demands|demanded|demand|records that|recorded that"
    r"|asks|ask|requests|request|requested|appeals to|appeal to|appealed to"
    r"|hailed|hails|branded|brands|dubbed|dubs|labell?ed|terms|termed"
    + _AS_VERBS
    + _OF_VERBS
    + r"|(?:is|are|was|were|been)[ \t]+saying"
    + _SAYING
    + r"|[Aa]ccording to"
    + _PER
    + r"|[Ii]n the (?:view|words|opinion) of"
    r"|pressed|pushed|prodded|implored|exhorted|enjoined|beseeched|wants?|wanted|wish|wish(?:es|ed)"
    # present forms of verbs above ("Moscow and Beijing claim that", "it also claims")
    # (not "promises", "pledges", "vows", "repeats": more often nouns, "His promises")
    r"|claims?|contends?|suggests|predicts|confirms|denies|concedes"
    r"|admits|reiterates|cautions|threatens|reminds|complains|complain|mentions|recalls"
    # and those with "that" after them, where they are verbs ("Tokyo answers that",
    # "Beijing repeats that"), not nouns ("the answers", "His promises “...”")
    r"|(?:answers|responds|replies|retorts|counters|repeats|pledges|vows|promises)\s+that"
    r"|(?:summed|sums|sum)\s+(?:\w+\s+){0,3}?up)\b"
)
_URGING = frozenset(
    "pressed pushed prodded implored exhorted enjoined beseeched want wants wanted wish wishes"
    " wished".split()
)
"""Verbs of urging or wishing, which speak only with the statement or its authors as
subject ("the two governments pressed Tokyo to “...”", "the ministries want the two Koreas
to “...”"): "The rally pushed prices" and "Readers want “...”" say nothing."""
_TRANSLATION = re.compile(r"\b(?:translation|rendering|rendition)\b", re.IGNORECASE)
"""A source that is a rendering ("according to this paper's translation") says whose
words the reader sees, not who speaks them: the speaker is the one named before."""
_SOURCED = frozenset(
    ("according to", "per", "in the view of", "in the words of", "in the opinion of")
)
_POSSESSIVE = re.compile(r"['’]s?\b")
"""Cues naming their speaker after them, as a source: "according to the statement",
"in the view of Andrei Lankov"."""
_NOUN_AFTER = re.compile(
    r"\s*(?:[.;)!?]|,(?!\s*[\"'“‘«„])|$|(?:and|or|of|in|to|with|from|on|at|which|who|whose"
    r"|were|are|have|had|must|should|will|would|can|could|may|might)\b)"
)
_STATES_NOUN_BEFORE = re.compile(
    r"\b(?:all|other|interested|concerned|member|regional|neighbou?ring|third|foreign"
    r"|sovereign|separate|nuclear|these|those|many|some|several|both|two|three|few|small"
    r"|western|individual|relevant|rogue|island|independent|weaker|smaller|such)\s+$",
    re.IGNORECASE,
)
"""Before "states", a word that makes it the noun ("call on all interested states “to
...”", "urged other states"), whatever follows it."""
_STATES_REACH = 24
"""Characters before "states" that hold the word `_STATES_NOUN_BEFORE` reads, and spaces."""
"""After "states", what makes it the noun ("regional states and ...", "regional states,
including Russia") rather than the verb ("the statement states that", "states: ...",
"states, “...”", "states the position")."""
_MEDIUM = re.compile(r"^[\s,]*(?:\w+\s+){0,3}?(?:in|by|through)\s+(?:an?\s+)?$")
"""Words between a speech verb and a document cue that make the document the medium
("said in a joint statement", "said on Tuesday in their statement")."""
_MEDIUM_ASIDE = re.compile(
    r"\s*(?:(?:set|laid|spelt|spelled)\s+out\s+|(?:contained|outlined|proposed|given|found"
    r"|placed|buried|tucked)\s+)?"
    r"(?:(?:in|by|through)\s+(?:an?\s+)?(?:(?:point|paragraph|section|clause)\s+\w+\s+of\s+)?"
    r"|(?:near|at|in|towards?)\s+the\s+(?:end|start|beginning|middle|close|top|bottom|body"
    r"|heart)\s+of\s+)"
)
"""An aside's words before a document cue that make it the medium (", in their statement,"),
or the place in it of what speaks (", set out in the statement's third point,", ", in
point 3 of the statement,")."""
_ASIDE = re.compile(r"(?<=[\w’'.]),[ \t]+[^,;:()\[\]\n\"“”«»]{1,150}?,\s*$")
"""An aside between commas just before a speech verb (`search`ed with the verb as endpos):
", however,", ", asked about the statement,", ", released by the foreign ministries after
talks in the Kremlin between presidents Vladimir Putin and Xi Jinping,"."""
_ASIDE_REACH = 160
"""Characters before a speech verb in which its aside starts."""
_PART_SUBJECT = re.compile(
    r"(?i)\b(?:point|paragraph|section|clause|passage|sentence|line|preamble|proposal|wording"
    r"|initiative|part)(?:[ \t]+(?:\d+|[ivx]+|[a-z]))?[ \t]*$"
)
"""A subject that is a part of a document ("Point 4", "The opening sentence", "The THAAD
clause"), ending the words before an aside."""
_CLAUSE_ASIDE = re.compile(r",[ \t]+(?:[a-z]+ing|[a-z]+ed|in|at|on|after|before|during|however)\b")
"""An aside that is a clause or a phrase ("..., meeting in Moscow, said", "..., in turn,
said"), not a name in a list ("Russia, China and ..."), whatever names it holds."""
_SPEECH_SUPERSET = (
    # (Hyperscan has no look-around: the gerunds alone, a superset)
    _SPEECH.pattern.replace(_SAYING, "|saying|adding|noting|warning|insisting|stressing")
    .replace(_PER, r"|[Pp]er")
    .replace(_AS_VERBS, r"|summari[sz](?:es|ed)|characteri[sz](?:es|ed)")
    .replace(
        _OF_VERBS,
        r"|talks? of|talked of|speaks? of|spoke of|talks? about|talked about"
        r"|speaks? about|spoke about",
    )
    .encode("ascii"),
    rb"\b(?:by|in)\s+(?:saying|stating|adding|noting|stressing|declaring|warning|insisting"
    rb"|calling|urging|asking|proposing)\b",
    rb"\bin\s+their\s+(?:own\s+)?words\b",
)
_DOC_CUE_SUPERSET = (
    rb"(?:statement|declaration|document|passage|paragraph|sentence|clause|preamble)\b|communiqu"
    rb"|\bjoint\s+(?:\S+\s+){0,2}?text\b|\bhad\s+(?:\S+\s+){1,3}(?:continue|say|add|declare"
    rb"|state|insist|warn|demand|urge|go\s+on)\b"
    rb"|(?:quotes|quoted|cites|cited|renders|rendered)\s+(?:the|that|this|its|their)\s[^.]{0,40}?\sas\b"
    rb"|(?:translation|rendering)\s+of\s+(?:its|the|their)\s"
    rb"|\bline\s+(?:in|of|from)\s|(?:first|last|final|opening|closing)\s+line\b"
    rb"|\b(?:point|section)\s[^.]{0,80}?(?:reads|says|said|states|stated|calls|called|warns"
    rb"|warned|urges|urged|adds|added|notes|noted|continues|goes on|declares|insists"
    rb"|proposes|tells|asks|asked|names|named|mentions|mentioned|describes|described|lists"
    rb"|listed|uses|used|speaks|refers|defines|defined|cites|cited|provides|provided"
    rb"|stipulates|stipulated|does\s+not|doesn|did\s+not|didn|never|quoted|rendered|given"
    rb"|worded)"
    rb"|\bof\s+(?:point|paragraph|para)\s+\d{1,2}[^.:;!?\n]{0,40}:"
    rb"|\bParties\b|\bministries\b"
    rb"|\b(?:text|original|doc|version|roadmap|initiative|paper|proposal)\s+(?:as\s+[a-z]+ed\s+|in\s+[a-z]+\s+)?(?:(?:has|had|also|further|then|even|still|itself|again|likewise|[a-z]+ly)\s+)*(?:of\s+the\s+(?:joint\s+)?statement"
    rb"|circulated|published"
    rb"|released|issued|reads|runs"
    rb"|asks|asked|holds|held|maintains|maintained|stipulates|stipulated|specifies|specified"
    rb"|says|said|adds|added|notes|noted|states|stated|stresses|stressed|continues|continued"
    rb"|records|recorded|claims|claimed|provides|provided|argues|argued"
    rb"|goes on|went on|urges|urged|calls|called|insists|insisted|proposes|proposed|declares"
    rb"|declared|warns|warned|demands|demanded|affirms|affirmed|threatens|threatened"
    rb"|recalls|recalled|requires|required|closes|ends|opens|begins|concludes|finishes"
    rb"|appeals\s+to|appealed\s+to"
    rb"|(?:(?:was|is)\s+)?(?:\xe2\x80\x9c|\xc2\xab|\xe2\x80\x9e|\")"
    rb"|tells|told|opposes|supports|backs|rejects|welcomes|condemns|confirms|puts\s+it|put\s+it"
    rb"|promises|promised|pledges|pledged|vows|vowed|envisages|envisaged|suggests|suggested"
    rb"|recommends|recommended|speaks\s+of|spoke\s+of|talks\s+of|refers\s+to|mentions|mentioned"
    rb"|uses|used|defines|defined|describes|described|lists|listed|spells\s+out|sets\s+out"
    rb"|does\s+not|doesn|did\s+not|didn|never)"
    rb"|ccording\s+to\s+the\s+(?:joint\s+)?text|\bper\s+the\s+(?:joint\s+)?text"
    rb"|\b(?:does|did)\s+the\s+[^.]{0,40}?text\s"
    rb"|\b(?:text|original|doc|version|roadmap|initiative|paper|proposal)\s+(?:also|further|then|even|still|itself|again|likewise)\b"
    rb"|\b(?:text|original|doc|version|roadmap|initiative|paper|proposal)\s*,"
    rb"|\bpara(?:graph)?\.?\s*\d|\xc2\xb6"
    rb"|(?:verbatim|\bin\s+full|word\s+for\s+word|in\s+its\s+entirety)\s*:"
    rb"|\b(?:wording|language|phrasing)\b"
    rb"|(?:'|\xe2\x80\x99)s?\s+(?:own\s+)?words\b",
)
"""Hyperscan patterns matching wherever `_SPEECH` and `_DOC_CUE` match (and more: any
case; Hyperscan's ASCII word boundaries). Where neither ends in a sentence, it holds no
cue and `cues` is not run on it (tests/test_quotes.py checks the supersets)."""
_ASIDE_THEN_ITS_WORDS = re.compile(
    r"[ \t]*,[ \t]*(?:[“\"‘«]|(?!(?:is|was|are|were|seems|seemed|looks|looked|amounts|remains"
    r"|reads)\b)[a-z]+s\b)"
)
"""After an aside naming who reported the document ("The statement, according to TASS,"):
its words, or a verb of its own ("urges"), not a verdict on it ("is “a surrender”")."""


def _opening_name(chunk: str, verb: int) -> re.Match[str] | None:
    """The person's name a sentence opens with, when the speech verb at `verb` runs on
    from it with "and" after a verb of theirs that is no speech ("Lavrov smiled and said",
    "Lavrov was asked about it and said"): none when the clause between holds a mark, a
    colon or a semicolon, or names the document."""
    stop = chunk.rfind(". ", 0, verb)
    start = max(stop + 2 if stop >= 0 else 0, chunk.rfind("\n", 0, verb) + 1)
    opening = _OPENING_NAME.match(chunk, start, verb)
    if opening is None:
        return None
    if _DOCUMENT_WORDS.search(chunk, opening.end(), verb) and not _CITED.match(
        chunk, opening.end()
    ):
        return None
    return opening


_CITED = re.compile(r"[ \t]+(?:cited|quoted|recalled|welcomed|praised|read\s+out|noted)\b")
"""The opening name's own verb taking the document or its words as its object ("Zakharova
cited the statement's call for “...” and said ..."): what the name says next is theirs."""


_OPENING_NAME = re.compile(
    rf"(?!{NOT_A_NAME}\b)"
    r"[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){0,3}(?=[ \t]+(?:was|is|had|has|[a-z]+ed)\b)"
    r"(?=[^:;“”\"«»\n]*(?:[“\"«][^“”\"«»\n]*[”\"»][^:;“”\"«»\n]*)?\b(?:and|but)[ \t]+$)"
)
"""A name opening a sentence, its own verb next, and "and" just before the speech verb."""
_DOCUMENT_WORDS = re.compile(r"\b(?:statement|declaration|document|text|communiqu)", re.IGNORECASE)
_CUE_REACH = 40
_DATE_REACH = 40
"""Characters after a document cue in which a date names its year ("of September 19, 2005")."""
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


_DEMANDED = re.compile(
    r"\b(?:demand|request|insist|requir|propos|suggest|recommend|plea|ultimatum|condition)"
    r"\w*[ \t]+that[ \t]+(?:[\w’'-]+[ \t]+){0,5}?[\w’'-]+[ \t]*\Z",
    re.IGNORECASE,
)
"""Before a verb: a demand's "that" and the verb's subject, whose clause says what the
subject is to do ("a demand that Seoul ask permission"), not what it says."""
_WANTED_TO = re.compile(
    r"\b(?:want|wanted|wants|wanting|ask|asks|asked|urge|urges|urged|press|pressed|presses"
    r"|push|pushed|pushes|expect|expected|expects|need|needs|needed|tell|tells|told|persuade"
    r"|persuaded|get|got|invite|invited|encourage|encouraged|call\s+on|called\s+on|calls\s+on)"
    r"[ \t]+(?:[\w’'-]+[ \t]+){1,6}?to[ \t]+\Z",
    re.IGNORECASE,
)
"""Before a verb: someone wanting or asking its subject to speak ("Tokyo wanted Moscow and
Beijing to declare the launch “...”"): words they did not say."""
_DEMANDED_REACH = 60


def cues(
    text: str,
    sentence: Span,
    prose: str,
    authors: frozenset[str] = frozenset(),
    *,
    speech: bool = True,
    documents: bool = True,
    labels: bool = True,
) -> list[Cue]:
    """Every attribution cue in `sentence` outside quotations, in order.

    A speech verb's subject is read back to the clause's start: the document ("the
    statement noted"), the statement's authors together ("their foreign ministries said",
    "Moscow and Beijing stressed", "the two sides called"), or a person ("Lavrov was
    quoted as saying"). A document named just after the verb is the medium and makes the
    document the speaker ("Wang and Lavrov said in a joint statement"). With nothing
    before the verb, the subject follows it ("said Park Min-jun"). A person's name or
    role set before a colon that opens a quotation is a label ("Chinese envoy Wu Dawei:
    “...”", "ANCHOR: “...”"). `speech`, `documents` or `labels` False: the sentence is
    known to hold no speech verb, no document cue, or no colon before a quotation.
    """
    base = sentence.start
    chunk = prose[sentence.start : sentence.end]
    out: list[Cue] = []
    own_verbs: set[int] = set()  # (the cues of `out` where the document is its verb's subject)
    # Each document named, read once: this one's (`docs`), or another's (`others`, whose
    # words the authors may speak in it: `_in_another`).
    named_docs = list(doc_cues(chunk)) if documents else []
    another = [_names_another(m, chunk, prose, base, authors, text) for m in named_docs]
    others = [m for m, theirs in zip(named_docs, another, strict=True) if theirs]
    docs = [
        (m.start(), m.end())
        for m, theirs in zip(named_docs, another, strict=True)
        if not theirs
        and not _its_issue(chunk, m)
        and not _SET_AGAINST.search(chunk, max(0, m.start() - _SET_AGAINST_REACH), m.start())
    ]
    used: set[tuple[int, int]] = set()
    # "The statement mentions X only to say ...", "Moscow and Beijing end by saying they
    # ...": an infinitive or a gerund of saying has the clause's subject for its own.
    controlled: list[tuple[int, int]] = []
    for m in _CONTROLLED.finditer(chunk) if speech else ():
        if _WANTED_TO.search(chunk, max(0, m.start() - _DEMANDED_REACH), m.start() + 3):
            controlled.append((m.start(), m.end()))
            continue  # "Tokyo wanted Moscow and Beijing to declare ...": not what they said
        head = _opening_document(docs, m.start())
        joint = head is None and _joint(chunk[: m.start()].strip(), authors)
        if head is None and not joint:
            opening = _NAMED_OPENING.match(chunk, 0, m.start())
            if opening is not None:
                # "Lavrov closed by urging “...”": the person named, not whoever spoke in
                # the sentence before
                controlled.append((m.start(), m.end()))
                span = Span(base + opening.start("who"), base + m.end())
                out.append(Cue("person", span, span.of(text)))
            continue
        start = (
            head[0]
            if head is not None
            else len(chunk[: m.start()]) - len(chunk[: m.start()].lstrip())
        )
        if head is not None:
            used.add(head)
        controlled.append((m.start(), m.end()))
        span = Span(base + start, base + m.end())
        out.append(Cue("document", span, span.of(text)))
    for m in _COMMA_GERUND.finditer(chunk) if speech else ():
        if any(a <= m.start() < b for a, b in controlled):
            continue
        cue = _gerund_of_the_subject(text, chunk, base, m, docs, authors)
        if cue is not None:
            # "The ministries went further, saying that the United States “must ...”": the
            # clause's subject speaks (it went to the person of the paragraph before)
            controlled.append((m.start(), m.end()))
            out.append(cue)
    speakers: list[tuple[int, str]] = []  # (start, subject) of each verb's own subject
    for hit in _SPEECH.finditer(chunk) if speech else ():
        agent = _BY_AGENT.match(chunk, hit.end()) if hit.group() in _BY_PARTICIPLES else None
        if agent is not None:
            # "described by the ministries as “...”", "called “...” by Haley": the passive's
            # agent speaks, not the thing described
            who = agent.group("agent")
            at = (agent.start("agent"), agent.end("agent"))
            theirs = any(at[0] <= d[0] < at[1] for d in docs) or (
                _joint(who, authors) and all(_bare(n) in authors for n in _NAME.findall(who))
            )
            used.update(d for d in docs if at[0] <= d[0] < at[1])
            span = Span(base + hit.start(), base + at[1])
            out.append(Cue("document" if theirs else "person", span, span.of(text)))
            continue
        if _not_speaking(chunk, hit):
            continue
        if hit.group() in _BY_PARTICIPLES and _PASSIVE_BEFORE.search(
            chunk, max(0, hit.start() - 20), hit.start()
        ):
            continue  # "the statement was described as “...”", no one named: whoever
            # described it, the document is what is described, not who speaks
        if any(a <= hit.start() < b for a, b in controlled):
            continue  # read above, with the clause's subject
        verb = hit.start()
        cited = _CITATION.search(chunk, max(0, verb - _CITATION_REACH), verb)
        if cited is not None:
            verb = cited.start()  # "Lukin (2020) terms": the subject before the year
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
        aside = _ASIDE.search(chunk, max(0, verb - _ASIDE_REACH), verb)
        if (
            kept
            and aside is not None
            and not any(d[1] == aside.start() for d in docs)
            and not _CLAUSE_ASIDE.match(chunk, aside.start())
        ):
            aside = None  # "Russia, China and ..." keep their commas; but not "the Chinese
            # text, in Xinhua's English, says": the document before an aside speaks
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
                    and (
                        _MEDIUM_ASIDE.fullmatch(chunk, verb + 1, d[0])
                        # "The opening sentence, which comes before the numbered points of
                        # the statement, declares": a part of the document, placed in it
                        or _PART_SUBJECT.search(chunk, 0, verb) is not None
                    )
                ),
                None,
            )
        reach = min(_subject(chunk, verb, strip=False, kept=kept)[0], verb - 1)
        subject_doc = (
            next(
                (
                    d
                    for d in docs
                    if (
                        max(reach, verb - _CUE_REACH) <= d[1] <= verb
                        or _ISSUED_CLAUSE.fullmatch(chunk, d[1], verb)
                    )
                    and not _object_of(chunk, d)
                ),
                None,
            )
            or _antecedent(chunk, verb, docs)
            or _modified(chunk, verb, docs)
            or _scare_quoted(chunk, verb, docs)
        )
        if hit.group().casefold() in _SOURCED:
            if medium is None:
                # the document just after it; or one read from inside it, "the words of
                # the statement" (`_DOC_CUE` takes up to three words before its noun)
                medium = next((d for d in docs if d[0] <= hit.end() + 1 < d[1]), None)
            if medium is not None and _POSSESSIVE.match(chunk, medium[1]):
                medium = None  # "according to the statement's critics": theirs
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
                # "The statement, according to TASS, “urges ...”": an aside naming who
                # reported it, the document still the speaker; "In the words of Moscow and
                # Beijing": the statement's authors together
                outlet_aside = any(chunk[d[1] : hit.start()].strip() == "," for d in docs) and bool(
                    _ASIDE_THEN_ITS_WORDS.match(text, span.end)
                )
                sourced: Literal["document", "person"] = (
                    "document"
                    if outlet_aside
                    or (named and (_joint(named, authors) or _authors_outlet(named, authors)))
                    else "person"
                )
                out.append(Cue(sourced, span, span.of(text)))
            continue
        if subject_doc is not None:
            used.add(subject_doc)
            span = Span(base + subject_doc[0], base + hit.end())
            own_verbs.add(len(out))
            out.append(Cue("document", span, span.of(text)))
            continue
        inverted = next(
            (
                d
                for d in docs
                if _SET_OFF_AFTER.fullmatch(chunk, hit.end(), d[0]) is not None
                and chunk[d[1] : d[1] + 2].lstrip().startswith(",")
            ),
            None,
        )
        if inverted is not None and _SET_OFF_BEFORE.search(chunk, 0, hit.start()):
            # "the two countries, says the statement, “will take ...”": the verb and the
            # document after it set off by commas, an aside naming who speaks
            used.add(inverted)
            span = Span(base + hit.start(), base + inverted[1])
            out.append(Cue("document", span, span.of(text)))
            continue
        a, subject = _subject(chunk, verb, kept=kept)
        if subject.strip(" ,").casefold() in _NO_SUBJECT:
            subject = ""  # "So says the statement": the subject follows the verb
        if not subject and speakers and _ADDING.match(chunk, hit.start()):
            # "@user quoted the statement as ..., adding: “...”": the gerund's speaker is
            # the sentence's, speaking in their own words now
            who = speakers[-1][1].strip(" ,")
            if not _joint(who, authors):
                span = Span(base + hit.start(), base + hit.end())
                out.append(Cue("person", span, span.of(text), how=f"the gerund of {who}"))
                continue
        if subject:
            speakers.append((a, subject))
        if not subject and speakers and medium is None and _coordinated(kept, chunk) and out:
            # "Its editorial claimed that the statement “...”, words it never uses, and
            # called the battery “a dagger ...”": the verb after "and" is the editorial's,
            # whatever document its first verb reported or the clause between named; but
            # where the document was the subject of its own verb just before ("A post says
            # the statement calls them “justified” and says they “...”"), that verb's
            # clause goes on, and so does its subject
            who = speakers[-1][1].strip(" ,")
            if len(out) - 1 in own_verbs and not _reporter_goes_on(kept, hit.group()):
                span = Span(base + hit.start(), base + hit.end())
                own_verbs.add(len(out))
                out.append(Cue("document", span, span.of(text)))
                continue
            if out[-1].speaker == "document" and not _joint(who, authors):
                span = Span(base + hit.start(), base + hit.end())
                out.append(Cue("person", span, span.of(text), how=f"the verb of {who}"))
                continue
        if not subject:
            opener = _opening_name(chunk, hit.start()) if medium is None and _shared(kept) else None
            if opener is not None and not _joint(opener.group(), authors):
                # "Sergei Lavrov was asked about it on Wednesday and said that “...”": the
                # person the sentence opens with, no speech verb of theirs before
                span = Span(base + opener.start(), base + hit.end())
                out.append(Cue("person", span, span.of(text), how="the sentence's subject"))
                continue
            if medium is None and (_shared(kept) or not _inverted(text, base + hit.start(), hit)):
                continue  # "... and urged restraint", "“strongly” urged restraint": the
                # words after the verb are its object, and its subject is the one before
            a, subject = hit.start(), _postposed_subject(chunk, hit.end())
            if not subject:
                continue  # "... and said": the verb shares the subject before it
        if hit.group() in _URGING and medium is None and not _joint(subject, authors):
            continue  # "The rally pushed prices “...”": no one speaks
        if medium is None and (
            _DEMANDED.search(chunk, max(0, a - _DEMANDED_REACH), hit.start())
            or _WANTED_TO.search(chunk, max(0, a - _DEMANDED_REACH), hit.start())
        ):
            continue  # "a demand that Seoul ask permission": what is asked of Seoul, the
            # subjunctive of a demand; Seoul says nothing
        pronoun = _PRONOUN.match(subject) or _PRONOUN_LAST.search(subject)
        if hit.group() in _PLURAL_FORMS and not (
            pronoun or _joint(subject, authors) or _people(subject)
        ):
            continue  # "that the DPRK declare", "say ..., urge": only "they", the authors
            # or people ("critics ask", "we urge")
        if pronoun:
            continue  # "They also stressed", "On the launch it says": the speaker is whoever
            # the text spoke of before
        if _NO_ONE.fullmatch(subject):
            continue  # "nobody reads these things": no one speaks
        if _A_THING.search(subject) and medium is None:
            continue  # "The “double freezing” formula explained:", "the plan explained":
            # a heading over an explanation, or a thing; no one speaks
        end = hit.end()
        speaker: Literal["document", "person"] = "person"
        if a == hit.start() and medium is None:
            # "..., reads the declaration": a document after the verb is its subject.
            medium = next((d for d in docs if d[0] >= end and not chunk[end : d[0]].strip()), None)
        if medium is not None:
            used.add(medium)
            speaker, end = "document", medium[1]
        elif (
            _joint(subject, authors)
            or _NUMBERED_PART.fullmatch(subject.strip(" ,"))
            or (a == hit.start() and _PART_NAMED.match(subject))
        ):
            speaker = "document"  # (or a part of it by its number: "Point three reads";
            # after the verb, "“...,” reads the final sentence of point 4")
        else:
            # "Critics called the statement “...”", "said the statement “speaks for itself”":
            # the document is what the person speaks of; the words are the person's. One
            # who "quoted the statement as saying" gives them as the statement's.
            # (not a document framing the clause after it: "wrote that under the statement
            # Moscow and Beijing “...”", read below)
            spoken_of = next(
                (
                    d
                    for d in docs
                    if d not in used
                    and _OBJECT_GAP.fullmatch(chunk, end, d[0])
                    and not (
                        _FRAMING_WORDS.match(chunk, d[0])
                        and _framed_content(text, base + d[1], authors)
                    )
                ),
                None,
            ) or _it_the_document(
                text, chunk, base, end, subject, quoting=hit.group().casefold() in _QUOTING_VERBS
            )
            called = _its_call(text, chunk, base, end) if spoken_of is None else None
            if called is not None:
                # "We also note its call on all countries to “...”": the call is the
                # document's, named a sentence or two before, and so are its words
                speaker, end = "document", called
            elif spoken_of is not None:
                used.add(spoken_of)
                end = spoken_of[1]
                quoting = hit.group().casefold() in _QUOTING_VERBS
                parties = _THE_PARTIES.fullmatch(chunk, spoken_of[0], spoken_of[1]) is not None
                if (
                    quoting
                    or _reports_content(text, base + spoken_of[1])
                    or (parties and _authors_words(text, base + spoken_of[1]))
                ):
                    # "a post says the statement “demands ...”", "the story said that the
                    # Parties were “determined to ...”"
                    speaker = "document"
            elif _commentator(subject):
                # "a columnist concluded that the two governments “want ...”": what the
                # authors say, reported; not "Lavrov said that Russia and China “...”".
                reported = _authors_saying(text, chunk, base, end, authors)
                if reported is not None:
                    speaker, end = "document", reported
        if a == hit.start() and subject:
            end = max(end, hit.end() + 1 + len(subject))
        span = Span(base + a, base + end)
        out.append(Cue(speaker, span, span.of(text)))
    for d in docs:
        named_as = (
            d not in used
            and _NAMED_AS.search(chunk, max(0, d[0] - 40), d[0]) is not None
            and _QUOTED_AFTER.match(chunk, d[1]) is not None
        )
        named_it = _NAMED_IT.match(chunk, d[1]) if d not in used else None
        if named_it is not None and _DOCUMENT_NOUN.search(chunk, d[0], d[1]):
            # "An editorial praised the document, labelling it “a firewall”": its name
            span = Span(base, base + named_it.end("it"))
            out.append(Cue("person", span, span.of(text)))
            used.add(d)
            continue
        if named_as or _described(text, chunk, base, d):
            # ("One tweet calling the statement “a declaration of war”": its name for it)
            seen = _SEEN_AS.search(chunk, max(0, d[0] - 40), d[0]) or _NAMED_AS.search(
                chunk, max(0, d[0] - 40), d[0]
            )
            start, who = _subject(chunk, seen.start()) if seen is not None else (0, "")
            if not who and named_as and seen is not None and chunk[: seen.start()].rstrip():
                # "Pyongyang's agency welcomed the text, calling the statement “...”": the
                # participle's subject is the clause's before it
                start, who = 0, chunk[: seen.start()].rstrip(" ,")
            if who and not _joint(who, authors):
                # "Critics see the document as “a gift to Pyongyang”": their word for it
                span = Span(base + start, base + d[1])
                out.append(Cue("person", span, span.of(text)))
                used.add(d)
            continue  # "the statement is “a responsible blueprint”": the page's word for it
        if d not in used and not any(c.span.start <= base + d[0] < c.span.end for c in out):
            span = Span(base + d[0], base + d[1])
            # (a name the page gives it too: "Geng tells reporters that the initiative
            # “is objective ...”" is his judgement of it, as of "the statement")
            noun = _DOCUMENT_NOUN.search(chunk, d[0], d[1]) or _ALIAS.search(chunk, d[0], d[1])
            reported = noun is not None and (
                any(c.speaker == "person" and c.span.end <= span.start for c in out)
                or _named_by_label(chunk, d[0])
            )
            # "... that under the statement Washington and Seoul “must refrain”": the
            # document frames the clause that holds the quotation, as its content
            framed = (
                (
                    _FRAMING.search(chunk, max(0, d[0] - _FRAMING_REACH), d[0]) is not None
                    or _FRAMING_WORDS.match(chunk, d[0])
                )
                and bool(_FRAMED_CLAUSE.match(chunk, d[1]))
                # (not past a second clause of the speaker's: "... and that it “...”")
                and not _NEXT_CLAUSE.search(chunk[d[1] :].split("“")[0].split('"')[0])
            )
            content = reported and (framed or _reports_content(text, span.end))
            if reported and not content and _JUDGED.match(text, span.end):
                continue  # "Geng said ... that the statement “fully reflects ...”": his words
            if (
                not reported
                and noun is not None
                and (_judges_it(text, span.end) or _hands_over(text, span.end))
            ):
                continue  # "The statement “clearly reflects Beijing's priorities ...,” writes
                # an analyst": what someone makes of it, not what it says
            on = _ON_LABEL.search(chunk, 0, d[0])
            if (
                on is not None
                and _LABEL_END.match(chunk, d[1])
                and on.group(1).split()[0].casefold() not in _NO_SPEAKER_LABEL
                and not _joint(on.group(1), authors)
            ):
                # "Analyst on the Moscow statement: “...”", "Lavrov on the joint
                # statement:": a headline's speaker on what the words are about
                span = Span(base + on.start(1), base + d[1])
                out.append(Cue("person", span, span.of(text)))
                used.add(d)
                continue
            if not content and _object_of(chunk, d) and _CLOSED_BEFORE.search(chunk, 0, d[0]):
                continue  # "“They want a freeze”: an interview on the Moscow statement": what
                # the quoted words are about, after them, names no speaker
            if not content and _object_of(chunk, d) and _AND_THEN_SPOKE.match(chunk, d[1]):
                continue  # "KCNA did not comment on the statement but described ...": what
                # someone speaks about, not a speaker (but "written about the declaration,
                # which commits ...": the relative clause's)
            # "X said at a briefing that the statement “demands ...”": what it says
            out.append(Cue("document", span, span.of(text), named=not content))
    for repeating in _QUOTES_ITS.finditer(chunk):
        # "Observers cited its demand “...”", "Lavrov echoed its call for “...”": a verb
        # that repeats someone's words, which are the document's call (`_its_call`)
        called = _its_call(text, chunk, base, repeating.end())
        if called is not None and not any(c.span.end > base + repeating.start() for c in out):
            span = Span(base + repeating.start(), base + called)
            out.append(Cue("document", span, span.of(text)))
    out.extend(_authors_quoted(text, chunk, base, authors, out))
    out.extend(_in_their_words(text, chunk, base, authors, out))
    part = _set_out_part(chunk, authors) if documents else None
    if part is None and (labels or chunk.rstrip().endswith(":")):
        part = _part_introducing(chunk)
    if part is not None:
        # (a person's cue whose subject holds the part is the part's verb read wrongly:
        # "its fifth point is the one to note:" is no one noting)
        out = [
            c
            for c in out
            if not (c.speaker == "person" and c.span.start <= base + part[0] < c.span.end)
        ]
    if part is not None and not any(c.span.start <= base + part[0] < c.span.end for c in out):
        span = Span(base + part[0], base + part[1])
        out.append(Cue("document", span, span.of(text)))
    found = [(m, "own sentence") for m in _LABEL.finditer(chunk)] if labels else []
    if labels and _opens_a_line(text, base):
        found += [(m, LINE_LABEL) for m in _LINE_LABEL.finditer(chunk)]
        found += [(m, LINE_LABEL) for m in _CLAUSE_LABEL.finditer(chunk)]
    if labels and "\n" in chunk:
        # a list's next item that the page's text runs on with, no marker left (Markdown
        # read): "... “not an option”¶Russia, China: launch announcement “...”"
        found += [(m, LINE_LABEL) for m in _NEXT_LINE_LABEL.finditer(chunk)]
    for m, how in found:
        label = m.group("label")
        inside = any(c.span.start <= base + m.start("label") < c.span.end for c in out)
        if inside or len(label.split()) > _LABEL_WORDS or _DOC_CUE.search(label):
            continue
        # a handle alone on its line speaks the quotation that makes its next line
        handle = "\n" in m.group() and _HANDLE.fullmatch(
            _BRACKETED_TAIL.sub("", label).strip("*_ ")
        )
        span = Span(base + m.start("label"), base + m.end("label"))
        if _NUMBERED_PART.fullmatch(label.strip("*_ ")):
            # "Point 6: “...”", "15:12 Paragraph 3: “...”": a part of the statement
            out.append(Cue("document", span, span.of(text), how=how))
            continue
        if how == LINE_LABEL and _joint(label.strip("*_ "), authors):
            # "Russia, China: launch announcement “...”": the authors' line, a headline's
            out.append(Cue("document", span, span.of(text), how=how))
            continue
        topic = _ON_TOPIC.match(label)
        if topic is not None and _joint(topic.group(1), authors):
            # "Russia and China on THAAD: “...”": the authors on a topic, a headline's
            # statement; "Lavrov on THAAD:" is a person's label (below)
            out.append(Cue("document", span, span.of(text), how=how))
            continue
        noun = _DOCUMENT_LABEL.search(label)
        owner = label[: noun.start()].strip() if noun else ""
        if noun and (not owner or "joint" in owner.casefold() or _joint(owner, authors)):
            # "Russia and China statement: “...”", "Joint communiqué, point 3: “...”"
            out.append(Cue("document", span, span.of(text), how=how))
            continue
        if noun:
            # "Lavrov's statement:", "Pentagon statement:": someone else's
            out.append(Cue("person", span, span.of(text), how=how))
            continue
        timed = _TIMED_NAME.fullmatch(label.strip("*_ —–-")) and _TIMESTAMP_BEFORE.search(
            chunk, max(0, m.start("label") - 12), m.start("label")
        )
        if not (_PERSON_LABEL.search(label) or handle or timed):
            continue
        out.append(Cue("person", span, span.of(text), how=how))
    if others and any(c.speaker == "document" for c in out):
        out = [_in_another(c, chunk, base, docs, others) for c in out]
    return sorted(out, key=lambda c: c.span.start)


_CAME_OUT = r"(?:signed|issued|released|published|adopted|put[ \t]+out)\b"
"""How a document came out, said after its name ("signed in Moscow", "released by ...")."""
ISSUED_AFTER = re.compile(
    rf",?[ \t]+{_CAME_OUT}[^“”\"«»;:.\n]{{0,60}}?"
    r",?(?=[ \t]*[\"“«„])"
)
"""After a document, how it came out, up to a quotation ("signed in Moscow on July 4,
2017")."""
_ISSUED_CLAUSE = re.compile(
    r"[ \t]+(?:(?:that|which)[ \t]+)?(?:[A-Z][\w’'-]*[ \t]+(?:and[ \t]+)?){1,4}"
    rf"{_CAME_OUT}[^.;:“”\"«»,\n]{{0,60}}[ \t]+"
)
"""Between a document and its verb, a clause saying who issued it ("The joint statement
Russia and China signed in Moscow on Tuesday asks"): the document is the verb's subject."""
_PASSIVE_BEFORE = re.compile(r"\b(?:is|was|are|were|been|being)[ \t]+(?:\w+ly[ \t]+)?$")
"""A passive's auxiliary just before a participle of saying."""
_SET_AGAINST = re.compile(r"\b(?:rather\s+than|instead\s+of|unlike)\s+$", re.IGNORECASE)
"""Words before a document cue that set it against the one that speaks ("It is that
declaration, rather than the Korea statement, which says ..."): it says nothing there.
("Not the statement's" is read later, where a document named to deny the words is no
speaker and none is sought before it.)"""
_SET_AGAINST_REACH = 16


def _in_another(
    cue: Cue, chunk: str, base: int, docs: list[tuple[int, int]], others: list[re.Match[str]]
) -> Cue:
    """`cue`, a person's if it is the statement's authors speaking in another document
    ("In a separate joint statement on the current world situation, signed by the two
    heads of state, China and Russia said they “...”", "Moscow and Beijing said in a joint
    statement on trade that ..."): that one's words, not this one's. A cue naming this
    document ("the Korea statement says") stays its own (audit q48)."""
    start, end = cue.span.start - base, cue.span.end - base
    if cue.speaker != "document" or not others or any(start <= d[0] < end for d in docs):
        return cue
    fronted = _FRONTED_PHRASE.match(chunk)
    framed = (
        fronted is not None
        and start >= fronted.end()
        and any(m.end() <= fronted.end() for m in others)
    )
    medium = any(
        end <= m.start() <= end + _MEDIUM_REACH and _MEDIUM.match(chunk[end : m.start()] + " ")
        for m in others
    )
    # (or it is what that document says: "It is that presidential declaration, rather than
    # the Korea statement, which says the sides “...”")
    cleft = any(
        m.end() <= start
        and start - m.end() <= _CLEFT_REACH
        and _WHICH_SAYS.search(chunk, m.end(), end)
        and not _BREAK.search(chunk, m.end(), start)
        for m in others
    )
    return replace(cue, speaker="person") if framed or medium or cleft else cue


_CLEFT_REACH = 80
_WHICH_SAYS = re.compile(r"\b(?:which|that)\s+(?:\w+ly\s+)?(?:says|said|states|stated|reads)\b")
_BREAK = re.compile(r"[.;:!?]")
_FRONTED_PHRASE = re.compile(
    r"\s*(?:[Ii]n|[Uu]nder|[Tt]hrough)\s+(?:a|an|the|their|its|another)\b[^,;:“”\"«»\n]{0,160}?,"
)
"""A phrase opening a sentence up to its comma ("In a separate joint statement on ...,"):
where what the sentence's subject says is set."""


_TIMESTAMP_BEFORE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?[ \t]*[—–-]?[ \t]*\Z")
"""A live blog's or a podcast's time straight before a label ("07:40 — Olga:")."""
_TIMED_NAME = re.compile(
    r"(?!(?:Update|Updated|Breaking|Analysis|Note|Context|Background|Correction|Statement"
    r"|Summary|Recap|Quote|Text|Point|Section|Source|Reaction|Latest)\b)"
    r"(?!(?:TASS|Tass|Xinhua|RIA|Interfax|Yonhap|Kyodo|Reuters|AFP|AP|KCNA|CGTN|Sputnik)\b)"
    r"[A-Z][a-z’'-]+"
)
"""One name after a time: a speaker at that moment ("07:40 — Olga:", "12:05 Lavrov:"), not
a live blog's heading word nor a news agency, which relays the statement's words."""


_ON_TOPIC = re.compile(r"\**([^:]+?)\s+on\s+\S")
"""A label naming who speaks on what ("Russia and China on THAAD")."""


def _authors_outlet(named: str, authors: frozenset[str]) -> bool:
    """Whether a source names where one of the authors published the statement ("the
    Russian foreign ministry's website"): the statement as published, not a person's
    words.

    >>> _authors_outlet("the Russian foreign ministry's website", frozenset({"russian"}))
    True
    >>> _authors_outlet("a Russian analyst", frozenset({"russian"}))
    False
    """
    words = {_POSSESSIVE.sub("", w).casefold() for w in named.split()}
    return bool(words & authors) and _OUTLET.search(named) is not None


_OUTLET = re.compile(
    r"(?i)\b(?:foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|mfa)['’]?s?\s+"
    r"(?:official\s+)?(?:web\s*site|site|web\s+page|page|publication|text|version)\b"
)
"""An author's foreign ministry's website, which published the statement (not the
ministry itself: "according to the Chinese foreign ministry, the talks were “useful”" are
its own words)."""
_DOCUMENT_LABEL = re.compile(
    r"\b(?:statement|declaration|communiqu[eé])(?:\s*,?\s*(?:point|para(?:graph)?\.?)\s*\d+)?$",
    re.IGNORECASE,
)
"""A label that names the document, by its noun at the label's end ("Russia and China
statement:"; with a point or paragraph number)."""
_NUMBERED_PART = re.compile(
    r"(?:[Pp]oint|[Pp]aragraph|[Pp]ara\.?|[Ss]ection|[Ii]tem|¶)\s*(?:\d{1,2}|one|two|three|four"
    r"|five|six)"
)
"""A label naming a part of the statement by its number ("Point 6", "Paragraph 3")."""
_LABEL = re.compile(
    r"(?:^|(?<=[.!?;:]\s)|(?<=\n)|(?<=[—–]\s)|(?<=\s-\s)|(?<=\d:\d\d\s))"
    r"[ \t]*(?P<label>[^\s:;.!?\"“”«»‘’(]"
    r"(?:[^\n:;.!?\"“”«»‘’()]|(?<=[^\W\d_])’(?=[^\W\d_])){0,58}?"
    r"(?:[ \t]+\([^()\n:]{1,40}\))?)"
    r"[ \t]*:[ \t]*\n?[ \t]*(?=[\"“«„‘])"
)
"""Words before a colon that opens a quotation (there or at the next line's start), from
the sentence's or clause's start, or from a dash (a live blog's "09:12 — Analyst Jo Park:")."""


def _it_the_document(
    text: str, chunk: str, base: int, end: int, subject: str, *, quoting: bool = False
) -> tuple[int, int] | None:
    """ "it" just after the speech verb of a person or of many, standing for the document
    named a little before ("Another blogger quoted it as saying ...", "commentators have
    claimed it requires ..."): where the pronoun is in `chunk`, or None. Of a ministry
    or an agency, "it" is the speaker itself ("the foreign ministry said it “noted with
    regret” ..."), and is left alone; but one `quoting` it quotes something else ("the
    same article quoted it as saying")."""
    found = _IT_OBJECT.match(chunk, end)
    if found is None:
        return None
    words = [w.casefold().strip(".,;:’'") for w in subject.split()]
    words = [w for w in words if w not in _AUXILIARIES]
    head = words[-1] if words else ""
    many = head.endswith("s") and not head.endswith(("ss", "'s", "’s")) and len(head) > 3
    if not (quoting or many or _PERSON_NOUN.fullmatch(head)):
        return None
    if not quoting and not _PRESENT_AFTER.match(chunk, found.end()):
        return None  # "Reuters said it “noted ...”": a past tense reports the speaker's
        # own act; a document is described in the present ("claimed it requires")
    if not _DOC_CUE.search(text, max(0, base - _IT_LOOKBACK), base + end):
        return None
    return found.start("it"), found.end("it")


def _its_call(text: str, chunk: str, base: int, end: int) -> int | None:
    """Where "its call" (an appeal, a demand, a pledge ...) ends, just after a speech verb
    or one repeating someone's words (`_QUOTES_ITS`) at `end` in `chunk`, where it leads
    into a quotation and the document is named a little before, no other body since ("The
    Government has studied the statement. We also note its call on all countries to
    “...”"); else None."""
    found = _ITS_CALL.match(chunk, end)
    if found is None:
        return None
    named = list(_DOC_CUE.finditer(text, max(0, base - _IT_LOOKBACK), base + end))
    if not named or _ANOTHER_BODY.search(text, named[-1].end(), base + end):
        return None  # "South Korea's defence ministry spoke. Its spokesman repeated its ..."
    return found.end("call")


_QUOTES_ITS = re.compile(
    r"\b(?:cited|cites|quoted|quotes|echoed|echoes|restated|restates)(?=[ \t]+its[ \t])"
)
"""A verb repeating someone's words before "its call" (not one of `_SPEECH`'s, as it is
no cue alone: "the editorial quotes the statement's call" quotes the statement)."""
_ANOTHER_BODY = re.compile(
    r"(?i:\b(?:"
    + "|".join(sorted(INSTITUTIONS | {"army", "command", "assembly", "cabinet", "party"}))
    + r")\b)"
)
"""A body named after the document and before "its": whose call it is."""


_ITS_CALL = re.compile(
    r"[ \t]+(?:also[ \t]+)?(?P<call>its[ \t]+(?:call|appeal|demand|plea|pledge|promise|commitment"
    r"|insistence|proposal)s?)\b[^.;:!?\"“”«»\n]{0,80}[\"“«„‘']"
)
"""A document's call, by its pronoun, after a speech verb and before a quotation."""


_AUXILIARIES = frozenset("have has had also all both since then now already".split())
"""Words a subject may end with before its verb ("bloggers have claimed")."""
_PERSON_NOUN = re.compile(
    r"columnist|commentator|analyst|editor|critic|observer|expert|scholar|researcher"
    r"|blogger|writer|pundit|reporter|journalist|fact-?checker|poster|user|reader"
)
"""One who writes about the statement, a person: never "it"."""
_IT_OBJECT = re.compile(r"\s*(?:that\s+)?(?P<it>it)\b")
_PRESENT_AFTER = re.compile(r"[ \t]+(?:(?:also|even|only|actually|clearly)[ \t]+)?[^\W\d_]+s\b")
"""After that "it": a verb in the present, third person ("requires", "demands")."""
_IT_LOOKBACK = 400
"""Characters before a sentence in which a document named makes its "it" (a sentence or
two, as a paragraph opening "Russia and China issued a joint statement ..." does)."""


_A_THING = re.compile(
    r"(?i:\b(?:formula|plan|policy|proposal|idea|strategy|initiative|concept|roadmap|road\s+map)"
    r"s?)\s*$"
)
"""A subject that is a thing, not a speaker ("the plan explained", "the “...” formula
explained:")."""
_NO_ONE = re.compile(r"(?i:nobody|no\s*-?\s*one|none|no\s+one\s+else|hardly\s+anyone)")
"""A subject that says no one speaks."""


def _named_by_label(chunk: str, at: int) -> bool:
    """Whether the sentence opens on a name and a colon before `at`, as a headline names
    who speaks of what follows ("Zakharova: joint statement “speaks for itself”"): the
    name reports the document as a speech verb would. Not a label naming the document or
    its part ("Joint statement, point 4:").

    >>> _named_by_label("Zakharova: joint statement", 11), _named_by_label("Point 4: the text", 9)
    (True, False)
    """
    label = _NAME_LABEL.match(chunk)
    return (
        label is not None
        and label.end() <= at
        and len(chunk[label.end() : at].split()) <= 1  # the document at once: a headline's
        and _DOCUMENT_NOUN.search(label.group()) is None
        and not _PART_LABEL.search(label.group())
    )


_NAME_LABEL = re.compile(r"[ \t]*[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){0,3}[ \t]*:[ \t]")
_PART_LABEL = re.compile(r"\b(?:point|paragraph|section|clause|article|line)\b", re.IGNORECASE)


def _reports_content(text: str, at: int) -> bool:
    """Whether the words after a document named at `at` tell what it says: a verb of
    saying, asking, conceding or taking a stand, in the prose or opening the quotation
    ("says the statement “demands ...”", "that the Statement provides that “...”", "the
    statement commits both countries to “...”", "the statement concedes that", "reported
    the statement as saying"). A verb that judges it ("“rewards provocation”",
    "“fully reflects the consensus”") makes the words the speaker's own.

    >>> _reports_content("the statement “demands a halt”", 13)
    True
    >>> _reports_content("it “rewards it”", 2)
    False
    """
    dated = DATED_AFTER.match(text, at)
    if dated is not None:
        at = dated.end()  # "the joint statement of 4 July 2017 “demands ...”"
    issued = ISSUED_AFTER.match(text, at)
    if issued is not None:
        at = issued.end()  # "the joint statement signed in Moscow on July 4, 2017 “..."
    if _AS_SAYING.match(text, at):
        return True  # "reported the statement as saying that “...”"
    if _MADE.match(text, at):
        return True  # "reported that the statement was “signed ... in Beijing”": its words
    found = _CONTENT_AFTER.match(text, at)
    if found is None:
        return False
    verb = found.group("verb").casefold()
    if _LIKENED.match(text, found.end()):
        return False  # "the statement “reads like a wish list”": the speaker's judgement
    if verb in ("gives", "gave", "hands", "handed") and _HANDS_OVER.match(text, found.end()):
        return False  # "the statement “gives North Korea a free pass”": the same
    if found.group("negated"):
        # "the Parties “do not consider ...”" takes a stand; "the communiqué “never
        # mentions sanctions”" describes the text, in the writer's words
        return verb in _STANCE_VERBS
    return verb in _CONTENT_VERBS


DATED_AT_END = re.compile(DATED_AFTER.pattern + r"[ \t]*\Z")
"""The same date ending a stretch of text (a source's lead: "According to X, the statement
of 4 July 2017")."""


def _hands_over(text: str, at: int) -> bool:
    """Whether the document named before `at` "gives" or "hands" someone something in an
    idiom of judgement, its object quoted ("the statement gives Pyongyang “a free pass”").

    >>> _hands_over(" gives Pyongyang “a free pass”", 0), _hands_over(" gives “priority”", 0)
    (True, False)
    """
    verb = _GIVES.match(text, at)
    return verb is not None and _HANDS_OVER.match(text, verb.end()) is not None


_GIVES = re.compile(
    r"[ \t]+(?:(?:also|effectively|simply|essentially)[ \t]+)?(?:gives|gave|hands|handed)\b"
)


def _judges_it(text: str, at: int) -> bool:
    """Whether the quotation opening right after a document (at `at`) opens on a verb in
    the present that tells what someone makes of it, not what it says, does or takes a
    stand on ("the statement “reflects ...”", "“clearly rewards ...”").

    >>> _judges_it(" “clearly reflects Beijing's priorities”", 0), _judges_it(" “urges calm”", 0)
    (True, False)
    """
    opened = _OPENS_ON_VERB.match(text, at)
    if opened is None:
        return False
    verb = opened.group("verb").casefold()
    if verb in ("gives", "hands") and _HANDS_OVER.match(text, opened.end()):
        return True  # "“gives North Korea a free pass”"
    return verb in _JUDGING_VERBS


_OPENS_ON_VERB = re.compile(r"[ \t]*[\"“«„‘](?:[a-z]+ly[ \t]+)?(?P<verb>[a-z]+s)\b")
_JUDGING_VERBS = frozenset(
    """reflects rewards betrays reveals shows exposes favours favors ignores undermines
    represents signals marks amounts legitimises legitimizes whitewashes echoes mirrors
    repeats resembles""".split()
)
"""Verbs by which someone tells what a document amounts to, in their words."""
_HANDS_OVER = re.compile(
    r"[ \t]+(?:[\w’'-]+[ \t]+){0,3}?[\"“«„‘']?(?:a[ \t]+|an[ \t]+)?"
    r"(?:free[ \t]+pass|green[ \t]+light|carte[ \t]+blanche|blank[ \t]+(?:cheque|check)"
    r"|pass|boost|win|victory|gift|lifeline|propaganda[ \t]+coup|cover)\b",
    re.IGNORECASE,
)
"""After "gives" or "hands": what someone makes of the document in an idiom ("gives North
Korea a free pass", "hands Beijing a win"), not what it gives in its words."""


_MADE = re.compile(
    r"[ \t]+(?:(?:was|is|had[ \t]+been|as)[ \t]+[\"“«„‘']|[\"“«„‘'](?:was|is)[ \t]+)"
    r"(?:signed|adopted|dated)\b"
    r"|[ \t]+(?:was|is|had[ \t]+been|as)[ \t]+(?:signed|adopted|dated)[ \t]+[\"“«„‘']"
    r"(?:on|in|at)[ \t]+(?:the[ \t]+)?(?-i:[A-Z\d])",
    re.IGNORECASE,
)
"""After a document, words in quotation marks telling its signing, as its closing line does
("was “signed on July 4, 2017, in Moscow”", "reported the statement as “signed ...”", "was
signed “on July 4, 2017, in Moscow”", a date or a place after the mark): that line, quoted or
misquoted. Not "“was written for Washington”", someone's reading of it."""
_AS_SAYING = re.compile(
    r"[ \t]+as[ \t]+(?:saying|stating|declaring|demanding|calling|urging|promising|warning)\b"
)
"""After a document: what someone reports it "as saying"."""
_FRAMING = re.compile(
    r"(?:^|\bthat|[,;:—–])[ \t]*(?:[Uu]nder|[Ii]n|[Pp]er|(?:[Uu]nder|[Bb]y)[ \t]+the[ \t]+terms"
    r"[ \t]+of)[ \t]+$"
)
"""Before a document, opening its clause: the words that make it the frame of what the
clause says ("that under the statement", ", in the declaration")."""
_FRAMING_REACH = 60
"""Characters before a document searched for `_FRAMING` (its longest, "that by the terms of
", is 21): a search from the sentence's start, once a document named, cost a sentence of
many its square."""
_FRAMING_WORDS = re.compile(
    r"[Tt]hat[ \t]+(?:under|in|per|(?:under|by)[ \t]+the[ \t]+terms[ \t]+of)[ \t]+"
    r"(?:the|this|its|their)\b"
)
"""The same framing taken into the document's own match (`_DOC_CUE` reads "that under the
statement" as one phrase: "that" and up to three words before its noun)."""
_NEXT_CLAUSE = re.compile(r"\b(?:and|but)\s+that\b|;")
"""A second "that" clause of the speaker's, or a clause break: what follows it is not in
the framed clause."""


def _framed_content(text: str, at: int, authors: frozenset[str]) -> bool:
    """Whether the clause after a framing document (at `at`) gives what the document has
    its subject do: a quotation opening on a modal ("that under the declaration Pyongyang
    “must dismantle ...”"), or the authors taking a stand in it ("that under the statement
    Moscow and Beijing “support ...”"); not a judgement ("... Seoul “gives up everything”",
    "in the declaration Beijing “got everything it wanted”").

    >>> _framed_content(" Pyongyang “must go”", 0, frozenset())
    True
    >>> _framed_content(" Moscow and Beijing “support it”", 0, frozenset({"moscow", "beijing"}))
    True
    >>> _framed_content(" Seoul “gives up everything”", 0, frozenset({"moscow", "beijing"}))
    False
    """
    if _FRAMED_MODAL.match(text, at):
        return True
    stand = _FRAMED_STAND.match(text, at)
    return (
        stand is not None
        and _joint(stand.group("subject"), authors)
        and stand.group("verb").casefold() in _CONTENT_VERBS | _STANCE_VERBS | _AGAINST
    )


_FRAMED_STAND = re.compile(
    r",?[ \t]+(?P<subject>(?:[Tt]he[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+(?:and[ \t]+)?[\w’'.-]+){0,3})"
    r"[ \t]*[\"“«„‘'](?:(?:are|were)[ \t]+(?=against\b|opposed\b))?(?P<verb>[^\W\d_]+)"
)
_AGAINST = frozenset(("against", "opposed"))
"""A stance the authors may be said to be in ("are against", "are opposed")."""
_FRAMED_MODAL = re.compile(
    r",?[ \t]+(?:[Tt]he[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w’'.-]*)*[ \t]*"
    r"[\"“«„‘'](?:shall|should|must|may|can|(?:is|are|has|have)[ \t]+to)\b"
)
"""After a framing document a speaker's verb leads to: the clause's subject, then the
quotation opening on what the document has it do or lets it do ("said that under the
declaration Pyongyang “must dismantle ...”", "“may keep ...”"); not a prediction ("...
Pyongyang “will keep every warhead”") nor a judgement ("... Seoul “gives up everything”")."""
_FRAMED_CLAUSE = re.compile(r",?[ \t]+(?:[Tt]he[ \t]+)?[A-Z][\w’'.-]*")
"""After a framing document: the clause's subject, a name ("Washington and Seoul", "the
DPRK"), before the quotation; not "in the statement “...”" or "in the statement itself"."""


def _object_of(chunk: str, document: tuple[int, int]) -> bool:
    """Whether a preposition just before the document makes it an object (`_OBJECT_OF`),
    read before its own determiner: `_DOC_CUE` may take words before it ("the North's
    grievances the declaration"); or the document owns people who are the subject ("the
    statement's critics call it")."""
    if _ITS_PEOPLE.match(chunk, document[1]):
        return True
    starts = [m.start() for m in _ITS_DETERMINER.finditer(chunk, document[0], document[1])]
    end = starts[-1] if starts else document[0]
    # (the words just before it: a search from the chunk's start read a long one whole)
    return _OBJECT_OF.search(chunk, max(0, end - _WORDS_BEFORE), end) is not None


_ITS_PEOPLE = re.compile(
    r"[’']s\s+(?:many\s+|most\s+|fiercest\s+|harshest\s+|loudest\s+)?(?:critics|detractors"
    r"|defenders|supporters|opponents|readers|admirers|sceptics|skeptics|fans)\b"
)
"""A document's people after it ("the statement's critics"): they speak, not it."""


_NO_SUBJECT = frozenset(("so", "thus", "or so", "and so", "and thus"))
"""Words before a speech verb that are no subject ("So says the statement")."""
_AND_THEN_SPOKE = re.compile(r"[\w\s]{0,30}?\b(?:but|and|yet)\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b")
"""After a document spoken about: a verb coordinated with the one before it ("... on the
statement directly but described"), whose subject is the sentence's."""
_ON_LABEL = re.compile(r"^[\s#*>_-]*((?:[\w’'.-]+[ \t]+){1,4}?)on[ \t]+$")
"""A headline's few words before "on" and a document (`_LABEL_END` after it): who
speaks about it."""
_LABEL_END = re.compile(r"[ \t]*:")
_NO_SPEAKER_LABEL = frozenset(
    "more notes note commentary comment comments reaction reactions update updates focus"
    " background analysis explainer context reading".split()
)
"""A headline's first word before "on": a rubric, not who speaks ("More on the statement:")."""
_CLOSED_BEFORE = re.compile(r"[”»\"][^“«\"]*$")
"""Before a document: a quotation closed, and none opened since."""
_ITS_DETERMINER = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\b")
_WORDS_BEFORE = 200
"""Characters before a speech verb or a document that the patterns reading the words
just before it need (each ends at it, and reads a few words back)."""
_OBJECT_OF = re.compile(
    r"\b(?:on|about|with|against|over|regarding|concerning|towards?|upon)[ \t]+$", re.IGNORECASE
)
"""Before a document: a preposition that makes it an object ("KCNA did not comment on the
statement directly but described ..."), never the subject of the verb after it."""
_JUDGED = re.compile(r"[ \t]*[\"“«„‘]?[^\W\d_]")
"""After a document a person names: a word or a quotation, which may judge it (not a
colon that introduces its text)."""
_CONTENT_AFTER = re.compile(
    r"[ \t]*(?:(?:also|even|further|itself|explicitly|clearly|actually|supposedly|allegedly"
    r"|reportedly|specifically|expressly|now|then|still|only)[ \t]+)*[\"“«„‘']?"
    # (an adverb opening the quotation: "the statement “strongly condemns ...”")
    r"(?:[a-z]+ly[ \t]+)?"
    r"(?P<negated>(?:do|does|did|would|will)[ \t]+not[ \t]+|never[ \t]+)?(?P<verb>[^\W\d_]+)"
)
_LIKENED = re.compile(
    r"[ \t]+(?:(?:more|less|rather|much|very|just|almost|a[ \t]+lot)[ \t]+)?"
    r"(?:like|as[ \t]+if|as[ \t]+though)\b",
    re.IGNORECASE,
)
"""After a verb: a likening ("reads like", "reads as if"), the speaker's judgement of the
text, not what it says."""
_STANCE_VERBS = frozenset(
    f"{verb}{ending}"
    for verb in """consider regard deem accept support oppose recognise recognize want reject
    condemn welcome endorse""".split()
    for ending in ("", "s", "ed", "d")
)
"""Verbs of taking a stand, which a quotation may negate and still give the words to the
document ("do not consider it unacceptable")."""
_CONTENT_VERBS = frozenset(
    f"{verb}{ending}"
    for verb in """say state read declare demand require provide stipulate commit oblige call urge
    ask propose pledge promise vow insist warn note stress emphasise emphasize affirm reaffirm
    confirm oppose support condemn reject welcome endorse recognise recognize accept describe
    mention contain include list express announce claim argue maintain hold conclude suggest
    envisage envision foresee set give grant allow offer impose want consider regard deem
    back favour favor advocate embrace threaten concede acknowledge admit find observe
    recall assert reiterate underline highlight agree stand name define cite spell close
    end open begin settle opt prefer choose""".split()
    for ending in ("", "s", "es", "d", "ed")
) | frozenset("says said read held set committed gave granted found admitted stood".split())
"""Verbs (third person, past) by which a document is said to say, ask or take a stand
("demands", "provides", "commits", "opposes", "stand firmly for"), not judged
("reflects", "rewards")."""


def _antecedent(chunk: str, verb: int, docs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The document a relative "which" just before a speech verb (or its aside) stands for:
    the last one named before it, with only words that go with it between ("the joint
    statement of July 4, which, he said, proposed"; "the declaration signed in Moscow,
    which urged"). The parenthetical "he said" is not the relative clause's subject.

    >>> _antecedent("the statement of July 4, which, he said, proposed", 30, [(0, 13)])
    (0, 13)
    """
    relative = _RELATIVE.search(chunk, 0, verb)
    if relative is None:
        return None
    before = [d for d in docs if d[1] <= relative.start()]
    if not before or not _POSTMODIFIER.fullmatch(chunk, before[-1][1], relative.start()):
        return None
    return before[-1]


def _modified(chunk: str, verb: int, docs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The document a participle phrase after it leads to the speech verb from: "The
    joint statement issued in Moscow on July 4 says" (its place and date are no speaker).
    """
    before = [d for d in docs if d[1] <= verb]
    if before and _PARTICIPLE_PHRASE.fullmatch(chunk, before[-1][1], verb):
        return before[-1]
    return None


_PARTICIPLE_PHRASE = re.compile(
    r"\s+(?:issued|released|signed|published|adopted|agreed|posted|dated|made public|put out)"
    r"\b[^;:()\[\]\"“”«»\n,]{0,80}\s+"
)
"""After a document: the participle of its making and its place and date, up to the verb."""

_RELATIVE = re.compile(r",\s*which\s*$")
_POSTMODIFIER = re.compile(r"[^;:()\[\]\"“”«»\n]{0,120}")
"""Words between a document and the "which" after it that go with the document: its date,
its authors, where it was signed; no clause break or quotation."""


def _authors_saying(
    text: str, chunk: str, base: int, at: int, authors: frozenset[str]
) -> int | None:
    """The end of the statement's authors named together just after a speech verb ending
    at `at` ("concluded that the two governments", "argued that Moscow and Beijing"), when
    a verb of saying or taking a stand follows them (`_reports_content`: "want", "“call on
    ..."): the words are the authors', reported. None otherwise ("that Russia and China
    “have long been rivals”")."""
    gap = _REPORTED_GAP.match(chunk, at)
    start = gap.end() if gap else at
    clause = _CLAUSE_WORDS.match(chunk, start)
    words = list(_SUBJECT_WORD.finditer(chunk, start, clause.end() if clause else start))
    for w in words[:_SUBJECT_WORDS]:
        named = chunk[start : w.end()]
        if _THE_PARTIES.fullmatch(named):
            # the statement's own word for its authors ("reported that the Parties were")
            return w.end() if _authors_words(text, base + w.end()) else None
        if _joint(named, authors):
            # every name the authors' own: not "Russia and the United States"
            own = all(_bare(n) in authors for n in _NAME.findall(named))
            return w.end() if own and _authors_words(text, base + w.end()) else None
    return None


_COPULA_LAST = re.compile(r"\s+(?:are|were|remain|remained)$", re.IGNORECASE)
"""A copula ending the words before a quotation's mark, after its subject."""
_THE_PARTIES = re.compile(r"[Tt]he\s+(?:two\s+)?Parties")
"""The statement's name for its authors."""


def _authors_quoted(
    text: str, chunk: str, base: int, authors: frozenset[str], found: list[Cue]
) -> list[Cue]:
    """The statement's authors named as the subject of a quotation that opens on their
    verb ("that the two ministries “call for ...”", "Russia and China agreed that “...”"),
    where no cue of the sentence comes before them: their words, as the document's."""
    out = []
    for mark in _OPENING_MARK.finditer(chunk):
        at = mark.start()
        if mark.group() == "'" and not text[base + at + 1 : base + at + 2].isalpha():
            continue  # a closing mark, or an apostrophe ("the '90s")
        # The report's source set aside between the authors and their words ("Russia
        # and China, according to TASS, “urge ...”"): the agency vouches for the report,
        # the words are still the authors'.
        aside = _SOURCE_ASIDE.search(chunk, max(0, at - _AGREED_REACH - 30), at)
        if any(
            c.span.start < base + (aside.start() if aside else at)
            and not _POSTER_LINE.match(text, c.span.end)
            for c in found
        ):
            break  # someone speaks before: `cues` has read whose words these are (not a
            # poster's line, "bear_and_dragon wrote:", over the post that names the authors)
        lead = None
        back = max(0, at - _AGREED_REACH)
        if not aside and any(chunk.find(word, back, at) >= 0 for word in _AGREEING):
            lead = _AGREED_THAT.search(chunk, back, at)  # (it holds one: searched only then)
        verb = aside.start() if aside else lead.start() if lead else at
        start, subject = _subject(chunk, verb)
        said_at = at  # where the authors' words may begin (`_authors_words`)
        if lead is None and not aside and (copula := _COPULA_LAST.search(subject)):
            # "the two ministries are “seriously worried ...”": the authors in a state,
            # in their words (`_STATE_QUOTED`), the copula no word of their name
            subject = subject[: copula.start()]
            said_at = start + len(subject)
        theirs = bool(subject) and _joint(subject, authors)
        if said_at != at and subject.casefold() == "they":
            # "On THAAD the two sides were blunt: they are “determined ...”": "they" after
            # a colon is the authors the clause before it names
            named = _THE_AUTHORS.search(chunk, 0, start)
            theirs = named is not None and chunk[named.end() : start].rstrip().endswith(":")
        if theirs and not all(_bare(n) in authors | _DETERMINERS for n in _NAME.findall(subject)):
            theirs = False  # "Russia and the United States"
        if (
            subject
            and not theirs
            and lead is not None
            and _COMMITTED.match(lead.group())
            and _NAMED_SUBJECT.fullmatch(subject)
        ):
            # someone else's commitment ("Critics committed to “...”", "Washington vowed
            # that “...”"): their words, not the statement's carried over from before
            span = Span(base + start, base + lead.end())
            out.append(Cue("person", span, span.of(text).rstrip(), how="its sentence's subject"))
            continue
        if not theirs:
            continue
        if lead is None and not _authors_words(text, base + said_at):
            continue  # "Russia and China “have long been rivals”" reads as the writer's
        span = Span(base + start, base + (lead.end() if lead else start + len(subject)))
        out.append(Cue("document", span, span.of(text), how=AUTHORS_SUBJECT))
    return out


def _in_their_words(
    text: str, chunk: str, base: int, authors: frozenset[str], found: list[Cue]
) -> list[Cue]:
    """ "in their words" whose "their" is the statement's authors, named at the sentence's
    start with no cue before it ("Moscow and Beijing want a region where, in their words,
    all the powers “...”", "The authors ..."): their words, as the document's.

    >>> text = "The authors want a region where, in their words, all “...”"
    >>> _in_their_words(text, text, 0, frozenset(), [])[0].text
    'in their words'
    >>> text = "Russia and China signed it, but officials, in their words, are “...”"
    >>> _in_their_words(text, text, 0, frozenset({"russia", "china"}), [])
    []
    """
    if "words" not in chunk:
        return []  # (what both patterns end with: most sentences are not searched)
    out = []
    for m in _IN_THEIR_WORDS.finditer(chunk):
        if any(c.span.start < base + m.start() for c in found):
            break  # someone speaks before: whose "their" it is, the cues have read
        # "their" is the last clause's subject: not the authors named in a clause before
        # it ("Russia and China signed it, but Japanese officials, in their words, ...")
        clauses = list(_CLAUSE_OPENING.finditer(chunk, 0, m.start()))
        start = clauses[-1].end() if clauses else 0
        words = list(_SUBJECT_WORD.finditer(chunk, start, m.start()))[:_SUBJECT_WORDS]
        named = [chunk[start : w.end()] for w in words]
        if any(_THE_AUTHORS.fullmatch(n.strip()) for n in named) or any(
            _joint(n, authors) and all(_bare(x) in authors for x in _NAME.findall(n)) for n in named
        ):
            span = Span(base + m.start(), base + m.end())
            out.append(Cue("document", span, span.of(text), how="in their words"))
    for m in _IN_AUTHORS_WORDS.finditer(chunk):
        # "In the ministries' words, “...”", "in Moscow and Beijing's words": the authors
        # named in the phrase itself
        if any(c.span.start < base + m.start() for c in found):
            break
        who = m.group("who")
        span = Span(base + m.start(), base + m.end())
        if _THE_AUTHORS.fullmatch(who) or (
            _joint(who, authors) and all(_bare(x) in authors for x in _NAME.findall(who))
        ):
            out.append(Cue("document", span, span.of(text), how="in their words"))
        elif _NAME_WORDS.fullmatch(who):
            # "In Lavrov's words, “...”": the person named
            out.append(Cue("person", span, span.of(text), how="in their words"))
    return out


_CLAUSE_OPENING = re.compile(
    r"(?:,\s*(?:but|while|whereas|who|which|although|though|yet)\b|;|:|\bbut\b)\s*", re.I
)
"""Where a clause of a sentence opens with a subject of its own."""
_IN_THEIR_WORDS = re.compile(r"\b[Ii]n[ \t]+their[ \t]+(?:own[ \t]+)?words\b")
_NAME_WORDS = re.compile(r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}")
"""A person's name of one to three capitalised words."""
_IN_AUTHORS_WORDS = re.compile(
    r"\b[Ii]n[ \t]+(?P<who>[\w \t-]{1,40}?)[’']s?[ \t]+(?:own[ \t]+)?words\b"
)
""""In the ministries' words", "in Moscow and Beijing's own words": whose words, named."""
_THE_AUTHORS = re.compile(
    r"(?:[Tt]he|[Ii]ts)[ \t]+(?:two[ \t]+)?(?:authors|signatories|sides|parties|Parties"
    r"|governments|ministries|foreign[ \t]+ministries|capitals)"
)
"""The statement's authors named by what they are ("the authors", "the two sides")."""
AUTHORS_SUBJECT = "the authors, its subject"
"""How `_authors_quoted` found its cue: the authors, named, speak as a verb would say."""
_DETERMINERS = frozenset("the both these their its".split())
_OPENING_MARK = re.compile(f"[{''.join(OPENERS)}\u2018'](?<![^\\s(\\[]')")
"""A quotation's opening mark: a double one, or a single one (‘, or ' after a space, which
must open a word in the text: British headlines quote so, "Russia and China 'will ...'").
(The look-behind after the class, which only a ' can fail, lets `re` skip to the marks:
before it, in an alternation, it had every character tried.)"""
_AGREED_REACH = 40
"""Characters before an opening mark read for the authors' agreement (not the sentence
from its start: a sentence of 20 KB, read once a mark, cost seconds)."""
_POSTER_LINE = re.compile(r"[ \t]*:[ \t]*\n")
"""After a cue: a colon ending its line, as a forum's "mira wrote:" over the post."""
SOURCE_WORDS = r"(?:according\s+to|as\s+reported\s+by|citing|per)"
"""The words that name a report's source ("according to TASS")."""
_SOURCE_ASIDE = re.compile(
    rf",\s*(?:{SOURCE_WORDS}\s[^,;:.“”\"«»]{{1,50}}"
    r"|(?:as\s+)?[^,;:.“”\"«»]{1,40}\s(?:reported|reports|noted|notes|wrote|writes))\s*,\s*$",
    re.IGNORECASE,
)
"""One aside set off by commas just before a quotation that names the report's source
(", according to TASS,", ", Xinhua reported,", ", as Reuters noted,"); not someone's claim
(", Trump claimed,"), whose words the quotation may be."""
_LEADING = r"\s+(?:(?:only|also|jointly|both)\s+)?(?:have\s+|had\s+)?"
_COMMITTING = (
    r"(?:commit(?:s|ted)?|pledge[sd]?|promise[sd]?|vow(?:s|ed)?|undert(?:ook|akes?)|resolved)"
)
_COMMITTED = re.compile(_LEADING + _COMMITTING + r"\b")
"""Verbs of commitment, which give the quotation after them to their subject, whoever it
is ("Critics committed to “", "the ministries only committed to taking “")."""
_AGREED_THAT = re.compile(
    _LEADING
    + r"(?:agreed?s?|commit(?:s|ted)?\s+themselves|"
    + _COMMITTING
    + r")\s+(?:that|to)(?:\s+[a-z]+ing)?\s*$"
)
"""The authors' agreement or commitment leading into the quotation ("Russia and China
agreed that “", "the ministries only committed to taking “")."""
_AGREEING = ("agree", "commit", "pledge", "promise", "vow", "undert", "resolved")
"""A word every `_AGREED_THAT` match holds, looked for with `str.find` before it is searched
(it ends at the quotation's mark, so `re` tries it at every character: 4.7 ms of the scan
benchmark's quotation stage, 0.4 ms so)."""
_NAMED_SUBJECT = re.compile(
    r"(?!(?:They|We|It|He|She|You|I|This|That|These|Those|What|Which|Who)\b)"
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:and|the|of)\s+)*[A-Z][\w’'.-]*)*"
)
"""A subject that names someone: capitalised words, "and", "the" and "of" between them
("Critics", "Russia and the United States"), no pronoun ("they're committed to")."""


def _authors_words(text: str, at: int) -> bool:
    """Whether what follows the authors named at `at` gives their words: a verb of saying
    or taking a stand (`_reports_content`), or a quotation opening on a modal
    ("the two sides “will jointly submit ...”")."""
    if _MODAL_QUOTED.match(text, at) or _STATE_QUOTED.match(text, at):
        return True
    adverb = _ADVERB_QUOTED.match(text, at)  # "the two sides “firmly oppose”"
    return _reports_content(text, adverb.end() if adverb else at)


_REPORTED_GAP = re.compile(
    r"[\s,]*(?:that\s+)?(?:(?:in|according\s+to)\s+(?:the|their|its)\s+(?:joint\s+)?"
    r"(?:statement|declaration|document|text)\s*,?\s+)?"
)
"""Between a speech verb and the authors it reports ("claimed, that the two sides",
"reported that in the statement Russia and China")."""
_MODAL_QUOTED = re.compile(
    r"[ \t]*[\"“«„‘'](?:will|would|shall|should|must|intend|plan)\b", re.IGNORECASE
)
"""A quotation opening on a modal, after the authors named as its subject."""
_STATE_QUOTED = re.compile(
    r"[ \t]*(?:(?:are|were|remain|remained)[ \t]+[\"“«„‘']|[\"“«„‘'](?:are|were)[ \t]+)"
    r"(?:[^\W\d_]+ly[ \t]+)?(?:[^\W\d_]+(?:ed|en)|ready|willing|eager|keen|able|unable|firm"
    r"|resolute|against)\b",
    re.IGNORECASE,
)
"""The authors said to be in a state, in words opening on a participle or an adjective of
readiness ("the two sides are “seriously worried”", "“are firmly opposed”", "were “ready
to ...”", "“are against ...”"): their words; not what someone calls them ("are “close allies”")."""
_ADVERB_QUOTED = re.compile(r"[ \t]*[\"“«„‘'][^\W\d_]+ly[ \t]+")
"""A quotation opening on an adverb, after the authors named as its subject."""


def _bare(name: str) -> str:
    return name.casefold().removesuffix("’s").removesuffix("'s")


_CLAUSE_WORDS = re.compile(r"[^\"“”«»„‘,;:.!?()\n]*")
"""Words after a speech verb up to a quotation mark or a clause break."""


def _set_out_part(chunk: str, authors: frozenset[str]) -> tuple[int, int] | None:
    """Where a sentence names a part of the text it sets out word for word ("The closing
    line, reproduced verbatim:", "Its key sentence, in full:"): the quotation after the
    colon, in its line or the next paragraph, is the statement's. None when the part is
    of another's words ("the closing line of Haley's reply, in full:").

    >>> _set_out_part("The final paragraph, in full:", frozenset())
    (0, 19)
    >>> _set_out_part("The closing line of Haley's reply, in full:", frozenset())
    """
    found = _SET_OUT.match(chunk)
    if found is None:
        return None
    whose = found.group("whose") or ""
    for word in _NAME_OR_OWNER.findall(whose):
        if word.casefold().removesuffix("’s").removesuffix("'s") not in authors:
            return None
    return found.start("part"), found.end("part")


STATEMENT_PART = (
    r"(?i:(?:the|its|their)[ \t]+(?:first|second|third|fourth|fifth|sixth|last|final|opening"
    r"|closing|\d{1,2}(?:st|nd|rd|th))[ \t]+(?:point|paragraph|section|clause|sentence|line)"
    r"|(?:point|paragraph|para\.?|section|clause)[ \t]+(?:\d{1,2}|one|two|three|four|five|six))"
)
"""A part of the statement by its place ("the fifth point", "paragraph 3"), which
`speakers` reads as whom a source quotes too."""
PART_OPENS = re.compile(rf"[ \t]*(?P<part>{STATEMENT_PART})\b(?![ \t]+of\b)")
"""A paragraph opening on a part of the statement by its place ("The first point is blunt
about the launch:", "Point 4, on the other hand:"; not "The last line of the senator's
letter", another text's)."""
PART_PRESENTED = re.compile(
    rf"\b(?:[Hh]ere[ \t]+(?:is|are|comes)|[Hh]ere[’']s|[Bb]elow[ \t]+(?:is|are)"
    rf"|(?:is|are|comes|sits|lies)[ \t]+in)[ \t]+"
    rf"(?P<part>{STATEMENT_PART})\b(?![ \t]+of\b)"
)
"""A part of the statement by its place presented anywhere in the line before its words
("... so here is point 6 with the two paragraphs that follow it, exactly as posted:", "The
key line is in point 6:")."""


_PART_NAMED = re.compile(
    r"\s*(?:(?:the|its)\s+(?:(?:first|second|third|last|final|opening|closing|key)\s+)?"
    r"(?:sentence|line|paragraph|passage|clause|words?)\s+of\s+)?"
    rf"(?:{STATEMENT_PART}|(?:the|its)\s+(?:joint\s+)?(?:statement|declaration|text))\b"
    r"(?![ \t]+of\b)",
    re.IGNORECASE,
)
"""A subject after its verb naming a part of the statement ("reads the final sentence of
point 4", "reads point 6")."""


def _part_introducing(chunk: str) -> tuple[int, int] | None:
    """Where a sentence names a part of the statement by its place just before a colon
    that opens a quotation ("The key line is in point 6: “...”", "The sixth point is
    blunt: “...”", "... its fourth point, which reads in the official translation: “...”"):
    the words after the colon are the statement's. `reading` reads a paragraph before a
    quotation so (`PART_OPENS`, `PART_PRESENTED`); this is the same line inline.

    >>> _part_introducing("The key line is in point 6: “They are against ...”")
    (19, 26)
    >>> _part_introducing("Its fourth point, which reads in full: “The Parties ...”")
    (0, 16)
    >>> _part_introducing("The last line of Haley's reply is blunt: “We will not ...”")
    """
    for colon in _COLON_OPENING.finditer(chunk):
        start = max(0, colon.start() - _PART_REACH)
        clause = _CLAUSE_START.match(chunk, start, colon.start())
        if clause is not None:
            start = clause.end()
        # (the part may open the clause after an opening phrase: "For readers working on
        # inter-Korean relations, its fifth point is the one to note:")
        comma = chunk.rfind(",", start, colon.start()) + 1
        opens = next(
            (
                found
                for at in dict.fromkeys((start, comma or start))
                if (found := PART_OPENS.match(chunk, at)) is not None
                and _FEW_WORDS.fullmatch(chunk, at, colon.start())
            ),
            None,
        )
        found = (
            opens
            or PART_PRESENTED.search(chunk, start, colon.start())
            or _PART_READS.search(chunk, start, colon.start())
        )
        if found is not None:
            return found.start("part"), found.end("part")
    return None


_COLON_OPENING = re.compile(r":[ \t]*(?:\n?[ \t]*(?=[\"“«„‘])|\s*\Z)")
"""A colon that opens a quotation, there or at the next line's start, or ends the sentence
(a block quotation follows)."""
_PART_REACH = 120
"""Characters before such a colon in which a part of the statement introduces it."""
_CLAUSE_START = re.compile(r".*(?:[.!?;:][ \t]+|\n)", re.DOTALL)
"""Up to the last sentence or clause break before the colon: the words that introduce."""
_FEW_WORDS = re.compile(r"[ \t]*(?:[^\s:;.!?\"“”«»]+[ \t,]+){0,8}[^\s:;.!?\"“”«»]+[ \t]*")
"""A label's few words: a part of the statement opening them is its subject."""
_PART_READS = re.compile(
    rf"(?P<part>{STATEMENT_PART})\b(?![ \t]+of\b),?[ \t]+(?:which|that)[ \t]+"
    r"(?:reads|says|states|runs|goes|is[ \t]+worded)\b[^\"“”«»„‘.!?;\n]{0,60}$"
)
"""A part of the statement by its place, then "which reads" ("its fourth point, which reads
in the official translation")."""


_SET_OUT = re.compile(
    r"\s*(?P<part>(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:line|paragraph|sentence|passage|clause|section|wording|text|conclusion|point)s?"
    r"(?P<whose>\s+(?:on|about|of|in)\s+[^,:;.!?\"“”«»\n]{1,60}?)?)"
    r"\s*,?\s*(?:(?:reproduced|quoted|given|set\s+out|printed|cited|copied)\s+)?"
    r"(?:verbatim|in\s+full|word\s+for\s+word|in\s+its\s+entirety)\s*:"
    r"(?=\s*(?:$|[\"“«„‘]))"
)
"""A sentence naming a part of a text and saying it follows whole: a label before a
colon, then the end of the sentence or the quotation's mark."""
_NAME_OR_OWNER = re.compile(r"\b[A-Z][\w’'-]*|\b[\w-]+[’']s\b|\b(?:his|her|my|our|your)\b")
"""In the words saying whose part it is: a name or an owner, which must be the authors'."""


def _opens_a_line(text: str, at: int) -> bool:
    """Whether only spaces stand between `at` and the start of its line."""
    line = text.rfind("\n", 0, at) + 1
    return not text[line:at].strip(" \t\u00a0")


def _described(text: str, chunk: str, base: int, doc: tuple[int, int]) -> bool:
    """Whether the document named at `doc` (no speech verb) is only described by the
    quotation after it: a form of "be", then words in quotation marks that are not a
    participle ("the statement is “a responsible blueprint”", "the text was “conciliatory
    but empty”"), or a verb of judging before it and "as" after ("critics see the
    document as “a gift to Pyongyang”"). Then the words are what someone calls it. The
    statement's authors ("the Parties are “seriously worried”") and a participle ("the
    document was “signed on July 4”") say its words. A quotation opening on "is a" after
    the document describes it too ("that the statement “is a stabilizer for the region”")."""
    if not _DOCUMENT_NOUN.search(chunk, doc[0], doc[1]):
        return False
    if _SEEN_AS.search(chunk, max(0, doc[0] - 40), doc[0]) and _AS_QUOTED.match(chunk, doc[1]):
        return True  # "critics see the document as “a gift to Pyongyang”": their word for it
    if _DESCRIBED_INSIDE.match(text, base + doc[1]):
        return True  # "the statement “is a stabilizer for the region”": its name for it
    at = doc[1]
    dated = DATED_AFTER.match(chunk, at)
    if dated is not None:
        at = dated.end()  # "the statement of 4 July 2017 is “a masterpiece ...”"
    if _DONE_TO_IT.match(chunk, at) and not _MADE.match(text, base + doc[1]):
        return True  # "was signed “with great fanfare”": how it was done, the page's words
    if _DESCRIBED_AS.match(chunk, at):
        return True  # "the statement was described as “...”": someone's word for it
    found = _DESCRIBED.match(chunk, at)
    if found is None:
        return False
    if found.group("article"):
        return True
    return _PARTICIPLE.match(text, base + found.end()) is None


_NAMING_PARTICIPLE = r"(?:calling|dubbing|branding|labell?ing|terming|nicknaming)"
"""Participles that give something a name."""
_NAMED_AS = re.compile(rf"\b{_NAMING_PARTICIPLE}\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)
"""A participle naming what comes after it ("calling the statement", "dubbing the
document"): with words in quotation marks after the document, the subject's name for it."""
_QUOTED_AFTER = re.compile(r"[ \t]*[\"“«„]")
_NAMED_IT = re.compile(
    rf",?[ \t]+{_NAMING_PARTICIPLE}[ \t]+(?P<it>it)(?=[ \t]*[\"“«„])", re.IGNORECASE
)
"""After a document, a participle naming it by "it" before words in quotation marks."""
_DOCUMENT_NOUN = re.compile(r"(?i:statement|document|declaration|communiqu|text)")
_SEEN_AS = re.compile(
    r"\b(?:see|sees|saw|seen|seeing|view|views|viewed|viewing|regard|regards|regarded"
    r"|regarding|treat|treats|treated|dismiss|dismisses|dismissed|read|reads"
    r"|characteri[sz](?:e|es|ed|ing)|portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|paint(?:s|ed|ing)?"
    r"|cast(?:s|ing)?|frame(?:s|d)?|framing|describing)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
"""A verb of judging just before a document ("see the document as", "dismissed the
statement as"): what follows "as" is the judge's word for it."""
_AS_QUOTED = re.compile(r"\s+as\s+(?:(?:just|merely|only|simply|nothing\s+but)\s+)?[\"“«„‘]")
_DESCRIBED_AS = re.compile(
    r"\s+(?:is|was|are|were|has\s+been|had\s+been|is\s+being|was\s+being)\s+(?:\w+ly\s+)?"
    r"(?:described|characteri[sz]ed|portrayed|painted|dismissed|hailed|praised|derided|seen"
    r"|viewed|regarded|branded|labell?ed|called|dubbed|termed)\s+(?:as\s+)?[\"“«„‘]"
)
"""A passive of judging or naming between a document and a quotation, no one named ("the
statement was described as “...”"): someone's word for it, not its words."""
_DESCRIBED = re.compile(
    r"\s+(?:is|was|remains|remained|seems|seemed|sounds|looks)\s+"
    r"(?:(?:just|merely|only|simply|nothing but|like|full of|riddled with|little more than"
    r"|no more than|nothing more than|mostly|largely|pure|sheer)\s+)*"
    r"(?P<article>(?:an?|the)\s+)?[\"“«„‘]"
)
"""A form of "be" between a document named without a speech verb and a quotation."""
_DONE_TO_IT = re.compile(
    r"\s+(?:is|was|were|has\s+been|had\s+been)\s+(?:[^\W\d_]+ly\s+)?[^\W\d_]+(?:ed|en)\s+[\"“«„‘]"
)
"""A participle of what was done with a document before a quotation ("was signed “...”"):
the words after it tell how, in someone's words, unless they are its signing line
(`_MADE`)."""
_DESCRIBED_INSIDE = re.compile(
    r"[ \t]*[\"“«„‘](?:is|was|remains|seems)[ \t]+(?:(?:just|merely|only|simply)[ \t]+)*"
    r"(?:an?|the)[ \t]+"
)
"""The same form of "be" opening the quotation, then an article: "the statement “is a
stabilizer”" is what the page calls it, not words the statement says of itself."""
_PARTICIPLE = re.compile(r"(?:[^\W\d_]+ly\s+)?[^\W\d_]+(?:ed|en)\b")
"""A quotation opening with a participle ("was “signed on July 4”") says what was done
with the document, in its words; any other (a noun phrase, an adjective: “conciliatory
but empty”) is what someone calls it."""
LINE_LABEL = "line label"
"""`Cue.how` of a `_LINE_LABEL`: it speaks its own line only, never the next sentence's."""
_LINE_LABEL = re.compile(
    r"\A[ \t]*(?:[-*•][ \t]+)?(?P<label>[^\s:;.!?\"“”«»‘’(]"
    r"(?:[^\n:;.!?\"“”«»‘’]|(?<=[^\W\d_])’(?=[^\W\d_])){0,58}?)"
    r"[ \t]*:[ \t]+(?=[^\n\"“«„‘]+[\"“«„‘])"
)
"""A label opening a line (or a list item) whose quotation comes later in the line: who
speaks the line's words ("- Victor Cha (CSIS): the proposal is “...”", "Global Times
editorial: the statement is “...”"). Parentheses may name the speaker's body."""
_CLAUSE_LABEL = re.compile(
    _LINE_LABEL.pattern.replace(r"\A[ \t]*(?:[-*•][ \t]+)?", r"(?<=[;|\u2014\u2013])[ \t]*", 1)
)
"""`_LINE_LABEL` after a semicolon, a bar or a dash in the line: a headline's second
speaker ("Joint plan calls for “double freezing”; Japan’s Suga: proposal “misses the
point”")."""
_NEXT_LINE_LABEL = re.compile(
    _LINE_LABEL.pattern.replace(
        r"\A[ \t]*(?:[-*•][ \t]+)?", r"(?:(?<=[”\"’».!?|][ \t]\n)|(?<=[”\"’».!?|]\n))[ \t]*", 1
    )
)
"""`_LINE_LABEL` opening a later line of the sentence, after a line ending in a closing
mark or a full stop: a list of labelled quotations whose markers the reading dropped."""
_LABEL_WORDS = 8
"""Most words of a label: more are a sentence ("A correspondent summed up the day:")."""
_PERSON_LABEL = re.compile(
    r"\b[A-Z][a-z’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]"  # a name: "Wu Dawei", "Sergei V. Lavrov"
    r"|(?i:\b(?:anchor|correspondent|reporter|host|guest|moderator|spokes(?:man|woman|person)"
    r"|envoy|minister|ambassador|senator|president|premier|analyst|official|professor"
    r"|secretary|chairman|diplomat|expert|commentator|lawmaker|deputy|reader|commenter"
    r"|viewer|caller|leader|chief|head|general|admiral|adviser|advisor|mayor|governor"
    r"|councillor|councilor|mp|legislator|negotiator|scholar|researcher|economist)s?\b)"
    r"|\((?i:[^()\n]{0,30}\b(?:interpreter|interpreted|interpretation|translator|translated"
    r"|translation)\b[^()\n]{0,20})\)"
)
"""A label that names a person: two capitalised words, a role (any case, "ANCHOR"), or a
transcript's speaker heard through an interpreter ("LAVROV (via interpreter)", "WANG YI
(via translator)", "ZAKHAROVA (in Russian, interpreted)"). A
news agency's name alone is none: agencies relay the statement's words as often as they
speak their own ("TASS: “allied relations between certain states ...”")."""
_BRACKETED_TAIL = re.compile(r"\s*\([^()]*\)$")
"""A label's name or role in brackets after it ("@ArmsControlWonk (Jeffrey Lewis)")."""
_HANDLE = re.compile(r"@\w{2,}")
"""A social-media handle: a person's label when it stands alone on its line and the next
line is the quotation ("@Watcher:¶“...”"); in a post's own line ("@Watcher: “Benevolence”
lol") the post quotes someone else."""
_LABEL_SUPERSET = (rb":[^\n]*\n?[ \t]*(?:\"|\xe2\x80[\x9c\x98\x9e]|\xc2\xab)",)
"""Where `_LABEL` or `_LINE_LABEL` may match: a colon, then a quotation mark in its line
or opening the next."""


def _scare_quoted(chunk: str, verb: int, docs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The document straight before a word or two in quotation marks and then the verb
    ("the joint statement “rightly” noted that ..."): a scare-quoted adverb between the
    subject and its verb, which the prose blanks."""
    found = _SCARE_QUOTE.search(chunk, max(0, verb - _SCARE_REACH), verb)
    if found is None:
        return None
    return next(
        (d for d in docs if d[1] == found.start() or chunk[d[1] : found.start()].isspace()), None
    )


_SCARE_QUOTE = re.compile(r"[ \t]*[\"“‘'][ \t]{1,24}[\"”’'][ \t]*$")
"""A short quotation, blanked in the prose, ending where a verb starts."""
_SCARE_REACH = 30
_SET_OFF_BEFORE = re.compile(r",[ \t]*$")
_SET_OFF_AFTER = re.compile(r"[ \t]+")
"""A speech verb after a comma and straight before a document, another comma after it
(", says the statement,")."""


def _reporter_goes_on(kept: list[re.Match[str]], verb: str) -> bool:
    """Whether a verb coordinated after the document's own verb is the reporter's next act,
    not the document going on: "and then said those measures ...", "and later called",
    or a verb in the past ("... the statement says they “...”, and added that ..."), where
    the document's verbs are in the present.

    >>> _reporter_goes_on(list(re.finditer(r"\\w+", "and then")), "calls")
    True
    >>> _reporter_goes_on(list(re.finditer(r"\\w+", "and")), "says")
    False
    """
    words = {w.group().casefold() for w in kept}
    return bool(words & _SEQUENCE) or verb.casefold() in _PAST_SPEECH or verb.endswith("ed")


_SEQUENCE = frozenset({"then", "later", "afterwards", "afterward", "subsequently"})
_PAST_SPEECH = frozenset({"said", "told", "wrote", "spoke"})


def _coordinated(kept: list[re.Match[str]], chunk: str) -> bool:
    """Whether the words just before a speech verb join it to the verb before ("and
    called", "but described"), so that it has that verb's subject: after a comma, what
    stands before ", and" is the clause before, whatever it ends in ("... “...” against
    THAAD, and then called")."""
    # (`kept` runs back from the verb: "and then called" is ["then", "and"])
    words = [w for w in kept if w.group().casefold() not in _ADVERBS]
    if not words or words[0].group().casefold() not in _AND_BUT:
        return False
    if chunk[: words[0].start()].rstrip().endswith(","):
        return True
    return all(w.group().casefold() in _AND_BUT for w in words)


_AND_BUT = frozenset({"and", "but"})
_ADVERBS = frozenset({"also", "then", "later", "even", "further", "again"})

_ADDING = re.compile(r"(?:saying|adding|noting|warning|insisting|stressing)\b")
"""A gerund of saying, whose speaker is the sentence's subject."""
_CONTROLLED = re.compile(
    r"\b(?:(?:only|in\s+order|so\s+as)\s+)?to\s+(?:say|state|add|note|stress|declare|warn"
    r"|insist)\b|\b(?:by|in)\s+(?:saying|stating|adding|noting|stressing|declaring|warning"
    r"|insisting|calling|urging|asking|proposing)\b"
)
"""A verb of saying whose subject is its clause's ("only to say", "goes on to add", "end by
saying", "ended their paper by calling for")."""


def _opening_document(docs: list[tuple[int, int]], before: int) -> tuple[int, int] | None:
    """The document cue opening its sentence (within `_CLAUSE_REACH`) and ending before
    offset `before`, the subject of a verb there ("The statement mentions X only to say",
    "The statement goes further, saying"), if any."""
    return next((d for d in docs if d[1] <= before and d[0] < _CLAUSE_REACH), None)


def _gerund_of_the_subject(
    text: str,
    chunk: str,
    base: int,
    m: re.Match[str],
    docs: list[tuple[int, int]],
    authors: frozenset[str],
) -> Cue | None:
    """The cue of a gerund of saying after a comma (`m`), whose speaker is the subject
    opening its sentence: the document ("The statement goes further, saying"), the
    authors together ("The ministries went further, saying"), or someone named straight
    before a verb ("Critics attacked the statement, saying it “...”"); None when the
    sentence opens otherwise (a dateline: "Seoul, July 5 - Russia and China issued ...")."""
    span = Span(base + m.start() + 1, base + m.end())
    if _opening_document(docs, m.start()) is not None:
        return Cue("document", span, span.of(text).strip())
    words = _SUBJECT_WORD.findall(chunk[: m.start()])
    subject = " ".join(
        itertools.takewhile(lambda w: w[:1].isupper() or w.casefold() in _IN_A_SUBJECT, words)
    )
    if subject and (_THE_AUTHORS.fullmatch(subject) or _joint(subject, authors)):
        return Cue("document", span, span.of(text).strip())
    if _NAME_THEN_VERB.match(chunk, 0, m.start()):
        return Cue("person", span, span.of(text).strip())  # "Critics attacked it, saying"
    return None  # (a sentence opening otherwise is read as before: "Seoul, July 5 - ...")


_NAME_THEN_VERB = re.compile(
    rf"[ \t]*(?!{NOT_A_NAME}\b)[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){{0,2}}[ \t]+[a-z]"
)
"""A sentence opening on a name or a plural of people and then its verb ("Critics attacked",
"Sergei Lavrov went")."""
_COMMA_GERUND = re.compile(r",[ \t]+" + _ADDING.pattern)
"""A gerund of saying after a comma, whose speaker is the sentence's subject."""
_IN_A_SUBJECT = frozenset(
    "and the two both its their foreign ministries ministers sides parties capitals"
    " governments signatories authors".split()
)
"""Lower-case words a subject naming the authors may hold ("the two foreign ministries")."""
_NAMED_OPENING = re.compile(rf"\s*(?P<who>(?!{NOT_A_NAME}\b)[A-Z][\w’'-]+)")
"""A clause opening on a name ("Lavrov closed by urging"): whose gerund of saying it is."""
_CLAUSE_REACH = 12
"""Characters from a sentence's start within which a document opens it as the subject."""


def another_document(
    sentence: Span, prose: str, authors: frozenset[str], text: str | None = None
) -> bool:
    """Whether `sentence` names a document that is not the statement ("The G7 communique",
    "the Joint Statement of September 19, 2005", "that document" after one) before its
    first quotation mark: what it goes on about is that one's, not the statement named in
    the sentence before. `text`: the page with its quotations (see `_names_another`)."""
    chunk = prose[sentence.start : sentence.end]
    head = _BEFORE_QUOTATION.match(chunk)
    before = chunk[: head.end() if head else 0]
    return _other_subject(before) or any(
        _names_another(m, chunk, prose, sentence.start, authors, text) for m in doc_cues(before)
    )


def _other_subject(head: str) -> bool:
    """Whether the clause a quotation's sentence opens with (after any phrase set off by a
    comma) has another document as its subject: "By contrast, UN Security Council
    resolution 2321 had condemned the DPRK's «...»", "The lease requires “...”".

    >>> _other_subject("By contrast, UN Security Council resolution 2321 had condemned ")
    True
    >>> _other_subject("Citing resolution 2321, the ministers said "), _other_subject("It says ")
    (False, False)
    >>> _other_subject("Clause 4 of the statement says ")
    False
    >>> _other_subject("The NPT, for its part, obliges every signatory ")
    True
    >>> _other_subject("And will she remind the House that the NPT obliges each state ")
    True
    >>> _other_subject("The statement notes that resolution 2321 demands ")
    False
    >>> _other_subject("@un_nerd · Jul 5\\nfwiw UNSC res 2371 ")
    True
    """
    head = _INNER_ASIDE.sub(" ", head)  # "The NPT, for its part, obliges"
    clause = head[max(head.rfind(","), head.rfind("\n")) + 1 :]  # (a post's byline line)
    if _OUR_DOCUMENT.search(clause):
        return False  # "Clause 4 of the statement says", "The statement says that ..."
    clause = clause[clause.rfind(" that ") + 1 :]  # "remind the House that the NPT obliges"
    found = _OTHER_DOCUMENT.search(clause)
    return found is not None and len(clause[: found.start()].split()) <= _SUBJECT_LEAD


_INNER_ASIDE = re.compile(r",[ \t]+[^,;:]{1,40}?,(?=[ \t]+\w)")
"""An aside between commas inside a clause (", for its part,")."""
_SUBJECT_LEAD = 4
"""Most words before another document's name for it to be its clause's subject ("UN
Security Council resolution 2321")."""


_BEFORE_QUOTATION = re.compile(r"[^\"“”„«»]*")


def _its_issue(chunk: str, m: re.Match[str]) -> bool:
    """Whether document cue `m` of `chunk` only dates something by the document's issue
    ("Trump reacted before the statement was issued:", "Lavrov spoke after the statement
    was signed"): the sentence's speaker is someone else, not the document.

    >>> text = "Trump reacted before the statement was issued:"
    >>> _its_issue(text, next(doc_cues(text)))
    True
    >>> text = "When it was issued, the statement said"
    >>> _its_issue(text, next(doc_cues(text)))
    False
    """
    return bool(
        _WHEN_BEFORE.search(chunk, max(0, m.start() - _WHEN_REACH), m.start())
        and _ISSUED.match(chunk, m.end())
    )


_WHEN_REACH = 20
_WHEN_BEFORE = re.compile(
    r"\b(?:before|after|when|as|since|until|till|once|while|by\s+the\s+time)\s+$", re.I
)
_ISSUED = re.compile(
    r"\s+(?:(?:was|were|had\s+been|has\s+been|got)\s+(?:\w+ly\s+)?(?:issued|signed|released"
    r"|published|adopted|announced|posted|unveiled|read\s+out|made\s+public|agreed)"
    r"|(?:came|went)\s+out|appeared)\b"
)
"""A document's issue after its name, in a clause that dates by it (`_WHEN_BEFORE`)."""


def _names_another(
    m: re.Match[str],
    chunk: str,
    prose: str,
    base: int,
    authors: frozenset[str],
    text: str | None = None,
) -> bool:
    """Whether document cue `m` of `chunk` (at `base` in `prose`) names another document:
    another body's, one dated to another year, or one a pointing cue points back at.
    `text`: the page with its quotations (`prose` blanks them), where "that statement"
    may point back at a document a quotation names."""
    return (
        _another_body(m.group(), authors)
        or _on_another_topic(chunk, m)
        or _dated_otherwise(chunk[m.end() : m.end() + _DATE_REACH], authors)
        or _of_another(m.group(), prose, base + m.start(), authors)
        or (
            text is not None
            and _THAT_DOCUMENT.fullmatch(m.group().strip()) is not None
            and _of_another(m.group(), text, base + m.start(), authors)
        )
    )


def _on_another_topic(chunk: str, m: re.Match[str]) -> bool:
    """Whether a document cue `m` names its topic, "on ...", and it is not the statement's:
    "a joint statement on trade", "the joint statement on the current world situation"
    (the two sides signed several the same day); not "the joint statement on Korea", "on
    the Korean Peninsula", "on North Korea's missile tests".

    >>> [_on_another_topic(t, re.search("statement", t)) for t in (
    ...     "the statement on trade says", "the statement on the Korean Peninsula says")]
    [True, False]
    """
    if not _NOUN_ENDS.search(m.group()):
        return False  # ("the statement's call on ...": the noun is not the cue's last word)
    topic = _TOPIC.match(chunk, m.end())
    if topic is None or _NOT_A_TOPIC.match(topic.group("topic")):
        return False  # when or where it stands: "on Tuesday", "on the ministry's website"
    return _OUR_TOPIC.search(topic.group("topic")) is None


_NOUN_ENDS = re.compile(r"(?:statement|declaration|communiqu[eé]|document|text)$", re.IGNORECASE)
_TOPIC = re.compile(
    r"(?:\s+(?:of|by)(?:\s+(?:the|two|and|of|heads\s+of\s+state|leaders|presidents|ministers"
    r"|[A-Z][\w’'-]*)){1,14})?"
    r"\s+on\s+(?P<topic>[^,.;:!?\"“”«»()\n]{3,80})"
)
"""A document's topic after its noun ("on trade", "on the current world situation"; not one
set off by a comma, "the statement, on the joint initiative", a part of it), or after
whose it is ("of the Presidents
on the current world situation", "of the Russian Federation and the People's Republic of
China on ...", "by the two leaders on ..."; not a date, "of July 4 builds on")."""
_NOT_A_TOPIC = re.compile(
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june"
    r"|july|august|september|october|november|december|\d|the\s+\d|(?:the\s+)?(?:eve|day|night"
    r"|morning|evening|occasion|sidelines|record|behalf)\b|(?:the|its|their|his|her|a)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:website|site|page|homepage|portal|account|channel|feed|blog"
    r"|record)\b|(?:twitter|telegram|facebook|wechat|weibo|x|tv|television|air|radio)\b)"
)
"""What follows "on" that is when or where a document stands, not what it is on."""
_OUR_TOPIC = re.compile(
    r"\b(?:kore\w*|peninsula|dprk|pyongyang|seoul|nuclear|missile\w*|thaad|denucleari\w*"
    r"|northeast|north-east|the\s+north|launch\w*|tests?|drills?|exercises?|crisis|tensions?"
    r"|freez\w*|region|regional|initiative|roadmap|settlement|talks|dialogue)\b",
    re.IGNORECASE,
)
"""Words of the statement's own topic, the Korean Peninsula."""


_THAT_DOCUMENT_PATTERN = (
    r"(?i:that|the\s+same|the\s+earlier|the\s+older)\s+(?:joint\s+)?(?:document|statement"
    r"|declaration)"
)
_THAT_DOCUMENT = re.compile(_THAT_DOCUMENT_PATTERN)
"""A cue pointing back at a document by its noun ("That joint statement, from the six-party
talks, committed ..."): the one named last, even inside a quotation ("... formulated in
the Joint Statement of September 19, 2005”")."""


def _of_another(cue: str, prose: str, at: int, authors: frozenset[str] = frozenset()) -> bool:
    """Whether a document cue that names no document ("the text", "the same clause", "that
    paragraph") points back at another one the page named last: "Clause 7 of the lease
    covers repairs. The same clause asks ...", "Resolution 2321 is silent on talks. The
    text does not say ...". Such a cue is the statement's only where the statement (or its
    authors) is named after any other document the page named before it (within
    `_TOPIC_REACH`); with no document named before it, it is the statement's, as a page
    quoting only the statement calls it "the text".

    >>> _of_another("The text", "The lease is short. The text", 20)
    True
    >>> _of_another("The text", "The lease and the statement differ. The text", 36)
    False
    >>> _of_another("The text", "Step two. The text", 10)
    False

    A line ("its last line says", "The opening line reads") is the statement's only where
    the last document the page named before it is the statement: a poem's, a phone call's
    or a resolution's last line is not. So is a name a page gives the statement once it
    has named it ("the roadmap", "the initiative", "the paper", "the proposal"): a page
    that never named it may mean another one.

    >>> _of_another("its last line", "The statement was signed, its last line", 26)
    False
    >>> _of_another("The last line", "The poem ends. The last line", 15)
    True
    """
    if _ALIAS.search(cue):
        before = prose[max(0, at - _TOPIC_REACH) : at]
        named = [m for m in doc_cues(before) if _DOCUMENT_NOUN.search(m.group())]
        since = named[-1].end() if named else 0
        # "Moscow's mayor unveiled a city transport roadmap ... The roadmap calls for":
        # the one the page brought in since it named the statement
        return _line_of_another(before, authors) or any(
            not _NAMING.search(before, max(since, at - _NAMING_REACH), at)
            for m in _BROUGHT_IN.finditer(before, since)
            for at in (m.start("a") if m.group("a") else m.start(),)
        )
    if _LINE.search(cue):
        return _line_of_another(prose[max(0, at - _TOPIC_REACH) : at], authors)
    if _BARE_STATEMENT.fullmatch(cue.strip()):
        # "In a separate joint statement, Japan and Australia said .... The statement also
        # commits both sides to": the other one, named just before and ours not since
        before = prose[max(0, at - _BARE_REACH) : at]
        separate = [m.end() for m in _SEPARATE.finditer(before)]
        return bool(separate) and _OUR_DOCUMENT.search(before, separate[-1]) is None
    if not _POINTING.match(cue):
        return False
    before = prose[max(0, at - _TOPIC_REACH) : at]
    # (a statement dated to another year is another's: "the Joint Statement of September
    # 19, 2005"; so is one on another topic: "the joint statement on the current world
    # situation")
    ours = max(
        (
            m.end()
            for m in _OUR_DOCUMENT.finditer(before)
            if not _dated_otherwise(before[m.end() : m.end() + _DATE_REACH], authors)
            and not _on_another_topic(before, m)
        ),
        default=-1,
    )
    dated = any(
        _dated_otherwise(before[m.end() : m.end() + _DATE_REACH], authors)
        or _on_another_topic(before, m)
        for m in _DOCUMENT_NOUN.finditer(before, max(0, ours))
    )
    return dated or _OTHER_DOCUMENT.search(before, max(0, ours)) is not None


def _line_of_another(before: str, authors: frozenset[str]) -> bool:
    """Whether the last document named in `before` (a cue holding a document's noun, "the
    joint statement", "the G20 communique") is not the statement, or none is."""
    named = [m for m in doc_cues(before) if _DOCUMENT_NOUN.search(m.group())]
    if not named or _another_body(named[-1].group(), authors):
        return True
    return _OTHER_DOCUMENT.search(before, named[-1].end()) is not None


_ALIAS = re.compile(r"(?i)\b(?:roadmap|initiative|paper|proposal)\b")
_BROUGHT_IN = re.compile(
    r"(?i)(?:\b(?:unveil|announc|releas|publish|present|put\s+forward|tabl|float|propos|offer"
    r"|issu|launch|draft|adopt|submit|circulat)\w*\s+(?:[\w-]+\s+){0,2}?(?P<a>a|an|another)"
    r"|\b(?P<whose>his|her|[\w-]+['’]s))\s+(?:(?!joint\b)[\w-]+\s+){0,3}?"
    r"(?:roadmap|initiative|paper|proposal)\b"
)
"""One of those names given to something the page brings in, someone's ("Moscow's mayor
unveiled a city transport roadmap", "Seoul's initiative"): "the roadmap" after it is that
one. Not one the statement is said to hold ("At its heart is a proposal"), a joint one,
nor one the page calls the statement (`_NAMING`): "present it as a joint initiative",
"Diplomats call the text a roadmap"."""
_NAMING = re.compile(
    r"(?i)(?:\b(?:call|calls|called|dub|dubs|dubbed|term|terms|termed|describe|describes"
    r"|described|present|presents|presented)\b[^.;:!?]*|\bas\s+)$"
)
_NAMING_REACH = 60
"""Characters before a name in which a verb of naming makes it the statement's."""
"""What a page may call the statement once it has named it (the road map the two
ministries set out, their joint initiative)."""
_LINE = re.compile(r"\b(?:first|last|final|opening|closing)\s+line\b", re.IGNORECASE)
"""A document's first or last line, named as a part of it ("its last line says")."""
_POINTING = re.compile(
    r"(?i)(?:the|this|that)\s+(?:(?:same|next|following|previous|preceding|last|final|first"
    r"|opening|closing|key|relevant)\s+)?(?:text|passage|paragraph|sentence|clause|point"
    r"|section|line|preamble|wording|language|original|version)\b"
    r"|" + _THAT_DOCUMENT_PATTERN + r"\b"
)
"""A document cue that names no document: what it points back at, the page named before
("that document" too: the one named last)."""
_OTHER_DOCUMENT = re.compile(
    r"(?i:\b(?:the|this|that|its|a|an)\s+(?:[\w’'-]+\s+){0,2}?(?:lease|contract|resolution"
    r"|recipe|treaty|charter|novel|book|chapter|licen[cs]e|constitution|manual|regulation"
    r"|memo|poem|warranty|tweet|letter|e-?mail|cable|speech"
    r"|transcript)\b)"
    r"|\b(?i:resolution|res\.?|clause|chapter)\s+(?:(?i:no)\.\s*)?\d+"
    r"|\bS/RES/\d+"
    r"|\b(?:NPT|CTBT|JCPOA|UNSCR\s*\d+)\b"
)
"""Another document, named: "the lease", "the UN resolution", "Resolution 2321", "res.
2371", "UNSCR 2375", "the NPT", "a tweet", "a letter"."""
_BARE_STATEMENT = re.compile(r"(?i)(?:the|this)\s+(?:joint\s+)?statement")
_SEPARATE = re.compile(
    r"(?i)\b(?:another|the\s+other|a\s+(?:separate|different|second|rival))\s+"
    r"(?:joint\s+)?(?:statement|declaration|communiqu)"
)
"""Another statement named as such ("a separate joint statement", "another declaration")."""
_BARE_REACH = 300
"""Characters before "the statement" in which a separate one, named, is what it means."""
_OUR_DOCUMENT = re.compile(
    r"(?i:\b(?:statement|declaration|communiqu|foreign\s+ministries|the\s+parties"
    r"|russia\s+and\s+china|china\s+and\s+russia|moscow\s+and\s+beijing"
    r"|beijing\s+and\s+moscow)\b)"
)
"""The statement or its authors, named."""
_TOPIC_REACH = 3000
"""Characters before a pointing cue in which the document it points at is named."""


_AS_ASIDE = re.compile(r",[ \t]+as[ \t]+[^,;:“”\"«»\n]{1,70}$")
_AS_ASIDE_REACH = 80
_CLAUSE_GOES_ON = re.compile(
    r"[ \t]*,[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:say|says|said|state|states|stated|call|calls"
    r"|called|claim|claims|claimed|write|writes|wrote|declare|declares|declared|demand|demands"
    r"|demanded|add|adds|added|urge|urges|urged)\b"
)
"""An aside of who said what ("..., as some outlets reported, say ..."): its verb, between
commas, with the clause's own speech verb after it, speaks nothing the clause quotes (but
"that, as the statement itself concedes, the announcement was “...”" is its tag)."""
_MARKS_NOTED = re.compile(
    r"(?i)\b(?:emphasis|italics?|bold(?:face)?|underlin\w*|highlight\w*|stress|capitals)"
    r"[ \t]+$"
)
"""Before "added": what the page says it marked ("emphasis added", "italics added")."""


_DEGREE_BEFORE = re.compile(r"\b(?:most|more|very|less|least|particularly|especially)\s+\Z", re.I)
_IS_AFTER = re.compile(r"\s+(?:is|was|are|were)\b")
_TO_BEFORE = re.compile(r"\bto\s+\Z")


def _not_speaking(chunk: str, hit: re.Match[str]) -> bool:
    """Whether a speech verb's word speaks nothing here: a noun ("regional states.", "the
    call to stop", "Speaker notes:") or a passive ("the other side is told")."""
    # (the words just before it, which the patterns below read: the chunk before it
    # whole was read by each, a sentence's length once per speech verb in it)
    word, before = hit.group(), chunk[max(0, hit.start() - _WORDS_BEFORE) : hit.start()]
    if word in ("added", "adds") and _MARKS_NOTED.search(before):
        return True  # "(emphasis added)": the page's note on its marks, no one speaking
    if _AS_ASIDE.search(chunk, max(0, hit.start() - _AS_ASIDE_REACH), hit.start()) and (
        _CLAUSE_GOES_ON.match(chunk, hit.end())
    ):
        return True  # "It does not, as some outlets reported, say that ...": an aside's
        # tag, not the speaker of the clause it stands in
    if before.endswith("-"):
        return True  # "the Chinese-proposed ideas", "so-called": a compound, not a verb
    if word == "telling" and (_DEGREE_BEFORE.search(before) or _IS_AFTER.match(chunk, hit.end())):
        return True  # "Most telling is the sequencing.": an adjective
    if word in ("believe", "believes") and _TO_BEFORE.search(before):
        return True  # "and the rest of us to believe that": what someone is asked to do
    if ARTICLE_BEFORE.search(before):
        return True  # "That is a claim to a seat", "the said systems": a noun, an adjective
    if word == "states":
        # (the word before it: the last few characters, not the whole sentence, searched)
        near = before[-_STATES_REACH:]
        return bool(_NOUN_AFTER.match(chunk, hit.end()) or _STATES_NOUN_BEFORE.search(near))
    if word in ("call", "calls"):
        return bool(_DETERMINER.search(before))
    if word == "notes":
        return bool(_NOTES_NOUN.search(before))
    if word == "terms":
        # "the terms of", "in terms of", "on equal terms and": the noun
        return bool(_DETERMINER.search(before) or _TERMS_NOUN.search(before)) or bool(
            _TERMS_NOUN_AFTER.match(chunk, hit.end())
        )
    if word in _PLURAL_FORMS:
        # "they insist", "the two ministries write"; never "to declare" (an infinitive has
        # no subject of its own) nor "an urge", "a write-up"; but "like to recall": a
        # habit of the subject's, which speaks
        if _HABIT.search(before):
            return False
        return bool(_INFINITIVE_OR_NOUN.search(before)) or chunk[hit.end() : hit.end() + 1] == "-"
    if word == "quoted" and _QUOTED_AS_SET_OUT.match(chunk, hit.end()):
        return True  # "the other key paragraph, quoted in full:": the text, not a speaker
    if _THAN_PASSIVE.search(before):
        return True  # "more ambitious than is often acknowledged": no one speaks
    if word.endswith("that") and _TIME_AFTER.match(chunk, hit.end()):
        return True  # "The TV repeats that evening showed ...": the noun, then a time
    return word in _PASSIVE_VERBS and bool(_PASSIVE.search(before))


_BY_PARTICIPLES = frozenset(
    "described called termed dubbed labelled labeled branded characterised characterized".split()
)
_BY_AGENT = re.compile(
    r"(?:[ \t]+[\"“«][^\"”»\n]{1,80}[\"”»])?[ \t]+by[ \t]+"
    r"(?P<agent>(?:the[ \t]+)?[^\W\d_][^,;:()\"“”«»\n]{0,60}?)"
    r"(?=[ \t]+as\b|[ \t]*[,;:\"“«]|\.(?:\s|$)|$)"
)
"""After a participle of naming (`_BY_PARTICIPLES`), its agent: "described by the ministries
as", "called “...” by Haley,"."""


_TIME_AFTER = re.compile(
    r"\s+(?:morning|afternoon|evening|night|day|week|weekend|month|year|time|season)\b"
)
"""After a noun's "that" ("repeats that evening"): a time, so "that" opens no clause."""
_THAN_PASSIVE = re.compile(r"\bthan\s+(?:is|are|was|were|(?:has|have|had)\s+been)(?:\s+\w+)?\s+$")
"""A comparison with what is said ("than is often acknowledged", "than was claimed"): a
participle with no one speaking, whatever the verb."""


_CITATION = re.compile(r"[ \t]+\((?:[^()]{0,30}?)\d{4}[a-z]?(?:[,:;][^()]{0,20})?\)[ \t]*$")
"""A citation between a subject and its verb ("Lukin (2020) terms", "Kim (ed., 2019:
14) argues"): the subject is the name before it."""
_CITATION_REACH = 80
"""Characters before a verb a citation can take: looked for there only (from the
sentence's start, each speech verb of a paragraph-long sentence of quotations cost a
search of the sentence: 90 s for a page of 0.5 MB)."""
_TERMS_NOUN = re.compile(r"\b(?:in|under|on|of|by|with|equal|new|these|those|such)\s+$", re.I)
_TERMS_NOUN_AFTER = re.compile(r"\s+(?:of|and|to|that|were|are|is)\b|[ \t]*[:.]?[ \t]*(?:\n|$)")
"""Around "terms": the noun ("new terms", "in terms of", a heading's "Key terms"; after a
determiner, `_DETERMINER` says so), not the verb ("Lukin terms the statement's approach
“...”")."""


def _people(subject: str) -> bool:
    """Whether a plural verb's subject is people speaking, not a state or body a
    subjunctive names ("that the United States refrain"): "we", "I", "you", parties named
    together ("Washington and Seoul"), or a common noun in the plural ("critics",
    "protesters in Seoul", "many analysts").

    >>> _people("Critics"), _people("protesters in Seoul"), _people("the United States")
    (True, True, False)
    >>> _people("Translator's"), _people("Washington and Seoul")
    (False, True)
    >>> _people("our Chinese colleagues"), _people("veteran observers")
    (True, True)
    >>> _people("The Government also takes")
    False
    >>> _people("Moscow diplomats"), _people("the diplomats"), _people("Moscow diplomats like to")
    (True, False, True)
    """
    words = subject.split()
    while words and words[-1].casefold() in HABIT_WORDS:
        words.pop()  # "Moscow diplomats like to", "old hands are fond of"
    if not words:
        return False
    if words[0].casefold() in ("we", "i", "you") or _COORDINATED.search(subject):
        return True  # (the authors coordinated, "Russia and China", are `_joint`'s first)
    # past quantifiers, possessives and a nationality ("our Chinese colleagues"), and one
    # word before the noun (an adjective, a place)
    named = [w for w in words if w.casefold() not in _QUANTIFIERS and not _NATIONALITY.fullmatch(w)]
    head = named[0] if named else ""
    if len(named) == 2 and not head.endswith("s"):
        head = named[1]  # ("veteran observers", "Moscow diplomats")
    return (
        len(head) > 3
        and head.endswith("s")
        and not head.endswith(("ss", "'s", "’s"))  # "Translator's note": a noun
        and (head[0].islower() or head is words[0])
        and head.casefold() not in _NOT_PEOPLE
        # (a group word is the authors' when determined, "the diplomats", "their
        # ministries"; "Moscow diplomats", "veteran diplomats" are people)
        and (_GROUP.search(head.casefold()) is None or _DETERMINED.search(subject) is None)
    )


_COORDINATED = re.compile(r"\S\s+(?:and|&)\s+\S")
"""Two parties named together ("Washington and Seoul insist"): a plural subject."""
_QUANTIFIERS = frozenset(
    "the some many most few several other these those all both our my your their his her".split()
)
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ese|ian|an|ish|ch)")
"""A people's adjective before a plural ("Chinese", "Russian", "American", "British")."""
_NOT_PEOPLE = frozenset("states parties sides nations countries reports documents texts".split())


_PLURAL_FORMS = frozenset(
    (
        *"""insist write urge warn argue declare propose note stress add emphasise emphasize
        underline reaffirm observe recall reiterate acknowledge concede admit conclude
        maintain explain ask request demand complain quip joke""".split(),
        "point out",
        "appeal to",
    )
)
"""Speech verbs in the form a plural subject takes, which is also the infinitive's."""
_INFINITIVE_OR_NOUN = re.compile(
    r"\b(?:to|not|the|an?|its|their|this|that|his|her|our|will|would|can|could|may|might"
    r"|must|should|shall|(?:did|do|does)n[’']t)\s+$",
    re.IGNORECASE,
)
"""Before a verb's plain form: an infinitive, a noun ("an urge"), or a modal's or a
negation's verb ("will say", "didn't say": no saying). After an affirming "did" or "does"
the verb speaks ("the ministries did urge all sides to “...”"), its subject read past the
auxiliary."""
_HABIT = re.compile(r"\b(?:like|love|tend|used)\s+to\s+$", re.IGNORECASE)
"""Before a verb's plain form, a habit of saying it ("our colleagues like to recall", "as
they love to say"): the verb speaks, with the subject before the habit's verb."""
_QUOTED_AS_SET_OUT = re.compile(r"\s+(?:in\s+full|in\s+part|below|here|verbatim|at\s+length)\b")
"""After "quoted": the participle of a text set out on the page, not someone quoting."""
_DETERMINER = re.compile(r"\b(?:the|its|their|this|that|a|an|his|her|our)\s+$", re.IGNORECASE)
"""A determiner just before "call": the noun ("the call to stop"), not the verb."""
_NOTES_NOUN = re.compile(
    r"\b(?:speaker|show|release|field|lecture|meeting|class|case|liner|program(?:me)?"
    r"|production|briefing|editor[’']s|author[’']s|reporter[’']s|translator[’']s)\s+$",
    re.IGNORECASE,
)
"""A word that makes "notes" after it a noun ("Speaker notes:", "the editor's notes")."""
_PASSIVE_VERBS = frozenset(
    {"told", "asked", "quoted", "called", "urged", "warned", "mentioned", "stated", "noted"}
    | {"announced", "declared", "reported", "described", "proposed", "confirmed", "denied"}
    | {"hailed", "branded", "dubbed", "labeled", "labelled", "termed", "demanded"}
    | {"summarised", "summarized", "characterised", "characterized", "spoken"}
    | _URGING
)
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)(?:n[’']t)?"
    r"(?:\s+(?:not|never|even|ever|also|\w+ly)){0,2}\s+$"
)
"""A participle after a form of "be": the subject is spoken to ("is told") or of ("Japan
isn't mentioned", "sanctions are not even mentioned"), not speaking. ("was quoted as
saying" is a cue of its own, matched whole.)"""


_OBJECT_GAP = re.compile(r"\s*(?:that\s+)?")
"""Between a person's speech verb and a document it speaks of ("called the statement",
"argues that the document")."""
_QUOTING_VERBS = frozenset({"quoted", "quotes", "quoting", "cited", "cites", "citing"})
