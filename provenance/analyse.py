"""Run the stages over a reference and its captures: locate -> align -> classify."""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import lru_cache, partial
from typing import Any, TypeVar, cast

from provenance.align import align, align_texts
from provenance.classify import ELLIPSIS_BEFORE, divergence_id, paywall, reclassified
from provenance.classify import classify as classify_alignment
from provenance.corpus import Corpus
from provenance.emphasis import (
    CAPS,
    STARRED,
    EmphasisNote,
    EmphasisSpan,
    LostMarkup,
    Status,
    emphasis,
)
from provenance.errors import Failure
from provenance.extract import Extracted, extract
from provenance.locate import LocateOptions, PreparedReference, locate, prepare, shares_seed
from provenance.model import (
    Alignment,
    Divergence,
    Document,
    Edit,
    Format,
    Kind,
    Passage,
    PassageKind,
    Span,
)
from provenance.moves import align_copy, structure
from provenance.normalise import WITHOUT_INVISIBLE
from provenance.quotes.brackets import ANTECEDENT, changes_words
from provenance.quotes.ladder import prepare_quotes
from provenance.quotes.verdicts import Quotation, QuoteOptions, QuoteVerdict, check_quotes
from provenance.quotes.words import authors
from provenance.spanindex import SpanIndex

Progress = Callable[[int, int], None]
"""Told (items done, items in all) as a batch goes, e.g. to draw a progress bar."""

Stage = Callable[[Document, str], None]
"""Told (capture, stage) as a capture enters each stage: "extract", "locate", "align",
"quotations", "emphasis"; one stage of a big capture can take a while."""


@dataclass(frozen=True, slots=True)
class SourceResult:
    """Everything found in one capture."""

    document: Document
    passages: tuple[Passage, ...]
    alignments: tuple[Alignment, ...]
    divergences: tuple[Divergence, ...]
    quotes: tuple[Quotation, ...] = ()
    """Every quotation in the capture with its verdict (see provenance.quotes)."""
    emphasis: tuple[EmphasisSpan, ...] = ()
    """Emphasis added, removed or probably added by the copy (see `provenance.emphasis`)."""
    emphasis_notes: tuple[EmphasisNote, ...] = ()
    lost_markup: tuple[LostMarkup, ...] = ()
    extracted: Extracted | None = None
    """The readable text the engine compared, when the capture is HTML or Markdown."""
    readable_alignments: tuple[Alignment, ...] = ()
    """When the capture or the reference is HTML or Markdown: the alignments in readable
    offsets on both sides, as the engine compared them, which the collation compares:
    markup is no reading."""


@dataclass(frozen=True, slots=True)
class Analysis:
    reference: Document
    sources: tuple[SourceResult, ...]
    failures: tuple[Failure, ...] = ()
    """Captures left out of a `keep_going` batch: unreadable, or failed to analyse."""

    def source(self, source_id: str) -> SourceResult:
        return next(s for s in self.sources if s.document.id == source_id)


def analyse(
    reference: Document,
    captures: Iterable[Document],
    *,
    options: LocateOptions = LocateOptions(),
    keep_going: bool = False,
    failures: Iterable[Failure] = (),
    progress: Progress | None = None,
    stage: Stage | None = None,
) -> Analysis:
    """Locate, align and classify every capture against `reference`.

    HTML and Markdown are compared on their readable text (see `provenance.extract`);
    every span is then mapped back, so spans always index the original files. The
    readings (`reference_text`, `copy_text`) are the readable text of those spans:
    for plain text exactly the original slice, for HTML and Markdown the slice with
    markup removed and entities decoded.

    Args:
        keep_going: A capture that fails (our error, or a bug: its traceback is logged)
            becomes one `Failure` and the batch goes on; without it the error propagates.
        failures: Captures already left out (unreadable), carried into the result.
        progress: Told (captures done, captures in all) before the first and after each.
        stage: Told each stage of each capture as it starts.
    """
    analyser = Analyser.of(reference, options=options)
    sources: list[SourceResult] = []
    failed = list(failures)
    captures = list(captures)
    for done, capture in enumerate(captures):
        if progress is not None:
            progress(done, len(captures))
        try:
            sources.append(analyser.source_told(capture, stage))
        except Exception as error:
            if not keep_going:
                raise
            failed.append(Failure.of(capture.path, error))
    if progress is not None:
        progress(len(captures), len(captures))
    return Analysis(reference=reference, sources=tuple(sources), failures=tuple(failed))


