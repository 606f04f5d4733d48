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
    """Entry point of the `provenance` console script: `cli.main`, Ctrl-C included."""
    try:
        from provenance.cli import main

        return main()
    except KeyboardInterrupt:  # before `main`'s own try, or after it
        return _INTERRUPTED


if __name__ == "__main__":
    sys.exit(run())
