"""Calendar dates and relative dates for value extraction.

Decisions:
- A full date ("February 10, 2025", "10 Feb 2025", "2025-02-10") is ONE date row;
  its year is not reported again.  "October 2024" gives "2024-10".
- A month-day without a year ("Feb. 10") takes the year that puts it within
  the year ending three months after publication (news looks back more than
  ahead): published 2025-02-12, "July 14" is 2024-07-14, "May 1" 2025-05-01.
  Without a publication date the value is "--02-10", still compared by month
  and day.  A bare month ("in October") is resolved the same way to "YYYY-MM";
  without a publication date it is "--10", compared only after "until" /
  "through" (an end: "through January"), else ``resolved`` False.
  After "until" / "through" (a date something lasts until) the nearest such
  date is taken, up to half a year ahead: published 2022-08-24, "through
  Dec. 31" is 2022-12-31 and "through January" 2023-01.
- Numeric slash dates (10/2/2025) are ambiguous and yield nothing; only
  YYYY-MM-DD and YYYY/MM/DD are read.
- Relative words are resolved against the publication date: last/this/next
  year -> kind "year" (int); last/this/next month -> "YYYY-MM"; last/this/next
  week -> ISO week "YYYY-Www"; yesterday/tomorrow -> a day; "(on) Monday"
  -> the latest Monday on or before publication (span "Monday"), or after a
  future in its clause ("will vote on Monday", "is expected to ... Monday")
  the coming one, "last Monday" strictly before, "next Monday" strictly after;
  "N days/weeks/months/years ago" likewise.  Unresolved, they are kind "date", value = the words as
  written, ``resolved`` False; except a weekday, whose day cannot be placed
  without the article's date but whose weekday is stated: its value is the
  weekday's name ("Monday"), compared with other weekdays and with the
  weekday of a full date.  "tonight" and "this morning/afternoon/evening"
  are the article's day; "today", "now", "last night" (mostly when someone
  spoke) and "the last year" (a span, not a calendar year) are not reported.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .numbers import Toks
from checker.extract.text.words import SPEECH

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_ABBR = {k for k in MONTHS if len(k) <= 4 and k not in ("may", "june", "july")}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_of(value: object) -> str | None:
    """The weekday a date value states: a weekday's name ("Thursday", from an
    undated article) or that of a full ISO date; None for a year, a month or
    a date with no year."""
    text = str(value)
    if text in WEEKDAY_NAMES:
        return text
    if len(text) == 10 and text[4] == "-" and text[:4].isdigit():
        try:
            return WEEKDAY_NAMES[dt.date.fromisoformat(text).weekday()]
        except ValueError:
            return None
    return None


WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
_HOLIDAY = frozenset("cyber black good super ash easter palm holy bloody blue giving fat "
                     "shrove maundy manic whit low".split())
_MONTH_PREP = frozenset("in since by until till through thru throughout during before after "
                        "from to of early late mid last next this between and or as "
                        "around".split())
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "aug"})
_AMBIGUOUS_PREP = frozenset({"to", "and", "or", "as", "of"})
_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_NOT_RELATIVE_AFTER = frozenset({"the", "past", "that", "every", "each", "per", "a", "any",
                                 "whole", "entire"})


# a date without a year is placed at most this far after publication
_AHEAD_DAYS = 90
_AHEAD_MONTHS = 3
# ... or, after "until" / "through" (a date something lasts until, which may
# lie ahead or behind), the nearest such date, up to half a year either way:
# "a pause through Dec. 31" written in August is this December 31, "remained
# in hospital until 2 July" written in August last July 2
_UNTIL = frozenset({"until", "till", "through", "thru"})
_UNTIL_DAYS = 183


def _until(tz: Toks, i: int, floor: int) -> bool:
    """The date at token ``i`` follows "until" or "through" (or "until the")."""
    k = i - 1
    if k >= floor and tz.lo(k) == "the":
        k -= 1
    return k >= floor and tz.lo(k) in _UNTIL


def _ends_at(tz: Toks, i: int, floor: int) -> bool:
    """The month at token ``i`` ends a span: "through January", and also
    "until early March", "through mid-January", "through the end of January"."""
    k = i
    if k - 2 >= floor and tz.t(k - 1) == "-" and tz.lo(k - 2) in ("mid", "early", "late"):
        k -= 2
    elif k - 1 >= floor and tz.lo(k - 1) in ("mid", "early", "late"):
        k -= 1
    elif k - 2 >= floor and tz.lo(k - 1) == "of" and tz.lo(k - 2) in ("end", "middle"):
        k -= 2
    return _until(tz, k, floor)


class DateHit(NamedTuple):
    next: int          # next token index
    kind: str          # "date" | "year"
    start: int         # char offsets
    end: int
    value: object
    value_hi: object = None
    hedge: str | None = None
    resolved: bool = True


def _bare(lo: str) -> str:
    """A word without a possessive ending: "monday's" -> "monday"."""
    if lo.endswith(("'s", "’s")):
        return lo[:-2]
    return lo


def _word_end(tok) -> int:
    return tok.e - 2 if tok.lo.endswith(("'s", "’s")) else tok.e


def _cap(t: str) -> bool:
    return t[:1].isupper()


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _nearest_day(pub: dt.date, m: int, d: int, ahead: int = _AHEAD_DAYS) -> dt.date | None:
    """The year that puts month-day in the 365 days ending ``ahead`` days after ``pub``
    (``ahead`` = _UNTIL_DAYS: the nearest one, half a year either way)."""
    if ahead == _UNTIL_DAYS:
        cands = [c for y in (pub.year - 1, pub.year, pub.year + 1) if (c := _safe_date(y, m, d))]
        return min(cands, key=lambda c: (abs((c - pub).days), c < pub), default=None)
    for y in (pub.year + 1, pub.year, pub.year - 1, pub.year - 2):
        cand = _safe_date(y, m, d)
        if cand is not None and (cand - pub).days <= ahead:
            return cand if (pub - cand).days <= 366 else None
    return None


def _nearest_month(pub: dt.date, m: int, mod: str | None) -> int:
    py, pm = pub.year, pub.month
    if mod == "last":
        return py if m < pm else py - 1
    if mod == "next":
        return py if m > pm else py + 1
    if mod == "this":
        return py
    if mod == "until":  # "through January" written in August: the nearest January, the coming one
        return min((py - 1, py, py + 1), key=lambda y: (abs((y * 12 + m) - (py * 12 + pm)), y < py))
    return py + 1 if m - pm <= _AHEAD_MONTHS - 12 else py if m - pm <= _AHEAD_MONTHS else py - 1


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(d: dt.date, months: int) -> str:
    idx = d.year * 12 + (d.month - 1) + months
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


def _day(tz: Toks, j: int) -> int | None:
    tok = tz.toks[j] if 0 <= j < tz.n else None
    if tok is None or tok.k != "n" or not tok.t.isdigit() or len(tok.t) > 2 or tok.t[0] == "0":
        return None
    d = int(tok.t)
    return d if 1 <= d <= 31 else None


def _year(tz: Toks, j: int, lo: int = 1000, hi: int = 2999) -> int | None:
    tok = tz.toks[j] if 0 <= j < tz.n else None
    if tok is None or tok.k != "n" or len(tok.t) != 4 or not tok.t.isdigit():
        return None
    y = int(tok.t)
    if not lo <= y <= hi:
        return None
    # "May 2024-25" or "2024." followed by digits are not plain years
    if tz.att(j + 1) and tz.k(j + 1) in ("n", "w"):
        return None
    return y


def _month_token(tz: Toks, i: int) -> tuple[int, int] | None:
    """(month, next index) for a capitalised month name, with its abbreviation dot."""
    tok = tz.toks[i]
    lo = _bare(tok.lo)
    m = MONTHS.get(lo)
    if m is None or not _cap(tok.t) or (lo != tok.lo and lo in _ABBR):
        return None
    j = i + 1
    if lo in _ABBR and tz.t(j) == "." and tz.att(j):
        j += 1
    return m, j


def _day_tail(tz: Toks, j: int) -> tuple[int, int | None, int]:
    """After a day number at j: skip an ordinal suffix; read "-12" day ranges."""
    d_end = j + 1
    if tz.att(d_end) and tz.lo(d_end) in _ORDINAL:
        d_end += 1
    d2 = None
    if tz.t(d_end) in ("-", "–", "—") and _day(tz, d_end + 1) is not None:
        d2 = _day(tz, d_end + 1)
        d_end += 2
        if tz.att(d_end) and tz.lo(d_end) in _ORDINAL:
            d_end += 1
    return d_end, d2, j


def _finish_day(tz, i, j_end, m, d, d2, year, pub, ahead: int = _AHEAD_DAYS) -> DateHit | None:
    start, end = tz.toks[i].s, tz.toks[j_end - 1].e
    if d2 is not None and d2 <= d:
        return None
    if year is not None:
        a = _safe_date(year, m, d)
        b = _safe_date(year, m, d2) if d2 else None
        if a is None or (d2 and b is None):
            return None
        return DateHit(j_end, "date", start, end, a.isoformat(),
                       b.isoformat() if b else None, "range" if b else None, True)
    if pub is not None:
        a = _nearest_day(pub, m, d, ahead)
        if a is None:
            return None
        b = _safe_date(a.year, m, d2) if d2 else None
        if d2 and b is None:
            return None
        return DateHit(j_end, "date", start, end, a.isoformat(),
                       b.isoformat() if b else None, "range" if b else None, True)
    if _safe_date(2000, m, d) is None:       # leap year: allows --02-29
        return None
    hi = f"--{m:02d}-{d2:02d}" if d2 else None
    # no year can be known: the month and day are still stated, and compared
    return DateHit(j_end, "date", start, end, f"--{m:02d}-{d:02d}", hi,
                   "range" if d2 else None, True)


def _bad_day_follow(tz: Toks, j: int) -> bool:
    """A day number must not run into a time, a percent or a decimal."""
    t = tz.t(j)
    return (t in (":", "%") and tz.att(j)) or tz.lo(j) in ("percent", "pct")


def parse_month(tz: Toks, i: int, pub: dt.date | None, floor: int) -> DateHit | None:
    """Dates that start with a month name: "Feb. 10, 2025", "October 2024", "in May"."""
    mt = _month_token(tz, i)
    if mt is None:
        return None
    m, j = mt
    tok = tz.toks[i]
    # Month D[, YYYY]
    d = _day(tz, j) if tz.sp(j) else None
    if d is not None:
        d_end, d2, _ = _day_tail(tz, j)
        if _bad_day_follow(tz, d_end):
            return None
        year = None
        if tz.t(d_end) == "," and tz.att(d_end) and tz.sp(d_end + 1):
            year = _year(tz, d_end + 1)
            if year is not None:
                d_end += 2
        elif tz.sp(d_end):
            year = _year(tz, d_end, 1800, 2100)
            if year is not None:
                d_end += 1
        return _finish_day(tz, i, d_end, m, d, d2, year, pub,
                           _UNTIL_DAYS if _until(tz, i, floor) else _AHEAD_DAYS)
    # Month YYYY / Month, YYYY / Month of YYYY
    y_at = j + 1 if (tz.t(j) == "," and tz.att(j)) or (tz.lo(j) == "of" and tz.sp(j)) else j
    year = _year(tz, y_at, 1800, 2100) if tz.sp(y_at) else None
    if year is not None:
        return DateHit(y_at + 1, "date", tok.s, tz.toks[y_at].e, f"{year:04d}-{m:02d}")
    # bare month after a preposition
    lo = _bare(tok.lo)
    prev = tz.lo(i - 1) if i - 1 >= floor and tz.sp(i) else ""
    if not prev and tz.t(i - 1) == "-" and tz.att(i) and tz.att(i - 1) and i - 2 >= floor:
        prev = tz.lo(i - 2) if tz.lo(i - 2) in ("mid", "early", "late") else ""
    if prev not in _MONTH_PREP or (lo in _AMBIGUOUS_MONTHS and prev in _AMBIGUOUS_PREP):
        return None
    if lo == "may" and tz.lo(j) in ("be", "have", "not", "also", "still", "well"):
        return None
    mod = prev if prev in ("last", "next", "this") else None
    start = tz.toks[i - 1].s if mod else tok.s
    end = tz.toks[j - 1].e if lo == tok.lo else _word_end(tok)
    if pub is None:
        if mod:
            return DateHit(j, "date", start, end, tz.text[start:end], None, None, False)
        # an end month ("through January") is compared by its month, as a
        # year-less day is; any other bare month of an undated article is
        # too coarse to place ("In March, the firm said"): not compared
        return DateHit(j, "date", start, end, f"--{m:02d}", None, None, _ends_at(tz, i, floor))
    y = _nearest_month(pub, m, mod or ("until" if _ends_at(tz, i, floor) else None))
    return DateHit(j, "date", start, end, f"{y:04d}-{m:02d}")


def parse_day_first(tz: Toks, i: int, pub: dt.date | None, floor: int) -> DateHit | None:
    """Dates that start with the day: "10 February 2025", "10th of Feb"."""
    d = _day(tz, i)
    if d is None:
        return None
    j = i + 1
    if tz.att(j) and tz.lo(j) in _ORDINAL:
        j += 1
    if tz.word(j, "of") and tz.sp(j):
        j += 1
    if not tz.sp(j) or tz.k(j) != "w":
        return None
    mt = _month_token(tz, j)
    if mt is None:
        return None
    m, e = mt
    if _bare(tz.lo(j)) in _AMBIGUOUS_MONTHS and tz.lo(j) == "may":
        # "10 May" is fine, "10 may be" is not
        if tz.lo(e) in ("be", "have", "not", "also", "still"):
            return None
    year = None
    if tz.t(e) == "," and tz.att(e) and tz.sp(e + 1) and _year(tz, e + 1) is not None:
        year, e = _year(tz, e + 1), e + 2
    elif tz.sp(e) and _year(tz, e) is not None:
        year, e = _year(tz, e), e + 1
    return _finish_day(tz, i, e, m, d, None, year, pub,
                       _UNTIL_DAYS if _until(tz, i, floor) else _AHEAD_DAYS)


def parse_iso(tz: Toks, i: int) -> DateHit | None:
    """2025-02-10 and 2025/02/10."""
    if i + 4 >= tz.n:
        return None
    a, s1, b, s2, c = tz.toks[i:i + 5]
    if not (len(a.t) == 4 and a.t.isdigit() and s1.t in ("-", "/") and s2.t == s1.t
            and len(b.t) == 2 and b.t.isdigit() and len(c.t) == 2 and c.t.isdigit()
            and s1.gap == b.gap == s2.gap == c.gap == 0):
        return None
    if tz.att(i + 5) and tz.k(i + 5) == "n":
        return None
    day = _safe_date(int(a.t), int(b.t), int(c.t))
    if day is None:
        return None
    return DateHit(i + 5, "date", a.s, c.e, day.isoformat())


def parse_weekday(tz: Toks, i: int, pub: dt.date | None, floor: int) -> DateHit | None:
    tok = tz.toks[i]
    lo = _bare(tok.lo)
    wd = WEEKDAYS.get(lo)
    if wd is None or not _cap(tok.t):
        return None
    nxt = i + 1
    if lo == tok.lo:
        if tz.t(nxt) == "," and tz.att(nxt):
            nxt += 1
        day_first = tz.k(nxt) == "n" and tz.t(nxt).isdigit() and int(tz.t(nxt)) <= 31 and (
            tz.k(nxt + 1) == "w" and _month_token(tz, nxt + 1) is not None)
        if day_first or (tz.k(nxt) == "w" and _month_token(tz, nxt) is not None):
            return None          # "Monday, Feb. 10", "Monday, 10 February": the date is read next
    prev_i = i - 1
    if prev_i >= floor and tz.sp(i) and tz.lo(prev_i) in _HOLIDAY and _cap(tz.t(prev_i)):
        return None
    mod = tz.lo(prev_i) if prev_i >= floor and tz.sp(i) and tz.lo(prev_i) in (
        "last", "next", "this", "past", "coming") else None
    start = tz.toks[prev_i].s if mod else tok.s
    end = _word_end(tok)
    if pub is None:  # the day cannot be placed, but its weekday is stated: "Monday"
        return DateHit(i + 1, "date", start, end, WEEKDAY_NAMES[wd])
    if mod in ("last", "past"):
        back = (pub.weekday() - wd - 1) % 7 + 1
    elif mod in ("next", "coming"):
        back = -((wd - pub.weekday() - 1) % 7 + 1)
    elif _future(tz, i):  # "will announce on Tuesday": the coming Tuesday (or today)
        back = -((wd - pub.weekday()) % 7)
    else:
        back = (pub.weekday() - wd) % 7
    return DateHit(i + 1, "date", start, end, (pub - dt.timedelta(days=back)).isoformat())


# a future before a weekday, in its clause: "will vote on Tuesday", "is
# expected to announce Tuesday", "won't strike on Friday". The look back stops
# at a clause break, a comma, a quote mark, a relative or subordinate word, a
# verb of saying and a past verb ("will appeal the ruling handed down on
# Monday", "who will oversee the recount met on Monday": that day is past);
# "Will" with a capital is a name or a question, "their will" a noun
FUTURE_REACH = 16  # tokens before the weekday
_FUTURE_ONE = frozenset({"will", "shall", "won't", "won’t"})
_FUTURE_TWO = frozenset({"expected to", "set to", "scheduled to", "scheduled for", "preparing to",
                         "going to", "poised to", "slated to", "slated for"})
_SAYING = frozenset({"said", "says", "told", "announced", "reported", "confirmed", "added", "wrote",
                     "vowed", "pledged", "promised", "warned", "insisted", "stated", "declared", "argued"})
_STOP = frozenset({".", ";", ":", "?", "!", "—", "–", ",", '"', "“", "”", "'", "‘", "’", "that", "which",
                   "who", "whom", "after", "since", "when", "because", "before", "while", "until"})
_PAST = frozenset({"was", "were", "had", "did", "met", "came", "went", "made", "took", "gave", "saw", "found",
                   "held", "left", "hit", "won", "lost", "began", "ran", "got", "put", "struck", "fell", "rose",
                   "sold", "bought", "paid", "kept", "spent", "brought", "thought", "felt", "led"})
_NOUN_BEFORE = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "popular", "free"})


def _future(tz: Toks, i: int) -> bool:
    words = []
    for j in range(i - 1, max(-1, i - 1 - FUTURE_REACH), -1):
        lo = tz.lo(j)
        if f"{lo} {tz.lo(j + 1)}" in _FUTURE_TWO:  # "expected to", "scheduled for"
            return True
        if lo in _THEN:  # "journeys will be wrecked when workers walk out on Thursday"
            return _will_before(tz, j)
        if lo in _STOP or lo in _SAYING or lo in _PAST or (len(lo) > 3 and lo.endswith("ed")):
            break
        if lo == "will" and (tz.t(j)[:1].isupper() or tz.lo(j - 1) in _NOUN_BEFORE):
            continue  # "Will Smith", "the will of the people"
        words.append(lo)
    return bool(_FUTURE_ONE.intersection(words) or any(w.endswith(("'ll", "’ll")) for w in words))


# a clause of time or condition after a future main clause is in the present
# ("will be wrecked when 3,200 workers walk out on Thursday"): its weekday is
# the coming one, when nothing past stood between (the look back above)
_THEN = frozenset({"when", "once", "until", "before", "if"})
_CLAUSE_END = frozenset({".", ";", ":", "?", "!", '"', "“", "”", "‘", "’"})
THEN_REACH = 12  # tokens of the main clause before the subordinate word


def _will_before(tz: Toks, k: int) -> bool:
    for j in range(k - 1, max(-1, k - 1 - THEN_REACH), -1):
        lo = tz.lo(j)
        if lo in _CLAUSE_END or lo in _SAYING:
            return False
        if lo in _FUTURE_ONE and not tz.t(j)[:1].isupper() and tz.lo(j - 1) not in _NOUN_BEFORE:
            return True
        if lo.endswith(("'ll", "’ll")):
            return True
    return False


def relative_ago(n: int, unit: str, pub: dt.date | None) -> tuple[str, object, bool] | None:
    """(kind, value, resolved) for "N units ago"; None for units we do not date."""
    if unit not in ("day", "week", "month", "year"):
        return None
    if pub is None:
        return "date", None, False
    if unit == "day":
        return "date", (pub - dt.timedelta(days=n)).isoformat(), True
    if unit == "week":
        return "date", _iso_week(pub - dt.timedelta(days=7 * n)), True
    if unit == "month":
        return "date", _shift_month(pub, -n), True
    return "year", pub.year - n, True


_DAY_PARTS = ("morning", "afternoon", "evening")


def _part_of_day(tz: Toks, i: int) -> int | None:
    """The index after "tonight" or "this morning/afternoon/evening" starting
    at token i: the article's day. Not "today",
    which papers also write for "nowadays", nor "last night", which they
    mostly write for when someone spoke ("refused to comment last night")."""
    lo = _bare(tz.lo(i))
    if lo == "tonight":
        return i + 1
    nxt = _bare(tz.lo(i + 1)) if tz.sp(i + 1) and tz.k(i + 1) == "w" else ""
    if lo == "this" and nxt in _DAY_PARTS:
        return i + 2
    return None


def _spoken(tz: Toks, i: int, floor: int) -> bool:
    """A verb of saying within the three words before token i ("said this
    afternoon", "told reporters tonight"): the time someone spoke, which
    papers give by the part of the day, not the day of what they spoke of."""
    return any(tz.lo(k) in SPEECH for k in range(max(floor, i - 3), i))


def parse_relative(tz: Toks, i: int, pub: dt.date | None, floor: int) -> DateHit | None:
    """last/this/next year|month|week, yesterday, tomorrow, "a year ago"."""
    tok = tz.toks[i]
    lo = _bare(tok.lo)
    if lo in ("yesterday", "tomorrow"):
        end = _word_end(tok)
        if pub is None:
            return DateHit(i + 1, "date", tok.s, end, tz.text[tok.s:end], None, None, False)
        d = pub + dt.timedelta(days=-1 if lo == "yesterday" else 1)
        return DateHit(i + 1, "date", tok.s, end, d.isoformat())
    k = _part_of_day(tz, i)
    if k is not None and not (i - 1 >= floor and tz.lo(i - 1) in _NOT_RELATIVE_AFTER) \
            and not _spoken(tz, i, floor):
        end = _word_end(tz.toks[k - 1])  # "tonight", "this morning": the article's day
        if pub is None:
            return DateHit(k, "date", tok.s, end, tz.text[tok.s:end], None, None, False)
        return DateHit(k, "date", tok.s, end, pub.isoformat())
    if tok.lo in ("last", "this", "next"):
        unit = _bare(tz.lo(i + 1))
        if unit not in ("year", "month", "week") or not tz.sp(i + 1) or tz.k(i + 1) != "w":
            return None
        if i - 1 >= floor and tz.lo(i - 1) in _NOT_RELATIVE_AFTER:
            return None
        end = _word_end(tz.toks[i + 1])
        if pub is None:
            return DateHit(i + 2, "date", tok.s, end, tz.text[tok.s:end], None, None, False)
        step = {"last": -1, "this": 0, "next": 1}[tok.lo]
        if unit == "year":
            return DateHit(i + 2, "year", tok.s, end, pub.year + step)
        if unit == "month":
            return DateHit(i + 2, "date", tok.s, end, _shift_month(pub, step))
        return DateHit(i + 2, "date", tok.s, end, _iso_week(pub + dt.timedelta(days=7 * step)))
    if tok.lo in ("a", "an", "one") and tz.word(i + 2, "ago") and tz.sp(i + 1) and tz.sp(i + 2):
        unit = tz.lo(i + 1)
        res = relative_ago(1, unit, pub)
        if res is None:
            return None
        kind, value, resolved = res
        end = tz.toks[i + 2].e
        if not resolved:
            value = tz.text[tok.s:end]
        return DateHit(i + 3, kind, tok.s, end, value, None, None, resolved)
    return None
