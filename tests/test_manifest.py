"""`provenance add` and `provenance manifest --update`: computed digests, atomic writes."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from check_helpers import (
    C000,
    C002,
    C003,
    C004,
    copy_corpus,
    decide_all,
    failing_check,
    problem_lines,
    run,
)

from provenance import manifest as manifest_module
from provenance.atomic import atomic_write
from provenance.errors import CorpusError

Capsys = pytest.CaptureFixture[str]


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file of the corpus directory (dotfiles too) and its bytes."""
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    directory = copy_corpus(tmp_path)
    decide_all(directory)
    return directory


@pytest.fixture
def capture(tmp_path: Path) -> Path:
    path = tmp_path / "incoming.txt"
    path.write_bytes("A new capture\r\nwith \u00a0odd bytes\u2019 kept as they are.\n".encode())
    return path


def test_add_copies_bytes_and_records_them(corpus: Path, capture: Path, capsys: Capsys) -> None:
    before = (corpus / "manifest.toml").read_text(encoding="utf-8")
    code, out, _ = run(
        capsys,
        "add",
        capture,
        "--corpus",
        corpus,
        "--publisher",
        "Example Press",
        "--date",
        "2017-07-05",
        "--holds",
        "excerpts,quotations",
    )
    data = capture.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    name = f"005_{sha[:16]}.txt"
    assert code == 0
    assert out == (
        f"added {corpus / name}: id 005_{sha[:16]}, {len(data)} bytes, sha256 {sha}\n"
        f"{corpus / name}: mixed-line-endings recorded as part of the evidence "
        "(check reports it as a warning, P210)\n"
    )
    assert (corpus / name).read_bytes() == data
    after = (corpus / "manifest.toml").read_text(encoding="utf-8")
    # Comments, order and every old line kept; the new entry appended after a blank line.
    assert after.startswith(before + "\n[[captures]]\n")
    entry = tomllib.loads(after)["captures"][-1]
    assert entry == {
        "id": f"005_{sha[:16]}",
        "file": name,
        "sha256": sha,
        "size": len(data),
        "format": "text",
        "holds": ["excerpts", "quotations"],
        "publisher": "Example Press",
        "title": "unknown",
        "url": "unknown",
        "date": "2017-07-05",
        "blemishes": ["mixed-line-endings"],
    }
    code, out, _ = run(capsys, "check", corpus)
    # Recorded correctly: no fixity problem; what remains is that it holds no excerpt of
    # the statement, as the check should say, and its line endings, recorded as evidence.
    assert [line.split(": ")[1].split()[0] for line in out.splitlines()[:-1]] == [
        "P401",
        "P403",
        "P210",
    ]


def test_add_without_holds_records_what_the_capture_is_found_to_hold(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """`add page.txt` recorded `holds = []` without a word, so `check` failed on every
    capture holding a copy (P404, "says it holds nothing"), and no command could change
    it. Without --holds, what the capture is found to hold is recorded and said; --holds
    still says otherwise."""
    full = tmp_path / "copy.txt"
    full.write_text("Reposted:\n\n" + (corpus / "002_9103d841b337d515.txt").read_text("utf-8"))
    code, out, _ = run(capsys, "add", full, "--corpus", corpus)
    assert code == 0
    assert out.splitlines()[-1].startswith("holds full")
    entries = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))["captures"]
    assert "full" in entries[-1]["holds"]
    code, out, _ = run(capsys, "check", corpus, "--format", "json")
    assert not [p for p in json.loads(out)["problems"] if p["code"] in ("P401", "P402", "P404")]
    nothing = tmp_path / "weather.txt"
    nothing.write_text("Rain in Moscow on Tuesday, sun on Wednesday.\n", encoding="utf-8")
    code, out, _ = run(capsys, "add", nothing, "--corpus", corpus)
    assert code == 0 and out.splitlines()[-1].startswith("holds nothing of the reference")
    code, out, _ = run(capsys, "add", tmp_path / "copy.txt", "--corpus", corpus, "--id", "x")
    assert code == 2  # identical bytes: refused as before, found holds or not
    told = tmp_path / "told.txt"
    told.write_text("Kept for the record:\n\n" + full.read_text("utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "add", told, "--corpus", corpus, "--holds", "excerpts")
    assert code == 0 and "as found" not in out
    entries = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))["captures"]
    assert entries[-1]["holds"] == ["excerpts"]


