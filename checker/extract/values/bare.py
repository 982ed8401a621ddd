"""Value scanner, counts without a noun after them.

The counted noun comes from the predicate or from a noun before the number
(word lists in :mod:`units`):

- after: "left nine dead", "Another 51 were hurt", "six feared dead",
  "60 of them seriously injured" -> death, injury, ...;
- before: "killing 12", "injured more than 500", "polled 8,794,726";
- a noun before: "the toll rose to 23", "valid votes were 24,025,940";
- a compound adjective: "the 18,500-seat arena" -> 18,500 seats;
- none of these, but written with thousands separators ("secured
  6,101,533"): a count with no unit;
- zero: "No injuries were reported", "no one was killed".

Mixed into :class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

from .numbers import STOP_MODIFIERS, TENS, UNITS, noun_after, singular
from .row import Value
from .measures import is_unit_word
from .units import DURATION, COUNT_HEADS, COUNTED, COUNTED_VERBS, HEAD_LINKS, PRED_LINKS

_ANAPHORA = frozenset({"the", "these", "those", "both"})
_NOT_COMPOUND = frozenset("way fold odd ish plus something old strong".split())
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "its"})
_PREPS = frozenset({"from", "in", "of", "at", "for", "after", "across"})
_OF_DETERMINERS = frozenset({"the", "her", "his", "their", "its", "our", "these", "those"})
_ZERO_NOUNS = {"deaths": "death", "injuries": "injury", "casualties": "casualty",
               "fatalities": "fatality", "arrests": "arrest"}


class BareCounts:
    """Needs self.tz, self.floor."""

    def _predicate_after(self, j: int) -> tuple[str, int] | None:
        """(counted noun, next token) for "were hurt", "feared dead" from token j."""
        tz = self.tz
        for k in range(j, min(j + 5, tz.n)):
            tok = tz.toks[k]
            if tok.k != "w" or tok.gap == 0:
                return None
            if tok.lo in COUNTED:
                return COUNTED[tok.lo], k + 1
            if tok.lo not in PRED_LINKS:
                return None
        return None

    def _head_before(self, p: int) -> str | None:
        """The counted noun of "the toll rose to", "valid votes were", "the toll from
        the disaster was raised to" ending at token p."""
        tz = self.tz
        k, low = p, max(self.floor, p - 9)
        while k >= low:
            tok = tz.toks[k]
            if tok.k != "w":
                return None
            if tok.lo in COUNT_HEADS:
                return COUNT_HEADS[tok.lo] or None
            if tok.lo not in HEAD_LINKS:
                if tz.lo(k - 1) in _ARTICLES and tz.lo(k - 2) in _PREPS and k - 2 >= low:
                    k -= 3                               # "from the disaster"
                    continue
                if tz.lo(k - 1) in _PREPS and tok.t[:1].isupper() and k - 1 >= low:
                    k -= 2                               # "in Gansu"
                    continue
                return None
            k -= 1
        return None

    def _of_group(self, j: int) -> tuple[str, int] | None:
        """"five of the six counts", "three of her grandchildren": (noun, next token)."""
        tz = self.tz
        k = j
        if tz.word(k, "out") and tz.word(k + 1, "of"):
            k += 1
        if not (tz.word(k, "of") and tz.sp(k) and tz.lo(k + 1) in _OF_DETERMINERS):
            return None
        k += 2
        if tz.k(k) == "n" or tz.lo(k) in UNITS or tz.lo(k) in TENS:
            k += 1
        na = noun_after(tz, k)
        return na

    def _bare_count(self, i, left, right, lo_v, hi_v, hedge, start, end):
        """A count whose noun is not after the number, or None."""
        tz = self.tz
        num = (right or left).num
        if lo_v != lo_v.to_integral_value() or (hi_v is not None and hi_v != hi_v.to_integral_value()):
            return None
        prev = tz.lo(start - 1) if start - 1 >= self.floor else ""
        if prev in _ANAPHORA and tz.toks[i].k == "w":
            return None                                  # "the three were ..."
        hi = int(hi_v) if hi_v is not None else None

        def out(unit, e_tok):
            s, e = tz.toks[start].s, tz.toks[e_tok - 1].e
            return Value("count", s, e, int(lo_v), unit, hedge is not None, hedge, hi), e_tok

        comp = self._compound_count(end) if lo_v > 1 else None   # not "a one-party state"
        if comp is not None:
            return out(*comp)
        if lo_v == 1 and hi is None:                    # "one child died"
            w = tz.lo(end)
            if tz.sp(end) and tz.k(end) == "w" and w.isalpha() and w not in STOP_MODIFIERS:
                if self._predicate_after(end + 1) is not None:
                    return out(w, end + 1)
            return None
        pred = self._predicate_after(end)
        if pred is not None:
            return out(*pred)
        grp = self._of_group(end)
        if grp is not None:
            return out(*grp)
        if prev in COUNTED_VERBS:
            return out(COUNTED_VERBS[prev], end)
        if start - 1 >= self.floor:
            head = self._head_before(start - 1)
            if head is not None:
                return out(head, end)
        t = tz.toks[num.start].t
        if not num.words and num.scale is None and "," in t and lo_v >= 1000:
            return out(None, end)
        return None

    def _compound_count(self, j: int) -> tuple[str, int] | None:
        """"18,500-seat arena", "a 12-member jury": (noun, next token)."""
        tz = self.tz
        if not (tz.t(j) in ("-", "‐") and tz.att(j) and tz.att(j + 1) and tz.k(j + 1) == "w"):
            return None
        w = tz.t(j + 1)
        if not w.isalpha() or not w.islower() or w in _NOT_COMPOUND or w in STOP_MODIFIERS \
                or w in DURATION or is_unit_word(tz, j + 1) \
                or len(w) < 3 or singular(w) is not None and singular(w) != w:
            return None
        if tz.t(j + 2) in ("-", "‐") and tz.att(j + 2):
            return None                                  # "a 3-to-1", "two-year-old"
        if not (tz.sp(j + 2) and tz.k(j + 2) == "w" and tz.lo(j + 2) not in STOP_MODIFIERS):
            return None
        return w, j + 2

    def _counted_one(self, nend: int) -> bool:
        """"one person was listed as missing", "one child died": a count of one."""
        return self._predicate_after(nend) is not None

    def _zero(self, i: int):
        """"No injuries were reported", "no one was killed": a count of zero."""
        tz = self.tz
        lo = tz.lo(i)
        if lo == "no" and tz.lo(i + 1) in _ZERO_NOUNS and tz.sp(i + 1):
            return Value("count", tz.toks[i].s, tz.toks[i + 1].e, 0,
                         _ZERO_NOUNS[tz.lo(i + 1)]), i + 2
        j = i + 2 if lo == "no" and tz.word(i + 1, "one") else i + 1
        if lo in ("nobody", "none") or j == i + 2:
            pred = self._predicate_after(j)
            if pred is not None:
                unit, k = pred
                return Value("count", tz.toks[i].s, tz.toks[k - 1].e, 0, unit), k
        return None
