"""Run a scan's shards on local processes or a Dask cluster; keep each result as it lands.

Every finished shard is written at once, atomically, as `HITS.jsonl.shards/NNNNN.json`
(its hits, its problems and its counts), so an interrupted scan loses only the shards
that were running; `resume` skips the shards already written. When all are done the
hits are merged, sorted by (source, offset, id), into HITS.jsonl, and the problems into
HITS.errors.jsonl: the same inputs give the same bytes, however the shards were run.
The client keeps only each shard's counts and the first and last of its hits in that
order, and merges by reading the shard files back one at a time (`_merged`), so its
memory does not grow with the number of hits.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from provenance.atomic import atomic_write
from provenance.jsontext import line
from provenance.scan.inputs import SHARD_BYTES, Chunks, distinct, plan, resolved
from provenance.scan.records import Chunk, Shard
from provenance.scan.shard import ScanConfig, ShardResult, engine, scan_shard

_PLAN = "plan.json"


def counted(n: int, noun: str) -> str:
    """`n` and `noun`, plural unless one.

    >>> counted(1, "error"), counted(0, "hit")
    ('1 error', '0 hits')
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    bytes: int
    candidates: int
    hits: int
    errors: int
    shards: int
    resumed: int
    seconds: float
    workers: int
    scanned_bytes: int = 0
    """Bytes of the shards scanned in this run (not resumed): what the rate is of."""
    truncated: int = 0
    """Hits from WARC records the crawler truncated (their `truncated` field is set)."""
    passed: dict[str, int] = field(default_factory=dict)
    """Files under the input directories of kinds a scan does not read, by extension."""
    overlapping: tuple[str, ...] = ()
    """A line for each input left out because another covers it (`inputs.distinct`)."""

    def line(self) -> str:
        """One line for stderr. On a resumed scan the counts are of the whole scan and the
        rate of this run's shards only, and it says so.

        >>> Summary(10, 2_000_000, 3, 1, 0, 4, 0, 2.0, 1, 2_000_000).line()[-30:]
        '0 errors; 1.0 MB/s on 1 worker'
        >>> Summary(10, 2_000_000, 3, 1, 0, 4, 3, 1.0, 2, 500_000).line().split("; ")[1]
        '0.5 MB/s on 2 workers for the 0.5 MB of this run (3 of 4 shards resumed)'
        >>> Summary(10, 0, 3, 2, 0, 1, 0, 1.0, 1, 0, truncated=1).line().split(": ")[1][:46]
        '2 hits (1 from records the crawler truncated),'
        """
        mb = self.bytes / 1e6
        rate = self.scanned_bytes / 1e6 / self.seconds if self.seconds else 0.0
        cut = f" ({self.truncated} from records the crawler truncated)" if self.truncated else ""
        line = (
            f"scanned {counted(self.documents, 'document')} ({mb:.1f} MB) in "
            f"{self.seconds:.1f} s: {counted(self.hits, 'hit')}{cut}, "
            f"{counted(self.candidates, 'candidate')}, {counted(self.errors, 'error')}; "
        )
        if self.resumed and self.resumed == self.shards:
            return line + f"all {counted(self.shards, 'shard')} resumed, none left to scan"
        line += f"{rate:.1f} MB/s on {counted(self.workers, 'worker')}"
        if self.resumed:
            line += (
                f" for the {self.scanned_bytes / 1e6:.1f} MB of this run "
                f"({self.resumed} of {self.shards} shards resumed)"
            )
        return line

    def json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "bytes": self.bytes,
            "candidates": self.candidates,
            "hits": self.hits,
            "truncated": self.truncated,
            "errors": self.errors,
            "shards": self.shards,
            "resumed": self.resumed,
            "seconds": round(self.seconds, 3),
            "workers": self.workers,
        }


Progress = Callable[[ShardResult, int, int], None]
"""Told of each finished shard, with the number done and the total."""


