"""The default story (sources/): what issues 2 and 3 say must show, via the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli

REPO = Path(__file__).resolve().parent.parent
A = "000_e1e47496308e6b9c"
B = "003_9c8a5e1c08863dfc"


def extract_rows():
    result = CliRunner().invoke(cli, ["extract", str(REPO / "sources"), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def rows_of(rows, source, kind):
    return [r for r in rows if r["source"] == source and r["kind"] == kind]


def test_seed_statement_tables():
    rows = extract_rows()
    for src in (A, B):
        money = rows_of(rows, src, "money")
        assert money and all(r["value"] == 97.4e9 and r["unit"] == "USD" for r in money)
        assert 2018 in [r["value"] for r in rows_of(rows, src, "year")]
    assert 2022 in [r["value"] for r in rows_of(rows, B, "year")]
    assert 2024 in [r["value"] for r in rows_of(rows, A, "year")]
    twice = [r for r in rows_of(rows, A, "count") if r["raw"] == "twice"]
    assert twice and twice[0]["value"] == 2 and twice[0]["predicate"] == "sue"
    altman_quotes = [r for r in rows_of(rows, A, "quote") if r["speaker"] == "Sam Altman"]
    assert len(altman_quotes) >= 5
    no_thanks = [r for r in rows_of(rows, B, "quote") if r["value"].startswith("No thank you")]
    assert no_thanks and no_thanks[0]["speaker"] == "Sam Altman"
    text = (REPO / "sources" / f"{A}.txt").read_text(encoding="utf-8")
    for r in rows_of(rows, A, "money") + rows_of(rows, A, "quote"):
        assert text[r["start"]:r["end"]] == r["raw"]


def test_seed_check(tmp_path):
    out = tmp_path / "seeds.json"
    result = CliRunner().invoke(cli, ["check", str(REPO / "sources"), "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    found = {(f["kind"], str(f["claims"][0]["value"]), f["verdict"], tuple(sorted({c["source"] for c in f["claims"]})))
             for f in doc["findings"]}
    assert ("money", "97400000000.0", "agreement", (A, B)) in found
    assert ("year", "2018", "agreement", (A, B)) in found
    assert ("year", "2022", "single_source", (B,)) in found
    assert ("year", "2024", "single_source", (A,)) in found
    assert doc["summary"]["discrepancy"] == 0
    departure = [f for f in doc["findings"] if f["kind"] == "year" and f["claims"][0]["value"] == 2018]
    assert departure[0]["topic"].startswith("departure")  # the measure "leave", as a report names it
