"""The headless review session: what the screens share, driven without Textual or Pilot."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from check_helpers import read_decisions, write_decisions
from slow_capture import add_slow_capture

from provenance.analyse import Analyser
from provenance.apart import CancelledError
from provenance.corpus import load_corpus
from provenance.errors import ProvenanceError
from provenance.model import Document, Verdict
from provenance.review import LEGACY_REVIEWS, REVIEWS, ReviewStore
from provenance.session import Session

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"
FULL_COPY = "002_9103d841b337d515"
EXCERPTS = "001_74f1542717574725"
BOUND = 20.0
"""Seconds an analysis may take to stop: a bound so a broken build fails, not a timing."""


@pytest.fixture
def fresh_dir(tmp_path: Path) -> Path:
    """A copy of the bundled corpus with no decisions yet."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns(REVIEWS, LEGACY_REVIEWS))
    return target


@pytest.fixture
def session(fresh_dir: Path) -> Session:
    return Session(load_corpus(fresh_dir), ReviewStore(fresh_dir / REVIEWS), reviewer="tester")


def on_disk(directory: Path) -> dict[str, str]:
    """Verdicts in the review file, by finding id."""
    path = directory / REVIEWS
    if not path.exists():
        return {}
    return {d["finding"]: d["verdict"] for d in read_decisions(path)}


def test_session_does_not_import_textual() -> None:
    code = "import sys, provenance.session; print([m for m in sys.modules if 'textual' in m])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_review_opens_on_the_first_undecided_and_decide_advances(
    session: Session, fresh_dir: Path
) -> None:
    review = session.review(FULL_COPY)
    first, second = review.findings[0], review.findings[1]
    row = review.current()
    assert row is not None and row.finding == first
    assert review.decide(Verdict.ACCEPTED)
    assert on_disk(fresh_dir) == {first.id: "accepted"}  # saved at once
    assert review.current().finding == second  # type: ignore[union-attr]
    assert review.rows[0].state == "accepted"
    assert review.decided() == (1, len(review.findings))


def test_undo_reverts_and_returns_to_the_finding(session: Session, fresh_dir: Path) -> None:
    review = session.review(FULL_COPY)
    first = review.findings[0].id
    review.decide(Verdict.FLAGGED)
    assert "undo" in review.available()
    assert review.undo() == first
    assert on_disk(fresh_dir) == {}
    row = review.current()
    assert row is not None and row.key == first and row.state == "undecided"
    assert "undo" not in review.available()
    assert review.undo() is None


def test_reopening_keeps_the_decisions_of_an_earlier_session(fresh_dir: Path) -> None:
    def open_session(reviewer: str) -> Session:
        store = ReviewStore(fresh_dir / REVIEWS)
        return Session(load_corpus(fresh_dir), store, reviewer=reviewer)

    review = open_session("first").review(FULL_COPY)
    review.decide(Verdict.ACCEPTED)
    review.decide(Verdict.FLAGGED)
    again = open_session("second").review(FULL_COPY)
    assert [r.state for r in again.rows[:3]] == ["accepted", "flagged", "undecided"]
    assert again.cursor == 2


def test_filter_keeps_matching_rows_and_clearing_shows_all(session: Session) -> None:
    review = session.review(FULL_COPY)
    review.filter("kind:punct")
    [row] = review.shown
    assert row.finding is not None and row.finding.kind == "punctuation"
    assert review.current() == row
    review.decide(Verdict.FLAGGED)
    review.filter("severity:minor state:flagged")
    assert [r.key for r in review.shown] == [row.key]
    review.filter("")
    assert len(review.shown) == len(review.rows) == len(review.findings)
    assert review.current().key == row.key  # type: ignore[union-attr]


