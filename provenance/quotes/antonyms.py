"""Words a quotation turns into their opposites: "should be respected" quoted "should be ignored".

A quotation that keeps a passage's words but one, put in the place of the passage's own
word its opposite, says the reverse of the statement, however close the rest: the
DPRK's concerns "should be ignored", military means "should be kept open", the Parties
"are pleased by" the launch. `turned` finds such a swap where the two texts differ, as
aligned word by word: the passage's word (or phrase) on one side, one of its opposites on
the other, not negated ("should not be ignored" renders "should be respected").

Only the words a joint statement takes its positions with are listed (`_OPPOSITES`): what
it respects, rules out, refrains from, stops, fears, defuses or settles by dialogue. A
stance of support turned into opposition is `claims.reversed_position`'s, and a negation
the passage lacks is `claims.unsaid`'s; neither is repeated here.

Two swaps of the same kind change what the statement says without reversing it:
`weakened` finds a commitment or a degree put in a weaker word ("may closely coordinate"
for "will", "somewhat worried" for "seriously"; `_WEAKER`), and `swapped_party` a party
put in the place of another ("the DPRK and the Republic of Korea should ... refrain" for
"the United States and ..."), where the passage names the new one elsewhere too.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from provenance.kinds import NEGATIONS
from provenance.quotes.words import STOPWORDS, WORD, stem

_OPPOSITES = {
    "respected": "ignored, disregarded, dismissed, neglected, violated, overridden, flouted",
    "ruled out": (
        "considered, kept open, left open, open, an option, allowed, permitted, pursued, "
        "explored, on the table, encouraged, welcomed, entertained"
    ),
    "excluded": (
        "considered, kept open, left open, allowed, permitted, pursued, encouraged, entertained"
    ),
    "worried": "pleased, satisfied, delighted, reassured, glad, happy, relieved, encouraged",
    "concern": (
        "satisfaction, approval, delight, relief, gratitude, pleased, satisfied, delighted, glad"
    ),
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
    "comply": (
        "abandon, violate, ignore, disregard, breach, renounce, repudiate, scrap, tear up, "
        "withdraw from, break, defy"
    ),
    "lasting": "temporary, fragile",
    "stability": "instability, chaos, turmoil",
}
"""The statement's position words, each with words that say the opposite in its place."""

_WEAKER = {
    "will": "may, might, could, would like to, hope to",
    "should": "may, might, could",
    "must": "may, might, could",
    # (and "serious": one stem)
    "seriously": (
        "somewhat, slightly, mildly, moderately, a little, a bit, rather, some, slight, mild, "
        "moderate, minor, little"
    ),
    "resolutely": "somewhat, partly, partially, loosely",
    "firmly": "somewhat, partly, partially, loosely",
    "closely": "loosely, occasionally",
    "immediately": "eventually, gradually, later, in time",
    "comprehensive": "partial, limited",
    "full": "partial, limited",
    "all": "some, several, a few, certain",
}
"""The statement's commitments and degrees, each with weaker words in its place."""

_PARTIES = {
    "united states": "US", "us": "US", "usa": "US", "america": "US", "washington": "US",
    "republic of korea": "ROK", "south korea": "ROK", "rok": "ROK", "seoul": "ROK",
    "dprk": "DPRK", "north korea": "DPRK", "pyongyang": "DPRK",
    "russia": "Russia", "russian federation": "Russia", "moscow": "Russia",
    "china": "China", "people's republic of china": "China", "prc": "China", "beijing": "China",
    "japan": "Japan", "tokyo": "Japan",
}  # fmt: skip
"""Names of the states the statement speaks of, each with the party it names."""


def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in phrase.split())


def _table(words: dict[str, str]) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    return {_stems(w): tuple(_stems(p) for p in others.split(", ")) for w, others in words.items()}


_ANTONYMS = _table(_OPPOSITES)
_WEAKENED = _table(_WEAKER)
_STOPWORD_STEMS = frozenset(stem(w) for w in STOPWORDS)
_PARTY_STEMS = {_stems(name): party for name, party in _PARTIES.items()}
_WORD = WORD
_NEGATION_REACH = 3
"""Words before an opposite within which a negation takes it back ("not ignored")."""
_SLACK = 3
"""Words more on the passage's side than on the quotation's that a swap may span."""
_RUN = 3
"""Fewest words in a row the two share that anchor their alignment (see `_aligned`)."""
_SENTENCE_END = re.compile(r"[.!?;]")
_REACH = 3
"""Passage words a quotation's word beyond the shared runs may stand for, at most."""


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
    for said, theirs, negated in _swaps(quotation, stretch, _ANTONYMS):
        if not negated:
            swaps.setdefault(said, []).append(theirs)
    return [f"{said} for {' and '.join(dict.fromkeys(words))}" for said, words in swaps.items()]


