"""CI mode: check a corpus's integrity and review completeness, headless.

`check` reads the manifest (the only thing it cannot do without) and then keeps going
past every broken file, collecting one `Problem` per thing a person must act on:

    fixity     every manifest entry is a regular file inside the corpus with its
               recorded size and sha256; nothing unlisted; no two entries alike
    hygiene    strict UTF-8, no BOM, one kind of line ending, no NUL or control or
               invisible characters, no declared non-UTF-8 charset in HTML
    reference  the reference span still has its recorded digest
    coverage   each capture still holds what its manifest entry says it holds
    review     every current finding has a decision; no decision is stale

Each rule has a stable code (`P101 fixity-mismatch`); codes are never reused.
Rendering is in `check_output.py`.
"""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from provenance.analyse import Analysis, SourceResult, analyse, findings
from provenance.corpus import (
    HOLDS,
    MANIFEST,
    Entry,
    ReferenceEntry,
    parse_entry,
    parse_reference,
    read_manifest_data,
)
from provenance.errors import CorpusError, ExitCode, ProvenanceError
from provenance.hygiene import hygiene
from provenance.load import decode
from provenance.model import Document, PassageKind, Severity
from provenance.quotes import QuoteVerdict
from provenance.review import REVIEWS, ReviewStore

CheckName = Literal["manifest", "fixity", "hygiene", "reference", "coverage", "review"]
CHECKS: tuple[CheckName, ...] = ("manifest", "fixity", "hygiene", "reference", "coverage", "review")
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_OF_STATEMENT = frozenset(
    {
        QuoteVerdict.VERBATIM,
        QuoteVerdict.ALTERED,
        QuoteVerdict.PARAPHRASE,
        QuoteVerdict.NOT_IN_REFERENCE,
    }
)
"""Verdicts of quotations attributed to the statement (whether or not they are in it)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of problem. `code` and `name` are stable: scripts may match on them."""

    code: str
    name: str
    check: CheckName
    summary: str


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("P100", "manifest-entry", "manifest", "a manifest entry is malformed"),
        Rule("P101", "fixity-mismatch", "fixity", "the bytes no longer have the recorded sha256"),
        Rule("P102", "missing-file", "fixity", "a manifest entry's file does not exist"),
        Rule("P103", "not-a-file", "fixity", "a manifest entry names a directory or special file"),
        Rule(
            "P104",
            "symlink",
            "fixity",
            "a manifest entry is a symlink (possibly out of the corpus)",
        ),
        Rule("P105", "unsafe-path", "manifest", "a manifest file name leaves the corpus directory"),
        Rule("P106", "truncated", "fixity", "the file is shorter than the recorded size"),
        Rule("P107", "size-mismatch", "fixity", "the file is longer than the recorded size"),
        Rule("P108", "empty-file", "fixity", "the file is empty"),
        Rule("P109", "unlisted-file", "fixity", "a file in the corpus is not in the manifest"),
        Rule("P110", "duplicate-content", "fixity", "two manifest entries hold identical bytes"),
        Rule("P111", "duplicate-entry", "manifest", "an id or file appears twice in the manifest"),
        Rule("P112", "unreadable", "fixity", "the file cannot be read"),
        Rule("P201", "not-utf8", "hygiene", "the bytes are not valid UTF-8"),
        Rule("P202", "bom", "hygiene", "the file starts with a byte-order mark"),
        Rule("P203", "mixed-line-endings", "hygiene", "CR, LF and CRLF line endings are mixed"),
        Rule("P204", "nul", "hygiene", "a NUL character"),
        Rule("P205", "control-character", "hygiene", "a C0 or C1 control character"),
        Rule(
            "P206",
            "invisible-character",
            "hygiene",
            "a zero-width, soft-hyphen, bidi or BOM character",
        ),
        Rule("P207", "no-text", "hygiene", "the file holds only whitespace"),
        Rule("P208", "html-charset", "hygiene", "HTML declares a charset other than UTF-8"),
        Rule("P300", "reference-entry", "reference", "the [reference] table is malformed"),
        Rule(
            "P301", "reference-mismatch", "reference", "the reference span no longer has its digest"
        ),
        Rule("P302", "reference-span", "reference", "the reference span lies outside its source"),
        Rule("P303", "reference-unavailable", "reference", "the reference's source cannot be read"),
        Rule("P400", "holds-invalid", "coverage", "a manifest 'holds' value is unknown"),
        Rule(
            "P401", "statement-missing", "coverage", "the capture no longer contains the statement"
        ),
        Rule("P402", "full-copy-missing", "coverage", "the capture no longer holds a full copy"),
        Rule("P403", "quotations-missing", "coverage", "the capture no longer holds quotations"),
        Rule("P404", "unexpected-copy", "coverage", "a capture said to hold nothing holds a copy"),
        Rule("P405", "analysis-failed", "coverage", "the capture could not be analysed"),
        Rule("P500", "review-file", "review", "the review file cannot be read"),
        Rule("P501", "unreviewed", "review", "a current finding has no decision"),
        Rule("P502", "stale-decision", "review", "a decision's finding no longer exists"),
    )
}

