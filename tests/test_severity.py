"""The one severity policy: every finding's severity comes from its row of the table."""

from __future__ import annotations

import re
from pathlib import Path

from check_helpers import BUNDLED, current_findings

from provenance.emphasis import Status
from provenance.model import Kind, Severity
from provenance.quotes.verdicts import QuoteVerdict
from provenance.severity import COSMETIC_KINDS, SEVERITY, severity

DOCS = Path(__file__).resolve().parent.parent / "docs" / "report-json.md"


def test_every_kind_of_every_category_has_one_row() -> None:
    rows = {category: {k for c, k in SEVERITY if c == category} for category, _ in SEVERITY}
    assert set(rows) == {"divergence", "quotation", "emphasis"}
    assert rows["divergence"] == set(Kind) | {
        "interruption-furniture",
        "substitution-misspelt",
        "omission-article",
        "insertion-article",
        "emphasis-declared",
        "emphasis-in-word",
        "reordering-numbered",
    }
    assert rows["quotation"] == {v.value for v in QuoteVerdict} - {"other"}
    assert rows["emphasis"] == {s.value for s in Status} | {
        "added-to-inserted-text",
        "added-declared",
        "added-in-word",
        "lost-markup",
    }


def test_cosmetic_kinds_are_the_cosmetic_rows() -> None:
    # The collation's filter agreed with the table on whitespace and typography only; now
    # spelling is cosmetic there too, and invisible characters (minor) are not.
    assert COSMETIC_KINDS == {Kind.WHITESPACE, Kind.TYPOGRAPHY, Kind.SPELLING}
    assert severity("divergence", Kind.INVISIBLE) is Severity.MINOR


def test_the_bundled_findings_take_their_severity_from_the_table() -> None:
    found = current_findings(BUNDLED)
    assert found
    for finding in found:
        if finding.category == "emphasis" and finding.kind == "added":
            continue  # four rows, by whether the reference has the words, a note, a word cut
        if finding.category == "divergence" and finding.kind == "emphasis":
            continue  # three rows, by whether a note declares it and whether it cuts a word
        assert finding.severity is severity(finding.category, finding.kind), finding.id


def test_the_documented_table_is_the_table() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("### Severity policy") :]
    documented = {
        (category, kind): Severity[level.upper()]
        for category, kind, level in re.findall(
            r"^\| `(\w+)` \| `([\w-]+)` \| (\w+) \|", section, re.MULTILINE
        )
    }
    assert documented == dict(SEVERITY)
