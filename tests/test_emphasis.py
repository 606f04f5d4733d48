"""emphasis: added emphasis in HTML, Markdown and plain-text copies; notes; lost markup."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import Analysis, analyse, analyse_corpus, compare
from provenance.corpus import Corpus
from provenance.emphasis import LOST_MARKUP, Status
from provenance.findings import emphasis_findings, findings
from provenance.load import load
from provenance.model import Document, Format, Kind, PassageKind, Severity
from provenance.report import _emphasis_json, render_json, render_text


def _paragraphs(corpus: Corpus) -> list[str]:
    return corpus.reference.text.split("\n\n")


def _mark(paragraph: str, phrase: str, opening: str, closing: str) -> str:
    assert phrase in paragraph, phrase
    return paragraph.replace(phrase, f"{opening}{phrase}{closing}", 1)


HTML_EXPECTED = {
    ("Russia and China will closely coordinate their efforts", "bold"),
    ("seriously worried", "italic"),
    ("justified concerns", "bold+italic"),  # one edit, one finding
    ("\u201cdouble freezing\u201d", "italic"),
    # (not "<b>\u201c</b>parallel": a mark alone in bold stresses no words)
    ("support the aforementioned initiative", "bold"),
    ("non-proliferation regime", "underline"),
    ("THAAD antimissile systems", "mark"),
    ("and to ensure a strategic balance in the region.\n\nThis statement was signed", "bold"),
}


def _html_copy(corpus: Corpus, tmp_path: Path) -> Document:
    p = [html.escape(x, quote=False) for x in _paragraphs(corpus)]
    p[0] = p[0].replace("countries. Russia", "countries.&nbsp;Russia")
    p[0] = _mark(p[0], "Russia and China will closely coordinate their efforts", "<b>", "</b>")
    p[1] = p[1].replace("People\u2019s", "People&rsquo;s")
    p[1] = _mark(p[1], "seriously worried", "<em>", "</em>")
    p[8] = _mark(p[8], "justified concerns", "<b><i>", "</i></b>")
    p[3] = _mark(p[3], "\u201cdouble freezing\u201d", "<i>", "</i>")
    p[3] = p[3].replace("\u201cparallel", "<b>\u201c</b>parallel", 1)
    p[6] = _mark(
        p[6], "support the aforementioned initiative", '<span style="font-weight: bold">', "</span>"
    )
    p[7] = _mark(p[7], "non-proliferation regime", "<u>", "</u>")
    p[12] = _mark(p[12], "THAAD antimissile systems", "<mark>", "</mark>")
    # Bold that crosses a paragraph boundary, as a browser reads <p><b>..</p><p>..</b>.
    tail = "and to ensure a strategic balance in the region."
    assert p[13].endswith(tail)
    p[13] = p[13].replace(tail, "<strong>" + tail, 1)
    p[14] = p[14].replace("This statement was signed", "This statement was signed</strong>", 1)
    body = "\n".join(f"<p>{x}</p>" for x in p)
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Statement</title>"
        "<style>b{color:red}</style><script>track('<b>x</b>')</script></head><body>"
        "<header>World News</header><nav><a href='/'>Home</a> | <b>Politics</b></nav>"
        f"<article><h1>Joint statement</h1>\n{body}\n</article>"
        "<aside><b>Most read</b></aside><footer>(c) 2017</footer></body></html>"
    )
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    return load(path)


def _md_copy(corpus: Corpus, tmp_path: Path) -> Document:
    p = _paragraphs(corpus)
    p[0] = p[0].replace("countries. Russia", "countries.&nbsp;Russia")
    p[0] = _mark(p[0], "Russia and China will closely coordinate their efforts", "**", "**")
    p[1] = _mark(p[1].replace("People\u2019s", "People&rsquo;s"), "seriously worried", "*", "*")
    p[8] = _mark(p[8], "justified concerns", "***", "***")
    p[3] = _mark(p[3], "\u201cdouble freezing\u201d", "_", "_")
    p[6] = _mark(p[6], "support the aforementioned initiative", "__", "__")
    path = tmp_path / "copy.md"
    path.write_text("# Joint statement\n\n" + "\n\n".join(p) + "\n", encoding="utf-8")
    return load(path)


MD_EXPECTED = {
    ("Russia and China will closely coordinate their efforts", "bold"),
    ("seriously worried", "italic"),
    ("justified concerns", "bold+italic"),  # one edit, one finding
    ("\u201cdouble freezing\u201d", "italic"),
    ("support the aforementioned initiative", "bold"),
}


def _check_copy(analysis: Analysis, expected: set[tuple[str, str]]) -> None:
    source = analysis.sources[0]
    assert [p.kind.value for p in source.passages] == ["full"]
    added = {(e.text, e.style) for e in source.emphasis if e.status is Status.ADDED}
    assert added == expected
    # The wording is the statement's: nothing material but the added emphasis itself.
    material = [d for d in source.divergences if d.severity is Severity.MATERIAL]
    assert {d.kind for d in material} == {Kind.EMPHASIS}
    assert {(d.copy_text, d.note.split()[0]) for d in material} == expected
    nbsp = [d for d in source.divergences if d.copy_text == "\u00a0"]
    assert [(d.kind, d.severity) for d in nbsp] == [(Kind.WHITESPACE, Severity.COSMETIC)]
    text, ref = source.document.text, analysis.reference.text
    for e in source.emphasis:
        assert e.reference is not None
        assert e.reference_text == e.reference.of(ref)
        shown = e.span.of(text)
        if "\n" not in e.text:  # a run across blocks carries the tags between them
            assert html.unescape(shown).strip("*_") == e.text
    assert nbsp[0].copy.of(text) == "&nbsp;"


def test_html_copy_reports_every_added_emphasis(corpus: Corpus, tmp_path: Path) -> None:
    analysis = analyse(corpus.reference, [_html_copy(corpus, tmp_path)])
    _check_copy(analysis, HTML_EXPECTED)


def test_markdown_copy_reports_every_added_emphasis(corpus: Corpus, tmp_path: Path) -> None:
    analysis = analyse(corpus.reference, [_md_copy(corpus, tmp_path)])
    _check_copy(analysis, MD_EXPECTED)


def test_reference_emphasis_is_not_added_and_missing_emphasis_is_removed(
    corpus: Corpus, tmp_path: Path
) -> None:
    reference = _md_copy(corpus, tmp_path)
    copy_path = tmp_path / "copy2.md"
    text = reference.text.replace("*seriously worried*", "seriously worried")
    copy_path.write_text(text.replace("decision", "**decision**", 1), encoding="utf-8")
    analysis = analyse(reference, [load(copy_path)])
    found = {(e.text, e.style, e.status) for e in analysis.sources[0].emphasis}
    assert found == {
        ("decision", "bold", Status.ADDED),
        ("seriously worried", "italic", Status.REMOVED),
    }


def test_plain_text_caps_and_stars_not_in_the_reference(corpus: Corpus, tmp_path: Path) -> None:
    text = corpus.reference.text.replace("seriously worried", "SERIOUSLY WORRIED", 1)
    text = text.replace("voluntary political decision", "*voluntary* political decision", 1)
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    added = {(e.text, e.style) for e in source.emphasis if e.status is Status.ADDED}
    # DPRK, UN and THAAD are capitals in the reference too: not emphasis.
    assert added == {("SERIOUSLY WORRIED", "caps"), ("voluntary", "starred")}


@pytest.mark.parametrize(
    ("phrase", "marked"),
    [
        ("seriously worried", "*seriously worried*"),
        ("unacceptable", "_unacceptable_"),
        ("unacceptable", "**unacceptable**"),
    ],
)
def test_stars_added_in_plain_text_are_one_finding(
    corpus: Corpus, tmp_path: Path, phrase: str, marked: str
) -> None:
    """ "*seriously worried*" in a plain-text copy is one emphasis row; its stars are not
    also footnote markers, nor underscores a punctuation change (before, three rows)."""
    text = corpus.reference.text.replace(phrase, marked, 1)
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(d.kind, d.copy_text) for d in source.divergences] == [(Kind.EMPHASIS, phrase)]


def test_capitals_added_are_one_finding_not_a_case_change_too(
    corpus: Corpus, tmp_path: Path
) -> None:
    """ALL CAPS over the statement's words is emphasis; the same letters are not also a
    `case` divergence, which would ask the reviewer to decide one edit twice."""
    text = corpus.reference.text.replace("seriously worried", "SERIOUSLY WORRIED", 1)
    text = text.replace("Any possibility", "ANY possibility", 1)  # one word of a sentence
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(d.kind, d.copy_text) for d in source.divergences] == [
        (Kind.EMPHASIS, "SERIOUSLY WORRIED"),
        (Kind.EMPHASIS, "ANY"),
    ]


@pytest.mark.parametrize(
    ("suffix", "wrap"),
    [
        (".txt", lambda text: text),
        (".md", lambda text: text),
        (".html", lambda text: "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))),
    ],
)
def test_capitals_added_are_emphasis_in_every_format(
    corpus: Corpus, tmp_path: Path, suffix: str, wrap: Callable[[str], str]
) -> None:
    """Capitals typed over the statement's words read the same in a browser whatever the
    file: one material `caps` emphasis row in HTML and Markdown too (before, those formats
    read only markup, and the capitals were a minor `case` row)."""
    text = corpus.reference.text.replace("unacceptable", "UNACCEPTABLE", 1)
    path = tmp_path / f"copy{suffix}"
    path.write_text(wrap(text), encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(d.kind, d.severity, d.copy_text) for d in source.divergences] == [
        (Kind.EMPHASIS, Severity.MATERIAL, "UNACCEPTABLE")
    ]


def test_002_notes_and_lost_markup(corpus: Corpus) -> None:
    source = analyse_corpus(corpus).source("002_9103d841b337d515")
    notes = source.emphasis_notes
    assert [n.text for n in notes] == ["(bold italics added)"] * 3
    assert notes[0].covers == source.passages[0]
    assert notes[0].covers.reference.start == 0
    assert [n.covers for n in notes[1:]] == [None, None]
    [lost] = source.lost_markup
    assert lost.message == LOST_MARKUP
    assert LOST_MARKUP == "declares added emphasis; markup not present in this capture"
    assert lost.note == notes[0]
    probable = [e for e in source.emphasis if e.status is Status.PROBABLE]
    assert probable and list(lost.probable) == probable
    assert all(e.evidence.startswith("inferred, not marked") for e in probable)
    assert probable[0].text == "Russia and China will closely coordinate their efforts"
    # Every one of the eight no-break spaces that replace an ordinary space is cited.
    residue = [
        d.copy.start
        for d in source.divergences
        if d.copy_text == "\u00a0" and d.reference_text == " "
    ]
    assert len(residue) == 8
    cited = " ".join(e.evidence for e in probable)
    assert all(f" {at} " in cited or f" {at};" in cited for at in residue)
    assert not [e for e in source.emphasis if e.status is Status.ADDED]


def test_plain_text_results_are_unchanged(corpus: Corpus) -> None:
    from provenance.align import align
    from provenance.classify import classify
    from provenance.locate import locate, prepare

    analysis = analyse_corpus(corpus)
    prepared = prepare(corpus.reference)
    for capture, source in zip(corpus.captures, analysis.sources, strict=True):
        passages = tuple(locate(prepared, capture))
        assert source.passages == passages
        expected = {
            d
            for p in passages
            for d in classify(corpus.reference, capture, align(corpus.reference, capture, p))
        }
        assert {d for d in source.divergences if d.kind is not Kind.REORDERING} == expected


def test_findings_json_and_text_report(corpus: Corpus, tmp_path: Path) -> None:
    analysis = analyse(corpus.reference, [_html_copy(corpus, tmp_path)])
    again = analyse(corpus.reference, [_html_copy(corpus, tmp_path)])
    emph = [f for f in findings(analysis) if f.category == "emphasis"]
    assert len(emph) == len(HTML_EXPECTED)
    assert [f.id for f in emph] == [f.id for f in findings(again) if f.category == "emphasis"]
    assert not [f for f in findings(analysis) if f.kind == Kind.EMPHASIS.value]
    data = json.loads(render_json(analysis))["sources"][0]
    row = next(e for e in data["emphasis"] if e["text"] == "seriously worried")
    assert set(row) >= {"start", "end", "text", "style", "status", "ref_start", "ref_end"}
    assert (row["style"], row["status"]) == ("italic", "added")
    assert data["emphasis_notes"] == []
    text = render_text(analysis)
    assert "[+emphasis] italic added" in text and "_seriously worried_" in text

    corpus_json = json.loads(render_json(analyse_corpus(corpus)))
    s002 = next(s for s in corpus_json["sources"] if s["id"] == "002_9103d841b337d515")
    assert [n["covers"] is None for n in s002["emphasis_notes"]] == [False, True, True]
    assert {e["status"] for e in s002["emphasis"]} == {"probable"}
    assert s002["lost_markup"][0]["message"] == LOST_MARKUP


@pytest.mark.parametrize(
    ("note", "style", "declares"),
    [
        ("(emphasis added)", "emphasis", "added"),
        ("(bolding mine)", "bold", "added"),
        ("(bold type added)", "bold", "added"),
        ("(boldface added)", "bold", "added"),
        ("(highlights added)", "mark", "added"),
        ("(highlighted by us)", "mark", "added"),
        ("(emphasis by the editors)", "emphasis", "added"),
        ("[italics in the original]", "italic", "original"),
        ("emphasis in the quoted passage is ours", "emphasis", "added"),
        ("(Emphasis as in original.)", "emphasis", "original"),
        ("(italics as in the original)", "italic", "original"),
        ("(bold added.)", "bold", "added"),
        # notes in other languages, read as the English ones
        ("(Hervorhebung hinzugefügt)", "emphasis", "added"),
        ("(Hervorh. d. Verf.)", "emphasis", "added"),
        ("(Kursiv im Original)", "italic", "original"),
        ("(c’est nous qui soulignons)", "emphasis", "added"),
        ("(italiques ajoutés)", "italic", "added"),
        ("(el énfasis es nuestro)", "emphasis", "added"),
        ("(negritas añadidas)", "bold", "added"),
        ("(subrayado nuestro)", "emphasis", "added"),  # the idiom for any emphasis
        ("(подчёркнуто мной)", "emphasis", "added"),
        ("(corsivo nostro)", "italic", "added"),
        ("(выделено мной)", "emphasis", "added"),
        ("(Underline added.)", "underline", "added"),
        ("[underline mine]", "underline", "added"),
        ("(Underscoring ours.)", "underline", "added"),
        # capitals as emphasis, only in brackets ("the two capitals added" is prose)
        ("(caps mine)", "caps", "added"),
        ("[capitals added]", "caps", "added"),
        ("(capitalisation ours)", "caps", "added"),
        ("(upper case in original)", "caps", "original"),
    ],
)
def test_the_wordings_of_an_emphasis_note(
    corpus: Corpus, note: str, style: str, declares: str
) -> None:
    paragraph = corpus.reference.text.split("\n\n")[2]
    page = make_document(f"The ministries wrote:\n\n{paragraph} {note}\n\nMore later.")
    [found] = analyse(corpus.reference, [page]).sources[0].emphasis_notes
    assert (found.text.strip("()[]"), found.style, found.declares) == (
        note.strip("()[]"),
        style,
        declares,
    )
    assert found.covers is not None


def test_caps_runs_keep_their_own_words_inside_one_replace(corpus: Corpus) -> None:
    # Capitals on both sides of a paragraph break align as one replace edit; each run
    # still maps to exactly the reference words it stands for.
    text = corpus.reference.text
    end = "the existing concerns via dialogue and consultations.\n\nThe Parties confirm that"
    assert end in text
    shouted = "the existing CONCERNS VIA DIALOGUE AND CONSULTATIONS.\n\nTHE PARTIES CONFIRM THAT"
    source = analyse(corpus.reference, [make_document(text.replace(end, shouted))]).sources[0]
    added = [(e.text, e.reference_text) for e in source.emphasis if e.status is Status.ADDED]
    assert added == [
        ("CONCERNS VIA DIALOGUE AND CONSULTATIONS", "concerns via dialogue and consultations"),
        ("THE PARTIES CONFIRM THAT", "The Parties confirm that"),
    ]


def test_a_labels_capitals_in_the_place_of_a_lost_point_are_no_emphasis(corpus: Corpus) -> None:
    """A bilingual export's segment label ("[004] EN: 1.") where point 1's words are lost:
    "EN" was aligned with the "en" of "statement" and reported as capitals added, a false
    material row beside the true substitution (audit l29). Capitals on a changed word
    ("IMMEDIATELY HALT" for "immediately stop") are still emphasis of the word kept."""
    text = corpus.reference.text
    [one] = [p for p in text.split("\n\n") if p.startswith("1. ")]
    page = text.replace(one, "[004] EN: 1.").replace("immediately stop", "IMMEDIATELY HALT")
    source = analyse(corpus.reference, [make_document(page)]).sources[0]
    added = [e.text for e in source.emphasis if e.status is Status.ADDED]
    assert added == ["IMMEDIATELY HALT"]


def test_plain_text_marks_kept_from_markdown_and_wrapped_lines(corpus: Corpus) -> None:
    text = corpus.reference.text
    for words, marked in [
        ("serious concern", "**serious concern**"),
        ("voluntary political decision", "_voluntary political decision_"),
        ("ruled out", "__ruled out__"),
        ("support the aforementioned\ninitiative", "*support the aforementioned\ninitiative*"),
        ("the DPRK\u2019s justified concerns", "THE DPRK\u2019S JUSTIFIED CONCERNS"),
    ]:
        text = text.replace(words.replace("\n", " "), marked, 1)
    source = analyse(corpus.reference, [make_document(text)]).sources[0]
    added = [(e.reference_text, e.style) for e in source.emphasis if e.status is Status.ADDED]
    assert added == [
        ("serious concern", "starred"),
        ("voluntary political decision", "starred"),
        ("support the aforementioned initiative", "starred"),
        ("the DPRK\u2019s justified concerns", "caps"),
        ("ruled out", "starred"),
    ]


def test_inline_html_in_markdown_is_emphasis(corpus: Corpus) -> None:
    text = corpus.reference.text
    for words, marked in [
        ("non-proliferation regime", "<u>non-proliferation regime</u>"),
        ("THAAD antimissile systems", "<mark>THAAD antimissile systems</mark>"),
        ("ruled out", '<span style="font-weight: 700">ruled out</span>'),
        ("benevolence", "<b>benevolence</b>"),
    ]:
        text = text.replace(words, marked, 1)
    page = replace(make_document("# The statement\n\n" + text), format=Format.MARKDOWN)
    source = analyse(corpus.reference, [page]).sources[0]
    added = [(e.text, e.style) for e in source.emphasis if e.status is Status.ADDED]
    assert added == [
        ("non-proliferation regime", "underline"),
        ("ruled out", "bold"),
        ("benevolence", "bold"),
        ("THAAD antimissile systems", "mark"),
    ]


def test_emphasis_on_words_the_copy_also_changed(corpus: Corpus) -> None:
    text = corpus.reference.text.replace(
        "justified concerns", "<u>legitimate concerns</u>", 1
    ).replace("Any possibility", "<b>Any</b> <em>posibility</em>", 1)
    page = replace(make_document(f"<p>{text}</p>"), format=Format.HTML)
    source = analyse(corpus.reference, [page]).sources[0]
    added = [(e.text, e.style, e.reference_text) for e in source.emphasis]
    assert added == [
        ("legitimate concerns", "underline", "justified concerns"),
        ("Any", "bold", "Any"),
        ("posibility", "italic", "possibility"),
    ]


def test_a_bold_tag_styled_normal_is_not_bold(corpus: Corpus) -> None:
    # A Google Docs paste: one <b style="font-weight:normal"> around the page, the real
    # bold in spans of weight 700.
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    paragraphs[9] = _mark(paragraphs[9], "ruled out", '<span style="font-weight:700">', "</span>")
    body = "".join(f'<p dir="ltr"><span style="font-weight:400">{p}</span></p>' for p in paragraphs)
    page = f'<b style="font-weight:normal;" id="docs-internal-guid-1">{body}</b>'
    assert _added_in_html(corpus, page) == [("ruled out", "bold")]


def _added_in_html(corpus: Corpus, page: str) -> list[tuple[str, str]]:
    """The emphasis an HTML page adds to the reference, (text, style) each."""
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    return [(e.text, e.style) for e in source.sources[0].emphasis]


@pytest.mark.parametrize(
    ("opening", "closing", "style"),
    [
        ("<b style='mso-bidi-font-weight:normal'>", "</b>", "bold"),
        ("<i style='mso-bidi-font-style:normal'>", "</i>", "italic"),
        ("<u style='mso-bidi-text-decoration:none'>", "</u>", "underline"),
    ],
)
def test_words_settings_for_other_scripts_turn_no_style_off(
    corpus: Corpus, opening: str, closing: str, style: str
) -> None:
    """Word writes its plain bold as `<b style='mso-bidi-font-weight:normal'>` (a setting
    for right-to-left script): read as "font-weight: normal", the bold a copy added went
    unreported (audit n19)."""
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    paragraphs[9] = _mark(paragraphs[9], "ruled out", opening, closing)
    body = "".join(f"<p class=MsoNormal>{p}</p>" for p in paragraphs)
    assert _added_in_html(corpus, f"<html><body>{body}</body></html>") == [("ruled out", style)]


@pytest.mark.parametrize(
    ("before", "after", "note"),
    [
        ("The ministries' text follows (our emphasis):", "Talks resume in autumn.", "our emphasis"),
        ("It reads, with italics added:", "Talks resume in autumn.", "italics added"),
        # The note shares its parentheses with other words.
        (
            "The passage in full (emphasis mine, translation checked by our desk):",
            "Talks resume in autumn.",
            "emphasis mine",
        ),
        ("The passage (my emphasis; the gloss is ours too):", "Talks resume.", "my emphasis"),
        # A heading of the page's own between the note's sentence and the passage.
        (
            "My reading follows, with the lines that matter in bold (emphasis added).\n\n"
            "## The ministries' text",
            "Talks resume in autumn.",
            "(emphasis added)",
        ),
        (
            "The ministries wrote:",
            "Talks resume in autumn, officials said, with no date set for the first "
            "round and no venue chosen; the delegations are to meet again in Beijing "
            "before any date is announced, and neither side would say who will lead "
            "them, nor whether Seoul and Washington have been asked to take part at all.\n\n"
            "Bold type has been added by the editors.",
            "Bold type has been added",
        ),
    ],
)
def test_a_note_introducing_a_passage_or_ending_the_page(
    corpus: Corpus, before: str, after: str, note: str
) -> None:
    paragraph = corpus.reference.text.split("\n\n")[2]
    page = make_document(f"{before}\n\n{paragraph}\n\n{after}\n")
    source = analyse(corpus.reference, [page]).sources[0]
    [found] = source.emphasis_notes
    assert found.text == note
    assert found.covers == source.passages[0]


QUOTED = "resolutely committed"
SAID = "the Parties are \u201c{}\u201d to the international non-proliferation regime"


@pytest.mark.parametrize(
    ("fmt", "marked", "words", "style"),
    [
        (Format.HTML, "<b>resolutely committed</b>", QUOTED, "bold"),
        (Format.MARKDOWN, "**resolutely committed**", QUOTED, "bold"),
        (Format.MARKDOWN, "_resolutely committed_", QUOTED, "italic"),
        (Format.TEXT, "RESOLUTELY COMMITTED", "RESOLUTELY COMMITTED", "caps"),
    ],
)
def test_emphasis_added_inside_a_quotation_of_the_reference(
    corpus: Corpus, fmt: Format, marked: str, words: str, style: str
) -> None:
    # Too short to be located as a passage: only the quotation holds the reference's words.
    prose = (
        "In their joint statement the two ministries wrote that the Parties are "
        f"\u201c{marked} to the international non-proliferation regime\u201d, a line "
        "that drew an angry reply from Seoul."
    )
    text = f"<p>{prose}</p>" if fmt is Format.HTML else prose + "\n"
    source = analyse(corpus.reference, [replace(make_document(text), format=fmt)]).sources[0]
    assert source.passages == ()
    [quotation] = source.quotes
    assert quotation.verdict.value == "verbatim"
    [added] = source.emphasis
    assert (added.status, added.style, added.text) == (Status.ADDED, style, words)
    assert added.span.of(text) == words  # offsets into the original file
    assert added.reference is not None
    assert added.reference.of(corpus.reference.text) == QUOTED
    [divergence] = [d for d in source.divergences if d.kind is Kind.EMPHASIS]
    assert (divergence.copy, divergence.reference) == (added.span, added.reference)
    assert divergence.severity is Severity.MATERIAL


def test_emphasis_inside_an_altered_quotation(corpus: Corpus) -> None:
    prose = (
        "The joint statement says \u201cthe Parties are <em>resolutely committed</em> to "
        "the non-proliferation regime\u201d."
    )
    page = replace(make_document(f"<p>{prose}</p>"), format=Format.HTML)
    source = analyse(corpus.reference, [page]).sources[0]
    [quotation] = source.quotes
    assert quotation.verdict.value == "altered"
    assert [(e.text, e.style, e.reference_text) for e in source.emphasis] == [
        ("resolutely committed", "italic", QUOTED)
    ]


@pytest.mark.parametrize(
    "prose",
    [
        # someone else's words
        "A Pentagon spokesman said the plan was \u201c<b>dead</b> on arrival and a gift to "
        "Pyongyang\u201d.",
        # a person's few words the statement also has: not a quotation of it
        "Senator Graham said China was \u201c<b>seriously worried</b>\u201d about nothing.",
        # attributed to the statement, but not its words: nothing to land on
        "The joint statement says Russia and China \u201cwill <b>never accept</b> a nuclear "
        "North Korea\u201d.",
        # the statement's words without emphasis
        "The joint statement says the Parties are \u201cresolutely committed to the "
        "international non-proliferation regime\u201d.",
    ],
)
def test_no_emphasis_reported_in_other_quotations(corpus: Corpus, prose: str) -> None:
    page = replace(make_document(f"<p>{prose}</p>"), format=Format.HTML)
    source = analyse(corpus.reference, [page]).sources[0]
    assert source.emphasis == ()
    assert not [d for d in source.divergences if d.kind is Kind.EMPHASIS]


@pytest.mark.parametrize(
    "prose",
    [
        "The statement says the Parties \u201care resolutely committed\u201d to the regime. "
        "<em>Update: an earlier version said \u201cresolutely committed\u201d twice.</em>",
        "<i>Our correspondent adds that the ministries called the Parties \u201cresolutely "
        "committed to the international non-proliferation regime\u201d in the text.</i>",
    ],
)
def test_the_pages_italic_sentence_around_a_quotation_is_no_emphasis(
    corpus: Corpus, prose: str
) -> None:
    """A quotation in running prose takes the page's type: an italic note or sentence
    around it (its own words on both sides) is not emphasis put on the quotation."""
    page = replace(make_document(f"<p>{prose}</p>"), format=Format.HTML)
    source = analyse(corpus.reference, [page]).sources[0]
    assert source.quotes
    assert source.emphasis == ()
    assert not [d for d in source.divergences if d.kind is Kind.EMPHASIS]


def test_a_note_after_a_quotation_covers_it(corpus: Corpus) -> None:
    said = SAID.format("**resolutely** committed")
    page = replace(
        make_document(f"The joint statement says {said} (emphasis added).\n"),
        format=Format.MARKDOWN,
    )
    source = analyse(corpus.reference, [page]).sources[0]
    [note] = source.emphasis_notes
    [quotation] = source.quotes
    assert note.covers is not None
    assert note.covers.kind is PassageKind.QUOTATION
    assert note.covers.copy == quotation.span
    assert [e.text for e in source.emphasis] == ["resolutely"]
    assert source.lost_markup == ()
    assert f"covers quotation {quotation.span.start}..{quotation.span.end}" in render_text(
        Analysis(corpus.reference, (source,))
    )


def test_a_note_after_a_quotation_without_markup_is_lost_markup(corpus: Corpus) -> None:
    page = make_document(f"The joint statement says {SAID.format(QUOTED)} (emphasis added).\n")
    source = analyse(corpus.reference, [page]).sources[0]
    [lost] = source.lost_markup
    assert lost.message == LOST_MARKUP
    assert lost.note.covers is not None and lost.note.covers.kind is PassageKind.QUOTATION


def test_bold_on_words_only_the_copy_has_is_emphasis_added_to_inserted_text(
    corpus: Corpus,
) -> None:
    """Bold on words the copy inserted ("without delay") is reported, as emphasis added to
    inserted text (minor), not dropped for having no reference words to match."""
    paragraphs = corpus.reference.text.split("\n\n")
    end = "refrain from large-scale joint exercises."
    assert end in paragraphs[5]
    bolded = paragraphs[5].replace(end, end[:-1] + " <b>without delay</b>.")
    body = "".join(f"<p>{p}</p>" for p in [*paragraphs[:5], bolded, *paragraphs[6:]])
    page = replace(
        make_document(f"<html><body>{body}</body></html>", "inserted"),
        format=Format.HTML,
        path=Path("inserted.html"),
    )
    analysis = analyse(corpus.reference, [page])
    [span] = analysis.sources[0].emphasis
    assert (span.status, span.style, span.text, span.reference_text) == (
        Status.ADDED,
        "bold",
        "without delay",
        "",
    )
    [finding] = [f for f in findings(analysis) if f.category == "emphasis"]
    assert finding.severity is Severity.MINOR


def test_bold_lines_of_the_page_inside_a_copy_are_not_emphasis(corpus: Corpus) -> None:
    """A bold byline and an italic caption between two paragraphs of a copy are the page's
    own lines (an interruption), not emphasis added to the statement nor to its words."""
    paragraphs = corpus.reference.text.split("\n\n")
    furniture = (
        "<div><p><b>By our diplomatic correspondent</b></p><figure><figcaption><i>The two"
        " ministers after the signing.</i></figcaption></figure></div>"
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:8]) + furniture
    body += "".join(f"<p>{p}</p>" for p in paragraphs[8:])
    page = replace(
        make_document(f"<html><body>{body}</body></html>", "byline"),
        format=Format.HTML,
        path=Path("byline.html"),
    )
    source = analyse(corpus.reference, [page]).sources[0]
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    assert source.emphasis == ()


@pytest.mark.parametrize(
    ("note", "declared"),
    [
        ("(Bold italics ours.)", {"bold+italic"}),
        ("(bold and italics ours)", {"bold+italic", "bold", "italic"}),
        ("(emphasis added)", {"bold+italic", "bold", "italic"}),
        ("(italics added)", {"italic"}),
        # highlighting is what editors call bold and colour alike, on a passage with no
        # <mark> (audit e57; with one, it names the <mark>: audit e55's p09)
        ("Highlighting by the editors.", {"bold+italic", "bold", "italic"}),
        ("", set()),
    ],
)
def test_a_note_declares_the_emphasis_of_the_styles_it_names(
    corpus: Corpus, tmp_path: Path, note: str, declared: set[str]
) -> None:
    """Emphasis a note declares is minor, with the note's text; other emphasis on the
    same passage stays material ("(Bold italics ours.)" read "italics ours" and seemed to
    declare the bold alone as well)."""
    paragraphs = _paragraphs(corpus)
    body = [
        _mark(paragraphs[5], "by way of a voluntary political decision", "<b><i>", "</i></b>"),
        _mark(paragraphs[7], "resolutely committed", "<b>", "</b>"),
        _mark(paragraphs[8], "justified concerns", "<i>", "</i>"),
    ]
    page = "".join(f"<p>{p}</p>\n" for p in body) + (f"<p>{note}</p>\n" if note else "")
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    added = {e.style: e for e in source.emphasis if e.status is Status.ADDED}
    assert set(added) == {"bold+italic", "bold", "italic"}
    assert {s for s, e in added.items() if e.declared} == declared
    rows = {d.copy_text: d for d in source.divergences if d.kind is Kind.EMPHASIS}
    for style, e in added.items():
        row = rows[e.text]
        assert row.severity is (Severity.MINOR if style in declared else Severity.MATERIAL)
        assert ("declared by its note" in row.note) == (style in declared)


@pytest.mark.parametrize(
    "box", ["**Read more:** [Why Beijing fears THAAD](/thaad)", "**Advertisement**"]
)
def test_a_bold_box_label_inside_a_paragraph_is_furniture_not_emphasis(
    corpus: Corpus, tmp_path: Path, box: str
) -> None:
    """A link box run into a paragraph is page furniture (an interruption); its bold label
    is the box's style, not emphasis the copy added."""
    paragraphs = _paragraphs(corpus)
    head, tail = paragraphs[9], paragraphs[10]
    path = tmp_path / "page.md"
    path.write_text(f"{head} {box} {tail}\n", encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [d.kind for d in source.divergences if d.kind is not Kind.WHITESPACE] == [
        Kind.INTERRUPTION
    ]
    assert not [e for e in source.emphasis if e.status is Status.ADDED]


@pytest.mark.parametrize("intro", ["And on force, in a separate passage:", ""])
def test_a_note_between_two_excerpts_declares_only_the_emphasis_before_it(
    corpus: Corpus, tmp_path: Path, intro: str
) -> None:
    """Two neighbouring paragraphs, the first with bold and "(emphasis added)" after it,
    the page's line introducing the second, the second with italics: the note declares
    the bold (minor), not the italics after it (material), and the page's line is a minor
    interruption (before, the note declared both and the line was a material insertion)."""
    first, second = (
        p
        for p in _paragraphs(corpus)
        if p.startswith(("The Parties confirm that the DPRK", "The Parties are calling"))
    )
    first = first.replace("justified concerns", "**justified concerns**", 1)
    second = second.replace("ruled out", "*ruled out*", 1)
    blocks = [
        "The statement on talks:",
        first,
        "(emphasis added)",
        *([intro] if intro else []),
        second,
    ]
    path = tmp_path / "page.md"
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    rows = [(d.kind, d.severity) for d in source.divergences]
    assert rows == [
        (Kind.EMPHASIS, Severity.MINOR),
        (Kind.INTERRUPTION, Severity.MINOR),
        (Kind.EMPHASIS, Severity.MATERIAL),
    ]


@pytest.mark.parametrize("markup", ["<b>T</b> he", "<strong>T</strong>\nhe", "<em>T</em>he"])
def test_a_drop_cap_styled_alone_is_not_emphasis(
    corpus: Corpus, tmp_path: Path, markup: str
) -> None:
    """The first letter of a copy set bold or italic on its own is a drop cap, not emphasis
    the copy added (before, a material "bold added" row on "T")."""
    paragraphs = corpus.reference.text.split("\n\n")
    first = paragraphs[0].replace("The", markup, 1)
    page = "".join(f"<p>{p}</p>\n" for p in [first, *paragraphs[1:]])
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert not [d for d in source.divergences if d.kind is Kind.EMPHASIS]
    assert not [d for d in source.divergences if d.severity is Severity.MATERIAL]


@pytest.mark.parametrize(
    ("styled", "whole"),
    [("mechan<em>is</em>ms", "mechanisms"), ("<b>de</b>nuclearisation", "denuclearisation"),
     ("denuclearis<i>ation</i>", "denuclearisation")],
)  # fmt: skip
def test_emphasis_on_part_of_a_word_is_minor_and_says_so(
    corpus: Corpus, tmp_path: Path, styled: str, whole: str
) -> None:
    """Italics on the letters "is" of "mechanisms" (a search highlight, a markup slip) was
    material emphasis added, as if the copier stressed a word. It is still reported, as
    minor, and its note says it lies inside a word; a whole word stays material."""
    paragraphs = corpus.reference.text.split("\n\n")
    k = next(i for i, p in enumerate(paragraphs) if whole in p)
    paragraphs[k] = paragraphs[k].replace(whole, styled, 1)
    paragraphs[1] = paragraphs[1].replace("unacceptable", "<em>unacceptable</em>", 1)
    page = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    rows = [
        (d.copy_text, d.severity, d.note) for d in source.divergences if d.kind is Kind.EMPHASIS
    ]
    part = re.sub(r"</?\w+>", "", re.search(r"<(\w+)>(.*?)</\1>", styled).group(2))
    assert [(text, severity) for text, severity, _ in rows] == [
        ("unacceptable", Severity.MATERIAL),
        (part, Severity.MINOR),
    ]
    assert "inside a word" in rows[1][2] and "inside a word" not in rows[0][2]
    [finding] = [f for f in emphasis_findings(source) if f.text == part]
    assert finding.severity is Severity.MINOR


def test_bold_around_a_whole_copy_of_several_paragraphs_is_the_pages_style(
    corpus: Corpus, tmp_path: Path
) -> None:
    """A site that sets its article body in <strong> made the whole copy one material "bold
    added" row (audit e13): stress picks words out. Italics inside it are still emphasis,
    and a one-paragraph excerpt set bold whole still is."""
    paragraphs = corpus.reference.text.split("\n\n")
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs[7:])
    body = body.replace("extra-regional forces", "<em>extra-regional forces</em>", 1)
    page = f"<h1>Text</h1>\n<div><strong>{body}</strong></div>\n<p>Source: the ministry.</p>\n"
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(e.style, e.text) for e in source.emphasis] == [("italic", "extra-regional forces")]
    one = tmp_path / "one.html"
    one.write_text(f"<p>Intro.</p>\n<p><strong>{paragraphs[9]}</strong></p>\n", encoding="utf-8")
    marked = analyse(corpus.reference, [load(one)]).sources[0].emphasis
    assert [e.style for e in marked] == ["bold"]


