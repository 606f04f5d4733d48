"""Shared readings, groups and families."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import Analysis, analyse, analyse_corpus
from provenance.collation.exports import render_html, render_text
from provenance.collation.genealogy import (
    Family,
    Genealogy,
    Group,
    GroupingOptions,
    SharedReading,
    _groups,
    evidence_weight,
    genealogy,
    shared_readings,
)
from provenance.collation.table import Status, collate
from provenance.collation.witnesses import Segment, Witness, WitnessKind, from_text, witnesses
from provenance.corpus import load_corpus
from provenance.model import Document, Kind, Span

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    copy = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(CORPUS, copy)
    return analyse_corpus(load_corpus(copy))


@pytest.fixture(scope="module")
def reference(analysis: Analysis) -> Document:
    return analysis.reference


@pytest.fixture(scope="module")
def corpus_genealogy(analysis: Analysis) -> Genealogy:
    return genealogy(collate(analysis.reference, witnesses(analysis)))


def _plant(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def test_two_copies_sharing_a_planted_error_are_grouped(reference: Document) -> None:
    error = _plant(reference.text, "justified concerns", "legitimate concerns")
    a = from_text("a", reference, error)
    b = from_text("b", reference, _plant(error, "neighbours", "neighbors"))  # plus its own variant
    c = from_text("c", reference, _plant(reference.text, "Moscow", "Moskva"))
    family = genealogy(collate(reference, [a, b, c])).families[0]
    assert family.witnesses == ("a", "b", "c")
    (group,) = family.groups
    assert group.witnesses == {"a", "b"}
    (evidence,) = group.evidence
    assert evidence.text == "legitimate" and evidence.kind is Kind.SUBSTITUTION
    assert not family.conflicts


def test_a_shared_misspelling_is_shared_whatever_space_follows_it(reference: Document) -> None:
    """One page puts a no-break space after the misspelling the other has too: the
    replacement took the space with it ("benevolence " for "benevolance" + NBSP), the two
    readings differed, and the shared error went unseen."""
    error = _plant(reference.text, "benevolence towards", "benevolance towards")
    a = from_text("a", reference, error)
    b = from_text("b", reference, _plant(error, "benevolance towards", "benevolance\u00a0towards"))
    c = from_text("c", reference, reference.text)
    (evidence,) = shared_readings(collate(reference, [a, b, c]))
    assert (evidence.text, evidence.witnesses) == ("benevolance", {"a", "b"})


def test_a_form_either_side_writes_groups_no_one(reference: Document) -> None:
    """ "toward" for "towards" (and "amongst", "whilst", "learnt" for their other forms) is
    a house style two copies may share by chance: a spelling variant, light evidence, not
    a substitution outweighing a real shared error."""
    styled = reference.text.replace("towards", "toward")
    a = from_text("a", reference, styled)
    b = from_text("b", reference, _plant(styled, "bellicose", "belicose"))
    c = from_text("c", reference, _plant(reference.text, "bellicose", "belicose"))
    family = genealogy(collate(reference, [a, b, c])).families[0]
    assert [g.witnesses for g in family.groups] == [{"b", "c"}]


def test_a_shared_omitted_sentence_outweighs_a_shared_word(reference: Document) -> None:
    sentence = reference.text[reference.text.index("The Parties oppose") :].split(". ", 1)[0] + ". "
    omitted = _plant(reference.text, sentence, "")
    a = from_text("a", reference, omitted)
    b = from_text("b", reference, omitted)
    c = from_text("c", reference, _plant(reference.text, "justified", "reasonable"))
    d = from_text("d", reference, _plant(reference.text, "justified", "reasonable"))
    shared = shared_readings(collate(reference, [a, b, c, d]))
    by_holders = {s.witnesses: s for s in shared}
    assert by_holders[frozenset({"a", "b"})].kind is Kind.OMISSION
    assert by_holders[frozenset({"a", "b"})].weight > 3 * by_holders[frozenset({"c", "d"})].weight


def test_a_shared_cosmetic_variant_alone_does_not_group(reference: Document) -> None:
    nbsp = _plant(reference.text, "Korean Peninsula", "Korean\u00a0Peninsula")
    a = from_text("a", reference, nbsp)
    b = from_text("b", reference, nbsp)
    c = from_text("c", reference, reference.text)
    result = genealogy(collate(reference, [a, b, c]))
    (shared,) = result.shared
    assert shared.witnesses == {"a", "b"} and shared.kind is Kind.WHITESPACE
    assert result.families[0].groups == ()
    pair = next(p for p in result.pairs if (p.a, p.b) == ("a", "b"))
    assert pair.shared == (shared,) and pair.weight < 1


@pytest.mark.parametrize(
    ("word", "written"),
    [("coexistence", "co-existence"), ("non-proliferation", "nonproliferation")],
)
def test_a_hyphen_splitting_or_joining_one_word_groups_no_one(
    reference: Document, word: str, written: str
) -> None:
    """ "co-existence" for "coexistence" (or "nonproliferation" for "non-proliferation")
    in two copies changes one word, as a comma does: it weighed as two words and grouped
    two unrelated copies (audit c3)."""
    hyphened = _plant(reference.text, word, written)
    a = from_text("a", reference, _plant(hyphened, "balanced", "gradual"))
    b = from_text("b", reference, _plant(hyphened, "mutual trust", "mutual confidence"))
    c = from_text("c", reference, reference.text)
    family = genealogy(collate(reference, [a, b, c])).families[0]
    assert family.groups == ()


def test_a_moved_sentence_is_one_reading_whatever_paragraph_break_goes_with_it(
    reference: Document,
) -> None:
    """Two copies move the same sentence to a paragraph's head, and one of them also drops
    the sentence before that paragraph: the alignment gives that copy's moved sentence the
    paragraph break ("⏎⏎Any possibility ..."). The two are one reading, not two: before,
    the copies without the omission made a false group of their own (audit c3)."""
    moved = (
        "Any possibility of using military means to solve the problems of the Korean "
        "Peninsula should be ruled out."
    )
    head = "The Parties are calling on all parties involved"
    text = _plant(reference.text, " " + moved, "")
    text = _plant(text, head, moved + " " + head)
    dropped = (
        "Other states must make relevant efforts to have talks resumed and jointly to "
        "create an atmosphere of peacefulness and mutual trust."
    )
    family = _family_of_pages(reference, text, _plant(text, " " + dropped, ""))

    def every(groups: tuple[Group, ...]) -> list[set[str]]:
        return [
            g for group in groups for g in [{w[0] for w in group.witnesses}, *every(group.children)]
        ]

    assert every(family.groups) == [{"a", "b", "c"}]


def _family_of_pages(reference: Document, text: str, damaged: str) -> Family:
    """The family of four pages analysed as `report` reads them: `text` (a), `damaged`
    (b), `text` with a word of its own (c), and the reference (d)."""
    pages = [text, damaged, _plant(text, "benevolence", "goodwill"), reference.text]
    copies = [make_document(page, name) for name, page in zip("abcd", pages, strict=True)]
    return genealogy(collate(reference, witnesses(analyse(reference, copies)))).families[0]


def test_a_shared_move_holds_when_one_copy_also_drops_the_sentence_before_it(
    reference: Document,
) -> None:
    """Two copies move point 2's last sentence to the end of point 5; one of them also
    drops the sentence before it. Its omission of both sentences held the moved one, so
    the table read an omission and an insertion, not the move the two share, and no group
    formed (audit v16). The part of an omission the copy inserts elsewhere is the move."""
    moved = reference.text[reference.text.index("The Parties oppose any statements") :]
    moved = moved[: moved.index("tension.") + len("tension.")]
    before = reference.text[reference.text.index("Mounting political") :]
    before = before[: before.index("consultations.") + len("consultations.")]
    point5 = reference.text.index("in a proper manner.") + len("in a proper manner.")
    text = reference.text[:point5] + " " + moved + reference.text[point5:]
    text = _plant(text, " " + moved + "\n", "\n")
    family = _family_of_pages(reference, text, _plant(text, " " + before, ""))
    assert [{w[0] for w in g.witnesses} for g in family.groups] == [{"a", "b", "c"}]


def test_nested_groups_form_a_tree(reference: Document) -> None:
    ancestor = _plant(reference.text, "justified concerns", "legitimate concerns")
    child = _plant(ancestor, "strategic cooperation", "strategic partnership")
    a = from_text("a", reference, child)
    b = from_text("b", reference, child)
    c = from_text("c", reference, ancestor)
    d = from_text("d", reference, reference.text)
    family = genealogy(collate(reference, [a, b, c, d])).families[0]
    (top,) = family.groups
    assert top.witnesses == {"a", "b", "c"}
    (inner,) = top.children
    assert inner.witnesses == {"a", "b"}
    assert inner.evidence[0].text.startswith("partnership")


def test_corpus_reference_family(corpus_genealogy: Genealogy) -> None:
    family = corpus_genealogy.families[0]
    assert family.description.startswith("follows the reference text")
    assert {w[:3] for w in family.witnesses} >= {"000", "001", "002"}
    for siglum in ("000-full", "001-excerpts", "002-full"):
        assert any(line.startswith(siglum + ":") for line in family.evidence)
    # 002's no-break spaces and lost full stop are its own: nothing groups the copies.
    assert family.groups == ()


def test_hankyoreh_quotations_follow_a_different_translation(
    analysis: Analysis, corpus_genealogy: Genealogy
) -> None:
    quotations = [w.id for w in witnesses(analysis) if w.kind is WitnessKind.QUOTATIONS]
    assert quotations == ["000-quotations", "002-quotations"]
    translated = [
        f for f in corpus_genealogy.families if f.description == "follows a different translation"
    ]
    (family,) = translated
    assert family.witnesses == ("000-quotations",)
    for phrase in ("two halts", "package settlement", "reasonable concerns", "THAAD"):
        assert any(phrase in line and "paraphrase" in line for line in family.evidence), phrase
    reference_family = corpus_genealogy.families[0]
    assert "000-quotations" not in reference_family.witnesses
    assert "002-quotations" in reference_family.witnesses  # verbatim and altered: same text


def test_paraphrases_that_agree_share_a_translation_family() -> None:
    text = "The Parties call for a double freezing. They respect justified concerns."
    ref = Document("ref", Path("ref.txt"), "0" * 64, len(text), text)

    def quoting(wid: str, quote: str, at: str) -> Witness:
        start = text.index(at)
        span = Span(start, start + len(at))
        segment = Segment(Span(0, len(quote)), span, (), "paraphrase", 40.0)
        return Witness(wid, wid, "0" * 64, WitnessKind.QUOTATIONS, (segment,), quote)

    a = quoting("a", "two halts", "double freezing")
    b = quoting("b", "two halts", "double freezing")
    c = quoting("c", "reasonable concerns", "justified concerns")
    result = genealogy(collate(ref, [a, b, c, from_text("copy", ref, text)]))
    names = [(f.description, f.witnesses) for f in result.families]
    assert names == [
        ("follows the reference text", ("copy",)),
        ("follows a different translation", ("a", "b")),
        ("follows a different translation", ("c",)),
    ]


def test_a_witness_silent_at_a_groups_evidence_nests_rather_than_conflicts() -> None:
    """An excerpt G of C, where C copies A: {A, C} share a reading past G's end, {C, G}
    one inside it. G's lacuna is no disagreement: {C, G} nests under {A, C}, with G
    silent there (before, {C, G} was a conflicting group)."""
    near = SharedReading(15, "without preconditions ", "", Kind.OMISSION, frozenset("CG"), 4.0)
    far = SharedReading(20, "", "and resolutely ", Kind.INSERTION, frozenset("AC"), 4.8)
    wide = SharedReading(11, " and around it", "", Kind.OMISSION, frozenset("ACG"), 5.2)
    lacunae = {20: frozenset("G"), 15: frozenset(), 11: frozenset()}
    groups, conflicts = _groups([wide, near, far], set("ACGD"), GroupingOptions(), lacunae)
    assert conflicts == ()
    [top] = groups
    [middle] = top.children
    [inner] = middle.children
    assert (top.witnesses, middle.witnesses, inner.witnesses) == (
        frozenset("ACG"),
        frozenset("AC"),
        frozenset("CG"),
    )
    assert middle.silent == frozenset("G")
    # without the lacuna, G's absence from {A, C} is a disagreement: a conflict again
    _, conflicts = _groups([wide, near, far], set("ACGD"), GroupingOptions(), {})
    assert [g.witnesses for g in conflicts] == [frozenset("CG")]


def test_excerpts_of_one_family_in_different_parts_are_one_group() -> None:
    """G copies the statement with errors; excerpts H and I copy different parts of G, J
    a part overlapping both. {G, H, J} share one error (I silent there), {G, I, J} another
    (H silent there): one family seen through the excerpts' gaps, which stood side by side
    as two groups. Merged, it is silent only where both were: K, an excerpt that reads the
    statement's word where the family errs, is offered as a possible member of neither."""
    early = SharedReading(4, "ballistic", "balistic", Kind.SUBSTITUTION, frozenset("GHJ"), 2.0)
    late = SharedReading(10, "ideas", "concepts", Kind.SUBSTITUTION, frozenset("GIJ"), 2.0)
    lacunae = {4: frozenset("I"), 10: frozenset("HK")}
    groups, conflicts = _groups([early, late], set("GHIJKL"), GroupingOptions(), lacunae)
    assert conflicts == ()
    [family] = groups
    assert (family.witnesses, family.silent, family.weight) == (frozenset("GHIJ"), frozenset(), 4.0)
    assert [e.location for e in family.evidence] == [4, 10]


