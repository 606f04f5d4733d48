"""extract: readable text of HTML and Markdown, the map back, and emphasis runs."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from conftest import make_document
from hypothesis import example, given, settings
from hypothesis import strategies as st

from provenance.analyse import analyse
from provenance.errors import InputError
from provenance.extract import extract
from provenance.load import load
from provenance.model import Document, Format, Kind


def _doc(text: str, fmt: Format, name: str = "page.html") -> Document:
    return Document(
        id="page", path=Path(name), sha256="0" * 64, size=len(text), text=text, format=fmt
    )


def _runs(text: str, fmt: Format) -> set[tuple[str, str]]:
    e = extract(_doc(text, fmt))
    return {(e.text[r.start : r.end], r.style) for r in e.runs}


def test_plain_text_is_the_identity() -> None:
    text = "The Parties\u00a0agree.\n\nNOT *this*."
    e = extract(_doc(text, Format.TEXT, "a.txt"))
    assert e.identity and e.text is text and e.runs == ()
    assert e.to_original == tuple(range(len(text) + 1))
    assert e.view().text is text


def test_html_drops_boilerplate_and_decodes_entities() -> None:
    page = (
        "<html><head><title>Site</title><style>p{}</style></head><body>"
        "<nav>Home | News</nav><header>Daily Site</header>"
        "<p>The People&rsquo;s&nbsp;Republic &amp; the &#8220;Parties&#x201D;</p>"
        "<script>var x = '<b>no</b>';</script><aside>Related</aside>"
        "<div>Second<br>line</div><footer>(c) 2017</footer></body></html>"
    )
    e = extract(_doc(page, Format.HTML))
    assert e.text == "The People\u2019s\u00a0Republic & the \u201cParties\u201d\n\nSecond\nline"
    # Each decoded character maps to the whole entity that produced it.
    k = e.text.index("\u2019")
    assert e.span(k, k + 1).of(page) == "&rsquo;"
    k = e.text.index("\u00a0")
    assert e.span(k, k + 1).of(page) == "&nbsp;"
    assert e.span(0, 10).of(page) == "The People"
    assert len(e.to_original) == len(e.text) + 1


@pytest.mark.parametrize(
    ("page", "between"),
    [("<p>one.</p>\n<p>Two</p>", "</p>\n<p>"), ("<div>Second<br>line</div>", "<br>")],
)
def test_a_break_made_by_markup_alone_spans_that_markup(page: str, between: str) -> None:
    """Readable characters no source character stands for (a paragraph break between two
    elements) span the markup between their neighbours, never an empty span holding
    "\n\n" (before, a whitespace row read '\n\n' at start == end)."""
    e = extract(_doc(page, Format.HTML))
    k = next(i for i, c in enumerate(e.text) if c == "\n")
    end = k
    while end < len(e.text) and e.text[end] == "\n":
        end += 1
    assert e.span(k, end).of(page) == between


@pytest.mark.parametrize(
    ("page", "reading", "sliced"),
    [
        ("<p>One.</p>\n<p>Two.</p>", "One.\n\n", "One.</p>\n<p>"),
        ("<p>One.</p>\n<p>Two.</p>", "\n\nTwo.", "</p>\n<p>Two."),
        ("<div>Second<br>line</div>", "Second\n", "Second<br>"),
    ],
)
def test_a_reading_ending_or_starting_in_a_break_of_markup_spans_that_markup(
    page: str, reading: str, sliced: str
) -> None:
    """A reading of words and the paragraph break after them ("Moscow.\n\n", a moved
    paragraph) stopped at the full stop, leaving out the "</p>\n<p>" that makes its break
    (a held-out audit; docs/report-json.md says such a reading spans that markup)."""
    e = extract(_doc(page, Format.HTML))
    k = e.text.index(reading)
    assert e.span(k, k + len(reading)).of(page) == sliced


def test_html_emphasis_runs() -> None:
    page = (
        "<p>One <b>bold</b> and <i>slanted</i>, <b><i>both</i></b>, <u>under</u> "
        "<mark>marked</mark> <span style='font-weight: 700'>heavy</span> "
        "<span style='font-style:italic; text-decoration: underline'>fancy</span></p>"
        "<p>End of <strong>one.</p><p>Start</strong> of two; <b>a</b> <b>b</b></p>"
    )
    assert _runs(page, Format.HTML) == {
        ("bold", "bold"),
        ("slanted", "italic"),
        ("both", "bold"),
        ("both", "italic"),
        ("under", "underline"),
        ("marked", "mark"),
        ("heavy", "bold"),
        ("fancy", "italic"),
        ("fancy", "underline"),
        ("one.\n\nStart", "bold"),
        ("a", "bold"),
        ("b", "bold"),
    }


def test_a_background_colour_is_a_highlight_and_white_is_none() -> None:
    """A span with a coloured background is drawn highlighted, as <mark> is (before, it
    was not read as emphasis); a white or transparent background is no highlight."""
    page = (
        "<p><span style='background-color: #ff0'>yellow</span> "
        "<span style='background:LightGreen;color:black'>green</span> "
        "<span style='background-color: transparent'>clear</span> "
        "<span style='background: #FFFFFF'>white</span></p>"
    )
    assert _runs(page, Format.HTML) == {("yellow", "mark"), ("green", "mark")}


@pytest.mark.parametrize(
    "page",
    [
        "<body style='background:#f4f4f4'><p>A tinted page</p><p>of two paragraphs</p></body>",
        "<div style='background-color: #eef'><p>Intro:</p><p>One boxed paragraph</p></div>",
        "<table><tr><td style='background:#eee'>A shaded cell</td></tr></table>",
        "<p style='background: lightyellow'>A shaded paragraph</p>",
        "<span style='display:block; background:#ffc'>A span drawn as a block</span>",
    ],
)
def test_a_tinted_block_is_no_highlight(page: str) -> None:
    """A background on a block (the page, a box, a cell, a paragraph) is a layout's tint,
    as e-mail templates set them; a highlighter marks words inside the lines."""
    assert _runs(page, Format.HTML) == set()


def test_a_highlight_inside_a_tinted_block_is_still_a_highlight() -> None:
    page = (
        "<div style='background:#f4f4f4'><p>Some words and "
        "<span style='background:yellow'>these words</span> here</p></div>"
    )
    assert _runs(page, Format.HTML) == {("these words", "mark")}


def test_markdown_text_map_and_runs() -> None:
    source = (
        "# Title &amp; *more*\n\n1. The **Parties** are &rsquo;ok\\* `c` [a *link*](http://x)\n"
        "   and __strong__ _it_ ***both***\n\n> quote **across\n> lines** here\n"
    )
    e = extract(_doc(source, Format.MARKDOWN, "a.md"))
    assert e.text == (
        "Title & more\n\n1. The Parties are \u2019ok* c a link\nand strong it both"
        "\n\nquote across\nlines here"
    )
    assert {(e.text[r.start : r.end], r.style) for r in e.runs} == {
        ("more", "italic"),
        ("Parties", "bold"),
        ("link", "italic"),
        ("strong", "bold"),
        ("it", "italic"),
        ("both", "bold"),
        ("both", "italic"),
        ("across\nlines", "bold"),
    }
    for k, char in enumerate(e.text):
        if char == "\n":
            continue
        piece = e.span(k, k + 1).of(source)
        assert char in (piece, html.unescape(piece), piece.lstrip("\\")) or piece == "1.", (k, char)


def _md(source: str) -> tuple[str, list[str]]:
    """Markdown's readable text and, for every readable character, the source it stands for."""
    e = extract(_doc(source, Format.MARKDOWN, "note.md"))
    return e.text, [e.span(k, k + 1).of(source) for k in range(len(e.text))]


