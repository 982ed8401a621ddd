"""Word lists for quantities, durations, times of day and counts without a noun.

Data, not logic: the readers in :mod:`measures`, :mod:`clock` and
:mod:`bare` look words up here.  Each quantity has one canonical unit per
dimension, and every value is converted to it (80 km and 49.7 miles are both
kilometres):

    distance, depth  km       speed        km/h     mass     kg
    area             km²      volume       litre    energy   J
    power            W        temperature  °C       magnitude (as written)
    multiplier       times ("three times the size")

Durations are in days (a year is 365.25 days, a month 30.4375); an age
("the 30-year-old", "aged 11", "Kane, 30,") is a duration in years, unit
``years old``, so it never meets a contract's length.
"""

from __future__ import annotations

from typing import NamedTuple


class Unit(NamedTuple):
    canonical: str       # the unit the value is written in: "km", "day", ...
    factor: float        # canonical units per written unit
    offset: float = 0.0  # added after the factor (°F -> °C)


KM, KMH, KG, KM2, LITRE, J, W, C = "km", "km/h", "kg", "km²", "litre", "J", "W", "°C"
DAY, AGE, MAG, TIMES = "day", "years old", "magnitude", "times"

_F = Unit(C, 5 / 9, -32 * 5 / 9)

# words (lower case) -> unit; several words are one phrase ("miles per hour")
UNIT_WORDS: dict[str, Unit] = {
    # distance
    "km": Unit(KM, 1), "kms": Unit(KM, 1), "kilometre": Unit(KM, 1), "kilometres": Unit(KM, 1),
    "kilometer": Unit(KM, 1), "kilometers": Unit(KM, 1), "metre": Unit(KM, 1e-3),
    "metres": Unit(KM, 1e-3), "meter": Unit(KM, 1e-3), "meters": Unit(KM, 1e-3),
    "centimetre": Unit(KM, 1e-5), "centimetres": Unit(KM, 1e-5), "centimeter": Unit(KM, 1e-5),
    "centimeters": Unit(KM, 1e-5), "cm": Unit(KM, 1e-5), "millimetre": Unit(KM, 1e-6),
    "millimetres": Unit(KM, 1e-6), "millimeter": Unit(KM, 1e-6), "millimeters": Unit(KM, 1e-6),
    "mm": Unit(KM, 1e-6), "mile": Unit(KM, 1.609344), "miles": Unit(KM, 1.609344),
    "nautical mile": Unit(KM, 1.852), "nautical miles": Unit(KM, 1.852),
    "foot": Unit(KM, 3.048e-4), "feet": Unit(KM, 3.048e-4), "ft": Unit(KM, 3.048e-4),
    "inch": Unit(KM, 2.54e-5), "inches": Unit(KM, 2.54e-5), "yard": Unit(KM, 9.144e-4),
    "yards": Unit(KM, 9.144e-4),
    # speed
    "km/h": Unit(KMH, 1), "kph": Unit(KMH, 1), "kmph": Unit(KMH, 1), "kmh": Unit(KMH, 1),
    "km per hour": Unit(KMH, 1), "kilometres per hour": Unit(KMH, 1),
    "kilometers per hour": Unit(KMH, 1), "kilometres an hour": Unit(KMH, 1),
    "kilometers an hour": Unit(KMH, 1), "mph": Unit(KMH, 1.609344),
    "miles per hour": Unit(KMH, 1.609344), "miles an hour": Unit(KMH, 1.609344),
    "knots": Unit(KMH, 1.852), "knot": Unit(KMH, 1.852), "m/s": Unit(KMH, 3.6),
    "metres per second": Unit(KMH, 3.6), "meters per second": Unit(KMH, 3.6),
    # mass ("tons" are read as metric tonnes: news copy rarely means short tons)
    "kg": Unit(KG, 1), "kgs": Unit(KG, 1), "kilogram": Unit(KG, 1), "kilograms": Unit(KG, 1),
    "kilogramme": Unit(KG, 1), "kilogrammes": Unit(KG, 1), "kilo": Unit(KG, 1),
    "kilos": Unit(KG, 1), "gram": Unit(KG, 1e-3), "grams": Unit(KG, 1e-3),
    "gramme": Unit(KG, 1e-3), "grammes": Unit(KG, 1e-3), "milligrams": Unit(KG, 1e-6),
    "mg": Unit(KG, 1e-6), "tonne": Unit(KG, 1e3), "tonnes": Unit(KG, 1e3),
    "metric tons": Unit(KG, 1e3), "metric tonnes": Unit(KG, 1e3), "ton": Unit(KG, 1e3),
    "tons": Unit(KG, 1e3), "lb": Unit(KG, 0.45359237), "lbs": Unit(KG, 0.45359237),
    "pound": Unit(KG, 0.45359237), "pounds": Unit(KG, 0.45359237),
    "ounce": Unit(KG, 0.028349523125), "ounces": Unit(KG, 0.028349523125),
    "oz": Unit(KG, 0.028349523125),
    # area
    "km²": Unit(KM2, 1), "km2": Unit(KM2, 1), "sq km": Unit(KM2, 1),
    "square kilometres": Unit(KM2, 1), "square kilometers": Unit(KM2, 1),
    "square kilometre": Unit(KM2, 1), "square kilometer": Unit(KM2, 1),
    "square miles": Unit(KM2, 2.589988110336), "square mile": Unit(KM2, 2.589988110336),
    "sq miles": Unit(KM2, 2.589988110336), "sq mi": Unit(KM2, 2.589988110336),
    "hectare": Unit(KM2, 0.01), "hectares": Unit(KM2, 0.01), "ha": Unit(KM2, 0.01),
    "acre": Unit(KM2, 0.0040468564224), "acres": Unit(KM2, 0.0040468564224),
    "square metres": Unit(KM2, 1e-6), "square meters": Unit(KM2, 1e-6),
    "sq m": Unit(KM2, 1e-6), "m²": Unit(KM2, 1e-6), "square feet": Unit(KM2, 9.290304e-8),
    "sq ft": Unit(KM2, 9.290304e-8),
    # volume
    "litre": Unit(LITRE, 1), "litres": Unit(LITRE, 1), "liter": Unit(LITRE, 1),
    "liters": Unit(LITRE, 1), "millilitres": Unit(LITRE, 1e-3), "milliliters": Unit(LITRE, 1e-3),
    "ml": Unit(LITRE, 1e-3), "gallon": Unit(LITRE, 3.785411784),
    "gallons": Unit(LITRE, 3.785411784), "barrel": Unit(LITRE, 158.987294928),
    "barrels": Unit(LITRE, 158.987294928), "cubic metres": Unit(LITRE, 1e3),
    "cubic meters": Unit(LITRE, 1e3), "m³": Unit(LITRE, 1e3),
    "cubic feet": Unit(LITRE, 28.316846592),
    # energy
    "joule": Unit(J, 1), "joules": Unit(J, 1), "kilojoules": Unit(J, 1e3),
    "megajoule": Unit(J, 1e6), "megajoules": Unit(J, 1e6), "gigajoules": Unit(J, 1e9),
    "terajoules": Unit(J, 1e12), "kwh": Unit(J, 3.6e6), "kilowatt-hours": Unit(J, 3.6e6),
    "kilowatt hours": Unit(J, 3.6e6), "mwh": Unit(J, 3.6e9), "megawatt-hours": Unit(J, 3.6e9),
    "megawatt hours": Unit(J, 3.6e9), "gwh": Unit(J, 3.6e12), "gigawatt-hours": Unit(J, 3.6e12),
    "gigawatt hours": Unit(J, 3.6e12), "twh": Unit(J, 3.6e15),
    "terawatt-hours": Unit(J, 3.6e15), "terawatt hours": Unit(J, 3.6e15),
    # power
    "watt": Unit(W, 1), "watts": Unit(W, 1), "kilowatt": Unit(W, 1e3), "kilowatts": Unit(W, 1e3),
    "megawatt": Unit(W, 1e6), "megawatts": Unit(W, 1e6), "gigawatt": Unit(W, 1e9),
    "gigawatts": Unit(W, 1e9), "terawatts": Unit(W, 1e12), "horsepower": Unit(W, 745.69987158),
    # temperature
    "degrees celsius": Unit(C, 1), "degrees centigrade": Unit(C, 1), "degrees c": Unit(C, 1),
    "°c": Unit(C, 1), "degrees fahrenheit": _F, "degrees f": _F, "°f": _F,
}
# abbreviations whose case matters (MJ is not mJ, MW not mW): exact spelling -> unit
CASED: dict[str, Unit] = {
    # a bare "J" or "W" is too often something else ("\x1b[2J", "Type 2W"):
    # joules and watts are read spelt out, or with a prefix (kJ, MW)
    "kJ": Unit(J, 1e3), "MJ": Unit(J, 1e6), "GJ": Unit(J, 1e9),
    "TJ": Unit(J, 1e12), "kW": Unit(W, 1e3), "MW": Unit(W, 1e6),
    "GW": Unit(W, 1e9), "TW": Unit(W, 1e12), "hp": Unit(W, 745.69987158), "g": Unit(KG, 1e-3),
    "C": Unit(C, 1), "F": _F, "kWh": Unit(J, 3.6e6), "MWh": Unit(J, 3.6e9),
    "GWh": Unit(J, 3.6e12), "TWh": Unit(J, 3.6e15),
}
# cased abbreviations only attached to the digits ("40C", "2.05MJ"), or after "°"
ATTACHED_ONLY = frozenset({"C", "F", "g"})
# "pounds" is money unless the sentence weighs something
WEIGHT_WORDS = frozenset("weigh weighs weighed weighing weight weights heavy heavier".split())

