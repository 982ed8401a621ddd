"""Value scanner: walks the tokens of one sentence and emits Value rows.

Dispatch is by token kind (number, word, symbol); the concerns live in mixins:
:mod:`scan_amounts` (money, percents, ranges, tallies), :mod:`scan_counts`
(counts, years, vague plurals) and :mod:`scan_blocks` (labels, addresses and
other numbers that claim nothing).  Dates are read by :mod:`dates`.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import (MONTHS, WEEKDAYS, DateHit, parse_day_first, parse_iso, parse_month,
                    parse_relative, parse_weekday)
from .numbers import ABBR_ATTACHED, BIG, SYMBOLS, Toks, currency_prefix, lookback, numeral
from .amounts import Amounts
from .bare import BareCounts
from .blocks import Blocks
from .clock import NAMED_TIMES, Clock
from .counts import Counts
from .durations import Durations
from .magnitudes import Magnitudes
from .measures import Measures, attached_unit
from .row import Value
from .words import (ATTACHED_UNITS, DECADE, ISO_SHAPE, NUMBER_START, ORDINAL, PHONE,
                          RELATIVE_START, SLASH, TIME, VAGUE, YEAR_HEDGES, YEAR_SPAN)


# the word after "4" that can make it a time of day ("4 am", "4 a.m.", "10 o'clock", "12 noon")
_CLOCK_NEXT = frozenset({"am", "pm", "a", "p", "o'clock", "o’clock", "noon", "midnight"})


def _title_case(tz: Toks) -> bool:
    words = [tok.t for tok in tz.toks if tok.k == "w" and len(tok.t) >= 4]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.7 * len(words)


class Scan(Amounts, Counts, Blocks, Measures, Durations, Magnitudes, Clock, BareCounts):
    def __init__(self, text: str, published: dt.date | None):
        self.text = text
        self.tz = Toks(text)
        self.pub = published
        self.floor = 0
        self.title = _title_case(self.tz)

    def run(self) -> list[Value]:
        tz = self.tz
        out: list[Value] = []
        i = 0
        while i < tz.n:
            k = tz.toks[i].k
            if k == "n":
                r = self._at_number(i)
            elif k == "w":
                r = self._at_word(i)
            else:
                r = self._at_symbol(i)
            if r is None:
                i += 1
                continue
            val, nxt = r
            if val is not None:
                out.append(val)
            i = self.floor = max(nxt, i + 1)
        return out

    def _at_word(self, i: int):
        tz = self.tz
        lo = tz.toks[i].lo
        bare = lo[:-2] if lo.endswith(("'s", "’s")) else lo
        if currency_prefix(tz, i)[0] is not None:
            r = self._quantity(i)
            if r is not None:
                return r
        if lo in ("magnitude", "magnitudes"):
            r = self._magnitude_prefix(i)
            if r is not None:
                return r
        if lo in NAMED_TIMES:
            return self._named_time(i)
        if lo in ("no", "nobody", "none"):
            return self._zero(i)
        if bare in MONTHS:
            h = parse_month(tz, i, self.pub, self.floor)
            return self._date(h) if h else None
        if bare in WEEKDAYS:
            h = parse_weekday(tz, i, self.pub, self.floor)
            return self._date(h) if h else None
        if lo in RELATIVE_START:
            h = parse_relative(tz, i, self.pub, self.floor)
            if h:
                return self._date(h)
        if lo in ("twice", "thrice"):
            return self._times(i)
        if lo in VAGUE or lo in ("tens", "several", "few"):
            r = self._vague(i)
            if r is not None:
                return r
        if lo in NUMBER_START:
            if lo in ("a", "an", "one", "half"):
                r = self._one_unit(i)
                if r is not None:
                    return r
            return self._quantity(i)
        return None

    def _at_symbol(self, i: int):
        tz = self.tz
        tok = tz.toks[i]
        if tok.t in SYMBOLS:
            return self._quantity(i)
        if tok.t in ("+", "("):
            m = PHONE.match(self.text, tok.s)
            if m and sum(c.isdigit() for c in m.group()) >= 7:
                return None, tz.after(i, m.end())
            return None
        if tok.t in ("-", "−") and tz.k(i + 1) == "n" and tz.att(i + 1) and (
                tok.gap > 0 or tz.t(i - 1) == "("):
            r = self._quantity(i + 1)
            if r is not None and r[0] is not None and r[0].kind == "percent" \
                    and r[0].hedge is None:
                v = r[0]
                return Value("percent", tok.s, v.end, -v.value, v.unit), r[1]
            return r
        return None

    def _at_number(self, i: int):
        tz = self.tz
        tok = tz.toks[i]
        text = self.text
        nxt = tz.t(i + 1) if tz.att(i + 1) else ""
        four = len(tok.t) == 4
        if (four and tz.k(i + 1) == "w") or nxt == ":" or (len(tok.t) == 4 and tok.t[-3] == ".") \
                or (len(tok.t) == 5 and tok.t[-3] == ".") or (len(tok.t) <= 2 and tz.lo(i + 1) in _CLOCK_NEXT):
            r = self._clock(i)
            if r is not None:
                return r
        if four and nxt in ("-", "/"):
            h = parse_iso(tz, i)
            if h:
                return self._date(h)
            m = ISO_SHAPE.match(text, tok.s)
            if m:
                return None, tz.after(i, m.end())   # 2025-02-30: not a date, not a year
        if nxt in ("-", ".", ")") or (tz.k(i + 1) == "n" and 1 < len(tok.t) < 5):
            m = PHONE.match(text, tok.s)
            if m and sum(c.isdigit() for c in m.group()) >= 7:
                return None, tz.after(i, m.end())
        if nxt in (":", ".") or (len(tok.t) <= 2 and tz.lo(i + 1)[:1] in ("a", "p", "o")):
            m = TIME.match(text, tok.s)
            if m:
                return None, tz.after(i, m.end())
        if nxt == "/":
            return self._slash(i, SLASH.match(text, tok.s))
        if len(tok.t) <= 2:
            h = parse_day_first(tz, i, self.pub, self.floor)
            if h:
                return self._date(h)
        if four and nxt in ("s", "'", "’"):
            m = DECADE.match(text, tok.s)
            if m:                                    # "the 1990s": a decade, not a year
                return None, tz.after(i, m.end())
        if numeral(tok.t) is None:
            return None, self._chain(i)
        if tz.k(i - 1) in ("w", "s") and tok.t.isdigit():
            r = self._age(i)
            if r is not None:
                return r
        if tz.att(i) and tz.k(i - 1) == "w" and currency_prefix(tz, i - 1)[0] is None:
            return None, self._chain(i)              # A380, Q3, FY2024
        if tz.att(i + 1) and tz.k(i + 1) == "w":
            w = tz.t(i + 1)
            if w.lower() in ORDINAL:
                return None, i + 2
            if w not in ABBR_ATTACHED and w.lower() not in ATTACHED_UNITS and w.lower() not in BIG \
                    and not attached_unit(tz, i + 1) and w not in ("½", "¼", "¾"):
                return None, self._chain(i)          # 4K, 5G, 10x, 3D
        if four and nxt in ("-", "–"):
            m = YEAR_SPAN.match(text, tok.s)
            if m:
                lo, hi = int(m.group(1)), int(m.group(1)) // 100 * 100 + int(m.group(2))
                hi = hi + 100 if hi <= lo else hi
                if hi - lo <= 30 and hi <= 2100 and not self._is_label(i):
                    hd = lookback(tz, i, self.floor)
                    s = tz.toks[hd.start].s if hd.phrase in YEAR_HEDGES else tok.s
                    return Value("year", s, m.end(), lo, None, False, "range", hi), \
                        tz.after(i, m.end())
        if self._is_label(i):
            return None, self._chain(i)
        j = self._address(i)
        if j:
            return None, j
        return self._quantity(i)

    def _slash(self, i: int, m: re.Match | None):
        tz = self.tz
        if m is None:
            return None, self._chain(i)
        j = tz.after(i, m.end())
        parts = m.group().split("/")
        if len(parts) == 3 and len(parts[0]) == 4 and len(parts[1]) == 2 and len(parts[2]) == 2:
            h = parse_iso(tz, i)
            if h:
                return self._date(h)
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            y = int(parts[0])
            if 1800 <= y <= 2100 and (y + 1) % 100 == int(parts[1]):
                return Value("year", m.start(), m.end(), y, None, False, "range", y + 1), j
        return None, j

    def _date(self, h: DateHit):
        return Value(h.kind, h.start, h.end, h.value, None, False, h.hedge, h.value_hi,
                     h.resolved), h.next
