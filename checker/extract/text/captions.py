"""Photo captions: a line of the article that credits a picture.

A caption tells what a photograph shows, often a file photo from another
day ("… during her confirmation hearing on Wednesday, December 15, 2021.
Photo: A. Vell/Corvane Press"). Its figures and dates are claims, but of
the picture's moment: alignment never groups them with the article's own
(``align._HARD_MARKS``), only with another caption's.
"""

from __future__ import annotations

import re

CAPTION = "photo caption"  # the qualifier of a claim read in a caption line

# a picture credit: "Photo: Name", "(Photo by Name)", "Photo taken … shows",
# "(Xinhua/First Last)" or "(AFP Photo)" at the end of the line
_CREDIT = re.compile(
    r"\b(?:Photo(?:graph)?s?|Picture|Image)\s*:\s*[A-Z]"
    r"|\((?:Photo|Picture|Image)s?\s+(?:by|credit|courtesy)\b"
    r"|^\s*(?:File\s+)?(?:[Pp]hoto|[Pp]icture)\s+(?:taken|shows)\b"
    r"|\((?:AP|Reuters|AFP|EPA|Xinhua|Getty\s+Images)(?:\s+[Pp]hoto(?:/[^)\n]+)?\)\.?"
    r"|/[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)+\))\s*$",  # "(Xinhua/Tomas Vell)": a photographer, not a poll's "(Reuters/Ipsos)"
    re.MULTILINE)


def caption_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` that credits a picture."""
    out = []
    start = 0
    for line in text.splitlines(keepends=True):
        if _CREDIT.search(line):
            out.append((start, start + len(line)))
        start += len(line)
    return out