# durations, in days
DURATION: dict[str, float] = {}
for _days, _words in (
        (365.25, "year years yr yrs"), (30.4375, "month months"), (7.0, "week weeks"),
        (14.0, "fortnight fortnights"), (1.0, "day days"), (1 / 24, "hour hours hr hrs"),
        (1 / 1440, "minute minutes min mins"), (1 / 86400, "second seconds sec secs"),
        (1 / 86400e3, "millisecond milliseconds"), (1 / 86400e6, "microsecond microseconds"),
        (1 / 86400e9, "nanosecond nanoseconds"), (3652.5, "decade decades"),
        (36525.0, "century centuries")):
    for _w in _words.split():
        DURATION[_w] = _days
YEAR_DAYS = 365.25

# "a 24-hour store" claims nothing; "a three-week hearing" measures one: the
# nouns after "N-unit" that make it a duration
MEASURED = frozenset(
    "deal deals contract contracts extension term terms sentence sentences lease ban bans "
    "suspension agreement plan stint spell loan mandate hearing hearings inquiry inquiries "
    "investigation probe trial strike strikes stoppage walkout war wars career lockdown "
    "curfew closure shutdown ceasefire truce delay delays wait search journey voyage trek "
    "flight drought siege occupation campaign tenure reign marriage relationship break "
    "recess holiday vacation leave absence pause moratorium freeze programme program "
    "project review process sabbatical tour run streak stay hunt manhunt operation battle "
    "standoff blackout outage burst pulse window period phase cycle span gap stretch "
    "jail prison detention imprisonment custody meeting session speech interview debate film "
    "documentary match game race ride drive walk shift".split())

