"""Comparators for times of day (quantities and durations reuse ``hedged_amount``).

A time is minutes after midnight with its zone (``unit``) and the precision it
is stated to (60: "4 am", 1: "4:45"). Registered by name like the others in
:mod:`checker.rules.comparators`.
"""

from __future__ import annotations

import math

import pandas as pd

from checker.extract.values.units import zone_offset
from checker.rules.comparators import Param, _result, register

DAY_MINUTES = 1440


def _interval(v: float, p: float, hedge: str, about: float, near: float, rounding: bool):
    """The minutes a time allows, relative to the group's reference time."""
    half = p / 2 if rounding else 0.0
    if hedge == "about":
        return v - about - half, v + about + half
    if hedge == "after":
        return v, v + near
    if hedge == "before":
        return v - near, v
    return v - half, v + half


@register(
    "time_of_day",
    "Times of day agree when the less precise one is the rounding of the other ('4 am' holds "
    "4:10, not 4:45); 'about' stretches about_minutes, 'shortly after/before' near_minutes. "
    "Times in different zones are converted when both offsets are known (7:45 Beijing time = "
    "23:45 GMT), else not compared.",
    about_minutes=Param((int, float), 15, "how far 'about 4 am' stretches, in minutes", low=0, high=720),
    near_minutes=Param((int, float), 60, "how far 'shortly after midnight' reaches, in minutes",
                       low=0, high=720),
    rounding=Param(bool, True, "a time to the hour stands for the times that round to it"),
)
def time_of_day(claims: pd.DataFrame, about_minutes: float = 15, near_minutes: float = 60,
                rounding: bool = True) -> pd.DataFrame:
    ok, detail = {}, {}
    for group, rows in claims.groupby("group", sort=False):
        zones = [u if isinstance(u, str) and u else None for u in rows.get("unit", [None] * len(rows))]
        minutes = [float(v) for v in pd.to_numeric(rows["value"], errors="coerce")]
        if any(math.isnan(m) for m in minutes):
            ok[group] = True
            continue
        if len(set(zones)) > 1:
            offsets = [zone_offset(z) for z in zones]
            if any(o is None for o in offsets):
                ok[group] = True
                shown = ", ".join(dict.fromkeys(z or "local" for z in zones))
                detail[group] = f"not compared: times in different zones ({shown})"
                continue
            minutes = [m - o for m, o in zip(minutes, offsets)]
        ref = minutes[0]
        rel = [((m - ref + DAY_MINUTES / 2) % DAY_MINUTES) - DAY_MINUTES / 2 for m in minutes]
        prec = [float(p) if isinstance(p, (int, float)) and not math.isnan(p) else 1.0
                for p in rows.get("precision", [1.0] * len(rows))]
        hedges = [h if isinstance(h, str) else "" for h in rows.get("hedge", [""] * len(rows))]
        spans = [_interval(v, p, h, about_minutes, near_minutes, rounding)
                 for v, p, h in zip(rel, prec, hedges)]
        exact = [(v, p) for v, p, h in zip(rel, prec, hedges) if not h]
        good = all(abs(a - b) < max(pa, pb) / 2 or a == b
                   for x, (a, pa) in enumerate(exact) for b, pb in exact[x + 1:]) \
            if rounding else len({a for a, _ in exact}) <= 1
        lo = max(s[0] for s in spans)
        hi = min(s[1] for s in spans)
        good = good and lo <= hi + 1e-9
        ok[group] = good
        if good and len({a for a, _ in exact}) > 1:
            detail[group] = "rounded: " + " and ".join(
                f"“{' '.join(str(r).split())}”" for r, h in zip(rows["raw"], hedges) if not h)
    return _result(pd.Series(ok, dtype=bool), pd.Series(detail, dtype=object))
