"""Every format, every shape, no traceback: generated captures through every output.

Each example is a capture built around the reference (tests/capture_strategies.py),
analysed, rendered by `report` (text, JSON, Markdown) and `collate` (text, JSON, CSV,
TEI, HTML), and checked by `check` on a corpus holding it. Asserted: nothing raises;
every span the analysis reports lies in the file and reads as its reported text (the
exact slice for plain text; the slice's readable text for HTML and Markdown); and a
statement planted whole is located as a full copy where it was planted.

CI runs a few examples per format (fixed under CI=true); `make fuzz` runs many:
PROVENANCE_FUZZ_EXAMPLES sets the number per format.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from capture_strategies import Capture, html_captures, markdown_captures, text_captures
from conftest import BUNDLED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance import report
from provenance.analyse import Analyser, Analysis, SourceResult
from provenance.check.gate import check
from provenance.check.output import FORMATS, render
from provenance.collation import exports
from provenance.collation.genealogy import genealogy
from provenance.collation.table import collate
from provenance.collation.tei import to_tei
from provenance.collation.witnesses import witnesses
from provenance.corpus import load_corpus
from provenance.load import load
from provenance.model import Document, PassageKind, Span

pytestmark = pytest.mark.slow  # every example runs report, collate and check in all formats

STATEMENT = load_corpus(BUNDLED).reference.text
FUZZ = settings(
    max_examples=int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "10")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_ANALYSER: list[Analyser] = []


def _analyser(reference: Document) -> Analyser:
    if not _ANALYSER:
        _ANALYSER.append(Analyser.of(reference))
    return _ANALYSER[0]


def exercise(capture: Capture) -> None:
    """Write a corpus holding `capture`, then run every stage and output over it."""
    directory = Path(tempfile.mkdtemp(prefix="provenance-fuzz-"))
    try:
        corpus = _corpus(directory, capture)
        reference = load_corpus(corpus).reference
        document = load(corpus / f"001_capture{capture.suffix}", id="001_capture")
        analysis = Analysis(reference, (_analyser(reference).source(document),))
        [source] = analysis.sources
        _assert_spans(source, reference)
        if capture.planted is not None:
            _assert_located(source, capture.planted)
        for text in (
            report.render_text(analysis, color=True),
            report.render_json(analysis),
            report.render_markdown(analysis),
        ):
            assert "\x1b[2J" not in text
        table = collate(reference, witnesses(analysis))
        tree = genealogy(table)
        exports.render_text(table, tree)
        exports.render_json(table, tree)
        exports.render_csv(table)
        exports.render_html(table, tree)
        to_tei(table)
        result = check(corpus)
        for format in FORMATS:
            render(result, format)
        assert [p.message for p in result.problems if p.rule.name == "analysis-failed"] == []
    finally:
        shutil.rmtree(directory)


def _corpus(directory: Path, capture: Capture) -> Path:
    """A corpus of two captures: the statement alone (the reference's source) and `capture`."""
    corpus = directory / "corpus"
    corpus.mkdir()
    statement = STATEMENT.encode("utf-8")
    files = {"000_statement.txt": statement, f"001_capture{capture.suffix}": capture.data}
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    entries = "".join(
        f'\n[[captures]]\nid = "{name.split(".")[0]}"\nfile = "{name}"\n'
        f'sha256 = "{hashlib.sha256(data).hexdigest()}"\nsize = {len(data)}\n'
        f'format = "{name.rsplit(".", 1)[1].replace("txt", "text").replace("md", "markdown")}"\n'
        "holds = []\n"
        for name, data in files.items()
    )
    (corpus / "manifest.toml").write_text(
        'schema = "provenance-manifest/1"\n\n[reference]\nid = "statement"\n'
        f'source = "000_statement"\nstart = 0\nend = {len(STATEMENT)}\n'
        f'sha256 = "{hashlib.sha256(statement).hexdigest()}"\n' + entries,
        encoding="utf-8",
    )
    return corpus


def _reading(source: SourceResult, span: Span) -> str:
    """What the capture reads in `span`: the slice, or for markup the readable text in it."""
    text = source.document.text
    assert 0 <= span.start <= span.end <= len(text), span
    readable = source.extracted
    if readable is None:
        return text[span.start : span.end]
    return "".join(
        char
        for k, char in enumerate(readable.text)
        if span.start <= readable.to_original[k] < readable.ends[k] <= span.end
    )


def _same(reported: str, source: SourceResult, span: Span) -> bool:
    found = _reading(source, span)
    if source.extracted is None:
        return found == reported
    return "".join(found.split()) == "".join(reported.split())


def _assert_spans(source: SourceResult, reference: Document) -> None:
    for passage in source.passages:
        _reading(source, passage.copy)
    for d in source.divergences:
        assert _same(d.copy_text, source, d.copy), d
        assert d.reference.of(reference.text) == d.reference_text, d
    for q in source.quotes:
        assert _same(q.text, source, q.span), q
        for d in q.divergences:
            assert _same(d.copy_text, source, d.copy), d
    for e in source.emphasis:
        assert _same(e.text, source, e.span), e


def _assert_located(source: SourceResult, planted: tuple[int, int]) -> None:
    full = [p for p in source.passages if p.kind is PassageKind.FULL]
    assert full, f"statement planted at {planted} not located: {source.passages}"
    start, end = planted
    assert any(p.copy.start < end and start < p.copy.end for p in full), (planted, full)


def _fuzz(strategy: Callable[[str], st.SearchStrategy[Capture]]) -> Callable[[], None]:
    @FUZZ
    @given(capture=strategy(STATEMENT))
    def test(capture: Capture) -> None:
        exercise(capture)

    return test


test_text_captures = _fuzz(text_captures)
test_markdown_captures = _fuzz(markdown_captures)
test_html_captures = _fuzz(html_captures)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_the_statement_alone_in_each_format(suffix: str) -> None:
    """The plainest capture of each format: the harness itself finds the statement."""
    data = STATEMENT
    if suffix == ".html":
        data = "".join(f"<p>{p}</p>" for p in STATEMENT.split("\n\n"))
    exercise(Capture(data.encode("utf-8"), suffix, (0, len(data))))
