"""A copy from the text's start that skips a long point, its parts abutting, has lost it.

Two parts of the reference more than `max_omitted_words` apart are two excerpts: a page
quoting the opening and, later, the close. But a page printing the statement from its
first line, point 2 running straight into point 4 with nothing of the page's between,
presents one copy, and the point it skips (point 3: 220 words) is lost, however long:
reported as two excerpts, the copy's reader was never told. docs/locate.md, "One copy".
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import make_document

from provenance.analyse import SourceResult, analyse
from provenance.model import Document, Format, Kind, PassageKind, Severity


def _paragraphs(reference: Document) -> list[str]:
    return reference.text.split("\n\n")


def _without_point_three(reference: Document) -> tuple[list[str], list[str]]:
    paragraphs = _paragraphs(reference)
    three = next(k for k, p in enumerate(paragraphs) if p.startswith("3."))
    four = next(k for k, p in enumerate(paragraphs) if p.startswith("4."))
    return paragraphs[:three], paragraphs[four:]


def _result(reference: Document, page: str, format: Format = Format.TEXT) -> SourceResult:
    made = make_document(page, "page")
    if format is Format.MARKDOWN:
        made = replace(made, format=format, path=Path("page.md"))
    return analyse(reference, [made]).sources[0]


def test_a_copy_without_its_long_third_point_reports_it_lost(reference: Document) -> None:
    before, after = _without_point_three(reference)
    result = _result(reference, "\n\n".join(before + after))
    (passage,) = result.passages
    assert passage.kind is PassageKind.FULL
    lost = [d for d in result.divergences if d.kind is Kind.OMISSION]
    assert len(lost) == 1 and lost[0].severity is Severity.MATERIAL
    assert lost[0].reference_text.lstrip().startswith("3.The Parties are putting forward")
    assert "The Parties urge the international community" in lost[0].reference_text


def test_a_markdown_list_without_its_third_point_reports_it_lost(reference: Document) -> None:
    before, after = _without_point_three(reference)
    items = [p if not p[:1].isdigit() else "1. " + p.split(".", 1)[1].lstrip() for p in after]
    page = "# The joint statement in full\n\n" + "\n\n".join(before + items) + "\n"
    result = _result(reference, page, Format.MARKDOWN)
    assert [p.kind for p in result.passages] == [PassageKind.FULL]
    assert any(
        d.kind is Kind.OMISSION
        and d.severity is Severity.MATERIAL
        and "double freezing" in d.reference_text
        for d in result.divergences
    )


def test_the_page_s_own_words_between_keep_two_excerpts(reference: Document) -> None:
    before, after = _without_point_three(reference)
    page = "\n\n".join(before) + "\n\nThe rest of the text turns to non-proliferation.\n\n"
    result = _result(reference, page + "\n\n".join(after))
    assert [p.kind for p in result.passages] == [PassageKind.EXCERPT, PassageKind.EXCERPT]
    assert not any(d.kind is Kind.OMISSION for d in result.divergences)


def test_excerpts_not_from_the_start_abutting_stay_excerpts(reference: Document) -> None:
    paragraphs = _paragraphs(reference)
    two = next(p for p in paragraphs if p.startswith("2."))
    five = next(p for p in paragraphs if p.startswith("5."))
    result = _result(reference, f"{two}\n\n{five}\n")
    assert [p.kind for p in result.passages] == [PassageKind.EXCERPT, PassageKind.EXCERPT]
