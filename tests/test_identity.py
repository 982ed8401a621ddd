"""Claim identity: time anchors, qualifiers, per-units and counted nouns.

Two claims are one fact because of what they state; these columns and the
alignment terms that read them keep apart facts whose wording is alike.
"""

from __future__ import annotations

import pytest

from checker.extract import extract_rows
from checker.lexicon import Lexicon
from checker.records import Source
from checker.rules import load_rules
from tests.cli_helpers import run, write

LEX = load_rules().lexicon


def rows(text: str):
    src = Source(id="a", path="a.txt", text=text, plain=text)
    return [r for r in extract_rows(src, LEX) if r["kind"] != "statement"]


def aligned(a_text: str, b_text: str, kind: str):
    """The claims of ``kind`` of two one-sentence articles "a" and "b", aligned."""
    from checker.align import align
    from checker.schema import make_table
    b = rows(b_text)
    for r in b:
        r["source"] = "b"
    return align(make_table(rows(a_text) + b), (kind,), LEX)


def aligned_texts(texts: dict[str, str], kind: str):
    """The claims of ``kind`` of one-sentence articles (source -> text), aligned."""
    from checker.align import align
    from checker.schema import make_table
    return align(make_table([{**r, "source": src} for src, text in texts.items() for r in rows(text)]),
                 (kind,), LEX)


def assert_two_agree_one_apart(texts: dict[str, str], kind: str):
    """Articles "a" and "b" state one fact, "c" another; the aligned claims."""
    got = aligned_texts(texts, kind)
    group = dict(zip(got["source"], got["group"]))
    assert group["a"] == group["b"] != group["c"], got[["source", "raw", "topic", "qualifiers", "group"]]
    return got


def groups_of(a_text: str, b_text: str, kind: str) -> dict:
    """raw -> group number of the claims ``aligned`` gives."""
    got = aligned(a_text, b_text, kind)
    return dict(zip(got["raw"], got["group"]))


def one(text: str, raw: str) -> dict:
    (row,) = [r for r in rows(text) if r["raw"] == raw]
    return row


@pytest.mark.parametrize("text, raw, anchor", [
    ("In 2017, 14 homes burned down.", "14 homes", "2017"),
    ("The fire destroyed 37 homes on the ridge.", "37 homes", None),
    ("Revenue was $4.1 billion in 2024.", "$4.1 billion", "2024"),
    ("It paid $2.6 billion in July 2019 for the unit.", "$2.6 billion", "2019-07"),
    # the date belongs to the value beside it, not to the first one
    ("The new price is $4.5 billion, up from $2.6 billion in July 2019.", "$4.5 billion", None),
    ("The new price is $4.5 billion, up from $2.6 billion in July 2019.", "$2.6 billion", "2019-07"),
    # a clause break ends the anchor's reach
    ("Sales rose 12% (the best since 2009).", "12%", None),
    ("The toll was 95 deaths on Tuesday; 2013 was worse.", "95 deaths", "Tuesday"),  # undated: its weekday
    # a possessive time is the time of the figure right after it
    ("Spending rises 4.2% on 2024's $61.5 billion.", "4.2%", None),
    ("Spending rises 4.2% on 2024's $61.5 billion.", "$61.5 billion", "2024"),
    ("2023's flood destroyed 300 homes.", "300 homes", "2023"),   # no other figure after it
])
def test_time_anchor(text, raw, anchor):
    assert one(text, raw)["anchor"] == anchor


@pytest.mark.parametrize("text, raw, quals", [
    ("It raised its offer to $4.5 billion.", "$4.5 billion", "new"),
    ("The original $2.6 billion deal collapsed.", "$2.6 billion", "original"),
    ("The previous record was 93 goals.", "93 goals", "original"),
    ("Shareholders get $30 a share.", "$30", "per share"),
    ("He earns £200,000 a week.", "£200,000", "a week"),
    ("He earns £10m a year at the club.", "£10m", "a year"),
    ("The club paid £100m for him.", "£100m", None),
    # from one figure to another: the first is the earlier one, and the rate after
    # the second is the first's too
    ("Brenner raised its offer from $70 to $115 per share.", "$70", "original|per share"),
    ("Brenner raised its offer from $70 to $115 per share.", "$115", "new|per share"),
    ("Margins rose from 12% to 15% last year.", "15%", "new"),
    ("Acme cut its forecast from $2.1 billion to $1.8 billion.", "$2.1 billion", "original"),
    # a qualifier further away, or in the next clause, is not this figure's
    ("The new stadium, which opened last month, holds 75,000 fans.", "75,000 fans", None),
    # the deal the clause is about: its qualifier is the figure's, wherever it sits
    ("Norvane agreed to pay $40 a share, or $1.2 billion in all, in an amended agreement.", "$1.2 billion", "new"),
    ("Under the original arrangement, Norvane would have paid holders $25 a share.", "$25", "original|per share"),
    ("Norvane initially offered to buy Pellucid for $25 a share in 2020.", "$25", "original|per share"),
    ("It struck a revised deal to buy the chip designer Pellucid for $1.2 billion.", "$1.2 billion", "new"),
    # ... unless another figure stands between, or the qualifier leads to the next figure
    ("The amended deal values it at $1.2 billion, against $0.9 billion before.", "$0.9 billion", None),
    ("It will pay $40 a share, up from a previously agreed price of $25.", "$40", "per share"),
    ("It will pay $40 a share, up from a previously agreed price of $25.", "$25", "original"),
    # one clause with both places in it says neither; a date is not read this way
    ("The new offer of $40 follows the original offer.", "$40", "new"),
    ("Norvane said on Monday that it has struck a new deal.", "Monday", None),
    ("Firstly, the 40 staff will keep their jobs.", "40 staff", None),
    # an income, not an amount paid or given: an earnings word right before it
    ("Borrowers making less than $125,000 a year qualify.", "less than $125,000", "a year|earned"),
    ("Households with incomes below $250,000 qualify.", "below $250,000", "earned|joint"),
    ("Families that make more than $250,000 are left out.", "more than $250,000", "earned|joint"),
    ("Tenants with incomes below $40,000 qualify.", "below $40,000", "earned"),
    # an amount listed after an income is one too; a couple's or a household's is joint
    ("If they make less than $90,000 a year, or $180,000 as a married couple, they qualify.",
     "less than $90,000", "a year|earned"),
    ("If they make less than $90,000 a year, or $180,000 as a married couple, they qualify.",
     "$180,000", "earned|joint"),
    ("Aid goes to people earning under $90,000, or $180,000 for married couples.", "$180,000", "earned|joint"),
    ("It applies to individuals making less than $90,000 or couples making less than $180,000.",
     "less than $90,000", "earned"),
    ("It applies to individuals making less than $90,000 or couples making less than $180,000.",
     "less than $180,000", "earned|joint"),
    ("Applicants must earn less than $90,000.", "less than $90,000", "earned"),
    ("The fund paid $5,000 and $7,000 to tenants.", "$7,000", None),   # no income before
    ("The family paid $5,000 and $7,000 for the house.", "$7,000", None),
    ("The drug could earn €2bn a year.", "€2bn", "a year"),
    # a rate written as one word before the measure word
    ("Analysts expect peak annual sales of €2bn for the pill.", "€2bn", "a year"),
    ("His weekly wage of £150,000 makes him the best paid.", "£150,000", "a week"),
    ("The court set a daily fine of $5,000 until it complies.", "$5,000", "a day"),
    ("Peak sales of €2bn are expected.", "€2bn", None),
    ("Annual sales peaked in 2019.", "2019", None),     # a year has no rate
    ("Norvane is making a $40 offer.", "$40", None),
    # a count of a whole: "all 36 states", "each of the 12 districts"
    ("Tallies from all 36 Vela states came in.", "36 Vela states", "all of"),
    ("Each of the 12 districts voted for Brisk.", "12 districts", "all of"),
    ("Brisk won in 13 states.", "13 states", None),
    ("They called 36 states and all of them replied.", "36 states", None),
])
def test_qualifiers(text, raw, quals):
    assert one(text, raw)["qualifiers"] == quals


STORY_A = ("Northwind agreed to pay $30 a share for Harbor, it said on Monday.\n\n"
           "The original offer, made in 2019, was $2.6 billion.\n\n"
           "The fire destroyed 40 homes. In 2017 a fire destroyed 14 homes.\n")
STORY_B = ("Northwind will pay $30 for each Harbor share, the companies said.\n\n"
           "The revised offer is $4.5 billion, Northwind said.\n\n"
           "The blaze destroyed 40 homes. Back in 2012, a fire destroyed 9 homes.\n")


