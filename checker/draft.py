"""Draft mode: check each claim of a draft against the sources it rests on.

The draft and its sources go through the same pipeline (statement tables,
alignment). Each draft claim then gets one verdict: ``supported`` (sources
agree), ``contradicted`` (the sources that state it disagree with the draft),
``disputed`` (the sources disagree among themselves and the draft matches one
side; each side is named) or ``unsupported`` (no source states it). A quote
whose words a source prints verbatim, as part of a quote or of a sentence,
is supported. Source claims the draft leaves out are returned as omissions.
"""

from __future__ import annotations

import dataclasses
import functools
import re

import pandas as pd

from checker.records import Claim, Finding, Source
from checker.rules import RuleSet
from checker.rules.comparators import REGISTRY
from checker.rules.engine import _claims, finding_id, show_value
from checker.wording import phrase


def _pair_ok(rule, draft_row: pd.Series, source_row: pd.Series) -> tuple[bool, str]:
    frame = pd.DataFrame([draft_row, source_row]).assign(group=0)
    result = REGISTRY[rule.comparator].func(frame, **rule.params)
    return bool(result["ok"].iloc[0]), str(result["detail"].iloc[0])


def _label(rows: pd.DataFrame, aliases, lexicon=None) -> str:
    from checker.rules.engine import _topic
    return _topic(rows.to_dict("records"), aliases, lexicon)


def judge(claims: pd.DataFrame, draft_id: str, ruleset: RuleSet,
          sources=()) -> tuple[list[Finding], list[Finding]]:
    """(draft findings in draft order, omitted source claims) from aligned claims;
    ``sources``: the source articles, searched for a quote's words verbatim."""
    findings: list[Finding] = []
    omissions: list[Finding] = []
    make = functools.partial(_finding, aliases=ruleset.lexicon.aliases, lexicon=ruleset.lexicon)
    for group, rows in claims.groupby("group", sort=True):
        mine = rows[rows["source"] == draft_id]
        others = rows[rows["source"] != draft_id]
        kind = rows["kind"].iloc[0]
        rule = ruleset.for_kind(kind, single=False)
        if mine.empty:
            omissions.append(make("omitted", rows, rule or ruleset.for_kind(kind, single=True), "", {}))
            continue
        draft_row = mine.iloc[0]
        if others.empty and kind == "quote":
            found = verbatim(str(draft_row["value"]), sources)
            if found is not None:
                findings.append(_verbatim_finding(mine, found, rule or ruleset.for_kind(kind, single=True)))
                continue
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
            details = {"agree": [r["source"] for r in agree], "disagree": [r["source"] for r in disagree]}
            if changes:
                details["detail"] = "; ".join(changes)
            if agree:  # the draft took one side of the sources' own disagreement
                on = phrase(kind, _label(rows, ruleset.lexicon.aliases, ruleset.lexicon))
                matches = ", ".join(f"{r['source']}:{r['line']}" for r in agree)
                message = (f"The sources disagree on {on}: the draft's {show_value(draft_row)} "
                           f"matches {matches}; {says}")
                details["sides"] = [{"value": show_value(draft_row), "sources": details["agree"]}] + [
                    {"value": show_value(r), "sources": [r["source"]]} for r in disagree]
                findings.append(dataclasses.replace(make("disputed", ordered, rule, message, details),
                                                    level="warning"))
            else:
                message = f"The draft's {show_value(draft_row)} is contradicted: {says}"
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
             aliases=None, lexicon=None) -> Finding:
    claims: tuple[Claim, ...] = _claims(rows.to_dict("records"))
    return Finding(id=finding_id(rule.id, rows["claim_id"].tolist()), verdict=verdict,
                   kind=rows["kind"].iloc[0], topic=_label(rows, aliases, lexicon), rule=rule.id,
                   level="info" if verdict in ("supported", "omitted") else rule.level,
                   message=message, claims=claims, details=details)


# ---------------------------------------------------------------- verbatim quotes

_WORD = re.compile(r"[\w’']+")
_EOL = re.compile(r"\r\n|\r|\n")
MIN_VERBATIM_WORDS = 3  # "No", "thank you" are everywhere; a partial quote needs three words


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)]


def verbatim(quote: str, sources) -> tuple[Source, int, int] | None:
    """(source, start, end) of the first source text holding the quote's words in
    order, none missing or changed (case, punctuation and quote marks aside)."""
    want = [w for w, _, _ in _words(quote)]
    if len(want) < MIN_VERBATIM_WORDS:
        return None
    for src in sorted(sources, key=lambda s: s.id):
        words = _words(src.plain)
        flat = [w for w, _, _ in words]
        for i in (n for n, w in enumerate(flat) if w == want[0]):
            if flat[i:i + len(want)] == want:
                return src, words[i][1], words[i + len(want) - 1][2]
    return None


def _verbatim_finding(mine: pd.DataFrame, found, rule) -> Finding:
    src, start, end = found
    line = len(_EOL.findall(src.text, 0, start)) + 1
    first = max(src.text.rfind("\n", 0, start), src.text.rfind("\r", 0, start)) + 1
    last = min([i for i in (src.text.find("\n", end), src.text.find("\r", end)) if i >= 0] or [len(src.text)])
    words = src.text[start:end]
    theirs = Claim(source=src.id, claim_id=f"{src.id}#verbatim{start}", kind="quote", line=line,
                   start=start, end=end, raw=words, value=words, unit=None, text=src.text[first:last])
    draft = _claims(mine.iloc[[0]].to_dict("records"))[0]
    message = (f"The draft's {show_value(mine.iloc[0])} is supported: {src.id}:{line} "
               "has these words verbatim")
    return Finding(id=finding_id(rule.id, [draft.claim_id, theirs.claim_id]), verdict="supported",
                   kind="quote", topic=_label(mine, None), rule=rule.id, level="info",
                   message=message, claims=(draft, theirs), details={"agree": [src.id], "verbatim": True})
