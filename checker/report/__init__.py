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
