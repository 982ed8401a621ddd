"""Photo captions (checker/extract/text/captions.py): a line that credits a
picture holds the picture's moment, and its claims never group with the
article's own."""

from __future__ import annotations

import pytest

from checker.extract.text.captions import CAPTION, caption_lines
from tests.test_identity import assert_two_agree_one_apart, one


@pytest.mark.parametrize("line, caption", [
    ("Ada Brisk speaks in Vela on May 2, 2021. Photo: Tomas Vell/Corvane Press", True),
    ("Workers inspect the laser bay during maintenance. (Photo by Tomas Vell)", True),
    ("Photo taken with a phone shows a damaged house in Vela, July 22, 2013.", True),
    ("File photo shows the Vela plant in 2019.", True),
    ("A damaged house in Vela on Monday. (Xinhua/Tomas Vell)", True),
    ("Rescuers reached Vela on Monday (AP Photo/Ada Brisk)", True),
    ("Ada Brisk, shown in a match in Vela on Feb 26, scored 280 goals. (AFP Photo)", True),
    ("Rescuers search a house in Vela on Monday. (Reuters Photo)", True),
    ("Rescuers search a house in Vela on Monday (AFP photo).", True),
    # prose that mentions a photo is no caption
    ("The photo of the flood went viral on Monday.", False),
    ("Vela said 40 people died, according to Xinhua.", False),
    ("Photographers gathered outside the court on Tuesday.", False),
    ("Vela said 40 people died (AFP).", False),
    ("Some 40% of voters back Ada Brisk, a survey found (Reuters/Ipsos).", False),  # a poll's credit
    ("Some 40% of voters back Ada Brisk, a survey found (Reuters/Ipsos)", False),
])
def test_a_caption_is_a_line_that_credits_a_picture(line, caption):
    text = "Vela was hit on Monday.\n" + line + "\nThe toll rose.\n"
    got = caption_lines(text)
    assert bool(got) is caption
    if caption:
        (start, end), = got
        assert text[start:end].strip() == line


def test_a_claim_in_a_caption_is_marked():
    text = "Ada Brisk speaks in Vela on May 2, 2021. Photo: Tomas Vell/Corvane Press"
    assert CAPTION in one(text, "May 2, 2021")["qualifiers"].split("|")
    assert one("Ada Brisk spoke in Vela on May 2, 2021.", "May 2, 2021")["qualifiers"] is None


def test_a_caption_date_never_groups_with_the_article_dates():
    """Two articles date the sentencing Tuesday; a third's caption dates an
    old hearing: the caption's date stays alone."""
    assert_two_agree_one_apart({
        "a": "Judge Ada Brisk sentenced Tomas Vell in Corvane on Tuesday.",
        "b": "Tomas Vell was sentenced in Corvane on Tuesday by Judge Ada Brisk.",
        "c": "Judge Ada Brisk at her hearing in Corvane on Tuesday, March 2, 2021. Photo: Dara Quill/Vela Press",
    }, "date")