@dataclass(frozen=True, slots=True)
class Analyser:
    """A reference read and indexed once, ready for any number of captures.

    `analyse` uses one for a batch; the review UI and the CI gate keep one and analyse
    captures one at a time, so the reference is never prepared twice.
    """

    reference: Document
    readable: Extracted
    """The reference's readable text (itself, for plain text)."""
    prepared: PreparedReference
    options: LocateOptions

    @classmethod
    def of(cls, reference: Document, *, options: LocateOptions = LocateOptions()) -> Analyser:
        readable = extract(reference)
        prepared = prepare(readable.view(), seed_words=options.seed_words)
        prepare_quotes(prepared.document)
        return cls(reference, readable, prepared, options)

    def source(
        self,
        capture: Document,
        *,
        stage: Stage | None = None,
        screen_words: int = 0,
        attributed_only: bool = False,
    ) -> SourceResult:
        """Locate, align, classify, check emphasis and quotations in one capture.

        `stage` is told each stage as it starts (a progress bar). With `screen_words` and
        no passage found, the quotations are only screened (`QuoteOptions.screen_words`):
        those found verbatim or altered are as in a full analysis, the rest are left
        unjudged. A caller that finds one of them worth reporting analyses the capture
        again without it. With `attributed_only`, quotations that can be neither
        attributed to the reference nor unterminated may be left unjudged too
        (`QuoteOptions.attributed_only`): what a scan's hit lists is as in a full analysis.
        """
        return _source(
            self.readable,
            self.prepared,
            capture,
            options=self.options,
            stage=stage,
            screen_words=screen_words,
            attributed_only=attributed_only,
        )

    def source_told(self, capture: Document, stage: Stage | None) -> SourceResult:
        """`source`, telling `stage` only when someone listens: callers (and tests) that
        stand in for `source` with the one-argument form keep working."""
        return self.source(capture) if stage is None else self.source(capture, stage=stage)


def compare(reference: Document, copy: Document) -> Analysis:
    """Align two whole documents (no locating, no quotations) and classify, as `diff` does.

    HTML and Markdown are read as in `analyse`, and every span maps back to the originals.
    """
    reference_readable = extract(reference)
    prepared = prepare(reference_readable.view())
    source = _source(reference_readable, prepared, copy, options=LocateOptions(), whole=True)
    return Analysis(reference=reference, sources=(source,))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for one capture's analysis.

    An analysis builds millions of small objects and no reference cycle (tests/
    test_analyse.py), so every collection during it walks the live objects and frees
    nothing: 9% of a 64 MB capture's analysis, and more the longer the capture
    (benchmarks/README.md). Reference counting frees everything as before. The collector
    runs again afterwards, unless the caller had paused it.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def _furniture_read(prepared: PreparedReference, text: str) -> bool:
    """Whether a page-furniture element's readable `text` is read (see `_source`)."""
    return shares_seed(prepared, text) or paywall(text)


