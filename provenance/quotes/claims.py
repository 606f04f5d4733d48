"""What a quotation asserts that the statement does not: the evidence for `not-in-reference`.

A quotation attributed to the statement is an invention only on evidence, never because
its words differ (a translation, a machine-spun rewrite and an acronym all differ). Eight
kinds of evidence, each checked against the reference stretch the quotation was compared
with and, for names, against the whole reference:

- a reversed position: the quotation supports (or calls legitimate) what the stretch
  opposes (or calls unacceptable), or the reverse;
- a negation the stretch does not have ("should not be respected"), or the reverse: a word
  the stretch negates ("does nothing to help achieve", "should not inflict") asserted
  plainly ("helps achieve"); a negated stance is the other stance ("do not accept");
- a threat: words of force or retaliation the stretch never uses;
- an action given to another party: the quotation has a party do what the stretch has
  another do ("the Republic of Korea should announce a moratorium" where the DPRK announces
  it; see `roles`);
- a number the stretch does not give: a date, a year, a count or a term ("within six
  months", "July 14") that no translation would add;
- a party the passage is not about: a state the quotation names, by the statement's own
  name for it, that the passage never names in any form ("the DPRK should stop the
  deployment" where the statement calls on "the relevant countries");
- words brought from elsewhere (only when the caller passes the lexicon: a paraphrase):
  two or more of the statement's distinctive words that the stretch does not hold, a
  recombination of the statement's vocabulary rather than a rendering of one passage;
- a name the statement never uses, in any of its forms: not an acronym (ABM for
  antimissile), not a common English word written with a capital (General), not another
  name of a party the statement names (Pyongyang for the DPRK).

Key words are matched in their regular inflections ("retaliated" meets "retaliate"), and
commonness comes from wordfreq's English frequencies (data shipped in the package, small
list, imported only when a capitalised word needs it): offline, the same answer every time.
simplemma was tried for the inflections and left out: loading its English dictionary took
0.6 s per run, for a dozen key words whose forms are regular.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from provenance.english import read_word_list as read_word_list
from provenance.english import zipf as zipf
from provenance.footnotes import FOOTNOTE
from provenance.kinds import ESCAPED_CHARACTER, NEGATIONS, NUMBER_WORDS, one_slip
from provenance.quotes.acts import invented_acts
from provenance.quotes.antonyms import (
    hedged,
    negates_an_opposite,
    swapped_party,
    turned,
    turned_on_its_object,
    weakened,
    weakened_before,
    weakened_short,
)
from provenance.quotes.roles import given_to_others
from provenance.quotes.words import (
    ALIASES,
    DEMONYMS,
    STOPWORDS,
    WORD,
    Lexicon,
    author_party,
    content_words,
    other_names,
    stem,
)

_WORD = WORD
_SUPPORT = frozenset(
    """support back welcome endorse approve favour favor accept applaud justified justifiable
    legitimate acceptable commit uphold""".split()
)
_OPPOSE = frozenset(
    """against oppose opposition reject condemn unacceptable object stop cancel halt scrap
    veto block resist denounce boycott prohibit ban forbid obstruct""".split()
)
_NEGATION = NEGATIONS | {"n’t", "n't"}
_DENYING = frozenset(
    """fail lack refrain abstain desist renounce avoid abandon exclude rule forgo prevent hinder
    non little hardly barely scarcely far instead moratorium""".split()
)
"""Words that take back what follows them as a negation does ("fails to help", "refrain
from using", "far from helping"): with `_NEGATION` and `_OPPOSE`, what keeps a quotation
from asserting a word plainly."""
_REFRAINING = frozenset("refrain abstain desist forgo avoid".split())
_HOLDING_BACK = _REFRAINING | {"renounce"}
"""Verbs of holding back from or giving up what follows: a stance against it, which a
quotation supporting the holding back ("welcome the renunciation of ...") keeps."""
_HOLDING_BACK_STEMS = ("refrain", "renounc", "renunciat", "abstain", "abstent", "desist",
                       "forgo", "avoid")  # fmt: skip
"""Verbs of holding back from what follows ("abstain from dialogue"): a quotation's is a
negation the statement's passage must have, as its "not" is."""
DENIAL_REACH = 4
"""Words before a word within which a negation or a denying word takes it back ("does not
in any way help")."""
NEGATION_REACH = 3
"""...within which a negation turns a stance round ("do not accept", "are not against")."""
SCOPE_REACH = 12
"""Words before an "or" within which a negation still reaches past it ("does not help
achieve the aims of denuclearisation or ensure peace")."""
THREAT_REACH = 2
"""...and within which it takes back a threat ("not using force", "without the use of
force"); "will not hesitate to use force" stays a threat."""
_THREAT = frozenset(
    """forceful retaliate retaliation retaliatory strike attack punish punishment
    destroy annihilate countermeasure war warfare invade invasion shoot""".split()
)
_CHARGED = frozenset(
    stem(w)
    for w in """blackmail reckless recklessly rogue puppet outlaw criminal barbaric savage
    insane lunatic maniac madman hysteria hysterical brinkmanship adventure adventures
    adventurism adventurist warmonger warmongering aggressor imperialist imperialism
    hegemony hegemonic bully bullying arrogant arrogance outrageous despicable shameful
    disgraceful evil wicked villain thug thugs thuggish gangster dictator tyrant tyranny menace
    lawless irresponsible flagrant blatant brazen illegal illegitimate unlawful crime crimes
    unjust injustice""".split()
)
"""Stems of labels of contempt or alarm one party pins on another ("nuclear blackmail", "a
rogue state", "military hysteria", "reckless"). A joint statement in a foreign ministry's
register takes its positions in measured words ("concern", "unacceptable", "provocative
moves"); a label of this kind inside quotation marks given to it is the quoting page's own,
however close the words around it, unless the statement itself uses it."""
_JUDGED = frozenset(
    """success successes successful succeeded failure failures failed fiasco obsolete
    outdated outmoded victory victories triumph triumphant breakthrough breakthroughs mistake
    mistakes mistaken blunder blunders disaster disasters disastrous catastrophe catastrophic
    futile pointless useless naive absurd ridiculous historic landmark masterstroke""".split()
)
"""A verdict on how something went or what it is worth ("has proved a success", "the
commitments of 2005 are obsolete", "a historic breakthrough"): the statement judges
nothing so; such a word in its mouth is the quoting page's own. Whole words, not stems:
"historic" is no "History"."""
_THREAT_SAID_AS = {"war": {"conflict"}, "warfare": {"conflict"}}
"""Threat words a passage says in other words: "war" where it speaks of an armed conflict
(the danger it describes, "could tip into open war", is no threat the Parties make)."""
_RULED_OUT = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:(?:not|never)\s+(?:be\s+)?(?:used?|employed|applied|an\s+option)"
    r"|(?:be|is|are|been)\s+(?:ruled\s+out|excluded|renounced|unacceptable))\b"
)
"""Said of a threat just after it, renounces it ("military force must not be used",
"force is ruled out"), as a negation before it does."""
_RENOUNCED = re.compile(
    r"\b(?:be|is|are|been)\s+(?:ruled\s+out|excluded|renounced|rejected|inadmissible)\b"
)
"""Said later in the quotation's clause, renounces a threat before it ("any possibility of
using military force ... should be ruled out", "the use of force must be excluded")."""
_OPPOSED_BEFORE = re.compile(
    r"\b(?:oppos\w*|against|reject\w*|renounc\w*|exclud\w*|refrain\w*|avoid\w*|prevent\w*"
    r"|condemn\w*)\b[^,;.:!?]*\Z"
)
"""Earlier in a threat's clause: a verb that sets the quotation against what follows, the
threat among it ("oppose any attempt to solve the problem by force")."""
_THREAT_PHRASES = (
    "military force",
    "use force",
    "by force",
    "respond with",
    "respond militarily",
    "military response",
    "military action",
)
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
_POSSESSIVE = re.compile(r"[’'‘]s$")
_NUMBER = re.compile(r"\d+(?:[,.]\d+)*")
NAMING_WORDS = 5
"""Fewer words than this make a quotation a name or a phrase ("two halts", "the two
Koreas"), whose cardinal the statement writes is no count of anything."""
_PAIRED = re.compile(r"\b(?:double|doubled|both|dual|twin|twofold|pair|parallel)\b", re.IGNORECASE)
"""Words of two things, which a count of two renders."""
_IN_WORDS = re.compile(rf"(?<![^\W\d_]){_NUMBER.pattern}(?![^\W\d_])")
"""A number standing as a word: not the "1" a scan or a typist put in "unacceptab1e"."""
_NUMBER_OR_WORD = re.compile(rf"{_IN_WORDS.pattern}|[^\W\d_]+")
_CARDINALS = {word: value for word, value in NUMBER_WORDS.items() if word != "one"}
"""Cardinal words and their values. "one" is left out: it is as often a pronoun ("one
another") as a count."""
DISTINCTIVE_ZIPF = 4.3
"""A word of the statement rarer than this in English (wordfreq's Zipf scale: "moratorium"
3.1, "benevolence" and "coexistence" below the list, "pretext" 3.3) is one a translator
keeps rather than finds by chance; commoner ones ("oppose" 3.9 is rare enough, "resolve"
4.2, "comprehensive" 4.4, "work" 6.0) turn up in any rewording."""
DISTINCTIVE_SENTENCES = 2
"""...and used in at most this many of its sentences: a word of one passage, not of all."""
BORROWED_MIN = 2
"""Fewest distinctive words from elsewhere that make a recombination. One is chance: a
translator's "oppose" for "are against" is the statement's own word two paragraphs away."""
PREFIXED_ZIPF = 3.0
"""What follows "un" or "non" is a word of its own (a negative prefix) when at least this
frequent in English: "acceptable" 4.3; not "derstand"."""
COMMON_ZIPF = 5.3
_COMPASS = frozenset("north south east west".split())
"""Points of the compass, which the reference may hold in a compound ("Northeast")."""
"""A capitalised word whose lower-case form is at least this frequent in English (wordfreq's
Zipf scale: "general" 5.5, "state" 5.6) is a common word, not a name. Place names sit below
("europe" 5.0, "asia" 4.7, "pyongyang" 3.1)."""


def _forms(word: str) -> set[str]:
    """Regular English inflections of a key word: support -> supports, supported, ..."""
    base = word[:-1] if word.endswith("e") else word
    return {word, word + "s", word + "es", base + "ed", base + "ing", base + "ion", word + "d"}


_LEMMA = {f: w for w in _SUPPORT | _OPPOSE | _THREAT | {"use", "respond"} for f in _forms(w)}
_LEMMA |= {"backed": "back", "opposed": "oppose", "struck": "strike", "stopped": "stop"}
_LEMMA |= {"banned": "ban", "banning": "ban", "forbade": "forbid", "forbidden": "forbid"}
_LEMMA |= {"committed": "commit", "committing": "commit", "upheld": "uphold"}
_DENIAL = _NEGATION | {f for w in _DENYING | _OPPOSE for f in _forms(w)}
_NOT_NEGATING = re.compile(
    r"\bwithout\s+(?:any\s+|further\s+)?(?:delay|hesitation|fail)\b|\bnot\s+only\b"
    r"|\bno\s+later\s+than\b",
    re.IGNORECASE,
)
"""Idioms whose negation word negates nothing the statement says ("without delay" is "at
once")."""


def _denials_mistyped(quotation: str, stretch: str) -> str:
    """`quotation` with each word one typing slip from a denying word of `stretch` ("aginst"
    for "against", "opose" for "oppose") written as that word: a slip in a negation is no
    negation dropped. Only words of five letters or more ("not" and "now" differ in
    meaning, not in typing).

    >>> _denials_mistyped("they are aginst the deployment", "they are against it")
    'they are against the deployment'
    """
    denials = {w for w in _WORD.findall(stretch) if w.casefold() in _DENIAL and len(w) >= 5}
    if not denials:
        return quotation

    def mended(m: re.Match[str]) -> str:
        word = m.group()
        if len(word) < _MISTYPED_MIN or word in denials:
            return word
        near = [d for d in denials if one_slip(word.casefold(), d.casefold())]
        return near[0] if len(near) == 1 else word

    return _WORD.sub(mended, quotation)


_MISTYPED_MIN = 5


def lemmas(text: str) -> list[str]:
    """Case-folded words of `text`, the forms of key words (supports, opposed) as the word;
    "back" after a verb it turns into another ("hold back from", "scale back") or before
    "down", "off", "away" is no support, and reads as "refrain".

    >>> lemmas("They held back from drills and backed the plan")
    ['they', 'held', 'refrain', 'from', 'drills', 'and', 'back', 'the', 'plan']
    """
    folded = [_LEMMA.get(w.casefold(), w.casefold()) for w in _WORD.findall(text)]
    if "back" not in folded:
        return folded  # (most texts: no word read twice on this path, the claims' hottest)
    for k, word in enumerate(folded):
        if word == "back" and (
            (k and folded[k - 1] in _BACK_TURNS) or folded[k + 1 : k + 2] in _BACK_AWAY
        ):
            folded[k] = "refrain"
    return folded


_BACK_TURNS = frozenset(
    """hold holds held holding scale scales scaled scaling roll rolls rolled rolling cut cuts
    cutting step steps stepped stepping pull pulls pulled pulling draw draws drew drawn
    drawing fall falls fell falling push pushes pushed pushing turn turns turned turning
    pare pared""".split()
)
_BACK_AWAY = (["down"], ["off"], ["away"])
"""What turns "back" from support into holding back ("hold back", "back down")."""