@pytest.mark.parametrize("style", ["font-style: italic", "font-weight: bold"])
def test_a_block_quotation_s_own_style_is_the_sites_quote_style(
    corpus: Corpus, tmp_path: Path, style: str
) -> None:
    """`<blockquote style="font-style: italic">` around a one-paragraph excerpt is how the
    site sets its quotations: it made one material "italic added" row over the whole
    paragraph (audit e56), where the same style from the site's style sheet gave none.
    Words stressed inside it are still emphasis."""
    paragraph = next(p for p in corpus.reference.text.split("\n\n") if "justified concerns" in p)
    inner = paragraph.replace("justified concerns", "<u>justified concerns</u>", 1)
    page = f'<p>Point 4 reads:</p>\n<blockquote style="{style}"><p>{inner}</p></blockquote>\n'
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(e.style, e.text) for e in source.emphasis if e.status is Status.ADDED] == [
        ("underline", "justified concerns")
    ]


_AGAINST = "against any military presence of extra-regional forces in Northeast Asia"
_STRESSED = "benevolence towards each other"
_QUOTATION_TYPE = {
    "html": (
        "<p>The passage reads{note}:</p>\n<blockquote><p>{block}</p></blockquote>\n"
        "<p>They are “<em>{against}</em>”.</p>\n",
        {"italic": "<em>{}</em>", "bold": "<b>{}</b>"},
    ),
    "md": (
        "The passage reads{note}:\n\n> {block}\n\nThey are *“{against}.”*\n",
        {"italic": "*{}*", "bold": "**{}**"},
    ),
}


