"""Indirect speech: who is reported saying what, without quotation marks.

``Paraphrases(doc).find()`` reads each sentence of a source (quotes masked)
for three forms, and returns one :class:`Paraphrase` per reported clause:

* **said that …**: a speaker, a reporting verb, then the reported clause —
  "Petra Lind said (on Monday) (that) the port would reopen", "Lind told
  reporters (that) …", "Lind announced that …", "Mayor says port will reopen"
  (a headline);
* **…, X said**: the clause first, the attribution closing the sentence —
  "The port will reopen within a week, Lind said." / "…, said Lind." /
  "…, according to the Harbour Authority.";
* **According to X, …**.

A paraphrase needs a speaker (a name, a pronoun resolved to one, an
organisation, or an unnamed source as for quotes: see
:mod:`checker.extract.quotes.speakers`) and at least four words; a negated or
refused report ("did not say whether …", "declined to say") and a clause
that is a direct quote are not paraphrases. It is a claim of its own kind:
the reported words are never held to the words of a direct quote (rules in
``rules/paraphrase.yaml``). Each sentence is read once, within a bounded
window of tokens: linear.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract.text.lemma import FORM_TO_BASE
from checker.extract.frames.people import Sent
from checker.extract.text.words import AUX
from checker.extract.text.tokens import mention_end

__all__ = ["Paraphrase", "Paraphrases"]

MIN_WORDS = 4
MAX_ATTRIBUTION = 14  # tokens of "…, X, the chief executive, said on Monday."

# reporting verbs that take a reported clause ("said (that) …")
REPORTING = frozenset("""
said says say told tells added adds stated states announced announces confirmed confirms
warned warns noted notes explained explains argued argues insisted insists claimed
claims acknowledged acknowledges admitted admits estimated estimates predicted predicts
reported reports testified testifies wrote writes stressed stresses maintained maintains
conceded concedes cautioned cautions suggested suggests indicated indicates revealed
reveals disclosed discloses believes believed reiterated reiterates emphasised emphasized
emphasises emphasizes contended contends alleged alleges asserted asserts recalled recalls
""".split())
# the verbs that close a "…, X said." sentence
CLOSING = frozenset("""
said says added adds told tells stated wrote writes noted notes explained argued insisted
warned claimed acknowledged admitted confirmed announced reported estimated predicted
""".split())
_TOLD = frozenset("told tells".split())
# verbs that take a reported clause without "that" ("said the port would reopen");
# the others need "that" ("announced that …", not "announced the recall")
_BARE = frozenset("""said says say told tells added adds warned warns noted notes insisted
insists argued argues claimed claims stressed stresses wrote writes explained explains
believes believed predicted predicts estimated estimates maintained maintains""".split())
# words that may sit between the verb and the clause: "said on Monday", "said in a statement"
_ADVERBIAL_OPENERS = frozenset("on in at during after before last earlier later this yesterday "
                               "today tonight".split())
_ADVERBIAL_WORDS = frozenset("""a an the statement interview news conference briefing press
release radio television tv broadcast speech hearing court filing letter post posted email
emailed meeting rally call phone telephone week month year night morning afternoon evening
weekend day monday tuesday wednesday thursday friday saturday sunday""".split())
_NOT_CLAUSE = frozenset("""whether if how why what when where who whom which nothing little
anything something so too more less""".split())
_JOINERS = frozenset("""and but or nor while as because which who whom whose when where
although though if so yet whereas since until unless""".split())
_REFUSED = frozenset("not n't never declined refused denied".split())


@dataclass(frozen=True)
class Paraphrase:
    start: int          # absolute offsets of the reported words
    end: int
    value: str          # the reported words, white space collapsed
    speaker: str
    sentence_index: int  # position in ``sentences`` of the sentence


class Paraphrases:
    """Indirect speech in one source (over a quotes ``_Doc``: its speakers)."""

    def __init__(self, doc):
        self.doc = doc

    def find(self) -> list[Paraphrase]:
        out = []
        for k in range(len(self.doc.sents)):
            st = self.doc.sent(k)
            if len(st.toks) < MIN_WORDS + 2:
                continue
            found = self._closing(st) or self._according(st) or self._reporting(st)
            if found is not None:
                out.append(found)
        return out

    # ---------------------------------------------------------------- forms
    def _reporting(self, st: Sent) -> Paraphrase | None:
        """"X said (that) …", "X told reporters (that) …"."""
        toks = st.toks
        n = len(toks)
        for v in range(1, min(n, 60)):
            t = toks[v]
            if t.mention >= 0 or t.low not in REPORTING or toks[v - 1].text[0] == "|":
                continue
            if any(toks[u].low in _REFUSED for u in range(max(0, v - 3), v)):
                return None  # "did not say whether", "declined to say"
            speaker = self._speaker(self.doc._subject_before(st, v, stop=0))
            if speaker is None:
                continue
            j = v + 1
            if t.low in _TOLD:  # told reporters / told the Harbour Post / told a news conference
                j = self._object_end(st, j)
                if j is None:
                    return None
            j = self._skip_adverbials(st, j)
            if j < n and toks[j].low == "that":
                j += 1
            elif t.low not in _BARE:
                return None  # "announced the recall", "recalled a line": an object, not a report
            return self._clause(st, j, n, speaker)
        return None

    def _closing(self, st: Sent) -> Paraphrase | None:
        """"…, X said." / "…, said X." / "…, according to X."."""
        toks = st.toks
        n = len(toks)
        end = n
        while end > 0 and toks[end - 1].text in ".!?":
            end -= 1
        for c in range(end - 1, max(0, end - MAX_ATTRIBUTION) - 1, -1):
            if toks[c].text != ",":
                continue
            tail = toks[c + 1:end]
            if not tail or any(x.text[0] == "|" for x in tail) or tail[0].low in _JOINERS:
                return None
            if tail[0].low == "according" and len(tail) > 2 and tail[1].low == "to":
                speaker = self._speaker(self.doc._name_after(st, c + 2))
            elif any(x.low in CLOSING and x.mention < 0 for x in tail):
                verb = next(i for i, x in enumerate(tail) if x.low in CLOSING and x.mention < 0)
                rest = tail[verb + 1:]
                if len(rest) > 8 or any(x.low == "that" or x.low in REPORTING for x in rest):
                    return None  # "…, Lind said that …": a clause, not an attribution
                # "Doe worked with Roe, she added": the pronoun is neither of them
                self.doc.skip_named_from = st.base
                try:
                    speaker = self._speaker(self.doc._after(st, c + 1))
                finally:
                    self.doc.skip_named_from = None
            else:
                continue
            if speaker is None:
                return None
            return self._clause(st, 0, c, speaker)
        return None

    def _according(self, st: Sent) -> Paraphrase | None:
        """"According to X, …"."""
        toks = st.toks
        if len(toks) < 4 or toks[0].low != "according" or toks[1].low != "to":
            return None
        speaker = self._speaker(self.doc._name_after(st, 1))
        if speaker is None:
            return None
        for c in range(2, min(len(toks), 2 + MAX_ATTRIBUTION)):
            if toks[c].text == ",":
                return self._clause(st, c + 1, len(toks), speaker)
        return None

    # ---------------------------------------------------------------- parts
    def _speaker(self, who: str | None) -> str | None:
        from checker.extract.quotes.speakers import _NOBODY
        return None if who is None or who == _NOBODY else who

    def _object_end(self, st: Sent, j: int) -> int | None:
        """After "told": the listener (a name or a short noun phrase)."""
        toks = st.toks
        n = len(toks)
        if j < n and toks[j].mention >= 0:
            return mention_end(toks, j, n)
        if j + 1 < n and toks[j].low in ("the", "a", "an") and toks[j + 1].mention >= 0:
            return mention_end(toks, j + 1, n)  # "told the Harbour Post"
        k = j
        while k < n and k < j + 4 and toks[k].text[:1].isalpha() and toks[k].text[0].islower() \
                and toks[k].low not in ("that", "to"):
            k += 1
            if toks[k - 1].low in ("reporters", "journalists", "lawmakers", "parliament", "police",
                                   "investigators", "residents", "supporters", "staff", "workers",
                                   "conference", "briefing", "court", "jury", "judge", "broadcaster",
                                   "newspaper", "agency", "radio", "television", "committee", "him",
                                   "her", "them", "us", "me", "listeners", "viewers", "senators"):
                if k < n and toks[k].low == "to":
                    return None  # "told reporters to leave": an order
                return k
        return None

    def _skip_adverbials(self, st: Sent, j: int) -> int:
        """"said on Monday", "said in a statement", "said last week": skipped."""
        toks = st.toks
        n = len(toks)
        for _ in range(3):
            if j < n and toks[j].text == ",":
                j += 1
            if j >= n or toks[j].low not in _ADVERBIAL_OPENERS:
                return j
            k = j + 1
            if k < n and toks[k].mention >= 0 and toks[j].low in ("in", "at", "on"):
                k = mention_end(toks, k, n)  # "told a news conference in Corvant"
                if k < n and toks[k].low == "that":
                    return k
            while k < n and k < j + 6 and (toks[k].low in _ADVERBIAL_WORDS or toks[k].text[:1].isdigit()):
                if toks[k].low in ("a", "an", "the") and not (
                        k + 1 < n and toks[k + 1].low in _ADVERBIAL_WORDS and toks[k + 1].low not in ("a", "an", "the")):
                    break  # "said on Monday the port …": "the" opens the clause
                k += 1
            if k == j + 1 and toks[j].low not in ("yesterday", "today", "tonight", "earlier", "later"):
                return j  # "said in …" something else: the clause starts here
            j = k
        return j

    def _clause(self, st: Sent, a: int, b: int, speaker: str) -> Paraphrase | None:
        """The reported words: tokens ``a``..``b`` (exclusive), end punctuation dropped."""
        toks = st.toks
        while b > a and toks[b - 1].text in ".!?,;:":
            b -= 1
        if b - a < MIN_WORDS or toks[a].text[0] in "|,:;—–-(" or toks[a].low in _NOT_CLAUSE:
            return None
        words = [x for x in toks[a:b] if x.text[0].isalnum()]
        if not any(_finite(x.low) for x in words):
            return None  # "at a waterfront rally shortly before midnight": no clause
        quoted = sum(len(x.text) for x in toks[a:b] if x.text[0] == "|")
        if len(words) < MIN_WORDS or quoted * 2 > toks[b - 1].end - toks[a].start:
            return None  # mostly a direct quote: the quote row has it
        start, end = st.base + toks[a].start, st.base + toks[b - 1].end
        value = " ".join(st.sent.text[toks[a].start:toks[b - 1].end].split())
        return Paraphrase(start, end, value, speaker, self.doc.sents[st.k][0])


def _finite(low: str) -> bool:
    """A word that makes the reported words a clause: an auxiliary or modal
    ("would", "was"), or an inflected verb ("rose", "plans", "collapsed")."""
    if low in AUX:
        return True
    for word in (low, low[2:] if low.startswith("re") else ""):  # "reopens"
        base = FORM_TO_BASE.get(word)
        if base is not None and base != word and not word.endswith("ing"):
            return True
    return len(low) > 4 and low.endswith("ed")