def test_identity_keeps_facts_apart_through_the_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story" / "a.txt", STORY_A)
    write(tmp_path / "story" / "b.txt", STORY_B)
    code, out, err = run("check", "story", "--format", "json", "-o", "r.json")
    import json
    doc = json.loads((tmp_path / "r.json").read_text())
    groups = [sorted(c["raw"] for c in f["claims"]) for f in doc["findings"] if f["verdict"] != "single_source"]
    # by hand: the original $2.6 billion offer and the revised $4.5 billion
    # one are two facts; 14 homes in 2017 and 9 in 2012 are two fires
    assert ["$2.6 billion", "$4.5 billion"] not in groups
    assert ["14 homes", "9 homes"] not in groups
    assert ["40 homes", "40 homes"] in groups
    kinds = {f["kind"] for f in doc["findings"] if f["verdict"] == "discrepancy"}
    assert kinds <= {"year"}, out + err  # the background years may still meet


def test_two_counted_nouns_never_pair_but_people_may():
    from checker.align import align
    import pandas as pd
    from checker.schema import make_table
    a = rows("Regulators counted four fires in homes.") + rows("The plant employs 1,200 people.")
    b = rows("The recall covers 840,000 units in homes.") + rows("The plant has 1,200 employees.")
    for r in b:
        r["source"] = "b"
    table = make_table(a + b)
    got = align(table, ("count",), LEX)
    by_raw = dict(zip(got["raw"], got["group"]))
    assert by_raw["four fires"] != by_raw["840,000 units"]
    assert by_raw["1,200 people"] == by_raw["1,200 employees"]


def test_lexicon_identity_keys_are_validated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story" / "a.txt", STORY_A)
    write(tmp_path / "story" / "b.txt", STORY_B)
    write(tmp_path / "rules" / "lexicon.yaml", "qualifiers: new\n")
    code, out, err = run("check", "story", "--rules", "rules")
    assert code == 2 and "'qualifiers' must be a list" in err


def test_counts_of_people_keep_their_predicates_apart():
    """'people' says nothing of what is counted; the measure word does
    (lexicon: kill, injure, hospitalise, evacuate, missing, rescue): the same
    figure injured in one outlet and hospitalised in another is two facts."""
    from checker.align import align
    from checker.schema import make_table
    a = rows("Eleven people were injured in the blast.") + rows("About 4,000 people were evacuated.")
    b = rows("Eleven people were hospitalised after the blast.") + rows("Some 4,000 people were relocated.")
    for r in b:
        r["source"] = "b"
    got = align(make_table(a + b), ("count",), LEX)
    groups = got.groupby("group")["raw"].apply(sorted).tolist()
    assert ["Eleven people", "Eleven people"] not in groups
    assert ["About 4,000 people", "Some 4,000 people"] in groups  # evacuated = relocated


def test_a_time_since_meets_a_time_since_not_a_length(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s" / "a.txt", "She was sentenced on Tuesday, six months after the verdict.\n\n"
          "Okafor won the Harlow seat four years ago.\n")
    write(tmp_path / "s" / "b.txt", "She was sentenced, having been convicted seven months ago.\n\n"
          "Okafor has held the Harlow seat for two decades.\n")
    code, out, err = run("check", "s", "--format", "json", "-o", "r.json")
    import json
    doc = json.loads((tmp_path / "r.json").read_text())
    groups = {tuple(sorted(c["raw"] for c in f["claims"])): f["verdict"] for f in doc["findings"]
              if f["kind"] == "duration"}
    # by hand: six months after the conviction against seven months ago: one
    # fact, two values; four years ago is no length of office
    assert groups.get(("seven months ago", "six months")) == "discrepancy", groups
    assert ("four years ago", "two decades") not in groups


@pytest.mark.parametrize("a_text, a_raw, b_text, b_raw", [
    ("Quillon will cut 1,850 jobs this year.", "1,850 jobs",
     "Quillon will eliminate 1,850 positions this year.", "1,850 positions"),
    ("Quillon will cut 1,850 jobs this year.", "1,850 jobs",
     "Quillon will make 1,900 redundancies this year.", "1,900 redundancies"),
    ("The fire destroyed 37 homes in Harlow.", "37 homes",
     "The fire destroyed 37 houses in Harlow.", "37 houses"),
    ("About 3,000 households in Calder lost their water.", "About 3,000 households",
     "About 3,000 families in Calder lost their water.", "About 3,000 families"),
])
def test_nouns_a_desk_uses_for_one_thing_pair(a_text, a_raw, b_text, b_raw):
    """The counted noun is singular in the table ("job"); the lexicon's
    synonyms list plurals ("jobs", "positions"): both fold to one noun."""
    by_raw = groups_of(a_text, b_text, "count")
    assert by_raw[a_raw] == by_raw[b_raw]


def test_a_singular_noun_in_an_idiom_is_not_a_measure():
    """"left the top job in 2015" is a departure: the singular "job" is not
    the lexicon's "jobs" (employ) when it is a context word."""
    assert LEX.fold("the top job") == ["the", "top", "job"]
    assert LEX.fold("1,850 jobs")[-1] == "employ"


def test_a_far_value_alone_never_outweighs_one_measure():
    """Values are what rules compare: a figure more than twice the other
    costs less than sharing the measure word gains, so a changed figure of
    one measure can still pair (and be reported) where the wording allows."""
    from checker import align
    assert align.TOPIC_BONUS + align.FAR_VALUE >= 0


def test_a_transfer_deal_worth_is_its_fee():
    by_raw = groups_of("Bayern agreed a fee of about 100 million euros for the striker on Friday.",
                       "The striker signed a deal worth more than 110 million euros with Bayern on Friday.",
                       "money")
    assert by_raw["about 100 million euros"] == by_raw["more than 110 million euros"]


def test_a_bare_figure_in_a_results_list_meets_the_counted_one():
    """"Green Party candidate Imre Kaya 2,481,907" says neither noun nor measure:
    it is not vetoed against "2,481,907 votes" (two nouns still are)."""
    by_raw = groups_of("Green Party candidate Imre Kaya 2,481,907",
                       "Imre Kaya of the Green Party won 2,481,907 votes in the count.", "count")
    assert by_raw["2,481,907"] == by_raw["2,481,907 votes"]


@pytest.mark.parametrize("text, outer, inner", [
    ("Bayern agreed a fee of £100 million ($127m) for the striker.", "£100 million", "$127m"),
    ("The striker signed for an initial 100m euros (£86.4m) on Saturday.", "100m euros", "£86.4m"),
])
def test_a_conversion_in_brackets_states_what_its_amount_states(text, outer, inner):
    """The bracket holds nothing but the converted figure: its context (what
    alignment compares) and topic are those of the amount it converts."""
    got = {r["raw"]: r for r in rows(text)}
    assert got[inner]["context"] == got[outer]["context"] != ""
    assert got[inner]["topic"] == got[outer]["topic"]


def test_a_bracket_with_words_is_its_own_clause():
    got = {r["raw"]: r for r in rows("Acme paid £100 million (up from $90m last year) for the unit.")}
    assert got["$90m"]["context"] != got["£100 million"]["context"]


def test_quotes_that_share_only_names_are_not_one_quote():
    got = aligned('"Welcome to Lisbon, Dara Quill!" the club wrote.',
                  '"It took months, but now Dara Quill will play in Lisbon for us," said Ana Reis.', "quote")
    assert got["group"].nunique() == 2
    got = aligned('"Dara built Quill Labs into what it is today," said Ana Reis.',
                  '"Dara made Quill Labs into what it is today," said Ana Reis.', "quote")
    assert got["group"].nunique() == 1  # a name and "today": one quote, a word changed


def test_quotes_sharing_names_and_one_verb_in_two_forms_are_one_quote():
    got = aligned('"We have signed Dara Quill from Lisbon Town," the club said.',
                  '"We have completed the signing of Dara Quill from Lisbon Town," the club said.', "quote")
    assert got["group"].nunique() == 1


def test_from_to_without_sequence_words_in_the_lexicon():
    """A desk lexicon whose sequence lists lack "previous" and "new" still
    shares the rate of "from X to Y" and adds no sequence qualifier."""
    from checker.extract.frames.identity import qualifiers
    from dataclasses import replace
    lex = replace(LEX, qualifier_groups=(("raised", "revised"),))
    text = "Brenner raised its offer from $70 to $115 per share."
    assert qualifiers(text, (text.index("$70"), text.index("$70") + 3), lex) == "raised|per share"


def test_a_stake_is_what_one_owns():
    got = groups_of("Norvane Holdings owned 7.5% of Pellucid Labs in 2024.",
                    "In 2024 Norvane Holdings raised its stake in Pellucid Labs to 8%.", "percent")
    assert got["7.5%"] == got["8%"]


