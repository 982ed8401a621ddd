"""Terminal diagnostics, the format ruff, gcc and Vale print and editors and
CI problem matchers parse::

    stories/acme/daily.md:3:17: error: The amount of the deal (Acme): $4.1 billion here, but wire:4 says $3.2 billion [money-amount]

One line per finding at or above ``--fail-on``, on its outlying claim
(``checker.report.focus``), naming the other sources' values; ``-v`` adds
every other finding (agreements, single-source claims, discrepancies below
the fail level). Everything from a file is escaped (``checker.terminal``)
before any colour is added.
"""

from __future__ import annotations

from checker.records import Finding, Report
from checker.report.focus import column, message, outlier
from checker.terminal import paint, printable

LEVEL_STYLE = {"error": ("bold", "red"), "warning": ("bold", "yellow"), "info": ("bold", "blue")}
QUIET_VERDICTS = ("agreement", "supported", "omitted")


def _where(path: str) -> str:
    text = printable(path)
    # a line starting with '::' would be a GitHub workflow command
    return "./" + text if text.startswith(":") else text


def line(f: Finding, report: Report, color: bool = False) -> tuple[tuple, str]:
    """(sort key, the diagnostic line) of one finding."""
    from checker.stories import shown
    c = outlier(f)
    src = next((s for s in report.sources if s.id == c.source), None)
    path = _where(shown(src.path) if src is not None else c.source)
    col = column(c, src.text if src is not None else None)
    level = "info" if f.verdict in QUIET_VERDICTS else f.level
    said = message(f) + (f" ({f.status})" if f.status != "new" else "")
    text = (f"{paint(path, 'bold', on=color)}{paint(':', 'cyan', on=color)}{c.line}"
            f"{paint(':', 'cyan', on=color)}{col}{paint(':', 'cyan', on=color)} "
            f"{paint(level + ':', *LEVEL_STYLE.get(level, ()), on=color)} {printable(said)} "
            f"{paint('[' + printable(f.rule) + ']', 'dim', on=color)}")
    return (path, c.line, col, f.id), text


def lines(report: Report, failing, verbose: bool = False, color: bool = False) -> list[str]:
    """The diagnostics of a report, by file, line and column: the failing findings,
    and with ``verbose`` every other one too."""
    fails = {f.id for f in failing}
    chosen = [f for f in report.findings if f.id in fails or (verbose and f.claims)]
    if verbose:
        chosen += [f for f in report.omissions if f.claims]
    return [text for _, text in sorted(line(f, report, color) for f in chosen)]
