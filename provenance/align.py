"""Align a located passage to the reference: token-level diff, spans in both originals.

Tokens are words, runs of whitespace and single other characters, so one changed word
is one edit and a no-break space is its own edit. diff-match-patch runs on tokens
encoded as characters (its lines-to-chars trick at word granularity), then
semantic clean-up merges edits split by trivial equalities, so one human edit stays one
edit. Whitespace-only edits are then trimmed to the characters that differ.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

import fast_diff_match_patch

from provenance.model import Alignment, Document, Edit, Passage, Span, Tag
from provenance.normalise import INVISIBLE, WITHOUT_INVISIBLE, ascii_classes

_TOKEN = re.compile(r"[^\W_]+|\s+|\.\.\.|.", re.DOTALL)
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+|[\t-\r\x1c- ]+|\.\.\.|.", re.DOTALL)
"""`_TOKEN` for text whose letters, digits and spaces are all ASCII (`ascii_classes`):
there `[^\\W_]` is [A-Za-z0-9] and `\\s` the ASCII characters `str.isspace` takes. A
third faster on the scan's candidates (curly quotes and dashes are none of those)."""

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
    if reference == copy:
        # A stretch copied exactly (an exact copy or excerpt: 164 of the 449 alignments of
        # the scan's 535 candidates) is one equality: the diff of identical texts is one,
        # and no pass below touches an equality alone. Tokenising it cost as much as a
        # copy with changes.
        if not reference:
            return []
        end, copy_end = reference_offset + len(reference), copy_offset + len(copy)
        return [_edit("equal", reference_offset, end, copy_offset, copy_end)]
    if shouted(copy) and not shouted(reference) and _lengths_kept(reference, copy):
        # A copy in capitals throughout (a telex, a headline-style paste) is aligned in
        # lower case, its case changes read afterwards: by their letters every word
        # differed, and one dropped or changed word made paragraphs one substitution.
        lowered = align_texts(
            reference.lower(),
            copy.lower(),
            reference_offset=reference_offset,
            copy_offset=copy_offset,
        )
        return _case_changes(lowered, reference, copy, reference_offset, copy_offset)
    # Invisible characters inside words and spaces ("de\u00adnu\u00adclear", a
    # zero-width one between every letter) are read past: whole otherwise, one changed
    # word among such words made the sentence around it one material substitution.
    keyed = _INVISIBLE_IN.search(copy) is not None or _INVISIBLE_IN.search(reference) is not None
    if keyed:
        ref_codes, ref_coded, ref_at = _side(reference, keyed=True)
        copy_tokens = _keyed_tokens(copy)
        copy_keys = [token.translate(WITHOUT_INVISIBLE) for token in copy_tokens]
    else:
        ref_codes, ref_coded, ref_at = _reference_side(reference)
        copy_tokens = copy_keys = _tokens(copy)
    codes = dict(ref_codes)
    copy_coded = _encode(copy_keys, codes)
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
            copy_width = copy_at[c + count] - copy_at[c]
            if keyed and (
                copy_width != width
                or reference[ro - reference_offset : ro - reference_offset + width]
                != copy[co - copy_offset : co - copy_offset + width]
            ):
                edits.extend(_read_past(reference, copy, ref_at, copy_at, r, c, count, ro, co))
            else:
                edits.append(_edit("equal", ro, ro + width, co, co + width))
            ro, co = ro + width, co + copy_width
            r, c = r + count, c + count
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
    edits = _slid_to_lines(edits, reference, copy, reference_offset, copy_offset)
    edits = _line_heads_moved(edits, reference, copy, reference_offset, copy_offset)
    edits = _brackets_whole(edits, copy, copy_offset)
    edits = _marks_apart(edits, reference, copy, reference_offset, copy_offset)
    edits = list(_spaces_apart(edits, reference, copy, reference_offset, copy_offset))
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
    if len(reference) <= _SHORT_SIDE:
        return _remembered_short_side(reference)
    if len(reference) <= _REMEMBERED_SIDE:
        return _remembered_side(reference)
    return _side(reference)


_REMEMBERED_SIDE = 50_000
"""Reference stretches up to this many characters (a statement ten times over) are
remembered, the last eight: a few MB at most."""
_SHORT_SIDE = 2_000
"""Short stretches (excerpts and quotations) are remembered apart, the last 64 (5 MB at
most): a scan meets many, and with eight places for all they pushed out the whole
statement between two full copies (337 sides of 562 worked out again over the scan's
candidates, 166 so)."""


