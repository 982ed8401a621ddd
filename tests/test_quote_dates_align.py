"""Year-less dates are compared by month and day; quotes align by their words."""

from __future__ import annotations

import json

from tests.cli_helpers import run, write


def _findings(folder):
    code, out, err = run("check", str(folder), "--format", "json", "-o", "-", "--no-baseline")
    assert code in (0, 1), err
    return json.loads(out[: out.rindex("}") + 1])["findings"]


def _story(tmp_path, a: str, b: str):
    write(tmp_path / "s" / "alpha.txt", a)
    write(tmp_path / "s" / "beta.txt", b)
    return tmp_path / "s"


def test_year_less_dates_agree_on_month_and_day(tmp_path):
    story = _story(tmp_path, "The Harwick council approved the Orlen bridge plan on Oct. 9.\n",
                   "The Harwick council approved the Orlen bridge plan on 9 October.\n")
    dates = [f for f in _findings(story) if f["kind"] == "date"]
    assert [f["verdict"] for f in dates] == ["agreement"]


def test_year_less_dates_differ_on_the_day(tmp_path):
    story = _story(tmp_path, "The Harwick council approved the Orlen bridge plan on Oct. 9.\n",
                   "The Harwick council approved the Orlen bridge plan on Oct. 11.\n")
    dates = [f for f in _findings(story) if f["kind"] == "date"]
    assert [f["verdict"] for f in dates] == ["discrepancy"]


def test_the_same_words_credited_to_another_speaker_are_the_same_quote(tmp_path):
    words = "We will rebuild every school that the floods took from this valley"
    # (both articles name Harwick: two articles that share no name are two stories)
    story = _story(tmp_path, f"“{words},” Harwick governor Ada Mbeki said on Monday.\n",
                   f"“{words},” said Tomas Reyes, Harwick's deputy governor.\n")
    quotes = [f for f in _findings(story) if f["kind"] == "quote"]
    assert len(quotes) == 1 and len(quotes[0]["claims"]) == 2


def test_quotes_sharing_one_word_are_not_paired(tmp_path):
    story = _story(tmp_path, "“It is the final time,” Ada Mbeki said.\n",
                   "“Our valley has waited a long time for schools, roads and clinics,” Ada Mbeki said.\n")
    quotes = [f for f in _findings(story) if f["kind"] == "quote"]
    assert all(len(f["claims"]) == 1 for f in quotes)


def test_a_reworded_short_quote_is_paired_and_differs(tmp_path):
    story = _story(tmp_path, "“Margo built Tallis into what it is today,” Ivo Brandt said.\n",
                   "“Margo made Tallis into what it is today,” Ivo Brandt said.\n")
    quotes = [f for f in _findings(story) if f["kind"] == "quote"]
    assert len(quotes) == 1 and quotes[0]["verdict"] == "discrepancy"
