"""The Textual review UI. Only `provenance.cli`'s review command imports it, lazily."""

from provenance.tui.app import ReviewApp, build_app

__all__ = ["ReviewApp", "build_app"]