def _side(reference: str, *, keyed: bool = False) -> tuple[dict[str, str], str, list[int]]:
    tokens = _keyed_tokens(reference) if keyed else _tokens(reference)
    keys = [token.translate(WITHOUT_INVISIBLE) for token in tokens] if keyed else tokens
    codes: dict[str, str] = {}
    coded = _encode(keys, codes)
    return codes, coded, list(accumulate(map(len, tokens), initial=0))


def shouted(text: str) -> bool:
    """Whether `text` is written in capitals throughout: at least `_SHOUTED_LETTERS`
    capitals, nine in ten of its cased letters.

    >>> shouted("THE PARTIES ARE SERIOUSLY WORRIED BY THE DPRK'S STATEMENT"), shouted("The DPRK")
    (True, False)
    """
    if len(text) < _SHOUTED_LETTERS:
        return False
    # Most texts show lower case in their first few hundred characters: told from those
    # (every alignment asks, of the copy and of the reference: counting every letter of
    # each cost the scan benchmark's engine a fifth of its time).
    if len(_ASCII_LOWER.findall(text, 0, _SAMPLE)) > _SAMPLE // 10:
        return False
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper >= _SHOUTED_LETTERS and upper >= 9 * lower


_ASCII_LOWER = re.compile(r"[a-z]")
_SAMPLE = 400
"""Characters read first for lower case (a tenth of them lower case: not in capitals)."""
_SHOUTED_LETTERS = 40
"""Fewest capitals of a text written in capitals throughout (not a heading's few words)."""


def _lengths_kept(*texts: str) -> bool:
    """Whether lower case keeps every character one (not "İ", two in lower case)."""
    return all(len(t.lower()) == len(t) for t in texts)


def _case_changes(edits: list[Edit], reference: str, copy: str, roff: int, coff: int) -> list[Edit]:
    """`edits` of the lower-cased texts, each equality whose letters differ in case made
    one replacement from the first word so differing to the last, between equalities:
    one case change between two real edits, not one at every mark or acronym ("DPRK",
    "UN") the two share.

    >>> [(e.tag, e.reference.of("the dog ran"), e.copy.of("THE DOG RAN"))
    ...  for e in _case_changes([_edit("equal", 0, 11, 0, 11)], "the dog ran", "THE DOG RAN", 0, 0)]
    [('replace', 'the dog ran', 'THE DOG RAN')]
    """
    out: list[Edit] = []
    for edit in edits:
        theirs, ours = _texts(edit, reference, copy, roff, coff)
        if edit.tag != "equal" or theirs == ours:
            out.append(edit)
            continue
        first = next(k for k, (a, b) in enumerate(zip(theirs, ours, strict=True)) if a != b)
        last = max(k for k, (a, b) in enumerate(zip(theirs, ours, strict=True)) if a != b) + 1
        while first > 0 and theirs[first - 1].isalnum():
            first -= 1
        while last < len(theirs) and theirs[last].isalnum():
            last += 1
        rs, cs = edit.reference.start, edit.copy.start
        if first:
            out.append(_edit("equal", rs, rs + first, cs, cs + first))
        out.append(_edit("replace", rs + first, rs + last, cs + first, cs + last))
        if last < len(theirs):
            out.append(_edit("equal", rs + last, edit.reference.end, cs + last, edit.copy.end))
    return out


def _read_past(
    reference: str,
    copy: str,
    ref_at: list[int],
    copy_at: list[int],
    r: int,
    c: int,
    count: int,
    ro: int,
    co: int,
) -> Iterator[Edit]:
    """The `count` tokens from `r` and `c` that the diff found equal, read past invisible
    characters, as equalities where their characters are the same and replacements
    (of one kind, invisible) where they are not: a run of such tokens one edit, so that a
    zero-width character between every letter is one stretch, not one edit a word."""
    roff, coff = ro - ref_at[r], co - copy_at[c]
    k = 0
    while k < count:
        same = _same_token(reference, copy, ref_at, copy_at, r + k, c + k)
        m = k + 1
        while m < count and _same_token(reference, copy, ref_at, copy_at, r + m, c + m) == same:
            m += 1
        tag: Tag = "equal" if same else "replace"
        yield _edit(
            tag,
            roff + ref_at[r + k],
            roff + ref_at[r + m],
            coff + copy_at[c + k],
            coff + copy_at[c + m],
        )
        k = m


