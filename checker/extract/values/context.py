"""The words around a value that alignment compares, and the value's topic."""

from __future__ import annotations

import bisect
import re

from checker.lexicon import Lexicon

WINDOW = 8
# characters each side of a value that can hold its context: far more than
# WINDOW words, so only pathological sentences (a 200 KB run of numbers) are
# cut, and the work per value stays bounded however long the sentence is
REACH = 600
# clause breaks: a value's context does not reach past them
_CLAUSE = re.compile(r"[;:()]|\s[—–-]{1,2}\s|—|,\s+(?:but|while|whereas|although|though)\b")
# a sentence opening with a condition or a time clause ("If …, they will")
_OPENER = re.compile(r"\s*[\"“‘']?(?:if|unless|although|though|because|when|whenever|while|whereas|once|after|before|since)\b(?![-'’])",
                     re.IGNORECASE)
# what follows a value stops at a subordinate clause ("12% as sales slowed")
# words between a counted noun and the state it is counted in ("one person
# reported missing", "14 remain missing", "two feared dead")
_STATUS = frozenset({"reported", "listed", "confirmed", "remain", "remained", "remaining", "still", "feared",
                     "believed", "presumed", "declared", "counted", "recorded", "registered", "left", "classified"})
# (not the "as" of "listed as missing", "counted as dead": one of those words before it)
_RIGHT_CLAUSE = re.compile("".join(rf"(?<!\b{w}\s)" for w in sorted(_STATUS)) + r"\bas\b"
                           r"|\b(?:because|after|before|while|when|although|though|whereas|which|who|whom)\b",
                           re.IGNORECASE)


# an abbreviation in brackets is part of the name before it ("Action
# Alliance (AA)"), not a clause: the brackets become spaces
_ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Z&.]{0,7})\s*\)")


def _unbracket(text: str) -> str:
    return _ABBREVIATION.sub(lambda m: " " + m.group(1) + " ", text)


def _clip_left(text: str) -> str:
    text = _unbracket(text)
    cut = 0
    for m in _CLAUSE.finditer(text):
        cut = m.end()
    return text[cut:]


def _clip_right(text: str) -> str:
    text = _unbracket(text)
    ends = [m.start() for m in (_CLAUSE.search(text), _RIGHT_CLAUSE.search(text)) if m]
    return text[: min(ends)] if ends else text


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace other values in the sentence by spaces (offsets kept)."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


_SPACE = re.compile(r"\s")
_SPACES = re.compile(r"\s{2,}")
_TO_LAST_SPACE = re.compile(r".*\s", re.DOTALL)