@_collector_paused()
def _source(
    reference_readable: Extracted,
    prepared: PreparedReference,
    capture: Document,
    *,
    options: LocateOptions,
    whole: bool = False,
    stage: Stage | None = None,
    screen_words: int = 0,
    attributed_only: bool = False,
) -> SourceResult:
    """Locate (or take the whole text), align, classify, check emphasis and quotations."""
    told = stage or _untold
    reference_view = prepared.document
    told(capture, "extract")
    # Page furniture (a sidebar, an article's footer) is read where it shares a seed with
    # the reference: the statement is found wherever the page shows it, and a menu or a
    # weather box, which can hold no part of a copy, stays aside (listed in the report).
    # A paywall's box is read too: it says where the site cut a copy off (a truncation).
    readable = extract(capture, furniture=partial(_furniture_read, prepared))
    view = readable.view()
    view_passages: tuple[Passage, ...]
    if whole:
        spans = Span(0, len(view.text)), Span(0, len(reference_view.text))
        view_passages = (Passage(PassageKind.FULL, *spans, 100.0),)
    else:
        told(capture, "locate")
        view_passages = tuple(locate(prepared, view, options=options, quoted=readable.quoted))
    passages = view_passages
    told(capture, "align")
    alignments: tuple[Alignment, ...]
    if whole and _lopsided(reference_view.text, view.text):
        alignments = (_whole_alignment(prepared, view, view_passages[0], options),)
    else:
        alignments = tuple(align_copy(reference_view, view, p) for p in passages)
    found = [d for a in alignments for d in classify_alignment(reference_view, view, a)]
    found = structure(reference_view, view, passages, found, captions=readable.captions)
    found = _without_quoting_case(view.text, passages, found)
    found = _brackets_judged(reference_view, view, found)
    quotes: tuple[Quotation, ...] = ()
    if not whole:
        told(capture, "quotations")
        screening = QuoteOptions(
            screen_words=screen_words if not view_passages else 0, attributed_only=attributed_only
        )
        quotes = tuple(
            check_quotes(
                prepared,
                view,
                view_passages,
                options=screening,
                quoted=readable.quoted,
                credits=readable.credits,
                divergences=found,
            )
        )
    told(capture, "emphasis")
    quoted = _quoted(reference_view, view, quotes, view_passages)
    moved = _moved(reference_view, view, found)
    marked = emphasis(reference_readable, readable, alignments + moved, quoted=quoted)
    mapped = not (readable.identity and reference_readable.identity)
    readable_alignments = alignments if mapped else ()
    if mapped:
        passages, alignments = _to_original((passages, alignments), reference_readable, readable)
        found = list(_to_original(tuple(found), reference_readable, readable))
        quotes = _to_original(quotes, reference_readable, readable)
    if capture.format is Format.MARKDOWN:
        fences = _fences(capture.text)
        found = [d for d in found if not _soft_break(capture.text, d, fences)]
    found = _without_rows_of_emphasis(found, marked.spans, capture)
    found = _notes_as_editorial(found, marked.notes, capture)
    found.extend(marked.divergences)
    found.sort(key=lambda d: (d.copy.start, d.copy.end, d.reference.start))
    # One row for one difference: a paragraph moved between passages that print the
    # statement again and again (a page of shuffled copies) was paired as a move once from
    # each side, the same reordering listed two to nine times.
    found = list({(d.kind, d.copy, d.reference): d for d in found}.values())
    return SourceResult(
        capture,
        passages,
        alignments,
        tuple(found),
        quotes=quotes,
        emphasis=marked.spans,
        emphasis_notes=marked.notes,
        lost_markup=marked.lost_markup,
        extracted=None if readable.identity else readable,
        readable_alignments=readable_alignments,
    )


def _moved(
    reference: Document, capture: Document, found: list[Divergence]
) -> tuple[Alignment, ...]:
    """Each stretch `structure` read as moved, aligned with the reference's where the copy
    prints it: the emphasis stage reads it as a passage of its own (in the passage's own
    alignment its words are an insertion, and a bold "in Moscow" in a paragraph the copy
    moved to its top went unreported)."""
    return tuple(
        align(reference, capture, Passage(PassageKind.EXCERPT, d.copy, d.reference, 100.0))
        for d in found
        if d.kind is Kind.REORDERING and d.copy and d.reference
    )


def _lopsided(reference: str, copy: str) -> bool:
    """Whether a whole copy is so much longer than the reference that a diff of the two
    would spend its time on what the copy adds: a page holding the statement (`diff` of
    the statement and a 4 MB page took 16.7 s, the diff's time growing with the product
    of the two lengths)."""
    return len(copy) > _LOPSIDED_MIN and len(copy) > _LOPSIDED * len(reference)


_LOPSIDED = 4
_LOPSIDED_MIN = 100_000
"""A copy longer than both (characters, times the reference's) is `_lopsided`."""