def _same_token(
    reference: str, copy: str, ref_at: list[int], copy_at: list[int], r: int, c: int
) -> bool:
    return reference[ref_at[r] : ref_at[r + 1]] == copy[copy_at[c] : copy_at[c + 1]]


_remembered_side = lru_cache(maxsize=8)(_side)
_remembered_short_side = lru_cache(maxsize=64)(_side)


def _tokens(text: str) -> list[str]:
    r"""`text` as tokens: words, runs of whitespace, three full stops (an ellipsis: one
    mark, which the diff never splits to match a sentence's full stop), and single other
    characters.

    >>> _tokens("a\u00a0 b_c.")
    ['a', '\xa0 ', 'b', '_', 'c', '.']
    """
    return (_ASCII_TOKEN if ascii_classes(text) else _TOKEN).findall(text)


def _keyed_tokens(text: str) -> list[str]:
    r"""`_tokens`, with the invisible characters inside or around a word, or inside a
    run of spaces, part of it (its key, without them, is the token it stands for).

    >>> _keyed_tokens("de\u00adnu \u2068clear\u2069 \u200b the")
    ['de\xadnu', ' ', '\u2068clear\u2069', ' \u200b ', 'the']
    """
    return _KEYED_TOKEN.findall(text)


_INVISIBLE_CLASS = "[" + re.escape("".join(sorted(INVISIBLE))) + "]"
_INVISIBLE_IN = re.compile(_INVISIBLE_CLASS)
_KEYED_TOKEN = re.compile(
    rf"{_INVISIBLE_CLASS}*[^\W_]+(?:{_INVISIBLE_CLASS}+[^\W_]+)*{_INVISIBLE_CLASS}*"
    rf"|{_INVISIBLE_CLASS}*\s(?:{_INVISIBLE_CLASS}*\s)*|\.\.\.|.",
    re.DOTALL,
)


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


def _texts(edit: Edit, reference: str, copy: str, roff: int, coff: int) -> tuple[str, str]:
    """The reference's and the copy's text of `edit` (its spans less the offsets of the
    two stretches `reference` and `copy` start at)."""
    return (
        reference[edit.reference.start - roff : edit.reference.end - roff],
        copy[edit.copy.start - coff : edit.copy.end - coff],
    )


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
        k = _joined_across(out, edit, reference, copy, roff, coff)
        if k is not None:
            first = out[k]
            rs, re_ = first.reference.start, edit.reference.end
            out[k:] = [_edit("replace", rs, re_, first.copy.start, edit.copy.end)]
            continue
        out.append(edit)
    return out


def _brackets_whole(edits: list[Edit], copy: str, coff: int) -> list[Edit]:
    """One edit for each bracket of the copy that edits cut into, from its opening to its
    closing mark and over the reference text it stands for.

    An editor's bracket is one edit ("the DPRK's" -> "[Pyongyang's]"), but the aligner
    may match words inside it (the reference's curly "'s"), leaving "[Pyongyang" replaced
    and "]" inserted: a substitution and a stray mark, where there is one gloss. Equal
    text running into the bracket from outside keeps its outside part.
    """
    if "[" not in copy:
        return edits
    out = edits
    i = 0  # edits and brackets both run in copy order: one pass over each
    for bracket in _BRACKET.finditer(copy):
        start, end = coff + bracket.start(), coff + bracket.end()
        while i < len(out) and out[i].copy.end <= start:
            i += 1
        j = i
        while j < len(out) and out[j].copy.start < end:
            j += 1
        touched = range(i, j)
        if len(touched) < 2 or all(out[k].tag == "equal" for k in touched):
            continue
        first, last = out[touched[0]], out[touched[-1]]
        if (first.copy.start < start and first.tag != "equal") or (
            last.copy.end > end and last.tag != "equal"
        ):
            continue  # an edit running out of the bracket: left as the aligner made it
        head = first.reference.start + max(0, start - first.copy.start)
        tail = last.reference.end - max(0, last.copy.end - end)
        outside = [
            _edit("equal", first.reference.start, head, first.copy.start, start),
            _edit("replace" if tail > head else "insert", head, tail, start, end),
            _edit("equal", tail, last.reference.end, end, last.copy.end),
        ]
        kept = [e for e in outside if e.copy or e.reference]
        out = [*out[: touched[0]], *kept, *out[touched[-1] + 1 :]]
    return out


_BRACKET = re.compile(r"\[[^\[\]\n]{1,60}\]")
"""An editor's bracket, as `classify` reads one."""


