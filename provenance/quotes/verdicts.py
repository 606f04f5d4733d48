"""Check every quotation a capture attributes to the reference: verbatim, altered, or not.

Quotations come from `provenance.quotes.marks`, their attributions from
`provenance.quotes.speakers`, their verdicts from the ladder of `provenance.quotes.ladder`.

Only quotations attributed to the reference get one of those verdicts; the rest are
`other`. A quotation is attributed when the prose names the document as its source, or
when it matches the reference closely (verbatim, or altered and long) whatever the prose
says. Quotation marks that a located passage copies from the reference itself (the
reference's own “double freezing”) are part of that copy, not quotations of it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from provenance.emphasis.notes import NOTE_IN_BRACKETS
from provenance.footnotes import RAISED_NOTE
from provenance.locate import PreparedReference
from provenance.model import Divergence, Document, Format, Kind, Passage, Severity, Span
from provenance.quotes.align import SEED_WHOLE
from provenance.quotes.align import fold as _fold
from provenance.quotes.claims import charged_labels, stems_of, verdict_words
from provenance.quotes.ladder import (
    _EDITORIAL,
    _EMPHASIS_MARK,
    _NOTHING,
    FRAME,
    QuoteOptions,
    QuoteVerdict,
    _compare,
    _core,
    _Index,
    _index,
    _is_name,
    _not_said,
    _party,
    _Result,
    _sentences_around,
    _Words,
)
from provenance.quotes.marks import (
    Marked,
    Sentences,
    find_quotations,
    paragraph_breaks,
    split_sentences,
)
from provenance.quotes.speakers import NAMED_OWN_WORDS, Cue, speakers
from provenance.quotes.subjects import _joint
from provenance.quotes.words import ALIASES, ARTICLE_BEFORE, STOPWORDS, stem, word_count
from provenance.spanindex import SpanIndex


@dataclass(frozen=True, slots=True)
class Attribution:
    """The words that say who is quoted, in capture offsets."""

    span: Span
    text: str
    speaker: str
    """"document" (the reference) or "person" (anyone else)."""
    how: str = ""
    """Which rule found the cue: "sentence", "headline", "previous sentence", ..."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation of a capture and the verdict on it."""

    id: str
    """Stable: digest of (capture sha256, span, verdict)."""
    span: Span
    """The quoted words, without the quotation marks, in capture offsets."""
    text: str
    attributed: bool
    """True when the quotation is attributed to the reference (by the prose or by matching)."""
    attribution: Attribution | None
    verdict: QuoteVerdict
    reference: Span | None
    """The matching or nearest reference stretch, when one was found."""
    reference_text: str
    similarity: float
    """0-100: 100 for verbatim, rapidfuzz ratio for altered, weighted overlap otherwise."""
    divergences: tuple[Divergence, ...] = ()
    """For altered quotations: the token edits, classified as the engine does."""
    editorial: tuple[Span, ...] = ()
    """Ellipses and bracketed insertions inside the quotation, in capture offsets."""
    note: str = ""
    """Why this verdict, in a few words."""
    stretches: tuple[Span, ...] = ()
    """The reference stretch(es) the verdict compared the quotation with (two for a splice)."""
    unsaid: tuple[str, ...] = ()
    """For not-in-reference: what the quotation asserts that the statement does not."""


def check_quotes(
    reference: PreparedReference | Document,
    capture: Document,
    passages: tuple[Passage, ...] | list[Passage] = (),
    *,
    options: QuoteOptions = QuoteOptions(),
    quoted: tuple[Span, ...] = (),
    credits: tuple[Span, ...] = (),
    divergences: tuple[Divergence, ...] | list[Divergence] = (),
) -> list[Quotation]:
    """Every quotation of `capture`, in order, with its verdict against the reference.

    Args:
        reference: The reference, prepared by `locate.prepare` or as a plain Document.
        capture: The capture to read quotations from.
        passages: Passages `locate` found in this capture; quotation marks that a
            passage copies from the reference are not quotations of it, but a passage
            inside a block quotation is what the block quotes.
        options: Thresholds; see QuoteOptions.
        quoted: Block quotations the capture's markup sets out (`Extracted.quoted`).
        credits: Lines its markup sets out as naming who a block quotes
            (`Extracted.credits`): they name the block's speaker.
        divergences: The passages' divergences (capture offsets as `passages`): a
            quotation a passage holds is that passage's stretch only when no material
            one lies inside it (see `_held`).

    Returns:
        Quotations in capture order; spans are original-file offsets.
    """
    document = reference.document if isinstance(reference, PreparedReference) else reference
    index = _index(document)
    text = capture.text
    breaks = paragraph_breaks(text)
    marked = find_quotations(text, breaks, quoted, credits)
    spans = split_sentences(text, marked)
    speaker = speakers(text, marked, index.authors, spans, breaks)
    out = []
    page = _Page(capture)
    # Found by place (SpanIndex): asking each of them about each mark is quadratic on a
    # page of many copies quoting the statement's own quotations (2,500: 6.3 million tests).
    added = SpanIndex(_added(divergences))
    copies = SpanIndex([p.copy for p in passages])
    blocks = _Blocks(quoted)
    for m in marked:
        start, end = m.span.start, m.span.end
        if m.opening != ":":  # with its quotation marks
            start, end = start - 1, min(len(text), end + 1)
        opens = text[m.span.start : m.span.start + 4].lstrip()[:1]
        if opens in ("(", "[") and NOTE_IN_BRACKETS.fullmatch(m.span.of(text).strip()):
            continue  # "> (emphasis added)" as a block's own paragraph: the page's note
        block = _block(m, blocks)
        if any(
            not (
                block is not None
                and (
                    (block.start <= p.start and p.end <= block.end)
                    or _within_blocks(text, p, quoted, blocks.reach)
                )
            )
            for p in copies.around(start, end)
        ) and not _marks_added(start, end, added):
            continue  # copied text, unless the page sets that very stretch out as a quotation
        # Only a block's first paragraph has an introduction that may be a copy's line; a
        # later paragraph of a block the markup sets out follows the block's own paragraph.
        first = m.block in (-1, m.span.start)
        # (a block the markup sets out may follow another: that one is no introduction)
        markup = blocks.places if m.block >= 0 else None
        if m.opening == ":" and first and _copied_intro(index, text, start, breaks, copies, markup):
            continue
        quotation = _check(index, page, m, speaker, spans, options)
        passage = _claimed(m.span, passages, copies)
        if (
            passage is not None
            and quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE
            and _held(text, _core(text, m.span), passage, divergences)
        ):
            quotation = _located(quotation, passage, index, capture)
        elif (
            passage is not None
            and quotation.verdict is QuoteVerdict.ALTERED
            and _held(text, _core(text, m.span), passage, divergences)
            and _put_in_only(quotation, divergences)
        ):
            quotation = _verbatim_in_passage(quotation, capture)
        out.append(quotation)
        if not quotation.attributed and quotation.verdict is QuoteVerdict.OTHER:
            out.extend(_nested(reference, capture, quotation, page, options))
    return out


