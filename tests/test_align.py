"""align: token edits whose spans index both originals and rebuild the copy exactly."""

from __future__ import annotations

import diff_match_patch
import fast_diff_match_patch
import pytest
from conftest import FULL_COPY
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.align import _TOKEN, _tokens, align, align_texts, refine
from provenance.analyse import Analysis
from provenance.kinds import kind_of
from provenance.model import Edit, Kind

_WORDS = st.sampled_from(
    [
        "the",
        "Parties",
        "Korean",
        "Peninsula’s",
        "neighbours",
        "2.",
        "(DPRK)",
        "—",
        "\u00a0",
        " ",
        "  ",
        "\n\n",
        ",",
        ".",
        "\u200b",
        "é",
        "e\u0301",
        "𝐀",
        "😀",
        "中国",
    ]
)
texts = st.lists(_WORDS, max_size=30).map("".join)


def rebuild(reference: str, copy: str, edits: list[Edit]) -> tuple[str, str]:
    """Both texts put back together from the edits alone."""
    ref_parts, copy_parts = [], []
    for edit in edits:
        ref_parts.append(edit.reference.of(reference))
        copy_parts.append(edit.copy.of(copy))
        if edit.tag == "equal":
            assert edit.reference.of(reference) == edit.copy.of(copy)
        if edit.tag == "insert":
            assert len(edit.reference) == 0 < len(edit.copy)
        if edit.tag == "delete":
            assert len(edit.copy) == 0 < len(edit.reference)
    return "".join(ref_parts), "".join(copy_parts)


def assert_contiguous(
    edits: list[Edit], ref_len: int, copy_len: int, r0: int = 0, c0: int = 0
) -> None:
    r, c = r0, c0
    for edit in edits:
        assert (edit.reference.start, edit.copy.start) == (r, c)
        r, c = edit.reference.end, edit.copy.end
    assert (r, c) == (r0 + ref_len, c0 + copy_len)


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_edits_rebuild_both_texts(reference: str, copy: str) -> None:
    edits = align_texts(reference, copy)
    assert rebuild(reference, copy, edits) == (reference, copy)
    assert_contiguous(edits, len(reference), len(copy))


@settings(max_examples=100, deadline=None)
@given(texts, texts, st.integers(0, 50), st.integers(0, 50))
def test_offsets_shift_spans_into_the_originals(
    reference: str, copy: str, r0: int, c0: int
) -> None:
    ref_file, copy_file = "x" * r0 + reference, "y" * c0 + copy
    edits = align_texts(reference, copy, reference_offset=r0, copy_offset=c0)
    assert_contiguous(edits, len(reference), len(copy), r0, c0)
    rebuilt = rebuild(ref_file, copy_file, edits)
    assert rebuilt == (reference, copy)


@settings(max_examples=50, deadline=None)
@given(texts, texts)
def test_alignment_is_deterministic(reference: str, copy: str) -> None:
    assert align_texts(reference, copy) == align_texts(reference, copy)


_ASCII_EDGES = "ab9_ .\t\n\x0b\x1c\x1f\x85\xa0\u2019\u201c\u00e9\u00a9\u0663\u3000"
"""Characters either side of the ASCII token classes: ASCII spaces `str.isspace` takes
beyond the usual, non-ASCII spaces, letters and digits, and punctuation and symbols."""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ASCII_EDGES, max_size=30) | st.text(max_size=30))
def test_tokens_are_the_unicode_tokens(text: str) -> None:
    # The ASCII spelling of the token pattern is taken only where it finds the same tokens.
    assert _tokens(text) == _TOKEN.findall(text)


def test_non_bmp_characters_are_single_indices() -> None:
    reference, copy = "math 𝐀 and 😀 end", "math 𝐁 and 😀 end"
    [_, changed, _] = align_texts(reference, copy)
    assert changed.tag == "replace"
    assert (changed.reference.of(reference), changed.copy.of(copy)) == ("𝐀", "𝐁")


def test_nbsp_is_its_own_edit() -> None:
    copy = "both countries.\u00a0Russia"
    edits = align_texts("both countries. Russia", copy)
    changed = [(e.tag, e.reference.start, e.copy.of(copy)) for e in edits if e.tag != "equal"]
    assert changed == [("replace", 15, "\u00a0")]


def test_one_changed_word_is_one_edit() -> None:
    edits = align_texts("express serious concern about", "express grave concern about")
    assert [e.tag for e in edits] == ["equal", "replace", "equal"]


