"""JSON report: the machine-readable contract (version 1)."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
from pandas import NA as pd_NA

from checker.terminal import json_safe
from checker.records import Claim, Finding, Report

VERSION = 1


def plain(value: Any) -> Any:
    """A JSON-ready Python value (numpy scalars unwrapped, NaN to null)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd_NA:
        return None
    return value


_WHOLE_KINDS = ("count", "year")


def table_records(table) -> list[dict]:
    rows = [{k: plain(v) for k, v in row.items()} for row in table.to_dict(orient="records")]
    for row in rows:  # counts and years are integers, also a tally's second number
        if row.get("kind") in _WHOLE_KINDS and isinstance(row.get("value_hi"), float) \
                and row["value_hi"].is_integer():
            row["value_hi"] = int(row["value_hi"])
    return rows


def claim_dict(c: Claim) -> dict:
    return {"source": c.source, "line": c.line, "start": c.start, "end": c.end, "raw": c.raw,
            "value": plain(c.value), "unit": c.unit, "text": c.text, "kind": c.kind,
            "claim_id": c.claim_id, "approx": c.approx, "speaker": c.speaker}


def finding_dict(f: Finding) -> dict:
    out = {"id": f.id, "verdict": f.verdict, "kind": f.kind, "topic": f.topic, "rule": f.rule,
           "level": f.level, "message": f.message, "claims": [claim_dict(c) for c in f.claims]}
    if f.details:
        out["details"] = {k: plain(v) for k, v in f.details.items()}
    if f.status != "new":
        out["status"] = f.status
    return out


def document(report: Report) -> dict:
    table = report.table
    sources = []
    by_source = {k: table_records(v) for k, v in table.groupby("source", sort=False)} \
        if table is not None and len(table) else {}
    for s in report.sources:
        sources.append({"id": s.id, "path": s.path, "title": s.title, "outlet": s.outlet,
                        "published": s.published.isoformat() if s.published else None,
                        "statements": by_source.get(s.id, [])})
    counts = report.counts()
    keys = ("supported", "contradicted", "disputed", "unsupported") if report.mode == "draft" else (
        "agreement", "discrepancy", "single_source")
    doc = {"version": VERSION, "story": report.story, "mode": report.mode, "sources": sources,
           "findings": [finding_dict(f) for f in report.findings],
           "summary": {k: counts.get(k, 0) for k in keys}}
    if report.mode == "draft":
        doc["draft"] = report.draft
        doc["omissions"] = [finding_dict(f) for f in report.omissions]
    if report.coverage is not None:
        doc["coverage"] = report.coverage.as_dict()
    doc["notes"] = list(report.notes)
    return doc


def render(report: Report) -> str:
    return json_safe(json.dumps(document(report), ensure_ascii=False, indent=2, default=str)) + "\n"
