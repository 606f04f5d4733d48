"""Size sweep (a benchmark, not a test): seconds, MB/s and peak RSS per stage, 1 to 64 MB.

    .venv/bin/python benchmarks/size_sweep.py [--sizes 1 4 16 64] [--formats txt html md]

Captures are built from the shared generator (`../shared/bench/gen_corpus.py`, run once
with a fixed seed and no planted copies): its documents are joined until the capture
reaches the size, written under --workdir (never into the repository). Each size comes
"plain" (noise only) and "buried" (the reference inserted whole at a document boundary
in the middle). HTML captures put each paragraph in a <p>; Markdown captures are the
text itself in a .md file.

Every stage runs in a fresh child process, so its peak RSS is its own: the child reads
the reference and prepares it (not timed), runs the stages before the measured one (not
timed) and then the measured one. Peak RSS is the child's high-water mark, so it
includes what the earlier stages hold. Stages:

    load        read and decode the file (`load`)
    extract     readable text of HTML / Markdown (`extract`; identity for plain text)
    normalise   `normalise` of the readable text
    locate      `locate` (it normalises the capture itself)
    align       align + classify every located passage
    quotes      `check_quotes` (the quotation stage)
    whole       load + `Analyser.source`: everything `report` computes for a capture
    whole-noq   the same with the quotation stage replaced by "no quotations"
    cli         `provenance report --reference REF CAPTURE --format json`, a subprocess

A stage that runs past --timeout is reported as such and skipped at the larger sizes.

`--copies 50 100 200 400` measures something else: N copies of the reference on ONE line
(its lines joined by spaces, the copies too: minified HTML puts a page on one line) against
the same N copies one a line, each through `cli` (and the stages given with --stages, if
any besides the default). The two should cost about the same, and N times the copies about
N times the CPU: a stage that reads a passage's whole line for each passage shows as the
one-line capture's time growing with N squared. The last column is N copies each shuffled
and damaged (moves and slips in every copy), which should grow as N too.

`probe` (ms, in the notes): the CPU time of a fixed pure-Python loop, run in the child
just before and just after the measured stage (the mean). The VM these figures come from
changes speed by up to 2x within minutes; a figure is comparable with another only when
their probes are close.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("load", "extract", "normalise", "locate", "align", "quotes", "whole", "whole-noq", "cli")
SEED = 7
MB = 1_000_000


def generator() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent, Path("/work")):
        found = base / "shared" / "bench" / "gen_corpus.py"
        if found.exists():
            return found
    message = "gen_corpus.py not found beside the repository (../shared/bench/)"
    raise SystemExit(message)


def pool(workdir: Path, megabytes: int) -> tuple[list[str], str]:
    """Generated noise documents (enough for `megabytes`) and the generator's reference."""
    out = workdir / f"pool-seed{SEED}"
    docs = max(200, megabytes * 185)  # the generator's documents average about 5.8 kB
    manifest = out / "manifest.json"
    if not manifest.exists() or json.loads(manifest.read_text())["docs"] < docs:
        command = [sys.executable, str(generator()), "--docs", str(docs), "--seed", str(SEED)]
        command += ["--plant-frac", "0", "--decoy-frac", "0", "--no-files", "--out", str(out)]
        env = {**os.environ, "BENCH_CAPTURES": str(ROOT / "corpus")}
        subprocess.run(command, check=True, capture_output=True, env=env)
    with (out / "corpus.jsonl").open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    reference = (out / "reference.txt").read_bytes().decode("utf-8")
    return texts, reference


def build(texts: list[str], reference: str, megabytes: int, buried: bool) -> str:
    chosen, size = [], 0
    for text in texts:
        if size >= megabytes * MB:
            break
        chosen.append(text)
        size += len(text.encode("utf-8")) + 2
    if buried:
        chosen.insert(len(chosen) // 2, reference)
    return "\n\n".join(chosen) + "\n"


def as_html(text: str) -> str:
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in text.split("\n\n"))
    return f"<!doctype html><html><head><title>capture</title></head><body>\n{body}</body></html>\n"


def captures(workdir: Path, sizes: list[int], formats: list[str]) -> tuple[Path, list[Path]]:
    texts, reference = pool(workdir, max(sizes))
    ref_path = workdir / "reference.txt"
    ref_path.write_bytes(reference.encode("utf-8"))
    made = []
    for megabytes in sizes:
        for buried in (False, True):
            text = build(texts, reference, megabytes, buried)
            for fmt in formats:
                name = f"{megabytes}mb-{'buried' if buried else 'plain'}.{fmt}"
                path = workdir / name
                data = (as_html(text) if fmt == "html" else text).encode("utf-8")
                if not path.exists() or path.stat().st_size != len(data):
                    path.write_bytes(data)
                made.append(path)
    return ref_path, made


