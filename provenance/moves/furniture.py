"""Foreign material inside a copy: which insertions are `interruption`s, and how serious.

Page furniture (a page number, a running header, a link box, an advertisement) is
`cosmetic`; other material set apart on lines of its own that cannot be part of the
text (a caption, lines that are not sentences, prose about something else) is `minor`.
Rules in docs/locate.md.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from provenance.classify import divergence, divergence_id, reclassified
from provenance.locate import content_words
from provenance.locate.texts import BOX_LABEL, PULL_QUOTE
from provenance.model import (
    Divergence,
    Document,
    Kind,
    Severity,
    Span,
)
from provenance.severity import severity

_WORD = re.compile(r"[^\W_]")
_FURNITURE = severity("divergence", "interruption-furniture")
_FOREIGN = severity("divergence", Kind.INTERRUPTION)
_PAGE_NUMBER = re.compile(
    r"[-\u2013\u2014\s]*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[-\u2013\u2014\s]*",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(photo|photograph|pic|pictured|image|picture|caption|credit|file photo|video|graphic)\b"
    r"|\u00a9|\(c\)",
    re.IGNORECASE,
)
_A_CAPTION = (_FOREIGN, "foreign material: a caption or credit")
_BLOCK_END = re.compile(r"[.!?:;\u3002\uff01\uff1f\uff1a\uff1b][\"'\u201d\u2019)\]\u300d\u300f]*$")
"""A block's end, in Latin or CJK punctuation (the ideographic full stop, full-width
marks, corner brackets)."""
_LETTERS = re.compile(r"[^\W\d_]+")
_DOCUMENT = (
    r"(?:the|this|their|its|our)\s+(?:[\w\u2019'-]+\s+){0,2}?"
    r"(?:statement|text|document|declaration|communiqu[eé])"
)
_FRAMING = re.compile(
    rf"\b{_DOCUMENT}\b(?:[^.!?]*?\b(?:follows?|continues?|continued|below|above|part|in full"
    r"|published|released|issued|reads|excerpts?|extracts?|translat\w*)\b)"
    r"|\b(?:continued|continues)\s+(?:below|overleaf|on\s+page)\b|\b(?:first|second|next|last|final)\s+part\b"
    rf"|\bmore\s+(?:from|of)\s+{_DOCUMENT}",
    re.IGNORECASE,
)
"""A line of the page's own about the copy it carries ("The rest of the statement
follows.", "They have just published their joint statement. The first part:", "More
from the statement:")."""
_COMMENT_LABEL = re.compile(
    r"[\[(]?(?:(?:our|my|editor[\u2019']?s|translator[\u2019']?s|reader[\u2019']?s)\s+)?"
    r"(?:note|comment|commentary|view|take|gloss|aside|analysis|reading|read|takeaway"
    r"|interpretation|explanation|context|background|translation\s+note)"
    r"(?:\s+(?:from|by)\s+(?:the\s+)?[\w\u2019'-]+(?:\s+[\w\u2019'-]+)?)?\s*[:.\u2014\u2013-]",
    re.IGNORECASE,
)
"""A paragraph labelled as the page's own comment ("Our note:", "Editor's note —",
"Comment:", "(Note: ...)", "(Note from the desk: ...)", "Our reading:", "Context:"): the
page speaking between the copy's paragraphs, whatever words of the statement it repeats
(audit r58: "Our reading: a call for backing at the Security Council" was a material
insertion)."""
_NOTE_LINE = re.compile(r"\(.*\)|\[.*\]")
"""A line that is a note in brackets ("(emphasis added)"), which may stand before the
page's line introducing the next excerpt."""
_AUTHORS_SPEAK = re.compile(r"\b(?:the\s+parties|russia\s+and\s+china)\b", re.IGNORECASE)
"""The statement's authors as the subject: the copy's own voice, which an inserted
sentence may fake ("The Parties published this statement to warn ...")."""
PROSE_SHARE = 0.3
"""Least share of an inserted paragraph's content words that the reference also uses
for it to read as part of the text (an insertion) rather than foreign prose."""