def _marks_apart(edits: list[Edit], reference: str, copy: str, roff: int, coff: int) -> list[Edit]:
    """`edits`, each that holds two or more editor's marks (a bracket, an ellipsis) with
    the reference's own words between them cut into one edit a mark.

    "the conflicting parties [the DPRK, the US and the ROK] begin talks and assert common
    principles of their relations ... and determination": a gloss, eight words of the
    statement, and a cut. The diff's semantic clean-up joins two edits around so short an
    equality into one, and the gloss and the cut were read together as a bracket that
    changes the statement's words (a material substitution, where each alone is an
    editor's mark). Only where every stretch between two marks is two words or more that
    the edit's reference text holds as they stand, in order.
    """
    if not _EDITOR_MARK.search(copy):
        return edits
    out: list[Edit] = []
    for edit in edits:
        pieces = (
            _between_marks(edit, reference, copy, roff, coff) if edit.tag == "replace" else None
        )
        out.extend(pieces or (edit,))
    return out


def _between_marks(
    edit: Edit, reference: str, copy: str, roff: int, coff: int
) -> list[Edit] | None:
    """`edit` cut at the reference's words between its marks (`_marks_apart`), or None."""
    ref_text, copy_text = _texts(edit, reference, copy, roff, coff)
    marks = list(_EDITOR_MARK.finditer(copy_text))
    if len(marks) < 2:
        return None
    anchors = []  # (copy start, copy end, reference start), in the edit's own offsets
    after = 0
    for mark, following in itertools.pairwise(marks):
        between = copy_text[mark.end() : following.start()]
        words = between.strip()
        if len(words.split()) < 2:
            return None
        found = ref_text.find(words, after)
        if found < 0:
            return None
        start = mark.end() + between.index(words)
        anchors.append((start, start + len(words), found))
        after = found + len(words)
    rs, cs = edit.reference.start, edit.copy.start
    pieces = []
    ref_at = copy_at = 0
    for start, end, found in [*anchors, (len(copy_text), len(copy_text), len(ref_text))]:
        if start > copy_at or found > ref_at:
            tag: Tag = "replace" if start > copy_at and found > ref_at else "insert"
            tag = tag if start > copy_at else "delete"
            pieces.append(_edit(tag, rs + ref_at, rs + found, cs + copy_at, cs + start))
        if end > start:
            pieces.append(
                _edit("equal", rs + found, rs + found + end - start, cs + start, cs + end)
            )
        ref_at, copy_at = found + end - start, end
    return pieces


_EDITOR_MARK = re.compile(r"\[[^\[\]\n]{1,60}\]|\.\s?\.\s?\.|…")
"""An editor's bracket or an ellipsis (three full stops, spaced or not, or one mark)."""


def _short_equality(edit: Edit, reference: str, roff: int) -> bool:
    start, end = edit.reference.start - roff, edit.reference.end - roff
    return _SHORT_EQUALITY.fullmatch(reference, start, end) is not None


def _joined_across(
    out: list[Edit], edit: Edit, reference: str, copy: str, roff: int, coff: int
) -> int | None:
    """Where the edit that `edit` joins stands in `out`, if only a short equality keeps
    them apart (both changes, or both of invisible characters only); or a short word
    differing only in invisible characters, with the spaces around it, keeps two changes
    apart ("military a\u200bnd political": a swap across a word the copy marks
    invisibly). None where they stay apart."""
    if edit.tag == "equal" or not _words_in(edit, reference, copy, roff, coff):
        return None
    unseen = _unseen(edit, reference, copy, roff, coff)
    n = len(out)
    if (
        n >= 2
        and out[-1].tag == "equal"
        and out[-2].tag != "equal"
        and _short_equality(out[-1], reference, roff)
        and _words_in(out[-2], reference, copy, roff, coff)
        and _unseen(out[-2], reference, copy, roff, coff) == unseen
    ):
        return n - 2
    if unseen:
        return None
    k = n - 1
    while k >= 0 and (out[k].tag == "equal" or _unseen(out[k], reference, copy, roff, coff)):
        k -= 1
    if k < 0 or all(e.tag == "equal" for e in out[k + 1 :]):
        return None
    gap = (out[k + 1].reference.start - roff, out[-1].reference.end - roff)
    if _SHORT_EQUALITY.fullmatch(reference, *gap) is None:
        return None
    return k if _words_in(out[k], reference, copy, roff, coff) else None


