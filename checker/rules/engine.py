"""Verdicts: one finding per claim group, decided by the rule for its kind."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pandas as pd

from checker.records import Claim, Finding
from checker.rules import Rule, RuleSet, message_parts
from checker.rules.comparators import REGISTRY
from checker.schema import COLUMNS

FACT_TOPICS = ("outcome", "role", "holder", "place", "list", "name", "attribution")
VERDICT_ORDER = {"discrepancy": 0, "agreement": 1, "single_source": 2}
LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


def show_value(row) -> str:
    """A claim's value as a reader would write it."""
    return str(row["raw"]).strip() if row["kind"] != "quote" else f"“{row['value']}”"


def _records(rows) -> list[dict]:
    """Claim rows as plain dicts (a DataFrame is converted once)."""
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)


def _topic(rows, aliases=None, lexicon=None) -> str:
    """A short label: what the figure measures and whose it is ("bid (Acme)",
    "deaths (Xinhua News Agency)", "counties (Zhangxian)"). The measure word is
    shown as the lexicon's measure_names say; a count of things is named by
    the thing ("goals", "aftershocks"), a count of people by its measure
    ("deaths", "injured"). What it is about is a name the claims' sentences
    hold, never a common word of the sentence."""
    rows = _records(rows)
    aliases = aliases or {}
    names = lexicon.measure_names if lexicon is not None else {}
    people = (frozenset(lexicon.facts.get("people_nouns", ())) | lexicon.generic_nouns) if lexicon is not None \
        else frozenset({"people", "person"})
    kind = rows[0]["kind"]
    if kind in FACT_TOPICS:  # a statement fact names its own topic ("role of Jane Doe")
        return str(rows[0]["topic"])
    if kind in ("quote", "paraphrase"):
        speaker = next((r["speaker"] for r in rows if isinstance(r["speaker"], str) and r["speaker"]), None)
        return f"{kind} by {speaker}" if speaker else kind
    topics = [r["topic"] for r in rows if isinstance(r["topic"], str) and r["topic"]]
    units = [r["unit"] for r in rows if kind == "count" and isinstance(r["unit"], str) and r["unit"]]
    unit = Counter(units).most_common(1)[0][0] if units else None
    if unit and (not topics or unit.lower() not in people):  # "beds", not "count"
        topic = plural_noun(unit)
    elif topics:
        word = Counter(topics).most_common(1)[0][0]
        topic = names.get(word, word)
    else:
        topic = kind
    entities = [set(str(r["entities"]).split("|")) - {""} for r in rows]
    shared = set.intersection(*entities) if entities else set()
    named = set.union(*entities) if entities else set()
    subjects = {r["subject"] for r in rows if isinstance(r["subject"], str)}
    first = [e for e in str(rows[0]["entities"]).split("|") if e in shared and e not in subjects]
    # an object is shown only when it is a name ("bid for Acme"): "Almost" and
    # "Fifty-six" open their sentences, "home" and "more" are no one's
    capital = [o for r in rows for o in [r["object"]]
               if isinstance(o, str) and o.lower() != topic and (o in named or _name_like(o, r, lexicon))]
    about = next(filter(None, map(_without_number, (*capital, *_nearest(rows[0], first, aliases), *first))), "")
    return f"{topic} ({about})" if about else topic


def _without_number(name: str) -> str:
    """A name without the number words that open it ("Twenty-two Vela" is
    "Vela"; "Fifty-six", opening a sentence, is no name at all)."""
    from checker.extract.values.numbers import TENS, UNITS
    words = name.split()
    while words and all(w in UNITS or w in TENS for w in words[0].lower().split("-")):
        words = words[1:]
    return " ".join(words)


_HEADLINE = re.compile(r"\b[A-Za-z][a-z]{3,}")


def _name_like(word: str, row: dict, lexicon) -> bool:
    """An object the name finder did not take (a name opening its sentence,
    "Vela was fined") may still be one: capitalised words that are no
    hedge ("Almost"), stop word or number, outside a headline ("Go Back")."""
    from checker.extract.values.words import HEDGE_WORDS
    words = word.split()
    if not words or not all(w[:1].isupper() for w in words) or not _without_number(word):
        return False
    stop = lexicon.stopwords if lexicon is not None else frozenset()
    if words[0].lower() in HEDGE_WORDS or words[0].lower() in stop:
        return False
    long = _HEADLINE.findall(str(row.get("sentence") or ""))
    return not (len(long) >= 4 and all(w[0].isupper() for w in long))


_PLURAL_SAME = frozenset({"people", "police", "staff", "personnel", "livestock", "cattle", "sheep",
                          "deer", "fish", "aircraft", "series", "species"})


