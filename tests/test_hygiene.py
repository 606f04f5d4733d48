"""hygiene(): every blemish of stored bytes, with positions into the decoded text."""

from __future__ import annotations

import doctest
import importlib

import pytest
from check_helpers import BUNDLED, CAPTURES

import provenance.hygiene as hygiene_module
from provenance.check.gate import check
from provenance.hygiene import hygiene
from provenance.load import Decoded


def kinds(data: bytes, *, html: bool = False) -> list[str]:
    return [b.kind for b in hygiene(data, html=html).blemishes]


def test_bundled_captures_are_clean() -> None:
    for name in CAPTURES:
        scan = hygiene((BUNDLED / name).read_bytes())
        assert scan.blemishes == (), name
        assert scan.text == (BUNDLED / name).read_text(encoding="utf-8")


def test_positions_index_the_text_without_its_bom() -> None:
    scan = hygiene("\ufeffab\ncd\u00ade".encode())
    bom, shy = scan.blemishes
    assert (bom.kind, bom.line, bom.column, bom.offset) == ("bom", 1, 1, 0)
    assert (shy.kind, shy.line, shy.column, shy.offset) == ("invisible", 2, 3, 5)
    assert scan.text is not None
    assert scan.text[shy.offset] == "\u00ad"
    assert shy.message == "invisible character U+00AD SOFT HYPHEN"


def test_feff_inside_the_text_is_not_a_bom() -> None:
    [blemish] = hygiene("a\ufeffb".encode()).blemishes
    assert blemish.kind == "invisible"
    assert blemish.message == "invisible character U+FEFF (byte-order mark) inside the text"


def test_bidi_controls_and_zero_width_joiners() -> None:
    scan = hygiene("x\u202ey\u2066z\u200dw".encode())
    assert [(b.kind, b.offset) for b in scan.blemishes] == [
        ("invisible", 1),
        ("invisible", 3),
        ("invisible", 5),
    ]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Family \U0001f468\u200d\U0001f469\u200d\U0001f467 page", []),
        ("Thumbs \U0001f44d\U0001f3fd\u200d\u2642\ufe0f and \u2764\ufe0f\u200d\U0001f525", []),
        ("a\u200d\U0001f469", [1]),  # a letter and an emoji: a joiner hidden in a word
        ("\U0001f468\u200db", [1]),
    ],
)
def test_the_joiner_of_an_emoji_sequence_is_not_an_invisible_character(
    text: str, flagged: list[int]
) -> None:
    """A zero-width joiner between two pictographs is how emoji sequences are drawn
    (before, check reported each as P206); beside a letter it is still reported."""
    scan = hygiene(text.encode())
    assert [b.offset for b in scan.blemishes if b.kind == "invisible"] == flagged


def test_controls_c0_c1_and_the_first_nul() -> None:
    scan = hygiene("a\x00b\x07c\x85d\te\n".encode())
    assert [(b.kind, b.offset) for b in scan.blemishes] == [
        ("nul", 1),
        ("control", 3),
        ("control", 5),
    ]
    assert scan.blemishes[2].message == "control character U+0085 (C1 control)"


def test_line_endings_mixed_only() -> None:
    assert kinds(b"a\r\nb\r\n") == []
    assert kinds(b"a\nb\n") == []
    [mixed] = hygiene(b"a\nb\r\nc\nd\n").blemishes
    assert mixed.kind == "mixed-line-endings"
    assert (mixed.line, mixed.column) == (2, 2)
    assert mixed.message == "mixed line endings (3 LF, 1 CRLF); first CRLF here"
    assert kinds(b"a\rb\rc\nd") == ["mixed-line-endings"]


def test_not_utf8_gives_byte_position() -> None:
    [bad] = hygiene(b"ok\ncaf\xe9\n").blemishes
    assert (bad.kind, bad.line, bad.column, bad.offset) == ("not-utf8", 2, 4, 6)
    assert hygiene(b"caf\xe9").text is None


def test_empty_and_whitespace_only() -> None:
    assert kinds(b"") == ["empty"]
    assert kinds(b" \n\t\n") == ["no-text"]


def test_html_declared_charset_that_reads_the_bytes_otherwise() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>café</body></html>'.encode()
    [blemish] = hygiene(page, html=True).blemishes
    assert blemish.kind == "html-charset"
    assert blemish.message == (
        "declares charset 'windows-1252', which would read its UTF-8 bytes otherwise"
    )
    assert (blemish.line, blemish.column, blemish.offset) == (1, 13, 12)
    legacy = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">é'
    assert kinds(legacy.encode(), html=True) == ["html-charset"]
    assert kinds(b'<meta charset="utf-8">\xc3\xa9', html=True) == []
    assert kinds(b'<meta charset="x-no-such-charset">plain', html=True) == ["html-charset"]
    assert kinds(page, html=False) == []


def test_html_declared_charset_that_the_bytes_satisfy_is_no_blemish() -> None:
    # ASCII bytes read the same in us-ascii, windows-1252 or ISO-8859-1 as in UTF-8.
    for charset in ("us-ascii", "windows-1252", "ISO-8859-1"):
        page = f'<html><head><meta charset="{charset}"></head><body>plain</body></html>'
        assert kinds(page.encode(), html=True) == [], charset


def test_nul_anywhere_makes_a_binary_file() -> None:
    data = b"a" * 9000 + b"\x00b"
    [nul] = hygiene(data).blemishes
    assert (nul.kind, nul.offset, nul.line, nul.column) == ("nul", 9000, 1, 9001)
    assert nul.message == "binary file (NUL at character 9000), not text"


def test_many_of_a_kind_are_counted_not_listed() -> None:
    scan = hygiene(("a\u200b" * 25).encode())
    listed = [b for b in scan.blemishes if b.offset is not None]
    assert len(listed) == 10
    assert scan.blemishes[-1].message == "15 more of this kind not listed"


def test_docstring_examples() -> None:
    result = doctest.testmod(hygiene_module)
    assert result.attempted > 0
    assert result.failed == 0


def test_check_decodes_each_capture_once(monkeypatch: pytest.MonkeyPatch) -> None:
    load_module = importlib.import_module("provenance.load")  # the package re-exports load()
    decoded: list[bytes] = []
    real = load_module.decoding

    def counting(data: bytes, *, html: bool = False, encoding: str = "utf-8") -> Decoded:
        decoded.append(data)
        return real(data, html=html, encoding=encoding)

    monkeypatch.setattr(load_module, "decoding", counting)
    monkeypatch.setattr(hygiene_module, "decoding", counting)
    check(BUNDLED)
    assert sorted(decoded) == sorted((BUNDLED / name).read_bytes() for name in CAPTURES)
