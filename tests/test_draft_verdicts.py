"""Draft verdicts: disputed (the sources disagree and the draft took one side),
verbatim partial quotes, the report's name; through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run, write

WIRE = ("Harbor Foods agreed to buy Lindqvist Dairy for $2.4 billion, the companies said.\n"
        "The dairy employs 1,850 people.\n"
        "\"We will keep every plant open and every job in Uppsala,\" said Ann Berg, the chief executive.\n")
DAILY = ("Harbor Foods will pay $2.9 billion for Lindqvist Dairy.\n"
         "The dairy employs 1,850 people.\n"
         "Berg said the deal was the best outcome for farmers in the region, by some distance.\n")


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story" / "wire.md", WIRE)
    write(tmp_path / "story" / "daily.md", DAILY)
    return tmp_path


def draft_doc(root: Path, text: str, *args: str, name: str = "mine.md") -> tuple[int, dict, str]:
    draft = write(root / name, text)
    code, out, err = run("check", "--draft", str(draft), "story", "--format", "json", "--reports", "out", *args)
    assert code in (0, 1), out + err
    stem = draft.stem if draft.stem.endswith("draft") else draft.stem + "-draft"
    return code, json.loads((root / "out" / f"{stem}.json").read_text(encoding="utf-8")), out


def test_a_disputed_figure_names_each_side_and_passes_by_default(story):
    code, doc, out = draft_doc(story, "Harbor Foods is paying $2.4 billion for Lindqvist Dairy.\n")
    [f] = [f for f in doc["findings"] if f["kind"] == "money"]
    assert f["verdict"] == "disputed" and f["level"] == "warning"
    assert "the draft's $2.4 billion matches wire:1; daily:1 says $2.9 billion" in f["message"]
    assert f["details"]["sides"] == [{"value": "$2.4 billion", "sources": ["wire"]},
                                     {"value": "$2.9 billion", "sources": ["daily"]}]
    assert code == 0 and doc["summary"]["disputed"] == 1
    assert "0 contradicted, 1 disputed, 0 unsupported, 0 supported claims" in out
    code, _, _ = draft_doc(story, "Harbor Foods is paying $2.4 billion for Lindqvist Dairy.\n",
                           "--fail-on", "disputed")
    assert code == 1


def test_contradicted_when_no_source_agrees(story):
    code, doc, _ = draft_doc(story, "The dairy employs 1,580 people.\n")
    [f] = [f for f in doc["findings"] if f["kind"] == "count"]
    assert f["verdict"] == "contradicted" and code == 1
    assert f["message"] == ("The draft's 1,580 people is contradicted: daily:2 says 1,850 people; "
                            "wire:2 says 1,850 people")


def test_the_markdown_draft_report_marks_disputed(story):
    draft = write(story / "mine.md", "Harbor Foods is paying $2.9 billion.\n")
    run("check", "--draft", str(draft), "story", "--reports", "out")
    text = (story / "out" / "mine-draft.md").read_text(encoding="utf-8")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| ⚖️")]
    assert rows[0] == ["⚖️ disputed", "1"]                       # the summary
    assert rows[1][:3] == ["⚖️ disputed", "money", "\\$2.9 billion"]  # the draft's line
    assert "- The sources disagree on " in text and "the draft's \\$2.9 billion matches daily:1" in text


@pytest.mark.parametrize("sentence,verdict", [
    # the draft quotes part of a source's quote: supported
    ('Berg promised to keep "every plant open" after the sale.\n', "supported"),
    ('"Every job in Uppsala" would stay, Berg said.\n', "supported"),
    # the words are in a source's sentence, not in quotation marks there: supported, verbatim
    ('Berg called the deal "the best outcome for farmers in the region".\n', "supported"),
    ('Berg called it "the best outcome for farmers".\n', "supported"),
    # a changed word is not the source's words
    ('Berg called the deal "the best outcome for dairy farmers in the region".\n', "unsupported"),
    # two words are everywhere: too short to count as found verbatim
    ('Berg said "some distance" was left to go.\n', "unsupported"),
    # words no source has
    ('Berg said the merger was "a marriage of equals".\n', "unsupported"),
])
def test_verbatim_partial_quotes(story, sentence, verdict):
    _, doc, _ = draft_doc(story, sentence)
    quotes = [f for f in doc["findings"] if f["kind"] == "quote"]
    assert [f["verdict"] for f in quotes] == [verdict], [f["message"] for f in quotes]


def test_a_verbatim_quote_names_where_the_words_are(story):
    _, doc, _ = draft_doc(story, 'Berg called the deal "the best outcome for farmers in the region".\n')
    [f] = [f for f in doc["findings"] if f["kind"] == "quote"]
    assert f["message"] == ("The draft's “the best outcome for farmers in the region” is supported: "
                            "daily:3 has these words verbatim")
    source = f["claims"][1]
    assert (source["source"], source["line"], source["raw"]) == ("daily", 3, "the best outcome for farmers in the region")
    assert DAILY[source["start"]:source["end"]] == "the best outcome for farmers in the region"
    assert f["details"]["verbatim"] is True


@pytest.mark.parametrize("name,report", [
    ("x-draft.md", "x-draft"), ("mine.md", "mine-draft"), ("draft.md", "draft"), ("story-DRAFT.md", "story-DRAFT"),
])
def test_draft_report_names(story, name, report):
    draft = write(story / name, "The dairy employs 1,850 people.\n")
    code, out, err = run("check", "--draft", str(draft), "story", "--reports", "out")
    assert code == 0, out + err
    assert sorted(p.name for p in (story / "out").iterdir()) == sorted([f"{report}.md", f"{report}.claims.md"])


def test_a_draft_named_like_the_story_does_not_replace_its_report(story):
    from checker.stories import draft_name
    assert draft_name("x/story-draft.md", "story-draft") == "story-draft-draft"
    assert draft_name("x/a.md", "story") == "a-draft"
