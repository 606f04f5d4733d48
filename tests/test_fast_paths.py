"""The quotation stage's shortcuts give the answers of the long way round.

Each shortcut (issue 13) skips work it can prove idle: a sentence with no cue word is not
read for cues, an ASCII quotation folds without building a map, quotation marks are found
one glyph at a time, a compiled pattern set is loaded from disk. Each is checked here against the
plain computation it replaces, on generated text full of the near misses that matter
(cue words in any case, inside other words, beside non-ASCII letters and quotation marks).
"""

from __future__ import annotations

import hashlib
import random
import re
from bisect import bisect_right
from pathlib import Path
from typing import Any

import pytest
import quote_cases
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from provenance import matcher as matcher_module
from provenance.emphasis import notes
from provenance.emphasis import runs as emphasis_runs
from provenance.kinds import _remembered_kind, kind_of
from provenance.matcher import last_characters, last_characters_of_each, literal_starts, matcher
from provenance.model import Document, Kind, Span
from provenance.normalise import Fold, ascii_classes, folded, normalise
from provenance.quotes import marks
from provenance.quotes import speakers as who
from provenance.quotes.cues import _DOC_CUE_SUPERSET, _SPEECH, _SPEECH_SUPERSET
from provenance.quotes.marks import (
    _ABBREVIATION,
    _BOUNDARY,
    _DOC_CUE,
    _MARKS,
    find_quotations,
    marks_of,
    prose_of,
    sentences,
    split_sentences,
)
from provenance.quotes.speakers import cues
from provenance.quotes.subjects import _subject
from provenance.quotes.verdicts import QuoteOptions, QuoteVerdict, _Page, check_quotes, quotation_id
from provenance.quotes.words import _WORD as WORD
from provenance.quotes.words import STOPWORDS, context_words, stem

_PIECES = [
    *"said says say told added declared stated states warned noted stressed announced".split(),
    *"insisted argued explained wrote asked urged called calls call emphasized underlined".split(),
    *"reaffirmed reads quoted according to was were as saying".split(),
    *"the The this its their joint statement declaration document communiqué Parties".split(),
    *"foreign ministries two text of circulated published issued draft Lavrov Wang".split(),
    *"Moscow Beijing sides both SAID Statement unsaid statements restated callers".split(),
    *"é ß İ Ω 3 _ - ’ ' \" “ ” « » . , ; : ( ) \u00a0 \u200b \n".split(" "),
    "The Parties",
    "the foreign ministries",
    "The text of the statement",
    "the joint statement",
    "their statement",
    "According to",
    "was quoted as saying",
]
_BREAKS = [" ", "\n\n", ". ", ", ", "? "]
_prose = st.lists(st.sampled_from(_PIECES) | st.sampled_from(_BREAKS), max_size=40).map(
    lambda words: "".join(w if w in _BREAKS else w + " " for w in words)
)


@settings(max_examples=300, deadline=None)
@given(_prose)
def test_a_sentence_with_no_cue_word_has_no_cue(text: str) -> None:
    """Skipping `cues` where no superset pattern ends never loses a cue."""
    quotations = find_quotations(text)
    prose = prose_of(text, quotations)
    speech = last_characters(prose, _SPEECH_SUPERSET, caseless=True)
    documents = last_characters(prose, _DOC_CUE_SUPERSET, caseless=True)
    for span in sentences(text, quotations):
        chunk = prose[span.start : span.end]
        if any(span.start <= k < span.end for k in speech):
            continue
        assert not _SPEECH.search(chunk)
        if not any(span.start <= k < span.end for k in documents):
            assert not _DOC_CUE.search(chunk)
        holds_speech = any(span.start <= k < span.end for k in speech)
        holds_documents = any(span.start <= k < span.end for k in documents)
        assert cues(text, span, prose) == cues(
            text, span, prose, speech=holds_speech, documents=holds_documents
        )


