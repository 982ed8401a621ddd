"""Benchmark: checker at newsroom scale, against its own floor.

    python benchmarks/run.py                    # N = 2, 10, 100, 500, 1000
    python benchmarks/run.py --quick            # N = 2, 10, 100
    python benchmarks/run.py --sizes 2,10,100 --no-cli --out /tmp/r.json

For each N a synthetic story (benchmarks/corpus.py, seeded) is written to a
temporary folder, then a *fresh* Python process runs the pipeline stages in
process (load, extract, align, rules, report) so peak RSS is per size. Peak
memory is ``resource.getrusage(...).ru_maxrss`` (the kernel's high-water mark
of resident memory: RUSAGE_SELF for the stages, RUSAGE_CHILDREN for any
extraction pool workers; tracemalloc is not used, it would slow the run). The
same process then times the floor: one raw ``rapidfuzz.process.cdist``
(token_set_ratio, workers=-1) per alignment block over the ``context`` column
of the compared kinds, i.e. exactly the pairs alignment scores. Then the real
command ``python -m checker check <folder> --output <file>`` is timed as a
subprocess (wall time, peak RSS of it and its children via ``os.wait4``).

Also measured in the same run: ``python -c "import pandas, rapidfuzz, click,
tabulate"`` (best of 3) and the seed story (``python -m checker check sources
--output <tmp>``, best of 3). Prints a table and the targets as PASS/FAIL and
writes JSON (default benchmarks/results.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from corpus import DEFAULT_SEED, generate  # noqa: E402

FULL_SIZES = (2, 10, 100, 500, 1000)
QUICK_SIZES = (2, 10, 100)
BARE_IMPORT = "import pandas, rapidfuzz, click, tabulate"
CDIST_ALL_LIMIT = 2500      # one all-vs-all cdist (informative) only up to this many contexts
STAGES = ("load", "extract", "align", "rules", "report")

# targets (2-core machine)
SEED_VS_IMPORT = 1.5
BIG_N, BIG_SECONDS, BIG_MIB = 1000, 30.0, 2048
ALIGN_VS_CDIST = 3.0
DOUBLING = (500, 1000, 2.3)
SMALL_LINES, SMALL_BYTES, SMALL_SECONDS = 4400, 100_000, 10.0  # issue 15: small slow inputs
LARGE_BYTES, LARGE_SECONDS, LARGE_MIB = 1_000_000, 30.0, 2048  # issue 15: a claim-heavy 1 MB story


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _maxrss_mib(who) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def align_args(align, table, ruleset) -> tuple:
    """align's arguments as pipeline.findings_for passes them (the lexicon is newer)."""
    import inspect
    params = inspect.signature(align).parameters
    if "lexicon" in params:
        return table, ruleset.compared_kinds, ruleset.lexicon
    return table, ruleset.compared_kinds


# --- child: one size, in a fresh process -------------------------------------

