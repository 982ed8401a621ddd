"""Tokens, numerals, number words, currencies and hedges for value extraction.

A sentence is cut into tokens (ASCII digits with ``.``/``,`` groups, a run of
letters, or any other single character) by one linear regex.  Every reader
here looks at a bounded window of tokens, so extraction stays linear.  Amounts
stay exact :class:`~decimal.Decimal` until the caller converts them, so
``$12.5 billion`` and ``$12,500,000,000`` give the same float.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

# a figure typed with a space after its thousands commas ("93, 469, 008",
# "8,794, 726") is one number when it cannot be a list: two spaced groups of
# three digits, or a spaced group after an unspaced one ("5, 200 people" is two)
SPACED_GROUPS = (r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:, [0-9]{3}(?![0-9]))+(?:\.[0-9]+)?"
                 r"|[1-9][0-9]{0,2}(?:, [0-9]{3}){2,}(?![0-9])")
_SPACED = re.compile(SPACED_GROUPS)


def unspaced(text: str) -> str:
    """``text`` with the spaces of spaced thousands removed ("93, 469, 008" -> "93,469,008")."""
    return _SPACED.sub(lambda m: m.group().replace(", ", ","), text) if ", " in text else text

_TOKEN = re.compile(
    rf"(?P<n>{SPACED_GROUPS}|[0-9]+(?:[.,][0-9]+)*)|(?P<w>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<s>\S)")
# 1,234,567 | Indian 12,34,567 | plain | one separator left out (24,966218,
# a slip: the figure is 24,966,218); optional decimals. Leading zeros rejected.
_NUMFMT = re.compile(
    r"(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]?(?:,[0-9]{2})+,[0-9]{3}|0|[1-9][0-9]*"
    r"|[1-9][0-9]{0,2}(?:,[0-9]{3})*,[0-9]{6}(?:,[0-9]{3})*)"
    r"(?:\.[0-9]+)?")
_MAX_NUM_CHARS = 24


class Tok(NamedTuple):
    k: str     # "n" number, "w" word, "s" symbol
    t: str
    lo: str
    s: int
    e: int
    gap: int   # characters of white space before the token (1 for the first)


class Toks:
    """The token list of one sentence with bounds-safe accessors."""

    __slots__ = ("text", "toks", "n")

    def __init__(self, text: str):
        self.text = text
        toks = []
        prev = None
        for m in _TOKEN.finditer(text):
            s, e = m.span()
            t = m.group()
            toks.append(Tok(m.lastgroup, t, t.lower(), s, e, 1 if prev is None else s - prev))
            prev = e
        self.toks = toks
        self.n = len(toks)

    def k(self, i: int) -> str:
        return self.toks[i].k if 0 <= i < self.n else ""

    def t(self, i: int) -> str:
        return self.toks[i].t if 0 <= i < self.n else ""

    def lo(self, i: int) -> str:
        return self.toks[i].lo if 0 <= i < self.n else ""

    def att(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.n and self.toks[i].gap == 0

    def sp(self, i: int) -> bool:
        """Token i exists and white space separates it from token i-1."""
        return 0 <= i < self.n and self.toks[i].gap > 0

    def word(self, i: int, *words: str) -> bool:
        return 0 <= i < self.n and self.toks[i].k == "w" and self.toks[i].lo in words

    def after(self, i: int, char_end: int) -> int:
        """Index of the first token at or after char offset ``char_end``."""
        while i < self.n and self.toks[i].s < char_end:
            i += 1
        return i


def numeral(t: str) -> Decimal | None:
    """The value of a digit token, or None when it is not a well-formed number."""
    t = unspaced(t)
    if len(t) > _MAX_NUM_CHARS or not _NUMFMT.fullmatch(t):
        return None
    return Decimal(t.replace(",", ""))


# --------------------------------------------------------------------------- numbers

D = Decimal
UNITS = {w: D(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: D(10 * (i + 2)) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
BIG = {"thousand": D(10) ** 3, "million": D(10) ** 6, "billion": D(10) ** 9,
       "trillion": D(10) ** 12, "crore": D(10) ** 7, "crores": D(10) ** 7,
       "lakh": D(10) ** 5, "lakhs": D(10) ** 5, "lac": D(10) ** 5, "lacs": D(10) ** 5}
# attached to the digits: 5m, $44B, 12.5bn
ABBR_ATTACHED = {"k": D(10) ** 3, "K": D(10) ** 3, "m": D(10) ** 6, "M": D(10) ** 6,
                 "mn": D(10) ** 6, "mln": D(10) ** 6, "b": D(10) ** 9, "B": D(10) ** 9,
                 "bn": D(10) ** 9, "bln": D(10) ** 9, "tn": D(10) ** 12,
                 "trn": D(10) ** 12, "T": D(10) ** 12, "cr": D(10) ** 7, "Cr": D(10) ** 7,
                 "BN": D(10) ** 9, "MN": D(10) ** 6}
# may stand after a space: 12.5 bn
ABBR_SPACED = {"bn": D(10) ** 9, "mn": D(10) ** 6, "mln": D(10) ** 6, "bln": D(10) ** 9,
               "tn": D(10) ** 12, "trn": D(10) ** 12, "cr": D(10) ** 7}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | {"hundred", "dozen"} | frozenset(BIG)
_MULT = {"hundred", "thousand", "million", "billion", "trillion", "dozen", "crore", "lakh"}


class Num(NamedTuple):
    val: Decimal            # scaled value
    base: Decimal           # value before the scale word
    scale: Decimal | None   # the scale applied (None: none)
    start: int
    end: int                # next token index
    words: bool             # written in words
    abbr: bool              # scale was a letter abbreviation (m, bn, k)
    plain: bool             # one bare digit token: no comma, decimal or scale


_SLIP = re.compile(r"\d, ?\d{3}, ?\d{3}$")  # two thousands groups or more, then a scale word


def _money(tz: Toks, i: int, j: int) -> bool:
    """A currency before the digits at ``i`` or after the scale word ending at
    ``j``: "$21,000,000 million" may be a table in millions; a count never is."""
    if any(k >= 0 and currency_prefix(tz, k)[0] for k in (i - 1, i - 2)):  # "$", "US$"
        return True
    return currency_suffix(tz, j, Num(D(0), D(0), None, i, j, False, False, False)) is not None


def read_number(tz: Toks, i: int) -> Num | None:
    if tz.k(i) == "n":
        return _read_digits(tz, i)
    if tz.k(i) == "w":
        return _read_words(tz, i)
    return None


def _read_digits(tz: Toks, i: int) -> Num | None:
    tok = tz.toks[i]
    base = numeral(tok.t)
    if base is None:
        return None
    j = i + 1
    scale = None
    abbr = False
    if j < tz.n:
        nt = tz.toks[j]
        if nt.gap == 0 and nt.k == "w" and nt.t in ABBR_ATTACHED:
            scale, abbr, j = ABBR_ATTACHED[nt.t], True, j + 1
        elif (nt.gap == 0 and nt.t == "-" and tz.att(j + 1) and tz.lo(j + 1) in BIG
              and tz.k(j + 1) == "w"):
            scale, j = BIG[tz.lo(j + 1)], j + 2
        elif nt.k == "w" and nt.lo in BIG:  # "45 million", and "45million" run together
            scale, j = BIG[nt.lo], j + 1
            # Indian "1.2 lakh crore", "50 thousand crore"
            if nt.lo in ("lakh", "lakhs", "thousand") and tz.lo(j) in ("crore", "crores") \
                    and tz.sp(j):
                scale, j = scale * BIG["crore"], j + 1
        elif nt.gap > 0 and nt.k == "w" and nt.lo in ABBR_SPACED:
            scale, abbr, j = ABBR_SPACED[nt.lo], True, j + 1
    if scale is not None and not abbr and _SLIP.search(tok.t) and not _money(tz, i, j):
        scale = None  # "93,469,008 million votes": the figure is written out in full; the scale word is a slip
    val = base * scale if scale is not None else base
    plain = scale is None and tok.t.isdigit()
    return Num(val, base, scale, i, j, False, abbr, plain)


_PARTS = {"half": D("0.5"), "quarter": D("0.25"), "quarters": D("0.75")}


def _part_of(tz: Toks, i: int) -> tuple[D, int] | None:
    """A share of a scale word starting at token i: (share, index of the
    scale word). "half a million", "a quarter of a million", "a quarter
    million", "a quarter-million", "three-quarters of a billion"."""
    lo = tz.lo(i)
    if lo in ("half", "quarter"):  # "Quarter of a million people" (a headline drops its "a")
        k = i + 1
    elif lo in ("a", "one") and tz.word(i + 1, "quarter", "half"):  # "a half million"
        lo, k = tz.lo(i + 1), i + 2
    elif lo == "three" and tz.word(i + 1, "quarters") and tz.sp(i + 1):
        lo, k = "quarters", i + 2
    elif lo == "three" and tz.t(i + 1) == "-" and tz.att(i + 1) and tz.att(i + 2) and tz.word(i + 2, "quarters"):
        lo, k = "quarters", i + 3
    else:
        return None
    article = tz.lo(i) in ("a", "one")
    if tz.t(k) == "-" and tz.att(k) and tz.att(k + 1) and article:  # "a quarter-million"
        k += 1
    elif tz.word(k, "of") and tz.word(k + 1, "a"):
        k += 2
    elif tz.word(k, "a") and lo == "half" and not article:
        k += 1
    elif not (article and tz.sp(k)):
        return None  # "half a million", "a half million", "a quarter million"; never "quarter million"
    if tz.lo(k) not in _MULT or not (tz.sp(k) or tz.att(k)):
        return None
    return _PARTS[lo], k


