"""The rules of `provenance check`: stable codes, problems, and the collector of both.

A rule's code and name are a contract (docs/check-json.md): a code is never reused
for another meaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

CheckName = Literal["manifest", "fixity", "hygiene", "reference", "coverage", "review"]
CHECKS: tuple[CheckName, ...] = ("manifest", "fixity", "hygiene", "reference", "coverage", "review")
Level = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of problem. `code` and `name` are stable: scripts may match on them."""

    code: str
    name: str
    check: CheckName
    summary: str
    level: Level = "error"
    """`warning`: worth a line, but the user's call, not a failure: warnings alone exit 0."""


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("P100", "manifest-entry", "manifest", "a manifest entry is malformed"),
        Rule("P101", "fixity-mismatch", "fixity", "the bytes no longer have the recorded sha256"),
        Rule("P102", "missing-file", "fixity", "a manifest entry's file does not exist"),
        Rule("P103", "not-a-file", "fixity", "a manifest entry names a directory or special file"),
        Rule(
            "P104",
            "symlink",
            "fixity",
            "a manifest entry is a symlink (possibly out of the corpus)",
        ),
        Rule("P105", "unsafe-path", "manifest", "a manifest file name leaves the corpus directory"),
        Rule("P106", "truncated", "fixity", "the file is shorter than the recorded size"),
        Rule("P107", "size-mismatch", "fixity", "the file is longer than the recorded size"),
        Rule("P108", "empty-file", "fixity", "the file is empty"),
        Rule("P109", "unlisted-file", "fixity", "a file in the corpus is not in the manifest"),
        Rule("P110", "duplicate-content", "fixity", "two manifest entries hold identical bytes"),
        Rule("P111", "duplicate-entry", "manifest", "an id or file appears twice in the manifest"),
        Rule("P112", "unreadable", "fixity", "the file cannot be read"),
        Rule(
            "P113",
            "format-mismatch",
            "manifest",
            "an entry's format is not the one its file name makes every command read",
            "warning",
        ),
        Rule("P201", "not-utf8", "hygiene", "the bytes are not valid UTF-8"),
        Rule("P202", "bom", "hygiene", "the file starts with a byte-order mark"),
        Rule("P203", "mixed-line-endings", "hygiene", "CR, LF and CRLF line endings are mixed"),
        Rule("P204", "nul", "hygiene", "a NUL character"),
        Rule("P205", "control-character", "hygiene", "a C0 or C1 control character"),
        Rule(
            "P206",
            "invisible-character",
            "hygiene",
            "a zero-width, soft-hyphen, bidi or BOM character",
        ),
        Rule("P207", "no-text", "hygiene", "the file holds only whitespace"),
        Rule(
            "P208",
            "html-charset",
            "hygiene",
            "HTML declares a charset that reads its bytes otherwise than their encoding",
        ),
        Rule(
            "P209",
            "not-decodable",
            "hygiene",
            "the bytes are not valid in the encoding the manifest records",
        ),
        Rule(
            "P210",
            "recorded-blemish",
            "hygiene",
            "a blemish the manifest records as part of the capture's evidence",
            "warning",
        ),
        Rule(
            "P211",
            "stale-blemish",
            "hygiene",
            "a blemish the manifest records is not in the capture's bytes",
            "warning",
        ),
        Rule("P300", "reference-entry", "reference", "the [reference] table is malformed"),
        Rule(
            "P301", "reference-mismatch", "reference", "the reference span no longer has its digest"
        ),
        Rule("P302", "reference-span", "reference", "the reference span lies outside its source"),
        Rule("P303", "reference-unavailable", "reference", "the reference's source cannot be read"),
        Rule("P400", "holds-invalid", "coverage", "a manifest 'holds' value is unknown"),
        Rule(
            "P401", "statement-missing", "coverage", "the capture no longer contains the statement"
        ),
        Rule("P402", "full-copy-missing", "coverage", "the capture no longer holds a full copy"),
        Rule("P403", "quotations-missing", "coverage", "the capture no longer holds quotations"),
        Rule("P404", "unexpected-copy", "coverage", "a capture said to hold nothing holds a copy"),
        Rule("P405", "analysis-failed", "coverage", "the capture could not be analysed"),
        Rule("P500", "review-file", "review", "the review file cannot be read"),
        Rule("P501", "unreviewed", "review", "a current finding has no decision"),
        Rule("P502", "stale-decision", "review", "a decision's finding no longer exists"),
        Rule("P503", "duplicate-decision", "review", "the review file decides a finding twice"),
        Rule("P504", "decision-conflict", "review", "decisions on one finding disagree"),
        Rule(
            "P505",
            "carried-decision",
            "review",
            "a decision carried over from other bytes is not confirmed (--confirm-carried)",
        ),
        Rule("P506", "unsigned-decision", "review", "a decision names no reviewer or UTC time"),
    )
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing a person must act on (or, of a warning rule, look at), as one line:
    `path:line:col: CODE name: message`."""

    rule: Rule
    path: Path
    """The file, as reached from the corpus directory given to `check`."""
    message: str
    line: int | None = None
    """1-based; None when the problem concerns the file as a whole."""
    column: int | None = None
    """1-based; characters of decoded text, or bytes for problems of undecodable bytes."""
    offset: int | None = None
    """`str` index into the decoded text (bytes for not-utf8 and html-charset)."""
    finding: str | None = None
    """Id of the finding or decision a review problem is about."""
    blemish: str | None = None
    """For a recorded blemish (P210) or a stale record of one (P211), the name of the
    hygiene rule it stands for."""


@dataclass(frozen=True, slots=True)
class Case:
    """One check run on one file: a JUnit test case."""

    check: CheckName
    path: Path
    skipped: str | None = None
    """Why the check could not run on this file; None when it ran."""


@dataclass
class Collector:
    """Problems and cases gathered while the checks run over one corpus."""

    directory: Path
    manifest: Path
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """Problems of warning rules: reported, but they do not fail the check."""
    cases: list[Case] = field(default_factory=list)

    def add(self, rule: str, path: Path, message: str, **where: Any) -> None:
        problem = Problem(RULES[rule], path, one_line(message), **where)
        (self.warnings if problem.rule.level == "warning" else self.problems).append(problem)

    def case(self, check: CheckName, path: Path, skipped: str | None = None) -> None:
        self.cases.append(Case(check, path, skipped))


def one_line(message: str) -> str:
    return message.replace("\r", "\\r").replace("\n", "\\n")


__all__ = [
    "CHECKS",
    "RULES",
    "Case",
    "CheckName",
    "Collector",
    "Level",
    "Problem",
    "Rule",
    "one_line",
]