def _nested(
    reference: PreparedReference | Document,
    capture: Document,
    outer: Quotation,
    page: _Page,
    options: QuoteOptions,
) -> list[Quotation]:
    """Quotations of the statement inside someone's quoted words ("Lewis posted: “The
    statement says the two countries will ‘shoot down any missile ...’”"): the words are
    the person's, but what they say the statement says is a quotation of it, checked as
    one. Only those given to the statement are kept, in the page's offsets."""
    if not _INNER_MARK.search(outer.text):
        return []
    at = outer.span.start
    inner = replace(capture, text=outer.text, format=Format.TEXT)
    out = []
    for q in check_quotes(reference, inner, options=options):
        if not q.attributed or (q.attribution is not None and q.attribution.speaker != "document"):
            continue  # (the statement's by its words alone, verbatim and long, is kept too:
            # "When they wrote that ‘any possibility of using military means ...’")
        words = len(q.text.split())
        if q.attribution is None and words < _NESTED_MATCHED_WORDS:
            continue  # (the statement's by its words alone only when they are a sentence's)
        before = max(0, q.span.start - 1)
        led = _VERB_LEAD.search(outer.text, 0, before) is not None
        # (or what the document says: "When the statement says ‘double freezing’, it
        # means ...," said Park)
        led = led or _DOCUMENT_SAYS_LEAD.search(outer.text, max(0, before - 60), before) is not None
        # (or named as the document's own words: "The statement's phrase ‘double freezing’
        # sounds symmetrical," said the analyst)
        led = led or (q.attribution is not None and q.attribution.how == NAMED_OWN_WORDS)
        if words < _NESTED_MIN_WORDS and not (words >= 2 and led) and not _unheld(q, reference):
            continue  # "the ‘double freeze’ idea": a name in someone's words, more often;
            # but "will ‘closely coordinate’" quotes what the statement says they will do,
            # and "called the deployment “illegal”" a word it never uses
        cue = q.attribution
        span = _shifted(q.span, at)
        out.append(
            replace(
                q,
                id=page.id(span, q.verdict),
                span=span,
                attribution=None
                if cue is None
                else replace(
                    cue, span=_shifted(cue.span, at), how=f"{cue.how}, inside another's quotation"
                ),
                editorial=tuple(_shifted(e, at) for e in q.editorial),
                divergences=tuple(replace(d, copy=_shifted(d.copy, at)) for d in q.divergences),
            )
        )
    return out


def _unheld(quotation: Quotation, reference: PreparedReference | Document) -> bool:
    """Whether a quotation given to the statement is not in it, and none of its words is
    the statement's, or one is a label of contempt it never uses: a word it never uses
    ("called the deployment “illegal”", "‘nuclear blackmail’"), not a name of one of its
    things in other words ("the ‘double freeze’ idea")."""
    if quotation.verdict is not QuoteVerdict.NOT_IN_REFERENCE:
        return False
    document = reference.document if isinstance(reference, PreparedReference) else reference
    stems = stems_of(_index(document).lexicon.vocabulary)
    if charged_labels(quotation.text, stems):
        return True  # "‘nuclear blackmail’": a label of contempt, whatever word beside it
    held = _heads(stems)
    return not any(stem(word)[:5] in held for word in _WORDS.findall(quotation.text))


@lru_cache(maxsize=4)
def _heads(stems: frozenset[str]) -> frozenset[str]:
    """The first five letters of each stem: a word of the statement in another form
    ("freeze" for its "freezing", whose stem is "freezi") is its word."""
    return frozenset(s[:5] for s in stems)


_WORDS = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
_NESTED_MIN_WORDS = 3
"""Fewest words of a quotation inside someone's quotation that is checked as one."""
_NESTED_MATCHED_WORDS = 6
"""...and of one that no cue gives to the statement, kept as its words because it matches
them ("When they wrote that ‘any possibility of using military means ...’")."""
_VERB_LEAD = re.compile(r"\b(?:will|would|shall|should|must|can|could|may|to)\s*$")
"""Just before a short quotation inside someone's words: a modal or "to", so the quoted
words are a verb phrase of the statement's ("will ‘closely coordinate’"), not a name."""


_DOCUMENT_SAYS_LEAD = re.compile(
    r"(?i)\b(?:statement|document|declaration|text|communiqu[eé])\s+(?:\w+ly\s+)?(?:says|said"
    r"|speaks\s+of|talks\s+of|calls\s+for|calls\s+it|uses|used|mentions|refers\s+to)"
    r"(?:\s+the\s+(?:words?|phrase|term|expression))?\s*$"
)
"""Just before a short quotation inside someone's words: the document saying it ("the
statement says ‘double freezing’"), whose words the quotation gives."""


def _shifted(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by)


_RAISED_SIGN = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2020\u2021]")
"""A character `RAISED_NOTE` matches: a quotation without one holds no raised note."""
_INNER_MARK = re.compile(r"[‘’'\"“”«»„]")
"""A quotation mark inside a quotation: there may be a quotation in it."""


def _added(divergences: tuple[Divergence, ...] | list[Divergence]) -> list[Span]:
    """Where the passages insert or substitute words (material divergences), interrupt
    them with the page's own lines (a note quoting the statement: "Note: the call to
    “demonstrate readiness ...” is the line Washington dislikes most."), or open a
    quotation mark the reference lacks (`_OPENING_MARK`), in the capture: picked out once
    a page, not once a quotation (a copy has dozens of each)."""
    return [
        d.copy
        for d in divergences
        if (d.severity is Severity.MATERIAL and d.kind in (Kind.INSERTION, Kind.SUBSTITUTION))
        or d.kind is Kind.INTERRUPTION
        or (d.kind is Kind.PUNCTUATION and _OPENING_MARK.search(d.copy_text) is not None)
    ]


_OPENING_MARK = re.compile(r"[“«„‘]|(?:^|\s)[\"']")
"""A quotation mark that opens, in a passage's punctuation row: the page opening its own
quotation inside a stretch `locate` took as one copy (a quotation over three paragraphs
of one statement paragraph, each opening on “, only the last closing: the middle one,
inside the copy, was not the page's quotation)."""


def _marks_added(start: int, end: int, added: SpanIndex[Span]) -> bool:
    """Whether a quotation's opening or closing mark (at `start`, `end` - 1) lies in words a
    passage inserts or substitutes (`_added`): the page's own quotation inside a stretch
    `locate` took as one excerpt ("... region”. It also says THAAD “helps to ensure ...”"),
    not the reference's quotation marks copied."""
    return bool(added.around(start, start + 1) or added.around(end - 1, end))


class _Blocks:
    """The block quotations the markup sets out (`Extracted.quoted`), found by place: a
    page of thousands asked each of them about each mark (quadratic)."""

    def __init__(self, quoted: tuple[Span, ...]) -> None:
        self.starting: dict[int, Span] = {}  # the first block starting at each place
        for b in quoted:
            self.starting.setdefault(b.start, b)
        self.reach = list(accumulate((b.end for b in quoted), max))
        """The furthest end of the blocks up to each (see `_within_blocks`)."""
        self.places = SpanIndex(quoted)


