"""cli: report, diff and --reference in-process; every error is one stderr line and exit 2."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXCERPTS, FULL_COPY, ROOT, SOURCE

from provenance.cli import main
from provenance.corpus import load_corpus

PROVENANCE = Path(sys.executable).parent / "provenance"


def test_report_json_on_the_corpus(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(corpus_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = {s["id"]: [p["kind"] for p in s["passages"]] for s in data["sources"]}
    assert kinds[SOURCE] == ["full"] and kinds[FULL_COPY] == ["full"]
    assert kinds[EXCERPTS] == ["excerpt", "excerpt"]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_report_other_formats(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert main(["report", str(corpus_dir), "--format", fmt, "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert FULL_COPY in out and "⟨NBSP⟩" in out


def test_report_with_reference_needs_no_manifest(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = tmp_path / "statement.txt"
    ref.write_text(main_reference_text(corpus_dir), encoding="utf-8")
    (corpus_dir / "manifest.toml").unlink()
    captures = [str(corpus_dir / f"{FULL_COPY}.txt"), str(corpus_dir / f"{EXCERPTS}.txt")]
    assert main(["report", "--reference", str(ref), *captures, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reference"]["id"] == "statement"
    assert [len(s["divergences"]) for s in data["sources"]] == [10, 0]


@pytest.mark.parametrize("around", [("", "\n"), ("\n\n", "\r\n\r\n"), ("  ", " \n")])
def test_report_with_a_reference_file_saved_with_a_final_line_break(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], around: tuple[str, str]
) -> None:
    """A reference file saved as editors save text, with a final line break (or blank
    lines, spaces): the reference is its text without them, as `add --reference` records
    it. Read whole, every full copy, the reference itself among them, fell one character
    short of it: a material truncation (audit s3, on 40 pages)."""
    text = main_reference_text(corpus_dir)
    ref, copy = tmp_path / "statement.txt", tmp_path / "copy.txt"
    ref.write_bytes((around[0] + text + around[1]).encode("utf-8"))
    copy.write_text(text, encoding="utf-8")
    argv = ["report", "--reference", str(ref), str(ref), str(copy), "--format", "json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert [[d["kind"] for d in s["divergences"]] for s in data["sources"]] == [[], []]
    assert [s["passages"][0]["kind"] for s in data["sources"]] == ["full", "full"]


def test_report_with_reference_reads_pages_whose_names_are_alike(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pages were named by their stem alone: the same article saved as `copy.txt` and
    `copy.html`, or two sites' `index.html`, stopped the report ("witness id 'copy-full'
    appears twice", blamed on the reference). Each page has an id of its own now."""
    ref = tmp_path / "statement.txt"
    ref.write_text(main_reference_text(corpus_dir), encoding="utf-8")
    text = (corpus_dir / f"{FULL_COPY}.txt").read_text(encoding="utf-8")
    html = "".join(f"<p>{line}</p>" for line in text.splitlines())
    pages = [tmp_path / "copy.txt", tmp_path / "copy.html"]
    pages += [tmp_path / "one" / "index.html", tmp_path / "two" / "index.html"]
    for page in pages:
        page.parent.mkdir(exist_ok=True)
        page.write_text(text if page.suffix == ".txt" else html, encoding="utf-8")
    argv = ["report", "--reference", str(ref), *map(str, pages), "--format", "json"]
    assert main(argv) == 0, capsys.readouterr().err
    sources = json.loads(capsys.readouterr().out)["sources"]
    assert [s["id"] for s in sources] == ["copy.txt", "copy.html", *map(str, pages[2:])]
    assert all(s["passages"][0]["kind"] == "full" for s in sources)


def main_reference_text(corpus_dir: Path) -> str:
    return load_corpus(corpus_dir).reference.text


def test_diff_of_two_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The Korean Peninsula’s neighbours agree.", encoding="utf-8")
    b.write_text("The Korean Peninsula's neighbors agree.", encoding="utf-8")
    assert main(["diff", str(a), str(b), "--format", "json"]) == 1  # findings
    data = json.loads(capsys.readouterr().out)
    assert [d["kind"] for d in data["sources"][0]["divergences"]] == ["typography", "spelling"]
    assert main(["diff", str(a), str(a)]) == 0


