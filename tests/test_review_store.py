"""Decisions that survive a re-capture (carry-over) and several reviewers (JSON Lines, merge)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from check_helpers import (
    BUNDLED,
    C002,
    current_findings,
    problem_lines,
    read_decisions,
    run,
    write_decisions,
)

from provenance import recapture
from provenance.model import Verdict
from provenance.review import (
    GITATTRIBUTES,
    LEGACY_REVIEWS,
    REVIEWS,
    SCHEMA,
    ReviewStore,
    ReviewStoreError,
)

Capsys = pytest.CaptureFixture[str]
ID002 = C002.removesuffix(".txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the bundled corpus with its decisions (29, all current)."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED, target)
    return target


def recaptured(tmp_path: Path, old: bytes, new: bytes) -> Path:
    """Capture 002 with `old` replaced by `new` once, written outside the corpus."""
    data = (BUNDLED / C002).read_bytes()
    assert data.count(old) == 1
    page = tmp_path / "recaptured.txt"
    page.write_bytes(data.replace(old, new))
    return page


def carried_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("carried over: ")]


def test_a_changed_header_byte_carries_every_decision_of_002(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    before = {f.id: f for f in current_findings(corpus) if f.source == ID002}
    verdicts = {d.finding: d.verdict for d in ReviewStore(corpus / REVIEWS).decisions()}
    page = recaptured(tmp_path, b"Kim Jong-un gets", b"Jim Jong-un gets")  # the page title
    code, out, _ = run(capsys, "add", page, "--replaces", ID002, "--corpus", corpus)
    assert code == 0
    assert f"{ID002}: {len(before)} decision(s) carried over from other bytes, 0 finding(s) " in out
    after = [f for f in current_findings(corpus) if f.source == ID002]
    assert len(after) == len(before) == 21
    assert not {f.id for f in after} & set(before)  # every id changed with the digest

    code, out, _ = run(capsys, "check", corpus)
    assert code == 0, out
    assert out.splitlines()[-1].endswith("29 of 29 findings decided (21 carried over)")
    listed = carried_lines(out)
    assert len(listed) == 21
    for finding in after:
        [line] = [line for line in listed if f" {finding.id} " in line]
        old = next(o for o in before.values() if line.count(f" {o.id} ") == 1)
        assert (old.kind, old.text, old.reference) == (
            finding.kind,
            finding.text,
            finding.reference,
        )
        assert (
            f"the {verdicts[old.id]} decision on {old.id} (sha256 {old.source_sha256[:12]}" in line
        )

    code, out, _ = run(capsys, "check", corpus, "--format", "json")
    data = json.loads(out)
    assert (code, data["summary"]["decided"], data["summary"]["carried"]) == (0, 29, 21)
    assert {c["finding"] for c in data["carried"]} == {f.id for f in after}
    assert {(c["from_finding"], c["from_sha256"]) for c in data["carried"]} == {
        (f.id, f.source_sha256) for f in before.values()
    }
    code, out, _ = run(capsys, "findings", corpus)
    assert (
        sum(f"[carried over from {o.id} @{o.source_sha256[:12]}]" in out for o in before.values())
        == 21
    )
    assert out.splitlines()[-1].startswith("29 of 29 decided (21 carried over), 0 in conflict")
    # Nothing was written: the old decisions are on disk as they were, none lost.
    assert {d.finding for d in ReviewStore(corpus / REVIEWS).decisions()} == set(verdicts)
    # The carried ones can be demanded confirmed; confirming one records where it came from.
    code, out, _ = run(capsys, "check", corpus, "--confirm-carried")
    assert code == 1 and len(problem_lines(out, "P505")) == 21
    flagged = next(f for f in after if verdicts[_old_id(before, f)] is Verdict.FLAGGED)
    code, out, _ = run(capsys, "decide", flagged.id, "--flag", "--corpus", corpus)
    assert code == 0
    confirmed = ReviewStore(corpus / REVIEWS).get(flagged.id)
    assert confirmed is not None
    old_id = _old_id(before, flagged)
    assert (confirmed.carried_from, confirmed.carried_sha256) == (
        old_id,
        before[old_id].source_sha256,
    )
    old_note = next(
        d.note for d in ReviewStore(corpus / REVIEWS).decisions() if d.finding == old_id
    )
    assert old_note and confirmed.note == old_note  # confirming keeps the reviewer's note
    code, out, _ = run(capsys, "check", corpus, "--confirm-carried")
    assert len(problem_lines(out, "P505")) == 20
    assert problem_lines(out, "P502") == []  # the confirmed one's old decision is not stale


def _old_id(before: dict[str, object], finding: object) -> str:
    from provenance.review import anchor

    [old] = [id for id, f in before.items() if anchor(f) == anchor(finding)]  # type: ignore[arg-type]
    return old


def test_a_changed_statement_byte_leaves_only_the_new_finding_undecided(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    page = recaptured(
        tmp_path, "Peninsula’s neighbours".encode(), "Peninsula’s neighbourz".encode()
    )
    shutil.copyfile(page, corpus / C002)  # edited in place, then re-recorded
    code, out, _ = run(capsys, "manifest", corpus, "--update", "--yes")
    assert code == 0
    assert f"{ID002}: 21 decision(s) carried over from other bytes, 1 finding(s) undecided" in out
    code, out, _ = run(capsys, "check", corpus)
    assert code == 1
    [line] = problem_lines(out, "P501")
    assert "'neighbours' -> 'neighbourz'" in line
    assert problem_lines(out, "P502") == []
    assert len(carried_lines(out)) == 21


def test_a_changed_byte_in_a_finding_leaves_it_undecided_and_keeps_its_old_decision(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    page = recaptured(tmp_path, b"consultationsThe", b"consultationsTbe")
    assert run(capsys, "add", page, "--replaces", ID002, "--corpus", corpus)[0] == 0
    code, out, _ = run(capsys, "check", corpus)
    assert code == 1
    undecided = problem_lines(out, "P501")
    stale = problem_lines(out, "P502")
    # The divergence at that place, and the emphasised sentence that holds it: both
    # readings changed. Each old decision is kept and shown as stale; the rest carry over.
    assert len(undecided) == len(stale) == 2
    assert any("'consultations. The' -> 'consultationsTbe'" in line for line in undecided)
    assert any("'consultations. The' -> 'consultationsThe'" in line for line in stale)
    assert len(carried_lines(out)) == 19
    assert len(ReviewStore(corpus / REVIEWS).decisions()) == 29


def test_replacing_refuses_the_reference_source_and_unknown_ids(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    page = recaptured(tmp_path, b"Kim Jong-un gets", b"Jim Jong-un gets")
    manifest = (corpus / "manifest.toml").read_bytes()
    code, _, err = run(
        capsys, "add", page, "--replaces", "000_3bc794f6186e8434", "--corpus", corpus
    )
    assert (code, err.count("\n")) == (2, 1)
    assert "is the reference's source; its bytes cannot be replaced" in err
    code, _, err = run(capsys, "add", page, "--replaces", "999_nothing", "--corpus", corpus)
    assert code == 2 and "no capture with id '999_nothing' to replace" in err
    code, _, err = run(capsys, "add", BUNDLED / C002, "--replaces", ID002, "--corpus", corpus)
    assert code == 2 and "these are its recorded bytes" in err
    assert (corpus / "manifest.toml").read_bytes() == manifest
    assert (corpus / C002).read_bytes() == (BUNDLED / C002).read_bytes()


def test_an_ambiguous_anchor_carries_nothing(corpus: Path) -> None:
    """Two current findings the same in every way the anchor sees: neither takes a decision."""
    from dataclasses import replace

    found = current_findings(corpus)
    store = ReviewStore(corpus / REVIEWS)
    one = next(f for f in found if f.source == ID002 and f.category == "divergence")
    twin_a = replace(one, id="d-aaaaaaaaaaaaaaaa", source_sha256="new", span=one.span)
    twin_b = replace(one, id="d-bbbbbbbbbbbbbbbb", source_sha256="new")
    status = store.status([twin_a, twin_b])
    assert status.carried == () and len(status.undecided) == 2
    alone = store.status([twin_a])
    [carried] = alone.carried
    assert carried.decision.finding == one.id and alone.decision(twin_a.id) == carried.decision


def test_two_like_insertions_at_different_places_each_carry_their_decision(
    corpus: Path,
) -> None:
    """The same word or space inserted at two places of the statement ("3. The", "4. The"
    for its "3.The", "4.The"): their zero-width reference spans told them apart nowhere
    (an empty span was taken for none), one anchor for both, so a re-capture carried
    neither decision. A decision recorded with that old anchor still carries where it
    names one finding."""
    from dataclasses import replace

    from provenance.model import Span
    from provenance.review import anchor

    store = ReviewStore(corpus / REVIEWS)
    one = next(f for f in current_findings(corpus) if f.source == ID002)
    first = replace(one, id="d-aaaaaaaaaaaaaaaa", kind="whitespace", text=" ",
                    reference=Span(1523, 1523), reference_text="")  # fmt: skip
    second = replace(first, id="d-bbbbbbbbbbbbbbbb", reference=Span(3029, 3029))
    assert anchor(first) != anchor(second)
    store.decide_many([first], Verdict.ACCEPTED, reviewer="test")
    store.decide_many([second], Verdict.FLAGGED, reviewer="test")
    moved = [replace(f, id=f.id.replace("a", "c").replace("b", "d"), source_sha256="new")
             for f in (first, second)]  # fmt: skip
    status = ReviewStore(corpus / REVIEWS).status(moved)
    assert {c.finding.id: c.decision.verdict for c in status.carried} == {
        moved[0].id: Verdict.ACCEPTED,
        moved[1].id: Verdict.FLAGGED,
    }
    # the first decision as stop 50 wrote it, with the anchor that left its place out
    path = corpus / REVIEWS
    new_anchor, old_anchor = anchor(first), anchor(replace(first, reference=None))
    path.write_text(path.read_text("utf-8").replace(new_anchor, old_anchor), "utf-8")
    [carried] = ReviewStore(path).status(moved[:1]).carried
    assert (carried.finding.id, carried.decision.finding) == (moved[0].id, first.id)


def test_a_store_read_past_damaged_lines_never_saves(corpus: Path) -> None:
    """`check` reads a decision file past its damaged lines, to name each and count the
    others; that store must never write the file back without them."""
    path = corpus / REVIEWS
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines.insert(2, "not json\n")
    path.write_text("".join(lines), "utf-8")
    before = path.read_bytes()
    damaged: list[ReviewStoreError] = []
    store = ReviewStore(path, damaged=damaged)
    assert [e.problem for e in damaged] == ["line 3 is not valid JSON (column 1)"]
    assert len(store.decisions()) == 29
    with pytest.raises(ReviewStoreError, match="read past its damaged lines"):
        store.decide(current_findings(corpus)[0], Verdict.FLAGGED, reviewer="x")
    assert path.read_bytes() == before


# Storage: JSON Lines, the old file, git -------------------------------------------------


def test_one_decision_a_line_in_a_stable_order(corpus: Path) -> None:
    lines = (corpus / REVIEWS).read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {"schema": SCHEMA}
    decisions = [json.loads(line) for line in lines[1:]]
    assert len(decisions) == 29
    keys = [(d["source"], d["finding"]) for d in decisions]
    assert keys == sorted(keys)
    store = ReviewStore(corpus / REVIEWS)
    f = next(f for f in current_findings(corpus) if store.get(f.id) is not None)
    store.decide(f, Verdict.FLAGGED, reviewer="second")
    changed = (corpus / REVIEWS).read_text(encoding="utf-8").splitlines()
    assert len(changed) == len(lines)
    assert [n for n, (a, b) in enumerate(zip(lines, changed, strict=True)) if a != b] == [
        1 + keys.index((f.source, f.id))
    ]


def test_the_old_file_is_read_and_converted_on_the_first_save(corpus: Path) -> None:
    (corpus / REVIEWS).unlink()
    (corpus / ".gitattributes").unlink()
    old = [{k: v for k, v in d.items() if k != "anchor"} for d in read_decisions(BUNDLED / REVIEWS)]
    (corpus / LEGACY_REVIEWS).write_text(
        json.dumps({"schema": "provenance-reviews/1", "decisions": old}, indent=2), "utf-8"
    )
    found = current_findings(corpus)
    store = ReviewStore(corpus / REVIEWS)
    assert store.status(found).undecided == () and len(store.decisions()) == 29
    assert not (corpus / REVIEWS).exists()  # reading writes nothing
    store.decide(found[0], Verdict.ACCEPTED, reviewer="converter")
    assert not (corpus / LEGACY_REVIEWS).exists()
    assert (corpus / ".gitattributes").read_text() == GITATTRIBUTES
    saved = read_decisions(corpus / REVIEWS)
    assert len(saved) == 29
    assert all(d["anchor"].startswith("a-") for d in saved)  # learned from the findings
    unchanged = [d for d in saved if d["finding"] != found[0].id]
    assert [{k: v for k, v in d.items() if k != "anchor"} for d in unchanged] == [
        d for d in old if d["finding"] != found[0].id
    ]


def test_a_git_conflict_marker_is_one_line_naming_the_file(corpus: Path, capsys: Capsys) -> None:
    text = (corpus / REVIEWS).read_text(encoding="utf-8").splitlines()
    (corpus / REVIEWS).write_text("\n".join([*text[:3], "<<<<<<< HEAD", *text[3:]]) + "\n")
    code, out, _ = run(capsys, "check", corpus)
    assert code == 1
    [line] = problem_lines(out, "P500")
    assert "line 4 is a git conflict marker" in line


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the bundled corpus with 002's and 001's decisions removed."""
    root = tmp_path / "repo"
    shutil.copytree(BUNDLED, root / "corpus")
    reviews = root / "corpus" / REVIEWS
    write_decisions(
        reviews,
        [d for d in read_decisions(reviews) if d["source"] not in (ID002, "001_74f1542717574725")],
    )
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    return root


