"""provenance scan's command line: what its options mean, and outputs it refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from provenance.cli import main

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "cases" / "quotes" / "reference.txt"
COPY = REFERENCE.read_text(encoding="utf-8")


def _errors(out: Path) -> list[dict[str, Any]]:
    path = out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("which", ["--reference", "--corpus"])
def test_max_size_limits_the_documents_not_the_reference_or_the_corpus(
    tmp_path: Path, corpus_dir: Path, which: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--max-size 1K` refused the corpus's manifest.toml (and a reference over 1K), exit 2,
    though docs/scan.md says it applies to each document, never to an input file."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "copy.txt").write_text(COPY, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    given = str(REFERENCE) if which == "--reference" else str(corpus_dir)
    assert REFERENCE.stat().st_size > 1024 < (corpus_dir / "manifest.toml").stat().st_size
    argv = ["scan", str(pages), which, given, "--out", str(out), "--jobs", "1"]
    assert main([*argv, "--max-size", "1K"]) == 1, capsys.readouterr().err
    [error] = _errors(out)
    assert error["id"] == "copy.txt" and "over the size limit of 1,024" in error["problem"]
    assert main(argv) == 0


def test_scan_help_says_max_size_is_a_document_s(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scan", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--max-size SIZE refuse documents larger than this" in help_text
    assert "never an input file or the reference" in help_text
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    assert "refuse input files larger than this" in " ".join(capsys.readouterr().out.split())


def test_an_out_whose_directory_does_not_exist_is_refused_and_nothing_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--out /nonexistent/dir/h.jsonl` made the whole directory path without a word: a
    mistyped path left directories behind and the hits where nobody looks."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "copy.txt").write_text(COPY, encoding="utf-8")
    out = tmp_path / "typo" / "deeper" / "hits.jsonl"
    argv = ["scan", str(pages), "--reference", str(REFERENCE), "--out", str(out)]
    assert main(argv) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line == f"provenance: {out}: its directory {out.parent} does not exist"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pages"]


@pytest.mark.parametrize("where", [".", "new", "../corpus-link"])
def test_an_out_inside_the_corpus_is_refused(
    tmp_path: Path, corpus_dir: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--out` inside `--corpus DIR` was written, and `provenance check` of the corpus then
    reported the hits, their errors file and shards as files its manifest does not list."""
    (tmp_path / "corpus-link").symlink_to(corpus_dir)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "copy.txt").write_text(COPY, encoding="utf-8")
    out = corpus_dir / where / "hits.jsonl"
    before = sorted(p.relative_to(corpus_dir) for p in corpus_dir.rglob("*"))
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"provenance: {out}: ") and "inside the corpus" in line, line
    assert sorted(p.relative_to(corpus_dir) for p in corpus_dir.rglob("*")) == before
    assert main(["check", str(corpus_dir)]) == 0


@pytest.mark.parametrize("fails", ["the shards' directory", "the hits"])
def test_an_out_the_system_will_not_write_is_a_one_line_error_not_a_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fails: str
) -> None:
    """An --out the system refuses though its directory looks writable (/proc/h.jsonl, a
    read-only mount as root, a full disk) was an "internal error" with a traceback's log,
    which the README says only a bug prints."""
    import errno

    import provenance.scan.run as run

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "copy.txt").write_text(COPY, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    refused = OSError(errno.EROFS, "Read-only file system")
    if fails == "the hits":
        written = run.atomic_write

        def atomic_write(path: Path, data: Any, **options: Any) -> None:
            if path == out:
                raise refused
            written(path, data, **options)

        monkeypatch.setattr(run, "atomic_write", atomic_write)
    else:

        def mkdir(self: Path, *args: Any, **options: Any) -> None:
            raise refused

        monkeypatch.setattr(Path, "mkdir", mkdir)
    argv = ["scan", str(pages), "--reference", str(REFERENCE), "--out", str(out), "--jobs", "1"]
    assert main(argv) == 2
    err = capsys.readouterr().err  # (after the shards' progress lines, if any were done)
    line = err.splitlines()[-1]
    assert line.startswith("provenance: ") and "cannot be written (Read-only file system)" in line
    assert "internal error" not in err and "Traceback" not in err


def test_a_reference_file_with_a_final_line_break_gives_a_full_copy_no_truncation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`scan --reference` of a reference saved with a final line break, as editors save
    text: every full copy was one character short of it, a material truncation in each
    hit's counts (audit s3), where `scan --corpus` of the same text gave none."""
    reference = tmp_path / "statement.txt"
    reference.write_text(COPY + "\n", encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "copy.txt").write_text("Published today.\n\n" + COPY + "\n", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    argv = ["scan", str(pages), "--reference", str(reference), "--out", str(out), "--jobs", "1"]
    assert main(argv) == 0, capsys.readouterr().err
    [hit] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["kind"] for p in hit["passages"]] == ["full"]
    assert hit["divergences"]["total"] == 0, hit["divergences"]
