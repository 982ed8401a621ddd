"""Alignment on hand-built statement rows (extraction is tested elsewhere)."""

from __future__ import annotations

import numpy as np
import pytest
import pandas as pd

from checker.align import align
from checker.schema import make_table

KINDS = ("money", "percent", "count", "year", "date", "quote")


def row(source, n, kind, value, context, topic=None, entities="", unit=None, speaker=None, obj=None):
    return {"source": source, "claim_id": f"{source}#{n}", "kind": kind, "value": value,
            "value_hi": None, "unit": unit, "raw": str(value), "approx": False, "hedge": None,
            "resolved": True, "subject": None, "predicate": None, "object": obj, "negated": False,
            "speaker": speaker, "entities": entities, "topic": topic, "sentence": context,
            "sentence_index": n, "line": n, "start": n * 10, "end": n * 10 + 5, "context": context}


def groups(table: pd.DataFrame) -> set[frozenset[str]]:
    aligned = align(table, KINDS)
    return {frozenset(g["claim_id"]) for _, g in aligned.groupby("group")}


def test_bid_never_meets_valuation_with_same_value():
    t = make_table([
        row("a", 1, "money", 5e9, "acme bid acquire globex", "bid", "Acme|Globex", "USD"),
        row("b", 1, "money", 5e9, "acme valuation globex set", "valuation", "Acme|Globex", "USD"),
    ])
    assert groups(t) == {frozenset({"a#1"}), frozenset({"b#1"})}


def test_same_fact_different_words_aligns():
    t = make_table([
        row("a", 1, "year", 2018, "deal put back control ai company leave", "leave", "Jane Roe"),
        row("b", 1, "year", 2018, "tensions began roe leave board acme", "leave", "Roe|Acme"),
    ])
    assert groups(t) == {frozenset({"a#1", "b#1"})}


def test_offers_for_two_companies_stay_apart():
    t = make_table([
        row("a", 1, "money", 2e9, "acme bid acquire globex", "bid", "Acme|Globex", "USD"),
        row("b", 1, "money", 2e9, "initech bid acquire umbrella", "bid", "Initech|Umbrella", "USD"),
    ])
    assert groups(t) == {frozenset({"a#1"}), frozenset({"b#1"})}


def test_different_amounts_for_same_fact_pair_for_a_discrepancy():
    t = make_table([
        row("a", 1, "money", 3.2e9, "acme agreed acquire globex bid", "bid", "Acme|Globex", "USD"),
        row("b", 1, "money", 4.1e9, "acme agreed acquire globex bid", "bid", "Acme|Globex", "USD"),
    ])
    assert groups(t) == {frozenset({"a#1", "b#1"})}


def test_currencies_never_mix():
    t = make_table([
        row("a", 1, "money", 5e6, "acme fine regulator", "fine", "Acme", "USD"),
        row("b", 1, "money", 5e6, "acme fine regulator", "fine", "Acme", "EUR"),
    ])
    assert len(groups(t)) == 2


def test_at_most_one_claim_per_source_across_many_sources():
    rows = [row(s, 1, "money", 5e6, "acme fine regulator paid", "fine", "Acme", "USD") for s in "abcde"]
    rows.append(row("a", 2, "money", 5e6, "acme fine regulator paid", "fine", "Acme", "USD"))
    found = groups(make_table(rows))
    assert frozenset({"a#1", "b#1", "c#1", "d#1", "e#1"}) in found
    assert frozenset({"a#2"}) in found


def test_quotes_pair_by_their_words_whoever_they_are_credited_to():
    # the same words credited to someone else are the same quote, misattributed:
    # they are grouped (the quote rules judge them), never left as two quiet claims
    q = "we will never sell the club to anyone at any price"
    t = make_table([
        row("a", 1, "quote", q, q, speaker="Jane Roe"),
        row("b", 1, "quote", q, q, speaker="Roe"),
        row("c", 1, "quote", q, q, speaker="John Doe"),
    ])
    assert groups(t) == {frozenset({"a#1", "b#1", "c#1"})}


