"""locate reads words only in windows around the Hyperscan matches: the same passages as
reading the whole capture, whatever the windows' first width (they widen when something
reaches an edge)."""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_document
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.locate import locate, prepare
from provenance.model import Document, Passage
from provenance.normalise import normalise

locate_module = importlib.import_module("provenance.locate")
seeds_module = importlib.import_module("provenance.locate.seeds")
ROOT = Path(__file__).resolve().parent.parent
FILLER = (
    "Our gardener says the beans came up late this spring, and the plums never set "
    "because of the frost in April. "
)
"""Prose of our own, 21 words, between the pieces of a long capture."""


def _structure_copies(paragraphs: list[str]) -> Iterator[str]:
    for path in sorted((ROOT / "tests" / "cases" / "structure").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            pieces = case["copy"]
            if isinstance(pieces, str):
                yield pieces
            else:
                yield "".join(
                    p if isinstance(p, str) else paragraphs[p["paragraph"]] for p in pieces
                )


def _long_capture(reference: Document) -> str:
    """Every structure case's capture and the bundled captures, one after another, with
    0 to 40 filler sentences between them (so windows merge, stand apart, and widen)."""
    pieces = list(_structure_copies(reference.text.split("\n\n")))
    pieces += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("0*.txt"))]
    gaps = (0, 1, 4, 40, 2, 9)
    return "".join(FILLER * gaps[k % len(gaps)] + "\n\n" + p for k, p in enumerate(pieces))


def _located(
    monkeypatch: pytest.MonkeyPatch, reference: Document, text: str, *, finder: bool, margin: int
) -> list[Passage]:
    monkeypatch.setattr(seeds_module, "_FINDER_CHARS", 0 if finder else 1 << 62)
    monkeypatch.setattr(seeds_module, "_FINDER_TOTAL", 0 if finder else 1 << 62)
    if not finder:  # not even when the finder is compiled already (or on disk)
        monkeypatch.setattr(seeds_module._SeedFinder, "worth", lambda self, text: False)
    monkeypatch.setattr(locate_module, "_MARGIN", margin)
    return locate(prepare(reference), make_document(text, "long"))


@pytest.mark.parametrize("margin", [1, 60, 2000])
@pytest.mark.parametrize(
    "aside",
    [
        "",  # matches read from the capture's own bytes
        "Жёлтый Ковчег",  # from its lower case
        "co\u00adoperation",  # from the normalised text: a soft hyphen folds unlike lower
        "İzmir",  # and İ, whose lower case is longer
    ],
)
def test_windows_give_the_passages_of_the_whole_text(
    monkeypatch: pytest.MonkeyPatch, reference: Document, margin: int, aside: str
) -> None:
    """Each window is normalised on its own, between cuts; where the finder's matches
    are read from (the raw page, its lower case, or the normalised page) changes only
    the windows, never the passages."""
    text = FILLER + aside + " " + _long_capture(reference)
    whole = _located(monkeypatch, reference, text, finder=False, margin=margin)
    windowed = _located(monkeypatch, reference, text, finder=True, margin=margin)
    assert len(whole) >= 15  # the pieces with short gaps between them join
    assert windowed == whole


def test_folded_characters_inside_words_still_seed(
    monkeypatch: pytest.MonkeyPatch, reference: Document
) -> None:
    """A zero-width space inside a word, a capital I with a dot and a ligature: the raw
    bytes hold no n-gram, but folding makes them words of the reference."""
    paragraph = reference.text.split("\n\n")[2]
    words = paragraph.split(" ")
    words[3] = words[3][:2] + "\u200b" + words[3][2:]
    damaged = " ".join(words).replace("fi", "\ufb01").upper()
    text = FILLER * 3 + "\n\n" + damaged + "\n\n" + FILLER * 3
    whole = _located(monkeypatch, reference, text, finder=False, margin=2000)
    windowed = _located(monkeypatch, reference, text, finder=True, margin=2000)
    assert len(whole) == 1
    assert windowed == whole


