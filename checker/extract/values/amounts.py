"""Value scanner, amounts: one number or a range, with currency or percent.

A side is one end of a possible range ("$5" in "$5-7 million"); two sides
joined by a dash, "to" or "and" make a range or a vote tally.  Mixed into
:class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .numbers import (Hedge, Num, Toks, currency_prefix, currency_suffix, lookback, read_number,
                      suffix_hedge)
from .row import Value
from .words import VOTE_AFTER, VOTE_BEFORE


class Side(NamedTuple):
    ccy: str | None
    num: Num
    pct: str | None      # "%" | "pp" | "bp"
    plus: bool           # "5,000+" / "5,000-plus"
    start: int
    end: int


def is_year_num(num: Num, tz: Toks) -> bool:
    tok = tz.toks[num.start]
    return num.plain and len(tok.t) == 4 and 1800 <= int(tok.t) <= 2100


def integral(x: Decimal) -> bool:
    return x == x.to_integral_value()


class Amounts:
    """Needs self.tz, self.floor, Blocks._ratio and Counts._count_or_year."""

    def _side(self, i: int) -> Side | None:
        tz = self.tz
        ccy, j = currency_prefix(tz, i)
        if ccy is not None and (j >= tz.n or tz.toks[j].k != "n" or tz.toks[j].gap > 1):
            return None
        num = read_number(tz, j)
        if num is None:
            return None
        k = num.end
        plus = False
        if tz.t(k) == "+" and tz.att(k) and not (tz.k(k + 1) == "n" and tz.att(k + 1)):
            plus, k = True, k + 1
        elif tz.t(k) == "-" and tz.att(k) and tz.lo(k + 1) == "plus" and tz.att(k + 1):
            plus, k = True, k + 2
        pct = None
        if ccy is None:
            pct, k = self._pct(k)
        return Side(ccy, num, pct, plus, i, k)

    def _pct(self, k: int) -> tuple[str | None, int]:
        tz = self.tz
        if k >= tz.n:
            return None, k
        tok = tz.toks[k]
        lo = tok.lo
        if tok.t == "%" and tok.gap <= 1:
            return "%", k + 1
        if tok.k == "w":
            if tok.gap == 0:
                if lo in ("pc", "pct", "percent"):
                    return "%", k + 1
                if lo in ("bps", "bp"):
                    return "bp", k + 1
                if lo in ("pp", "ppt", "ppts"):
                    return "pp", k + 1
                return None, k
            if lo in ("percent", "pct"):
                return "%", k + 1
            if lo in ("bps", "bp"):
                return "bp", k + 1
            if lo in ("pp", "ppt", "ppts"):
                return "pp", k + 1
            if lo == "per" and tz.word(k + 1, "cent") and tz.sp(k + 1):
                return "%", k + 2
            if lo in ("percentage", "basis"):
                unit = "pp" if lo == "percentage" else "bp"
                if tz.lo(k + 1) in ("point", "points") and tz.sp(k + 1):
                    return unit, k + 2
                if tz.t(k + 1) == "-" and tz.att(k + 1) and tz.att(k + 2) and \
                        tz.lo(k + 2) in ("point", "points"):
                    return unit, k + 3
            return None, k
        if tok.t == "-" and tok.gap == 0 and tz.att(k + 1):
            nl = tz.lo(k + 1)
            if nl == "percent":
                return "%", k + 2
            if nl == "per" and tz.t(k + 2) == "-" and tz.lo(k + 3) == "cent":
                return "%", k + 4
            if nl == "percentage" and tz.t(k + 2) == "-" and tz.lo(k + 3) in ("point", "points"):
                return "pp", k + 4
        return None, k

    def _connector(self, k: int, between: bool) -> tuple[str, int] | None:
        tz = self.tz
        t = tz.t(k)
        if t in ("-", "–", "—"):
            return "dash", k + 1
        if tz.word(k, "to") and tz.sp(k) and tz.sp(k + 1):
            return "to", k + 1
        if between and tz.word(k, "and") and tz.sp(k) and tz.sp(k + 1):
            return "and", k + 1
        return None

    @staticmethod
    def _compatible(a: Side, b: Side) -> bool:
        if b.ccy and (not a.ccy or a.ccy != b.ccy):
            return False
        if a.pct and b.pct != a.pct:
            return False
        if a.ccy and b.pct:
            return False
        return not (a.plus or b.plus)

    def _tally_pair(self, a: Side, b: Side) -> bool:
        for s in (a, b):
            if s.ccy or s.pct or s.num.scale is not None or not integral(s.num.val) \
                    or s.num.val >= 1000 or not (s.num.plain or s.num.words):
                return False
        return True

    def _vote_context(self, start: int, end: int) -> bool:
        tz = self.tz
        after = tz.lo(end)
        if tz.t(end) == "-" and tz.att(end):
            after = tz.lo(end + 1)
        if after in VOTE_AFTER or (tz.lo(start - 1) in ("split", "divided")
                                   and start - 1 >= self.floor):
            return True
        for p in range(start - 1, max(self.floor, start - 5) - 1, -1):
            if tz.lo(p) in VOTE_BEFORE:
                return True
        return False

    def _quantity(self, i: int):
        tz = self.tz
        left = self._side(i)
        if left is None:
            return None
        if self._ratio(i):
            return None, left.num.end
        hd = lookback(tz, i, self.floor)
        right = None
        lo_v, hi_v = left.num.val, None
        c = None if left.plus else self._connector(left.end, hd.hedge == "between")
        if c is not None:
            r = self._side(c[1])
            if r is not None and self._compatible(left, r):
                if c[0] != "and" and self._tally_pair(left, r) and \
                        self._vote_context(hd.start, r.end):
                    return Value("count", tz.toks[i].s, tz.toks[r.end - 1].e,
                                 int(left.num.val), "vote", value_hi=int(r.num.val)), r.end
                lo_c, hi_c = left.num.val, r.num.val
                if r.num.scale is not None and left.num.scale is None \
                        and left.num.base < r.num.base:
                    lo_c = left.num.base * r.num.scale
                elif is_year_num(left.num, tz) and c[0] == "dash" and r.num.plain \
                        and len(tz.toks[r.num.start].t) == 2:
                    hi_c = left.num.val // 100 * 100 + r.num.val
                    if hi_c <= lo_c:
                        hi_c += 100
                if hi_c > lo_c:
                    right, lo_v, hi_v = r, lo_c, hi_c
                elif c[0] == "dash" and self._tally_pair(left, r):
                    return None, r.end                # a score: "won 3-1"
        res = self._classify(i, left, right, lo_v, hi_v, hd)
        if right is not None and c[0] == "to" and hd.start - 1 >= self.floor and \
                tz.lo(hd.start - 1) in ("from", "by") and (res[0] is None or res[0].kind != "year"):
            res = self._classify(i, left, None, left.num.val, None, hd)
        return res

    def _classify(self, i: int, left: Side, right: Side | None, lo_v: Decimal,
                  hi_v: Decimal | None, hd: Hedge):
        tz = self.tz
        last = right if right is not None else left
        ccy = left.ccy
        pct = last.pct
        end = last.end
        hedge, start = hd.hedge, hd.start
        if right is not None:
            hedge = "range"
        elif hedge == "between":
            hedge, start = None, i
        if left.plus and hedge is None:
            hedge = "more_than"
        div = 1
        if ccy is None and pct is None:
            cur = currency_suffix(tz, end, last.num)
            if cur is not None:
                ccy, end, div = cur
        if ccy is not None or pct is not None:
            sh = suffix_hedge(tz, end)
            if sh is not None and hedge is None:
                hedge, end = sh
            s, e = tz.toks[start].s, tz.toks[end - 1].e
            if ccy is not None:
                lo_f = float(lo_v / div)
                hi_f = float(hi_v / div) if hi_v is not None else None
                return Value("money", s, e, lo_f, ccy, hedge is not None, hedge, hi_f), end
            unit = "pp" if pct in ("pp", "bp") else "%"
            if pct == "bp":
                lo_v, hi_v = lo_v / 100, (hi_v / 100 if hi_v is not None else None)
            return Value("percent", s, e, float(lo_v), unit, hedge is not None, hedge,
                         float(hi_v) if hi_v is not None else None), end
        r = self._measure(i, left, right, lo_v, hi_v, hd, hedge, start, end)
        if r is not None:
            return r
        return self._count_or_year(i, left, right, lo_v, hi_v, hd, hedge, start, end)
