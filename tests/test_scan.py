"""provenance scan: every input format, resume, bad input, and hits brought into the corpus."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import python_output
from hypothesis import given
from hypothesis import strategies as st
from scan_helpers import Collection, collection, errors, hit_ids

from provenance.analyse import Analyser, SourceResult
from provenance.check.gate import check
from provenance.cli import main
from provenance.corpus import read_manifest
from provenance.load import load
from provenance.model import Document
from provenance.scan import run as run_module
from provenance.scan.collection import (
    http_response,
    page,
    write_directory,
    write_jsonl,
    write_record,
    write_warc,
)
from provenance.scan.inputs import Fields
from provenance.scan.prefilter import Prefilter, _expressions
from provenance.scan.records import Record
from provenance.scan.run import scan, shards_dir
from provenance.scan.shard import ScanConfig, ShardResult

__all__ = ["collection"]  # the session fixture, imported for pytest


def _write(collection: Collection, fmt: str, target: Path) -> Path:
    docs = collection.docs
    if fmt == "directory":
        write_directory(docs, target / "pages")
        return target / "pages"
    names = {"jsonl": "c.jsonl", "jsonl.gz": "c.jsonl.gz", "warc": "c.warc.gz"}
    path = target / names.get(fmt, "c.warc.wet.gz")
    if fmt.startswith("jsonl"):
        write_jsonl(docs, path)
    else:
        write_warc(docs, path, wet=fmt == "wet")
    return path


@pytest.mark.parametrize("fmt", ["directory", "jsonl", "jsonl.gz", "warc", "wet"])
def test_scan_finds_exactly_the_planted_documents(
    collection: Collection, tmp_path: Path, fmt: str
) -> None:
    inputs = _write(collection, fmt, tmp_path)
    out = tmp_path / "hits.jsonl"
    code = main(["scan", str(inputs), "--reference", str(collection.reference),
                 "--out", str(out), "--jobs", "1"])  # fmt: skip
    assert code == 0
    assert hit_ids(out) == collection.planted
    assert errors(out) == []
    hits = [json.loads(line) for line in out.read_text().splitlines()]
    for hit in hits:
        assert hit["passages"] or hit["quotations"]["by_verdict"]
        assert hit["divergences"]["total"] == sum(hit["divergences"]["by_kind"].values())
    # every kind of plant was in the collection and every one was found
    assert {collection.kinds[i] for i in hit_ids(out)} >= {"full_exact", "sentence_inline"}


def test_hits_point_at_their_records(collection: Collection, tmp_path: Path) -> None:
    path = tmp_path / "c.warc"
    offsets = write_warc(collection.docs, path)
    out = tmp_path / "hits.jsonl"
    reference = load(collection.reference)
    scan([path], ScanConfig(reference), out, jobs=1)
    hits = [json.loads(line) for line in out.read_text().splitlines()]
    texts = dict(collection.docs)
    for hit in hits:
        ident = hit["url"].rsplit("/", 1)[-1]
        assert hit["offset"] == offsets[ident]
        assert hit["sha256"] == hashlib.sha256(page(texts[ident]).encode()).hexdigest()
        assert hit["format"] == "html"
        assert hit["date"] == "2024-01-01T00:00:00Z"


def test_two_jobs_and_many_shards_give_the_same_bytes(
    collection: Collection, tmp_path: Path
) -> None:
    config = ScanConfig(load(collection.reference))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    scan([collection.jsonl], config, one, jobs=1)
    summary = scan([collection.jsonl], config, two, jobs=2, shard_bytes=40_000)
    assert summary.shards > 4
    assert summary.documents == len(collection.docs)
    assert two.read_bytes() == one.read_bytes()


def test_the_merge_reads_one_shard_at_a_time_and_sorts_as_a_whole_sort_would(
    collection: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inputs named in any order give the same HITS.jsonl; shards whose hits run in
    disjoint stretches of the order are streamed one after another (each file read once,
    in order), and shards whose hits interleave are sorted together: the same bytes."""
    config = ScanConfig(load(collection.reference))
    docs = sorted(collection.docs)
    half = len(docs) // 2
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl(docs[:half], first)
    write_jsonl(docs[half:], second)
    forward, backward = tmp_path / "forward.jsonl", tmp_path / "backward.jsonl"
    reads: list[int] = []
    real_read = run_module._read_shard

    def counted(directory: Path, index: int) -> dict[str, Any]:
        reads.append(index)
        return real_read(directory, index)

    monkeypatch.setattr(run_module, "_read_shard", counted)
    summary = scan([first, second], config, forward, jobs=1, shard_bytes=60_000)
    assert summary.shards > 2 and 2 <= len(reads) == len(set(reads))  # each file read once
    reads.clear()
    scan([second, first], config, backward, jobs=1, shard_bytes=60_000)
    assert backward.read_bytes() == forward.read_bytes()
    # b.jsonl's shards come first in this plan, a.jsonl's hits first in the merge order:
    # streamed in that order (a whole sort would read the files in plan order).
    assert reads[0] > reads[-1]
    assert hit_ids(forward) == collection.planted
    # Two shards whose hits interleave: the whole sort, never a wrong order.
    lines = [json.loads(line) for line in forward.read_text().splitlines()]
    directory = tmp_path / "shards"
    directory.mkdir()
    for index, part in enumerate((lines[0::2], lines[1::2])):
        result = ShardResult(index, tuple(part), (), len(part), 0, len(part), 0.0)
        run_module._shard_file(directory, index).write_text(json.dumps(result.json()))
    landed = [
        run_module._Landed.of(ShardResult.from_json(run_module._read_shard(directory, i)))
        for i in (0, 1)
    ]
    assert b"".join(run_module._merged(directory, landed, "hits")) == forward.read_bytes()


def test_a_warc_is_split_at_its_records(collection: Collection, tmp_path: Path) -> None:
    config = ScanConfig(load(collection.reference))
    members = tmp_path / "members.warc.gz"
    write_warc(collection.docs, members)
    whole = tmp_path / "whole.warc.gz"  # compressed as one gzip stream: cannot be entered
    whole.write_bytes(gzip.compress(gzip.decompress(members.read_bytes())))
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    assert scan([members], config, one, jobs=1).shards == 1
    split = scan([members], config, many, jobs=2, shard_bytes=30_000)
    assert split.shards > 3
    assert split.documents == len(collection.docs)
    assert many.read_bytes() == one.read_bytes()
    assert scan([whole], config, tmp_path / "whole.jsonl", shard_bytes=30_000).shards == 1
    plain = tmp_path / "plain.warc"
    plain.write_bytes(gzip.decompress(members.read_bytes()))
    split = scan([plain], config, tmp_path / "plain.jsonl", jobs=1, shard_bytes=30_000)
    assert split.shards > 3
    assert hit_ids(tmp_path / "plain.jsonl") == hit_ids(one) == collection.planted


