"""Run the ``examples`` a rule file carries: texts that must agree or disagree."""

from __future__ import annotations

import pandas as pd

from checker.rules import Rule, RuleSet
from checker.rules.comparators import REGISTRY


def example_claim(text: str, kinds: tuple[str, ...], lexicon=None) -> dict | None:
    """The first claim of one of ``kinds`` in an example text."""
    if kinds in (("quote",), ("paraphrase",), ("attribution",)):  # the words are the claim
        return {"kind": kinds[0], "value": text, "value_hi": None, "unit": None,
                "approx": False, "hedge": None, "resolved": True}
    from checker.extract.frames.facts import FACT_KINDS
    if set(kinds) & set(FACT_KINDS):  # a statement fact: the sentence's first one
        from checker.rules.facts_example import fact_claim
        return fact_claim(text, kinds, lexicon)
    from checker.extract.values.precision import stated_precision
    from checker.extract.values.find import find_values
    for v in find_values(text):
        if v.kind in kinds:
            raw = text[v.start:v.end]
            return {"kind": v.kind, "value": v.value, "value_hi": v.value_hi, "unit": v.unit,
                    "approx": v.approx, "hedge": v.hedge, "resolved": v.resolved, "raw": raw,
                    "precision": v.precision if v.precision is not None
                    else stated_precision(raw, v.value, bool(v.approx))}
    return None


def run_rule(rule: Rule, lexicon=None) -> tuple[list[str], int]:
    """(failure messages, number of examples) for one rule."""
    failures, total = [], 0
    for expect, cases in rule.examples.items():
        for case in cases:
            total += 1
            claims = [example_claim(text, rule.kinds, lexicon) for text in case]
            missing = [t for t, c in zip(case, claims) if c is None]
            if missing:
                failures.append(f"{rule.id} ({rule.path}): no {'/'.join(rule.kinds)} claim found in {missing[0]!r}")
                continue
            frame = pd.DataFrame(claims).assign(group=0, source=[f"s{i}" for i in range(len(claims))])
            ok = bool(REGISTRY[rule.comparator].func(frame, **rule.params)["ok"].iloc[0])
            if ok != (expect == "agree"):
                failures.append(f"{rule.id} ({rule.path}): expected {' / '.join(map(repr, case))} "
                                f"to {expect}, but they {'agree' if ok else 'disagree'}")
    return failures, total


def run_examples(ruleset: RuleSet) -> tuple[list[str], int]:
    failures, total = [], 0
    for rule in ruleset.rules:
        f, n = run_rule(rule, ruleset.lexicon)
        failures += f
        total += n
    return failures, total