_BLEMISH_RULES = {
    "empty": "empty-file",
    "not-utf8": "not-utf8",
    "bom": "bom",
    "mixed-line-endings": "mixed-line-endings",
    "nul": "nul",
    "control": "control-character",
    "invisible": "invisible-character",
    "no-text": "no-text",
    "html-charset": "html-charset",
}


@dataclass(frozen=True, slots=True)
class Policy:
    """What the check demands beyond integrity."""

    require: Severity | None = Severity.COSMETIC
    """Lowest severity of finding that must have a decision (default: every finding);
    None demands no decisions (stale decisions are still reported)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing a person must act on, as one line: `path:line:col: CODE name: message`."""

    rule: Rule
    path: Path
    """The file, as reached from the corpus directory given to `check`."""
    message: str
    line: int | None = None
    """1-based; None when the problem concerns the file as a whole."""
    column: int | None = None
    """1-based; characters of decoded text, or bytes for problems of undecodable bytes."""
    offset: int | None = None
    """`str` index into the decoded text (bytes for not-utf8 and html-charset)."""
    finding: str | None = None
    """Id of the finding or decision a review problem is about."""


@dataclass(frozen=True, slots=True)
class Case:
    """One check run on one file: a JUnit test case."""

    check: CheckName
    path: Path
    skipped: str | None = None
    """Why the check could not run on this file; None when it ran."""


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

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.FINDINGS if self.problems else ExitCode.OK


def check(corpus_dir: Path | str, *, policy: Policy = Policy()) -> CheckResult:
    """Check the corpus in `corpus_dir` and return every problem found.

    Raises:
        CorpusError: The corpus directory or its manifest cannot be read at all
            (the check could not run).
    """
    directory = Path(corpus_dir)
    manifest_path, data = read_manifest_data(directory)
    run = _Run(directory, manifest_path)
    entries = run.entries(data)
    reference = run.reference_entry(data, entries)
    stored = run.fixity(entries)
    run.unlisted(entries)
    documents = run.hygiene(entries, stored)
    source = run.reference(reference, entries, documents)
    analysis = run.coverage(source, entries, documents)
    decided = run.review(analysis, entries, documents, policy)
    return CheckResult(
        corpus=directory,
        policy=policy,
        problems=tuple(run.problems),
        cases=tuple(run.cases),
        captures=len(entries),
        findings=len(findings(analysis)) if analysis is not None else 0,
        decided=decided,
    )