@pytest.mark.parametrize(
    "front",
    [
        '---\ntitle: "A post"\ndescription: "The Parties agree."\ntags: [a, b]\n---\n',
        '+++\ntitle = "A post"\ndescription = "The Parties agree."\n+++\n',
        "---\r\ntitle: A post\r\n...\r\n",
        # Hugo's JSON front matter: one object, braces inside its strings and all
        '{\n  "title": "A post",\n  "description": "The Parties {agree}.",\n  "tags": ["a"]\n}\n',
        '{"title": "A post", "draft": false}  \n',
        # after a byte-order mark `load` left (a second one) or a caller's text kept
        '\ufeff---\ntitle: "A post"\ndescription: "The Parties agree."\n---\n',
        '\ufeff\ufeff+++\ntitle = "A post"\n+++\n',
        '\ufeff{"description": "The Parties agree."}\n',
    ],
)
def test_markdown_front_matter_is_metadata_not_text(front: str) -> None:
    """A static site's front matter (YAML between `---` lines, TOML between `+++`, or a
    JSON object) is the post's metadata, as an HTML page's <head> is: not read, and what
    follows it keeps its offsets into the whole file."""
    source = f"{front}\nThe **body** of the post.\n"
    e = extract(_doc(source, Format.MARKDOWN, "a.md"))
    assert e.text == "The body of the post."
    assert e.span(0, len(e.text)).of(source) == "The **body** of the post."
    assert {(e.text[r.start : r.end], r.style) for r in e.runs} == {("body", "bold")}


