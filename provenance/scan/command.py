"""`provenance scan` and `provenance add --from-scan`: arguments, progress and exit codes.

Only argparse is imported at the top, so that `provenance --help` stays quick; the scan
machinery (Hyperscan, FastWARC, Dask) is imported when a scan runs.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from provenance.errors import ExitCode, one_line

if TYPE_CHECKING:
    from provenance.scan.shard import ShardResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("inputs", type=Path, nargs="+", metavar="INPUT",
        help="directories (their pages and the .jsonl(.gz), .warc(.gz), .wet(.gz) files under "
             "them, in sorted order), pages (.txt, .md, .html), .jsonl(.gz), .warc(.gz), "
             ".wet(.gz)")  # fmt: skip
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--reference", type=Path, metavar="REF", help="the reference file")
    which.add_argument("--corpus", type=Path, metavar="DIR", help="the reference of this corpus")
    add("--out", type=Path, required=True, metavar="HITS.jsonl", help="the hits to write")
    add(
        "--jobs",
        type=_at_least_one,
        metavar="N",
        help="local worker processes (default: all cores)",
    )
    dask = (
        "run the shards on this Dask scheduler (start it and its workers with "
        "--preload provenance.scan.shard: docs/scan.md)"
    )
    add("--scheduler", metavar="ADDRESS", help=dask)
    add("--resume", action="store_true", help="skip the shards already done")
    add("--allow-errors", action="store_true", help="exit 0 even if documents could not be read")
    add("--shard-mb", type=_megabytes, default=4.0, metavar="MB",
        help="shard size in megabytes, 0.001 or more (default 4)")  # fmt: skip
    add("--min-grams", type=_at_least_one, metavar="N",
        help="prefilter threshold: distinct reference 3-grams a candidate holds, at least 1 "
             "(default 4)")  # fmt: skip
    for name in ("id", "text", "html", "url", "date"):
        add(f"--{name}-field", type=_field_name, default=name, metavar="NAME",
            help=f"JSON Lines field ({name})")  # fmt: skip


def _field_name(value: str) -> str:
    """A JSON Lines field name: "" names no field (an empty shell variable, most likely)."""
    if not value:
        msg = "an empty field name"
        raise argparse.ArgumentTypeError(msg)
    return value


def _at_least_one(value: str) -> int:
    """`--jobs`, `--min-grams`: a whole number, 1 or more.

    >>> _at_least_one("3")
    3
    >>> _at_least_one("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '0' is not a whole number of at least 1
    """
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        problem = f"{value!r} is not a whole number of at least 1"
        raise argparse.ArgumentTypeError(problem)
    return number


def _megabytes(value: str) -> float:
    """`--shard-mb`: a finite number of megabytes, a kilobyte (0.001) or more: a smaller
    shard is a shard a document, millions of them for a crawl (0.5 is half a megabyte).

    >>> _megabytes("0.5")
    0.5
    >>> _megabytes("nan")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: 'nan' is not a number of megabytes of at least 0.001 (say 4)
    """
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not _LEAST_SHARD_MB <= number < math.inf:  # also false for nan
        problem = f"{value!r} is not a number of megabytes of at least 0.001 (say 4)"
        raise argparse.ArgumentTypeError(problem)
    return number


_LEAST_SHARD_MB = 0.001


def run(args: argparse.Namespace) -> int:
    from provenance.corpus import load_corpus
    from provenance.load import MAX_SIZE, load_reference, set_max_size
    from provenance.scan.inputs import JSONL_SUFFIXES, Fields, unknown_fields
    from provenance.scan.prefilter import MIN_GRAMS
    from provenance.scan.run import QuietProgress, counted, errors_path, scan
    from provenance.scan.shard import ScanConfig

    if args.scheduler and args.jobs is not None:
        print(
            "provenance scan: --jobs sets local workers; with --scheduler the cluster's "
            "workers run the shards: give one of them",
            file=sys.stderr,
        )
        return ExitCode.ERROR
    # --max-size is each document's limit, not the reference's or the corpus's: they are
    # read under the usual one (or a larger --max-size, as a file over it is told to give).
    set_max_size(0 if args.max_size == 0 else max(args.max_size, MAX_SIZE))
    reference = (
        load_reference(args.reference) if args.reference else load_corpus(args.corpus).reference
    )
    fields = Fields(
        args.id_field, args.text_field, args.html_field, args.url_field, args.date_field
    )
    for path in args.inputs:
        if path.name.lower().endswith(JSONL_SUFFIXES):
            wrong = unknown_fields(path, fields)  # (an unreadable input: the scan's entry)
            if wrong is not None:
                print(f"provenance scan: {path}: {wrong}", file=sys.stderr)
                return ExitCode.ERROR
    grams = MIN_GRAMS if args.min_grams is None else args.min_grams
    config = ScanConfig(reference, fields, grams, args.max_size)
    options = {
        "jobs": args.jobs,
        "scheduler": args.scheduler,
        "resume": args.resume,
        "shard_bytes": max(1, int(args.shard_mb * 2**20)),
        "corpus": args.corpus,
    }
    try:
        with _sigterm_as_interrupt():
            if sys.stderr.isatty():
                with _Bar() as bar:
                    summary = scan(args.inputs, config, args.out, progress=bar.update, **options)
            else:
                summary = scan(args.inputs, config, args.out, progress=QuietProgress(), **options)
    except ValueError as error:
        print("provenance: " + one_line(f"{error}"), file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt as stop:
        how = "terminated" if isinstance(stop, Terminated) else "interrupted"
        print(
            f"provenance scan: {how}; the shards done are kept: the same command with "
            "--resume goes on from them",
            file=sys.stderr,
        )
        if isinstance(stop, Terminated):
            return ExitCode.TERMINATED
        raise
    print(summary.line(), file=sys.stderr)
    for line in summary.overlapping:
        print(f"provenance scan: {one_line(line)}", file=sys.stderr)
    if summary.passed:
        kinds = ", ".join(f"{kind} {n}" for kind, n in summary.passed.items())
        print(f"passed over {sum(summary.passed.values())} files of kinds scan does not read "
              f"({kinds}); name one to see why", file=sys.stderr)  # fmt: skip
    if summary.errors:
        print(f"{counted(summary.errors, 'document')} could not be read: see "
              f"{errors_path(args.out)}", file=sys.stderr)  # fmt: skip
        if not args.allow_errors:
            return ExitCode.FINDINGS
    return ExitCode.OK


class Terminated(KeyboardInterrupt):
    """SIGTERM during a scan (a supervisor, `kill`): handled as Ctrl-C is, so that the
    local workers are stopped and the shards done kept (before, the scan died at once and
    its workers ran on for ever)."""


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Raise `Terminated` on SIGTERM while the scan runs (a handler can only be set from
    the main thread; elsewhere SIGTERM keeps its meaning)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Bar:
    """A rich progress bar of documents, bytes, hits, rate and ETA (by shards)."""

    def __enter__(self) -> _Bar:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self.documents = self.bytes = self.hits = 0
        self.progress = Progress(
            TextColumn("scan"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} shards"),
            TextColumn("{task.fields[status]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.progress.start()
        self.task = self.progress.add_task("scan", total=None, status="")
        import time

        self.started = time.perf_counter()
        return self

    def update(self, result: ShardResult, done: int, total: int) -> None:
        import time

        self.documents += result.documents
        self.bytes += result.bytes
        self.hits += len(result.hits)
        rate = self.bytes / 1e6 / max(1e-9, time.perf_counter() - self.started)
        status = (
            f"{self.documents} docs, {self.bytes / 1e6:.1f} MB, {self.hits} hits, {rate:.1f} MB/s"
        )
        self.progress.update(self.task, completed=done, total=total, status=status)

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()
