"""scan --scheduler: a real `dask scheduler` and two `dask worker` processes on 127.0.0.1.

Each test starts its own cluster and always tears it down; every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dask
import pytest
from scan_helpers import Collection, collection

from provenance.load import load
from provenance.scan.run import scan
from provenance.scan.shard import ScanConfig, ShardResult

__all__ = ["collection"]  # the session fixture, imported for pytest

_DASK = Path(sys.executable).with_name("dask")
_STARTUP = 90.0
"""Seconds a cluster may take to start on a busy two-core machine."""


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]]


def _wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    from distributed import Client

    file = tmp_path / "scheduler.json"
    common = ["--no-dashboard"]
    logs = (tmp_path / "dask.log").open("wb")
    processes: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> subprocess.Popen[bytes]:
        command = [str(_DASK), *args, *common]
        process = subprocess.Popen(command, stdout=logs, stderr=logs, start_new_session=True)
        processes.append(process)
        return process

    try:
        scheduler = start("scheduler", "--host", "127.0.0.1", "--port", "0",
                          "--scheduler-file", str(file))  # fmt: skip
        _wait_for(file.exists, _STARTUP, "the dask scheduler")
        workers = [
            start(
                "worker",
                "--scheduler-file",
                str(file),
                "--nthreads",
                "1",
                "--no-nanny",
                "--host",
                "127.0.0.1",
                "--name",
                f"w{n}",
            )
            for n in range(2)
        ]
        with Client(scheduler_file=str(file), timeout=_STARTUP) as client:
            client.wait_for_workers(2, timeout=_STARTUP)
            address = client.scheduler.address
        yield Cluster(address, scheduler, workers)
    finally:
        # workers first, killed (a test worker has nothing to save, and a graceful close
        # waits on the scheduler), then the scheduler, told to stop
        for process in reversed(processes):
            if process.poll() is None:
                os.killpg(
                    process.pid, signal.SIGKILL if process is not processes[0] else signal.SIGTERM
                )
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)
        logs.close()


def test_dask_run_equals_the_local_run(
    collection: Collection, cluster: Cluster, tmp_path: Path
) -> None:
    config = ScanConfig(load(collection.reference))
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    scan([collection.jsonl], config, local, jobs=1)
    summary = scan([collection.jsonl], config, remote, scheduler=cluster.address,
                   shard_bytes=80_000)  # fmt: skip
    assert summary.workers == 2
    assert summary.shards > 2
    assert remote.read_bytes() == local.read_bytes()
    assert remote.read_bytes().count(b"\n") == len(collection.planted)


def test_a_worker_killed_mid_scan_loses_nothing(
    collection: Collection, cluster: Cluster, tmp_path: Path
) -> None:
    config = ScanConfig(load(collection.reference))
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    scan([collection.jsonl], config, local, jobs=1)
    victim = cluster.workers[0]

    def kill_after_first(result: ShardResult, done: int, total: int) -> None:
        if victim.poll() is None:
            assert done < total  # mid-scan: shards remain
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait(timeout=15)

    # a result held by the dead worker is fetched until the connect timeout (30 s by
    # default) before Dask computes it again: shorten the wait, not the behaviour
    with dask.config.set({"distributed.comm.timeouts.connect": "3s"}):
        summary = scan([collection.jsonl], config, remote, scheduler=cluster.address,
                       shard_bytes=30_000, progress=kill_after_first)  # fmt: skip
    assert victim.poll() is not None
    assert cluster.workers[1].poll() is None
    assert summary.documents == len(collection.docs)
    assert remote.read_bytes() == local.read_bytes()