@pytest.mark.parametrize(
    "source",
    [
        "---\n\nA page opening with a rule.\n\n---\n\nMore.\n",
        "A page.\n\n---\ntitle: not at the top\n---\n",
    ],
)
def test_markdown_rules_are_not_front_matter(source: str) -> None:
    """Front matter is a block of `key: value` lines opening the file; a thematic break
    around prose, or a block further down, is read as the page shows it."""
    e = extract(_doc(source, Format.MARKDOWN, "a.md"))
    assert "rule" in e.text or "title: not at the top" in e.text


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (
            '{{< figure src="map.png" >}}\n\nThe body.\n',
            '{{< figure src="map.png" >}}\n\nThe body.',
        ),
        ("{The Parties} agree.\n", "{The Parties} agree."),
        ('{"a": 1} and the body.\n', '{"a": 1} and the body.'),
        ('The body.\n\n{"title": "not at the top"}\n', 'The body.\n\n{"title": "not at the top"}'),
    ],
)
def test_markdown_braces_that_open_no_json_object_are_text(source: str, text: str) -> None:
    """Only a JSON object opening the file, alone on its last line, is front matter: a
    shortcode, a brace in prose, an object with words after it or one further down are
    read as the page shows them."""
    assert extract(_doc(source, Format.MARKDOWN, "a.md")).text == text


def test_markdown_after_a_byte_order_mark_reads_its_blocks() -> None:
    """A byte-order mark still opening the text is no character of the page: the heading
    after it is a heading (not a paragraph "\ufeff# Title"), mapped past the mark."""
    source = "\ufeff# The title\n\nThe **body**.\n"
    e = extract(_doc(source, Format.MARKDOWN, "a.md"))
    assert e.text == "The title\n\nThe body."
    assert e.span(0, 9).of(source) == "The title"


def test_markdown_item_numbers_read_as_a_renderer_draws_them() -> None:
    """A renderer counts items on from the list's first number and draws "N.": items
    written "1)", "01." or "1." over and over read as the numbers a reader sees, each
    digit standing for the marker it was drawn for."""
    source = "Week notes:\n\n1) Ships left at dawn.\n\n1) Talks went on.\n\n01. Again.\n"
    text, spans = _md(source)
    assert text == "Week notes:\n\n1. Ships left at dawn.\n\n2. Talks went on.\n\n1. Again."
    k = text.index("2.")
    assert spans[k : k + 3] == ["1)", "1)", " "]
    assert spans[text.index("1. Again")] == "01."
    # A list that starts at 3 goes on from there; an empty item still shows its number.
    text, spans = _md("Later:\n\n3. Rain fell.\n4.\n\nThe harbour closed.\n")
    assert text == "Later:\n\n3. Rain fell.\n4.\n\nThe harbour closed."
    assert spans[text.index("4.") : text.index("4.") + 2] == ["4", "."]


