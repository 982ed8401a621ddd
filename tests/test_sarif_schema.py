"""SARIF output against the SARIF 2.1.0 JSON schema (tests/fixtures, with its
notice), and GitHub annotations: one per discrepancy finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run, write
from test_diagnostics import ARTICLE, six_sources

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency: pip install '.[test]'")

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parent.parent

HOSTILE = ("---\ntitle: \"<script>alert('t')</script> \\u202e\"\n---\n"
           "Harbor Foods agreed to buy Lindqvist Dairy for $2.9 billion <img src=x onerror=alert(1)>, "
           "see [here](javascript:alert(2)) and \x1b[2J https://evil.example/x.\n"
           "\"We will keep every plant open,\" said Ann Berg. <script>alert(3)</script>\n")


def validate(path: Path) -> dict:
    doc = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(doc), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    return doc


def test_the_vendored_schema_is_the_2_1_0_schema():
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"] == {"description": "The SARIF format version of this log file.",
                                               "enum": ["2.1.0"]}
    assert len(SCHEMA["definitions"]) == 52
    # and it catches what checker once wrote: a suppression's "status" (the schema says "state")
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "checker"}}, "results": [
        {"message": {"text": "x"}, "suppressions": [{"kind": "external", "status": "accepted"}]}]}]}
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors(bad))


def test_seed_story_sarif_is_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, err = run("check", "sources", "--format", "sarif", "-o", str(tmp_path / "seed.sarif"))
    assert code == 0, out + err
    doc = validate(tmp_path / "seed.sarif")
    results = doc["runs"][0]["results"]
    single = [r for r in results if r["properties"]["verdict"] == "single_source"]
    assert single and all(r["level"] == "note" and r["kind"] == "informational" for r in single)
    assert all("relatedLocations" not in r for r in single)  # one source: nothing related


def test_many_sources_with_baseline_suppression_and_hostile_text_is_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = six_sources(tmp_path / "harbor")
    write(folder / "h.md", HOSTILE)
    # e's count is suppressed inline, and the baseline accepts d's year
    e = (folder / "e.md").read_text(encoding="utf-8").splitlines(keepends=True)
    e.insert(2, '<!-- checker: ignore=count-value reason="e counts seasonal staff" -->\n')
    (folder / "e.md").write_text("".join(e), encoding="utf-8")
    code, out, err = run("baseline", "harbor", "-o", "base.yaml")
    assert code == 0, out + err
    code, out, err = run("check", "harbor", "--baseline", "base.yaml", "--format", "sarif", "-o", "r.sarif")
    assert code == 0, out + err  # everything is accepted or suppressed
    doc = validate(tmp_path / "r.sarif")
    results = doc["runs"][0]["results"]
    fails = [r for r in results if r["kind"] == "fail"]
    assert fails and all(r.get("suppressions") for r in fails)
    money = next(r for r in fails if r["ruleId"] == "money-amount")
    # on the outliers (f and h say $2.9 billion): the first of them; the others are related
    assert money["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "harbor/f.md"
    related = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in money["relatedLocations"]]
    assert sorted(related) == ["harbor/a.md", "harbor/b.md", "harbor/c.md", "harbor/d.md",
                               "harbor/e.md", "harbor/h.md"]
    assert [loc["id"] for loc in money["relatedLocations"]] == [1, 2, 3, 4, 5, 6]


def test_draft_sarif_is_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = six_sources(tmp_path / "harbor")
    draft = write(tmp_path / "mine.md", "Lindqvist Dairy, founded in 1965, sold for $2.9 billion. "
                                        "It has 40 trucks.\n")
    code, out, err = run("check", "--draft", str(draft), str(folder), "--format", "sarif", "-o", "d.sarif")
    assert code == 1, out + err
    doc = validate(tmp_path / "d.sarif")
    kinds = {r["properties"]["verdict"]: r["kind"] for r in doc["runs"][0]["results"]}
    assert kinds == {"contradicted": "fail", "disputed": "review", "unsupported": "review"}


def test_annotation_count_is_the_number_of_discrepancy_findings(tmp_path, monkeypatch):
    """Six sources, five agreeing facts each, three outliers: 3 annotations, not one per claim (18)."""
    monkeypatch.chdir(tmp_path)
    six_sources(tmp_path / "harbor")
    code, out, err = run("check", "harbor", "--format", "github", "--format", "json")
    assert code == 1, out + err
    doc = json.loads((tmp_path / "reports" / "harbor.json").read_text(encoding="utf-8"))
    discrepancies = [f for f in doc["findings"] if f["verdict"] == "discrepancy"]
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(discrepancies) == 3 and len(annotations) == 3
    # every claim of every source in a finding: five figures and the outcome
    # "shares rose", six sources each
    assert sum(len(f["claims"]) for f in doc["findings"]) == 36
    # each on its outlier, naming all six values
    assert sorted(a.split(",", 1)[0] for a in annotations) == [
        "::error file=harbor/d.md", "::error file=harbor/e.md", "::error file=harbor/f.md"]
    money = next(a for a in annotations if "money-amount" in a)
    assert money.count("$2.4 billion") == 6 and money.count("$2.9 billion") == 2  # the values, and the majority text


def test_single_source_annotations_only_with_fail_on_single_source(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = six_sources(tmp_path / "harbor")
    write(folder / "g.md", "Lindqvist Dairy has 14 delivery trucks.\n")
    code, out, _ = run("check", "harbor", "--format", "github")
    assert len([a for a in out.splitlines() if a.startswith("::")]) == 3
    code, out, _ = run("check", "harbor", "--format", "github", "--fail-on", "single_source")
    notices = [a for a in out.splitlines() if a.startswith("::notice ")]
    assert code == 1 and len(notices) == 1
    assert notices[0].startswith("::notice file=harbor/g.md,line=1,col=21,title=single-source::")


def test_an_agreement_in_json_says_it_agrees(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s" / "a.md", ARTICLE.format(amount="$2.4 billion", year="1962", staff="1,850", pct="4%"))
    write(tmp_path / "s" / "b.md", ARTICLE.format(amount="$2.4 billion", year="1962", staff="1,850", pct="4%"))
    run("check", "s", "--format", "json", "-o", "r.json")
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    agreements = [f for f in doc["findings"] if f["verdict"] == "agreement"]
    assert len(agreements) == 6  # the five figures and the outcome "shares rose"
    for f in agreements:
        assert f["level"] == "info"
        assert f["message"].startswith("2 sources agree on ") and "disagree" not in f["message"]
    money = next(f for f in agreements if f["kind"] == "money")
    assert money["message"].endswith(": a:1 $2.4 billion; b:1 $2.4 billion")