def turned_on_its_object(quotation: str, stretch: str) -> list[str]:
    """A swap `turned` cannot align (no run of three words in common): the quotation's
    opposite of a passage's word, each followed within `_OBJECT_REACH` words by the same
    content word ("should abandon the 2005 commitments" for "comply with the commitments").

    >>> turned_on_its_object("should abandon the 2005 commitments", "to comply with the "
    ... "commitments formulated in 2005")
    ['abandon for comply']
    >>> turned_on_its_object("should abandon provocations", "to comply with the commitments")
    []
    """
    ours, found = _WORD.findall(quotation), _WORD.findall(stretch)
    our_stems, their_stems = [stem(w) for w in ours], [stem(w) for w in found]
    out = []
    for key, opposites in _ANTONYMS.items():
        at = _find(their_stems, key, 0, len(their_stems))
        if at < 0:
            continue
        after = set(_content(their_stems[at + len(key) : at + len(key) + _OBJECT_REACH]))
        if any(_find(their_stems, o, 0, len(their_stems)) >= 0 for o in opposites):
            continue  # the passage says both ("escalate tension ... defuse tension"): the
            # quotation's "heighten tension" may render either
        for opposite in opposites:
            where = _find(our_stems, opposite, 0, len(our_stems))
            if (
                where < 0
                or _negated(ours, where)
                or _find(their_stems, opposite, 0, len(found)) >= 0
            ):
                continue
            objects = _content(
                our_stems[where + len(opposite) : where + len(opposite) + _OBJECT_REACH]
            )
            if after & set(objects):
                said = " ".join(ours[where : where + len(opposite)])
                out.append(f"{said} for {' '.join(found[at : at + len(key)])}")
                break
    return out


def _content(stems: list[str]) -> list[str]:
    return [s for s in stems if s not in _FUNCTION and not s.isdigit()]


_OBJECT_REACH = 4
"""Words after a position word, and after its opposite, read for their common object."""
_FUNCTION = frozenset(stem(w) for w in "the a an its their all any with to of from on in".split())


def negates_an_opposite(quotation: str, stretch: str) -> bool:
    """Whether the quotation says a passage's word as its opposite negated ("should not be
    ignored" for "should be respected"): a rendering, whose negation the passage need not
    have.

    >>> negates_an_opposite("they should not be ignored", "they should be respected")
    True
    """
    return any(negated for _, _, negated in _swaps(quotation, stretch, _ANTONYMS))


def negates_an_opposite_anywhere(quotation: str, reference: str) -> bool:
    """Whether a short quotation negates the opposite of a word the statement uses
    anywhere ("must not be entertained at all" for its "should be ruled out"), when the
    passage its context chose is another: no alignment, the words alone.

    >>> negates_an_opposite_anywhere("must not be entertained at all", "It should be ruled out.")
    True
    >>> negates_an_opposite_anywhere("should be entertained", "It should be ruled out.")
    False
    """
    words = _WORD.findall(quotation)
    ours = [stem(w) for w in words]
    for key in _keys_in(reference):
        for opposite in _ANTONYMS[key]:
            at = _find(ours, opposite, 0, len(ours))
            if at >= 0 and _negated(words, at):
                return True
    return False


@lru_cache(maxsize=4)
def _keys_in(reference: str) -> tuple[tuple[str, ...], ...]:
    """The words of `_ANTONYMS` the reference uses, found once a reference (each short
    quotation asked of all of them, along the whole text)."""
    theirs = [stem(w) for w in _WORD.findall(reference)]
    return tuple(key for key in _ANTONYMS if _find(theirs, key, 0, len(theirs)) >= 0)


def weakened(quotation: str, stretch: str) -> list[str]:
    """Each commitment or degree of the passage the quotation puts in a weaker word.

    >>> weakened("they may closely coordinate", "they will closely coordinate")
    ['may for will']
    >>> weakened("The Parties are somewhat worried", "The Parties are seriously worried")
    ['somewhat for seriously']
    """
    return [f"{said} for {theirs}" for said, theirs, _ in _swaps(quotation, stretch, _WEAKENED)]


