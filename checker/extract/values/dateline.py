"""The article's own date, from a dateline or a date line at the top of the text.

``find_dateline(plain)`` looks only at the first lines of the text (those
starting within ``WINDOW`` characters of its first visible character, at most
``MAX_LINES`` of them) and accepts two forms:

- a *dateline* opening a paragraph: ``PLACE[, Region], Month Day[, Year]
  [(Agency)] -`` — "LISBON, Oct. 14 (Wire) -", "MANTA, Ecuador, April 19 (UPI)
  --", "HALDEN, 14 October –".  The place is in capitals; a dash, colon or
  ``(Agency)`` must follow the date.  A place written as a name ("Munich
  (Germany), Aug 12 (IANS)", "New Delhi, Aug 12 (PTI)") needs the agency,
  in capitals or a wire's name.  Without a place, a paragraph may open with
  the date and a dash before a capital: "Oct. 14, 2025 — The board ...".
- a *date line*: a line (at most ``MAX_LINE`` characters) that is a date plus
  only a by-line ("By Jane Roe |"), a time ("10.41 BST", "3:15 PM EST"), a
  weekday, a short capitalised code (a time zone), a section ("in
  Nation/World"), "N min read", "N hours ago" or the words published /
  updated / posted / on / at.  "October 14, 2025 —", "Published
  14 October 2025", "Wed 20 Sep 2017 10.41 BST", "2017-09-21".  A numeric
  date with slashes or dots (21/09/2017) counts only when it is unambiguous
  (one part over 12, or both parts equal).

A date inside an ordinary sentence is never the article's date: any other word
on the line (a verb, a lower-case word) rejects it.  Month names are English.

The result: the first dateline, else the first date line, gives the date.
A year-less one ("BEIJING, Apr 19 –") gives month and day only, unless another
of the top lines has a year: then the year that puts that month-day nearest
that date (at most a year before it, 90 days after) is taken.  Every dateline
and date line found is listed in ``spans``: they are the article's date, not
claims, and extraction drops the values inside them.

Every pattern is anchored or bounded and runs on a few hundred characters.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .dates import MONTHS, _nearest_day

WINDOW = 400    # lines must start within this many characters of the text's start
MAX_LINES = 8   # non-blank lines looked at
MAX_LINE = 160  # a date line is at most this long

_UP = "A-ZÀ-ÖØ-Þ"
_MON = "|".join(f for k in sorted(MONTHS, key=len, reverse=True)
                for f in (k.capitalize(), k.upper()))
_M = rf"(?:{_MON})(?![A-Za-z])\.?"
_SFX = r"(?:st|nd|rd|th)?"

# dates a date line may carry (each read with the groups mon, day, year)
_DATES = [
    re.compile(rf"(?<![\w.])(?P<mon>{_M})[ \t]{{1,3}}(?P<day>\d{{1,2}}){_SFX}(?![\d:]|\.\d)"
               rf"(?:,?[ \t]{{1,3}}(?P<year>\d{{4}})(?!\d))?"),
    re.compile(rf"(?<![\w.])(?P<day>\d{{1,2}}){_SFX}[ \t]{{1,3}}(?:of[ \t]{{1,3}})?(?P<mon>{_M})"
               rf"(?:,?[ \t]{{1,3}}(?P<year>\d{{4}})(?!\d))?"),
    re.compile(r"(?<![\w./-])(?P<year>\d{4})(?P<sep>[-/])(?P<mon>\d{2})(?P=sep)(?P<day>\d{2})(?!\d)"),
    re.compile(r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"),
]

# what else a date line may hold (blanked before the rest is checked)
_ALLOWED = [
    re.compile(r"(?<!\w)[Bb][Yy][ \t]+[A-Z][\w'’.-]*"
               r"(?:,?[ \t]+(?:[A-Z][\w'’.-]*|and|&|de|da|del|van|von|der|le|la|al|bin)){0,8}"),
    re.compile(r"(?<!\w)[Ii]n[ \t]+[A-Z][\w/&'’-]*(?:[ \t]+(?:[A-Z&][\w/&'’-]*|and)){0,3}"),
    re.compile(r"(?<!\w)\d{1,3}[ \t]+(?:minutes?|mins?|hours?|hrs?|days?)[ \t]+ago(?!\w)"),
    re.compile(r"(?<!\w)\d{1,3}[ \t-]*(?:minutes?|mins?)[ \t]+read(?!\w)"),
    re.compile(r"(?<!\w)\d{1,2}(?:[:.]\d{2}){1,2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?!\w)"
               r"|(?<!\w)\d{1,2}[ \t]*[AaPp]\.?[Mm]\.?(?!\w)"),
    re.compile(r"(?<!\w)(?i:(?:first[ \t]+|last[ \t]+)?(?:published|updated|posted|modified|"
               r"filed|issued|released)|on|at|date|dated)(?!\w)"),
    re.compile(r"(?<!\w)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
               r"Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun|MONDAY|TUESDAY|WEDNESDAY|"
               r"THURSDAY|FRIDAY|SATURDAY|SUNDAY)(?!\w)\.?"),
    re.compile(r"(?<!\w)[A-Z]{2,5}(?!\w)"),          # time zones, agencies: EST, BST, UPI
    re.compile(r"\([A-Z][\w .&'’-]{0,30}\)"),
]
_REST = re.compile(r"[\s|•·,;:./—–\-()\[\]*_>#]*")

_DATELINE = re.compile(
    rf"[ \t>*_]*(?P<place>[{_UP}][{_UP}.'’-]*(?:[ \t][{_UP}][{_UP}.'’-]*){{0,3}})[ \t*_]*,"
    rf"(?:[ \t]*[A-Z][A-Za-z.'’-]*(?:[ \t][A-Z][A-Za-z.'’-]*){{0,2}}[ \t]*,)?"
    rf"[ \t]*(?:(?P<mon>{_M})[ \t]{{1,3}}(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})[ \t]{{1,3}}(?P<mon2>{_M}))"
    rf"(?!\d)(?:,?[ \t]{{1,3}}(?P<year>\d{{4}})(?!\d))?"
    r"[ \t]*(?P<agency>\([^()\r\n]{1,40}\))?[ \t]*(?P<sep>--?|–|—|:)?(?=\s|$)")
# a wire's dateline with the place as written and the agency required:
# "Munich (Germany), Aug 12 (IANS)", "New Delhi, Aug 12 (PTI)". The agency is
# in capitals (not a time zone) or a wire's name; the place opens with no
# function word or weekday ("In Corvane, Aug 12 (PTI)" is a sentence)
_WIRE_AGENCY = (r"(?!(?:GMT|BST|UTC|ET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|IST|JST|HKT|SGT|AEST|AEDT)\))"
                r"(?:[A-Z]{2,6}|Reuters|Xinhua|Bernama|Yonhap|Kyodo|Anadolu|Interfax|Antara|Bloomberg|Sputnik)")
_NOT_PLACE = (r"(?!(?:In|On|At|By|Of|For|From|Since|Until|After|Before|Last|Next|This|That|Every|"
              r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")
_WIRE_DATELINE = re.compile(
    r"[ \t>*_]*(?P<place>" + _NOT_PLACE + r"[A-Z][a-z'’.-]*(?:[ \t][A-Z][a-z'’.-]+){0,3}"
    r"(?:[ \t]\([A-Z][A-Za-z .'’-]{1,30}\))?)[ \t]*,"
    rf"[ \t]*(?:(?P<mon>{_M})[ \t]{{1,3}}(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})[ \t]{{1,3}}(?P<mon2>{_M}))"
    rf"(?!\d)(?:,?[ \t]{{1,3}}(?P<year>\d{{4}})(?!\d))?"
    r"[ \t]*(?P<agency>\(" + _WIRE_AGENCY + r"\))[ \t]*(?P<sep>--?|–|—|:)?(?=\s|$)")
# a paragraph opening with the date and a dash: "Oct. 14, 2025 — The board ..."
_OPENER = re.compile(
    rf"[ \t>*_]*(?:(?P<mon>{_M})[ \t]{{1,3}}(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})[ \t]{{1,3}}(?P<mon2>{_M}))"
    rf"(?!\d)(?:,?[ \t]{{1,3}}(?P<year>\d{{4}})(?!\d))?"
    r"[ \t]*(?P<agency>\([^()\r\n]{1,40}\))?[ \t]*(?P<sep>--?|–|—)(?=[ \t]+[A-Z\"“‘'])")
_LINE = re.compile(r"[^\r\n]+")


class Dateline(NamedTuple):
    """The article's date as its top lines give it."""

    date: dt.date | None         # None when no year is known
    month: int
    day: int
    raw: str                     # the dateline or date line that gave it
    spans: tuple[tuple[int, int], ...]  # every dateline / date line found (offsets in the text)

    @property
    def iso(self) -> str:
        """``2025-10-14``, or ``--04-19`` when the year is unknown."""
        return self.date.isoformat() if self.date else f"--{self.month:02d}-{self.day:02d}"


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _year(text: str | None) -> int | None:
    y = int(text) if text else None
    return y if y is None or 1900 <= y <= 2100 else -1


