"""Value scanner, measures: the unit after a number, for quantities and durations.

"80 km", "about 50 miles", "10km deep", "2.05 megajoules (MJ)", "a
5.9-magnitude quake", "17 months", "four and a half years", "4 1/2 years",
"a three-week hearing", "the 30-year-old".  Values are converted to the
canonical unit of their dimension (:mod:`units`); the precision is the place
of the last written digit, in that unit.  Durations without digits ("more
than a year") and ages are in :mod:`durations`, magnitudes written before
the number in :mod:`magnitudes`.  Mixed into :class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .numbers import Num, Toks, lookback, read_number, singular
from .precision import stated_precision
from .row import Value
from .units import (AGE, ATTACHED_ONLY, CASED, DAY, DURATION, MAG, MEASURED, UNIT_WORDS,
                    WEIGHT_WORDS, YEAR_DAYS, Unit)

# phrases of UNIT_WORDS by first token: "miles per hour" -> ("miles", "per", "hour")
_PHRASES: dict[str, list[tuple[tuple[str, ...], Unit]]] = {}
for _key, _unit in UNIT_WORDS.items():
    _toks = tuple(t.lo for t in Toks(_key).toks)
    _PHRASES.setdefault(_toks[0], []).append((_toks, _unit))
for _lst in _PHRASES.values():
    _lst.sort(key=lambda x: -len(x[0]))

FRACTION_WORDS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
_FRACTION_SIGNS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
_SLASH_FRACTIONS = {("1", "2"): Decimal("0.5"), ("1", "4"): Decimal("0.25"),
                    ("3", "4"): Decimal("0.75")}
OVER = (("over",),)   # "over 20 years" is during them; "in under four minutes" is less than


class Measure(NamedTuple):
    kind: str            # "quantity" | "duration"
    unit: Unit
    end: int             # token index after the unit
    compound: bool       # "20-year", "5.9-magnitude": an adjective


def _phrase(tz: Toks, j: int) -> tuple[Unit, int] | None:
    """A unit written as words from token j: "km", "miles per hour", "km/h", "°C"."""
    for words, unit in _PHRASES.get(tz.lo(j), ()):
        m = len(words)
        if all(tz.lo(j + x) == words[x] and tz.toks[j + x].gap <= 1 for x in range(1, m)
               if j + x < tz.n) and j + m <= tz.n:
            return unit, j + m
    return None


class Measures:
    """Needs self.tz, self.floor, self.text."""

    def _weighs(self) -> bool:
        w = getattr(self, "_weighs_cache", None)
        if w is None:
            w = self._weighs_cache = any(t.lo in WEIGHT_WORDS for t in self.tz.toks)
        return w

    def _unit_at(self, j: int, num: Num) -> Measure | None:
        """The unit written after a number ending before token j."""
        tz = self.tz
        if j >= tz.n:
            return None
        tok = tz.toks[j]
        if tok.t in ("-", "‐") and tok.gap == 0 and tz.att(j + 1) and tz.k(j + 1) == "w":
            return self._compound(j + 1)
        if tok.t == "°" and tok.gap <= 1 and tz.att(j + 1) and tz.t(j + 1) in ("C", "F"):
            return Measure("quantity", CASED[tz.t(j + 1)], j + 2, False)
        if tok.k != "w":
            return None
        if tok.gap == 0:           # "10km", "2.05MJ", "40C", "100mph"
            if tok.t in CASED:
                return Measure("quantity", CASED[tok.t], j + 1, False)
            hit = _phrase(tz, j)
            if hit is not None and len(tok.t) <= 4:
                return Measure("quantity", hit[0], hit[1], False)
            if tok.lo in DURATION and tok.lo in ("h", "hr", "hrs", "min", "mins"):
                return Measure("duration", Unit(DAY, DURATION[tok.lo]), j + 1, False)
            return None
        if tok.t in CASED and tok.t not in ATTACHED_ONLY:
            return Measure("quantity", CASED[tok.t], j + 1, False)
        if tok.lo in DURATION:
            return self._duration_word(j, num)
        if tok.lo in ("magnitude", "magnitudes"):
            return Measure("quantity", Unit(MAG, 1), j + 1, False)
        if tok.lo == "in" and tz.lo(j + 1) == "magnitude" and tz.sp(j + 1):
            return Measure("quantity", Unit(MAG, 1), j + 2, False)
        if tok.lo == "on" and tz.lo(j + 1) == "the" and tz.lo(j + 2) == "richter" \
                and tz.lo(j + 3) == "scale":
            return Measure("quantity", Unit(MAG, 1), j + 4, False)
        if tok.lo in ("pound", "pounds") and not self._weighs():
            return None
        hit = _phrase(tz, j)
        if hit is not None:
            return Measure("quantity", hit[0], hit[1], False)
        return None

    def _duration_word(self, j: int, num: Num | None) -> Measure | None:
        tz = self.tz
        lo = tz.lo(j)
        singular = not lo.endswith("s") or lo in ("hrs", "mins", "secs", "yrs")
        unit = Unit(DAY, DURATION[lo])
        nxt = tz.lo(j + 1)
        if num is not None and num.words and num.val == 1:
            return None                                    # "one day": _one_unit decides
        if tz.t(j + 1) in ("-", "‐") and tz.att(j + 1) and nxt == "old" and tz.att(j + 2):
            return Measure("duration", Unit(AGE, DURATION[lo] / YEAR_DAYS), j + 3, True)
        if nxt == "old" and tz.sp(j + 1):                   # "30 years old", "30 year old"
            return Measure("duration", Unit(AGE, DURATION[lo] / YEAR_DAYS), j + 2, True)
        if singular and (num is None or num.val != 1):
            if not self._measured(j + 1):                  # "a 20 year sentence"
                return None
            return Measure("duration", unit, j + 1, True)
        return Measure("duration", unit, j + 1, False)

    def _measured(self, j: int) -> bool:
        """A noun a length can measure at token j or one word later ("jail term")."""
        tz = self.tz
        for x in (j, j + 1):
            if not tz.sp(x) or tz.k(x) != "w":
                return False
            if tz.lo(x) in MEASURED:
                return True
        return False

    def _compound(self, j: int) -> Measure | None:
        """"N-unit" before a noun: "20-year", "5.9-magnitude", "10-kilometre", "30-year-old"."""
        tz = self.tz
        lo = tz.lo(j)
        if lo in DURATION:
            if tz.t(j + 1) in ("-", "‐") and tz.att(j + 1) and tz.att(j + 2):
                if tz.lo(j + 2) == "old":
                    return Measure("duration", Unit(AGE, DURATION[lo] / YEAR_DAYS), j + 3, True)
                if tz.lo(j + 2) == "long":
                    return Measure("duration", Unit(DAY, DURATION[lo]), j + 3, True)
                return None
            if tz.lo(j + 1) == "old" and tz.sp(j + 1):       # "the 30-year old"
                return Measure("duration", Unit(AGE, DURATION[lo] / YEAR_DAYS), j + 2, True)
            if self._measured(j + 1):
                return Measure("duration", Unit(DAY, DURATION[lo]), j + 1, True)
            return None
        if lo == "magnitude":
            return Measure("quantity", Unit(MAG, 1), j + 1, True)
        if tz.t(j) in CASED and tz.t(j) not in ATTACHED_ONLY:
            return Measure("quantity", CASED[tz.t(j)], j + 1, True)
        hit = _phrase(tz, j)
        if hit is not None and tz.lo(j) not in ("pound", "pounds", "ton"):
            return Measure("quantity", hit[0], hit[1], True)
        return None

    def _fraction(self, j: int) -> tuple[Decimal, int] | None:
        """"and a half", "½", " 1/2" after a whole number: (fraction, next token)."""
        tz = self.tz
        t = tz.t(j)
        if t in _FRACTION_SIGNS:
            return _FRACTION_SIGNS[t], j + 1
        if tz.k(j) == "n" and tz.sp(j) and tz.t(j + 1) == "/" and tz.att(j + 1) and tz.att(j + 2):
            f = _SLASH_FRACTIONS.get((t, tz.t(j + 2)))
            if f is not None and not (tz.t(j + 3) == "/" and tz.att(j + 3)):
                return f, j + 3
            return None
        if tz.word(j, "and") and tz.sp(j):
            k = j + 1
            if tz.lo(k) in ("a", "one") and tz.sp(k + 1):
                k += 1
            if tz.lo(k) in FRACTION_WORDS and tz.sp(k):
                return FRACTION_WORDS[tz.lo(k)], k + 1
            if tz.lo(k) == "three" and tz.lo(k + 1) == "quarters":
                return Decimal("0.75"), k + 2
        return None

    def _measure(self, i: int, left, right, lo_v: Decimal, hi_v: Decimal | None, hd,
                 hedge: str | None, start: int, end: int):
        """A quantity or duration after the number(s) read by _quantity, or None."""
        tz = self.tz
        num = (right or left).num
        frac = self._fraction(end) if right is None and integral_num(left.num) else None
        j = frac[1] if frac is not None else end
        m = self._unit_at(j, num)
        step = None
        if frac is not None:
            lo_v = lo_v + frac[0]
            step = frac[0] if frac[0] != Decimal("0.75") else Decimal("0.25")
        if m is None and right is None:
            r = self._late_range(j, hd)       # "15 1/2 and 19 1/2 years"
            if r is None:
                if frac is None and self._no_noun(end):
                    return self._bare_magnitude(i, left.num, start, hedge)
                return None
            hi_v, m, step2 = r
            step = step if step is not None else step2
            hedge, start = "range", hd.start
        if m is None:
            return None
        if m.unit.canonical == DAY and tz.word(m.end, "ago") and right is None:
            return None                                      # a date ("two years ago")
        if m.kind == "duration" and hd.phrase in OVER and hedge == hd.hedge:
            hedge, start = None, i
        ext = self._conversion(m.end, m.unit)
        stop = ext or m.end
        s, e = tz.toks[start].s, tz.toks[stop - 1].e
        u = m.unit
        value = convert(lo_v, u)
        value_hi = convert(hi_v, u) if hi_v is not None else None
        prec = _precision(self.text, tz, left.num, float(lo_v), hedge is not None, u, step)
        return Value(m.kind, s, e, value, u.canonical, hedge is not None, hedge, value_hi,
                     precision=prec), stop

    def _no_noun(self, j: int) -> bool:
        tz = self.tz
        return not (tz.sp(j) and tz.k(j) == "w" and singular(tz.t(j)) is not None)

    def _late_range(self, j: int, hd):
        """The upper end of a range whose ends carry fractions: (high, unit, step) or None."""
        tz = self.tz
        t = tz.t(j)
        if t in ("-", "–") or (tz.word(j, "to") and tz.sp(j)) or (
                tz.word(j, "and") and hd.hedge == "between" and tz.sp(j)):
            num = read_number(tz, j + 1)
            if num is None or num.scale is not None:
                return None
            frac = self._fraction(num.end) if integral_num(num) else None
            k = frac[1] if frac is not None else num.end
            if frac is None and tz.t(j - 1) not in _FRACTION_SIGNS and not tz.lo(j - 1) in FRACTION_WORDS \
                    and not (tz.k(j - 1) == "n" and tz.t(j - 2) == "/"):
                return None                                  # a plain range: _quantity's
            m = self._unit_at(k, num)
            if m is None:
                return None
            hi = num.val + (frac[0] if frac is not None else 0)
            step = frac[0] if frac is not None else None
            return hi, Measure(m.kind, m.unit, m.end, m.compound), step
        return None

    def _conversion(self, j: int, unit: Unit) -> int | None:
        """"(12.4 miles)" or "(MJ)" after a quantity: the same value again, in the span."""
        tz = self.tz
        if tz.t(j) != "(" or unit.canonical in (DAY, AGE):
            return None
        k = j + 1
        if tz.t(k) in CASED and CASED[tz.t(k)].canonical == unit.canonical and tz.t(k + 1) == ")":
            return k + 2
        hd = lookback(tz, k + 1, k) if tz.k(k) == "w" else None
        if hd is not None and hd.hedge is not None:
            k = k + len(hd.phrase)
        num = read_number(tz, k)
        if num is None:
            return None
        m = self._unit_at(num.end, num)
        if m is None or m.unit.canonical != unit.canonical or tz.t(m.end) != ")":
            return None
        return m.end + 1

def convert(x: Decimal, unit: Unit) -> float:
    """``x`` written units in the canonical unit, without float noise (2.05 MJ = 2,050,000 J)."""
    return float(x * Decimal(repr(unit.factor)) + Decimal(repr(unit.offset)))


def attached_unit(tz: Toks, j: int) -> bool:
    """A unit glued to the digits before token j: "10km", "2.05MJ", "40C", "100mph"."""
    t = tz.t(j)
    if t in CASED:
        return True
    if t.lower() in ("h", "hr", "hrs", "min", "mins"):
        return True
    return len(t) <= 4 and _phrase(tz, j) is not None


def is_unit_word(tz: Toks, j: int) -> bool:
    """A unit of measure starts at token j ("kilometre", "MW", "miles per hour")."""
    return tz.t(j) in CASED or _phrase(tz, j) is not None


def integral_num(num: Num) -> bool:
    return num.val == num.val.to_integral_value()


def _precision(text: str, tz: Toks, num: Num, literal: float, approx: bool, unit: Unit,
               step: Decimal | None) -> float:
    """The place of the last written digit, in the canonical unit."""
    if step is not None:
        return float(step) * abs(unit.factor)
    tok = tz.toks[num.start]
    if num.words:
        p = 1.0
        for big in (1e12, 1e9, 1e6, 1e3):
            if literal >= big and literal % big == 0:
                p = big
                break
        return p * abs(unit.factor)
    raw = text[tok.s:tz.toks[num.end - 1].e]
    return stated_precision(raw, literal, approx) * abs(unit.factor)


