"""What reading a collection passes on: shards of work, and the records and problems read.

`provenance.scan.inputs` plans and reads the shards (`provenance.scan.warc` the WARC
ones); `provenance.scan.shard` scans what they give.
"""

from __future__ import annotations

from dataclasses import dataclass

from provenance.load import declared_charset


@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of work: `kind` is "files", "jsonl", "jsonl.gz" or "warc" (possibly a byte
    range of the file; of the decompressed stream for "jsonl.gz"), "warc-stream" (a
    .warc.gz not compressed one record a gzip member, read whole and decompressed), or
    "unreadable": an input that planning could not read, whose reading is its `problem`."""

    kind: str
    path: str
    """The input file, or the directory the files were found under."""
    start: int = 0
    end: int = -1
    """Byte range of a JSON Lines file (decompressed) or of a WARC file; -1: to the end."""
    files: tuple[str, ...] = ()
    """For "files": the paths of the batch."""
    problem: str = ""
    """For "unreadable": why it cannot be read ("cannot read: Permission denied")."""

    @property
    def offset_in(self) -> str:
        """What the offsets of its records count: "file" bytes, or "decompressed" bytes
        of the gzip stream (a .jsonl.gz, a WARC not compressed one record a member)."""
        return "decompressed" if self.kind in ("jsonl.gz", "warc-stream") else "file"

    @property
    def streamed(self) -> bool:
        """A part of a `.jsonl.gz`: its bytes come from the client as a `Chunk`."""
        return self.kind == "jsonl.gz" and (self.start > 0 or self.end >= 0)


@dataclass(frozen=True, slots=True)
class Chunk:
    """The decompressed lines of a streamed shard, and what cut them short (if anything)."""

    data: bytes
    problem: str = ""


@dataclass(frozen=True, slots=True)
class Record:
    """One document: its stored bytes, how to read them, and where it came from."""

    id: str
    data: bytes
    """The document's bytes (for JSON Lines, its text or html field encoded as UTF-8)."""
    source: str
    offset: int
    """Byte offset of the record in its source (the line, the WARC record; 0 for a file)."""
    format: str = "text"
    """text, html or markdown."""
    url: str = ""
    date: str = ""
    charset: str = ""
    """The declared charset (HTTP header or HTML meta), when there is one."""
    truncated: str = ""
    """Why the crawler cut the record's payload short (its `WARC-Truncated` header:
    `length`, `time`, `disconnect`, `unspecified`), when it did: the page may be longer."""


@dataclass(frozen=True, slots=True)
class Problem:
    """A document or part of an input that could not be read."""

    source: str
    offset: int
    problem: str
    id: str = ""


@dataclass(slots=True)
class Counts:
    """What a shard's reading saw: every record, and the bytes read from the inputs."""

    documents: int = 0
    bytes: int = 0


def cannot_read(error: OSError) -> str:
    """The problem of an input or document the system refuses to read.

    >>> cannot_read(PermissionError(13, "Permission denied"))
    'cannot read: Permission denied'
    """
    return f"cannot read: {error.strerror or error}"


def too_big(size: int | None, limit: int) -> str:
    """The problem of a document over the size limit (`size` None: more than `limit`)."""
    said = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return f"{said}, over the size limit of {limit:,} (raise it with --max-size)"


def meta_charset(data: bytes) -> str:
    """The charset an HTML page declares (`load.declared_charset`, as `report` reads
    it), or ""."""
    return declared_charset(data) or ""
