"""locate on copies damaged the way pages damage a document: tests/cases/structure/*.json.

Each case builds a capture from pieces: its own prose (strings) and paragraphs of the
bundled statement ({"paragraph": k}, the statement split at blank lines); "format":
"html" or "markdown" reads the capture as HTML or Markdown. It expects the exact
passages (kind; copy span in the capture and reference span in the statement, each
given as [first words, last words] that occur once in their text, so the span is
exact; number of segments) and
the exact divergences in capture order (kind, severity, both readings, built from
pieces the same way). See docs/locate.md for the rules these cases pin down.
"""

from __future__ import annotations

import itertools
import json
import random
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import make_document

from provenance.analyse import analyse
from provenance.cli import main
from provenance.kinds import MOJIBAKE, QUOTED_PRINTABLE
from provenance.model import Document, Format, Kind, Severity, Span

CASES = Path(__file__).parent / "cases" / "structure"


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            params.append(pytest.param(case, id=f"{path.stem}: {case['label']}"))
    return params


def _text(pieces: str | list[Any], paragraphs: list[str]) -> str:
    if isinstance(pieces, str):
        return pieces
    return "".join(p if isinstance(p, str) else paragraphs[p["paragraph"]] for p in pieces)


def _span(text: str, bounds: list[str]) -> tuple[int, int]:
    first, last = bounds
    assert text.count(first) == 1, first
    assert text.count(last) == 1, last
    return text.index(first), text.index(last) + len(last)


def _capture(case: dict[str, Any], paragraphs: list[str]) -> Document:
    capture = make_document(_text(case["copy"], paragraphs), "case")
    if case.get("format") == "html":
        capture = replace(capture, format=Format.HTML, path=Path("case.html"))
    elif case.get("format") == "markdown":
        capture = replace(capture, format=Format.MARKDOWN, path=Path("case.md"))
    return capture


@pytest.mark.parametrize("case", _load_cases())
def test_structure_case(case: dict[str, Any], reference: Document) -> None:
    paragraphs = reference.text.split("\n\n")
    capture = _capture(case, paragraphs)
    text = capture.text
    source = analyse(reference, [capture]).sources[0]
    expect = case["expect"]
    assert [
        (p.kind.value, (p.copy.start, p.copy.end), (p.reference.start, p.reference.end))
        for p in source.passages
    ] == [
        (e["kind"], _span(text, e["copy"]), _span(reference.text, e["reference"]))
        for e in expect["passages"]
    ]
    assert [len(p.runs) for p in source.passages] == [e["segments"] for e in expect["passages"]]
    assert [
        (d.kind.value, str(d.severity), d.copy_text, d.reference_text) for d in source.divergences
    ] == [
        (
            e["kind"],
            e["severity"],
            _text(e["text"], paragraphs),
            _text(e["ref_text"], paragraphs),
        )
        for e in expect["divergences"]
    ]
    for passage in source.passages:
        runs = passage.runs
        assert all(a.copy.end <= b.copy.start for a, b in itertools.pairwise(runs))
        assert runs[0].copy.start == passage.copy.start
        assert runs[-1].copy.end == passage.copy.end
    # The edits tile both stretches, in order (for HTML, markup lies between them).
    for alignment in source.alignments if capture.format is Format.TEXT else ():
        edits, passage = alignment.edits, alignment.passage
        assert [e.reference.start for e in edits[1:]] == [e.reference.end for e in edits[:-1]]
        assert [e.copy.start for e in edits[1:]] == [e.copy.end for e in edits[:-1]]
        assert (edits[0].copy.start, edits[-1].copy.end) == (passage.copy.start, passage.copy.end)
        assert edits[0].reference.start == passage.reference.start
        assert edits[-1].reference.end == passage.reference.end
    for d in source.divergences:
        assert d.reference.of(reference.text) == d.reference_text
        if capture.format is Format.TEXT:
            assert d.copy.of(text) == d.copy_text
        assert any(
            p.copy.start <= d.copy.start <= d.copy.end <= p.copy.end for p in source.passages
        )


def test_every_case_file_has_cases() -> None:
    assert len(_load_cases()) >= 9


_FURNITURE = (
    "\f\nWeekly notes of the study group\n{n}",
    "Related\n\nMarkets wobble as talks stall\nWhat a freeze deal would mean",
    "Advertisement",
    "Photo: ministers meet in Moscow, July 2017",
    "Page {n} of 9",
)


@pytest.mark.parametrize("seed", range(60))
def test_damaged_full_copies_stay_one_copy(seed: int, reference: Document) -> None:
    """Pages built at random: two paragraphs swapped or one moved anywhere, and up to two
    pieces of page furniture between paragraphs. Paragraph 4 (five words, shorter than
    a passage may be) stays in place: its moves are left to the diff (docs/locate.md)."""
    rng = random.Random(seed)
    paragraphs = reference.text.split("\n\n")
    order = [k for k in range(len(paragraphs)) if k != 4]
    if rng.random() < 0.5:
        at = rng.randrange(len(order) - 1)
        order[at], order[at + 1] = order[at + 1], order[at]
    else:
        order.insert(rng.randrange(len(order)), order.pop(rng.randrange(len(order))))
    order.insert(order.index(5), 4)
    blocks = [paragraphs[k] for k in order]
    spots = sorted(rng.sample(range(1, len(blocks)), rng.randrange(3)), reverse=True)
    for n, at in enumerate(spots):
        blocks.insert(at, rng.choice(_FURNITURE).format(n=n + 2))
    text = "Some words of the page come first here.\n\n" + "\n\n".join(blocks) + "\n\nThe end."
    source = analyse(reference, [make_document(text)]).sources[0]
    kinds = [d.kind.value for d in source.divergences]
    assert [p.kind.value for p in source.passages] == ["full"]
    assert kinds.count("interruption") == len(spots)
    moved = order != sorted(order)
    assert kinds.count("reordering") in ((1, 2) if moved else (0,))
    assert set(kinds) <= {"interruption", "reordering"}, source.divergences