@dataclass
class _Run:
    directory: Path
    manifest: Path
    problems: list[Problem] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)

    def add(self, rule: str, path: Path, message: str, **where: Any) -> None:
        self.problems.append(Problem(RULES[rule], path, _one_line(message), **where))

    def case(self, check: CheckName, path: Path, skipped: str | None = None) -> None:
        self.cases.append(Case(check, path, skipped))

    def entries(self, data: dict[str, Any]) -> list[Entry]:
        """The well-formed capture entries; malformed ones are reported and left out."""
        self.case("manifest", self.manifest)
        tables = data.get("captures", [])
        if not isinstance(tables, list):
            self.add("manifest-entry", self.manifest, "[[captures]] must be an array of tables")
            return []
        out: list[Entry] = []
        ids: set[str] = set()
        files: set[str] = set()
        for index, table in enumerate(tables):
            where = f"captures[{index}]"
            if not isinstance(table, dict):
                self.add("manifest-entry", self.manifest, f"{where} is not a table")
                continue
            name = table.get("file")
            if isinstance(name, str) and not _plain_name(name):
                self.add(
                    "unsafe-path",
                    self.manifest,
                    f"{where}: file {name!r} is not a plain name inside the corpus",
                )
                continue
            try:
                entry = parse_entry(self.manifest, index, table)
            except CorpusError as error:
                self.add("manifest-entry", self.manifest, error.problem)
                continue
            if entry.id in ids or entry.file in files:
                what = f"id {entry.id!r}" if entry.id in ids else f"file {entry.file!r}"
                self.add(
                    "duplicate-entry",
                    self.manifest,
                    f"{where}: {what} appears twice; later entry ignored",
                )
                continue
            for value in entry.holds:
                if value not in HOLDS:
                    self.add(
                        "holds-invalid",
                        self.manifest,
                        f"{where}: holds {value!r} is not one of {', '.join(HOLDS)}",
                    )
            ids.add(entry.id)
            files.add(entry.file)
            out.append(entry)
        return out

    def reference_entry(self, data: dict[str, Any], entries: list[Entry]) -> ReferenceEntry | None:
        try:
            reference = parse_reference(self.manifest, data)
        except CorpusError as error:
            self.add("reference-entry", self.manifest, error.problem)
            return None
        if not any(e.id == reference.source for e in entries):
            self.add(
                "reference-entry",
                self.manifest,
                f"reference source {reference.source!r} is not a capture in the manifest",
            )
            return None
        return reference

    def fixity(self, entries: list[Entry]) -> dict[str, bytes]:
        """Bytes of every entry that is a regular file inside the corpus."""
        stored: dict[str, bytes] = {}
        first_with: dict[str, Path] = {}
        for entry in entries:
            path = self.directory / entry.file
            self.case("fixity", path)
            data = self._read(path)
            if data is None:
                continue
            stored[entry.id] = data
            actual = hashlib.sha256(data).hexdigest()
            size = len(data)
            if size == 0 and entry.size > 0:
                self.add(
                    "empty-file", path, f"empty (0 bytes); the manifest records {entry.size} bytes"
                )
            elif size < entry.size:
                self.add(
                    "truncated",
                    path,
                    f"only {size} of the {entry.size} bytes the manifest records "
                    f"({entry.size - size} missing)",
                )
            elif size > entry.size:
                self.add(
                    "size-mismatch",
                    path,
                    f"{size} bytes, the manifest records {entry.size} ({size - entry.size} more)",
                )
            elif actual != entry.sha256:
                self.add(
                    "fixity-mismatch",
                    path,
                    f"sha256 {actual[:16]}… does not match the manifest's {entry.sha256[:16]}…: "
                    "the bytes changed",
                )
            if actual in first_with:
                self.add("duplicate-content", path, f"identical bytes to {first_with[actual].name}")
            else:
                first_with[actual] = path
        return stored

    def _read(self, path: Path) -> bytes | None:
        try:
            info = path.lstat()
        except FileNotFoundError:
            self.add("missing-file", path, "no such file: listed in the manifest but missing")
            return None
        except OSError as error:
            self.add("unreadable", path, f"cannot stat: {error.strerror or error}")
            return None
        if stat.S_ISLNK(info.st_mode):
            target = path.readlink()
            inside = path.resolve().is_relative_to(self.directory.resolve())
            where = "inside the corpus" if inside else "outside the corpus"
            self.add(
                "symlink",
                path,
                f"is a symlink to {target} ({where}); captures must be regular files",
            )
            return None
        if not stat.S_ISREG(info.st_mode):
            what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            self.add("not-a-file", path, f"is {what}")
            return None
        try:
            return path.read_bytes()
        except OSError as error:
            self.add("unreadable", path, f"cannot read: {error.strerror or error}")
            return None

    def unlisted(self, entries: list[Entry]) -> None:
        listed = {e.file for e in entries} | {MANIFEST, REVIEWS}
        try:
            names = sorted(p.name for p in self.directory.iterdir())
        except OSError as error:
            raise CorpusError(self.directory, f"cannot list: {error.strerror or error}") from None
        for name in names:
            if name.startswith(".") or name in listed:
                continue
            path = self.directory / name
            kind = "symlink" if path.is_symlink() else "directory" if path.is_dir() else "file"
            self.case("fixity", path)
            self.add(
                "unlisted-file",
                path,
                f"{kind} not in the manifest (record it with `provenance add`, or remove it)",
            )

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
            html = entry.format == "html" or path.suffix.lower() in _HTML_SUFFIXES
            scan = hygiene(data, html=html)
            for blemish in scan.blemishes:
                if blemish.kind == "empty" and entry.size > 0:
                    continue  # already named by fixity, with the recorded size
                self.add(
                    _BLEMISH_RULES[blemish.kind],
                    path,
                    blemish.message,
                    line=blemish.line,
                    column=blemish.column,
                    offset=blemish.offset,
                )
            try:
                documents[entry.id] = decode(path, data, id=entry.id)
            except ProvenanceError:
                pass  # empty, NUL, not UTF-8 or only whitespace: reported just above
        return documents

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
        text = source.text
        if not 0 <= reference.start < reference.end <= len(text):
            self.add(
                "reference-span",
                path,
                f"reference span {reference.start}..{reference.end} lies outside the text "
                f"({len(text)} characters)",
            )
            return None
        span = text[reference.start : reference.end]
        data = span.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if digest != reference.sha256:
            line, column = _position(text, reference.start)
            self.add(
                "reference-mismatch",
                path,
                f"reference span {reference.start}..{reference.end} no longer matches its recorded "
                f"sha256 (now {digest[:16]}…)",
                line=line,
                column=column,
                offset=reference.start,
            )
            return None
        document = Document(
            id=reference.id, path=source.path, sha256=digest, size=len(data), text=span
        )
        return document, [documents[e.id] for e in entries if e.id in documents]

    def coverage(
        self,
        prepared: tuple[Document, list[Document]] | None,
        entries: list[Entry],
        documents: dict[str, Document],
    ) -> Analysis | None:
        if prepared is None:
            for entry in entries:
                self.case("coverage", self.directory / entry.file, skipped="no verified reference")
            return None
        reference, captures = prepared
        analysis = self._analyse(reference, captures)
        analysed = {s.document.id: s for s in analysis.sources}
        for entry in entries:
            path = self.directory / entry.file
            result = analysed.get(entry.id)
            if result is None:
                if entry.id in documents:
                    continue  # the analysis failure is reported already
                self.case("coverage", path, skipped="the file does not decode")
                continue
            self.case("coverage", path)
            self._holds(entry, path, result, len(reference.text))
        return analysis

    def _analyse(self, reference: Document, captures: list[Document]) -> Analysis:
        try:
            return analyse(reference, captures)
        except ProvenanceError:
            pass
        # Some capture broke the analysis: run them one by one to name it and keep the rest.
        sources: list[SourceResult] = []
        for capture in captures:
            try:
                sources.extend(analyse(reference, [capture]).sources)
            except ProvenanceError as error:
                self.case("coverage", capture.path)
                self.add("analysis-failed", capture.path, f"cannot be analysed: {error.problem}")
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
        quoted = [q for q in result.quotes if q.attributed and q.verdict in _OF_STATEMENT]
        if "quotations" in holds and not quoted:
            self.add(
                "quotations-missing",
                path,
                "no longer holds quotations of the statement (the manifest says it does)",
            )

    def review(
        self,
        analysis: Analysis | None,
        entries: list[Entry],
        documents: dict[str, Document],
        policy: Policy,
    ) -> int:
        """Report undecided findings and stale decisions; return how many findings are decided."""
        store_path = self.directory / REVIEWS
        if analysis is None:
            for entry in entries:
                self.case("review", self.directory / entry.file, skipped="no verified reference")
            return 0
        try:
            store = ReviewStore(store_path)
        except ProvenanceError as error:
            self.case("review", store_path)
            self.add("review-file", store_path, error.problem)
            return 0
        current = findings(analysis)
        status = store.status(current)
        analysed = {s.document.id: s.document for s in analysis.sources}
        by_id = {e.id: e for e in entries}
        for entry in entries:
            path = self.directory / entry.file
            if entry.id in analysed:
                self.case("review", path)
            else:
                self.case("review", path, skipped="the file could not be analysed")
        if policy.require is not None:
            for finding in status.undecided:
                if finding.severity < policy.require:
                    continue
                document = analysed[finding.source]
                line, column = _position(document.text, finding.span.start)
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
        return len(status.decided)


def _plain_name(name: str) -> bool:
    return (
        bool(name)
        and name not in (".", "..")
        and "/" not in name
        and "\\" not in name
        and "\x00" not in name
    )


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a `str` index."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _one_line(message: str) -> str:
    return message.replace("\r", "\\r").replace("\n", "\\n")


__all__ = ["CHECKS", "RULES", "Case", "CheckResult", "Policy", "Problem", "Rule", "check"]
