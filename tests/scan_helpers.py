"""A small collection made by the shared generator, and its truth, for the scan tests."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastwarc.stream_io import ZstdWriter

from provenance.scan.collection import Doc, read_jsonl

ROOT = Path(__file__).resolve().parents[1]


def generator() -> Path | None:
    """gen_corpus.py: $PROVENANCE_GEN_CORPUS, else ../shared/bench beside the checkout."""
    candidates = [
        os.environ.get("PROVENANCE_GEN_CORPUS", ""),
        str(ROOT.parent / "shared" / "bench" / "gen_corpus.py"),
        "/work/shared/bench/gen_corpus.py",
    ]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


@dataclass(frozen=True)
class Collection:
    directory: Path
    docs: list[Doc]
    planted: frozenset[str]
    """Ids of the documents with planted copies (the truth file's `planted`)."""
    kinds: dict[str, str]

    @property
    def reference(self) -> Path:
        return self.directory / "reference.txt"

    @property
    def jsonl(self) -> Path:
        return self.directory / "corpus.jsonl"


def generate(out: Path, *, docs: int, seed: int, plant: float, decoy: float) -> Collection:
    script = generator()
    if script is None:
        pytest.skip("the shared generator gen_corpus.py is not on this machine")
    command = [sys.executable, str(script), "--docs", str(docs), "--seed", str(seed)]
    command += ["--out", str(out), "--plant-frac", str(plant), "--decoy-frac", str(decoy)]
    subprocess.run([*command, "--no-files"], check=True, capture_output=True, timeout=120)
    truth = [json.loads(line) for line in (out / "truth.jsonl").read_text().splitlines()]
    return Collection(
        out,
        read_jsonl(out / "corpus.jsonl"),
        frozenset(t["id"] for t in truth if t["planted"]),
        {t["id"]: t["kind"] for t in truth},
    )


def hit_ids(out: Path) -> set[str]:
    """The document ids of a HITS.jsonl (from the url when the id is a WARC record id)."""
    ids = set()
    for line in out.read_text(encoding="utf-8").splitlines():
        hit = json.loads(line)
        ids.add(hit["url"].rsplit("/", 1)[-1] if hit["url"] else Path(hit["id"]).stem)
    return ids


def lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (a HITS.jsonl, its errors file)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def errors(out: Path) -> list[dict[str, Any]]:
    """The entries of the errors file beside a scan's `out`."""
    return lines(out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl"))


QUOTES_REFERENCE = ROOT / "tests" / "cases" / "quotes" / "reference.txt"


def scan_cli(inputs: list[Path], out: Path, *extra: str) -> int:
    """`provenance scan INPUTS --reference <the quotation cases' reference> --out OUT
    --jobs 1 EXTRA...`, run in this process; its exit code."""
    from provenance.cli import main

    args = ["scan", *map(str, inputs), "--reference", str(QUOTES_REFERENCE), "--out", str(out)]
    return main([*args, "--jobs", "1", *extra])


@pytest.fixture(scope="session")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Collection:
    """60 documents: 18 with planted copies of every kind, 6 decoys, the rest noise."""
    return generate(tmp_path_factory.mktemp("collection"), docs=60, seed=7, plant=0.3, decoy=0.1)


def zstd_frame(data: bytes) -> bytes:
    """A zstd frame, written by FastWARC's writer (not by the decoder under test)."""
    stream = io.BytesIO()
    writer = ZstdWriter(stream)
    writer.write(data)
    writer.close()
    return stream.getvalue()
