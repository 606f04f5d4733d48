"""Words for judging paraphrase: content words, light stems, rarity, and names.

Embedding-free on purpose: the core must run anywhere, offline, with the same answer
every time. Stems are the first six letters of a word without its plural "s", which is
enough to meet "deploy"/"deployment", "region"/"regional", "immediate"/"immediately".
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from provenance.model import Span

WORD = re.compile(r"[^\W\d_]+(?:[’'‘][^\W\d_]+)?")
"""A word of the quotation rules: letters, with an apostrophe inside ("DPRK’s")."""
_WORD = WORD
_STEM_LENGTH = 6
_POSSESSIVE = re.compile(r"[’'‘]s$")
STEM_CREDIT = 0.5
"""Share of its weight an own word earns when the reference has only its stem's kin."""
CONTEXT_HALF = 6
"""Distance in words at which a context word counts half."""
NEAREST_MARGIN = 0.25
"""Share of the best score within which a smaller reference stretch is preferred."""
STOPWORDS = frozenset(
    """a about after all also an and any are as at be been being between both but by can
    could did do does each either for from had has have he her his how i if in into is it
    its itself may might more most must never no nor not of on or other our ours out over own
    same she should so some such than that the their them then there these they this those
    through to too under until up upon very was we were what when where which while who
    whom why will with would you your
    one two three four five six seven eight nine ten eleven twelve hundred thousand""".split()
)
"""English function words, and cardinal numbers as in spaCy's and scikit-learn's lists: a
count says little about which passage is meant, and translators render it freely."""


def stem(word: str) -> str:
    """Light stem: lower case, no possessive or plural s, first six letters.

    >>> [stem(w) for w in ("Deployment", "deploy", "halts", "China’s")]
    ['deploy', 'deploy', 'halt', 'china']
    """
    word = _POSSESSIVE.sub("", word.casefold())
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:_STEM_LENGTH]