def _block(m: Marked, blocks: _Blocks) -> Span | None:
    """The block quotation `m` belongs to (the markup's `<blockquote>` or `>` block, or the
    paragraph after "The statement reads:"), or None for a quotation in marks. A passage
    `locate` finds inside it is what the page quotes, not a copy around the quotation."""
    if m.opening != ":":
        return None
    if m.block >= 0:
        return blocks.starting.get(m.block, m.span)
    return m.span


def _disowned(text: str, clauses: list[tuple[int, int]], quotation: Span) -> bool:
    """Whether the sentence says this quotation is not the statement's: one of its
    disowning clauses (`_DISOWNED`, `_Page.disowning`) with no other quotation between it
    and this one ("... but “maximum pressure”, Washington's slogan, is a phrase the
    statement never uses": not the “double freezing” the sentence quotes before it). Only
    the nearest clause on either side is read (a farther one has the nearer one's
    quotations between it and this one too)."""
    k = bisect_left(clauses, (quotation.end,))
    if (
        k < len(clauses)
        and not _ANY_MARK.search(text, quotation.end + 1, clauses[k][0])
        and not _STOP_BETWEEN.search(text, quotation.end + 1, clauses[k][0])
        # (not a clause naming its own object: "..., but it never uses the word illegal")
        and not _OWN_OBJECT.match(text, clauses[k][1])
    ):
        return True
    if k and clauses[k - 1][1] <= quotation.start:
        between = (clauses[k - 1][1], max(0, quotation.start - 1))
        # (not across a clause set against it: "The statement itself never uses the
        # phrase, yet a Seoul summary had it insisting that “...”" gives it the words)
        if _CONTRAST.search(text, *between):
            return False
        marks = list(_ANY_MARK.finditer(text, *between))
        # (across other quotations only where the list of words goes on: "never uses the
        # phrase “rogue state”, nor the phrase “maximum pressure”")
        return not marks or _LISTED_ON.fullmatch(text, marks[-1].end(), between[1]) is not None
    return False


_STOP_BETWEEN = re.compile(r"[.!?][\"”’»)]*\s")
"""A sentence's end between a quotation and a disowning clause after it, which the sentence
splitter read past (". (f) uses words the statement never uses": the next item's)."""
_LISTED_ON = re.compile(
    r"\s*,?\s*(?:nor|or|and|let\s+alone)\s+(?:the\s+|any\s+)?"
    r"(?:(?:phrases?|words?|terms?|expressions?|slogans?|formulas?|formulae)\s+)?",
    re.IGNORECASE,
)
"""Between a quotation the page disowns and the next: the list going on ("nor the phrase")."""


_CONTRAST = re.compile(r"\b(?:yet|but|however|although|though|whereas|while|instead)\b|;")
"""Between a disowning clause and a quotation after it: a clause of its own, set against
the one that disowns."""
_ANY_MARK = re.compile(r"[\"“”«»„]")
"""A double quotation mark: another quotation between a disowning clause and this one."""


def _within_blocks(
    text: str, passage: Span, quoted: tuple[Span, ...], reach: list[int] | None = None
) -> bool:
    """Whether `passage` lies within block quotations one after the other, nothing but
    white space between them: two `<blockquote>`s (or `>` blocks) quoting neighbouring
    paragraphs, which `locate` reads as one copy. Each block is still what the page
    quotes.

    >>> text = "A b.\\n\\nC d."
    >>> _within_blocks(text, Span(0, 10), (Span(0, 4), Span(6, 10)))
    True
    >>> _within_blocks(text, Span(0, 10), (Span(0, 4),))
    False

    `reach`, the furthest end of `quoted` up to each (`_Blocks.reach`), skips at once the
    blocks ending before the passage.
    """
    at = passage.start
    first = 0 if reach is None else bisect_right(reach, at)
    for k in range(first, len(quoted)):
        block = quoted[k]
        if block.end <= at:
            continue
        if block.start > at and text[at : block.start].strip():
            return False
        if block.start > passage.end:
            break
        at = max(at, block.end)
        if at >= passage.end:
            return True
    return False


def _copied_intro(
    index: _Index,
    text: str,
    block: int,
    breaks: list[tuple[int, int]],
    copies: SpanIndex[Span],
    quoted: SpanIndex[Span] | None = None,
) -> bool:
    """Whether the colon-ended paragraph introducing the block quotation at `block` is the
    copy's own, not an article's: its colon lies in a located passage, or the paragraph
    is a line of the statement word for word ("The Parties propose the following:"). Then
    what the page goes on with (a copy cut short, then a comment box or another article)
    quotes no one."""
    colon = block - 1
    while colon > 0 and text[colon].isspace():
        colon -= 1
    if quoted is not None and quoted.around(colon, colon + 1):
        return False  # a block the markup sets out, after another: the page quotes on
    if copies.around(colon, colon + 1):  # a passage holds the colon
        return True
    k = bisect_right(breaks, colon, key=itemgetter(1))  # the breaks ending before the colon
    head = _fold(text[breaks[k - 1][1] if k else 0 : colon + 1])
    return len(head.split()) >= _OWN_LINE_WORDS and head in index.folded.text


_OWN_LINE_WORDS = 4
"""Fewest words of a colon-ended line found in the statement for it to be the statement's
own ("The Parties propose the following:"), not an article's ("It reads:")."""


def _claimed(
    span: Span, passages: tuple[Passage, ...] | list[Passage], copies: SpanIndex[Span]
) -> Passage | None:
    """The located passage covering most of a quotation's words, if any (the first of
    them; `copies` indexes the passages' copies).

    One account per span: a stretch `locate` reports as a passage of the reference (an
    excerpt, with its divergences) is in the reference, so the quotation around it is
    never `not-in-reference`; its changes are the passage's divergences.
    """
    for k in copies.overlapping_indices(span.start, span.end):  # the others overlap it by nothing
        p = passages[k]
        overlap = min(span.end, p.copy.end) - max(span.start, p.copy.start)
        if len(span) > 0 and overlap * 2 >= len(span):
            return p
    return None


def _held(
    text: str, core: Span, passage: Passage, divergences: tuple[Divergence, ...] | list[Divergence]
) -> bool:
    """Whether `passage` holds the quotation `core` as the reference has it: every word of
    the quotation inside the passage, and no material divergence among them.

    A quotation that runs on past the passage ("… regional states and must be destroyed by
    force"), or whose words the passage reports changed ("acceptable" for "unacceptable",
    "2006" for "2005"), keeps its own verdict: calling it the passage's stretch in other
    words would pass an invented or altered quotation off as a paraphrase.
    """
    outside = text[core.start : max(core.start, passage.copy.start)]
    outside += text[min(core.end, passage.copy.end) : core.end]
    if _WORD_CHARACTER.search(outside):
        return False
    return not any(
        d.severity is Severity.MATERIAL
        and d.copy.start <= core.end
        and core.start <= d.copy.end
        and passage.copy.start <= d.copy.start <= passage.copy.end
        for d in divergences
    )


_WORD_CHARACTER = re.compile(r"[^\W_]")