def test_markdown_raw_html_reads_as_a_browser_shows_it() -> None:
    """A block of raw HTML shows its text; an inline <br> is a line break standing for its
    tag; a backslash before a character it cannot escape is text, each character its own."""
    source = (
        'Intro line.\n\n<p align="center">The <b>bridge</b> &amp; tower.</p>\n\n'
        "Left bank.<br>Right bank.\n\nA \\\u201cword\u201d here.\n"
    )
    text, spans = _md(source)
    assert text == (
        "Intro line.\n\nThe bridge & tower.\n\nLeft bank.\nRight bank."
        "\n\nA \\\u201cword\u201d here."
    )
    assert spans[text.index("&")] == "&amp;"
    assert spans[text.index("bridge")] == "b"
    assert spans[text.index("\nRight")] == "<br>"
    k = text.index("\\")
    assert spans[k : k + 2] == ["\\", "\u201c"]


def test_sup_numbers_read_raised_and_apart_from_the_word() -> None:
    # A browser draws a <sup> note number raised after the word: "1998¹", not "19981".
    # So it draws a footnote's link styled raised with no <sup> (Substack, Ghost,
    # kramdown): "region1" read the number into the word (a material substitution, and a
    # quotation's "20052" a number the statement never gives). Other links keep digits.
    page = (
        "<p>Signed in Geneva in 1998<sup>3</sup> and in Oslo<sup>[4]</sup>"
        ' in 1<sup>st</sup> form, in the region<a class="footnote-anchor"'
        ' href="#footnote-1">1</a>, in 2005<a href="#fn:2">2</a>, see <a href="#s-3">3</a>.</p>'
    )
    e = extract(_doc(page, Format.HTML))
    assert e.text == (
        "Signed in Geneva in 1998\u00b3 and in Oslo[4] in 1st form,"
        " in the region\u00b9, in 2005\u00b2, see 3."
    )
    for raised, digit in (("\u00b3", "3"), ("\u00b9", "1"), ("\u00b2", "2")):
        k = e.text.index(raised)
        assert e.span(k, k + 1).of(page) == digit
    note = "Signed in Geneva in 1998<sup>12</sup> by both sides.\n"
    m = extract(_doc(note, Format.MARKDOWN, "page.md"))
    assert m.text == "Signed in Geneva in 1998\u00b9\u00b2 by both sides."
    k = m.text.index("\u00b9")
    assert m.span(k, k + 2).of(note) == "12"


def test_markdown_pipe_tables_read_cell_by_cell() -> None:
    """A pipe table (GitHub, Pandoc, Obsidian) reads as its cells, one to a line, a row a
    paragraph, never as lines of pipes."""
    source = "| Day | Weather |\n|---|:--|\n| Monday | Clear and *cold*. |\n| Tuesday | Fog. |\n"
    e = extract(_doc(source, Format.MARKDOWN, "t.md"))
    assert e.text == "Day\nWeather\n\nMonday\nClear and cold.\n\nTuesday\nFog."
    assert ("cold", "italic") in {(e.text[r.start : r.end], r.style) for r in e.runs}
    k = e.text.index("Clear")
    assert e.span(k, k + 15).of(source) == "Clear and *cold*."


def test_markdown_table_cells_with_escaped_pipes_map_to_their_source() -> None:
    """A cell's `\\|` reads `|` (markdown-it drops the backslash before every pipe of a
    table row): the characters after it still map to their own source characters, as
    `\\*` and `\\_` stand for their two."""
    source = (
        "| Port | Note |\n|---|---|\n"
        "| Dover \\| Calais | Ferries ran \\*late\\* all week. |\n"
        "| Hull | Fog `a \\| b` and \\_rain\\_ \\\\| again. |\n"
    )
    text, spans = _md(source)
    assert text == (
        "Port\nNote\n\nDover | Calais\nFerries ran *late* all week.\n\n"
        "Hull\nFog a | b and _rain_ | again."
    )
    for k, char in enumerate(text):
        if char != "\n":
            assert spans[k].lstrip("\\") == char, (k, char, spans[k])
    k = text.index("Calais")
    assert spans[k : k + 6] == list("Calais")
    k = text.index("again")
    assert "".join(spans[k : k + 5]) == "again"


