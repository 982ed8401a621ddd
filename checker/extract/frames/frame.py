"""Who-did-what frames: light, general heuristics, no parser.

``frame(sentence, focus)`` returns (subject, predicate, object, negated) for
the clause a value sits in. Tokens, names, verbs and clauses come from
:mod:`checker.extract.frames.clauses`, subject and object from
:mod:`checker.extract.frames.roles`; here:

* the verb is the nearest verb before the focus in its clause (else the
  first one after it, else the nearest in an earlier clause, else in a later
  one); a passive with ``by`` is turned active;
* predicates are lemmas folded through the lexicon ("rejected" -> "reject",
  "bought" -> "acquire", "stepped down" -> "leave"); "has to accept",
  "failed to buy", "denied selling" give the inner verb;
* negated: "not", "n't", "never", "no longer" before the verb (or after a
  copula: "is not for sale"), "denied …", "failed to …".

Analyses are cached per sentence (a sentence carries several claims); a huge
"sentence" is analysed in a window around the focus. Everything is linear in
the sentence and bounded per call; nothing raises.

Names (``entities``, ``find_mentions``, ``Mention``) live in
:mod:`checker.extract.frames.names` and ``lemma`` in :mod:`checker.extract.text.lemma`;
they are importable from here too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from checker.extract.frames.clauses import PUNCT_BREAK
from checker.extract.text.lemma import IRREGULAR, KNOWN_BASES, lemma
from checker.extract.frames.names import Mention, entities, find_mentions
from checker.extract.frames.roles import Roles
from checker.extract.text.tokens import Token
from checker.extract.text.words import ADVERBS, BE, COORD, DETERMINERS, NEG, SUBORD
from checker.lexicon import Lexicon

__all__ = ["Frame", "Mention", "entities", "frame", "find_mentions", "lemma"]


@dataclass(frozen=True)
class Frame:
    subject: str | None
    predicate: str | None
    object: str | None
    negated: bool


_NEG_VERBS = frozenset({"deny"})
_FAIL_VERBS = frozenset({"fail"})
# participles that are mostly adjectives after "is": no passive swap
_ADJECTIVAL = frozenset("""worried concerned interested focused based committed pleased
surprised disappointed determined convinced involved prepared tired excited known
expected supposed scheduled located headquartered unhappy satisfied opposed""".split())


class _Analysis(Roles):
    """One sentence, ready to give the frame of any focus in it."""

    def negated(self, v: int) -> bool:
        toks = self.toks
        a, b = self.clauses[self.clause_of[v]]
        j = v - 1
        while j >= a and j >= v - 5:
            low = toks[j].low
            if low in ("not", "never") or low.endswith("n't"):
                return True
            if low == "longer" and j - 1 >= a and toks[j - 1].low == "no":
                return True
            if not (toks[j].aux or low in ADVERBS or low == "no" or low.endswith("ly")):
                break
            j -= 1
        if toks[v].verb in ("be", "have") and v + 1 < b:
            nxt = toks[v + 1].low
            if nxt in ("not", "never", "no") or (nxt == "no" and v + 2 < b and toks[v + 2].low == "longer"):
                return True
        if toks[v].verb in _NEG_VERBS:
            return True
        return False

    def _finite(self, i: int) -> bool:
        if not self.toks[i].low.endswith("ing"):
            return True
        ctx = self._context(i)
        return ctx is not None and ctx.low in BE  # "will be watching"

    def verb_for(self, focus: tuple[int, int] | None) -> int | None:
        toks, verbs = self.toks, self.verbs
        if not verbs:
            return None
        if focus is None:
            skipping = False
            for ci, (a, b) in enumerate(self.clauses):
                first = toks[a].low
                if first in SUBORD or (a == 0 and first == "as"):
                    skipping = True  # a subordinate or a relative clause
                    continue
                if skipping and first in COORD:
                    continue  # "who co-founded X but stepped down"
                skipping = False
                cand = [i for i in range(a, b) if toks[i].verb]
                finite = [i for i in cand if self._finite(i)]
                if finite:
                    return finite[0]
            finite = [i for i in verbs if self._finite(i)]
            return finite[0] if finite else verbs[0]
        fi = bisect.bisect_left(self.starts, focus[0])
        if fi >= len(toks):
            fi = len(toks) - 1
        # the token containing the focus start, if any
        if fi > 0 and toks[fi - 1].end > focus[0]:
            fi -= 1
        ci = self.clause_of[fi]
        a, b = self.clauses[ci]
        k = bisect.bisect_left(verbs, fi)
        before = verbs[k - 1] if k > 0 else None
        after = verbs[k] if k < len(verbs) else None
        if after is not None and after < fi + 1 and toks[after].start < focus[1]:
            # the focus itself is tagged as a verb: look past it
            after = verbs[k + 1] if k + 1 < len(verbs) else None
        if before is not None and before >= a:
            return before
        if after is not None and after < b:
            return after
        if before is not None:
            return before
        return after

    def build(self, focus: tuple[int, int] | None) -> Frame:
        v = self.verb_for(focus)
        if v is None:
            # no verb: the first entity is all we can say
            subj = self.mentions[0].canon if self.mentions else None
            return Frame(subj, None, None, False)
        t = self.toks[v]
        predicate = t.verb
        negated = self.negated(v)
        subject = self.subject(v)
        obj = self.object(v)
        # "failed to buy", "agreed on Tuesday to sell": subject and negation of
        # the verb before "to"
        head = self._infinitive_head(v)
        if head is not None:
            subject = self.subject(head)
            negated = self.negated(head) or self.toks[head].verb in _NEG_VERBS | _FAIL_VERBS
        # "has to accept", "is going to sell", "is set to extend": the verb after "to"
        if t.verb in ("have", "be", "go", "want", "need", "plan", "try", "seek", "agree", "aim",
                      "intend", "expect", "hope", "set", "prepare", "schedule", "poise", "slate",
                      "vow", "promise", "decide") and v + 2 < len(self.toks) \
                and self.toks[v + 1].low == "to" and self.toks[v + 2].verb and self._adjacent(v, v + 3):
            t = self.toks[v + 2]
            v = v + 2
            predicate = t.verb
            obj = self.object(v)
        # "denied selling the firm" / "failed to close the deal"
        if t.verb in _NEG_VERBS or t.verb in _FAIL_VERBS:
            nxt = self._next_verb(v)
            if nxt is not None:
                negated = True
                predicate = self.toks[nxt].verb
                obj = self.object(nxt)
        # passive: "the bid was rejected by the board" -> board reject bid
        if self._passive(v):
            agent = self._by_agent(v)
            obj, subject = subject, agent
        predicate = self._fold_predicate(t, predicate)
        return Frame(subject, predicate, obj, negated)

    def _infinitive_head(self, v: int) -> int | None:
        """For a verb after "to", the verb governing it in the same clause."""
        toks = self.toks
        if v < 2 or toks[v - 1].low != "to":
            return None
        a = self.clauses[self.clause_of[v]][0]
        for j in range(v - 2, max(a, v - 8) - 1, -1):
            if toks[j].verb:
                return j
            if toks[j].mention >= 0 or toks[j].low in DETERMINERS:
                return None  # "a bid to acquire": no governing verb
        return None

    def _next_verb(self, v: int) -> int | None:
        toks = self.toks
        for j in range(v + 1 + toks[v].phrasal, min(len(toks), v + 8)):
            if toks[j].verb:
                return j
            if PUNCT_BREAK.search(self.text[toks[j - 1].end:toks[j].start]) and toks[j].low != "that":
                return None
        return None

    def _passive(self, v: int) -> bool:
        t = self.toks[v]
        if not (t.low.endswith("ed") or t.low in IRREGULAR) or t.verb in ("be", "have") \
                or t.low in _ADJECTIVAL:
            return False
        j = v - 1
        a = self.clauses[self.clause_of[v]][0]
        while j >= a and j >= v - 4:
            low = self.toks[j].low
            if low in BE:
                return True
            if not (low in ADVERBS or low in NEG or low.endswith(("n't", "ly")) or self.toks[j].aux):
                return False
            j -= 1
        return False

    def _by_agent(self, v: int) -> str | None:
        toks = self.toks
        b = self.clauses[self.clause_of[v]][1]
        for j in range(v + 1 + toks[v].phrasal, min(b, v + 6)):
            if toks[j].low == "by":
                k = j + 1
                while k < b and toks[k].low in DETERMINERS:
                    k += 1
                if k < b:
                    if toks[k].mention >= 0:
                        return self.mentions[toks[k].mention].canon
                    head = self._head(k, min(b, k + 6))
                    return self._np_value(head) if head is not None else None
                return None
        return None

    def _fold_predicate(self, t: Token, predicate: str | None) -> str | None:
        if predicate is None:
            return None
        if t.phrasal:
            return predicate
        lex = self.lexicon
        if predicate == t.verb:
            surface = lex.canonical(t.low)
            if surface:
                return surface.replace("_", " ")
        canon = lex.canonical(predicate)
        if canon:
            canon = canon.replace("_", " ")
            if canon in KNOWN_BASES or canon == predicate or canon in lex.synonyms and (
                    lemma(canon) == canon and canon in KNOWN_BASES):
                return canon
        return predicate


_CACHE: dict[tuple[str, int], tuple[Lexicon, _Analysis]] = {}
_CACHE_MAX = 64
_WINDOW = 3000  # huge "sentences" are analysed in a window around the focus


def _analysis(text: str, lexicon: Lexicon) -> _Analysis:
    key = (text, id(lexicon))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    an = _Analysis(text, lexicon)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = (lexicon, an)
    return an


def frame(sentence: str, lexicon: Lexicon, focus: tuple[int, int] | None = None) -> Frame:
    """The who-did-what frame of the clause ``focus`` sits in (or of the main clause)."""
    try:
        text = sentence or ""
        if len(text) > 2 * _WINDOW:
            lo = max(0, (focus[0] if focus else 0) - _WINDOW)
            hi = min(len(text), (focus[1] if focus else 0) + _WINDOW)
            text = text[lo:hi]
            if focus:
                focus = (focus[0] - lo, focus[1] - lo)
        if focus is not None:
            f0, f1 = int(focus[0]), int(focus[1])
            f0 = max(0, min(f0, len(text)))
            focus = (f0, max(f0, min(f1, len(text))))
        return _analysis(text, lexicon).build(focus)
    except Exception:  # never crash extraction on odd text
        return Frame(None, None, None, False)
