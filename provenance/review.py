"""Review decisions: one JSON Lines file in the corpus, saved atomically at every decision.

The file (`reviews.jsonl`) holds a schema line, then one decision per line in a stable
order (capture, finding, time, reviewer), so two reviewers who decide different findings
on two branches change different lines, and git merges them (`merge=union` in the
corpus's `.gitattributes` keeps both lines even where two insertions touch). A decision
is bound to the finding's stable id and to the sha256 of the capture's bytes it was made
on, and carries the finding's anchor (`anchor`): what makes a finding "the same" on
other bytes of the capture (docs/review.md). Undecided is the absence of a decision.

How decisions stand against the current findings (`ReviewStore.status`):
- a finding with its own decision is decided; two of its decisions that disagree are a
  conflict (both kept, both reported, until someone decides it again);
- a finding without one takes the decision of the same finding on the capture's other
  bytes (same capture, same anchor, no ambiguity): it is *carried over*, and shown so;
- a decision that is neither current nor carried is stale: kept and reported, never
  dropped.

Every save takes the corpus lock (`provenance.lock`), re-reads the file, applies the
change and replaces the file atomically, so two tools saving at once lose nothing.
The old single-document file (`reviews.json`) is still read, and becomes `reviews.jsonl`
on the first save. Fields this version does not know are kept.
"""

from __future__ import annotations

import codecs
import getpass
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from provenance.atomic import atomic_write, line_ends_kept
from provenance.errors import InputError, ReviewStoreError
from provenance.links import foreign_link
from provenance.load import read_bytes
from provenance.lock import locked
from provenance.model import Decision, Finding, Verdict

REVIEWS = "reviews.jsonl"
LEGACY_REVIEWS = "reviews.json"
"""The old file, one JSON document (schema provenance-reviews/1): read, then replaced."""
SCHEMA = "provenance-reviews/2"
LEGACY_SCHEMA = "provenance-reviews/1"
GITATTRIBUTES = f"{REVIEWS} merge=union\n"
"""Written as the corpus's `.gitattributes` with a new decision file, if it has none."""

Entry = tuple[Decision, dict[str, Any]]
"""One line of the file: the decision and the fields this version does not know."""


def anchor(finding: Finding) -> str:
    """What makes two findings of one capture the same finding (docs/review.md).

    A digest of the category, the kind (and an emphasis's style), both readings and the
    span in the reference. Never the capture's digest or the span in the capture: those
    change when a header byte changes, while the edit at the same words does not.

    >>> from provenance.model import Severity, Span
    >>> f = Finding("d-1", "c", "aa", "divergence", "case", Severity.MINOR, Span(5, 8),
    ...             "The", "the", Span(40, 43))
    >>> g = Finding("d-2", "c", "bb", "divergence", "case", Severity.MINOR, Span(9, 12),
    ...             "The", "the", Span(40, 43))
    >>> anchor(f) == anchor(g), anchor(f) == anchor(replace(g, reference=Span(41, 44)))
    (True, False)
    """
    reference = finding.reference
    where = None if reference is None else [reference.start, reference.end]
    style = finding.extra.get("style")
    key = [finding.category, finding.kind, style, finding.text, finding.reference_text, where]
    digest = hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()
    return "a-" + digest[:16]


def _old_anchor(finding: Finding) -> str | None:
    """The anchor a finding at an empty span of the reference (an insertion's place) had
    before stop 51, which took that span for none: same for two like insertions at two
    places. A decision recorded with it still carries where it names one finding."""
    reference = finding.reference
    if reference is None or len(reference):
        return None
    return anchor(replace(finding, reference=None))


@dataclass(frozen=True, slots=True)
class Carried:
    """A decision made on other bytes, standing for the same finding on the current bytes."""

    finding: Finding
    """The current finding."""
    decision: Decision
    """The decision carried over: its `finding` is the old id, `source_sha256` the old digest."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Decisions on one finding that disagree: each reviewer's, all kept."""

    finding: Finding
    decisions: tuple[Decision, ...]


