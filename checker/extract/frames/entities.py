"""Entity-valued facts: the role a person holds, who holds a role, where a
thing is, what a thing is called.

Roles (``role`` rows, one per role a phrase gives; ``holder`` rows when an
organisation is named) come from the forms newspapers use:

* a title before a name: "Acme chief executive Jane Doe", "U.S. District
  Judge Rita Mendes", "Foreign Minister Kofi Mensah", "the agency's acting
  chairman Tom Reyes";
* an appositive after a name: "Jane Doe, the chief executive of Acme,",
  "Jane Doe, Acme's chief executive,", "Jane Doe, president and CEO of Acme";
* an appositive before it: "Acme's chief executive, Jane Doe,", "the council
  chairman, Prof. Ama Boateng,".

The role words are the lexicon's ``roles``; a role is its head (``unit``,
folded through the synonyms: CEO = chief executive), its qualifiers
("acting", "former": ``role_qualifiers``) and modifiers ("finance",
"district"), written to ``context`` as ``q:acting m:finance@0`` (``@n``: the
``role_conflicts`` group the modifier belongs to) for the comparator.

Places (``place`` rows; ``unit`` the relation): "Acme, based in Lisbon,",
"the Lisbon-based Acme", "Acme, headquartered in Lisbon", "Harbour Hospital
in Lisbon" (a named facility), "a flight from Lisbon to Porto" (origin,
destination: the lexicon's ``places`` cues).
"""

from __future__ import annotations

import re

from checker.extract.frames.facts import Doc, row
from checker.extract.text.lemma import FORM_TO_BASE
from checker.extract.text.words import (
    DETERMINERS, ORG, PARTICLES, PREPOSITIONS, SPEECH, STOP_CAP, TITLES,
)
from checker.lexicon import Lexicon, derived

_TOK = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*\.?|[^\w\s]")
_NAME_WORD = re.compile(r"(?:[A-Z][a-z]*['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)*$|[A-Z]\.?$")
_ORG_NOUNS = frozenset("""company firm group club team party regulator agency authority board
bank government ministry department council commission committee court league federation
union university school hospital network broadcaster retailer maker lender carrier airline
operator insurer newspaper magazine lab laboratory institute foundation charity""".split())
_GENERIC_ORGS = frozenset("company firm group business organisation organization".split())
_HONORIFICS = frozenset("mr mrs ms miss dr prof professor sir dame lord lady rev hon sen rep gov gen".split())
_FACILITY = frozenset("""Laboratory Lab Court Courthouse Hospital University College Airport Station
Center Centre Stadium Arena Prison Jail Museum Plant Factory Mine Port Harbour Harbor Base
Facility Institute School Hotel Park Bridge Church Mosque Temple Cathedral""".split())
_PLACE_TOPIC = {"based": "where {} is based", "in": "where {} is", "origin": "where {} came from",
                "destination": "where {} was going"}
_VEHICLES = frozenset("flight train ship vessel ferry bus plane aircraft jet boat tanker".split())


class Tok:
    __slots__ = ("start", "end", "text", "low")

    def __init__(self, m: re.Match):
        self.start, self.end = m.span()
        self.text = m.group()
        low = self.text.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        self.low = low.rstrip(".") if len(low) > 1 else low


class Vocab:
    """The lexicon's role words, as token sequences."""

    def __init__(self, lexicon: Lexicon):
        facts = lexicon.facts
        self.lexicon = lexicon
        self.roles = sorted({tuple(r.lower().split()) for r in facts.get("roles", ())},
                            key=len, reverse=True)
        self.role_set = set(self.roles)
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for role in self.roles:  # longest first
            self.by_first.setdefault(role[0], []).append(role)
        self.unique = {r.lower() for r in facts.get("unique_roles", ())}
        self.qualifiers = {q.lower() for q in facts.get("role_qualifiers", ())}
        self.conflict: dict[str, int] = {}
        for n, group in enumerate(facts.get("role_conflicts", ())):
            for word in group:
                self.conflict.setdefault(word.lower(), n)
        self.modifiers = self.qualifiers | set(self.conflict) | {"prime", "general", "chief"}
        self.places = [(rel, tuple(c.lower() for c in cues)) for rel, cues in facts.get("places", ())]
        self.cue_first = {c.split()[0] for _, cues in self.places for c in cues if not c.startswith("-")}
        self.regions = {r.lower() for r in facts.get("regions", ())}
        self.compass = {w.lower(): d for d, words in facts.get("compass", ()) for w in (d, *words)}
        countries = sorted({r for r in facts.get("regions", ()) if r[:1].isupper() and len(r) > 4},
                           key=len, reverse=True)
        words = sorted(self.compass, key=len, reverse=True)
        self.part_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")\s+("
                                  + "|".join(re.escape(c) for c in countries) + r")(?![\w])",
                                  re.IGNORECASE) if words and countries else None

    def head(self, words: tuple[str, ...]) -> str:
        """A role's head, folded to its equivalent role (CEO -> chief executive)."""
        canon = (self.lexicon.canonical(" ".join(words)) or "").replace("_", " ")
        return canon if tuple(canon.split()) in self.role_set else " ".join(words)


