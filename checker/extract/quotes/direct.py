"""Direct quotations and who said them.

``find_quotes(sentences, lexicon)`` returns one :class:`Quote` per contiguous
quoted span, in reading order.

Quotation marks
    Curly “…”, straight "…" (opening/closing told apart by the characters
    around them, so `quarter."We expect` opens a quote), „…“ and „…”, «…»,
    »…« and ‹…›. A quote may run over several sentences; one left open at a
    paragraph end counts only when the next paragraph opens with a quotation
    mark (the multi-paragraph convention: the paragraphs form a chain with one
    speaker), otherwise the mark is dropped, so a stray mark never swallows
    text. A quote still open where the text stops mid-sentence (an excerpt cut
    off) is kept as a *partial* quote: its last, possibly cut, word is left
    out and ``Quote.partial`` is set. Single quotes ‘…’, '…' (British style)
    and ‹…› count only outside double quotes, with an attribution (or going
    on from a directly attributed single quote), and with at least two words;
    an apostrophe is never a mark (don't, '90s, the Smiths' house). Everything
    is one linear scan.

What is kept
    ``start``/``end`` cover the quoted words without the marks, surrounding
    blanks or a trailing comma (the comma before an attribution is
    punctuation, not speech). A one-word quote is kept only when it is
    directly attributed (“No,” she said.); scare quotes are dropped: one word
    with no attribution, anything after "so-called", short names after
    "dubbed", "titled", "known as"…, and unattributed Title Case phrases
    (titles of works).

Speakers
    See :mod:`checker.extract.quotes.speakers` (attribution) and
    :mod:`checker.extract.frames.people` (names, pronouns). Sentences of several
    sources are handled source by source.

Cost
    Linear: one scan for marks, one tokenization and name pass per sentence,
    and a bounded window of words around each quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.extract.quotes.paraphrase import Paraphrase, Paraphrases
from checker.extract.frames.people import Sent
from checker.extract.quotes.speakers import Speakers
from checker.extract.text.words import PRONOUNS, SPEECH
from checker.lexicon import Lexicon
from checker.records import Sentence

__all__ = ["Quote", "Paraphrase", "find_quotes", "find_speech"]


@dataclass(frozen=True)
class Quote:
    start: int          # absolute offsets of the quoted words (no marks)
    end: int
    value: str          # the words, white space collapsed
    speaker: str | None
    sentence_index: int  # position in ``sentences`` of the sentence the quote starts in
    partial: bool = False  # the text ends inside the quote: its tail is missing


_SKIP_CUES = ("so-called", "so called")
_NAME_CUES = frozenset("""dubbed titled entitled nicknamed named branded labelled labeled
codenamed hashtag term word phrase slogan motto""".split())
_TERMINAL = ".!?…"
_ATTRIBUTION_AFTER = frozenset("according i we you it".split())

_WORD = re.compile(r"[^\W_]+")
_BREAK = "\x00"  # stands for the line end(s) between two paragraphs' sentences
_DOUBLE = re.compile(r"[“”\"„«»‟\x00]|\n[ \t\r\f\v]*\n")
_SINGLE = re.compile(r"[‘’'‹›\x00]")
_OPENING = "“\"„«»‟"       # a paragraph opening with one of these continues a run-on quote
_OPENING_SINGLE = "‘'‹›"
_MARKS = "”\"»‟“’‘„«'‹›"
_LEFT = set(" \t\r\n([{<—–-/:;“‘«") | {""}
_RIGHT = set(" \t\r\n)]}>.,;:!?—–-…’”»") | {""}
MAX_QUOTE = 6000    # a “quote” longer than this is a mismatched mark
MAX_SINGLE = 600
MIN_PARTIAL = 3     # content words a cut-off quote needs to be compared at all


def find_quotes(sentences: list[Sentence], lexicon: Lexicon) -> list[Quote]:
    """The direct quotations of one source's sentences, in reading order."""
    return find_speech(sentences, lexicon, paraphrases=False)[0]


