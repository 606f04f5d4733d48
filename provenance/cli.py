"""The `provenance` console script."""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from provenance.errors import (
    ExitCode,
    Failure,
    InputError,
    ProvenanceError,
    brief,
    logged,
    one_line,
    write_log,
)
from provenance.load import MAX_SIZE, UTF8
from provenance.model import Severity

if TYPE_CHECKING:
    from provenance.analyse import Analysis, Progress, Stage
    from provenance.corpus import Corpus
    from provenance.model import Decision, Document, Finding
    from provenance.review import ReviewStore

_FORMATS = ("text", "json", "markdown")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `provenance` console script."""
    from provenance.load import set_max_size

    if sys.stdout is None:  # started with its output closed (`>&-`)
        print("provenance: standard output is closed: nothing can be written", file=sys.stderr)
        return ExitCode.ERROR
    try:  # from the first line: Ctrl-C while the parser imports the scan command is 130 too
        args = _parser().parse_args(argv)
        _text_options(args)
        set_max_size(args.max_size)
        return int(args.run(args))
    except ProvenanceError as error:
        print(f"provenance: {error}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except OSError as error:
        if not _writing_output(error):
            return _internal_error(error)
        print(f"provenance: cannot write: {error.strerror}", file=sys.stderr)
        return ExitCode.ERROR
    except Exception as error:  # a bug: one line and the log, never a bare traceback
        return _internal_error(error)
    finally:
        set_max_size(MAX_SIZE)  # the limit is this run's; a caller in-process gets it back


def _internal_error(error: Exception) -> int:
    print(
        f"provenance: internal error: {brief(error)}; {logged(write_log(error))}",
        file=sys.stderr,
    )
    return ExitCode.ERROR


def _writing_output(error: OSError) -> bool:
    """Whether `error` is a write failing on no named file: the output (a full disk,
    `> /dev/full`). Reading or writing a corpus file names the file where it happens."""
    return error.errno in _WRITE_ERRORS and error.filename is None


_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG})


def _text_options(args: argparse.Namespace) -> None:
    """Refuse a text option (or the reviewer's name from the environment) holding bytes the
    terminal's encoding could not decode, naming it: written to the manifest or the
    decision file, it was an internal error."""
    values = {f"--{name.replace('_', '-')}": getattr(args, name, None) for name in _TEXT_OPTIONS}
    if hasattr(args, "reviewer") and args.reviewer is None:
        values["$PROVENANCE_REVIEWER"] = os.environ.get("PROVENANCE_REVIEWER")
    for name, value in values.items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not text.isascii() and _SURROGATE.search(text):
                raise InputError(Path(name), "not valid UTF-8 text")


_TEXT_OPTIONS = (
    *("id", "title", "publisher", "url", "date", "note", "encoding", "reviewer"),
    *("holds", "select", "replaces"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")
"""A byte the terminal's encoding could not decode, as Python keeps it in argv."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line (and exit code 2), not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(ExitCode.ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _span(value: str) -> tuple[int, int]:
    """`--span START:END` as two offsets."""
    start, colon, end = value.partition(":")
    if not (colon and start.strip().isdigit() and end.strip().isdigit()):
        problem = f"{value!r} is not START:END (two character offsets)"
        raise argparse.ArgumentTypeError(problem)
    return int(start), int(end)


def _add_conflicts(args: argparse.Namespace) -> None:
    """Refuse `add` options that the chosen way of adding would silently ignore."""
    described = [
        f"--{name}"
        for name in ("id", "publisher", "title", "url", "date", "note", "holds")
        if getattr(args, name) not in (None, "unknown", "", [])
    ]
    problem = None
    if args.from_scan is not None and args.file is not None:
        problem = "give a FILE or --from-scan HITS.jsonl, not both"
    elif args.from_scan is not None and (args.replaces or described or args.encoding):
        dropped = described + ["--encoding"] * bool(args.encoding) or ["--replaces"]
        problem = f"--from-scan records each hit itself; drop {', '.join(dropped)}"
    elif args.select is not None and args.from_scan is None:
        problem = "--select chooses hits of --from-scan HITS.jsonl; give it, or drop --select"
    elif args.replaces is not None and described:
        problem = f"--replaces keeps the capture's id and record; drop {', '.join(described)}"
    elif args.reference and (args.from_scan is not None or args.replaces is not None):
        problem = "--reference starts a corpus from one FILE; drop --from-scan and --replaces"
    elif args.reference and args.holds:
        problem = "--reference records the reference's source as holding it in full; drop --holds"
    elif args.span is not None and not args.reference:
        problem = "--span cuts the reference out of FILE; give --reference too"
    if problem is not None:
        command = "add"
        raise InputError(command, problem)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="provenance",
        description="Locate, align, classify and review copies of a reference text.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"provenance {_version()}")
    parser.set_defaults(run=_review, corpus=Path("corpus"), reviewer=None, max_size=MAX_SIZE)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    review = commands.add_parser(
        "review", help="walk the divergences and record decisions (default)"
    )
    review.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"), help=_CORPUS_HELP)
    review.add_argument(
        "--reviewer",
        type=_reviewer,
        help="name recorded with each decision "
        "(else $PROVENANCE_REVIEWER, $USER or the login name)",
    )
    review.set_defaults(run=_review)

    report = commands.add_parser("report", help="locate, align and classify; print a report")
    report.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"), help=_CORPUS_HELP)
    report.add_argument("--reference", type=Path, help="reference file (no manifest needed)")
    report.add_argument(
        "captures", type=Path, nargs="*", default=[], help="captures, with --reference"
    )
    report.add_argument("--format", choices=(*_FORMATS, "html"), default="text")
    report.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    report.set_defaults(run=_report)

    collate = commands.add_parser(
        "collate", help="variant table of every witness, shared readings, families"
    )
    collate.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"), help=_CORPUS_HELP)
    collate.add_argument("--format", choices=("text", "json", "csv", "tei", "html"), default="text")
    collate.add_argument(
        "--cosmetic",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=(
            "show the cosmetic variants: whitespace, typography and spelling (default: shown;"
            " invisible characters are minor and always shown)"
        ),
    )
    collate.set_defaults(run=_collate)

    diff = commands.add_parser("diff", help="compare two whole files with the same classification")
    diff.add_argument("reference", type=Path)
    diff.add_argument("copy", type=Path)
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    diff.set_defaults(run=_diff)

    _corpus_commands(commands)
    _scan_command(commands)
    for name, command in commands.choices.items():
        limited, note = ("documents", _SCAN_DOCUMENTS) if name == "scan" else ("input files", "")
        command.add_argument(
            "--max-size",
            type=_size,
            default=MAX_SIZE,
            metavar="SIZE",
            help=f"refuse {limited} larger than this: bytes, or with K, M or G "
            f"(default {MAX_SIZE // 2**20}M; 0 for no limit){note}",
        )
    return parser


_SCAN_DOCUMENTS = (
    "; a document is a page, a JSON line's text or html, a WARC record's payload, never "
    "an input file or the reference"
)
"""What scan's --max-size limits: each document, not the files (a crawl is gigabytes)."""


_CORPUS_HELP = "corpus directory: manifest.toml, captures, reviews.jsonl (default: ./corpus)"

_EPILOG = """\
Every command reads the corpus in ./corpus unless given another directory; the bare
command opens the review UI on it. `provenance COMMAND --help` shows each command's options.

exit codes:
  0    done, nothing to report
  1    something to report: check found problems, diff found divergences, manifest
       --update (without --yes) found digests to re-record, or report, collate, check,
       findings or decide could not use some captures (one stderr line each; the rest
       is reported in full)
  2    could not run: bad arguments, an unreadable manifest, reference or input file,
       or a bug (one stderr line naming the log file that holds the traceback)
  130  interrupted (Ctrl-C)
  143  scan terminated (SIGTERM); the shards done are kept, as on Ctrl-C

examples:
  provenance                                        review ./corpus in the terminal UI
  provenance report corpus --format json            every capture located and compared
  provenance report --reference ref.txt a.html b.md compare files without a corpus
  provenance diff ref.txt copy.txt                  two whole files, divergence by divergence
  provenance collate --format html > variants.html  the variant table of every witness
  provenance check --format junit > check.xml       the CI gate
  provenance add page.html --holds full --publisher "Daily Site"
  provenance manifest --update --record-blemishes --yes   record what older entries carry
  provenance findings --undecided                   what still needs a decision
  provenance decide d-596ea03b --flag --note "changes the meaning"
"""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("provenance")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _size(value: str) -> int:
    """`--max-size` value: 1048576, 512K, 16M, 1G (powers of 1024), 0 for no limit."""
    number, unit = value.strip(), 1
    if number[-1:].upper() in _UNITS:
        number, unit = number[:-1], _UNITS[number[-1].upper()]
    if not (number.isascii() and number.isdigit()):  # not "²", which int() refuses
        problem = f"not a size: {value!r} (whole bytes, or with K, M or G: 16M; 0 for no limit)"
        raise argparse.ArgumentTypeError(problem)
    size = int(number) * unit
    if size > _LARGEST:
        problem = f"too large: {value!r} (at most 1048576G; 0 for no limit)"
        raise argparse.ArgumentTypeError(problem)
    return size


_UNITS = {"K": 2**10, "M": 2**20, "G": 2**30}
_LARGEST = 2**50
"""Largest --max-size (a pebibyte): a file is read whole, and a larger number overflows."""


def _scan_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """`scan`: find every copy in a collection (see provenance/scan/)."""
    from provenance.scan.command import add_arguments, run

    scan = commands.add_parser("scan", help="find every copy of the reference in a collection")
    add_arguments(scan)
    scan.set_defaults(run=run)


def _report(args: argparse.Namespace) -> int:
    from provenance.analyse import analyse, analyse_corpus
    from provenance.corpus import load_corpus
    from provenance.load import load_reference

    if args.reference is not None:
        captures = [args.corpus, *args.captures] if args.corpus != Path("corpus") else args.captures
        if not captures:
            raise ProvenanceError(
                args.reference, "--reference needs at least one capture to compare"
            )
        reference = load_reference(args.reference)
        documents, unreadable = _load_each(captures)
        with _progress("analysing") as told:
            analysis = analyse(
                reference,
                documents,
                keep_going=True,
                failures=unreadable,
                progress=told.progress,
                stage=told.stage,
            )
    else:
        if args.captures:
            raise ProvenanceError(args.captures[0], "captures can only be listed with --reference")
        with _progress("analysing") as told:
            corpus = load_corpus(args.corpus, keep_going=True)
            analysis = analyse_corpus(
                corpus, keep_going=True, progress=told.progress, stage=told.stage
            )
        _note_unlisted(corpus)
    if not analysis.sources:
        return _failed(analysis.failures, ran=False)
    if args.format == "html":
        _print_html(analysis, None if args.reference is not None else args.corpus)
        return _failed(analysis.failures)
    _print(analysis, args)
    return _failed(analysis.failures)


@dataclass(frozen=True)
class _Told:
    """What a batch tells its progress bar, or nothing (None) when there is no bar:
    captures done (`progress`) and the stage a capture has reached (`stage`), so that a big
    capture's long stages show too."""

    progress: Progress | None = None
    stage: Stage | None = None


@contextmanager
def _progress(what: str) -> Iterator[_Told]:
    """A progress bar on stderr while a batch is analysed, when stderr is a terminal.

    Transient: it is gone when the batch is done, so stdout and logs hold only results.
    """
    if not _interactive():
        yield _Told()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    columns = (
        what,
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[stage]}"),
    )
    console = Console(stderr=True, force_terminal=True)  # stderr is a terminal: see above
    with Bar(*columns, console=console, transient=True) as bar:
        task = bar.add_task(what, total=None, stage="")

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
            if done == total:
                bar.update(task, stage="")

        def stage(capture: Document, name: str) -> None:
            # A field update only: rich draws on its own clock, so small runs pay nothing.
            bar.update(task, stage=f"{capture.id} ({_megabytes(capture.size)}): {name}")

        yield _Told(advance, stage)


