"""Statement facts through the real command line: check (every format), draft, rules."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import run, write

HARBOUR_A = """The Harbour Authority board approved the merger with Delta Port on Tuesday, chief executive Ruth Hallam said.
Finance Minister Jane Okonjo welcomed the decision. “This is a good day for the port and all of its workers,” Okonjo said.
"""
HARBOUR_B = """The Harbour Authority board rejected the merger with Delta Port on Tuesday, chief executive Ruth Hallum said.
Foreign Minister Jane Okonjo criticised the decision. “This is a good day for the port and all of its workers,” said John Roe, a union leader.
"""


def _story(tmp_path: Path, a: str = HARBOUR_A, b: str = HARBOUR_B) -> Path:
    write(tmp_path / "story" / "a.txt", a)
    write(tmp_path / "story" / "b.txt", b)
    return tmp_path / "story"


def _json(tmp_path: Path, story: Path, *extra: str) -> tuple[int, dict]:
    out = tmp_path / "r.json"
    code, _, err = run("check", str(story), "--format", "json", "-o", str(out), "--no-baseline", *extra)
    assert code in (0, 1), err
    return code, json.loads(out.read_text(encoding="utf-8"))


def _by_rule(doc: dict) -> dict[str, dict]:
    return {f["rule"]: f for f in doc["findings"] if f["verdict"] == "discrepancy"}


def test_check_reports_each_statement_kind(tmp_path):
    code, doc = _json(tmp_path, _story(tmp_path))
    found = _by_rule(doc)
    assert code == 1  # the outcome and the attribution are errors
    assert set(found) == {"outcome", "name-spelling", "role", "quote-attribution"}
    outcome = found["outcome"]
    assert outcome["level"] == "error"
    assert [c["raw"] for c in outcome["claims"]] == ["Harbour Authority board approved the merger",
                                                     "Harbour Authority board rejected the merger"]
    assert all(c["text"].startswith("The Harbour Authority board") for c in outcome["claims"])
    spelling = found["name-spelling"]
    assert spelling["level"] == "warning"
    assert "“Ruth Hallam” (a:1) vs “Ruth Hallum” (b:1)" in spelling["message"]
    role = found["role"]
    assert role["topic"] == "role of Jane Okonjo"
    assert "“finance minister” (a) vs “foreign minister” (b)" in role["message"]
    credit = found["quote-attribution"]
    assert "“Jane Okonjo” (a) vs “John Roe” (b)" in credit["message"]
    assert credit["details"]["why"]["text"] == "quote the same words"
    assert doc["coverage"]["facts"]["extracted"] >= 8


def test_statement_findings_in_every_format(tmp_path):
    story = _story(tmp_path)
    reports = tmp_path / "reports"
    code, out, err = run("check", str(story), "--format", "markdown", "--format", "sarif",
                         "--format", "github", "--reports", str(reports), "--no-baseline")
    assert code == 1, err
    assert "::error file=" in out and "title=outcome::" in out
    assert "title=name-spelling::Ruth Hallam is spelled two ways" in out
    md = (reports / "story.md").read_text(encoding="utf-8")
    assert "### 4. The role of Jane Okonjo (warning)" in md
    assert "Harbour Authority board **rejected**" not in md  # the clause is highlighted whole
    assert "**Harbour Authority board rejected the merger**" in md
    sarif = json.loads((reports / "story.sarif").read_text(encoding="utf-8"))
    rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert {"outcome", "name-spelling", "role", "quote-attribution"} <= rules


def test_agreeing_statements_are_agreements(tmp_path):
    same = HARBOUR_A.replace("Finance Minister", "Foreign Minister")
    code, doc = _json(tmp_path, _story(tmp_path, same, HARBOUR_B.replace("rejected", "approved")
                                       .replace("Hallum", "Hallam").replace("said John Roe, a union leader",
                                                                            "Okonjo said")))
    assert code == 0
    agree = {f["rule"] for f in doc["findings"] if f["verdict"] == "agreement"}
    assert {"outcome", "role"} <= agree
    assert not _by_rule(doc)


def test_name_spelling_fails_only_at_warning(tmp_path):
    a = "Ruth Hallam, the port's chief executive, spoke on Tuesday.\n"
    b = "Ruth Hallum, the port's chief executive, spoke on Tuesday.\n"
    story = _story(tmp_path, a, b)
    code, doc = _json(tmp_path, story)
    assert code == 0 and set(_by_rule(doc)) == {"name-spelling"}
    code, _ = _json(tmp_path, story, "--fail-on", "warning")
    assert code == 1


def test_draft_contradicted_by_sources(tmp_path):
    src = "The Harbour Authority board rejected the merger with Delta Port on Tuesday.\n"
    write(tmp_path / "sources" / "a.txt", src)
    write(tmp_path / "sources" / "b.txt", src)
    draft = write(tmp_path / "draft.txt",
                  "The Harbour Authority board approved the merger with Delta Port on Tuesday.\n")
    out = tmp_path / "d.json"
    code, _, err = run("check", "--draft", str(draft), str(tmp_path / "sources"), "--format", "json",
                       "-o", str(out), "--no-baseline")
    assert code == 1, err
    doc = json.loads(out.read_text(encoding="utf-8"))
    contradicted = [f for f in doc["findings"] if f["verdict"] == "contradicted"]
    assert [f["kind"] for f in contradicted] == ["outcome"]
    assert "rejected the merger" in contradicted[0]["message"]
    assert sorted(contradicted[0]["details"]["disagree"]) == ["a", "b"]


def test_rules_test_runs_the_statement_examples():
    code, out, err = run("rules", "--test")
    assert code == 0, out + err
    code, out, _ = run("rules")
    for rule in ("outcome", "role", "role-holder", "place", "list-members", "name-spelling",
                 "quote-attribution"):
        assert rule in out


def test_bad_statement_vocabulary_names_the_file(tmp_path):
    write(tmp_path / "extra" / "lexicon-x.yaml", "outcomes: [approve, reject]\nroles: {ceo: x}\n")
    code, out, err = run("check", str(_story(tmp_path)), "--rules", str(tmp_path / "extra"), "-o", "-")
    assert code == 2
    lines = err.strip().splitlines()
    assert any("lexicon-x.yaml:1" in line and "'outcomes' must be a mapping" in line for line in lines)
    assert any("lexicon-x.yaml:2" in line and "'roles' must be a list" in line for line in lines)
    assert "Traceback" not in err


def test_lexicon_extends_the_outcome_pairs(tmp_path):
    a = "The Harbour Authority board ratified the merger on Tuesday.\n"
    b = "The Harbour Authority board vetoed the merger on Tuesday.\n"
    story = _story(tmp_path, a, b)
    code, doc = _json(tmp_path, story)
    assert "outcome" not in _by_rule(doc)  # "ratify" is no outcome word yet
    write(tmp_path / "extra" / "lexicon-desk.yaml", "outcomes:\n  ratify: [veto]\n")
    code, doc = _json(tmp_path, story, "--rules", str(tmp_path / "extra"))
    assert code == 1 and "outcome" in _by_rule(doc)
