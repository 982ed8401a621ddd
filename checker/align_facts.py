"""Statement facts grouped by what they state, never by their values.

A fact's identity, by kind (columns of the statement table):

* ``outcome``: the outcome family (``unit``), who (``subject``), to what
  (``object``) and the time anchor (``context``) -- "the board / approve /
  the merger" meets "the board / reject / the merger";
* ``role``: the person (``subject``) and the role's head (``unit``):
  "Jane Doe / minister" meets "Jane Doe / minister" whatever the portfolio;
* ``holder``: the organisation and the role ("Acme's chief executive"); a
  holder group holding the same mentions as a role group says nothing new
  and is dropped;
* ``place``: the located thing and the relation ("Acme / based");
* ``list``: the slot, its owner and the verb ("Acme's investors");
* ``name``: the spellings of one name (checker.extract.frames.spelling): a
  group holds every row of one name spelled two or more ways, in several
  sources or in one; a name spelled one way everywhere makes no group.

Names compare by their words (case, accents, initials, aliases folded); a
lone surname stands for the full name it matches, a spelling variant for
the name it varies. A group holds at most one claim per source (names
aside). Quote groups whose named speakers are different people get a copy
of their quotes as ``attribution`` claims, decided by the
``quote-attribution`` rule.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from checker.extract.frames.facts import FACT_KINDS
from checker.extract.frames.spelling import close_words, letters, name_key, variant
from checker.lexicon import Lexicon

__all__ = ["FACT_KINDS", "group_facts", "join_facts", "same_name", "same_np"]

LEGAL_FORMS = frozenset("inc corp corporation co company ltd limited llc plc".split())


# --------------------------------------------------------------------- names

def same_name(a: str | None, b: str | None, person: bool = True) -> bool:
    """One entity named two ways: the same words, a surname for the full
    name, or a spelling variant."""
    if not a or not b:
        return False
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    if len(short) == 1 and len(long_) >= 2 and short[0] in (long_[-1], long_[0]):
        return True  # "Doe" / "Jane Doe"
    if not person and len(short) < len(long_) and long_[:len(short)] == short:
        return True  # "Acme" / "Acme Holdings"
    return variant(ka, kb, "person" if person else "org", LEGAL_FORMS) is not None


def _split_np(value: str | None) -> tuple[str | None, str | None]:
    """"Acme's board" -> ("Acme", "board"); a name or a noun alone."""
    if not value:
        return None, None
    if "'s " in value:
        owner, head = value.rsplit("'s ", 1)
        return owner, head.lower()
    return (value, None) if value[:1].isupper() else (None, value.lower())


def same_np(a: str | None, b: str | None) -> bool:
    """Two noun phrases naming one thing: the same head, and owners that are one
    entity (or one side names none: "the bid" / "Roe's bid")."""
    if a is None or b is None:
        return a is None and b is None
    oa, ha = _split_np(a)
    ob, hb = _split_np(b)
    if ha != hb:
        return False
    if oa is None or ob is None:
        return ha is not None or (oa is None and ob is None)
    return same_name(oa, ob, person=True) or same_name(oa, ob, person=False)


# --------------------------------------------------------------- identities

def _same(kind: str, r: dict, g: dict) -> bool:
    """Does row ``r`` state the fact of group representative ``g``?"""
    if kind == "outcome":
        return (r["unit"] == g["unit"] and (r["context"] or "") == (g["context"] or "")
                and same_np(r["subject"], g["subject"]) and same_np(r["object"], g["object"]))
    if kind == "role":
        return r["unit"] == g["unit"] and same_name(r["subject"], g["subject"])
    if kind == "holder":
        return r["unit"] == g["unit"] and _same_holder(r, g)
    if kind == "place":
        return r["unit"] == g["unit"] and (same_name(r["subject"], g["subject"], person=False))
    if kind == "list":
        return (r["unit"] == g["unit"] and (r["predicate"] or None) == (g["predicate"] or None)
                and ((r["subject"] is None and g["subject"] is None)
                     or same_name(r["subject"], g["subject"], person=False)))
    return False


def _same_holder(r: dict, g: dict) -> bool:
    # "Acme's acting chairman": the organisation and the qualified role
    orga, ra = str(r["subject"]).rsplit("'s ", 1) if "'s " in str(r["subject"]) else (None, r["subject"])
    orgb, rb = str(g["subject"]).rsplit("'s ", 1) if "'s " in str(g["subject"]) else (None, g["subject"])
    return ra == rb and orga is not None and orgb is not None and same_name(orga, orgb, person=False)


def _block(kind: str, r: dict) -> tuple:
    """A coarse key: rows of different blocks never state one fact."""
    if kind in ("role", "holder", "place"):
        return (r["unit"],)
    return (r["unit"], _split_np(r["subject"])[1] if kind == "outcome" else None)


def _greedy(kind: str, rows: list[dict], unrelated=None) -> list[list[dict]]:
    """Rows joined, in reading order, to the first group stating their fact
    that has no row of their source yet (and only articles about one story)."""
    groups: list[list[dict]] = []
    members: list[set] = []
    by_block: dict[tuple, list[int]] = defaultdict(list)
    none: frozenset = frozenset()
    for r in rows:
        block = by_block[_block(kind, r)]
        src = r["source"]
        apart = unrelated.get(src, none) if unrelated else none
        for gi in block:
            if src not in members[gi] and apart.isdisjoint(members[gi]) and _same(kind, r, groups[gi][0]):
                groups[gi].append(r)
                members[gi].add(src)
                break
        else:
            block.append(len(groups))
            groups.append([r])
            members.append({src})
    return groups


# --------------------------------------------------------------- spellings

def _content_words(key: tuple[str, ...]) -> list[str]:
    return sorted(w for w in key if w not in ("of", "the", "and", "for"))


def _spelling_groups(rows: list[dict], unrelated=None) -> list[list[dict]]:
    """Rows of one name spelled two or more ways (see module doc)."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        by_key[tuple(str(r["context"]).split())].append(r)
    keys = list(by_key)
    if len(keys) < 2:
        return []
    sources = {k: {r["source"] for r in by_key[k]} for k in keys}
    person = {k: any(r["unit"] == "person" for r in by_key[k]) for k in keys}
    surnames = {k[-1] for k in keys if person[k] and len(k) >= 2}
    flat = [letters(k) for k in keys]
    # candidates: a few edits apart, or the same words in another order
    dist = process.cdist(flat, flat, scorer=Levenshtein.distance, score_cutoff=3,
                         dtype=np.int32, workers=1)
    cand = set(zip(*np.nonzero(dist <= 3)))
    by_words: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_words[tuple(_content_words(k))].append(i)
        if len(k) >= 2 and k[-1] in LEGAL_FORMS:  # "Acme Inc" / "Acme Corp"
            by_words[("\x00legal", *k[:-1])].append(i)
    for same in by_words.values():
        cand.update((i, j) for i in same for j in same)
    pairs = defaultdict(set)
    for i, j in cand:
        if i >= j:
            continue
        a, b = keys[i], keys[j]
        why = variant(a, b, "person" if person[a] or person[b] else "name", LEGAL_FORMS)
        if why and len(a) == 1 and len(b) == 1:
            # a lone word: the rare spelling of one source against one most sources use
            few, many = sorted((a, b), key=lambda k: len(sources[k]))
            if not (len(sources[few]) == 1 and len(sources[many]) >= 2) or few in surnames:
                why = None
        if why and unrelated and all(sources[b] <= unrelated.get(s, frozenset()) for s in sources[a]):
            why = None  # articles about other stories
        if why:
            pairs[a].add(b)
            pairs[b].add(a)
    # a lone name close to the surname of a full name in the same source ("Hallum" / "Ruth Hallam")
    for k in keys:
        if len(k) != 1 or k[0] in surnames:
            continue
        for other in keys:
            if len(other) >= 2 and person[other] and sources[k] & sources[other] \
                    and close_words(k[0], other[-1], in_name=False) and len(k[0]) >= 5 \
                    and k[0][-1] == other[-1][-1]:
                pairs[k].add(other)
                pairs[other].add(k)
    # stars, not chains: each spelling joins the most used spelling it varies
    order = sorted(keys, key=lambda k: (-len(sources[k]), -len(by_key[k]), k))
    main: dict[tuple, tuple] = {}
    for k in order:
        if k in main:
            continue
        main[k] = k
        for other in pairs.get(k, ()):
            if other not in main:
                main[other] = k
    clusters: dict[tuple, list[tuple]] = defaultdict(list)
    for k, m in main.items():
        clusters[m].append(k)
    out = []
    for m, members in clusters.items():
        if len(members) > 1:  # the usual spelling once per source; every mention of the others
            first: dict[str, dict] = {}
            for r in by_key[m]:
                first.setdefault(r["source"], r)
            out.append(list(first.values())
                       + [r for k in sorted(members, key=order.index) if k != m for r in by_key[k]])
    return out


