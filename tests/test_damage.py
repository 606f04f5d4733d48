"""A damaged or missing corpus: every command names what is wrong in one line, keeps going
where it can, and never writes over what the user made (docs/reliability.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import C004, run

Capsys = pytest.CaptureFixture[str]


# A corpus directory that is not there -------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["report", "{dir}"],
        ["collate", "{dir}"],
        ["check", "{dir}"],
        ["findings", "{dir}"],
        ["manifest", "{dir}", "--update"],
        ["manifest", "{dir}", "--update", "--yes"],
        ["add", "{file}", "--corpus", "{dir}"],
        ["decide", "d-1", "--accept", "--corpus", "{dir}"],
        ["review", "{dir}", "--reviewer", "tester"],
    ],
    ids=lambda c: " ".join(a for a in c if not a.startswith("{")),
)
def test_a_missing_corpus_directory_is_named_as_missing(
    tmp_path: Path, capsys: Capsys, command: list[str]
) -> None:
    missing = tmp_path / "nowhere"
    page = tmp_path / "page.txt"
    page.write_text("A page.\n", encoding="utf-8")
    argv = [a.format(dir=missing, file=page) for a in command]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err == f"provenance: {missing}: corpus directory does not exist\n"
    assert not missing.exists()  # nothing made it


def test_a_file_given_as_the_corpus_is_named_as_not_a_directory(
    tmp_path: Path, capsys: Capsys
) -> None:
    file = tmp_path / "corpus.txt"
    file.write_text("not a directory\n", encoding="utf-8")
    for argv in (["findings", file], ["manifest", file, "--update", "--yes"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert err == f"provenance: {file}: is a file, not a corpus directory\n"
    assert file.read_text(encoding="utf-8") == "not a directory\n"


# A manifest that starts with a byte-order mark ----------------------------------------------

BOM = b"\xef\xbb\xbf"


def test_a_manifest_with_a_byte_order_mark_is_read_and_the_mark_kept(
    corpus_dir: Path, tmp_path: Path, capsys: Capsys
) -> None:
    manifest = corpus_dir / "manifest.toml"
    manifest.write_bytes(BOM + manifest.read_bytes())  # as Notepad saves UTF-8
    assert run(capsys, "report", corpus_dir, "--format", "json")[0] == 0
    assert run(capsys, "check", corpus_dir)[0] == 0
    assert run(capsys, "findings", corpus_dir)[0] == 0

    page = tmp_path / "page.txt"
    page.write_text("A page that quotes nothing.\n", encoding="utf-8")
    before = manifest.read_bytes()
    code, _, err = run(capsys, "add", page, "--corpus", corpus_dir)
    assert (code, err) == (0, "")
    after = manifest.read_bytes()
    assert after.startswith(before)  # the mark and every old byte kept; the entry appended

    capture = corpus_dir / C004
    capture.write_bytes(capture.read_bytes() + b"\nOne more line.\n")
    code, _, err = run(capsys, "manifest", corpus_dir, "--update", "--yes")
    assert (code, err) == (0, "")
    updated = manifest.read_bytes()
    assert updated.startswith(BOM)
    changed = [
        (old, new)
        for old, new in zip(after.splitlines(), updated.splitlines(), strict=True)
        if old != new
    ]
    assert [old.split(b" = ")[0] for old, _ in changed] == [b"sha256", b"size"]

    recaptured = tmp_path / "recaptured.txt"
    recaptured.write_bytes(capture.read_bytes() + b"And another.\n")
    replaces = ["--replaces", C004.removesuffix(".txt"), "--corpus", corpus_dir]
    code, _, err = run(capsys, "add", recaptured, *replaces)
    assert (code, err) == (0, "")
    assert manifest.read_bytes().startswith(BOM)
