"""Render an Analysis for people (text, Markdown) and for programs (JSON).

This is the only module that formats results. The JSON shape is a versioned
contract documented in docs/report-json.md.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from provenance import jsontext
from provenance.align import DIFF_SETTINGS
from provenance.analyse import Analysis, SourceResult
from provenance.collation.exports import provenance_lines, provenance_section
from provenance.collation.genealogy import Genealogy, genealogy
from provenance.collation.table import Table as VariantTable
from provenance.collation.table import collate
from provenance.collation.witnesses import witnesses
from provenance.coverage import held_share
from provenance.model import Divergence, Format, Kind, Passage, PassageKind, Severity, Span
from provenance.normalise import printable, visible
from provenance.quotes.verdicts import Quotation, QuoteVerdict

SCHEMA = "provenance-report/2"
_CONTEXT = 30
_STYLE = {Severity.COSMETIC: "dim", Severity.MINOR: "yellow", Severity.MATERIAL: "bold red"}
_VERDICT_STYLE = {
    "verbatim": "green",
    "altered": "bold red",
    "paraphrase": "yellow",
    "not-in-reference": "bold red",
    "unterminated": "yellow",
    "other": "dim",
}


def to_json(analysis: Analysis) -> dict[str, Any]:
    """The report as plain data (see docs/report-json.md)."""
    ref = analysis.reference
    return {
        "schema": SCHEMA,
        "settings": {"diff": DIFF_SETTINGS},
        "reference": {
            "id": ref.id,
            "path": str(ref.path),
            "sha256": ref.sha256,
            "length": len(ref.text),
        },
        "sources": [_source_json(s) for s in analysis.sources],
        "errors": [f.to_json() for f in analysis.failures],
        "provenance": provenance_section(*_collation(analysis)),
    }


def render_json(analysis: Analysis) -> str:
    return jsontext.dumps(to_json(analysis)) + "\n"


def render_text(analysis: Analysis, *, color: bool = False, width: int = 100) -> str:
    """Summary table, then each divergence with context and visible marks."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False
    )
    ref = analysis.reference
    console.print(
        printable(
            f"Reference {ref.id}: {len(ref.text):,} characters, sha256 {ref.sha256[:12]}, "
            f"from {ref.path.name}"
        )
    )
    console.print(_summary_table(analysis))
    for source in analysis.sources:
        hidden = _hidden(source)
        if not source.passages and not source.quotes and not hidden:
            continue
        console.print()
        console.print(Text(printable(source.document.id), style="bold"))
        for what, spans in (
            ("hidden, not read", hidden),
            ("page furniture holding none of the reference, not compared", _furniture(source)),
        ):
            if spans:
                console.print(Text(f"  {what}: {_elements(spans)}", style="dim"))
        for p in source.passages:
            console.print(
                f"  {p.kind.value} passage: capture {p.copy.start}..{p.copy.end}, "
                f"reference {p.reference.start}..{p.reference.end}, score {p.score:.1f}"
            )
        if source.passages and not source.divergences:
            console.print("  no divergences")
        for number, d in enumerate(source.divergences, 1):
            console.print(_divergence_text(number, d, source, analysis))
        for line in _emphasis_text(source):
            console.print(line)
        if source.quotes:
            console.print(f"  quotations ({len(source.quotes)}):")
        for number, q in enumerate(source.quotes, 1):
            console.print(_quote_text(number, q))
    console.print()
    console.print(Text("Provenance", style="bold"))
    for entry in provenance_lines(*_collation(analysis)):
        console.print(Text(printable(entry)))
    return buffer.getvalue()


