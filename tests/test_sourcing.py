"""The article's own sources, counted, are its sourcing, never a claim
(checker/extract/quotes/sourcing.py; lexicon `sourcing`)."""

from __future__ import annotations

import pytest

from checker.extract import extract_rows
from checker.records import Source
from checker.rules import load_rules

LEX = load_rules().lexicon


def _counts(sentence: str) -> list[str]:
    src = Source(id="a", path="a.txt", text=sentence, plain=sentence)
    return [r["raw"] for r in extract_rows(src, LEX) if r["kind"] == "count"]


@pytest.mark.parametrize("sentence, counts", [
    # the article's sources: not claims
    ("The plan covers Pellucid staff, according to three people familiar with the decision.", []),
    ("Two officials briefed on the talks said the Corvane deal was close.", []),
    ("Two people, speaking on condition of anonymity, said the Vela board met.", []),
    ("Four sources with knowledge of the plans said Norvane would bid.", []),
    ("Three people who asked not to be named said Ostrava had resigned.", []),
    ("Two people who were briefed on the matter confirmed the vote.", []),
    # counts of people that are the story: claims
    ("Three people were killed near the Vela plant.", ["Three people"]),
    ("The Corvane plant employs 1,200 people familiarly known as lifers.", ["1,200 people"]),
    ("About 3,000 people close to the epicentre were evacuated.", ["About 3,000 people"]),
    ("The survey found 40 people familiar with the brand.", ["40 people"]),
])
def test_a_count_of_the_articles_sources_is_not_a_claim(sentence, counts):
    assert _counts(sentence) == counts
