"""The statement tables, one per source: ``reports/<story>.claims.md``.

They used to be the report's appendix; a report now fits on a screen and
links here. Written with the report, as part of the same report set."""

from __future__ import annotations

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
    by_source = {k: v[APPENDIX_COLUMNS].to_dict("records") for k, v in table.groupby("source", sort=False)} \
        if table is not None and len(table) else {}
    for s in report.sources:
        body = [[cell(show(r[c]), 100) for c in APPENDIX_COLUMNS] for r in by_source.get(s.id, [])]
        lines += [f"## {md(s.id)}: {plural(len(body), 'row')}", "",
                  _table(body, APPENDIX_COLUMNS) if body else "No claims.", ""]
    return mark("\n".join(lines).rstrip() + "\n")