# quake words: a bare one-decimal figure in a sentence about a quake is its magnitude
QUAKE_WORDS = frozenset(
    "quake quakes earthquake earthquakes tremor tremors aftershock aftershocks temblor "
    "temblors seismic magnitude magnitudes richter".split())

# --------------------------------------------------------------------------- counts

# a predicate names what a number without a noun counts: "left nine dead",
# "Another 51 were hurt", "killing 12"
COUNTED: dict[str, str] = {}
for _noun, _words in (
        ("death", "dead killed died perished drowned"),
        ("injury", "injured hurt wounded"),
        ("missing", "missing unaccounted"),
        ("arrest", "arrested detained"),
        ("rescue", "rescued"),
        ("evacuation", "evacuated"),
        ("hospitalisation", "hospitalised hospitalized"),
        ("displaced", "displaced"),
        ("infection", "infected sickened"),
        ("damaged", "damaged"),
        ("destroyed", "destroyed"),
        ("collapsed", "collapsed"),
        ("trapped", "trapped")):
    for _w in _words.split():
        COUNTED[_w] = _noun
# verbs that take the count as their object: "killing 12", "injured more than 500"
COUNTED_VERBS: dict[str, str] = {
    "killing": "death", "killed": "death", "kills": "death", "injuring": "injury",
    "injured": "injury", "wounding": "injury", "wounded": "injury", "hurting": "injury",
    "claimed": "death", "claiming": "death", "arresting": "arrest", "arrested": "arrest",
    "rescuing": "rescue", "rescued": "rescue", "evacuating": "evacuation",
    "evacuated": "evacuation", "polled": "vote", "garnered": "vote",
}
# "left nine dead", "leaving 12 injured": the verb before, the predicate after
LEAVE_VERBS = frozenset({"left", "leaving", "leaves", "leave"})
# between the number and its predicate: "51 were hurt", "six feared dead"
PRED_LINKS = frozenset(
    "were was are is have has had been being be remain remained remains feared confirmed "
    "reported listed officially seriously critically badly severely slightly also still now "
    "later believed presumed thought left as of them".split())