def test_a_heavier_group_of_some_of_a_group_s_witnesses_nests_under_it() -> None:
    """{G, J} share a lost phrase (4.0) where H is silent; {G, H, J} share a word (2.0).
    Each held the other once H's silence counted, and the heavier, {G, J}, was to be the
    parent but could not hold a group with more witnesses: both stood at the top. A group
    holding all of another's witnesses outright is its parent, whatever each weighs."""
    word = SharedReading(4, "ballistic", "balistic", Kind.SUBSTITUTION, frozenset("GHJ"), 2.0)
    lost = SharedReading(7, "and military ", "", Kind.OMISSION, frozenset("GJ"), 4.0)
    lacunae = {4: frozenset(), 7: frozenset("H")}
    groups, _ = _groups([word, lost], set("GHJK"), GroupingOptions(), lacunae)
    [top] = groups
    [inner] = top.children
    assert (top.witnesses, inner.witnesses) == (frozenset("GHJ"), frozenset("GJ"))


def test_a_group_never_nests_under_one_it_shares_no_witness_with() -> None:
    """{S1, S2} share a word; {Q1, Q2}, quotations of another point, share a cut and are
    silent at S's evidence. Silence says nothing of kinship: the two groups stand apart,
    where {Q1, Q2} (the heavier) was shown as a child of {S1, S2}."""
    word = SharedReading(
        37, "immediately", "promptly", Kind.SUBSTITUTION, frozenset(("S1", "S2")), 2.0
    )
    cut = SharedReading(20, "(missile ...)", "…", Kind.EDITORIAL, frozenset(("Q1", "Q2")), 5.4)
    lacunae = {37: frozenset(("Q1", "Q2")), 20: frozenset()}  # S reads the reference at 20
    groups, conflicts = _groups([word, cut], {"S1", "S2", "Q1", "Q2"}, GroupingOptions(), lacunae)
    assert conflicts == ()
    assert [(g.witnesses, g.children) for g in groups] == [
        (frozenset(("Q1", "Q2")), ()),
        (frozenset(("S1", "S2")), ()),
    ]


