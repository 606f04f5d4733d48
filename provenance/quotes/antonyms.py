"""Words a quotation turns into their opposites: "should be respected" quoted "should be ignored".

A quotation that keeps a passage's words but one, put in the place of the passage's own
word its opposite, says the reverse of the statement, however close the rest: the
DPRK's concerns "should be ignored", military means "should be kept open", the Parties
"are pleased by" the launch. `turned` finds such a swap where the two texts differ, as
aligned word by word: the passage's word (or phrase) on one side, one of its opposites on
the other, not negated ("should not be ignored" renders "should be respected").

Only the words a joint statement takes its positions with are listed (`ANTONYMS`): what it
respects, rules out, refrains from, stops, fears, defuses or settles by dialogue. A stance
of support turned into opposition is `claims.reversed_position`'s, and a negation the
passage lacks is `claims.unsaid`'s; neither is repeated here.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from provenance.kinds import NEGATIONS
from provenance.quotes.words import stem

_OPPOSITES = {
    "respected": "ignored, disregarded, dismissed, neglected, violated, overridden, flouted",
    "ruled out": (
        "considered, kept open, left open, open, an option, allowed, permitted, pursued, "
        "explored, on the table, encouraged, welcomed"
    ),
    "excluded": "considered, kept open, left open, allowed, permitted, pursued, encouraged",
    "worried": "pleased, satisfied, delighted, reassured, glad, happy, relieved, encouraged",
    "concern": "satisfaction, approval, delight, relief, gratitude",
    "refrain": (
        "expand, continue, intensify, increase, escalate, step up, resume, conduct, extend"
    ),
    "stop": "continue, accelerate, speed up, expand, complete, resume, extend, proceed, hasten",
    "cancel": "continue, accelerate, speed up, expand, complete, resume, extend, proceed, hasten",
    "defuse": "escalate, aggravate, heighten, raise, inflame, fuel, stoke",
    "escalate": "defuse, ease, reduce, lower, calm",
    "aggravate": "ease, resolve, soften, settle",
    "peacefully": "forcibly, militarily, violently",
    "dialogue": "confrontation, pressure, coercion, isolation",
    "justified": "unjustified, unfounded, baseless, groundless, illegitimate, exaggerated",
    "improve": "worsen, sever, downgrade, damage, freeze",
    "cooperate": "compete, confront, clash",
    "benevolence": "hostility, enmity, animosity, suspicion",
    "voluntary": "forced, compulsory, mandatory, imposed, coerced",
    "resumed": "suspended, halted, ended, abandoned, frozen, stopped",
    "normalise": "sever, break, freeze",
    "readiness": "unwillingness, refusal, reluctance",
    "damage": "benefit, benefits, boost, strengthen, advantage",
    "committed": "opposed, hostile, indifferent",
    "lasting": "temporary, fragile",
    "stability": "instability, chaos, turmoil",
}
"""The statement's position words, each with words that say the opposite in its place."""


def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in phrase.split())


_ANTONYMS = {
    _stems(word): tuple(_stems(p) for p in opposites.split(", "))
    for word, opposites in _OPPOSITES.items()
}
_FIRSTS = frozenset(k[0] for k in _ANTONYMS)
_OPPOSITE_FIRSTS = frozenset(p[0] for ps in _ANTONYMS.values() for p in ps)
_WORD = re.compile(r"[^\W\d_]+(?:[’'‘][^\W\d_]+)?")
_NEGATION_REACH = 3
"""Words before an opposite within which a negation takes it back ("not ignored")."""
_SLACK = 3
"""Words more on the passage's side than on the quotation's that a swap may span."""


def turned(quotation: str, stretch: str) -> list[str]:
    """Each swap of a passage's word for its opposite, as "ignored for respected".

    >>> turned("the concerns should be ignored", "The concerns should be respected. Others")
    ['ignored for respected']
    >>> turned("the concerns should not be ignored", "the concerns should be respected")
    []
    >>> turned("force should be kept open", "force should be ruled out")
    ['kept open for ruled out']
    >>> turned("to speed up the deployment", "to stop and cancel the deployment")
    ['speed up for stop and cancel']
    """
    swaps: dict[str, list[str]] = {}  # the quotation's words: the passage's it turns round
    for said, theirs, negated in _swaps(quotation, stretch):
        if not negated:
            swaps.setdefault(said, []).append(theirs)
    return [f"{said} for {' and '.join(dict.fromkeys(words))}" for said, words in swaps.items()]


def negates_an_opposite(quotation: str, stretch: str) -> bool:
    """Whether the quotation says a passage's word as its opposite negated ("should not be
    ignored" for "should be respected"): a rendering, whose negation the passage need not
    have.

    >>> negates_an_opposite("they should not be ignored", "they should be respected")
    True
    """
    return any(negated for _, _, negated in _swaps(quotation, stretch))


def _swaps(quotation: str, stretch: str) -> list[tuple[str, str, bool]]:
    """(the quotation's words, the passage's, whether negated) of each swap of a
    passage's word for its opposite where the two differ, aligned word by word."""
    ours = _WORD.findall(quotation)
    theirs = _WORD.findall(stretch)
    our_stems, their_stems = [stem(w) for w in ours], [stem(w) for w in theirs]
    if not (_FIRSTS & set(their_stems) and _OPPOSITE_FIRSTS & set(our_stems)):
        return []  # most quotations: no position word on one side or no opposite on the other
    matcher = SequenceMatcher(None, their_stems, our_stems, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        if i2 - i1 > j2 - j1 + _SLACK:
            # The passage goes on past the quotation's end (or began before its start):
            # only its words next to the quotation's can be what it swapped.
            if j2 == len(ours) and i1 > 0:
                i2 = i1 + j2 - j1 + _SLACK
            elif j1 == 0 and i2 < len(theirs):
                i1 = i2 - (j2 - j1) - _SLACK
            else:
                continue
        for key, opposites in _ANTONYMS.items():
            at = _find(their_stems, key, max(0, i1), i2)
            if at < 0:
                continue
            for opposite in opposites:
                where = _find(our_stems, opposite, j1, j2)
                if where >= 0:
                    said = " ".join(ours[where : where + len(opposite)])
                    out.append((said, " ".join(theirs[at : at + len(key)]), _negated(ours, where)))
                    break
    return out


def _find(stems: list[str], phrase: tuple[str, ...], start: int, end: int) -> int:
    """Where `phrase` starts in stems[start:end], or -1."""
    for k in range(start, end - len(phrase) + 1):
        if tuple(stems[k : k + len(phrase)]) == phrase:
            return k
    return -1


def _negated(words: list[str], at: int) -> bool:
    before = {w.casefold() for w in words[max(0, at - _NEGATION_REACH) : at]}
    return bool(before & NEGATIONS) or any(w.endswith(("n’t", "n't")) for w in before)