def _unseen(edit: Edit, reference: str, copy: str, roff: int, coff: int) -> bool:
    """Whether `edit` differs only in invisible characters: such an edit and a changed
    word ("Par\u00adties are gra\u00advely") are not one rewrite."""
    ref_text, copy_text = _texts(edit, reference, copy, roff, coff)
    return ref_text.translate(WITHOUT_INVISIBLE) == copy_text.translate(WITHOUT_INVISIBLE)


def _words_in(edit: Edit, reference: str, copy: str, roff: int, coff: int) -> bool:
    ref_text, copy_text = _texts(edit, reference, copy, roff, coff)
    return bool(_HAS_WORD.search(ref_text) or _HAS_WORD.search(copy_text))


_BURIED_WORDS = 3
"""Words a replaced reference text needs before `_unburied` looks for it in the copy."""


def _unburied(edits: list[Edit], reference: str, copy: str, roff: int, coff: int) -> Iterator[Edit]:
    """A replacement whose reference text stands whole in its copy text, as an insertion,
    an equality and an insertion; one whose copy text stands whole in its reference text,
    as an omission, an equality and an omission.

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
        ref_text, copy_text = _texts(edit, reference, copy, roff, coff)
        words = len(_HAS_WORD_RUN.findall(ref_text))
        rs, re_ = edit.reference.start, edit.reference.end
        cs, ce = edit.copy.start, edit.copy.end
        if not words:  # (spaces alone are `_tighten`'s, but for a break between insertions)
            run = _break_between(copy_text, ref_text)
            if run is not None:
                a, b = run
                yield _edit("insert", rs, rs, cs, cs + a)
                tag: Tag = "equal" if copy_text[a:b] == ref_text else "replace"
                yield _edit(tag, rs, re_, cs + a, cs + b)
                yield _edit("insert", re_, re_, cs + b, ce)
                continue
        if words >= _BURIED_WORDS:
            at = whole_words_at(copy_text, ref_text)
        else:
            at = _beside_lines(copy_text, ref_text) if words else -1
        core = ref_text.strip()
        if at < 0 and 0 < words < _BURIED_WORDS and core != ref_text:
            split = _lines_then_words(copy_text, ref_text, core)
            if split is not None:  # " to " where the copy has "\n\nSubscribe ...\n\nto "
                lead = len(ref_text) - len(ref_text.lstrip())
                inner, ref_at = cs + split, rs + lead
                yield _edit("replace" if lead else "insert", rs, ref_at, cs, inner)
                yield _edit("equal", ref_at, re_, inner, ce)
                continue
        if at < 0 and 0 < words < _BURIED_WORDS:
            parts = _among_numbers(copy_text, ref_text)
            if parts is not None:  # "trust.\n\n" where the copy has "\n 59  trust.\n\n 60  "
                yield from _around(parts, rs, re_, cs, ce)
                continue
        if at < 0 and len(_HAS_WORD_RUN.findall(copy_text)) >= _BURIED_WORDS:
            at = whole_words_at(ref_text, copy_text)
            middle: Tag = "equal"
            if at < 0 and _same_length_folded(ref_text, copy_text):
                # "SHOULD BE RULED OUT." where the copy then leaves paragraphs out: its
                # words in capitals, and the rest omitted, not one substitution of all
                at = whole_words_at(ref_text.casefold(), copy_text.casefold())
                middle = "replace"
            if at >= 0:  # the copy kept this much of the stretch, and left the rest out
                if at:
                    yield _edit("delete", rs, rs + at, cs, cs)
                yield _edit(middle, rs + at, rs + at + len(copy_text), cs, ce)
                if rs + at + len(copy_text) < re_:
                    yield _edit("delete", rs + at + len(copy_text), re_, ce, ce)
                continue
        if at < 0:
            yield edit
            continue
        if at:
            yield _edit("insert", rs, rs, cs, cs + at)
        yield _edit("equal", rs, re_, cs + at, cs + at + len(ref_text))
        if cs + at + len(ref_text) < ce:
            yield _edit("insert", re_, re_, cs + at + len(ref_text), ce)


_HAS_WORD_RUN = re.compile(r"[^\W_]+")


def _same_length_folded(*texts: str) -> bool:
    """Whether case-folding leaves every text its length ("ß" folds to "ss"): offsets
    found in the folded texts are then the texts' own."""
    return all(len(t.casefold()) == len(t) for t in texts)


