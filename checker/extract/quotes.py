"""Direct quotations and who said them.

``find_quotes(sentences, lexicon)`` returns one :class:`Quote` per contiguous
quoted span, in reading order.

Quotation marks
    Curly “…”, straight "…" (opening/closing told apart by the characters
    around them), „…“ and «…». A quote may run over several sentences; one
    left open at a paragraph end counts only when the next paragraph opens
    with a quotation mark (the multi-paragraph convention), otherwise the mark
    is dropped, so a stray mark never swallows text. ‘Single curly’ quotes
    count only outside double quotes, in a sentence with an attribution verb,
    and with at least two words. Everything is one linear scan.

What is kept
    ``start``/``end`` cover the quoted words without the marks, surrounding
    blanks or a trailing comma (the comma before an attribution is
    punctuation, not speech). A one-word quote is kept only when it is
    directly attributed (“No,” she said.); scare quotes are dropped: one word
    with no attribution, anything after "so-called", short names after
    "dubbed", "titled", "known as"…, and unattributed Title Case phrases
    (titles of works).

Speaker, first rule that answers wins
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
    "Acme").

Names
    Pronouns he/she/they go to the last named person before them (names
    inside quotes and possessives do not count; a lone name never given in
    full counts only on evidence: it speaks, takes "who", an age or a title).
    A surname or first name goes to the full name it was introduced with,
    before or after ("Jane Doe … Doe said" -> "Jane Doe"); titles are
    stripped (CEO, Mr., Dr. …) by the name finder of
    :mod:`checker.extract.frames`. Sentences of several sources are handled
    source by source.

Cost
    Linear: one scan for marks, one tokenization and name pass per sentence,
    and a bounded window of words around each quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.extract.frames import Mention, find_mentions, _FORM_TO_BASE
from checker.lexicon import Lexicon
from checker.records import Sentence

__all__ = ["Quote", "find_quotes"]


@dataclass(frozen=True)
class Quote:
    start: int          # absolute offsets of the quoted words (no marks)
    end: int
    value: str          # the words, white space collapsed
    speaker: str | None
    sentence_index: int  # position in ``sentences`` of the sentence the quote starts in


# ------------------------------------------------------------------ vocabulary

_SPEECH = frozenset("""
said says say told tells tell added adds wrote writes tweeted tweets posted posts
noted notes explained explains argued argues asked asks replied replies responded
responds continued continues stated states declared declares insisted insists
warned warns claimed claims recalled recalls remarked remarks quipped quips joked
jokes admitted admits acknowledged acknowledges conceded concedes countered
counters stressed stresses emphasized emphasised emphasizes emphasises suggested
suggests announced announces confirmed confirms testified testifies shouted yelled
whispered observed observes concluded concludes commented comments answered
answers exclaimed mused muses boasted boasts complained complains lamented laments
predicted predicts promised promises vowed vows urged urges called calls described
describes dubbed labeled labelled branded reiterated reiterates repeated repeats
maintained maintains contended contends texted emailed messaged elaborated
cautioned cautions agreed agrees interjected retorted snapped scoffed wondered
wonders recounted recounts reflected reflects characterized characterised
replied insisted posted wrote blasted slammed hailed praised criticized
criticised accused accuses dismissed
""".split())
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
_PRONOUNS = frozenset({"he", "she", "they"})
_PERSON_TITLES = frozenset("""Mr Mrs Ms Mx Miss Dr Sen Senator Rep Gov Governor President Judge
Professor Prof Sir Dame Lord Lady Mayor""".split())
_AUXILIARIES = frozenset("""is was are were has had have will would could should may might can
must did does do""".split())
_DETERMINERS = frozenset("""the a an its his her their our your my this that these those
some any every each no another such several many both all most""".split())
_SKIP_BACK = frozenset("""also later then still just now previously reportedly once again
even ultimately eventually initially originally subsequently formally officially
publicly privately quickly firmly flatly repeatedly separately meanwhile however
has have had is was were are will would could should may might can must did does do
not never already recently simply only""".split())
_PREP = frozenset("""of in at for from with on near across inside outside to by
about against among between within""".split())
_SKIP_CUES = ("so-called", "so called")
_NAME_CUES = frozenset("""dubbed titled entitled nicknamed named branded labelled labeled
codenamed hashtag term word phrase slogan motto""".split())
_TERMINAL = ".!?…"

_TOKEN = re.compile(r"[^\W_]+(?:[’'\-.&][^\W_]+)*|\|+|[^\w\s]")
_WORD = re.compile(r"[^\W_]+")
_BREAK = "\x00"  # stands for the line end(s) between two paragraphs' sentences
_DOUBLE = re.compile(r"[“”\"„«»‟\x00]|\n[ \t\r\f\v]*\n")
_SINGLE = re.compile(r"[‘’]")
_LEFT = set(" \t\r\n([{<—–-/:;“‘«") | {""}
_RIGHT = set(" \t\r\n)]}>.,;:!?—–-…’”»") | {""}
MAX_QUOTE = 6000    # a “quote” longer than this is a mismatched mark
MAX_SINGLE = 600


# ------------------------------------------------------------------ entry point

def find_quotes(sentences: list[Sentence], lexicon: Lexicon) -> list[Quote]:
    """The direct quotations of one source's sentences, in reading order."""
    out: list[Quote] = []
    group: list[tuple[int, Sentence]] = []
    for i, s in enumerate(sentences):
        if group and s.source != group[-1][1].source:
            out.extend(_Doc(group, lexicon).quotes())
            group = []
        group.append((i, s))
    if group:
        out.extend(_Doc(group, lexicon).quotes())
    return out


