"""Word lists and patterns the value scanner reads (see checker.extract.values.find)."""

from __future__ import annotations

import re
from decimal import Decimal

from .numbers import HEDGES, TENS, UNITS

PHONE = re.compile(
    r"\+[0-9]{1,3}[ .-]?(?:\([0-9]{1,4}\)|[0-9]{1,4})(?:[ .-]?[0-9]{2,4}){1,4}(?![0-9])"
    r"|\(?[0-9]{3}\)?[ .-][0-9]{3}[ .-][0-9]{4}(?![0-9])"
    r"|[0-9]{3}-[0-9]{4}(?![0-9-])(?!\s*(?:%|[A-Za-z]))"
    r"|[0-9]{3}-0[0-9]{3}(?![0-9-])")
TIME = re.compile(
    r"[0-9]{1,2}(?::[0-9]{2}){1,2}(?:\s?[ap]\.?\s?m\b\.?)?"
    r"|[0-9]{1,2}\.[0-9]{2}\s?[ap]\.?m\b\.?"
    r"|[0-9]{1,2}\s?(?:[ap]\.m\.|[ap]m\b)"
    r"|[0-9]{1,2}\s+o['’]clock"
    r"|[0-9]+:[0-9]+", re.IGNORECASE)
ISO_SHAPE = re.compile(r"[0-9]{4}([-/])[0-9]{2}\1[0-9]{2}(?![0-9])")
YEAR_SPAN = re.compile(r"(1[89][0-9]{2}|20[0-9]{2})[-–]([0-9]{2})(?![0-9]|[-–][0-9])")
SLASH = re.compile(r"[0-9]{1,4}/[0-9]{1,4}(?:/[0-9]{1,4})?(?![0-9])")
DECADE = re.compile(r"(1[89][0-9]0|20[0-9]0)['’]?s\b")

LABEL_WORDS = frozenset(
    "section sections article chapter route flight model version room page line item episode "
    "season phase level grade category stage gate platform exit highway interstate rule "
    "proposition prop paragraph clause title unit apartment apt suite floor bus lane precinct "
    "district ward volume vol issue no number channel figure fig table step type class tier "
    "mark mk ver v gen generation size pixel galaxy series iphone windows covid".split())
COMMON = frozenset(
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
YEAR_PREP = frozenset(
    "in since by until till through throughout before after from during of circa early late "
    "mid pre post fiscal year the a an its their his her our this that between summer winter "
    "spring autumn fall vintage class election".split())
YEAR_HEDGES = frozenset({("about",), ("around",), ("roughly",), ("approximately",),
                         ("circa",), ("~",)})
# "2019 levels", "2024 sales": a year used as an adjective, not a count
YEAR_NOUNS = frozenset(
    "sale revenue earning profit result level figure election game olympics olympic midterm "
    "primary price loss rate number forecast estimate target account filing return model "
    "edition season final playoff championship protest riot flood attack talk negotiation "
    "deadline budget accord agreement standard guideline rule law tax tariff cut hike "
    "record low high peak outlook guidance plan goal census data statistic survey poll "
    "ranking award prize graduate class".split())
# before a year these are prepositions, not hedges
YEAR_NEUTRAL = frozenset({("up", "to"), ("under",), ("over",), ("above",), ("below",)})
QTY_VERBS = frozenset(
    "rose fell reached hit totaled totalled totaling totalling total climbed dropped jumped "
    "grew increased decreased declined surged numbered numbering number tally count counted "
    "equal equals employs employed employ hired cut cuts killed".split())
VOTE_AFTER = frozenset(
    "vote votes decision ruling majority margin verdict tally tie judgment judgement".split())
VOTE_BEFORE = frozenset(
    "vote votes voted voting ruled ruling passed approved rejected decided decision margin "
    "tally confirmed majority defeated adopted upheld overturned backed endorsed "
    "acquitted convicted elected".split())
MULT_BLOCK = frozenset(
    "as more less the that than larger bigger higher greater faster lower smaller longer "
    "shorter cheaper richer better worse wider stronger heavier deeper older younger "
    "over".split())
OBJECT_VERBS = frozenset(
    "told gave give gives giving sent send sends paid pay pays owes owed lent handed awarded "
    "granted offered offer offers cost costs fined charged sold sell sells bought beat "
    "joined left sued".split())
TIME_UNITS = frozenset(
    "second minute hour day week month year decade century quarter season term weekend "
    "night".split())
STREET = frozenset(
    "street st avenue ave road rd boulevard blvd lane ln drive parkway pkwy terrace crescent "
    "plaza way place square".split())
HYPHEN_YEAR_PREFIX = frozenset({"mid", "pre", "post", "early", "late", "circa", "fiscal"})
# "the two companies" refers back to things already named: not a claim
ANAPHORA = frozenset({"the", "these", "those", "both"})
ORDINAL = frozenset({"st", "nd", "rd", "th"})
ATTACHED_UNITS = frozenset({"pc", "pct", "percent", "bps", "bp", "pp", "ppt", "ppts"})
VAGUE = {"dozens": Decimal(12), "hundreds": Decimal(100), "thousands": Decimal(1000),
         "millions": Decimal(10) ** 6, "billions": Decimal(10) ** 9,
         "trillions": Decimal(10) ** 12}
VAGUE_SCALE = {"hundred": Decimal(100), "thousand": Decimal(1000), "million": Decimal(10) ** 6,
               "billion": Decimal(10) ** 9, "dozen": Decimal(12)}
NUMBER_START = frozenset(UNITS) | frozenset(TENS) | {"a", "an", "half", "quarter"}
RELATIVE_START = frozenset({"yesterday", "tomorrow", "yesterday's", "tomorrow's", "tonight", "tonight's", "tonight’s",
                            "yesterday’s", "tomorrow’s", "last", "this", "next", "a",
                            "an", "one"})
HEDGE_WORDS = frozenset(w for lst in HEDGES.values() for p, _ in lst for w in p)
