"""Name rows: every name of a source as it is spelled, once per spelling.

One ``name`` row per distinct spelling (``checker.extract.frames.spelling.name_key``)
of a person, organisation or place named in the source, at its first
mention: ``value`` the name as written, ``unit`` its kind (person, org,
name), ``subject`` the name the article resolves it to (a lone surname to
the full name it was introduced with, an alias to its canonical name).
Alignment (``checker.align_facts``) groups the spellings of one name across
sources, and within one, for the ``name-spelling`` rule. A lone capitalised
word counts only if the article capitalises it mid-sentence too.
"""

from __future__ import annotations

from checker.extract.frames.docnames import DocNames
from checker.extract.frames.facts import Doc, row
from checker.extract.frames.spelling import letters, name_key


def find(doc: Doc) -> list[dict]:
    trusted = DocNames(doc.sentences, doc.lexicon)
    seen: dict[tuple, dict] = {}
    rows: list[dict] = []
    for k, found in enumerate(doc.mentions):
        text = doc.sentences[k].text
        for m in found:
            if text[m.end:m.end + 1] == "$":  # "US$48": a currency
                continue
            written = " ".join(m.written.split())
            full = doc.full(m)
            if m.ntokens == 1 and full != m.canon:
                continue  # a lone surname of a person named in full: that name's row
            if m.canon != written and m.ntokens == 1 and m.kind == "org" and len(m.canon) == 1:
                continue
            key = name_key(m.canon if m.canon.lower() != written.lower() else written)
            if len(letters(key)) < 2 or (m.ntokens == 1 and not trusted.trusted(m.canon)):
                continue
            if key in seen:
                continue
            r = row(doc, k, m.start, m.end, "name", written, unit=m.kind, subject=full,
                    entities=full, topic=full, context=" ".join(key))
            seen[key] = r
            rows.append(r)
    return rows