def content_words(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Stems of the words of `text`, without stop words unless asked.

    >>> content_words("the deployment of THAAD")
    ['deploy', 'thaad']
    """
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    return [stem(w) for w in words if keep_stopwords or w.casefold() not in STOPWORDS]


def word_count(text: str) -> int:
    """How many words `content_words(text, keep_stopwords=True)` would give, without stemming.

    >>> word_count("the deployment of THAAD, a US system")
    6
    """
    return sum(len(w) > 1 for w in _WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of the reference (one sentence or two adjacent ones) and its words."""

    span: Span
    sentences: int
    stems: frozenset[str]
    forms: frozenset[str]
    """Case-folded content words as written, to tell "concerns" from "concerned"."""


@dataclass(frozen=True, slots=True)
class Nearest:
    """The reference stretch chosen for a quotation, and how much of it the stretch holds."""

    span: Span | None
    similarity: float
    """0-100: share of the quotation's weighted words (and, if asked, its context's) held."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The reference's vocabulary and its sentences as windows for the nearest passage."""

    vocabulary: frozenset[str]
    """Case-folded words of the reference."""
    windows: tuple[Window, ...]
    """Each sentence and each pair of adjacent sentences, in reference order."""
    weights: dict[str, float]
    """Inverse sentence frequency of each stem; stems the reference lacks weigh most."""
    missing_weight: float
    postings: dict[str, tuple[int, ...]]
    """For each stem, the windows holding it (indices into `windows`, in order)."""
    written_names: tuple[str, ...]
    """The other names of the parties the reference names (`other_names`), as a page
    writes them ("Pyongyang", "US"). Demonyms and the bare "north" and "south" are not
    among them: "Korean" in "the Korean Peninsula" is a place, "the North" may be the
    statement's own word."""

    @classmethod
    def build(cls, text: str, sentences: list[Span]) -> Lexicon:
        sentences = [_strip(text, s) for s in sentences]
        singles = [
            Window(s, 1, frozenset(content_words(s.of(text))), frozenset(_forms(s.of(text))))
            for s in sentences
        ]
        pairs = [
            Window(Span(a.span.start, b.span.end), 2, a.stems | b.stems, a.forms | b.forms)
            for a, b in pairwise(singles)
        ]
        n = len(singles)
        counts: dict[str, int] = {}
        for window in singles:
            for s in window.stems:
                counts[s] = counts.get(s, 0) + 1
        weights = {s: math.log((n + 1) / (c + 0.5)) for s, c in counts.items()}
        vocabulary = frozenset(w.casefold() for w in _WORD.findall(text))
        windows = sorted(singles + pairs, key=lambda w: (w.span.start, w.sentences))
        postings: dict[str, list[int]] = {}
        for k, window in enumerate(windows):
            for s in window.stems:
                postings.setdefault(s, []).append(k)
        held = {s: tuple(ks) for s, ks in postings.items()}
        written = tuple(
            sorted(
                name.upper() if len(name) <= 3 else name.capitalize()
                for name in other_names(vocabulary) - DEMONYMS - {"north", "south"}
            )
        )
        return cls(vocabulary, tuple(windows), weights, math.log((n + 1) / 0.5), held, written)

    def weight(self, stem: str) -> float:
        return self.weights.get(stem, self.missing_weight)

    def without_other_names(self, text: str) -> str:
        """`text` without the parties it names by other names than the reference's
        (`written_names`; "North Korea" too, when the reference says "DPRK"). A capital after
        "in" or "at" is a place ("a conference in Beijing"), not its state, and stays; so
        does "us", a pronoun.

        >>> lexicon = Lexicon.build("The DPRK and the United States.", [Span(0, 31)])
        >>> lexicon.without_other_names("North Korea and Washington met us in Washington.")
        ' and  met us in Washington.'
        """
        if "dprk" in self.vocabulary:
            text = _NORTH_KOREA.sub("", text)
        if not self.written_names:
            return text
        return _party_names(self.written_names).sub("", text)

    def sentences_holding(self, stem: str) -> int:
        """How many sentences of the reference hold `stem` (0 for a stem it lacks)."""
        windows = self.windows
        return sum(windows[k].sentences == 1 for k in self.postings.get(stem, ()))

    def nearest(
        self,
        own: str,
        context: list[tuple[str, int]],
        *,
        own_weight: float,
        with_context: bool,
        margin: float = NEAREST_MARGIN,
    ) -> Nearest:
        """The smallest reference stretch closest to a quotation, by its own words first.

        Each window is scored by the quotation's own content words (a word met only
        through its stem, "concerned" for "concerns", earns `STEM_CREDIT` of its weight)
        and, separately, by the words of the sentence around it, each weighted down
        with its distance from the quotation (`context_decay`). The quotation's words
        choose: every window within `margin` of the best own score is a candidate, the
        smallest of them (a sentence before a pair) wins, and the context breaks ties.
        Only when no own word occurs in the reference does the context choose.

        Args:
            own: The quotation's words.
            context: (stem, distance in words) of the sentence around the quotation.
            own_weight: How much more an own word counts than a context word, in the
                similarity.
            with_context: Whether the context counts towards the similarity (short
                quotations) or only chooses between windows (long ones).
            margin: Share of the best score within which a smaller window is preferred.

        Returns:
            The chosen window's span and its similarity.
        """
        query = self.query(own, context, own_weight=own_weight, with_context=with_context)
        if not query.total or not self.windows:
            return Nearest(None, 0.0)
        return query.chosen(self.scored(query), margin=margin)

    def query(
        self, own: str, context: list[tuple[str, int]], *, own_weight: float, with_context: bool
    ) -> Query:
        """What `nearest` scores windows by: the quotation's stems and context words.

        A party the quotation names by another name than the statement's ("Pyongyang",
        "North Korea", "Washington" for "the DPRK" and "the United States") is left out
        of its words: such a name is a newsroom's habit, which neither makes a paraphrase
        of the statement (scored as a word the statement never uses, it made genuine
        renderings too far from every passage) nor makes up for words it never uses
        (scored as the statement's name, it lifted "blames Washington for the crisis")."""
        forms: dict[str, set[str]] = {}
        for f in _forms(self.without_other_names(own)):
            forms.setdefault(stem(f), set()).add(f)
        stems = {s: self.weight(s) for s in forms}
        near: dict[str, float] = {}
        for s, distance in context:
            if s not in stems:
                near[s] = max(near.get(s, 0.0), self.weight(s) * context_decay(distance))
        total = own_weight * sum(stems.values()) + (sum(near.values()) if with_context else 0)
        return Query(forms, stems, near, total, own_weight, with_context)

    def scored(self, query: Query) -> list[tuple[float, float, Window]]:
        """(own score, context score, window) of every window, in order.

        Only the windows holding a word are scored; each window's score adds its words in
        the same order (and its context words by the same `sum`) as reading every window.
        """
        windows, postings, forms = self.windows, self.postings, query.forms
        own_scores = [0.0] * len(windows)
        for s, w in query.stems.items():
            for k in postings.get(s, ()):
                own_scores[k] += w if forms[s] & windows[k].forms else STEM_CREDIT * w
        near_held: dict[int, list[float]] = {}
        for s, v in query.near.items():
            for k in postings.get(s, ()):
                near_held.setdefault(k, []).append(v)
        return [(own_scores[k], sum(near_held.get(k, ())), w) for k, w in enumerate(windows)]


@dataclass(frozen=True, slots=True)
class Query:
    """A quotation as `Lexicon.nearest` weighs it (`Lexicon.query`)."""

    forms: dict[str, set[str]]
    """Each stem of the quotation's own words, and the forms it was written in."""
    stems: dict[str, float]
    """Each own stem's weight."""
    near: dict[str, float]
    """Each context stem (not an own one) and its weight, decayed with distance."""
    total: float
    own_weight: float
    with_context: bool

    def chosen(self, scored: list[tuple[float, float, Window]], *, margin: float) -> Nearest:
        """The window `nearest` chooses among the scored ones, and its similarity."""
        best_own = max(o for o, _, _ in scored)
        best_near = max(c for _, c, _ in scored)
        if best_own > 0:
            candidates = [t for t in scored if t[0] >= (1 - margin) * best_own]
        elif best_near > 0:
            candidates = [t for t in scored if t[1] >= (1 - margin) * best_near]
        else:
            return Nearest(None, 0.0)
        if best_own > 0:
            # A smaller window is preferred to the best only as a part of it (the sentence
            # of a pair that holds the quotation's words), not elsewhere in the statement:
            # "oppose ... the deployment of THAAD ... urge the countries concerned to halt"
            # renders the THAAD pair, not the one sentence that opposes and urges too.
            tops = [w.span for o, _, w in scored if o == best_own]
            candidates = [
                t
                for t in candidates
                if any(t[2].span.start < s.end and s.start < t[2].span.end for s in tops)
            ]
        smallest = min(w.sentences for _, _, w in candidates)
        # max() keeps the first of equals, so a tie goes to the earlier stretch.
        own_score, near_score, window = max(
            (t for t in candidates if t[2].sentences == smallest), key=lambda t: (t[0], t[1])
        )
        held = self.own_weight * own_score + (near_score if self.with_context else 0)
        return Nearest(window.span, 100.0 * held / self.total)


def context_decay(distance: int) -> float:
    """Weight of a context word `distance` words away from the quotation: 1 beside it,
    half at `CONTEXT_HALF` words.

    >>> [round(context_decay(d), 2) for d in (0, 6, 18)]
    [1.0, 0.5, 0.25]
    """
    return 1 / (1 + distance / CONTEXT_HALF)


def context_words(text: str, sentence: Span, quotation: Span) -> list[tuple[str, int]]:
    """Content stems of `sentence` outside `quotation`, with their distance to it in words,
    up to `CONTEXT_REACH` words either side.

    >>> context_words("They urged “calm” to be respected.", Span(0, 34), Span(12, 16))
    [('urged', 0), ('respec', 2)]
    """
    starts, ends, stems = _sentence_words(sentence.of(text))
    start, end = quotation.start - sentence.start, quotation.end - sentence.start
    # Words are counted by their place in the sentence, not by reading what lies between
    # each and the quotation again (a sentence of 200 KB cost a quadratic 14 s); the
    # sentence is read once for all its quotations (a line of a thousand short ones).
    before = bisect_right(ends, start)  # words ending by the quotation's start
    after = bisect_left(starts, end)  # the first word starting after it
    out = []
    for k in range(max(0, before - CONTEXT_REACH), min(len(starts), after + CONTEXT_REACH)):
        at, word = starts[k], stems[k]
        if word is None or start <= at < end:
            continue
        out.append((word, max(0, before - k - 1 if at < start else k - after)))
    return out


CONTEXT_REACH = 120
"""Words either side of a quotation read as its context: one that far counts a twenty-first
of one beside it (`CONTEXT_HALF`)."""


@lru_cache(maxsize=8)
def _sentence_words(sentence: str) -> tuple[list[int], list[int], list[str | None]]:
    """Each word's start and end in `sentence`, and its stem (None for a stop word or a
    letter alone, which are no context)."""
    found = list(_WORD.finditer(sentence))
    stems = [
        None if len(w) < 2 or w.casefold() in STOPWORDS else stem(w)
        for w in (m.group() for m in found)
    ]
    return [m.start() for m in found], [m.end() for m in found], stems


def _strip(text: str, span: Span) -> Span:
    chunk = span.of(text)
    start = span.start + len(chunk) - len(chunk.lstrip())
    return Span(start, max(start, span.start + len(chunk.rstrip())))


def _forms(text: str) -> list[str]:
    words = [w.casefold() for w in _WORD.findall(text) if len(w) > 1]
    return [w for w in words if w not in STOPWORDS]


_NORTH_KOREA = re.compile(r"\bNorth(?:ern)?\s+Korea\b")


@lru_cache(maxsize=4)
def _party_names(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the other names of parties, not after "in" or "at" (a place)."""
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<!\bin )(?<!\bat )\b(?:{alternatives})\b")


NOT_A_NAME = (
    r"(?:The|This|That|These|Those|It|Its|Their|They|He|She|We|An?|In|On|At|After|But|And|So"
    r"|Then|Yet)"
)
"""Capitalised words that open a sentence and name no one: a pattern's guard where a name
should stand ("(?!" + NOT_A_NAME + r"\b)")."""

ALIASES = {
    "russia": ("moscow", "kremlin", "russian", "russians"),
    "china": ("beijing", "chinese"),
    "dprk": ("pyongyang", "north", "korean", "koreans"),
    "korea": ("pyongyang", "seoul", "korean", "koreans", "north", "south"),
    "united": ("washington", "american", "americans", "us", "usa"),
    "states": ("washington", "american", "americans", "us", "usa"),
    "japan": ("tokyo", "japanese"),
    "nations": ("un",),
}
"""Other names of the parties a statement names: capitals standing for their states and
demonyms. Hand-made on purpose: no offline library maps "Pyongyang" to "the DPRK", and a
news story naming a state by its capital is not evidence that a quotation was invented."""
DEMONYMS = frozenset("russian russians chinese korean koreans american americans japanese".split())
"""The adjectives and peoples among the other names: "Korean" in "the Korean Peninsula"
names a place, not the party a sentence is about."""
_AUTHORS = re.compile(r"hereinafter|referred to as|\(the Parties\)", re.IGNORECASE)


def author_party(word: str, authors: frozenset[str]) -> str | None:
    """The author (an `ALIASES` key among `authors`) a case-folded word names, by its name,
    capital or demonym, if any.

    >>> author_party("beijing", frozenset({"russia", "china"})), author_party("seoul", frozenset())
    ('china', None)
    """
    return next((k for k, v in ALIASES.items() if k in authors and word in (k, *v)), None)


def other_names(vocabulary: frozenset[str]) -> frozenset[str]:
    """Case-folded other names of the parties a text with `vocabulary` names."""
    return frozenset(a for name, names in ALIASES.items() if name in vocabulary for a in names)


def authors(text: str) -> frozenset[str]:
    """The words that make a document cue the statement's own: the case-folded names of
    its authors, with their other names, and its year.

    The names are read from the sentence that defines the parties ("the foreign
    ministries of Russia and China (hereinafter referred to as Parties)"); none when the
    text defines none. The year is the latest the text names: a document cites earlier
    ones ("the Joint Statement of September 19, 2005" is another document).
    """
    years = YEAR.findall(text)
    own = frozenset([max(years)] if years else [])
    for m in _AUTHORS.finditer(text):
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        names = {w.casefold() for w in re.findall(r"\b[A-Z][a-z]+\b", text[start : m.end()])}
        names = {n for n in names if n in ALIASES}
        if names:
            return own | frozenset(names) | frozenset(a for n in names for a in ALIASES[n])
    return own


ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s*$", re.IGNORECASE)
"""An article ending the text before a word: the word is a noun ("a claim", "the call"),
or an adjective ("the said systems"), not a verb."""
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
"""A year of the last century or this one, as a word."""
