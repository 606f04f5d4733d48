"""`add --from-scan` when a hit's page changed after the scan: that hit is named, the
others are added (before, the whole batch stopped at exit 2 and said nothing of them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scan_helpers import Collection, collection

from provenance.cli import main

__all__ = ["collection"]  # the session fixture, imported for pytest


def test_a_hit_changed_since_the_scan_is_named_and_the_others_added(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    planted = [t for i, t in collection.docs if i in collection.planted][:2]
    for name, text in zip(("first.txt", "second.txt"), planted, strict=True):
        (pages / name).write_text(text, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    assert len(out.read_text().splitlines()) == 2
    (pages / "second.txt").write_text(planted[1] + "\nEdited after the crawl.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("added ") == 1 and "first.txt" in captured.out
    [line] = captured.err.splitlines()
    assert line.startswith("provenance: hit second.txt (") and "changed since the scan" in line


def test_a_hit_whose_file_is_gone_is_named_and_the_others_added(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    planted = [t for i, t in collection.docs if i in collection.planted][:2]
    for name, text in zip(("first.txt", "second.txt"), planted, strict=True):
        (pages / name).write_text(text, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    (pages / "first.txt").unlink()
    capsys.readouterr()
    code = main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out.count("added ") == 1, captured
    [line] = captured.err.splitlines()
    assert line.startswith("provenance: hit first.txt (")
