"""ReviewStore undo as the review screen uses it: per capture, bulk actions as one."""

from __future__ import annotations

from pathlib import Path

from provenance.model import Finding, Severity, Span, Verdict
from provenance.review import REVIEWS, ReviewStore


def finding(number: int, source: str) -> Finding:
    return Finding(
        id=f"d-{source}-{number}",
        source=source,
        source_sha256=f"sha-{source}",
        category="divergence",
        kind="whitespace",
        severity=Severity.COSMETIC,
        span=Span(number, number + 1),
        text="\u00a0",
        summary="whitespace: ' ' -> '\\xa0'",
    )


def test_undo_on_one_capture_leaves_newer_changes_elsewhere(tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / REVIEWS)
    a1, a2, b1 = finding(1, "a"), finding(2, "a"), finding(1, "b")
    store.decide(a1, Verdict.ACCEPTED)
    store.decide(a2, Verdict.FLAGGED)
    store.decide(b1, Verdict.ACCEPTED)
    assert store.can_undo("a") and store.can_undo("b") and not store.can_undo("c")
    assert store.undo("a") == a2.id
    reread = ReviewStore(tmp_path / REVIEWS)
    assert {d.finding for d in reread.decisions()} == {a1.id, b1.id}
    assert store.undo("a") == a1.id
    assert not store.can_undo("a")
    assert store.undo("a") is None
    assert store.undo() == b1.id
    assert ReviewStore(tmp_path / REVIEWS).decisions() == []


def test_bulk_action_undoes_as_one(tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / REVIEWS)
    many = [finding(n, "a") for n in range(5)]
    store.decide(many[0], Verdict.FLAGGED, note="kept")
    store.decide_many(many[1:], Verdict.ACCEPTED)
    assert len(ReviewStore(tmp_path / REVIEWS).decisions()) == 5
    store.undo("a")
    [left] = ReviewStore(tmp_path / REVIEWS).decisions()
    assert (left.finding, left.verdict, left.note) == (many[0].id, Verdict.FLAGGED, "kept")


def test_empty_bulk_action_is_not_a_change(tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / REVIEWS)
    assert store.decide_many([], Verdict.ACCEPTED) == []
    assert not store.can_undo()
    assert not (tmp_path / REVIEWS).exists()


def test_undo_reverts_a_note(tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / REVIEWS)
    one = finding(1, "a")
    store.decide(one, Verdict.ACCEPTED)
    store.annotate(one.id, "why")
    store.undo("a")
    decision = ReviewStore(tmp_path / REVIEWS).get(one.id)
    assert decision is not None and decision.note == ""