def test_one_word_s_case_changed_throughout_is_one_habit() -> None:
    """Two copies lower-casing "Parties" fourteen times and agreeing in nothing else: a
    house style, one habit (0.5), under the least weight of a group; they were grouped at
    7.0. Two different words' case each count."""
    one = [
        SharedReading(k, "Parties", "parties", Kind.CASE, frozenset(("K1", "K2")), 0.5)
        for k in range(14)
    ]
    groups, _ = _groups(one, {"K1", "K2", "L"}, GroupingOptions(), {})
    assert groups == ()
    assert evidence_weight(one) == 0.5
    two = [*one[:1], SharedReading(20, "Peninsula", "peninsula", Kind.CASE, frozenset("KL"), 0.5)]
    assert evidence_weight(two) == 1.0


def test_one_shared_punctuation_change_does_not_group(reference: Document) -> None:
    """Two independent copies that each drop the same comma were grouped (a comma weighed
    exactly the least weight of a group): a comma is lost by chance; a group needs
    non-cosmetic evidence weighing at least a changed word."""
    comma = _plant(reference.text, "Simultaneously, the", "Simultaneously the")
    a = from_text("a", reference, comma)
    b = from_text("b", reference, comma)
    c = from_text("c", reference, reference.text)
    assert genealogy(collate(reference, [a, b, c])).families[0].groups == ()