def _located(q: Quotation, passage: Passage, index: _Index, capture: Document) -> Quotation:
    """A quotation `locate` found as a passage: a paraphrase of that passage's stretch."""
    verdict = QuoteVerdict.PARAPHRASE
    return replace(
        q,
        id=quotation_id(capture.sha256, q.span, verdict),
        verdict=verdict,
        reference=passage.reference,
        reference_text=passage.reference.of(index.document.text),
        stretches=(passage.reference,),
        unsaid=(),
        note="located as a passage of the reference; its divergences are the passage's",
    )


def _put_in_only(q: Quotation, divergences: tuple[Divergence, ...] | list[Divergence]) -> bool:
    """Whether every change that makes quotation `q` altered lies inside what the passage
    holding it reads as the page's own, no word of the statement changed: page furniture
    or another interruption, an editor's gloss, a footnote mark, spaces.

    A block quotation across a PDF's page break ("col-¶¶14¶ASIAN SECURITY MONITOR¶lective")
    or with a translator's gloss is the statement's words as the passage reads them; the
    quotation's own comparison, which knows neither, saw a substitution."""
    inside = [d.copy for d in divergences if d.kind in _PUT_IN]
    return all(
        d.severity is Severity.COSMETIC
        or any(p.start <= d.copy.start and d.copy.end <= p.end for p in inside)
        for d in q.divergences
    )


_PUT_IN = frozenset(
    {Kind.INTERRUPTION, Kind.EDITORIAL, Kind.FOOTNOTE, Kind.WHITESPACE, Kind.INVISIBLE}
)
"""The passage's kinds of divergence that put something in the statement's words without
changing one of them (an `editorial` bracket the passage judges a gloss by the same rule,
`brackets.changes_words`, as the quotation's: "[b]...[/b]" of a forum's quote box)."""


def _verbatim_in_passage(q: Quotation, capture: Document) -> Quotation:
    """Quotation `q`, held by a passage whose rows inside it change none of its words
    (`_put_in_only`): verbatim, what was put in it the passage's rows."""
    verdict = QuoteVerdict.VERBATIM
    return replace(
        q,
        id=quotation_id(capture.sha256, q.span, verdict),
        verdict=verdict,
        similarity=100.0,
        divergences=(),
        note="verbatim but for what the page puts inside it (the passage's rows)",
    )


def quotation_id(sha256: str, span: Span, verdict: QuoteVerdict) -> str:
    """Digest of what makes a quotation finding: the capture's bytes, where, which verdict."""
    return _quotation_id(_id_prefix(sha256), span, verdict)


def _id_prefix(sha256: str) -> hashlib._Hash:
    """The digest of a capture's part of its quotations' ids, to be copied for each."""
    return hashlib.sha256(f"{sha256}\x1f".encode())


def _quotation_id(prefix: hashlib._Hash, span: Span, verdict: QuoteVerdict) -> str:
    digest = prefix.copy()
    digest.update(f"{span.start}:{span.end}\x1f{verdict.value}".encode())
    return "q-" + digest.hexdigest()[:16]


class _Page:
    """One capture as `_check` meets its quotations: a page repeating a quotation (comments,
    a syndicated block, the same docstring) reads its words once and compares them with the
    reference once."""

    def __init__(self, capture: Document):
        self.capture = capture
        self.unmatched: set[str] = set()
        """Folded texts of unattributed quotations found to match nothing."""
        self._words: dict[str, _Words] = {}
        self._folded: dict[str, str] = {}
        self._may_match: dict[str, bool] = {}
        self._disowning: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._id = _id_prefix(capture.sha256)

    def disowning(self, sentence: Span) -> list[tuple[int, int]]:
        """Where the sentence's disowning clauses are (`_DISOWNED`), found once a sentence
        (a sentence of a thousand quotations read them again for each)."""
        key = (sentence.start, sentence.end)
        found = self._disowning.get(key)
        if found is None:
            text = self.capture.text
            found = self._disowning[key] = [
                m.span() for m in _DISOWNED.finditer(text, sentence.start, sentence.end)
            ]
        return found

    def words(self, quoted: str) -> _Words:
        found = self._words.get(quoted)
        if found is None:
            editorial = tuple(e.span() for e in _EDITORIAL.finditer(quoted))
            # `_EMPHASIS_MARK` opens with look-behinds, so it is tried at every position:
            # only where its marks are.
            marked = "*" in quoted or "_" in quoted
            stars = (e.span() for e in _EMPHASIS_MARK.finditer(quoted)) if marked else ()
            # So are the notes' patterns, which open with spaces or a look-behind: only
            # where their brackets or signs are (5-7 µs a quotation saved, each).
            raised = _RAISED_SIGN.search(quoted) is not None
            notes = (e.span() for e in RAISED_NOTE.finditer(quoted)) if raised else ()
            bracketed = "(" in quoted or "[" in quoted
            declared = (  # "(bold ours)"; "[bold ours]" is an editorial mark already
                (
                    e.span()
                    for e in NOTE_IN_BRACKETS.finditer(quoted)
                    if not any(a < e.end() and e.start() < b for a, b in editorial)
                )
                if bracketed
                else ()
            )
            framed = "|" in quoted or "│" in quoted
            frames = (e.span() for e in FRAME.finditer(quoted)) if framed else ()
            cuts = tuple(sorted({*editorial, *stars, *notes, *declared, *frames}))
            found = self._words[quoted] = _Words(editorial, cuts)
        return found

    def folded(self, quoted: str) -> str:
        """`fold(quoted)`, which the screening, the cheap test and the page's record of
        quotations matching nothing each ask for."""
        found = self._folded.get(quoted)
        if found is None:
            found = self._folded[quoted] = _fold(quoted)
        return found

    def may_match(self, index: _Index, quoted: str, options: QuoteOptions) -> bool:
        found = self._may_match.get(quoted)
        if found is None:
            found = self._may_match[quoted] = index.may_match(self.folded(quoted), options)
        return found

    def id(self, span: Span, verdict: QuoteVerdict) -> str:
        """`quotation_id` of a quotation of this capture."""
        return _quotation_id(self._id, span, verdict)


def _own_verdict(text: str, sentence: Span, at: int) -> re.Match[str] | None:
    """The first-person marker of opinion ("in my opinion", "I think") in a sentence whose
    quotation follows a copula ("it is “...”"): the writer's verdict on the statement,
    not its words. None otherwise."""
    if not _COPULA_BEFORE.search(text, max(sentence.start, at - 20), at):
        return None
    return _MY_OPINION.search(text, sentence.start, sentence.end)


_MY_OPINION = re.compile(
    r"\b(?:in\s+my\s+(?:opinion|view|book|judgment|judgement)|to\s+my\s+mind|if\s+you\s+ask\s+me"
    r"|I\s+(?:think|believe|reckon|feel|would\s+say|'d\s+say|’d\s+say))\b",
    re.IGNORECASE,
)
"""A writer's own opinion, in the first person."""
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|seems|seemed|looks|looked)\s*[\"“‘«]?\s*$")
"""A copula just before a quotation's mark: the words say what something is."""


