"""What a value's claim states besides its measure: its time anchor and qualifiers.

Alignment reads these (never the values) to tell two facts of one measure
apart: "the original $2.6 billion deal" is not "the new $4.5 billion deal",
"$200,000 a week" is not "$200,000 a year", and the toll "in 2017" is not
the toll now.
"""

from __future__ import annotations

import bisect
import functools
import re

from checker.extract.frames.names import date_word, find_mentions
from checker.extract.text.words import SPEECH
from checker.extract.values.context import _CLAUSE
from checker.extract.values.dates import MONTHS, WEEKDAY_NAMES
from checker.extract.values.units import written_unit
from checker.lexicon import Lexicon

REACH = 60         # characters either side of a value an anchor may sit in
LEFT_WORDS = 4     # words before a value a qualifier may be ("the previous record of")
RIGHT_WORDS = 3    # words after it ("$4.5 billion, a revised offer" is not read)
SINCE = "time since"  # the qualifier of a duration measured from an event
FIRST_IN = "first in"  # a duration a first or a record is counted over ("the worst in a decade")
DEADLINE = "until"    # the qualifier of a date something lasts until or must happen by
INCREMENT = "on top"  # the qualifier of a figure added to another ("an additional $10,000")
POTENTIAL = "could reach"  # the qualifier of a figure that may be reached ("a fee that could rise to $9m")
EARNED = "earned"    # the qualifier of an amount someone earns ("borrowers making less than $125,000")
JOINT = "joint"      # ... and of an income a couple or household earns ("or $180,000 for married couples")
PART = "part of"     # the qualifier of a count of some of a whole ("60 of them", "1,050 of the Vela machines")
WHOLE = "all of"     # the qualifier of a count of a whole ("all 36 states", "each of the 12 districts")
TRAVEL = "travel time"  # the qualifier of a duration that is a distance ("90 minutes from Vela", "40 minutes away")
_WORDS = re.compile(r"[\w'’-]+")


