"""Value scanner, blockers: spans that look numeric but claim nothing.

Labels (Section 230, GPT-4), glued tokens (737-800), street addresses and
ratios ("one in five").  Mixed into :class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

from .dates import MONTHS, WEEKDAYS
from .numbers import CODES, TENS, UNITS
from .words import (COMMON, HEDGE_WORDS, HYPHEN_YEAR_PREFIX, LABEL_WORDS, OBJECT_VERBS,
                          STREET)


class Blocks:
    """Needs self.tz, self.floor, self.title and Amounts._vote_context."""

    def _chain(self, i: int) -> int:
        """Skip a token and everything glued to it ("737-800", "COVID-19")."""
        toks, n = self.tz.toks, self.tz.n
        j = i + 1
        while j < n and toks[j].gap == 0:
            if toks[j].k in ("n", "w"):
                j += 1
            elif toks[j].t in ("-", ".", "/") and j + 1 < n and toks[j + 1].gap == 0 \
                    and toks[j + 1].k in ("n", "w"):
                j += 2
            else:
                break
        return j

    def _is_label(self, i: int) -> bool:
        tz = self.tz
        p = i - 1
        if p < self.floor or "," in tz.toks[i].t:      # "APGA 61,966": a label never groups thousands
            return False
        if tz.t(i + 1) == "%" or tz.lo(i + 1) in ("percent", "pct") \
                or (tz.lo(i + 1) == "per" and tz.lo(i + 2) == "cent"):
            return False                               # "and Brandt 33%": a label is never a percent
        pt = tz.toks[p]
        if pt.t == "#" and tz.att(i):
            return True
        if pt.t == "." and tz.lo(p - 1) == "no" and tz.att(p) and p - 1 >= self.floor:
            return True
        if pt.t == "-" and tz.att(i) and tz.att(p) and tz.k(p - 1) == "w":
            return tz.lo(p - 1) not in HYPHEN_YEAR_PREFIX
        if pt.k != "w" or tz.toks[i].gap == 0:
            return False
        lo = pt.lo
        if lo in LABEL_WORDS:
            return True
        if tz.t(i + 1) in ("-", "–") and tz.k(i + 2) == "n" and self._vote_context(i, i + 3):
            return False                               # "the House 220-212"
        if tz.lo(p - 1) in OBJECT_VERBS and p - 1 >= self.floor:
            return False                               # "gave Ukraine 31 tanks"
        if tz.k(i + 1) == "w" and tz.word(i + 2, "ago"):
            return False                               # "joined Google 10 years ago"
        if pt.t == lo or lo in COMMON or lo in HEDGE_WORDS or lo in MONTHS \
                or lo in WEEKDAYS or pt.t in CODES or lo in UNITS or lo in TENS:
            return False
        if lo.endswith(("'s", "’s")):
            return False
        if pt.t.isupper() and len(pt.t) >= 6:
            return False                               # tabloid capitals: "A STAGGERING 160 people"
        if self.title and pt.t[0].isupper() and pt.t[1:].islower():
            return False
        return True

    def _address(self, i: int) -> int | None:
        """"1600 Pennsylvania Avenue", "10 Downing Street"."""
        tz = self.tz
        if not tz.toks[i].t.isdigit() or len(tz.toks[i].t) > 5 or tz.lo(i - 1) in (
                "in", "since", "by", "until", "before", "after", "during"):
            return None
        j = i + 1
        for _ in range(4):
            if not tz.sp(j) or tz.k(j) != "w" or not tz.t(j)[:1].isupper():
                return None
            if j > i + 1 and tz.lo(j) in STREET:
                return j + 2 if tz.t(j + 1) == "." and tz.att(j + 1) else j + 1
            j += 1
        return None

    def _ratio(self, i: int) -> bool:
        """"one in five", "9 out of 10": the second number counts nothing."""
        tz = self.tz
        if i < 2:
            return False
        if tz.word(i - 1, "in"):
            q = i - 2
        elif tz.word(i - 1, "of") and tz.word(i - 2, "out") and i >= 3:
            q = i - 3
        else:
            return False
        return tz.k(q) == "n" or tz.lo(q) in UNITS or tz.lo(q) in TENS