def test_statement_sentences_in_a_table_with_escapes_report_exact_spans(
    reference: Document,
) -> None:
    """Sentences of the statement in table cells, some after an escaped pipe, some with
    escaped punctuation: every passage and divergence reads, in the file, as the text
    the report shows, and a changed word after `\\|` is found where it is."""
    paragraphs = reference.text.split("\n\n")
    opening = paragraphs[0].replace("(", "\\(").replace(")", "\\)")
    fourth = paragraphs[7].replace("non-", "non\\-")
    fifth = paragraphs[10].replace("benevolence", "goodwill").replace("5.", "5\\.", 1)
    rows = [
        f"| Preamble \\| in force | {opening} |",
        f"| Point 4 \\| see also \\_5\\_ | {fourth} |",
        f"| Point 5 | see also \\*4\\* \\| {fifth} |",
    ]
    source = "Points of the statement:\n\n| Point | Text |\n|---|---|\n" + "\n".join(rows) + "\n"
    page = _doc(source, Format.MARKDOWN, "points.md")
    result = analyse(reference, [page]).sources[0]
    readable = result.extracted
    assert readable is not None

    def reads(start: int, end: int) -> str:
        return "".join(
            char
            for k, char in enumerate(readable.text)
            if start <= readable.to_original[k] and readable.ends[k] <= end
        )

    runs = [run for passage in result.passages for run in passage.runs]
    assert len(runs) == 3
    for run in runs:
        copied = run.reference.of(reference.text).replace("benevolence", "goodwill")
        assert reads(run.copy.start, run.copy.end) == copied
    for d in result.divergences:  # for markup, whatever the whitespace (the fuzz test's rule)
        assert "".join(reads(d.copy.start, d.copy.end).split()) == "".join(d.copy_text.split())
    [changed] = [d for d in result.divergences if d.reference_text == "benevolence"]
    assert source[changed.copy.start : changed.copy.end] == changed.copy_text == "goodwill"


def _quoted(text: str, fmt: Format) -> list[str]:
    extracted = extract(_doc(text, fmt, "page.md" if fmt is Format.MARKDOWN else "page.html"))
    return [span.of(extracted.text) for span in extracted.quoted]


def test_block_quotations_of_the_markup() -> None:
    page = (
        "<p>Intro:</p><blockquote>\n<p>One <b>two</b>.</p>\n"
        "<blockquote><p>Nested.</p></blockquote><p>Three.</p></blockquote>"
        "<p>After.</p><blockquote><p>Second &amp; last.</p></blockquote>"
    )
    assert _quoted(page, Format.HTML) == ["One two.\n\nNested.\n\nThree.", "Second & last."]
    assert _runs(page, Format.HTML) == {("two", "bold")}  # a block quotation is no emphasis
    markdown = "Intro:\n\n> One **two**.\n>\n> > Nested.\n>\n> Three.\n\nAfter.\n\n> Last.\n"
    assert _quoted(markdown, Format.MARKDOWN) == ["One two.\n\nNested.\n\nThree.", "Last."]
    assert _runs(markdown, Format.MARKDOWN) == {("two", "bold")}
    # plain text is not Markdown: a ">" line inside a paragraph is text (one that is a
    # paragraph of its own is a reply's quotation: test_email_quoting)
    plain = "He wrote\n> not markup in plain text\nand left."
    assert extract(_doc(plain, Format.TEXT, "a.txt")).quoted == ()


def test_html_without_readable_text_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body><nav>menu</nav></body></html>")
    with pytest.raises(InputError) as caught:
        extract(load(path))
    assert str(caught.value) == f"{path}: no readable text in this HTML (only markup)"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="<>/=\"'&;#abipu x!-[]\n", max_size=80))
