"""Comparators: vectorised checks over claim groups, registered by name.

A comparator takes the claims of many groups at once (a DataFrame with a
``group`` column and the statement-table columns) plus its parameters, and
returns one row per group: ``ok`` (values compatible) and ``detail`` (why).
Each declares its parameters (type, default, range) so rule files can be validated.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd


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


def intervals(claims: pd.DataFrame, relative: float, hedge_tolerance: float) -> tuple[pd.Series, pd.Series]:
    """The interval of values each claim allows, given its hedge."""
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
    hi = hi.where(~hedge.isin(list(_LOW_ONLY)), math.inf)
    lo = lo.where(~hedge.isin(list(_HIGH_ONLY)), -math.inf)
    hi = hi.where(~hedge.isin(list(_HIGH_ONLY)), v)
    return lo, hi


@register(
    "hedged_amount",
    "Each claim allows an interval (exact value, 'nearly', 'about', 'more than', 'up to', a range); "
    "values agree when all the intervals overlap.",
    relative=Param((int, float), 0.005, "tolerance for exact values, as a share of the value", low=0, high=1),
    hedge_tolerance=Param((int, float), 0.1, "how far 'about' or 'nearly' may stretch, as a share",
                          low=0, high=1),
)
def hedged_amount(claims: pd.DataFrame, relative: float = 0.005, hedge_tolerance: float = 0.1) -> pd.DataFrame:
    lo, hi = intervals(claims, relative, hedge_tolerance)
    key = claims["group"]
    return _result(lo.groupby(key).max() <= hi.groupby(key).min() + 1e-9)


@register(
    "exact",
    "Exact values must be equal (a tally like 5-4 as a pair); hedged ones ('about 80', "
    "'more than 100', 'dozens') must fit the interval their hedge allows.",
    ignore_approx=Param(bool, True, "compare hedged values by their interval instead of exactly"),
    hedge_tolerance=Param((int, float), 0.1, "how far 'about' or 'nearly' may stretch, as a share",
                          low=0, high=1),
)
def exact(claims: pd.DataFrame, ignore_approx: bool = True, hedge_tolerance: float = 0.1) -> pd.DataFrame:
    approx = claims["approx"].fillna(False).astype(bool) if "approx" in claims else \
        pd.Series(False, index=claims.index)
    keep = claims[~approx] if ignore_approx else claims
    groups = claims["group"].unique()
    key = keep["value"].astype(str)
    if "value_hi" in keep:  # a tally "5-4" is the pair of numbers
        key = key + "-" + keep["value_hi"].map(lambda v: "" if pd.isna(v) else str(v))
    distinct = key.groupby(keep["group"]).nunique().reindex(groups).fillna(1)
    ok = (distinct <= 1).set_axis(groups)
    if ignore_approx and approx.any():
        lo, hi = intervals(claims, 0.0, hedge_tolerance)
        ok &= (lo.groupby(claims["group"]).max() <= hi.groupby(claims["group"]).min() + 1e-9) \
            .reindex(groups).fillna(True)
    return _result(ok)


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
    iso = iso.where(resolved & iso.str.match(r"^\d{4}"), None)
    df = pd.DataFrame({"group": claims["group"], "iso": iso}).dropna()
    groups = claims["group"].unique()
    ok = pd.Series(True, index=groups)
    for width in (4, 7, 10):  # year, month, day: compare the values that state it
        part = df[df["iso"].str.len() >= width]
        distinct = part["iso"].str[:width].groupby(part["group"]).nunique()
        ok &= (distinct.reindex(groups).fillna(1) <= 1)
    return _result(ok)


# --- quotes ------------------------------------------------------------------

_EDITED = re.compile(r"\[[^\]]*\]|\.\.\.|…")
_QWORD = re.compile(r"[\w’']+|\x00")
GAP = "…"  # where an editor cut or replaced words: matches any words


def quote_words(text: str) -> list[str]:
    """A quote's words, lower-cased; editors' ellipses and [brackets] become GAP."""
    text = _EDITED.sub(" \x00 ", str(text)).lower().replace("’", "'")
    return [GAP if w == "\x00" else w for w in _QWORD.findall(text)]


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
