"""Reliability: what a user can reach never crashes, hangs or loses work (docs/reliability.md).

Each test here backs one row of docs/reliability.md and fails when its guarantee breaks.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from check_helpers import read_decisions, write_decisions

from provenance.analyse import SourceResult, analyse_corpus
from provenance.cli import main
from provenance.corpus import load_corpus
from provenance.extract import extract
from provenance.findings import findings
from provenance.load import load
from provenance.manifest import add
from provenance.model import Document, Finding, Verdict
from provenance.review import REVIEWS, ReviewStore

PROVENANCE = Path(sys.executable).parent / "provenance"


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


# A batch survives a bad member ------------------------------------------------------------

C003 = "003_5ac32bcfc2f299f0"


def _break_capture(corpus_dir: Path) -> Path:
    """Capture 003 made undecodable (a Latin-1 byte in its first line)."""
    path = corpus_dir / f"{C003}.txt"
    path.write_bytes(b"caf\xe9\n" + path.read_bytes())
    return path


def test_report_keeps_going_past_an_unreadable_capture(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _break_capture(corpus_dir)
    assert main(["report", str(corpus_dir), "--format", "json"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [s["id"] for s in data["sources"]] == [
        "000_3bc794f6186e8434",
        "001_74f1542717574725",
        "002_9103d841b337d515",
        "004_ab097b7e26713321",
    ]
    assert [len(s["divergences"]) for s in data["sources"]][2] == 10  # 002 reported in full
    assert data["errors"] == [
        {"path": str(broken), "problem": "not valid UTF-8 at byte 3 (0xe9)", "log": None}
    ]
    assert captured.err.splitlines() == [f"provenance: {broken}: not valid UTF-8 at byte 3 (0xe9)"]


def test_report_with_reference_keeps_going(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference, page = _markdown_copy(corpus_dir, tmp_path)
    empty = tmp_path / "empty.html"
    empty.write_text("<script>var a = 1;</script>", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    args = ["report", "--reference", str(reference), str(empty), str(page), str(missing)]
    assert main([*args, "--format", "text", "--color", "never"]) == 1
    captured = capsys.readouterr()
    assert "statement" in captured.out  # the readable capture is reported
    assert captured.err.splitlines() == [
        f"provenance: {missing}: no such file",
        f"provenance: {empty}: no readable text in this HTML (only markup)",
    ]


def test_nothing_could_run_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = tmp_path / "ref.txt"
    reference.write_text("The Parties agree.", encoding="utf-8")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01")
    assert main(["report", "--reference", str(reference), str(binary)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"provenance: {binary}: binary file")


def _bug_in(capture_id: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Make the engine fail with a bug (not an input error) on one capture; logs go to tmp."""
    from provenance.analyse import Analyser

    logs = tmp_path / "logs"
    monkeypatch.setenv("PROVENANCE_LOG_DIR", str(logs))
    real = Analyser.source

    def source(self: Analyser, capture: Document) -> SourceResult:
        if capture.id == capture_id:
            msg = "invalid span 9..8"
            raise ValueError(msg)
        return real(self, capture)

    monkeypatch.setattr(Analyser, "source", source)
    return logs


