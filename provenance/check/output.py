"""Render a CheckResult: text for people, JSON for programs, GitHub annotations, JUnit XML.

Kept apart from report.py, which renders analyses: a check result is another shape
with its own versioned JSON contract (docs/check-json.md).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

from provenance import jsontext
from provenance.check.gate import CHECKS, RULES, CheckResult, Problem
from provenance.review import Carried

SCHEMA = "provenance-check/1"
FORMATS = ("text", "json", "github", "junit")
# XML 1.0 cannot hold these characters even escaped; file names and readings may.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def render(result: CheckResult, format: str) -> str:
    """The result in one of FORMATS."""
    renderers = {
        "text": render_text,
        "json": render_json,
        "github": render_github,
        "junit": render_junit,
    }
    return renderers[format](result)


def location(problem: Problem) -> str:
    """`path`, `path:line` or `path:line:col`."""
    where = _safe(str(problem.path))
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    return where


def line(problem: Problem) -> str:
    """One problem as one line: `path:line:col: CODE name: message`, the message opening
    with `warning: ` for a warning."""
    rule = problem.rule
    level = "warning: " if rule.level == "warning" else ""
    return f"{location(problem)}: {rule.code} {rule.name}: {level}{_safe(problem.message)}"


def carried_line(carried: Carried) -> str:
    """One carried-over decision as one line (listed by `check`; never a problem unless
    `--confirm-carried`)."""
    finding, old = carried.finding, carried.decision
    return _safe(
        f"carried over: {finding.source} {finding.id} takes the {old.verdict} decision on "
        f"{old.finding} (sha256 {old.source_sha256[:12]}, by {old.reviewer or 'unknown'}): "
        f"{finding.summary}"
    )


def render_text(result: CheckResult) -> str:
    lines = [line(p) for p in (*result.problems, *result.warnings)]
    lines += [carried_line(c) for c in result.carried]
    warned = len(result.warnings)
    warnings = f"; {warned} warning{'s' * (warned != 1)}" if warned else ""
    if result.problems:
        by_check = Counter(p.rule.check for p in result.problems)
        counts = ", ".join(f"{check} {by_check[check]}" for check in CHECKS if by_check[check])
        files = len({p.path for p in result.problems})
        lines.append(f"{len(result.problems)} problem(s) in {files} file(s): {counts}{warnings}")
    else:
        lines.append(
            f"{result.corpus}: OK, {result.captures} captures, "
            f"{result.decided} of {result.findings} findings decided"
            + (f" ({len(result.carried)} carried over)" if result.carried else "")
            + warnings
        )
    return "\n".join(lines) + "\n"


def to_json(result: CheckResult) -> dict[str, Any]:
    """The result as plain data (see docs/check-json.md)."""
    require = result.policy.require
    return {
        "schema": SCHEMA,
        "corpus": str(result.corpus),
        "exit_code": int(result.exit_code),
        "policy": {"require": str(require) if require is not None else None},
        "summary": {
            "problems": len(result.problems),
            "warnings": len(result.warnings),
            "by_check": dict(Counter(p.rule.check for p in result.problems)),
            "captures": result.captures,
            "findings": result.findings,
            "decided": result.decided,
            "carried": len(result.carried),
        },
        "problems": [_problem_json(p) for p in result.problems],
        "warnings": [_problem_json(p) for p in result.warnings],
        "carried": [
            {
                "finding": c.finding.id,
                "source": c.finding.source,
                "source_sha256": c.finding.source_sha256,
                "from_finding": c.decision.finding,
                "from_sha256": c.decision.source_sha256,
                "verdict": str(c.decision.verdict),
                "reviewer": c.decision.reviewer,
                "time": c.decision.time,
                "summary": c.finding.summary,
            }
            for c in result.carried
        ],
        "cases": [
            {"check": c.check, "path": _safe(str(c.path)), "skipped": c.skipped}
            for c in result.cases
        ],
        "rules": {
            r.code: {"name": r.name, "check": r.check, "summary": r.summary, "level": r.level}
            for r in RULES.values()
        },
    }


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.rule.code,
        "name": problem.rule.name,
        "check": problem.rule.check,
        "path": _safe(str(problem.path)),
        "line": problem.line,
        "column": problem.column,
        "offset": problem.offset,
        "message": problem.message,
        "finding": problem.finding,
        "blemish": problem.blemish,
    }


def render_json(result: CheckResult) -> str:
    return jsontext.dumps(to_json(result)) + "\n"


def render_github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`
    (`::warning` for a warning)."""
    out = []
    for p in (*result.problems, *result.warnings):
        props = [f"file={_gh_property(str(p.path))}"]
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        props.append(f"title={_gh_property(f'{p.rule.code} {p.rule.name}')}")
        out.append(f"::{p.rule.level} {','.join(props)}::{_gh_data(p.message)}")
    return "".join(f"{line}\n" for line in out)


def render_junit(result: CheckResult) -> str:
    """JUnit XML: one test suite per check, one test case per check and file; a warning
    is no failure, but its line is in the case's `system-out`."""
    problems: dict[tuple[str, str], list[Problem]] = {}
    for p in result.problems:
        problems.setdefault((p.rule.check, str(p.path)), []).append(p)
    warnings: dict[tuple[str, str], list[Problem]] = {}
    for p in result.warnings:
        warnings.setdefault((p.rule.check, str(p.path)), []).append(p)
    cases: dict[tuple[str, str], str | None] = {}
    for c in result.cases:
        cases.setdefault((c.check, str(c.path)), c.skipped)
    for key in (*problems, *warnings):
        cases.setdefault(key, None)
    root = ET.Element("testsuites", name="provenance check", tests=str(len(cases)))
    root.set("failures", str(len(problems)))
    for check in CHECKS:
        mine = [(path, skipped) for (c, path), skipped in cases.items() if c == check]
        if not mine:
            continue
        failed = sum(1 for path, _ in mine if (check, path) in problems)
        suite = ET.SubElement(root, "testsuite", name=check, tests=str(len(mine)))
        suite.set("failures", str(failed))
        suite.set(
            "skipped",
            str(sum(1 for path, skipped in mine if skipped and (check, path) not in problems)),
        )
        for path, skipped in mine:
            case = ET.SubElement(
                suite, "testcase", classname=f"provenance.{check}", name=_xml(path)
            )
            found = problems.get((check, path))
            if found:
                failure = ET.SubElement(case, "failure", type=found[0].rule.code)
                failure.set("message", _xml(f"{len(found)} problem(s): {found[0].rule.name}"))
                failure.text = _xml("\n".join(line(p) for p in found))
            elif skipped:
                ET.SubElement(case, "skipped", message=_xml(skipped))
            if (check, path) in warnings:
                out = ET.SubElement(case, "system-out")
                out.text = _xml("\n".join(line(p) for p in warnings[(check, path)]))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _safe(text: str) -> str:
    """Keep a line one line: escape line breaks and other controls in file names."""
    return "".join(
        c
        if c.isprintable() or c == " "
        else f"\\x{ord(c):02x}"
        if ord(c) < 256
        else f"\\u{ord(c):04x}"
        for c in text
    )


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _gh_data(text: str) -> str:
    """A workflow command's message: its own escapes for %, CR and LF, and every other
    control (a hostile file name's ESC, BEL) written out, as the text format does."""
    return _safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")
