"""Hypothesis strategies: captures in every supported format, built around the reference.

A capture is page furniture and prose of our own around, sometimes, the statement
planted whole (its readable text exactly the reference's, whatever the markup around
its words; or, in Markdown, a table row a paragraph, some with a note after an escaped
pipe). Each strategy gives a `Capture`: the file's bytes, its suffix, and the
original-text span where the statement was planted (None when it was not, or was cut).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

WORDS = (
    "ministry spokesman harbour council weather market railway village summit "
    "archive editor column bulletin reader"
).split()
"""Filler vocabulary: words of our own, none of them the statement's."""
INVISIBLE = "\u200b\u00ad\u2060\ufeff\u200e"
QUOTING = (
    "The joint statement said: “{}.”",
    "“{},” the ministries said in their statement.",
    'In Moscow the two ministers wrote that "{}."',
)
"""How our prose quotes a sentence of the statement: attributed, in three manners."""


@dataclass(frozen=True)
class Capture:
    data: bytes
    suffix: str
    """".txt", ".md" or ".html"."""
    planted: tuple[int, int] | None
    """Decoded-text span holding the statement whole, or None."""
    edits: int = 0
    """Small edits made to the statement planted whole (each a divergence to review)."""

    @property
    def format(self) -> str:
        return self.suffix.lstrip(".")

    @property
    def shapes(self) -> list[str]:
        """The shapes of SHAPES this capture holds, read from its bytes (e.g. "md:table")."""
        text = self.data.decode("utf-8-sig")
        lines = text.replace("\r\n", "\n").replace("\r", "\n")
        found = [
            f"{self.format}:{name}"
            for name, holds in SHAPES[self.format].items()
            if holds(self.data, text, lines)
        ]
        found += [f"{self.format}:statement-planted-whole"] * (self.planted is not None)
        return found + [f"{self.format}:statement-altered"] * (self.edits > 0)


def _has(pattern: str) -> Callable[[bytes, str, str], bool]:
    """A shape test: `pattern` occurs in the text with its line ends made LF."""
    compiled = re.compile(pattern, re.MULTILINE)
    return lambda data, text, lines: compiled.search(lines) is not None


_ENTITY = r"&(#x?[0-9a-fA-F]+|[A-Za-z]+);"
_QUOTED = _has("|".join(re.escape(cue.split("{}")[0]) for cue in QUOTING))
SHAPES: dict[str, dict[str, Callable[[bytes, str, str], bool]]] = {
    "txt": {
        "crlf": lambda data, text, lines: "\r\n" in text,
        "cr": lambda data, text, lines: re.search("\r(?!\n)", text) is not None,
        "bom": lambda data, text, lines: data.startswith(b"\xef\xbb\xbf"),
        "invisible": lambda data, text, lines: any(c in text for c in INVISIBLE),
        "long-line": lambda data, text, lines: max(map(len, lines.split("\n"))) > 2000,
        "quotation": _QUOTED,
    },
    "md": {
        "heading": _has(r"^#{1,6} "),
        "unordered-list": _has(r"^[-*+] "),
        "ordered-list": _has(r"^\d+\. "),
        "block-quote": _has(r"^> ?"),
        "table": _has(r"^\|[-:| ]+\|$"),
        "escaped-pipe-in-table": _has(r"^\|.*\\\|.*\|$"),
        "fenced-code": _has(r"^```"),
        "indented-code": _has(r"\n\n    \S"),
        "code-span": _has(r"`[^`\n]+`"),
        "emphasis-in-link": _has(r"\[[^\]]*(\*|_)[^\]]*\]\("),
        "hard-break": _has(r"(  |\\)\n"),
        "entity": _has(_ENTITY),
        "crlf": lambda data, text, lines: "\r\n" in text,
        "cr": lambda data, text, lines: re.search("\r(?!\n)", text) is not None,
        "quotation": _QUOTED,
    },
    "html": {
        "nested-inline": _has(r"<(b|i|em|a)\b[^>]*><(i|u|span|b)\b"),
        "br": _has(r"<br\b"),
        "entity": _has(_ENTITY),
        "comment": _has(r"<!--"),
        "script": _has(r"<script\b"),
        "style": _has(r"<style\b"),
        "malformed-nesting": _has(r"<b><i>[^<]*</b></i>"),
        "unclosed-div": lambda data, text, lines: text.count("<div") > text.count("</div>"),
        "unclosed-head": lambda data, text, lines: "</head>" not in text,
        "unclosed-p": lambda data, text, lines: text.count("<p>") > text.count("</p>"),
        "quotation": _QUOTED,
    },
}
"""Every shape the issue lists, per format, as a test on the capture (tests assert each
is generated); `--hypothesis-show-statistics` counts them over a run."""


