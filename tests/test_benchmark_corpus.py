"""The benchmark corpus is deterministic and its planted facts are what it says.

Fast: small stories only, plus one tiny run of benchmarks/run.py (N=2,3).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
from corpus import generate, money_formats, percent_formats, date_formats  # noqa: E402

DIGIT_FREE_FILLER = re.compile(r"\d")


def test_same_seed_same_bytes():
    a, b = generate(12, seed=5), generate(12, seed=5)
    assert a.texts == b.texts
    assert json.dumps(a.truth, sort_keys=True) == json.dumps(b.truth, sort_keys=True)
    assert generate(12, seed=6).texts != a.texts


def test_written_files_match_texts(tmp_path):
    story = generate(3, seed=1)
    paths = story.write(tmp_path / "story")
    assert [p.stem for p in paths] == story.truth["sources"]
    for p in paths:
        assert p.read_text(encoding="utf-8") == story.texts[p.stem]
    truth = json.loads((tmp_path / "story.truth.json").read_text(encoding="utf-8"))
    assert truth["n_sources"] == 3


@pytest.mark.parametrize("n", [2, 10, 60])
def test_sources_are_about_800_words(n):
    story = generate(n)
    words = [len(t.split()) for t in story.texts.values()]
    assert len(words) == n
    assert all(700 <= w <= 900 for w in words), (min(words), max(words))


def _stated(text: str, fact: dict) -> bool:
    """Whether ``text`` states ``fact`` with ``value`` in one of the corpus formats."""
    kind, value = fact["kind"], fact["value"]
    if kind == "money":
        forms = money_formats(value).values()
    elif kind == "percent":
        forms = percent_formats(value).values()
    elif kind == "count":
        forms = corpus.count_formats(value).values()
    elif kind == "date":
        forms = date_formats(value).values()
    elif kind == "year":
        forms = [str(value)]
    else:
        forms = [value]
    # whole tokens only: "$2,500,000" is not inside "$2,500,000,000"
    return any(re.search(rf"(?<![\w$.,]){re.escape(f)}(?![\w%]|[.,]\d)", text) for f in forms)


@pytest.mark.parametrize("n", [2, 10, 60])
def test_planted_discrepancies_are_in_the_text(n):
    story = generate(n)
    truth = story.truth
    facts = {f["id"]: f for f in truth["facts"]}
    assert truth["discrepancies"], "every story plants at least one discrepancy"
    for d in truth["discrepancies"]:
        fact = facts[d["fact"]]
        assert 1 <= len(d["changed"]) <= 3
        assert set(d["changed"]) <= set(fact["sources"])
        for sid, wrong in d["changed"].items():
            assert wrong != fact["value"]
            assert _stated(story.texts[sid], {"kind": d["kind"], "value": wrong}), (sid, d)
            if d["kind"] != "date":  # "March 2024" is inside "13 March 2024"
                assert not _stated(story.texts[sid], fact), (sid, d)
        # some source still states the canonical value
        keep = [s for s in fact["sources"] if s not in d["changed"]]
        assert keep and all(_stated(story.texts[s], fact) for s in keep)


@pytest.mark.parametrize("n", [2, 10, 60])
def test_single_source_facts_are_stated_once(n):
    story = generate(n)
    singles = story.truth["single_source"]
    assert singles
    assert len({s["fact"] for s in singles}) == len(singles)
    for s in singles:
        holders = [sid for sid, text in story.texts.items() if _stated(text, s)]
        assert holders == [s["source"]], (s, holders)


def test_shared_facts_have_two_sources_and_distinct_measures():
    story = generate(40)
    for f in story.truth["facts"]:
        assert len(f["sources"]) >= 2
        if f["id"] != "announced":
            holders = [sid for sid, t in story.texts.items() if _stated(t, f)]
            changed = {s for d in story.truth["discrepancies"] if d["fact"] == f["id"] for s in d["changed"]}
            assert set(holders) == set(f["sources"]) - changed, f["id"]


def test_date_discrepancy_is_written_with_its_day():
    # a bare month would agree with any day: a changed date must carry one
    for seed in range(30):
        story = generate(10, seed=seed)
        for d in story.truth["discrepancies"]:
            if d["kind"] == "date":
                for sid, wrong in d["changed"].items():
                    forms = date_formats(wrong)
                    assert forms["mdy"] in story.texts[sid] or forms["dmy"] in story.texts[sid]
                return
    pytest.skip("no seed below 30 plants a date discrepancy")


def test_invented_entities_only():
    story = generate(5)
    text = " ".join(story.texts.values())
    for real in ("OpenAI", "Musk", "Altman", "Twitter", "Microsoft", "Google", "Apple"):
        assert real not in text


def test_evaluate_matches_changed_values():
    from evaluate import score
    story = generate(10)
    truth = story.truth
    d = truth["discrepancies"][0]
    sid, wrong = next(iter(d["changed"].items()))
    good = {"verdict": "discrepancy", "kind": d["kind"],
            "claims": [{"source": "src0001", "value": d["value"]}, {"source": sid, "value": wrong}]}
    bogus = {"verdict": "discrepancy", "kind": "money",
             "claims": [{"source": "src0001", "value": 1.0}, {"source": "src0002", "value": 2.0}]}
    result = score([good, bogus], truth)
    assert result["found"] == 1 and result["planted"] == len(truth["discrepancies"])
    assert result["false_discrepancies"] == 1 and result["precision"] == 0.5


def test_run_smoke(tmp_path):
    """benchmarks/run.py end to end on N=2,3 (no floor, no CLI runs: fast)."""
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "2,3", "--no-cli", "--no-floor", "--no-bytecode-cache",
         "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [r["n"] for r in doc["sizes"]] == [2, 3]
    for r in doc["sizes"]:
        assert "error" not in r, r.get("stderr", r.get("error"))
        assert set(r["times_s"]) >= {"load", "extract", "align", "rules", "report"}
        assert r["peak_rss_mib"] > 0 and r["claims"] > 0
    assert "|   N |" in proc.stdout
