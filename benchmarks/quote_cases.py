"""Quotation verdicts over the case set, and the quotation stage's cost on hostile pages.

Not a test: run by `make bench-quotes`. Prints the machine first, then:

1. Precision and recall per verdict (and the speaker's accuracy) over every quotation of
   tests/cases/quotes/*.toml, checked against the statement: an expected quotation the
   stage does not find counts against recall; a found one the case does not list counts
   against precision.
2. Seconds for `check_quotes` on pages built to be costly: 1 MB of straight marks, 1 MB
   of words after one unclosed “, 1 MB of paragraphs each opening a “ never closed, and
   1 and 4 MB of the bundled background captures repeated with the statement buried in
   the middle. The cost should grow with the page, not with its square.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from quote_cases import document, load_cases, pairs, reference, run, speaker  # noqa: E402

from provenance.quotes.verdicts import check_quotes  # noqa: E402

MB = 1_000_000


def scores() -> None:
    ref = reference()
    hits: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    speakers = right_speakers = 0
    cases = load_cases()
    for case in cases:
        for want, got in pairs(case, run(case, ref)):
            if want is not None:
                expected[want.verdict] += 1
            if got is not None:
                found[got.verdict.value] += 1
            if want is not None and got is not None:
                speakers += 1
                right_speakers += speaker(got) == want.speaker
                if got.verdict.value == want.verdict:
                    hits[want.verdict] += 1
    total = sum(expected.values())
    print(f"case set: {len(cases)} cases, {total} quotations")
    print(f"{'verdict':<18}{'expected':>9}{'found':>7}{'right':>7}{'precision':>11}{'recall':>8}")
    for verdict in sorted(set(expected) | set(found)):
        p = hits[verdict] / found[verdict] if found[verdict] else float("nan")
        r = hits[verdict] / expected[verdict] if expected[verdict] else float("nan")
        print(
            f"{verdict:<18}{expected[verdict]:>9}{found[verdict]:>7}{hits[verdict]:>7}"
            f"{p:>11.3f}{r:>8.3f}"
        )
    print(f"all verdicts right: {sum(hits.values())}/{total}")
    print(f"speaker right: {right_speakers}/{speakers}")


def hostile_pages() -> list[tuple[str, str]]:
    statement = reference().text
    background = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("00[34]_*.txt"))
    )

    def noise(size: int) -> str:
        half = background * (size // (2 * len(background)) + 1)
        return half[: size // 2] + "\n\n" + statement + "\n\n" + half[: size // 2]

    return [
        ('1 MB of "', '"' * MB),
        ("1 MB after one unclosed “", ("“unclosed words of Russia and China here " * (MB // 41))),
        (
            "1 MB of paragraphs opening “",
            "“an unclosed paragraph of Russia and China.\n\n" * (MB // 46),
        ),
        ("1 MB of background, statement inside", noise(MB)),
        ("4 MB of background, statement inside", noise(4 * MB)),
    ]


def cost() -> None:
    ref = reference()
    check_quotes(ref, document("warm-up", "w"), ())
    print(f"{'page':<40}{'MB':>6}{'quotations':>12}{'seconds':>9}{'MB/s':>7}")
    for name, text in hostile_pages():
        start = time.perf_counter()
        quotes = check_quotes(ref, document(text, "page"), ())
        seconds = time.perf_counter() - start
        size = len(text.encode("utf-8")) / MB
        print(f"{name:<40}{size:>6.1f}{len(quotes):>12}{seconds:>9.2f}{size / seconds:>7.2f}")


if __name__ == "__main__":
    print(machine())
    scores()
    print()
    cost()
