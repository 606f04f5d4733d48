"""provenance scan's inputs: what a JSON line, a page or a directory that cannot be read
becomes (one errors-file entry naming it, the scan going on), and inputs named twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from provenance.cli import main

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "cases" / "quotes" / "reference.txt"
COPY = REFERENCE.read_text(encoding="utf-8")
"""A full copy of the reference: every input below that is read holds a hit."""


def _scan(inputs: list[Path], out: Path, *extra: str) -> int:
    args = ["scan", *map(str, inputs), "--reference", str(REFERENCE), "--out", str(out)]
    return main([*args, "--jobs", "1", *extra])


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _errors(out: Path) -> list[dict[str, Any]]:
    return _lines(out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl"))


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
