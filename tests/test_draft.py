"""Draft mode: each draft claim supported, contradicted or unsupported."""

from __future__ import annotations

import json
from pathlib import Path


from checker import pipeline
from checker.report import render
from checker.rules import load_rules

RULES = load_rules()
REPO = Path(__file__).resolve().parent.parent

SOURCE_A = (
    "Acme Corp agreed to buy Globex for $3.2 billion, the companies said on Tuesday.\n"
    "Globex was founded in 1987 by Sam Poe, who will stay on as an adviser.\n"
    "“This deal gives us the scale we need to compete,” Jane Roe, Acme's chief executive, said.\n"
    "Globex employs 1,200 people.\n"
)
SOURCE_B = (
    "Acme will pay US$3.2bn for Globex, the firms announced.\n"
    "Poe set up Globex in 1987.\n"
    "Roe said: “This deal gives us the scale we need to compete.”\n"
    "Globex has 1,200 employees.\n"
)


def draft_report(tmp_path: Path, draft: str, sources: dict[str, str]):
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in sources.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "draft.md"
    path.write_text(draft, encoding="utf-8")
    report = pipeline.check_draft(str(path), [str(folder)], RULES)
    return report, json.loads(render(report, "json"))


def by_kind(doc, kind):
    return [f for f in doc["findings"] if f["kind"] == kind]


def test_amount_right_year_wrong(tmp_path):
    draft = "Acme is buying Globex for $3.2 billion.\nGlobex, founded in 1988 by Sam Poe, makes parts.\n"
    report, doc = draft_report(tmp_path, draft, {"a.txt": SOURCE_A, "b.txt": SOURCE_B})
    assert doc["mode"] == "draft"
    assert [f["verdict"] for f in by_kind(doc, "money")] == ["supported"]
    year = by_kind(doc, "year")
    assert [f["verdict"] for f in year] == ["contradicted"]
    assert year[0]["claims"][0]["source"] == "draft"  # the draft's claim comes first
    assert sorted(c["value"] for c in year[0]["claims"][1:]) == [1987, 1987]
    assert pipeline.failing(report.findings, "discrepancy")


def test_misquote_of_one_word_shows_the_word(tmp_path):
    draft = "“This deal gives us the size we need to compete,” Roe said.\n"
    report, doc = draft_report(tmp_path, draft, {"a.txt": SOURCE_A, "b.txt": SOURCE_B})
    quote = by_kind(doc, "quote")
    assert [f["verdict"] for f in quote] == ["contradicted"]
    assert "scale" in quote[0]["details"]["detail"] and "size" in quote[0]["details"]["detail"]
    assert "size" in render(report, "markdown")


def test_quote_with_editors_cut_is_supported(tmp_path):
    draft = "“This deal gives us the scale … to compete,” Roe said.\n"
    _, doc = draft_report(tmp_path, draft, {"a.txt": SOURCE_A, "b.txt": SOURCE_B})
    assert [f["verdict"] for f in by_kind(doc, "quote")] == ["supported"]


def test_figure_no_source_has_is_unsupported(tmp_path):
    draft = "Acme is buying Globex for $3.2 billion.\nAcme expects 300 job cuts at Globex.\n"
    report, doc = draft_report(tmp_path, draft, {"a.txt": SOURCE_A, "b.txt": SOURCE_B})
    count = by_kind(doc, "count")
    assert [(f["verdict"], f["claims"][0]["value"]) for f in count] == [("unsupported", 300)]
    assert not pipeline.failing(report.findings, "discrepancy")
    assert pipeline.failing(report.findings, "unsupported")


def test_paraphrase_is_supported(tmp_path):
    draft = "Sam Poe, who started Globex in 1987, will advise the combined company.\n"
    _, doc = draft_report(tmp_path, draft, {"a.txt": SOURCE_A, "b.txt": SOURCE_B})
    assert [f["verdict"] for f in by_kind(doc, "year")] == ["supported"]


def test_figure_sources_disagree_on(tmp_path):
    b = SOURCE_B.replace("1,200 employees", "1,500 employees")
    draft = "Globex has a staff of 1,200 employees.\n"
    _, doc = draft_report(tmp_path, draft, {"a.txt": SOURCE_A, "b.txt": b})
    count = by_kind(doc, "count")
    # the sources disagree among themselves and the draft took a's side: disputed, each side named
    assert [f["verdict"] for f in count] == ["disputed"]
    assert count[0]["message"].startswith("The sources disagree on the number of ")
    assert "the draft's 1,200 employees matches a:" in count[0]["message"]
    assert "b:" in count[0]["message"] and "says 1,500 employees" in count[0]["message"]
    assert count[0]["details"]["agree"] == ["a"] and count[0]["details"]["disagree"] == ["b"]
    assert count[0]["details"]["sides"] == [{"value": "1,200 employees", "sources": ["a"]},
                                            {"value": "1,500 employees", "sources": ["b"]}]


