"""The quotation case set: every quotation found, with the expected verdict and speaker."""

from __future__ import annotations

import pytest
from quote_cases import Case, load_cases, pairs, reference, run, speaker

from provenance.model import Kind

CASES = load_cases()
REFERENCE = reference()


def test_the_set_is_large_enough():
    assert len({c.file for c in CASES}) == 6
    assert sum(len(c.quotes) for c in CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case):
    found = run(case, REFERENCE)
    got = [
        (e.starts if e else None, q.verdict.value if q else None, speaker(q) if q else None)
        for e, q in pairs(case, found)
    ]
    want = [(e.starts, e.verdict, e.speaker) for e in case.quotes]
    assert got == want, "\n".join(f"{q.verdict}: {q.note}" for q in found)
    for e, q in pairs(case, found):
        if e is not None and e.cue:
            assert q is not None and q.attribution is not None
            assert e.cue in q.attribution.text, q.attribution.text
    for q in found:
        assert Kind.EMPHASIS not in {d.kind for d in q.divergences}
