"""Words for judging paraphrase: content words, light stems, rarity, and names.

Embedding-free on purpose: the core must run anywhere, offline, with the same answer
every time. Stems are the first six letters of a word without its plural "s", which is
enough to meet "deploy"/"deployment", "region"/"regional", "immediate"/"immediately".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise

from provenance.model import Span

_WORD = re.compile(r"[^\W\d_]+(?:[’'‘][^\W\d_]+)?")
_STEM_LENGTH = 6
STOPWORDS = frozenset(
    """a about after all also an and any are as at be been being between both but by can
    could did do does each either for from had has have he her his how i if in into is it
    its itself may might more most must no nor not of on or other our ours out over own
    same she should so some such than that the their them then there these they this those
    through to too under until up upon very was we were what when where which while who
    whom why will with would you your""".split()
)


def stem(word: str) -> str:
    """Light stem: lower case, no possessive or plural s, first six letters.

    >>> [stem(w) for w in ("Deployment", "deploy", "halts", "China’s")]
    ['deploy', 'deploy', 'halt', 'china']
    """
    word = re.sub(r"[’'‘]s$", "", word.casefold())
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


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The reference's vocabulary and its sentences as windows for the nearest passage."""

    vocabulary: frozenset[str]
    """Case-folded words of the reference."""
    windows: tuple[tuple[Span, frozenset[str]], ...]
    """Each sentence and each pair of adjacent sentences, with their stems."""
    weights: dict[str, float]
    """Inverse sentence frequency of each stem; stems the reference lacks weigh most."""
    missing_weight: float

    @classmethod
    def build(cls, text: str, sentences: list[Span]) -> Lexicon:
        stems = [frozenset(content_words(s.of(text))) for s in sentences]
        pairs = list(zip(sentences, stems, strict=True))
        windows = pairs + [(Span(a.start, b.end), sa | sb) for (a, sa), (b, sb) in pairwise(pairs)]
        n = len(stems)
        counts: dict[str, int] = {}
        for st in stems:
            for s in st:
                counts[s] = counts.get(s, 0) + 1
        weights = {s: math.log((n + 1) / (c + 0.5)) for s, c in counts.items()}
        vocabulary = frozenset(w.casefold() for w in _WORD.findall(text))
        return cls(vocabulary, tuple(windows), weights, math.log((n + 1) / 0.5))

    def nearest(self, query: dict[str, float]) -> tuple[Span | None, float]:
        """The window sharing the most weighted content, and the share (0-100) it covers.

        `query` maps stems to how much they count (a quotation's own words count more
        than the sentence around it).
        """
        weight = {s: f * self.weights.get(s, self.missing_weight) for s, f in query.items()}
        wanted = set(weight)
        total = sum(weight.values())
        if not total:
            return None, 0.0
        best: tuple[float, int, Span | None] = (0.0, 0, None)
        for span, stems in self.windows:
            score = sum(weight[s] for s in wanted & stems)
            # Prefer the shorter window on a tie: a single sentence over a pair.
            if score > best[0] or (
                score == best[0] and best[2] is not None and len(span) < best[1]
            ):
                best = (score, len(span), span)
        return best[2], 100.0 * best[0] / total


def unknown_names(text: str, lexicon: Lexicon) -> list[str]:
    """Capitalised words of `text`, not opening a sentence, that the reference never uses.

    Translations keep names: a quotation naming a place or body the reference never
    names is not a rendering of the reference.
    """
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper() or len(word) < 3:
            continue
        before = text[: m.start()].rstrip(" “\"‘'„«(")
        if not before or before[-1] in ".!?:":
            continue
        bare = re.sub(r"[’'‘]s$", "", word).casefold()
        if bare not in lexicon.vocabulary and stem(word) not in lexicon.weights and word not in out:
            out.append(word)
    return out
