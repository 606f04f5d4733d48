"""provenance scan's inputs: what a JSON line, a page or a directory that cannot be read
becomes (one errors-file entry naming it, the scan going on), and inputs named twice."""

from __future__ import annotations

import gzip
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scan_helpers import errors as _errors
from scan_helpers import lines as _lines
from scan_helpers import scan_cli as _scan

from provenance.load import load
from provenance.scan.collection import http_response, write_record
from provenance.scan.records import Shard
from provenance.scan.shard import ScanConfig, scan_shard

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "cases" / "quotes" / "reference.txt"
COPY = REFERENCE.read_text(encoding="utf-8")
"""A full copy of the reference: every input below that is read holds a hit."""


def test_a_malformed_json_line_says_where_in_the_line_not_on_a_line_after_it(
    tmp_path: Path,
) -> None:
    """A one-line record missing its closing brace was "Expecting ',' delimiter: line 2
    column 1 (char 150)": json counted the line's own newline as a second line."""
    good = json.dumps({"id": "good", "text": COPY})
    lines = [
        '{"id": "open", "text": "never closed"',  # ends where a ',' or '}' should come
        '{"id": "é" "text": "x"}',  # a ',' missing after a two-byte character
        good,
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    assert [(e["offset"], e["problem"]) for e in _errors(out)] == [
        (0, "malformed JSON line: Expecting ',' delimiter at the end of the line (byte 37)"),
        (len(lines[0]) + 1, "malformed JSON line: Expecting ',' delimiter at byte 12 of the line"),
    ]
    assert [hit["id"] for hit in _lines(out)] == ["good"]


def test_a_json_number_is_an_id_and_an_id_of_another_type_or_empty_is_named_so(
    tmp_path: Path,
) -> None:
    """`"id": 7.5` was "no 'id' field (a string or number)" though it is a number, `true`
    or an object said the field was missing, and `""` gave a hit with no id. Each line
    holds a copy of the reference (a candidate, parsed) or noise (turned away by the
    prefilter unparsed, only checked): both must say the same."""
    noise = "Weather today: rain, then sun over the hills."
    ids: list[object] = [7.5, 1e3, -0.25, True, None, {"n": 1}, [1], "", " \t", "\u3000"]
    lines = [json.dumps({"id": ident, "text": text}) for ident in ids for text in (COPY, noise)]
    lines[1] = lines[1].replace("1000.0", "1e3")  # a number keeps its JSON text
    lines[2] = lines[2].replace("1000.0", "1e3")
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out) == 1
    assert [hit["id"] for hit in _lines(out)] == ["7.5", "1e3", "-0.25"]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line.encode()) + 1)
    wrong = ["true", "null", "an object", "an array"]
    expected = [f"the 'id' field is {kind}, not a string or number" for kind in wrong]
    expected += ["the 'id' field is empty"] * 3
    assert [(e["offset"], e["problem"]) for e in _errors(out)] == [
        (starts[n], problem)
        for n, problem in zip(
            range(6, 20), [p for p in expected for _ in (COPY, noise)], strict=True
        )
    ]


@pytest.mark.parametrize(
    ("option", "name", "says"),
    [
        ("--text-field", "body", "'body' or 'html'"),
        ("--id-field", "doc_id", "'doc_id'"),
    ],
)
@pytest.mark.parametrize("gz", [False, True], ids=["jsonl", "jsonl.gz"])
def test_a_field_no_object_has_is_refused_before_the_scan(
    tmp_path: Path, capsys: Any, option: str, name: str, says: str, gz: bool
) -> None:
    """A misspelt field name made every document an error entry (exit 1), and with
    --allow-errors a scan of nothing exit 0. A field that none of the file's first
    objects has is a usage error: one line naming the file and the fields it does have."""
    data = "".join(json.dumps({"id": f"a{n}", "text": COPY}) + "\n" for n in range(3))
    path = tmp_path / ("c.jsonl.gz" if gz else "c.jsonl")
    path.write_bytes(gzip.compress(data.encode()) if gz else data.encode())
    out = tmp_path / "hits.jsonl"
    assert _scan([path], out, option, name, "--allow-errors") == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"provenance scan: {path}: ") and says in line, line
    assert "(theirs: id, text)" in line
    assert not out.exists()


