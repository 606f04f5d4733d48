"""Every format, every shape, no traceback: generated captures through every output.

Each example is a capture built around the reference (tests/capture_strategies.py),
analysed, rendered by `report` (text, JSON, Markdown, HTML) and `collate` (text, JSON,
CSV, TEI, HTML), reviewed in the headless review session (every finding walked, some
decided, noted, bulk-accepted or undone as the example's plan says, then the corpus
reloaded), and checked by `check` on the corpus holding it and its decisions.
Asserted: nothing raises; every span the analysis reports, and every finding's span in
the review, lies in the file and reads as its reported text (the exact slice for plain
text; the slice's readable text for HTML and Markdown); a statement planted whole is
located as a full copy where it was planted; the decisions made are the ones on disk
after a reload, and the ones `check` counts.

CI runs a few examples per format (fixed under CI=true); `make fuzz` runs many:
PROVENANCE_FUZZ_EXAMPLES sets the number per format, and the run ends with how many
examples of each format ran (`RAN`, printed by conftest's terminal summary);
PROVENANCE_FUZZ_PROGRESS names a file that counts them as the run goes.
"""

from __future__ import annotations

import hashlib
import html
import os
import shutil
import tempfile
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from capture_strategies import Capture, html_captures, markdown_captures, text_captures
from conftest import BUNDLED
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from provenance import report
from provenance.analyse import Analyser, Analysis, SourceResult
from provenance.check.gate import check
from provenance.check.output import FORMATS, render
from provenance.collation import exports
from provenance.collation.genealogy import genealogy
from provenance.collation.table import collate
from provenance.collation.tei import read_tei, readings, to_tei
from provenance.collation.witnesses import witnesses
from provenance.corpus import load_corpus
from provenance.load import load
from provenance.model import Document, Finding, PassageKind, Span, Verdict
from provenance.report_html import render_html
from provenance.review import REVIEWS, ReviewStore
from provenance.session import CaptureReview, Session

pytestmark = pytest.mark.slow  # every example runs report, collate, review and check

STATEMENT = load_corpus(BUNDLED).reference.text
CAPTURE = "001_capture"
FUZZ = settings(
    max_examples=int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "10")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
RAN: Counter[str] = Counter()
PROGRESS = os.environ.get("PROVENANCE_FUZZ_PROGRESS")
"""A file to which every hundredth example of a format appends its count (`make fuzz`)."""
"""Examples that ran through everything, by format (conftest prints it after the run)."""
_ANALYSER: list[Analyser] = []

Plan = list[int]
"""What the reviewer does, one step per entry (see `_review`)."""
PLANS = st.lists(st.integers(0, 8), min_size=4, max_size=24)


def _analyser(reference: Document) -> Analyser:
    if not _ANALYSER:
        _ANALYSER.append(Analyser.of(reference))
    return _ANALYSER[0]


def exercise(capture: Capture, plan: Plan | None = None) -> int:
    """Write a corpus holding `capture`, then run every stage, output and the review over it.

    Returns how many findings the review decided."""
    directory = Path(tempfile.mkdtemp(prefix="provenance-fuzz-"))
    try:
        corpus = _corpus(directory, capture)
        reference = load_corpus(corpus).reference
        document = load(corpus / f"{CAPTURE}{capture.suffix}", id=CAPTURE)
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
        assert read_tei(to_tei(table)) == readings(table)  # any character, even a C0 control
        decided = _review(corpus, plan or [])
        result = check(corpus)
        for format in FORMATS:
            render(result, format)
        assert [p.message for p in result.problems if p.rule.name == "analysis-failed"] == []
        assert result.decided == decided
        assert not [p for p in result.problems if p.rule.name.startswith(("stale", "duplicate-d"))]
    finally:
        shutil.rmtree(directory)
    return decided


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


class Reader:
    """What a capture reads in a span: the slice, or for markup the readable text in it.

    Built once per analysis: the readable text's map is read into lists, and each span
    finds its characters by bisection (the map's starts never decrease).
    """

    def __init__(self, source: SourceResult) -> None:
        self.text = source.document.text
        readable = source.extracted
        self.readable = None if readable is None else readable.text
        self.starts = [] if readable is None else list(readable.to_original)[:-1]
        self.ends = [] if readable is None else list(readable.ends)
        assert self.starts == sorted(self.starts)

    def faithful(self) -> None:
        """Every letter of the readable text maps to source that holds it (decoded, for
        an entity): a map shifted inside a line (a table cell's `\\|` once did that)
        still reads consistently through `reading`, so it is checked here."""
        if self.readable is None:
            return
        for k, char in enumerate(self.readable):
            if char.isalpha():
                piece = self.text[self.starts[k] : self.ends[k]]
                assert char in piece or char in html.unescape(piece), (k, char, piece)

    def reading(self, span: Span) -> str:
        assert 0 <= span.start <= span.end <= len(self.text), span
        if self.readable is None:
            return self.text[span.start : span.end]
        first = bisect_left(self.starts, span.start)
        last = bisect_right(self.starts, span.end)
        return "".join(self.readable[k] for k in range(first, last) if self.ends[k] <= span.end)

    def same(self, reported: str, span: Span) -> bool:
        """True if `span` reads as `reported` (for markup: whatever the whitespace)."""
        found = self.reading(span)
        if self.readable is None:
            return found == reported
        return "".join(found.split()) == "".join(reported.split())


def _assert_spans(source: SourceResult, reference: Document) -> None:
    reader = Reader(source)
    reader.faithful()
    for passage in source.passages:
        reader.reading(passage.copy)
    for d in source.divergences:
        assert reader.same(d.copy_text, d.copy), d
        assert d.reference.of(reference.text) == d.reference_text, d
    for q in source.quotes:
        assert reader.same(q.text, q.span), q
        for d in q.divergences:
            assert reader.same(d.copy_text, d.copy), d
    for e in source.emphasis:
        assert reader.same(e.text, e.span), e