def unsaid(
    quotation: str,
    stretch: str,
    judged: str,
    vocabulary: frozenset[str],
    *,
    lexicon: Lexicon | None = None,
    authors: frozenset[str] = frozenset(),
    lead_in: str = "",
    reference: str = "",
    stance: str | None = None,
) -> list[str]:
    """What `quotation` asserts that the reference `stretch` does not, in a few words each.

    Args:
        quotation: The quoted words.
        stretch: The reference stretch compared with it.
        judged: The text searched for names: the quotation, or its sentence when short.
        vocabulary: Case-folded words of the whole reference.
        lexicon: The reference's lexicon, to look for words brought from elsewhere in it
            (`borrowed`); None leaves that test out (a close match is judged by its edits).
        authors: Case-folded names of the statement's authors (`words.authors`), whom
            "the Parties" stand for when telling who does what (`roles`).
        lead_in: The page's words of the quotation's sentence before it: a denial there
            ("opposing "any moves that ..."") takes back the quotation's first words.
        reference: The whole reference, where a rendering in other words may find the
            negation it renders when `stretch` (its nearest passage) is not the one.
        stance: The reference words whose stance a reversed position is read against,
            when not all of `stretch`: a paraphrase's own sentences, not the neighbours
            that only set them (a paraphrase of a call to support the initiative is not
            reversing the sentence before it, which opposes escalation).
    """
    out: list[str] = []

    def said(found: list[str], wording: str) -> None:
        """A finding of the quotation's, in `wording` ("{}" its words), when there is one."""
        if found:
            out.append(wording.format(", ".join(found)))

    quotation = _denials_mistyped(quotation, stretch)
    own, theirs = set(lemmas(quotation)), set(lemmas(stretch))
    held = theirs if stance is None else set(lemmas(stance))
    words = {w.casefold() for w in _WORD.findall(quotation)}
    folded = lemmas(quotation)
    out.extend(reversed_position(folded, held))
    if lexicon is not None and not out and reference:
        # (against the words `reversed_position` read: the stance's setting)
        out.extend(reversed_elsewhere(quotation, stretch if stance is None else stance, reference))
    # ("without delay", "not only ... but": no negation of what the statement says)
    unnegated = {w.casefold() for w in _WORD.findall(_NOT_NEGATING.sub(" ", quotation))}
    negations = (own | words) & unnegated & _NEGATION | _faint(quotation, words)
    negations |= _contracted(words) | (words & _REFRAINING)
    # The negations that may excuse the quotation's are its passage's and those of the
    # neighbours sharing its subject (`stance`), not a neighbour's about something else
    # ("They are against any military presence" beside "paying no attention").
    setting = stretch if stance is None else stance
    their_words = {w.casefold() for w in _WORD.findall(setting)}
    # "non-use", "unacceptable" and "ruled out" are negations too: "not using force"
    # renders the first, "should not be an option" the last.
    kept = own | words
    their_negations = {  # not those it keeps, in any form ("rule out" keeps "ruled out")
        w for w in (held | their_words) & _DENIAL if not any(_same_word(w, k) for k in kept)
    }
    # The passage's own negation, kept ("does nothing to help"), excuses it too. Either
    # excuses the quotation's only where the quotation renders what it negates: "non-use
    # of force" a "not using force", not "the denuclearisation" a "no longer insist on"
    # beside "without preconditions" or "non-proliferation".
    their_negations |= negations & their_words
    # What the quotation's own negations negate: the words after them. A negation of the
    # passage excuses the quotation's only if these render what it negates ("not using
    # force" the "non-use of force"), not if the quotation keeps the passage's words
    # elsewhere ("are not worried by the DPRK's statement" beside its "... statement ...
    # unacceptable").
    # Against a negation said after what it negates ("... should be ruled out"), the
    # words before the quotation's count too ("... should not be an option").
    first, after, before = _around_negations(folded, negations)

    def negating(theirs: str, *, near: bool = True) -> set[str]:
        """What the quotation's negations may render of `theirs`: elsewhere in the
        statement (not `near`), only by the word each negates first."""
        if theirs in _SAID_AFTER:
            # (and what a verb of holding back goes on with: "avoid using military means"
            # renders "using military means ... should be ruled out")
            refrained = after if negations & _REFRAINING else set()
            return first | before | refrained
        return after if near else first

    if len([w for w in words if w not in STOPWORDS]) >= _RENDERED_WORDS:
        # (a few words, "in no way contributes", hold too little to tell what they negate;
        # nor does a word the statement uses all through: "never tolerate American
        # missiles on the Korean Peninsula" renders nothing of "does nothing to help
        # achieve the aims of the Korean Peninsula's denuclearisation")
        theirs_in_order = _folded_words(setting)
        common = _common_words(reference)
        their_negations = {
            w
            for w in their_negations
            if _negation_rendered(theirs_in_order, w, negating(w) - common)
        }
    # A prefixed negation of the stretch the quotation renders with "not" excuses its
    # "not" ("not acceptable" for "unacceptable"); one the quotation keeps does not ("do
    # not consider this unacceptable").
    rendered = any(
        (rest := _unprefixed(w, dis=False)) and w not in words and _rendered_word(rest, first)
        for w in their_words
    ) or any(w not in words and _dis_rendered(w, first) for w in their_words)
    kept_denial = any(w in _DENIAL and w not in _NEGATION and w not in negations for w in kept)
    if negations and not their_negations and not rendered and reference and not kept_denial:
        # "should never be used to settle the problems of Korea" read beside another
        # passage: the statement's "... to solve the problems ... should be ruled out".
        # (Not where the quotation negates a denial it keeps: "do not consider ...
        # unacceptable" turns the statement round.)
        in_order = _folded_words(reference)
        common = _common_words(reference)  # "Korean Peninsula"
        rendered = any(
            _negation_rendered(in_order, w, negating(w, near=False) - common)
            for w in set(in_order) & _DENIAL
            if not any(_same_word(w, k) for k in kept)  # not one it keeps ("unacceptable")
        )
    if (
        negations
        and not their_negations
        and not rendered
        and not negates_an_opposite(quotation, stretch)
    ):
        # (not "should not be ignored" for "should be respected": an opposite negated)
        out.append(
            f"a negation ({', '.join(sorted(negations))}) the statement's passage does not have"
        )
    said(denied(quotation, stretch, lead_in), "asserts ({}) what the statement's passage negates")
    said(
        turned(quotation, stretch) or turned_on_its_object(quotation, stretch),
        "says the opposite of the statement's passage ({})",
    )
    # A close match (judged without the lexicon) aligns word for word with its passage: a
    # weaker word or another party in the place of the passage's is a change of sense. A
    # rendering in other words aligns too loosely to tell.
    weaker = (
        weakened(quotation, stretch)
        if lexicon is None
        else weakened_short(quotation, stretch) or weakened_before(quotation, stretch)
    )
    # A few words are compared with whichever stretch shares one of them ("somewhat
    # concerned" with "all countries concerned"): the statement's stronger words for
    # them may stand elsewhere ("express serious concern").
    weaker_elsewhere = [] if weaker or lexicon is None else weakened_short(quotation, reference)
    if weaker:
        out.append(f"weakens what the statement's passage says ({', '.join(weaker)})")
    elif weaker_elsewhere:
        out.append(f"weakens what the statement says elsewhere ({', '.join(weaker_elsewhere)})")
    elif hedges := hedged(quotation, stretch):
        out.append(f"hedges what the statement's passage states plainly ({', '.join(hedges)})")
    parties = swapped_party(quotation, stretch) if lexicon is None else []
    said(parties, "puts another party in the statement's passage ({})")
    said(
        negated_by_prefix(quotation, stretch),
        "negates by a prefix ({}) what the statement's passage says",
    )
    asked = _asks_its_authors(f"{lead_in[-40:]} {quotation}", authors)
    if asked:
        # "The joint statement asks “Russia and China to refrain from any military
        # presence ...”": it asks others; its authors are never the ones it asks
        out.append(f"asks its own authors ({' '.join(asked.group('who').split())}) to act")
    said(
        turned_round(quotation, stretch),
        "turns round who asks whom ({}) in the statement's passage",
    )
    said(
        prefix_dropped(quotation, stretch), "says plainly ({}) what the statement's passage negates"
    )
    threats = {
        w
        for k, w in enumerate(folded)
        if w in _THREAT
        and not _taken_back(folded, k, THREAT_REACH)
        and not _RULED_OUT.match(" ".join(folded[k + 1 :]))
        and not _RENOUNCED.search(" ".join(folded[k + 1 :]))
    } - theirs
    threats -= {w for w in threats if _THREAT_SAID_AS.get(w, set()) & theirs}
    folded_own, folded_theirs = " ".join(folded), " ".join(lemmas(stretch))
    for phrase in _THREAT_PHRASES:
        found = re.search(rf"\b{phrase}\b", folded_own)
        if found is None or re.search(rf"\b{phrase}\b", folded_theirs):
            continue  # (a word, not a part of one: "military forces" are troops)
        at = found.start()
        if _RULED_OUT.match(folded_own, at + len(phrase)):
            continue  # "military force must not be used": a threat renounced
        if _RENOUNCED.search(folded_own, at + len(phrase)):
            continue  # "any possibility of using military force ... should be ruled out"
        if _OPPOSED_BEFORE.search(folded_own, 0, at):
            continue  # "oppose any attempt to solve the problem by force"
        if not _taken_back(folded, len(folded_own[:at].split()), THREAT_REACH):
            threats.add(phrase)
    if threats:
        out.append(f"a threat ({', '.join(sorted(threats))}) the statement never makes there")
    said(
        given_to_others(quotation, stretch, authors),
        "gives ({}) to a party the statement's passage does not give it to",
    )
    said(
        invented_acts(quotation, stems_of(vocabulary), STOPWORDS),
        "an act ({}) the statement never names",
    )
    ranked = _RANKED.search(quotation)
    if ranked and not _RANKED.search(stretch):
        out.append(f"a ranking ({ranked.group()}) the statement never makes")
    right = _A_RIGHT.search(quotation)
    if right and not _A_RIGHT.search(stretch):
        out.append(f"a right ({right.group()}) the statement never grants")
    status = _NUCLEAR_STATUS.search(quotation)
    if status and reference and not _NUCLEAR_STATUS.search(reference):
        # "other states must accept the DPRK as a nuclear power": a status the statement
        # never speaks of, whatever stance is taken on it
        out.append(f"a nuclear status ({status.group()}) the statement never names")
    said(
        charged_labels(quotation, stems_of(vocabulary)),
        "a label of contempt or alarm ({}) the statement never uses",
    )
    said(verdict_words(quotation, stems_of(vocabulary)), "a verdict ({}) the statement never gives")
    said(
        stance_on_the_unmentioned(quotation, vocabulary),
        "a position on {}, which the statement never mentions",
    )
    numbers = new_numbers(quotation, stretch, vocabulary)
    if lexicon is not None and reference:
        # a rendering in other words compared with a passage it shares words with: a date
        # the statement gives elsewhere ("the announcement ... on July 4") is its own
        numbers = [n for n in numbers if not _date_given(quotation, n, reference)]
    said(numbers, "a number ({}) the statement's passage does not give")
    said(
        new_commitments(quotation, stretch),
        "a commitment or a possibility ({}) where the statement's passage says what should be done",
    )
    said(
        new_compulsion(quotation, stretch, reference),
        "an obligation ({}) the statement's passage does not impose",
    )
    # A close match shows a scope word among its edits ("all necessary measures" for "the
    # necessary measures" is altered); a rendering in other words has no edits to show.
    # Anywhere, always, worldwide: a claim stretched over every place or time, either way.
    scope = new_scope(quotation, stretch)
    if lexicon is None:
        scope = [w for w in scope if w not in _NARROWS_OR_COUNTS]
    said(scope, "a scope ({}) the statement's passage does not give")
    # (the lead-in's words before the marks name who: 'the Parties “disagree with ...”')
    led = _MARKS.sub(" ", lead_in[-60:])
    standard = standard_opposed(f"{led} {quotation}", stretch, authors)
    said(new_rights(quotation, stretch), "a right or permission ({}) the statement grants no one")
    said(new_causes(quotation, stretch), "a cause or consequence ({}) the statement does not state")
    said(
        [standard] if standard else [],
        "has the authors oppose ({}) what the statement's passage holds up as the measure",
    )
    said(new_means(quotation, stretch), "a means ({}) the statement's passage does not give")
    said(
        new_purposes(quotation, stretch, authors),
        "a purpose ({}) the statement's passage does not give",
    )
    said(
        new_conditions(quotation, stretch),
        "a condition or deadline ({}) the statement's passage does not set",
    )
    if lexicon is not None:
        elsewhere = borrowed(quotation, stretch, lexicon)
        if len(elsewhere) >= BORROWED_MIN:
            out.append(
                f"words the statement uses elsewhere ({', '.join(elsewhere)}), "
                "not in its passage here: a recombination, not a rendering"
            )
    said(strange_names(judged, vocabulary), "names {}, which the reference never names")
    said(new_places(quotation, stretch), "a place or a role ({}) its passage never gives")
    return out


def new_places(quotation: str, stretch: str) -> list[str]:
    """A place the quotation puts its passage's act in ("consultations in Beijing"), or a
    role it gives someone over it ("under the supervision of Russia and China", "with
    Moscow as mediator"), that the passage does not: the statement signed in Moscow says
    nothing of where the two Koreas should talk, or who should watch over it.

    >>> new_places("should conduct dialogue in Beijing", "to conduct dialogue")
    ['in Beijing']
    >>> new_places("signed in Moscow", "This statement was signed in Moscow")
    []
    """
    theirs = stretch.casefold()
    out = []
    for m in _PLACE_OR_ROLE.finditer(quotation):
        said = " ".join(m.group().split())
        place = m.group("place")
        if place is not None and place.casefold() not in STATE_NAMES:
            continue  # "in Northeast Asia", "in the region": no capital, no new place
        if place is not None and _A_PLACE.search(stretch):
            continue  # the passage's own place, put otherwise: a name changed (`ladder`)
        if said.casefold() not in " ".join(theirs.split()):
            out.append(said)
    return out


_PLACE_OR_ROLE = re.compile(
    r"\b(?:in|at)\s+(?P<place>[A-Z][a-z]+)\b"
    r"|\bunder\s+the\s+(?:supervision|auspices|guidance|control|mediation|leadership"
    r"|oversight|chairmanship)\s+of\b"
    r"|\bwith\s+(?:[A-Z][a-z]+\s+(?:and\s+[A-Z][a-z]+\s+)?)as\s+(?:mediators?|guarantors?"
    r"|brokers?|arbiters?|supervisors?|hosts?)\b"
    r"|\b(?:mediated|brokered|supervised|guaranteed|hosted)\s+by\b"
)
"""A place (a capital after "in" or "at") or a role over an act ("under the supervision
of", "with Moscow as mediator", "brokered by")."""
_A_PLACE = re.compile(r"\b(?:in|at)\s+[A-Z][a-z]+\b")


def _negation_rendered(words: list[str], negation: str, kept: set[str]) -> bool:
    """Whether the quotation's words (`kept`, case-folded) hold, in some form, a content
    word among the `_RENDER_REACH` after `negation` in a stretch (before it, for one
    said after what it negates: "... should be ruled out", "... unacceptable"): what it
    negates. The words before a negation are mostly who negates ("The Parties oppose").

    `words`: the stretch's, case-folded (`_folded_words`).

    >>> _negation_rendered(_folded_words("the non-use of force"), "non", {"not", "using", "force"})
    True
    >>> _negation_rendered(_folded_words("dialogue without preconditions"), "without", {"insist"})
    False
    """
    for k, w in enumerate(words):
        if w != negation:
            continue
        if negation in _SAID_AFTER:
            near = words[max(0, k - _SAID_AFTER_REACH) : k]
        else:
            near = words[k + 1 : k + _SAID_AFTER_REACH + 1]
        content = [c for c in near if c not in STOPWORDS and c not in _DENIAL and len(c) >= 3]
        if negation not in _SAID_AFTER:
            content = content[:_RENDER_REACH]
        if any(_alike(c, q) for c in content for q in kept):
            return True
    return False