def test_the_speaker_decides_between_two_quotes_of_one_source():
    q = "we will never sell the club to anyone at any price"
    t = make_table([
        row("a", 1, "quote", q, q, speaker="Jane Roe"),
        row("b", 1, "quote", q, q, speaker="John Doe"),
        row("b", 2, "quote", q, q, speaker="Roe"),
    ])
    assert frozenset({"a#1", "b#2"}) in groups(t)


def test_quotes_sharing_few_words_do_not_pair():
    t = make_table([
        row("a", 1, "quote", "the final time", "final time", speaker="Jane Roe"),
        row("b", 1, "quote", "it took a long time to build roads", "took long time build road", speaker="Jane Roe"),
    ])
    assert groups(t) == {frozenset({"a#1"}), frozenset({"b#1"})}


@pytest.mark.parametrize("a, b, paired", [
    # one word changed inside a quote of six words or more: the same quote, misquoted
    ("the worst day of my life", "It was the saddest day of my life when the mill shut", True),
    # two words changed, a changed word at the edge, or too short: not so
    ("the worst day of her life", "It was the saddest day of my life when the mill shut", False),
    ("my worst day of my life", "It was the saddest day of my life when the mill shut", False),
    ("the worst day", "It was the saddest day of my life when the mill shut", False),
])
def test_a_quote_one_word_apart_is_the_same_quote(a, b, paired):
    from checker.rules import load_rules
    lex = load_rules().lexicon
    ctx = lambda q: " ".join(w for w in q.lower().split() if w not in lex.stopwords)  # noqa: E731
    t = make_table([
        {**row("a", 1, "quote", a, ctx(a), speaker="Jane Roe"), "raw": a},
        {**row("b", 1, "quote", b, ctx(b), speaker="Jane Roe"), "raw": b},
    ])
    assert (len(groups_lex(t, lex)) == 1) == paired


def test_one_word_apart_is_read_only_across_sources():
    """The word-by-word reading is for quotes of two sources (one source's
    two quotes never group), and only where the shorter quote's distinct
    words are all but one in the longer."""
    import numpy as np
    from checker.align import _swapped
    raws = pd.Series(["the worst day of my life", "It was the saddest day of my life when the mill shut",
                      "the worst day of my life", "a quote of other words entirely for the test"])
    maybe = ~np.eye(4, dtype=bool)
    got = _swapped(raws, pd.Series(["a", "b", "a", "b"]), maybe)
    assert got[0, 1] and got[1, 0] and got[2, 1]
    assert not got[0, 2] and not got[0, 3] and not got[1, 3]
    assert not _swapped(raws, pd.Series(["a", "a", "a", "a"]), maybe).any()
    assert _swapped(raws, None, maybe)[0, 1]


def groups_lex(table: pd.DataFrame, lexicon) -> set[frozenset[str]]:
    aligned = align(table, KINDS, lexicon)
    return {frozenset(g["claim_id"]) for _, g in aligned.groupby("group")}


def test_year_and_date_can_align():
    t = make_table([
        row("a", 1, "year", 2021, "acme found", "found", "Acme"),
        row("b", 1, "date", "2021-03", "acme found", "found", "Acme"),
    ])
    assert groups(t) == {frozenset({"a#1", "b#1"})}


def test_group_numbers_follow_reading_order():
    t = make_table([
        row("a", 1, "money", 1e6, "acme fine", "fine", "Acme", "USD"),
        row("a", 2, "year", 2020, "acme found", "found", "Acme"),
    ])
    aligned = align(t, KINDS).sort_values("start")
    assert aligned["group"].tolist() == [0, 1]


def test_a_bare_year_is_far_from_a_dated_claim_of_another_year():
    from checker.align import FAR_VALUE, SAME_VALUE, _value_term
    t = make_table([
        row("a", 1, "date", "2025-02-10", "x"),
        row("b", 1, "year", 2027, "x"),
        row("c", 1, "year", 2025, "x"),
        row("d", 1, "year", 2026, "x"),
    ])
    term = _value_term(t)
    assert term[0, 1] == FAR_VALUE      # 2027 vs a day in 2025
    assert term[0, 2] == SAME_VALUE     # 2025 vs a day in 2025
    assert term[2, 3] == 0.0            # two bare years one apart: a possible discrepancy


