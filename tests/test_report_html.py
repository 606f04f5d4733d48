"""`provenance report --format html`: one self-contained page, parsed with lxml, and
opened by a real headless browser when Debian's chromium is installed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html

from provenance.analyse import analyse_corpus
from provenance.cli import main
from provenance.corpus import load_corpus
from provenance.coverage import strip
from provenance.findings import findings
from provenance.report_html import WIDTH
from provenance.review import REVIEWS, ReviewStore


def page(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", str(corpus_dir), "--format", "html"]) == 0
    return capsys.readouterr().out


def test_page_is_self_contained(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = html.fromstring(page(corpus_dir, capsys))
    assert tree.xpath("//script") == []
    assert tree.xpath("//link | //img | //iframe | //object | //embed | //video | //audio") == []
    assert tree.xpath("//@src") == []
    assert all(href.startswith("#") for href in tree.xpath("//@href"))
    [style] = tree.xpath("//style")
    assert "url(" not in style.text and "@import" not in style.text
    assert tree.xpath("//meta/@charset") == ["utf-8"]


def test_strips_and_findings_match_the_analysis_and_decisions(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = html.fromstring(page(corpus_dir, capsys))
    analysis = analyse_corpus(load_corpus(corpus_dir))
    found = findings(analysis)
    decisions = ReviewStore(corpus_dir / REVIEWS).decisions()
    decided = {d.finding for d in decisions}
    rows = tree.xpath("//table[@class='strips']/tr")
    assert [r.xpath("string(th)") for r in rows] == [s.document.id for s in analysis.sources]
    length = len(analysis.reference.text)
    for row, source in zip(rows, analysis.sources, strict=True):
        mine = [f for f in found if f.source == source.document.id]
        expected = strip(source, mine, length, WIDTH, decided=decided)
        cells = row.xpath(".//div[@class='strip']/span")
        assert len(cells) == WIDTH
        assert "".join(c.text for c in cells) == expected.text
    # The bundled corpus is reviewed: every finding is listed once, with its verdict.
    listed = tree.xpath("//tr[contains(@class, 'finding')]")
    assert sorted(r.get("id")[2:] for r in listed) == sorted(f.id for f in found)
    by_id = {d.finding: d.verdict.value for d in decisions}
    assert {r.get("id")[2:]: r.get("data-state") for r in listed} == by_id
    progress = tree.xpath("string(//*[@id='progress'])")
    assert progress == f"{len(found)} of {len(found)} findings decided"


def test_undecided_findings_are_outlined_and_said(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus_dir / REVIEWS).unlink()
    tree = html.fromstring(page(corpus_dir, capsys))
    states = set(tree.xpath("//tr[contains(@class, 'finding')]/@data-state"))
    assert states == {"undecided"}
    outlined = tree.xpath("//div[@class='strip']/span[contains(@class, ' u')]")
    assert outlined and all(c.text in "Mmc" for c in outlined)
    assert not tree.xpath("//div[@class='strip']/span[contains(@class, ' f')]")


def test_quotation_findings_show_the_cue_that_attributed_them(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = html.fromstring(page(corpus_dir, capsys))
    rows = [
        r
        for r in tree.xpath("//tr[contains(@class, 'finding')]")
        if "quotation" in r.xpath("string(td[3])")
    ]
    assert rows
    cues = [r.xpath("string(.//div[@class='cue'])") for r in rows]
    assert all(c.startswith("cue: ") for c in cues)
    assert any(c.startswith("cue: document, ") for c in cues)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium not installed")
def test_a_headless_browser_opens_it_offline(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    target.write_text(page(corpus_dir, capsys), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    flags += ["--user-data-dir=" + str(tmp_path / "profile")]
    dom = subprocess.run(
        ["chromium", *flags, "--dump-dom", target.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    tree = html.fromstring(dom)
    assert len(tree.xpath("//div[@class='strip']")) == len(load_corpus(corpus_dir).captures)
    shot = tmp_path / "report.png"
    subprocess.run(
        ["chromium", *flags, f"--screenshot={shot}", "--window-size=1280,900", target.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_capture_that_cannot_be_read_is_listed_not_dropped(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = corpus_dir / "004_ab097b7e26713321.txt"
    damaged.write_bytes(b"\xff\xfe not utf-8 \xc3")
    assert main(["report", str(corpus_dir), "--format", "html"]) == 1
    captured = capsys.readouterr()
    tree = html.fromstring(captured.out)
    [item] = tree.xpath("//ul[@class='failed']/li")
    assert "004_ab097b7e26713321" in item.text_content()
    assert len(tree.xpath("//table[@class='strips']/tr")) == 4


def test_a_note_s_control_characters_reach_no_terminal(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A decision's note holding ESC and BEL (a terminal's retitling sequence) was written
    raw into the page, to whoever views its source in a terminal."""
    assert main(["findings", str(corpus_dir), "--format", "json"]) in (0, 1)
    first = json.loads(capsys.readouterr().out)["findings"][0]["id"]
    note = "x\x1b]0;pwned\x07y"
    assert main(["decide", first, "--flag", "--note", note, "--corpus", str(corpus_dir)]) == 0
    capsys.readouterr()
    text = page(corpus_dir, capsys)
    assert "\x1b" not in text and "\x07" not in text
    assert "x␛]0;pwned␇y" in text
