"""Collation of HTML and Markdown pages: readings are the pages' readable words.

The engine compares a page's readable text; the collation must too. Markup inside a
copy (tags between paragraphs, entities, `**bold**`) is not a reading, and two pages
that share only markup share no reading. A reference page (`diff`, `report --reference`)
is collated on its words too.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_document

from provenance.analyse import analyse, compare
from provenance.collation.exports import render_json
from provenance.collation.genealogy import genealogy
from provenance.collation.table import Status, collate
from provenance.collation.witnesses import witnesses
from provenance.model import Document, Format


def _html(paragraphs: list[str], header: str) -> str:
    body = "\n".join(f"<p>{p.replace('’', '&rsquo;')}</p>" for p in paragraphs)
    return f"<html><body><header>{header}</header><h1>Text</h1>\n{body}\n</body></html>"


def _markdown(paragraphs: list[str], header: str) -> str:
    marked = [p.replace("serious", "**serious**", 1) for p in paragraphs]
    return f"# {header}\n\n" + "\n\n".join(marked) + "\n"


def _plain(paragraphs: list[str], header: str) -> str:
    """What an `_html` page reads as (its <header> is page furniture), as plain text."""
    return "Text\n\n" + "\n\n".join(paragraphs)


def _page(text: str, fmt: Format, name: str) -> Document:
    if fmt is Format.TEXT:
        return make_document(text, name)
    suffix = ".html" if fmt is Format.HTML else ".md"
    return replace(make_document(text, name), format=fmt, path=Path(name + suffix))


@pytest.mark.parametrize(("build", "fmt"), [(_html, Format.HTML), (_markdown, Format.MARKDOWN)])
def test_faithful_marked_up_copies_agree_with_the_reference(
    reference: Document, build: object, fmt: Format
) -> None:
    paragraphs = reference.text.split("\n\n")[1:4]
    pages = [
        _page(build(paragraphs, header), fmt, name)  # type: ignore[operator]
        for name, header in (("one", "Daily News"), ("two", "Evening Post"))
    ]
    table = collate(reference, witnesses(analyse(reference, pages)))
    variants = [
        (w.id, loc.readings[k].text)
        for loc in table.locations
        for k, w in enumerate(table.witnesses)
        if loc.readings[k].status is Status.VARIANT
    ]
    assert variants == []
    for w in table.witnesses:
        assert table.rebuild(w.id) == [s.copy.of(w.text) for s in w.segments]
    assert [g for f in genealogy(table).families for g in (*f.groups, *f.conflicts)] == []


def test_a_reading_two_html_copies_share_groups_them(reference: Document) -> None:
    paragraphs = reference.text.split("\n\n")[1:4]
    changed = [p.replace("seriously worried", "gravely worried") for p in paragraphs]
    pages = [
        _page(_html(changed, "Daily News"), Format.HTML, "one"),
        _page(_html(changed, "Evening Post"), Format.HTML, "two"),
        _page(_html(paragraphs, "Morning Star"), Format.HTML, "three"),
    ]
    table = collate(reference, witnesses(analyse(reference, pages)))
    readings = {
        loc.readings[k].text
        for loc in table.locations
        for k in range(len(table.witnesses))
        if loc.readings[k].status is Status.VARIANT
    }
    assert readings == {"gravely"}
    [group] = [g for f in genealogy(table).families for g in (*f.groups, *f.conflicts)]
    assert {w.split("-")[0] for w in group.witnesses} == {"one", "two"}


@pytest.mark.parametrize(("build", "fmt"), [(_html, Format.HTML), (_markdown, Format.MARKDOWN)])
def test_collate_json_gives_offsets_into_the_original_files(
    reference: Document, build: object, fmt: Format
) -> None:
    """The collate JSON gave an HTML or Markdown copy's segments and readings in offsets
    of its readable text (slicing the file gave other characters); offsets are into the
    decoded original file, as everywhere else."""
    paragraphs = reference.text.split("\n\n")[1:4]
    changed = [p.replace("seriously worried", "gravely worried") for p in paragraphs]
    page = _page(build(changed, "Daily News"), fmt, "one")  # type: ignore[operator]
    table = collate(reference, witnesses(analyse(reference, [page])))
    data = json.loads(render_json(table, genealogy(table)))
    [witness] = data["witnesses"]
    [segment] = witness["segments"]
    shown = page.text[segment["start"] : segment["end"]]
    assert shown.startswith(changed[0][:15]) and "Daily News" not in shown
    [location] = data["locations"]
    [[start, end]] = location["readings"][witness["id"]]["spans"]
    assert page.text[start:end] == "gravely"


@pytest.mark.parametrize(
    ("build_reference", "build_copy", "fmt_reference", "fmt_copy"),
    [
        (_html, _html, Format.HTML, Format.HTML),
        (_markdown, _markdown, Format.MARKDOWN, Format.MARKDOWN),
        (_html, _plain, Format.HTML, Format.TEXT),
    ],
)
def test_a_marked_up_reference_is_collated_on_its_words(
    reference: Document,
    build_reference: object,
    build_copy: object,
    fmt_reference: Format,
    fmt_copy: Format,
) -> None:
    """`diff` of a reference page and a copy that changes one word after the first tag
    was an internal error ("invalid span"): the collation took the reference's spans in
    offsets of its file, with markup, and the copy's in readable offsets, so an unchanged
    stretch had two lengths and the changed word's reading ran backwards."""
    paragraphs = reference.text.split("\n\n")[1:4]
    changed = [*paragraphs[:-1], paragraphs[-1].replace("settlement plan", "peace plan")]
    assert changed != paragraphs
    original = _page(build_reference(paragraphs, "Daily News"), fmt_reference, "original")  # type: ignore[operator]
    copy = _page(build_copy(changed, "Daily News"), fmt_copy, "copy")  # type: ignore[operator]
    table = collate(original, witnesses(compare(original, copy)))
    [witness] = table.witnesses
    variants = [(loc.reference_text, loc.reading(witness.id).text) for loc in table.variants()]
    assert variants == [("settlement", "peace")]
    assert table.rebuild(witness.id) == [s.copy.of(witness.text) for s in witness.segments]
    assert "<p>" not in table.reference.text and "**" not in table.reference.text
