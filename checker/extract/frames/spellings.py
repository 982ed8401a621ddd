"""Name rows: every name of a source as it is spelled, once per spelling.

One ``name`` row per distinct spelling (``checker.extract.frames.spelling.name_key``)
of a person, organisation or place named in each sentence of the source: ``value`` the name as written, ``unit`` its kind (person, org,
name), ``subject`` the name the article resolves it to (a lone surname to
the full name it was introduced with, an alias to its canonical name).
Alignment (``checker.align_facts``) groups the spellings of one name across
sources, and within one, for the ``name-spelling`` rule. A lone capitalised
word counts only if the article capitalises it mid-sentence too; a
capitalised word the name finder leaves out mid-sentence right before an
organisation's name is part of it ("Workers' Democratic Union").
"""

from __future__ import annotations

import re

from checker.extract.frames.docnames import DocNames
from checker.extract.frames.facts import Doc, row
from checker.extract.frames.names import _initial_position
from checker.extract.frames.spelling import letters, name_key
from checker.extract.text.words import STOP_CAP

_BEFORE = re.compile(r"([A-Z][a-z]+(?:['’]s)?) $")


def _widen(text: str, m, lexicon) -> tuple[int, str]:
    """(start, written) of an organisation's name with a capitalised word the
    name finder dropped before it ("Workers" of "Workers' Democratic Union")."""
    written = " ".join(m.written.split())
    if m.kind != "org" or m.ntokens < 2:
        return m.start, written
    found = _BEFORE.search(text[max(0, m.start - 30):m.start])
    if not found:
        return m.start, written
    word = found.group(1)
    core = re.sub(r"['’]s$", "", word)
    start = m.start - len(found.group(0))
    if core in STOP_CAP and len(core) >= 5 and core.lower() not in lexicon.stopwords \
            and not _initial_position(text, start):
        return start, f"{word} {written}"
    return m.start, written


def _head_last(key: tuple[str, ...], lexicon) -> tuple[str, ...]:
    """"Department of Fisheries" is spelled as "Fisheries Department": a head of the
    lexicon's ``institution_heads`` before "of" goes last."""
    heads = lexicon.facts.get("institution_heads", ())
    for k in range(len(key) - 2):  # "vantor department of fisheries" too
        if key[k] in heads and key[k + 1] == "of":
            return (*key[:k], *key[k + 2:], key[k])
    return key


def find(doc: Doc) -> list[dict]:
    trusted = doc.names or DocNames(doc.sentences, doc.lexicon)
    keys: dict[str, tuple] = {}  # written -> spelling key (names repeat)
    # a lone surname of a person named in full is that person's name, not a spelling of its own
    surnames = {m.canon.split()[-1] for found in doc.mentions for m in found
                if m.kind == "person" and m.ntokens >= 2}
    seen: dict[tuple, dict] = {}
    rows: list[dict] = []
    for k, found in enumerate(doc.mentions):
        text = doc.sentences[k].text
        for m in found:
            if text[m.end:m.end + 1] == "$":  # "US$48": a currency
                continue
            start, written = _widen(text, m, doc.lexicon)
            full = doc.full(m) if start == m.start else written
            if m.ntokens == 1 and written in surnames:
                continue
            if m.canon != written and m.ntokens == 1 and m.kind == "org" and len(m.canon) == 1:
                continue
            key = keys.get(written)
            if key is None:  # an alias spells its canonical name (Twitter: X)
                key = keys[written] = _head_last(name_key(doc.lexicon.entity(written)), doc.lexicon)
            if len(letters(key)) < 2 or (m.ntokens == 1 and not trusted.trusted(m.canon)):
                continue
            if (key, k) in seen:
                continue
            r = row(doc, k, start, m.end, "name", written, unit=m.kind, subject=full,
                    entities=full, topic=full, context=" ".join(key))
            seen[(key, k)] = r
            rows.append(r)
    return rows
