"""GitHub workflow commands: one annotation per claim of each live discrepancy.

``::error file=<path>,line=<n>,title=<rule>::<message>`` (``::warning`` for
warning-level rules), so discrepancies show on the pull request's diff. Paths
are relative to the repository root (git top level, else the working
directory). Accepted (baseline) and suppressed findings are not annotated;
report notes (e.g. stale baseline entries) become file-less warnings.
"""

from __future__ import annotations

from checker.records import Report

ANNOTATED = ("discrepancy", "contradicted")
COMMANDS = {"error": "error", "warning": "warning"}


def escape_data(text: str) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(report: Report) -> list[str]:
    from checker.git import relative
    paths = {s.id: s.path for s in report.sources}
    out = []
    for f in report.findings:
        command = COMMANDS.get(f.level)
        if f.status != "new" or f.verdict not in ANNOTATED or command is None:
            continue
        for c in f.claims:
            where = relative(paths[c.source]) if c.source in paths else c.source
            out.append(f"::{command} file={escape_property(where)},line={int(c.line)},"
                       f"title={escape_property(f.rule)}::{escape_data(f.message)}")
    for note in report.notes:
        out.append(f"::warning title={escape_property('checker: ' + report.story)}::{escape_data(note)}")
    return out


def render(report: Report) -> str:
    lines = annotations(report)
    return "".join(line + "\n" for line in lines)