def _around_negations(
    folded: list[str], negations: set[str]
) -> tuple[set[str], set[str], set[str]]:
    """What a quotation's `negations` negate, in its case-folded words (`folded`, lemmas
    or words): the first content word after each ("not worried", "never be used"), the
    content words among the `_RENDER_REACH` after each, and the content words among the
    `_SAID_AFTER_REACH` before each, what it negates when said after them ("military
    means ... should not be an option").

    A negation of the passage said after what it negates ("... statement ...
    unacceptable") is rendered by a quotation's negation said after the same words, or
    negating one of them first; another ("should not inflict damage on the interests")
    by one negating some of the words it negates ("should not harm the interests").

    >>> first, after, before = _around_negations("force is not worried by the launch".split(),
    ...                                          {"not"})
    >>> sorted(first), sorted(after), sorted(before)
    (['worried'], ['launch', 'worried'], ['force'])
    """
    first: set[str] = set()
    after: set[str] = set()
    before: set[str] = set()
    for k, word in enumerate(folded):
        if word in negations or word.endswith(("n’t", "n't")):
            then = folded[k + 1 : k + 1 + _SAID_AFTER_REACH]
            content = [w for w in then if w not in STOPWORDS and len(w) >= 3]
            first.update(content[:1])
            after.update(content[:_RENDER_REACH])
            since = folded[max(0, k - _SAID_AFTER_REACH) : k]
            before.update(w for w in since if w not in STOPWORDS and len(w) >= 3)
    return first, after, before


def _rendered_word(word: str, negating: set[str]) -> bool:
    """Whether `word` is among what a quotation's negations negate, in some form."""
    return any(_alike(word, q) for q in negating)


def _folded_words(text: str) -> list[str]:
    """The words of `text`, case-folded, in order."""
    return [w.casefold() for w in _WORD.findall(text)]


def _alike(a: str, b: str) -> bool:
    """Whether two case-folded words are one in some form: inflected, of one stem of six
    letters ("proliferation", "proliferate"), or one of six letters or more inside the
    other ("conditions", "preconditions")."""
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= _STEM and (stem(a) == stem(b) or shorter in longer):
        return True
    if "-" in longer and shorter in longer.split("-"):
        return True  # "large" of "large-scale", as one reading splits it and another not
    return _same_word(a, b)


_COMMON = 5
"""Times a word occurs in the reference from which it tells no passage from another."""


@lru_cache(maxsize=4)
def _common_words(reference: str) -> frozenset[str]:
    """The folded words `reference` uses `_COMMON` times or more ("korean", "peninsula"):
    shared, they tell no passage from another."""
    return frozenset(w for w, n in Counter(_folded_words(reference)).items() if n >= _COMMON)


_RENDERED_WORDS = 3
"""Fewest content words of a quotation from which what its negation negates is read."""
_RENDER_REACH = 4
"""Content words after a negation of the passage read for what it negates."""
_SAID_AFTER = frozenset("rule ruled unacceptable inadmissible excluded".split())
"""Negations said after what they negate, over a longer reach ("any possibility of using
military means to solve the problems of the Korean Peninsula should be ruled out")."""
_SAID_AFTER_REACH = 12
"""Words before such a negation read for what it negates (and after others, for their
first `_RENDER_REACH` content words)."""


_STEM = 6
"""Letters of the shorter word from which a shared stem or one word inside the other
says two words are one."""


_LEAD_IN_REACH = 8
"""Words of the page's lead-in before a quotation read for what denies its words."""


def _last_words(text: str, n: int) -> list[str]:
    """The last `n` words of `text` (`_WORD`'s), read from its end: a long sentence's
    lead-in read whole for each of its quotations cost a page of them its square."""
    tail = text[-n * _WORD_CHARS :]
    words = _WORD.findall(tail)
    if len(words) <= n and len(tail) < len(text):
        words = _WORD.findall(text)  # (words longer than `_WORD_CHARS`: read it all)
    return words[-n:] if n else []


_WORD_CHARS = 40


_RANKED = re.compile(
    r"\b(?:the\s+)?(?:main|chief|primary|principal|greatest|biggest|gravest|single\s+biggest"
    r"|most\s+serious|number\s+one|foremost)\s+(?:threat|danger|obstacle|cause|source|culprit"
    r"|problem|risk)s?\b",
    re.IGNORECASE,
)
"""A ranking among threats or causes ("the main threat to peace"): the statement ranks
none."""
_A_RIGHT = re.compile(
    r"\b(?:sovereign|legitimate|inalienable|lawful|legal)\s+rights?\b|\bright\s+to\s+self-defen[cs]e\b",
    re.IGNORECASE,
)
"""A right granted a party ("the DPRK's sovereign right"): the statement grants none (its
"justified concerns" are concerns, its launches "unacceptable")."""


_NO_OBJECT = frozenset(("no", "nothing", "none"))
"""A negation of a verb's object, straight after it ("inflict no damage")."""


def denied(quotation: str, stretch: str, lead_in: str = "") -> list[str]:
    """Words `stretch` negates that `quotation` asserts plainly, as the quotation writes them.

    The stretch negates a word when a negation comes just before it, past function words
    ("does nothing to help", "should not inflict", "nor to ensure"), as its prefix
    ("non-use", "unacceptable"), or as what an opposing word stands against (`_opposed`:
    "against the deployment", "oppose moves that might escalate tension"). The quotation
    asserts it plainly when it has a form of it with no negation or denying word within
    `DENIAL_REACH` words before (the page's `lead_in` included: `opposing "any moves that
    could escalate"`) and the quotation does not oppose it in the same way. What an
    opposing word stands against is asserted plainly only by a quotation with no denial in
    it at all, since a rendering may deny it after it ("... should be ruled out"). A
    rendering keeps the negation in some form ("no help", "fails to help") or finds an
    antonym ("hinders"); repeating the word without it says the reverse. Where the stretch
    also uses the word plainly ("nor to ensure peace", "to ensure a strategic balance"),
    the words after it tell which the quotation repeats: only the negated one's, and not
    the plain one's, count.

    >>> denied("THAAD helps achieve peace", "THAAD does nothing to help achieve peace")
    ['helps']
    >>> denied("THAAD fails to help achieve peace", "THAAD does nothing to help achieve peace")
    []
    >>> denied("should inflict no damage", "should not inflict damage")
    []
    >>> denied("they will deploy missiles", "they are against the deployment of missiles")
    ['deploy']
    >>> denied("the deployment of missiles", "they are against the deployment of missiles",
    ...        "they said they opposed")
    []
    """
    tokens = [w.casefold() for w in _WORD.findall(stretch)]
    negated, opposed = _negated(tokens)
    if not negated:
        return []
    plain = [k for k, w in enumerate(tokens) if k not in negated and w not in STOPWORDS]
    out: list[str] = []
    words = _WORD.findall(quotation)
    # (the opposing word may stand a clause back: "oppose any statements or moves that
    # might “heighten tension ...”")
    before = [w.casefold() for w in _last_words(lead_in, _LEAD_IN_REACH)]
    folded = _free_of(before + [w.casefold() for w in words])
    negated_here = set(_negated(folded)[0])
    denies_any = any(_denies(w) for w in folded[len(before) :])
    # Where the last denial after a word starts, in the words joined by spaces (one search,
    # not one a word of a long quotation: its square; no two of its matches overlap)
    joined = " ".join(folded)
    renounced = max((m.start() for m in _RENOUNCED.finditer(joined)), default=-1)
    next_word = list(itertools.accumulate((len(w) + 1 for w in folded), initial=0))[1:]
    for k, word in enumerate(folded):
        if k < len(before):
            continue  # the page's own words
        if (
            word in STOPWORDS
            or words[k - len(before)] in out
            or _taken_back(folded, k, DENIAL_REACH)
        ):
            continue
        if k in negated_here:
            continue  # the quotation negates it too ("reject moves that could escalate")
        if k + 1 < len(folded) and folded[k + 1] in _NO_OBJECT:
            continue  # its object negated: "should inflict no damage" renders "should not
            # inflict damage"
        if renounced >= next_word[k]:
            continue  # denied after it: "the use of force ... must be excluded"
        against = [
            j
            for j, w in negated.items()
            if (
                _same_word(word, w)
                or (_NOMINAL.search(w) and not _NOMINAL.search(word) and stem(word) == stem(w))
            )
            and not (denies_any and j in opposed)
        ]
        if not against:
            continue
        alike = [j for j in plain if _same_word(word, tokens[j])]
        if alike:
            then = {stem(folded[j]) for j in _following(folded, k, 2)}
            if not any(then & {stem(tokens[j]) for j in _following(tokens, i, 2)} for i in against):
                continue
            if any(then & {stem(tokens[j]) for j in _following(tokens, i, 2)} for i in alike):
                continue
        out.append(words[k - len(before)])
    return out


def _free_of(words: list[str]) -> list[str]:
    """Case-folded `words` with "free" or "devoid" before "of" or "from" read as the
    negation it is ("dialogue free of preconditions" renders "dialogue without
    preconditions").

    >>> _free_of("talks free of any preconditions".split())
    ['talks', 'without', 'of', 'any', 'preconditions']
    """
    return [
        "without" if w in _FREE_OF and k + 1 < len(words) and words[k + 1] in ("of", "from") else w
        for k, w in enumerate(words)
    ]


_FREE_OF = frozenset({"free", "devoid"})


def stance_without_object(quotation: str) -> bool:
    """Whether `quotation` ends on a word of stance, its object left to the page's words
    after it ("the two sides 'stand firmly against' new deployments").

    >>> stance_without_object("stand firmly against"), stance_without_object("oppose THAAD")
    (True, False)
    """
    folded = lemmas(quotation)
    while folded and folded[-1] in STOPWORDS and folded[-1] not in _OPPOSE | _SUPPORT:
        folded.pop()
    return bool(folded) and folded[-1] in _OPPOSE | _SUPPORT


def supports(text: str) -> set[str]:
    """The words of support `text` uses, as lemmas ("welcomed" -> "welcome"), not those a
    negation takes back ("not acceptable").

    >>> sorted(supports("They welcomed the drills and opposed the deployment"))
    ['welcome']
    >>> supports("consider this statement not acceptable")
    set()
    """
    folded = lemmas(text)
    return {
        w
        for k, w in enumerate(folded)
        if w in _SUPPORT and not _taken_back(folded, k, NEGATION_REACH, _NEGATION)
    }


def opposition_put(said: str, theirs: str) -> bool:
    """Whether words `said` in the place of the statement's `theirs` oppose (`_OPPOSE`, not
    negated) where `theirs` neither opposes, negates nor holds back ("oppose" for
    "readiness for": the reverse of what it calls for; not "reject" for "renounce").

    >>> opposition_put("oppose", "readiness for"), opposition_put("reject", "renounce")
    (True, False)
    """
    folded = lemmas(said)
    opposing = any(
        w in _OPPOSE and not _taken_back(folded, k, NEGATION_REACH, _NEGATION)
        for k, w in enumerate(folded)
    )
    return opposing and not any(_denies(w) for w in lemmas(theirs))


def reversed_position(folded: list[str], held: set[str]) -> list[str]:
    """The quotation's stance against the statement's, when it is the other one: support
    (`_SUPPORT` words, or an opposing word negated: "not against") where the statement's
    words (`held`, lemmas) only oppose, or the reverse. `folded`: the quotation's lemmas.

    >>> reversed_position(["support", "the", "deployment"], {"against", "deployment"})
    ['a reversed position: the quotation supports (support) what the statement opposes']

    Holding back from something ("should refrain from large-scale joint exercises") is
    a stance against it too:

    >>> reversed_position(["support", "joint", "exercise"], {"refrain", "joint", "exercise"})
    ['a reversed position: the quotation supports (support) what the statement opposes']
    """
    pro: set[str] = set()
    con: set[str] = set()
    for k, w in enumerate(folded):
        if w in _SUPPORT or w in _OPPOSE:
            negated = _taken_back(folded, k, NEGATION_REACH, _NEGATION)
            said = f"not {w}" if negated else w
            if w in _SUPPORT and not negated and _holding_back_after(folded, k):
                continue  # "welcome the renunciation of ...", "support a halt to ...": the
                # support is of the holding back, the statement's own stance
            (pro if (w in _SUPPORT) != negated else con).add(said)
    if pro and held & (_OPPOSE | _HOLDING_BACK) and not held & _SUPPORT:
        return [
            f"a reversed position: the quotation supports ({', '.join(sorted(pro))}) "
            "what the statement opposes"
        ]
    if con and held & _SUPPORT and not held & _OPPOSE:
        return [
            f"a reversed position: the quotation opposes ({', '.join(sorted(con))}) "
            "what the statement supports"
        ]
    return []


def reversed_elsewhere(quotation: str, stretch: str, reference: str) -> list[str]:
    """A stance of the quotation reversed against the statement's sentences that name
    what it is on, when the stretch it was compared with does not: "express support for
    the DPRK's nuclear programme" matches "express support for the North and the South
    ...", but the programmes stand in the statement only in a sentence that is against
    (what is done under their pretext). Each stance word's object is its first
    `STANCE_OBJECT_WORDS` content words or more, up to three, in its clause; the sentences
    holding all their stems are its setting, and the position is reversed only when every
    one of them takes the other stance alone.

    >>> reversed_elsewhere("support for the deployment of THAAD", "We support talks.",
    ...                    "We welcome talks. We are against the deployment of THAAD.")
    ['a reversed position: the quotation supports (support) what the statement opposes']
    >>> reversed_elsewhere("oppose the deployment of THAAD", "We support talks.",
    ...                    "We welcome talks. We are against the deployment of THAAD.")
    []
    """
    words = list(_CLAUSE_WORD.finditer(quotation))
    folded = lemmas(quotation)
    if not set(folded) & (_SUPPORT | _OPPOSE):
        return []
    sentences = _sentence_stems(reference)
    theirs = {stem(w) for w in _WORD.findall(stretch)}
    # (a stretch that takes no stance, "... large-scale joint exercises by the United
    # States" defining the double freezing, has read nothing `reversed_position` could)
    stanced = bool(set(lemmas(stretch)) & _STANCE)
    for k, m in enumerate(words):
        if _LEMMA.get(m.group().casefold(), m.group().casefold()) not in _SUPPORT | _OPPOSE:
            continue
        after: list[str] = []
        for n in words[k + 1 :]:
            if n.group() in _CLAUSE_END or len(after) == 3:
                break
            if n.group().casefold() not in STOPWORDS and n.group()[0].isalpha():
                # ("large-scale": its parts, as the sentences' stems have them)
                after.extend(stem(part) for part in _WORD.findall(n.group()))
        if len(after) < STANCE_OBJECT_WORDS or (stanced and set(after) <= theirs):
            continue  # what the stretch itself is on: `reversed_position` read it
        # (the sentences naming it that take a stance: not those that only name it)
        setting = [held for stems, held in sentences if set(after) <= stems and held & _STANCE]
        if not setting:
            continue
        found = [reversed_position(folded, held) for held in setting]
        if all(found):
            return found[0]
    return []