@pytest.mark.parametrize("first", range(1, 14))
def test_a_block_printed_twice_is_one_duplication(first: int, reference: Document) -> None:
    """One to four paragraphs printed again right after themselves, one paragraph later
    or three later: one duplication and nothing else, whatever the block's length and
    however its edges read alike (paragraphs opening "The Parties ..."). A block from
    paragraph 0 starts the text over and is a passage of its own (docs/locate.md)."""
    paragraphs = reference.text.split("\n\n")
    n = len(paragraphs)
    for end in range(first + 1, min(n, first + 4) + 1):
        for at in sorted({end, min(n, end + 1), min(n, end + 3)}):
            order = [*range(at), *range(first, end), *range(at, n)]
            text = "\n\n".join(paragraphs[k] for k in order)
            source = analyse(reference, [make_document(text)]).sources[0]
            got = [(d.kind.value, _words(d.reference_text)) for d in source.divergences]
            assert got == [("duplication", _words("\n\n".join(paragraphs[first:end])))], (
                first,
                end,
                at,
            )


@pytest.mark.parametrize("width", [55, 60])
@pytest.mark.parametrize(
    "opening",
    ["The Parties confirm that the DPRK", "The Parties confirm that the deployment", "5."],
)
@pytest.mark.parametrize("twice", [False, True])
def test_a_hard_wrapped_paragraph_moved_or_repeated_is_one_row(
    twice: bool, opening: str, width: int, reference: Document
) -> None:
    """A paragraph moved to the end of a copy (or printed again after itself), its lines
    wrapped mid-sentence as e-mail and PDF text wrap them: one reordering (or one
    duplication) of the whole paragraph, no line of it left over as foreign material
    (its last line, "mutual trust.", was an interruption; a line starting with a name,
    "Russia and China, and does nothing ...", or the first line of a numbered point,
    were split off as interruptions overlapping the reordering)."""
    paragraphs = reference.text.split("\n\n")
    k = next(i for i, p in enumerate(paragraphs) if p.startswith(opening))
    order = (
        [*range(k + 1), k, *range(k + 1, len(paragraphs))]
        if twice
        else [*range(k), *range(k + 1, len(paragraphs)), k]
    )
    wrapped = [textwrap.fill(paragraphs[i], width) for i in order]
    source = analyse(reference, [make_document("\n\n".join(wrapped))]).sources[0]
    rows = [d for d in source.divergences if d.kind is not Kind.WHITESPACE]
    want = Kind.DUPLICATION if twice else Kind.REORDERING
    assert [d.kind for d in rows] == [want]
    assert _words(rows[0].copy_text) == _words(paragraphs[k])


def _words(text: str) -> list[str]:
    return text.split()


def test_a_bilingual_page_is_one_copy_with_its_translation_as_interruptions(
    reference: Document,
) -> None:
    """An embassy's page giving each paragraph in English and then in Russian: one full
    copy; every Russian paragraph is foreign material (even around the five-word
    "The Parties propose the following:", which the diff's clean-up used to fold with
    both its neighbours into one material substitution)."""
    words = (
        "Стороны выражают серьезную озабоченность развитием ситуации вокруг Корейского "
        "полуострова и призывают все страны сохранять спокойствие и вести диалог без "
        "предварительных условий ради мира и стабильности в Северо-Восточной Азии"
    ).split()
    paragraphs = reference.text.split("\n\n")
    blocks = []
    for k, paragraph in enumerate(paragraphs):
        blocks += [paragraph, " ".join(words[k % 7 : k % 7 + 9]).capitalize() + "."]
    source = analyse(reference, [make_document("\n\n".join(blocks))]).sources[0]
    assert [p.kind.value for p in source.passages] == ["full"]
    kinds = [d.kind.value for d in source.divergences]
    assert set(kinds) == {"interruption"} and len(kinds) == len(paragraphs) - 1


def test_a_line_of_chinese_inside_a_copy_is_foreign_prose(reference: Document) -> None:
    """A Chinese sentence between two paragraphs ends as a sentence does (。), and reads as
    prose about something else, not as "lines that are not sentences"."""
    paragraphs = reference.text.split("\n\n")
    chinese = "双方对朝鲜半岛局势表示严重关切。"
    text = "\n\n".join([*paragraphs[:3], chinese, *paragraphs[3:]])
    [divergence] = analyse(reference, [make_document(text)]).sources[0].divergences
    assert divergence.kind.value == "interruption"
    assert divergence.note == "foreign material: prose about something else"


def test_furniture_cutting_sentences_before_short_words_is_interruptions(
    reference: Document,
) -> None:
    """Three boxes cutting sentences ("lasting|peace", "jointly|to create", "and its|
    build-up"), each on its own lines: three interruptions. The diff's clean-up merged
    the newsletter box with the short word after it into a material substitution of
    " to " (found by a sweep of random cuts)."""
    text, at = "", 0
    boxes = {
        "a lasting": "Advertisement",
        "and jointly": "Subscribe to our newsletter for daily updates",
        "Asia and its": "RELATED: Talks stall in New York",
    }
    for before, box in boxes.items():
        cut = reference.text.index(before) + len(before)
        text += reference.text[at:cut] + "\n" + box + "\n"
        at = cut
    text += reference.text[at:]
    kinds = [d.kind.value for d in analyse(reference, [make_document(text)]).sources[0].divergences]
    assert kinds == ["interruption"] * 3


_MARKERS = ("[1]", "[^1]", "¹", "*", "†", "[citation needed]", "[2][5]", " [3]", "<sup>1</sup>")
"""The footnote markers a page hangs on a word (docs/report-json.md, `footnote`), two in a
row, and a bracketed one after a space; the last is HTML's, which reads raised: "¹"."""