def _megabytes(size: int) -> str:
    """Bytes, as a reader wants them.

    >>> _megabytes(512), _megabytes(15_469), _megabytes(20_000_000)
    ('512 B', '15 kB', '20.0 MB')
    """
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size // 1000} kB"
    return f"{size / 1_000_000:.1f} MB"


def _interactive() -> bool:
    return sys.stderr.isatty()


def _note_unlisted(corpus: Corpus) -> None:
    """One stderr line for each page of the corpus directory the manifest does not list,
    and for each capture whose bytes no longer have the digest the manifest records: it is
    read as it is now, and only `check` fails on it, so the reader of a report or a
    collation is told the evidence changed."""
    for path in corpus.unlisted():
        advice = "not read; record it with `provenance add`, or remove it"
        print("provenance: " + one_line(f"{path}: not in the manifest ({advice})"), file=sys.stderr)
    for path in corpus.altered():
        advice = "read as it is now; `provenance check` reports it"
        message = f"{path}: its bytes no longer match the manifest's sha256 ({advice})"
        print("provenance: " + one_line(message), file=sys.stderr)


def _note_unwitnessed(corpus: Corpus, reference: str, sources: set[str]) -> None:
    """One stderr line for each capture the manifest says holds the reference, or a part of
    it, in which none was found: it is no column of the collation, and the reader is told
    why it is missing (`check` reports the mismatch)."""
    for capture in corpus.captures:
        holds = corpus.entry(capture.id).holds
        if capture.id != reference and holds and capture.id not in sources:
            recorded = " and ".join(holds)
            message = (
                f"{capture.path}: recorded as holding {recorded}, but no part of the reference "
                "was found in it; not collated (`provenance check` reports it)"
            )
            print("provenance: " + one_line(message), file=sys.stderr)


