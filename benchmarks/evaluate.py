"""Score findings against a generated story's ground truth.

A discrepancy finding *matches* a planted discrepancy when its claims include
a changed source's changed value for that fact. Recall: planted
discrepancies matched by at least one finding. Precision: discrepancy
findings that match some planted discrepancy. Single-source facts are scored
the same way (a ``single_source`` finding holding the owner's value).

Findings come as plain dicts (``verdict``, ``kind``, ``claims`` of dicts with
``source``, ``value``), i.e. the JSON report's shape, so the CLI's JSON
output and in-process ``Finding`` objects (via :func:`from_findings`) score alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

try:
    from benchmarks.corpus import same_value
except ImportError:  # run as a script from benchmarks/
    from corpus import same_value


def from_findings(findings: Iterable[Any], sources: Iterable[Any] = ()) -> list[dict]:
    """Finding objects -> dicts; claim sources mapped to file stems."""
    stem = {s.id: Path(s.path).stem for s in sources}
    return [{"verdict": f.verdict, "kind": f.kind,
             "claims": [{"source": stem.get(c.source, c.source), "value": c.value, "kind": c.kind}
                        for c in f.claims]} for f in findings]


def from_json_report(doc: dict) -> list[dict]:
    stem = {s["id"]: Path(s["path"]).stem for s in doc.get("sources", [])}
    return [{"verdict": f["verdict"], "kind": f["kind"],
             "claims": [{"source": stem.get(c["source"], c["source"]), "value": c["value"],
                         "kind": c.get("kind", f["kind"])} for c in f["claims"]]}
            for f in doc.get("findings", [])]


def _holds(finding: dict, kind: str, source: str, value: Any) -> bool:
    return any(c["source"] == source and same_value(kind, c["value"], value)
               for c in finding["claims"])


def score(findings: list[dict], truth: dict) -> dict:
    disc = [f for f in findings if f["verdict"] == "discrepancy"]
    single = [f for f in findings if f["verdict"] == "single_source"]
    planted = truth["discrepancies"]
    found, matched = [], set()
    for p in planted:
        hits = [i for i, f in enumerate(disc)
                if any(_holds(f, p["kind"], s, v) for s, v in p["changed"].items())]
        matched.update(hits)
        if hits:
            found.append(p["fact"])
    false = [f for i, f in enumerate(disc) if i not in matched]
    s_found = [s["fact"] for s in truth["single_source"]
               if any(_holds(f, s["kind"], s["source"], s["value"]) for f in single)]
    n_p, n_d = len(planted), len(disc)
    return {
        "planted": n_p,
        "found": len(found),
        "missed": sorted({p["fact"] for p in planted} - set(found)),
        "discrepancy_findings": n_d,
        "false_discrepancies": len(false),
        "false_examples": [_brief(f) for f in false[:3]],
        "recall": len(found) / n_p if n_p else 1.0,
        "precision": (n_d - len(false)) / n_d if n_d else 1.0,
        "single_planted": len(truth["single_source"]),
        "single_found": len(s_found),
        "single_source_findings": len(single),
        "agreements": sum(f["verdict"] == "agreement" for f in findings),
    }


def _brief(f: dict) -> str:
    vals = sorted({f"{c['source']}={c['value']}" for c in f["claims"]})
    more = f" (+{len(vals) - 4})" if len(vals) > 4 else ""
    return f"{f['kind']}: " + ", ".join(vals[:4]) + more