def _page(paragraphs: list[str], format: str) -> Document:
    """A page in `format` holding `paragraphs` between a line of its own before and after."""
    before, after = "The ministries released this on Tuesday.", "Comments are closed."
    if format == "html":
        blocks = "".join(f"<p>{p}</p>\n" for p in [before, *paragraphs, after])
        text, suffix = f"<html><body>\n{blocks}</body></html>", Format.HTML
    else:
        heading = "# A statement\n\n" if format == "markdown" else ""
        text = heading + "\n\n".join([before, *paragraphs, after]) + "\n"
        suffix = Format.MARKDOWN if format == "markdown" else Format.TEXT
    document = make_document(text, "page")
    if suffix is Format.TEXT:
        return document
    return replace(document, format=suffix, path=Path(f"page.{format.replace('markdown', 'md')}"))


@pytest.mark.parametrize("where", ["copy's end", "excerpt's end", "before a comma"])
@pytest.mark.parametrize(
    ("marker", "format"),
    [
        (marker, format)
        for marker in _MARKERS
        for format in ("text", "markdown", "html")
        if format != "text" or "<" not in marker  # markup is markup in HTML and Markdown
    ],
)
def test_a_marker_before_punctuation_is_one_footnote(
    where: str, marker: str, format: str, reference: Document
) -> None:
    """A footnote marker between a word and the punctuation after it ("Moscow[1].") is
    one minor `footnote` and the punctuation stays in the copy: at the end of a full copy
    (it was a material truncation of the last full stop), at the end of an excerpt (the
    excerpt ended before the marker), and before a comma inside a sentence."""
    paragraphs = reference.text.split("\n\n")
    last = paragraphs[-1]
    if where == "excerpt's end":
        sentence = paragraphs[11][: paragraphs[11].index("third parties.") + len("third parties")]
        copied, expected = (
            [sentence + marker + "."],
            (
                reference.text.index(sentence),
                reference.text.index(sentence) + len(sentence) + 1,
            ),
        )
    elif where == "copy's end":
        copied = [*paragraphs[:-1], last[: -len(".")] + marker + "."]
        expected = (0, len(reference.text))
    else:
        copied = [*paragraphs[:-1], last.replace("2017,", f"2017{marker},")]
        expected = (0, len(reference.text))
    source = analyse(reference, [_page(copied, format)]).sources[0]
    assert [(p.reference.start, p.reference.end) for p in source.passages] == [expected]
    shown = "¹" if marker == "<sup>1</sup>" else marker
    assert [(d.kind.value, str(d.severity), d.copy_text) for d in source.divergences] == [
        ("footnote", "minor", shown)
    ]


@pytest.mark.parametrize(
    ("suffix", "marker", "note"),
    [
        ("txt", "[1]", "[1] Joint Statement of the six-party talks, Beijing."),
        ("txt", "¹", "¹ Joint Statement of the six-party talks, Beijing."),
        ("md", "[^1]", "[^1]: Joint Statement of the six-party talks, Beijing."),
    ],
)
def test_a_marker_on_a_word_opening_a_line_is_the_marker_alone(
    reference: Document,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
    marker: str,
    note: str,
) -> None:
    """A hard-wrapped page whose line opens with the word a marker hangs on
    ("...September 19,\n2005[1], and ..."): the footnote row was "\n2005[1]" for " 2005",
    the line break and the word taken with the marker. The marker is the row, alone, as
    docs/report-json.md says, the word stays matched, and the line break is a row of its
    own, a cosmetic `whitespace` one, as at every other wrapped line (none in Markdown,
    which draws a line break inside a paragraph as a space)."""
    page = reference.text.replace("19, 2005, and", f"19,\n2005{marker}, and") + "\n\n" + note
    (tmp_path / "statement.txt").write_text(reference.text, encoding="utf-8")
    (tmp_path / f"page.{suffix}").write_text(page, encoding="utf-8")
    args = [str(tmp_path / "statement.txt"), str(tmp_path / f"page.{suffix}")]
    assert main(["report", "--reference", *args, "--format", "json"]) == 0
    [source] = json.loads(capsys.readouterr().out)["sources"]
    rows = [(d["kind"], d["severity"], d["text"], d["ref_text"]) for d in source["divergences"]]
    wrapped = [("whitespace", "cosmetic", "\n", " ")] if suffix == "txt" else []
    assert rows == [*wrapped, ("footnote", "minor", marker, "")]
    footnote = source["divergences"][-1]
    assert page[footnote["start"] : footnote["end"]] == marker


@pytest.mark.parametrize("format", ["text", "markdown"])
def test_a_note_mark_and_the_next_paragraph_s_number_are_two_marks(
    format: str, reference: Document
) -> None:
    """A page that marks each paragraph's end with a note and numbers the paragraphs
    itself ("...Council resolutions.[^2]\\n\\n(3) 2. The Parties express...") put both
    between the reference's paragraph break: the diff's clean-up made one replacement of
    the break by "[^2]\\n\\n(3) ", a material insertion at every paragraph. Each is its
    own minor mark: a footnote and the page's numbering."""
    paragraphs = reference.text.split("\n\n")
    marked = [f"({k}) {p}[^{k}]" for k, p in enumerate(paragraphs[:4], 1)]
    source = analyse(reference, [_page(marked, format)]).sources[0]
    kinds = [(d.kind.value, str(d.severity)) for d in source.divergences]
    # (the first number lies outside the located copy; the last mark, hung on its last
    # sentence, is inside it)
    assert kinds == [("footnote", "minor"), ("editorial", "minor")] * 3 + [("footnote", "minor")]


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_a_copy_cut_off_with_an_ellipsis_is_truncated(format: str, reference: Document) -> None:
    """A page copying the statement from its start that stops mid-sentence at an ellipsis
    ("... to facilitate the balanced removal…", then "Read the full statement") is cut
    off: the rest is a material truncation, though the copy is under the 95% of a full
    one. A copy running to the statement's end from mid-sentence after an ellipsis is cut
    off at its start."""
    paragraphs = reference.text.split("\n\n")
    last = " ".join(paragraphs[6].split()[:9])
    source = analyse(
        reference, [_page([*paragraphs[:6], last + "…", "Read the full statement"], format)]
    ).sources[0]
    assert [(d.kind.value, str(d.severity)) for d in source.divergences] == [
        ("truncation", "material")
    ]
    (truncation,) = source.divergences
    assert truncation.reference.end == len(reference.text)
    first = " ".join(paragraphs[9].split()[-8:])
    source = analyse(reference, [_page(["…" + first, *paragraphs[10:]], format)]).sources[0]
    assert [(d.kind.value, d.reference.start) for d in source.divergences] == [("truncation", 0)]


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
@pytest.mark.parametrize(
    "paywall",
    [
        "Subscribe to continue reading. Already a subscriber? Log in.",
        "The rest of this article is for subscribers only.",
        "To continue reading, sign in or start a free trial",
        "You've reached your limit of free articles. Sign in to keep reading.",
        "To read the rest of this piece, please subscribe.",
        # (audit v24: paywall boxes' own words)
        "Keep reading with a digital subscription",
        "Unlock the full story for just $1.",
        "Members only. Already a member? Log in",
    ],
)
def test_a_copy_stopping_at_a_paywall_is_truncated(
    format: str, paywall: str, reference: Document
) -> None:
    """A page copying the statement from its start that stops at a paragraph's end with a
    paywall's line after it is cut off by the site: the rest is a material truncation (it
    was an excerpt with nothing missing, as if the page had chosen those paragraphs). A
    "Continue reading: ..." box naming another story after the same paragraphs is no cut."""
    paragraphs = reference.text.split("\n\n")
    source = analyse(reference, [_page([*paragraphs[:6], paywall], format)]).sources[0]
    assert [(d.kind.value, str(d.severity)) for d in source.divergences] == [
        ("truncation", "material")
    ]
    assert source.divergences[0].reference.end == len(reference.text)
    box = "Continue reading: why Seoul doubts the freeze"
    source = analyse(reference, [_page([*paragraphs[:6], box], format)]).sources[0]
    assert "truncation" not in [d.kind.value for d in source.divergences]