def test_a_habit_of_typography_counts_once(reference: Document) -> None:
    """Straight quotes for curly ones throughout are one habit (a CMS setting), not one
    agreement per quotation mark: two unrelated copies sharing it, and a comma, do not
    outweigh two related copies sharing a changed word, nor form a group."""
    straight = reference.text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    g = from_text("g", reference, _plant(straight, "Simultaneously, the", "Simultaneously the"))
    h = from_text("h", reference, _plant(straight, "Simultaneously, the", "Simultaneously the"))
    word = _plant(reference.text, "justified concerns", "legitimate concerns")
    a = from_text("a", reference, word)
    f = from_text("f", reference, word)
    result = genealogy(collate(reference, [g, h, a, f]))
    weight = {(p.a, p.b): p.weight for p in result.pairs}
    assert weight[("g", "h")] < weight[("a", "f")]
    assert [set(group.witnesses) for group in result.families[0].groups] == [{"a", "f"}]


def test_a_paragraph_one_copy_omits_does_not_swallow_the_others_readings(
    reference: Document,
) -> None:
    """One copy leaving out a paragraph merged every other copy's change inside it into one
    paragraph-long location, so two copies sharing a changed word there shared nothing
    (their readings of the whole paragraph differed elsewhere) and were not grouped."""
    paragraph = next(p for p in reference.text.split("\n\n") if "benevolence" in p)
    w1 = from_text("w1", reference, _plant(reference.text, paragraph + "\n\n", ""))
    goodwill = _plant(reference.text, "benevolence", "goodwill")
    w2 = from_text("w2", reference, goodwill)
    w3 = from_text("w3", reference, _plant(goodwill, "improve relations", "mend relations"))
    table = collate(reference, [w1, w2, w3])
    result = genealogy(table)
    [group] = result.families[0].groups
    assert set(group.witnesses) == {"w2", "w3"}
    assert [s.text for s in group.evidence] == ["goodwill"]
    for w in (w1, w2, w3):
        assert table.rebuild(w.id) == [s.copy.of(w.text) for s in w.segments]
    omitted = [loc for loc in table.locations if loc.reading("w1").text == "" and loc.variant]
    assert "".join(loc.reference_text for loc in omitted).strip() == paragraph.strip()