def scan(
    inputs: list[Path],
    config: ScanConfig,
    out: Path,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    shard_bytes: int = SHARD_BYTES,
    progress: Progress | None = None,
    corpus: Path | None = None,
) -> Summary:
    """Scan `inputs` for copies of the reference; write `out` and its errors file.

    `corpus` is the corpus the reference is taken from, if any: nothing is written in it.

    Raises:
        ValueError: An input cannot be scanned, `out` would overwrite or join the inputs
            or the corpus or cannot be written, or `resume` finds another scan's shards.
    """
    started = time.perf_counter()
    # A hit names its source by an absolute path: `add --from-scan` run elsewhere, a
    # worker of a cluster, and the manifest's note all read it the same way.
    inputs, overlapping = distinct([path.absolute() for path in inputs])
    _check_out(inputs, out, corpus)
    passed: Counter[str] = Counter()
    shards = plan(inputs, shard_bytes=shard_bytes, passed=passed, said=overlapping)
    directory = shards_dir(out)
    done = _prepare(directory, shards, config, resume=resume)
    todo = [i for i in range(len(shards)) if i not in done]
    landed = dict(done)  # the client keeps counts and key ranges, never every shard's hits
    workers = 1
    if todo:
        if scheduler:
            run, workers = _dask(scheduler)
        else:
            workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
            run = _local(workers)
        # closed at once however the loop ends: a local run stops its workers then
        with contextlib.closing(run(config, _tasks(shards, todo))) as results:
            for result in results:
                shard_file = _shard_file(directory, result.index)
                _write(shard_file, json.dumps(result.json()).encode())
                landed[result.index] = _Landed.of(result, scanned=True)
                if progress:
                    progress(result, len(landed), len(shards))
    ordered = [landed[i] for i in range(len(shards))]
    _write(out, _merged(directory, ordered, "hits"))
    _write(errors_path(out), _merged(directory, ordered, "errors"))
    return Summary(
        documents=sum(r.documents for r in ordered),
        bytes=sum(r.bytes for r in ordered),
        candidates=sum(r.candidates for r in ordered),
        hits=sum(r.hits.count for r in ordered),
        errors=sum(r.errors.count for r in ordered),
        shards=len(shards),
        resumed=len(shards) - len(todo),
        seconds=time.perf_counter() - started,
        workers=workers,
        scanned_bytes=sum(r.bytes for r in ordered if r.scanned),
        truncated=sum(r.truncated for r in ordered),
        passed=dict(sorted(passed.items())),
        overlapping=tuple(overlapping),
    )


Key = tuple[str, int, str, str]


@dataclass(frozen=True, slots=True)
class _Keys:
    """How many hits (or problems) a shard holds, and its first and last in merge order."""

    count: int
    first: Key
    last: Key
    """Both ("", 0, "", "") when there are none."""

    @classmethod
    def of(cls, items: tuple[dict[str, Any], ...]) -> _Keys:
        keys = [_order(i) for i in items] or [("", 0, "", "")]
        return cls(len(items), min(keys), max(keys))


@dataclass(frozen=True, slots=True)
class _Landed:
    """What the client keeps of a finished shard once its file is written."""

    index: int
    documents: int
    bytes: int
    candidates: int
    hits: _Keys
    errors: _Keys
    scanned: bool = False
    """Scanned in this run (not resumed)."""
    truncated: int = 0
    """Its hits from records the crawler truncated."""

    @classmethod
    def of(cls, result: ShardResult, *, scanned: bool = False) -> _Landed:
        return cls(
            result.index,
            result.documents,
            result.bytes,
            result.candidates,
            _Keys.of(result.hits),
            _Keys.of(result.errors),
            scanned,
            sum(1 for hit in result.hits if hit.get("truncated")),
        )


