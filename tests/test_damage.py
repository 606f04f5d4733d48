"""A damaged or missing corpus: every command names what is wrong in one line, keeps going
where it can, and never writes over what the user made (docs/reliability.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import run

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
