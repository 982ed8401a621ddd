"""Value scanner, times of day: "about 4 am", "4:45 a.m.", "16:45 GMT", "7.45am",
"(0545 GMT)", "4.05 Wednesday morning", "shortly after midnight", "noon".

A time is kind ``time``: value = minutes after midnight (int), unit = the time
zone as written ("GMT", "EST", "UTC+08:00", "Beijing time"; None for local or
unstated), precision = 60 for a time to the hour ("4 am"), 1 to the minute.
Hedges: ``about``, ``after`` ("shortly after", "just after", "after"),
``before`` ("shortly before", "by").  Mixed into
:class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

import re

from .dates import WEEKDAYS
from .row import Value
from .units import DAY_PARTS, ZONE_PLACES, ZONES

_CLOCK = re.compile(
    r"(?P<h>[0-9]{1,2})(?![0-9])"
    r"(?:(?P<sep>[:.])(?P<m>[0-5][0-9])(?![0-9])(?::(?P<sec>[0-5][0-9])(?![0-9]))?)?"
    r"(?:\s?(?P<ap>[aApP])(?:\.\s?[mM]\b\.?|\s?[mM]\b))?")
_MILITARY = re.compile(r"(?P<h>[01][0-9]|2[0-3])(?P<m>[0-5][0-9])(?![0-9])")
_OFFSET = re.compile(r"[+\-−][0-9]{1,2}(?::?[0-9]{2})?(?![0-9])")
# words before a bare "10:30" that make it a time, not a ratio or a score
_CLOCK_PREP = frozenset(
    "at by from until till around about before after since approximately roughly circa "
    "shortly just past to".split())
_HEDGES = [
    (("shortly", "after"), "after"), (("just", "after"), "after"), (("soon", "after"), "after"),
    (("right", "after"), "after"), (("just", "past"), "after"), (("after",), "after"),
    (("shortly", "before"), "before"), (("just", "before"), "before"),
    (("before",), "before"), (("by",), "before"),
    (("about",), "about"), (("around",), "about"), (("approximately",), "about"),
    (("roughly",), "about"), (("circa",), "about"), (("approx",), "about"),
]
_HEDGE_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _p, _h in _HEDGES:
    _HEDGE_BY_LAST.setdefault(_p[-1], []).append((_p, _h))
_NAMED = {"noon": 720, "midday": 720, "midnight": 0}


class Clock:
    """Needs self.tz, self.floor, self.text."""

    def _time_hedge(self, j: int) -> tuple[str | None, int]:
        tz = self.tz
        if j - 1 < self.floor or not tz.sp(j):
            return None, j
        for phrase, hedge in _HEDGE_BY_LAST.get(tz.lo(j - 1), ()):
            m = len(phrase)
            s = j - m
            if s >= self.floor and all(tz.lo(s + x) == phrase[x] and tz.k(s + x) == "w"
                                       and tz.sp(s + x + 1) for x in range(m)):
                return hedge, s
        return None, j

    def _zone(self, j: int) -> tuple[str | None, int, bool]:
        """(zone, next token, a zone or 'local time' was written) at token j."""
        tz = self.tz
        t = tz.t(j)
        if tz.k(j) == "w" and t in ZONES and tz.sp(j):
            k = j + 1
            if t in ("GMT", "UTC") and tz.att(k) and tz.t(k) in ("+", "-", "−"):
                m = _OFFSET.match(self.text, tz.toks[k].s)
                if m:
                    off = m.group().replace("−", "-").replace(":", "")
                    sign, digits = off[0], off[1:]
                    hh, mm = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
                    return f"UTC{sign}{int(hh):02d}:{mm}", tz.after(k, m.end()), True
            return t, k, True
        lo = tz.lo(j)
        if lo == "local" and tz.word(j + 1, "time"):
            return None, j + 2, True
        if lo in ZONE_PLACES and tz.word(j + 1, "time") and t[:1].isupper():
            return f"{t} time", j + 2, True
        if lo == "hong" and tz.word(j + 1, "kong") and tz.word(j + 2, "time"):
            return "Hong Kong time", j + 3, True
        return None, j, False

    def _day_part(self, j: int) -> tuple[str | None, int]:
        """"morning" after a time, maybe after its weekday: ("am"/"pm", next token)."""
        tz = self.tz
        k = j
        if tz.lo(k) in WEEKDAYS:
            k += 1
        if tz.word(k, "in") and tz.word(k + 1, "the"):
            k += 2
        part = tz.lo(k)
        if part in DAY_PARTS and tz.k(k) == "w":
            return ("am" if part == "morning" else "pm"), (k + 1 if k == j else j)
        return None, j

    def _clock(self, i: int):
        """A time of day starting at number token i, or None."""
        tz = self.tz
        tok = tz.toks[i]
        if len(tok.t) == 4 and tok.t.isdigit():
            m = _MILITARY.fullmatch(tok.t)
            if m is None:
                return None
            zone, k, zoned = self._zone(i + 1)
            if not zoned and tz.lo(i + 1) not in ("hrs", "hours", "gmt"):
                return None
            if not zoned:
                k = i + 2
            minutes = int(m.group("h")) * 60 + int(m.group("m"))
            return self._time(i, k, minutes, 1, zone)
        m = _CLOCK.match(self.text, tok.s)
        if m is None:
            return None
        h = int(m.group("h"))
        mins = int(m.group("m")) if m.group("m") else None
        ap = (m.group("ap") or "").lower()
        sep = m.group("sep")
        j = tz.after(i, m.end())
        zone, k, zoned = self._zone(j)
        part = None
        if not ap and not zoned:
            part, k2 = self._day_part(j)
            if part is not None:
                ap = part[0]
                k = k2 if k2 > j else j
        if ap:
            if not 1 <= h <= 12:
                return None
            hour = h % 12 + (12 if ap == "p" else 0)
        elif sep == ":":
            prev = tz.lo(i - 1) if i - 1 >= self.floor else ""
            hed, _ = self._time_hedge(i)
            if h > 23 or not (zoned or prev in _CLOCK_PREP or hed or h >= 13):
                return None
            hour = h
        elif sep == "." and zoned and h <= 23:
            hour = h
        elif sep is None and h == 12 and tz.lo(j) in ("noon", "midnight"):
            hour, k = (12 if tz.lo(j) == "noon" else 0), j + 1      # "12 noon"
        elif sep is None and tz.lo(j) in ("o'clock", "o’clock"):
            hour, k = h % 12, j + 1
            if not 1 <= h <= 12:
                return None
        else:
            return None
        minutes = hour * 60 + (mins or 0)
        return self._time(i, k, minutes, 1 if mins is not None else 60, zone)

    def _time(self, i: int, k: int, minutes: int, precision: int, zone: str | None):
        tz = self.tz
        hedge, start = self._time_hedge(i)
        s, e = tz.toks[start].s, tz.toks[k - 1].e
        if tz.t(k - 1) == "." and k - 1 > i and tz.toks[k - 1].gap > 0:
            e = tz.toks[k - 2].e
        return Value("time", s, e, minutes, zone, hedge is not None, hedge,
                     precision=float(precision)), k

    def _named_time(self, i: int):
        """"noon", "12 noon", "midnight", after a preposition or a hedge."""
        tz = self.tz
        lo = tz.lo(i)
        start = i
        if tz.t(i - 1) == "12" and tz.sp(i) and i - 1 >= self.floor:
            start = i - 1
        hedge, hs = self._time_hedge(start)
        prev = tz.lo(start - 1) if start - 1 >= self.floor else ""
        if hedge is None and prev not in _CLOCK_PREP:
            return None
        zone, k, _ = self._zone(i + 1)
        if hedge is not None:
            start = hs
        s, e = tz.toks[start].s, tz.toks[k - 1].e
        return Value("time", s, e, _NAMED[lo], zone, hedge is not None, hedge,
                     precision=60.0), k


NAMED_TIMES = frozenset(_NAMED)
