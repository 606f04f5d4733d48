"""load: strict UTF-8, BOM recorded and stripped, digest of the stored bytes, one-line errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import FULL_COPY

from provenance.errors import InputError
from provenance.load import load
from provenance.model import Format


def test_loads_a_bundled_capture(corpus_dir: Path) -> None:
    path = corpus_dir / f"{FULL_COPY}.txt"
    data = path.read_bytes()
    document = load(path)
    assert document.id == FULL_COPY
    assert document.text == data.decode("utf-8")
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data)
    assert document.format is Format.TEXT
    assert document.bom is False


def test_bom_is_recorded_and_stripped_and_digest_is_of_stored_bytes(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfThe Parties state the following."
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    document = load(path)
    assert document.bom is True
    assert document.text == "The Parties state the following."
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data)


def test_crlf_and_nbsp_are_kept_as_stored(tmp_path: Path) -> None:
    path = tmp_path / "kept.txt"
    path.write_bytes("one\r\ntwo\u00a0three".encode())
    assert load(path).text == "one\r\ntwo\u00a0three"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("page.html", Format.HTML),
        ("page.HTM", Format.HTML),
        ("page.xhtml", Format.HTML),
        ("notes.md", Format.MARKDOWN),
        ("notes.markdown", Format.MARKDOWN),
        ("capture.txt", Format.TEXT),
        ("capture", Format.TEXT),
    ],
)
def test_format_by_extension(tmp_path: Path, name: str, expected: Format) -> None:
    path = tmp_path / name
    path.write_text("some text", encoding="utf-8")
    assert load(path).format is expected


def test_id_defaults_to_stem_and_can_be_given(tmp_path: Path) -> None:
    path = tmp_path / "capture-7.txt"
    path.write_text("words", encoding="utf-8")
    assert load(path).id == "capture-7"
    assert load(path, id="seven").id == "seven"


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "absent.txt").problem


def test_directory(tmp_path: Path) -> None:
    assert "directory" in _error(tmp_path).problem


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _error(path).problem


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\n")
    assert "no text" in _error(path).problem


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        (b"caf\xe9 au lait", 3),  # Latin-1 e-acute
        ("Peninsula’s".encode() + b"\x80", len("Peninsula’s".encode())),
        (b"\xef\xbb\xbfab\xff", 5),  # offset counts the BOM: it is a byte of the file
        (b"ok \xe2\x80", 3),  # truncated sequence at the end
    ],
)
def test_not_utf8_names_the_byte_offset(tmp_path: Path, data: bytes, offset: int) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(data)
    assert _error(path).problem == f"not valid UTF-8 at byte {offset} (0x{data[offset]:02x})"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in _error(path).problem
