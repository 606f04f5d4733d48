"""`provenance check` on damaged copies of the bundled corpus: one damage per test."""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import tomlkit
from check_helpers import (
    BUNDLED,
    C000,
    C001,
    C002,
    C003,
    C004,
    copy_corpus,
    current_findings,
    decide_all,
    failing_check,
    line_column,
    problem_lines,
    read_decisions,
    run,
    write_decisions,
)

from provenance.check.gate import RULES, Policy, check
from provenance.errors import CorpusError
from provenance.model import Severity
from provenance.review import REVIEWS

Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the bundled corpus with every current finding decided."""
    directory = copy_corpus(tmp_path)
    decide_all(directory)
    return directory


def test_clean_reviewed_corpus_exits_0(corpus: Path, capsys: Capsys) -> None:
    code, out, _ = run(capsys, "check", corpus)
    assert code == 0, out
    assert out.count("\n") == 1
    n = len(current_findings(corpus))
    assert n > 0
    assert f"OK, 5 captures, {n} of {n} findings decided" in out


def test_unreviewed_bundled_corpus_names_each_undecided_finding(
    tmp_path: Path, capsys: Capsys
) -> None:
    directory = copy_corpus(tmp_path)
    code, out, _ = run(capsys, "check", directory)
    lines = problem_lines(out, "P501")
    assert code == 1
    current = current_findings(directory)
    assert len(lines) == len(current)
    for finding in current:
        [line] = [line for line in lines if f" {finding.id} " in line]
        assert line.startswith(f"{directory / finding.source}.txt:")
    assert any("punctuation: 'consultations. The' -> 'consultationsThe'" in line for line in lines)


def test_flipped_byte(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C004
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01  # an ASCII letter becomes its neighbour: still UTF-8, same size
    path.write_bytes(bytes(data))
    out = failing_check(capsys, corpus)
    [line] = problem_lines(out, "P101")
    assert line.startswith(f"{path}: P101 fixity-mismatch: sha256 ")
    assert "the bytes or the manifest changed" in line


def test_deleted_file_and_the_check_keeps_going(corpus: Path, capsys: Capsys) -> None:
    (corpus / C003).unlink()
    bom = corpus / C001
    bom.write_bytes(b"\xef\xbb\xbf" + bom.read_bytes())
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P102") == [
        f"{corpus / C003}: P102 missing-file: no such file: listed in the manifest but missing"
    ]
    # The missing file did not stop the check: a later problem in another file is reported.
    assert problem_lines(out, "P202") == [
        f"{bom}:1:1: P202 bom: starts with a UTF-8 byte-order mark (EF BB BF)"
    ]


def test_extra_file(corpus: Path, capsys: Capsys) -> None:
    (corpus / "005_new.txt").write_text("An unrecorded capture.\n", encoding="utf-8")
    (corpus / ".hidden").write_text("a capture hidden as a dotfile\n", encoding="utf-8")
    (corpus / ".gitattributes").write_text("* -text\n", encoding="utf-8")
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P109") == [
        f"{corpus / '.hidden'}: P109 unlisted-file: file not in the manifest "
        "(record it with `provenance add`, or remove it)",
        f"{corpus / '005_new.txt'}: P109 unlisted-file: file not in the manifest "
        "(record it with `provenance add`, or remove it)",
    ]


def test_symlink_to_a_file_outside(corpus: Path, tmp_path: Path, capsys: Capsys) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes((corpus / C003).read_bytes())  # same bytes: only the link is wrong
    (corpus / C003).unlink()
    (corpus / C003).symlink_to(outside)
    out = failing_check(capsys, corpus)
    [line] = problem_lines(out, "P104")
    assert line.startswith(f"{corpus / C003}: P104 symlink: is a symlink to {outside}")
    assert "(outside the corpus)" in line
    assert problem_lines(out, "P101") == []  # its bytes were never trusted, so never hashed


def test_latin1_file(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C004
    text = path.read_text(encoding="utf-8")
    data = text.encode("latin-1", errors="replace")  # the no-break spaces become byte A0
    path.write_bytes(data)
    at = data.index(b"\xa0")
    line_number, column = line_column(data, at)
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P201") == [
        f"{path}:{line_number}:{column}: P201 not-utf8: not valid UTF-8 at byte {at} (0xa0)"
    ]
    assert problem_lines(out, "P106")  # and it is shorter than recorded: named as truncated


def test_bom(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C003
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P202") == [
        f"{path}:1:1: P202 bom: starts with a UTF-8 byte-order mark (EF BB BF)"
    ]
    assert problem_lines(out, "P107") == [
        f"{path}: P107 size-mismatch: 3621 bytes, the manifest records 3618 (3 more)"
    ]


def test_zero_width_space_inside_the_statement_in_002(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C002
    text = path.read_text(encoding="utf-8")
    at = text.index("neighbours") + len("neigh")
    path.write_text(text[:at] + "\u200b" + text[at:], encoding="utf-8")
    line_number, column = line_column(text, at)
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P206") == [
        f"{path}:{line_number}:{column}: P206 invisible-character: "
        "invisible character U+200B ZERO WIDTH SPACE"
    ]
    # The analysis sees it too: a new invisible divergence that nobody has reviewed.
    assert any(
        line.startswith(f"{path}:{line_number}:") and "invisible" in line
        for line in problem_lines(out, "P501")
    )


def test_truncated_file_that_lost_the_statement(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C001
    path.write_bytes(path.read_bytes()[:500])  # both excerpts start after byte 800
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P106") == [
        f"{path}: P106 truncated: only 500 of the 4084 bytes the manifest records (3584 missing)"
    ]
    assert problem_lines(out, "P401") == [
        f"{path}: P401 statement-missing: no longer contains the statement "
        "(the manifest says it holds excerpts)"
    ]


def test_empty_file(corpus: Path, capsys: Capsys) -> None:
    (corpus / C003).write_bytes(b"")
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P108") == [
        f"{corpus / C003}: P108 empty-file: empty (0 bytes); the manifest records 3618 bytes"
    ]


def test_unreviewed_new_divergence(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C002
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Peninsula\u2019s neighbours", "Peninsula\u2019s neighbors", 1),
        encoding="utf-8",
    )
    assert run(capsys, "manifest", corpus, "--update", "--yes")[0] == 0  # fixity is not the issue
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P101") == []
    [line] = problem_lines(out, "P501")  # the new divergence, and nothing else
    at = text.index("Peninsula\u2019s neighbours") + len("Peninsula\u2019s ")
    line_number, column = line_column(text, at)
    assert line.startswith(f"{path}:{line_number}:{column}: P501 unreviewed: ")
    assert " divergence d-" in line
    assert "has no decision: spelling: 'neighbours' -> 'neighbors'" in line
    # The old decisions on 002 were made on other bytes; each finding is still there, so
    # each decision is carried over (and listed), none is stale.
    assert problem_lines(out, "P502") == []
    carried = [line for line in out.splitlines() if line.startswith("carried over: ")]
    assert len(carried) == len([f for f in current_findings(BUNDLED) if f.source == C002[:-4]])


def test_one_decision_missing(corpus: Path, capsys: Capsys) -> None:
    reviews = corpus / REVIEWS
    decisions = read_decisions(reviews)
    removed = decisions.pop(3)
    write_decisions(reviews, decisions)
    out = failing_check(capsys, corpus)
    [line] = problem_lines(out, "P501")
    assert line.startswith(f"{corpus / removed['source']}.txt:")
    assert removed["finding"] in line


def test_a_decision_without_reviewer_or_time_is_reported(corpus: Path, capsys: Capsys) -> None:
    reviews = corpus / REVIEWS
    decisions = read_decisions(reviews)
    decisions[0].pop("time")  # a hand edit or a merge tool dropped them
    decisions[1]["reviewer"] = ""
    decisions[2]["time"] = "last Tuesday"
    write_decisions(reviews, decisions)
    out = failing_check(capsys, corpus)
    lines = problem_lines(out, "P506")
    assert len(lines) == 3
    assert lines[0].startswith(f"{reviews}: P506 unsigned-decision: ")
    assert f"decision on {decisions[0]['finding']} " in lines[0]
    assert "has no time" in lines[0]
    assert "has no reviewer" in lines[1]
    assert "its time 'last Tuesday' is not a UTC time" in lines[2]
    assert problem_lines(out, "P501") == []  # decided all the same


def test_stale_decision(corpus: Path, capsys: Capsys) -> None:
    reviews = corpus / REVIEWS
    decisions = read_decisions(reviews)
    ghost = dict(decisions[0], finding="d-0000000000000000", summary="omission: 'x' -> ''")
    ghost.pop("anchor")
    write_decisions(reviews, [*decisions, ghost])
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P502") == [
        f"{corpus / ghost['source']}.txt: P502 stale-decision: "
        "accepted decision on d-0000000000000000 (omission: 'x' -> '') "
        "is stale: its finding no longer exists"
    ]


def test_unsafe_path_and_duplicate_content(corpus: Path, capsys: Capsys) -> None:
    manifest = corpus / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    sha, size = "74ff24f5e2cf652e23f5f7cbcf2b73cfc91d290e1f8a1918d9ff84609a1c8d3c", 3618
    (corpus / "copy.txt").write_bytes((corpus / C003).read_bytes())
    text += (
        f'\n[[captures]]\nid = "dup"\nfile = "copy.txt"\nsha256 = "{sha}"\nsize = {size}\n'
        f'\n[[captures]]\nid = "escape"\nfile = "../outside.txt"\nsha256 = "{sha}"\nsize = 1\n'
    )
    manifest.write_text(text, encoding="utf-8")
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P110") == [
        f"{corpus / 'copy.txt'}: P110 duplicate-content: identical bytes to {C003}"
    ]
    assert problem_lines(out, "P105") == [
        f"{manifest}: P105 unsafe-path: captures[6] (id 'escape'): file '../outside.txt' "
        "is not a plain name inside the corpus"
    ]


def test_reference_span_changed(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C000
    text = path.read_text(encoding="utf-8")
    start = 9212
    old_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_text(text[:start] + "the" + text[start + 3 :], encoding="utf-8")
    # `manifest --update` refuses the reference's source: a hand edit records its new digest.
    manifest = corpus / "manifest.toml"
    new_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(old_sha, new_sha), encoding="utf-8"
    )
    out = failing_check(capsys, corpus)
    [line] = problem_lines(out, "P301")
    line_number, _ = line_column(text, start)
    assert line.startswith(
        f"{path}:{line_number}:1: P301 reference-mismatch: reference span 9212..14713"
    )
    # Without a verified reference nothing can be compared: no coverage or review noise.
    assert not problem_lines(out, "P501")
    assert not problem_lines(out, "P502")


def test_holds_full_but_only_an_excerpt_left(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C002
    text = path.read_text(encoding="utf-8")
    start = text.index("The Russian Federation and the People")
    path.write_text(text[: start + 1200] + "\n\nUnrelated closing words.\n", encoding="utf-8")
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P402") == [
        f"{path}: P402 full-copy-missing: holds only 1 excerpt(s), 22% of the statement, "
        "not the full copy the manifest records"
    ]


def test_require_policy(tmp_path: Path) -> None:
    directory = copy_corpus(tmp_path)
    everything = check(directory)
    minor = check(directory, policy=Policy(require=Severity.MINOR))
    material = check(directory, policy=Policy(require=Severity.MATERIAL))
    current = current_findings(directory)
    assert {p.rule.name for p in everything.problems} == {"unreviewed"}
    assert {p.finding for p in everything.problems} == {f.id for f in current}
    assert {p.finding for p in minor.problems} == {
        f.id for f in current if f.severity >= Severity.MINOR
    }
    assert {p.finding for p in material.problems} == {
        f.id for f in current if f.severity >= Severity.MATERIAL
    }
    assert len(material.problems) < len(minor.problems) < len(everything.problems)
    assert check(directory, policy=Policy(require=None)).exit_code == 0


def test_unreadable_corpus_exits_2(tmp_path: Path, capsys: Capsys) -> None:
    code, out, err = run(capsys, "check", tmp_path / "nothing")
    assert (code, out) == (2, "")
    assert err == f"provenance: {tmp_path / 'nothing'}: corpus directory does not exist\n"
    directory = copy_corpus(tmp_path)
    (directory / "manifest.toml").write_text("schema = [\n", encoding="utf-8")
    code, out, err = run(capsys, "check", directory)
    assert code == 2
    assert err.startswith(f"provenance: {directory / 'manifest.toml'}: not valid TOML")
    with pytest.raises(CorpusError):
        check(directory)


def test_bad_arguments_exit_2(corpus: Path, capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "check", corpus, "--format", "yaml")
    assert exit_info.value.code == 2


def test_json_format(corpus: Path, capsys: Capsys) -> None:
    (corpus / C003).unlink()
    code, out, _ = run(capsys, "check", corpus, "--format", "json")
    data = json.loads(out)
    assert code == data["exit_code"] == 1
    assert data["schema"] == "provenance-check/1"
    assert data["policy"] == {"require": "cosmetic"}
    [problem] = data["problems"]
    assert problem == {
        "code": "P102",
        "name": "missing-file",
        "check": "fixity",
        "path": str(corpus / C003),
        "line": None,
        "column": None,
        "offset": None,
        "finding": None,
        "blemish": None,
        "message": "no such file: listed in the manifest but missing",
    }
    assert {r["name"] for r in data["rules"].values()} == set(RULES)


def test_github_format(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C003
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, out, _ = run(capsys, "check", corpus, "--format", "github")
    assert code == 1
    assert (
        f"::error file={path},line=1,col=1,title=P202 bom::"
        "starts with a UTF-8 byte-order mark (EF BB BF)\n" in out
    )
    assert all(line.startswith("::error file=") for line in out.splitlines())


def test_junit_format(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C003
    path.write_bytes(path.read_bytes()[:100])
    code, out, _ = run(capsys, "check", corpus, "--format", "junit")
    assert code == 1
    root = ET.fromstring(out.split("\n", 1)[1])
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    assert ("provenance.fixity", str(corpus / C004)) in cases
    assert cases[("provenance.fixity", str(corpus / C004))].find("failure") is None
    failure = cases[("provenance.fixity", str(path))].find("failure")
    assert failure is not None
    assert failure.get("type") == "P106"
    assert "P106 truncated" in (failure.text or "")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"manifest", "fixity", "hygiene", "reference", "coverage", "review"}
    assert suites["fixity"].get("failures") == "1"


def test_every_rule_is_documented() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "check-json.md").read_text(
        encoding="utf-8"
    )
    for rule in RULES.values():
        assert f"| {rule.code} | {rule.name} | {rule.check} |" in docs, rule.code


@pytest.mark.parametrize("name", ["reviews.jsonl", "manifest.toml", "reviews.json"])
def test_an_entry_naming_the_corpus_own_files_is_unsafe(
    corpus: Path, capsys: Capsys, name: str
) -> None:
    """A manifest entry naming the decision file or the manifest itself as a capture was
    accepted, and `manifest --update --yes` recorded the decisions as evidence."""
    manifest = corpus / "manifest.toml"
    (corpus / name).touch()
    data = (corpus / name).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    entry = f'\n[[captures]]\nid = "own"\nfile = "{name}"\nsha256 = "{sha}"\nsize = {len(data)}\n'
    manifest.write_text(manifest.read_text(encoding="utf-8") + entry, encoding="utf-8")
    out = failing_check(capsys, corpus)
    [line] = problem_lines(out, "P105")
    assert f"file {name!r}" in line and "the corpus's own" in line


def test_a_stale_decision_is_cleared_with_decide_clear(corpus: Path, capsys: Capsys) -> None:
    """A stale decision (P502) could be cleared by no command: `decide` said 'no current
    finding', though the check's JSON points problems at `decide`. `decide ID --clear`
    removes every decision on a finding, current or stale."""
    reviews = corpus / REVIEWS
    decisions = read_decisions(reviews)
    ghost = dict(decisions[0], finding="d-0000000000000000", summary="omission: 'x' -> ''")
    ghost.pop("anchor")
    write_decisions(reviews, [*decisions, ghost])
    code, out, _ = run(capsys, "decide", "d-0000000000000000", "--clear", "--corpus", corpus)
    assert code == 0 and "cleared" in out
    assert run(capsys, "check", corpus)[0] == 0
    assert len(read_decisions(reviews)) == len(decisions)
    code, _, err = run(capsys, "decide", "d-00000", "--clear", "--corpus", corpus)
    assert code == 2 and "no decision" in err
    code, _, err = run(capsys, "decide", "d-00000", "--clear", "--note", "x", "--corpus", corpus)
    assert (
        code == 2 and err == "provenance: --note: --clear removes the decisions: no note to keep\n"
    )


def test_clearing_a_current_finding_with_no_decision_is_done_already(
    corpus: Path, capsys: Capsys
) -> None:
    """`decide ID --clear` on a current finding with no decision exited 2, "could not
    run", as for a broken manifest: the finding is already as asked (0, said so)."""
    reviews = corpus / REVIEWS
    decisions = read_decisions(reviews)
    finding = decisions[0]["finding"]
    assert run(capsys, "decide", finding, "--clear", "--corpus", corpus)[0] == 0
    code, out, err = run(capsys, "decide", finding, "--clear", "--corpus", corpus)
    assert (code, err) == (0, "") and out == f"{finding} has no decision: nothing to clear\n"
    assert len(read_decisions(reviews)) == len(decisions) - 1


