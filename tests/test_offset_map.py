"""OffsetMap: the one map from a derived text (normalised, readable) back to its original."""

from __future__ import annotations

from conftest import make_document
from hypothesis import given
from hypothesis import strategies as st

from provenance.extract import extract
from provenance.model import MapBuilder, Normalised, OffsetMap, Span
from provenance.normalise import normalise


@st.composite
def _pieces(draw: st.DrawFn) -> list[tuple[int, int]]:
    """What each derived character stands for: ascending starts, ends at or after them."""
    out: list[tuple[int, int]] = []
    at = 0
    for _ in range(draw(st.integers(0, 30))):
        at += draw(st.integers(0, 3))
        out.append((at, at + draw(st.integers(0, 3))))
        at = max(at, out[-1][1] if draw(st.booleans()) else at)
    return out


@given(_pieces())
def test_every_character_maps_back_to_what_it_stands_for(pieces: list[tuple[int, int]]) -> None:
    tail = max((e for _, e in pieces), default=0)
    offsets = OffsetMap.build(pieces, tail=tail)
    assert len(offsets) == len(pieces)
    assert [(offsets.start(k), offsets.end(k)) for k in range(len(pieces))] == pieces
    assert offsets.start(len(pieces)) == tail
    for a in range(len(pieces) + 1):
        assert offsets.span(a, a) == Span(offsets.start(a), offsets.start(a))
        for b in range(a + 1, len(pieces) + 1):
            first = pieces[a][0]
            assert offsets.span(a, b) == Span(first, max(first, pieces[b - 1][1]))


@given(_pieces())
def test_a_map_has_one_form_however_it_was_built(pieces: list[tuple[int, int]]) -> None:
    """Copies and single characters merge into the same runs, so equal maps compare equal."""
    by_char = OffsetMap.build(pieces, tail=0)
    builder = MapBuilder()
    k = 0
    while k < len(pieces):
        j = k
        while j + 1 < len(pieces) and pieces[j] == (pieces[k][0] + j - k, pieces[k][0] + j - k + 1):
            j += 1
        if pieces[k][1] == pieces[k][0] + 1 and j > k:
            builder.copy(pieces[k][0], j - k)
            k = j
        else:
            builder.char(*pieces[k])
            k += 1
    assert builder.build(tail=0) == by_char
    assert hash(builder.build(tail=0)) == hash(by_char)


def test_a_map_holds_a_run_per_change_not_an_entry_per_character() -> None:
    text = "Words and more words.\n\n" * 50_000  # 1.15 million characters
    n = normalise(text)
    assert len(n.map) == len(n.text)
    assert n.map.runs == 50_000  # one per blank line, where two line breaks fold to one space
    assert extract(make_document(text)).map.runs == 1  # plain text is its own readable text


def test_columns_read_like_the_old_tuples() -> None:
    text = "a\u00a0 b\u200bc"
    n = normalise(text)
    assert list(n.to_original) == [0, 1, 3, 5, 6]
    assert list(n.original_ends) == [1, 3, 4, 6]
    assert n.to_original == (0, 1, 3, 5, 6)
    assert n.to_original[-1] == len(text) and n.to_original[1:3] == [1, 3]


def test_normalised_built_from_columns_or_a_map_is_the_same() -> None:
    n = normalise("x  y\u2026")
    again = Normalised(n.text, list(n.to_original), n.steps, list(n.original_ends))
    assert again == n
    assert Normalised(n.text, n.to_original, n.steps, n.original_ends) == n
    # Without ends, each character stands for one original character (narrowed).
    narrow = Normalised(n.text, n.to_original, n.steps)
    assert [narrow.map.end(k) for k in range(len(n.text))] == [k + 1 for k in n.to_original[:-1]]
    assert narrow.map == n.map.narrowed()
