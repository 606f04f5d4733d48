"""The hygiene check's scan of stored bytes: `provenance.hygiene`, which `add` also runs
to record the blemishes a capture carries when it is recorded."""

from provenance.hygiene import (
    RECORDABLE,
    RULE_NAMES,
    Blemish,
    BlemishKind,
    Scan,
    hygiene,
    recordable,
)

__all__ = ["RECORDABLE", "RULE_NAMES", "Blemish", "BlemishKind", "Scan", "hygiene", "recordable"]