def test_add_with_an_explicit_id(corpus: Path, capture: Path, capsys: Capsys) -> None:
    code, _, _ = run(capsys, "add", capture, "--corpus", corpus, "--id", "eir-2017-07-05")
    assert code == 0
    assert (corpus / "eir-2017-07-05.txt").read_bytes() == capture.read_bytes()


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (
            ["--id", "002_9103d841b337d515"],
            "a capture with id '002_9103d841b337d515' is already recorded",
        ),
        (["--id", "../escape"], "id '../escape' must be letters, digits"),
        (
            ["--holds", "everything"],
            "--holds 'everything' is not one of full, excerpts, quotations",
        ),
    ],
)
def test_add_refuses_and_changes_nothing(
    corpus: Path, capture: Path, capsys: Capsys, argv: list[str], problem: str
) -> None:
    before = snapshot(corpus)
    code, out, err = run(capsys, "add", capture, "--corpus", corpus, *argv)
    assert (code, out) == (2, "")
    assert problem in err
    assert err.count("\n") == 1
    assert snapshot(corpus) == before


def test_add_refuses_an_existing_file_or_identical_bytes(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", corpus / C003, "--corpus", corpus, "--id", "other")
    assert code == 2
    assert err == f"provenance: {corpus / C003}: identical bytes are already recorded as {C003}\n"
    squatter = tmp_path / "x.txt"
    squatter.write_text("new words\n", encoding="utf-8")
    (corpus / "taken.txt").write_text("not in the manifest\n", encoding="utf-8")
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", squatter, "--corpus", corpus, "--id", "taken")
    assert code == 2
    assert err == (
        f"provenance: {corpus / 'taken.txt'}: already exists in the corpus; "
        "refusing to overwrite it\n"
    )
    assert snapshot(corpus) == before
    # a name of the corpus's own files: refused for that, not because it "already exists"
    # (a corpus with no decision file yet was told reviews.jsonl did)
    (corpus / "reviews.jsonl").unlink(missing_ok=True)
    page = tmp_path / "page.jsonl"
    page.write_text("new words\n", encoding="utf-8")
    code, _, err = run(capsys, "add", page, "--corpus", corpus, "--id", "reviews")
    assert code == 2 and "a file of the corpus's own" in err and "already exists" not in err


def test_add_refuses_a_latin1_file(corpus: Path, tmp_path: Path, capsys: Capsys) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\u00e9\n".encode("latin-1"))
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", latin, "--corpus", corpus)
    assert code == 2
    assert err == (
        f"provenance: {latin}: not valid UTF-8 at byte 3 (0xe9); if it is written in another "
        "encoding, say which with --encoding NAME\n"
    )
    assert snapshot(corpus) == before


_LEGACY = (
    "The ministries\x92 joint statement calls the idea \x93double freezing\x94 \x97 "
    "a caf\xe9 phrase.\n"
).encode("latin-1")
"""A page as an older site writes it: windows-1252, curly quotes and a dash in 0x91-0x97."""


def test_add_with_an_encoding_keeps_the_bytes_and_every_command_reads_them_so(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """A page in windows-1252 is kept byte for byte, its encoding recorded; `report` and
    `check` decode it in that encoding (before, the corpus refused anything but UTF-8)."""
    page = tmp_path / "legacy.txt"
    page.write_bytes(_LEGACY)
    code, out, err = run(
        capsys, "add", page, "--corpus", corpus, "--id", "legacy", "--encoding", "windows-1252"
    )
    assert (code, err) == (0, "")
    assert f"{len(_LEGACY)} bytes in windows-1252" in out
    assert (corpus / "legacy.txt").read_bytes() == _LEGACY
    [entry] = [
        e
        for e in tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))["captures"]
        if e["id"] == "legacy"
    ]
    assert entry["encoding"] == "windows-1252"
    assert entry["sha256"] == hashlib.sha256(_LEGACY).hexdigest()
    code, out, _ = run(capsys, "report", corpus, "--format", "json")
    [source] = [s for s in json.loads(out)["sources"] if s["id"] == "legacy"]
    text = _LEGACY.decode("cp1252")
    assert source["encoding"] == "windows-1252" and source["length"] == len(text)
    assert "\u201cdouble freezing\u201d" in text
    code, out, _ = run(capsys, "check", corpus)
    assert not [line for line in out.splitlines() if "legacy.txt" in line and ": P2" in line]
    assert not [line for line in out.splitlines() if ": P1" in line]