def copies_captures(workdir: Path, counts: list[int]) -> tuple[Path, list[Path]]:
    """N copies of the generator's reference on one line, the same one copy a line, and N
    copies each with its paragraphs shuffled and 1% of its letters changed (moves and
    slips in every copy: pairing moves once read every divergence for each)."""
    _, reference = pool(workdir, 1)
    ref_path = workdir / "reference.txt"
    ref_path.write_bytes(reference.encode("utf-8"))
    copy = " ".join(line.strip() for line in reference.splitlines() if line.strip())
    made = []
    for count in counts:
        shuffled = "\n\n".join(_shuffled(reference, seed) for seed in range(count))
        for name, data_text in (
            ("oneline", " ".join([copy] * count)),
            ("lines", "\n".join([copy] * count)),
            ("shuffled", shuffled),
        ):
            path = workdir / f"copies{count}-{name}.txt"
            data = (data_text + "\n").encode("utf-8")
            if not path.exists() or path.stat().st_size != len(data):
                path.write_bytes(data)
            made.append(path)
    return ref_path, made


def _shuffled(reference: str, seed: int) -> str:
    """The reference's paragraphs in an order of their own, a letter in a hundred changed."""
    rng = random.Random(seed)
    paragraphs = [p for p in reference.split("\n\n") if p.strip()]
    rng.shuffle(paragraphs)
    letters = list("\n\n".join(paragraphs))
    for k in range(len(letters)):
        if letters[k].isalpha() and rng.random() < 0.01:
            letters[k] = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return "".join(letters)


def copies_sweep(args: argparse.Namespace) -> None:
    """One line against one copy a line: CPU seconds of each, and their ratio."""
    prepare = [sys.executable, __file__, "--prepare", "--workdir", str(args.workdir)]
    subprocess.run([*prepare, "--copies", *map(str, args.copies)], check=True)
    reference = args.workdir / "reference.txt"
    stages = [s for s in args.stages if s != "cli"] if args.stages != list(STAGES) else []
    print(f"captures under {args.workdir}; timeout {args.timeout:.0f} s per stage")
    header = f"{'copies':>6} {'stage':<10} {'one line CPU s':>14} {'one a line CPU s':>16}"
    print(f"{header} {'ratio':>6} {'MB':>6} {'shuffled CPU s':>14}")
    for count in args.copies:
        for stage in ["cli", *stages]:
            cpu: list[float] = []
            for name in ("oneline", "lines", "shuffled"):
                path = args.workdir / f"copies{count}-{name}.txt"
                result = run_stage(stage, path, reference, args.timeout)
                cpu.append(float(str(result["cpu"])) if "cpu" in result else float("nan"))
            size = (args.workdir / f"copies{count}-oneline.txt").stat().st_size / MB
            print(
                f"{count:>6} {stage:<10} {cpu[0]:14.2f} {cpu[1]:16.2f} "
                f"{cpu[0] / cpu[1]:6.2f} {size:6.2f} {cpu[2]:14.2f}",
                flush=True,
            )


def capture_paths(workdir: Path, sizes: list[int], formats: list[str]) -> tuple[Path, list[Path]]:
    names = [
        f"{megabytes}mb-{variant}.{fmt}"
        for megabytes in sizes
        for variant in ("plain", "buried")
        for fmt in formats
    ]
    return workdir / "reference.txt", [workdir / name for name in names]


# The child: one stage of one capture --------------------------------------------------


def child(stage: str, capture: Path, reference_path: Path) -> dict[str, object]:
    import importlib

    from provenance.align import align
    from provenance.analyse import Analyser
    from provenance.classify import classify
    from provenance.extract import extract
    from provenance.load import load, set_max_size
    from provenance.locate import locate
    from provenance.normalise import normalise
    from provenance.quotes.verdicts import check_quotes

    set_max_size(0)  # the captures are up to 64 MB, over the CLI's default limit
    analyser = Analyser.of(load(reference_path))
    prepared = analyser.prepared
    clock = Clock()
    if stage in ("whole", "whole-noq"):
        if stage == "whole-noq":  # the quotation stage answers "no quotations"
            analyse_module = importlib.import_module("provenance.analyse")
            analyse_module.check_quotes = lambda *args, **kwargs: []
        before = probe()
        with clock:
            result = analyser.source(load(capture))
        return {
            **clock.figures(),
            "probe": round((before + probe()) * 500),
            "passages": len(result.passages),
            "divergences": len(result.divergences),
            "quotations": len(result.quotes),
        }
    with clock:
        document = load(capture)
    if stage == "load":
        return clock.figures()
    with clock:
        view = extract(document).view()
    if stage == "extract":
        return clock.figures()
    if stage == "normalise":
        with clock:
            normalise(view.text)
        return clock.figures()
    with clock:
        passages = locate(prepared, view)
    if stage == "locate":
        return {**clock.figures(), "passages": len(passages)}
    if stage == "align":
        with clock:
            ref = prepared.document
            found = [d for p in passages for d in classify(ref, view, align(ref, view, p))]
        return {**clock.figures(), "passages": len(passages), "divergences": len(found)}
    with clock:
        quotes = check_quotes(prepared, view, tuple(passages))
    return {**clock.figures(), "quotations": len(quotes)}