def _decide(capsys: Capsys, corpus: Path, ids: list[str], flag: str, reviewer: str) -> None:
    for id in ids:
        assert run(capsys, "decide", id, flag, "--reviewer", reviewer, "--corpus", corpus)[0] == 0


def test_two_reviewers_on_two_branches_merge_without_conflict(repo: Path, capsys: Capsys) -> None:
    corpus = repo / "corpus"
    found = current_findings(corpus)
    mine = [f.id for f in found if f.source == ID002]
    theirs = [f.id for f in found if f.source == "001_74f1542717574725"]
    assert mine and theirs
    _git(repo, "checkout", "-q", "-b", "ana")
    _decide(capsys, corpus, mine, "--accept", "ana")
    _git(repo, "commit", "-q", "-am", "ana decides 002")
    _git(repo, "checkout", "-q", "main")
    _git(repo, "checkout", "-q", "-b", "ben")
    _decide(capsys, corpus, theirs, "--accept", "ben")
    _git(repo, "commit", "-q", "-am", "ben decides 001")
    _git(repo, "merge", "-q", "--no-edit", "ana")  # raises if git reports a conflict
    assert _git(repo, "status", "--porcelain") == ""
    code, out, _ = run(capsys, "check", corpus)
    assert code == 0, out
    assert "29 of 29 findings decided" in out
    reviewers = {d["finding"]: d["reviewer"] for d in read_decisions(corpus / REVIEWS)}
    assert {reviewers[id] for id in mine} == {"ana"} and {reviewers[id] for id in theirs} == {"ben"}


