"""Plain text quoted the e-mail way: lines opened by ">" (mail, forums, Usenet archives)
or in BBCode tags, or numbered in the margin (an exhibit, a transcript: "  7 | ...").

A reply quotes a document line by line, each line opened by "> " ("> > " when it quotes
a reply). Read as they stand, the marks would sit between the document's words as
punctuation. Two or more such lines in a row are a quotation block: their marks are read
past (the map keeps every other character's place in the original) and the block is set
out in `Extracted.quoted`, as a Markdown `>` block is; so is one such line that is a
paragraph of its own and opens with a letter (a reply quoting one sentence). A lone line
starting with ">" inside a paragraph, or not before a letter ("> 50 people came"), is
text.

A forum's BBCode quoting ("[quote=Name]...[/quote]", pasted with its tags) is read
the same way: the tags read past, each outermost pair's text a block quotation.

Line numbers in a margin ("  1 | The Russian ...", "12  are the Korean ...", as a court
exhibit, a transcript or a code listing prints a text) are read past the same way, where
three or more lines in a row count up one by one: they are the printer's, not the
document's words.
"""

from __future__ import annotations

import re

from provenance.extract.readable import Extracted
from provenance.model import Document, MapBuilder, OffsetMap, Span

_QUOTED_LINE = re.compile(r"^(?![ \t]{0,3}>>> )(?:[ \t]{0,3}>[ \t]?)+", re.MULTILINE)
"""The marks opening a quoted line: ">", "> ", "> > ", indented up to 3. A line of marks
alone parts two quoted paragraphs, and reads as the blank line it stands for. Python's
prompt (">>> ") opens code, not a quotation."""


def _email(document: Document) -> Extracted | None:
    """The readable text of a plain-text `document` with quoted lines, else None (the
    text is its own readable text)."""
    text = document.text
    if ">" not in text:
        return None
    blocks = _blocks(text)
    if not blocks:
        return None
    quoted, removed = [], 0
    for block in blocks:
        first = block[0].start() - removed
        removed += sum(mark.end() - mark.start() for mark in block)
        after = block[-1].end()
        end = text.find("\n", after)
        end = len(text) if end < 0 else end
        quoted.append(Span(first, after - removed + len(text[after:end].rstrip())))
    readable, offsets = _read_past(text, [mark.span() for block in blocks for mark in block])
    return Extracted(document, readable, offsets, (), ("quoted-lines",), tuple(quoted))


def _blocks(text: str) -> list[list[re.Match[str]]]:
    """The marks of every run of two or more consecutive quoted lines, and of each quoted
    line that is a paragraph of its own and opens with a letter (a reply quoting one
    sentence)."""
    blocks: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for mark in _QUOTED_LINE.finditer(text):
        if run and text.count("\n", run[-1].end(), mark.start()) != 1:
            if len(run) > 1 or _paragraph_of_its_own(text, run[0]):
                blocks.append(run)
            run = []
        run.append(mark)
    if len(run) > 1 or (run and _paragraph_of_its_own(text, run[0])):
        blocks.append(run)
    return blocks


def _paragraph_of_its_own(text: str, mark: re.Match[str]) -> bool:
    """Whether the quoted line `mark` opens stands between blank lines (or the text's
    start or end) and its words open with a letter: "> The Parties ...", not "> 50
    people came." inside a paragraph."""
    if not text[mark.end() : mark.end() + 1].isalpha():
        return False
    start = mark.start()  # the line's start (the mark's indent is part of the mark)
    opened = start == 0 or _blank_line_before(text, start)
    end = text.find("\n", mark.end())
    if end > 0 and text[end - 1] == "\r":
        end -= 1  # a CRLF line end
    return opened and (end < 0 or _BLANK_LINE_AFTER.match(text, end) is not None)


def _blank_line_before(text: str, at: int) -> bool:
    """Whether a blank line (or the text's start) comes straight before `at`, a line's
    start; read back a few characters only (a search from the text's start, once a
    line, made a long text's reading quadratic)."""
    return _BLANK_LINE_BEFORE.search(text, max(0, at - _BLANK_REACH), at) is not None


_BLANK_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t\r]*\n\Z")
"""A blank line (or the text's start) straight before where a search stops (CRLF too)."""
_BLANK_REACH = 64
"""Characters read back for it (spaces on a blank line past that are not looked at)."""
_BLANK_LINE_AFTER = re.compile(r"\r?\n[ \t\r]*(?:\n|\Z)")
"""A line end, then a blank line or the text's end (CRLF too)."""


def _forum_quotes(document: Document) -> Extracted | None:
    """The readable text of a plain-text `document` that quotes the forum way, in BBCode
    tags ("[quote]...[/quote]", "[quote=Name]", "[QUOTE="Name, post: 12"]"), without the
    tags, each outermost pair's text set out in `Extracted.quoted`; else None.

    A page pasted from a forum keeps its tags. Read as they stand, "[/quote]" and
    "[quote]" were an editor's brackets between the statement's words: two quoted excerpts
    with a reply between were one copy, the reply a bracket that changed points 5 and 6.
    """
    text = document.text
    if "[/" not in text:
        return None
    tags = list(_FORUM_TAG.finditer(text))
    quoted, cuts, removed, depth, opened = [], [], 0, 0, 0
    for tag in tags:
        closing = tag.group(1) is not None
        if closing and not depth:
            continue  # a closing tag with none open: text
        cuts.append(tag.span())
        if closing:
            depth -= 1
            if not depth:
                quoted.append((opened, tag.start() - removed))
        elif not depth:
            depth, opened = 1, tag.start() - removed
        else:
            depth += 1
        removed += tag.end() - tag.start()
    if not quoted:
        return None
    readable, offsets = _read_past(text, cuts)
    spans = []
    for start, end in quoted:
        stretch = readable[start:end]
        lead = len(stretch) - len(stretch.lstrip())
        spans.append(Span(start + lead, start + len(stretch.rstrip())))
    return Extracted(document, readable, offsets, (), ("forum-quotes",), tuple(spans))


