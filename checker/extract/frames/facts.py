"""Statement facts of one source: outcomes, roles, holders, places, lists, names.

``statement_facts(source, sentences, lexicon)`` returns statement-table rows
(see docs/statement-table.md) built by :mod:`outcomes`, :mod:`entities`,
:mod:`lists` and :mod:`spellings` of this package. :class:`Doc` is what they
share: the names of every sentence, and who a lone surname or a pronoun
stands for in the article.
"""

from __future__ import annotations

import bisect
import re

from checker.extract.frames.names import Mention, find_mentions
from checker.lexicon import Lexicon
from checker.records import Source
from checker.sources import line_number

FACT_KINDS = ("outcome", "role", "holder", "place", "list", "name")
LOOK_BACK = 3  # sentences a pronoun may reach back
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


class Doc:
    """One source's sentences with their names."""

    def __init__(self, source: Source, sentences, lexicon: Lexicon):
        self.source = source
        self.sentences = sentences
        self.lexicon = lexicon
        self.mentions: list[list[Mention]] = [find_mentions(s.text, lexicon) for s in sentences]
        self.by_part: dict[str, set[str]] = {}
        self.people: list[tuple[int, int, str]] = []  # (sentence, offset, full name)
        self.orgs: list[tuple[int, int, str]] = []
        for k, found in enumerate(self.mentions):
            for m in found:
                if m.kind == "person" and m.ntokens >= 2:  # a surname stands for the full name
                    self.by_part.setdefault(m.canon.split()[-1], set()).add(m.canon)
        for k, found in enumerate(self.mentions):
            for m in found:
                name = self.full(m)
                if m.kind == "org":
                    self.orgs.append((k, m.start, m.canon))
                elif name and not m.possessive and (" " in name or name in self.by_part):
                    self.people.append((k, m.start, name))  # (a surname two people share stays a surname)
        self._keys = [(k, s) for k, s, _ in self.people]
        self.names = None  # DocNames, when the caller has it

    def full(self, m: Mention) -> str:
        """A mention's full name: a lone surname or first name introduced in full goes to it."""
        if m.ntokens >= 2 or m.kind == "org":
            return m.canon
        names = self.by_part.get(m.canon)
        return next(iter(names)) if names and len(names) == 1 else m.canon

    def resolve(self, name: str | None) -> str | None:
        if not name:
            return name
        names = self.by_part.get(name)
        return next(iter(names)) if names and len(names) == 1 and " " not in name else name

    def person_before(self, k: int, offset: int) -> str | None:
        """The last person named before (sentence k, offset), within LOOK_BACK sentences."""
        i = bisect.bisect_left(self._keys, (k, offset))
        if i and self.people[i - 1][0] >= k - LOOK_BACK:
            return self.people[i - 1][2]
        return None

    def quoted(self, k: int) -> list[tuple[int, int]]:
        """Spans of quoted words in sentence k (facts inside quotes are the speaker's)."""
        return [m.span() for m in _QUOTED.finditer(self.sentences[k].text)]


def row(doc: Doc, k: int, start: int, end: int, kind: str, value, **fields) -> dict:
    """A statement-table row for sentence ``k``; start/end are offsets in the sentence."""
    sent = doc.sentences[k]
    a, b = sent.start + start, sent.start + end
    out = {
        "source": doc.source.id, "raw": doc.source.text[a:b],
        "sentence": " ".join(sent.text.split()), "sentence_index": sent.index,
        "line": line_number(doc.source, a), "start": a, "end": b,
        "kind": kind, "value": value, "value_hi": None, "unit": None, "approx": False,
        "hedge": None, "precision": None, "resolved": True, "subject": None, "predicate": None,
        "object": None, "negated": False, "speaker": None, "entities": "", "topic": None,
        "context": "",
    }
    out.update(fields)
    return out


def statement_facts(source: Source, sentences, lexicon: Lexicon, doc_names=None) -> list[dict]:
    """Every statement-fact row of one source, in reading order (``doc_names``:
    the article's :class:`DocNames`, if already built)."""
    from checker.extract.frames import entities, lists, outcomes, spellings
    if not sentences:
        return []
    doc = Doc(source, sentences, lexicon)
    doc.names = doc_names
    rows: list[dict] = []
    for finder in (outcomes.find, entities.find, lists.find, spellings.find):
        try:
            rows += finder(doc)
        except Exception:  # pragma: no cover - never crash extraction on odd text
            continue
    return once_per_source(rows)


def _identity(r: dict) -> tuple | None:
    """What a fact row states, for keeping one row per fact and source."""
    kind = r["kind"]
    if kind == "outcome":
        return (kind, r["unit"], r["subject"], r["object"], r["context"], r["value_hi"])
    if kind in ("role", "holder", "place"):
        return (kind, r["unit"], r["subject"])
    if kind == "list":
        return (kind, r["unit"], r["subject"], r["predicate"])
    return None


def once_per_source(rows: list[dict]) -> list[dict]:
    """One row per fact: the first, or for a role the most exact one
    ("U.S. District Judge" over a later "Judge")."""
    best: dict[tuple, int] = {}
    keep = [True] * len(rows)
    for n, r in enumerate(rows):
        key = _identity(r)
        if key is None:
            continue
        if key not in best:
            best[key] = n
            continue
        old = best[key]
        if r["kind"] in ("role", "holder") and len(str(r["context"]).split()) > len(str(rows[old]["context"]).split()):
            keep[old], best[key] = False, n
        else:
            keep[n] = False
    return [r for r, k in zip(rows, keep) if k]
