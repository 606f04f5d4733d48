"""moves.furniture.interruption: which inserted text is foreign material, and how serious it is."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest
from conftest import make_document

from provenance.analyse import analyse
from provenance.cli import main
from provenance.model import Document, Format, Kind, Severity, Span
from provenance.moves.furniture import interruption

VOCABULARY = frozenset({"parties", "consultations", "situation", "northeast", "asia", "korean"})


def _verdict(before: str, inserted: str, after: str) -> Severity | None:
    text = before + inserted + after
    found = interruption(
        text,
        Span(len(before), len(before) + len(inserted)),
        frozenset({"Weekly notes of the study group"}),
        VOCABULARY,
    )
    return None if found is None else found[0]


@pytest.mark.parametrize(
    ("inserted", "expected"),
    [
        ("\n\f\n7\n\n", Severity.COSMETIC),  # form feed and page number
        ("\n\nPage 7 of 12\n\n", Severity.COSMETIC),
        ("\n\n- 7 -\n\n", Severity.COSMETIC),
        ("\n\nWeekly notes of the study group\n\n", Severity.COSMETIC),  # repeated header
        ("\n\nRead more: Talks stall again\nWhy it matters\n\n", Severity.COSMETIC),
        ("\n\nADVERTISEMENT\n\n", Severity.COSMETIC),
        ("\n\nPhoto: the ministers before their talks.\n\n", Severity.MINOR),
        ("\n\nTalks stall again\nWhy it matters\n\n", Severity.MINOR),  # not sentences
        ("\n\nThe tram line will open to passengers in the autumn.\n\n", Severity.MINOR),
        ("\n\nThe Parties will hold consultations on the situation in Northeast Asia.\n\n", None),
        (" The Parties believe the tram will open in autumn.", None),  # inline: an insertion
    ],
)
def test_interruption_between_sentences(inserted: str, expected: Severity | None) -> None:
    assert _verdict("The Parties state the following.", inserted, "Russia and China agree.") is (
        expected
    )


def test_material_cutting_a_sentence_is_foreign() -> None:
    verdict = _verdict(
        "The Parties state", "\n\nThe tram line opens in autumn.\n\n", "the following."
    )
    assert verdict is Severity.MINOR


def test_a_sentence_with_no_line_of_its_own_is_an_insertion() -> None:
    assert _verdict("The Parties state", " and firmly repeat", " the following.") is None


_COMMENTARY = [
    "The opening frames the whole document as a matter of proximity, and of nothing else.",
    "A call for backing at the Security Council, where both countries hold a veto.",
    "The phrase about justified concerns is new for China in a written document.",
    "THAAD is named explicitly, the first time the two countries have done so together.",
]


def test_a_commented_copy_s_paragraphs_of_commentary_are_interruptions(reference: Document) -> None:
    """A copy with the page's own paragraph after each of several of its paragraphs,
    repeating the statement's words as commentary does: each paragraph an interruption,
    not a material insertion (audit r58: five were). Paragraphs in the authors' voice
    ("The Parties ...", "Both countries ...") are words put into the statement, however
    many: still insertions."""
    paragraphs = reference.text.split("\n\n")

    def rows(inserted: list[str]) -> list[tuple[str, str]]:
        page = [*paragraphs]
        for k, line in zip((12, 9, 6, 3), inserted, strict=True):
            page.insert(k, line)
        analysed = analyse(reference, [make_document("\n\n".join(page))]).sources[0]
        return [(d.kind.value, str(d.severity)) for d in analysed.divergences]

    assert rows(_COMMENTARY) == [("interruption", "minor")] * 4
    voiced = [
        "Both countries reserve the right to respond with force to any attack on the DPRK.",
        "The Parties will veto any new sanctions resolution in the Security Council.",
        "The two sides confirm that nuclear tests must be met with collective measures.",
        "The Parties demand that the United States withdraw its forces from the region.",
    ]
    assert rows(voiced) == [("insertion", "material")] * 4


@pytest.mark.parametrize(
    ("line", "kind", "severity"),
    [
        ("The rest of the statement follows.", "interruption", "minor"),
        (
            "17:31\n\nThe ministries have just published their joint statement. The first part:",
            "interruption",
            "minor",
        ),
        ("The full text continues below.", "interruption", "minor"),
        # a note of the page's own between the paragraphs, whatever words it repeats
        (
            "Our note: the phrase about extra-regional forces is widely understood as a "
            "reference to American bases.",
            "interruption",
            "minor",
        ),
        ("Editor's note — the build-up it opposes is the American one.", "interruption", "minor"),
        # (audit r58: each paragraph of the statement followed by the page's reading of it)
        (
            "Our reading: a call for backing at the Security Council, where both countries "
            "hold a veto.",
            "interruption",
            "minor",
        ),
        (
            "Context: the 2005 joint statement came out of the six-party talks.",
            "interruption",
            "minor",
        ),
        # a pull quote: a person's words in marks, and who said them
        (
            "\u201cWe will not accept a nuclear North Korea on our border,\u201d a senior "
            "Chinese diplomat told us.",
            "interruption",
            "minor",
        ),
        (
            '> "Dialogue is the only road for the peninsula." \u2014 Igor Morgulov',
            "interruption",
            "minor",
        ),
        # French marks, spaced inside
        (
            "\u00ab Talks first, always \u00bb, said a Kremlin aide on the sidelines.",
            "interruption",
            "minor",
        ),
        # the authors' words invented in marks are still an insertion into the statement
        (
            "\u201cWe support the launch of the missile,\u201d the Parties said.",
            "insertion",
            "material",
        ),
        # The authors' own voice, invented: still an insertion into the statement.
        (
            "The Parties published this statement to warn the United States.",
            "insertion",
            "material",
        ),
    ],
)
def test_the_pages_own_line_about_the_text_inside_a_copy_is_an_interruption(
    reference: Document, line: str, kind: str, severity: str
) -> None:
    """A line of the page between two paragraphs of the copy that speaks about the text
    it carries is the page's framing, not words added to the statement (before, one
    naming the statement was a material insertion: it shares the statement's words)."""
    paragraphs = reference.text.split("\n\n")
    capture = make_document("\n\n".join([*paragraphs[11:13], line, *paragraphs[13:]]))
    analysed = analyse(reference, [capture]).sources[0]
    assert len(analysed.passages) == 1
    assert [(d.kind.value, str(d.severity)) for d in analysed.divergences] == [(kind, severity)]


