"""Blemishes recorded as part of the evidence: a capture's BOM, mixed line endings,
invisible characters or contradicting HTML charset, found when it was recorded, are kept
in its manifest entry (`blemishes`), and `check` reports them as warnings (P210) instead
of failing forever on bytes nobody may edit. What is not recorded still fails."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from check_helpers import copy_corpus, decide_all, failing_check, problem_lines, run

from provenance.corpus import load_corpus, read_manifest

Capsys = pytest.CaptureFixture[str]

_WORDS = "A note on the weather in the harbour town, written on a grey morning.\n"
_BOM = b"\xef\xbb\xbf" + _WORDS.encode()
_ZERO_WIDTH = ("Harbour\u200b notes\r\n" + _WORDS + "Soft\u00adhyphen at sea.\n").encode()
_CHARSET = (
    "<html><head><meta charset='windows-1252'><title>t</title></head>\n"
    f"<body><p>{_WORDS} déjà vu.</p></body></html>\n"
).encode()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    directory = copy_corpus(tmp_path)
    decide_all(directory)
    return directory


def _add(capsys: Capsys, corpus: Path, tmp_path: Path, name: str, data: bytes) -> str:
    """Add `data` as `name` to `corpus` (id = the stem); return what `add` printed."""
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run(capsys, "add", path, "--corpus", corpus, "--id", path.stem)
    assert (code, err) == (0, ""), err
    return out


def _entry(corpus: Path, id: str) -> dict[str, Any]:
    manifest = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))
    [table] = [t for t in manifest["captures"] if t["id"] == id]
    return table


def _set_blemishes(corpus: Path, id: str, value: list[str] | None) -> None:
    """Edit the entry's `blemishes` by hand (None: remove the field), as a person might."""
    manifest = corpus / "manifest.toml"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f'id = "{id}"\n')
    end = next((k for k in range(start, len(lines)) if lines[k] == "\n"), len(lines))
    kept = [line for line in lines[start:end] if not line.startswith("blemishes =")]
    if value is not None:
        kept.append(f"blemishes = {json.dumps(value)}\n")
    manifest.write_text("".join(lines[:start] + kept + lines[end:]), encoding="utf-8")


