"""Inline suppressions: ``<!-- checker: ignore=<rule-id> reason="..." -->``.

The comment goes on the line before the claim's line (the line after the
comment's end) and applies to that article's claims on that line only, for
the rules it names (comma-separated). A reason is required.

A finding is ``suppressed`` (still reported, never failing) when the claims
left once those are taken out no longer disagree: the suppressed claim was
the outlier, only one source is left, or, in draft mode, the claim is the
draft's own or every source that contradicted the draft is suppressed. A
finding whose other claims still disagree stays (and fails), with every
claim shown and ``details.suppressed`` naming the suppressed ones, and a
note saying so. Findings that cannot fail (agreements, single-source claims)
are suppressed whole.
The loader blanks comments out of ``Source.plain``, so ``Source.text`` is scanned.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from checker.errors import CheckerError
from checker.hints import closest
from checker.records import Claim, Finding, Source

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


def still_disagree(table, ruleset) -> Callable[[Finding, Sequence[Claim]], bool]:
    """Whether ``claims`` of a finding still disagree, by the finding's own rule
    (its comparator run on their statement-table rows as one group)."""
    from checker.rules.comparators import REGISTRY
    rules = {r.id: r for r in ruleset.rules}

    def judge(f: Finding, claims: Sequence[Claim]) -> bool:
        rule = rules.get(f.rule)
        rows = table[table["claim_id"].isin([c.claim_id for c in claims])] if table is not None else None
        if rule is None or rows is None or len(rows) != len(claims):
            return True  # cannot tell: never hide a disagreement
        result = REGISTRY[rule.comparator].func(rows.assign(group=0), **rule.params)
        return not bool(result["ok"].iloc[0])
    return judge


def _left_disagree(f: Finding, hit: Sequence[Claim], draft: str | None,
                   disagree: Callable[[Finding, Sequence[Claim]], bool] | None) -> bool:
    """Whether the claims of ``f`` not in ``hit`` still disagree."""
    hit_sources = {c.source for c in hit}
    if f.verdict in ("contradicted", "disputed"):  # draft mode: the draft's claim against each source
        if draft in hit_sources:
            return False
        return bool(set(f.details.get("disagree", ())) - hit_sources)
    if f.verdict != "discrepancy":
        return False
    left = [c for c in f.claims if c not in hit]
    if len({c.source for c in left}) < 2:
        return False
    return disagree(f, left) if disagree else True


def apply(findings: Sequence[Finding], suppressions: Sequence[Suppression], draft: str | None = None,
          disagree: Callable[[Finding, Sequence[Claim]], bool] | None = None
          ) -> tuple[list[Finding], list[str]]:
    """Mark suppressed findings; notes for comments that matched nothing and for
    findings that stay because their other claims still disagree. ``disagree``
    (see ``still_disagree``) re-judges what is left; without it, a finding with
    two sources left stays."""
    used: set[Suppression] = set()
    out, kept = [], []
    for f in findings:
        hits = {} if f.status != "new" else {
            c: s for c in f.claims for s in suppressions
            if f.rule in s.rules and c.source == s.source and c.line == s.target}
        if not hits:
            out.append(f)
            continue
        used.update(hits.values())
        first = next(iter(hits.values()))
        if not _left_disagree(f, list(hits), draft, disagree):
            out.append(dataclasses.replace(f, status="suppressed",
                                           details={**f.details, "reason": first.reason}))
            continue
        marked = [{"source": c.source, "line": c.line, "reason": s.reason} for c, s in hits.items()]
        changes = {}
        if f.verdict == "disputed" and not set(f.details.get("agree", ())) - {c.source for c in hits}:
            # every source on the draft's side is suppressed: the rest contradict it
            changes = {"verdict": "contradicted", "level": "error"}
        out.append(dataclasses.replace(f, details={**f.details, "suppressed": marked}, **changes))
        others = ", ".join(dict.fromkeys(c.source for c in f.claims if c not in hits))
        kept.append(f"ignore comment at {first.path}:{first.line} suppresses the claim of line "
                    f"{first.target} only: {others} still disagree, so the {f.rule} finding "
                    f"'{f.topic}' stays")
    notes = [f"ignore comment at {s.path}:{s.line} matches no finding of "
             f"{', '.join(s.rules)} on line {s.target}" for s in suppressions if s not in used]
    return out, notes + kept