def _clause(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """[lo, hi) narrowed to the clause holding [start, end)."""
    for m in _CLAUSE.finditer(text, lo, start):
        lo = m.end()
    m = _CLAUSE.search(text, end, hi)
    return lo, (m.start() if m else hi)


_POSSESSIVE = re.compile(r"['’]s?(?=\s)")  # "last year's", "the 1990s'"
POSSESSED = 4  # characters from a possessive time to the figure it is the time of


def anchor(text: str, span: tuple[int, int], times: list[tuple[int, int, str]],
           others: list[tuple[int, int]]) -> str | None:
    """The nearest year or date in the value's clause ("in 2017"), as ISO text.

    ``times``: (start, end, iso) of the sentence's resolved years and dates;
    ``others``: every value span of the sentence. A date with another value
    between it and this one belongs to that value ("the new $4.5 billion,
    up from $2.6 billion in July 2019"), unless it is a year that opens the
    sentence ("The Vela fire in 2017 burned 9,200 acres and destroyed 14
    homes": ``_leads``), and so does a possessive time just before another
    value ("a rise of 6.8% on last year's $79.2 billion").
    """
    lo, hi = _clause(text, max(0, span[0] - REACH), min(len(text), span[1] + REACH), *span)
    near = []
    for s, e, iso in times:
        if (s, e) == span or s < lo or e > hi:
            continue
        a, b = (e, span[0]) if e <= span[0] else (span[1], s)
        if any(a <= os and oe <= b for os, oe in others) and not _leads(text, s, e, iso, span):
            continue
        if _aside(text, s, e, span):
            continue  # "Vela, founded in 1998, now has 400 staff": the founding's year, not the staff's
        if _POSSESSIVE.match(text, e) and not (e <= span[0] <= e + POSSESSED) \
                and any(e <= os <= e + POSSESSED for os, _ in others if (os, _) != span):
            continue  # "last year's $79.2 billion": the time is that figure's, not the clause's
        near.append((b - a, iso))
    return min(near)[1] if near else None


# a time in an aside of its own: "Vela, which was founded in 1998, now has
# 400 staff", "Founded in 1998, Vela has 400 staff", "built in 1975"
_ASIDE_HEAD = re.compile(r"[\s\"“‘']*(?:which|who|whose|having|founded|built|established|opened|set\s+up|"
                         r"created|formed|born|launched|acquired|bought)\b", re.IGNORECASE)
_NOW = re.compile(r"(?<!\bwhat is )(?<!\bwhat was )\b(?:now|today|currently|at\s+present)\b", re.IGNORECASE)


def _aside(text: str, s: int, e: int, span: tuple[int, int]) -> bool:
    """Whether the time at [s, e) dates something else than the value: it
    stands in an aside opened by a relative word or a participle, with a
    comma between it and the value, or "now" stands between them."""
    a, b = (e, span[0]) if e <= span[0] else (span[1], s)
    # "now" in the value's own stretch ("…, now has 400"), not in a remark
    # about another noun ("Vela, now the largest employer, hired 300")
    own = (text.rfind(",", a, b) + 1 or a, b) if e <= span[0] else (a, text.find(",", a, b) % (b + 1))
    if _NOW.search(text, *own):
        return True
    if "," not in text[a:b]:
        return False
    head = text.rfind(",", 0, s) + 1
    return bool(_ASIDE_HEAD.match(text, head, s))


YEARLY = re.compile(r"\d{4}(?:-\d{2})?")  # a year or a month: "2017", "2019-07"
# a year that opens the sentence: "In 2017, …", "During 2019 …", or stands in
# its subject, "The Vela fire in 2017 burned …" (no comma before it)
_LEAD_IN = re.compile(r"[\s\"“‘']*(?:In|During|Throughout)\s+(?:(?:early|late|mid)[\s-]+)?", re.IGNORECASE)
_LEAD_SUBJECT = re.compile(r"[\s\"“‘']*The\s+(?:(?!(?:said|says|told|announced|reported|stated|added|will|would)\b)"
                           r"[\w'’-]+\s+){0,6}(?:in|of)\s+")
# what ends the year's reach: another clause, a time of its own, a new subject
_LEAD_STOP = re.compile(r"[;:]|\b(?:but|while|whereas|now|today|currently|since|which|who|after|before|"
                        r"compared|unlike|although|though|because|until)\b|\bup\s+from\b|,\s*(?:and|but)\b")


def _leads(text: str, s: int, e: int, iso: str, span: tuple[int, int]) -> bool:
    """Whether the year at [s, e) opens the sentence and so dates every figure
    after it: "In 2017 the fire burned 9,200 acres and destroyed 14 homes",
    "The Vela fire in 2017 burned 9,200 acres and …". Not a day ("said on
    Tuesday it would cut 1,850 jobs" is the report's), nor past another
    clause or a time of its own ("In 2019 Vela had 400 staff and today
    employs 900")."""
    if not YEARLY.fullmatch(iso) or e > span[0]:
        return False
    if not (_LEAD_IN.fullmatch(text, 0, s) or _LEAD_SUBJECT.fullmatch(text, 0, s)):
        return False
    return not _LEAD_STOP.search(text, e, span[0])


@functools.lru_cache(maxsize=16)
def _patterns(groups: tuple[tuple[str, ...], ...]) -> list[re.Pattern]:
    """One compiled pattern per word list (whole words or phrases)."""
    return [re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, g)) + r")(?![\w-])") for g in groups]