def _whole_alignment(
    prepared: PreparedReference, view: Document, passage: Passage, options: LocateOptions
) -> Alignment:
    """The whole reference aligned with the stretch of a lopsided copy that holds it, from
    the first passage `locate` finds to the last; the copy's text before and after that
    stretch is one insertion each, as the whole diff reports it. A copy holding none of
    the reference replaces it whole."""
    reference = prepared.document.text
    found = locate(prepared, view, options=options)
    end_ref, end_copy = len(reference), len(view.text)
    if not found:
        edit = Edit("replace", Span(0, end_ref), Span(0, end_copy))
        return Alignment(passage, (edit,))
    start, end = min(p.copy.start for p in found), max(p.copy.end for p in found)
    inner = align_texts(reference, view.text[start:end], copy_offset=start)
    edits = [Edit("insert", Span(0, 0), Span(0, start)), *inner]
    edits.append(Edit("insert", Span(end_ref, end_ref), Span(end, end_copy)))
    merged: list[Edit] = []
    for edit in edits:
        if not edit.reference and not edit.copy:
            continue
        last = merged[-1] if merged else None
        if last is not None and last.tag == edit.tag == "insert":
            merged[-1] = Edit("insert", last.reference, Span(last.copy.start, edit.copy.end))
        else:
            merged.append(edit)
    return Alignment(passage, tuple(merged))


def _without_rows_of_emphasis(
    found: list[Divergence], spans: tuple[EmphasisSpan, ...], capture: Document
) -> list[Divergence]:
    """`found` less the rows that emphasis the copy added accounts for, so that one edit
    is one finding: the case change of capitals ("THE PARTIES OPPOSE" is emphasis added,
    not also a change of case), and the marks of a `*starred*` (or `_underscored_`)
    emphasis in plain text (not also two footnote markers or a punctuation change). A row
    whose copy also holds invisible characters ("DENUCLEAR\u00adISATION") is what they
    are, an invisible one, and a row running on past the emphasis over spaces the copy
    has otherwise (no-break ones throughout) a whitespace one: the emphasis accounts for
    the rest of it only."""
    added = [(set(s.style.split("+")), s.span) for s in spans if s.status is Status.ADDED]
    caps = [span for styles, span in added if CAPS in styles]
    starred = [span for styles, span in added if STARRED in styles]
    if not caps and not starred:
        return found
    # Found by place: every divergence asking every span is quadratic on a page of many
    # copies (400 copies with stars: 33 million tests, 6 s). A starred span's reach takes
    # in its marks, two characters each side (never before the text's start).
    caps_at = SpanIndex(caps)
    starred_at = SpanIndex([Span(max(0, c.start - 2), c.end + 2) for c in starred])

    def explained(d: Divergence) -> bool:
        if d.kind is Kind.CASE:
            # (the row may take in the line break after the capitals: "DAMAGE\n")
            text = d.copy_text
            start = d.copy.start + len(text) - len(text.lstrip())
            end = d.copy.end - (len(text) - len(text.rstrip()))
            if caps_at.around(start, max(start, end)):
                return True
        touches = bool(starred_at.around(d.copy.start, d.copy.end))
        unmarked = _unstarred(d.copy_text).translate(WITHOUT_INVISIBLE)
        marks_only = _spaced(unmarked) == _spaced(d.reference_text)
        return bool(d.copy_text) and touches and marks_only

    def unemphasised(d: Divergence) -> str | None:
        """The row's copy text with the capitals and stars of the emphasis it overlaps
        undone, where it is longer than they are (a copy whose spaces are all no-break
        ones is one row over the whole stretch); None where it overlaps none."""
        start = d.copy.start
        if d.kind not in _MARKS_OF_EMPHASIS or len(d.copy_text) != d.copy.end - start:
            return None  # (a move is no mark; a reading of markup is not the file's
            # characters one for one)
        over_caps = caps_at.overlapping(start, d.copy.end)
        if not (over_caps or starred_at.overlapping(start, d.copy.end)):
            return None
        text = list(d.copy_text)
        for span in over_caps:
            for k in range(max(span.start, start), min(span.end, d.copy.end)):
                text[k - start] = text[k - start].lower()
        return _unstarred("".join(text))

    note = "differs only in invisible characters (and the emphasis the copy added)"
    spaced = "differs only in spaces or line breaks (and the emphasis the copy added)"
    out = []
    for d in found:
        if not explained(d):
            undone = unemphasised(d)
            if undone is None or _spaced(undone) != _spaced(d.reference_text):
                out.append(d)
            elif undone != d.reference_text:
                out.append(reclassified(d, capture.sha256, Kind.WHITESPACE, note=spaced))
        elif d.copy_text != d.copy_text.translate(WITHOUT_INVISIBLE):
            # (without the stars or underscores the emphasis row has for its marks)
            text = d.copy_text
            if text.strip("*_") != text and len(text) == d.copy.end - d.copy.start:
                start = d.copy.start + len(text) - len(text.lstrip("*_"))
                end = max(start, d.copy.end - (len(text) - len(text.rstrip("*_"))))
                d = replace(d, copy=Span(start, end), copy_text=capture.text[start:end])
            out.append(reclassified(d, capture.sha256, Kind.INVISIBLE, note=note))
    return out


