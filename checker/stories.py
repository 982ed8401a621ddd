"""Checking one story or many: find stories, pick the changed ones, run each,
write its reports and (for many stories) the index.

Where output goes (``--format`` may be repeated):

* ``github`` always goes to standard output (the CI log reads it there);
* ``markdown``, ``json`` and ``sarif`` are files: ``<reports>/<story>.<ext>``;
  for a single story ``--output FILE`` names the file (with several file
  formats, FILE's suffix is replaced per format) and ``--output -`` sends the
  one file format to standard output;
* many stories also get ``<reports>/README.md``, the index.

Every story is loaded and rendered first; then all files are written as one
set (``checker.report_set``). The reports folder is never read as articles,
and no output may be one of the inputs.
"""

from __future__ import annotations

import dataclasses
import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import click

from checker.config import Settings
from checker.errors import EXIT_FINDINGS, EXIT_OK, CheckerError
from checker.paths import display, resolved, same_file
from checker.terminal import printable
from checker.wording import plural

STDOUT_FORMATS = ("github",)
INDEX_NAME = "README.md"


@dataclass(frozen=True)
class Story:
    name: str
    paths: tuple[str, ...]   # what the loader reads: a folder, or files


def shown(path: str | Path) -> str:
    """A path as the user would type it (relative to the working directory when
    inside it), safe to print."""
    return display(_typed(path))


def _typed(path: str | Path) -> str:
    p = Path(path)
    if not p.is_absolute():
        return str(p)
    try:
        return resolved(p).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(p)


# ---------------------------------------------------------------- finding stories

def find(s: Settings) -> list[Story]:
    """The stories to check: the command-line paths, else the config's stories or sources."""
    from checker import pipeline
    if s.paths or not s.stories:
        paths = list(s.paths) or _expand(s.sources, s) or [pipeline.DEFAULT_SOURCES]
        return [Story(name=pipeline.story_name(paths), paths=tuple(paths))]
    reports = s.reports.resolve()
    folders: dict[Path, None] = {}
    for pattern in s.stories:
        for hit in expand(pattern, s, "stories"):
            path = Path(hit)
            if path.is_dir() and not path.name.startswith(".") and path.resolve() != reports:
                folders.setdefault(path.resolve(), None)
    stories: dict[str, Story] = {}
    for folder in folders:
        name = display(folder.name)
        if name in stories:
            raise CheckerError(f"two story folders are named '{name}': "
                               f"{shown(stories[name].paths[0])} and {shown(folder)}",
                               path=str(s.config) if s.config else None,
                               hint="reports are named after the folder; rename one")
        stories[name] = Story(name=name, paths=(_typed(folder),))
    if not stories:
        raise CheckerError(f"no story folder matches {', '.join(s.stories)}",
                           path=str(s.config) if s.config else None,
                           hint="'stories' globs are relative to the config file's folder")
    return sorted(stories.values(), key=lambda st: st.name)


def _expand(patterns: Sequence[str], s: Settings) -> list[str]:
    out = []
    for p in patterns:
        hits = expand(p, s, "sources") if glob.has_magic(p) else [p]
        out.extend(hits or [p])
    return out


MAX_GLOB_PATHS = 10_000


