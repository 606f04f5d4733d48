"""Review decisions: one JSON file in the corpus, saved atomically at every decision.

The file (`reviews.json`) holds one decision per finding, bound to the finding's stable
id and to the sha256 of the capture's bytes it was made on. Undecided is the absence of
a decision. A decision whose finding no longer exists is kept and reported as stale,
never dropped. Every save takes the corpus lock (`provenance.lock`), re-reads the file,
applies the change and replaces the file atomically (temp file, fsync, rename), so a
crash mid-save leaves the old file intact and two tools saving at the same moment never
lose each other's decisions. Fields this version does not know are kept, and so is a
second entry for one finding (the last one counts; `check` reports it as P503).
"""

from __future__ import annotations

import getpass
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from provenance.atomic import atomic_write
from provenance.errors import InputError, ReviewStoreError
from provenance.load import read_bytes
from provenance.lock import locked
from provenance.model import Decision, Finding, Verdict

REVIEWS = "reviews.json"
SCHEMA = "provenance-reviews/1"


@dataclass(frozen=True, slots=True)
class ReviewStatus:
    """How a set of current findings stands against the recorded decisions."""

    decided: tuple[Finding, ...]
    undecided: tuple[Finding, ...]
    stale: tuple[Decision, ...]
    """Decisions whose finding no longer exists, or that were made on other bytes."""


def reviewer_name(explicit: str | None = None) -> str:
    """Who is deciding: the option, else $PROVENANCE_REVIEWER, else $USER, else the login
    name of the process's user (a cron job or container may set no $USER), else 'unknown'."""
    named = explicit or os.environ.get("PROVENANCE_REVIEWER") or os.environ.get("USER")
    return named or _login_name() or "unknown"


def _login_name() -> str | None:
    """The login name: $LOGNAME and friends, then the password database (getpass's order)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no such variable and no entry for the uid
        return None


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class ReviewStore:
    """Decisions on disk, with an undo history for the current session."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._entries: tuple[tuple[Decision, dict[str, Any]], ...] = ()
        self._decisions = self._read()
        self._history: list[tuple[frozenset[str], dict[str, Decision | None]]] = []
        """Per saved change (one decision or one bulk action): the captures it touched and
        each finding's decision before it."""

    def decisions(self) -> list[Decision]:
        """Every recorded decision, in file order."""
        return list(self._decisions.values())

    def get(self, finding: str) -> Decision | None:
        return self._decisions.get(finding)

    def decide(
        self,
        finding: Finding,
        verdict: Verdict,
        *,
        note: str | None = None,
        reviewer: str | None = None,
    ) -> Decision:
        """Record a verdict on `finding` and save at once; a None note keeps the old note."""
        [decision] = self.decide_many([finding], verdict, note=note, reviewer=reviewer)
        return decision

    def decide_many(
        self,
        findings: Iterable[Finding],
        verdict: Verdict,
        *,
        note: str | None = None,
        reviewer: str | None = None,
    ) -> list[Decision]:
        """Record one verdict on several findings in a single atomic save (a bulk action)."""
        made = []
        changes: dict[str, Decision | None] = {}
        for finding in findings:
            previous = self._decisions.get(finding.id)
            kept_note = previous.note if previous is not None and note is None else (note or "")
            made.append(
                Decision(
                    finding=finding.id,
                    source=finding.source,
                    source_sha256=finding.source_sha256,
                    verdict=verdict,
                    note=kept_note,
                    reviewer=reviewer_name(reviewer),
                    time=now(),
                    summary=finding.summary,
                )
            )
            changes[finding.id] = made[-1]
        self._apply(changes)
        return made

    def annotate(self, finding: str, note: str) -> Decision:
        """Change the note of an existing decision and save."""
        previous = self._decisions.get(finding)
        if previous is None:
            raise ReviewStoreError(self.path, f"no decision on {finding} to attach a note to")
        updated = Decision(**{**asdict(previous), "note": note, "time": now()})
        self._apply({finding: updated})
        return updated

    def clear(self, finding: str) -> None:
        """Make a finding undecided again and save."""
        if finding in self._decisions:
            self._apply({finding: None})

    def can_undo(self, source: str | None = None) -> bool:
        """True if there is a change of this session to revert (on `source`, if given)."""
        return self._last_change(source) is not None

    def undo(self, source: str | None = None) -> str | None:
        """Revert the newest change (a bulk action as a whole); returns a finding id it touched.

        Args:
            source: Revert the newest change on this capture only, leaving newer changes on
                other captures alone (a finding belongs to one capture, so they are independent).
        """
        index = self._last_change(source)
        if index is None:
            return None
        _, before = self._history[index]
        self._write_change(before)
        del self._history[index]
        return next(iter(before))

    def _last_change(self, source: str | None) -> int | None:
        for index in range(len(self._history) - 1, -1, -1):
            if source is None or source in self._history[index][0]:
                return index
        return None

    def status(self, findings: Iterable[Finding]) -> ReviewStatus:
        """Split current findings into decided and undecided; list stale decisions."""
        current = {f.id: f for f in findings}
        decided, undecided = [], []
        for finding in current.values():
            decision = self._decisions.get(finding.id)
            if decision is not None and decision.source_sha256 == finding.source_sha256:
                decided.append(finding)
            else:
                undecided.append(finding)
        stale = tuple(
            d
            for d in self._decisions.values()
            if d.finding not in current or d.source_sha256 != current[d.finding].source_sha256
        )
        return ReviewStatus(tuple(decided), tuple(undecided), stale)

    def _apply(self, changes: dict[str, Decision | None]) -> None:
        if not changes:
            return
        before = {finding: self._decisions.get(finding) for finding in changes}
        sources = frozenset(
            d.source for d in (*before.values(), *changes.values()) if d is not None
        )
        self._write_change(changes)
        # Recorded only once saved: a failed save changed nothing, so there is nothing to undo.
        self._history.append((sources, before))

    def _write_change(self, changes: dict[str, Decision | None]) -> None:
        # Locked from the read to the rename: another process saving at the same moment
        # waits its turn, then reads what we wrote. Entries of other findings are kept as
        # they are (unknown fields and duplicates too); a changed finding keeps one entry.
        with locked(self.path.parent, error=ReviewStoreError):
            stored = self._read_file()
            extra = {d.finding: fields for d, fields in stored.entries}
            entries = [(d, f) for d, f in stored.entries if d.finding not in changes]
            for finding, decision in changes.items():
                if decision is not None:
                    entries.append((decision, extra.get(finding, {})))
            entries.sort(key=lambda entry: (entry[0].source, entry[0].finding))
            self._save(entries, stored.top)
        self._entries = tuple(entries)
        self._decisions = {d.finding: d for d, _ in entries}

    def duplicates(self) -> dict[str, int]:
        """Findings the file decides more than once, with how many times (the last counts)."""
        counts = Counter(d.finding for d, _ in self._entries)
        return {finding: n for finding, n in counts.items() if n > 1}

    def _read(self) -> dict[str, Decision]:
        stored = self._read_file()
        self._entries = stored.entries
        return {d.finding: d for d, _ in stored.entries}

    def _read_file(self) -> _Stored:
        try:
            raw = read_bytes(self.path)  # a regular file only: a FIFO here must not block
        except InputError as error:
            if not self.path.is_symlink() and not self.path.exists():
                return _Stored((), {})
            raise ReviewStoreError(self.path, error.problem) from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            raise ReviewStoreError(self.path, f"not valid UTF-8 at byte {error.start}") from None
        except json.JSONDecodeError as error:
            raise ReviewStoreError(
                self.path, f"not valid JSON at line {error.lineno} column {error.colno}"
            ) from None
        return _parse(self.path, data)

    def _save(self, entries: list[tuple[Decision, dict[str, Any]]], top: dict[str, Any]) -> None:
        decisions = [{**fields, **asdict(d)} for d, fields in entries]
        payload = {**top, "schema": SCHEMA, "decisions": decisions}
        text = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        atomic_write(self.path, text.encode("utf-8"), error=ReviewStoreError)