def _read_words(tz: Toks, i: int) -> Num | None:
    """Number words: "twenty-three", "one hundred and five", "a dozen", "half a million"."""
    lo = tz.lo(i)
    j = i
    total = D(0)
    cur = D(0)
    last = None          # None | "unit" | "tens" | "hundred" | "big" | "and"
    biggest = None
    part = _part_of(tz, i)
    if part is not None:  # "half a million", "a quarter of a billion"
        cur, last, j = D(1), "unit", part[1]
    elif lo in ("a", "an"):
        if tz.lo(i + 1) not in _MULT or not tz.sp(i + 1):
            return None
        cur, last, j = D(1), "unit", i + 1
    elif lo not in UNITS and lo not in TENS:
        return None
    steps = 0
    while j < tz.n and steps < 12:
        steps += 1
        tok = tz.toks[j]
        if tok.k != "w" or (j > i and tok.gap == 0 and not (part and j == part[1])):  # "quarter-million"
            break
        w = tok.lo
        if w in UNITS and last in (None, "hundred", "big", "and"):
            cur += UNITS[w]
            last = "unit"
        elif w in TENS and last in (None, "hundred", "big", "and"):
            cur += TENS[w]
            last = "tens"
            if (tz.t(j + 1) == "-" and tz.att(j + 1) and tz.att(j + 2)
                    and tz.lo(j + 2) in UNITS and 0 < UNITS[tz.lo(j + 2)] < 10):
                cur += UNITS[tz.lo(j + 2)]
                last = "unit"
                j += 2
        elif w == "hundred" and last in ("unit", "tens") and cur < 100:
            cur *= 100
            last = "hundred"
        elif w == "dozen" and last in ("unit", "tens") and cur < 100:
            cur *= 12
            last = "big"
            biggest = biggest or D(12)
        elif w in BIG and last in ("unit", "tens", "hundred") and (biggest is None or BIG[w] < biggest):
            total += cur * BIG[w]
            cur = D(0)
            biggest = BIG[w]
            last = "big"
        elif w == "and" and last in ("hundred", "big") and (
                tz.lo(j + 1) in UNITS or tz.lo(j + 1) in TENS):
            last = "and"
        elif w == "and" and last == "unit" and biggest is None and tz.word(j + 1, "a") \
                and tz.word(j + 2, "half") and tz.lo(j + 3) in BIG:  # "two and a half million"
            cur += D("0.5")
            j += 2
        else:
            break
        j += 1
    if last in (None, "and") or j == i:
        return None
    if lo in ("a", "an") and last == "unit":      # "a" not followed by its multiplier
        return None
    val = total + cur
    if part is not None:
        val = val * part[0]
    if tz.lo(j - 1) == "and":
        j -= 1
    scale = biggest if biggest is not None and biggest > 12 else None
    return Num(val, val, scale, i, j, True, False, False)


