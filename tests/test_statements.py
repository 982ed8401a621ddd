"""Statement facts (issue 13): sentence pairs, one article each, through
extraction, alignment and the rules. Each case names the statement-fact
findings it must give, and nothing else of those kinds: an empty set is a
pair that must yield nothing. The sentences are written for these tests, in
the forms newspapers use."""

from __future__ import annotations

import pytest

from checker.pipeline import extract, findings_for
from checker.records import Source
from checker.rules import load_rules

RULESET = load_rules()
FACTS = {"outcome", "role", "holder", "place", "list", "name", "attribution"}
D, A = "discrepancy", "agreement"


def facts_found(*texts: str) -> set[tuple[str, str]]:
    sources = [Source(id=f"s{i}", path=f"s{i}.txt", text=t, plain=t) for i, t in enumerate(texts)]
    findings = findings_for(extract(sources, RULESET), RULESET)
    return {(f.kind, f.verdict) for f in findings if f.kind in FACTS}


OUTCOMES = [
    # opposite outcomes of one subject, family and object
    ("The city council approved the stadium plan on Monday.",
     "The city council rejected the stadium plan on Monday.", {("outcome", D)}),
    ("The union accepted the pay offer.", "The union turned down the pay offer.", {("outcome", D)}),
    ("The union accepted the pay offer.", "The union declined the pay offer.", {("outcome", D)}),
    ("A jury convicted Daniel Osei of fraud.", "Daniel Osei was acquitted of fraud.", {("outcome", D)}),
    ("Daniel Osei was found guilty of fraud.", "Daniel Osei was found not guilty of fraud.",
     {("outcome", D)}),
    ("Norvik shares rose 4% on Tuesday.", "Norvik shares fell 4% on Tuesday.", {("outcome", D)}),
    ("The Senate passed the climate bill.", "The climate bill failed in the Senate.", {("outcome", D)}),
    ("The board did not approve the merger.", "The board approved the merger.", {("outcome", D)}),
    ("The committee failed to approve the budget.", "The committee approved the budget.",
     {("outcome", D)}),
    ("The minister confirmed the report.", "The minister denied the report.", {("outcome", D)}),
    ("The court granted bail to Daniel Osei.", "The court denied bail to Daniel Osei.", {("outcome", D)}),
    ("Norvik won the contract.", "Norvik lost the contract.", {("outcome", D)}),
    ("Daniel Osei apologised to the families.",
     "Daniel Osei stopped short of apologising to the families.", {("outcome", D)}),
    ("Mayor Tom Okafor resigned on Friday.", "Mayor Tom Okafor was fired on Friday.",
     {("outcome", D), ("role", A)}),
    # the same outcome said two ways
    ("The council rejected the stadium plan.", "The council turned down the stadium plan.",
     {("outcome", A)}),
    ("The board did not approve the merger.", "The board rejected the merger.", {("outcome", A)}),
    ("A jury convicted Daniel Osei.", "Daniel Osei was found guilty.", {("outcome", A)}),
    ("Norvik shares fell 2%.", "Norvik shares slipped 2%.", {("outcome", A)}),
    # nothing to compare
    ("The council approved the budget.", "The council rejected the amendment.", set()),
    ("Revenue rose 5%.", "Profit fell 3%.", set()),
    ("Norvik shares rose.", "Elba shares fell.", set()),
    ("The board is expected to approve the merger.", "The board rejected the merger.", set()),
    ("If the board approves the merger, shares will rise.", "The board rejected the merger.", set()),
    ("Regulators approved the merger.", "Shareholders rejected the merger.", set()),
    ("The council approved the plan in 2019.", "The council rejected the plan in 2021.", set()),
    ("Norvik shares closed higher.", "Norvik shares opened lower.", set()),
    ("“We rejected the offer on the spot,” said Tom Okafor.", "Tom Okafor accepted the offer.", set()),
    ("Did the council approve the plan?", "The council rejected the plan.", set()),
    ("Norvik shares declined 3%.", "Norvik declined the offer.", set()),
]

