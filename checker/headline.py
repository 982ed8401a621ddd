"""An article's headline, when its front matter gives no ``title``.

Two forms, read from ``Source.plain`` (front matter and Markdown syntax
blanked, so emphasis and links are gone but the words stay):

* a Markdown H1 (``# Port to reopen`` or a line underlined with ``===``) among
  the first lines of a Markdown file;
* a headline line: the first line of the text when it is short (at most
  ``MAX_CHARS`` characters and ``MAX_WORDS`` words), has at least two words,
  does not end with a full stop, comma, colon or dash, is followed by a blank
  line and more text, and is neither a dateline, a date line nor a by-line ("By Jane Roe").

The headline stays in the text (its figures and quotes are claims, like any
other line); it only names the article in the reports.
"""

from __future__ import annotations

import re

MAX_CHARS = 160
MAX_WORDS = 25
LOOK = 3000    # an H1 must start within this many characters
MAX_H1_LINE = 6  # ... and be one of the first non-blank lines

_EOL = re.compile(r"\r\n|\r|\n")
_ATX_H1 = re.compile(r"[ \t]{0,3}(?:>[ \t]?)*#(?!#)(?:[ \t]|$)")
_SETEXT_H1 = re.compile(r"[ \t]{0,3}=+[ \t]*$")
_BYLINE = re.compile(r"(?i)by[ \t]+\S")
_NO_END = ".,;:-–—/&("


def headline(text: str, plain: str, markdown: bool) -> str | None:
    """The article's headline, white space collapsed, or None."""
    lines = _first_lines(text, plain)
    if not lines:
        return None
    if markdown:
        for n, (raw, shown, blank_after, nxt) in enumerate(lines[:MAX_H1_LINE]):
            if _ATX_H1.match(raw) or (nxt is not None and _SETEXT_H1.match(nxt) and n == 0):
                title = " ".join(shown.split())
                return title if _words(title) else None
    raw, shown, blank_after, _ = lines[0]
    title = " ".join(shown.split())
    if not blank_after or len(lines) < 2 or not _headline_like(title):
        return None
    from checker.extract.values.dateline import find_dateline  # (extract imports sources)
    dl = find_dateline(plain)
    start = len(plain) - len(plain.lstrip())
    if dl is not None and any(s < start + len(shown.rstrip()) + 1 and start <= e
                              for s, e in dl.spans):
        return None  # the first line is the article's date, not a headline
    return title


def _headline_like(title: str) -> bool:
    if not title or len(title) > MAX_CHARS or len(title.split()) > MAX_WORDS:
        return False
    if len(_words(title)) < 2 or title[-1] in _NO_END or _BYLINE.match(title):
        return False
    return True


def _words(title: str) -> list[str]:
    return re.findall(r"[^\W\d_]{2,}", title)


def _first_lines(text: str, plain: str, limit: int = 12):
    """The first non-blank lines of ``plain`` within LOOK characters: (the
    line as written, as shown in plain, blank line after?, next raw line)."""
    spans, start = [], 0
    for m in _EOL.finditer(text, 0, min(len(text), LOOK + MAX_CHARS)):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, min(len(text), max(start, LOOK + MAX_CHARS))))
    out = []
    for i, (s, e) in enumerate(spans):
        if s >= LOOK or len(out) >= limit:
            break
        shown = plain[s:e]
        nxt = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < len(spans) else None
        if not shown.strip():
            continue
        blank_after = nxt is not None and not plain[spans[i + 1][0]:spans[i + 1][1]].strip()
        out.append((text[s:e], shown, blank_after, nxt))
    return out