@pytest.mark.parametrize(
    ("phrase", "reordered", "moved"),
    [
        # a phrase moved inside the statement's last line
        (
            "This statement was signed on July 4, 2017, in Moscow.",
            "This statement was signed in Moscow on July 4, 2017.",
            "in Moscow",
        ),
        # a clause moved before the verb it followed
        (
            "Russia and China will closely coordinate their efforts in order to promote",
            "Russia and China will, in order to promote, closely coordinate their efforts",
            "in order to promote",
        ),
        # two words swapped
        (
            "extra-regional forces in Northeast Asia",
            "extra-regional forces in Asia Northeast",
            "Asia",
        ),
    ],
)
def test_words_moved_inside_a_sentence_are_one_reordering(
    reference: Document, phrase: str, reordered: str, moved: str
) -> None:
    """The same words in another order inside one sentence are a reordering, not an
    insertion and an omission, nor a substitution of the stretch by itself."""
    assert phrase in reference.text
    copy = make_document(reference.text.replace(phrase, reordered, 1), "copy")
    found = analyse(reference, [copy]).sources[0].divergences
    assert [d.kind.value for d in found] == ["reordering"]
    assert moved in found[0].copy_text


@pytest.mark.parametrize(
    ("phrase", "stuttered", "repeated"),
    [
        ("to the Korean Peninsula", "to the the Korean Peninsula", "the"),
        ("in Northeast Asia", "in Northeast Northeast Asia", "Northeast"),
        (
            "closely coordinate their efforts",
            "closely coordinate coordinate their efforts",
            "coordinate",
        ),
        ("military means", "military means military means", "military means"),
    ],
)
def test_words_said_twice_running_are_a_minor_duplication(
    reference: Document, phrase: str, stuttered: str, repeated: str
) -> None:
    """A word or two a copy says twice running is a slip: a duplication of the words
    beside it, minor, not an insertion that may change what the text says."""
    assert phrase in reference.text
    copy = make_document(reference.text.replace(phrase, stuttered, 1), "copy")
    [found] = analyse(reference, [copy]).sources[0].divergences
    assert (found.kind.value, found.severity) == ("duplication", Severity.MINOR)
    assert found.copy_text.strip() == repeated
    assert found.reference.of(reference.text) == repeated


def test_a_word_added_that_the_copy_does_not_say_beside_it_is_an_insertion(
    reference: Document,
) -> None:
    copy = make_document(
        reference.text.replace(
            "their efforts in order", "their efforts efforts in order", 1
        ).replace("closely coordinate", "closely and coordinate", 1),
        "copy",
    )
    kinds = [d.kind.value for d in analyse(reference, [copy]).sources[0].divergences]
    assert sorted(kinds) == ["duplication", "insertion"]


def test_other_words_in_the_same_place_are_no_reordering(reference: Document) -> None:
    """A substitution that shares words but not all of them stays a substitution."""
    copy = make_document(
        reference.text.replace(
            "closely coordinate their efforts", "coordinate their efforts loosely", 1
        ),
        "copy",
    )
    found = analyse(reference, [copy]).sources[0].divergences
    assert "reordering" not in [d.kind.value for d in found]


