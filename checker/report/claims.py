"""The statement tables, one per source: ``reports/<story>.claims.md``.

They used to be the report's appendix; a report now fits on a screen and
links here. Written with the report, as part of the same report set."""

from __future__ import annotations

from collections import defaultdict

from checker.records import Report
from checker.report import mark
from checker.report.escape import cell, md
from checker.report.markdown import APPENDIX_COLUMNS, show
from checker.wording import plural


def _table(rows: list[list[str]], headers: list[str]) -> str:
    """A GitHub pipe table (cells are escaped already; no padding: tables run long)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def render(report: Report) -> str:
    table = report.table
    lines = [f"# Statement tables: {md(report.story)}", "",
             "Every claim checker extracted, one table per source (see docs/statement-table.md).", ""]
    by_source: dict[str, list[list[str]]] = defaultdict(list)
    if table is not None and len(table):
        done: dict[str, str] = {}  # a value shown once is escaped once (kinds, units, subjects repeat)

        def escaped(value) -> str:
            shown = show(value)
            out = done.get(shown)
            if out is None:
                out = done[shown] = cell(shown, 100)
            return out

        columns = [table[c].tolist() for c in APPENDIX_COLUMNS]
        for source, *values in zip(table["source"].tolist(), *columns):
            by_source[source].append([escaped(v) for v in values])
    for s in report.sources:
        body = by_source.get(s.id, [])
        lines += [f"## {md(s.id)}: {plural(len(body), 'row')}", "",
                  _table(body, APPENDIX_COLUMNS) if body else "No claims.", ""]
    return mark("\n".join(lines).rstrip() + "\n")
