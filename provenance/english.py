"""How common an English word is: wordfreq's Zipf scale, read from the list it ships.

The quotation rules ask whether a word is rare enough to be one a translator keeps, and
the classifier whether a copy's word is English at all (a slip of the keys,
"Penninsula", is not).
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from pathlib import Path

import msgpack


def zipf(word: str) -> float:
    """English frequency of a case-folded word on the Zipf scale (wordfreq's small list).

    Read straight from the list wordfreq ships (`data/small_en.msgpack.gz`: a header,
    then words in buckets of one centibel, most frequent first), which is what
    `wordfreq.zipf_frequency(word, "en", wordlist="small")` looks up for a plain word;
    importing wordfreq itself (ftfy, langcodes, regex) takes 0.4-0.6 s a run. A list in
    another format falls back to wordfreq's own function.
    """
    ranks = _ranks()
    if ranks is None:
        from wordfreq import zipf_frequency

        return float(zipf_frequency(word, "en", wordlist="small"))
    at = ranks.get(word)
    return 0.0 if at is None else round(9 - at / 100, 2)


def read_word_list() -> None:
    """Read the word list `zipf` looks words up in now, not at its first look-up (it is kept)."""
    _ranks()


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int] | None:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "small_en.msgpack.gz"
    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    if not data or data[0] != {"format": "cB", "version": 1}:
        return None
    return {w: at for at, bucket in enumerate(data[1:]) for w in bucket}