def test_add_with_an_unknown_encoding_is_refused(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    page = tmp_path / "legacy.txt"
    page.write_bytes(_LEGACY)
    before = snapshot(corpus)
    for name in ("klingon", "base64"):  # no codec; a codec, but of bytes, not of text
        code, out, err = run(capsys, "add", page, "--corpus", corpus, "--encoding", name)
        assert (code, out) == (2, "")
        assert err == f"provenance: {page}: unknown encoding {name!r}\n"
    assert snapshot(corpus) == before


def test_add_refuses_bytes_its_encoding_does_not_read(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    page = tmp_path / "greek.txt"
    page.write_bytes(b"Greek text \xe1\xe2 and an undefined byte \xff\n")
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", page, "--corpus", corpus, "--encoding", "iso8859-7")
    assert code == 2
    assert err == f"provenance: {page}: not valid iso-8859-7 at byte 36 (0xff)\n"
    assert snapshot(corpus) == before


def test_an_encoding_is_kept_by_a_recapture(corpus: Path, tmp_path: Path, capsys: Capsys) -> None:
    page = tmp_path / "legacy.txt"
    page.write_bytes(_LEGACY)
    run(capsys, "add", page, "--corpus", corpus, "--id", "legacy", "--encoding", "cp1252")
    again = tmp_path / "again.txt"
    again.write_bytes(_LEGACY.replace(b"caf\xe9", b"na\xefve"))
    code, _, err = run(capsys, "add", again, "--corpus", corpus, "--replaces", "legacy")
    assert (code, err) == (0, "")
    entries = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))["captures"]
    [entry] = [e for e in entries if e["id"] == "legacy"]
    assert entry["encoding"] == "windows-1252"  # as the standard names it
    assert entry["sha256"] == hashlib.sha256(again.read_bytes()).hexdigest()
    # The site moved to UTF-8: its new bytes, read as the old encoding, would be other
    # characters; refused unless told, then recorded so.
    moved = tmp_path / "moved.txt"
    moved.write_text(_LEGACY.decode("cp1252").replace("café", "naïve"), encoding="utf-8")
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", moved, "--corpus", corpus, "--replaces", "legacy")
    assert code == 2 and "give --encoding utf-8" in err and snapshot(corpus) == before
    code, _, err = run(capsys, "add", moved, "--corpus", corpus, "--replaces", "legacy",
                       "--encoding", "utf-8")  # fmt: skip
    assert (code, err) == (0, "")
    entries = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))["captures"]
    [entry] = [e for e in entries if e["id"] == "legacy"]
    assert "encoding" not in entry


def _listed(corpus: Path, name: str, data: bytes, **fields: str) -> None:
    """`name` written with `data` and listed in the manifest, by hand, with `fields`."""
    (corpus / name).write_bytes(data)
    more = "".join(f"{key} = {value!r}\n".replace("'", '"') for key, value in fields.items())
    with (corpus / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            f'\n[[captures]]\nid = "{name}"\nfile = "{name}"\n'
            f'sha256 = "{hashlib.sha256(data).hexdigest()}"\nsize = {len(data)}\n{more}'
        )


def test_check_names_bytes_the_recorded_encoding_does_not_read(
    corpus: Path, capsys: Capsys
) -> None:
    _listed(corpus, "greek.txt", b"Greek \xe1\xe2\nbyte \xff\n", encoding="iso8859-7")
    _listed(corpus, "odd.txt", b"plain words\n", encoding="klingon")
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P209") == [
        f"{corpus / 'greek.txt'}:2:6: P209 not-decodable: not valid iso-8859-7 at byte 14 (0xff)"
    ]
    [unknown] = problem_lines(out, "P100")
    assert "field 'encoding' 'klingon' is no known encoding" in unknown


def test_check_names_a_format_no_capture_can_be_recorded_in(corpus: Path, capsys: Capsys) -> None:
    """A capture listed with `format = "pdf"` (by hand: `add` records what the file name
    says) passed `check` as OK and was read as plain text (audit r9). It is a manifest
    problem now, naming the field and the formats there are."""
    _listed(corpus, "scan.txt", b"plain words\n", format="pdf")
    _listed(corpus, "page.html", b"<p>plain words</p>\n", format="html")
    out = failing_check(capsys, corpus)
    [wrong] = problem_lines(out, "P100")
    assert wrong.endswith("field 'format' 'pdf' is not one of text, html, markdown")


