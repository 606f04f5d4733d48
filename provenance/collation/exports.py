"""Render a collation for people (text, HTML) and programs (JSON, CSV; TEI is in tei.py).

One renderer function per format, as report.py does for the single-copy report. The
cosmetic option only changes what is *shown*: the table itself always holds every
reading, so the round trip and the invariants do not depend on it.
"""

from __future__ import annotations

import csv
import html
import io
from typing import Any

from provenance import jsontext
from provenance.collation.genealogy import Family, Genealogy, Group, SharedReading
from provenance.collation.table import Location, Reading, Status, Table
from provenance.collation.witnesses import Witness
from provenance.model import Kind, Span
from provenance.normalise import visible

SCHEMA = "provenance-collation/1"
LACUNA = "[lacuna]"
OMITTED = "[omitted]"
MOVED = "[moved]"
AGREES = "="
"""CSV and text cell markers: `=` reads as the reference; `[lacuna]` not covered;
`[moved]` the witness has these words elsewhere (the other end of its reordering)."""


def to_json(table: Table, genealogy: Genealogy, *, cosmetic: bool = True) -> dict[str, Any]:
    """The collation as plain data: witnesses, variant locations, families and pairs."""
    ref = table.reference
    return {
        "schema": SCHEMA,
        "reference": {"id": ref.id, "sha256": ref.sha256, "length": len(ref.text)},
        "cosmetic_shown": cosmetic,
        "witnesses": [
            {
                "id": w.id,
                "source": w.source,
                "source_sha256": w.source_sha256,
                "kind": w.kind.value,
                "covered": w.covered,
                "segments": [
                    {
                        "start": w.original(s.copy).start,
                        "end": w.original(s.copy).end,
                        "ref_start": s.reference.start,
                        "ref_end": s.reference.end,
                        "verdict": s.verdict,
                        "similarity": round(s.similarity, 2),
                    }
                    for s in w.segments
                ],
            }
            for w in table.witnesses
        ],
        "paraphrases": [
            {
                "id": w.id,
                "source": w.source,
                "source_sha256": w.source_sha256,
                "segments": [
                    {
                        "start": w.original(s.copy).start,
                        "end": w.original(s.copy).end,
                        "text": s.copy.of(w.text),
                        "ref_start": s.reference.start,
                        "ref_end": s.reference.end,
                        "similarity": round(s.similarity, 2),
                    }
                    for s in w.segments
                ],
            }
            for w in table.paraphrases
        ],
        "locations": [_location_json(loc, table) for loc in table.variants(cosmetic=cosmetic)],
        "families": [_family_json(f) for f in genealogy.families],
        "pairs": [
            {
                "a": p.a,
                "b": p.b,
                "weight": p.weight,
                "disagreements": p.disagreements,
                "common": [list(c) for c in p.common],
                "shared": [_shared_json(s) for s in p.shared],
            }
            for p in genealogy.pairs
        ],
    }


def render_json(table: Table, genealogy: Genealogy, *, cosmetic: bool = True) -> str:
    data = to_json(table, genealogy, cosmetic=cosmetic)
    return jsontext.dumps(data) + "\n"