def _one_error_line(capsys: pytest.CaptureFixture[str], name: str) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("provenance: ")
    assert name in lines[0]
    assert "Traceback" not in captured.err
    return lines[0]


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty, latin1, binary = tmp_path / "empty.txt", tmp_path / "latin1.txt", tmp_path / "bin.txt"
    empty.write_bytes(b"")
    latin1.write_bytes(b"na\xefve text")
    binary.write_bytes(b"GIF89a\x00\x01\x02")
    return {
        "missing": (tmp_path / "absent.txt", "no such file"),
        "directory": (tmp_path, "directory"),
        "empty": (empty, "empty file"),
        "not utf-8": (latin1, "not valid UTF-8 at byte 2"),
        "binary": (binary, "binary"),
    }


@pytest.mark.parametrize("problem", ["missing", "directory", "empty", "not utf-8", "binary"])
@pytest.mark.parametrize("command", ["diff-first", "diff-second", "reference", "capture"])
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], problem: str, command: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A perfectly ordinary text.", encoding="utf-8")
    bad, words = _bad_files(tmp_path)[problem]
    argv = {
        "diff-first": ["diff", str(bad), str(good)],
        "diff-second": ["diff", str(good), str(bad)],
        "reference": ["report", "--reference", str(bad), str(good)],
        "capture": ["report", "--reference", str(good), str(bad)],
    }[command]
    assert main(argv) == 2
    assert words in _one_error_line(capsys, str(bad))


@pytest.mark.parametrize(
    "args",
    [
        ["scan", "x.jsonl"],
        ["report", "--format", "nope"],
        ["frobnicate"],
        ["decide", "d-1", "--flag", "--accept"],
        ["check", "--no-such-option"],
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong argument is one line naming the command and the problem, pointing to its
    --help (before, argparse's usage block of two to eight lines came first)."""
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("provenance") and "--help)" in err


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        (None, "no manifest"),
        (b'schema = "provenance-manifest/1"\n[reference\n', "not valid TOML"),
        (b"\xff\xfe", "not valid UTF-8"),
        (b'schema = "other/9"\n', "schema must be"),
        (b'schema = "provenance-manifest/1"\n', "missing [reference] table"),
    ],
)
def test_unreadable_manifest(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str], manifest: bytes | None, words: str
) -> None:
    path = corpus_dir / "manifest.toml"
    if manifest is None:
        path.unlink()
    else:
        path.write_bytes(manifest)
    assert main(["report", str(corpus_dir)]) == 2
    assert words in _one_error_line(capsys, "manifest.toml")


def test_capture_listed_in_manifest_but_missing(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus_dir / f"{EXCERPTS}.txt").unlink()
    assert main(["report", str(corpus_dir)]) == 1  # the other captures are still reported
    captured = capsys.readouterr()
    assert FULL_COPY in captured.out
    [line] = captured.err.splitlines()
    assert line == f"provenance: {corpus_dir / EXCERPTS}.txt: no such file"


@pytest.mark.parametrize("command", ["report", "collate"])
def test_a_page_in_the_corpus_but_not_in_the_manifest_is_named(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """A page dropped into the corpus directory but never added was silently left out of
    report and collate: they now say so on stderr (the exit code stays 0: nothing failed,
    and `check` makes it a problem)."""
    (corpus_dir / "009_new_page.html").write_text("<p>a page</p>", encoding="utf-8")
    assert main([command, str(corpus_dir)]) == 0
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"provenance: {corpus_dir / '009_new_page.html'}: not in the manifest")
    assert "provenance add" in line


def test_reference_span_that_no_longer_matches(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = corpus_dir / f"{SOURCE}.txt"
    path.write_bytes(path.read_bytes().replace(b"neighbours", b"neighbors", 1))
    assert main(["report", str(corpus_dir)]) == 2
    assert "no longer matches" in _one_error_line(capsys, f"{SOURCE}.txt")


def test_corpus_that_is_not_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "nowhere")]) == 2
    _one_error_line(capsys, "nowhere")