_NOISE = [
    "ß",
    "\ufb01",
    "\u00ad",
    "\u200b",
    "e\u0301",
    "\u212a",
    "İ",
    "É",
    "Ж",
    "\u00a0",
    "’",
    "—",
    "A",
    "z",
    " ",
]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_page_said_to_hold_no_match_holds_none_once_normalised(
    reference: Document, data: st.DataObject
) -> None:
    """`absent` reads the raw page (lower-cased when it has a cased non-ASCII letter)
    and ignores ASCII case; whenever it says no n-gram can match, the
    finder matches nothing in the normalised page either (folds such as ß, ﬁ, a soft
    hyphen or a combining accent inside a word make it read the normalised page)."""
    words = reference.text.split()
    start = data.draw(st.integers(0, len(words) - 8))
    piece = words[start : start + data.draw(st.integers(1, 8))]
    noise = st.lists(st.sampled_from(_NOISE), max_size=2).map("".join)
    text = ""
    for word in piece:
        cut = data.draw(st.integers(0, len(word)))
        word = word.upper() if data.draw(st.booleans()) else word
        text += word[:cut] + data.draw(noise) + word[cut:] + data.draw(noise) + " "
    finder = prepare(reference).finder
    if finder.absent(text):
        assert not finder.matcher.matches(normalise(text).text.encode("utf-8"))


def test_a_page_whose_letters_fold_to_the_references_is_not_absent(reference: Document) -> None:
    """`absent` ignores ASCII case on the raw bytes, but a cased non-ASCII letter that
    lower-cases to an ASCII one (the Kelvin sign for k) is read lower-cased: a sentence
    with every k so written still holds its n-grams once normalised, so it is not absent."""
    finder = prepare(reference).finder
    sentence = next(s for s in reference.text.split(".") if len(s.split()) >= 8 and "k" in s)
    words = sentence.split()
    text = " ".join(w.replace("k", "\u212a") if "k" in w else w.upper() for w in words)
    assert finder.matcher.matches(normalise(text).text.encode("utf-8"))
    only_k = [i for i, w in enumerate(words) if "k" in w]
    # Every n-gram of the words around the first k-word holds it: no n-gram without one.
    first = only_k[0]
    around = " ".join(w.replace("k", "\u212a") for w in words[max(0, first - 4) : first + 5])
    assert finder.matcher.matches(normalise(around).text.encode("utf-8"))
    assert not finder.absent(text)
    assert not finder.absent(around)


_SEPARATORS = [
    " ",
    ", ",
    " — ",
    " " * 16,
    " " * 17,
    " " * 40,
    "\n\n" + " " * 20 + "\n",
    "-" * 30,
    "\u00a0" * 9,
    "*" * 16 + " ",
    " Жёлтый ",
    " " + "Ж" * 10 + " ",
    " " * 120,
]
"""Between words: short ones, and runs of separator bytes longer than the first step's
(letters of another script are separator bytes too), some long enough that the finder
gives up on the runs and scans whole."""


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_two_step_finder_finds_every_match_the_n_grams_have(
    reference: Document, data: st.DataObject
) -> None:
    """The finder looks for n-grams with short separators, then for the n-grams as they are
    around each long run of separator bytes: it ends a match wherever an n-gram with any
    separators ends, and finds one exactly when there is one."""
    words = reference.text.split()
    start = data.draw(st.integers(0, len(words) - 12))
    piece = words[start : start + data.draw(st.integers(4, 12))]
    text = " ".join(words[:3]) + "".join(w + data.draw(st.sampled_from(_SEPARATORS)) for w in piece)
    raw = text.lower().encode("utf-8")
    finder = prepare(reference).finder
    every = {end for _, end in seeds_module._every(finder.matcher, raw)}
    found = {end for _, end in finder._found(raw, stop=False)}
    assert every <= found
    assert bool(finder._found(raw, stop=True)) == bool(every)


class _CountingCut:
    """`normalise._CUT`, counting the characters each search for a cut reads."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.read = pattern, 0

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = self.pattern.search(text, pos, endpos)
        self.read += (found.start() if found else min(endpos, len(text))) - pos
        return found

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        self.read += min(endpos, len(text)) - pos
        return self.pattern.finditer(text, pos, endpos)


def test_a_text_without_spaces_is_searched_for_cuts_once_not_once_a_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where a text has no cut (no spaces: a minified page), each window's search for one
    would read back to the start and on to the end; it stops at the window before."""
    normalise_module = importlib.import_module("provenance.normalise")
    counting = _CountingCut(normalise_module._CUT)
    monkeypatch.setattr(normalise_module, "_CUT", counting)
    text = "lorem,ipsum," * 20_000
    matches = [(k, k + 40) for k in range(1_000, len(text) - 1_000, 5_000)]
    windows = locate_module._windows(text, matches, 100)
    assert windows == [(0, len(text))]
    assert counting.read <= 3 * len(text)
