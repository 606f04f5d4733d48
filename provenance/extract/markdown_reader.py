"""Markdown parsed by markdown-it-py; its tokens walked against the source lines to recover
every produced character's offset.

Front matter (a static site's metadata opening the file: `front_matter`) is not read. List
numbers are written as a renderer draws them, raw HTML blocks are read by the HTML
reader, `<br>` is a line break, pipe tables are read cell by cell (a cell's `\\|` reads
`|`, mapped to its own character), and `**`/`_`/inline HTML emphasis become runs; a `>`
block's text is marked as quoted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from provenance.extract import front_matter
from provenance.extract.html_reader import _FORMAT_TAGS, _VOID, Wanted, _inline_styles, raised
from provenance.extract.markdown_html import Opened, _markdown_html
from provenance.extract.markdown_source import _Lines, _Where
from provenance.extract.readable import (
    BOLD,
    ITALIC,
    QUOTED,
    STRIKE,
    Extracted,
    _Builder,
    _style_name,
)
from provenance.model import Document, Span

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token


_MD_BLOCKS = frozenset(
    "paragraph_open heading_open code_block fence hr blockquote_open bullet_list_open "
    "ordered_list_open html_block table_open".split()
)
_MD_CELLS = frozenset("tr_open th_open td_open".split())
"""Table rows and cells: a row a paragraph, each cell a line of its own, as the HTML
reader reads <tr> and <td> (a cue in one row speaks for that row only)."""


_MD_CONTENT = frozenset("code_block fence inline html_block".split())
"""Tokens that hold a block's readable content: an ordered item's number goes before it."""


def _markdown_parser() -> MarkdownIt:
    # Imported here, by the first Markdown capture: 40 ms of every process's start-up
    # otherwise, for the many that read only text and HTML.
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    # Pipe tables, as GitHub, Pandoc and Obsidian read them: a README or a note that sets
    # the statement's paragraphs in a table shows cells, not lines of pipes.
    parser.enable("table")
    # ~~Strikethrough~~, as GitHub and Pandoc read it: words drawn as deleted.
    parser.enable("strikethrough")
    # text_join would merge entities and escapes into plain text tokens and lose where
    # each came from; kept apart, every token can be found in the source.
    parser.disable("text_join")
    # "[^1]: Ibid." is a footnote's note (GitHub, Pandoc); CommonMark, which knows no
    # footnotes, reads a one-word one as a link reference definition, and its mark as a
    # link (the text "^1", brackets gone). Read as text, mark and note are what they are
    # on a page with two words in the note (which no definition can hold): "[^1]".
    parser.block.ruler.at("reference", _reference_unless_footnote)
    # Front matter (Jekyll, Hugo, Obsidian): metadata, never drawn on the page, as an
    # HTML page's <head> is not (see `front_matter`).
    front_matter.use(parser)
    return parser


def _parsed(source: str) -> tuple[list[Token], bool]:
    """The source's tokens, and whether it opens with front matter (not read).

    A byte-order mark still opening the text (a second one after the one `load` takes
    off, or a Document made from text that kept it) is no character of the page: parsed
    without it, front matter after it is front matter and "# Title" a heading. Lines, and
    so every token's line map, are the same either way.
    """
    source = source.lstrip(_BOM)
    parser = _markdown_parser()
    tokens = parser.parse(source)
    if not tokens or tokens[0].type != "front_matter":
        return tokens, False
    if front_matter.is_metadata(tokens[0].content, tokens[0].markup):
        return tokens, True
    parser.disable(front_matter.RULES)
    return parser.parse(source), False


_BOM = "\ufeff"


def _reference_unless_footnote(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """CommonMark's link reference definition rule, refusing a line that opens with "[^":
    a footnote's note, which stays a paragraph."""
    from markdown_it.rules_block import reference

    at = state.bMarks[start] + state.tShift[start]
    return not state.src.startswith("[^", at) and reference(state, start, end, silent)


def _markdown(document: Document, wanted: Wanted | None = None) -> Extracted:
    """The readable text of a Markdown file (see the module's docstring).

    Page furniture in its raw HTML (`markdown_html`) is set aside, unless `wanted` says its
    readable text is wanted, as in an HTML page (`html_reader._html`).
    """
    tokens, front = _parsed(document.text)
    extracted = _read(document, tokens, front)
    if wanted is None or not extracted.furniture:
        return extracted
    held = tuple(span for span in extracted.furniture if wanted(_furniture_text(document, span)))
    if not held:
        return extracted
    return _read(document, tokens, front, held)


def _furniture_text(document: Document, span: Span) -> str:
    """The readable text of the furniture at `span`, read on its own, all of it."""
    part = replace(document, text=span.of(document.text))
    tokens, _ = _parsed(part.text)
    return _read(part, tokens, False, (Span(0, len(part.text)),)).text


