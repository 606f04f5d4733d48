"""Benchmark `provenance scan` on the generator's collection (run by `make bench-scan`).

1. The collection: `../shared/bench/gen_corpus.py --docs 20000 --seed 1` (116 MB of
   JSON Lines, 2% planted copies of every kind, 1% decoys), generated once into
   --workdir and reused.
2. WARC readers on the same file (the collection as gzip-per-record HTML responses):
   FastWARC and warcio, reading every response record's payload.
3. The prefilter over the JSON Lines as scan runs it (Hyperscan over each raw line, the
   lines it turns away checked but not parsed, the rest parsed and prefiltered on their
   text): MB/s on one core, candidates, and its recall of the planted documents.
   Then where a one-worker scan's CPU goes: reading and the raw-line prefilter, the
   candidates' parsing and prefilter, the engine (by kind of document), the hits'
   serialisation, and the shard files and the merge.
4. The scan end to end (input read to HITS.jsonl written) with 1 and 2 local workers,
   on the WARC.gz of item 2 with 2 local workers, and on a Dask cluster of two one-thread
   workers on 127.0.0.1: MB/s, MB/s per core, recall of planted documents and false
   positives among the others (decoys apart).
5. Peak memory of a local worker for a tenth of the collection and for all of it.

Issue 14's yardsticks (a Python word-5-gram locator, `grep -F` of one sentence) are
measured on the same collection first (`yardsticks.py`), so that the MB/s figures can be
read against the issue's machine.

Prints the machine first: the numbers mean nothing without it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yardsticks
from machine import Stolen, machine

from provenance.load import load
from provenance.scan.collection import read_jsonl, write_warc
from provenance.scan.inputs import Fields, plan, read
from provenance.scan.prefilter import Prefilter
from provenance.scan.records import Counts, Problem, Record, Shard
from provenance.scan.run import Summary, scan, shards_dir
from provenance.scan.shard import (
    _QUOTE_MIN_WORDS,
    ScanConfig,
    _document,
    engine,
    hit_json,
    is_hit,
)

ROOT = Path(__file__).resolve().parent.parent
DASK = Path(sys.executable).with_name("dask")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/provenance-scan-bench"))
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--skip-dask", action="store_true")
    rounds = "rounds of the end-to-end runs, alternated so that the host's drift falls on all"
    parser.add_argument("--rounds", type=int, default=3, help=rounds)
    big = "also measure memory on this larger collection (say 1 GB)"
    parser.add_argument("--big", type=Path, metavar="JSONL", help=big)
    args = parser.parse_args()
    print(machine())
    work = args.workdir / f"docs{args.docs}"
    collection = _collection(work, args.docs)
    jsonl = collection / "corpus.jsonl"
    truth = [json.loads(line) for line in (collection / "truth.jsonl").read_text().splitlines()]
    planted = {t["id"] for t in truth if t["planted"]}
    decoys = {t["id"] for t in truth if t["kind"].startswith("decoy")}
    size = jsonl.stat().st_size
    print(f"collection: {len(truth)} documents, {size / 1e6:.1f} MB, {len(planted)} planted, "
          f"{len(decoys)} decoys ({collection})")  # fmt: skip
    reference = load(collection / "reference.txt")
    config = ScanConfig(reference)
    print(yardsticks.measure(jsonl, reference.text))

    _readers(collection, work)
    _prefilter(jsonl, reference.text, planted, size)
    kinds = {t["id"]: t["kind"] for t in truth}
    _breakdown(jsonl, config, kinds, work)

    _rounds(jsonl, config, work, planted, decoys, args.rounds, dask=not args.skip_dask)
    out = work / "hits-warc.jsonl"
    cpu = _cpu()
    summary = scan([work / "corpus.warc.gz"], config, out, jobs=2)
    _report("WARC.gz of HTML pages, local, 2 workers", summary, out, planted, decoys, 2,
            _cpu() - cpu, url=True)  # fmt: skip
    _memory(jsonl, config, work, args.big)


def _collection(work: Path, docs: int) -> Path:
    if not (work / "truth.jsonl").is_file():
        script = next(
            p
            for p in (
                Path(os.environ.get("PROVENANCE_GEN_CORPUS", "/nonexistent")),
                ROOT.parent / "shared" / "bench" / "gen_corpus.py",
                Path("/work/shared/bench/gen_corpus.py"),
            )
            if p.is_file()
        )
        command = [sys.executable, str(script), "--docs", str(docs), "--seed", "1"]
        subprocess.run([*command, "--out", str(work), "--no-files"], check=True)
    return work


def _readers(collection: Path, work: Path) -> None:
    """FastWARC against warcio on one WARC.gz of the whole collection."""
    warc = work / "corpus.warc.gz"
    if not warc.exists():
        write_warc(read_jsonl(collection / "corpus.jsonl"), warc)
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    started = time.perf_counter()
    records = payload = 0
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response):
            records += 1
            payload += len(record.reader.read())
    fast = time.perf_counter() - started
    print(f"FastWARC: {records} records, {payload / 1e6:.1f} MB payload in {fast:.2f} s "
          f"({warc.stat().st_size / 1e6 / fast:.1f} MB/s of WARC.gz)")  # fmt: skip
    try:
        from warcio.archiveiterator import ArchiveIterator as WarcioIterator
    except ImportError:
        print("warcio: not installed (pip install warcio==1.8.1 to compare)")
        return
    started = time.perf_counter()
    records = payload = 0
    with warc.open("rb") as stream:
        for record in WarcioIterator(stream):
            if record.rec_type == "response":
                records += 1
                payload += len(record.content_stream().read())
    slow = time.perf_counter() - started
    rate = warc.stat().st_size / 1e6 / slow
    print(f"warcio:   {records} records, {payload / 1e6:.1f} MB payload in {slow:.2f} s "
          f"({rate:.1f} MB/s); FastWARC {slow / fast:.1f}x faster")  # fmt: skip


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the local workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _prefilter(jsonl: Path, reference: str, planted: set[str], size: int) -> None:
    prefilter = Prefilter.of(reference)
    prefilter.compile()  # not timed: compiled once per machine (kept on disk)
    cpu = _cpu()
    started = time.perf_counter()
    candidates, missed = set(), set(planted)
    counts = Counts()
    shard = Shard("jsonl", str(jsonl), 0, size)
    for item in read(shard, Fields(), counts, gate=prefilter.gate()):
        if isinstance(item, Record) and prefilter.candidate(item.data)[0]:
            candidates.add(item.id)
            missed.discard(item.id)
    seconds = time.perf_counter() - started
    cpu = _cpu() - cpu
    recall = 1 - len(missed) / len(planted)
    print(f"read + parse + prefilter, one core: {size / 1e6 / seconds:.0f} MB/s "
          f"({size / 1e6 / cpu:.0f} MB per CPU-second); "
          f"{len(candidates)} candidates of {counts.documents}; recall of planted "
          f"{recall:.4f} (missed: {sorted(missed) or 'none'})")  # fmt: skip


def _breakdown(jsonl: Path, config: ScanConfig, kinds: dict[str, str], work: Path) -> None:
    """CPU seconds of each part of a one-worker scan, in this process (scan_shard's steps,
    the engine's screening of pages with no passage included)."""
    clock = time.process_time
    started = clock()
    analyser, prefilter = engine(config)
    parts = dict.fromkeys(["setup", "read", "candidates", "engine", "hits", "write"], 0.0)
    parts["setup"] = clock() - started
    engine_by_kind: dict[str, list[float]] = {}
    results = []
    for index, shard in enumerate(plan([jsonl])):
        counts, hits = Counts(), []
        items = read(shard, config.fields, counts, config.max_size, gate=prefilter.gate())
        while True:
            a = clock()
            item = next(items, None)
            b = clock()
            parts["read"] += b - a
            if item is None:
                break
            if isinstance(item, Problem):
                continue
            is_candidate, grams = prefilter.candidate(item.data)
            if not is_candidate:
                parts["candidates"] += clock() - b
                continue
            read_in = _document(item)
            c = clock()
            parts["candidates"] += c - b
            assert not isinstance(read_in, Problem)
            document = read_in[0]
            # as scan_shard
            result = analyser.source(document, screen_words=_QUOTE_MIN_WORDS, attributed_only=True)
            if is_hit(result) and not result.passages:
                result = analyser.source(document, attributed_only=True)
            d = clock()
            parts["engine"] += d - c
            engine_by_kind.setdefault(kinds[item.id], []).append(d - c)
            if is_hit(result):
                hits.append(hit_json(item, result, grams))
            parts["hits"] += clock() - d
        a = clock()
        data = json.dumps({"index": index, "hits": hits}).encode()
        (work / "breakdown-shard.json").write_bytes(data)
        results.extend(hits)
        parts["write"] += clock() - a
    a = clock()
    merged = sorted(results, key=lambda h: (h["source"], h["offset"], h["id"]))
    text = "".join(json.dumps(h, ensure_ascii=False) + "\n" for h in merged)
    (work / "breakdown-hits.jsonl").write_bytes(text.encode())
    parts["write"] += clock() - a
    total = sum(parts.values())
    size = jsonl.stat().st_size / 1e6
    print(f"one-worker scan, CPU seconds by part ({total:.2f} s, {size / total:.1f} MB per "
          "CPU-second):")  # fmt: skip
    names = {
        "setup": "reference prepared, prefilter compiled",
        "read": "reading, raw-line prefilter, parsing of candidates",
        "candidates": "prefilter of candidates' text, decoding",
        "engine": "engine on candidates",
        "hits": "hits serialised",
        "write": "shard files and merged HITS.jsonl",
    }
    for key, name in names.items():
        print(f"    {name}: {parts[key]:.2f} s ({100 * parts[key] / total:.0f}%)")
    scan_own = total - parts["engine"]
    print(f"    without the engine: {size / scan_own:.0f} MB per CPU-second")
    for kind, seconds in sorted(engine_by_kind.items()):
        each = 1000 * sum(seconds) / len(seconds)
        print(f"    engine on {kind}: {len(seconds)} documents, {each:.1f} ms each, "
              f"{sum(seconds):.2f} s")  # fmt: skip


def _report(
    name: str,
    summary: Summary,
    out: Path,
    planted: set[str],
    decoys: set[str],
    cores: int,
    cpu: float | None = None,
    *,
    url: bool = False,
) -> None:
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    hits = {h["url"].rsplit("/", 1)[-1] if url else h["id"] for h in lines}
    found = hits & planted
    false = hits - planted
    rate = summary.bytes / 1e6 / summary.seconds
    print(f"{name}: {summary.seconds:.1f} s, {rate:.1f} MB/s, {rate / cores:.1f} MB/s per core; "
          f"{summary.candidates} candidates; recall {len(found) / len(planted):.4f} "
          f"({len(planted - hits)} missed); false positives {len(false)} "
          f"({len(false & decoys)} decoys, {len(false - decoys)} distractors)")  # fmt: skip
    if cpu is not None:
        print(f"    CPU time {cpu:.1f} s: {summary.bytes / 1e6 / cpu:.1f} MB per CPU-second "
              "(the per-core rate on an idle machine)")  # fmt: skip
    shard_cpu = [
        json.loads(p.read_text())["cpu"] for p in sorted(shards_dir(out).glob("[0-9]*.json"))
    ]
    if cores > 1 and all(shard_cpu):
        span = _makespan(shard_cpu, cores)
        print(f"    shards' CPU {sum(shard_cpu):.1f} s; handed out in plan order to {cores} "
              f"idle cores they would take {span:.1f} s: {sum(shard_cpu) / span:.2f}x one "
              "core (the load-free speed-up)")  # fmt: skip


def _makespan(seconds: list[float], cores: int) -> float:
    """When the last core is done, each shard going to the first free core, in order."""
    free = [0.0] * cores
    for cost in seconds:
        free[free.index(min(free))] += cost
    return max(free)


def _rounds(
    jsonl: Path,
    config: ScanConfig,
    work: Path,
    planted: set[str],
    decoys: set[str],
    rounds: int,
    *,
    dask: bool,
) -> None:
    """The scan end to end, 1 and 2 local workers and a Dask cluster of two one-thread
    workers, each `rounds` times in turn; the medians compared (this host drifts by tens
    of percent within minutes; each run's share of the CPU stolen by the hypervisor is
    printed beside it). The Dask workers start as docs/scan.md advises (`--preload
    provenance.scan.shard` on the scheduler and the workers, the profiler off); each
    round's cluster is new, and scans
    twice: cold (the workers prepare the engine, as local workers do) and warm (a
    long-lived cluster's next scan of the same reference). One cluster of default workers
    is timed apart."""
    times: dict[str, list[float]] = {}
    stolen: dict[str, list[Stolen]] = {}

    def run(name: str, cores: int, **where: Any) -> None:
        out = work / f"hits-{name.replace(' ', '-').replace(',', '')}.jsonl"
        cpu = _cpu()
        with Stolen() as steal:
            summary = scan([jsonl], config, out, **where)
        if name not in times:
            _report(name, summary, out, planted, decoys, cores, _cpu() - cpu if "jobs" in where
                    else None)  # fmt: skip
        times.setdefault(name, []).append(summary.seconds)
        stolen.setdefault(name, []).append(steal)

    for _ in range(rounds):
        run("local, 1 worker", 1, jobs=1)
        run("local, 2 workers", 2, jobs=2)
        if dask:
            with _cluster(work, advised=True) as address:
                run("Dask, cold", 2, scheduler=address)
                run("Dask, warm", 2, scheduler=address)
    if dask:
        with _cluster(work, advised=False) as address:
            run("Dask, default workers, cold", 2, scheduler=address)
    median = {name: statistics.median(seconds) for name, seconds in times.items()}
    for name, seconds in times.items():
        each = ", ".join(f"{t:.2f} ({s})" for t, s in zip(seconds, stolen[name], strict=True))
        print(f"{name}: median {median[name]:.2f} s of {each}")
    one, two = median["local, 1 worker"], median["local, 2 workers"]
    print(f"2 local workers / 1: {one / two:.2f}x faster (target >= 1.7x; medians)")
    if dask:
        local = (work / "hits-local-2-workers.jsonl").read_bytes()
        names = ("Dask-cold", "Dask-warm", "Dask-default-workers-cold")
        same = all((work / f"hits-{n}.jsonl").read_bytes() == local for n in names)
        print(f"Dask vs local (2 workers): cold {median['Dask, cold'] / two:.2f}x, warm "
              f"{median['Dask, warm'] / two:.2f}x, default workers cold "
              f"{median['Dask, default workers, cold'] / two:.2f}x the time (target within "
              f"1.2x; medians); HITS.jsonl identical: {same}")  # fmt: skip


@contextlib.contextmanager
def _cluster(work: Path, *, advised: bool) -> Iterator[str]:
    """A Dask scheduler and two one-thread workers on 127.0.0.1; yields its address.
    `advised`: the scheduler and the workers import the engine at start (the scheduler
    unpickles every task, so the first one costs it the import otherwise: 0.3 s), and the
    workers run no profiler."""
    file = work / "scheduler.json"
    file.unlink(missing_ok=True)
    env = dict(os.environ)
    if advised:
        env["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"] = "False"

    def start(*args: str) -> subprocess.Popen[bytes]:
        command = [str(DASK), *args, "--no-dashboard"]
        out = subprocess.DEVNULL
        return subprocess.Popen(command, stdout=out, stderr=out, env=env, start_new_session=True)

    preload = ["--preload", "provenance.scan.shard"] if advised else []
    scheduler = ["scheduler", "--host", "127.0.0.1", "--port", "0", "--scheduler-file", str(file)]
    processes = [start(*scheduler, *preload)]
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        while not file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        worker = ["worker", "--scheduler-file", str(file), "--nthreads", "1", "--no-nanny"]
        worker += preload
        processes += [start(*worker, "--name", f"w{n}") for n in range(2)]
        with Client(scheduler_file=str(file), timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            address = client.scheduler.address
        yield address
    finally:
        for process in reversed(processes):  # workers first, then the scheduler
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=20)


def _memory(jsonl: Path, config: ScanConfig, work: Path, big: Path | None) -> None:
    """Peak RSS of the client and of each of two local workers, by the input's size.

    A tenth of the collection, all of it, and `--big` (a larger gen_corpus.py collection)
    when given; each as JSON Lines and, for the collection, as one .jsonl.gz (split into
    shards that the client streams to the workers).
    """
    tenth = work / "tenth.jsonl"
    with jsonl.open("rb") as source, tenth.open("wb") as target:
        for n, line in enumerate(source):
            if n % 10 == 0:
                target.write(line)
    gz = work / "corpus.jsonl.gz"
    if not gz.exists():
        subprocess.run(["gzip", "-k", "-6", str(jsonl)], check=True)
    inputs = [tenth, jsonl, gz, *([big] if big else [])]
    for path in inputs:
        code = (
            "import resource\nfrom pathlib import Path\n"
            "from provenance.load import load\nfrom provenance.scan.run import scan\n"
            "from provenance.scan.shard import ScanConfig\n"
            f"s = scan([Path({str(path)!r})], ScanConfig(load({str(config.reference.path)!r})), "
            f"Path({str(work / 'mem.jsonl')!r}), jobs=2)\n"
            # VmHWM, not ru_maxrss, for the client: ru_maxrss keeps the forking parent's peak
            "print([l.split()[1] for l in open('/proc/self/status') if 'VmHWM' in l][0],\n"
            "      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, s.documents)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True)  # fmt: skip
        client, worker, documents = (int(n) for n in result.stdout.split()[-3:])
        print(f"peak RSS, {path.name} ({path.stat().st_size / 1e6:.0f} MB, {documents} "
              f"documents), 2 workers: client {client / 1024:.0f} MiB, largest worker "
              f"{worker / 1024:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