def _holding_back_after(folded: list[str], k: int) -> bool:
    """Whether a word of holding back, opposing or ending heads the object of the support
    word at `k` ("welcome the renunciation of", "support a halt to", "back an end to"), a
    few words on."""
    return any(
        w.startswith(_HOLDING_BACK_STEMS) or w in _OPPOSE or w in _ENDING
        for w in folded[k + 1 : k + 4]
    )


_ENDING = frozenset("end ending suspension suspend freeze freezing moratorium cessation".split())
"""Nouns of stopping something, which a support word may take ("back an end to ...")."""


_STANCE = _SUPPORT | _OPPOSE | _HOLDING_BACK
"""Lemmas that take a stance on what follows them."""


def stance_fits(word: str, passage: str) -> bool:
    """Whether a stance word a cut joins to another passage's words ("are against …",
    "support …") takes the stance that passage takes on them: against what it opposes,
    denies or holds back from ("the deployment of THAAD ... does nothing to help"), for
    what it does not only oppose.

    >>> stance_fits("against", "The deployment does nothing to help achieve peace.")
    True
    >>> stance_fits("against", "All parties push forward the creation of a mechanism.")
    False
    >>> stance_fits("support", "They are against the deployment.")
    False
    """
    held = set(lemmas(passage))
    if word in _PRO_WORDS:
        return not (held & _OPPOSE and not held & _SUPPORT)
    return bool(held & (_OPPOSE | _HOLDING_BACK | _NEGATION | _DENYING))


_PRO_WORDS = frozenset({"support", "supports", "for"})


@lru_cache(maxsize=4)
def _sentence_stems(reference: str) -> tuple[tuple[frozenset[str], set[str]], ...]:
    """Each sentence of `reference`: the stems of its words, and its lemmas."""
    return tuple(
        (frozenset(stem(w) for w in _WORD.findall(s)), set(lemmas(s)))
        for s in re.split(r"(?<=[.!?;])\s+", reference)
        if s.strip()
    )


def brought_in(added: str, passage: str, authors: frozenset[str]) -> list[str]:
    """Parties that words a quotation runs on to the statement's name, by any of their
    names ("US diplomats", "American forces", "Washington"), when the passage those words
    are run on to names them in none: the added words make a claim about them. Not the
    statement's authors, and not the ambiguous "Korean", "North" or "South" alone.

    >>> brought_in("and will expel US diplomats", "Russia and China are against it",
    ...            frozenset({"russia", "china"}))
    ['US']
    """
    held = _words_named(passage)
    out: list[str] = []
    last = 0
    for m in _WORD.finditer(added):
        word = m.group()
        name = _POSSESSIVE.sub("", word.casefold())
        parties = [p for p, names in ALIASES.items() if name == p or name in names]
        if not word[0].isupper() or not parties or name in _AMBIGUOUS_NAMES:
            continue
        if _OTHER_UNION.match(added, m.end()):
            continue  # the United Nations, the United Kingdom
        if any(p in authors for p in parties) or word in out:
            continue
        if any(({p, *ALIASES[p]} - DEMONYMS) & held for p in parties):
            continue  # named in the passage ("Korean" in "the Korean Peninsula" names none)
        if out and added[last : m.start()].isspace():
            out[-1] = f"{out[-1]} {word}"  # one name of two words: "United States"
        else:
            out.append(word)
        last = m.end()
    return out


def _words_named(passage: str) -> set[str]:
    """A passage's words, case-folded and without "'s", as they name parties: "the
    Democratic People's Republic of Korea (DPRK)" names the DPRK, not the Republic of
    Korea its last words spell."""
    return {
        _POSSESSIVE.sub("", w.casefold()) for w in _WORD.findall(_DPRK_NAME.sub("DPRK", passage))
    }


_OTHER_UNION = re.compile(r"\s+(?:Nations|Kingdom|Arab)\b")
_AMBIGUOUS_NAMES = frozenset("korean koreans north south nations".split())
"""Names that stand for more than one party or for none ("the Korean Peninsula")."""


def negated_by_prefix(quotation: str, stretch: str) -> list[str]:
    """Words of `quotation` whose negative prefix negates a word `stretch` says plainly,
    as the quotation writes them: "insufficient" for "sufficient", "unnecessary" for
    "necessary", "irrelevant" for "relevant". Not a word the stretch prefixes too (in any
    spelling: "nonproliferation" for "non-proliferation"), nor one the quotation negates
    again ("not unimportant").

    >>> negated_by_prefix("paying insufficient attention", "paying sufficient attention")
    ['insufficient']
    >>> negated_by_prefix("the non-proliferation regime", "the nonproliferation regime")
    []
    """
    theirs = [w.casefold() for w in _WORD.findall(stretch)]
    flat = {w.replace("-", "") for w in theirs}
    words = _WORD.findall(quotation)
    folded = [w.casefold() for w in words]
    out = []
    for k, word in enumerate(folded):
        whole = word.replace("-", "")
        if whole in flat or _taken_back(folded, k, NEGATION_REACH, _NEGATION):
            continue
        rest = _unprefixed(whole) or _in_prefixed(whole)
        if rest is not None and any(_same_word(rest, t) for t in theirs):
            out.append(words[k])
    return out


def _asks_its_authors(text: str, authors: frozenset[str]) -> re.Match[str] | None:
    """Where `text` has the statement ask its own authors to act ("asks “Russia and China
    to refrain ...”", "urges the Parties to"): it asks others, never them.

    >>> _asks_its_authors("urges Moscow and Beijing to act", frozenset({"russia", "china"}))
    <re.Match object; span=(0, 27), match='urges Moscow and Beijing to'>
    >>> _asks_its_authors("urges Moscow and Seoul to act", frozenset({"russia", "china"})) is None
    True
    """
    for m in _ASKING.finditer(text):
        if m.group("one") is None:
            return m  # "the Parties", "the two countries"
        pair = {author_party(m.group(k).casefold(), authors) for k in ("one", "other")}
        if None not in pair and len(pair) == 2:
            return m
    return None


_ASKING = re.compile(
    r"\b(?:urge[sd]?|urging|ask(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:on|upon)|press(?:es|ed)?)"
    r"\s+[\"“‘']?\s*(?P<who>(?:the\s+)?(?:Parties|two\s+(?:countries|sides|ministries))"
    r"|(?P<one>[A-Z][\w’'-]+)\s+and\s+(?P<other>[A-Z][\w’'-]+))\s+to\b"
)
"""A verb of asking, and whom: the authors as "the Parties" or "the two countries", or two
names (`_asks_its_authors` reads whether both are authors)."""


def turned_round(quotation: str, stretch: str) -> list[str]:
    """The verbs of urging by which `quotation` has the one `stretch` urges urge back the one
    urging ("The international community urges the Parties to support the initiative" for
    "The Parties urge the international community to support ..."): who asks whom,
    reversed.

    >>> turned_round("the world urges the Parties to act", "the Parties urge the world to act")
    ['urges']
    >>> turned_round("the Parties urge the world to act", "the Parties urge the world to act")
    []
    """
    theirs = [(set(content_words(a)), set(content_words(b))) for _, a, b in _urgings(stretch)]
    out = []
    for verb, asking, asked in _urgings(quotation):
        one, other = set(content_words(asking)), set(content_words(asked))
        if not one or not other:
            continue
        if any(one & b and other & a and not one & a for a, b in theirs) and verb not in out:
            out.append(verb)
    return out


def _urgings(text: str) -> list[tuple[str, str, str]]:
    """Each verb of urging in `text`, with the words before it in its clause (who urges)
    and those between it and "to" (who is urged)."""
    out = []
    for m in _URGING.finditer(text):
        clause = re.split(r"[.;:,]|\band\b", text[: m.start()])[-1]
        out.append((m.group("verb"), " ".join(clause.split()[-4:]), m.group("asked")))
    return out


_URGING = re.compile(
    r"\b(?P<verb>urge[sd]?|urging|call(?:s|ed|ing)?\s+on|calling\s+on|ask(?:s|ed)?)\s+"
    r"(?P<asked>(?:[\w’'-]+\s+){1,5}?)to\b",
    re.IGNORECASE,
)


def prefix_dropped(quotation: str, stretch: str) -> list[str]:
    """Words of `quotation` that say plainly what a "dis-" word of `stretch` negates, that
    word dropped: "is in line with the resolutions" for "in disharmony with" them.

    >>> prefix_dropped("is in line with the resolutions", "in disharmony with the resolutions")
    ['in line']
    >>> prefix_dropped("is not in line with them", "in disharmony with them")
    []
    """
    theirs = _folded_words(stretch)
    folded = _folded_words(quotation)
    if not any(w.startswith("disharmon") and w not in folded for w in theirs):
        return []
    out = []
    for m in _IN_HARMONY.finditer(quotation):
        k = len(_WORD.findall(quotation, 0, m.start()))
        if not _taken_back(folded, k, NEGATION_REACH, _NEGATION):
            out.append(" ".join(m.group().casefold().split()))
    return out


_IN_HARMONY = re.compile(
    r"\b(?:in\s+(?:harmony|line|keeping|accordance|step|tune)|consistent|compatible|conforms?)\b",
    re.IGNORECASE,
)
"""What "disharmony" negates, said plainly."""


def _in_prefixed(word: str) -> str | None:
    """The word a prefix of the "in-" family negates ("insufficient", "imbalanced",
    "irrelevant", "illegal"): what follows must be an English word in its own right, of
    five letters or more, and not one the prefix only happens to precede ("install",
    "improve", "impending").

    >>> [_in_prefixed(w) for w in ("insufficient", "imbalanced", "irrelevant", "improve")]
    ['sufficient', 'balanced', 'relevant', None]
    """
    for prefix, before in (("im", "bmp"), ("ir", "r"), ("il", "l"), ("in", "")):
        rest = word.removeprefix(prefix)
        if rest == word:
            continue
        if (before and rest[:1] not in before) or (not before and rest[:1] in "bmprl"):
            return None  # "in-" is "im-" before b, m, p; "ir-" before r; "il-" before l
        if (
            len(rest) >= 5
            and zipf(rest) >= PREFIXED_ZIPF
            and not any(_same_word(rest, w) for w in _NOT_IN_NEGATED)
        ):
            return rest
        return None
    return None


_NOT_IN_NEGATED = frozenset(
    """stall still press plant prove print pend pending peach state voice flame habit shore
    pound grain tense tend stance crease stead sight spire valuable flammable mediate migrant
    migration radiate famous form formation former port prison vent vest""".split()
)
"""Words, in any of their forms, that "in-", "im-" or "ir-" happen to precede in a word
that does not negate them ("install", "improved", "invaluable", "information")."""


def _contracted(words: set[str]) -> set[str]:
    """The negations a quotation writes contracted ("aren't", "don’t"): a word each."""
    return {w for w in words if w.endswith(("n’t", "n't"))}


_FAINT = frozenset("scant scarcely hardly barely little".split())
"""Quantity words that mean "almost none" ("paying scant attention", "hardly any"): a
negation where the statement's passage has none ("a little" is not one)."""


def _faint(quotation: str, words: set[str]) -> set[str]:
    faint = words & _FAINT
    if "little" in faint and re.search(r"\ba\s+little\b", quotation, re.IGNORECASE):
        faint.discard("little")
    return faint


def _negated(tokens: list[str]) -> tuple[dict[int, str], set[int]]:
    """Token index -> the word negated there: after a negation ("should not inflict"), by
    its prefix ("non-use"), or as what an opposing word stands against (`_opposed`); and
    the indices of the last kind."""
    negated: dict[int, str] = {}
    opposed: set[int] = set()
    for k, word in enumerate(tokens):
        if word in _NEGATION or word == "non" or word.endswith(("n’t", "n't")):
            after = _following(tokens, k, 1, reach=3)
            if after:
                negated[after[0]] = tokens[after[0]]
        elif (rest := _unprefixed(word)) is not None:
            negated[k] = rest
        elif _LEMMA.get(word, word) in _OPPOSE:
            for j in _opposed(tokens, k):
                negated.setdefault(j, tokens[j])
                opposed.add(j)
    return negated, opposed


def _opposed(tokens: list[str], k: int) -> list[int]:
    """What the opposing word `tokens[k]` stands against: the noun made of a verb that heads
    its object ("against the deployment", "against any military presence"), and the verbs of
    a clause the object opens ("oppose any statements or moves that might escalate tension
    or aggravate the contradictions").

    >>> t = "oppose any moves that might escalate tension or aggravate it".split()
    >>> [t[j] for j in _opposed(t, 0)]
    ['escalate', 'aggravate']
    >>> t = "against any military presence of forces".split()
    >>> [t[j] for j in _opposed(t, 0)]
    ['presence']
    """
    out = [j for j in _following(tokens, k, 2, reach=4) if _NOMINAL.search(tokens[j])][:1]
    relative = next(
        (t for t in range(k + 1, min(k + 1 + OBJECT_REACH, len(tokens))) if tokens[t] in _RELATIVE),
        None,
    )
    if relative is None:
        return out
    verbs = _following(tokens, relative, 1, reach=3)
    while verbs:
        out.append(verbs[0])
        ors = [t for t in range(verbs[0] + 1, min(verbs[0] + 4, len(tokens))) if tokens[t] == "or"]
        verbs = _following(tokens, ors[0], 1, reach=2) if ors else []
    return out


OBJECT_REACH = 6
"""Words after an opposing word within which a relative pronoun opens a clause of what it
opposes ("oppose any statements or moves that ...")."""
_RELATIVE = frozenset(("that", "which"))


_NOMINAL = re.compile(r"(?:ment|tion|sion|ance|ence)s?$")
"""A noun made of a verb ("deployment"): what the statement opposes ("against the
deployment"), which a quotation saying the parties "will deploy" asserts."""


def _following(words: list[str], k: int, n: int, *, reach: int = 6) -> list[int]:
    """Indices of the first `n` words after `words[k]`, within `reach`, that are not stop words."""
    after = range(k + 1, min(k + 1 + reach, len(words)))
    return [j for j in after if words[j] not in STOPWORDS][:n]


def _unprefixed(word: str, *, dis: bool = True) -> str | None:
    """The word a negative prefix negates ("nonproliferation", "unacceptable"), if any:
    what follows the prefix must be an English word in its own right ("unit" is not "un-").
    With `dis` False, "dis-" is left out: a "not" renders "unacceptable" or "non-use", and
    a "disharmony" the quotation drops does not excuse its "not"."""
    for prefix in ("non", "un"):
        rest = word.removeprefix(prefix)
        if rest != word and len(rest) >= 5 and zipf(rest) >= PREFIXED_ZIPF:
            return rest
    rest = word.removeprefix("dis")
    if dis and rest != word and rest.startswith(_DIS_NEGATES):
        return rest  # "disharmony", "disagrees": not "display" or "discover"
    return None