def weakened_short(quotation: str, stretch: str) -> list[str]:
    """A quotation of a few words (`_SHORT`) opening on a weaker word for the passage's
    own, its other words the passage's: "somewhat concerned" for "serious concern",
    too short to align word by word.

    >>> weakened_short("somewhat concerned", "The Parties express serious concern")
    ['somewhat for serious']
    >>> weakened_short("seriously concerned", "The Parties express serious concern")
    []
    """
    words = _WORD.findall(quotation)
    if not 1 < len(words) <= _SHORT:
        return []
    ours = [stem(w) for w in words]
    found, theirs, strong = _strong_words(stretch)
    for _, places, phrases in strong:
        for phrase in phrases:
            rest = ours[len(phrase) :]
            if tuple(ours[: len(phrase)]) != phrase or not rest:
                continue
            # the passage's word followed by the quotation's others ("seriously worried"
            # for "somewhat worried"; not "serious concern" for "some countries")
            at = next((k for k in places if theirs[k + 1 : k + 1 + len(rest)] == rest), -1)
            if at >= 0:
                return [f"{' '.join(words[: len(phrase)])} for {found[at]}"]
    return []


def _holds(joined: str, phrase: tuple[str, ...]) -> bool:
    """Whether stems `joined` by spaces (and a space at each end) hold `phrase` (stems) in
    a row: "a bit" is not held by a passage with "a" in it ("a ballistic missile launch").

    >>> _holds(" a launch ", ("a", "bit")), _holds(" a bit more ", ("a", "bit"))
    (False, True)
    """
    return f" {' '.join(phrase)} " in joined


@lru_cache(maxsize=64)
def _strong_words(
    stretch: str,
) -> tuple[list[str], list[str], list[tuple[str, list[int], list[tuple[str, ...]]]]]:
    """The passage's words and their stems, and each commitment or degree of `_WEAKER` it
    uses: the word, where it stands (the word itself, or its adjective: "serious" for
    "seriously", not another word of its stem, "resolution" for "resolutely"), and the
    weaker phrases for it (stems) that the passage does not use itself. Kept for the
    passages asked again (the whole reference, once a short quotation: `claims.unsaid`);
    callers only read what it returns."""
    found = _WORD.findall(stretch)
    theirs = [stem(w) for w in found]
    forms = [w.casefold() for w in found]
    joined = f" {' '.join(theirs)} "
    strong = []
    for word, others in _WEAKER.items():
        places = [k for k, w in enumerate(forms) if w in (word, word.removesuffix("ly"))]
        phrases = [p for p in (_stems(o) for o in others.split(", ")) if not _holds(joined, p)]
        if places and phrases:
            strong.append((word, places, phrases))
    return found, theirs, strong


_SHORT = 3
"""Most words of a quotation `weakened_short` reads."""


def weakened_before(quotation: str, stretch: str) -> list[str]:
    """A weaker word of the quotation before a word the passage has after its own stronger
    one, in a rendering too loose to align word by word: "are slightly worried by the
    DPRK's statement" for "are seriously worried by the Democratic People's Republic of
    Korea (DPRK)'s statement". A word the passage itself uses ("some") is none.

    >>> weakened_before("The Parties are slightly worried by Pyongyang's launch",
    ...                 "The Parties are seriously worried by the statement")
    ['slightly for seriously']
    >>> weakened_before("seriously worried, in some ways", "seriously worried")
    []
    """
    words = _WORD.findall(quotation)
    ours = [stem(w) for w in words]
    _, theirs, strong = _strong_words(stretch)
    for word, places, phrases in strong:
        for phrase in phrases:
            for i in range(len(ours) - len(phrase)):
                if tuple(ours[i : i + len(phrase)]) != phrase:
                    continue
                then = ours[i + len(phrase)]
                if then in _STOPWORD_STEMS:
                    continue  # ("some of the", "a little of"): no word to tie them by
                if any(theirs[k + 1 : k + 2] == [then] for k in places):
                    return [f"{' '.join(words[i : i + len(phrase)])} for {word}"]
    return []


