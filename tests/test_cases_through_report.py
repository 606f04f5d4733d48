"""Every classify case of tests/cases/*.json through the whole pipeline, in three formats.

tests/test_classify.py checks each case's kinds on the two texts aligned whole. Here the
same copies go through `analyse` (locate, align, classify, structure, quotations,
emphasis) as plain text, HTML and Markdown, as `provenance report --reference` reads
them: nothing may raise, and every divergence's span slices the original file to its
reading (the footnote case 2 raised IndexError in locate before fa8d6a3).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import build_case_copy

from provenance.analyse import analyse
from provenance.load import load
from provenance.model import Format

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.json")):
        for k, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            out.append(pytest.param(case, id=f"{path.stem}-{k:02d}"))
    return out


@pytest.mark.parametrize("case", _cases())
def test_a_case_goes_through_report_in_every_format(
    case: dict[str, Any], reference: Any, tmp_path: Path
) -> None:
    ref_text = reference.text if case["reference"] == "@statement" else case["reference"]
    copy = build_case_copy(case["copy"], ref_text)
    (tmp_path / "reference.txt").write_text(ref_text, encoding="utf-8")
    pages = {
        "copy.txt": copy,
        "copy.md": copy,
        "copy.html": "<html><body>\n"
        + "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in copy.split("\n\n"))
        + "</body></html>\n",
    }
    ref = load(tmp_path / "reference.txt", id="reference")
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        document = load(tmp_path / name, id="copy")
        source = analyse(ref, [document]).sources[0]
        for d in source.divergences:
            assert d.reference.of(ref.text) == d.reference_text
            if document.format is Format.TEXT:
                assert d.copy.of(document.text) == d.copy_text