@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_reviewer_name_is_refused(corpus: Path, capsys: Capsys, name: str) -> None:
    """`--reviewer ""` (an unset shell variable) recorded the login name without a word."""
    reviews = corpus / REVIEWS
    before = reviews.read_bytes()
    finding = read_decisions(reviews)[0]["finding"]
    try:
        code = run(capsys, "decide", finding, "--flag", "--reviewer", name, "--corpus", corpus)[0]
    except SystemExit as exit:
        code = exit.code
    assert code == 2
    assert "--reviewer: an empty name" in capsys.readouterr().err
    assert reviews.read_bytes() == before


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda entry: re.sub(r'\nsha256 = "[0-9a-f]+"', "", entry), "P100"),
        (lambda entry: re.sub(r"\nsize = \d+", '\nsize = "big"', entry), "P100"),
    ],
    ids=["no sha256", "size a string"],
)
def test_a_malformed_entry_is_one_problem_naming_its_id(
    corpus: Path, capsys: Capsys, edit: Callable[[str], str], code: str
) -> None:
    """An entry left out for a wrong field also made its file "not in the manifest (record
    it with `provenance add`)" (P109), advice `add` cannot follow while the manifest is
    unreadable, and its decisions "stale" (P502), which `decide --clear` would delete.
    The entry's problem is the one problem, and it names the entry's id."""
    manifest = corpus / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    capture = C004.split(".", 1)[0]
    start = text.index(f'id = "{capture}"')
    end = text.find("[[captures]]", start)
    end = len(text) if end < 0 else end
    manifest.write_text(text[:start] + edit(text[start:end]) + text[end:], encoding="utf-8")
    out = failing_check(capsys, corpus)
    [line] = [x for x in out.splitlines() if ": P" in x]
    assert f": {code} " in line and f"(id {capture!r})" in line, line