def _dis_rendered(word: str, negated: set[str]) -> bool:
    """Whether a "dis-" word of the statement's is rendered by a "not" before a word of like
    sense ("in disharmony with" as "does not agree with", "not in line with").

    >>> _dis_rendered("disharmony", {"agree"}), _dis_rendered("disharmony", {"help"})
    (True, False)
    """
    rest = word.removeprefix("dis")
    return rest != word and any(
        rest.startswith(root) and any(_alike(said, n) for said in like for n in negated)
        for root, like in _DIS_LIKE.items()
    )


_DIS_LIKE = {
    "harmon": ("agree", "accord", "line", "keeping", "consistent", "compatible", "conform"),
    "agree": ("agree", "accord", "concur"),
}
"""Words a "not" may stand before to render a "dis-" word's sense."""
_DIS_NEGATES = (
    "harmon", "agree", "approv", "honest", "connect", "satisf", "trust", "obey", "loyal",
    "regard", "continu", "like", "order", "unit", "advantag", "respect", "allow", "qualif",
    "credit", "believ", "comfort", "proportion", "similar",
)  # fmt: skip
"""Words "dis-" negates, as the start of what follows it: "dis-" is a negative prefix far
less often than "un-" ("display", "discover", "dismiss", "dispose" negate nothing)."""


def _same_word(a: str, b: str) -> bool:
    """Whether two case-folded words are forms of one word ("ensuring", "ensure")."""
    return a in _forms(b) or b in _forms(a)


def _denies(word: str, denial: frozenset[str] = _DENIAL) -> bool:
    """Whether a case-folded word negates or denies what follows it."""
    return word in denial or word.endswith(("n’t", "n't"))


def _taken_back(words: list[str], k: int, reach: int, denial: frozenset[str] = _DENIAL) -> bool:
    """Whether a negation or denying word comes within `reach` words before `words[k]`,
    or before an "or" or "nor" there ("fails to help achieve peace or to ensure it")."""

    def denies(w: str) -> bool:
        return _denies(w, denial)

    start = max(0, k - reach)
    if any(denies(w) for w in words[start:k]):
        return True
    ors = [j for j in range(start, k) if words[j] in ("or", "nor")]
    return bool(ors) and any(denies(w) for w in words[max(0, ors[0] - SCOPE_REACH) : ors[0]])


def absent_parties(
    quotation: str,
    passage: str,
    vocabulary: frozenset[str],
    authors: frozenset[str],
    *,
    actors_only: bool = False,
) -> list[str]:
    """States `quotation` names that `passage` never names, in any of their forms.

    Only the names the statement itself uses for a party count ("the DPRK", "the United
    States", not "Pyongyang"), and never its authors, whom every sentence of theirs is
    about ("the Parties"). A translation keeps who does what; a party the passage never
    names has been brought in: another actor, another target.

    >>> absent_parties("the DPRK should stop", "call on the countries to stop",
    ...                frozenset({"dprk"}), frozenset())
    ['DPRK']
    >>> absent_parties("the United States should stop", "call on the countries to stop",
    ...                frozenset({"united", "states"}), frozenset())
    ['United States']

    With `actors_only`, a party named after a preposition ("resolutions on the DPRK"),
    or as a hashtag, is what the words are about, not who acts, and is let be: a close
    rendering may say which resolutions, but not give the statement's act to another,
    nor to a state by its capital ("Seoul has agreed to adopt the necessary measures").

    >>> absent_parties("Seoul has agreed to act", "the Parties have agreed to act",
    ...                frozenset({"korea"}), frozenset(), actors_only=True)
    ['Seoul']

    Without it, a capital counts only as a partner ("coordinate their efforts with
    Washington"); among those addressed, it renders "all countries concerned".

    >>> absent_parties("act with Washington", "act", frozenset({"states"}), frozenset())
    ['Washington']
    """
    held = _words_named(passage)
    out: list[str] = []
    for m in _WORD.finditer(quotation):
        word = m.group()
        name = _POSSESSIVE.sub("", word.casefold())
        before = quotation[max(0, m.start() - 10) : m.start()].casefold().split()
        if name == "korea" and before and before[-1] in ("north", "northern"):
            name = "dprk"  # "North Korea" is the DPRK, when the statement names it so
        elif name == "korea" and any(
            n.start() < m.start() < n.end() for n in _DPRK_NAME.finditer(quotation)
        ):
            name = "dprk"
        # (not a possessive: "combining China's ideas with Russia's plan" names no partner)
        partner = name == word.casefold() and _PARTNER.search(quotation, 0, m.start()) is not None
        capital = name in _CAPITALS and (actors_only or partner)
        if capital:
            name = _CAPITALS[name]  # "Seoul has agreed to adopt ...": the state acts
        # (an author made a partner in what others do: "the North and the South to conduct
        # dialogue and consultations with Beijing", where they talk to each other)
        # (not one author beside the other: "Russia, together with China, intends ...")
        author = author_party(name, authors) if partner else None
        author_partner = author is not None and not _other_author(quotation, author, authors)
        name = author if author_partner and author is not None else name
        name = _STATE_OF.get(name, name)  # "the American military build-up": the US's
        if not word[0].isupper() or name not in ALIASES:
            continue
        if name not in vocabulary and not capital:
            continue  # a party the statement never names is `strange_names`' to find
        if (name in authors and not author_partner) or word in out:
            continue
        forms = {name, *ALIASES[name]} - DEMONYMS
        if forms & held:
            continue
        if _IN_PLACE.search(quotation, 0, m.start()):
            continue  # "the battery in South Korea": where, not who
        if (
            actors_only
            and not partner
            and _NOT_ACTOR.search(_NAME_START.sub("", quotation[: m.start()]))
        ):
            continue
        region = None if capital else _REGIONS.get(name)
        named = region is not None and all(w in vocabulary for w in region.split())
        if named and not (before and before[-1] in _QUALIFIERS):
            continue  # "Korea's problems": the peninsula's, which the statement names
        if name == "states" and quotation[: m.start()].rstrip().casefold().endswith("united"):
            continue  # named already as "United States"
        if whole := _UNITED_STATES.match(quotation, m.start()):
            word = " ".join(whole.group().split())  # "United States", not "United"
        out.append(word)
    return out


_UNITED_STATES = re.compile(r"United\s+States", re.IGNORECASE)
_STATE_OF = {"american": "united", "americans": "united"}
"""Demonyms that name one party whose name the statement spells otherwise ("the United
States"); "Korean" names the peninsula, "Russian" and "Chinese" the authors."""


def swapped_parties(
    quotation: str,
    passage: str,
    stretch: str,
    vocabulary: frozenset[str],
    authors: frozenset[str],
) -> str:
    """The parties `quotation` names in the place of others: those the sentences of its
    `passage` never name, when the reference `stretch` it renders names a party the
    quotation leaves out (", "-joined; "" when there is no such swap). After a preposition
    too: "worried by the Republic of Korea's statement" for "by the DPRK's statement".

    >>> swapped_parties("worried by the Republic of Korea's statement",
    ...                 "worried by the DPRK's statement.", "worried by the DPRK's statement",
    ...                 frozenset({"dprk", "korea"}), frozenset())
    'Korea'
    >>> swapped_parties("worried by the statement on the DPRK", "worried by the DPRK's claim.",
    ...                 "worried by the DPRK's claim", frozenset({"dprk"}), frozenset())
    ''
    """
    brought = absent_parties(quotation, passage, vocabulary, authors)
    if not brought or not absent_parties(stretch, quotation, vocabulary, authors):
        return ""
    return ", ".join(_POSSESSIVE.sub("", w) for w in brought)


_PARTNER = re.compile(r"\bwith\s+$", re.IGNORECASE)
"""Before a capital named as a partner in what the words do ("will closely coordinate their
efforts with Washington"): the state, brought in. A capital among those addressed stays
a rendering of the statement's "all countries concerned"."""


def _other_author(quotation: str, author: str, authors: frozenset[str]) -> bool:
    """Whether `quotation` names an author other than `author` (by name, capital or
    demonym): the authors side by side, not one made a partner in what others do."""
    return any(
        author_party(w.casefold(), authors) not in (None, author) for w in _WORD.findall(quotation)
    )


_CAPITALS = {"pyongyang": "dprk", "seoul": "korea", "washington": "states", "tokyo": "japan"}
"""The capitals among the parties' other names (`ALIASES`), each to the state it stands for."""
_DPRK_NAME = re.compile(r"\bDemocratic\s+People[’']?s\s+Republic\s+of\s+Korea\b", re.IGNORECASE)
"""The DPRK's full name, whose last words spell the Republic of Korea's."""
_NAME_START = re.compile(r"(?:Republic\s+of|United|North|South)\s+$")
"""The first words of a party's name ("the Republic of Korea"), before the word matched."""
_NOT_ACTOR = re.compile(
    r"(?:[#@]|\b(?:on|of|for|with|against|to|from|by|about|towards?|over|between|and)\s+"
    r"(?:the\s+)?)$",
    re.IGNORECASE,
)
"""What comes before a party named as what the words are about: a preposition (past "the"),
or a hashtag's or handle's mark. "And" too: a party added beside the one that acts ("the
DPRK and the United States") is the quotation's other checks' to judge."""
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:(?:North|South|Northern|Southern)\s+)?$")
"""A party's name after "in" or "at" (and a compass word) names a place."""
_REGIONS = {"korea": "korean peninsula"}
"""A country's name that, standing alone, may mean the region the statement names
("Korea's problems" for "the Korean Peninsula's problems"); after `_QUALIFIERS` it is a
state."""
_QUALIFIERS = frozenset(("north", "south", "of"))


_NUMBERING = re.compile(r"\W*(\d{1,2})[.)]")
PARAGRAPH_NUMBER = re.compile(r"(?m)^[ \t]*\d{1,2}[.)](?!\d)[ \t]*")
"""A paragraph's number ("3. The Parties are putting forward"): no count of anything."""


STANCE_OBJECT_WORDS = 2
"""Content words after a stance word that say what the stance is on."""


def stance_on_the_unmentioned(quotation: str, vocabulary: frozenset[str]) -> list[str]:
    """What the quotation supports or opposes where none of those words is the statement's.

    The statement takes positions on a closed set of things (the launch, the deployment,
    exercises, military presence); a stance on something it never names ("oppose
    unilateral sanctions", "support the lifting of trade embargoes") is a position it never
    takes, however close the rest of the words. The first `STANCE_OBJECT_WORDS` content
    words after the stance word, within its clause, are what it is on; one of them the
    statement uses (by stem, or as another name of a party) is enough for a rendering, and
    so are common words only ("words or actions" rendering "statements or moves"): one of
    them must be rare in English (Zipf below `DISTINCTIVE_ZIPF`), as names of things are.

    >>> stance_on_the_unmentioned("we oppose naval blockades", frozenset({"oppose"}))
    ['naval blockades']
    >>> stance_on_the_unmentioned("we oppose the THAAD deployment", frozenset({"thaad"}))
    []
    """
    held = stems_of(vocabulary)
    words = list(_CLAUSE_WORD.finditer(quotation))
    out: list[str] = []
    for k, m in enumerate(words):
        if _LEMMA.get(m.group().casefold(), m.group().casefold()) not in _SUPPORT | _OPPOSE:
            continue
        if k + 1 < len(words) and words[k + 1].group().casefold() in _PRONOUNS:
            continue  # "halt it straight away": on what was named before
        after: list[str] = []
        for n in words[k + 1 :]:
            if n.group() in _CLAUSE_END or len(after) == STANCE_OBJECT_WORDS:
                break
            if n.group().casefold() not in STOPWORDS and n.group()[0].isalpha():
                after.append(n.group())
        if (
            len(after) == STANCE_OBJECT_WORDS
            and not any(
                _held_word(w, held) or _RENDERS.get(w.casefold(), "") in vocabulary for w in after
            )
            and any(zipf(w.casefold()) < DISTINCTIVE_ZIPF for w in after)
        ):
            out.append(" ".join(after))
    return out


def _held_word(word: str, held: frozenset[str]) -> bool:
    """Whether the statement uses `word` by its stem, or, hyphenated, one of its content
    parts ("build-up" where its words are "build" and "up")."""
    parts = [p for p in word.split("-") if p and p.casefold() not in STOPWORDS]
    return stem(word) in held or any(stem(p) in held for p in parts)


def verdict_words(quotation: str, held: frozenset[str]) -> list[str]:
    """The quotation's words of a verdict on worth or outcome (`_JUDGED`) whose stems `held`
    (the statement's word stems) lacks, as the quotation writes them.

    >>> verdict_words("the commitments are obsolete", frozenset({"commit"}))
    ['obsolete']
    >>> verdict_words("History", frozenset())
    []
    """
    found = [w for w in _CLAUSE_WORD.findall(quotation) if w.casefold() in _JUDGED]
    return [w for w in dict.fromkeys(found) if stem(w) not in held]


def charged_labels(quotation: str, held: frozenset[str]) -> list[str]:
    """The quotation's words of `_CHARGED` whose stems `held` (the statement's word stems)
    lacks, as the quotation writes them.

    >>> charged_labels("Washington's nuclear blackmail", frozenset({"nuclear"}))
    ['blackmail']
    >>> charged_labels("renounce provocative moves", frozenset({"provoc"}))
    []
    """
    out: list[str] = []
    for word in _CLAUSE_WORD.findall(quotation):
        root = stem(word)
        if root in _CHARGED and root not in held and word not in out:
            out.append(word)
    return out


def words_never_used(quotation: str, vocabulary: frozenset[str]) -> list[str]:
    """The quotation's distinctive words (rarer than `DISTINCTIVE_ZIPF` in English) that
    the statement never uses, when it shares none of its own distinctive words with it:
    "must dismantle its existing arsenal", "an immediate end to all sanctions" speak of
    what the statement never names. A rendering keeps one of the statement's rare words
    ("testing bombs and missiles") or uses common words only ("ask the world to get
    behind this plan"); those are left to the similarity. Empty otherwise.

    >>> words_never_used("an immediate end to all sanctions", frozenset({"immediately"}))
    ['sanctions']
    >>> words_never_used("stop testing bombs and missiles", frozenset({"missile"}))
    []
    """
    held = stems_of(vocabulary)
    rare = [
        w
        for w in dict.fromkeys(m.group().casefold() for m in _CLAUSE_WORD.finditer(quotation))
        if w[:1].isalpha()
        and len(w) > 3
        and w not in STOPWORDS
        and _lemma_zipf(w) < DISTINCTIVE_ZIPF
    ]
    if any(stem(w) in held or _RENDERS.get(w, "") in vocabulary for w in rare):
        return []  # (one of its rare words, or news copy's word for one: "must be excluded")
    return rare


