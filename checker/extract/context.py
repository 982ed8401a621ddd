"""The words around a value that alignment compares, and the value's topic."""

from __future__ import annotations

import re

from checker.lexicon import Lexicon

WINDOW = 8
# clause breaks: a value's context does not reach past them
_CLAUSE = re.compile(r"[;:()]|\s[—–-]{1,2}\s|—|,\s+(?:but|while|whereas|although|though)\b")
# what follows a value stops at a subordinate clause ("12% as sales slowed")
_RIGHT_CLAUSE = re.compile(r"\b(?:as|because|after|before|while|when|although|though|whereas|which|who|whom)\b",
                           re.IGNORECASE)


def _clip_left(text: str) -> str:
    cut = 0
    for m in _CLAUSE.finditer(text):
        cut = m.end()
    return text[cut:]


def _clip_right(text: str) -> str:
    ends = [m.start() for m in (_CLAUSE.search(text), _RIGHT_CLAUSE.search(text)) if m]
    return text[: min(ends)] if ends else text


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace other values in the sentence by spaces (offsets kept)."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def value_context(sentence: str, span: tuple[int, int], others: list[tuple[int, int]],
                  lexicon: Lexicon) -> tuple[str, str | None]:
    """(context words, topic) for the value at ``span`` of ``sentence``.

    Context: up to WINDOW content words each side within the clause, folded
    through the lexicon, with every value masked out. Topic: the nearest
    measure word (see ``_topic``).
    """
    masked = _blank(sentence, [o for o in others if o != span])
    left = lexicon.content_words(_clip_left(masked[: span[0]]))[-WINDOW:]
    after = _clip_right(masked[span[1]:])
    right = lexicon.content_words(after)[:WINDOW]
    attached = not after[:1] in (",", ".")  # "$3bn deal", not "in 2005, left"
    return " ".join(left + right), _topic(left, right, lexicon, attached)


def _topic(left: list[str], right: list[str], lexicon: Lexicon, attached: bool) -> str | None:
    """The measure word right after the value, else the nearest before it, else after."""
    if attached and right and lexicon.measure(right[0]):
        return lexicon.measure(right[0])
    for word in (*reversed(left), *right):
        if lexicon.measure(word):
            return lexicon.measure(word)
    return None