def qualifiers(text: str, span: tuple[int, int], lexicon: Lexicon, kind: str = "",
               others: list[tuple[int, int]] = ()) -> str | None:
    """The lexicon's qualifier words just before the value (or right after it)
    and its per-unit words right after it, each as the first word of its list,
    then SINCE for a duration measured from an event; '|'-joined, or None.

    ``others``: the sentence's value spans. A qualifier of the clause's deal
    ("in an amended agreement", "under the original arrangement") is the
    value's too, unless another value stands between them."""
    found = _listed(text, span, lexicon, others, kind in FIGURES)
    if kind in FIGURES and not any(w in g for g in lexicon.qualifier_groups for w in found):
        found = _of_clause(text, span, lexicon, others) + found
    step, rates = _from_to(text, span, lexicon)
    if step is not None:  # "raised its offer from $70 to $115": $70 is the earlier offer, not the raised one
        # the words of the other place in the sequence ("new" against "original"), no other list
        places = [g for g in lexicon.qualifier_groups if "new" in g or "previous" in g]
        other = {w for g in places if step not in g for w in g}
        found = [step] + [w for w in found if w not in other]
    found += rates
    if kind not in ("year", "date", "time") and _increment(text, span, lexicon, kind):
        found.append(INCREMENT)
    if kind in FIGURES and _potential(text, span, lexicon):
        found.append(POTENTIAL)
    if kind == "money" and (_earned(text, span, lexicon) or _earned_before(text, span, lexicon, others)):
        found.append(EARNED)
        if _joint(text, span, lexicon, others):
            found.append(JOINT)
    if kind == "count" and _PART.search(text[span[0]:span[1]]):
        found.append(PART)
    if kind == "count" and _WHOLE.search(text[max(0, span[0] - 30):span[0]]):
        found.append(WHOLE)
    if _time_since(text, span, kind):
        found.append(SINCE)
    if kind == "duration" and _first_in(text, span):
        found.append(FIRST_IN)
    if _travel(text, span, kind):
        found.append(TRAVEL)
    if kind in ("date", "year") and _deadline(text, span, lexicon):
        found.append(DEADLINE)
    return "|".join(dict.fromkeys(found)) or None


FIGURES = ("money", "count", "percent", "quantity")  # kinds a deal's qualifier is read for
NEXT_FIGURE = 3  # words from a qualifier to the figure it qualifies ("previously agreed price of $70")
_ADVERB_FROM = ("al", "ous", "ent")  # original-ly, previous-ly, current-ly


@functools.lru_cache(maxsize=8)
def _qualified(groups: tuple[tuple[str, ...], ...], nouns: tuple[str, ...]) -> list[re.Pattern]:
    """Per list of qualifiers: one of its words before one of ``nouns``
    (a word between: "the original cash arrangement"), or an adverb of it
    in -ly ("initially offered", "previously agreed"; not "firstly")."""
    noun = "|".join(map(re.escape, nouns))
    out = []
    for g in groups:
        ways = ["(?:" + "|".join(map(re.escape, g)) + r")\s+(?:[\w-]+\s+)?(?:" + noun + ")s?"]
        ways += [re.escape(w) + "ly" for w in g if w.endswith(_ADVERB_FROM)]
        out.append(re.compile(r"(?<![\w-])(?:" + "|".join(ways) + r")(?![\w-])", re.IGNORECASE))
    return out


def _of_clause(text: str, span: tuple[int, int], lexicon: Lexicon,
               others: list[tuple[int, int]]) -> list[str]:
    """The sequence qualifiers of the deal the value's clause is about, with
    no other value between them and it (the lexicon's ``qualified_nouns``)."""
    nouns = lexicon.facts.get("qualified_nouns", ())
    if not nouns or not lexicon.qualifier_groups:
        return []
    lo, hi = _clause(text, max(0, span[0] - 2 * REACH), min(len(text), span[1] + REACH), *span)
    found = []
    rest = [(s, e) for s, e in others if (s, e) != span]
    for group, pattern in zip(lexicon.qualifier_groups, _qualified(lexicon.qualifier_groups, tuple(nouns))):
        for m in pattern.finditer(text, lo, hi):
            a, b = (m.end(), span[0]) if m.end() <= span[0] else (span[1], m.start())
            if a > b or any(a <= s and e <= b for s, e in rest):
                continue
            if m.start() > span[1] and any(m.end() <= s and len(_WORDS.findall(text[m.end():s])) <= NEXT_FIGURE
                                           for s, _ in rest):
                continue  # "$115 a share, up from a previously agreed price of $70": the next figure's
            found.append(group[0])
            break
    return found[:1] if len(found) == 1 else []  # two places at once ("new ... original"): none


def _deadline(text: str, span: tuple[int, int], lexicon: Lexicon) -> bool:
    """A date something lasts until or must happen by ("a refund until Nov. 6",
    "through the end of 2022", "expires on Friday"): the lexicon's
    ``deadlines`` right before it, "on", "the" or "end of" between; or
    "deadline" right after it ("before a January 8 deadline")."""
    words = lexicon.facts.get("deadlines", ())
    if not words:
        return False
    before = " ".join(_WORDS.findall(text[max(0, span[0] - 40):span[0]].lower()))
    # the end of a range reads as its deadline: "from Nov. 2020 to March 2021",
    # "between Nov. 2020 and March 2021" (as "through March 2021")
    return bool(_ending_in(tuple(words), _DEADLINE_GAP).search(before) or _RANGE_END.search(text[max(0, span[0] - 60):span[0]])
                or _DEADLINE_AFTER.match(text, span[1]))