def find_speech(sentences: list[Sentence], lexicon: Lexicon,
                paraphrases: bool = True) -> tuple[list[Quote], list[Paraphrase]]:
    """(direct quotations, indirect speech) of the sentences, in reading order.

    Both share one pass over names and speakers per source; see
    :mod:`checker.extract.quotes.paraphrase` for indirect speech."""
    quotes: list[Quote] = []
    reported: list[Paraphrase] = []
    group: list[tuple[int, Sentence]] = []

    def flush():
        doc = _Doc(group, lexicon)
        quotes.extend(doc.quotes())
        if paraphrases:
            reported.extend(Paraphrases(doc).find())

    for i, s in enumerate(sentences):
        if group and s.source != group[-1][1].source:
            flush()
            group = []
        group.append((i, s))
    if group:
        flush()
    return quotes, reported


class _Doc(Speakers):
    """One source's sentences: text, quote marks, quotes."""

    def __init__(self, group: list[tuple[int, Sentence]], lexicon: Lexicon):
        self.sents = group
        self.lexicon = lexicon
        self.base = group[0][1].start
        self._sent_cache: dict[int, Sent] = {}
        self._rows: list[dict] | None = None
        self._build_text()
        self.ends: dict[int, str] = {}  # open offset -> "runon" | "cut" (else closed)
        self.spans = self._double_spans()
        self.singles = self._single_spans() if any(c in self.doc for c in "‘'‹›") else []
        # what a sentence masks (quotes are not the reporter's words): double and
        # single quotes, overlapping ones merged ("‘He said “no” to me,’ …")
        self.masked_spans = _merged(self.spans + [(s, e) for s, e, _ in self.singles])
        self.span_starts = [s for s, _ in self.masked_spans]

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
        """(open mark, close mark + 1) absolute spans of double quotes.

        A quote left open at a paragraph end runs on when the next paragraph
        opens with a mark (its span ends at the break: ``runon``); one still
        open where the text ends was cut off (``cut``: kept as a partial quote).
        """
        doc, base = self.doc, self.base
        n = len(doc)
        spans: list[tuple[int, int]] = []
        open_at: int | None = None
        for m in _DOUBLE.finditer(doc):
            i = m.start()
            ch = m.group()
            if ch[0] in "\n\x00":  # paragraph break
                if open_at is not None:
                    if self._opens_paragraph(m.end(), _OPENING) and i - open_at <= MAX_QUOTE:
                        spans.append((base + open_at, base + i))  # runs on: keep its words
                        self.ends[base + open_at] = "runon"
                    open_at = None
                continue
            before = doc[i - 1] if i else ""
            after = doc[i + 1] if i + 1 < n else ""
            left = before in _LEFT or before == _BREAK
            right = after in _RIGHT or after in "\"“"
            if ch in "“«":  # “ and « close a quote in German and Swiss styles („…“, »…«)
                role = "close" if (not left and right) else "open"
            elif ch in "„‟":
                role = "open"
            elif ch in "”»":  # ” opens in Swedish style, » in German (»…«)
                role = "open" if (left and not right) else "close"
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
        if open_at is not None and n - open_at <= MAX_QUOTE and self._cut_off():
            spans.append((base + open_at, base + n))  # the text ends inside the quote
            self.ends[base + open_at] = "cut"
        return spans

    def _cut_off(self) -> bool:
        """Does the text stop mid-sentence (cut off), not after a full stop?

        A mark left open before a final full stop is a stray mark; one open
        where the text breaks off mid-sentence, or at a trailing ellipsis, is a
        quote whose tail is missing."""
        tail = self.doc.rstrip()
        if tail.endswith(("...", "…")):
            return True
        return bool(tail) and tail[-1] not in ".!?" + _MARKS + ")]"

    def _opens_paragraph(self, k: int, marks: str) -> bool:
        """Does the paragraph starting at doc index ``k`` open with one of ``marks``?"""
        doc, n = self.doc, len(self.doc)
        while k < n and doc[k].isspace():
            k += 1
        return k < n and doc[k] in marks

    def spans_in(self, k: int) -> list[tuple[int, int]]:
        """Quote spans (marks included, double and single) overlapping sentence ``k``."""
        s = self.sents[k][1]
        spans = self.masked_spans
        i = bisect.bisect_left(self.span_starts, s.start)
        out = []
        j = i - 1
        if j >= 0 and spans[j][1] > s.start:
            out.append(spans[j])
        while i < len(spans) and spans[i][0] < s.end:
            out.append(spans[i])
            i += 1
        return out

    def _single_spans(self) -> list[tuple[int, int, int]]:
        """‘single’ quotes outside double quotes: (open, close + 1, sentence).

        Straight ' and curly ‘’ and ‹›, over sentences and (by the run-on
        convention) paragraphs. An apostrophe is never a mark: inside a word
        (don't), before a digit ('90s), or a plural possessive (the Smiths'
        house: s' before a lower-case word that is not an attribution).
        """
        doc, base = self.doc, self.base
        n = len(doc)
        out = []
        open_at: int | None = None
        d = 0  # next double span to test
        spans = self.spans
        for m in _SINGLE.finditer(doc):
            i = m.start()
            ch = m.group()
            if ch == _BREAK:
                if open_at is not None:
                    if self._opens_paragraph(i + 1, _OPENING_SINGLE) and i - open_at <= MAX_SINGLE:
                        out.append((base + open_at, base + i, self.sentence_of(base + open_at)))
                        self.ends[base + open_at] = "runon"
                    open_at = None
                continue
            a = base + i
            while d < len(spans) and spans[d][1] <= a:
                d += 1
            if d < len(spans) and spans[d][0] <= a:
                continue  # inside a double quote
            before = doc[i - 1] if i else ""
            after = doc[i + 1] if i + 1 < n else ""
            closes = (open_at is not None and ch in "’'‹›" and before and not before.isspace()
                      and before != _BREAK and not after.isalnum()
                      and not (ch in "’'" and self._plural_possessive(i)))
            if closes:
                if i - open_at <= MAX_SINGLE:
                    out.append((base + open_at, a + 1, self.sentence_of(base + open_at)))
                open_at = None
            elif ch in "‘'‹›" and (before in _LEFT or before == _BREAK) and after.isalpha():
                open_at = i
        if open_at is not None and n - open_at <= MAX_SINGLE and self._cut_off():
            out.append((base + open_at, base + n, self.sentence_of(base + open_at)))
            self.ends[base + open_at] = "cut"
        return out

    def _plural_possessive(self, i: int) -> bool:
        """Is the ' at doc index ``i`` a plural possessive ("the nurses' union")?"""
        doc = self.doc
        if i == 0 or doc[i - 1] not in "sS" or doc[i + 1:i + 2] != " ":
            return False
        m = _WORD.match(doc, i + 2)
        if m is None:
            return False
        word = m.group()
        return word[0].islower() and word not in SPEECH and word not in PRONOUNS \
            and word not in _ATTRIBUTION_AFTER

    def sent(self, k: int) -> Sent:
        st = self._sent_cache.get(k)
        if st is None:
            st = Sent(self, k)
            self._sent_cache[k] = st
        return st

    # ---------------------------------------------------------------- quotes
    def quotes(self) -> list[Quote]:
        rows = self.quote_rows()
        return [Quote(row["start"], row["end"], row["value"], row["speaker"],
                      self.sents[row["k"]][0], row["end_kind"] == "cut")
                for row in rows if not row["drop"]]

    def quote_rows(self) -> list[dict]:
        """Every candidate quote row, attributed, with ``drop`` set (cached)."""
        if self._rows is not None:
            return self._rows
        cands = []  # (open, close_end, sentence k, single?)
        for s, e in self.spans:
            cands.append((s, e, self.sentence_of(s), False))
        for s, e, k in self.singles:
            cands.append((s, e, k, True))
        cands.sort()
        rows = []
        for s, e, k, single in cands:
            row = self._candidate(s, e, k, single)
            if row is not None:
                rows.append(row)
        self._rows = rows
        if not rows:
            return rows
        self.attribute(rows)
        self._chains(rows)
        self._keep(rows)
        return rows

    def _candidate(self, s: int, e: int, k: int, single: bool) -> dict | None:
        a, b = s + 1, e - 1
        end_kind = self.ends.get(s, "closed")
        if end_kind != "closed":  # run-on paragraph or cut-off text: no closing mark
            b = e
        if end_kind == "cut" and self.char(b - 1).isalnum():
            while b > a and not self.char(b - 1).isspace():
                b -= 1  # the text may end inside the last word: compare only whole words
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
                "end_kind": end_kind, "speaker": None, "how": None, "drop": False}

    def _chains(self, rows: list[dict]) -> None:
        """A quote run over paragraphs (each opening with a mark, the last one
        closing) has one speaker: the one attributed directly in any of them."""
        chain: list[dict] = []
        for i, row in enumerate(rows):
            chain.append(row)
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            if row["end_kind"] == "runon" and nxt is not None and nxt["single"] == row["single"] \
                    and self._blank_between(row["close"], nxt["open"]):
                continue
            if len(chain) > 1:
                direct = next((r for r in chain if r["how"] in ("after", "before")), None)
                if direct is not None:
                    for r in chain:
                        if r["how"] not in ("after", "before"):
                            r["speaker"], r["how"] = direct["speaker"], "chain"
            chain = []

    def _blank_between(self, a: int, b: int) -> bool:
        """Only white space (a paragraph break) between absolute offsets ``a`` and ``b``."""
        return 0 <= b - a <= 200 and not self.doc[a - self.base:b - self.base].strip(" \t\r\n\f\v" + _BREAK)

    def _keep(self, rows: list[dict]) -> None:
        """Drop scare quotes, titles and unattributed one-word quotes."""
        last_kept: dict | None = None
        for row in rows:
            direct = row["how"] in ("after", "before", "chain")
            cue = self._cue_before(row)
            # ‘A,’ she said. ‘B.’ : B goes on from a directly attributed single quote
            goes_on = (row["single"] and row["how"] in ("same", "previous") and last_kept is not None
                       and last_kept["single"] and last_kept["speaker"] == row["speaker"]
                       and row["k"] - last_kept["k_end"] <= 1)
            if cue == "skip":
                row["drop"] = True
            elif cue == "name" and row["words"] <= 6 and row["how"] != "after":
                row["drop"] = True
            elif row["words"] < 2 and not direct:
                row["drop"] = True
            elif row["single"] and (row["words"] < 2 or not (direct or goes_on)):
                row["drop"] = True
            elif not direct and _title_case(row["value"]):
                row["drop"] = True
            elif row["end_kind"] == "cut" and len(self.lexicon.content_words(row["value"])) < MIN_PARTIAL:
                row["drop"] = True  # too little of a cut-off quote left to compare
            if not row["drop"]:
                last_kept = row
        # ‘He told me “we are finished”,’ she said: the inner quote is part of the outer one
        outer = [(r["open"], r["close"]) for r in rows if r["single"] and not r["drop"]]
        if outer:
            for row in rows:
                if not row["single"] and any(a < row["open"] and row["close"] <= b for a, b in outer):
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


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _title_case(value: str) -> bool:
    """“The Art of the Deal”: a title, not speech."""
    words = [w for w in value.split() if w[:1].isalpha()]
    if len(words) < 2 or value.rstrip()[-1:] in _TERMINAL:
        return False
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words) and words[0][0].isupper()


# a sentence ends inside a quote: ". " then a capital (or an opening mark)
_QUOTE_BREAK = re.compile(r"(?<=[.!?…])[”’\"']?\s+(?=[“‘\"']?[A-Z])")
MIN_QUOTE_SENTENCE = 4  # words; shorter pieces stay with their neighbour


def quote_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of the quote at text[start:end], as (start, end) spans.

    Outlets cut a statement differently: one prints three sentences as one
    quote, another the second alone. Each sentence is compared on its own, so
    the second meets the second. A piece under MIN_QUOTE_SENTENCE words joins
    the sentence before it."""
    cuts = [start] + [start + m.end() for m in _QUOTE_BREAK.finditer(text[start:end])] + [end]
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b].rstrip()
        b = a + len(piece)
        if spans and len(piece.split()) < MIN_QUOTE_SENTENCE:
            spans[-1] = (spans[-1][0], b)
        elif not spans or len(text[spans[-1][0]:spans[-1][1]].split()) >= MIN_QUOTE_SENTENCE:
            spans.append((a, b))
        else:
            spans[-1] = (spans[-1][0], b)
    return spans or [(start, end)]
