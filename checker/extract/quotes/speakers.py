"""Who said a quote: the first rule that answers wins.

1. after the quote: “…,” Doe said / “…,” said Doe / “…,” Doe, the chief
   executive, said / “…,” according to Doe;
2. before it: Doe said: “…” / Doe: “…” / According to Doe, “…” / She
   called the plan “a dumb idea”; a participle ("…, replying with a
   curt “Not a chance.”") takes the speaker of the verb before it
   or the sentence subject;
3. another quote of the same sentence (“A,” she said, “B.”);
4. the sentence subject (Doe was blunt: “…”);
5. the previous sentence: its last quote's speaker, else its subject
   (Doe was blunt. “…”); then the next sentence's first quote.

A speech verb whose subject is a common noun ("a witness said", "Doe's
lawyer said", "I said") gives no speaker and stops the search; a
company name in the subject counts ("an Acme spokesperson said" ->
"Acme"). Some common nouns do name a speaker:

* an unnamed source: "one nurse said", "said one nurse at the Harbour
  Hospital", or any noun phrase with an anonymity cue ("who declined to be
  named", "speaking on condition of anonymity") -> "a nurse (unnamed)" (never
  the organisation named after it);
* "the authority said", "the company said", "it said in a statement": the
  organisation named before (whose name holds the noun, for "the authority");
* "the mayor said", "Mayor says …" (a headline): the one person the text
  names with that title ("Mayor Tomas Reyes").

Titles before a name are skipped ("said Chairman Felix Adeyemi", "said Prime
Minister …"). Only a bounded window of words around each quote is read.
"""

from __future__ import annotations

import re

from checker.extract.text.lemma import FORM_TO_BASE
from checker.extract.frames.people import UNSET, People, Sent, word_after
from checker.extract.text.tokens import Token, mention_end, mention_start
from checker.extract.text.words import AUXILIARIES, NOUN_OPENERS, PRONOUNS, SKIP_BACK, SPEECH, TITLES

_PARTICIPLES = frozenset("""
saying adding writing telling calling describing arguing noting explaining
responding replying insisting warning claiming stating declaring asking quipping
joking stressing tweeting posting suggesting answering countering concluding
remarking acknowledging admitting dubbing labeling labelling branding
""".split())
# verbs that may come before their subject: “…,” said Doe
_INVERTED = frozenset("""
said says added adds asked asks wrote writes continued continues explained explains
noted notes replied replies responded argued insisted warned recalled quipped joked
observed concluded answered exclaimed countered stated declared tweeted posted
suggested admitted acknowledged conceded stressed remarked commented mused
""".split())
_PREP = frozenset("""of in at for from with on near across inside outside to by
about against among between within""".split())
_NOBODY = "\x00nobody"  # a speech verb with a common-noun subject
# unnamed sources: "one nurse", "another official"; any determiner with a cue
_ANON_DET = frozenset("one another two three four several".split())
_ANONYMOUS = re.compile(
    r"declined to be (?:named|identified)|asked not to be (?:named|identified)"
    r"|(?:did not|didn't|didn’t) (?:want|wish) to be (?:named|identified)"
    r"|condition of anonymity|requested anonymity|spoke anonymously|anonymous"
    r"|not authori[sz]ed to (?:speak|comment)|asked that (?:his|her|their) name"
    r"|asked to remain unnamed|who (?:was|were) not named")
_SPOKES = frozenset("""spokesperson spokesman spokeswoman spokespeople representative
statement release filing letter post report email notice tweet""".split())
_ORG_NOUNS = frozenset("""company firm group agency authority ministry department council
hospital club bank government police court board union party university school
commission committee airline carrier regulator insurer league federation association
office organisation organization charity foundation institute network broadcaster
operator retailer manufacturer maker lender utility team army military municipality
service administration authorities""".split())
_GENERIC_ORG = frozenset("company firm group organisation organization".split())
_SKIP_NOUN = frozenset("also later then still just now previously reportedly".split())
_NUMBER_DET = frozenset("one another two three four several".split())
_CLAUSE_OPENERS = frozenset("who speaking asking requesting talking citing".split())
_COORD = frozenset("and but or then".split())