# a count of some of a whole: "60 of them", "1,050 of the Vela machines", "three of her sons"
# (not "one of the victims": one of many is an individual, not a part counted)
_WHOLE = re.compile(r"\b(?:all|each\s+of|every\s+one\s+of)(?:\s+(?:the|its|their|of\s+the))?\s+$", re.IGNORECASE)
_PART = re.compile(r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                   r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
                   r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|dozens|hundreds|thousands))"
                   r"(?:\s+(?:million|thousand|hundred))?\s+of\s+(?:the|them|these|those|its|their|his|her|our|whom|which)\b",
                   re.IGNORECASE)
_DEADLINE_AFTER = re.compile(r"\s+(?:deadline|cutoff|cut-off)\b", re.IGNORECASE)  # "before a January 8 deadline"


_RANGE_END = re.compile(r"\b(?:from|between)\s+(?:about\s+|around\s+)?[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?\d{4}\s+"
                        r"(?:to|and|until|through)\s+(?:about\s+|around\s+)?$")


@functools.lru_cache(maxsize=8)
def _ending_in(words: tuple[str, ...], gap: str) -> re.Pattern:
    """Text that ends in one of ``words`` (whole words or phrases, any white
    space inside), then ``gap``: the words allowed before the value."""
    phrases = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(r"(?<![\w-])(?:" + phrases + r")" + gap)


_DEADLINE_GAP = r"(?: (?:on|the|end|of))*$"


def _listed(text: str, span: tuple[int, int], lexicon: Lexicon,
            others: list[tuple[int, int]] = (), figure: bool = True) -> list[str]:
    if not (lexicon.qualifier_groups or lexicon.per_unit_groups):
        return []
    lo, hi = _clause(text, max(0, span[0] - REACH), min(len(text), span[1] + REACH), *span)
    left = _WORDS.findall(text[lo:span[0]].lower())
    right = _WORDS.findall(text[span[1]:hi].lower())
    # "the original offer, made in 2019, was $2.6 billion": a qualifier of
    # the measure word the value is of counts too, unless another figure
    # stands between ("the amended deal is $1.2 billion, against $0.9 billion")
    after = max((e for s, e in others if e <= span[0] and (s, e) != span), default=lo)
    own = len(_WORDS.findall(text[max(lo, after):span[0]]))
    measured = [i for i, w in enumerate(left) if any(map(lexicon.measure, lexicon.fold(w)))
                and i >= len(left) - own]
    before = left[max(0, measured[-1] - 2):measured[-1]] if measured else []
    where = [(lexicon.qualifier_groups, " ".join(before + ["."] + left[-LEFT_WORDS:] + ["."] + right[:1])),
             (lexicon.per_unit_groups, " ".join(right[:RIGHT_WORDS]))]
    # "peak annual sales of €2bn", "its weekly wage of £150,000": a rate
    # written as one word before the measure word is the value's too
    # (a figure's only: "annual sales peaked in 2019" is no rate of the year)
    rates = [group[0] for group in lexicon.per_unit_groups
             if figure and any(" " not in w and w in before for w in group)]
    return list(dict.fromkeys([head for groups, words in where for head in _heads(groups, words)] + rates))


_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than)", re.IGNORECASE)  # "$10,000 more", not "more than"
_MORE_ADJ = re.compile(r"\s+more\s+\w+(?:ly|ive|ful|ous|able|ible|ent|ant|ic|al)\b", re.IGNORECASE)  # "50% more likely"