ROLES = [
    ("Finance Minister Ama Boateng spoke.", "Foreign Minister Ama Boateng spoke.", {("role", D)}),
    ("Ama Boateng, the country's finance minister, spoke.", "Foreign Minister Ama Boateng spoke.",
     {("role", D)}),
    ("Managing editor Lena Fischer left.", "Editor-in-chief Lena Fischer left.", {("role", D)}),
    ("Norvik chairman Ama Boateng spoke.", "Norvik acting chairman Ama Boateng spoke.", {("role", D)}),
    ("Governor Kwame Asante spoke.", "Former governor Kwame Asante spoke.", {("role", D)}),
    ("U.S. District Judge Rita Mendes ruled.", "U.S. Circuit Judge Rita Mendes ruled.", {("role", D)}),
    ("Lena Fischer, managing editor of the Tribune, left.",
     "Lena Fischer, the Tribune's managing editor, left.", {("role", A)}),
    ("Norvik CEO Ama Boateng spoke.", "Ama Boateng, chief executive of Norvik, spoke.", {("role", A)}),
    ("Judge Rita Mendes ruled.", "U.S. District Judge Rita Mendes ruled.", {("role", A)}),
    ("Art student Li Na spoke.", "University student Li Na spoke.", {("role", A)}),
    ("Ama Boateng, president and CEO of Norvik, spoke.", "Norvik CEO Ama Boateng spoke.", {("role", A)}),
    # different roles of different kinds are both true; different people are different facts
    ("Norvik founder Ama Boateng spoke.", "Norvik chief executive Ama Boateng spoke.", set()),
    ("England captain Sam Reid scored.", "Sam Reid, the Norvik striker, scored.", set()),
    ("Finance Minister Ama Boateng spoke.", "Foreign Minister Kofi Boateng spoke.", set()),
    # who holds a role
    ("Norvik chief executive Ama Boateng spoke.", "Norvik chief executive Kofi Mensah spoke.",
     {("holder", D)}),
    ("Norvik director Ama Boateng spoke.", "Norvik director Kofi Mensah spoke.", set()),
    ("U.S. Senator Ama Boateng spoke.", "U.S. Senator Kofi Mensah spoke.", set()),
]

PLACES = [
    ("Norvik, based in Tallinn, made the offer.", "Norvik, based in Riga, made the offer.", {("place", D)}),
    ("The Tallinn-based Norvik made the offer.", "Norvik, headquartered in Tallinn, made the offer.",
     {("place", A)}),
    ("Norvik, based in Tallinn, made the offer.", "Norvik, based in Estonia, made the offer.",
     {("place", A)}),
    ("Norvik, based in Tallinn, Estonia, made the offer.", "Norvik, based in Tallinn, made the offer.",
     {("place", A)}),
    ("The flight from Lisbon to Porto landed safely.", "The flight from Lisbon to Faro landed safely.",
     {("place", A), ("place", D)}),
    ("St Mary's Hospital in Leeds treated the injured.", "St Mary's Hospital in York treated the injured.",
     {("place", D)}),
    ("Norvik, based in Tallinn, made the offer.", "Elba, based in Riga, made the offer.", set()),
    # the part of a country a story happens in
    ("The quake struck a farming area in northern Chile.",
     "The quake struck a farming area in central Chile.", {("place", D)}),
    ("The quake struck a farming area in northwest Chile.",
     "The quake struck a farming area in western Chile.", {("place", A)}),
    ("The storm moved from northern Chile to central Chile.", "The storm hit central Chile.", set()),
    ("Protests spread in South Korea.", "Protests spread in North Korea.", set()),
]

LISTS = [
    ("The victims were Ana Silva, Rui Costa and Eva Lima.",
     "The victims were Ana Silva, Rui Costa and Tiago Reis.", {("list", D)}),
    ("The victims were Ana Silva, Rui Costa and Eva Lima.",
     "The victims included Ana Silva and Eva Lima.", {("list", A)}),
    ("The victims were Ana Silva, Rui Costa and Eva Lima.",
     "The victims were Ana Silva and Rui Costa.", {("list", D)}),
    ("The victims were Ana Silva, Rui Costa and Eva Lima.",
     "The victims were Eva Lima, Ana Silva and Rui Costa.", {("list", A)}),
    ("Investors including Brightline and Keel Capital backed the round.",
     "Investors including Orbis and Tamar Partners backed the round.", {("list", A)}),
    ("Norvik's investors include Brightline and Keel Capital.",
     "Elba's investors include Orbis and Tamar Partners.", set()),
]

