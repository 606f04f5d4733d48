"""The `provenance` console script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.check_cli import add_commands
from provenance.errors import ExitCode, ProvenanceError

if TYPE_CHECKING:
    from provenance.analyse import Analysis

_FORMATS = ("text", "json", "markdown")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `provenance` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ProvenanceError as error:
        print(f"provenance: {error}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provenance",
        description="Locate, align, classify and review copies of a reference text.",
    )
    parser.set_defaults(run=_review, corpus=Path("corpus"), reviewer=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    review = commands.add_parser(
        "review", help="walk the divergences and record decisions (default)"
    )
    review.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"))
    review.add_argument(
        "--reviewer", help="name recorded with each decision (else $PROVENANCE_REVIEWER or $USER)"
    )
    review.set_defaults(run=_review)

    report = commands.add_parser("report", help="locate, align and classify; print a report")
    report.add_argument(
        "corpus", type=Path, nargs="?", default=Path("corpus"), help="corpus directory"
    )
    report.add_argument("--reference", type=Path, help="reference file (no manifest needed)")
    report.add_argument(
        "captures", type=Path, nargs="*", default=[], help="captures, with --reference"
    )
    report.add_argument("--format", choices=_FORMATS, default="text")
    report.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    report.set_defaults(run=_report)

    collate = commands.add_parser(
        "collate", help="variant table of every witness, shared readings, families"
    )
    collate.add_argument(
        "corpus", type=Path, nargs="?", default=Path("corpus"), help="corpus directory"
    )
    collate.add_argument("--format", choices=("text", "json", "csv", "tei", "html"), default="text")
    collate.add_argument(
        "--cosmetic",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="show whitespace, typography and invisible-character variants (default: shown)",
    )
    collate.set_defaults(run=_collate)

    diff = commands.add_parser("diff", help="compare two whole files with the same classification")
    diff.add_argument("reference", type=Path)
    diff.add_argument("copy", type=Path)
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    diff.set_defaults(run=_diff)

    add_commands(commands)  # check, add, manifest, findings, decide
    return parser


def _report(args: argparse.Namespace) -> int:
    from provenance.analyse import analyse, analyse_corpus
    from provenance.corpus import load_corpus
    from provenance.load import load

    if args.reference is not None:
        captures = [args.corpus, *args.captures] if args.corpus != Path("corpus") else args.captures
        if not captures:
            raise ProvenanceError(
                args.reference, "--reference needs at least one capture to compare"
            )
        reference = load(args.reference)
        analysis = analyse(reference, [load(path) for path in captures])
    else:
        if args.captures:
            raise ProvenanceError(args.captures[0], "captures can only be listed with --reference")
        analysis = analyse_corpus(load_corpus(args.corpus))
    _print(analysis, args)
    return ExitCode.OK


def _collate(args: argparse.Namespace) -> int:
    from provenance import collation_report
    from provenance.analyse import analyse_corpus
    from provenance.collate import collate
    from provenance.corpus import load_corpus
    from provenance.genealogy import genealogy
    from provenance.tei import to_tei
    from provenance.witnesses import witnesses

    analysis = analyse_corpus(load_corpus(args.corpus))
    table = collate(analysis.reference, witnesses(analysis))
    if args.format == "tei":
        sys.stdout.flush()
        sys.stdout.buffer.write(to_tei(table) + b"\n")
        return ExitCode.OK
    if args.format == "csv":
        sys.stdout.write(collation_report.render_csv(table, cosmetic=args.cosmetic))
        return ExitCode.OK
    render = {
        "text": collation_report.render_text,
        "json": collation_report.render_json,
        "html": collation_report.render_html,
    }[args.format]
    sys.stdout.write(render(table, genealogy(table), cosmetic=args.cosmetic))
    return ExitCode.OK


def _diff(args: argparse.Namespace) -> int:
    from provenance.analyse import compare
    from provenance.load import load

    analysis = compare(load(args.reference), load(args.copy))
    found = analysis.sources[0].divergences
    _print(analysis, args)
    return ExitCode.FINDINGS if found else ExitCode.OK


def _print(analysis: Analysis, args: argparse.Namespace) -> None:
    from provenance import report

    if args.format == "json":
        sys.stdout.write(report.render_json(analysis))
    elif args.format == "markdown":
        sys.stdout.write(report.render_markdown(analysis))
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        sys.stdout.write(report.render_text(analysis, color=color))


def _review(args: argparse.Namespace) -> int:
    from provenance.tui import build_app  # Textual loads only for the UI

    app = build_app(args.corpus, reviewer=args.reviewer)
    code = app.run()
    return int(code or 0)
