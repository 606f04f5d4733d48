"""`python -m provenance` and the `provenance` console script's entry, `run`.

The console script imports its entry's module before it calls the entry, so a Ctrl-C
while `provenance.cli` and the modules it needs are imported (a tenth of a second) was a
Python traceback when the entry was `cli.main`. This module imports nothing of the
package's own, and `run` imports the CLI inside its `try`.
"""

import sys

_INTERRUPTED = 130
"""`ExitCode.INTERRUPTED`, known before `provenance.errors` is imported."""


def run() -> int:
    """Entry point of the `provenance` console script: `cli.main`, Ctrl-C included.

    Once `main` has returned, its work is done (a decision saved, a report printed): a
    Ctrl-C from then to the process's end (the console script's `sys.exit`, Python's
    shutdown) is ignored. Raised there, outside every `try`, it ended the process by the
    signal, not by its exit code (audit k58: 4 moments in 40).
    """
    code = _INTERRUPTED
    try:
        try:
            from provenance.cli import main

            code = main()
        finally:
            _ignore_interrupts()
    except KeyboardInterrupt:  # before `main`'s own try, or after it
        _ignore_interrupts()
    return code


def _ignore_interrupts() -> None:
    # (imported here: `signal` imports `enum`, 5 ms more of start-up outside the `try`;
    # once `main` has run, the CLI has imported it)
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


if __name__ == "__main__":
    sys.exit(run())
