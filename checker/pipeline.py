"""The check pipeline as named stages: load -> extract -> align -> decide."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from checker.errors import CheckerError
from checker.records import Finding, Report, Source

FAIL_ON = ("discrepancy", "warning", "single_source", "unsupported", "never")
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
    claims = align(table, ruleset.compared_kinds, ruleset.lexicon)
    return decide(claims, ruleset)


def check(paths: Sequence[str], ruleset, max_bytes: int = 5_000_000) -> Report:
    sources = load(paths, max_bytes)
    drafts = [s for s in sources if s.role == "draft"]
    if len(drafts) > 1:
        raise CheckerError(f"more than one article has role: draft ({drafts[0].id}, {drafts[1].id})",
                           path=drafts[1].path, hint="mark one draft per story")
    if drafts:
        others = [s for s in sources if s is not drafts[0]]
        return _draft_report(drafts[0], others, ruleset, story_name(paths), omissions=True)
    table = extract(sources, ruleset)
    findings = findings_for(table, ruleset)
    notes = ()
    if len(sources) == 1:
        notes = (f"only one source ({sources[0].id}): every claim is single-source",)
    return Report(story=story_name(paths), sources=tuple(sources), table=table,
                  findings=tuple(findings), notes=notes)


def check_draft(draft: str, paths: Sequence[str], ruleset, max_bytes: int = 5_000_000,
                omissions: bool = True) -> Report:
    """Draft mode: every claim of ``draft`` against the sources in ``paths``."""
    draft_source = load([draft], max_bytes)[0]
    others = [s for s in load(paths, max_bytes)
              if Path(s.path).resolve() != Path(draft_source.path).resolve()]
    return _draft_report(draft_source, others, ruleset, story_name(paths), omissions)


def _draft_report(draft_source: Source, others: Sequence[Source], ruleset, story: str,
                  omissions: bool) -> Report:
    from checker.align import align
    from checker.draft import judge
    if not others:
        raise CheckerError("no sources to check the draft against", path=draft_source.path,
                           hint="give the source articles after the draft")
    if draft_source.id in {s.id for s in others}:
        raise CheckerError(f"a source has the same id as the draft ({draft_source.id})",
                           path=draft_source.path, hint="rename one of them")
    sources = [draft_source, *others]
    table = extract(sources, ruleset)
    claims = align(table, ruleset.compared_kinds, ruleset.lexicon)
    findings, omitted = judge(claims, draft_source.id, ruleset)
    return Report(story=story, sources=tuple(sources), table=table, findings=tuple(findings),
                  mode="draft", omissions=tuple(omitted) if omissions else (), draft=draft_source.id)


def failing(findings: Sequence[Finding], fail_on: str) -> list[Finding]:
    """The findings at or above the fail level (accepted/suppressed ones never fail)."""
    live = [f for f in findings if f.status == "new"]
    if fail_on == "never":
        return []
    contradicted = [f for f in live if f.verdict == "contradicted"]
    if fail_on == "unsupported":  # stricter than the default: unsourced claims fail too
        return contradicted + [f for f in live if f.verdict == "unsupported"
                               or (f.verdict == "discrepancy" and f.level == "error")]
    if fail_on == "discrepancy":
        return contradicted + [f for f in live if f.verdict == "discrepancy" and f.level == "error"]
    if fail_on == "warning":
        return contradicted + [f for f in live if f.verdict == "discrepancy" and f.level in ("error", "warning")]
    if fail_on == "single_source":
        return contradicted + [f for f in live if f.verdict in ("discrepancy", "single_source", "unsupported")]
    raise ValueError(fail_on)


def with_statuses(report: Report, ruleset, baseline_entries=None,
                  baseline_name: str = "the baseline") -> Report:
    """Mark inline-suppressed findings (checker.suppress) and baselined ones
    (checker.baseline, when entries are given); notes for unused comments and
    stale baseline entries."""
    import dataclasses
    from checker import baseline, suppress
    found = suppress.scan_all(report.sources)
    suppress.check_rules(found, (r.id for r in ruleset.rules))
    findings, notes = suppress.apply(report.findings, found)
    report = dataclasses.replace(report, findings=tuple(findings), notes=report.notes + tuple(notes))
    if baseline_entries is not None:
        report = baseline.apply(report, baseline_entries, baseline_name)
    return report