# A few runs of the installed console script, as a user would type them.


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROVENANCE), *args], capture_output=True, text=True, cwd=cwd, timeout=60, check=False
    )


def test_console_script_report(corpus_dir: Path) -> None:
    result = _run("report", str(corpus_dir), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema"] == "provenance-report/2"


def test_console_script_default_corpus_text(corpus_dir: Path) -> None:
    result = _run("report", cwd=corpus_dir.parent)  # default corpus/ in the working directory
    assert result.returncode == 0, result.stderr
    assert "002_9103d841b337d515  full" in result.stdout


def test_console_script_error(tmp_path: Path) -> None:
    result = _run("diff", str(tmp_path / "absent.txt"), str(tmp_path / "other.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"provenance: {tmp_path / 'absent.txt'}: no such file\n"


def test_diff_reads_html_and_maps_back_to_the_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = tmp_path / "a.txt"
    reference.write_text(
        "The Parties confirm that the DPRK’s justified concerns should be respected."
    )
    copy = tmp_path / "b.html"
    page = (
        "<html><body><nav>menu</nav><p>The Parties confirm that the "
        "<b>DPRK&rsquo;s justified</b> concerns&nbsp;should be respected.</p></body></html>"
    )
    copy.write_text(page)
    assert main(["diff", str(reference), str(copy), "--format", "json"]) == 1
    [source] = json.loads(capsys.readouterr().out)["sources"]
    kinds = sorted((d["kind"], d["severity"]) for d in source["divergences"])
    assert kinds == [("emphasis", "material"), ("whitespace", "cosmetic")]
    [added] = source["emphasis"]
    assert added["status"] == "added"
    assert added["text"] == "DPRK’s justified"
    assert page[added["start"] : added["end"]] == "DPRK&rsquo;s justified"
    [space] = [d for d in source["divergences"] if d["kind"] == "whitespace"]
    assert page[space["start"] : space["end"]] == "&nbsp;"


def test_diff_of_two_pages_reads_the_reference_page_without_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two marked-up pages, one word changed after the first tag: the text report's
    provenance section ended in an internal error (exit 2), the collation reading the
    reference page's markup as text."""
    reference, copy = tmp_path / "a.html", tmp_path / "b.html"
    reference.write_text(
        "<p>The Parties <em>oppose</em> the tests.</p>\n<p>They urge restraint.</p>"
    )
    copy.write_text("<p>The Parties oppose the tests.</p><p>They urge calm.</p>")
    assert main(["diff", str(reference), str(copy), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "b-full: full, 51 reference characters, 1 variant location" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["add", "{page}", "--replaces", "004_ab097b7e26713321", "--id", "foo"], "drop --id"),
        (["add", "{page}", "--select", "x,y"], "--select chooses hits"),
        (["add", "{page}", "--from-scan", "{page}"], "not both"),
        (["add", "--from-scan", "{page}", "--url", "http://x"], "drop --url"),
    ],
)
def test_add_options_the_way_of_adding_would_ignore_are_refused(
    corpus_dir: Path,
    tmp_path: Path,
    args: list[str],
    says: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An option the chosen way of adding ignores (an --id for a re-capture, --select
    without --from-scan) is one line and exit 2, the corpus untouched (before, ignored
    without a word)."""
    page = tmp_path / "page.txt"
    page.write_text("Some page.\n", encoding="utf-8")
    manifest = (corpus_dir / "manifest.toml").read_bytes()
    filled = [a.format(page=page) for a in args]
    assert main([*filled, "--corpus", str(corpus_dir)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err
    assert err.startswith("provenance: add: ")  # once (it was "provenance: provenance add:")
    assert (corpus_dir / "manifest.toml").read_bytes() == manifest


def test_scan_with_jobs_and_a_scheduler_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Some page.\n", encoding="utf-8")
    args = ["scan", str(page), "--reference", str(page), "--out", str(tmp_path / "h.jsonl")]
    assert main([*args, "--jobs", "2", "--scheduler", "tcp://127.0.0.1:1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--jobs" in err


def test_report_json_of_a_file_named_outside_utf8_is_valid_utf8(tmp_path: Path) -> None:
    """A capture whose file name is not UTF-8 ("caf\\xe9.txt"): its name in the JSON
    report is escaped, and the report is valid UTF-8 JSON (the raw byte was written)."""
    text = (ROOT / "corpus" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    statement = tmp_path / "statement.txt"
    statement.write_text(text, encoding="utf-8")
    page = tmp_path / os.fsdecode(b"caf\xe9.txt")
    page.write_text(text, encoding="utf-8")
    command = ["report", "--reference", str(statement), str(page), "--format", "json"]
    run = subprocess.run(
        [sys.executable, "-m", "provenance", *command],
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.decode("utf-8"))
    assert os.fsencode(report["sources"][0]["path"]).endswith(b"caf\xe9.txt")


@pytest.mark.parametrize(
    ("name", "shown"), [("a\nb.txt", "a\\nb.txt"), ("e\x1b[31mred.txt", "e\\x1b[31mred.txt")]
)
def test_an_error_naming_a_file_is_one_line_of_plain_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, shown: str
) -> None:
    """A file name holding a line break gave a two-line error, and one holding ESC sent
    the escape sequence raw to the terminal."""
    text = (ROOT / "corpus" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    statement = tmp_path / "statement.txt"
    statement.write_text(text, encoding="utf-8")
    (tmp_path / name).write_text("", encoding="utf-8")
    assert main(["report", "--reference", str(statement), str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err == f"provenance: {tmp_path}/{shown}: empty file (0 bytes)\n"


@pytest.mark.parametrize("command", ["report", "collate", "findings"])
def test_a_capture_whose_bytes_changed_is_named_by_every_reading_command(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """A capture edited after it was recorded is still read (the report is of the bytes
    as they are), but report, collate and findings say so, one stderr line naming it:
    only `check` failed on it, and a collation of altered evidence said nothing."""
    [entry] = [e for e in load_corpus(corpus_dir).manifest.entries if e.id.startswith("003")]
    page = corpus_dir / entry.file
    page.write_bytes(page.read_bytes() + b"\nAn extra line.\n")
    assert main([command, str(corpus_dir)]) == 0
    err = capsys.readouterr().err
    assert err.count("no longer match the manifest's sha256") == 1
    assert f"{page}: its bytes no longer match" in err


def test_an_empty_manifest_is_named_empty(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus_dir / "manifest.toml").write_text("", "utf-8")
    assert main(["check", str(corpus_dir)]) == 2
    err = capsys.readouterr().err.strip()
    manifest = corpus_dir / "manifest.toml"
    assert err == f"provenance: {manifest}: empty manifest (no schema, reference or captures)"


def test_a_broken_review_line_is_located_in_the_check_output(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The review file's bad line is the problem's line and column (JSON, and the
    `path:line:col` of the text and GitHub formats), not only words in its message."""
    reviews = corpus_dir / "reviews.jsonl"
    lines = reviews.read_text("utf-8").splitlines(keepends=True)
    lines.insert(5, '{"anchor": "a-1", broken\n')
    reviews.write_text("".join(lines), "utf-8")
    assert main(["check", str(corpus_dir), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [("P500", 6, 19)]


def test_every_broken_review_line_is_a_problem_and_the_others_count(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A decision's line cut short and a line of `null`: only the first was named, and
    the summary counted no decision at all though the file holds all the others."""
    reviews = corpus_dir / "reviews.jsonl"
    lines = reviews.read_text("utf-8").splitlines(keepends=True)
    decided = len(lines) - 1
    lines[3] = lines[3][:40] + "\n"  # a decision cut short: its finding is undecided now
    lines.insert(6, "null\n")
    reviews.write_text("".join(lines), "utf-8")
    assert main(["check", str(corpus_dir), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    broken = [(p["code"], p["line"]) for p in report["problems"] if p["code"] == "P500"]
    assert broken == [("P500", 4), ("P500", 7)]
    assert report["summary"]["decided"] == decided - 1
    assert [p["code"] for p in report["problems"] if p["code"] != "P500"] == ["P501"]


@pytest.mark.parametrize(
    "bad",
    [
        '{"finding": "d-1", "source": "002", "source_sha256": "0", "verdict": "maybe"}\n',
        '["a", "list"]\n',
        '{"finding": 7, "source": "002", "source_sha256": "0", "verdict": "accepted"}\n',
    ],
)
def test_a_review_line_that_is_json_but_no_decision_is_located_too(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    """A line of valid JSON that is no decision (a verdict unknown, a list, an id not a
    string) had no line or column: the text output lost its `:line:col` and the GitHub
    annotation its `line=`."""
    reviews = corpus_dir / "reviews.jsonl"
    lines = reviews.read_text("utf-8").splitlines(keepends=True)
    lines.insert(3, bad)
    reviews.write_text("".join(lines), "utf-8")
    assert main(["check", str(corpus_dir), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [("P500", 4, 1)]


@pytest.mark.parametrize("command", [["report"], ["check"], ["collate"]])
def test_output_that_cannot_be_written_is_one_line_not_an_internal_error(
    command: list[str], tmp_path: Path
) -> None:
    """Output to a full disk (`> /dev/full`) or a closed standard output (`>&-`) was
    'internal error: OSError' / 'AttributeError ... isatty', with a traceback log."""
    for redirect in ("> /dev/full", ">&-"):
        shell = f"{sys.executable} -m provenance {' '.join(command)} {ROOT / 'corpus'} {redirect}"
        done = subprocess.run(shell, shell=True, capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 2, (redirect, done.stderr)
        assert done.stderr.count("\n") == 1 and "internal error" not in done.stderr, done.stderr


def test_max_size_limits_the_inputs_not_the_corpus_s_own_files(tmp_path: Path) -> None:
    """`--max-size 1K` refused the corpus's manifest itself ("manifest.toml: 3,750 bytes,
    over the size limit"), where the option says it is for input files: the captures are
    refused, each in its line, and the manifest and decision file are read."""
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    done = subprocess.run(
        [sys.executable, "-m", "provenance", "check", str(corpus), "--max-size", "1K"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "manifest.toml" not in done.stderr + done.stdout
    assert "over the size limit of 1,024" in done.stdout


def test_collate_names_a_capture_recorded_as_a_copy_that_holds_none(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A capture added as holding the full text in which no part of it is found was left
    out of the collation without a word (exit 0, no column, no error)."""
    page = tmp_path / "council.txt"
    page.write_text("The council met on Tuesday about the new bicycle lanes.\n", encoding="utf-8")
    code = main(
        ["add", str(page), "--corpus", str(corpus_dir), "--holds", "full", "--id", "council"]
    )
    assert code == 0
    capsys.readouterr()
    assert main(["collate", str(corpus_dir)]) == 0
    err = capsys.readouterr().err.splitlines()
    [line] = [e for e in err if "council" in e]
    assert "recorded as holding full, but no part of the reference was found in it" in line


def test_add_refuses_a_corpus_whose_reference_no_longer_matches(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in a reference whose recorded digest no longer matched, a page quoting the
    statement was recorded as holding nothing, exit 0 and no word (audit r55), where
    `report` refuses the corpus: `add` refuses it alike, and writes nothing."""
    manifest = corpus_dir / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    digest = re.search(r'sha256 = "([0-9a-f]{64})"', text[text.index("[reference]") :])
    assert digest is not None
    broken = text.replace(digest.group(1), "0" + digest.group(1)[1:])
    manifest.write_text(broken, encoding="utf-8")
    page = tmp_path / "wire.txt"
    page.write_text(
        'The two governments said that "The Parties express serious concern about the '
        'development of the situation on the Korean Peninsula and around it."\n',
        encoding="utf-8",
    )
    assert main(["add", str(page), "--corpus", str(corpus_dir)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "no longer matches its recorded sha256" in line
    assert manifest.read_text(encoding="utf-8") == broken
    assert sorted(p.name for p in corpus_dir.iterdir() if p.name.startswith("005")) == []