@pytest.mark.parametrize("text, raw, scope", [
    ("Ruiz scored 96 Corvella Cup goals.", "96 Corvella Cup goals", "corvella|cup"),
    ("He has 58 international goals.", "58 international goals", None),  # lower-case modifier: not read
    ("It recalled about 2,400 of the Vantor scooters.", "about 2,400 of the Vantor scooters", "vantor"),
    ("It recalled 30,000 Glide+ scooters.", "30,000 Glide+ scooters", "glide+"),  # not "glide"
    ("He scored 140 goals for Brasford.", "140 goals", "brasford"),
    ("Buyers get $5,000, or $8,000 for first-time buyers.", "$8,000", "first|time|buyers"),
    ("Buyers get $5,000, or $8,000 for first-time buyers.", "$5,000", None),
    ("He had 90 goals from 150 games in the top division.", "150 games", "top|division"),
    ("He scored 140 goals in 260 games for Brasford.", "140 goals", None),  # the phrase is 260's
    ("He scored 140 goals in 260 games for Brasford.", "260 games", "brasford"),
    ("The quake killed 95 people in Min County.", "95 people", None),  # a place: where, not whose
    ("Aid rose by 12% in 2024.", "12%", None),  # a time is the anchor's
    ("The fund paid $4 million among the victims' families.", "$4 million", "victims|household"),  # families folds to household

    ("The quake killed 95 people in total.", "95 people", None),  # no "the": not a scope
    ("The quake killed 59 people in the province.", "59 people", None),  # a place noun
    ("It sold 300 units in the United States.", "300 units", None),  # a region
    ("It paid $2,000 for Parkside residents.", "$2,000", "parkside|residents"),  # not the region "Pa"
    ("It paid $2,000 for Pakistan flood victims.", "$2,000", "pakistan|flood|victims"),  # "for": an owner
    ("It raised $50 million in funding.", "$50 million", None),  # "in" reads for counts only
    ("He scored 69 goals for the club.", "69 goals", None),  # "the club" stands for a name
    ("Ruiz Scored 96 Career Goals For Brasford", "96 Career Goals", None),  # a headline's capitals
])
def test_scope_is_what_a_figure_is_counted_within(text, raw, scope):
    assert one(text, raw).get("scope") == scope


def test_figures_of_different_scopes_are_two_facts():
    got = groups_of("Dara Quill played 435 games for Brasford.",
                    "Dara Quill played 320 games in the league, a record.", "count")
    assert got["435 games"] != got["320 games"]
    got = groups_of("Dara Quill has now played 435 games for the club, his agent said.",
                    "Dara Quill has now played 430 games, his agent said.", "count")
    assert got["435 games"] == got["430 games"]  # one side says nothing of its scope: no veto


@pytest.mark.parametrize("text, raw, owner", [
    ("Dara Quill, 25, stared at the ruins of her home.", "25", "dara|quill"),
    ("Tom Hale, a 40-year-old farmer, was asleep.", "40-year-old", "tom|hale"),
    ("The 40-year-old Tom Hale was asleep.", "40-year-old", "tom|hale"),
    ("Ana Reis, 52, and Tom Hale, 48, were hurt.", "52", "ana|reis"),
    ("Ana Reis, 52, and Tom Hale, 48, were hurt.", "48", "tom|hale"),
    ("The 24-year-old striker signed on Friday.", "24-year-old", None),  # no name near it

    ("Tom Hale's 12-year-old daughter was rescued.", "12-year-old", None),  # his daughter's age
    ("A 25-year-old man was arrested, Harlow police said.", "25-year-old", None),
])
def test_an_age_belongs_to_the_person_next_to_it(text, raw, owner):
    assert one(text, raw).get("scope") == owner


def test_two_peoples_ages_are_two_facts_and_one_persons_are_one():
    story = "The Vessary flood reached the town overnight. "
    # the place both name (Harlow) is shared; the people are not
    got = groups_of(story + "Tom Hale, a 40-year-old farmer in Harlow, lost his barn in the flood.",
                    story + "In Harlow, Dara Quill, 25, lost her barn in the flood.", "duration")
    assert got["40-year-old"] != got["25"]
    got = groups_of(story + "Tom Hale, a 40-year-old farmer, lost his barn in the flood.",
                    story + "Farmer Tom Hale, 41, lost his barn in the flood.", "duration")
    assert got["40-year-old"] == got["41"]  # one man's age: compared (and differs)


def test_a_term_handed_down_is_not_how_long_something_went_on():
    """The lexicon's sentence and span measures: one figure each, the same
    value, still two facts; two wordings of one sentence are one."""
    got = aligned("A judge sentenced Dana Voss to ten years in prison for the fraud.",
                  "The fraud run by Dana Voss spanned ten years, the judge said.", "duration")
    assert len(got) == 2 and got["group"].nunique() == 2
    by_raw = groups_of("A judge sentenced Dana Voss to ten years in prison for the fraud.",
                       "Dana Voss will spend 12 years behind bars for the fraud, a judge ruled.",
                       "duration")
    assert by_raw["ten years"] == by_raw["12 years"]


@pytest.mark.parametrize("b_text", [
    "Corvane traded 3% higher in early trading, changing hands at $41.80 each.",
    "Corvane was up 3% in early trading at $41.80.",
])
def test_a_price_changing_hands_is_the_share_price(b_text):
    """'changing hands', 'in early trading': the lexicon's stock words."""
    got = aligned("Corvane shares rose 3% to $41.20 after the deal was announced.", b_text, "money")
    assert len(got) == 2 and got["group"].nunique() == 1, got[["raw", "topic", "context"]]


def test_a_lone_claim_joins_a_group_only_on_its_own_measure():
    """The second pass lets a lone claim join an agreeing group on weaker
    wording, where each claim's main measure word is among the words near
    the other: a debut year does not join the year two outlets give for
    joining an academy, though the debut's sentence names the joining too."""
    assert_two_agree_one_apart({"a": "After spells at Rovno and Lipa youth sections, Dario Venn joined the Ostrava academy in 2009.",
                                "b": "Dario Venn joined the Ostrava academy in 2009, aged 12.",
                                "c": "Venn joined Ostrava's academy aged 11 before making his senior debut in 2014."}, "year")


def test_an_amount_added_to_another_is_not_the_total():
    """The lexicon's increments: "an additional $5,000" for grant holders is
    not the $5,000 every borrower gets, even at the same value; "$5,000 more"
    is the same increment; "and another 14 missing" is no increment."""
    got = aligned("Every borrower gets $5,000 in relief, the ministry said.",
                  "Grant holders get an additional $5,000 in relief, the ministry said.", "money")
    assert got["group"].nunique() == 2, got[["source", "raw", "qualifiers", "group"]]
    assert "on top" in set(got["qualifiers"].dropna())
    got = aligned("Grant holders get an additional $5,000 in relief, the ministry said.",
                  "Grant holders get $5,000 more in relief, the ministry said.", "money")
    assert got["group"].nunique() == 1, got[["source", "raw", "qualifiers", "group"]]
    (row,) = [r for r in rows("Officials said 56 people died and another 14 are missing.")
              if r["raw"].startswith("14")]
    assert not row["qualifiers"]
    # "16 other candidates" are the others: not the 18 who ran
    got = aligned("Mara Lisk defeated 16 other candidates in the Corvale race, the commission said.",
                  "There were 18 candidates in the Corvale election, the commission said.", "count")
    assert got["group"].nunique() == 2, got[["raw", "qualifiers", "group"]]
    # a year, a comparison and a word across a comma are no increments
    for text, raw in [("In 2023 more passengers flew to Corvale.", "2023"),
                      # a count: only a word inside its noun phrase; before it, the
                      # word adds the count to another measure (the dead)
                      ("Nine people died and an additional 14 people were missing.", "14 people"),
                      ("Smokers are 50% more likely to fall ill.", "50%"),
                      ("Further, 30 people were hurt in Corvale.", "30 people")]:
        (row,) = [r for r in rows(text) if r["raw"] == raw]
        assert not row["qualifiers"], (text, row["qualifiers"])