_MARKS_OF_EMPHASIS = frozenset({Kind.CASE, Kind.PUNCTUATION, Kind.FOOTNOTE})
"""The kinds a row over capitals or stars takes from them (and the spaces around)."""


def _unstarred(text: str) -> str:
    """`text` without the stars and underscores plain-text emphasis is marked with."""
    return text.replace("*", "").replace("_", "")


def _spaced(text: str) -> str:
    """`text` with each run of white space (and an e-mail's "> " opening a line within it)
    one space: a starred emphasis's mark at a line's end ("damage_\\n") is its mark and
    the line break the copy has for a space."""
    return " ".join(_QUOTED_LINE_BREAK.sub(" ", text).split())


_QUOTED_LINE_BREAK = re.compile(r"\n[ \t]*(?:>[ \t]*)*")


def _notes_as_editorial(
    found: list[Divergence], notes: tuple[EmphasisNote, ...], capture: Document
) -> list[Divergence]:
    """`found` with each insertion that is only a note on the copy's emphasis ("(emphasis
    mine)" at a paragraph's end, inside the copy) an `editorial` row: the copier's note
    on their own markup, the same analysis reading it as the note that declares the
    emphasis, and no words put in the statement's mouth (a material insertion before)."""
    if not notes:
        return found
    out = []
    for d in found:
        note = next(
            (n for n in notes if d.copy.start <= n.span.start < n.span.end <= d.copy.end), None
        )
        if d.kind in _NOTED and note is not None and _only(d.copy_text, note.text):
            d = reclassified(
                d, capture.sha256, Kind.EDITORIAL, note="the copy's note on its emphasis"
            )
        out.append(d)
    return out


_NOTED = frozenset({Kind.INSERTION, Kind.EDITORIAL})
"""Kinds a note on emphasis may be read as: words inserted, or a bracket ("[bold ours]")."""


def _only(reading: str, note: str) -> bool:
    """Whether `reading` is `note` with at most spaces, brackets and stops around it."""
    head, _, tail = reading.partition(note)
    return not (head + tail).strip(" \t\n\u00a0()[].,;:")


_OPENING_MARKS = frozenset("\"\u201c\u201e\u00ab\u2018\u201a\u2039'")


