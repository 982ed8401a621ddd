"""Every finding explains itself: details.why, the Markdown line, `checker explain`."""

from __future__ import annotations

import pytest

import json

from tests.cli_helpers import run, write

A = ("Acme Corp agreed to buy Brightwell for $12.5 billion, the companies said.\n"
     "Brightwell was valued at $9 billion in its last funding round.\n")
B = ("Acme Corp will pay $12.5 billion for Brightwell, the companies said on Tuesday.\n")


def _story(tmp_path):
    write(tmp_path / "s" / "alpha.txt", A)
    write(tmp_path / "s" / "beta.txt", B)
    return tmp_path / "s"


def _report(story):
    code, out, err = run("check", str(story), "--format", "json", "-o", "-", "--no-baseline")
    return json.loads(out[: out.rindex("}") + 1])


def test_a_group_says_why_in_json_and_markdown(tmp_path):
    story = _story(tmp_path)
    (deal,) = [f for f in _report(story)["findings"] if f["verdict"] == "agreement"]
    why = deal["details"]["why"]
    # "buy" folds to "acquire" and "pay" stays "pay" (rules/lexicon.yaml): one measure list
    assert why["measure"] == "acquire / pay"
    assert "Acme Corp" in why["entities"] and "Brightwell" in why["entities"]
    assert 0 <= why["wording"] <= 100
    assert why["text"].startswith("all share the measure word “acquire / pay”, name Acme Corp")


def test_a_discrepancy_in_markdown_says_why(tmp_path):
    write(tmp_path / "s" / "alpha.txt", A)
    write(tmp_path / "s" / "beta.txt", B.replace("$12.5 billion", "$13.5 billion"))
    run("check", str(tmp_path / "s"), "-o", str(tmp_path / "r.md"), "--no-baseline")
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "Why these were grouped: they all share the measure word" in text
    assert "the command checker explain shows the claims left out" in text


def test_explain_prints_the_group_and_the_claims_left_out(tmp_path):
    story = _story(tmp_path)
    (deal,) = [f for f in _report(story)["findings"] if f["verdict"] == "agreement"]
    code, out, err = run("explain", str(story), deal["id"][:6])
    assert code == 0, err
    assert out.startswith(f"Finding {deal['id']}: agreement, money")
    assert "Why grouped: they all share the measure word “acquire / pay”" in out
    # the $9 billion valuation is in the same block but never pairs with a bid
    (left,) = [line for line in out.splitlines() if "$9 billion" in line]
    assert "alpha:2" in left and "one claim per article" in left


def test_explain_a_single_source_claim(tmp_path):
    story = _story(tmp_path)
    (val,) = [f for f in _report(story)["findings"] if "$9 billion" in f["message"]]
    code, out, err = run("explain", str(story), val["id"])
    assert code == 0 and "Why alone:" in out and "beta:1" in out


def test_explain_an_unknown_finding_is_a_one_line_error(tmp_path):
    code, out, err = run("explain", str(_story(tmp_path)), "nosuchid")
    assert code == 2
    assert err.count("\n") == 1 and "no finding 'nosuchid'" in err


def test_a_third_source_outlier_is_named_with_the_majority(tmp_path):
    write(tmp_path / "n" / "a.txt", "The Orlen hospital will have 610 beds, the Harwick health board said.\n")
    write(tmp_path / "n" / "b.txt", "The Orlen hospital will have 610 beds, the Harwick board said on Friday.\n")
    write(tmp_path / "n" / "c.txt", "The new Orlen hospital will have 640 beds, the Harwick health board said.\n")
    (f,) = [f for f in _report(tmp_path / "n")["findings"] if f["verdict"] == "discrepancy"]
    assert f["details"]["majority"] == "610 beds" and f["details"]["outliers"] == ["c"]
    assert f["message"].endswith("2 of 3 sources say 610 beds; c says 640 beds.")
    assert f["topic"].startswith("beds")  # the counted noun, not "count"


