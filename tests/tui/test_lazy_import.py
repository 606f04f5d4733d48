"""The headless core and the CLI start without Textual; only the review command loads it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from provenance.cli import main

pytestmark = pytest.mark.tui  # needs Textual (Pilot, snapshots or the UI's modules)


@pytest.mark.parametrize("module", ["provenance", "provenance.cli", "provenance.review"])
def test_core_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith('textual')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_review_of_a_missing_corpus_is_one_line(tmp_path, capsys) -> None:
    code = main(["review", str(tmp_path / "nowhere"), "--reviewer", "tester"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "nowhere" in err and "corpus directory does not exist" in err


def test_bare_command_is_review(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.chdir(tmp_path)  # no ./corpus here: the bare command tries to open it
    assert main([]) == 2
    assert "corpus: corpus directory does not exist" in capsys.readouterr().err
