"""The CI gate: fixity, hygiene, coverage and review rules over a corpus, and their outputs.

Flow: `rules` names every problem code, `fixity` and `hygiene` inspect the stored
bytes, `gate` runs every rule and decides the exit code, `output` renders the result.
"""

from provenance.check.gate import CheckResult, Policy, check

__all__ = ["CheckResult", "Policy", "check"]