def test_an_output_over_or_inside_an_input_is_refused_and_the_input_kept(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--out` naming the collection itself, or a file inside an input directory, would
    write the hits over the collection or into the next scan's input: refused in one line
    before any work, the collection byte for byte as it was (before, it was overwritten)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("nothing here\n", encoding="utf-8")
    collection_file = tmp_path / "docs.jsonl"
    collection_file.write_bytes(collection.jsonl.read_bytes())
    before = collection_file.read_bytes()
    reference = ["--reference", str(collection.reference)]
    for inputs, out in (
        ([collection_file], collection_file),
        ([pages], pages / "hits.jsonl"),
    ):
        assert main(["scan", *map(str, inputs), *reference, "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "input" in err
    assert collection_file.read_bytes() == before
    assert sorted(p.name for p in pages.iterdir()) == ["a.txt"]
    file_as_directory = collection_file / "hits.jsonl"
    assert main(["scan", str(pages), *reference, "--out", str(file_as_directory)]) == 2
    assert "is a file, not a directory" in capsys.readouterr().err


def test_resume_over_a_damaged_plan_names_it(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hits.jsonl"
    args = ["scan", str(collection.jsonl), "--reference", str(collection.reference)]
    assert main([*args, "--out", str(out), "--jobs", "1"]) == 0
    capsys.readouterr()
    (shards_dir(out) / "plan.json").write_text("{", encoding="utf-8")
    assert main([*args, "--out", str(out), "--jobs", "1", "--resume"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "plan.json" in err and "start over" in err


def test_resume_skips_finished_shards(collection: Collection, tmp_path: Path) -> None:
    config = ScanConfig(load(collection.reference))
    out = tmp_path / "hits.jsonl"
    first = scan([collection.jsonl], config, out, jobs=1, shard_bytes=60_000)
    expected = out.read_bytes()
    parts = sorted(shards_dir(out).glob("[0-9]*.json"))
    assert len(parts) == first.shards > 2
    # an interrupted scan: one shard never finished, the merged output never written
    parts[1].unlink()
    out.unlink()
    kept = {p: p.stat().st_mtime_ns for p in parts if p != parts[1]}
    again = scan([collection.jsonl], config, out, jobs=1, shard_bytes=60_000, resume=True)
    assert again.resumed == first.shards - 1
    assert out.read_bytes() == expected
    assert all(p.stat().st_mtime_ns == t for p, t in kept.items())
    assert again.documents == first.documents
    # resumed once more, nothing is left: the summary says so, not a rate "on 1 worker"
    done = scan([collection.jsonl], config, out, jobs=2, shard_bytes=60_000, resume=True)
    assert done.resumed == done.shards and out.read_bytes() == expected
    assert done.line().endswith(f"all {done.shards} shards resumed, none left to scan")
    # the same shards directory under other options is refused, not mixed, and what
    # differs is named (it was always "inputs, reference or options")
    with pytest.raises(
        ValueError, match=r"different scan \(not the same: the inputs or --shard-mb\)"
    ):
        scan([collection.jsonl], config, out, jobs=1, shard_bytes=90_000, resume=True)
    other = ScanConfig(config.reference, min_grams=config.min_grams + 1)
    with pytest.raises(ValueError, match=r"different scan \(not the same: --min-grams\)"):
        scan([collection.jsonl], other, out, jobs=1, shard_bytes=60_000, resume=True)


def test_resume_after_an_input_changed_in_place_is_refused(
    collection: Collection, tmp_path: Path
) -> None:
    """An input edited in place at the same size (a page corrected, one letter for
    another) was resumed from shards holding what it no longer does: a stale hit."""
    crawl = tmp_path / "c.jsonl"
    crawl.write_bytes(collection.jsonl.read_bytes())
    config = ScanConfig(load(collection.reference))
    out = tmp_path / "hits.jsonl"
    scan([crawl], config, out, jobs=1, shard_bytes=60_000)
    (next(iter(sorted(shards_dir(out).glob("[0-9]*.json"))))).unlink()
    data = bytearray(crawl.read_bytes())
    at = data.index(b"Parties")
    data[at : at + 7] = b"Partiez"
    crawl.write_bytes(bytes(data))
    os.utime(crawl, ns=(1, 1))  # another time, whatever the clock's resolution
    with pytest.raises(ValueError, match=r"cannot resume: .*c\.jsonl changed since the scan"):
        scan([crawl], config, out, jobs=1, shard_bytes=60_000, resume=True)
    # grown, it is shard otherwise too: still the input named, not "a different scan"
    # (audit c4)
    crawl.write_bytes(bytes(data) + collection.jsonl.read_bytes()[:200_000])
    with pytest.raises(ValueError, match=r"cannot resume: .*c\.jsonl changed since the scan"):
        scan([crawl], config, out, jobs=1, shard_bytes=60_000, resume=True)


def test_bad_input_is_listed_and_the_scan_goes_on(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = collection.reference.read_text(encoding="utf-8")
    copy = "Reprinted in full:\n\n" + reference
    # JSON Lines with a malformed line between two good ones
    lines = tmp_path / "a.jsonl"
    good = json.dumps({"id": "good", "text": copy})
    lines.write_text(
        good + '\n{"id": "broken", "text": "unterminated\n' + good.replace("good", "good2") + "\n"
    )
    # a gzip member cut short
    whole = gzip.compress((json.dumps({"id": "cut", "text": copy}) + "\n").encode() * 2)
    cut = gzip.compress(b'{"id": "lost", "text": "never read"}\n')[:12]
    (tmp_path / "b.jsonl.gz").write_bytes(whole + cut)
    # WARC: a response that is not HTTP, a Windows-1252 page that says so, one that does not
    latin = page(copy.replace("neighbours", "neighbours café")).encode("cp1252")
    latin_plain = latin.replace(b'<meta charset="utf-8">', b"")
    with (tmp_path / "c.warc").open("wb") as stream:
        write_record(stream, "response", "https://example.org/ftp", b"not an http message",
                     "application/octet-stream", "ftp", gz=False)  # fmt: skip
        write_record(stream, "response", "https://example.org/latin",
                     http_response(latin, "text/html; charset=windows-1252"),
                     "application/http; msgtype=response", "latin", gz=False)  # fmt: skip
        write_record(stream, "response", "https://example.org/undeclared",
                     http_response(latin_plain, "text/html"),
                     "application/http; msgtype=response", "undeclared", gz=False)  # fmt: skip
    out = tmp_path / "hits.jsonl"
    inputs = [str(tmp_path / n) for n in ("a.jsonl", "b.jsonl.gz", "c.warc")]
    code = main(["scan", *inputs, "--reference", str(collection.reference), "--out", str(out)])
    assert code == 1
    assert "4 documents could not be read" in capsys.readouterr().err
    found = errors(out)
    problems = {(Path(e["source"]).name, e["problem"]) for e in found}  # type: ignore[arg-type]
    bad = _first_bad(latin_plain)
    assert {(name, problem.split(":")[0]) for name, problem in problems} == {
        ("a.jsonl", "malformed JSON line"),
        ("b.jsonl.gz", "truncated or corrupt compressed data"),
        ("c.warc", "a response record that is not HTTP (Content-Type 'application/octet-stream')"),
        ("c.warc", f"not valid UTF-8 at byte {bad} and no charset declared"),
    }
    broken = next(e for e in found if e["problem"].startswith("malformed"))  # type: ignore[union-attr]
    assert broken["offset"] == len(good) + 1
    hits = [json.loads(line) for line in out.read_text().splitlines()]
    assert {h["id"] for h in hits if h["source"].endswith("a.jsonl")} == {"good", "good2"}
    assert sum(h["id"] == "cut" for h in hits) == 2  # the lines of the whole member
    latin_hit = next(h for h in hits if h["url"].endswith("/latin"))
    assert latin_hit["charset"] == "windows-1252"
    assert main(["scan", *inputs, "--reference", str(collection.reference), "--out", str(out),
                 "--allow-errors"]) == 0  # fmt: skip


def test_an_input_that_cannot_be_scanned_is_one_line_and_exit_2(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hits.jsonl"
    for name in ("missing.jsonl", "notes.pdf"):
        if name.endswith(".pdf"):
            (tmp_path / name).write_bytes(b"%PDF-1.4")
        args = ["scan", str(tmp_path / name), "--reference", str(collection.reference)]
        assert main([*args, "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert name in err
    assert not out.exists()


def test_an_empty_compressed_input_is_an_error_and_an_empty_plain_one_holds_nothing(
    collection: Collection, tmp_path: Path
) -> None:
    """gzip(1) calls a 0-byte .gz cut short; Python's gzip reads it as no data, which
    would pass a failed download off as an empty collection."""
    for name in ("crawl.jsonl.gz", "crawl.warc.gz", "crawl.jsonl", "crawl.warc"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "pages").mkdir()
    out = tmp_path / "hits.jsonl"
    reference = ["--reference", str(collection.reference), "--out", str(out)]
    names = ("crawl.jsonl.gz", "crawl.warc.gz", "crawl.jsonl", "crawl.warc", "pages")
    assert main(["scan", *(str(tmp_path / n) for n in names), *reference]) == 1
    assert {(Path(str(e["source"])).name, e["offset"]) for e in errors(out)} == {
        ("crawl.jsonl.gz", 0),
        ("crawl.warc.gz", 0),
    }
    assert all(str(e["problem"]).startswith("empty file") for e in errors(out))
    assert main(["scan", *(str(tmp_path / n) for n in names[2:]), *reference]) == 0
    assert out.read_text() == ""


def _first_bad(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return str(error.start)
    return "none"


def test_add_from_scan_reads_json_lines_by_the_scan_s_field_names(
    collection: Collection, tmp_path: Path, corpus_dir: Path
) -> None:
    lines = tmp_path / "c.jsonl"
    objs = ({"key": i, "body": t, "link": f"https://example.org/{i}"} for i, t in collection.docs)
    lines.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    args = ["scan", str(lines), "--reference", str(collection.reference), "--out", str(out)]
    assert main([*args, "--id-field", "key", "--text-field", "body", "--url-field", "link"]) == 0
    assert hit_ids(out) == collection.planted
    hit = json.loads(out.read_text().splitlines()[0])
    assert (
        main(["add", "--from-scan", str(out), "--select", hit["id"], "--corpus", str(corpus_dir)])
        == 0
    )
    entry = tomllib.loads((corpus_dir / "manifest.toml").read_text(encoding="utf-8"))["captures"][
        -1
    ]
    assert (corpus_dir / entry["file"]).read_bytes() == dict(collection.docs)[hit["id"]].encode()
    assert entry["url"] == hit["url"] == f"https://example.org/{hit['id']}"


def test_chosen_hits_copied_elsewhere_are_added_from_any_directory(
    collection: Collection,
    tmp_path: Path,
    corpus_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The usual way of choosing hits: grep them into a file of their own, somewhere else,
    and clean up the scan's shards. The hits named their source as typed (relative to the
    scan's directory) and took the field names from the shards' plan: `add` from another
    directory could not find the source, and read a custom-field line as having no id."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    objs = ({"key": i, "body": t} for i, t in collection.docs)
    (crawl / "c.jsonl").write_text("".join(json.dumps(o) + "\n" for o in objs), "utf-8")
    monkeypatch.chdir(crawl)
    out = crawl / "hits.jsonl"
    argv = ["scan", "c.jsonl", "--reference", str(collection.reference), "--out", str(out)]
    assert main([*argv, "--id-field", "key", "--text-field", "body"]) == 0
    [chosen] = out.read_text(encoding="utf-8").splitlines()[:1]
    assert json.loads(chosen)["source"] == str(crawl / "c.jsonl")
    shutil.rmtree(shards_dir(out))
    elsewhere = tmp_path / "review"
    elsewhere.mkdir()
    (elsewhere / "chosen.jsonl").write_text(chosen + "\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    assert main(["add", "--from-scan", "chosen.jsonl", "--corpus", str(corpus_dir)]) == 0
    entry = tomllib.loads((corpus_dir / "manifest.toml").read_text("utf-8"))["captures"][-1]
    hit = json.loads(chosen)
    assert (corpus_dir / entry["file"]).read_bytes() == dict(collection.docs)[hit["id"]].encode()
    assert entry["note"] == f"scan hit {hit['id']}: {crawl / 'c.jsonl'} at byte {hit['offset']}"


def test_add_from_scan_stores_the_exact_bytes(
    collection: Collection, tmp_path: Path, corpus_dir: Path
) -> None:
    path = tmp_path / "c.warc.gz"
    write_warc(collection.docs, path)
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(path), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    hits = [json.loads(line) for line in out.read_text().splitlines()]
    chosen = [hits[0], hits[-1]]
    select = ",".join(h["id"] for h in chosen)
    code = main(["add", "--from-scan", str(out), "--select", select, "--corpus", str(corpus_dir)])
    assert code == 0
    manifest = tomllib.loads((corpus_dir / "manifest.toml").read_text(encoding="utf-8"))
    added = manifest["captures"][-2:]
    for entry, hit in zip(added, chosen, strict=True):
        stored = (corpus_dir / entry["file"]).read_bytes()
        assert hashlib.sha256(stored).hexdigest() == hit["sha256"] == entry["sha256"]
        assert entry["url"] == hit["url"]
        assert f"{path} at byte {hit['offset']}" in entry["note"]
        assert entry["format"] == "html"
    assert (
        main(["add", "--from-scan", str(out), "--select", "nope", "--corpus", str(corpus_dir)]) == 2
    )


def test_add_from_scan_adds_a_page_found_in_two_inputs_once(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same pages in a directory and in its JSON Lines export: every hit is found twice,
    with the same bytes. Each is added once; the others are skipped, saying so, and adding
    again adds nothing."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for doc_id, text in collection.docs:
        (pages / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    inputs = [str(pages), str(collection.jsonl)]
    assert main(["scan", *inputs, "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    hits = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(hits) == 2 * len(collection.planted)
    before = len(tomllib.loads((corpus_dir / "manifest.toml").read_text())["captures"])
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("added ") == len(collection.planted)
    assert printed.count("skipped hit ") == len(collection.planted)
    manifest = (corpus_dir / "manifest.toml").read_text()
    assert len(tomllib.loads(manifest)["captures"]) == before + len(collection.planted)
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 0
    assert capsys.readouterr().out.count("skipped hit ") == 2 * len(collection.planted)
    assert (corpus_dir / "manifest.toml").read_text() == manifest


def test_add_from_scan_of_a_source_damaged_since_is_a_line_a_hit_and_adds_nothing(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The compressed data the hit points into no longer inflates (zlib's own error)."""
    path = tmp_path / "crawl.jsonl.gz"
    path.write_bytes(gzip.compress(collection.jsonl.read_bytes()))
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(path), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    manifest = (corpus_dir / "manifest.toml").read_bytes()
    damaged = bytearray(path.read_bytes())
    damaged[12:20] = b"\xff" * 8  # the first deflate block's header, past gzip's own
    path.write_bytes(bytes(damaged))
    capsys.readouterr()
    hits = len(out.read_text(encoding="utf-8").splitlines())
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == hits and all(str(path) in e and "cannot read hit" in e for e in err)
    assert (corpus_dir / "manifest.toml").read_bytes() == manifest


@pytest.mark.parametrize("select", ["", " ", ","])
def test_add_from_scan_with_no_id_in_select_adds_nothing(
    collection: Collection,
    tmp_path: Path,
    corpus_dir: Path,
    capsys: pytest.CaptureFixture[str],
    select: str,
) -> None:
    """`--select "$IDS"` with the variable empty added every hit (19 captures in the
    held-out audit); "," added none without a word."""
    out = tmp_path / "hits.jsonl"
    assert (
        main(["scan", str(collection.jsonl), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    )
    manifest = (corpus_dir / "manifest.toml").read_bytes()
    capsys.readouterr()
    argv = ["add", "--from-scan", str(out), "--select", select, "--corpus", str(corpus_dir)]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        "provenance: --select: no hit ids given (drop --select to add all)\n"
    )
    assert (corpus_dir / "manifest.toml").read_bytes() == manifest


def test_add_from_scan_goes_on_past_a_hit_whose_source_is_gone(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hit whose JSON Lines or WARC source was moved away stopped the batch with exit 2
    after the hits before it were added: the corpus changed, and the exit code said the
    command could not run."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    lines = collection.jsonl.read_bytes().splitlines(keepends=True)
    half = len(lines) // 2
    first.write_bytes(b"".join(lines[:half]))
    second.write_bytes(b"".join(lines[half:]))
    out = tmp_path / "hits.jsonl"
    argv = ["scan", str(first), str(second), "--corpus", str(corpus_dir), "--out", str(out)]
    assert main(argv) == 0
    hits = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gone = [h for h in hits if h["source"] == str(first)]
    kept = [h for h in hits if h["source"] == str(second)]
    assert gone and kept
    first.unlink()
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 1
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == len(gone)
    assert all("No such file" in line for line in captured.err.splitlines())
    assert captured.out.count("added ") + captured.out.count("skipped ") == len(kept)


def test_scan_is_a_sub_product_loaded_only_when_it_runs() -> None:
    """No stage imports provenance.scan; `provenance --help` loads no scan machinery."""
    code = (
        "import sys, provenance.cli, provenance.analyse, provenance.report, provenance.manifest\n"
        "provenance.cli._parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('hyperscan', 'fastwarc', 'distributed', 'dask') or m.startswith('provenance.scan.')))\n"
    )
    assert python_output(code).strip() == "['provenance.scan.command']"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "holds no scan hits"),
        (b"\xff\xfe{}", "not valid UTF-8 at byte 0"),
        (b"{}\n", "line 1"),
        (b'{"id": "a", "source": "x.jsonl", "offset": "12", "sha256": "0"}\n', "line 1"),
        (b'{"id": "a", "source": "x.jsonl", "offset": -3, "sha256": "0"}\n', "line 1"),
    ],
)
def test_add_from_scan_refuses_a_bad_hits_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, problem: str
) -> None:
    hits = tmp_path / "hits.jsonl"
    hits.write_bytes(content)
    code = main(["add", "--from-scan", str(hits), "--corpus", str(tmp_path / "corpus")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and str(hits) in err and problem in err
    assert not (tmp_path / "corpus").exists()


def test_a_document_the_engine_fails_on_is_an_error_and_the_scan_goes_on(
    collection: Collection,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug in the engine on one document costs that document, not the scan (exit 1)."""
    victim = sorted(collection.planted)[0]
    source = Analyser.source

    def failing(self: Analyser, capture: Document, **options: Any) -> SourceResult:
        if capture.id == victim:
            message = "list index out of range"
            raise IndexError(message)
        return source(self, capture, **options)

    monkeypatch.setattr(Analyser, "source", failing)
    monkeypatch.setenv("PROVENANCE_LOG_DIR", str(tmp_path / "logs"))
    out = tmp_path / "hits.jsonl"
    args = ["scan", str(collection.jsonl), "--reference", str(collection.reference)]
    assert main([*args, "--out", str(out), "--jobs", "1"]) == 1
    assert "\n1 document could not be read" in "\n" + capsys.readouterr().err
    assert hit_ids(out) == collection.planted - {victim}
    [error] = errors(out)
    assert error["id"] == victim and error["source"] == str(collection.jsonl)
    assert error["offset"] == _line_offset(collection.jsonl, victim)
    assert error["problem"] == "internal error in the engine: IndexError: list index out of range"
    assert "in failing" in Path(str(error["log"])).read_text(encoding="utf-8")  # the traceback
    assert main([*args, "--out", str(out), "--jobs", "1", "--allow-errors"]) == 0


def _line_offset(path: Path, ident: str) -> int:
    offset = 0
    for line in path.read_bytes().splitlines(keepends=True):
        if json.loads(line)["id"] == ident:
            return offset
        offset += len(line)
    raise AssertionError(ident)


@pytest.mark.parametrize("fmt", ["directory", "jsonl", "jsonl.gz", "warc", "wet"])
def test_a_document_over_max_size_is_an_error_and_the_scan_goes_on(
    collection: Collection, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = collection.reference.read_text(encoding="utf-8")
    big = ("Reprinted:\n\n" + reference + "\n\n") * 6  # a copy of some 33 KB
    noise = "Weather today: rain, then sun over the hills. " * 500  # 23 KB, no candidate
    docs = [*collection.docs[:10], ("noise", noise), ("big", big)]
    inputs = _write(Collection(collection.directory, docs, collection.planted, {}), fmt, tmp_path)
    out = tmp_path / "hits.jsonl"
    args = ["scan", str(inputs), "--reference", str(collection.reference), "--out", str(out)]
    assert main([*args, "--jobs", "1"]) == 0  # under the default limit: a hit
    assert "big" in hit_ids(out)
    assert main([*args, "--jobs", "1", "--max-size", "20K"]) == 1
    assert "2 documents could not be read" in capsys.readouterr().err
    assert hit_ids(out) == collection.planted & {i for i, _ in docs[:10]}
    found = errors(out)
    assert len(found) == 2
    error = found[0] if fmt == "directory" else found[-1]  # big.txt sorts before noise.txt
    if fmt == "directory":
        assert (error["source"], error["offset"]) == (str(inputs / "000" / "big.txt"), 0)
    else:
        assert error["source"] == str(inputs)
        assert error["offset"] == _offset_of_last(inputs, fmt)
    for error in found:
        assert str(error["problem"]).endswith(
            "over the size limit of 20,480 (raise it with --max-size)"
        )
    assert main([*args, "--jobs", "1", "--max-size", "20K", "--allow-errors"]) == 0


def _offset_of_last(path: Path, fmt: str) -> int:
    """Offset of the last record: its line in the (decompressed) JSON Lines, or WARC record."""
    if fmt.startswith("jsonl"):
        data = gzip.decompress(path.read_bytes()) if fmt == "jsonl.gz" else path.read_bytes()
        return data.rstrip(b"\n").rfind(b"\n") + 1
    return path.read_bytes().rfind(b"\x1f\x8b\x08")  # gzip per record: the last member


def test_a_large_jsonl_gz_is_split_into_shards(collection: Collection, tmp_path: Path) -> None:
    """One compressed file uses every worker; resuming skips its finished shards."""
    config = ScanConfig(load(collection.reference))
    path = tmp_path / "c.jsonl.gz"
    write_jsonl(collection.docs, path)
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    assert scan([path], config, one, jobs=1).shards == 1
    split = scan([path], config, many, jobs=2, shard_bytes=40_000)
    assert split.shards > 4
    assert split.documents == len(collection.docs)
    assert split.bytes == len(gzip.decompress(path.read_bytes()))
    assert many.read_bytes() == one.read_bytes()
    assert hit_ids(many) == collection.planted
    # resumed: only the missing shard is scanned again, and the result is the same
    parts = sorted(shards_dir(many).glob("[0-9]*.json"))
    parts[2].unlink()
    many.unlink()
    again = scan([path], config, many, jobs=2, shard_bytes=40_000, resume=True)
    assert again.resumed == split.shards - 1
    assert many.read_bytes() == one.read_bytes()


@pytest.mark.parametrize("damage", ["cut short", "corrupt in the middle"])
def test_a_split_jsonl_gz_cut_short_reports_where_as_the_whole_file_does(
    collection: Collection, tmp_path: Path, damage: str
) -> None:
    """Planning (ISA-L's inflater) and reading (the standard gzip) stop at the damage alike."""
    config = ScanConfig(load(collection.reference))
    path = tmp_path / "c.jsonl.gz"
    write_jsonl(collection.docs, path)
    data = path.read_bytes()
    if damage == "cut short":  # a download cut short
        path.write_bytes(data[: len(data) * 3 // 4])
    else:  # a disk error: 64 bytes of the deflate stream overwritten
        middle = len(data) // 2
        path.write_bytes(data[:middle] + b"\xff" * 64 + data[middle + 64 :])
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    whole = scan([path], config, one, jobs=1)
    split = scan([path], config, many, jobs=2, shard_bytes=40_000)
    assert split.shards > 2
    assert (
        (split.documents, split.errors)
        == (whole.documents, whole.errors)
        == (
            whole.documents,
            1,
        )
    )
    assert many.read_bytes() == one.read_bytes()
    assert errors(many) == errors(one)


def test_a_json_line_the_prefilter_turns_away_is_never_parsed(
    collection: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The prefilter reads the raw line; only candidates (and problems) are parsed."""
    import provenance.scan.inputs as inputs

    parsed: list[int] = []
    json_record = inputs.json_record

    def counting(line: bytes, source: str, offset: int, fields: inputs.Fields) -> object:
        parsed.append(offset)
        return json_record(line, source, offset, fields)

    monkeypatch.setattr(inputs, "json_record", counting)
    out = tmp_path / "hits.jsonl"
    summary = scan([collection.jsonl], ScanConfig(load(collection.reference)), out, jobs=1)
    assert hit_ids(out) == collection.planted
    assert len(parsed) == summary.candidates < len(collection.docs)


def test_lines_turned_away_unparsed_still_report_their_problems(
    collection: Collection, tmp_path: Path
) -> None:
    """What the raw-line prefilter skips is checked as strictly as `json` parses it."""
    reference = collection.reference.read_text(encoding="utf-8")
    accented = reference.replace("peace", "paix résolue").replace("Korea", "Corée")
    ref = tmp_path / "ref.txt"
    ref.write_text(accented, encoding="utf-8")
    noise = "Weather today: rain, then sun over the hills."
    lines = [
        json.dumps({"id": "quiet", "text": noise}),
        '{"id": "cut", "text": "' + noise,  # malformed
        "[1, 2]",  # not an object
        json.dumps({"text": noise}),  # no id
        json.dumps({"id": True, "text": noise}),  # id neither string nor number
        json.dumps({"id": "n", "text": 7}),  # no text or html
        '{"id": "nan", "text": "' + noise + '", "score": NaN}',  # json takes NaN: no problem
        # the copy, every non-ASCII character escaped (json.dumps' default)
        json.dumps({"id": "escaped", "text": "Copied:\n\n" + accented}, ensure_ascii=True),
        # NUL bytes before a copy's object: malformed JSON, not a guess at UTF-32
        "\x00\x00" + json.dumps({"id": "nul", "text": accented}),
    ]
    data = "\n".join(lines).encode() + b"\n" + b'{"id": "bytes", "text": "caf\xe9"}\n'
    path = tmp_path / "c.jsonl"
    path.write_bytes(data)
    out = tmp_path / "hits.jsonl"
    scan([path], ScanConfig(load(ref)), out, jobs=1)
    assert hit_ids(out) == {"escaped"}
    problems = [(e["offset"], str(e["problem"]).split(":")[0]) for e in errors(out)]
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    assert problems == [
        (starts[1], "malformed JSON line"),
        (starts[2], "a JSON line that is not an object"),
        (starts[3], "no 'id' field (a string or number)"),
        (starts[4], "the 'id' field is true, not a string or number"),
        (starts[5], "no 'text' or 'html' field (a string)"),
        (starts[8], "malformed JSON line"),
        (starts[9], "malformed JSON line"),
    ]
    assert not any("utf-32" in str(e["problem"]) for e in errors(out))


def test_the_gate_of_a_shard_turns_away_exactly_the_lines_may_hold_does(
    collection: Collection,
) -> None:
    """The gate stops scanning a line once it is a candidate; it must say what `may_hold`
    (the full count) says, on copies, decoys, noise and lines with nothing in them."""
    reference = collection.reference.read_text(encoding="utf-8")
    prefilter = Prefilter.of(reference)
    lines = collection.jsonl.read_bytes().splitlines(keepends=True)
    sentence = reference.split(".")[0]
    lines += [b"", b"\n", sentence.encode(), sentence.replace(" ", "\u00a0").encode()]
    # Many 3-grams but fewer than two telling ones, and just two: the gate scans for the
    # telling ones first.
    plain = [g for g in prefilter.patterns if g not in _telling_grams(prefilter)]
    said_much = " ... ".join(plain[:12])
    one, two = sorted(_telling_grams(prefilter))[:2]
    lines += [f"{said_much} ... {one}".encode(), f"{said_much} ... {one} ... {two}".encode()]
    gate = prefilter.gate()
    said = [gate(line) for line in lines]
    assert said == [prefilter.may_hold(line) for line in lines]
    assert 0 < sum(said) < len(lines)
    assert said[-2:] == [False, True]
    assert Prefilter.of("").gate()(sentence.encode()) is False


@given(st.lists(st.sampled_from(["a", "Korea’s", "“peace”", "&", "#1", "x.y", "Ж", "é\\"]),
                min_size=1, max_size=4))  # fmt: skip
def test_a_grams_patterns_are_its_forms_each_escaped_whole(words: list[str]) -> None:
    """Each form's pattern is joined from escaped pieces (a worker's start costs less); it
    must be the form escaped whole, for every form the prefilter promises to match."""
    gram = " ".join(words)
    forms = {gram}
    for mark, straight in {"’": "'", "‘": "'", "“": '"', "”": '"'}.items():
        forms |= {form.replace(mark, straight) for form in forms}
    spaced = set()
    for form in forms:
        parts = form.split(" ")
        for spaces in itertools.product([" ", "\u00a0", "&nbsp;", "&#160;"], repeat=len(parts) - 1):
            spaced.add(parts[0] + "".join(s + p for s, p in zip(spaces, parts[1:], strict=True)))
        spaced |= {"  ".join(parts), "&#xa0;".join(parts)}
    spaced |= {json.dumps(form)[1:-1] for form in spaced}
    want = sorted(re.escape(form).encode() for form in spaced)
    assert _expressions(gram) == want


def _telling_grams(prefilter: Prefilter) -> set[str]:
    return {prefilter.patterns[i] for i in prefilter.telling}


_CHECKED = [
    b'{"id": "a", "text": "x"}\n',
    b'{"id": 7, "html": "<b>x</b>"}\n',
    b'{"id": -0, "text": "x", "url": "u", "date": null}\n',
    b'{"id": "a", "text": null, "html": "<p>x</p>"}\n',
    b'{"id": "a", "text": "x", "text": 5}\n',  # a key given twice: json keeps the last
    b'{"id": "a", "text": 5, "text": "x"}\n',
    b'{"id": 5, "id": true, "text": "x"}\n',
    b'{"id": null, "text": "x"}\n',
    b'{"id": "a", "text": 1.5, "html": 2}\n',
    b'{"id": 1e3, "text": "x"}\n',
    b'{"id": 1.0, "text": "x"}\n',
    b'{"id": [1], "text": "x"}\n',
    b'{"id": "a", "text": ["x"]}\n',
    b'{"text": "x"}\n',
    b'{"id": 123456789012345678901234567890, "text": "x"}\n',
    b'{"id": "a", "text": "x\\ud800"}\n',  # a lone surrogate escape: json takes it
    b'{"id": "a", "text": "tab\there"}\n',  # a raw control character
    b'{"id": "a", "other": "tab\there", "text": "x"}\n',  # ... in a field not read
    b'{"id": "a", "other": "caf\xe9", "text": "x"}\n',  # bad UTF-8 in a field not read
    b'{"id": "a", "text": "x"} {}\n',
    b'\xef\xbb\xbf{"id": "a", "text": "x"}\n',  # a BOM: json refuses it
    b'{"id": "a", "text": "x", "n": NaN}\n',  # json takes NaN
    b'["id", "text"]\n',
    b'{"id": "a", "text": "x"\n',
    b'{"id": "", "text": "x"}\n',  # an empty id
    b'{"id": " \\t", "text": "x"}\n',  # white space only, one of it escaped
    b'{"id": "\\u00e9", "text": "x"}\n',  # escaped, not empty
]


@pytest.mark.parametrize(
    "fields",
    [
        Fields(),
        Fields(id="key", text="body", html="page"),
        Fields(text="body", html="body"),  # two names the same: no struct can read them
        Fields(id="text", text="text"),
    ],
    ids=["default", "renamed", "text-is-html", "id-is-text"],
)
def test_a_turned_away_line_is_well_formed_only_if_json_makes_a_record_of_it(
    fields: Fields,
) -> None:
    """The check of turned-away lines may be unsure (then `json` decides), never wrong."""
    from provenance.scan.inputs import _well_formed, json_record

    names = {"id": fields.id, "text": fields.text, "html": fields.html}
    said = {}
    for line in _CHECKED:
        renamed = line
        for name in ("html", "text", "id"):  # "id" last: a renamed field may be called so
            renamed = renamed.replace(f'"{name}":'.encode(), f'"\0{name}":'.encode())
        for name, field in names.items():
            renamed = renamed.replace(f'"\0{name}":'.encode(), f'"{field}":'.encode())
        record = json_record(renamed, "c.jsonl", 0, fields)
        said[line] = _well_formed(renamed, fields, 0)
        assert not said[line] or isinstance(record, Record), renamed
        assert not _well_formed(renamed, fields, len(renamed) - 1)  # over the limit: unsure
    if len(set(names.values())) == 3:
        assert [line for line in _CHECKED if said[line]] == [
            *_CHECKED[:4],
            _CHECKED[5],
            _CHECKED[9],  # any JSON number is an id, as its text
            _CHECKED[10],
            _CHECKED[14],
            _CHECKED[-1],
        ]


def test_the_prefilter_reads_json_escapes_as_the_characters_they_stand_for() -> None:
    """A JSON line whose encoder escaped every non-ASCII character is read as its text."""
    from provenance.scan.prefilter import Prefilter

    text = "Стороны подчёркивают необходимость решать все вопросы мирным путём\u00a0сегодня."
    prefilter = Prefilter.of(text)
    plain = prefilter.grams(text.encode("utf-8"))
    assert plain == 5  # six 3-grams; the first, capitalised, is missed (caseless is ASCII only)
    assert prefilter.grams(json.dumps({"text": text}, ensure_ascii=True).encode()) == plain
    assert prefilter.grams(json.dumps({"text": text}, ensure_ascii=False).encode()) == plain


@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_a_copy_with_every_space_a_no_break_space_is_found(
    collection: Collection, tmp_path: Path, ensure_ascii: bool
) -> None:
    """Pages that write every space as &nbsp; decode to U+00A0 between all words."""
    reference = collection.reference.read_text(encoding="utf-8")
    copy = "Full text of the statement:\n\n" + reference.replace(" ", "\u00a0")
    path = tmp_path / "c.jsonl"
    obj = {"id": "nbsp", "text": copy}
    path.write_text(json.dumps(obj, ensure_ascii=ensure_ascii) + "\n", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    summary = scan([path], ScanConfig(load(collection.reference)), out, jobs=1)
    assert summary.candidates == 1
    assert hit_ids(out) == {"nbsp"}


def _spaced(text: str, spaces: list[str]) -> str:
    """`text` with its spaces written as `spaces` says, in turn."""
    out, k = [], 0
    for part in text.split(" "):
        out.extend((part, spaces[k % len(spaces)]))
        k += 1
    return "".join(out[:-1])


@pytest.mark.parametrize(
    "spaces",
    [["&nbsp;"], ["&#160;"], ["&nbsp;", " "], ["  "], ["&#xa0;"]],
    ids=["entity", "numeric", "alternating", "doubled", "hex"],
)
def test_a_page_writing_its_spaces_as_entities_or_doubled_is_a_candidate(
    collection: Collection, tmp_path: Path, spaces: list[str]
) -> None:
    """The prefilter reads raw bytes: an HTML page writing every space (or every other
    one) as an entity, or doubling them, held no 3-gram of the reference as written, and
    the scan missed a copy that `report` finds whole."""
    reference = collection.reference.read_text(encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    body = "".join(f"<p>{_spaced(p, spaces)}</p>\n" for p in reference.split("\n\n"))
    (pages / "copy.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    summary = scan([pages], ScanConfig(load(collection.reference)), out, jobs=1)
    assert summary.candidates == 1
    assert hit_ids(out) == {"copy"}


_QUOTING = [
    # A sentence of the statement, quoted whole and given to it: a hit.
    'The joint statement said: "The Parties express serious concern about the development '
    'of the situation on the Korean Peninsula and around it." Nobody objected.',
    # Part of one given to no one, long enough to attribute by matching: a hit.
    'A banner read "urge all countries concerned to maintain calm, renounce provocative '
    'moves or bellicose rhetoric" all day.',
    # One word changed, given to the statement: altered, a hit.
    'The statement said "The Parties express grave concern about the development of the '
    'situation on the Korean Peninsula and around it."',
    # Given to the statement but a paraphrase, and an invented line: no hit.
    'The statement said "both nations want calm on the peninsula and talks soon" and also '
    '"Europe must pay for the new railway across Siberia by next spring".',
    # Phrases of a sentence, too short for a passage, quoted verbatim: hits by matching.
    'In its words the sides "oppose any statements or moves that might escalate tension" '
    "in the region, and more.",
    'They want to "defuse tension" and "demonstrate readiness for dialogue without '
    'preconditions and work actively together" soon.',
    # Verbatim but only four words: no hit on its own.
    'The statement called for "maintain calm, renounce provocative" steps.',
    # Nothing quoted from the statement at all.
    'Our gardener said "the plums never set because of the frost in April" again.',
]


@pytest.mark.parametrize("text", _QUOTING)
def test_a_screened_page_is_a_hit_exactly_when_the_full_analysis_says_so(text: str) -> None:
    """scan screens pages with no located passage (no paraphrase rung); the hits are the
    ones a full analysis finds, and a hit is reported from a full analysis."""
    from provenance.scan.shard import _QUOTE_MIN_WORDS, is_hit

    analyser = Analyser.of(load(Path("corpus") / "000_3bc794f6186e8434.txt"))
    data = text.encode("utf-8")
    doc = Document("q", Path("q.txt"), hashlib.sha256(data).hexdigest(), len(data), text)
    full = analyser.source(doc)
    screened = analyser.source(doc, screen_words=_QUOTE_MIN_WORDS)
    assert is_hit(screened) == is_hit(full)
    if full.passages:
        assert screened == full  # screening only pages with no passage
        return
    hits = {q.span for q in full.quotes if q.verdict.value in ("verbatim", "altered")}
    assert {q.span for q in screened.quotes if q.verdict.value in ("verbatim", "altered")} == {
        s for s in hits if len(s.of(text).split()) >= _QUOTE_MIN_WORDS
    }


def test_screening_keeps_the_hits_of_the_collection(collection: Collection) -> None:
    """On the generator's documents (decoys that quote the statement's topic included),
    screening decides every document as the full analysis does."""
    from provenance.scan.shard import _QUOTE_MIN_WORDS, is_hit

    analyser = Analyser.of(load(collection.reference))
    for name, text in collection.docs:
        data = text.encode("utf-8")
        document = Document(name, Path(name), hashlib.sha256(data).hexdigest(), len(data), text)
        full = analyser.source(document)
        if full.passages:
            continue
        screened = analyser.source(document, screen_words=_QUOTE_MIN_WORDS)
        assert is_hit(screened) == is_hit(full), name


def test_add_from_scan_names_a_hit_it_cannot_add_and_adds_the_others(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page the scan finds but the corpus cannot hold (a UTF-8 page with a NUL
    character, which the corpus takes for a binary file): one line naming the hit by id,
    source and offset (before, a temporary file's path), the other hits still added, exit
    1 (before, the whole batch stopped at exit 2)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    text = next(t for i, t in collection.docs if i in collection.planted)
    (pages / "good.txt").write_text(text, encoding="utf-8")
    (pages / "nul.txt").write_text(text + "\n\x00\n", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    assert len(out.read_text().splitlines()) == 2
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("added ") == 1
    [line] = captured.err.splitlines()
    assert line.startswith("provenance: hit nul.txt (") and "nul.txt at byte 0" in line
    assert "binary" in line and "/tmp" not in line.split("(")[0]


def test_add_from_scan_keeps_a_page_in_its_declared_charset(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hit read in its declared charset (windows-1252: curly quotes as bytes 0x91-0x94)
    is added byte for byte, with the charset recorded as the capture's encoding; `report`
    and `check` read it so. Before, the corpus took UTF-8 only, and such a hit could not
    be added at all ("not valid UTF-8 at byte N")."""
    pages = tmp_path / "pages"
    pages.mkdir()
    text = next(t for i, t in collection.docs if i in collection.planted)
    body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    page = f"<html><head><meta charset='windows-1252'></head><body>{body}</body></html>"
    data = page.encode("cp1252")
    assert b"\x92" in data
    (pages / "page.html").write_bytes(data)
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 0
    assert "bytes in windows-1252" in capsys.readouterr().out
    [entry] = [e for e in read_manifest(corpus_dir).entries if e.file.endswith(".html")]
    assert entry.encoding == "windows-1252"
    assert (corpus_dir / entry.file).read_bytes() == data
    capsys.readouterr()
    main(["report", str(corpus_dir), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    [source] = [s for s in report["sources"] if s["id"] == entry.id]
    assert source["encoding"] == "windows-1252"
    twin = tmp_path / "twin.html"  # the same page in UTF-8: what a reader sees
    twin.write_text(page.replace("windows-1252", "utf-8"), encoding="utf-8")
    main(["report", "--reference", str(collection.reference), str(twin), "--format", "json"])
    [seen] = json.loads(capsys.readouterr().out)["sources"]

    def read(passages: list[dict[str, Any]]) -> list[tuple[str, int, int, float]]:
        return [(p["kind"], p["ref_start"], p["ref_end"], p["score"]) for p in passages]

    assert source["passages"] and read(source["passages"]) == read(seen["passages"])
    assert [(d["kind"], d["text"]) for d in source["divergences"]] == [
        (d["kind"], d["text"]) for d in seen["divergences"]
    ]
    result = check(corpus_dir)
    mine = [p for p in result.problems if p.path.name == entry.file]
    assert not [p for p in mine if p.rule.check in ("fixity", "hygiene", "manifest")], mine


def test_a_page_declaring_iso_8859_1_is_read_as_browsers_read_it(
    collection: Collection, tmp_path: Path
) -> None:
    """Browsers read a page labelled ISO-8859-1 (or US-ASCII) as windows-1252, whose bytes
    0x91-0x94 are curly quotes; read as Latin-1 they were control characters, and the
    scan reported four divergences no reader of the page sees."""
    text = next(t for i, t in collection.docs if i in collection.planted)
    pages = tmp_path / "pages"
    pages.mkdir()
    body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    page = f"<html><head><meta charset='iso-8859-1'></head><body>{body}</body></html>"
    (pages / "page.html").write_bytes(page.encode("cp1252"))
    assert b"\x92" in (pages / "page.html").read_bytes()
    out = tmp_path / "hits.jsonl"
    summary = scan([pages], ScanConfig(load(collection.reference)), out, jobs=1)
    assert summary.errors == 0
    [hit] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert hit["charset"] == "windows-1252"
    utf8 = tmp_path / "utf8"
    utf8.mkdir()
    same_length = page.replace("'iso-8859-1'", "'utf-8'     ")
    (utf8 / "page.html").write_text(same_length, encoding="utf-8")
    scan([utf8], ScanConfig(load(collection.reference)), tmp_path / "same.jsonl", jobs=1)
    [same] = [json.loads(x) for x in (tmp_path / "same.jsonl").read_text("utf-8").splitlines()]
    assert hit["divergences"] == same["divergences"]
    assert hit["passages"] == same["passages"]


def test_a_hit_with_a_charset_no_encoding_has_is_named_and_the_others_added(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A HITS line edited by hand (or by another tool) with a charset that names nothing,
    or is a number, stopped the batch half-done with an internal error."""
    pages = tmp_path / "pages"
    pages.mkdir()
    texts = [t for i, t in collection.docs if i in collection.planted][:3]
    for n, text in enumerate(texts):
        (pages / f"p{n}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["scan", str(pages), "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    hits = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    hits[0]["charset"], hits[1]["charset"] = "undefined", 7
    out.write_text("".join(json.dumps(h) + "\n" for h in hits), encoding="utf-8")
    capsys.readouterr()
    assert main(["add", "--from-scan", str(out), "--corpus", str(corpus_dir)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("added ") == 1
    assert [line.split(": ")[-1] for line in captured.err.splitlines()] == [
        "unknown charset 'undefined'",
        "unknown charset 7",
    ]


def test_pages_in_web_labels_python_spells_otherwise_are_read_as_browsers_read_them(
    collection: Collection, tmp_path: Path
) -> None:
    """ "x-sjis" and "windows-31j" (Shift_JIS to a browser, read by its Windows superset),
    "gb2312" (read as GBK) and "euc-kr" (read by Windows' UHC): Python knows only some of
    the labels, and its codecs of those refuse characters browsers show (circled digits,
    Korean syllables outside KS X 1001); such pages were scan errors."""
    text = next(t for i, t in collection.docs if i in collection.planted)
    body = "".join(f"<p>{p}</p>\n" for p in text.replace("\u2019", "'").split("\n\n"))
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, label, codec, extra in (
        ("sjis.html", "x-sjis", "cp932", "\u2460\u2461"),
        ("win31j.html", "windows-31j", "cp932", "\u2162"),
        ("gb.html", "gb2312", "gbk", "\u9fa0"),
        ("kr.html", "euc-kr", "cp949", "\uac02"),
    ):
        page = f"<meta charset='{label}'><p>{extra}</p>{body}"
        (pages / name).write_bytes(page.encode(codec, errors="xmlcharrefreplace"))
    out = tmp_path / "hits.jsonl"
    summary = scan([pages], ScanConfig(load(collection.reference)), out, jobs=1)
    assert summary.errors == 0
    charsets = {
        Path(h["source"]).name: h["charset"]
        for h in map(json.loads, out.read_text(encoding="utf-8").splitlines())
    }
    assert charsets == {
        "sjis.html": "shift_jis",
        "win31j.html": "shift_jis",
        "gb.html": "gbk",
        "kr.html": "euc-kr",
    }


def test_scan_reads_a_charset_where_report_reads_it(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An XHTML page declares its charset in its XML declaration: `report --reference` read
    such a page in it, but the scan had its own, narrower lookup (`<meta>` only) and listed
    the page as an error, "no charset declared". One lookup serves both now."""
    text = next(t for i, t in collection.docs if i in collection.planted)
    body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    page = tmp_path / "page.xhtml.html"
    declaration = '<?xml version="1.0" encoding="windows-1252"?>\n<html><body>'
    page.write_bytes(f"{declaration}\u201c{body}\u201d</body></html>".encode("cp1252"))
    out = tmp_path / "hits.jsonl"
    summary = scan([page], ScanConfig(load(collection.reference)), out, jobs=1)
    assert summary.errors == 0
    [hit] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert hit["charset"] == "windows-1252"
    capsys.readouterr()
    argv = ["report", "--reference", str(collection.reference), str(page), "--format", "json"]
    assert main(argv) == 0
    [source] = json.loads(capsys.readouterr().out)["sources"]
    assert [[p["start"], p["end"]] for p in source["passages"]] == [
        p["copy"] for p in hit["passages"]
    ]


def test_report_reads_a_page_in_its_declared_charset_as_scan_does(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report --reference` and `diff` on a page the scan found in its declared charset
    read it so, and agree with the scan's hit; before, they refused it ("not valid UTF-8
    at byte N") though the scan had reported it. A page declaring nothing, or a charset
    its bytes are not valid in, is still that one line."""
    text = next(t for i, t in collection.docs if i in collection.planted)
    body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    page = tmp_path / "page.html"
    page.write_bytes(f"<meta charset='windows-1252'><body>{body}</body>".encode("cp1252"))
    out = tmp_path / "hits.jsonl"
    scan([page], ScanConfig(load(collection.reference)), out, jobs=1)
    [hit] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    capsys.readouterr()
    assert (
        main(["report", "--reference", str(collection.reference), str(page), "--format", "json"])
        == 0
    )
    [source] = json.loads(capsys.readouterr().out)["sources"]
    assert source["encoding"] == "windows-1252"
    assert [[p["start"], p["end"]] for p in source["passages"]] == [
        p["copy"] for p in hit["passages"]
    ]
    assert len(source["divergences"]) == hit["divergences"]["total"]
    assert main(["diff", str(collection.reference), str(page)]) in (0, 1)
    undeclared = tmp_path / "undeclared.html"
    undeclared.write_bytes(f"<body>{body}</body>".encode("cp1252"))
    wrong = tmp_path / "wrong.html"
    wrong.write_bytes(b"<meta charset='shift_jis'><p>\x81\xff caf\xe9</p>")
    capsys.readouterr()
    assert main(["report", "--reference", str(collection.reference), str(undeclared)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"provenance: {undeclared}: not valid UTF-8 at byte ")
    assert main(["report", "--reference", str(collection.reference), str(wrong)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line == (
        f"provenance: {wrong}: not valid UTF-8 at byte 29 (0x81), nor in the charset it "
        "declares: not valid shift_jis at byte 29 (0x81)"
    )
    wide = tmp_path / "wide.html"  # UTF-16, as its byte-order mark says (and scan reads it)
    wide.write_bytes(f"<meta charset='utf-16'><body>{body}</body>".encode("utf-16"))
    assert (
        main(["report", "--reference", str(collection.reference), str(wide), "--format", "json"])
        == 0
    )
    [source] = json.loads(capsys.readouterr().out)["sources"]
    assert source["encoding"] == "utf-16le" and source["passages"]


def test_a_page_declaring_utf16_in_single_byte_text_is_an_error_not_other_characters(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page declaring `charset=utf-16` whose bytes are windows-1252 (no NUL, no byte-order
    mark) was read two bytes a character, as CJK-looking text: the scan found nothing and
    said nothing, and `report` showed that text. Both now name the problem."""
    text = next(t for i, t in collection.docs if i in collection.planted)
    body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    page = tmp_path / "latin.html"
    page.write_bytes(f"<meta charset='utf-16'><body>\u2019{body}</body>".encode("cp1252"))
    size = page.stat().st_size
    out = tmp_path / "hits.jsonl"
    summary = scan([page], ScanConfig(load(collection.reference)), out, jobs=1)
    [error] = errors(out)
    assert summary.errors == 1 and error["problem"].startswith(
        f"not valid UTF-8 at byte 29; declared utf-16, but its {size} bytes hold no NUL byte"
    )
    capsys.readouterr()
    assert main(["report", "--reference", str(collection.reference), str(page)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line == (
        f"provenance: {page}: not valid UTF-8 at byte 29 (0x92), nor in the charset it declares: "
        f"its {size} bytes hold no NUL byte and no UTF-16 byte-order mark, where UTF-16 writes a "
        "NUL in every space, line break and Latin letter: not utf-16le"
    )


def test_a_directory_with_a_broken_link_a_link_loop_and_a_fifo_lists_each_and_goes_on(
    collection: Collection, tmp_path: Path
) -> None:
    """A page name that is a broken symbolic link stopped the scan with an internal error
    while planning (its size was read), and a FIFO named like a page was waited on for
    ever. Each is now an entry of the errors file, and the scan goes on."""
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(collection.reference, pages / "copy.txt")
    (pages / "broken.txt").symlink_to(tmp_path / "nothing.txt")
    (pages / "loop.txt").symlink_to(pages / "loop.txt")
    os.mkfifo(pages / "pipe.txt")
    out = tmp_path / "hits.jsonl"
    summary = scan([pages], ScanConfig(load(collection.reference)), out, jobs=1)
    assert (summary.hits, summary.errors) == (1, 3)
    assert [(Path(str(e["source"])).name, e["problem"]) for e in errors(out)] == [
        ("broken.txt", "a broken symbolic link"),
        ("loop.txt", "cannot read: Too many levels of symbolic links"),
        ("pipe.txt", "is a FIFO (named pipe), not a regular file"),
    ]


def test_an_out_that_is_someone_elses_file_is_refused_and_kept(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'--out' naming the reference, a corpus's manifest or its decisions wrote the hits
    over them, exit 0 (audit r9). A file that exists and is no scan's output (no plan of
    one beside it) is refused before any work, its bytes kept; a scan's own output is
    written again, as a rerun does."""
    reference = tmp_path / "reference.txt"
    shutil.copy(collection.reference, reference)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.toml").write_text("# a manifest\n", encoding="utf-8")
    (corpus / "reviews.jsonl").write_text('{"decision": 1}\n', encoding="utf-8")
    for out in (reference, corpus / "manifest.toml", corpus / "reviews.jsonl"):
        before = out.read_bytes()
        argv = ["scan", str(collection.jsonl), "--reference", str(reference), "--out", str(out)]
        assert main(argv) == 2
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith(f"provenance: {out}: {out.name} exists and is no scan's output")
        assert out.read_bytes() == before
    hits = tmp_path / "hits.jsonl"
    argv = ["scan", str(collection.jsonl), "--reference", str(reference), "--out", str(hits)]
    assert main([*argv, "--jobs", "1"]) == 0
    assert main([*argv, "--jobs", "1"]) == 0  # its own output, written again
    assert hits.read_bytes() and reference.read_bytes() == collection.reference.read_bytes()


def test_files_a_scan_does_not_read_are_counted_not_passed_over_silently(
    collection: Collection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A directory of files scan does not read (PDFs, ARC files, a .warc.zst) gave '0
    documents, 0 hits' and exit 0, as if it held nothing; named on its own such a file
    is refused."""
    crawl = tmp_path / "crawl"
    (crawl / "sub").mkdir(parents=True)
    for name in ("a.pdf", "b.pdf", "sub/c.warc.zst", "sub/d.arc.gz", ".DS_Store"):
        (crawl / name).write_bytes(b"not read")
    out = tmp_path / "hits.jsonl"
    argv = ["scan", str(crawl), "--reference", str(collection.reference), "--out", str(out)]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "passed over 4 files of kinds scan does not read (.arc.gz 1, .pdf 2, .warc.zst 1)" in err


def test_selecting_an_id_two_inputs_gave_to_different_pages_is_refused(
    collection: Collection, tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two exports reusing one id for different pages: `--select ID` added both, with
    nothing said about the id being ambiguous."""
    planted = [(i, t) for i, t in collection.docs if i in collection.planted][:2]
    for name, (_, text) in zip(("a.jsonl", "b.jsonl"), planted, strict=True):
        (tmp_path / name).write_text(json.dumps({"id": "same", "text": text}) + "\n", "utf-8")
    out = tmp_path / "hits.jsonl"
    inputs = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    assert main(["scan", *inputs, "--corpus", str(corpus_dir), "--out", str(out)]) == 0
    manifest = (corpus_dir / "manifest.toml").read_bytes()
    capsys.readouterr()
    argv = ["add", "--from-scan", str(out), "--select", "same", "--corpus", str(corpus_dir)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "2 hits have id 'same'" in err and "a.jsonl at byte 0" in err and "b.jsonl" in err
    assert (corpus_dir / "manifest.toml").read_bytes() == manifest


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("--shard-mb", "0", "a number of megabytes of at least 0.001"),
        ("--shard-mb", "-1", "a number of megabytes of at least 0.001"),
        ("--shard-mb", "1e-9", "a number of megabytes of at least 0.001"),
        ("--shard-mb", "nan", "a number of megabytes of at least 0.001"),
        ("--shard-mb", "inf", "a number of megabytes of at least 0.001"),
        ("--shard-mb", "four", "a number of megabytes of at least 0.001"),
        ("--min-grams", "-1", "a whole number of at least 1"),
        ("--min-grams", "0", "a whole number of at least 1"),
        ("--min-grams", "2.5", "a whole number of at least 1"),
        ("--jobs", "-1", "a whole number of at least 1"),
        ("--jobs", "0", "a whole number of at least 1"),
        ("--jobs", "x", "a whole number of at least 1"),
        ("--max-size", "-1", "0 for no limit"),
    ],
)
def test_a_nonsensical_number_is_refused_before_the_scan_starts(
    collection: Collection,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
    allowed: str,
) -> None:
    """`--shard-mb 0`, `--shard-mb -1` and `--min-grams -1` were taken silently (the scan
    ran on shards of one byte, or took any document with two telling 3-grams), `--min-grams
    0` was read as the default 4, and `--shard-mb nan` was an internal error. Each is a
    usage error: one line naming the option, the value and what it may be; exit 2; nothing
    written."""
    out = tmp_path / "hits.jsonl"
    argv = ["scan", str(collection.jsonl), "--reference", str(collection.reference)]
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--out", str(out), f"{option}={value}"])
    assert stopped.value.code == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"provenance scan: argument {option}: ")
    assert repr(value) in line and allowed in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("option", "value"), [("--shard-mb", "0.05"), ("--min-grams", "1")])
def test_the_smallest_sensible_numbers_are_taken(
    collection: Collection, tmp_path: Path, option: str, value: str
) -> None:
    out = tmp_path / "hits.jsonl"
    argv = ["scan", str(collection.jsonl), "--reference", str(collection.reference)]
    assert main([*argv, "--out", str(out), "--jobs", "1", option, value]) == 0
    assert collection.planted <= hit_ids(out)


def test_add_from_scan_of_a_gzip_stream_says_its_offset_counts_decompressed_bytes(
    collection: Collection, tmp_path: Path, corpus_dir: Path
) -> None:
    # A .jsonl.gz hit's offset counts the bytes of the decompressed stream; the manifest's
    # note said "at byte N" as if of the file (audit s57).
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(collection.jsonl.read_bytes()))
    out = tmp_path / "hits.jsonl"
    assert (
        main(["scan", str(packed), "--reference", str(collection.reference), "--out", str(out)])
        == 0
    )
    hit = json.loads(out.read_text().splitlines()[-1])
    assert hit["offset_in"] == "decompressed"
    assert (
        main(["add", "--from-scan", str(out), "--select", hit["id"], "--corpus", str(corpus_dir)])
        == 0
    )
    entry = tomllib.loads((corpus_dir / "manifest.toml").read_text(encoding="utf-8"))["captures"][
        -1
    ]
    assert entry["note"].endswith(f"{packed} at byte {hit['offset']} of its decompressed stream")
