"""Table-driven tests for dates and relative dates in checker.extract.values.find.

Sentences are invented; expected values were worked out by hand against a
publication date of Wednesday 2025-02-12 (ISO week 2025-W07).
"""

import datetime as dt

import pytest

from checker.extract.values.find import find_values

PUB = dt.date(2025, 2, 12)


def V(kind, raw, value, hedge=None, hi=None, resolved=True):
    return (kind, raw, value, hedge, hi, resolved)


def check(sentence, expected, published=PUB):
    got = find_values(sentence, published)
    assert [(v.kind, sentence[v.start:v.end]) for v in got] == [(e[0], e[1]) for e in expected]
    for v, (kind, raw, value, hedge, hi, resolved) in zip(got, expected):
        assert sentence[v.start:v.end] == raw
        assert v.value == value and type(v.value) is type(value), (raw, v.value)
        assert v.unit is None
        assert v.hedge == hedge, raw
        assert v.value_hi == hi, raw
        assert v.approx is False, raw
        assert v.resolved is resolved, raw


ABSOLUTE = [
    ("On February 10, 2025, the board met.", [V("date", "February 10, 2025", "2025-02-10")]),
    ("On Feb. 10, 2025, the board met.", [V("date", "Feb. 10, 2025", "2025-02-10")]),
    ("The vote was held Feb 10 in the capital.", [V("date", "Feb 10", "2025-02-10")]),
    ("He resigned on Feb. 10.", [V("date", "Feb. 10", "2025-02-10")]),
    ("The law took effect on 10 February 2025.", [V("date", "10 February 2025", "2025-02-10")]),
    ("The law took effect on 10 Feb. 2025.", [V("date", "10 Feb. 2025", "2025-02-10")]),
    ("The deal closed in October 2024.", [V("date", "October 2024", "2024-10")]),
    ("The deal closed in Oct. 2024.", [V("date", "Oct. 2024", "2024-10")]),
    ("The deal was first announced in July of 2019.", [V("date", "July of 2019", "2019-07")]),
    ("The filing is dated 2025-02-10.", [V("date", "2025-02-10", "2025-02-10")]),
    ("The filing is dated 2025/02/10.", [V("date", "2025/02/10", "2025-02-10")]),
    ("He was born on July 4, 1976.", [V("date", "July 4, 1976", "1976-07-04")]),
    ("The meeting is on the 10th of February.", [V("date", "10th of February", "2025-02-10")]),
    ("The deadline is February 10th.", [V("date", "February 10th", "2025-02-10")]),
    ("The summit runs Feb. 10-12.",
     [V("date", "Feb. 10-12", "2025-02-10", hedge="range", hi="2025-02-12")]),
    ("It was signed Monday, Feb. 10, 2025.", [V("date", "Feb. 10, 2025", "2025-02-10")]),
    ("The results came out in January.", [V("date", "January", "2025-01")]),
    ("The probe began in October.", [V("date", "October", "2024-10")]),
    ("Talks resume in May.", [V("date", "May", "2025-05")]),
    ("The ruling came on July 14.", [V("date", "July 14", "2024-07-14")]),
    ("It happened on Sept. 3.", [V("date", "Sept. 3", "2024-09-03")]),
    ("The June 5 deadline passed.", [V("date", "June 5", "2024-06-05")]),
    ("The probe widened last October.", [V("date", "last October", "2024-10")]),
    ("Sales slumped in mid-February.", [V("date", "February", "2025-02")]),
    ("He was hired in March 2021 and left in 2023.",
     [V("date", "March 2021", "2021-03"), V("year", "2023", 2023)]),
    ("The fire started on the night of 4 July.", [V("date", "4 July", "2024-07-04")]),
    # a date something lasts until is the nearest one, up to half a year ahead
    ("The freeze runs until June 30.", [V("date", "June 30", "2025-06-30")]),
    ("The freeze runs through the 31st of July.", [V("date", "31st of July", "2025-07-31")]),
    ("The freeze began on June 30.", [V("date", "June 30", "2024-06-30")]),
    ("The freeze runs through July.", [V("date", "July", "2025-07")]),
    ("The freeze began in July.", [V("date", "July", "2024-07")]),
    ("The freeze runs thru July.", [V("date", "July", "2025-07")]),
    ("She stayed in hospital until 2 January.", [V("date", "2 January", "2025-01-02")]),
    ("She stayed in hospital until the 2nd of September.", [V("date", "2nd of September", "2024-09-02")]),
]