def _window(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """(lo, hi): at most REACH characters each side of ``span``, cut at white space."""
    lo = max(0, span[0] - REACH)
    if lo > 0 and not sentence[lo - 1].isspace():
        m = _SPACE.search(sentence, lo, span[0])
        lo = m.end() if m else span[0]
    hi = min(len(sentence), span[1] + REACH)
    if hi < len(sentence) and not sentence[hi].isspace():
        m = _TO_LAST_SPACE.match(sentence, span[1], hi)
        hi = m.end() if m else span[1]
    return lo, hi


def _inside(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted by start, not overlapping) that reach into [lo, hi)."""
    i = bisect.bisect_left(spans, lo, key=lambda s: s[0])
    if i > 0 and spans[i - 1][1] > lo:
        i -= 1
    j = bisect.bisect_left(spans, hi, key=lambda s: s[0])
    return spans[i:j]


def _masked(sentence: str, span: tuple[int, int], others: list[tuple[int, int]]) -> tuple[int, str]:
    """(lo, the window of the sentence around ``span`` from lo, every other value blanked)."""
    lo, hi = _window(sentence, span)
    return lo, _blank(sentence[lo:hi], [(max(s, lo) - lo, min(e, hi) - lo)
                                        for s, e in _inside(others, lo, hi) if (s, e) != span])


def value_context(sentence: str, span: tuple[int, int], others: list[tuple[int, int]],
                  lexicon: Lexicon, kind: str | None = None) -> tuple[str, str | None]:
    """(context words, topic) for the value at ``span`` of ``sentence``.

    Context: up to WINDOW content words each side within the clause, folded
    through the lexicon, with every value masked out (``others``: the value
    spans of the sentence sorted by start, as ``find_values`` gives them).
    Topic: the measure word right before an of-phrase holding the value
    ("the deaths of 14"); for a date or year (``kind``), the head of a phrase
    ending in the date ("a pause on payments through January"); else the
    nearest measure word (see ``_topic``).
    """
    outer = converted(sentence, span, others)
    if outer is not None:  # "£100 million ($127m)": the conversion states what the amount does
        return value_context(sentence, outer, others, lexicon, kind)
    lo, masked = _masked(sentence, span, others)
    a, b = span[0] - lo, span[1] - lo
    # runs of white space (blanked values) read as one space: fewer characters to fold
    left = lexicon.content_words(_clip_left(_SPACES.sub(" ", masked[:a])))[-WINDOW:]
    # "If she had no Vela grant, she will see $8,000 written off": the
    # opening condition is context (a qualifier), never the value's topic
    # (the clause ends at the first comma after its opening word)
    topical = left
    opener = _OPENER.match(sentence) if lo == 0 else None
    comma = masked.find(",", opener.end(), a) if opener else -1
    if comma >= 0:
        topical = lexicon.content_words(_SPACES.sub(" ", masked[comma + 1:a]))
    after = _clip_right(_SPACES.sub(" ", masked[b:]))
    right = lexicon.content_words(after)[:WINDOW]
    # "$3bn deal", not "in 2005, left" nor "two children and the death" ("$5m and $6m fines" is)
    attached = not after[:1] in (",", ".") and not _JOINED.match(masked[b:])
    words = " ".join(left + right)
    # "injuries to two children", "the deaths of 14" (the phrase is short: the last characters suffice)
    of = _OF_BEFORE.search(masked[max(0, a - OF_REACH):a])
    measure = of and next(filter(None, map(lexicon.measure, lexicon.content_words(of.group(1)))), None)
    named = _name_words(masked, lexicon)
    if named:  # "Pell Grant recipients": a word of a name measures nothing
        topical, right = [w for w in topical if w not in named], [w for w in right if w not in named]
        measure = measure if of and not set(lexicon.content_words(of.group(1))) & named else None
    if measure in _MOVES and of.group(2).lower() == "to":  # "the toll rose to 142": the toll's level, not a growth
        topical = [w for w in topical if lexicon.measure(w) not in _MOVES]
    elif measure:
        return words, measure
    head = _HEAD_OF.search(masked[max(0, a - OF_REACH):a]) if kind in ("date", "year") else None
    if head:  # "a pause on student loan payments through January": the pause's date
        near = lexicon.content_words(head.group(2))
        outer = next(filter(None, map(lexicon.measure, lexicon.content_words(head.group(1)))), None)
        if outer and any(lexicon.measure(w) for w in near):
            return words, outer
    # "142 people had died, and more than 900 were treated for injuries": the
    # value's own clause (after ", and") and what follows it come first
    joined = list(_AND_CLAUSE.finditer(masked[:a]))
    if joined:  # (what follows: only a word attached to the figure, "and 12 people in
        # Corvane, where hundreds were injured" is not "injure")
        own = lexicon.content_words(_SPACES.sub(" ", masked[joined[-1].end():a]))
        near = lexicon.content_words(after.split(",", 1)[0])[:2] if attached else []
        found = _topic(own, near, lexicon, attached)
        if found:
            return words, found
    # "lifting spending by 6.8 per cent": a figure after "by" is how much the
    # verb right before it moved its object (one of the three words before
    # "by", in its own clause; not "fell by 5%", "were cut by 5%", nor "grew
    # strongly before being hit by 30% tariffs")
    by = _BY.search(masked[max(0, a - BY_REACH):a]) if kind == "percent" else None
    if by:
        head = masked[:max(0, a - BY_REACH) + by.start()]
        cut = max((m.end() for m in _BY_CUT.finditer(head)), default=0)
        before = lexicon.content_words(_SPACES.sub(" ", head[cut:]))
        moved = next((lexicon.measure(w) for w in reversed(before[-BY_WORDS:]) if lexicon.measure(w) in _MOVES), None)
        if moved:
            return words, moved
    return words, _topic(topical, right, lexicon, attached)


# two or more capitalised words in a row: a name ("Pell Grant", "Tax Court")
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)+\b")
_LONG_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}")


def _name_words(text: str, lexicon: Lexicon) -> frozenset[str]:
    """The measure words of ``text`` that stand only inside a name (a word
    also written in lower case there is the measure it names). Not read in a
    headline, whose every word is capitalised."""
    long = _LONG_WORD.findall(text)
    if len(long) >= 4 and all(w[0].isupper() for w in long):
        return frozenset()
    found = {w for m in _NAME_RUN.finditer(text) for w in lexicon.content_words(m.group()) if lexicon.measure(w)}
    if not found:
        return frozenset()
    lower = {w for t in re.findall(r"\b[a-z][\w-]*", text) for w in lexicon.content_words(t)}
    return frozenset(found - lower)


# a value whose measure word is right before it, joined by of/to/among
OF_REACH = 80  # characters before a value that hold such a phrase
_OF_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)\s+(of|to|among)\s+(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|about\s+|nearly\s+|some\s+)?$",
                        re.IGNORECASE)
# "a pause on student loan payments through": a measure word heading a phrase
# whose last noun is another measure word, right before a date's preposition
_HEAD_OF = re.compile(r"\b([A-Za-z][\w-]*)\s+(?:on|of|over)\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:through|until|till|thru|by|from|in|on)\s*$",
                      re.IGNORECASE)
_AND_CLAUSE = re.compile(r",\s+and\b", re.IGNORECASE)  # ", and": a new clause, or a list's last item
_BY_CUT = re.compile(r"[,;:]|\b(?:before|after|while|when|as|because|which|who|that)\b", re.IGNORECASE)
BY_WORDS = 3   # content words before "by" that may hold the verb of change ("raises school spending by")
BY_REACH = 24  # characters before a percentage that hold "by" and its hedge
_BY = re.compile(r"\bby\s+(?:(?:more|less)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|around\s+)?$", re.IGNORECASE)
_MOVES = frozenset({"growth", "raise"})  # "rose to": the new level of another measure
_JOINED = re.compile(r"\s*(?:and|or|but|as well as)\b(?!\s{3,})", re.IGNORECASE)  # not before a blanked value


_OPEN = re.compile(r"\(\s*$")
_CLOSE = re.compile(r"^\s*\)")


def converted(sentence: str, span: tuple[int, int], others: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of the value that ``span`` converts: the one right before a
    bracket holding nothing but this value ("100m euros (£86.4m)"); else None."""
    before = sentence[max(0, span[0] - 4):span[0]]
    if not _OPEN.search(before) or not _CLOSE.match(sentence[span[1]:span[1] + 4]):
        return None
    opening = sentence.rindex("(", 0, span[0])
    edge = len(sentence[:opening].rstrip())
    i = bisect.bisect_left(others, span[0], key=lambda s: s[0])
    prev = others[i - 1] if i > 0 else None
    return prev if prev is not None and prev[1] == edge and prev != span else None


def _topic(left: list[str], right: list[str], lexicon: Lexicon, attached: bool) -> str | None:
    """The measure word right after the value, else the nearest before it, else after."""
    if attached and right and lexicon.measure(right[0]):
        return lexicon.measure(right[0])
    # "one person reported missing", "14 remain missing", "two feared dead"
    if attached and len(right) > 1 and right[0] in _STATUS and lexicon.measure(right[1]):
        return lexicon.measure(right[1])
    for word in (*reversed(left), *right):
        if lexicon.measure(word):
            return lexicon.measure(word)
    return None


EVENT_WORDS = 6  # content words before a year read for the event it dates
# what cuts a year off from a noun before it: a comma, a clause break or a
# relative word ("Vela, whose workers went on strike, was founded in 1998")
_EVENT_CUT = re.compile(r"[,;:()]|\s[—–-]\s|—|\b(?:who|whom|whose|where|while|because)\b", re.IGNORECASE)
# a comma of a list of years before this one ("strikes in 1998, 2004 and 2011":
# only blanked values, "and" or "or" after it)
_LISTED = re.compile(r",(?=(?:\s|\band\b|\bor\b)*$)")
EVENT_AFTER = 3  # words after a year that may hold its noun ("the 2019 general strike")


def dated_event(sentence: str, span: tuple[int, int], others: list[tuple[int, int]],
                lexicon: Lexicon) -> str | None:
    """The event noun a year dates: the lexicon's event_nouns in the year's
    own phrase, nearest before it ("the first strike on the trams since
    1998" -> strike, "the great quake of 1961" -> quake), else right after it
    ("the 1961 quake"); never a noun past a comma or a relative word, nor
    inside another word ("year-round")."""
    nouns = lexicon.event_words
    if not nouns:
        return None
    lo, masked = _masked(sentence, span, others)
    a, b = span[0] - lo, span[1] - lo
    before = _LISTED.sub(" ", masked[:a])
    cuts = list(_EVENT_CUT.finditer(before))
    before = _HYPHENED.sub(" ", before[cuts[-1].end():] if cuts else before)
    left = lexicon.content_words(before)[-EVENT_WORDS:]
    after = _NEXT_WORDS.match(masked, b)
    right = lexicon.content_words(after.group(1)) if after else []
    return next((w for w in (*reversed(left), *right) if w in nouns), None)


_HYPHENED = re.compile(r"\w+(?:-\w+)+")  # "year-round", "long-running": no event noun
# the words right after a year, up to EVENT_AFTER, before any punctuation ("the 1961 Norvane quake")
_NEXT_WORDS = re.compile(r"((?:[ \t]+[A-Za-z]+\b(?!-)){1,%d})" % EVENT_AFTER)
