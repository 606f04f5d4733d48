"""Marks the review UI's docstring examples `tui`, as tests/tui marks its modules.

`--doctest-modules` collects the examples of `provenance/tui/` too; importing those
modules loads Textual, so `make test-fast` (`-m "not tui"`) leaves them to `make test`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

_TUI = Path(__file__).resolve().parent / "provenance" / "tui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(_TUI):
            item.add_marker(pytest.mark.tui)