def hedged(quotation: str, stretch: str) -> list[str]:
    """Words that hedge or limit what the passage states plainly: a modal before a verb
    the passage has with none ("might consider supporting" for "express support", "may
    express support"), or a qualifier it lacks ("in most cases", "in principle").

    >>> hedged("The Parties may express support for talks", "The Parties express support")
    ['may']
    >>> hedged("The Parties will closely coordinate", "Russia and China will closely coordinate")
    []
    >>> hedged("should be ruled out in most cases", "should be ruled out")
    ['in most cases']
    """
    out = [m.group() for m in _QUALIFIER.finditer(quotation) if m.group().casefold()
           not in stretch.casefold()]  # fmt: skip
    words = _WORD.findall(quotation)
    ours = [stem(w) for w in words]
    found = _WORD.findall(stretch)
    theirs = [stem(w) for w in found]
    for i, word in enumerate(words):
        if word.casefold() not in _HEDGES:
            continue
        # the verb it hedges: its first word of content ("consider" of "might consider
        # supporting", itself hedging the next), in the passage with no modal of its own
        then = [s for s in ours[i + 1 : i + 1 + _HEDGE_REACH] if s not in _STOPWORD_STEMS]
        verbs = set(then[:2]) if then[:1] == ["consid"] else set(then[:1])
        for k, s in enumerate(theirs):
            if s in verbs and not {w.casefold() for w in found[max(0, k - 2) : k]} & _MODALS:
                out.append(word)
                break
        if out and out[-1] == word:
            break
    return out


_HEDGES = frozenset("may might could perhaps possibly".split())
"""(Not "would": reported speech's "will", "they would closely coordinate".)"""
_MODALS = frozenset("will shall should must may might could would can".split())
_HEDGE_REACH = 3
"""Words after a hedge read for the verb it hedges ("might consider supporting")."""
_QUALIFIER = re.compile(
    r"\b(?:in\s+(?:most|some|certain|many)\s+cases|in\s+principle|where\s+possible"
    r"|as\s+far\s+as\s+possible|to\s+(?:some|a\s+certain)\s+extent|if\s+possible"
    r"|as\s+a\s+(?:general\s+)?rule|generally|in\s+general|usually|normally|largely|mostly"
    r"|for\s+the\s+most\s+part|by\s+and\s+large|ideally|partly|partially|in\s+part"
    r"|somewhat|mildly|slightly|tentatively|reluctantly|half-heartedly)\b",
    re.IGNORECASE,
)
"""Phrases that limit a statement to some cases or to what is convenient, or a stance to a
degree ("partly oppose" for "oppose")."""


def swapped_party(quotation: str, stretch: str) -> list[str]:
    """Each party the quotation names where the passage, aligned with it, names another.

    >>> swapped_party("the DPRK and Seoul should", "the United States and the ROK should")
    ['DPRK for United States']
    >>> swapped_party("Washington should refrain", "the United States should refrain")
    []
    >>> swapped_party("they should tell us", "they should tell the DPRK")
    []
    """
    aligned = _aligned(quotation, stretch)
    out = []
    for i1, i2, j1, j2 in aligned.replaced:
        ours = _named(aligned.ours[j1:j2], aligned.our_stems[j1 - 1] if j1 else "")
        theirs = _named(aligned.theirs[i1:i2], aligned.their_stems[i1 - 1] if i1 else "")
        new = [w for p, w in ours.items() if p not in theirs]
        old = [w for p, w in theirs.items() if p not in ours]
        if new and old:
            out.append(f"{' and '.join(new)} for {' and '.join(old)}")
    return out


def _named(words: list[str], before: str) -> dict[str, str]:
    """The parties `words` name (`before` them: the word that precedes them, if any), each
    with the words that name it, its article too. A name after a preposition of place
    ("signed in Beijing") is where, not who."""
    stems = [stem(w) for w in words]
    found: dict[str, str] = {}
    for name, party in _PARTY_STEMS.items():
        at = _find(stems, name, 0, len(stems))
        if at < 0 or party in found:
            continue
        if name == ("us",) and words[at] != "US":
            continue  # the pronoun ("let us"), not the United States
        if (stems[at - 1] if at else before) in _PLACE:
            continue
        start = at - 1 if at and stems[at - 1] == "the" else at
        found[party] = " ".join(words[start : at + len(name)])
    return found


_PLACE = frozenset("in at near from".split())


class _Aligned(NamedTuple):
    ours: list[str]
    theirs: list[str]
    our_stems: list[str]
    their_stems: list[str]
    replaced: list[tuple[int, int, int, int]]
    """(i1, i2, j1, j2): passage words [i1, i2) replaced by quotation words [j1, j2)."""


