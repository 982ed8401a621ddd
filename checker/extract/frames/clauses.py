"""Verb tagging and clause splitting of one sentence: light heuristics, no parser.

* verbs are a closed list of news verbs with their inflections, the lexicon's
  verb forms ("stepped down"), and ``-ed`` words; an auxiliary with no main
  verb after it is the verb ("is not for sale");
* clauses split on ``; : , ( ) —``, on relative/subordinating words and on
  ``and``/``but``/``or`` when a verb follows.
"""

from __future__ import annotations

import re

from checker.extract.text.lemma import FORM_TO_BASE, IRREGULAR, SAME_FORM, lemma
from checker.extract.frames.names import TOKEN, find_mentions
from checker.extract.text.tokens import Token, make_token, tag_mentions
from checker.extract.text.words import (
    ADVERBS, AUX, BE, CONTRACTIONS, COORD, DETERMINERS, NEG, PREPOSITIONS, RELATIVE, SUBORD,
)
from checker.lexicon import Lexicon


_PARTICLE_WORDS = frozenset("down up out off away over back in on".split())
_NOT_VERB = frozenset("""need hundred indeed bed red shed seed speed breed creed greed
deed feed weed reed united limited related based naked wicked sacred kindred
ed led""".split()) - {"led"}
_QUANTIFIERS = frozenset("""several many few more most all both multiple numerous other new
rival competing two three four five six seven eight nine ten dozens hundreds
thousands millions billions""".split())
_MODAL_CTX = frozenset("""to will would could should may might can must shall did does do
cannot""".split())
_SUBJECT_PRONOUNS = frozenset("he she it they i we you who which".split())
_OBJECT_PRONOUNS = frozenset("him her them it us me you his its their".split())
_ING_OK = frozenset("by after before since without while when upon".split())
# clause punctuation between two words
PUNCT_BREAK = re.compile(r"[;:,()\[\]—–]|\s-\s|[“”\"]")