def _increment(text: str, span: tuple[int, int], lexicon: Lexicon, kind: str = "") -> bool:
    """An increment word of the lexicon in the two words before the figure
    or right after it ("another $20,000", "16 additional seats"), or "more"
    right after it ("$10,000 more")."""
    words = lexicon.facts.get("increments", ())
    if not words:
        return False
    if _MORE_AFTER.match(text, span[1]) and not _MORE_ADJ.match(text, span[1]):
        return True
    before = re.split(r"[,.;:()—–]", text[max(0, span[0] - 40):span[0]])[-1]  # within the clause
    left = " ".join(_WORDS.findall(before.lower())[-2:])
    inner = " ".join(_WORDS.findall(text[span[0]:span[1]].lower())[1:])  # "16 other candidates"
    right = " ".join(_WORDS.findall(text[span[1]:span[1] + 30].lower())[:1])
    pattern = _patterns((tuple(words),))[0]
    if kind == "count":  # "an additional 14 people were missing" adds them to the dead:
        return bool(pattern.search(inner))  # only "16 other candidates", "40 extra seats"
    return bool(pattern.search(left) or pattern.search(right) or pattern.search(inner))


# words a potentials phrase may have between it and the figure ("could hit more than £9m")
_POTENTIAL_GAP = r"(?:\s+(?:up\s+to|more\s+than|over|about|around|nearly|as\s+much\s+as))*\s*$"


def _potential(text: str, span: tuple[int, int], lexicon: Lexicon) -> bool:
    """A figure something may come to, not what it is: one of the lexicon's
    ``potentials`` right before it, with at most a hedge between ("a fee
    that could rise to $9m", "could hit more than £9m", "potentially worth
    up to $9m"); not "could top the $5bn bid", "rising to $2bn" nor "the
    potential buyer paid $9m"."""
    return _right_before(text, span, lexicon.facts.get("potentials", ()), _POTENTIAL_GAP)


def _right_before(text: str, span: tuple[int, int], words: tuple[str, ...], gap: str) -> bool:
    """One of ``words`` ends the 60 characters before the value, ``gap`` between."""
    if not words:
        return False
    return bool(_ending_in(tuple(words), gap).search(text[max(0, span[0] - 60):span[0]].lower()))


# words an earnings verb may have between it and the amount ("making less than $125,000 a year")
_EARNED_GAP = r"(?:\s+(?:up\s+to|(?:less|more)\s+than|under|below|over|above|about|around|at\s+least|at\s+most))*\s*$"


def _earned(text: str, span: tuple[int, int], lexicon: Lexicon) -> bool:
    """An amount someone earns, an income, not an amount paid or given: one
    of the lexicon's ``earnings`` right before it, with at most a hedge
    between ("for borrowers making less than $125,000", "those earning under
    $125,000", "households with incomes below $250,000")."""
    return _right_before(text, span, lexicon.facts.get("earnings", ()), _EARNED_GAP)


# an amount listed after an income is one too: "they make less than $90,000
# a year, or $180,000 as a married couple"
_LISTED_AFTER = re.compile(r"\s*(?:(?:a|per)\s+year|annually)?\s*,?\s*(?:or|and)" + _EARNED_GAP)


def _earned_before(text: str, span: tuple[int, int], lexicon: Lexicon,
                   others: list[tuple[int, int]]) -> bool:
    before = [o for o in others if o[1] <= span[0]]
    if not before:
        return False
    last = max(before, key=lambda o: o[1])
    return bool(_LISTED_AFTER.fullmatch(text, last[1], span[0])) and _earned(text, last, lexicon)


_EARNER_CUT = re.compile(r"[,;.:()]|\bor\b|\band\b", re.IGNORECASE)


def _joint(text: str, span: tuple[int, int], lexicon: Lexicon, others: list[tuple[int, int]]) -> bool:
    """An income of a couple or household (lexicon ``joint_earners``), named
    in the amount's own phrase: before it ("couples making less than
    $180,000", "households whose joint income surpasses") or after it ("or
    $180,000 for married couples"), never past another value, a comma or an
    "or" ("individuals making less than $90,000 or couples making …")."""
    words = lexicon.facts.get("joint_earners", ())
    if not words:
        return False
    lo = max([o[1] for o in others if o[1] <= span[0]] + [span[0] - 50, 0])
    hi = min([o[0] for o in others if o[0] >= span[1]] + [span[1] + 40])
    before = _EARNER_CUT.split(text[lo:span[0]])[-1]
    after = _EARNER_CUT.split(text[span[1]:hi])[0]
    found = {w.lower() for w in _WORDS.findall(before + " " + after)}
    return bool(found.intersection(words))


