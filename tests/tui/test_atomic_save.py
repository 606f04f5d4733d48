"""A save interrupted at any point leaves the previous review file whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from provenance.analyse import analyse_corpus
from provenance.corpus import load_corpus
from provenance.errors import ReviewStoreError
from provenance.findings import findings
from provenance.model import Finding, Verdict
from provenance.review import REVIEWS, ReviewStore


def _findings(corpus_dir: Path) -> list[Finding]:
    return findings(analyse_corpus(load_corpus(corpus_dir)))


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_failure_during_save_keeps_previous_file(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    found = _findings(corpus_dir)
    store = ReviewStore(corpus_dir / REVIEWS)
    store.decide(found[0], Verdict.ACCEPTED, reviewer="tester")
    before = (corpus_dir / REVIEWS).read_bytes()

    def crash(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, step, crash)
    with pytest.raises(ReviewStoreError, match="Input/output error"):
        store.decide(found[1], Verdict.FLAGGED, reviewer="tester")
    monkeypatch.undo()
    assert (corpus_dir / REVIEWS).read_bytes() == before
    assert [p.name for p in corpus_dir.iterdir() if p.name.endswith(".tmp")] == []
    assert store.get(found[1].id) is None
    assert store.undo() == found[0].id  # the failed save left nothing to undo
    assert ReviewStore(corpus_dir / REVIEWS).decisions() == []


def test_process_killed_mid_save_keeps_previous_file(corpus_dir: Path) -> None:
    """A real process dies between writing the temp file and renaming it (os._exit: no
    clean-up, as with SIGKILL); the review file on disk is the previous one, still valid."""
    found = _findings(corpus_dir)
    ReviewStore(corpus_dir / REVIEWS).decide(found[0], Verdict.ACCEPTED, reviewer="tester")
    before = (corpus_dir / REVIEWS).read_bytes()
    script = textwrap.dedent(
        f"""
        import os
        from provenance.analyse import analyse_corpus
        from provenance.findings import findings
        from provenance.corpus import load_corpus
        from provenance.model import Verdict
        from provenance.review import ReviewStore
        corpus = {str(corpus_dir)!r}
        found = findings(analyse_corpus(load_corpus(corpus)))
        os.replace = lambda *a: os._exit(9)   # killed at the worst moment
        ReviewStore(corpus + "/reviews.jsonl").decide_many(found, Verdict.FLAGGED)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert done.returncode == 9, done.stderr
    assert (corpus_dir / REVIEWS).read_bytes() == before
    data = [json.loads(line) for line in before.decode("utf-8").splitlines()]
    assert [d["verdict"] for d in data if "finding" in d] == ["accepted"]
    assert ReviewStore(corpus_dir / REVIEWS).get(found[0].id) is not None
