"""Value scanner, measures: quantities with a unit, durations and ages.

"80 km", "about 50 miles", "10km deep", "2.05 megajoules (MJ)", "a
5.9-magnitude quake", "magnitude 6.6", "17 months", "four and a half
years", "4 1/2 years", "a three-week hearing", "the 30-year-old".  Values are
converted to the canonical unit of their dimension (:mod:`units`); the
precision is the place of the last written digit, in that unit.  Mixed into
:class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .numbers import Num, Toks, lookback, read_number, singular
from .dates import MONTHS, WEEKDAYS
from .precision import stated_precision
from .row import Value
from .words import COMMON
from .units import (AGE, ATTACHED_ONLY, DAY, DURATION, MAG, MEASURED, QUAKE_WORDS, TIMES,
                    WEIGHT_WORDS, YEAR_DAYS, Unit, _CASED, _WORDS)

# phrases of _WORDS by first token: "miles per hour" -> ("miles", "per", "hour")
_PHRASES: dict[str, list[tuple[tuple[str, ...], Unit]]] = {}
for _key, _unit in _WORDS.items():
    _toks = tuple(t.lo for t in Toks(_key).toks)
    _PHRASES.setdefault(_toks[0], []).append((_toks, _unit))
for _lst in _PHRASES.values():
    _lst.sort(key=lambda x: -len(x[0]))

_FRACTION_WORDS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
_FRACTION_SIGNS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
_SLASH_FRACTIONS = {("1", "2"): Decimal("0.5"), ("1", "4"): Decimal("0.25"),
                    ("3", "4"): Decimal("0.75")}
# "a year before ...", "one month after ...": a single unit is a duration here
_ONE_AFTER = frozenset({"after", "before", "later", "earlier", "left", "remaining", "long",
                        "of", "since", "into", "on", "in", "behind", "ahead"})
_ONE_BEFORE = frozenset({"for", "within", "lasted", "lasting", "spent", "served", "took",
                         "last", "lasts"})
_OVER = (("over",), ("under",))   # "over 20 years" is during them, not more than 20


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

    def _quake(self) -> bool:
        q = getattr(self, "_quake_cache", None)
        if q is None:
            q = self._quake_cache = any(t.lo in QUAKE_WORDS for t in self.tz.toks)
        return q

    def _weighs(self) -> bool:
        return any(t.lo in WEIGHT_WORDS for t in self.tz.toks)

    def _unit_at(self, j: int, num: Num) -> Measure | None:
        """The unit written after a number ending before token j."""
        tz = self.tz
        if j >= tz.n:
            return None
        tok = tz.toks[j]
        if tok.t in ("-", "‐") and tok.gap == 0 and tz.att(j + 1) and tz.k(j + 1) == "w":
            return self._compound(j + 1)
        if tok.t == "°" and tok.gap <= 1 and tz.att(j + 1) and tz.t(j + 1) in ("C", "F"):
            return Measure("quantity", _CASED[tz.t(j + 1)], j + 2, False)
        if tok.k != "w":
            return None
        if tok.gap == 0:           # "10km", "2.05MJ", "40C", "100mph"
            if tok.t in _CASED:
                return Measure("quantity", _CASED[tok.t], j + 1, False)
            hit = _phrase(tz, j)
            if hit is not None and len(tok.t) <= 4:
                return Measure("quantity", hit[0], hit[1], False)
            if tok.lo in DURATION and tok.lo in ("h", "hr", "hrs", "min", "mins"):
                return Measure("duration", Unit(DAY, DURATION[tok.lo]), j + 1, False)
            return None
        if tok.t in _CASED and tok.t not in ATTACHED_ONLY:
            return Measure("quantity", _CASED[tok.t], j + 1, False)
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
        if tz.t(j) in _CASED and tz.t(j) not in ATTACHED_ONLY:
            return Measure("quantity", _CASED[tz.t(j)], j + 1, True)
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
            if tz.lo(k) in _FRACTION_WORDS and tz.sp(k):
                return _FRACTION_WORDS[tz.lo(k)], k + 1
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
        if m.kind == "duration" and hd.phrase in _OVER and hedge == hd.hedge:
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
            if frac is None and tz.t(j - 1) not in _FRACTION_SIGNS and not tz.lo(j - 1) in _FRACTION_WORDS \
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
        if tz.t(k) in _CASED and _CASED[tz.t(k)].canonical == unit.canonical and tz.t(k + 1) == ")":
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

    def _one_unit(self, i: int):
        """"more than a year", "a year and a half", "one month after", "half an hour"."""
        tz = self.tz
        lo = tz.lo(i)
        j = i + 1
        half = Decimal(1)
        if lo == "half":
            if tz.word(j, "an", "a") and tz.sp(j):
                j += 1
            elif not (tz.t(j) in ("-", "‐") and tz.att(j) and tz.att(j + 1)):
                return None
            else:
                j += 1
            half = Decimal("0.5")
        unit_lo = tz.lo(j)
        if unit_lo not in DURATION or not unit_lo.isalpha() or unit_lo.endswith("s") or \
                unit_lo in ("second", "min", "hr", "yr", "sec"):
            return None
        if lo != "half" and not tz.sp(j):
            return None
        hd = lookback(tz, i, self.floor)
        k = j + 1
        val = half
        frac = self._fraction(k) if lo != "half" else None
        if frac is not None and tz.lo(frac[1] - 1) == "half":
            val, k = val + frac[0], frac[1]
        prev = tz.lo(i - 1) if i - 1 >= self.floor else ""
        compound = lo == "half" and tz.t(i + 1) in ("-", "‐")
        if compound and not self._measured(k):
            return None                                        # "a half-hour show"? no: measured only
        if not (compound or lo == "half" or frac is not None or hd.hedge is not None
                or tz.lo(k) in _ONE_AFTER or prev in _ONE_BEFORE):
            return None
        if tz.word(k, "ago"):
            return None
        hedge = hd.hedge if hd.hedge is not None and hd.phrase not in _OVER else None
        start = hd.start if hedge is not None else i
        days = DURATION[unit_lo]
        step = Decimal("0.5") if val % 1 else Decimal(1)
        s, e = tz.toks[start].s, tz.toks[k - 1].e
        return Value("duration", s, e, float(val) * days, DAY, hedge is not None, hedge,
                     precision=float(step) * days), k

    def _age(self, i: int):
        """"aged 11", "at age 30", "at the age of 30", "Kane, 30, ...", "Harry Kane (30)"."""
        tz = self.tz
        tok = tz.toks[i]
        if not tok.t.isdigit() or i - 1 < self.floor:
            return None
        n = int(tok.t)
        p = tz.lo(i - 1)
        start, hi, end = i, None, i + 1
        if p in ("aged", "age") or (p == "of" and tz.lo(i - 2) == "age" and i - 2 >= self.floor):
            if not 0 < n <= 120:
                return None
            start = i - 1 if p == "aged" else i
            c = tz.t(i + 1)
            if (c in ("-", "–") and tz.att(i + 1) or tz.word(i + 1, "to", "and")) and \
                    tz.t(i + 2).isdigit() and n < int(tz.t(i + 2)) <= 120:
                hi, end = int(tz.t(i + 2)), i + 3
        elif p == "," and tz.att(i + 1) and tz.t(i + 1) == "," and tz.k(i - 2) == "w" \
                and tz.k(i + 2) == "w" and 0 < n <= 120 and i - 2 >= self.floor:
            w = tz.toks[i - 2]                       # "Kane, 30, left"; not "In March, 30, ..."
            if w.lo in MONTHS or w.lo in WEEKDAYS or w.lo in COMMON or w.lo in QUAKE_WORDS:
                return None
        elif p == "(" and tz.att(i) and tz.t(i + 1) == ")" and tz.att(i + 1) and \
                tz.k(i - 2) == "w" and tz.t(i - 2)[:1].isupper() and 10 <= n <= 110 \
                and i - 2 >= self.floor:
            start, end = i - 1, i + 2                # "Harry Kane (30)"
        else:
            return None
        s, e = tz.toks[start].s, tz.toks[end - 1].e
        return Value("duration", s, e, float(n), AGE, hi is not None, "range" if hi else None,
                     float(hi) if hi is not None else None, precision=1.0), end

    def _magnitude_prefix(self, i: int):
        """"magnitude 6.6", "magnitude-6.6", "a magnitude of 5.9", "magnitudes of 5.9"."""
        tz = self.tz
        j = i + 1
        if tz.t(j) in ("-", "‐") and tz.att(j) and tz.att(j + 1):
            j += 1
        else:
            if tz.word(j, "of") and tz.sp(j):
                j += 1
            if not tz.sp(j):
                return None
        hedge, k = None, j
        if tz.k(j) == "w":                       # "a magnitude of about 6"
            for p in range(j + 1, min(j + 4, tz.n)):
                if tz.k(p) == "n":
                    h = lookback(tz, p, j)
                    if h.hedge is not None and h.start == j:
                        hedge, k = h.hedge, p
                    break
            if hedge is None:
                return None
        num = read_number(tz, k)
        if num is None or num.words or num.scale is not None or not (0 < num.val < 11):
            return None
        start = i - 1 if tz.lo(i - 1) in ("richter", "moment") and i - 1 >= self.floor else i
        if hedge is None:
            hd = lookback(tz, start, self.floor)
            if hd.hedge is not None:
                hedge, start = hd.hedge, hd.start
        s, e = tz.toks[start].s, tz.toks[num.end - 1].e
        prec = stated_precision(tz.toks[k].t, float(num.val), hedge is not None)
        return Value("quantity", s, e, float(num.val), MAG, hedge is not None, hedge,
                     precision=prec), num.end

    def _bare_magnitude(self, i: int, num: Num, start: int, hedge: str | None):
        """A one-decimal figure from 1.0 to 9.9 with no unit in a sentence about a quake."""
        tz = self.tz
        t = tz.toks[num.start].t
        if num.scale is not None or num.words or len(t) != 3 or t[1] != "." or t[0] == "0":
            return None
        if not self._quake():
            return None
        s, e = tz.toks[start].s, tz.toks[num.end - 1].e
        return Value("quantity", s, e, float(num.val), MAG, hedge is not None, hedge,
                     precision=0.1), num.end


def convert(x: Decimal, unit: Unit) -> float:
    """``x`` written units in the canonical unit, without float noise (2.05 MJ = 2,050,000 J)."""
    return float(x * Decimal(repr(unit.factor)) + Decimal(repr(unit.offset)))


def attached_unit(tz: Toks, j: int) -> bool:
    """A unit glued to the digits before token j: "10km", "2.05MJ", "40C", "100mph"."""
    t = tz.t(j)
    if t in _CASED:
        return True
    if t.lower() in ("h", "hr", "hrs", "min", "mins"):
        return True
    return len(t) <= 4 and _phrase(tz, j) is not None


def is_unit_word(tz: Toks, j: int) -> bool:
    """A unit of measure starts at token j ("kilometre", "MW", "miles per hour")."""
    return tz.t(j) in _CASED or _phrase(tz, j) is not None


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


__all__ = ["Measures", "attached_unit", "TIMES"]