# nouns before the number: "the toll rose to 23", "valid votes were 24,025,940"
COUNT_HEADS: dict[str, str] = {
    "toll": "death", "tally": "", "deaths": "death", "fatalities": "death", "dead": "death",
    "casualties": "casualty", "injuries": "injury", "injured": "injury", "votes": "vote",
    "vote": "vote", "ballots": "ballot", "voters": "voter", "turnout": "voter",
    "arrests": "arrest", "cases": "case", "victims": "victim", "survivors": "survivor",
    "seats": "seat", "members": "member", "passengers": "passenger", "missing": "missing",
}
# words that may stand between such a noun and its number
HEAD_LINKS = frozenset(
    "was were is are stood stands stand at to of rose risen rises rising climbed climbing "
    "reached reaches hit jumped increased increasing grew raised revised has have had been "
    "now officially up further total totalled totaled totaling totalling numbered cast "
    "counted recorded valid rejected registered accredited death final number official "
    "overall put".split())

# --------------------------------------------------------------------------- times of day

# time zones with their offset from UTC in minutes; None: named but ambiguous
ZONES: dict[str, int | None] = {
    "GMT": 0, "UTC": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "WAT": 60, "CAT": 120, "EAT": 180, "SAST": 120, "MSK": 180, "GST": 240, "PKT": 300,
    "IST": 330, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480, "PHT": 480, "AWST": 480,
    "JST": 540, "KST": 540, "ACST": 570, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "AKST": -540, "HST": -600, "ET": None, "CT": None, "PT": None, "MT": None,
    "CST": None,
}
# "Beijing time", "local time": a place's time (offset known for a few)
ZONE_PLACES: dict[str, int | None] = {
    "beijing": 480, "china": 480, "tokyo": 540, "moscow": 180, "india": 330, "indian": 330,
    "hong kong": 480, "singapore": 480, "eastern": None, "pacific": None, "central": None,
    "mountain": None,
}
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def zone_offset(zone: str | None) -> int | None:
    """Minutes east of UTC for a time's zone as extracted; None if unknown or local."""
    if not zone:
        return None
    if zone in ZONES:
        return ZONES[zone]
    if zone.startswith("UTC") and len(zone) == 9:      # "UTC+08:00"
        sign = -1 if zone[3] == "-" else 1
        return sign * (int(zone[4:6]) * 60 + int(zone[7:9]))
    if zone.endswith(" time"):
        return ZONE_PLACES.get(zone[:-5].lower())
    return None


def written_unit(raw: str) -> str:
    """The unit word a duration is written in ("four-year" -> "year"), "" if none."""
    for word in raw.lower().replace("-", " ").split():
        if word in DURATION and not word.isdigit():
            return word[:-1] if word.endswith("s") and word[:-1] in DURATION else word
    return ""
