"""`provenance findings` and `provenance decide`: reviewing without the UI."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from check_helpers import BUNDLED, copy_corpus, current_findings, problem_lines, run

from provenance.review import REVIEWS, ReviewStore

Capsys = pytest.CaptureFixture[str]


def listed(capsys: Capsys, corpus: Path, *flags: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "findings", corpus, "--format", "json", *flags)
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "provenance-findings/1"
    findings: list[dict[str, object]] = data["findings"]
    return findings


def test_review_from_the_command_line_until_the_check_passes(
    tmp_path: Path, capsys: Capsys
) -> None:
    corpus = copy_corpus(tmp_path)
    found = listed(capsys, corpus)
    assert [f["id"] for f in found] == [f.id for f in current_findings(corpus)]
    for finding in found:
        flag = finding["kind"] == "punctuation"
        verdict = (
            ["--flag", "--note", "full stop lost: two sentences run together"]
            if flag
            else ["--accept"]
        )
        code, out, _ = run(
            capsys,
            "decide",
            str(finding["id"])[:8],
            "--corpus",
            corpus,
            *verdict,
            "--reviewer",
            "ana",
        )
        assert code == 0
        assert out.startswith(("flagged " if flag else "accepted ") + str(finding["id"]))
    assert listed(capsys, corpus, "--undecided") == []
    assert run(capsys, "check", corpus)[0] == 0
    decisions = ReviewStore(corpus / REVIEWS).decisions()
    [flagged] = [d for d in decisions if d.verdict == "flagged"]
    assert (flagged.note, flagged.reviewer) == ("full stop lost: two sentences run together", "ana")


def test_decide_takes_the_corpus_after_the_verdict_as_the_readme_shows(
    tmp_path: Path, capsys: Capsys
) -> None:
    corpus = copy_corpus(tmp_path)
    first = listed(capsys, corpus)[0]
    code, out, _ = run(capsys, "decide", str(first["id"]), "--accept", "--corpus", corpus)
    assert code == 0
    assert out.startswith(f"accepted {first['id']}")
    assert [d.finding for d in ReviewStore(corpus / REVIEWS).decisions()] == [first["id"]]


def test_undecided_filter_and_text_listing(tmp_path: Path, capsys: Capsys) -> None:
    corpus = copy_corpus(tmp_path)
    first = listed(capsys, corpus)[0]
    run(capsys, "decide", str(first["id"]), "--corpus", corpus, "--accept")
    remaining = listed(capsys, corpus, "--undecided")
    assert len(remaining) == len(current_findings(corpus)) - 1
    assert first["id"] not in {f["id"] for f in remaining}
    code, out, _ = run(capsys, "findings", corpus)
    assert code == 0
    lines = out.splitlines()
    assert lines[-1] == (
        f"1 of {len(remaining) + 1} decided (0 carried over), 0 in conflict, 0 stale decision(s)"
    )
    assert lines[0].startswith(f"{first['id']}  {first['source']}  {first['severity']}")
    assert "  accepted  " in lines[0]
    code, out, _ = run(capsys, "check", corpus)
    assert len(problem_lines(out, "P501")) == len(remaining)


def test_unknown_and_ambiguous_ids_exit_2(tmp_path: Path, capsys: Capsys) -> None:
    corpus = copy_corpus(tmp_path)
    code, _, err = run(capsys, "decide", "d-ffffffffffffffff", "--corpus", corpus, "--accept")
    assert code == 2
    assert err == f"provenance: {corpus}: no current finding with id 'd-ffffffffffffffff'\n"
    code, _, err = run(capsys, "decide", "d-", "--corpus", corpus, "--flag")
    assert code == 2
    divergences = [f for f in current_findings(corpus) if f.id.startswith("d-")]
    assert f"'d-' matches {len(divergences)} findings; give more of the id" in err
    assert not (corpus / REVIEWS).exists()


def test_decide_needs_a_verdict(tmp_path: Path, capsys: Capsys) -> None:
    corpus = copy_corpus(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "decide", "d-1", "--corpus", corpus)
    assert exit_info.value.code == 2


def test_a_note_that_is_not_utf8_is_one_line_and_nothing_written(
    tmp_path: Path, capsys: Capsys
) -> None:
    """A note holding bytes the terminal could not decode (a lone surrogate in argv) was
    'internal error: UnicodeEncodeError' with a traceback log."""
    corpus = copy_corpus(tmp_path)
    shutil.copyfile(BUNDLED / REVIEWS, corpus / REVIEWS)
    before = (corpus / REVIEWS).read_bytes()
    finding = current_findings(corpus)[0]
    note = "bad \udcff byte"
    code, _, err = run(capsys, "decide", finding.id, "--accept", "--note", note, "--corpus", corpus)
    assert code == 2 and err == "provenance: --note: not valid UTF-8 text\n"
    assert (corpus / REVIEWS).read_bytes() == before


@pytest.mark.parametrize(
    ("option", "command"),
    [
        ("--reviewer", ["decide", "{id}", "--flag"]),
        ("--title", ["add", "{page}"]),
        ("--publisher", ["add", "{page}"]),
        ("--url", ["add", "{page}"]),
        ("--date", ["add", "{page}"]),
        ("--note", ["add", "{page}"]),
        ("--encoding", ["add", "{page}"]),
    ],
)
def test_any_text_option_that_is_not_utf8_is_one_line_and_nothing_written(
    tmp_path: Path, capsys: Capsys, option: str, command: list[str]
) -> None:
    """`add --title` and the other text options, and `decide --reviewer`, holding bytes
    the terminal could not decode were 'internal error: UnicodeEncodeError'; `--note` of
    `decide` alone was refused in one line."""
    corpus = copy_corpus(tmp_path)
    shutil.copyfile(BUNDLED / REVIEWS, corpus / REVIEWS)
    page = tmp_path / "page.txt"
    page.write_text("A page of our own about the talks.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    finding = current_findings(corpus)[0]
    argv = [a.format(id=finding.id, page=page) for a in command]
    code, _, err = run(capsys, *argv, option, "bad \udcff byte", "--corpus", corpus)
    assert (code, err) == (2, f"provenance: {option}: not valid UTF-8 text\n")
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def test_a_reviewer_name_from_the_environment_that_is_not_utf8_is_one_line(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = copy_corpus(tmp_path)
    finding = current_findings(corpus)[0]
    monkeypatch.setenv("PROVENANCE_REVIEWER", "bad \udcff byte")
    code, _, err = run(capsys, "decide", finding.id, "--flag", "--corpus", corpus)
    assert (code, err) == (2, "provenance: $PROVENANCE_REVIEWER: not valid UTF-8 text\n")


def test_a_decision_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """A reviews.jsonl saved with a byte-order mark was 'line 1 is not valid JSON'."""
    path = copy_corpus(tmp_path) / REVIEWS
    path.write_bytes(b"\xef\xbb\xbf" + (BUNDLED / REVIEWS).read_bytes())
    assert len(ReviewStore(path).decisions()) == 29


def _with_a_syndicated_copy(corpus: Path, of: str) -> str:
    """List a second capture holding the very bytes of capture `of` (a syndicated copy
    entered by hand: `add` refuses identical bytes); returns its id."""
    data = (corpus / f"{of}.txt").read_bytes()
    (corpus / "syndicated.txt").write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    with (corpus / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            f'\n[[captures]]\nid = "syndicated"\nfile = "syndicated.txt"\n'
            f'sha256 = "{sha}"\nsize = {len(data)}\n'
        )
    return "syndicated"


def test_byte_identical_captures_share_their_findings_and_one_decision_covers_both(
    tmp_path: Path, capsys: Capsys
) -> None:
    corpus = copy_corpus(tmp_path)
    copy = "002_9103d841b337d515"
    twin = _with_a_syndicated_copy(corpus, copy)
    found = listed(capsys, corpus)
    ids = [f["id"] for f in found if f["source"] == copy]
    assert ids and ids == [f["id"] for f in found if f["source"] == twin]
    distinct = len({f["id"] for f in found})
    code, out, err = run(capsys, "decide", str(ids[0]), "--corpus", corpus, "--accept")
    assert (code, err) == (0, "")
    assert out.startswith(f"accepted {ids[0]}")
    assert f"also {twin}, the same bytes" in out
    code, out, _ = run(capsys, "findings", corpus)
    assert out.splitlines()[-1].startswith(f"1 of {distinct} decided")
    for finding in found:
        run(capsys, "decide", str(finding["id"]), "--corpus", corpus, "--accept")
    code, out, _ = run(capsys, "check", corpus, "--format", "json")
    summary = json.loads(out)["summary"]
    assert (summary["findings"], summary["decided"]) == (distinct, distinct)
