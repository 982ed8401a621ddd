"""The check pipeline as named stages: load -> extract -> align -> decide."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from checker.errors import CheckerError
from checker.paths import display, resolved
from checker.records import Finding, Report, Source

from checker.hints import FAIL_ON  # noqa: F401  (re-exported for the CLI)
DEFAULT_SOURCES = "sources"
NOTHING = ("nothing checkable found: the articles state no amount, percentage, count, "
           "year, date or quote")


def story_name(paths: Sequence[str]) -> str:
    """The story's name: the folder checked, or the folder of the files checked."""
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return display(resolved(paths[0]).name)
    parents = {resolved(p).parent.name for p in paths}
    return display(parents.pop()) if len(parents) == 1 else "story"


def load(paths: Sequence[str], max_bytes: int = 5_000_000, exclude=(), published=None) -> list[Source]:
    return load_story(paths, max_bytes, exclude, published)[0]


def load_story(paths: Sequence[str], max_bytes: int = 5_000_000, exclude=(),
               published=None) -> tuple[list[Source], tuple[str, ...]]:
    """(sources sorted by id, so the order of the arguments never changes a report;
    notes on skipped files and articles not in English). ``exclude``: paths
    never read; ``published``: the date of articles that give none (--published)."""
    from checker.sources import load_story as run
    sources, notes = run(list(paths), max_bytes=max_bytes, exclude=exclude, published=published)
    return sorted(sources, key=lambda s: s.id), notes


def extract(sources: Sequence[Source], ruleset):
    """The statement table; an article not in English yields no claims (its
    note is made when it is loaded: checker.language)."""
    from checker.extract import extract as run
    from checker.language import is_english
    return run([s for s in sources if is_english(s)], ruleset.lexicon)


def aligned(table, ruleset):
    """The claims with their ``group`` column; no claims at all give no groups
    (the aligner is never called on an empty table)."""
    from checker.align import align
    if table.empty:
        return table.assign(group=[])
    return align(table, ruleset.compared_kinds, ruleset.lexicon)


def findings_for(table, ruleset) -> list[Finding]:
    from checker.rules.engine import decide
    from checker.align import explain_groups
    claims = aligned(table, ruleset)
    return decide(claims, ruleset, explain_groups(claims, ruleset.lexicon) if len(claims) else {})


def _notes(table, skipped: Sequence[str]) -> tuple[str, ...]:
    return tuple(skipped) + ((NOTHING,) if table.empty else ())


def check(paths: Sequence[str], ruleset, max_bytes: int = 5_000_000, exclude=(),
          published=None) -> Report:
    """Check one story; ``exclude``: paths never read as articles (the reports folder)."""
    sources, skipped = load_story(paths, max_bytes, exclude, published)
    drafts = [s for s in sources if s.role == "draft"]
    if len(drafts) > 1:
        raise CheckerError(f"more than one article has role: draft ({drafts[0].id}, {drafts[1].id})",
                           path=drafts[1].path, hint="mark one draft per story")
    if drafts:
        others = [s for s in sources if s is not drafts[0]]
        return _draft_report(drafts[0], others, ruleset, story_name(paths), omissions=True,
                             skipped=skipped)
    table = extract(sources, ruleset)
    findings = findings_for(table, ruleset)
    notes = _notes(table, skipped)
    if len(sources) == 1:
        notes += (f"only one source ({sources[0].id}): every claim is single-source",)
    from checker.coverage import measure
    return Report(story=story_name(paths), sources=tuple(sources), table=table,
                  findings=tuple(findings), notes=notes,
                  coverage=measure(table, findings, ruleset.compared_kinds))


def check_draft(draft: str, paths: Sequence[str], ruleset, max_bytes: int = 5_000_000,
                omissions: bool = True, exclude=(), published=None) -> Report:
    """Draft mode: every claim of ``draft`` against the sources in ``paths``."""
    drafts, draft_notes = load_story([draft], max_bytes, published=published)
    others, skipped = load_story(paths, max_bytes, (*exclude, draft), published)
    return _draft_report(drafts[0], others, ruleset, story_name(paths), omissions,
                         draft_notes + skipped)


def _draft_report(draft_source: Source, others: Sequence[Source], ruleset, story: str,
                  omissions: bool, skipped: Sequence[str] = ()) -> Report:
    from checker.draft import judge
    if not others:
        raise CheckerError("no sources to check the draft against", path=draft_source.path,
                           hint="give the source articles after the draft")
    if draft_source.id in {s.id for s in others}:
        raise CheckerError(f"a source has the same id as the draft ({draft_source.id})",
                           path=draft_source.path, hint="rename one of them")
    sources = [draft_source, *others]
    table = extract(sources, ruleset)
    findings, omitted = judge(aligned(table, ruleset), draft_source.id, ruleset)
    return Report(story=story, sources=tuple(sources), table=table, findings=tuple(findings),
                  mode="draft", notes=_notes(table, skipped),
                  omissions=tuple(omitted) if omissions else (), draft=draft_source.id)


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
    findings, notes = suppress.apply(report.findings, found, report.draft,
                                     suppress.still_disagree(report.table, ruleset))
    report = dataclasses.replace(report, findings=tuple(findings), notes=report.notes + tuple(notes))
    if baseline_entries is not None:
        report = baseline.apply(report, baseline_entries, baseline_name)
    return report
