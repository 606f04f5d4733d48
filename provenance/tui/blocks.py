"""Aligned text cut into display blocks, and drawn as rich Text with non-colour marks.

A block is one paragraph of one located passage: the edits between two line breaks that
both sides share. Blocks are drawn side by side (reference | copy, with a gutter sign) or
inline (the copy with `[-removed-]{+added+}` marks). Every coloured highlight has a twin
that survives without colour: the gutter sign, the brackets, underlined changed letters,
reverse video on the current finding and `⟨NBSP⟩`-style marks for invisible characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from rich.style import Style
from rich.table import Table
from rich.text import Text

from provenance.align import refine
from provenance.model import Alignment, Document, Edit, Finding, Span
from provenance.normalise import INVISIBLE, SPACES, visible

STYLE_NAMES = (
    "removed",
    "added",
    "removed-char",
    "added-char",
    "current",
    "invisible",
    "gutter",
    "heading",
)
"""Style roles a caller supplies (AlignedText maps them to its component classes)."""

Styles = Mapping[str, Style]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of an aligned passage."""

    passage: int
    """Index of the passage (alignment) in the SourceResult."""
    edits: tuple[Edit, ...]
    reference: Span
    copy: Span

    @property
    def sign(self) -> str:
        """Gutter sign: `~` changed, `-` only removals, `+` only additions, blank if equal."""
        tags = {e.tag for e in self.edits} - {"equal"}
        if not tags:
            return " "
        if tags == {"delete"}:
            return "-"
        if tags == {"insert"}:
            return "+"
        return "~"

    def holds(self, finding: Finding) -> bool:
        """True if the finding's copy span (or, for an omission, its reference span) is here."""
        if len(finding.span) and _overlaps(finding.span, self.copy):
            return True
        ref = finding.reference
        if ref is not None and len(ref) and _overlaps(ref, self.reference):
            return True
        return not len(finding.span) and self.copy.start <= finding.span.start < self.copy.end


def blocks(
    alignments: tuple[Alignment, ...], copy: Document, reference: Document | None = None
) -> list[Block]:
    """Cut every alignment into paragraph blocks, in capture order.

    An equal edit is split after each run of line breaks; changed edits are never split.
    With the `reference`, an equal edit whose two sides differ in length (a Markdown or
    HTML copy's markup, "**", inside words the engine compared equal) is cut on the
    reference's side where its characters meet the copy's cut.
    """
    out: list[Block] = []
    for number, alignment in enumerate(alignments):
        current: list[Edit] = []
        text = reference.text if reference is not None else None
        for edit, ends_line in _split_equal_lines(alignment, copy.text, text):
            current.append(edit)
            if ends_line:
                out.append(_block(number, current))
                current = []
        if current:
            out.append(_block(number, current))
    return out


def split_row(
    block: Block,
    reference: Document,
    copy: Document,
    current: Finding | None,
    styles: Styles,
    *,
    invisibles: bool,
) -> Table:
    """The block side by side: gutter sign, reference text, copy text."""
    ref_span = current.reference if current is not None else None
    copy_span = current.span if current is not None else None
    return _row(
        block,
        current,
        styles,
        _side(
            block, reference.text, copy.text, "reference", ref_span, styles, invisibles=invisibles
        ),
        _side(block, reference.text, copy.text, "copy", copy_span, styles, invisibles=invisibles),
    )


def inline_row(
    block: Block,
    reference: Document,
    copy: Document,
    current: Finding | None,
    styles: Styles,
    *,
    invisibles: bool,
) -> Table:
    """The block inline: the copy with `[-reference-]{+copy+}` at every change."""
    text = Text()
    for edit in block.edits:
        ref, cop = edit.reference.of(reference.text), edit.copy.of(copy.text)
        if edit.tag == "equal":
            _append(text, cop, Style(), styles, invisibles=invisibles)
            continue
        is_current = current is not None and _edit_in(edit, current)
        extra = styles["current"] if is_current else Style()
        ops = refine(ref, cop) if edit.tag == "replace" else [(edit.tag, ref, cop)]
        if ref:
            text.append("[-", styles["removed"] + extra)
            for tag, r, _ in ops:
                style = styles["removed"] if tag == "equal" else styles["removed-char"]
                _append(text, r, style + extra, styles, invisibles=invisibles)
            text.append("-]", styles["removed"] + extra)
        if cop:
            text.append("{+", styles["added"] + extra)
            for tag, _, c in ops:
                style = styles["added"] if tag == "equal" else styles["added-char"]
                _append(text, c, style + extra, styles, invisibles=invisibles)
            text.append("+}", styles["added"] + extra)
    _crop_line_end(text, block, copy.text)
    return _row(block, current, styles, text)


def _row(block: Block, current: Finding | None, styles: Styles, *sides: Text) -> Table:
    """A grid row: the gutter (sign, and `▶` on the current finding's block), then `sides`."""
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(width=2, no_wrap=True)
    for _ in sides:
        grid.add_column(ratio=1)
    marker = "▶" if current is not None and block.holds(current) else " "
    grid.add_row(Text(block.sign + marker, style=styles["gutter"]), *sides)
    return grid


def reading(text: str) -> str:
    """A reading for the detail line: invisibles made visible, quoted, `∅` when empty.

    >>> reading("a\u00a0b"), reading("")
    ("'a⟨NBSP⟩b'", '∅')
    """
    return f"'{visible(text)}'" if text else "∅"


