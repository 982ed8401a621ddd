"""Report formatters: each module exposes ``render(report) -> str``."""

from __future__ import annotations

import importlib

FORMATS = {
    "markdown": "checker.report.markdown",
    "json": "checker.report.json",
    "github": "checker.report.github",
    "sarif": "checker.report.sarif",
}
SUFFIX = {"markdown": ".md", "json": ".json", "github": ".txt", "sarif": ".sarif"}


def render(report, fmt: str) -> str:
    """Render ``report`` in format ``fmt`` (a key of FORMATS)."""
    return importlib.import_module(FORMATS[fmt]).render(report)


# The last line of every Markdown file checker writes. The loader recognises it
# and never reads such a file as an article (checker.sources).
MARK = "_Written by checker: a report, not an article; checker never reads it as a source._"


def mark(text: str) -> str:
    """``text`` (ending in a line end) with the report mark as its last line."""
    return f"{text}\n{MARK}\n"


def is_report(text: str) -> bool:
    lines = text[-4 * len(MARK):].strip().splitlines()
    return bool(lines) and lines[-1].strip() == MARK
