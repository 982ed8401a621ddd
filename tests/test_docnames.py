"""Article-level judgement of entity names (checker.extract.frames.docnames)."""

from __future__ import annotations

from checker.extract.frames.docnames import DocNames
from checker.records import Source
from checker.rules import load_rules
from checker.segment import segment

LEX = load_rules().lexicon


def names(text: str) -> DocNames:
    return DocNames(segment(Source(id="a", path="a.txt", text=text, plain=text)), LEX)


def test_sentence_initial_common_word_is_not_a_name():
    doc = names("Turnout was 61% on Sunday.\nThe mayor, Rosa Abernathy, won easily.\n")
    assert doc.at(0) == []
    assert doc.named(1) == ["Rosa Abernathy"]


def test_word_of_a_longer_name_is_a_name():
    doc = names("Acme was founded in 1998.\nAcme Corp now employs 1,200 people.\n")
    assert doc.named(0) == ["Acme"]


def test_tabloid_capitals_are_not_names_but_acronyms_are():
    doc = names("GANG snatched a £5.4 million painting.\nThe FBI and NATO were told.\n")
    assert doc.named(0) == []
    assert doc.named(1) == ["FBI", "NATO"]


def test_sentence_without_names_borrows_the_previous_ones():
    doc = names("Springfield Rovers won again.\nThe club, founded in 1902, is top.\n")
    assert doc.at(1) == ["Springfield Rovers"]