@lru_cache(maxsize=16)
def _aligned(quotation: str, stretch: str) -> _Aligned:
    """The two texts' words aligned by stem: where the quotation replaces the passage's
    words, the passage's at most `_SLACK` more than the quotation's."""
    ours = _WORD.findall(quotation)
    found = list(_WORD.finditer(stretch))
    theirs = [m.group() for m in found]
    our_stems, their_stems = [stem(w) for w in ours], [stem(w) for w in theirs]
    matcher = SequenceMatcher(None, their_stems, our_stems, autojunk=False)
    # Aligned within the stretch the quotation's runs of words hold, not the whole
    # passage: "the DPRK and the Republic of Korea should ... refrain" is not the
    # sentence's opening "The DPRK, by way of ..." followed by its end; nor, past the
    # sentence the last run ends in, the next one ("... ruled out. 5. The Parties ...").
    runs = [b for b in matcher.get_matching_blocks() if b.size >= _RUN]
    offset = 0
    if runs:
        first, last = runs[0], runs[-1]
        # As far as the quotation's words beyond the runs might reach, with words of the
        # passage left out between ("any possibility of using military means [to solve
        # ... Peninsula] should be kept open"), but not past the runs' sentences.
        offset = max(0, first.a - _REACH * first.b - _SLACK)
        end = last.a + last.size + _REACH * (len(ours) - last.b - last.size) + _SLACK
        for k in range(first.a - 1, offset, -1):
            if _SENTENCE_END.search(stretch, found[k - 1].end(), found[k].start()):
                offset = k
                break
        for k in range(last.a + last.size, min(end, len(found))):
            if _SENTENCE_END.search(stretch, found[k - 1].end(), found[k].start()):
                end = k
                break
        matcher = SequenceMatcher(None, their_stems[offset:end], our_stems, autojunk=False)
    replaced = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        i1, i2 = i1 + offset, i2 + offset
        if tag != "replace":
            continue
        if i2 - i1 > j2 - j1 + _SLACK:
            # The passage goes on past the quotation's end (or began before its start):
            # only its words next to the quotation's can be what it swapped.
            if j2 == len(ours) and i1 > 0:
                i2 = i1 + j2 - j1 + _SLACK
            elif j1 == 0 and i2 < len(theirs):
                i1 = max(0, i2 - (j2 - j1) - _SLACK)
            else:
                continue
        replaced.append((i1, i2, j1, j2))
    return _Aligned(ours, theirs, our_stems, their_stems, replaced)


def _swaps(
    quotation: str, stretch: str, table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
) -> list[tuple[str, str, bool]]:
    """(the quotation's words, the passage's, whether negated) of each swap of a
    passage's word for one `table` lists for it, where the two differ, aligned word by
    word."""
    their_firsts = {k[0] for k in table}
    our_firsts = {p[0] for ps in table.values() for p in ps}
    words = {stem(w) for w in _WORD.findall(stretch)}
    if not (their_firsts & words and our_firsts & {stem(w) for w in _WORD.findall(quotation)}):
        return []  # most quotations: no listed word on one side or no swap for it on the other
    aligned = _aligned(quotation, stretch)
    out = []
    for i1, i2, j1, j2 in aligned.replaced:
        for key, opposites in table.items():
            at = _find(aligned.their_stems, key, i1, i2)
            if at < 0:
                continue
            for opposite in opposites:
                where = _find(aligned.our_stems, opposite, j1, j2)
                if where >= 0 and _find(aligned.their_stems, opposite, 0, len(aligned.theirs)) < 0:
                    # (not a word the passage uses too: "stay calm" renders its "maintain
                    # calm", whatever "escalate" stands beside it)
                    said = " ".join(aligned.ours[where : where + len(opposite)])
                    theirs = " ".join(aligned.theirs[at : at + len(key)])
                    out.append((said, theirs, _negated(aligned.ours, where)))
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
    if before & _RENOUNCING:
        return True  # "renounce military pressure" for "dialogue": the opposite given up
    return bool(before & NEGATIONS) or any(w.endswith(("n’t", "n't")) for w in before)


_RENOUNCING = frozenset(
    """renounce renounces renouncing renounced abandon abandons abandoning abandoned reject
    rejects rejecting rejected avoid avoids avoiding avoided refrain refrains refrained
    oppose opposes opposing opposed end ending exclude excludes excluding excluded discard
    discards discarded dismiss dismisses dismissed eliminate eliminates eliminated preclude
    precludes precluded""".split()
)
"""Verbs that give up what follows them: an opposite after one is taken back, as after
"not"."""
