"""Spans of one text found by where they lie: those holding a place, or overlapping one.

A page holding many passages asks about each of them (which emphasis runs lie in this
passage, which passage holds this quotation mark, which emphasis explains this
divergence); asking every span of the page each time costs passages x spans, quadratic
on a page of many copies (2,500 copies on one line took 23 minutes). Sorted by start,
with the furthest end reached so far, the spans that can answer lie between two
bisections, and are given back in their own order, so a first-match rule or an `any()`
over them answers as over all of them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, Protocol, TypeVar


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Spanned)


class SpanIndex(Generic[T]):
    """`spans` (anything with `start` and `end`, in any order), found by place.

    >>> from provenance.model import Span
    >>> index = SpanIndex([Span(0, 10), Span(4, 6), Span(20, 30)])
    >>> index.around(5, 6)
    [Span(start=0, end=10), Span(start=4, end=6)]
    >>> index.overlapping(8, 21)
    [Span(start=0, end=10), Span(start=20, end=30)]
    """

    def __init__(self, spans: Sequence[T]) -> None:
        self.spans = tuple(spans)
        self._order = sorted(range(len(self.spans)), key=lambda k: self.spans[k].start)
        self._starts = [self.spans[k].start for k in self._order]
        # The furthest end of the spans sorted so far: a span ending past a place sits at
        # or after the first one that reaches past it.
        self._reach = list(accumulate((self.spans[k].end for k in self._order), max))

    def around_indices(self, start: int, end: int) -> list[int]:
        """Indices, in the given order, of the spans holding [start, end): span.start <=
        start and end <= span.end."""
        lo, hi = bisect_left(self._reach, end), bisect_right(self._starts, start)
        return sorted(k for k in self._order[lo:hi] if self.spans[k].end >= end)

    def around(self, start: int, end: int) -> list[T]:
        """The spans holding [start, end), in the given order."""
        return [self.spans[k] for k in self.around_indices(start, end)]

    def overlapping_indices(self, start: int, end: int) -> list[int]:
        """Indices, in the given order, of the spans with a character in [start, end):
        span.start < end and start < span.end."""
        lo, hi = bisect_right(self._reach, start), bisect_left(self._starts, end)
        return sorted(k for k in self._order[lo:hi] if self.spans[k].end > start)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The spans with a character in [start, end), in the given order."""
        return [self.spans[k] for k in self.overlapping_indices(start, end)]