def _break_between(copy_text: str, ref_text: str) -> tuple[int, int] | None:
    r"""Where a line break the reference has here (`ref_text`, spaces only) stands in
    `copy_text` as its one run of spaces holding a line break, with the copy's own text on
    both sides: a mark ending a paragraph and a number opening the next ("[^1]\n\n(2) ",
    " [1]\n2. ") are two insertions and the break, not the break replaced by both. None
    otherwise (a line of the page's own between two breaks is `_beside_lines`').

    >>> _break_between("[^1]\n\n(2) ", "\n\n"), _break_between(" [1]\n2. ", "\n\n")
    ((4, 6), (4, 5))
    >>> _break_between("\n\nAd\n\n", "\n\n") is None
    True
    """
    if "\n" not in ref_text:
        return None
    runs = [m.span() for m in _SPACES.finditer(copy_text) if "\n" in m.group()]
    if len(runs) != 1:
        return None
    a, b = runs[0]
    return (a, b) if 0 < a and b < len(copy_text) else None


_SPACES = re.compile(r"\s+")


def _among_numbers(copy_text: str, ref_text: str) -> tuple[int, int, int, int] | None:
    """Where the reference's words (`ref_text` less its spaces) stand once in
    `copy_text` with nothing but numbers and spaces beside them (margin line
    numbers around a one-word line): (reference words' start and end in `ref_text`,
    their start and end in `copy_text`); None otherwise."""
    core = ref_text.strip()
    at = whole_words_at(copy_text, core)
    if at < 0 or whole_words_at(copy_text, core, at + 1) >= 0:
        return None
    if not _NUMBERS_AND_SPACES.fullmatch(copy_text[:at] + copy_text[at + len(core) :]):
        return None
    lead = len(ref_text) - len(ref_text.lstrip())
    return lead, lead + len(core), at, at + len(core)


_NUMBERS_AND_SPACES = re.compile(r"[\d\s]*")


def _around(
    parts: tuple[int, int, int, int], rs: int, re_: int, cs: int, ce: int
) -> Iterator[Edit]:
    """The edits before, of and after the words `_among_numbers` found."""
    r0, r1, c0, c1 = parts
    yield from _gap(rs, rs + r0, cs, cs + c0)
    yield _edit("equal", rs + r0, rs + r1, cs + c0, cs + c1)
    yield from _gap(rs + r1, re_, cs + c1, ce)


def _gap(rs: int, re_: int, cs: int, ce: int) -> Iterator[Edit]:
    if rs < re_ or cs < ce:
        tag: Tag = "replace" if rs < re_ and cs < ce else ("delete" if rs < re_ else "insert")
        yield _edit(tag, rs, re_, cs, ce)


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


def _lines_then_words(copy_text: str, ref_text: str, core: str) -> int | None:
    """Where the copy's words `core` start, when whole lines stand before them in
    `copy_text` and the reference has only spaces there, the rest being the same; None
    if they do not stand so."""
    lead = len(ref_text) - len(ref_text.lstrip())
    rest = ref_text[lead:]
    if not copy_text.endswith(rest):
        return None
    at = len(copy_text) - len(rest)
    before = copy_text[:at].rstrip(" \t")
    return at if before.endswith("\n") and copy_text[:at].strip() else None


def whole_words_at(text: str, part: str, start: int = 0) -> int:
    """Where `part` first stands in `text` from `start` without cutting a word; -1 if
    nowhere."""
    at = text.find(part, start)
    while at >= 0 and cuts_a_word(text, at, at + len(part)):
        at = text.find(part, at + 1)
    return at


def whole_lines(text: str, span: Span) -> bool:
    """True when text[span] starts a line and ends one, spaces and tabs aside (at either
    end of the text too). Reads only the characters next to the span."""
    inner = span.of(text).strip(" \t")
    k = span.start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    starts = k == 0 or text[k - 1] == "\n" or inner.startswith("\n")
    k = span.end
    while k < len(text) and text[k] in " \t":
        k += 1
    return starts and (k == len(text) or text[k] == "\n" or inner.endswith("\n"))


def cuts_a_word(text: str, start: int, end: int) -> bool:
    """True when text[start:end] starts or ends inside a word of `text`."""
    return (text[start - 1 : start].isalnum() and text[start : start + 1].isalnum()) or (
        text[end - 1 : end].isalnum() and text[end : end + 1].isalnum()
    )


