"""Messages a screen sends up to the app, so no screen needs to know the app's class."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenReview(Message):
    """Open the review of `capture`, on finding `select` (else its first undecided one).

    From the corpus screen and the command palette the review replaces whatever is above
    the corpus screen; with `on_top` (from the variants view) it opens over the current
    screen, so `q` comes back to it.
    """

    capture: str
    select: str | None = None
    on_top: bool = False
