"""Reliability: what a user can reach never crashes, hangs or loses work (docs/reliability.md).

Each test here backs one row of docs/reliability.md and fails when its guarantee breaks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.corpus import load_corpus
from provenance.extract import extract
from provenance.load import load
from provenance.manifest import add


def _statement(corpus_dir: Path) -> str:
    return load_corpus(corpus_dir).reference.text


def _markdown_copy(corpus_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The statement as a Markdown page: a heading, then its numbered paragraphs as they are."""
    reference = tmp_path / "statement.txt"
    reference.write_text(_statement(corpus_dir), encoding="utf-8")
    page = tmp_path / "statement.md"
    page.write_text("# Joint statement\n\n" + _statement(corpus_dir) + "\n", encoding="utf-8")
    return reference, page


def test_markdown_numbered_paragraphs_read_as_the_statement(
    corpus_dir: Path, tmp_path: Path
) -> None:
    _, page = _markdown_copy(corpus_dir, tmp_path)
    readable = extract(load(page))
    assert readable.text == "Joint statement\n\n" + _statement(corpus_dir)
    source = readable.document.text
    for k, char in enumerate(readable.text):
        # Every readable character, the numbers and the breaks included, has its own source.
        start, end = readable.to_original[k], readable.ends[k]
        assert source[start:end] == char, (k, char, start, end)
        assert k == 0 or start >= readable.ends[k - 1], k


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_markdown_copy_with_numbered_paragraphs_reports(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    reference, page = _markdown_copy(corpus_dir, tmp_path)
    assert main(["report", "--reference", str(reference), str(page), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "statement" in out
    if fmt == "json":
        [source] = json.loads(out)["sources"]
        assert [p["kind"] for p in source["passages"]] == ["full"]
        assert source["divergences"] == []


def test_markdown_copy_diffs_to_its_heading_only(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference, page = _markdown_copy(corpus_dir, tmp_path)
    assert main(["diff", str(reference), str(page), "--format", "json"]) == 1
    [source] = json.loads(capsys.readouterr().out)["sources"]
    [heading] = source["divergences"]
    assert heading["kind"] == "insertion" and heading["text"] == "Joint statement\n\n"
    assert (
        page.read_text(encoding="utf-8")[heading["start"] : heading["end"]] == "Joint statement\n\n"
    )


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "tei", "html"])
def test_markdown_copy_collates(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    _, page = _markdown_copy(corpus_dir, tmp_path)
    add(corpus_dir, page, id="005_markdown", holds=("full",))
    assert main(["collate", str(corpus_dir), "--format", fmt]) == 0
    assert "005" in capsys.readouterr().out