RELATIVE = [
    ("Revenue fell last year.", [V("year", "last year", 2024)]),
    ("The plant opens this year.", [V("year", "this year", 2025)]),
    ("Output will rise next year.", [V("year", "next year", 2026)]),
    ("Last year's loss was large.", [V("year", "Last year", 2024)]),
    ("The vote is next month.", [V("date", "next month", "2025-03")]),
    ("The deal closed last month.", [V("date", "last month", "2025-01")]),
    ("The board met yesterday.", [V("date", "yesterday", "2025-02-11")]),
    ("The board meets tomorrow.", [V("date", "tomorrow", "2025-02-13")]),
    # parts of the article's day
    ("He could make his debut tonight against Vela.", [V("date", "tonight", "2025-02-12")]),
    ("Tonight's game starts at eight.", [V("date", "Tonight", "2025-02-12")]),
    ("The board met this morning.", [V("date", "this morning", "2025-02-12")]),
    ("Talks resumed this evening.", [V("date", "this evening", "2025-02-12")]),
    ("The board met on Monday.", [V("date", "Monday", "2025-02-10")]),
    ("The chief executive spoke Tuesday.", [V("date", "Tuesday", "2025-02-11")]),
    ("The report came out Wednesday.", [V("date", "Wednesday", "2025-02-12")]),
    ("The board meets next Friday.", [V("date", "next Friday", "2025-02-14")]),
    ("He resigned last Wednesday.", [V("date", "last Wednesday", "2025-02-05")]),
    ("Monday's meeting ran late.", [V("date", "Monday", "2025-02-10")]),
    ("Talks collapsed last week.", [V("date", "last week", "2025-W06")]),
    ("This week's episode aired.", [V("date", "This week", "2025-W07")]),
    ("The firm was sold two years ago.", [V("year", "two years ago", 2023)]),
    ("It launched three days ago.", [V("date", "three days ago", "2025-02-09")]),
    ("It launched a week ago.", [V("date", "a week ago", "2025-W06")]),
    ("The fund closed six months ago.", [V("date", "six months ago", "2024-08")]),
    ("Prices rose earlier this month.", [V("date", "this month", "2025-02")]),
    # a future in the weekday's clause: the coming day (the publication day is Wednesday)
    ("The board will meet on Monday.", [V("date", "Monday", "2025-02-17")]),
    ("The regulator is expected to rule Thursday.", [V("date", "Thursday", "2025-02-13")]),
    ("Vela is preparing to announce its results at the Corvane plant in Ostrava on Friday.",
     [V("date", "Friday", "2025-02-14")]),
    ("The board will vote Wednesday.", [V("date", "Wednesday", "2025-02-12")]),
    ("We'll know more on Tuesday.", [V("date", "Tuesday", "2025-02-18")]),
    # ... not a future after the weekday, across a verb of saying, or in another clause
    ("He said on Tuesday that he will resign.", [V("date", "Tuesday", "2025-02-11")]),
    ("The mayor, who will retire, said Monday the plan is ready.", [V("date", "Monday", "2025-02-10")]),
    ("The board will meet again; it met on Monday.", [V("date", "Monday", "2025-02-10")]),
    ("The company will appeal the ruling handed down on Monday.", [V("date", "Monday", "2025-02-10")]),
    ("Schools will remain closed after the storm that hit on Sunday.", [V("date", "Sunday", "2025-02-09")]),
    ("The government scrapped plans to raise fuel duty on Monday.", [V("date", "Monday", "2025-02-10")]),
    ("Will Smith arrived in Ostrava on Monday.", [V("date", "Monday", "2025-02-10")]),
    ("Voters expressed their will at the polls on Sunday.", [V("date", "Sunday", "2025-02-09")]),
    ("“We will rebuild,” the mayor vowed on Monday.", [V("date", "Monday", "2025-02-10")]),
    ("Officials who will oversee the recount met on Monday.", [V("date", "Monday", "2025-02-10")]),
    ("The union won't strike on Friday.", [V("date", "Friday", "2025-02-14")]),
    ("The vote is scheduled for Thursday.", [V("date", "Thursday", "2025-02-13")]),
    # a clause of time after a future is the future too; not after a past
    ("Journeys will be wrecked when the tram workers walk out on Thursday.",
     [V("date", "Thursday", "2025-02-13")]),
    ("The plant will close once the last order ships on Monday.", [V("date", "Monday", "2025-02-17")]),
    ("Fares will rise if the council approves the plan on Tuesday.", [V("date", "Tuesday", "2025-02-18")]),
    ("Fares rose when the council approved the plan on Tuesday.", [V("date", "Tuesday", "2025-02-11")]),
    ("Vela will appeal, the mayor said when asked on Monday.", [V("date", "Monday", "2025-02-10")]),
    ("Vela will appeal. When the board met on Monday, it voted.", [V("date", "Monday", "2025-02-10")]),
]

