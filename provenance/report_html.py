"""The report as one self-contained HTML page: coverage strips, findings, review state.

The page has its CSS inline and nothing else: no script, no image, no font, no link to
fetch, so it opens offline in any browser and can be mailed or archived as one file.
Every coloured mark has a character of its own (the strips are `provenance.coverage`'s,
the review states `·` undecided, `✓` accepted, `✗` flagged, `!` stale).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from provenance.analyse import Analysis, SourceResult
from provenance.coverage import LEGEND, Strip, strip
from provenance.model import Decision, Finding
from provenance.normalise import printable, visible
from provenance.review import review_status

WIDTH = 100
"""Cells per strip: one per 1% of the reference."""

STATE_MARKS = {"undecided": "·", "accepted": "✓", "flagged": "✗", "stale": "!"}

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em;
       padding: 0 1em; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
code, .strip, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { text-align: left; padding: .15em .6em; border-bottom: 1px solid #ddd;
         vertical-align: top; }
.strip { white-space: pre; letter-spacing: 0; font-size: 13px; }
.strip span { display: inline-block; width: .62em; text-align: center; }
.h-full { background: #cde8cd; } .h-excerpt { background: #f6e3b4; }
.h-quotation { background: #cfe0f5; } .h-lacuna { color: #999; }
.f { font-weight: bold; } .u { outline: 1px solid #b00; color: #b00; }
.sev-material { color: #a00; font-weight: bold; } .sev-minor { color: #8a5a00; }
.sev-cosmetic { color: #666; }
.state-undecided { font-weight: bold; } .state-flagged { color: #a00; font-weight: bold; }
.state-accepted { color: #262; } .state-stale { font-style: italic; }
del { background: #f8d7d7; } ins { background: #d7f0d7; text-decoration: none; }
.legend, .muted { color: #555; } .cue { color: #444; font-size: .92em; }
"""


def escape(text: str, quote: bool = True) -> str:
    """`html.escape`, and every control character but tab and line feed shown as its
    picture: a capture's or a note's ESC and BEL would reach a terminal that shows the
    page's source (text, Markdown and the CI gate show them so too)."""
    return html.escape(printable(text), quote)


def render_html(
    analysis: Analysis,
    found: Iterable[Finding],
    decisions: Iterable[Decision],
    *,
    title: str = "",
) -> str:
    """The page: summary, one strip per capture, then each capture's findings and state.

    `decisions` are every decision on file: a decision on other bytes (or on a finding
    no longer produced) is shown as stale, never dropped.
    """
    found = list(found)
    status = review_status(decisions, found)  # carried-over decisions count (docs/review.md)
    by_id = status.standing
    ref = analysis.reference
    length = len(ref.text)
    current = set(by_id)
    stale = list(status.stale)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title or f'Provenance report: {ref.id}')}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Provenance report: {escape(ref.id)}</h1>",
        f"<p>Reference <code>{escape(ref.path.name)}</code>, {length:,} characters, "
        f"sha256 <code>{ref.sha256[:12]}</code>. {len(analysis.sources)} captures; "
        f'<span id="progress">{len(current)} of {len(found)} findings decided'
        + (f", {len(stale)} stale decisions kept" if stale else "")
        + "</span>.</p>",
        '<h2 id="coverage">Coverage</h2>',
        f'<p class="legend">Each strip is the reference in {WIDTH} cells of '
        f"{length / WIDTH:.0f} characters: <code>{escape(LEGEND)}</code>; an outlined letter "
        "has an undecided finding; <code>+N</code> counts findings with no place in the "
        "reference.</p>",
        '<table class="strips">',
    ]
    for source in analysis.sources:
        mine = [f for f in found if f.source == source.document.id]
        drawn = strip(source, mine, length, WIDTH, decided=current)
        out.append(
            f'<tr><th class="mono">{escape(source.document.id)}</th>'
            f"<td>{_strip_html(drawn)}</td></tr>"
        )
    out.append("</table>")
    if analysis.failures:
        out.append('<h2 id="failed">Captures that could not be analysed</h2><ul class="failed">')
        out += [f"<li>{escape(str(failure))}</li>" for failure in analysis.failures]
        out.append("</ul>")
    for source in analysis.sources:
        mine = [f for f in found if f.source == source.document.id]
        gone = [d for d in stale if d.source == source.document.id]
        out += _source_html(source, mine, by_id, current, gone)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _strip_html(drawn: Strip) -> str:
    cells = []
    for cell in drawn.cells:
        classes = [f"h-{cell.holding.value}"]
        tip = f"reference {cell.start}..{cell.end}: {cell.holding.value}"
        if cell.severity is not None:
            classes.append("u" if cell.undecided else "f")
            tip += f"; {len(cell.findings)} findings, {cell.undecided} undecided"
        cells.append(f'<span class="{" ".join(classes)}" title="{tip}">{escape(cell.mark)}</span>')
    off = f" +{drawn.off_strip}" if drawn.off_strip else ""
    return f'<div class="strip">{"".join(cells)}{off}</div>'