@pytest.mark.parametrize(
    ("change", "severity"),
    [
        (("should be respected", "must be respected"), Severity.MATERIAL),
        (("justified concerns", "legitimate concerns"), Severity.MATERIAL),
        (("the DPRK\u2019s", "the DPRK's"), Severity.MINOR),  # only typography differs
    ],
)
def test_a_paragraph_printed_again_with_a_change_is_a_duplication(
    reference: Document, change: tuple[str, str], severity: Severity
) -> None:
    """A paragraph printed twice, the second time with a word changed, was one long
    insertion of "words the reference does not have" (or a move of the unchanged one),
    hiding the one word changed. One printing is the text, the other a duplication, and
    the change is named: in the duplication's note (material) when the repeat holds it,
    else as its own row where the text holds it."""
    paragraphs = reference.text.split("\n\n")
    k = next(i for i, p in enumerate(paragraphs) if change[0] in p)
    again = paragraphs[k].replace(*change)
    copy = make_document("\n\n".join([*paragraphs[: k + 1], again, *paragraphs[k + 1 :]]))
    rows = analyse(reference, [copy]).sources[0].divergences
    assert not [d for d in rows if d.kind.value in ("reordering", "insertion", "omission")]
    [repeat] = [d for d in rows if d.kind.value == "duplication"]
    assert repeat.copy_text.strip() in (again, paragraphs[k])
    worst = max(d.severity for d in rows)
    assert worst is severity
    if severity is Severity.MATERIAL:
        said, ours = change[0].split()[0], change[1].split()[0]
        named = [d for d in rows if ours in d.note or ours in d.copy_text]
        assert named and any(said in d.note or said in d.reference_text for d in named)


@pytest.mark.parametrize(
    "caption",
    [
        "[Image: the two foreign ministers shake hands in Moscow. Photo: pool]",
        "[Photo: Lavrov and Wang Yi at the Kremlin on Tuesday]",
    ],
)
def test_a_caption_in_square_brackets_on_its_own_line_is_an_interruption(
    reference: Document, caption: str
) -> None:
    """A bracket of the copier's own is an editorial gloss on the statement's words; one
    on a line of its own that reads as a caption is a picture's caption (before,
    'editorial': an editor glossing the text, which is not what happened)."""
    paragraphs = reference.text.split("\n\n")
    capture = make_document("\n\n".join([*paragraphs[:3], caption, *paragraphs[3:]]))
    [result] = analyse(reference, [capture]).sources
    [found] = [d for d in result.divergences if d.kind.value != "whitespace"]
    assert (found.kind.value, found.severity) == ("interruption", Severity.MINOR)
    assert found.copy_text.strip() == caption


@pytest.mark.parametrize(
    "caption",
    [
        "[Picture: the two delegations at the ministry in Moscow. Credit: pool photographer]",
        "[Pic: delegates arriving at the ministry]",
    ],
)
def test_a_caption_in_square_brackets_cutting_a_sentence_is_an_interruption(
    reference: Document, caption: str
) -> None:
    """A picture's caption in brackets set on its own lines inside a sentence of the copy
    (a page laid out around the picture) is a caption too; it was an editorial row, as
    if an editor had glossed the statement's words."""
    text = reference.text
    cut = text.index(" in Northeast Asia and its build-up")
    capture = make_document(text[:cut] + "\n\n" + caption + "\n\n" + text[cut + 1 :])
    [result] = analyse(reference, [capture]).sources
    [found] = [d for d in result.divergences if d.kind.value != "whitespace"]
    assert (found.kind.value, found.severity) == ("interruption", Severity.MINOR)
    assert found.copy_text.strip() == caption


def test_a_figcaption_inside_a_copy_is_an_interruption(reference: Document) -> None:
    """A <figcaption> between two paragraphs of a copy was a material insertion, where the
    same caption in text or Markdown, starting "Photo:", is a minor interruption."""
    paragraphs = reference.text.split("\n\n")
    figure = (
        '<figure><img src="m.jpg" alt=""><figcaption>The two ministers met for three hours '
        "in the Russian capital on Tuesday.</figcaption></figure>"
    )
    body = [f"<p>{p}</p>" for p in paragraphs]
    page = "<html><body>" + "\n".join([*body[:2], figure, *body[2:]]) + "</body></html>"
    capture = make_document(page, id="fig")
    capture = Document(capture.id, capture.path.with_suffix(".html"), capture.sha256,
                       capture.size, capture.text, format=Format.HTML)  # fmt: skip
    [result] = analyse(reference, [capture]).sources
    [found] = [d for d in result.divergences if d.kind.value != "whitespace"]
    assert (found.kind.value, found.severity) == ("interruption", Severity.MINOR)
    assert "caption" in found.note