@dataclass(frozen=True, slots=True)
class ReviewStatus:
    """How a set of current findings stands against the recorded decisions."""

    decided: tuple[Finding, ...]
    """With a decision of their own or a carried one (see `carried`)."""
    undecided: tuple[Finding, ...]
    stale: tuple[Decision, ...]
    """Decisions whose finding no longer exists, or that were made on other bytes, and
    that stand for no current finding."""
    carried: tuple[Carried, ...] = ()
    """Decided findings whose decision was made on other bytes (not yet confirmed)."""
    conflicts: tuple[Conflict, ...] = ()
    """Findings with disagreeing decisions: neither decided nor undecided."""
    confirmed: tuple[Decision, ...] = ()
    """Old decisions whose finding has been decided again on the current bytes."""
    standing: dict[str, Decision] = field(default_factory=dict, compare=False)
    """The decision that stands for each decided finding: its own, or the carried one."""

    def decision(self, finding: str) -> Decision | None:
        """The decision that stands for a current finding; None if undecided or in conflict."""
        return self.standing.get(finding)

    def carried_from(self, finding: str) -> Decision | None:
        """The old decision carried over to `finding`; None if it has its own (or none)."""
        decision = self.standing.get(finding)
        return decision if decision is not None and decision.finding != finding else None


def _noted_by(decision: Decision) -> str:
    """A decision's note as another reviewer's decision carries it on: named as its writer's.

    >>> at = "2026-12-06T10:00:00Z"
    >>> flagged = Decision("d-1", "002", "", Verdict.FLAGGED, "a stop lost", "ana", at)
    >>> _noted_by(flagged)
    'ana (2026-12-06T10:00:00Z): a stop lost'
    """
    if _NOTED_BY.match(decision.note):
        return decision.note  # named already, when it was carried on before
    return f"{decision.reviewer} ({decision.time}): {decision.note}"


