"""Subject and object of a verb.

* the subject is the noun phrase right before the verb (an entity in it wins;
  appositives and relative pronouns are skipped by inheriting the subject of
  the clause before), the object the first entity or noun phrase head after it;
* pronouns he/she/they as subject go to the last person named before them
  in the sentence (else None); I/we/you give None.
"""

from __future__ import annotations

from checker.extract.frames.clauses import PUNCT_BREAK, Clauses
from checker.extract.text.lemma import FORM_TO_BASE
from checker.extract.frames.names import date_word
from checker.extract.text.tokens import Token, mention_end, mention_start
from checker.extract.text.words import (
    ADVERBS, CONTRACTIONS, COORD, DETERMINERS, NEG, PERSON_PRONOUNS, PREPOSITIONS, RELATIVE,
    SUBORD,
)
from checker.lexicon import Lexicon

_PRONOUNS_THING = frozenset("it its this that".split())
_NUMBER_WORDS = frozenset("""billion million trillion thousand hundred percent per cent bn m
today yesterday tomorrow tonight""".split())
_TIME_WORDS = frozenset("""year years month months week weeks day days quarter quarters decade
decades morning afternoon evening night weekend season summer winter autumn""".split())
_LY_NOUNS = frozenset("""family supply rally assembly monopoly anomaly ally reply italy july
bully belly jelly lily holly folly melancholy oligopoly""".split())


def _adverb(tok: Token) -> bool:
    low = tok.low
    return (low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS
            and tok.text[:1].islower() and low not in FORM_TO_BASE)


