"""Formatters on hand-made reports: escaping, layout, JSON contract."""

from __future__ import annotations

import json
import re

import pytest

from checker.records import Claim, Finding, Report, Source
from checker.report import render
from checker.report.escape import cell, highlight, md
from checker.schema import make_table


@pytest.mark.parametrize("text,expected", [
    ("a | b", r"a \| b"),
    ("<script>alert(1)</script>", r"&lt;script&gt;alert\(1\)&lt;/script&gt;"),
    ("[click](http://evil.example)", r"\[click\]\(hxxp://evil.example\)"),  # defanged: no autolink
    ("see HTTPS://x.example, www.x.example, mailto:a@x.example", r"see HxxPS://x.example, www\[.\]x.example, mailto\[:\]a\[@\]x.example"),
    ("ftp://x.example and bell\x07 and esc\x1b[2J", r"fxp://x.example and bell\\x07 and esc\\x1b\[2J"),
    ("![img](x.png)", r"\!\[img\]\(x.png\)"),
    ("`rm -rf`", r"\`rm -rf\`"),
    ("*bold* _it_", r"\*bold\* \_it\_"),
    ("# not a heading", r"\# not a heading"),
    ("- not a list", r"\- not a list"),
    ("1. not a list", r"1\. not a list"),
    ("line\nbreak | here", r"line break \| here"),
    ("Tom & Jerry", "Tom &amp; Jerry"),
    ("a:5 $3.2 billion; b:1 US$3.5bn", r"a:5 \$3.2 billion; b:1 US\$3.5bn"),
])
def test_md_escapes_article_text(text, expected):
    assert md(text) == expected


def test_cell_shortens():
    assert cell("x" * 50, limit=10) == "x" * 9 + "…"


def test_highlight_bolds_claim_inside_escaped_sentence():
    assert highlight("He paid $5 million | cash.", "$5 million") == r"He paid **\$5 million** \| cash."


def _claim(source, line, raw, value, text, kind="money", unit="USD"):
    return Claim(source=source, claim_id=f"{source}#1", kind=kind, line=line, start=0,
                 end=len(raw), raw=raw, value=value, unit=unit, text=text)


def _report():
    sources = (Source(id="a", path="a.md", text="x", plain="x", meta={"title": "A | title", "outlet": "Gazette"}),
               Source(id="b", path="b.md", text="y", plain="y"))
    bad = Finding(id="f1", verdict="discrepancy", kind="money", topic="bid (Acme)", rule="money-amount",
                  level="error", message="Sources disagree: a:3 $5 million; b:7 $6 million",
                  claims=(_claim("a", 3, "$5 million", 5e6, "Acme bid $5 million <b>now</b>."),
                          _claim("b", 7, "$6 million", 6e6, "Acme bid $6 million.")))
    agree = Finding(id="f2", verdict="agreement", kind="year", topic="found (Acme)", rule="date-value",
                    level="error", message="ok", claims=(_claim("a", 1, "2001", 2001, "Founded in 2001.", "year", None),
                                                         _claim("b", 2, "2001", 2001, "In 2001.", "year", None)))
    single = Finding(id="f3", verdict="single_source", kind="count", topic="sue", rule="single-source",
                     level="info", message="only a", claims=(_claim("a", 9, "two lawsuits", 2, "It filed two lawsuits.", "count", "lawsuit"),))
    table = make_table([])
    return Report(story="acme", sources=sources, table=table, findings=(bad, agree, single))


def test_markdown_sections_in_order_and_escaped():
    text = render(_report(), "markdown")
    heads = [line for line in text.splitlines() if line.startswith("## ")]
    # discrepancies first; the statement tables are a separate file (checker.report.claims)
    assert heads == ["## Discrepancies", "## Summary", "## Sources", "## Agreements",
                     "## Single-source claims"]
    assert "A \\| title" in text
    assert "<b>" not in text and "&lt;b&gt;now&lt;/b&gt;" in text
    # the values side by side under their sources and lines, then each sentence with its value in bold
    assert re.search(r"^\| a:3 +\| b:7 +\|$", text, re.M)
    assert re.search(r"^\| \*\*\\\$5 million\*\* +\| \*\*\\\$6 million\*\* +\|$", text, re.M)
    assert "- a:3: Acme bid **\\$5 million** &lt;b&gt;now&lt;/b&gt;." in text
    assert "**\\$6 million**" in text
    assert "| Discrepancies" in text


def test_json_contract():
    doc = json.loads(render(_report(), "json"))
    assert doc["version"] == 1
    assert [s["id"] for s in doc["sources"]] == ["a", "b"]
    assert set(doc["sources"][0]) >= {"id", "path", "title", "statements"}
    f = doc["findings"][0]
    assert set(f) >= {"id", "verdict", "kind", "topic", "rule", "level", "message", "claims"}
    assert set(f["claims"][0]) >= {"source", "line", "start", "end", "raw", "value", "unit", "text"}
    assert f["claims"][1]["value"] == 6e6
    assert doc["summary"] == {"agreement": 1, "discrepancy": 1, "single_source": 1}
    assert isinstance(doc["findings"][1]["claims"][0]["value"], int)


def test_json_notes_always_present_and_tally_numbers_are_integers():
    import pandas as pd
    from checker.report.json import table_records
    doc = json.loads(render(_report(), "json"))
    assert doc["notes"] == []
    table = make_table([{
        "source": "a", "claim_id": "a#1", "kind": "count", "value": 5, "value_hi": 4, "unit": "vote",
        "raw": "5-4", "approx": False, "hedge": None, "resolved": True, "subject": None,
        "predicate": None, "object": None, "negated": False, "speaker": None, "entities": "",
        "topic": None, "sentence": "It ruled 5-4.", "sentence_index": 0, "line": 1, "start": 9,
        "end": 12, "context": ""}])
    table["value_hi"] = pd.Series([4.0], dtype=object)
    row = table_records(table)[0]
    assert row["value_hi"] == 4 and isinstance(row["value_hi"], int)
