"""A quote's words, as alignment and the quote rule read them."""

from __future__ import annotations

import re

_EDITED = re.compile(r"\[[^\]]*\]|\.\.\.|…")
_QWORD = re.compile(r"[\w’']+|\x00")
GAP = "…"  # where an editor cut or replaced words: matches any words


def quote_words(text: str) -> list[str]:
    """A quote's words, lower-cased; editors' ellipses and [brackets] become GAP."""
    text = _EDITED.sub(" \x00 ", str(text)).lower().replace("’", "'")
    return [GAP if w == "\x00" else w for w in _QWORD.findall(text)]