def _load_each(paths: list[Path]) -> tuple[list[Document], list[Failure]]:
    """Every capture that can be read, and one Failure for each that cannot."""
    from provenance.load import load_page

    documents: list[Document] = []
    failures: list[Failure] = []
    for path, id in zip(paths, _page_ids(paths), strict=True):
        try:
            documents.append(load_page(path, id=id))
        except ProvenanceError as error:
            failures.append(Failure(error.path, error.problem))
    return documents, failures


def _page_ids(paths: list[Path]) -> list[str]:
    """An id for each page given on the command line, no two alike: its stem, else its
    file name when another page has the stem (`a.txt`, `a.html`), else its path as given
    (`one/index.html`, `two/index.html`), numbered if the same path is given twice.

    >>> _page_ids([Path("a.txt"), Path("a.html"), Path("x/i.html"), Path("y/i.html")])
    ['a.txt', 'a.html', 'x/i.html', 'y/i.html']
    >>> _page_ids([Path("b.md"), Path("c.md"), Path("c.md")])
    ['b', 'c.md', 'c.md#2']
    """
    stems = Counter(p.stem for p in paths)
    names = Counter(p.name for p in paths)
    ids: list[str] = []
    for path in paths:
        id = path.stem if stems[path.stem] == 1 else path.name
        if names[path.name] > 1 and stems[path.stem] > 1:
            id = str(path)
        taken = ids.count(id) + sum(1 for i in ids if i.startswith(id + "#"))
        ids.append(id if not taken else f"{id}#{taken + 1}")
    return ids


