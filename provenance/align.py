"""Align a located passage to the reference: token-level diff, spans in both originals.

Tokens are words, runs of whitespace and single other characters, so one changed word
is one edit and a no-break space is its own edit. diff-match-patch runs on tokens
encoded as characters (its lines-to-chars trick at word granularity), then
semantic clean-up merges edits split by trivial equalities, so one human edit stays one
edit. Whitespace-only edits are then trimmed to the characters that differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

import fast_diff_match_patch

from provenance.model import Alignment, Document, Edit, Passage, Span, Tag

_TOKEN = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)

DIFF_SETTINGS = {"engine": "fast-diff-match-patch", "timelimit": 0, "cleanup": "Semantic"}
"""Recorded in reports: the settings that determine every alignment."""


def align(reference: Document, capture: Document, passage: Passage) -> Alignment:
    """Align one located passage of `capture` with its stretch of `reference`.

    Returns:
        An Alignment whose edits cover both stretches exactly, in original offsets.
    """
    edits = align_texts(
        passage.reference.of(reference.text),
        passage.copy.of(capture.text),
        reference_offset=passage.reference.start,
        copy_offset=passage.copy.start,
    )
    return Alignment(passage=passage, edits=tuple(edits))


def align_texts(
    reference: str, copy: str, *, reference_offset: int = 0, copy_offset: int = 0
) -> list[Edit]:
    """Token-level opcodes turning `reference` into `copy`.

    >>> [(e.tag, e.reference.of("a red dog"), e.copy.of("a blue dog"))
    ...  for e in align_texts("a red dog", "a blue dog")]
    [('equal', 'a ', 'a '), ('replace', 'red', 'blue'), ('equal', ' dog', ' dog')]
    """
    ref_codes, ref_coded, ref_at = _reference_side(reference)
    copy_tokens = _TOKEN.findall(copy)
    codes = dict(ref_codes)
    copy_coded = _encode(copy_tokens, codes)
    # timelimit=0: no deadline, so the diff is the same on every machine and under any load.
    ops = fast_diff_match_patch.diff(
        ref_coded, copy_coded, timelimit=0, checklines=False, cleanup="Semantic"
    )
    copy_at = list(accumulate(map(len, copy_tokens), initial=0))  # token k starts at copy_at[k]
    edits: list[Edit] = []
    r = c = 0  # token positions
    ro, co = reference_offset, copy_offset  # character offsets
    pending_delete: tuple[int, int] | None = None
    for op, count in ops:
        if op == "=":
            if pending_delete:
                edits.append(_edit("delete", *pending_delete, co, co))
                pending_delete = None
            width = ref_at[r + count] - ref_at[r]
            edits.append(_edit("equal", ro, ro + width, co, co + width))
            r, c, ro, co = r + count, c + count, ro + width, co + width
        elif op == "-":
            width = ref_at[r + count] - ref_at[r]
            pending_delete = (ro, ro + width)
            r, ro = r + count, ro + width
        else:
            width = copy_at[c + count] - copy_at[c]
            if pending_delete:
                edits.append(_edit("replace", *pending_delete, co, co + width))
                pending_delete = None
            else:
                edits.append(_edit("insert", ro, ro, co, co + width))
            c, co = c + count, co + width
    if pending_delete:
        edits.append(_edit("delete", *pending_delete, co, co))
    edits = _merge_across_short_words(edits, reference, copy, reference_offset, copy_offset)
    edits = list(_unburied(edits, reference, copy, reference_offset, copy_offset))
    return list(_tighten(edits, reference, copy, reference_offset, copy_offset))


def refine(reference: str, copy: str) -> list[tuple[Tag, str, str]]:
    """Character-level opcodes inside one edit, for highlighting which letters changed.

    >>> refine("neighbours", "neighbors")
    [('equal', 'neighbo', 'neighbo'), ('delete', 'u', ''), ('equal', 'rs', 'rs')]
    """
    ops = fast_diff_match_patch.diff(
        reference, copy, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False
    )
    out: list[tuple[Tag, str, str]] = []
    for op, text in ops:
        if op == "=":
            out.append(("equal", text, text))
        elif op == "-":
            out.append(("delete", text, ""))
        elif out and out[-1][0] == "delete":
            out[-1] = ("replace", out[-1][1], text)
        else:
            out.append(("insert", "", text))
    return out


def _reference_side(reference: str) -> tuple[dict[str, str], str, list[int]]:
    """The codes of the reference's tokens, its coded text and where each token starts
    (`ref_at[k]`): a scan aligns page after page with the same reference stretch, so a
    short one's are kept (`_remembered_side`)."""
    if len(reference) <= _REMEMBERED_SIDE:
        return _remembered_side(reference)
    return _side(reference)


