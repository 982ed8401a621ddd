"""Outcome facts: who approved or rejected what, who won, who was convicted.

The lexicon's ``outcomes`` pairs a positive outcome with its opposites
(approve / reject, win / lose, rise / fall); families sharing a word are one
family. A clause whose verb is one of them gives an ``outcome`` row:

* identity: for the families in ``outcome_patient``, the one it happens to
  (the object of an active verb, else the subject: "the jury convicted Doe",
  "Doe was convicted", "shares fell"); for the others who did it to what
  (a passive's ``by`` agent is the doer: "the bid was rejected by the board");
  a noun phrase is kept as "Owner's head" ("Roe's bid", "Acme's stock");
* polarity: ``value_hi`` "yes" or "no"; a negation before the verb ("did not
  approve", "failed to win", "stopped short of apologising": the lexicon's
  ``negations``) turns it around;
* ``context``: the clause's time anchor ("tuesday", "2024"), if any.

A clause holding a ``hypothetical`` word ("could approve", "is expected to
reject", "if it wins"), a question, words inside quotation marks, and a
verb used as a price report ("closed higher") give nothing.
"""

from __future__ import annotations

import re
from checker.extract.frames.facts import Doc, row
from checker.extract.frames.frame import _analysis
from checker.extract.text.lemma import FORM_TO_BASE, lemma
from checker.extract.text.tokens import mention_start
from checker.extract.text.words import (
    ADVERBS, BE, DAYS, DETERMINERS, MONTHS, PREPOSITIONS,
)
from checker.lexicon import Lexicon

_PRONOUNS = frozenset("he she they".split())
_PRICE_AFTER = frozenset("higher lower flat unchanged at".split())
_RELATIVE_TIME = re.compile(r"\b(?:yesterday|today|tonight|(?:last|this|next) (?:week|month|year|quarter))\b")
_LETTERS = re.compile(r"[a-z]+")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


class Families:
    """The lexicon's outcome pairs as phrases -> (family, sign, about the patient)."""

    def __init__(self, lexicon: Lexicon):
        facts = lexicon.facts
        patient = {p.lower() for p in facts.get("outcome_patient", ())}
        pairs = [(k.lower(), [n.lower() for n in negs]) for k, negs in facts.get("outcomes", ())]
        parent = {k: k for k, _ in pairs}

        def find(x):
            while parent[x] != x:
                x = parent[x]
            return x

        owner: dict[tuple[str, bool], str] = {}
        for key, negs in pairs:  # families of one kind sharing a word are one family
            kind = key in patient
            for word in (key, *negs):
                other = owner.setdefault((word, kind), key)
                a, b = find(other), find(key)
                if a != b:
                    parent[b] = a
        self.phrases: dict[str, list[tuple[str, int, bool]]] = {}
        for key, negs in pairs:
            fam = find(key)
            for word, sign in [(key, 1)] + [(n, -1) for n in negs]:
                entry = (fam, sign, key in patient)
                lst = self.phrases.setdefault(word, [])
                if entry not in lst:
                    lst.append(entry)
        self.first: dict[str, list[str]] = {}
        for phrase in self.phrases:
            self.first.setdefault(phrase.split()[0], []).append(phrase)
        self.negations = sorted({n.lower() for n in facts.get("negations", ())}, key=len, reverse=True)
        self.hypothetical = {h.lower() for h in facts.get("hypothetical", ())}
        self.intransitive = {find(k.lower()) for k in facts.get("outcome_intransitive", ())
                             if k.lower() in parent}


_CACHE: dict[int, tuple[Lexicon, Families]] = {}


def families(lexicon: Lexicon) -> Families:
    """The outcome families of a lexicon (built once per lexicon)."""
    hit = _CACHE.get(id(lexicon))
    if hit is None or hit[0] is not lexicon:
        if len(_CACHE) > 8:
            _CACHE.clear()
        hit = _CACHE[id(lexicon)] = (lexicon, Families(lexicon))
    return hit[1]


