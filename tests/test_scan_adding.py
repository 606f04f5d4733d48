"""`add --from-scan` when a hit's page changed after the scan: that hit is named, the
others are added (before, the whole batch stopped at exit 2 and said nothing of them)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from scan_helpers import Collection, collection

from provenance.cli import main

__all__ = ["collection"]  # the session fixture, imported for pytest


def _two_pages_scanned(
    collection: Collection, tmp_path: Path, corpus_dir: Path
) -> tuple[Path, list[str], Path]:
    """Two planted copies as first.txt and second.txt, scanned: (their directory, their
    texts, HITS.jsonl holding a hit for each)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    planted = [t for i, t in collection.docs if i in collection.planted][:2]
    for name, text in zip(("first.txt", "second.txt"), planted, strict=True):
        (pages / name).write_text(text, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    assert len(out.read_text().splitlines()) == 2
    return pages, planted, out


def test_a_hit_changed_since_the_scan_is_named_and_the_others_added(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages, planted, out = _two_pages_scanned(collection, tmp_path, corpus_dir)
    (pages / "second.txt").write_text(planted[1] + "\nEdited after the crawl.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("added ") == 1 and "first.txt" in captured.out
    [line] = captured.err.splitlines()
    assert line.startswith("provenance: hit second.txt (") and "changed since the scan" in line


def test_a_json_lines_record_moved_since_the_scan_is_named_as_moved(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line put before the hit in its .jsonl after the scan: the hit's byte now falls
    inside another line, and `add --from-scan` said "malformed JSON line", not that the
    source changed under the hit."""
    reference = (corpus_dir / "000_3bc794f6186e8434.txt").read_text(encoding="utf-8")
    lines = [{"id": "n", "text": "noise " * 40}, {"id": "a", "text": "Copied:\n\n" + reference}]
    source = tmp_path / "c.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(source), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    source.write_text('{"id": "x", "text": "y"}\n' + source.read_text(encoding="utf-8"))
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "no record there any more" in line and "changed since the scan" in line, line


def test_a_hit_whose_file_is_gone_is_named_and_the_others_added(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages, _, out = _two_pages_scanned(collection, tmp_path, corpus_dir)
    (pages / "first.txt").unlink()
    capsys.readouterr()
    code = main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out.count("added ") == 1, captured
    [line] = captured.err.splitlines()
    assert line.startswith("provenance: hit first.txt (")


def test_an_interrupted_scan_says_how_to_go_on_and_resume_finishes_it(
    collection: Collection, tmp_path: Path
) -> None:
    """Ctrl-C during a scan: exit 130 and one line saying the shards done are kept and
    --resume goes on from them (before, nothing was said); the resumed scan's hits are a
    whole scan's."""
    out = tmp_path / "hits.jsonl"
    args = [sys.executable, "-m", "provenance", "scan", str(collection.jsonl)]
    args += ["--reference", str(collection.reference), "--out", str(out)]
    args += ["--jobs", "1", "--shard-mb", "0.02"]
    child = subprocess.Popen(args, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    shards = tmp_path / "hits.jsonl.shards"
    deadline = time.monotonic() + 60
    while not list(shards.glob("0*.json")) and time.monotonic() < deadline:
        if child.poll() is not None:
            break
        time.sleep(0.02)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    if child.returncode == 0:
        pytest.skip("the scan finished before the interrupt landed")
    assert child.returncode == 130, err
    assert "--resume" in err and "Traceback" not in err, err
    resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    whole = tmp_path / "whole.jsonl"
    fresh = [*args[:-6], "--out", str(whole), "--jobs", "1", "--shard-mb", "0.02"]
    assert subprocess.run(fresh, capture_output=True, cwd=tmp_path).returncode == 0
    assert sorted(out.read_bytes().splitlines()) == sorted(whole.read_bytes().splitlines())


def test_a_page_named_on_its_own_is_scanned_and_added(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A single page file as INPUT (before: "not a directory, .jsonl ...", exit 2)."""
    text = next(t for i, t in collection.docs if i in collection.planted)
    page = tmp_path / "page.html"
    page.write_text("".join(f"<p>{p}</p>\n" for p in text.split("\n\n")), encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(page), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    [hit] = [json.loads(line) for line in out.read_text().splitlines()]
    assert hit["source"] == str(page) and hit["format"] == "html" and hit["passages"]
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 0
    assert "added " in capsys.readouterr().out
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF-1.4")
    assert main(["scan", str(other), "--corpus", str(corpus_dir), "--out", str(out)]) == 2
    assert "a page (.txt, .md, .html)" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_page_saved_as_utf16_is_found(
    collection: Collection, tmp_path: Path, corpus_dir: Path, encoding: str
) -> None:
    """A page saved as UTF-16 with its byte-order mark (Windows' "Unicode") holding a copy:
    a hit, read in UTF-16 (before, neither hit nor error: the prefilter read its bytes as
    they stand, and no n-gram of the reference is in them)."""
    text = next(t for i, t in collection.docs if i in collection.planted)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "saved.txt").write_bytes(("\ufeff" + text).encode(encoding))
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    [hit] = [json.loads(line) for line in out.read_text().splitlines()]
    # (named by its byte order: "utf-16" alone labels the little-endian form)
    order = "utf-16be" if encoding == "utf-16-be" else "utf-16le"
    assert hit["charset"] == order and hit["passages"]
    # brought in as the scan read it: its bytes, and the encoding the manifest records
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 0
    manifest = tomllib.loads((corpus_dir / "manifest.toml").read_text(encoding="utf-8"))
    [entry] = [c for c in manifest["captures"] if c.get("encoding", "").startswith("utf-16")]
    assert entry["encoding"] == order
    assert (corpus_dir / entry["file"]).read_bytes() == (pages / "saved.txt").read_bytes()


def test_a_binary_candidate_is_named_binary(
    collection: Collection, tmp_path: Path, corpus_dir: Path
) -> None:
    """A file holding the statement's words among NUL bytes is "binary", not "not valid
    UTF-8 at byte N and no charset declared"."""
    text = next(t for i, t in collection.docs if i in collection.planted)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "blob.txt").write_bytes(b"\x00\x01\x02\xff" + text.encode("utf-8"))
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 1
    [error] = [
        json.loads(line) for line in (tmp_path / "hits.errors.jsonl").read_text().splitlines()
    ]
    assert error["problem"] == "binary, not text (a NUL byte at byte 0)"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda hit: hit.update(passages="full"), "passages is not a list of passages"),
        (lambda hit: hit.update(passages=[{}]), "passages is not a list of passages"),
        (lambda hit: hit.update(quotations="none"), "quotations has no counts by verdict"),
        (lambda hit: hit.update(source=5), "no source string"),
        (lambda hit: hit.update(url=5), "url is not a string"),
        (lambda hit: hit.update(date=[2017]), "date is not a string"),
    ],
)
def test_a_damaged_hit_stops_the_batch_before_anything_is_added(
    collection: Collection,
    tmp_path: Path,
    corpus_dir: Path,
    capsys: pytest.CaptureFixture[str],
    change: object,
    problem: str,
) -> None:
    """Every line is checked before the first hit is added: a damaged second line is one
    line naming it, exit 2, and the corpus as it was (before, the first hit was added and
    the second was an internal error; a number for the url went into the manifest)."""
    _, _, out = _two_pages_scanned(collection, tmp_path, corpus_dir)
    first, second = out.read_text(encoding="utf-8").splitlines()
    hit = json.loads(second)
    change(hit)  # type: ignore[operator]
    out.write_text(first + "\n" + json.dumps(hit) + "\n", encoding="utf-8")
    manifest = (corpus_dir / "manifest.toml").read_bytes()
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert f"line 2 is not a scan hit ({problem})" in line
    assert (corpus_dir / "manifest.toml").read_bytes() == manifest


def test_a_hits_file_with_a_byte_order_mark_and_blank_lines_is_read(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, out = _two_pages_scanned(collection, tmp_path, corpus_dir)
    first, second = out.read_text(encoding="utf-8").splitlines()
    out.write_text("\ufeff" + first + "\n\n" + second + "\n\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 0
    assert capsys.readouterr().out.count("added ") == 2


def test_a_page_whose_name_is_not_utf8_is_added_its_name_escaped(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name in Latin-1 (bytes that are no UTF-8): the scan keeps it, and add writes
    it escaped in the manifest's note and its own line (before: an internal error)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    planted = next(t for i, t in collection.docs if i in collection.planted)
    name = b"r\xe9sum\xe9.txt"
    (pages / os.fsdecode(name)).write_text(planted, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 0
    said = capsys.readouterr().out
    assert "r\\xe9sum\\xe9.txt" in said
    assert "r\\\\xe9sum\\\\xe9.txt" in (corpus_dir / "manifest.toml").read_text(encoding="utf-8")


def test_a_symbolic_link_loop_given_to_scan_is_one_line(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    args = ["scan", str(tmp_path / "a.txt"), "--corpus", str(corpus_dir)]
    assert main([*args, "--out", str(tmp_path / "hits.jsonl")]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.endswith("a.txt: Too many levels of symbolic links (a link loop)")