_NOTED_BY = re.compile(r"\S+ \(\d{4}-\d\d-\d\dT[\d:]+Z\): ")


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

    def __init__(self, path: Path | str, *, damaged: list[ReviewStoreError] | None = None) -> None:
        """`damaged`: where to put each line of the file that cannot be read, read past
        (for `check`, which reports every one and writes nothing); without it the first
        such line is raised."""
        path = Path(path)
        if path.name == LEGACY_REVIEWS:
            path = path.with_name(REVIEWS)
        refused = foreign_link(path, path.parent)
        if refused is not None:
            raise ReviewStoreError(path, refused)
        self.path = path.resolve() if path.is_symlink() else path
        """The decision file (`reviews.jsonl`), whether or not it exists yet; a link to
        a file inside the corpus is written through, and stays a link."""
        self.legacy = path.with_name(LEGACY_REVIEWS)
        """The old file, read while it exists and removed by the first save."""
        self._damaged = damaged
        """Where lines that cannot be read go, read past (None: raised); such a store
        never saves, so that no line of the file is lost."""
        self._entries: list[Entry] = self._read()[0]
        self._learned: dict[str, tuple[str, str]] = {}
        """Digest and anchor of the current findings `status` has seen, by id: a decision
        of the old file (which has no anchors) gets its anchor with the next save."""
        self._carried: dict[str, Decision] = {}
        """Carried decisions by current finding, as the last `status` saw them: deciding
        such a finding keeps the carried note and records where it came from."""
        self._history: list[
            tuple[frozenset[str], dict[str, list[Entry]], dict[str, list[Entry]]]
        ] = []
        """Per saved change (one decision or one bulk action): the captures it touched, and
        each finding's entries before it and as it wrote them."""

    def save(self) -> None:
        """Rewrite the file as it stands: converts the old file, and writes the anchors of
        the decisions `status` has matched to current findings (see `_learned`)."""
        self._write_change({})

    def decisions(self) -> list[Decision]:
        """Every recorded decision, in file order (a finding in conflict has several)."""
        return [d for d, _ in self._entries]

    def duplicates(self) -> dict[str, int]:
        """Findings one reviewer decided more than once alike, with how many times (the
        newest counts). Two reviewers who agree are no duplicate; decisions that disagree
        are a conflict (`status`)."""
        verdicts: dict[str, set[Verdict]] = {}
        for d, _ in self._entries:
            verdicts.setdefault(d.finding, set()).add(d.verdict)
        counts = Counter((d.finding, d.reviewer) for d, _ in self._entries)
        return {
            finding: n
            for (finding, _), n in counts.items()
            if n > 1 and len(verdicts[finding]) == 1
        }

    def get(self, finding: str) -> Decision | None:
        """The newest decision recorded on `finding` (by its id, on whatever bytes)."""
        found = [d for d, _ in self._entries if d.finding == finding]
        return max(found, key=lambda d: d.time) if found else None

    def decide(
        self,
        finding: Finding,
        verdict: Verdict,
        *,
        note: str | None = None,
        reviewer: str | None = None,
        guarded: bool = False,
    ) -> Decision:
        """Record a verdict on `finding` and save at once; a None note keeps the old note
        (another reviewer's, with its writer named: `_noted_by`).
        `guarded`: see `decide_many`."""
        [decision] = self.decide_many(
            [finding], verdict, note=note, reviewer=reviewer, guarded=guarded
        )
        return decision

    def decide_many(
        self,
        findings: Iterable[Finding],
        verdict: Verdict,
        *,
        note: str | None = None,
        reviewer: str | None = None,
        guarded: bool = False,
    ) -> list[Decision]:
        """Record one verdict on several findings in a single atomic save (a bulk action).

        The new decision replaces every decision recorded on the finding (settling a
        conflict). Deciding a finding whose decision was carried over confirms it: the
        new decision records the old finding's id and digest. `guarded` (the review UI):
        nothing is saved if any of the findings was decided or cleared on disk since this
        store last read the file (what its reviewer saw); ReviewStoreError says so, and
        the store then holds the file as it stands, so deciding again replaces it knowingly.
        """
        made = []
        changes: dict[str, list[Entry]] = {}
        for finding in findings:
            carried = self._carried.get(finding.id)
            previous = self.get(finding.id) or carried
            kept_note = note or ""
            if note is None and previous is not None and previous.note:
                # The old note goes on, never lost; under another reviewer's verdict, with
                # its writer named: it is never shown as theirs
                same = previous is carried or previous.reviewer == reviewer_name(reviewer)
                kept_note = previous.note if same else _noted_by(previous)
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
                    anchor=anchor(finding),
                    carried_from=carried.finding if carried else "",
                    carried_sha256=carried.source_sha256 if carried else "",
                )
            )
            changes[finding.id] = [(made[-1], self._extra(finding.id))]
        seen = {f: [e for e in self._entries if e[0].finding == f] for f in changes}
        self._apply(changes, seen=seen if guarded else None)
        return made

    def annotate(self, finding: str, note: str, *, reviewer: str | None = None) -> Decision:
        """Change the note of an existing decision, as it stands on disk now, and save (a
        decision another process made since keeps its verdict and gets the note). The
        decision then names `reviewer` (when given) and the time: a line says who last
        changed it and when, so a note is never shown under someone else's name."""
        self._entries = self._read()[0]
        previous = self.get(finding)
        if previous is None:
            raise ReviewStoreError(self.path, f"no decision on {finding} to attach a note to")
        updated = replace(previous, note=note, time=now(), reviewer=reviewer or previous.reviewer)
        standing = [(d, x) for d, x in self._entries if d.finding == finding]
        kept = [(d, x) for d, x in standing if d != previous]
        self._apply({finding: [*kept, (updated, self._extra(finding))]}, expected=standing)
        return updated

    def clear(self, finding: str) -> None:
        """Make a finding undecided again and save."""
        if self.get(finding) is not None:
            self._apply({finding: []})

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
        _, before, after = self._history[index]
        changed = self._write_change(before, expected=after)  # a failed save keeps it to undo
        del self._history[index]
        if changed:
            # Another reviewer or process decided since: their decision stands.
            names = ", ".join(sorted(changed)[:3]) + (" ..." if len(changed) > 3 else "")
            problem = f"not undone: decided or cleared elsewhere since ({names})"
            raise ReviewStoreError(self.path, problem)
        return next(iter(before))

    def _last_change(self, source: str | None) -> int | None:
        for index in range(len(self._history) - 1, -1, -1):
            if source is None or source in self._history[index][0]:
                return index
        return None

    def status(self, findings: Iterable[Finding]) -> ReviewStatus:
        """Split current findings into decided, undecided and in conflict; carry decisions
        over from other bytes of a capture; list the stale ones (see `review_status`).
        The file is read again first: another process may have decided since."""
        if self._damaged is not None:
            self._damaged.clear()  # read again, below
        self._entries = self._read()[0]
        current = list(findings)
        status = review_status(self.decisions(), current)
        self._learned.update({f.id: (f.source_sha256, anchor(f)) for f in current})
        for f in current:
            self._carried.pop(f.id, None)
        self._carried.update({c.finding.id: c.decision for c in status.carried})
        return status

    def _anchored(self, decision: Decision) -> Decision:
        learned = self._learned.get(decision.finding)
        if decision.anchor or learned is None or learned[0] != decision.source_sha256:
            return decision
        return replace(decision, anchor=learned[1])

    def _extra(self, finding: str) -> dict[str, Any]:
        """The unknown fields of a finding's newest entry, kept when it is decided again."""
        extras = [x for d, x in self._entries if d.finding == finding]
        return extras[-1] if extras else {}

    def _apply(
        self,
        changes: dict[str, list[Entry]],
        *,
        expected: list[Entry] | None = None,
        seen: dict[str, list[Entry]] | None = None,
    ) -> None:
        """Save `changes`; with `expected` (every finding's entries) or `seen` (each
        finding's), only if the file still holds those for them."""
        if not changes:
            return
        before = {f: [e for e in self._entries if e[0].finding == f] for f in changes}
        sources = frozenset(
            d.source for entries in (*before.values(), *changes.values()) for d, _ in entries
        )
        standing = seen if expected is None else dict.fromkeys(changes, expected)
        moved = self._write_change(changes, expected=standing)
        if moved:
            names = ", ".join(sorted(moved)[:3]) + (" ..." if len(moved) > 3 else "")
            problem = (
                f"not saved: {names} was decided or cleared elsewhere meanwhile; "
                "shown as it stands now"
            )
            raise ReviewStoreError(self.path, problem)
        after = {f: [e for e in self._entries if e[0].finding == f] for f in changes}
        # Recorded only once saved: a failed save changed nothing, so there is nothing to undo.
        self._history.append((sources, before, after))

    def _write_change(
        self,
        changes: dict[str, list[Entry]],
        *,
        expected: dict[str, list[Entry]] | None = None,
    ) -> set[str]:
        """Write `changes` (each finding's entries) over the file as it stands. With
        `expected`, nothing is written if any of those findings' entries on disk are not
        the expected ones (another process decided since); returns those findings."""
        # Locked from the read to the rename: another process saving at the same moment
        # waits its turn, then reads what we wrote.
        with locked(self.path.parent, error=ReviewStoreError):
            stored, top = self._read()
            moved = {
                f
                for f, mine in (expected or {}).items()
                if sorted(map(_line, mine)) != sorted(_line(e) for e in stored if e[0].finding == f)
            }
            if moved:
                self._entries = stored
                return moved
            entries = [e for e in stored if e[0].finding not in changes]
            for new in changes.values():
                entries.extend(new)
            entries = [(self._anchored(d), x) for d, x in entries]
            self._save(entries, top)
        self._entries = sorted(entries, key=_order)
        return set()

    def _read(self) -> tuple[list[Entry], dict[str, Any]]:
        """Every line of the decision file, and of the old file while it is there; and the
        fields of the first line (or the old file's top level) other than the schema."""
        old, old_top = _read_legacy(self.legacy)
        new, top = _read_lines(self.path, self._damaged)
        if old:  # the same decision in both files is one
            new = list({_line(e): e for e in old + new}.values())
        return sorted(new, key=_order), {**old_top, **top}

    def _save(self, entries: Sequence[Entry], top: dict[str, Any]) -> None:
        if self._damaged is not None:
            raise ReviewStoreError(self.path, "was read past its damaged lines: not saved")
        lines = dict.fromkeys(_line(e) for e in sorted(entries, key=_order))
        header = json.dumps({**top, "schema": SCHEMA}, ensure_ascii=False, sort_keys=True) + "\n"
        fresh = not self.path.exists()
        if not fresh and not self.path.stat().st_mode & 0o222:
            # made read-only on purpose (chmod 444): a rename would replace it all the same
            raise ReviewStoreError(self.path, "is read-only (no write permission): not saved")
        # (a file saved by a Windows editor keeps its byte-order mark and its line ends)
        bom, before = _written_as(self.path)
        text = bom + line_ends_kept(before, header + "".join(lines))
        atomic_write(self.path, text.encode("utf-8"), error=ReviewStoreError)
        if self.legacy.exists():
            try:
                self.legacy.unlink()  # converted: its decisions are all in the new file
            except OSError as error:
                problem = f"converted to {REVIEWS} but cannot remove it: {error.strerror}"
                raise ReviewStoreError(self.legacy, problem) from None
        attributes = self.path.parent / ".gitattributes"
        if fresh and not attributes.exists():
            atomic_write(attributes, GITATTRIBUTES.encode("utf-8"), error=ReviewStoreError)


