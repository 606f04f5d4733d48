"""Who does what: the parties a text gives its actions to, for the evidence in `claims`.

A translation keeps who does what. "The DPRK ... announces a moratorium ..., and the
United States and the Republic of Korea should ... refrain from large-scale joint
exercises": a quotation in which the Republic of Korea announces the moratorium, or Russia
and China refrain from the exercises, gives an action to a party the statement does not
give it to.

Without a parser, each word's party is the nearest party named before it in its clause as
a subject would be: not after a preposition ("for the North and the South", "including
Russia and China"), not as a possessive ("the DPRK's statement"). A party named after "by"
does the words just before it ("exercises by the United States"); a demonym joined to a
participle does what follows it ("the Chinese-proposed ideas"). Whatever makes the party
unsure leaves the words after it without one: a clause boundary ("that", "which", a
semicolon), a pronoun, a party named as an object, a verb whose object does the next
action ("call on the countries to stop", "urge", "support for"). Only words every
occurrence of which has a party count, so unsure prose gives no evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.quotes.words import STOPWORDS, stem

_PARTIES = {
    "dprk": ("Democratic People’s Republic of Korea", "DPRK", "North Korea", "Pyongyang", "North"),
    "rok": ("Republic of Korea", "ROK", "South Korea", "Seoul", "South"),
    "us": ("United States of America", "United States", "USA", "US", "Washington", "America"),
    "russia": ("Russian Federation", "Russia", "Moscow", "Kremlin"),
    "china": ("People’s Republic of China", "PRC", "China", "Beijing"),
    "japan": ("Japan", "Tokyo"),
}
"""The states of the Korean question under the names a statement or a news story gives
them. Hand-made, as `words.ALIASES` is, and kept apart from it: naming the actor needs the
two Koreas told apart ("Republic of Korea" is the South), which the aliases, made to
recognise a state under any of its names, do not."""
_DEMONYMS = {"dprk": "North Korean", "rok": "South Korean", "us": "American",
             "russia": "Russian", "china": "Chinese", "japan": "Japanese"}  # fmt: skip
"""...and their adjectives, which name an actor only joined to a participle ("Chinese-proposed")."""
_KEYS = {"russia": "russia", "china": "china", "dprk": "dprk", "korea": "rok", "united": "us"}
"""`words.authors` names (case-folded) and the party each stands for here."""
_APOSTROPHE = "[’'‘]"
_NAMED = {n.replace("’", "'"): key for key, names in _PARTIES.items() for n in names}
_NAMED |= {n: key for key, n in _DEMONYMS.items()}
_AUTHORS = r"Parties|(?:the )?two (?:countries|sides)|both (?:countries|sides)"


def _alternation(names: list[str]) -> str:
    longest = sorted(names, key=len, reverse=True)  # "North Korea" before "North"
    return "|".join(re.escape(n).replace("'", _APOSTROPHE) for n in longest)


_TOKEN = re.compile(
    rf"(?P<party>\b(?:{_alternation(list(_NAMED))}|{_AUTHORS})\b(?:\s*\([A-Z]+\))?)"
    rf"(?P<owner>{_APOSTROPHE}s?(?!\w))?(?P<joined>-(?=\w))?"
    rf"|(?P<possessive>\b\w+{_APOSTROPHE}s\b)"
    rf"|(?P<word>[^\W\d_]+(?:{_APOSTROPHE}[^\W\d_]+)?)"
    r"|(?P<stop>[.;:!?()\[\]“”\"])"
)
"""A party's name (a possessive, or joined to the next word by a hyphen), another
possessive, a word, or a stop that ends a clause."""
_PREPOSITIONS = frozenset(
    """of on in at to from with for towards toward against between among including about
    over into upon under via than as like around across within without through after
    before beyond concerning regarding except besides""".split()
)
_READ_PAST = frozenset("the both all".split())
"""Words `_word_before` reads past to the word that names ("both the Parties")."""
_CLAUSE = frozenset("that which who whom whose where while whereas if when because".split())
_PRONOUNS = frozenset("they it he she we this these those".split())
_AUXILIARIES = frozenset(
    """should will would must can could may might shall is are was were be been being has
    have had do does did to also both""".split()
)
"""Function words a verb group runs through ("should, accordingly, refrain", "have agreed
to adopt"); any other ends it."""
_PARTICLES = frozenset("forward back ahead away aside off down together".split())
"""Words completing a verb ("put forward"), the verb group's last."""
_OFF, _OPEN, _DONE = 0, 1, 2
"""No verb group; one open (after the actor, its auxiliaries and adverbs); its verb read."""
_HANDING_ON = frozenset(
    """urge urges urged urging call calls called calling ask asks asked asking invite
    invites invited encourage encourages encouraged appeal appeals request requests
    demand demands press presses want wants expect expects support supports supported""".split()
)
"""Verbs whose object does the action after them ("call on the countries to stop",
"support for the North and the South to conduct dialogue"): past them the actor is unsure."""


@dataclass(frozen=True, slots=True)
class Role:
    """A word of a text and the parties that do it there (empty: unsure)."""

    word: str
    """The word, case-folded."""
    parties: frozenset[str]
    verb: bool = False
    """Whether the word is in the verb group right after its party: auxiliaries and
    adverbs, one verb and its particle ("should jointly announce", "put forward",
    "proposed" in "Chinese-proposed"), where the party surely does it. Further on ("a
    moratorium on ... tests", "freezing joint exercises") the word may be another's."""


def roles(text: str, authors: frozenset[str]) -> list[Role]:
    """Each word of `text` but stop words and names, with the parties that do it there.

    Args:
        text: Prose of the statement or of a quotation.
        authors: Case-folded names of the statement's authors (`words.authors`), whom
            "the Parties" and "the two countries" stand for; empty leaves those unsure.

    >>> [(r.word, sorted(r.parties), r.verb)
    ...  for r in roles("the ROK announces a moratorium", frozenset())]
    [('announces', ['rok'], True), ('moratorium', ['rok'], False)]
    """
    ours = frozenset(_KEYS[a] for a in authors if a in _KEYS)
    tokens = list(_TOKEN.finditer(text))
    out: list[Role] = []
    actor: frozenset[str] = frozenset()
    verb = _OFF  # where the verb group after the actor has got to
    k = 0
    while k < len(tokens):
        m = tokens[k]
        if m.group("word") is not None:
            word = m.group().casefold()
            if word in _CLAUSE or word in _PRONOUNS:
                actor, verb = frozenset(), _OFF
            elif word not in STOPWORDS:
                doing = verb == _OPEN or (verb == _DONE and word in _PARTICLES)
                out.append(Role(word, actor, doing))
                verb = _OPEN if doing and word.endswith("ly") else _DONE if doing else _OFF
                verb = _OFF if doing and word in _PARTICLES else verb
            elif verb == _DONE and word == "to":
                verb = _OPEN  # "have agreed to adopt"
            elif word not in _AUXILIARIES or verb == _DONE:
                verb = _OFF
            if word in _HANDING_ON:
                actor, verb = frozenset(), _OFF
            k += 1
            continue
        if m.group("party") is None:  # a stop or another possessive
            actor, verb = frozenset(), _OFF
            k += 1
            continue
        if m.group("joined"):
            actor, verb = _party(m, ours), _OPEN  # "US-led", "Chinese-proposed"
            k += 1
            continue
        if m.group("party") in _DEMONYMS.values():  # "the Chinese ideas": no actor named
            k += 1
            continue
        group, end = _group(tokens, k, text, ours)
        at_before = _word_before(tokens, k)
        before = tokens[at_before].group().casefold() if at_before >= 0 else ""
        if before == "by" and group:  # the agent of a passive: "put forward by the United States"
            for at in _run_before(out, tokens, at_before):
                out[at] = Role(out[at].word, group, True)
            actor, verb = frozenset(), _OFF
        else:
            actor = frozenset() if before in _PREPOSITIONS else group
            verb = _OPEN if actor else _OFF
        k = _past_apposition(tokens, end, text) if actor else end
    return out


def _past_apposition(tokens: list[re.Match[str]], k: int, text: str) -> int:
    """The token after an aside between commas that follows a party's name ("The DPRK,
    by way of a voluntary political decision, announces"), where its verb group goes on;
    `k` when none does (at most `_APPOSITION_WORDS` words, no stop among them)."""
    if k >= len(tokens) or k == 0 or text[tokens[k - 1].end() : tokens[k].start()].strip() != ",":
        return k
    for j in range(k + 1, min(len(tokens), k + _APPOSITION_WORDS + 1)):
        if tokens[j].group("word") is None:
            return k
        if text[tokens[j - 1].end() : tokens[j].start()].strip() == ",":
            return j
    return k


_APPOSITION_WORDS = 10


def _party(m: re.Match[str], ours: frozenset[str]) -> frozenset[str]:
    """The parties a name token stands for: the authors for "the Parties"."""
    name = re.sub(r"\s*\([A-Z]+\)$", "", m.group("party")).replace("’", "'").replace("‘", "'")
    key = _NAMED.get(name)
    return frozenset({key}) if key else ours


def _group(
    tokens: list[re.Match[str]], k: int, text: str, ours: frozenset[str]
) -> tuple[frozenset[str], int]:
    """The parties named from `tokens[k]` on, joined by "and" or commas, and the index
    after them. Unsure (empty) when any is a possessive ("Russia and China's") or stands for
    no known party (the authors of a statement that names none)."""
    names = [_party(tokens[k], ours)]
    owned = bool(tokens[k].group("owner") or tokens[k].group("joined"))
    end = k + 1
    while not owned and end < len(tokens):
        j = end
        while j < len(tokens) and tokens[j].group().casefold() in ("and", "the", "both"):
            j += 1
        gap = text[tokens[end - 1].end() : tokens[min(j, len(tokens) - 1)].start()]
        if j == end and gap.strip() != ",":
            break
        if j >= len(tokens) or tokens[j].group("party") is None:
            break
        names.append(_party(tokens[j], ours))
        owned = bool(tokens[j].group("owner") or tokens[j].group("joined"))
        end = j + 1
    if owned or not all(names):
        return frozenset(), end
    return frozenset().union(*names), end


def _word_before(tokens: list[re.Match[str]], k: int) -> int:
    """Index of the word before `tokens[k]`, past "the", "both" and "all" (-1 at a stop)."""
    j = k - 1
    while j >= 0 and tokens[j].group("word") is not None:
        if tokens[j].group().casefold() not in _READ_PAST:
            return j
        j -= 1
    return -1


def _run_before(out: list[Role], tokens: list[re.Match[str]], by: int) -> list[int]:
    """Indices into `out` of the words just before "by" at `tokens[by]`, back to a stop
    word other than "and" ("missile and nuclear activities by the DPRK")."""
    j = by - 1
    count = 0
    while j >= 0 and tokens[j].group("word") is not None:
        word = tokens[j].group().casefold()
        if word in STOPWORDS and word != "and":
            break
        count += word not in STOPWORDS
        j -= 1
    return list(range(len(out) - count, len(out)))


def given_to_others(quotation: str, stretch: str, authors: frozenset[str]) -> list[str]:
    """Words `quotation` gives to parties that `stretch` never gives them to.

    A word counts when the quotation names who does it in the verb group after the party
    (`Role.verb`), the stretch holds it and names who does it at every occurrence, and no
    party of the quotation's is among them: "the Republic of Korea should announce a
    moratorium" where the DPRK announces it. Words further on are left out: in "the
    Parties propose a freeze of the exercises" the Parties hold no exercises.

    >>> given_to_others("the ROK announces a moratorium", "the DPRK announces a moratorium "
    ...                 "and the ROK refrains from exercises", frozenset())
    ['announces']
    """
    theirs = roles(stretch, authors)
    out: list[str] = []
    for role in roles(quotation, authors):
        if not role.verb or len(role.word) < 4 or role.word in out:
            continue
        alike = [r.parties for r in theirs if _kin(r.word, role.word)]
        if alike and all(p and not p & role.parties for p in alike):
            out.append(role.word)
    return out


def _kin(a: str, b: str) -> bool:
    """Whether two case-folded words are forms of one ("putting", "put"; "tests", "testing").

    >>> [_kin(a, b) for a, b in [("putting", "put"), ("announces", "announce"), ("test", "tea")]]
    [True, True, False]
    """
    return stem(a) == stem(b) or _root(a) == _root(b)


def _root(word: str) -> str:
    root = re.sub(r"(?:ing|ed|es|s|e)$", "", word)
    if len(root) > 2 and root[-1] == root[-2] and root[-1] not in "aeiousl":
        root = root[:-1]  # "putt" -> "put", not "agree" or "assess"
    return root