# --------------------------------------------------------------------------- currencies

SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "￥": "JPY", "₹": "INR",
           "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₱": "PHP", "₪": "ILS",
           "฿": "THB", "₫": "VND", "₴": "UAH"}
DOLLAR_PREFIX = {"US": "USD", "C": "CAD", "CA": "CAD", "Can": "CAD", "CDN": "CAD",
                 "Cdn": "CAD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "HK": "HKD",
                 "S": "SGD", "SG": "SGD", "R": "BRL", "MX": "MXN", "Mex": "MXN",
                 "NT": "TWD"}
YEN_PREFIX = {"CN": "CNY", "RMB": "CNY", "JP": "JPY"}
CODES = {c: c for c in (
    "USD EUR GBP JPY CNY INR CAD AUD CHF HKD SGD NZD KRW BRL MXN RUB ZAR SEK NOK DKK "
    "TRY SAR AED PLN ILS TWD THB IDR MYR PHP VND NGN KES EGP PKR ARS CLP COP CZK HUF "
    "UAH QAR KWD").split()}
CODES["RMB"] = "CNY"
# codes that are also common names ("COP 28", "PHP 8") are read only after the amount
_PREFIX_CODES = {c: v for c, v in CODES.items() if c not in ("COP", "PHP", "TRY")}