@pytest.mark.parametrize("destination", ["end", "start"])
def test_a_change_inside_moved_text_is_reported_as_well_as_the_move(
    reference: Document, destination: str
) -> None:
    """A block of paragraphs moved (to the end, to the start) with words dropped inside it
    was one reordering: the move forgives a few changed words when it pairs the two
    places, and the dropped words went unreported. They are an omission too now, read
    where the copy has the block."""
    paragraphs = reference.text.split("\n\n")
    k = next(i for i, p in enumerate(paragraphs) if ", peaceful coexistence" in p)
    block = [paragraphs[k - 1], paragraphs[k].replace(", peaceful coexistence", "", 1)]
    rest = paragraphs[: k - 1] + paragraphs[k + 1 :]
    moved = rest + block if destination == "end" else block + rest
    copy = make_document("\n\n".join(moved), "moved")
    rows = analyse(reference, [copy]).sources[0].divergences
    assert "reordering" in [d.kind.value for d in rows]
    [lost] = [d for d in rows if d.kind.value == "omission"]
    assert lost.reference_text == ", peaceful coexistence"
    assert lost.severity is Severity.MATERIAL
    assert copy.text[lost.copy.start - 30 : lost.copy.start].endswith("renunciation of aggression")


@pytest.mark.parametrize(
    ("lines", "kind", "severity"),
    [
        (
            "Then the next paragraph, the one people call a threat to the region:\n\nQuote:",
            "interruption",
            "minor",
        ),
        (
            "Quote:\n\nthen the next paragraph, the one people call a threat to the region:",
            "interruption",
            "minor",
        ),
        # The authors' own voice, invented, then the label: still an insertion.
        ("The Parties then agreed on the following:\n\nQuote:", "insertion", "material"),
    ],
)
def test_the_pages_line_then_a_forum_quote_label_is_one_interruption(
    reference: Document,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lines: str,
    kind: str,
    severity: str,
) -> None:
    """A forum post quoting two paragraphs, the poster's line introducing the second and
    the forum's "Quote:" label before it: each line ends in a colon and introduces what
    follows, as one such line alone does. Each alone was an interruption; the two together
    were a material insertion (the line shares enough of the statement's words not to be
    "prose about something else", and only a bracketed note could stand before the line
    introducing the next paragraph)."""
    paragraphs = reference.text.split("\n\n")
    post = "\n\n".join(["Posted by a reader", paragraphs[-3], lines, paragraphs[-2], "Thoughts?"])
    source = _reported(reference, post, tmp_path, capsys)
    assert len(source["passages"]) == 1
    assert [(d["kind"], d["severity"]) for d in source["divergences"]] == [(kind, severity)]
    assert source["divergences"][0]["text"].strip() == lines


@pytest.mark.parametrize(
    ("lead", "kind", "severity"),
    [
        # the page's paragraph, then its sentence running on into the copy's next paragraph
        (
            "Nobody in Tokyo expected this tone. The ministers met for three hours.\n\n"
            "The last point goes further. ",
            "interruption",
            "minor",
        ),
        # a sentence in the authors' voice, faked, running on into the copy: an insertion
        (
            "The Parties also demand the immediate lifting of the deployment process.\n\n"
            "The Parties stress this. ",
            "insertion",
            "material",
        ),
    ],
)
def test_the_pages_paragraph_running_on_into_the_copy_is_an_interruption(
    reference: Document,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lead: str,
    kind: str,
    severity: str,
) -> None:
    """Two neighbouring paragraphs of the statement with the page's commentary between,
    whose last sentence runs on into the second ("The last point goes further. Russia and
    China are against ..."): one copy, interrupted by the page's own prose. The commentary
    did not end on a line of its own, so it was a material insertion into the statement."""
    paragraphs = reference.text.split("\n\n")
    page = "\n\n".join(["Commentary", paragraphs[-3], lead + paragraphs[-2], "Thoughts?"])
    source = _reported(reference, page, tmp_path, capsys)
    assert len(source["passages"]) == 1
    assert [(d["kind"], d["severity"]) for d in source["divergences"]] == [(kind, severity)]


def _reported(
    reference: Document, page: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, Any]:
    """The JSON report's source for `page`, run as a user runs it (exit 0)."""
    (tmp_path / "statement.txt").write_text(reference.text, encoding="utf-8")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    args = [str(tmp_path / "statement.txt"), str(tmp_path / "page.txt")]
    assert main(["report", "--reference", *args, "--format", "json"]) == 0
    [source] = json.loads(capsys.readouterr().out)["sources"]
    return cast(dict[str, Any], source)


