"""SARIF 2.1.0 for code-scanning dashboards: one result per finding that is not
an agreement, located on its outlying claim (``checker.report.focus``), with
the other sources' claims as ``relatedLocations``. Single-source claims are
``level: note``, ``kind: informational``; disputed and unsupported draft
claims ``kind: review``. Accepted (baseline) and suppressed findings carry a
SARIF ``suppressions`` entry. Valid against the 2.1.0 schema
(tests/fixtures/sarif-schema-2.1.0.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from checker import __version__
from checker.terminal import json_safe
from checker.records import Claim, Finding, Report
from checker.report.focus import others, outlier
from checker.wording import shown

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SKIPPED = ("agreement", "supported")
KINDS = {"single_source": "informational", "disputed": "review", "unsupported": "review"}
SUPPRESSION_KIND = {"accepted": "external", "suppressed": "inSource"}
_EOL = re.compile(r"\r\n|\r|\n")


def _uri(path: str) -> str:
    from checker.git import relative
    rel = relative(path)
    return Path(rel).as_uri() if Path(rel).is_absolute() else quote(rel, safe="/")


def _last_break(text: str, end: int) -> int:
    return max(text.rfind("\n", 0, end), text.rfind("\r", 0, end))


def region(c: Claim, text: str | None) -> dict:
    """Lines and 1-based code-point columns (endColumn is one past the claim)."""
    out = {"startLine": int(c.line)}
    if text is None or not (0 <= c.start <= c.end <= len(text)):
        return out
    out["startColumn"] = c.start - _last_break(text, c.start)
    out["endLine"] = int(c.line) + len(_EOL.findall(text, c.start, c.end))
    out["endColumn"] = c.end - _last_break(text, c.end)
    out["snippet"] = {"text": text[c.start:c.end]}
    return out


def _rule(rule_id: str, rule) -> dict:
    out = {"id": rule_id, "shortDescription": {"text": rule_id}}
    if rule is not None:
        text = " ".join((rule.description or rule_id).split())
        out["shortDescription"] = {"text": text.split(". ")[0].rstrip(".")[:200] or rule_id}
        out["fullDescription"] = {"text": text}
        if rule.link:
            out["helpUri"] = rule.link
        out["defaultConfiguration"] = {"level": LEVELS.get(rule.level, "warning")}
    return out


def _location(c: Claim, sources: dict, n: int | None = None) -> dict:
    src = sources.get(c.source)
    uri = _uri(src.path) if src is not None else quote(c.source)
    out = {"physicalLocation": {"artifactLocation": {"uri": uri},
                                "region": region(c, src.text if src else None)},
           "message": {"text": f"{c.source}: {shown(c)}"}}
    return out if n is None else {"id": n, **out}


def _result(f: Finding, index: int, sources: dict) -> dict:
    from checker.baseline import fingerprint
    here = outlier(f)
    out = {"ruleId": f.rule, "ruleIndex": index,
           "level": "note" if f.verdict == "single_source" else LEVELS.get(f.level, "warning"),
           "kind": KINDS.get(f.verdict, "fail"), "message": {"text": f.message},
           "locations": [_location(here, sources)],
           "partialFingerprints": {"checker/v1": fingerprint(f)},
           "properties": {"verdict": f.verdict, "kind": f.kind, "topic": f.topic, "finding": f.id}}
    related = others(f, here)
    if related:
        out["relatedLocations"] = [_location(c, sources, n) for n, c in enumerate(related, 1)]
    if f.status in SUPPRESSION_KIND:
        suppression = {"kind": SUPPRESSION_KIND[f.status], "state": "accepted"}
        if f.details.get("reason"):
            suppression["justification"] = str(f.details["reason"])
        out["suppressions"] = [suppression]
    return out


def document(report: Report, ruleset=None) -> dict:
    known = {r.id: r for r in ruleset.rules} if ruleset is not None else {}
    findings = [f for f in report.findings if f.verdict not in SKIPPED]
    rule_ids = sorted({f.rule for f in findings})
    index = {r: n for n, r in enumerate(rule_ids)}
    sources = {s.id: s for s in report.sources}
    driver = {"name": "checker", "version": __version__,
              "rules": [_rule(r, known.get(r)) for r in rule_ids]}
    run = {"tool": {"driver": driver},
           "automationDetails": {"id": f"checker/{report.story}/"},
           "columnKind": "unicodeCodePoints",
           "results": [_result(f, index[f.rule], sources) for f in findings]}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, ruleset=None) -> str:
    return json_safe(json.dumps(document(report, ruleset), ensure_ascii=False, indent=2)) + "\n"
