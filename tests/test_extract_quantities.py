"""Table-driven tests for the issue-12 value forms: counts without a noun, counts
in compound adjectives, quantities with units, durations, ages, times of day
and Indian numbering.

Every sentence here is invented, in the forms newspapers print; every expected
value was worked out by hand (1 mile = 1.609344 km, 1 year = 365.25 days,
1 month = 30.4375 days, 1 acre = 0.0040468564224 km², °C = (°F - 32) × 5/9).
"""

import datetime as dt
import random
import time

import pytest

from checker.extract.values.find import find_values

PUB = dt.date(2025, 2, 12)  # a Wednesday
Y, M = 365.25, 30.4375       # days in a year, a month


def R(kind, raw, value, unit=None, hedge=None, hi=None):
    return (kind, raw, value, unit, hedge, hi)


def check(sentence, expected):
    got = find_values(sentence, PUB)
    assert [(v.kind, sentence[v.start:v.end]) for v in got] == [(e[0], e[1]) for e in expected]
    for v, (kind, raw, value, unit, hedge, hi) in zip(got, expected):
        if isinstance(value, float):
            assert v.value == pytest.approx(value, rel=1e-9), raw
        else:
            assert v.value == value and type(v.value) is type(value), (raw, v.value)
        assert v.unit == unit, (raw, v.unit)
        assert v.hedge == hedge, (raw, v.hedge)
        assert v.approx is (hedge is not None), raw
        if hi is None:
            assert v.value_hi is None, raw
        else:
            assert v.value_hi == pytest.approx(hi, rel=1e-9), raw


COUNTS_WITHOUT_NOUN = [
    ("The blast left nine dead.", [R("count", "nine dead", 9, "death")]),
    ("The toll rose to 23 on Wednesday.",
     [R("count", "23", 23, "death"), R("date", "Wednesday", "2025-02-12")]),
    ("Another 51 were hurt.", [R("count", "51 were hurt", 51, "injury")]),
    ("Forty-one were injured in the crash.", [R("count", "Forty-one were injured", 41, "injury")]),
    ("Six feared dead after the landslide.", [R("count", "Six feared dead", 6, "death")]),
    ("Police said 11 were hurt.", [R("count", "11 were hurt", 11, "injury")]),
    ("The gunman fled after killing 12.", [R("count", "12", 12, "death")]),
    ("The storm injured more than 500.", [R("count", "more than 500", 500, "injury", "more_than")]),
    ("At least 30 were arrested overnight.",
     [R("count", "At least 30 were arrested", 30, "arrest", "at_least")]),
    ("Another 14 remain missing.", [R("count", "14 remain missing", 14, "missing")]),
    ("There were nearly 700 injured and another five missing.",
     [R("count", "nearly 700 injured", 700, "injury", "nearly"),
      R("count", "five missing", 5, "missing")]),
    ("The death toll stood at 75 by nightfall.", [R("count", "75", 75, "death")]),
    ("The official toll from the flood was raised to 94.", [R("count", "94", 94, "death")]),
    ("Valid votes were 24,025,940.", [R("count", "24,025,940", 24025940, "vote")]),
    ("The winner polled 8,794,726.", [R("count", "8,794,726", 8794726, "vote")]),
    ("His rival secured 6,101,533.", [R("count", "6,101,533", 6101533)]),
    ("Police arrested 40.", [R("count", "40", 40, "arrest")]),
    ("Of those, 60 of them seriously injured were flown out.",
     [R("count", "60 of them seriously injured", 60, "injury")]),
    ("No injuries were reported.", [R("count", "No injuries", 0, "injury")]),
    ("No one was killed.", [R("count", "No one was killed", 0, "death")]),
    ("One person was listed as missing.", [R("count", "One person", 1, "person")]),
    ("Three of her grandchildren had died.",
     [R("count", "Three of her grandchildren", 3, "grandchild")]),
    ("She was convicted on five of the six counts.",
     [R("count", "five of the six counts", 5, "count")]),
    ("One boy died and 29 other children were hurt.",
     [R("count", "One boy", 1, "boy"), R("count", "29 other children", 29, "child")]),
    ("The firm knew of 39 “incidents” with the machine.",
     [R("count", "39 “incidents”", 39, "incident")]),
    ("The floods left 12 people dead.", [R("count", "12 people", 12, "person")]),
]

