"""The ``checker`` command: wires the pipeline stages together."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker import __version__
from checker.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CheckerError
from checker import pipeline
from checker.hints import FAIL_ON
from checker.terminal import COLOR_MODES, printable

TABLE_FORMATS = ("table", "csv", "json")
REPORT_FORMATS = ("markdown", "json", "github", "sarif", "html")  # checker.report.FORMATS

paths_arg = click.argument("paths", nargs=-1, type=click.Path())
rules_opt = click.option("--rules", "rules_dirs", multiple=True, type=click.Path(),
                         help="Extra rule folder (repeatable; replaces the config's 'rules'); "
                              "a rule with the same id replaces the built-in one.")
config_opt = click.option("--config", "config_path", type=click.Path(),
                          help="Config file (default: checker.toml or pyproject.toml [tool.checker], "
                               "searched upward from here).")
max_bytes_opt = click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                             help="Largest article file accepted [default: 5000000].")


def _setup(config_path, rules=(), **flags):
    """(settings, rule set): the config file and every rule file are checked in
    one pass, so all their problems are reported together (one line each)."""
    from checker import config
    from checker.errors import problems_of, raise_all
    from checker.rules import load_rules
    problems, s, folders = [], None, tuple(rules)
    try:
        s = config.settings(config.load(config_path), rules=rules, **flags)
        folders = s.rules
    except CheckerError as exc:
        problems += problems_of(exc)
        partial = getattr(exc, "partial", None)
        folders = tuple(rules) or (partial.rules if partial is not None else ())
    try:
        ruleset = load_rules(folders)
    except CheckerError as exc:
        problems += problems_of(exc)
    raise_all(problems)
    return s, ruleset


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx, debug):
    """Cross-source consistency checker for news articles."""
    ctx.obj = {"debug": debug}


@cli.command()
@paths_arg
@rules_opt
@config_opt
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
def extract(paths, rules_dirs, config_path, fmt):
    """Print the statement table of the articles in PATHS (default: the config's sources, else sources/)."""
    from checker.report.table import render_table
    from checker.stories import find
    s, ruleset = _setup(config_path, paths=paths, rules=rules_dirs)
    if s.many:
        raise CheckerError("extract reads one story: give its folder or articles as PATHS")
    table = pipeline.extract(pipeline.load(list(find(s)[0].paths), exclude=(s.reports,)), ruleset)
    click.echo(render_table(table, fmt), nl=False)


@cli.command()
@paths_arg
@rules_opt
@config_opt
@click.option("--format", "formats", multiple=True, type=click.Choice(REPORT_FORMATS),
              help="Report format, repeatable (default: the config's 'formats', else markdown). "
                   "github goes to standard output; the others are files.")
@click.option("--output", "-o", type=click.Path(),
              help="Report file for a single story, or - for standard output.")
@click.option("--reports", "reports_dir", type=click.Path(file_okay=False),
              help="Reports folder [default: reports, next to the config file].")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when findings at or above this level exist [default: discrepancy].")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Accepted findings (written by 'checker baseline').")
@click.option("--no-baseline", is_flag=True, help="Ignore the config's baseline.")
@click.option("--changed-since", metavar="REV",
              help="Only stories with a file changed since this git revision (or untracked).")
@click.option("--draft", type=click.Path(dir_okay=False),
              help="Check this draft claim by claim against the articles in PATHS.")
@click.option("--no-omissions", is_flag=True, help="Draft mode: do not list source claims the draft leaves out.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The date of every article whose front matter and dateline give none.")
@click.option("--color", "color", type=click.Choice(COLOR_MODES), default="auto", show_default=True,
              help="Colour the diagnostics: auto (on a terminal, unless NO_COLOR is set), always, never.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the diagnostic lines (no summary).")
@click.option("-v", "--verbose", is_flag=True, help="Also print agreements, single-source claims and "
                                                    "findings below the fail level.")
@click.option("--summary", "summary_path", type=click.Path(dir_okay=False),
              help="Write a GitHub job summary here (worst stories first, at most 1 MiB).")