def _heads(groups: tuple[tuple[str, ...], ...], words: str) -> list[str]:
    """The first word of every list one of whose words is in ``words``."""
    return [group[0] for group, pattern in zip(groups, _patterns(groups)) if pattern.search(words)]


# "from $70 to $115 per share": the first figure is the earlier one, the
# second the new one, and a rate after the second is the first's too
_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TO_FIGURE = re.compile(r"\s+to\s+\S*\d\S*(?:\s*(?:million|billion|trillion|bn|m)\b)?", re.IGNORECASE)
_FROM_FIGURE_TO = re.compile(r"\bfrom\s+\S*\d\S*(?:\s*(?:million|billion|trillion|bn|m)\b)?\s+to\s*$",
                             re.IGNORECASE)


def _from_to(text: str, span: tuple[int, int], lexicon: Lexicon) -> tuple[str | None, list[str]]:
    """(the sequence qualifier "from X to Y" gives this figure, the rates of Y
    that X shares); (None, []) outside that phrase or for a lexicon without
    "previous" and "new"."""
    before = text[max(0, span[0] - REACH):span[0]]
    if _FROM.search(before) and (to := _TO_FIGURE.match(text, span[1])):
        rate = " ".join(_WORDS.findall(text[to.end():to.end() + REACH].lower())[:RIGHT_WORDS])
        return next(iter(_heads(lexicon.qualifier_groups, "previous")), None), _heads(lexicon.per_unit_groups, rate)
    if _FROM_FIGURE_TO.search(before):
        return next(iter(_heads(lexicon.qualifier_groups, "new")), None), []
    return None, []


_SINCE = re.compile(r"\s*(?:after|later|since|before|earlier)\b", re.IGNORECASE)


_DATE_WORD = "|".join(sorted({*MONTHS, *(d.lower() for d in WEEKDAY_NAMES)}, key=len, reverse=True))
# "90 minutes from Vela", "a two-hour drive from the coast", "three hours away
# from the coast"; never "three years from January" (a date)
_TRAVEL = re.compile(r"(?:['’]s?)?\s+(?:(?:drive|ride|flight|walk|journey|trip|sail)\s+(?:away\b|from\b)"
                     r"|away\s+from\b|from\s+(?:the\s+)?(?!(?i:" + _DATE_WORD + r")\b)[A-Z])")
_AWAY = re.compile(r"\s+away\b")  # "40 minutes away"; "decades away" is a time to come


def _travel(text: str, span: tuple[int, int], kind: str) -> bool:
    """A duration that says how far: "90 minutes from Vela", "two hours' drive away"."""
    if kind != "duration":
        return False
    return bool(_TRAVEL.match(text, span[1])) or (
        written_unit(text[span[0]:span[1]]) in ("minute", "hour") and bool(_AWAY.match(text, span[1])))


def _time_since(text: str, span: tuple[int, int], kind: str) -> bool:
    """A duration measured from an event: "seven months ago", "six months after
    she was convicted", "two years later". Such a duration is one fact with
    another time-since, not with a length ("a two-decade career")."""
    if kind != "duration":
        return False
    return text[span[0]:span[1]].rstrip().lower().endswith(" ago") or bool(_SINCE.match(text, span[1]))


# "the second serious incident in three years", "the first strike in 26 years",
# "its highest turnout in two decades": the time a first or a record is
# counted over, not a length of something, nor the time since one event. The
# first or the record follows a determiner ("the", "its", "the city's"), no
# verb stands between it and "in" ("the third factory will open in two
# years", "the fastest runner finished in two hours"), and the span is of
# months or more
_FIRST_REACH = 80
_NOT_SUPERLATIVE = ("interest|request|protest|contest|forest|honest|dishonest|modest|harvest|arrest|rearrest|"
                    "suggest|invest|digest|manifest|conquest|earnest|tempest|inquest|unrest|behest|divest|"
                    "detest|attest|midwest|northwest|southwest|everest|budapest|bequest")
_FIRST_IN = re.compile(
    r"(?:\b(?:the|its|their|his|her|our)|['’]s)\s+(?:first|second|third|fourth|fifth|only|worst|best|most|"
    r"(?!(?:" + _NOT_SUPERLATIVE + r")\b)\w\w\w+est)\b(?P<between>(?:(?![,;:.])[^,;:.]){0,60}?)"
    r"\bin\s+(?:(?:the\s+)?(?:past|last)\s+|more\s+than\s+|over\s+|almost\s+|nearly\s+)?$",
    re.IGNORECASE)