# --------------------------------------------------------------- attribution

def _speaker_kind(name: str) -> str:
    from checker.extract.frames.names import _kind
    words = name.split()
    return _kind(words, False) if len(words) >= 2 else "name"


def _opening(words: str, n: int = 8) -> str:
    parts = words.split()
    return " ".join(parts[:n]) + ("…" if len(parts) > n else "")


MIN_QUOTE_WORDS = 6  # a shorter phrase is echoed by many speakers ("peace and finality")


def _credited(r: dict) -> bool:
    """A quote credited, in its own sentence, to a named person."""
    speaker, value = r["speaker"], str(r["value"])
    if not isinstance(speaker, str) or "(unnamed)" in speaker or _speaker_kind(speaker) != "person":
        return False
    if len(value.split()) < MIN_QUOTE_WORDS:
        return False
    outside = str(r["sentence"]).replace(" ".join(value.split()), " ")
    return speaker.split()[-1] in outside


def attribution_rows(claims: pd.DataFrame) -> list[list[dict]]:
    """Quote groups whose named speakers are different people, as attribution groups."""
    quotes = claims[(claims["kind"] == "quote") & claims["speaker"].notna()]
    out = []
    for _, rows in quotes.groupby("group"):
        if rows["source"].nunique() < 2:
            continue
        named = [r for r in rows.to_dict("records") if _credited(r)]
        if len({r["source"] for r in named}) < 2:
            continue
        first = named[0]["speaker"]
        if all(same_name(r["speaker"], first) for r in named):
            continue  # one speaker: the quote-wording finding says all there is
        topic = f"speaker of “{_opening(str(named[0]['value']))}”"
        out.append([r | {"kind": "attribution", "value": r["speaker"], "unit": "speaker", "topic": topic}
                    for r in named])
    return out