def _base(low: str) -> str:
    return "find" if low == "found" else lemma(low)


def _verbish(an, i: int) -> bool:
    t = an.toks[i]
    if t.verb or (t.aux and t.low in BE):
        return True
    prev = an.toks[i - 1].low if i else ""
    if prev in DETERMINERS or prev.endswith("'s"):
        return False
    low = t.low
    return low.endswith(("ed", "ing")) and (low in FORM_TO_BASE and low != FORM_TO_BASE[low]
                                            or lemma(low) != low) or low == "found"


def _match(an, i: int, fams: Families) -> tuple[str, int] | None:
    """(phrase, last token) of an outcome phrase starting at token i."""
    toks = an.toks
    base = _base(toks[i].low)
    if toks[i].aux and toks[i].low in BE:
        base = "be"
    best = None
    a, b = an.clauses[an.clause_of[i]]
    for phrase in fams.first.get(base, ()):
        rest = phrase.split()[1:]
        if not rest:
            if base != "be" and best is None:
                best = (phrase, i + toks[i].phrasal)
            continue
        # the other words follow, adverbs aside ("was up"), or after the object ("found Doe guilty")
        j, gap = i + 1, 0
        ok = True
        for word in rest:
            while j < b and toks[j].low != word and gap < 5 and not toks[j].verb:
                gap += 1 if toks[j].low not in ADVERBS and not toks[j].low.endswith("ly") else 0
                j += 1
            if j >= b or toks[j].low != word or (base == "be" and gap):
                ok = False
                break
            j += 1
        if ok and (best is None or len(phrase) > len(best[0])):
            best = (phrase, j - 1)
    return best


def _negated(an, v: int, fams: Families) -> tuple[bool, int]:
    """(negated, first token of the negation) for the verb at v."""
    toks = an.toks
    a = an.clauses[an.clause_of[v]][0]
    j = v - 1
    while j >= a and (toks[j].aux or toks[j].low in ADVERBS or toks[j].low.endswith("ly")):
        if toks[j].low.endswith("n't"):
            return True, j
        j -= 1
    if j >= a and toks[j].low in ("not", "never"):
        k = j
        while k - 1 >= a and toks[k - 1].aux:
            k -= 1
        return True, k
    if j >= a + 1 and toks[j].low == "longer" and toks[j - 1].low == "no":
        return True, j - 1
    # "failed to", "stopped short of", "refused to": up to four words before
    lo = max(0, v - 4)
    before = " ".join(t.low for t in toks[lo:v])
    for phrase in fams.negations:
        if before == phrase or before.endswith(" " + phrase):
            n = len(phrase.split())
            return True, v - n
    return False, v


def _hypothetical(an, v: int, fams: Families, text: str) -> bool:
    toks = an.toks
    a, b = an.clauses[an.clause_of[v]]
    # a capitalised word inside the sentence is a name or a month ("in May"), not a modal
    words = [t.low for n, t in enumerate(toks[a:v + 1], a) if n == 0 or not t.text[:1].isupper()]
    if any(w in fams.hypothetical for w in words):
        return True
    joined = " ".join(words)
    if any(" " in h and h in joined for h in fams.hypothetical):
        return True
    # the clause governing an infinitive ("expected to approve")
    if v >= 2 and toks[v - 1].low == "to" and a > 0:
        pa = an.clauses[an.clause_of[a - 1]][0]
        if any(t.low in fams.hypothetical for t in toks[pa:a]):
            return True
    return text.rstrip().endswith("?")


