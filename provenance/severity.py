"""The one severity policy: what each kind of finding weighs until a reviewer decides.

One table, keyed by a finding's (category, kind) exactly as `Finding` and the report
JSON name them; the classifier, the emphasis stage, the finding builders and the
collation (through `COSMETIC_KINDS`) all read it, and docs/report-json.md prints it.
Severity is a default for ordering and for `check --require`; a reviewer's decision,
not this table, says what matters.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from provenance.model import Kind, Severity

COSMETIC, MINOR, MATERIAL = Severity.COSMETIC, Severity.MINOR, Severity.MATERIAL

SEVERITY: Mapping[tuple[str, str], Severity] = MappingProxyType(
    {
        # Divergences, by the classifier's kind: how the copy's reading differs.
        ("divergence", Kind.WHITESPACE): COSMETIC,
        ("divergence", Kind.TYPOGRAPHY): COSMETIC,
        ("divergence", Kind.SPELLING): COSMETIC,
        # Hidden characters break search and can carry tracking: not merely cosmetic.
        ("divergence", Kind.INVISIBLE): MINOR,
        ("divergence", Kind.CASE): MINOR,
        ("divergence", Kind.PUNCTUATION): MINOR,
        ("divergence", Kind.EDITORIAL): MINOR,
        # A note the page hangs on the words (a raised "1", "[2]", "*"): no word changes,
        # but it sends the reader to text that is not the document's (or, as
        # "[citation needed]", questions it), so a reviewer should still see it.
        ("divergence", Kind.FOOTNOTE): MINOR,
        ("divergence", Kind.OMISSION): MATERIAL,
        ("divergence", Kind.INSERTION): MATERIAL,
        # One article dropped or added ("the" lost): a copy typed again, its sense kept.
        ("divergence", "omission-article"): MINOR,
        ("divergence", "insertion-article"): MINOR,
        ("divergence", Kind.SUBSTITUTION): MATERIAL,
        # A slip of the keys making no English word ("Penninsula"): the copy was typed
        # again, not changed in sense.
        ("divergence", "substitution-misspelt"): MINOR,
        ("divergence", Kind.TRUNCATION): MATERIAL,
        ("divergence", Kind.REORDERING): MATERIAL,
        # A whole numbered point moved with its number: the numbers show the order changed.
        ("divergence", "reordering-numbered"): MINOR,
        # The copy repeats itself: nothing lost or invented.
        ("divergence", Kind.DUPLICATION): MINOR,
        # Foreign material inside a copy (a caption, a news item); page furniture (page
        # numbers, running headers, link and advertisement boxes) is only cosmetic.
        ("divergence", Kind.INTERRUPTION): MINOR,
        ("divergence", "interruption-furniture"): COSMETIC,
        ("divergence", Kind.EMPHASIS): MATERIAL,
        # Emphasis a note of the page declares ("(bold italics ours)"): the reader is told.
        ("divergence", "emphasis-declared"): MINOR,
        # Emphasis on part of a word ("mechan<em>is</em>m"): a highlight or a markup slip.
        ("divergence", "emphasis-in-word"): MINOR,
        # Quotations attributed to the reference, by verdict: a changed or invented
        # quotation matters most (`other`, not attributed, is never a finding).
        ("quotation", "verbatim"): COSMETIC,
        ("quotation", "paraphrase"): MINOR,
        ("quotation", "unterminated"): MINOR,
        ("quotation", "altered"): MATERIAL,
        ("quotation", "not-in-reference"): MATERIAL,
        # Emphasis the copy changed.
        ("emphasis", "added"): MATERIAL,
        ("emphasis", "added-declared"): MINOR,
        ("emphasis", "added-in-word"): MINOR,
        ("emphasis", "added-to-inserted-text"): MINOR,
        ("emphasis", "removed"): MINOR,
        ("emphasis", "probable"): MINOR,
        ("emphasis", "lost-markup"): MINOR,
    }
)
"""Severity by (category, kind). `added-to-inserted-text` is the row of emphasis `added`
on words the reference does not have (the finding's kind is still `added`);
`interruption-furniture` the row of an `interruption` that is page furniture (its kind
is still `interruption`; see provenance.moves); `substitution-misspelt` the row of a
`substitution` that is a slip of the keys, `omission-article` and `insertion-article`
the rows of an omission or an insertion of one article alone (see provenance.kinds);
`emphasis-declared` and `added-declared` the rows of emphasis added that a note of the
page declares, `emphasis-in-word` and `added-in-word` of emphasis on part of a word
(kinds still `emphasis` and `added`; see provenance.emphasis)."""

COSMETIC_KINDS = frozenset(k for k in Kind if SEVERITY["divergence", k] is COSMETIC)
"""Divergence kinds of cosmetic severity: what the collation's `cosmetic=False` hides."""


def severity(category: str, kind: str) -> Severity:
    """The severity of a finding of `category` and `kind`.

    >>> severity("divergence", Kind.TYPOGRAPHY)
    <Severity.COSMETIC: 0>
    >>> severity("quotation", "altered")
    <Severity.MATERIAL: 2>
    """
    return SEVERITY[category, kind]


__all__ = ["COSMETIC_KINDS", "SEVERITY", "severity"]