def context(finding: Finding, document: Document, *, width: int = 24) -> str:
    """The finding's copy reading with a little text either side, on one line.

    >>> from pathlib import Path
    >>> from provenance.model import Severity
    >>> doc = Document("c", Path("c"), "", 0, "one two three four")
    >>> f = Finding("x", "c", "", "divergence", "k", Severity.MINOR, Span(8, 13), "three", "")
    >>> context(f, doc, width=4)
    '…two [three] fou…'
    """
    text = document.text
    start, end = finding.span.start, finding.span.end
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    head = "…" if start - width > 0 else ""
    tail = "…" if end + width < len(text) else ""
    flat = " ".join
    return (
        f"{head}{flat(before.split(chr(10)))}[{visible(text[start:end])}]"
        f"{flat(after.split(chr(10)))}{tail}"
    )


def _side(
    block: Block,
    reference: str,
    copy: str,
    side: str,
    current: Span | None,
    styles: Styles,
    *,
    invisibles: bool,
) -> Text:
    text = reference if side == "reference" else copy
    out = Text()
    for edit in block.edits:
        span = edit.reference if side == "reference" else edit.copy
        if edit.tag == "equal":
            pieces = [(span.start, span.end, Style())]
        else:
            pieces = list(_changed_pieces(edit, reference, copy, side, styles))
        for start, end, style in pieces:
            for s, e, inside in _cut(start, end, current):
                extra = styles["current"] if inside else Style()
                _append(out, text[s:e], style + extra, styles, invisibles=invisibles)
    _crop_line_end(out, block, copy)
    return out


def _crop_line_end(out: Text, block: Block, copy: str) -> None:
    """Drop the line breaks that end the block: the gap between blocks already shows them."""
    last = block.edits[-1]
    if last.tag == "equal":
        tail = last.copy.of(copy)
        trailing = len(tail) - len(tail.rstrip("\n\r\t "))
        # rich's right_crop(0) empties the text's string but keeps its length and styles,
        # which blanks the block and breaks rendering (StopIteration): crop only real breaks.
        if trailing:
            out.right_crop(trailing)


def _changed_pieces(
    edit: Edit, reference: str, copy: str, side: str, styles: Styles
) -> Iterator[tuple[int, int, Style]]:
    word, char = ("removed", "removed-char") if side == "reference" else ("added", "added-char")
    span = edit.reference if side == "reference" else edit.copy
    if edit.tag != "replace":
        yield span.start, span.end, styles[char]
        return
    # Word-level colour for the whole edit, char-level emphasis on the letters that differ.
    position = span.start
    for tag, ref, cop in refine(edit.reference.of(reference), edit.copy.of(copy)):
        piece = ref if side == "reference" else cop
        if piece:
            yield position, position + len(piece), styles[word] if tag == "equal" else styles[char]
            position += len(piece)


def _cut(start: int, end: int, current: Span | None) -> Iterator[tuple[int, int, bool]]:
    """Split [start, end) at the current finding's boundaries."""
    if current is None or not len(current) or current.end <= start or current.start >= end:
        yield start, end, False
        return
    a, b = max(start, current.start), min(end, current.end)
    if start < a:
        yield start, a, False
    yield a, b, True
    if b < end:
        yield b, end, False


def _append(out: Text, text: str, style: Style, styles: Styles, *, invisibles: bool) -> None:
    if not invisibles or not any(c in INVISIBLE or (c in SPACES and c not in " \n") for c in text):
        out.append(text, style)
        return
    for char in text:
        mark = visible(char)
        out.append(mark, style + styles["invisible"] if mark != char else style)


def _split_equal_lines(
    alignment: Alignment, copy: str, reference: str | None = None
) -> Iterator[tuple[Edit, bool]]:
    """Edits in order, equal ones cut after each run of line breaks; True where a line ends."""
    for edit in alignment.edits:
        if edit.tag != "equal":
            yield edit, False
            continue
        text = edit.copy.of(copy)
        theirs = edit.reference.of(reference) if reference is not None else text
        at = _their_offset(theirs, text) if len(theirs) != len(text) else None
        r, c = edit.reference.start, edit.copy.start
        start = their_start = 0
        for match in _LINE_BREAKS.finditer(text):
            end = match.end()
            their_end = at(end) if at is not None else end
            yield (
                Edit("equal", Span(r + their_start, r + their_end), Span(c + start, c + end)),
                True,
            )
            start, their_start = end, their_end
        if start < len(text):
            rest = Span(r + their_start, edit.reference.end)
            yield Edit("equal", rest, Span(c + start, edit.copy.end)), False


def _their_offset(theirs: str, ours: str) -> Callable[[int], int]:
    """For two texts the engine read as equal but for markup: the offset in `theirs` where
    the characters before offset `k` of `ours` end.

    >>> at = _their_offset("2. The Parties", "2. **The** Parties")
    >>> at(3), at(10), at(18)
    (3, 6, 14)
    """
    ops: list[tuple[int, int, int]] = []  # (ours start, theirs start, theirs length)
    o = t = 0
    for _, a, b in refine(theirs, ours):
        ops.append((o, t, len(a)))
        o, t = o + len(b), t + len(a)
    starts = [op[0] for op in ops]

    def at(k: int) -> int:
        if not ops:
            return min(k, len(theirs))
        o0, t0, width = ops[max(0, bisect_right(starts, k) - 1)]
        return min(len(theirs), t0 + min(k - o0, width))

    return at


_LINE_BREAKS = re.compile(r"\n[\n\r\t ]*")


def _block(passage: int, edits: list[Edit]) -> Block:
    return Block(
        passage=passage,
        edits=tuple(edits),
        reference=Span(edits[0].reference.start, edits[-1].reference.end),
        copy=Span(edits[0].copy.start, edits[-1].copy.end),
    )


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _edit_in(edit: Edit, finding: Finding) -> bool:
    if len(edit.copy) and _overlaps(edit.copy, finding.span):
        return True
    ref = finding.reference
    return ref is not None and len(edit.reference) > 0 and _overlaps(edit.reference, ref)