def _np(an, j: int, limit: int) -> str | None:
    """The noun phrase starting at token j as "Owner's head", "Owner" or "head"."""
    toks = an.toks
    owner = None
    while j < limit and (toks[j].low in DETERMINERS or toks[j].low in ("his", "her", "their", "its")):
        j += 1
    if j >= limit:
        return None
    if toks[j].mention >= 0:
        m = an.mentions[toks[j].mention]
        if not m.possessive:
            return m.canon
        owner = m.canon
        while j < limit and toks[j].mention == toks[j - 1 if j else 0].mention and toks[j].mention >= 0:
            j += 1
        while j < limit and toks[j].mention >= 0 and an.mentions[toks[j].mention] is m:
            j += 1
    head = an._head(j, limit)
    if head is None:
        return owner
    noun = an._np_value(head)
    if not noun or noun in ADVERBS:
        return owner
    for k in range(j, head):  # "the Acme board": a name inside the phrase owns it
        if toks[k].mention >= 0 and owner is None:
            owner = an.mentions[toks[k].mention].canon
    return f"{owner}'s {noun}" if owner else noun


def _object(an, v: int) -> tuple[str | None, int]:
    """The direct object of the verb at v and its last token (v when none)."""
    toks = an.toks
    b = an.clauses[an.clause_of[v]][1]
    j = v + 1 + toks[v].phrasal
    while j < b and (toks[j].low in ADVERBS or (toks[j].low.endswith("ly") and toks[j].mention < 0)):
        j += 1
    if j >= b or toks[j].low in PREPOSITIONS or toks[j].low[:1].isdigit() or toks[j].verb \
            or toks[j].low in ("to", "that", "it", "them", "him", "her", "this"):
        return None, v
    limit = min(b, j + 8)
    value = _np(an, j, limit)
    end = j
    while end + 1 < limit and not toks[end + 1].verb and toks[end + 1].low not in PREPOSITIONS \
            and toks[end + 1].low not in ("and", "or", "but"):
        end += 1
    return value, end


def _subject(an, v: int, doc: Doc, k: int) -> tuple[str | None, int | None]:
    """(subject as "Owner's head" / name / noun, its token) of the verb at v."""
    toks = an.toks
    head = an._infinitive_head(v)
    if head is not None:
        v = head
    a = an.clauses[an.clause_of[v]][0]
    j = v - 1
    while j >= a and (toks[j].aux or toks[j].low in ("not", "never", "no", "longer")
                      or toks[j].low in ADVERBS or toks[j].low.endswith(("n't", "ly"))):
        j -= 1
    if j < a:  # the subject is in a clause before ("Acme shares, however, fell")
        subj = an.subject(v)
        names = {m.canon for m in an.mentions}
        return (doc.resolve(subj), None) if subj in names else (None, None)
    t = toks[j]
    if t.mention >= 0:
        m = an.mentions[t.mention]
        s = mention_start(toks, j, a)
        if s - 2 >= a and toks[s - 1].low == "of" and toks[s - 2].mention < 0 \
                and toks[s - 2].low.isalpha() and toks[s - 2].low not in DETERMINERS:
            return f"{m.canon}'s {an._np_value(s - 2)}", s - 2  # "shares of Acme"
        return doc.resolve(m.canon), s
    if t.low in _PRONOUNS:
        name = an._resolve_pronoun(j, True) or doc.person_before(k, t.start)
        return doc.resolve(name), j
    plural = j == v - 1 and t.low.endswith("s") and not t.low.endswith("ss")  # "Acme shares rose"
    if not t.low.isalpha() or t.low in DETERMINERS or t.low in PREPOSITIONS or (t.verb and not plural) \
            or t.low in ("it", "i", "we", "you", "this", "that", "which", "who"):
        return None, None
    noun = an._np_value(j)
    owner = None
    s = j
    for i in range(j - 1, max(a, j - 5) - 1, -1):
        if toks[i].low in DETERMINERS or toks[i].low in PREPOSITIONS or (toks[i].verb and toks[i].mention < 0):
            break
        s = i
        if toks[i].mention >= 0:
            owner = an.mentions[toks[i].mention].canon
            s = mention_start(toks, i, a)
            break
    if not noun:
        return None, None
    return (f"{doc.resolve(owner)}'s {noun}" if owner else noun), s


