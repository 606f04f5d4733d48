"""Speakers across sentences and paragraphs, each worked out only when asked.

Between `provenance.quotes.cues` (the cues of one sentence) and `provenance.quotes.speakers`
(the speaker of one quotation). `_Reading` keeps a text's sentences, their cues and
speakers: a sentence that goes on with an anaphoric subject ("They also stressed") keeps
the speaker of the one before. `_inherited` gives a quotation with no cue in its own
sentence a speaker from the sentence before, the sentence or paragraph after, or the
paragraph before.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from provenance.matcher import last_characters_of_each
from provenance.model import Span
from provenance.quotes.cues import (
    _DOC_CUE_SUPERSET,
    _HANDLE,
    _LABEL_SUPERSET,
    _PERSON_LABEL,
    _SPEECH,
    _SPEECH_SUPERSET,
    AUTHORS_SUBJECT,
    LINE_LABEL,
    PART_OPENS,
    PART_PRESENTED,
    Cue,
    another_document,
    cues,
)
from provenance.quotes.marks import _MARKS, OPENERS, Sentences, _offsets, doc_cues
from provenance.quotes.subjects import (
    _PRONOUN,
    _PRONOUN_LAST,
    _SUBJECT_WORD,
    _SUBJECT_WORDS,
    _joint,
    _parties,
    _subject,
)

_IMPERSONAL_PREDICATE = (
    r"[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|seems|seemed|appears|appeared)[ \t]+"
    r"(?:[a-z]+[ \t]+)?[a-z]+[ \t]+(?:that|to)\b"
)
"""After an impersonal "it": "is widely believed that", "was reported that", "is clear
that"."""
_ANAPHORIC = re.compile(
    r"\W*(?:(?:in it|at the same time|also|further(?:more)?|moreover|it also|and),?\s+"
    r"|(?:on|in|about|regarding|concerning|as for|under|after|later|elsewhere)\b[^.;:!?\n]{0,60}?"
    r",?\s+)?"
    r"(?P<pronoun>they|it|the two sides|both sides|the sides|the two countries|the document)\b"
    rf"(?!{_IMPERSONAL_PREDICATE})",
    re.IGNORECASE,
)
"""Matched at a sentence's start (`match` with pos and endpos), a phrase before the
pronoun allowed ("On the missile launch it says")."""
_ENDED = re.compile(r"[.!?][\"'”’»)\]]*$|[\"”»]$")

"""A paragraph ending so does not introduce the quotation in the next one ("that", ":"):
a sentence's end, or a closing quotation mark (a post that is its quotation)."""
_OPENS_QUOTED = re.compile(r"\s*[{}]".format(re.escape("".join(sorted(_MARKS)))))


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
        speech, documents, labels = last_characters_of_each(
            prose, (_SPEECH_SUPERSET, _DOC_CUE_SUPERSET, _LABEL_SUPERSET), caseless=True
        )
        self._speech, self._documents = _holding(spans, speech), _holding(spans, documents)
        self._labels = _holding(spans, labels)
        worded = self._speech | self._documents | self._labels
        worded |= _holding(spans, _authors_before_marks(prose, authors))
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

    def may_speak(self, k: int) -> bool:
        """Whether sentence `k` may hold a speech verb (`_SPEECH_SUPERSET` ends in it):
        where it does not, `_SPEECH` finds none, and is not run."""
        return k in self._speech

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
                labels=k in self._labels,
            )
            found = self._cues[k] = [c for c in found if not self._heads_prose(c)]
        return found

    def _heads_prose(self, cue: Cue) -> bool:
        """Whether `cue` is a post's header line ("[post #3] hanbando_nerd wrote:") over a
        line whose own words name who speaks its quotation ("Also no, it never asked
        anyone to “...”"): the poster writes the line, and its quotation is spoken by whom
        the line names, not by the poster."""
        header = _HEADER_END.match(self.text, cue.span.end)
        if header is None or cue.speaker != "person" or not _POSTER.search(cue.text):
            return False  # "The statement reads:", "Lavrov said:" over a block: theirs
        line = _TO_QUOTATION.match(self.text, header.end())
        # (the post's line names who speaks its quotation: "it never asked anyone to “...”";
        # a line naming no one, "Here is the closing line: “...”", is the poster's)
        return line is not None and _SPEECH.search(line.group()) is not None

    def speaker(self, k: int) -> Cue | None:
        """Who speaks in sentence `k`: its last cue; else, in a sentence that goes on with
        the same speaker ("They also stressed", or one opening with a quotation in the
        same paragraph), the speaker of the sentence before; else no one."""
        chain = []
        j, state, it, they = k, None, False, False
        own: tuple[int, Cue] | None = None  # the sentence whose own cue `state` is
        while j >= 0:
            if j in self._speakers:
                state = self._speakers[j]
                break
            chain.append(j)
            found = self.cues(j)
            if found:
                last = _main_clause(found)
                state, own = last, (j, last)
                break
            start, end = self.spans.starts[j], self.spans.ends[j]
            anaphor = _ANAPHORIC.match(self.prose, start, end)
            if not anaphor and (
                (j and self.paragraph(j) != self.paragraph(j - 1))
                or not _OPENS_QUOTED.match(self.text, start, end)
            ):
                break  # state None
            pronoun = anaphor.group("pronoun").casefold() if anaphor is not None else ""
            it, they = it or pronoun == "it", they or pronoun == "they"
            j -= 1
        if it and state is not None and (_many(state) or _someone(state)):
            state = None  # "Critics call it “appeasement”. ¶ It also says": not the critics;
            # '“We are studying it,” US envoy Joseph Yun said. It also says': not the envoy
        if they and state is not None and state.speaker == "person" and not _many(state):
            state = None  # "Kim, a lawmaker, has dismissed it as “...”. They insist": not Kim
        for j in chain:
            # (a sentence's own cue stays its speaker, whatever the pronoun after it)
            self._speakers[j] = own[1] if own is not None and own[0] == j else state
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