@pytest.mark.parametrize("command", ["report", "collate"])
def test_a_bug_on_one_capture_is_logged_and_the_rest_reported(
    corpus_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    logs = _bug_in(C003, monkeypatch, tmp_path)
    assert main([command, str(corpus_dir), "--format", "json"]) == 1
    captured = capsys.readouterr()
    [error] = json.loads(captured.out)["errors"]
    [log] = logs.iterdir()
    assert error["path"].endswith(f"{C003}.txt") and error["log"] == str(log)
    assert "internal error (ValueError: invalid span 9..8)" in error["problem"]
    assert "Traceback" in log.read_text(encoding="utf-8")
    [line] = captured.err.splitlines()
    assert line.endswith(f"traceback in {log}")
    assert "002" in captured.out  # the others are there


def test_check_names_a_capture_the_engine_fails_on(
    corpus_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    logs = _bug_in(C003, monkeypatch, tmp_path)
    assert main(["check", str(corpus_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    failed = [line for line in out if "P405 analysis-failed" in line]
    [log] = logs.iterdir()
    assert failed == [
        f"{corpus_dir / (C003 + '.txt')}: P405 analysis-failed: cannot be analysed: internal "
        f"error (ValueError: invalid span 9..8); traceback in {log}"
    ]


def test_an_internal_error_is_one_line_and_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import provenance.cli

    logs = tmp_path / "logs"
    monkeypatch.setenv("PROVENANCE_LOG_DIR", str(logs))

    def broken(args: object) -> int:
        msg = "generator raised StopIteration"
        raise RuntimeError(msg)

    monkeypatch.setattr(provenance.cli, "_diff", broken)
    assert main(["diff", "a.txt", "b.txt"]) == 2
    [log] = logs.iterdir()
    assert capsys.readouterr().err.splitlines() == [
        "provenance: internal error: RuntimeError: generator raised StopIteration; "
        f"traceback in {log}"
    ]
    assert "RuntimeError: generator raised StopIteration" in log.read_text(encoding="utf-8")


# Hangs and deaths in check; special files ----------------------------------------------------


def _junit(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> ET.Element:
    """`check --format junit`: exit 1 and a parseable report, as CI waits for."""
    assert main(["check", str(corpus_dir), "--format", "junit"]) == 1
    return ET.fromstring(capsys.readouterr().out)


def test_check_reports_a_capture_that_is_a_symlink_loop(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    looped = corpus_dir / f"{C003}.txt"
    looped.unlink()
    looped.symlink_to(looped.name)
    assert main(["check", str(corpus_dir)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{looped}: P104 symlink: is a symlink to {looped.name} (a symlink loop); "
        "captures must be regular files"
    )
    assert _junit(corpus_dir, capsys).get("failures") is not None


def test_check_reports_a_null_decision(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviews = corpus_dir / REVIEWS
    lines = reviews.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "null")
    reviews.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", str(corpus_dir)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{reviews}:3:1: P500 review-file: line 3 is null, not an object"
    )
    assert _junit(corpus_dir, capsys).get("failures") is not None


def _fifo(path: Path) -> Path:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The console script in a child, so that a hang fails the test instead of the suite."""
    return subprocess.run(
        [PROVENANCE, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=cwd,
        check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_never_blocks(corpus_dir: Path, tmp_path: Path) -> None:
    reference, _ = _markdown_copy(corpus_dir, tmp_path)
    pipe = _fifo(tmp_path / "pipe.txt")
    refused = f"provenance: {pipe}: is a FIFO (named pipe), not a regular file"
    for args in (
        ["report", "--reference", reference, pipe],
        ["diff", reference, pipe],
        ["diff", pipe, reference],
        ["add", pipe, "--corpus", corpus_dir],
    ):
        done = _run(*args, cwd=tmp_path)
        assert (done.returncode, done.stderr.splitlines()) == (2, [refused]), args

    listed = _fifo(corpus_dir / f"{C003}.txt")
    for command in ("report", "collate"):
        done = _run(command, corpus_dir, cwd=tmp_path)
        assert done.returncode == 1 and "002" in done.stdout, command
        assert done.stderr.splitlines() == [
            f"provenance: {listed}: is a FIFO (named pipe), not a regular file"
        ]
    done = _run("check", corpus_dir, cwd=tmp_path)
    assert f"{listed}: P103 not-a-file: is not a regular file" in done.stdout.splitlines()

    _fifo(corpus_dir / REVIEWS)
    unlisted = _fifo(corpus_dir / "standing.txt")
    done = _run("check", corpus_dir, cwd=tmp_path)
    assert done.returncode == 1
    assert f"{unlisted}: P109 unlisted-file: FIFO (named pipe) not in the manifest" in done.stdout
    assert f"{REVIEWS}: P500 review-file: is a FIFO (named pipe)" in done.stdout

    _fifo(corpus_dir / "manifest.toml")
    done = _run("check", corpus_dir, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert "manifest.toml: is a FIFO (named pipe), not a regular file" in done.stderr


def test_check_does_not_follow_manifest_or_reviews_out_of_the_corpus(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for name in (REVIEWS, "manifest.toml"):
        (outside / name).write_bytes((corpus_dir / name).read_bytes())
    reviews = corpus_dir / REVIEWS
    reviews.unlink()
    reviews.symlink_to(outside / REVIEWS)
    assert main(["check", str(corpus_dir)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{reviews}: P500 review-file: is a symlink to {outside / REVIEWS} "
        "(outside the corpus); not followed"
    )
    manifest = corpus_dir / "manifest.toml"
    manifest.unlink()
    manifest.symlink_to(outside / "manifest.toml")
    assert main(["check", str(corpus_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"provenance: {manifest}: is a symlink to {outside / 'manifest.toml'} "
        "(outside the corpus); not followed\n"
    )


def test_max_size_refuses_a_big_capture(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, page = _markdown_copy(corpus_dir, tmp_path)
    reference = tmp_path / "sentence.txt"
    reference.write_text(_statement(corpus_dir)[:400], encoding="utf-8")
    size = page.stat().st_size
    args = ["report", "--reference", str(reference), str(page), "--format", "json"]
    assert main([*args, "--max-size", "4K"]) == 2
    assert capsys.readouterr().err == (
        f"provenance: {page}: {size:,} bytes, over the size limit of 4,096 "
        "(raise it with --max-size)\n"
    )
    assert main([*args, "--max-size", str(size)]) == 0
    assert main([*args]) == 0  # the default is generous
    assert main([*args, "--max-size", "0"]) == 0  # no limit


def test_a_huge_max_size_is_a_limit_not_a_buffer(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "--max-size 100G" allocated 100 GB to read a page of 5 KB (a buffer of the limit's
    size), and a limit past 2**63 bytes was an internal error (OverflowError). A page is
    read at its own size, whatever the limit; past a pebibyte, or not ASCII digits, the
    value is refused in one line."""
    _, page = _markdown_copy(corpus_dir, tmp_path)
    reference = tmp_path / "sentence.txt"
    reference.write_text(_statement(corpus_dir)[:400], encoding="utf-8")
    args = ["diff", str(reference), str(page), "--format", "json"]
    assert main([*args, "--max-size", "1048576G"]) in (0, 1)
    capsys.readouterr()
    for value, problem in (
        ("999999999999999999999999999G", "too large: '999999999999999999999999999G'"),
        ("\u00b2K", "not a size: '\u00b2K'"),
    ):
        with pytest.raises(SystemExit) as stopped:
            main([*args, "--max-size", value])
        assert stopped.value.code == 2
        [line] = capsys.readouterr().err.splitlines()
        assert f"argument --max-size: {problem}" in line


def test_a_file_name_holding_a_line_break_is_shown_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error naming "new\\nline.txt" took two lines of stderr (audit r9): one line
    always, the break shown as \\n."""
    page = tmp_path / "new\nline.txt"
    page.write_bytes(b"")
    assert main(["diff", str(page), str(page)]) == 2
    assert (
        capsys.readouterr().err == f"provenance: {tmp_path}/new\\nline.txt: empty file (0 bytes)\n"
    )


def test_max_size_default_is_documented() -> None:
    assert "default 16M" in _parser_help("report")


def _parser_help(command: str) -> str:
    done = subprocess.run(
        [PROVENANCE, command, "--help"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())


# Hostile content -----------------------------------------------------------------------------

_ESCAPES = ("\x1b[2J", "\x1b]0;title\x07", "\x9b31m", "\r")


def _hostile_copy(corpus_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The statement with terminal escape sequences inside it and in an attributed quotation."""
    statement = _statement(corpus_dir)
    reference = tmp_path / "statement.txt"
    reference.write_text(statement, encoding="utf-8")
    at = statement.index("Parties")
    copy = (
        f"Intro{_ESCAPES[0]} page.\n\n"
        + statement[:at]
        + "Par\x1b]0;title\x07ties\x9b31m"
        + statement[at + 7 :]
        + "\n\nThe ministries said: “Russia and China \x1b[2Jwill closely coordinate”.\n"
    )
    page = tmp_path / "hostile\x1b[31m.txt"
    page.write_text(copy, encoding="utf-8")
    return reference, page


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("color", ["always", "never"])
def test_report_never_prints_a_captures_control_characters(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, color: str
) -> None:
    reference, page = _hostile_copy(corpus_dir, tmp_path)
    args = ["report", "--reference", str(reference), str(page), "--format", fmt]
    assert main([*args, "--color", color]) == 0
    out = capsys.readouterr().out
    assert "␛[2J" in out and "␛]0;title␇" in out  # shown, one visible character each
    for escape in _ESCAPES:
        assert escape not in out
    leftover = out.replace("\x1b[", "")  # rich's own colour codes are the only ESC left
    assert "\x1b" not in leftover or color == "always"
    if color == "always":
        assert all(
            piece[: piece.index("m") + 1].strip("0123456789;m") == ""
            for piece in out.split("\x1b[")[1:]
        )


def test_diff_and_collate_never_print_control_characters(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference, page = _hostile_copy(corpus_dir, tmp_path)
    assert main(["diff", str(reference), str(page), "--color", "never"]) == 1
    add(corpus_dir, page, id="005_hostile", holds=("full", "quotations"))
    assert main(["collate", str(corpus_dir)]) == 0
    out = capsys.readouterr().out
    assert "␛" in out
    for escape in _ESCAPES:
        assert escape not in out


def test_collate_csv_cells_never_start_a_formula(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = _statement(corpus_dir).split(" ")
    formulas = {160: "=HYPERLINK(x)", 40: "+1", 80: "-2", 120: "@SUM(A1)", 200: "="}
    changed = " ".join(formulas.get(k, word) for k, word in enumerate(words))
    page = tmp_path / "formulas.txt"
    page.write_text("Copied:\n\n" + changed + "\n", encoding="utf-8")
    add(corpus_dir, page, id="005_formulas", holds=("full",))
    assert main(["collate", str(corpus_dir), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    cells = [cell for row in rows for cell in row]
    for formula in formulas.values():
        assert any(cell.startswith("'" + formula) for cell in cells), formula
    assert [c for c in cells if c.startswith(tuple("=+-@")) and c != "="] == []
    assert "=" in cells  # the agreement marker stays as documented
    assert "'=" in cells  # and a copy's "=" for a word is told from it (it read as agreement)


def test_html_with_an_unclosed_head_is_read(tmp_path: Path, corpus_dir: Path) -> None:
    statement = _statement(corpus_dir)
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in statement.split("\n\n"))
    page.write_text(
        f"<html><head><title>News</title><meta charset='utf-8'><body>{paragraphs}</body></html>",
        encoding="utf-8",
    )
    readable = extract(load(page))
    assert readable.text == statement


def test_html_full_copy_after_an_unclosed_nav_is_found(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement = _statement(corpus_dir)
    reference = tmp_path / "statement.txt"
    reference.write_text(statement, encoding="utf-8")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in statement.split("\n\n"))
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a>"
        f"<main>{paragraphs}</main></body></html>",
        encoding="utf-8",
    )
    assert main(["report", "--reference", str(reference), str(page), "--format", "json"]) == 0
    [source] = json.loads(capsys.readouterr().out)["sources"]
    assert [p["kind"] for p in source["passages"]] == ["full"]


# Small things a user meets -------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    assert re.fullmatch(r"provenance \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)


def test_help_gives_the_default_corpus_exit_codes_and_examples() -> None:
    shown = _parser_help("--help")
    assert "./corpus" in shown
    for code in ("0 done", "1 something to report", "2 could not run", "130 interrupted"):
        assert code in shown
    assert "examples: provenance review ./corpus in the terminal UI" in shown
    assert "provenance report --reference ref.txt a.html b.md" in shown
    for command in ("review", "check", "findings", "manifest", "report", "collate"):
        assert "(default: ./corpus)" in _parser_help(command), command


def test_decisions_name_the_login_when_user_is_unset(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pwd

    for name in ("USER", "PROVENANCE_REVIEWER", "LOGNAME", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    login = pwd.getpwuid(os.getuid()).pw_name
    reviews = corpus_dir / REVIEWS
    reviews.unlink()
    assert main(["findings", str(corpus_dir), "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)["findings"][0]["id"]
    assert main(["decide", first, "--accept", "--corpus", str(corpus_dir)]) == 0
    [decision] = read_decisions(reviews)
    assert decision["reviewer"] == login != "unknown"


def test_after_add_is_killed_checks_advice_works(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, page = _markdown_copy(corpus_dir, tmp_path)
    data = page.read_bytes()
    # What `kill -9` between the copy and the manifest write leaves: the capture in place,
    # unrecorded, and perhaps the writer's temp file.
    stem = f"005_{hashlib.sha256(data).hexdigest()[:16]}"
    (corpus_dir / f"{stem}.md").write_bytes(data)
    temp = corpus_dir / ".manifest.toml.3f9a0c1d2e4b.tmp"
    temp.write_bytes(b"half")
    assert main(["check", str(corpus_dir)]) == 1
    advice = [line for line in capsys.readouterr().out.splitlines() if "P109" in line]
    assert advice == [
        f"{temp}: P109 unlisted-file: file not in the manifest "
        "(a temp file left by an interrupted write; remove it, or run "
        "`provenance manifest --update --yes`)",
        f"{corpus_dir / stem}.md: P109 unlisted-file: file not in the manifest "
        "(record it with `provenance add`, or remove it)",
    ]
    assert main(["manifest", str(corpus_dir), "--update", "--yes"]) == 0
    assert not temp.exists()
    assert main(["add", str(page), "--corpus", str(corpus_dir), "--holds", "full"]) == 0
    capsys.readouterr()
    assert main(["check", str(corpus_dir)]) == 0  # a faithful copy: nothing to decide
    assert capsys.readouterr().out.endswith("OK, 6 captures, 29 of 29 findings decided\n")
    assert stem in {e.id for e in load_corpus(corpus_dir).manifest.entries}


def test_add_still_refuses_to_overwrite_other_bytes(corpus_dir: Path, tmp_path: Path) -> None:
    _, page = _markdown_copy(corpus_dir, tmp_path)
    stem = f"005_{hashlib.sha256(page.read_bytes()).hexdigest()[:16]}"
    squatter = corpus_dir / f"{stem}.md"
    squatter.write_bytes(b"other bytes\n")
    assert main(["add", str(page), "--corpus", str(corpus_dir)]) == 2
    assert squatter.read_bytes() == b"other bytes\n"


def test_make_shows_progress_while_it_installs() -> None:
    done = subprocess.run(
        ["make", "-n", "-B", "-C", str(Path(__file__).parent.parent), ".venv/.installed"],
        capture_output=True,
        text=True,
        check=True,
    )
    [install] = [line for line in done.stdout.splitlines() if "pip install" in line]
    assert "--quiet" not in install.split() and "-q" not in install.split()
    assert any(line.startswith("echo") for line in done.stdout.splitlines())


# Decisions and the manifest: locked read-modify-write ----------------------------------------


def _findings(corpus_dir: Path) -> list[Finding]:
    return findings(analyse_corpus(load_corpus(corpus_dir)))


def test_two_saves_at_the_same_moment_keep_both_decisions(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus_dir / REVIEWS).unlink()
    first, second = _findings(corpus_dir)[:2]
    a, b = ReviewStore(corpus_dir / REVIEWS), ReviewStore(corpus_dir / REVIEWS)
    read_by_first, go_on = threading.Event(), threading.Event()
    real = ReviewStore._read

    def read_file(self: ReviewStore) -> Any:
        stored = real(self)
        if threading.current_thread().name == "first":  # hold on between read and write
            read_by_first.set()
            go_on.wait(timeout=10)
        return stored

    monkeypatch.setattr(ReviewStore, "_read", read_file)
    one = threading.Thread(name="first", target=a.decide, args=(first, Verdict.ACCEPTED))
    two = threading.Thread(name="second", target=b.decide, args=(second, Verdict.FLAGGED))
    one.start()
    assert read_by_first.wait(timeout=10)
    two.start()
    two.join(timeout=1)  # without the lock it reads the old file and saves now
    go_on.set()
    one.join(timeout=10)
    two.join(timeout=10)
    saved = ReviewStore(corpus_dir / REVIEWS)
    assert saved.get(first.id) is not None and saved.get(second.id) is not None


def test_parallel_decide_commands_lose_nothing(corpus_dir: Path, tmp_path: Path) -> None:
    (corpus_dir / REVIEWS).unlink()
    chosen = _findings(corpus_dir)[:6]
    children = [
        subprocess.Popen(
            [PROVENANCE, "decide", f.id, "--accept", "--corpus", corpus_dir],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        )
        for f in chosen
    ]
    assert [child.wait(timeout=120) for child in children] == [0] * len(chosen)
    saved = ReviewStore(corpus_dir / REVIEWS)
    assert [f.id for f in chosen if saved.get(f.id) is None] == []


def test_parallel_adds_are_both_recorded(corpus_dir: Path, tmp_path: Path) -> None:
    pages = []
    for n in range(3):
        page = tmp_path / f"page{n}.txt"
        page.write_text(f"Capture number {n}: the harbour council met.\n", encoding="utf-8")
        pages.append(page)
    children = [
        subprocess.Popen(
            [PROVENANCE, "add", page, "--id", f"10{n}_page", "--corpus", corpus_dir],
            stdout=subprocess.DEVNULL,
            cwd=tmp_path,
        )
        for n, page in enumerate(pages)
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0, 0]
    ids = {e.id for e in load_corpus(corpus_dir).manifest.entries}
    assert {"100_page", "101_page", "102_page"} <= ids


def test_a_save_keeps_fields_it_does_not_know(corpus_dir: Path) -> None:
    reviews = corpus_dir / REVIEWS
    lines = [json.loads(line) for line in reviews.read_text(encoding="utf-8").splitlines()]
    lines[0]["project"] = {"owner": "desk"}
    lines[1]["confidence"] = "high"
    kept = lines[1]["finding"]
    reviews.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    store = ReviewStore(reviews)
    other = next(f for f in _findings(corpus_dir) if f.id != kept)
    store.decide(other, Verdict.FLAGGED, note="a new note")
    saved = [json.loads(line) for line in reviews.read_text(encoding="utf-8").splitlines()]
    assert saved[0]["project"] == {"owner": "desk"}
    [entry] = [d for d in saved[1:] if d["finding"] == kept]
    assert entry["confidence"] == "high"
    again = next(f for f in _findings(corpus_dir) if f.id == kept)
    store.decide(again, Verdict.FLAGGED)  # re-deciding keeps the unknown field too
    [entry] = [d for d in read_decisions(reviews) if d["finding"] == kept]
    assert entry["confidence"] == "high" and entry["verdict"] == "flagged"


def test_two_entries_for_one_finding_are_reported_not_dropped(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviews = corpus_dir / REVIEWS
    decisions = read_decisions(reviews)
    first = decisions[0]
    again = dict(first, time="2030-01-01T00:00:00Z", note="second thoughts")  # agrees
    write_decisions(reviews, [*decisions, again])
    assert main(["check", str(corpus_dir)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{reviews}: P503 duplicate-decision: 2 decisions on {first['finding']} by one "
        "reviewer agree: the newest counts; decide it again to keep one"
    )
    store = ReviewStore(reviews)
    other = next(f for f in _findings(corpus_dir) if f.id != first["finding"])
    store.decide(other, Verdict.ACCEPTED)
    assert [d["note"] for d in read_decisions(reviews) if d["finding"] == first["finding"]] == [
        first["note"],
        "second thoughts",
    ]
    resolved = next(f for f in _findings(corpus_dir) if f.id == first["finding"])
    store.decide(resolved, Verdict.ACCEPTED, reviewer=first["reviewer"])  # their own note
    saved = read_decisions(reviews)
    assert [d["note"] for d in saved if d["finding"] == first["finding"]] == ["second thoughts"]
    assert main(["check", str(corpus_dir)]) == 0


# Progress ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["report", "collate", "check"])
def test_a_batch_shows_progress_on_a_terminal(
    corpus_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    import provenance.cli

    monkeypatch.setattr(provenance.cli, "_interactive", lambda: True)
    assert main([command, str(corpus_dir)]) == 0
    captured = capsys.readouterr()
    assert re.search(r"(analysing|checking).*5/5", captured.err)
    assert "5/5" not in captured.out  # the bar never mixes with the results


def test_no_progress_when_stderr_is_not_a_terminal(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(corpus_dir)]) == 0
    assert capsys.readouterr().err == ""


def test_analyse_tells_progress_for_each_capture(corpus_dir: Path) -> None:
    told: list[tuple[int, int]] = []
    analyse_corpus(load_corpus(corpus_dir), progress=lambda done, total: told.append((done, total)))
    assert told == [(k, 5) for k in range(6)]


def test_analyse_tells_each_stage_of_each_capture(corpus_dir: Path) -> None:
    told: list[tuple[str, str]] = []
    corpus = load_corpus(corpus_dir)
    analyse_corpus(corpus, stage=lambda capture, stage: told.append((capture.id, stage)))
    stages = ["extract", "locate", "align", "quotations", "emphasis"]
    assert told == [(c.id, stage) for c in corpus.captures for stage in stages]


def test_check_tells_each_stage_of_each_capture_too(corpus_dir: Path) -> None:
    """check's progress bar moves inside a big capture as report's does."""
    from provenance.check.gate import check

    told: list[tuple[str, str]] = []
    counted: list[tuple[int, int]] = []
    check(
        corpus_dir,
        progress=lambda done, total: counted.append((done, total)),
        stage=lambda capture, stage: told.append((capture.id, stage)),
    )
    corpus = load_corpus(corpus_dir)
    stages = ["extract", "locate", "align", "quotations", "emphasis"]
    assert told == [(c.id, stage) for c in corpus.captures for stage in stages]
    assert counted == [(k, 5) for k in range(6)]


def test_the_progress_bar_names_the_capture_and_its_stage(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import provenance.cli

    analyse_module = sys.modules["provenance.analyse"]  # the package's `analyse` is a function
    monkeypatch.setattr(provenance.cli, "_interactive", lambda: True)
    slow_locate = analyse_module.locate

    def locate_as_a_big_capture_would(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # rich redraws ten times a second on its own clock
        return slow_locate(*args, **kwargs)

    monkeypatch.setattr(analyse_module, "locate", locate_as_a_big_capture_would)
    assert main(["report", str(corpus_dir)]) == 0
    err = capsys.readouterr().err
    stage = r"\d{3}_[0-9a-f]+ \(\d+ kB\): locate"
    assert re.search(stage, err), err[-500:]


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_markdown_with_crlf_or_cr_line_ends_reads_as_the_statement(
    corpus_dir: Path, tmp_path: Path, ending: str
) -> None:
    statement = _statement(corpus_dir)
    page = tmp_path / "statement.md"
    page.write_bytes(("# Joint statement\n\n" + statement).replace("\n", ending).encode())
    readable = extract(load(page))
    assert readable.text == "Joint statement\n\n" + statement
    source = readable.document.text
    for k, char in enumerate(readable.text):
        piece = source[readable.to_original[k] : readable.ends[k]]
        assert piece == char or (char == "\n" and piece == ending), (k, char, piece)


def test_a_held_lock_is_waited_for_then_named_never_waited_on_for_ever(tmp_path: Path) -> None:
    from provenance.errors import CorpusError, ReviewStoreError
    from provenance.lock import locked

    with locked(tmp_path):
        with pytest.raises(CorpusError, match="another provenance process has held its lock"):
            with locked(tmp_path, wait=0.2):
                pass
        with pytest.raises(ReviewStoreError):
            with locked(tmp_path, wait=0.1, error=ReviewStoreError):
                pass
    with locked(tmp_path, wait=0.1):  # released when the holder's block ends
        pass


def test_every_command_refuses_manifest_or_reviews_linked_out_of_the_corpus_as_check_does(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / REVIEWS).write_bytes((corpus_dir / REVIEWS).read_bytes())
    reviews = corpus_dir / REVIEWS
    reviews.unlink()
    reviews.symlink_to(outside / REVIEWS)
    said = f"is a symlink to {outside / REVIEWS} (outside the corpus); not followed"
    some = findings(analyse_corpus(load_corpus(corpus_dir)))[0].id
    for argv in (
        ["findings", str(corpus_dir)],
        ["decide", some, "--flag", "--corpus", str(corpus_dir)],
    ):
        assert main(argv) == 2
        assert capsys.readouterr().err == f"provenance: {reviews}: {said}\n"
        assert reviews.is_symlink()  # not replaced by a file of its own
    manifest = corpus_dir / "manifest.toml"
    (outside / "manifest.toml").write_bytes(manifest.read_bytes())
    manifest.unlink()
    manifest.symlink_to(outside / "manifest.toml")
    said = f"is a symlink to {outside / 'manifest.toml'} (outside the corpus); not followed"
    for argv in (["report", str(corpus_dir)], ["manifest", str(corpus_dir), "--update", "--yes"]):
        assert main(argv) == 2
        assert capsys.readouterr().err == f"provenance: {manifest}: {said}\n"
        assert manifest.is_symlink()


def test_decide_writes_through_a_reviews_file_linked_inside_the_corpus(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviews = corpus_dir / REVIEWS
    kept = corpus_dir / "decisions" / REVIEWS
    kept.parent.mkdir()
    reviews.rename(kept)
    reviews.symlink_to(Path("decisions") / REVIEWS)
    some = findings(analyse_corpus(load_corpus(corpus_dir)))[0].id
    assert main(["decide", some, "--flag", "--note", "kept", "--corpus", str(corpus_dir)]) == 0
    capsys.readouterr()
    assert reviews.is_symlink()
    assert '"note": "kept"' in kept.read_text(encoding="utf-8")


def test_report_refuses_a_capture_linked_out_of_the_corpus_as_check_does(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "004_ab097b7e26713321.txt"
    outside = tmp_path / name
    outside.write_bytes((corpus_dir / name).read_bytes())
    (corpus_dir / name).unlink()
    (corpus_dir / name).symlink_to(outside)
    assert main(["report", str(corpus_dir), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"provenance: {corpus_dir / name}: is a symlink to {outside} (outside the corpus); "
        "not followed\n"
    )
