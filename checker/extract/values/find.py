"""Checkable values in one sentence: money, percents, counts, quantities,
durations, times of day, years and dates.

``find_values(text, published)`` returns :class:`Value` rows sorted by start and
never overlapping; ``text[v.start:v.end]`` is the claim as written, including a
hedge before it ("nearly $100 billion") and both ends of a range.

Decisions (dates: see :mod:`checker.extract.values.dates`):
- Money is a float of currency units with an ISO 4217 code; "$" alone is USD,
  "¥" JPY, "Rs"/"₹" INR.  "pounds" and "won" count as money only with a scale
  word ("1.2 billion pounds") or a large amount, since both are common words.
- A range gives value = low end, value_hi = high end, hedge "range" and approx
  True; "$1-2 billion" and "between $5 and $7 million" share the scale word.
  "from X to Y" is a change, read as two values (but "from 2015 to 2018" is a
  year span).  Year spans have approx False; a decade ("the 1990s") is not a
  year and yields nothing.
- Vague plurals are lower bounds: "dozens" 24, "hundreds" 200, "thousands"
  2000, "tens of thousands" 20000, with hedge "at_least".
- A count needs a counted plural noun after the number (at most two modifiers
  between: "14 senior positions"), or "twice"/"N times", or a vote tally
  (7-2 with a vote word nearby: value 7, value_hi 2, unit "vote").  A number
  with a scale word but no noun ("1.2 million") is a count with unit None.
  Units are singular and lower-case ("people" -> "person", "times" -> "time").
  Without a noun, the predicate or a noun before it names what is counted
  ("left nine dead", "the toll rose to 23": :mod:`bare`), as does a compound
  adjective ("the 18,500-seat arena").
- A figure with a unit is a quantity or a duration (:mod:`measures`,
  :mod:`durations`, :mod:`magnitudes`, word lists in :mod:`units`), a time of
  day is a time (:mod:`clock`).  "a 24-hour store", "7-Eleven", labels
  (Section 230, GPT-4, iPhone 15, Route 66), phone numbers, ordinals, ratios
  and street addresses yield nothing.
- A four-digit number 1800-2100 is a year unless it counts a noun
  ("2018 votes"); after a temporal word or a determiner, or before nouns such
  as sales/levels/elections, it is a year ("in 2018 votes were...", "the 2020
  elections", "2019 levels").

The scanner is :mod:`checker.extract.values.scan` (mixing in amounts, counts,
blocks, measures, durations, magnitudes, clock and bare); its word lists are in
:mod:`checker.extract.values.words` and :mod:`checker.extract.values.units`.
"""

from __future__ import annotations

import datetime as dt
from .scan import Scan
from .row import Value

__all__ = ["Value", "find_values"]

def find_values(text: str, published: dt.date | None = None) -> list[Value]:
    """All money, percent, count, year and date values in one sentence."""
    if not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    return Scan(text, published).run()