def test_cue_words_are_found_in_any_case_and_beside_other_letters() -> None:
    text = "Café said it. The STATEMENT noted. Ещёsaid. The Parties."
    ends = last_characters(text, _SPEECH_SUPERSET + _DOC_CUE_SUPERSET, caseless=True)
    assert [text[k] for k in ends] == ["d", "T", "d", "d", "s"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ é\t\n\r\v\f`‘’“”…\u00a0\u200b\u00adß.İ"), max_size=60))
def test_folded_is_the_normalised_text(text: str) -> None:
    assert folded(text) == normalise(text).text
    for fold in (Fold.WHITESPACE, Fold.TYPOGRAPHY | Fold.CASE, Fold.INVISIBLE, Fold.NONE):
        assert folded(text, fold) == normalise(text, fold=fold).text


_OLD_MARK = re.compile("[{0}]{{5,}}|[{0}]".format(re.escape("".join(sorted(_MARKS)))))
"""Quotation marks as the stage found them before: one mark, or a run of five or more."""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*sorted(_MARKS), "a", " ", "é", "\n"]), max_size=40))
def test_marks_are_those_the_regular_expression_found(text: str) -> None:
    expected = [m.start() for m in _OLD_MARK.finditer(text) if len(m.group()) == 1]
    assert marks_of(text) == expected


def test_literal_starts_are_character_offsets_in_non_ascii_text() -> None:
    text = "Ещё «да» и “нет”."
    assert [text[k] for k in literal_starts(text, ("«", "»", "“", "”"))] == list("«»“”")


def test_a_subject_far_before_its_verb_is_read_as_from_the_clause_start() -> None:
    """`_subject` reads only the last few words before a verb; where they are few and long
    (a URL-like token), it reads from the start, so the answer is the same."""
    long = "x" * 400
    for chunk in (
        f"Intro words here. {long}-{long} Park Min-jun said",
        "a " * 300 + "Foreign Minister Wang Yi said",
        f"{long} {long} then said",
    ):
        verb = chunk.rindex("said")
        words = list(re.finditer(r"[\w’'.&-]+", chunk[:verb]))
        assert words  # the cases are about a long clause before the verb
        assert _subject(chunk, verb) == _subject(chunk[:verb] + " said", verb)
        assert _subject(chunk, verb, strip=False) == _subject(chunk[:verb], verb, strip=False)


def test_quotations_keep_their_speakers_across_sentences_read_lazily() -> None:
    """Speakers come from sentences read only when a quotation asks (who._Reading)."""
    text = (
        "Filler one. Filler two.\n\n"
        'The joint statement said the sides "oppose any deployment". '
        'They also stressed "restraint". "Dialogue matters," it went on.\n\n'
        'Lavrov said on Tuesday: "we will act". Nothing else.\n\n'
        '"A lone quotation" stands here.'
    )
    quotations = find_quotations(text)
    found = who.attribution(text, quotations)
    speakers = [found[m.span.start] for m in quotations]
    assert [c.speaker if c else None for c in speakers] == [
        "document",
        "document",
        "document",
        "person",
        None,
    ]


@pytest.mark.parametrize("seed", range(5))
def test_speakers_asked_for_in_any_order_are_those_of_attribution(seed: int) -> None:
    """`speakers` answers one quotation at a time, reading and keeping what each rule
    needs: asking for some of them, in any order, gives what `attribution` gives."""
    cases = quote_cases.load_cases()
    text = "\n\n".join(case.text.strip() for case in cases)
    quotations = find_quotations(text)
    everyone = who.attribution(text, quotations)
    assert sum(c is not None for c in everyone.values()) > 40  # the cases' speakers
    asked = random.Random(seed).sample(quotations, len(quotations) // 2)
    speaker = who.speakers(text, quotations)
    assert {m.span.start: speaker(m) for m in asked} == {
        m.span.start: everyone[m.span.start] for m in asked
    }


def test_a_screening_reads_no_speaker_for_quotations_it_turns_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page of short quotations (a docstring dump) is screened without reading its
    prose for speakers; a verbatim quotation among them is judged as in a full check."""
    reference = quote_cases.reference()
    filler = " ".join(f'The "option{k}" flag sets "mode {k}".' for k in range(200))
    page = quote_cases.document(filler, "page")
    read: list[object] = []
    real = who._Reading
    monkeypatch.setattr(who, "_Reading", lambda *a: read.append(a) or real(*a))
    screening = QuoteOptions(screen_words=6)
    assert all(q.attribution is None for q in check_quotes(reference, page, (), options=screening))
    assert read == []
    said = (
        "The statement said the Parties "
        '"will closely coordinate their efforts in order to promote a complex solution".'
    )
    page = quote_cases.document(filler + " " + said, "page")
    [*_, screened] = check_quotes(reference, page, (), options=screening)
    assert len(read) == 1  # read once, for the one quotation that passed the screen
    [*_, full] = check_quotes(reference, page, ())
    assert screened.verdict is full.verdict is QuoteVerdict.VERBATIM
    assert screened.attribution == full.attribution and screened.attributed


def test_a_compiled_pattern_set_is_kept_on_disk_and_loaded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROVENANCE_CACHE", str(tmp_path))
    patterns = (rb"quoted\s+as", rb"statement")
    first = matcher_module.Matcher(patterns, caseless=True, leftmost=False)
    assert not first.ready
    ends: list[int] = []
    first.scan(b"was Quoted  as saying in the statement", lambda i, s, e, f, c: ends.append(e))
    assert sorted(ends) == [14, 38]
    [stored] = tmp_path.glob("*.hsdb")
    again = matcher_module.Matcher(patterns, caseless=True, leftmost=False)
    assert again.ready
    monkeypatch.setattr(matcher_module.Matcher, "_compile", _no_compiling)
    found: list[int] = []
    again.scan(b"the statement", lambda i, s, e, f, c: found.append(e))
    assert found == [13]
    stored.write_bytes(b"not a database")  # damaged: compiled again, not an error
    monkeypatch.undo()
    monkeypatch.setenv("PROVENANCE_CACHE", str(tmp_path))
    third = matcher_module.Matcher(patterns, caseless=True, leftmost=False)
    third.scan(b"statement", lambda i, s, e, f, c: found.append(e))
    assert found == [13, 9]


def _no_compiling(self: object) -> None:
    message = "compiled although a compiled copy was on disk"
    raise AssertionError(message)


def test_an_unwritable_cache_costs_time_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("PROVENANCE_CACHE", str(blocker / "cache"))
    found: list[int] = []
    matcher((rb"abc",)).scan(b"xxabc", lambda i, s, e, f, c: found.append(e))
    assert found == [5]


def test_a_matcher_told_once_reports_each_pattern_once_and_is_kept_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Single-match mode is part of the compiled database, so of its cache key too."""
    monkeypatch.setenv("PROVENANCE_CACHE", str(tmp_path))
    data = b"the peninsula, the Peninsula and THE PENINSULA"
    every = matcher_module.Matcher((rb"peninsula",), caseless=True, leftmost=False)
    once = matcher_module.Matcher((rb"peninsula",), caseless=True, leftmost=False, once=True)
    ends: dict[str, list[int]] = {"every": [], "once": []}
    every.scan(data, lambda i, s, e, f, c: ends["every"].append(e))
    assert not once.ready  # the other mode's database on disk is not this one
    once.compile()
    assert once.ready
    once.scan(data, lambda i, s, e, f, c: ends["once"].append(e))
    assert ends == {"every": [13, 28, 46], "once": [13]}
    assert len(list(tmp_path.glob("*.hsdb"))) == 2


def _sentence_ends_one_by_one(text: str, quotations: list[marks.Marked]) -> list[int]:
    """Where sentences end, as the stage found them before: every boundary in turn."""
    inside = [(m.span.start, m.span.end) for m in quotations if m.opening != ":"]
    starts = [s for s, _ in inside]
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        at, end = m.span()
        k = bisect_right(starts, at) - 1
        if k >= 0 and end <= inside[k][1]:
            continue
        if text[at] == "." and _ABBREVIATION.search(text[max(0, at - 12) : at + 1]):
            continue
        cuts.append(end)
    if cuts[-1] < len(text):
        cuts.append(len(text))
    return cuts


_ABBREVIATED = [
    *"U.S. U.K. Mr. Mrs. Dr. St. No. vs. Gen. Col. A. B.C. é.U. _U. x.Y. 3.5 Z.".split(),
    "said.",
    "“Yes.”",
    "(so.)",
    "end.\n\n",
    "U.S.\n\nThe",
    "Mr.\n\n“Next”",
    "A. B. C. D. E. F. G.",
]
_sentence_text = st.lists(
    st.sampled_from(_ABBREVIATED)
    | st.sampled_from(_PIECES)
    | st.sampled_from([*_BREAKS, "\n", "\n \n", "\t"]),
    max_size=50,
).map(lambda words: "".join(w if w.isspace() else w + " " for w in words))


@settings(max_examples=400, deadline=None)
@given(_sentence_text)
def test_sentences_end_where_boundaries_taken_one_by_one_end(text: str) -> None:
    """`split_sentences` drops boundaries in stretches (inside a quotation) and looks for
    abbreviations only where Hyperscan finds a candidate; the ends are those of taking
    every boundary in turn."""
    quotations = find_quotations(text)
    found = split_sentences(text, quotations)
    cuts = _sentence_ends_one_by_one(text, quotations)
    assert found.starts == cuts[:-1]
    assert found.ends == cuts[1:]


@settings(max_examples=400, deadline=None)
@given(_sentence_text)
def test_boundaries_are_those_the_pattern_finds_from_every_character(text: str) -> None:
    """`_boundaries` tries `_BOUNDARY` only at its opening characters."""
    assert marks._boundaries(text) == [m.span() for m in _BOUNDARY.finditer(text)]


def test_a_pages_quotation_ids_are_quotation_id() -> None:
    """`_Page.id` digests from a copy of the capture's prefix; the ids are `quotation_id`'s."""
    text = "He said “yes” and “no”."
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    capture = Document("page", Path("page.txt"), digest, len(data), text)
    page = _Page(capture)
    for span in (Span(9, 12), Span(0, 0), Span(19, 21)):
        for verdict in QuoteVerdict:
            assert page.id(span, verdict) == quotation_id(capture.sha256, span, verdict)


def _blocks_paragraph_by_paragraph(text: str) -> list[Span]:
    """Block quotations as the stage found them before: every paragraph's end read in turn."""
    breaks = list(re.finditer(r"\n[ \t\u00a0]*\n\s*", text))
    starts = [0, *(m.end() for m in breaks)]
    ends = [m.start() for m in breaks] + [len(text)]
    found = []
    for k in range(len(starts) - 1):
        head = text[starts[k] : ends[k]].rstrip()
        if not head.endswith(":") or not _DOC_CUE.search(head):
            continue
        body = Span(starts[k + 1], starts[k + 1] + len(text[starts[k + 1] : ends[k + 1]].rstrip()))
        if len(body) and not any(c in _MARKS - marks._SINGLE for c in body.of(text)):
            if any(c.isalnum() for c in body.of(text)):  # a paragraph quoting something
                found.append(body)
    return found


_block_text = st.lists(
    st.sampled_from(_PIECES)
    | st.sampled_from(
        [":", ": ", ":\n\n", ":  \n \n\t", "\n\n", "\n", " \n\n", "The statement reads:"]
    ),
    max_size=40,
).map(lambda words: " ".join(words))


@settings(max_examples=400, deadline=None)
@given(_block_text)
def test_block_quotations_are_those_read_paragraph_by_paragraph(text: str) -> None:
    """`_with_blocks` finds colon-ended paragraphs by the spaces after colons."""
    blocks = [m.span for m in find_quotations(text) if m.opening == ":"]
    assert blocks == _blocks_paragraph_by_paragraph(text)


_CUE_PIECES = [
    *_PIECES,
    *"text original passage paragraph sentence clause Para para ¶ JOINT STATEMENT draft".split(),
    *"own also reads calls 6 2017 Russia–China – -based context originality Statements".split(),
    "Paragraph 6 says",
    "¶ 2 provides",
    "according to the joint text",
    "its own statement",
    "The two foreign ministries",
    "the key passage reads",
    "A sentence calls",
    *"doc docs wording language phrasing exact precise key is runs that matters most".split(),
    "per the text",
    "the doc says",
    "the text messages",
    "The precise language on countermeasures is:",
    "Its actual wording reads:",
    "the clause that matters most reads",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES) | st.sampled_from(_BREAKS), max_size=40))
def test_document_cues_are_those_the_pattern_finds_from_every_character(
    pieces: list[str],
) -> None:
    """`doc_cues` tries `_DOC_CUE` only from where a match can start."""
    for text in ("".join(pieces), " ".join(pieces)):
        expected = [m.span() for m in _DOC_CUE.finditer(text)]
        assert [m.span() for m in marks.doc_cues(text)] == expected


_NOTE_PIECES = [
    *"( ) [ ] , / & and our my Our MY emphasis Emphasis EMPHASIS italics Italic bold BOLD".split(),
    *"underlined highlighting added mine supplied ours original in bolder emphasised".split(),
    *"bolding boldface highlights highlighted type face by the editors us me".split(),
    *"ſ \u212a ı İ é ” “ \n \u00a0 x".split(" "),
    "(emphasis added)",
    "[bold italics added]",
    "(our emphasis)",
    "bold mine",
    "emphaſis mine",
    "(ıtalics added)",
    "(İtalics added)",
    "(boLD ours)",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NOTE_PIECES), max_size=30).map(" ".join))
def test_declared_emphasis_notes_are_those_the_pattern_finds_in_the_whole_text(
    text: str,
) -> None:
    """`_note_matches` tries the pattern only before words Hyperscan finds in either case."""
    expected = [m.span() for m in notes._NOTE.finditer(text)]
    assert [m.span() for m in notes._note_matches(text)] == expected


@settings(max_examples=200, deadline=None)
@given(_prose)
def test_one_scan_for_two_pattern_sets_finds_what_two_scans_find(text: str) -> None:
    groups = (_SPEECH_SUPERSET, _DOC_CUE_SUPERSET)
    assert last_characters_of_each(text, groups, caseless=True) == [
        last_characters(text, group, caseless=True) for group in groups
    ]


_BEFORE_PIECES = [
    *"the all six 15 several parties PARTIES partieſ sides members council which that".split(),
    *"resolution 2321 Resolution the lease treaty statement of 2005 committed DPRK to".split(),
    *"Which THAT said , . ’ ' - \t \n \u00a0 \u2003 é ı".split(" "),
    "the six parties",
    "all 15 council members",
    "the six partieſ",
    "resolution 2321, which",
    "the Joint Statement of September 19, 2005, which committed the DPRK to",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_PIECES), max_size=20).map(" ".join), st.data())
def test_the_words_before_a_quotation_are_searched_as_the_patterns_search_them(
    text: str, data: st.DataObject
) -> None:
    """`_counted_group` and `_others_which` try their patterns only where the words end
    as a match does; windows ending anywhere, empty and reversed ones too."""
    start = data.draw(st.integers(0, len(text)))
    for end in range(-1, len(text) + 1):
        for shortcut, pattern in (
            (who._counted_group, who._COUNTED_GROUP),
            (who._others_which, who._OTHERS_WHICH),
        ):
            found, expected = shortcut(text, start, end), pattern.search(text, start, end)
            assert (found and found.span()) == (expected and expected.span())


_CAPS_PIECES = [*"AB Z NOT a bZ 9 0 9AB _ * - ' ’ “ ” — © . \n".split(" "), " ", "NOW, NOT", "É"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CAPS_PIECES), max_size=20).map("".join), st.integers(0, 40))
def test_caps_words_in_ascii_classes_text_are_those_the_unicode_pattern_finds(
    text: str, first: int
) -> None:
    """`_runs_between` reads caps words with the ASCII pattern where `ascii_classes`
    holds for its stretch and the character before it."""
    first = min(first, len(text))
    assume(ascii_classes(text[max(0, first - 1) :]))
    expected = [m.span() for m in emphasis_runs._CAPS_WORD.finditer(text, first)]
    assert [m.span() for m in emphasis_runs._ASCII_CAPS_WORD.finditer(text, first)] == expected


def test_kind_of_remembers_short_pairs_only() -> None:
    """A scan's worker meets the same short divergences page after page, and long
    omissions that must not pile up in memory."""
    long = "the parties agree " * 20
    kept = _remembered_kind.cache_info().currsize
    assert kind_of(long, long.upper()) == (Kind.CASE, "differs only in letter case")
    assert _remembered_kind.cache_info().currsize == kept
    first = kind_of("neighbours", "neighbors")
    hits = _remembered_kind.cache_info().hits
    assert kind_of("neighbours", "neighbors") == first
    assert _remembered_kind.cache_info().hits == hits + 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .’é\u00a0Ж\U0001f600\n")), max_size=80), st.data())
def test_character_offsets_of_byte_offsets_are_those_decoding_gives(
    text: str, data: st.DataObject
) -> None:
    """A text with few multi-byte characters maps byte offsets through a list of them, one
    with many decodes between the offsets; both give what decoding the prefix gives."""
    starts = sorted({len(text[:k].encode()) for k in range(len(text) + 1)})
    chosen = sorted(set(data.draw(st.lists(st.sampled_from(starts), max_size=20))))
    expected = [len(text.encode()[:at].decode()) for at in chosen]
    assert matcher_module.Encoded(text).chars(chosen) == expected  # through the list
    assert matcher_module.char_offsets(text.encode(), chosen) == expected  # decoding


def test_the_last_two_texts_encoded_are_kept_and_a_third_one_replaces_the_older() -> None:
    text = "“Said” " * 3
    first = matcher_module.encoded(text)
    assert matcher_module.encoded(text) is first
    assert first.data == text.encode()
    other = "".join(["“Said” "] * 3)  # equal, but another object: encoded afresh
    assert other is not text and matcher_module.encoded(other) is not first
    assert matcher_module.encoded(text) is first  # the capture, after its prose
    matcher_module.encoded("a third text")
    matcher_module.encoded("and a fourth")
    assert matcher_module.encoded(text) is not first


def _context_words_read_between(
    text: str, sentence: Span, quotation: Span
) -> list[tuple[str, int]]:
    """`context_words` as it was: the words between each word and the quotation read again."""
    out = []
    for m in WORD.finditer(sentence.of(text)):
        at = sentence.start + m.start()
        word = m.group()
        if quotation.start <= at < quotation.end or len(word) < 2:
            continue
        if word.casefold() in STOPWORDS:
            continue
        if at < quotation.start:
            between = text[sentence.start + m.end() : quotation.start]
        else:
            between = text[quotation.end : at]
        out.append((stem(word), len(WORD.findall(between))))
    return out


_CONTEXT_PIECES = ["the", "Parties", "urged", "calm", "—", ",", "DPRK’s", "é", "they", "2017"]


@given(
    st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=15),
    st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=6),
    st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=15),
)
def test_context_words_by_place_are_those_read_between(
    before: list[str], quoted: list[str], after: list[str]
) -> None:
    """Distances counted by the words' places in the sentence (a sentence of 200 KB cost
    14 s read the long way) are those of reading what lies between, for a quotation
    between its marks."""
    head = " ".join(before) + " “"
    text = head + " ".join(quoted) + "” " + " ".join(after)
    quotation = Span(len(head), len(head) + len(" ".join(quoted)))
    sentence = Span(0, len(text))
    assert context_words(text, sentence, quotation) == _context_words_read_between(
        text, sentence, quotation
    )


def test_a_cache_the_user_may_not_look_in_costs_time_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache under a directory the user cannot search (`sudo -u` keeping HOME): asking
    whether the compiled file is there raised PermissionError, and every command that
    reads a page failed with an internal error."""
    monkeypatch.setenv("PROVENANCE_CACHE", str(tmp_path))

    def refused(self: Path, *args: object, **kwargs: object) -> bool:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "exists", refused)
    every = matcher_module.Matcher((rb"abc",), caseless=True, leftmost=False)
    assert not every.ready
    found: list[int] = []
    every.scan(b"xxabc", lambda i, s, e, f, c: found.append(e))
    assert found == [5]


_ONE_WORD_PAGE = (
    "The joint statement, signed in Moscow, calls for “dialogue” and warns against "
    "“brinkmanship”. Analysts called it “boilerplate”; a blogger wrote that the "
    "“neighbors” of the peninsula were “nervous”, and Lavrov said “enough”.\n\n"
    "The ministries urge “restraint” and the document speaks of “peace”, “stability” and "
    "“antimissile” systems. It was “signed” on “July 4”; one reader's “@#!” and a “2017”. "
    "Kim said “nonsense”.\n"
)


def test_a_scan_reads_the_speaker_only_of_what_its_hits_can_list() -> None:
    """`attributed_only` (scan) leaves a one-word quotation the reference cannot hold
    unjudged, its speaker unread: every quotation a hit lists (attributed, unterminated)
    is as a full check finds it, on every page of the quotation case set and on a page
    of one-word quotations given to the statement, to people and to no one."""
    from provenance.analyse import Analyser

    analyser = Analyser.of(quote_cases.reference())
    pages = [c.text for c in quote_cases.load_cases()] + [_ONE_WORD_PAGE]
    left = 0
    for k, text in enumerate(pages):
        page = quote_cases.document(text, f"page{k}")
        for screen in (0, 6):
            full = analyser.source(page, screen_words=screen)
            scan = analyser.source(page, screen_words=screen, attributed_only=True)
            listed = [
                [(q.span, q.verdict, q.attributed, q.similarity, q.reference) for q in r.quotes
                 if q.attributed or q.verdict.value == "unterminated"]
                for r in (full, scan)
            ]  # fmt: skip
            assert listed[0] == listed[1], text
            assert [q.span for q in full.quotes] == [q.span for q in scan.quotes]
            assert full.divergences == scan.divergences and full.emphasis == scan.emphasis
            left += sum(
                a.attribution is not None and b.attribution is None
                for a, b in zip(full.quotes, scan.quotes, strict=True)
            )
    assert left >= 5  # the shortcut is taken ("nervous", "enough", "nonsense", ...; not
    # "boilerplate", what analysts "called it": a label is a claim on someone's words)
    scan = analyser.source(quote_cases.document(_ONE_WORD_PAGE, "one"), attributed_only=True)
    attributed = {q.text for q in scan.quotes if q.attributed}
    assert {"dialogue", "peace", "stability"} <= attributed
    assert "restraint" not in attributed and "boilerplate" not in attributed


def test_paragraphs_each_opening_a_mark_are_walked_back_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A quotation left open and continued paragraph after paragraph is the speaker's of
    the paragraph that opened it; each quotation walked back over every paragraph before
    it (1 MB of such paragraphs took 133 s). Counted in sentences read, not timed."""
    reference = quote_cases.reference()
    asked: list[int] = []
    real = who._Reading

    class Counted(real):  # type: ignore[misc,valid-type]
        def cues(self, k: int) -> Any:
            asked.append(k)
            return super().cues(k)

    monkeypatch.setattr(who, "_Reading", Counted)
    paragraphs = 400
    page = quote_cases.document("“an unclosed paragraph of Russia and China.\n\n" * paragraphs, "p")
    quotes = check_quotes(reference, page)
    assert len(quotes) == paragraphs
    assert len(asked) < 10 * paragraphs


def test_a_match_ending_in_a_multibyte_character_of_a_dense_text_maps_to_it() -> None:
    """A match's last byte inside a character (“ ends "English: “") in a text of many
    multi-byte characters (Cyrillic, Chinese), which is decoded piece by piece: the
    character it ends in, as where such characters are few (it ended `report` in a
    UnicodeDecodeError: a Markdown page of Russian and Chinese paragraphs with "English:
    “...”" lines)."""
    text = "Россия и Китай подписали заявление. " * 300 + "He said “yes”."
    expression = rb"said\s+\xe2\x80\x9c"
    assert last_characters_of_each(text, ((expression,),), caseless=True) == [[text.index("“")]]
    sparse = "Russia and China signed. " * 300 + "He said “yes”."
    assert last_characters(sparse, (expression,), caseless=True) == [sparse.index("“")]


def test_a_page_of_russian_paragraphs_and_a_labelled_english_line(tmp_path: Path) -> None:
    from provenance.analyse import analyse
    from provenance.load import load

    reference = load(Path(__file__).parent / "cases" / "quotes" / "reference.txt")
    russian = "Стороны выражают серьёзную озабоченность развитием ситуации на полуострове. "
    line = "English: “The Parties oppose any statements or moves that might escalate tension.”"
    page = tmp_path / "page.md"
    page.write_text("\n\n".join([russian * 40, line, russian * 40]) + "\n", encoding="utf-8")
    [quotation] = analyse(reference, [load(page)]).sources[0].quotes
    assert quotation.verdict.value == "verbatim"