def stance_object_never_named(quotation: str, vocabulary: frozenset[str]) -> list[str]:
    """The head of what the quotation opposes or supports, where the statement never uses
    that word and it is rare in English: "firmly oppose interference in the internal
    affairs of other countries" opposes what the statement never names, however its
    "oppose" and "countries" are the statement's (a paraphrase keeps what is opposed:
    "firmly oppose the deployment of THAAD"). The head is the first word after the verb
    past articles, quantifiers and adverbs; a word news copy puts for one of the
    statement's (`_RENDERS`: "remarks" for "statements") is no new object.

    >>> stance_object_never_named("oppose interference in internal affairs", frozenset())
    ['interference']
    >>> stance_object_never_named("oppose any deployment", frozenset({"deployment"}))
    []
    """
    held = stems_of(vocabulary)
    folded = lemmas(quotation)
    for k, word in enumerate(folded):
        if word not in _OPPOSE | _SUPPORT or word in ("against", "object"):
            continue
        rest = [w for w in folded[k + 1 : k + 1 + _OBJECT_REACH] if w not in _BEFORE_OBJECT]
        if not rest or not rest[0][:1].isalpha():
            continue
        head = rest[0]
        if head in _STANCE | _ENDING or head.startswith(_HOLDING_BACK_STEMS):
            continue  # "support a halt to ...": the halt's object is what is supported
        if (
            len(head) > 3
            and head not in STOPWORDS
            and _lemma_zipf(head) < DISTINCTIVE_ZIPF
            and stem(head) not in held
            and not _in_vocabulary(head, vocabulary)  # (a rendering: "drill" for exercises)
        ):
            # (and the words it governs mostly not the statement's either: "the stationing
            # of foreign troops in Northeast Asia" renders its "military presence of
            # extra-regional forces in Northeast Asia")
            phrase = _OBJECT_END.split(" ".join(folded[k + 1 :]), maxsplit=1)[0].split()
            words = [w for w in phrase if w != head and w not in STOPWORDS and len(w) > 2]
            kept = sum(_in_vocabulary(w, vocabulary) for w in words)
            if 2 * kept < len(words) or not words:
                return [head]
    return []


def _in_vocabulary(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether the statement uses `word`, singular or plural, or a word it renders
    (`_RENDERS`): a stem is too loose here ("internal" is not "international")."""
    forms = (word, word.removesuffix("s"), word + "s")
    return any(w in vocabulary or _RENDERS.get(w, "") in vocabulary for w in forms)


_OBJECT_END = re.compile(r"\b(?:and|or|but|while|which|that|who)\b")
"""Where the object of a verb of stance ends, at the latest."""


_OBJECT_REACH = 4
"""Words after a verb of stance in which its object's head stands."""
_BEFORE_OBJECT = frozenset(
    "a an the any all every each such further more new firmly strongly resolutely fully".split()
)
"""Words between a verb of stance and the head of its object."""


_RENDERS = {
    **dict.fromkeys(["excluded", "exclude", "precluded"], "ruled"),
    **dict.fromkeys(["drills", "manoeuvres", "maneuvers"], "exercises"),
    **dict.fromkeys(["safeguard", "safeguarding", "shield"], "protect"),
    **dict.fromkeys(["equilibrium"], "balance"),
    **dict.fromkeys(["belligerent", "warlike"], "bellicose"),
    **dict.fromkeys(["goodwill"], "benevolence"),
    **dict.fromkeys(["deeds", "actions", "acts"], "moves"),
    **dict.fromkeys(["utterances", "pronouncements", "remarks"], "statements"),
    **dict.fromkeys(["stationing", "placement", "placing", "basing", "positioning"], "deployment"),
    **dict.fromkeys(["troops", "contingents"], "forces"),
}
"""Rarer words translations and news copy put for a word of the statement's ("must be
excluded" for "should be ruled out", "strategic equilibrium" for "strategic balance"): a
rendering, not words the statement never uses."""


def _lemma_zipf(word: str) -> float:
    """`zipf` of a word or of it less a plural or third-person ending, the commoner: an
    inflected form is rarer than its word ("contributes" 3.7, "contribute" 4.3)."""
    forms = [word] + [word[: -len(end)] for end in ("es", "s") if word.endswith(end)]
    return max(zipf(f) for f in forms)


@lru_cache(maxsize=4)
def stems_of(vocabulary: frozenset[str]) -> frozenset[str]:
    """Stems of a reference's words and of the other names of the parties it names: one
    set per reference, not one per quotation."""
    names = {stem(n) for a in other_names(vocabulary) for n in a.split()}
    return frozenset({stem(w) for w in vocabulary} | names)


_CLAUSE_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*|[,;:.!?]")
_CLAUSE_END = frozenset(",;:.!?")
_PRONOUNS = frozenset("it them this that these those its their such".split())


def new_numbers(quotation: str, stretch: str, vocabulary: frozenset[str]) -> list[str]:
    """Numbers of `quotation`, in digits or words, whose value `stretch` does not give.

    A translation keeps a date, a year or a count; one the passage lacks was added. A
    cardinal word the reference itself writes somewhere ("the two countries") is part of
    its vocabulary, not a claim, where it counts parties: "the two sides" renders "the
    Parties"; "two ballistic missile launches" for "a launch" is a claim.

    A paragraph number opening the quotation ("2. The Parties express ...") is the
    statement's own numbering when the statement writes that number.

    >>> new_numbers("talks within six months of July 4", "signed on July 4, 2017", frozenset())
    ['six']
    >>> new_numbers("2. The Parties express", "The Parties express", frozenset({"2"}))
    []
    >>> new_numbers("1. The Parties worried.\\n2. The Parties express", "The Parties", frozenset())
    []
    >>> new_numbers("the Peninsula\\u2019s denuclearisation", "the Peninsula’s", frozenset())
    []
    """
    numbered = {m.group().strip(" \t.)") for m in PARAGRAPH_NUMBER.finditer(stretch)}
    numbering = _NUMBERING.match(quotation)
    if numbering and (numbering.group(1) in vocabulary or numbering.group(1) in numbered):
        quotation = quotation[numbering.end() :]
    # A list of the statement's points set out as one block quotation ("1. The Parties
    # are ...¶2. The Parties express ..."): each line's number is the list's, no count.
    quotation = PARAGRAPH_NUMBER.sub(" ", quotation)
    quotation = FOOTNOTE.sub(" ", quotation)  # "exercises¹³", "[4]": the page's notes
    quotation = ESCAPED_CHARACTER.sub(" ", quotation)  # "\u2019", "&#8217;": no number
    given = counts_given(stretch)
    out: list[str] = []
    short = len(_WORD.findall(quotation)) < NAMING_WORDS  # "two halts" names "double freezing"
    for word, value, end in numbers_in(quotation):
        written = not word[0].isdecimal() and word.casefold() in vocabulary
        if written and (short or counts_parties(quotation, end)):
            continue  # "the two sides", "two halts": the statement's own way of counting
        if value not in given and word not in out:
            out.append(word)
    return out


_NUCLEAR_STATUS = re.compile(
    r"\bnuclear(?:[\s-]+(?:armed|weapons?))?[\s-]+(?:power|state|status|club)s?\b"
    r"|\bnuclear-armed\b",
    re.IGNORECASE,
)
"""A state's standing as a nuclear power ("a nuclear power", "nuclear-weapon state",
"nuclear-armed"), which the statement never grants or denies in those words."""


def _date_given(quotation: str, number: str, reference: str) -> bool:
    """Whether `number` is a day after a month in `quotation` ("July 4") that `reference`
    also gives, in either order ("July 4", "4 July").

    >>> _date_given("announced on July 4 that", "4", "its statement of July 4, 2017")
    True
    >>> _date_given("announced on July 14 that", "14", "its statement of July 4, 2017")
    False
    """
    for month in _MONTH_DAY.finditer(quotation):
        if number in (month.group("day"), month.group("day2")):
            name, day = (month.group("month") or month.group("month2")), number
            forms = (rf"\b{name}\s+{day}\b", rf"\b{day}\s+{name}\b")
            return any(re.search(f, reference, re.IGNORECASE) for f in forms)
    return False


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}})\b|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTHS})\b"
)


_COUNTS_AUTHORS = re.compile(
    r"[ \t]+(?:[\w’'-]+[ \t]+)?(?:sides|countries|parties|ministries|capitals|states|nations"
    r"|governments|powers|neighbou?rs|leaders|koreas|foreign)\b",
    re.IGNORECASE,
)
"""After a cardinal the statement writes, what makes it count parties ("the two sides",
"the two Koreas") as the statement does, not things ("two missile launches")."""


def counts_given(stretch: str) -> set[str]:
    """The values of the numbers `stretch` gives, in digits, in words or as a pair.

    >>> sorted(counts_given("2. The two sides back the double freezing of 2017"))
    ['2', '2017']
    """
    stretch = PARAGRAPH_NUMBER.sub("", stretch)  # "2." opening the next paragraph counts nothing
    given = {_value(n) for n in _NUMBER.findall(stretch)}
    given |= {_CARDINALS[w] for w in lemmas(stretch) if w in _CARDINALS}
    if _PAIRED.search(stretch):
        given.add("2")  # "two halts" renders "double freezing"
    return given


def counts_named(text: str) -> set[str]:
    """The values `text` counts: its numbers, and 2 for a pair it names ("dual", "double",
    "suspension for suspension").

    >>> sorted(counts_named("the dual suspension")), sorted(counts_named("freeze for freeze"))
    (['2'], ['2'])
    """
    found = {value for _, value, _ in numbers_in(text)}
    if _PAIRED.search(text) or _RECIPROCAL.search(text):
        found.add("2")
    return found


_RECIPROCAL = re.compile(r"\b([^\W\d_]{3,})\s+for\s+(?:(?:a|an|the)\s+)?\1\b", re.IGNORECASE)
"""A noun set against itself, naming a pair: "suspension for suspension"."""


def numbers_in(text: str) -> list[tuple[str, str, int]]:
    """The numbers of `text` standing as words, digits or cardinal words but "one", each
    with its value and where it ends.

    >>> numbers_in("two launches on 04 July, not one unacceptab1e")
    [('two', '2', 3), ('04', '4', 18)]
    """
    out = []
    for m in _NUMBER_OR_WORD.finditer(text):
        word = m.group()
        if word[0].isdecimal():
            out.append((word, _value(word), m.end()))
        elif word.casefold() in _CARDINALS:
            out.append((word, _CARDINALS[word.casefold()], m.end()))
    return out


def counts_parties(text: str, at: int) -> bool:
    """Whether the cardinal ending at `at` counts parties, as the statement does ("the two
    sides", "the two Koreas"), not things ("two missile launches")."""
    return _COUNTS_AUTHORS.match(text, at) is not None


def _said(m: re.Match[str]) -> str:
    """A match's words, case-folded, single-spaced: how a phrase found is named."""
    return " ".join(m.group().casefold().split())


def _phrases(pattern: re.Pattern[str], text: str) -> list[str]:
    """Every phrase of `text` that `pattern` matches, named by `_said`, each once, in order."""
    return list(dict.fromkeys(_said(m) for m in pattern.finditer(text)))


def new_conditions(quotation: str, stretch: str) -> list[str]:
    """The words by which `quotation` makes one thing wait on another ("only if", "once",
    "until", "in exchange for") or sets a deadline ("by Thursday", "by the end of the
    year"), when `stretch` has no such words. A stretch that links its parts its own way
    ("accordingly", "simultaneously", "consequently") may be rendered with a plain "if",
    "once" or "until".

    A rendering keeps how the statement links its parts; "will guarantee its security if
    it gives up its weapons" makes a bargain of a passage that proposes none. What the
    statement links ("refrain, accordingly, from exercises") may be rendered with "if".

    >>> new_conditions("talks begin once the tests stop", "the talks begin")
    ['once']
    >>> new_conditions("they refrain if it stops", "it stops, and they should accordingly refrain")
    []
    >>> new_conditions("halt it at once", "halt and cancel the deployment")
    []
    >>> new_conditions("they back it only if it stops", "it stops, and they accordingly back it")
    ['only if']
    """
    if _CONDITION.search(stretch):
        return []
    linked = _LINKED.search(stretch) is not None
    return [s for s in _phrases(_CONDITION, quotation) if not (linked and s in _LOOSE)]


def new_scope(quotation: str, stretch: str) -> list[str]:
    """The words by which `quotation` widens or narrows what the statement says to all of
    something or to one thing only ("all military exercises", "every country in the
    world", "anywhere in Asia", "solely on the nuclear issue"), when `stretch` has none of
    them. ("Any" is left out: the statement says it, and renderings add it freely.)

    >>> new_scope("refrain from all military exercises", "refrain from large-scale exercises")
    ['all']
    >>> new_scope("display benevolence towards each other", "towards each other")
    []
    >>> new_scope("call on all parties involved", "calling on all parties involved")
    []

    "All", "every" and "each" say the same of what they stand before; "all-round" and "in
    every respect" quantify nothing the statement names:

    >>> new_scope("every party involved should act", "all parties concerned push forward")
    []
    >>> new_scope("an all-round settlement, supported in every respect", "a complex solution")
    []
    """
    theirs = [w.casefold() for w in _WORD.findall(stretch)]
    found: list[str] = []
    for m in _SCOPE.finditer(quotation):
        said = _said(m)
        if said in found:
            continue
        if said not in _DETERMINERS:
            if said.split()[-1] not in theirs:
                found.append(said)
            continue
        # "all military exercises" where the passage has "all" only of "parties involved"
        after = [w.casefold() for w in _WORD.findall(quotation[m.end() :])]
        nouns = [w for w in after[:4] if w not in STOPWORDS][:2]
        alike = _UNIVERSAL if said in _UNIVERSAL else {said}  # "every party" for "all parties"
        if alike & set(theirs) and any(_parties_noun(n) for n in nouns):
            continue  # "all sides" renders "all countries concerned", "all parties involved"
        if not any(_quantifies(theirs, q, noun) for q in alike for noun in nouns):
            found.append(said)
    return found


def _parties_noun(word: str) -> bool:
    """Whether `word` (one or many) is one of `_PARTIES_NOUN`: "party", "sides"."""
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return word in _PARTIES_NOUN or plural in _PARTIES_NOUN


def _quantifies(words: list[str], quantifier: str, noun: str) -> bool:
    """Whether `quantifier` stands a few words before a form of `noun` in `words`."""
    return any(
        w == quantifier and any(v[:5] == noun[:5] for v in words[k + 1 : k + 5])
        for k, w in enumerate(words)
    )