@pytest.mark.parametrize("format", ["html", "markdown"])
@pytest.mark.parametrize("box", ['div class="paywall"', 'section id="paywall-prompt"'])
def test_a_copy_stopping_at_a_paywall_box_set_aside_as_furniture_is_truncated(
    format: str, box: str, reference: Document
) -> None:
    """The paywall's line in a box whose class names a paywall, which is set aside as page
    furniture: the line was never read, and the copy cut off there was an excerpt with
    nothing missing (audit l28). The box is read for the line it holds."""
    paragraphs = reference.text.split("\n\n")
    tag = box.split()[0]
    html = f"<{box}><p>Subscribe to continue reading</p></{tag}>"
    page = _page(paragraphs[:6], format)
    text = page.text.replace("Comments are closed.", html, 1)
    if format == "html":
        text = page.text.replace("<p>Comments are closed.</p>", html, 1)
    source = analyse(reference, [replace(page, text=text)]).sources[0]
    assert [(d.kind.value, str(d.severity)) for d in source.divergences] == [
        ("truncation", "material")
    ]


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
@pytest.mark.parametrize("last", ["14:15 More reaction shortly.", "More from the statement:"])
def test_a_live_blog_s_entries_between_parts_of_a_copy_are_interruptions(
    format: str, last: str, reference: Document
) -> None:
    """A live blog posting the statement in parts, its own timestamped entries between
    them ("14:10 Seoul's national security council meets on the situation."), or an entry
    and the line leading back into the text ("More from the statement:"): foreign material
    (minor), not a material insertion into the text, though the entries share the
    statement's words."""
    paragraphs = reference.text.split("\n\n")
    entries = [
        "14:10 Seoul's national security council meets to discuss the situation in the region.",
        last,
    ]
    source = analyse(reference, [_page([*paragraphs[:4], *entries, *paragraphs[4:]], format)])
    (passage,) = source.sources[0].passages
    assert (passage.reference.start, passage.reference.end) == (0, len(reference.text))
    rows = [d for d in source.sources[0].divergences if d.kind is not Kind.WHITESPACE]
    assert [(d.kind.value, str(d.severity)) for d in rows] == [("interruption", "minor")]
    assert "live blog" in rows[0].note or "line about the text" in rows[0].note


@pytest.mark.parametrize("format", ["text", "markdown"])
def test_a_number_dropped_where_paragraphs_are_joined_is_editorial(
    format: str, reference: Document
) -> None:
    """A copy running two numbered points into one paragraph, their numbers dropped
    ("... in the region. The Parties ..." for "... in the region.\\n\\n2. The Parties
    ..."): the number and the break are gone, no word; an editorial row (minor), as a
    number dropped at a line's start is, not a material omission."""
    paragraphs = reference.text.split("\n\n")
    second, third = paragraphs[2], paragraphs[3]
    assert second.startswith("2. ") and third[:1] == "3"
    joined = second + " " + third.split(".", 1)[1].lstrip()
    page = _page([*paragraphs[:2], joined, *paragraphs[4:]], format)
    source = analyse(reference, [page]).sources[0]
    rows = [d for d in source.divergences if d.kind is not Kind.WHITESPACE]
    assert [(d.kind.value, str(d.severity)) for d in rows] == [("editorial", "minor")]
    assert rows[0].reference_text.strip() == "3."


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_a_copy_missing_its_last_point_but_keeping_its_closing_line_is_one_copy(
    format: str, reference: Document
) -> None:
    """The statement from its start to point 5, then its closing line ("This statement was
    signed ..."), with nothing between: one copy missing point 6, a material omission. It
    was two excerpts and no row at all: point 6, longer than the words an omission may
    span, was lost without a word."""
    paragraphs = reference.text.split("\n\n")
    six = next(k for k, p in enumerate(paragraphs) if p.startswith("6."))
    source = analyse(reference, [_page([*paragraphs[:six], paragraphs[-1]], format)])
    (passage,) = source.sources[0].passages
    assert (passage.reference.start, passage.reference.end) == (0, len(reference.text))
    rows = [d for d in source.sources[0].divergences if d.kind is not Kind.WHITESPACE]
    assert [(d.kind.value, str(d.severity)) for d in rows] == [("omission", "material")]
    assert rows[0].reference_text.strip().startswith("6. The Parties confirm")