def _interruptions(
    reference: Document,
    capture: Document,
    found: list[Divergence],
    captions: tuple[Span, ...] = (),
) -> list[Divergence]:
    """Insertions of foreign material become interruptions (see `interruption`); so does
    an insertion of nothing but the text of `captions` (a <figcaption>)."""
    if not any(
        d.kind is Kind.INSERTION or _bracketed_line(d) or _SPLIT_WORD.match(d.copy_text)
        for d in found
    ):
        return found
    repeated = _repeated_lines(capture.text)
    vocabulary = _vocabulary(reference.text)
    out: list[Divergence] = []
    for d in found:
        verdict = None
        if d.kind is Kind.INSERTION and _only_captions(capture.text, d.copy, captions):
            verdict = _FOREIGN, "foreign material: a picture's caption (<figcaption>)"
        elif d.kind is Kind.INSERTION:
            verdict = interruption(capture.text, d.copy, repeated, vocabulary)
        elif (split := _SPLIT_WORD.match(d.copy_text)) is not None:
            verdict = _inside_a_word(capture.text, d, split, repeated, vocabulary)
        elif (
            d.kind is Kind.EDITORIAL
            and _adjoins(capture.text, out, d)
            and out[-1].note == _THREAD_BREAK
            and _CONTINUED.fullmatch(d.copy_text.strip())
        ):
            # "4/6 …and cancel": the ellipsis that carries the sentence into the next post
            verdict = out[-1].severity, f"{out[-1].note}, its ellipsis"
        elif _bracketed_line(d) and _adjoins(capture.text, out, d):
            # "Enter your email [Subscribe]": the box before it goes on with its button
            verdict = out[-1].severity, f"{out[-1].note}, with its button"
        elif _bracketed_line(d):
            # "[Image: the two ministers in Moscow. Photo: Reuters]" on a line of its own:
            # a caption in brackets, not an editor's gloss on the statement's words
            found_caption = interruption(capture.text, d.copy, repeated, vocabulary)
            if found_caption is not None and _CAPTION.match(d.copy_text.strip()[1:]):
                found_caption = _A_CAPTION  # set apart inside a sentence, still a caption
            verdict = found_caption if found_caption == _A_CAPTION else None
        if verdict is None:
            out.append(d)
            continue
        level, note = verdict
        out.append(reclassified(d, capture.sha256, Kind.INTERRUPTION, note=note, level=level))
    return _boxes_in_place(reference, capture, _commentary(capture, out))


def _commentary(capture: Document, found: list[Divergence]) -> list[Divergence]:
    """A copy with a paragraph of the page's own after paragraph after paragraph (a
    commented copy: "the phrase about justified concerns is new for China ..." after the
    paragraph it discusses): each such paragraph is the page's commentary, an
    interruption, where it repeats the statement's words too. Counted are the paragraphs
    set apart between the copy's own (`_set_apart_prose`) that `interruption` read as
    foreign prose and those it left insertions; from `_COMMENTED` of them on, the
    insertions go too, but for one in the authors' voice ("The Parties ..."), which is
    words put into the statement (audit r58)."""
    text = capture.text
    prose = [
        k
        for k, d in enumerate(found)
        if d.kind in (Kind.INSERTION, Kind.INTERRUPTION) and _set_apart_prose(text, d.copy)
    ]
    if len(prose) < _COMMENTED:
        return found
    out = list(found)
    for k in prose:
        d = out[k]
        voiced = _AUTHORS_SPEAK.search(d.copy_text) or _AUTHORS_OPEN.match(d.copy_text)
        if d.kind is Kind.INSERTION and not voiced:
            note = f"foreign material: the page's commentary, one of {len(prose)} paragraphs"
            out[k] = reclassified(d, capture.sha256, Kind.INTERRUPTION, note=note, level=_FOREIGN)
    return out


_AUTHORS_OPEN = re.compile(
    r"\W*(?:both|the\s+two)\s+(?:countries|sides|parties|ministries|governments)\b"
    r"|\W*(?:moscow\s+and\s+beijing|beijing\s+and\s+moscow|china\s+and\s+russia)\b",
    re.IGNORECASE,
)
"""A paragraph opening on the authors together ("Both countries reserve ..."): the
statement's voice, words put into it, not the page's comment."""
_COMMENTED = 3
"""Fewest paragraphs of the page's own between a copy's paragraphs that make it a
commented copy."""