def test_an_empty_field_name_is_refused(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": COPY}) + "\n", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    for option in ("--id-field", "--text-field", "--html-field", "--url-field", "--date-field"):
        try:
            code = _scan([path], out, option, "")
        except SystemExit as exit:
            code = exit.code
        assert code == 2
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith(f"provenance scan: argument {option}: ") and "empty" in line
    assert not out.exists()


def test_a_page_that_cannot_be_read_is_an_error_with_the_id_a_hit_would_have(
    tmp_path: Path,
) -> None:
    """A broken link, a link loop (cannot be read) and a FIFO under a directory: their
    error entries had an empty id; a hit names a page by its path under the input."""
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "sub" / "copy.txt").write_text(COPY, encoding="utf-8")
    (pages / "sub" / "broken.txt").symlink_to(tmp_path / "nothing.txt")
    (pages / "sub" / "loop.html").symlink_to(pages / "sub" / "loop.html")
    os.mkfifo(pages / "sub" / "pipe.md")
    out = tmp_path / "hits.jsonl"
    assert _scan([pages], out) == 1
    assert [hit["id"] for hit in _lines(out)] == ["sub/copy.txt"]
    assert [(e["id"], Path(e["source"]).relative_to(pages).as_posix()) for e in _errors(out)] == [
        ("sub/broken.txt", "sub/broken.txt"),
        ("sub/loop.html", "sub/loop.html"),
        ("sub/pipe.md", "sub/pipe.md"),
    ]


