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

from provenance.quotes.words import stem

ACTS = frozenset(
    stem(w)
    for w in """recognise recognize withdraw withdrawal expel expulsion impose imposition
    sanction sanctions embargo guarantee pledge vow accuse accusation blame
    praise congratulate ratify dismantle intervene intervention annex annexation condemn
    condemnation invade invasion occupation punish punishment retaliate""".split()
)
"""Stems of words for what states do to or about each other, beyond taking a position."""
_WORD = re.compile(r"[^\W\d_]+")


def invented_acts(quotation: str, held: frozenset[str]) -> list[str]:
    """The quotation's words for acts (`ACTS`) whose stems `held` (the statement's word
    stems) lacks, as the quotation writes them.

    >>> invented_acts("will recognise the DPRK as a nuclear power", frozenset({"dprk"}))
    ['recognise']
    >>> invented_acts("urge the DPRK to refrain", frozenset({"urge", "dprk", "refrai"}))
    []
    """
    out = []
    for word in _WORD.findall(quotation):
        root = stem(word)
        if root in ACTS and root not in held and word not in out:
            out.append(word)
    return out