def _quote_text(number: int, q: Quotation) -> Text:
    line = Text(f"  {number:>3}. ")
    line.append(f"[{q.verdict.value}] ", style=_VERDICT_STYLE.get(q.verdict.value, ""))
    line.append(f"capture {q.span.start}..{q.span.end}")
    if q.verdict.value != "other":
        line.append(f"  similarity {q.similarity:.1f}")
    if q.reference and q.verdict.value != "other":
        line.append(f"  reference {q.reference.start}..{q.reference.end}")
    line.append(f"\n       “{_flat(_clip(q.text))}”")
    if q.attribution:
        line.append(f"  ({_flat(q.attribution.text)})")
        a = q.attribution
        cue = _flat(_clip(a.text, 80))
        line.append(f"\n       cue: {a.speaker}, {a.how}: “{cue}”", style="dim")
    else:
        line.append("\n       cue: none (no speaker named in its paragraph)", style="dim")
    if q.verdict.value == "other":
        return line
    if q.reference_text and q.verdict.value != "verbatim":
        line.append(f"\n       reference: {_flat(_clip(q.reference_text))}", style="dim")
    for d in q.divergences:
        line.append(f"\n       {d.kind.value} [{d.severity}]: ")
        line.append("[-" + _flat(d.reference_text, keep_space=True) + "-]", style="red strike")
        line.append("{+" + _flat(d.copy_text, keep_space=True) + "+}", style="green")
    if len(q.stretches) > 1:
        for k, r in enumerate(q.stretches, 1):
            line.append(f"\n       stretch {k}: reference {r.start}..{r.end}", style="dim")
    if q.note:
        line.append(f"\n       {q.note}", style="dim")
    return line


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_markdown(analysis: Analysis) -> str:
    ref = analysis.reference
    lines = [
        f"# Provenance report: {ref.id}",
        "",
        f"Reference: `{ref.path.name}`, {len(ref.text):,} characters, sha256 `{ref.sha256[:12]}`.",
        "",
        "| capture | passages | reference covered | cosmetic | minor | material | quotes "
        "| misquoted |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in analysis.sources:
        counts = _severity_counts(s)
        quoted, misquoted = _quotation_counts(s)
        lines.append(
            f"| `{s.document.id}` | {_passages_label(s)} | {_covered(s, analysis):.1%} | "
            f"{counts[Severity.COSMETIC]} | {counts[Severity.MINOR]} | "
            f"{counts[Severity.MATERIAL]} | {quoted} | {misquoted} |"
        )
    for s in analysis.sources:
        if not s.divergences:
            continue
        lines += ["", f"## `{s.document.id}`", ""]
        lines += ["| # | kind | severity | capture | reference | reference reads | copy reads |"]
        lines += ["|---:|---|---|---|---|---|---|"]
        for n, d in enumerate(s.divergences, 1):
            lines.append(
                f"| {n} | {d.kind.value} | {d.severity} | {d.copy.start}..{d.copy.end} | "
                f"{d.reference.start}..{d.reference.end} | {_md(d.reference_text)} | "
                f"{_md(d.copy_text)} |"
            )
    for s in analysis.sources:
        if not s.quotes:
            continue
        lines += ["", f"## Quotations in `{s.document.id}`", ""]
        lines += [
            "| # | verdict | attributed | capture | reference | similarity | quotation "
            "| attribution |"
        ]
        lines += ["|---:|---|---|---|---|---:|---|---|"]
        for n, q in enumerate(s.quotes, 1):
            where = f"{q.reference.start}..{q.reference.end}" if q.reference else "(none)"
            who = _md_plain(q.attribution.text) if q.attribution else "(none)"
            lines.append(
                f"| {n} | {q.verdict.value} | {'yes' if q.attributed else 'no'} | "
                f"{q.span.start}..{q.span.end} | {where} | {q.similarity:.1f} | "
                f"{_md_plain(_clip(q.text))} | {who} |"
            )
            for d in q.divergences:
                lines.append(
                    f"| | ↳ {d.kind.value} | | {d.copy.start}..{d.copy.end} | "
                    f"{d.reference.start}..{d.reference.end} | | {_md(d.copy_text)} | "
                    f"for {_md(d.reference_text)} |"
                )
    lines += ["", "## Provenance", "", "```"]
    lines += provenance_lines(*_collation(analysis))
    lines += ["```"]
    return printable("\n".join(lines)) + "\n"


def _collation(analysis: Analysis) -> tuple[VariantTable, Genealogy]:
    """Witnesses collated and grouped, for the provenance section (see collation/table.py)."""
    table = collate(analysis.reference, witnesses(analysis))
    # The provenance section shows families, never pairs (witnesses squared to compare).
    return table, genealogy(table, with_pairs=False)


def _source_json(source: SourceResult) -> dict[str, Any]:
    doc = source.document
    return {
        "id": doc.id,
        "path": str(doc.path),
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "length": len(doc.text),
        "passages": [
            {
                "kind": p.kind.value,
                "start": p.copy.start,
                "end": p.copy.end,
                "ref_start": p.reference.start,
                "ref_end": p.reference.end,
                "score": round(p.score, 2),
                "segments": [
                    {
                        "start": g.copy.start,
                        "end": g.copy.end,
                        "ref_start": g.reference.start,
                        "ref_end": g.reference.end,
                    }
                    for g in p.runs
                ],
            }
            for p in source.passages
        ],
        "divergences": [_divergence_json(d) for d in source.divergences],
        "quotes": [_quote_json(q) for q in source.quotes],
        **_emphasis_json(source),
        "hidden": [{"start": h.start, "end": h.end} for h in _hidden(source)],
        "furniture": [{"start": f.start, "end": f.end} for f in _furniture(source)],
    }


_HIDDEN_LISTED = 5
"""Hidden or furniture elements listed by offset in the text report (the JSON lists all)."""


def _elements(spans: tuple[Span, ...]) -> str:
    """ "2 element(s) at 10..40, 90..120": the first few of `spans`, for the text report."""
    where = ", ".join(f"{s.start}..{s.end}" for s in spans[:_HIDDEN_LISTED])
    more = f" and {len(spans) - _HIDDEN_LISTED} more" if len(spans) > _HIDDEN_LISTED else ""
    return f"{len(spans)} element(s) at {where}{more}"


def _hidden(source: SourceResult) -> tuple[Span, ...]:
    """Stretches of the capture's HTML a browser does not draw, which were not read."""
    return source.extracted.hidden if source.extracted is not None else ()


def _furniture(source: SourceResult) -> tuple[Span, ...]:
    """Stretches of the capture's HTML page furniture set aside as holding none of the
    reference: drawn by a browser, not compared."""
    return source.extracted.furniture if source.extracted is not None else ()


def _emphasis_json(source: SourceResult) -> dict[str, Any]:
    """`emphasis`, `emphasis_notes` and `lost_markup` of one source (offsets: original file;
    `text` is the span's own slice in plain text, an e-mail quotation's "> " marks within it
    kept, as its divergence row's; the readable text, markup removed, in HTML and
    Markdown)."""
    plain = source.document.format is Format.TEXT
    return {
        "emphasis": [
            {
                "id": e.id,
                "start": e.span.start,
                "end": e.span.end,
                "text": e.span.of(source.document.text) if plain else e.text,
                "style": e.style,
                "status": e.status.value,
                "ref_start": e.reference.start if e.reference else None,
                "ref_end": e.reference.end if e.reference else None,
                "evidence": e.evidence,
                "declared": e.declared or None,
                "said_original": e.said_original or None,
            }
            for e in source.emphasis
        ],
        "emphasis_notes": [
            {
                "start": n.span.start,
                "end": n.span.end,
                "text": n.text,
                "declares": n.declares,
                "covers": None if n.covers is None else _covered_json(n.covers),
                "covers_all": [_covered_json(p) for p in n.covering],
            }
            for n in source.emphasis_notes
        ],
        "lost_markup": [
            {
                "id": m.id,
                "message": m.message,
                "note_start": m.note.span.start,
                "note_end": m.note.span.end,
                "probable": [e.id for e in m.probable],
            }
            for m in source.lost_markup
        ],
    }


def _quote_json(q: Quotation) -> dict[str, Any]:
    attribution = q.attribution
    return {
        "id": q.id,
        "start": q.span.start,
        "end": q.span.end,
        "text": q.text,
        "attributed": q.attributed,
        "attribution": (
            {
                "start": attribution.span.start,
                "end": attribution.span.end,
                "text": attribution.text,
                "speaker": attribution.speaker,
                "how": attribution.how,
            }
            if attribution
            else None
        ),
        "verdict": q.verdict.value,
        "ref_start": q.reference.start if q.reference else None,
        "ref_end": q.reference.end if q.reference else None,
        "similarity": q.similarity,
        "divergences": [_divergence_json(d) for d in q.divergences],
        "editorial": [{"start": e.start, "end": e.end} for e in q.editorial],
        "note": q.note,
        "stretches": [{"ref_start": r.start, "ref_end": r.end} for r in q.stretches],
        "unsaid": list(q.unsaid),
    }


def _divergence_json(d: Divergence) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind.value,
        "severity": str(d.severity),
        "start": d.copy.start,
        "end": d.copy.end,
        "ref_start": d.reference.start,
        "ref_end": d.reference.end,
        "text": d.copy_text,
        "ref_text": d.reference_text,
        "note": d.note,
    }


