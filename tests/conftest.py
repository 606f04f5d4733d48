"""Shared fixtures: a copy of the bundled corpus (the evidence is never touched)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from provenance.corpus import Corpus, load_corpus

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    target = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        shutil.copy(path, target / path.name)
    return load_corpus(target)