class Clock:
    """Wall and CPU seconds of the last `with` block."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu

    def figures(self) -> dict[str, object]:
        return {"seconds": self.wall, "cpu": self.cpu}


def probe() -> float:
    """CPU seconds of a fixed pure-Python loop: how fast the machine runs right now."""
    started, total = time.process_time(), 0
    for k in range(2_000_000):
        total += k
    return time.process_time() - started


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


# The parent ----------------------------------------------------------------------------


def run_stage(stage: str, capture: Path, reference: Path, timeout: float) -> dict[str, object]:
    if stage == "cli":
        command = [str(Path(sys.executable).parent / "provenance"), "report", "--reference"]
        command += [str(reference), str(capture), "--format", "json", "--max-size", "0"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        start = time.perf_counter()
        while True:  # os.wait4 gives this child's own peak RSS
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                _, _, usage = os.wait4(process.pid, 0)
                return {"timeout": timeout, "peak_mb": usage.ru_maxrss / 1024}
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            return {"error": (process.stderr.read() if process.stderr else b"").decode()[-200:]}
        cpu = usage.ru_utime + usage.ru_stime  # the whole process, start-up included
        return {"seconds": seconds, "cpu": cpu, "peak_mb": usage.ru_maxrss / 1024}
    command = [sys.executable, __file__, "--child", stage, str(capture), str(reference)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64], help="MB")
    parser.add_argument("--formats", nargs="+", default=["txt"], choices=["txt", "html", "md"])
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES)
    parser.add_argument("--variants", nargs="+", default=["plain", "buried"])
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per stage")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/provenance-size-sweep"))
    parser.add_argument("--child", nargs=3, metavar=("STAGE", "CAPTURE", "REFERENCE"))
    parser.add_argument("--prepare", action="store_true", help="only write the captures")
    parser.add_argument(
        "--copies", type=int, nargs="+", help="N copies on one line vs one a line, instead"
    )
    args = parser.parse_args()
    if args.prepare:
        if args.copies:
            args.workdir.mkdir(parents=True, exist_ok=True)
            copies_captures(args.workdir, args.copies)
        else:
            captures(args.workdir, args.sizes, args.formats)
        return
    if args.child:
        stage, capture, reference = args.child
        result = child(stage, Path(capture), Path(reference))
        print(json.dumps({**result, "peak_mb": peak_mb()}))
        return
    print(machine())
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.copies:
        copies_sweep(args)
        return
    # Written by a child: a child started later inherits the peak RSS of its parent, which
    # must stay small for the figures to be each stage's own.
    prepare = [sys.executable, __file__, "--prepare", "--workdir", str(args.workdir)]
    prepare += ["--sizes", *map(str, args.sizes), "--formats", *args.formats]
    subprocess.run(prepare, check=True)
    reference, made = capture_paths(args.workdir, args.sizes, args.formats)
    print(f"captures under {args.workdir}; timeout {args.timeout:.0f} s per stage")
    print("MB/s is the capture's size over CPU seconds (the machine is shared; wall time beside)")
    header = f"{'capture':<18} {'stage':<10} {'wall s':>8} {'CPU s':>8} {'MB/s':>7} {'peak RSS':>9}"
    print(header + "  notes")
    given_up: set[tuple[str, str, str]] = set()
    for path in made:
        variant, fmt = path.stem.split("-")[1], path.suffix[1:]
        if variant not in args.variants:
            continue
        megabytes = path.stat().st_size / MB
        for stage in args.stages:
            if (variant, fmt, stage) in given_up:
                print(f"{path.name:<18} {stage:<10} {'skipped (timed out at a smaller size)':>30}")
                continue
            result = run_stage(stage, path, reference, args.timeout)
            if "timeout" in result:
                given_up.add((variant, fmt, stage))
                peak = f"{float(str(result['peak_mb'])):.0f} MB" if "peak_mb" in result else ""
                timed_out = f"{'> ' + str(int(args.timeout)):>8} {'':>8} {'':>7} {peak:>9}"
                print(f"{path.name:<18} {stage:<10} {timed_out}  (timed out)", flush=True)
                continue
            if "error" in result:
                print(f"{path.name:<18} {stage:<10} error: {result['error']}")
                continue
            seconds = float(str(result.pop("seconds")))
            cpu = float(str(result.pop("cpu")))
            peak = float(str(result.pop("peak_mb")))
            notes = " ".join(f"{k}={v}" for k, v in result.items())
            rate = f"{megabytes / cpu:7.2f}" if cpu > 0.0005 else f"{'-':>7}"
            print(
                f"{path.name:<18} {stage:<10} {seconds:8.3f} {cpu:8.3f} {rate} "
                f"{f'{peak:.0f} MB':>9}  {notes}",
                flush=True,
            )


if __name__ == "__main__":
    main()
