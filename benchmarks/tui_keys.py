"""Cost of one cursor key on the review screen: `j`/`k` on capture 002 of the bundled corpus.

Run by `make bench-tui` after the launch benchmark (never by `make test`). Each key is
timed from pressing it to the app being idle again (its handlers, the footer and the
repaint), alternating `j` and `k` over the findings; prints the median and the 90th
percentile with the machine it ran on.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parents[1]
CAPTURE = "002_9103d841b337d515"


async def _measure(corpus: Path, presses: int) -> list[tuple[float, float]]:
    from provenance.tui.app import build_app

    app = build_app(corpus, reviewer="bench")
    timings: list[tuple[float, float]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        ids = [c.id for c in app.session.corpus.captures]
        await pilot.press(*["j"] * ids.index(CAPTURE), "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for n in range(presses):
            key = "j" if (n // 10) % 2 == 0 else "k"  # ten down, ten up: the cursor moves
            started, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            timings.append((time.perf_counter() - started, time.process_time() - cpu))
    return timings


def main() -> int:
    presses = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns("reviews.json"))
        timings = asyncio.run(_measure(corpus, presses))
    for name, column in (("wall", 0), ("cpu", 1)):
        ms = sorted(1000 * t[column] for t in timings[10:])  # the first keys warm caches up
        p90 = ms[int(0.9 * (len(ms) - 1))]
        print(
            f"review screen, cursor key on {CAPTURE}, {name}: {len(ms)} keys, "
            f"median {statistics.median(ms):.1f} ms, p90 {p90:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
