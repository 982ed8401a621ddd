"""Table-driven tests for the article's own date (checker/extract/values/dateline.py).

Every header, outlet, place and person here is invented.  Each case is the top
of an article; the expected value is the date it gives (ISO, ``--MM-DD`` when
the year is unknown, None for no date) and the dateline or date line read.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
import yaml

from checker.extract import extract_rows
from checker.extract.values.dateline import find_dateline
from checker.lexicon import load_lexicon
from checker.records import Source
from checker.sources import load_source
from tests.cli_helpers import run, write

BODY = "The council said the bridge would reopen.\n"

CASES = [
    # datelines opening the first paragraph
    ("CORVANT, Oct. 14 (Halyard Wire) - The port reopened on Tuesday.\n",
     "--10-14", "CORVANT, Oct. 14 (Halyard Wire) -"),
    ("PUERTO ALBA, Maretia, April 19 (PNS) -- A tremor shook the coast.\n",
     "--04-19", "PUERTO ALBA, Maretia, April 19 (PNS) --"),
    ("DUNHOLT, Apr 19 – Officials closed the pass.\n", "--04-19", "DUNHOLT, Apr 19 –"),
    ("VELMORE, 3 March (Brisk News) — Farmers blocked the ring road.\n",
     "--03-03", "VELMORE, 3 March (Brisk News) —"),
    ("ST. ARDEN, Sept. 2, 2024 (Lantern Press) - The mill shut.\n",
     "2024-09-02", "ST. ARDEN, Sept. 2, 2024 (Lantern Press) -"),
    ("SÃO QUILO, 9 June (Folha Nova) – Ferries stopped.\n", "--06-09",
     "SÃO QUILO, 9 June (Folha Nova) –"),
    ("Bridge to reopen\n\nKESSOW, Nov. 30 (Ridge Wire) - The bridge reopens.\n",
     "--11-30", "KESSOW, Nov. 30 (Ridge Wire) -"),
    ("Oct. 14, 2025 — The harbour board met late into the night.\n", "2025-10-14",
     "Oct. 14, 2025 —"),
    # a wire's dateline with the place written as a name: the agency is required
    ("Corvane (Norvane), Aug 12 (IANS) Ada Brisk on Saturday joined Vela.\n", "--08-12",
     "Corvane (Norvane), Aug 12 (IANS)"),
    ("New Vela, Aug 12 (PTI) The court said the bridge would reopen.\n", "--08-12", "New Vela, Aug 12 (PTI)"),
    ("The Vela, Aug 12 (Reuters) - Judges ruled.\n", "--08-12", "The Vela, Aug 12 (Reuters) -"),
    ("A Corvane, Aug 12 (EFE) - Rain fell.\n", "--08-12", "A Corvane, Aug 12 (EFE) -"),
    ("Vela, Aug 12 (Bloomberg) - Shares fell.\n", "--08-12", "Vela, Aug 12 (Bloomberg) -"),
    # date lines
    ("October 14, 2025 —\n" + BODY, "2025-10-14", "October 14, 2025 —"),
    ("Tram fares to rise\nFebruary 23, 2011 in Metro/Region\n\n" + BODY,
     "2011-02-23", "February 23, 2011 in Metro/Region"),
    ("April 19, 2010 12:00 am\n\n" + BODY, "2010-04-19", "April 19, 2010 12:00 am"),
    ("Published 14 October 2025\n\n" + BODY, "2025-10-14", "Published 14 October 2025"),
    ("Updated: 3:15 PM EST, Tue March 7, 2023\n\n" + BODY, "2023-03-07",
     "Updated: 3:15 PM EST, Tue March 7, 2023"),
    ("By Petra Vallin | Sept. 21, 2017\n\n" + BODY, "2017-09-21",
     "By Petra Vallin | Sept. 21, 2017"),
    ("2017-09-21\n\n" + BODY, "2017-09-21", "2017-09-21"),
    ("Wed 20 Sep 2017 10.41 BST\n\n" + BODY, "2017-09-20", "Wed 20 Sep 2017 10.41 BST"),
    ("21/09/2017\n\n" + BODY, "2017-09-21", "21/09/2017"),
    ("09/21/2017\n\n" + BODY, "2017-09-21", "09/21/2017"),
    ("Posted in News on March 3, 2024 at 9:00 a.m.\n\n" + BODY, "2024-03-03",
     "Posted in News on March 3, 2024 at 9:00 a.m."),
    ("Tuesday, October 14, 2025\n\n" + BODY, "2025-10-14", "Tuesday, October 14, 2025"),
    ("OCT. 14, 2025 / 9:00 AM / Updated 2 hours ago\n\n" + BODY, "2025-10-14",
     "OCT. 14, 2025 / 9:00 AM / Updated 2 hours ago"),
    ("Ferry strike ends\n\nBy Odile Marsh and Kwame Asante, Staff Writers\n14 May 2025\n\n" + BODY,
     "2025-05-14", "14 May 2025"),
    ("12 January 2025 • 6 min read\n\n" + BODY, "2025-01-12", "12 January 2025 • 6 min read"),
    # a year-less dateline takes its year from another date line
    ("Published Jan. 2, 2024\n\nBERNLOW, Dec. 30 (Alp Wire) - Snow fell.\n",
     "2023-12-30", "BERNLOW, Dec. 30 (Alp Wire) -"),
    ("Last updated 9:15 a.m. Apr 20, 2015\nHAVERN, Apr 19 – The dam held.\n",
     "2015-04-19", "HAVERN, Apr 19 –"),
    # no date
    ("Postado Setembro 22, 2017\n\n" + BODY, None, None),
    ("05/06/2017\n\n" + BODY, None, None),                       # day and month ambiguous
    ("The council voted on October 14, 2025 to close the library.\n", None, None),
    ("On Feb. 3, 2024, the mayor of Corvant resigned.\n", None, None),
    ("Vote Set for March 3, 2024 as Council Splits\n\n" + BODY, None, None),   # a headline
    ("Route 66\n\n" + BODY, None, None),
    ("ELECTION DAY: NOV. 5, 2024\n\n" + BODY, None, None),      # a headline in capitals
    ("March 3 – the day the bridge closed.\n", None, None),
    ("March 2024\n\n" + BODY, None, None),                      # a month, not a day
    ("2017\n\n" + BODY, None, None),                              # a year alone
    ("Spring 2019\n\n" + BODY, None, None),
    ("KESSOW (Ridge Wire) - The bridge reopens.\n", None, None),   # a dateline without a date
    ("KESSOW, May 5 is the day the bridge reopens.\n", None, None),
    ("Corvane, Aug 12 — The board met.\n", None, None),           # a name's dateline needs the agency
    ("In Corvane, Aug 12 (a Monday) was quiet.\n", None, None),
    ("In Corvane, Aug 12 (Monday) was quiet.\n", None, None),        # a function word, a weekday
    ("The Vela Festival, July 4 (Saturday) drew crowds.\n", None, None),
    ("Tuesday, March 3 (Super Tuesday) will decide it.\n", None, None),
    ("Corvane, May 4 (GMT) markets opened.\n", None, None),          # a time zone is no agency
    ("Corvane, May 4 (ET) markets opened.\n", None, None),
    ("In Corvane, Aug 12 (PTI) was quiet.\n", None, None),           # a function word is no place
    ("Ada Brisk, May 4 (Corvane FC) was named captain.\n", None, None),
    ("February 30, 2024\n\n" + BODY, None, None),                 # no such day
    ("Bridge to reopen\n\n" + "The council met again to talk about the bridge. " * 10
     + "\nOctober 14, 2025\n", None, None),                       # far down the text
    ("Bridge to reopen\n" + "\n".join(f"Line {n} of the story." for n in range(9))
     + "\nOctober 14, 2025\n", None, None),                       # after the first lines
    ("", None, None),
    ("   \n\n  \n", None, None),
]
from checker.extract.frames.facts import FACT_KINDS

STATEMENTS = ("statement", *FACT_KINDS)  # sentence frames and statement facts: not dates


@pytest.mark.parametrize("text,iso,raw", CASES)
def test_dateline_table(text, iso, raw):
    got = find_dateline(text)
    if iso is None:
        assert got is None, got
        return
    assert got is not None
    assert (got.iso, got.raw) == (iso, raw)
    assert any(text[s:e] == raw for s, e in got.spans)


def test_every_top_date_line_is_listed():
    text = "Published 14 October 2025\n\nCORVANT, Oct. 14 (Halyard Wire) - The port reopened.\n"
    got = find_dateline(text)
    assert got.date == dt.date(2025, 10, 14)
    assert [text[s:e] for s, e in got.spans] == [
        "Published 14 October 2025", "CORVANT, Oct. 14 (Halyard Wire) -"]


def test_pathological_headers_are_fast():
    for text in ["A" * 200_000, "AB, " * 50_000, ("ABC " * 40 + ", Oct. ") * 2000,
                 "By " + "Jane " * 40_000 + "| Sept. 21, 2017", "1" * 200_000,
                 ("Oct. 1 " * 30_000)]:
        t0 = time.perf_counter()
        find_dateline(text)
        assert time.perf_counter() - t0 < 0.5


# ------------------------------------------------------------ extraction

LEX = load_lexicon([yaml.safe_load((Path(__file__).resolve().parents[1] / "rules" / "lexicon.yaml")
                                    .read_text(encoding="utf-8"))])


def _rows(text: str, meta=None):
    src = Source(id="a", path="a.txt", text=text, plain=text, meta=meta or {})
    return src, [r for r in extract_rows(src, LEX) if r["kind"] not in STATEMENTS]


def test_dateline_is_not_a_claim_and_dates_the_story():
    text = ("CORVANT, Oct. 14, 2025 (Halyard Wire) - The port authority said on Tuesday "
            "it would hire 300 dockers.\n")
    src, rows = _rows(text)
    assert src.published == dt.date(2025, 10, 14)
    assert [(r["kind"], r["raw"], r["value"], r["resolved"]) for r in rows] == [
        ("date", "Tuesday", "2025-10-14", True), ("count", "300 dockers", 300, True)]


def test_date_line_yields_no_rows_and_resolves_relative_dates():
    text = ("Wed 20 Sep 2017 10.41 BST\n\n"
            "The ferry company said yesterday that fares would rise last month's 4% "
            "again next year, and the union meets on Oct. 9.\n")
    src, rows = _rows(text)
    assert src.published == dt.date(2017, 9, 20)
    got = [(r["kind"], r["raw"], r["value"]) for r in rows]
    assert ("date", "yesterday", "2017-09-19") in got
    assert ("year", "next year", 2018) in got
    assert ("date", "Oct. 9", "2017-10-09") in got
    assert all(r["line"] > 1 for r in rows)


def test_year_less_dateline_keeps_a_weekday_a_weekday():
    text = ("DUNHOLT, Apr 19 – Officials closed the pass on Tuesday after 12 avalanches "
            "since March 30.\n")
    src, rows = _rows(text)
    assert src.published is None and src.dateline.iso == "--04-19"
    got = [(r["kind"], r["raw"], r["value"], r["resolved"]) for r in rows]
    assert ("date", "Tuesday", "Tuesday", True) in got  # the day is unknown; its weekday is stated
    assert ("date", "March 30", "--03-30", True) in got  # no year, but month and day are compared
    assert not any(r["raw"].startswith("Apr") for r in rows)


def test_front_matter_wins_over_the_dateline(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: Pass closed\npublished: 2026-04-20\n---\n\n"
                 "DUNHOLT, Apr 19, 2025 – Officials closed the pass on Tuesday.\n")
    src = load_source(path)
    assert src.front_published == src.published == dt.date(2026, 4, 20)
    assert src.dateline.date == dt.date(2025, 4, 19)     # found, and still not a claim
    rows = [r for r in extract_rows(src, LEX) if r["kind"] not in STATEMENTS]
    assert [(r["raw"], r["value"]) for r in rows] == [("Tuesday", "2026-04-14")]


def test_front_matter_without_published_uses_the_dateline(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: Pass closed\noutlet: Ridge Wire\n---\n\n"
                 "# Pass closed\n\n**DUNHOLT**, Apr. 19, 2025 (Ridge Wire) – Officials "
                 "closed the pass on Friday.\n")
    src = load_source(path)
    assert src.published == dt.date(2025, 4, 19)
    rows = [r for r in extract_rows(src, LEX) if r["kind"] not in STATEMENTS]
    assert [(r["raw"], r["value"]) for r in rows] == [("Friday", "2025-04-18")]


def test_a_date_in_the_story_is_not_the_articles_date():
    text = "The council voted on October 14, 2025 to close the library on Friday.\n"
    src, rows = _rows(text)
    assert src.dateline is None and src.published is None
    got = [(r["raw"], r["value"], r["resolved"]) for r in rows]
    assert got == [("October 14, 2025", "2025-10-14", True), ("Friday", "Friday", True)]  # a weekday only


# ------------------------------------------------------------ through the CLI

WIRE = """Harbour board approves ferry terminal