@dataclass(frozen=True, slots=True)
class _Stored:
    """One reading of the review file, with everything this version does not know."""

    entries: tuple[tuple[Decision, dict[str, Any]], ...]
    """Every decision in file order (a finding may appear twice), with its unknown fields."""
    top: dict[str, Any]
    """Top-level fields other than `schema` and `decisions`."""


_FIELDS = frozenset(Decision.__dataclass_fields__)


def _parse(path: Path, data: Any) -> _Stored:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ReviewStoreError(path, f"not a review file (schema must be {SCHEMA!r})")
    items = data.get("decisions")
    if not isinstance(items, list):
        raise ReviewStoreError(path, "'decisions' must be a list")
    entries: list[tuple[Decision, dict[str, Any]]] = []
    for number, item in enumerate(items):
        if not isinstance(item, dict):
            raise ReviewStoreError(path, f"decision {number} is {_json_kind(item)}, not an object")
        try:
            decision = Decision(
                finding=_str(item, "finding"),
                source=_str(item, "source"),
                source_sha256=_str(item, "source_sha256"),
                verdict=Verdict(item["verdict"]),
                note=_str(item, "note", ""),
                reviewer=_str(item, "reviewer", ""),
                time=_str(item, "time", ""),
                summary=_str(item, "summary", ""),
            )
        except (KeyError, TypeError, ValueError):
            raise ReviewStoreError(path, f"decision {number} is malformed") from None
        entries.append((decision, {k: v for k, v in item.items() if k not in _FIELDS}))
    top = {k: v for k, v in data.items() if k not in ("schema", "decisions")}
    return _Stored(tuple(entries), top)


def _str(item: dict[str, Any], key: str, default: str | None = None) -> str:
    value = item.get(key, default)
    if not isinstance(value, str):
        raise TypeError(key)
    return value


def _json_kind(value: Any) -> str:
    """`null`, `a list`, ...: what a JSON value is, for a one-line error."""
    if value is None:
        return "null"
    return {list: "a list", str: "a string", bool: "a boolean"}.get(type(value), "a number")