@pytest.mark.parametrize("suffix", ["html", "md"])
def test_italics_over_a_whole_quotation_are_the_pages_quotation_type(
    corpus: Corpus, tmp_path: Path, suffix: str
) -> None:
    """A site that sets its quotations in italics ("<blockquote><p><em>...</em></p>",
    "“<em>...</em>”", Markdown's "> *...*") made each quotation of the statement a material
    "italic added" row, where a `<blockquote style="font-style: italic">` made none (audit
    m58). Italics over some of a quotation's words, bold over all of it, or italics a note
    declares stay emphasis."""
    paragraph = next(p for p in corpus.reference.text.split("\n\n") if p.startswith("5."))
    page, styled = _QUOTATION_TYPE[suffix]
    italic, bold = styled["italic"].format(paragraph), styled["bold"].format(paragraph)
    some = paragraph.replace(_STRESSED, styled["italic"].format(_STRESSED))
    cases = [
        ("", italic, []),
        ("", some, [("italic", _STRESSED)]),
        ("", bold, [("bold", paragraph)]),
        (" (italics added)", italic, [("italic", paragraph)]),
    ]
    path = tmp_path / f"copy.{suffix}"
    for note, block, added in cases:
        path.write_text(page.format(note=note, block=block, against=_AGAINST), encoding="utf-8")
        source = analyse(corpus.reference, [load(path)]).sources[0]
        assert [(e.style, e.text) for e in source.emphasis] == added, block


