"""Kinds that depend on one character class: editor's marks, ligatures, mojibake.

From a held-out audit of realistic pages: a bracket anywhere in inserted words made the
whole insertion `editorial` (a Telegram timestamp, a reader's comment, "[sic]" followed by
a sentence of the copier's own); PDF ligatures ("conﬁrm") came out as a change of case;
Windows-1252 mojibake of a closing quote was an `insertion` with a reference reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import analyse
from provenance.kinds import kind_of
from provenance.load import load
from provenance.model import Document, Kind, Severity
from provenance.quotes.marks import find_quotations

FIRST = (
    "1. The Parties are seriously worried by the Democratic People’s Republic of Korea "
    "(DPRK)’s statement of July 4, 2017 about a ballistic missile launch"
)
"""The opening of the statement's point 1, as the reference has it."""


@pytest.mark.parametrize(
    "inserted",
    [
        "[sic] which the ministry later said was a mistake ",
        "[04.07.17 16:03] MID Rossii: ",
        "[..] Ivan P.: finally someone says it ",
        "[Editor] a launch nobody in Tokyo had expected ",
        "which, [as we reported], nobody had expected ",
        "… and then nothing happened for a week ",
        " (sic, in the ministry's own text)",
        " (the statement's word)",
    ],
)
def test_words_beside_a_bracket_are_an_insertion(inserted: str) -> None:
    assert kind_of("", inserted)[0] is Kind.INSERTION


@pytest.mark.parametrize(
    ("reference", "copy"),
    [
        ("", " [sic]"),
        ("", "[sic!] "),
        ("", " (sic)"),
        ("", " (Sic!)"),
        ("", " (!)"),
        ("", "(?) "),
        ("a", "[a]"),
        ("it", "[the DPRK]"),
        ("it is ready", "[the DPRK] is ready"),
        ("and stability", "[...]"),
        ("and stability", "[…]"),
        ("and stability", ". . ."),
    ],
)
def test_marks_alone_are_editorial(reference: str, copy: str) -> None:
    assert kind_of(reference, copy)[0] is Kind.EDITORIAL


def _page(reference: Document, copy: str, name: str = "page") -> list[tuple[Kind, str, str]]:
    source = analyse(reference, [make_document(copy, name)]).sources[0]
    return [(d.kind, d.copy_text, d.reference_text) for d in source.divergences]


@pytest.mark.parametrize(
    "words",
    [
        "which the ministry later said was a mistake",
        "a claim the ministry later withdrew in full",
        "though nobody in Pyongyang confirmed the date",
    ],
)
@pytest.mark.parametrize("mark", ["[sic]", "[sic!]", "[…]", "(sic)", "(sic!)"])
def test_a_mark_before_inserted_words_is_split_from_them(
    reference: Document, words: str, mark: str
) -> None:
    """The mark is the editor's, the words are the copier's: two rows, each what it is."""
    copy = f"{FIRST} {mark} {words} and consider this statement unacceptable.\n"
    rows = _page(reference, copy)
    assert (Kind.EDITORIAL, f"{mark} ", "") in rows
    assert (Kind.INSERTION, f"{words} ", "") in rows


@pytest.mark.parametrize(
    "prefix", ["[04.07.17 16:03] MID Rossii: ", "[16:03] MID Rossii: ", "[1/3] MID Rossii: "]
)
def test_a_bracketed_timestamp_before_a_paragraph_is_no_editors_mark(
    reference: Document, prefix: str
) -> None:
    opening = reference.text[: reference.text.index("1. The Parties")]
    copy = f"{opening.rstrip()}\n{prefix}{FIRST} and consider this statement unacceptable.\n"
    rows = _page(reference, copy)
    assert Kind.EDITORIAL not in [kind for kind, _, _ in rows]
    assert any(prefix.strip() in text and kind is Kind.INSERTION for kind, text, _ in rows)


LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬆ": "st"}


