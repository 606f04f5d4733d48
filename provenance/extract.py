"""Readable text of a Document, with a map back to the original and its emphasis runs.

Plain text is its own readable text (the identity map). HTML is read with the standard
library's lenient `html.parser` in source order, so every produced character knows the
offset it came from: scripts, styles and page furniture (`nav`, `header`, `footer`,
`aside`, ...) are dropped, entities are decoded (each produced character maps to the
whole entity), blocks become line breaks. Markdown is parsed by markdown-it-py; its
inline tokens are walked against the source lines to recover character offsets.

The engine compares readable text; every span it reports is mapped back through
`Extracted.span`, so spans always index `Document.text`.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from provenance.errors import InputError
from provenance.model import Column, Document, Format, MapBuilder, OffsetMap, Span

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BOLD, ITALIC, UNDERLINE, MARK = "bold", "italic", "underline", "mark"
QUOTED = "quoted"
"""Not a style: what a <blockquote> or a Markdown `>` block holds. Carried with the styles
while reading, it becomes `Extracted.quoted`, never an emphasis run."""
_QUOTING_TAGS = frozenset({"blockquote"})

_FORMAT_TAGS = {"b": BOLD, "strong": BOLD, "i": ITALIC, "em": ITALIC, "u": UNDERLINE, "mark": MARK}
_SKIP = frozenset(
    "script style noscript template head title nav header footer aside svg iframe object "
    "canvas".split()
)
"""Elements whose content is never readable text: code, metadata and page furniture."""
_FURNITURE = frozenset("head nav header footer aside".split())
"""Skipped elements a malformed page may leave open: if one is not closed by its own end
tag, a browser shows what follows it, and so does `extract` (see `_html`)."""
_HEAD_CONTENT = frozenset(
    "base basefont bgsound link meta noscript script style template title".split()
)
"""What may stand in <head>: any other tag, or text, ends an unclosed head, as in browsers."""
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = {
    **dict.fromkeys(
        "p h1 h2 h3 h4 h5 h6 blockquote pre ul ol table section article main figure dl hr "
        "address fieldset".split(),
        2,
    ),
    **dict.fromkeys("div li tr td th dt dd br figcaption caption".split(), 1),
}
"""Block elements and the line breaks (1 or 2) they put between their neighbours."""
_HTML_SPACE = " \t\n\r\f"
_WEIGHT = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b")
_SLANT = re.compile(r"font-style\s*:\s*(?:italic|oblique)\b")
_UNDERLINE = re.compile(r"text-decoration(?:-line)?\s*:[^;]*\bunderline\b")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of readable text shown in one style; indices into `Extracted.text`."""

    start: int
    end: int
    style: str
    """One of bold, italic, underline, mark."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """The readable text of a document and the way back to its original.

    `map` is the same kind of map as `model.Normalised`'s: readable character k stands
    for original[map.start(k):map.end(k)] (an entity `&rsquo;` spans seven characters,
    a line break made from markup none); an empty span at the end of the readable text
    sits where its last character's source ends.
    """

    document: Document
    text: str
    map: OffsetMap
    runs: tuple[Run, ...]
    steps: tuple[str, ...]
    """What was done, e.g. ("html.parser", "drop-boilerplate", "decode-entities")."""
    quoted: tuple[Span, ...] = ()
    """Readable stretches the markup sets out as block quotations (<blockquote>, a Markdown
    `>` block), outermost, without the spaces at their ends."""

    @property
    def identity(self) -> bool:
        """True when the readable text is the original itself (plain text)."""
        return self.text is self.document.text

    @property
    def to_original(self) -> Column:
        """map.start(k) for every readable character k, then the end (see `map`)."""
        return self.map.starts

    @property
    def ends(self) -> Column:
        return self.map.ends

    def span(self, start: int, end: int) -> Span:
        """Original span covered by readable characters [start, end).

        >>> e = extract(Document("x", "x.html", "", 0, "<p>a&amp;b</p>", Format.HTML))
        >>> e.text, e.span(1, 2).of(e.document.text)
        ('a&b', '&amp;')
        """
        if self.identity:
            return Span(start, end)
        return self.map.span(start, end)

    def view(self) -> Document:
        """The readable text as a Document, for the stages that compare text."""
        if self.identity:
            return self.document
        return replace(self.document, text=self.text, format=Format.TEXT)


def extract(document: Document) -> Extracted:
    """The readable text of `document`, its map to the original, and its emphasis runs.

    Raises:
        InputError: An HTML or Markdown file with no readable text.
    """
    if document.format is Format.HTML:
        extracted = _html(document)
    elif document.format is Format.MARKDOWN:
        extracted = _markdown(document)
    else:
        return Extracted(document, document.text, OffsetMap.identity(len(document.text)), (), ())
    if not extracted.text.strip():
        what = "HTML" if document.format is Format.HTML else "Markdown"
        raise InputError(document.path, f"no readable text in this {what} (only markup)")
    return extracted


class _Builder:
    """Collects readable text in pieces, with the map to its source and its styles."""

    def __init__(self, *, line_ends_of: str | None = None) -> None:
        self.pieces: list[str] = []
        self.map = MapBuilder()
        self._source = line_ends_of
        """Markdown: the source, whose line ends between two blocks the breaks stand for."""
        self.styled: list[tuple[int, frozenset[str]]] = []
        """(first readable index, styles) wherever the styles change."""
        self._styles: frozenset[str] | None = None
        self._newlines = 0  # how many "\n" the text ends with
        self._break = 0
        self._break_at = 0
        self._break_end = 0
        self._space_at = -1

    def _put(self, text: str, styles: frozenset[str]) -> None:
        if not text:
            return
        if styles != self._styles:
            self.styled.append((self.map.length - len(text), styles))
            self._styles = styles
        self.pieces.append(text)
        stripped = len(text) - len(text.rstrip("\n"))
        self._newlines = self._newlines + stripped if stripped == len(text) else stripped

    def emit(self, chars: str, start: int, end: int, styles: frozenset[str]) -> None:
        """Readable characters that each stand for source[start:end] (an entity)."""
        self._flush(styles, start)
        for _ in chars:
            self.map.char(start, end)
        self._put(chars, styles)

    def copy(self, chars: str, start: int, styles: frozenset[str]) -> None:
        """Readable characters copied one for one from source[start:start + len(chars)]."""
        if not chars:
            return
        self._flush(styles, start)
        self.map.copy(start, len(chars))
        self._put(chars, styles)

    def text(self, data: str, at: int, styles: frozenset[str], *, pre: bool = False) -> None:
        """HTML text: runs of ASCII whitespace collapse to one space (not inside <pre>)."""
        if pre:
            self.copy(data, at, styles)
            return
        core = data.strip(_HTML_SPACE)
        if not core:
            if data:
                self._space(at)
            return
        lead = len(data) - len(data.lstrip(_HTML_SPACE))
        if lead:
            self._space(at)
        self._flush(styles)
        start = at + lead
        copied = start  # the map holds the source up to here
        for run in _HTML_RUNS.finditer(core):  # two or more spaces: one space, for the first
            first = start + run.start()
            self.map.copy(copied, first + 1 - copied)
            copied = start + run.end()
        self.map.copy(copied, start + len(core) - copied)
        self._put(_collapse(core), styles)
        if lead + len(core) < len(data):
            self._space(start + len(core))

    def _space(self, at: int) -> None:
        """A space in the source: kept as one space before the next text, if any."""
        if self._space_at < 0 and self.map.length and not self._break and not self._newlines:
            self._space_at = at

    def line_break(self, count: int, at: int, *, adds: bool = False, end: int = -1) -> None:
        """Ask for `count` line breaks before the next character (none at the very start).

        Blocks ask for at least so many; a <br> `adds` one to those asked for already, up
        to a blank line: "<br><br>" between paragraphs shows as one, as in a browser. A
        break the source has no line end for stands for source[at:end] (a Markdown `<br>`
        tag), or for nothing at `at`.
        """
        if not self.map.length:
            return
        if not self._break:
            self._break_at = at
            self._break_end = max(at, end)
        self._break = min(2, self._break + count) if adds else max(self._break, count)
        self._space_at = -1

    def _flush(self, styles: frozenset[str], upto: int | None = None) -> None:
        # A break or a space is emphasised only when one element's emphasis spans it.
        shared = styles if self._styles is None else styles & self._styles
        if self._break:
            count, self._break = self._break, 0
            missing = count - min(count, self._newlines)
            ends = self._line_ends(missing, upto)
            for k in range(missing):
                start, end = ends[k] if k < len(ends) else (self._break_at, self._break_end)
                self.map.char(start, end)
            if missing:
                self._put("\n" * missing, shared)
        elif self._space_at >= 0:
            at, self._space_at = self._space_at, -1
            self.map.char(at, at + 1)
            self._put(" ", shared)
        self._space_at = -1

    def _line_ends(self, count: int, upto: int | None) -> list[tuple[int, int]]:
        """Up to `count` spans of the source's line ends ("\n", or a whole "\r\n") between
        the last character's source and `upto`, for breaks to stand for (Markdown only),
        so that the span of a break slices to a break, not to nothing."""
        if self._source is None or not count:
            return []
        low = self.map.last_end() if self.map.length else 0
        high = len(self._source) if upto is None else upto
        found = _MD_LINE_END.finditer(self._source, low, max(low, high))
        return [m.span() for _, m in zip(range(count), found, strict=False)]

    def result(self, document: Document, steps: tuple[str, ...]) -> Extracted:
        text = "".join(self.pieces)
        offsets = self.map.build(tail=self.map.last_end())
        bounds = [k for k, _ in self.styled] + [len(text)]
        names = [frozenset(_style_name(s) for s in styles) for _, styles in self.styled]
        runs = []
        for style in sorted({s for styles in names for s in styles}):
            k = 0
            while k < len(names):
                if style not in names[k]:
                    k += 1
                    continue
                j = k
                while j < len(names) and style in names[j]:
                    j += 1
                a, b = bounds[k], bounds[j]
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if a < b:
                    runs.append(Run(a, b, style))
                k = j
        runs.sort(key=lambda r: (r.start, r.end, r.style))
        quoted = tuple(Span(r.start, r.end) for r in runs if r.style == QUOTED)
        runs = [r for r in runs if r.style != QUOTED]
        return Extracted(document, text, offsets, tuple(runs), steps, quoted)


_HTML_RUNS = re.compile(f"[{_HTML_SPACE}]{{2,}}")


def _collapse(core: str) -> str:
    """HTML text without leading or trailing space, each run of spaces one space."""
    core = _HTML_RUNS.sub(" ", core)
    for char in _HTML_SPACE[1:]:
        core = core.replace(char, " ")
    return core


class _HTMLReader(HTMLParser):
    """Feeds an HTML document to a _Builder in source order (see `extract`)."""

    def __init__(self, text: str, keep: frozenset[int] = frozenset()) -> None:
        # convert_charrefs=False: entities arrive one by one, so each keeps its own offset.
        super().__init__(convert_charrefs=False)
        self.keep = keep
        """Source offsets of furniture start tags left open: read, not skipped, this time."""
        self.unclosed: set[int] = set()
        """Offsets of skipped furniture that its own end tag never closed."""
        self.skip_root: tuple[int, str, int] | None = None
        """(stack index, tag, offset) of the element that began the current skip."""
        self.source = text
        self.out = _Builder()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.formats: dict[str, list[int]] = {tag: [] for tag in _FORMAT_TAGS}
        self.serial = 0
        self.skipping = 0
        self.pre = 0
        self.lists: list[int | None] = []
        """The open lists, innermost last: an ordered list's next item number, or None."""
        self.quoting = 0
        """How many <q> elements are open: a browser draws their quotation marks."""

    def parse_html_declaration(self, i: int) -> int:
        # The standard library still asserts on some malformed declarations ("<![;");
        # a browser treats those as a bogus comment, and so do we.
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            end = self.rawdata.find(">", i + 2)
            return -1 if end < 0 else end + 1

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _styles(self) -> frozenset[str]:
        active = {
            f"{_FORMAT_TAGS[tag]}#{n}"
            for tag, open_ in self.formats.items()
            for n in open_
            if n > 0
        }
        for _, styles in self.stack:
            active |= styles
        return frozenset(active)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HEAD_CONTENT:
            self._end_open_head()
        if self.skipping:
            if tag not in _VOID:
                self.stack.append((tag, frozenset()))
                self.skipping += tag in _SKIP
            return
        if tag in _SKIP and not (tag in _FURNITURE and self._at() in self.keep):
            self.skip_root = len(self.stack), tag, self._at()
            self.stack.append((tag, frozenset()))
            self.skipping += 1
            return
        if tag in _BLOCK:
            self.out.line_break(_BLOCK[tag], self._at(), adds=tag == "br")
        if tag in _VOID:
            return
        if tag in ("ol", "ul"):
            self.lists.append(_first_number(attrs) if tag == "ol" else None)
        elif tag == "li" and self.lists and self.lists[-1] is not None:
            self._item_number(attrs)
        elif tag == "q":
            self._quotation_mark(opening=True)
        if tag in _FORMAT_TAGS:
            # Formatting is counted apart from the element stack, as browsers reopen it
            # across blocks: <p><b>end.</p><p>start</b> is bold on both sides.
            self.serial += 1
            # <b style="font-weight:normal"> (how a Google Docs paste wraps a whole page)
            # shows no bold: kept on the list, so its end tag closes it, but not shown.
            shown = _FORMAT_TAGS[tag] not in _plain_styles(attrs)
            self.formats[tag].append(self.serial if shown else -self.serial)
            return
        self.serial += 1
        quoting = {QUOTED} if tag in _QUOTING_TAGS else set()
        styles = frozenset(f"{s}#{self.serial}" for s in _inline_styles(attrs) | quoting)
        self.stack.append((tag, styles))
        self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag in _BLOCK:
            self.out.line_break(_BLOCK[tag], self._at(), adds=tag == "br")

    def handle_endtag(self, tag: str) -> None:
        if tag in _FORMAT_TAGS:
            if not self.skipping and self.formats[tag]:
                self.formats[tag].pop()
            return
        index = next((k for k in range(len(self.stack) - 1, -1, -1) if self.stack[k][0] == tag), -1)
        if index < 0:
            return
        root = self.skip_root
        was_skipping = self.skipping
        # Elements below the skip's root were opened while reading; those above, inside it.
        read_up_to = root[0] if root is not None else len(self.stack)
        for k in range(index, len(self.stack)):
            closed = self.stack[k][0]
            self.pre -= closed == "pre" and k < read_up_to
            self.skipping -= closed in _SKIP and k >= read_up_to
        if root is not None and index <= root[0]:
            self.skip_root = None
            if (index, tag) != root[:2] and root[1] in _FURNITURE:
                self.unclosed.add(root[2])  # closed only by an ancestor's end tag
        if tag == "q" and self.quoting and index < read_up_to:
            self._quotation_mark(opening=False)
        closed_lists = sum(
            1
            for k in range(index, min(read_up_to, len(self.stack)))
            if self.stack[k][0] in ("ol", "ul")
        )
        del self.lists[len(self.lists) - closed_lists :]
        del self.stack[index:]
        if not was_skipping and tag in _BLOCK:
            self.out.line_break(_BLOCK[tag], self._at())

    def _item_number(self, attrs: list[tuple[str, str | None]]) -> None:
        """An ordered list item's number, as a browser shows it ("3. "), standing for the
        <li> tag: it is part of the wording where a page lists numbered paragraphs."""
        value = next((v for k, v in attrs if k == "value" and v), None)
        number = int(value) if value and value.strip().lstrip("-").isdigit() else self.lists[-1]
        assert number is not None
        self.lists[-1] = number + 1
        at = self._at()
        tag = self.get_starttag_text() or ""
        self.out.emit(f"{number}. ", at, at + len(tag), self._styles())

    def _quotation_mark(self, *, opening: bool) -> None:
        """The mark a browser draws for <q> (double, single inside another), standing for its tag:
        the quotation is then read as if typed with its marks."""
        if not opening:
            self.quoting -= 1
        marks = "\u201c\u201d" if self.quoting % 2 == 0 else "\u2018\u2019"
        at = self._at()
        end = self.source.find(">", at) + 1 or len(self.source)
        self.out.emit(marks[0 if opening else 1], at, end, self._styles())
        if opening:
            self.quoting += 1

    def _end_open_head(self) -> None:
        """End a <head> left open when body content starts (the browsers' rule)."""
        root = self.skip_root
        if root is not None and root[1] == "head" and len(self.stack) == root[0] + 1:
            self.skip_root = None
            self.skipping -= 1
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip(_HTML_SPACE):
            self._end_open_head()
        if not self.skipping:
            at = self._data_at(data)
            if any(tag == "sup" for tag, _ in self.stack):
                data = raised(data)
            self.out.text(data, at, self._styles(), pre=self.pre > 0)

    def _data_at(self, data: str) -> int:
        """Where `data` starts in the source. At close() the parser flushes a malformed
        tail ("<![;") as data after moving its position past it, so check and search."""
        at = self._at()
        if self.source.startswith(data, at):
            return at
        found = self.source.rfind(data, 0, min(at, len(self.source)))
        return found if found >= 0 else max(0, len(self.source) - len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        if self.skipping:
            return
        at = self._at()
        end = at + len(raw)
        if self.source.startswith(";", end):
            end += 1
        value = html.unescape(self.source[at:end])
        if value == self.source[at:end] or value in _HTML_SPACE:
            self.out.text(value, at, self._styles(), pre=self.pre > 0)
        else:
            self.out.emit(value, at, end, self._styles())


_SUPERSCRIPT = str.maketrans(
    "0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)
_RAISED_NUMBER = re.compile(r"[\s,\-\u2013]*\d[\d\s,\-\u2013]*")


def raised(text: str) -> str:
    """Text inside <sup>, as a reader sees it drawn: a number as superscript digits.

    A footnote number set in <sup> after "2017" is drawn raised and apart, not as the
    year's fifth digit; written as "¹" it reads as a plain-text page writes the same
    mark, and the word before it stays whole. Letters ("1<sup>st</sup>") and brackets
    ("<sup>[1]</sup>") are kept as they are: each character one for one, so the offset
    map is unchanged.

    >>> raised("12"), raised("1, 3"), raised("st"), raised("[1]")
    ('¹²', '¹, ³', 'st', '[1]')
    """
    return text.translate(_SUPERSCRIPT) if _RAISED_NUMBER.fullmatch(text) else text


def _first_number(attrs: list[tuple[str, str | None]]) -> int | None:
    """The first item number of an <ol> with decimal numbers (`start`, else 1); None for
    letters or roman numerals (`type`), which this reader does not write out."""
    kind = next((v for k, v in attrs if k == "type"), None)
    if kind not in (None, "1"):
        return None
    start = next((v for k, v in attrs if k == "start" and v), "1")
    return int(start) if start.strip().lstrip("-").isdigit() else 1


def _inline_styles(attrs: list[tuple[str, str | None]]) -> frozenset[str]:
    style = next((v for k, v in attrs if k == "style" and v), "").lower()
    if not style:
        return frozenset()
    found = set()
    if _WEIGHT.search(style):
        found.add(BOLD)
    if _SLANT.search(style):
        found.add(ITALIC)
    if _UNDERLINE.search(style):
        found.add(UNDERLINE)
    return frozenset(found)


_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(?:normal|lighter|[1-5]00)\b")
_NORMAL_SLANT = re.compile(r"font-style\s*:\s*normal\b")
_NO_LINE = re.compile(r"text-decoration(?:-line)?\s*:\s*none\b")


def _plain_styles(attrs: list[tuple[str, str | None]]) -> frozenset[str]:
    """The styles an element's own `style` attribute turns off (font-weight: normal ...)."""
    style = next((v for k, v in attrs if k == "style" and v), "").lower()
    found = set()
    if _NORMAL_WEIGHT.search(style):
        found.add(BOLD)
    if _NORMAL_SLANT.search(style):
        found.add(ITALIC)
    if _NO_LINE.search(style):
        found.add(UNDERLINE)
    return frozenset(found)


_PASSES = 8
"""Most readings of one page: each pass reads the furniture the pass before left open."""


def _html(document: Document) -> Extracted:
    keep: frozenset[int] = frozenset()
    for _ in range(_PASSES):
        reader = _read_html(document, keep)
        if not reader.unclosed:
            break
        # A <nav> (or header, footer, aside) that its own end tag never closes would hide
        # the rest of the page; a browser shows it, so read it as ordinary content.
        keep |= reader.unclosed
    steps = ["html.parser", "drop-boilerplate", "decode-entities", "blocks-to-lines"]
    if document.declared_charset:
        # `load` decodes UTF-8 strictly; a page whose declared charset would read its
        # bytes otherwise is read as UTF-8 all the same, and the declaration recorded here.
        steps.append(f"declared-charset-{document.declared_charset}-read-as-utf-8")
    return reader.out.result(document, tuple(steps))


def _read_html(document: Document, keep: frozenset[int]) -> _HTMLReader:
    reader = _HTMLReader(document.text, keep)
    try:
        reader.feed(document.text)
        reader.close()
    except AssertionError as error:  # any strict corner of _markupbase not handled above
        line = reader.getpos()[0]
        raise InputError(document.path, f"HTML parser gave up at line {line}: {error}") from None
    root = reader.skip_root
    if root is not None and root[1] in _FURNITURE:
        reader.unclosed.add(root[2])  # still open at the end of the page
    return reader


_MD_BLOCKS = frozenset(
    "paragraph_open heading_open code_block fence hr blockquote_open bullet_list_open "
    "ordered_list_open html_block table_open".split()
)
_MD_CELLS = frozenset("tr_open th_open td_open".split())
"""Table rows and cells: each on a line of its own, as the HTML reader reads <tr> and <td>."""


_MD_CONTENT = frozenset("code_block fence inline html_block".split())
"""Tokens that hold a block's readable content: an ordered item's number goes before it."""

_MD_LINE_END = re.compile(r"\r\n?|\n")


def _style_name(token: str) -> str:
    """ "bold#3" -> "bold": styles carry the serial of the element that set them."""
    return token.partition("#")[0]


def _markdown_parser() -> MarkdownIt:
    # Imported here, by the first Markdown capture: 40 ms of every process's start-up
    # otherwise, for the many that read only text and HTML.
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    # Pipe tables, as GitHub, Pandoc and Obsidian read them: a README or a note that sets
    # the statement's paragraphs in a table shows cells, not lines of pipes.
    parser.enable("table")
    # text_join would merge entities and escapes into plain text tokens and lose where
    # each came from; kept apart, every token can be found in the source.
    parser.disable("text_join")
    return parser


def _markdown(document: Document) -> Extracted:
    source = document.text
    lines = _Lines.of(source)
    line_starts = lines.starts
    out = _Builder(line_ends_of=source)
    marker: tuple[str, str, int] | None = None  # an ordered item's number, not yet emitted
    numbers: list[int | None] = []  # the open lists' next item numbers (None: bullets)
    depth, quoting = 0, frozenset[str]()  # inside `>` blocks: the QUOTED marker
    for token in _markdown_parser().parse(source):
        if token.type in ("ordered_list_open", "bullet_list_open"):
            start = token.attrs.get("start", 1) if token.type == "ordered_list_open" else None
            numbers.append(int(start) if isinstance(start, (int, float, str)) else None)
        elif token.type in ("ordered_list_close", "bullet_list_close") and numbers:
            numbers.pop()
        if token.type == "blockquote_open":
            depth += 1
            if depth == 1:  # one marker for the outermost block: its breaks stay in it
                quoting = frozenset({f"{QUOTED}#{token.map[0] if token.map else 0}"})
        elif token.type == "blockquote_close":
            depth -= 1
            quoting = quoting if depth else frozenset()
        if token.type in _MD_BLOCKS and token.map and not token.hidden:
            out.line_break(2, line_starts[token.map[0]])
        if token.type in _MD_CELLS:
            out.line_break(1, line_starts[token.map[0]] if token.map else out.map.last_end())
        if token.type == "list_item_open" and token.map:
            at = line_starts[token.map[0]]
            out.line_break(1, at)
            number = numbers[-1] if numbers else None
            if token.info and number is not None:
                # An ordered item's number is part of the wording ("1. The Parties"), written
                # as a renderer draws it: counted on from the list's first number, with a
                # full stop ("1)", "01." and a run of "1." items read "1.", "2.", "3.").
                numbers[-1] = number + 1
                marker = token.info + token.markup, f"{number}.", at
        if token.type == "list_item_close" and marker is not None:
            _markdown_marker(out, source, *marker, quoting, space=False)  # an empty item's
            marker = None
        if token.type in _MD_CONTENT and token.map and marker is not None:
            # Emitted with the item's first content, after the breaks its blocks ask for.
            _markdown_marker(out, source, *marker, quoting)
            marker = None
        if token.type in ("code_block", "fence") and token.map:
            _markdown_block(out, token, lines, quoting)
        if token.type == "html_block" and token.map:
            _markdown_html(out, token, lines, quoting)
        if token.type == "inline" and token.map and token.children is not None:
            _markdown_inline(out, token, lines, quoting)
    return out.result(document, ("markdown-it-py commonmark+table", "decode-entities"))


def _markdown_marker(
    out: _Builder,
    source: str,
    marker: str,
    shown: str,
    at: int,
    base: frozenset[str],
    *,
    space: bool = True,
) -> None:
    """An ordered item's number as `shown` and the space after it: each character from its
    own source when the marker reads as shown, else each standing for the whole marker."""
    found = source.find(marker, at)
    if found < 0:
        return
    after = found + len(marker)
    if shown == marker:
        out.copy(marker, found, base)
    else:
        out.emit(shown, found, after, base)
    if not space:
        return
    gap = 1 if source[after : after + 1] in (" ", "\t") else 0
    out.emit(" ", after, after + gap, base)


@dataclass(slots=True)
class _Lines:
    """A Markdown source's lines as markdown-it counts them (it ends a line at LF, CRLF
    or a lone CR), where each starts, and how far each has been read so far."""

    text: list[str]
    starts: list[int]
    used: list[int]

    @classmethod
    def of(cls, source: str) -> _Lines:
        lines, starts = [], [0]
        for end in _MD_LINE_END.finditer(source):
            lines.append(source[starts[-1] : end.start()])
            starts.append(end.end())
        lines.append(source[starts[-1] :])
        return cls(lines, starts, [0] * len(lines))


class _Where:
    """Source offset of every character of a token's content (block prefixes stripped),
    kept per source line: each line's piece, with the line break after it, is a copy."""

    def __init__(self, content: str, first: int, lines: _Lines):
        self.firsts: list[int] = []  # content index where each piece starts
        self.sources: list[int] = []  # source offset of that character
        at = 0
        text, used = lines.text, lines.used
        for k, piece in enumerate(content.split("\n")):
            row = min(first + k, len(text) - 1)
            column = text[row].find(piece, used[row]) if piece else used[row]
            if column < 0:
                column = text[row].find(piece)
            column = max(column, 0)
            used[row] = column + len(piece)
            self.firsts.append(at)
            self.sources.append(lines.starts[row] + column)
            at += len(piece) + 1

    def __getitem__(self, i: int) -> int:
        r = bisect_right(self.firsts, i) - 1
        return self.sources[r] + i - self.firsts[r]

    def copy(self, out: _Builder, content: str, i: int, j: int, styles: frozenset[str]) -> None:
        """Emit content[i:j], each character for its own source character."""
        while i < j:
            r = bisect_right(self.firsts, i) - 1
            stop = min(j, self.firsts[r + 1]) if r + 1 < len(self.firsts) else j
            out.copy(content[i:stop], self.sources[r] + i - self.firsts[r], styles)
            i = stop


def _markdown_block(out: _Builder, token: Token, lines: _Lines, base: frozenset[str]) -> None:
    assert token.map is not None
    first = token.map[0] + (1 if token.type == "fence" else 0)
    content = token.content.rstrip("\n")
    _Where(content, first, lines).copy(out, content, 0, len(content), base)


def _markdown_html(out: _Builder, token: Token, lines: _Lines, base: frozenset[str]) -> None:
    """A block of raw HTML, read as a browser shows it (see `_html`): a blog's `<p>` or a
    README's `<div align="center">` holds text a reader sees."""
    assert token.map is not None
    content = token.content.rstrip("\n")
    where = _Where(content, token.map[0], lines)
    reader = _HTMLReader(content)
    try:
        reader.feed(content)
        reader.close()
    except AssertionError:  # a strict corner of _markupbase: the block shows nothing
        return
    inner = reader.out
    text = "".join(inner.pieces)
    shown = inner.map.build(tail=inner.map.last_end())
    for k, char in enumerate(text):
        start, end = shown.start(k), shown.end(k)
        if start < end:
            out.emit(char, where[start], where[end - 1] + 1, base)
        else:  # a break drawn for a tag (<br>, a block's end) stands for the tag
            first = min(start, len(content) - 1)
            tag = content.find(">", first) + 1 or len(content)
            at, stop = where[first], where[tag - 1] + 1
            if char == "\n":
                out.line_break(1, at, adds=True, end=stop)
            else:
                out.emit(char, at, stop, base)


_BREAK_TAG = re.compile(r"<br\b", re.IGNORECASE)


def _markdown_inline(out: _Builder, token: Token, lines: _Lines, base: frozenset[str]) -> None:
    """An inline token's text, in its emphasis and `base` (the QUOTED marker, or nothing)."""
    assert token.map is not None and token.children is not None
    content = token.content
    where = _Where(content, token.map[0], lines)
    cursor = 0
    active: list[str] = []  # open emphasis, innermost last, as "style#serial"
    tags: list[tuple[str, list[str]]] = []  # open inline HTML elements and what each set

    def emit_found(piece: str, produced: str | None = None) -> None:
        nonlocal cursor
        found = content.find(piece, cursor)
        if found < 0:
            return
        styles = base.union(active)
        if produced is None and any(name == "sup" for name, _ in tags):
            shown = raised(piece)  # one for one: content's offsets still hold
            where.copy(out, content[:found] + shown, found, found + len(piece), styles)
        elif produced is None:
            where.copy(out, content, found, found + len(piece), styles)
        elif produced == piece:  # a backslash before a character it does not escape
            where.copy(out, content, found, found + len(piece), styles)
        else:
            out.emit(produced, where[found], where[found + len(piece) - 1] + 1, styles)
        cursor = found + len(piece)

    for child in token.children:
        kind = child.type
        if kind in ("strong_open", "em_open", "strong_close", "em_close"):
            found = content.find(child.markup, cursor)
            cursor = found + len(child.markup) if found >= 0 else cursor
            style = BOLD if kind.startswith("strong") else ITALIC
            if kind.endswith("open"):
                active.append(f"{style}#{out.map.length}:{cursor}")
            else:
                closing = next((a for a in reversed(active) if _style_name(a) == style), None)
                if closing is not None:
                    active.remove(closing)
        elif kind == "text" and child.content:
            emit_found(child.content)
        elif kind == "text_special":
            emit_found(child.markup, child.content)
        elif kind == "code_inline":
            emit_found(child.content)
        elif kind in ("softbreak", "hardbreak"):
            emit_found("\n")
        elif kind == "image":
            emit_found(child.content)
        elif kind == "html_inline" and _BREAK_TAG.match(child.content):
            found = content.find(child.content, cursor)
            if found >= 0:  # <br> draws a line break, as in HTML
                tag = where[found + len(child.content) - 1] + 1
                out.line_break(1, where[found], adds=True, end=tag)
                cursor = found + len(child.content)
        elif kind == "html_inline":
            found = content.find(child.content, cursor)
            cursor = found + len(child.content) if found >= 0 else cursor
            _markdown_tag(child.content, active, tags, f"{out.map.length}:{cursor}")


_MD_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*)>")
_MD_STYLE = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _markdown_tag(
    tag: str, active: list[str], tags: list[tuple[str, list[str]]], serial: str
) -> None:
    """Inline HTML in Markdown (`<mark>`, `<b>`, `<u>`, a styled `<span>`): the emphasis
    it opens or closes, as the HTML reader would read it."""
    match = _MD_TAG.fullmatch(tag.strip())
    if match is None:
        return
    closing, name = match.group(1), match.group(2).lower()
    if closing:
        index = next((k for k in range(len(tags) - 1, -1, -1) if tags[k][0] == name), -1)
        if index >= 0:
            for token in tags.pop(index)[1]:
                active.remove(token)
        return
    style = _MD_STYLE.search(match.group(3))
    declared = _inline_styles([("style", style.group(1) or style.group(2))]) if style else set()
    styles = {_FORMAT_TAGS[name]} if name in _FORMAT_TAGS else set()
    if name == "sup" and not styles | declared:
        tags.append((name, []))  # nothing to style: kept so its text is read raised
        return
    if name in _VOID or not styles | declared:
        return
    tokens = [f"{s}#{serial}" for s in sorted(styles | declared)]
    tags.append((name, tokens))
    active.extend(tokens)