@pytest.mark.parametrize("tag", ["b", "i", "strong"])
def test_each_paragraph_of_a_copy_styled_whole_is_the_pages_style(
    corpus: Corpus, tmp_path: Path, tag: str
) -> None:
    """A page that sets every paragraph of the copy in its own "<p><b>...</b></p>" (its
    paragraph numbers outside the tag, or inside) made one material "bold added" row a
    paragraph: the same site style as one tag around the body. A word stressed inside it
    in another style is still emphasis."""
    paragraphs = corpus.reference.text.split("\n\n")[7:]
    styled = [
        re.sub(r"^(\d+\.\s*)?(.*)$", rf"\1<{tag}>\2</{tag}>", p, flags=re.S) for p in paragraphs
    ]
    k = next(k for k, p in enumerate(styled) if "justified concerns" in p)
    styled[k] = styled[k].replace("justified concerns", "<u>justified concerns</u>", 1)
    page = (
        "<h1>Text</h1>\n<blockquote>" + "".join(f"<p>{p}</p>\n" for p in styled) + "</blockquote>\n"
    )
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(e.style, e.text) for e in source.emphasis if e.status is Status.ADDED] == [
        ("underline", "justified concerns")
    ]


def test_a_note_in_a_footnote_declares_what_comes_before_its_mark(
    corpus: Corpus, tmp_path: Path
) -> None:
    """ "[^1]: Emphasis ours." at the foot of a Markdown page was found, but covered no
    passage, so the italics it declared were undeclared and material (audit e13). It is
    read at its mark ("... in a proper manner.[^1]"): it declares the emphasis before the
    mark, not a bold after it that another note calls the original's."""
    paragraphs = corpus.reference.text.split("\n\n")
    fifth = paragraphs[10].replace("benevolence", "*benevolence*", 1) + "[^1]"
    seventh = paragraphs[12].replace("serious damage", "**serious damage**", 1)
    page = "\n\n".join(["# The text", fifth, paragraphs[11], seventh + " [bold in original]",
                          "Our comment follows.", "[^1]: Emphasis ours."])  # fmt: skip
    path = tmp_path / "copy.md"
    path.write_text(page + "\n", encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    spans = [(e.text, e.declared, e.said_original) for e in source.emphasis]
    assert spans == [
        ("benevolence", "Emphasis ours", ""),
        ("serious damage", "", "[bold in original]"),
    ]
    rows = [(d.copy_text, d.severity) for d in source.divergences if d.kind is Kind.EMPHASIS]
    assert rows == [("benevolence", Severity.MINOR), ("serious damage", Severity.MATERIAL)]


def test_plain_texts_underscores_are_named_as_such(corpus: Corpus) -> None:
    """ "_renounce provocative moves_" was found, with evidence saying "*starred*" (audit
    e13): the evidence names the mark the copy used."""
    text = corpus.reference.text.replace(
        "renounce provocative moves", "_renounce provocative moves_"
    )
    text = text.replace("bellicose rhetoric", "*bellicose rhetoric*")
    source = analyse(corpus.reference, [make_document("Header.\n\n" + text)]).sources[0]
    assert [(e.text, e.evidence.split()[0]) for e in source.emphasis] == [
        ("renounce provocative moves", "_underscored_"),
        ("bellicose rhetoric", "*starred*"),
    ]


def test_a_word_the_copy_changed_and_stressed_is_emphasis(corpus: Corpus, tmp_path: Path) -> None:
    """ "are <b>gravely</b> worried" for "are seriously worried" was a substitution with no
    emphasis (audit e13): emphasis on other words was dropped as a line standing where the
    copy drops one. A few words inside a line of prose are the copier's stress; capitals
    on a changed word ("the US" for "the United States") stay an acronym."""
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    paragraphs[1] = paragraphs[1].replace("seriously worried", "<b>gravely</b> worried", 1)
    paragraphs[3] = paragraphs[3].replace("the United States", "the US", 1)
    page = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(e.text, e.style, e.reference_text) for e in source.emphasis] == [
        ("gravely", "bold", "seriously")
    ]