def review_status(decisions: Iterable[Decision], findings: Iterable[Finding]) -> ReviewStatus:
    """How `findings` stand against `decisions` (every decision on file), as the module's
    doc says: decided (their own decision, or one carried over), undecided, in conflict;
    the decisions that stand for no current finding are stale."""
    current = {f.id: f for f in findings}
    own: dict[str, list[Decision]] = {}
    others: list[Decision] = []
    for decision in decisions:
        finding = current.get(decision.finding)
        if finding is not None and decision.source_sha256 == finding.source_sha256:
            own.setdefault(finding.id, []).append(decision)
        else:
            others.append(decision)
    standing: dict[str, Decision] = {}
    conflicts = []
    for id, mine in own.items():
        if len({d.verdict for d in mine}) > 1:
            conflicts.append(Conflict(current[id], tuple(mine)))
        else:
            standing[id] = max(mine, key=lambda d: d.time)
    # Carry-over: an anchor names one finding of a capture; a finding without a
    # decision of its own takes the old decisions with its capture and anchor, if the
    # anchor is unambiguous among the current findings and the old decisions agree.
    anchors = {id: anchor(f) for id, f in current.items()}
    holders: dict[tuple[str, str], list[str]] = {}
    for id, f in current.items():
        holders.setdefault((f.source, anchors[id]), []).append(id)
        if (old_anchor := _old_anchor(f)) is not None:
            holders.setdefault((f.source, old_anchor), []).append(id)
    pool: dict[tuple[str, str], list[Decision]] = {}
    for d in others:
        if d.anchor:
            pool.setdefault((d.source, d.anchor), []).append(d)
    carried: list[Carried] = []
    confirmed: list[Decision] = []
    used: set[tuple[str, str, str, str]] = set()
    for key, old in pool.items():
        ids = holders.get(key, [])
        if len(ids) != 1:
            continue
        [id] = ids
        if id in own:
            # A decision on other bytes made after the finding's own and disagreeing with
            # it (a re-capture decided again, then the old bytes restored) is no
            # confirmation: the two stand in conflict until one is decided again.
            own_time = max(d.time for d in own[id])
            verdicts = {m.verdict for m in own[id]}
            later = [d for d in old if d.time > own_time and d.verdict not in verdicts]
            if later and id in standing:
                del standing[id]
                conflicts.append(Conflict(current[id], (*own[id], *later)))
            confirmed.extend(d for d in old if d not in later)
        elif len({d.verdict for d in old}) == 1:
            newest = max(old, key=lambda d: d.time)
            carried.append(Carried(current[id], newest))
            standing[id] = newest
        else:
            continue
        used.update(map(id_of, old))
    in_conflict = {c.finding.id for c in conflicts}
    decided = tuple(f for f in current.values() if f.id in standing)
    undecided = tuple(
        f for f in current.values() if f.id not in standing and f.id not in in_conflict
    )
    stale = tuple(d for d in others if id_of(d) not in used)
    order = {id: n for n, id in enumerate(current)}
    carried.sort(key=lambda c: order[c.finding.id])
    return ReviewStatus(
        decided,
        undecided,
        stale,
        tuple(carried),
        tuple(conflicts),
        tuple(confirmed),
        standing,
    )


