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
  of the page, the last passage. A note after unrelated text, mid-page, covers nothing.
- Lost markup: a note that declares added emphasis for a passage with none is reported
  plainly, and where no-break spaces stand in the copy for the reference's ordinary
  spaces (residue rich-text editors leave at the edges of a bold or italic run), the
  stretches they delimit are offered as `probable` emphasis: an inference, with evidence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from rapidfuzz import fuzz

from provenance.align import whole_lines
from provenance.classify import divergence_id
from provenance.extract import Extracted, Run
from provenance.matcher import literal_starts
from provenance.model import Alignment, Divergence, Format, Kind, Passage, PassageKind, Span
from provenance.severity import severity

LOST_MARKUP = "declares added emphasis; markup not present in this capture"
CAPS, STARRED = "caps", "starred"

_BREAK = r"\n(?![ \t]*\n)"
"""A line break that does not end a paragraph: hard-wrapped text breaks runs so."""
_CAPS_GAP = re.compile(
    rf"(?:[^\w\n]{{1,3}}|[^\w\n]{{0,2}}{_BREAK}[^\w\n]{{0,2}})"
    r"(?:(?:\d+|[^\W\d_a-z])[^\w\n]{1,3})*"
)
"""What may stand between two caps words of one run: spaces and punctuation, a line
break inside a paragraph, single capitals and numbers ("DPRK'S", "JULY 4, 2017 ABOUT")."""
_CAPS_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]{2,}(?![^\W\d_])")
"""A `_WORD` of two letters or more with no lower-case ASCII letter (caps, or not yet
told: "ÉTÉ" is, "ÉTé" is not)."""
_STARRED = re.compile(
    r"(?<![\w*])(?P<mark>\*\*?|__?)"
    rf"(?P<words>[^\s*_](?:(?:[^*_\n]|{_BREAK})*?[^\s*_])?)"
    r"(?P=mark)(?![\w*])"
)
"""*Starred*, **double-starred**, _underscored_ or __double-underscored__ words, the
marks plain text keeps from Markdown and mail; a run may cross a line break, not a
blank line."""
_WHAT = (
    r"bold\s+(?:type|face|font)|boldface|bolding|bolded|bold|italics?|italicised|italicized"
    r"|emphasis|emphases|underlining|underlined|highlighting|highlighted|highlights?"
)
_WHOSE = (
    r"added|mine|ours|supplied|in\s+(?:the\s+)?original"
    r"|by\s+(?:the\s+)?(?:editors?|authors?|us|me)"
)
_NOTE = re.compile(
    rf"[(\[]\s*(?P<what>(?:(?:{_WHAT})[\s,/&]*(?:and\s+)?)+?)\s*(?P<whose>{_WHOSE})\s*[)\]]"
    rf"|\b(?P<what2>{_WHAT})(?:\s+(?:in|within|throughout)(?:\s+[\w\u2019'-]+){{1,4}}?)?"
    rf"\s+(?:(?:is|are|has\s+been|have\s+been)\s+)?(?P<whose2>{_WHOSE})\b"
    rf"|\b(?:our|my)\s+(?P<what3>emphasis|italics|bold)\b",
    re.IGNORECASE,
)
_SENTENCE_END = ".!?;\n"


@dataclass(frozen=True, slots=True)
class EmphasisOptions:
    """Reach of notes and of no-break-space residue; defaults checked on the bundled corpus."""

    note_reach: int = 300
    """Most readable characters between the end of a passage and a note that covers it."""
    pair_reach: int = 200
    """Most characters between two no-break spaces read as the two ends of one run."""