def test_a_span_styled_normal_inside_bold_is_not_bold(corpus: Corpus) -> None:
    """`<b>a <span style="font-weight:normal">b</span> c</b>` draws "b" plain: the bold
    rows are the words on either side (before, one row over all three). A `<b>` opened
    inside the plain span is bold again, and `font-style: normal` does the same in italics."""
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    plain = '<span style="font-weight:normal">'
    paragraphs[2] = _mark(paragraphs[2], "political and military tension", "<b>", "</b>")
    paragraphs[2] = _mark(paragraphs[2], "and military", plain, "</span>")
    paragraphs[2] = paragraphs[2].replace(
        "armed conflict", f"<b>{plain}armed <b>conflict</b></span></b>", 1
    )
    paragraphs[9] = _mark(paragraphs[9], "using military means", "<em>", "</em>")
    paragraphs[9] = _mark(paragraphs[9], "military", '<span style="font-style: normal">', "</span>")
    page = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    added = [(e.text, e.style) for e in source.sources[0].emphasis]
    assert added == [
        ("political", "bold"),
        ("tension", "bold"),
        ("conflict", "bold"),
        ("using", "italic"),
        ("means", "italic"),
    ]


@pytest.mark.parametrize("tag", ["dfn", "var"])
def test_elements_a_browser_draws_in_italics(corpus: Corpus, tag: str) -> None:
    """A browser draws `<dfn>` and `<var>` in italics: words a copy sets in one are
    emphasis it added, as `<i>` (before, nothing was reported)."""
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    paragraphs = [
        _mark(p, "mutual trust", f"<{tag}>", f"</{tag}>") if "mutual trust" in p else p
        for p in paragraphs
    ]
    page = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    assert [(e.text, e.style) for e in source.sources[0].emphasis] == [("mutual trust", "italic")]


def test_an_ins_element_is_drawn_underlined(corpus: Corpus) -> None:
    """A browser underlines `<ins>`: words a copy sets in it are emphasis it added, as `<u>`."""
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    paragraphs = [
        _mark(p, "mutual trust", "<ins>", "</ins>") if "mutual trust" in p else p
        for p in paragraphs
    ]
    page = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    assert [(e.text, e.style) for e in source.sources[0].emphasis] == [
        ("mutual trust", "underline")
    ]


@pytest.mark.parametrize(
    ("suffix", "starred"),
    [(".md", r"\*benevolence\*"), (".html", "*benevolence*")],
)
def test_stars_a_page_shows_read_as_in_plain_text(
    corpus: Corpus, tmp_path: Path, suffix: str, starred: str
) -> None:
    """Stars a reader sees around a word (escaped in Markdown, plain text in HTML) are
    starred emphasis, one row, as in a plain-text copy (before, a footnote row holding the
    word and both stars)."""
    text = corpus.reference.text.replace("benevolence", starred, 1)
    if suffix == ".html":
        text = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    path = tmp_path / f"copy{suffix}"
    path.write_text(text, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(d.kind, d.copy_text) for d in source.divergences] == [(Kind.EMPHASIS, "benevolence")]


@pytest.mark.parametrize(
    ("note", "false"),
    [
        ("(emphasis in original)", True),
        ("(bold in the original)", True),
        ("(italics in original)", False),  # names another style: says nothing of this bold
        ("(emphasis added)", False),
    ],
)
def test_a_note_saying_added_emphasis_is_the_originals(
    corpus: Corpus, note: str, false: bool
) -> None:
    """A page that bolds the statement's words and says the bold is "in original" makes a
    claim about the reference that is false: the finding says so (before, it read "no
    note declares it", as if the page had said nothing)."""
    paragraphs = _paragraphs(corpus)
    words = "refrain from large-scale joint exercises"
    [k] = [k for k, p in enumerate(paragraphs) if words in p]
    paragraphs[k] = _mark(paragraphs[k], words, "**", "**") + f" {note}"
    page = replace(make_document("\n\n".join(paragraphs) + "\n"), format=Format.MARKDOWN)
    source = analyse(corpus.reference, [page]).sources[0]
    [added] = [e for e in source.emphasis if e.status is Status.ADDED]
    [divergence] = [d for d in source.divergences if d.kind is Kind.EMPHASIS]
    assert added.text == words
    assert (added.said_original == note) is false
    assert ("says the reference has it" in divergence.note) is false
    declared = note == "(emphasis added)"  # declared is minor; the others, material
    assert divergence.severity is (Severity.MINOR if declared else Severity.MATERIAL)
    shown = json.loads(render_json(Analysis(corpus.reference, (source,))))
    [row] = [e for e in shown["sources"][0]["emphasis"] if e["status"] == "added"]
    assert row["said_original"] == (note if false else None)
    shown_text = render_text(Analysis(corpus.reference, (source,)))
    assert (f"its note {note!r} says the reference has it; it does not" in shown_text) is false


@pytest.mark.parametrize(
    "note", ["(emphasis added)", "(emphasis in original)", "(bold mine)", "[emphasis added]"]
)
@pytest.mark.parametrize("inline", [True, False])
def test_a_note_inside_a_quotation_is_not_quoted_words(
    corpus: Corpus, note: str, inline: bool
) -> None:
    """A note declaring emphasis, set inside the quotation it speaks of, is the page's
    word about the quotation, not words it quotes: the quotation stays verbatim (before,
    the note was compared as words, a material substitution for "Simultaneously, the")."""
    [sentence] = [s for s in corpus.reference.text.split(". ") if "refrain from large" in s]
    sentence = sentence.split("\n")[-1]
    marked = _mark(sentence, "refrain from large-scale joint exercises", "**", "**")
    if inline:
        page = f"The joint statement reads: \u201c{marked} {note}.\u201d Few expect it.\n"
    else:
        page = f"The key paragraph of the joint statement reads:\n\n> {marked} {note}.\n\nFew do.\n"
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.MARKDOWN)])
    quotes = source.sources[0].quotes
    assert [(q.verdict.value, q.attributed) for q in quotes] in ([], [("verbatim", True)])
    assert not [d for q in quotes for d in q.divergences]
    [added] = [e for e in source.sources[0].emphasis if e.status is Status.ADDED]
    assert added.text == "refrain from large-scale joint exercises"


@pytest.mark.parametrize(
    ("suffix", "opening", "closing"),
    [
        (".html", "<del>", "</del>"),
        (".html", "<s>", "</s>"),
        (".html", "<strike>", "</strike>"),
        (".html", '<span style="text-decoration: line-through">', "</span>"),
        (".md", "~~", "~~"),
    ],
)
def test_words_struck_through_are_a_style_the_copy_added(
    corpus: Corpus, tmp_path: Path, suffix: str, opening: str, closing: str
) -> None:
    """A copy that strikes through the statement's words shows them as deleted, whatever
    it prints: a style added, as bold is (before, `<del>` was no style at all, and a
    Markdown copy's `~~` were two insertions of punctuation)."""
    words = "mutual trust"
    paragraphs = [
        _mark(p, words, opening, closing) if words in p else p for p in _paragraphs(corpus)
    ]
    if suffix == ".html":
        page = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs)
        page = page.replace(html.escape(opening, quote=False), opening)
        page = page.replace(html.escape(closing, quote=False), closing)
    else:
        page = "\n\n".join(paragraphs) + "\n"
    path = tmp_path / f"copy{suffix}"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(e.text, e.style, e.status) for e in source.emphasis] == [
        (words, "strikethrough", Status.ADDED)
    ]
    assert [(d.kind, d.copy_text) for d in source.divergences] == [(Kind.EMPHASIS, words)]


@pytest.mark.parametrize(
    ("opening", "closing", "declared"),
    [
        ("Bold ours throughout.", "", True),
        ("Note: all bold type in the text below is ours.", "", True),
        ("Emphasis below is mine.", "", True),
        ("The bold below is ours, to show the stakes.", "", True),
        ("", "Emphasis added throughout.", True),
        ("All emphasis in this article is ours. Commentary first, then the text.", "", True),
        ("", "All bold in this piece is ours.", True),  # (audit n19)
        ("The two passages follow, with bold added.", "", False),  # covers the first only
    ],
)
def test_a_note_for_the_whole_page_declares_every_passage(
    corpus: Corpus, opening: str, closing: str, declared: bool
) -> None:
    """ "Bold ours throughout." before the text covered no passage (its bold stayed
    undeclared, material), and "Emphasis added throughout." at the end covered only the
    last passage: a note saying it holds throughout (or for the text below) covers every
    passage after it, or the page's."""
    paragraphs = _paragraphs(corpus)
    first = _mark(paragraphs[2], paragraphs[2].split(",")[0], "**", "**")
    second = _mark(paragraphs[9], paragraphs[9].split(",")[0], "**", "**")
    page = "\n\n".join(
        p
        for p in (
            "# Two passages",
            opening,
            first,
            "Between them, commentary of our own that the statement does not share at all.",
            second,
            closing,
        )
        if p
    )
    capture = replace(make_document(page + "\n"), format=Format.MARKDOWN)
    source = analyse(corpus.reference, [capture])
    added = [e for e in source.sources[0].emphasis if e.status is Status.ADDED]
    assert len(source.sources[0].passages) == 2
    assert len(added) == 2
    assert [bool(e.declared) for e in added] == [True, declared]
    assert source.sources[0].lost_markup == ()
    [note] = source.sources[0].emphasis_notes
    # what it covers, every passage for a note holding throughout (the report's covers_all)
    passages = [p.copy for p in source.sources[0].passages]
    assert [p.copy for p in note.covering] == (passages if declared else passages[:1])
    assert note.covers == note.covering[0]