# ------------------------------------------------------------ tiled scoring

def _story_table(folder):
    from checker import pipeline
    from checker.rules import load_rules
    ruleset = load_rules()
    sources, _ = pipeline.load_story([str(folder)])
    return pipeline.extract(sources, ruleset), ruleset


@pytest.mark.parametrize("story", ["cinder-ridge-fire", "brennport-tram-strike", "av612-overrun"])
def test_tiled_scoring_groups_exactly_as_the_whole_matrix(story, monkeypatch):
    """A block larger than TILE is scored a pair of tiles at a time (memory
    O(TILE²)); the groups must be the ones the whole matrix gives."""
    import checker.align as al
    from pathlib import Path
    table, ruleset = _story_table(Path(__file__).parent / "eval" / "stories" / story)
    whole = al.align(table, ruleset.compared_kinds, ruleset.lexicon)
    monkeypatch.setattr(al, "TILE", 3)
    tiled = al.align(table, ruleset.compared_kinds, ruleset.lexicon)
    assert whole["group"].tolist() == tiled["group"].tolist()
    assert whole["group"].nunique() < len(whole)  # something was grouped


def test_the_vetoes_alone_are_the_vetoes_of_the_whole_score():
    """Merging a tiled block checks groups for their vetoes only (align._Vetoes);
    those must be the NEVER pairs of the full score, kind by kind (pairs of
    one source aside: the merge checks those itself)."""
    from checker import align as A
    from checker.pipeline import extract, load
    from checker.rules import load_rules
    rs = load_rules(())
    table = extract(load(["tests/eval/stories/kestrel-takeover", "tests/eval/stories/tallis-ceo"]), rs)
    for kind in ("money", "percent", "count", "year", "date", "duration"):
        block = table[table["kind"] == kind].reset_index(drop=True)
        if len(block) < 2:
            continue
        full, _ = A._score(block, rs.lexicon, None)
        every = np.arange(len(block))
        full = (full <= A.NEVER / 2) | A._Hard(block, rs.lexicon).between(every, every)
        vetoes = A._Vetoes(block, rs.lexicon, None)
        src = block["source"].to_numpy()
        for i in range(len(block)):
            for j in range(len(block)):
                if src[i] != src[j]:
                    assert vetoes.any([i], [j]) == full[i, j], (kind, i, j)


def test_two_different_days_are_as_far_apart_resolved_as_bare():
    """'Monday' and 'Tuesday' in undated articles and the same two days
    resolved from the articles' dates weigh alike in the value term; the
    same day is near, and days of one month beside the month alone are not far."""
    import pandas as pd
    from checker.align import FAR_VALUE, SAME_VALUE, _value_term
    for a, b, want in [("Monday", "Tuesday", FAR_VALUE), ("2013-07-22", "2013-07-23", FAR_VALUE),
                       ("2013-07-22", "2013-07-22", SAME_VALUE), ("2013-07", "2013-07-23", SAME_VALUE),
                       ("--07-22", "2013-07-23", FAR_VALUE), ("2013-07-22", "2013-08-22", FAR_VALUE)]:
        block = pd.DataFrame({"kind": ["date", "date"], "value": [a, b]})
        assert _value_term(block)[0, 1] == want, (a, b)


def test_a_name_meets_its_initials():
    """"Harlan Optical Institute" in one outlet is "HOI" in another: the
    entity term counts them as one name (not as two different owners)."""
    from checker.align import _acronyms, _name_overlap
    import pandas as pd
    assert _acronyms("Harlan Optical Institute", {"harlan", "optical", "institute", "run"}) == {"hoi"}
    assert _acronyms("Harlan Optical Institute", {"harlan", "institute"}) == frozenset()
    assert _acronyms("Harlan Institute", {"harlan", "institute"}) == frozenset()  # two words: no initials
    # the context words are lemmatised: "states" is "state" there
    assert _acronyms("United States Geological Survey", {"united", "state", "geological", "survey"}) == {"usgs"}
    block = pd.DataFrame({"context": ["telescope harlan optical institute run ridge", "telescope hoi stand ridge"],
                          "entities": ["Harlan Optical Institute", "HOI"]})
    shared, named = _name_overlap(block)
    assert named[0, 1] and shared[0, 1]