def test_full_copy_alignment_rebuilds_the_capture_passage(analysis: Analysis) -> None:
    source = analysis.source(FULL_COPY)
    [alignment] = source.alignments
    reference, capture = analysis.reference, source.document
    ref_text, copy_text = rebuild(reference.text, capture.text, list(alignment.edits))
    assert ref_text == alignment.passage.reference.of(reference.text)
    assert copy_text == alignment.passage.copy.of(capture.text)
    again = align(reference, capture, alignment.passage)
    assert again == alignment


def test_a_short_equality_between_two_insertions_stays_equal() -> None:
    """The diff's clean-up folds the five words between two foreign lines into one
    replacement; they are read back as an equality between two insertions."""
    reference = "They said so.\n\nThe Parties propose the following:\n\nThe DPRK will stop."
    copy = (
        "They said so.\n\nСтороны выражают серьезную озабоченность ситуацией вокруг.\n\n"
        "The Parties propose the following:\n\nРоссия и Китай будут тесно координировать.\n\n"
        "The DPRK will stop."
    )
    edits = align_texts(reference, copy)
    assert [(e.tag, e.reference.of(reference)) for e in edits if e.tag != "insert"] == [
        ("equal", "They said so.\n\n"),
        ("equal", "The Parties propose the following:"),
        ("equal", "\n\nThe DPRK will stop."),
    ]
    assert rebuild(reference, copy, edits) == (reference, copy)
    # a shorter text, or one that stands only inside a word of the copy, is left as it was
    assert [e.tag for e in align_texts("two words", "xx yy two words zz qq rr")] == ["replace"]
    assert [e.tag for e in align_texts("one two three", "ab xone two threex cd ef")] == ["replace"]


def test_a_paragraph_kept_inside_a_dropped_stretch_stays_equal() -> None:
    """The other way round: the copy keeps one paragraph of a long stretch it otherwise
    drops; the clean-up's replacement is read back as omission, equality, omission."""
    reference = (
        "First they met.\n\nThey argued about tariffs and quotas for a long time, and"
        " nobody gave way on any point that mattered to the other side.\n\nThey agreed"
        " to meet again in May.\n\nThen the talks broke off for the summer, and the"
        " delegations went home to their capitals without a date.\n\nIt rained."
    )
    copy = "First they met.\nThey agreed to meet again in May.\nIt rained."
    edits = align_texts(reference, copy)
    assert [(e.tag, e.copy.of(copy)) for e in edits if e.tag == "equal"][1] == (
        "equal",
        "\nThey agreed to meet again in May.\n",
    )
    assert rebuild(reference, copy, edits) == (reference, copy)


def test_an_inserted_line_is_moved_to_stand_whole() -> None:
    """An inserted line that ends as the text before it does is placed where it is whole
    lines, not cut after a word the two texts share."""
    reference = "They met in May.\n\nThe talks went well."
    copy = "They met in May.\n\nThe editor notes:\n\nThe talks went well."
    edits = align_texts(reference, copy)
    assert [e.copy.of(copy) for e in edits if e.tag == "insert"] == ["The editor notes:\n\n"]
    assert rebuild(reference, copy, edits) == (reference, copy)


def test_a_shared_first_word_goes_with_the_lines_that_differ() -> None:
    """A paragraph dropped where the copy has a line of its own, both opening with "The":
    the omission and the insertion are whole lines, the shared word with each."""
    reference = "They met.\n\nThe talks went well for both of them all week.\n\nIt rained."
    copy = "They met.\n\nThe editor notes:\n\nIt rained."
    edits = align_texts(reference, copy)
    assert [(e.tag, e.reference.of(reference), e.copy.of(copy)) for e in edits] == [
        ("equal", "They met.\n\n", "They met.\n\n"),
        ("replace", "The talks went well for both of them all week.", "The editor notes:"),
        ("equal", "\n\nIt rained.", "\n\nIt rained."),
    ]


def test_refine_shows_which_letters_changed() -> None:
    assert refine("neighbours", "neighbors") == [
        ("equal", "neighbo", "neighbo"),
        ("delete", "u", ""),
        ("equal", "rs", "rs"),
    ]
    assert "".join(b for _, _, b in refine("colour", "colour!")) == "colour!"


