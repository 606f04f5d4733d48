"""`Lexicon.nearest` scores only the windows that hold a word (an inverted index): it must
choose as reading every window does, to the last bit of every similarity."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.model import Span
from provenance.quotes.marks import sentences
from provenance.quotes.words import (
    NEAREST_MARGIN,
    STEM_CREDIT,
    Lexicon,
    Nearest,
    Window,
    content_words,
    stem,
)

REFERENCE = (Path(__file__).resolve().parent / "cases" / "quotes" / "reference.txt").read_text(
    encoding="utf-8"
)
LEXICON = Lexicon.build(REFERENCE, sentences(REFERENCE, []))
WORDS = sorted({w for w in REFERENCE.split() if w.isalpha()}) + "zebra quartz nuclear tests".split()


def _nearest_reading_every_window(
    lexicon: Lexicon,
    own: str,
    context: list[tuple[str, int]],
    *,
    own_weight: float,
    with_context: bool,
    margin: float = NEAREST_MARGIN,
) -> Nearest:
    """`Lexicon.nearest` with its windows scored as first written: every window, word by
    word (the query and the choice among the scores are the lexicon's own)."""
    query = lexicon.query(own, context, own_weight=own_weight, with_context=with_context)
    if not query.total or not lexicon.windows:
        return Nearest(None, 0.0)

    def own_score(window: Window) -> float:
        score = 0.0
        for s, w in query.stems.items():
            if s in window.stems:
                score += w if query.forms[s] & window.forms else STEM_CREDIT * w
        return score

    scored = [
        (own_score(w), sum(v for s, v in query.near.items() if s in w.stems), w)
        for w in lexicon.windows
    ]
    return query.chosen(scored, margin=margin)


@settings(max_examples=300, deadline=None)
@given(
    own=st.lists(st.sampled_from(WORDS), min_size=0, max_size=30),
    context=st.lists(
        st.tuples(st.sampled_from(WORDS), st.integers(min_value=0, max_value=40)), max_size=25
    ),
    own_weight=st.sampled_from([1.0, 2.0, 3.5]),
    with_context=st.booleans(),
)
def test_nearest_chooses_as_reading_every_window(
    own: list[str], context: list[tuple[str, int]], own_weight: float, with_context: bool
) -> None:
    text = " ".join(own)
    stems = [(stem(w.casefold()), d) for w, d in context]
    args = {"own_weight": own_weight, "with_context": with_context}
    assert LEXICON.nearest(text, stems, **args) == _nearest_reading_every_window(
        LEXICON, text, stems, **args
    )


@pytest.mark.parametrize("seed", range(20))
def test_nearest_of_reference_sentences_and_their_rewordings(seed: int) -> None:
    """Real sentences of the reference, cut and reworded, with their neighbours as context."""
    rng = random.Random(seed)
    spans = [s for s in sentences(REFERENCE, []) if len(s) > 40]
    span = rng.choice(spans)
    words = span.of(REFERENCE).split()
    cut = words[rng.randrange(len(words) // 2) :][: rng.randrange(3, 25)]
    reworded = [w.upper() if rng.random() < 0.2 else w for w in cut if rng.random() > 0.2]
    around = content_words(Span(max(0, span.start - 300), span.start).of(REFERENCE))
    context = [(w, k) for k, w in enumerate(reversed(around))]
    for own in (" ".join(cut), " ".join(reworded)):
        for with_context in (False, True):
            args = {"own_weight": 2.0, "with_context": with_context}
            assert LEXICON.nearest(own, context, **args) == _nearest_reading_every_window(
                LEXICON, own, context, **args
            )


def test_a_smaller_window_is_preferred_only_as_a_part_of_the_best() -> None:
    """ "opposed to the deployment of the THAAD system and urge the countries concerned to
    halt and reverse it" scores best on the two THAAD sentences; one sentence elsewhere that
    opposes and urges too came within the margin and, being smaller, was chosen: the
    quotation was judged against the wrong passage (its THAAD "borrowed from elsewhere")."""
    own = (
        "are firmly opposed to the deployment of the THAAD system and urge the countries "
        "concerned to halt and reverse the deployment at once"
    )
    found = LEXICON.nearest(own, [], own_weight=2.0, with_context=False)
    assert found.span is not None and "THAAD" in found.span.of(REFERENCE)