def _set_apart_prose(text: str, span: Span) -> bool:
    """Whether the text at `span` is whole paragraphs of prose: a blank line before and
    after it, sentences of some length ending it."""
    inserted = span.of(text).strip()
    before = text[max(0, span.start - 2) : span.start] + span.of(text)[:2]
    after = span.of(text)[-2:] + text[span.end : span.end + 2]
    return (
        "\n\n" in before
        and "\n\n" in after
        and len(inserted.split()) >= _PROSE_WORDS
        and _BLOCK_END.search(inserted) is not None
    )


_PROSE_WORDS = 6
"""Fewest words of a paragraph of the page's own prose (shorter: a line, a label)."""


def _boxes_in_place(
    reference: Document, capture: Document, found: list[Divergence]
) -> list[Divergence]:
    """A box standing where the copy lost reference text: the alignment read its label
    ("ADVERTISEMENT", "Related") as furniture and its other lines ("Switch your broadband
    today and save 40%") as the copy's words for the lost paragraph, a material
    substitution. Lines of the box's own, short and foreign to the reference, go on the
    box; the lost text is an omission, as it is where the box is one line (audit l34)."""
    out: list[Divergence] = []
    for d in found:
        box = out[-1] if out else None
        if (
            box is None
            or d.kind is not Kind.SUBSTITUTION
            or box.kind is not Kind.INTERRUPTION
            or not box.note.startswith(_BOX_NOTE)
            or not _BOX_GAP.fullmatch(capture.text, box.copy.end, d.copy.start)
            or not _box_lines(d.copy_text, d.reference_text)
        ):
            out.append(d)
            continue
        at = Span(box.copy.start, box.copy.start)
        lost = divergence(reference, capture, Kind.OMISSION, d.reference, at, note=_LOST)
        whole = Span(box.copy.start, d.copy.end)
        grown = divergence(
            reference, capture, Kind.INTERRUPTION, box.reference, whole, note=box.note
        )
        out[-1:] = [lost, replace(grown, severity=box.severity)]
    return out


_BOX_NOTE = "page furniture: a box"
_BOX_GAP = re.compile(r"[\s>*+\-\u2022]*")
"""Between a box's label and its next line: spaces, a quotation's or a list's marks."""
_LOST = "reference words missing from the copy"
_BOX_LINE_WORDS = 12


def _box_lines(text: str, lost: str) -> bool:
    """Whether `text` is lines of a box, not the copy's words for the `lost` reference
    text: each line short, and their content words mostly not the lost text's ("Switch
    your broadband today and save 40%", a related headline "What THAAD can and cannot
    do" where the copy lost the paragraph on the DPRK's concerns)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or any(len(line.split()) > _BOX_LINE_WORDS for line in lines):
        return False
    if " ".join(lost.split()).startswith(" ".join(text.split())):
        return False  # "5. The [...]": the lost paragraph's own opening, cut
    words, theirs = content_words(_words(text)), set(content_words(_words(lost)))
    return bool(words) and sum(w in theirs for w in words) < PROSE_SHARE * len(words)


_SPLIT_WORD = re.compile(r"([^\W\d_]+)-([ \t]*\r?\n[\s\S]*\n[ \t>]*)([^\W\d_]+)")
"""A word hyphenated at a line's end and going on after lines of something else: a page
number or a running header between the halves of "determ-" and "ination"."""


def _inside_a_word(
    text: str,
    d: Divergence,
    split: re.Match[str],
    repeated: frozenset[str],
    vocabulary: frozenset[str],
) -> tuple[Severity, str] | None:
    """The verdict on the lines between the halves of a word hyphenated at a page's end,
    when the halves make the reference's word: the page's furniture, not a change."""
    if split.group(1) + split.group(3) != d.reference_text.strip():
        return None
    if not split.group(2).strip():
        return None  # a line break alone: `kinds` reads it
    between = Span(d.copy.start + split.start(2), d.copy.start + split.end(2))
    found = interruption(text, between, repeated, vocabulary)
    if found is None:
        return None
    level, note = found
    return level, f"{note}, inside a word hyphenated at the page's end"


def _only_captions(text: str, span: Span, captions: tuple[Span, ...]) -> bool:
    """Whether the text at `span` is caption text and spaces only, some of it caption."""
    inside = [c for c in captions if c.start < span.end and span.start < c.end]
    if not inside:
        return False
    k, rest = span.start, []
    for c in sorted(inside, key=lambda c: c.start):
        rest.append(text[k : max(k, c.start)])
        k = max(k, c.end)
    rest.append(text[k : span.end])
    return not "".join(rest).strip()


_THREAD_COUNTER = re.compile(r"[\u2026.]*[ \t]*\(?\d{1,3}/\d{1,3}\)?[ \t]*[\u2026.]*")
"""A post's place in a thread ("4/6", "(4/6)"), with the ellipses around it."""
_TIMESTAMPED = re.compile(
    r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|[Uu]pdated?\s+\d{1,2}[:.]\d{2}\S*)"
    r"[ \t]*(?:[-\u2013\u2014|:]?[ \t]+)(?=\w)"
)
"""A line opening on a time ("14:10", "2.15pm GMT —"): a live blog's entry."""
_CONTINUED = re.compile(r"[\u2026.]+")
"""A line of nothing but an ellipsis: the sentence carried over."""
_THREAD_BREAK = "page furniture: a thread's break between posts"


