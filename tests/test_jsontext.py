"""The JSON outputs' writer gives json.dumps's text, byte for byte, whatever the data."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.jsontext import dumps


class _Kind(enum.StrEnum):
    A = "a"


_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()  # NaN, the infinities, exponents: json's spelling, not msgspec's
    | st.sampled_from([1e-5, 1e16, 0.0001, 9999999999999998.0, -0.0, 1e-4 - 1e-20, 0.1])
    | st.text()  # control characters, U+2028, lone surrogates
    | st.just(_Kind.A)
)
_DATA = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=3), inner, max_size=4)
    ),
    max_leaves=25,
)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
@given(_DATA)
def test_the_text_is_json_dumps_s(data: Any) -> None:
    assert dumps(data) == _json(data)


def test_a_key_json_cannot_sort_is_refused_as_json_refuses_it() -> None:
    data = {"a": {1: "x", "b": "y"}}
    with pytest.raises(TypeError):
        _json(data)
    with pytest.raises(TypeError):
        dumps(data)


def test_keys_that_are_not_strings_are_written_as_json_writes_them() -> None:
    data = {"a": {2: "x", 10: "y"}, "b": {False: 1.5, True: 2}}
    assert dumps(data) == _json(data)