Updated 9:40 a.m. EDT, Wed Sept. 20, 2023

PELLMOUTH, Sept. 20 (Coastline Wire) - The Pellmouth harbour board on Tuesday approved a $48 million ferry terminal, its chair Ines Varga said.
"""

PAPER = """Ferry terminal gets the green light

By Tobias Wren | Sept. 20, 2023

The Pellmouth harbour board voted on Sept. 19 to approve the $48 million terminal, board chair Ines Varga said.
"""


def test_cli_extract_json_resolves_from_datelines(tmp_path):
    write(tmp_path / "story" / "wire.txt", WIRE)
    write(tmp_path / "story" / "paper.txt", PAPER)
    code, out, err = run("extract", str(tmp_path / "story"), "--format", "json")
    assert code == 0, err
    rows = [r for r in json.loads(out) if r["kind"] not in (*STATEMENTS, "paraphrase")]
    got = sorted((r["source"], r["kind"], r["raw"], r["value"]) for r in rows)
    assert got == [("paper", "date", "Sept. 19", "2023-09-19"),
                   ("paper", "money", "$48 million", 48e6),
                   ("wire", "date", "Tuesday", "2023-09-19"),
                   ("wire", "money", "$48 million", 48e6)]


def test_cli_check_weekday_and_month_day_agree(tmp_path):
    write(tmp_path / "story" / "wire.txt", WIRE)
    write(tmp_path / "story" / "paper.txt", PAPER)
    code, out, err = run("check", str(tmp_path / "story"), "--format", "json",
                         "-o", str(tmp_path / "r.json"))
    assert code == 0, err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    dates = [f for f in report["findings"] if f["kind"] == "date"]
    assert len(dates) == 1 and dates[0]["verdict"] == "agreement"
    assert sorted((c["source"], c["raw"], c["value"]) for c in dates[0]["claims"]) == [
        ("paper", "Sept. 19", "2023-09-19"), ("wire", "Tuesday", "2023-09-19")]
    assert {s["id"]: s["published"] for s in report["sources"]} == {
        "paper": "2023-09-20", "wire": "2023-09-20"}


def test_cli_check_weekday_disagrees_with_a_different_day(tmp_path):
    write(tmp_path / "story" / "wire.txt", WIRE)
    write(tmp_path / "story" / "paper.txt", PAPER.replace("Sept. 19", "Sept. 18"))
    code, out, err = run("check", str(tmp_path / "story"), "--format", "json",
                         "-o", str(tmp_path / "r.json"))
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    dates = [f for f in report["findings"] if f["kind"] == "date"]
    assert [f["verdict"] for f in dates] == ["discrepancy"], dates


# ------------------------------------------------------------ the address's date

@pytest.mark.parametrize("url,iso", [
    ("https://news.example/world/2023/09/20/ferry-terminal-approved/", "2023-09-20"),
    ("https://news.example/2023-09-20-ferry-terminal", "2023-09-20"),
    ("https://paper.example/region/2023-09/20/content_1234.htm", "2023-09-20"),
    ("https://paper.example/2023/09/20", "2023-09-20"),
    ("https://paper.example/2023/9/5/ferry", "2023-09-05"),                # not padded
    ("https://paper.example/2023/09-20/ferry", None),                     # separators mixed
    ("https://paper.example/2023/09/ferry-terminal-approved.html", None),  # no day
    ("https://paper.example/2023/02/30/a-day-that-never-was/", None),
    ("https://paper.example/story/20230920/ferry", None),                # digits run together
    ("https://paper.example/story?date=2023/09/20", None),               # not the path
    ("https://paper.example/article/4412/2023-ferry-terminal", None),
    (None, None),
])
def test_url_date(url, iso):
    from checker.extract.values.dateline import url_date
    got = url_date(url)
    assert (got.isoformat() if got else None) == iso


def test_the_address_dates_an_article_with_no_other_date(tmp_path):
    fm = "---\noutlet: Coastline Wire\nurl: https://wire.example/2023/09/20/ferry/\n---\n"
    src = load_source(write(tmp_path / "a.md", fm + "The board met on Tuesday.\n"))
    assert src.published == dt.date(2023, 9, 20)
    rows = [r for r in extract_rows(src, LEX) if r["kind"] not in STATEMENTS]
    assert [(r["raw"], r["value"]) for r in rows] == [("Tuesday", "2023-09-19")]
    # a dateline in the text wins over the address
    src = load_source(write(tmp_path / "b.md", fm + "PELLMOUTH, Sept. 27 (Coastline Wire) - "
                            "The board met on Tuesday.\n"))
    assert src.published.month == 9 and src.published.day == 27


def test_cli_a_week_holds_the_days_of_its_week(tmp_path):
    wire = ("---\nurl: https://wire.example/2023/09/18/ferry/\n---\n"
            "The Pellmouth harbour board is expected to approve the ferry terminal this week, "
            "its chair Ines Varga said.\n")
    paper = ("The Pellmouth harbour board approved the ferry terminal on Sept. {d}, 2023, "
             "its chair Ines Varga said.\n")
    verdicts = {}
    for day in (20, 26):
        write(tmp_path / str(day) / "wire.md", wire)
        write(tmp_path / str(day) / "paper.txt", paper.format(d=day))
        code, out, err = run("check", str(tmp_path / str(day)), "--format", "json",
                             "-o", str(tmp_path / f"{day}.json"))
        report = json.loads((tmp_path / f"{day}.json").read_text(encoding="utf-8"))
        dates = [f for f in report["findings"] if f["kind"] == "date"]
        assert len(dates) == 1, dates
        verdicts[day] = dates[0]["verdict"]
    assert verdicts == {20: "agreement", 26: "discrepancy"}   # 2023-W38 is Sept. 18-24
