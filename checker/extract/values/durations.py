"""Value scanner, durations without digits and ages.

"more than a year", "a year and a half", "one month after", "half an hour",
"aged 11", "Kane, 30, left", "Harry Kane (30)".  Mixed into
:class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .dates import MONTHS, WEEKDAYS
from .measures import OVER
from .numbers import UNITS, lookback
from .row import Value
from .units import AGE, DAY, DURATION, QUAKE_WORDS
from .words import COMMON

# "a year before ...", "one month after ...": a single unit is a duration here
_ONE_AFTER = frozenset({"after", "before", "later", "earlier", "left", "remaining", "long",
                        "of", "since", "into", "on", "in", "behind", "ahead"})
_ONE_BEFORE = frozenset({"for", "within", "lasted", "lasting", "spent", "served", "took",
                         "last", "lasts"})


class Durations:
    """Needs self.tz, self.floor and Measures._fraction/_measured."""

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
        frac = self._fraction(k) if lo != "half" else None      # "a year and a half"
        if frac is not None:
            val, k = val + frac[0], frac[1]
        prev = tz.lo(i - 1) if i - 1 >= self.floor else ""
        compound = lo == "half" and tz.t(i + 1) in ("-", "‐")
        if compound and not self._measured(k):
            return None                                        # "a half-hour show": a label
        if not (compound or lo == "half" or frac is not None or hd.hedge is not None
                or tz.lo(k) in _ONE_AFTER or prev in _ONE_BEFORE):
            return None
        if tz.word(k, "ago"):
            return None
        hedge = hd.hedge if hd.hedge is not None and hd.phrase not in OVER else None
        start = hd.start if hedge is not None else i
        days = DURATION[unit_lo]
        step = Decimal("0.25") if val % Decimal("0.5") else Decimal("0.5") if val % 1 else Decimal(1)
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



_AGO = re.compile(r"(?:(?P<hedge>about|nearly|almost|some|roughly|around|more than|over)\s+)?"
                  r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                  r"\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago$", re.IGNORECASE)
_AGO_HEDGE = {"about": "about", "roughly": "about", "around": "about", "some": "about",
              "nearly": "nearly", "almost": "nearly", "more than": "more_than", "over": "more_than"}


def elapsed(v: Value, raw: str) -> Value | None:
    """The time since, stated by a date written "N units ago": "found guilty
    seven months ago" says seven months have passed (a duration, beside the
    date it also gives), so it can meet "six months after the verdict"."""
    if v.kind != "date":
        return None
    m = _AGO.fullmatch(" ".join(raw.split()))
    if not m:
        return None
    word = m["n"].lower()
    n = 1 if word in ("a", "an") else int(word) if word.isdigit() else int(UNITS[word])
    days = DURATION[m["unit"].lower()]
    hedge = _AGO_HEDGE.get((m["hedge"] or "").lower())
    return Value("duration", v.start, v.end, n * days, DAY, hedge is not None, hedge, precision=days)
