"""Split a source into sentences with exact spans into ``source.plain``.

Two steps, both linear in the text:

1. Blocks. A sentence never crosses a block boundary: a blank line, a
   Markdown heading line, a list item start, a crosshead (a short line with no
   final punctuation at the start of a paragraph), and every line end in an
   unwrapped paragraph (one with a line over UNWRAPPED chars: one paragraph per
   line, as pasted from the web). Inside a hard-wrapped paragraph a line end
   is just a space.
2. Sentences. A block splits after ``.``, ``!``, ``?`` or ``…`` (plus closing
   quotes/brackets) followed by white space, unless the next word starts
   lower case, the split would fall inside a matched quotation, or the period
   ends an abbreviation, an initial or a number label (see the word sets).
"""

from __future__ import annotations

import re

from checker.records import Sentence, Source
from checker.sources import line_number, line_spans

__all__ = ["segment", "line_number"]

UNWRAPPED = 120      # a line this long is not hard-wrapped
CROSSHEAD_CHARS = 60  # a crosshead is at most this long ...
CROSSHEAD_WORDS = 10  # ... and has at most this many words
QUOTE_REACH = 600     # a ‘single quote’ closes within this many chars

_TERMINAL = re.compile(r"[.!?…]+")
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"[A-Za-z]{1,40}")
_QUOTES = re.compile(r"[“”\"‘’«»]")
_MARKER = re.compile(r"[ \t]{0,3}(?:>[ \t]?)*[ \t]*(#{1,6}|[-*+•]|\d{1,9}[.)])(?=[ \t]|$)")
_LIST_LABEL = re.compile(r"\(?(?:\d{1,3}|[A-Za-z])")
_FOOTNOTE = re.compile(r"(?:\[(?:\d{1,3}|[a-z])\])+")  # "… in California.[1] On December 5 …"
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_OPEN_BEFORE = "([{<—–-/:“‘«"   # a straight quote after these opens
_NO_END = ".!?…,;:-–—(&/"      # a crosshead does not end with these

# never end a sentence: titles and the like
_NEVER = frozenset(
    "Mr Mrs Ms Mx Dr Prof Gov Govs Sen Sens Rep Reps Gen Gens Lt Col Capt Cmdr Sgt "
    "Maj Adm Rev Hon Pres Supt Insp Det Atty Messrs Mmes St Ste Mt Ft Fr vs v".split())
