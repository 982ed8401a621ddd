"""Tokens shared by the frames and the quote speakers, and the names on them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.extract.frames.names import Mention


@dataclass(slots=True)
class Token:
    """A word; ``low`` is lower case with ’ as '."""

    start: int
    end: int
    text: str
    low: str
    mention: int = -1        # index into mentions, -1 if none
    verb: str | None = None  # lemma when the token is a main verb
    phrasal: int = 0         # extra tokens the verb phrase spans ("stepped down")
    aux: bool = False


def make_token(start: int, end: int, text: str) -> Token:
    return Token(start, end, text, text.lower().replace("’", "'"))


def tag_mentions(toks: list[Token], mentions: list[Mention]) -> list[int]:
    """Mark the tokens each name covers; return the token starts."""
    starts = [t.start for t in toks]
    for mi, men in enumerate(mentions):
        i = bisect.bisect_left(starts, men.start)
        while i < len(toks) and toks[i].start < men.end:
            toks[i].mention = mi
            i += 1
    return starts


def mention_start(toks: list[Token], i: int, lo: int) -> int:
    """First token (not before ``lo``) of the name at token ``i``."""
    mi = toks[i].mention
    while i - 1 >= lo and toks[i - 1].mention == mi:
        i -= 1
    return i


def mention_end(toks: list[Token], i: int, hi: int) -> int:
    """The token after the name at token ``i`` (at most ``hi``)."""
    mi = toks[i].mention
    while i < hi and toks[i].mention == mi:
        i += 1
    return i
