"""Hygiene of stored bytes: what a capture carries besides its words.

`check` reports what it finds; `add` (and `add --replaces`, `manifest --update
--record-blemishes`) records, in the capture's manifest entry, the blemishes it finds
that `load` reads past (`RECORDABLE`): a capture is kept byte for byte as it was
published, so they are part of the evidence, and `check` then reports them as warnings.

`hygiene` never raises on bad bytes: it returns every blemish it can see, each with
its position, so that the CI check can report them all. The bytes are decoded once, by
`provenance.load.decoding` (what `load` refuses, `check` reports); this module adds what
`load` accepts but a clean capture does not carry: a byte-order mark, mixed line
endings, control and invisible characters. Positions of decoded text are `str` indices
into the text without its byte-order mark (what every Span indexes); positions of
undecodable bytes are byte offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from provenance.lines import Lines
from provenance.load import UTF8, Decoded, decoding
from provenance.normalise import INVISIBLE

_MAX_PER_KIND = 10
"""Occurrences of one kind reported per file; the rest are counted in one more line."""

BlemishKind = Literal[
    "empty",
    "not-utf8",
    "not-decodable",
    "bom",
    "mixed-line-endings",
    "nul",
    "control",
    "invisible",
    "no-text",
    "html-charset",
]

RULE_NAMES: dict[BlemishKind, str] = {
    "empty": "empty-file",
    "not-utf8": "not-utf8",
    "not-decodable": "not-decodable",
    "bom": "bom",
    "mixed-line-endings": "mixed-line-endings",
    "nul": "nul",
    "control": "control-character",
    "invisible": "invisible-character",
    "no-text": "no-text",
    "html-charset": "html-charset",
}
"""The `check` rule that reports each kind (docs/check-json.md): the names a manifest
entry's `blemishes` lists."""
RECORDABLE: tuple[str, ...] = (
    "bom",
    "mixed-line-endings",
    "control-character",
    "invisible-character",
    "html-charset",
)
"""The blemishes a capture may carry as recorded evidence, in the order they are recorded:
what `load` reads past. What it refuses (empty, not UTF-8 or not decodable, NUL, no
text) is never recordable: such bytes are no capture, whatever the manifest says."""

# C0 controls other than tab, line feed and carriage return; DEL; the C1 controls.
_CONTROL = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f"
_SUSPECT = re.compile("[" + _CONTROL + "".join(sorted(INVISIBLE)) + "]")
_SUSPECT_WORDS: dict[BlemishKind, str] = {
    "control": "control character",
    "invisible": "invisible character",
}
_LINE_END = re.compile(r"\r\n|\r|\n")


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
    """`str` index into the decoded text (without BOM); a byte offset for `not-utf8` and
    `html-charset`, and for `nul` in bytes that do not decode."""
    count: int = 1
    """Occurrences this blemish stands for: more than one for the line counting those of
    its kind not listed."""


@dataclass(frozen=True, slots=True)
class Scan:
    """What `hygiene` found, and the decoding it found it in."""

    blemishes: tuple[Blemish, ...]
    decoded: Decoded

    @property
    def text(self) -> str | None:
        """Strict decoding without the BOM; None when the bytes do not decode."""
        return self.decoded.text


def hygiene(data: bytes, *, html: bool = False, encoding: str = UTF8) -> Scan:
    """Every blemish of `data`: undecodable bytes, BOM, mixed line endings, controls, invisibles.

    Args:
        data: The stored bytes of one file.
        html: Also report a declared charset that would read the bytes otherwise.
        encoding: What the bytes are written in (the manifest's `encoding`).

    Returns:
        The blemishes in file order per kind, and the decoded text (None if it does not decode).

    >>> [b.kind for b in hygiene(b"\\xef\\xbb\\xbfa\\xe2\\x80\\x8bb\\r\\nc\\n").blemishes]
    ['bom', 'mixed-line-endings', 'invisible']
    >>> hygiene(b"caf\\xe9").blemishes[0].message
    'not valid UTF-8 at byte 3 (0xe9)'
    """
    decoded = decoding(data, html=html, encoding=encoding)
    found = [
        Blemish(p.kind, p.message, p.line, p.column, p.offset)
        for p in decoded.problems
        if p.kind != "no-text"
    ]
    text = decoded.text
    if text is None:
        return Scan(tuple(found), decoded)
    if decoded.bom:
        found.append(Blemish("bom", "starts with a UTF-8 byte-order mark (EF BB BF)", 1, 1, 0))
    lines = Lines(text)
    found.extend(_line_endings(text, lines))
    found.extend(_suspects(text, lines))
    found.extend(Blemish(p.kind, p.message) for p in decoded.problems if p.kind == "no-text")
    return Scan(tuple(found), decoded)


def recordable(scan: Scan) -> tuple[str, ...]:
    """The rule names of the blemishes of `scan` a manifest entry can record, in
    `RECORDABLE` order.

    >>> recordable(hygiene(b"\\xef\\xbb\\xbfa\\xe2\\x80\\x8bb\\r\\nc\\n"))
    ('bom', 'mixed-line-endings', 'invisible-character')
    >>> recordable(hygiene(b"a\\x00b"))
    ()
    """
    found = {RULE_NAMES[b.kind] for b in scan.blemishes}
    return tuple(name for name in RECORDABLE if name in found)


def _line_endings(text: str, lines: Lines) -> list[Blemish]:
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


def _joins_pictographs(text: str, at: int) -> bool:
    """Whether the zero-width joiner at `at` stands between two pictographs (emoji, a
    variation selector or skin tone after the first allowed), as emoji sequences join."""
    before = text[at - 1] if at else ""
    if before in "\ufe0f" or "\U0001f3fb" <= before <= "\U0001f3ff":
        before = text[at - 2] if at > 1 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return _pictograph(before) and _pictograph(after)


def _pictograph(char: str) -> bool:
    return bool(char) and (
        "\U0001f000" <= char <= "\U0001faff" or "\u2600" <= char <= "\u27bf" or char == "\u2764"
    )


def _suspects(text: str, lines: Lines) -> list[Blemish]:
    out: list[Blemish] = []
    seen: Counter[BlemishKind] = Counter()
    for match in _SUSPECT.finditer(text):
        char, at = match.group(), match.start()
        if char == "\u200d" and _joins_pictographs(text, at):
            continue  # the joiner of an emoji sequence ("👨‍👩‍👧"): drawn, not hidden
        kind: BlemishKind = "invisible" if char in INVISIBLE else "control"
        seen[kind] += 1
        if seen[kind] > _MAX_PER_KIND:
            continue
        line, column = lines.at(at)
        what = "U+FEFF (byte-order mark) inside the text" if char == "\ufeff" else _name(char)
        out.append(Blemish(kind, f"{_SUSPECT_WORDS[kind]} {what}", line, column, at))
    for kind, count in seen.items():
        if count > _MAX_PER_KIND:
            more = count - _MAX_PER_KIND
            out.append(Blemish(kind, f"{more} more of this kind not listed", count=more))
    return out


def _name(char: str) -> str:
    """U+200B ZERO WIDTH SPACE; controls have no Unicode name."""
    name = unicodedata.name(char, "")
    if not name:
        name = "(C1 control)" if 0x80 <= ord(char) <= 0x9F else "(C0 control)"
    return f"U+{ord(char):04X} {name}"