def id_of(decision: Decision) -> tuple[str, str, str, str]:
    """Which decision it is: finding, digest, reviewer and time."""
    return (decision.finding, decision.source_sha256, decision.reviewer, decision.time)


def _order(entry: Entry) -> tuple[str, ...]:
    d = entry[0]
    return (d.source, d.finding, d.time, d.reviewer, d.verdict.value, d.note)


def _line(entry: Entry) -> str:
    decision, extra = entry
    # Field by field: dataclasses.asdict deep-copies, ten times slower on a large file.
    fields = dict(extra)
    for name in _NAMES:
        value = getattr(decision, name)
        if value != "" or name in _KEPT:
            fields[name] = value.value if name == "verdict" else value
    return json.dumps(fields, ensure_ascii=False, sort_keys=True) + "\n"


_KEPT = frozenset({"finding", "source", "source_sha256", "verdict", "note", "reviewer", "time"})
"""Fields written even when empty; the newer ones (anchor, carried_*) only when set."""
_NAMES = tuple(Decision.__dataclass_fields__)
_FIELDS = frozenset(_NAMES)


def _read_lines(
    path: Path, damaged: list[ReviewStoreError] | None = None
) -> tuple[list[Entry], dict[str, Any]]:
    """The decisions of the JSON Lines file and its first line's fields; a line that
    cannot be read raises, or is put in `damaged` and read past."""
    text = _text(path)
    if text is None:
        return [], {}
    entries = []
    top: dict[str, Any] = {}
    schema_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            read = _read_line(path, number, line)
        except ReviewStoreError as error:
            if damaged is None:
                raise
            damaged.append(error)
            continue
        if isinstance(read, dict):
            schema_seen = True
            top = read
        else:
            entries.append(read)
    if entries and not schema_seen:
        raise ReviewStoreError(path, f"not a review file (no {{'schema': {SCHEMA!r}}} line)")
    return entries, top