@pytest.mark.parametrize("text, raw, potential", [
    ("Corvane agreed a deal that could rise to $90 million with bonuses.", "$90 million", True),
    ("The Vantor fee could hit more than 80 million euros, reports said.", "more than 80 million euros", True),
    ("Ostrava's offer is potentially worth up to £75m with add-ons.", "up to £75m", True),
    ("The toll could climb to 300 people, officials warned.", "300 people", True),
    # a level reached, a past bid compared with, a buyer who may buy, but paid
    ("Vela's sales rose for a third year, rising to $2bn in 2024.", "$2bn", False),
    ("The offer could top the $5 billion bid Corvane made last year.", "$5 billion", False),
    ("The potential buyer paid $90 million for Vela.", "$90 million", False),
    ("Corvane warned of potential job losses as it cut 500 jobs.", "500 jobs", False),
])
def test_a_figure_something_may_come_to(text, raw, potential):
    """The lexicon's potentials: "could rise to", "potentially ... up to"
    before a figure, within its clause and with no figure between."""
    (row,) = [r for r in rows(text) if r["raw"] == raw]
    assert ("could reach" in (row["qualifiers"] or "").split("|")) is potential, row["qualifiers"]


def test_a_figure_that_may_be_reached_is_not_the_one_agreed():
    """A fee that could rise to a sum is not the fee agreed, at any value;
    two such sums meet."""
    got = aligned("Ostrava signed Venn for 90 million euros on Friday, the club said.",
                  "Venn joins Ostrava in a deal that could hit 90 million euros, according to reports.", "money")
    assert got["group"].nunique() == 2, got[["source", "raw", "qualifiers", "group"]]
    got = aligned("Ostrava signed Venn in a deal that could rise to 90 million euros, the club said.",
                  "Ostrava signed Venn in a deal that could hit 95 million euros, the club said.", "money")
    assert got["group"].nunique() == 1, got[["source", "raw", "qualifiers", "group"]]


@pytest.mark.parametrize("text, raw, part", [
    ("Some 550 people were hurt, and 60 of them were seriously injured.", "60 of them were seriously injured", True),
    ("The recall covers about 1,050 of the Pellucid treadmills.", "about 1,050 of the Pellucid treadmills", True),
    ("The quake killed three of her grandchildren, the farmer said.", "three of her grandchildren", True),
    ("Fifty of the miners were rescued on Sunday.", "Fifty of the miners", True),
    ("Thirty-four of the Vela miners were rescued on Sunday.", "Thirty-four of the Vela miners", True),
    # a whole, or one of many, is not a part counted
    ("The recall covers about 125,000 Pellucid treadmills.", "about 125,000 Pellucid treadmills", False),
    ("The quake killed 89 people in Norvane.", "89 people", False),
])
def test_a_count_of_some_of_a_whole(text, raw, part):
    """"60 of them", "1,050 of the Pellucid treadmills": some of a whole."""
    (row,) = [r for r in rows(text) if r["raw"] == raw]
    assert ("part of" in (row["qualifiers"] or "").split("|")) is part, row["qualifiers"]


def test_some_of_a_whole_is_not_the_whole():
    """A part counted ("1,050 of the Pellucid machines") is not the count of
    the whole in a sentence much like it; two parts of one whole meet. (It
    costs, and is not a veto: "60 of them were hurt" may be "60 people were
    hurt" written without the whole.)"""
    assert_two_agree_one_apart({
        "a": "The commission said about 1,050 of the Pellucid machines are recalled.",
        "b": "About 1,040 of the Pellucid machines are recalled, the commission said.",
        "c": "The recall covers some 4,300 machines.",
    }, "count")


@pytest.mark.parametrize("text, raw, topic", [
    # the measure joined to the figure by of/to is its measure, not a later one
    ("Vela ignored injuries to more than 30 children and the death of a boy.",
     "more than 30 children", "injure"),
    ("The families mourned the deaths of 14 miners and the injuries of others.", "14 miners", "kill"),
    # "rose to": the new level of the measure before it; "a rise of": a growth
    ("The death toll from the Vela quake rose to at least 142 people on Sunday.", "at least 142 people", "kill"),
    ("The Corvane offer was raised to $5bn on Monday.", "$5bn", "bid"),
    # "and" before another figure: the noun after both is theirs
    ("The firm paid $5m and $6m fines.", "$5m", "fine"),
    # a measure word after "and" is the next phrase's
    ("The crash killed two children and injured 30 people.", "two children", "kill"),
    ("The crash killed two children and injured 30 people.", "30 people", "injure"),
    # people buried or trapped are a measure of their own, not people affected
    ("In one village 12 people were buried, a witness said.", "12 people", "bury"),
    ("Some 40 miners remain trapped underground in Vela.", "Some 40 miners", "trap"),
    ("Some 120,000 people were affected by the Vela quake.", "Some 120,000 people", "affect"),
    # ", and": the figure's own clause and what follows it come before the
    # clause before it
    ("By Sunday 80 people had died, officials said, and more than 400 people were being treated for injuries.",
     "more than 400 people", "injure"),
    ("Nine miners were killed in Vela, and 30 others were hurt.", "30 others", "injure"),
    # a state after the counted noun, past a reporting word
    ("Only two villagers were listed as missing in Vela.", "two villagers", "missing"),
    ("Only two villagers were recorded as missing in Vela.", "two villagers", "missing"),
    ("Only two villagers were listed\nas missing in Vela.", "two villagers", "missing"),
    ("The Vela quake killed 40, with two miners reported missing.", "two miners", "missing"),
    ("Officials said 14 people remain missing in Vela.", "14 people", "missing"),
    # "ruling party" is a party, not a court's ruling
    ("The commission said 40 ruling party officials were arrested.", "40 ruling party officials", "arrest"),
    ("On Wednesday the commission named the ruling party candidate, Ada Brisk, the winner.", "Wednesday", None),
    # general vocabulary: a charge is a cost, a sale a price, a switch a fee
    ("Norvane will book a $40m restructuring charge.", "$40m", "charge"),
    ("Vela sold the striker to Corvane for €30m last week.", "€30m", "sell"),
    ("The striker sealed a €30million switch to Corvane.", "€30million", "fee"),
    # with no measure word of its own, the clause before still gives one
    ("The flood killed 12 people in Vela, and 40 people in Corvane.", "40 people", "kill"),
    # ... and no measure word past a comma after the figure is its own
    ("The quake killed 40 people in Vela, and 12 people in Corvane, where hundreds were injured.",
     "12 people", "kill"),
])
def test_the_measure_a_count_is_joined_to(text, raw, topic):
    (row,) = [r for r in rows(text) if r["raw"] == raw]
    assert row["topic"] == topic, row["context"]


@pytest.mark.parametrize("text, raw, topic", [
    # a measure word inside a name measures nothing: the figure's measure is another
    ("Corvane Grant recipients will see $10,000 forgiven.", "$10,000", None),
    ("Students at the Vela Tax Academy owe $20,000 each.", "$20,000", None),
    ("Vela will forgive $10,000 in debt for Corvane Grant recipients.", "$10,000", "debt"),
    # written in lower case too, it is the measure ("the maximum grant")
    ("The maximum grant under the Corvane Grant scheme was $6,345.", "$6,345", "grant"),
    # a headline's capitals are not a name
    ("Vela Wins $5 Million Grant From Corvane", "$5 Million", "grant"),
    # the first word of a sentence is not part of a name after it
    ("Fines of $5 million were paid by Vela.", "$5 million", "fine"),
])
def test_a_measure_word_in_a_name(text, raw, topic):
    (row,) = [r for r in rows(text) if r["raw"] == raw]
    assert row["topic"] == topic, row["context"]


def test_one_noun_counted_for_two_measures_is_two_facts():
    """Children killed and children injured share the counted noun, not the
    fact: where each claim's own measure differs, the noun earns nothing."""
    got = aligned("One child was killed on a Vela treadmill and other users were injured, the agency said.",
                  "Vela ignored injuries to more than 30 children and a death, the agency said.", "count")
    assert got["group"].nunique() == 2, got[["source", "raw", "topic", "group"]]
    got = aligned("The Vela bus crash on Monday killed two children, police said.",
                  "Two children died in the Vela bus crash on Monday, police said.", "count")
    assert got["group"].nunique() == 1, got[["source", "raw", "topic", "group"]]


def test_when_something_paused_is_not_when_it_resumes():
    """The lexicon's pause and resume: the month repayments were put on hold
    is not the month they start again, though both sentences are about
    payments; two outlets giving the restart agree."""
    assert_two_agree_one_apart({"a": "Borrowers of the Vela fund prepare to resume their loan payments in January 2027.",
                                "b": "Vela fund loan payments will resume in January 2027, the agency said.",
                                "c": "Vela fund loan payments were first put on hold in March 2025 by the agency."}, "date")