@dataclass(slots=True)
class _Tok:
    start: int   # local offset in the sentence
    end: int
    text: str
    low: str
    mention: int = -1


class _Sent:
    """A sentence with its quotes masked, tokens and names (built on demand)."""

    def __init__(self, doc: "_Doc", k: int):
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
        toks = []
        for m in _TOKEN.finditer(self.masked):
            w = m.group()
            toks.append(_Tok(m.start(), m.end(), w, w.lower().replace("’", "'")))
        starts = [t.start for t in toks]
        for mi, men in enumerate(self.mentions):
            i = bisect.bisect_left(starts, men.start)
            while i < len(toks) and toks[i].start < men.end:
                toks[i].mention = mi
                i += 1
        self.toks = toks
        self.starts = starts
        self.words_outside = sum(1 for t in toks if t.text[0].isalnum())
        self._subject: object = _UNSET

    def tok_at(self, local: int) -> int:
        """Index of the first token starting at or after ``local``."""
        return bisect.bisect_left(self.starts, local)


_UNSET = object()
_NOBODY = "\x00nobody"  # a speech verb with a common-noun subject


class _Doc:
    def __init__(self, group: list[tuple[int, Sentence]], lexicon: Lexicon):
        self.sents = group
        self.lexicon = lexicon
        self.base = group[0][1].start
        self._sent_cache: dict[int, _Sent] = {}
        self._build_text()
        self.spans = self._double_spans()
        self.span_starts = [s for s, _ in self.spans]
        self._registry_built = False

    # ---------------------------------------------------------------- text
    def _build_text(self) -> None:
        parts: list[str] = []
        pos = self.base
        self.sent_starts: list[int] = []
        prev_line_end = None
        for _, s in self.sents:
            if s.start < pos:  # overlapping or unordered sentences: skip them
                self.sent_starts.append(s.start)
                continue
            gap = s.start - pos
            if gap:
                # a new line is a new paragraph; a wide gap may hide dropped
                # text (a sentence without words), so a quote never spans it
                brk = (prev_line_end is not None and s.line > prev_line_end) or gap >= 3
                parts.append(_BREAK + " " * (gap - 1) if brk else " " * gap)
            parts.append(s.text)
            pos = s.start + len(s.text)
            prev_line_end = s.line + s.text.count("\n")
            self.sent_starts.append(s.start)
        self.doc = "".join(parts)
        self.end = pos

    def sentence_of(self, absolute: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, absolute) - 1)

    def char(self, absolute: int) -> str:
        i = absolute - self.base
        return self.doc[i] if 0 <= i < len(self.doc) else ""

    # ---------------------------------------------------------------- marks
    def _double_spans(self) -> list[tuple[int, int]]:
        """(open mark, close mark + 1) absolute spans of double quotes."""
        doc, base = self.doc, self.base
        n = len(doc)
        spans: list[tuple[int, int]] = []
        open_at: int | None = None
        for m in _DOUBLE.finditer(doc):
            i = m.start()
            ch = m.group()
            if ch[0] in "\n\x00":  # paragraph break
                if open_at is not None:
                    k = m.end()
                    while k < n and doc[k].isspace():
                        k += 1
                    if k < n and doc[k] in "“\"„«‟" and i - open_at <= MAX_QUOTE:
                        spans.append((base + open_at, base + i))  # runs on: keep its words
                    open_at = None
                continue
            before = doc[i - 1] if i else ""
            after = doc[i + 1] if i + 1 < n else ""
            left = before in _LEFT or before == _BREAK
            right = after in _RIGHT or after in "\"“"
            if ch in "“„«‟":
                role = "close" if (ch == "“" and not left and right and after != "") else "open"
            elif ch in "”»":
                role = "open" if (ch == "”" and left and not right) else "close"
            else:
                role = "open" if left and not right else "close" if right and not left else "toggle"
            if role == "toggle":
                role = "close" if open_at is not None else "open"
            if role == "open":
                open_at = i
            elif open_at is not None:
                if i - open_at <= MAX_QUOTE:
                    spans.append((base + open_at, base + i + 1))
                open_at = None
        return spans

    def spans_in(self, k: int) -> list[tuple[int, int]]:
        """Quote spans (marks included) overlapping sentence ``k``."""
        s = self.sents[k][1]
        i = bisect.bisect_left(self.span_starts, s.start)
        out = []
        j = i - 1
        if j >= 0 and self.spans[j][1] > s.start:
            out.append(self.spans[j])
        while i < len(self.spans) and self.spans[i][0] < s.end:
            out.append(self.spans[i])
            i += 1
        return out

    def _single_spans(self) -> list[tuple[int, int, int]]:
        """‘single’ quotes outside double quotes: (open, close + 1, sentence)."""
        out = []
        for k, (_, s) in enumerate(self.sents):
            if "‘" not in s.text:
                continue
            st = self.sent(k)
            text = st.masked
            open_at = None
            for m in _SINGLE.finditer(text):
                i = m.start()
                before = text[i - 1] if i else ""
                after = text[i + 1] if i + 1 < len(text) else ""
                if m.group() == "‘":
                    if (before in _LEFT) and after.isalpha():
                        open_at = i
                elif open_at is not None and before and not before.isspace() \
                        and not after.isalnum():
                    if i - open_at <= MAX_SINGLE:
                        out.append((s.start + open_at, s.start + i + 1, k))
                    open_at = None
        return out

    def sent(self, k: int) -> _Sent:
        st = self._sent_cache.get(k)
        if st is None:
            st = _Sent(self, k)
            self._sent_cache[k] = st
        return st

    # ---------------------------------------------------------------- people
    def _build_registry(self) -> None:
        """Full names by surname / first name, and where people are named."""
        self._registry_built = True
        self.by_last: dict[str, tuple[list[int], list[str]]] = {}
        self.by_first: dict[str, tuple[list[int], list[str]]] = {}
        self.people_pos: list[int] = []
        self.people: list[str] = []
        self.poss_pos: list[int] = []
        self.poss: list[str] = []
        found: list[tuple[int, Mention, int]] = []
        for k in range(len(self.sents)):
            st = self.sent(k)
            for mi, men in enumerate(st.mentions):
                found.append((st.base + men.start, men, k))
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
        if j >= 0 and toks[j].text in _PERSON_TITLES:
            return True  # "Ms. Doe", "Senator Doe"
        i = _skip_appositive(st, i)
        for _ in range(3):
            if i >= len(toks):
                return False
            low = toks[i].low
            if toks[i].mention < 0 and low in _SPEECH:
                return True
            if low in _SKIP_BACK or low.endswith("ly"):
                i += 1
                continue
            return False
        return False

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

    def pronoun(self, absolute: int) -> str | None:
        if not self._registry_built:
            self._build_registry()
        i = bisect.bisect_left(self.people_pos, absolute)
        if i > 0:
            return self.people[i - 1]
        i = bisect.bisect_left(self.poss_pos, absolute)
        if i > 0:
            return self.poss[i - 1]
        return None

    # ---------------------------------------------------------------- quotes
    def quotes(self) -> list[Quote]:
        cands = []  # (open, close_end, sentence k, single?)
        for s, e in self.spans:
            cands.append((s, e, self.sentence_of(s), False))
        if "‘" in self.doc:
            for s, e, k in self._single_spans():
                cands.append((s, e, k, True))
        cands.sort()
        rows = []
        for s, e, k, single in cands:
            row = self._candidate(s, e, k, single)
            if row is not None:
                rows.append(row)
        if not rows:
            return []
        self._attribute(rows)
        out = []
        for row in rows:
            if row["drop"]:
                continue
            out.append(Quote(row["start"], row["end"], row["value"], row["speaker"],
                             self.sents[row["k"]][0]))
        return out

    def _candidate(self, s: int, e: int, k: int, single: bool) -> dict | None:
        a, b = s + 1, e - 1
        if self.char(e - 1) not in "”\"»‟“’‘„«":  # run-on paragraph: no closing mark
            b = e
        while a < b and self.char(a).isspace():
            a += 1
        while b > a and (self.char(b - 1).isspace() or self.char(b - 1) == ","):
            b -= 1
        if b <= a:
            return None
        raw = self.doc[a - self.base:b - self.base]
        words = _WORD.findall(raw)
        if not words or not any(ch.isalpha() for ch in raw):
            return None
        value = " ".join(raw.split())
        k = self.sentence_of(a)
        return {"open": s, "close": e, "start": a, "end": b, "value": value, "words": len(words),
                "k": k, "k_end": self.sentence_of(max(s, e - 1)), "single": single,
                "speaker": None, "how": None, "drop": False}

    # ---------------------------------------------------------------- attribution
    def _attribute(self, rows: list[dict]) -> None:
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
        # what is kept
        for row in rows:
            if row["speaker"] == _NOBODY:
                row["speaker"] = None
            direct = row["how"] in ("after", "before")
            cue = self._cue_before(row)
            if cue == "skip":
                row["drop"] = True
            elif cue == "name" and row["words"] <= 6 and row["how"] != "after":
                row["drop"] = True
            elif row["words"] < 2 and not direct:
                row["drop"] = True
            elif row["single"] and (row["words"] < 2 or not direct):
                row["drop"] = True
            elif not direct and _title_case(row["value"]):
                row["drop"] = True

    def _cue_before(self, row: dict) -> str | None:
        st = self.sent(row["k"])
        local = row["open"] - st.base
        if local < 0:
            return None
        head = st.masked[max(0, local - 30):local].rstrip().lower()
        if head.endswith(_SKIP_CUES):
            return "skip"
        words = head.split()
        if words and (words[-1] in _NAME_CUES or head.endswith("known as")):
            return "name"
        return None

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

    def _after(self, st: _Sent, i: int) -> str | None:
        toks = st.toks
        n = len(toks)
        j = i
        # leading punctuation: “…,” — Doe said
        while j < n and toks[j].text in ",—–-:":
            j += 1
        start = j
        # “…” — Jane Doe
        if i < n and toks[i].text in "—–-" and start < n and toks[start].mention >= 0:
            e = start
            while e < n and toks[e].mention == toks[start].mention:
                e += 1
            if e >= n or toks[e].text[0] in ",.;)|":
                return self._resolve(st, toks[start].mention)
        limit = min(n, start + 14)
        for v in range(start, limit):
            t = toks[v]
            if t.text[0] in "|.!?;":
                return None
            if t.low == "according" and v + 1 < n and toks[v + 1].low == "to":
                return self._name_after(st, v + 1)
            if t.mention < 0 and t.low in _SPEECH:
                if v == start:
                    if t.low in _INVERTED:
                        return self._name_after(st, v)
                    return None
                who = self._subject_before(st, v, stop=start)
                if who is None and t.low in _INVERTED:
                    who = self._name_after(st, v)
                return who
        return None

    def _before(self, st: _Sent, i: int) -> str | None:
        toks = st.toks
        lo = i - 1
        while lo >= 0 and toks[lo].text[0] != "|" and lo > i - 80:
            lo -= 1
        lo += 1  # first token of the region before the quote
        j = i - 1
        # Doe: “…”
        if j >= lo and toks[j].text == ":" and j - 1 >= lo and toks[j - 1].mention >= 0:
            mi = toks[j - 1].mention
            first = j - 1
            while first - 1 >= lo and toks[first - 1].mention == mi:
                first -= 1
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
            if t.low in _SPEECH:
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

    def _only_name_between(self, st: _Sent, v: int, i: int) -> bool:
        for t in st.toks[v + 1:i]:
            if t.mention < 0 and t.text not in ",:" and t.low not in _DETERMINERS:
                return False
        return True

    def _participle(self, st: _Sent, v: int) -> str | None:
        """"…, adding, “…”": the speaker of the speech verb before, else the subject."""
        toks = st.toks
        for u in range(v - 1, max(-1, v - 60), -1):
            t = toks[u]
            if t.mention < 0 and t.low in _SPEECH:
                who = self._subject_before(st, u, stop=0)
                if who is None and u > 0 and toks[u - 1].text[0] == "|" and t.low in _INVERTED:
                    who = self._name_after(st, u)
                if who is not None:
                    return who
                break
        return self.sentence_subject(st.k)

    def _resolve(self, st: _Sent, mi: int) -> str:
        return self.person(st.mentions[mi], st.k)

    def _name_after(self, st: _Sent, v: int, max_steps: int = 8) -> str | None:
        """The name right after token ``v``: “…,” said (CEO) Jane Doe."""
        toks = st.toks
        n = len(toks)
        j = v + 1
        steps = 0
        while j < n and steps < max_steps:
            t = toks[j]
            if t.mention >= 0:
                men = st.mentions[t.mention]
                if men.kind != "person":
                    # "said Acme CEO Jane Doe": the person after the company
                    k = j
                    while k < n and toks[k].mention == t.mention:
                        k += 1
                    for m in range(k, min(n, k + 3)):
                        if toks[m].mention >= 0 and st.mentions[toks[m].mention].kind == "person":
                            return self._resolve(st, toks[m].mention)
                        if toks[m].text[0] in ",.;:|":
                            break
                return self._resolve(st, t.mention)
            if t.low in _PRONOUNS:
                return self.pronoun(st.base + t.start)
            if t.text == "," or t.low in _DETERMINERS or (t.text[:1].islower() and t.text[0].isalpha()) \
                    or t.low in ("’s", "'s"):
                j += 1
                steps += 1
                continue
            break
        return None

    def _subject_before(self, st: _Sent, v: int, stop: int) -> str | None:
        """The subject of the verb at token ``v``: a name, a pronoun, or _NOBODY."""
        toks = st.toks
        j = v - 1
        nouns = 0
        steps = 0
        while j >= stop and steps < 30:
            steps += 1
            t = toks[j]
            if t.mention >= 0:
                mi = t.mention
                first = j
                while first - 1 >= 0 and toks[first - 1].mention == mi:
                    first -= 1
                if first - 1 >= stop and toks[first - 1].low in _PREP and nouns == 0 \
                        and first - 2 >= stop and toks[first - 2].text[:1].isalpha() \
                        and toks[first - 2].mention < 0 and toks[first - 2].low not in _SPEECH:
                    # "officials in Washington said": the name is not the subject
                    j = first - 2
                    nouns += 1
                    continue
                if st.mentions[mi].possessive and nouns > 0:
                    return _NOBODY  # "Doe's lawyer said"
                return self._resolve(st, mi)
            low = t.low
            if low in _PRONOUNS:
                return self.pronoun(st.base + t.start)
            if low in ("i", "we", "you", "it"):
                return _NOBODY
            if low in _SKIP_BACK or (low.endswith("ly") and t.text[0].islower()):
                j -= 1
                continue
            if low == "who":
                j -= 1
                if j >= stop and toks[j].text == ",":
                    j -= 1
                continue
            if t.text == ",":
                c = self._appositive_start(st, j, stop)
                if c is None:
                    return None
                j = c - 1
                continue
            if low in _DETERMINERS:
                return _NOBODY
            if t.text[0].isalpha() and t.text[0].islower():
                nouns += 1
                if nouns > 3:
                    return None
                j -= 1
                continue
            return _NOBODY if nouns else None
        return _NOBODY if nouns else None

    def _appositive_start(self, st: _Sent, j: int, stop: int) -> int | None:
        """For the comma at ``j`` closing an appositive, the comma opening it."""
        toks = st.toks
        c = j - 1
        while c >= stop and c > j - 25:
            t = toks[c]
            if t.text == ",":
                if c + 1 < j and c - 1 >= stop and toks[c - 1].mention >= 0:
                    nxt = toks[c + 1]
                    if nxt.low in _DETERMINERS or nxt.text[:1].isdigit() or \
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
        if not people_only and st._subject is not _UNSET:
            return st._subject  # type: ignore[return-value]
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
                end = i
                while end < len(toks) and toks[end].mention == t.mention:
                    end += 1
                if not men.possessive and men.kind != "org":
                    if first_person is None and men.kind == "person":
                        first_person = self._resolve(st, t.mention)
                    if self._verb_follows(st, end):
                        found = self._resolve(st, t.mention)
                        break
                i = end
                continue
            if t.low in _PRONOUNS and self._verb_follows(st, i + 1):
                found = self.pronoun(st.base + t.start)
                break
            i += 1
        result = found or first_person
        if not people_only:
            st._subject = result
        return result

    def _verb_follows(self, st: _Sent, i: int) -> bool:
        return _verb_after(st, i)


