"""List facts: the members a source names for one slot, compared as sets.

A list is two or more names joined by commas and "and" ("A, B and C") that
fills a slot named by one of the lexicon's ``list_nouns``:

* after the noun: "investors A, B and C", "the victims were A and B",
  "investors including A and B", "members such as A and B";
* before it: "the A and B counties";
* "Its investors include A, B and C" (the noun is the subject).

``unit`` is the slot (its singular), ``subject`` the owner named with it
("Acme's investors"), ``value`` the members joined by ``|``; a list after one
of the ``list_cues`` ("including", "such as", "include") names only some
members: ``hedge`` is ``partial`` (and ``approx`` true).
"""

from __future__ import annotations

import re

from checker.extract.frames.facts import Doc, row
from checker.extract.frames.frame import frame
from checker.extract.text.words import STOP_CAP
from checker.lexicon import derived

_MEMBER = r"[A-Z][\w’'&.-]*(?:\s+(?:of|de|van|von|and\s+(?=[A-Z][\w’'-]*\s+(?:Inc|Corp|Co|Ltd)\b))?\s*[A-Z][\w’'&.-]*){0,4}"
_LIST = re.compile(rf"({_MEMBER})((?:\s*,\s*{_MEMBER}){{0,12}})\s*,?\s+(?:and|&)\s+({_MEMBER})")
_SPLIT = re.compile(r"\s*,\s*")


class Vocab:
    def __init__(self, lexicon):
        facts = lexicon.facts
        self.nouns = {n.lower() for n in facts.get("list_nouns", ())}
        self.cues = sorted({c.lower() for c in facts.get("list_cues", ())}, key=len, reverse=True)


def vocab(lexicon) -> Vocab:
    return derived(lexicon, Vocab)


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ses", "xes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _members(m: re.Match) -> list[str]:
    items = [m.group(1), *[x for x in _SPLIT.split(m.group(2)) if x], m.group(3)]
    return [re.sub(r"['’]s$", "", " ".join(x.split())).rstrip(".") for x in items]


def find(doc: Doc) -> list[dict]:
    v = vocab(doc.lexicon)
    rows: list[dict] = []
    for k, sent in enumerate(doc.sentences):
        text = sent.text
        if len(text) > 3000 or (" and " not in text and " & " not in text):
            continue
        quoted = doc.quoted(k)
        for m in _LIST.finditer(text):
            if any(s <= m.start() < e for s, e in quoted):
                continue
            members = _members(m)
            if len(members) < 2 or any(x.split()[0] in STOP_CAP for x in members):
                continue
            before = text[:m.start()]
            after = text[m.end():]
            slot, owner, partial = _slot_before(before, v, doc)
            start = m.start()
            if slot is None:  # "the Minxian and Zhangxian counties"
                nxt = re.match(r"\s+([a-z]+)\b", after)
                if nxt and nxt.group(1) in v.nouns:
                    slot = _singular(nxt.group(1))
            else:
                start = max(0, m.start() - slot[1])
                slot = slot[0]
            if slot is None:
                continue
            end = m.end() - (1 if text[m.end() - 1] == "." else 0)
            verb = frame(text, doc.lexicon, (start, end)).predicate  # what the list's members did or had done
            rows.append(row(doc, k, start, end, "list", "|".join(dict.fromkeys(members)),
                            unit=slot, subject=owner, hedge="partial" if partial else None,
                            approx=partial, predicate=verb if verb not in ("include", "be") else None,
                            topic=f"{slot}s" + (f" of {owner}" if owner else ""),
                            entities="|".join(dict.fromkeys(members))))
    return rows


_LINK_WORDS = ("were", "are", "was", "is", "namely", "include", "includes", "included", "including",
               "such as", "like", "among them", "among whom", "among others", "were named as")


def _slot_before(before: str, v: Vocab, doc: Doc):
    """((slot, chars back to it), owner, partial) for the words before a list."""
    rest = before.rstrip()
    link = []
    while True:
        stripped = rest.rstrip(" ,:—–")
        low = stripped.lower()
        for w in sorted(set(_LINK_WORDS) | set(v.cues), key=len, reverse=True):
            if low.endswith(" " + w) or low == w:
                link.append(w)
                rest = stripped[: len(stripped) - len(w)].rstrip()
                break
        else:
            rest = stripped
            break
    m = re.search(r"(?:([A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*)['’]s\s+)?((?:[A-Za-z]+\s+)?[A-Za-z]+)$", rest)
    if not m:
        return None, None, False
    words = m.group(2).lower().split()
    if " ".join(words) in v.nouns:
        noun, at = " ".join(words), m.start(2)
    elif words[-1] in v.nouns:
        noun, at = words[-1], m.end(2) - len(words[-1])
    else:
        return None, None, False
    partial = any(c in v.cues for c in link)
    owner = doc.lexicon.entity(m.group(1)) if m.group(1) and m.group(1).split()[0] not in STOP_CAP else None
    back = len(before) - (m.start() if owner else at)
    return (_singular(noun), back), owner, partial
