"""Report formatters: each module exposes ``render(report, ...) -> str``; the
options a formatter takes (``ruleset``, ``fail_on``) are passed when given."""

from __future__ import annotations

import importlib
import inspect

FORMATS = {
    "markdown": "checker.report.markdown",
    "json": "checker.report.json",
    "github": "checker.report.github",
    "sarif": "checker.report.sarif",
    "html": "checker.report.html",
}
SUFFIX = {"markdown": ".md", "json": ".json", "github": ".txt", "sarif": ".sarif", "html": ".html"}
CLAIMS_SUFFIX = ".claims.md"  # the statement tables, beside the Markdown report


def render(report, fmt: str, **options) -> str:
    """Render ``report`` in format ``fmt`` (a key of FORMATS); ``options``
    (``ruleset``, ``fail_on``, ``claims``) go to the formatters that take them."""
    func = importlib.import_module(FORMATS[fmt]).render
    takes = inspect.signature(func).parameters
    return func(report, **{k: v for k, v in options.items() if k in takes})


# The last line of every Markdown file checker writes. The loader recognises it
# and never reads such a file as an article (checker.sources).
MARK = "_Written by checker: a report, not an article; checker never reads it as a source._"


def mark(text: str) -> str:
    """``text`` (ending in a line end) with the report mark as its last line."""
    return f"{text}\n{MARK}\n"


def is_report(text: str) -> bool:
    lines = text[-4 * len(MARK):].strip().splitlines()
    return bool(lines) and lines[-1].strip() == MARK
