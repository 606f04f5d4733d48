"""HTML page furniture (`nav`, `header`, `footer`, `aside`): read where it holds the
reference, set aside and listed where it holds none of it.

A page may set the statement, or part of it, in an element browsers draw as furniture: a
full text in a sidebar box, the signature line in the article's `<footer>`, the opening
paragraph in its `<header>`, a pull quote in an `<aside>`. Those are the statement's words
as the page shows them. Furniture sharing no five-word run with the reference (a menu, a
weather box) cannot hold any part of a copy: it stays out of the comparison, and the
report lists where it is, so nothing the page shows is lost without a word.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import SourceResult, analyse
from provenance.cli import main
from provenance.extract import extract
from provenance.load import load
from provenance.model import Document, Format, Kind, PassageKind, Severity

PARAGRAPHS = [
    "The river commissions of Norland and Easterby share the Grey Valley basin, and the "
    "condition of its waters concerns the farmers, towns and fisheries of both countries.",
    "1. The commissions are deeply concerned by the chemical spill reported at the Marsh Bend "
    "works on March 3, 2024, and consider the delay in reporting it contrary to the treaty.",
    "2. Any plan to divert the upper river without the consent of both commissions should be "
    "set aside. The existing flow agreements must be honoured in full by every party.",
    "3. The commissions propose a joint monitoring programme, with sampling stations at the "
    "border, at the lake outlet and below each of the major works along the valley.",
    "4. Both sides will publish the sampling results every month and will meet each spring "
    "to review the programme and to agree on any measures the results call for.",
    "This statement was signed on April 9, 2024, in Lakeport.",
]
PULL_QUOTE = (
    "Any plan to divert the upper river without the consent of both commissions should be "
    "set aside."
)
SIDEBAR = "Showers are expected over the hills on Sunday, with sunny spells by the evening."


def _paragraphs(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def _analysed(tmp_path: Path, body: str) -> tuple[str, SourceResult]:
    reference = tmp_path / "statement.txt"
    reference.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    page = tmp_path / "page.html"
    text = f"<html><body>{body}</body></html>"
    page.write_text(text, encoding="utf-8")
    return text, analyse(load(reference), [load(page)]).sources[0]


def _rows(source: SourceResult) -> list[tuple[Kind, Severity, str]]:
    return [
        (d.kind, d.severity, d.copy_text)
        for d in source.divergences
        if d.kind is not Kind.WHITESPACE
    ]


def test_a_full_text_in_a_sidebar_box_is_found(tmp_path: Path) -> None:
    """The statement in `<aside class="fulltext">` beside the news story is a full copy
    (before, the aside was never read and the page held no passage)."""
    body = (
        "<main><h1>Commissions agree a river plan</h1><p>The two river commissions put out a"
        " joint statement on Tuesday. The full text is in the box.</p></main>\n"
        f'<aside class="fulltext"><h3>Full text</h3>\n{_paragraphs(PARAGRAPHS)}</aside>'
    )
    page, source = _analysed(tmp_path, body)
    [passage] = source.passages
    assert passage.kind is PassageKind.FULL
    assert page[passage.copy.start :].startswith("The river commissions")
    assert _rows(source) == []


def test_a_signature_in_the_article_footer_is_part_of_the_copy(tmp_path: Path) -> None:
    """The signature line set in the article's `<footer>` ends the copy (before, it was
    dropped and the copy a material truncation)."""
    body = (
        f"<article>{_paragraphs(PARAGRAPHS[:-1])}<footer><p>{PARAGRAPHS[-1]}</p></footer></article>"
    )
    _, source = _analysed(tmp_path, body)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    assert _rows(source) == []


def test_an_opening_paragraph_in_the_article_header_is_part_of_the_copy(tmp_path: Path) -> None:
    body = (
        f"<article><header><h1>Joint statement</h1><p>{PARAGRAPHS[0]}</p></header>"
        f"{_paragraphs(PARAGRAPHS[1:])}</article>"
    )
    _, source = _analysed(tmp_path, body)
    [passage] = source.passages
    assert passage.kind is PassageKind.FULL
    assert passage.reference.start == 0
    assert _rows(source) == []


@pytest.mark.parametrize(
    "pull_quote",
    [
        f"<aside class='pullquote'><blockquote>\u201c{PULL_QUOTE}\u201d</blockquote></aside>",
        f"<blockquote class='pullquote'>\u201c{PULL_QUOTE}\u201d</blockquote>",
    ],
)
def test_a_pull_quote_in_an_aside_is_a_duplication(tmp_path: Path, pull_quote: str) -> None:
    """A pull quote is one minor duplication whether the page wraps its `<blockquote>` in an
    `<aside>` or not (before, the aside's was dropped unseen)."""
    body = _paragraphs(PARAGRAPHS[:3]) + pull_quote + _paragraphs(PARAGRAPHS[3:])
    _, source = _analysed(tmp_path, body)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    [(kind, severity, text)] = _rows(source)
    assert (kind, severity) == (Kind.DUPLICATION, Severity.MINOR)
    assert PULL_QUOTE in text


@pytest.mark.parametrize("tag", ["aside", "nav", "header", "footer"])
def test_furniture_holding_none_of_the_reference_is_listed_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tag: str
) -> None:
    """A weather box in the middle of the copy shares no run of words with the statement:
    it is no interruption of the copy, and the report lists where it is."""
    element = f"<{tag}><p>{SIDEBAR}</p></{tag}>"
    body = _paragraphs(PARAGRAPHS[:3]) + element + _paragraphs(PARAGRAPHS[3:])
    page, source = _analysed(tmp_path, body)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    assert _rows(source) == []
    assert source.extracted is not None
    assert [s.of(page) for s in source.extracted.furniture] == [element]
    args = ["report", "--reference", str(tmp_path / "statement.txt"), str(tmp_path / "page.html")]
    assert main([*args, "--format", "json"]) == 0
    [reported] = json.loads(capsys.readouterr().out)["sources"]
    start = page.index(element)
    assert reported["furniture"] == [{"start": start, "end": start + len(element)}]