# (a past verb with its object, "finished the race"; not "recorded", "watched" alone)
_A_VERB = re.compile(r"\b(?:will|would|is|was|are|were|be|been|being|has|have|had|can|could|should|may|might|must|"
                     r"do|does|did|said|says|told)\b|\b\w+ed\s+(?:the|a|an|his|her|its|their)\b", re.IGNORECASE)
_LONG_SPAN = re.compile(r"year|decade|centur|month", re.IGNORECASE)


def _first_in(text: str, span: tuple[int, int]) -> bool:
    """A duration a first or a record is counted over (see _FIRST_IN)."""
    if not _LONG_SPAN.search(text, span[0], span[1]):
        return False
    m = _FIRST_IN.search(text[max(0, span[0] - _FIRST_REACH):span[0]])
    return bool(m) and not _A_VERB.search(m.group("between"))


SCOPE_WORDS = 4  # words of a "for ..." phrase kept
_SCOPE_PREP = re.compile(r"\s*(?:,\s*)?(for|among|in|across)\s+((?:the|a|an|his|her|its|their)\s+)?", re.IGNORECASE)
_SCOPE_STOP = re.compile(r"[,.;:()!?\"“”]|\s[—–-]\s|\b(?:and|or|but|after|before|since|when|while|who|which|"
                         r"that|as|than|to|from|in|on|at|by|with|for|of)\b", re.IGNORECASE)


def scope(text: str, span: tuple[int, int], others: list[tuple[int, int]], lexicon: Lexicon,
          kind: str = "") -> str | None:
    """What a figure is counted within or given to, as folded words joined by ``|``:
    a capitalised modifier of a counted noun ("96 Corvella Cup goals",
    "2,400 of the Vantor scooters"), and the phrase after the figure opened
    by "for" or "among" ("140 goals for Brasford", "$8,000 for first-time
    buyers") or, for a count, by "in the"/"across the" ("150 games in the top
    division"). Not read: a place ("in Gansu", "in the United States", "in the
    province": the lexicon's regions and place_nouns), a time ("in 2024"), a
    lone noun after "the" that stands for a name ("for the club"), a phrase
    that reaches another value ("in 260 games" is that value's), and a
    headline's capitals."""
    words: list[str] = []
    names: list[str] = []  # capitalised modifiers, kept as written ("Tread+" is not "Tread")
    raw = text[span[0]:span[1]]
    long = re.findall(r"\b[A-Za-z][a-z]{3,}", text)  # "Ruiz Scored 96 Career Goals": every word capitalised
    headline = len(long) >= 4 and all(w[0].isupper() for w in long)
    if kind == "count" and not headline:
        toks = re.findall(r"[\w'’-]+\+*", raw)
        last_num = max((k for k, t in enumerate(toks) if any(c.isdigit() for c in t)), default=None)
        if last_num is not None:
            names += [t.lower() for t in toks[last_num + 1:-1] if t[:1].isupper()]
    m = _SCOPE_PREP.match(text, span[1])
    if m and not headline:
        rest = text[m.end():m.end() + 80]
        stop = _SCOPE_STOP.search(rest)
        phrase = rest[:stop.start()].strip() if stop else rest.strip()
        prep, det = m.group(1).lower(), m.group(2)
        found = _WORDS.findall(phrase)[:SCOPE_WORDS]
        where = prep in ("in", "across") and (not det or kind != "count")
        reaches = any(m.end() <= s < m.end() + len(phrase) for s, _ in others)
        stands_for_a_name = prep == "for" and det and len(found) == 1 and found[0].islower()
        if found and not where and not reaches and not found[0][0].isdigit() \
                and not (prep in ("in", "across") and _a_place(phrase, found, lexicon)) \
                and not stands_for_a_name:
            words += found
    folded = [n for n in names if n not in lexicon.stopwords]
    folded += [w for t in words for w in lexicon.fold(t) if w not in lexicon.stopwords]
    return "|".join(dict.fromkeys(folded)) or None