def test_a_recorded_encoding_is_not_held_against_the_page_s_own_declaration(
    corpus: Path, capsys: Capsys
) -> None:
    """A page's bytes cannot change, and the manifest's `encoding` is the decision on how
    to read them (a WARC page whose HTTP charset contradicts its `<meta>`, say): no P208
    that nothing could ever clear. A UTF-8 capture declaring another charset is still
    P208 (`test_added_html_with_a_legacy_charset_is_recorded_and_reported`)."""
    page = b"<html><head><meta charset='%s'></head><body><p>" + _LEGACY + b"</p></body></html>"
    _listed(corpus, "alike.html", page % b"iso-8859-1", encoding="windows-1252", format="html")
    _listed(corpus, "other.html", page % b"shift_jis", encoding="windows-1252", format="html")
    _, out, _ = run(capsys, "check", corpus)
    assert not problem_lines(out, "P208") and not problem_lines(out, "P209"), out
    assert not problem_lines(out, "P201")


def test_encoding_labels_are_read_as_browsers_read_them(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """Labels are the WHATWG Encoding Standard's: "latin-1" is windows-1252 and is recorded
    so (before, the label as typed was recorded, though the bytes were read otherwise),
    "x-sjis" is shift_jis read by its Windows superset; Python's own codecs that are no
    web encoding ("undefined", "unicode_escape", "utf-7") are unknown, not internal errors."""
    page = tmp_path / "legacy.txt"
    page.write_bytes(_LEGACY)
    code, out, err = run(
        capsys, "add", page, "--corpus", corpus, "--id", "l", "--encoding", " Latin-1"
    )
    assert (code, err) == (0, "") and "bytes in windows-1252" in out
    japanese = tmp_path / "japanese.txt"
    japanese.write_bytes("No.\u2460 \u2161 the joint statement of the Parties\n".encode("cp932"))
    code, out, err = run(
        capsys, "add", japanese, "--corpus", corpus, "--id", "j", "--encoding", "x-sjis"
    )
    assert (code, err) == (0, ""), err
    entries = {
        e["id"]: e for e in tomllib.loads((corpus / "manifest.toml").read_text("utf-8"))["captures"]
    }
    assert (entries["l"]["encoding"], entries["j"]["encoding"]) == ("windows-1252", "shift_jis")
    for name in ("undefined", "unicode_escape", "utf-7", "replacement", "iso-2022-kr"):
        code, out, err = run(capsys, "add", page, "--corpus", corpus, "--encoding", name)
        assert (code, err) == (2, f"provenance: {page}: unknown encoding {name!r}\n"), err


def test_utf8_bytes_are_not_added_under_another_encoding(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """ "us-ascii" (windows-1252 to a browser) on a UTF-8 page read "café" as "cafÃ©"
    without a word; such bytes are refused under any encoding but UTF-8 and UTF-16."""
    page = tmp_path / "utf8.txt"
    page.write_text("The Parties\u2019 caf\u00e9\n", encoding="utf-8")
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", page, "--corpus", corpus, "--encoding", "us-ascii")
    assert code == 2 and err == (
        f"provenance: {page}: its bytes are UTF-8 (valid, not all ASCII), which windows-1252 "
        "would read as other characters: add it without --encoding\n"
    )
    assert snapshot(corpus) == before


def test_utf16_is_recorded_as_its_bytes_are_read_and_not_given_to_utf8_bytes(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """`--encoding utf-16` on a UTF-8 page with no byte-order mark read it as Chinese
    characters ("The" as "桔"), silently; it is refused now, as UTF-8 under any other
    encoding is. A big-endian page opened by its byte-order mark was recorded as
    utf-16le (read right, named wrong); it is recorded as utf-16be. UTF-16 with no mark
    is taken when it is UTF-16 (a NUL byte in every ASCII character)."""
    sentence = "The Parties agree on the \u201cdouble freezing\u201d initiative.\n"
    before = snapshot(corpus)
    for written in (sentence, sentence + "\n"):  # an even number of bytes, and an odd
        plain = tmp_path / "plain.txt"
        plain.write_text(written, encoding="utf-8")
        code, _, err = run(capsys, "add", plain, "--corpus", corpus, "--encoding", "utf-16")
        assert code == 2 and err == (
            f"provenance: {plain}: its bytes are UTF-8 (valid, no NUL byte, no UTF-16 byte-"
            "order mark), which utf-16le would read as other characters: add it without "
            "--encoding\n"
        )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "add", empty, "--corpus", corpus, "--encoding", "utf-16")
    assert (code, err) == (2, f"provenance: {empty}: empty file (0 bytes)\n")  # not "UTF-8"
    assert snapshot(corpus) == before
    big = tmp_path / "big.txt"
    big.write_bytes(b"\xfe\xff" + sentence.encode("utf-16-be"))
    bare = tmp_path / "bare.txt"
    bare.write_bytes(sentence.replace("The", "Both").encode("utf-16-le"))
    for page, label in ((big, "utf-16"), (bare, "UTF-16LE")):
        code, _, err = run(capsys, "add", page, "--corpus", corpus, "--id", page.stem,
                           "--encoding", label)  # fmt: skip
        assert (code, err) == (0, "")
    entries = {
        e["id"]: e for e in tomllib.loads((corpus / "manifest.toml").read_text("utf-8"))["captures"]
    }
    assert (entries["big"]["encoding"], entries["bare"]["encoding"]) == ("utf-16be", "utf-16le")
    code, out, _ = run(capsys, "report", corpus, "--format", "json")
    texts = {s["id"]: s for s in json.loads(out)["sources"]}
    assert texts["big"]["length"] == len(sentence) and texts["big"]["encoding"] == "utf-16be"
    assert not problem_lines(run(capsys, "check", corpus)[1], "P209")


def test_a_windows_1252_page_under_utf16_is_refused_not_read_as_chinese(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """Bytes of a single-byte encoding with no NUL, given `--encoding utf-16`, were read
    as two bytes a character (CJK-looking garbage) and recorded. Only UTF-8 bytes were
    refused; a page of such bytes is refused too, where a short line of Chinese in UTF-16
    (which holds no NUL either) is still taken."""
    page = tmp_path / "latin.txt"
    page.write_bytes(
        "The Parties\u2019 caf\u00e9 statement, signed in Moscow.\n".encode("cp1252") * 3
    )
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", page, "--corpus", corpus, "--encoding", "utf-16")
    assert (code, err) == (
        2,
        f"provenance: {page}: its {page.stat().st_size} bytes hold no NUL byte and no UTF-16 "
        "byte-order mark, where UTF-16 writes a NUL in every space, line break and Latin "
        "letter: not utf-16le\n",
    )
    assert snapshot(corpus) == before
    line = tmp_path / "line.txt"
    line.write_bytes("朝鲜半岛问题".encode("utf-16-le"))
    code, _, err = run(capsys, "add", line, "--corpus", corpus, "--encoding", "utf-16")
    assert (code, err) == (0, "")


def test_a_utf16_capture_s_undecodable_byte_is_placed_by_its_text_and_a_stray_bom_named(
    corpus: Path, capsys: Capsys
) -> None:
    """P209's line and column counted raw bytes, so in UTF-16 the line was wrong; they
    count the text read before the bad byte now. A UTF-8 byte-order mark on bytes
    recorded as windows-1252 was read as the text "ï»¿"; it is named."""
    data = "one\ntwo\nthree ".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le")
    _listed(corpus, "wide.txt", b"\xff\xfe" + data, encoding="utf-16le")
    _listed(corpus, "marked.txt", b"\xef\xbb\xbfcaf\xe9\n", encoding="windows-1252")
    out = failing_check(capsys, corpus)
    [wide, marked] = problem_lines(out, "P209")
    assert wide.startswith(f"{corpus / 'marked.txt'}") is False
    assert f"{corpus / 'wide.txt'}:3:7: P209 not-decodable: not valid utf-16le at byte" in wide
    assert marked.endswith("starts with a UTF-8 byte-order mark (EF BB BF), not windows-1252 text")


def test_add_refuses_html_with_no_readable_text(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    page = tmp_path / "menu.html"
    page.write_text("<html><script>x()</script><nav>menu</nav></html>", encoding="utf-8")
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", page, "--corpus", corpus)
    assert code == 2
    assert err == f"provenance: {page}: no readable text in this HTML (only markup)\n"
    assert snapshot(corpus) == before
    assert run(capsys, "report", corpus)[0] == 0


def test_failed_manifest_write_leaves_the_corpus_as_it_was(
    corpus: Path, capture: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, data: bytes, **options: Any) -> None:
        if path.name != "manifest.toml":
            return atomic_write(path, data, **options)  # the capture is copied; the manifest fails
        raise CorpusError(path, "cannot write: No space left on device")

    monkeypatch.setattr(manifest_module, "atomic_write", disk_full)
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", capture, "--corpus", corpus)
    assert code == 2
    assert err == f"provenance: {corpus / 'manifest.toml'}: cannot write: No space left on device\n"
    assert snapshot(corpus) == before  # the copied capture and its temp file are gone


def test_update_shows_then_writes_only_with_yes(corpus: Path, capsys: Capsys) -> None:
    path = corpus / C004
    path.write_bytes(path.read_bytes() + b"Appended line.\n")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = corpus / "manifest.toml"
    before = manifest.read_text(encoding="utf-8")
    code, out, err = run(capsys, "manifest", corpus, "--update")
    assert code == 1
    assert out.splitlines() == [
        f"{path}: would re-record sha256 "
        f"e234df4701c0bba8ab56cc9b11c4a28cc946488e4e78a8b3e2a54416755554c0 -> {sha}",
        f"{path}: would re-record size 7177 -> 7192",
    ]
    assert "pass --yes" in err
    assert manifest.read_text(encoding="utf-8") == before
    code, out, _ = run(capsys, "manifest", corpus, "--update", "--yes")
    assert code == 0
    assert out.count("re-recorded") == 2
    after = manifest.read_text(encoding="utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        (
            'sha256 = "e234df4701c0bba8ab56cc9b11c4a28cc946488e4e78a8b3e2a54416755554c0"',
            f'sha256 = "{sha}"',
        ),
        ("size = 7177", "size = 7192"),
    ]
    assert run(capsys, "check", corpus)[0] == 0
    assert run(capsys, "manifest", corpus, "--update")[1] == f"{manifest}: up to date\n"


def test_update_removes_the_temp_files_of_interrupted_writes(corpus: Path, capsys: Capsys) -> None:
    """A killed `add` leaves its temp file of the capture's bytes in the corpus: `check`
    reported it (P109) and `manifest --update` said "up to date", and no command removed
    it. `manifest --update` names it, and with --yes removes it (other files stay)."""
    temp = corpus / ".010_6c6decc28c479157.txt.154874847b53.tmp"
    temp.write_bytes((corpus / C004).read_bytes()[:900])
    own = corpus / "notes.tmp"  # not a temp file of ours: left alone
    own.write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, "manifest", corpus, "--update")
    assert (code, out) == (1, f"{temp}: would remove (a temp file left by an interrupted write)\n")
    assert "pass --yes" in err and temp.exists()
    code, out, _ = run(capsys, "manifest", corpus, "--update", "--yes")
    assert (code, out) == (0, f"{temp}: removed (a temp file left by an interrupted write)\n")
    assert not temp.exists() and own.exists()
    own.unlink()
    assert run(capsys, "check", corpus)[0] == 0


def test_update_refuses_new_bytes_of_the_references_source(corpus: Path, capsys: Capsys) -> None:
    """`manifest --update --yes` re-recorded the digest of the capture the reference is cut
    from after its bytes changed (add --replaces refuses that): every finding's basis
    moved, the original digest was gone, and every command then failed. It is refused,
    with nothing written, and the preview says why."""
    path = corpus / C000
    path.write_bytes(path.read_bytes().replace(b"neighbours", b"neighbors", 1))
    before = snapshot(corpus)
    code, out, err = run(capsys, "manifest", corpus, "--update", "--yes")
    assert (code, out) == (2, "")
    assert "the reference's source" in err and len(err.splitlines()) == 1
    assert snapshot(corpus) == before
    code, out, _ = run(capsys, "manifest", corpus, "--update")
    assert "the reference's source" in out


def test_update_refuses_a_missing_file(corpus: Path, capsys: Capsys) -> None:
    (corpus / C003).unlink()
    (corpus / C004).write_bytes(b"changed\n")
    before = snapshot(corpus)
    code, out, err = run(capsys, "manifest", corpus, "--update", "--yes")
    assert (code, out) == (2, "")
    assert (
        err
        == f"provenance: {corpus / C003}: listed in the manifest but missing; cannot re-record it\n"
    )
    assert snapshot(corpus) == before


def test_update_failed_write_leaves_the_manifest(
    corpus: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus / C002).write_bytes((corpus / C002).read_bytes() + b"\n")

    def disk_full(path: Path, data: bytes, **options: Any) -> None:
        if path.name != "manifest.toml":
            return atomic_write(path, data, **options)  # the capture is copied; the manifest fails
        raise CorpusError(path, "cannot write: No space left on device")

    monkeypatch.setattr(manifest_module, "atomic_write", disk_full)
    before = snapshot(corpus)
    assert run(capsys, "manifest", corpus, "--update", "--yes")[0] == 2
    assert snapshot(corpus) == before
    monkeypatch.undo()
    assert run(capsys, "manifest", corpus, "--update", "--yes")[0] == 0
    assert problem_lines(run(capsys, "check", corpus)[1], "P101") == []


def test_manifest_without_update_is_a_usage_error(corpus: Path, capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "manifest", corpus)
    assert exit_info.value.code == 2


def test_added_html_with_a_legacy_charset_is_recorded_and_reported(
    corpus: Path, tmp_path: Path, capsys: Capsys
) -> None:
    """A UTF-8 page declaring windows-1252 was added, then failed `check` (P208) forever:
    its bytes cannot change. `add` records the contradiction as part of the evidence, and
    `check` reports it as a warning; an entry that does not record it still fails."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta charset="windows-1252"><title>t</title></head>\n'
        "<body><p>Russia and China said <em>nothing</em> new, déjà vu.</p></body></html>\n",
        encoding="utf-8",
    )
    assert run(capsys, "add", page, "--corpus", corpus, "--id", "page")[0] == 0
    assert (
        tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))["captures"][-1][
            "format"
        ]
        == "html"
    )
    code, out, _ = run(capsys, "check", corpus)
    assert code == 0, out
    assert problem_lines(out, "P210") == [
        f"{corpus / 'page.html'}:1:13: P210 recorded-blemish: warning: html-charset (P208), "
        "recorded as part of the evidence: declares charset 'windows-1252', which would read "
        "its UTF-8 bytes otherwise"
    ]
    manifest = corpus / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('blemishes = ["html-charset"]\n', ""), encoding="utf-8")
    out = failing_check(capsys, corpus)
    assert problem_lines(out, "P208") == [
        f"{corpus / 'page.html'}:1:13: P208 html-charset: declares charset 'windows-1252', "
        "which would read its UTF-8 bytes otherwise"
    ]


def test_accept_damaged_without_yes_is_refused(corpus: Path, capsys: Capsys) -> None:
    """`--accept-damaged` without `--yes` was accepted silently (exit 0, nothing written),
    as if it had been heard."""
    before = snapshot(corpus)
    code, out, err = run(capsys, "manifest", corpus, "--update", "--accept-damaged")
    assert (code, out) == (2, "")
    assert err == "provenance: --accept-damaged: records damaged bytes only with --yes\n"
    assert snapshot(corpus) == before


@pytest.mark.parametrize(("written", "named"), [("utf-16-be", "utf-16"), ("utf-16-le", "utf-16be")])
def test_utf16_in_the_other_byte_order_is_refused_not_read_as_chinese(
    corpus: Path, tmp_path: Path, capsys: Capsys, written: str, named: str
) -> None:
    """Big-endian UTF-16 with no byte-order mark under `--encoding utf-16` (which reads
    little-endian) was recorded as CJK garbage, exit 0; it is refused, naming the order
    its NUL bytes show, and added under that name."""
    page = tmp_path / "ordered.txt"
    page.write_bytes("The Parties agree on many things today.\n".encode(written))
    before = snapshot(corpus)
    code, _, err = run(capsys, "add", page, "--corpus", corpus, "--encoding", named)
    right = written.replace("-16-", "-16")
    assert code == 2 and f"NUL bytes stand where {right} puts them" in err, err
    assert err.count("\n") == 1 and snapshot(corpus) == before
    code, _, err = run(capsys, "add", page, "--corpus", corpus, "--encoding", right)
    assert (code, err) == (0, "")


@pytest.mark.parametrize("how", ["add", "replace", "update"])
def test_a_read_only_manifest_is_not_replaced(
    corpus: Path, tmp_path: Path, capsys: Capsys, how: str
) -> None:
    """`add`, `add --replaces` and `manifest --update --yes` replaced a manifest made
    read-only (chmod 444) by renaming over it, exit 0, as a read-only reviews.jsonl was
    not. One line, exit 2, and the corpus as it was."""
    page = tmp_path / "page.txt"
    page.write_text("A page of our own about the talks.\n", encoding="utf-8")
    capture = next(p for p in corpus.glob("002_*.txt"))
    if how == "update":
        capture.write_bytes(capture.read_bytes() + b"\n")
    (corpus / "manifest.toml").chmod(0o444)
    before = snapshot(corpus)
    argv = {
        "add": ["add", page, "--corpus", corpus],
        "replace": ["add", page, "--replaces", capture.stem, "--corpus", corpus],
        "update": ["manifest", corpus, "--update", "--yes"],
    }[how]
    code, _, err = run(capsys, *argv)
    assert (code, err) == (
        2,
        f"provenance: {corpus / 'manifest.toml'}: is read-only (no write permission): not saved\n",
    )
    assert snapshot(corpus) == before


def test_add_reference_starts_a_corpus_that_every_command_reads(
    tmp_path: Path, capsys: Capsys
) -> None:
    """A corpus of one's own starts from the reference's source with the tool's own
    command: the file copied in, the manifest written with its [reference] table (the
    text without the whitespace around it, or --span of it); `add`, `report` and `check`
    then read it. Before, `add` refused a directory with no manifest, and the [reference]
    table had to be typed by hand."""
    source = tmp_path / "statement.txt"
    text = "Heading\n\nThe commissions will share their findings.\n"
    source.write_text(text, encoding="utf-8")
    corpus = tmp_path / "new" / "corpus"
    code, out, err = run(capsys, "add", source, "--reference", "--corpus", corpus)
    assert (code, err) == (0, "")
    assert out.startswith(f"started the corpus {corpus}")
    data = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))
    [entry] = data["captures"]
    assert (corpus / entry["file"]).read_bytes() == source.read_bytes()
    reference = data["reference"]
    assert (reference["source"], reference["start"], reference["end"]) == (entry["id"], 0, 51)
    cut = text[reference["start"] : reference["end"]].encode()
    assert reference["sha256"] == hashlib.sha256(cut).hexdigest()
    copy = tmp_path / "copy.txt"
    copy.write_text("A blog.\n\nThe commissions will share their findings.\n", encoding="utf-8")
    assert run(capsys, "add", copy, "--corpus", corpus)[0] == 0
    code, out, _ = run(capsys, "report", corpus, "--format", "json")
    assert code == 0
    assert [len(s["passages"]) for s in json.loads(out)["sources"]] == [1, 1]

    spanned = tmp_path / "spanned"
    assert run(capsys, "add", source, "--reference", "--span", "9:51", "--corpus", spanned)[0] == 0
    reference = tomllib.loads((spanned / "manifest.toml").read_text(encoding="utf-8"))["reference"]
    assert (reference["start"], reference["end"]) == (9, 51)


@pytest.mark.parametrize(
    ("name", "argv", "problem"),
    [
        ("page.html", [], "the reference is cut from plain text, not html"),
        ("statement.txt", ["--span", "5:9000"], "reference span 5:9000 holds no text"),
        ("statement.txt", ["--holds", "full"], "drop --holds"),
    ],
)
def test_add_reference_refuses_and_writes_nothing(
    tmp_path: Path, capsys: Capsys, name: str, argv: list[str], problem: str
) -> None:
    source = tmp_path / name
    source.write_text("<p>The commissions will share their findings.</p>\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    code, out, err = run(capsys, "add", source, "--reference", "--corpus", corpus, *argv)
    assert (code, out) == (2, "")
    assert problem in err and err.count("\n") == 1
    assert not corpus.exists()  # (nor the directory it would have made)


def test_add_reference_where_no_directory_can_be_made_is_one_line(
    tmp_path: Path, capsys: Capsys
) -> None:
    """A corpus under a file ("notes.txt/corpus"; a read-only parent is the same error,
    which root, running the tests, would not meet): it was an internal error with a
    traceback in a log, for the user's own mistake."""
    source = tmp_path / "statement.txt"
    source.write_text("The commissions will share their findings.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a directory\n", encoding="utf-8")
    corpus = tmp_path / "notes.txt" / "corpus"
    code, out, err = run(capsys, "add", source, "--reference", "--corpus", corpus)
    assert (code, out) == (2, "")
    assert "cannot create the corpus directory: Not a directory" in err
    assert err.count("\n") == 1 and "internal error" not in err


def test_add_reference_refuses_a_corpus_already_there(corpus: Path, capsys: Capsys) -> None:
    before = snapshot(corpus)
    source = corpus / "manifest.toml"
    code, _, err = run(capsys, "add", source, "--reference", "--corpus", corpus)
    assert code == 2
    assert "a corpus is already here" in err
    assert snapshot(corpus) == before


def test_add_reference_of_a_file_not_utf8_says_how_to_name_its_encoding(
    tmp_path: Path, capsys: Capsys
) -> None:
    source = tmp_path / "statement.txt"
    source.write_bytes("The commissions will share their findings, caf\u00e9.\n".encode("cp1252"))
    corpus = tmp_path / "corpus"
    code, _, err = run(capsys, "add", source, "--reference", "--corpus", corpus)
    assert code == 2 and "say which with --encoding NAME" in err and not corpus.exists()
    argv = ("add", source, "--reference", "--encoding", "windows-1252", "--corpus", corpus)
    assert run(capsys, *argv)[0] == 0