def test_a_table_s_header_row_before_a_number_cell_is_no_material_substitution(
    reference: Document,
) -> None:
    """The numbered points set in a Markdown table, a header row ("| No. | Text |") and a
    number cell without its full stop ("| 1 | The Parties ..."): the header is foreign
    lines (an interruption) and the cell a number written otherwise, none material. The
    diff made the header and the first cell one substitution for "1. ", material."""
    paragraphs = reference.text.split("\n\n")
    assert paragraphs[1].startswith("1. ") and paragraphs[2].startswith("2. ")
    rows = [f"| {p.split('.', 1)[0]} | {p.split('.', 1)[1].strip()} |" for p in paragraphs[1:3]]
    table = "\n".join(["| No. | Text |", "|---|---|", *rows])
    page = make_document("\n\n".join([paragraphs[0], table, *paragraphs[3:]]) + "\n", "page")
    page = replace(page, format=Format.MARKDOWN, path=Path("page.md"))
    source = analyse(reference, [page]).sources[0]
    material = [d for d in source.divergences if str(d.severity) == "material"]
    assert not material, material
    assert "interruption" in [d.kind.value for d in source.divergences]


@pytest.mark.parametrize("label", ["Part two:", "## Part two", "**Second half**"])
def test_a_list_numbered_again_after_a_label_is_no_material_substitution(
    reference: Document, label: str
) -> None:
    """A Markdown copy whose numbered points restart at "1." after a label of the page's
    ("Part two:", a heading): the label is the page's line, and the number a paragraph
    numbered otherwise, none material (audit l28). The label and the number were one
    material substitution for "4.", or the number alone one after a heading."""
    paragraphs = reference.text.split("\n\n")
    [four] = [k for k, p in enumerate(paragraphs) if p.startswith("4.")]
    restarted = "1. " + paragraphs[four].removeprefix("4.").lstrip()
    pieces = [*paragraphs[:four], label, restarted, *paragraphs[four + 1 :]]
    page = make_document("\n\n".join(pieces) + "\n", "page")
    page = replace(page, format=Format.MARKDOWN, path=Path("page.md"))
    source = analyse(reference, [page]).sources[0]
    rows = [(d.kind.value, str(d.severity), d.copy_text.strip()) for d in source.divergences]
    assert ("editorial", "minor", "1.") in rows
    assert not [row for row in rows if row[1] == "material"], rows


@pytest.mark.parametrize("label", ["[1]", "[004] 1.", "(1)"])
@pytest.mark.parametrize("format", ["text", "html"])
def test_a_point_lost_but_its_number_in_brackets_is_an_omission(
    reference: Document, label: str, format: str
) -> None:
    """A point's words lost in a PDF-to-HTML chain, its number kept in brackets ("[1]", a
    segment label "[004] 1."): the point is omitted (material) and the number the page's
    own. It was one minor editorial row, the bracket read as an editor's mark standing for
    the point's words (audit l29)."""
    paragraphs = reference.text.split("\n\n")
    [one] = [k for k, p in enumerate(paragraphs) if p.startswith("1. ")]
    source = analyse(reference, [_page([*paragraphs[:one], label, *paragraphs[one + 1 :]], format)])
    rows = [(d.kind.value, str(d.severity)) for d in source.sources[0].divergences]
    assert ("omission", "material") in rows, rows
    assert ("editorial", "minor") in rows, rows


def test_a_cut_is_truncation_only_where_the_page_marks_it(reference: Document) -> None:
    """An excerpt stopping mid-sentence with no ellipsis may be the page's choice, and a
    sentence quoted with an ellipsis is a quotation's cut: neither is a truncation."""
    paragraphs = reference.text.split("\n\n")
    last = " ".join(paragraphs[6].split()[:9])
    unmarked = analyse(reference, [_page([*paragraphs[:6], last], "text")]).sources[0]
    quoted_first = " ".join(paragraphs[0].split()[:14])
    quoted = analyse(
        reference, [_page([f"The statement opens: “{quoted_first}…”"], "text")]
    ).sources[0]
    for source in (unmarked, quoted):
        assert "truncation" not in [d.kind.value for d in source.divergences], source.divergences


@pytest.mark.parametrize("format", ["text", "html"])
def test_a_box_of_headlines_quoting_words_does_not_cut_a_copy(
    format: str, reference: Document
) -> None:
    """A "More on this story" box of short headlines between two copied paragraphs, one
    quoting a word ("Seoul calls drills 'routine'"), is the page's furniture: its marks
    open and close there, and close or open no quotation of the copy. It cut the copy in
    two excerpts (a single headline line was read so already; a box of several was not)."""
    paragraphs = reference.text.split("\n\n")
    box = [
        "More on this story",
        "Seoul calls drills 'routine' as tensions rise",
        'Analysts see "little new" in the Moscow text',
    ]
    page = _page([*paragraphs[:6], *box, *paragraphs[6:]], format)
    source = analyse(reference, [page]).sources[0]
    assert [(p.reference.start, p.reference.end) for p in source.passages] == [
        (0, len(reference.text))
    ]
    assert [(d.kind.value, str(d.severity)) for d in source.divergences] == [
        ("interruption", "cosmetic")
    ]


def test_capitals_before_left_out_paragraphs_are_emphasis_and_an_omission(
    reference: Document,
) -> None:
    """A paragraph's last words in capitals, the copy then leaving paragraphs out: the
    diff made one material substitution of the capitals by the words and the paragraphs
    left out, so neither the stress nor the omission was reported."""
    paragraphs = reference.text.split("\n\n")
    k = next(k for k, p in enumerate(paragraphs) if p.endswith("should be ruled out."))
    shouted = paragraphs[k].replace("should be ruled out.", "SHOULD BE RULED OUT.")
    source = analyse(reference, [_page([paragraphs[k - 1], shouted, paragraphs[k + 3]], "text")])
    rows = [
        (d.kind.value, d.copy_text or d.reference_text[:20]) for d in source.sources[0].divergences
    ]
    assert ("emphasis", "SHOULD BE RULED OUT") in rows, rows
    assert any(kind == "omission" for kind, _ in rows), rows
    assert "substitution" not in [kind for kind, _ in rows], rows