@click.option("--summary-link", metavar="URL", help="Where the job summary links to the full reports.")
@max_bytes_opt
def check(paths, rules_dirs, config_path, formats, output, reports_dir, fail_on, baseline_path,
          no_baseline, changed_since, draft, no_omissions, color, quiet, verbose, summary_path,
          summary_link, published, max_bytes):
    """Compare the articles in PATHS, or every story of the config, and write the reports.

    Exit 0 when clean, 1 when findings at or above the fail level exist, 2 on errors.
    """
    from checker import stories
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose do not go together")
    s, ruleset = _setup(config_path, paths=paths, rules=rules_dirs, reports=reports_dir, fail_on=fail_on,
                        baseline=baseline_path, no_baseline=no_baseline, formats=formats,
                        max_bytes=max_bytes)
    show = stories.Show(verbosity=-1 if quiet else int(verbose), color=color,
                        summary=Path(summary_path) if summary_path else None, summary_link=summary_link)
    code = stories.check(s, ruleset, output=output, changed_since=changed_since,
                         draft=draft, omissions=not no_omissions, show=show,
                         published=published.date() if published else None)
    sys.exit(code)


@cli.command()
@click.argument("story", type=click.Path())
@click.argument("finding_id")
@rules_opt
@config_opt
@max_bytes_opt
def explain(story, finding_id, rules_dirs, config_path, max_bytes):
    """Why the claims of FINDING_ID (from a report of STORY) were grouped, and the
    nearest claims that were not, each with the reason it was left out."""
    from checker import explain as ex
    s, ruleset = _setup(config_path, paths=(story,), rules=rules_dirs, max_bytes=max_bytes)
    report = pipeline.check([story], ruleset, max_bytes=s.max_bytes, exclude=(s.reports,))
    found = [f for f in report.findings if f.id.startswith(finding_id)] if finding_id else []
    if len(found) != 1:
        ids = ", ".join(f.id for f in report.findings[:5])
        raise CheckerError(f"{'no' if not found else 'more than one'} finding '{finding_id}' in this story",
                           path=story, hint=f"finding ids are in the report; the first: {ids}")
    f = found[0]
    claims = pipeline.aligned(report.table, ruleset)
    near = ex.nearest(report.table, claims, [c.claim_id for c in f.claims], ruleset.lexicon)
    click.echo(ex.render(report, f, near), nl=False)


@cli.command()
@paths_arg
@rules_opt
@config_opt
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Baseline file to write [default: the config's 'baseline'].")
@max_bytes_opt
def baseline(paths, rules_dirs, config_path, output, max_bytes):
    """Record every current discrepancy as accepted (fill in each 'reason')."""
    from checker import stories
    s, ruleset = _setup(config_path, paths=paths, rules=rules_dirs, max_bytes=max_bytes)
    target = Path(output) if output else s.baseline
    if target is None:
        raise CheckerError("no baseline file to write",
                           hint="give --output FILE or set 'baseline' in the config")
    sys.exit(stories.write_baseline(s, ruleset, target))


@cli.command()
def init():
    """Write a commented starter checker.toml here (never overwrites)."""
    from checker.config import write_starter
    path = write_starter()
    click.echo(f"checker: wrote {printable(path.name)}; edit 'stories' (or 'sources') to match your repository.")


@cli.command("rules")
@rules_opt
@config_opt
@click.option("--test", "run_tests", is_flag=True, help="Run every rule's examples.")
def rules_cmd(rules_dirs, config_path, run_tests):
    """List the rules in force (built-in plus the config's or --rules folders)."""
    from tabulate import tabulate
    _, ruleset = _setup(config_path, rules=rules_dirs)
    if not run_tests:
        rows = [[printable(v) for v in (r.id, ", ".join(r.kinds), r.comparator, r.level, r.path)]
                for r in ruleset.rules]
        click.echo(tabulate(rows, headers=["id", "kinds", "comparator", "level", "file"]))
        return
    from checker.rules.examples import run_examples
    failures, total = run_examples(ruleset)
    for line in failures:
        click.echo(f"FAIL {printable(line)}")
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    sys.exit(EXIT_FINDINGS if failures else EXIT_OK)


def _error(message: str) -> None:
    """One line on standard error, whatever the message holds (names, config values)."""
    click.echo(f"checker: error: {printable(message)}", err=True)


def main(argv=None) -> None:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        cli.main(args=argv, prog_name="checker", standalone_mode=False)
    except CheckerError as exc:
        if debug:
            raise
        for problem in getattr(exc, "errors", None) or [exc]:  # one line each
            _error(str(problem))
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        where = f"'{exc.ctx.command_path} --help'" if getattr(exc, "ctx", None) else "'checker --help'"
        _error(f"{exc.format_message()} (try {where})")
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("checker: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: still one line, unless --debug
        if debug:
            raise
        _error(f"internal error: {exc.__class__.__name__}: {exc} "
               "(rerun with --debug for the traceback and report it)")
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_OK)
