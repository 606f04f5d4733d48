"""Shared fixtures: the bundled corpus copied to tmp_path (its bytes are evidence), loaded."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from provenance.analyse import Analysis, analyse_corpus
from provenance.corpus import Corpus, load_corpus
from provenance.model import Document

# CI (CI=true) replays the same examples every run, so a landing never hangs on a new
# random draw; locally each run draws afresh, which is how new bugs get found.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus"
CORPUS = BUNDLED
"""The bundled corpus (evidence: tests copy it, never write to it)."""
FULL_COPY = "002_9103d841b337d515"
"""The capture that reproduces the whole statement with no-break-space damage."""
EXCERPTS = "001_74f1542717574725"
SOURCE = "000_3bc794f6186e8434"


_TUI = ROOT / "provenance" / "tui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the review UI's docstring examples `tui`, as tests/tui marks its modules:
    importing `provenance/tui/` loads Textual, so `make test-fast` leaves them out."""
    for item in items:
        if item.path.is_relative_to(_TUI):
            item.add_marker(pytest.mark.tui)


def python_output(code: str) -> str:
    """What a fresh Python process running `code` prints (what it imports is its own)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout


def make_document(text: str, id: str = "made") -> Document:
    """A Document built in memory, as `load` would build it from text's UTF-8 bytes."""
    data = text.encode("utf-8")
    return Document(
        id=id,
        path=Path(f"{id}.txt"),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=text,
    )


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the bundled corpus that a test may change."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED, target)
    return target


CHANGED_WORD = ("a complex solution", "a complete solution")
"""One word of the statement's second sentence, changed by `excerpt_corpus`'s capture."""


@pytest.fixture
def excerpt_corpus(tmp_path: Path) -> tuple[Path, str]:
    """A copy of the bundled corpus (no decisions) plus one capture holding one sentence
    of the statement with one word changed, added as `provenance add` adds it: (dir, id)."""
    from provenance.cli import main

    target = tmp_path / "excerpt-corpus"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("reviews.json*"))
    statement = load_corpus(target).reference.text
    start = statement.index("Russia and China will closely")
    sentence = statement[start : statement.index(".", start) + 1]
    assert CHANGED_WORD[0] in sentence
    page = tmp_path / "letter.txt"
    page.write_text(
        "A reader wrote in with one line of the statement, quoted from memory:\n\n"
        f"{sentence.replace(*CHANGED_WORD)}\n\nThe rest of the letter is about the weather.\n",
        "utf-8",
    )
    assert main(["add", str(page), "--corpus", str(target), "--holds", "excerpts"]) == 0
    added = load_corpus(target).captures[-1].id
    return target, added


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The bundled corpus, loaded from a read-only-by-convention copy (shared by tests)."""
    target = tmp_path_factory.mktemp("bundled") / "corpus"
    shutil.copytree(BUNDLED, target)
    return load_corpus(target)


@pytest.fixture(scope="session")
def analysis(corpus: Corpus) -> Analysis:
    """The bundled corpus analysed once (locate, align, classify)."""
    return analyse_corpus(corpus)


@pytest.fixture(scope="session")
def reference(corpus: Corpus) -> Document:
    """The reference Document: the statement cut from capture 000."""
    return corpus.reference


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After a run of the fuzz sweep, how many examples of each format ran through it."""
    fuzz = sys.modules.get("test_fuzz_captures")
    ran = getattr(fuzz, "RAN", None)
    if ran:
        counts = ", ".join(f"{format} {ran[format]}" for format in ("txt", "md", "html"))
        terminalreporter.write_line(f"fuzz examples run through every stage: {counts}")


def build_case_copy(spec: str | dict[str, Any], reference: str) -> str:
    """The copy a case of tests/cases/*.json describes: a text, or the reference with
    `replace` pairs (each old text once) and a `move_paragraph` [from, to]."""
    if isinstance(spec, str):
        return spec
    assert spec["from"] == "reference"
    text = reference
    for old, new in spec.get("replace", []):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    if "move_paragraph" in spec:
        source, target = spec["move_paragraph"]
        paragraphs = text.split("\n\n")
        moved = paragraphs.pop(source)
        paragraphs.insert(target, moved)
        text = "\n\n".join(paragraphs)
    return text