@pytest.mark.parametrize(
    ("label", "format"),
    [
        *[
            (label, format)
            for label in ("Point {n}", "Paragraph {n}:", "POINT {n} —", "Section {n}.", "ITEM {n}:")
            for format in ("text", "markdown", "html")
        ],
        ("**Point {n}.**", "markdown"),  # (stars are markup in Markdown only)
    ],
)
def test_a_point_labelled_by_name_is_numbered_otherwise(
    label: str, format: str, reference: Document
) -> None:
    """ "Point 2" (a <dt>, a bold label, a heading) for the statement's "2. ": a paragraph
    numbered otherwise, editorial, not a material substitution of words."""
    paragraphs = reference.text.split("\n\n")
    copied = []
    for paragraph in paragraphs[2:5]:
        number, dot, rest = paragraph.partition(".")
        if dot and number.strip().isdigit():
            paragraph = label.format(n=number.strip()) + " " + rest.lstrip()
        copied.append(paragraph)
    source = analyse(reference, [_page(copied, format)]).sources[0]
    assert source.passages
    assert not [d for d in source.divergences if d.severity is Severity.MATERIAL], [
        (d.kind.value, d.copy_text, d.reference_text) for d in source.divergences
    ]


@pytest.mark.parametrize(
    "damage",
    [
        ("\u2019", "=E2=80=99"),  # quoted-printable, as an e-mail saved raw writes it
        ("\u2019", "\u00e2\u20ac\u2122"),  # mojibake: UTF-8 bytes read as windows-1252
        ("\u201c", "=E2=80=9C"),
    ],
)
def test_encoding_debris_is_typography_not_a_change_of_words(
    damage: tuple[str, str], reference: Document
) -> None:
    """A copy whose curly marks arrive as "=E2=80=99" or "â€™": each was a material
    substitution ("=E2=80=99s" for "’s"); the character, damaged in transit, is a minor
    one, noted so, and a real change beside it stays material."""
    paragraphs = reference.text.split("\n\n")
    copied = [p.replace(*damage) for p in paragraphs[:4]]
    copied[1] = copied[1].replace("seriously worried", "deeply worried", 1)
    source = analyse(reference, [_page(copied, "text")]).sources[0]
    material = [d.copy_text for d in source.divergences if str(d.severity) == "material"]
    assert material == ["deeply"], material
    damaged = [d for d in source.divergences if d.note in (MOJIBAKE, QUOTED_PRINTABLE)]
    assert damaged and all(str(d.severity) == "minor" for d in damaged)


def test_a_quoted_printable_soft_break_inside_a_word_is_noted_as_its_escapes_are(
    reference: Document,
) -> None:
    """An e-mail saved raw breaks its lines inside words ("situ=\nation"): each break was
    "punctuation and the space after it differ", not the transfer encoding its "=E2=80=99"
    escapes are noted as (audit l27)."""
    paragraph = next(p for p in reference.text.split("\n\n") if "situation" in p)
    at = paragraph.index("situation") + len("situ")
    copied = paragraph[:at] + "=\n" + paragraph[at:]
    source = analyse(reference, [_page([copied], "text")]).sources[0]
    [row] = [d for d in source.divergences if "=" in d.copy_text]
    assert (row.note, str(row.severity)) == (QUOTED_PRINTABLE, "minor")


@pytest.mark.parametrize("cut", ["including Russia and Ch", "including Russia and China, "])
def test_a_copy_the_page_ends_with_mid_sentence_is_truncated(cut: str, reference: Document) -> None:
    """A copy from the statement's start to the page's end, cut mid-sentence or mid-word
    ("..., including Russia and Ch"), was a clean excerpt unless it covered nearly all of
    the statement: the rest lost went unreported."""
    text = reference.text
    page = "A scraped page.\n\n" + text[: text.index("including Russia and China")] + cut
    source = analyse(reference, [make_document(page)]).sources[0]
    truncations = [d for d in source.divergences if d.kind is Kind.TRUNCATION]
    assert len(truncations) == 1 and str(truncations[0].severity) == "material"
    assert truncations[0].reference.end == len(text)


def test_a_sentence_dropped_before_the_page_s_own_sentence_number_is_an_omission(
    reference: Document,
) -> None:
    """A page numbering the statement's sentences "(5) ... (6) ...", one sentence left out:
    the report said the copy put "(6)" for that sentence, a substitution; it is the
    sentence omitted and the page's number."""
    paragraph = next(p for p in reference.text.split("\n\n") if p.startswith("2. The Parties"))
    cut, resume = paragraph.index("Mounting political"), paragraph.index("The Parties oppose")
    first, dropped, last = paragraph[:cut], paragraph[cut:resume].strip(), paragraph[resume:]
    page = f"Numbered by us:\n\n(5) {first}(6) {last}\n"
    rows = analyse(reference, [make_document(page)]).sources[0].divergences
    kinds = [(d.kind.value, str(d.severity)) for d in rows if d.kind is not Kind.WHITESPACE]
    assert ("omission", "material") in kinds and ("substitution", "material") not in kinds, kinds
    [lost] = [d for d in rows if d.kind is Kind.OMISSION]
    assert lost.reference_text.strip() == dropped


