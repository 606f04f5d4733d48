"""locate's cost against the capture's length, on pages damaged as tests/cases/structure
damages them: each page is an article around a copy of the statement with two
paragraphs swapped, a page break, a link box and a quotation. Pages are repeated k
times (k = 1, 4, 16, 64) so a linear locate shows a constant time per word.

    .venv/bin/python benchmarks/locate_bench.py
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from machine import machine

from provenance.corpus import load_corpus
from provenance.locate import locate, prepare
from provenance.model import Document

ROOT = Path(__file__).resolve().parent.parent


def _page(paragraphs: list[str], n: int) -> str:
    order = list(range(len(paragraphs)))
    order[9], order[10] = order[10], order[9]
    body = []
    for k in order:
        body.append(paragraphs[k])
        if k == 3:
            body.append("Related\n\nMarkets wobble as talks stall\nWhat a freeze deal would mean")
        if k == 6:
            body.append(f"\fWeekly notes of the study group\n{n}")
    prose = (
        f"Page {n}. Our correspondent filed this report on the talks, with comments from "
        "analysts who were not convinced that anything had changed in the region. "
    )
    quote = f'The text says "{paragraphs[13][:120]}" and nothing more. '
    return prose * 5 + "\n\n" + "\n\n".join(body) + "\n\n" + quote + prose * 5 + "\n\n"


def main() -> None:
    print(machine())
    reference = load_corpus(ROOT / "corpus").reference
    prepared = prepare(reference)
    paragraphs = reference.text.split("\n\n")
    for k in (1, 4, 16, 64):
        text = "".join(_page(paragraphs, n) for n in range(k))
        data = text.encode("utf-8")
        document = Document(
            "bench", Path("bench.txt"), hashlib.sha256(data).hexdigest(), len(data), text
        )
        best = min(_timed(prepared, document) for _ in range(3))
        words = len(text.split())
        passages = len(locate(prepared, document))
        print(
            f"k={k:3d}  {words:7d} words  {passages:3d} passages  "
            f"{best * 1000:8.1f} ms  {best / words * 1e6:6.2f} us/word"
        )
    sys.stdout.flush()


def _timed(prepared: object, document: Document) -> float:
    start = time.perf_counter()
    locate(prepared, document)  # type: ignore[arg-type]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