def test_a_premium_is_not_a_rise():
    """The lexicon's premium: a price's premium to the last close is not
    how much the offer was raised (its measure word counts against the
    pair, as the price word alone did not); two premiums meet."""
    got = aligned("Norvane struck a new deal for Pellucid, raising its original purchase price by 64%.",
                  "The revised deal for $90 per share in cash represents a premium of about 33% to Pellucid's last closing price.",
                  "percent")
    assert got["group"].nunique() == 2, got[["source", "raw", "topic", "group"]]
    got = aligned("The Norvane offer is a premium of 33% to the last closing price of Pellucid.",
                  "The revised deal for $90 per share in cash represents a premium of about 33% to Pellucid's last closing price.",
                  "percent")
    assert got["group"].nunique() == 1, got[["source", "raw", "topic", "group"]]


def test_a_date_something_lasts_until_is_not_the_day_it_happened():
    """The lexicon's deadlines: "a full refund until Nov. 6" is not the day
    of the recall, however alike the sentences; two deadlines meet."""
    got = assert_two_agree_one_apart({"a": "Owners of the recalled Vela rowing machines can get a full refund until Nov. 6, 2026.",
                                     "b": "Owners of the recalled Vela rowing machines can claim a full refund until November 6, 2026.",
                                     "c": "Vela recalled the rowing machines on May 5, 2026, and owners can get a full refund."}, "date")
    assert list(got.sort_values("source")["qualifiers"].fillna("")) == ["until", "until", ""]
    # "deadline" right after the date marks it too
    (row,) = [r for r in rows("A lag in approval before a January 8 deadline ended the Vela deal.")
              if r["raw"] == "January 8"]
    assert row["qualifiers"] == "until"


def test_what_something_gave_out_is_not_what_was_put_in():
    """The lexicon's output and deliver measures: the energy a reactor
    produced and the energy its lasers delivered are two facts; produced and
    generated are one."""
    got = aligned("At the Halvern lab, the lasers delivered 2.2 megajoules of energy to the target.",
                  "At the Halvern lab, the reaction produced 2.2 megajoules of energy, officials said.",
                  "quantity")
    assert len(got) == 2 and got["group"].nunique() == 2, got[["raw", "topic", "group"]]
    got = aligned("At the Halvern lab, the reaction generated 3.1 megajoules of energy, officials said.",
                  "At the Halvern lab, the reaction produced 3.4 megajoules of energy, officials said.",
                  "quantity")
    assert len(got) == 2 and got["group"].nunique() == 1, got[["raw", "topic", "group"]]


def test_votes_counted_and_votes_thrown_out_are_two_facts():
    """The lexicon's qualifiers [valid] and [rejected, invalid, ...]: the same
    figure given as valid votes in one outlet and as rejected votes in another
    is two facts; rejected and invalid votes are one."""
    got = aligned("The commission said valid votes were 812,400 in the Corvale race.",
                  "The commission said rejected votes were 812,400 in the Corvale race.", "count")
    assert got["group"].nunique() == 2, got[["raw", "qualifiers", "group"]]
    got = aligned("The commission said rejected votes were 31,200 in the Corvale race.",
                  "The commission said invalid votes were 31,900 in the Corvale race.", "count")
    assert got["group"].nunique() == 1, got[["raw", "qualifiers", "group"]]


def test_an_age_is_its_owners_whatever_the_clause_measures():
    """Ages take no measure from their clause: "the 58-year-old mayor won 61%
    of the vote" and "the 58-year-old ruling party mayor was sworn in" are
    one age (the votes are not what the age measures)."""
    got = aligned("Officials said the 58-year-old mayor of Corvale got 61% of the vote.",
                  "The 58-year-old ruling party mayor of Corvale was sworn in, officials said.", "duration")
    assert len(got) == 2 and got["group"].nunique() == 1, got[["raw", "topic", "group"]]


@pytest.mark.parametrize("text, raw, until", [
    ("Vela sold the model from about November 2025 to about March 2026.", "March 2026", True),
    ("Vela sold the model between Nov. 2025 and Mar. 2026.", "Mar. 2026", True),
    ("Vela sold the model through Mar. 2026.", "Mar. 2026", True),
    ("Vela sold the model from November 2025.", "November 2025", False),
])
def test_the_end_of_a_range_is_its_deadline(text, raw, until):
    assert ("until" in (one(text, raw)["qualifiers"] or "")) is until


def test_the_story_name_is_not_what_two_claims_share():
    """A name in most of a block's contexts ("Corvane Robotics" in every
    sentence of a story about it) says the same story, not the same fact: the
    plant's opening day is not the day of a fine because both sentences name
    the company."""
    got = aligned_texts({
        "a": "Corvane Robotics chief Lena Pruska said Corvane Robotics opened the Ostrava plant on March 3, 2025.",
        "b": "Corvane Robotics chief Lena Pruska said Corvane Robotics would appeal the Brno court ruling of April 8, 2025.",
        "c": "Corvane Robotics listed its shares in Prague on May 2, 2024. Corvane Robotics hired its 1,000th "
             "worker on Jan. 9, 2025. Corvane Robotics was fined by regulators on Oct. 1, 2024.",
        "d": "Corvane Robotics shares began trading in Prague on May 2, 2024. Corvane Robotics took on its "
             "1,000th worker on Jan. 9, 2025. Regulators fined Corvane Robotics on Oct. 1, 2024.",
    }, "date")
    group = dict(zip(got["source"] + ":" + got["raw"], got["group"]))
    assert group["c:Oct. 1, 2024"] == group["d:Oct. 1, 2024"], got[["source", "raw", "group"]]
    assert group["a:March 3, 2025"] != group["c:Oct. 1, 2024"], got[["source", "raw", "group"]]
    assert group["c:May 2, 2024"] == group["d:May 2, 2024"] != group["a:March 3, 2025"]


def test_a_name_of_one_fact_is_kept():
    """Only the names most contexts hold are left out of the wording; a name
    beside one figure ("Ruiz" beside his vote count) still tells it apart."""
    import pandas as pd
    from checker.align import _without_names
    ctx = [f"vela poll {w}" for w in ("ruiz secured", "dana won", "led", "trailed", "came", "got",
                                      "had", "took", "ran", "lost")]
    entities = pd.Series(["Vela|Ruiz", "Vela|Dana"] + ["Vela"] * 8)
    out = _without_names(ctx, entities)
    assert out[0] == "poll ruiz secured" and out[1] == "poll dana won" and out[2] == "poll led"
    assert _without_names(ctx[:3], entities[:3]) == ctx[:3]  # too few claims to tell


@pytest.mark.parametrize("unit, people, thing", [
    ("people", True, False), ("person", True, False), ("individual", True, False),
    ("earthquake", False, True), ("home", False, True), ("treadmill", False, True), ("state", False, True),
    # people by the lexicon's list or by their ending, and participles: never things
    ("resident", True, False), ("child", True, False), ("voter", True, False), ("survivor", True, False),
    ("employee", True, False), ("missing", True, False), ("injury", True, False), ("borrower", True, False),
    # a participle or an "-ent" ending: not surely a person, never a thing
    ("incident", False, False), ("hospitalized", False, False),
    # a generic noun that is not about people, and no noun at all: neither
    ("other", False, False), (None, False, False),
    # a number of times is no person ("six times" may be six goals)
    ("time", False, True),
    # a person's ending on a thing: the lexicon's thing_nouns
    ("fee", False, True), ("committee", False, True), ("computer", False, True), ("quarter", False, True),
    ("degree", False, True),
])
def test_people_and_things(unit, people, thing):
    """A count of people in general ("three people") and a count of a thing
    ("two earthquakes"): the two never meet."""
    import numpy as np
    import pandas as pd
    from checker.align import _nouns, _people_and_things
    units = pd.Series([unit])
    got = _people_and_things(units, _nouns(units, LEX), LEX)
    assert (bool(got[0][0]), bool(got[1][0])) == (people, thing)


def test_people_never_meet_things():
    """Two sentences worded alike, one counting people, one earthquakes."""
    got = aligned("Rescuers tried to reach victims of three people killed in Norvane on Monday.",
                  "Rescuers tried to reach victims of two shallow earthquakes that killed people in Norvane on Monday.",
                  "count")
    assert got["group"].nunique() == 2, got[["source", "raw", "unit", "topic", "group"]]
    got = aligned("At least three people were killed in the Norvane earthquakes on Monday, officials said.",
                  "Three residents were killed in the Norvane earthquakes on Monday, officials said.", "count")
    assert got["group"].nunique() == 1, got[["source", "raw", "unit", "topic", "group"]]


def test_one_figure_of_workers_and_jobs_stays_one_group():
    """Two counts whose nouns fold to one ("workers", "jobs": employ) are
    not kept apart by the people-or-thing veto, though a job is no person."""
    got = aligned("Corvane will cut 1,200 workers at its Ostrava plant, the company said on Monday.",
                  "Corvane will cut 1,200 jobs at its Ostrava plant, the company said on Monday.", "count")
    assert got["group"].nunique() == 1, got[["source", "raw", "unit", "group"]]


