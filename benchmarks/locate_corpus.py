"""`locate` over the shared generator's collection: MB/s on one core, recall, false positives.

    .venv/bin/python benchmarks/locate_corpus.py [--docs 20000] [--seed 1] [--limit N]

The collection (../shared/bench/gen_corpus.py: noise documents, 2% planted copies of every
kind, 1% decoys) is generated once under /tmp/provenance-locate-corpus. Each document is
given to `locate` as it stands (plain text); MB/s is the documents' UTF-8 size over the CPU
seconds spent inside `locate` (the machine is shared: wall time is printed but not used),
after the one compilation of the n-gram finder (printed apart).
A planted document is found when `locate` returns a passage overlapping each of its planted
spans (truth.jsonl); a false positive is a passage in a document with no planted span.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

from machine import machine

from provenance.locate import locate, prepare
from provenance.model import Document

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT.parent.parent / "shared" / "bench" / "gen_corpus.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N documents")
    parser.add_argument("--generator", type=Path, default=GENERATOR)
    args = parser.parse_args()
    print(machine())
    folder = Path(f"/tmp/provenance-locate-corpus/{args.docs}-{args.seed}")
    if not (folder / "truth.jsonl").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(args.generator), "--docs", str(args.docs), "--seed",
             str(args.seed), "--out", str(folder), "--no-files"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    truth = {}
    for line in (folder / "truth.jsonl").read_text().splitlines():
        entry = json.loads(line)
        truth[entry["id"]] = entry
    text = (folder / "reference.txt").read_text(encoding="utf-8")
    cpu = time.process_time()
    prepared = prepare(_document("reference", text))
    print(f"prepare: {time.process_time() - cpu:.2f} s CPU")
    cpu = time.process_time()
    locate(prepared, _document("warm-up", "nothing to find here " * 200_000))
    print(f"first capture of 4 MB or more (compiles the n-gram finder, once per process): "
          f"{time.process_time() - cpu:.2f} s CPU, not counted below")  # fmt: skip
    size = documents = 0
    cpu_total = wall_total = 0.0
    planted = found = false_docs = false_passages = 0
    missed: list[str] = []
    by_kind: dict[str, list[int]] = {}
    with (folder / "corpus.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if args.limit and documents >= args.limit:
                break
            record = json.loads(line)
            document = _document(record["id"], record["text"])
            wall, cpu = time.perf_counter(), time.process_time()
            passages = locate(prepared, document)
            cpu_total += time.process_time() - cpu
            wall_total += time.perf_counter() - wall
            size += document.size
            documents += 1
            entry = truth[record["id"]]
            spans = entry["spans"]
            counts = by_kind.setdefault(entry["kind"], [0, 0])
            counts[0] += 1
            if spans:
                planted += 1
                hit = all(
                    any(p.copy.start < s["end"] and s["start"] < p.copy.end for p in passages)
                    for s in spans
                )
                found += hit
                counts[1] += hit
                if not hit:
                    missed.append(record["id"])
            elif passages:
                false_docs += 1
                false_passages += len(passages)
                counts[1] += 1
    mb = size / 1e6
    print(f"collection: {folder} ({documents} documents, {mb:.1f} MB)")
    print(
        f"locate: {cpu_total:.2f} s CPU ({wall_total:.2f} s wall), {mb / cpu_total:.1f} MB/s (CPU)"
    )
    print(f"recall: {found}/{planted} planted documents found with every planted span "
          f"(missed: {missed or 'none'})")  # fmt: skip
    print(f"false positives: {false_passages} passages in {false_docs} documents with no "
          "planted span")  # fmt: skip
    for kind, (n, hits) in sorted(by_kind.items()):
        print(f"  {kind:18s} {n:6d} documents, {hits:5d} with a passage")


def _document(name: str, text: str) -> Document:
    data = text.encode("utf-8")
    return Document(name, Path(f"{name}.txt"), hashlib.sha256(data).hexdigest(), len(data), text)


if __name__ == "__main__":
    main()
