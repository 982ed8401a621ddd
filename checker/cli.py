"""The ``checker`` command: wires the pipeline stages together."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker import __version__
from checker.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CheckerError
from checker import pipeline

TABLE_FORMATS = ("table", "csv", "json")
REPORT_FORMATS = ("markdown", "json")

paths_arg = click.argument("paths", nargs=-1, type=click.Path())
rules_opt = click.option("--rules", "rules_dirs", multiple=True, type=click.Path(),
                         help="Extra rule folder (repeatable); a rule with the same id replaces the built-in one.")


def _ruleset(rules_dirs):
    from checker.rules import load_rules
    return load_rules(rules_dirs)


def _paths(paths) -> list[str]:
    return list(paths) or [pipeline.DEFAULT_SOURCES]


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
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
def extract(paths, rules_dirs, fmt):
    """Print the statement table of the articles in PATHS (default: sources/)."""
    from checker.report.table import render_table
    ruleset = _ruleset(rules_dirs)
    table = pipeline.extract(pipeline.load(_paths(paths)), ruleset)
    click.echo(render_table(table, fmt), nl=False)


@cli.command()
@paths_arg
@rules_opt
@click.option("--format", "formats", multiple=True, type=click.Choice(REPORT_FORMATS),
              help="Report format (default markdown).")
@click.option("--output", "-o", type=click.Path(), help="Report file, or - for standard output.")
@click.option("--fail-on", type=click.Choice(pipeline.FAIL_ON), default="discrepancy", show_default=True,
              help="Exit 1 when findings at or above this level exist.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Largest article file accepted.")
def check(paths, rules_dirs, formats, output, fail_on, max_bytes):
    """Compare the articles in PATHS (default: sources/) and write the report."""
    from checker.report import SUFFIX, render
    from checker.output import check_target, write_atomic
    paths = _paths(paths)
    formats = list(dict.fromkeys(formats or ["markdown"]))
    ruleset = _ruleset(rules_dirs)
    story = pipeline.story_name(paths)
    targets = {}
    for fmt in formats:
        if output == "-":
            targets[fmt] = None
        elif output and len(formats) == 1:
            targets[fmt] = Path(output)
        else:
            base = Path(output).with_suffix("") if output else Path("reports") / story
            targets[fmt] = base.with_suffix(SUFFIX[fmt])
    for target in targets.values():
        if target is not None:
            check_target(target)
    report = pipeline.check(paths, ruleset, max_bytes=max_bytes)
    for fmt, target in targets.items():
        text = render(report, fmt)
        if target is None:
            click.echo(text, nl=False)
        else:
            write_atomic(target, text)
    failing = pipeline.failing(report.findings, fail_on)
    written = [str(t) for t in targets.values() if t is not None]
    click.echo(_summary(report, written, failing), err=output == "-")
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def _summary(report, written, failing) -> str:
    c = report.counts()
    text = (f"checker: {len(report.sources)} sources, {len(report.table)} claims: "
            f"{c.get('discrepancy', 0)} discrepancies, {c.get('agreement', 0)} agreements, "
            f"{c.get('single_source', 0)} single-source claims.")
    for note in report.notes:
        text += f" Warning: {note}."
    if written:
        text += " Report: " + ", ".join(written) + "."
    if failing:
        text += f" {len(failing)} finding(s) at or above the fail level."
    return text


@cli.command("rules")
@rules_opt
@click.option("--test", "run_tests", is_flag=True, help="Run every rule's examples.")
def rules_cmd(rules_dirs, run_tests):
    """List the rules in force (built-in plus --rules folders)."""
    from tabulate import tabulate
    ruleset = _ruleset(rules_dirs)
    if not run_tests:
        rows = [[r.id, ", ".join(r.kinds), r.comparator, r.level, r.path] for r in ruleset.rules]
        click.echo(tabulate(rows, headers=["id", "kinds", "comparator", "level", "file"]))
        return
    from checker.rules.examples import run_examples
    failures, total = run_examples(ruleset)
    for line in failures:
        click.echo(f"FAIL {line}")
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    sys.exit(EXIT_FINDINGS if failures else EXIT_OK)


def main(argv=None) -> None:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        cli.main(args=argv, prog_name="checker", standalone_mode=False)
    except CheckerError as exc:
        if debug:
            raise
        click.echo(f"checker: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("checker: aborted", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: still one line, unless --debug
        if debug:
            raise
        click.echo(f"checker: error: internal error: {exc.__class__.__name__}: {exc} "
                   "(rerun with --debug for the traceback and report it)", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_OK)