class Speakers(People):
    """Attribution of quote rows (a mixin over :class:`People`)."""

    def attribute(self, rows: list[dict]) -> None:
        """Set ``speaker`` and ``how`` of each quote row (rules 1-5)."""
        by_sentence: dict[int, list[dict]] = {}
        for row in rows:
            by_sentence.setdefault(row["k"], []).append(row)
        # 1-2: attribution words around each quote
        for row in rows:
            speaker, how = self._around(row)
            row["speaker"], row["how"] = speaker, how
        # 3: other quotes of the same sentence
        for k, group in by_sentence.items():
            later: list[dict | None] = [None] * len(group)
            nxt = None
            for i in range(len(group) - 1, -1, -1):
                later[i] = nxt
                if group[i]["how"] in ("after", "before"):
                    nxt = group[i]
            prev = None
            for i, row in enumerate(group):
                if row["how"] is None:
                    source = prev or later[i]
                    if source is not None:
                        row["speaker"], row["how"] = source["speaker"], "same"
                if row["how"] is not None:
                    prev = row
        # 4-5: sentence subject, neighbouring sentences (reading order)
        last_quote_speaker: dict[int, tuple[str | None, str | None]] = {}
        for row in rows:
            k = row["k"]
            if row["how"] is None:
                st = self.sent(k)
                if st.words_outside >= 2:
                    subj = self.sentence_subject(k)
                    if subj:
                        row["speaker"], row["how"] = subj, "subject"
            if row["how"] is None and k - 1 >= 0:
                prev = last_quote_speaker.get(k - 1)
                if prev is not None and prev[0] is not None:
                    row["speaker"], row["how"] = prev[0], "previous"
                else:
                    subj = self.sentence_subject(k - 1, people_only=True)
                    if subj:
                        row["speaker"], row["how"] = subj, "previous"
            if row["how"] is None:
                nxt = by_sentence.get(row["k_end"] + 1)
                if nxt and nxt[0]["how"] in ("after", "before") and nxt[0]["speaker"]:
                    first = self.sent(row["k_end"] + 1)
                    if first.toks and first.toks[0].text[0] == "|":
                        row["speaker"], row["how"] = nxt[0]["speaker"], "next"
            last_quote_speaker[row["k_end"]] = (row["speaker"], row["how"])
            if row["k"] != row["k_end"]:
                last_quote_speaker[row["k"]] = (row["speaker"], row["how"])
        for row in rows:
            if row["speaker"] == _NOBODY:
                row["speaker"] = None

    def _around(self, row: dict) -> tuple[str | None, str | None]:
        # 1. after the quote (in the sentence where it closes)
        ke = row["k_end"]
        st = self.sent(ke)
        local_end = row["close"] - st.base
        i = st.tok_at(local_end)
        res = self._after(st, i)
        if res is None and i >= len(st.toks) and ke + 1 < len(self.sents):
            # “…” | — Jane Doe   (the dash line split off as its own sentence)
            nxt = self.sent(ke + 1)
            if nxt.toks and nxt.toks[0].text in "—–-" and nxt.sent.line == st.sent.line:
                res = self._after(nxt, 0)
        if res is not None:
            return res, "after"
        # 2. before it
        k = row["k"]
        st = self.sent(k)
        local = row["open"] - st.base
        res = self._before(st, st.tok_at(local))
        if res is not None:
            return res, "before"
        return None, None

    def _after(self, st: Sent, i: int) -> str | None:
        toks = st.toks
        n = len(toks)
        j = i
        # leading punctuation: “…,” — Doe said
        while j < n and toks[j].text in ",—–-:":
            j += 1
        start = j
        # “…” — Jane Doe
        if i < n and toks[i].text in "—–-" and start < n and toks[start].mention >= 0:
            e = mention_end(toks, start, n)
            if e >= n or toks[e].text[0] in ",.;)|":
                return self._resolve(st, toks[start].mention)
        limit = min(n, start + 14)
        for v in range(start, limit):
            t = toks[v]
            if t.text[0] in "|.!?;" or (v == start and t.low in _COORD):
                return None  # “…” and vowed to appeal: the sentence's subject goes on
            if t.low == "according" and v + 1 < n and toks[v + 1].low == "to":
                return self._name_after(st, v + 1)
            if t.mention < 0 and t.low in SPEECH:
                if v == start:
                    if t.low in _INVERTED:
                        return self._name_after(st, v)
                    return None
                who = self._subject_before(st, v, stop=start)
                if who is None and t.low in _INVERTED:
                    who = self._name_after(st, v)
                return who
        return None

    def _before(self, st: Sent, i: int) -> str | None:
        toks = st.toks
        lo = i - 1
        while lo >= 0 and toks[lo].text[0] != "|" and lo > i - 80:
            lo -= 1
        lo += 1  # first token of the region before the quote
        j = i - 1
        # Doe: “…”
        if j >= lo and toks[j].text == ":" and j - 1 >= lo and toks[j - 1].mention >= 0:
            mi = toks[j - 1].mention
            first = mention_start(toks, j - 1, lo)
            # a headline "Doe to Smith: “…”" is Doe speaking
            if first - 2 >= lo and toks[first - 1].low == "to" and toks[first - 2].mention >= 0:
                return self._resolve(st, toks[first - 2].mention)
            return self._resolve(st, mi)
        # According to Doe, “…”
        for a in range(i - 1, lo, -1):
            if toks[a - 1].low == "according" and toks[a].low == "to":
                who = self._name_after(st, a)
                if who is not None:
                    return who
        # the speech verb nearest before the quote
        for v in range(i - 1, lo - 1, -1):
            t = toks[v]
            if t.mention >= 0:
                continue
            if t.low in _PARTICIPLES:
                return self._participle(st, v)
            if t.low in SPEECH:
                # Said Doe: “…” / said Doe, “…”
                after = self._name_after(st, v, max_steps=4)
                if after is not None and after != _NOBODY and v + 1 < len(toks) and \
                        self._only_name_between(st, v, i):
                    return after
                who = self._subject_before(st, v, stop=0)
                if who is not None:
                    return who
                return None
        return None

    def _only_name_between(self, st: Sent, v: int, i: int) -> bool:
        for t in st.toks[v + 1:i]:
            if t.mention < 0 and t.text not in ",:" and t.low not in NOUN_OPENERS:
                return False
        return True

    def _participle(self, st: Sent, v: int) -> str | None:
        """"…, adding, “…”": the speaker of the speech verb before, else the subject."""
        toks = st.toks
        for u in range(v - 1, max(-1, v - 60), -1):
            t = toks[u]
            if t.mention < 0 and t.low in SPEECH:
                who = self._subject_before(st, u, stop=0)
                if who is None and u > 0 and toks[u - 1].text[0] == "|" and t.low in _INVERTED:
                    who = self._name_after(st, u)
                if who is not None:
                    return who
                break
        return self.sentence_subject(st.k)

    def _resolve(self, st: Sent, mi: int) -> str:
        return self.person(st.mentions[mi], st.k)

    def _name_after(self, st: Sent, v: int, max_steps: int = 8) -> str | None:
        """The name right after token ``v``: “…,” said (CEO) Jane Doe; “…,”
        said one nurse (an anonymous source); “…,” said the mayor."""
        toks = st.toks
        n = len(toks)
        j = v + 1
        steps = 0
        det: str | None = None
        nouns: list[str] = []
        while j < n and steps < max_steps:
            t = toks[j]
            if t.mention >= 0:
                men = st.mentions[t.mention]
                if men.kind != "person":
                    # "said Acme CEO Jane Doe": the person after the company
                    k = mention_end(toks, j, n)
                    for m in range(k, min(n, k + 3)):
                        if toks[m].mention >= 0 and st.mentions[toks[m].mention].kind == "person":
                            return self._resolve(st, toks[m].mention)
                        if toks[m].text[0] in ",.;:|":
                            break
                return self._resolve(st, t.mention)
            if t.low in PRONOUNS:
                return self.pronoun(st.base + t.start)
            if nouns and (t.low in _PREP or t.low in ("who", "speaking", "asking")
                          or t.text[0] in ".;|!?") and t.low != "to":
                # "said one nurse at the Harbour Hospital, who …": the nurse speaks
                who = self._common_speaker(st, det, nouns, st.base + toks[v].start)
                if who is not None:
                    return who
            if t.text in TITLES and t.text[:1].isupper():
                j += 1  # "said Mayor Tomas Reyes", "said Prime Minister …"
                steps += 1
                continue
            if t.low in NOUN_OPENERS or t.low in _NUMBER_DET:
                if det is None and not nouns:
                    det = t.low
            elif t.text[:1].islower() and t.text[0].isalpha() and t.low not in _PREP:
                nouns.append(t.low)
            if t.text == "," or t.low in NOUN_OPENERS or t.low in _NUMBER_DET \
                    or (t.text[:1].islower() and t.text[0].isalpha()) or t.low in ("’s", "'s"):
                j += 1
                steps += 1
                continue
            break
        if nouns and (j >= n or toks[j].text[0] in ".;|!?,"):
            who = self._common_speaker(st, det, nouns, st.base + toks[v].start)
            if who is not None:
                return who
        return None

    def _common_speaker(self, st: Sent, det: str | None, nouns: list[str], at: int) -> str | None:
        """A speaker named by a common noun phrase: "one nurse" (an anonymous
        source: "a nurse (unnamed)"), "the authority" (the organisation named
        before), "the mayor" (the one person named with that title)."""
        words = [w for w in nouns if w not in _SKIP_NOUN]
        while words and words[0] in ("of", "the"):
            words = words[1:]
        if not words or len(words) > 4:
            return None
        head = words[-1]
        if head in _SPOKES:
            # "the statement said", "its spokesman said": the organisation named
            # before; "a spokesperson said": look further
            return self.organisation(at) if det in ("the", "its", "their", "this") else None
        if det in ("the", "this", None) and len(words) <= 2:
            title = self.titled_person(" ".join(words)) or self.titled_person(head)
            if title:
                return title
        if det in ("the", "this") and head in _ORG_NOUNS:
            org = self.organisation(at, None if head in _GENERIC_ORG else head)
            if org:
                return org
        if det in _ANON_DET or (_ANONYMOUS.search(st.masked.lower()) and det != "the"):
            phrase = " ".join(words)
            if det in _ANON_DET and det not in ("one", "another", "a", "an"):
                phrase = f"{det} {phrase}"  # "two nurses"
            elif not head.endswith("s") or head.endswith("ss"):
                phrase = ("an " if phrase[0] in "aeiou" else "a ") + phrase
            return f"{phrase} (unnamed)"
        return None

    def _subject_before(self, st: Sent, v: int, stop: int) -> str | None:
        """The subject of the verb at token ``v``: a name, a pronoun, or _NOBODY."""
        toks = st.toks
        j = self._relative_start(st, v, stop) - 1
        nouns = 0
        words: list[str] = []  # the common nouns seen, in reading order
        at = st.base + toks[v].start
        steps = 0
        while j >= stop and steps < 30:
            steps += 1
            t = toks[j]
            if t.mention >= 0:
                mi = t.mention
                first = mention_start(toks, j, 0)
                p = first - 1
                if p - 1 >= stop and toks[p].low in ("the", "a", "an") and toks[p - 1].low in _PREP:
                    p -= 1  # "a nurse at the Harbour Hospital said"
                if p - 1 >= stop and toks[p].low in ("for", "of", "from", "at") and nouns == 0 \
                        and toks[p - 1].low in _SPOKES and st.mentions[mi].kind == "org":
                    return self._resolve(st, mi)  # "a spokeswoman for Acme Corp said"
                if p >= stop and toks[p].low in _PREP and nouns == 0 \
                        and p - 1 >= stop and toks[p - 1].text[:1].isalpha() \
                        and toks[p - 1].mention < 0 and toks[p - 1].low not in SPEECH:
                    # "officials in Washington said": the name is not the subject
                    j = p - 1
                    continue
                if st.mentions[mi].possessive and nouns > 0:
                    return _NOBODY  # "Doe's lawyer said"
                return self._resolve(st, mi)
            low = t.low
            if low in PRONOUNS:
                return self.pronoun(st.base + t.start)
            if low == "it" and nouns == 0:
                return self.organisation(at) or _NOBODY  # "it said in a statement"
            if low in ("i", "we", "you", "it"):
                return _NOBODY
            if low in SKIP_BACK or (low.endswith("ly") and t.text[0].islower()):
                j -= 1
                continue
            if low == "who":
                j -= 1
                if j >= stop and toks[j].text == ",":
                    j -= 1
                continue
            if t.text == ",":
                c = self._clause_start(st, j, stop)
                if c is not None:  # "One nurse, who declined to be named, said"
                    j = c - 1
                    continue
                c = self._appositive_start(st, j, stop)
                if c is None:
                    return None
                j = c - 1
                continue
            if low in NOUN_OPENERS or (low in _NUMBER_DET and nouns):
                if nouns:
                    return self._common_speaker(st, low, words, at) or _NOBODY
                return _NOBODY
            if t.text[0].isalpha() and t.text[0].islower():
                nouns += 1
                words.insert(0, low)
                if nouns > 3:
                    return None
                j -= 1
                continue
            if t.text in TITLES and nouns == 0:  # "Mayor says …" (a headline)
                title = low
                if j - 1 >= stop and toks[j - 1].text in TITLES and toks[j - 1].mention < 0:
                    title = toks[j - 1].low + " " + low
                return self.titled_person(title) or self.titled_person(low) or _NOBODY
            if nouns:
                return self._common_speaker(st, None, words, at) or _NOBODY
            return None
        if nouns:
            return self._common_speaker(st, None, words, at) or _NOBODY
        return None

    def _relative_start(self, st: Sent, v: int, stop: int) -> int:
        """"a nurse who declined to be named said": where the clause between the
        subject and the verb at ``v`` starts ("who", "speaking" ...), with no
        comma around it; ``v`` when there is none."""
        toks = st.toks
        for c in range(v - 1, max(stop, v - 12) - 1, -1):
            t = toks[c]
            if t.text[0] in ",|.;:!?()" or t.mention >= 0:
                return v
            if t.low in _CLAUSE_OPENERS and c > stop and toks[c - 1].text[:1].isalpha() \
                    and toks[c - 1].text[0].islower():
                return c
        return v

    def _clause_start(self, st: Sent, j: int, stop: int) -> int | None:
        """For the comma at ``j`` closing ", who declined to be named," or
        ", speaking on condition of anonymity,", the comma opening it."""
        toks = st.toks
        c = j - 1
        while c >= stop and c > j - 25:
            if toks[c].text == ",":
                if c + 1 < j and toks[c + 1].low in _CLAUSE_OPENERS and c - 1 >= stop:
                    return c
                return None
            if toks[c].text[0] in "|.;:!?()":
                return None
            c -= 1
        return None

    def _appositive_start(self, st: Sent, j: int, stop: int) -> int | None:
        """For the comma at ``j`` closing an appositive, the comma opening it."""
        toks = st.toks
        c = j - 1
        while c >= stop and c > j - 25:
            t = toks[c]
            if t.text == ",":
                if c + 1 < j and c - 1 >= stop and toks[c - 1].mention >= 0:
                    nxt = toks[c + 1]
                    if nxt.low in NOUN_OPENERS or nxt.text[:1].isdigit() or \
                            (nxt.text[:1].islower()) or nxt.low in ("who", "which", "whose"):
                        return c
                return None
            if t.text[0] in "|.;:!?()":
                return None
            c -= 1
        return None

    def sentence_subject(self, k: int, people_only: bool = False) -> str | None:
        """The grammatical subject of sentence ``k`` when it is a person or name."""
        if k < 0 or k >= len(self.sents):
            return None
        st = self.sent(k)
        if not people_only and st.cached_subject is not UNSET:
            return st.cached_subject  # type: ignore[return-value]
        toks = st.toks
        found = None
        first_person = None
        seen = 0
        i = 0
        while i < len(toks) and seen < 60:
            seen += 1
            t = toks[i]
            if t.mention >= 0:
                men = st.mentions[t.mention]
                end = mention_end(toks, i, len(toks))
                if not men.possessive and men.kind != "org":
                    if first_person is None and men.kind == "person":
                        first_person = self._resolve(st, t.mention)
                    if _verb_after(st, end):
                        found = self._resolve(st, t.mention)
                        break
                i = end
                continue
            if t.low in PRONOUNS and _verb_after(st, i + 1):
                found = self.pronoun(st.base + t.start)
                break
            i += 1
        result = found or first_person
        if not people_only:
            st.cached_subject = result
        return result


def _verb_after(st: Sent, i: int) -> bool:
    """Does a verb follow token ``i`` (after an appositive and adverbs)?"""
    return word_after(st, i, 4, _verb_test)


def _verb_test(t: Token) -> bool | None:
    if t.mention >= 0 or not t.text[:1].isalpha() or not t.text[0].islower():
        return False
    low = t.low
    if low in SPEECH or low in FORM_TO_BASE or low in AUXILIARIES or low.endswith("ed"):
        return True
    return None
