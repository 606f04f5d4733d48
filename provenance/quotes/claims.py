"""What a quotation asserts that the statement does not: the evidence for `not-in-reference`.

A quotation attributed to the statement is an invention only on evidence, never because
its words differ (a translation, a machine-spun rewrite and an acronym all differ). Four
kinds of evidence, each checked against the reference stretch the quotation was compared
with and, for names, against the whole reference:

- a reversed position: the quotation supports what the stretch opposes, or the reverse;
- a negation the stretch does not have ("should not be respected");
- a threat: words of force or retaliation the stretch never uses;
- a name the statement never uses, in any of its forms: not an acronym (ABM for
  antimissile), not a common English word written with a capital (General), not another
  name of a party the statement names (Pyongyang for the DPRK).

Words are compared as lemmas (simplemma, data shipped in the package, so "retaliated"
meets "retaliate"), and commonness comes from wordfreq's English frequencies (also
shipped): both run offline and give the same answer every time.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma
from wordfreq import zipf_frequency

from provenance.quotes.words import other_names, stem

_WORD = re.compile(r"[^\W\d_]+(?:[’'‘][^\W\d_]+)?")
_SUPPORT = frozenset("support back welcome endorse approve favour favor accept applaud".split())
_OPPOSE = frozenset(
    "against oppose opposition reject condemn unacceptable object stop cancel halt scrap".split()
)
_NEGATION = frozenset("not no never nor n’t n't without nothing none neither cannot".split())
_THREAT = frozenset(
    """forceful retaliate retaliation retaliatory strike attack punish punishment
    destroy annihilate countermeasure war warfare invade invasion shoot""".split()
)
_THREAT_PHRASES = ("military force", "use force", "by force", "respond with", "respond militarily")
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
COMMON_ZIPF = 5.3
"""A capitalised word whose lower-case form is at least this frequent in English (wordfreq's
Zipf scale: "general" 5.5, "state" 5.6) is a common word, not a name. Place names sit below
("europe" 5.0, "asia" 4.7, "pyongyang" 3.1)."""


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """English lemma of a case-folded word (simplemma's shipped data)."""
    return str(simplemma.lemmatize(word, lang="en")).casefold()


def lemmas(text: str) -> list[str]:
    return [lemma(w.casefold()) for w in _WORD.findall(text)]


def unsaid(quotation: str, stretch: str, judged: str, vocabulary: frozenset[str]) -> list[str]:
    """What `quotation` asserts that the reference `stretch` does not, in a few words each.

    Args:
        quotation: The quoted words.
        stretch: The reference stretch compared with it.
        judged: The text searched for names: the quotation, or its sentence when short.
        vocabulary: Case-folded words of the whole reference.
    """
    out: list[str] = []
    own, theirs = set(lemmas(quotation)), set(lemmas(stretch))
    words = {w.casefold() for w in _WORD.findall(quotation)}
    if own & _SUPPORT and theirs & _OPPOSE and not theirs & _SUPPORT:
        said = ", ".join(sorted(own & _SUPPORT))
        out.append(
            f"a reversed position: the quotation supports ({said}) what the statement opposes"
        )
    elif own & _OPPOSE and theirs & _SUPPORT and not theirs & _OPPOSE:
        said = ", ".join(sorted(own & _OPPOSE))
        out.append(
            f"a reversed position: the quotation opposes ({said}) what the statement supports"
        )
    negations = (own | words) & _NEGATION
    if negations and not (theirs | {w.casefold() for w in _WORD.findall(stretch)}) & _NEGATION:
        out.append(
            f"a negation ({', '.join(sorted(negations))}) the statement's passage does not have"
        )
    threats = own & _THREAT - theirs
    folded_own, folded_theirs = " ".join(lemmas(quotation)), " ".join(lemmas(stretch))
    threats |= {p for p in _THREAT_PHRASES if p in folded_own and p not in folded_theirs}
    if threats:
        out.append(f"a threat ({', '.join(sorted(threats))}) the statement never makes there")
    names = strange_names(judged, vocabulary)
    if names:
        out.append(f"names {', '.join(names)}, which the reference never names")
    return out


def strange_names(text: str, vocabulary: frozenset[str]) -> list[str]:
    """Capitalised words of `text`, not opening a sentence, that the reference never uses.

    Translations keep names: a quotation naming a place or body the reference never
    names is not a rendering of it. Acronyms, common words written with a capital and
    other names of the parties the reference names are not names for this purpose.
    """
    aliases = other_names(vocabulary)
    stems = {stem(v) for v in vocabulary}
    out: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper() or len(word) < 3:
            continue
        before = text[: m.start()].rstrip(" “\"‘'„«(")
        if not before or before[-1] in ".!?:":
            continue
        bare = re.sub(r"[’'‘]s$", "", word)
        folded = bare.casefold()
        if folded in vocabulary or stem(bare) in stems or folded in aliases | _CALENDAR:
            continue
        if bare.isupper() or zipf_frequency(folded, "en") >= COMMON_ZIPF:
            continue  # an acronym (ABM), or a common word with a capital (General)
        if word not in out:
            out.append(word)
    return out