# --------------------------------------------------------------- entry points

class FactGroups(list):
    """Groups of row dicts (each with its table index as ``_index``) and the
    table rows they come from (``frame``)."""

    frame: pd.DataFrame | None = None


_COLUMNS = ("source", "kind", "start", "end", "line", "value", "value_hi", "unit", "subject",
            "object", "context", "predicate", "hedge", "topic")


def group_facts(table: pd.DataFrame, kinds, lexicon: Lexicon | None = None) -> FactGroups:
    """The statement-fact rows of ``kinds`` in ``table``, grouped by what they state."""
    wanted = [k for k in FACT_KINDS if k in kinds]
    out = FactGroups()
    if not wanted or table.empty:
        return out
    part = table[table["kind"].isin(wanted)]
    if part.empty:
        return out
    out.frame = part
    columns = {c: part[c].tolist() for c in _COLUMNS}
    text = {"subject", "object", "unit", "context", "predicate", "hedge", "value", "topic"}
    for c in text:  # NaN from the table is "not stated"
        columns[c] = [v if isinstance(v, str) else None for v in columns[c]]
    records = [dict(zip(_COLUMNS, vals), _index=idx)
               for vals, idx in zip(zip(*columns.values()), part.index)]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_kind[r["kind"]].append(r)
    unrelated = _unrelated(table, lexicon)
    groups: list[list[dict]] = []
    roles: set[frozenset] = set()
    for kind in ("outcome", "role", "place", "list", "holder"):
        for g in _greedy(kind, by_kind.get(kind, []), unrelated):
            mentions = frozenset((r["source"], r["start"], r["end"]) for r in g)
            if kind == "role":
                roles.add(mentions)
            if kind == "holder" and (len(g) < 2 or mentions in roles):
                continue  # the role group already states it
            groups.append(g)
    groups += _spelling_groups(by_kind.get("name", []), unrelated)
    out.extend(groups)
    return out


