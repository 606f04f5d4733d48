"""classify: data-driven cases (tests/cases/*.json), each a reference, a copy and what to expect.

A case's fields: label, comment, reference, copy, expect {kinds, severities} (one entry
per divergence, in capture order), status ("pass", or "known-failure" for a strict xfail)
and optionally via: "diff" (default; the two texts aligned whole, as `provenance diff`
does) or "analyse" (locate, align, classify, then reorderings, as `provenance report`).
reference "@statement" is the bundled statement; a copy may be built from the reference
with {"from": "reference", "replace": [[old, new], ...], "move_paragraph": [from, to]}.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import build_case_copy, make_document

from provenance.align import align
from provenance.analyse import analyse
from provenance.classify import classify, row_of
from provenance.cli import main
from provenance.kinds import kind_of
from provenance.model import (
    Divergence,
    Document,
    Format,
    Kind,
    Passage,
    PassageKind,
    Severity,
    Span,
)
from provenance.severity import SEVERITY

CASES = Path(__file__).parent / "cases"


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            assert case["status"] in ("pass", "known-failure"), case["label"]
            marks = []
            if case["status"] == "known-failure":
                marks.append(pytest.mark.xfail(strict=True, reason=case["comment"]))
            params.append(pytest.param(case, id=f"{path.stem}: {case['label']}", marks=marks))
    return params


def _divergences(case: dict[str, Any], statement: Document) -> tuple[Document, list[Divergence]]:
    if case["reference"] == "@statement":
        reference = statement
    else:
        reference = make_document(case["reference"], "reference")
    copy = make_document(build_case_copy(case["copy"], reference.text), "copy")
    if case.get("via", "diff") == "analyse":
        return copy, list(analyse(reference, [copy]).sources[0].divergences)
    whole = Passage(PassageKind.FULL, Span(0, len(copy.text)), Span(0, len(reference.text)), 100.0)
    return copy, classify(reference, copy, align(reference, copy, whole))


@pytest.mark.parametrize("case", _load_cases())
def test_case(case: dict[str, Any], reference: Document) -> None:
    copy, found = _divergences(case, reference)
    assert [d.kind.value for d in found] == case["expect"]["kinds"]
    assert [str(d.severity) for d in found] == case["expect"]["severities"]
    ref_text = reference.text if case["reference"] == "@statement" else case["reference"]
    for d in found:
        assert d.copy.of(copy.text) == d.copy_text
        assert d.reference.of(ref_text) == d.reference_text


def test_every_kind_has_a_severity_and_a_case() -> None:
    divergence_rows = {kind for category, kind in SEVERITY if category == "divergence"}
    rows = {"interruption-furniture", "emphasis-declared", "emphasis-in-word"}
    rows |= {
        "substitution-misspelt",
        "reordering-numbered",
        "omission-article",
        "insertion-article",
    }
    assert divergence_rows == set(Kind) | rows
    covered = {
        kind
        for path in CASES.glob("*.json")
        for case in json.loads(path.read_text(encoding="utf-8"))
        if case["status"] == "pass"
        for kind in case["expect"]["kinds"]
    }
    # Moves, repeats and interruptions are pinned by the locate cases (cases/structure).
    covered |= {
        divergence["kind"]
        for path in (CASES / "structure").glob("*.json")
        for case in json.loads(path.read_text(encoding="utf-8"))
        for divergence in case["expect"]["divergences"]
    }
    # Emphasis is found from markup by its own stage, not by classify.
    assert covered == {k.value for k in Kind} - {"emphasis"}


def test_identical_readings_are_whitespace_never_a_finding() -> None:
    # classify only sees non-equal edits; kind_of is total and names the mildest fold.
    assert kind_of("x", "x")[0] is Kind.WHITESPACE


def test_ids_depend_on_the_capture_bytes(reference: Document) -> None:
    a = make_document(reference.text.replace("neighbours", "neighbors"), "a")
    b = make_document(a.text + "\n", "a")
    [da] = analyse(reference, [a]).sources[0].divergences
    [db] = analyse(reference, [b]).sources[0].divergences
    assert (da.kind, da.copy, da.reference) == (db.kind, db.copy, db.reference)
    assert da.id != db.id


def test_words_hyphenated_at_line_ends_are_typesetting(reference: Document) -> None:
    """A copy typeset in short lines, words split with a hyphen at the line's end (a PDF's
    text, a wrapped e-mail): only whitespace differs, and a real hyphen stays one."""
    words, lines, line = reference.text.split("\n\n")[2].split(" "), [], ""
    for word in words:
        if len(line) + len(word) > 50 and len(word) > 8 and word.isalpha():
            lines.append(f"{line} {word[:4]}-")
            line = word[4:]
        else:
            line = f"{line} {word}".strip()
    copy = "\n".join([*lines, line]).strip()
    assert copy.count("-\n") >= 2
    source = analyse(reference, [make_document(copy)]).sources[0]
    assert {(d.kind, d.note) for d in source.divergences if "-" in d.copy_text} == {
        (Kind.WHITESPACE, "a word hyphenated at a line break")
    }
    assert kind_of("extra-regional", "extra-\nregional")[0] is Kind.WHITESPACE
    # in an e-mail's quotation, the next line opens with its "> "
    assert kind_of("counteracting", "counter-\n> acting")[0] is Kind.WHITESPACE
    assert kind_of("regional", "re-gional")[0] is Kind.PUNCTUATION  # no line break: a change


@pytest.mark.parametrize(
    ("suffix", "broken"),
    [
        ("txt", "mora\u00ad\ntorium"),
        ("txt", "mora-\u00ad\ntorium"),
        ("html", "mora&shy;<br>torium"),
    ],
)
def test_a_soft_hyphen_at_a_line_break_in_a_word_is_reported_invisible(
    reference: Document,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
    broken: str,
) -> None:
    """A page keeping the soft hyphen a word was broken at, then the line break: the
    break is typesetting (a visible hyphen there is cosmetic whitespace), but the soft
    hyphen is an invisible character, and invisible characters are reported, never
    folded away. It read as minor `punctuation` ("punctuation and the space after it
    differ"), as if the copy had changed a mark, and the soft hyphen was not named."""
    paragraphs = [p for p in reference.text.split("\n\n") if "moratorium" in p]
    page_text = paragraphs[0].replace("moratorium", broken)
    if suffix == "html":
        page_text = f"<html><body><p>{page_text}</p></body></html>"
    (tmp_path / "statement.txt").write_text(reference.text, encoding="utf-8")
    (tmp_path / f"page.{suffix}").write_text(page_text, encoding="utf-8")
    args = [str(tmp_path / "statement.txt"), str(tmp_path / f"page.{suffix}")]
    assert main(["report", "--reference", *args, "--format", "json"]) == 0
    [source] = json.loads(capsys.readouterr().out)["sources"]
    [row] = source["divergences"]
    assert (row["kind"], row["severity"], row["ref_text"]) == ("invisible", "minor", "moratorium")
    assert "\u00ad\n" in row["text"]
    assert kind_of("moratorium", "mora\u00adtorium")[0] is Kind.INVISIBLE  # as without a break


def test_a_misspelling_is_minor_in_the_collation_too_and_keeps_its_weight() -> None:
    """The collation's reading of a misspelt word has the divergence's row (minor), and its
    kind stays `substitution`: a misspelling two copies share is strong evidence that one
    descends from the other, not a habit that arises on every page."""
    from provenance.collation.genealogy import _weight
    from provenance.collation.table import Reading, Status

    reading = Reading("w", Status.VARIANT, "Penninsula", reference_text="Peninsula")
    reading = replace(reading, kind=kind_of("Peninsula", "Penninsula")[0])
    assert reading.kind is Kind.SUBSTITUTION
    assert reading.severity is Severity.MINOR
    assert _weight(Kind.SUBSTITUTION, "Peninsula", "Penninsula") > _weight(
        Kind.SPELLING, "neighbours", "neighbors"
    )
    assert row_of(Kind.SUBSTITUTION, "from", "form") is Kind.SUBSTITUTION


@pytest.mark.parametrize(
    ("copied", "rows"),
    [
        (
            "peacefull [sic]",
            [("substitution", "minor", "peacefull"), ("editorial", "minor", "[sic]")],
        ),
        (
            "peacefull (sic)",
            [("substitution", "minor", "peacefull"), ("editorial", "minor", "(sic)")],
        ),
        (
            "peaceable [sic]",
            [("substitution", "material", "peaceable"), ("editorial", "minor", "[sic]")],
        ),
    ],
)
def test_an_editor_s_sic_after_a_changed_word_is_a_row_of_its_own(
    reference: Document,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    copied: str,
    rows: list[tuple[str, str, str]],
) -> None:
    """ "peacefull [sic]" for "peaceful": the copier's slip and the mark flagging it. As
    one row it was a material substitution of "different words", worse than the slip
    left unmarked (a minor misspelling); the mark is the editorial row it is alone."""
    [paragraph] = [p for p in reference.text.split("\n\n") if "peaceful coexistence" in p]
    page_text = paragraph.replace("peaceful coexistence", f"{copied} coexistence")
    (tmp_path / "statement.txt").write_text(reference.text, encoding="utf-8")
    (tmp_path / "page.txt").write_text(page_text, encoding="utf-8")
    args = [str(tmp_path / "statement.txt"), str(tmp_path / "page.txt")]
    assert main(["report", "--reference", *args, "--format", "json"]) == 0
    [source] = json.loads(capsys.readouterr().out)["sources"]
    got = [(d["kind"], d["severity"], d["text"].strip()) for d in source["divergences"]]
    assert got == rows


def test_look_alike_letters_of_another_script_are_named() -> None:
    """A Cyrillic о in "Nоrtheast" is no slip of the keys: the note says what a reader
    cannot see (before: "misspelt: a slip of the keys")."""
    kind, note = kind_of("Northeast", "N\u043ertheast")
    assert kind is Kind.SUBSTITUTION
    assert note.startswith("look-alike")
    assert kind_of("Northeast", "Nortgeast")[1].startswith("misspelt")


@pytest.mark.parametrize(
    ("reference", "copy"),
    [
        ("ballistic", "baIlistic"),
        ("Council", "CounciI"),
        ("the", "tlie"),
        ("the", "tbe"),
        ("conflicting", "conf1icting"),
    ],
)
def test_a_letter_a_scan_confuses_is_a_misreading_before_a_slip_of_the_keys(
    reference: str, copy: str
) -> None:
    """ "baIlistic" ("l" read as a capital "I") is one changed letter, as a slip of the keys
    is, and was labelled misspelt; the scan's confusion is the more telling reading."""
    kind, note = kind_of(reference, copy)
    assert kind is Kind.SUBSTITUTION and note.startswith("misread")


def test_a_paragraphs_number_keeps_its_own_note_beside_the_pages_sentence_numbers(
    reference: Document,
) -> None:
    """ "(4) " opening a paragraph is a paragraph number the copy added, as before the
    rule reading "(2) " before a sentence as the page's own numbering."""
    line = "The Parties propose the following:"
    assert "\n\n" + line in reference.text
    copy = make_document(reference.text.replace("\n\n" + line, "\n\n(4) " + line, 1), "copy")
    [found] = analyse(reference, [copy]).sources[0].divergences
    assert (found.kind, found.note) == (Kind.EDITORIAL, "a paragraph number the copy added")


@pytest.mark.parametrize("number", ["¶ 9 ", "¶9 ", "§ 9 ", "**¶ 9** ", "¶\u00a09. ", "§\u00a09. "])
def test_a_pilcrow_or_section_sign_numbering_a_paragraph_is_editorial(
    reference: Document, number: str
) -> None:
    """A study copy counting the statement's paragraphs "¶ 9", as a legal one writes
    "§ 9": the copy's own number, editorial and minor (a pilcrow's was a material
    insertion)."""
    line = "The Parties propose the following:"
    copy = reference.text.replace("\n\n" + line, "\n\n" + number + line, 1)
    study = make_document(copy, "study")
    if "*" in number:
        study = replace(study, path=Path("study.md"), format=Format.MARKDOWN)
    source = analyse(reference, [study]).sources[0]
    rows = [(d.kind, d.severity) for d in source.divergences]
    assert (Kind.EDITORIAL, Severity.MINOR) in rows
    assert not [r for r in rows if r[1] is Severity.MATERIAL]


@pytest.mark.parametrize("mark", ['"', "\u201c"])
def test_a_quotation_mark_reopening_a_paragraph_in_its_numbers_place_is_editorial(
    reference: Document, mark: str
) -> None:
    """A wire story quoting points 1 and 2 opens the second paragraph again with a mark,
    the quotation going on, where the statement numbers it ("2. "): the number dropped,
    editorial, not a material omission of "2. " with the mark for it."""
    one = reference.text.index("1. The Parties")
    two = reference.text.index("2. The Parties")
    end = reference.text.index(" Mounting political")
    page = (
        "Moscow, July 4.\n\n"
        + mark
        + reference.text[one + 3 : two].rstrip()
        + "\n\n"
        + mark
        + reference.text[two + 3 : end]
        + mark.replace("\u201c", "\u201d")
        + " the statement said.\n"
    )
    source = analyse(reference, [make_document(page, "wire")]).sources[0]
    rows = [(d.kind, d.severity, d.copy_text) for d in source.divergences]
    assert (Kind.EDITORIAL, Severity.MINOR, mark) in rows
    assert not [r for r in rows if r[1] is Severity.MATERIAL]


@pytest.mark.parametrize(
    ("reference", "copy"), [("\u201c", "\u2018"), ("\u201d", "\u2019"), ("\u201d", "'")]
)
def test_a_single_quotation_mark_for_a_double_is_typography(reference: str, copy: str) -> None:
    """The statement's “double freezing” set as ‘double freezing’ inside the page's own
    quotation marks: the nesting's marks, cosmetic (they were minor punctuation rows)."""
    assert kind_of(reference, copy)[0] is Kind.TYPOGRAPHY


@pytest.mark.parametrize(
    ("reference", "copy", "spelling"),
    [
        ("third", "3rd", True),
        ("19", "nineteenth", True),
        ("second", "2nd", True),
        ("4", "the fourth", True),
        ("the third", "the 3rd", True),
        ("third", "three", False),
        ("fourth", "5th", False),
    ],
)
def test_an_ordinal_in_words_or_figures_is_one_word_in_two_styles(
    reference: str, copy: str, spelling: bool
) -> None:
    """ "3rd parties" for "third parties", "September nineteenth" for "September 19", "July
    the fourth" for "July 4": the
    same ordinal written another way, as "2" for "two" (each was a material substitution);
    "three" for "third", or another number, stays a changed word."""
    assert (kind_of(reference, copy)[0] is Kind.SPELLING) is spelling


@pytest.mark.parametrize("hyphen", ["\u2010", "\u00ac"])
def test_a_unicode_hyphen_or_a_scans_not_sign_at_a_line_end_is_the_line_break(
    hyphen: str,
) -> None:
    """ "denuclear¬\\nisation" (ABBYY writes "¬" for the hyphen it found at a line's end)
    and U+2010: a word broken at a line's end, cosmetic, as with "-" (each was a minor
    punctuation change)."""
    assert kind_of("denuclearisation", f"denuclear{hyphen}\nisation") == (
        Kind.WHITESPACE,
        "a word hyphenated at a line break",
    )
    assert kind_of("extra-regional", f"extra{hyphen}\nregional")[0] is Kind.WHITESPACE