# do not end a sentence before a number: "No. 3", "p. 12"
_BEFORE_NUMBER = frozenset("No no Nos nos Vol vol p pp Fig fig Art Sec Ch Ex Para Apt Rm".split())
# end a sentence only before a typical sentence opener: "Apple Inc. The ..."
_AMBIGUOUS = frozenset(
    "Inc Corp Ltd Co Cos Jr Sr Bros Plc Ave Blvd Rd Dept Univ Assn est approx al "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_STARTERS = frozenset(
    "The A An He She It They We I You His Her Its Their Our My This That These Those "
    "There Here But And Or So Yet In On At For As If When While After Before Since "
    "Although Though However Meanwhile Still Then Now What Why How Who Also Last "
    "Earlier Later Some Many Most Both Each Another Under According Despite During".split())


def segment(source: Source) -> list[Sentence]:
    """The sentences of ``source``; ``text == source.plain[start:end]``."""
    plain = source.plain
    out: list[Sentence] = []
    for bs, be in _blocks(source.text, plain):
        for s, e in _split(plain, bs, be):
            while s < e and plain[s].isspace():
                s += 1
            while e > s and plain[e - 1].isspace():
                e -= 1
            if s < e and any(c.isalnum() for c in plain[s:e]):
                out.append(Sentence(source.id, len(out), s, e, line_number(source, s),
                                    plain[s:e]))
    return out


# ---------------------------------------------------------------- blocks

def _blocks(text: str, plain: str) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    para: list[tuple[int, int]] = []
    for s, e in line_spans(plain) + [(len(plain), len(plain))]:
        if plain[s:e].strip():
            para.append((s, e))
        elif para:
            blocks.extend(_paragraph_blocks(text, plain, para))
            para = []
    return blocks


def _paragraph_blocks(text: str, plain: str, lines: list[tuple[int, int]]):
    unwrapped = any(len(plain[s:e].strip()) > UNWRAPPED for s, e in lines)
    cur: list[int] | None = None
    at_start = True  # the previous line ended a sentence (or there is none)
    for k, (s, e) in enumerate(lines):
        line = plain[s:e].strip()
        kind = _marker(text, plain, s, e)
        if kind == "#":
            if cur:
                yield tuple(cur)
            cur, at_start = None, True
            yield s, e
            continue
        if kind == "item" and cur:
            yield tuple(cur)
            cur, at_start = None, True
        nxt = plain[lines[k + 1][0]:lines[k + 1][1]].strip() if k + 1 < len(lines) else None
        if (cur is None or at_start) and kind is None and _crosshead(line, nxt):
            if cur:
                yield tuple(cur)
            cur, at_start = None, True
            yield s, e
            continue
        if cur is None:
            cur = [s, e]
        else:
            cur[1] = e
        at_start = line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")
        if unwrapped:
            yield tuple(cur)
            cur = None
    if cur:
        yield tuple(cur)


def _marker(text: str, plain: str, s: int, e: int) -> str | None:
    """'#' for a Markdown heading line, 'item' for a list item, else None."""
    m = _MARKER.match(text, s, e)
    if not m or plain[m.start(1)] != " ":  # syntax not blanked: not Markdown
        return None
    return "#" if m.group(1)[0] == "#" else "item"


def _crosshead(line: str, nxt: str | None) -> bool:
    if len(line) > CROSSHEAD_CHARS or len(line.split()) > CROSSHEAD_WORDS:
        return False
    if line[0].islower() or line[-1] in _NO_END:
        return False
    if nxt is None:
        return True
    return not nxt[0].islower() and len(nxt) >= 1.5 * len(line)


# ---------------------------------------------------------------- sentences

def _split(plain: str, bs: int, be: int):
    chunk = plain[bs:be]
    n = len(chunk)
    quotes = _quote_spans(chunk)
    qi, start = 0, 0
    for m in _TERMINAL.finditer(chunk):
        j = m.end()
        while j < n and chunk[j] in _CLOSERS:
            j += 1
        if (note := _FOOTNOTE.match(chunk, j)) is not None:
            j = note.end()  # a reference mark after the full stop ends the sentence with it
        if j >= n or not chunk[j].isspace():
            continue
        while qi < len(quotes) and quotes[qi][1] < j:
            qi += 1
        if qi < len(quotes) and quotes[qi][0] < j:
            continue  # inside a quotation
        k = _SPACE.match(chunk, j).end()
        if k >= n or not _boundary(chunk, start, m, k):
            continue
        yield bs + start, bs + j
        start = k
    yield bs + start, bs + n


def _boundary(chunk: str, start: int, m: re.Match, k: int) -> bool:
    """Does the sentence end at ``m`` when the next one would start at ``k``?"""
    nxt = chunk[k]
    w = _WORD.match(chunk, k)
    camel = w is not None and not w.group().islower()  # "eBay", "iPhone"
    if nxt.islower() and not camel:
        return False
    if m.group() != ".":
        return True
    i = m.start()
    j = i
    while j > 0 and i - j < 32 and (chunk[j - 1].isalpha() or chunk[j - 1] == "."):
        j -= 1
    word = chunk[j:i].lstrip(".")
    if not word:  # "1." opening a line, as in a numbered list
        return not (i - start <= 4 and _LIST_LABEL.fullmatch(chunk, start, i))
    if j > 0 and chunk[j - 1].isdigit():  # "3rd."
        return True
    if word in _NEVER:
        return False
    if word in _BEFORE_NUMBER:
        return not nxt.isdigit()
    if len(word) == 1 and not word.isupper():
        return not _LIST_LABEL.fullmatch(chunk, start, i)
    if word in _AMBIGUOUS or "." in word or len(word) == 1:
        # "U.S.", "a.m.", "J. R. Smith", "Acme Inc." : end only before an opener
        if nxt in _OPENERS:
            return True
        return w is not None and w.group() in _STARTERS
    return True


def _quote_spans(chunk: str) -> list[tuple[int, int]]:
    """Matched quotations as (open, close) offsets, nested ones merged.

    Unmatched marks are ignored, so a stray quote never swallows a paragraph.
    """
    spans: list[tuple[int, int]] = []
    curly: list[int] = []
    guillemet: list[int] = []
    straight: list[int] = []
    single: list[int] = []
    n = len(chunk)
    for m in _QUOTES.finditer(chunk):
        q, i = m.group(), m.start()
        before = chunk[i - 1] if i else " "
        after = chunk[i + 1] if i + 1 < n else " "
        if q == "“":
            curly.append(i)
        elif q == "”":
            if curly:
                spans.append((curly.pop(), i))
        elif q == "«":
            guillemet.append(i)
        elif q == "»":
            if guillemet:
                spans.append((guillemet.pop(), i))
        elif q == '"':
            if before.isspace() or before in _OPEN_BEFORE:
                straight.append(i)
            elif straight:
                spans.append((straight.pop(), i))
        elif q == "‘":
            if before.isspace() or before in _OPEN_BEFORE:
                single.append(i)
        elif single and not after.isalnum():  # ’ closing, not an apostrophe
            opened = single.pop()
            if i - opened <= QUOTE_REACH:
                spans.append((opened, i))
            else:
                single.clear()
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