@pytest.mark.parametrize("note", ["(emphasis added)", "(emphasis in the original)"])
def test_a_note_introducing_a_passage_of_an_html_page_covers_it(corpus: Corpus, note: str) -> None:
    """In an HTML page a note introducing the passage ("They read (emphasis added):") was
    compared by its offset in the file with the passage's in the readable text: where the
    markup before it made the first larger, the note read as one inside the passage,
    declaring only what comes before it, so the bold after it stayed undeclared."""
    paragraph = html.escape(_paragraphs(corpus)[2], quote=False)
    words = paragraph.split(",")[-1].strip(" .")  # late in the passage: past the note's offset
    marked = paragraph.replace(words, f"<b>{words}</b>", 1)
    head = "<head><title>x</title><style>p{margin:0}" + " " * 200 + "</style></head>"
    page = f"<html>{head}<body><p>They read {note}:</p><p>{marked}</p></body></html>"
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    [added] = [e for e in source.sources[0].emphasis if e.status is Status.ADDED]
    if "added" in note:
        assert added.declared == note
    else:
        assert added.said_original == note


@pytest.mark.parametrize(
    ("fmt", "bold", "note"),
    [
        (Format.TEXT, "OPPOSE ANY STATEMENTS", " (emphasis mine)"),
        (Format.TEXT, "OPPOSE ANY STATEMENTS", " [Emphasis added.]"),
        (Format.MARKDOWN, "**oppose any statements**", " (bold ours)"),
        (Format.HTML, "<b>oppose any statements</b>", " <i>(emphasis added)</i>"),
    ],
)
def test_a_note_on_emphasis_inside_the_copy_is_an_editorial_row_not_an_insertion(
    corpus: Corpus, fmt: Format, bold: str, note: str
) -> None:
    """The copier's note declaring its emphasis, set inside the copy at a paragraph's end,
    was a material insertion of "words the reference does not have", though the same
    analysis read it as the note that declares the emphasis (so a page that declared its
    bold got a material finding, one that did not declare it none)."""
    paragraphs = corpus.reference.text.split("\n\n")
    paragraph = paragraphs[2].replace("oppose any statements", bold)
    assert bold in paragraph
    pieces = [paragraphs[1], paragraph + note, paragraphs[3]]
    if fmt is Format.HTML:
        text = "".join(f"<p>{p}</p>\n" for p in pieces)
    else:
        text = "\n\n".join(pieces) + "\n"
    page = replace(make_document(text), format=fmt)
    source = analyse(corpus.reference, [page]).sources[0]
    [found] = source.emphasis_notes
    rows = [(d.kind, d.severity) for d in source.divergences if d.kind is not Kind.EMPHASIS]
    assert rows == [(Kind.EDITORIAL, Severity.MINOR)]
    [editorial] = [d for d in source.divergences if d.kind is Kind.EDITORIAL]
    assert found.text in editorial.copy_text
    assert "note" in editorial.note


@pytest.mark.parametrize(
    ("note", "declares"),
    [
        ("(emphasis not in original)", "added"),
        ("(stress added)", "added"),
        ("(added emphasis)", "added"),
        ("(Emphasis: ours)", "added"),
        ("[emphasis original]", "original"),
    ],
)
def test_a_note_in_other_words_declares_the_emphasis(
    corpus: Corpus, note: str, declares: str
) -> None:
    """Notes worded otherwise than "(emphasis added)" or "(emphasis in original)" were
    not read: "not in original" (which says added; it was read as "in original"), "stress"
    for emphasis, "added" before what it names, a colon before whose it is."""
    paragraph = html.escape(_paragraphs(corpus)[2], quote=False)
    words = paragraph.split(",")[-1].strip(" .")
    page = (
        f"<html><body><p>{paragraph.replace(words, f'<b>{words}</b>', 1)} {note}</p></body></html>"
    )
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    [found] = source.sources[0].emphasis_notes
    assert (found.text, found.declares) == (note, declares)
    [added] = [e for e in source.sources[0].emphasis if e.status is Status.ADDED]
    assert (added.declared or added.said_original) == note


def test_a_tinted_box_around_a_copied_paragraph_is_no_emphasis(corpus: Corpus) -> None:
    """A newsletter sets its body on a grey ground and boxes a paragraph of the statement
    in a tinted <div>: the layout's colour, not a highlighter run over the words. A span
    highlighted inside the box still is one."""
    paragraph = html.escape(_paragraphs(corpus)[12], quote=False)
    marked = _mark(
        paragraph, "THAAD antimissile systems", '<span style="background:#ff0">', "</span>"
    )
    page = (
        '<html><body style="background:#f4f4f4"><table style="background:#ffffff"><tr>'
        '<td style="padding:20px"><p>On missile defence, the key lines:</p>'
        f'<div style="background-color:#eef2f7;padding:8px"><p>{paragraph}</p></div>'
        "<p>And again, with our highlight:</p>"
        f'<div style="background-color:#eef2f7;padding:8px"><p>{marked}</p></div>'
        "</td></tr></table></body></html>"
    )
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    added = [(e.text, e.style) for e in source.sources[0].emphasis]
    assert added == [("THAAD antimissile systems", "mark")]


def test_markdown_front_matter_is_not_compared(corpus: Corpus) -> None:
    """A Hugo post whose front matter `description` holds a sentence of the statement:
    metadata, as an HTML <head> is, so no excerpt, no quotation; and the note "Bold is
    ours." in the body covers the copy it introduces, not the front matter."""
    paragraphs = _paragraphs(corpus)
    sentence = paragraphs[2].split(". ")[2].rstrip(".") + "."
    body = "\n\n".join(paragraphs[:13])
    body = body.replace("inflicting serious damage", "**inflicting serious damage**", 1)
    page = (
        "---\n"
        'title: "The statement in full"\n'
        f'description: "{sentence}"\n'
        'tags: ["korea", "documents"]\n'
        "---\n\n"
        "Below is the full text of the statement. Bold is ours.\n\n"
        f"{body}\n"
    )
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.MARKDOWN)])
    found = source.sources[0]
    opening = page.index("Below")
    assert all(p.copy.start > opening for p in found.passages)
    assert all(q.span.start > opening for q in found.quotes)
    [added] = found.emphasis
    assert added.text == "inflicting serious damage"
    assert added.declared == "Bold is ours"


@pytest.mark.parametrize(
    ("name", "page", "added"),
    [
        ("heading.html", "<h2><strong>{0}</strong></h2><p>The page goes on.</p>", False),
        ("heading.md", "## **{0}**\n\nThe page goes on.\n", False),
        ("paragraph.html", "<p><strong>{0}</strong></p><p>The page goes on.</p>", True),
    ],
)
def test_bold_markup_in_a_heading_adds_no_emphasis(
    corpus: Corpus, tmp_path: Path, name: str, page: str, added: bool
) -> None:
    """A line of the statement set as the page's subheading in <strong> (or "## **...**"):
    a heading is drawn bold, and its markup adds nothing. It was material emphasis added
    to the statement; in a paragraph the same markup is."""
    line = (
        "Any possibility of using military means to solve the problems of the Korean "
        "Peninsula should be ruled out."
    )
    assert line in corpus.reference.text
    (tmp_path / name).write_text(page.format(line), encoding="utf-8")
    source = analyse(corpus.reference, [load(tmp_path / name)]).sources[0]
    assert [p.kind for p in source.passages] == [PassageKind.EXCERPT]
    assert bool([d for d in source.divergences if d.kind is Kind.EMPHASIS]) is added


