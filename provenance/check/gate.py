"""CI mode: check a corpus's integrity and review completeness, headless.

`check` reads the manifest (the only thing it cannot do without) and then keeps going
past every broken file, collecting one `Problem` per thing a person must act on:

    manifest   entries well formed; a warning (not a failure) for a recorded format
               that the file name, which decides how the capture is read, contradicts
    fixity     every manifest entry is a regular file inside the corpus with its
               recorded size and sha256; nothing unlisted; no two entries alike
    hygiene    strict UTF-8, no BOM, one kind of line ending, no NUL or control or
               invisible characters, no HTML charset declaration that contradicts UTF-8;
               a blemish the capture's entry records as evidence is a warning, and
               so is a recorded one its bytes no longer carry
    reference  the reference span still has its recorded digest
    coverage   each capture still holds what its manifest entry says it holds
    review     every current finding has a decision (its own, or one carried over from
               other bytes of the capture: listed); no decision is stale; no two
               decisions on one finding disagree

Each rule has a stable code (`P101 fixity-mismatch`; `rules.py`); codes are
never reused. The manifest and fixity checks are in `fixity.py`, the rendering in
`output.py`; this module runs them all and adds the checks that decode and
analyse.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from provenance.analyse import Analyser, Analysis, Progress, SourceResult, Stage
from provenance.check.fixity import ManifestChecks, foreign_link
from provenance.check.hygiene import RULE_NAMES, Blemish, Scan, hygiene, recordable
from provenance.check.rules import CHECKS, RULES, Case, Problem, Rule
from provenance.corpus import (
    Entry,
    ReferenceEntry,
    ReferenceSpanError,
    read_entries,
    read_manifest_data,
    reference_document,
)
from provenance.coverage import OF_STATEMENT
from provenance.errors import ExitCode, Failure, ProvenanceError, ReviewStoreError
from provenance.findings import findings
from provenance.lines import Lines, line_column
from provenance.load import decode, format_of
from provenance.model import Decision, Document, Finding, Format, PassageKind, Severity
from provenance.review import REVIEWS, Carried, ReviewStore


@dataclass(frozen=True, slots=True)
class Policy:
    """What the check demands beyond integrity."""

    require: Severity | None = Severity.COSMETIC
    """Lowest severity of finding that must have a decision (default: every finding);
    None demands no decisions (stale decisions are still reported)."""
    confirm_carried: bool = False
    """Demand that decisions carried over from other bytes be confirmed (P505)."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    corpus: Path
    policy: Policy
    problems: tuple[Problem, ...]
    cases: tuple[Case, ...]
    """Every (check, file) considered, whether it found problems or not."""
    captures: int
    findings: int
    """Current findings in the captures that could be analysed."""
    decided: int
    carried: tuple[Carried, ...] = ()
    """Decisions carried over from other bytes of a capture, standing for current findings."""
    warnings: tuple[Problem, ...] = ()
    """Problems of warning rules (P113): reported, never a reason to exit 1."""

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.FINDINGS if self.problems else ExitCode.OK


def check(
    corpus_dir: Path | str,
    *,
    policy: Policy = Policy(),
    progress: Progress | None = None,
    stage: Stage | None = None,
) -> CheckResult:
    """Check the corpus in `corpus_dir` and return every problem found.

    `progress` is told (captures analysed, captures in all) as the analysis goes, and
    `stage` each stage of each capture as it starts (so a big capture's bar moves too).

    Raises:
        CorpusError: The corpus directory or its manifest cannot be read at all
            (the check could not run).
    """
    directory = Path(corpus_dir)
    reading = read_entries(*read_manifest_data(directory))
    run = _Run(directory, reading.path)
    entries = run.manifest_entries(reading)
    reference = reading.reference
    stored = run.fixity(entries)
    run.formats(entries, stored)
    run.unlisted(entries, reading.claimed)
    documents = run.hygiene(entries, stored)
    source = run.reference(reference, entries, documents)
    analysis = run.coverage(source, entries, documents, progress, stage)
    current = findings(analysis) if analysis is not None else []
    decided, carried = run.review(analysis, current, entries, policy, reading.claimed)
    return CheckResult(
        corpus=directory,
        policy=policy,
        problems=tuple(run.problems),
        warnings=tuple(run.warnings),
        cases=tuple(run.cases),
        captures=len(entries),
        findings=len({f.id for f in current}),  # captures of the same bytes share theirs
        decided=decided,
        carried=carried,
    )