def child(folder: str, truth_path: str, out_path: str) -> None:
    times, cpu = {}, {}

    def stage(name, fn):
        c0, t0 = _cpu(), time.perf_counter()
        result = fn()
        times[name] = time.perf_counter() - t0
        cpu[name] = _cpu() - c0
        return result

    t0 = time.perf_counter()
    from checker import pipeline
    from checker.records import Report
    from checker.report import render
    from checker.rules import load_rules
    import_s = time.perf_counter() - t0
    ruleset = stage("setup", load_rules)
    sources = stage("load", lambda: pipeline.load([folder]))
    table = stage("extract", lambda: pipeline.extract(sources, ruleset))

    from checker.align import align, block_key
    from checker.rules.engine import decide
    claims = stage("align", lambda: align(*align_args(align, table, ruleset)))
    findings = stage("rules", lambda: decide(claims, ruleset))

    def report():
        rep = Report(story=pipeline.story_name([folder]), sources=tuple(sources), table=table,
                     findings=tuple(findings))
        text = render(rep, "markdown")
        Path(out_path).with_suffix(".md").write_text(text, encoding="utf-8")
        return rep
    rep = stage("report", report)
    peak_self = _maxrss_mib(resource.RUSAGE_SELF)
    peak_children = _maxrss_mib(resource.RUSAGE_CHILDREN)
    json_s = stage("report_json", lambda: len(render(rep, "json")))

    # the floor: one raw cdist per block, over the very strings alignment scores
    import numpy as np
    from rapidfuzz import fuzz, process
    compared = table[table["kind"].isin(ruleset.compared_kinds) & table["resolved"].astype(bool)]
    try:
        blocks = block_key(compared["kind"], compared["unit"])
    except TypeError:  # a changed signature: block by kind
        blocks = compared["kind"]
    groups = [g["context"].fillna("").astype(str).tolist() for _, g in compared.groupby(blocks, sort=True)]
    pairs = sum(len(g) ** 2 for g in groups)
    best = float("inf")
    for _ in range(3 if pairs < 20_000_000 else 1):
        t = time.perf_counter()
        for ctx in groups:
            process.cdist(ctx, ctx, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1)
        best = min(best, time.perf_counter() - t)
    all_ctx = compared["context"].fillna("").astype(str).tolist()
    cdist_all = None
    if len(all_ctx) <= CDIST_ALL_LIMIT:
        t = time.perf_counter()
        process.cdist(all_ctx, all_ctx, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1)
        cdist_all = time.perf_counter() - t

    from evaluate import from_findings, score
    truth = json.loads(Path(truth_path).read_text(encoding="utf-8"))
    quality = score(from_findings(findings, sources), truth)
    e2e = sum(times[s] for s in ("setup",) + STAGES)
    n_claims = int((table["kind"] != "statement").sum())
    out = {
        "n_sources": len(sources),
        "words": sum(len(s.text.split()) for s in sources),
        "rows": len(table),
        "claims": n_claims,
        "compared_claims": len(compared),
        "blocks": {str(k): int(v) for k, v in blocks.value_counts().sort_index().items()},
        "groups": int(claims["group"].nunique()) if len(claims) else 0,
        "import_s": import_s,
        "times_s": times,
        "cpu_s": cpu,
        "e2e_s": e2e,
        "claims_per_s": n_claims / e2e if e2e else None,
        "peak_rss_mib": peak_self,
        "peak_rss_children_mib": peak_children,
        "cdist_block_pairs": pairs,
        "cdist_blocks_s": best,
        "cdist_all_contexts": len(all_ctx),
        "cdist_all_s": cdist_all,
        "align_vs_cdist": times["align"] / best if best > 0 else None,
        "quality": quality,
    }
    Path(out_path).write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")


# --- parent -------------------------------------------------------------------

ENV = dict(os.environ)


def bytecode_cache(folder: Path) -> None:
    """Let timed subprocesses keep compiled modules, as an installed package does.

    Some sandboxes set PYTHONDONTWRITEBYTECODE, so every start would recompile
    checker's sources (~0.1 s). Compiled files go to a private cache folder
    (PYTHONPYCACHEPREFIX), never into the source tree; warm-up runs fill it.
    """
    ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    ENV["PYTHONPYCACHEPREFIX"] = str(folder)


def _run_rusage(cmd: list[str], cwd=ROOT, timeout=None) -> tuple[float, float, int, str]:
    """Run ``cmd``; wall time and peak RSS (MiB) of it and the children it waited for."""
    with tempfile.TemporaryFile() as errf:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errf, env=ENV)
        deadline = None if timeout is None else t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline and time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                return time.perf_counter() - t0, usage.ru_maxrss / 1024, -9, "timeout"
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")[-2000:]
    return wall, usage.ru_maxrss / 1024, proc.returncode, err