@pytest.mark.parametrize(
    "marked",
    [
        "_serious\n> damage_",  # an e-mail quotation's emphasis across its lines
        "*serious\ndamage*",  # across a line break
        "_serious damage_\n",  # at a line's end
        "SERIOUS DAMAGE\n",  # capitals at a line's end
    ],
)
def test_plain_text_emphasis_across_or_at_a_line_break_is_one_row(
    corpus: Corpus, tmp_path: Path, marked: str
) -> None:
    """Starred, underscored or capitalised words at or across a line break: one emphasis
    row, whose text is the file's own slice. Each also gave a footnote, punctuation or
    case row for its marks and the line break, and the e-mail's row lost its "> "."""
    [paragraph] = [p for p in _paragraphs(corpus) if "serious damage" in p]
    head, tail = paragraph.split("serious damage ")
    text = head + marked + ("" if marked.endswith("\n") else " ") + tail
    if "\n> " in marked:
        text = "> " + text  # both lines of the quotation opened by ">"
    path = tmp_path / "page.txt"
    path.write_text("A reader wrote:\n\n" + text + "\n", encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    rows = [(d.kind, d.copy_text) for d in source.divergences]
    [(kind, copied)] = rows
    assert kind is Kind.EMPHASIS
    assert (
        copied
        == path.read_text(encoding="utf-8")[
            source.divergences[0].copy.start : source.divergences[0].copy.end
        ]
    )
    # the report's emphasis entry says the same (it lost the "> " where the row kept it)
    [entry] = _emphasis_json(source)["emphasis"]
    assert entry["text"] == copied


@pytest.mark.parametrize("header", ["Point", "No."])
def test_a_caption_note_declares_the_emphasis_under_its_table_s_header_row(
    corpus: Corpus, tmp_path: Path, header: str
) -> None:
    """A table captioned "(emphasis added)", its header row ("Point", "Statement text"),
    then the copy: the note introduces the copy, the header row standing between as a
    heading would. The mark was undeclared, material; and still was under a header cell
    "No." (an abbreviation's full stop read as a sentence's end), found by a variant."""
    [paragraph] = [p for p in _paragraphs(corpus) if "THAAD antimissile systems" in p]
    marked = paragraph.replace(
        "THAAD antimissile systems", "<mark>THAAD antimissile systems</mark>"
    ).removeprefix("6. ")
    page = (
        "<table><caption>Table 1. Point six (emphasis added)</caption>"
        f"<thead><tr><th>{header}</th><th>Statement text</th></tr></thead>"
        f"<tr><td>{marked}</td></tr></table>"
    )
    path = tmp_path / "table.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    [row] = [d for d in source.divergences if d.kind is Kind.EMPHASIS]
    assert row.severity is Severity.MINOR


def test_emphasis_set_by_a_class_rule_or_a_text_colour_is_added(corpus: Corpus) -> None:
    """A blog styles its highlights in its stylesheet (`.pick { font-weight: 700 }`,
    `span.warn { color: #b00 }`) and an old page uses `<font color>`: each is emphasis the
    copy added, as the same styles set inline are. A link's colour, a near-black text
    colour, a grey that mutes words (`.muted { color: #777 }`) and a tag-only rule
    (`p { color: navy }`: every paragraph) are none."""
    paragraph = html.escape(_paragraphs(corpus)[12], quote=False)
    marked = _mark(paragraph, "serious damage", '<span class="pick">', "</span>")
    marked = _mark(marked, "THAAD antimissile systems", '<span class="warn">', "</span>")
    marked = _mark(marked, "Russia and China", '<font color="#0066cc">', "</font>")
    marked = _mark(marked, "regional states", '<a href="/states" style="color:#00c">', "</a>")
    marked = _mark(marked, "peace and stability", '<span style="color:#333">', "</span>")
    marked = _mark(marked, "strategic security", '<span class="muted">', "</span>")
    marked = _mark(marked, "in the region", '<span style="color: rgb(150,150,150)">', "</span>")
    page = (
        "<html><head><style>/* site */ .pick { font-weight: 700 } span.warn { color: #b00 }"
        " .muted { color: #777 }"
        " p { color: navy }</style></head><body><p>From the ministries' text:</p>"
        f"<p>{marked}</p></body></html>"
    )
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    added = sorted((e.text, e.style) for e in source.sources[0].emphasis)
    assert added == [
        ("Russia and China", "mark"),
        ("THAAD antimissile systems", "mark"),
        ("serious damage", "bold"),
    ]


@pytest.mark.parametrize("order", ["weight 400 first", "weight 700 first"])
def test_a_google_docs_exports_classes_are_read_in_the_sheets_order(
    corpus: Corpus, order: str
) -> None:
    """Google Docs' "Download as HTML" gives every span a class of weight 400 and its bold
    words another of weight 700 ("c0 c2"): a browser draws the later rule of the sheet, as
    a page's own style beats both. Both read, the 400 turned the bold off and an undeclared
    bold went unreported (audit n20). Whichever order the attribute lists them in."""
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    classes = "c0 c2" if order == "weight 400 first" else "c2 c0"
    paragraphs[9] = _mark(paragraphs[9], "ruled out", f'<span class="{classes}">', "</span>")
    paragraphs[12] = _mark(
        paragraphs[12], "serious damage", '<span class="c2" style="font-weight:400">', "</span>"
    )
    body = "".join(f'<p class="c1"><span class="c0">{p}</span></p>' for p in paragraphs)
    sheet = ".c0{font-weight:400;font-style:normal}.c1{margin:0}.c2{font-weight:700}"
    page = f"<html><head><style>{sheet}</style></head><body>{body}</body></html>"
    assert _added_in_html(corpus, page) == [("ruled out", "bold")]


def test_a_mark_drawn_without_a_background_or_a_colour_is_no_emphasis(corpus: Corpus) -> None:
    """WordPress's block editor sets a text colour with `<mark>` and a transparent
    background ("rgba(0, 0, 0, 0)"): black words on nothing, no highlight; it was a
    material mark added (audit n20). A <mark> in colour, or with its default yellow, is."""
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    clear = (
        '<mark style="background-color:rgba(0, 0, 0, 0);color:#000000" class="has-inline-color">'
    )
    paragraphs[9] = _mark(paragraphs[9], "ruled out", clear, "</mark>")
    red = '<mark style="background-color:transparent;color:#cf2e2e" class="has-inline-color">'
    paragraphs[12] = _mark(paragraphs[12], "serious damage", red, "</mark>")
    paragraphs[3] = _mark(paragraphs[3], "joint initiative", "<mark>", "</mark>")
    # (alpha 0 in other notations: audit v25)
    paragraphs[5] = _mark(
        paragraphs[5], "moratorium", '<mark style="background:#ffff0000">', "</mark>"
    )
    paragraphs[6] = _mark(
        paragraphs[6],
        "Parties",
        '<span style="background-color: hsla(60, 100%, 50%, 0)">',
        "</span>",
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    added = sorted(_added_in_html(corpus, f"<html><body>{body}</body></html>"))
    assert added == [("joint initiative", "mark"), ("serious damage", "mark")]


def test_a_glossarys_bold_headword_is_no_emphasis_added(reference: Document) -> None:
    """A handout's glossary sets each term of the statement in bold before its definition
    ("- **“double freezing”** — the Chinese formula."): the page's layout. Once the term
    was read as the statement's (a heading no longer speaking it), the bold was reported as
    emphasis added, material. A term stressed inside a sentence still is."""
    text = (
        "### Key terms\n\n"
        "- **\u201cdouble freezing\u201d** \u2014 the Chinese formula for a mutual halt.\n"
        "- **\u201cparallel advancement\u201d**: talks on two tracks at once.\n\n"
        "The statement backs the **\u201cstage-by-stage Korean settlement plan\u201d** of Moscow.\n"
    )
    page = replace(make_document(text), format=Format.MARKDOWN)
    [source] = analyse(reference, [page]).sources
    added = [d.copy_text for d in source.divergences if d.kind is Kind.EMPHASIS]
    assert len(added) == 1 and "stage-by-stage" in added[0], added


def test_a_note_after_a_list_of_quoted_passages_covers_each_of_them(
    reference: Document,
) -> None:
    """'(Emphasis added.)' after the last of three block quotations set one after another
    ("Key passages") declares the bold in each of them; it covered only the last, and the
    bold in the others was material, "no note declares it"."""
    paragraphs = [p for p in reference.text.split("\n\n") if p[:2] in ("1.", "2.", "5.")]
    blocks = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        words[3] = f"<strong>{words[3]}</strong>"
        blocks.append(f"<blockquote><p>{' '.join(words)}</p></blockquote>")
    page = (
        "<html><body><h2>Key passages</h2>\n"
        + "\n<p>Passage 2</p>\n".join(blocks)
        + "\n<p>(Emphasis added.)</p><p>The rest is routine, we think.</p></body></html>"
    )
    document = replace(make_document(page, "keys"), format=Format.HTML)
    [source] = analyse(reference, [document]).sources
    marked = [d.severity for d in source.divergences if d.kind is Kind.EMPHASIS]
    assert marked == [Severity.MINOR] * 3, marked


@pytest.mark.parametrize(
    "note",
    [
        "(Italics in original; bold added.)",
        "(Italics in original; bold and underlining added.)",
        "(Emphasis in original, bold ours.)",
    ],
)
def test_each_clause_of_one_note_covers_the_passage_before_it(
    corpus: Corpus, tmp_path: Path, note: str
) -> None:
    """A note of two clauses after a quoted excerpt: the second ("bold added") declares
    the bold as the first covers the passage (the first clause claimed the passage, and
    the bold stayed material, "no note declares it")."""
    (point,) = [p for p in _paragraphs(corpus) if p.startswith("2. ")]
    paragraph = _mark(point, "serious concern", "**", "**")
    path = tmp_path / "page.md"
    path.write_text(
        f"# Point two\n\nThe passage reads:\n\n> {paragraph}\n\n{note}\n\nOur view follows.\n",
        encoding="utf-8",
    )
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert all(n.covers is not None for n in source.emphasis_notes)
    (row,) = [d for d in source.divergences if d.kind is Kind.EMPHASIS]
    assert row.copy_text == "serious concern"
    assert row.severity is Severity.MINOR
    assert "declared by its note" in row.note


def test_a_capitals_note_declares_the_capitals_and_prose_naming_capitals_is_no_note(
    corpus: Corpus,
) -> None:
    """Capitals set by the copy after "(caps mine)" are declared (minor); "the two capitals
    added" in prose is no note."""
    paragraph = corpus.reference.text.split("\n\n")[2].replace("serious", "SERIOUS", 1)
    page = make_document(f"The ministries wrote:\n\n{paragraph} (caps mine)\n\nMore later.")
    source = analyse(corpus.reference, [page]).sources[0]
    [shout] = [e for e in source.emphasis if e.status is Status.ADDED]
    assert shout.style == "caps" and shout.declared == "(caps mine)"
    prose = make_document(
        f"Moscow and Beijing, the two capitals added, wrote:\n\n{paragraph}\n\nThe end."
    )
    assert not analyse(corpus.reference, [prose]).sources[0].emphasis_notes


@pytest.mark.parametrize("note", ["(emphasis in original)", "(emphasis added)"])
def test_a_note_in_the_line_introducing_a_passage_covers_it_not_the_one_before(
    corpus: Corpus, note: str
) -> None:
    """ "On THAAD:" and a quoted paragraph with bold, then "And in point 5 (NOTE):" and a
    paragraph with bold: the second line's note went to the first paragraph (ending just
    before it), and the bold it was written for had none."""
    paragraphs = corpus.reference.text.split("\n\n")
    thaad = next(p for p in paragraphs if p.startswith("The Parties confirm that the deploy"))
    five = next(p for p in paragraphs if "benevolence" in p)
    page = (
        "<p>On THAAD:</p>\n<blockquote><p>"
        + thaad.replace("inflicting serious damage", "<strong>inflicting serious damage</strong>")
        + f"</p></blockquote>\n<p>And in point 5 {note}:</p>\n<blockquote><p>"
        + five.replace("benevolence", "<b>benevolence</b>")
        + "</p></blockquote>\n"
    )
    document = replace(make_document(page, "lead-in"), format=Format.HTML, path=Path("p.html"))
    spans = {e.text: e for e in analyse(corpus.reference, [document]).sources[0].emphasis}
    first, second = spans["inflicting serious damage"], spans["benevolence"]
    assert not first.declared and not first.said_original
    assert (second.declared or second.said_original) == note


@pytest.mark.parametrize("form", ["markdown", "html"])
def test_emphasis_in_a_paragraph_the_copy_moved_is_reported(form: str, reference: Document) -> None:
    """Points 5 and 6 swapped, a phrase bold in each, or the statement's last line put
    first with "in Moscow" bold: the moved paragraph's words are an insertion in the
    passage's alignment, and their emphasis went unreported (one of two, or none)."""
    paragraphs = reference.text.split("\n\n")
    five = next(k for k, p in enumerate(paragraphs) if p.startswith("5. "))
    six = next(k for k, p in enumerate(paragraphs) if p.startswith("6. "))
    bold = ("**", "**") if form == "markdown" else ("<b>", "</b>")
    paragraphs[five] = _mark(paragraphs[five], "display benevolence", *bold)
    paragraphs[six] = _mark(paragraphs[six], "extra-regional forces", *bold)
    paragraphs[five], paragraphs[six] = paragraphs[six], paragraphs[five]
    last = _mark(paragraphs.pop(), "in Moscow", *bold)
    paragraphs.insert(0, last)
    if form == "markdown":
        page = replace(make_document("\n\n".join(paragraphs) + "\n"), format=Format.MARKDOWN)
    else:
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        page = replace(make_document(f"<html><body>{body}</body></html>"), format=Format.HTML)
    [source] = analyse(reference, [page]).sources
    added = sorted(e.text for e in source.emphasis)
    assert added == ["display benevolence", "extra-regional forces", "in Moscow"], added


@pytest.mark.parametrize(
    ("marked", "style"),
    [
        ("DENUCLEAR\u00adISATION", "caps"),
        ("*denuclear\u00adisation*", "starred"),
        ("_denuclear\u200bisation_", "starred"),
    ],
)
def test_an_invisible_character_in_a_word_plain_text_emphasises_is_still_reported(
    reference: Document, marked: str, style: str
) -> None:
    """A soft hyphen or zero-width space inside a word in capitals or between stars: the
    case change (or the stars) are the emphasis, but the invisible character was lost with
    them (capitals), or the stars and the word were one footnote or punctuation row. It is
    an invisible row of the word alone, beside the emphasis."""
    paragraph = next(p for p in reference.text.split("\n\n") if "denuclearisation" in p)
    page = "Intro.\n\n" + paragraph.replace("denuclearisation", marked, 1) + "\n"
    [source] = analyse(reference, [make_document(page)]).sources
    rows = sorted((d.kind.value, str(d.severity), d.copy_text) for d in source.divergences)
    word = marked.strip("*_")
    assert rows == [("emphasis", "material", word), ("invisible", "minor", word)], rows
    assert [e.style for e in source.emphasis] == [style]


@pytest.mark.parametrize("mark", [",", "\u201c", "(", "."])
def test_a_mark_alone_in_bold_stresses_no_words(reference: Document, mark: str) -> None:
    """ "region<b>,</b> fraught": markup around a punctuation mark alone was a material
    emphasis added; it stresses no words of the statement."""
    at = {",": "region, fraught", "\u201c": "\u201cdouble", "(": "(DPRK)", ".": "in Moscow."}
    body = "".join(f"<p>{p}</p>" for p in reference.text.split("\n\n"))
    phrase = at[mark]
    assert phrase in body, phrase
    body = body.replace(phrase, phrase.replace(mark, f"<b>{mark}</b>", 1), 1)
    page = replace(make_document(f"<html><body>{body}</body></html>"), format=Format.HTML)
    [source] = analyse(reference, [page]).sources
    assert not source.emphasis
    assert not [d for d in source.divergences if d.severity is Severity.MATERIAL]


@pytest.mark.parametrize("marked", ["**seriously\u00a0worried**", "SERIOUSLY\u00a0WORRIED"])
def test_emphasis_in_a_copy_of_no_break_spaces_leaves_a_whitespace_row(
    reference: Document, marked: str
) -> None:
    """A plain-text copy whose every space is a no-break one, stars or capitals on two
    words: the spaces and the marks were one minor punctuation (or case) row over the
    whole stretch of unchanged words. The marks are the emphasis; the rest is what it is,
    a whitespace row."""
    paragraph = next(p for p in reference.text.split("\n\n") if "seriously worried" in p)
    copy = paragraph.replace(" ", "\u00a0").replace("seriously\u00a0worried", marked, 1)
    [source] = analyse(reference, [make_document(f"Intro.\n\n{copy}\n")]).sources
    rows = sorted((d.kind.value, str(d.severity)) for d in source.divergences)
    assert rows == [("emphasis", "material"), ("whitespace", "cosmetic")], rows
    assert [e.text for e in source.emphasis] == [marked.strip("*")]


def test_capitals_in_an_html_copy_of_no_break_spaces_are_read_in_the_file(
    reference: Document,
) -> None:
    """The same in HTML, spaces written `&nbsp;` and a tag in the stretch: a row's
    readable text is shorter than its stretch of the file, and undoing the capitals by the
    file's offsets ran past the row's text (an internal error). The page is read; the
    capitals are the emphasis."""
    paragraph = next(p for p in reference.text.split("\n\n") if "seriously worried" in p)
    copy = paragraph.replace(
        "The Parties are seriously worried",
        "The <b>Parties</b>&nbsp;are&nbsp;SERIOUSLY&nbsp;WORRIED",
        1,
    )
    body = f"<html><body><p>Intro.</p><p>{copy}</p></body></html>"
    [source] = analyse(reference, [replace(make_document(body), format=Format.HTML)]).sources
    assert "SERIOUSLY\u00a0WORRIED" in [e.text for e in source.emphasis]


@pytest.mark.parametrize(
    ("other", "declared"),
    [
        # the page quotes another text after the copy, with bold of its own: the note
        # after that text is about that bold
        (
            "<p>Resolution 2321 reads:</p><blockquote><p>Decides that the DPRK shall "
            "<strong>abandon all nuclear weapons</strong> in a complete manner.</p></blockquote>",
            False,
        ),
        # one word set in bold in the other text is emphasis too (audit v22)
        (
            "<p>The US envoy answered:</p><blockquote><p>This is <strong>unacceptable</strong>"
            " to my government.</p></blockquote>",
            False,
        ),
        # a bold label or heading between the copy and the note is no emphasis a note
        # speaks of
        ("<p><strong>Source:</strong> the ministry's site.</p>", True),
        ("<p><strong>Background</strong></p>", True),
    ],
)
def test_a_note_after_another_texts_emphasis_is_about_that_emphasis(
    corpus: Corpus, other: str, declared: bool
) -> None:
    """ "(emphasis added)" after a resolution the page quotes with bold of its own was read
    as declaring the bold the page added to the statement's copy above it, which then
    passed as minor (audit n19)."""
    paragraphs = [html.escape(p, quote=False) for p in _paragraphs(corpus)]
    paragraphs[1] = _mark(paragraphs[1], "in disharmony with", "<strong>", "</strong>")
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:3])
    page = f"<html><body>{body}{other}<p>(emphasis added)</p></body></html>"
    source = analyse(corpus.reference, [replace(make_document(page), format=Format.HTML)])
    [added] = source.sources[0].emphasis
    assert added.text == "in disharmony with"
    assert bool(added.declared) is declared