def _slid_to_lines(
    edits: list[Edit], reference: str, copy: str, roff: int, coff: int
) -> list[Edit]:
    """An insertion or omission that can slide along the equal text around it, moved to
    where it is whole lines, when it is not already.

    Where the inserted text ends as the text before it does, the diff may place it
    anywhere along that stretch: "consultations.\n\nThe ministry added:\n\nThe Parties"
    against "consultations.\n\nThe Parties" came out as "ministry added:\n\nThe "
    inserted after the first "The", a line cut in two that read as a material insertion
    rather than a line set apart (an interruption)."""
    out = list(edits)
    for k, edit in enumerate(out):
        if edit.tag not in ("insert", "delete") or not 0 < k < len(out) - 1:
            continue
        before, after = out[k - 1], out[k + 1]
        if before.tag != "equal" or after.tag != "equal":
            continue
        side, offset = (copy, coff) if edit.tag == "insert" else (reference, roff)
        span = edit.copy if edit.tag == "insert" else edit.reference
        moved = span.start - offset, span.end - offset
        if _whole_lines(side, *moved):
            continue
        shift = _line_shift(side, *moved, len(before.reference), len(after.reference))
        if shift:
            out[k - 1 : k + 2] = _shifted(before, edit, after, shift)
    return [e for e in out if e.tag != "equal" or len(e.reference)]


def _line_heads_moved(
    edits: list[Edit], reference: str, copy: str, roff: int, coff: int
) -> list[Edit]:
    """A few words that open a line in both texts, then different lines: the words go with
    the lines that differ.

    "question.\n\nThe ministry added:\n\n5. The" against "question.\n\nThe Parties
    urge ...\n\n5. The": the diff keeps the two "The" equal, cutting both lines after
    their first word; a reader sees an inserted line "The ministry added:" (set apart: an
    interruption) and an omitted paragraph, not "ministry added:" in a sentence."""
    out = list(edits)
    for k in range(len(out) - 1):
        equal = out[k]
        if equal.tag != "equal" or out[k + 1].tag == "equal":
            continue
        text = copy[equal.copy.start - coff : equal.copy.end - coff]
        if "\n" in text:
            head = text[text.rfind("\n") + 1 :]
        else:  # the whole equality, where it opens a line in both texts
            at_copy, at_ref = equal.copy.start - coff, equal.reference.start - roff
            opens = copy[at_copy - 1 : at_copy] == "\n" and reference[at_ref - 1 : at_ref] == "\n"
            head = text if opens else ""
        if not (head and _HAS_WORD.search(head) and _LINE_HEAD.fullmatch(head)):
            continue
        m = k + 1
        while m < len(out) and out[m].tag != "equal":
            m += 1
        group = out[k + 1 : m]
        if not (any(len(e.copy) for e in group) and any(len(e.reference) for e in group)):
            continue  # one side only: `_slid_to_lines` moves it, if it can move
        if not (
            _ends_line(copy, group[-1].copy.end - coff)
            and _ends_line(reference, group[-1].reference.end - roff)
        ):
            continue
        ref_at, copy_at = equal.reference.end - len(head), equal.copy.end - len(head)
        out[k] = _edit("equal", equal.reference.start, ref_at, equal.copy.start, copy_at)
        out[k + 1 : m] = _reopened(group, ref_at, copy_at)
    return [e for e in out if e.tag != "equal" or len(e.reference)]


_LINE_HEAD = re.compile(r"[ \t]*(?:[^\W_]+[ \t]+){0,2}[^\W_]{1,12}[ \t]*")
"""The words a line opens with that `_line_heads_moved` takes: up to three ("The Parties")."""


def _ends_line(text: str, at: int) -> bool:
    return at >= len(text) or text[at] == "\n" or (at > 0 and text[at - 1] == "\n")


def _reopened(group: list[Edit], ref_at: int, copy_at: int) -> list[Edit]:
    """`group`'s edits starting earlier, at `ref_at` and `copy_at` (each side's first
    edit that has text on it takes the characters between)."""
    out = []
    ref_open = copy_open = True
    for edit in group:
        rs, re_ = edit.reference.start, edit.reference.end
        cs, ce = edit.copy.start, edit.copy.end
        if ref_open:
            rs = ref_at
            re_ = re_ if len(edit.reference) else ref_at
            ref_open = not len(edit.reference)
        if copy_open:
            cs = copy_at
            ce = ce if len(edit.copy) else copy_at
            copy_open = not len(edit.copy)
        out.append(_edit(edit.tag, rs, re_, cs, ce))
    return out


