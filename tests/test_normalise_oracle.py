"""The segment-at-a-time `normalise` equals the plain character-by-character oracle."""

from __future__ import annotations

import importlib
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.model import Normalised
from provenance.normalise import _STEP_NAMES, _TYPOGRAPHY, INVISIBLE, SPACES, Fold, normalise

_ALPHABET = st.sampled_from(
    list("ab Z\u00a0\n\t\u200b\u00ad\u2019\u201c\u2026\u0301e\u00df\u0130\u03a3\u2014.-,")
)


def _oracle(text: str, *, fold: Fold = Fold.ALL) -> Normalised:
    out: list[str] = []
    where: list[int] = []
    ends: list[int] = []
    space_at = -1
    i, n = 0, len(text)
    drop_invisible = Fold.INVISIBLE in fold
    fold_space = Fold.WHITESPACE in fold
    fold_typography = Fold.TYPOGRAPHY in fold
    fold_case = Fold.CASE in fold
    while i < n:
        char = text[i]
        if drop_invisible and char in INVISIBLE:
            i += 1
            continue
        if fold_space and char in SPACES:
            if space_at < 0:
                space_at = i
            i += 1
            continue
        if space_at >= 0:
            out.append(" ")
            where.append(space_at)
            ends.append(i)
            space_at = -1
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j]) if j - i > 1 else char
        if fold_typography:
            chunk = chunk.translate(_TYPOGRAPHY)
        if fold_case:
            chunk = chunk.casefold()
        out.append(chunk)
        where.extend([i] * len(chunk))
        ends.extend([j] * len(chunk))
        i = j
    if space_at >= 0:
        out.append(" ")
        where.append(space_at)
        ends.append(n)
    where.append(n)
    steps = ("nfc", *(name for flag, name in _STEP_NAMES if flag in fold))
    return Normalised(
        text="".join(out), to_original=tuple(where), steps=steps, original_ends=tuple(ends)
    )


@settings(max_examples=300)
@given(st.text(alphabet=_ALPHABET, max_size=40) | st.text(max_size=40), st.integers(0, 15))
def test_fast_normalise_matches_oracle(text: str, flags: int) -> None:
    fold = Fold(flags)
    assert normalise(text, fold=fold) == _oracle(text, fold=fold)


_CASED = st.sampled_from(
    list("aZ \u00a0\n\t\r\u200b\u2019\u201c\u2026\u00c9\u03a3\u03c2\u212a\u017f\u0130\u00df`.")
)


@settings(max_examples=300)
@given(st.text(alphabet=_CASED, max_size=40), st.integers(0, 15))
def test_runs_folded_as_bytes_match_the_oracle(text: str, flags: int) -> None:
    """Long runs are case-folded as UTF-8 bytes (`_casefold_plain`); here every run is."""
    fold = Fold(flags)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importlib.import_module("provenance.normalise"), "_BYTES_RUN", 0)
        assert normalise(text, fold=fold) == _oracle(text, fold=fold)
