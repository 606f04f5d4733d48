"""Benchmark `provenance scan` on the generator's collection (run by `make bench-scan`).

1. The collection: `../shared/bench/gen_corpus.py --docs 20000 --seed 1` (116 MB of
   JSON Lines, 2% planted copies of every kind, 1% decoys), generated once into
   --workdir and reused.
2. WARC readers on the same file (the collection as gzip-per-record HTML responses):
   FastWARC and warcio, reading every response record's payload.
3. The prefilter alone over the JSON Lines (read, parse, Hyperscan): MB/s on one core,
   candidates, and its recall of the planted documents.
4. The scan end to end (input read to HITS.jsonl written) with 1 and 2 local workers,
   on the WARC.gz of item 2 with 2 local workers, and on a Dask cluster of two one-thread
   workers on 127.0.0.1: MB/s, MB/s per core, recall of planted documents and false
   positives among the others (decoys apart).
5. Peak memory of a local worker for a tenth of the collection and for all of it.

Prints the machine first: the numbers mean nothing without it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from machine import machine

from provenance.load import load
from provenance.scan.collection import read_jsonl, write_warc
from provenance.scan.inputs import Counts, Fields, Record, Shard, read
from provenance.scan.prefilter import Prefilter
from provenance.scan.run import Summary, scan
from provenance.scan.shard import ScanConfig

ROOT = Path(__file__).resolve().parent.parent
DASK = Path(sys.executable).with_name("dask")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/provenance-scan-bench"))
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--skip-dask", action="store_true")
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

    _readers(collection, work)
    _prefilter(jsonl, reference.text, planted, size)

    results = {}
    for jobs in (1, 2):
        out = work / f"hits-{jobs}.jsonl"
        cpu = _cpu()
        summary = scan([jsonl], config, out, jobs=jobs)
        results[f"local, {jobs} worker(s)"] = summary
        _report(f"local, {jobs} worker(s)", summary, out, planted, decoys, jobs, _cpu() - cpu)
    one, two = results["local, 1 worker(s)"], results["local, 2 worker(s)"]
    print(f"2 local workers / 1: {one.seconds / two.seconds:.2f}x faster (target >= 1.7x)")
    out = work / "hits-warc.jsonl"
    cpu = _cpu()
    summary = scan([work / "corpus.warc.gz"], config, out, jobs=2)
    _report("WARC.gz of HTML pages, local, 2 workers", summary, out, planted, decoys, 2,
            _cpu() - cpu, url=True)  # fmt: skip
    if not args.skip_dask:
        out = work / "hits-dask.jsonl"
        summary = _dask_run(jsonl, config, out, work)
        _report("Dask, 2 one-thread workers", summary, out, planted, decoys, 2)
        same = out.read_bytes() == (work / "hits-2.jsonl").read_bytes()
        print(f"Dask vs local (2 workers): {summary.seconds / two.seconds:.2f}x the time "
              f"(target within 1.2x); HITS.jsonl identical: {same}")  # fmt: skip
    _memory(jsonl, config, work)


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
    cpu = _cpu()
    started = time.perf_counter()
    candidates, missed = set(), set(planted)
    counts = Counts()
    for item in read(Shard("jsonl", str(jsonl), 0, size), Fields(), counts):
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


def _dask_run(jsonl: Path, config: ScanConfig, out: Path, work: Path) -> Summary:
    file = work / "scheduler.json"
    file.unlink(missing_ok=True)

    def start(*args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([str(DASK), *args, "--no-dashboard"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip

    scheduler = ("scheduler", "--host", "127.0.0.1", "--port", "0", "--scheduler-file", str(file))
    processes = [start(*scheduler)]
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        while not file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        worker = ("worker", "--scheduler-file", str(file), "--nthreads", "1", "--no-nanny")
        processes += [start(*worker, "--name", f"w{n}") for n in range(2)]
        with Client(scheduler_file=str(file), timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            address = client.scheduler.address
        return scan([jsonl], config, out, scheduler=address)
    finally:
        for process in reversed(processes):  # workers first, then the scheduler
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=20)


def _memory(jsonl: Path, config: ScanConfig, work: Path) -> None:
    """Peak RSS of a local worker process: a tenth of the collection, then all of it."""
    tenth = work / "tenth.jsonl"
    with jsonl.open("rb") as source, tenth.open("wb") as target:
        for n, line in enumerate(source):
            if n % 10 == 0:
                target.write(line)
    peaks = []
    for path in (tenth, jsonl):
        code = (
            "from pathlib import Path\n"
            "from provenance.load import load\nfrom provenance.scan.run import scan\n"
            "from provenance.scan.shard import ScanConfig\n"
            f"scan([Path({str(path)!r})], ScanConfig(load({str(config.reference.path)!r})), "
            f"Path({str(work / 'mem.jsonl')!r}), jobs=1)\n"
            # VmHWM, not ru_maxrss: ru_maxrss keeps the forking parent's peak across exec
            "print([l.split()[1] for l in open('/proc/self/status') if 'VmHWM' in l][0])\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True)  # fmt: skip
        peaks.append((path.stat().st_size, int(result.stdout.split()[-1])))
    print("peak RSS of one worker: " + ", ".join(
        f"{size / 1e6:.0f} MB input -> {rss / 1024:.0f} MiB" for size, rss in peaks))  # fmt: skip


if __name__ == "__main__":
    main()