NAMES = [
    ("Regulator chief executive Ruth Hallam said the port would reopen.",
     "Regulator chief executive Ruth Hallum said the port would reopen.", {("name", D), ("role", A)}),
    ("Jane Okonjo, the finance minister, spoke.", "Jane Okonji, the finance minister, spoke.",
     {("name", D), ("role", A)}),
    ("Harbour Board members met on Sunday.", "Harbor Board members met on Sunday.", {("name", D)}),
    ("Tom Okafor of the Harbour Board spoke.", "Tom Okafo of the Harbour Board spoke.", {("name", D)}),
    ("The Kelso Court of Appeal ruled.", "The Kelso Appeal Court ruled.", {("name", D)}),
    ("Norvik Inc. filed the suit.", "Norvik Corp. filed the suit.", {("name", D)}),
    ("Daniel Osei spoke for an hour.", "Osei Daniel spoke for an hour.", {("name", D)}),
    ("The Norvik Sea-Link carries cars and lorries.", "The Norvik Sealink carries cars and lorries.", {("name", D)}),
    # one name written one way, or two names
    ("Jane Smith chairs the board.", "John Smith chairs the board.", set()),
    ("Ana Lima sold her stake in X, formerly Twitter.", "Ana Lima sold her Twitter stake in 2022.", set()),
    ("Sweden and Norway signed the deal.", "Swedes signed the deal.", set()),
    ("Rita K. Mendes ruled on Tuesday.", "Rita Mendes ruled on Tuesday.", set()),
    ("Inés Muñoz scored twice.", "Ines Munoz scored twice.", set()),
    ("Harbour Grant recipients qualify.", "Harbour Grants recipients qualify.", set()),
    ("Ama Serwaa Boateng spoke.", "Boateng Ama Serwaa spoke.", set()),
    # the lexicon's institution_heads: "Department of X" is "X Department"
    ("The Department of Fisheries closed the bay.", "The Fisheries Department closed the bay.", set()),
    ("The Ministry of Transport closed the road.", "The Transport Ministry closed the road.", set()),
    ("The Vantor Department of Fisheries closed the bay.", "The Vantor Fisheries Department closed the bay.", set()),
    ("The Department of Fisheries closed the bay.", "The Fisheris Department closed the bay.", {("name", D)}),
]

FLOOD = "The Marlow river burst its banks on Sunday. "
ATTRIBUTION = [
    (FLOOD + "“We will rebuild every home in this valley,” said Mayor Tom Okafor.",
     FLOOD + "“We will rebuild every home in this valley,” said Governor Ama Boateng.",
     {("attribution", D)}),
    (FLOOD + "“We will rebuild every home in this valley,” said Tom Okafor.",
     FLOOD + "“We will rebuild every home in this valley,” Okafor said.", set()),
    (FLOOD + "“We will rebuild every home in this valley,” said Tom Okafor.",
     FLOOD + "“We will rebuild every home in this valley,” one resident said.", set()),
    (FLOOD + "“We will rebuild every home,” said Tom Okafor.",
     FLOOD + "“We will rebuild every home,” said Ama Boateng.", set()),
    (FLOOD + "“We will rebuild every home in this valley,” Tom Okafor said.",
     FLOOD + "“We will rebuild every home in this valley,” the council said in a statement.", set()),
]

CASES = OUTCOMES + ROLES + PLACES + LISTS + NAMES + ATTRIBUTION


@pytest.mark.parametrize("a,b,expected", CASES, ids=[f"{n}:{c[0][:40]}" for n, c in enumerate(CASES)])
def test_statement_pair(a, b, expected):
    assert facts_found(a, b) == expected


def test_enough_pairs():
    assert len(CASES) >= 60


def test_one_article_spelling_a_name_two_ways():
    a = "Ruth Hallam chaired the meeting. Later, Hallum said the port would reopen."
    assert facts_found(a, "Ruth Hallam chaired the meeting.") == {("name", D)}


def test_unrelated_articles_never_pair():
    a = "The Dunmore council approved the stadium plan on Monday."
    b = "The Kelso council rejected the stadium plan on Monday."
    assert facts_found(a, b) == set()


def test_a_lone_word_needs_most_sources():
    # "Dunmash" in one article, "Dunmarsh" in two: the rare spelling is the variant
    texts = ["The flood struck Aldmoor near Dunmarsh on Monday.", "Rescuers in Aldmoor reached Dunmarsh by road.",
             "Aid for Aldmoor arrived in Dunmash on Tuesday."]
    assert facts_found(*texts) == {("name", D)}
    # two articles, one spelling each: nothing says which is the name
    assert facts_found(texts[0], texts[2]) == set()