@pytest.mark.parametrize("weak, joins", [(42.0, False), (47.0, True)])
def test_a_lone_claim_joins_an_agreeing_group_only_above_the_attach_threshold(monkeypatch, weak, joins):
    """The second pass: a claim left alone joins a group of two sources on
    the same topic at ATTACH_THRESHOLD (45; 40 let a count of injuries join
    an agreeing count of none on real coverage, docs/evaluation.md)."""
    import numpy as np
    import pandas as pd
    from checker import align
    block = pd.DataFrame({"source": ["a", "b", "c"], "kind": ["count"] * 3, "value": [0, 0, 70]})
    score = np.array([[-1000.0, 100.0, weak], [100.0, -1000.0, 20.0], [weak, 20.0, -1000.0]])
    monkeypatch.setattr(align, "_score", lambda *a, **k: (score, np.ones((3, 3), dtype=bool)))
    roots = align._group_block(block, align.THRESHOLD, None, None, order_by_value=False)
    assert roots[0] == roots[1] and bool(roots[2] == roots[0]) is joins


@pytest.mark.parametrize("topics, fits", [
    (("kill", "injure"), False),  # the child killed, the children injured: each word near both
    (("kill", "kill"), True),
    (("injure", None), False),    # one names no measure: never on weak wording
])
def test_a_lone_claim_of_another_measure_never_joins_on_weak_wording(topics, fits):
    """By hand: a count whose own measure word differs from the other's does
    not fit it for the second pass, though both words are near both claims
    ("one boy died and 29 more children were hurt" against
    "injuries to some two dozen children and a death")."""
    from checker import align as A
    from checker.rules import load_rules
    from checker.schema import make_table
    block = make_table([
        row("a", 1, "count", 1, "child kill injure vela treadmill recall", topics[0], unit="child"),
        row("b", 1, "count", 24, "child injure kill vela treadmill link", topics[1], unit="child"),
    ]).reset_index(drop=True)
    _, fit = A._score(block, load_rules().lexicon, None)
    assert bool(fit[0, 1]) is fits


def test_the_veto_features_agree_with_scoring_the_claims_again():
    """A tiled block checks two groups for a veto from per-claim features
    (align._Vetoes) instead of scoring their claims again: on every block of
    the invented stories and a generated 40-source story, for random pairs of
    claim sets, both say the same as the NEVER pairs of the full score."""
    import random
    import sys
    from pathlib import Path
    from checker import align
    from checker.extract import extract
    from checker.rules import load_rules
    from checker.sources import load_story
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from corpus import generate
    rules = load_rules()
    stories = sorted(p for p in (Path(__file__).parent / "eval" / "stories").iterdir() if p.is_dir())[:6]
    rng = random.Random(7)
    checked = vetoed = 0
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        generate(40).write(tmp)
        for folder in [*stories, Path(tmp)]:
            sources, _ = load_story([str(folder)], 5_000_000, (), None)
            table = extract(sources, rules.lexicon)
            related = align.related_sources(table, rules.lexicon)
            claims = table[table["kind"].isin(rules.compared_kinds) & table["resolved"].astype(bool)].copy()
            claims["block"] = align.block_key(claims["kind"], claims["unit"])
            for _, block in claims.groupby("block"):
                block = block.reset_index(drop=True)
                if len(block) < 3:
                    continue
                features = align._Vetoes(block, rules.lexicon, related)
                for _ in range(25):
                    k = rng.randint(2, min(8, len(block)))
                    pick = rng.sample(range(len(block)), k)
                    cut = rng.randint(1, k - 1)
                    left, right = pick[:cut], pick[cut:]
                    sub = block.iloc[left + right].reset_index(drop=True)
                    score, _ = align._score(sub, rules.lexicon, related)
                    hard = align._Hard(sub, rules.lexicon).between(np.arange(cut), np.arange(cut, k))
                    want = bool(score[:cut, cut:].min() <= align.NEVER / 2 or hard.any())
                    # same-source pairs are the caller's check, not a veto here
                    src = block["source"].to_numpy()
                    if set(src[left]) & set(src[right]):
                        continue
                    assert features.any(left, right) == want, (folder.name, block["kind"].iloc[0], left, right)
                    checked += 1
                    vetoed += want
    assert checked > 300 and 0 < vetoed < checked