def expand(pattern: str, s: Settings, key: str) -> list[str]:
    """The paths a config glob matches, sorted. Refused (before any walk) when
    it reaches outside the config file's folder (an absolute pattern, or
    ``..`` climbing out of it or following a wildcard), and when it yields more
    than MAX_GLOB_PATHS paths (``**/**/**`` repeats every path many times)."""
    where = str(s.config) if s.config else None
    root = os.path.normpath(str(s.root))
    full = os.path.normpath(os.path.join(root, pattern))
    parts = Path(pattern).parts
    magic = next((n for n, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    inside = full == root or full.startswith(root.rstrip(os.sep) + os.sep)
    if not inside or ".." in parts[magic:]:
        raise CheckerError(f"'{key}' pattern '{pattern}' reaches outside the config file's folder",
                           path=where, hint=f"'{key}' globs are relative to that folder and stay inside it")
    hits = []
    for hit in glob.iglob(os.path.join(root, pattern), recursive=True):
        hits.append(hit)
        if len(hits) > MAX_GLOB_PATHS:
            raise CheckerError(f"'{key}' pattern '{pattern}' matches more than {MAX_GLOB_PATHS:,} paths",
                               path=where, hint="name the story folders more narrowly (one '**' at most)")
    return sorted(set(hits))


def changed(stories: list[Story], rev: str, s: Settings) -> list[Story]:
    """The stories with a file changed since ``rev``; all of them when the config,
    a rule folder or the baseline changed."""
    from checker.git import changed_files
    files = changed_files(rev, Path.cwd())
    shared = [resolved(p) for p in (s.config, s.baseline, *s.rules) if p]
    if any(_under(f, shared) for f in files):
        return stories
    return [st for st in stories if any(_under(f, [resolved(p) for p in st.paths]) for f in files)]


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


# ---------------------------------------------------------------- output plan

def targets(story: Story, s: Settings, output: str | None) -> dict[str, Path | None]:
    """Format -> file (None: standard output)."""
    from checker import report_set
    from checker.report import CLAIMS_SUFFIX, SUFFIX
    files = [f for f in s.formats if f not in STDOUT_FORMATS]
    if output and s.many:
        raise CheckerError("--output works with one story; many stories are written to the "
                           "reports folder", hint="use --reports DIR or 'reports' in the config")
    if output == "-" and len(files) > 1:
        raise CheckerError("only one report format can go to standard output",
                           hint="drop --output - or give one file --format")
    if output and output != "-" and output.replace(os.sep, "/").rsplit("/", 1)[-1] in ("", ".", ".."):
        raise CheckerError("output path names a folder", path=output,
                           hint="give a file name, or --reports DIR for a reports folder")
    out: dict[str, Path | None] = {f: None for f in s.formats if f in STDOUT_FORMATS}
    for fmt in files:
        if output == "-":
            if out:
                raise CheckerError("--output - and --format github both write to standard output",
                                   hint="write the report to a file")
            out[fmt] = None
        elif output and len(files) == 1:
            out[fmt] = Path(output)
        else:
            base = Path(output).with_suffix("") if output else s.reports / story.name
            out[fmt] = base.with_suffix(SUFFIX[fmt])
    md = out.get("markdown")
    if md is not None and not report_set.is_device(md):  # the statement tables, beside the report
        out["claims"] = md.with_name(md.with_suffix("").name + CLAIMS_SUFFIX)
    return out


def render(report, fmt: str, ruleset, fail_on: str = "discrepancy", claims: str | None = None) -> str:
    """A report in ``fmt``; ``claims``: the statement-table file's name, for the
    Markdown report to link to (format ``claims`` is that file)."""
    from checker.report import render as render_format
    if fmt == "claims":
        from checker.report.claims import render as render_claims
        return render_claims(report)
    return render_format(report, fmt, ruleset=ruleset, fail_on=fail_on, claims=claims)


# ---------------------------------------------------------------- running

@dataclass(frozen=True)
class Show:
    """What the terminal gets: ``verbosity`` -1 (``-q``: the diagnostics only),
    0, or 1 (``-v``: every finding); ``color`` auto|always|never; ``summary``: a
    GitHub job summary file to write (``summary_link``: the full reports)."""
    verbosity: int = 0
    color: str = "auto"
    summary: Path | None = None
    summary_link: str | None = None


def check(s: Settings, ruleset, *, output: str | None = None, changed_since: str | None = None,
          draft: str | None = None, omissions: bool = True,
          echo: Callable[..., None] | None = None, show: Show | None = None,
          published=None) -> int:
    """Check every story; write reports (and the index) as one set; return the exit code.
    With ``draft``, the one story's articles are the sources the draft is checked against.

    Every story is loaded, checked and rendered before anything is written, and
    what goes to standard output is printed after the files are written: per
    story its diagnostics (``checker.report.diagnostics``), then its summary line."""
    import sys
    from checker import baseline as bl, pipeline, progress, report_set
    from checker.output import check_target
    from checker.report import diagnostics, index, job_summary
    from checker.terminal import use_color
    echo = echo or click.echo
    show = show or Show()

    if draft and s.many:
        raise CheckerError("--draft checks one story: give its sources as PATHS")
    if changed_since is not None and not changed_since.strip():
        raise CheckerError("--changed-since needs a git revision, not an empty one",
                           hint="e.g. --changed-since origin/main")
    stories = find(s)
    if draft:  # the draft's report must not replace the story's own report
        stories = [dataclasses.replace(st, name=draft_name(draft, st.name)) for st in stories]
    chosen = changed(stories, changed_since, s) if changed_since is not None else stories
    plans = {st.name: targets(st, s, output) for st in chosen}
    index_path = s.reports / INDEX_NAME if s.many else None
    files = [t for plan in plans.values() for t in plan.values() if t is not None]
    files += [index_path] if index_path is not None else []
    files += [show.summary] if show.summary is not None else []
    for target in files:
        check_target(target)
    report_set.recover(files)  # a killed run's set is completed (or its leftovers removed) first
    exclude = (s.reports,)     # a reports folder inside a story is never read as articles
    articles = refuse_inputs(files, [p for st in chosen for p in st.paths], s, ruleset, exclude, draft)
    entries = bl.load(s.baseline) if s.baseline else None
    where = shown(s.baseline) if s.baseline else ""
    to_err = output == "-"  # the report itself is on stdout: summaries go to stderr
    color = use_color(show.color, sys.stderr if to_err else sys.stdout)
    annotating = any(target is None and fmt == "github" for plan in plans.values() for fmt, target in plan.items())
    texts: dict[Path, str] = {}
    said: list[tuple[str, bool, bool, bool]] = []  # (text, new line, to stderr, raw), printed at the end
    rows, failed, sections = [], 0, []
    bar = progress.for_run(len(chosen), len(articles))
    try:
        for st in chosen:
            step = lambda stage, name=st.name: bar.advance(f"{name}: {stage}")  # noqa: E731
            if draft:
                report = pipeline.check_draft(draft, list(st.paths), ruleset, max_bytes=s.max_bytes,
                                              omissions=omissions, exclude=exclude, step=step,
                                              published=published)
            else:
                report = pipeline.check(list(st.paths), ruleset, max_bytes=s.max_bytes, exclude=exclude,
                                        step=step, published=published)
            if report.story != st.name:
                report = dataclasses.replace(report, story=st.name)
            report = pipeline.with_statuses(report, ruleset, entries, where)
            other = bl.other_story_note(entries or (), st.name, where) if not (s.many or draft) else None
            if other:
                report = dataclasses.replace(report, notes=report.notes + (other,))
            written = []
            claims = plans[st.name].get("claims")
            for fmt, target in plans[st.name].items():
                text = render(report, fmt, ruleset, fail_on=s.fail_on,
                              claims=claims.name if claims is not None else None)
                if target is None:
                    said.append((text, False, False, False))
                else:
                    texts[target] = text
                    if fmt != "claims":
                        written.append(shown(target))
            bar.advance(f"{st.name}: report")
            failing = pipeline.failing(report.findings, s.fail_on)
            failed += bool(failing)
            if not annotating:  # with --format github the annotations say it
                said += [(line, True, to_err, True)
                         for line in diagnostics.lines(report, failing, show.verbosity > 0, color)]
            if show.verbosity >= 0:
                said.append((summary(report, written, failing, prefix=f"{st.name}: " if s.many else ""),
                             True, to_err, False))
            md = plans[st.name].get("markdown")
            row = _row(report, failing, md, index_path)
            rows.append(row)
            if show.summary is not None:
                sections.append(job_summary.section(report, failing, row))
    finally:
        bar.close()
    notes: list[str] = []
    if s.many:
        names = {st.name for st in stories}
        if entries and changed_since is None:
            notes += [bl.stale_note(e, where) for e in entries if e.story not in names]
        rows += [_unchecked(st, s) for st in stories if st.name not in plans]
        texts[index_path] = index.render(rows, tuple(notes))
        total = (f"checker: {len(chosen)} of {plural(len(stories), 'story')} checked, {failed} failing. "
                 f"Index: {shown(index_path)}.")
        for note in notes:
            total += f" Warning: {note}."
        if show.verbosity >= 0:
            said.append((total, True, to_err, False))
    elif not chosen and show.verbosity >= 0:
        said.append((f"checker: no story changed since {changed_since}; nothing to check.", True, to_err, False))
    if show.summary is not None:
        texts[show.summary] = job_summary.render(sections, rows, show.summary_link, notes)
    report_set.write_set(texts)
    for text, nl, err, raw in said:  # a summary is one line; a report or annotations keep their lines
        if raw:  # a diagnostic: escaped when it was made, maybe coloured
            echo(text, nl=True, err=err, color=color)
        else:
            echo(printable(text, lines=not nl), nl=nl, err=err)
    return EXIT_FINDINGS if failed else EXIT_OK


def draft_name(draft: str, story: str) -> str:
    """The draft report's name: the draft's stem, with '-draft' added unless it
    already says so ('x-draft.md' gives 'x-draft'); never the story's own name."""
    stem = display(Path(draft).stem)
    name = stem if stem.lower().endswith("draft") else f"{stem}-draft"
    return name if name != story else f"{name}-draft"


def refuse_inputs(files, paths, s: Settings, ruleset, exclude, draft: str | None = None) -> list:
    """Refuse (before any work) an output file that is one of the run's inputs:
    an article, the draft, the config, the baseline or a rule file. Returns the
    articles found."""
    from checker.sources import article_files
    try:
        articles = article_files(list(paths), exclude)[0]
    except CheckerError:
        articles = []  # the loader reports it, with the file
    inputs = [(p, "article") for p in [*articles, *([draft] if draft else [])]]
    inputs += [(p, "file") for p in (s.config, s.baseline, *(r.path for r in ruleset.rules)) if p]
    for target in files:
        for path, kind in inputs:
            if same_file(target, path):
                raise CheckerError(f"the report would replace the input {kind} {shown(path)}",
                                   path=shown(target), hint="give another --output")
    return articles


def _row(report, failing, md_path, index_path):
    from checker.report.index import Row
    link = None
    if md_path is not None and index_path is not None:
        link = Path(os.path.relpath(md_path, index_path.parent)).as_posix()
    statuses = [f.status for f in report.findings]
    return Row(story=report.story, link=link, failing=len(failing), counts=report.counts(),
               accepted=statuses.count("accepted"), suppressed=statuses.count("suppressed"),
               notes=len(report.notes))


def _unchecked(st: Story, s: Settings):
    from checker.report.index import Row
    md = s.reports / f"{st.name}.md"
    return Row(story=st.name, link=md.name if md.exists() else None, checked=False)


def summary(report, written: list[str], failing, prefix: str = "") -> str:
    c = report.counts()
    statuses = [f.status for f in report.findings]
    if report.mode == "draft":
        text = (f"checker: {prefix}draft {report.draft} against {plural(len(report.sources) - 1, 'source')}: "
                f"{c.get('contradicted', 0)} contradicted, "
                + (f"{c['disputed']} disputed, " if c.get("disputed") else "")
                + f"{c.get('unsupported', 0)} unsupported, "
                f"{c.get('supported', 0)} supported {'claim' if c.get('supported', 0) == 1 else 'claims'}.")
    else:
        cov = report.coverage
        claims = cov.claims if cov is not None else len(report.table)
        text = (f"checker: {prefix}{plural(len(report.sources), 'source')}, {plural(claims, 'claim')}: "
                f"{plural(c.get('discrepancy', 0), 'discrepancy')}, {plural(c.get('agreement', 0), 'agreement')}, "
                f"{plural(c.get('single_source', 0), 'single-source claim')}.")
        if cov is not None and cov.claims:
            text += f" {cov.line()}."
    held = [f"{statuses.count(k)} {k}" for k in ("accepted", "suppressed") if statuses.count(k)]
    if held:
        text += f" ({', '.join(held)}.)"
    for note in report.notes:
        text += f" Warning: {note}."
    if written:
        text += " Report: " + ", ".join(written) + "."
    if failing:
        text += f" {plural(len(failing), 'finding')} at or above the fail level."
    return text


# ---------------------------------------------------------------- baseline

def write_baseline(s: Settings, ruleset, target: Path, echo: Callable[..., None] | None = None) -> int:
    """Record every current discrepancy of every story in ``target``."""
    from checker import baseline as bl, pipeline, report_set
    from checker.output import check_target
    echo = echo or click.echo
    check_target(target)
    report_set.recover([target])
    stories = find(s)
    refuse_inputs([target], [p for st in stories for p in st.paths],
                  dataclasses.replace(s, baseline=None), ruleset, (s.reports,))
    new = []
    for st in stories:
        report = pipeline.check(list(st.paths), ruleset, max_bytes=s.max_bytes, exclude=(s.reports,))
        if report.story != st.name:
            report = dataclasses.replace(report, story=st.name)
        report = pipeline.with_statuses(report, ruleset)
        new += bl.entries_for(report)
    old = bl.load(target) if target.exists() else []
    # the whole configured repo: replace everything; given paths: only those stories
    checked = {e.story for e in old} | {st.name for st in stories} if s.many else {st.name for st in stories}
    entries = bl.merge(old, new, checked)
    report_set.write_set({target: bl.dump(entries)})
    echo(printable(f"checker: baseline: {plural(len(new), 'accepted finding')} in "
                   f"{plural(len(stories), 'story')} written to {shown(target)}."))
    return EXIT_OK
