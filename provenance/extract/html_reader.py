"""HTML read in source order with the standard library's lenient `html.parser`.

Scripts, styles and what a browser never draws (the `hidden` attribute, `display: none`)
are dropped; page furniture (`nav`, `header`, `footer`, `aside`, and boxes whose class or id
names an advertisement, a cookie banner, a paywall, a newsletter or a share bar) is set
aside and listed,
unless the caller wants its text read (it holds the reference: see `_html`); entities
decoded (each produced character maps to the whole entity), blocks become line breaks,
and what a browser draws is written out: an ordered list's numbers, the marks of `<q>`,
raised footnote digits. Bold, italic, underline and mark (by tag, inline style or a
`<style>` rule for a class, a coloured background or text colour on words inside the
lines being a mark, not one on a block) are emphasis runs; a `<blockquote>`'s text is
marked as quoted, but for a `<cite>` opening or closing it or a forum's title line over
it (who is quoted, read as a line of its own and listed as a credit).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from itertools import pairwise
from typing import TYPE_CHECKING, SupportsIndex

from provenance.errors import InputError
from provenance.extract.readable import (
    _HTML_SPACE,
    BOLD,
    CAPTION,
    CREDIT,
    ITALIC,
    MARK,
    QUOTED,
    STRIKE,
    UNDERLINE,
    Extracted,
    _Builder,
)
from provenance.model import Document, Span

if TYPE_CHECKING:
    pass

Wanted = Callable[[str], bool]
"""Whether the readable text of a page-furniture element is wanted (read, not set aside)."""
_QUOTING_TAGS = frozenset({"blockquote"})
_APART_TAGS = frozenset({"cite", "div", "footer"})
"""Elements naming who a block quotation quotes when they open or close it (a forum's
`<cite>mira wrote:</cite>`, its title `<div>`), or a control's label in it: read as a
line of their own, outside the quotation; credits are listed in `Extracted.credits` (see
`_HTMLReader._apart`)."""
_EXPAND = "bbCodeBlock-expandLink"
_CONTROL = "control"

_FORMAT_TAGS = {
    "b": BOLD,
    "strong": BOLD,
    "i": ITALIC,
    "em": ITALIC,
    "dfn": ITALIC,
    "var": ITALIC,
    "u": UNDERLINE,
    "ins": UNDERLINE,
    "mark": MARK,
    "del": STRIKE,
    "s": STRIKE,
    "strike": STRIKE,
}
"""Elements drawn in a style of emphasis (`<ins>`, an insertion, is drawn underlined;
`<del>`, a deletion, struck through; a term `<dfn>` and a variable `<var>` in italics, as a
browser draws them; not `<cite>`, read as a block quotation's credit)."""
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
"""Elements a browser draws bold: bold markup inside one shows nothing more."""
_SKIP = frozenset(
    "script style noscript template head title nav header footer aside svg iframe object "
    "canvas".split()
)
"""Elements whose content is never readable text: code, metadata and page furniture."""
_FURNITURE = frozenset("head nav header footer aside".split())
"""Skipped elements a malformed page may leave open: if one is not closed by its own end
tag, a browser shows what follows it, and so does `extract` (see `_html`)."""
_PAGE_FURNITURE = _FURNITURE - {"head"}
"""Furniture a browser draws around the page's content: set aside, and listed in
`Extracted.furniture`, unless its text is wanted (see `_html`)."""
_HEAD_CONTENT = frozenset(
    "base basefont bgsound link meta noscript script style template title".split()
)
"""What may stand in <head>: any other tag, or text, ends an unclosed head, as in browsers."""
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = {
    **dict.fromkeys(
        "p h1 h2 h3 h4 h5 h6 blockquote pre ul ol table section article main figure dl hr "
        "address fieldset tr".split(),
        2,
    ),
    **dict.fromkeys("div li td th dt dd br figcaption caption".split(), 1),
}
"""Block elements and the line breaks (1 or 2) they put between their neighbours."""
_WEIGHT = re.compile(r"(?<![\w-])font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b")
_SLANT = re.compile(r"(?<![\w-])font-style\s*:\s*(?:italic|oblique)\b")
_UNDERLINE = re.compile(r"(?<![\w-])text-decoration(?:-line)?\s*:[^;]*\bunderline\b")
_LINE_THROUGH = re.compile(r"(?<![\w-])text-decoration(?:-line)?\s*:[^;]*\bline-through\b")
_HIGHLIGHT = re.compile(
    r"(?<![\w-])background(?:-color)?\s*:\s*(?!\s)(?!(?:transparent|none|inherit|initial|unset|white|#fff\b"
    r"|#ffffff\b|rgba?\(\s*255\s*,\s*255\s*,\s*255\s*[,)]|(?:rgba|hsla)\([^)]*[,/]\s*0(?:\.0*)?%?\s*\)"
    r"|#[0-9a-f]{6}00\b|#[0-9a-f]{3}0\b)\s*(?:;|$))"
    r"[^;]*[^\s;]"
)
"""A background colour drawn behind text (`background-color: #ff0`): a highlight, as <mark>
is; not a white or transparent one, and not one on a block (see `_drawn_as_block`)."""
_BLOCK_BOXES = frozenset(_BLOCK) | frozenset(
    "html body center tbody thead tfoot caption details summary form dialog menu nav header "
    "footer aside legend hgroup search".split()
)
"""Elements a browser draws as a block of their own (a page, a box, a cell, a paragraph)."""
_DISPLAY = re.compile(r"display\s*:\s*([a-z-]+)")


class _HTMLReader(HTMLParser):
    """Feeds an HTML document to a _Builder in source order (see `extract`)."""

    def __init__(
        self, text: str, keep: frozenset[int] = frozenset(), read: tuple[Span, ...] = ()
    ) -> None:
        # convert_charrefs=False: entities arrive one by one, so each keeps its own offset.
        super().__init__(convert_charrefs=False)
        self.keep = keep
        """Source offsets of furniture start tags left open: read, not skipped, this time."""
        self.read = read
        """Source stretches of furniture to read (and any furniture inside them)."""
        self.unclosed: set[int] = set()
        """Offsets of skipped furniture that its own end tag never closed."""
        self.furniture: list[tuple[int, int]] = []
        """Source stretches of page furniture set aside (not read), start tag to end tag."""
        self.hidden: list[tuple[int, int]] = []
        """Source stretches of hidden elements (not read), from start tag to end tag."""
        self.skip_root: tuple[int, str, int] | None = None
        """(stack index, tag, offset) of the element that began the current skip."""
        self.source = text
        self.sheet = _style_sheet(text)
        """Declarations of the page's `<style>` rules for a class (".key", "span.key")."""
        self.out = _Builder()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack = _OpenElements()
        self.formats: dict[str, list[int]] = {tag: [] for tag in _FORMAT_TAGS}
        self.serial = 0
        self.skipping = 0
        self.pre = 0
        self.lists: list[int | None] = []
        self.steps: list[int] = []
        """Each open list's step from one item's number to the next: -1 for <ol reversed>."""
        """The open lists, innermost last: an ordered list's next item number, or None."""
        self.numbered = -1
        """The readable length just after the last item number drawn (`_item_number`)."""
        self.quoting = 0
        """How many <q> elements are open: a browser draws their quotation marks."""
        self.flushed = -1
        """Where the last piece of a flushed malformed tail ended (see `_data_at`)."""
        self.blocks_read: dict[int, int] = {}
        """Serial of each <blockquote> opened -> readable length when it opened."""
        self.quote_boxes: set[int] = set()
        """Stack indices of the open boxes of quoted posts (see `_quote_box`)."""
        self.note_refs: set[int] = set()
        """Stack indices of the open <a>s that are footnote references (see `_note_ref`)."""

    def parse_html_declaration(self, i: int) -> int:
        # The standard library still asserts on some malformed declarations ("<![;");
        # a browser treats those as a bogus comment, and so do we. It may have moved its
        # position on before asserting: put back, or every offset after drifts.
        position = self.lineno, self.offset
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.lineno, self.offset = position
            end = self.rawdata.find(">", i + 2)
            return -1 if end < 0 else end + 1

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _styles(self) -> frozenset[str]:
        """The styles of text here, each as `name#serial` of the outermost open element
        that sets it and shows it. <b>a <span style="font-weight:normal">b</span></b>: the
        span's text is not bold; a <b> opened inside the span is (elements are numbered in
        document order). The outermost stands for those inside it: a page opening <b> (or
        <blockquote>) on every line and closing none gave every piece of text a set of
        all of them (10 GB for 2 MB), each worked out by reading every open element."""
        level = self.stack.level()
        first = dict(level.first)
        for tag, open_ in self.formats.items():
            if open_:
                name = _FORMAT_TAGS[tag]
                after = level.off.get(name, -1)
                shown = next((n for n in open_ if n > after and n >= 0), None)
                outer = first.get(name)
                if shown is not None and (outer is None or shown < outer):
                    first[name] = shown
        return frozenset(
            f"{name}#{serial}" if serial else name
            for name, serial in first.items()
            if serial is not None
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HEAD_CONTENT:
            self._end_open_head()
        # (what <noscript> holds is drawn only without scripts: listed as hidden text)
        hidden = tag == "noscript" or (
            tag not in _VOID and tag not in _FORMAT_TAGS and _hidden(attrs)
        )
        if self.skipping:
            if tag not in _VOID:
                self.stack.append((tag, _HIDDEN if hidden else frozenset()))
                self.skipping += tag in _SKIP or hidden
            return
        boxed = (
            not hidden
            and tag in _BOX_TAGS
            and _box(attrs)
            and not self._reads(self._at())
            and not self._quoting()
        )
        if (
            hidden
            or boxed
            or (
                tag in _SKIP
                and not (tag in _FURNITURE and (self._reads(self._at()) or _quote_box(tag, attrs)))
                and not (tag == "footer" and self._quoting())  # a quotation's credit (below)
            )
        ):
            self.skip_root = len(self.stack), tag, self._at()
            self.stack.append((tag, _HIDDEN if hidden else _BOXED if boxed else frozenset()))
            self.skipping += 1
            return
        if tag in _BLOCK and tag != "br" and self.out.map.length == self.numbered:
            # a block opening an ordered item, "<li>\n  <p>The Parties", follows its
            # number on its line, as a browser draws it: "1. The Parties"
            self.out.no_space()
        elif tag in _BLOCK:
            self.out.line_break(_BLOCK[tag], self._at(), adds=tag == "br")
        if tag in _VOID:
            return
        if tag in ("ol", "ul"):
            first = _first_number(attrs) if tag == "ol" else None
            backwards = first is not None and any(k == "reversed" for k, _ in attrs)
            if backwards and not any(k == "start" and v for k, v in attrs):
                first = _items_ahead(self.source, self.source.find(">", self._at()) + 1)
            self.lists.append(first)
            self.steps.append(-1 if backwards else 1)
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
            style = _styled(attrs, tag, self.sheet)
            plain = _plain_styles(style)
            if tag == "mark" and _CLEAR_BACKGROUND.search(style) and not _coloured(style):
                # <mark style="background-color:rgba(0,0,0,0);color:#000000">, how the
                # block editor of WordPress sets a text colour: nothing drawn (audit n20)
                plain |= {MARK}
            shown = _FORMAT_TAGS[tag] not in plain and not (
                _FORMAT_TAGS[tag] == BOLD and any(t in _HEADINGS for t, _ in self.stack)
            )  # (a heading is drawn bold: <h2><strong>...</strong></h2> adds nothing)
            self.formats[tag].append(self.serial if shown else -self.serial)
            return
        self.serial += 1
        quoting = {QUOTED} if tag in _QUOTING_TAGS else {CAPTION} if tag == "figcaption" else set()
        if tag == "blockquote" and _embedded_post(attrs):
            quoting.add(CAPTION)  # a social post the page embeds: set apart as a caption is
        style = _styled(attrs, tag, self.sheet)
        turned_off = {f"{_OFF}{s}" for s in _plain_styles(style)}
        if tag in _QUOTING_TAGS:
            self.blocks_read[self.serial] = self.out.map.length
        elif tag in _APART_TAGS and (apart := self._apart(tag, attrs)):
            quoting |= {CREDIT} if apart == CREDIT else set()
            turned_off.add(f"{_OFF}{QUOTED}")
            self.out.line_break(2, self._at())
        # (a <blockquote>'s own style, "font-style: italic" on the element, is how the site
        # sets its quotations, the same for every word it holds: no words picked out)
        drawn = _inline_styles(style, tag) if tag not in _QUOTING_TAGS else frozenset()
        styles = frozenset(f"{s}#{self.serial}" for s in drawn | quoting | turned_off)
        if tag == "aside" and _quote_box(tag, attrs):
            self.quote_boxes.add(len(self.stack))
        if tag == "a" and _note_ref(attrs):
            self.note_refs.add(len(self.stack))
        self.stack.append((tag, styles))
        self.pre += tag == "pre"

    def _apart(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        """What the element starting here is, where it is read as a line of its own, apart
        from the block quotation it stands in: CREDIT, naming who the block quotes (a
        <cite> opening or closing it, `_credits_block`; a forum's title line over it,
        XenForo's `<div class="bbCodeBlock-title">` "mira said:" opening the block, or
        Discourse's `<div class="title">` "mira:" heading a quoted post, `_quote_box`);
        _CONTROL, a control's label (XenForo's "Click to expand..." under a long quote);
        else "". Only a <div> with a class naming one of those is looked at further."""
        if tag in ("cite", "footer"):  # "<footer>— Ivan Petrov</footer>" closing the block
            return CREDIT if self._credits_block(tag) else ""
        given = next((v for k, v in attrs if k == "class" and v), "")
        if "itle" not in given and _EXPAND not in given:
            return ""  # most elements: one look at the class attribute
        classes = given.split()
        if _EXPAND in classes:
            return _CONTROL if self._quoting() else ""
        if "bbCodeBlock-title" in classes:
            return CREDIT if self._credits_block(tag) else ""
        quoted_post = "title" in classes and len(self.stack) - 1 in self.quote_boxes
        return CREDIT if quoted_post else ""

    def _quoting(self) -> bool:
        """Whether a block quotation is open here."""
        return any(s.startswith(f"{QUOTED}#") for _, styles in self.stack for s in styles)

    def _credits_block(self, tag: str) -> bool:
        """Whether the credit element (<cite>, a forum's title) starting here names who the
        block quotation it stands in is quoting: it opens the block (nothing read in it
        yet) or closes it (only markup after it up to the block's end). Elsewhere in the
        block it is a title the quoted words cite ("as <cite>Nature</cite> put it")."""
        opened = [
            int(style.partition("#")[2])
            for _, styles in self.stack
            for style in styles
            if style.startswith(f"{QUOTED}#")
        ]
        if not opened:
            return False
        if self.out.map.length == self.blocks_read.get(opened[-1], -1):
            return True
        end = self.source.find(f"</{tag}", self._at())
        close = self.source.find("</blockquote", end)
        between = self.source[self.source.find(">", end) + 1 : close]
        return 0 <= end < close and not _TAG.sub("", between).strip(_HTML_SPACE)

    def _reads(self, at: int) -> bool:
        """Whether the furniture element whose start tag is at `at` is read this time."""
        return at in self.keep or any(s.start <= at < s.end for s in self.read)

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
            self.skipping -= (
                closed in _SKIP or self.stack[k][1] is _HIDDEN or self.stack[k][1] is _BOXED
            ) and k >= read_up_to
        if root is not None and index <= root[0]:
            self.skip_root = None
            if self.stack[root[0]][1] is _HIDDEN:
                close = self.source.find(">", self._at())
                end = close + 1 if close >= 0 else len(self.source)
                if root[1] != "noscript" or _TAG.sub("", self.source[root[2] : end]).strip():
                    # (a <noscript> holding only a tracking pixel hides no text)
                    self.hidden.append((root[2], end))
            boxed = self.stack[root[0]][1] is _BOXED
            if (index, tag) != root[:2] and (root[1] in _FURNITURE or boxed):
                self.unclosed.add(root[2])  # closed only by an ancestor's end tag
            elif boxed or (root[1] in _PAGE_FURNITURE and self.stack[root[0]][1] is not _HIDDEN):
                close = self.source.find(">", self._at())
                self.furniture.append((root[2], close + 1 if close >= 0 else len(self.source)))
        if tag == "q" and self.quoting and index < read_up_to:
            self._quotation_mark(opening=False)
        closed_lists = sum(
            1
            for k in range(index, min(read_up_to, len(self.stack)))
            if self.stack[k][0] in ("ol", "ul")
        )
        del self.lists[len(self.lists) - closed_lists :]
        del self.steps[len(self.steps) - closed_lists :]
        apart = any(style.startswith(f"{_OFF}{QUOTED}#") for style in self.stack[index][1])
        del self.stack[index:]
        if self.quote_boxes:
            self.quote_boxes = {k for k in self.quote_boxes if k < index}
        if self.note_refs:
            self.note_refs = {k for k in self.note_refs if k < index}
        if not was_skipping and (tag in _BLOCK or apart):
            self.out.line_break(2 if apart else _BLOCK[tag], self._at())

    def _item_number(self, attrs: list[tuple[str, str | None]]) -> None:
        """An ordered list item's number, as a browser shows it ("3. "), standing for the
        <li> tag: it is part of the wording where a page lists numbered paragraphs."""
        value = next((v for k, v in attrs if k == "value" and v), None)
        number = int(value) if value and value.strip().lstrip("-").isdigit() else self.lists[-1]
        assert number is not None
        self.lists[-1] = number + self.steps[-1]
        at = self._at()
        tag = self.get_starttag_text() or ""
        self.out.emit(f"{number}. ", at, at + len(tag), self._styles())
        self.numbered = self.out.map.length

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
            if self.note_refs or self.stack.level().raised:
                data = raised(data)
            self.out.text(data, at, self._styles(), pre=self.pre > 0)

    def _data_at(self, data: str) -> int:
        """Where `data` starts in the source. At close() the parser flushes a malformed
        tail ("<![;") as data after moving its position past it, piece by piece: those are
        placed from where the unread tail starts (`close`), in order ("<![<;<" flushed as
        "<![", "<", ";", "<": the lone "<" is the one after "<![", not the last in the
        file); any other data is checked where the parser is, else searched for."""
        at = self._at()
        if not self.source.startswith(data, at):
            if self.flushed >= 0 and self.source.startswith(data, self.flushed):
                at = self.flushed  # the next piece of the tail `close` flushes
            else:
                found = self.source.rfind(data, 0, min(at, len(self.source)))
                at = found if found >= 0 else max(0, len(self.source) - len(data))
        if self.flushed >= 0:
            self.flushed = at + len(data)
        return at

    def close(self) -> None:
        # What the parser has not read yet is the source's tail, which close() flushes
        # (partly as data) in order: its pieces are placed from where it starts.
        self.flushed = len(self.source) - len(self.rawdata)
        super().close()

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
        if self.flushed >= 0:
            self.flushed = max(self.flushed, end)  # the flushed tail goes on after it
        value = html.unescape(self.source[at:end])
        if value == self.source[at:end] or value in _HTML_SPACE:
            self.out.text(value, at, self._styles(), pre=self.pre > 0)
        else:
            self.out.emit(value, at, end, self._styles())


_SUPERSCRIPT = str.maketrans(
    "0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


def _note_ref(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an <a> is a footnote's reference, drawn raised without a <sup> (Substack's
    `<a class="footnote-anchor" href="#footnote-1">1</a>`): its number is the page's
    note mark, as in <sup>, not a figure run on to the word before it ("region1").

    >>> _note_ref([("class", "footnote-anchor"), ("href", "#footnote-1")])
    True
    >>> _note_ref([("href", "#section-2")])
    False
    """
    found = dict(attrs)
    return bool(
        _NOTE_REF_CLASS.search(found.get("class") or "")
        or _NOTE_REF_HREF.match(found.get("href") or "")
    )


_NOTE_REF_CLASS = re.compile(r"\b(?:footnote|fnref|noteref|footnote-(?:anchor|ref|link))\b", re.I)
_NOTE_REF_HREF = re.compile(r"#(?:fn|footnote|cite_note|endnote|ftn|_ftn)[-_:]?\w*$", re.I)


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


def _embedded_post(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a <blockquote> is a social network's embedded post (its class names the
    network's embed: "twitter-tweet", "instagram-media", "tiktok-embed", ...): the
    page's furniture, whatever words of the statement the post quotes.

    >>> _embedded_post([("class", "twitter-tweet tw-align-center")]), _embedded_post([])
    (True, False)
    """
    given = next((v for k, v in attrs if k == "class" and v), "")
    return any(c in _EMBED_CLASSES for c in given.split())


_EMBED_CLASSES = frozenset(
    "twitter-tweet twitter-video instagram-media tiktok-embed reddit-embed-bq bluesky-embed "
    "mastodon-embed threads-embed fb-xfbml-parse-ignore telegram-post".split()
)


def _items_ahead(source: str, at: int) -> int:
    """The number of items of the list whose content starts at `at` (its own <li>s, not
    those of lists inside it): where an <ol reversed> with no `start` counts down from.

    >>> _items_ahead("<li>a<ol><li>x</ol><li>b<li>c</ol><li>d", 0)
    3
    """
    depth, items = 0, 0
    for m in _LIST_TAG.finditer(source, at):
        closing, name = m.group(1), m.group(2).lower()
        if name == "li":
            items += depth == 0 and not closing
        elif closing:
            if depth == 0:
                break
            depth -= 1
        else:
            depth += 1
    return items


_LIST_TAG = re.compile(r"<(/?)(ol|ul|li)\b", re.IGNORECASE)


def _first_number(attrs: list[tuple[str, str | None]]) -> int | None:
    """The first item number of an <ol> with decimal numbers (`start`, else 1); None for
    letters or roman numerals (`type`), which this reader does not write out."""
    kind = next((v for k, v in attrs if k == "type"), None)
    if kind not in (None, "1"):
        return None
    start = next((v for k, v in attrs if k == "start" and v), "1")
    return int(start) if start.strip().lstrip("-").isdigit() else 1


def _classes(attrs: list[tuple[str, str | None]]) -> list[str]:
    """An element's classes (its `class` attribute's words)."""
    return next((v for k, v in attrs if k == "class" and v), "").split()


def _quote_box(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether the element is the box of a quoted post, Discourse's `<aside class="quote">`
    (a title line naming the poster, then a <blockquote>): a post's content, no page
    furniture beside it.

    >>> _quote_box("aside", [("class", "quote no-group")]), _quote_box("aside", [])
    (True, False)
    """
    return tag == "aside" and "quote" in _classes(attrs)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a browser draws none of an element: the `hidden` attribute, its own style
    saying `display: none` or `visibility: hidden` (a tracking code, a spam link), or a
    class the frameworks name for text kept for screen readers only (`sr-only`,
    `visually-hidden`: clipped to a pixel, never seen)."""
    style = _style(attrs)
    if any(k == "hidden" for k, _ in attrs) or (style and _NOT_DRAWN.search(style)):
        return True
    classes = next((v for k, v in attrs if k == "class" and v), "")
    return bool(classes) and not _SCREEN_READER_ONLY.isdisjoint(classes.lower().split())


_NOT_DRAWN = re.compile(r"display\s*:\s*none\b|visibility\s*:\s*hidden\b")
_SCREEN_READER_ONLY = frozenset(
    "sr-only visually-hidden visuallyhidden screen-reader-text screen-reader-only"
    " element-invisible a11y-hidden u-visually-hidden".split()
)


@dataclass(frozen=True, slots=True)
class _Level:
    """What text inside the open elements up to one takes from them."""

    raised: bool = False
    """A <sup> is open: its text is raised."""
    first: Mapping[str, int | None] = field(default_factory=dict)
    """Each style's outermost element setting it after the last turning it off (its
    serial; 0 for a style with none), or None where an element turns it off."""
    off: Mapping[str, int] = field(default_factory=dict)
    """Each style's last element turning it off."""

    def inside(self, tag: str, styles: frozenset[str]) -> _Level:
        raised = self.raised or tag == "sup"
        if not styles:
            return self if raised == self.raised else _Level(raised, self.first, self.off)
        first, off = dict(self.first), dict(self.off)
        for style in styles:  # (an element's own style outlives its turning others off)
            name, _, serial = style.partition("#")
            if name.startswith(_OFF):
                name = name[len(_OFF) :]
                off[name], first[name] = max(off.get(name, 0), int(serial)), None
        for style in styles:
            name, _, serial = style.partition("#")
            if not name.startswith(_OFF) and first.get(name) is None:
                number = int(serial) if serial else 0
                if number > off.get(name, -1):
                    first[name] = number
        return _Level(raised, first, off)


class _OpenElements(list[tuple[str, frozenset[str]]]):
    """The open elements (tag and styles), innermost last, each with the `_Level` of text
    inside it, kept as they open and close: text reads its styles from the innermost
    alone, not from every element open (a page of elements never closed is thousands
    deep)."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[_Level] = []

    def level(self) -> _Level:
        return self.levels[-1] if self.levels else _OUTSIDE

    def append(self, element: tuple[str, frozenset[str]]) -> None:
        self.levels.append(self.level().inside(*element))
        super().append(element)

    def pop(self, index: SupportsIndex = -1) -> tuple[str, frozenset[str]]:
        self.levels.pop(index)
        return super().pop(index)

    def __delitem__(self, key: SupportsIndex | slice) -> None:
        del self.levels[key]
        super().__delitem__(key)


_OUTSIDE = _Level()
_HIDDEN = frozenset({"hidden"})
"""The style set of an element skipped because it is hidden (told apart by identity)."""
_BOXED = frozenset({"boxed"})
"""The style set of an element skipped as a box of the page's own (`_box`)."""
_BOX_TAGS = frozenset("div section span p ul ol aside figure form dl".split())
_BOX_WORDS = frozenset(
    """ad ads adslot advert adverts advertisement advertising sponsored promo paywall
    cookie cookies consent gdpr newsletter sharebar outbrain taboola""".split()
)
"""Words of a class or id that name a box of the page's own: an advertisement, a
cookie banner, a paywall, a newsletter sign-up, a share bar. (Not "share", "social" or
"subscribe" alone: an article's own container may carry them, "share-enabled".)"""
_BOX_JOINED = frozenset(
    """sharebar sharebuttons sharebutton sharetools shareicons sharelinks socialshare
    socialbar socialbuttons sociallinks socialicons""".split()
)
"""Names of a share bar in two words (`_box`: "share-bar", "social_share", "shareButtons")."""


def _box(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element's class or id names a box of the page's own (`_BOX_WORDS`, as
    whole words of a name split at hyphens and underscores: "ad-inline", "cookie_banner",
    not "shadow" or "header-image"): page furniture, set aside and listed as a <nav> is,
    and read where its text holds the reference.

    >>> _box([("class", "ad-inline")]), _box([("id", "cookie_banner")]), _box([("class", "shadow")])
    (True, True, False)
    >>> _box([("class", "share-bar")]), _box([("class", "entry-content share-enabled")])
    (True, False)
    >>> _box([("class", "post-share-bar")]), _box([("class", "shareButtons")])
    (True, True)
    """
    names = " ".join(v for k, v in attrs if k in ("class", "id") and v).casefold()
    if not _BOX_WORDS.isdisjoint(re.split(r"[\s_-]+", names)):
        return True
    # a name of two words run together or hyphenated ("share-bar", "post-social-share")
    for name in names.split():
        words = re.split(r"[_-]+", name)
        if not _BOX_JOINED.isdisjoint(a + b for a, b in pairwise(words)):
            return True
    return not _BOX_JOINED.isdisjoint(names.split())


def _inline_styles(style: str, tag: str) -> frozenset[str]:
    """The styles an element's declarations (`_styled`: its own `style` attribute, or a
    `<style>` rule for one of its classes) turn on (font-weight: bold ...). A text colour
    other than black or a near-black grey is a highlight, as a coloured background is
    (`<font color>` too).

    A background colour is a highlight only on words inside the lines (a <span> over
    some words, as a highlighter pen runs): on a block (the page's <body>, a <div> box,
    a table cell, a paragraph) it is the layout's tint, as e-mail templates and
    newsletters set them, the same for every word it holds, and no words picked out.
    """
    rules = (
        (_WEIGHT, BOLD),
        (_SLANT, ITALIC),
        (_UNDERLINE, UNDERLINE),
        (_LINE_THROUGH, STRIKE),
        (_HIGHLIGHT, MARK),
    )
    coloured = tag != "a" and _coloured(style)  # (a link is drawn in colour: no highlight)
    found = _styles(style, rules) | ({MARK} if coloured else frozenset())
    return found - {MARK} if MARK in found and _drawn_as_block(tag, style) else found


def _drawn_as_block(tag: str, style: str) -> bool:
    """Whether a browser draws the element `tag` with its own `style` as a block of its own:
    a block element, unless its style makes it inline; any element its style makes a block.

    >>> _drawn_as_block("div", ""), _drawn_as_block("span", "display: block")
    (True, True)
    >>> _drawn_as_block("span", ""), _drawn_as_block("p", "display:inline")
    (False, False)
    """
    display = _DISPLAY.search(style)
    if display is None:
        return tag in _BLOCK_BOXES
    return not display.group(1).startswith(("inline", "contents", "none"))


def _plain_styles(style: str) -> frozenset[str]:
    """The styles an element's declarations (`_styled`) turn off (font-weight: normal ...)."""
    rules = (
        (_NORMAL_WEIGHT, BOLD),
        (_NORMAL_SLANT, ITALIC),
        (_NO_LINE, UNDERLINE),
        (_NO_LINE, STRIKE),
    )
    return _styles(style, rules)


def _styles(style: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> frozenset[str]:
    return frozenset(name for pattern, name in rules if style and pattern.search(style))


def _styled(attrs: list[tuple[str, str | None]], tag: str, sheet: Sheet | None) -> str:
    """An element's declarations, lower case, each property's last only: its classes'
    `<style>` rules (`sheet`) in the order the sheet gives them, a `<font color>`, then
    its own `style` attribute, which a browser lets win. Google Docs gives every span a
    class of weight 400 and its bold words another of weight 700, later in the sheet:
    both read, the 400 turned the bold off (audit n20)."""
    own = _style(attrs)
    if tag == "font":
        colour = next((v for k, v in attrs if k == "color" and v), "")
        own = f"color: {colour.lower()}; {own}" if colour else own
    if not sheet:
        return _last_of_each(own) if ";" in own else own
    names = _classes(attrs)
    ruled = sorted(
        r for name in names for r in (*sheet.get(f".{name}", ()), *sheet.get(f"{tag}.{name}", ()))
    )
    if not ruled:
        return own
    return _last_of_each(";".join([*(declarations for _, declarations in ruled), own]))


def _last_of_each(style: str) -> str:
    """`style`'s declarations, each property's last only (in the order they are last).

    >>> _last_of_each("font-weight:400;color:red;font-weight:700")
    'color:red;font-weight:700'
    """
    last: dict[str, str] = {}
    for declaration in style.split(";"):
        name = declaration.split(":", 1)[0].strip()
        if name and ":" in declaration:
            last.pop(name, None)
            last[name] = declaration.strip()
    return ";".join(last.values())


Sheet = dict[str, tuple[tuple[int, str], ...]]
"""A page's class rules: by selector, each rule's place in the sheet and declarations."""


def _style_sheet(text: str) -> Sheet:
    """The declarations of a page's `<style>` rules whose selector is a class (".key") or
    an element of a class ("span.key"), by selector, lower case, each with its rule's
    place in the page's sheets (a later rule wins); other selectors (a tag alone,
    descendants, ids) are not read.

    >>> _style_sheet("<style>.hl, b.x { font-weight: 700 } p { color: red } .y {}</style>")
    {'.hl': ((0, 'font-weight: 700;'),), 'b.x': ((0, 'font-weight: 700;'),), '.y': ((2, ';'),)}
    """
    sheet: dict[str, tuple[tuple[int, str], ...]] = {}
    place = 0
    for block in _STYLE_BLOCK.finditer(text):
        css = _CSS_COMMENT.sub("", block.group(1)).lower()
        for rule in _CSS_RULE.finditer(css):
            declarations = rule.group(2).strip().rstrip(";") + ";"
            for selector in rule.group(1).split(","):
                selector = selector.strip()
                if _CLASS_SELECTOR.fullmatch(selector):
                    sheet[selector] = (*sheet.get(selector, ()), (place, declarations))
            place += 1
    return sheet


_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"(?:[a-z][a-z0-9]*)?\.[\w-]+")


def _coloured(style: str) -> bool:
    """Whether the last text colour a style declares is a colour a reader sees picked out:
    not black, a near-black (every channel 0x40 or less), a grey of any shade (a muted
    `#777` sets words back, not out) or a colour left to the parent (`inherit`,
    `currentColor`).

    >>> [_coloured(s) for s in ("color: #c00", "color: red", "color:#333", "color: black")]
    [True, True, False, False]
    >>> [_coloured(s) for s in ("color: #777", "color: rgb(150, 150, 155)", "color: silver")]
    [False, False, False]
    >>> _coloured("background-color: red"), _coloured("color: red; color: inherit")
    (False, False)
    """
    found = _COLOUR.findall(style)
    if not found:
        return False
    value = found[-1].strip()
    if value in _NOT_PICKED_OUT:
        return False
    channels = _channels(value)
    if channels is None:
        return True
    return max(channels) > _NEAR_BLACK and max(channels) - min(channels) > _GREY_SPREAD


_COLOUR = re.compile(r"(?<![\w-])color\s*:\s*([^;]+)")
_NOT_PICKED_OUT = frozenset(
    "black inherit initial unset currentcolor windowtext transparent revert gray grey dimgray"
    " dimgrey darkslategray darkslategrey silver darkgray darkgrey lightgray lightgrey"
    " gainsboro slategray slategrey lightslategray lightslategrey white whitesmoke".split()
)
_NEAR_BLACK = 0x40
_GREY_SPREAD = 0x18
"""Most difference between a colour's channels for it to be a grey."""


def _channels(value: str) -> tuple[int, ...] | None:
    """The red, green and blue of a `#rgb`, `#rrggbb` or `rgb(...)` colour; None for
    another form (a name: not black, so picked out)."""
    value = value.removesuffix("!important").strip()
    if value.startswith("#") and len(value) in (4, 7):
        digits = value[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        try:
            return tuple(int(digits[k : k + 2], 16) for k in (0, 2, 4))
        except ValueError:
            return None
    found = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,[^)]*)?\)", value)
    return tuple(int(g) for g in found.groups()) if found else None


def _style(attrs: list[tuple[str, str | None]]) -> str:
    """An element's own `style` attribute, in lower case ("" when it has none)."""
    return next((v for k, v in attrs if k == "style" and v), "").lower()


_TAG = re.compile(r"<[^>]*>")
_OFF = "not-"
"""Marks a style an element's `style` attribute turns off, in the element's style set."""
# (each property by its whole name: Word writes `<b style='mso-bidi-font-weight:normal'>`
# for plain bold, its setting for right-to-left script, which turns nothing off here)
_CLEAR_BACKGROUND = re.compile(
    r"(?<![\w-])background(?:-color)?\s*:\s*(?:transparent|none"
    r"|(?:rgba|hsla)\([^)]*[,/]\s*0(?:\.0*)?%?\s*\)|#[0-9a-f]{6}00\b|#[0-9a-f]{3}0\b)"
    r"\s*(?:!important\s*)?(?:;|$)"
)
"""A background a browser draws as none: transparent, or a colour of no opacity."""
_NORMAL_WEIGHT = re.compile(r"(?<![\w-])font-weight\s*:\s*(?:normal|lighter|[1-5]00)\b")
_NORMAL_SLANT = re.compile(r"(?<![\w-])font-style\s*:\s*normal\b")
_NO_LINE = re.compile(r"(?<![\w-])text-decoration(?:-line)?\s*:\s*none\b")


_PASSES = 8
"""Most readings of one page: each pass reads the furniture the pass before left open."""


def _html(document: Document, wanted: Wanted | None = None) -> Extracted:
    """The readable text of an HTML page (see the module's docstring).

    Page furniture is set aside, unless `wanted` says its readable text is wanted: the
    pipeline asks whether it holds a run of the reference's words, as a sidebar box
    holding the full text does, or an article's <footer> holding its signature line. What
    stays aside is listed in `Extracted.furniture`, never lost without a word.
    """
    reader = _settled(document)
    held = tuple(
        span
        for span in (Span(a, b) for a, b in reader.furniture)
        if wanted is not None and wanted(_furniture_text(document, span))
    )
    if held:
        reader = _settled(document, held)
    steps = ["html.parser", "drop-boilerplate", "decode-entities", "blocks-to-lines"]
    if held:
        steps.append("read-wanted-furniture")
    if document.declared_charset:
        # `load` decodes UTF-8 (or the corpus's recorded encoding) strictly; a page whose
        # declared charset would read its bytes otherwise is read so all the same, and the
        # declaration recorded here.
        steps.append(f"declared-charset-{document.declared_charset}-read-as-{document.encoding}")
    hidden = tuple(Span(a, b) for a, b in reader.hidden)
    furniture = tuple(Span(a, b) for a, b in reader.furniture)
    return replace(reader.out.result(document, tuple(steps)), hidden=hidden, furniture=furniture)


def _settled(document: Document, read: tuple[Span, ...] = ()) -> _HTMLReader:
    """The page read, furniture in `read` included, until no furniture is left open."""
    keep: frozenset[int] = frozenset()
    for _ in range(_PASSES):
        reader = _read_html(document, keep, read)
        if not reader.unclosed:
            break
        # A <nav> (or header, footer, aside) that its own end tag never closes would hide
        # the rest of the page; a browser shows it, so read it as ordinary content.
        keep |= reader.unclosed
    return reader


def _furniture_text(document: Document, span: Span) -> str:
    """The readable text of the furniture element at `span`, read on its own (a parser
    that gives up on it reads nothing: it then stays aside, and listed)."""
    part = replace(document, text=span.of(document.text))
    try:
        reader = _settled(part, (Span(0, len(part.text)),))
    except InputError:
        return ""
    return "".join(reader.out.pieces)


def _read_html(
    document: Document, keep: frozenset[int], read: tuple[Span, ...] = ()
) -> _HTMLReader:
    reader = _HTMLReader(document.text, keep, read)
    try:
        reader.feed(document.text)
        reader.close()
    except AssertionError as error:  # any strict corner of _markupbase not handled above
        line = reader.getpos()[0]
        raise InputError(document.path, f"HTML parser gave up at line {line}: {error}") from None
    root = reader.skip_root
    if root is not None and root[1] in _FURNITURE:
        reader.unclosed.add(root[2])  # still open at the end of the page
    if root is not None and reader.stack[root[0]][1] is _HIDDEN:
        reader.hidden.append((root[2], len(document.text)))  # hidden to the page's end
    return reader
