"""Square brackets in a quotation: an editor's honest gloss, or words changed under cover.

Quoters bracket words into a quotation to make it read in their sentence: "[also]" or
"[sic]" stand for nothing, "[Russia and China]" glosses the statement's "they",
"[THAAD]" its "the said systems", "[North Korea]" its "the DPRK". Those leave the
quotation verbatim. A bracket that replaces the statement's content words with others
("[ignored]" for "respected", "[the DPRK]" for "third parties") or that inserts a
negation ("[do not] confirm") changes what the statement says: the quotation is
altered, and the bracket is reported against the words it stands for.

The rule, for the bracketed words and the reference words they stand for:

- a negation ("not", "never", "n't") the reference words lack is a change, whatever else;
- so is a quantifier ("[all]", "[every]") the reference words lack, where the bracket
  stands for words;
- a translator's or an editor's signature closing the bracket ("[THAAD — Trans.]",
  "[the DPRK - Ed.]") is no word of the gloss;
- otherwise the bracket is honest when it stands for nothing (an insertion, or only the
  punctuation between two quoted stretches), when either side is only function words (a
  pronoun or determiner glossed, or put for a phrase), when the reference words are a
  referring phrase ("this initiative", "the said systems": a demonstrative or
  "said"/"aforementioned" and at most two words), or when every content word they hold
  is in the bracket, by stem or as another name of the same party ("Pyongyang" for "the
  DPRK"; the authors' names for "the Parties").

Between two quoted stretches the reference words a bracket stands for are known
exactly. At the edge of a quotation they are not: the words next to the quoted text, up
to a clause boundary, are the candidates, and the bracket is honest when it glosses the
nearest of them or names only what they name.
"""

from __future__ import annotations

import re

from provenance.kinds import NEGATIONS, QUANTIFIERS
from provenance.quotes.words import ALIASES, STOPWORDS, WORD, stem

_WORD = WORD
_POSSESSIVE = re.compile(r"[’'‘]s$")
_REFERRING = frozenset(
    "this that these those such said aforementioned abovementioned relevant concerned".split()
)
"""Words that make a phrase point back at something named before ("the said systems")."""
_REFERRING_WORDS = 2
"""Most words, besides the referring ones, of a referring phrase a bracket may gloss."""
_AUTHORS = "\x00authors"
"""The statement's word for its authors ("the Parties"), which the authors' names gloss."""


def _words(text: str) -> list[str]:
    """Folded words without a possessive; the statement's capitalised "Parties" (its
    authors, not "third parties") as `_AUTHORS`; "United States" as one word, "united"
    (so that "states" alone is the common noun: "[the United States]" does not gloss
    "other states").

    >>> _words("the United States and other states")
    ['the', 'united', 'and', 'other', 'states']
    """
    found = [_POSSESSIVE.sub("", w) for w in _WORD.findall(text)]
    words = [_AUTHORS if w in ("Parties", "Sides") else w.casefold() for w in found]
    return [
        w for k, w in enumerate(words) if not (w == "states" and words[k - 1 : k] == ["united"])
    ]


def _negations(words: list[str]) -> set[str]:
    return {w for w in words if w in NEGATIONS or w.endswith(("n’t", "n't"))}


def _same_name(a: str, b: str, authors: frozenset[str], *, parts: bool = True) -> bool:
    """Whether two folded words name the same thing: one stem, one party, or the authors.
    With `parts`, also two words of names of one party ("united" and "states")."""
    if "states" in (a, b):  # the common noun: `_words` made "United States" one word
        return a == b
    if stem(a) == stem(b) or b in ALIASES.get(a, ()) or a in ALIASES.get(b, ()):
        return True
    if parts and set(ALIASES.get(a, ())) & set(ALIASES.get(b, ())) - {"korean", "koreans"}:
        return True
    return (a == _AUTHORS and b in authors) or (b == _AUTHORS and a in authors)


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS]


def _glosses(
    inner: list[str], stood_for: list[str], named: list[str], authors: frozenset[str]
) -> bool:
    """Whether bracketed words `inner` may stand for reference words `stood_for` (no
    negation is added: see `honest`). A pronoun or a referring phrase may be glossed
    only by what the statement `named` just before, or by its authors: "they" is
    "[Russia and China]", not "[the United States]"."""
    theirs, ours = _content(stood_for), _content(inner)
    if " ".join(stood_for) in _RECIPROCAL:
        # "each other" is the pair the clause names: "[the two Koreas]", not "[Washington]"
        return bool(ours) and (
            set(ours) <= _PAIR_WORDS or len({o for o in ours if o in named}) >= _PAIR
        )
    added = QUANTIFIERS.intersection(inner) - set(stood_for)
    if added == {"both"} and ours and set(ours) <= _PAIR_WORDS and not theirs:
        return True  # "[both nations]" for "they": the Parties, as a pair
    if added:
        return False  # "[all] joint exercises" for "large-scale": a scope the text lacks
    if not ours:
        # "[and]" for "in order to" joins as the text does; for "the renunciation of
        # aggression," it hides words of substance the quotation dropped
        return len(theirs) < _HIDDEN_WORDS
    referring = [w for w in theirs if w in _REFERRING]
    pointer = not theirs or (referring and len(theirs) - len(referring) <= _REFERRING_WORDS)
    if pointer:
        if set(ours) <= _PAIR_WORDS:
            return True  # "[the two countries]", "[both sides]" for "they": the Parties
        return all(
            any(_same_name(o, w, authors, parts=False) for w in [*named, _AUTHORS]) for o in ours
        )
    return all(any(_same_name(w, o, authors) for o in ours) for w in theirs)