@pytest.fixture
def unprivileged() -> Iterator[tuple[Path, list[str]]]:
    """A directory anyone may write, and the command prefix that runs a process as a user
    who is refused what mode 000 refuses: none for a user who is not root; as root
    (which reads any file), `setpriv` to the user nobody. Skipped when neither works."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        try:
            nobody = pwd.getpwnam("nobody")
        except KeyError:
            pytest.skip("no user 'nobody' to run the scan as")
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: mode 000 cannot be made to refuse")
        prefix = ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}"]
        prefix.append("--clear-groups")
    home = Path(tempfile.mkdtemp(prefix="scan-unprivileged-"))
    home.chmod(0o777)
    try:
        yield home, prefix
    finally:
        for path in [home, *home.rglob("*")]:  # back to readable, so that it can be removed
            if not path.is_symlink():
                path.chmod(0o777)
        shutil.rmtree(home)


def _scan_as(run: tuple[Path, list[str]], inputs: list[str], *extra: str) -> str:
    """Scan `inputs` (under the directory `run` names) as its user; stderr, exit code 1."""
    home, prefix = run
    env = {**os.environ, "HOME": str(home), "PROVENANCE_CACHE": str(home / "cache")}
    command = [*prefix, sys.executable, "-m", "provenance", "scan", *inputs]
    command += ["--reference", str(REFERENCE), "--out", "out/hits.jsonl", "--jobs", "1", *extra]
    done = subprocess.run(command, cwd=home, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    return done.stderr


def _write_collections(directory: Path) -> list[str]:
    """A .jsonl, .jsonl.gz, .warc and .warc.gz each holding a copy; their names."""
    line = (json.dumps({"id": "copy", "text": COPY}) + "\n").encode()
    (directory / "a.jsonl").write_bytes(line)
    (directory / "b.jsonl.gz").write_bytes(gzip.compress(line))
    body = http_response(COPY.encode())
    kind = "application/http; msgtype=response"
    for name in ("c.warc", "d.warc.gz"):
        with (directory / name).open("wb") as stream:
            gz = name.endswith(".gz")
            write_record(stream, "response", "https://example.org/copy", body, kind, "copy", gz=gz)
    return ["a.jsonl", "b.jsonl.gz", "c.warc", "d.warc.gz"]


@pytest.mark.parametrize("shard_mb", ["4", "0.001"], ids=["read", "planned"])
def test_an_input_file_that_cannot_be_read_is_an_error_entry_and_the_rest_is_scanned(
    unprivileged: tuple[Path, list[str]], shard_mb: str
) -> None:
    """A .jsonl, .jsonl.gz, .warc or .warc.gz the user may not read stopped the whole scan
    with "internal error: PermissionError", exit 2, no output: while reading it, or while
    planning it (cut into shards smaller than it). Each is now one errors-file entry, named
    on the command line or found under a directory, and the readable inputs are scanned."""
    home, _ = unprivileged
    (home / "out").mkdir()
    (home / "out").chmod(0o777)
    for directory in ("in", "named"):
        (home / directory).mkdir()
        names = _write_collections(home / directory)
        for name in names:
            (home / directory / name).chmod(0o000)
    _write_collections(home)  # the same, readable
    named = [f"named/{name}" for name in names]
    _scan_as(unprivileged, ["in", *named, *names], "--shard-mb", shard_mb)
    problems = [(e["source"], e["problem"]) for e in _errors(home / "out" / "hits.jsonl")]
    unreadable = sorted(str(home / d / name) for d in ("in", "named") for name in names)
    assert problems == [(path, "cannot read: Permission denied") for path in unreadable]
    hits = {(hit["source"], hit["offset_in"]) for hit in _lines(home / "out" / "hits.jsonl")}
    assert hits == {
        (str(home / name), "decompressed" if name == "b.jsonl.gz" else "file") for name in names
    }


@pytest.mark.parametrize("kind", ["jsonl", "jsonl.gz", "warc"])
def test_an_input_that_cannot_be_read_once_planned_is_its_shard_s_error(
    tmp_path: Path, kind: str
) -> None:
    """The reading of a shard whose file the system refuses (here: a directory where the
    plan had a file) is that input's error entry, not the worker's end."""
    config = ScanConfig(load(REFERENCE))
    gone = tmp_path / f"crawl.{kind}"
    gone.mkdir()
    result = scan_shard(config, Shard(kind, str(gone)), 0)
    assert [(e["source"], e["problem"]) for e in result.errors] == [
        (str(gone), "cannot read: Is a directory")
    ]


def test_a_directory_that_cannot_be_read_is_an_error_entry_naming_it(
    unprivileged: tuple[Path, list[str]],
) -> None:
    """A subdirectory of an input the user may not read was passed over without a word
    (its pages missed, exit 0); so was an input directory itself. Each is now an entry
    naming the directory; what can be read is scanned. A file named inside a directory
    the user may not enter is an entry too, not "no such file or directory", exit 2."""
    home, _ = unprivileged
    (home / "out").mkdir()
    (home / "out").chmod(0o777)
    for directory in ("in/locked/deeper", "in/open", "shut", "closed"):
        (home / directory).mkdir(parents=True)
    for page in ("in/open/copy.txt", "in/locked/copy.txt", "in/locked/deeper/copy.txt"):
        (home / page).write_text(COPY, encoding="utf-8")
    (home / "closed" / "copy.txt").write_text(COPY, encoding="utf-8")
    (home / "in" / "locked").chmod(0o000)
    (home / "shut").chmod(0o000)
    (home / "closed").chmod(0o000)
    err = _scan_as(unprivileged, ["in", "shut", "closed/copy.txt"])
    assert "3 documents could not be read" in err, err
    problems = [(e["source"], e["problem"]) for e in _errors(home / "out" / "hits.jsonl")]
    assert problems == [
        (str(home / "closed" / "copy.txt"), "cannot read: Permission denied"),
        (str(home / "in" / "locked"), "cannot read the directory: Permission denied"),
        (str(home / "shut"), "cannot read the directory: Permission denied"),
    ]
    assert [hit["id"] for hit in _lines(home / "out" / "hits.jsonl")] == ["open/copy.txt"]


@pytest.mark.parametrize(
    ("given", "left_out"),
    [
        (["coll", "coll"], ["coll"]),
        (["coll/pages", "coll"], ["coll/pages"]),
        (
            ["coll", "coll/pages/a.txt", "coll/docs.jsonl", "coll/pages"],
            ["coll/pages/a.txt", "coll/docs.jsonl", "coll/pages"],
        ),
        (["link", "coll/pages/../docs.jsonl", "coll"], ["coll/pages/../docs.jsonl", "coll"]),
    ],
    ids=["twice", "inner-first", "inner-after", "through-links"],
)
def test_inputs_named_twice_or_inside_another_are_scanned_once_with_the_outer_ids(
    tmp_path: Path,
    given: list[str],
    left_out: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    """`scan coll coll` or `scan coll coll/pages` reported each document twice, under two
    ids ("pages/a.txt" and "a.txt"). An input another input covers (the same real path,
    or one under an input directory) is left out, said on stderr; ids are the outer's."""
    coll = tmp_path / "coll"
    (coll / "pages").mkdir(parents=True)
    (coll / "pages" / "a.txt").write_text(COPY, encoding="utf-8")
    (coll / "docs.jsonl").write_text(json.dumps({"id": "d", "text": COPY}) + "\n", "utf-8")
    (tmp_path / "link").symlink_to(coll)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "hits.jsonl"
    assert _scan([Path(name) for name in given], out) == 0
    assert sorted(hit["id"] for hit in _lines(out)) == ["d", "pages/a.txt"]
    err = capsys.readouterr().err
    assert "scanned 2 documents" in err
    said = [line for line in err.splitlines() if line.startswith("provenance scan: ")]
    assert [line.split(": ")[1] for line in said] == [str(tmp_path / name) for name in left_out]