# currency words after the amount; (words..., code, divisor, needs_scale)
_SUFFIX_TABLE = [
    ("dollars", "USD"), ("dollar", "USD"), ("us dollars", "USD"), ("u . s . dollars", "USD"),
    ("american dollars", "USD"), ("canadian dollars", "CAD"), ("australian dollars", "AUD"),
    ("new zealand dollars", "NZD"), ("hong kong dollars", "HKD"), ("singapore dollars", "SGD"),
    ("taiwan dollars", "TWD"), ("new taiwan dollars", "TWD"),
    ("euros", "EUR"), ("euro", "EUR"),
    ("pounds sterling", "GBP"), ("british pounds", "GBP"), ("sterling", "GBP"),
    ("pounds", "GBP*"), ("pound", "GBP*"),
    ("yen", "JPY"), ("japanese yen", "JPY"), ("yuan", "CNY"), ("chinese yuan", "CNY"),
    ("renminbi", "CNY"), ("rupees", "INR"), ("rupee", "INR"), ("indian rupees", "INR"),
    ("pakistani rupees", "PKR"), ("won", "KRW*"), ("korean won", "KRW"),
    ("swiss francs", "CHF"), ("rubles", "RUB"), ("roubles", "RUB"), ("rand", "ZAR"),
    ("reais", "BRL"), ("mexican pesos", "MXN"), ("philippine pesos", "PHP"),
    ("argentine pesos", "ARS"), ("naira", "NGN"), ("shekels", "ILS"), ("lira", "TRY"),
    ("dirhams", "AED"), ("riyals", "SAR"), ("ringgit", "MYR"), ("rupiah", "IDR"),
    ("baht", "THB"), ("zloty", "PLN"), ("kronor", "SEK"), ("cents", "USD/"), ("pence", "GBP/"),
]
_SUFFIX: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _code in _SUFFIX_TABLE:
    _w = tuple(_words.split())
    _SUFFIX.setdefault(_w[0], []).append((_w, _code))
