"""Ctrl-C at any moment of a command is exit 130 and no traceback, also while the engine's
modules are still being imported (docs/reliability.md)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import python_output

PROVENANCE = Path(sys.executable).parent / "provenance"

_ENGINE = re.compile(
    r"\|\s+provenance\.(align|analyse|classify|emphasis|extract|findings|locate|matcher|moves"
    r"|normalise|quotes)\b"
)
"""An import-time line (python -X importtime) naming a module of the engine: the modules
that take most of a command's first fifth of a second to import."""


def _interrupted_at(
    engine_module: int, corpus: Path, modules: re.Pattern[str] = _ENGINE
) -> tuple[int, list[str]]:
    """Run `provenance findings CORPUS`, send it SIGINT as soon as it has imported its
    `engine_module`-th module matching `modules` (an engine module unless told; Python
    itself says so on stderr, with PYTHONPROFILEIMPORTTIME), and return its exit code and
    its stderr lines other than Python's import times. No clock is involved: the moment is
    where the import has got to.
    """
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    process = subprocess.Popen(
        [PROVENANCE, "findings", corpus],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        # Ctrl-C's default action, whatever the test runner did with it: Python then
        # turns SIGINT into KeyboardInterrupt, as in a terminal.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stderr is not None
    seen, sent, said = 0, False, []
    try:
        for line in process.stderr:
            if line.startswith("import time:"):
                seen += bool(modules.search(line))
                if seen == engine_module and not sent:
                    process.send_signal(signal.SIGINT)
                    sent = True
            else:
                said.append(line.rstrip("\n"))
        code = process.wait(timeout=60)
    finally:
        process.kill()
        process.wait()
    assert sent, f"only {seen} modules matching {modules.pattern!r} were imported"
    return code, said


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("engine_module", [1, 8, 16, 24, 32])
def test_ctrl_c_while_the_engine_is_imported_is_exit_130_without_a_traceback(
    corpus_dir: Path, engine_module: int
) -> None:
    code, said = _interrupted_at(engine_module, corpus_dir)
    assert (code, said) == (130, [])


_STARTUP = re.compile(r"\|\s+provenance\.(errors|lines|model|load)$")
"""The modules the console script imports before it reaches `main`."""


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("module", [1, 2, 3, 4])
def test_ctrl_c_while_the_console_script_starts_is_exit_130_without_a_traceback(
    corpus_dir: Path, module: int
) -> None:
    """The console script imports its entry point's module before calling it: with
    `cli.main` as the entry, a Ctrl-C while `provenance.cli` and what it needs were imported
    (a tenth of a second) was Python's traceback, exit by SIGINT. The entry is now
    `provenance.__main__.run`, which imports the CLI inside its `try`."""
    code, said = _interrupted_at(module, corpus_dir, _STARTUP)
    assert (code, said) == (130, [])


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("returned", [0, 1])
def test_ctrl_c_after_main_returned_keeps_its_exit_code(returned: int) -> None:
    """A Ctrl-C after `main` returned (the console script's `sys.exit`, Python's shutdown)
    is outside every `try`: it ended the process by SIGINT, not by the code `main` gave,
    though the command's work was done (audit k58). The signal is sent to the process
    itself once `run` has returned, as a late Ctrl-C lands."""
    code = (
        "import os, signal, sys\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "import provenance.cli\n"
        f"provenance.cli.main = lambda: {returned}\n"
        "from provenance.__main__ import run\n"
        "code = run()\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (returned, "")


def test_the_console_scripts_entry_imports_nothing_before_its_try() -> None:
    """What the console script imports before `run`'s try: the package root (names loaded
    on first use) and `provenance.__main__`, no other module of the package."""
    loaded = python_output(
        "import sys\nfrom provenance.__main__ import run\n"
        "print(*sorted(m for m in sys.modules if m.startswith('provenance')))"
    ).split()
    assert loaded == ["provenance", "provenance.__main__"]


def test_the_console_script_imports_no_engine_module_before_main() -> None:
    """Why Ctrl-C is caught from the start: what runs before `main`'s try is light."""
    loaded = python_output("import sys, provenance.cli\nprint(*sorted(sys.modules))").split()
    assert "provenance.cli" in loaded
    assert [m for m in loaded if _ENGINE.search(f"| {m}")] == []


SHADOWED = ["align", "analyse", "classify", "findings", "load", "locate", "normalise"]


@pytest.mark.parametrize("first", ["modules", "package"])
def test_the_packages_names_are_its_functions_whatever_was_imported_first(first: str) -> None:
    """Seven functions share their names with their modules (`provenance.analyse`): the
    package's names stay the functions, as when the package imported them eagerly."""
    modules = "".join(f"import provenance.{name}\n" for name in SHADOWED)
    code = (
        ("" if first == "package" else modules)
        + "import inspect, sys, provenance\n"
        + "from provenance import *\n"
        + ("" if first == "modules" else modules)
        + f"names = {SHADOWED!r}\n"
        + "print(all(inspect.isfunction(getattr(provenance, n)) for n in names))\n"
        + "print(all(getattr(provenance, n) is getattr(sys.modules['provenance.' + n], n)"
        + " for n in names))\n"
        + "print(all(globals()[n] is getattr(provenance, n) for n in provenance.__all__))\n"
        + "print(provenance.Analyser.__module__, provenance.ExitCode.INTERRUPTED)\n"
    )
    assert python_output(code).split() == ["True", "True", "True", "provenance.analyse", "130"]
