"""Comparators: vectorised checks over claim groups, registered by name.

A comparator takes the claims of many groups at once (a DataFrame with a
``group`` column and the statement-table columns) plus its parameters, and
returns one row per group: ``ok`` (values compatible) and ``detail`` (why).
Each declares its parameters (type, default, range) so rule files can be validated.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd

from checker.extract.quotes.words import GAP, quote_words
from checker.extract.values.dates import weekday_of


@dataclass(frozen=True)
class Param:
    type: type | tuple[type, ...]
    default: Any
    help: str
    low: float | None = None   # smallest value allowed (numbers; NaN and infinity never are)
    high: float | None = None  # largest value allowed


@dataclass(frozen=True)
class Comparator:
    name: str
    func: Callable[..., pd.DataFrame]
    params: dict[str, Param]
    help: str


REGISTRY: dict[str, Comparator] = {}


def register(name: str, help: str, **params: Param):
    def wrap(func):
        REGISTRY[name] = Comparator(name, func, params, help)
        return func
    return wrap


def _result(ok: pd.Series, detail: pd.Series | None = None) -> pd.DataFrame:
    out = pd.DataFrame({"ok": ok.astype(bool)})
    out["detail"] = "" if detail is None else detail.reindex(out.index).fillna("")
    return out


def _number(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype(float)


# --- numbers -----------------------------------------------------------------

@register(
    "numeric_tolerance",
    "Values agree when every pair is within a relative or an absolute tolerance.",
    relative=Param((int, float), 0.0, "allowed difference as a share of the larger value", low=0, high=1),
    absolute=Param((int, float), 0.0, "allowed difference in the value's unit", low=0),
)
def numeric_tolerance(claims: pd.DataFrame, relative: float = 0.0, absolute: float = 0.0) -> pd.DataFrame:
    v = _number(claims["value"])
    g = v.groupby(claims["group"])
    lo, hi = g.min(), g.max()
    allowed = np.maximum(absolute, relative * np.maximum(lo.abs(), hi.abs()))
    return _result((hi - lo) <= allowed + 1e-9)


_LOW_ONLY = {"more_than", "at_least"}
_HIGH_ONLY = {"up_to", "less_than"}
_BELOW = {"nearly"}


def intervals(claims: pd.DataFrame, relative: float, hedge_tolerance: float,
              reach: float = 0.0) -> tuple[pd.Series, pd.Series]:
    """The interval of values each claim allows, given its hedge. A one-sided
    bound ("more than 100", "up to 100") is open, or with ``reach`` > 0 holds
    values up to that share beyond it (reach 1: "more than 100" holds up to 200)."""
    v = _number(claims["value"])
    hi_raw = _number(claims["value_hi"]) if "value_hi" in claims else pd.Series(np.nan, index=v.index)
    hedge = claims.get("hedge", pd.Series(None, index=v.index)).fillna("")
    approx = claims.get("approx", pd.Series(False, index=v.index)).fillna(False).astype(bool)
    tol = np.where(approx, np.maximum(relative, hedge_tolerance), relative)
    lo = v * (1 - tol)
    hi = v * (1 + tol)
    is_range = hedge.eq("range") & hi_raw.notna()
    hi = hi.where(~is_range, hi_raw * (1 + relative))
    lo = lo.where(~hedge.isin(list(_BELOW)), v * (1 - hedge_tolerance))
    hi = hi.where(~hedge.isin(list(_BELOW)), v)
    lo = lo.where(~hedge.isin(list(_LOW_ONLY)), v)
    hi = hi.where(~hedge.isin(list(_LOW_ONLY)), v * (1 + reach) if reach else math.inf)
    lo = lo.where(~hedge.isin(list(_HIGH_ONLY)), v / (1 + reach) if reach else -math.inf)
    hi = hi.where(~hedge.isin(list(_HIGH_ONLY)), v)
    return lo, hi


_ROUNDING = Param(bool, True, "an exact figure stands for the values that round to it at the "
                  "precision it is written in ($41 billion holds $40.8 billion)")
_REACH = Param((int, float), 0.0, "how far beyond a one-sided bound ('more than', 'at least', 'up to') "
               "a figure may lie, as a share of the bound: 1 lets 'more than 34,700' hold up to 69,400, "
               "not 226,700; 0 leaves the bound open", low=0)
_INCLUSIVE = Param(bool, False, "an exact figure fits a bound at its precision: 'more than $1.6 trillion' "
                   "holds '$1.6 trillion' (which may be $1.63 trillion rounded); if false, 'more than "
                   "3,000' does not hold 3,000")


def _bounds(claims: pd.DataFrame, relative: float, hedge_tolerance: float, rounding: bool,
            inclusive: bool, reach: float = 0.0) -> tuple[pd.Series, pd.Series]:
    """(ok, rounded) per group.

    Two exact figures agree when the less precise one is the rounding of the
    other at the precision it is written in: they differ by less than half a
    unit of its last written digit (``precision``; a figure exactly half-way,
    $12.5 billion against $13 billion, does not round unambiguously and
    differs). A hedged figure allows its interval ("about", "nearly", "more
    than", a range); every exact figure must fall inside it, and hedged
    intervals must overlap. ``rounded``: agreeing exact figures that are not
    equal.
    """
    key = claims["group"]
    v = _number(claims["value"])
    approx = claims["approx"].fillna(False).astype(bool) if "approx" in claims else \
        pd.Series(False, index=v.index)
    prec = _number(claims["precision"]).fillna(0.0) if rounding and "precision" in claims else \
        pd.Series(0.0, index=v.index)
    exact_rows = pd.DataFrame({"group": key, "v": v, "p": prec})[~approx & v.notna()]
    pairs = exact_rows.merge(exact_rows, on="group")  # every ordered pair in a group (groups are small)
    diff = (pairs["v_x"] - pairs["v_y"]).abs()
    coarse = np.maximum(pairs["p_x"], pairs["p_y"]) / 2
    tol = relative * np.maximum(pairs["v_x"].abs(), pairs["v_y"].abs())
    pair_ok = (diff <= tol + 1e-9 * np.maximum(1.0, pairs["v_x"].abs())) | (diff < coarse)
    groups = key.unique()
    ok = pair_ok.groupby(pairs["group"]).all().reindex(groups, fill_value=True)  # no fillna downcast
    lo_h, hi_h = intervals(claims, 0.0, hedge_tolerance, reach)
    hedge = claims["hedge"].fillna("") if "hedge" in claims else pd.Series("", index=v.index)
    ex = v.where(~approx)
    if inclusive:  # an exact figure stands for what rounds to it: "$1.6 trillion" fits "more than $1.6 trillion"
        half = (prec / 2).where(~approx)
        ex_lo, ex_hi = ex - half, ex + half
    else:  # the exact figure itself must fit: "more than 3,000" does not hold 3,000
        step = v.abs() * 1e-12 + 1e-12
        lo_h = lo_h.where(~hedge.eq("more_than"), lo_h + step)
        hi_h = hi_h.where(~hedge.eq("less_than"), hi_h - step)
        ex_lo = ex_hi = ex
    lo_h, hi_h = lo_h.where(approx), hi_h.where(approx)
    g = lambda s: s.groupby(key).agg(["min", "max"]).reindex(groups)  # noqa: E731
    lo, hi, up, down, x = g(lo_h), g(hi_h), g(ex_hi), g(ex_lo), g(ex)
    eps = 1e-9
    ok &= (lo["max"] <= hi["min"] + eps) | lo["max"].isna() | hi["min"].isna()
    ok &= (up["min"] >= lo["max"] - eps) | up["min"].isna() | lo["max"].isna()
    ok &= (down["max"] <= hi["min"] + eps) | down["max"].isna() | hi["min"].isna()
    rounded = ok & (x["max"] > x["min"])
    return ok.astype(bool), rounded.astype(bool)


def _rounded_note(claims: pd.DataFrame, rounded: pd.Series) -> pd.Series:
    """'rounded: "$41 billion" and "$40.8 billion"' for agreeing groups written differently."""
    notes = {}
    for group in rounded[rounded].index:
        rows = claims[(claims["group"] == group) & ~claims["approx"].fillna(False).astype(bool)]
        shown = list(dict.fromkeys(" ".join(str(r).split()) for r in rows["raw"]))
        notes[group] = "rounded: " + " and ".join(f"“{r}”" for r in shown)
    return pd.Series(notes, dtype=object)


@register(
    "hedged_amount",
    "Exact figures agree when they round to each other at the precision they are written in "
    "($41 billion and $40.8 billion, with a note; $8.3 billion and $8.5 billion differ); a hedged "
    "figure ('nearly', 'about', 'more than', 'up to', a range) must hold every exact one.",
    relative=Param((int, float), 0.0, "extra tolerance for exact figures, as a share of the value",
                   low=0, high=1),
    hedge_tolerance=Param((int, float), 0.1, "how far 'about' or 'nearly' may stretch, as a share",
                          low=0, high=1),
    rounding=_ROUNDING,
    inclusive=_INCLUSIVE,
    bound_reach=_REACH,
)
def hedged_amount(claims: pd.DataFrame, relative: float = 0.0, hedge_tolerance: float = 0.1,
                  rounding: bool = True, inclusive: bool = False, bound_reach: float = 0.0) -> pd.DataFrame:
    ok, rounded = _bounds(claims, relative, hedge_tolerance, rounding, inclusive, bound_reach)
    return _result(ok, _rounded_note(claims, rounded))


@register(
    "exact",
    "Exact counts must be equal (a tally like 5-4 as a pair), or, with rounding, round to each "
    "other ('1.2 million' and 1,180,000); hedged ones ('about 80', 'more than 100', 'dozens') "
    "must hold every exact one.",
    ignore_approx=Param(bool, True, "compare hedged values by their interval instead of exactly"),
    hedge_tolerance=Param((int, float), 0.1, "how far 'about' or 'nearly' may stretch, as a share",
                          low=0, high=1),
    rounding=_ROUNDING,
    inclusive=_INCLUSIVE,
    bound_reach=_REACH,
)
def exact(claims: pd.DataFrame, ignore_approx: bool = True, hedge_tolerance: float = 0.1,
          rounding: bool = True, inclusive: bool = False, bound_reach: float = 0.0) -> pd.DataFrame:
    approx = claims["approx"].fillna(False).astype(bool) if "approx" in claims else \
        pd.Series(False, index=claims.index)
    groups = claims["group"].unique()
    keep = claims[~approx] if ignore_approx else claims
    # a tally "5-4" is the pair of numbers: the second must be equal too
    tally = keep["value_hi"].notna() & keep["hedge"].fillna("").ne("range") if "value_hi" in keep \
        else pd.Series(False, index=keep.index)
    hi_key = keep["value_hi"].where(tally).astype(str)
    ok = (hi_key.groupby(keep["group"]).nunique(dropna=False).reindex(groups).fillna(1) <= 1)
    if not ignore_approx:
        key = keep["value"].astype(str)
        ok &= (key.groupby(keep["group"]).nunique().reindex(groups).fillna(1) <= 1)
        return _result(ok.set_axis(groups))
    bounds, rounded = _bounds(claims, 0.0, hedge_tolerance, rounding, inclusive, bound_reach)
    ok = ok.set_axis(groups) & bounds.reindex(groups, fill_value=True)
    return _result(ok, _rounded_note(claims, rounded.reindex(groups, fill_value=False) & ok))


def _week_days(week: str) -> list[dt.date]:
    """The seven days of an ISO week ("2024-W11")."""
    monday = dt.date.fromisocalendar(int(week[:4]), int(week[6:8]), 1)
    return [monday + dt.timedelta(days=k) for k in range(7)]


def _iso(value: Any) -> str:
    if isinstance(value, (int, np.integer)):
        return f"{int(value):04d}"
    return str(value)


@register(
    "date_granularity",
    "Dates agree at every granularity they state: 2024-10 agrees with 2024-10-02, "
    "2024 with 2024-03; 2024-03-11 and 2024-03-13 disagree even beside a plain 2024-03.",
)
def date_granularity(claims: pd.DataFrame) -> pd.DataFrame:
    iso = claims["value"].map(_iso)
    resolved = claims.get("resolved", pd.Series(True, index=iso.index)).fillna(True).astype(bool)
    iso = iso.where(resolved & iso.str.match(r"^(?:\d{4}|--\d{2})"), None)
    df = pd.DataFrame({"group": claims["group"], "iso": iso}).dropna()
    groups = claims["group"].unique()
    ok = pd.Series(True, index=groups)
    dated = df[df["iso"].str.match(r"^\d{4}")]
    week = dated["iso"].str.match(r"^\d{4}-W\d{2}$")
    for width in (4, 7, 10):  # year, month, day: compare the values that state it
        part = dated[(dated["iso"].str.len() >= width) & ~week]
        distinct = part["iso"].str[:width].groupby(part["group"]).nunique()
        ok &= (distinct.reindex(groups).fillna(1) <= 1)
    # a week ("this week": 2024-W11) holds the days of its ISO week, and
    # meets a month or year its days fall in
    for g in dated.loc[week, "group"].unique():
        rows = dated[dated["group"] == g]
        weeks = set(rows.loc[week[rows.index], "iso"])
        days = [d.isoformat() for d in _week_days(min(weeks))]
        ok[g] &= len(weeks) == 1 and all(any(d.startswith(iso) for d in days)
                                          for iso in rows.loc[~week[rows.index], "iso"])
    # a date with no year ("--10-09") is compared by month and day with every date
    md = df["iso"].str.extract(r"^(?:\d{4}|-)-(\d{2})(?:-(\d{2}))?$")
    month, day = md[0], md[0] + "-" + md[1]
    for part in (month.dropna(), day.dropna()):
        distinct = part.groupby(df.loc[part.index, "group"]).nunique()
        ok &= (distinct.reindex(groups).fillna(1) <= 1)
    # a weekday in an undated article ("Thursday") is compared by its weekday
    # with other weekdays and with the weekday of every full date
    wd = claims["value"].map(weekday_of).where(resolved).dropna()
    distinct = wd.groupby(claims.loc[wd.index, "group"]).nunique()
    ok &= (distinct.reindex(groups).fillna(1) <= 1)
    return _result(ok)



# --- quotes ------------------------------------------------------------------

def quote_changes(a: str, b: str) -> list[tuple[str, str]]:
    """Changed words (a side, b side), ignoring words one quote leaves out at
    either end and words an editor marked as cut or replaced (GAP)."""
    wa, wb = quote_words(a), quote_words(b)
    ops = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes()
    # trim unmatched ends: a partial quote is not a misquote
    while ops and ops[0][0] != "equal" and (ops[0][1] == ops[0][2] or ops[0][3] == ops[0][4]):
        ops = ops[1:]
    while ops and ops[-1][0] != "equal" and (ops[-1][1] == ops[-1][2] or ops[-1][3] == ops[-1][4]):
        ops = ops[:-1]
    out = []
    for op, i1, i2, j1, j2 in ops:
        left, right = wa[i1:i2], wb[j1:j2]
        if op == "equal" or (left and set(left) == {GAP}) or (right and set(right) == {GAP}):
            continue
        out.append((" ".join(w for w in left if w != GAP), " ".join(w for w in right if w != GAP)))
    return out


@register(
    "quote_words",
    "Quotes agree when their words match, ignoring case, punctuation, editors' "
    "ellipses and [brackets], and words one quote simply leaves out at either end.",
    max_changes=Param(int, 0, "how many changed word runs are tolerated", low=0),
)
def quote_words_cmp(claims: pd.DataFrame, max_changes: int = 0) -> pd.DataFrame:
    ok, detail = {}, {}
    for group, rows in claims.groupby("group", sort=False):
        texts = [str(v) for v in rows["value"]]
        changes = []
        for other in texts[1:]:
            changes += quote_changes(texts[0], other)
        ok[group] = len(changes) <= max_changes
        detail[group] = "; ".join(f"“{a}” vs “{b}”" if a and b else
                                  (f"“{a}” left out" if a else f"“{b}” added") for a, b in changes)
    return _result(pd.Series(ok), pd.Series(detail))


# --- single source -----------------------------------------------------------

@register("single_source", "Marks claims that only one source states (no comparison).")
def single_source(claims: pd.DataFrame) -> pd.DataFrame:
    groups = claims["group"].unique()
    return _result(pd.Series(True, index=groups))


# --- reported speech ---------------------------------------------------------

@register(
    "reported_speech",
    "Paraphrases (indirect speech) are never held to each other's words: claims aligned "
    "as the same report agree; a paraphrase is never compared with a direct quote.",
)
def reported_speech(claims: pd.DataFrame) -> pd.DataFrame:
    groups = claims["group"].unique()
    return _result(pd.Series(True, index=groups))
from checker.rules import compare_values  # noqa: E402,F401  (time_of_day)
from checker.rules import compare_statements  # noqa: E402,F401  (statement facts: outcome, role, place, list, name, attribution)
