"""Checkable values in one sentence: money, percents, counts, years and dates.

``find_values(text, published)`` returns :class:`Value` rows sorted by start and
never overlapping; ``text[v.start:v.end]`` is the claim as written, including a
hedge before it ("nearly $100 billion") and both ends of a range.

Decisions (dates: see :mod:`checker.extract.dates`):
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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from .dates import (MONTHS, WEEKDAYS, DateHit, parse_day_first, parse_iso, parse_month,
                    parse_relative, parse_weekday, relative_ago)
from .numbers import (ABBR_ATTACHED, BIG, CODES, HEDGES, SYMBOLS, TENS, UNITS, Hedge, Num,
                      Toks, currency_prefix, currency_suffix, lookback, noun_after, numeral,
                      read_number, suffix_hedge)


@dataclass(frozen=True)
class Value:
    kind: str            # "money" | "percent" | "count" | "year" | "date"
    start: int
    end: int
    value: object
    unit: str | None
    approx: bool = False
    hedge: str | None = None
    value_hi: object = None
    resolved: bool = True


# --------------------------------------------------------------------------- tables

_PHONE = re.compile(
    r"\+[0-9]{1,3}[ .-]?(?:\([0-9]{1,4}\)|[0-9]{1,4})(?:[ .-]?[0-9]{2,4}){1,4}(?![0-9])"
    r"|\(?[0-9]{3}\)?[ .-][0-9]{3}[ .-][0-9]{4}(?![0-9])"
    r"|[0-9]{3}-[0-9]{4}(?![0-9-])(?!\s*(?:%|[A-Za-z]))"
    r"|[0-9]{3}-0[0-9]{3}(?![0-9-])")
_TIME = re.compile(
    r"[0-9]{1,2}(?::[0-9]{2}){1,2}(?:\s?[ap]\.?\s?m\b\.?)?"
    r"|[0-9]{1,2}\.[0-9]{2}\s?[ap]\.?m\b\.?"
    r"|[0-9]{1,2}\s?(?:[ap]\.m\.|[ap]m\b)"
    r"|[0-9]{1,2}\s+o['’]clock"
    r"|[0-9]+:[0-9]+", re.IGNORECASE)
_ISO_SHAPE = re.compile(r"[0-9]{4}([-/])[0-9]{2}\1[0-9]{2}(?![0-9])")
_YEAR_SPAN = re.compile(r"(1[89][0-9]{2}|20[0-9]{2})[-–]([0-9]{2})(?![0-9]|[-–][0-9])")
_SLASH = re.compile(r"[0-9]{1,4}/[0-9]{1,4}(?:/[0-9]{1,4})?(?![0-9])")
_DECADE = re.compile(r"(1[89][0-9]0|20[0-9]0)['’]?s\b")

_LABEL_WORDS = frozenset(
    "section sections article chapter route flight model version room page line item episode "
    "season phase level grade category stage gate platform exit highway interstate rule "
    "proposition prop paragraph clause title unit apartment apt suite floor bus lane precinct "
    "district ward volume vol issue no number channel figure fig table step type class tier "
    "mark mk ver v gen generation size pixel galaxy series iphone windows covid".split())
_COMMON = frozenset(
    "the a an in on at by for from to of with since until till through during before after "
    "about around nearly almost roughly approximately some over under more less fewer than "
    "least up only just all another and or but yet so then now still even each every these "
    "those this that its their his her our my your we they he she it i you there here when "
    "while where if although though because once between among within without across "
    "against despite including excluding plus minus versus via per like as exactly precisely "
    "barely merely fully well also last next past first total top estimated circa upwards "
    "fiscal "
    "north close shy excess below above same roughly nearly some many most several few both "
    "either neither what which who whose how why is was are were be been has have had do "
    "does did will would can could should may might must no yes not never almost".split())
_YEAR_PREP = frozenset(
    "in since by until till through throughout before after from during of circa early late "
    "mid pre post fiscal year the a an its their his her our this that between summer winter "
    "spring autumn fall vintage class election".split())
_YEAR_HEDGES = frozenset({("about",), ("around",), ("roughly",), ("approximately",),
                          ("circa",), ("~",)})
# "2019 levels", "2024 sales": a year used as an adjective, not a count
_YEAR_NOUNS = frozenset(
    "sale revenue earning profit result level figure election game olympics olympic midterm "
    "primary price loss rate number forecast estimate target account filing return model "
    "edition season final playoff championship protest riot flood attack talk negotiation "
    "deadline budget accord agreement standard guideline rule law tax tariff cut hike "
    "record low high peak outlook guidance plan goal census data statistic survey poll "
    "ranking award prize graduate class".split())
# before a year these are prepositions, not hedges
_YEAR_NEUTRAL = frozenset({("up", "to"), ("under",), ("over",), ("above",), ("below",)})
_QTY_VERBS = frozenset(
    "rose fell reached hit totaled totalled totaling totalling total climbed dropped jumped "
    "grew increased decreased declined surged numbered numbering number tally count counted "
    "equal equals employs employed employ hired cut cuts killed".split())
_VOTE_AFTER = frozenset(
    "vote votes decision ruling majority margin verdict tally tie judgment judgement".split())
_VOTE_BEFORE = frozenset(
    "vote votes voted voting ruled ruling passed approved rejected decided decision margin "
    "tally confirmed majority defeated adopted upheld overturned backed endorsed "
    "acquitted convicted elected".split())
_MULT_BLOCK = frozenset(
    "as more less the that than larger bigger higher greater faster lower smaller longer "
    "shorter cheaper richer better worse wider stronger heavier deeper older younger "
    "over".split())
_OBJECT_VERBS = frozenset(
    "told gave give gives giving sent send sends paid pay pays owes owed lent handed awarded "
    "granted offered offer offers cost costs fined charged sold sell sells bought beat "
    "joined left sued".split())
_TIME_UNITS = frozenset(
    "second minute hour day week month year decade century quarter season term weekend "
    "night".split())
_STREET = frozenset(
    "street st avenue ave road rd boulevard blvd lane ln drive parkway pkwy terrace crescent "
    "plaza way place square".split())
_HYPHEN_YEAR_PREFIX = frozenset({"mid", "pre", "post", "early", "late", "circa", "fiscal"})
# "the two companies" refers back to things already named: not a claim
_ANAPHORA = frozenset({"the", "these", "those", "both"})
_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_ATTACHED_UNITS = frozenset({"pc", "pct", "percent", "bps", "bp", "pp", "ppt", "ppts"})
_VAGUE = {"dozens": Decimal(12), "hundreds": Decimal(100), "thousands": Decimal(1000),
          "millions": Decimal(10) ** 6, "billions": Decimal(10) ** 9,
          "trillions": Decimal(10) ** 12}
_VAGUE_SCALE = {"hundred": Decimal(100), "thousand": Decimal(1000), "million": Decimal(10) ** 6,
                "billion": Decimal(10) ** 9, "dozen": Decimal(12)}
_NUMBER_START = frozenset(UNITS) | frozenset(TENS) | {"a", "an", "half"}
_RELATIVE_START = frozenset({"yesterday", "tomorrow", "yesterday's", "tomorrow's",
                             "yesterday’s", "tomorrow’s", "last", "this", "next", "a",
                             "an", "one"})
_HEDGE_WORDS = frozenset(w for lst in HEDGES.values() for p, _ in lst for w in p)


class _Side(NamedTuple):
    ccy: str | None
    num: Num
    pct: str | None      # "%" | "pp" | "bp"
    plus: bool           # "5,000+" / "5,000-plus"
    start: int
    end: int


def _is_year_num(num: Num, tz: Toks) -> bool:
    tok = tz.toks[num.start]
    return num.plain and len(tok.t) == 4 and 1800 <= int(tok.t) <= 2100


def _integral(x: Decimal) -> bool:
    return x == x.to_integral_value()


def _title_case(tz: Toks) -> bool:
    words = [tok.t for tok in tz.toks if tok.k == "w" and len(tok.t) >= 4]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.7 * len(words)


# --------------------------------------------------------------------------- scanner

class _Scan:
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

    # ---------------------------------------------------------------- dispatch

    def _at_word(self, i: int):
        tz = self.tz
        lo = tz.toks[i].lo
        bare = lo[:-2] if lo.endswith(("'s", "’s")) else lo
        if currency_prefix(tz, i)[0] is not None:
            r = self._quantity(i)
            if r is not None:
                return r
        if bare in MONTHS:
            h = parse_month(tz, i, self.pub, self.floor)
            return self._date(h) if h else None
        if bare in WEEKDAYS:
            h = parse_weekday(tz, i, self.pub, self.floor)
            return self._date(h) if h else None
        if lo in _RELATIVE_START:
            h = parse_relative(tz, i, self.pub, self.floor)
            if h:
                return self._date(h)
        if lo in ("twice", "thrice"):
            return self._times(i)
        if lo in _VAGUE or lo in ("tens", "several", "few"):
            r = self._vague(i)
            if r is not None:
                return r
        if lo in _NUMBER_START:
            return self._quantity(i)
        return None

    def _at_symbol(self, i: int):
        tz = self.tz
        tok = tz.toks[i]
        if tok.t in SYMBOLS:
            return self._quantity(i)
        if tok.t in ("+", "("):
            m = _PHONE.match(self.text, tok.s)
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
        if four and nxt in ("-", "/"):
            h = parse_iso(tz, i)
            if h:
                return self._date(h)
            m = _ISO_SHAPE.match(text, tok.s)
            if m:
                return None, tz.after(i, m.end())   # 2025-02-30: not a date, not a year
        if nxt in ("-", ".", ")") or (tz.k(i + 1) == "n" and 1 < len(tok.t) < 5):
            m = _PHONE.match(text, tok.s)
            if m and sum(c.isdigit() for c in m.group()) >= 7:
                return None, tz.after(i, m.end())
        if nxt in (":", ".") or (len(tok.t) <= 2 and tz.lo(i + 1)[:1] in ("a", "p", "o")):
            m = _TIME.match(text, tok.s)
            if m:
                return None, tz.after(i, m.end())
        if nxt == "/":
            return self._slash(i, _SLASH.match(text, tok.s))
        if len(tok.t) <= 2:
            h = parse_day_first(tz, i, self.pub, self.floor)
            if h:
                return self._date(h)
        if four and nxt in ("s", "'", "’"):
            m = _DECADE.match(text, tok.s)
            if m:
                y = int(m.group(1))
                return Value("year", tok.s, m.end(), y, None, False, "range", y + 9), \
                    tz.after(i, m.end())
        if numeral(tok.t) is None:
            return None, self._chain(i)
        if tz.att(i) and tz.k(i - 1) == "w" and currency_prefix(tz, i - 1)[0] is None:
            return None, self._chain(i)              # A380, Q3, FY2024
        if tz.att(i + 1) and tz.k(i + 1) == "w":
            w = tz.t(i + 1)
            if w.lower() in _ORDINAL:
                return None, i + 2
            if w not in ABBR_ATTACHED and w.lower() not in _ATTACHED_UNITS and w.lower() not in BIG:
                return None, self._chain(i)          # 4K, 5G, 10x, 3D
        if four and nxt in ("-", "–"):
            m = _YEAR_SPAN.match(text, tok.s)
            if m:
                lo, hi = int(m.group(1)), int(m.group(1)) // 100 * 100 + int(m.group(2))
                hi = hi + 100 if hi <= lo else hi
                if hi - lo <= 30 and hi <= 2100 and not self._is_label(i):
                    hd = lookback(tz, i, self.floor)
                    s = tz.toks[hd.start].s if hd.phrase in _YEAR_HEDGES else tok.s
                    return Value("year", s, m.end(), lo, None, False, "range", hi), \
                        tz.after(i, m.end())
        if self._is_label(i):
            return None, self._chain(i)
        j = self._address(i)
        if j:
            return None, j
        return self._quantity(i)

    # ---------------------------------------------------------------- blockers

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
        if p < self.floor:
            return False
        pt = tz.toks[p]
        if pt.t == "#" and tz.att(i):
            return True
        if pt.t == "." and tz.lo(p - 1) == "no" and tz.att(p) and p - 1 >= self.floor:
            return True
        if pt.t == "-" and tz.att(i) and tz.att(p) and tz.k(p - 1) == "w":
            return tz.lo(p - 1) not in _HYPHEN_YEAR_PREFIX
        if pt.k != "w" or tz.toks[i].gap == 0:
            return False
        lo = pt.lo
        if lo in _LABEL_WORDS:
            return True
        if tz.t(i + 1) in ("-", "–") and tz.k(i + 2) == "n" and self._vote_context(i, i + 3):
            return False                               # "the House 220-212"
        if tz.lo(p - 1) in _OBJECT_VERBS and p - 1 >= self.floor:
            return False                               # "gave Ukraine 31 tanks"
        if tz.k(i + 1) == "w" and tz.word(i + 2, "ago"):
            return False                               # "joined Google 10 years ago"
        if pt.t == lo or lo in _COMMON or lo in _HEDGE_WORDS or lo in MONTHS \
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
            if j > i + 1 and tz.lo(j) in _STREET:
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

    # ---------------------------------------------------------------- builders

    def _date(self, h: DateHit):
        return Value(h.kind, h.start, h.end, h.value, None, False, h.hedge, h.value_hi,
                     h.resolved), h.next

    def _times(self, i: int):
        tz = self.tz
        if tz.lo(i + 1) in _MULT_BLOCK and tz.sp(i + 1):
            return None, i + 1
        hd = lookback(tz, i, self.floor)
        n = 2 if tz.lo(i) == "twice" else 3
        return Value("count", tz.toks[hd.start].s, tz.toks[i].e, n, "time",
                     hd.hedge is not None, hd.hedge), i + 1

    def _vague(self, i: int):
        """"dozens of lawsuits", "tens of thousands", "several hundred people"."""
        tz = self.tz
        lo = tz.lo(i)
        start = i
        if lo == "tens":
            if not (tz.word(i + 1, "of") and tz.lo(i + 2) in _VAGUE):
                return None
            base, j = 10 * _VAGUE[tz.lo(i + 2)], i + 3
        elif lo in _VAGUE:
            base, j = _VAGUE[lo], i + 1
            if lo in ("dozens", "hundreds") and tz.word(j, "of") and \
                    tz.lo(j + 1) in ("thousands", "millions", "billions"):
                base, j = base * _VAGUE[tz.lo(j + 1)], j + 2
        else:
            if lo == "few":
                if not (tz.word(i - 1, "a") and i - 1 >= self.floor):
                    return None
                start = i - 1
            if tz.lo(i + 1) not in _VAGUE_SCALE or not tz.sp(i + 1):
                return None
            base, j = _VAGUE_SCALE[tz.lo(i + 1)], i + 2
        value = 2 * base
        stub = Num(value, value, base, start, j, True, False, False)
        s = tz.toks[start].s
        k = j + 1 if tz.word(j, "of") and tz.sp(j) else j
        cur = currency_suffix(tz, k, stub)
        if cur is not None:
            code, end, div = cur
            return Value("money", s, tz.toks[end - 1].e, float(value / div), code, True,
                         "at_least"), end
        na = noun_after(tz, k)
        if na is not None and (k > j or lo in ("several", "few")):
            unit, end = na
            return Value("count", s, tz.toks[end - 1].e, int(value), unit, True, "at_least"), end
        return Value("count", s, tz.toks[j - 1].e, int(value), None, True, "at_least"), j

    # ---------------------------------------------------------------- quantities

    def _side(self, i: int) -> _Side | None:
        tz = self.tz
        ccy, j = currency_prefix(tz, i)
        if ccy is not None and (j >= tz.n or tz.toks[j].k != "n" or tz.toks[j].gap > 1):
            return None
        num = read_number(tz, j)
        if num is None:
            return None
        k = num.end
        plus = False
        if tz.t(k) == "+" and tz.att(k) and not (tz.k(k + 1) == "n" and tz.att(k + 1)):
            plus, k = True, k + 1
        elif tz.t(k) == "-" and tz.att(k) and tz.lo(k + 1) == "plus" and tz.att(k + 1):
            plus, k = True, k + 2
        pct = None
        if ccy is None:
            pct, k = self._pct(k)
        return _Side(ccy, num, pct, plus, i, k)

    def _pct(self, k: int) -> tuple[str | None, int]:
        tz = self.tz
        if k >= tz.n:
            return None, k
        tok = tz.toks[k]
        lo = tok.lo
        if tok.t == "%" and tok.gap <= 1:
            return "%", k + 1
        if tok.k == "w":
            if tok.gap == 0:
                if lo in ("pc", "pct", "percent"):
                    return "%", k + 1
                if lo in ("bps", "bp"):
                    return "bp", k + 1
                if lo in ("pp", "ppt", "ppts"):
                    return "pp", k + 1
                return None, k
            if lo in ("percent", "pct"):
                return "%", k + 1
            if lo in ("bps", "bp"):
                return "bp", k + 1
            if lo in ("pp", "ppt", "ppts"):
                return "pp", k + 1
            if lo == "per" and tz.word(k + 1, "cent") and tz.sp(k + 1):
                return "%", k + 2
            if lo in ("percentage", "basis"):
                unit = "pp" if lo == "percentage" else "bp"
                if tz.lo(k + 1) in ("point", "points") and tz.sp(k + 1):
                    return unit, k + 2
                if tz.t(k + 1) == "-" and tz.att(k + 1) and tz.att(k + 2) and \
                        tz.lo(k + 2) in ("point", "points"):
                    return unit, k + 3
            return None, k
        if tok.t == "-" and tok.gap == 0 and tz.att(k + 1):
            nl = tz.lo(k + 1)
            if nl == "percent":
                return "%", k + 2
            if nl == "per" and tz.t(k + 2) == "-" and tz.lo(k + 3) == "cent":
                return "%", k + 4
            if nl == "percentage" and tz.t(k + 2) == "-" and tz.lo(k + 3) in ("point", "points"):
                return "pp", k + 4
        return None, k

    def _connector(self, k: int, between: bool) -> tuple[str, int] | None:
        tz = self.tz
        t = tz.t(k)
        if t in ("-", "–", "—"):
            return "dash", k + 1
        if tz.word(k, "to") and tz.sp(k) and tz.sp(k + 1):
            return "to", k + 1
        if between and tz.word(k, "and") and tz.sp(k) and tz.sp(k + 1):
            return "and", k + 1
        return None

    @staticmethod
    def _compatible(a: _Side, b: _Side) -> bool:
        if b.ccy and (not a.ccy or a.ccy != b.ccy):
            return False
        if a.pct and b.pct != a.pct:
            return False
        if a.ccy and b.pct:
            return False
        return not (a.plus or b.plus)

    def _tally_pair(self, a: _Side, b: _Side) -> bool:
        for s in (a, b):
            if s.ccy or s.pct or s.num.scale is not None or not _integral(s.num.val) \
                    or s.num.val >= 1000 or not (s.num.plain or s.num.words):
                return False
        return True

    def _vote_context(self, start: int, end: int) -> bool:
        tz = self.tz
        after = tz.lo(end)
        if tz.t(end) == "-" and tz.att(end):
            after = tz.lo(end + 1)
        if after in _VOTE_AFTER or (tz.lo(start - 1) in ("split", "divided")
                                    and start - 1 >= self.floor):
            return True
        for p in range(start - 1, max(self.floor, start - 5) - 1, -1):
            if tz.lo(p) in _VOTE_BEFORE:
                return True
        return False

    def _quantity(self, i: int):
        tz = self.tz
        left = self._side(i)
        if left is None:
            return None
        if self._ratio(i):
            return None, left.num.end
        hd = lookback(tz, i, self.floor)
        right = None
        lo_v, hi_v = left.num.val, None
        c = None if left.plus else self._connector(left.end, hd.hedge == "between")
        if c is not None:
            r = self._side(c[1])
            if r is not None and self._compatible(left, r):
                if c[0] != "and" and self._tally_pair(left, r) and \
                        self._vote_context(hd.start, r.end):
                    return Value("count", tz.toks[i].s, tz.toks[r.end - 1].e,
                                 int(left.num.val), "vote", value_hi=int(r.num.val)), r.end
                lo_c, hi_c = left.num.val, r.num.val
                if r.num.scale is not None and left.num.scale is None \
                        and left.num.base < r.num.base:
                    lo_c = left.num.base * r.num.scale
                elif _is_year_num(left.num, tz) and c[0] == "dash" and r.num.plain \
                        and len(tz.toks[r.num.start].t) == 2:
                    hi_c = left.num.val // 100 * 100 + r.num.val
                    if hi_c <= lo_c:
                        hi_c += 100
                if hi_c > lo_c:
                    right, lo_v, hi_v = r, lo_c, hi_c
                elif c[0] == "dash" and self._tally_pair(left, r):
                    return None, r.end                # a score: "won 3-1"
        res = self._classify(i, left, right, lo_v, hi_v, hd)
        if right is not None and c[0] == "to" and hd.start - 1 >= self.floor and \
                tz.lo(hd.start - 1) in ("from", "by") and (res[0] is None or res[0].kind != "year"):
            res = self._classify(i, left, None, left.num.val, None, hd)
        return res

    def _classify(self, i: int, left: _Side, right: _Side | None, lo_v: Decimal,
                  hi_v: Decimal | None, hd: Hedge):
        tz = self.tz
        last = right if right is not None else left
        ccy = left.ccy
        pct = last.pct
        end = last.end
        hedge, start = hd.hedge, hd.start
        if right is not None:
            hedge = "range"
        elif hedge == "between":
            hedge, start = None, i
        if left.plus and hedge is None:
            hedge = "more_than"
        div = 1
        if ccy is None and pct is None:
            cur = currency_suffix(tz, end, last.num)
            if cur is not None:
                ccy, end, div = cur
        if ccy is not None or pct is not None:
            sh = suffix_hedge(tz, end)
            if sh is not None and hedge is None:
                hedge, end = sh
            s, e = tz.toks[start].s, tz.toks[end - 1].e
            if ccy is not None:
                lo_f = float(lo_v / div)
                hi_f = float(hi_v / div) if hi_v is not None else None
                return Value("money", s, e, lo_f, ccy, hedge is not None, hedge, hi_f), end
            unit = "pp" if pct in ("pp", "bp") else "%"
            if pct == "bp":
                lo_v, hi_v = lo_v / 100, (hi_v / 100 if hi_v is not None else None)
            return Value("percent", s, e, float(lo_v), unit, hedge is not None, hedge,
                         float(hi_v) if hi_v is not None else None), end
        return self._count_or_year(i, left, right, lo_v, hi_v, hd, hedge, start, end)

    def _count_or_year(self, i, left, right, lo_v, hi_v, hd, hedge, start, end):
        tz = self.tz
        last = right if right is not None else left
        sh = suffix_hedge(tz, end)
        noun_at = sh[1] if sh is not None else end
        na = noun_after(tz, noun_at)
        if na is None and sh is not None:
            sh = None
        yearish = _is_year_num(left.num, tz) and (
            right is None or (_is_year_num(right.num, tz) or (
                right.num.plain and len(tz.toks[right.num.start].t) == 2)))
        if yearish and right is not None and hi_v > 2100:
            yearish = False
        p = start - 1
        prev = tz.lo(p) if p >= self.floor else ""
        if tz.t(i - 1) == "-" and tz.att(i) and tz.att(i - 1) and i - 2 >= self.floor:
            prev = tz.lo(i - 2)
        year_ctx = prev in _YEAR_PREP or prev.endswith(("'s", "’s")) or (
            na is not None and na[0] in _YEAR_NOUNS)
        if yearish and (year_ctx or na is None):
            y_hedge = hedge if hedge == "range" or hd.phrase in _YEAR_HEDGES else None
            if y_hedge is None and hd.phrase in _YEAR_NEUTRAL:
                hedge = None                           # "up to 2030", "over 2019 levels"
            if hedge is not None and y_hedge is None:
                if na is None:
                    return None, end
            elif right is None and na is None and prev in _QTY_VERBS:
                return None, end
            else:
                if y_hedge is None:
                    start = i
                s, e = tz.toks[start].s, tz.toks[end - 1].e
                return Value("year", s, e, int(lo_v), None, y_hedge == "about", y_hedge,
                             int(hi_v) if hi_v is not None else None), end
        if na is None:
            num = last.num
            if num.scale is not None and not num.abbr and _integral(lo_v):
                s, e = tz.toks[start].s, tz.toks[end - 1].e
                return Value("count", s, e, int(lo_v), None, hedge is not None, hedge,
                             int(hi_v) if hi_v is not None and _integral(hi_v) else None), end
            return None, end
        unit, nend = na
        if sh is not None and hedge is None:
            hedge = sh[0]
        if unit == "time" and tz.lo(nend) in _MULT_BLOCK and tz.sp(nend):
            return None, nend
        if hd.phrase in (("over",), ("under",)) and unit in _TIME_UNITS and hedge == hd.hedge:
            hedge, start = None, i
        if not _integral(lo_v) or (hi_v is not None and not _integral(hi_v)) or (
                lo_v == 1 and hi_v is None):
            return None, nend
        if tz.word(nend, "ago") and tz.sp(nend) and right is None:
            rel = relative_ago(int(lo_v), unit, self.pub)
            if rel is not None:
                kind, value, resolved = rel
                s, e = tz.toks[start].s, tz.toks[nend].e
                if not resolved:
                    value = self.text[s:e]
                return Value(kind, s, e, value, None, hedge is not None, hedge, None,
                             resolved), nend + 1
        if unit == "vote" and right is None and tz.lo(nend) == "to" and tz.sp(nend):
            other = read_number(tz, nend + 1)          # "by five votes to four": a tally
            if other is not None and _integral(other.val):
                s, e = tz.toks[start].s, tz.toks[other.end - 1].e
                return Value("count", s, e, int(lo_v), unit, hedge is not None, hedge,
                             int(other.val)), other.end
        if prev in _ANAPHORA and tz.toks[i].k == "w" and lo_v <= 10 and right is None:
            return None, nend                          # "between the two companies"
        sh2 = suffix_hedge(tz, nend) if hedge is None else None
        if sh2 is not None:
            hedge, nend = sh2
        s, e = tz.toks[start].s, tz.toks[nend - 1].e
        return Value("count", s, e, int(lo_v), unit, hedge is not None, hedge,
                     int(hi_v) if hi_v is not None else None), nend


# "a five-year contract", "a 10-year sentence": a duration is a count of years
_TERM = re.compile(
    r"\b(\d{1,2}|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")[-‐ ](year|month|week)[-‐]?(?:long\s+)?"
    r"(?=\s*(?:contract|deal|extension|term|sentence|lease|ban|agreement|plan|stint|spell|loan|mandate|suspension)s?\b)",
    re.IGNORECASE)


def _terms(text: str, taken: list[Value]) -> list[Value]:
    out = []
    for m in _TERM.finditer(text):
        if any(v.start < m.end() and m.start() < v.end for v in taken):
            continue
        word = m.group(1).lower()
        n = int(word) if word.isdigit() else int(UNITS[word])
        if n > 1:
            out.append(Value("count", m.start(), m.end(2), n, m.group(2).lower()))
    return out


def find_values(text: str, published: dt.date | None = None) -> list[Value]:
    """All money, percent, count, year and date values in one sentence."""
    if not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    found = _Scan(text, published).run()
    if "year" in text or "month" in text or "week" in text:
        found = sorted(found + _terms(text, found), key=lambda v: v.start)
    return found
