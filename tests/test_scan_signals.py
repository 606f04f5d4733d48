"""provenance scan's local workers end with it: on SIGTERM as on Ctrl-C, and on SIGKILL of
the scan on their own. Real processes and signals; Linux's /proc tells who is running."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scan_helpers import Collection, collection

__all__ = ["collection"]  # the session fixture, imported for pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _stat(pid: int) -> list[str] | None:
    """/proc/PID/stat's fields after the name (state, ppid, ...); None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) and fields[1] == str(pid):
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")  # a zombie has ended


def _scan_under_way(
    collection: Collection, tmp_path: Path
) -> tuple[subprocess.Popen[bytes], list[int], list[str]]:
    """A two-worker scan of 15 copies of the collection, once its first shard is done and
    its workers are at the others: the scan, its workers' pids, its arguments."""
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as stream:
        for n in range(15):
            for ident, text in collection.docs:
                stream.write(json.dumps({"id": f"{n}-{ident}", "text": text}) + "\n")
    args = [sys.executable, "-m", "provenance", "scan", str(big), "--reference"]
    args += [str(collection.reference), "--out", str(tmp_path / "hits.jsonl")]
    args += ["--jobs", "2", "--shard-mb", "0.02"]
    # its own session: whatever is left of it can be killed as a group when the test ends;
    # stderr to a file: workers left running would hold a pipe open
    err = (tmp_path / "stderr").open("w")
    child = subprocess.Popen(args, stderr=err, cwd=tmp_path, start_new_session=True)
    err.close()
    shards = tmp_path / "hits.jsonl.shards"
    deadline = time.monotonic() + 60
    while not list(shards.glob("0*.json")) and child.poll() is None:
        assert time.monotonic() < deadline, "no shard was done in a minute"
        time.sleep(0.02)
    workers = _children(child.pid)
    if child.poll() is not None or len(workers) < 2:
        _end(child)
        pytest.skip("the scan finished before its workers could be stopped")
    return child, workers, args


def _end(child: subprocess.Popen[bytes]) -> None:
    """Kill what is left of the scan's session (workers a failed test left running)."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    child.wait(timeout=60)


def _gone(pids: list[int], seconds: float = 15) -> list[int]:
    """Those of `pids` still running after `seconds`."""
    deadline = time.monotonic() + seconds
    while (left := [p for p in pids if _running(p)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def test_sigterm_stops_the_workers_and_says_resume_goes_on(
    collection: Collection, tmp_path: Path
) -> None:
    """SIGTERM (a supervisor, `kill`) ended the scan at once and left its workers running
    for ever, orphaned. It is now handled as Ctrl-C is: the workers are stopped, the
    shards done kept, one line saying --resume goes on, exit 143 (128 + SIGTERM)."""
    child, workers, args = _scan_under_way(collection, tmp_path)
    try:
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=60)
        still = _gone(workers, seconds=5)
    finally:
        _end(child)
    err = (tmp_path / "stderr").read_text()
    assert still == [], "workers left running after SIGTERM"
    assert child.returncode == 143, err
    assert "terminated" in err and "--resume" in err and "Traceback" not in err, err
    resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr


def test_workers_end_on_their_own_when_the_scan_is_killed(
    collection: Collection, tmp_path: Path
) -> None:
    """SIGKILL of the scan (the OOM killer, `kill -9`) cannot be handled: its workers must
    notice that their parent is gone and end (they ran on, parented by init)."""
    child, workers, _ = _scan_under_way(collection, tmp_path)
    try:
        child.kill()
        child.wait(timeout=60)
        still = _gone(workers)
    finally:
        _end(child)
    assert still == [], "workers left running after the scan was killed"