def test_extract_reads_the_furniture_wanted_and_lists_the_rest() -> None:
    """`extract` reads a furniture element (and the furniture inside it) only where the
    caller wants its readable text; the rest is listed, start tag to end tag."""
    menu = "<nav><a href='/'>Home</a> | <a href='/rivers'>Rivers</a></nav>"
    box = f"<aside><header><h3>Full text</h3></header><p>{PARAGRAPHS[-1]}</p></aside>"
    page = f"<html><body>{menu}<p>The statement follows.</p>{box}</body></html>"
    document = replace(make_document(page, "page"), format=Format.HTML, path=Path("page.html"))
    aside = extract(document)
    assert aside.text == "The statement follows."
    assert [s.of(page) for s in aside.furniture] == [menu, box]
    wanted = extract(document, furniture=lambda text: "signed" in text)
    assert wanted.text == f"The statement follows.\n\nFull text\n\n{PARAGRAPHS[-1]}"
    assert [s.of(page) for s in wanted.furniture] == [menu]


def _analysed_markdown(tmp_path: Path, text: str) -> SourceResult:
    reference = tmp_path / "statement.txt"
    reference.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return analyse(load(reference), [load(page)]).sources[0]


def _markdown_document(text: str) -> Document:
    return replace(make_document(text, "page"), format=Format.MARKDOWN, path=Path("page.md"))


@pytest.mark.parametrize(
    "box",
    [
        "<aside class='fulltext'>{paragraphs}</aside>",
        # the element opened in one raw HTML block, Markdown inside, closed in a later one
        "<aside class='fulltext'>\n\n{markdown}\n\n</aside>",
    ],
)
def test_a_full_text_in_a_markdown_sidebar_box_is_found(tmp_path: Path, box: str) -> None:
    """A Markdown post's raw HTML `<aside>` holding the statement is read as an HTML
    page's is (before, the block's aside was dropped unseen, and the page held no
    passage; or, with Markdown inside, read only because the blank line hid it)."""
    element = box.format(paragraphs=_paragraphs(PARAGRAPHS), markdown="\n\n".join(PARAGRAPHS))
    text = f"# Commissions agree a river plan\n\nThe full text is in the box.\n\n{element}\n"
    source = _analysed_markdown(tmp_path, text)
    [passage] = source.passages
    assert passage.kind is PassageKind.FULL
    assert text[passage.copy.start :].startswith("The river commissions")
    assert _rows(source) == []
    assert source.extracted is not None and source.extracted.furniture == ()