def _merged(directory: Path, shards: list[_Landed], field: str) -> Iterator[bytes]:
    """The hits (or problems, `field`) of every shard, sorted by `_order`, as JSON lines.

    Shards hold disjoint runs of the order when each covers its own stretch of the inputs
    (the usual case): their files are then read one at a time, in the order of their
    first items, so the client holds one shard's hits, never the collection's. When two
    shards' runs interleave, everything is read and sorted at once (the same bytes)."""
    holding = [s for s in shards if getattr(s, field).count]
    holding.sort(key=lambda s: (getattr(s, field).first, s.index))
    keys = [getattr(s, field) for s in holding]
    if all(a.last < b.first for a, b in itertools.pairwise(keys)):
        for shard in holding:
            yield _lines(sorted(_read_shard(directory, shard.index)[field], key=_order))
        return
    items = [
        i
        for s in sorted(holding, key=lambda s: s.index)
        for i in _read_shard(directory, s.index)[field]
    ]
    yield _lines(sorted(items, key=_order))


def _shard_file(directory: Path, index: int) -> Path:
    return directory / f"{index:05d}.json"


def _read_shard(directory: Path, index: int) -> dict[str, Any]:
    return _shard_json(_shard_file(directory, index))


def _shard_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _check_out(inputs: list[Path], out: Path, corpus: Path | None = None) -> None:
    """Refuse, before any work, an output that would overwrite or join the scan's inputs
    (the hits written over the collection, or read as a collection by the next scan) or
    the corpus (where `check` reports every file its manifest does not list), is a
    directory, or is in a directory that does not exist or cannot be written."""
    written = [out, errors_path(out), shards_dir(out)]
    if corpus is not None:
        where = resolved(corpus)
        for path in written:
            if resolved(path).is_relative_to(where):
                msg = (
                    f"{out}: the scan would write {path.name} inside the corpus {corpus}, "
                    "whose check reports every file its manifest does not list"
                )
                raise ValueError(msg)
    for given in inputs:
        source = resolved(given)
        for path in written:
            target = resolved(path)
            if target == source or (_is_dir(source) and target.is_relative_to(source)):
                msg = f"{out}: the scan would write {path.name} over or inside its input {given}"
                raise ValueError(msg)
    problem = None
    if out.is_dir():
        problem = "is a directory, not a file to write the hits to"
    elif taken := next((p for p in (out, errors_path(out)) if _someone_elses(p, out)), None):
        # the reference, a corpus's manifest or decisions, a capture: never written over
        problem = (
            f"{taken.name} exists and is no scan's output (no {shards_dir(out).name}/"
            f"{_PLAN} beside it); remove it or choose another --out"
        )
    elif out.parent.exists() and not out.parent.is_dir():
        problem = f"{out.parent} is a file, not a directory"
    elif not out.parent.exists():  # a mistyped path is not made: nothing is written there
        problem = f"its directory {out.parent} does not exist"
    elif not os.access(out.parent, os.W_OK):
        problem = f"its directory {out.parent} cannot be written"
    if problem is not None:
        msg = f"{out}: {problem}"
        raise ValueError(msg)


def _is_dir(path: Path) -> bool:
    """Whether `path` is a directory; False when it cannot be told (Python 3.11's
    `Path.is_dir` raises where the user may not look: planning makes that an entry)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _someone_elses(path: Path, out: Path) -> bool:
    """Whether `path`, to be written by a scan to `out`, is a file no scan to `out` wrote
    (no plan of one beside it): one it would overwrite and lose."""
    exists = path.exists() or path.is_symlink()
    return exists and not (shards_dir(out) / _PLAN).is_file()


def shards_dir(out: Path) -> Path:
    return out.with_name(out.name + ".shards")


def errors_path(out: Path) -> Path:
    name = out.name.removesuffix(".jsonl")
    return out.with_name(name + ".errors.jsonl")


def _lines(items: list[dict[str, Any]] | tuple[dict[str, Any], ...]) -> bytes:
    return "".join(line(i) + "\n" for i in items).encode("utf-8")


def _order(item: dict[str, Any]) -> Key:
    return item["source"], item["offset"], item["id"], item.get("problem", "")


def _stats(shards: list[Shard]) -> dict[str, list[int]]:
    """Size and modification time (ns) of every file the shards read: an input edited in
    place at the same size (a page corrected, a line rewritten) changes its time."""
    paths = dict.fromkeys(f for s in shards for f in (s.files or (s.path,)))
    out = {}
    for path in paths:
        try:
            found = Path(path).stat()
        except OSError:
            continue  # gone: the scan's reading reports it
        out[path] = [found.st_size, found.st_mtime_ns]
    return out


_WHAT = {
    "reference_sha256": "the reference",
    "fields": "the field names",
    "min_grams": "--min-grams",
    "max_size": "--max-size",
    "shards": "the inputs or --shard-mb",
    "stats": "the inputs' files",
}
"""What each part of a scan's plan file records, as `--resume` names what differs."""


