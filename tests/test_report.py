"""report: the JSON contract (docs/report-json.md) and the text report's visible marks."""

from __future__ import annotations

import json
import re

import pytest
from conftest import FULL_COPY, make_document

from provenance.analyse import Analysis, analyse
from provenance.corpus import Corpus
from provenance.model import Document
from provenance.report import SCHEMA, render_json, render_markdown, render_text, to_json


def test_json_carries_the_contract_fields(analysis: Analysis) -> None:
    data = json.loads(render_json(analysis))
    assert data["schema"] == SCHEMA == "provenance-report/2"
    ref = analysis.reference
    assert data["reference"] == {
        "id": ref.id,
        "path": str(ref.path),
        "sha256": ref.sha256,
        "length": len(ref.text),
    }
    assert [s["id"] for s in data["sources"]] == [s.document.id for s in analysis.sources]
    for source_json, source in zip(data["sources"], analysis.sources, strict=True):
        assert {"id", "path", "sha256", "passages", "divergences"} <= source_json.keys()
        assert source_json["sha256"] == source.document.sha256
        for p in source_json["passages"]:
            assert {"kind", "start", "end", "ref_start", "ref_end"} <= p.keys()
            assert p["kind"] in ("full", "excerpt")
        for d in source_json["divergences"]:
            fields = {"id", "kind", "severity", "start", "end", "ref_start", "ref_end", "text"}
            assert fields | {"ref_text"} <= d.keys()
            assert d["severity"] in ("cosmetic", "minor", "material")


def test_json_text_fields_are_the_slices(analysis: Analysis) -> None:
    data = json.loads(render_json(analysis))
    reference = analysis.reference.text
    for source_json, source in zip(data["sources"], analysis.sources, strict=True):
        text = source.document.text
        for d in source_json["divergences"]:
            assert d["text"] == text[d["start"] : d["end"]]
            assert d["ref_text"] == reference[d["ref_start"] : d["ref_end"]]
    full = next(s for s in data["sources"] if s["id"] == FULL_COPY)
    assert len(full["divergences"]) == 10
    assert sum(d["text"] == "\u00a0" for d in full["divergences"]) == 9


def test_json_is_deterministic(analysis: Analysis) -> None:
    assert render_json(analysis) == render_json(analysis)
    assert to_json(analysis)["settings"]["diff"]["timelimit"] == 0


def test_text_report_summary_and_visible_marks(analysis: Analysis) -> None:
    text = render_text(analysis, color=False)
    assert "\x1b[" not in text  # no colour codes: markers carry the meaning
    assert re.search(rf"{FULL_COPY}\s+full\s+100\.0%\s+9\s+1\s+0", text)
    assert re.search(r"001_74f1542717574725\s+2 excerpts", text)
    assert re.search(r"003_5ac32bcfc2f299f0\s+none", text)
    assert "\u00a0" not in text  # NBSP is never printed raw
    assert text.count("{+⟨NBSP⟩+}") == 9
    assert text.count("[-␠-]{+⟨NBSP⟩+}") == 8
    assert "[cosmetic]" in text and "[minor]" in text
    assert "[-consultations.␠The-]{+consultationsThe+}" in text


def test_colour_is_added_not_substituted(analysis: Analysis) -> None:
    coloured = render_text(analysis, color=True)
    assert "\x1b[" in coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert plain.count("{+⟨NBSP⟩+}") == 9


def test_markdown_report(analysis: Analysis) -> None:
    text = render_markdown(analysis)
    assert text.startswith("# Provenance report: statement")
    assert f"| `{FULL_COPY}` | full | 100.0% | 9 | 1 | 0 |" in text
    assert "`⟨NBSP⟩`" in text


def test_covered_is_what_the_copy_holds_less_what_it_cuts(reference: Document) -> None:
    """A full copy abridged with "[…]" is a full passage, but it does not hold what it cuts."""
    paragraphs = reference.text.split("\n\n")
    cut = paragraphs[5]  # the long paragraph of the proposals
    abridged = "\n\n".join(p if p != cut else "[…]" for p in paragraphs)
    analysis = analyse(reference, [make_document(abridged, "abridged")])
    held = 1 - len(cut) / len(reference.text)
    line = next(x for x in render_text(analysis).splitlines() if x.startswith("abridged"))
    assert f"{held:.1%}" in line


def test_the_corpus_screen_and_the_report_agree_on_what_a_copy_holds(reference: Document) -> None:
    """One definition of the share held: the corpus screen's "cover" column is the report's
    "covered", omissions and cuts left out."""
    from provenance.coverage import held_share

    paragraphs = reference.text.split("\n\n")
    dropped = "\n\n".join(p for k, p in enumerate(paragraphs) if k != 5)
    analysis = analyse(reference, [make_document(dropped, "dropped")])
    [source] = analysis.sources
    share = held_share(source, len(reference.text))
    assert share == pytest.approx(1 - len(paragraphs[5]) / len(reference.text), abs=0.01)
    line = next(x for x in render_text(analysis).splitlines() if x.startswith("dropped"))
    assert f"{share:.1%}" in line


def test_emphasis_and_duplication_rows_show_their_words_once(reference: Document) -> None:
    """A row whose copy reading is the reference's words (emphasised, or printed again)
    reads as those words once with the row's note, not as a substitution of the words
    for themselves."""
    paragraphs = reference.text.split("\n\n")
    line = "allied relations between separate states should not inflict damage"
    capture = make_document("\n\n".join([*paragraphs[:12], line, *paragraphs[12:]]))
    text = render_text(analyse(reference, [capture]))
    assert "{+" + line.replace(" ", "␠") in text
    assert "[-" + line.replace(" ", "␠") not in text
    assert "repeated: the copy already has this text" in text


def test_the_summary_counts_quotations_and_misquotations(corpus: Corpus) -> None:
    """A page with no copy but a quotation that changes the statement's words showed 0
    material in the summary, as if nothing were wrong: the summary now counts the
    quotations attributed to the statement and those misquoted (altered, or not in it)."""
    page = make_document(
        "The joint statement says the DPRK's \u201cjustified concerns should be ignored\u201d. "
        "It adds that \u201cany possibility of using military means to solve the problems of "
        "the Korean Peninsula should be ruled out\u201d. A spokesman called it \u201cnaive\u201d.\n"
    )
    analysis = analyse(corpus.reference, [page])
    verdicts = sorted(q.verdict.value for q in analysis.sources[0].quotes if q.attributed)
    assert verdicts == ["not-in-reference", "verbatim"]  # "ignored" turns "respected" round
    text = render_text(analysis, color=False)
    assert re.search(r"quotes\s+misquoted", text)
    # The verbatim quotation is long enough to be located too: an excerpt, no divergence.
    assert re.search(rf"{page.id}\s+1 excerpt\s+\S+\s+0\s+0\s+0\s+2\s+1\n", text)
    assert "| 0 | 0 | 0 | 2 | 1 |" in render_markdown(analysis)
