"""Quotes as newspapers print them, their speakers, and indirect speech (issue 12).

Every sentence here is invented, in the forms papers use. Each case runs the
real segmenter and ``find_speech``; the expected rows were written by hand:
direct quotes as (words, speaker, partial?) and paraphrases as (words, speaker).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.extract.quotes.direct import find_speech
from checker.lexicon import load_lexicon
from checker.records import Source
from checker.segment import segment

ROOT = Path(__file__).resolve().parent.parent
LEX = load_lexicon([yaml.safe_load((ROOT / "rules" / "lexicon.yaml").read_text(encoding="utf-8"))])
U = "(unnamed)"


def speech(text: str):
    src = Source(id="t", path="t.txt", text=text, plain=text)
    sents = segment(src)
    quotes, reported = find_speech(sents, LEX)
    for q in quotes:  # the span holds the words as printed
        assert " ".join(text[q.start:q.end].split()) == q.value
    return ([(q.value, q.speaker, q.partial) for q in quotes],
            [(p.value, p.speaker) for p in reported])


# name, text, quotes [(value, speaker, partial)], paraphrases [(value, speaker)]
QUOTES = [
    # a quote over paragraphs: an opening mark on each, a closing one at the end
    ("paragraphs_curly",
     "The mayor, Tomas Reyes, spoke for an hour.\n\n“We will rebuild every house on this street.\n\n"
     "“We will not leave anyone behind,” he said.",
     [("We will rebuild every house on this street.", "Tomas Reyes", False),
      ("We will not leave anyone behind", "Tomas Reyes", False)]),
    ("paragraphs_straight",
     "Irene Vos spoke to the crowd.\n\n\"The water is rising faster than we thought.\n\n"
     "\"Leave tonight if you live by the river,\" she said.",
     [("The water is rising faster than we thought.", "Irene Vos", False),
      ("Leave tonight if you live by the river", "Irene Vos", False)]),
    ("paragraphs_speaker_after_first",
     "“We are going to rebuild,” said Anna Berg. “It will take years.\n\n“But we will do it.”",
     [("We are going to rebuild", "Anna Berg", False), ("It will take years.", "Anna Berg", False),
      ("But we will do it.", "Anna Berg", False)]),
    ("paragraphs_single",
     "Ruth Okoye addressed the court.\n\n'I did not take the money.\n\n"
     "'I ask the jury to believe me,' she said.",
     [("I did not take the money.", "Ruth Okoye", False),
      ("I ask the jury to believe me", "Ruth Okoye", False)]),
    # straight quotes, also one opening with no space after a full stop
    ("straight_after_full_stop",
     "Profits fell in the third quarter.\"We expect a better fourth quarter,\" said Anna Berg.",
     [("We expect a better fourth quarter", "Anna Berg", False)]),
    ("straight_after_full_stop_verb_last",
     "Orders slowed in May.\"We expect a better summer,\" Lars Nygaard said.",
     [("We expect a better summer", "Lars Nygaard", False)]),
    ("straight_before_colon", "Lars Nygaard said: \"The order book is full until 2027.\"",
     [("The order book is full until 2027.", "Lars Nygaard", False)]),
    # British single quotes
    ("single_after", "'We are doing everything we can,' said Inspector Mark Hale.",
     [("We are doing everything we can", "Mark Hale", False)]),
    ("single_before", "Mark Hale said: 'We have found nothing so far.'",
     [("We have found nothing so far.", "Mark Hale", False)]),
    ("single_two_sentences", "'We will appeal,' said Anna Berg. 'The verdict is wrong and we will fight it.'",
     [("We will appeal", "Anna Berg", False),
      ("The verdict is wrong and we will fight it.", "Anna Berg", False)]),
    ("single_partial_then_verb",
     "Anna Berg said the ruling was 'a disgrace to the court' and vowed to appeal.",
     [("a disgrace to the court", "Anna Berg", False)]),
    ("single_outer_double_inner",
     "‘He told me “we are finished” and then he left,’ said Anna Berg.",
     [("He told me “we are finished” and then he left", "Anna Berg", False)]),
    ("double_outer_single_inner",
     "\"He told me 'we are finished' and then he left,\" said Anna Berg.",
     [("He told me 'we are finished' and then he left", "Anna Berg", False)]),
    ("single_curly", "‘Nobody warned us,’ said Dev Patel, a shopkeeper.",
     [("Nobody warned us", "Dev Patel", False)]),
    # European marks
    ("guillemets_french", "« Nous ne céderons pas », a déclaré Marie Dupont.",
     [("Nous ne céderons pas", "Marie Dupont", False)]),
    ("guillemets_in_english", "Marie Dupont said: « We will not give in. »",
     [("We will not give in.", "Marie Dupont", False)]),
    ("german_low_high_before", "Hans Weber said: „We are very happy with the result.“",
     [("We are very happy with the result.", "Hans Weber", False)]),
    ("german_low_high_after", "„We are very happy with the result“, Hans Weber said.",
     [("We are very happy with the result", "Hans Weber", False)]),
    ("german_reversed_guillemets", "Hans Weber spoke on Tuesday. »We are ready for the season«, he said.",
     [("We are ready for the season", "Hans Weber", False)]),
    ("single_guillemets", "‹We will see what happens next›, said Hans Weber.",
     [("We will see what happens next", "Hans Weber", False)]),
    # a quote cut off where the text ends: partial, its possibly cut last word left out
    ("cut_off_mid_word",
     "Anna Berg spoke on Monday. “We have been working day and night to restore the power lin",
     [("We have been working day and night to restore the power", "Anna Berg", True)]),
    ("cut_off_ellipsis",
     "Ruth Okoye said: “The board knew about the losses for months and did nothing...",
     [("The board knew about the losses for months and did nothing...", "Ruth Okoye", True)]),
    ("cut_off_too_short", "Ruth Okoye said: “The board knew", []),
    ("stray_mark_before_full_stop", "Ruth Okoye said the board “knew about the losses.", []),
    # a quote in a headline
    ("headline_markdown", "# Mayor says “the port will reopen within a week”\n\n"
     "Mayor Tomas Reyes spoke on Monday at the harbour.",
     [("the port will reopen within a week", "Tomas Reyes", False)]),
    ("headline_colon", "Reyes: “We will rebuild”\n\nMayor Tomas Reyes spoke on Monday at the harbour.",
     [("We will rebuild", "Tomas Reyes", False)]),
    ("headline_no_name", "Harbour chief: “We will reopen the port”\n\nThe harbour stayed shut on Monday.",
     [("We will reopen the port", None, False)]),
    # not quotes
    ("apostrophes", "The company's shares fell in the '90s, when rock 'n' roll was out of fashion.", []),
    ("plural_possessives", "The workers' union and the nurses' council met on Monday.", []),
    ("single_one_word", "Ruth Okoye called the plan 'reckless' on Monday.", []),
    ("single_unattributed", "The banner read 'Save our harbour' all week.", []),
    ("scare_quote", "The so-called “rescue plan” was dropped within a week.", []),
]

SPEAKERS = [
    # anonymous sources are not the organisation named before them
    ("anon_after", "The Harbour Hospital was overwhelmed. “The wards are full and we are turning "
     "people away,” said one nurse, who declined to be named.",
     [("The wards are full and we are turning people away", f"a nurse {U}", False)]),
    ("anon_before", "The Harbour Hospital was overwhelmed. One nurse, who declined to be named, "
     "said: “The wards are full.”", [("The wards are full.", f"a nurse {U}", False)]),
    ("anon_no_commas", "The Harbour Hospital was overwhelmed. “The wards are full,” a nurse who "
     "declined to be named said.", [("The wards are full", f"a nurse {U}", False)]),
    ("anon_speaking", "The Harbour Hospital was overwhelmed. “The wards are full,” said a nurse "
     "speaking on condition of anonymity.", [("The wards are full", f"a nurse {U}", False)]),
    ("anon_one_doctor", "“We ran out of blood on the second night,” one doctor said.",
     [("We ran out of blood on the second night", f"a doctor {U}", False)]),
    ("anon_two", "“The wards are full,” said two nurses at the Harbour Hospital.",
     [("The wards are full", f"two nurses {U}", False)]),
    ("plain_common_noun", "The Harbour Hospital was overwhelmed. “It was chaos,” a porter said.",
     [("It was chaos", None, False)]),
    # titles before a name
    ("title_chairman_after", "“We will pay every supplier in full,” said Chairman Felix Adeyemi.",
     [("We will pay every supplier in full", "Felix Adeyemi", False)]),
    ("title_chairman_before", "Chairman Felix Adeyemi said: “We will pay every supplier in full.”",
     [("We will pay every supplier in full.", "Felix Adeyemi", False)]),
    ("title_then_surname", "Chairman Felix Adeyemi opened the meeting.\n\n"
     "“The debt is under control,” Adeyemi said.", [("The debt is under control", "Felix Adeyemi", False)]),
    ("title_two_words", "“The budget is balanced,” said Finance Minister Lena Holm.",
     [("The budget is balanced", "Lena Holm", False)]),
    ("title_role_lower", "“We are ready,” said club captain Jo Berg.", [("We are ready", "Jo Berg", False)]),
    # pronouns across paragraphs, to the last person of the right kind
    ("pronoun_paragraphs", "Felix Adeyemi chaired the meeting.\n\nShareholders asked about the debt.\n\n"
     "“We will pay every supplier,” he said.", [("We will pay every supplier", "Felix Adeyemi", False)]),
    ("pronoun_skips_org", "Maria Lopez runs the bakery on Main Street.\n\n"
     "The Harbour Authority closed the road on Monday.\n\n“We lost half our customers,” she said.",
     [("We lost half our customers", "Maria Lopez", False)]),
    ("pronoun_title_gender", "Mr. John Reed runs the garage. Ms. Ana Kamau runs the shop next door.\n\n"
     "“We lost half our customers,” she said.", [("We lost half our customers", "Ana Kamau", False)]),
    ("pronoun_chain_gender", "Ana Kamau opened the clinic in 2019. She hired nurses from the city.\n\n"
     "John Reed joined in May. He runs the night shift.\n\n"
     "“We have asked the Harbour Hospital for help,” she said.",
     [("We have asked the Harbour Hospital for help", "Ana Kamau", False)]),
    ("pronoun_chain_he", "John Reed joined in May. He took over the night shift.\n\n"
     "Ana Kamau runs the clinic. The clinic has 40 beds.\n\n“We need more beds,” he said.",
     [("We need more beds", "John Reed", False)]),
    ("pronoun_nearest_unknown", "Ana Kamau hired John Reed in May.\n\n“We have asked for help,” he said.",
     [("We have asked for help", "John Reed", False)]),
    # "according to" and "in a statement": the organisation
    ("according_to_org_after", "“The port will reopen within a week,” according to the Harbour Authority.",
     [("The port will reopen within a week", "Harbour Authority", False)]),
    ("in_a_statement_after", "“The port will reopen within a week,” the Harbour Authority said in a statement.",
     [("The port will reopen within a week", "Harbour Authority", False)]),
    ("in_a_statement_before", "The Harbour Authority said in a statement: “The port will reopen within a week.”",
     [("The port will reopen within a week.", "Harbour Authority", False)]),
    ("it_said_in_a_statement", "The Harbour Authority closed the port. “It will reopen within a week,” "
     "it said in a statement.", [("It will reopen within a week", "Harbour Authority", False)]),
    ("the_authority_said", "The Harbour Authority closed the port. “It will reopen within a week,” "
     "the authority said.", [("It will reopen within a week", "Harbour Authority", False)]),
    ("spokesperson_for_org", "“It will reopen within a week,” a spokesperson for the Harbour Authority said.",
     [("It will reopen within a week", "Harbour Authority", False)]),
    ("spokeswoman_for_org_inverted", "“We will reopen when it is safe,” said a spokeswoman for Acme Corp.",
     [("We will reopen when it is safe", "Acme Corp.", False)]),
    ("the_statement_said", "Acme Corp issued a statement on Monday. “We will reopen when it is safe,” "
     "the statement said.", [("We will reopen when it is safe", "Acme Corp", False)]),
    ("org_spokesperson_no_org_named", "“We do not comment on rumours,” a company spokesperson said.",
     [("We do not comment on rumours", None, False)]),
]

# indirect speech: a paraphrase claim, never a quote
REPORTED = [
    ("said_that", "Petra Lind said that the port would reopen within a week.",
     [("the port would reopen within a week", "Petra Lind")]),
    ("told_reporters", "Petra Lind told reporters the port would reopen within a week.",
     [("the port would reopen within a week", "Petra Lind")]),
    ("told_reporters_that", "Petra Lind told reporters on Monday that the ferries had been cancelled.",
     [("the ferries had been cancelled", "Petra Lind")]),
    ("closing_said", "The port would reopen within a week, Petra Lind said.",
     [("The port would reopen within a week", "Petra Lind")]),
    ("according_to_org", "According to the Harbour Authority, the port would reopen within a week.",
     [("the port would reopen within a week", "Harbour Authority")]),
    ("org_in_a_statement", "The port will reopen within a week, the Harbour Authority said in a statement.",
     [("The port will reopen within a week", "Harbour Authority")]),
    ("anon_official", "A senior official, speaking on condition of anonymity, said the talks had collapsed.",
     [("the talks had collapsed", f"a senior official {U}")]),
    ("spokesman_for_the_company", "Acme Corp shut the plant. A spokesman for the company said the plant "
     "would reopen when it was safe.", [("the plant would reopen when it was safe", "Acme Corp")]),
    ("closing_pronoun_skips_clause_names", "Judge Alison Nathan spoke for an hour on Tuesday.\n\n"
     "Ms Okoye worked with Tom Ash to hide the losses for years, she added.",
     [("Ms Okoye worked with Tom Ash to hide the losses for years", "Alison Nathan")]),
    ("declined_to_say", "Petra Lind declined to say whether the port would reopen this month.", []),
    ("did_not_say", "Petra Lind did not say when the port would reopen.", []),
    ("said_no_clause", "Petra Lind said on Monday at a waterfront rally shortly before midnight.", []),
    ("announced_object", "Petra Lind announced the closure of the northern pier.", []),
    ("no_speaker", "The port would reopen within a week, a witness said.", []),
]


def _cases(table, kind):
    for name, text, expected in table:
        yield pytest.param(text, expected, kind, id=name)


@pytest.mark.parametrize("text,expected,kind", [*_cases(QUOTES, "quote"), *_cases(SPEAKERS, "quote"),
                                                *_cases(REPORTED, "paraphrase")])
def test_speech_table(text, expected, kind):
    quotes, reported = speech(text)
    got = quotes if kind == "quote" else reported
    assert got == expected


def test_single_quotes_are_not_paraphrased():
    # an attributed single quote is a quote, never also a paraphrase of itself
    quotes, reported = speech("'We are doing everything we can,' said Inspector Mark Hale.")
    assert reported == []
    quotes, reported = speech("‹We will see what happens next›, said Hans Weber.")
    assert reported == []


def test_a_paraphrase_and_a_quote_in_one_story():
    text = ("The Harbour Authority said the port would stay closed until Friday. "
            "“We will reopen when it is safe,” a spokesman for the authority said.")
    quotes, reported = speech(text)
    assert quotes == [("We will reopen when it is safe", "Harbour Authority", False)]
    assert reported == [("the port would stay closed until Friday", "Harbour Authority")]


def test_case_count():
    assert len(QUOTES) + len(SPEAKERS) + len(REPORTED) >= 60


# ---------------------------------------------------------------- through the CLI

def _findings(tmp_path, a: str, b: str) -> list[dict]:
    import json
    from tests.cli_helpers import run, write
    write(tmp_path / "story" / "a.txt", a)
    write(tmp_path / "story" / "b.txt", b)
    code, out, err = run("check", str(tmp_path / "story"), "--format", "json",
                         "-o", str(tmp_path / "r.json"))
    assert code in (0, 1) and "internal error" not in err, out + err
    return json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"]


def test_a_cut_off_quote_is_compared_on_its_words(tmp_path):
    findings = _findings(
        tmp_path,
        "Anna Berg spoke on Monday.\n\n“We have been working day and night to restore the "
        "power lines across the valley by Friday,” she said.\n",
        "Anna Berg spoke on Monday.\n\n“We have been working day and night to restore the power lin")
    quotes = [f for f in findings if f["kind"] == "quote"]
    assert [f["verdict"] for f in quotes] == ["agreement"]
    assert {c["approx"] for c in quotes[0]["claims"]} == {False, True}  # b's is partial


def test_a_cut_off_quote_with_a_changed_word_differs(tmp_path):
    findings = _findings(
        tmp_path,
        "Anna Berg spoke on Monday.\n\n“We have been working day and night to restore the "
        "power lines across the valley by Friday,” she said.\n",
        "Anna Berg spoke on Monday.\n\n“We have been working night and day to restore the power lin")
    quotes = [f for f in findings if f["kind"] == "quote"]
    assert [f["verdict"] for f in quotes] == ["discrepancy"]


def test_indirect_speech_is_never_held_to_a_quote(tmp_path):
    findings = _findings(
        tmp_path,
        "Petra Lind, the harbour chief, said on Monday that the port would reopen within a week.\n",
        "Petra Lind, the harbour chief, spoke on Monday.\n\n"
        "“The port will open again in ten days or so,” Lind said.\n")
    assert not [f for f in findings if f["verdict"] == "discrepancy"]
    kinds = {f["kind"] for f in findings}
    assert "paraphrase" in kinds and "quote" in kinds


# --------------------------------------------- a quote of several sentences

@pytest.mark.parametrize("quote, pieces", [
    ("We are glad to be here. The club is one of the biggest in the world.",
     ["We are glad to be here.", "The club is one of the biggest in the world."]),
    # a short piece ("Thanks.") stays with the sentence before it
    ("The club is one of the biggest in the world. Thanks.",
     ["The club is one of the biggest in the world. Thanks."]),
    ("It was hard. We kept going anyway, and we won.", ["It was hard. We kept going anyway, and we won."]),
    # abbreviations and figures do not end a sentence
    ("Mr. Roe paid $4.5 billion for the firm in the end.", ["Mr. Roe paid $4.5 billion for the firm in the end."]),
    ("Is it over? Nobody here thinks the fight is over yet!",
     ["Is it over? Nobody here thinks the fight is over yet!"]),
    ("Nobody here thinks it is over. “We will fight on,” she said to the crowd.",
     ["Nobody here thinks it is over.", "“We will fight on,” she said to the crowd."]),
])
def test_a_quote_is_compared_sentence_by_sentence(quote, pieces):
    from checker.extract.quotes.direct import quote_sentences
    assert [quote[a:b] for a, b in quote_sentences(quote, 0, len(quote))] == pieces


def test_a_sentence_printed_alone_meets_its_sentence_in_a_longer_quote(tmp_path, monkeypatch):
    import json
    from tests.cli_helpers import run, write
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s" / "a.txt", '"I am very happy to be part of the club now. It is one of the biggest '
          'clubs in the world and I want to compete at the highest level," Ana Ruiz said.\n')
    write(tmp_path / "s" / "b.txt", '"It is one of the biggest clubs in the world and I want to move to the '
          'highest level," Ana Ruiz said on Saturday.\n')
    code, out, err = run("check", "s", "--format", "json", "-o", "r.json")
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    quotes = {f["verdict"]: sorted(c["raw"] for c in f["claims"]) for f in doc["findings"] if f["kind"] == "quote"}
    # by hand: the second sentence differs by one word (compete / move); the
    # first is a's alone
    assert quotes["discrepancy"] == [
        "It is one of the biggest clubs in the world and I want to compete at the highest level",
        "It is one of the biggest clubs in the world and I want to move to the highest level"], quotes
    assert quotes["single_source"] == ["I am very happy to be part of the club now."]
    assert code == 0  # quote wording is a warning