class Status(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    PROBABLE = "probable"


@dataclass(frozen=True, slots=True)
class EmphasisSpan:
    """One stretch of emphasis, in original offsets of the capture and the reference."""

    id: str
    span: Span
    text: str
    """The readable text of the run (markup removed, entities decoded)."""
    style: str
    """bold, italic, underline, mark; caps or starred in plain text; for probable runs the
    styles a note declares, joined with "+" (e.g. "bold+italic")."""
    status: Status
    reference: Span | None
    reference_text: str
    evidence: str
    """Why this was reported; for `probable` the residue it is inferred from."""


@dataclass(frozen=True, slots=True)
class EmphasisNote:
    """A declaration such as "(emphasis added)" and the located passage it covers."""

    span: Span
    text: str
    declares: str
    """"added" or "original" ("italics in original")."""
    style: str
    covers: Passage | None
    """The passage the note follows, in original offsets; None when it follows other text."""


@dataclass(frozen=True, slots=True)
class LostMarkup:
    """A note declares added emphasis on a passage whose copy carries none."""

    id: str
    note: EmphasisNote
    message: str
    probable: tuple[EmphasisSpan, ...]


@dataclass(frozen=True, slots=True)
class EmphasisResult:
    spans: tuple[EmphasisSpan, ...]
    """added, removed and probable emphasis, in capture order."""
    notes: tuple[EmphasisNote, ...]
    lost_markup: tuple[LostMarkup, ...]
    divergences: tuple[Divergence, ...]
    """Kind `emphasis`, severity material: emphasis added inside the reference text."""


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
    for alignment in read:
        runs = _plain_runs(capture.text, alignment.passage.copy) if plain else capture.runs
        for run in runs:
            added = _added(reference, capture, alignment, run)
            if added is None:
                continue
            spans.append(added)
            added_at.append(max(run.start, alignment.passage.copy.start))
            if added.reference is not None and added.reference_text.strip():
                found.append(_divergence(capture, added))
        if alignment.passage.kind is not PassageKind.QUOTATION:
            spans.extend(_removed(reference, capture, alignment))
    notes = _notes(reference, capture, [a.passage for a in read], options)
    lost = []
    for note, passage in notes:
        if note.declares != "added" or passage is None:
            continue
        if any(passage.copy.start <= at < passage.copy.end for at in added_at):
            continue
        alignment = next(a for a in read if a.passage == passage)
        probable = _residue(reference, capture, alignment, note.style, options)
        spans.extend(probable)
        key = f"lost-markup:{note.span.start}:{note.span.end}"
        lost.append(LostMarkup(_id(capture, key), note, LOST_MARKUP, tuple(probable)))
    spans.sort(key=lambda s: (s.span.start, s.span.end, s.style))
    return EmphasisResult(
        spans=tuple(spans),
        notes=tuple(n for n, _ in notes),
        lost_markup=tuple(lost),
        divergences=tuple(found),
    )


def _plain_runs(text: str, near: Span | None = None) -> tuple[Run, ...]:
    """Runs of ALL CAPS words (two letters or more) and *starred* words.

    Neither kind crosses a blank line, so with `near` only the paragraphs it touches are
    read (and exactly the runs of the whole text in those paragraphs are found).

    >>> [(text[r.start:r.end], r.style) for text in ["We *must* act NOW, NOT later"]
    ...  for r in _plain_runs(text)]
    [('must', 'starred'), ('NOW, NOT', 'caps')]
    """
    first, last = 0, len(text)
    if near is not None:
        first = text.rfind("\n\n", 0, near.start) + 1
        found = text.find("\n\n", near.end)
        last = len(text) if found < 0 else found
    runs = [
        Run(m.start("words"), m.end("words"), STARRED) for m in _STARRED.finditer(text, first, last)
    ]
    # Only words with no lower-case ASCII letter are read; another word between two caps
    # words puts a letter in the gap, which then cannot join them.
    start = end = -1
    for word in _CAPS_WORD.finditer(text, first, last):
        if not word.group().isupper():
            continue
        if start >= 0 and _CAPS_GAP.fullmatch(text, end, word.start()):
            end = word.end()
            continue
        if start >= 0:
            runs.append(Run(start, end, CAPS))
        start, end = word.start(), word.end()
    if start >= 0:
        runs.append(Run(start, end, CAPS))
    return tuple(sorted(runs, key=lambda r: (r.start, r.end)))


def _added(
    reference: Extracted, capture: Extracted, alignment: Alignment, run: Run
) -> EmphasisSpan | None:
    passage = alignment.passage
    a, b = max(run.start, passage.copy.start), min(run.end, passage.copy.end)
    while a < b and capture.text[a].isspace():
        a += 1
    while b > a and capture.text[b - 1].isspace():
        b -= 1
    if a >= b:
        return None
    ra, rb = _to_reference(alignment, (capture.text, reference.text), a, b)
    ref_text = reference.text[ra:rb]
    if not _letters(ref_text) and _set_apart(capture.text, reference.text, alignment, a):
        return None  # a caption, a byline, a link box: the page's own lines, not the text
    if (
        _letters(ref_text)  # on words only the copy has: emphasis added to inserted text
        and fuzz.ratio(_letters(capture.text[a:b]), _letters(ref_text)) < _SAME_WORDS
        and _shared(capture.text, alignment, a, b) < _SHARED_LEAST
    ):
        return None  # other words ("READ MORE" where a line is dropped): not its emphasis
    if run.style == CAPS:
        if ref_text.isupper() or not any(c.isalpha() for c in ref_text):
            return None  # the reference has these capitals (an acronym, a heading)
        evidence = "ALL CAPS where the reference has lower case"
    elif run.style == STARRED:
        if reference.text[max(0, ra - 1) : ra] == "*" and reference.text[rb : rb + 1] == "*":
            return None
        evidence = "*starred* in the copy, not in the reference"
    else:
        if _covered(reference.runs, run.style, ra, rb):
            return None  # the reference has the same emphasis here
        evidence = f"{run.style} markup in the copy, not in the reference"
    return _span(reference, capture, Status.ADDED, run.style, a, b, ra, rb, evidence)


def _set_apart(text: str, reference: str, alignment: Alignment, at: int) -> bool:
    """True when the copy's insertion holding `at` (an edit whose reference side is at
    most spaces) is whole lines of its own."""
    edit = next((e for e in alignment.edits if e.copy.start <= at < e.copy.end), None)
    if edit is None or edit.tag == "equal" or edit.reference.of(reference).strip():
        return False
    return whole_lines(text, edit.copy)


def _letters(text: str) -> str:
    """The words of `text` in lower case, single-spaced: what capitals leave the same."""
    return " ".join(_NON_WORD.split(text.casefold())).strip()


_NON_WORD = re.compile(r"\W+")
_SAME_WORDS = 80
"""Least rapidfuzz ratio of emphasised words to the reference's words there (both in
lower case) that makes them its words emphasised: a spelling variant ("NEIGHBORS")
still is, a line of other words standing where the copy drops one is not."""


_SHARED_LEAST = 1 / 3
"""Least share of a run's letters the alignment finds equal in the reference that makes
it the reference's words, some changed ("<u>legitimate concerns</u>" for "justified
concerns"), when their wording as a whole differs too much for `_SAME_WORDS`."""


def _shared(text: str, alignment: Alignment, a: int, b: int) -> float:
    """Share of the letters and digits of text[a:b] inside `equal` edits."""
    letters = sum(c.isalnum() for c in text[a:b])
    equal = sum(
        c.isalnum()
        for edit in alignment.edits
        if edit.tag == "equal" and edit.copy.start < b and a < edit.copy.end
        for c in text[max(a, edit.copy.start) : min(b, edit.copy.end)]
    )
    return equal / letters if letters else 0.0


def _removed(reference: Extracted, capture: Extracted, alignment: Alignment) -> list[EmphasisSpan]:
    """Reference emphasis inside the passage that the copy does not carry."""
    if capture.document.format is Format.TEXT:
        return []  # plain text cannot carry markup; its loss is not the copy's doing
    passage = alignment.passage
    out = []
    for run in reference.runs:
        ra, rb = max(run.start, passage.reference.start), min(run.end, passage.reference.end)
        if ra >= rb:
            continue
        a, b = _to_copy(alignment, (capture.text, reference.text), ra, rb)
        if _covered(capture.runs, run.style, a, b):
            continue
        out.append(
            _span(
                reference,
                capture,
                Status.REMOVED,
                run.style,
                a,
                b,
                ra,
                rb,
                f"{run.style} in the reference, not in the copy",
            )
        )
    return out


def _covered(runs: Sequence[Run], style: str, start: int, end: int) -> bool:
    """True when runs of `style` cover at least half of [start, end)."""
    if end <= start:
        return False
    inside = sum(max(0, min(r.end, end) - max(r.start, start)) for r in runs if r.style == style)
    return inside * 2 >= end - start


def _to_reference(
    alignment: Alignment, texts: tuple[str, str], start: int, end: int
) -> tuple[int, int]:
    """Reference range aligned with the copy range [start, end) (readable offsets);
    `texts` are the readable texts of the copy and the reference."""
    return (
        _project(alignment, texts, start, start=True, to_reference=True),
        _project(alignment, texts, end, start=False, to_reference=True),
    )


def _to_copy(alignment: Alignment, texts: tuple[str, str], start: int, end: int) -> tuple[int, int]:
    return (
        _project(alignment, texts, start, start=True, to_reference=False),
        _project(alignment, texts, end, start=False, to_reference=False),
    )


def _project(
    alignment: Alignment, texts: tuple[str, str], at: int, *, start: bool, to_reference: bool
) -> int:
    copy_text, reference_text = texts
    for edit in alignment.edits:
        here, there = (edit.copy, edit.reference) if to_reference else (edit.reference, edit.copy)
        inside = here.start <= at < here.end if start else here.start < at <= here.end
        if not inside:
            continue
        if edit.tag == "equal":
            return there.start + (at - here.start)
        if edit.tag == "replace":
            # One replace may hold several words ("CONCERNS VIA DIALOGUE" for "concerns
            # via dialogue", "seriusly" for "seriously"): inside it, follow the letters
            # both readings share, so a run that starts or ends in it keeps its own words.
            pair = (copy_text, reference_text) if to_reference else (reference_text, copy_text)
            return there.start + _inside(
                here.of(pair[0]), there.of(pair[1]), at - here.start, start=start
            )
        return there.start if start else there.end
    edges = alignment.passage.reference if to_reference else alignment.passage.copy
    return edges.start if start else edges.end


_INSIDE_MOST = 4000
"""Longest reading whose letters are aligned one by one inside a replace (a longer one
projects to its edges, as a deletion or insertion does)."""


def _inside(here: str, there: str, at: int, *, start: bool) -> int:
    """Where offset `at` of `here` falls in `there`, two readings of one replace edit.

    >>> _inside("SERIUSLY WORRIED", "seriously worried", 9, start=True)
    10
    >>> _inside("grave", "serious", 5, start=False)
    7
    """
    if at <= 0:
        return 0
    if at >= len(here):
        return len(there)
    if max(len(here), len(there)) > _INSIDE_MOST:
        return 0 if start else len(there)
    # autojunk=False: letters frequent in a long reading must still be matched.
    blocks = SequenceMatcher(None, _folded(here), _folded(there), autojunk=False)
    matched = [b for b in blocks.get_matching_blocks() if b.size]
    if start:
        for a, b, size in matched:
            if at < a + size:
                return b + max(0, at - a)
        return len(there)
    for a, b, size in reversed(matched):
        if at > a:
            return b + min(size, at - a)
    return 0


def _folded(text: str) -> list[str]:
    """One lower-case character for each character of `text` (its length kept)."""
    return [c if len(c.lower()) != 1 else c.lower() for c in text]


def _span(
    reference: Extracted,
    capture: Extracted,
    status: Status,
    style: str,
    a: int,
    b: int,
    ra: int,
    rb: int,
    evidence: str,
) -> EmphasisSpan:
    span = capture.span(a, b)
    text = capture.text[a:b]
    ref_span = reference.span(ra, rb)
    key = f"{status.value}:{style}:{span.start}:{span.end}:{text}"
    return EmphasisSpan(
        id=_id(capture, key),
        span=span,
        text=text,
        style=style,
        status=status,
        reference=ref_span,
        reference_text=reference.text[ra:rb],
        evidence=evidence,
    )


def _id(capture: Extracted, key: str) -> str:
    digest = hashlib.sha256(f"{capture.document.sha256}\x1f{key}".encode()).hexdigest()
    return "e-" + digest[:16]


def _divergence(capture: Extracted, span: EmphasisSpan) -> Divergence:
    assert span.reference is not None
    return Divergence(
        id=divergence_id(
            capture.document.sha256,
            Kind.EMPHASIS,
            span.reference,
            span.span,
            span.reference_text,
            span.text,
        ),
        witness=capture.document.id,
        kind=Kind.EMPHASIS,
        severity=severity("divergence", Kind.EMPHASIS),
        reference=span.reference,
        copy=span.span,
        reference_text=span.reference_text,
        copy_text=span.text,
        note=f"{span.style} added by the copy",
    )


def _notes(
    reference: Extracted, capture: Extracted, passages: Sequence[Passage], options: EmphasisOptions
) -> list[tuple[EmphasisNote, Passage | None]]:
    """Every emphasis note, with the passage (readable offsets) it covers."""
    out: list[tuple[EmphasisNote, Passage | None]] = []
    claimed_after: set[Passage] = set()
    for match in _note_matches(capture.text):
        what = match.group("what") or match.group("what2") or match.group("what3") or ""
        whose = match.group("whose") or match.group("whose2") or "mine"
        start, end = match.span()
        covers = next((p for p in passages if p.copy.start <= start < p.copy.end), None)
        if covers is None:
            before = [p for p in passages if p.copy.end <= start]
            nearest = max(before, key=lambda p: p.copy.end, default=None)
            if (
                nearest is not None
                and start - nearest.copy.end <= options.note_reach
                and nearest not in claimed_after
            ):
                covers = nearest
                claimed_after.add(nearest)
        if covers is None:
            covers = _introduced(capture.text, passages, end) or _closing(
                capture.text, passages, start, end, claimed_after
            )
        note = EmphasisNote(
            span=capture.span(start, end),
            text=capture.text[start:end],
            declares="original" if "original" in whose.lower() else "added",
            style=_declared_style(what),
            covers=None if covers is None else _original_passage(reference, capture, covers),
        )
        out.append((note, covers))
    return out


def _introduced(text: str, passages: Sequence[Passage], end: int) -> Passage | None:
    """The passage a note introduces: the one that starts right after the sentence the
    note ends ("The full text follows (emphasis ours):", "It reads, with emphasis added:")."""
    after = [p for p in passages if p.copy.start >= end]
    following = min(after, key=lambda p: p.copy.start, default=None)
    if following is None or text[end : following.copy.start].strip(_LEAD_IN):
        return None
    return following


_LEAD_IN = " \t\r\n\u00a0.:;,)]\u2014-"
"""What may stand between a note that introduces a passage and the passage."""
_STANDALONE = 160
"""Longest last paragraph read as a note on the whole page ("Emphasis added throughout.")."""


def _closing(
    text: str, passages: Sequence[Passage], start: int, end: int, claimed: set[Passage]
) -> Passage | None:
    """The passage a note ending the page covers: a short last paragraph of its own
    ("Editor\u2019s note: bold type added by the editors.") covers the page's last passage
    that no note follows already."""
    first = text.rfind("\n\n", 0, start) + 1
    if text[end:].strip() or len(text[first:].strip()) > _STANDALONE:
        return None
    before = [p for p in passages if p.copy.end <= start and p not in claimed]
    last = max(before, key=lambda p: p.copy.end, default=None)
    if last is not None:
        claimed.add(last)
    return last


_NOTE_WORDS = ("bold", "italic", "emphas", "underlin", "highlight")
"""Every note holds one of these (lower case)."""
_ODD_CASES = "\u017f\u212a\u0131\u0130"
"""Characters that match an ASCII letter of a note case-insensitively without lowering to it."""


def _note_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_NOTE.finditer(text)`, trying the pattern only near its words.

    A note starts at most a bracket or "our"/"my" and spaces before its first word, so
    the pattern is tried only at those few places before each word, found by Hyperscan
    in either case of ASCII letters: the only other letters the pattern takes for them
    are `_ODD_CASES`, and a text holding one is read whole.
    """
    if any(c in text for c in _ODD_CASES):
        yield from _NOTE.finditer(text)
        return
    words = literal_starts(text, _NOTE_WORDS, caseless=True)
    at = 0
    for word in words:
        if word < at:
            continue
        first = word
        while first > at and text[first - 1].isspace():
            first -= 1
        for start in range(max(at, first - 4), word + 1):
            match = _NOTE.match(text, start)
            if match is not None:
                yield match
                at = match.end()
                break


def _original_passage(reference: Extracted, capture: Extracted, passage: Passage) -> Passage:
    return Passage(
        passage.kind,
        capture.span(passage.copy.start, passage.copy.end),
        reference.span(passage.reference.start, passage.reference.end),
        passage.score,
    )


def _declared_style(what: str) -> str:
    """ "bold italics " -> "bold+italic"; unspecified emphasis -> "emphasis"."""
    what = what.lower()
    styles = [
        name
        for name, stem in (
            ("bold", "bold"),
            ("italic", "italic"),
            ("underline", "underlin"),
            ("mark", "highlight"),
        )
        if stem in what
    ]
    return "+".join(styles) or "emphasis"


def _residue(
    reference: Extracted,
    capture: Extracted,
    alignment: Alignment,
    style: str,
    options: EmphasisOptions,
) -> list[EmphasisSpan]:
    """Probable emphasis delimited by no-break spaces where the reference has a space."""
    text = capture.text
    marks: list[int] = []
    for edit in alignment.edits:
        if edit.tag != "replace":
            continue
        copy_text, ref_text = edit.copy.of(text), edit.reference.of(reference.text)
        if "\u00a0" in copy_text and ref_text and ref_text.isspace() and "\u00a0" not in ref_text:
            marks.extend(edit.copy.start + i for i, c in enumerate(copy_text) if c == "\u00a0")
    out = []
    k = 0
    while k < len(marks):
        here = marks[k]
        there = marks[k + 1] if k + 1 < len(marks) else -1
        if (
            there > here
            and there - here <= options.pair_reach
            and not any(c in _SENTENCE_END for c in text[here + 1 : there])
        ):
            a, b = here + 1, there
            evidence = (
                f"inferred, not marked: no-break spaces at {_where(capture, here)} and "
                f"{_where(capture, there)} where the reference has ordinary spaces; "
                "rich-text editors leave them where a bold or italic run begins and ends"
            )
            k += 2
        else:
            a, b = _sentence_start(text, here), _sentence_end(text, here + 1)
            evidence = (
                f"inferred, not marked: a no-break space at {_where(capture, here)} where the "
                "reference has an ordinary space; a bold or italic run began or ended there, "
                "its extent is not recorded, so this is the sentence on either side"
            )
            k += 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            ra, rb = _to_reference(alignment, (capture.text, reference.text), a, b)
            out.append(_span(reference, capture, Status.PROBABLE, style, a, b, ra, rb, evidence))
    return out


def _where(capture: Extracted, at: int) -> int:
    return capture.span(at, at + 1).start


def _sentence_start(text: str, at: int) -> int:
    """Start of the sentence that ends at or just before `at`."""
    k = at - 1
    while k > 0 and text[k] in " \u00a0":
        k -= 1
    k -= 1  # step over the text just before the mark (it may end a sentence)
    while k >= 0 and text[k] not in _SENTENCE_END:
        k -= 1
    return k + 1


def _sentence_end(text: str, at: int) -> int:
    k = at
    while k < len(text) and text[k] not in _SENTENCE_END:
        k += 1
    return min(len(text), k + 1) if k < len(text) and text[k] != "\n" else k
