"""Comparators of statement facts: outcomes, roles, holders, places, lists,
spellings and quote attribution (see checker/align_facts.py for what makes
two claims one fact). Each returns ``ok`` and a ``detail`` per group."""

from __future__ import annotations

import pandas as pd

from checker.align_facts import same_name
from checker.extract.frames.spelling import name_key
from checker.rules.comparators import _result, register


def _per_group(claims: pd.DataFrame, judge) -> pd.DataFrame:
    ok, detail = {}, {}
    for group, rows in claims.groupby("group", sort=False):
        good, why = judge(rows.to_dict("records"))
        ok[group], detail[group] = good, why
    return _result(pd.Series(ok, dtype=bool), pd.Series(detail, dtype=object))


def _says(rows: list[dict], shown) -> str:
    """'“approved” (a), “rejected” (b)': each distinct value with its sources."""
    by: dict[str, list[str]] = {}
    for r in rows:
        by.setdefault(shown(r), []).append(str(r["source"]))
    return " vs ".join(f"“{v}” ({', '.join(dict.fromkeys(s))})" for v, s in by.items())


def _raw(r: dict) -> str:
    return " ".join(str(r.get("raw") or r["value"]).split())


# --- outcomes ------------------------------------------------------------------

@register("polarity", "Outcomes of one fact agree when they all say yes or all say no "
          "('approved' and 'did not reject' agree; 'approved' and 'rejected' do not).")
def polarity(claims: pd.DataFrame) -> pd.DataFrame:
    def judge(rows):
        signs = {str(r.get("value_hi") or "yes") for r in rows}
        return len(signs) <= 1, "" if len(signs) <= 1 else _says(rows, _raw)
    return _per_group(claims, judge)


# --- roles ---------------------------------------------------------------------

def _role_parts(r: dict) -> tuple[frozenset, dict]:
    quals, mods = set(), {}
    for part in str(r.get("context") or "").split():
        if part.startswith("q:"):
            quals.add(part[2:])
        elif part.startswith("m:"):
            word, _, group = part[2:].partition("@")
            mods[word] = group
    return frozenset(quals), mods


def roles_conflict(a: dict, b: dict) -> bool:
    """Two roles of one head that cannot both be true: another qualifier
    ("acting chairman" / "chairman") or another modifier of one set
    ("finance minister" / "foreign minister")."""
    qa, ma = _role_parts(a)
    qb, mb = _role_parts(b)
    if qa != qb:
        return True
    groups_a = {g: w for w, g in ma.items() if g != "-"}
    groups_b = {g: w for w, g in mb.items() if g != "-"}
    return any(g in groups_b and groups_b[g] != w and w not in mb and groups_b[g] not in ma
               for g, w in groups_a.items())


@register("same_role", "One person's roles agree unless a qualifier differs ('acting', "
          "'former', 'deputy') or a modifier of one set does ('finance' / 'foreign minister', "
          "'district' / 'circuit judge'); CEO and chief executive are one role.")
def same_role(claims: pd.DataFrame) -> pd.DataFrame:
    def judge(rows):
        bad = any(roles_conflict(a, b) for i, a in enumerate(rows) for b in rows[i + 1:])
        return not bad, _says(rows, lambda r: str(r["value"])) if bad else ""
    return _per_group(claims, judge)


@register("same_holder", "The holders of one role agree when they are one person (a "
          "spelling variant is left to the name-spelling rule).")
def same_holder(claims: pd.DataFrame) -> pd.DataFrame:
    def judge(rows):
        first = rows[0]["value"]
        bad = not all(same_name(str(r["value"]), str(first)) for r in rows)
        return not bad, _says(rows, lambda r: str(r["value"])) if bad else ""
    return _per_group(claims, judge)


# --- places --------------------------------------------------------------------

def places_agree(a: dict, b: dict) -> bool:
    """One place named two ways, one inside the other ("Salem" / "Salem,
    Ore."), or a region beside a place that may lie in it."""
    va, vb = str(a["value"]), str(b["value"])
    if a.get("unit") == "part":  # "west" holds "northwest"
        return va in vb or vb in va
    if same_name(va, vb, person=False):
        return True
    ka, kb = set(name_key(va.replace(",", " "))), set(name_key(vb.replace(",", " ")))
    if ka <= kb or kb <= ka:
        return True
    return (a.get("hedge") == "region") != (b.get("hedge") == "region")


@register("same_place", "Places of one thing agree when they name one place, one holds the "
          "other ('Salem' / 'Salem, Ore.'), or one is a region and the other may lie in it.")
def same_place(claims: pd.DataFrame) -> pd.DataFrame:
    def judge(rows):
        bad = not all(places_agree(a, b) for i, a in enumerate(rows) for b in rows[i + 1:])
        return not bad, _says(rows, lambda r: str(r["value"])) if bad else ""
    return _per_group(claims, judge)


# --- lists ---------------------------------------------------------------------

def _members(r: dict) -> list[tuple[str, ...]]:
    return [name_key(m) for m in str(r["value"]).split("|") if m]


def _member_in(m: tuple[str, ...], others: list[tuple[str, ...]]) -> bool:
    return any(m == o or set(m) <= set(o) or set(o) <= set(m) or same_name(" ".join(m), " ".join(o), False)
               for o in others)


@register("same_members", "Lists of one slot agree when they name the same members; a list "
          "that says it names only some ('including', 'such as') agrees with a longer one "
          "(a partial list, noted); a member in one list and not the other is a discrepancy.")
def same_members(claims: pd.DataFrame) -> pd.DataFrame:
    def judge(rows):
        notes, bad = [], False
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                ma, mb = _members(a), _members(b)
                a_in = all(_member_in(m, mb) for m in ma)
                b_in = all(_member_in(m, ma) for m in mb)
                if a_in and b_in:
                    continue
                partial_a, partial_b = a.get("hedge") == "partial", b.get("hedge") == "partial"
                if (a_in and partial_a) or (b_in and partial_b) or (partial_a and partial_b):
                    short = a if a_in and partial_a else b
                    notes.append(f"partial list: {short['source']} names only some")
                    continue
                bad = True
        if bad:
            return False, _says(rows, lambda r: ", ".join(str(r["value"]).split("|")))
        return True, "; ".join(dict.fromkeys(notes))
    return _per_group(claims, judge)


# --- names ---------------------------------------------------------------------

@register("same_spelling", "A name agrees with itself when every source spells it the same "
          "way (case, accents, periods and middle initials aside); two spellings of one name "
          "are shown with their sources and lines.")
def same_spelling(claims: pd.DataFrame) -> pd.DataFrame:
    def judge(rows):
        keys = {tuple(str(r.get("context") or " ".join(name_key(str(r["value"])))).split()) for r in rows}
        if len(keys) <= 1:
            return True, ""
        by: dict[str, list[str]] = {}
        for r in rows:
            by.setdefault(" ".join(str(r["value"]).split()), []).append(f"{r['source']}:{r['line']}")
        return False, " vs ".join(f"“{v}” ({', '.join(s)})" for v, s in by.items())
    return _per_group(claims, judge)


# --- attribution ---------------------------------------------------------------

@register("same_speaker", "The same quoted words agree on attribution when every source "
          "credits them to one person (a surname or a spelling variant counts as the same).")
def same_speaker(claims: pd.DataFrame) -> pd.DataFrame:
    def judge(rows):
        first = str(rows[0]["value"])
        bad = not all(same_name(str(r["value"]), first) for r in rows)
        return not bad, _says(rows, lambda r: str(r["value"])) if bad else ""
    return _per_group(claims, judge)
