"""HTML report (``--format html``, ``reports/<story>.html``): the sources side by
side, every claim highlighted by its verdict.

One self-contained file: inline CSS and one small inline script, nothing
fetched (a Content-Security-Policy allows only that script, by its hash, and
no network at all). Built with Jinja2 with autoescaping, so every byte of an
article, a title or a file name reaches the page as text: control and
bidirectional characters are shown as escapes (``\\x1b``, ``\\u202e``), and
HTML, links and scripts in an article are shown, never run.

Each highlight links to its finding; choosing a finding scrolls every column
to its claims. In draft mode the findings follow the draft's line order.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources

from checker.records import Finding, Report
from checker.report.focus import outlier
from checker.terminal import printable
from checker.wording import phrase, plural

# verdict -> (css class, legend label)
VERDICTS = {
    "discrepancy": ("discrepancy", "discrepancy"), "agreement": ("agreement", "agreement"),
    "single_source": ("single", "single source"), "contradicted": ("discrepancy", "contradicted"),
    "disputed": ("disputed", "disputed"), "supported": ("agreement", "supported"),
    "unsupported": ("single", "unsupported"), "omitted": ("omitted", "left out of the draft"),
}
NOT_COMPARED = ("notcompared", "not compared")
ORDER = {"discrepancy": 0, "contradicted": 0, "disputed": 1, "unsupported": 2, "agreement": 3,
         "supported": 3, "single_source": 4, "omitted": 5}
_EOL = re.compile(r"\r\n|\r|\n")


@dataclass
class Piece:
    text: str
    cls: str | None = None      # verdict class of the claim it belongs to (None: plain text)
    finding: int | None = None  # the finding's number in the list
    title: str = ""


@dataclass
class Column:
    id: str
    title: str | None
    outlet: str | None
    path: str
    draft: bool
    lines: list[list[Piece]] = field(default_factory=list)


@dataclass
class Item:
    n: int
    verdict: str
    cls: str
    label: str
    level: str
    about: str
    message: str
    status: str
    claims: list[tuple[str, int, str, bool]]  # (source, line, value, the outlying claim?)
    id: str
    rule: str


def _value(c) -> str:
    return " ".join(str(c.value if c.kind == "quote" else c.raw).split())


def _items(report: Report) -> tuple[list[Item], dict[str, tuple[int, str, str]]]:
    """The findings to list (draft mode: in the draft's order), and claim id ->
    (finding number, css class, verdict label)."""
    findings: list[tuple[Finding, bool]] = [(f, False) for f in report.findings]
    if report.mode != "draft":
        findings.sort(key=lambda p: ORDER.get(p[0].verdict, 9))  # stable: the engine's order within
    findings += [(f, True) for f in report.omissions]
    items, claims = [], {}
    for n, (f, omitted) in enumerate(findings, 1):
        verdict = "omitted" if omitted else f.verdict
        cls, label = VERDICTS.get(verdict, NOT_COMPARED)
        here = outlier(f) if verdict in ("discrepancy", "contradicted", "disputed") else None
        items.append(Item(n=n, verdict=verdict, cls=cls, label=label, level=f.level,
                          about=printable(phrase(f.kind, f.topic)), message=printable(f.message),
                          status=f.status if f.status != "new" else "",
                          claims=[(printable(c.source), c.line, printable(_value(c)), c is here)
                                  for c in f.claims], id=printable(f.id), rule=printable(f.rule)))
        for c in f.claims:
            claims.setdefault(c.claim_id, (n, cls, label))
    return items, claims


def _spans(report: Report, source_id: str, findings: list) -> list[tuple[int, int, str, str]]:
    """(start, end, claim id, title) of every claim of a source (statements and names aside)."""
    out: dict[str, tuple[int, int, str, str]] = {}
    table = report.table
    if table is not None and len(table):
        # a name is checked for its spelling and shown only in a finding (two spellings)
        rows = table[(table["source"] == source_id) & ~table["kind"].isin(["statement", "name"])]
        for r in rows[["claim_id", "start", "end", "kind", "raw", "line"]].itertuples(index=False):
            out[r.claim_id] = (int(r.start), int(r.end), r.claim_id, f"line {r.line}: {r.kind} {r.raw}")
    for f in findings:  # claims made outside the table (a draft quote found verbatim)
        for c in f.claims:
            if c.source == source_id and c.claim_id not in out:
                out[c.claim_id] = (c.start, c.end, c.claim_id, f"line {c.line}: {c.kind} {c.raw}")
    return sorted(out.values())


def _shown(text: str, nxt: str) -> str:
    """A piece of article text as it is displayed: line ends as line feeds,
    every other control or bidirectional character as a visible escape."""
    if text.endswith("\r") and nxt == "\n":
        text = text[:-1]
    return printable(_EOL.sub("\n", text), lines=True)


def _column(report: Report, src, findings: list, claims: dict) -> Column:
    text = src.text
    spans = [(max(0, a), min(len(text), b), cid, title) for a, b, cid, title in _spans(report, src.id, findings)
             if a < b]
    cuts = sorted({0, len(text), *(a for a, *_ in spans), *(b for _, b, *_ in spans)})
    pieces: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        inside = [s for s in spans if s[0] <= a and s[1] >= b]
        shown = _shown(text[a:b], text[b:b + 1])
        if not inside:
            pieces.append(Piece(shown))
            continue
        start, end, cid, title = min(inside, key=lambda s: s[1] - s[0])  # the innermost claim
        n, cls, label = claims.get(cid, (None, *NOT_COMPARED))
        pieces.append(Piece(shown, cls, n, printable(f"{title} — {label}")))
    col = Column(id=printable(src.id), title=printable(src.title) if src.title else None,
                 outlet=printable(src.outlet) if src.outlet else None, path=printable(src.path),
                 draft=src.id == report.draft)
    line: list[Piece] = []
    for p in pieces:  # split into lines, so each line gets its number
        parts = p.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                col.lines.append(line)
                line = []
            if part:
                line.append(Piece(part, p.cls, p.finding, p.title))
    col.lines.append(line)
    return col


def _template():
    """The page template; autoescape on: every value is HTML-escaped unless the
    template marks it ``safe`` (only the packaged CSS and script are)."""
    from jinja2 import Environment, StrictUndefined
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_asset("report.html.j2"))


def _asset(name: str) -> str:
    return resources.files("checker.report").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def render(report: Report, fail_on: str = "discrepancy") -> str:
    from checker.pipeline import failing
    items, claims = _items(report)
    findings = list(report.findings) + list(report.omissions)
    sources = sorted(report.sources, key=lambda s: s.id != report.draft)  # the draft first
    columns = [_column(report, s, findings, claims) for s in sources]
    counts = report.counts()
    kinds: dict[tuple[str, str], int] = {}
    for i in items:
        kinds[(i.cls, i.label)] = kinds.get((i.cls, i.label), 0) + 1
    legend = [(cls, label, n) for (cls, label), n in kinds.items()] + [(*NOT_COMPARED, None)]
    script = _asset("report.js")
    cov = report.coverage
    fails = failing(report.findings, fail_on)
    if report.mode == "draft":
        headline = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("contradicted", "disputed", "unsupported", "supported"))
    else:
        headline = (f"{plural(counts.get('discrepancy', 0), 'discrepancy')}, "
                    f"{plural(counts.get('agreement', 0), 'agreement')}, "
                    f"{plural(counts.get('single_source', 0), 'single-source claim')}")
    return _template().render(
        report=report, story=printable(report.story), draft=printable(report.draft or ""),
        notes=[printable(n) for n in report.notes], items=items, columns=columns, legend=legend,
        headline=headline, coverage=printable(cov.line()) if cov is not None and cov.claims else "",
        failing=plural(len(fails), "finding") if fails else "", fail_on=fail_on,
        css=_asset("report.css"), script=script, script_hash=_csp_hash(script),
        sources=(plural(len(report.sources) - 1, "source") + " and the draft") if report.mode == "draft"
        else plural(len(report.sources), "source"))