@st.composite
def prose(draw: st.DrawFn, *, max_words: int = 20) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=max_words))
    return " ".join(words).capitalize() + "."


def _altered(draw: st.DrawFn, statement: str) -> tuple[str, int]:
    """The statement, or half the time the statement with one to four small edits (a
    word's case, a word replaced, a no-break space before a word, a word dropped): still
    a full copy, now with divergences to review. Returns the text and the edit count."""
    if draw(st.booleans()):
        return statement, 0
    words = list(re.finditer(r"[A-Za-z]{4,}", statement))
    picks = draw(st.lists(st.integers(0, len(words) - 1), min_size=1, max_size=4, unique=True))
    text = statement
    for k in sorted(picks, reverse=True):
        start, end = words[k].span()
        word = words[k].group()
        edit = draw(st.sampled_from(["case", "word", "nbsp", "drop"]))
        if edit == "case":
            new = word.upper()
        elif edit == "word":
            new = draw(st.sampled_from(WORDS))
        elif edit == "nbsp" and text[start - 1 : start] == " ":
            start, new = start - 1, "\u00a0" + word
        else:  # drop the word and the space after it
            new, end = "", end + (text[end : end + 1] == " ")
        text = text[:start] + new + text[end:]
    return text, len(picks)


def _quotation(draw: st.DrawFn, statement: str) -> str:
    """A paragraph of our prose quoting one sentence of the statement, sometimes altered."""
    sentences = [s for s in re.split(r"(?<=\.)\s+", statement) if 40 < len(s) < 400]
    sentence = draw(st.sampled_from(sentences)).rstrip(".")
    if draw(st.booleans()):
        words = sentence.split(" ")
        words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(WORDS))
        sentence = " ".join(words)
    return draw(st.sampled_from(QUOTING)).format(sentence)


# Plain text ---------------------------------------------------------------------------------


@st.composite
def text_captures(draw: st.DrawFn, statement: str) -> Capture:
    """Text: prose around the statement (whole, altered or cut), sometimes quoting it;
    CRLF or CR line ends, a BOM, invisible characters and very long lines in the
    surrounding text."""
    before = "\n\n".join(draw(st.lists(_text_block(), max_size=4)))
    after = "\n\n".join(
        draw(st.lists(_text_block(), max_size=4))
        + ([_quotation(draw, statement)] if draw(st.booleans()) else [])
    )
    plant = draw(st.sampled_from(["whole", "cut", "none"]))
    edits = 0
    if plant == "whole":
        body, edits = _altered(draw, statement)
    else:
        body = _cut(draw, statement) if plant == "cut" else ""
    head = before + ("\n\n" if before else "")
    text = head + body + ("\n\n" + after if after else "")
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    if ending != "\n":
        head = head.replace("\n", ending)
        body = body.replace("\n", ending)
        text = text.replace("\n", ending)
    if not text.strip():
        text, head, body, plant = "Nothing here.", "", "", "none"
    planted = (len(head), len(head) + len(body)) if plant == "whole" else None
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return Capture(bom + text.encode("utf-8"), ".txt", planted, edits if planted else 0)


@st.composite
def _text_block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["prose", "long", "invisible", "unicode"]))
    if kind == "long":
        return " ".join([draw(prose())] * draw(st.integers(50, 300)))  # one very long line
    if kind == "invisible":
        words = draw(prose()).split(" ")
        return draw(st.sampled_from(INVISIBLE)).join(words)
    if kind == "unicode":
        return draw(st.text(min_size=1, max_size=80).filter(lambda t: "\x00" not in t))
    return draw(prose())


def _cut(draw: st.DrawFn, statement: str) -> str:
    start = draw(st.integers(0, len(statement) - 1))
    return statement[start : start + draw(st.integers(1, 600))]