@pytest.mark.parametrize(
    "element",
    [
        f"<aside><p>{SIDEBAR}</p></aside>",
        "<nav>\n<a href='/'>Home</a> | <a href='/rivers'>Rivers</a>\n</nav>",
        f"<footer>\n\n{SIDEBAR}\n\n*Follow us* for more.\n\n</footer>",
        f'<header class="site">\n\n## The Valley Times\n\n{SIDEBAR}\n\n</header>',
    ],
)
def test_markdown_furniture_holding_none_of_the_reference_is_listed_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], element: str
) -> None:
    """Raw HTML furniture in a Markdown post that shares no run of words with the
    statement is set aside and listed in the report, start tag to end tag, the Markdown
    between a block that opens it and one that closes it included."""
    text = "\n\n".join([*PARAGRAPHS[:3], element, *PARAGRAPHS[3:]]) + "\n"
    source = _analysed_markdown(tmp_path, text)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    assert _rows(source) == []
    assert source.extracted is not None
    assert [s.of(text) for s in source.extracted.furniture] == [element]
    args = ["report", "--reference", str(tmp_path / "statement.txt"), str(tmp_path / "page.md")]
    assert main([*args, "--format", "json"]) == 0
    [reported] = json.loads(capsys.readouterr().out)["sources"]
    start = text.index(element)
    assert reported["furniture"] == [{"start": start, "end": start + len(element)}]


def test_markdown_extract_reads_the_furniture_wanted_and_lists_the_rest() -> None:
    """`extract` reads a Markdown file's raw HTML furniture only where the caller wants its
    readable text, as an HTML page's; an element no later block closes is read, as a
    browser shows it."""
    menu = "<nav><a href='/'>Home</a> | <a href='/rivers'>Rivers</a></nav>"
    box = f"<aside>\n\n### Full text\n\n{PARAGRAPHS[-1]}\n\n</aside>"
    text = f"{menu}\n\nThe statement follows.\n\n{box}\n\nAfter the box.\n"
    document = _markdown_document(text)
    aside = extract(document)
    assert aside.text == "The statement follows.\n\nAfter the box."
    assert [s.of(text) for s in aside.furniture] == [menu, box]
    wanted = extract(document, furniture=lambda text: "signed" in text)
    assert (
        wanted.text == f"The statement follows.\n\nFull text\n\n{PARAGRAPHS[-1]}\n\nAfter the box."
    )
    assert [s.of(text) for s in wanted.furniture] == [menu]
    k = wanted.text.index("This statement")
    assert wanted.span(k, k + 14).of(text) == "This statement"
    unclosed = extract(_markdown_document(f"Intro.\n\n<aside>\n{SIDEBAR}\n\nThe end.\n"))
    assert unclosed.text == f"Intro.\n\n{SIDEBAR}\n\nThe end."
    assert unclosed.furniture == ()


@pytest.mark.parametrize(
    "box",
    [
        # an inline advertisement inside a sentence: its words were glued to the next one
        '<span class="ad-inline">Advertisement \u00b7 Story continues below</span>',
        '<div id="cookie_banner">We use cookies. <button>Accept all</button></div>',
        '<div class="newsletter-signup"><h3>Get the briefing</h3><p>Every weekday.</p></div>',
        # a share bar named in two words (a minor interruption inside the copy before)
        '<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>',
        '<div class="post-social-share-buttons"><a href="#">Share</a></div>',
    ],
)
def test_a_box_named_by_its_class_is_furniture_set_aside(tmp_path: Path, box: str) -> None:
    """A box whose class or id names an advertisement, a cookie banner or a newsletter
    sign-up is page furniture: set aside and listed, as a <nav> is. Inside a sentence, an
    inline advertisement's words were a material substitution for the statement's next
    word ("Story continues belowis" for "is"); its button's label was a quotation."""
    sentence = PARAGRAPHS[2]
    cut = sentence.index(" should be set aside")
    broken = sentence[:cut] + " " + box + sentence[cut:]
    body = _paragraphs([*PARAGRAPHS[:2], broken, *PARAGRAPHS[3:]])
    _, source = _analysed(tmp_path, body)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    assert _rows(source) == []
    assert source.extracted is not None and len(source.extracted.furniture) == 1
    assert not source.quotes


def test_a_class_that_only_contains_the_letters_is_no_box(tmp_path: Path) -> None:
    """ "shadow" and "header-image" hold the letters of "ad" but name no box: read."""
    body = '<div class="shadow-box header-image">' + _paragraphs(PARAGRAPHS) + "</div>"
    _, source = _analysed(tmp_path, body)
    assert [p.kind for p in source.passages] == [PassageKind.FULL]
    assert source.extracted is None or not source.extracted.furniture