def best_of(cmd: list[str], k: int = 3, cwd=ROOT) -> dict:
    _run_rusage(cmd, cwd=cwd)  # warm-up: file cache and bytecode cache
    runs = [_run_rusage(cmd, cwd=cwd) for _ in range(k)]
    ok = [r for r in runs if r[2] in (0, 1)]
    return {"cmd": " ".join(cmd), "best_s": min(r[0] for r in ok) if ok else None,
            "runs_s": [round(r[0], 4) for r in runs], "peak_rss_mib": max(r[1] for r in runs),
            "exit_codes": [r[2] for r in runs], "stderr": next((r[3] for r in runs if r[2] not in (0, 1)), "")}


def measure_size(n: int, seed: int, work: Path, cli: bool, timeout: float) -> dict:
    folder = work / f"story{n}"
    t0 = time.perf_counter()
    story = generate(n, seed)
    story.write(folder)
    gen_s = time.perf_counter() - t0
    truth = work / f"story{n}.truth.json"
    out = work / f"result{n}.json"
    wall, rss, rc, err = _run_rusage(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(folder), str(truth), str(out)],
        timeout=timeout)
    if rc != 0 or not out.exists():
        return {"n": n, "error": f"child exit {rc}: {err.strip().splitlines()[-1] if err.strip() else ''}",
                "stderr": err}
    res = json.loads(out.read_text(encoding="utf-8"))
    res.update({"n": n, "generate_s": gen_s, "child_wall_s": wall})
    if cli:
        cmd = [sys.executable, "-m", "checker", "check", str(folder), "--output", str(work / f"cli{n}.md")]
        cwall, crss, crc, cerr = _run_rusage(cmd, timeout=timeout)
        res["cli"] = {"cmd": "python -m checker check <story> --output <tmp>", "wall_s": cwall,
                      "peak_rss_mib": crss, "exit_code": crc,
                      "error": cerr.strip().splitlines()[-1] if crc not in (0, 1) and cerr.strip() else None}
    return res


def small_claim_heavy(lines: int = SMALL_LINES) -> str:
    """One article under 100 KB of short lines, each a different count: every
    claim is its own finding (the per-finding work of the rules stage)."""
    return "".join(f"Crews saw {1000 + 7 * n} boats.\n" for n in range(lines))