UNRESOLVED = [
    ("Revenue fell last year.", [V("date", "last year", "last year", resolved=False)]),
    # a weekday cannot be placed without the article's date, but it states its weekday
    ("The board met on Monday.", [V("date", "Monday", "Monday")]),
    ("He resigned last Monday.", [V("date", "last Monday", "Monday")]),
    ("Tuesday's quake was the worst.", [V("date", "Tuesday", "Tuesday")]),
    ("The board met yesterday.", [V("date", "yesterday", "yesterday", resolved=False)]),
    ("The board met this morning.", [V("date", "this morning", "this morning", resolved=False)]),
    ("The vote is next month.", [V("date", "next month", "next month", resolved=False)]),
    ("The firm was sold two years ago.",
     [V("date", "two years ago", "two years ago", resolved=False)]),
    ("He resigned on Feb. 10.", [V("date", "Feb. 10", "--02-10")]),  # no year, but month and day are stated
    ("The deal closed in October.", [V("date", "October", "--10", resolved=False)]),
    # an end month is compared by its month, as a year-less day is
    ("The freeze runs through January.", [V("date", "January", "--01")]),
    ("The pause lasts until March.", [V("date", "March", "--03")]),
    # an end month with a word between: still the end of a span
    ("The freeze runs through mid-January.", [V("date", "January", "--01")]),
    ("The pause lasts until early March.", [V("date", "March", "--03")]),
    ("The pause lasts through the end of January.", [V("date", "January", "--01")]),
    ("The firm reported in early March.", [V("date", "March", "--03", resolved=False)]),
    ("In March, the firm released a statement.", [V("date", "March", "--03", resolved=False)]),
    ("On February 10, 2025, the board met.", [V("date", "February 10, 2025", "2025-02-10")]),
    ("He left the company in 2018.", [V("year", "2018", 2018)]),
]

NOT_DATES = [
    "May we proceed with the vote?",
    "The March rally drew crowds.",
    "Black Friday sales rose.",
    "Revenue grew over the last year.",
    "The next year will be hard.",
    "He said today that the plan works.",
    "It was the last night of the tour.",
    "Northfield bosses refused to comment last night.",
    # the part of the day someone spoke in is not the day of what they spoke of
    "Vela said this afternoon that Corvane had left.",
    "Corvane has resigned, Vela told reporters tonight.",
    "He trains every morning.",
    "Mondays are slow at the office.",
    "They may be late.",
    "The memo was dated 10/2/2025.",
]


def _ids(cases):
    return [c[0][:40] for c in cases]


@pytest.mark.parametrize("sentence,expected", ABSOLUTE, ids=_ids(ABSOLUTE))
def test_absolute_dates(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence,expected", RELATIVE, ids=_ids(RELATIVE))
def test_relative_dates(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence,expected", UNRESOLVED, ids=_ids(UNRESOLVED))
def test_unresolved_without_publication_date(sentence, expected):
    check(sentence, expected, published=None)


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence):
    assert find_values(sentence, PUB) == []


def test_full_date_is_one_row():
    got = find_values("The board met on February 10, 2025.", PUB)
    assert [v.kind for v in got] == ["date"]


def test_datetime_published_is_accepted():
    got = find_values("The board met yesterday.", dt.datetime(2025, 2, 12, 18, 30))
    assert got[0].value == "2025-02-11"


def test_year_neighbourhood_of_publication():
    # published in late November: January is next year's, March this year's
    pub = dt.date(2024, 11, 20)
    assert find_values("It ends Jan. 5.", pub)[0].value == "2025-01-05"
    assert find_values("It began March 3.", pub)[0].value == "2024-03-03"
    assert find_values("It began in March.", pub)[0].value == "2024-03"
    assert find_values("It ends in January.", pub)[0].value == "2025-01"


def test_invalid_calendar_dates_are_not_dates():
    assert [v.kind for v in find_values("It was due Feb. 30, 2025.", PUB)] != ["date"]
    assert find_values("The filing is dated 2025-02-30.", PUB) == []
