"""GitHub workflow commands: one annotation per live finding worth a look.

``::error file=<path>,line=<n>,col=<c>,title=<rule>::<message>`` on the
finding's outlying claim (``checker.report.focus``), the message naming every
source's value; ``::warning`` and ``::notice`` for warning- and info-level
findings. Annotated: every discrepancy, contradicted and disputed draft claim,
and whatever fails the run at ``--fail-on`` (single-source claims only with
``--fail-on single_source`` or ``info``, unsupported draft claims with
``--fail-on unsupported``). GitHub shows only a few annotations per step, so
a finding never gets one per claim. Paths are relative to the repository root
(git top level, else the working directory). Accepted (baseline) and
suppressed findings are not annotated; report notes (e.g. stale baseline
entries) become file-less warnings.
"""

from __future__ import annotations

from checker.records import Report
from checker.report.focus import column, outlier

ANNOTATED = ("discrepancy", "contradicted", "disputed")
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotated(report: Report, fail_on: str = "discrepancy") -> list:
    """The findings that get an annotation, in report order."""
    from checker.pipeline import failing
    fails = {f.id for f in failing(report.findings, fail_on)}
    return [f for f in report.findings
            if f.status == "new" and (f.verdict in ANNOTATED or f.id in fails)]


def annotations(report: Report, fail_on: str = "discrepancy") -> list[str]:
    from checker.git import relative
    sources = {s.id: s for s in report.sources}
    out = []
    for f in annotated(report, fail_on):
        c = outlier(f)
        src = sources.get(c.source)
        where = relative(src.path) if src is not None else c.source
        command = COMMANDS.get(f.level, "warning")
        out.append(f"::{command} file={escape_property(where)},line={int(c.line)},"
                   f"col={column(c, src.text if src else None)},"
                   f"title={escape_property(f.rule)}::{escape_data(f.message)}")
    for note in report.notes:
        out.append(f"::warning title={escape_property('checker: ' + report.story)}::{escape_data(note)}")
    return out


def render(report: Report, fail_on: str = "discrepancy") -> str:
    return "".join(line + "\n" for line in annotations(report, fail_on))
