"""The GitHub job summary (``checker check --summary FILE``): every story,
worst first, its discrepancies in a few lines each, capped at 1 MiB (GitHub's
limit for one step's summary) and linking to the full reports.

Stories that do not fit are counted at the end, never cut in the middle."""

from __future__ import annotations

from dataclasses import dataclass

from checker.report import mark
from checker.report.escape import cell, md
from checker.report.focus import outlier
from checker.report.index import Row, order
from checker.wording import phrase, plural

LIMIT = 1024 * 1024  # bytes: GitHub refuses a larger step summary
SHOWN_PER_STORY = 50  # discrepancies listed per story (the rest are in its report)


@dataclass(frozen=True)
class Section:
    story: str
    text: str


def section(report, failing, row: Row) -> Section:
    """A story's part of the summary."""
    status = "❌ fails" if failing else "✅ passes"
    c = report.counts()
    lines = [f"### {md(report.story)}: {status}", ""]
    if report.mode == "draft":
        lines += [f"Draft {md(report.draft)}: {c.get('contradicted', 0)} contradicted, "
                  f"{c.get('disputed', 0)} disputed, {c.get('unsupported', 0)} unsupported, "
                  f"{c.get('supported', 0)} supported.", ""]
        shown = [f for f in report.findings if f.verdict in ("contradicted", "disputed")]
    else:
        lines += [f"{plural(c.get('discrepancy', 0), 'discrepancy')}, {plural(c.get('agreement', 0), 'agreement')}, "
                  f"{plural(c.get('single_source', 0), 'single-source claim')}"
                  + (f" ({plural(len(failing), 'finding')} at or above the fail level)" if failing else "")
                  + ".", ""]
        shown = [f for f in report.findings if f.verdict == "discrepancy"]
    if shown:
        rows = []
        for f in shown[:SHOWN_PER_STORY]:
            here = outlier(f)
            values = " · ".join(f"{'**' if c is here else ''}{cell(c.source)}:{c.line} "
                                f"{cell(c.raw if c.kind != 'quote' else c.value, 80)}{'**' if c is here else ''}"
                                for c in f.claims)
            about = phrase(f.kind, f.topic)
            status = {"accepted": " (accepted)", "suppressed": " (suppressed)"}.get(f.status, "")
            rows.append(f"| {md(about)}{status} | {f.level} | {values} |")
        lines += ["| Topic | Level | Values (the outlier in bold) |", "|---|---|---|", *rows, ""]
        if len(shown) > SHOWN_PER_STORY:
            lines += [f"… and {len(shown) - SHOWN_PER_STORY} more in the story's report.", ""]
    return Section(story=report.story, text="\n".join(lines) + "\n")


def render(sections: list[Section], rows: list[Row], link: str | None = None, notes=()) -> str:
    """The summary: a headline, the stories worst first (as ``reports/README.md``
    orders them), as many as fit in LIMIT bytes, and the link to the full reports."""
    by_story = {s.story: s for s in sections}
    checked = [r for r in rows if r.checked]
    failing = sum(1 for r in checked if r.failing)
    head = [f"## checker: {plural(len(checked), 'story')} checked, {failing} failing", ""]
    head += [f"> **Note:** {md(n)}" for n in notes] + ([""] if notes else [])
    where = (f"Full reports: [the reports artifact of this run]({link})." if link
             else "Full reports: the reports artifact of this run.")
    head += [where, ""]
    body, size = [], len(mark("\n".join(head) + "\n").encode("utf-8"))
    ordered = [r for r in order(rows) if r.story in by_story]
    left = 0
    for n, r in enumerate(ordered):
        text = by_story[r.story].text + "\n"
        tail = f"{plural(len(ordered) - n, 'more story', 'more stories')} not shown (the summary is capped at 1 MiB); {where}\n\n"
        if size + len(text.encode("utf-8")) + len(tail.encode("utf-8")) > LIMIT:
            left = len(ordered) - n
            break
        body.append(text)
        size += len(text.encode("utf-8"))
    if left:
        body.append(f"{plural(left, 'more story', 'more stories')} not shown (the summary is capped at 1 MiB); {where}\n\n")
    return mark("\n".join(head) + "\n" + "".join(body).rstrip("\n") + "\n")