def _main_clause(found: list[Cue]) -> Cue:
    """The cue a sentence hands on to the sentences after it: its last, unless that one
    speaks in a clause of time and an earlier one does not ("It is a joint statement ...,
    signed the same day North Korea announced a missile launch. ¶ It calls ...": "It" is
    the statement, not North Korea)."""
    last = found[-1]
    if len(found) > 1 and _WHEN_SPOKEN.search(last.text):
        return next((c for c in reversed(found) if not _WHEN_SPOKEN.search(c.text)), last)
    return last


_WHEN_SPOKEN = re.compile(
    r"\b(?:when|whenever|while|after|before|since|until|once"
    r"|(?:the|that)\s+(?:(?:same|very)\s+)?(?:day|week|month|morning|afternoon|evening|night))"
    r"\s+(?:[\w’'.-]+\s+){1,4}[\w’'-]+$",
    re.IGNORECASE,
)
"""A cue whose subject and verb make a clause of time ("the same day North Korea
announced", "when Pyongyang said", "hours after Seoul announced"): it tells when, not
who speaks next."""

_OWN_LABEL = re.compile(
    r"[ \t]*(?:[*•\-–—][ \t]+|\d{1,2}[.)][ \t]+)?"
    r"(?![^\n:]*\b(?:[Pp]oint|[Pp]aragraph|[Ss]ection|[Cc]lause|[Aa]rticle|[Ll]ine|[Tt]ext"
    r"|[Ss]tatement|[Dd]eclaration|[Pp]arties)\b)"
    r"(?:(?:[A-Z]|@\w)[^\n:;.!?\"“”«»\d]{0,40}:[ \t]|@\w+[ \t]*[\"“«])"
)
"""A line opening on its source's name and a colon, in a list or a digest ("* Kommersant:
the document is ...", "Vedomosti daily: ...", "- @meduza summarised it: ...", or a
handle straight before its quotation, "@RichardHaass “...”"); not on a part of the
document ("* Point 2: “...”"), which goes on with the statement's lines before it."""


