"""Locate, align, classify and review copies of a reference document.

The headless core: importing it never loads Textual.
"""

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
