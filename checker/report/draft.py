"""Markdown layout of draft mode: the draft's own order, a mark per claim."""

from __future__ import annotations

from collections import defaultdict

from tabulate import tabulate

from checker.records import Report
from checker.report.escape import cell, code, highlight, md
from checker.wording import plural

MARK = {"supported": "✅ supported", "contradicted": "❌ contradicted", "disputed": "⚖️ disputed",
        "unsupported": "⚠️ unsupported"}
ORDER = ("contradicted", "disputed", "unsupported", "supported")


def _evidence(f) -> str:
    rows = [f"{cell(c.source)}:{c.line} “{cell(c.raw if c.kind != 'quote' else c.value, 100)}”"
            for c in f.claims[1:]]
    return "<br>".join(rows) if rows else "—"


def render_draft(report: Report, claims: str | None = None) -> str:
    counts = report.counts()
    sources = [s for s in report.sources if s.id != report.draft]
    lines = [f"# Draft check: {md(report.draft)}", ""]
    for note in report.notes:
        lines += [f"> **Note:** {md(note)}", ""]
    lines += [f"Checked against {plural(len(sources), 'source')}: "
              + ", ".join(md(s.id) + (f" ({md(s.title)})" if s.title else "") for s in sources), "",
              "## Summary", "",
              tabulate([[MARK[k], counts.get(k, 0)] for k in ORDER],
                       headers=["Verdict", "Claims"], tablefmt="github", disable_numparse=True), ""]
    by_line = defaultdict(list)
    for f in report.findings:
        by_line[f.claims[0].line].append(f)
    lines += ["## The draft, line by line", ""]
    if not by_line:
        lines += ["The draft has no checkable claims.", ""]
    for line in sorted(by_line):
        items = by_line[line]
        lines += [f"### Line {line}", "", "> " + highlight(items[0].claims[0].text, items[0].claims[0].raw, 400), ""]
        rows = [[MARK[f.verdict], f.kind, cell(f.claims[0].raw if f.kind != "quote" else f.claims[0].value, 80),
                 _evidence(f), md(f.details.get("detail", "")) if f.verdict in ("contradicted", "disputed") else ""]
                for f in items]
        lines += [tabulate(rows, headers=["Verdict", "Kind", "Draft says", "Sources", "Changed words"],
                           tablefmt="github", disable_numparse=True), ""]
        for f in items:
            if f.verdict in ("contradicted", "disputed"):
                lines += [f"- {md(f.message)}"]
        lines += [""]
    if report.omissions:
        lines += ["## Source claims the draft leaves out", ""]
        rows = [[f.kind, md(f.topic), "<br>".join(f"{cell(c.source)}:{c.line} {cell(c.raw, 60)}" for c in f.claims)]
                for f in report.omissions]
        lines += [tabulate(rows, headers=["Kind", "Topic", "Sources"], tablefmt="github",
                           disable_numparse=True), ""]
    if claims:
        lines += [f"The statement tables are in {code(claims)}, beside this report.", ""]
    return "\n".join(lines).rstrip() + "\n"