def _parts(m: re.Match) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a date match; None if invalid or ambiguous."""
    g = m.groupdict()
    year = _year(g.get("year"))
    if year == -1:
        return None
    if g.get("a"):                      # dd/mm/yyyy or mm/dd/yyyy
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            mon, day = b, a
        elif b > 12 >= a or a == b:
            mon, day = a, b
        else:
            return None
    else:
        mon = _month(g["mon"]) if not g["mon"].isdigit() else int(g["mon"])
        day = int(g["day"])
    probe = year if year is not None else 2000     # 2000 allows Feb. 29
    try:
        dt.date(probe, mon, day)
    except ValueError:
        return None
    return mon, day, year


def _dateline(line: str):
    """(month, day, year, start, end) of a dateline opening ``line``."""
    m = _DATELINE.match(line)
    if not (m and (m.group("agency") or m.group("sep"))):
        m = _WIRE_DATELINE.match(line)
    if m and sum(c.isalpha() for c in m.group("place")) >= 2:
        start = m.start("place")
    else:
        m = _OPENER.match(line)
        if not m:
            return None
        start = len(line) - len(line.lstrip(" \t>*_"))
    day = int(m.group("day") or m.group("day2"))
    mon = _month(m.group("mon") or m.group("mon2"))
    year = _year(m.group("year"))
    if year == -1:
        return None
    try:
        dt.date(year or 2000, mon, day)
    except ValueError:
        return None
    return mon, day, year, start, m.end()


def _date_line(line: str):
    """(month, day, year, start, end) of a line that is a date and nothing else."""
    if len(line.strip()) > MAX_LINE:
        return None
    hits = sorted((m for rx in _DATES for m in rx.finditer(line)), key=lambda m: m.start())
    first, rest, last_end = None, list(line), -1
    for m in hits:
        if m.start() < last_end:
            continue
        parts = _parts(m)
        if parts is None:
            return None
        first = first or parts
        rest[m.start():m.end()] = " " * (m.end() - m.start())
        last_end = m.end()
    if first is None:
        return None
    masked = "".join(rest)
    for rx in _ALLOWED:
        masked = rx.sub(lambda m: " " * (m.end() - m.start()), masked)
    if not _REST.fullmatch(masked):
        return None
    start = len(line) - len(line.lstrip())
    return (*first, start, len(line.rstrip()))


def find_dateline(plain: str) -> Dateline | None:
    """The article's date from its first lines, or None (see the module notes)."""
    top = len(plain) - len(plain.lstrip())
    if top == len(plain):
        return None
    head = plain[:top + WINDOW + MAX_LINE]
    found = []
    lines = 0
    for lm in _LINE.finditer(head, top):
        if lm.start() >= top + WINDOW or lines >= MAX_LINES:
            break
        line = lm.group()
        if not line.strip():
            continue
        lines += 1
        hit = _dateline(line)
        form = "dateline" if hit else "line"
        hit = hit or _date_line(line)
        if hit:
            mon, day, year, s, e = hit
            found.append((form, mon, day, year, lm.start() + s, lm.start() + e))
    if not found:
        return None
    spans = tuple((s, e) for *_, s, e in found)
    found.sort(key=lambda f: f[0] != "dateline")      # a dateline first (stable)
    _, mon, day, year, s, e = found[0]
    if year is None:
        dated = next((f for f in found if f[3] is not None), None)
        date = _nearest_day(dt.date(dated[3], dated[1], dated[2]), mon, day) if dated else None
    else:
        date = dt.date(year, mon, day)
    return Dateline(date, mon, day, plain[s:e], spans)


# a news address's path date: /2024/03/05/, /2024/3/5/, /2024-03-05-, /2024-03/05/
_URL_DATE = re.compile(r"/((?:19|20)\d{2})([/-])(0?[1-9]|1[0-2])(?:\2|(?<=-\d\d)/)(0?[1-9]|[12]\d|3[01])(?=[/._-]|$)")


def year_for(day: dt.date, month: int, mday: int) -> dt.date | None:
    """The month-day nearest ``day`` in the year before it or up to 90 days after."""
    return _nearest_day(day, month, mday)


def url_date(url) -> dt.date | None:
    """The date in an article address's path, or None: a year, month and day
    in that order, each its own path part ("/2024/03/05/"). A year and month
    alone ("/2024/03/") say no day and give nothing."""
    if not isinstance(url, str):
        return None
    m = _URL_DATE.search(url.split("?", 1)[0].split("#", 1)[0])
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None
