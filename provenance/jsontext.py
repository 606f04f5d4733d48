"""JSON text as every output writes it: sorted keys, two-space indent, UTF-8 left as is.

`json.dumps(indent=2)` runs the standard library's pure-Python encoder (its C encoder
serves only compact output): 0.19 s for the 2.6 MB report of a 4 MB capture. msgspec
encodes and indents the same text in C (0.015 s). The two agree on every JSON value but
floats written with an exponent (`1e+16` against `1e16`), NaN and the infinities
(`NaN` against `null`); so msgspec writes only data whose floats are all plain decimals,
and anything else (such a float, a key that is not a string, a value that is not JSON)
goes to `json.dumps`, which writes it, or refuses it, as before.

>>> print(dumps({"b": [1, 2.5], "a": "é"}))
{
  "a": "é",
  "b": [
    1,
    2.5
  ]
}
"""

from __future__ import annotations

import json
import math
from typing import Any

import msgspec

_PLAIN = (str, int, bool, type(None))


def dumps(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)`, the same text."""
    if _msgspec_writes_it_alike(data):
        try:
            encoded = msgspec.json.encode(data, order="sorted")
            return msgspec.json.format(encoded, indent=2).decode("utf-8")
        except (msgspec.EncodeError, UnicodeEncodeError, TypeError, ValueError):
            pass  # a lone surrogate, a structure too deep: json says what it says
    return _utf8(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True), data)


def line(data: Any) -> str:
    """`data` as one compact line of JSON (a scan's hit, an error entry), UTF-8 left as is.

    >>> line({"id": "café"}), line({"id": "caf" + chr(0xDCE9)})
    ('{"id": "café"}', '{"id": "caf\\\\udce9"}')
    """
    return _utf8(json.dumps(data, ensure_ascii=False), data, indent=None)


def _utf8(text: str, data: Any, *, indent: int | None = 2) -> str:
    """`text`, unless a lone surrogate in it (a file name not in UTF-8, a JSON line's
    "\\udce9") cannot be written in UTF-8: then the JSON with every non-ASCII character
    escaped, which reads back to the same strings."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True, indent=indent, sort_keys=indent is not None)
    return text


def _msgspec_writes_it_alike(data: Any) -> bool:
    """Whether `data` holds only strings, ints, bools, None, lists, tuples, dicts with
    string keys and floats that both encoders write as plain decimals."""
    stack = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            if not all(type(k) is str for k in value):
                return False
            stack.extend(value.values())
        elif kind is list or kind is tuple:
            stack.extend(value)
        elif kind is float:
            if not (value == 0 or (math.isfinite(value) and 1e-4 <= abs(value) < 1e16)):
                return False
        elif kind not in _PLAIN:
            return False
    return True