def _assert_located(source: SourceResult, planted: tuple[int, int]) -> None:
    full = [p for p in source.passages if p.kind is PassageKind.FULL]
    assert full, f"statement planted at {planted} not located: {source.passages}"
    start, end = planted
    assert any(p.copy.start < end and start < p.copy.end for p in full), (planted, full)


# The headless review session ---------------------------------------------------------------

State = dict[str, tuple[Verdict, str]]
"""Decisions as the reviewer made them: verdict and note, by finding id."""


def _session(corpus: Path) -> Session:
    """A review session on the corpus as it is on disk (a fresh load: what a relaunch sees)."""
    session = Session(load_corpus(corpus), ReviewStore(corpus / REVIEWS), reviewer="fuzz")
    for capture in session.corpus.captures:
        assert session.analyse(capture.id) is not None, session.error(capture.id)
        assert session.strip(capture.id, 60) is not None
    return session


def _review(corpus: Path, plan: Plan) -> int:
    """Review the capture as a reviewer would, by `plan`; reload and compare. Returns how
    many findings are decided.

    Steps (the keys): 0 accept `a`, 1 flag `f`, 2 next undecided `n`, 3 note `c` (on the
    finding decided last, when the cursor is not on a decision), 4 accept the rest of the
    kind `A`, 5 undo `u`, 6 filter `/` by the current kind (or clear it), 7 up `k`, 8 down `j`.
    """
    session = _session(corpus)
    session.collation()
    review = session.review(CAPTURE)
    _walk(review)
    made: State = {}
    history: list[State] = []  # the state before each saved change, for undo
    last = ""  # the finding decided last
    for step in plan:
        review.available()  # what the footer offers, asked after every key
        row = review.current()
        finding = row.finding if row is not None else None
        if step in (0, 1) and finding is not None:
            verdict = Verdict.ACCEPTED if step == 0 else Verdict.FLAGGED
            history.append(dict(made))
            assert review.decide(verdict)
            made[finding.id] = (verdict, made[finding.id][1] if finding.id in made else "")
            last = finding.id
        elif step == 2:
            review.next_undecided(1)
        elif step == 3 and ((finding is not None and finding.id in made) or last in made):
            target = finding.id if finding is not None and finding.id in made else last
            history.append(dict(made))
            review.annotate(target, f"note {len(history)}")
            made[target] = (made[target][0], f"note {len(history)}")
        elif step == 4 and len(review.same_kind()) > 1:
            history.append(dict(made))
            targets = review.same_kind()
            review.accept_all(targets)
            made |= {f.id: (Verdict.ACCEPTED, "") for f in targets}  # undecided had no note
        elif step == 5 and history:
            assert review.undo() is not None
            made = history.pop()
        elif step == 6:
            review.filter("" if review.query or finding is None else f"kind:{finding.kind}")
        elif step in (7, 8):
            review.move(-1 if step == 7 else 1)
    assert _decisions(review) == made
    review.filter("")
    before = [f.id for f in review.findings]

    reloaded = _session(corpus)  # what the next launch of the review sees
    again = reloaded.review(CAPTURE)
    assert [f.id for f in again.findings] == before
    assert _decisions(again) == made
    assert not [r for r in again.rows if r.state in ("stale", "conflict")]
    assert again.decided() == (len(made), len(before))
    _walk(again)
    sources = tuple(reloaded.analysed()[c.id] for c in reloaded.corpus.captures)
    found = [f for c in reloaded.corpus.captures for f in reloaded.findings_of(c.id)]
    render_html(Analysis(reloaded.corpus.reference, sources), found, reloaded.store.decisions())
    return len(made)


def _walk(review: CaptureReview) -> None:
    """Visit every finding as the cursor would, and read each one back from the capture."""
    reader = Reader(review.result)
    review.cursor = 0
    for _ in review.shown:
        row = review.current()
        assert row is not None and row.finding is not None, row
        _assert_reads(reader, row.finding, review.session.corpus.reference)
        review.quotation(row.finding)
        review.outside(row.finding)
        review.move(1)


def _assert_reads(reader: Reader, finding: Finding, reference: Document) -> None:
    assert reader.same(finding.text, finding.span), finding
    if finding.category == "divergence" and finding.reference is not None:
        assert finding.reference.of(reference.text) == finding.reference_text, finding


def _decisions(review: CaptureReview) -> State:
    return {
        r.finding.id: (r.decision.verdict, r.decision.note)
        for r in review.rows
        if r.finding is not None and r.decision is not None
    }


def _fuzz(strategy: Callable[[str], st.SearchStrategy[Capture]]) -> Callable[[], None]:
    @FUZZ
    @given(capture=strategy(STATEMENT), plan=PLANS)
    def test(capture: Capture, plan: Plan) -> None:
        for shape in capture.shapes:
            event(shape)  # counted by --hypothesis-show-statistics
        decided = exercise(capture, plan)
        event(f"{capture.format}:review decided {min(decided, 3)}{'+' * (decided >= 3)}")
        RAN[capture.format] += 1
        if PROGRESS and RAN[capture.format] % 100 == 0:  # a long run tells how far it got
            with Path(PROGRESS).open("a", encoding="utf-8") as out:
                out.write(f"{capture.format} {RAN[capture.format]}\n")

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
    exercise(Capture(data.encode("utf-8"), suffix, (0, len(data))), [0, 1, 3, 4, 5, 2, 0])