@example("<![;")  # the standard library asserted here; the flushed tail mapped past the end
@example("<![;junk>after")
@example("<![<;<")  # a tail flushed in pieces: the lone "<" was mapped to the last one
@example("x<![<<;<<")
@example("<![>;;;;<;")  # the parser moved on before asserting: every offset after drifted
@example("&#;&a&")  # an entity inside the flushed tail
@example("&#</>;<")  # a bogus end tag inside it
@example("<blockquote><p>a<blockquote>b</p> c")  # block quotations left open
@example("</blockquote>x<blockquote> </blockquote><blockquote>y")
@example("<q>a<q>b</q> c</q></q>d<nav><q>e</q></nav><q>f")  # quotations stray and left open
def test_malformed_html_never_crashes_and_maps_inside_the_file(page: str) -> None:
    doc = _doc("<p>text</p>" + page, Format.HTML)
    e = extract(doc)
    assert len(e.to_original) == len(e.text) + 1
    assert all(0 <= a <= len(doc.text) for a in e.to_original)
    assert list(e.to_original[:-1]) == sorted(e.to_original[:-1])
    for r in e.runs:
        span = e.span(r.start, r.end)
        assert 0 <= span.start <= span.end <= len(doc.text)
    for q in e.quoted:
        assert 0 <= q.start < q.end <= len(e.text)
        assert q.of(e.text) == q.of(e.text).strip()


def test_ordered_list_numbers_are_read_as_a_browser_shows_them() -> None:
    page = (
        '<ol><li>a</li><li value="7">b<ol type="a"><li>c</li></ol></li><li>d</li></ol>'
        '<ol start="3"><li>e</li></ol><ul><li>f</li></ul>'
    )
    extracted = extract(_doc(page, Format.HTML))
    assert extracted.text == "1. a\n7. b\n\nc\n\n8. d\n\n3. e\n\nf"
    # each number stands for its <li> tag, where a divergence on it points
    numbers = [k for k, char in enumerate(extracted.text) if char.isdigit()]
    assert [extracted.span(k, k + 1).of(page) for k in numbers] == [
        "<li>",
        '<li value="7">',
        "<li>",
        "<li>",
    ]


def test_a_paragraph_opening_an_ordered_item_follows_its_number() -> None:
    """<li><p>...</p></li>, how editors write numbered paragraphs: the browser draws the
    number on the paragraph's first line, so no line break (and no space of the source's
    between the tags) stands between them; the paragraphs after it are blocks as before."""
    page = "<ol><li><p>a</p></li><li>\n  <p>b</p><p>c</p></li><li><div><p>d</p></div></li></ol>"
    extracted = extract(_doc(page, Format.HTML))
    assert extracted.text == "1. a\n\n2. b\n\nc\n\n3. d"
    numbers = [k for k, char in enumerate(extracted.text) if char.isdigit()]
    assert [extracted.span(k, k + 1).of(page) for k in numbers] == ["<li>"] * 3


def test_a_reversed_ordered_list_counts_down_as_a_browser_shows_it() -> None:
    """<ol reversed> counts down from its item count (its own items, not a nested list's),
    or from `start`: the page's points 3, 2, 1 in that order are numbered so (audit l30)."""
    page = (
        "<ol reversed><li>c</li><li>b<ol><li>x</li><li>y</li></ol></li><li>a</li></ol>"
        '<ol reversed start="9"><li>i</li><li>h</li></ol>'
    )
    extracted = extract(_doc(page, Format.HTML))
    assert extracted.text == "3. c\n2. b\n\n1. x\n2. y\n\n1. a\n\n9. i\n8. h"


def test_a_statement_as_an_ordered_list_keeps_its_paragraph_numbers(reference: Document) -> None:
    """A page setting the numbered paragraphs as <ol> items: no material omission of
    "1. ", "2. " ... (the browser shows the numbers)."""
    items = []
    for paragraph in reference.text.split("\n\n"):
        number, _, rest = paragraph.partition(".")
        if number.isdigit():
            items.append(f'<ol start="{number}"><li>{rest.strip()}</li></ol>')
        else:
            items.append(f"<p>{paragraph}</p>")
    page = _doc("<html><body>" + "\n".join(items) + "</body></html>", Format.HTML)
    source = analyse(reference, [page]).sources[0]
    assert [p.kind.value for p in source.passages] == ["full"]
    assert {d.kind for d in source.divergences} <= {Kind.WHITESPACE}


def test_two_line_breaks_make_a_paragraph_break() -> None:
    """Pages that separate paragraphs with <br><br> (old CMSs, forums) read as paragraphs,
    as a browser shows them; one <br> is a line break, a block and a <br> one blank line."""
    page = "<div>One.<br><br>Two.<br>Three.<br/><br/><br>Four.</div><p>Five.</p><br><p>Six.</p>"
    assert extract(_doc(page, Format.HTML)).text == "One.\n\nTwo.\nThree.\n\nFour.\n\nFive.\n\nSix."


