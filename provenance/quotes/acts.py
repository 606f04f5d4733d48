"""Acts a quotation has the statement perform that it never names: recognition, withdrawal,
sanctions, condemnation.

A joint statement takes its positions in a closed set of words. A quotation given to it
that has it recognise a state's nuclear status, demand a withdrawal of troops, impose or
lift sanctions, or condemn, blame or praise someone, is not a rendering of any passage,
however many of the statement's words it shares ("will recognise the DPRK as a nuclear
power"): the act is the quotation's own. `invented_acts` names those acts, by the words
of `ACTS` whose stem the statement never uses; a word the statement does use is left to
the passage's comparison.
"""

from __future__ import annotations

import re

from provenance.quotes.words import ALIASES, stem

ACTS = frozenset(
    stem(w)
    for w in """recognise recognize withdraw withdrawal expel expulsion impose imposition
    sanction sanctions embargo vow accuse accusation blame praise congratulate ratify
    dismantle intervene intervention annex annexation condemn condemnation invade invasion
    occupation punish punishment retaliate reunify reunification unify unification disband
    patrol blockade""".split()
)
"""Stems of words for what states do to or about each other, beyond taking a position.
("guarantee" and "pledge" render the statement's "ensure" and "committed" as often;
"disarmament" its "denuclearisation", "dissolve" its "defuse". Leading, mediating and
overseeing are roles: the statement gives none to anyone, "China will lead the efforts".)"""
_ROLES = frozenset(
    """lead leads leading led spearhead spearheads spearheaded spearheading mediate mediates
    mediated mediating mediation mediator mediators broker brokers brokered brokering oversee
    oversees oversaw overseeing supervise supervises supervised supervising supervision
    arbiter arbiters arbitrate arbitrates arbitrated arbitrating arbitration revoke revokes
    revoked revoking repeal repeals repealed repealing rescind rescinds rescinded annul
    annuls annulled abolish abolishes abolished abolishing guarantor guarantors""".split()
)
"""Roles and acts of undoing, as whole words (their stems would take in "overseas",
"leader"): leading, mediating and overseeing are roles the statement gives to no one
("China will lead the efforts"), nor does it make anyone a guarantor, and it revokes
nothing."""
_RENDERING = {
    stem("recognise"): "that",
    stem("recognize"): "that",
    **dict.fromkeys("lead leads leading led".split(), "to"),
}
"""An act's word followed by this word is another of the statement's verbs ("The
Parties recognise that ...": "confirm that"), or no act ("tension that could lead to an
armed conflict": "fraught with" it)."""
_ON_ITS_WORDS = frozenset(stem(w) for w in "withdraw withdrawal".split())
"""Acts that render the statement's own when done to what it names ("withdraw the
deployment process": "cancel" it); they are the quotation's own when done to anything
else ("the withdrawal of American troops")."""
_OBJECT_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_FOR_A_PARTY = frozenset(
    stem(w) for w in "protect guarantee defend shield ensure safeguard".split()
)
"""Acts the statement performs only for its authors ("protect the two countries' security
interests", "ensure a strategic balance"): done for another party ("will protect the
DPRK's nuclear programme", "guarantee Pyongyang's security", "ensure the safety of
Pyongyang"), the quotation's own."""
_ENSURE = stem("ensure")
_ON_ARMS = frozenset(stem(w) for w in "abandon surrender".split())
_ARMS = frozenset(stem(w) for w in "weapons weapon arsenal arsenals warheads bomb bombs".split())
"""Giving up arms ("abandon its nuclear weapons"): a demand the statement never makes (its
"denuclearisation" is of the peninsula, asked of no one party)."""
_AT_THE_UN = frozenset(stem(w) for w in "block veto".split())
_UN_WORDS = frozenset(stem(w) for w in "un council resolution resolutions sanctions action".split())
"""Blocking the Security Council's action: an act, not a position."""
_UNDONE = frozenset(stem(w) for w in "lift lifting ease easing suspend suspending scrap".split())
_BINDING = frozenset(stem(w) for w in "resolution resolutions sanctions embargo".split())
"""Undoing the Security Council's resolutions or sanctions ("ask the Council to lift its
resolutions on the DPRK"): the statement calls for their full implementation."""
_LEAVE = frozenset(stem(w) for w in "leave leaves leaving quit vacate pull".split())
_PLACES = frozenset(stem(w) for w in "korea peninsula region asia south out".split())
"""A party leaving a place ("after the United States leaves the Republic of Korea", "pull
out of the region"): a withdrawal, which the statement never asks of anyone."""
_REACH = 4
"""Words after an act read for what it is done to, `_PASSED_OVER` aside."""
_PASSED_OVER = frozenset("the a an of its their his her to".split())


