"""Coverage: how many claims were compared, and why the others were not.

Silence must mean "checked and consistent", never "skipped": every claim of
the statement table is either compared (in a group with another source's
claim) or counted under the reason it was not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.wording import plural

REASONS = {
    "single_source": "with no counterpart in another source",
    "unresolved": "relative date{s} that could not be resolved (the article's date is unknown)",
    "no_rule": "of a kind no rule compares",
    "other": "in no finding",
}


@dataclass(frozen=True)
class Coverage:
    claims: int                  # figures, dates and quotes extracted
    compared: int                # in a group with another source's claim
    not_compared: dict[str, int] = field(default_factory=dict)  # reason key -> claims
    statements: int = 0          # sentence frames (statements), not compared yet
    no_rule_kinds: tuple[str, ...] = ()
    facts: int = 0               # statement facts (outcomes, roles, places, lists, names)
    facts_compared: int = 0      # ... in a finding with another claim

    def reasons(self) -> list[tuple[str, int]]:
        """(reason in words, claims) for every reason with claims."""
        out = []
        for key, n in self.not_compared.items():
            if n:
                words = REASONS[key].replace("{s}", "" if n == 1 else "s")
                if key == "no_rule" and self.no_rule_kinds:
                    words += f" ({', '.join(self.no_rule_kinds)})"
                out.append((words, n))
        return out

    def line(self) -> str:
        """'Compared 6 of 17 claims; not compared: 11 with no counterpart ...'."""
        text = f"Compared {self.compared} of {plural(self.claims, 'claim')}"
        if self.reasons():
            text += "; not compared: " + ", ".join(f"{n} {words}" for words, n in self.reasons())
        if self.facts:
            text += f"; {self.facts_compared} of {self.facts} statement facts in a finding"
        return text

    def as_dict(self) -> dict:
        out = {"claims": self.claims, "compared": self.compared,
               "not_compared": {k: v for k, v in self.not_compared.items() if v},
               "statements": self.statements}
        if self.facts:
            out["facts"] = {"extracted": self.facts, "compared": self.facts_compared}
        return out


def measure(table, findings, compared_kinds) -> Coverage:
    """Coverage of ``table`` (the statement table) by ``findings``."""
    if table is None or table.empty:
        return Coverage(0, 0)
    from checker.extract.frames.facts import FACT_KINDS
    fact = table["kind"].isin(FACT_KINDS)
    rows = table[(table["kind"] != "statement") & ~fact]
    in_group: dict[str, int] = {}
    for f in findings:
        sources = {c.source for c in f.claims}
        for c in f.claims:
            in_group[c.claim_id] = len(sources)
    ids = rows["claim_id"]
    multi = ids.map(lambda i: in_group.get(i, 0) >= 2)
    single = ids.map(lambda i: in_group.get(i, 0) == 1)
    ruled = rows["kind"].isin(list(compared_kinds))
    unresolved = ruled & ~rows["resolved"].astype(bool) & ~multi & ~single
    no_rule = ~ruled
    left = ~(multi | single | unresolved | no_rule)
    not_compared = {"single_source": int(single.sum()), "unresolved": int(unresolved.sum()),
                    "no_rule": int(no_rule.sum())}
    not_compared["other"] = int(left.sum())  # should not happen: every compared kind has a rule
    kinds = tuple(sorted(set(rows.loc[no_rule, "kind"])))
    found = {c.claim_id for f in findings if len(f.claims) >= 2 for c in f.claims}
    facts = table.loc[fact, "claim_id"]
    return Coverage(claims=len(rows), compared=int(multi.sum()), not_compared=not_compared,
                    statements=int((table["kind"] == "statement").sum()), no_rule_kinds=kinds,
                    facts=len(facts), facts_compared=int(facts.isin(found).sum()))