def vocab(lexicon) -> Vocab:
    return derived(lexicon, Vocab)


def _is_name_word(t: Tok) -> bool:
    core = t.text.rstrip(".")
    if t.text.endswith(("’s", "'s")):
        core = t.text[:-2]
    return bool(_NAME_WORD.match(core)) and core not in STOP_CAP and core not in ORG


def _person_after(toks: list[Tok], i: int, doc: Doc) -> tuple[str | None, int]:
    """A person's name starting at token i ("Prof. Ama Boateng"): (name, end token)."""
    j = i
    while j < len(toks) and toks[j].low in _HONORIFICS:
        j += 1
        if j < len(toks) and toks[j].text == ".":
            j += 1
    names = []
    k = j
    while k < len(toks) and len(names) < 5 and (_is_name_word(toks[k]) or
                                                  (names and toks[k].low in PARTICLES)):
        names.append(toks[k])
        if toks[k].text.endswith(("’s", "'s")):
            k += 1
            break
        k += 1
    while names and names[-1].low in PARTICLES:
        names.pop()
        k -= 1
    if not names or len(names[-1].text.rstrip(".")) == 1:
        return None, i
    words = [n.text[:-2] if n.text.endswith(("’s", "'s")) else n.text for n in names]
    words = [w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in words]
    if len(words) == 1:
        full = doc.resolve(words[0].rstrip("."))
        return (full, k) if full and " " in full else (None, i)
    return " ".join(words), k


def _person_before(toks: list[Tok], i: int, doc: Doc) -> tuple[str | None, int]:
    """A person's name ending at token i (inclusive): (name, first token)."""
    j = i
    names = []
    while j >= 0 and len(names) < 5 and (_is_name_word(toks[j]) or (names and toks[j].low in PARTICLES)):
        names.insert(0, toks[j])
        j -= 1
    if names and names[0].low in _HONORIFICS:
        names.pop(0)
    if not names:
        return None, i
    words = [n.text.rstrip(".") if len(n.text.rstrip(".")) > 1 else n.text for n in names]
    if len(words) == 1:
        full = doc.resolve(words[0])
        return (full, j + 1) if full and " " in full else (None, i)
    return " ".join(words), j + 1


def _role_at(toks: list[Tok], i: int, v: Vocab) -> int:
    """Length of the role word sequence starting at token i (0 if none)."""
    for role in v.by_first.get(toks[i].low, ()):
        n = len(role)
        if i + n <= len(toks) and tuple(t.low for t in toks[i:i + n]) == role:
            return n
    return 0


def _stop_left(t: Tok) -> bool:
    low = t.low
    return (not low[:1].isalnum() or low in DETERMINERS or low in PREPOSITIONS
            or low in SPEECH or low in ("his", "her", "their", "its", "our", "my", "your", "and", "or")
            or low[:1].isdigit() or (low in FORM_TO_BASE and low.endswith(("ed", "s"))
                                     and low not in ORG_LOW))


ORG_LOW = frozenset(w.lower() for w in ORG) | _ORG_NOUNS


class Phrase:
    """A role phrase: its units (qualifiers, modifiers, head), the organisation, its tokens."""

    def __init__(self):
        self.units: list[tuple[list[str], list[str], tuple[str, ...]]] = []
        self.org: str | None = None
        self.first = self.last = 0