def test_a_hedged_figure_the_rule_accepts_is_not_an_outlier(tmp_path):
    """"about 610 beds" is consistent with 610: only the 940 is named, and the
    majority is counted with the hedged source (3 of 4)."""
    line = "The Orlen hospital will have {} beds, the Harwick health board said.\n"
    for stem, beds in (("a", "610"), ("b", "610"), ("c", "about 610"), ("d", "940")):
        write(tmp_path / "n" / f"{stem}.txt", line.format(beds))
    (f,) = [f for f in _report(tmp_path / "n")["findings"] if f["verdict"] == "discrepancy"]
    assert f["details"]["outliers"] == ["d"]
    assert f["message"].endswith("3 of 4 sources are consistent with 610 beds; d says 940 beds.")


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_the_majority_does_not_depend_on_the_order_of_the_sources(tmp_path, order):
    """940, 940, 610, 610 and "about 610": 610 is held by three (the hedged
    one consistent with it), whichever sources come first."""
    line = "The Orlen hospital will have {} beds, the Harwick health board said.\n"
    beds = ["940", "940", "610", "610", "about 610"]
    stems = "abcde" if order == "ab" else "edcba"
    for stem, b in zip(stems, beds):
        write(tmp_path / "n" / f"{stem}.txt", line.format(b))
    (f,) = [f for f in _report(tmp_path / "n")["findings"] if f["verdict"] == "discrepancy"]
    assert sorted(f["details"]["outliers"]) == sorted(stems[:2])
    assert "3 of 5 sources are consistent with 610 beds" in f["message"]


def test_no_majority_no_outlier_named(tmp_path):
    write(tmp_path / "n" / "a.txt", "The Orlen hospital will have 610 beds, the Harwick health board said.\n")
    write(tmp_path / "n" / "b.txt", "The Orlen hospital will have 640 beds, the Harwick health board said.\n")
    (f,) = [f for f in _report(tmp_path / "n")["findings"] if f["verdict"] == "discrepancy"]
    assert "majority" not in f["details"]


def test_why_says_when_only_some_claims_name_the_measure():
    import pandas as pd
    from checker.explain import why
    rows = pd.DataFrame({"kind": ["duration"] * 2, "topic": ["span", None], "unit": ["day"] * 2,
                         "entities": ["Biden", "Biden"], "speaker": [None, None],
                         "context": ["the Vela review lasted nearly two years",
                                     "two years of hearings on Vela"]})
    w = why(rows)
    assert w["measure"] == "span" and w["measure_in"] == [1, 2]
    assert not w["text"].startswith("all share the measure word")
    assert w["text"].startswith("all name Biden and are worded alike")
    assert w["text"].endswith("; the measure word “span” is in 1 of the 2 claims")
    rows["topic"] = ["span", "span"]
    assert why(rows)["text"].startswith("all share the measure word “span”, name Biden")


def test_explain_scores_claims_as_alignment_does(monkeypatch):
    """The scores `checker explain` prints for the claims left out are the
    ones alignment used: the wording without the story's names, and for
    dates the story's and the articles' names (it scored the raw context
    before: checked, the numbers differed)."""
    import numpy as np
    from checker import align
    from checker.explain import nearest
    from checker.records import Source
    from checker.rules import load_rules
    from checker.extract import extract_rows
    from checker.schema import make_table
    lex = load_rules().lexicon
    texts = {s: "The Corvane plant of Vela opened on 3 March 2025, the company said." for s in "abcde"}
    texts["f"] = "Dock workers of Vela walked out at the Corvane plant on 9 April 2025."
    rows = [{**r, "source": s} for s, t in texts.items()
            for r in extract_rows(Source(id=s, path=f"{s}.txt", text=t, plain=t), lex)]
    table = make_table(rows)
    claims = align.align(table, ("date",), lex)
    lone = claims[claims["source"] == "f"].iloc[0]
    assert claims[claims["group"] == lone["group"]].shape[0] == 1  # left out
    members = claims[claims["group"] == claims[claims["source"] == "a"]["group"].iloc[0]]
    near = {n["claim_id"]: n["score"] for n in nearest(table, claims, list(members["claim_id"]), lex, limit=20)}
    key = align.block_key(claims["kind"], claims["unit"])
    block = claims[key == key.loc[members.index[0]]].reset_index(drop=True)
    want = align._score(align.prepared(block, align.article_names(table)), lex, align.related_sources(table, lex))[0]
    inside = block["claim_id"].isin(members["claim_id"]).to_numpy()
    i = int(np.flatnonzero(block["claim_id"] == lone["claim_id"])[0])
    assert near[lone["claim_id"]] == pytest.approx(round(float(want[i][inside].max()), 1))