def _a_place(phrase: str, words: list[str], lexicon: Lexicon) -> bool:
    """A region ("the United States", never the "Pa" of "Parkside") or a place
    noun ("the province"): after "in", where, not whose; after "for", an owner."""
    regions = lexicon.facts.get("regions", ())
    nouns = lexicon.facts.get("place_nouns", ())
    return any(phrase == r or phrase.startswith(r + " ") for r in regions) or words[-1].lower() in nouns


AGE_REACH = 25  # characters between an age and the name it is the age of
_AGE_BEFORE = re.compile(r",\s*(?:(?:a|an|the)\s+)?")  # never "Tom Hale's 12-year-old daughter"
_AGE_AFTER = re.compile(r"\s+")


def age_owner(text: str, span: tuple[int, int], names: list[str], lexicon: Lexicon) -> str | None:
    """Whose age a figure is, as that person's folded name words: the name
    nearest the age and next to it ("Bo Yonghu, 25,", "Zhu Wenqing, a
    40-year-old farmer", "40-year-old Zhu Wenqing"). Two ages of two people
    are two facts; an age near no name has no owner."""
    best = None
    for name in names:
        for form in dict.fromkeys([name, name.split()[-1] if name.split() else name]):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                if m.end() <= span[0]:  # "Bo Yonghu, 25," / "Tom Hale, a 40-year-old farmer"
                    between, fits = text[m.end():span[0]], _AGE_BEFORE
                else:                   # "40-year-old Tom Hale", never "… man was arrested, Harlow police"
                    between, fits = text[span[1]:m.start()], _AGE_AFTER
                gap = len(between)
                if gap <= AGE_REACH and fits.fullmatch(between) and (best is None or gap < best[0]):
                    best = (gap, name)
    if best is None:
        return None
    words = [w for w in lexicon.fold(best[1]) if w not in lexicon.stopwords]
    return "|".join(dict.fromkeys(words)) or None


OWNER_WORDS = 5  # words at most between a figure and the name that owns it
OWNER_REACH = 200  # characters before a figure searched for its owner (bounded work)
_OWNER_GAP = re.compile(r"(?:['’]s?\b)?[^,;:()\[\]—–\d%$£€]*")  # no clause break, no other figure
_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
OWNED = ("count", "percent")  # the kinds a name before them owns ("Vela polled 29%", "Quill scored 190 goals")


def owner(text: str, span: tuple[int, int], spans: list[tuple[int, int]], lexicon: Lexicon,
          kind: str | None = None, names=None) -> str | None:
    """Whose figure it is, as folded name words joined by ``|``: the nearest
    name before a count or a percentage in its clause, at most OWNER_WORDS
    words before it, with no other figure and no verb of saying between
    ("Dara Quill polled 41%", "Corvane's Ada Brisk 20%", "Quill has scored
    a club record 190 goals"; not "Brisk said 40 people died"); None when no
    name stands there. ``names``: the names the article trusts in this
    sentence (a capitalised opening word, "Inflation rose to 3.2%", is none)."""
    if kind not in OWNED:
        return None
    after = max((e for s, e in spans if e <= span[0] and (s, e) != span), default=0)
    after = max(after, span[0] - OWNER_REACH)
    mentions = [m for m in find_mentions(text, lexicon)
                if names is None or m.canon in names or m.written in names]
    ends = [m.end for m in mentions]
    best = None
    for i in range(bisect.bisect_right(ends, span[0]) - 1, -1, -1):  # nearest first
        m = mentions[i]
        if m.start < after:
            break
        between = text[m.end:span[0]]
        words = between.split()
        if len(words) > OWNER_WORDS or not _OWNER_GAP.fullmatch(between):
            break
        if any(w.strip(".,;:'’").lower() in SPEECH for w in words):
            break
        if date_word(m.written):  # "On Tuesday Vell won 33%": not Tuesday's
            continue
        best = m
        # "Ada Brisk of the Corvane Party, who won": the person, not the party
        if i and _OF.fullmatch(text[mentions[i - 1].end:m.start]) and mentions[i - 1].start >= after:
            best = mentions[i - 1]
        break
    if best is None:
        return None
    words = [w for w in lexicon.fold(best.canon) if w not in lexicon.stopwords]
    return "|".join(dict.fromkeys(words)) or None
