"""Value scanner, counts and years: what a bare number counts, if anything.

Also vague plurals ("dozens of", "tens of thousands") and "twice"/"thrice".
Mixed into :class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

from .dates import relative_ago
from .numbers import Num, currency_suffix, lookback, noun_after, read_number, suffix_hedge
from .amounts import integral, is_year_num
from .row import Value
from .units import TIMES
from .words import (ANAPHORA, MULT_BLOCK, QTY_VERBS, TIME_UNITS, VAGUE, VAGUE_SCALE,
                          YEAR_HEDGES, YEAR_NEUTRAL, YEAR_NOUNS, YEAR_PREP)


class Counts:
    """Needs self.tz, self.floor, self.pub and self.text."""

    def _times(self, i: int):
        tz = self.tz
        hd = lookback(tz, i, self.floor)
        if tz.lo(i + 1) in MULT_BLOCK and tz.sp(i + 1):
            if tz.lo(i + 1) in ("as", "the") or tz.lo(i + 1) in MULT_BLOCK and tz.word(i + 2, "than"):
                return Value("quantity", tz.toks[hd.start].s, tz.toks[i].e, 2.0 if tz.lo(i) == "twice"
                             else 3.0, TIMES, hd.hedge is not None, hd.hedge), i + 1
            return None, i + 1
        n = 2 if tz.lo(i) == "twice" else 3
        return Value("count", tz.toks[hd.start].s, tz.toks[i].e, n, "time",
                     hd.hedge is not None, hd.hedge), i + 1

    def _vague(self, i: int):
        """"dozens of lawsuits", "tens of thousands", "several hundred people"."""
        tz = self.tz
        lo = tz.lo(i)
        start = i
        if lo == "tens":
            if not (tz.word(i + 1, "of") and tz.lo(i + 2) in VAGUE):
                return None
            base, j = 10 * VAGUE[tz.lo(i + 2)], i + 3
        elif lo in VAGUE:
            base, j = VAGUE[lo], i + 1
            if lo in ("dozens", "hundreds") and tz.word(j, "of") and \
                    tz.lo(j + 1) in ("thousands", "millions", "billions"):
                base, j = base * VAGUE[tz.lo(j + 1)], j + 2
        else:
            if lo == "few":
                if not (tz.word(i - 1, "a") and i - 1 >= self.floor):
                    return None
                start = i - 1
            if tz.lo(i + 1) not in VAGUE_SCALE or not tz.sp(i + 1):
                return None
            base, j = VAGUE_SCALE[tz.lo(i + 1)], i + 2
        value = 2 * base
        stub = Num(value, value, base, start, j, True, False, False)
        s = tz.toks[start].s
        k = j + 1 if tz.word(j, "of") and tz.sp(j) else j
        cur = currency_suffix(tz, k, stub)
        if cur is not None:
            code, end, div = cur
            return Value("money", s, tz.toks[end - 1].e, float(value / div), code, True,
                         "at_least"), end
        na = noun_after(tz, k)
        if na is not None and (k > j or lo in ("several", "few")):
            unit, end = na
            return Value("count", s, tz.toks[end - 1].e, int(value), unit, True, "at_least"), end
        return Value("count", s, tz.toks[j - 1].e, int(value), None, True, "at_least"), j

    def _count_or_year(self, i, left, right, lo_v, hi_v, hd, hedge, start, end):
        tz = self.tz
        last = right if right is not None else left
        sh = suffix_hedge(tz, end)
        noun_at = sh[1] if sh is not None else end
        na = noun_after(tz, noun_at)
        if na is None and sh is not None:
            sh = None
        yearish = is_year_num(left.num, tz) and (
            right is None or (is_year_num(right.num, tz) or (
                right.num.plain and len(tz.toks[right.num.start].t) == 2)))
        if yearish and right is not None and hi_v > 2100:
            yearish = False
        p = start - 1
        prev = tz.lo(p) if p >= self.floor else ""
        if tz.t(i - 1) == "-" and tz.att(i) and tz.att(i - 1) and i - 2 >= self.floor:
            prev = tz.lo(i - 2)
        year_ctx = prev in YEAR_PREP or prev.endswith(("'s", "’s")) or (
            na is not None and na[0] in YEAR_NOUNS)
        if yearish and (year_ctx or na is None):
            y_hedge = hedge if hedge == "range" or hd.phrase in YEAR_HEDGES else None
            if y_hedge is None and hd.phrase in YEAR_NEUTRAL:
                hedge = None                           # "up to 2030", "over 2019 levels"
            if hedge is not None and y_hedge is None:
                if na is None:
                    return None, end
            elif right is None and na is None and prev in QTY_VERBS:
                return None, end
            else:
                if y_hedge is None:
                    start = i
                s, e = tz.toks[start].s, tz.toks[end - 1].e
                return Value("year", s, e, int(lo_v), None, y_hedge == "about", y_hedge,
                             int(hi_v) if hi_v is not None else None), end
        if na is None:
            r = self._bare_count(i, left, right, lo_v, hi_v, hedge, start, end)
            if r is not None:
                return r
            num = last.num
            if num.scale is not None and not num.abbr and integral(lo_v):
                s, e = tz.toks[start].s, tz.toks[end - 1].e
                return Value("count", s, e, int(lo_v), None, hedge is not None, hedge,
                             int(hi_v) if hi_v is not None and integral(hi_v) else None), end
            return None, end
        unit, nend = na
        if sh is not None and hedge is None:
            hedge = sh[0]
        if unit == "time" and tz.lo(nend) in MULT_BLOCK and tz.sp(nend):
            s, e = tz.toks[start].s, tz.toks[nend - 1].e     # "three times the size": a multiplier
            return Value("quantity", s, e, float(lo_v), TIMES, hedge is not None, hedge,
                         float(hi_v) if hi_v is not None else None), nend
        if hd.phrase in (("over",), ("under",)) and unit in TIME_UNITS and hedge == hd.hedge:
            hedge, start = None, i
        if not integral(lo_v) or (hi_v is not None and not integral(hi_v)) or (
                lo_v == 1 and hi_v is None and not self._counted_one(nend)):
            return None, nend
        if tz.word(nend, "ago") and tz.sp(nend) and right is None:
            rel = relative_ago(int(lo_v), unit, self.pub)
            if rel is not None:
                kind, value, resolved = rel
                s, e = tz.toks[start].s, tz.toks[nend].e
                if not resolved:
                    value = self.text[s:e]
                return Value(kind, s, e, value, None, hedge is not None, hedge, None,
                             resolved), nend + 1
        if unit == "vote" and right is None and tz.lo(nend) == "to" and tz.sp(nend):
            other = read_number(tz, nend + 1)          # "by five votes to four": a tally
            if other is not None and integral(other.val):
                s, e = tz.toks[start].s, tz.toks[other.end - 1].e
                return Value("count", s, e, int(lo_v), unit, hedge is not None, hedge,
                             int(other.val)), other.end
        if prev in ANAPHORA and tz.toks[i].k == "w" and lo_v <= 10 and right is None:
            return None, nend                          # "between the two companies"
        sh2 = suffix_hedge(tz, nend) if hedge is None else None
        if sh2 is not None:
            hedge, nend = sh2
        s, e = tz.toks[start].s, tz.toks[nend - 1].e
        return Value("count", s, e, int(lo_v), unit, hedge is not None, hedge,
                     int(hi_v) if hi_v is not None else None), nend
