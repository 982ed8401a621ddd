"""The article's own sources, counted: "according to three people familiar
with the decision", "two officials briefed on the talks".

Such a count says how the article knows, not what happened: it is the
article's sourcing, like its dateline, and never a claim to compare. The
phrases that mark it are the lexicon's ``sourcing`` list; the counted noun
must count people (the lexicon's ``people_nouns``, or "source"), and the
sentence must give them as sources: "according to" just before the count,
or a verb of saying after it ("said", "told"). "The survey found 40 people
familiar with the brand" is a claim.
"""

from __future__ import annotations

import functools
import re

from checker.extract.text.words import SPEECH
from checker.lexicon import Lexicon

_SOURCE_NOUNS = frozenset({"source", "insider"})
_ACCORDING = re.compile(r"according\s+to\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=8)
def _after(phrases: tuple[str, ...]) -> re.Pattern | None:
    if not phrases:
        return None
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"\s*,?\s*(?:" + alts + r")(?![\w-])", re.IGNORECASE)


def is_sourcing(text: str, start: int, end: int, unit: str | None, lexicon: Lexicon) -> bool:
    """A count of people (``unit``) at [start, end) that one of the lexicon's
    ``sourcing`` phrases follows, given as the sentence's sources: the
    article's sources, not a claim."""
    if not unit:
        return False
    noun = str(unit).lower()
    if noun not in _SOURCE_NOUNS and noun not in lexicon.facts.get("people_nouns", ()):
        return False
    pattern = _after(tuple(lexicon.facts.get("sourcing", ())))
    if pattern is None or pattern.match(text, end) is None:
        return False
    return bool(_ACCORDING.search(text[max(0, start - 40):start])) \
        or any(w in SPEECH for w in _WORD.findall(text[end:].lower()))
