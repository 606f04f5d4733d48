"""Locate, align, classify and review copies of a reference document.

The headless core: importing it never loads Textual. Its names load on first use (PEP 562):
`import provenance.cli` (the console script) imports no engine module, so the command is
running, and a Ctrl-C an exit 130 rather than a traceback, before the engine is imported.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType

TYPE_CHECKING = False
"""(mypy reads the name as True) `typing` is not imported at run time: with the `re` it
imports, 12 ms of the console script's start before `run`'s try, in which a Ctrl-C was
Python's traceback (audit k58)."""

if TYPE_CHECKING:
    from typing import Any

    from provenance.align import align, align_texts
    from provenance.analyse import Analyser, Analysis, SourceResult, analyse, analyse_corpus
    from provenance.classify import classify
    from provenance.corpus import Corpus, load_corpus
    from provenance.errors import CorpusError, ExitCode, InputError, ProvenanceError
    from provenance.findings import findings
    from provenance.load import load
    from provenance.locate import LocateOptions, locate, prepare
    from provenance.model import (
        Alignment,
        Decision,
        Divergence,
        Document,
        Edit,
        Finding,
        Kind,
        Normalised,
        Passage,
        PassageKind,
        Severity,
        Span,
        Verdict,
    )
    from provenance.normalise import Fold, normalise

_HOMES = {
    **dict.fromkeys(("align", "align_texts"), "align"),
    **dict.fromkeys(
        ("Analyser", "Analysis", "SourceResult", "analyse", "analyse_corpus"), "analyse"
    ),
    "classify": "classify",
    **dict.fromkeys(("Corpus", "load_corpus"), "corpus"),
    **dict.fromkeys(("CorpusError", "ExitCode", "InputError", "ProvenanceError"), "errors"),
    "findings": "findings",
    "load": "load",
    **dict.fromkeys(("LocateOptions", "locate", "prepare"), "locate"),
    **dict.fromkeys(
        (
            "Alignment",
            "Decision",
            "Divergence",
            "Document",
            "Edit",
            "Finding",
            "Kind",
            "Normalised",
            "Passage",
            "PassageKind",
            "Severity",
            "Span",
            "Verdict",
        ),
        "model",
    ),
    **dict.fromkeys(("Fold", "normalise"), "normalise"),
}
"""Each public name and the module (of this package) that defines it."""

_SHADOWED = frozenset(name for name, home in _HOMES.items() if name == home)
"""The functions named like their modules (`analyse` in `provenance.analyse`, ...): the
package's name is the function, as it always was, though the module is imported later."""


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        message = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(message)
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


class _Package(ModuleType):
    """This package. Importing a submodule binds its name on the package: for the names in
    `_SHADOWED` that would hide the function behind its module, so that binding is not
    made (the module is in sys.modules and `from provenance.analyse import ...` finds it)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _SHADOWED and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "Alignment",
    "Analyser",
    "Analysis",
    "Corpus",
    "CorpusError",
    "Decision",
    "Divergence",
    "Document",
    "Edit",
    "ExitCode",
    "Finding",
    "Fold",
    "InputError",
    "Kind",
    "LocateOptions",
    "Normalised",
    "Passage",
    "PassageKind",
    "ProvenanceError",
    "Severity",
    "SourceResult",
    "Span",
    "Verdict",
    "align",
    "align_texts",
    "analyse",
    "analyse_corpus",
    "classify",
    "findings",
    "load",
    "load_corpus",
    "locate",
    "normalise",
    "prepare",
]
