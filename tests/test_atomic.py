"""atomic_write: all or nothing, permissions kept, and the one writer of the corpus's files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from check_helpers import BUNDLED, copy_corpus, current_findings

from provenance.atomic import atomic_write
from provenance.errors import ReviewStoreError
from provenance.manifest import add
from provenance.model import Verdict
from provenance.review import ReviewStore


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_replacing_a_file_keeps_its_mode(tmp_path: Path) -> None:
    for kept in (0o644, 0o640, 0o600):
        path = tmp_path / f"kept-{kept:o}.json"
        path.write_bytes(b"old")
        path.chmod(kept)
        atomic_write(path, b"new")
        assert path.read_bytes() == b"new"
        assert mode(path) == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "kept-600.json",
        "kept-640.json",
        "kept-644.json",
    ]  # no temporary file left behind


def test_a_new_file_gets_what_the_umask_gives(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.txt", b"words")
    finally:
        os.umask(old)
    assert mode(tmp_path / "new.txt") == 0o640


def test_exclusive_refuses_an_existing_name(tmp_path: Path) -> None:
    path = tmp_path / "taken.txt"
    path.write_bytes(b"first")
    with pytest.raises(ReviewStoreError, match="already exists"):
        atomic_write(path, b"second", error=ReviewStoreError, exclusive=True)
    assert path.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["taken.txt"]


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reviews.json"
    path.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ReviewStoreError, match="cannot write: No space left on device"):
        atomic_write(path, b"new", error=ReviewStoreError)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["reviews.json"]


def test_saving_a_decision_and_adding_a_capture_keep_0644(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path)
    (corpus / "reviews.jsonl").write_bytes((BUNDLED / "reviews.jsonl").read_bytes())
    for name in ("reviews.jsonl", "manifest.toml"):
        (corpus / name).chmod(0o644)
    store = ReviewStore(corpus / "reviews.jsonl")
    store.decide(current_findings(corpus)[0], Verdict.ACCEPTED)
    capture = tmp_path / "new.txt"
    capture.write_text("Words of a capture written for this test.\n", encoding="utf-8")
    old = os.umask(0o022)
    try:
        entry = add(corpus, capture, id="new")
    finally:
        os.umask(old)
    assert mode(corpus / "reviews.jsonl") == 0o644
    assert mode(corpus / "manifest.toml") == 0o644
    assert mode(corpus / entry.file) == 0o644