def test_a_digest_edited_in_the_manifest_is_shown_where_it_differs(
    corpus: Path, capsys: Capsys
) -> None:
    """A manifest digest changed in its last hex digit gave 'sha256 e234df4701c0bba8…
    does not match the manifest's e234df4701c0bba8…: the bytes changed': two digests that
    read alike, and a cause asserted though the manifest was what changed."""
    manifest = corpus / "manifest.toml"
    data = (corpus / C004).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    edited = sha[:-1] + ("0" if sha[-1] != "0" else "1")
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(sha, edited), "utf-8")
    [line] = problem_lines(failing_check(capsys, corpus), "P101")
    shown = line.split("sha256 ", 1)[1].split(" does not match the manifest's ")
    assert shown[0].rstrip("…") != shown[1].split("…")[0]
    assert "the bytes or the manifest changed" in line


def test_github_annotations_escape_controls_in_file_names(corpus: Path, capsys: Capsys) -> None:
    hostile = corpus / "stray\x1b[31m\x07.txt"
    hostile.write_text("not listed\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", corpus, "--format", "github")
    assert code == 1
    [line] = [line for line in out.splitlines() if "P109" in line]
    assert line.startswith("::error file=")
    assert "\x1b" not in out and "\x07" not in out
    assert "stray\\x1b[31m\\x07.txt" in line