def test_next_undecided_wraps_and_skips_decided(session: Session) -> None:
    review = session.review(FULL_COPY)
    keys = [r.key for r in review.shown]
    assert review.next_undecided(-1)
    assert review.current().key == keys[-1]  # type: ignore[union-attr]
    assert review.next_undecided(1)
    assert review.current().key == keys[0]  # type: ignore[union-attr]
    review.decide(Verdict.ACCEPTED)
    review.decide(Verdict.ACCEPTED)
    review.move(-len(keys))  # to the top, which is decided now
    assert review.cursor == 0
    assert review.next_undecided(-1)
    assert review.current().key == keys[-1]  # type: ignore[union-attr]


def test_bulk_accept_is_one_save_and_one_undo(session: Session, fresh_dir: Path) -> None:
    review = session.review(FULL_COPY)
    assert review.move_to(next(f.id for f in review.findings if f.kind == "whitespace"))
    targets = review.same_kind()
    assert len(targets) == 9 and {f.kind for f in targets} == {"whitespace"}
    assert "bulk_accept" in review.available()
    review.accept_all(targets)
    assert set(on_disk(fresh_dir)) == {f.id for f in targets}
    assert review.same_kind() == []
    review.undo()
    assert on_disk(fresh_dir) == {}


def test_actions_available_follow_the_cursor_and_the_decisions(session: Session) -> None:
    review = session.review(FULL_COPY)
    assert review.available() == {"decide", "note", "undecided", "bulk_accept"}
    review.decide(Verdict.ACCEPTED)
    review.move(-1)  # back on the decided finding: a note can be attached now
    assert {"note", "undo", "decide"} <= review.available()
    review.annotate(review.findings[0].id, "from the editor")
    decision = session.store.get(review.findings[0].id)
    assert decision is not None and decision.note == "from the editor"
    assert decision.reviewer == session.reviewer  # who wrote the note
    empty = session.review("003_5ac32bcfc2f299f0")  # no passage, nothing to decide
    assert empty.rows == [] and empty.current() is None
    assert empty.available() == frozenset()
    assert not empty.decide(Verdict.ACCEPTED)


def test_stale_decision_is_listed_kept_and_not_decidable(session: Session, fresh_dir: Path) -> None:
    capture = next(c for c in session.corpus.captures if c.id == FULL_COPY)
    stale = {
        "finding": "d-0000000000000000",
        "source": FULL_COPY,
        "source_sha256": capture.sha256,
        "verdict": "flagged",
        "note": "",
        "reviewer": "earlier",
        "time": "2024-01-01T00:00:00Z",
        "summary": "a finding this classifier no longer makes",
    }
    write_decisions(fresh_dir / REVIEWS, [stale])
    session = Session(session.corpus, ReviewStore(fresh_dir / REVIEWS), reviewer="tester")
    review = session.review(FULL_COPY)
    assert [r.state for r in review.rows].count("stale") == 1
    review.move(len(review.rows))
    assert review.current().state == "stale"  # type: ignore[union-attr]
    assert "decide" not in review.available()
    assert not review.decide(Verdict.ACCEPTED)
    assert on_disk(fresh_dir) == {"d-0000000000000000": "flagged"}


def test_excerpts_are_reviewable(session: Session, excerpt_corpus: tuple[Path, str]) -> None:
    assert len(session.review(EXCERPTS).result.passages) == 2
    directory, added = excerpt_corpus
    other = Session(load_corpus(directory), ReviewStore(directory / REVIEWS), reviewer="t")
    review = other.review(added)
    [divergence] = [f for f in review.findings if f.category == "divergence"]
    assert (divergence.reference_text, divergence.text) == ("complex", "complete")
    assert review.decide(Verdict.FLAGGED)