_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet",
              "tooth": "teeth", "mouse": "mice", "goose": "geese", "life": "lives", "knife": "knives",
              "wife": "wives", "leaf": "leaves", "half": "halves", "wolf": "wolves", "shelf": "shelves",
              "thief": "thieves", "hero": "heroes", "potato": "potatoes", "tomato": "tomatoes",
              "echo": "echoes", "veto": "vetoes", "torpedo": "torpedoes", "lens": "lenses", "gas": "gases",
              "bus": "buses", "virus": "viruses", "campus": "campuses", "census": "censuses"}


def plural_noun(noun: str) -> str:
    """A counted noun as a label says it: "beds", "counties", "children",
    "crises", "people"; a participle ("injured", "missing") or a plural
    stays as it is."""
    low = noun.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low in _IRREGULAR.values():
        return noun
    if low.endswith("is") and len(low) > 4:  # "crisis", "analysis"
        return noun[:-2] + "es"
    if low in _PLURAL_SAME or low in ("missing", "dead") or (low.endswith("ed") and len(low) >= 6):
        return noun  # "injured", "damaged" (never "bed", "shed")
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):  # "goals": a plural already
        return noun
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _nearest(row, names: list[str], aliases) -> list[str]:
    """The entity named closest before the claim in its sentence, if any."""
    sentence = str(row["sentence"])
    at = sentence.find(" ".join(str(row["raw"]).split()))
    before = sentence[: at if at >= 0 else len(sentence)]
    where = {n: max(before.rfind(w) for w in (n, *aliases.get(n, ()))) for n in names}
    best = max(where, key=where.get, default=None)
    return [best] if best is not None and where[best] >= 0 else []


def _claims(rows) -> tuple[Claim, ...]:
    return tuple(
        Claim(source=r["source"], claim_id=r["claim_id"], kind=r["kind"], line=int(r["line"]),
              start=int(r["start"]), end=int(r["end"]), raw=r["raw"], value=r["value"],
              unit=r["unit"] if isinstance(r["unit"], str) else None, text=r["sentence"],
              approx=bool(r["approx"]), speaker=r["speaker"] if isinstance(r["speaker"], str) else None)
        for r in _records(rows))


def _message(rule: Rule, rows, topic: str, detail: str) -> str:
    rows = _records(rows)
    values = "; ".join(f"{r['source']}:{r['line']} {show_value(r)}" for r in rows)
    speaker = next((r["speaker"] for r in rows if isinstance(r["speaker"], str) and r["speaker"]),
                   "the speaker")
    fields = {"topic": topic, "values": values, "detail": detail, "kind": rows[0]["kind"],
              "sources": ", ".join(dict.fromkeys(r["source"] for r in rows)), "speaker": speaker}
    if not rule.message:
        return f"{topic}: {values}"
    # never str.format: only the documented names are filled in (validated when the rule loads)
    try:
        parts = message_parts(rule.message)
    except ValueError:  # a Rule made in code, not loaded from a file
        return f"{rule.message} ({values})"
    return "".join(literal + (str(fields[name]) if name else "") for literal, name in parts)


def _key(r: dict) -> tuple:
    return str(r["value"]), str(r.get("value_hi")), bool(r["approx"])


def _candidates(rows: list[dict]) -> list[tuple[dict, list[dict], int]]:
    """(first row, the other rows, how many state it) for each value stated most often."""
    if len({r["source"] for r in rows}) < 3:
        return []
    counts = Counter(_key(r) for r in rows).most_common()
    return [(next(r for r in rows if _key(r) == value), [r for r in rows if _key(r) != value], n)
            for value, n in counts if n == counts[0][1]]


def _majorities(groups: dict, rules: dict) -> dict:
    """group -> its majority value and outlying sources (``_majority``), for
    every discrepancy group of three or more sources; the rule judges every
    (majority, other) pair of all groups in one call per rule."""
    asks = {g: _candidates(rows) for g, rows in groups.items()}
    pairs: dict[str, tuple[Rule, list[tuple[dict, dict]]]] = {}
    for g, cands in asks.items():
        for first, others, _ in cands:
            pairs.setdefault(rules[g].id, (rules[g], []))[1].extend((first, o) for o in others)
    judged = {rid: iter(_consistent(rule, todo)) for rid, (rule, todo) in pairs.items()}
    out = {}
    for g, cands in asks.items():
        verdicts = [[next(judged[rules[g].id]) for _ in others] for _, others, _ in cands]
        out[g] = _majority(groups[g], cands, verdicts)
    return out