def test_a_bom_is_recorded_by_add_and_check_passes_with_a_warning(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    out = _add(capsys, corpus, tmp_path, "bom.txt", _BOM)
    assert out.splitlines()[1] == (
        f"{corpus / 'bom.txt'}: bom recorded as part of the evidence "
        "(check reports it as a warning, P210)"
    )
    assert _entry(corpus, "bom")["blemishes"] == ["bom"]
    code, out, _ = run(capsys, "check", corpus)
    assert code == 0, out
    assert problem_lines(out, "P210") == [
        f"{corpus / 'bom.txt'}:1:1: P210 recorded-blemish: warning: bom (P202), recorded "
        "as part of the evidence: starts with a UTF-8 byte-order mark (EF BB BF)"
    ]
    assert out.splitlines()[-1].endswith("; 1 warning")
    code, out, _ = run(capsys, "check", corpus, "--format", "json")
    report = json.loads(out)
    assert (code, report["exit_code"], report["problems"]) == (0, 0, [])
    [warning] = report["warnings"]
    assert (warning["code"], warning["name"], warning["blemish"]) == (
        "P210",
        "recorded-blemish",
        "bom",
    )
    assert report["rules"]["P210"]["level"] == "warning"


def test_invisible_characters_and_mixed_line_endings_are_recorded_together(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    out = _add(capsys, corpus, tmp_path, "zw.txt", _ZERO_WIDTH)
    assert "mixed-line-endings, invisible-character recorded as part of the evidence" in out
    assert _entry(corpus, "zw")["blemishes"] == ["mixed-line-endings", "invisible-character"]
    code, out, _ = run(capsys, "check", corpus, "--format", "github")
    assert code == 0, out
    path = corpus / "zw.txt"
    assert out.splitlines() == [
        f"::warning file={path},line=1,col=15,title=P210 recorded-blemish::"
        "mixed-line-endings (P203), recorded as part of the evidence: mixed line endings "
        "(2 LF, 1 CRLF); first CRLF here",
        f"::warning file={path},line=1,col=8,title=P210 recorded-blemish::"
        "invisible-character (P206), recorded as part of the evidence: invisible character "
        "U+200B ZERO WIDTH SPACE (2 in the file)",
    ]


def test_a_charset_contradicting_utf8_bytes_is_recorded(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    _add(capsys, corpus, tmp_path, "decl.html", _CHARSET)
    assert _entry(corpus, "decl")["blemishes"] == ["html-charset"]
    code, out, _ = run(capsys, "check", corpus, "--format", "junit")
    assert code == 0, out
    assert "<failure" not in out
    assert "P210 recorded-blemish: warning: html-charset (P208)" in out


def test_a_kind_not_recorded_still_fails(corpus: Path, tmp_path: Path, capsys: Capsys) -> None:
    _add(capsys, corpus, tmp_path, "zw.txt", _ZERO_WIDTH)
    _set_blemishes(corpus, "zw", ["mixed-line-endings"])
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P203") == []
    assert len(problem_lines(out, "P206")) == 2
    assert len(problem_lines(out, "P210")) == 1
    _set_blemishes(corpus, "zw", None)  # an entry recorded before the field existed
    out = failing_check(capsys, corpus)
    assert len(problem_lines(out, "P203")) == 1 and len(problem_lines(out, "P206")) == 2


def test_undecodable_kinds_cannot_be_recorded(corpus: Path, tmp_path: Path, capsys: Capsys) -> None:
    """What `load` refuses (NUL, not UTF-8, empty, no text) is no blemish a capture can
    carry: naming it in `blemishes` is a manifest problem, never a waiver."""
    _add(capsys, corpus, tmp_path, "bom.txt", _BOM)
    _set_blemishes(corpus, "bom", ["bom", "nul"])
    out = failing_check(capsys, corpus)
    [problem] = problem_lines(out, "P100")
    assert "field 'blemishes': 'nul' cannot be recorded" in problem


def test_changed_bytes_still_fail_fixity(corpus: Path, tmp_path: Path, capsys: Capsys) -> None:
    _add(capsys, corpus, tmp_path, "bom.txt", _BOM)
    path = corpus / "bom.txt"
    path.write_bytes(path.read_bytes().replace(b"grey", b"gray"))
    out = failing_check(capsys, corpus)
    assert len(problem_lines(out, "P101")) == 1
    assert problem_lines(out, "P202") == []  # the recorded BOM is still the evidence's


def test_an_old_manifest_without_the_field_loads_and_update_records_on_request(
    corpus: Path, capsys: Capsys
) -> None:
    manifest = read_manifest(corpus)
    assert all(entry.blemishes == () for entry in manifest.entries)
    assert len(load_corpus(corpus).captures) == len(manifest.entries)
    data = _BOM
    (corpus / "old.txt").write_bytes(data)
    with (corpus / "manifest.toml").open("a", encoding="utf-8") as file:
        file.write(
            f'\n[[captures]]\nid = "old"\nfile = "old.txt"\n'
            f'sha256 = "{hashlib.sha256(data).hexdigest()}"\nsize = {len(data)}\n'
        )
    assert len(problem_lines(failing_check(capsys, corpus), "P202")) == 1
    code, out, err = run(capsys, "manifest", corpus, "--update")
    assert (code, out) == (1, "")
    assert err == (
        f"provenance: {corpus / 'old.txt'}: carries bom, not recorded as part of the "
        "evidence (pass --record-blemishes --yes to record it)\n"
    )
    code, out, _ = run(capsys, "manifest", corpus, "--update", "--record-blemishes")
    assert (code, out) == (1, f"{corpus / 'old.txt'}: would record blemishes [] -> ['bom']\n")
    code, out, _ = run(capsys, "manifest", corpus, "--update", "--record-blemishes", "--yes")
    assert (code, out) == (0, f"{corpus / 'old.txt'}: recorded blemishes [] -> ['bom']\n")
    assert _entry(corpus, "old")["blemishes"] == ["bom"]
    assert run(capsys, "check", corpus)[0] == 0
    code, out, _ = run(capsys, "manifest", corpus, "--update")
    assert (code, out) == (0, f"{corpus / 'manifest.toml'}: up to date\n")


def test_a_recapture_records_the_new_bytes_blemishes(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    _add(capsys, corpus, tmp_path, "bom.txt", _BOM)
    clean = tmp_path / "clean.txt"
    clean.write_bytes(_ZERO_WIDTH)
    code, out, _ = run(capsys, "add", clean, "--replaces", "bom", "--corpus", corpus)
    assert code == 0
    assert "mixed-line-endings, invisible-character recorded as part of the evidence" in out
    assert _entry(corpus, "bom")["blemishes"] == ["mixed-line-endings", "invisible-character"]
    clean.write_bytes(_WORDS.encode())
    assert run(capsys, "add", clean, "--replaces", "bom", "--corpus", corpus)[0] == 0
    assert "blemishes" not in _entry(corpus, "bom")
    assert run(capsys, "check", corpus)[0] == 0


def test_a_recorded_kind_the_bytes_no_longer_carry_is_a_warning_naming_it(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """A stale record (a hand edit, or a kind the hygiene rules no longer report) was
    named only by `manifest --update`; `check` said nothing. It is a warning of its own
    (P211), one per kind, naming the capture and the kind, and says how to put it right;
    the gate still passes."""
    _add(capsys, corpus, tmp_path, "bom.txt", _BOM)
    _set_blemishes(corpus, "bom", ["bom", "invisible-character"])
    code, out, _ = run(capsys, "check", corpus)
    assert code == 0, out
    assert len(problem_lines(out, "P210")) == 1  # the BOM the bytes still carry
    assert problem_lines(out, "P211") == [
        f"{corpus / 'bom.txt'}: P211 stale-blemish: warning: capture bom: the manifest "
        "records invisible-character (P206) in its blemishes, but its bytes carry none "
        "(provenance manifest --update --record-blemishes --yes records what they carry)"
    ]
    code, out, _ = run(capsys, "check", corpus, "--format", "json")
    [stale] = [w for w in json.loads(out)["warnings"] if w["code"] == "P211"]
    assert (stale["name"], stale["blemish"]) == ("stale-blemish", "invisible-character")
    assert run(capsys, "manifest", corpus, "--update", "--record-blemishes", "--yes")[0] == 0
    code, out, _ = run(capsys, "check", corpus)
    assert (code, problem_lines(out, "P211")) == (0, [])


def test_a_record_on_changed_bytes_is_not_called_stale(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """The record stands for the recorded bytes: when they changed, fixity fails, and
    `manifest --update` (which would record the changed bytes) is no advice to give."""
    _add(capsys, corpus, tmp_path, "bom.txt", _BOM)
    (corpus / "bom.txt").write_bytes(_BOM[3:] + b"xyz")  # BOM gone, same size
    out = failing_check(capsys, corpus)
    assert len(problem_lines(out, "P101")) == 1
    assert problem_lines(out, "P211") == []