_TURN = re.compile(
    r"[ \t]*(?P<who>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Baroness|Senator|Rep)\.?"
    r"[ \t]+[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2}"
    r"|[A-Z][A-Z’'-]{2,}(?:[ \t]+[A-Z][A-Z’'-]+){0,2})"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:[ \t]+(?![\"“«„‘])"
)
"""A transcript's turn opening a paragraph: a titled name ("Mr Kell:", "Sir Geoffrey
Alden:") or a name in capitals ("LAVROV:") and a colon, then the speaker's own words
(not a quotation straight after it, which `cues` reads as a label)."""


_RUBRICS = frozenset(
    """rating verdict ruling fact facts context update updated note correction source sources
    background analysis summary conclusion""".split()
)
"""A label in capitals that is a fact-check's or an article's rubric ("RATING: FALSE"), not
a transcript's speaker."""


def _inherited(reading: _Reading, k: int) -> Cue | None:
    """The cue for a quotation in sentence `k`, which has no cue of its own: the same for
    every quotation of the sentence (`_Reading.inherited` keeps it)."""
    spans, paragraph = reading.spans, reading.paragraph
    if (
        k + 1 < len(spans)
        and paragraph(k + 1) == paragraph(k)
        and _NOT_ITS.search(reading.prose, spans.starts[k + 1], spans.ends[k + 1])
    ):
        return None  # "“...” Those are his words, not the text's.": the page says whose not
    current = reading.speaker(k)
    if current is not None:
        return replace(current, how="earlier sentence, same speaker")
    if _GLOSS.match(reading.prose, spans.starts[k], spans.ends[k]):
        return None  # "Translation: “Drop your alliances.”": the writer's reading of it
    if _SOUNDS_LIKE.match(reading.prose, spans.starts[k], spans.ends[k]):
        return None  # "Sounds like “we'll cover for Kim” to me.": the writer's gloss
    if _IMPERSONAL_OPENING.match(reading.prose, spans.starts[k], spans.ends[k]):
        return None  # "It is widely believed that the “...” proposal is ...": no one's
    if _DOCUMENT_DESCRIBED.search(reading.prose, spans.starts[k], spans.ends[k]):
        return None  # "For one columnist, the statement is “a masterpiece ...”": the page's
        # (or someone's) word for the document, not its words, whoever spoke before
    same = paragraph(k)
    previous = reading.speaker(k - 1) if k > 0 and paragraph(k - 1) == same else None
    if (
        previous is not None
        and previous.speaker == "person"
        and not _many(previous)
        and _THEY_OPENS.match(reading.prose, spans.starts[k], spans.ends[k])
    ):
        # "They insist" straight after one person's words: not that person, but whom it
        # stands for (the person's delegation, a ministry) is not told either: no one
        return None
    if (
        previous is not None
        and not _A_TEXT.search(previous.text)  # ("The statement ..., signed by the two
        # presidents, said": a text, which "It" after it may stand for)
        and (
            (_many(previous) and _IT_SPEAKS.search(reading.prose, spans.starts[k], spans.ends[k]))
            or (
                _someone(previous)
                and _IT_SAYS.search(reading.prose, spans.starts[k], spans.ends[k])
            )
        )
    ):
        previous = None  # "it calls it “...”" after what critics claimed: not the critics;
        # "It also says" after what an envoy said: not the envoy
    if previous is not None and previous.how == LINE_LABEL:
        previous = None  # "- Global Times: ... ¶ - Our take: ...": a label's line is its own
    if previous is not None and _OWN_LABEL.match(reading.text, spans.starts[k], spans.ends[k]):
        # "* Joint statement, point 4: “...”¶* Kommersant: the document is “...”": a line
        # that names its own source (an agency or a paper, which speaks no words of its
        # own for `cues`) does not go on with the line before
        previous = None
    if previous is not None and previous.speaker == "document" and _own_subject(reading, k):
        previous = None  # "Seoul's defence ministry disagreed: “...”": its own speaker
    if (
        previous is not None
        and previous.named
        and len(reading.prose[spans.starts[k] : spans.ends[k]].split()) > _QUOTED_SENTENCE_WORDS
        and not _REFERS_BACK.match(reading.prose, spans.starts[k], spans.ends[k])
    ):
        # "We've seen the statement. Our exercises are “defensive in nature”": a document
        # only named before, and a sentence of the writer's own around its quotation
        previous = None
    if previous is not None:
        return replace(previous, how="previous sentence")
    sentence = reading.prose[spans.starts[k] : spans.ends[k]]
    if reading.may_speak(k) and _pronoun_speaks(sentence):
        # "It says that “...”": its speaker is before; never whoever the sentence or
        # paragraph after names. "It" after a sentence naming the document (and no one
        # after it) is the document: "10:24 The document was signed. ¶ 10:33 It says".
        they = _THEY_SPEAKS.search(sentence) is not None
        if k > 0 and (they or _IT_SPEAKS.search(sentence)):
            # back over sentences naming no one ("Read it. It says ..."), a few at most, and
            # over those naming only whom the pronoun cannot stand for: many people for
            # "it" ("Critics call it"), one person for "they" ("as Orlov puts it")
            # (nor one human being for "It says": '“...,” US envoy Joseph Yun said. It also
            # says ...')
            says = _IT_SAYS.search(sentence) is not None
            fits = _many if they else (lambda c: not _many(c) and not (says and _someone(c)))
            j = k - 1
            while (
                j > max(0, k - _IT_REACH)
                and not any(c.speaker == "document" or fits(c) for c in reading.cues(j))
                and not _it_says(reading, j)
                and not (they and _people_open(reading, j))
                and not (not they and _another_text_opens(reading, j))
            ):
                j -= 1
            if not they and _another_text_opens(reading, j) and not reading.cues(j):
                # "The KCNA dispatch made no mention of the plan. It said ...": the
                # dispatch, not the statement named before it
                return None
            if they and _people_open(reading, j):
                # "Lankov, a historian, and Cha, a former adviser, have weighed in. They
                # call it “...”": the people just named, whoever spoke of the statement;
                # but "The two ministers devote more space to THAAD. They say ...": the
                # statement's authors together, whatever they did first
                return _authors_open(reading, j)
            cues_before = reading.cues(j)
            named = [
                c
                for c in cues(
                    reading.text, spans.span(j), reading.prose, reading.authors, speech=False
                )
                if c.speaker == "document"
            ]
            if named and (cues_before or they):
                # "you have said the statement is a trap. ... It says": what "it" is; "Russia
                # and China put out a statement. ... they say": its authors
                return replace(named[-1], how="pronoun, the document named before")
            again = _it_says(reading, j)  # "It says ... And it says"
            prior = cues_before[-1] if cues_before and not again else reading.inherited(j)
            if prior is not None and (prior.speaker == "document" or (they and _many(prior))):
                return replace(prior, how="pronoun, the sentence before")
        return _it_says_of_authors(reading, k)
    if (
        k + 1 < len(spans)
        and paragraph(k + 1) == same
        and not _GLOSS.match(reading.prose, spans.starts[k + 1], spans.ends[k + 1])
        and _postposed(reading.cues(k + 1), spans.span(k + 1), reading.prose)
    ):
        return replace(reading.cues(k + 1)[0], how="next sentence")
    if reading.cued(same):
        return None  # the paragraph has its own speakers, and none is this quotation's
    own_sentences = reading.sentences_of(same)
    turn = _TURN.match(reading.text, spans.starts[own_sentences.start], spans.ends[k])
    if turn is not None and turn.group("who").casefold() not in _RUBRICS:
        # "Mr Kell: My friend is right. Our position is the G7's: “...”": a transcript's
        # turn; its words are the speaker's, never a cue of the turn before
        span = Span(turn.start("who"), turn.end("who"))
        return Cue("person", span, span.of(reading.text), how="the speaker's turn")
    # A paragraph with no cue at all: the paragraph after may open by naming its speaker
    # ("Putin said ..."), or the one before may introduce it ("The statement declared
    # that", "he said in Vladivostok,") or have just given a speaker its words.
    after, before = own_sentences.stop, own_sentences.start - 1
    if before >= 0 and paragraph(before) == same - 1:
        intro = reading.text[spans.starts[before] : spans.ends[before]].rstrip()
        # its cues are read only where they may matter: most paragraphs end otherwise
        named = (
            [c for j in reading.sentences_of(same - 1) for c in reading.cues(j)]
            if intro.endswith(":")
            else []
        )
        if named and named[-1].speaker == "document":
            # "The joint statement ... calls for a freeze. Highlights:" then a list of its
            # lines: the paragraph introducing them names whose they are
            return replace(named[-1], how="paragraph introducing it")
        part = (
            (
                PART_OPENS.match(reading.text, spans.starts[before])
                or PART_PRESENTED.search(reading.text, spans.starts[before], spans.ends[before])
            )
            if intro.endswith(":")
            else None
        )
        if part is not None:
            # "The first point is blunt about the launch:" then its quotation, or "..., so
            # here is point 6, exactly as posted:": a part of the statement, by its place,
            # introduces its own words
            span = Span(part.start("part"), part.end("part"))
            return Cue("document", span, span.of(reading.text), how="paragraph introducing it")
    cue = reading.speaker(before) if before >= 0 and paragraph(before) == same - 1 else None
    if cue is not None and cue.speaker == "document" and _own_subject(reading, k, roles=True):
        # "Former minister Han was blunter: “...”" after a paragraph quoting the statement
        return _subject_cue(reading, k)
    if (
        cue is not None
        and cue.speaker == "document"
        and another_document(spans.span(k), reading.prose, reading.authors, reading.text)
    ):
        return None  # "fwiw UNSC res 2371 “condemns ...”": that one's words
    # Read in the text, not the prose: a paragraph ending with a quotation ("... should
    # be ruled out.”") ends with the full stop the prose blanks out.
    end = reading.text[spans.starts[before] : spans.ends[before]].rstrip() if cue else ""
    first = spans.starts[own_sentences.start]
    if cue is not None and not _ENDED.search(end) and not _OPENS_ITS_OWN.match(reading.text, first):
        # The paragraph before runs on into this one ("according to the statement, will"):
        # its speaker, whoever the paragraph after names. Not a heading over a paragraph
        # that opens a sentence of its own ("Statement of the foreign ministries¶Posted by
        # user ... in the forum “World politics”").
        return replace(cue, how="previous paragraph")
    if after < len(spans) and paragraph(after) == same + 1:
        found = reading.cues(after)
        labelled = found and reading.text[found[0].span.end : found[0].span.end + 1] == ":"
        own_words = len(
            reading.prose[spans.starts[own_sentences.start] : spans.starts[after]].split()
        )
        asks = reading.text[spans.starts[own_sentences.start] : spans.starts[after]].rstrip()
        if (
            not labelled
            and own_words <= _QUOTED_PARAGRAPH_WORDS
            and not (own_words and asks.endswith("?"))
            and _postposed(found, spans.span(after), reading.prose)
        ):
            # (not a label opening the next paragraph, "@Desk:": it names that one's
            # speaker; nor a paragraph of the writer's own prose around its quotation,
            # "Some outlets summarised it as “...”.¶We asked an expert"; nor a question
            # heading the paragraph after, "What is “double freezing”?")
            return replace(found[0], how="next paragraph")
        if found and _ATTRIBUTION_LINE.match(reading.prose, spans.starts[after], spans.ends[after]):
            return replace(found[0], how="attribution line after it")
    if cue is not None and (
        (_SPEECH.search(cue.text) and not _OF_VERB.search(cue.text)) or cue.how == AUTHORS_SUBJECT
    ):
        # (a cue that speaks of words, "speaks of “double freezing”", introduces none)
        if cue.speaker == "person" and reports_own(reading.prose, cue, spans.ends[before]):
            return None  # "one said privately that the text had been ...": their own claim
        if cue.speaker == "person" and (
            _own_subject(reading, k, roles=True)
            or _PEOPLE.match(reading.prose, spans.starts[k], spans.ends[k])
        ):
            # "One agency says the statement “...”. ¶ Opponents accuse the ministries of
            # seeking “...”": the paragraph's own people, not the agency before
            return _subject_cue(reading, k)
        opening = spans.starts[own_sentences.start]
        label = _LABELLED.match(reading.text, opening, spans.ends[own_sentences.start])
        if label is not None and (
            _PERSON_LABEL.search(label.group("label")) or _HANDLE.search(label.group("label"))
        ):
            return None  # "15:12 Japanese minister Suga: “...”", "@Watcher on Twitter:
            # “...”": the paragraph names its own source, whoever the one before quoted
        return replace(cue, how="previous paragraph")
    return None


_REFERS_BACK = re.compile(
    r"\W*(?:(?:there|here|in\s+it|then|and)\s*,?\s+)?(?:its|their|it|they|the\s+(?:authors"
    r"|ministries|two\s+sides|sides|parties|signatories|document|text|declaration))\b",
    re.IGNORECASE,
)
"""A sentence opening on words for the document or its authors ("Its authors pledge",
"There, the ministries ..."): it goes on about the document named before."""
_QUOTED_SENTENCE_WORDS = 4
"""Most words of a sentence's own prose, around its quotation, for a document only named
in the sentence before to speak it ("The statement came out on Tuesday. “...”, it reads"
is its own cue; "Our exercises are “defensive”" is the writer's)."""
_OPENS_ITS_OWN = re.compile(r"[A-Z0-9]")
"""A paragraph's opening that starts a sentence: not one the paragraph before runs on into."""
_LABELLED = re.compile(r"[ \t]*(?P<label>[^\n“”\"«»]{1,70}?):[ \t]*[\"“«„‘]")
"""A paragraph opening on a label before its quotation: a name, a handle, a time and a
name ("15:12 Japanese minister Suga:")."""


_QUOTED_PARAGRAPH_WORDS = 6
"""Most words of a paragraph's own prose, around its quotations, for the paragraph after
to name their speaker ("“We will not be drawn in.”¶Putin said ..."): more is the writer's
sentence, its quotation the writer's to give."""
_THEY_SPEAKS = re.compile(
    r"(?:^|[\s,;:])[Tt]hey\s+(?:(?:also|further|then|even|still|again|[a-z]+ly)\s+)*\w+"
)
"""A sentence whose speech verb has "they" for subject: many, or the statement's authors."""
GLOSS_LABEL = (
    r"(?:translation|in\s+other\s+words|in\s+plain\s+english|meaning|subtext|read"
    r"|i\.\s?e\.|that\s+is(?:\s+to\s+say)?|put\s+simply|decoded)"
)
"""A label of the writer's own reading of what was quoted ("Translation", "In other
words"), before a colon: what follows is the writer's gloss, not anyone's words."""
_THEY_OPENS = re.compile(r"\W*(?:(?:and|but|so|then|later),?[ \t]+)?[Tt]hey\b")
"""A sentence opening on "They" (read with `match` from the sentence's start)."""
_OF_VERB = re.compile(r"\b(?:talks?|talked|speaks?|spoke)[ \t]+of$")
_GLOSS = re.compile(rf"\s*{GLOSS_LABEL}\s*[:,]", re.IGNORECASE)
_SOUNDS_LIKE = re.compile(
    r"\W*(?:(?:so|well|yeah|ok|okay|honestly),?[ \t]+)?(?:(?:it|that|this)[ \t]+)?"
    r"(?:sounds|reads|looks|smells)[ \t]+(?:a[ \t]+lot[ \t]+|more[ \t]+|just[ \t]+)?like\b",
    re.IGNORECASE,
)
"""A sentence opening on the writer's likening ("Sounds like “...” to me", "Reads like
“...”"): the words are the writer's gloss, nobody's quoted."""
"""A sentence opening with a gloss label: not the speaker's words before it."""
_IT_REACH = 8
"""Sentences back, over those naming no one, in which "it" finds the document it stands for."""
_IT_SPEAKS = re.compile(r"(?<![^\s,;:])[Ii]t\s+(?:(?:also|further|then|even|still|again)\s+)?\w+")
"""A sentence whose speech verb has "it" for subject (one thing: the document)."""


def _it_says(reading: _Reading, k: int) -> bool:
    """Whether sentence `k` has "it" for a speech verb's subject ("It says that")."""
    sentence = reading.prose[reading.spans.starts[k] : reading.spans.ends[k]]
    return bool(_IT_SPEAKS.search(sentence)) and _pronoun_speaks(sentence)


PRONOUN_SPEAKS = (
    r"\s+(?:(?:also|further|then|even|still|again)\s+)?(?:says|said|adds|added|states|stated"
    r"|calls|called|urges|urged|notes|noted|goes\s+on|continues|reads|proposes|proposed|asks"
    r"|asked|demands|demanded|warns|warned|insists|insisted|stresses|stressed|envisages"
    r"|expresses|declares)\b"
)
"""After a pronoun ("it", "they"): a speech verb it is the subject of."""
_IT_SAYS = re.compile(rf"(?<![^\s,;:])[Ii]t{PRONOUN_SPEAKS}")
"""A sentence whose speech verb has "it" for its subject: a text or a body, never a person."""
_A_TEXT = re.compile(
    r"(?i)\b(?:statement|declaration|document|communiqu[eé]|text|resolution|report|letter"
    r"|article)\b"
)
"""A text named in a cue, which "it" may stand for whoever else the cue names."""


def _someone(cue: Cue) -> bool:
    """Whether a person's cue names one human being ("US envoy Joseph Yun said", "he
    added"), for whom "it" never stands; not a body that may be "it" ("the ministry said",
    "TASS reported").

    >>> _someone(Cue("person", Span(0, 1), "US envoy Joseph Yun said"))
    True
    >>> _someone(Cue("person", Span(0, 1), "the foreign ministry said"))
    False
    """
    if cue.speaker != "person" or _BODY.search(cue.text):
        return False
    return bool(_HUMAN.search(cue.text))


_HUMAN = re.compile(
    r"\b(?:he|she|him|her|his|envoy|spokes(?:man|woman|person)|minister|analyst|official"
    r"|diplomat|ambassador|professor|expert|scholar|president|secretary|adviser|advisor|aide"
    r"|senator|lawmaker|commentator|researcher|reporter|correspondent|editor|writer|historian"
    r"|economist|negotiator|general|colonel|admiral|(?:Mr|Mrs|Ms|Dr)\.?)\b"
    r"|\b[A-Z][a-z]+(?:-[a-z]+)?\s+[A-Z][a-z]+(?:-[a-z]+)?\s+(?:said|says|added|told|wrote)\b"
)
"""A human speaker: a pronoun, a role, a title, or a name of two words before a verb."""
_BODY = re.compile(
    r"(?i)\b(?:ministry|ministries|agency|office|government|department|newspaper|paper|daily"
    r"|service|council|committee|institute|broadcaster|channel|site|outlet|embassy"
    r"|administration|bureau|network|station|kremlin|tass|xinhua|kcna|yonhap|reuters|ria)\b"
    r"|" + _A_TEXT.pattern.removeprefix("(?i)")
)
"""A body or a text that speaks, which "it" may stand for ("The statement on world affairs,
signed by the two presidents, said ... It also calls for")."""


def _many(cue: Cue) -> bool:
    """Whether a cue is a person's with a plural subject, for whom "it" never stands."""
    return cue.speaker == "person" and _plural(cue.text)


def _plural(said: str) -> bool:
    """Whether a person's cue names many as its subject ("Critics call", "some analysts
    said", "Moscow and Beijing"): "it" after it stands for something else.

    >>> _plural("Critics call"), _plural("Lavrov says"), _plural("the ministry said")
    (True, False, False)
    >>> _plural("has since described"), _plural("says")
    (False, False)
    >>> _plural("despite what several cable-news chyrons claimed")
    True
    """
    if _AND.search(said):
        return True
    first = _LETTERS.match(said)
    if first is not None and (
        first.group().casefold() in _AUXILIARIES or _SPEECH.fullmatch(first.group())
    ):
        return False  # "has since described", "says": the verb alone, its subject elsewhere
    words = [w for w in _LETTERS.findall(said) if w.casefold() not in _BEFORE_A_PLURAL]
    if not words:
        return False
    # The subject's first word, or (a clause before it: "despite what several cable-news
    # chyrons claimed") the word just before the verb that ends the cue
    heads = [words[0]]
    if len(words) > 1 and _SPEECH.fullmatch(words[-1]):
        heads.append(words[-2])
    return any(_plural_noun(head) for head in heads)


def _plural_noun(head: str) -> bool:
    """Whether a subject's head word is a plural noun of people or things ("critics",
    "chyrons", "Critics"), not a name ("Reuters") nor a word in -ss."""
    noun = head.casefold().endswith("s") and not head.casefold().endswith(("ss", "news"))
    return noun and (head[0].islower() or head.casefold() in _PLURAL_PEOPLE)


_AND = re.compile(r"\band\b")
_LETTERS = re.compile(r"[^\W\d_]+")
_AUXILIARIES = frozenset("has is was does had did".split())
"""A cue's first word that is a verb ("has since described"): its subject is elsewhere."""
_BEFORE_A_PLURAL = frozenset("the some many most its their other several two both all".split())
"""Words a plural subject may open with ("some analysts", "both ministries"), read past to
its head noun."""
_PLURAL_PEOPLE = frozenset(
    """critics analysts officials diplomats experts observers commentators lawmakers sources
    reports reporters scholars sceptics skeptics supporters opponents editors readers""".split()
)


def _pronoun_speaks(sentence: str) -> bool:
    """Whether a speech verb of `sentence` has a pronoun as its subject ("It says that",
    "They also stressed"), as `cues` reads subjects."""
    impersonal = [m.span() for m in _IMPERSONAL.finditer(sentence)]
    for hit in _SPEECH.finditer(sentence):
        if any(a <= hit.start() < b for a, b in impersonal):
            continue  # "It is widely believed that": no one says it
        subject = _subject(sentence, hit.start())[1]
        if _PRONOUN.match(subject) or _PRONOUN_LAST.search(subject):
            return True
    return False


_IMPERSONAL_OPENING = re.compile(
    rf"\W*(?:[A-Z][a-z]+,[ \t]+)?it{_IMPERSONAL_PREDICATE}", re.IGNORECASE
)
"""A sentence opening on an impersonal "it" ("It is widely believed that", "Still, it
is clear that")."""
_DOCUMENT_DESCRIBED = re.compile(
    r"\b(?:statement|declaration|document|communiqu[eé]|text)(?:[ \t]+\([^()\n]{1,30}\)|[ \t]+"
    r"(?:of|from|dated)[ \t]+[^,;:.!?\"“”«»\n]{1,25}?)?[ \t]+(?:is|was|remains|remained|seems"
    r"|seemed|looks|looked|sounds|sounded)[ \t]+(?:(?:just|merely|only|simply|little[ \t]+more"
    r"[ \t]+than|nothing[ \t]+but)[ \t]+)?[\"“«„‘]",
    re.IGNORECASE,
)
"""A document, then a form of "be" and words in quotation marks: what it is called (a
participle opening the quotation, "was “signed ...”", makes a cue of its own first)."""
_IMPERSONAL = re.compile(rf"\bit{_IMPERSONAL_PREDICATE}", re.IGNORECASE)
"""An impersonal "it" ("It is widely believed that", "it was reported that"): no one, and
no document, the pronoun stands for."""


def _it_says_of_authors(reading: _Reading, k: int) -> Cue | None:
    """ "It" saying what the statement's authors do, in quotation marks ("It literally says
    Russia and China “have agreed to adopt ...”"): a text speaks of them, the statement,
    though no sentence before names it; else None."""
    start = reading.spans.starts[k]
    found = _IT_SAYS_AUTHORS.search(reading.prose, start, reading.spans.ends[k])
    if found is None:
        return None
    who = found.group("who").strip()
    if not _joint(who, reading.authors) or not _NAMED.search(who):
        return None  # (by name: "the two countries" may be another text's parties)
    span = Span(found.start("it"), found.end("verb"))
    return Cue("document", span, span.of(reading.text), how="pronoun, the authors its subject")


_NAMED = re.compile(r"\b[A-Z]")
_IT_SAYS_AUTHORS = re.compile(
    r"(?P<it>\b[Ii]t)\s+(?:[a-z]+ly\s+)?(?P<verb>says|said|states|stated|reads|declares"
    r"|declared)\s+(?:that\s+)?(?P<who>[^\"“”«».;:!?\n]{3,40}?)\s*[\"“«]"
)
"""A text ("it") saying, of the parties named just before the quotation marks, what they
do."""


def _own_subject(reading: _Reading, k: int, *, roles: bool = False) -> bool:
    """Whether sentence `k` opens by naming someone else than the statement's authors
    (`roles`: by a role or title, "Former minister Han", "A colleague, Dr. Okafor"; not by
    a possessive, "Translator's note")."""
    sentence = reading.prose[reading.spans.starts[k] : reading.spans.ends[k]]
    if _someone_else(sentence, reading.authors, possessive=not roles):
        return True
    # (another document: "In that document the six parties “...”", after the 2005 one)
    return not roles and another_document(
        reading.spans.span(k), reading.prose, reading.authors, reading.text
    )


def _subject_cue(reading: _Reading, k: int) -> Cue:
    """The person sentence `k` opens by naming (`_own_subject`), as its quotation's cue."""
    start = reading.spans.starts[k]
    head = _HEAD.match(reading.prose, start, reading.spans.ends[k])
    words = head.group().rstrip() if head else ""
    lead = len(words) - len(words.lstrip())
    span = Span(start + lead, start + len(words))
    return Cue("person", span, span.of(reading.text), how="its sentence's subject")


def _someone_else(sentence: str, authors: frozenset[str], *, possessive: bool = True) -> bool:
    """Whether `sentence` opens by naming someone other than the statement's authors as
    its subject: a role ("The American envoy dismissed", "Japan's chief cabinet secretary
    went further") or another place's possessive ("Seoul's defence ministry disagreed").
    Read up to the first quotation mark or clause break, at most `_SUBJECT_WORDS` words."""
    head = _HEAD.match(sentence)
    words = _SUBJECT_WORD.findall(head.group() if head else "")[:_SUBJECT_WORDS]
    for k, w in enumerate(words):
        folded = w.casefold()
        if folded in _ROLES:
            return True
        if folded in _PLURAL_ROLES and any(
            v[:1].isupper() and j and v.casefold() not in authors for j, v in enumerate(words[:k])
        ):
            return True  # "The G7 foreign ministers condemned": another body's, not the
            # authors' ("The Russian and Chinese foreign ministers" are theirs)
        owner = folded.removesuffix("’s").removesuffix("'s")
        if possessive and owner != folded and w[:1].isupper() and owner not in authors:
            return True
    return False


def _another_text_opens(reading: _Reading, j: int) -> bool:
    """Whether sentence `j` opens on a text that is not the statement ("The KCNA dispatch",
    "The State Department's reply", "The North Korea statement"): whom an "It" after it
    stands for."""
    start, end = reading.spans.starts[j], reading.spans.ends[j]
    if _ANOTHER_TEXT.match(reading.prose, start, end):
        return True
    first = next(doc_cues(reading.prose[start:end]), None)
    return (
        first is not None
        and not reading.prose[start : start + first.start()].strip()
        and another_document(
            Span(start, start + first.end()), reading.prose, reading.authors, reading.text
        )
    )


_ANOTHER_TEXT = re.compile(
    r"\W*(?:the|a|an|that|this|its|their|his|her)[ \t]+(?:[\w’'.-]+[ \t]+){0,3}?"
    r"(?:dispatch|report|resolution|article|editorial|bulletin|release|memo|letter|tweet"
    r"|post|reply|response|broadcast|commentary|column|op-ed)\b(?![ \t]+(?:of|on|about|to)\b)"
    r"|\W*(?:the|a|an|that|this)[ \t]+(?:[\w’'.-]+[ \t]+){0,2}?(?:agreement|treaty|deal|accord"
    r"|memorandum|pact|contract)\b",
    re.IGNORECASE,
)
"""A sentence opening on another text, by its kind, after a determiner ("The KCNA dispatch",
"Its reply", "An agreement on trade"; not a forum's "Reply from reader_two" header)."""


def _authors_open(reading: _Reading, j: int) -> Cue | None:
    """The statement's authors together, where sentence `j` opens on them ("The two
    ministers", "The signatories"), as the speaker a "They" after it stands for."""
    start, end = reading.spans.starts[j], reading.spans.ends[j]
    found = _PEOPLE.match(reading.prose, start, end)  # (two people named are two people)
    if found is None or not _joint(found.group().strip(), reading.authors):
        found = _TWO_NAMES.match(reading.prose, start, end)
        names = [] if found is None else [n.casefold() for n in found.group("a", "b")]
        if found is None or len(_parties(names, reading.authors)) < 2:
            return None
    span = Span(found.start() + len(found.group()) - len(found.group().lstrip()), found.end())
    return Cue("document", span, span.of(reading.text), how="pronoun, the authors named before")


_TWO_NAMES = re.compile(r"\W*(?P<a>[A-Z][\w’'-]+)[ \t]+and[ \t]+(?P<b>[A-Z][\w’'-]+)\b")
"""A sentence opening on two names joined ("Moscow and Beijing do not ask ...")."""


def _people_open(reading: _Reading, j: int) -> bool:
    """Whether sentence `j` opens on people, two named together or a plural of people
    ("Lankov ... and Cha", "His aides were blunter.", "Washington and Seoul rejected it."):
    whom a "They" after it stands for."""
    start, end = reading.spans.starts[j], reading.spans.ends[j]
    return bool(
        _TWO_PEOPLE.match(reading.prose, start, end)
        or _PEOPLE.match(reading.prose, start, end)
        or _TWO_NAMES.match(reading.prose, start, end)
    )


_PEOPLE = re.compile(
    r"\W*(?:(?:his|her|their|the|several|some|many|other|two|three|both)[ \t]+)?"
    r"(?:[\w-]+[ \t]+)?(?:aides|officials|critics|analysts|diplomats|experts|ministers|envoys"
    r"|lawmakers|senators|observers|commentators|advisers|advisors|hawks|scholars|generals"
    r"|officers|delegates|spokesmen|spokespeople|negotiators|opponents|detractors|sceptics"
    r"|skeptics|supporters|signatories|authors|drafters)\b",
    re.IGNORECASE,
)
"""A sentence opening on a plural of people ("His aides", "Several analysts")."""
_PERSON_NAME = r"[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][\w’'-]+)+"
_PERSON_ROLE = (
    r"(?:envoy|minister|secretary|analyst|expert|professor|researcher|historian|diplomat"
    r"|adviser|advisor|senator|lawmaker|scholar|commentator|official|counterpart|colleague)"
)
_TWO_PEOPLE = re.compile(
    rf"[ \t]*(?:{_PERSON_NAME}|(?:the|a|an)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_PERSON_ROLE})"
    r"[^.;:“”\"«»]{0,90}?\band[ \t]+(?:(?:his|her|their|the|a|an)[ \t]+)?(?:[\w-]+[ \t]+){0,3}?"
    rf"(?:{_PERSON_NAME}|{_PERSON_ROLE})"
)
"""A sentence opening on two people joined by "and" ("Andrei Lankov, a historian, and
Victor Cha", "Rex Tillerson ... and his South Korean counterpart"): whom a "They" after
it stands for."""
_HEAD = re.compile(r"[^\"“”„«»(:;,]*")
"""A sentence's words before its first double quotation mark, bracket or clause break."""
_ROLES = frozenset(
    "ambassador envoy spokesman spokeswoman spokesperson official minister secretary analyst"
    " expert professor researcher president premier diplomat aide adviser advisor senator"
    " lawmaker general commander critic commentator scholar ministry embassy department"
    " pentagon council colleague dr dr. prof prof. mr mr. mrs mrs. ms ms.".split()
)
"""One person or body, named by role: not the statement's authors speaking together."""
_PLURAL_ROLES = frozenset(
    "ministers ministries officials diplomats leaders envoys analysts experts critics"
    " commentators scholars governments spokespeople".split()
)
"""Many people or bodies by role: the authors' ("the foreign ministers"), unless a name
before the role says whose ("the G7 foreign ministers")."""


def _authors_before_marks(prose: str, authors: frozenset[str]) -> list[int]:
    """Opening quotation marks a few words after the statement's authors are named ("the
    two ministries “call", "Russia and China agreed that “", "Russia and China 'will"):
    `cues` reads their
    sentences for the authors as the quotation's subject (`cues._authors_quoted`)."""
    if not authors:
        return []
    lead = _author_lead(authors)
    return [
        at
        for at in _offsets(prose, (*OPENERS, "\u2018", "'"))
        # (a straight single mark opens a quotation only after a space or a bracket, as
        # `cues._authors_quoted` reads it: "China's" is no opening)
        if (prose[at] != "'" or at == 0 or prose[at - 1].isspace() or prose[at - 1] in "([")
        and lead.search(prose, max(0, at - _LEAD_REACH), at) is not None
    ]


@functools.cache
def _author_lead(authors: frozenset[str]) -> re.Pattern[str]:
    names = sorted(re.escape(a) for a in authors if not a.isdigit())
    return re.compile(
        rf"\b(?:{'|'.join([*names, *_GROUPS])})\b(?:['’]s?)?[^\"“”«»„.!?;\n]{{0,{_LEAD_REACH}}}$",
        re.IGNORECASE,
    )


_GROUPS = ("sides", "countries", "ministries", "governments", "nations", "capitals")
_LEAD_REACH = 40
"""Characters between the authors' name and the opening mark."""


def _holding(spans: Sentences, positions: list[int]) -> set[int]:
    """The sentences holding one of the sorted positions."""
    starts = spans.starts
    return {bisect_right(starts, at) - 1 for at in positions}


_ATTRIBUTION_LINE = re.compile(r"\s*[\u2014\u2013\u2015~-]+\s*(?:\S+\s+){0,14}?\S+\s*$")
"""A short line opening with a dash, as a source is cited under a block quotation ("— from
the joint statement of July 4", "– Lavrov, to reporters"): its cue speaks the block."""


def _postposed(found: list[Cue], sentence: Span, prose: str) -> bool:
    """A sentence that opens with its speech cue ("Putin said in ...") tells who spoke
    before; not one opening "As Gardner put it,", which introduces its own quotation, one
    whose speaker reports a claim of their own ("Analysts said the language was the
    strongest yet": `reports_own`), nor one saying that no one spoke, nor one opening
    with a quotation ("“...,” said Galloway"), whose tag is that quotation's, nor one whose
    cue leads into a quotation of its own."""
    return (
        bool(found)
        and found[0].span.start - sentence.start < 60
        and (
            found[0].speaker == "person"
            # a bare tag naming the document ("So says the statement."; not "Her words,
            # not the statement's.", which denies it)
            or (
                len(prose[sentence.start : sentence.end].split()) <= _BARE_TAG_WORDS
                and not _DENYING_TAG.search(prose, sentence.start, sentence.end)
            )
        )
        and not _AS_CUE.match(prose, sentence.start)
        and not _OPENS_QUOTED.match(prose, sentence.start, sentence.end)
        and not reports_own(prose, found[0], sentence.end)
        and not _DENIED.search(found[0].text)
        and not _OPENING.search(prose, found[0].span.end, sentence.end)
        # (nor people whose verb a relative clause holds: "People who describe it as a
        # trade ... are describing only its first sentence" speak of the text, not before)
        and not _WHO_CUE.search(found[0].text)
    )


_WHO_CUE = re.compile(r"\b(?:who|whom|which|that)\b", re.IGNORECASE)


_NOT_ITS = re.compile(
    r"\bnot\s+(?:the\s+|this\s+|its\s+)?(?:joint\s+)?(?:statement|text|declaration|document"
    r"|communiqu\w*)['’]s?\b",
    re.IGNORECASE,
)
"""A sentence saying words are not the document's ("Those are his words, not the text's")."""
_DENYING_TAG = re.compile(r"\b(?:not|never|nor|no)\b|n[’']t\b", re.IGNORECASE)
_BARE_TAG_WORDS = 5
"""Most words of a sentence that is only a tag for the one before ("So says the statement.",
"Thus the declaration.")."""
_OPENING = re.compile('[“«„"]')
"""An opening mark after a sentence's cue: the cue leads into a quotation of its own
("Seoul's defence ministry called the demand “...”"), not back to the sentence before."""


_DENIED = re.compile(r"\b(?:not|never|declined|refused)\b|n[’']t\b")
"""A speech verb denied ("The ministry has not replied", "declined to comment"): no one spoke."""


def reports_own(prose: str, cue: Cue, end: int) -> bool:
    """Whether the speech verb of `cue` goes on, before `end` and any comma, with a clause
    of its own ("said that ...", "said privately that ...", "said the language was ..."):
    the speaker's own claim, not a tag naming who spoke a quotation set apart from it."""
    return _REPORTS.match(prose, cue.span.end, end) is not None


_REPORTS = re.compile(
    r"\s+(?:[^\s,.;:\"“”]+\s+){0,5}?"
    r"(?:that|was|were|is|are|had|has|have|would|will|could|should|must|may|might)\b"
    r"|\s+(?:[^\s,.;:\"“”]+\s+){0,2}?(?:the|this|that|its)\s+"
    r"(?:passage|text|statement|wording|language|line|paragraph|document|words)\b"
)
"""After a speech verb: a clause of its own, or the text itself as the object ("dismissed
the passage as boilerplate"): the person speaks about the quotation, not it."""


_AS_CUE = re.compile(r"\W*[Aa]s\b")


_HEADER_END = re.compile(r"[ \t]*:[ \t]*\n[ \t>]*(?=\S)")
"""A cue's colon ending its line, the next line straight after: a header over it."""
_POSTER = re.compile(r"[@_#\[<]|\w\d")
"""What a post's header names its poster by: a handle ("hanbando_nerd", "@kim", "dan99"),
a post's number ("[post #3]") or an address ("<k@example.org>")."""
_TO_QUOTATION = re.compile(r"[^\n\"“„«]*(?=[\"“„«])")
"""A line's words up to its first double quotation mark."""
