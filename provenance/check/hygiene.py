"""Decodability and hygiene of stored bytes: what a capture carries besides its words.

`hygiene` never raises on bad bytes: it returns every blemish it can see, each with
its position, so that the CI check can report them all. Positions of decoded text are
`str` indices into the text without its byte-order mark (what every Span indexes);
positions of undecodable bytes are byte offsets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from provenance.normalise import INVISIBLE

_BOM = b"\xef\xbb\xbf"
_MAX_PER_KIND = 10
"""Occurrences of one kind reported per file; the rest are counted in one more line."""

BlemishKind = Literal[
    "empty",
    "not-utf8",
    "bom",
    "mixed-line-endings",
    "nul",
    "control",
    "invisible",
    "no-text",
    "html-charset",
]

# C0 controls other than tab, line feed and carriage return; DEL; the C1 controls.
_CONTROL = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f"
_SUSPECT = re.compile("[\x00" + _CONTROL + "".join(sorted(INVISIBLE)) + "]")
_SUSPECT_WORDS: dict[BlemishKind, str] = {
    "nul": "NUL character",
    "control": "control character",
    "invisible": "invisible character",
}
_LINE_END = re.compile(r"\r\n|\r|\n")
_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_UTF8_NAMES = frozenset({"utf-8", "utf8", "unicode-1-1-utf-8"})


@dataclass(frozen=True, slots=True)
class Blemish:
    """One thing wrong with a file's bytes or text, with where it is."""

    kind: BlemishKind
    message: str
    line: int | None = None
    """1-based line number, or None for the file as a whole."""
    column: int | None = None
    """1-based column: characters for decoded text, bytes for undecodable bytes."""
    offset: int | None = None
    """`str` index into the decoded text (without BOM), or byte offset for `not-utf8`."""


@dataclass(frozen=True, slots=True)
class Scan:
    """What `hygiene` found, and the decoded text when the bytes decode."""

    blemishes: tuple[Blemish, ...]
    text: str | None
    """Strict UTF-8 decoding without the BOM; None when the bytes do not decode."""


def hygiene(data: bytes, *, html: bool = False) -> Scan:
    """Every blemish of `data`: undecodable bytes, BOM, mixed line endings, controls, invisibles.

    Args:
        data: The stored bytes of one file.
        html: Also report a declared charset other than UTF-8.

    Returns:
        The blemishes in file order per kind, and the decoded text (None if not UTF-8).

    >>> [b.kind for b in hygiene(b"\\xef\\xbb\\xbfa\\xe2\\x80\\x8bb\\r\\nc\\n").blemishes]
    ['bom', 'mixed-line-endings', 'invisible']
    >>> hygiene(b"caf\\xe9").blemishes[0].message
    'not valid UTF-8 at byte 3 (0xe9)'
    """
    if not data:
        return Scan((Blemish("empty", "empty file (0 bytes)"),), None)
    found: list[Blemish] = []
    if html:
        found.extend(_charset(data))
    bom = data.startswith(_BOM)
    body = data[len(_BOM) :] if bom else data
    try:
        text = body.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        at = error.start + (len(_BOM) if bom else 0)
        line, column = _byte_position(data, at)
        byte = data[at : at + 1].hex()
        found.insert(
            0, Blemish("not-utf8", f"not valid UTF-8 at byte {at} (0x{byte})", line, column, at)
        )
        return Scan(tuple(found), None)
    if bom:
        found.append(Blemish("bom", "starts with a UTF-8 byte-order mark (EF BB BF)", 1, 1, 0))
    lines = _Lines(text)
    found.extend(_line_endings(text, lines))
    found.extend(_suspects(text, lines))
    if text and not text.strip():
        found.append(Blemish("no-text", "no text (only whitespace)"))
    return Scan(tuple(found), text)


class _Lines:
    """Offsets -> (line, column), both 1-based, counting lines by line feed."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def _byte_position(data: bytes, at: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, at) + 1
    return data.count(b"\n", 0, at) + 1, at - line_start + 1


def _line_endings(text: str, lines: _Lines) -> list[Blemish]:
    ends = Counter(m.group() for m in _LINE_END.finditer(text))
    if len(ends) < 2:
        return []
    names = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}
    majority = ends.most_common(1)[0][0]
    minority = next(m for m in _LINE_END.finditer(text) if m.group() != majority)
    counts = ", ".join(f"{ends[e]} {names[e]}" for e in ("\n", "\r\n", "\r") if ends[e])
    line, column = lines.at(minority.start())
    message = f"mixed line endings ({counts}); first {names[minority.group()]} here"
    return [Blemish("mixed-line-endings", message, line, column, minority.start())]


def _suspects(text: str, lines: _Lines) -> list[Blemish]:
    out: list[Blemish] = []
    seen: Counter[BlemishKind] = Counter()
    for match in _SUSPECT.finditer(text):
        char, at = match.group(), match.start()
        kind: BlemishKind = (
            "nul" if char == "\x00" else "invisible" if char in INVISIBLE else "control"
        )
        seen[kind] += 1
        if seen[kind] > _MAX_PER_KIND:
            continue
        line, column = lines.at(at)
        what = "U+FEFF (byte-order mark) inside the text" if char == "\ufeff" else _name(char)
        out.append(Blemish(kind, f"{_SUSPECT_WORDS[kind]} {what}", line, column, at))
    for kind, count in seen.items():
        if count > _MAX_PER_KIND:
            out.append(Blemish(kind, f"{count - _MAX_PER_KIND} more of this kind not listed"))
    return out


def _name(char: str) -> str:
    """U+200B ZERO WIDTH SPACE; controls have no Unicode name."""
    name = unicodedata.name(char, "")
    if not name:
        name = "(C1 control)" if 0x80 <= ord(char) <= 0x9F else "(C0 control)"
    return f"U+{ord(char):04X} {name}"


def _charset(data: bytes) -> list[Blemish]:
    head = data[:4096]
    out = []
    for match in _CHARSET.finditer(head):
        declared = (match.group(1) or match.group(2)).decode("ascii").lower()
        if declared not in _UTF8_NAMES:
            line, column = _byte_position(data, match.start())
            out.append(
                Blemish(
                    "html-charset",
                    f"declares charset {declared!r}; captures must be stored as UTF-8",
                    line,
                    column,
                    match.start(),
                )
            )
    return out
