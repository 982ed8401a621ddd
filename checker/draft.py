"""Draft mode: check each claim of a draft against the sources it rests on.

The draft and its sources go through the same pipeline (statement tables,
alignment). Each draft claim then gets one verdict: ``supported`` (sources
agree), ``contradicted`` (a source disagrees; when sources disagree among
themselves the finding says so) or ``unsupported`` (no source states it).
Source claims the draft leaves out are returned as omissions.
"""

from __future__ import annotations

import functools

import pandas as pd

from checker.records import Claim, Finding
from checker.rules import RuleSet
from checker.rules.comparators import REGISTRY
from checker.rules.engine import _claims, finding_id, show_value


def _pair_ok(rule, draft_row: pd.Series, source_row: pd.Series) -> tuple[bool, str]:
    frame = pd.DataFrame([draft_row, source_row]).assign(group=0)
    result = REGISTRY[rule.comparator].func(frame, **rule.params)
    return bool(result["ok"].iloc[0]), str(result["detail"].iloc[0])


def _label(rows: pd.DataFrame, aliases) -> str:
    from checker.rules.engine import _topic
    return _topic(rows.to_dict("records"), aliases)


def judge(claims: pd.DataFrame, draft_id: str, ruleset: RuleSet) -> tuple[list[Finding], list[Finding]]:
    """(draft findings in draft order, omitted source claims) from aligned claims."""
    findings: list[Finding] = []
    omissions: list[Finding] = []
    make = functools.partial(_finding, aliases=ruleset.lexicon.aliases)
    for group, rows in claims.groupby("group", sort=True):
        mine = rows[rows["source"] == draft_id]
        others = rows[rows["source"] != draft_id]
        kind = rows["kind"].iloc[0]
        rule = ruleset.for_kind(kind, single=False)
        if mine.empty:
            omissions.append(make("omitted", rows, rule or ruleset.for_kind(kind, single=True), "", {}))
            continue
        draft_row = mine.iloc[0]
        if others.empty or rule is None:
            findings.append(make("unsupported", mine, ruleset.for_kind(kind, single=True) or rule,
                                     f"No source states this {kind}: {show_value(draft_row)}", {}))
            continue
        agree, disagree, changes = [], [], []
        for _, src in others.iterrows():
            ok, detail = _pair_ok(rule, draft_row, src)
            (agree if ok else disagree).append(src)
            if detail:
                changes.append(f"{src['source']}: {detail}")
        ordered = pd.concat([mine.iloc[[0]], others])
        if disagree:
            says = "; ".join(f"{r['source']}:{r['line']} says {show_value(r)}" for r in disagree)
            message = f"The draft's {show_value(draft_row)} is contradicted: {says}"
            if agree:
                message += ("; the sources disagree among themselves ("
                            + ", ".join(r["source"] for r in agree)
                            + (" agrees" if len(agree) == 1 else " agree") + " with the draft)")
            details = {"agree": [r["source"] for r in agree], "disagree": [r["source"] for r in disagree]}
            if changes:
                details["detail"] = "; ".join(changes)
            findings.append(make("contradicted", ordered, rule, message, details))
        else:
            message = (f"The draft's {show_value(draft_row)} is supported by "
                       + ", ".join(f"{r['source']}:{r['line']}" for r in agree))
            findings.append(make("supported", ordered, rule, message,
                                     {"agree": [r["source"] for r in agree]}))
    findings.sort(key=lambda f: (f.claims[0].start, f.id))
    omissions.sort(key=lambda f: (f.claims[0].source, f.claims[0].start))
    return findings, omissions


def _finding(verdict: str, rows: pd.DataFrame, rule, message: str, details: dict,
             aliases=None) -> Finding:
    claims: tuple[Claim, ...] = _claims(rows.to_dict("records"))
    return Finding(id=finding_id(rule.id, rows["claim_id"].tolist()), verdict=verdict,
                   kind=rows["kind"].iloc[0], topic=_label(rows, aliases), rule=rule.id,
                   level="info" if verdict in ("supported", "omitted") else rule.level,
                   message=message, claims=claims, details=details)