def _brackets_judged(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """`found` with each editorial bracket that changes the statement's words (not a gloss
    of a pronoun, of a referring phrase or of a party by another of its names) read as
    the substitution it is: "[The United States and its allies]" for "Other states" was
    an editor's mark, minor, in a copy, as it is no longer in a quotation
    (`quotes.brackets`)."""
    if not any(d.kind is Kind.EDITORIAL and "[" in d.copy_text for d in found):
        return found
    authors = _authors(reference.text)
    note = "a bracket that changes the statement's words, not a gloss of them"
    out = []
    for d in found:
        if d.kind is Kind.EDITORIAL and "[" in d.copy_text:
            before = reference.text[max(0, d.reference.start - ANTECEDENT) : d.reference.start]
            if changes_words(d.copy_text, d.reference_text, before, authors):
                d = reclassified(d, capture.sha256, Kind.SUBSTITUTION, note=note)
        out.append(d)
    return out


@lru_cache(maxsize=4)
def _authors(text: str) -> frozenset[str]:
    return authors(text)


def _without_quoting_case(
    text: str, passages: tuple[Passage, ...], found: list[Divergence]
) -> list[Divergence]:
    """`found` less the change of case at the first word of a passage that opens a
    quotation: running the statement's sentence into the page's own ("add that “any
    possibility …”") lowers its capital, or raises a first word to open a sentence. That
    is the quoting, not an edit of the statement (issue 11, pattern 5)."""
    firsts = {p.copy.start for p in passages if _after_opening_mark(text, p.copy.start)}
    if not firsts:
        return found
    return [d for d in found if not (d.kind is Kind.CASE and d.copy.start in firsts)]


def _soft_break(text: str, found: Divergence, fences: list[int]) -> bool:
    """Whether `found` is a Markdown source's line break inside a paragraph, where the
    reference has a space: a soft break, which a renderer draws as a space (as a browser
    does a line break inside an HTML <p>), so the reader sees the reference's spacing. A
    hard break (two spaces or a backslash ending the line) draws a line break, and so does
    any line break in a code block (fenced, `fences` the starts of its fence lines, or
    indented): those stay. A wrapped source was a cosmetic whitespace divergence a line."""
    if found.kind is not Kind.WHITESPACE or found.reference_text != " ":
        return False
    if found.copy_text.strip(" \t") != "\n":
        return False
    at = found.copy.start
    if text.endswith(("  ", "\\"), 0, at) or bisect_right(fences, at) % 2:
        return False
    line = text.rfind("\n", 0, at) + 1
    return not (_CODE_INDENT.match(text, line) and _CODE_INDENT.match(text, found.copy.end))


def _fences(text: str) -> list[int]:
    """Where each line fencing a Markdown code block starts (```, ~~~), in order: a place
    after an odd number of them is inside a block."""
    return [m.start() for m in _FENCE.finditer(text)]


_FENCE = re.compile(r"^[ ]{0,3}(?:```|~~~)", re.MULTILINE)
_CODE_INDENT = re.compile(r"(?:[ ]{4}|\t)")
"""A Markdown line indented as code (four spaces or a tab)."""


def _after_opening_mark(text: str, at: int) -> bool:
    """Whether an opening quotation mark, maybe with spaces and an ellipsis after it
    ("“...the Parties express”": the quoter's cut of the sentence's head), comes before
    `at`."""
    k = at - 1
    while k >= 0 and text[k] in " \u00a0\u202f":
        k -= 1
    cut = ELLIPSIS_BEFORE.search(text, max(0, k - 8), k + 1)
    if cut is not None:
        k = cut.start() - 1
        while k >= 0 and text[k] in " \u00a0\u202f":
            k -= 1
    return k >= 0 and text[k] in _OPENING_MARKS


_HOLDS_ITS_WORDS = frozenset({QuoteVerdict.VERBATIM, QuoteVerdict.ALTERED})
"""Verdicts of a quotation whose words are the reference's: emphasis on them lands on the
reference's words. A paraphrase or a quotation not in the reference has none to land on."""


def _quoted(
    reference: Document,
    capture: Document,
    quotes: tuple[Quotation, ...],
    passages: tuple[Passage, ...],
) -> tuple[Alignment, ...]:
    """Quotations of the reference in running prose (attributed to it, verbatim or altered),
    each aligned with the stretch it matches, for the emphasis stage to read as it reads
    passages: a page that bolds words of the statement it quotes adds emphasis as a copy
    does. Quotations of anyone else are left alone, and so are those inside a passage
    (read with the passage). Offsets are readable (`view`) offsets, as `quotes` are."""
    out: list[Alignment] = []
    if not quotes:
        return ()
    held = SpanIndex([p.copy for p in passages])  # (by place: quotations x passages before)
    for q in quotes:
        if not q.attributed or q.verdict not in _HOLDS_ITS_WORDS or q.reference is None:
            continue
        if held.overlapping_indices(q.span.start, q.span.end):
            continue
        stretch = Passage(PassageKind.QUOTATION, q.span, q.reference, q.similarity)
        out.append(align(reference, capture, stretch))
    return tuple(out)


def _untold(capture: Document, stage: str) -> None:
    """No one to tell."""


def analyse_corpus(
    corpus: Corpus,
    *,
    options: LocateOptions = LocateOptions(),
    keep_going: bool = False,
    progress: Progress | None = None,
    stage: Stage | None = None,
) -> Analysis:
    """`analyse` over every capture in the corpus manifest (see `analyse` for the options)."""
    return analyse(
        corpus.reference,
        corpus.captures,
        options=options,
        keep_going=keep_going,
        failures=corpus.failures,
        progress=progress,
        stage=stage,
    )


T = TypeVar("T")

_REFERENCE_FIELDS = frozenset({"reference", "stretches"})
"""Fields whose spans index the reference (a quotation's `stretches` are reference text)."""


def _to_original(item: T, reference: Extracted, capture: Extracted) -> T:
    """`item` (a passage, alignment, divergence or quotation, or a tuple of them) found in
    readable text, with every span inside it mapped to the original files.

    The one place results go back to the originals: a Span held in a field named in
    `_REFERENCE_FIELDS` maps through the reference's readable text, any other through the
    capture's. Readings stay readable; a divergence's id follows its new spans.
    """
    return _mapped(item, reference, capture, toward_reference=False)


def _plain_readings(
    found: Divergence, mapped: Divergence, reference: Extracted, capture: Extracted
) -> Divergence:
    """`mapped` (`found` with its spans in the originals) with each reading of a plain-text
    side its original slice, where that reading was its span's readable text.

    Plain text is read as it is but for e-mail quote marks, read past (`extract`), so a
    reading whose span crosses a mark would lack it: a CRLF reply's paragraph break
    "\r\n>\r\n" reads "\r\n\r\n", and its whitespace row for the reference's "\n\n"
    read "\r\n\r" while spanning "\r\n>\r". For plain text a reading is exactly the
    slice (docs/report-json.md), marks and all; the kind was decided on the readable text.
    """
    return replace(
        mapped,
        copy_text=_plain_reading(found.copy_text, found.copy, mapped.copy, capture),
        reference_text=_plain_reading(
            found.reference_text, found.reference, mapped.reference, reference
        ),
    )


def _plain_reading(reading: str, span: Span, original: Span, side: Extracted) -> str:
    """`reading` of readable `span`, or the `original` slice it maps to when `side` is
    plain text and `reading` is the span's readable text (see `_plain_readings`)."""
    if side.document.format is Format.TEXT and reading == span.of(side.text):
        return original.of(side.document.text)
    return reading


def _mapped(item: T, reference: Extracted, capture: Extracted, *, toward_reference: bool) -> T:
    if isinstance(item, Span):
        side = reference if toward_reference else capture
        return cast(T, side.span(item.start, item.end))
    if isinstance(item, tuple):
        return cast(
            T,
            tuple(_mapped(x, reference, capture, toward_reference=toward_reference) for x in item),
        )
    if not is_dataclass(item) or isinstance(item, type):
        return item
    changes: dict[str, Any] = {}
    for f in fields(item):
        value = getattr(item, f.name)
        if isinstance(value, (Span, tuple)) or is_dataclass(value):
            toward = f.name in _REFERENCE_FIELDS
            changes[f.name] = _mapped(value, reference, capture, toward_reference=toward)
    mapped = replace(item, **changes)
    if isinstance(mapped, Divergence) and isinstance(item, Divergence):
        row = _plain_readings(item, mapped, reference, capture)
        sha = capture.document.sha256
        id = divergence_id(
            sha, row.kind, row.reference, row.copy, row.reference_text, row.copy_text
        )
        return cast(T, replace(row, id=id))
    return cast(T, mapped)
