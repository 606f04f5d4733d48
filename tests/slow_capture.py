"""A capture whose analysis takes minutes: for the tests that stop an analysis under way."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SLOW = "005_slow"


def add_slow_capture(directory: Path, megabytes: float = 1.0) -> str:
    """Add to the corpus copy in `directory` a capture of prose made of the statement's own
    words in random order: no copy to find but seeds everywhere, so its analysis runs for
    minutes, most of it in one stage (so a flag checked between stages would not stop it).
    Returns the capture's id."""
    words = (CORPUS / "002_9103d841b337d515.txt").read_text(encoding="utf-8").split()
    rng = random.Random(1)
    sentences, size = [], 0
    while size < megabytes * 1_000_000:
        sentence = " ".join(rng.choices(words, k=rng.randint(8, 30)))
        if rng.random() < 0.1:
            sentence = f"He said “{sentence}.”"
        sentences.append(sentence + (". " if rng.random() < 0.95 else ".\n\n"))
        size += len(sentence) + 2
    data = "".join(sentences).encode("utf-8")
    (directory / f"{SLOW}.txt").write_bytes(data)
    with (directory / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            f'\n[[captures]]\nid = "{SLOW}"\nfile = "{SLOW}.txt"\n'
            f'sha256 = "{hashlib.sha256(data).hexdigest()}"\nsize = {len(data)}\n'
            'format = "text"\nholds = []\n'
        )
    return SLOW
