"""The headless core never imports Textual (the review UI is the only place that may)."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_no_textual() -> None:
    code = (
        "import sys, provenance, provenance.cli, provenance.report, provenance.analyse\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(len(sys.modules)); print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    count, loaded = result.stdout.splitlines()
    assert int(count) > 50  # the imports really happened
    assert loaded == "[]"