def _changed(planned: object, now: dict[str, list[int]]) -> str:
    """The first input whose size or time differs from the plan's, or ""."""
    if not isinstance(planned, dict):
        return ""
    return next((path for path, stat in now.items() if planned.get(path) != stat), "")


def _prepare(
    directory: Path, shards: list[Shard], config: ScanConfig, *, resume: bool
) -> dict[int, _Landed]:
    """The shards already done (when resuming the same scan); a fresh plan otherwise."""
    stats = _stats(shards)
    fingerprint = {
        "reference_sha256": config.reference.sha256,
        "fields": asdict(config.fields),
        "min_grams": config.min_grams,
        "max_size": config.max_size,
        "shards": [[s.kind, s.path, s.start, s.end, list(s.files)] for s in shards],
        "stats": stats,
    }
    plan_file = directory / _PLAN
    done: dict[int, _Landed] = {}
    if resume and plan_file.is_file():
        try:
            planned = json.loads(plan_file.read_text(encoding="utf-8"))
        except (ValueError, OSError) as error:
            msg = f"{plan_file}: cannot resume from it ({error}); remove {directory} to start over"
            raise ValueError(msg) from None
        changed = _changed(planned.get("stats"), stats)
        # (an input that grew or shrank is shard differently too: it is still what changed)
        same = {**planned, "stats": None, "shards": None}
        if changed and same == {**fingerprint, "stats": None, "shards": None}:
            msg = (
                f"{directory}: cannot resume: {changed} changed since the scan began (its "
                f"shards done may hold what it no longer does); remove {directory} to start over"
            )
            raise ValueError(msg)
        if planned != fingerprint:
            differ = ", ".join(_WHAT[k] for k in _WHAT if planned.get(k) != fingerprint[k])
            msg = f"{directory}: --resume of a different scan (not the same: {differ or 'plan'})"
            raise ValueError(msg)
        for path in sorted(directory.glob("[0-9]*.json")):
            try:
                result = ShardResult.from_json(_shard_json(path))
            except (ValueError, KeyError):
                continue  # a torn file cannot exist (atomic writes); be safe and rerun it
            done[result.index] = _Landed.of(result)
        return done
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("[0-9]*.json"):
            old.unlink()
    except OSError as error:
        msg = f"{directory}: cannot be written ({error.strerror or error})"
        raise ValueError(msg) from None
    _write(plan_file, json.dumps(fingerprint).encode())
    return done


def _write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """`atomic_write`, a refusal of the system (a read-only or full disk, a directory
    such as /proc that takes no files) told as the path's problem, not the program's."""
    try:
        atomic_write(path, data)
    except OSError as error:
        msg = f"{path}: cannot be written ({error.strerror or error})"
        raise ValueError(msg) from None


Task = tuple[Shard, int, Chunk | None]
"""A shard, its index, and its lines when the client reads them (a part of a .jsonl.gz)."""
Runner = Callable[[ScanConfig, Iterator[Task]], Generator[ShardResult, None, None]]
_AHEAD = 2
"""Tasks handed out per worker ahead of the results: workers never wait, and the client
holds at most this many streamed chunks a worker (memory flat in the collection's size)."""


def _tasks(shards: list[Shard], todo: list[int]) -> Iterator[Task]:
    """The shards to scan, in plan order, each streamed one with its chunk, read lazily."""
    chunks = Chunks()
    try:
        for i in todo:
            yield shards[i], i, chunks.read(shards[i]) if shards[i].streamed else None
    finally:
        chunks.close()