_SIGNED = re.compile(
    r"\s*(?:[—–-]+|,)\s*(?:trans(?:l|lator)?|ed(?:s|itor)?|ed\.\s*note)\.?\s*$", re.IGNORECASE
)
"""A translator's or an editor's signature closing a bracket ("[THAAD — Trans.]", "[the
DPRK - Ed.]"): it says whose gloss the bracket is, and is no word of the gloss."""

_RECIPROCAL = frozenset({"each other", "one another"})
"""Reference words that stand for a pair the clause names, glossed only by a pair."""
_PAIR = 2

_PAIR_WORDS = frozenset(
    "two both countries sides parties states nations ministries governments neighbours"
    " neighbors".split()
)
"""The words of a gloss naming the statement's two authors as a pair, not by name."""
_HIDDEN_WORDS = 2
"""Fewest content words a bracket of function words alone ("[and]", "[to]") may not stand
for: it would hide a dropped phrase, not join the quoted words."""


def honest(
    bracket: str,
    candidates: tuple[str, ...],
    before: str,
    authors: frozenset[str],
    *,
    edge: bool,
) -> bool:
    """Whether `bracket` ("[the DPRK]") honestly stands for one of `candidates`, the
    reference words it may replace: one exact stretch between two quoted stretches, or
    at an edge (`edge`) the adjacent words of the clause, nearest first. `before` is
    the reference text before them, where a pronoun's antecedent is named."""
    inner = _words(_SIGNED.sub("", bracket.strip("[]")))
    stretches = [_words(c) for c in candidates] or [[]]
    if not _negations(inner) <= set().union(*map(_negations, stretches)):
        return False
    if not candidates or (not edge and not _WORD.search(candidates[0])):
        # an insertion standing for nothing ("[also]", "[sic]"), or for punctuation alone
        # (", [THAAD]," put after "the said systems" before its comma)
        return True
    named = _words(before)
    if any(_glosses(inner, stood_for, named, authors) for stood_for in stretches):
        return True
    widest = max(stretches, key=len)
    names = _content(inner)  # at an edge, a gloss naming only what the clause names
    return edge and all(any(_same_name(o, w, authors) for w in widest) for o in names)


ANTECEDENT = 400
"""Reference characters before a bracket's words in which what a pronoun or "the said
systems" points back at is named."""
_BRACKET = re.compile(r"\[[^\]\n]*\]")


_EDITORS_NOTE = re.compile(r"\[\s*(?i:sic|sic!|sic\.|!|\?)\s*\]")
"""An editor's "[sic]": the words before it are as the source has them, no gloss of them."""
_SUMMARY = re.compile(r"\.\s?\.\s?\.|…")
"""An ellipsis inside a bracket: the editor says words are cut, and sums them up."""


def changes_words(copy: str, reference: str, before: str, authors: frozenset[str]) -> bool:
    """Whether a copy's reading `copy`, holding brackets, changes what the `reference`
    reading says: a bracket of words that is no honest gloss of it ("[The United States
    and its allies]" for "Other states"), by `honest`'s rule. `before`: the reference text
    before the reading, where a pronoun's antecedent is named.

    >>> changes_words("[the DPRK’s]", "its", "concerns of the DPRK.", frozenset())
    False
    >>> changes_words("[Washington]", "Other states", "", frozenset())
    True
    >>> changes_words("'s [sic]", "’s", "", frozenset())
    False
    """
    brackets = [
        b
        for b in _BRACKET.findall(copy)
        if _WORD.search(b) and not _SUMMARY.search(b) and not _EDITORS_NOTE.fullmatch(b)
    ]
    reciprocal = " ".join(_words(reference)) in _RECIPROCAL
    if not brackets or not (_content(_words(reference)) or reciprocal):
        return False  # cuts, "[sic]", a gloss of function words alone, or an editor's
        # summary of what is cut ("[...the Parties then list principles...]")
    return any(not honest(b, (reference,), before, authors, edge=False) for b in brackets)
