"""The real-coverage gold files: schema, spans, and no article text in git.

The excerpts themselves are never in the repository, so CI checks what it
can: every gold file is valid, every fact is anchored, no span is long, no
excerpt file is tracked, and no tracked file repeats a gold span (which would
mean an article was copied in). The scorer is tested on an invented event.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_eval  # noqa: E402
from real_gold import KINDS, MAX_SPAN, load, missing_spans, problems  # noqa: E402

GOLD = sorted((ROOT / "benchmarks" / "real").glob("*.yaml"))
FIXTURE = ROOT / "tests" / "fixtures" / "real_eval"


def _tracked() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return out.stdout.splitlines()


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_file_is_valid(path):
    doc = load(path)
    assert problems(doc, path) == []
    for fact in doc["facts"]:
        assert fact["kind"] in KINDS
        assert fact["claims"], fact["id"]
        for slug, claim in fact["claims"].items():
            assert claim["as_written"].strip(), (fact["id"], slug)
            assert len(claim["as_written"]) <= MAX_SPAN, (fact["id"], slug)


def test_the_set_is_large_enough():
    docs = [load(p) for p in GOLD]
    if not docs:
        pytest.skip("no gold files yet")
    facts = [f for d in docs for f in d["facts"]]
    assert len(docs) >= 8
    assert sum(len(d["sources"]) for d in docs) >= 40
    assert all(len(d["sources"]) >= 5 for d in docs)
    assert len(facts) >= 150
    assert sum(f["classification"] == "discrepancy" for f in facts) >= 30
    assert len({d["category"] for d in docs}) >= 8


def test_no_excerpt_is_tracked():
    tracked = _tracked()
    under = [p for p in tracked if p.startswith("benchmarks/real/")]
    assert all(p.endswith((".yaml", ".md")) for p in under), under


def test_no_tracked_file_repeats_a_gold_span():
    spans = {c["as_written"] for p in GOLD for f in load(p)["facts"]
             for c in f["claims"].values() if len(c["as_written"]) >= 30}
    if not spans:
        pytest.skip("no gold spans yet")
    gold_files = {str(p.relative_to(ROOT)) for p in GOLD}
    for rel in _tracked():
        if rel in gold_files:
            continue
        try:
            text = (ROOT / rel).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits = [s for s in spans if s in text]
        assert not hits, f"{rel} holds article text: {hits[:2]}"


# ---- the validator and the scorer, on an invented event -------------------

def test_validator_names_each_problem(tmp_path):
    bad = tmp_path / "ev.yaml"
    bad.write_text(
        "event: other\ncategory: weather\nsources:\n  a: {file: a.txt, url: 'https://a'}\n"
        "  b: {file: b.txt, url: 'https://b'}\nfacts:\n"
        "  - {id: x, kind: colour, description: d, classification: discrepancy,"
        " claims: {a: {value: 1, as_written: '1'}, c: {value: 2}}}\n"
        "traps:\n  - facts: [x, y]\n", encoding="utf-8")
    errs = "\n".join(problems(load(bad), bad))
    for want in ("is not the file stem", "category 'weather'", "kind 'colour'", "needs severity",
                 "'c' is not in sources", "as_written missing", "trap 1"):
        assert want in errs


def test_missing_span_is_warned(tmp_path):
    doc = load(FIXTURE / "gold" / "harbor-fire.yaml")
    assert missing_spans(doc, FIXTURE / "excerpts" / "harbor-fire") == []
    doc["facts"][0]["claims"]["alpha"]["as_written"] = "killed 13 people"
    (warn,) = missing_spans(doc, FIXTURE / "excerpts" / "harbor-fire")
    assert "deaths: alpha: as_written not in excerpt" in warn


def test_scorer_through_the_real_command(tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert real_eval.main([str(FIXTURE / "excerpts"), "--gold", str(FIXTURE / "gold"),
                           "--json", str(out), "-v"]) == 0
    import json
    res = json.loads(out.read_text())
    t = res["totals"]
    # By hand: 12 vs Fourteen killed is the one discrepancy; $4.5 million and
    # about/some 300 firefighters agree; 1998 is Beta's alone.
    assert (t["discrepancy"], t["discrepancy_found"]) == (1, 1)
    assert (t["reported"], t["correct"]) == (1, 1)
    assert (t["agreement"], t["agreement_found"]) == (2, 2)
    assert (t["single_source"], t["single_source_found"]) == (1, 1)
    assert res["by_kind"]["money"]["spans_extracted"] == 2
    printed = capsys.readouterr().out
    assert "harbor-fire" in printed and "discrepancy recall" in printed


def _event():
    doc = load(FIXTURE / "gold" / "harbor-fire.yaml")
    doc["traps"] = [{"facts": ["deaths", "opened"]}]
    return real_eval.Event(doc, FIXTURE / "excerpts" / "harbor-fire")


def _claim(src, text_file, needle, kind):
    text = (FIXTURE / "excerpts" / "harbor-fire" / text_file).read_text(encoding="utf-8")
    start = text.index(needle)
    return {"source": src, "start": start, "end": start + len(needle), "raw": needle, "kind": kind}


def _report(*findings):
    return {"sources": [{"id": "alpha", "path": "x/alpha.txt"}, {"id": "beta", "path": "x/beta.txt"}],
            "findings": [{"verdict": v, "kind": k, "claims": cs} for v, k, cs in findings]}


def test_scorer_counts_false_discrepancies_and_traps():
    ev = _event()
    sc = ev.score(_report(
        # a discrepancy on two agreeing sources: false ("gold agreement")
        ("discrepancy", "money", [_claim("alpha", "alpha.txt", "$4.5 million", "money"),
                                  _claim("beta", "beta.txt", "$4.5 million", "money")]),
        # a toll paired with a year: false, and a trap violation
        ("discrepancy", "count", [_claim("alpha", "alpha.txt", "12", "count"),
                                  _claim("beta", "beta.txt", "1998", "year")]),
    ))
    assert sc["reported"] == 2 and sc["correct"] == 0
    assert sc["false"] == {"gold agreement": 1, "pairs different facts": 1}
    assert len(sc["traps"]) == 1
    assert "deaths" not in sc["found"]


def test_a_whole_sentence_row_does_not_stand_for_a_figure():
    ev = _event()
    sentence = _claim("alpha", "alpha.txt", "A fire at the Tolvern harbour warehouse killed 12 people", "statement")
    assert ev.hits(sentence, "alpha") == set()
    assert ev.hits({**sentence, "kind": "count"}, "alpha") == {"deaths"}


def test_an_absent_excerpt_takes_its_claims_with_it():
    doc = load(FIXTURE / "gold" / "harbor-fire.yaml")
    # By hand: without beta, the 12/14 discrepancy and both agreements are
    # alpha's alone (single-source); 1998 was beta's only and is dropped.
    reduced = real_eval.present_only(doc, {"alpha"})
    got = {f["id"]: f["classification"] for f in reduced["facts"]}
    assert got == {"deaths": "single_source", "damage": "single_source", "firefighters": "single_source"}
    assert "severity" not in reduced["facts"][0] and list(reduced["sources"]) == ["alpha"]
    # three sources, the third absent, two left stating one value: they agree
    doc["sources"]["gamma"] = {"file": "gamma.txt", "outlet": "Gamma", "url": "https://g.example"}
    doc["facts"][0]["claims"]["gamma"] = {"value": 12, "as_written": "12 dead"}
    doc["facts"][0]["claims"]["beta"] = {"value": 12, "as_written": "12 died"}
    doc["facts"][0]["claims"]["alpha"] = {"value": 14, "as_written": "14 dead"}
    doc["traps"] = [{"facts": ["deaths", "opened"]}]
    reduced = real_eval.present_only(doc, {"beta", "gamma"})
    assert reduced["facts"][0]["classification"] == "agreement"
    assert reduced["traps"] == [{"facts": ["deaths", "opened"]}]
    reduced = real_eval.present_only(doc, {"alpha", "gamma"})
    assert reduced["facts"][0]["classification"] == "discrepancy"
    assert reduced["traps"] == []  # 'opened' was beta's alone
    assert real_eval.present_only(doc, {"alpha", "beta", "gamma"}) is doc


def test_the_scorer_notes_an_absent_excerpt(tmp_path, capsys):
    import shutil
    shutil.copytree(FIXTURE / "excerpts", tmp_path / "ex")
    (tmp_path / "ex" / "harbor-fire" / "beta.txt").unlink()
    out = tmp_path / "scores.json"
    assert real_eval.main([str(tmp_path / "ex"), "--gold", str(FIXTURE / "gold"), "--json", str(out)]) == 0
    import json
    t = json.loads(out.read_text())["totals"]
    assert t.get("discrepancy", 0) == 0 and t["single_source"] == 3
    assert "1 excerpt(s) absent, scored without them: beta" in capsys.readouterr().err
