"""Score checker on real coverage: real articles by many outlets, gold facts.

    python benchmarks/real_eval.py EXCERPTS_DIR [--gold DIR] [--event NAME]... [--json FILE] [-v]

Each gold file ``benchmarks/real/<event>.yaml`` names the excerpt files of one
event; ``EXCERPTS_DIR/<event>/`` is checked as one story through the real
command, ``checker check DIR --format json``. A claim of a finding *hits* a
gold fact when it comes from that fact's source and its span overlaps the
fact's ``as_written`` span there (spans, not values, decide the match, so the
score does not depend on how checker normalizes a value).

- discrepancy recall: a gold discrepancy is found when one discrepancy finding
  hits two of its sources whose gold values differ (a ``rounding`` one is also
  found by an agreement finding: rounding is agreement with a note);
- precision: discrepancy findings that hit two sources of one gold discrepancy;
- agreement recall: a gold agreement is found when one agreement finding hits
  two of its sources;
- single-source recall: a single_source finding holds the gold claim;
- trap violations: one finding hits both facts of a trap pair;
- extraction recall: a statement-table row of a fitting kind overlaps the span.

It measures, it does not gate: the exit is 0 whatever the scores (2 on bad
usage). Spans not found in their excerpt are warned about.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_gold import KINDS, load, missing_spans, problems, read_excerpt  # noqa: E402

GOLD_DIR = Path(__file__).resolve().parent / "real"
NUMERIC = {"money", "percent", "count", "quantity", "duration", "time", "date", "year"}
QUOTES = {"quote", "attribution"}
STATEMENT_FACTS = {"outcome", "role", "holder", "place", "list", "name", "attribution"}
# Which statement-table kinds can hold a gold fact of each kind.
EXTRACTED_AS = {
    "money": {"money"}, "percent": {"percent"}, "count": {"count", "tally"},
    "quantity": {"quantity"}, "duration": {"duration"}, "time": {"time"},
    "date": {"date"}, "year": {"year", "date"}, "quote": {"quote", "paraphrase"},
    "attribution": {"quote", "paraphrase"}, "name": {"name", "holder", "role"},
    "role": {"role"}, "place": {"place"}, "outcome": {"outcome"}, "list": {"list"},
    "other": set(),
}


def _fits(gold_kind: str, claim_kind: str) -> bool:
    """Can a finding's claim of ``claim_kind`` stand for a gold fact of ``gold_kind``?"""
    if gold_kind in NUMERIC:
        return claim_kind not in {"statement", "quote", "paraphrase"} | STATEMENT_FACTS
    if gold_kind in QUOTES:
        return claim_kind in {"quote", "paraphrase", "attribution"}
    return True  # statement-level facts: any row on the span


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0 and needle:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < max(end, start + 1) for s, e in spans)


def _gold_value(claim: dict) -> str:
    return json.dumps([claim.get("value"), claim.get("value_hi"), claim.get("hedge"),
                       claim.get("unit")], sort_keys=True, default=str)


def present_only(doc: dict, present: set[str]) -> dict:
    """The gold as it reads on the excerpts that are here.

    A page that could not be fetched again takes its claims with it; each
    fact is then classified on the claims left: one claim is single-source,
    claims that all state one value agree, and a fact with none is dropped.
    Traps naming a dropped fact go too.
    """
    if present >= set(doc["sources"]):
        return doc
    facts = []
    for fact in doc["facts"]:
        claims = {s: c for s, c in fact["claims"].items() if s in present}
        if not claims:
            continue
        fact = {**fact, "claims": claims}
        if len(claims) == 1:
            fact["classification"] = "single_source"
        elif fact["classification"] == "discrepancy" and len({_gold_value(c) for c in claims.values()}) == 1:
            fact["classification"] = "agreement"
        if fact["classification"] != "discrepancy":
            fact.pop("severity", None)
        facts.append(fact)
    kept = {f["id"] for f in facts}
    traps = [t for t in doc.get("traps") or [] if set(t["facts"]) <= kept]
    sources = {s: v for s, v in doc["sources"].items() if s in present}
    return {**doc, "sources": sources, "facts": facts, "traps": traps}


