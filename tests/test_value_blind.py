"""Value-blindness of alignment (issue 11, item 2), as a property.

Stories are written from templates: three outlets state the same facts in
their own words, each with values hypothesis draws. Two claims are one fact
because of what they state, so with the value term off (``VALUE_AWARE =
False``) the groups must be the facts, whatever the values: a changed figure
stays in its fact's group (and becomes a discrepancy), two facts of one
measure told apart by their date or qualifier never meet.

The last test shows the property can fail: an aligner that refuses far
values splits a fact.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import align as align_mod
from checker.align import align
from checker.extract import extract_rows
from checker.records import Source
from checker.rules import load_rules
from checker.schema import make_table

LEX = load_rules().lexicon
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# fact id -> (kind, one wording per outlet); {v} is the value as written
FACTS = {
    "bid": ("money", [
        "Norvane Holdings offered {v} for Pellucid Labs on Tuesday.",
        "Pellucid Labs received a takeover bid worth {v} from Norvane Holdings.",
        "The {v} offer from Norvane Holdings for Pellucid Labs surprised analysts.",
    ]),
    "valuation": ("money", [
        "Pellucid Labs was valued at {v} by its backers.",
        "Its backers put Pellucid Labs at a valuation of {v}.",
        "Pellucid Labs carries a market value of {v} among its backers.",
    ]),
    "staff": ("count", [
        "Pellucid Labs employs {v} staff at its Brasford campus.",
        "Pellucid Labs has {v} employees, most of them at its Brasford campus.",
        "The Brasford campus of Pellucid Labs is home to {v} employees.",
    ]),
    "founded": ("year", [
        "Pellucid Labs was founded in {v} by Ada Korrin.",
        "Ada Korrin founded Pellucid Labs in {v}.",
        "Founded by Ada Korrin in {v}, Pellucid Labs makes sensors.",
    ]),
    "stake-2021": ("percent", [
        "In 2021 Norvane Holdings bought a {v} stake in Pellucid Labs.",
        "Norvane Holdings took a {v} stake in Pellucid Labs in 2021.",
        "Back in 2021, Norvane Holdings acquired a {v} stake in Pellucid Labs.",
    ]),
    "stake-2024": ("percent", [
        "By 2024 its stake in Pellucid Labs had grown to {v}.",
        "In 2024 the Norvane Holdings stake in Pellucid Labs reached {v}.",
        "Norvane Holdings owned {v} of Pellucid Labs in 2024.",
    ]),
}


def written(kind: str, n: int) -> str:
    """A value of ``kind`` as a paper writes it, from a drawn integer."""
    if kind == "money":
        return f"${n / 10:.1f} billion"
    if kind == "count":
        return f"{n:,}"
    if kind == "year":
        return str(n)
    return f"{n / 10:.1f}%"


RANGES = {"money": (11, 999), "count": (120, 9800), "year": (1951, 2019), "percent": (11, 499)}
draw_values = st.fixed_dictionaries({
    fid: st.lists(st.integers(*RANGES[kind]), min_size=3, max_size=3)
    for fid, (kind, _) in FACTS.items()})


def story(values: dict) -> tuple[object, dict]:
    """(aligned claims, (source, raw) -> fact id) of the three-outlet story."""
    rows, truth = [], {}
    for k in range(3):
        sid = f"outlet{k}"
        text, starts = "", {}
        for fid, (kind, wordings) in FACTS.items():
            before, after = wordings[k].split("{v}")
            starts[len(text) + len(before)] = fid  # where the value is written
            text += before + written(kind, values[fid][k]) + after + " "
        text += "\n"
        src = Source(id=sid, path=f"{sid}.txt", text=text, plain=text)
        got = [r for r in extract_rows(src, LEX) if r["kind"] in ("money", "count", "year", "percent")]
        for at, fid in starts.items():
            (row,) = [r for r in got if r["start"] <= at < r["end"] and r["kind"] == FACTS[fid][0]] or [None]
            assert row is not None, (fid, text)
            truth[(sid, row["start"])] = fid
        rows += got
    claims = align(make_table(rows), ("money", "count", "year", "percent"), LEX)
    return claims, truth


def fact_groups(claims, truth) -> dict[str, set[int]]:
    """fact id -> the groups its claims fell in."""
    out: dict[str, set[int]] = {}
    for sid, start, group in zip(claims["source"], claims["start"], claims["group"]):
        fid = truth.get((sid, start))
        if fid is not None:
            out.setdefault(fid, set()).add(int(group))
    return out


@pytest.fixture
def blind(monkeypatch):
    monkeypatch.setattr(align_mod, "VALUE_AWARE", False)


@SETTINGS
@given(values=draw_values)
def test_value_blind_groups_are_the_facts_whatever_the_values(blind, values):
    claims, truth = story(values)
    groups = fact_groups(claims, truth)
    for fid, seen in groups.items():
        assert len(seen) == 1, f"{fid} split across groups {seen} with values {values[fid]}"
    mixed = {g for seen in groups.values() for g in seen}
    assert len(mixed) == len(FACTS), f"two facts share a group: {groups}"


def test_the_property_can_fail_when_alignment_reads_values(monkeypatch):
    # an aligner that refuses far values (a value term as strong as a veto)
    monkeypatch.setattr(align_mod, "VALUE_AWARE", True)
    monkeypatch.setattr(align_mod, "FAR_VALUE", align_mod.NEVER)
    far = {fid: [RANGES[kind][0], RANGES[kind][0], RANGES[kind][1]] for fid, (kind, _) in FACTS.items()}
    far["founded"] = [1960, 1960, 2019]  # years more than 2 apart: a far value
    claims, truth = story(far)
    split = [fid for fid, seen in fact_groups(claims, truth).items() if len(seen) > 1]
    assert split, "a far value no longer splits a fact"
