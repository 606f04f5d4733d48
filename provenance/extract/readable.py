"""What a reader produces: the readable text, its map to the original, its emphasis runs.

`_Builder` writes readable text character by character with the offset each came from,
collapses HTML's white space, and keeps the emphasis runs open while reading; `Extracted`
is the result that the engine compares and maps every span back through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from provenance.model import Column, Document, Format, MapBuilder, OffsetMap, Span

if TYPE_CHECKING:
    pass

BOLD, ITALIC, UNDERLINE, MARK = "bold", "italic", "underline", "mark"
STRIKE = "strikethrough"
"""Words drawn struck through (`<del>`, `<s>`, `~~words~~`): shown as deleted, whatever
the text says; emphasis in the sense of a style the copy adds to the reference's words."""
QUOTED = "quoted"
"""Not a style: what a <blockquote> or a Markdown `>` block holds. Carried with the styles
while reading, it becomes `Extracted.quoted`, never an emphasis run."""
CAPTION = "caption"
"""Not a style: what a <figcaption> holds. Carried with the styles while reading, it
becomes `Extracted.captions`: a picture's caption set inside a copy is page furniture."""
CREDIT = "credit"
"""Not a style: what names who a block quotation quotes (a <cite> opening or closing it,
a forum's title line over it). Carried with the styles while reading, it becomes
`Extracted.credits`."""
_HTML_SPACE = " \t\n\r\f"


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
    hidden: tuple[Span, ...] = ()
    """Original stretches of HTML elements a browser does not draw (the `hidden`
    attribute, `display: none`): not read, but reported, as a page may hide text."""
    captions: tuple[Span, ...] = ()
    """Readable stretches the markup sets out as a picture's caption (<figcaption>)."""
    credits: tuple[Span, ...] = ()
    """Readable stretches the markup sets out as naming who a block quotation quotes (a
    <cite> opening or closing it, a forum's "Name said:" title over it): read as lines of
    their own, outside the quotation."""
    furniture: tuple[Span, ...] = ()
    """Original stretches of HTML page furniture (`nav`, `header`, `footer`, `aside`, in a
    page or in a Markdown file's raw HTML) set aside, start tag to end tag (the Markdown
    between included): drawn by a browser but not read, as none of it was
    wanted (it holds none of the reference); reported, so that nothing is lost unseen."""

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

        >>> from provenance.extract import extract
        >>> e = extract(Document("x", "x.html", "", 0, "<p>a&amp;b</p>", Format.HTML))
        >>> e.text, e.span(1, 2).of(e.document.text)
        ('a&b', '&amp;')
        """
        if self.identity:
            return Span(start, end)
        found = self.map.span(start, end)
        if start >= end:
            return found
        # Characters made from markup alone (the paragraph break of "</p>\n<p>") at either
        # end stand for the markup between their neighbours: a reading "Moscow.\n\n" spans
        # the "</p>\n<p>" after the full stop, and "\n\n" alone no empty span.
        lo, hi = found.start, found.end
        if self._made(end - 1):
            hi = max(hi, self.map.start(end))
        if self._made(start) and start:
            lo = min(lo, self.map.end(start - 1))
        return Span(lo, max(lo, hi))

    def _made(self, k: int) -> bool:
        """Whether readable character k comes from no source character (markup made it)."""
        return self.map.start(k) == self.map.end(k)

    def view(self) -> Document:
        """The readable text as a Document, for the stages that compare text."""
        if self.identity:
            return self.document
        return replace(self.document, text=self.text, format=Format.TEXT)


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

    def no_space(self) -> None:
        """Drop a space the source has before the next text: none is drawn there."""
        self._space_at = -1

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
        captions = tuple(Span(r.start, r.end) for r in runs if r.style == CAPTION)
        credits = tuple(Span(r.start, r.end) for r in runs if r.style == CREDIT)
        runs = [r for r in runs if r.style not in (QUOTED, CAPTION, CREDIT)]
        return Extracted(
            document, text, offsets, tuple(runs), steps, quoted, captions=captions, credits=credits
        )


_HTML_RUNS = re.compile(f"[{_HTML_SPACE}]{{2,}}")


def _collapse(core: str) -> str:
    """HTML text without leading or trailing space, each run of spaces one space."""
    core = _HTML_RUNS.sub(" ", core)
    for char in _HTML_SPACE[1:]:
        core = core.replace(char, " ")
    return core


_MD_LINE_END = re.compile(r"\r\n?|\n")


def _style_name(token: str) -> str:
    """ "bold#3" -> "bold": styles carry the serial of the element that set them."""
    return token.partition("#")[0]
