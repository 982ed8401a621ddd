"""Numbers carry their precision: stated_precision, and comparison at it."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from checker.extract.values.precision import stated_precision
from checker.rules.comparators import exact, hedged_amount
from checker.rules.examples import example_claim


@pytest.mark.parametrize("raw, value, approx, want", [
    ("$8.3 billion", 8.3e9, False, 1e8),
    ("$41 billion", 41e9, False, 1e9),
    ("$8.27 billion", 8.27e9, False, 1e7),
    ("US$12.5bn", 12.5e9, False, 1e8),
    ("$12,500,000,000", 12.5e9, False, 1.0),
    ("£4.5m", 4.5e6, False, 1e5),
    ("4,812 votes", 4812, False, 1.0),
    ("4,200 people", 4200, False, 1.0),        # exact round figures are exact
    ("about 4,200 people", 4200, True, 100.0),  # hedged ones are rounded to the last non-zero digit
    ("1.2 million units", 1.2e6, False, 1e5),
    ("12.5%", 12.5, False, 0.1),
    ("36.6 per cent", 36.6, False, 0.1),
    ("Fourteen people", 14, False, 1.0),
    ("two million", 2e6, False, 1e6),
    ("Rs 4 lakh", 4e5, False, 1e5),
    ("three dozen", 36, False, 1.0),
])
def test_stated_precision(raw, value, approx, want):
    assert stated_precision(raw, value, approx) == pytest.approx(want)


def test_no_precision_without_a_number():
    assert math.isnan(stated_precision("Tuesday", "2024-03-05"))


def _frame(texts, kinds):
    claims = [example_claim(t, kinds) for t in texts]
    assert all(claims), texts
    return pd.DataFrame(claims).assign(group=0, source=[f"s{i}" for i in range(len(claims))])


MONEY = dict(relative=0.0, hedge_tolerance=0.1, rounding=True, inclusive=True)
COUNT = dict(hedge_tolerance=0.1, rounding=True, inclusive=False)


@pytest.mark.parametrize("a, b, agree, rounded", [
    ("$41 billion", "$40.8 billion", True, True),
    ("$8.3 billion", "$8.27 billion", True, True),
    ("$8.3 billion", "$8.5 billion", False, False),
    ("$8.2 billion", "$8.3 billion", False, False),
    ("$12.5 billion", "$13 billion", False, False),   # half-way: no unambiguous rounding
    ("$97.4 billion", "$97.4bn", True, False),
    ("$8.3 billion", "$8,300,000,000", True, False),
    ("nearly $100 billion", "$96.2 billion", True, False),
    ("more than $1.6 trillion", "$1.6 trillion", True, False),
    ("more than $1.6 trillion", "$1.5 trillion", False, False),
    ("less than $125,000", "$125,000", True, False),
])
def test_money_at_stated_precision(a, b, agree, rounded):
    out = hedged_amount(_frame([a, b], ("money",)), **MONEY)
    assert bool(out["ok"].iloc[0]) is agree
    assert out["detail"].iloc[0].startswith("rounded") is rounded


@pytest.mark.parametrize("a, b, agree", [
    ("141 people", "143 people", False),
    ("at least 90 people", "96 people", True),
    ("about 500 people", "430 people", False),
    ("about 4,200 people", "4,180 people", True),
    ("more than 3,000 people", "3,000 people", False),
    ("more than 3,000 people", "3,001 people", True),
    ("1.2 million voters", "1,180,000 voters", True),
    ("1.2 million voters", "1,260,000 voters", False),
])
def test_counts_at_stated_precision(a, b, agree):
    out = exact(_frame([a, b], ("count",)), **COUNT)
    assert bool(out["ok"].iloc[0]) is agree


@pytest.mark.parametrize("a, b, reach, agree", [
    # a one-sided bound reaches a share beyond itself, or is open (reach 0)
    ("more than 34,700 residents", "226,700 residents", 1.0, False),
    ("more than 34,700 residents", "226,700 residents", 0.0, True),
    ("more than 34,700 residents", "60,000 residents", 1.0, True),
    ("at least 75 people", "89 people", 1.0, True),
    ("up to 400 people", "150 people", 1.0, False),
    ("up to 400 people", "250 people", 1.0, True),
    ("more than 100 people", "about 250 people", 1.0, False),
])
def test_a_bound_reaches_as_far_as_the_rule_says(a, b, reach, agree):
    out = exact(_frame([a, b], ("count",)), **COUNT, bound_reach=reach)
    assert bool(out["ok"].iloc[0]) is agree


def test_the_count_rule_bounds_its_hedges():
    from checker.rules import load_rules
    rule = next(r for r in load_rules().rules if r.id == "count-value")
    assert rule.params["bound_reach"] == 1.0


def test_a_third_source_is_held_to_the_finer_figures_too():
    # 41 holds both 40.8 and 41.2, but those two do not round to each other
    out = hedged_amount(_frame(["$41 billion", "$40.8 billion", "$41.2 billion"], ("money",)), **MONEY)
    assert not bool(out["ok"].iloc[0])


def test_rounding_can_be_switched_off():
    out = hedged_amount(_frame(["$41 billion", "$40.8 billion"], ("money",)), **{**MONEY, "rounding": False})
    assert not bool(out["ok"].iloc[0])


# --- a headline rounds ---------------------------------------------------------

def _precisions(text: str) -> dict[str, float]:
    from checker.extract import extract_source
    from checker.records import Source
    from checker.rules import load_rules
    table = extract_source(Source(id="a", path="a.txt", text=text, plain=text), load_rules().lexicon)
    return dict(zip(table["raw"], table["precision"]))


# pasted from the web: one paragraph per line (a line over 120 characters)
BODY = ("The two companies said on Monday that the agreement, which still needs the approval of "
        "regulators in three countries, would close by the end of the year.\n")


@pytest.mark.parametrize("text, raw, want", [
    # the first line, short and without a full stop, is a headline: its round figure is rounded
    ("Vela Shares Jump 30% After Corvane Deal\nVela shares rose 31.6% on Monday.\n", "30%", 10.0),
    ("Norvane to cut 1,200 jobs\n\nThe carmaker said it would cut 1,240 jobs.\n", "1,200 jobs", 100.0),
    # a figure with a last non-zero digit keeps it
    ("Vela Shares Jump 31% After Corvane Deal\nVela shares rose 31.6% on Monday.\n", "31%", 1.0),
    # a first sentence with a full stop is text, not a headline
    ("Vela shares rose 30% on Monday.\nVela shares rose 31.6% later.\n", "30%", 1.0),
    # the body's round figure stays exact
    ("Vela Shares Jump After Deal\nVela shares rose 30% on Monday.\n", "30%", 1.0),
])
def test_a_headline_figure_is_rounded(text, raw, want):
    assert _precisions(text + BODY)[raw] == pytest.approx(want)


def test_a_hard_wrapped_first_line_is_not_a_headline():
    # short lines only: the first sentence runs over two lines
    text = "Vela shares rose 30% on Monday after\nthe Corvane deal was signed.\nTraders cheered.\n"
    assert _precisions(text)["30%"] == pytest.approx(1.0)


def test_a_rounded_headline_agrees_through_the_cli(tmp_path, monkeypatch):
    import json
    from tests.cli_helpers import run, story_in
    story_in(tmp_path, monkeypatch, {
        "a.txt": "Vela Shares Jump 30% After Corvane Deal\n" + BODY,
        "b.txt": "Vela shares jumped 31.6% after the Corvane deal, traders said.\n" + BODY,
    })
    code, out, err = run("check", "story", "--format", "json", "-o", "out.json")
    findings = json.loads((tmp_path / "out.json").read_text())["findings"]
    percent = [f for f in findings if f["rule"] == "percent-value"]
    assert code == 0, out + err
    assert [f["verdict"] for f in percent] == ["agreement"], percent
    assert "rounded" in json.dumps(percent[0])
