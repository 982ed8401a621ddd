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


def findings_for(table, ruleset, step=None) -> list[Finding]:
    from checker.rules.engine import decide
    from checker.align import explain_groups
    from checker.wording import agreement
    claims = aligned(table, ruleset)
    (step or _nothing)("align")
    found = decide(claims, ruleset, explain_groups(claims, ruleset.lexicon) if len(claims) else {})
    (step or _nothing)("rules")
    return [agreement(f) for f in found]  # an agreement says so, at level info


def _notes(table, skipped: Sequence[str]) -> tuple[str, ...]:
    return tuple(skipped) + ((NOTHING,) if table.empty else ())


def _nothing(stage: str) -> None:
    pass


def check(paths: Sequence[str], ruleset, max_bytes: int = 5_000_000, exclude=(), step=None,
          published=None) -> Report:
    """Check one story; ``exclude``: paths never read as articles (the reports folder);
    ``step(stage)`` is called after each stage (a progress bar)."""
    step = step or _nothing
    sources, skipped = load_story(paths, max_bytes, exclude, published)
    step("load")
    drafts = [s for s in sources if s.role == "draft"]
    if len(drafts) > 1:
        raise CheckerError(f"more than one article has role: draft ({drafts[0].id}, {drafts[1].id})",
                           path=drafts[1].path, hint="mark one draft per story")
    if drafts:
        others = [s for s in sources if s is not drafts[0]]
        return _draft_report(drafts[0], others, ruleset, story_name(paths), omissions=True,
                             skipped=skipped, step=step)
    table = extract(sources, ruleset)
    step("extract")
    findings = findings_for(table, ruleset, step)
    notes = _notes(table, skipped)
    if len(sources) == 1:
        notes += (f"only one source ({sources[0].id}): every claim is single-source",)
    from checker.coverage import measure
    return Report(story=story_name(paths), sources=tuple(sources), table=table,
                  findings=tuple(findings), notes=notes,
                  coverage=measure(table, findings, ruleset.compared_kinds))


def check_draft(draft: str, paths: Sequence[str], ruleset, max_bytes: int = 5_000_000,
                omissions: bool = True, exclude=(), step=None, published=None) -> Report:
    """Draft mode: every claim of ``draft`` against the sources in ``paths``."""
    drafts, draft_notes = load_story([draft], max_bytes, published=published)
    others, skipped = load_story(paths, max_bytes, (*exclude, draft), published)
    (step or _nothing)("load")
    return _draft_report(drafts[0], others, ruleset, story_name(paths), omissions,
                         draft_notes + skipped, step)


def _draft_report(draft_source: Source, others: Sequence[Source], ruleset, story: str,
                  omissions: bool, skipped: Sequence[str] = (), step=None) -> Report:
    from checker.draft import judge
    if not others:
        raise CheckerError("no sources to check the draft against", path=draft_source.path,
                           hint="give the source articles after the draft")
    if draft_source.id in {s.id for s in others}:
        raise CheckerError(f"a source has the same id as the draft ({draft_source.id})",
                           path=draft_source.path, hint="rename one of them")
    sources = [draft_source, *others]
    step = step or _nothing
    table = extract(sources, ruleset)
    step("extract")
    claims = aligned(table, ruleset)
    step("align")
    findings, omitted = judge(claims, draft_source.id, ruleset, sources=others)
    step("rules")
    return Report(story=story, sources=tuple(sources), table=table, findings=tuple(findings),
                  mode="draft", notes=_notes(table, skipped),
                  omissions=tuple(omitted) if omissions else (), draft=draft_source.id)


_RANK = {"error": 0, "warning": 1, "info": 2}
# --fail-on -> (lowest discrepancy level that fails, other verdicts that fail)
_FAILS = {"discrepancy": ("error", ()), "error": ("error", ()), "warning": ("warning", ()),
          "info": ("info", ("single_source", "unsupported")),
          "single_source": ("info", ("single_source", "unsupported")),
          "unsupported": ("error", ("unsupported",)), "disputed": ("error", ("disputed",))}


def failing(findings: Sequence[Finding], fail_on: str) -> list[Finding]:
    """The findings at or above the fail level (accepted/suppressed ones never fail).

    A contradicted draft claim always fails (but with ``never``); a disputed one
    (the sources disagree and the draft took one side) only with ``disputed``;
    agreements and supported claims never."""
    if fail_on == "never":
        return []
    if fail_on not in _FAILS:
        raise ValueError(fail_on)
    lowest, verdicts = _FAILS[fail_on]
    return [f for f in findings if f.status == "new" and (
        f.verdict == "contradicted" or f.verdict in verdicts
        or (f.verdict == "discrepancy" and _RANK.get(f.level, 0) <= _RANK[lowest]))]


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
