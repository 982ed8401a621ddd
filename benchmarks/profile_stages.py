"""Profile each pipeline stage on a generated story (cProfile).

    python benchmarks/profile_stages.py 100               # top 15 by own time, per stage
    python benchmarks/profile_stages.py 1000 --top 25 --dump /tmp/prof   # + .prof files

Open a dump with ``python -m pstats /tmp/prof/align.prof`` (or snakeviz).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from corpus import DEFAULT_SEED, generate  # noqa: E402
from run import align_args  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--sort", default="tottime", choices=["tottime", "cumulative"])
    ap.add_argument("--dump", help="folder for <stage>.prof files")
    args = ap.parse_args(argv)

    from checker import pipeline
    from checker.align import align
    from checker.records import Report
    from checker.report import render
    from checker.rules import load_rules
    from checker.rules.engine import decide

    work = Path(tempfile.mkdtemp(prefix="checker-prof-"))
    generate(args.n, args.seed).write(work / "story")
    folder = str(work / "story")
    ruleset = load_rules()
    state: dict = {}
    stages = [
        ("load", lambda: state.__setitem__("sources", pipeline.load([folder]))),
        ("extract", lambda: state.__setitem__("table", pipeline.extract(state["sources"], ruleset))),
        ("align", lambda: state.__setitem__("claims", align(*align_args(align, state["table"], ruleset)))),
        ("rules", lambda: state.__setitem__("findings", decide(state["claims"], ruleset))),
        ("report", lambda: state.__setitem__("md", render(Report(
            story="story", sources=tuple(state["sources"]), table=state["table"],
            findings=tuple(state["findings"])), "markdown"))),
    ]
    if args.dump:
        Path(args.dump).mkdir(parents=True, exist_ok=True)
    for name, fn in stages:
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.runcall(fn)
        wall = time.perf_counter() - t0
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats(args.sort)
        stats.print_stats(args.top)
        print(f"==== {name}: {wall:.3f}s under cProfile (N={args.n})")
        body = out.getvalue()
        print(body[body.find("   ncalls"):].rstrip() + "\n")
        if args.dump:
            stats.dump_stats(str(Path(args.dump) / f"{name}.prof"))


if __name__ == "__main__":
    main()
