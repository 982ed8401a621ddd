"""Entities and who-did-what frames (checker.extract.frames.frame)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from checker.extract.frames.frame import Frame, entities, frame, lemma
from checker.lexicon import Lexicon, load_lexicon

ROOT = Path(__file__).resolve().parent.parent
# a fixed lexicon, so edits to the shipped rules/lexicon.yaml do not move these cases
LEX = Lexicon.from_data({
    "synonyms": {
        "bid": ["offer", "proposal", "takeover bid"],
        "acquire": ["buy", "bought", "purchase", "purchased", "acquired", "take over", "took over"],
        "reject": ["rejected", "rejects", "dismissed", "declined", "turned down", "turn down"],
        "leave": ["left", "resign", "resigned", "step down", "stepped down", "quit"],
        "join": ["joined", "joins"],
        "found": ["founded", "co-founded", "founder"],
        "sue": ["sued", "sues", "lawsuit"],
        "own": ["owned", "owns", "owner"],
        "say": ["said", "says", "told"],
        "company": ["firm", "business", "group"],
        "chief executive": ["ceo", "chief executive officer"],
        "revenue": ["revenues", "sales"],
    },
    "aliases": {
        "X": ["Twitter", "X Corp", "X Corp."],
        "United States": ["U.S.", "US", "USA"],
    },
    "stopwords": ["a", "an", "the", "and", "of", "to", "in"],
})
SHIPPED = load_lexicon([yaml.safe_load((ROOT / "rules" / "lexicon.yaml").read_text(encoding="utf-8"))])


def at(sentence: str, value: str) -> tuple[int, int]:
    i = sentence.index(value)
    return (i, i + len(value))


# ---------------------------------------------------------------- frames

# name, sentence, focus value (or None), expected (subject, predicate, object, negated)
FRAMES = [
    ("simple_svo", "Jane Doe rejected the offer.", None, ("Jane Doe", "reject", "bid", False)),
    ("synonym_object", "Jane Doe turned down the proposal.", None, ("Jane Doe", "reject", "bid", False)),
    ("acquire", "Acme Corp bought Beta Inc in 2019.", "2019", ("Acme Corp", "acquire", "Beta Inc", False)),
    ("phrasal_leave", "Jane Doe stepped down as chief executive in 2020.", "2020",
     ("Jane Doe", "leave", "chief executive", False)),
    ("did_not", "John Smith did not sell the company.", None, ("John Smith", "sell", "company", True)),
    ("didnt_firm_folded", "John Smith didn't sell the firm.", None, ("John Smith", "sell", "company", True)),
    ("wont_curly", "John Smith won’t sell the firm.", None, ("John Smith", "sell", "company", True)),
    ("never", "John Smith never sold the firm.", None, ("John Smith", "sell", "company", True)),
    ("no_longer", "Acme no longer owns the building.", None, ("Acme", "own", "building", True)),
    ("denied", "Jane Doe denied selling the shares.", None, ("Jane Doe", "sell", "shares", True)),
    ("is_not", "Acme Corp is not for sale.", None, ("Acme Corp", "be", "sale", True)),
    ("alias_object", "Elon Musk bought Twitter in 2022.", "2022", ("Elon Musk", "acquire", "X", False)),
    ("alias_subject", "Twitter fired 50 employees.", "50", ("X", "fire", "employees", False)),
    ("fronted_date", "In 2024, Jane Doe sued Acme Corp twice.", "2024", ("Jane Doe", "sue", "Acme Corp", False)),
    ("appositive_subject", "Jane Doe, the chief executive of Acme, rejected the offer.", None,
     ("Jane Doe", "reject", "bid", False)),
    ("noun_subject", "The board rejected the bid on Monday.", None, ("board", "reject", "bid", False)),
    ("passive_by", "The bid was rejected by the board.", None, ("board", "reject", "bid", False)),
    ("passive_founded", "Acme was founded by Jane Doe in 2010.", "2010", ("Jane Doe", "found", "Acme", False)),
    ("possessive_subject", "Acme's board declined the proposal.", None, ("Acme", "reject", "bid", False)),
    ("possessive_object", "Jane Doe rejected John Smith’s $5 million bid.", "$5 million",
     ("Jane Doe", "reject", "bid", False)),
    ("unresolved_pronoun", "She resigned in 2019.", "2019", (None, "leave", None, False)),
    ("pronoun_resolved", "Jane Doe said she resigned in 2019.", "2019", ("Jane Doe", "leave", None, False)),
    ("noun_subject_value", "Revenue rose 5% to $3 billion.", "5%", ("revenue", "rise", None, False)),
    ("has_owned", "Jane Doe has owned Twitter since 2022.", "2022", ("Jane Doe", "own", "X", False)),
    ("cofounded", "Jane Doe co-founded Acme in 2010.", "2010", ("Jane Doe", "found", "Acme", False)),
    ("took_over", "Jane Doe took over Acme in 2010.", "2010", ("Jane Doe", "acquire", "Acme", False)),
    ("relative_clause", "Jane Doe, who founded Acme in 2001, left the company in 2019.", "2001",
     ("Jane Doe", "found", "Acme", False)),
    ("main_after_relative", "Jane Doe, who founded Acme in 2001, left the company in 2019.", "2019",
     ("Jane Doe", "leave", "company", False)),
    ("main_clause_no_focus", "Jane Doe, who founded Acme in 2001, left the company in 2019.", None,
     ("Jane Doe", "leave", "company", False)),
    # focus picks the clause
    ("focus_first_clause", "Doe bought the firm in 2018 and sold it in 2021.", "2018",
     ("Doe", "acquire", "company", False)),
    ("focus_second_clause", "Doe bought the firm in 2018 and sold it in 2021.", "2021",
     ("Doe", "sell", "company", False)),
    ("focus_money_first", "Jane Doe bought Acme for $5 million and sold Beta for $9 million.", "$5 million",
     ("Jane Doe", "acquire", "Acme", False)),
    ("focus_money_second", "Jane Doe bought Acme for $5 million and sold Beta for $9 million.", "$9 million",
     ("Jane Doe", "sell", "Beta", False)),
    ("focus_two_subjects_first", "Jane Doe joined Acme in 2015, and John Smith left in 2018.", "2015",
     ("Jane Doe", "join", "Acme", False)),
    ("focus_two_subjects_second", "Jane Doe joined Acme in 2015, and John Smith left in 2018.", "2018",
     ("John Smith", "leave", None, False)),
    ("negation_stays_in_clause", "Jane Doe did not sell Acme in 2015 but sold Beta in 2018.", "2018",
     ("Jane Doe", "sell", "Beta", False)),
    ("negation_own_clause", "Jane Doe did not sell Acme in 2015 but sold Beta in 2018.", "2015",
     ("Jane Doe", "sell", "Acme", True)),
    ("no_verb", "Jane Doe, 2019.", "2019", ("Jane Doe", None, None, False)),
    ("since_adverb", "Jane Doe has since accused Acme of fraud.", None, ("Jane Doe", "accuse", "Acme", False)),
    ("seems", "The company seems intent on growth.", None, ("company", "seem", "intent", False)),
    ("has_to", "Acme has to accept the highest offer.", None, ("Acme", "accept", "bid", False)),
    # "is set to", "vowed to": the verb after "to" is what happens
    ("set_to", "The agency is set to extend the pause on payments through January.", "January",
     ("agency", "extend", "pause", False)),
    ("vowed_to", "The council vowed to forgive the fines.", None, ("council", "forgive", "fines", False)),
    ("passive_forgiven", "The fines were forgiven by the council in 2022.", "2022",
     ("council", "forgive", "fines", False)),
    ("failed_to", "Jane Doe failed to buy Acme in 2020.", "2020", ("Jane Doe", "acquire", "Acme", True)),
    ("subordinate_first", "When asked about the deal, Jane Doe rejected it.", None,
     ("Jane Doe", "reject", "deal", False)),
    ("modal_unknown_verb", "The bid could complicate Acme's plans.", None, ("bid", "complicate", "plans", False)),
    ("adjectival_not_passive", "Jane Doe is worried about the deal.", None, ("Jane Doe", "worry", "deal", False)),
]


@pytest.mark.parametrize("name,sentence,focus,expected", FRAMES, ids=[c[0] for c in FRAMES])
def test_frame_table(name, sentence, focus, expected):
    span = at(sentence, focus) if focus else None
    assert frame(sentence, LEX, span) == Frame(*expected)


def test_frame_case_count():
    assert len(FRAMES) >= 25


# ---------------------------------------------------------------- entities

ENTITIES = [
    ("alias_and_place", "Sam Altman met Twitter executives in New York on Monday.", ["Sam Altman", "X", "New York"]),
    ("title_split", "OpenAI CEO Sam Altman spoke to Bloomberg TV.", ["OpenAI", "Sam Altman", "Bloomberg TV"]),
    ("titles_alias_month", "Mr. Smith and Dr. Jane Doe visited the U.S. in May.",
     ["Smith", "Jane Doe", "United States"]),
    ("surname_dedup", "Jane Doe said Doe would stay.", ["Jane Doe"]),
    ("no_names", "The company said it would appeal.", []),
    ("name_shapes", "Theresa May met Jean-Luc Picard, Ludwig van Beethoven and R. J. Reynolds.",
     ["Theresa May", "Jean-Luc Picard", "Ludwig van Beethoven", "R. J. Reynolds"]),
    ("alias_sentence_start", "Twitter, now called X, lost users.", ["X"]),
    ("possessive", "Musk’s offer and OpenAI’s board.", ["Musk", "OpenAI"]),
    ("common_opener_dropped", "Revenue rose while Investors waited.", []),
    ("apostrophe_name", "Conan O’Brien joined NBC News.", ["Conan O’Brien", "NBC News"]),
    # a results list: the name, then its figure in thousands after a hyphen
    ("figure_after_hyphen", "Labour Party, Norvane Corvane-6,101,533 and Vela Ostrava-1,496,687.",
     ["Labour Party", "Norvane Corvane", "Vela Ostrava"]),
    ("digits_in_a_name_kept", "The Covid-19 rules grounded the F-35 at Corvane Labs.",
     ["Covid-19", "F-35", "Corvane Labs"]),
]


@pytest.mark.parametrize("name,text,expected", ENTITIES, ids=[c[0] for c in ENTITIES])
def test_entities_table(name, text, expected):
    assert entities(text, LEX) == expected


@pytest.mark.parametrize("word,base", [
    ("rejected", "reject"), ("declined", "decline"), ("voiced", "voice"), ("voices", "voice"),
    ("joined", "join"), ("stepped", "step"), ("denied", "deny"), ("sold", "sell"), ("bought", "buy"),
    ("argued", "argue"), ("acquiring", "acquire"), ("focused", "focus"), ("planned", "plan"),
])
def test_lemma(word, base):
    assert lemma(word) == base


# ---------------------------------------------------------------- robustness

@pytest.mark.parametrize("sentence,focus", [
    ("", None), ("   ", None), ("2019", (0, 4)), ("Doe", (50, 80)), ("a b c", (-5, 2)),
    ("“”‘’\"'", None), ("and and and but or", None), ("$$$ 5% , , ;", (4, 6)),
    ("Doe did not not never no longer n't", None), ("was was was been being", None),
])
def test_frame_never_crashes(sentence, focus):
    fr = frame(sentence, LEX, focus)
    assert isinstance(fr, Frame)


@pytest.mark.parametrize("sentence,expected", [
    ("Jane Doe rejected the offer.", ("Jane Doe", "reject", "bid", False)),
    ("Elon Musk bought Twitter.", ("Elon Musk", "acquire", "X", False)),
    ("Jane Doe stepped down.", ("Jane Doe", "leave", None, False)),
])
def test_shipped_lexicon_smoke(sentence, expected):
    assert frame(sentence, SHIPPED) == Frame(*expected)


def test_empty_lexicon():
    fr = frame("Jane Doe rejected the offer.", Lexicon())
    assert fr == Frame("Jane Doe", "reject", "offer", False)
    assert entities("Twitter and Jane Doe.", Lexicon()) == ["Twitter", "Jane Doe"]


def test_frame_is_fast_on_huge_input():
    text = ("word Name Other thing bought " * 8000)[:200_000]
    t0 = time.process_time()
    for i in range(0, len(text), 20_000):
        frame(text, LEX, (i, i + 4))
    frame(text, LEX)
    entities(text, LEX)
    assert time.process_time() - t0 < 2.0


@pytest.mark.parametrize("text", [
    "Doe sold it, " * 400,                   # pronoun objects chained clause after clause
    "Doe, who sold it, " * 300,              # relative clauses inheriting subjects
    "it " * 3000,
    ", " * 3000 + "Doe sold Acme in 2019.",
])
def test_chains_stay_fast(text):
    t0 = time.process_time()
    for focus in ((len(text) - 6, len(text) - 1), (0, 2), None):
        frame(text, LEX, focus)
    assert time.process_time() - t0 < 1.0


def test_many_claims_in_one_sentence_are_fast():
    sentence = "Jane Doe bought Acme in 2001 and sold Beta in 2002. " * 50
    t0 = time.process_time()
    for i in range(0, len(sentence), 7):
        frame(sentence, LEX, (i, i + 4))
    assert time.process_time() - t0 < 1.0


def test_currency_prefix_is_not_a_country():
    from checker.rules import load_rules
    lex = load_rules().lexicon
    assert entities("Acme pays US$48 per share, the US regulator said.", lex) == ["Acme", "United States"]
    assert entities("Acme pays US$48 per share.", lex) == ["Acme"]