class Roles(Clauses):
    """Subjects and objects on top of the verbs and clauses."""

    def __init__(self, text: str, lexicon: Lexicon):
        super().__init__(text, lexicon)
        self._subjects: dict[int, tuple[str | None, str]] = {}

    def _np_value(self, i: int) -> str | None:
        """The canonical word for the noun at token ``i`` (lexicon folded)."""
        t = self.toks[i]
        if t.mention >= 0:
            return self.mentions[t.mention].canon
        if t.low in ("i", "we", "you", "me", "us", "he", "she", "they", "it", "this", "that") \
                or "'" in t.low:
            return None
        if i > 0 and self.toks[i - 1].mention < 0:
            pair = self.lexicon.canonical(self.toks[i - 1].low + " " + t.low)
            if pair:  # "chief executive"
                return pair.replace("_", " ")
        canon = self.lexicon.canonical(t.low)
        return canon.replace("_", " ") if canon else t.low

    def _resolve_pronoun(self, i: int, person: bool) -> str | None:
        best = None
        for men in self.mentions:
            if men.end > self.toks[i].start:
                break
            if person and men.kind == "org":
                continue
            if not person and men.kind == "person":
                continue
            best = men.canon
        return best

    def subject(self, v: int) -> str | None:
        """The subject of the verb at token ``v``."""
        return self._subject(v, 0)[0]

    def _subject(self, v: int, depth: int) -> tuple[str | None, str]:
        """(subject, how): how is "found", "inherit" or "none"."""
        if v in self._subjects:
            return self._subjects[v]
        toks = self.toks
        ci = self.clause_of[v]
        a, _ = self.clauses[ci]
        result: tuple[str | None, str] = (None, "none")
        j = v - 1
        # skip auxiliaries, negation, adverbs
        while j >= a and (toks[j].aux or toks[j].low in NEG or toks[j].low in ADVERBS
                          or toks[j].low.endswith(("n't", "ly")) and toks[j].mention < 0
                          or (toks[j].low == "longer" and j > a and toks[j - 1].low == "no")
                          or (toks[j].low == "no" and j + 1 < v and toks[j + 1].low == "longer")
                          or (toks[j].low == "since" and j - 1 >= a and toks[j - 1].aux)):
            j -= 1
        if j >= a and j >= v - 8:
            t = toks[j]
            if t.mention >= 0:
                men = self.mentions[t.mention]
                # "officials in Washington said": a name after a preposition is not it
                k = mention_start(toks, j, a)
                if k - 1 >= a and toks[k - 1].low in PREPOSITIONS:
                    head = k - 2
                    while head >= a and toks[head].low in PREPOSITIONS:
                        head -= 1
                    if head >= a and toks[head].mention < 0 and toks[head].low not in DETERMINERS:
                        result = (self._np_value(head), "found")
                    else:
                        result = (men.canon, "found")
                else:
                    result = (men.canon, "found")
            elif t.low in PERSON_PRONOUNS:
                result = (self._resolve_pronoun(j, True), "found")
            elif t.low in ("i", "we", "you") or t.low in CONTRACTIONS or "'" in t.low:
                result = (None, "found")  # first/second person: nobody we can name
            elif t.low == "it":
                result = (self._resolve_pronoun(j, False), "found")
            elif t.low in RELATIVE or t.low in SUBORD:
                result = self._inherit(ci, depth)
            elif t.verb or t.low in COORD:
                result = self._inherit(ci, depth)
            elif t.low in DETERMINERS or t.low in PREPOSITIONS:
                result = self._inherit(ci, depth)
            else:
                # a common noun phrase: an entity inside it wins ("Acme's board")
                k = j
                ent = None
                while k >= a and k >= j - 4 and toks[k].low not in DETERMINERS \
                        and toks[k].low not in PREPOSITIONS and not toks[k].verb:
                    if toks[k].mention >= 0:
                        ent = self.mentions[toks[k].mention].canon
                        break
                    k -= 1
                result = (ent or self._np_value(j), "found")
        else:
            result = self._inherit(ci, depth)
        self._subjects[v] = result
        return result

    def _inherit(self, ci: int, depth: int) -> tuple[str | None, str]:
        """Subject from the clauses before (coordination, appositive, relative)."""
        if depth > 6:
            return (None, "none")
        toks = self.toks
        for cj in range(ci - 1, -1, -1):
            a, b = self.clauses[cj]
            first = toks[a]
            verbs = [i for i in range(a, b) if toks[i].verb]
            if verbs:
                if first.low in SUBORD and first.low not in RELATIVE:
                    continue  # a subordinate clause does not lend its subject
                return self._subject(verbs[0], depth + 1)
            if first.low in PREPOSITIONS or first.low in SUBORD:
                continue  # an adverbial phrase: "In 2024,"
            names = [toks[i].mention for i in range(a, b) if toks[i].mention >= 0]
            appositive = cj > 0 and (first.low in DETERMINERS or first.low[:1].isdigit()
                                     or (first.mention < 0 and first.text[:1].islower()))
            if appositive:
                continue  # ", the chief executive,"
            if names:
                return (self.mentions[names[-1]].canon, "inherit")
            head = self._head(a, b)
            if head is not None and toks[head].low not in DETERMINERS:
                return (self._np_value(head), "inherit")
        # a fronted participle phrase: the subject follows
        for cj in range(ci + 1, len(self.clauses)):
            a, b = self.clauses[cj]
            verbs = [i for i in range(a, b) if toks[i].verb]
            if verbs and toks[a].low not in SUBORD:
                res = self._subject(verbs[0], depth + 1)
                if res[1] == "found":
                    return res
                break
        return (None, "none")

    def object(self, v: int, resolve: bool = True) -> str | None:
        toks = self.toks
        t = toks[v]
        _, b = self.clauses[self.clause_of[v]]
        j = v + 1 + t.phrasal
        limit = min(b, j + 12)
        while j < limit:
            tk = toks[j]
            if tk.mention >= 0:
                men = self.mentions[tk.mention]
                if men.possessive:
                    k = mention_end(toks, j, limit)
                    head = self._head(k, limit)
                    return self._np_value(head) if head is not None else men.canon
                return men.canon
            if tk.low in DETERMINERS or tk.low in ADVERBS or tk.low in PREPOSITIONS or _adverb(tk) \
                    or tk.low in NEG or tk.low[:1].isdigit() or tk.aux or tk.low in _NUMBER_WORDS \
                    or date_word(tk.text):
                j += 1
                continue
            if tk.low in _TIME_WORDS:
                j += 1  # "this year", "last week"
                continue
            if tk.low in _PRONOUNS_THING or tk.low in ("them",):
                if tk.low in ("this", "that") and j + 1 < limit and toks[j + 1].low in _TIME_WORDS:
                    j += 2
                    continue
                return self._pronoun_object(v) if resolve else None
            if "'" in tk.low or tk.low in ("i", "we", "you", "me", "us"):
                return None
            if tk.low in PERSON_PRONOUNS:
                return self._resolve_pronoun(j, True)
            if tk.verb:
                if tk.low.endswith("ing") or toks[j - 1].low == "to":
                    j += 1 + tk.phrasal  # "refused to sell the firm"
                    continue
                return None
            head = self._head(j, limit)
            return self._np_value(head) if head is not None else None
        return None

    def _head(self, j: int, limit: int) -> int | None:
        """Last word of the noun phrase starting at ``j``."""
        toks = self.toks
        last = before_last = None
        while j < limit:
            tk = toks[j]
            if tk.low in ("and", "or") and last is not None and j + 1 < limit:
                nxt = toks[j + 1]
                if (nxt.mention < 0 and not nxt.verb and nxt.low.isalpha() and nxt.low not in DETERMINERS
                        and nxt.low not in PREPOSITIONS and not PUNCT_BREAK.search(
                            self.text[tk.end:nxt.start])):
                    j += 1  # "personal and professional tensions"
                    continue
            if tk.verb and tk.low.endswith("ing") and j + 1 < limit and toks[j + 1].low.isalpha() \
                    and not toks[j + 1].verb and toks[j + 1].mention < 0 \
                    and toks[j + 1].low not in PREPOSITIONS and toks[j + 1].low not in DETERMINERS:
                j += 1  # "future restructuring plans"
                continue
            if tk.mention >= 0 or tk.verb or tk.aux or tk.low in PREPOSITIONS \
                    or tk.low in COORD or tk.low in RELATIVE:
                break
            if tk.low in _TIME_WORDS and last is None:
                break
            if tk.low in ("ago", "earlier", "later"):
                last = before_last  # "its board years ago"
                break
            if j > 0 and PUNCT_BREAK.search(self.text[toks[j - 1].end:tk.start]) and last is not None:
                break
            if date_word(tk.text):
                break
            if not tk.low[:1].isdigit() and tk.low not in _NUMBER_WORDS:
                before_last, last = last, j
            j += 1
        return last

    def _pronoun_object(self, v: int) -> str | None:
        """"sold it": the object of a verb in the nearest clauses before."""
        ci = self.clause_of[v]
        for cj in range(ci - 1, max(-1, ci - 4), -1):
            a, b = self.clauses[cj]
            for i in range(a, b):
                if self.toks[i].verb:
                    obj = self.object(i, resolve=False)
                    if obj:
                        return obj
        return self._resolve_pronoun(v, False)
