"""`diff` of the statement and a page many times longer: the page's own text is one
insertion on each side, found without diffing all of it (a 4 MB page took 16.7 s)."""

from __future__ import annotations

import importlib
import json
import random
from pathlib import Path

import fast_diff_match_patch
import pytest
from conftest import make_document

from provenance.analyse import compare
from provenance.cli import main
from provenance.model import Document, Kind

analyse_module = importlib.import_module("provenance.analyse")  # the package exports a function

_PROSE = (
    "the of and to in a is that for on with as by at from this be are was it an or which "
    "have not has their its they were harbour ferry timetable weather council bakery"
).split()


def _page(reference: str, seed: int, paragraphs: int = 400) -> str:
    rng = random.Random(seed)
    lines = [" ".join(rng.choice(_PROSE) for _ in range(60)) + "." for _ in range(paragraphs)]
    half = len(lines) // 2
    copy = reference.replace("seriously", "gravely").replace("Northeast Asia", "North-East Asia", 1)
    return "\n\n".join([*lines[:half], copy, *lines[half:]])


def _rows(reference: str, page: str) -> list[tuple[str, int, int, int, int]]:
    source = compare(make_document(reference, "ref"), make_document(page, "page")).sources[0]
    return [
        (d.kind.value, d.copy.start, d.copy.end, d.reference.start, d.reference.end)
        for d in source.divergences
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_lopsided_diff_reads_as_the_whole_diff(
    reference: Document, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference_text = reference.text
    page = _page(reference_text, seed)
    assert analyse_module._lopsided(reference_text, page)
    shortened = _rows(reference_text, page)
    monkeypatch.setattr(analyse_module, "_lopsided", lambda _reference, _copy: False)
    assert shortened == _rows(reference_text, page)
    assert Kind.SUBSTITUTION.value in [k for k, *_ in shortened]  # "gravely"


def test_the_page_around_the_copy_is_not_diffed(
    reference: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference_text = reference.text
    page = _page(reference_text, 4)
    longest = []
    real = fast_diff_match_patch.diff

    def recording(a: str, b: str, **options: object) -> object:
        longest.append(max(len(a), len(b)))
        return real(a, b, **options)

    monkeypatch.setattr(fast_diff_match_patch, "diff", recording)
    _rows(reference_text, page)
    assert longest and max(longest) < len(reference_text)  # tokens, never the page's


def test_a_long_page_holding_none_of_the_statement(reference: Document) -> None:
    reference_text = reference.text
    page = _page("Nothing of the statement here.", 5)
    [(kind, start, end, ref_start, ref_end)] = _rows(reference_text, page)
    assert (kind, start, ref_start) == (Kind.SUBSTITUTION.value, 0, 0)
    assert end > len(page) - 5 and ref_end > len(reference_text) - 5  # all but a shared "."


def test_the_text_diff_elides_a_long_reading_and_json_keeps_it(
    reference: Document, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference_text = reference.text
    ref, copy = tmp_path / "ref.txt", tmp_path / "page.txt"
    ref.write_text(reference_text, encoding="utf-8")
    page = _page(reference_text, 6)
    copy.write_text(page, encoding="utf-8")
    assert main(["diff", str(ref), str(copy)]) == 1
    shown = capsys.readouterr().out
    assert "characters left out" in shown
    assert len(shown) < len(page) / 4
    assert main(["diff", str(ref), str(copy), "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)["sources"][0]["divergences"]
    first = rows[0]
    assert page[first["start"] : first["end"]] == page[: first["end"]]
    assert first["end"] > 2_000