_DETERMINERS = frozenset(("all", "every", "each", "entire", "whole"))
_UNIVERSAL = frozenset(("all", "every", "each"))
_NARROWS_OR_COUNTS = _DETERMINERS | {"only", "sole", "solely", "exclusively"}
"""Scope words a close match may show as an edit ("all necessary measures", "the only
way"), unlike the adverbs of every place or time."""
_PARTIES_NOUN = frozenset(
    "sides parties countries states nations governments players actors concerned involved".split()
)
"""Words for those the statement addresses, each as good as another after "all"."""


_SCOPE = re.compile(
    r"(?<![-\u2010\u2011])(?<!\bat\s)\b(?:all|every(?!\s+(?:respects?|way|sense)\b)|entire|whole|anywhere"
    r"|everywhere|always|worldwide|global|globally|solely|exclusively|only|sole)\b"
    r"(?![-\u2010\u2011])"
    r"(?!\s+other\b)|\b(?:in|around|of|across)\s+the\s+(?:world|globe)\b"
    r"|\beach\b(?!\s+other\b)",
    re.IGNORECASE,
)
"""Words of scope: all of something, or that one thing alone ("each other" is neither, nor
a word joined by a hyphen, "all-round", nor "in every respect", "in every way", nor "at
all", which only stresses a negation: "no military solution should be entertained at
all")."""


def new_rights(quotation: str, stretch: str) -> list[str]:
    """The words by which `quotation` grants a party a right or a permission ("is entitled
    to", "the DPRK's right to conduct", "are free to"), when `stretch` grants none: the
    statement says what should be done and respected, not what anyone may do.

    >>> new_rights("the DPRK is entitled to conduct tests", "the DPRK announces a moratorium")
    ['is entitled to']
    >>> new_rights("support the DPRK's right to conduct tests", "the DPRK's concerns")
    ['right to']
    >>> new_rights("the right to self-defence is recognised", "the right to self-defence")
    []
    """
    theirs = set(_phrases(_RIGHT, stretch))
    return [said for said in _phrases(_RIGHT, quotation) if said not in theirs]


_RIGHT = re.compile(
    r"\b(?:(?:is|are|be|being|was|were)\s+(?:fully\s+)?(?:entitled|free|allowed|permitted)\s+to"
    r"|rights?\s+to(?=\s+[a-z])|(?:is|are)\s+within\s+(?:its|their)\s+rights)\b",
    re.IGNORECASE,
)
"""Words that grant a right or a permission."""


def new_causes(quotation: str, stretch: str) -> list[str]:
    """The words by which `quotation` gives a cause or a consequence ("because of the
    launch", "as a result of", "in response to", "provoked") when `stretch` has none:
    the statement says what the parties think and propose, not why events happened.

    >>> new_causes("they will coordinate because of the launch", "they will coordinate")
    ['because']
    >>> new_causes("under the pretext of countering", "under the pretext of countering")
    []

    The statement's "pretext" excuses only itself: a passage next to it gives no cause of
    the launch.

    >>> new_causes("proposed as a consequence of the deployment", "its build-up under the pretext")
    ['as a consequence']
    >>> new_causes("the drills are the root cause of its programmes", "its programmes")
    ['root cause of']
    >>> new_causes("the launch is a response to the drills", "the launch")
    ['a response to']
    """
    theirs = set(_phrases(_CAUSE, stretch))
    if theirs - {"pretext"}:
        return []  # the passage gives a cause of its own, which the quotation may render
    return [said for said in _phrases(_CAUSE, quotation) if said not in theirs]


_CAUSE = re.compile(
    r"\b(?:because|as\s+a\s+(?:result|consequence)|in\s+(?:response|reaction|retaliation)\s+to"
    r"|(?:a|an|the)\s+(?:direct\s+)?(?:response|reaction|retaliation|answer)\s+to"
    r"|owing\s+to|(?:caused|causes|cause|provoked|provokes|triggered|triggers|prompted|prompts"
    r"|led|leads)\s+(?:by|to|the|a|an|this|that|its|their)\b|therefore|hence|thus"
    r"|(?:the|a)\s+(?:reason|result|consequence)\s+(?:of|for)|(?:root\s+)?causes?\s+of"
    r"|due\s+to|pretext)\b",
    re.IGNORECASE,
)
"""Words of cause and consequence (the statement's own "under the pretext of" among them,
so that rendering it stays a rendering)."""


def standard_opposed(quotation: str, stretch: str, authors: frozenset[str]) -> str:
    """The words by which `quotation` has the statement's authors reject, oppose or
    disagree with what `stretch` measures something against ("in disharmony with the
    relevant resolutions": the resolutions are the measure, the DPRK's announcement what
    falls short of it). "The Parties do not agree with the resolutions" turns a judgement
    on another's act into the authors' stance against the measure itself; "the
    announcement does not agree with the resolutions" renders the passage.

    >>> standard_opposed("the Parties do not agree with the relevant resolutions",
    ...                  "consider it unacceptable and in disharmony with the relevant resolutions",
    ...                  frozenset({"russia", "china"}))
    'do not agree with the relevant resolutions'
    >>> standard_opposed("the launch does not agree with the relevant resolutions",
    ...                  "consider it unacceptable and in disharmony with the relevant resolutions",
    ...                  frozenset({"russia", "china"}))
    ''
    """
    measures = [
        set(content_words(m.group("what"))[:_MEASURE_WORDS]) for m in _MEASURED.finditer(stretch)
    ]
    if not measures:
        return ""
    for m in _AUTHORS_OPPOSE.finditer(quotation):
        who = {w.casefold() for w in _WORD.findall(m.group("who"))}
        if not (who & _THE_AUTHORS or any(author_party(w, authors) for w in who)):
            continue
        opposed = set(content_words(m.group("what"))[:_MEASURE_WORDS])
        if any(len(opposed & measure) >= 2 for measure in measures):
            return " ".join(m.group("verb", "what")).strip()
    return ""


_MEASURED = re.compile(
    r"\b(?:(?:dis)?harmony|line|accordance|keeping|compliance|conformity|odds|(?:in)?consistent"
    r"|contrary|counter)\s+(?:with|to)\s+(?P<what>[^.;:,]+)",
    re.IGNORECASE,
)
"""What a passage measures something against: "in disharmony with the resolutions"."""
_AUTHORS_OPPOSE = re.compile(
    r"(?P<who>(?:\b[\w’'-]+\s+){1,3}?)(?P<verb>(?:(?:do|does|did|will|would)\s+not|don[’']t"
    r"|doesn[’']t|never)\s+(?:agree\s+with|accept|support|recogni[sz]e|endorse|back)"
    r"|disagree[sd]?\s+with|reject(?:s|ed)?|oppose[sd]?|(?:are|is)\s+against|def(?:y|ies|ied))"
    r"\s+(?P<what>[^.;:,]+)",
    re.IGNORECASE,
)
"""Someone (the words before) against something (the words after)."""
_THE_AUTHORS = frozenset(
    "parties they we both sides countries ministries ministers governments capitals".split()
)
"""Words that, before a verb of opposition, name the statement's authors."""
_MARKS = re.compile(r"[\"“”‘’«»„]")
"""Quotation marks, read past between a lead-in and the words it leads into."""
_MEASURE_WORDS = 4
"""The measure's first content words, two of which name it again."""


def new_purposes(quotation: str, stretch: str, authors: frozenset[str] = frozenset()) -> list[str]:
    """What `quotation` says a thing is done for ("so that the United States withdraws
    THAAD") when most of the purpose's own words (its parties' names aside) are not in
    `stretch`: an aim the passage does not set. A purpose the passage sets in its own
    words ("to defuse tension" rendered "so that tension is defused") stays a rendering.

    >>> new_purposes("announce a moratorium so that the US withdraws THAAD",
    ...              "announces a moratorium, and the United States should refrain")
    ['so that the US withdraws THAAD']
    >>> new_purposes("maintain calm so that tension is defused", "maintain calm to defuse tension")
    []
    """
    out = []
    for m in _PURPOSE.finditer(quotation):
        clause = _SENTENCE_END.split(quotation[: m.start()])[-1]  # the words it is the aim of
        theirs = set(content_words(_sentences_of(stretch, clause)))
        words = m.group("what")
        said = [
            w
            for w in content_words(words)
            if w not in _PARTY_STEMS and not author_party(w, authors)
        ]
        if len(said) >= _PURPOSE_WORDS and 2 * len(theirs.intersection(said)) < len(said):
            out.append(" ".join(m.group().split()))
    return out


def _sentences_of(stretch: str, words: str) -> str:
    """The sentences of `stretch` that hold `words` (most of their content words each, or
    the one holding most): a purpose or means set in a neighbouring sentence is a link
    the statement does not make ("concerns should be respected so that talks can be
    resumed", where the next sentence asks other states to have talks resumed).

    >>> _sentences_of("Calm is needed. Talks should resume.", "calm is needed now")
    'Calm is needed.'
    """
    sentences = _SENTENCE_END.split(stretch)
    own = set(content_words(words))
    if len(sentences) < 2 or not own:
        return stretch
    shares = [len(own.intersection(content_words(s))) for s in sentences]
    kept = [s for s, n in zip(sentences, shares, strict=True) if 2 * n >= len(own)]
    return " ".join(kept) if kept else sentences[shares.index(max(shares))]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘'])")


_PURPOSE = re.compile(
    r"\b(?:so\s+(?:that|as\s+to)|in\s+order\s+(?:that|to))\s+(?P<what>[^.;:,]+)", re.IGNORECASE
)
"""A purpose given in words: "so that ...", "in order to ..."."""
_PURPOSE_WORDS = 2
"""Fewest of a purpose's own words (not its parties' names) that make it one to check; half
of them or more in the passage make it the passage's."""
_PARTY_STEMS = frozenset(
    stem(name) for name, others in ALIASES.items() for name in (name, *others)
) | frozenset({"dprk", "rok"})
"""Stems of the parties' names, which say who, not what for."""


def new_means(quotation: str, stretch: str) -> list[str]:
    """What `quotation` says a thing is done by ("by ending the joint exercises") when
    none of those words is in `stretch`: a link the passage does not make, however much
    of the rest renders it. A means the passage names in its own words stays a rendering.

    >>> new_means("show goodwill to each other by ending the drills", "display benevolence")
    ['by ending the drills']
    >>> new_means("calm things by holding talks", "calm tensions through talks")
    []
    >>> new_means("by way of a voluntary decision", "by way of a voluntary decision")
    []
    """
    theirs = set(content_words(stretch))
    out = []
    for m in _MEANS.finditer(quotation):
        said = content_words(m.group("what"))[:_MEANS_WORDS]
        if said and not theirs.intersection(said):
            out.append(" ".join(m.group().split()))
    return out


_MEANS = re.compile(
    r"\bby\s+(?P<what>[^\W\d_]+ing\b(?:[\s’'-]+(?!and\b|or\b|but\b)[^\W\d_]+){0,4})",
    re.IGNORECASE,
)
"""A means given by a verb's "-ing" form: "by ending joint exercises" (not "by way of")."""
_MEANS_WORDS = 3
"""The means' content words (its verb first) of which one in the passage makes it its own."""


def new_commitments(quotation: str, stretch: str) -> list[str]:
    """What `quotation` says will be done, or was agreed or promised ("will refrain",
    "will be respected", "have pledged to stop") where `stretch` says it should be, or
    calls on someone to do it ("should, accordingly, refrain", "call on the relevant
    countries to immediately stop"), and never that it will: a recommendation made a
    promise, or a forecast; or says it may be done ("may be ruled out"), a possibility
    made of it. Words the stretch itself says "will" or "might" of, or has agreed to
    ("will closely coordinate", "might escalate", "have agreed to adopt"), are the
    statement's own.

    >>> new_commitments("they will refrain from exercises", "they should, accordingly, refrain")
    ['will refrain']
    >>> new_commitments("they will closely coordinate", "they will closely coordinate efforts")
    []
    >>> new_commitments("has agreed to announce a moratorium", "The DPRK announces a moratorium")
    ['has agreed to']
    """
    found: list[str] = []
    advised = {stem(m.group(2)) for m in _SHOULD.finditer(stretch)}
    for modal in (_WILL, _MAY) if advised else ():
        own = {stem(m.group(2)) for m in modal.finditer(stretch)}
        for m in modal.finditer(quotation):
            verb = stem(m.group(2))
            said = " ".join(m.group(0).casefold().replace(",", " ").split())
            if verb in advised and verb not in own and said not in found:
                found.append(said)
    agreed = _AGREED.search(quotation)
    if (
        not found
        and agreed
        and not _AGREED.search(stretch)
        and _others_act(quotation, agreed, stretch)
    ):
        # "the DPRK “has agreed to announce a moratorium”" for its proposal that the DPRK
        # "announces" one: an agreement the statement never reports (what the authors
        # do, "will closely coordinate", they agreed to in signing it)
        found.append(" ".join(agreed.group().casefold().split()))
    return found


_AGREED = re.compile(r"\b(?:(?:has|have|had)\s+)?agreed\s+to\b", re.IGNORECASE)
_AUTHORS = re.compile(r"\b(?:Parties|Russia\s+and\s+China|[Tt]wo\s+sides)\b")
"""The statement's authors named in a passage: what they do, they agreed to."""


def _others_act(quotation: str, agreed: re.Match[str], stretch: str) -> bool:
    """Whether the act a quotation says was agreed to ("agreed to announce") stands in a
    sentence of `stretch` that does not name the statement's authors (the DPRK's act,
    proposed), or in none."""
    act = _WORD.search(quotation, agreed.end())
    if act is None:
        return False
    root = stem(act.group())
    return not any(
        _AUTHORS.search(sentence)
        for sentence in re.split(r"(?<=[.!?;:])\s+|\n+", stretch)
        if any(stem(w) == root for w in _WORD.findall(sentence))
    )


_AFTER_MODAL = r"\s*,?\s*(?:[a-z]+ly\s*,?\s+)?(?:be\s+)?([a-z]+)"
_WILL = re.compile(
    r"\b(will|shall|(?:is|are)\s+going\s+to"
    r"|(?:has|have|had)\s+(?:already\s+)?(?:agreed|promised|pledged|undertaken)\s+to"
    r"|(?:agree[sd]?|promise[sd]?|pledge[sd]?)\s+to)" + _AFTER_MODAL,
    re.IGNORECASE,
)
_MAY = re.compile(r"\b(may|might|could|can)" + _AFTER_MODAL, re.IGNORECASE)
"""A possibility: "may be ruled out" where the statement says it should be."""
_SHOULD = re.compile(
    r"\b(should|ought\s+to|(?:is|are)\s+to"
    r"|(?:call(?:s|ed)?\s+on|urge[sd]?)\b[^.;]{0,80}?\bto)" + _AFTER_MODAL,
    re.IGNORECASE,
)
"""A modal (or a promise, or a call on someone) and the verb it governs, past an adverb
("should, accordingly, refrain") and a passive's "be" ("should be respected")."""