def test_two_reviewers_deciding_one_finding_differently_is_a_conflict(
    repo: Path, capsys: Capsys
) -> None:
    corpus = repo / "corpus"
    found = current_findings(corpus)
    rest = [f.id for f in found if f.source == ID002][1:] + [
        f.id for f in found if f.source == "001_74f1542717574725"
    ]
    _decide(capsys, corpus, rest, "--accept", "base")
    _git(repo, "commit", "-q", "-am", "all but one decided")
    disputed = next(f for f in found if f.source == ID002)
    _git(repo, "checkout", "-q", "-b", "ana")
    _decide(capsys, corpus, [disputed.id], "--accept", "ana")
    _git(repo, "commit", "-q", "-am", "ana accepts")
    _git(repo, "checkout", "-q", "main")
    _decide(capsys, corpus, [disputed.id], "--flag", "ben")
    _git(repo, "commit", "-q", "-am", "ben flags")
    _git(repo, "merge", "-q", "--no-edit", "ana")
    code, out, _ = run(capsys, "check", corpus)
    assert code == 1
    [line] = problem_lines(out, "P504")
    assert line.startswith(f"{corpus / C002}:")
    assert f"P504 decision-conflict: 2 decisions on {disputed.id}" in line
    assert "accepted by ana at " in line and "flagged by ben at " in line
    assert problem_lines(out, "P501") == []  # in conflict, not undecided
    code, out, _ = run(capsys, "findings", corpus, "--format", "json")
    [entry] = [f for f in json.loads(out)["findings"] if f["id"] == disputed.id]
    assert entry["decision"] is None
    assert sorted(d["reviewer"] for d in entry["conflict"]) == ["ana", "ben"]
    # Deciding it again settles it: one line, both old ones replaced.
    _decide(capsys, corpus, [disputed.id], "--flag", "carla")
    assert run(capsys, "check", corpus)[0] == 0
    assert [
        d["reviewer"] for d in read_decisions(corpus / REVIEWS) if d["finding"] == disputed.id
    ] == ["carla"]