def _check(
    index: _Index,
    page: _Page,
    m: Marked,
    speaker: Callable[[Marked], Cue | None],
    spans: Sentences,
    options: QuoteOptions,
) -> Quotation:
    capture, unmatched = page.capture, page.unmatched
    text = capture.text
    core = _core(text, m.span)
    quoted = core.of(text)
    read = page.words(quoted)
    editorial = tuple(Span(core.start + a, core.start + b) for a, b in read.editorial)
    cuts = tuple(Span(core.start + a, core.start + b) for a, b in read.cuts)
    result = _NOTHING
    short = options.screen_words and len(m.span.of(text).split()) < options.screen_words
    too_long = len(quoted) > options.longest
    screened = options.screen_words and (
        short
        or too_long
        or not m.terminated
        or not index.may_be_close(page.folded(quoted), cuts, options)
    )
    # A screening leaves a quotation that cannot be a hit unattributed, as unjudged; so
    # does a scan one word the reference cannot hold (`QuoteOptions.attributed_only`).
    unheld = (
        options.attributed_only
        and m.terminated
        and not editorial
        and not cuts
        and len(quoted.split()) == 1
        and not index.may_hold_word(page.folded(quoted))
        and not charged_labels(quoted, stems_of(index.lexicon.vocabulary))
        and not verdict_words(quoted, stems_of(index.lexicon.vocabulary))
        and not _labelled(text, m.span.start, quoted)
    )
    cue = None if screened or unheld else speaker(m)
    if cue is not None and cue.speaker == "person" and _in_its_voice(text, cue, m, quoted):
        # "A news site reported that “The Parties urge the DPRK to ...”": the source
        # relays words in the statement's voice, which are the statement's or no one's
        cue = replace(cue, speaker="document", how="in the statement's voice, relayed")
    if cue is not None and cue.speaker == "document":
        own = _own_verdict(text, _sentence(spans, m), m.span.start)
        if own is not None:
            # "... and it is “pure boilerplate” in my opinion": the writer's word for it
            span = Span(*own.span())
            cue = Cue("person", span, own.group(), how="the writer's own opinion")

    by_prose = cue is not None and cue.speaker == "document"
    if short:
        pass  # a screening: too short to matter
    elif too_long:
        result = _Result(QuoteVerdict.OTHER, None, 0.0, "too long to compare with the reference")
    elif screened:
        pass  # a screening: neither an unterminated quotation nor this one can be a hit
    elif not m.terminated:
        # Its verdict is `unterminated` whatever it matches, and its words run on to the
        # paragraph's end: only a match shows where it is from. The paraphrase and claims
        # rungs read a whole paragraph for nothing (a page of such marks cost 30 s a MB).
        # A long one is matched by its first sentence: where its words come from, at the
        # cost of a sentence, not of seeding a paragraph against the whole reference.
        head = _first_sentence(text, core) if len(quoted) > SEED_WHOLE else core
        result = _compare(
            index,
            capture,
            head,
            tuple(c for c in cuts if c.end <= head.end),
            _sentence(spans, m),
            options,
            matching_only=True,
        )
        if not result.stretches:
            result = _NOTHING  # (no similarity to a stretch it does not name)
    elif by_prose:
        result = _compare(index, capture, core, cuts, _sentence(spans, m), options)
    elif (
        page.may_match(index, quoted, options) and (folded := page.folded(quoted)) not in unmatched
    ):
        # A page repeating a quotation (comments, a syndicated block) pays for it once.
        sentence = _sentence(spans, m)
        result = _compare(index, capture, core, cuts, sentence, options, matching_only=True)
        if result.verdict is QuoteVerdict.OTHER:
            unmatched.add(folded)
    if (
        cue is None
        and m.terminated
        and not (screened or unheld or too_long)
        and result.verdict not in (QuoteVerdict.VERBATIM, QuoteVerdict.ALTERED)
        and _voice_alone(text, m, quoted)
    ):
        # "The infographic splices two passages into one: “The Parties oppose ... under
        # the pretext of ...”": no one named, the words set out in the statement's voice,
        # matching none of its stretches as they stand: checked as its words
        voice = _ITS_VOICE.match(quoted)
        assert voice is not None
        at = m.span.start + len(quoted) - len(quoted.lstrip())
        span = Span(at, m.span.start + voice.end())
        cue = Cue("document", span, span.of(text).strip(), how="in the statement's voice")
        by_prose = True
        result = _compare(index, capture, core, cuts, _sentence(spans, m), options)
    if (
        cue is not None
        and cue.speaker == "person"
        and result.verdict in (QuoteVerdict.ALTERED, QuoteVerdict.NOT_IN_REFERENCE)
        and result.stretches
        and result.similarity >= options.altered_min
        and _authors_relayed(text, cue, m, index.authors)
    ):
        # "A commentator told viewers that the two powers “are against any military
        # presence of American forces ...”": close to the statement's words, and said to
        # be the authors': the source relays the statement, and is checked as it
        cue = replace(cue, speaker="document", how="the authors' words, as a source relays them")
        by_prose = True
    # Words are counted (`word_count` reads each: 16 µs for a sentence) only for the
    # verdicts that attribute a quotation by matching, the only ones the counts below
    # are read for (`attributed` without the prose is one of them).
    matched = result.verdict in (QuoteVerdict.VERBATIM, QuoteVerdict.ALTERED)
    words = word_count(quoted) if matched else 0
    attributed = by_prose or (
        words >= options.match_words
        and result.verdict is QuoteVerdict.VERBATIM
        and not _a_name_of(index, result)
    )
    if result.verdict is QuoteVerdict.ALTERED and not by_prose:
        attributed = attributed or (words >= options.altered_match_words and not result.unsaid)
    if attributed and not by_prose and _says_own(cue):
        verbatim = result.verdict is QuoteVerdict.VERBATIM
        fewest = options.person_match_words if verbatim else options.person_altered_words
        attributed = words >= fewest  # else someone else's few words the statement holds
        if not verbatim:
            # Someone's own sentence near the statement's, not the statement read out: in
            # their own voice ("We are against the deployment ..."), or changed beyond a
            # slip ("... will continue large-scale joint exercises" for "should refrain").
            attributed = attributed and (
                result.similarity >= options.person_altered_min
                and not _own_voice(quoted, index.document.text, result.stretches)
            )
    if (
        by_prose
        and result.verdict is QuoteVerdict.PARAPHRASE
        and _absent_said(text, _sentence(spans, m), m.span)
    ):
        # "The words “nuclear deterrent” are not in the text": the page says the words
        # are not the statement's, and they are no more than a loose paraphrase of it
        result = _not_said(result.reference, result.similarity, _SAID_ABSENT)
    if (
        by_prose
        and result.verdict is QuoteVerdict.NOT_IN_REFERENCE
        and (
            _denied(text, _sentence(spans, m), m.span)
            or _absent_said(text, _sentence(spans, m), m.span)
        )
    ):
        # "The statement does not say Pyongyang must “disarm first”": not in it, as the
        # page itself says (a fact check's denial, not a misquotation of its own)
        result = replace(result, note=result.note + "; the page says so too")
    if by_prose and _disowned(text, page.disowning(_sentence(spans, m)), m.span):
        # "a phrase the joint statement itself never uses": the page says it is not the
        # statement's, whatever it is
        attributed, cue, by_prose = False, None, False
        result = replace(result, note="the page says the statement does not use these words")
    if by_prose and result.verdict is QuoteVerdict.VERBATIM and result.reference is not None:
        # "speaks of Washington's “justified concerns”": the DPRK's, in its words;
        # "calls the deployment “aggression”": the statement's word, which it never puts on
        # that (its "renunciation of aggression" is about something else)
        target = _label_target(index, text, m.span.start, quoted, result.reference)
        put = _owner_swapped(index, text, m.span.start, result.reference) or (
            f"a label ({quoted.strip()}) the statement never puts on {target}" if target else ""
        )
        if put:
            result = _not_said(result.reference, result.similarity, (put,))
    named = result.verdict is not QuoteVerdict.VERBATIM or _a_term(text, m, index, result)
    if (
        by_prose
        and named
        and _is_name(quoted)
        and not charged_labels(quoted, stems_of(index.lexicon.vocabulary))
        and not verdict_words(quoted, stems_of(index.lexicon.vocabulary))
        and not _labelled(text, m.span.start, quoted)
    ):
        # a quoted name or title ("Sputnik"), or a term the page defines (`the "Joint
        # Statement"`), not words of the statement, nor anyone's (but a label of contempt
        # given to it, "called the drills “blackmail”", is a claim on its words)
        attributed, cue = False, None
        result = replace(
            result, note="a name or title in quotation marks, not the statement's words"
        )
    so_called = _SO_CALLED.search(text, max(0, m.span.start - 16), max(0, m.span.start - 1))
    so_called = so_called or _NAMES_A_THING.match(text, min(len(text), m.span.end + 1))
    if so_called and result.verdict is not QuoteVerdict.VERBATIM:
        # the so-called "double freeze": what something is called, not anyone's words (the
        # statement's own term, "double freezing", stays the statement's)
        attributed, cue = False, None
        result = replace(result, note="a name the page gives (so-called), not words it quotes")
    verdict, note = result.verdict, result.note
    if not m.terminated:
        verdict, note = QuoteVerdict.UNTERMINATED, "opening mark never closed in its paragraph"
    elif not attributed:
        verdict = QuoteVerdict.OTHER
        if cue and cue.speaker == "person":
            note = f"attributed to someone else ({cue.text})"
        elif not result.note.startswith(("a term", "too long", "the page says", "a name or")):
            note = "not attributed to the document"
    divergences = result.divergences if verdict is QuoteVerdict.ALTERED else ()
    ref = result.stretches[0] if result.stretches else None
    if len(result.stretches) > 1:
        ref = Span(min(r.start for r in result.stretches), max(r.end for r in result.stretches))
    return Quotation(
        id=page.id(m.span, verdict),
        span=m.span,
        text=m.span.of(text),
        attributed=attributed,
        attribution=Attribution(cue.span, cue.text, cue.speaker, cue.how) if cue else None,
        verdict=verdict,
        reference=ref,
        reference_text=ref.of(index.document.text) if ref else "",
        similarity=round(result.similarity, 1),
        divergences=divergences,
        editorial=editorial,
        note=note,
        stretches=result.stretches,
        unsaid=result.unsaid if verdict is QuoteVerdict.NOT_IN_REFERENCE else (),
    )