@pytest.mark.parametrize("order", [("2", "1", "3"), ("1", "3", "2")])
def test_markdown_points_in_another_order_keep_the_numbers_the_page_writes(
    reference: Document, order: tuple[str, str, str]
) -> None:
    """A Markdown list whose points are put in another order is read with the numbers
    it writes, not counted over as a renderer draws them ("2.", "3.", "4."): the points
    are moved, numbers and all, and every row's words are the page's at its span."""
    points = {
        p.split(".", 1)[0]: p for p in reference.text.split("\n\n") if p[:2] in ("1.", "2.", "3.")
    }
    page = "# Notes\n\n" + "\n\n".join(points[n] for n in order) + "\n"
    copy = replace(make_document(page, "copy"), path=Path("copy.md"), format=Format.MARKDOWN)
    found = analyse(reference, [copy]).sources[0].divergences
    assert [d.kind.value for d in found if d.severity is not Severity.COSMETIC] == ["reordering"]
    for d in found:
        shown = " ".join(d.copy_text.split())
        assert shown == " ".join(d.copy.of(page).split())


@pytest.mark.parametrize(
    ("between", "kind"),
    [
        ("\n\n- 7 -\n\f\nJoint Statement, 4 July 2017\n\n", "interruption"),
        ("\n\nPage 3 of 5\n\n", "interruption"),
        ("\n\f\n", "whitespace"),
    ],
)
def test_a_page_break_inside_a_word_hyphenated_at_the_pages_end_is_cosmetic(
    reference: Document, between: str, kind: str
) -> None:
    """A PDF's text breaks "non-prolif-" at the page's end, prints the page number and the
    running header, and goes on with "eration": the page's furniture, not a changed word."""
    assert "non-proliferation" in reference.text
    copy = make_document(
        reference.text.replace("non-proliferation", f"non-prolif-{between}eration", 1)
    )
    [found] = analyse(reference, [copy]).sources[0].divergences
    assert (found.kind.value, found.severity) == (kind, Severity.COSMETIC)
    assert "non-proliferation".endswith(found.reference.of(reference.text))


def test_a_page_of_shuffled_copies_lists_each_move_once(reference: Document) -> None:
    """The statement's paragraphs printed again and again in shuffled orders: a paragraph
    moved between passages was paired as a move from each side, and the same reordering
    listed up to nine times."""
    paragraphs = reference.text.split("\n\n")
    order = [2, 9, 13, 12, 12, 1, 4, 1, 7, 12, 7, 7, 10, 6, 12, 3, 1, 7, 0, 14, 13, 6, 6, 9]
    order += [12, 12, 0, 11, 7, 4, 11, 12, 3, 9, 1, 14, 5, 0, 0, 0, 10, 8, 0, 14, 6]
    page = "\n\n".join(paragraphs[k] for k in order)
    found = analyse(reference, [make_document(page + "\n", "shuffled")]).sources[0].divergences
    rows = [(d.kind, d.copy, d.reference) for d in found]
    assert len(rows) == len(set(rows))


def test_a_cookie_banner_and_its_button_inside_a_copy_are_interruptions(
    reference: Document,
) -> None:
    """A cookie banner copied with the page's text, between two sentences, was a material
    insertion, and its "[Manage settings]" button an editor's bracket."""
    text = reference.text
    cut = text.index(" In the spirit of strategic cooperation")
    banner = "We use cookies to make this site work. See our Cookie Policy. [Accept] [Preferences]"
    capture = make_document(text[:cut] + "\n\n" + banner + "\n\n" + text[cut + 1 :])
    [result] = analyse(reference, [capture]).sources
    rows = [(d.kind.value, str(d.severity)) for d in result.divergences]
    assert rows and all(row == ("interruption", "cosmetic") for row in rows), rows


def test_a_pull_quotes_credit_on_its_line_is_an_interruption(reference: Document) -> None:
    """A pull quote repeating the statement, its credit after the closing mark on the same
    line: the credit was a material insertion into the copy."""
    paragraphs = reference.text.split("\n\n")
    quote = "\u201cAny possibility of using military means to solve the problems of the Korean"
    quote += " Peninsula should be ruled out.\u201d \u2014 the two foreign ministries"
    capture = make_document("\n\n".join([*paragraphs[:4], quote, *paragraphs[4:]]))
    [result] = analyse(reference, [capture]).sources
    rows = {(d.kind.value, str(d.severity)) for d in result.divergences}
    assert rows == {("duplication", "minor"), ("interruption", "minor")}, rows


