"""Value scanner, a quake's magnitude written before the number or without a unit.

"magnitude 6.6", "magnitude-6.6", "a magnitude of 5.9", "magnitudes of 5.9 and
5.6", and a bare "5.9" in a sentence about a quake.  Mixed into
:class:`checker.extract.values.scan.Scan`.
"""

from __future__ import annotations

from .numbers import Num, lookback, read_number
from .precision import stated_precision
from .row import Value
from .units import MAG, QUAKE_WORDS


class Magnitudes:
    """Needs self.tz, self.floor."""

    def _quake(self) -> bool:
        q = getattr(self, "_quake_cache", None)
        if q is None:
            q = self._quake_cache = any(t.lo in QUAKE_WORDS for t in self.tz.toks)
        return q

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


