"""A damaged or missing corpus: every command names what is wrong in one line, keeps going
where it can, and never writes over what the user made (docs/reliability.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from check_helpers import BUNDLED, C000, C002, C003, C004, problem_lines, run

from provenance.corpus import read_manifest
from provenance.review import REVIEWS, ReviewStore

Capsys = pytest.CaptureFixture[str]


# A corpus directory that is not there -------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["report", "{dir}"],
        ["collate", "{dir}"],
        ["check", "{dir}"],
        ["findings", "{dir}"],
        ["manifest", "{dir}", "--update"],
        ["manifest", "{dir}", "--update", "--yes"],
        ["add", "{file}", "--corpus", "{dir}"],
        ["decide", "d-1", "--accept", "--corpus", "{dir}"],
        ["review", "{dir}", "--reviewer", "tester"],
    ],
    ids=lambda c: " ".join(a for a in c if not a.startswith("{")),
)
def test_a_missing_corpus_directory_is_named_as_missing(
    tmp_path: Path, capsys: Capsys, command: list[str]
) -> None:
    missing = tmp_path / "nowhere"
    page = tmp_path / "page.txt"
    page.write_text("A page.\n", encoding="utf-8")
    argv = [a.format(dir=missing, file=page) for a in command]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err == f"provenance: {missing}: corpus directory does not exist\n"
    assert not missing.exists()  # nothing made it


def test_a_file_given_as_the_corpus_is_named_as_not_a_directory(
    tmp_path: Path, capsys: Capsys
) -> None:
    file = tmp_path / "corpus.txt"
    file.write_text("not a directory\n", encoding="utf-8")
    for argv in (["findings", file], ["manifest", file, "--update", "--yes"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert err == f"provenance: {file}: is a file, not a corpus directory\n"
    assert file.read_text(encoding="utf-8") == "not a directory\n"


# A manifest that starts with a byte-order mark ----------------------------------------------

BOM = b"\xef\xbb\xbf"


def test_a_manifest_with_a_byte_order_mark_is_read_and_the_mark_kept(
    corpus_dir: Path, tmp_path: Path, capsys: Capsys
) -> None:
    manifest = corpus_dir / "manifest.toml"
    manifest.write_bytes(BOM + manifest.read_bytes())  # as Notepad saves UTF-8
    assert run(capsys, "report", corpus_dir, "--format", "json")[0] == 0
    assert run(capsys, "check", corpus_dir)[0] == 0
    assert run(capsys, "findings", corpus_dir)[0] == 0

    page = tmp_path / "page.txt"
    page.write_text("A page that quotes nothing.\n", encoding="utf-8")
    before = manifest.read_bytes()
    code, _, err = run(capsys, "add", page, "--corpus", corpus_dir)
    assert (code, err) == (0, "")
    after = manifest.read_bytes()
    assert after.startswith(before)  # the mark and every old byte kept; the entry appended

    capture = corpus_dir / C004
    capture.write_bytes(capture.read_bytes() + b"\nOne more line.\n")
    code, _, err = run(capsys, "manifest", corpus_dir, "--update", "--yes")
    assert (code, err) == (0, "")
    updated = manifest.read_bytes()
    assert updated.startswith(BOM)
    changed = [
        (old, new)
        for old, new in zip(after.splitlines(), updated.splitlines(), strict=True)
        if old != new
    ]
    assert [old.split(b" = ")[0] for old, _ in changed] == [b"sha256", b"size"]

    recaptured = tmp_path / "recaptured.txt"
    recaptured.write_bytes(capture.read_bytes() + b"And another.\n")
    replaces = ["--replaces", C004.removesuffix(".txt"), "--corpus", corpus_dir]
    code, _, err = run(capsys, "add", recaptured, *replaces)
    assert (code, err) == (0, "")
    assert manifest.read_bytes().startswith(BOM)


# manifest --update on damaged bytes -----------------------------------------------------------


def _damage(corpus: Path, *which: str) -> dict[str, tuple[Path, str]]:
    """Capture 003 emptied, capture 004 made not UTF-8 (those of `which`, else both):
    {damage: (path, the problem's words)}."""
    emptied, latin1 = corpus / C003, corpus / C004
    at = latin1.read_bytes().index(b"the") + 2
    damage = {
        "empty": (emptied, "empty file (0 bytes)", b""),
        "not utf-8": (
            latin1,
            f"not valid UTF-8 at byte {at} (0xe9)",
            latin1.read_bytes().replace(b"the", b"th\xe9", 1),
        ),
    }
    chosen = {k: v for k, v in damage.items() if k in which or not which}
    for path, _, data in chosen.values():
        path.write_bytes(data)
    return {k: (path, words) for k, (path, words, _) in chosen.items()}


@pytest.mark.parametrize("damage", ["empty", "not utf-8"])
def test_manifest_update_refuses_to_bless_damaged_bytes(
    corpus_dir: Path, capsys: Capsys, damage: str
) -> None:
    manifest = corpus_dir / "manifest.toml"
    before = manifest.read_bytes()
    [(path, words)] = _damage(corpus_dir, damage).values()
    healthy = corpus_dir / C002
    healthy.write_bytes(healthy.read_bytes() + b"\nA line added by the publisher.\n")
    code, out, err = run(capsys, "manifest", corpus_dir, "--update", "--yes")
    assert (code, out) == (2, "")
    assert err == (
        f"provenance: {path}: {words}: damaged bytes, not recorded; manifest unchanged "
        "(restore the file, or pass --accept-damaged to record them as they are)\n"
    )
    assert manifest.read_bytes() == before  # not even the healthy change is written


def test_manifest_update_names_every_damaged_capture(corpus_dir: Path, capsys: Capsys) -> None:
    manifest = corpus_dir / "manifest.toml"
    before = manifest.read_bytes()
    damaged = _damage(corpus_dir)
    code, out, err = run(capsys, "manifest", corpus_dir, "--update", "--yes")
    assert (code, out) == (2, "")
    assert [line.split(": ")[1] for line in err.splitlines()] == [
        str(damaged["empty"][0]),
        str(damaged["not utf-8"][0]),
    ]
    assert manifest.read_bytes() == before

    # Without --yes: what would be recorded, and which bytes are damaged.
    code, out, err = run(capsys, "manifest", corpus_dir, "--update")
    assert code == 1
    assert out.count("would re-record sha256") == 2
    assert err.splitlines() == [
        f"provenance: {damaged['empty'][0]}: empty file (0 bytes): damaged bytes",
        f"provenance: {damaged['not utf-8'][0]}: {damaged['not utf-8'][1]}: damaged bytes",
        "provenance: nothing written; pass --yes --accept-damaged to re-record these",
    ]
    assert manifest.read_bytes() == before


def test_manifest_update_records_damaged_bytes_when_told_and_check_still_fails(
    corpus_dir: Path, capsys: Capsys
) -> None:
    damaged = _damage(corpus_dir)
    code, out, err = run(capsys, "manifest", corpus_dir, "--update", "--yes", "--accept-damaged")
    assert code == 0
    assert err.splitlines()[:2] == [
        f"provenance: {path}: {words}: damaged bytes recorded (--accept-damaged); "
        "check still reports them"
        for path, words in damaged.values()
    ]
    assert f"{damaged['empty'][0]}: re-recorded size" in out
    recorded = {e.id: e for e in read_manifest(corpus_dir).entries}
    assert recorded[C003.removesuffix(".txt")].size == 0
    # The fixity record now matches, but the gate still fails on the damaged evidence.
    code, out, _ = run(capsys, "check", corpus_dir)
    assert code == 1
    assert problem_lines(out, "P108") and problem_lines(out, "P201")
    assert f"{damaged['empty'][0]}:" in out and f"{damaged['not utf-8'][0]}:" in out


# findings and decide past a capture that cannot be read ---------------------------------------


def _make_unreadable(path: Path, how: str) -> str:
    """Make the capture at `path` unreadable in the way `how` says; the problem's words."""
    if how == "not utf-8":
        path.write_bytes(b"caf\xe9\n" + path.read_bytes())
        return "not valid UTF-8 at byte 3 (0xe9)"
    if how == "deleted":
        path.unlink()
        return "no such file"
    if how == "a directory":
        path.unlink()
        path.mkdir()
        return "is a directory, not a file"
    path.chmod(0)
    return "permission denied"


UNREADABLE = [
    "not utf-8",
    "deleted",
    "a directory",
    pytest.param(
        "chmod 000",
        marks=pytest.mark.skipif(
            hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a mode-000 file"
        ),
    ),
]


@pytest.mark.parametrize("how", UNREADABLE)
def test_findings_and_decide_keep_going_past_an_unreadable_capture(
    corpus_dir: Path, capsys: Capsys, how: str
) -> None:
    everything = json.loads(run(capsys, "findings", corpus_dir, "--format", "json")[1])
    broken_id = C002.removesuffix(".txt")
    others = [f for f in everything["findings"] if f["source"] != broken_id]
    assert everything["stale"] == [] and len(others) < len(everything["findings"])
    path = corpus_dir / C002
    words = _make_unreadable(path, how)
    named = f"provenance: {path}: {words}\n"

    code, out, err = run(capsys, "findings", corpus_dir, "--format", "json")
    assert (code, err) == (1, named)
    listing = json.loads(out)
    assert listing["findings"] == others  # the rest in full, decisions and all
    assert listing["stale"] == []  # its decisions are not stale: they could not be compared
    assert listing["errors"] == [{"path": str(path), "problem": words, "log": None}]

    code, out, err = run(capsys, "findings", corpus_dir, "--undecided")
    assert (code, err) == (1, named)
    assert out.splitlines()[-1].startswith(f"{len(others)} of {len(others)} decided")

    code, out, err = run(capsys, "decide", others[0]["id"], "--flag", "--corpus", corpus_dir)
    assert (code, err) == (1, named)  # recorded, and the problem said
    assert out.startswith(f"flagged {others[0]['id']}")
    decided = ReviewStore(corpus_dir / REVIEWS).decisions()
    assert [d.verdict for d in decided if d.finding == others[0]["id"]] == ["flagged"]

    # A finding of the capture that cannot be read cannot be decided: said, exit 2.
    [theirs, *_] = [f for f in everything["findings"] if f["source"] == broken_id]
    code, out, err = run(capsys, "decide", theirs["id"], "--accept", "--corpus", corpus_dir)
    assert (code, out) == (2, "")
    assert err == named + (
        f"provenance: {corpus_dir}: no current finding with id {theirs['id']!r} "
        "(1 capture could not be read)\n"
    )

    # check still fails the gate on it.
    code, out, _ = run(capsys, "check", corpus_dir)
    assert code == 1
    assert f"{path}:" in out


def test_findings_without_the_references_source_cannot_run(
    corpus_dir: Path, capsys: Capsys
) -> None:
    path = corpus_dir / C000
    _make_unreadable(path, "not utf-8")
    code, out, err = run(capsys, "findings", corpus_dir)
    assert (code, out) == (2, "")
    assert err == f"provenance: {path}: not valid UTF-8 at byte 3 (0xe9)\n"


def test_a_refused_entry_of_the_reference_s_source_is_named_as_such(tmp_path: Path) -> None:
    """The reference's source with a bad `format` in its capture entry: the second
    problem said the source "is not a capture in the manifest", which it is."""
    import shutil
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    manifest = corpus / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    entry = text.index('id = "000_3bc794f6186e8434"')
    at = text.index('format = "text"', entry)
    manifest.write_text(text[:at] + 'format = "pdf"' + text[at + len('format = "text"') :])
    done = subprocess.run(
        [sys.executable, "-m", "provenance", "check", str(corpus)],
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "is not a capture in the manifest" not in done.stdout
    assert "its capture entry is refused (above)" in done.stdout
