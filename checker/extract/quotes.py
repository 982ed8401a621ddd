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

Speakers
    See :mod:`checker.extract.speakers` (attribution) and
    :mod:`checker.extract.people` (names, pronouns). Sentences of several
    sources are handled source by source.

Cost
    Linear: one scan for marks, one tokenization and name pass per sentence,
    and a bounded window of words around each quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.extract.people import Sent
from checker.extract.speakers import Speakers
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


_SKIP_CUES = ("so-called", "so called")
_NAME_CUES = frozenset("""dubbed titled entitled nicknamed named branded labelled labeled
codenamed hashtag term word phrase slogan motto""".split())
_TERMINAL = ".!?…"

_WORD = re.compile(r"[^\W_]+")
_BREAK = "\x00"  # stands for the line end(s) between two paragraphs' sentences
_DOUBLE = re.compile(r"[“”\"„«»‟\x00]|\n[ \t\r\f\v]*\n")
_SINGLE = re.compile(r"[‘’']")
_LEFT = set(" \t\r\n([{<—–-/:;“‘«") | {""}
_RIGHT = set(" \t\r\n)]}>.,;:!?—–-…’”»") | {""}
MAX_QUOTE = 6000    # a “quote” longer than this is a mismatched mark
MAX_SINGLE = 600


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


class _Doc(Speakers):
    """One source's sentences: text, quote marks, quotes."""

    def __init__(self, group: list[tuple[int, Sentence]], lexicon: Lexicon):
        self.sents = group
        self.lexicon = lexicon
        self.base = group[0][1].start
        self._sent_cache: dict[int, Sent] = {}
        self._build_text()
        self.spans = self._double_spans()
        self.span_starts = [s for s, _ in self.spans]

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
            if "‘" not in s.text and "'" not in s.text:
                continue
            st = self.sent(k)
            text = st.masked
            open_at = None
            for m in _SINGLE.finditer(text):
                i = m.start()
                before = text[i - 1] if i else ""
                after = text[i + 1] if i + 1 < len(text) else ""
                if m.group() in "‘'" and before in _LEFT and after.isalpha():
                    open_at = i
                elif m.group() in "’'" and open_at is not None and before and not before.isspace() \
                        and not after.isalnum():
                    if i - open_at <= MAX_SINGLE:
                        out.append((s.start + open_at, s.start + i + 1, k))
                    open_at = None
        return out

    def sent(self, k: int) -> Sent:
        st = self._sent_cache.get(k)
        if st is None:
            st = Sent(self, k)
            self._sent_cache[k] = st
        return st

    # ---------------------------------------------------------------- quotes
    def quotes(self) -> list[Quote]:
        cands = []  # (open, close_end, sentence k, single?)
        for s, e in self.spans:
            cands.append((s, e, self.sentence_of(s), False))
        if "‘" in self.doc or "'" in self.doc:
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
        self.attribute(rows)
        self._keep(rows)
        out = []
        for row in rows:
            if row["drop"]:
                continue
            out.append(Quote(row["start"], row["end"], row["value"], row["speaker"],
                             self.sents[row["k"]][0]))
        return out

    def _candidate(self, s: int, e: int, k: int, single: bool) -> dict | None:
        a, b = s + 1, e - 1
        if self.char(e - 1) not in "”\"»‟“’‘„«'":  # run-on paragraph: no closing mark
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

    def _keep(self, rows: list[dict]) -> None:
        """Drop scare quotes, titles and unattributed one-word quotes."""
        for row in rows:
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


def _title_case(value: str) -> bool:
    """“The Art of the Deal”: a title, not speech."""
    words = [w for w in value.split() if w[:1].isalpha()]
    if len(words) < 2 or value.rstrip()[-1:] in _TERMINAL:
        return False
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words) and words[0][0].isupper()