def _verb_after(st: _Sent, i: int) -> bool:
    """Does a verb follow token ``i`` (after an appositive and adverbs)?"""
    toks = st.toks
    i = _skip_appositive(st, i)
    for _ in range(4):
        if i >= len(toks):
            return False
        t = toks[i]
        low = t.low
        if t.mention >= 0 or not t.text[:1].isalpha() or not t.text[0].islower():
            return False
        if low in _SPEECH or low in _FORM_TO_BASE or low in _AUXILIARIES or low.endswith("ed"):
            return True
        if low in _SKIP_BACK or low.endswith("ly"):
            i += 1  # "Doe also said", "Doe reportedly left"
            continue
        return False
    return False


def _skip_appositive(st: _Sent, i: int) -> int:
    """Skip ", the chief executive," / ", 45," after a name starting at token ``i``."""
    toks = st.toks
    if i < len(toks) and toks[i].text == ",":
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and (nxt.low in _DETERMINERS or nxt.text[:1].isdigit()
                                or nxt.text[:1].islower()):
            for c in range(i + 1, min(len(toks), i + 25)):
                if toks[c].text == ",":
                    return c + 1
                if toks[c].text[0] in "|.;:!?()":
                    break
    return i


def _title_case(value: str) -> bool:
    """“The Art of the Deal”: a title, not speech."""
    words = [w for w in value.split() if w[:1].isalpha()]
    if len(words) < 2 or value.rstrip()[-1:] in _TERMINAL:
        return False
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words) and words[0][0].isupper()