def test_a_numbered_point_moved_with_its_number_is_a_minor_reordering(
    reference: Document,
) -> None:
    """Point 5 printed before point 3, its "5." kept: the numbers show the reader the
    order changed and no word changed, a minor reordering; the THAAD paragraph, which has
    no number, moved before point 1 stays material."""
    paragraphs = reference.text.split("\n\n")
    five = next(k for k, p in enumerate(paragraphs) if p.startswith("5."))
    three = next(k for k, p in enumerate(paragraphs) if p.startswith("3."))
    thaad = next(k for k, p in enumerate(paragraphs) if "deployment of THAAD" in p)
    one = next(k for k, p in enumerate(paragraphs) if p.startswith("1."))
    order = [k for k in range(len(paragraphs)) if k not in (five, thaad)]
    order.insert(order.index(three), five)
    order.insert(order.index(one), thaad)
    capture = make_document("\n\n".join(paragraphs[k] for k in order))
    [result] = analyse(reference, [capture]).sources
    moved = {
        d.copy_text[:2]: d.severity for d in result.divergences if d.kind.value == "reordering"
    }
    assert moved == {"5.": Severity.MINOR, "Th": Severity.MATERIAL}, moved


def test_our_site_uses_cookies_is_a_box_too(reference: Document) -> None:
    """ "Our site uses cookies ..." opens a cookie notice as "This site uses cookies" does."""
    paragraphs = reference.text.split("\n\n")
    notice = "Our site uses cookies for analytics. Learn more [OK]"
    capture = make_document("\n\n".join([*paragraphs[:9], notice, *paragraphs[9:]]))
    [result] = analyse(reference, [capture]).sources
    rows = [(d.kind.value, str(d.severity)) for d in result.divergences]
    assert rows and all(row == ("interruption", "cosmetic") for row in rows), rows


def test_a_threads_break_between_posts_is_page_furniture(reference: Document) -> None:
    """A copy posted as a thread, cut mid-sentence into two posts ("… stop…", the post's
    counts, the next post's byline, "4/6 …and cancel"): the break was a material insertion
    and the ellipsis an editorial row; they are the thread's furniture."""
    text = reference.text
    cut = text.index(" and cancel the deployment process")
    page = "3/6 " + text[text.index("Russia and China are against") : cut]
    page += "\u2026\n\U0001f4ac 3   \U0001f501 97\n\nOle Brandt @peninsula_ole \u00b7 Jul 5\n"
    page += "4/6 \u2026" + text[cut + 1 :] + "\n"
    [result] = analyse(reference, [make_document(page, "thread")]).sources
    rows = [(d.kind.value, str(d.severity)) for d in result.divergences]
    assert rows and all(row == ("interruption", "cosmetic") for row in rows), rows


@pytest.mark.parametrize("furniture", ["Advertisement", "Photo: Reuters"])
@pytest.mark.parametrize(
    ("change", "rows"),
    [
        # a sentence left out just before the box: its omission, not "Advertisement" for it
        ("drop", [("omission", "material", " Other states must make")]),
        # a full stop dropped just before it: punctuation, not a material substitution
        ("stop", [("punctuation", "minor", ".")]),
        # a sentence inserted just before it: the sentence alone is the insertion
        ("insert", [("insertion", "material", " The United States bears")]),
    ],
)
def test_furniture_beside_a_change_is_set_apart_from_it(
    reference: Document, furniture: str, change: str, rows: list[tuple[str, str, str]]
) -> None:
    """Page furniture on its own lines right after a change in the copy was read with the
    change as one edit: a sentence left out was a material substitution by
    "Advertisement", a dropped full stop a material substitution, an inserted sentence
    took the box into its text. The change is classified alone; the lines are an
    interruption."""
    paragraphs = reference.text.split("\n\n")
    k = next(i for i, p in enumerate(paragraphs) if " Other states must make" in p)
    first, second = paragraphs[k], paragraphs[k + 1]
    if change == "drop":
        first = first[: first.index(" Other states must make")]
    elif change == "stop":
        first = first.removesuffix(".")
    else:
        first += " The United States bears full responsibility."
    text = f"Page intro.\n\n{paragraphs[k - 1]}\n\n{first}\n\n{furniture}\n\n{second}\n\nThe end.\n"
    found = analyse(reference, [make_document(text)]).sources[0].divergences
    got = [d for d in found if d.kind.value not in ("whitespace", "interruption")]
    assert [(d.kind.value, str(d.severity)) for d in got] == [(k, s) for k, s, _ in rows]
    assert (got[0].copy_text or got[0].reference_text).startswith(rows[0][2])
    assert furniture not in (got[0].copy_text + got[0].reference_text)
    [box] = [d for d in found if d.kind.value == "interruption"]
    assert box.copy_text.strip() == furniture and str(box.severity) in ("cosmetic", "minor")