def test_a_number_of_times_is_never_a_count_of_people():
    got = aligned("Close to 45 million Vela borrowers were paused, the agency said.",
                  "Vela borrowers were paused six times, the agency said.", "count")
    assert got["group"].nunique() == 2, got[["source", "raw", "unit", "group"]]


def test_dates_of_one_event_verb():
    """The same verb on two dates is a hint they are one event's; a light
    verb ("is", "said") and different verbs say nothing."""
    import pandas as pd
    from checker.align import EVENT_SAME, _event_term
    block = pd.DataFrame({"kind": ["date"] * 6, "predicate": ["sign", "sign", "arrive", "say", "found", "found"],
                          "topic": [None, None, None, None, "found", None]})
    got = _event_term(block)
    assert got[0, 1] == EVENT_SAME and got[0, 2] == 0 and got[2, 3] == 0 and got[3, 3] == 0
    assert got[4, 5] == 0  # "founded" is the measure word: the topic term counts it
    assert not _event_term(block.assign(kind="count")).any()
    # verbs of saying are light ("said on Monday", "told reporters on Tuesday");
    # an announcement is an event
    said = pd.DataFrame({"kind": ["date"] * 6, "predicate": ["add", "add", "tell", "tell", "announce", "announce"],
                         "topic": [None] * 6})
    got = _event_term(said)
    assert not got[:4, :4].any() and got[4, 5] == EVENT_SAME


@pytest.mark.parametrize("noun, groups", [("machines", 1), ("units", 1), ("kettles", 2)])
def test_a_product_counted_as_units_or_machines(noun, groups):
    """"Units", "machines", "devices" say little about what is counted: a
    recall's 125,000 treadmills and another outlet's 4,300 machines are one
    fact stated two ways (a discrepancy), while two real nouns stay apart."""
    got = aligned("The recall covers 125,000 Pellucid treadmills sold since 2018, the agency said.",
                  f"The recall covers about 4,300 Pellucid {noun} sold since 2018, the agency said.", "count")
    assert got["group"].nunique() == groups, got[["source", "raw", "unit", "group"]]


@pytest.mark.parametrize("text, topic", [
    # an opening condition is context, never what the value measures
    ("If she did not receive a Vela grant, she will see $8,000 written off.", None),
    ("When the Vela grant ended, borrowers had paid $4,000 in fees.", "fee"),
    # the value's own clause still gives its topic
    ("If approved, the Vela grant will be worth $6,000.", "grant"),
    ("The maximum Vela grant award was $6,345 last year.", "grant"),
    # the condition ends at its first comma, not at the last one before the value
    ("If approved, the Vela grant, now in its tenth year, will be worth $6,000.", "grant"),
    ("‘If she did not receive a Vela grant, she will see $8,000 written off.", None),
    # a word that only starts like an opener opens nothing
    ("After-tax profit, the company said, rose to $6,000.", "profit"),
])
def test_topic_is_not_taken_from_an_opening_condition(text, topic):
    got = [r for r in rows(text) if r["kind"] == "money"]
    assert len(got) == 1 and got[0]["topic"] == topic, got


def test_a_lone_claim_attaches_only_on_its_own_measure():
    """The second pass lets a lone claim join a group on weaker wording when
    both claims name the same measure; a claim naming none ("they will have
    $10,000 forgiven") does not take in a grant's maximum."""
    import pandas as pd
    from checker.align import _topic_match
    block = pd.DataFrame({"topic": ["grant", None, "grant"],
                          "context": ["maximum grant award school year", "pell grant make year forgiven",
                                      "grant award year"]})
    fits = _topic_match(block, LEX)[2]
    assert not fits[0, 1] and not fits[1, 0] and fits[0, 2]


@pytest.mark.parametrize("text, topic", [
    # a measure word heading a phrase whose last noun is another measure:
    # the date is the head's ("a pause on payments through January")
    ("Vela is set to extend a pause on student loan payments through January.", "pause"),
    ("Vela will extend the pause on payments until Dec. 31.", "pause"),
    # no head before the phrase: the nearest measure word, as before
    ("Student loan payments resume in January 2027, Vela said.", "resume"),
])
def test_a_date_belongs_to_the_head_of_its_phrase(text, topic):
    got = [r for r in rows(text) if r["kind"] == "date"]
    assert len(got) == 1 and got[0]["topic"] == topic, got


def test_only_a_date_reads_the_head_of_its_phrase():
    """The head of "a vote on the pay deal by ..." is read for a date only;
    a count keeps its nearest measure word, as every count does."""
    got = [r for r in rows("A vote on the pay deal by 1,200 members was held.") if r["kind"] == "count"]
    assert len(got) == 1 and got[0]["topic"] == "deal", got


@pytest.mark.parametrize("text, raw, words, not_words", [
    # an abbreviation in brackets is part of the name before it, not a clause
    ("Vela Alliance (VA) Ruth Ostrava-14,542", "14,542", {"va", "vela", "alliance", "ostrava"}, set()),
    ("The Norvane Ignition Facility (NIF) fired 2.05 megajoules.", "2.05 megajoules", {"nif", "facility"}, set()),
    ("Vela Redemption Party ( VRP), Kola Ostrava-72,144", "72,144", {"vrp", "redemption", "ostrava"}, set()),
    # a bracketed aside stays a clause of its own
    ("Corvane (which bought Vela last year) paid $5 million.", "$5 million", {"pay"}, {"acquire"}),
])
def test_an_abbreviation_in_brackets_is_context(text, raw, words, not_words):
    ctx = set(one(text, raw)["context"].split())
    assert words <= ctx and not (not_words & ctx), ctx


@pytest.mark.parametrize("aware", [True, False])
def test_claims_anchored_to_two_times_never_chain_into_one_group(monkeypatch, aware):
    """By hand: 2,000 homes on 22 July 2013 and 5 homes in 2012 are two
    quakes' tolls. A third source's unanchored 2,000 homes is like both in
    its wording, and it joins the first (so the group is an agreement), but
    it must not chain the 2012 toll into that group as a discrepancy."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "The quake destroyed 2,000 homes in Ostrava on 22 July 2013.",
        "b": "The quake destroyed 2,000 homes in Ostrava, officials said.",
        "c": "The quake destroyed 5 homes in Ostrava in 2012, officials said.",
    }, "count")
    group = dict(zip(table["source"], table["group"]))
    assert group["a"] == group["b"] and group["c"] != group["a"]


@pytest.mark.parametrize("aware", [True, False])
def test_an_income_limit_is_not_the_relief_it_limits(monkeypatch, aware):
    """By hand: $125,000 is what borrowers earn to qualify, $10,000 what is
    forgiven; alike in their wording, they are two facts."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "Borrowers making under $125,000 will see their student debt forgiven, Norvane said.",
        "b": "Borrowers will see $10,000 of their student debt forgiven, Norvane said.",
    }, "money")
    assert table["group"].nunique() == 2


@pytest.mark.parametrize("text, raw, travel", [
    ("The lab sits just 90 minutes from Corvane and an hour from Ostrava.", "90 minutes", True),
    ("The lab sits 90 minutes from Corvane and two hours from Ostrava.", "two hours", True),
    ("The village is a two-hour drive from the provincial capital.", "two-hour", True),
    ("The mine is a 40-minute drive away, residents said.", "40-minute", True),
    ("The site lies three hours away from the coast by road.", "three hours", True),
    ("Norvane is a two hours' flight from Vela.", "two hours", True),
    ("The quarry is 40 minutes away, residents said.", "40 minutes", True),
    ("The mine lies two hours from Sunvale, officials said.", "two hours", True),  # a name, not "Sun."
    # a length, a time to come, or a time counted from a date, is not a distance
    ("Researchers spent more than 13 years trying to reach ignition.", "more than 13 years", False),
    ("Commercial plants are two decades away, the physicist said.", "two decades", False),
    ("The loans will be paused for three years from January, Vela said.", "three years", False),
    ("The trial lasted six weeks from start to finish.", "six weeks", False),
])
def test_a_travel_time_is_a_distance(text, raw, travel):
    """"90 minutes from Corvane" says how far, not how long something lasted."""
    (row,) = [r for r in rows(text) if r["raw"] == raw and r["kind"] == "duration"]
    assert ("travel time" in (row["qualifiers"] or "").split("|")) is travel, row["qualifiers"]


