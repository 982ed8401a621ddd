"""Markdown discrepancy report for editors (renders on GitHub).

It fits on a screen: the discrepancies first, each with its topic as a
phrase, the values side by side (source and line over each) and the
sentences with the value in bold; then the summary, the sources, the
agreements and the single-source claims. The statement tables are a separate
file, ``<story>.claims.md`` (``checker.report.claims``), linked from here."""

from __future__ import annotations

from collections import defaultdict

from tabulate import tabulate

from checker.records import Finding, Report
from checker.report import mark
from checker.report.escape import cell, code, highlight, md
from checker.wording import phrase, plural

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


def headline(report: Report) -> str:
    """'2 discrepancies, 3 agreements and 11 single-source claims.'"""
    c = report.counts()
    return (f"{plural(c.get('discrepancy', 0), 'discrepancy')}, {plural(c.get('agreement', 0), 'agreement')} "
            f"and {plural(c.get('single_source', 0), 'single-source claim')}.")


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


def _grouped(pairs) -> list[tuple[str, list]]:
    """(key, claims) in order of first appearance, for claims with the same key."""
    out: dict[str, list] = {}
    for key, c in pairs:
        out.setdefault(key, []).append(c)
    return list(out.items())


def _where(claims) -> str:
    return ", ".join(f"{cell(c.source)}:{c.line}" for c in claims)


def _side_by_side(f: Finding) -> str:
    """One column per value: the sources and lines that state it over the value."""
    groups = _grouped((" ".join(str(c.raw if c.kind != "quote" else c.value).split()), c) for c in f.claims)
    heads = [_where(claims) for _, claims in groups]
    return _table([[f"**{cell(value, 120)}**" for value, _ in groups]], heads)


def _sentences(f: Finding) -> list[str]:
    """Each sentence once, with the value in bold, and the sources that print it."""
    groups = _grouped((highlight(c.text, c.raw, SENTENCE_LIMIT), c) for c in f.claims)
    return [f"- {_where(claims)}: {text}" for text, claims in groups]


def _discrepancies(items: list[Finding]) -> list[str]:
    out = ["## Discrepancies", ""]
    if not items:
        return out + ["No discrepancies found.", ""]
    for n, f in enumerate(items, 1):
        about = phrase(f.kind, f.topic)
        out += [f"### {n}. {md(about[:1].upper() + about[1:])} ({LEVEL_MARK.get(f.level, f.level)}){_status(f)}",
                "", _side_by_side(f), ""]
        if f.details.get("majority"):
            out += [f"Most sources say **{md(f.details['majority'])}**; it differs in "
                    + ", ".join(md(s) for s in f.details.get("outliers", ())) + ".", ""]
        if f.details.get("detail"):
            out += [f"Words that differ: {md(f.details['detail'])}", ""]
        out += _sentences(f) + [""]
        if f.details.get("why"):
            out += [f"Why these were grouped: they {md(f.details['why']['text'])}. "
                    f"Finding {md(f.id)}: the command checker explain shows the claims left out.", ""]
        out += [f"Rule `{f.rule}` · finding `{f.id}`", ""]
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


def _claims_link(claims: str | None) -> list[str]:
    if not claims:
        return []
    return [f"The statement tables (every claim of every source) are in {code(claims)}, beside this report.", ""]


def render(report: Report, claims: str | None = None) -> str:
    """The report; ``claims``: the name of the statement-table file beside it."""
    if report.mode == "draft":
        from checker.report.draft import render_draft
        return mark(render_draft(report, claims))
    by = defaultdict(list)
    for f in report.findings:
        by[f.verdict].append(f)
    lines = [f"# Consistency report: {md(report.story)}", ""]
    for note in report.notes:
        lines += [f"> **Note:** {md(note)}", ""]
    lines += [f"{plural(len(report.sources), 'source')}: {headline(report)}", ""]
    lines += _discrepancies(by["discrepancy"]) + _summary(report) + _sources(report)
    lines += _agreements(by["agreement"]) + _single(by["single_source"]) + _claims_link(claims)
    return mark("\n".join(lines).rstrip() + "\n")