def _failed(failures: Sequence[Failure], *, ran: bool = True) -> ExitCode:
    """One stderr line per failed capture; exit 1 if any, 2 if nothing could run."""
    for failure in failures:
        print(f"provenance: {failure}", file=sys.stderr)
    if not failures:
        return ExitCode.OK
    return ExitCode.FINDINGS if ran else ExitCode.ERROR


def _print_html(analysis: Analysis, corpus: Path | None) -> None:
    """The self-contained page, with the corpus's decisions (none with --reference)."""
    from provenance.findings import findings
    from provenance.report_html import render_html
    from provenance.review import REVIEWS, ReviewStore

    decisions = ReviewStore(corpus / REVIEWS).decisions() if corpus is not None else []
    sys.stdout.write(render_html(analysis, findings(analysis), decisions))


def _collate(args: argparse.Namespace) -> int:
    from provenance.analyse import analyse_corpus
    from provenance.collation import exports
    from provenance.collation.genealogy import genealogy
    from provenance.collation.table import collate
    from provenance.collation.tei import to_tei
    from provenance.collation.witnesses import witnesses
    from provenance.corpus import load_corpus
    from provenance.normalise import printable

    with _progress("analysing") as told:
        corpus = load_corpus(args.corpus, keep_going=True)
        analysis = analyse_corpus(corpus, keep_going=True, progress=told.progress, stage=told.stage)
    _note_unlisted(corpus)
    found = witnesses(analysis)
    _note_unwitnessed(corpus, analysis.reference.id, {w.source for w in found})
    table = collate(analysis.reference, found)
    if args.format == "tei":
        sys.stdout.flush()
        sys.stdout.buffer.write(to_tei(table) + b"\n")
    elif args.format == "csv":
        sys.stdout.write(exports.render_csv(table, cosmetic=args.cosmetic))
    elif args.format == "json":
        data = exports.to_json(table, genealogy(table), cosmetic=args.cosmetic)
        data["errors"] = [f.to_json() for f in analysis.failures]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    else:
        render = exports.render_html if args.format == "html" else exports.render_text
        shown = render(table, genealogy(table), cosmetic=args.cosmetic)
        sys.stdout.write(printable(shown) if args.format == "text" else shown)
    return _failed(analysis.failures)


def _diff(args: argparse.Namespace) -> int:
    from provenance.analyse import compare
    from provenance.load import load_page

    analysis = compare(load_page(args.reference), load_page(args.copy))
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
    app.run()
    if app.unsaved_note is not None:  # quit while writing a note: its words, not lost
        print(f"provenance: {app.unsaved_note}", file=sys.stderr)
    for about, words in app.lost_notes.items():  # a save that failed: its words, not lost
        print(f"provenance: note on {about} not saved (the save failed): {words}", file=sys.stderr)
    # run() returns the app's result, None after a crash; the exit status is return_code,
    # which Textual sets to 1 when an exception ends the app (it prints the traceback).
    return int(app.return_code or 0)


_SEVERITIES = {
    "cosmetic": Severity.COSMETIC,
    "minor": Severity.MINOR,
    "material": Severity.MATERIAL,
}