@pytest.mark.parametrize("aware", [True, False])
def test_a_travel_time_is_never_the_length_of_something(monkeypatch, aware):
    """By hand: how far the lab is from a city and how long its scientists
    worked are two facts, however alike the sentences (without the mark the
    two are grouped: checked); two travel times to one city meet."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "Scientists at the Vela laboratory, 90 minutes from Corvane, reached fusion ignition this week, officials said.",
        "b": "Scientists at the Vela laboratory reached fusion ignition this week after 13 years of work, officials said.",
    }, "duration")
    assert table["group"].nunique() == 2, table[["source", "raw", "qualifiers", "group"]]
    table = aligned_texts({
        "a": "Scientists at the Vela laboratory, 90 minutes from Corvane, reached fusion ignition this week, officials said.",
        "b": "Scientists at the Vela laboratory, two hours from Corvane, reached fusion ignition this week, officials said.",
    }, "duration")
    assert table["group"].nunique() == 1, table[["source", "raw", "qualifiers", "group"]]



@pytest.mark.parametrize("text, raw, owner", [
    # the nearest name before a count or a percentage, in its clause
    ("Dara Quill polled 41% of the vote.", "41%", "dara|quill"),
    ("Her rival Tomas Vell polled 33%, and Corvane's Ada Brisk 20%.", "33%", "tomas|vell"),
    ("Her rival Tomas Vell polled 33%, and Corvane's Ada Brisk 20%.", "20%", "ada|brisk"),
    # (a lone word at the start of a sentence is a name where the article also
    # writes it in a longer name)
    ("Tomas Vell came second. Vell trailed behind with 33.2 percent.", "33.2 percent", "vell"),
    ("Dara Quill is leaving. Quill has scored a club record 190 goals for Brasford.", "190 goals", "quill"),
    # a capitalised opening word that is no name, a speaker, a month: no owner
    ("Inflation rose to 3.2% in Vela.", "3.2%", None),
    ("Ada Brisk said 40 people died in Vela.", "40 people", None),
    ("Tomas Vell came second. On Tuesday Vell won 33.2 percent.", "33.2 percent", "vell"),
    # a person of a party: the person owns it, not the party
    ("Ada Brisk of the Corvane Party won 512,400 votes.", "512,400 votes", "ada|brisk"),
    # too far, past a clause break, or past another figure: no owner
    ("Dara Quill, who led the count all night in the hall, won 41% of the vote.", "41%", None),
    ("Quill won 41% and the runner-up 33%.", "33%", None),
    ("Dara Quill said in a long statement to reporters late on Sunday that turnout was 61%.", "61%", None),
    # a month is no owner; an amount has none
    ("In March 40 people were hurt.", "40 people", None),
    ("Dara Quill paid $40 million for it.", "$40 million", None),
])
def test_the_name_that_owns_a_figure(text, raw, owner):
    assert one(text, raw)["owner"] == owner


@pytest.mark.parametrize("text, raw, quals", [
    # a conversion in brackets states what the amount it converts does: its
    # qualifiers are the converted amount's
    ("Vela joins Corvane in a deal that could hit more than 90 million pounds ($115 million).",
     "$115 million", "could reach"),
    ("Corvane's original offer of £40m ($51m) was turned down.", "$51m", "original"),
    ("Corvane paid £40m ($51m) for Vela.", "$51m", None),
])
def test_a_conversion_has_the_qualifiers_of_what_it_converts(text, raw, quals):
    assert one(text, raw)["qualifiers"] == quals


@pytest.mark.parametrize("text, raw, first_in", [
    ("It is the second serious incident at Vela airport in three years, officials said.", "three years", True),
    ("The walkout is the first on the city's trams in 26 years.", "26 years", True),
    ("Norvane reported its worst quarter in more than a decade.", "more than a decade", True),
    ("Turnout was the highest in two decades, the council said.", "two decades", True),
    ("It was the only strike in the past five years.", "five years", True),
    # a length, or a word that only ends like a superlative, is not
    ("The strike will last for three days, the union said.", "three days", False),
    ("She served in the role for three years.", "three years", False),
    ("Interest in two years will double, Corvane said.", "two years", False),
    ("The protest in two weeks drew 400 people.", "two weeks", False),
    ("The Midwest has seen little rain in two years.", "two years", False),
    # a time to come, a length, or no determiner before the first
    ("Corvane's third factory will open in two years.", "two years", False),
    ("The biggest change is that the Vela tunnel will reopen in two years.", "two years", False),
    ("Norvane's fastest runner finished the race in two hours.", "two hours", False),
    ("The latest Corvane model charges in 30 minutes.", "30 minutes", False),
    ("Most of the work on the Vela line was done in the past three years.", "three years", False),
    ("Vela has only grown in the last three years.", "three years", False),
    ("The First Minister said Vela would be rebuilt in three years.", "three years", False),
    ("Turnout in Vela was the city's highest in twenty years.", "twenty years", True),
    ("It was the first visit to Corvane by a Vela chief in 20 years.", "20 years", True),
    ("It was the hottest summer recorded in Vela in 40 years.", "40 years", True),
])
def test_a_first_in_some_years(text, raw, first_in):
    """"the first strike in 26 years" counts a first over those years: it is
    no length of anything."""
    (row,) = [r for r in rows(text) if r["raw"] == raw and r["kind"] == "duration"]
    assert ("first in" in (row["qualifiers"] or "").split("|")) is first_in, row["qualifiers"]


@pytest.mark.parametrize("aware", [True, False])
def test_a_first_in_some_years_is_never_a_length_or_a_time_since(monkeypatch, aware):
    """By hand: the years a first is counted over are not how long an
    airport was shut, nor the time since the last vote (without the mark the
    pairs below are grouped: checked); two such spans of one first meet."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "It is the second serious incident at Vela airport in three years.",
        "b": "Vela airport reopened on Monday after a closure of nearly nine hours.",
    }, "duration")
    assert table["group"].nunique() == 2, table[["source", "raw", "qualifiers", "group"]]
    table = aligned_texts({
        "a": "Turnout in Corvane was 61 per cent, up from the last contest four years ago.",
        "b": "Turnout in Corvane was the highest in two decades.",
        "c": "Turnout in Corvane was 61%, the highest in twenty years.",
    }, "duration")
    groups = table.groupby("group")["source"].apply(lambda s: "".join(sorted(s))).tolist()
    assert sorted(groups) == ["a", "bc"], table[["source", "raw", "qualifiers", "group"]]


@pytest.mark.parametrize("text, kind, topic", [
    # how much of a fire is held, a share with its own measure word
    ("The Vela fire was 12% contained on Tuesday morning, the fire service said.", "percent", "contain"),
    ("Containment of the Vela fire stood at 40 per cent.", "percent", "contain"),
    ("Crews have contained about 30% of the Vela fire.", "percent", "contain"),
])
def test_a_share_of_a_fire_contained(text, kind, topic):
    got = [r for r in rows(text) if r["kind"] == kind]
    assert len(got) == 1 and got[0]["topic"] == topic, got


@pytest.mark.parametrize("aware", [True, False])
def test_jobs_shed_are_jobs_cut(monkeypatch, aware):
    """By hand: "shed 900 roles" and "cut 900 jobs" in one year are one
    fact (without the lexicon's cut words the blind pair stays apart: checked)."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "It is Corvane's second round of cuts in two years; it shed 900 roles in 2023.",
        "b": "The company had already cut 900 jobs in 2023.",
    }, "count")
    assert table["group"].nunique() == 1, table[["source", "raw", "context", "group"]]


@pytest.mark.parametrize("text, topic", [
    # a percentage after "by" is how much the verb of change moved its noun
    ("Vela presented its budget, lifting spending by 6.8 per cent on the year.", "growth"),
    ("Corvane shares rose by about 30% in early trading.", "growth"),
    ("The council raised fares by 4%.", "raise"),
    ("The budget raises school spending by 6.8%.", "raise"),
    # only a verb of change right before "by": the nearest measure word otherwise
    ("Spending on hospitals was 6.8 per cent of the Vela budget.", "spend"),
    ("Corvane shares, which rose in early trading, fell by 5%.", "stock"),
    ("Corvane raised prices and its sales dropped by 8%.", "revenue"),
    ("Vela's exports grew strongly before being hit by 30% tariffs.", "tariff"),
    ("The Corvane bid was backed by 60% of shareholders.", "bid"),
])
def test_what_a_percentage_measures(text, topic):
    got = [r for r in rows(text) if r["kind"] == "percent"]
    assert len(got) == 1 and got[0]["topic"] == topic, got


@pytest.mark.parametrize("aware", [True, False])
def test_a_budget_rise_is_not_the_economy_growth(monkeypatch, aware):
    """By hand: a budget that rose 6.8% (twice) and 7.2% (once) is one fact
    stated two ways; the economy's forecast growth of 2.1% is another, and
    the spending "lifted by 6.8 per cent" is the budget's rise (without the
    "by" rule, value-blind, the 2.1% takes the two rises and the 6.8 per
    cent stays out: checked)."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "Vela's government on Tuesday unveiled a record budget, a rise of 6.8% on last year.",
        "b": "The Vela budget assumes economic growth of 2.1%, a rise on last year. Ada Brisk presented it"
             " on Tuesday, lifting spending by 6.8 per cent.",
        "c": "Ada Brisk unveiled a whopping Vela budget on Tuesday, a 7.2% rise on last year.",
    }, "percent")
    groups = table.groupby("group")["raw"].apply(lambda s: sorted(s)).tolist()
    assert sorted(groups) == [["2.1%"], ["6.8 per cent", "6.8%", "7.2%"]], table[["source", "raw", "topic", "group"]]