COMPOUNDS = [
    ("Fans filled the 18,500-seat arena.", [R("count", "18,500-seat", 18500, "seat")]),
    ("A 12-member jury was seated.", [R("count", "12-member", 12, "member")]),
    ("The 2,500-page report was released.", [R("count", "2,500-page", 2500, "page")]),
    ("The city won a $2-million grant.", [R("money", "$2-million", 2e6, "USD")]),
    ("A three-week hearing began.", [R("duration", "three-week", 21.0, "day")]),
    ("A 14-month inquiry found fault.", [R("duration", "14-month", 14 * M, "day")]),
    ("She was handed a 10-year ban.", [R("duration", "10-year", 10 * Y, "day")]),
    ("He signed a five-year contract.", [R("duration", "five-year", 5 * Y, "day")]),
    ("She was given a 20-year jail term.", [R("duration", "20-year", 20 * Y, "day")]),
    ("They walked a 10-kilometre stretch.", [R("quantity", "10-kilometre", 10.0, "km")]),
    ("A 5.9-magnitude quake struck.", [R("quantity", "5.9-magnitude", 5.9, "magnitude")]),
    ("The 500-megawatt plant opened.", [R("quantity", "500-megawatt", 5e8, "W")]),
    ("Workers began a 72-hour strike.", [R("duration", "72-hour", 3.0, "day")]),
    ("It was a one-party state.", []),
]

QUANTITIES = [
    ("The quake struck about 50 miles from the city.",
     [R("quantity", "about 50 miles", 80.4672, "km", "about")]),
    ("The epicentre was 80 km from the city.", [R("quantity", "80 km", 80.0, "km")]),
    ("The quake was only 10km deep.", [R("quantity", "10km", 10.0, "km")]),
    ("It struck at a depth of 9.8 kilometres.", [R("quantity", "9.8 kilometres", 9.8, "km")]),
    ("It hit about 20 kilometers (12.4 miles) beneath the surface.",
     [R("quantity", "about 20 kilometers (12.4 miles)", 20.0, "km", "about")]),
    ("The town lies 400 kilometers (250 miles) to the east.",
     [R("quantity", "400 kilometers (250 miles)", 400.0, "km")]),
    ("Crews cleared roughly 180 kilometers of road.",
     [R("quantity", "roughly 180 kilometers", 180.0, "km", "about")]),
    ("The fire was more than 180 kilometers away.",
     [R("quantity", "more than 180 kilometers", 180.0, "km", "more_than")]),
    ("The wall is 30 feet high.", [R("quantity", "30 feet", 0.009144, "km")]),
    ("The runners covered 200 metres.", [R("quantity", "200 metres", 0.2, "km")]),
    ("Winds reached 100 mph.", [R("quantity", "100 mph", 160.9344, "km/h")]),
    ("The train ran at 120 km/h.", [R("quantity", "120 km/h", 120.0, "km/h")]),
    ("Gusts hit 90 kilometres per hour.", [R("quantity", "90 kilometres per hour", 90.0, "km/h")]),
    ("The ship made 25 knots.", [R("quantity", "25 knots", 46.3, "km/h")]),
    ("Police seized 3 tonnes of cocaine.", [R("quantity", "3 tonnes", 3000.0, "kg")]),
    ("Officers found 5kg of heroin.", [R("quantity", "5kg", 5.0, "kg")]),
    ("The fish weighed 150 pounds.", [R("quantity", "150 pounds", 68.0388555, "kg")]),
    ("The fire burned 1,000 hectares.", [R("quantity", "1,000 hectares", 10.0, "km²")]),
    ("The blaze scorched 400 acres.", [R("quantity", "400 acres", 1.61874256896, "km²")]),
    ("The reserve covers 12 square miles.",
     [R("quantity", "12 square miles", 31.079857324032, "km²")]),
    ("The tank held 500 litres.", [R("quantity", "500 litres", 500.0, "litre")]),
    ("The spill released 2 million gallons.",
     [R("quantity", "2 million gallons", 7570823.568, "litre")]),
    ("The laser delivered 2.05 megajoules (MJ) of energy.",
     [R("quantity", "2.05 megajoules (MJ)", 2.05e6, "J")]),
    ("The shot produced 3.15 MJ of energy.", [R("quantity", "3.15 MJ", 3.15e6, "J")]),
    ("Each shot needs 330MJ from the grid.", [R("quantity", "330MJ", 3.3e8, "J")]),
    ("The turbine makes 1.2 gigawatts.", [R("quantity", "1.2 gigawatts", 1.2e9, "W")]),
    ("Temperatures could reach 40C.", [R("quantity", "40C", 40.0, "°C")]),
    ("It was 104F in the shade.", [R("quantity", "104F", 40.0, "°C")]),
    ("Water froze at 32 degrees Fahrenheit.", [R("quantity", "32 degrees Fahrenheit", 0.0, "°C")]),
    ("It is 20 °C today.", [R("quantity", "20 °C", 20.0, "°C")]),
    ("The magnitude 6.6 quake struck at dawn.", [R("quantity", "magnitude 6.6", 6.6, "magnitude")]),
    ("It was a magnitude-6.6 earthquake.", [R("quantity", "magnitude-6.6", 6.6, "magnitude")]),
    ("The survey gave a lower magnitude of 5.9.",
     [R("quantity", "magnitude of 5.9", 5.9, "magnitude")]),
    ("The strongest tremor measured 5.6 in magnitude.",
     [R("quantity", "5.6 in magnitude", 5.6, "magnitude")]),
    ("The quake measured 6.1 on the Richter scale.",
     [R("quantity", "6.1 on the Richter scale", 6.1, "magnitude")]),
    ("Seismologists measured the initial quake as 5.9.", [R("quantity", "5.9", 5.9, "magnitude")]),
    ("The tremors had magnitudes of 5.9 and 5.6.",
     [R("quantity", "magnitudes of 5.9", 5.9, "magnitude"), R("quantity", "5.6", 5.6, "magnitude")]),
    ("The reactor needs between 30 and 100 times the energy.",
     [R("quantity", "between 30 and 100 times", 30.0, "times", "range", 100.0)]),
    ("The new hall is three times the size of the old one.",
     [R("quantity", "three times", 3.0, "times")]),
    ("It is twice as large.", [R("quantity", "twice", 2.0, "times")]),
]

