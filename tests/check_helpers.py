"""Shared helpers of the check, manifest and decide tests: copies of the bundled corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from provenance.analyse import analyse_corpus
from provenance.cli import main
from provenance.corpus import load_corpus
from provenance.findings import findings
from provenance.model import Finding, Verdict
from provenance.review import REVIEWS, SCHEMA, ReviewStore

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"
CAPTURES = sorted(p.name for p in BUNDLED.glob("*.txt"))
C000, C001, C002, C003, C004 = CAPTURES


def copy_corpus(parent: Path) -> Path:
    """A copy of the bundled corpus (captures and manifest, no review file) in `parent`."""
    target = parent / "corpus"
    target.mkdir()
    for name in [*CAPTURES, "manifest.toml"]:
        shutil.copyfile(BUNDLED / name, target / name)
    return target


def read_decisions(path: Path) -> list[dict[str, Any]]:
    """The decision lines of a review file (`reviews.jsonl`), as JSON objects."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [item for item in items if "finding" in item]


def write_decisions(path: Path, decisions: list[dict[str, Any]]) -> None:
    """Write `decisions` as a review file, one a line, as a person or a merge might."""
    lines = [json.dumps({"schema": SCHEMA}), *map(json.dumps, decisions)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def current_findings(corpus: Path) -> list[Finding]:
    """The findings of the corpus as the analysis sees them now."""
    return findings(analyse_corpus(load_corpus(corpus)))


def decide_all(corpus: Path) -> int:
    """Accept every current finding in a fresh review file; return how many."""
    current = current_findings(corpus)
    ReviewStore(corpus / REVIEWS).decide_many(current, Verdict.ACCEPTED, reviewer="test")
    return len(current)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run the console script in-process; (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def failing_check(capsys: pytest.CaptureFixture[str], corpus: Path) -> str:
    """Run `provenance check corpus`, assert it exits 1 (problems found), return stdout."""
    code, out, _ = run(capsys, "check", corpus)
    assert code == 1, out
    return out


def problem_lines(out: str, code: str) -> list[str]:
    """Lines of text output that report the rule `code` (e.g. "P101")."""
    return [line for line in out.splitlines() if f": {code} " in line]


def line_column(text: str | bytes, at: int) -> tuple[int, int]:
    """1-based line and column of index `at` (characters of str, bytes of bytes)."""
    newline = b"\n" if isinstance(text, bytes) else "\n"
    return text.count(newline, 0, at) + 1, at - (text.rfind(newline, 0, at) + 1) + 1