def _post_chrome(line: str) -> bool:
    """Whether a line is a post's chrome: counts with no words ("💬 3   🔁 97   ❤ 150"), or
    a byline naming a handle ("Amy Lindqvist @koreadesk_amy · Jul 4, 2017")."""
    if not _LETTER.search(line):
        return True
    return _HANDLE_IN_LINE.search(line) is not None and len(line.split()) <= _HEAD_WORDS


_LETTER = re.compile(r"[^\W\d_]")
_HANDLE_IN_LINE = re.compile(r"(?<!\w)@\w{2,}")


def _adjoins(text: str, out: list[Divergence], d: Divergence) -> bool:
    """Whether `d` goes on the line of the interruption just before it, nothing but spaces
    between: a box's button ("... Enter your email [Subscribe]"), the ellipsis after a
    thread's break ("4/6 …and cancel")."""
    if not out or out[-1].kind is not Kind.INTERRUPTION or out[-1].copy.end > d.copy.start:
        return False
    between = text[out[-1].copy.end : d.copy.start]
    return not between.strip() and "\n" not in between


def _bracketed_line(d: Divergence) -> bool:
    """An editorial row that adds a whole bracket of the copy's own (no reference words)."""
    inside = d.copy_text.strip()
    return (
        d.kind is Kind.EDITORIAL
        and not d.reference_text.strip()
        and inside.startswith("[")
        and inside.endswith("]")
    )


@lru_cache(maxsize=4)
def opens_a_box(inserted: str) -> bool:
    """Whether inserted text opens with a box label ("Read more:", "Advertisement"): a
    box of the page's own, whatever the copy's lines around it."""
    first = next((line.strip() for line in inserted.splitlines() if line.strip()), "")
    return bool(BOX_LABEL.fullmatch(first))


@lru_cache(maxsize=4)
def _vocabulary(reference: str) -> frozenset[str]:
    """The reference's content words (stems), read once for every capture compared with it."""
    return frozenset(content_words(_words(reference)))


def _reid(capture: Document, d: Divergence) -> str:
    return divergence_id(capture.sha256, d.kind, d.reference, d.copy, d.reference_text, d.copy_text)


