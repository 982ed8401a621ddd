"""The words around a value that alignment compares, and the value's topic."""

from __future__ import annotations

import re

from checker.lexicon import Lexicon

WINDOW = 8
# clause breaks: a value's context does not reach past them
_CLAUSE = re.compile(r"[;:()]|\s[—–-]{1,2}\s|—|,\s+(?:but|while|whereas|although|though)\b")


def _clip_left(text: str) -> str:
    cut = 0
    for m in _CLAUSE.finditer(text):
        cut = m.end()
    return text[cut:]


def _clip_right(text: str) -> str:
    m = _CLAUSE.search(text)
    return text[: m.start()] if m else text


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
    measure word (a word following the value closely wins a tie).
    """
    masked = _blank(sentence, [o for o in others if o != span])
    left = lexicon.content_words(_clip_left(masked[: span[0]]))[-WINDOW:]
    right = lexicon.content_words(_clip_right(masked[span[1]:]))[:WINDOW]
    topic, best = None, WINDOW + 1
    for dist, word in enumerate(right[:3]):
        if word in lexicon.measures and dist < best:
            topic, best = word, dist
            break
    for dist, word in enumerate(reversed(left)):
        if word in lexicon.measures and dist < best:
            topic, best = word, dist
            break
    if topic is None:
        for dist, word in enumerate(right):
            if word in lexicon.measures:
                topic = word
                break
    return " ".join(left + right), topic