def _authors_relayed(text: str, cue: Cue, m: Marked, authors: frozenset[str]) -> bool:
    """Whether a person's cue leads into the quotation through a clause whose subject is
    the statement's authors ("told viewers that the two powers “...”"), nothing after it."""
    if not cue.span.end <= m.span.start:
        return False
    relayed = _RELAYED.search(text, cue.span.end, max(cue.span.end, m.span.start - 1))
    return relayed is not None and _joint(relayed.group("subject"), authors)


_RELAYED = re.compile(r"\bthat\s+(?P<subject>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s*$")


def _voice_alone(text: str, m: Marked, quoted: str) -> bool:
    """Whether a quotation no cue gives to anyone opens in the statement's voice
    (`_ITS_VOICE`), long enough to be its sentence, and its sentence names no other
    document ("the Parties" of a treaty)."""
    if len(quoted.split()) < _VOICE_ALONE_WORDS or not _ITS_VOICE.match(quoted):
        return False
    line = text.rfind("\n", 0, m.span.start) + 1
    return not _OTHER_DOCUMENTS.search(text, line, m.span.start)


_VOICE_ALONE_WORDS = 6


def _in_its_voice(text: str, cue: Cue, m: Marked, quoted: str) -> bool:
    """Whether a quotation a person or an outlet leads into opens in the statement's own
    voice, on its name for its authors ("reported that “The Parties urge ...”"), and
    nothing between the cue and the quotation names another document, whose parties they
    may be ("the Parties to the Treaty"). Only a speech verb of the quotation's sentence
    leading into it relays: a tag after the quotation ("“...,” Lavrov said"), a label
    ("ANCHOR:") or a forum's title over a post ("mira_ek said:") names who spoke it,
    whatever voice it is in."""
    if len(quoted.split()) < _VOICE_WORDS or not _ITS_VOICE.match(quoted):
        return False  # (the name alone, "capitalised like the English “Parties”", says nothing)
    if cue.span.end > m.span.start or cue.how != "own sentence":
        return False
    if text[cue.span.end : m.span.start].strip(" \t\n\"“«„‘'") == ":":
        return False  # a label, "ANCHOR:": whose line it is
    between = text[cue.span.start : m.span.start]
    return not _OTHER_DOCUMENTS.search(between)


_VOICE_WORDS = 3
_ITS_VOICE = re.compile(
    r"[\s\"“«„‘']*(?:[Tt]he\s+)?Parties\b(?![ \t]+(?:to|of|should|must|will|would|could|may"
    r"|might|ought|need|shall|can|have\s+to|had)\b)"
)
"""A quotation opening on "The Parties" and what they do ("urge", "are against"): the
statement's declarative voice. Not what someone says they should or will do ("the
Parties should refrain ...", a critic's prescription)."""
_OTHER_DOCUMENTS = re.compile(
    r"(?i)\b(?:resolution|treaty|convention|charter|agreement|accord|protocol|pact|npt"
    r"|communiqu\w*|constitution)\b"
)


def _first_sentence(text: str, core: Span) -> Span:
    """`core` up to the end of its first sentence (a full stop, question or exclamation
    mark before a space), or whole.

    >>> text = "“One two three. Four five."
    >>> _first_sentence(text, Span(1, len(text))).of(text)
    'One two three.'
    """
    end = _SENTENCE_STOP.search(text, core.start, core.end)
    return Span(core.start, end.end()) if end is not None else core


_SENTENCE_STOP = re.compile(r"[.!?](?=\s)")


def _labelled(text: str, start: int, quoted: str) -> bool:
    """Whether the page has the speaker call something by the quoted word or two ("the
    statement called the deployment “illegal”", "described the drills as “reckless and
    dangerous”"): a claim on the words it used, not a name, whatever the word is. Lower
    case only: "called it “Sputnik”" names a thing.

    >>> page = 'The statement called the deployment "illegal".'
    >>> _labelled(page, page.index('"'), "illegal")
    True
    >>> page = 'Nodes are marked as processed by calling "done".'
    >>> _labelled(page, page.index('"'), "done")
    False
    """
    words = quoted.split()
    if not 0 < len(words) <= _LABEL_WORDS or not all(w[:1].islower() for w in words):
        return False
    found = _LABELLING.search(text, max(0, start - _LABEL_REACH), max(0, start - 1))
    if found is None or _BY_AGENT.search(found.group()):
        return False  # ("described by Seoul as “one-sided”": Seoul's word)
    before = text[max(0, found.start() - 24) : found.start()]
    return _PASSIVE_BEFORE.search(before) is None and _BY_BEFORE.search(before) is None


