"""Write the report JSON of every case in tests/cases/ into a directory, to compare two runs.

    .venv/bin/python scripts/golden_cases.py OUT_DIR     # then: diff -r BEFORE AFTER

Each case (a reference and a copy, see tests/test_classify.py) is written four ways:
`provenance diff` (the two texts aligned whole) and `provenance report --reference`
(locate, align, classify, quotations) on the plain-text files, and `report` again with
the copy as an HTML page and as a Markdown file (one paragraph per blank-line block),
so the mapping from readable text back to the original is covered too. The files are
written to a temporary directory and read back with `load`, as the CLI reads them.
"""

from __future__ import annotations

import html
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from provenance.analyse import analyse, compare
from provenance.load import load
from provenance.report import render_json

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
STATEMENT = "000_3bc794f6186e8434.txt"
START, END = 9212, 14713
"""The statement's span in capture 000 (corpus/manifest.toml)."""


def build_copy(spec: str | dict[str, Any], reference: str) -> str:
    """The copy a case describes (the same rules as tests/test_classify.py)."""
    if isinstance(spec, str):
        return spec
    text = reference
    for old, new in spec.get("replace", []):
        text = text.replace(old, new)
    if "move_paragraph" in spec:
        source, target = spec["move_paragraph"]
        paragraphs = text.split("\n\n")
        paragraphs.insert(target, paragraphs.pop(source))
        text = "\n\n".join(paragraphs)
    return text


def as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in text.split("\n\n"))
    return f"<html><head><title>case</title></head><body>\n{paragraphs}</body></html>\n"


def write_case(out: Path, name: str, case: dict[str, Any], statement: str) -> None:
    reference_text = statement if case["reference"] == "@statement" else case["reference"]
    copy_text = build_copy(case["copy"], reference_text)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {
            "reference.txt": reference_text,
            "copy.txt": copy_text,
            "copy.html": as_html(copy_text),
            "copy.md": copy_text,
        }
        for file, text in files.items():
            (folder / file).write_bytes(text.encode("utf-8"))
        reference = load(folder / "reference.txt", id="reference")
        runs = {
            "diff": lambda: compare(reference, load(folder / "copy.txt", id="copy")),
            "report": lambda: analyse(reference, [load(folder / "copy.txt", id="copy")]),
            "report-html": lambda: analyse(reference, [load(folder / "copy.html", id="copy")]),
            "report-md": lambda: analyse(reference, [load(folder / "copy.md", id="copy")]),
        }
        for how, run in runs.items():
            try:
                rendered = render_json(run()).replace(str(folder), "TMP")
            except Exception as error:  # an engine bug is an output too: it must not change
                rendered = f"error: {type(error).__name__}: {error}\n"
                print(f"{name} {how}: {rendered}", end="", file=sys.stderr)
            (out / f"{name}.{how}.json").write_text(rendered, encoding="utf-8")


def main() -> None:
    if len(sys.argv) != 2:
        usage = "usage: golden_cases.py OUT_DIR"
        raise SystemExit(usage)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    captured = (ROOT / "corpus" / STATEMENT).read_bytes().decode("utf-8")
    statement = captured[START:END]
    count = 0
    for path in sorted(CASES.glob("*.json")):
        for k, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            write_case(out, f"{path.stem}-{k:02d}", case, statement)
            count += 1
    print(f"{count} cases, 4 reports each, written to {out}")


if __name__ == "__main__":
    main()