@pytest.mark.parametrize("text, raw, iso", [
    # a year that opens the clause dates every figure of it
    ("The Corvane fire in 2017 burned 9,200 acres and destroyed 14 homes.", "14 homes", "2017"),
    ("In 2017, the Corvane fire burned 9,200 acres and destroyed 14 homes.", "14 homes", "2017"),
    ("In July 2019 Vela agreed to buy 12 stores and 40 warehouses.", "40 warehouses", "2019-07"),
    # a day is the report's, not every figure's; a second clause has its own time
    ("On 5 March 2024 Vela said it would cut 1,850 jobs and close 12 stores.", "12 stores", None),
    ("Vela said on Tuesday it would cut 1,850 jobs and close 12 stores.", "12 stores", None),
    ("In 2019 Vela paid $70 a share, and now it pays $115.", "$115", None),
    # a year that does not open the sentence, or whose reach another clause,
    # a time of its own or a new subject ends, dates only the nearest figure
    ("Compared with 2017, when 40 homes burned, the fire has destroyed 14 homes.", "14 homes", None),
    ("After the 2017 fire destroyed 40 homes, the town rebuilt 14 homes.", "14 homes", None),
    ("In 2019 Vela had 400 staff and today employs 900 people.", "900 people", None),
    ("Vela, which in 2017 had 3 stores, has 12 stores.", "12 stores", None),
    ("By 2030 the city expects 40,000 residents, up from 12,000 residents.", "12,000 residents", None),
    ("Unlike in 2017, the fire has destroyed 14 homes and killed 3 people.", "3 people", None),
    ("Vela said in March 2024 it would cut 1,850 jobs and close 12 stores.", "12 stores", None),
    # a year in an aside of its own dates no figure outside it, nor one "now" stated
    ("The Corvane plant, built in 1975 for 300 workers, employs 1,200 people.", "1,200 people", None),
    ("Vela, founded in 1998, has 400 staff and 12 stores.", "12 stores", None),
    ("In 2019, Vela, now the largest employer in Corvane, hired 300 people.", "300 people", "2019"),
    ("Vela built 40 homes in what is now Corvane in 1998.", "40 homes", "1998"),
    ("In 2019 Vela cut 40 jobs at Corvane and Norvane and closed 12 stores.", "12 stores", "2019"),
    ("The company said in 2024 it would cut 1,850 jobs and close 12 stores.", "12 stores", None),
    ("The fire at the old Vela mill in 2017 burned 9,200 acres and destroyed 14 homes.", "14 homes", "2017"),
    ("Founded in 1998, Vela has 400 staff.", "400 staff", None),
    ("The company, which was founded in 1998, now has 400 employees.", "400 employees", None),
    ("Vela has 400 staff, having been founded in 1998.", "400 staff", None),
    ("Vela had 400 staff in 2019.", "400 staff", "2019"),
])
def test_a_year_that_opens_the_clause_dates_its_figures(text, raw, iso):
    (row,) = [r for r in rows(text) if r["raw"] == raw]
    assert row["anchor"] == iso, row


@pytest.mark.parametrize("aware", [True, False])
def test_a_count_of_another_year_stays_apart(monkeypatch, aware):
    """By hand: the homes an older fire destroyed, dated 2017, are not the
    homes this fire destroyed, undated in both other reports (without the
    year's reach and its cost the 14 homes join the two others, blind: checked)."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "At least 37 homes have been destroyed and several hundred more remain under threat.",
        "b": "The Corvane Canyon fire in 2017 burned 9,200 acres and destroyed 14 homes on the south side of town.",
        "c": "At least three dozen homes have been reduced to ash.",
    }, "count")
    homes = table[table["raw"].str.contains("homes")]
    groups = homes.groupby("group")["source"].apply(lambda s: "".join(sorted(s))).tolist()
    assert sorted(groups) == ["ac", "b"], homes[["source", "raw", "anchor", "group"]]


@pytest.mark.parametrize("text, raw, event", [
    ("The stoppage is the first strike on the Vela trams since 1998.", "1998", "strike"),
    ("Residents remember the great quake of 1961 in Corvane.", "1961", "quake"),
    ("It was the deadliest tremor to hit Norvane since 1961, when a quake struck the coast.", "1961", "tremor"),
    ("Vela cut 900 jobs in a smaller round in 2023.", "2023", "round"),
    ("The Vela plant opened in 1952.", "1952", None),
    ("Survivors of the 1961 quake gathered in Vela.", "1961", "quake"),
    ("The 1961 Norvane quake flattened the town.", "1961", "quake"),
    ("The strike that began in 2019 closed Vela.", "2019", "strike"),
    ("Vela saw strikes in 1998, 2004 and 2011.", "2011", "strike"),
    # never a noun past a comma or a relative word, nor inside another word
    ("Vela, whose workers went on strike last month, was founded in 1998.", "1998", None),
    ("Ada Brisk, who survived the crash, retired in 2015.", "2015", None),
    ("A quake hit Vela on Monday, flattening the town mill, which opened in 1952.", "1952", None),
    ("The Vela line has run year-round since 2012.", "2012", None),
    # a year's event only, never a figure's nor a day's
    ("The Vela fire of 2017 destroyed 14 homes.", "14 homes", None),
])
def test_the_event_a_year_dates(text, raw, event):
    (row,) = [r for r in rows(text) if r["raw"] == raw]
    assert row["event"] == event, row


@pytest.mark.parametrize("aware", [True, False])
def test_two_years_of_one_event_noun_meet(monkeypatch, aware):
    """By hand: the year of the last big quake, written two ways, is one
    fact; the year the town's mill opened is another (without the event
    noun the two quake years stay apart, blind: checked)."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "A quake hit Vela on Monday. Residents old enough to remember the great quake of 1961 said"
             " nothing had prepared them for this.",
        "b": "A quake hit Vela on Monday. It was the deadliest quake to hit the region since 1961, when a"
             " tremor killed more than 300 people.",
        "c": "A quake hit Vela on Monday. The town mill, which opened in 1952, was flattened.",
    }, "year")
    groups = table.groupby("group")["raw"].apply(lambda s: sorted(s)).tolist()
    assert sorted(groups) == [["1952"], ["1961", "1961"]], table[["source", "raw", "event", "group"]]


@pytest.mark.parametrize("aware", [True, False])
def test_a_founding_year_dates_no_count_stated_now(monkeypatch, aware):
    """By hand: 400 and 450 employees today are one fact in two reports; the
    founding year in an aside dates neither (with it as the 400's anchor, a
    count dated to a year against an undated one cost 15 and the discrepancy
    went unreported)."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "Vela opened a second plant in Corvane. The company, which was founded in 1998, now has 400 employees.",
        "b": "Vela opened a second plant in Corvane. Vela has 450 employees, a spokeswoman said.",
    }, "count")
    staff = table[table["raw"].str.contains("employees")]
    assert staff["group"].nunique() == 1, staff[["source", "raw", "anchor", "group"]]


@pytest.mark.parametrize("aware", [True])
def test_a_strike_in_an_aside_is_no_event_of_a_founding(monkeypatch, aware):
    """By hand: the year Vela was founded is not the year of its last strike,
    though a strike is named in the founding's sentence (with the strike as
    the 1998's event the two were grouped, a false discrepancy: checked).
    Value-blind they still pair on their wording alone ("strike", "Vela"),
    a known limit of blind alignment (docs/evaluation.md)."""
    from checker import align as align_mod
    monkeypatch.setattr(align_mod, "VALUE_AWARE", aware)
    table = aligned_texts({
        "a": "Vela, whose workers went on strike last month, was founded in 1998.",
        "b": "It was the first strike at Vela since 2004.",
    }, "year")
    assert table["group"].nunique() == 2, table[["source", "raw", "event", "group"]]
