"""Probable emphasis for a note whose passage carries none: the no-break-space residue.

Rich-text editors leave no-break spaces at the edges of a bold or italic run; where they
stand in the copy for the reference's ordinary spaces, the stretches they delimit (or,
for a lone one, the sentences on either side) are offered as `probable` emphasis.
"""

from __future__ import annotations

from provenance.emphasis.added import _to_reference
from provenance.emphasis.result import EmphasisOptions, EmphasisSpan, Status, _span
from provenance.extract import Extracted
from provenance.model import Alignment

_SENTENCE_END = ".!?;\n"


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