def test_a_capture_that_fails_is_recorded_and_the_others_go_on(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Analyser.source

    def fails_on_003(self: Analyser, capture: Document) -> object:
        if capture.id.startswith("003"):
            problem = "planted failure"
            raise IndexError(problem)
        return original(self, capture)

    monkeypatch.setattr(Analyser, "source", fails_on_003)
    results = {c.id: session.analyse(c.id) for c in session.corpus.captures}
    failed = [i for i, r in results.items() if r is None]
    assert failed == ["003_5ac32bcfc2f299f0"]
    assert session.error(failed[0]) == "IndexError: planted failure"
    assert session.progress().failed == 1
    assert session.progress().analysed == len(results) - 1
    assert session.undecided_count(failed[0]) == 0
    with pytest.raises(ProvenanceError, match="planted failure"):
        session.review(failed[0])
    table, _ = session.collation()  # the variants view collates the others
    assert FULL_COPY in {w.source for w in table.witnesses}


def test_progress_and_analysed_are_safe_while_a_worker_fills_them(session: Session) -> None:
    """The corpus screen reads the session on the UI thread while a worker analyses."""
    errors: list[BaseException] = []

    def fill() -> None:
        try:
            for capture in session.corpus.captures:
                session.analyse(capture.id)
        except BaseException as error:  # pragma: no cover - the failure being tested
            errors.append(error)

    worker = threading.Thread(target=fill)
    worker.start()
    while worker.is_alive():
        done = session.analysed()
        progress = session.progress()
        assert len(done) <= progress.analysed + progress.failed <= progress.total
    worker.join()
    assert errors == []
    assert session.progress().analysed == len(session.corpus.captures)
    assert session.progress().decided == 0


# --- analysing apart (the UI's session): same answers, and `close` stops them ----------


def apart_session(directory: Path) -> Session:
    store = ReviewStore(directory / REVIEWS)
    return Session(load_corpus(directory), store, reviewer="tester", apart=True)


def test_apart_analyses_give_the_same_findings_as_in_thread(
    session: Session, fresh_dir: Path
) -> None:
    apart = apart_session(fresh_dir)
    try:
        for capture in session.corpus.captures:
            assert apart.findings_of(capture.id) == session.findings_of(capture.id)
            assert apart.result(capture.id).quotes == session.result(capture.id).quotes
    finally:
        apart.close()


def _analyse_in_thread(session: Session, capture: str) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(session.result(capture))
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def _busy_children(session: Session) -> list[int]:
    """Process ids of the session's children analysing now (waits for one to start)."""
    apart = session._apart
    assert apart is not None
    for _ in range(600):
        with apart._lock:
            busy = [c.process.pid for c in apart._busy if c.process.pid is not None]
        if busy:
            return busy
        time.sleep(0.1)
    pytest.fail("no analysis started")


def test_close_stops_an_analysis_under_way_and_records_no_error(fresh_dir: Path) -> None:
    slow = add_slow_capture(fresh_dir)
    session = apart_session(fresh_dir)
    thread, outcome = _analyse_in_thread(session, slow)
    children = _busy_children(session)
    time.sleep(1.0)  # into the analysis, which takes minutes
    session.close()
    thread.join(BOUND)  # a bound, not a timing: without `close` it would run for minutes
    assert not thread.is_alive()
    [error] = outcome
    assert isinstance(error, CancelledError)
    assert session.error(slow) is None  # not the capture's fault
    for pid in children:
        assert not Path(f"/proc/{pid}").exists() or _zombie(pid)
    with pytest.raises(CancelledError):
        session.result(FULL_COPY)  # nothing new starts after close


def test_a_child_that_dies_is_that_captures_error(fresh_dir: Path) -> None:
    slow = add_slow_capture(fresh_dir)
    session = apart_session(fresh_dir)
    try:
        thread, outcome = _analyse_in_thread(session, slow)
        [pid] = _busy_children(session)
        os.kill(pid, signal.SIGKILL)  # as the kernel's out-of-memory killer would
        thread.join(BOUND)
        assert not thread.is_alive()
        [error] = outcome
        assert isinstance(error, ProvenanceError)
        assert "analysis died" in (session.error(slow) or "")
        assert session.findings_of(FULL_COPY)  # the others go on, in a new child
    finally:
        session.close()


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True


def test_a_decision_made_elsewhere_while_a_capture_is_open_is_never_replaced_unseen(
    session: Session, fresh_dir: Path
) -> None:
    """With a capture open, a flag another reviewer recorded from the command line did not
    show: `n` landed on the finding as undecided and `a` replaced the flag and its note
    without a word (a held-out audit of the review UI)."""
    review = session.review(FULL_COPY)
    first, second = review.findings[0], review.findings[1]
    ReviewStore(fresh_dir / REVIEWS).decide(
        second, Verdict.FLAGGED, note="bob: check", reviewer="bob"
    )
    assert review.next_undecided(1)  # read again: the second is decided now, skipped
    row = review.current()
    assert (
        row is not None and row.finding is not None and row.finding.id not in (first.id, second.id)
    )
    ReviewStore(fresh_dir / REVIEWS).decide(row.finding, Verdict.FLAGGED, reviewer="bob")
    with pytest.raises(ProvenanceError, match="decided or cleared elsewhere meanwhile"):
        review.decide(Verdict.ACCEPTED)  # the screen still showed it undecided
    assert on_disk(fresh_dir)[row.finding.id] == "flagged"  # bob's stands
    shown = next(r for r in review.rows if r.finding == row.finding)
    assert shown.state == "flagged"  # and the list shows it
    review.move_to(row.finding.id)
    assert review.decide(Verdict.ACCEPTED)  # seen now: deciding again replaces it knowingly
    assert on_disk(fresh_dir)[row.finding.id] == "accepted"


def test_n_stops_at_a_finding_whose_decisions_disagree(session: Session, fresh_dir: Path) -> None:
    """Two reviewers' disagreeing decisions (merged branches, check's P504) need a decision
    to settle them, but n and p skipped the finding and the corpus screen said no capture
    had anything left to decide (a held-out audit of the review UI)."""
    review = session.review(FULL_COPY)
    target = review.findings[1]
    for finding in review.findings:
        if finding.id != target.id:
            ReviewStore(fresh_dir / REVIEWS).decide(finding, Verdict.ACCEPTED, reviewer="ana")
    ReviewStore(fresh_dir / REVIEWS).decide(target, Verdict.ACCEPTED, reviewer="ana")
    decisions = read_decisions(fresh_dir / REVIEWS)
    [mine] = [d for d in decisions if d["finding"] == target.id]
    write_decisions(
        fresh_dir / REVIEWS, [*decisions, dict(mine, verdict="flagged", reviewer="bob")]
    )
    review.move_to(review.findings[0].id)
    assert review.next_undecided(1)
    row = review.current()
    assert row is not None and row.finding == target and row.state == "conflict"
    session.analyse(FULL_COPY)
    assert session.undecided_count(FULL_COPY) == 1


def test_decisions_on_a_capture_no_longer_listed_are_counted(fresh_dir: Path) -> None:
    """Decisions on a capture taken out of the manifest are stale for `check` (P502), yet
    the review UI said every finding was decided and showed them nowhere."""
    store = ReviewStore(fresh_dir / REVIEWS)
    session = Session(load_corpus(fresh_dir), store, reviewer="tester")
    review = session.review(EXCERPTS)
    store.decide_many(review.findings, Verdict.ACCEPTED, reviewer="ana")
    manifest = fresh_dir / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    start = text.index(f'[[captures]]\nid = "{EXCERPTS}"')
    end = text.find("[[captures]]", start + 1)
    manifest.write_text(text[:start] + (text[end:] if end >= 0 else ""), encoding="utf-8")
    (fresh_dir / f"{EXCERPTS}.txt").unlink()
    again = Session(load_corpus(fresh_dir), ReviewStore(fresh_dir / REVIEWS), reviewer="tester")
    assert again.progress().orphaned == len(review.findings) > 0