class _Run(ManifestChecks):
    """The checks that decode and analyse, on top of the manifest and fixity checks."""

    def hygiene(self, entries: list[Entry], stored: dict[str, bytes]) -> dict[str, Document]:
        """Documents of the captures that decode; blemishes of all of them reported."""
        documents: dict[str, Document] = {}
        for entry in entries:
            path = self.directory / entry.file
            if entry.id not in stored:
                self.case("hygiene", path, skipped="the file could not be read")
                continue
            self.case("hygiene", path)
            data = stored[entry.id]
            html = entry.format == "html" or format_of(path) is Format.HTML
            scan = hygiene(data, html=html, encoding=entry.encoding)
            recorded: dict[str, list[Blemish]] = {}
            for blemish in scan.blemishes:
                if blemish.kind == "empty" and entry.size > 0:
                    continue  # already named by fixity, with the recorded size
                rule = RULE_NAMES[blemish.kind]
                if rule in entry.blemishes:
                    recorded.setdefault(rule, []).append(blemish)
                    continue
                self.add(
                    rule,
                    path,
                    blemish.message,
                    line=blemish.line,
                    column=blemish.column,
                    offset=blemish.offset,
                )
            for rule, found in recorded.items():
                self._recorded(path, rule, found)
            self._stale_blemishes(entry, path, data, scan)
            try:
                documents[entry.id] = decode(
                    path, data, id=entry.id, decoded=scan.decoded, encoding=entry.encoding
                )
            except ProvenanceError:
                pass  # empty, NUL, not decodable or only whitespace: reported just above
        return documents

    def _recorded(self, path: Path, rule: str, found: list[Blemish]) -> None:
        """One warning for a kind of blemish the capture's entry records as part of its
        evidence (its bytes cannot change), at its first occurrence, with how many."""
        first = found[0]
        count = sum(b.count for b in found)
        more = f" ({count} in the file)" if count > 1 else ""
        self.add(
            "recorded-blemish",
            path,
            f"{rule} ({RULES[rule].code}), recorded as part of the evidence: {first.message}{more}",
            line=first.line,
            column=first.column,
            offset=first.offset,
            blemish=rule,
        )

    def _stale_blemishes(self, entry: Entry, path: Path, data: bytes, scan: Scan) -> None:
        """One warning for each kind the entry records that its bytes do not carry (a hand
        edit, or a kind the hygiene rules no longer report): what `manifest --update` names.
        Not for changed bytes: the record stands for the recorded ones, fixity fails, and
        re-recording is no advice to give."""
        if scan.text is None:
            return  # bytes that do not decode (reported above) carry no kind we can tell
        stale = [rule for rule in entry.blemishes if rule not in recordable(scan)]
        if not stale or hashlib.sha256(data).hexdigest() != entry.sha256:
            return
        for rule in stale:
            self.add(
                "stale-blemish",
                path,
                f"capture {entry.id}: the manifest records {rule} ({RULES[rule].code}) in "
                "its blemishes, but its bytes carry none (provenance manifest --update "
                "--record-blemishes --yes records what they carry)",
                blemish=rule,
            )

    def reference(
        self, reference: ReferenceEntry | None, entries: list[Entry], documents: dict[str, Document]
    ) -> tuple[Document, list[Document]] | None:
        """The reference document and the captures to analyse, or None when it is unusable."""
        if reference is None:
            self.case("reference", self.manifest, skipped="no usable [reference] table")
            return None
        entry = next(e for e in entries if e.id == reference.source)
        path = self.directory / entry.file
        self.case("reference", path)
        source = documents.get(entry.id)
        if source is None:
            self.add(
                "reference-unavailable",
                path,
                "the reference cannot be verified: its source capture does not decode (see above)",
            )
            return None
        try:
            document = reference_document(reference, source)
        except ReferenceSpanError as problem:
            at = problem.offset
            line, column = (None, None) if at is None else line_column(source.text, at)
            self.add(
                problem.kind,
                path,
                problem.problem,
                line=line,
                column=column,
                offset=at,
            )
            return None
        return document, [documents[e.id] for e in entries if e.id in documents]

    def coverage(
        self,
        prepared: tuple[Document, list[Document]] | None,
        entries: list[Entry],
        documents: dict[str, Document],
        progress: Progress | None = None,
        stage: Stage | None = None,
    ) -> Analysis | None:
        if prepared is None:
            for entry in entries:
                self.case("coverage", self.directory / entry.file, skipped="no verified reference")
            return None
        reference, captures = prepared
        analysis = self._analyse(reference, captures, progress, stage)
        analysed = {s.document.id: s for s in analysis.sources}
        for entry in entries:
            path = self.directory / entry.file
            result = analysed.get(entry.id)
            if result is None:
                if entry.id in documents:
                    continue  # the analysis failure is reported already
                self.case(
                    "coverage", path, skipped="the file cannot be read or decoded (see above)"
                )
                continue
            self.case("coverage", path)
            self._holds(entry, path, result, len(reference.text))
        return analysis

    def _analyse(
        self,
        reference: Document,
        captures: list[Document],
        progress: Progress | None,
        stage: Stage | None,
    ) -> Analysis:
        # One capture at a time, so one that cannot be analysed is named and the rest kept.
        analyser = Analyser.of(reference)
        sources: list[SourceResult] = []
        for done, capture in enumerate(captures):
            if progress is not None:
                progress(done, len(captures))
            try:
                sources.append(analyser.source_told(capture, stage))
            except Exception as error:  # ours, or a bug (logged): either way named, not fatal
                failure = Failure.of(capture.path, error)
                self.case("coverage", capture.path)
                self.add("analysis-failed", capture.path, f"cannot be analysed: {failure.problem}")
        if progress is not None:
            progress(len(captures), len(captures))
        return Analysis(reference=reference, sources=tuple(sources))

    def _holds(self, entry: Entry, path: Path, result: SourceResult, length: int) -> None:
        kinds = {p.kind for p in result.passages}
        holds = set(entry.holds)
        if holds & {"full", "excerpts"} and not kinds:
            said = "a full copy" if "full" in holds else "excerpts"
            self.add(
                "statement-missing",
                path,
                f"no longer contains the statement (the manifest says it holds {said})",
            )
        elif "full" in holds and PassageKind.FULL not in kinds:
            covered = sum(len(p.reference) for p in result.passages) / max(1, length)
            self.add(
                "full-copy-missing",
                path,
                f"holds only {len(result.passages)} excerpt(s), {covered:.0%} of the statement, "
                "not the full copy the manifest records",
            )
        elif not holds and kinds:
            self.add(
                "unexpected-copy",
                path,
                f"the manifest says it holds nothing of the statement, but "
                f"{len(result.passages)} passage(s) copy it",
            )
        quoted = [q for q in result.quotes if q.attributed and q.verdict in OF_STATEMENT]
        if "quotations" in holds and not quoted:
            self.add(
                "quotations-missing",
                path,
                "no longer holds quotations of the statement (the manifest says it does)",
            )

    def review(
        self,
        analysis: Analysis | None,
        current: list[Finding],
        entries: list[Entry],
        policy: Policy,
        claimed: frozenset[str] = frozenset(),
    ) -> tuple[int, tuple[Carried, ...]]:
        """Report undecided `current` findings (of `analysis`), stale decisions, decisions
        in conflict and (if the policy says) unconfirmed carried-over decisions.

        Returns how many of the current findings are decided, and the carried decisions.
        """
        store_path = self.directory / REVIEWS
        if analysis is None:
            for entry in entries:
                self.case("review", self.directory / entry.file, skipped="no verified reference")
            return 0, ()
        refused = foreign_link(store_path, self.directory)
        if refused is not None:
            self.case("review", store_path)
            self.add("review-file", store_path, refused)
            return 0, ()
        damaged: list[ReviewStoreError] = []
        try:
            # every line that cannot be read is a problem of its own, and the decisions
            # of the others count (only the first was named, and none counted)
            store = ReviewStore(store_path, damaged=damaged)
        except ProvenanceError as error:
            self.case("review", store_path)
            where = getattr(error, "line", None), getattr(error, "column", None)
            self.add("review-file", store_path, error.problem, line=where[0], column=where[1])
            return 0, ()
        if damaged:
            self.case("review", store_path)
        for bad in damaged:
            where = getattr(bad, "line", None), getattr(bad, "column", None)
            self.add("review-file", store_path, bad.problem, line=where[0], column=where[1])
        for twice, count in store.duplicates().items():
            self.add(
                "duplicate-decision",
                store_path,
                f"{count} decisions on {twice} by one reviewer agree: the newest counts; "
                "decide it again to keep one",
                finding=twice,
            )
        for decision in store.decisions():
            unsigned = _unsigned(decision)
            if unsigned:
                self.add(
                    "unsigned-decision",
                    store_path,
                    f"{decision.verdict} decision on {decision.finding} ({decision.summary}) "
                    f"{unsigned}: decide it again to record who decided and when",
                    finding=decision.finding,
                )
        status = store.status(current)
        analysed = {s.document.id: s.document for s in analysis.sources}
        by_id = {e.id: e for e in entries}
        for entry in entries:
            path = self.directory / entry.file
            if entry.id in analysed:
                self.case("review", path)
            else:
                self.case("review", path, skipped="the file could not be analysed")
        lines = {id: Lines(document.text) for id, document in analysed.items()}
        if policy.require is not None:
            for finding in status.undecided:
                if finding.severity < policy.require:
                    continue
                document = analysed[finding.source]
                line, column = lines[finding.source].at(finding.span.start)
                self.add(
                    "unreviewed",
                    document.path,
                    f"{finding.severity} {finding.category} {finding.id} has no decision: "
                    f"{finding.summary}",
                    line=line,
                    column=column,
                    offset=finding.span.start,
                    finding=finding.id,
                )
        for decision in status.stale:
            owner = by_id.get(decision.source)
            if owner is not None and owner.id not in analysed:
                continue  # its capture could not be analysed: nothing to compare against
            if owner is None and decision.source in claimed:
                continue  # its entry is malformed (reported): the capture is not gone
            path = self.directory / owner.file if owner is not None else store_path
            if owner is None:
                why = f"capture {decision.source!r} is no longer in the manifest"
            elif decision.source_sha256 != analysed[owner.id].sha256:
                why = "it was made on other bytes of the capture"
            else:
                why = "its finding no longer exists"
            self.add(
                "stale-decision",
                path,
                f"{decision.verdict} decision on {decision.finding} ({decision.summary}) "
                f"is stale: {why}",
                finding=decision.finding,
            )
        for conflict in status.conflicts:
            finding = conflict.finding
            line, column = lines[finding.source].at(finding.span.start)
            said = "; ".join(
                f"{d.verdict} by {d.reviewer or 'unknown'} at {d.time or 'an unknown time'}"
                + (f" ({d.note})" if d.note else "")
                for d in conflict.decisions
            )
            self.add(
                "decision-conflict",
                analysed[finding.source].path,
                f"{len(conflict.decisions)} decisions on {finding.id} ({finding.summary}) "
                f"disagree: {said}; decide it again to settle it",
                line=line,
                column=column,
                offset=finding.span.start,
                finding=finding.id,
            )
        if policy.confirm_carried:
            for carried in status.carried:
                finding, old = carried.finding, carried.decision
                line, column = lines[finding.source].at(finding.span.start)
                self.add(
                    "carried-decision",
                    analysed[finding.source].path,
                    f"{old.verdict} decision on {finding.id} ({finding.summary}) is carried "
                    f"over from {old.finding} on sha256 {old.source_sha256[:12]}; confirm it "
                    "with `provenance decide`",
                    line=line,
                    column=column,
                    offset=finding.span.start,
                    finding=finding.id,
                )
        return len(status.decided), status.carried


def _unsigned(decision: Decision) -> str:
    """What the decision lacks of its audit trail: a reviewer, a UTC time ("" if nothing).
    Decisions are ordered by time; one without a time, or in another form, sorts wrong."""
    if not decision.reviewer.strip():
        return "has no reviewer"
    if not decision.time:
        return "has no time"
    try:
        at = datetime.fromisoformat(decision.time)
    except ValueError:
        at = None
    if at is None or at.utcoffset() != timedelta(0):
        return f"its time {decision.time!r} is not a UTC time (such as 2026-12-05T09:30:00Z)"
    return ""


__all__ = ["CHECKS", "RULES", "Case", "CheckResult", "Policy", "Problem", "Rule", "check"]