DURATIONS = [
    ("The trial lasted 17 months.", [R("duration", "17 months", 17 * M, "day")]),
    ("The talks ran for nearly three years.",
     [R("duration", "nearly three years", 3 * Y, "day", "nearly")]),
    ("She served four and a half years.", [R("duration", "four and a half years", 4.5 * Y, "day")]),
    ("He served 4 1/2 years.", [R("duration", "4 1/2 years", 4.5 * Y, "day")]),
    ("He served 3½ years.", [R("duration", "3½ years", 3.5 * Y, "day")]),
    ("The judge imposed 180 months.", [R("duration", "180 months", 15 * Y, "day")]),
    ("She was sentenced to 20 years in prison.", [R("duration", "20 years", 20 * Y, "day")]),
    ("Prosecutors wanted 30 to 55 years.",
     [R("duration", "30 to 55 years", 30 * Y, "day", "range", 55 * Y)]),
    ("They sought a 30-55 year sentence.",
     [R("duration", "30-55 year", 30 * Y, "day", "range", 55 * Y)]),
    ("The guidelines gave a range between 15 1/2 and 19 1/2 years.",
     [R("duration", "between 15 1/2 and 19 1/2 years", 15.5 * Y, "day", "range", 19.5 * Y)]),
    ("The defence asked for a term of less than five years.",
     [R("duration", "less than five years", 5 * Y, "day", "less_than")]),
    ("They asked for a sentence of up to five years.",
     [R("duration", "up to five years", 5 * Y, "day", "up_to")]),
    ("She faces at least 30 years.", [R("duration", "at least 30 years", 30 * Y, "day", "at_least")]),
    ("It took more than 60 years of research.",
     [R("duration", "more than 60 years", 60 * Y, "day", "more_than")]),
    ("Over 20 years, the firm grew.", [R("duration", "20 years", 20 * Y, "day")]),
    ("The debate ran for more than a year.",
     [R("duration", "more than a year", Y, "day", "more_than")]),
    ("He had a year left on his contract.", [R("duration", "a year", Y, "day")]),
    ("She died one month after the arrest.", [R("duration", "one month", M, "day")]),
    ("They met a year and a half later.", [R("duration", "a year and a half", 1.5 * Y, "day")]),
    ("The jury took a half-hour lunch break.", [R("duration", "half-hour", 1 / 48, "day")]),
    ("The vote took half an hour.", [R("duration", "half an hour", 1 / 48, "day")]),
    ("The meeting ran 90 minutes.", [R("duration", "90 minutes", 0.0625, "day")]),
    ("It came in a 400-microsecond burst.",
     [R("duration", "400-microsecond", 400 / 86400e6, "day")]),
    ("He spent two decades in office.", [R("duration", "two decades", 2 * 3652.5, "day")]),
    ("The strike lasted six days.", [R("duration", "six days", 6.0, "day")]),
    ("Prices rose two and a half months later.",
     [R("duration", "two and a half months", 2.5 * M, "day")]),
    ("The project began two years ago.", [R("year", "two years ago", 2023)]),
]