# Markdown -----------------------------------------------------------------------------------


@st.composite
def markdown_captures(draw: st.DrawFn, statement: str) -> Capture:
    """Markdown: headings, lists of both kinds, block quotes, tables, code, emphasis in
    links, hard breaks and entities around the statement; emphasis on its words; LF,
    CRLF or CR line ends."""
    before = draw(st.lists(_markdown_block(), max_size=5))
    after = draw(st.lists(_markdown_block(), max_size=5))
    if draw(st.booleans()):
        after.append(_quotation(draw, statement))
    plant = draw(st.sampled_from(["whole", "quoted", "table", "none"]))
    edits = 0
    head = "\n\n".join(before) + ("\n\n" if before else "")
    if plant == "none":
        body = ""
    elif plant == "quoted":  # in a block quote: readable, but the quote marks are markup
        body = "\n".join("> " + line if line else ">" for line in statement.split("\n"))
    elif plant == "table":  # a cell a paragraph, after a header row with escapes in it
        head += "| Statement \\| as *signed* \\_in full\\_ |\n|---|\n"
        body = _markdown_table_statement(draw, statement)
    else:
        altered, edits = _altered(draw, statement)
        body = _markdown_statement(draw, altered)
    tail = ("\n\n" + "\n\n".join(after)) if after else ""
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    head, body, tail = (part.replace("\n", ending) for part in (head, body, tail))
    text = head + body + tail
    if not text.strip():
        text = "Nothing here."
    planted = (len(head), len(head) + len(body)) if plant in ("whole", "table") else None
    return Capture(text.encode("utf-8"), ".md", planted, edits)


def _markdown_table_statement(draw: st.DrawFn, statement: str) -> str:
    """The statement's paragraphs as the rows of a one-column pipe table, some of their
    punctuation written escaped (`\\(`, `\\.`, `\\-`, reading as itself) and some rows
    ending in a cell note after an escaped pipe (`\\| note`)."""
    rows = []
    for paragraph in statement.split("\n\n"):
        for mark in "(.-":
            if draw(st.integers(0, 3)) == 0:
                paragraph = paragraph.replace(mark, "\\" + mark)
        note = f" \\| {draw(prose(max_words=3))}" if draw(st.integers(0, 3)) == 0 else ""
        rows.append(f"| {paragraph}{note} |")
    return "\n".join(rows)


def _markdown_statement(draw: st.DrawFn, statement: str) -> str:
    """The statement as Markdown whose readable text is the statement itself: some words
    emphasised, some emphasised inside links, some apostrophes written as entities."""
    out = []
    for paragraph in statement.split("\n\n"):
        words = paragraph.split(" ")
        for k, word in enumerate(words):
            roll = draw(st.integers(0, 30)) if word.isalpha() else -1
            if roll == 0:
                mark = draw(st.sampled_from(["*", "**", "_"]))
                words[k] = f"{mark}{word}{mark}"
            elif roll == 1:
                words[k] = f"[*{word}*](https://example.org/{k})"
        line = " ".join(words)
        if draw(st.integers(0, 4)) == 0:
            line = line.replace("’", "&rsquo;")
        out.append(line)
    return "\n\n".join(out)


@st.composite
def _markdown_block(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            [
                "heading",
                "ul",
                "ol",
                "quote",
                "table",
                "fence",
                "indented",
                "code-span",
                "link",
                "break",
                "entity",
            ]
        )
    )
    text = draw(prose())
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + text
    if kind == "ul":
        return "\n".join(f"{draw(st.sampled_from('-*+'))} {draw(prose())}" for _ in range(3))
    if kind == "ol":
        start = draw(st.integers(0, 12))
        return "\n".join(f"{start + k}. {draw(prose())}" for k in range(3))
    if kind == "quote":
        return "> " + text + "\n> \n> " + draw(prose())
    if kind == "table":
        rows = [f"| {draw(prose(max_words=3))} | {draw(prose(max_words=3))} |" for _ in range(2)]
        return "| a | b |\n|---|:--:|\n" + "\n".join(rows)
    if kind == "fence":
        return "```\n" + text + "\n<b>not html</b>\n```"
    if kind == "indented":
        return "    " + text
    if kind == "code-span":
        return f"Run `{text}` or ``a `tick` inside`` now."
    if kind == "link":
        return f"See [*{text}* **here**](https://example.org/a_(b)) and <https://example.org>."
    if kind == "break":
        return text + "  \n" + draw(prose()) + "\\\n" + draw(prose())
    return text + " &amp; &copy; &#8212; &#x201C;x&#x201D; \\*not emphasis\\*"