def test_a_link_under_a_directory_to_a_file_read_there_is_scanned_once(
    tmp_path: Path, capsys: Any
) -> None:
    """A page, and a link to it beside it (a mirror's "latest.txt"), or two links to one
    page outside: one hit each, under the file's own name or the first link's. Each
    link was scanned as a document of its own, a second hit for the same bytes."""
    coll, outside = tmp_path / "coll", tmp_path / "elsewhere.txt"
    (coll / "sub").mkdir(parents=True)
    (coll / "sub" / "page.txt").write_text(COPY, encoding="utf-8")
    (coll / "latest.txt").symlink_to(coll / "sub" / "page.txt")
    outside.write_text(COPY, encoding="utf-8")
    (coll / "a.txt").symlink_to(outside)
    (coll / "b.txt").symlink_to(outside)
    out = tmp_path / "hits.jsonl"
    assert _scan([coll], out) == 0
    assert sorted(hit["id"] for hit in _lines(out)) == ["a.txt", "sub/page.txt"]
    said = [line for line in capsys.readouterr().err.splitlines() if "scanned once" in line]
    assert [line.split(": ")[1] for line in said] == [str(coll / "b.txt"), str(coll / "latest.txt")]


def test_subtitle_files_under_a_directory_are_pages(tmp_path: Path) -> None:
    """A broadcaster's `.srt` and `.vtt` files are read as pages (they were passed over as
    files of kinds scan does not read), without their cue numbers and timings."""
    words = COPY.split()
    cues = [" ".join(words[at : at + 6]) for at in range(0, len(words), 6)]
    timing = "00:00:{0:02},000 --> 00:00:{0:02},900"
    srt = "\n\n".join(f"{n}\n{timing.format(n % 60)}\n{cue}" for n, cue in enumerate(cues, 1))
    vtt = "WEBVTT\n\n" + "\n\n".join(
        f"{timing.format(n % 60).replace(',', '.')}\n{cue}" for n, cue in enumerate(cues, 1)
    )
    (tmp_path / "tv").mkdir()
    (tmp_path / "tv" / "news.srt").write_text(srt + "\n", encoding="utf-8")
    (tmp_path / "tv" / "news.vtt").write_text(vtt + "\n", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert _scan([tmp_path / "tv"], out) == 0
    hits = {hit["id"]: hit for hit in _lines(out)}
    assert sorted(hits) == ["news.srt", "news.vtt"]
    assert all([p["kind"] for p in hit["passages"]] == ["full"] for hit in hits.values())


def test_a_lone_surrogate_in_an_id_or_a_file_name_is_written_escaped(tmp_path: Path) -> None:
    """A JSON line's id holding a lone surrogate ("\\udce9", legal JSON), or a page whose
    file name is not UTF-8: the hit is written with the character escaped, as valid UTF-8
    JSON that reads back to the same string. The merge of the shards failed ("surrogates
    not allowed"), writing no hit at all, and every --resume failed the same way."""
    odd = "bad" + chr(0xDCE9)
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": odd, "text": COPY}) + "\n", encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / os.fsdecode(b"caf\xe9.txt")).write_text(COPY, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert _scan([path, pages], out) == 0
    raw = out.read_bytes()
    raw.decode("utf-8")  # valid UTF-8
    assert b"\\udce9" in raw
    hits = _lines(out)
    assert odd in {hit["id"] for hit in hits}
    assert any(os.fsencode(hit["source"]).endswith(b"caf\xe9.txt") for hit in hits)


@pytest.mark.parametrize("name", ["p.jsonl", "p.jsonl.gz", "p.txt", "p.warc.gz"])
def test_a_fifo_named_as_an_input_is_refused_at_once(tmp_path: Path, name: str) -> None:
    """A FIFO named like a collection was opened (to read its field names) and waited on
    for ever; one named like a page was "no such file or directory"."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "provenance", "scan", str(fifo)]
    command += ["--reference", str(REFERENCE), "--out", str(tmp_path / "hits.jsonl")]
    run = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 2
    assert (
        run.stderr.strip()
        == f"provenance: {fifo}: is a FIFO (named pipe), not a regular file or a directory"
    )


def test_a_fifo_named_as_a_collection_in_a_directory_is_an_error_entry(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    os.mkfifo(pages / "q.jsonl")
    out = tmp_path / "hits.jsonl"
    command = [sys.executable, "-m", "provenance", "scan", str(pages)]
    command += ["--reference", str(REFERENCE), "--out", str(out)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1, run.stderr
    [entry] = _errors(out)
    assert entry["problem"] == "is a FIFO (named pipe), not a regular file"