AGES = [
    ("The 30-year-old has signed.", [R("duration", "30-year-old", 30.0, "years old")]),
    ("The 30-year old leaves the club.", [R("duration", "30-year old", 30.0, "years old")]),
    ("A 10-year-old boy was found safe.", [R("duration", "10-year-old", 10.0, "years old")]),
    ("The seven-year-old won a prize.", [R("duration", "seven-year-old", 7.0, "years old")]),
    ("Kane, 30, leaves after 14 seasons.",
     [R("duration", "30", 30.0, "years old"), R("count", "14 seasons", 14, "season")]),
    ("England captain Harry Kane (30) has joined.", [R("duration", "(30)", 30.0, "years old")]),
    ("He joined the academy aged 11.", [R("duration", "aged 11", 11.0, "years old")]),
    ("Voters aged 18 to 24 were polled.",
     [R("duration", "aged 18 to 24", 18.0, "years old", "range", 24.0)]),
    ("She is 70 years old.", [R("duration", "70 years old", 70.0, "years old")]),
    ("The 6-month-old baby was unhurt.", [R("duration", "6-month-old", 0.5, "years old")]),
]

TIMES = [
    ("The quake hit at about 4 am.", [R("time", "about 4 am", 240, None, "about")]),
    ("It struck at 4:45 am.", [R("time", "4:45 am", 285)]),
    ("The train left at 16:45.", [R("time", "16:45", 1005)]),
    ("It happened shortly after midnight.", [R("time", "shortly after midnight", 0, None, "after")]),
    ("They met at noon.", [R("time", "noon", 720)]),
    ("The polls closed at 8.30pm.", [R("time", "8.30pm", 1230)]),
    ("The quake hit at 7.45am.", [R("time", "7.45am", 465)]),
    ("The first quake struck at 7:45 a.m. local time (2345 GMT).",
     [R("time", "7:45 a.m. local time", 465), R("time", "2345 GMT", 1425, "GMT")]),
    ("The shares moved at 12:45 p.m. EST today.", [R("time", "12:45 p.m. EST", 765, "EST")]),
    ("Kick-off is at 19:45 BST.", [R("time", "19:45 BST", 1185, "BST")]),
    ("He is set to speak at 2:15 p.m. ET.", [R("time", "2:15 p.m. ET", 855, "ET")]),
    ("The result came at exactly 4.05 Wednesday morning.",
     [R("time", "4.05", 245), R("date", "Wednesday", "2025-02-12")]),
    ("The winner was declared at 4:10 a.m on Wednesday.",
     [R("time", "4:10 a.m", 250), R("date", "Wednesday", "2025-02-12")]),
    ("The certificate was presented at 3.00pm.", [R("time", "3.00pm", 900)]),
    ("At 1:03:50 a.m. the laser fired.", [R("time", "1:03:50 a.m.", 63)]),
    ("Doors open at 10:30 a.m. sharp.", [R("time", "10:30 a.m.", 630)]),
    ("It happened at 3 p.m. local time.", [R("time", "3 p.m. local time", 900)]),
    ("The hearing resumes at 10:30.", [R("time", "10:30", 630)]),
    ("Talks ended just before 5 pm.", [R("time", "just before 5 pm", 1020, None, "before")]),
    ("Bars must close by midnight.", [R("time", "by midnight", 0, None, "before")]),
    ("The blast came at 7:45 am Beijing time.",
     [R("time", "7:45 am Beijing time", 465, "Beijing time")]),
    ("The flight lands at 8 am GMT+8.", [R("time", "8 am GMT+8", 480, "UTC+08:00")]),
    ("The report was released at 9 a.m. ET.", [R("time", "9 a.m. ET", 540, "ET")]),
    ("At around 11 pm the power failed.", [R("time", "around 11 pm", 1380, None, "about")]),
]