def _summary_table(analysis: Analysis) -> Table:
    table = Table(title=None, show_edge=False, pad_edge=False, box=None, header_style="bold")
    for name, justify in (
        ("capture", "left"),
        ("passages", "left"),
        ("covered", "right"),
        ("cosmetic", "right"),
        ("minor", "right"),
        ("material", "right"),
        ("quotes", "right"),
        ("misquoted", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for s in analysis.sources:
        counts = _severity_counts(s)
        quoted, misquoted = _quotation_counts(s)
        table.add_row(
            printable(s.document.id),
            _passages_label(s),
            f"{_covered(s, analysis):.1%}",
            str(counts[Severity.COSMETIC]),
            str(counts[Severity.MINOR]),
            str(counts[Severity.MATERIAL]),
            str(quoted),
            str(misquoted),
        )
    return table


def _divergence_text(number: int, d: Divergence, source: SourceResult, analysis: Analysis) -> Text:
    text = source.document.text
    before = text[max(0, d.copy.start - _CONTEXT) : d.copy.start]
    after = text[d.copy.end : d.copy.end + _CONTEXT]
    line = Text(f"  {number:>3}. ")
    line.append(f"[{d.severity}] ", style=_STYLE[d.severity])
    line.append(f"{d.kind.value}  capture {d.copy.start}..{d.copy.end}  ")
    line.append(f"reference {d.reference.start}..{d.reference.end}\n")
    line.append("       …" + _flat(before))
    same_words = d.kind in _SAME_WORDS
    if d.reference_text and not same_words:
        line.append(
            "[-" + _elided(_flat(d.reference_text, keep_space=True)) + "-]", style="red strike"
        )
    if d.copy_text:
        line.append("{+" + _elided(_flat(d.copy_text, keep_space=True)) + "+}", style="green")
    line.append(_flat(after) + "…")
    if same_words:
        line.append(f"\n       {d.note}", style="dim")
    return line


def _elided(reading: str) -> str:
    """A reading as the text report shows it: whole, or, past `_SHOWN` characters (a page's
    text around a whole copy, as `diff` meets it), its ends with the number of characters
    left out between them. The JSON report keeps every reading whole.

    >>> _elided("word " * 1000)[-20:]
    'word word word word '
    >>> "characters left out" in _elided("word " * 1000)
    True
    """
    if len(reading) <= _SHOWN:
        return reading
    half = _SHOWN // 2
    return (
        f"{reading[:half]} … [{len(reading) - 2 * half:,} characters left out] … {reading[-half:]}"
    )


_SHOWN = 2_000
"""Characters of a reading the text report shows whole."""


_SAME_WORDS = frozenset({Kind.EMPHASIS, Kind.DUPLICATION})
"""Kinds whose copy reading is the reference's words (emphasised, or printed again):
shown once, with the row's note, not as the words deleted and inserted."""


_EMPHASIS_MARK = {"added": "[+emphasis]", "removed": "[-emphasis]", "probable": "[?emphasis]"}
_STYLE_MARKERS = {
    "bold": "**",
    "italic": "_",
    "underline": "__",
    "mark": "==",
    "starred": "*",
    "strikethrough": "~~",
}


def _covered_json(passage: Passage) -> dict[str, int]:
    """A passage an emphasis note covers, as the report's JSON gives it."""
    return {
        "start": passage.copy.start,
        "end": passage.copy.end,
        "ref_start": passage.reference.start,
        "ref_end": passage.reference.end,
    }


def _emphasis_text(source: SourceResult) -> list[Text]:
    """Emphasis with markers that survive without colour: [+emphasis] and **bold** / _italic_."""
    lines = []
    for note in source.emphasis_notes:
        covers = "covers no located passage or quotation"
        if note.covers is not None:
            what = "quotation" if note.covers.kind is PassageKind.QUOTATION else "passage"
            covers = f"covers {what} {note.covers.copy.start}..{note.covers.copy.end}"
            if len(note.covering) > 1:
                covers += f" and {len(note.covering) - 1} more"
        lines.append(
            Text(f"  note {_flat(note.text)!r} at {note.span.start}..{note.span.end}: {covers}")
        )
    for lost in source.lost_markup:
        lines.append(
            Text(printable(f"  [!emphasis] {lost.note.text}: {lost.message}"), style="bold")
        )
        if lost.probable:
            lines.append(Text("    probable emphasis below is an inference, not marked-up fact"))
    for e in source.emphasis:
        line = Text(f"  {_EMPHASIS_MARK[e.status.value]} {e.style} {e.status.value}  ")
        line.append(f"capture {e.span.start}..{e.span.end}")
        if e.reference is not None:
            line.append(f"  reference {e.reference.start}..{e.reference.end}")
        markers = "".join(_STYLE_MARKERS.get(s, "") for s in e.style.split("+"))
        style = " ".join(s for s in e.style.split("+") if s in ("bold", "italic", "underline"))
        line.append("\n       " + markers)
        line.append(_flat(e.text), style=style or None)
        line.append(markers[::-1] + "\n       " + printable(e.evidence))
        if e.said_original:
            said = f"its note {_flat(e.said_original)!r} says the reference has it; it does not"
            line.append("\n       " + said, style="bold")
        lines.append(line)
    return lines


def _flat(text: str, *, keep_space: bool = False) -> str:
    """One-line, with invisible and control characters made visible."""
    shown = printable(visible(text))
    if keep_space:
        shown = shown.replace(" ", "␠")
    return shown.replace("\n", "⏎")


def _md(text: str) -> str:
    shown = _flat(text, keep_space=True).replace("|", "\\|")
    return f"`{shown}`" if shown else "(none)"


def _md_plain(text: str) -> str:
    return "`" + _flat(text).replace("|", "\\|").replace("`", "'") + "`"


def _severity_counts(source: SourceResult) -> Counter[Severity]:
    return Counter(d.severity for d in source.divergences)


def _quotation_counts(source: SourceResult) -> tuple[int, int]:
    """Quotations attributed to the reference, and those of them misquoted (altered, or
    not in it): the summary's last columns, which divergences alone do not show (a page
    quoting the statement with a word changed has no passage and no divergence)."""
    attributed = [q for q in source.quotes if q.attributed]
    misquoted = sum(q.verdict in _MISQUOTED for q in attributed)
    return len(attributed), misquoted


_MISQUOTED = frozenset({QuoteVerdict.ALTERED, QuoteVerdict.NOT_IN_REFERENCE})


def _passages_label(source: SourceResult) -> str:
    if not source.passages:
        return "none"
    kinds = Counter(p.kind for p in source.passages)
    parts = []
    if kinds[PassageKind.FULL]:
        parts.append("full" if kinds[PassageKind.FULL] == 1 else f"{kinds[PassageKind.FULL]} full")
    if kinds[PassageKind.EXCERPT]:
        n = kinds[PassageKind.EXCERPT]
        parts.append(f"{n} excerpt{'s' if n > 1 else ''}")
    return ", ".join(parts)


def _covered(source: SourceResult, analysis: Analysis) -> float:
    return held_share(source, len(analysis.reference.text))