_REMEMBERED_SIDE = 50_000
"""Reference stretches up to this many characters (a statement ten times over) are
remembered, the last eight: a few MB at most."""


def _side(reference: str) -> tuple[dict[str, str], str, list[int]]:
    tokens = _TOKEN.findall(reference)
    codes: dict[str, str] = {}
    coded = _encode(tokens, codes)
    return codes, coded, list(accumulate(map(len, tokens), initial=0))


_remembered_side = lru_cache(maxsize=8)(_side)


def _encode(tokens: list[str], codes: dict[str, str]) -> str:
    """One character per token: a token new to `codes` takes the next code, in order of
    first appearance (the codes' characters steer the diff's clean-up, so their order is
    kept exactly)."""
    for token in dict.fromkeys(tokens):
        if token not in codes:
            n = len(codes) + 0x100
            if n >= 0xD800:  # skip the surrogate block, which is not a valid character
                n += 0x800
            codes[token] = chr(n)
    return "".join(map(codes.__getitem__, tokens))


def _edit(tag: Tag, rs: int, re_: int, cs: int, ce: int) -> Edit:
    return Edit(tag=tag, reference=Span(rs, re_), copy=Span(cs, ce))


_SHORT_EQUALITY = re.compile(r"\s*(?:[^\W_]{1,3}\s*)?", re.DOTALL)
_HAS_WORD = re.compile(r"[^\W_]")


def _merge_across_short_words(
    edits: list[Edit], reference: str, copy: str, roff: int, coff: int
) -> list[Edit]:
    """Join two word edits that only a short word keeps apart into one replacement.

    Semantic clean-up keeps an equality as long as either neighbouring edit, so in
    "settle the situation" -> "resolve the crisis" the shared "the" splits one rewrite
    into two. A human made one edit there; report one.
    """
    out: list[Edit] = []
    for edit in edits:
        if (
            edit.tag != "equal"
            and len(out) >= 2
            and out[-1].tag == "equal"
            and out[-2].tag != "equal"
            and _short_equality(out[-1], reference, roff)
            and _words_in(out[-2], reference, copy, roff, coff)
            and _words_in(edit, reference, copy, roff, coff)
        ):
            first = out[-2]
            rs, re_ = first.reference.start, edit.reference.end
            out[-2:] = [_edit("replace", rs, re_, first.copy.start, edit.copy.end)]
            continue
        out.append(edit)
    return out


def _short_equality(edit: Edit, reference: str, roff: int) -> bool:
    start, end = edit.reference.start - roff, edit.reference.end - roff
    return _SHORT_EQUALITY.fullmatch(reference, start, end) is not None


def _words_in(edit: Edit, reference: str, copy: str, roff: int, coff: int) -> bool:
    ref_text = reference[edit.reference.start - roff : edit.reference.end - roff]
    copy_text = copy[edit.copy.start - coff : edit.copy.end - coff]
    return bool(_HAS_WORD.search(ref_text) or _HAS_WORD.search(copy_text))


_BURIED_WORDS = 3
"""Words a replaced reference text needs before `_unburied` looks for it in the copy."""


