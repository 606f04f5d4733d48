"""The hygiene check's scan of stored bytes: `provenance.hygiene`, a stage of its own so
that `add` can run it too."""

from provenance.hygiene import Blemish, BlemishKind, Scan, hygiene

__all__ = ["Blemish", "BlemishKind", "Scan", "hygiene"]
