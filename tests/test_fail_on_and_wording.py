"""--fail-on (the verdicts and the rule levels), plural wording, topic phrases,
and the GitHub job summary (worst first, capped at 1 MiB, linking the reports)."""

from __future__ import annotations

import pytest

from checker.pipeline import failing
from checker.records import Claim, Finding
from checker.wording import phrase, plural

from cli_helpers import run, write


def _f(verdict, level="error", status="new", n=[0]):  # noqa: B006 (a counter for unique ids)
    n[0] += 1
    c = Claim(source="a", claim_id=f"a#{n[0]}", kind="money", line=1, start=0, end=1, raw="$1", value=1.0,
              unit="USD", text="$1")
    return Finding(id=f"{verdict}-{level}-{status}", verdict=verdict, kind="money", topic="t", rule="r",
                   level=level, message="m", claims=(c,), status=status)


FINDINGS = [_f("discrepancy", "error"), _f("discrepancy", "warning"), _f("discrepancy", "info"),
            _f("contradicted", "error"), _f("disputed", "warning"), _f("unsupported", "info"),
            _f("single_source", "info"), _f("agreement", "info"), _f("supported", "info"),
            _f("discrepancy", "error", "accepted"), _f("contradicted", "error", "suppressed")]

# --fail-on -> the findings that fail, checked by hand against the README's table
EXPECTED = {
    "discrepancy": ["discrepancy-error", "contradicted-error"],
    "error": ["discrepancy-error", "contradicted-error"],
    "warning": ["discrepancy-error", "discrepancy-warning", "contradicted-error"],
    "info": ["discrepancy-error", "discrepancy-warning", "discrepancy-info", "contradicted-error",
             "unsupported-info", "single_source-info"],
    "single_source": ["discrepancy-error", "discrepancy-warning", "discrepancy-info", "contradicted-error",
                      "unsupported-info", "single_source-info"],
    "unsupported": ["discrepancy-error", "contradicted-error", "unsupported-info"],
    "disputed": ["discrepancy-error", "contradicted-error", "disputed-warning"],
    "never": [],
}


@pytest.mark.parametrize("fail_on", sorted(EXPECTED))
def test_what_fails_at_each_fail_on(fail_on):
    assert [f.id.rsplit("-", 1)[0] for f in failing(FINDINGS, fail_on)] == EXPECTED[fail_on]


def test_every_fail_on_value_is_accepted_by_the_cli_and_the_config(tmp_path, monkeypatch):
    from checker.hints import FAIL_ON
    assert set(FAIL_ON) == set(EXPECTED)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s" / "a.md", "Acme paid $5 million.\n")
    write(tmp_path / "s" / "b.md", "Acme paid $6 million.\n")
    for level in ("error", "warning", "info"):
        assert run("check", "s", "--fail-on", level, "-q")[0] == 1
    write(tmp_path / "checker.toml", '[checker]\nsources = ["s"]\nfail_on = "info"\n')
    assert run("check", "-q")[0] == 1
    write(tmp_path / "checker.toml", '[checker]\nsources = ["s"]\nfail_on = "loud"\n')
    code, _, err = run("check")
    assert code == 2 and "'fail_on' must be one of" in err and "disputed" in err


@pytest.mark.parametrize("n,word,expected", [
    (0, "discrepancy", "0 discrepancies"), (1, "discrepancy", "1 discrepancy"), (2, "discrepancy", "2 discrepancies"),
    (1, "agreement", "1 agreement"), (3, "agreement", "3 agreements"), (1, "story", "1 story"),
    (2, "story", "2 stories"), (1, "single-source claim", "1 single-source claim"),
    (4, "single-source claim", "4 single-source claims"), (1, "finding", "1 finding"), (0, "source", "0 sources"),
])
def test_plural(n, word, expected):
    assert plural(n, word) == expected


@pytest.mark.parametrize("kind,topic,expected", [
    ("money", "bid (Acme)", "the amount of the bid (Acme)"),
    ("count", "beds (Orlen)", "the number of beds (Orlen)"),
    ("percent", "stake (Acme)", "the percentage of the stake (Acme)"),
    ("year", "found (Globex)", "the year of the found (Globex)"),
    ("quote", "quote by Jane Roe", "the wording of the quote by Jane Roe"),
    ("money", "money", "the amount"),
    ("money", "money (Acme)", "the amount (Acme)"),
    ("time", "time (Jane Roe)", "the time (Jane Roe)"),
    ("money", "the bid", "the amount of the bid"),
    # statement facts: their topics are phrases already
    ("role", "role of Jane Roe", "the role of Jane Roe"),
    ("name", "Ruth Hallam", "the spelling of Ruth Hallam"),
    ("outcome", "approve: board / merger", "the outcome (approve: board / merger)"),
    ("attribution", "speaker of “We will”", "the speaker of “We will”"),
    ("place", "", "the place"),
    ("place", "where Acme is based", "where Acme is based"),
    ("place", "where in China", "where in China"),
])
def test_topic_phrases(kind, topic, expected):
    assert phrase(kind, topic) == expected


def _row(kind="count", topic=None, unit=None, entities="", obj=None, sentence="", raw="5"):
    return {"kind": kind, "topic": topic, "unit": unit, "entities": entities, "subject": None,
            "object": obj, "sentence": sentence or raw, "raw": raw, "speaker": None}