def _phrase(toks: list[Tok], i: int, n: int, v: Vocab, doc: Doc) -> Phrase:
    """The role phrase ending with the role words at toks[i:i+n]."""
    p = Phrase()
    p.last = i + n - 1
    head = tuple(t.low for t in toks[i:i + n])
    quals, mods = [], []
    j = i - 1
    org_toks: list[Tok] = []
    while j >= 0 and j >= i - 6:
        t = toks[j]
        if t.low in v.qualifiers and not org_toks:
            quals.insert(0, t.low)
        elif t.low in v.modifiers and not org_toks and (t.text[:1].islower() or not org_toks):
            mods.insert(0, t.low)
        elif t.text.endswith(("’s", "'s")) or (t.text[:1].isupper() and not _stop_left(t)):
            if t.text[:1].isupper() and t.low not in v.modifiers or t.text.endswith(("’s", "'s")):
                org_toks.insert(0, t)
            else:
                break
            if t.text.endswith(("’s", "'s")) and j - 1 >= 0 and toks[j - 1].text[:1].isupper():
                j -= 1
                continue
        elif t.text == ")" and j - 2 >= 0 and toks[j - 2].text == "(":
            j -= 3  # "Acme (ACM) CEO"
            continue
        elif t.low in ORG_LOW and t.text[:1].islower() and not org_toks:
            org_toks.insert(0, t)  # "regulator chief executive", "club CEO"
            j -= 1
            break
        elif t.text[:1].islower() and not _stop_left(t) and not org_toks and len(mods) < 2:
            mods.insert(0, t.low)  # "arts student", "experimental physicist"
        else:
            break
        j -= 1
    # a qualifier before the organisation: "former Lake County sheriff"
    while j >= 0 and toks[j].low in v.qualifiers:
        quals.insert(0, toks[j].low)
        j -= 1
    p.first = j + 1
    if org_toks:
        p.org = _org_name(org_toks, doc)
    if len(head) == 1 and head[0].endswith("-in-chief"):  # "editor-in-chief": the chief editor
        head, mods = (head[0][: -len("-in-chief")],), [*mods, "chief"]
    p.units.append((quals, mods, head))
    # "chairman and CEO": an earlier unit joined by "and"
    if j >= 1 and toks[j].low == "and":
        k = j - 1
        for m in range(3, 0, -1):
            if k - m + 1 >= 0 and _role_at(toks, k - m + 1, v) == m:
                earlier = _phrase(toks, k - m + 1, m, v, doc)
                p.units = earlier.units + p.units
                p.org = p.org or earlier.org
                p.first = earlier.first
                break
    return p


def _org_name(org_toks: list[Tok], doc: Doc) -> str:
    words = [t.text[:-2] if t.text.endswith(("’s", "'s")) else t.text for t in org_toks]
    name = " ".join(w.rstrip(".") if not w.endswith(".") or len(w) > 4 else w for w in words)
    return doc.lexicon.entity(name) if name[:1].isupper() else name.lower()


def _of_org(toks: list[Tok], j: int, doc: Doc) -> tuple[str | None, int]:
    """'of Acme' / 'of the Independent National Electoral Commission' after a role."""
    if j < len(toks) and toks[j].low in ("of", "at"):
        k = j + 1
        if k < len(toks) and toks[k].low == "the":
            k += 1
        run = []
        while k < len(toks) and (toks[k].text[:1].isupper() or (run and toks[k].low in ("of", "for", "and"))):
            run.append(toks[k])
            k += 1
        while run and run[-1].low in ("of", "for", "and"):
            run.pop()
            k -= 1
        if run:
            return _org_name(run, doc), k
    return None, j


def _role_context(quals, mods, v: Vocab) -> str:
    parts = [f"q:{q}" for q in quals]
    parts += [f"m:{m}@{v.conflict.get(m, '-')}" for m in mods if m not in v.qualifiers]
    return " ".join(parts)