class Event:
    """One gold event with its excerpts: spans located, checker's report scored."""

    def __init__(self, doc: dict, folder: Path):
        self.folder, self.name = folder, doc["event"]
        present = {slug for slug, src in doc["sources"].items() if (folder / src["file"]).is_file()}
        self.absent = sorted(set(doc["sources"]) - present)
        self.doc = doc = present_only(doc, present)
        self.facts = {f["id"]: f for f in doc["facts"]}
        texts = {slug: read_excerpt(folder / src["file"]) for slug, src in doc["sources"].items()}
        self.spans = {(fid, slug): _spans(texts[slug], c["as_written"])
                      for fid, f in self.facts.items() for slug, c in f["claims"].items()}

    def hits(self, claim: dict, source: str) -> set[str]:
        """Gold facts a finding's (or table's) claim falls on."""
        return {fid for (fid, slug), spans in self.spans.items()
                if slug == source and _fits(self.facts[fid]["kind"], claim.get("kind", ""))
                and _overlaps(claim["start"], claim["end"], spans)}

    def score(self, report: dict) -> dict:
        stem = {s["id"]: Path(s["path"]).stem for s in report.get("sources", [])}
        per_finding = []  # (finding, {fact: {sources}})
        for f in report.get("findings", []):
            got: dict[str, set[str]] = defaultdict(set)
            for c in f["claims"]:
                src = stem.get(c["source"], c["source"])
                for fid in self.hits({**c, "kind": c.get("kind", f["kind"])}, src):
                    got[fid].add(src)
            per_finding.append((f, got))
        found: dict[str, str] = {}  # fact -> how it was found
        correct = 0
        false = Counter()
        false_examples = []
        for f, got in per_finding:
            verdict = f["verdict"]
            for fid, srcs in got.items():
                fact = self.facts[fid]
                if fact["classification"] == "discrepancy" and len(srcs) >= 2:
                    vals = {_gold_value(fact["claims"][s]) for s in srcs}
                    if verdict == "discrepancy" and len(vals) > 1:
                        found.setdefault(fid, "discrepancy")
                    elif fact.get("severity") == "rounding" and verdict == "agreement" and len(vals) > 1:
                        found.setdefault(fid, "agreement (rounding)")
                elif fact["classification"] == "agreement" and len(srcs) >= 2 and verdict == "agreement":
                    found.setdefault(fid, "agreement")
                elif fact["classification"] == "single_source" and verdict == "single_source":
                    found.setdefault(fid, "single_source")
            if verdict == "discrepancy":
                ok = any(self.facts[fid]["classification"] == "discrepancy" and len(srcs) >= 2
                         for fid, srcs in got.items())
                if ok:
                    correct += 1
                else:
                    why = _false_reason(self.facts, got)
                    false[why] += 1
                    false_examples.append(f"{why}: {_brief(f, stem)}")
        traps = []
        for t in self.doc.get("traps") or []:
            a, b = t["facts"]
            for f, got in per_finding:
                if a in got and b in got:
                    traps.append(f"{a} ~ {b}: {_brief(f, stem)}")
        extracted = set()
        for s in report.get("sources", []):
            src = Path(s["path"]).stem
            for row in s.get("statements", []):
                for (fid, slug), spans in self.spans.items():
                    if slug == src and row["kind"] in EXTRACTED_AS[self.facts[fid]["kind"]] \
                            and _overlaps(row["start"], row["end"], spans):
                        extracted.add((fid, slug))
        n_disc = sum(f["verdict"] == "discrepancy" for f in report.get("findings", []))
        return {"found": found, "correct": correct, "reported": n_disc, "false": false,
                "false_examples": false_examples, "traps": traps, "extracted": extracted,
                "coverage": report.get("summary", {})}


def _false_reason(facts: dict, got: dict) -> str:
    if not got:
        return "on no gold fact"
    if len(got) > 1:
        return "pairs different facts"
    (fid, srcs), = got.items()
    if len(srcs) < 2:
        return "one gold claim, others unannotated"
    return f"gold {facts[fid]['classification']}"


def _brief(f: dict, stem: dict) -> str:
    vals = sorted({f"{stem.get(c['source'], c['source'])}={c['raw']!s}" for c in f["claims"]})
    more = f" (+{len(vals) - 4})" if len(vals) > 4 else ""
    return f"{f['kind']} {', '.join(vals[:4])}{more}"


def _checker_cmd() -> list[str]:
    exe = shutil.which("checker")
    return [exe] if exe else [sys.executable, "-m", "checker"]


