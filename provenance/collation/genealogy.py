"""Shared readings and the grouping of witnesses they support.

Textual scholars group copies by *shared errors*: two copies that read alike where the
reference reads otherwise probably descend from a common ancestor. Not every shared
variant is evidence of the same strength: two copies can each gain a no-break space on
their own (a CMS does that), but they rarely lose the same sentence by chance. So each
shared reading carries a weight by kind (WEIGHTS), growing with the number of words it
touches; a cosmetic kind counts once however often it recurs (one habit), and a group
needs non-cosmetic evidence weighing at least a changed word.

Families come first: witnesses that follow the reference's own text (full copies,
excerpts, quotations that match verbatim or with changes) form the reference family;
quotation witnesses whose quotations match only as paraphrases follow a different
translation, and those whose paraphrases agree with each other share a family.
Inside a family, groups are the witness sets that share readings, nested into a tree
where they are compatible; every group lists its evidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz

from provenance.classify import row_of
from provenance.collation.table import Reading, Status, Table
from provenance.collation.witnesses import Segment, Witness
from provenance.kinds import ARTICLE_ROWS as _ARTICLE_ROWS
from provenance.model import Kind
from provenance.normalise import normalise
from provenance.severity import COSMETIC_KINDS

WEIGHTS = {
    Kind.WHITESPACE: 0.1,
    Kind.INVISIBLE: 0.2,
    Kind.TYPOGRAPHY: 0.2,
    Kind.SPELLING: 0.5,
    Kind.CASE: 0.5,
    Kind.PUNCTUATION: 1.0,
    Kind.EDITORIAL: 1.0,
    Kind.FOOTNOTE: 0.5,  # pages number their own notes; a shared "[citation needed]" is rarer
    Kind.SUBSTITUTION: 2.0,
    Kind.INSERTION: 2.0,
    Kind.OMISSION: 2.0,
    Kind.TRUNCATION: 2.0,
    Kind.REORDERING: 2.0,
    Kind.DUPLICATION: 1.0,
    Kind.INTERRUPTION: 0.2,  # page furniture and boxes arise independently on every page
    Kind.EMPHASIS: 1.0,
}
"""Base weight of a shared reading by kind. Cosmetic kinds are weak: they arise independently."""

ARTICLE_ROWS = frozenset(_ARTICLE_ROWS.values())
ARTICLE_WEIGHT = 1.0
"""The weight of one article dropped or added alone (a minor row, `kinds.ARTICLE_ROWS`): a
slip copiers make independently, so one shared is no family (it weighed 2.0, a changed
word, and grouped an independent copy with the one it happened to share it with)."""

TRANSLATION_AGREEMENT = 80.0
"""Least rapidfuzz ratio (0-100) at which two paraphrases of one passage count as alike."""

_WORD = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
"""A word, a hyphenated compound counting as one."""
_CUT_MARK = re.compile(r"[\[(]?\s*(?:\.\s*\.\s*\.|\u2026)\s*[\])]?")
"""An ellipsis, bare or in brackets: where a quoting page cut words ("[...]", "(…)")."""


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    min_weight: float = 2.0
    """Least weight of the non-cosmetic readings a group shares: a changed word, a lost
    one, or two punctuation changes; one comma is lost by chance."""


@dataclass(frozen=True, slots=True)
class SharedReading:
    """A reading that two or more witnesses share where the reference reads otherwise."""

    location: int
    """Index of the location in the table."""
    reference_text: str
    text: str
    kind: Kind
    witnesses: frozenset[str]
    weight: float

    @property
    def cosmetic(self) -> bool:
        return self.kind in COSMETIC_KINDS


@dataclass(frozen=True, slots=True)
class Pair:
    """What two witnesses have in common."""

    a: str
    b: str
    shared: tuple[SharedReading, ...]
    weight: float
    common: tuple[tuple[int, int], ...]
    """Reference spans (start, end) that both witnesses cover."""
    disagreements: int
    """Locations both cover where they read differently."""


@dataclass(frozen=True, slots=True)
class Group:
    """Witnesses grouped by the shared readings listed as its evidence."""

    witnesses: frozenset[str]
    evidence: tuple[SharedReading, ...]
    weight: float
    children: tuple[Group, ...] = ()
    silent: frozenset[str] = frozenset()
    """Witnesses with a lacuna at every location of the evidence: they may belong to
    the group or not (an excerpt that stops before it), and never conflict with it."""


@dataclass(frozen=True, slots=True)
class Family:
    """Witnesses that follow one text of the document (one translation)."""

    name: str
    description: str
    witnesses: tuple[str, ...]
    evidence: tuple[str, ...]
    """One line per fact that puts a witness here."""
    groups: tuple[Group, ...] = ()
    """Groups inside the family, as a forest of compatible sets."""
    conflicts: tuple[Group, ...] = field(default=())
    """Groups that overlap another group without nesting (contamination or chance)."""


@dataclass(frozen=True, slots=True)
class Genealogy:
    families: tuple[Family, ...]
    pairs: tuple[Pair, ...]
    shared: tuple[SharedReading, ...]


def shared_readings(table: Table) -> list[SharedReading]:
    """Every variant reading held by two or more witnesses, in location order; one text
    the same witnesses leave out over neighbouring locations is one reading (below)."""
    return _omissions_whole(_shared_by_location(table), table)


def _omissions_whole(shared: list[SharedReading], table: Table) -> list[SharedReading]:
    """`shared`, with the pieces of one lost stretch as one reading: where the same
    witnesses read nothing at neighbouring locations (another witness's variant cut the
    table there: a straightened apostrophe inside a lost paragraph), the pieces counted as
    that many agreements, one of them a punctuation change, and a lost paragraph weighed
    by the variants of copies that have nothing to do with it."""
    out: list[SharedReading] = []
    running: dict[frozenset[str], tuple[int, int]] = {}  # holders -> (index in out, last loc)
    for s in shared:
        empty = s.text == "" and s.kind is not Kind.REORDERING
        lost = empty and s.kind not in COSMETIC_KINDS
        # (a piece cut where another copy changed a space or a comma is of the same loss)
        before = running.get(s.witnesses) if empty else None
        if before is not None and _read_nothing(table, s.witnesses, before[1] + 1, s.location):
            at, last = before
            between = "".join(loc.reference_text for loc in table.locations[last + 1 : s.location])
            merged = out[at].reference_text + between + s.reference_text
            weight = _weight(Kind.OMISSION, merged, "")
            out[at] = SharedReading(
                out[at].location, merged, "", Kind.OMISSION, s.witnesses, weight
            )
            running[s.witnesses] = (at, s.location)
            continue
        if lost:
            running[s.witnesses] = (len(out), s.location)
        out.append(s)
    return out


def _read_nothing(table: Table, witnesses: frozenset[str], start: int, end: int) -> bool:
    """Whether every one of `witnesses` reads nothing at the locations from `start` to
    `end` (a comma another copy dropped, which their loss covers too, shared or not)."""
    between = table.locations[start:end]
    return all(
        loc.reading(w).status is Status.VARIANT and not loc.reading(w).text
        for loc in between
        for w in witnesses
    )


def _shared_by_location(table: Table) -> list[SharedReading]:
    out = []
    for loc in table.locations:
        by_text: dict[tuple[str, bool], list[str]] = {}
        kinds: dict[tuple[str, bool], Kind] = {}
        for r in loc.readings:
            if r.status is Status.VARIANT and not r.partial and r.kind is not None:
                if r.kind is Kind.EDITORIAL and _CUT_MARK.fullmatch(r.text.strip()):
                    continue  # "[...]": a cut marked as every editor marks one, no agreement
                key = _reading(r)
                by_text.setdefault(key, []).append(r.witness)
                kinds[key] = r.kind
        for key, holders in by_text.items():
            if len(holders) >= 2:
                text, kind = key[0], kinds[key]
                weight = _weight(kind, loc.reference_text, text)
                holders_set = frozenset(holders)
                out.append(
                    SharedReading(loc.index, loc.reference_text, text, kind, holders_set, weight)
                )
    return out


def _reading(r: Reading) -> tuple[str, bool]:
    """What makes two readings of a location the same: their text, its white space aside
    (a paragraph break the alignment gave to a neighbouring omission in one copy and to
    the moved sentence in another is no difference between them), and whether the words
    were moved (a paragraph moved away reads "" at its old place, as an omission does, but
    a copy that moved it and one that dropped a sentence of it share nothing)."""
    return " ".join(r.text.split()), r.kind is Kind.REORDERING


def pairs(table: Table, shared: list[SharedReading] | None = None) -> list[Pair]:
    """For each pair of witnesses that cover some text in common: shared readings and more."""
    shared = shared_readings(table) if shared is None else shared
    # Two witnesses can only disagree where one of them has a variant: index those.
    variants: dict[str, dict[int, str]] = {w.id: {} for w in table.witnesses}
    for loc in table.locations:
        for r in loc.readings:
            if r.status is Status.VARIANT and not r.partial:
                variants[r.witness][loc.index] = r.text
    holding: dict[str, list[SharedReading]] = {w.id: [] for w in table.witnesses}
    for s in shared:
        for w in s.witnesses:
            holding[w].append(s)
    column = {w.id: i for i, w in enumerate(table.witnesses)}
    out = []
    for x, y in combinations(table.witnesses, 2):
        common = _common(x, y)
        if not common:
            continue
        both = tuple(s for s in holding[x.id] if y.id in s.witnesses)
        weight = evidence_weight(both)
        disagreements = 0
        for index in variants[x.id].keys() | variants[y.id].keys():
            readings = table.locations[index].readings
            rx, ry = readings[column[x.id]], readings[column[y.id]]
            if Status.LACUNA not in (rx.status, ry.status) and not (rx.partial or ry.partial):
                disagreements += _reading(rx) != _reading(ry)
        out.append(Pair(x.id, y.id, both, weight, common, disagreements))
    return out


def genealogy(
    table: Table, *, options: GroupingOptions = GroupingOptions(), with_pairs: bool = True
) -> Genealogy:
    """Families of witnesses and, inside each, the groups their shared readings support.

    Args:
        table: The variant table.
        options: Grouping thresholds; see GroupingOptions.
        with_pairs: Whether to compare every two witnesses (`Genealogy.pairs`, which only
            `collate --format json` shows); without, `pairs` is empty. The comparison
            costs witnesses squared: 125 s of a page holding 2,500 copies, for a `report`
            that never shows it.
    """
    shared = shared_readings(table)
    collated = {w.id for w in table.witnesses}
    translated = {w.id for w in table.paraphrases if w.id not in collated}
    reference_family = [w.id for w in table.witnesses]
    families = []
    if reference_family:
        readings = table.readings_by_witness()
        witness: dict[str, Witness] = {}
        for w in table.witnesses:
            witness.setdefault(w.id, w)  # as `table.witness`, the first of an id
        groups, conflicts = _groups(shared, set(reference_family), options, _lacunae(table))
        families.append(
            Family(
                name="reference",
                description="follows the reference text",
                witnesses=tuple(reference_family),
                evidence=tuple(
                    _reference_evidence(w, witness[w], readings[w]) for w in reference_family
                ),
                groups=groups,
                conflicts=conflicts,
            )
        )
    for n, members in enumerate(_translation_families(table, translated), 1):
        families.append(
            Family(
                name=f"translation-{n}",
                description="follows a different translation",
                witnesses=tuple(members),
                evidence=tuple(line for w in members for line in _paraphrase_evidence(table, w)),
            )
        )
    compared = tuple(pairs(table, shared)) if with_pairs else ()
    return Genealogy(tuple(families), compared, tuple(shared))


def _weight(kind: Kind, reference: str, text: str) -> float:
    """WEIGHTS[kind], times 1 + log2 of the words involved, so a lost sentence outweighs a word."""
    base = WEIGHTS.get(kind, 1.0)
    if kind in COSMETIC_KINDS:
        return base
    if kind in (Kind.OMISSION, Kind.INSERTION) and row_of(kind, reference, text) in ARTICLE_ROWS:
        return ARTICLE_WEIGHT
    # (a hyphen joining or splitting a word, "co-existence" for "coexistence" or
    # "nonproliferation" for "non-proliferation", changes one word, not two)
    counted = _COMPOUND if kind is Kind.PUNCTUATION else _WORD
    words = max(len(counted.findall(reference)), len(counted.findall(text)), 1)
    return round(base * (1 + math.log2(words)), 3)


def evidence_weight(readings: Iterable[SharedReading]) -> float:
    """The weight of shared readings together: each counts, but a cosmetic kind once (the
    highest of its readings), since straight quotes or no-break spaces throughout are one
    habit of a site or an editor, not one agreement a mark; and so does one word's case
    changed the same way wherever it stands ("parties" for "Parties" throughout: a house
    style, one habit).

    >>> case = [SharedReading(k, "Parties", "parties", Kind.CASE, frozenset("AB"), 0.5)
    ...         for k in range(14)]
    >>> evidence_weight(case)
    0.5
    """
    substantive = 0.0
    habits: dict[tuple[Kind, str, str], float] = {}
    for s in readings:
        if s.cosmetic:
            key = (s.kind, "", "")
        elif s.kind is Kind.CASE:
            key = (s.kind, s.reference_text, s.text)
        else:
            substantive += s.weight
            continue
        habits[key] = max(habits.get(key, 0.0), s.weight)
    return round(substantive + sum(habits.values()), 3)


def _lacunae(table: Table) -> dict[int, frozenset[str]]:
    """The witnesses with a lacuna at each location (they do not cover its text)."""
    return {
        loc.index: frozenset(r.witness for r in loc.readings if r.status is Status.LACUNA)
        for loc in table.locations
    }


def _groups(
    shared: list[SharedReading],
    members: set[str],
    options: GroupingOptions,
    lacunae: dict[int, frozenset[str]] | None = None,
) -> tuple[tuple[Group, ...], tuple[Group, ...]]:
    support: dict[frozenset[str], list[SharedReading]] = {}
    for s in shared:
        holders = s.witnesses & members
        if len(holders) >= 2 and holders != members:
            support.setdefault(frozenset(holders), []).append(s)
    lacunae = lacunae or {}
    candidates = []
    for holders, evidence in support.items():
        weight = evidence_weight(evidence)
        if evidence_weight([s for s in evidence if not s.cosmetic]) >= options.min_weight:
            silent = frozenset(members).intersection(
                *(lacunae.get(s.location, frozenset()) for s in evidence)
            )
            candidates.append(Group(holders, tuple(evidence), weight, silent=silent))
    candidates = _one_family_in_parts(candidates)
    # Strongest first; a group that overlaps a stronger one without nesting is a conflict.
    candidates.sort(key=lambda g: (-g.weight, -len(g.witnesses), sorted(g.witnesses)))
    kept: list[Group] = []
    conflicts: list[Group] = []
    for g in candidates:
        if all(_compatible(g, k) for k in kept):
            kept.append(g)
        else:
            conflicts.append(g)
    return _forest(kept), tuple(conflicts)


def _one_family_in_parts(groups: list[Group]) -> list[Group]:
    """Groups that are one group seen through the excerpts' gaps, merged: each's witnesses
    are the other's or silent at the other's evidence, and neither holds the other ({G, H,
    J} with I silent, {G, I, J} with H silent: excerpts H and I copy different parts of
    G's text, so no reading is shared by all four), and so the groups of the same
    witnesses that such merging makes. The merged group has both groups' evidence, and is
    silent only where both were."""
    groups = list(groups)
    merged = True
    while merged:
        merged = False
        for a, b in combinations(groups, 2):
            x, y = a.witnesses, b.witnesses
            parts = not (x <= y or y <= x) and x <= y | b.silent and y <= x | a.silent
            if x != y and not parts:
                continue
            evidence = tuple(sorted({*a.evidence, *b.evidence}, key=lambda e: e.location))
            union = x | y
            both = Group(
                union, evidence, evidence_weight(evidence), silent=(a.silent & b.silent) - union
            )
            groups = [g for g in groups if g is not a and g is not b] + [both]
            merged = True
            break
    return groups


def _compatible(a: Group, b: Group) -> bool:
    """Two groups fit in one tree if one holds the other or they are disjoint, counting
    a witness silent at a group's evidence (`Group.silent`) as possibly in it: an excerpt
    that stops before a reading is no evidence against the group that has it."""
    x, y = a.witnesses, b.witnesses
    return x <= y | b.silent or y <= x | a.silent or not x & y


def _forest(groups: list[Group]) -> tuple[Group, ...]:
    """Nest compatible groups: each under the smallest group that contains it, counting
    the witnesses silent at that group's evidence as in it (the heavier of two that
    would contain each other so is the parent, unless one holds all the other's
    witnesses outright: that one is); never under one it shares no witness with (silent
    at all its evidence, as excerpts of another part are, says nothing of kinship)."""
    ordered = sorted(groups, key=lambda g: len(g.witnesses))

    def holds(p: Group, g: Group) -> bool:
        if p is g or not g.witnesses <= p.witnesses | p.silent or p.witnesses <= g.witnesses:
            return False
        if not g.witnesses & p.witnesses:
            return False  # all silent at its evidence: possibly in it, but nothing says so
        if g.witnesses < p.witnesses:
            return True  # held outright, whatever it weighs: its witnesses are all the parent's
        mutual = p.witnesses <= g.witnesses | g.silent
        return not mutual or (p.weight, len(p.witnesses)) > (g.weight, len(g.witnesses))

    kids: dict[int, list[Group]] = {id(g): [] for g in ordered}
    roots = []
    for g in ordered:
        parents = [p for p in ordered if holds(p, g)]
        if parents:
            kids[id(min(parents, key=lambda p: (len(p.witnesses), -p.weight)))].append(g)
        else:
            roots.append(g)

    def built(g: Group, scope: frozenset[str] | None = None) -> Group:
        # A witness silent at a group's evidence is a possible member only if it may be
        # in the group holding it too: one reading otherwise at the parent's is not.
        silent = g.silent if scope is None else g.silent & scope
        inner = g.witnesses | silent
        children = tuple(built(k, frozenset(inner)) for k in kids[id(g)])
        return Group(g.witnesses, g.evidence, g.weight, children, silent)

    return tuple(sorted(map(built, roots), key=lambda g: (-g.weight, sorted(g.witnesses))))


def _translation_families(table: Table, translated: set[str]) -> list[list[str]]:
    """Paraphrase witnesses joined when they render the same reference passage alike.

    Two paraphrases agree when their nearest reference passages overlap and their words,
    folded, score at least TRANSLATION_AGREEMENT with rapidfuzz.
    """
    members = [w for w in table.paraphrases if w.id in translated]
    parent = {w.id: w.id for w in members}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in combinations(members, 2):
        if any(_agree(x, a, y, b) for a in x.segments for b in y.segments):
            parent[find(y.id)] = find(x.id)
    families: dict[str, list[str]] = {}
    for w in members:
        families.setdefault(find(w.id), []).append(w.id)
    return list(families.values())


def _agree(x: Witness, a: Segment, y: Witness, b: Segment) -> bool:
    if not (a.reference.start < b.reference.end and b.reference.start < a.reference.end):
        return False
    text_a, text_b = normalise(a.copy.of(x.text)).text, normalise(b.copy.of(y.text)).text
    # processor=None: both texts are already folded by normalise().
    return fuzz.ratio(text_a, text_b, processor=None) >= TRANSLATION_AGREEMENT


def _reference_evidence(witness_id: str, w: Witness, readings: Iterable[Reading]) -> str:
    """One line on witness `w`: how much of what it covers reads as the reference."""
    agree = variant = 0
    for r in readings:
        if r.status is Status.AGREES:
            agree += len(r.reference_text)
        elif r.status is Status.VARIANT:
            variant += 1
    verdicts = sorted({s.verdict for s in w.segments})
    score = min(s.similarity for s in w.segments)
    return (
        f"{witness_id}: {w.kind.value}, {len(w.segments)} segment(s) ({', '.join(verdicts)}), "
        f"{agree:,} of {w.covered:,} covered reference characters read as the reference, "
        f"{variant} variant location(s), lowest match score {score:.1f}"
    )


def _paraphrase_evidence(table: Table, witness_id: str) -> list[str]:
    w = table.paraphrase(witness_id)
    assert w is not None
    out = []
    for s in w.segments:
        quote = s.copy.of(w.text)
        nearest = s.reference.of(table.reference.text)
        if len(nearest) > 80:
            nearest = nearest[:77] + "..."
        out.append(
            f"{witness_id}: paraphrase {quote!r} at {s.copy.start}..{s.copy.end} ~ reference "
            f"{nearest!r} at {s.reference.start}..{s.reference.end} (similarity {s.similarity:.1f})"
        )
    return out


def _common(a: Witness, b: Witness) -> tuple[tuple[int, int], ...]:
    out = []
    for x in a.segments:
        for y in b.segments:
            start = max(x.reference.start, y.reference.start)
            end = min(x.reference.end, y.reference.end)
            if start < end:
                out.append((start, end))
    return tuple(sorted(out))
