"""Coverage: every claim is compared, or counted under the reason it was not."""

from __future__ import annotations

import json

import pandas as pd

from checker.coverage import measure
from checker.records import Claim, Finding
from tests.cli_helpers import run, write

A = ("The Harwick council approved a $4.5 million budget for the Orlen bridge.\n"
     "Work starts next month, the mayor said.\n")
B = ("The Harwick council backed a $4.5 million budget for the Orlen bridge.\n"
     "“We will open it in spring,” said mayor Ada Mbeki.\n")


def _story(tmp_path):
    write(tmp_path / "s" / "alpha.txt", A)
    write(tmp_path / "s" / "beta.txt", B)
    return tmp_path / "s"


def test_coverage_in_json_and_summary(tmp_path):
    story = _story(tmp_path)
    code, out, err = run("check", str(story), "--format", "json", "-o", "-", "--no-baseline")
    doc = json.loads(out[: out.rindex("}") + 1])
    # by hand: $4.5 million twice (compared, 2 claims), "next month" with no
    # article date (unresolved), the quote (beta only: single-source)
    assert doc["coverage"]["claims"] == 4
    assert doc["coverage"]["compared"] == 2
    assert doc["coverage"]["not_compared"] == {"single_source": 1, "unresolved": 1}
    code, out, err = run("check", str(story), "-o", str(tmp_path / "r.md"), "--no-baseline")
    assert "Compared 2 of 4 claims; not compared: 1 with no counterpart in another source, " \
           "1 relative date that could not be resolved" in out
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "**Coverage**: 4 claims extracted." in text
    assert "Not compared, with no counterpart in another source" in text


def _row(cid, kind, resolved=True):
    return {"claim_id": cid, "kind": kind, "resolved": resolved, "source": cid[0]}


def _claim(cid):
    return Claim(source=cid[0], claim_id=cid, kind="money", line=1, start=0, end=1, raw="x",
                 value=1, unit=None, text="x")


def test_kinds_no_rule_compares_are_counted():
    table = pd.DataFrame([_row("a1", "money"), _row("b1", "money"), _row("a2", "quote"),
                          _row("a3", "statement")])
    f = Finding(id="f", verdict="agreement", kind="money", topic="t", rule="r", level="error",
                message="m", claims=(_claim("a1"), _claim("b1")))
    cov = measure(table, [f], ("money",))
    assert (cov.claims, cov.compared, cov.statements) == (3, 2, 1)
    assert cov.not_compared["no_rule"] == 1 and cov.no_rule_kinds == ("quote",)
    assert "1 of a kind no rule compares (quote)" in cov.line()


def test_no_claims_no_coverage_line(tmp_path):
    write(tmp_path / "s" / "a.txt", "The council met and talked.\n")
    write(tmp_path / "s" / "b.txt", "The council talked again.\n")
    code, out, err = run("check", str(tmp_path / "s"), "-o", str(tmp_path / "r.md"), "--no-baseline")
    assert code == 0 and "Compared" not in out