@pytest.mark.parametrize(
    ("change", "retyped", "old", "new"),
    [
        # a paragraph's last words, a date inside a paragraph, a paragraph's first words
        ("signed on July 4, 2017", "signed on July\n14, 2017", "4", "14"),
        ("September 19, 2005", "September\n29, 2005", "19", "29"),
        ("The Russian Federation and", "Russia\nand", "The Russian Federation", "Russia"),
    ],
)
def test_words_changed_beside_a_hard_wrap_are_the_copy_s(
    change: str, retyped: str, old: str, new: str, reference: Document
) -> None:
    """A copy wrapped at a line's end (an e-mail, a PDF's text) with a word changed just
    after or before the wrap: "July\\n14, 2017, in Moscow." lost its last words to the
    passage's end (a material truncation of text the copy holds), "September\\n29" read
    "29" as a page number (cosmetic); each is the copy's word put for the statement's."""
    page = "Archive page\n\n" + reference.text.replace(change, retyped, 1) + "\n\nFooter\n"
    source = analyse(reference, [make_document(page)]).sources[0]
    [passage] = source.passages
    assert passage.reference == Span(0, len(reference.text))
    rows = [
        (d.kind, d.severity, d.copy_text.strip(), d.reference_text.strip())
        for d in source.divergences
    ]
    assert rows == [(Kind.SUBSTITUTION, Severity.MATERIAL, new, old)], rows


def test_a_page_number_on_a_line_of_its_own_inside_a_copy_stays_furniture(
    reference: Document,
) -> None:
    """The control: the number alone on its line, the copy's text on the lines around."""
    page = reference.text.replace("September 19, 2005,", "September 19,\n\n12\n\n2005,", 1)
    source = analyse(reference, [make_document(page)]).sources[0]
    assert [(d.kind, d.severity) for d in source.divergences if d.kind is not Kind.WHITESPACE] == [
        (Kind.INTERRUPTION, Severity.COSMETIC)
    ]


@pytest.mark.parametrize(
    ("words", "cut", "expected"),
    [
        ("should not inflict", "should ... inflict", ("omission", "material")),  # reversed
        ("separate states should", "separate ... should", ("editorial", "minor")),  # shortened
    ],
)
def test_an_ellipsis_standing_for_a_negation_is_an_omission(
    words: str, cut: str, expected: tuple[str, str], reference: Document
) -> None:
    """A copy's "should ... inflict damage" for "should not inflict damage": the cut was an
    editor's mark, minor, though the words kept say the opposite."""
    paragraph = next(p for p in reference.text.split("\n\n") if p.startswith("6. The Parties"))
    page = "Point 6, as posted:\n\n" + paragraph.replace(words, cut, 1) + "\n"
    source = analyse(reference, [make_document(page)]).sources[0]
    rows = [(d.kind.value, str(d.severity)) for d in source.divergences if "..." in d.copy_text]
    assert rows == [expected], rows


@pytest.mark.parametrize(
    "page",
    [
        "The situation in the region changes quickly. Trade between the two nations has"
        " grown, and the national interests of both countries are often debated.",
        "On the Korean Peninsula, the situation in the region changes quickly. The Korean"
        " Peninsula has been divided since 1945, and the national interests of both countries"
        " are often debated.",
    ],
)
def test_two_common_phrases_in_two_sentences_of_the_page_are_no_copy(
    page: str, reference: Document
) -> None:
    """ "the situation in the region" and "the national interests of both countries", one
    word apart in the statement, in two sentences of a page's own with ten words between:
    a scan listed the page as an excerpt (score 70), its own words a material substitution."""
    assert analyse(reference, [make_document(page)]).sources[0].passages == ()


def test_a_short_copy_of_two_of_the_statement_s_sentences_is_still_found(
    reference: Document,
) -> None:
    """The control: the page's sentence ends are the statement's own (a copy of 25 words
    across two of its sentences)."""
    start = reference.text.index("the situation on the Korean Peninsula and around it.")
    end = reference.text.index("an armed conflict", start) + len("an armed conflict")
    two = reference.text[start:end]
    page = f"It spoke of “{two}”, a line that worried Seoul."
    source = analyse(reference, [make_document(page)]).sources[0]
    assert [p.reference.of(reference.text) for p in source.passages] == [two]


def test_a_footnote_number_glued_to_a_sentence_s_end_is_a_footnote(reference: Document) -> None:
    """A PDF's text keeps its footnote numbers in line ("Northeast Asia.1 In the spirit",
    "2005,3 and"): each a footnote row, minor, not an inserted word (they were taken for
    page numbers by a rule that now wants a page number on a line of its own)."""
    text = reference.text.replace("Northeast Asia. In", "Northeast Asia.1 In", 1)
    text = text.replace("September 19, 2005, and", "September 19, 2005,3 and", 1)
    source = analyse(reference, [make_document(text + "\n\n1 A note.\n3 Another.\n")]).sources[0]
    rows = [(d.kind, d.severity, d.copy_text) for d in source.divergences]
    assert rows == [(Kind.FOOTNOTE, Severity.MINOR, "1"), (Kind.FOOTNOTE, Severity.MINOR, "3")]


@pytest.mark.parametrize("label", ["(a) ", "a) ", "A. ", "\u2022 ", "- "])
def test_a_letter_or_a_bullet_put_for_a_paragraph_s_number_is_numbering(
    label: str, reference: Document
) -> None:
    """A copier lettering or bulleting the points ("(a) The Parties", "• The Parties") for
    "1.": the number was a material omission (or "A" a material substitution for "1"),
    worse than dropping it, which was editorial."""
    paragraphs = reference.text.split("\n\n")
    k = next(k for k, p in enumerate(paragraphs) if p.startswith("1. "))
    copied = [*paragraphs[k - 1 : k], label + paragraphs[k][3:], paragraphs[k + 1]]
    source = analyse(reference, [_page(copied, "text")]).sources[0]
    rows = [(d.kind.value, str(d.severity)) for d in source.divergences]
    assert rows and all(row == ("editorial", "minor") for row in rows), rows


def test_fullwidth_letters_are_typography(reference: Document) -> None:
    """ "(ＤＰＲＫ)" and "２０１７" (fullwidth forms, as East Asian input methods type them)
    were material substitutions of different words; a changed letter beside them is one."""
    paragraph = next(p for p in reference.text.split("\n\n") if p.startswith("1. "))
    copied = paragraph.replace("(DPRK)", "(\uff24\uff30\uff32\uff2b)").replace(
        "July 4, 2017", "July 4, \uff12\uff10\uff11\uff17"
    )
    source = analyse(reference, [_page([copied], "text")]).sources[0]
    rows = [(d.kind.value, str(d.severity)) for d in source.divergences]
    assert rows == [("typography", "cosmetic")] * 2, rows