def _dates(pair: tuple[str, str], extra_name: str) -> pd.DataFrame:
    """Five sources' dates: a's and b's state two events worded half alike
    and share one name; c, d and e date other things, near ``extra_name``."""
    rows = [row("a", 1, "date", "2025-03-03", "norvane signed lease warehouse on",
                entities=pair[0]),
            row("b", 1, "date", "2025-03-05", "norvane opened doors public on",
                entities=pair[1])]
    for n, (src, ctx) in enumerate((("c", "dockers strike ended quietly after talks failed twice"),
                                    ("d", "mayor visited harbour quay during heavy autumn rain"),
                                    ("e", "ferry timetable changed for winter sailings across bay"))):
        rows.append(row(src, n + 2, "date", f"2025-04-0{n + 1}", f"{extra_name.lower()} {ctx}",
                        entities=extra_name))
    return make_table(rows)


def test_story_names_are_no_sign_of_one_event(monkeypatch):
    """A name half the sources or more write beside their dates is the
    story's: two dates sharing only it are not one event's. The same two
    dates sharing a name few sources write are (value-blind in both)."""
    import checker.align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", False)
    def pair(t):
        group = dict(zip(*align(t, KINDS)[["claim_id", "group"]].to_numpy().T))
        return group["a#1"] == group["b#1"]
    # "Norvane" stands in three of five sources' contexts: the story's name
    assert not pair(_dates(("Norvane", "Norvane"), "Norvane"))
    # in two of five it is a name of these two dates
    assert pair(_dates(("Norvane", "Norvane"), "Ostrava"))


def test_a_name_most_articles_hold_is_a_weaker_sign_for_dates(monkeypatch):
    """Two dates sharing "Norvane", a name only they write beside a date,
    earn the full entity weight; when most articles name Norvane somewhere
    else (article_names), it is the story's name and earns half."""
    import checker.align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", False)
    dates = _dates(("Norvane", "Norvane"), "Ostrava")
    # c, d and e name Norvane too, beside a count: three of five sources
    counts = make_table([row(src, 9, "count", 40, "workers said", entities="Norvane") for src in "cde"])
    assert align_mod.article_names(pd.concat([dates, counts])) == frozenset({"norvane", "ostrava"})
    assert align_mod.article_names(dates) == frozenset({"ostrava"})
    block = dates.assign(story_names="", wording=dates["context"])

    def ab(article: str) -> float:
        return align_mod._score(block.assign(article_names=article), None, None)[0][0, 1]
    assert ab("norvane") == pytest.approx(ab("") - align_mod.ENTITY_WEIGHT + align_mod.ARTICLE_NAME_WEIGHT)
    assert ab("ostrava") == pytest.approx(ab(""))  # a name the two do not share changes nothing


def test_an_article_name_needs_many_sources():
    import checker.align as align_mod
    four = make_table([row(src, 1, "count", 40, "workers said", entities="Norvane") for src in "abcd"])
    assert align_mod.article_names(four) == frozenset()


def test_story_names_need_many_sources():
    import checker.align as align_mod
    ctx = ["kane join on", "kane arrived on", "kane trained on", "kane flew on", "bayern said on"]
    ents = pd.Series(["Kane", "Kane", "Kane", "Kane", "Bayern"])
    assert align_mod.story_names(ctx, ents, pd.Series(list("abcde"))) == frozenset({"kane"})
    # four sources: too few to tell a story's name from an event's
    assert align_mod.story_names(ctx[:4], ents[:4], pd.Series(list("abcd"))) == frozenset()
    # a name two of five sources write is not the story's
    assert align_mod.story_names(["kane a", "kane b", "x c", "y d", "z e"], ents,
                                 pd.Series(list("abcde"))) == frozenset()