def interruption(
    text: str,
    span: Span,
    repeated: frozenset[str] = frozenset(),
    vocabulary: frozenset[str] = frozenset(),
) -> tuple[Severity, str] | None:
    """Whether the inserted text at `span` is foreign material inside a copy.

    Page furniture (every line a page number, a form feed, or a line the page repeats,
    as running headers are; or a box that starts with a label such as "Related:" or
    "Advertisement") is `cosmetic`. Other material set apart on its own lines is
    `minor` when it cannot be part of the text: it cuts a sentence, does not end as a
    sentence does, starts like a caption, or (given the reference's `vocabulary` of
    content words) uses fewer than `PROSE_SHARE` of its content words from it.
    Anything else is None: an insertion.

    >>> interruption("a b\\n\\fPage 2\\n\\nc d", Span(3, 13))[0]
    <Severity.COSMETIC: 0>
    >>> interruption("One. Two more words. Three.", Span(4, 19)) is None
    True
    """
    span = _past_continuation_marks(text, span)
    inserted = span.of(text)
    lines = [line.strip() for line in inserted.splitlines()]
    lines = [line for line in lines if line.strip("\f\v ")]
    if not lines:
        return None
    # (run into a sentence, only a label written as one: "Advertisement", "READ MORE";
    # "any advertisement of statements" is a word put into the statement's)
    if BOX_LABEL.fullmatch(lines[0]) and (lines[0][:1].isupper() or _line_break_before(text, span)):
        return _FURNITURE, f"{_BOX_NOTE} ({lines[0][:40]!r})"
    page_break = "\f" in inserted
    furniture = [
        _PAGE_NUMBER.fullmatch(line) or line in repeated or (page_break and _running_head(line))
        for line in lines
    ]
    # (whole lines only: "July\n14, 2017" is a date the copy re-typed at a line's start)
    if all(furniture) and (page_break or _own_lines(text, span)):
        return _FURNITURE, "page furniture: page number, running header or page break"
    if any(_THREAD_COUNTER.fullmatch(line) for line in lines) and all(
        _THREAD_COUNTER.fullmatch(line) or _CONTINUED.fullmatch(line) or _post_chrome(line)
        for line in lines
    ):
        # "… stop…¶💬 3 🔁 97¶Amy @amy · Jul 4¶4/6 …and cancel": a thread's break between
        # posts, its counter, the next post's byline and counts, and the ellipses that
        # carry the sentence over
        return _FURNITURE, _THREAD_BREAK
    if (
        len(lines) == 1
        and _CREDIT_AFTER_QUOTE.search(text, max(0, span.start - 4), span.start)
        and (_CREDIT_LINE.fullmatch(lines[0]))
    ):
        # '“Any possibility ... ruled out.” — Russian and Chinese foreign ministries': a
        # pull quote's credit, after its closing mark on the same line
        return _FOREIGN, "foreign material: a pull quote's credit"
    if not _line_break_before(text, span):
        return None
    if not _line_break_after(text, span) and not _leads_into_copy(text, span):
        return None
    prose_before = text[max(0, span.start - 80) : span.start].rstrip()
    if prose_before and not _BLOCK_END.search(prose_before):
        return _FOREIGN, "foreign material inside a sentence"
    if _CAPTION.match(lines[0].lstrip("[(")):
        return _A_CAPTION
    if not _BLOCK_END.search(lines[-1]):
        return _FOREIGN, _NOT_SENTENCES
    framing = (
        _FRAMING.search(inserted)
        or _introduces_what_follows(lines)
        or _COMMENT_LABEL.match(lines[0])
    )
    if framing and not _AUTHORS_SPEAK.search(inserted):
        # "The rest of the statement follows.", "And on force, in a separate passage:"
        return _FOREIGN, "foreign material: the page's own line about the text"
    if all(_TIMESTAMPED.match(line) for line in lines):
        # "14:10 Japan's prime minister calls an emergency meeting.": a live blog's
        # entries between the parts of the copy it posts
        return _FOREIGN, "foreign material: a live blog's entries"
    if PULL_QUOTE.fullmatch(" ".join(lines)) and not _AUTHORS_SPEAK.search(inserted):
        # "“We will not accept ...,” a diplomat told us.": someone's words set apart
        return _FOREIGN, "foreign material: a pull quote (someone's words, and who said them)"
    content = content_words(_words(inserted))
    if vocabulary and len(content & vocabulary) < PROSE_SHARE * len(content):
        return _FOREIGN, "foreign material: prose about something else"
    return None


_NOT_SENTENCES = "foreign material: lines that are not sentences"
_CREDIT_AFTER_QUOTE = re.compile(r"[\"\u201d\u00bb][ \t]*$")
"""A closing quotation mark just before inserted text on its line."""
_CREDIT_LINE = re.compile(r"[\u2014\u2013-]{1,2}[ \t]*[^\W\d_][^.!?\n]{0,80}")
"""A credit line: a dash, then a few words that end no sentence ("— Wang Yi")."""