@pytest.mark.parametrize("rows, expected", [
    # a count of things is named by the thing, a count of people by its measure
    ([_row(unit="bed", entities="Orlen"), _row(unit="bed", entities="Orlen")], "beds (Orlen)"),
    ([_row(topic="aid", unit="aftershock")], "aftershocks"),
    ([_row(topic="kill", unit="person", entities="Vela County")], "deaths (Vela County)"),
    ([_row(topic="injure", unit="people")], "injured"),
    ([_row(unit="county", entities="Norvane")], "counties (Norvane)"),
    ([_row(unit="damaged")], "damaged"),
    ([_row(unit="bus")], "buses"),
    ([_row(unit="police")], "police"),
    # the lexicon's measure_names: "leave" reads as "departure"
    ([_row(kind="year", topic="leave", entities="Jane Roe")], "departure (Jane Roe)"),
    ([_row(kind="money", topic="bid", entities="Acme")], "bid (Acme)"),
    # what it is about is a name, never a common word or a sentence's first word
    ([_row(topic="kill", unit="person", obj="home")], "deaths"),
    ([_row(topic="kill", unit="person", entities="Fifty-six|Corvane", sentence="Fifty-six died in Corvane.")],
     "deaths (Corvane)"),
    ([_row(kind="money", topic="bid", obj="Pellucid", entities="Pellucid|Ostrava")], "bid (Pellucid)"),
    ([_row(kind="money", topic="bid", obj="Almost")], "bid"),
    # a name the name finder missed at the head of its sentence is still one
    ([_row(kind="money", topic="fine", obj="Vela", entities="Corvane",
           sentence="Vela was fined 4,000 euros after Corvane complained.")], "fine (Vela)"),
    # ... but not in a headline, where every word is capitalised
    ([_row(kind="money", topic="acquire", obj="Go Back",
           sentence="Go Back To The Future As Corvane Raises Its Bid")], "acquisition"),
    # number words opening a name are not the name
    ([_row(topic="injure", unit="worker", entities="Twenty-two Vela",
           sentence="Twenty-two Vela workers were hurt.")], "injured (Vela)"),
    # irregular plurals
    ([_row(unit="child")], "children"), ([_row(unit="crisis")], "crises"), ([_row(unit="life")], "lives"),
    ([_row(unit="woman")], "women"), ([_row(unit="potato")], "potatoes"), ([_row(unit="analysis")], "analyses"),
])
def test_topic_labels(rows, expected):
    from checker.rules import load_rules
    from checker.rules.engine import _topic
    assert _topic(rows, None, load_rules().lexicon) == expected


def test_one_discrepancy_everywhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s" / "a.md", "Acme paid $5 million.\n")
    write(tmp_path / "s" / "b.md", "Acme paid $6 million.\n")
    code, out, _ = run("check", "s", "--format", "markdown", "--format", "html")
    texts = [out, (tmp_path / "reports" / "s.md").read_text(encoding="utf-8"),
             (tmp_path / "reports" / "s.html").read_text(encoding="utf-8")]
    for text in texts:
        assert "1 discrepancy" in text and "1 discrepancies" not in text and "(s)" not in text
    assert "2 sources, 2 claims: 1 discrepancy, 0 agreements, 0 single-source claims" in out
    assert "1 finding at or above the fail level" in out


# ---------------------------------------------------------------- job summary

def _stories(root, n_bad: int, n_good: int):
    write(root / "checker.toml", '[checker]\nstories = ["stories/*"]\n')
    for k in range(n_bad):
        write(root / "stories" / f"bad{k}" / "a.md", "Acme paid $5 million for the mill.\n")
        write(root / "stories" / f"bad{k}" / "b.md", "Acme paid $6 million for the mill.\n")
    for k in range(n_good):
        write(root / "stories" / f"good{k}" / "a.md", "Acme paid $5 million for the mill.\n")
        write(root / "stories" / f"good{k}" / "b.md", "Acme paid $5 million for the mill.\n")


def test_job_summary_worst_first_with_a_link(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _stories(tmp_path, 1, 2)
    code, out, err = run("check", "--summary", "summary.md", "--summary-link", "https://ci.example/run/7")
    assert code == 1, out + err
    text = (tmp_path / "summary.md").read_text(encoding="utf-8")
    heads = [line for line in text.splitlines() if line.startswith("### ")]
    assert heads == ["### bad0: ❌ fails", "### good0: ✅ passes", "### good1: ✅ passes"]
    assert text.startswith("## checker: 3 stories checked, 1 failing\n")
    assert "Full reports: [the reports artifact of this run](https://ci.example/run/7)." in text
    # the discrepancy in one row: its level and both values, the outlier in bold (Markdown-escaped)
    assert "| error | **a:1 \\$5 million** · b:1 \\$6 million |" in text
    assert text.count("| error |") == 1


def test_job_summary_is_capped_at_one_mib(tmp_path, monkeypatch):
    from checker.report import job_summary
    from checker.report.index import Row
    big = "x" * 300_000
    sections = [job_summary.Section(story=f"s{k}", text=f"### s{k}\n\n{big}\n") for k in range(5)]
    rows = [Row(story=f"s{k}", failing=k, counts={"discrepancy": k}) for k in range(5)]
    text = job_summary.render(sections, rows, "https://ci.example/run/7")
    assert len(text.encode("utf-8")) <= 1024 * 1024
    heads = [line for line in text.splitlines() if line.startswith("### ")]
    assert heads == ["### s4", "### s3", "### s2"]  # worst first, as many as fit, none cut
    assert "2 more stories not shown (the summary is capped at 1 MiB)" in text
    assert text.count("https://ci.example/run/7") == 2


def test_the_summary_file_is_an_output_and_never_an_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _stories(tmp_path, 1, 0)
    code, _, err = run("check", "--summary", "stories/bad0/a.md")
    assert code == 2 and "would replace the input article" in err
    assert (tmp_path / "stories" / "bad0" / "a.md").read_text() == "Acme paid $5 million for the mill.\n"