def test_a_figure_far_from_the_other_still_pairs_on_its_wording():
    """Two counts of one fact worded alike pair however far apart their
    values: the figure's distance only weighs against them (FAR_FIGURE), it
    does not decide. "More than 34,700 residents evacuated" and "about
    226,700 people evacuated" are a discrepancy to show, not two silent claims."""
    t = make_table([
        row("a", 1, "count", 34700, "resident evacuate norvane authorities said late on", "evacuate",
            unit="resident"),
        row("b", 1, "count", 226700, "person evacuate", "evacuate", unit="person"),
    ])
    from checker.rules import load_rules
    aligned = align(t, KINDS, load_rules().lexicon)
    assert aligned["group"].nunique() == 1, aligned[["claim_id", "group"]]


def _duration(source, raw, topic):
    r = row(source, 1, "duration", 3652.5, "investigators said the fraud at the plant went on", topic, "", "day")
    return {**r, "raw": raw}


def test_the_same_written_unit_is_no_sign_when_only_one_claim_has_a_measure(monkeypatch):
    from checker import align as al
    monkeypatch.setattr(al, "VALUE_AWARE", False)
    t = make_table([_duration("a", "more than a decade", "span"),   # spanning more than a decade
                    _duration("b", "two decades", None),            # tried for two decades
                    _duration("c", "three decades", None),
                    _duration("d", "a decade", "span")])
    s = al.score_block(t.reset_index(drop=True))
    # both bare, or both with a measure word: "decade" written by both is a hint
    assert s[1, 2] - s[0, 1] == pytest.approx(al.TOPIC_BONUS)
    assert s[0, 3] >= s[1, 2]
    # one with "span", one with none: the word "decade" alone adds nothing
    assert s[0, 1] == pytest.approx(s[0, 2]) and s[0, 1] == pytest.approx(s[3, 1])


def test_a_rate_and_a_plain_figure_never_share_a_group():
    """"$70 a share" and a deal's "$4.5 billion" are never one group, even
    chained through claims between them: a unit price (the lexicon's
    unit_prices) is a hard mark, only with the lexicon at hand."""
    import pandas as pd
    from checker import align as A
    from checker.rules import load_rules
    lex = load_rules(()).lexicon
    block = pd.DataFrame({"qualifiers": ["per share", None, "original|per share", "a year", "new"],
                          "anchor": [None] * 5, "scope": [None] * 5})
    every = np.arange(5)
    hard = A._Hard(block, lex).between(every, every)
    assert hard[0, 1] and hard[1, 2]                    # a unit price against a plain figure
    assert not hard[3, 1]  # a time rate only costs: "annual revenue of $5bn" may be "revenue of $5bn"
    assert not hard[0, 2] and not hard[1, 4]            # rate with rate, plain with plain
    assert hard[0, 3]      # a unit price against a time rate (the score's per-unit veto too)
    assert not A._Hard(block).between(every, every).any()  # no lexicon, no per-units


@pytest.mark.parametrize("units, apart", [
    (("recall", "machine"), True),    # "two recalls" are never "4,300 machines" recalled
    (("incident", "injury"), True),   # "39 incidents" are not "70 injuries"
    (("recall", "recall"), False),
    (("aftershock", None), False),    # a bare figure says nothing either way
    (("machine", "treadmill"), False),  # a generic noun may be any thing
    (("state", None), True),          # "12 states" are never a bare tally of votes
    (("state", "vote"), True),
    (("state", "state"), False),
    (("county", "person"), True),
])
def test_a_count_of_events_meets_only_its_own_noun(units, apart):
    """By hand: the lexicon's event_nouns count events, not what they touch,
    and its place_nouns places, never anything else (a bare figure too);
    both the score and the veto features (align._Vetoes) keep them apart."""
    from checker import align as A
    from checker.rules import load_rules
    from checker.schema import make_table
    lex = load_rules().lexicon
    block = make_table([
        row("a", 1, "count", 2, "vela recall treadmill", "recall", unit=units[0]),
        row("b", 1, "count", 4300, "vela recall treadmill", "recall", unit=units[1]),
    ]).reset_index(drop=True)
    score, _ = A._score(block, lex, None)
    assert bool(score[0, 1] <= A.NEVER / 2) is apart
    assert A._Vetoes(block, lex, None).any([0], [1]) is apart