for _lst in _SUFFIX.values():
    _lst.sort(key=lambda x: -len(x[0]))


_HYPHEN_CCY = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
               "rupee": "INR"}


_PREFIX_WORDS = frozenset(DOLLAR_PREFIX) | frozenset(YEN_PREFIX) | frozenset(_PREFIX_CODES) | {
    "U", "Rs", "Rupees", "rupees"}


def currency_prefix(tz: Toks, i: int) -> tuple[str | None, int]:
    """A currency written before the amount: ``$``, ``US$``, ``HK$``, ``EUR``, ``Rs.``."""
    k, t = tz.k(i), tz.t(i)
    if k == "s":
        if t in SYMBOLS:
            return SYMBOLS[t], i + 1
        return None, i
    if k != "w" or t not in _PREFIX_WORDS:
        return None, i
    nt = tz.t(i + 1)
    if tz.att(i + 1):
        if nt == "$" and t in DOLLAR_PREFIX:
            return DOLLAR_PREFIX[t], i + 2
        if nt in ("¥", "￥") and t in YEN_PREFIX:
            return YEN_PREFIX[t], i + 2
        if (t == "U" and nt == "." and tz.t(i + 2) == "S" and tz.t(i + 3) == "."
                and tz.t(i + 4) == "$" and tz.att(i + 2) and tz.att(i + 3) and tz.att(i + 4)):
            return "USD", i + 5
    if t in _PREFIX_CODES and tz.k(i + 1) == "n" and tz.toks[i + 1].gap <= 1:
        return _PREFIX_CODES[t], i + 1
    if t in ("Rs", "Rupees", "rupees"):
        j = i + 2 if nt == "." and tz.att(i + 1) else i + 1
        if tz.k(j) == "n" and tz.toks[j].gap <= 1:
            return "INR", j
    return None, i


def currency_suffix(tz: Toks, j: int, num: Num) -> tuple[str, int, int] | None:
    """A currency written after the amount: (code, next index, divisor)."""
    if tz.t(j) == "-" and tz.att(j) and tz.att(j + 1) and tz.lo(j + 1) in _HYPHEN_CCY:
        return _HYPHEN_CCY[tz.lo(j + 1)], j + 2, 1         # "a 90-billion-euro loan"
    if not tz.sp(j):
        return None
    t = tz.t(j)
    if tz.k(j) == "w" and t in CODES:
        return CODES[t], j + 1, 1
    for words, code in _SUFFIX.get(tz.lo(j), ()):
        m = len(words)
        ok = True
        for x in range(m):
            tok_i = j + x
            if tz.lo(tok_i) != words[x]:
                ok = False
                break
            if x and words[x] != "." and words[x - 1] != "." and not tz.sp(tok_i):
                ok = False
                break
        if not ok:
            continue
        div = 1
        if code.endswith("*"):
            code = code[:-1]
            if num.scale is None and num.val < 1000 and not (code == "GBP" and tz.lo(j + m) == "sterling"):
                continue
        elif code.endswith("/"):
            code, div = code[:-1], 100
        return code, j + m, div
    return None


# --------------------------------------------------------------------------- hedges

_HEDGE_TABLE = {
    "about": "about|around|roughly|approximately|some|an estimated|estimated|circa|approx",
    "nearly": "nearly|almost|close to|just under|just shy of|shy of|just below|nearly all of",
    "more_than": "more than|over|above|upwards of|in excess of|just over|well over|north of|"
                 "greater than|well above|exceeding|just above|more like",
    "at_least": "at least|no less than|no fewer than|not less than|a minimum of|as little as|"
                "as few as|as low as",
    "up_to": "up to|as much as|as many as|as high as|at most|no more than|not more than|"
             "a maximum of|as large as",
    "less_than": "less than|fewer than|under|below|well under|well below",
    "between": "between",
}
HEDGES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _hedge, _spec in _HEDGE_TABLE.items():
    for _phrase in _spec.split("|"):
        _p = tuple(_phrase.split())
        HEDGES.setdefault(_p[-1], []).append((_p, _hedge))
