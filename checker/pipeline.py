"""The check pipeline as named stages: load -> extract -> align -> decide."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from checker.records import Finding, Report, Source

FAIL_ON = ("discrepancy", "warning", "single_source", "never")
DEFAULT_SOURCES = "sources"


def story_name(paths: Sequence[str]) -> str:
    """The story's name: the folder checked, or the folder of the files checked."""
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return Path(paths[0]).resolve().name
    parents = {Path(p).resolve().parent.name for p in paths}
    return parents.pop() if len(parents) == 1 else "story"


def load(paths: Sequence[str], max_bytes: int = 5_000_000) -> list[Source]:
    from checker.sources import load_sources
    return load_sources(list(paths), max_bytes=max_bytes)


def extract(sources: Sequence[Source], ruleset):
    from checker.extract import extract as run
    return run(sources, ruleset.lexicon)


def findings_for(table, ruleset) -> list[Finding]:
    from checker.align import align
    from checker.rules.engine import decide
    claims = align(table, ruleset.compared_kinds)
    return decide(claims, ruleset)


def check(paths: Sequence[str], ruleset, max_bytes: int = 5_000_000) -> Report:
    sources = load(paths, max_bytes)
    table = extract(sources, ruleset)
    findings = findings_for(table, ruleset)
    notes = ()
    if len(sources) == 1:
        notes = (f"only one source ({sources[0].id}): every claim is single-source",)
    return Report(story=story_name(paths), sources=tuple(sources), table=table,
                  findings=tuple(findings), notes=notes)


def failing(findings: Sequence[Finding], fail_on: str) -> list[Finding]:
    """The findings at or above the fail level (accepted/suppressed ones never fail)."""
    live = [f for f in findings if f.status == "new"]
    if fail_on == "never":
        return []
    if fail_on == "discrepancy":
        return [f for f in live if f.verdict in ("discrepancy", "contradicted") and f.level == "error"]
    if fail_on == "warning":
        return [f for f in live if f.verdict in ("discrepancy", "contradicted") and f.level in ("error", "warning")]
    if fail_on == "single_source":
        return [f for f in live if f.verdict in ("discrepancy", "contradicted", "single_source", "unsupported")]
    if fail_on == "unsupported":
        return [f for f in live if f.verdict in ("contradicted", "unsupported")]
    raise ValueError(fail_on)