# HTML ---------------------------------------------------------------------------------------


@st.composite
def html_captures(draw: st.DrawFn, statement: str) -> Capture:
    """HTML: head, scripts, styles, comments, navigation, nested and malformed inline
    markup, <br>, entities and unclosed tags around the statement; inline tags and
    entities inside it."""
    head = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>News</title>"
    head += "<style>p { color: red }</style><script>var x = '<p>';</script>"
    head += draw(st.sampled_from(["</head><body>", "<body>", ""]))  # an unclosed head too
    before = "".join(draw(st.lists(_html_block(), max_size=5)))
    after = "".join(draw(st.lists(_html_block(), max_size=5)))
    if draw(st.booleans()):
        after += f"<p>{html.escape(_quotation(draw, statement), quote=False)}</p>"
    plant = draw(st.sampled_from(["whole", "none"]))
    altered, edits = _altered(draw, statement) if plant == "whole" else ("", 0)
    body = _html_statement(draw, altered) if plant == "whole" else ""
    opened = head + before
    text = opened + body + after + draw(st.sampled_from(["</body></html>", ""]))
    planted = (len(opened), len(opened) + len(body)) if plant == "whole" else None
    if not planted:  # page furniture alone has no readable text, which load refuses
        text += "<p>Nothing here.</p>"
    return Capture(text.encode("utf-8"), ".html", planted, edits)


def _html_statement(draw: st.DrawFn, statement: str) -> str:
    out = []
    for paragraph in statement.split("\n\n"):
        words = [html.escape(w, quote=False) for w in paragraph.split(" ")]
        for k, word in enumerate(words):
            roll = draw(st.integers(0, 40))
            if roll == 0:
                words[k] = f"<b>{word}</b>"
            elif roll == 1:
                words[k] = f"<em><span class='x'>{word}</span></em>"
            elif roll == 2:
                words[k] = word.replace("’", draw(st.sampled_from(["&rsquo;", "&#8217;"])))
            elif roll == 3:
                words[k] = f"<a href='/x?a=1&amp;b=2'>{word}</a>"
            elif roll == 4:
                words[k] = f"<b><i>{word}</b></i>"  # malformed nesting
            elif roll == 5:
                words[k] = f"{word}<!-- {k} -->"
        close = draw(st.sampled_from(["</p>", ""]))  # <p> closes itself at the next <p>
        out.append("<p>" + " ".join(words) + close)
    return "\n".join(out)


@st.composite
def _html_block(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            ["p", "nav", "comment", "script", "nested", "malformed", "br", "entity", "div", "list"]
        )
    )
    text = html.escape(draw(prose()))
    if kind == "nav":
        return f"<nav><a href='/'>Home</a> | <a href='/n'>{text}</a></nav>"
    if kind == "comment":
        return f"<!-- {text} <p>hidden</p> -->"
    if kind == "script":
        return f"<script>document.write('<p>{text}</p>')</script><noscript>{text}</noscript>"
    if kind == "nested":
        return f"<p><b><i><u>{text}</u></i></b> <mark>{html.escape(draw(prose()))}</mark></p>"
    if kind == "malformed":
        return f"<p><b><i>{text}</b></i></p><div><span>{html.escape(draw(prose()))}</div>"
    if kind == "br":
        return f"<p>{text}<br>{html.escape(draw(prose()))}<br/></p>"
    if kind == "entity":
        return f"<p>{text} &amp; &nbsp;&mdash; &#169; &unknown; &#x1F600;</p>"
    if kind == "div":
        return f"<div>{text}"  # never closed
    if kind == "list":
        return f"<ul><li>{text}<li>{html.escape(draw(prose()))}</ul>"
    return f"<p>{text}</p>"


def captures(statement: str) -> st.SearchStrategy[Capture]:
    """A capture in any supported format."""
    return st.one_of(
        text_captures(statement), markdown_captures(statement), html_captures(statement)
    )