for _lst in HEDGES.values():
    _lst.sort(key=lambda x: -len(x[0]))

# "a dispute over $5 million" is not "more than $5 million"
_OVER_NOT_HEDGE = frozenset(
    "dispute disputes fight fighting fought battle battles battling row rows clash clashed "
    "clashes argument arguments argued argue feud spat tussle lawsuit lawsuits suit sued suing "
    "concern concerns worries worried fears talks negotiations wrangle wrangling standoff "
    "quarrel sparred sparring split".split())


class Hedge(NamedTuple):
    hedge: str | None
    start: int            # first token of the hedge (or the amount when none)
    phrase: tuple[str, ...]


def lookback(tz: Toks, j: int, floor: int) -> Hedge:
    """The hedge phrase written just before token j, not reaching below ``floor``."""
    if j - 1 >= floor and tz.t(j - 1) == "~" and tz.att(j):
        return Hedge("about", j - 1, ("~",))
    if j - 1 < floor or not tz.sp(j):
        return Hedge(None, j, ())
    for phrase, hedge in HEDGES.get(tz.lo(j - 1), ()):
        m = len(phrase)
        s = j - m
        if s < floor:
            continue
        if all(tz.k(s + x) == "w" and tz.lo(s + x) == phrase[x] and tz.sp(s + x + 1)
               for x in range(m)):
            if phrase in (("over",), ("under",)) and tz.lo(s - 1) in _OVER_NOT_HEDGE:
                continue
            return Hedge(hedge, s, phrase)
    return Hedge(None, j, ())


_SUFFIX_HEDGE = {"more": "at_least", "higher": "at_least", "above": "at_least",
                 "so": "about", "thereabouts": "about", "less": "up_to", "fewer": "up_to",
                 "lower": "up_to", "below": "up_to"}


def suffix_hedge(tz: Toks, j: int) -> tuple[str, int] | None:
    """"or more", "or so", "or less" after an amount."""
    if tz.word(j, "or") and tz.sp(j) and tz.sp(j + 1) and tz.lo(j + 1) in _SUFFIX_HEDGE \
            and tz.k(j + 1) == "w":
        return _SUFFIX_HEDGE[tz.lo(j + 1)], j + 2
    return None


# --------------------------------------------------------------------------- nouns

_IRREGULAR = {
    "people": "person", "persons": "person", "children": "child", "men": "man",
    "women": "woman", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
    "lives": "life", "wives": "wife", "knives": "knife", "wolves": "wolf", "halves": "half",
    "leaves": "leaf", "shelves": "shelf", "thieves": "thief", "calves": "calf",
    "criteria": "criterion", "phenomena": "phenomenon", "indices": "index",
    "alumni": "alumnus", "oxen": "ox", "buses": "bus", "viruses": "virus", "bonuses": "bonus",
    "campuses": "campus", "censuses": "census", "statuses": "status", "surpluses": "surplus",
    "crises": "crisis", "analyses": "analysis", "diagnoses": "diagnosis", "theses": "thesis",
    "hypotheses": "hypothesis", "oases": "oasis", "heroes": "hero", "potatoes": "potato",
    "tomatoes": "tomato", "echoes": "echo", "vetoes": "veto", "torpedoes": "torpedo",
    "niches": "niche", "headaches": "headache", "avalanches": "avalanche",
    "caches": "cache", "moustaches": "moustache", "mustaches": "mustache",
    "quizzes": "quiz", "gases": "gas", "lenses": "lens", "atlases": "atlas",
    "aliases": "alias", "biases": "bias", "businesses": "business",
}
_INVARIANT = frozenset(
    "aircraft spacecraft staff personnel police cattle sheep deer fish livestock offspring "
    "series species headquarters".split())