@pytest.mark.parametrize("ellipsis", [" ... ", " … ", " [...] "])
def test_a_pull_quote_cut_with_an_ellipsis_is_one_duplication(
    reference: Document, ellipsis: str
) -> None:
    """A pull quote of a sentence, its middle cut with an ellipsis, set before the
    paragraph it repeats: the words after the ellipsis were a duplication, those before it
    (fewer than a repeat needs) a material insertion."""
    paragraphs = reference.text.split("\n\n")
    k = next(
        i for i, p in enumerate(paragraphs) if p.startswith("The Parties confirm that the dep")
    )
    pull = (
        f"“The deployment of THAAD{ellipsis}is inflicting serious damage on strategic security"
        " interests of regional states”"
    )
    page = "\n\n".join(["Intro of the page.", paragraphs[k - 1], pull, paragraphs[k], "End."])
    found = analyse(reference, [make_document(page)]).sources[0].divergences
    rows = [d for d in found if d.kind.value != "whitespace"]
    assert [(d.kind.value, str(d.severity)) for d in rows] == [("duplication", "minor")], rows
    assert rows[0].copy_text.strip() == pull


def test_a_box_label_word_put_into_a_sentence_is_an_insertion(reference: Document) -> None:
    """ "The Parties oppose any advertisement of statements or moves": a word of the
    statement's sentence, lower case and run into it, not an "Advertisement" box; it was a
    cosmetic interruption, and the change to the statement's words was lost."""
    paragraph = next(p for p in reference.text.split("\n\n") if "oppose any statements" in p)
    page = paragraph.replace("oppose any statements", "oppose any advertisement of statements")
    found = analyse(reference, [make_document(f"Intro.\n\n{page}\n\nEnd.\n")]).sources[0]
    rows = [(d.kind.value, str(d.severity), d.copy_text) for d in found.divergences]
    assert rows == [("insertion", "material", "advertisement of ")], rows


def test_a_space_both_have_between_two_runs_is_no_finding(reference: Document) -> None:
    """Four letters swapped in one sentence split the copy into two runs with the space
    between them cut out as an edit of its own: a whitespace finding whose two readings
    were one space each, which `check` wanted decided."""
    text = reference.text
    for right, slip in [
        ("in order to", "in oredr to"),
        ("a complex solution", "a compelx solution"),
        ("to the Korean Peninsula’s problems", "to the Koraen Peninsula’s problems"),
        ("including that of", "including taht of"),
    ]:
        text = text.replace(right, slip, 1)
    source = analyse(reference, [make_document("Copy:\n\n" + text + "\n")]).sources[0]
    assert [d for d in source.divergences if d.copy_text == d.reference_text] == []
    assert len(source.divergences) == 4


@pytest.mark.parametrize("box", ["ADVERTISEMENT\nContinue reading below", "Page 2 of 3"])
@pytest.mark.parametrize("layout", ["moved", "repeated"])
def test_furniture_inside_a_moved_or_repeated_paragraph_is_only_the_box(
    reference: Document, box: str, layout: str
) -> None:
    """A paragraph the copy moved (or printed twice), a box cutting it between its two
    sentences: the box was taken with the paragraph's first sentence as an interruption
    ('page furniture' holding the statement's words) and the rest a material insertion,
    or the repeat read as its first sentence only. The move (or the repeats) are the
    paragraph's, the interruption the box alone."""
    paragraphs = reference.text.split("\n\n")
    k = next(
        i for i, p in enumerate(paragraphs) if p.startswith("The Parties confirm that the DPRK")
    )
    first, second = paragraphs[k].split(" Other states must make")
    cut = f"{first}\n\n{box}\n\nOther states must make{second}"
    if layout == "moved":  # after the paragraph that follows it
        kept = [paragraphs[k - 1], paragraphs[k + 1], cut, paragraphs[k + 2]]
    else:  # printed again after the next one
        kept = [paragraphs[k - 1], paragraphs[k], paragraphs[k + 1], cut, paragraphs[k + 2]]
    page = "\n\n".join(["Intro of the page.", *kept, "End."])
    found = analyse(reference, [make_document(page)]).sources[0].divergences
    rows = [d for d in found if d.kind.value != "whitespace"]
    [interrupted] = [d for d in rows if d.kind.value == "interruption"]
    assert interrupted.copy_text.strip() == box and str(interrupted.severity) == "cosmetic"
    others = [(d.kind.value, str(d.severity)) for d in rows if d is not interrupted]
    if layout == "moved":
        assert others == [("reordering", "material")], rows
    else:
        assert others == [("duplication", "minor")] * 2, rows
        assert [d.copy_text for d in rows if d.kind.value == "duplication"] == [
            first,
            "Other states must make" + second,
        ]