def _role_rows(doc: Doc, k: int, toks: list[Tok], v: Vocab) -> list[dict]:
    out = []
    seen = set()
    i = 0
    while i < len(toks):
        n = _role_at(toks, i, v)
        if not n or (i + n < len(toks) and _role_at(toks, i + n, v)):
            i += 1
            continue
        p = _phrase(toks, i, n, v, doc)
        end = i + n
        person, span_a, span_b = None, p.first, end - 1
        org_after, after = _of_org(toks, end, doc)
        nxt = toks[end] if end < len(toks) else None
        if nxt is not None and (_is_name_word(nxt) or nxt.low in _HONORIFICS):
            person, b = _person_after(toks, end, doc)  # "CEO Jane Doe"
            span_b = b - 1
        if person is None:
            # "Jane Doe, the chief executive of Acme," / "Jane Doe, Acme's CEO,"
            a = p.first
            if a - 1 >= 0 and toks[a - 1].low in ("the", "a", "an"):
                a -= 1
            if a - 4 >= 0 and toks[a - 1].text == "," and toks[a - 2].low.isdigit() \
                    and toks[a - 3].text == ",":
                a -= 2  # "Jane Doe, 45, the chief executive"
            if a - 2 >= 0 and toks[a - 1].text == ",":
                person, span_a = _person_before(toks, a - 2, doc)
                tail = after if org_after else end
                if person and not (tail >= len(toks) or toks[tail].text in ",.;)" or toks[tail].low in SPEECH):
                    person = None
                span_b = (after if org_after else end) - 1
        if person is None:
            # "Acme's chief executive, Jane Doe," / "the council chairman, Prof. Ama Boateng,"
            j = after if org_after else end
            if j < len(toks) and toks[j].text == ",":
                person, b = _person_after(toks, j + 1, doc)
                if person and b < len(toks) and toks[b].text not in ",.;)" and toks[b].low not in SPEECH \
                        and toks[b].low != "who":
                    person = None
                span_b = b - 1
        if person is None:
            i = end
            continue
        org = p.org or org_after
        last = toks[max(span_b, end - 1)]
        a_char, b_char = toks[span_a].start, last.end - (last.text.endswith(".") and len(last.low) > 2)
        for quals, mods, words in p.units:
            head = v.head(words)
            key = (person, head)
            if key in seen:
                continue
            seen.add(key)
            role = " ".join([*quals, *mods, head])
            ctx = _role_context(quals, mods, v)
            out.append(row(doc, k, a_char, b_char, "role", role, unit=head, subject=person,
                           object=org, predicate="is", entities="|".join(filter(None, [person, org])),
                           topic=f"role of {person}", context=ctx))
            if org and org not in _GENERIC_ORGS and head in v.unique:  # "the company's": either company of a deal
                out.append(row(doc, k, a_char, b_char, "holder", person, unit=head,
                               subject=f"{org}'s {' '.join([*quals, *mods, head])}", object=org,
                               predicate="is", entities="|".join([person, org]),
                               topic=f"{org}'s {' '.join([*quals, *mods, head])}",
                               context=ctx))
        i = end
    return out


def _place_words(toks: list[Tok], j: int) -> tuple[str | None, int]:
    """A place name starting at token j ("Salem, Ore.", "Lisbon"): (name, end)."""
    run = []
    k = j
    while k < len(toks) and (toks[k].text[:1].isupper() and _is_place_word(toks[k])):
        run.append(toks[k].text)
        k += 1
    if not run:
        return None, j
    # "Salem, Ore." : a region after a comma
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].text[:1].isupper() \
            and _is_place_word(toks[k + 1]):
        k2 = k + 1
        region = []
        while k2 < len(toks) and toks[k2].text[:1].isupper() and _is_place_word(toks[k2]) and len(region) < 3:
            region.append(toks[k2].text)
            k2 += 1
        return " ".join(run) + ", " + " ".join(region), k2
    return " ".join(run), k


def _is_place_word(t: Tok) -> bool:
    core = t.text.rstrip(".")
    return core[:1].isupper() and core not in STOP_CAP and core not in TITLES and core.replace("-", "").isalpha()


def _place_rows(doc: Doc, k: int, toks: list[Tok], v: Vocab) -> list[dict]:
    out = []
    text = doc.sentences[k].text
    lows = [t.low for t in toks]

    def thing_before(j: int) -> str | None:
        """The named thing a place cue follows ("Acme, based in", "Harbour Hospital in")."""
        while j >= 0 and toks[j].text == ",":
            j -= 1
        name, a = _name_ending(toks, j)
        return name

    def emit(thing, place, rel, a_tok, b_tok):
        if not thing or not place or thing == place:
            return
        region = place.lower().rstrip(".") in v.regions or doc.lexicon.entity(place).lower() in v.regions
        out.append(row(doc, k, toks[a_tok].start, toks[b_tok].end, "place", place, unit=rel,
                       subject=doc.lexicon.entity(thing), predicate=rel,
                       hedge="region" if region else None,
                       entities="|".join([thing, place]), topic=_PLACE_TOPIC.get(rel, "place of {}").format(thing)))

    for i, t in enumerate(toks):
        for rel, cues in v.places if t.low in v.cue_first else ():
            for cue in cues:
                if cue.startswith("-"):  # "Lisbon-based Acme": read from the text below
                    continue
                words = cue.split()
                n = len(words)
                if lows[i:i + n] == words:
                    place, b = _place_words(toks, i + n)
                    if place:
                        thing = thing_before(i - 1)
                        if rel in ("origin", "destination") and thing is None:
                            thing = _vehicle_before(toks, i - 1)
                        emit(thing, place, rel, i, b - 1)
        # "Harbour Hospital in Lisbon": a named facility and where it is
        if t.low == "in" and i >= 1 and toks[i - 1].text in _FACILITY:
            name, a = _name_ending(toks, i - 1)
            place, b = _place_words(toks, i + 1)
            if name and place and " " in name:
                emit(name, place, "in", a, b - 1)
        # "a flight from Lisbon to Porto"
        if t.low == "from" and i >= 1 and toks[i - 1].low in _VEHICLES:
            origin, b = _place_words(toks, i + 1)
            if origin:
                thing = _vehicle_before(toks, i - 1)
                emit(thing, origin, "origin", i - 1, b - 1)
                if b < len(toks) and toks[b].low == "to":
                    dest, c = _place_words(toks, b + 1)
                    if dest:
                        emit(thing, dest, "destination", i - 1, c - 1)
    for rel, cues in v.places:  # "the Salem, Ore.-based Acme"
        for cue in cues:
            if not cue.startswith("-"):
                continue
            pat = re.compile(r"(?<![\w.])((?:[A-Z][\w’'.]*\s+){0,3}[A-Z][\w’']*\.?(?:,\s+[A-Z][\w]*\.?)?)"
                             + re.escape(cue) + r"\s+((?:[A-Z][\w’'&.-]*)(?:\s+[A-Z][\w’'&-]*){0,4})")
            for m in pat.finditer(text):
                thing = re.sub(r"['’]s$", "", m.group(2))
                words = m.group(1).split()
                while words and words[0] in STOP_CAP:
                    words.pop(0)
                if thing.split()[0] in STOP_CAP or not words:
                    continue
                a = next((n for n, t in enumerate(toks) if t.start >= m.start()), None)
                b = next((n for n, t in reversed(list(enumerate(toks))) if t.end <= m.end()), None)
                if a is not None and b is not None:
                    emit(thing, " ".join(words), rel, a, b)
    return out


