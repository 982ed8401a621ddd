"""CI formats on hand-made reports: GitHub annotations, SARIF 2.1.0, the index, output routing."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from checker import config, stories
from checker.errors import CheckerError
from checker.records import Claim, Finding, Report, Source
from checker.report import github, index, render, sarif
from checker.schema import make_table

WIRE = "---\ntitle: Acme\n---\nAcme said the deal is worth $3.2 billion in cash.\n"
DAILY = "Intro line.\n\nThe deal, worth $4.1 billion, closes in May.\n"


def _claim(source, text, raw, kind="money"):
    start = text.index(raw)
    return Claim(source=source, claim_id=f"{source}#1", kind=kind, line=text.count("\n", 0, start) + 1,
                 start=start, end=start + len(raw), raw=raw, value=None, unit="USD", text="")


def _report(tmp_path=None, level="error", verdict="discrepancy", status="new", message=None):
    root = Path("stories/acme") if tmp_path is None else tmp_path / "stories" / "acme"
    sources = (Source(id="wire", path=str(root / "wire.md"), text=WIRE, plain=WIRE),
               Source(id="daily", path=str(root / "daily.md"), text=DAILY, plain=DAILY))
    bad = Finding(id="f1", verdict=verdict, kind="money", topic="deal (Acme)", rule="money-amount",
                  level=level, status=status,
                  message=message or "Sources disagree on the amount of the deal: wire:4 $3.2 billion; daily:3 $4.1 billion",
                  claims=(_claim("wire", WIRE, "$3.2 billion"), _claim("daily", DAILY, "$4.1 billion")))
    agree = Finding(id="f2", verdict="agreement", kind="month", topic="close", rule="date-value",
                    level="error", message="ok", claims=(_claim("daily", DAILY, "May", "date"),))
    single = Finding(id="f3", verdict="single_source", kind="money", topic="cash", rule="single-source",
                     level="info", message="Only wire states this money: wire:4 in cash",
                     claims=(_claim("wire", WIRE, "cash"),))
    return Report(story="acme", sources=sources, table=make_table([]), findings=(bad, agree, single))


# ---------------------------------------------------------------- github

def test_escaping_follows_github_rules():
    assert github.escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert github.escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def test_one_error_per_finding_with_path_relative_to_repo_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not a git repo: the root is the working directory
    report = _report(tmp_path, message="Disagree: wire:4 $3.2 billion, daily:3 $4.1 billion\n100%")
    lines = github.render(report).splitlines()
    # two sources, no majority: on the finding's first claim; "$" is the 29th character of line 4
    assert lines == [
        "::error file=stories/acme/wire.md,line=4,col=29,title=money-amount::"
        "Disagree: wire:4 $3.2 billion, daily:3 $4.1 billion%0A100%25",
    ]


def test_annotation_goes_on_the_outlier(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = _report(tmp_path)
    f = dataclasses.replace(report.findings[0], details={"majority": "$3.2 billion", "outliers": ["daily"]})
    report = dataclasses.replace(report, findings=(f,) + report.findings[1:])
    [line] = github.render(report).splitlines()
    # "The deal, worth " is 16 characters: "$" is the 17th of line 3
    assert line.startswith("::error file=stories/acme/daily.md,line=3,col=17,title=money-amount::")


def test_levels_give_error_warning_notice_and_settled_findings_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert github.render(_report(tmp_path, level="warning")).startswith("::warning file=stories/acme/wire.md,line=4,")
    assert github.render(_report(tmp_path, level="info")).startswith("::notice file=stories/acme/wire.md,line=4,")
    assert github.render(_report(tmp_path, status="accepted")) == ""
    assert github.render(_report(tmp_path, status="suppressed")) == ""
    assert github.render(_report(tmp_path, verdict="contradicted")).count("::error ") == 1


def test_single_source_claims_are_annotated_only_when_they_fail(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = _report(tmp_path)
    assert len(github.render(report).splitlines()) == 1  # the discrepancy; the single-source claim: none
    lines = github.render(report, fail_on="single_source").splitlines()
    assert len(lines) == 2 and lines[1].startswith("::notice file=stories/acme/wire.md,line=4,")
    assert "Only wire states this money" in lines[1]


def test_notes_become_fileless_warnings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = dataclasses.replace(_report(tmp_path, status="accepted"), notes=("stale baseline entry ab: x",))
    assert github.render(report) == "::warning title=checker%3A acme::stale baseline entry ab: x\n"


def test_render_registry_knows_github():
    assert render(_report(), "github") == github.render(_report())


# ---------------------------------------------------------------- sarif

def _doc(report, ruleset=None):
    text = sarif.render(report, ruleset)
    return json.loads(text)


def test_sarif_required_structure(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = _doc(_report(tmp_path))
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].endswith("sarif-2.1.0.json")
    [run] = doc["runs"]
    assert run["tool"]["driver"]["name"] == "checker"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["money-amount", "single-source"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["money-amount", "single-source"]  # no agreement
    assert [r["level"] for r in results] == ["error", "note"]
    assert [r["ruleIndex"] for r in results] == [0, 1]
    assert [r["kind"] for r in results] == ["fail", "informational"]
    bad = results[0]
    assert bad["message"]["text"].startswith("Sources disagree on the amount of the deal")
    # the finding's location is its outlying claim (two sources: the first); the others are related
    locs = [loc["physicalLocation"] for loc in bad["locations"] + bad["relatedLocations"]]
    assert [loc["artifactLocation"]["uri"] for loc in locs] == ["stories/acme/wire.md", "stories/acme/daily.md"]
    assert len(bad["locations"]) == 1 and [r["id"] for r in bad["relatedLocations"]] == [1]
    assert bad["relatedLocations"][0]["message"]["text"] == "daily: $4.1 billion"
    # "Acme said the deal is worth " is 28 characters: "$" is the 29th of line 4,
    # and endColumn is one past the claim's last character (29 + 12)
    assert locs[0]["region"] == {"startLine": 4, "startColumn": 29, "endLine": 4, "endColumn": 41,
                                 "snippet": {"text": "$3.2 billion"}}
    assert locs[1]["region"]["startLine"] == 3 and locs[1]["region"]["startColumn"] == 17  # "The deal, worth " + 1
    assert len(bad["partialFingerprints"]["checker/v1"]) == 16
    assert "suppressions" not in bad


def test_sarif_validates_against_a_subset_of_the_schema(tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(tmp_path)
    text = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
    region = {"type": "object", "required": ["startLine"], "properties": {
        k: {"type": "integer", "minimum": 1} for k in ("startLine", "startColumn", "endLine", "endColumn")}}
    schema = {
        "type": "object", "required": ["version", "$schema", "runs"],
        "properties": {
            "version": {"const": "2.1.0"},
            "runs": {"type": "array", "minItems": 1, "items": {
                "type": "object", "required": ["tool", "results"],
                "properties": {
                    "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                        "type": "object", "required": ["name"], "properties": {
                            "name": {"type": "string"},
                            "rules": {"type": "array", "items": {"type": "object", "required": ["id"],
                                                                  "properties": {"shortDescription": text,
                                                                                 "helpUri": {"type": "string"}}}}}}}},
                    "results": {"type": "array", "items": {
                        "type": "object", "required": ["ruleId", "message", "locations"],
                        "properties": {
                            "level": {"enum": ["none", "note", "warning", "error"]},
                            "message": text,
                            "suppressions": {"type": "array", "items": {
                                "type": "object", "required": ["kind"],
                                "properties": {"kind": {"enum": ["inSource", "external"]}}}},
                            "locations": {"type": "array", "minItems": 1, "items": {
                                "type": "object", "required": ["physicalLocation"], "properties": {
                                    "physicalLocation": {
                                        "type": "object", "required": ["artifactLocation", "region"],
                                        "properties": {"artifactLocation": {
                                            "type": "object", "required": ["uri"],
                                            "properties": {"uri": {"type": "string", "minLength": 1}}},
                                            "region": region}}}}}}}}}}}},
    }
    for status in ("new", "accepted", "suppressed"):
        jsonschema.validate(_doc(_report(tmp_path, status=status)), schema)


def test_sarif_suppressions_and_rule_metadata(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = _report(tmp_path, status="accepted")
    f = dataclasses.replace(report.findings[0], details={"reason": "desk ok"})
    report = dataclasses.replace(report, findings=(f,) + report.findings[1:])
    rule = type("Rule", (), {"id": "money-amount", "description": "Money amounts must match. More text.",
                             "message": "", "link": "https://example.org/rules/money", "level": "error"})()
    ruleset = type("RuleSet", (), {"rules": (rule,)})()
    run = _doc(report, ruleset)["runs"][0]
    # SARIF 2.1.0 calls it "state" (a "status" key fails the schema)
    assert run["results"][0]["suppressions"] == [{"kind": "external", "state": "accepted",
                                                  "justification": "desk ok"}]
    money = run["tool"]["driver"]["rules"][0]
    assert money["helpUri"] == "https://example.org/rules/money"
    assert money["shortDescription"] == {"text": "Money amounts must match"}
    assert run["tool"]["driver"]["rules"][1] == {"id": "single-source", "shortDescription": {"text": "single-source"}}
    suppressed = _doc(_report(tmp_path, status="suppressed"))["runs"][0]["results"][0]
    assert suppressed["suppressions"] == [{"kind": "inSource", "state": "accepted"}]


# ---------------------------------------------------------------- index

def test_index_lists_worst_first_with_links():
    rows = [index.Row(story="calm", link="calm.md", counts={"agreement": 3}),
            index.Row(story="skipped", checked=False),
            index.Row(story="bad", link="bad.md", failing=2, counts={"discrepancy": 2, "agreement": 1}),
            index.Row(story="meh", link="meh.md", counts={"discrepancy": 1}, accepted=1)]
    text = index.render(rows, notes=("stale baseline entry x",))
    names = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| [") or line.startswith("| skipped")]
    assert names == ["[bad](bad.md)", "[meh](meh.md)", "[calm](calm.md)", "skipped"]
    assert "3 of 4 stories checked; 1 failing." in text
    assert "> **Note:** stale baseline entry x" in text
    bad_row = next(line for line in text.splitlines() if "[bad]" in line)
    assert [c.strip() for c in bad_row.strip("|").split("|")] == [
        "[bad](bad.md)", "**fail**", "2", "2", "0", "0", "1", "0"]


# ---------------------------------------------------------------- output routing

def _settings(tmp_path, formats, stories_globs=(), paths=("sources",)):
    cfg = config.Config(path=tmp_path / "checker.toml", root=tmp_path, stories=stories_globs)
    return config.settings(cfg, formats=formats, paths=paths)


def test_github_goes_to_stdout_and_files_to_reports(tmp_path):
    s = _settings(tmp_path, ("markdown", "github", "json"))
    plan = stories.targets(stories.Story("acme", ("x",)), s, None)
    assert plan == {"github": None, "markdown": tmp_path / "reports" / "acme.md",
                    "json": tmp_path / "reports" / "acme.json",
                    "claims": tmp_path / "reports" / "acme.claims.md"}
    plan = stories.targets(stories.Story("acme", ("x",)), s, "out/r.md")
    assert plan["markdown"] == Path("out/r.md") and plan["json"] == Path("out/r.json")
    assert plan["claims"] == Path("out/r.claims.md")


def test_stdout_conflicts_are_errors(tmp_path):
    story = stories.Story("acme", ("x",))
    with pytest.raises(CheckerError, match="only one report format"):
        stories.targets(story, _settings(tmp_path, ("markdown", "json")), "-")
    with pytest.raises(CheckerError, match="both write to standard output"):
        stories.targets(story, _settings(tmp_path, ("github", "markdown")), "-")
    many = _settings(tmp_path, ("markdown",), stories_globs=("s/*",), paths=())
    with pytest.raises(CheckerError, match="--output works with one story"):
        stories.targets(story, many, "r.md")


def test_find_stories_skips_reports_and_hidden_and_rejects_duplicates(tmp_path):
    for d in ("stories/b", "stories/a", "stories/.git-ish", "reports", "other/a"):
        (tmp_path / d).mkdir(parents=True)
    (tmp_path / "stories" / "file.md").write_text("x")
    s = _settings(tmp_path, ("markdown",), stories_globs=("stories/*", "*"), paths=())
    s = dataclasses.replace(s, stories=("stories/*", "reports"))
    found = stories.find(s)
    assert [(st.name, Path(st.paths[0]).relative_to(tmp_path.resolve()).as_posix()) for st in found] == [
        ("a", "stories/a"), ("b", "stories/b")]
    with pytest.raises(CheckerError, match="two story folders are named 'a'"):
        stories.find(dataclasses.replace(s, stories=("stories/*", "other/*")))
    with pytest.raises(CheckerError, match="no story folder matches nothing/\\*"):
        stories.find(dataclasses.replace(s, stories=("nothing/*",)))


# ---------------------------------------------------------------- integration files

REPO = Path(__file__).resolve().parent.parent


def test_pre_commit_hook():
    import yaml
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "checker" and hook["language"] == "python"
    assert hook["entry"] == "checker check" and hook["pass_filenames"] is False
    import re
    assert all(re.search(hook["files"], name) for name in ("a/b.md", "x.markdown", "y.txt"))
    assert not re.search(hook["files"], "notes.mdx")


def test_action_is_composite_and_gates():
    import yaml
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    runs = "\n".join(s.get("run", "") for s in steps)
    assert 'pip install' in runs and "$GITHUB_ACTION_PATH" in runs
    assert "checker check --format github --format markdown" in runs
    assert "$GITHUB_STEP_SUMMARY" in runs
    # the summary is checker's own (capped at 1 MiB, worst first), linking to the run's artifacts
    assert '--summary "$RUNNER_TEMP/checker-summary.md" --summary-link "$CHECKER_RUN_URL"' in runs
    assert "head -c" not in runs
    assert steps[-1]["name"] == "Gate" and "if" not in steps[-1]  # fails the job last
