"""report, the review app's loading path and check agree on what they accept (issue 10).

Each case is built once, then put to all three: `provenance report` (in-process),
`provenance.corpus.load_corpus` (what the review app loads) and `provenance check`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import C003, copy_corpus, problem_lines, run

from provenance.corpus import load_corpus
from provenance.errors import ProvenanceError
from provenance.extract import extract

Capsys = pytest.CaptureFixture[str]


def refused_everywhere(
    capsys: Capsys, corpus: Path, path: Path, problem: str, code: str, *, report_exit: int = 2
) -> None:
    """report and load_corpus refuse with `path: problem`; check names it under `code`.

    `report_exit` is 1 for a bad capture: report goes on with the others (issue 15).
    """
    exit_code, _, err = run(capsys, "report", corpus)
    assert (exit_code, err) == (report_exit, f"provenance: {path}: {problem}\n")
    with pytest.raises(ProvenanceError) as caught:
        load_corpus(corpus)
    assert (caught.value.path, caught.value.problem) == (path, problem)
    exit_code, out, _ = run(capsys, "check", corpus)
    assert exit_code == 1
    [line] = problem_lines(out, code)
    assert line.startswith(f"{path}:")
    assert line.endswith(f": {problem}")


def add_page(capsys: Capsys, corpus: Path, tmp_path: Path, html: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    assert run(capsys, "add", page, "--corpus", corpus, "--id", "page")[0] == 0
    return corpus / "page.html"


def test_two_ids_for_one_file_are_refused_by_all_three(tmp_path: Path, capsys: Capsys) -> None:
    corpus = copy_corpus(tmp_path)
    manifest = corpus / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    entry = text[text.index(f'id = "{C003[:-4]}"') :].split("\n\n")[0]
    twin = entry.replace(f'id = "{C003[:-4]}"', 'id = "twin"')
    manifest.write_text(text.rstrip("\n") + "\n\n[[captures]]\n" + twin + "\n", encoding="utf-8")
    problem = f"captures[5] (id 'twin'): file {C003!r} appears twice (also captures[3])"
    refused_everywhere(capsys, corpus, manifest, problem, "P111")


def test_nul_after_byte_8192_is_refused_by_all_three(tmp_path: Path, capsys: Capsys) -> None:
    corpus = copy_corpus(tmp_path)
    path = corpus / C003
    padding = b"A line of padding that is plain ASCII text.\n" * 200
    data = path.read_bytes() + padding
    assert len(data) > 8192
    path.write_bytes(data + b"\x00 and more words after it\n")
    # Recorded as they are (what this test is about is the reading, not the recording).
    assert run(capsys, "manifest", corpus, "--update", "--yes", "--accept-damaged")[0] == 0
    problem = f"binary file (NUL at character {len(data.decode())}), not text"
    refused_everywhere(capsys, corpus, path, problem, "P204", report_exit=1)


_PAGE = (
    '<html><head><meta charset="{charset}"><title>t</title></head>\n'
    "<body><p>{words}</p></body></html>\n"
)


def test_us_ascii_on_ascii_bytes_is_accepted_by_all_three(tmp_path: Path, capsys: Capsys) -> None:
    corpus = copy_corpus(tmp_path)
    words = "The ministers met and said nothing new about the talks."
    page = add_page(capsys, corpus, tmp_path, _PAGE.format(charset="us-ascii", words=words))
    assert run(capsys, "report", corpus)[0] == 0
    [document] = [c for c in load_corpus(corpus).captures if c.id == "page"]
    assert document.declared_charset is None
    assert "read-as-utf-8" not in " ".join(extract(document).steps)
    _, out, _ = run(capsys, "check", corpus)
    assert [line for line in out.splitlines() if line.startswith(f"{page}:")] == []


def test_us_ascii_on_utf8_bytes_is_read_as_utf8_and_flagged_by_check(
    tmp_path: Path, capsys: Capsys
) -> None:
    corpus = copy_corpus(tmp_path)
    words = "The ministers met in the café and said nothing new."
    page = add_page(capsys, corpus, tmp_path, _PAGE.format(charset="us-ascii", words=words))
    assert run(capsys, "report", corpus)[0] == 0
    [document] = [c for c in load_corpus(corpus).captures if c.id == "page"]
    assert document.declared_charset == "us-ascii"
    assert "café" in extract(document).text
    assert "declared-charset-us-ascii-read-as-utf-8" in extract(document).steps
    # `add` recorded the contradiction as part of the evidence: a warning, not a failure
    out = run(capsys, "check", corpus)[1]
    assert problem_lines(out, "P208") == []
    assert problem_lines(out, "P210") == [
        f"{page}:1:13: P210 recorded-blemish: warning: html-charset (P208), recorded as part "
        "of the evidence: declares charset 'us-ascii', which would read its UTF-8 bytes otherwise"
    ]
