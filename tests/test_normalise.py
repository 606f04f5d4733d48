"""normalise: comparison text whose every character maps back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.normalise import (
    Fold,
    cut_after,
    cut_before,
    invisible_characters,
    normalise,
    normalise_part,
    visible,
)

# Letters, Unicode spaces, invisibles, typography, combining marks, non-BMP, case expansions.
_ALPHABET = list(
    "abcAB .,\n\r\t\u00a0\u2009\u3000\u00ad\u200b\u200d\u202a\u202c\u2066\ufeff"
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u0301\u0308\u00df\u0130\U0001d400\U0001f600"
)
texts = st.text(alphabet=_ALPHABET, max_size=40)
folds = st.sampled_from([Fold.NONE, Fold.WHITESPACE, Fold.INVISIBLE, Fold.TYPOGRAPHY, Fold.ALL])


@settings(max_examples=300, deadline=None)
@given(texts, folds)
def test_map_back_is_monotone_and_complete(text: str, fold: Fold) -> None:
    n = normalise(text, fold=fold)
    assert len(n.to_original) == len(n.text) + 1
    assert n.to_original[-1] == len(text)
    assert all(a <= b for a, b in zip(n.to_original, n.to_original[1:], strict=False))
    assert all(0 <= k <= len(text) for k in n.to_original)


@settings(max_examples=300, deadline=None)
@given(texts, folds)
def test_every_character_maps_back_to_what_produced_it(text: str, fold: Fold) -> None:
    n = normalise(text, fold=fold)
    for k, char in enumerate(n.text):
        produced_by = n.span(k, k + 1).of(text)
        assert char in normalise(produced_by, fold=fold).text, (k, char, produced_by)


@settings(max_examples=300, deadline=None)
@given(texts, folds)
def test_whole_span_slices_the_original(text: str, fold: Fold) -> None:
    n = normalise(text, fold=fold)
    whole = n.span(0, len(n.text))
    assert normalise(whole.of(text), fold=fold).text == n.text


@pytest.mark.parametrize(
    ("original", "fold", "folded"),
    [
        ("a\u00a0b", Fold.WHITESPACE, "a b"),
        ("a \u2009\t\n b", Fold.WHITESPACE, "a b"),
        ("a\r\nb", Fold.WHITESPACE, "a b"),
        ("a\u00a0b", Fold.NONE, "a\u00a0b"),
        ("zero\u200bwidth", Fold.INVISIBLE, "zerowidth"),
        ("soft\u00adhyphen", Fold.INVISIBLE, "softhyphen"),
        ("\u202aembedded\u202c", Fold.INVISIBLE, "embedded"),
        ("zero\u200bwidth", Fold.WHITESPACE, "zero\u200bwidth"),
        ("\u201cParties\u201d", Fold.TYPOGRAPHY, '"Parties"'),
        ("Peninsula\u2019s", Fold.TYPOGRAPHY, "Peninsula's"),
        ("2016\u20132017 \u2014 so", Fold.TYPOGRAPHY, "2016-2017 - so"),
        ("and so\u2026", Fold.TYPOGRAPHY, "and so..."),
        ("The PARTIES", Fold.CASE, "the parties"),
        ("Stra\u00dfe", Fold.CASE, "strasse"),
        ("Cafe\u0301", Fold.NONE, "Caf\u00e9"),  # NFC composes, even with nothing folded
        ("x\u00b2 \u2460", Fold.ALL, "x\u00b2 \u2460"),  # NFKC would say "x2 1"
    ],
)
def test_folding_facts(original: str, fold: Fold, folded: str) -> None:
    assert normalise(original, fold=fold).text == folded


def test_nbsp_maps_back_to_itself() -> None:
    text = "the\u00a0Parties"
    n = normalise(text)
    assert n.span(3, 4).of(text) == "\u00a0"


def test_run_of_spaces_maps_back_to_the_whole_run() -> None:
    text = "a \u00a0\n b"
    assert normalise(text).span(1, 2).of(text) == " \u00a0\n "


def test_ellipsis_expansion_maps_back_to_the_one_character() -> None:
    text = "so\u2026 and"
    n = normalise(text)
    assert n.text == "so... and"
    assert n.span(2, 5).of(text) == "\u2026"
    assert n.span(3, 4).of(text) == "\u2026"


def test_combining_sequence_maps_back_whole() -> None:
    text = "cafe\u0301 au lait"
    n = normalise(text)
    assert n.text.startswith("caf\u00e9 ")
    assert n.span(0, 4).of(text) == "cafe\u0301"


def test_steps_record_what_was_folded() -> None:
    assert normalise("x").steps == (
        "nfc",
        "drop-invisible",
        "collapse-space",
        "fold-typography",
        "casefold",
    )
    assert normalise("x", fold=Fold.NONE).steps == ("nfc",)


def test_invisible_characters_are_detected_not_lost() -> None:
    assert invisible_characters("a\u200bb\u00adc\u202e") == [
        (1, "\u200b"),
        (3, "\u00ad"),
        (5, "\u202e"),
    ]


def test_visible_marks() -> None:
    assert visible("a\u00a0b\u00adc\u200bd\u2009e") == "a⟨NBSP⟩b⟨SHY⟩c⟨U+200B⟩d⟨U+2009⟩e"
    assert visible("plain text\n") == "plain text\n"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_a_part_between_cuts_is_that_part_of_the_whole(text: str, a: int, b: int, c: int) -> None:
    """Normalised between two cuts, a part of a text has the characters and the map the
    whole text's normalisation gives there: the three parts joined are the whole. A cut
    looked for back to a floor (a cut) is one too."""
    floor = cut_before(text, min(a, b, c))
    start = cut_before(text, min(a, b), floor)
    end = cut_after(text, max(start, min(max(a, b), len(text))))
    assert floor <= start <= min(a, b, len(text)) and end >= min(max(a, b), len(text))
    whole = normalise(text)
    parts = [normalise_part(text, x, y) for x, y in ((0, start), (start, end), (end, len(text)))]
    assert "".join(p.text for p in parts) == whole.text
    assert [x for p in parts for x in p.to_original[:-1]] == list(whole.to_original[:-1])
    assert [x for p in parts for x in p.original_ends] == list(whole.original_ends)
    assert parts[1].to_original[-1] == end