def new_compulsion(quotation: str, stretch: str, reference: str = "") -> list[str]:
    """The words by which `quotation` binds someone ("is obliged to", "are required to",
    "has no choice but", "unconditionally", "is prohibited", "demand that", "require the
    DPRK to"), when `stretch` binds no one so. The statement proposes, urges and says
    what "should" be done; a rendering keeps that. "Must" is left alone: the statement
    says it too ("other states must make relevant efforts"), and a translator may render
    "should" by it. "Unconditional" renders a passage that speaks of conditions
    ("dialogue without preconditions"). Of a step the passage calls voluntary, "must"
    and "has to" bind too, wherever in the `reference` the step stands: a rendering in
    other words may be read beside a sentence that only names it ("large-scale joint
    exercises by the United States": "must immediately cancel their ... exercises").

    >>> new_compulsion("the DPRK is obliged to announce it", "the DPRK announces it")
    ['is obliged to']
    >>> new_compulsion("talks held unconditionally", "readiness for dialogue without preconditions")
    []
    >>> new_compulsion("are required under UN resolutions to suspend drills", "should refrain")
    ['are required under un resolutions to']
    >>> new_compulsion("will force all parties concerned to talk", "urge all parties concerned")
    ['will force all parties concerned to']
    """
    if _COMPULSION.search(stretch):
        return []
    # ("unconditional dialogue" renders the statement's "dialogue without preconditions",
    # wherever the rendering's nearest passage is)
    conditions = "condition" in stretch.casefold() or (
        "without precondition" in reference.casefold()
        and _UNCONDITIONAL_TALKS.search(quotation) is not None
    )
    found: list[str] = []
    # "The DPRK, by way of a voluntary political decision, announces ...": that step
    # made a duty ("must announce"), not another in the same stretch ("must never be used")
    voluntary = _voluntary_stems(stretch) | _voluntary_stems(reference)
    # (the step, or what it is taken on: "must immediately cancel their large-scale joint
    # exercises", where the passage's "should ... refrain from" them)
    steps = voluntary - _STEP_WORDS_SHARED
    for m in _MUST.finditer(quotation) if voluntary else ():
        said = m.group(0).casefold()
        ahead = _WORD.findall(quotation, m.end(), m.end() + 60)[:6]
        taken_on = any(stem(w) in steps and w.casefold() not in STOPWORDS for w in ahead)
        if (stem(m.group(1)) in voluntary or taken_on) and said not in found:
            found.append(said)
    for m in _DEMAND.finditer(quotation):
        # the parties' own demand ("the Parties demand that", or the verb opening the
        # quotation after the page names them), not a situation's ("tension ... demands
        # that the international community act", as the statement's tension calls on it)
        before = quotation[: m.start()].strip()
        said = " ".join(m.group().casefold().split()[:2])
        if (not before or _AGENTS.search(before[-40:])) and said not in found:
            found.append(said)
    for said in _phrases(_COMPULSION, quotation):
        if said not in found and not (said.startswith("unconditional") and conditions):
            found.append(said)
    return found


_UNCONDITIONAL_TALKS = re.compile(
    r"\bunconditional(?:ly)?\s+(?:[\w-]+\s+)?(?:dialogue|talks|negotiations)\b"
    r"|\b(?:dialogue|talks|negotiations)\s+(?:[\w-]+\s+){0,2}?unconditional(?:ly)?\b",
    re.IGNORECASE,
)
"""Talks "unconditional": the statement's "dialogue without preconditions", in other words."""
_COMPULSION = re.compile(
    r"\b(?:(?:is|are|be|been|being|was|were|feel|felt)\s+(?:legally\s+)?"
    r"(?:obliged|obligated|required|compelled|forced|ordered)"
    r"(?:\s+(?:by|under)\s+(?:[\w’'-]+\s+){1,6}?)?\s*to"
    r"|(?:has|have|had)\s+no\s+(?:choice|option|alternative)\s+but"
    r"|unconditional(?:ly)?|under\s+no\s+circumstances|at\s+(?:any|all)\s+costs?"
    r"|mandatory|compulsory|legally\s+binding|(?:is|are|be)\s+(?:forbidden|prohibited)"
    # (a party made to act: "will force all parties concerned to push forward ...")
    r"|(?:will|would|shall|must|to|can|could)\s+(?:force|compel|oblige|coerce|pressure)"
    r"\s+(?:[\w’'-]+\s+){1,5}?to)\b",
    re.IGNORECASE,
)
"""Words that bind a party to do something, stronger than the statement's "should"."""
_DEMAND = re.compile(
    r"\b(?:demand(?:s|ed)?\s+that|insist(?:s|ed)?\s+(?:that|on)"
    r"|require[sd]?\s+(?:[\w’'-]+\s+){1,10}?to(?=\s))",
    re.IGNORECASE,
)
"""A party's demand, stronger than the statement's "urge" and "call on"."""
_AGENTS = re.compile(
    r"\b(?:parties|sides|countries|states|ministries|russia|china|moscow|beijing|they|we)"
    r"(?:\s+(?:both|all|jointly|firmly|also))?\s*$",
    re.IGNORECASE,
)
"""The parties named just before a verb: its subject."""


@lru_cache(maxsize=256)
def _voluntary_stems(text: str) -> frozenset[str]:
    """Stems of the sentences of `text` that call a step voluntary (read once a text: the
    whole reference is asked of every quotation a rendering compares).

    >>> sorted(_voluntary_stems("It acts. The DPRK, by a voluntary decision, halts tests."))
    ['a', 'by', 'decisi', 'dprk', 'halt', 'test', 'the', 'volunt']
    """
    return frozenset(
        stem(w)
        for sentence in re.split(r"[.;]", text)
        if "voluntar" in sentence.casefold()
        for w in _WORD.findall(sentence)
    )


_MUST = re.compile(r"\b(?:must|(?:has|have)\s+to)" + _AFTER_MODAL, re.IGNORECASE)
"""What binds a party whose step the statement calls voluntary."""
_STEP_WORDS_SHARED = frozenset(
    stem(w)
    for w in """dprk united states republic korea korean peninsula nuclear ballistic missile
    political decision way accordingly voluntary""".split()
)
"""Words of the voluntary step's sentence that name no step: its parties, and words the
statement uses all through ("must never use nuclear weapons" binds no voluntary step)."""


_CONDITION = re.compile(
    r"\b(?:only\s+(?:if|when|after|once)|if|unless|(?<!\bat\s)once(?!\s+(?:again|more)\b)"
    r"|(?:by|until|till|before)\s+(?:the\s+end\s+of|next|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|January|February|March|April|June|July|August|September|October"
    r"|November|December|(?:19|20)\d\d)"
    r"|(?:by|before|until|till|this|next)\s+(?:the\s+)?(?:spring|summer|autumn|winter)"
    r"|(?:by|this|next)\s+fall|(?:this|next)\s+(?:week|month)(?![’'])"
    r"|until|till|provided\s+that|on\s+condition\s+that|as\s+long\s+as"
    r"|except\s+(?:as|when|if|where|in|for|under|to)|save\s+(?:as|when|where|in)|last\s+resort"
    r"|barring|other\s+than\s+(?:as|when|if|where|in|for|under|to)"
    r"|in\s+(?:exchange|return)\s+for|before\s+any"
    r"|(?:by\s+)?(?:no|not)\s+later\s+than(?!\s+(?:they|it|he|she|we|you|I)\b)"
    r"|within\s+(?:the\s+(?:next|first)\s+)?(?:an?|\d+|[a-z]+)(?:\s+[a-z]+)?\s+"
    r"(?:hours?|days?|weeks?|months?|years?)(?!\s+of\s+(?:each|one))"
    r"|within\s+(?:an?|the\s+(?:next|first))\s+(?:hours?|days?|weeks?|months?|years?)"
    r"|within\s+(?:hours|days|weeks|months|years)"
    r"|(?:in|over|during)\s+the\s+(?:coming|next)\s+(?:few\s+)?(?:hours|days|weeks|months|years)"
    r"|in\s+the\s+(?:days|weeks|months)\s+ahead)\b",
    re.IGNORECASE,
)
"""Words that make one thing wait on another, or set a deadline ("by Thursday", "until
September", "before October": a date after "until" is a deadline, not a loose "until";
"at once" and "once again" do neither; "as if" compares; "no later than August", "within
six months", "within a year", "within weeks", "in the coming weeks", but not "no later than
they can" or "within the region"),
or a time frame ("this summer", "before the autumn", "next month"); an exception ("except
as a last resort", "save in self-defence") makes a rule a condition too."""
_LOOSE = frozenset(("if", "once", "until", "till"))
"""Conditions a rendering of a passage that ties its parts (`_LINKED`) may use; "only if",
"unless", "in exchange for" and a deadline make more of it than it says."""
_LINKED = re.compile(r"\b(?:accordingly|consequently|simultaneously|in\s+turn)\b", re.IGNORECASE)
"""Words by which a passage itself ties one party's step to another's."""


def _value(number: str) -> str:
    """A number as written, without thousands separators or leading zeros ("28,000", "04")."""
    return number.replace(",", "").lstrip("0") or "0"


_INTENSIFIERS = frozenset(
    "firmly strongly resolutely fully deeply seriously completely totally entirely".split()
)
"""Words that only stress what they go with: "firmly oppose" claims no more than "oppose"."""


def _stance(lemma: str) -> str | None:
    """ "support" or "oppose" for a word of either stance (`_SUPPORT`, `_OPPOSE`), else None."""
    if lemma in _SUPPORT:
        return "support"
    return "oppose" if lemma in _OPPOSE else None


def borrowed(quotation: str, stretch: str, lexicon: Lexicon) -> list[str]:
    """The statement's distinctive words that `quotation` uses and `stretch` does not hold.

    Distinctive: rare in English (below `DISTINCTIVE_ZIPF`) and used in at most
    `DISTINCTIVE_SENTENCES` sentences of the statement. A rendering of one passage meets
    the passage's distinctive words or words of its own; several distinctive words of
    other passages ("moratorium" and "lasting" around "THAAD") are the statement's
    vocabulary rearranged: word salad, or a claim assembled from its parts.
    """
    held = {stem(w) for w in _WORD.findall(stretch)}
    stances = {_stance(w) for w in lemmas(stretch)} - {None}
    out: list[str] = []
    seen: set[str] = set()
    for word in _WORD.findall(quotation):
        folded = word.casefold()
        if len(word) < 2 or folded in STOPWORDS or folded in _INTENSIFIERS:
            continue
        if _stance(_LEMMA.get(folded, folded)) in stances:
            continue  # "oppose" where the passage is "against": its stance, other words
        s = stem(word)
        if s in held or s in seen:
            continue
        seen.add(s)
        if not 0 < lexicon.sentences_holding(s) <= DISTINCTIVE_SENTENCES:
            continue
        if zipf(re.sub(r"[’'‘]s$", "", folded)) < DISTINCTIVE_ZIPF:
            out.append(word)
    return out


def strange_names(text: str, vocabulary: frozenset[str]) -> list[str]:
    """Capitalised words of `text`, not opening a sentence, that the reference never uses
    (`_strange_names`, kept for the last texts asked: the short quotations of a sentence
    are each judged with all its quotations)."""
    return list(_strange_names(text, vocabulary))


@lru_cache(maxsize=16)
def _strange_names(text: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """Capitalised words of `text`, not opening a sentence, that the reference never uses.

    Translations keep names: a quotation naming a place or body the reference never
    names is not a rendering of it. Acronyms, common words written with a capital and
    other names of the parties the reference names are not names for this purpose.

    >>> _strange_names("forces in East Asia", frozenset({"northeast", "asia", "forces", "in"}))
    ()
    """
    aliases, stems = _known(vocabulary)
    out: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper() or len(word) < 3:
            continue
        bare = re.sub(r"[’'‘]s$", "", word)
        folded = bare.casefold()
        # A state the reference never names ("Japan halt its ...", "Tokyo"): a name,
        # however common the word and wherever it stands
        state = (folded in STATE_NAMES or folded in BODY_NAMES) and folded not in aliases
        before = text[: m.start()].rstrip(" “\"‘'„«(")
        if not state and (not before or before[-1] in ".!?:"):
            continue
        if folded in vocabulary or stem(bare) in stems or folded in aliases | _CALENDAR:
            continue
        if _joined(text, m.start(), folded) in vocabulary:
            continue  # "North-East" where the reference writes "Northeast"
        if folded in _COMPASS and any(folded in v for v in vocabulary if len(v) > len(folded)):
            continue  # "East Asia" for "Northeast Asia": a region changed, not a name
        if not state and (bare.isupper() or zipf(folded) >= COMMON_ZIPF):
            continue  # an acronym (ABM), or a common word with a capital (General)
        if misspelt(folded, vocabulary):
            continue  # "Penninsula": the statement's name mistyped, not another name
        if word not in out:
            out.append(word)
    return tuple(out)


def misspelt(word: str, vocabulary: frozenset[str] | set[str]) -> bool:
    """Whether `word` is a word of `vocabulary` with a letter or two mistyped (an edit
    distance of one, of two in a long word): "Penninsula", "Peninusla"."""
    allowed = 1 if len(word) < _LONG_NAME else 2
    return any(
        abs(len(w) - len(word)) <= allowed and Levenshtein.distance(w, word) <= allowed
        for w in vocabulary
        if w[:1] == word[:1]
    )


_LONG_NAME = 8
"""Letters from which a name may have two letters mistyped and still be the same name."""


def _joined(text: str, start: int, folded: str) -> str:
    """The hyphenated compound a word at `start` ends, written as one word ("north-east"
    -> "northeast"); "" when no hyphen joins it to the word before.

    >>> _joined("in North-East Asia", 9, "east")
    'northeast'
    """
    if start < 2 or text[start - 1] not in _HYPHENS:
        return ""
    before = _LAST_WORD.search(text, 0, start - 1)
    return before.group().casefold() + folded if before else ""


_HYPHENS = frozenset("-\u2010\u2011")
_LAST_WORD = re.compile(r"[^\W\d_]+$")


STATE_NAMES = frozenset(
    {name for name in ALIASES if name not in ("united", "states", "nations", "korea")}
    | {alias for names in ALIASES.values() for alias in names if alias not in DEMONYMS}
    - {"north", "south", "us", "un"}
)
"""States and capitals of `ALIASES` ("japan", "tokyo", "pyongyang"): names even where
common or opening a sentence."""
BODY_NAMES = frozenset("nato asean iaea osce opec brics quad aukus".split())
"""Alliances and international bodies, named by acronyms: names (not an acronym a
rendering spells out, ABM for antimissile) wherever they stand ("NATO must stay out")."""


@lru_cache(maxsize=8)
def _known(vocabulary: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The other names of the parties a reference with `vocabulary` names, and the stems of
    its words: the same for every quotation of that reference."""
    return other_names(vocabulary), frozenset(stem(v) for v in vocabulary)
