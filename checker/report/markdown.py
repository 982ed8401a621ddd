"""Markdown discrepancy report for editors (renders on GitHub)."""

from __future__ import annotations

from collections import defaultdict

from tabulate import tabulate

from checker.records import Finding, Report
from checker.report import mark
from checker.report.escape import cell, highlight, md

LEVEL_MARK = {"error": "error", "warning": "warning", "info": "info"}
APPENDIX_COLUMNS = ["line", "kind", "value", "unit", "raw", "subject", "predicate", "object", "speaker"]
SENTENCE_LIMIT = 300


def show(value) -> str:
    """A table value as a reader would want it: no nan, integral floats as integers."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1000:
        return f"{int(value):,}"
    return str(value)


def _table(rows, headers) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def _status(f: Finding) -> str:
    return {"accepted": " (accepted in baseline)", "suppressed": " (suppressed inline)"}.get(f.status, "")


def _sources(report: Report) -> list[str]:
    table = report.table
    counts = table["source"].value_counts() if table is not None and len(table) else {}
    rows = []
    for s in report.sources:
        n = int(counts.get(s.id, 0))
        # a | splits a table cell even inside a code span (it needs its backslash there
        # too); a line break ends the row
        code = "`" not in s.id and s.id.isprintable()
        sid = "`" + s.id.replace("|", "\\|") + "`" if code else cell(s.id)
        rows.append([sid, cell(s.title or "—"),
                     cell(s.outlet or "—"), s.published.isoformat() if s.published else "—",
                     cell(s.path), str(n)])
    return ["## Sources", "", _table(rows, ["Source", "Title", "Outlet", "Published", "File", "Claims"]), ""]


def _summary(report: Report) -> list[str]:
    counts = report.counts()
    settled = [f for f in report.findings if f.verdict == "discrepancy" and f.status != "new"]
    rows = [["Discrepancies", counts.get("discrepancy", 0)],
            ["Agreements", counts.get("agreement", 0)],
            ["Single-source claims", counts.get("single_source", 0)]]
    if settled:
        accepted = sum(f.status == "accepted" for f in settled)
        rows.insert(1, ["… of which accepted or suppressed", f"{accepted} accepted, {len(settled) - accepted} suppressed"])
    out = ["## Summary", "", _table(rows, ["Verdict", "Findings"]), ""]
    cov = report.coverage
    if cov is not None and cov.claims:
        crow = [["Compared with another source", cov.compared]]
        crow += [[f"Not compared, {words}", n] for words, n in cov.reasons()]
        out += [f"**Coverage**: {cov.claims} claims extracted.", "",
                _table(crow, ["Claims", "Count"]), ""]
        if cov.statements:
            out += [f"{cov.statements} sentence statements (who did what) are in the statement "
                    "table but not compared yet.", ""]
    return out


def _claim_rows(f: Finding) -> list[list[str]]:
    return [[cell(c.source), str(c.line), cell(c.raw if c.kind != "quote" else c.value, 120),
             highlight(c.text, c.raw, SENTENCE_LIMIT)] for c in f.claims]


def _discrepancies(items: list[Finding]) -> list[str]:
    out = ["## Discrepancies", ""]
    if not items:
        return out + ["No discrepancies found.", ""]
    for n, f in enumerate(items, 1):
        out += [f"### {n}. {md(f.topic)} ({f.kind}, {LEVEL_MARK.get(f.level, f.level)}){_status(f)}", "",
                md(f.message), ""]
        if f.details.get("detail") and f.details["detail"] not in f.message:
            out += [f"Words that differ: {md(f.details['detail'])}", ""]
        if f.details.get("why"):
            out += [f"Why these were grouped: they {md(f.details['why']['text'])}. "
                    f"Finding {md(f.id)}: the command checker explain shows the claims left out.", ""]
        out += [_table(_claim_rows(f), ["Source", "Line", "Says", "Wording"]), "",
                f"Rule `{f.rule}` · finding `{f.id}`", ""]
    return out


def _agreements(items: list[Finding]) -> list[str]:
    out = ["## Agreements", ""]
    if not items:
        return out + ["No claim is stated by two or more sources.", ""]
    rows = [[md(f.topic), f.kind, "<br>".join(f"{cell(c.source)}:{c.line} {cell(c.raw, 80)}" for c in f.claims)]
            for f in items]
    return out + [_table(rows, ["Topic", "Kind", "Sources"]), ""]


def _single(items: list[Finding]) -> list[str]:
    out = ["## Single-source claims", ""]
    if not items:
        return out + ["Every claim is stated by at least two sources.", ""]
    by_source: dict[str, list[Finding]] = defaultdict(list)
    for f in items:
        by_source[f.claims[0].source].append(f)
    for source in sorted(by_source):
        out += [f"### {md(source)}", ""]
        rows = [[str(f.claims[0].line), f.kind, md(f.topic),
                 cell(f.claims[0].raw if f.kind != "quote" else f.claims[0].value, 80),
                 highlight(f.claims[0].text, f.claims[0].raw, SENTENCE_LIMIT)] for f in by_source[source]]
        out += [_table(rows, ["Line", "Kind", "Topic", "Claim", "Sentence"]), ""]
    return out


def _appendix(report: Report) -> list[str]:
    table = report.table
    out = ["## Appendix: statement tables", ""]
    by_source = {k: v[APPENDIX_COLUMNS].to_dict("records") for k, v in table.groupby("source", sort=False)} \
        if table is not None and len(table) else {}
    for s in report.sources:
        body = [[cell(show(r[c]), 100) for c in APPENDIX_COLUMNS] for r in by_source.get(s.id, [])]
        out += [f"<details><summary>{md(s.id)}: {len(body)} rows</summary>", "",
                _table(body, APPENDIX_COLUMNS) if body else "No claims.", "", "</details>", ""]
    return out


def render(report: Report) -> str:
    if report.mode == "draft":
        from checker.report.draft import render_draft
        return mark(render_draft(report))
    by = defaultdict(list)
    for f in report.findings:
        by[f.verdict].append(f)
    lines = [f"# Consistency report: {md(report.story)}", ""]
    for note in report.notes:
        lines += [f"> **Note:** {md(note)}", ""]
    lines += _sources(report) + _summary(report) + _discrepancies(by["discrepancy"])
    lines += _agreements(by["agreement"]) + _single(by["single_source"]) + _appendix(report)
    return mark("\n".join(lines).rstrip() + "\n")
