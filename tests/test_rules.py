"""Rule files: one YAML fixture of agree/disagree cases per rule, plus validation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from checker.errors import CheckerError
from checker.rules import builtin_dir, load_rules
from checker.rules.comparators import REGISTRY, quote_changes
from checker.rules.examples import example_claim, run_examples

FIXTURES = Path(__file__).parent / "rule_fixtures"
RULESET = load_rules()


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for expect in ("agree", "disagree"):
            for n, case in enumerate(data.get(expect) or []):
                yield pytest.param(path.stem, expect, case, id=f"{path.stem}-{expect}-{n}")


def test_every_rule_has_a_fixture():
    assert {r.id for r in RULESET.rules} == {p.stem for p in FIXTURES.glob("*.yaml")}


@pytest.mark.parametrize("rule_id,expect,case", list(_cases()))
def test_rule_fixture(rule_id, expect, case):
    rule = next(r for r in RULESET.rules if r.id == rule_id)
    claims = [example_claim(text, rule.kinds) for text in case]
    assert all(claims), f"no {rule.kinds} claim in one of {case}"
    frame = pd.DataFrame(claims).assign(group=0, source=[f"s{i}" for i in range(len(case))])
    ok = bool(REGISTRY[rule.comparator].func(frame, **rule.params)["ok"].iloc[0])
    assert ok is (expect == "agree")


def test_builtin_examples_all_hold():
    failures, total = run_examples(RULESET)
    assert total >= 20
    assert failures == []


def test_quote_changes_shows_changed_words():
    assert quote_changes("We are not for sale", "We are now for sale") == [("not", "now")]
    assert quote_changes("We are not for sale, and never will be", "we are not for sale") == []


def test_every_compared_kind_has_one_rule():
    assert set(RULESET.compared_kinds) == {"money", "percent", "count", "quantity", "duration",
                                           "time", "year", "date", "quote", "paraphrase",
                                           "outcome", "role", "holder", "place", "list", "name",
                                           "attribution"}
    assert RULESET.for_kind("money", single=True).id == "single-source"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "extra"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


GOOD = "id: money-amount\nkinds: [money]\ncomparator: numeric_tolerance\nparams: {relative: 0.2}\n"


@pytest.mark.parametrize("text,needle,line", [
    ("id: x\nkinds: [money\n", "YAML syntax error", 3),
    ("id: x\nkinds: [money]\ncomparator: exact\nlevle: error\n", "unknown key 'levle'", 4),
    ("id: x\nkinds: [money]\ncomparator: exactly\n", "unknown comparator 'exactly'", 3),
    ("id: x\nkinds: [monee]\ncomparator: exact\n", "unknown kind 'monee'", 2),
    ("id: x\nkinds: [money]\ncomparator: exact\nlevel: fatal\n", "unknown level 'fatal'", 4),
    ("id: x\nkinds: [money]\ncomparator: numeric_tolerance\nparams: {relativ: 0.1}\n", "no parameter 'relativ'", 4),
    ("id: x\nkinds: [money]\ncomparator: numeric_tolerance\nparams: {relative: lots}\n", "must be int or float", 4),
    ("id: 5\nkinds: [money]\ncomparator: exact\n", "'id' must be text", 1),
    ("kinds: [money]\ncomparator: exact\n", "missing required key 'id'", None),
])
def test_bad_rule_files_name_file_and_line(tmp_path, text, needle, line):
    folder = _write(tmp_path, "bad.yaml", text)
    with pytest.raises(CheckerError) as err:
        load_rules([folder])
    msg = str(err.value)
    assert needle in msg
    assert str(folder / "bad.yaml") in msg
    if line:
        assert err.value.line == line


def test_unknown_key_suggests_closest(tmp_path):
    folder = _write(tmp_path, "bad.yaml", "id: x\nkinds: [money]\ncomparator: exact\nmesage: hi\n")
    with pytest.raises(CheckerError) as err:
        load_rules([folder])
    assert "did you mean 'message'?" in str(err.value)


def test_override_by_id(tmp_path):
    folder = _write(tmp_path, "money.yaml", GOOD)
    rules = load_rules([folder])
    rule = next(r for r in rules.rules if r.id == "money-amount")
    assert rule.comparator == "numeric_tolerance" and rule.params["relative"] == 0.2
    assert len(rules.rules) == len(RULESET.rules)


def test_second_rule_for_same_kind_is_an_error(tmp_path):
    folder = _write(tmp_path, "m2.yaml", GOOD.replace("money-amount", "money-2"))
    with pytest.raises(CheckerError) as err:
        load_rules([folder])
    assert "already decided by rule 'money-amount'" in str(err.value)


def test_extra_lexicon_merges(tmp_path):
    folder = _write(tmp_path, "lexicon-local.yaml", "synonyms:\n  bid: [tilt]\naliases:\n  Acme: [Acme Corp]\n")
    lex = load_rules([folder]).lexicon
    assert lex.fold("a tilt for Acme Corp") == ["a", "bid", "for", "acme"]
    assert lex.fold("an offer") == ["an", "bid"]


def test_missing_rules_folder(tmp_path):
    with pytest.raises(CheckerError) as err:
        load_rules([tmp_path / "nope"])
    assert "no such rules folder" in str(err.value)


def test_builtin_dir_has_rule_files():
    assert (builtin_dir() / "lexicon.yaml").is_file()


def test_content_words_make_plain_plurals_singular():
    lex = RULESET.lexicon
    assert lex.content_words("The kettles retailed at stores") == ["kettle", "price", "store"]
    assert lex.content_words("business status virus analysis") == ["company", "status", "virus", "analysis"]


def test_quote_detail_names_changed_added_and_left_out_words():
    frame = pd.DataFrame({"group": [0, 0], "source": ["a", "b"],
                          "value": ["We will never sell the firm", "We will not sell the whole firm"]})
    detail = REGISTRY["quote_words"].func(frame)["detail"].iloc[0]
    assert detail == "“never” vs “not”; “whole” added"


@pytest.mark.parametrize("week, other, agree", [
    ("2022-W50", "2022-12-13", True), ("2022-W50", "2022-12-20", False),
    ("2022-W50", "2022-12", True), ("2022-W50", "2022-W51", False),
    ("2020-W53", "2021-01-02", True),    # an ISO week's year is not its days' year
    ("2025-W01", "2024-12-30", True), ("2025-W01", "2024", True),
    ("2024-W11", "2024-04", False), ("2024-W11", "2023", False),
])
def test_a_week_holds_its_days_months_and_years(week, other, agree):
    import pandas as pd
    from checker.rules.comparators import date_granularity
    got = date_granularity(pd.DataFrame({"group": [0, 0], "value": [week, other], "resolved": True}))
    assert bool(got.loc[0, "ok"]) is agree
