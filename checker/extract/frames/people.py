"""Who is who in one source's sentences.

Pronouns he/she/they go to the last named person before them, across
paragraphs (names inside quotes and possessives do not count; a lone name
never given in full counts only on evidence: it speaks (not as the first word
of a sentence: "Residents said"), takes "who", an age or a title; a person whose title gives the other pronoun is skipped: "Mr.
Reed" is not "she"); "it" goes to the last organisation.
A surname or first name goes to the full name it was introduced with,
before or after ("Jane Doe … Doe said" -> "Jane Doe"); titles are
stripped (CEO, Mr., Dr. …) by :func:`checker.extract.frames.names.find_mentions`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Callable

from checker.extract.frames.names import Mention, find_mentions
from checker.extract.text.tokens import Token, make_token, tag_mentions
from checker.extract.text.words import NOUN_OPENERS, PERSON_TITLES, SKIP_BACK, SPEECH, TITLES

_TOKEN = re.compile(r"[^\W_]+(?:[’'\-.&][^\W_]+)*|\|+|[^\w\s]")
UNSET = object()


class Sent:
    """A sentence with its quotes masked, tokens and names (built on demand)."""

    def __init__(self, doc, k: int):
        self.k = k
        sent = doc.sents[k][1]
        self.sent = sent
        self.base = sent.start
        parts = []
        pos = 0
        for os_, oe in doc.spans_in(k):
            a = max(os_, sent.start) - sent.start
            b = min(oe, sent.end) - sent.start
            if b <= pos:
                continue
            a = max(a, pos)
            parts.append(sent.text[pos:a])
            parts.append("|" * (b - a))
            pos = b
        parts.append(sent.text[pos:])
        self.masked = "".join(parts)
        self.mentions: list[Mention] = find_mentions(self.masked, doc.lexicon)
        toks = [make_token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(self.masked)]
        self.toks = toks
        self.starts = tag_mentions(toks, self.mentions)
        self.words_outside = sum(1 for t in toks if t.text[0].isalnum())
        self.cached_subject: object = UNSET  # see Speakers.sentence_subject

    def tok_at(self, local: int) -> int:
        """Index of the first token starting at or after ``local``."""
        return bisect.bisect_left(self.starts, local)


_GENDER = {"mr": "he", "sir": "he", "lord": "he", "mrs": "she", "ms": "she", "miss": "she",
           "dame": "she", "lady": "she"}
_PRONOUN_GENDER = {"he": "he", "she": "she"}
_ARTICLE = re.compile(r"\b(?:the|a|an|its|their)\s+$", re.IGNORECASE)
_OPENING_ADVERBS = frozenset("later then now still earlier afterwards there here but and yet".split())


def _title_before(st: Sent, men: Mention) -> str | None:
    """The title word right before a name ("Chairman", "Prime Minister", "Sen.")."""
    j = st.tok_at(men.start) - 1
    if j >= 0 and st.toks[j].text == "." and j - 1 >= 0:
        j -= 1
    if j < 0 or st.toks[j].mention >= 0 or st.toks[j].text not in TITLES:
        return None
    title = st.toks[j].low
    if j - 1 >= 0 and st.toks[j - 1].text in TITLES and st.toks[j - 1].mention < 0:
        title = st.toks[j - 1].low + " " + title  # "Prime Minister"
    return title


def skip_appositive(st: Sent, i: int) -> int:
    """Skip ", the chief executive," / ", 45," after a name starting at token ``i``."""
    toks = st.toks
    if i < len(toks) and toks[i].text == ",":
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and (nxt.low in NOUN_OPENERS or nxt.text[:1].isdigit()
                                or nxt.text[:1].islower()):
            for c in range(i + 1, min(len(toks), i + 25)):
                if toks[c].text == ",":
                    return c + 1
                if toks[c].text[0] in "|.;:!?()":
                    break
    return i


def word_after(st: Sent, i: int, steps: int, test: Callable[[Token], bool | None]) -> bool:
    """After a name ending before token ``i``: skip an appositive and adverbs
    ("Doe, 45, also ...") within ``steps`` words; ``test(token)`` says True,
    False, or None to go on."""
    toks = st.toks
    i = skip_appositive(st, i)
    for _ in range(steps):
        if i >= len(toks):
            return False
        verdict = test(toks[i])
        if verdict is not None:
            return verdict
        low = toks[i].low
        if low in SKIP_BACK or low.endswith("ly"):
            i += 1  # "Doe also said", "Doe reportedly left"
            continue
        return False
    return False


class People:
    """Full names and pronouns of a document (a mixin).

    Needs ``sents`` (``(index, Sentence)`` pairs), ``lexicon`` and
    ``sent(k)`` -> :class:`Sent` from the class using it.
    """

    _registry_built = False
    skip_named_from: int | None = None  # pronouns skip people named from here on

    def _build_registry(self) -> None:
        """Full names by surname / first name, and where people are named."""
        self._registry_built = True
        self.by_last: dict[str, tuple[list[int], list[str]]] = {}
        self.by_first: dict[str, tuple[list[int], list[str]]] = {}
        self.people_pos: list[int] = []
        self.people: list[str] = []
        self.poss_pos: list[int] = []
        self.poss: list[str] = []
        self.org_pos: list[int] = []
        self.orgs: list[str] = []
        # "Mayor Tomas Reyes": title (lower case) -> the people named with it
        self.titled: dict[str, list[tuple[int, str]]] = {}
        found: list[tuple[int, Mention, int]] = []
        gendered: list[tuple[int, Mention, str]] = []
        for k in range(len(self.sents)):
            st = self.sent(k)
            for mi, men in enumerate(st.mentions):
                found.append((st.base + men.start, men, k))
        # "Vela Strider" is a product, not a person: its first word stands
        # alone more often than its last (people go by their surname), and
        # nothing marks it a person ("Maria Lopez, 34,", "Maria Lopez, who")
        alone = Counter(men.written for _, men, _ in found if men.ntokens == 1 and not men.possessive)
        products = {men.written for _, men, _ in found if men.kind == "person" and men.ntokens >= 2
                    and alone[men.written.split()[0]] >= 2
                    and alone[men.written.split()[0]] > alone[men.written.split()[-1]]}
        # ... and it is written with an article somewhere ("the Vela Strider"),
        # which a person named in full rarely is ("Emma said" is Emma Doe's)
        products = {men.written for _, men, k in found if men.written in products
                    and _ARTICLE.search(self.sent(k).masked[max(0, men.start - 8):men.start])}
        marked = {men.written for _, men, k in found if men.written in products and self._person_evidence(k, men)}
        not_people = products - marked
        for pos, men, k in found:
            st = self.sent(k)
            if men.written in not_people:
                continue
            if men.kind == "org" and not men.possessive:
                self.org_pos.append(st.base + men.start)
                self.orgs.append(men.canon)
            elif men.kind in ("person", "name"):
                title = _title_before(st, men)
                if title and men.kind == "person" and men.ntokens >= 2:
                    self.titled.setdefault(title, []).append((st.base + men.start, men.canon))
                if title in _GENDER:
                    gendered.append((st.base + men.start, men, _GENDER[title]))
            if men.kind == "person":
                parts = [p for p in men.written.split() if p[:1].isupper()]
                if len(parts) >= 2:
                    for table, key in ((self.by_last, parts[-1]), (self.by_first, parts[0])):
                        pos_list, names = table.setdefault(key, ([], []))
                        pos_list.append(st.base + men.start)
                        names.append(men.canon)
        # a lone name never given in full is a person only on evidence: it
        # speaks ("Doe said"), takes "who", an age or a title ("Ms. Doe")
        evidence: set[str] = set()
        for pos, men, k in found:
            if men.kind == "name" and not men.possessive and self._person_evidence(k, men):
                evidence.add(men.written)
        for pos, men, k in found:
            name = None
            if men.written in not_people:
                continue
            if men.kind == "person" and men.ntokens >= 2:
                name = men.canon
            elif men.kind in ("person", "name"):
                full = self._full_name(men.written, pos)
                if full != " ".join(men.written.split()):
                    name = full
                elif men.written in evidence:
                    name = full
            if name is None:
                continue
            if men.possessive:
                self.poss_pos.append(pos)
                self.poss.append(name)
            else:
                self.people_pos.append(pos)
                self.people.append(name)

        # "Mr. Reed", "Ms Kamau": which pronoun a person takes (he/she), when a title says
        self.gender: dict[str, str] = {}
        for pos, men, g in gendered:
            name = men.canon if men.ntokens >= 2 else self._full_name(men.written, pos)
            self.gender.setdefault(self.lexicon.entity(name) if name else men.canon, g)
        self._pronoun_chains()

    def _pronoun_chains(self) -> None:
        """"Ana Kamau opened the clinic. She ...": a sentence opening with he or
        she right after a sentence that names one person (and no other) tells
        which pronoun that person takes, so a later "she" skips a man named
        since ("He hired John Reed. ... she said" is not Reed)."""
        last: list[str] = []  # the people named in the last sentence naming anyone
        for k in range(len(self.sents)):
            st = self.sent(k)
            toks = st.toks
            i = 0
            while i < min(3, len(toks)) and (toks[i].text == "," or toks[i].low.endswith("ly")
                                             or toks[i].low in _OPENING_ADVERBS):
                i += 1  # "Later, she said", "Then he left"
            if i < len(toks) and toks[i].low in _PRONOUN_GENDER and len(set(last)) == 1:
                self.gender.setdefault(last[0], toks[i].low)
            lo = bisect.bisect_left(self.people_pos, st.base)
            hi = bisect.bisect_left(self.people_pos, st.base + len(st.sent.text))
            if hi > lo:
                last = self.people[lo:hi]

    def _person_evidence(self, k: int, men: Mention) -> bool:
        st = self.sent(k)
        toks = st.toks
        i = st.tok_at(men.end)
        if i + 1 < len(toks) and toks[i].text == "," and (
                toks[i + 1].low == "who" or toks[i + 1].text[:1].isdigit()):
            return True  # "Doe, who ...", "Doe, 45, ..."
        j = st.tok_at(men.start) - 1
        if j >= 0 and toks[j].text == "." and j - 1 >= 0:
            j -= 1
        if j >= 0 and toks[j].text in PERSON_TITLES:
            return True  # "Ms. Doe", "Senator Doe"
        if j < 0:
            return False  # "Shareholders asked ...", "Residents said ...": a capitalised noun
        return word_after(st, i, 3, lambda t: True if t.mention < 0 and t.low in SPEECH else None)

    def _full_name(self, word: str, pos: int) -> str:
        """The full name a surname (or first name) was introduced with."""
        word = " ".join(word.split())
        for table in (self.by_last, self.by_first):
            entry = table.get(word)
            if not entry:
                continue
            positions, names = entry
            i = bisect.bisect_right(positions, pos)
            if i:
                return names[i - 1]  # the latest full name before
            if table is self.by_first and len(set(names[:50])) > 1:
                continue  # an ambiguous first name
            return names[0]  # named in full only later
        return word

    def person(self, men: Mention, k: int) -> str:
        if not self._registry_built:
            self._build_registry()
        if men.kind == "person" and men.ntokens >= 2:
            return men.canon
        if men.kind in ("person", "name"):
            full = self._full_name(men.written, self.sent(k).base + men.start)
            if full != " ".join(men.written.split()):
                return self.lexicon.entity(full)
        return men.canon

    def _word_at(self, absolute: int) -> str:
        text = self.doc[absolute - self.base:absolute - self.base + 4].lower()
        return "she" if text.startswith("she") else "he" if text.startswith("he") else ""

    def organisation(self, absolute: int, head: str | None = None) -> str | None:
        """"it said", "the authority said": the last organisation named before
        ``absolute`` (outside quotes); with ``head``, the last one whose name
        holds that word ("the authority" -> "Harbour Authority") if any."""
        if not self._registry_built:
            self._build_registry()
        i = bisect.bisect_left(self.org_pos, absolute)
        if head:
            for j in range(i - 1, max(-1, i - 50), -1):
                if head in self.orgs[j].lower().split():
                    return self.orgs[j]
            return None
        return self.orgs[i - 1] if i > 0 else None

    def titled_person(self, title: str) -> str | None:
        """"Mayor says …", "the chairman said": the one person the text names
        with that title ("Mayor Tomas Reyes"), before or after."""
        if not self._registry_built:
            self._build_registry()
        names = {name for _, name in self.titled.get(title.lower(), ())}
        return names.pop() if len(names) == 1 else None

    def pronoun(self, absolute: int) -> str | None:
        """he/she/they at ``absolute``: the last person named before it, skipping
        people whose title or pronoun chain gives the other pronoun (Mr. Reed is
        not "she"); past the sentence before, one known to take this pronoun
        comes before one whose pronoun is unknown."""
        if not self._registry_built:
            self._build_registry()
        i = bisect.bisect_left(self.people_pos, absolute)
        if self.skip_named_from is not None:  # "Doe met Roe, she said": neither Doe nor Roe
            i = min(i, bisect.bisect_left(self.people_pos, self.skip_named_from))
        if i > 0:
            want = _PRONOUN_GENDER.get(self._word_at(absolute))
            if want and self.gender:
                here = self.sentence_of(absolute)
                unknown = None
                for j in range(i - 1, max(-1, i - 20), -1):
                    g = self.gender.get(self.people[j])
                    if g == want:
                        return self.people[j]
                    if g is None and unknown is None:
                        if here - self.sentence_of(self.people_pos[j]) <= 1:
                            return self.people[j]  # named just before: the nearest
                        unknown = self.people[j]
                if unknown is not None:
                    return unknown
            return self.people[i - 1]
        i = bisect.bisect_left(self.poss_pos, absolute)
        if i > 0:
            return self.poss[i - 1]
        return None