def test_a_block_quotation_after_two_line_breaks(reference: Document) -> None:
    page = _doc(
        "<p>The joint statement reads:<br><br>The two sides are deeply troubled by the North's "
        "announcement of a ballistic missile launch, which they find unacceptable.</p>",
        Format.HTML,
    )
    [quotation] = analyse(reference, [page]).sources[0].quotes
    assert quotation.verdict.value == "paraphrase"
    assert quotation.attribution is not None and quotation.attribution.speaker == "document"


def test_q_elements_are_read_with_the_marks_a_browser_draws(reference: Document) -> None:
    page = (
        "<p>The statement says <q>the DPRK’s justified concerns should be respected</q>, and "
        "Lavrov added <q>we back the <q>double freezing</q> plan</q>.</p>"
    )
    extracted = extract(_doc(page, Format.HTML))
    assert extracted.text == (
        "The statement says \u201cthe DPRK’s justified concerns should be respected\u201d, and "
        "Lavrov added \u201cwe back the \u2018double freezing\u2019 plan\u201d."
    )
    marks = [k for k, char in enumerate(extracted.text) if char in "\u201c\u201d\u2018\u2019"]
    # each mark stands for its tag; the apostrophe of "DPRK’s" for itself
    assert [extracted.span(k, k + 1).of(page) for k in marks] == [
        "<q>",
        "’",
        "</q>",
        "<q>",
        "<q>",
        "</q>",
        "</q>",
    ]
    quotes = analyse(reference, [_doc(page, Format.HTML)]).sources[0].quotes
    assert [
        (q.verdict.value, q.attribution.speaker if q.attribution else None) for q in quotes
    ] == [
        ("verbatim", "document"),
        ("other", "person"),
    ]


@pytest.mark.parametrize(
    "hidden",
    [
        '<span style="display:none">tracking-ref-77812</span>',
        '<span style="color: red; Display : none">spam link</span>',
        "<div hidden><p>Subscribe for more</p><p>and more</p></div>",
        '<em style="visibility:hidden">x</em>'.replace("em", "span"),
        '<span class="sr-only">(opens in a new window)</span>',
        '<p class="Lead visually-hidden"><strong>Point 5 in full</strong></p>',
        "<noscript><p>Enable scripts to read the full statement</p></noscript>",
    ],
)
def test_what_a_browser_does_not_draw_is_not_read(hidden: str) -> None:
    """A hidden element (the `hidden` attribute, `display: none`, `visibility: hidden`,
    a class the frameworks keep for screen readers only: `sr-only`, `visually-hidden`)
    is not on the page a reader sees: before, its text was read into the copy, a
    material insertion of a tracking code, or a bold copy of a point no one sees."""
    page = f"<p>The Parties confirm it.{hidden} They agree.</p><p>Next <b>bold</b> line.</p>"
    e = extract(_doc(page, Format.HTML))
    assert e.view().text.split() == "The Parties confirm it. They agree. Next bold line.".split()
    assert [h.of(page) for h in e.hidden] == [hidden]  # not read, but listed
    for k, ch in enumerate(e.view().text):
        if not ch.isspace():
            assert page[e.map.start(k)] == ch


def test_a_noscript_holding_only_a_pixel_is_not_listed() -> None:
    """What <noscript> holds is drawn only where scripts are off: text there is listed as
    hidden (a copy of the statement in it was neither read nor listed, audit l32), a
    tracking pixel alone is no hidden text."""
    page = '<noscript><img src="p.gif"></noscript><p>The Parties confirm it.</p>'
    e = extract(_doc(page, Format.HTML))
    assert e.view().text.split() == "The Parties confirm it.".split()
    assert e.hidden == ()


_NOTED = (
    "The two river commissions will publish the sampling results every month and meet each "
    "spring to review the programme.[^1] Both sides will agree on any measures the results "
    "call for, and will report them to the basin council before the end of the year."
)
"""A paragraph of our own with a Markdown footnote mark after its first sentence."""