def _label_target(index: _Index, text: str, start: int, quoted: str, stretch: Span) -> str:
    """What the page has the statement call by a word or two it uses elsewhere, when the
    reference sentence holding that word shares none of the words the statement uses for
    it ("calls the deployment of the said systems “aggression”": its "aggression" is
    renounced among common principles); else "". A pronoun for the thing ("called it
    “unacceptable”"), or a thing the statement never names, leaves nothing to compare;
    news copy's word for one it names ("the drills": its exercises) is read as its.

    >>> from provenance.model import Document
    >>> from provenance.quotes.ladder import _index
    >>> ref = "The Parties reject aggression. The deployment is unacceptable."
    >>> index = _index(Document("r", None, "", len(ref), ref))
    >>> page = 'It calls the deployment "aggression".'
    >>> _label_target(index, page, page.index('"') + 1, "aggression", Span(19, 29))
    'the deployment'
    >>> page = 'It calls the deployment "unacceptable".'
    >>> _label_target(index, page, page.index('"') + 1, "unacceptable", Span(48, 60))
    ''
    """
    words = quoted.split()
    if not 0 < len(words) <= _TARGET_LABEL_WORDS or not words[0][:1].islower():
        return ""
    found = _LABELLING.search(text, max(0, start - _LABEL_REACH), max(0, start - 1))
    if found is None or _BY_AGENT.search(found.group()):
        return ""
    before = text[max(0, found.start() - 24) : found.start()]
    if _PASSIVE_BEFORE.search(before) or _BY_BEFORE.search(before) or _NOUN_BEFORE.search(before):
        return ""  # (nor "the call in the statement for “...”": a noun, no calling)
    target = _LABEL_OBJECT.sub("", found.group()).strip(" \t\"“«‘'")
    if not target or target.split()[0].casefold() in _PREPOSITIONS:
        return ""
    # (what is called so, its parties aside: "North Korea's missile tests" are tests; and
    # in the statement's words: "the drills" are its exercises)
    said_of = {_THE_STATEMENTS_WORD.get(w, w) for w in _thing_words(target)} - _PARTY_NAMES
    known = {w for w in said_of if _forms(w) & index.lexicon.vocabulary}
    if not known:
        return ""  # ("calls the drills “large-scale”": a thing it names otherwise; "it")
    held = _thing_words(_sentences_around(index, stretch, around=0))
    return "" if any(_forms(w) & held for w in known) else target


def _owner_swapped(index: _Index, text: str, start: int, stretch: Span) -> str:
    """What the page says when it puts a possessive of one party before words the statement
    gives another's ("Washington's “justified concerns”" for "the DPRK’s justified
    concerns"); else ""."""
    page = _OWNER.search(text, max(0, start - _OWNER_REACH), max(0, start - 1))
    if page is None:
        return ""
    reference = index.document.text
    theirs = _OWNER.search(reference, max(0, stretch.start - _OWNER_REACH), stretch.start)
    if theirs is None:
        return ""
    ours, its = _party(page.group("who")), _party(theirs.group("who"))
    if ours is None or its is None or ours == its:
        return ""
    return f"gives {page.group('who')} what the statement says is {theirs.group('who')}’s"


_OWNER = re.compile(
    r"(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\)?(?:[’']s|(?<=s)[’'])\s*[\"“«„‘']?\s*\Z"
)
"""A party's possessive just before a quotation, or before words in the reference."""
_OWNER_REACH = 48


_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that)\s+\Z", re.IGNORECASE)
_PREPOSITIONS = frozenset("in for on of to at by with from about into".split())
_TARGET_LABEL_WORDS = 10
"""Most words of what a page has the statement call something ("describes the battery as
“in disharmony with the relevant UN Security Council resolutions”")."""
_THE_STATEMENTS_WORD = {
    "drills": "exercises",
    "drill": "exercises",
    "wargames": "exercises",
    "manoeuvres": "exercises",
    "maneuvers": "exercises",
    "battery": "systems",
    "batteries": "systems",
    "announcement": "statement",
}
"""News copy's words for the things the statement names, as it names them: what a
label put on them is compared with ("calls the drills “unacceptable”")."""


def _thing_words(text: str) -> set[str]:
    """The case-folded words of `text`, possessives and function words left out."""
    words = (w.casefold().removesuffix("’s").removesuffix("'s") for w in _WORDS.findall(text))
    return {w for w in words if w not in STOPWORDS}


def _forms(word: str) -> set[str]:
    """A noun's singular and plural ("test", "tests")."""
    return {word, word + "s", word.removesuffix("s")}


_PARTY_NAMES = frozenset(n for party, names in ALIASES.items() for n in (party, *names)) | {
    "korea",
    "dprk",
    "rok",
    "us",
    "u.s.",
}
"""Names of the parties, which say whose thing it is, not what."""


_LABEL_OBJECT = re.compile(r"^\W*\w+|[ \t]+as[ \t]*\W?$", re.IGNORECASE)
"""The verb of calling opening a `_LABELLING` match and the "as" closing it: what is left
names what is called so."""


_LABEL_WORDS = 3
_LABEL_REACH = 80
_BY_AGENT = re.compile(r"\bby\b", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+\Z", re.IGNORECASE)
"""("marked as processed by calling “done”": a means, not a label; nor is "calling")"""
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\Z")
"""A verb of calling in the passive ("the statement was called “historic”"): whoever
called it so is someone else, named or not."""
_LABELLING = re.compile(
    r"\b(?:call(?:s|ed)?|term(?:s|ed|ing)?|label(?:s|led|ling|ed|ing)?|brand(?:s|ed|ing)?"
    r"|(?:describ|characteri[sz])(?:es|ed|ing)?(?=(?:[ \t]+[^\s.;:!?]+){0,8}?[ \t]+as[ \t]*\W?\Z))"
    r"(?:[ \t]+[^\s.,;:!?]+){0,8}?(?:[ \t]+as)?[ \t]*[\"“«‘']?\Z",
    re.IGNORECASE,
)
"""A verb of calling (or of describing, with "as") and at most eight words (its object, or
a word it was called before: "called it “illegal” and “destabilising”") straight before a
quotation's mark."""


_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)
"""Just before a quotation's opening mark: the words are a name ("the so-called “double
freeze”"), never a quotation of the statement nor anyone's."""


_NAMES_A_THING = re.compile(
    r"[ \t]+(?:policy|policies|doctrine|formula|strategy|approach|campaign|concept|model"
    r"|framework|proposal|plan|initiative|idea|slogan|label)\b"
)
"""After a quotation: the noun it names ("the “maximum pressure” policy", "the “dual
suspension” proposal"), a name the page uses, not words it quotes (the statement's own
term, verbatim, stays the statement's)."""
_QUOTING = re.compile(r"\b(?:quoted|quotes|quoting|cited|cites|citing)$")