def _read(
    document: Document, tokens: list[Token], front: bool, held: tuple[Span, ...] = ()
) -> Extracted:
    """The tokens read into readable text, the page furniture in `held` read, the rest
    set aside and listed."""
    source = document.text
    lines = _Lines.of(source)
    line_starts = lines.starts
    out = _Builder(line_ends_of=source)
    marker: tuple[str, str, int] | None = None  # an ordered item's number, not yet emitted
    numbers: list[int | None] = []  # the open lists' next item numbers (None: bullets)
    firsts: list[int | None] = []  # and their first numbers
    depth, quoting = 0, frozenset[str]()  # inside `>` blocks: the QUOTED marker
    heading = False  # inside a heading, drawn bold whatever its markup says
    furniture: list[Span] = []
    opened: Opened | None = None  # furniture a raw HTML block left open for a later one
    for index, token in enumerate(tokens):
        if opened is not None and index < opened.closed_by:
            continue  # inside furniture set aside: whole blocks, to the one that closes it
        if token.type in ("ordered_list_open", "bullet_list_open"):
            start = token.attrs.get("start", 1) if token.type == "ordered_list_open" else None
            numbers.append(int(start) if isinstance(start, (int, float, str)) else None)
            firsts.append(numbers[-1])
        elif token.type in ("ordered_list_close", "bullet_list_close") and numbers:
            numbers.pop()
            firsts.pop()
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
            breaks = 2 if token.type == "tr_open" else 1
            out.line_break(breaks, line_starts[token.map[0]] if token.map else out.map.last_end())
        if token.type == "list_item_open" and token.map:
            at = line_starts[token.map[0]]
            out.line_break(1, at)
            number = numbers[-1] if numbers else None
            if token.info and number is not None:
                # An ordered item's number is part of the wording ("1. The Parties"), written
                # as a renderer draws it: counted on from the list's first number, with a
                # full stop ("1)", "01." and a run of "1." items read "1.", "2.", "3."). A
                # number written otherwise stays as written: points put in another order
                # ("2.", "1.", "3.") are moved with their numbers, which a renderer would
                # count over as "2.", "3.", "4.", words the page does not hold.
                written = int(token.info) if token.info.isdecimal() else number
                if written not in (number, firsts[-1]):
                    number = written
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
            inside = opened if opened is not None and index == opened.closed_by else None
            found, opened = _markdown_html(
                out, tokens, index, lines, quoting, read=held, inside=inside
            )
            furniture.extend(found)
        if token.type in ("heading_open", "heading_close"):
            heading = token.type == "heading_open"
        if token.type == "inline" and token.map and token.children is not None:
            _markdown_inline(out, token, lines, quoting, heading=heading)
    steps = ["markdown-it-py commonmark+table", "decode-entities"]
    if front:
        steps.append("skip-front-matter")
    if held:
        steps.append("read-wanted-furniture")
    return replace(out.result(document, tuple(steps)), furniture=tuple(furniture))


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


def _markdown_block(out: _Builder, token: Token, lines: _Lines, base: frozenset[str]) -> None:
    assert token.map is not None
    first = token.map[0] + (1 if token.type == "fence" else 0)
    content = token.content.rstrip("\n")
    _Where(content, first, lines).copy(out, content, 0, len(content), base)


_BREAK_TAG = re.compile(r"<br\b", re.IGNORECASE)


def _markdown_inline(
    out: _Builder, token: Token, lines: _Lines, base: frozenset[str], *, heading: bool = False
) -> None:
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
        if kind in _STYLE_TOKENS:
            found = content.find(child.markup, cursor)
            cursor = found + len(child.markup) if found >= 0 else cursor
            style = _STYLE_TOKENS[kind]
            if heading and style == BOLD:
                continue  # "## **...**": a heading is drawn bold, its ** adds nothing
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


_STYLE_TOKENS = {
    f"{name}_{edge}": style
    for name, style in (("strong", BOLD), ("em", ITALIC), ("s", STRIKE))
    for edge in ("open", "close")
}
"""Inline tokens that open or close a style, and the style."""
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
    declared = _inline_styles((style.group(1) or style.group(2)).lower(), name) if style else set()
    styles = {_FORMAT_TAGS[name]} if name in _FORMAT_TAGS else set()
    if name == "sup" and not styles | declared:
        tags.append((name, []))  # nothing to style: kept so its text is read raised
        return
    if name in _VOID or not styles | declared:
        return
    tokens = [f"{s}#{serial}" for s in sorted(styles | declared)]
    tags.append((name, tokens))
    active.extend(tokens)