def _corpus_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The corpus-keeping commands: check, add, manifest, findings, decide."""
    check = commands.add_parser(
        "check",
        help="CI gate: corpus integrity and review completeness (exit 0 clean, 1 problems; "
        "warnings, such as blemishes recorded as part of a capture's evidence, never fail it)",
    )
    check.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"), help=_CORPUS_HELP)
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
    check.add_argument(
        "--confirm-carried",
        action="store_true",
        help="demand that decisions carried over from a capture's other bytes be confirmed",
    )
    check.set_defaults(run=_check)

    add = commands.add_parser(
        "add",
        help="copy a capture into the corpus and record it (with its blemishes: a BOM, "
        "mixed line endings, invisible characters... kept as part of the evidence)",
    )
    add.add_argument("file", type=Path, nargs="?")
    add.add_argument(
        "--from-scan",
        type=Path,
        metavar="HITS.jsonl",
        help="add hits of this HITS.jsonl (a scan's out)",
    )
    add.add_argument(
        "--select", metavar="IDS", help="with --from-scan: comma-separated hit ids (default all)"
    )
    add.add_argument("--corpus", type=Path, default=Path("corpus"), help=_CORPUS_HELP)
    add.add_argument("--id", help="capture id (default: next number and sha256 prefix)")
    add.add_argument(
        "--replaces",
        metavar="ID",
        help="new bytes for capture ID (a re-capture): its decisions carry over where the "
        "findings are the same (docs/review.md)",
    )
    for name in ("publisher", "title", "url", "date"):
        add.add_argument(f"--{name}", default="unknown", help=f"{name} (default: unknown)")
    add.add_argument("--note", default="")
    add.add_argument(
        "--holds",
        action="append",
        default=[],
        help="what it holds of the reference: full, excerpts, quotations (repeatable; "
        "default: what it is found to hold)",
    )
    add.add_argument(
        "--encoding",
        metavar="NAME",
        help="what FILE is written in, when not UTF-8 (windows-1252, shift_jis, ...: a WHATWG "
        "label, as a page declares it): its bytes are kept as they are and read so from then "
        "on; with --replaces, what the new bytes are written in",
    )
    add.add_argument(
        "--reference",
        action="store_true",
        help="start a new corpus (in --corpus, made if missing) from FILE, plain text: the "
        "reference is its text, or --span of it, and FILE its first capture",
    )
    add.add_argument(
        "--span",
        type=_span,
        metavar="START:END",
        help="with --reference: the reference is these characters of FILE's text (str offsets)",
    )
    add.set_defaults(run=_add)

    manifest = commands.add_parser(
        "manifest", help="re-record digests and sizes (--update --yes), blemishes on request"
    )
    manifest.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"), help=_CORPUS_HELP)
    manifest.add_argument("--update", action="store_true", required=True)
    manifest.add_argument("--yes", action="store_true", help="write the changes (else only show)")
    manifest.add_argument(
        "--accept-damaged",
        action="store_true",
        help="with --yes: record captures whose new bytes are empty, binary, not UTF-8 or "
        "without readable text too (else refused, nothing written; check still reports them)",
    )
    manifest.add_argument(
        "--record-blemishes",
        action="store_true",
        help="record the blemishes each capture's bytes carry (BOM, mixed line endings, "
        "control or invisible characters, a contradicting HTML charset) as part of its "
        "evidence, where its entry records others or none (a manifest older than the field); "
        "check then reports them as warnings (P210). With --yes: write them",
    )
    manifest.set_defaults(run=_manifest)

    found = commands.add_parser("findings", help="list the current findings with their ids")
    found.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"), help=_CORPUS_HELP)
    found.add_argument("--format", choices=("text", "json"), default="text")
    found.add_argument("--undecided", action="store_true", help="only findings without a decision")
    found.set_defaults(run=_findings)

    decide = commands.add_parser("decide", help="record a decision on one finding")
    decide.add_argument("finding", help="finding id (a unique prefix is enough)")
    decide.add_argument("--corpus", type=Path, default=Path("corpus"), help=_CORPUS_HELP)
    verdict = decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--accept", action="store_true", help="benign or expected")
    verdict.add_argument("--flag", action="store_true", help="alters meaning or attribution")
    verdict.add_argument(
        "--clear",
        action="store_true",
        help="remove every decision on the finding, current or stale (check's P502)",
    )
    decide.add_argument("--note", help="why (kept when omitted on a re-decision)")
    decide.add_argument(
        "--reviewer",
        type=_reviewer,
        help="who decides (default $PROVENANCE_REVIEWER, $USER or the login name)",
    )
    decide.set_defaults(run=_decide)


def _reviewer(value: str) -> str:
    """A reviewer's name: an empty one (an unset shell variable, most likely) was recorded
    as the login name without a word."""
    if not value.strip():
        msg = "an empty name: give who decides, or leave --reviewer out"
        raise argparse.ArgumentTypeError(msg)
    return value.strip()


def _check(args: argparse.Namespace) -> int:
    from provenance.check.gate import Policy, check
    from provenance.check.output import render

    require = None if args.require == "none" else _SEVERITIES[args.require]
    policy = Policy(require=require, confirm_carried=args.confirm_carried)
    with _progress("checking") as told:
        result = check(args.corpus, policy=policy, progress=told.progress, stage=told.stage)
    sys.stdout.write(render(result, args.format))
    return result.exit_code


def _add(args: argparse.Namespace) -> int:
    from provenance.manifest import add, recorded_line, start_corpus

    _add_conflicts(args)
    if args.from_scan is not None:
        from provenance.scan.adding import add_hits

        return add_hits(args)
    if args.file is None:
        problem = "give a FILE to add, or --from-scan HITS.jsonl"
        command = "add"
        raise InputError(command, problem)
    if args.replaces is not None:
        from provenance.recapture import replace_capture

        entry = replace_capture(args.corpus, args.replaces, args.file, encoding=args.encoding)
        print(
            f"replaced {args.corpus / entry.file}: id {entry.id}, {entry.size} bytes, "
            f"sha256 {entry.sha256}"
        )
        if entry.blemishes:
            print(recorded_line(args.corpus / entry.file, entry.blemishes))
        _carry_report(args.corpus, {entry.id})
        return ExitCode.OK
    holds = tuple(h.strip() for value in args.holds for h in value.split(",") if h.strip())
    described: dict[str, Any] = {
        "id": args.id,
        "publisher": args.publisher,
        "title": args.title,
        "url": args.url,
        "date": args.date,
        "note": args.note,
        "encoding": args.encoding or UTF8,
    }
    try:
        if args.reference:
            entry = start_corpus(args.corpus, args.file, span=args.span, **described)
        else:
            # without --holds, what it is found to hold: nothing recorded made `check` fail
            # on every capture holding a copy (P404), and no command changes it later
            found = None if holds else _found_holds(args.corpus, args.file, described["encoding"])
            entry = add(args.corpus, args.file, holds=holds or found or (), **described)
    except InputError as error:
        if args.encoding is None and error.problem.startswith("not valid UTF-8"):
            hint = "; if it is written in another encoding, say which with --encoding NAME"
            raise InputError(error.path, error.problem + hint) from None
        if args.encoding is None and error.problem.startswith("UTF-16 text"):
            hint = "; or keep it as it is with --encoding utf-16"
            raise InputError(error.path, error.problem + hint) from None
        raise
    if args.reference:
        print(
            f"started the corpus {args.corpus}: the reference is {entry.file} (id {entry.id}, "
            f"{entry.size} bytes, sha256 {entry.sha256}); add captures with provenance add FILE"
        )
        return ExitCode.OK
    written = "" if entry.encoding == UTF8 else f" in {entry.encoding}"
    print(
        f"added {args.corpus / entry.file}: id {entry.id}, {entry.size} bytes{written}, "
        f"sha256 {entry.sha256}"
    )
    if entry.blemishes:
        print(recorded_line(args.corpus / entry.file, entry.blemishes))
    if found is not None:
        said = ", ".join(found) or "nothing of the reference"
        print(f"holds {said}, as found in it (--holds records otherwise); check verifies it")
    return ExitCode.OK


def _found_holds(corpus: Path, file: Path, encoding: str) -> tuple[str, ...] | None:
    """What `file` holds of the corpus's reference, found as `report` finds it; None when
    `file` cannot be read (`add` then says why).

    Raises:
        ProvenanceError: The corpus's reference cannot be read or no longer matches its
            manifest (`report` refuses it alike): nothing is added. Found in a broken
            reference, a page holding the statement was recorded as holding nothing,
            and `add` said nothing (audit r55).
    """
    from provenance.analyse import analyse
    from provenance.corpus import read_manifest, reference_document
    from provenance.coverage import holds_of
    from provenance.errors import CorpusError, ProvenanceError
    from provenance.load import load

    manifest = read_manifest(corpus)
    source = next((e for e in manifest.entries if e.id == manifest.reference.source), None)
    if source is None:
        problem = f"the reference's source {manifest.reference.source!r} is not in the manifest"
        raise CorpusError(corpus / "manifest.toml", problem)
    reference = reference_document(
        manifest.reference, load(corpus / source.file, id=source.id, encoding=source.encoding)
    )
    try:
        page = load(file, encoding=encoding)
    except ProvenanceError:
        return None
    return holds_of(analyse(reference, [page]).sources[0])


def _manifest(args: argparse.Namespace) -> int:
    from provenance.manifest import (
        DamagedCaptureError,
        damaged_files,
        leftovers,
        refusal,
        unrecorded_line,
        update,
    )

    if args.accept_damaged and not args.yes:
        raise InputError(Path("--accept-damaged"), "records damaged bytes only with --yes")
    try:
        changes = update(
            args.corpus,
            write=args.yes,
            accept_damaged=args.accept_damaged,
            record_blemishes=args.record_blemishes,
        )
    except DamagedCaptureError as refused:  # nothing written: every damaged file, one line each
        for path, problem in refused.damaged:
            print("provenance: " + one_line(f"{path}: {refusal(problem)}"), file=sys.stderr)
        return ExitCode.ERROR
    # Blemishes are recorded only when asked: without --record-blemishes, say how.
    unasked = [c for c in changes if c.field == "blemishes" and not args.record_blemishes]
    shown = [c for c in changes if c not in unasked]
    temps = leftovers(args.corpus, remove=args.yes)
    for temp in temps:
        verb = "removed" if args.yes else "would remove"
        print(f"{temp}: {verb} (a temp file left by an interrupted write)")
    if not changes:
        if temps and not args.yes:
            print("provenance: nothing removed; pass --yes to remove these", file=sys.stderr)
            return ExitCode.FINDINGS
        if not temps:
            print(f"{args.corpus / 'manifest.toml'}: up to date")
        return ExitCode.OK
    for change in shown:
        path = args.corpus / change.file
        if change.field == "blemishes":
            verb = "recorded" if args.yes else "would record"
            old = list(change.old) if isinstance(change.old, tuple) else change.old
            new = list(change.new) if isinstance(change.new, tuple) else change.new
            print(f"{path}: {verb} blemishes {old} -> {new}")
            continue
        verb = "re-recorded" if args.yes else "would re-record"
        source = " (refused: the reference's source)" if change.reference_source else ""
        print(f"{path}: {verb} {change.field} {change.old} -> {change.new}{source}")
    for change in unasked:
        print(
            "provenance: " + one_line(f"{unrecorded_line(args.corpus / change.file, change)}"),
            file=sys.stderr,
        )
    damaged = damaged_files(args.corpus, changes)
    if not args.yes:
        for path, problem in damaged:
            print("provenance: " + one_line(f"{path}: {problem}: damaged bytes"), file=sys.stderr)
        flags = "--yes --accept-damaged" if damaged and not args.accept_damaged else "--yes"
        if shown:
            print(f"provenance: nothing written; pass {flags} to re-record these", file=sys.stderr)
        return ExitCode.FINDINGS
    for path, problem in damaged:  # recorded, as told: say so, the evidence is still damaged
        print(
            f"provenance: {path}: {problem}: damaged bytes recorded (--accept-damaged); "
            "check still reports them",
            file=sys.stderr,
        )
    _carry_report(args.corpus, {c.id for c in changes if c.field == "sha256"})
    return ExitCode.FINDINGS if unasked else ExitCode.OK


def _carry_report(corpus: Path, captures: set[str]) -> None:
    """After new bytes for `captures`: how their decisions stand, one line each."""
    if not captures:
        return
    try:
        current = _current(corpus)
    except ProvenanceError as error:  # the bytes are recorded; only the summary is missing
        print(f"provenance: decisions not compared: {error}", file=sys.stderr)
        return
    for failure in current.failures:
        print(f"provenance: decisions not compared: {failure}", file=sys.stderr)
    found, store = current.findings, current.store
    status = store.status(f for f in found if f.source in captures)
    for capture in sorted(captures - current.unread):
        carried = sum(1 for c in status.carried if c.finding.source == capture)
        undecided = sum(1 for f in status.undecided if f.source == capture)
        stale = sum(1 for d in status.stale if d.source == capture)
        print(
            f"{capture}: {carried} decision(s) carried over from other bytes, {undecided} "
            f"finding(s) undecided, {stale} stale decision(s) kept (provenance findings)"
        )


@dataclass(frozen=True)
class _Current:
    """The corpus's current findings and its decisions, as far as the captures can be read."""

    findings: list[Finding]
    store: ReviewStore
    failures: tuple[Failure, ...]
    """Captures that could not be read or analysed: their findings are not among these."""
    unread: frozenset[str]
    """Their ids: their decisions are neither current nor stale, only not compared."""

    def known(self, decisions: Sequence[Decision]) -> list[Decision]:
        """`decisions` without those on captures that could not be read."""
        return [d for d in decisions if d.source not in self.unread]


