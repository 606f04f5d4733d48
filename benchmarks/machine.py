"""The machine a benchmark ran on, printed first: the numbers mean nothing without it."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine() -> str:
    """CPU model, core count, Python version and implementation, operating system, and
    the load average when the run started (other work on the machine moves every figure)."""
    cpu = platform.processor() or platform.machine() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = "; load average at start: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = ""
    return (
        f"CPU: {cpu}; cores: {os.cpu_count()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()}); "
        f"{platform.system()} {platform.release()}{load}"
    )


class Stolen:
    """The share of the machine's CPU time its hypervisor gave to others while this
    measured (steal in /proc/stat): a virtual machine's cores can be taken away, and then
    wall clocks slow down while CPU seconds do not. None where the kernel does not say.

        with Stolen() as stolen:
            run()
        print(stolen.share)
    """

    def __init__(self) -> None:
        self.share: float | None = None
        self._start: tuple[int, int] | None = None

    def __enter__(self) -> Stolen:
        self._start = _steal_and_total()
        return self

    def __exit__(self, *_exc: object) -> None:
        end = _steal_and_total()
        if self._start and end and end[1] > self._start[1]:
            self.share = (end[0] - self._start[0]) / (end[1] - self._start[1])

    def __str__(self) -> str:
        return "steal unknown" if self.share is None else f"{self.share:.0%} stolen"


def _steal_and_total() -> tuple[int, int] | None:
    """Steal and total jiffies of all CPUs so far (the first line of /proc/stat)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    if len(fields) < 8:
        return None
    return fields[7], sum(fields[:8])
