"""What the engine says of the audit pages, against the last recorded snapshot.

The pages under `benchmarks/audit_pages/` were written by black-box audits (each audit's
EXPECTATIONS.md beside its pages says what a serious tool must say of them): copies,
excerpts and quotations of the statement in the ways real pages damage it. This script
analyses each page against the bundled corpus's reference, as `report` does, and compares
what it finds (passages, divergences above cosmetic, quotations with their verdict and
speaker) with `benchmarks/audit_pages/snapshot.json`. Every difference a change makes is
printed, page by page, to be read against that page's expectations: a regression check
over a few hundred realistic pages, not a test (a difference may be the fix).

    .venv/bin/python benchmarks/audit_snapshot.py            # differences from the snapshot
    .venv/bin/python benchmarks/audit_snapshot.py --write    # record the current findings
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from provenance.analyse import Analyser
from provenance.corpus import load_corpus
from provenance.load import load

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "benchmarks" / "audit_pages"
SNAPSHOT = PAGES / "snapshot.json"


def findings(analyser: Analyser, page: Path) -> dict[str, Any]:
    """The page's passages, divergences (not cosmetic) and quotations, as short rows."""
    try:
        result = analyser.source(load(page))
    except Exception as error:  # a crash is a finding of its own
        return {"error": f"{type(error).__name__}: {error}"}
    return {
        "passages": [[p.kind.value, p.copy.start, p.copy.end] for p in result.passages],
        "divergences": sorted(
            [d.kind.value, str(d.severity), d.copy.start, d.copy.end]
            for d in result.divergences
            if str(d.severity) != "cosmetic"
        ),
        "quotations": [
            [
                q.span.start,
                q.verdict.value,
                q.attributed,
                q.attribution.speaker if q.attribution else None,
            ]
            for q in result.quotes
        ],
    }


def snapshot() -> dict[str, Any]:
    analyser = Analyser.of(load_corpus(ROOT / "corpus").reference)
    pages = sorted(p for p in PAGES.glob("*/pages/*") if p.is_file())
    return {str(p.relative_to(PAGES)): findings(analyser, p) for p in pages}


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One line per row that one snapshot has and the other lacks, page by page."""
    out = []
    for page in sorted(set(old) | set(new)):
        before, after = old.get(page, {}), new.get(page, {})
        if before == after:
            continue
        out.append(f"== {page}")
        for part in sorted(set(before) | set(after)):
            was = Counter(json.dumps(row) for row in _rows(before.get(part)))
            now = Counter(json.dumps(row) for row in _rows(after.get(part)))
            out += [f"  - {part} {row}" for row in (was - now).elements()]
            out += [f"  + {part} {row}" for row in (now - was).elements()]
    return out


def _rows(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="record the current findings")
    args = parser.parse_args(argv)
    new = snapshot()
    if args.write:
        SNAPSHOT.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(new)} pages in {SNAPSHOT.relative_to(ROOT)}")
        return 0
    try:
        old = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"audit_snapshot: {SNAPSHOT}: cannot be read ({error})", file=sys.stderr)
        return 2
    if not isinstance(old, dict):
        print(f"audit_snapshot: {SNAPSHOT}: not a snapshot (no object of pages)", file=sys.stderr)
        return 2
    lines = differences(old, new)
    print("\n".join(lines) if lines else f"{len(new)} pages: as recorded")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