def _past_continuation_marks(text: str, span: Span) -> Span:
    """`span` without a mark saying the copy goes on that ends the line it starts on
    ("... missile tests, [continued]") or opens the line it ends on ("[continued from
    above] and the United States ..."): a forum's split post, whose marks belong to the
    copy's own lines, so that what stands between is still set apart.

    >>> text = "tests, [continued]\\nA post.\\n[continued from above] and"
    >>> _past_continuation_marks(text, Span(6, len(text) - 3)).of(text)
    '\\nA post.\\n'
    """
    start, end = span.start, span.end
    head = _CONTINUATION_END.match(text, start, end)
    if head is not None:
        start = head.end()
    tail = _CONTINUATION_START.search(text, start, end)
    if tail is not None:
        end = tail.start()
    return Span(start, end) if start < end else span


_CONTINUATION = (
    r"[\[(](?:continued|cont(?:['\u2019]d|inued)?\.?)(?:[ \t]+(?:from|on)[^\])\n]{1,30})?[\])]"
)
_CONTINUATION_END = re.compile(rf"[ \t]*{_CONTINUATION}[ \t]*(?=\r?\n)", re.IGNORECASE)
"""A mark ending a line that the copy goes on ("[continued]", "(cont'd)")."""
_CONTINUATION_START = re.compile(rf"(?<=\n)[ \t]*{_CONTINUATION}[ \t]*\Z", re.IGNORECASE)
"""The same mark opening the line the copy goes on in ("[continued from above]")."""


def _running_head(line: str) -> bool:
    """Whether a line at a page break (a form feed among the inserted lines) reads as a
    running header or footer: a few words that end no sentence ("MINISTRY OF FOREIGN
    AFFAIRS OF THE RUSSIAN FEDERATION   Press release"), on a page the header need not
    repeat on (a copy spanning one break). A footnote's line ends as a sentence does.

    >>> _running_head("MINISTRY OF FOREIGN AFFAIRS   Press release"), _running_head("See p. 4.")
    (True, False)
    """
    return len(line.split()) <= _HEAD_WORDS and not _BLOCK_END.search(line)


_HEAD_WORDS = 12
"""Most words of a running header or footer (as `_repeated_lines` counts them)."""


def _leads_into_copy(text: str, span: Span) -> bool:
    r"""Whether inserted text set apart before it runs on into the copy's next sentence in
    its own last paragraph: whole paragraphs of the page's own, then its sentences leading
    into the copy ("This is a shift in tone. ...¶The final paragraph goes further. Russia
    and China are against ..."). Its lines are then judged as lines set apart are.

    >>> _leads_into_copy("x.\n\nOur view.\n\nMore so. The Parties", Span(2, 24))
    True
    >>> _leads_into_copy("x.\n\nOur view, and the Parties", Span(2, 17))
    False
    """
    inserted = span.of(text).strip()
    after = text[span.end : span.end + 2].lstrip()
    return "\n" in inserted and bool(_BLOCK_END.search(inserted)) and after[:1].isupper()


def _introduces_what_follows(lines: list[str]) -> bool:
    """Whether inserted lines only introduce the paragraph after them: the last ends in a
    colon, and each before it is a note in brackets or ends in a colon too. A poster's line
    ("and right after it, the part people call a threat:") then a forum's label
    ("Quote:") both introduce the quoted paragraph, as either does alone."""
    return lines[-1].endswith(":") and all(
        _NOTE_LINE.fullmatch(line) or line.endswith(":") for line in lines[:-1]
    )


def _line_break_before(text: str, span: Span) -> bool:
    """True when a line break separates the inserted text from the copy text before it."""
    inserted = span.of(text)
    head = inserted[: len(inserted) - len(inserted.lstrip())]
    k = span.start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return "\n" in text[k : span.start] + head or "\f" in head


def _own_lines(text: str, span: Span) -> bool:
    """True when the inserted text stands on lines of its own, no copy text beside it."""
    return _line_break_before(text, span) and _line_break_after(text, span)


def _line_break_after(text: str, span: Span) -> bool:
    inserted = span.of(text)
    tail = inserted[len(inserted.rstrip()) :]
    k = span.end
    while k < len(text) and text[k].isspace():
        k += 1
    return "\n" in tail + text[span.end : k] or k == len(text)


def _repeated_lines(text: str) -> frozenset[str]:
    """Short lines the page has more than once: running headers and footers."""
    counts = Counter(line.strip() for line in text.splitlines())
    return frozenset(
        line for line, n in counts.items() if n > 1 and line and len(line.split()) <= 12
    )


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _LETTERS.findall(text)]