@pytest.mark.parametrize(
    ("word", "ligature"),
    [
        ("confirm", "ﬁ"),
        ("justified", "ﬁ"),
        ("conflict", "ﬂ"),
        ("effective", "ﬀ"),
        ("official", "ﬃ"),
        ("baffled", "ﬄ"),
        ("first", "ﬁ"),
        ("stability", "ﬆ"),
    ],
)
def test_a_ligature_is_typography(word: str, ligature: str) -> None:
    copy = word.replace(LIGATURES[ligature], ligature, 1)
    assert copy != word
    assert kind_of(word, copy)[0] is Kind.TYPOGRAPHY
    assert kind_of(word.capitalize(), copy)[0] is Kind.CASE  # a case change is still one


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_ligatures_of_a_pdf_page_are_cosmetic_with_exact_offsets(
    reference: Document, tmp_path: Path, suffix: str
) -> None:
    start = reference.text.index("The Parties confirm")
    paragraph = reference.text[start : reference.text.index("\n", start)]
    assert "fi" in paragraph
    copy = paragraph.replace("fi", "ﬁ").replace("fl", "ﬂ")
    body = f"<p>{copy}</p>" if suffix == ".html" else copy
    path = tmp_path / f"pdf{suffix}"
    path.write_text(f"{body}\n", encoding="utf-8")
    page = load(path)
    source = analyse(reference, [page]).sources[0]
    assert source.divergences
    for found in source.divergences:
        assert found.kind is Kind.TYPOGRAPHY and found.severity is Severity.COSMETIC
        assert found.copy_text == page.text[found.copy.start : found.copy.end]
        assert found.reference_text == found.reference.of(reference.text)
        assert set(found.copy_text) & set(LIGATURES)


@pytest.mark.parametrize(
    ("reference_text", "copy"),
    [
        ("’", "\u00e2\u20ac\u2122"),  # ’ read as Windows-1252
        ("“", "\u00e2\u20ac\u0153"),  # “
        ("”", "\u00e2\u20ac\x9d"),  # ” with the byte Windows-1252 leaves undefined
        ("People’s", "People\u00e2\u20ac\u2122s"),
        ("—", "\u00e2\u20ac\u201d"),  # an em dash
    ],
)
def test_mojibake_is_a_substitution_that_says_so(reference_text: str, copy: str) -> None:
    assert kind_of(reference_text, copy) == (
        Kind.SUBSTITUTION,
        "mojibake: UTF-8 read as Windows-1252",
    )


@pytest.mark.parametrize(
    ("reference_text", "copy"), [("’", "’ and"), (". ", ". [1/2] x "), (",", ", then ")]
)
def test_an_insertion_has_no_reference_reading_but_spaces(reference_text: str, copy: str) -> None:
    """Punctuation the copy's words stand in place of is replaced, not added to."""
    kind = kind_of(reference_text, copy)[0]
    assert kind is not Kind.INSERTION or not reference_text.strip()


def test_a_mojibake_page_has_no_insertion_with_a_reference_reading(reference: Document) -> None:
    copy = FIRST.replace("’", "\u00e2\u20ac\u2122") + " and consider this statement unacceptable.\n"
    rows = _page(reference, copy)
    assert rows
    assert all(kind is not Kind.INSERTION or not ref.strip() for kind, _, ref in rows)
    assert {kind for kind, _, _ in rows} == {Kind.SUBSTITUTION}


def test_curly_marks_set_against_chinese_characters_quote() -> None:
    """Chinese and Japanese text set no spaces around curly marks: "声明说：“...”他补充说。"
    An opening mark after a full-width colon or an ideograph, and a closing one before an
    ideograph, paired nothing, so an English quotation of the statement in a Chinese page
    was an excerpt and never a quotation. Beside such characters “ opens and ” closes."""
    text = (
        "声明说：“Any possibility of using military means should be ruled out.”他补充说。"
        "他说“我们反对”然后离开。"
    )
    assert [m.span.of(text) for m in find_quotations(text)] == [
        "Any possibility of using military means should be ruled out.",
        "我们反对",
    ]