def test_omissions_list_source_claims_the_draft_leaves_out(tmp_path):
    draft = "Acme is buying Globex for $3.2 billion.\n"
    report, doc = draft_report(tmp_path, draft, {"a.txt": SOURCE_A, "b.txt": SOURCE_B})
    omitted = {f["kind"] for f in doc["omissions"]}
    assert {"year", "count", "quote"} <= omitted
    assert "## Source claims the draft leaves out" in render(report, "markdown")


def test_summary_counts(tmp_path):
    draft = "Acme is buying Globex for $3.2 billion.\nGlobex, founded in 1988, makes parts.\nIt has 40 plants.\n"
    _, doc = draft_report(tmp_path, draft, {"a.txt": SOURCE_A, "b.txt": SOURCE_B})
    assert doc["summary"] == {"supported": 1, "contradicted": 1, "disputed": 0, "unsupported": 1}


def test_seed_story_draft_003_against_000():
    report = pipeline.check_draft(str(REPO / "sources" / "003_9c8a5e1c08863dfc.txt"),
                                  [str(REPO / "sources" / "000_e1e47496308e6b9c.txt")], RULES)
    verdict = {(f.kind, str(f.claims[0].value)): f.verdict for f in report.findings}
    assert verdict[("money", "97400000000.0")] == "supported"
    assert verdict[("year", "2018")] == "supported"
    assert verdict[("year", "2022")] == "unsupported"
    assert not [f for f in report.findings if f.verdict == "contradicted"]


# ---------------------------------------------------------------- through the CLI

def cli_run(tmp_path, *args):
    from click.testing import CliRunner
    from checker.cli import cli
    return CliRunner().invoke(cli, ["check", *args, "--reports", str(tmp_path / "reports")])


def _story(tmp_path, draft_text, role_in_front_matter=False):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(SOURCE_A, encoding="utf-8")
    (folder / "b.txt").write_text(SOURCE_B, encoding="utf-8")
    if role_in_front_matter:
        path = folder / "mine.md"
        path.write_text("---\ntitle: My draft\nrole: draft\n---\n" + draft_text, encoding="utf-8")
    else:
        path = tmp_path / "mine.md"
        path.write_text(draft_text, encoding="utf-8")
    return folder, path


def test_cli_exit_1_on_contradiction_and_report_named_after_draft(tmp_path):
    folder, draft = _story(tmp_path, "Globex was founded in 1990.\n")
    result = cli_run(tmp_path, "--draft", str(draft), str(folder))
    assert result.exit_code == 1, result.output
    text = (tmp_path / "reports" / "mine-draft.md").read_text(encoding="utf-8")
    assert "❌ contradicted" in text and "### Line 1" in text


def test_cli_fail_on_unsupported(tmp_path):
    folder, draft = _story(tmp_path, "Acme is buying Globex for $3.2 billion.\nIt has 40 plants.\n")
    assert cli_run(tmp_path, "--draft", str(draft), str(folder)).exit_code == 0
    assert cli_run(tmp_path, "--draft", str(draft), str(folder), "--fail-on", "unsupported").exit_code == 1


def test_cli_no_omissions(tmp_path):
    folder, draft = _story(tmp_path, "Acme is buying Globex for $3.2 billion.\n")
    cli_run(tmp_path, "--draft", str(draft), str(folder), "--no-omissions")
    text = (tmp_path / "reports" / "mine-draft.md").read_text(encoding="utf-8")
    assert "leaves out" not in text


def test_role_draft_in_front_matter_switches_to_draft_mode(tmp_path):
    folder, _ = _story(tmp_path, "Globex was founded in 1990 by Sam Poe.\n", role_in_front_matter=True)
    result = cli_run(tmp_path, str(folder), "--format", "json")
    assert result.exit_code == 1
    doc = json.loads((tmp_path / "reports" / "story.json").read_text(encoding="utf-8"))
    assert doc["mode"] == "draft" and doc["draft"] == "mine"
    assert [f["verdict"] for f in doc["findings"]] == ["contradicted"]