def render_csv(table: Table, *, cosmetic: bool = True) -> str:
    """One row per variant location, one column per witness (see the cell markers above)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["location", "ref_start", "ref_end", "reference"]
    writer.writerow([*header, *(_inert(w.id) for w in table.witnesses)])
    for loc in table.variants(cosmetic=cosmetic):
        writer.writerow(
            [
                loc.index,
                loc.reference.start,
                loc.reference.end,
                _inert(visible(loc.reference_text)),
                *(_csv_cell(r) for r in loc.readings),
            ]
        )
    return buffer.getvalue()


def _csv_cell(r: Reading) -> str:
    """A reading's cell: its marker, or its text made `_inert`; a text that reads as a
    marker (a copy's "=" for "referred to as") starts with a ' as a formula's would, so
    it is never taken for one."""
    cell = _cell(r, quote=False)
    marked = (
        r.status is Status.LACUNA or (r.status is Status.AGREES and not r.partial) or not r.text
    )
    if not marked and cell in (AGREES, LACUNA, OMITTED, MOVED):
        return "'" + cell
    return _inert(cell)


def _inert(cell: str) -> str:
    """A cell no spreadsheet runs as a formula: a leading = + - @ (or tab, CR) gets a '.

    The OWASP rule for CSV injection: a capture's reading "=HYPERLINK(...)" would
    otherwise be live in the reviewer's spreadsheet. The agreement marker "=" alone
    is no formula and stays as it is.

    >>> _inert("=1+2"), _inert("-5 per cent"), _inert("="), _inert("plain")
    ("'=1+2", "'-5 per cent", '=', 'plain')
    """
    if cell != AGREES and cell[:1] in _FORMULA_STARTS:
        return "'" + cell
    return cell


_FORMULA_STARTS = frozenset("=+-@\t\r")


def render_text(table: Table, genealogy: Genealogy, *, cosmetic: bool = True) -> str:
    """Witnesses, variant locations with every witness's reading, then families and groups."""
    ref = table.reference
    shown = table.variants(cosmetic=cosmetic)
    width = max((len(w.id) for w in (*table.witnesses, *table.paraphrases)), default=8) + 2
    lines = [
        f"Collation of {ref.id} ({len(ref.text):,} characters): "
        f"{_counted(len(table.witnesses), 'witness', 'witnesses')}, "
        f"{_counted(len(shown), 'variant location', 'variant locations')}"
        + ("" if cosmetic else " (cosmetic variants hidden)"),
        "",
        "Witnesses:",
    ]
    for w in table.witnesses:
        spans = ", ".join(f"{s.reference.start}..{s.reference.end}" for s in w.segments)
        share = w.covered / max(1, len(ref.text))
        lines.append(
            f"  {w.id:<{width}}{w.kind.value:<11}{w.source}  reference {spans} ({share:.1%})"
        )
    for w in table.paraphrases:
        lines.append(
            f"  {w.id:<{width}}{'paraphrase':<11}{w.source}  {len(w.segments)} quotation(s) in "
            "another translation: not collated word by word (see Families)"
        )
    lines += ["", "Variant locations (= reads as the reference, [lacuna] not covered):"]
    for loc in shown:  # numbered as the table, the groups' evidence and JSON number them
        lines.append(
            f"  {loc.index:>3}. reference {loc.reference.start}..{loc.reference.end}  "
            f"{_quote(loc.reference_text)}"
        )
        for r in loc.readings:
            note = f"  {r.kind.value}" if r.kind is not None else ""
            note += "  (partial)" if r.partial else ""
            lines.append(f"       {r.witness:<{width}}{_cell(r)}{note}")
    lines += ["", "Families:"]
    for family in genealogy.families:
        lines += _family_text(family)
    return "\n".join(lines) + "\n"


def render_html(table: Table, genealogy: Genealogy, *, cosmetic: bool = True) -> str:
    """One self-contained page (no network): side-by-side view, table view, families."""
    ref = table.reference
    e = html.escape
    shown = {loc.index for loc in table.variants(cosmetic=cosmetic)}
    head = "".join(f"<th>{e(w.id)}</th>" for w in table.witnesses)
    columns = "".join(_side_column(table, w.id, shown) for w in table.witnesses)
    rows = "".join(_table_row(loc) for loc in table.locations if loc.index in shown)
    families = "".join(_family_html(f) for f in genealogy.families)
    paraphrases = "".join(
        f"<tr><td>{e(w.id)}</td><td>{e(s.copy.of(w.text))}</td>"
        f"<td>{e(s.reference.of(ref.text))}</td><td>{s.similarity:.1f}</td></tr>"
        for w in table.paraphrases
        for s in w.segments
    )
    paraphrases = (
        "<table><thead><tr><th>witness</th><th>quotation</th><th>nearest reference passage</th>"
        f"<th>similarity</th></tr></thead><tbody>{paraphrases}</tbody></table>"
        if paraphrases
        else "<p>None.</p>"
    )
    reference_column = "".join(
        f'<span class="{"var" if loc.index in shown else "eq"}" title="location {loc.index}">'
        f"{_html_text(loc.reference_text)}</span>"
        for loc in table.locations
    )
    hidden = "" if cosmetic else " (cosmetic variants hidden)"
    counts = (
        f"{_counted(len(table.witnesses), 'witness', 'witnesses')},\n"
        f"{_counted(len(shown), 'variant location', 'variant locations')}{hidden}"
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Collation of {e(ref.id)}</title>
<style>{_CSS}</style></head>
<body>
<h1>Collation of {e(ref.id)}</h1>
<p>{len(ref.text):,} reference characters, {counts}.
Marks: <span class="var">variant</span>, <span class="lac">lacuna (not covered)</span>,
<span class="om">omitted</span>; = reads as the reference.</p>
<details open><summary>Side by side</summary>
<div class="side"><div class="col"><h2>reference</h2>{reference_column}</div>{columns}</div>
</details>
<details open><summary>Table of variant locations</summary>
<table><thead><tr><th>#</th><th>reference</th><th>reference reads</th>{head}</tr></thead>
<tbody>{rows}</tbody></table>
</details>
<details open><summary>Paraphrases (another translation, not collated word by word)</summary>
{paraphrases}</details>
<details open><summary>Families and groups</summary>{families}</details>
</body></html>
"""


_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#111}
.side{display:flex;gap:1em;align-items:flex-start}
.col{flex:1;white-space:pre-wrap;font-family:Georgia,serif;font-size:90%;border:1px solid #ccc;
padding:.5em;min-width:12em}
.var{background:#ffe08a;text-decoration:underline}
.lac{color:#999;background:
repeating-linear-gradient(45deg,#f3f3f3,#f3f3f3 4px,#e6e6e6 4px,#e6e6e6 8px)}
.om{background:#f8c0c0;text-decoration:line-through}
table{border-collapse:collapse;margin-top:.5em}td,th{border:1px solid #ccc;padding:.2em .4em;
vertical-align:top;white-space:pre-wrap}
.eq{color:inherit}code{font-size:95%}
"""


def _location_json(loc: Location, table: Table) -> dict[str, Any]:
    return {
        "index": loc.index,
        "ref_start": loc.reference.start,
        "ref_end": loc.reference.end,
        "reference": loc.reference_text,
        "cosmetic": loc.cosmetic,
        "readings": {r.witness: _reading_json(r, table.witness(r.witness)) for r in loc.readings},
    }


def _reading_json(r: Reading, witness: Witness) -> dict[str, Any]:
    """One reading; its spans in offsets of the capture's original file."""
    out: dict[str, Any] = {"status": r.status.value}
    if r.status is not Status.LACUNA:
        out["text"] = r.text
        out["spans"] = [_pair(witness.original(span)) for _, span in r.pieces]
    if r.kind is not None:
        out["kind"] = r.kind.value
        out["severity"] = str(r.severity)
    if r.partial:
        out["partial"] = True
        out["reference_covered"] = r.reference_text
    return out


def _pair(span: Span) -> list[int]:
    return [span.start, span.end]


def _shared_json(s: SharedReading) -> dict[str, Any]:
    return {
        "location": s.location,
        "reference": s.reference_text,
        "text": s.text,
        "kind": s.kind.value,
        "weight": s.weight,
        "witnesses": sorted(s.witnesses),
    }


def _group_json(g: Group) -> dict[str, Any]:
    return {
        "witnesses": sorted(g.witnesses),
        "weight": g.weight,
        "evidence": [_shared_json(s) for s in g.evidence],
        "children": [_group_json(c) for c in g.children],
        "silent": sorted(g.silent),
    }


def _family_json(f: Family) -> dict[str, Any]:
    return {
        "name": f.name,
        "description": f.description,
        "witnesses": list(f.witnesses),
        "evidence": list(f.evidence),
        "groups": [_group_json(g) for g in f.groups],
        "conflicts": [_group_json(g) for g in f.conflicts],
    }


def _family_text(f: Family) -> list[str]:
    lines = [f"  {f.name}: {f.description}: {', '.join(f.witnesses)}"]
    lines += [f"    evidence: {line}" for line in f.evidence]
    if not f.groups:
        lines.append("    groups: none (no shared reading strong enough to group witnesses)")
    for g in f.groups:
        lines += _group_text(g, "    ")
    for g in f.conflicts:
        lines += _group_text(g, "    conflicting ")
    return lines


def _group_text(g: Group, indent: str) -> list[str]:
    silent = f" (silent there: {', '.join(sorted(g.silent))})" if g.silent else ""
    lines = [f"{indent}group {{{', '.join(sorted(g.witnesses))}}} weight {g.weight}{silent}"]
    for s in g.evidence:
        lines.append(
            f"{indent}  shared {s.kind.value} at location {s.location}: "
            f"{_quote(s.reference_text)} -> {_quote(s.text)} (weight {s.weight})"
        )
    for child in g.children:
        lines += _group_text(child, indent + "  ")
    return lines


def _family_html(f: Family) -> str:
    e = html.escape
    evidence = "".join(f"<li>{e(line)}</li>" for line in f.evidence)
    groups = "".join(f"<pre>{e(chr(10).join(_group_text(g, '')))}</pre>" for g in f.groups)
    groups = groups or "<p>No group: no shared reading beyond the reference strong enough.</p>"
    conflicts = "".join(
        f"<pre>{e(chr(10).join(_group_text(g, 'conflicting ')))}</pre>" for g in f.conflicts
    )
    return (
        f"<h3>{e(f.name)}: {e(f.description)}</h3><p>{e(', '.join(f.witnesses))}</p>"
        f"<ul>{evidence}</ul>{groups}{conflicts}"
    )


def _side_column(table: Table, witness_id: str, shown: set[int]) -> str:
    parts = [f'<div class="col"><h2>{html.escape(witness_id)}</h2>']
    for loc in table.locations:
        r = loc.reading(witness_id)
        if r.status is Status.LACUNA:
            parts.append(f'<span class="lac">{_html_text(loc.reference_text)}</span>')
        elif r.status is Status.VARIANT and loc.index in shown:
            css = "om" if not r.text else "var"
            shown_text = r.text or loc.reference_text
            title = f"location {loc.index}: {r.kind.value if r.kind else ''}"
            parts.append(
                f'<span class="{css}" title="{html.escape(title)}">{_html_text(shown_text)}</span>'
            )
        else:
            parts.append(_html_text(r.text))
    parts.append("</div>")
    return "".join(parts)


def _table_row(loc: Location) -> str:
    e = html.escape
    cells = []
    for r in loc.readings:
        css = {Status.LACUNA: "lac", Status.VARIANT: "var", Status.AGREES: "eq"}[r.status]
        if r.status is Status.VARIANT and not r.text:
            css = "om"
        kind = f" <small>{e(r.kind.value)}</small>" if r.kind else ""
        cells.append(f'<td class="{css}">{e(_cell(r))}{kind}</td>')
    return (
        f"<tr><td>{loc.index}</td><td>{loc.reference.start}..{loc.reference.end}</td>"
        f"<td><code>{e(visible(loc.reference_text))}</code></td>{''.join(cells)}</tr>"
    )


def _html_text(text: str) -> str:
    return html.escape(visible(text))


def _cell(r: Reading, *, quote: bool = True) -> str:
    if r.status is Status.LACUNA:
        return LACUNA
    if r.status is Status.AGREES and not r.partial:
        return AGREES
    if not r.text:
        return MOVED if r.kind is Kind.REORDERING else OMITTED
    return _quote(r.text) if quote else visible(r.text)


def _quote(text: str) -> str:
    return "«" + visible(text).replace("\n", "⏎") + "»"


def provenance_section(table: Table, genealogy: Genealogy) -> dict[str, Any]:
    """The short form for `provenance report`: witnesses, variant counts, families."""
    readings = table.readings_by_witness()
    return {
        "witnesses": [
            {
                "id": w.id,
                "source": w.source,
                "kind": w.kind.value,
                "covered": w.covered,
                "variants": sum(1 for r in readings[w.id] if r.status is Status.VARIANT),
            }
            for w in table.witnesses
        ],
        "paraphrases": [
            {"id": w.id, "source": w.source, "quotations": len(w.segments)}
            for w in table.paraphrases
        ],
        "variant_locations": len(table.variants()),
        "families": [_family_json(f) for f in genealogy.families],
    }


def provenance_lines(table: Table, genealogy: Genealogy) -> list[str]:
    """The provenance section of the text and Markdown reports, as plain lines."""
    section = provenance_section(table, genealogy)
    total = len({w.id for w in (*table.witnesses, *table.paraphrases)})
    lines = [
        f"{_counted(total, 'witness', 'witnesses')} ({len(table.witnesses)} collated), "
        f"{_counted(section['variant_locations'], 'variant location', 'variant locations')}"
        " (`provenance collate` shows the table)"
    ]
    for w in section["witnesses"]:
        lines.append(
            f"  {w['id']}: {w['kind']}, {w['covered']:,} reference characters, "
            f"{_counted(w['variants'], 'variant location', 'variant locations')}"
        )
    for p in section["paraphrases"]:
        lines.append(f"  {p['id']}: {p['quotations']} quotation(s) in another translation")
    for family in genealogy.families:
        lines += _family_text(family)
    return lines


def _counted(n: int, one: str, many: str) -> str:
    """ "1 witness", "2 witnesses"."""
    return f"{n} {one if n == 1 else many}"
