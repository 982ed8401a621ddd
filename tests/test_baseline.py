"""Baselines (fingerprints, file, matching, stale entries) and inline suppressions."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from checker import baseline, pipeline, suppress
from checker.errors import CheckerError
from checker.records import Claim, Finding, Report, Source
from checker.schema import make_table


def _claim(source, line, raw, start=0, kind="money"):
    return Claim(source=source, claim_id=f"{source}#{line}", kind=kind, line=line, start=start,
                 end=start + len(raw), raw=raw, value=None, unit="USD", text=f"It paid {raw}.")


def _finding(a="$3.2 billion", b="$4.1 billion", la=3, lb=5, rule="money-amount",
             verdict="discrepancy", fid="f1", level="error"):
    return Finding(id=fid, verdict=verdict, kind="money", topic="acquisition (Acme)", rule=rule,
                   level=level, message=f"Sources disagree: wire:{la} {a}; daily:{lb} {b}",
                   claims=(_claim("wire", la, a, start=la * 40), _claim("daily", lb, b, start=lb * 40)))


def _report(*findings, story="acme", sources=()):
    return Report(story=story, sources=tuple(sources), table=make_table([]), findings=tuple(findings))


# ---------------------------------------------------------------- fingerprints

def test_fingerprint_ignores_lines_offsets_and_claim_order():
    f = _finding()
    moved = _finding(la=30, lb=1, fid="other-id")
    swapped = dataclasses.replace(f, claims=f.claims[::-1])
    assert baseline.fingerprint(f) == baseline.fingerprint(moved) == baseline.fingerprint(swapped)


def test_fingerprint_ignores_case_space_and_quote_style():
    f = _finding(a="$3.2 billion", b="€4,1 Mrd")
    g = _finding(a="$3.2  Billion", b="€4,1 mrd")
    assert baseline.fingerprint(f) == baseline.fingerprint(g)
    assert baseline.normalize("“No thank you,”") == '"no thank you,"'


@pytest.mark.parametrize("change", [
    {"b": "$4.2 billion"},          # a value changed
    {"rule": "money-rounding"},     # another rule
])
def test_fingerprint_changes_with_values_and_rule(change):
    assert baseline.fingerprint(_finding(**change)) != baseline.fingerprint(_finding())


def test_fingerprint_depends_on_source_ids():
    f = _finding()
    other = dataclasses.replace(f, claims=(dataclasses.replace(f.claims[0], source="ap"), f.claims[1]))
    assert baseline.fingerprint(other) != baseline.fingerprint(f)


# ---------------------------------------------------------------- the file

def test_entries_record_only_discrepancies_not_suppressed():
    report = _report(_finding(fid="bad"), _finding(verdict="agreement", fid="ok", b="$3.2 billion"),
                     dataclasses.replace(_finding(fid="s", b="$9 billion"), status="suppressed"))
    entries = baseline.entries_for(report)
    assert [e.values for e in entries] == [("daily: $4.1 billion", "wire: $3.2 billion")]
    assert entries[0].story == "acme" and entries[0].reason == ""


def test_dump_is_deterministic_and_loads_back(tmp_path):
    one = baseline.entry("b-story", _finding())
    two = baseline.entry("a-story", _finding(b="$5 billion"), reason="Wire corrected later")
    text = baseline.dump([one, two])
    assert text == baseline.dump([two, one])
    path = tmp_path / "baseline.yaml"
    path.write_text(text)
    assert baseline.load(path) == [two, one]  # sorted by story
    data = yaml.safe_load(text)
    assert data["version"] == 2
    assert list(data["findings"][0]) == ["story", "rule", "kind", "fingerprint", "topic", "values", "reason"]
    assert text.startswith("# checker baseline")


def test_load_errors_name_file_and_line(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("version: 1\nfindings:\n- story: a\n  rule: r\n  kind: money\n  fingerprint: x\n"
                    "- story: a\n  rule: r\n  kind: money\n")
    with pytest.raises(CheckerError) as err:
        baseline.load(path)
    assert str(err.value) == f"{path}:7: baseline entry needs 'fingerprint' (text)"
    path.write_text("findings:\n- story: a\n  rul: r\n")
    with pytest.raises(CheckerError, match=r":2: unknown key 'rul' in baseline entry \(did you mean 'rule'\?\)"):
        baseline.load(path)
    with pytest.raises(CheckerError, match="no such baseline file"):
        baseline.load(tmp_path / "missing.yaml")


def test_merge_keeps_reasons_and_other_stories():
    old = [baseline.entry("acme", _finding(), reason="accepted by desk"),
           baseline.entry("acme", _finding(b="$7 billion"), reason="gone now"),
           baseline.entry("other", _finding(), reason="other story")]
    new = [baseline.entry("acme", _finding(la=90)), baseline.entry("acme", _finding(b="$8 billion"))]
    merged = baseline.merge(old, new, {"acme"})
    assert sorted((e.story, e.values[0], e.reason) for e in merged) == [
        ("acme", "daily: $4.1 billion", "accepted by desk"),
        ("acme", "daily: $8 billion", ""),
        ("other", "daily: $4.1 billion", "other story"),
    ]


# ---------------------------------------------------------------- matching

def test_apply_accepts_matches_and_reports_stale_entries():
    entries = [baseline.entry("acme", _finding(), reason="desk ok"),
               baseline.entry("acme", _finding(b="$6 billion")),      # no longer in the articles
               baseline.entry("elsewhere", _finding(b="$7 billion"))]  # another story: ignored
    report = _report(_finding(la=12, lb=14), _finding(b="$5 billion", fid="f2"))
    out = baseline.apply(report, entries, "base.yaml")
    assert [f.status for f in out.findings] == ["accepted", "new"]
    assert out.findings[0].details["reason"] == "desk ok"
    assert len(out.notes) == 1
    assert out.notes[0].startswith(f"stale baseline entry {entries[1].fingerprint} (money-amount: ")
    assert "daily: $6 billion" in out.notes[0] and out.notes[0].endswith("remove it from base.yaml")
    assert [f.id for f in pipeline.failing(out.findings, "discrepancy")] == ["f2"]


def test_one_entry_accepts_one_finding():
    entries = [baseline.entry("acme", _finding())]
    out = baseline.apply(_report(_finding(fid="x"), _finding(fid="y", la=40)), entries)
    assert [f.status for f in out.findings] == ["accepted", "new"]
    assert out.notes == ("1 accepted finding has no reason in the baseline: fill in 'reason'",)


def test_accepted_finding_with_a_reason_needs_no_note():
    entries = [baseline.entry("acme", _finding(), reason="The wire counts debt")]
    out = baseline.apply(_report(_finding(fid="x")), entries)
    assert [f.status for f in out.findings] == ["accepted"]
    assert out.findings[0].details["reason"] == "The wire counts debt"
    assert out.notes == ()


# ---------------------------------------------------------------- inline suppressions

TEXT = """\
---
title: Acme
---
Acme agreed to buy Widgets.
<!-- checker: ignore=money-amount reason="Wire figure includes debt" -->
The deal is worth $3.2 billion, the company said.
It employs 400 people.
"""


def _source(text=TEXT, sid="wire", path="stories/acme/wire.md"):
    return Source(id=sid, path=path, text=text, plain=text)


def test_scan_finds_comment_and_target_line():
    [s] = suppress.scan(_source())
    assert (s.source, s.line, s.target, s.rules, s.reason) == (
        "wire", 5, 6, ("money-amount",), "Wire figure includes debt")


def test_scan_multiline_comment_and_several_rules():
    text = "A.\n<!-- checker: ignore=money-amount, single-source\n reason='two\n lines' -->\nB $1.\n"
    [s] = suppress.scan(_source(text))
    assert (s.line, s.target, s.rules, s.reason) == (2, 5, ("money-amount", "single-source"), "two lines")


@pytest.mark.parametrize("comment", [
    "<!-- checker: ignore=money-amount -->",
    '<!-- checker: ignore=money-amount reason="" -->',
    '<!-- checker: ignore=money-amount reason="  " -->',
])
def test_reason_is_required(comment):
    text = f"Intro.\n\n{comment}\nIt paid $3 billion.\n"
    with pytest.raises(CheckerError) as err:
        suppress.scan(_source(text))
    assert str(err.value).startswith("stories/acme/wire.md:3: an ignore comment needs a reason")


def test_unreadable_comment_is_an_error():
    with pytest.raises(CheckerError, match=r"wire.md:1: cannot read this checker comment"):
        suppress.scan(_source("<!-- checker: ignore money-amount -->\nx\n"))


def test_other_html_comments_are_ignored():
    assert suppress.scan(_source("<!-- editor: check this -->\nIt paid $3.\n")) == []


def test_unknown_rule_in_comment():
    found = suppress.scan(_source(TEXT.replace("money-amount", "money-amonut")))
    with pytest.raises(CheckerError, match=r"wire.md:5: unknown rule 'money-amonut'.*did you mean 'money-amount'"):
        suppress.check_rules(found, ["money-amount", "single-source"])


def test_apply_marks_matching_findings_and_notes_unused_comments():
    found = suppress.scan(_source())
    hit = _finding(la=6, lb=2)                       # wire claim on line 6: suppressed
    other_rule = _finding(la=6, lb=2, rule="count-value", fid="f2")
    other_line = _finding(la=7, lb=2, fid="f3")
    findings, notes = suppress.apply([hit, other_rule, other_line], found)
    assert [f.status for f in findings] == ["suppressed", "new", "new"]
    assert findings[0].details["reason"] == "Wire figure includes debt"
    assert notes == []
    _, unused = suppress.apply([other_line], found)
    assert unused == ["ignore comment at stories/acme/wire.md:5 matches no finding of money-amount on line 6"]


def test_comment_only_applies_to_its_own_article():
    found = suppress.scan(_source())
    f = dataclasses.replace(_finding(la=2, lb=6))  # daily's claim is on line 6, not wire's
    findings, _ = suppress.apply([f], found)
    assert findings[0].status == "new"


def test_with_statuses_suppresses_then_baselines():
    class RuleSet:  # the two attributes with_statuses reads
        rules = [type("R", (), {"id": "money-amount"})()]
    hit = _finding(la=6, lb=2)
    other = _finding(b="$9 billion", fid="f2")
    report = _report(hit, other, sources=[_source()])
    entries = [baseline.entry("acme", other)]
    out = pipeline.with_statuses(report, RuleSet(), entries, "b.yaml")
    assert [f.status for f in out.findings] == ["suppressed", "accepted"]
    assert pipeline.failing(out.findings, "discrepancy") == []
    assert out.notes == ("1 accepted finding has no reason in b.yaml: fill in 'reason'",)


# ---------------------------------------------------------------- normalized values (issue 14)

def _money_claim(source, raw, value, approx=False, line=1):
    return Claim(source=source, claim_id=f"{source}#{line}", kind="money", line=line, start=0,
                 end=len(raw), raw=raw, value=value, unit="USD", text=f"It paid {raw}.", approx=approx)


def _pair(a_raw, a_value, b_raw="$4.1 billion", b_value=4.1e9, a_approx=False):
    return dataclasses.replace(_finding(), claims=(_money_claim("wire", a_raw, a_value, a_approx),
                                                   _money_claim("daily", b_raw, b_value, line=2)))


@pytest.mark.parametrize("same", [
    ("$3.15 billion", 3.15e9),
    ("US$3.15bn", 3.15e9),
    ("3.15 billion dollars", 3.15e9),
])
def test_fingerprint_uses_the_normalized_value(same):
    assert baseline.fingerprint(_pair("$3.15bn", 3.15e9)) == baseline.fingerprint(_pair(*same))


@pytest.mark.parametrize("other", [
    ("$3.16bn", 3.16e9),              # another value
    ("$3,150 million", 3.15e9),       # the same value to another precision (a million, not $10 million)
])
def test_fingerprint_changes_with_the_value_or_its_precision(other):
    assert baseline.fingerprint(_pair("$3.15bn", 3.15e9)) != baseline.fingerprint(_pair(*other))


def test_fingerprint_changes_with_a_hedge():
    exact = _pair("$3.15bn", 3.15e9)
    assert baseline.fingerprint(exact) != baseline.fingerprint(_pair("about $3.15bn", 3.15e9, a_approx=True))
    assert baseline.fingerprint(_pair("about $3.15bn", 3.15e9, a_approx=True)) != \
        baseline.fingerprint(_pair("nearly $3.15bn", 3.15e9, a_approx=True))


# ---------------------------------------------------------------- through the CLI

from cli_helpers import run, write  # noqa: E402

WIRE = "Acme Corp agreed on Monday to buy Globex for $3.2 billion, the companies said.\n"
DAILY = "Globex will be acquired by Acme Corp in a US$3.5bn deal, the firms announced.\n"


@pytest.fixture
def deal(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story" / "wire.txt", WIRE)
    write(tmp_path / "story" / "daily.txt", DAILY)
    code, out, err = run("baseline", "story", "-o", "base.yaml")
    assert code == 0, out + err
    return tmp_path


def _check(*args):
    return run("check", "story", "--baseline", "base.yaml", "-o", "r.md", *args)


@pytest.mark.parametrize("rewritten", [
    "Acme Corp agreed on Monday to buy Globex for $3.2bn, the companies said.\n",
    "Acme Corp will pay $3.2 billion for Globex, the two companies said on Monday.\n",  # reworded
    "Acme Corp agreed on Monday to buy Globex for US$3.2 billion, the companies said.\n",
])
def test_the_same_value_written_another_way_stays_accepted(deal, rewritten):
    write(deal / "story" / "wire.txt", rewritten)
    code, out, err = _check()
    assert code == 0, out + err
    assert "stale" not in out, out


@pytest.mark.parametrize("rewritten", [
    WIRE.replace("$3.2 billion", "$3.3 billion"),      # another value
    WIRE.replace("$3.2 billion", "nearly $3.2 billion"),  # now a hedged figure (still not $3.5bn)
])
def test_another_value_makes_the_entry_stale(deal, rewritten):
    write(deal / "story" / "wire.txt", rewritten)
    code, out, err = _check()
    assert code == 1, out + err
    assert "stale baseline entry" in out, out


def _v1_fingerprint(rule, kind, pairs):
    """Version 1, as docs/ci.md described it: sha256 of the JSON of the rule, the
    kind and the sorted (source, value as written, case/space-folded) pairs."""
    import hashlib
    import json
    payload = json.dumps([rule, kind, sorted(pairs)], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _v1_file(path, story="story", reason="Daily counts debt"):
    fp = _v1_fingerprint("money-amount", "money", [("wire", "$3.2 billion"), ("daily", "us$3.5bn")])
    path.write_text("version: 1\nfindings:\n"
                    f"- story: {story}\n  rule: money-amount\n  kind: money\n  fingerprint: {fp}\n"
                    f"  topic: acquire (Globex)\n  values: ['daily: US$3.5bn', 'wire: $3.2 billion']\n"
                    f"  reason: {reason}\n", encoding="utf-8")
    return fp


def test_a_version_1_baseline_still_accepts_its_findings_with_a_note(deal):
    _v1_file(deal / "base.yaml")
    code, out, err = _check()
    assert code == 0, out + err
    assert "stale" not in out
    assert "version-1 fingerprint" in out and "checker baseline" in out, out


def test_rewriting_a_version_1_baseline_keeps_its_reasons(deal):
    _v1_file(deal / "base.yaml")
    code, out, err = run("baseline", "story", "-o", "base.yaml")
    assert code == 0, out + err
    data = yaml.safe_load((deal / "base.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 2
    [entry] = data["findings"]
    assert entry["reason"] == "Daily counts debt" and not entry["fingerprint"].startswith("v1:")
    code, out, err = _check()
    assert code == 0 and "version-1" not in out and "stale" not in out, out + err


def test_other_stories_entries_of_a_version_1_file_are_kept_and_still_match(deal):
    old = _v1_file(deal / "base.yaml", story="elsewhere")
    write(deal / "elsewhere" / "wire.txt", WIRE)
    write(deal / "elsewhere" / "daily.txt", DAILY)
    code, out, err = run("baseline", "story", "-o", "base.yaml")  # records 'story' only
    assert code == 0, out + err
    data = yaml.safe_load((deal / "base.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 2
    kept = [e for e in data["findings"] if e["story"] == "elsewhere"]
    assert [e["fingerprint"] for e in kept] == ["v1:" + old]
    code, out, err = run("check", "elsewhere", "--baseline", "base.yaml", "-o", "r.md")
    assert code == 0 and "stale" not in out, out + err


def test_a_newer_baseline_version_is_refused(deal):
    (deal / "base.yaml").write_text("version: 3\nfindings: []\n", encoding="utf-8")
    code, out, err = _check()
    assert code == 2 and "base.yaml" in err and "version 3" in err and "1 and 2" in err, err
