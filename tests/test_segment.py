"""Sentence segmentation: splits, no-splits, spans, lines, speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.records import Source
from checker.segment import line_number, segment
from checker.sources import load_source, mask, parse_front_matter

SEEDS = Path(__file__).resolve().parent.parent / "sources"


def make(text: str, markdown: bool = False) -> Source:
    meta, fm_end = parse_front_matter(text, "t")
    plain = mask(text, fm_end, markdown or fm_end > 0)
    return Source(id="t", path="t.md" if markdown else "t.txt", text=text, plain=plain,
                  meta=meta)


def texts(text: str, markdown: bool = False) -> list[str]:
    return [s.text for s in segment(make(text, markdown))]


LONG = "This opening line is long enough to show that the paragraph is not hard-wrapped, " \
       "as pasted from a web page."

# text -> sentences (plain text files)
CASES = [
    # real splits
    ("He left. She stayed.", ["He left.", "She stayed."]),
    ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
    ("What?! No way.", ["What?!", "No way."]),
    ("He paused... Then he left.", ["He paused...", "Then he left."]),
    ("Pay was $1,000.50. Then it rose.", ["Pay was $1,000.50.", "Then it rose."]),
    ("It ended in 2018. 2019 was worse.", ["It ended in 2018.", "2019 was worse."]),
    ("(He declined.) Then he left.", ["(He declined.)", "Then he left."]),
    ("He left. eBay rose.", ["He left.", "eBay rose."]),
    ("Sales in the U.S. iPhone market rose.", ["Sales in the U.S. iPhone market rose."]),
    ("He said no. “We will sue,” she said.", ["He said no.", "“We will sue,” she said."]),
    # decimals, percents, money
    ("Musk bid $97.4 billion. OpenAI said no.", ["Musk bid $97.4 billion.", "OpenAI said no."]),
    ("Growth was 3.5% in 2024. It slowed.", ["Growth was 3.5% in 2024.", "It slowed."]),
    ("Visit example.com for more.", ["Visit example.com for more."]),
    # abbreviations
    ("The U.S. economy grew. The U.K. did not.", ["The U.S. economy grew.", "The U.K. did not."]),
    ("The U.S. Treasury agreed.", ["The U.S. Treasury agreed."]),
    ("It rose in the U.S. The rest fell.", ["It rose in the U.S.", "The rest fell."]),
    ("On Feb. 10 he spoke.", ["On Feb. 10 he spoke."]),
    ("It ended in Sept. 2024 badly.", ["It ended in Sept. 2024 badly."]),
    ("He met Jan. She was late.", ["He met Jan.", "She was late."]),
    ("Mr. Musk and Mrs. Smith met Ms. Jones.", ["Mr. Musk and Mrs. Smith met Ms. Jones."]),
    ("Dr. Lee met Gov. Newsom and Sen. Warren.", ["Dr. Lee met Gov. Newsom and Sen. Warren."]),
    ("Rep. Ross, Gen. Milley and Lt. Col. Vindman spoke.",
     ["Rep. Ross, Gen. Milley and Lt. Col. Vindman spoke."]),
    ("He lives on St. Mark Street with Martin King Jr. and friends.",
     ["He lives on St. Mark Street with Martin King Jr. and friends."]),
    ("Apple Inc. CEO Tim Cook spoke.", ["Apple Inc. CEO Tim Cook spoke."]),
    ("He joined Acme Corp. in May.", ["He joined Acme Corp. in May."]),
    ("He joined Acme Corp. The firm grew.", ["He joined Acme Corp.", "The firm grew."]),
    ("Shares of Foo Ltd. and Bar Co. Holdings rose.",
     ["Shares of Foo Ltd. and Bar Co. Holdings rose."]),
    ("It was Musk vs. Altman again.", ["It was Musk vs. Altman again."]),
    ("Apples, pears, etc. are fruit.", ["Apples, pears, etc. are fruit."]),
    ("He bought apples, pears, etc. Then he left.",
     ["He bought apples, pears, etc.", "Then he left."]),
    ("He is ranked No. 3 in the world.", ["He is ranked No. 3 in the world."]),
    ("The answer was No. He left.", ["The answer was No.", "He left."]),
    ("See p. 12 for details.", ["See p. 12 for details."]),
    ("The call was at 9 a.m. on Monday.", ["The call was at 9 a.m. on Monday."]),
    ("It began at 5 p.m. The call lasted an hour.",
     ["It began at 5 p.m.", "The call lasted an hour."]),
    ("J.R.R. Tolkien wrote it.", ["J.R.R. Tolkien wrote it."]),
    ("Elon R. Musk bid.", ["Elon R. Musk bid."]),
    ("He served in World War I. The war ended.", ["He served in World War I.", "The war ended."]),
    # ellipses
    ("He paused... and went on.", ["He paused... and went on."]),
    ("He paused… and went on.", ["He paused… and went on."]),
    ("Wait … what? Fine.", ["Wait … what?", "Fine."]),
    # quotations
    ("“I think so.” Then he left.", ["“I think so.”", "Then he left."]),
    ("He said, “Yes. No. Maybe.” Then he left.", ["He said, “Yes. No. Maybe.”", "Then he left."]),
    ('He said, "Yes. No." Then he left.', ['He said, "Yes. No."', "Then he left."]),
    ("“Why?” he asked.", ["“Why?” he asked."]),
    ("“Stop. Now,” she said. He did.", ["“Stop. Now,” she said.", "He did."]),
    ("The paper wrote ‘He left. She stayed.’ Then nothing.",
     ["The paper wrote ‘He left. She stayed.’", "Then nothing."]),
    ("The investors’ money is safe. They said so.",
     ["The investors’ money is safe.", "They said so."]),
    ("Il a dit «Oui. Non.» Puis rien.", ["Il a dit «Oui. Non.»", "Puis rien."]),
    ("“Outer ‘inner. still’ outer. end.” Done.", ["“Outer ‘inner. still’ outer. end.”", "Done."]),
    # unbalanced quotes do not swallow the paragraph
    ("“He left. She stayed. They argued.", ["“He left.", "She stayed.", "They argued."]),
    ("He left.” She stayed.", ["He left.”", "She stayed."]),
    ('He is 6\'2" tall. He left. She "stayed.', ['He is 6\'2" tall.', "He left.", 'She "stayed.']),
    # numbered labels
    ("1. Musk bid.\n2. Altman said no.", ["1. Musk bid.", "2. Altman said no."]),
    # paragraphs, wrapped lines, crossheads
    ("He left.\n\nShe stayed", ["He left.", "She stayed"]),
    ("The deal\n\nwas off.", ["The deal", "was off."]),
    ("Musk bid $97.4 billion for the company on\nMonday. OpenAI said no.",
     ["Musk bid $97.4 billion for the company on\nMonday.", "OpenAI said no."]),
    ("He said the U.S.\nTreasury would act.", ["He said the U.S.\nTreasury would act."]),
    ("Offer rejected\nMusk bid $97.4 billion for OpenAI, the maker of ChatGPT.",
     ["Offer rejected", "Musk bid $97.4 billion for OpenAI, the maker of ChatGPT."]),
    (LONG + "\nOffer rejected\n" + LONG, [LONG, "Offer rejected", LONG]),
    (LONG + "\nA caption without a final stop\n" + LONG,
     [LONG, "A caption without a final stop", LONG]),
    ("It was a deal\nthat nobody expected at all.", ["It was a deal\nthat nobody expected at all."]),
    ("Text.\n\n)", ["Text."]),
    ("* * *\n\nNext.", ["Next."]),             # no letters or digits: dropped
    ("...\n\nNext.", ["Next."]),
    # a reference mark after the full stop ends the sentence with it
    ("Vela announced the result in Corvane.[1] On May 5, a team ran the test.",
     ["Vela announced the result in Corvane.[1]", "On May 5, a team ran the test."]),
    ("It was the first time.[2][3] Then it failed.", ["It was the first time.[2][3]", "Then it failed."]),
    ("The array [1] was set up. It ran.", ["The array [1] was set up.", "It ran."]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_segment(text, expected):
    assert texts(text) == expected


MD_CASES = [
    ("# Musk bids\nHe offered $97.4 billion.", ["Musk bids", "He offered $97.4 billion."]),
    ("## Offer rejected ##\n\nOpenAI said no.", ["Offer rejected", "OpenAI said no."]),
    ("Headline\n========\nBody text.", ["Headline", "Body text."]),
    ("- First point\n- Second point", ["First point", "Second point"]),
    ("1. First point\n2. Second point", ["First point", "Second point"]),
    ("He paid **$97.4 billion** for *it*. Then he left.",
     ["He paid   $97.4 billion   for  it .", "Then he left."]),
    ("See [the filing](https://x.com/a.b). It is long.",
     ["See  the filing" + " " * 20 + ".", "It is long."]),
    ("> “Yes. No,” he said.\n> She left.", ["“Yes. No,” he said.", "She left."]),
    ("---\ntitle: T\n---\n# Head\nBody. More.", ["Head", "Body.", "More."]),
]


@pytest.mark.parametrize("text, expected", MD_CASES, ids=[c[0][:40] for c in MD_CASES])
def test_segment_markdown(text, expected):
    assert texts(text, markdown=True) == expected


ALL = [c[0] for c in CASES] + [c[0] for c in MD_CASES]


@pytest.mark.parametrize("text", ALL, ids=[t[:40] for t in ALL])
def test_span_invariants(text):
    src = make(text, markdown=True)
    sentences = segment(src)
    assert len(src.plain) == len(src.text)
    last = 0
    for k, s in enumerate(sentences):
        assert s.index == k and s.source == "t"
        assert s.text == src.plain[s.start:s.end]
        assert s.text == s.text.strip() and s.text
        assert s.start >= last
        last = s.end
        assert s.line == line_number(src, s.start)


@pytest.mark.parametrize("text, lines", [
    ("One.\r\nTwo.\r\nThree.", [1, 2, 3]),
    ("One.\rTwo.\rThree.", [1, 2, 3]),
    ("One.\nTwo. Three.\n\n\nFour.", [1, 2, 2, 5]),
    ("One.\r\n\r\nTwo.\r\rThree.", [1, 3, 5]),
    ("Wrapped sentence that\r\ncontinues. Next one\r\nhere.", [1, 2]),
])
def test_line_numbers(text, lines):
    src = make(text)
    sentences = segment(src)
    assert [s.line for s in sentences] == lines
    for s in sentences:
        assert src.text[s.start:s.end] == s.text


def test_offsets_after_front_matter():
    text = "---\r\ntitle: T\r\n---\r\nMusk bid $97.4 billion. Altman said no.\r\n"
    src = make(text)
    sentences = segment(src)
    assert [s.text for s in sentences] == ["Musk bid $97.4 billion.", "Altman said no."]
    assert [s.line for s in sentences] == [4, 4]
    assert src.text[sentences[1].start:sentences[1].end] == "Altman said no."


# ---------------------------------------------------------------- seeds

def test_seed_quote_is_one_sentence_and_crosshead_alone():
    src = load_source(SEEDS / "000_e1e47496308e6b9c.txt")
    found = [s.text for s in segment(src)]
    quote = ("“Elon tries all sorts of things for a long time. This is the latest—you know, "
             "this week’s episode,” Altman said.")
    assert quote in found
    assert "Musk’s offer rejected" in found
    assert "Also Read" in found
    assert found[-1].endswith("make our technology better.”")
    for s in segment(src):
        assert src.text[s.start:s.end] == s.text


def test_seed_no_thank_you_splits_after_quote():
    src = load_source(SEEDS / "003_9c8a5e1c08863dfc.txt")
    found = [s.text for s in segment(src)]
    assert found[0].endswith("responding with a lighthearted “No thank you.”")
    assert found[1].startswith("Rather than engaging further")


# ---------------------------------------------------------------- speed (must finish)

@pytest.mark.parametrize("text", [
    "word " * 40_000,                          # 200 KB, no punctuation, one line
    ("word " * 12 + "\n") * 3_000,             # wrapped, no punctuation
    "“" * 5_000 + " He left. She stayed.",
    "”" * 5_000 + " He left. She stayed.",
    '" ' * 5_000 + "He left. She stayed.",
    "‘a " * 5_000 + "He left. She stayed.",
    "He said “yes. " * 5_000,
    "$1 " * 30_000 + "9.",
    "1.5 " * 30_000,
    "a. " * 30_000,
    "Mr. " * 30_000,
    "U.S. " * 30_000,
    "." * 200_000,
    ". " * 100_000,
    ")" * 100_000 + ". Next.",
    "x." + " " * 100_000 + "Y.",
    "\n" * 50_000 + "End.",
    "A\n" * 50_000,
], ids=lambda t: repr(t[:6]))
def test_pathological_input_finishes(text):
    src = make(text)
    sentences = segment(src)
    for s in sentences:
        assert s.text == src.plain[s.start:s.end]


def test_unbalanced_quotes_still_segment():
    text = "“" * 5_000 + " He left. She stayed."
    assert texts(text)[-1] == "She stayed."