def _anchor(an, a: int, b: int) -> str:
    words = []
    for t in an.toks[a:b]:
        core = t.text.rstrip(".")
        if core in DAYS or core in MONTHS or _YEAR.match(t.low):
            words.append(t.low.rstrip("."))
    text = " ".join(t.low for t in an.toks[a:b])
    words += _RELATIVE_TIME.findall(text)
    return " ".join(words)


def find(doc: Doc) -> list[dict]:
    fams = families(doc.lexicon)
    rows: list[dict] = []
    for k, sent in enumerate(doc.sentences):
        text = sent.text
        if len(text) > 3000 or not any(_base(w) in fams.first for w in _LETTERS.findall(text.lower())):
            continue
        if not text.rstrip().endswith((".", "!", "”", '"', "’", ")")):
            continue  # a headline or crosshead ("Roe's offer rejected") leaves out who did it
        an = _analysis(text, doc.lexicon)
        quoted = doc.quoted(k)
        seen: set[tuple] = set()
        for i, t in enumerate(an.toks):
            if t.mention >= 0 or not _verbish(an, i) or _base(t.low) not in fams.first \
                    and not (t.aux and t.low in BE and "be" in fams.first):
                continue
            if any(s <= t.start < e for s, e in quoted):
                continue
            hit = _match(an, i, fams)
            if hit is None:
                continue
            phrase, last = hit
            toks = an.toks
            nxt = toks[last + 1] if last + 1 < len(toks) else None
            if nxt is not None and (nxt.low in _PRICE_AFTER or (nxt.low == "to" and last + 2 < len(toks)
                                                                 and toks[last + 2].verb)):
                continue  # "closed higher"; "refused to sell" (a negation of the next verb)
            if _hypothetical(an, i, fams, text):
                continue
            negated, neg_at = _negated(an, i, fams)
            if phrase.startswith("find"):  # "found Doe guilty": Doe is who it is about
                obj = _np(an, i + 1, last) if last > i + 1 else None
                obj_end = i
                negated = negated or any(x.low == "not" for x in toks[i:last])
            else:
                obj, obj_end = _object(an, last)
            entries = fams.phrases[phrase]
            passive = an._passive(i) or (phrase.startswith("find") and i and toks[i - 1].low in BE)
            # "stopped short of apologising": the subject of the verb the negation opens
            at = neg_at if neg_at < i and toks[neg_at].verb else i
            subj, subj_at = _subject(an, at, doc, k)
            choice = _choose(entries, obj is not None and not passive)
            if choice is None:
                continue
            fam, sign, patient = choice
            if obj is not None and not passive and fam in fams.intransitive:
                continue  # "gained ground", "dropped the charges": another sense
            if patient:
                who, what = (obj if obj and not passive else subj), None
            else:
                who = an._by_agent(i) if passive else subj
                what = subj if passive else obj
            if not who:
                continue
            polarity = sign * (-1 if negated else 1)
            a, b = an.clauses[an.clause_of[i]]
            key = (fam, who, what)
            if key in seen:
                continue
            seen.add(key)
            start_tok = min(x for x in (subj_at, neg_at, i) if x is not None)
            end_tok = max(last, obj_end)
            stated = ("not " if negated else "") + phrase
            rows.append(row(doc, k, toks[start_tok].start, toks[end_tok].end, "outcome", stated,
                            value_hi="yes" if polarity > 0 else "no", unit=fam, subject=who,
                            predicate=phrase, object=what, negated=negated,
                            topic=f"{fam}: {who}" + (f" / {what}" if what else ""),
                            entities="|".join(dict.fromkeys(m.canon for m in an.mentions)),
                            context=_anchor(an, a, b)))
    return rows


def _choose(entries, transitive: bool):
    """The family a word belongs to here: "declined the offer" (a doer's) vs "shares declined"."""
    if len(entries) == 1:
        return entries[0]
    fit = [e for e in entries if e[2] != transitive] or entries
    return fit[0]