def run_checker(folder: Path) -> tuple[dict | None, str]:
    """``checker check FOLDER --format json`` in a clean working folder."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        proc = subprocess.run(_checker_cmd() + ["check", str(folder.resolve()), "--format", "json",
                                                "-o", str(out), "--no-baseline"],
                              cwd=tmp, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
        if proc.returncode not in (0, 1) or not out.is_file():
            said = (proc.stderr or proc.stdout).strip().splitlines()
            return None, said[-1] if said else f"exit {proc.returncode}"
        return json.loads(out.read_text(encoding="utf-8")), proc.stdout.strip()


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "-"


def evaluate(excerpts: Path, gold_dir: Path, only: list[str], verbose: bool) -> dict:
    docs = []
    for path in sorted(gold_dir.glob("*.yaml")):
        doc = load(path)
        errs = problems(doc, path)
        if errs:
            print("\n".join(errs), file=sys.stderr)
            continue
        if only and doc["event"] not in only:
            continue
        for w in missing_spans(doc, excerpts / doc["event"]):
            if not w.endswith(" not found"):  # an absent excerpt gets a note when scored
                print("warning:", w, file=sys.stderr)
        docs.append(doc)
    rows, totals = [], defaultdict(Counter)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    n_sources = n_facts = 0
    detail = {}
    for doc in docs:
        ev = Event(doc, excerpts / doc["event"])
        if ev.absent:
            print(f"note: {ev.name}: {len(ev.absent)} excerpt(s) absent, scored without them: "
                  + ", ".join(ev.absent), file=sys.stderr)
        doc = ev.doc
        report, said = run_checker(ev.folder)
        n_sources += len(doc["sources"])
        n_facts += len(ev.facts)
        if report is None:
            print(f"warning: {ev.name}: checker failed: {said}", file=sys.stderr)
            report = {"findings": [], "sources": []}
        sc = ev.score(report)
        t = Counter()
        for fid, fact in ev.facts.items():
            cls, kind = fact["classification"], fact["kind"]
            k = by_kind[kind]
            k[f"{cls}"] += 1
            k[f"{cls}_found"] += fid in sc["found"]
            t[cls] += 1
            t[f"{cls}_found"] += fid in sc["found"]
            if cls == "discrepancy":
                sev = fact["severity"]
                totals["severity"][sev] += 1
                totals["severity"][f"{sev}_found"] += fid in sc["found"]
            for slug in fact["claims"]:
                k["spans"] += 1
                k["spans_extracted"] += (fid, slug) in sc["extracted"]
        t["reported"], t["correct"], t["traps"] = sc["reported"], sc["correct"], len(sc["traps"])
        totals["all"].update(t)
        totals["false"].update(sc["false"])
        rows.append([ev.name, len(doc["sources"]), len(ev.facts),
                     _pct(t["discrepancy_found"], t["discrepancy"]),
                     _pct(t["correct"], t["reported"]),
                     _pct(t["agreement_found"], t["agreement"]),
                     _pct(t["single_source_found"], t["single_source"]), t["traps"]])
        detail[ev.name] = {
            "missed": sorted(fid for fid, f in ev.facts.items()
                             if f["classification"] == "discrepancy" and fid not in sc["found"]),
            "found": sorted(fid for fid, f in ev.facts.items()
                            if f["classification"] == "discrepancy" and fid in sc["found"]),
            "missed_agreements": sorted(fid for fid, f in ev.facts.items()
                                        if f["classification"] == "agreement" and fid not in sc["found"]),
            "false": sc["false_examples"], "traps": sc["traps"], "coverage": sc["coverage"],
            # a figure's span no statement-table row of its kind covers
            "unextracted": sorted(f"{f['kind']} {slug}: {f['claims'][slug].get('as_written')}"
                                  for fid, f in ev.facts.items() if f["kind"] in NUMERIC
                                  for slug in f["claims"] if (fid, slug) not in sc["extracted"])}
    a = totals["all"]
    rows.append(["TOTAL", n_sources, n_facts, _pct(a["discrepancy_found"], a["discrepancy"]),
                 _pct(a["correct"], a["reported"]), _pct(a["agreement_found"], a["agreement"]),
                 _pct(a["single_source_found"], a["single_source"]), a["traps"]])
    print(tabulate(rows, headers=["event", "sources", "facts", "discrepancy recall", "precision",
                                  "agreement recall", "single-source recall", "traps"]))
    print()
    krows = []
    for kind in KINDS:
        k = by_kind.get(kind)
        if not k:
            continue
        krows.append([kind, _pct(k["discrepancy_found"], k["discrepancy"]),
                      _pct(k["agreement_found"], k["agreement"]),
                      _pct(k["single_source_found"], k["single_source"]),
                      _pct(k["spans_extracted"], k["spans"])])
    print(tabulate(krows, headers=["kind", "discrepancy recall", "agreement recall",
                                   "single-source recall", "spans extracted"]))
    sev = totals["severity"]
    print("\ndiscrepancy recall by severity: " + ", ".join(
        f"{s} {_pct(sev[s + '_found'], sev[s])}" for s in ("material", "rounding", "wording", "partial_list")
        if sev[s]))
    if totals["false"]:
        print("false discrepancies: " + ", ".join(f"{n} {why}" for why, n in totals["false"].most_common()))
    if verbose:
        for name, d in detail.items():
            print(f"\n## {name}")
            print("  found:  " + (", ".join(d["found"]) or "-"))
            print("  missed: " + (", ".join(d["missed"]) or "-"))
            print("  agreements missed: " + (", ".join(d["missed_agreements"]) or "-"))
            for line in d["false"]:
                print("  false:  " + line)
            for line in d["traps"]:
                print("  trap:   " + line)
            for line in d["unextracted"]:
                print("  not extracted: " + line)
    return {"events": len(docs), "sources": n_sources, "facts": n_facts, "totals": dict(a),
            "by_kind": {k: dict(v) for k, v in by_kind.items()}, "severity": dict(sev),
            "false": dict(totals["false"]), "detail": detail}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("excerpts", type=Path, help="folder holding one sub-folder of excerpts per event")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of gold YAML files")
    ap.add_argument("--event", action="append", default=[], help="score only this event (repeatable)")
    ap.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list found, missed and false findings")
    args = ap.parse_args(argv)
    if not args.excerpts.is_dir():
        print(f"real_eval: error: {args.excerpts}: not a folder", file=sys.stderr)
        return 2
    result = evaluate(args.excerpts, args.gold, args.event, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, sort_keys=True, default=sorted) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