def _whole_lines(text: str, start: int, end: int) -> bool:
    """True when text[start:end] begins a line and ends one (or the text)."""
    begins = start == 0 or text[start - 1] == "\n" or text[start] == "\n"
    ends = end == len(text) or text[end - 1] == "\n" or text[end] == "\n"
    return begins and ends


def _line_shift(text: str, start: int, end: int, room_before: int, room_after: int) -> int:
    """The smallest move (negative: towards the start) of the edit text[start:end] that
    leaves the text as it is and the edit whole lines; 0 if none. A move by k to the
    start keeps the text where the k characters before the edit are its last k."""
    for step in range(1, end - start + 1):
        if step <= room_before and text[start - step : start] == text[end - step : end]:
            if _whole_lines(text, start - step, end - step):
                return -step
        if step <= room_after and text[start : start + step] == text[end : end + step]:
            if _whole_lines(text, start + step, end + step):
                return step
    return 0


def _shifted(before: Edit, edit: Edit, after: Edit, shift: int) -> list[Edit]:
    """The equality before, the edit and the equality after, with the edit moved by `shift`
    characters on its own side (the equalities give and take the same on both sides)."""
    rs, cs = edit.reference.start, edit.copy.start
    if edit.tag == "insert":
        moved = _edit("insert", rs + shift, rs + shift, cs + shift, edit.copy.end + shift)
    else:
        moved = _edit("delete", rs + shift, edit.reference.end + shift, cs + shift, cs + shift)
    return [
        _edit("equal", before.reference.start, rs + shift, before.copy.start, cs + shift),
        moved,
        _edit("equal", moved.reference.end, after.reference.end, moved.copy.end, after.copy.end),
    ]


def _spaces_apart(
    edits: list[Edit], reference: str, copy: str, roff: int, coff: int
) -> Iterator[Edit]:
    """A replacement of a few words on one line whose two sides both end (or start) with
    spaces that differ ("benevolence " for "benevolance" and a no-break space) as the
    words replaced and the spaces replaced: the misspelling is the same reading in every
    copy that has it, whatever space a page puts after it, and the space is a whitespace
    row of its own."""
    for edit in edits:
        if edit.tag != "replace":
            yield edit
            continue
        ref_text, copy_text = _texts(edit, reference, copy, roff, coff)
        ref_core, copy_core = ref_text.rstrip(), copy_text.rstrip()
        ref_lead = len(ref_core) - len(ref_core.lstrip())
        copy_lead = len(copy_core) - len(copy_core.lstrip())
        trail = ref_core != ref_text and copy_core != copy_text
        lead = ref_lead > 0 and copy_lead > 0
        if (
            not (trail or lead)
            or "\n" in ref_text
            or "\n" in copy_text
            or not 0 < len(ref_core.split()) <= _SPACED_WORDS
            or not 0 < len(copy_core.split()) <= _SPACED_WORDS
        ):
            yield edit  # (lines and sentences replaced are read whole, as they were)
            continue
        rs, re_, cs, ce = edit.reference.start, edit.reference.end, edit.copy.start, edit.copy.end
        r0, c0 = (rs + ref_lead, cs + copy_lead) if lead else (rs, cs)
        r1, c1 = (rs + len(ref_core), cs + len(copy_core)) if trail else (re_, ce)
        if lead:
            yield _edit(_space_tag(reference, copy, roff, coff, rs, r0, cs, c0), rs, r0, cs, c0)
        yield _edit("replace", r0, r1, c0, c1)
        if trail:
            yield _edit(_space_tag(reference, copy, roff, coff, r1, re_, c1, ce), r1, re_, c1, ce)


_SPACED_WORDS = 3
"""Most words on either side of a replacement whose edge spaces `_spaces_apart` parts."""


def _space_tag(
    reference: str, copy: str, roff: int, coff: int, rs: int, re_: int, cs: int, ce: int
) -> Tag:
    """ "equal" where the two stretches of spaces are the same, else "replace"."""
    same = reference[rs - roff : re_ - roff] == copy[cs - coff : ce - coff]
    return "equal" if same else "replace"


def _tighten(edits: list[Edit], reference: str, copy: str, roff: int, coff: int) -> Iterator[Edit]:
    """Split whitespace replacements so only the differing characters are an edit."""
    for edit in edits:
        ref_text, copy_text = _texts(edit, reference, copy, roff, coff)
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