def _unburied(edits: list[Edit], reference: str, copy: str, roff: int, coff: int) -> Iterator[Edit]:
    """A replacement whose reference text stands whole in its copy text, as an insertion,
    an equality and an insertion.

    The diff's semantic clean-up folds an equality shorter than the edits on both sides
    into one replacement: a five-word paragraph between two foreign lines ("The Parties
    propose the following:" between two lines of a translation) came out as a material
    substitution of the paragraph by all three. A shorter text is taken only where what
    the copy has around it are whole lines: a line of page furniture cutting a sentence
    before " to " ("jointly\nSubscribe to our newsletter\n to create").
    """
    for edit in edits:
        if edit.tag != "replace":
            yield edit
            continue
        ref_text = reference[edit.reference.start - roff : edit.reference.end - roff]
        copy_text = copy[edit.copy.start - coff : edit.copy.end - coff]
        words = len(_HAS_WORD_RUN.findall(ref_text))
        if words >= _BURIED_WORDS:
            at = _whole_words_at(copy_text, ref_text)
        else:  # (spaces alone are `_tighten`'s)
            at = _beside_lines(copy_text, ref_text) if words else -1
        if at < 0:
            yield edit
            continue
        rs, re_ = edit.reference.start, edit.reference.end
        cs, ce = edit.copy.start, edit.copy.end
        if at:
            yield _edit("insert", rs, rs, cs, cs + at)
        yield _edit("equal", rs, re_, cs + at, cs + at + len(ref_text))
        if cs + at + len(ref_text) < ce:
            yield _edit("insert", re_, re_, cs + at + len(ref_text), ce)


_HAS_WORD_RUN = re.compile(r"[^\W_]+")


def _beside_lines(text: str, part: str) -> int:
    """Where `part` stands in `text` with only whole lines beside it (what comes before
    it ends a line, what comes after it starts one); -1 if nowhere."""
    at = text.rfind(part)
    while at >= 0:
        before, after = text[:at], text[at + len(part) :]
        if (before or after) and (
            (not before or before.rstrip(" \t").endswith("\n"))
            and (not after or after.lstrip(" \t").startswith("\n"))
        ):
            return at
        at = text.rfind(part, 0, at + len(part) - 1)
    return -1


def _whole_words_at(text: str, part: str) -> int:
    """Where `part` first stands in `text` without cutting a word; -1 if nowhere."""
    at = text.find(part)
    while at >= 0 and cuts_a_word(text, at, at + len(part)):
        at = text.find(part, at + 1)
    return at


def cuts_a_word(text: str, start: int, end: int) -> bool:
    """True when text[start:end] starts or ends inside a word of `text`."""
    return (text[start - 1 : start].isalnum() and text[start : start + 1].isalnum()) or (
        text[end - 1 : end].isalnum() and text[end : end + 1].isalnum()
    )


def _tighten(edits: list[Edit], reference: str, copy: str, roff: int, coff: int) -> Iterator[Edit]:
    """Split whitespace replacements so only the differing characters are an edit."""
    for edit in edits:
        ref_text = reference[edit.reference.start - roff : edit.reference.end - roff]
        copy_text = copy[edit.copy.start - coff : edit.copy.end - coff]
        if edit.tag != "replace" or not (ref_text.isspace() and copy_text.isspace()):
            yield edit
            continue
        head = 0
        while head < min(len(ref_text), len(copy_text)) and ref_text[head] == copy_text[head]:
            head += 1
        tail = 0
        while (
            tail < min(len(ref_text), len(copy_text)) - head
            and ref_text[-1 - tail] == copy_text[-1 - tail]
        ):
            tail += 1
        rs, re_ = edit.reference.start, edit.reference.end
        cs, ce = edit.copy.start, edit.copy.end
        if head:
            yield _edit("equal", rs, rs + head, cs, cs + head)
        mid_r, mid_c = (rs + head, re_ - tail), (cs + head, ce - tail)
        tag: Tag = "replace"
        if mid_r[0] == mid_r[1]:
            tag = "insert"
        elif mid_c[0] == mid_c[1]:
            tag = "delete"
        yield _edit(tag, *mid_r, *mid_c)
        if tail:
            yield _edit("equal", re_ - tail, re_, ce - tail, ce)
