"""Verdicts: one finding per claim group, decided by the rule for its kind."""

from __future__ import annotations

import hashlib
from collections import Counter

import pandas as pd

from checker.records import Claim, Finding
from checker.rules import Rule, RuleSet
from checker.rules.comparators import REGISTRY

VERDICT_ORDER = {"discrepancy": 0, "agreement": 1, "single_source": 2}
LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


def show_value(row) -> str:
    """A claim's value as a reader would write it."""
    return str(row["raw"]).strip() if row["kind"] != "quote" else f"“{row['value']}”"


def _topic(rows: pd.DataFrame, aliases=None) -> str:
    """A short label: the measure word and what it is about ("bid (Acme)")."""
    aliases = aliases or {}
    kind = rows["kind"].iloc[0]
    if kind in ("quote", "paraphrase"):
        speaker = next((s for s in rows["speaker"] if isinstance(s, str) and s), None)
        return f"{kind} by {speaker}" if speaker else kind
    topics = [t for t in rows["topic"] if isinstance(t, str) and t]
    topic = Counter(topics).most_common(1)[0][0] if topics else kind
    objects = [o for o in rows["object"] if isinstance(o, str) and o and o.lower() != topic]
    names = [set(str(v).split("|")) - {""} for v in rows["entities"]]
    shared = set.intersection(*names) if names else set()
    subjects = {s for s in rows["subject"] if isinstance(s, str)}
    first = [e for e in str(rows["entities"].iloc[0]).split("|") if e in shared and e not in subjects]
    capital = [o for o in objects if o[:1].isupper()]
    about = (capital or _nearest(rows.iloc[0], first, aliases) or first or objects or [""])[0]
    return f"{topic} ({about})" if about else topic


def _nearest(row, names: list[str], aliases) -> list[str]:
    """The entity named closest before the claim in its sentence, if any."""
    sentence = str(row["sentence"])
    at = sentence.find(" ".join(str(row["raw"]).split()))
    before = sentence[: at if at >= 0 else len(sentence)]
    where = {n: max(before.rfind(w) for w in (n, *aliases.get(n, ()))) for n in names}
    best = max(where, key=where.get, default=None)
    return [best] if best is not None and where[best] >= 0 else []


def _claims(rows: pd.DataFrame) -> tuple[Claim, ...]:
    return tuple(
        Claim(source=r["source"], claim_id=r["claim_id"], kind=r["kind"], line=int(r["line"]),
              start=int(r["start"]), end=int(r["end"]), raw=r["raw"], value=r["value"],
              unit=r["unit"] if isinstance(r["unit"], str) else None, text=r["sentence"],
              approx=bool(r["approx"]), speaker=r["speaker"] if isinstance(r["speaker"], str) else None)
        for r in rows.to_dict("records"))


def _message(rule: Rule, rows: pd.DataFrame, topic: str, detail: str) -> str:
    values = "; ".join(f"{r['source']}:{r['line']} {show_value(r)}" for r in rows.to_dict("records"))
    speaker = next((s for s in rows["speaker"] if isinstance(s, str) and s), "the speaker")
    fields = {"topic": topic, "values": values, "detail": detail, "kind": rows["kind"].iloc[0],
              "sources": ", ".join(dict.fromkeys(rows["source"])), "speaker": speaker}
    try:
        return rule.message.format(**fields) if rule.message else f"{topic}: {values}"
    except (KeyError, IndexError, ValueError):
        return f"{rule.message} ({values})"


def finding_id(rule: str, claim_ids: list[str]) -> str:
    digest = hashlib.sha1("|".join([rule, *sorted(claim_ids)]).encode()).hexdigest()
    return digest[:10]


def decide(claims: pd.DataFrame, ruleset: RuleSet) -> list[Finding]:
    """One finding per group of aligned claims (a ``group`` column)."""
    if claims.empty:
        return []
    sizes = claims.groupby("group")["source"].transform("nunique")
    verdicts: dict[int, tuple[Rule, bool, str]] = {}
    for single, part in claims.groupby(sizes.eq(1)):
        kinds = part.groupby("group")["kind"].first()
        for kind, groups in kinds.groupby(kinds):
            rule = ruleset.for_kind(kind, single=bool(single))
            if rule is None:
                continue
            rows = part[part["group"].isin(groups.index)]
            result = REGISTRY[rule.comparator].func(rows, **rule.params)
            for group, res in result.iterrows():
                verdicts[group] = (rule, bool(res["ok"]), str(res["detail"]))
    findings = []
    for group, rows in claims.groupby("group", sort=True):
        if group not in verdicts:
            continue
        rule, ok, detail = verdicts[group]
        verdict = "single_source" if rule.single_source else ("agreement" if ok else "discrepancy")
        topic = _topic(rows, ruleset.lexicon.aliases)
        findings.append(Finding(
            id=finding_id(rule.id, rows["claim_id"].tolist()), verdict=verdict,
            kind=rows["kind"].iloc[0], topic=topic, rule=rule.id, level=rule.level,
            message=_message(rule, rows, topic, detail), claims=_claims(rows),
            details={"detail": detail} if detail else {}))
    return sort_findings(findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (
        VERDICT_ORDER.get(f.verdict, 9), LEVEL_ORDER.get(f.level, 9),
        f.claims[0].source, f.claims[0].start, f.id))