def _majority(rows: list[dict], cands: list, verdicts: list[list[bool]]) -> dict:
    """With three or more sources, the value most of them state and the outlying sources.

    A source whose value the rule finds consistent with the majority's
    ("nearly 8.8 million" beside 8,794,726) is not an outlier; two values
    held as widely are no majority."""
    best = None  # (rows consistent with it, its first row, the outliers, rows stating it)
    for (first, others, n), agrees in zip(cands, verdicts):
        outliers = [r for r, ok in zip(others, agrees) if not ok]
        held = len(rows) - len(outliers)
        if best is not None and held == best[0]:
            return {}
        if best is None or held > best[0]:
            best = (held, first, outliers, n)
    if best is None:
        return {}
    held, first, outliers, n = best
    if not outliers or held * 2 <= len(rows):
        return {}  # no value most sources hold (or are consistent with)
    shown = show_value(first)
    out = ", ".join(f"{r['source']} says {show_value(r)}" for r in outliers)
    said = f"{held} of {len(rows)} sources say {shown}" if held == n else \
        f"{held} of {len(rows)} sources are consistent with {shown}"
    return {"majority": shown, "outliers": [r["source"] for r in outliers], "text": f"{said}; {out}"}


def _consistent(rule: Rule, todo: list[tuple[dict, dict]]) -> list[bool]:
    """Whether the rule finds each pair's second row consistent with its first."""
    if rule.comparator not in REGISTRY or not todo:
        return [False] * len(todo)
    pairs = pd.DataFrame([dict(r, group=k) for k, pair in enumerate(todo) for r in pair])
    pairs = pairs.astype({c: t for c, t in COLUMNS.items() if c in pairs})  # the table's dtypes
    ok = REGISTRY[rule.comparator].func(pairs, **rule.params)["ok"].to_dict()
    return [bool(ok.get(k, False)) for k in range(len(todo))]


def finding_id(rule: str, claim_ids: list[str]) -> str:
    text = "|".join([rule, *sorted(claim_ids)])
    # surrogateescape: an id made from a file name that was not UTF-8 still hashes
    digest = hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()
    return digest[:10]


def decide(claims: pd.DataFrame, ruleset: RuleSet, whys: dict | None = None) -> list[Finding]:
    """One finding per group of aligned claims (a ``group`` column); ``whys``:
    group -> why alignment grouped it (``details.why``)."""
    if claims.empty:
        return []
    sizes = claims.groupby("group")["source"].transform("nunique")
    # a name spelled two ways inside one article is compared too
    sizes = sizes.where(claims["kind"].ne("name"), claims.groupby("group")["claim_id"].transform("nunique"))
    verdicts: dict[int, tuple[Rule, bool, str]] = {}
    for single, part in claims.groupby(sizes.eq(1)):
        kinds = part.groupby("group")["kind"].first()
        for kind, groups in kinds.groupby(kinds):
            rule = ruleset.for_kind(kind, single=bool(single))
            if rule is None:
                continue
            rows = part[part["group"].isin(groups.index)]
            result = REGISTRY[rule.comparator].func(rows, **rule.params)
            for group, ok, detail in zip(result.index, result["ok"], result["detail"]):
                verdicts[group] = (rule, bool(ok), str(detail))
    # per finding only plain Python: the rows are converted to dicts once
    by_group: dict = {}
    for row in claims.to_dict("records"):
        if row["group"] in verdicts:
            by_group.setdefault(row["group"], []).append(row)
    findings = []
    differ = {g: rows for g, rows in by_group.items() if not verdicts[g][0].single_source and not verdicts[g][1]}
    majorities = _majorities(differ, {g: verdicts[g][0] for g in differ})
    for group in sorted(by_group):
        rows = by_group[group]
        rule, ok, detail = verdicts[group]
        verdict = "single_source" if rule.single_source else ("agreement" if ok else "discrepancy")
        topic = _topic(rows, ruleset.lexicon.aliases, ruleset.lexicon)
        extra = majorities.get(group, {})
        findings.append(Finding(
            id=finding_id(rule.id, [r["claim_id"] for r in rows]), verdict=verdict,
            kind=rows[0]["kind"], topic=topic, rule=rule.id, level=rule.level,
            message=_message(rule, rows, topic, detail) + (f". {extra['text']}." if extra else ""),
            claims=_claims(rows),
            details=({"detail": detail} if detail else {})
            | ({"majority": extra["majority"], "outliers": extra["outliers"]} if extra else {})
            | ({"why": whys[group]} if whys and group in whys else {})))
    return sort_findings(findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (
        VERDICT_ORDER.get(f.verdict, 9), LEVEL_ORDER.get(f.level, 9),
        f.claims[0].source, f.claims[0].start, f.id))