def _current(corpus: Path) -> _Current:
    """Every capture that can be read, analysed; one that cannot is a Failure, as in
    `report` (the reference's source must be read, or nothing can run)."""
    from provenance.analyse import analyse_corpus
    from provenance.corpus import load_corpus
    from provenance.findings import findings
    from provenance.review import REVIEWS, ReviewStore

    loaded = load_corpus(corpus, keep_going=True)
    _note_unlisted(loaded)
    analysis = analyse_corpus(loaded, keep_going=True)
    analysed = {s.document.id for s in analysis.sources}
    unread = frozenset(e.id for e in loaded.manifest.entries if e.id not in analysed)
    return _Current(findings(analysis), ReviewStore(corpus / REVIEWS), analysis.failures, unread)


def _findings(args: argparse.Namespace) -> int:
    current = _current(args.corpus)
    found, store = current.findings, current.store
    status = store.status(found)
    stale = current.known(status.stale)
    undecided = {f.id for f in status.undecided}
    conflicts = {c.finding.id: c.decisions for c in status.conflicts}
    shown = [f for f in found if f.id in undecided] if args.undecided else found
    if args.format == "json":
        payload = {
            "schema": "provenance-findings/1",
            "findings": [
                {
                    **_finding_json(f, status.decision(f.id)),
                    "carried_from": _carried_json(status.carried_from(f.id)),
                    "conflict": [_decision_json(d) for d in conflicts.get(f.id, ())],
                }
                for f in shown
            ],
            "stale": [_decision_json(d) for d in stale],
            "errors": [f.to_json() for f in current.failures],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return _failed(current.failures)
    for f in shown:
        decision = status.decision(f.id)
        state = decision.verdict.value if decision is not None else "undecided"
        if f.id in conflicts:
            state = "conflict"
        old = status.carried_from(f.id)
        carried = f"  [carried over from {old.finding} @{old.source_sha256[:12]}]" if old else ""
        print(
            f"{f.id}  {f.source}  {f.severity!s:8}  {f.category}/{f.kind:12}  {state:9}  "
            f"{f.summary}{carried}"
        )
    print(
        f"{len(status.decided)} of {len({f.id for f in found})} decided "
        f"({len(status.carried)} carried over), "
        f"{len(status.conflicts)} in conflict, {len(stale)} stale decision(s)"
    )
    return _failed(current.failures)


def _clear(store: ReviewStore, finding: str, findings: Sequence[Finding] = ()) -> int:
    """`decide ID --clear`: remove the decisions on one finding, by its whole id or a unique
    prefix, whether or not the finding exists now (a stale decision). A current finding
    (of `findings`) with no decision is already as asked: said, and done (0); one standing
    on a decision carried over from other bytes is refused, naming that decision (it said
    "no decision" while `findings` showed it accepted)."""
    current = [f.id for f in findings]
    ids = sorted({d.finding for d in store.decisions()})
    matches = [i for i in ids if i == finding] or [i for i in ids if i.startswith(finding)]
    if not matches:
        known = [i for i in current if i == finding] or [
            i for i in current if i.startswith(finding)
        ]
        if len(set(known)) == 1:
            carried = store.status([f for f in findings if f.id == known[0]]).carried
            if carried:
                old = carried[0].decision
                raise InputError(
                    store.path,
                    f"{known[0]} stands on the decision on {old.finding} (other bytes, sha256 "
                    f"{old.source_sha256[:12]}), carried over: clear that one, or decide "
                    f"{known[0]} again",
                )
            print(f"{known[0]} has no decision: nothing to clear")
            return 0
        raise InputError(store.path, f"no decision on {finding!r} to clear")
    if len(matches) > 1:
        raise InputError(store.path, f"{finding!r} matches {len(matches)} decided findings")
    store.clear(matches[0])
    print(f"cleared {matches[0]}")
    return 0


def _carried_json(decision: Decision | None) -> dict[str, str] | None:
    if decision is None:
        return None
    return {"finding": decision.finding, "source_sha256": decision.source_sha256}


def _decide(args: argparse.Namespace) -> int:
    from provenance.model import Verdict

    current = _current(args.corpus)
    unreadable = _failed(current.failures)  # named first, whatever comes next
    found, store = current.findings, current.store
    if args.clear:
        if args.note is not None:
            raise InputError(Path("--note"), "--clear removes the decisions: no note to keep")
        return _clear(store, args.finding, found) or unreadable
    matches = [f for f in found if f.id == args.finding] or [
        f for f in found if f.id.startswith(args.finding)
    ]
    if not matches:
        unread = len(current.failures)
        maybe = f" ({unread} capture{'s' * (unread != 1)} could not be read)" if unread else ""
        raise InputError(args.corpus, f"no current finding with id {args.finding!r}{maybe}")
    distinct = {f.id for f in matches}
    if len(distinct) > 1:
        raise InputError(
            args.corpus, f"{args.finding!r} matches {len(distinct)} findings; give more of the id"
        )
    verdict = Verdict.ACCEPTED if args.accept else Verdict.FLAGGED
    store.status(found)  # a decision carried over to it is confirmed, with its note
    decision = store.decide(matches[0], verdict, note=args.note, reviewer=args.reviewer)
    # Captures holding the same bytes (a syndicated copy, P110) have the same findings, so
    # one decision stands for the finding in each of them.
    twins = ", ".join(f.source for f in matches[1:])
    also = f"; also {twins}, the same bytes" if twins else ""
    print(f"{decision.verdict} {decision.finding} ({decision.summary}{also})")
    return unreadable


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
        if finding.reference is not None
        else None,
        "reference_text": finding.reference_text,
        "decision": _decision_json(decision) if decision is not None else None,
    }


def _decision_json(decision: Decision) -> dict[str, str]:
    from dataclasses import asdict

    return {k: str(v) for k, v in asdict(decision).items()}