def _footnoted(shape: str, note: str) -> tuple[str, str]:
    """A Markdown page of `_NOTED` with the note `note` at its foot, and its mark."""
    marker = "[^a]" if shape == "label" else "[^1]"
    text = _NOTED.replace("[^1]", marker)
    if shape == "wrapped":
        text = text.replace("programme.[^1] Both", "programme.[^1]\nBoth")
    if shape == "quoted":
        text = "> " + text
    return f"{text}\n\n{marker}: {note}\n", marker


def _rows(reference: Document, page: str) -> list[tuple[Kind, str]]:
    source = analyse(reference, [_doc(page, Format.MARKDOWN, "page.md")]).sources[0]
    return [(d.kind, d.copy_text) for d in source.divergences if d.kind is not Kind.WHITESPACE]


@pytest.mark.parametrize("note", ["Ibid.", "ibid"])
@pytest.mark.parametrize("shape", ["plain", "label", "quoted", "wrapped"])
def test_a_markdown_footnote_with_a_one_word_note_is_a_footnote(shape: str, note: str) -> None:
    """ "[^1]: Ibid." is a footnote's note, not a link reference definition (CommonMark,
    which knows no footnotes, took it for one, "Ibid." its address): the mark stayed a
    link whose text "^1" was a material insertion, and the note was read as nothing.
    Read as a note of several words always was, the mark is one minor `footnote`, and
    the note a line of the page."""
    reference = make_document(_NOTED.replace("[^1]", ""), "reference")
    page, marker = _footnoted(shape, note)
    e = extract(_doc(page, Format.MARKDOWN, "page.md"))
    assert f"{marker} " in e.text or f"{marker}\n" in e.text
    assert f"{marker}: {note}" in e.text
    rows = _rows(reference, page)
    assert [kind for kind, _ in rows] == [Kind.FOOTNOTE]
    assert rows == _rows(reference, _footnoted(shape, "See the treaty of 1998.")[0])


@pytest.mark.parametrize(
    ("block", "credit"),
    [
        ("<blockquote><p>We agree.</p><cite>Mira Ek</cite></blockquote>", "Mira Ek"),
        ("<blockquote><cite>mira wrote:</cite>We agree.</blockquote>", "mira wrote:"),
        (
            '<blockquote class="bbCodeBlock bbCodeBlock--quote"><div class="bbCodeBlock-title">'
            'mira said:</div><div class="bbCodeBlock-content">We agree.</div></blockquote>',
            "mira said:",
        ),
        (
            '<aside class="quote" data-username="mira"><div class="title">mira:</div>'
            "<blockquote><p>We agree.</p></blockquote></aside>",
            "mira:",
        ),
    ],
)
def test_html_credits_of_a_block_are_lines_of_their_own_outside_it(block: str, credit: str) -> None:
    """A block quotation's credit (a <cite> opening or closing it, a forum's title line
    over it) is read as a paragraph of its own, not quoted, and listed as a credit."""
    page = f"<p>Before.</p>{block}<p>After.</p>"
    e = extract(_doc(page, Format.HTML))
    assert [s.of(e.text) for s in e.quoted] == ["We agree."]
    assert [s.of(e.text) for s in e.credits] == [credit]
    assert f"\n\n{credit}\n\n" in e.text
    k = e.text.index(credit)
    assert e.span(k, k + len(credit)).of(page) == credit


def test_html_a_quoted_posts_expand_link_is_no_quoted_word() -> None:
    """XenForo's "Click to expand..." under a long quote is a control's label: read as a
    line of its own after the block, not as its last quoted words, and no credit."""
    page = (
        '<blockquote class="bbCodeBlock"><div class="bbCodeBlock-content">We agree.'
        '<div class="bbCodeBlock-expandLink"><a role="button">Click to expand...</a></div>'
        "</div></blockquote><p>After.</p>"
    )
    e = extract(_doc(page, Format.HTML))
    assert e.text == "We agree.\n\nClick to expand...\n\nAfter."
    assert [s.of(e.text) for s in e.quoted] == ["We agree."]
    assert e.credits == ()