@pytest.mark.parametrize(
    ("reference", "copy", "added"),
    [
        ("LA CRISE à PARIS was discussed.", "LA CRISE à PARIS was discussed.", []),
        (
            "La crise à Paris was discussed.",
            "LA CRISE À PARIS was discussed.",
            ["LA CRISE À PARIS"],
        ),
    ],
)
def test_a_lower_case_letter_outside_ascii_parts_two_runs_of_capitals(
    reference: str, copy: str, added: list[str]
) -> None:
    """A single "à" between two words in capitals joined them into one run, whose
    reference text was then not all capitals: an exact copy had caps 'added' (found by
    the engine-cost helper)."""
    source = compare(
        make_document(f"Intro.\n\n{reference}\n\nEnd.\n", "reference"),
        make_document(f"Intro.\n\n{copy}\n\nEnd.\n", "copy"),
    ).sources[0]
    assert [e.text for e in source.emphasis] == added


@pytest.mark.parametrize(
    ("note", "declared"),
    [
        ("(bold italics ours)", {"bold": False, "italic": True}),
        ("(italics ours)", {"bold": False, "italic": True}),
        ("(bold ours)", {"bold": True, "italic": False}),
    ],
)
def test_italics_inside_bold_are_drawn_bold_italic(
    corpus: Corpus, note: str, declared: dict[str, bool]
) -> None:
    """ "**escalate tension or _aggravate the contradictions_**" draws the inner words in
    bold italics: "(bold italics ours)" declares them, as it declares "***...***" (they
    were an undeclared italic row, audit e55); the bold around them stays bold alone."""
    paragraph = next(p for p in corpus.reference.text.split("\n\n") if p.startswith("2."))
    marked = paragraph.replace(
        "escalate tension or aggravate the contradictions",
        "**escalate tension or _aggravate the contradictions_**",
        1,
    )
    page = replace(make_document(f"{note}:\n\n> {marked}\n"), format=Format.MARKDOWN)
    source = analyse(corpus.reference, [page]).sources[0]
    got = {e.style: bool(e.declared) for e in source.emphasis if e.status is Status.ADDED}
    assert got == declared


def test_a_note_after_a_later_block_does_not_reach_a_block_with_a_note_of_its_own(
    corpus: Corpus, tmp_path: Path
) -> None:
    """Two block quotations, each followed by its own note, a short label between them:
    "(bold added)" after the second declared the bold of the first too, whose own note
    "(underlining ours)" names underlining only (audit e56). A note covers a run of blocks
    back to one that has its own."""
    paragraphs = corpus.reference.text.split("\n\n")
    first = next(p for p in paragraphs if "does nothing to help" in p)
    second = next(p for p in paragraphs if "adopt the necessary measures" in p)
    first = first.replace("inflicting serious damage", "<u>inflicting serious damage</u>", 1)
    first = first.replace("does nothing to help", "<b>does nothing to help</b>", 1)
    second = second.replace("adopt the necessary measures", "<b>adopt the necessary measures</b>")
    page = (
        f"<p>The first passage:</p>\n<blockquote><p>{first}</p></blockquote>\n"
        "<p>(underlining ours)</p>\n<p>The second comes straight after it:</p>\n"
        f"<blockquote><p>{second}</p></blockquote>\n<p>(bold added)</p>\n"
    )
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(e.text, e.declared) for e in source.emphasis] == [
        ("inflicting serious damage", "(underlining ours)"),
        ("does nothing to help", ""),
        ("adopt the necessary measures", "(bold added)"),
    ]


@pytest.mark.parametrize("mark", ["*", "†"])
def test_a_star_footnote_declares_the_emphasis_of_the_passage_it_hangs_on(
    corpus: Corpus, tmp_path: Path, mark: str
) -> None:
    """`<sup>*</sup>` after the passage and "* Emphasis added." at the foot, a long
    paragraph of the page's own between: the note covered no passage (it was read where
    it stands, too far below), so the bold it declares was material (audit e56). It is
    read at its mark, as "[^1]" footnotes are."""
    paragraph = next(p for p in corpus.reference.text.split("\n\n") if "comply with" in p)
    quoted = paragraph.replace("comply with the commitments", "<b>comply with the commitments</b>")
    comment = " ".join(["The talks of 2005 broke down within a year, and nothing since."] * 9)
    page = (
        f"<p>The passage:</p>\n<blockquote><p>{quoted}<sup>{mark}</sup></p></blockquote>\n"
        f"<p>{comment}</p>\n<p>{mark} Emphasis added.</p>\n"
    )
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    assert [(e.text, e.declared) for e in source.emphasis] == [
        ("comply with the commitments", "Emphasis added")
    ]


def test_a_note_of_highlighting_names_the_marks_where_the_passage_has_them(
    corpus: Corpus, tmp_path: Path
) -> None:
    # With a <mark> in the passage, "(Highlighting added.)" is the mark's note, and bold
    # beside it stays undeclared (audit e55 expected so); with none, it is the bold's.
    paragraphs = _paragraphs(corpus)
    body = [
        _mark(paragraphs[5], "by way of a voluntary political decision", "<mark>", "</mark>"),
        _mark(paragraphs[7], "resolutely committed", "<b>", "</b>"),
    ]
    page = "".join(f"<p>{p}</p>\n" for p in body) + "<p>(Highlighting added.)</p>\n"
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    source = analyse(corpus.reference, [load(path)]).sources[0]
    declared = {e.style: bool(e.declared) for e in source.emphasis if e.status is Status.ADDED}
    assert declared == {"mark": True, "bold": False}
