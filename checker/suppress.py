"""Inline suppressions: ``<!-- checker: ignore=<rule-id> reason="..." -->``.

The comment goes on the line before the claim's line (the line after the
comment's end). It marks every finding of that rule with a claim of that
article on that line as ``suppressed``: still reported, never failing.
Several rules may be given, comma-separated. A reason is required.
The loader blanks comments out of ``Source.plain``, so ``Source.text`` is scanned.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from checker.errors import CheckerError
from checker.hints import closest
from checker.records import Finding, Source

COMMENT = re.compile(r"<!--\s*checker\s*:(.*?)-->", re.S | re.I)
DIRECTIVE = re.compile(
    r"""\s*ignore\s*=\s*(?P<rules>[\w.-]+(?:\s*,\s*[\w.-]+)*)
        (?:\s+reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|“(?P<cq>[^”]*)”))?\s*$""",
    re.X | re.S)
EXAMPLE = 'write <!-- checker: ignore=<rule-id> reason="why this is accepted" -->'


@dataclass(frozen=True)
class Suppression:
    source: str       # source id
    path: str
    line: int         # the comment's first line
    target: int       # the line it applies to
    rules: tuple[str, ...]
    reason: str


def _line_at(text: str, offset: int) -> int:
    """1-based line of ``offset``; CRLF, CR and LF each end a line (as everywhere else)."""
    from checker.sources import line_number
    return line_number(text, offset)


def scan(source: Source) -> list[Suppression]:
    """The suppression comments of one article (errors name file:line)."""
    out = []
    for m in COMMENT.finditer(source.text):
        line = _line_at(source.text, m.start())
        d = DIRECTIVE.match(m.group(1))
        if not d:
            raise CheckerError("cannot read this checker comment", path=source.path, line=line,
                               hint=EXAMPLE)
        reason = next((d.group(g) for g in ("dq", "sq", "cq") if d.group(g) is not None), None)
        if reason is None or not reason.strip():
            raise CheckerError("an ignore comment needs a reason", path=source.path, line=line,
                               hint=EXAMPLE)
        rules = tuple(r.strip() for r in d.group("rules").split(","))
        out.append(Suppression(source=source.id, path=source.path, line=line,
                               target=_line_at(source.text, m.end()) + 1, rules=rules,
                               reason=" ".join(reason.split())))
    return out


def scan_all(sources: Iterable[Source]) -> list[Suppression]:
    return [s for source in sources for s in scan(source)]


def check_rules(suppressions: Sequence[Suppression], rule_ids: Iterable[str]) -> None:
    """Fail on a comment naming a rule that does not exist (a typo suppresses nothing)."""
    known = sorted(rule_ids)
    for s in suppressions:
        for rule in s.rules:
            if rule not in known:
                hint = closest(rule, known).replace("valid keys", "rules")
                raise CheckerError(f"unknown rule '{rule}' in ignore comment", path=s.path,
                                   line=s.line, hint=hint)


def apply(findings: Sequence[Finding], suppressions: Sequence[Suppression]
          ) -> tuple[list[Finding], list[str]]:
    """Mark suppressed findings; notes for comments that matched nothing."""
    used: set[Suppression] = set()
    out = []
    for f in findings:
        match = None
        if f.status == "new":
            match = next((s for s in suppressions if f.rule in s.rules and any(
                c.source == s.source and c.line == s.target for c in f.claims)), None)
        if match is None:
            out.append(f)
            continue
        used.add(match)
        out.append(dataclasses.replace(f, status="suppressed",
                                       details={**f.details, "reason": match.reason}))
    notes = [f"ignore comment at {s.path}:{s.line} matches no finding of "
             f"{', '.join(s.rules)} on line {s.target}" for s in suppressions if s not in used]
    return out, notes
