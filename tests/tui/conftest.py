"""Fixtures for the review UI: the bundled corpus copied to tmp_path, and a way in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tui_helpers import CORPUS

from provenance.tui.app import ReviewApp, build_app


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the bundled corpus: tests never touch corpus/ or its reviews.jsonl."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns("reviews.json*"))
    return target


@pytest.fixture
def app(corpus_dir: Path) -> ReviewApp:
    return build_app(corpus_dir, reviewer="tester")