def test_a_paragraph_moved_is_a_reordering_in_the_table(reference: Document) -> None:
    """A copy that moves a paragraph was an omission at its place and an insertion of the
    same words elsewhere in the table, though `report` calls it a reordering: both
    readings are now a reordering, and a copy holding the text is not said to lack it."""
    paragraphs = reference.text.split("\n\n")
    k = next(i for i, p in enumerate(paragraphs) if "benevolence" in p)
    moved = [*paragraphs[:k], *paragraphs[k + 1 : -1], paragraphs[k], paragraphs[-1]]
    r = from_text("r", reference, "\n\n".join(moved))
    table = collate(reference, [r])
    kinds = [loc.reading("r").kind for loc in table.variants()]
    assert kinds and set(kinds) == {Kind.REORDERING}
    assert table.rebuild("r") == [s.copy.of(r.text) for s in r.segments]


def test_a_moved_paragraph_holding_other_copies_change_is_still_a_move(
    reference: Document,
) -> None:
    """Other copies' change inside the moved paragraph cuts its omission into pieces, one
    of them its closing ".¶¶" (punctuation): the pieces together are still the move."""
    paragraphs = reference.text.split("\n\n")
    k = next(i for i, p in enumerate(paragraphs) if "mutual trust" in p)
    moved = [*paragraphs[:k], *paragraphs[k + 1 : -1], paragraphs[k], paragraphs[-1]]
    changed = reference.text.replace("mutual trust", "mutual confidence", 1)
    witnesses = [
        from_text("r", reference, "\n\n".join(moved)),
        from_text("a", reference, changed),
        from_text("b", reference, changed.replace("Moscow", "Moskva", 1)),
    ]
    table = collate(reference, witnesses)
    readings = [loc.reading("r") for loc in table.variants()]
    moved_here = {r.kind for r in readings if r.status is Status.VARIANT and r.text}
    moved_away = {r.kind for r in readings if r.status is Status.VARIANT and not r.text}
    assert moved_here == moved_away == {Kind.REORDERING}