_FORUM_TAG = re.compile(r"\[(/)?quote(?(1)|(?:[= ][^\]\n]{0,200})?)\]", re.IGNORECASE)
"""A BBCode quotation's opening tag ("[quote]", "[quote=Name]", "[quote name=...]") or its
closing one ("[/quote]")."""


def _margin_numbers(document: Document) -> Extracted | None:
    """The readable text of a plain-text `document` whose lines are numbered in the
    margin, without the numbers; else None."""
    text = document.text
    marks = _numbered_runs(text)
    if not marks:
        return None
    readable, offsets = _read_past(text, [(start, end) for start, end, _ in marks])
    return Extracted(document, readable, offsets, (), ("margin-numbers",))


def _subtitles(document: Document) -> Extracted | None:
    """The readable text of a plain-text `document` that is a subtitle file (SRT, WebVTT:
    three or more cues, each opened by its timecode line), without the cues' numbers,
    timecodes and the blank lines between cues, each cue's text joined to the last's by
    the line break it ends with; else None."""
    text = document.text
    if "-->" not in text:
        return None
    timings = list(_TIMECODE.finditer(text))
    if len(timings) < _SUBTITLE_CUES:
        return None
    cuts: list[tuple[int, int]] = []
    for timing in timings:
        start = timing.start()
        number = text.rfind("\n", 0, max(0, start - 1)) + 1  # the line before
        if text[number:start].strip() and (number == 0 or _blank_line_before(text, number)):
            start = number  # the cue's number (SRT) or name (WebVTT's, optional)
        kept = start
        while kept and text[kept - 1] in " \t\r\n":
            kept -= 1  # back over the blank lines between cues
        if kept and text[kept] == "\r":
            kept += 1
        kept += bool(kept)  # the line break that ends the last cue's text stays
        if not cuts and _WEBVTT.match(text, 0, kept):
            kept = 0  # the header ("WEBVTT", "Kind: captions") before the first cue
        elif cuts:
            kept = max(kept, cuts[-1][1])  # after a cue of no text
        cuts.append((kept, timing.end()))
    readable, offsets = _read_past(text, cuts)
    return Extracted(document, readable, offsets, (), ("subtitles",))


_TIMECODE = re.compile(
    r"^[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}[ \t]+-->[ \t]+(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}"
    r"[^\n]*(?:\n|\Z)",
    re.MULTILINE,
)
"""A subtitle cue's timing line ("00:01:20,200 --> 00:01:23,100", WebVTT's with "." and
its cue settings after), with its line break."""
_SUBTITLE_CUES = 3
"""Fewest timing lines that make a text a subtitle file."""
_WEBVTT = re.compile(r"\ufeff?WEBVTT\b(?:[^\n]*\n)*?[ \t\r]*\n?\Z")
"""A WebVTT file's header block, the whole of what is matched."""


def _read_past(text: str, cuts: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """`text` without the stretches `cuts` (in order, apart), and the map from what is left
    to the original: every other character keeps its place there."""
    builder, pieces = MapBuilder(), []
    at = 0
    for start, end in cuts:
        pieces.append(text[at:start])
        builder.copy(at, start - at)
        at = end
    pieces.append(text[at:])
    builder.copy(at, len(text) - at)
    return "".join(pieces), builder.build(tail=len(text))


_MARGIN_NUMBER = re.compile(r"\n[ \t]{0,8}(\d{1,5})(?:[ \t]*[|│¦][ \t]*|[ \t]+|(?=\r?\n)|\Z)")
"""A line's number in the margin, with a rule after it ("  7 | ", "12  ", "3│"), or a
numbered line with nothing else on it; after the line break before it (a literal the
search skips to: a page's every character tried as a line's start cost 28 µs a page)."""
_MARGIN_RUN = 3
"""Fewest lines in a row, numbered one up from the line before, read as margin numbers."""


def _numbered_runs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, number) of the mark of every run of lines numbered one by one,
    `_MARGIN_RUN` or more of them on lines straight after one another (blank lines between
    others, unnumbered, do not break a run; but points numbered "1 ", "2 " a paragraph
    apart are the copy's own)."""
    found: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, int]] = []
    adjacent = 0
    # (a line break put before the text, so that its first line is read as the others:
    # a match at k in it is a line starting at k in the text)
    for match in _MARGIN_NUMBER.finditer("\n" + text):
        mark = (match.start(), match.end() - 1, int(match.group(1)))
        gap = _lines_between(text, run[-1][1], mark[0]) if run else -1
        if gap >= 0 and mark[2] == run[-1][2] + 1:
            run.append(mark)
            adjacent += gap == 0
            continue
        if adjacent >= _MARGIN_RUN - 1:
            found.extend(run)
        run, adjacent = [mark], 0
    if adjacent >= _MARGIN_RUN - 1:
        found.extend(run)
    return found


def _lines_between(text: str, after: int, start: int) -> int:
    """How many blank lines come between the line `after` is on and the line `start`
    opens; -1 if `start` opens no later line or text stands between."""
    end = text.find("\n", after, start)
    if end < 0 or text[end:start].strip():
        return -1
    return text.count("\n", end + 1, start)