def _name_ending(toks: list[Tok], j: int) -> tuple[str | None, int]:
    run = []
    while j >= 0 and toks[j].text[:1].isupper() and toks[j].text.rstrip(".") not in STOP_CAP \
            and len(run) < 6:
        run.insert(0, toks[j].text)
        j -= 1
    return (" ".join(run), j + 1) if run else (None, j + 1)


def _name_starting(toks: list[Tok], j: int) -> tuple[str | None, int]:
    run = []
    k = j
    while k < len(toks) and toks[k].text[:1].isupper() and toks[k].text.rstrip(".") not in STOP_CAP \
            and len(run) < 6:
        run.append(toks[k].text.replace("’s", "").replace("'s", ""))
        k += 1
    return (" ".join(run), k) if run else (None, k)


def _vehicle_before(toks: list[Tok], j: int) -> str | None:
    """"flight MH17", "the train": the vehicle a route belongs to."""
    if 0 <= j < len(toks) and toks[j].low in _VEHICLES:
        return toks[j].low
    if j >= 1 and toks[j - 1].low in _VEHICLES:
        return f"{toks[j - 1].low} {toks[j].text}"
    return None


def find(doc: Doc) -> list[dict]:
    v = vocab(doc.lexicon)
    rows: list[dict] = []
    for k, sent in enumerate(doc.sentences):
        text = sent.text
        if len(text) > 3000:
            continue
        quoted = doc.quoted(k)
        toks = [Tok(m) for m in _TOK.finditer(text)]
        toks = [t for t in toks if not any(s <= t.start < e for s, e in quoted)]
        if not toks:
            continue
        rows += _role_rows(doc, k, toks, v)
        rows += _place_rows(doc, k, toks, v)
        rows += _part_rows(doc, k, quoted, v)
    # an article naming two parts of one country ("north" and "central Chile") states neither
    parts: dict[str, set] = {}
    for r in rows:
        if r["unit"] == "part":
            parts.setdefault(r["subject"], set()).add(r["value"])
    return [r for r in rows if r["unit"] != "part" or len(parts[r["subject"]]) == 1]


def _part_rows(doc: Doc, k: int, quoted, v: Vocab) -> list[dict]:
    """"in northern Chile", "central Chile's coast": the part of a country named."""
    if v.part_re is None:
        return []
    text = doc.sentences[k].text
    out = []
    for m in v.part_re.finditer(text):
        word, country = m.group(1), m.group(2)
        if any(s <= m.start() < e for s, e in quoted) or not country[:1].isupper() or not word.islower():
            continue  # "North Korea", "West Virginia", "South Sudan": a name, not a direction
        country = doc.lexicon.entity(country)
        out.append(row(doc, k, m.start(), m.end(), "place", v.compass[word.lower()], unit="part",
                       subject=country, predicate="part", entities=country,
                       topic=f"where in {country}"))
    return out
