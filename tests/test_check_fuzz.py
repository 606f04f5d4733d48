"""Random captures and manifests: never a traceback, always exit 1 or 2 with a message."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import tomlkit
from check_helpers import C002, C003, CAPTURES, copy_corpus, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

Capsys = pytest.CaptureFixture[str]
FUZZ = settings(
    max_examples=int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def fresh_corpus() -> Path:
    # Not tmp_path: Hypothesis runs many examples inside one test function.
    return copy_corpus(Path(tempfile.mkdtemp(prefix="provenance-fuzz-")))


def check_output(capsys: Capsys, corpus: Path) -> tuple[int, str, str]:
    try:
        return run(capsys, "check", corpus)
    finally:
        shutil.rmtree(corpus.parent)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_as_a_capture(capsys: Capsys, data: bytes) -> None:
    corpus = fresh_corpus()
    (corpus / C003).write_bytes(data)
    code, out, _ = check_output(capsys, corpus)
    assert code == 1
    assert any(line.startswith(f"{corpus / C003}:") for line in out.splitlines())


@FUZZ
@given(text=st.text(max_size=3000))
def test_random_text_as_the_full_copy(capsys: Capsys, text: str) -> None:
    corpus = fresh_corpus()
    (corpus / C002).write_bytes(text.encode("utf-8", errors="surrogatepass"))
    code, out, _ = check_output(capsys, corpus)
    assert code == 1
    assert any(line.startswith(f"{corpus / C002}:") for line in out.splitlines())


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_as_the_manifest(capsys: Capsys, data: bytes) -> None:
    corpus = fresh_corpus()
    (corpus / "manifest.toml").write_bytes(data)
    code, out, err = check_output(capsys, corpus)
    assert code == 2
    assert out == ""
    assert err.startswith(f"provenance: {corpus / 'manifest.toml'}: ")
    assert err.count("\n") == 1


_VALUE = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.lists(st.text(max_size=10), max_size=3),
    st.sampled_from([*CAPTURES, "../x", "/etc/passwd", "", ".", "manifest.toml"]),
)
_ENTRY = st.dictionaries(
    st.sampled_from(["id", "file", "sha256", "size", "format", "holds", "publisher"]),
    _VALUE,
    max_size=7,
)


@FUZZ
@given(
    entries=st.lists(_ENTRY, max_size=6),
    reference=st.dictionaries(
        st.sampled_from(["id", "source", "start", "end", "sha256"]), _VALUE, max_size=5
    ),
)
def test_random_structured_manifests(
    capsys: Capsys, entries: list[dict[str, object]], reference: dict[str, object]
) -> None:
    corpus = fresh_corpus()
    document = {"schema": "provenance-manifest/1", "reference": reference, "captures": entries}
    (corpus / "manifest.toml").write_text(tomlkit.dumps(document), encoding="utf-8")
    code, out, err = check_output(capsys, corpus)
    assert code in (1, 2)
    assert (out if code == 1 else err).strip()
    if code == 1:
        assert all(": P" in line for line in out.splitlines()[:-1])  # file: CODE name: ...