def _read_line(path: Path, number: int, line: str) -> Entry | dict[str, Any]:
    """One line of the decision file: a decision, or the schema line's other fields."""
    if line.startswith(("<<<<<<<", "=======", ">>>>>>>", "|||||||")):
        raise ReviewStoreError(
            path,
            f"line {number} is a git conflict marker: keep both sides' lines and remove "
            "the markers (check then reports decisions that disagree)",
            line=number,
            column=1,
        )
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ReviewStoreError(
            path,
            f"line {number} is not valid JSON (column {error.colno})",
            line=number,
            column=error.colno,
        ) from None
    if isinstance(item, dict) and "schema" in item and "finding" not in item:
        if item["schema"] != SCHEMA:
            raise ReviewStoreError(
                path,
                f"line {number}: not a review file (schema must be {SCHEMA!r})",
                line=number,
                column=1,
            )
        return {k: v for k, v in item.items() if k != "schema"}
    return _entry(path, item, f"line {number}", line=number)


def _read_legacy(path: Path) -> tuple[list[Entry], dict[str, Any]]:
    text = _text(path)
    if text is None:
        return [], {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReviewStoreError(
            path, f"not valid JSON at line {error.lineno} column {error.colno}"
        ) from None
    if not isinstance(data, dict) or data.get("schema") != LEGACY_SCHEMA:
        raise ReviewStoreError(path, f"not a review file (schema must be {LEGACY_SCHEMA!r})")
    items = data.get("decisions")
    if not isinstance(items, list):
        raise ReviewStoreError(path, "'decisions' must be a list")
    top = {k: v for k, v in data.items() if k not in ("schema", "decisions")}
    return [_entry(path, item, f"decision {n}") for n, item in enumerate(items)], top


def _written_as(path: Path) -> tuple[str, str]:
    """The byte-order mark a decision file opens with ("" if none) and its first line
    with its line end: how `_save` writes it again."""
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD)
    except OSError:
        return "", ""
    first = head[: head.find(b"\n") + 1] if b"\n" in head else b""
    bom = "\ufeff" if head.startswith(codecs.BOM_UTF8) else ""
    return bom, first.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")