def _source_html(
    source: SourceResult,
    mine: list[Finding],
    by_id: dict[str, Decision],
    current: set[str],
    gone: list[Decision],
) -> list[str]:
    doc = source.document
    anchor = escape(doc.id)
    decided = sum(1 for f in mine if f.id in current)
    out = [
        f'<h2 id="{anchor}">{anchor}</h2>',
        f"<p>{_passages(source)} · {decided} of {len(mine)} findings decided</p>",
    ]
    if not mine and not gone:
        return [*out, '<p class="muted">No findings.</p>']
    out.append(
        '<table class="findings"><tr><th></th><th>#</th><th>finding</th><th>severity</th>'
        "<th>capture</th><th>reference</th><th>reading</th><th>review</th></tr>"
    )
    quotes = {q.id: q for q in source.quotes}
    for number, f in enumerate(mine, 1):
        decision = by_id.get(f.id) if f.id in current else None
        state = decision.verdict.value if decision is not None else "undecided"
        ref = f"{f.reference.start}..{f.reference.end}" if f.reference is not None else "none"
        reading = f"<del>{_shown(f.reference_text)}</del><ins>{_shown(f.text)}</ins>"
        quote = quotes.get(f.id)
        if quote is not None:
            reading = f"“{_shown(quote.text)}”"
            cue = quote.attribution
            reading += (
                f'<div class="cue">cue: {escape(cue.speaker)}, {escape(cue.how)}: '
                f"“{_shown(cue.text)}”</div>"
                if cue is not None
                else '<div class="cue">cue: none (no speaker named in its paragraph)</div>'
            )
        out.append(
            f'<tr class="finding" id="f-{escape(f.id)}" data-state="{state}">'
            f'<td class="state-{state}">{STATE_MARKS[state]}</td><td>{number}</td>'
            f"<td>{escape(f.category)} · {escape(f.kind)}</td>"
            f'<td class="sev-{f.severity}">{f.severity}</td>'
            f'<td class="mono">{f.span.start}..{f.span.end}</td><td class="mono">{ref}</td>'
            f"<td>{reading}</td><td>{_review(state, decision)}{_carried(f, decision)}</td></tr>"
        )
    for d in gone:
        out.append(
            f'<tr class="finding stale" data-state="stale"><td class="state-stale">!</td>'
            f'<td></td><td colspan="5">stale decision: {escape(d.summary)} (its finding is '
            f"no longer produced for these bytes; kept)</td><td>{_review(d.verdict.value, d)}"
            "</td></tr>"
        )
    out.append("</table>")
    return out


def _carried(finding: Finding, decision: Decision | None) -> str:
    """The mark of a decision made on other bytes and carried over to `finding`."""
    if decision is None or decision.finding == finding.id:
        return ""
    return (
        f"<br>↻ carried over from {escape(decision.finding)} "
        f"(sha256 {escape(decision.source_sha256[:12])})"
    )


def _review(state: str, decision: Decision | None) -> str:
    text = f'<span class="state-{state}">{state}</span>'
    if decision is not None:
        text += f" by {escape(decision.reviewer or 'unknown')}"
        if decision.note:
            text += f"<br>note: {escape(decision.note)}"
    return text


def _passages(source: SourceResult) -> str:
    if not source.passages:
        return "no located passage"
    return ", ".join(
        f"{p.kind.value} passage: capture {p.copy.start}..{p.copy.end}, "
        f"reference {p.reference.start}..{p.reference.end}"
        for p in source.passages
    )


def _shown(text: str, limit: int = 200) -> str:
    """One line with invisible characters made visible, cut at `limit`, escaped."""
    flat = visible(text).replace("\n", "⏎")
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return escape(flat) if flat else "∅"


__all__ = ["render_html"]
