"""Small frozen records shared by the pipeline stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping


@dataclass(frozen=True)
class Source:
    """One loaded article.

    ``text`` is the decoded file (BOM removed, line ends kept as they were), so
    every offset points into the original file's text. ``plain`` has exactly
    the same length; front matter and Markdown syntax are blanked with spaces
    (line ends kept) so later stages never read them as claims.
    """

    id: str
    path: str
    text: str
    plain: str
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def title(self) -> str | None:
        value = self.meta.get("title")
        return str(value) if value is not None else None

    @property
    def outlet(self) -> str | None:
        value = self.meta.get("outlet")
        return str(value) if value is not None else None

    @property
    def published(self) -> dt.date | None:
        """The front matter's ``published`` (or ``date``), else the dateline's
        date, else a full date in the front matter's ``url`` (``/2024/03/05/``);
        a dateline without a year takes its year from that date."""
        front = self.front_published
        if front or (self.dateline and self.dateline.date):
            return front or self.dateline.date
        from checker.extract.values.dateline import url_date, year_for
        got = url_date(self.meta.get("url"))
        if got and self.dateline:  # a year-less dateline ("Sept. 27") takes the address's year
            return year_for(got, self.dateline.month, self.dateline.day) or got
        return got

    @property
    def front_published(self) -> dt.date | None:
        value = self.meta.get("published") or self.meta.get("date")
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                return None
        return None

    @cached_property
    def dateline(self):
        """The dateline or date line at the top of the text (``extract.dateline.Dateline``)."""
        from checker.extract.values.dateline import find_dateline
        return find_dateline(self.plain)

    @property
    def role(self) -> str | None:
        value = self.meta.get("role")
        return str(value).strip().lower() if value is not None else None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source: ``text == source.plain[start:end]``."""

    source: str
    index: int
    start: int
    end: int
    line: int
    text: str


@dataclass(frozen=True)
class Claim:
    """One claim as it appears inside a finding."""

    source: str
    claim_id: str
    kind: str
    line: int
    start: int
    end: int
    raw: str
    value: Any
    unit: str | None
    text: str
    approx: bool = False
    speaker: str | None = None


@dataclass(frozen=True)
class Finding:
    """The verdict on one claim group."""

    id: str
    verdict: str
    kind: str
    topic: str
    rule: str
    level: str
    message: str
    claims: tuple[Claim, ...]
    details: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    status: str = "new"  # new | accepted (baseline) | suppressed (inline)


@dataclass(frozen=True)
class Report:
    """Everything a formatter renders: the story, its sources, table and findings."""

    story: str
    sources: tuple[Source, ...]
    table: Any  # the statement table (pandas DataFrame)
    findings: tuple[Finding, ...]
    mode: str = "check"  # check | draft
    notes: tuple[str, ...] = ()  # warnings shown in the report (e.g. a single source)
    omissions: tuple[Finding, ...] = ()  # draft mode: source claims the draft leaves out
    draft: str | None = None  # draft mode: the draft's source id
    coverage: Any = None  # checker.coverage.Coverage: what was compared, and why not the rest

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.verdict] = out.get(f.verdict, 0) + 1
        return out