def _party(word: str) -> bool:
    """Whether a word is (part of) a party's name ("United", "DPRK", "American")."""
    folded = word.casefold()
    return folded in ALIASES or folded in _ALIAS_WORDS


_ALIAS_WORDS = frozenset(w for names in ALIASES.values() for n in names for w in n.split())


def invented_acts(
    quotation: str, held: frozenset[str], stopwords: frozenset[str] = frozenset()
) -> list[str]:
    """The quotation's words for acts (`ACTS`) whose stems `held` (the statement's word
    stems) lacks, as the quotation writes them; `stopwords` are passed over when reading
    what an act is done to.

    >>> invented_acts("will recognise the DPRK as a nuclear power", frozenset({"dprk"}))
    ['recognise']
    >>> invented_acts("urge the DPRK to refrain", frozenset({"urge", "dprk", "refrai"}))
    []
    >>> invented_acts("The Parties recognise that it matters", frozenset())
    []
    >>> invented_acts("withdraw the deployment process", frozenset({"deploy", "proces"}),
    ...               frozenset({"the"}))
    []
    >>> invented_acts("withdraw United States forces", frozenset({"united", "states", "force"}))
    ['withdraw']
    >>> invented_acts("withdraw its forces from Northeast Asia", frozenset({"force", "asia"}))
    ['withdraw']
    >>> invented_acts("will take charge of the talks", frozenset({"talks"}))
    ['take charge of']
    >>> invented_acts("will lead the efforts of overseas forces", frozenset())
    ['lead']
    """
    words = _WORD.findall(quotation)
    out = []
    for k, word in enumerate(words):
        root = stem(word)
        folded = word.casefold()
        if folded in _ROLES:
            root = folded  # (a whole word: see `_ROLES`)
        elif root not in ACTS:
            continue
        if root in held or word in out:
            continue
        if k + 1 < len(words) and _RENDERING.get(root) == words[k + 1].casefold():
            continue
        if root in _ON_ITS_WORDS and not _owned_forces(words[k + 1 : k + 3]):
            after = [w for w in words[k + 1 :] if w.casefold() not in stopwords]
            done_to = after[:_OBJECT_WORDS]
            if done_to and all(stem(w) in held and not _party(w) for w in done_to):
                continue  # (of a party's forces, diplomats, troops: the quotation's own)
        out.append(word)
    out.extend(_acts_by_object(words))
    out.extend(" ".join(m.group().split()) for m in _ROLE.finditer(quotation))
    return out


_ROLE = re.compile(
    r"\b(?:(?:take|takes|took|taking|be|is|are|was|were|put|placed)\s+(?:in\s+)?charge\s+of"
    r"|(?:take|takes|took|taking)\s+the\s+lead|at\s+the\s+helm\s+of|in\s+the\s+driving\s+seat"
    # a guarantor of a deal, not "guarantee peace" (the statement's "ensure"): "a plan which
    # China will guarantee", "will guarantee the freeze"
    r"|(?:which|that)\s+(?:[\w’'-]+\s+){1,4}?guarantee[sd]?(?=\s*$)"
    r"|(?:will|would|shall|can|could|must|to)\s+guarantee(?=[\s.,;:!?”\"’']*$)"
    r"|guarantee[sd]?\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+)?(?:plan|deal|agreement"
    r"|settlement|initiative|roadmap|arrangement|freeze|moratorium|implementation|compliance))\b",
    re.IGNORECASE,
)
"""A role in words of more than one ("will take charge of the creation of ...", "take the
lead"): the statement gives none to anyone."""


