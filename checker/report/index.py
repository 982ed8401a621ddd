"""The reports index (reports/README.md): one row per story, worst first."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from tabulate import tabulate

from checker.report import mark
from checker.report.escape import md


@dataclass(frozen=True)
class Row:
    story: str
    link: str | None = None        # the story's Markdown report, relative to the index
    checked: bool = True           # False: skipped (unchanged since --changed-since)
    failing: int = 0               # findings at or above the fail level
    counts: dict = field(default_factory=dict, hash=False, compare=False)  # verdict -> n
    accepted: int = 0
    suppressed: int = 0
    notes: int = 0


def order(rows: list[Row]) -> list[Row]:
    """Worst first: failing findings, then discrepancies, then name; unchecked last."""
    return sorted(rows, key=lambda r: (not r.checked, -r.failing,
                                       -r.counts.get("discrepancy", 0), r.story))


def _status(r: Row) -> str:
    if not r.checked:
        return "not checked"
    return "**fail**" if r.failing else "pass"


def render(rows: list[Row], notes: tuple[str, ...] = (), title: str = "Consistency reports") -> str:
    lines = [f"# {md(title)}", ""]
    for note in notes:
        lines += [f"> **Note:** {md(note)}", ""]
    checked = [r for r in rows if r.checked]
    failing = sum(1 for r in checked if r.failing)
    lines += [f"{len(checked)} of {len(rows)} stories checked; {failing} failing.", ""]
    table = []
    for r in order(rows):
        # the target percent-encoded (spaces, |, parentheses, brackets, line breaks), the text escaped
        name = f"[{md(r.story)}]({quote(r.link, safe='/')})" if r.link else md(r.story)
        if not r.checked:
            table.append([name, _status(r)] + ["—"] * 6)
            continue
        c = r.counts
        table.append([name, _status(r), str(r.failing), str(c.get("discrepancy", 0)),
                      str(r.accepted), str(r.suppressed), str(c.get("agreement", 0)),
                      str(c.get("single_source", 0))])
    headers = ["Story", "Status", "Failing", "Discrepancies", "Accepted", "Suppressed",
               "Agreements", "Single-source"]
    if table:
        lines += [tabulate(table, headers=headers, tablefmt="github", disable_numparse=True), ""]
    else:
        lines += ["No stories found.", ""]
    return mark("\n".join(lines).rstrip() + "\n")