_HEAD = 1 << 16
"""Bytes read of a decision file to tell how it is written (its first line ends there)."""


def _text(path: Path) -> str | None:
    try:
        raw = read_bytes(path, limited=False)  # a regular file only: a FIFO must not block
    except InputError as error:
        if not path.is_symlink() and not path.exists():
            return None
        raise ReviewStoreError(path, error.problem) from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")  # as Windows editors save it
    except UnicodeDecodeError as error:
        raise ReviewStoreError(path, f"not valid UTF-8 at byte {error.start}") from None


def _entry(path: Path, item: Any, where: str, *, line: int | None = None) -> Entry:
    """One decision read from the file; a problem names `where` (and its `line`, in the
    JSON Lines file, for `check`'s file:line:column and annotations)."""
    at = {"line": line, "column": 1 if line is not None else None}
    if not isinstance(item, dict):
        raise ReviewStoreError(path, f"{where} is {_json_kind(item)}, not an object", **at)
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
            anchor=_str(item, "anchor", ""),
            carried_from=_str(item, "carried_from", ""),
            carried_sha256=_str(item, "carried_sha256", ""),
        )
    except KeyError as missing:
        raise ReviewStoreError(path, f"{where}: a decision needs {missing}", **at) from None
    except TypeError as field:
        raise ReviewStoreError(path, f"{where}: '{field}' must be a string", **at) from None
    except ValueError:
        problem = f"{where}: 'verdict' must be 'accepted' or 'flagged'"
        raise ReviewStoreError(path, problem, **at) from None
    return decision, {k: v for k, v in item.items() if k not in _FIELDS}


def _json_kind(value: Any) -> str:
    """`null`, `a list`, ...: what a JSON value is, for a one-line error."""
    if value is None:
        return "null"
    return {list: "a list", str: "a string", bool: "a boolean"}.get(type(value), "a number")


def _parse_line(text: str) -> Entry:
    return _entry(Path(), json.loads(text), "")


def _str(item: dict[str, Any], key: str, default: str | None = None) -> str:
    if default is None and key not in item:
        raise KeyError(key)
    value = item.get(key, default)
    if not isinstance(value, str):
        raise TypeError(key)
    return value


__all__ = [
    "GITATTRIBUTES",
    "LEGACY_REVIEWS",
    "REVIEWS",
    "SCHEMA",
    "Carried",
    "Conflict",
    "ReviewStatus",
    "ReviewStore",
    "anchor",
    "now",
    "review_status",
    "reviewer_name",
]
