"""Shared, dependency-free helpers for error hints and the fail levels.

Low in the import graph on purpose: config, baseline, suppress, rules and
pipeline all use these, and none of them may import another for them.
"""

from __future__ import annotations

import difflib
from typing import Iterable

# --fail-on values (what each fails on: pipeline.failing, README). The rule
# levels work too: 'error' is the default, 'warning' adds warning-level
# findings, 'info' every finding that is not an agreement (not 'disputed').
FAIL_ON = ("discrepancy", "warning", "single_source", "unsupported", "disputed",
           "error", "info", "never")


def closest(word: str, options: Iterable[str], others: str = "valid keys") -> str:
    """'did you mean X?' for the option nearest ``word``, else the list."""
    options = list(options)
    match = difflib.get_close_matches(str(word), options, n=1, cutoff=0.5)
    return f"did you mean '{match[0]}'?" if match else f"{others}: " + ", ".join(options)