def _local(workers: int) -> Runner:
    def run(config: ScanConfig, work: Iterator[Task]) -> Generator[ShardResult, None, None]:
        if workers == 1:
            for task in work:
                yield scan_shard(config, *task)
            return
        engine(config)  # once, here: forked workers inherit it (the initializer is for spawn)
        pool = ProcessPoolExecutor(workers, initializer=_worker, initargs=(config,))
        done = False
        try:
            pending: set[Future[ShardResult]] = set()

            def submit(count: int) -> None:
                for task in itertools.islice(work, count):
                    pending.add(pool.submit(scan_shard, config, *task))

            submit(workers * _AHEAD)
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                pending.difference_update(finished)
                submit(len(finished))
                for future in finished:
                    yield future.result()
            done = True
        finally:
            if not done:  # Ctrl-C, SIGTERM, an error: no one will take the running shards
                _stop(pool)
            pool.shutdown(wait=True, cancel_futures=True)

    return run


def _worker(config: ScanConfig) -> None:
    """Start a local worker: it ends with the scan, then prepares the engine.

    SIGTERM ends it (forked, it would have the scan's handler, which raises); and a thread
    ends it when its parent is gone, which SIGKILL of the scan leaves no one to tell it:
    it would wait for shards for ever, its parent init."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    threading.Thread(target=_orphaned, args=(parent,), name="scan-parent", daemon=True).start()
    engine(config)


_WATCH_SECONDS = 1.0
"""How often a worker looks for its parent: a wake-up a second costs nothing measurable."""


def _orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)  # no cleanup to do: the scan that would take its results is gone


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now (their shards' results would be thrown away): a shard
    runs seconds, and a supervisor's SIGTERM gives little more before SIGKILL."""
    for process in list(pool._processes.values()):  # Python 3.14: pool.terminate_workers()
        if process.is_alive():
            process.terminate()


_CONNECT_SECONDS = 5
"""How long to wait for a Dask scheduler that does not answer (a running one answers in
well under a second)."""


def _dask(address: str) -> tuple[Runner, int]:
    from distributed import Client, as_completed

    try:
        client = Client(address, timeout=_CONNECT_SECONDS)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as error:
        msg = f"{address}: cannot reach the Dask scheduler ({error})"
        raise ValueError(msg) from None
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def run(config: ScanConfig, work: Iterator[Task]) -> Generator[ShardResult, None, None]:
        def submit(task: Task) -> Any:
            return client.submit(scan_shard, config, *task, pure=False, retries=3)

        try:
            first = [submit(task) for task in itertools.islice(work, workers * _AHEAD)]
            running = as_completed(first, with_results=True)  # type: ignore[no-untyped-call]
            for _, result in running:
                yield result
                for task in itertools.islice(work, 1):
                    running.add(submit(task))  # type: ignore[no-untyped-call]
        finally:
            client.close()  # type: ignore[no-untyped-call]

    return run, workers


class QuietProgress:
    """A line on stderr at most every `every` seconds (and at the end), for logs and pipes."""

    def __init__(self, every: float = 10.0) -> None:
        self.every = every
        self.started = self.last = time.monotonic()
        self.documents = self.bytes = self.hits = self.errors = 0

    def __call__(self, result: ShardResult, done: int, total: int) -> None:
        self.documents += result.documents
        self.bytes += result.bytes
        self.hits += len(result.hits)
        self.errors += len(result.errors)
        now = time.monotonic()
        if now - self.last < self.every and done < total:
            return
        self.last = now
        rate = self.bytes / 1e6 / max(1e-9, now - self.started)
        print(
            f"scan: {done}/{total} shards; this run: {counted(self.documents, 'document')}, "
            f"{self.bytes / 1e6:.1f} MB, {counted(self.hits, 'hit')}, "
            f"{counted(self.errors, 'error')}, {rate:.1f} MB/s",
            file=sys.stderr,
        )
