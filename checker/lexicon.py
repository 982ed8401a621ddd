"""The lexicon: synonyms, entity aliases and measure words from rule files.

Extraction and alignment both fold text through it, so "offer" and "bid", or
"Twitter" and "X", compare as the same word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Mapping

_WORD = re.compile(r"[0-9a-z]+(?:'[a-z]+)?")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?\b")


def _groups(raw) -> tuple[tuple[str, ...], ...]:
    """Lists of words, in the order written (the first names the list)."""
    return tuple(tuple(dict.fromkeys(str(w).lower() for w in (g if isinstance(g, list) else [g])))
                 for g in raw or ())


@dataclass(frozen=True)
class Lexicon:
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # groups of measure words that may name the same fact ("bid", "deal")
    measure_groups: tuple[frozenset[str], ...] = ()
    stopwords: frozenset[str] = frozenset()
    # words that tell facts of one measure apart, one list per position in a
    # sequence ("previous"/"original" against "new"/"revised"); two claims
    # qualified from different lists state different facts
    qualifier_groups: tuple[tuple[str, ...], ...] = ()
    # "per share", "a week": the rate a figure is stated per, one list per rate
    per_unit_groups: tuple[tuple[str, ...], ...] = ()
    # counted nouns that say little about what is counted ("people", "others")
    generic_nouns: frozenset[str] = frozenset()
    # statement-fact vocabulary (outcome pairs, roles, place cues, ...): FACT_KEYS
    facts: Mapping[str, tuple] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping) -> "Lexicon":
        def table(key):
            raw = data.get(key) or {}
            return {str(k): tuple(str(v) for v in (vals or ())) for k, vals in raw.items()}

        return cls(
            synonyms=table("synonyms"),
            aliases=table("aliases"),
            measure_groups=tuple(
                frozenset(str(w).lower() for w in (m if isinstance(m, list) else [m]))
                for m in data.get("measures") or ()),
            stopwords=frozenset(str(s).lower() for s in data.get("stopwords") or ()),
            qualifier_groups=_groups(data.get("qualifiers")),
            per_unit_groups=_groups(data.get("per_units")),
            generic_nouns=frozenset(str(s).lower() for s in data.get("generic_nouns") or ()),
            facts=fact_data(data),
        )

    def merged(self, other: "Lexicon") -> "Lexicon":
        """``other`` extends this lexicon (lists are joined, keys added)."""

        def join(a, b):
            out = {k: tuple(v) for k, v in a.items()}
            for k, v in b.items():
                out[k] = tuple(dict.fromkeys(out.get(k, ()) + tuple(v)))
            return out

        return Lexicon(
            synonyms=join(self.synonyms, other.synonyms),
            aliases=join(self.aliases, other.aliases),
            measure_groups=self.measure_groups + other.measure_groups,
            stopwords=self.stopwords | other.stopwords,
            qualifier_groups=self.qualifier_groups + other.qualifier_groups,
            per_unit_groups=self.per_unit_groups + other.per_unit_groups,
            generic_nouns=self.generic_nouns | other.generic_nouns,
            facts=join(self.facts, other.facts),
        )

    @cached_property
    def measures(self) -> frozenset[str]:
        """Every measure word."""
        return frozenset().union(*self.measure_groups)

    @cached_property
    def event_words(self) -> frozenset[str]:
        """The event_nouns as context words ("earthquakes" -> "earthquake")."""
        return frozenset(w for n in self.facts.get("event_nouns", ()) for w in self.content_words(n))

    @cached_property
    def measure_names(self) -> dict[str, str]:
        """Measure word -> how a report names it ("kill" -> "deaths"; rules/lexicon.yaml)."""
        return {k: v[0] for k, v in self.facts.get("measure_names", ()) if v}

    @cached_property
    def measure_ids(self) -> dict[str, frozenset[int]]:
        """Measure word -> the groups it belongs to (two words are compatible if they share one)."""
        out: dict[str, set[int]] = {}
        for n, group in enumerate(self.measure_groups):
            for word in group:
                out.setdefault(word, set()).add(n)
        return {w: frozenset(ids) for w, ids in out.items()}

    def measure(self, word: str) -> str | None:
        """``word`` as a measure word (a plural -s folded), or None."""
        if word in self.measures:
            return word
        if word.endswith("s") and word[:-1] in self.measures:
            return word[:-1]
        return None

    @cached_property
    def _phrase_map(self) -> dict[str, str]:
        """Lower-cased variant phrase -> canonical token (spaces to ``_``)."""
        out: dict[str, str] = {}
        for canon, variants in self.synonyms.items():
            token = canon.lower().replace(" ", "_")
            for v in (canon, *variants):
                out.setdefault(v.lower(), token)
        for canon, variants in self.aliases.items():
            token = canon.lower().replace(" ", "_")
            for v in (canon, *variants):
                out[v.lower()] = token
        return out

    @cached_property
    def _phrase_re(self) -> re.Pattern | None:
        phrases = sorted(self._phrase_map, key=len, reverse=True)
        if not phrases:
            return None
        alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
        return re.compile(rf"(?<![\w$€£¥])(?:{alt})(?:e?s)?(?![\w])", re.IGNORECASE)

    def canonical(self, phrase: str) -> str | None:
        """Canonical token for a phrase, or None when the lexicon lacks it."""
        key = re.sub(r"\s+", " ", phrase.strip().lower())
        if key in self._phrase_map:
            return self._phrase_map[key]
        for suffix in ("es", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in self._phrase_map:
                return self._phrase_map[key[: -len(suffix)]]
        return None

    def entity(self, name: str) -> str:
        """An entity's canonical name (alias lists), else the name as written."""
        key = re.sub(r"\s+", " ", name.strip()).lower()
        for canon, variants in self.aliases.items():
            if key == canon.lower() or key in (v.lower() for v in variants):
                return canon
        return re.sub(r"\s+", " ", name.strip())

    def fold(self, text: str) -> list[str]:
        """Lower-cased words with synonyms and aliases folded to one token each."""
        text = text.lower()
        if self._phrase_re is not None:
            text = self._phrase_re.sub(lambda m: " " + self._fold_match(m.group(0)) + " ", text)
        return _WORD.findall(_POSSESSIVE.sub("", text).replace("’", "'"))

    def _fold_match(self, found: str) -> str:
        return self.canonical(found) or found

    def content_words(self, text: str) -> list[str]:
        """Folded words without stop words, plurals made singular: what alignment compares."""
        return [_singular(w) for w in self.fold(text) if w not in self.stopwords]


