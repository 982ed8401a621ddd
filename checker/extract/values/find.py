"""Checkable values in one sentence: money, percents, counts, years and dates.

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
  year span).  Year spans and decades ("the 1990s") have approx False.
- Vague plurals are lower bounds: "dozens" 24, "hundreds" 200, "thousands"
  2000, "tens of thousands" 20000, with hedge "at_least".
- A count needs a counted plural noun after the number (at most two modifiers
  between: "14 senior positions"), or "twice"/"N times", or a vote tally
  (7-2 with a vote word nearby: value 7, value_hi 2, unit "vote").  A number
  with a scale word but no noun ("1.2 million") is a count with unit None.
  Units are singular and lower-case ("people" -> "person", "times" -> "time").
  Bare numbers, ordinals, ages and compounds ("a 10-year deal",
  "seven-year-old"), labels (Section 230, GPT-4, iPhone 15, Route 66), phone
  numbers, times, ratios, fractions and street addresses yield nothing.
- A four-digit number 1800-2100 is a year unless it counts a noun
  ("2018 votes"); after a temporal word or a determiner, or before nouns such
  as sales/levels/elections, it is a year ("in 2018 votes were...", "the 2020
  elections", "2019 levels").

The scanner is :mod:`checker.extract.values.scan` (with scan_amounts, scan_counts and
scan_blocks); its word lists are in :mod:`checker.extract.values.words`.
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