def _unrelated(table: pd.DataFrame, lexicon) -> dict[str, frozenset]:
    """Source -> the sources it names nothing in common with (align never pairs those)."""
    from checker.align import related_sources
    if table["source"].nunique() < 2:
        return {}
    matrix = related_sources(table, lexicon)
    names = list(matrix.index)
    values = matrix.to_numpy()
    return {names[i]: frozenset(names[j] for j in np.nonzero(~values[i])[0])
            for i in range(len(names)) if not values[i].all()}


def join_facts(claims: pd.DataFrame, facts: list[list[dict]], next_id: int,
               kinds=()) -> pd.DataFrame:
    """``claims`` (grouped by align) with the fact groups and the attribution
    groups appended, numbered from ``next_id``."""
    parts = []
    if facts and getattr(facts, "frame", None) is not None:
        index = [r["_index"] for g in facts for r in g]
        numbers = [next_id + n for n, g in enumerate(facts) for _ in g]
        parts.append(facts.frame.loc[index].assign(group=numbers))
        next_id += len(facts)
    credits = attribution_rows(claims) if "attribution" in kinds and len(claims) else []
    if credits:
        fresh = (int(claims.index.max()) + 1) + 10 ** 9  # copies of quotes: indexes of their own
        rows = [r | {"group": next_id + n} for n, g in enumerate(credits) for r in g]
        parts.append(pd.DataFrame(rows, index=range(fresh, fresh + len(rows))))
    if not parts:
        return claims
    extra = pd.concat(parts).reindex(columns=claims.columns)
    if "group" in extra:
        extra["group"] = extra["group"].astype(int)
    return pd.concat([claims, extra]) if len(claims) else extra


_WHY = {
    "outcome": "state an outcome of one family ({unit}) for the same subject and object",
    "role": "give a role of one kind ({unit}) to the same person",
    "holder": "name who holds one role of one organisation",
    "place": "say where the same thing is ({unit})",
    "list": "list the members of the same slot ({unit})",
    "name": "spell what looks like one name, with the same other name parts, an edit or two apart, or in another order",
    "attribution": "quote the same words",
}


def why_fact(rows: pd.DataFrame) -> dict:
    """Why statement-fact claims were grouped: the identity they share."""
    first = rows.iloc[0]
    kind = first["kind"]
    out: dict = {"identity": {k: first[k] for k in ("subject", "unit", "object", "context")
                              if isinstance(first.get(k), str) and first[k]}}
    speakers = sorted({s for s in rows.get("speaker", ()) if isinstance(s, str) and s})
    if speakers:
        out["speakers"] = speakers
    out["text"] = _WHY.get(kind, "state the same fact").format(unit=first.get("unit") or "")
    if kind == "outcome":
        out["text"] += f" ({first['topic']})"
    elif kind in ("role", "holder", "place", "list"):
        out["text"] += f" ({first['topic']})"
    return out