# statement-fact vocabulary: key -> "map" (name -> words), "list" (words) or
# "groups" (lists of words); see rules/lexicon.yaml
FACT_KEYS = {"outcomes": "map", "outcome_patient": "list", "outcome_intransitive": "list", "negations": "list", "hypothetical": "list", "roles": "list", "unique_roles": "list",
             "role_qualifiers": "list", "increments": "list", "potentials": "list", "deadlines": "list", "institution_heads": "list", "role_conflicts": "groups", "places": "map",
             "regions": "list", "place_nouns": "list", "compass": "map", "list_cues": "list", "list_nouns": "list", "people_nouns": "list",
             "thing_nouns": "list", "event_nouns": "list", "unit_prices": "list", "name_heads": "list", "measure_names": "map", "qualified_nouns": "list", "earnings": "list", "joint_earners": "list",
             "sourcing": "list"}


def fact_data(data: Mapping) -> dict[str, tuple]:
    """The FACT_KEYS sections as tuples: a map's entries as (name, (words...)) pairs."""
    out: dict[str, tuple] = {}
    for key, shape in FACT_KEYS.items():
        raw = data.get(key)
        if not raw:
            continue
        if shape == "map":
            out[key] = tuple((str(k), tuple(str(w) for w in (v or ()))) for k, v in raw.items())
        elif shape == "groups":
            out[key] = tuple(tuple(str(w) for w in (g if isinstance(g, list) else [g])) for g in raw)
        else:
            out[key] = tuple(str(w) for w in raw)
    return out


def _singular(word: str) -> str:
    """A plain English plural made singular ("kettles" -> "kettle"); other words as they are."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def load_lexicon(datas: Iterable[Mapping]) -> Lexicon:
    lex = Lexicon()
    for data in datas:
        lex = lex.merged(Lexicon.from_data(data))
    return lex


_DERIVED: dict[tuple[int, object], tuple] = {}


def derived(lexicon: "Lexicon", build):
    """``build(lexicon)``, computed once per lexicon (a vocabulary indexed from it)."""
    key = (id(lexicon), build)
    hit = _DERIVED.get(key)
    if hit is None or hit[0] is not lexicon:
        if len(_DERIVED) > 32:
            _DERIVED.clear()
        hit = _DERIVED[key] = (lexicon, build(lexicon))
    return hit[1]