def test_readings_by_witness_are_each_locations_reading(analysis: Analysis) -> None:
    table = collate(analysis.reference, witnesses(analysis))
    by_witness = table.readings_by_witness()
    assert list(by_witness) == [w.id for w in table.witnesses]
    for w in table.witnesses:
        assert by_witness[w.id] == tuple(loc.reading(w.id) for loc in table.locations)


def test_a_genealogy_without_pairs_differs_only_in_its_pairs(
    analysis: Analysis, corpus_genealogy: Genealogy
) -> None:
    """`report` never shows pairs, whose comparison costs witnesses squared."""
    table = collate(analysis.reference, witnesses(analysis))
    alone = genealogy(table, with_pairs=False)
    assert alone.pairs == ()
    assert corpus_genealogy.pairs
    assert (alone.families, alone.shared) == (corpus_genealogy.families, corpus_genealogy.shared)


def test_the_html_page_shows_conflicting_groups_as_the_text_does(reference: Document) -> None:
    """Two groups crossing ({a, b} on one shared error, {b, c} on another): the text and
    the JSON listed the conflicting one, the HTML page left it out."""
    one = ("justified concerns", "legitimate concerns")
    two = ("peacefulness and mutual trust", "peace and mutual trust")
    a = from_text("a", reference, _plant(reference.text, *one))
    b = from_text("b", reference, _plant(_plant(reference.text, *one), *two))
    c = from_text("c", reference, _plant(reference.text, *two))
    table = collate(reference, [a, b, c])
    found = genealogy(table)
    assert found.families[0].conflicts
    text, page = render_text(table, found), render_html(table, found)
    conflicting = [line.strip() for line in text.splitlines() if "conflicting group" in line]
    assert conflicting and all(html.escape(line) in page for line in conflicting)


def test_full_copies_that_lost_the_signature_line_share_a_truncation(reference: Document) -> None:
    # Two copies of one reprint that both stop before "This statement was signed ...":
    # `report` calls it a material truncation of each; the table read it as a lacuna (no
    # variant, no shared reading) and grouped nothing (audit p55).
    last = reference.text.rindex("\n\nThis statement was signed")
    lost = reference.text[:last]
    a = _plant(lost, "closely coordinate", "closely harmonise")
    b = _plant(lost, "readiness for", "willingness for")
    c = _plant(reference.text, "benevolence", "goodwill")  # another source, signed
    pages = [
        make_document(f"Reprint desk.\n\n{t}\n\nEnd of document.\n", n)
        for n, t in (("a", a), ("b", b), ("c", c))
    ]
    analysed = analyse(reference, pages)
    table = collate(reference, witnesses(analysed))
    (end,) = [loc for loc in table.locations if loc.reference.end == len(reference.text)]
    assert [(r.status, r.kind, r.text) for r in end.readings] == [
        (Status.VARIANT, Kind.TRUNCATION, ""),
        (Status.VARIANT, Kind.TRUNCATION, ""),
        (Status.AGREES, None, end.reference_text),
    ]
    groups = genealogy(table).families[0].groups
    assert [set(g.witnesses) for g in groups] == [{"a-full", "b-full"}]


def test_an_excerpt_stopping_short_stays_silent_past_its_end(reference: Document) -> None:
    paragraphs = reference.text.split("\n\n")
    page = make_document("From the text:\n\n" + "\n\n".join(paragraphs[2:5]) + "\n", "a")
    table = collate(reference, witnesses(analyse(reference, [page])))
    end = table.locations[-1]
    assert [r.status for r in end.readings] == [Status.LACUNA]


def test_one_article_dropped_alike_groups_no_one_two_do(reference: Document) -> None:
    """One "the" dropped alike is a slip copiers make independently (a minor row in the
    report): it weighed as a changed word and grouped an independent copy with the one it
    happened to share it with (audit p57). Two such slips alike still group."""
    one = _plant(reference.text, "the commitments formulated", "commitments formulated")
    two = _plant(one, "the maintenance of", "maintenance of")
    for shared, grouped in ((one, False), (two, True)):
        a = from_text("a", reference, _plant(shared, "justified concerns", "legitimate worries"))
        b = from_text("b", reference, _plant(shared, "mutual trust", "mutual confidence"))
        c = from_text("c", reference, reference.text)
        family = genealogy(collate(reference, [a, b, c])).families[0]
        assert bool(family.groups) is grouped
