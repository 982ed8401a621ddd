"""Score checker against the hand-written evaluation set in tests/eval/stories.

Each story folder holds 2-4 articles and a truth.yaml written from the
articles alone (before the checker was run):

    story: one-line description
    unrelated_sources: [stem, ...]      # optional: articles about another event
    facts:
      - id: bid-price
        kind: money
        claims: {source-stem: "raw text as written", ...}
        verdict: agreement | discrepancy | single_source
      - id: never-bid-vs-valuation
        kind: money
        must_not_pair: [{source-a: "raw"}, {source-b: "raw"}]

A truth claim is located in its article by its raw text (outside any front
matter, on word boundaries); a checker claim matches it when the two character
spans overlap in the same source.  Scores:

* fact verdicts: a multi-source fact is *paired* when one finding holds claims
  for at least two of its sources, and *correct* when that finding's verdict
  is the truth verdict; a single-source fact is correct when its claim ends up
  in a single_source finding (not grouped with another source).
* recall per verdict = correct facts / facts with that verdict.
* discrepancy precision = discrepancy findings that hold >= 2 claims of a
  planted discrepancy / all discrepancy findings reported.
* agreement / single_source precision (annotated) = findings of that verdict
  that match a truth fact of that verdict / findings of that verdict touching
  any truth claim.
* must_not_pair violations: one finding holds both claims of a trap.
* unrelated violations: a finding groups a claim of an unrelated article with
  another source.
* extraction recall: truth claims found in the statement table at all.

Usage:  python benchmarks/eval.py [--stories DIR] [--json FILE] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STORIES = ROOT / "tests" / "eval" / "stories"
RESULTS = ROOT / "benchmarks" / "eval_results.json"
ARTICLE_SUFFIXES = {".md", ".txt", ".markdown"}
VERDICTS = ("agreement", "discrepancy", "single_source")
FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(\r?\n|\Z)", re.S)


# --------------------------------------------------------------------------
# truth


@dataclass(frozen=True)
class Span:
    source: str
    raw: str
    start: int
    end: int
    line: int

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


@dataclass
class Fact:
    id: str
    kind: str
    verdict: str | None
    claims: list[Span]
    must_not_pair: list[Span] = field(default_factory=list)
    note: str | None = None


@dataclass
class Story:
    slug: str
    path: Path
    texts: dict[str, str]
    facts: list[Fact]
    unrelated: list[str]


def _line_of(text: str, offset: int) -> int:
    # CRLF, LF and CR each end a line
    return len(re.findall(r"\r\n|\n|\r", text[:offset])) + 1


def _locate(texts: dict[str, str], source: str, raw: str, where: str) -> Span:
    if source not in texts:
        raise ValueError(f"{where}: unknown source {source!r} (have {sorted(texts)})")
    text = texts[source]
    m = FRONT_MATTER.match(text)
    body_start = m.end() if m else 0
    pattern = r"(?<![\w$€£])" + re.escape(raw) + r"(?!\w)"
    hit = re.compile(pattern).search(text, body_start)
    if hit is None:
        raise ValueError(f"{where}: {raw!r} not found in {source}")
    return Span(source, raw, hit.start(), hit.end(), _line_of(text, hit.start()))


def load_story(folder: Path) -> Story:
    texts = {}
    for f in sorted(folder.iterdir()):
        if f.suffix.lower() in ARTICLE_SUFFIXES:
            # the checker's own decoding: BOM removed, cp1252 fallback, line ends kept
            from checker.sources import decode
            texts[f.stem] = decode(f.read_bytes(), f)
    truth = yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8"))
    facts = []
    for item in truth["facts"]:
        where = f"{folder.name}/truth.yaml:{item['id']}"
        claims = [_locate(texts, s, r, where) for s, r in (item.get("claims") or {}).items()]
        mnp = []
        for pair in item.get("must_not_pair") or []:
            ((s, r),) = pair.items()
            mnp.append(_locate(texts, s, r, where))
        verdict = item.get("verdict")
        if claims and verdict not in VERDICTS:
            raise ValueError(f"{where}: bad verdict {verdict!r}")
        facts.append(Fact(item["id"], item.get("kind", "?"), verdict, claims, mnp, item.get("note")))
    return Story(folder.name, folder, texts, facts, list(truth.get("unrelated_sources") or []))


def load_stories(root: Path = STORIES) -> list[Story]:
    return [load_story(d) for d in sorted(root.iterdir()) if (d / "truth.yaml").is_file()]


# --------------------------------------------------------------------------
# running the checker


@dataclass(frozen=True)
class CClaim:
    source: str
    start: int
    end: int
    line: int
    raw: str
    kind: str
    value: object

    def show(self) -> str:
        return f"{self.source}:{self.line} `{self.raw}` ({self.kind}={self.value!r})"


@dataclass
class CFinding:
    index: int
    verdict: str
    kind: str
    topic: str | None
    claims: list[CClaim]

    def show(self) -> str:
        return f"{self.verdict} {self.kind} [" + "; ".join(c.show() for c in self.claims) + "]"


def run_checker(story: Story) -> tuple[list[CFinding], list[CClaim]]:
    from checker import pipeline
    from checker.rules import load_rules

    report = pipeline.check([str(story.path)], load_rules())
    findings = []
    for i, f in enumerate(report.findings):
        claims = [
            CClaim(c.source, int(c.start), int(c.end), int(c.line), c.raw, c.kind, c.value)
            for c in f.claims
        ]
        findings.append(CFinding(i, f.verdict, f.kind, getattr(f, "topic", None), claims))
    table = []
    df = report.table
    if df is not None:
        for row in df.itertuples(index=False):
            if row.kind == "statement":
                continue
            table.append(CClaim(row.source, int(row.start), int(row.end), int(row.line), row.raw, row.kind, row.value))
    return findings, table


# --------------------------------------------------------------------------
# scoring


def _overlaps(span: Span, claim: CClaim) -> bool:
    return span.source == claim.source and claim.start < span.end and span.start < claim.end


def _covered(fact_claims: list[Span], finding: CFinding) -> set[str]:
    return {s.source for s in fact_claims if any(_overlaps(s, c) for c in finding.claims)}


def _sources(finding: CFinding) -> set[str]:
    return {c.source for c in finding.claims}


def score_story(story: Story, findings: list[CFinding], table: list[CClaim]) -> dict:
    misses: list[dict] = []
    facts_out = []
    verdict_facts = [f for f in story.facts if f.claims]

    def extracted(span: Span) -> CClaim | None:
        return next((c for c in table if _overlaps(span, c)), None)

    def placement(span: Span) -> str:
        hit = [f for f in findings if any(_overlaps(span, c) for c in f.claims)]
        if not hit:
            c = extracted(span)
            return f"{span.where} `{span.raw}` " + (
                f"extracted as {c.kind}={c.value!r} but in no finding" if c else "NOT EXTRACTED")
        return f"{span.where} `{span.raw}` -> " + " | ".join(f.show() for f in hit)

    # --- fact verdicts
    for fact in verdict_facts:
        res = {"id": fact.id, "kind": fact.kind, "truth": fact.verdict,
               "where": [s.where for s in fact.claims]}
        if len(fact.claims) >= 2:
            best, best_cov = None, set()
            for f in findings:
                cov = _covered(fact.claims, f)
                key = (len(cov), f.verdict == fact.verdict)
                if best is None or key > (len(best_cov), best.verdict == fact.verdict):
                    best, best_cov = f, cov
            paired = len(best_cov) >= 2
            res.update(paired=paired, complete=best_cov == {s.source for s in fact.claims},
                       got=best.verdict if paired else None,
                       correct=paired and best.verdict == fact.verdict)
            if not res["correct"]:
                if paired:
                    why = (f"grouped ({len(best_cov)}/{len(fact.claims)} sources) but verdict "
                           f"{best.verdict}, expected {fact.verdict}: {best.show()}")
                else:
                    why = "not paired: " + "; ".join(placement(s) for s in fact.claims)
                misses.append({"type": f"missed {fact.verdict}", "fact": fact.id,
                               "where": res["where"], "why": why})
        else:
            span = fact.claims[0]
            hit = [f for f in findings if any(_overlaps(span, c) for c in f.claims)]
            multi = [f for f in hit if len(_sources(f)) > 1]
            ok = bool(hit) and not multi and any(f.verdict == "single_source" for f in hit)
            res.update(paired=False, complete=ok, got=(multi[0].verdict if multi else
                       (hit[0].verdict if hit else None)), correct=ok)
            if not ok:
                why = ("wrongly grouped with other sources: " + " | ".join(f.show() for f in multi)
                       if multi else placement(span))
                misses.append({"type": "missed single_source", "fact": fact.id,
                               "where": res["where"], "why": why})
        facts_out.append(res)

    # --- precision per verdict
    def fact_match(f: CFinding, verdict: str | None = None) -> list[Fact]:
        out = []
        for fact in verdict_facts:
            if verdict and fact.verdict != verdict:
                continue
            cov = _covered(fact.claims, f)
            need = 2 if len(fact.claims) >= 2 else 1
            if len(cov) >= need:
                out.append(fact)
        return out

    def touches_truth(f: CFinding) -> bool:
        return any(_covered(fact.claims, f) for fact in verdict_facts)

    prec = {}
    false_positives = []
    for verdict in VERDICTS:
        reported = [f for f in findings if f.verdict == verdict]
        annotated = [f for f in reported if touches_truth(f)]
        tp = []
        for f in reported:
            m = fact_match(f, verdict)
            if verdict == "single_source":
                m = [x for x in m if len(_sources(f)) == 1]
            if m:
                tp.append(f)
        prec[verdict] = {"reported": len(reported), "annotated": len(annotated), "true": len(tp)}
        if verdict == "discrepancy":
            for f in reported:
                if f in tp:
                    continue
                facts_hit = sorted({fa.id for fa in verdict_facts if _covered(fa.claims, f)})
                false_positives.append({
                    "type": "false discrepancy",
                    "where": [f"{c.source}:{c.line}" for c in f.claims],
                    "why": (f"touches facts {facts_hit}: " if facts_hit else "unannotated claims: ") + f.show(),
                })

    # --- cross-fact mis-pairings (claims of two different truth facts in one multi-source finding)
    mispairs = []
    for f in findings:
        if len(_sources(f)) < 2:
            continue
        owners = {}
        for fact in verdict_facts:
            for s in fact.claims:
                for c in f.claims:
                    if _overlaps(s, c):
                        owners.setdefault(fact.id, set()).add(s.source)
        if len(owners) >= 2 and len(set().union(*owners.values())) >= 2:
            mispairs.append({"facts": sorted(owners), "finding": f.show()})

    # --- must_not_pair
    violations = []
    for fact in story.facts:
        if len(fact.must_not_pair) == 2:
            a, b = fact.must_not_pair
            for f in findings:
                if any(_overlaps(a, c) for c in f.claims) and any(_overlaps(b, c) for c in f.claims):
                    violations.append({"type": "must_not_pair violated", "fact": fact.id,
                                       "where": [a.where, b.where], "why": f.show()})
                    break
    # --- unrelated articles
    unrelated_violations = []
    for f in findings:
        srcs = _sources(f)
        if srcs & set(story.unrelated) and len(srcs) > 1:
            unrelated_violations.append({"type": "unrelated article paired", "verdict": f.verdict,
                                         "where": [f"{c.source}:{c.line}" for c in f.claims],
                                         "why": f.show()})

    # --- extraction recall
    spans = {}
    for fact in story.facts:
        for s in fact.claims + fact.must_not_pair:
            spans[(s.source, s.start)] = s
    not_extracted = [s for s in spans.values() if extracted(s) is None]
    for s in not_extracted:
        misses.append({"type": "not extracted", "fact": None, "where": [s.where], "why": f"`{s.raw}`"})

    counts = {}
    for verdict in VERDICTS:
        fs = [r for r in facts_out if r["truth"] == verdict]
        counts[verdict] = {"facts": len(fs), "correct": sum(r["correct"] for r in fs),
                           "paired": sum(r["paired"] for r in fs)}
    return {
        "story": story.slug,
        "sources": sorted(story.texts),
        "facts": facts_out,
        "counts": counts,
        "precision": prec,
        "extraction": {"truth_claims": len(spans), "extracted": len(spans) - len(not_extracted)},
        "must_not_pair": {"checked": sum(1 for f in story.facts if f.must_not_pair),
                          "violations": violations},
        "unrelated_violations": unrelated_violations,
        "mispairs": mispairs,
        "misses": misses,
        "false_positives": false_positives,
        "findings": len(findings),
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def totals(stories: list[dict]) -> dict:
    t = {}
    for verdict in VERDICTS:
        facts = sum(s["counts"][verdict]["facts"] for s in stories)
        correct = sum(s["counts"][verdict]["correct"] for s in stories)
        paired = sum(s["counts"][verdict]["paired"] for s in stories)
        rep = sum(s["precision"][verdict]["reported"] for s in stories)
        ann = sum(s["precision"][verdict]["annotated"] for s in stories)
        tp = sum(s["precision"][verdict]["true"] for s in stories)
        t[verdict] = {"facts": facts, "correct": correct, "recall": _ratio(correct, facts),
                      "paired": paired, "reported": rep, "true_findings": tp,
                      "precision": _ratio(tp, rep),
                      "precision_annotated": _ratio(tp, ann)}
    ext_n = sum(s["extraction"]["truth_claims"] for s in stories)
    ext_k = sum(s["extraction"]["extracted"] for s in stories)
    t["extraction_recall"] = _ratio(ext_k, ext_n)
    t["extraction"] = {"truth_claims": ext_n, "extracted": ext_k}
    t["must_not_pair_checked"] = sum(s["must_not_pair"]["checked"] for s in stories)
    t["must_not_pair_violations"] = sum(len(s["must_not_pair"]["violations"]) for s in stories)
    t["unrelated_violations"] = sum(len(s["unrelated_violations"]) for s in stories)
    t["unrelated_false_discrepancies"] = sum(
        1 for s in stories for v in s["unrelated_violations"] if v["verdict"] == "discrepancy")
    t["false_discrepancies"] = sum(len(s["false_positives"]) for s in stories)
    t["mispairs"] = sum(len(s["mispairs"]) for s in stories)
    return t


def evaluate(root: Path = STORIES) -> dict:
    started = time.perf_counter()
    results = []
    for story in load_stories(root):
        findings, table = run_checker(story)
        results.append(score_story(story, findings, table))
    return {"stories": results, "totals": totals(results),
            "seconds": round(time.perf_counter() - started, 2)}


# --------------------------------------------------------------------------
# printing


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{100 * x:5.1f}"


def print_report(res: dict, out=sys.stdout) -> None:
    w = out.write
    hdr = f"{'story':<18} {'agr':>7} {'disc':>7} {'single':>7} {'FP-disc':>7} {'extract':>8} {'MNP':>5} {'unrel':>5}\n"
    w(hdr)
    w("-" * (len(hdr) - 1) + "\n")
    for s in res["stories"]:
        c = s["counts"]
        def frac(v):
            return f"{c[v]['correct']}/{c[v]['facts']}"
        e = s["extraction"]
        w(f"{s['story']:<18} {frac('agreement'):>7} {frac('discrepancy'):>7} {frac('single_source'):>7} "
          f"{len(s['false_positives']):>7} {e['extracted']:>3}/{e['truth_claims']:<4} "
          f"{len(s['must_not_pair']['violations']):>2}/{s['must_not_pair']['checked']:<2} "
          f"{len(s['unrelated_violations']):>5}\n")
    t = res["totals"]
    w("\nTOTALS\n")
    for v in VERDICTS:
        x = t[v]
        paired = f", paired {x['paired']}" if v != "single_source" else ""
        w(f"  {v:<14} recall {_pct(x['recall'])}% ({x['correct']}/{x['facts']}{paired})"
          f"   precision {_pct(x['precision'])}% ({x['true_findings']}/{x['reported']} findings)"
          f"   annotated-precision {_pct(x['precision_annotated'])}%\n")
    w("  (precision counts every finding of that verdict; annotated-precision only those touching a truth claim)\n")
    e = t["extraction"]
    w(f"  extraction recall {_pct(t['extraction_recall'])}% ({e['extracted']}/{e['truth_claims']})\n")
    w(f"  must_not_pair violations {t['must_not_pair_violations']}/{t['must_not_pair_checked']}"
      f"   unrelated-article pairings {t['unrelated_violations']}"
      f" (discrepancies {t['unrelated_false_discrepancies']})"
      f"   false discrepancies {t['false_discrepancies']}   cross-fact mis-pairings {t['mispairs']}\n")
    w(f"  time {res['seconds']} s\n")

    w("\nMISSES AND FALSE POSITIVES\n")
    for s in res["stories"]:
        items = (s["misses"] + s["false_positives"] + s["must_not_pair"]["violations"]
                 + s["unrelated_violations"])
        if not items:
            continue
        w(f"\n[{s['story']}]\n")
        for m in items:
            fact = f" {m['fact']}" if m.get("fact") else ""
            w(f"  - {m['type']}{fact} @ {', '.join(m['where'])}\n      {m['why']}\n")
        for m in s["mispairs"]:
            w(f"  - cross-fact pairing {m['facts']}\n      {m['finding']}\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", type=Path, default=STORIES)
    ap.add_argument("--json", type=Path, default=RESULTS)
    ap.add_argument("--quiet", action="store_true", help="only the table and totals")
    args = ap.parse_args(argv)
    res = evaluate(args.stories)
    args.json.write_text(json.dumps(res, indent=2, default=str, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.quiet:
        import io
        buf = io.StringIO()
        print_report(res, buf)
        sys.stdout.write(buf.getvalue().split("\nMISSES AND FALSE POSITIVES")[0] + "\n")
    else:
        print_report(res)
    print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