@pytest.mark.parametrize(
    "box",
    [
        "Sergei Lavrov and Wang Yi at the signing in Moscow.\nPhoto: Alexander Ivanov/AP",
        "NEWSLETTER\nThe Asia Brief: the day's top stories, every weekday.\nSign up now",
    ],
)
def test_a_moved_paragraph_cut_by_a_caption_or_a_box_is_one_move(
    reference: Document, box: str
) -> None:
    """A paragraph the copy moved, cut between its sentences by a photo's caption and
    credit or a newsletter box (furniture not graded cosmetic): it was two moves, one each
    side of the box. It is one move, the box an interruption inside it."""
    paragraphs = reference.text.split("\n\n")
    k = next(
        i for i, p in enumerate(paragraphs) if p.startswith("The Parties confirm that the DPRK")
    )
    first, second = paragraphs[k].split(" Other states must make")
    cut = f"{first}\n\n{box}\n\nOther states must make{second}"
    kept = [paragraphs[k - 1], paragraphs[k + 1], cut, paragraphs[k + 2]]
    page = "\n\n".join(["Intro of the page.", *kept, "End."])
    found = analyse(reference, [make_document(page)]).sources[0].divergences
    rows = [(d.kind.value, d.copy_text.strip()) for d in found if d.kind.value != "whitespace"]
    assert [kind for kind, _ in rows] == ["reordering", "interruption"], rows
    assert rows[1][1] == box
    [moved] = [d for d in found if d.kind.value == "reordering"]
    assert moved.reference_text.strip() == paragraphs[k]


@pytest.mark.parametrize(
    "box",
    [
        "ADVERTISEMENT\n\nSwitch your broadband today and save 40%",
        "Related\n\nSeoul and Tokyo hold emergency talks\nWhat THAAD can and cannot do",
    ],
)
def test_a_box_in_place_of_a_lost_paragraph_is_furniture_and_the_paragraph_lost(
    reference: Document, box: str
) -> None:
    """A box of two lines or more where the copy lost a paragraph: its label was read as
    furniture and its other lines as the copy's words for the paragraph, a material
    substitution (audit l34); a box of one line gave an omission and the box apart. Now
    both: the paragraph an omission, the whole box a cosmetic interruption."""
    paragraphs = reference.text.split("\n")
    k = next(k for k, p in enumerate(paragraphs) if "justified concerns" in p)
    page = "\n\n".join([*paragraphs[:k], box, *paragraphs[k + 1 :]])
    source = analyse(reference, [make_document(page, "boxed")]).sources[0]
    rows = [(d.kind, d.severity) for d in source.divergences if d.kind is not Kind.WHITESPACE]
    assert rows == [(Kind.OMISSION, Severity.MATERIAL), (Kind.INTERRUPTION, Severity.COSMETIC)]
    (lost,) = [d for d in source.divergences if d.kind is Kind.OMISSION]
    assert lost.reference_text.strip() == paragraphs[k].strip()
    (row,) = [d for d in source.divergences if d.kind is Kind.INTERRUPTION]
    assert row.copy_text.strip() == box


def test_a_box_before_a_paragraph_cut_to_its_opening_keeps_the_opening(
    reference: Document,
) -> None:
    """The other side: "Related: <link>" and then "5. The [...] to conduct dialogue ...":
    the paragraph's own opening, cut by an ellipsis, is the copy's, not a line of the box
    (the benchmark collection's copies have it; the box rule first took it)."""
    paragraphs = reference.text.split("\n\n")
    k = next(k for k, p in enumerate(paragraphs) if p.startswith("5."))
    cut = paragraphs[k].index("to conduct dialogue")
    page = "\n\n".join(
        [*paragraphs[:k], "Related: https://example.org/2017/01/world/",
         "5. The [...] " + paragraphs[k][cut:], *paragraphs[k + 1 :]]
    )  # fmt: skip
    source = analyse(reference, [make_document(page, "boxed")]).sources[0]
    (box,) = [d for d in source.divergences if d.kind is Kind.INTERRUPTION]
    assert "5. The" not in box.copy_text
    assert not [d for d in source.divergences if d.kind is Kind.OMISSION]


@pytest.mark.parametrize(
    "note",
    [
        "(Note: officials call it the “double freeze” plan.)",
        "(Note from the desk: the ministries later spoke of a “road map”.)",
    ],
)
def test_a_note_labelled_note_between_paragraphs_is_an_interruption(
    reference: Document, note: str
) -> None:
    """ "(Note: ...)" and "(Note from the desk: ...)" between two paragraphs of a full copy
    were material insertions; "Editor's note:" already was the page's own line (audit v31)."""
    paragraphs = reference.text.split("\n\n")
    middle = len(paragraphs) // 2
    page = "\n\n".join([*paragraphs[:middle], note, *paragraphs[middle:]])
    source = analyse(reference, [make_document(page, "noted")]).sources[0]
    assert [p.kind.value for p in source.passages] == ["full"]
    (row,) = [d for d in source.divergences if note in d.copy_text]
    assert row.kind is Kind.INTERRUPTION and row.severity is Severity.MINOR