_IE = frozenset(
    "movies cookies calories zombies rookies pies ties lies hippies brownies selfies goalies "
    "aunties smoothies sorties prairies genies veggies newbies freebies".split())
_NOT_PLURAL = frozenset(
    "this his its was has is does goes as us yes thus plus less unless always perhaps besides "
    "towards afterwards sometimes nevertheless whereas across news politics economics physics "
    "ethics mathematics athletics logistics chaos bias alias atlas canvas pancreas overseas "
    "means whereabouts lens gas has hers ours yours theirs various numerous previous "
    "ago".split())


def singular(word: str) -> str | None:
    """The singular of a plural noun, or None when ``word`` does not look plural."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _INVARIANT:
        return w
    if w.endswith("children") or w.endswith("people"):   # grandchildren, townspeople
        return w[:-3] if w.endswith("children") else w[:-6] + "person"
    if len(w) < 3 or w[-1] != "s" or not w.isalpha() or not w.isascii():
        return None
    if w in _NOT_PLURAL or w.endswith(("ss", "us", "is", "ous")):
        return None
    if w.endswith("ies") and len(w) > 4:
        return w[:-1] if w in _IE else w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    return w[:-1]


# words that may stand between a number and its noun: "14 senior positions"
STOP_MODIFIERS = frozenset(
    "the a an of to in on at by for from with and or but nor as than that this these those "
    "which who whom whose what when where while is are was were be been being am has have had "
    "do does did will would shall should can could may might must it its he she they them his "
    "her their we our you your i me my us him not no so if then per percent pct over under "
    "into onto out up down off about after before since until ago each apiece "
    "said says say told including include includes such other another".split()) | NUMBER_WORDS


# modifiers that are stop words but still stand before the counted noun: "29 other children"
_PASS_MODIFIERS = frozenset({"other", "more", "additional", "further"})
_OPEN_QUOTES = frozenset({"“", '"', "‘"})


def noun_after(tz: Toks, j: int) -> tuple[str, int] | None:
    """The counted plural noun starting at token j (after up to two modifiers)."""
    quoted = False
    for _ in range(3):
        if j < tz.n and tz.toks[j].t in _OPEN_QUOTES and tz.toks[j].gap > 0 and tz.att(j + 1):
            j += 1                                    # 39 “incidents”
            quoted = True
            if tz.k(j) != "w":
                return None
        elif j >= tz.n or tz.toks[j].gap == 0 or tz.toks[j].k != "w":
            return None
        e = j + 1
        parts = [tz.toks[j].t]
        while (len(parts) < 4 and e + 1 < tz.n and tz.toks[e].t == "-" and tz.toks[e].gap == 0
               and tz.toks[e + 1].gap == 0 and tz.toks[e + 1].k == "w"):
            parts.append(tz.toks[e + 1].t)
            e += 2
        sing = singular(parts[-1])
        if sing is not None and (len(parts) > 1 or parts[0].lower() not in STOP_MODIFIERS):
            if quoted and tz.t(e) in ("”", '"', "’") and tz.att(e):
                e += 1
            return "-".join([p.lower() for p in parts[:-1]] + [sing]), e
        if len(parts) == 1:
            lo = parts[0].lower()
            if lo in _PASS_MODIFIERS and tz.sp(e) and tz.k(e) == "w" and singular(tz.t(e)):
                j = e
                continue
            if lo in STOP_MODIFIERS or "'" in lo or "’" in lo or len(lo) < 2:
                return None
        while e < tz.n and tz.toks[e].t == "+" and tz.toks[e].gap == 0:
            e += 1                                    # a product name: "125,000 Tread+ treadmills"
        j = e
    return None
