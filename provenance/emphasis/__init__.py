"""Emphasis a copy added to the reference (or dropped from it), and the notes declaring it.

Works on readable text (see `extract`): the alignments given index the readable texts of
both documents, and every span in the result is mapped back to the original files.

- Markup: emphasis runs of an HTML or Markdown copy inside a located passage, or inside
  a quotation the pipeline found to match the reference (`quoted`), are `added` unless
  the reference has the same style there; reference runs a passage lacks are `removed`
  (not those a quotation lacks: a quotation in running prose takes the page's type).
  Plain text has no markup, so runs of ALL CAPS words and `*starred*` (or `**x**`,
  `_x_`, `__x__`) words that the reference does not have stand in for it.
- Notes: "(emphasis added)", "emphasis mine", "our emphasis", "(bold italics added)",
  "italics in original", "[emphasis added]" ... Each note covers the passage (here a
  quotation is one too) it sits in or the one that ends at most `note_reach` characters
  before it, never a passage another note already follows; failing that, the passage
  its sentence introduces ("It reads (emphasis ours):"), or, for a short last paragraph
  of the page, the last passage. A note saying it holds "throughout" covers every
  passage of the page; "in the text below", every passage after it. A note after
  unrelated text, mid-page, covers nothing.
- Lost markup: a note that declares added emphasis for a passage with none is reported
  plainly, and where no-break spaces stand in the copy for the reference's ordinary
  spaces (residue rich-text editors leave at the edges of a bold or italic run), the
  stretches they delimit are offered as `probable` emphasis: an inference, with evidence.

The package follows the data: `runs` reads plain text's stand-ins for markup (HTML and
Markdown runs come from `extract`); `added` decides which runs are emphasis added to (or
dropped from) the reference's words; `notes` finds the notes and the passage each covers;
`lost` infers probable emphasis where a note's passage has none; `result` holds what is
reported and writes it in original offsets. `emphasis()`, here, runs them in that order.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from provenance.align import shouted
from provenance.emphasis.added import _added, _removed
from provenance.emphasis.lost import _residue
from provenance.emphasis.notes import _notes
from provenance.emphasis.result import (
    LOST_MARKUP,
    EmphasisNote,
    EmphasisOptions,
    EmphasisResult,
    EmphasisSpan,
    LostMarkup,
    Status,
    _divergence,
    _id,
)
from provenance.emphasis.runs import CAPS, STARRED, PlainRuns
from provenance.extract import Extracted, Run
from provenance.model import Alignment, Divergence, Format, Passage, PassageKind, Span
from provenance.spanindex import SpanIndex

__all__ = [
    "CAPS",
    "LOST_MARKUP",
    "STARRED",
    "EmphasisNote",
    "EmphasisOptions",
    "EmphasisResult",
    "EmphasisSpan",
    "LostMarkup",
    "Status",
    "emphasis",
]


def emphasis(
    reference: Extracted,
    capture: Extracted,
    alignments: Sequence[Alignment],
    *,
    quoted: Sequence[Alignment] = (),
    options: EmphasisOptions = EmphasisOptions(),
) -> EmphasisResult:
    """Emphasis the capture added to (or removed from) the reference, and its notes.

    Args:
        reference: The reference's readable text.
        capture: The capture's readable text.
        alignments: Alignments of the capture's passages, in readable offsets of both.
        quoted: Alignments of quotations in running prose with the reference stretch each
            matches (passages of kind `quotation`), read as passages are, except that
            emphasis of the reference they drop is not reported.
        options: Reach of notes and residue; see EmphasisOptions.

    Returns:
        Spans, notes, lost-markup findings and `emphasis` divergences, in original offsets.
    """
    spans: list[EmphasisSpan] = []
    added_at: list[int] = []  # readable starts of the added spans
    found: list[Divergence] = []
    plain = capture.document.format is Format.TEXT
    read = (*alignments, *quoted)
    notes = _notes(reference, capture, [a.passage for a in read], options)
    declared = _Declared(notes)
    # Read once for the page, then asked for by passage: many passages on one long line
    # (minified HTML) each reading the line's runs cost passages x line length.
    plain_runs, marked_runs = PlainRuns(capture.text), SpanIndex(capture.runs)
    for alignment in read:
        runs = _without_page_style(
            capture.text,
            alignment.passage.copy,
            _runs(plain_runs, marked_runs, alignment.passage.copy, plain=plain),
        )
        if alignment.passage.kind is PassageKind.QUOTATION:
            runs = _within_quotation(capture.text, alignment.passage.copy, runs)
        copy = alignment.passage.copy
        if _declaring(declared.at(copy.start), copy.start, "italic") is None:
            runs = _without_quotation_type(capture, copy, runs)  # (unless a note says so)
        marked = [(run, _added(reference, capture, alignment, run)) for run in runs]
        # a note of highlighting names the passage's <mark>s, or, where it has none, what
        # the editors highlighted otherwise
        highlighted = not any("mark" in run.style.split("+") for run in runs)
        for run, added in _one_per_stretch(capture, marked):
            if _drop_cap(capture.text, run):
                continue  # a paragraph's first letter styled alone ("<b>T</b> he"): no emphasis
            if _cuts_a_word(capture.text, run):
                added = replace(added, in_word=True)
            at = max(run.start, alignment.passage.copy.start)
            here = declared.at(at)
            declaring = _declaring(here, at, added.style, highlighted=highlighted)
            if declaring is None and here:
                # (italics inside bold are drawn bold italic: "(bold italics ours)" declares
                # them; asked only where a note may declare, as it reads every run around)
                drawn = _drawn(run, runs)
                declaring = (
                    _declaring(here, at, drawn, highlighted=highlighted)
                    if drawn != added.style
                    else None
                )
            if declaring is not None:
                added = replace(added, declared=declaring.text)
            elif (original := _declaring(here, at, added.style, "original")) is not None:
                added = replace(added, said_original=original.text)
            spans.append(added)
            added_at.append(max(run.start, alignment.passage.copy.start))
            if added.reference is not None and added.reference_text.strip():
                found.append(_divergence(capture, added))
        if alignment.passage.kind is not PassageKind.QUOTATION:
            spans.extend(_removed(reference, capture, alignment, marked_runs))
    lost = []
    covered: dict[EmphasisNote, list[Passage]] = {}
    for note, passage, _ in notes:
        if note.declares == "added" and passage is not None:
            covered.setdefault(note, []).append(passage)
    added_at.sort()
    aligned: dict[Passage, Alignment] = {}  # (asked for each note: found by its passage)
    for alignment in read:
        aligned.setdefault(alignment.passage, alignment)
    for note, passages in covered.items():
        if any(_any_between(added_at, p.copy.start, p.copy.end) for p in passages):
            continue  # a note for several passages ("throughout") needs emphasis in one
        probable = [
            replace(span, declared=note.text)
            for passage in passages
            for span in _residue(
                reference,
                capture,
                aligned[passage],
                note.style,
                options,
            )
        ]
        spans.extend(probable)
        key = f"lost-markup:{note.span.start}:{note.span.end}"
        lost.append(LostMarkup(_id(capture, key), note, LOST_MARKUP, tuple(probable)))
    spans.sort(key=lambda s: (s.span.start, s.span.end, s.style))
    return EmphasisResult(
        spans=tuple(spans),
        notes=tuple(dict.fromkeys(n for n, _, _ in notes)),
        lost_markup=tuple(lost),
        divergences=tuple(found),
    )


class _Declared:
    """The notes, found by the passage they cover: a page of hundreds of notes read them
    all for each emphasised run (quadratic)."""

    def __init__(self, notes: list[tuple[EmphasisNote, Passage | None, int]]) -> None:
        held = [(n, p, at) for n, p, at in notes if p is not None]
        self.notes: list[tuple[EmphasisNote, Passage | None, int]] = list(held)
        self._places = SpanIndex([p.copy for _, p, _ in held])

    def at(self, at: int) -> list[tuple[EmphasisNote, Passage | None, int]]:
        """The notes whose passage holds readable offset `at`, in their order."""
        return [self.notes[k] for k in self._places.around_indices(at, at + 1)]


def _any_between(sorted_offsets: list[int], start: int, end: int) -> bool:
    """Whether one of `sorted_offsets` lies in [start, end)."""
    k = bisect_left(sorted_offsets, start)
    return k < len(sorted_offsets) and sorted_offsets[k] < end


def _drawn(run: Run, runs: Sequence[Run]) -> str:
    """The styles `run` is drawn in: its own and those of the runs around it ("**a _b_**":
    "b" is drawn bold and italic), joined as a combined style is ("bold+italic")."""
    styles = {
        style
        for other in runs
        if other.start <= run.start and run.end <= other.end
        for style in other.style.split("+")
    }
    return "+".join(sorted(styles | set(run.style.split("+"))))


def _declaring(
    notes: list[tuple[EmphasisNote, Passage | None, int]],
    at: int,
    style: str,
    declares: str = "added",
    *,
    highlighted: bool = False,
) -> EmphasisNote | None:
    """The note that declares emphasis of `style` added at readable offset `at`: one
    declaring added emphasis (or, with `declares="original"`, the reference's), covering
    the passage there (a note inside the passage only what comes before it), and naming
    that style or emphasis in general. "(Italics ours)"
    does not declare bold; "(bold italics ours)" declares bold italics, not bold alone;
    "(bold and italics ours)" declares either. "(Highlighting added)" declares a `<mark>`;
    with `highlighted` (the passage has no `<mark>`), what the editors highlighted
    otherwise, as editors call bold and colour alike: "Highlighting by the editors." under
    a bold line declares it (its note's style stays `mark`)."""
    styles = set(style.split("+"))
    for note, passage, where in notes:
        if note.declares != declares or passage is None:
            continue
        if not passage.copy.start <= at < passage.copy.end:
            continue
        if passage.copy.start < where < passage.copy.end and at > where:
            continue  # a note inside the copy declares what comes before it, not after
        named = set(note.style.split("+"))
        listed = len(named) == 1 or _LISTED.search(note.text) is not None
        if (
            "emphasis" in named
            or (highlighted and named == {"mark"})
            or styles == named
            or (listed and styles <= named)
            or (styles == {STARRED} and named & _STARS)
        ):
            return note
    return None


_STARS = frozenset({"bold", "italic"})
"""What a plain-text page's *stars* stand for."""
_LISTED = re.compile(r"\b(?:and|or)\b|[,/&]")
"""Styles a note lists one by one ("bold and italics"), not one style ("bold italics")."""


def _drop_cap(text: str, run: Run) -> bool:
    """Whether `run` is one capital opening a line, the rest of its word after it (a
    space or line break between allowed): a drop cap ("<b>T</b> he", "<em>T</em>he")."""
    at_line_start = run.start == 0 or text[run.start - 1] == "\n"
    return (
        run.end - run.start == 1
        and at_line_start
        and text[run.start].isupper()
        and _REST_OF_WORD.match(text, run.end) is not None
    )


_REST_OF_WORD = re.compile(r"\s?[^\W\d_A-Z]")


def _cuts_a_word(text: str, run: Run) -> bool:
    """Whether `run` starts or ends between two letters or digits of one word.

    >>> _cuts_a_word("mechanism", Run(6, 8, "italic"))
    True
    >>> _cuts_a_word("a mechanism", Run(2, 11, "italic"))
    False
    """
    a, b = run.start, run.end
    starts_inside = 0 < a < len(text) and text[a - 1].isalnum() and text[a].isalnum()
    ends_inside = 0 < b < len(text) and text[b - 1].isalnum() and text[b].isalnum()
    return starts_inside or ends_inside


def _runs(
    plain_runs: PlainRuns, marked: SpanIndex[Run], copy: Span, *, plain: bool
) -> Sequence[Run]:
    """The emphasis runs of a passage: in plain text its ALL CAPS and *starred* words; in
    HTML and Markdown the markup's runs, and the ALL CAPS and *starred* words of the
    readable text, which a browser shows as typed (Markdown's own stars are markup and
    never reach the readable text; `\\*escaped\\*` ones, and stars in an HTML page's text,
    do, and read as they do in plain text).

    Only runs with a character in the passage are given: a run outside it adds nothing
    (`_added` is None there), and a page's runs are many where its passages are."""
    near = plain_runs.near(copy)
    found = near.overlapping(copy.start, copy.end)
    if plain:
        return found
    inside = marked.overlapping(copy.start, copy.end)
    if not near.spans:
        return inside
    return sorted([*inside, *found], key=lambda run: (run.start, run.end))


def _within_quotation(text: str, quoted: Span, runs: Sequence[Run]) -> Sequence[Run]:
    """`runs` less those that run on past a quotation in running prose into the page's
    own words ("<em>Correction: that should read “confirm”, our typo.</em>"): the
    sentence's type, which the quotation takes, not emphasis put on it. A run may take
    in the quotation's marks and the punctuation next to them."""
    lo = quoted.start
    while lo > 0 and not text[lo - 1].isalnum() and quoted.start - lo < _MARGIN:
        lo -= 1
    hi = quoted.end
    while hi < len(text) and not text[hi].isalnum() and hi - quoted.end < _MARGIN:
        hi += 1
    return [run for run in runs if lo <= run.start and run.end <= hi]


_MARGIN = 3
"""Characters of marks and punctuation a run over a quotation may take in on each side."""


def _without_page_style(text: str, copy: Span, runs: Sequence[Run]) -> Sequence[Run]:
    """`runs` less those of a style that, together, cover a copy of more than one
    paragraph but for spaces, numbers and punctuation: each paragraph of an article in
    its own "<p><b>...</b></p>" is the page's style, as one "<strong>" around the whole
    body is (`added._whole_copy`), not words a copier picked out."""
    body = text[copy.start : copy.end]
    if shouted(body):
        # a copy in capitals throughout (a telex): its capitals are its style, no stress
        runs = [run for run in runs if run.style != CAPS]
    if "\n" not in body.strip():
        return runs
    out = runs
    for style in {run.style for run in runs}:
        covered = bytearray(len(body))
        for run in runs:
            if run.style == style:
                a, b = max(run.start, copy.start) - copy.start, min(run.end, copy.end) - copy.start
                covered[max(0, a) : max(0, b)] = b"\x01" * max(0, b - max(0, a))
        if all(covered[k] or not c.isalpha() for k, c in enumerate(body)):
            out = [run for run in out if run.style != style]
    return out


def _without_quotation_type(capture: Extracted, copy: Span, runs: Sequence[Run]) -> Sequence[Run]:
    """`runs` less the italics over a whole quotation: a passage the page sets out as a
    quotation (its block quotation holds it, or quotation marks stand just around it)
    whose every letter is italic is in the type the page sets quotations in ("<blockquote>
    <p><em>5. The Parties ...</em></p>", "“<em>against any military presence ...</em>”",
    Markdown's '*"..."*'), as a `<blockquote style="font-style: italic">` is; no word of it
    is picked out. Bold, or italics over some of its words, are emphasis as before (audit
    m58). A note declaring italics added for the passage says they are emphasis: kept."""
    italic = [run for run in runs if run.style == "italic"]
    if not italic:
        return runs
    text = capture.text
    letters = [k for k in range(copy.start, copy.end) if text[k].isalpha()]
    if not letters or not (_blocked(capture.quoted, copy) or _marked(text, copy)):
        return runs
    starts = sorted((run.start, run.end) for run in italic)
    k = 0
    for start, end in starts:
        while k < len(letters) and start <= letters[k] < end:
            k += 1
    if k < len(letters):
        return runs  # (runs in order over the letters in order: all covered, or not)
    return [run for run in runs if run.style != "italic"]


def _blocked(blocks: Sequence[Span], copy: Span) -> bool:
    """Whether a block quotation holds the passage whole."""
    return any(block.start <= copy.start and copy.end <= block.end for block in blocks)


def _marked(text: str, copy: Span) -> bool:
    """Whether quotation marks stand just around the passage (its punctuation, spaces and
    a mark's own italics aside): "“<em>words</em>”", "*"words."*"."""
    before = text[max(0, copy.start - _MARGIN) : copy.start].rstrip()
    after = text[copy.end : copy.end + _MARGIN + 1].lstrip(" .,;:!?")
    return before[-1:] in _OPENING_MARKS and after[:1] in _CLOSING_MARKS


_OPENING_MARKS = frozenset("\u201c\u2018\u00ab\u201e\"'")
"""Marks that open a quotation: double, single, guillemet, low-9; straight ones."""
_CLOSING_MARKS = frozenset("\u201d\u2019\u00bb\u201c\"'")
"""Marks that close one (a German quotation closes on a left double mark)."""


def _one_per_stretch(
    capture: Extracted, marked: list[tuple[Run, EmphasisSpan | None]]
) -> list[tuple[Run, EmphasisSpan]]:
    """The added spans, one for each stretch: styles added together on the same words
    (`***words***`, `<b><i>words</i></b>`) are one edit, style "bold+italic", one finding."""
    by_stretch: dict[tuple[Span, Span | None], list[tuple[Run, EmphasisSpan]]] = {}
    for run, added in marked:
        if added is not None:
            by_stretch.setdefault((added.span, added.reference), []).append((run, added))
    out = []
    for group in by_stretch.values():
        run, first = group[0]
        if len(group) > 1:
            style = "+".join(sorted(a.style for _, a in group))
            key = f"{first.status.value}:{style}:{first.span.start}:{first.span.end}:{first.text}"
            evidence = "; ".join(a.evidence for _, a in group)
            first = replace(first, id=_id(capture, key), style=style, evidence=evidence)
        out.append((run, first))
    return out