def _owned_forces(words: list[str]) -> bool:
    """Whether the words after an act are a party's forces by a possessive ("withdraw its
    forces", "their troops"): the statement's forces are "extra-regional", no one's.

    >>> _owned_forces(["its", "forces"]), _owned_forces(["the", "deployment"])
    (True, False)
    """
    return len(words) == 2 and words[0].casefold() in _POSSESSIVES and stem(words[1]) in _FORCES


_POSSESSIVES = frozenset("its their his her our your".split())
_FORCES = frozenset(stem(w) for w in "forces troops soldiers military presence".split())


def _acts_by_object(words: list[str]) -> list[str]:
    """Acts that are the quotation's own by what they are done to, whatever words the
    statement has (it "protects" its authors' interests, never another party).

    >>> _acts_by_object(_WORD.findall("Russia and China will protect the DPRK’s nuclear programme"))
    ['protect']
    >>> _acts_by_object(_WORD.findall("to protect the two countries’ security interests"))
    []
    >>> _acts_by_object(_WORD.findall("urge the DPRK to immediately abandon its nuclear weapons"))
    ['abandon']
    >>> _acts_by_object(_WORD.findall("will block any UN action against Pyongyang"))
    ['block']
    >>> _acts_by_object(_WORD.findall("guarantee the security of the DPRK"))
    ['guarantee']
    >>> _acts_by_object(_WORD.findall("ask the Security Council to lift its resolutions"))
    ['lift']
    >>> _acts_by_object(_WORD.findall("after the United States leaves the Republic of Korea"))
    ['leaves']
    >>> _acts_by_object(_WORD.findall("to ease tension and leave no room for provocation"))
    []
    """
    out = []
    for k, word in enumerate(words):
        root = stem(word)
        # (read past "the", "of": "guarantee the security of the DPRK" is done for the DPRK)
        ahead = words[k + 1 : k + 1 + 3 * _REACH]  # (not the whole rest: a word a word)
        after = [w for w in ahead if w.casefold() not in _PASSED_OVER][:_REACH]
        roots = {stem(w) for w in after}
        if (
            (
                root in _FOR_A_PARTY
                and not (root == _ENSURE and after[:1] == ["that"])
                # ("ensure that the DPRK's concerns are respected"; "guarantee that" promises)
                and any(w.casefold() in _OTHER_PARTIES for w in after)
            )
            or (root in _ON_ARMS and roots & _ARMS)
            or (root in _AT_THE_UN and (root == stem("veto") or roots & _UN_WORDS))
            or (root in _UNDONE and roots & _BINDING)
            or (root in _LEAVE and roots & _PLACES)
        ) and word not in out:
            out.append(word)
    return out


def acts_for(quotation: str, addressee: str) -> list[str]:
    """The quotation's words for acts the statement does only for its authors (`_FOR_A_PARTY`:
    protecting, guaranteeing, defending), when the page gives them to another party named
    just before it ("had promised Pyongyang “security guarantees”").

    >>> acts_for("security guarantees", "Pyongyang"), acts_for("security guarantees", "Moscow")
    (['guarantees'], [])
    """
    if addressee.casefold() not in _OTHER_PARTIES:
        return []
    return [w for w in _WORD.findall(quotation) if stem(w) in _FOR_A_PARTY]


_OTHER_PARTIES = frozenset(
    """dprk pyongyang north rok seoul washington usa america american japan tokyo regime
    kim""".split()
)
"""Words naming a party other than the statement's authors, by name (not "states" or
"countries", which the statement's own "regional states" and "two countries" hold)."""
