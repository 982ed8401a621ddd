"""End-to-end: stories written for the tests, checked through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli

BASE_A = (
    "Acme Corp agreed on Tuesday to buy Globex for $3.2 billion, the companies said.\n"
    "Acme was founded in 1998 by Jane Roe, who still runs it.\n"
    "Globex shares have dropped 12% this year as sales slowed.\n"
    "Globex employs 1,200 people at its plant in Springfield.\n"
    "“We are thrilled to welcome Globex to the family,” Roe said in a statement.\n"
)
BASE_B = (
    "Globex will be acquired by Acme Corp in a US$3.2bn deal, the firms announced.\n"
    "Roe, who founded Acme in 1998, was upbeat.\n"
    "“We are thrilled to welcome Globex to the family,” she said.\n"
    "The company's stock has fallen 12 percent this year.\n"
    "Globex has 1,200 employees in Springfield.\n"
)


def run_check(tmp_path: Path, files: dict[str, str], *args: str):
    story = tmp_path / "story"
    story.mkdir(exist_ok=True)
    for name, text in files.items():
        (story / name).write_text(text, encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["check", str(story), "--format", "json", "--output", str(out), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    return result.exit_code, doc


def verdicts(doc, verdict):
    return [f for f in doc["findings"] if f["verdict"] == verdict]


def values(finding):
    return sorted(str(c["value"]) for c in finding["claims"])


def test_consistent_story_agrees_on_every_kind(tmp_path):
    code, doc = run_check(tmp_path, {"a.txt": BASE_A, "b.txt": BASE_B})
    assert code == 0
    assert verdicts(doc, "discrepancy") == []
    kinds = sorted(f["kind"] for f in verdicts(doc, "agreement"))
    assert kinds == ["count", "money", "outcome", "percent", "quote", "year"]  # outcome: shares fell in both


@pytest.mark.parametrize("old,new,kind,expected", [
    ("US$3.2bn", "US$3.5bn", "money", ["3200000000.0", "3500000000.0"]),
    ("founded Acme in 1998", "founded Acme in 1999", "year", ["1998", "1999"]),
    ("fallen 12 percent", "fallen 15 percent", "percent", ["12.0", "15.0"]),
    ("1,200 employees", "1,300 employees", "count", ["1200", "1300"]),
])
def test_each_kind_changed_in_one_source_is_a_discrepancy(tmp_path, old, new, kind, expected):
    assert old in BASE_B
    code, doc = run_check(tmp_path, {"a.txt": BASE_A, "b.txt": BASE_B.replace(old, new)})
    bad = verdicts(doc, "discrepancy")
    assert code == 1
    assert [f["kind"] for f in bad] == [kind]
    assert values(bad[0]) == expected
    assert sorted(c["source"] for c in bad[0]["claims"]) == ["a", "b"]


def test_changed_word_in_quote_is_a_warning_discrepancy(tmp_path):
    changed = BASE_B.replace("We are thrilled to welcome", "We are delighted to welcome")
    code, doc = run_check(tmp_path, {"a.txt": BASE_A, "b.txt": changed})
    bad = verdicts(doc, "discrepancy")
    assert [f["kind"] for f in bad] == ["quote"]
    assert bad[0]["level"] == "warning"
    assert "thrilled" in bad[0]["message"] and "delighted" in bad[0]["message"]
    assert code == 0  # the default gate fails on errors only
    code, _ = run_check(tmp_path, {"a.txt": BASE_A, "b.txt": changed}, "--fail-on", "warning")
    assert code == 1


@pytest.mark.parametrize("written", ["$3,200,000,000", "3.2 billion dollars", "$3.2B", "US$ 3.2 billion"])
def test_same_amount_in_other_formats_agrees(tmp_path, written):
    b = BASE_B.replace("US$3.2bn", written)
    code, doc = run_check(tmp_path, {"a.txt": BASE_A, "b.txt": b})
    money = [f for f in doc["findings"] if f["kind"] == "money"]
    assert [f["verdict"] for f in money] == ["agreement"]
    assert code == 0


def test_three_sources_one_disagrees(tmp_path):
    c = BASE_B.replace("US$3.2bn", "US$3.5bn").replace("Globex has 1,200", "Globex has 1,200")
    code, doc = run_check(tmp_path, {"a.txt": BASE_A, "b.txt": BASE_B, "c.txt": c})
    bad = verdicts(doc, "discrepancy")
    assert code == 1
    assert len(bad) == 1 and bad[0]["kind"] == "money"
    assert sorted(c["source"] for c in bad[0]["claims"]) == ["a", "b", "c"]
    year = [f for f in verdicts(doc, "agreement") if f["kind"] == "year"]
    assert len(year) == 1 and len(year[0]["claims"]) == 3


UNRELATED = (
    "Springfield Rovers beat Shelbyville 3-1 on Saturday in front of 45,000 fans.\n"
    "The club, founded in 1902, has now won eight games in a row.\n"
    "Tickets cost $45 each, up 10% from last season.\n"
)


def test_unrelated_article_gives_no_discrepancy(tmp_path):
    code, doc = run_check(tmp_path, {"a.txt": BASE_A, "z.txt": UNRELATED})
    assert verdicts(doc, "discrepancy") == []
    assert verdicts(doc, "agreement") == []
    assert code == 0


def test_bid_and_valuation_are_never_paired(tmp_path):
    a = "Initech made a $4 billion offer for Umbrella Corp in March, people familiar with the matter said.\n"
    b = "Umbrella Corp was valued at $5 billion in its last funding round, investors said.\n"
    code, doc = run_check(tmp_path, {"a.txt": a, "b.txt": b})
    assert verdicts(doc, "discrepancy") == []
    money = [f for f in doc["findings"] if f["kind"] == "money"]
    assert sorted(f["verdict"] for f in money) == ["single_source", "single_source"]
    assert code == 0


def test_two_years_for_two_events_are_not_paired(tmp_path):
    a = "Roe joined Acme in 2005. She stepped down as chief executive in 2015.\n"
    b = "Roe, who joined the company in 2005, left the top job in 2015.\n"
    code, doc = run_check(tmp_path, {"a.txt": a, "b.txt": b})
    assert verdicts(doc, "discrepancy") == []
    agreed = sorted(values(f)[0] for f in verdicts(doc, "agreement"))
    assert agreed == ["2005", "2015"]
    assert code == 0


def test_departure_year_changed_names_both_lines(tmp_path):
    a = "Intro line.\nJane Roe left the board of Acme in 2018, the filing shows.\n"
    b = "Roe quit Acme's board in 2019 after a dispute, the filing shows.\n"
    code, doc = run_check(tmp_path, {"a.txt": a, "b.txt": b})
    bad = verdicts(doc, "discrepancy")
    assert code == 1
    assert len(bad) == 1
    assert sorted((c["source"], c["line"]) for c in bad[0]["claims"]) == [("a", 2), ("b", 1)]
    assert "a:2" in bad[0]["message"] and "b:1" in bad[0]["message"]


def test_paraphrased_fact_is_paired(tmp_path):
    a = "Jane Roe stepped down as chief executive of Acme in 2015 after a decade in charge.\n"
    b = "Acme's former boss, who left the company in 2015, now advises start-ups.\n"
    code, doc = run_check(tmp_path, {"a.txt": a, "b.txt": b})
    assert [f["verdict"] for f in doc["findings"] if f["kind"] == "year"] == ["agreement"]
    assert code == 0


def test_markdown_report_lists_discrepancy_first(tmp_path):
    story = tmp_path / "acme-deal"
    story.mkdir()
    (story / "a.md").write_text("---\ntitle: Acme buys Globex\noutlet: Gazette\n---\n" + BASE_A, encoding="utf-8")
    (story / "b.md").write_text(BASE_B.replace("US$3.2bn", "US$3.5bn"), encoding="utf-8")
    out = tmp_path / "out" / "r.md"
    result = CliRunner().invoke(cli, ["check", str(story), "--output", str(out)])
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert text.index("## Discrepancies") < text.index("## Agreements") < text.index("## Single-source claims")
    assert "Acme buys Globex" in text and "Gazette" in text
    section = text[text.index("## Discrepancies"):text.index("## Agreements")]
    assert "**\\$3.2 billion**" in section and "**US\\$3.5bn**" in section
    assert "1 discrepancies" in result.output or "1 discrepanc" in result.output
    assert str(out) in result.output


# A weekday in an article with no date of its own ("on Thursday") names a day
# that cannot be placed; its weekday is still stated and compared: with other
# weekdays, and with the weekday of a full date (15 January 2026 is a Thursday).
WEEKDAY = "Harwick Mills announced on {day} that it will close its Orlen plant.\n"


@pytest.mark.parametrize("other, verdict", [
    (WEEKDAY.format(day="Thursday"), "agreement"),
    (WEEKDAY.format(day="Wednesday"), "discrepancy"),
    ("Harwick Mills announced on January 15, 2026 that it will close its Orlen plant.\n", "agreement"),
    ("Harwick Mills announced on January 14, 2026 that it will close its Orlen plant.\n", "discrepancy"),
])
def test_a_weekday_from_an_undated_article_is_compared(tmp_path, other, verdict):
    code, doc = run_check(tmp_path, {"a.txt": WEEKDAY.format(day="Thursday"), "b.txt": other})
    dates = [f for f in doc["findings"] if f["kind"] == "date"]
    assert [f["verdict"] for f in dates] == [verdict]
    assert doc["coverage"]["not_compared"].get("unresolved", 0) == 0