INDIAN = [
    ("Each family gets Rs 4 lakh.", [R("money", "Rs 4 lakh", 4e5, "INR")]),
    ("The state paid ₹3 crore.", [R("money", "₹3 crore", 3e7, "INR")]),
    ("The company posted a profit of Rs 1,200 crore.",
     [R("money", "Rs 1,200 crore", 1.2e10, "INR")]),
    ("The project costs Rs. 20 lakh.", [R("money", "Rs. 20 lakh", 2e6, "INR")]),
    ("The fine was INR 2.5 crore.", [R("money", "INR 2.5 crore", 2.5e7, "INR")]),
    ("The plan costs Rs 1.5 lakh crore.", [R("money", "Rs 1.5 lakh crore", 1.5e12, "INR")]),
    ("He paid ₹50,000 in fees.", [R("money", "₹50,000", 5e4, "INR")]),
    ("She paid Rs 12,34,567 in tax.", [R("money", "Rs 12,34,567", 1234567.0, "INR")]),
    ("The trust gave Rupees 500 crore.", [R("money", "Rupees 500 crore", 5e9, "INR")]),
    ("He won 5 lakh rupees.", [R("money", "5 lakh rupees", 5e5, "INR")]),
    ("It is a Rs 500-crore project.", [R("money", "Rs 500-crore", 5e9, "INR")]),
    ("The state gave ₹ 3 crore.", [R("money", "₹ 3 crore", 3e7, "INR")]),
    ("He paid Rs4 lakh.", [R("money", "Rs4 lakh", 4e5, "INR")]),
    ("About 4 lakh people attended.", [R("count", "About 4 lakh people", 400000, "person", "about")]),
    ("Nearly 1.2 crore voters turned out.",
     [R("count", "Nearly 1.2 crore voters", 12000000, "voter", "nearly")]),
]

NOTHING = [
    "They drove along Route 66.",
    "A 24-hour store opened nearby.",
    "The channel runs 24-hour news.",
    "7-Eleven said sales were flat.",
    "The 1990s were a boom decade.",
    "The airline grounded its Boeing 737 fleet.",
    "The COVID-19 pandemic changed work.",
    "The G7 met again.",
    "For details, call 555-0123.",
    "Reach the desk at +1 212 555 0199.",
    "He lives at 10 Downing Street.",
    "Area 51 is closed to the public.",
    "Traffic jammed the M25 motorway.",
    "One day the phone rang.",
    "Once a year they meet.",
    "A second tremor hit the town.",
    "Wait a minute, he said.",
    "The ratio was 3:1 in favor.",
    "John 3:16 was on the banner.",
    "The team won 3-1 at home.",
    "Shares rose to 5.9 on the news.",
    "He is one of the founders.",
    "Nine out of 10 doctors agree.",
    "The three were taken to hospital.",
    "It happened in the morning.",
    "She saw a 3-D film.",
    "The quake shook the region.",
]


def _ids(cases):
    return [c[0][:40] for c in cases]


ALL = COUNTS_WITHOUT_NOUN + COMPOUNDS + QUANTITIES + DURATIONS + AGES + TIMES + INDIAN


@pytest.mark.parametrize("sentence,expected", ALL, ids=_ids(ALL))
def test_forms(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence", NOTHING)
def test_nothing(sentence):
    assert find_values(sentence, PUB) == []


def test_at_least_120_sentences():
    assert len(ALL) + len(NOTHING) >= 120


def test_precision_in_the_canonical_unit():
    """A converted figure keeps the precision it was written to, in the canonical unit."""
    def prec(sentence):
        v, = find_values(sentence, PUB)
        return v.precision
    assert prec("It was 50 miles away.") == pytest.approx(1.609344)       # to the mile
    assert prec("It was about 50 miles away.") == pytest.approx(16.09344)  # to ten miles
    assert prec("It was 49.7 miles away.") == pytest.approx(0.1609344)
    assert prec("It lasted three years.") == pytest.approx(Y)              # a whole year: ±half
    assert prec("It lasted four and a half years.") == pytest.approx(Y / 2)
    assert prec("It lasted 32 months.") == pytest.approx(M)
    assert prec("It struck at 4 am.") == 60                                # to the hour
    assert prec("It struck at 4:45 am.") == 1                              # to the minute
    assert prec("A 5.9-magnitude quake struck.") == pytest.approx(0.1)
    assert prec("It burned 2.05 megajoules.") == pytest.approx(1e4)


def test_a_long_unpunctuated_sentence_stays_linear():
    rnd = random.Random(12)
    words = ("4 4:45 am pm 10km 5.9 magnitude magnitude-6.6 years months half and a 1/2 ½ "
             "dead were hurt toll rose to 23 aged , ( ) - Rs lakh crore ₹ GMT local time "
             "killing no one of the six counts 18,500-seat 24-hour store 30-year-old "
             "more than about between shortly after midnight noon 8.30pm 2345").split()
    text = " ".join(rnd.choice(words) for _ in range(40_000))[:200_000]
    start = time.process_time()
    got = find_values(text, PUB)
    assert time.process_time() - start < 1.0
    assert len(got) > 1000