def test_the_review_session_marks_carried_and_conflicting_rows(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    from provenance.corpus import load_corpus
    from provenance.session import Session

    page = recaptured(tmp_path, b"Kim Jong-un gets", b"Jim Jong-un gets")
    assert run(capsys, "add", page, "--replaces", ID002, "--corpus", corpus)[0] == 0
    session = Session(load_corpus(corpus), ReviewStore(corpus / REVIEWS), reviewer="tester")
    review = session.review(ID002)
    assert review.decided() == (21, 21)
    assert all(r.carried for r in review.rows) and not any(r.state == "stale" for r in review.rows)
    first = review.rows[0]
    assert first.finding is not None and first.decision is not None
    assert "carried" in first.haystack()
    review.move_to(first.key)
    assert review.decide(Verdict.ACCEPTED)  # confirmed: its own decision now
    [row] = [r for r in review.rows if r.key == first.key]
    assert not row.carried and row.decision is not None
    assert row.decision.carried_from == first.decision.finding
    # A second decision on the same finding that disagrees, as a merge leaves it.
    lines = read_decisions(corpus / REVIEWS)
    [mine] = [d for d in lines if d["finding"] == first.key]
    write_decisions(corpus / REVIEWS, [*lines, dict(mine, verdict="flagged", reviewer="other")])
    session = Session(load_corpus(corpus), ReviewStore(corpus / REVIEWS), reviewer="tester")
    review = session.review(ID002)
    [row] = [r for r in review.rows if r.key == first.key]
    assert row.state == "conflict" and row.decision is None
    assert sorted(d.reviewer for d in row.conflict) == ["other", "tester"]
    assert review.decided() == (20, 21)


def test_the_old_file_and_the_new_one_are_read_together(corpus: Path) -> None:
    """An old branch merged in brings back reviews.json: its decisions join, none is lost."""
    lines = read_decisions(corpus / REVIEWS)
    old, new = lines[:10], lines[10:]
    write_decisions(corpus / REVIEWS, new)
    (corpus / LEGACY_REVIEWS).write_text(
        json.dumps({"schema": "provenance-reviews/1", "decisions": old}), "utf-8"
    )
    store = ReviewStore(corpus / REVIEWS)
    assert len(store.decisions()) == 29
    store.save()
    assert not (corpus / LEGACY_REVIEWS).exists()
    assert read_decisions(corpus / REVIEWS) == lines


def test_the_html_report_counts_and_marks_carried_decisions(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    page = recaptured(tmp_path, b"Kim Jong-un gets", b"Jim Jong-un gets")
    assert run(capsys, "add", page, "--replaces", ID002, "--corpus", corpus)[0] == 0
    code, out, _ = run(capsys, "report", corpus, "--format", "html")
    assert code == 0
    assert '<span id="progress">29 of 29 findings decided</span>' in out
    assert out.count("↻ carried over from ") == 21
    assert "stale decision" not in out


def test_a_replace_interrupted_before_the_manifest_leaves_the_old_capture_whole(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new bytes go to a file of their own and the old file goes only once the
    manifest names the new one: an interruption before that leaves the old record, its
    bytes and nothing else (before, the new bytes were written over the old file first, and
    a kill between the two writes left the manifest recording bytes no longer there)."""
    page = recaptured(tmp_path, b"Kim Jong-un gets", b"Jim Jong-un gets")
    files = {p.name: p.read_bytes() for p in corpus.iterdir() if p.is_file()}
    real = recapture.atomic_write

    def interrupted(path: Path, data: bytes, **kwargs: object) -> None:
        if path.name == "manifest.toml":
            raise KeyboardInterrupt
        real(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(recapture, "atomic_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        recapture.replace_capture(corpus, ID002, page)
    assert {p.name: p.read_bytes() for p in corpus.iterdir() if p.is_file()} == files

    # a replace killed outright after writing the new file: the next one takes it up
    monkeypatch.setattr(recapture, "atomic_write", real)
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    shutil.copy(page, corpus / f"{ID002}.{digest[:12]}.txt")
    entry = recapture.replace_capture(corpus, ID002, page)
    assert entry.file == f"{ID002}.{digest[:12]}.txt" and entry.sha256 == digest
    assert not (corpus / C002).exists()


def test_undo_leaves_a_decision_made_elsewhere_since(corpus: Path) -> None:
    """The review UI's undo restored what it remembered over a decision another process
    had made on the same finding since (a held-out audit lost a reviewer's flag and note
    so): now it refuses, and the other decision stands."""
    finding = current_findings(corpus)[0]
    ui = ReviewStore(corpus / REVIEWS)
    ui.decide(finding, Verdict.FLAGGED, reviewer="ui")
    ReviewStore(corpus / REVIEWS).decide(
        finding, Verdict.ACCEPTED, note="checked by bob", reviewer="bob"
    )
    with pytest.raises(ReviewStoreError, match="decided or cleared elsewhere"):
        ui.undo()
    [kept] = [d for d in ReviewStore(corpus / REVIEWS).decisions() if d.finding == finding.id]
    assert (kept.verdict, kept.note, kept.reviewer) == (Verdict.ACCEPTED, "checked by bob", "bob")


def test_a_note_edited_in_one_session_keeps_the_verdict_decided_in_another(corpus: Path) -> None:
    """Editing a note rebuilt the decision from the session's old copy, turning another
    reviewer's newer flag back into an acceptance: the note now goes on the decision as it
    stands on disk."""
    finding = current_findings(corpus)[0]
    ui = ReviewStore(corpus / REVIEWS)
    ui.decide(finding, Verdict.ACCEPTED, note="fine", reviewer="ui")
    ReviewStore(corpus / REVIEWS).decide(
        finding, Verdict.FLAGGED, note="bob: misattributed", reviewer="bob"
    )
    ui.annotate(finding.id, "bob: misattributed (checked)", reviewer="ana")
    [kept] = [d for d in ReviewStore(corpus / REVIEWS).decisions() if d.finding == finding.id]
    assert (kept.verdict, kept.note) == (Verdict.FLAGGED, "bob: misattributed (checked)")
    # the line names who changed it last: the note is ana's, not shown under bob's name
    assert kept.reviewer == "ana"


def test_another_reviewers_verdict_names_the_note_it_carries_on_as_its_writers(
    corpus: Path,
) -> None:
    """Bob accepting what ana flagged with a note kept her note under his name (the line
    says who last changed it): the note is carried on, named as hers; ana deciding again
    keeps her own note as it is."""
    finding = current_findings(corpus)[0]
    store = ReviewStore(corpus / REVIEWS)
    store.decide(finding, Verdict.FLAGGED, note="the stop is lost", reviewer="ana")
    [flagged] = [d for d in store.decisions() if d.finding == finding.id]
    ReviewStore(corpus / REVIEWS).decide(finding, Verdict.ACCEPTED, reviewer="bob")
    [kept] = [d for d in ReviewStore(corpus / REVIEWS).decisions() if d.finding == finding.id]
    assert (kept.reviewer, kept.verdict) == ("bob", Verdict.ACCEPTED)
    assert kept.note == f"ana ({flagged.time}): the stop is lost"
    ReviewStore(corpus / REVIEWS).decide(finding, Verdict.FLAGGED, reviewer="bob")
    [again] = [d for d in ReviewStore(corpus / REVIEWS).decisions() if d.finding == finding.id]
    assert again.note == kept.note  # named once, not again and again


def test_a_session_sees_decisions_made_elsewhere(corpus: Path) -> None:
    """The UI kept showing its own old verdict after another process decided: reading the
    status reads the file again."""
    finding = current_findings(corpus)[0]
    ui = ReviewStore(corpus / REVIEWS)
    ui.status([finding])
    ReviewStore(corpus / REVIEWS).decide(finding, Verdict.FLAGGED, reviewer="bob")
    status = ui.status([finding])
    decided = status.decision(finding.id)
    assert decided is not None and decided.verdict is Verdict.FLAGGED


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"verdict": "maybe"}, "'verdict' must be 'accepted' or 'flagged'"),
        ({"finding": None}, "'finding' must be a string"),
        ({"source": 7}, "'source' must be a string"),
        ({"source_sha256": ...}, "needs 'source_sha256'"),
    ],
)
def test_a_malformed_decision_names_its_field(
    corpus: Path, change: dict[str, object], says: str
) -> None:
    """'line 3 is a malformed decision' said nothing of what was wrong with it."""
    reviews = corpus / REVIEWS
    decisions = read_decisions(reviews)
    decisions[0] = {k: v for k, v in {**decisions[0], **change}.items() if v is not ...}
    write_decisions(reviews, decisions)
    with pytest.raises(ReviewStoreError, match=says):
        ReviewStore(reviews)


def test_a_replace_killed_before_removing_the_old_file_is_named_as_such_by_check(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """Killed between the manifest and the removal of the old file, `add --replaces`
    leaves the old bytes unlisted; check's advice to "record it with `provenance add`"
    would add them back as a capture of their own."""
    page = recaptured(tmp_path, b"Kim Jong-un gets", b"Jim Jong-un gets")
    old = (corpus / C002).read_bytes()
    assert run(capsys, "add", page, "--replaces", ID002, "--corpus", corpus)[0] == 0
    (corpus / C002).write_bytes(old)  # as if killed before the old file went
    code, out, _ = run(capsys, "check", corpus)
    assert code == 1
    [line] = [line for line in out.splitlines() if "P109" in line]
    assert f"named like capture {ID002}, recorded now as {ID002}." in line
    assert "an interrupted `provenance add --replaces`" in line


def test_a_review_file_made_read_only_is_not_replaced(corpus: Path) -> None:
    """A reviews file set to mode 444 was replaced on save all the same (a rename needs
    only the directory's permission): the save is refused, the file left as it was."""
    finding = current_findings(corpus)[0]
    store = ReviewStore(corpus / REVIEWS)
    store.decide(finding, Verdict.FLAGGED, reviewer="ana")
    before = (corpus / REVIEWS).read_bytes()
    (corpus / REVIEWS).chmod(0o444)
    try:
        with pytest.raises(ReviewStoreError, match="read-only"):
            ReviewStore(corpus / REVIEWS).decide(finding, Verdict.ACCEPTED, reviewer="ana")
        assert (corpus / REVIEWS).read_bytes() == before
    finally:
        (corpus / REVIEWS).chmod(0o644)


def test_restoring_old_bytes_after_a_newer_decision_on_the_recapture_is_a_conflict(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """Decisions carried to a re-capture, one decided otherwise there, then the old bytes
    restored: the finding's own old decision stood, the newer one was silently dropped,
    and the gate passed. The two now stand in conflict until it is decided again."""
    before = {f.id: f for f in current_findings(corpus) if f.source == ID002}
    verdicts = {d.finding: d.verdict for d in ReviewStore(corpus / REVIEWS).decisions()}
    page = recaptured(tmp_path, b"Kim Jong-un gets", b"Jim Jong-un gets")
    assert run(capsys, "add", page, "--replaces", ID002, "--corpus", corpus)[0] == 0
    after = [f for f in current_findings(corpus) if f.source == ID002]
    changed = next(f for f in after if verdicts[_old_id(before, f)] is Verdict.ACCEPTED)
    assert run(capsys, "decide", changed.id, "--flag", "--corpus", corpus)[0] == 0
    original = tmp_path / "original.txt"
    original.write_bytes((BUNDLED / C002).read_bytes())
    assert run(capsys, "add", original, "--replaces", ID002, "--corpus", corpus)[0] == 0
    code, out, _ = run(capsys, "check", corpus)
    old_id = _old_id(before, changed)
    assert code == 1
    [conflict] = problem_lines(out, "P504")
    assert old_id in conflict and "flagged" in conflict and "accepted" in conflict
    # the other findings' own decisions still stand
    code, out, _ = run(capsys, "findings", corpus)
    assert out.splitlines()[-1].startswith("28 of 29 decided (0 carried over), 1 in conflict")


def test_clearing_a_finding_that_stands_on_a_carried_decision_names_that_decision(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """`decide ID --clear` on a finding whose decision was carried over from other bytes
    said "has no decision: nothing to clear", exit 0, while `findings` showed it decided."""
    before = {f.id: f for f in current_findings(corpus) if f.source == ID002}
    page = recaptured(tmp_path, b"Kim Jong-un gets", b"Jim Jong-un gets")
    assert run(capsys, "add", page, "--replaces", ID002, "--corpus", corpus)[0] == 0
    finding = next(f for f in current_findings(corpus) if f.source == ID002)
    lines = (corpus / REVIEWS).read_bytes()
    code, _, err = run(capsys, "decide", finding.id, "--clear", "--corpus", corpus)
    old = _old_id(before, finding)
    assert code == 2 and err.count("\n") == 1
    assert f"{finding.id} stands on the decision on {old}" in err
    assert (corpus / REVIEWS).read_bytes() == lines


def test_a_decision_file_saved_by_a_windows_editor_keeps_its_bom_and_line_ends(
    corpus: Path, capsys: Capsys
) -> None:
    """`decide` changes its own line only: a file with a byte-order mark and CRLF line ends
    (as a Windows editor saves it) was written back without the mark and with "\\n"
    (audit r55)."""
    path = corpus / REVIEWS
    windows = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(windows)
    first = ReviewStore(path).decisions()[0]
    code, _, err = run(
        capsys, "decide", first.finding, "--flag", "--note", "checked again", "--corpus", corpus
    )
    assert code == 0, err
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert after.count(b"\n") == after.count(b"\r\n")
    gone = set(windows.split(b"\r\n")) - set(after.split(b"\r\n"))
    added = set(after.split(b"\r\n")) - set(windows.split(b"\r\n"))
    assert len(gone) == len(added) == 1
    assert b"checked again" in added.pop()


def test_add_to_a_manifest_with_windows_line_ends_keeps_them(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    manifest = corpus / "manifest.toml"
    manifest.write_bytes(manifest.read_bytes().replace(b"\n", b"\r\n"))
    page = tmp_path / "page.txt"
    page.write_text("The council met on Tuesday about bicycle lanes.\n", encoding="utf-8")
    code, _, err = run(capsys, "add", page, "--corpus", corpus, "--holds", "full")
    assert code == 0, err
    data = manifest.read_bytes()
    assert data.count(b"[[captures]]") == 6
    assert data.count(b"\n") == data.count(b"\r\n")