def test_the_same_owner_is_a_sign_and_different_owners_say_nothing():
    """By hand: two figures owned by one name ("Quill polled 41%", "Dara
    Quill won 41.2 percent") earn OWNER_SAME; owners that share no word,
    or a figure with none, earn nothing (a party, a place or a deal's other
    side is read as an owner too often to cost)."""
    from checker import align as A
    from checker.schema import make_table
    base = make_table([
        row("a", 1, "percent", 29.0, "vela polled", None),
        row("b", 1, "percent", 29.1, "vela trailed", None),
        row("c", 1, "percent", 25.0, "corvane got", None),
        row("d", 1, "percent", 25.0, "got", None),
    ]).reset_index(drop=True)
    block = base.assign(owner=["tomas|vell", "vell", "ada|brisk", None])
    term = A._identity_term(block, None) - A._identity_term(base, None)
    assert term[0, 1] == A.OWNER_SAME == 10.0
    assert term[0, 2] == term[1, 2] == term[0, 3] == 0.0
    # one owner's words must all be the other's: a shared first name or a
    # shared "party" is not one owner
    block = base.assign(owner=["ada|brisk", "ada|vell", "corvane|party", "norvane|party"])
    term = A._identity_term(block, None) - A._identity_term(base, None)
    assert term[0, 1] == term[2, 3] == 0.0


def test_a_number_of_times_earns_nothing_for_the_word():
    """By hand: "won the award three times" and "found the net 58 times"
    share only the word "times": it counts the verb, so it is no topic
    bonus, as a shared noun such as "goals" is."""
    from checker import align as A
    from checker.rules import load_rules
    from checker.schema import make_table
    lex = load_rules().lexicon
    def pair(unit):
        block = make_table([
            row("a", 1, "count", 3, "win award", None, unit=unit),
            row("b", 1, "count", 58, "found net", None, unit=unit),
        ]).reset_index(drop=True)
        return A._score(block, lex, None)[0][0, 1]
    assert pair("goal") - pair("time") == A.TOPIC_BONUS


def test_roles_cut_are_jobs_cut():
    """The counted nouns "roles" and "jobs" fold to one (rules/lexicon.yaml:
    employ), so "900 roles" and "900 jobs" are one noun counted."""
    import pandas as pd
    from checker import align as A
    from checker.rules import load_rules
    folded = A._nouns(pd.Series(["role", "job", "staff", "fire"]), load_rules().lexicon)
    assert folded[0] == folded[1] == folded[2] != folded[3]


@pytest.mark.parametrize("a, b, apart", [
    (("injury", "injure"), ("customer", "injure"), False),  # "70 injuries" may be "70 customers were injured"
    (("death", "kill"), ("miner", "kill"), False),
    (("injury", "injure"), ("death", "kill"), True),        # the measure words still tell them apart
    (("injury", "injure"), ("fire", "injure"), True),       # people are never things
    (("injury", "injure"), ("building", "injure"), True),   # nor a thing ending like a participle
])
def test_a_toll_noun_counts_people_by_what_befell_them(a, b, apart):
    """By hand: the toll nouns (injury, death, casualty, fatality) are generic
    counted nouns, as written though they fold to a measure word ("injury" ->
    injure); the score and the veto features agree."""
    from checker import align as A
    from checker.rules import load_rules
    from checker.schema import make_table
    lex = load_rules().lexicon
    block = make_table([
        row("a", 1, "count", 70, "vela recall treadmill injure", a[1], unit=a[0]),
        row("b", 1, "count", 70, "vela recall treadmill injure", b[1], unit=b[0]),
    ]).reset_index(drop=True)
    score, _ = A._score(block, lex, None)
    assert bool(score[0, 1] <= A.NEVER / 2) is apart
    assert A._Vetoes(block, lex, None).any([0], [1]) is apart