def test_a_short_paragraph_moved_out_above_the_copy_is_moved_not_lost(
    reference: Document,
) -> None:
    """ "The Parties propose the following:" (five words, too short to be a passage of its
    own) printed above the copy's first line: it was a material omission of text the page
    holds."""
    paragraphs = reference.text.split("\n\n")
    short = next(p for p in paragraphs if p == "The Parties propose the following:")
    rest = [p for p in paragraphs if p != short]
    page = "\n\n".join(["Published today by the ministry.", short, *rest]) + "\n"
    source = analyse(reference, [make_document(page)]).sources[0]
    rows = [(d.kind, d.copy_text) for d in source.divergences]
    assert rows == [(Kind.REORDERING, short)], rows


@pytest.mark.parametrize("form", ["markdown", "html"])
def test_a_block_quoted_copy_going_on_after_a_comment_is_not_truncated(
    form: str, reference: Document
) -> None:
    """Block quotations with the page's comment before the statement's last line: `locate`
    keeps the two blocks apart, and the first, nearly the whole text, was reported cut off
    before the line the page prints just after the comment."""
    paragraphs = reference.text.split("\n\n")
    body, last = paragraphs[:-1], paragraphs[-1]
    if form == "markdown":
        block = "\n>\n".join(f"> {p}" for p in body)
        page = f"Intro.\n\n{block}\n\nCommentary: this is the longest point.\n\n> {last}\n\nEnd.\n"
        document = replace(make_document(page), format=Format.MARKDOWN)
    else:
        block = "".join(f"<p>{p}</p>" for p in body)
        page = (
            f"<html><body><p>Intro.</p><blockquote>{block}</blockquote>"
            f"<p>Commentary: this is the longest point.</p><blockquote><p>{last}</p>"
            "</blockquote><p>End.</p></body></html>"
        )
        document = replace(make_document(page), format=Format.HTML)
    source = analyse(reference, [document]).sources[0]
    assert len(source.passages) == 2
    assert [d for d in source.divergences if d.kind is Kind.TRUNCATION] == []


def test_a_note_put_into_a_moved_point_is_the_note_alone(reference: Document) -> None:
    """Points 1 and 2 swapped, a "[Note: ...]" put into point 1: the move, and the whole
    point also a material insertion (the note never reported); the move and the note."""
    paragraphs = reference.text.split("\n\n")
    one = next(k for k, p in enumerate(paragraphs) if p.startswith("1. "))
    note = "[Note: North Korea said the missile flew for 39 minutes.]"
    paragraphs[one] = paragraphs[one].replace("launch and", f"launch {note} and", 1)
    paragraphs[one], paragraphs[one + 1] = paragraphs[one + 1], paragraphs[one]
    source = analyse(reference, [make_document("\n\n".join(paragraphs) + "\n")]).sources[0]
    rows = [(d.kind, d.severity) for d in source.divergences]
    assert sorted(rows) == [
        (Kind.EDITORIAL, Severity.MINOR),
        (Kind.REORDERING, Severity.MINOR),
    ], rows
    assert [d.copy_text.strip() for d in source.divergences if d.kind is Kind.EDITORIAL] == [note]


def test_a_changed_last_word_after_a_wrap_at_the_copy_s_end_is_the_copy_s(
    reference: Document,
) -> None:
    """ "This statement was signed on July 4, 2017, in\\nBeijing." ending a copy: the
    passage stopped before the wrap and the changed place went unreported."""
    page = "Posted:\n\n" + reference.text.replace("in Moscow.", "in\nBeijing.") + "\n\nEnd.\n"
    source = analyse(reference, [make_document(page)]).sources[0]
    rows = [(d.kind, d.copy_text.strip(), d.reference_text.strip()) for d in source.divergences]
    assert (Kind.SUBSTITUTION, "Beijing", "Moscow") in rows, rows


def test_a_short_paragraph_moved_out_below_the_copy_is_read_where_it_stands(
    reference: Document,
) -> None:
    """The same short paragraph printed after the copy, the page's own line before it:
    the move pointed at the page's words ("r correspondent reviews the July 2")."""
    paragraphs = reference.text.split("\n\n")
    short = "The Parties propose the following:"
    k = paragraphs.index(short)
    copied = [p for p in paragraphs[k - 1 : k + 3] if p != short]
    page = "\n\n".join(
        ["Our correspondent reviews the July 2017 statement.", *copied, short, "End."]
    )
    source = analyse(reference, [make_document(page + "\n")]).sources[0]
    moved = [d for d in source.divergences if d.kind is Kind.REORDERING]
    assert [d.copy_text for d in moved] == [short], [d.copy_text for d in moved]


@pytest.mark.parametrize(
    "line",
    [
        "Joint statement of the Russian Federation and the People's Republic of China on the"
        " current world situation and major international relations, 4 July 2017",
        "Read also: a statement of the Russian Federation and the People’s Republic of China on"
        " the strengthening of global strategic stability.",
        # the run's words counted in the reference's, not the page's (13 for 10)
        "Agreement between the Government of the Russian Federation and the Government of the"
        " People's Republic of China on the prevention of dangerous military activities.",
        # ... and a page's words inside the run, not only at its edges
        "Further reading: Memorandum between the Ministry of Foreign Affairs of the Russian"
        " Federation and the Ministry of Foreign Affairs of the People's Republic of China on"
        " consultations, signed in 2017.",
    ],
)
def test_another_documents_title_sharing_the_statements_opening_is_no_copy(
    line: str, reference: Document
) -> None:
    """Ten words of the statement's opening ("the Russian Federation and the People's
    Republic of China") in another document's title, then its own "on the": the run took
    "on the" in for "are the" and reached the fewest words of an excerpt (a material
    substitution in a page holding no copy, a scan's false hit)."""
    page = _page([line, "Nothing else on this page quotes the statement."], "text")
    assert analyse(reference, [page]).sources[0].passages == ()