def large_claim_heavy(size: int = LARGE_BYTES, parts: int = 2) -> list[str]:
    """``parts`` articles, ``size`` bytes in all, one count a line (about
    20,000 claims a megabyte): with two, one alignment block of every count,
    the case whose n×n matrices grew quadratically before tiling."""
    nouns = ("boats", "homes", "workers", "votes", "trucks", "cars", "schools", "beds")
    lines = [f"Crews in zone {n % 97} saw {1000 + 7 * n} {nouns[n % len(nouns)]} today.\n"
             for n in range(size // 35)]
    text = "".join(lines)[:size].rsplit("\n", 1)[0] + "\n"
    cut = [0] + [text.rfind("\n", 0, len(text) * k // parts) + 1 for k in range(1, parts)] + [len(text)]
    return [text[a:b] for a, b in zip(cut, cut[1:])]


def measure_large(work: Path, timeout: float, size: int = LARGE_BYTES, parts: int = 2) -> dict:
    folder = work / f"large-claim-heavy-{size}-{parts}"
    folder.mkdir(parents=True, exist_ok=True)
    texts = large_claim_heavy(size, parts)
    for n, text in enumerate(texts):
        (folder / f"{chr(97 + n)}.txt").write_text(text, encoding="utf-8")
    cmd = [sys.executable, "-m", "checker", "check", str(folder), "--output", str(work / "large.md")]
    wall, rss, rc, err = _run_rusage(cmd, timeout=timeout)
    return {"bytes": sum(len(t.encode()) for t in texts), "articles": parts,
            "claims": sum(t.count("\n") for t in texts), "wall_s": wall, "peak_rss_mib": rss,
            "exit_code": rc, "error": err.strip().splitlines()[-1] if rc not in (0, 1) and err.strip() else None}


def measure_small(work: Path, timeout: float) -> dict:
    folder = work / "small-claim-heavy"
    folder.mkdir(parents=True, exist_ok=True)
    text = small_claim_heavy()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    cmd = [sys.executable, "-m", "checker", "check", str(folder), "--output", str(work / "small.md")]
    wall, rss, rc, err = _run_rusage(cmd, timeout=timeout)
    return {"lines": SMALL_LINES, "bytes": len(text.encode()), "wall_s": wall, "peak_rss_mib": rss,
            "exit_code": rc, "error": err.strip().splitlines()[-1] if rc not in (0, 1) and err.strip() else None}


def targets(doc: dict) -> list[dict]:
    out = []
    small = doc.get("small_claim_heavy")
    if small:
        ok = small["exit_code"] in (0, 1)
        out.append({"target": f"claim-heavy article of {small['bytes']:,} bytes ({small['lines']:,} counts) "
                              f"< {SMALL_SECONDS:.0f}s",
                    "value": f"{small['wall_s']:.2f}s, {small['peak_rss_mib']:.0f} MiB" if ok
                    else f"exit {small['exit_code']}: {small['error']}",
                    "pass": ok and small["wall_s"] < SMALL_SECONDS})
    for large in doc.get("large_claim_heavy") or []:
        ok = large["exit_code"] in (0, 1)
        what = (f"claim-heavy {'article' if large['articles'] == 1 else 'story of two articles'} of "
                f"{large['bytes']:,} bytes ({large['claims']:,} counts)")
        value = (f"{large['wall_s']:.1f}s, {large['peak_rss_mib']:.0f} MiB" if ok
                 else f"exit {large['exit_code']}: {large['error']}")
        if large["bytes"] <= LARGE_BYTES:
            out.append({"target": f"{what} < {LARGE_SECONDS:.0f}s", "value": value,
                        "pass": ok and large["wall_s"] < LARGE_SECONDS})
        out.append({"target": f"{what}: peak memory < {LARGE_MIB / 1024:.0f} GiB", "value": value,
                    "pass": ok and large["peak_rss_mib"] < LARGE_MIB})
    floor, seed = doc["floor"]["bare_import"], doc["seed_story"]
    if seed.get("best_s") and floor.get("best_s"):
        r = seed["best_s"] / floor["best_s"]
        out.append({"target": f"seed story end to end <= {SEED_VS_IMPORT}x bare import",
                    "value": f"{seed['best_s']:.3f}s / {floor['best_s']:.3f}s = {r:.2f}x",
                    "pass": r <= SEED_VS_IMPORT})
    else:
        out.append({"target": f"seed story end to end <= {SEED_VS_IMPORT}x bare import",
                    "value": "seed check failed: " + (seed.get("stderr") or "").strip()[-200:], "pass": False})
    sizes = {r["n"]: r for r in doc["sizes"] if "error" not in r}
    big = sizes.get(BIG_N)
    if big:
        wall = big["cli"]["wall_s"] if big.get("cli", {}).get("exit_code") in (0, 1) else big["e2e_s"] + big["import_s"]
        rss = max(big["peak_rss_mib"] + big["peak_rss_children_mib"],
                  big.get("cli", {}).get("peak_rss_mib", 0.0))
        q = big["quality"]
        out.append({"target": f"{BIG_N} sources end to end < {BIG_SECONDS:.0f}s", "value": f"{wall:.2f}s",
                    "pass": wall < BIG_SECONDS})
        out.append({"target": f"{BIG_N} sources peak memory < {BIG_MIB / 1024:.0f} GiB",
                    "value": f"{rss:.0f} MiB", "pass": rss < BIG_MIB})
        out.append({"target": f"{BIG_N} sources: 100% planted discrepancies found, none false",
                    "value": f"{q['found']}/{q['planted']} found, {q['false_discrepancies']} false",
                    "pass": q["found"] == q["planted"] and q["false_discrepancies"] == 0})
    else:
        out.append({"target": f"{BIG_N} sources (time, memory, correctness)", "value": "not measured", "pass": None})
    if sizes:
        n = max(sizes)
        r = sizes[n]["align_vs_cdist"]
        out.append({"target": f"alignment <= {ALIGN_VS_CDIST:.0f}x raw cdist (N={n})",
                    "value": f"{sizes[n]['times_s']['align']:.3f}s / {sizes[n]['cdist_blocks_s']:.3f}s = {r:.2f}x",
                    "pass": r <= ALIGN_VS_CDIST})
    a, b, limit = DOUBLING
    if a in sizes and b in sizes:
        r = sizes[b]["e2e_s"] / sizes[a]["e2e_s"]
        out.append({"target": f"N {a} -> {b}: time x <= {limit}", "value": f"{r:.2f}x", "pass": r <= limit})
    else:
        out.append({"target": f"N {a} -> {b}: time x <= {limit}", "value": "not measured", "pass": None})
    ok_all = [r for r in sizes.values()]
    bad = [r["n"] for r in ok_all if r["quality"]["recall"] < 1 or r["quality"]["false_discrepancies"]]
    out.append({"target": "every size: all planted discrepancies found, none false",
                "value": "all sizes" if not bad else f"fails at N={bad}", "pass": not bad if ok_all else None})
    return out


def table_rows(doc: dict) -> list[list]:
    rows = []
    for r in doc["sizes"]:
        if "error" in r:
            rows.append([r["n"], "ERROR: " + r["error"][:80]])
            continue
        t, q = r["times_s"], r["quality"]
        cli = r.get("cli", {})
        rows.append([
            r["n"], r["claims"], f"{t['load']:.3f}", f"{t['extract']:.3f}", f"{t['align']:.3f}",
            f"{t['rules']:.3f}", f"{t['report']:.3f}", f"{r['e2e_s']:.3f}",
            f"{cli['wall_s']:.2f}" if cli.get("exit_code") in (0, 1) else "-",
            f"{cli['vs_bare_import']:.1f}" if cli.get("vs_bare_import") else "-",
            f"{r['claims_per_s']:.0f}",
            f"{r['peak_rss_mib'] + r['peak_rss_children_mib']:.0f}",
            f"{r['cdist_blocks_s']:.3f}", f"{r['align_vs_cdist']:.1f}",
            f"{q['found']}/{q['planted']}", f"{q['precision']:.2f}",
        ])
    return rows


HEADERS = ["N", "claims", "load s", "extract s", "align s", "rules s", "report s", "e2e s",
           "cli s", "cli/import", "claims/s", "peak MiB", "cdist s", "align/cdist", "found", "precision"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="checker benchmark")
    ap.add_argument("--sizes", help="comma-separated source counts (default 2,10,100,500,1000)")
    ap.add_argument("--quick", action="store_true", help="sizes 2,10,100")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", default=str(HERE / "results.json"), help="JSON results file")
    ap.add_argument("--no-cli", action="store_true", help="skip the per-size `python -m checker check` run")
    ap.add_argument("--no-floor", action="store_true", help="skip bare-import and seed-story timings")
    ap.add_argument("--no-small", action="store_true",
                    help="skip the small claim-heavy article (under 100 KB, one finding per claim)")
    ap.add_argument("--large", type=int, metavar="BYTES", nargs="?", const=LARGE_BYTES,
                    help="also run a claim-heavy article of BYTES (default 1 MB), then the same text "
                         "as two articles of one story")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus folder")
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="keep the caller's PYTHONDONTWRITEBYTECODE (recompile modules at every start)")
    ap.add_argument("--timeout", type=float, default=900.0, help="per-process limit in seconds")
    ap.add_argument("--child", nargs=3, metavar=("FOLDER", "TRUTH", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(QUICK_SIZES if args.quick else FULL_SIZES)
    from tabulate import tabulate

    work = Path(tempfile.mkdtemp(prefix="checker-bench-"))
    if not args.no_bytecode_cache:
        bytecode_cache(work / "pycache")
    doc = {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count(),
           "seed": args.seed, "sizes_requested": sizes, "work": str(work) if args.keep else None,
           "bytecode_cache": not args.no_bytecode_cache,
           "load_average_before": os.getloadavg(),
           "peak_memory": "resource.getrusage ru_maxrss (RUSAGE_SELF + RUSAGE_CHILDREN in the child; "
                          "os.wait4 rusage for the CLI)", "floor": {}, "seed_story": {}, "sizes": []}
    try:
        if not args.no_floor:
            doc["floor"]["bare_import"] = best_of([sys.executable, "-c", BARE_IMPORT])
            print(f"bare import: {doc['floor']['bare_import']['best_s']:.3f}s", flush=True)
            seed_out = work / "seed.md"
            doc["seed_story"] = best_of([sys.executable, "-m", "checker", "check", "sources",
                                         "--output", str(seed_out)])
            s = doc["seed_story"]
            print(f"seed story: {s['best_s']:.3f}s" if s["best_s"] else f"seed story failed: {s['stderr'][-300:]}",
                  flush=True)
        if not args.no_small:
            doc["small_claim_heavy"] = small = measure_small(work, args.timeout)
            print(f"small claim-heavy article ({small['bytes']:,} bytes): {small['wall_s']:.2f}s, "
                  f"{small['peak_rss_mib']:.0f} MiB, exit {small['exit_code']}", flush=True)
        if args.large:
            doc["large_claim_heavy"] = []
            for parts in (1, 2):  # one article; the same text as two articles of one story
                large = measure_large(work, args.timeout, args.large, parts)
                doc["large_claim_heavy"].append(large)
                print(f"large claim-heavy, {parts} article(s), {large['bytes']:,} bytes, "
                      f"{large['claims']:,} counts: {large['wall_s']:.1f}s, {large['peak_rss_mib']:.0f} MiB, "
                      f"exit {large['exit_code']}", flush=True)
        for n in sizes:
            t0 = time.perf_counter()
            res = measure_size(n, args.seed, work, cli=not args.no_cli, timeout=args.timeout)
            doc["sizes"].append(res)
            msg = res.get("error") or f"e2e {res['e2e_s']:.2f}s, found {res['quality']['found']}/{res['quality']['planted']}"
            print(f"N={n}: {msg} ({time.perf_counter() - t0:.1f}s)", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    doc["load_average_after"] = os.getloadavg()
    if not args.no_floor:
        doc["targets"] = targets(doc)
        imp = doc["floor"]["bare_import"]["best_s"]
        for r in doc["sizes"]:
            if "error" not in r and imp:
                r["e2e_vs_bare_import"] = r["e2e_s"] / imp
                if r.get("cli", {}).get("exit_code") in (0, 1):
                    r["cli"]["vs_bare_import"] = r["cli"]["wall_s"] / imp
    else:
        doc["targets"] = []
    print()
    print(tabulate(table_rows(doc), headers=HEADERS, tablefmt="github"))
    print()
    if doc["floor"]:
        print(f"floor: bare import {doc['floor']['bare_import']['best_s']:.3f}s (best of 3); "
              f"raw cdist per size in the table (token_set_ratio, workers=-1, same blocks as alignment)")
    print("load average before/after (1 min): %.2f / %.2f on %s CPUs (other processes share the machine)"
          % (doc["load_average_before"][0], doc["load_average_after"][0], doc["cpus"]))
    for t in doc["targets"]:
        mark = {True: "PASS", False: "FAIL", None: "SKIP"}[t["pass"]]
        print(f"[{mark}] {t['target']}: {t['value']}")
    Path(args.out).write_text(json.dumps(doc, indent=1, default=str), encoding="utf-8")
    print(f"\nresults: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
