"""The quotation case set (tests/cases/quotes/*.toml): load it, run it, score it.

Shared by tests/test_quote_cases.py (every verdict right) and benchmarks/quote_cases.py
(`make bench-quotes`: precision and recall per verdict). Each case is a short news text of
our own prose checked against the statement (reference.txt, the reference of the bundled
corpus); it lists every quotation the text holds, in order, each with the words it starts
with, the expected verdict and the speaker the prose gives it.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from provenance.model import Document
from provenance.quotes.verdicts import Quotation, check_quotes

CASES = Path(__file__).resolve().parent / "cases" / "quotes"


@dataclass(frozen=True, slots=True)
class Expected:
    starts: str
    verdict: str
    speaker: str
    cue: str = ""
    """Words the chosen cue must hold, where which person speaks matters."""


@dataclass(frozen=True, slots=True)
class Case:
    file: str
    name: str
    text: str
    quotes: tuple[Expected, ...]

    @property
    def id(self) -> str:
        return f"{self.file}: {self.name}"


def document(text: str, name: str) -> Document:
    data = text.encode("utf-8")
    return Document(
        id=name,
        path=Path(f"{name}.txt"),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=text,
    )


def reference() -> Document:
    return document((CASES / "reference.txt").read_text(encoding="utf-8"), "statement")


def load_cases() -> list[Case]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            expected = tuple(Expected(**q) for q in case["quotes"])
            out.append(Case(path.stem, case["name"], case["text"].strip() + "\n", expected))
    return out


def speaker(q: Quotation) -> str:
    """Who the prose says is speaking: the document, a person, or no one."""
    return q.attribution.speaker if q.attribution else "none"


def run(case: Case, ref: Document) -> list[Quotation]:
    return check_quotes(ref, document(case.text, "case"), ())


def pairs(case: Case, found: list[Quotation]) -> list[tuple[Expected | None, Quotation | None]]:
    """Expected and found quotations matched by their opening words, in text order."""
    out: list[tuple[Expected | None, Quotation | None]] = []
    rest = list(found)
    for e in case.quotes:
        hit = next((q for q in rest if q.text.lstrip().startswith(e.starts)), None)
        if hit is not None:
            rest.remove(hit)
        out.append((e, hit))
    out.extend((None, q) for q in rest)
    return out