def _a_name_of(index: _Index, result: _Result) -> bool:
    """Whether a verbatim match is a name the statement uses ("Korean Peninsula", "Joint
    Statement" of 2005): a title or a tag quoting it quotes the name, not the statement."""
    if len(result.stretches) != 1:
        return False
    matched = result.stretches[0].of(index.document.text)
    return _is_name(matched) and len(matched.split()) > 1


def _a_term(text: str, m: Marked, index: _Index, result: _Result) -> bool:
    """Whether a verbatim quotation is a name the statement uses set after an article, as
    a page defines a term (`the "Joint Statement"`): the name, not the statement's words."""
    before = text[max(0, m.span.start - 8) : max(0, m.span.start - 1)]
    return ARTICLE_BEFORE.search(before) is not None and _a_name_of(index, result)


def _denied(text: str, sentence: Span, quotation: Span) -> bool:
    """Whether the quotation's sentence denies the statement the quotation before it,
    with no other quotation between ("The statement does not say Pyongyang must “...”",
    "Nowhere does it call the launch “...”")."""
    found = list(
        _DENIED_SAYING.finditer(text, sentence.start, max(sentence.start, quotation.start))
    )
    return bool(found) and not _ANY_MARK.search(text, found[-1].end(), max(0, quotation.start - 1))


_DENIED_SAYING = re.compile(
    r"\b(?:statement|document|declaration|communiqu[eé]|text|it|they|ministries)\s+(?:itself\s+)?"
    r"(?:never|nowhere|does\s+not|doesn[’']t|did\s+not|didn[’']t|do\s+not|don[’']t)\s+"
    r"(?:once\s+)?(?:say|says|said|call|calls|called|state|states|claim|claims|ask|asks|demand"
    r"|demands|urge|urges|describe|describes|brand|label|promise|promises)\b"
    r"|\bnowhere\s+(?:does|did|do)\s+(?:the\s+)?(?:joint\s+)?(?:statement|document|declaration"
    r"|text|it|they)\s+(?:say|call|state|claim|ask|demand|urge|describe|promise)\b",
    re.IGNORECASE,
)
"""The page saying the statement does not say what follows ("does not say", "never calls",
"Nowhere does it say")."""


def _absent_said(text: str, sentence: Span, quotation: Span) -> bool:
    """Whether the quotation's sentence goes on to say that its words are not in the
    statement, with no other quotation between ("The words “nuclear deterrent” are not in
    the text", "..., a line that appears nowhere in the text")."""
    found = _SAID_ABSENT_AFTER.search(text, quotation.end, sentence.end)
    if found is not None:
        return not _ANY_MARK.search(text, quotation.end + 1, found.start())
    if _ANY_MARK.search(text, quotation.end + 1, sentence.end):
        return False  # (another quotation closes the sentence: the next one is about it)
    # "... “both sides will work hard to calm things down”. That sentence cannot be found
    # in the statement.": the next sentence, about this quotation
    return _NEXT_SAYS_ABSENT.match(text, sentence.end) is not None


_ABSENT_IN = (
    r"(?:(?:is|are|was|were)\s+(?:never|not|nowhere)\s+(?:to\s+be\s+found\s+)?in"
    r"|(?:can\s*not|can[’']t|could\s+not|couldn[’']t)\s+be\s+found\s+(?:anywhere\s+)?in"
    r"|(?:is|are|was|were)\s+(?:entirely\s+|completely\s+|wholly\s+)?absent\s+from"
    r"|(?:(?:does|do|did)\s+not|doesn[’']t|don[’']t|didn[’']t|never)\s+(?:appear|occur|feature)s?"
    r"\s+(?:anywhere\s+)?in|(?:appears?|occurs?|features?)\s+nowhere\s+in)"
    r"\s+the\s+(?:joint\s+)?(?:statement|document|declaration|text)\b"
)
_SAID_ABSENT_AFTER = re.compile(rf"\b{_ABSENT_IN}", re.IGNORECASE)
"""After a quotation, the page saying its words are not in the statement."""
_NEXT_SAYS_ABSENT = re.compile(
    r"[\s\"”’»)]*(?:That|This|The|Such\s+a)\s+(?:sentence|line|phrase|quote|quotation|wording"
    rf"|claim|passage|words?|promise|pledge|formula|term|expression|slogan)\b[^.!?\n]{{0,40}}?"
    rf"\b{_ABSENT_IN}",
    re.IGNORECASE,
)
"""The sentence after a quotation saying its words are not in the statement ("That
sentence cannot be found in the statement.")."""
_SAID_ABSENT = (
    "its words are not the statement's, a loose paraphrase at best; the page says so too",
)


_DISOWNED = re.compile(
    r"\b(?:statement|document|declaration|communiqu[eé]|text|it)\s+(?:itself\s+)?"
    r"(?:never|nowhere|does\s+not|doesn[’']t|did\s+not|didn[’']t)\s+(?:once\s+)?"
    r"(?:use|uses|used|mention|mentions|mentioned|contain|contains|include|includes)\b"
    r"|\bwhich\s+(?:was|is|were|are)\s+(?:never|not|nowhere)\s+in\s+the\s+(?:joint\s+)?"
    r"(?:statement|document|declaration|text)\b",
    re.IGNORECASE,
)
"""The page saying the statement does not use words ("a phrase the joint statement itself
never uses", "a slogan the statement never mentions", "..., which was never in the
text")."""


_OWN_OBJECT = re.compile(
    r"\s+(?:(?:the|a|any)\s+)?(?:(?:single\s+)?(?:words?|terms?|phrases?|expressions?|labels?"
    r"|adjectives?|nouns?|names?)\b|[A-Z]{2,}\b)"
)
"""After a disowning clause, the word it disowns named unquoted ("never uses the word
illegal", "never mentions THAAD"): the clause is about that, not a quotation before it."""
_FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours|ourselves|I|me|my|mine)\b", re.IGNORECASE)


def _own_voice(quoted: str, reference: str, stretches: tuple[Span, ...]) -> bool:
    """Whether a quotation speaks in the first person where its reference stretches do not.

    >>> _own_voice("We are against it", "They are against it", (Span(0, 19),))
    True
    """
    if not _FIRST_PERSON.search(quoted):
        return False
    return not any(_FIRST_PERSON.search(s.of(reference)) for s in stretches)


def _says_own(cue: Cue | None) -> bool:
    """Whether the prose gives a quotation to someone else as their own words: a person's
    cue, but one saying that the person quotes ("a German paper quoted")."""
    return cue is not None and cue.speaker == "person" and not _QUOTING.search(cue.text)


def _sentence(spans: Sentences, m: Marked) -> Span:
    """The sentence holding quotation `m` (the quotation itself, past the last sentence):
    worked out only for the few quotations compared with the reference."""
    k = spans.at(m.span.start)
    return spans.span(k) if k >= 0 and m.span.start < spans.ends[k] else m.span


__all__ = ["Attribution", "Quotation", "QuoteOptions", "QuoteVerdict", "check_quotes"]