@pytest.mark.parametrize("count", [1, 3])
def test_same_edits_as_the_pure_python_port(count: int, analysis: Analysis) -> None:
    """The C++ build and the pure-Python port agree when neither has a deadline."""
    reference = analysis.reference.text * count
    copy = analysis.source(FULL_COPY).passages[0].copy.of(analysis.source(FULL_COPY).document.text)
    copy *= count
    fast = fast_diff_match_patch.diff(
        reference, copy, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False
    )
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0  # no deadline: same answer on any machine
    slow = dmp.diff_main(reference, copy, False)
    dmp.diff_cleanupSemantic(slow)
    symbol = {0: "=", -1: "-", 1: "+"}
    assert [(op, text) for op, text in fast] == [(symbol[op], text) for op, text in slow]


@pytest.mark.parametrize(
    ("reference", "copy"),
    [
        (
            "and mutual trust.\n\nThe Parties are calling",
            "and mutual\n 59  trust.\n\n 60  The Parties are calling",
        ),
        ("should be respected. Other", "should be\n 12  respected.\n 13  Other"),
    ],
)
def test_margin_line_numbers_around_a_short_line_leave_its_words_equal(
    reference: str, copy: str
) -> None:
    """A line of one or two words between margin line numbers: the words stay equal and
    only the numbers are edits (before, the diff's clean-up folded the words into one
    replacement with the numbers, a material substitution of the statement's word)."""
    edits = align_texts(reference, copy)
    changed = [e.copy.of(copy) for e in edits if e.tag != "equal"]
    assert changed and all(not any(c.isalpha() for c in text) for text in changed)
    assert "".join(e.copy.of(copy) for e in edits) == copy


def _riddled(text: str, mark: str, every: int) -> str:
    """`text` with `mark` inside each word of more than `every` letters, every `every`."""

    def word(w: str) -> str:
        if len(w) <= every or not w.isalpha():
            return w
        return mark.join(w[i : i + every] for i in range(0, len(w), every))

    return " ".join(word(w) for w in text.split(" "))


@pytest.mark.parametrize(
    ("mark", "every"),
    [("\u00ad", 3), ("\u200b", 1), ("\u2060", 2)],
    ids=["soft hyphens in long words", "zero-width space between letters", "word joiners"],
)
def test_a_changed_word_among_words_riddled_with_invisible_characters_is_its_own_edit(
    mark: str, every: int
) -> None:
    """A page hyphenated by script (a soft hyphen every few letters) or watermarked (a
    zero-width character between letters) changes nearly every word in characters: read
    whole, one changed word made the sentence around it one replacement (a material
    substitution in the report). The invisible characters are read past: the changed
    word is its own edit, the rest differ only in invisible characters."""
    reference = "The Parties are seriously worried by the statement and consider it unacceptable."
    copy = _riddled(reference.replace("seriously", "gravely"), mark, every)
    edits = align_texts(reference, copy)
    assert rebuild(reference, copy, edits) == (reference, copy)
    changed = [
        (e.reference.of(reference), e.copy.of(copy).replace(mark, ""))
        for e in edits
        if e.tag != "equal" and e.reference.of(reference) != e.copy.of(copy).replace(mark, "")
    ]
    assert changed == [("seriously", "gravely")]
    kinds = [
        kind_of(e.reference.of(reference), e.copy.of(copy))[0] for e in edits if e.tag != "equal"
    ]
    assert kinds.count(Kind.SUBSTITUTION) == 1
    assert set(kinds) == {Kind.SUBSTITUTION, Kind.INVISIBLE}


def test_a_swap_across_a_word_marked_invisibly_is_one_edit() -> None:
    """ "military a\u200bnd political" for "political and military": the short word
    between the swapped words differs only by a zero-width space, and kept them apart as
    two substitutions; across it, as across a plain "and", the swap is one edit (which
    the report reads as a reordering)."""
    reference, copy = (
        "Mounting political and military tension",
        "Mounting military a\u200bnd political tension",
    )
    edits = [e for e in align_texts(reference, copy) if e.tag != "equal"]
    assert [(e.reference.of(reference), e.copy.of(copy)) for e in edits] == [
        ("political and military", "military a\u200bnd political")
    ]


@pytest.mark.parametrize(
    ("reference", "copy"),
    [("the", "the\u200b"), ("the end", "the end\u200b"), ("a the. b", "a the\u00ad. b")],
)
def test_an_invisible_character_ending_an_equal_run_is_kept(reference: str, copy: str) -> None:
    """Tokens equal by their key may be longer in the copy: a run whose characters match
    over the reference's width was taken as equal, and the copy's invisible character at
    its end fell out of every edit (the spans after it shifted)."""
    edits = align_texts(reference, copy)
    assert rebuild(reference, copy, edits) == (reference, copy)
    assert_contiguous(edits, len(reference), len(copy))
