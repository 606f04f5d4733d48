"""The corpus-keeping commands of the console script: check, add, manifest, findings, decide.

Kept out of cli.py so that the CI gate's commands can grow without touching the
shared entry point; `cli._parser` registers them with `add_commands`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance.errors import ExitCode, InputError
from provenance.model import Severity

if TYPE_CHECKING:
    from provenance.model import Decision, Finding
    from provenance.review import ReviewStore

_SEVERITIES = {
    "cosmetic": Severity.COSMETIC,
    "minor": Severity.MINOR,
    "material": Severity.MATERIAL,
}


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the commands on the `provenance` subparsers."""
    check = commands.add_parser(
        "check",
        help="CI gate: corpus integrity and review completeness (exit 0 clean, 1 problems)",
    )
    check.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"))
    check.add_argument(
        "--format",
        choices=("text", "json", "github", "junit"),
        default="text",
        help="text (default), json (docs/check-json.md), github annotations, junit XML",
    )
    check.add_argument(
        "--require",
        choices=(*_SEVERITIES, "none"),
        default="cosmetic",
        help="lowest severity of finding that must be reviewed (default cosmetic: all)",
    )
    check.set_defaults(run=_check)

    add = commands.add_parser("add", help="copy a capture into the corpus and record it")
    add.add_argument("file", type=Path)
    add.add_argument("--corpus", type=Path, default=Path("corpus"))
    add.add_argument("--id", help="capture id (default: next number and sha256 prefix)")
    for name in ("publisher", "title", "url", "date"):
        add.add_argument(f"--{name}", default="unknown", help=f"{name} (default: unknown)")
    add.add_argument("--note", default="")
    add.add_argument(
        "--holds",
        action="append",
        default=[],
        help="what it holds of the reference: full, excerpts, quotations (repeatable)",
    )
    add.set_defaults(run=_add)

    manifest = commands.add_parser("manifest", help="re-record digests and sizes (--update --yes)")
    manifest.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"))
    manifest.add_argument("--update", action="store_true", required=True)
    manifest.add_argument("--yes", action="store_true", help="write the changes (else only show)")
    manifest.set_defaults(run=_manifest)

    found = commands.add_parser("findings", help="list the current findings with their ids")
    found.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"))
    found.add_argument("--format", choices=("text", "json"), default="text")
    found.add_argument("--undecided", action="store_true", help="only findings without a decision")
    found.set_defaults(run=_findings)

    decide = commands.add_parser("decide", help="record a decision on one finding")
    decide.add_argument("finding", help="finding id (a unique prefix is enough)")
    decide.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus directory")
    verdict = decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--accept", action="store_true", help="benign or expected")
    verdict.add_argument("--flag", action="store_true", help="alters meaning or attribution")
    decide.add_argument("--note", help="why (kept when omitted on a re-decision)")
    decide.add_argument("--reviewer", help="who decides (default $PROVENANCE_REVIEWER or $USER)")
    decide.set_defaults(run=_decide)


def _check(args: argparse.Namespace) -> int:
    from provenance.check import Policy, check
    from provenance.check_output import render

    require = None if args.require == "none" else _SEVERITIES[args.require]
    result = check(args.corpus, policy=Policy(require=require))
    sys.stdout.write(render(result, args.format))
    return result.exit_code


def _add(args: argparse.Namespace) -> int:
    from provenance.manifest import add

    holds = tuple(h.strip() for value in args.holds for h in value.split(",") if h.strip())
    entry = add(
        args.corpus,
        args.file,
        id=args.id,
        publisher=args.publisher,
        title=args.title,
        url=args.url,
        date=args.date,
        holds=holds,
        note=args.note,
    )
    print(
        f"added {args.corpus / entry.file}: id {entry.id}, {entry.size} bytes, "
        f"sha256 {entry.sha256}"
    )
    return ExitCode.OK


def _manifest(args: argparse.Namespace) -> int:
    from provenance.manifest import update

    changes = update(args.corpus, write=args.yes)
    if not changes:
        print(f"{args.corpus / 'manifest.toml'}: up to date")
        return ExitCode.OK
    verb = "re-recorded" if args.yes else "would re-record"
    for change in changes:
        print(f"{args.corpus / change.file}: {verb} {change.field} {change.old} -> {change.new}")
    if not args.yes:
        print("provenance: nothing written; pass --yes to re-record these", file=sys.stderr)
        return ExitCode.FINDINGS
    return ExitCode.OK


def _current(corpus: Path) -> tuple[list[Finding], ReviewStore]:
    from provenance.analyse import analyse_corpus, findings
    from provenance.corpus import load_corpus
    from provenance.review import REVIEWS, ReviewStore

    found = findings(analyse_corpus(load_corpus(corpus)))
    return found, ReviewStore(corpus / REVIEWS)


def _findings(args: argparse.Namespace) -> int:
    found, store = _current(args.corpus)
    status = store.status(found)
    undecided = {f.id for f in status.undecided}
    shown = [f for f in found if f.id in undecided] if args.undecided else found
    if args.format == "json":
        payload = {
            "schema": "provenance-findings/1",
            "findings": [
                _finding_json(f, store.get(f.id) if f.id not in undecided else None) for f in shown
            ],
            "stale": [_decision_json(d) for d in status.stale],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return ExitCode.OK
    for f in shown:
        decision = store.get(f.id) if f.id not in undecided else None
        state = decision.verdict.value if decision is not None else "undecided"
        print(
            f"{f.id}  {f.source}  {f.severity!s:8}  {f.category}/{f.kind:12}  {state:9}  "
            f"{f.summary}"
        )
    print(
        f"{len(found) - len(undecided)} of {len(found)} decided, "
        f"{len(status.stale)} stale decision(s)"
    )
    return ExitCode.OK


def _decide(args: argparse.Namespace) -> int:
    from provenance.model import Verdict

    found, store = _current(args.corpus)
    matches = [f for f in found if f.id == args.finding] or [
        f for f in found if f.id.startswith(args.finding)
    ]
    if not matches:
        raise InputError(args.corpus, f"no current finding with id {args.finding!r}")
    if len(matches) > 1:
        raise InputError(
            args.corpus, f"{args.finding!r} matches {len(matches)} findings; give more of the id"
        )
    verdict = Verdict.ACCEPTED if args.accept else Verdict.FLAGGED
    decision = store.decide(matches[0], verdict, note=args.note, reviewer=args.reviewer)
    print(f"{decision.verdict} {decision.finding} ({decision.summary})")
    return ExitCode.OK


def _finding_json(finding: Finding, decision: Decision | None) -> dict[str, Any]:
    return {
        "id": finding.id,
        "source": finding.source,
        "source_sha256": finding.source_sha256,
        "category": finding.category,
        "kind": finding.kind,
        "severity": str(finding.severity),
        "span": [finding.span.start, finding.span.end],
        "text": finding.text,
        "summary": finding.summary,
        "reference": [finding.reference.start, finding.reference.end]
        if finding.reference
        else None,
        "reference_text": finding.reference_text,
        "decision": _decision_json(decision) if decision is not None else None,
    }


def _decision_json(decision: Decision) -> dict[str, str]:
    from dataclasses import asdict

    return {k: str(v) for k, v in asdict(decision).items()}


__all__ = ["add_commands"]