class Clauses:
    """One sentence: tokens, names, verbs (``Token.verb``) and clauses."""

    def __init__(self, text: str, lexicon: Lexicon):
        self.text = text
        self.lexicon = lexicon
        self.mentions = find_mentions(text, lexicon)
        toks: list[Token] = []
        for m in TOKEN.finditer(text):
            s, e = m.span()
            w = m.group()
            if w.endswith(".") and len(w) > 1 and "." not in w[:-1]:
                w, e = w[:-1], e - 1
            toks.append(make_token(s, e, w))
        self.toks = toks
        self.starts = tag_mentions(toks, self.mentions)
        self._tag_verbs()
        self.clauses = self._clauses()
        self.clause_of = [0] * len(toks)
        for ci, (a, b) in enumerate(self.clauses):
            for i in range(a, b):
                self.clause_of[i] = ci
        self.verbs = [i for i, t in enumerate(toks) if t.verb]

    # -- verbs
    def _tag_verbs(self) -> None:
        toks, lex = self.toks, self.lexicon
        n = len(toks)
        i = 0
        seen_verb = False  # a verb already in this clause
        while i < n:
            t = toks[i]
            if t.mention >= 0 or not t.low[:1].isalpha():
                i += 1
                continue
            low = t.low
            if low in AUX:
                t.aux = True
                i += 1
                continue
            # lexicon phrasal forms: "stepped down", "took over", "turned down"
            if i + 1 < n and toks[i + 1].low in _PARTICLE_WORDS | {"control", "suit", "legal"}:
                for span in (3, 2):
                    if i + span <= n and self._adjacent(i, i + span):
                        phrase = " ".join(x.low for x in toks[i:i + span])
                        canon = lex.canonical(phrase)
                        if canon and (low in FORM_TO_BASE or low.endswith(("ed", "ing"))):
                            t.verb = canon.replace("_", " ")
                            t.phrasal = span - 1
                            break
                if t.verb:
                    i += 1 + t.phrasal
                    seen_verb = True
                    continue
            if i and PUNCT_BREAK.search(self.text[toks[i - 1].end:t.start]):
                seen_verb = False
            if low in SUBORD or low in COORD or low in RELATIVE:
                seen_verb = False
            if self._is_verb(i):
                t.verb = lemma(low)
                seen_verb = True
            elif (not seen_verb and i and low.endswith("s") and self._s_verb(i)):
                t.verb = lemma(low)
                seen_verb = True
            i += 1
        # an auxiliary with no main verb after it is the verb ("is not for sale")
        for i, t in enumerate(toks):
            if t.aux and t.low in BE | {"has", "have", "had"}:
                j = i + 1
                while j < n and j < i + 4 and (toks[j].low in NEG or toks[j].low in ADVERBS
                                               or toks[j].aux or toks[j].low.endswith("n't")
                                               or toks[j].low == "since"):
                    j += 1
                if j < n and toks[j].verb and self._adjacent(i, j + 1):
                    continue
                t.verb = "be" if t.low in BE else "have"

    def _context(self, i: int) -> Token | None:
        """The token before ``i``, skipping adverbs and negation."""
        k = i - 1
        while k >= 0 and k >= i - 4:
            tk = self.toks[k]
            if tk.mention < 0 and (tk.low in ADVERBS or tk.low in ("not", "never", "since")
                                   or (tk.low.endswith("ly") and tk.text[0].islower())):
                k -= 1
                continue
            break
        if k < 0 or PUNCT_BREAK.search(self.text[self.toks[k].end:self.toks[i].start]):
            return None
        return self.toks[k]

    def _is_verb(self, i: int) -> bool:
        toks = self.toks
        t = toks[i]
        low = t.low
        prev_tok = toks[i - 1] if i else None
        prev = prev_tok.low if prev_tok else ""
        if prev in DETERMINERS or prev in _QUANTIFIERS or (
                prev.endswith("'s") and prev not in CONTRACTIONS):
            return False  # "the proposed deal", "Doe's offer"
        ctx = self._context(i)
        c = ctx.low if ctx is not None else ""
        modal = ctx is not None and ctx.mention < 0 and (c in _MODAL_CTX or c.endswith("n't"))
        subject = ctx is not None and (ctx.mention >= 0 or c in _SUBJECT_PRONOUNS)
        if low in ADVERBS or (low.endswith("ly") and low not in FORM_TO_BASE) or low in NEG:
            return False
        base = FORM_TO_BASE.get(low)
        if base is not None:
            if (low in IRREGULAR and low not in SAME_FORM) or low.endswith("ed"):
                return True
            if low.endswith("ing"):
                return prev not in PREPOSITIONS or prev in _ING_OK
            if i == 0:
                return False  # "Shares of Acme fell": a capitalized opener
            if low == base or low in SAME_FORM:
                return (modal or subject or (c == "to" and ctx is prev_tok)
                        or (low in SAME_FORM and (c in BE or c in ("has", "have", "had", "having"))))
            if self._s_verb(i):
                return True
            # "Doe, for her part, seems ...": a known -s form after a comma
            gap = self.text[prev_tok.end:t.start] if prev_tok else ""
            return ("," in gap and i + 1 < len(toks)
                    and not PUNCT_BREAK.search(self.text[t.end:toks[i + 1].start]))
        if low.endswith("ed") and len(low) >= 5 and low not in _NOT_VERB:
            return True
        if i and low.isalpha() and low not in PREPOSITIONS and low not in DETERMINERS:
            if modal and c != "to":
                return True  # "could complicate"
            if low.endswith("ing") and c in BE and len(low) > 5:
                return True  # "will be watching"
        return False

    def _s_verb(self, i: int) -> bool:
        """A third-person ``-s`` form: after a subject, or before an object."""
        toks = self.toks
        t = toks[i]
        low = t.low
        if not low.endswith("s") or low.endswith(("ss", "us", "is", "'s")) or len(low) <= 3 \
                or not low.isalpha():
            return False
        if i + 1 < len(toks) and (toks[i + 1].low in AUX or toks[i + 1].low in _MODAL_CTX):
            return False  # "Globex shares have dropped": a plural noun
        ctx = self._context(i)
        if ctx is not None and (ctx.mention >= 0 or ctx.low in _SUBJECT_PRONOUNS):
            return True
        prev = toks[i - 1]
        if low in FORM_TO_BASE and i >= 2 and prev.low.isalpha() and not prev.verb \
                and prev.low not in PREPOSITIONS and prev.low not in DETERMINERS \
                and not prev.low.endswith(("ing", "ed", "ly")) and (
                    toks[i - 2].low in DETERMINERS or toks[i - 2].low.endswith("'s")
                    or toks[i - 2].mention >= 0) \
                and not PUNCT_BREAK.search(self.text[toks[i - 2].end:t.start]):
            return True  # "the company seems", "Acme's board plans"
        if prev.mention >= 0 or not prev.low.isalpha() or prev.low in PREPOSITIONS \
                or prev.low in DETERMINERS or prev.low.endswith(("ing", "'s")):
            return False
        if PUNCT_BREAK.search(self.text[prev.end:t.start]):
            return False
        if i + 1 >= len(toks) or PUNCT_BREAK.search(self.text[t.end:toks[i + 1].start]):
            return False
        nxt = toks[i + 1]
        return (nxt.mention >= 0 or nxt.low in DETERMINERS or nxt.low in _OBJECT_PRONOUNS
                or nxt.low[:1].isdigit() or nxt.low in ("to", "that", "up", "down", "out", "off")
                or "$" in self.text[t.end:nxt.start])

    def _adjacent(self, a: int, b: int) -> bool:
        """No clause punctuation between tokens a..b-1."""
        if b - 1 >= len(self.toks):
            return False
        seg = self.text[self.toks[a].end:self.toks[b - 1].start]
        return PUNCT_BREAK.search(seg) is None

    # -- clauses
    def _clauses(self) -> list[tuple[int, int]]:
        toks, text = self.toks, self.text
        n = len(toks)
        cuts = [0]
        for i in range(1, n):
            gap = text[toks[i - 1].end:toks[i].start]
            low = toks[i].low
            if PUNCT_BREAK.search(gap):
                cuts.append(i)
            elif low in SUBORD and toks[i].mention < 0 and not (
                    i + 1 < n and toks[i + 1].verb and toks[i - 1].aux):
                cuts.append(i)  # (not "has since accused")
            elif low in COORD and self._verb_follows(i + 1):
                cuts.append(i)
            elif low == "as" and any(toks[k].verb and not toks[k].low.endswith("ing")
                                     for k in range(i + 2, min(n, i + 5))) \
                    and not PUNCT_BREAK.search(text[toks[i].end:toks[min(n, i + 4) - 1].start]):
                cuts.append(i)  # "as sales slowed" (but "stepped down as chief")
        cuts.append(n)
        out = []
        for a, b in zip(cuts, cuts[1:]):
            if b > a:
                out.append((a, b))
        return out or [(0, n)]

    def _verb_follows(self, j: int) -> bool:
        k = j
        while k < len(self.toks) and k < j + 3:
            t = self.toks[k]
            if t.verb and not t.low.endswith("ing"):
                return True
            if t.low in ADVERBS or t.low in NEG or t.aux or t.low.endswith("n't"):
                k += 1
                continue
            return False
        return False