def test_the_head_of_an_organisation_name_is_no_shared_name():
    """By hand: claims near "Corvane Party" and "Norvane Democratic Party"
    share no name for the word "party" (the lexicon's name_heads); the same
    party named twice still does."""
    import pandas as pd
    from checker import align as A
    from checker.rules import load_rules
    lex = load_rules().lexicon
    block = pd.DataFrame({
        "entities": ["Corvane Party", "Norvane Democratic Party", "Corvane Party"],
        "context": ["corvane party chair called election", "norvane democratic party took part election",
                    "corvane party leader"],
    })
    shared, named = A._name_overlap(block, lexicon=lex)
    assert named[0, 1] and not shared[0, 1]
    assert shared[0, 2]
    shared, _ = A._name_overlap(block)          # without the lexicon, "party" is shared
    assert shared[0, 1]


def test_a_whole_against_a_plain_count_costs():
    """By hand: "all 36 states" (qualifier "all of") against "won 13 states"
    costs NO_WHOLE; two wholes, or two plain counts, cost nothing."""
    from checker import align as A
    from checker.schema import make_table
    base = make_table([row(s, 1, "count", 1, "vela state", None, unit="state") for s in "abcd"]).reset_index(drop=True)
    block = base.assign(qualifiers=["all of", None, "all of", None])
    term = A._identity_term(block, None) - A._identity_term(base, None)
    assert term[0, 1] == A.NO_WHOLE == -60.0
    assert term[0, 2] == term[1, 3] == 0.0


def test_a_part_against_a_plain_count_costs_as_much_as_a_whole():
    """By hand: "1,050 of the Vela machines" (part of) against "4,300
    machines" costs NO_PART, 60: at 40, wording alike in both sentences
    ("machines … recall") still paired them."""
    from checker import align as A
    from checker.schema import make_table
    base = make_table([row(s, 1, "count", 1, "machine recall", None, unit="machine") for s in "ab"]).reset_index(drop=True)
    block = base.assign(qualifiers=["part of", None])
    term = A._identity_term(block, None) - A._identity_term(base, None)
    assert term[0, 1] == A.NO_PART == -60.0


@pytest.mark.parametrize("a, b", [
    ("Vela tram drivers will walk out on Thursday.",
     "Vela faces a tram strike starting on November 21."),
    ("The painting was stolen from the museum on 14 April.",
     "A heist hit the museum on 14 April."),
])
def test_words_for_one_event_are_one_word(tmp_path, monkeypatch, a, b):
    """A walkout is a strike, a heist a theft (rules/lexicon.yaml: synonyms):
    two dates of one event meet on those words alone, value-blind."""
    from checker import align as A
    from checker import pipeline
    from checker.rules import load_rules
    monkeypatch.setattr(A, "VALUE_AWARE", False)
    for name, text in (("one", a), ("two", b)):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\npublished: 2024-11-19\n---\n\n{text}\n")
    ruleset = load_rules()
    sources, _ = pipeline.load_story([str(tmp_path)])
    table = pipeline.extract(sources, ruleset)
    dates = A.align(table[table["kind"] == "date"], ("date",))
    assert dates["group"].nunique() == 1, dates[["source", "raw", "group"]]


def test_a_couples_income_never_meets_one_persons(tmp_path, monkeypatch):
    """"or $180,000 for married couples" is an income too (listed after one),
    and a couple's: it meets the other couples' cap, never one person's."""
    from checker import align as A
    from checker import pipeline
    from checker.rules import load_rules
    monkeypatch.setattr(A, "VALUE_AWARE", False)
    texts = {"one": "Vela relief goes to borrowers earning less than $90,000 a year, or $180,000 for married couples.",
             "two": "Vela relief is limited to people earning below $90,000.",
             "three": "Vela relief goes to households making under $180,000."}
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\npublished: 2024-11-19\n---\n\n{text}\n")
    ruleset = load_rules()
    sources, _ = pipeline.load_story([str(tmp_path)])
    table = pipeline.extract(sources, ruleset)
    money = A.align(table[table["kind"] == "money"], ("money",))
    got = {frozenset(g["value"].astype(float)) for _, g in money.groupby("group")}
    assert got == {frozenset({90000.0}), frozenset({180000.0})}