def _declare_format(corpus: Path, file: str, declared: str) -> None:
    """Edit the manifest as a person might: `format = declared` in `file`'s entry."""
    manifest = corpus / "manifest.toml"
    document = tomlkit.parse(manifest.read_text(encoding="utf-8"))
    [entry] = [e for e in document["captures"] if e["file"] == file]
    entry["format"] = declared
    manifest.write_text(tomlkit.dumps(document), encoding="utf-8")


def test_a_format_the_file_name_contradicts_is_a_warning_not_a_failure(
    corpus: Path, capsys: Capsys
) -> None:
    """`format = "html"` recorded for a `.txt` capture passed without a word, though every
    command reads a capture by its file name (here as text). The declared format may be
    the user's choice, so it is a warning: one line, and the gate still passes (exit 0)."""
    _declare_format(corpus, C003, "html")
    path = corpus / C003
    said = (
        "warning: the manifest records format 'html', but its file name (.txt) makes every "
        "command read it as text; its bytes hold no HTML markup (correct the entry's format, "
        "or rename the file)"
    )
    code, out, _ = run(capsys, "check", corpus)
    assert code == 0, out
    assert problem_lines(out, "P113") == [f"{path}: P113 format-mismatch: {said}"]
    assert out.splitlines()[-1].endswith("findings decided; 1 warning")

    code, out, _ = run(capsys, "check", corpus, "--format", "json")
    data = json.loads(out)
    assert code == data["exit_code"] == 0
    assert data["problems"] == [] and data["summary"]["problems"] == 0
    assert data["summary"]["warnings"] == 1
    [warning] = data["warnings"]
    assert (warning["code"], warning["name"], warning["check"]) == (
        "P113",
        "format-mismatch",
        "manifest",
    )
    assert warning["path"] == str(path) and "warning: " + warning["message"] == said
    assert data["rules"]["P113"]["level"] == "warning"
    assert data["rules"]["P101"]["level"] == "error"

    code, out, _ = run(capsys, "check", corpus, "--format", "github")
    assert code == 0
    assert out.startswith(f"::warning file={path},title=P113 format-mismatch::the manifest")

    code, out, _ = run(capsys, "check", corpus, "--format", "junit")
    assert code == 0
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.get("failures") == "0"
    [case] = [c for c in root.iter("testcase") if c.get("name") == str(path)
              and c.get("classname") == "provenance.manifest"]  # fmt: skip
    assert case.find("failure") is None
    assert "P113 format-mismatch" in (case.findtext("system-out") or "")


def test_a_page_whose_markup_the_declared_format_denies_is_named_with_its_markup(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Weather: rain, then sun.</p></body></html>\n", "utf-8")
    assert run(capsys, "add", page, "--corpus", corpus, "--id", "page")[0] == 0
    assert run(capsys, "check", corpus)[1].count("P113") == 0  # add records what it reads
    _declare_format(corpus, "page.html", "markdown")
    code, out, _ = run(capsys, "check", corpus, "--require", "none")
    assert code == 0, out
    assert problem_lines(out, "P113") == [
        f"{corpus / 'page.html'}: P113 format-mismatch: warning: the manifest records format "
        "'markdown', but its file name (.html) makes every command read it as html; its bytes "
        "hold HTML markup (correct the entry's format, or rename the file)"
    ]
