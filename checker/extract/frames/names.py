"""Names in text, shared by the frames and the quote speakers.

``find_mentions(text)`` finds names: runs of Capitalized words (with name
particles such as "de" or "van", initials "R.", hyphenated and apostrophe
names), titles stripped ("Acme CEO Jane Doe" -> "Acme", "Jane Doe"),
possessives cut ("Doe's" -> "Doe"), sentence-initial function words,
days and months dropped, and every name folded through the lexicon's aliases
("Twitter" -> "X"). ``entities(text)`` lists their canonical names.
"""

from __future__ import annotations

from collections import OrderedDict

import re
from dataclasses import dataclass

from checker.extract.text.lemma import FORM_TO_BASE
from checker.extract.text.words import (
    ABBREV_DOT, DAYS, GENERIC_ACRONYMS, MONTHS, ORG, PARTICLES, PLACE_FIRST, SOFT_TITLES,
    STOP_CAP, STOP_INITIAL, SUFFIX, TITLES,
)
from checker.lexicon import Lexicon


@dataclass(frozen=True)
class Mention:
    """A name in a text: ``text[start:end] == written``."""

    start: int
    end: int
    written: str            # the name as written, titles and possessive cut
    canon: str              # lexicon.entity(written)
    kind: str               # "person" | "org" | "name"
    possessive: bool
    ntokens: int


# ------------------------------------------------------------------ words

# words: letter/digit runs joined by single ’ ' - . & ("O’Brien", "U.S.", "AT&T",
# "Covid-19"); never a hyphen before a figure in thousands ("Bola Tinubu-8,794,726"
# in a results list is a name and a count)
TOKEN = re.compile(r"[^\W_]+(?:(?:[’'.&]|-(?!\d{1,3},\d{3})|(?<=\d),(?=\d{3}(?!\d)))[^\W_]+)*\.?")
_NAME_SHAPE = re.compile(r"(?:[A-Z][a-z]*['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:-[A-Z][a-z]+)*|[A-Z]\.")


def _initial_position(text: str, pos: int) -> bool:
    """Is ``pos`` the first word of a sentence (or of a quotation)?"""
    i = pos - 1
    while i >= 0 and text[i] in " \t\r\n":
        i -= 1
    if i >= 0 and text[i] in "“‘«([\"":
        return True  # the first word of a quotation or a parenthesis
    while i >= 0 and text[i] in " \t\r\n\"'”’»)]—–-*#>":
        i -= 1
    return i < 0 or text[i] in ".!?:…"


def _org_word(word: str) -> bool:
    return word in ORG or (len(word) >= 2 and (word.isupper() or word[-2:].isupper()))


def _core(word: str) -> str:
    return word[:-1] if word.endswith(".") else word


def date_word(word: str) -> bool:
    """A day or month name ("Monday", "Jan.")."""
    w = _core(word)
    return w in DAYS or w in MONTHS


# sentences: names, frames and quotes all ask for the same ones. An entry
# keeps its lexicon alive, so an id is never reused while it is cached.
_CACHE: OrderedDict[tuple[int, str], tuple[Lexicon, list[Mention]]] = OrderedDict()
_CACHE_SIZE = 2048


def find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    """Names in ``text`` in order: capitalized runs plus lexicon alias hits."""
    key = (id(lexicon), text)
    entry = _CACHE.get(key)
    if entry is None or entry[0] is not lexicon:
        try:
            found = _find_mentions(text, lexicon)
        except Exception:  # pragma: no cover - never crash extraction on odd text
            found = []
        entry = _CACHE[key] = (lexicon, found)
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return list(entry[1])


def _find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    run: list[tuple[int, int, str]] = []
    state = {"poss": False}
    prev_end = -1

    memo: dict[tuple[str, bool, bool], list[Mention]] = {}

    def flush():
        if run:
            s0 = run[0][0]
            key = (text[s0:run[-1][1]], _initial_position(text, s0), state["poss"])
            found = memo.get(key)
            if found is None:  # names repeat: cut each distinct run once
                found = _split_run(text, list(run), state["poss"], lexicon)
                memo[key] = [Mention(x.start - s0, x.end - s0, x.written, x.canon, x.kind,
                                     x.possessive, x.ntokens) for x in found]
                out.extend(found)
            else:
                out.extend(Mention(x.start + s0, x.end + s0, x.written, x.canon, x.kind,
                                   x.possessive, x.ntokens) for x in found)
        run.clear()
        state["poss"] = False

    for m in TOKEN.finditer(text):
        s, e = m.span()
        w = m.group()
        possessive = False
        if len(w) > 2 and w[-2] in "’'" and w[-1] in "sS":
            w, e, possessive = w[:-2], e - 2, True
        ends = False
        if w.endswith(".") and len(w) > 1:
            core = w[:-1]
            keep = (core in ABBREV_DOT or "." in core
                    or (len(core) == 1 and core.isupper()))
            if not keep:
                w, e, ends = core, e - 1, True
        cap = w[:1].isupper()
        gap_ok = bool(run) and s - prev_end <= 2 and text[prev_end:s].strip(" \t") == "" and "\n" not in text[prev_end:s]
        joiner = gap_ok and (w in PARTICLES or (w in ("of", "for") and _core(run[-1][2]) in ORG))
        if cap or joiner:
            if not gap_ok:
                flush()
            run.append((s, e, w))
            prev_end = e
            if possessive or ends:
                state["poss"] = possessive
                flush()
        else:
            flush()
            prev_end = e
    flush()

    # a lone surname or first name stands for the full name in the same text
    full: dict[str, str] = {}
    for x in out:
        if x.kind == "person":
            parts = x.written.split()
            full.setdefault(parts[-1], x.canon)
            full.setdefault(parts[0], x.canon)
    if full:
        out = [Mention(x.start, x.end, x.written, full[x.written], "person", x.possessive, 1)
               if x.kind == "name" and x.written in full else x for x in out]

    # alias phrases the runs missed (or split), e.g. lower-case variants
    hits = _alias_hits(text, lexicon)
    if hits:
        out.sort(key=lambda x: x.start)
        merged: list[Mention] = []
        i = 0
        for s, e, canon in hits:
            while i < len(out) and out[i].end <= s:
                merged.append(out[i])
                i += 1
            j = i
            overlap = []
            while j < len(out) and out[j].start < e:
                overlap.append(out[j])
                j += 1
            if any(x.start <= s and e <= x.end and (x.end - x.start) > (e - s) for x in overlap):
                continue  # a longer name contains it ("US Steel"): keep the name
            if merged and merged[-1].end > s:
                continue  # overlaps an alias already taken
            i = j
            poss = text[e:e + 2] in ("’s", "'s")
            merged.append(Mention(s, e, text[s:e], canon, "org", poss, len(text[s:e].split())))
        merged.extend(out[i:])
        out = merged
    return out


class _LexInfo:
    """Per-lexicon lookups, built once: alias regex and tables."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        names: dict[str, str] = {}
        lower: dict[str, str] = {}
        for canon, variants in lexicon.aliases.items():
            for v in (canon, *variants):
                v = " ".join(str(v).split())
                if v:
                    names.setdefault(v, canon)
                    lower.setdefault(v.lower(), canon)
        self.names = names
        self.lower = lower
        self.one_letter = {v for v in names if len(v) == 1}
        self.pattern = None
        if names:
            alt = "|".join(re.escape(n).replace(r"\ ", r"\s+")
                           for n in sorted(names, key=len, reverse=True))
            self.pattern = re.compile(rf"(?<![\w.])(?:{alt})(?![\w])")

    def entity(self, name: str) -> str:
        key = " ".join(name.split())
        return self.lower.get(key.lower(), key)

    def is_alias(self, name: str) -> bool:
        return " ".join(name.split()).lower() in self.lower


_LEX_CACHE: dict[int, _LexInfo] = {}


def _lexinfo(lexicon: Lexicon) -> _LexInfo:
    info = _LEX_CACHE.get(id(lexicon))
    if info is None or info.lexicon is not lexicon:
        if len(_LEX_CACHE) > 8:
            _LEX_CACHE.clear()
        info = _LexInfo(lexicon)
        _LEX_CACHE[id(lexicon)] = info
    return info


def _alias_hits(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    info = _lexinfo(lexicon)
    if info.pattern is None:
        return []
    hits = []
    for m in info.pattern.finditer(text):
        found = " ".join(m.group().split())
        # a one-letter alias ("X") only when it is not a sentence-initial word
        if len(found) == 1 and _initial_position(text, m.start()):
            continue
        if text[m.end():m.end() + 1] == "$":  # "US$48" is a currency, not a country
            continue
        hits.append((m.start(), m.end(), info.names.get(found) or info.entity(found)))
    return hits


def _split_run(text: str, run: list[tuple[int, int, str]], possessive: bool,
               lexicon: Lexicon) -> list[Mention]:
    """Cut one capitalized run into names (titles, stop words, dates removed)."""
    # trim particles at the edges
    while run and (run[0][2] in PARTICLES or run[0][2] in ("of", "for")):
        run.pop(0)
    while run and (run[-1][2] in PARTICLES or run[-1][2] in ("of", "for")):
        run.pop()
        possessive = False
    if not run:
        return []
    info = _lexinfo(lexicon)
    if len(run) == 1:  # fast path: one word
        s, e, w = run[0]
        w0 = _core(w)
        if (w0 in STOP_CAP or w in STOP_CAP or w0 in DAYS or w0 in MONTHS or w0 in TITLES
                or w in TITLES or w0 in GENERIC_ACRONYMS or w0 in SUFFIX):
            return []
        if _initial_position(text, s) and _common_opener(w0, lexicon, info):
            return []
        if len(w0) == 1 and w0 not in info.one_letter:
            return []
        written = text[s:e]
        return [Mention(s, e, written, info.entity(written), _kind1(w0, info.is_alias(written)),
                        possessive, 1)]
    initial = _initial_position(text, run[0][0])
    pieces: list[list[tuple[int, int, str]]] = [[]]
    n = len(run)
    for k, tok in enumerate(run):
        w = _core(tok[2])
        nxt_digit = False
        if tok[1] < len(text):
            rest = text[tok[1]:tok[1] + 3].lstrip()
            nxt_digit = rest[:1].isdigit()
        drop = False
        if w in STOP_CAP or tok[2] in STOP_CAP:
            drop = True
        elif k == 0 and initial and (w in STOP_INITIAL):
            drop = True
        elif w in DAYS:
            drop = True
        elif w in MONTHS and (nxt_digit or n == 1 or k == n - 1 and not pieces[-1]):
            drop = True
        elif w in SUFFIX and pieces[-1]:
            continue  # "Jr." belongs to the name before; not kept
        elif w in TITLES or tok[2] in TITLES:
            rest = [_core(t[2]) for t in run[k + 1:]]
            before = _core(pieces[-1][-1][2]) if pieces[-1] else None
            if any(r in ORG for r in rest):
                drop = False  # "General Motors", "Justice Department"
            elif w in SOFT_TITLES and before is not None and not _org_word(before):
                drop = False  # a surname: "Stephen King", "John Major"
            else:
                drop = True  # "CEO Jane Doe", "Acme CEO Jane Doe": a name apart
        if drop:
            if pieces[-1]:
                pieces.append([])
            continue
        pieces[-1].append(tok)
    out: list[Mention] = []
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        poss = possessive and piece[-1] is run[-1]
        words = [p[2] for p in piece]
        s, e = piece[0][0], piece[-1][1]
        written = text[s:e]
        single = len(piece) == 1
        w0 = _core(words[0])
        if single:
            if w0 in GENERIC_ACRONYMS or w0 in MONTHS:
                continue
            if ((initial and piece[0] is run[0]) or _initial_position(text, s)) \
                    and _common_opener(w0, lexicon, info):
                continue
            if len(w0) == 1 and w0 not in info.one_letter:
                continue
        canon = info.entity(written)
        kind = _kind(words, info.is_alias(written))
        out.append(Mention(s, e, written, canon, kind, poss, len(piece)))
    return out


def _common_opener(w0: str, lexicon: Lexicon, info: _LexInfo) -> bool:
    """A capitalized sentence opener that is a common word ("Revenue rose")."""
    low = w0.lower()
    return (low.endswith(("ly", "ing")) or w0 in STOP_INITIAL or low in FORM_TO_BASE
            or low in lexicon.stopwords
            or (lexicon.canonical(low) is not None and not info.is_alias(w0)))


def _kind1(c: str, alias: bool) -> str:
    if alias:
        return "org"
    if c in ORG:
        return "org"
    if len(c) >= 2 and (c.isupper() or (c[-1].isupper() and c[-2].isupper())
                        or any(ch.isdigit() for ch in c)):
        return "org"
    return "name"


def _kind(words: list[str], alias: bool) -> str:
    cores = [_core(w) for w in words]
    if alias or any(c in ORG for c in cores):
        return "org"
    if len(cores) == 1:
        c = cores[0]
        if len(c) >= 2 and (c.isupper() or re.search(r"[A-Z]{2}$", c) or any(ch.isdigit() for ch in c)):
            return "org"
        return "name"
    names = [c for c in cores if c not in PARTICLES]
    if (2 <= len(names) <= 5 and cores[0] not in PLACE_FIRST
            and all(_NAME_SHAPE.fullmatch(w if len(w) == 2 and w.endswith(".") else c)
                    for w, c in zip(words, cores) if c not in PARTICLES)):
        return "person"
    return "org" if any(c.isupper() and len(c) > 1 for c in cores) else "name"


def entities(text: str, lexicon: Lexicon) -> list[str]:
    """Canonical entity names in order of appearance, de-duplicated."""
    try:
        seen: dict[str, None] = {}
        for m in find_mentions(text, lexicon):
            if text[m.end:m.end + 1] != "$":  # "US$48" is a currency, not a country
                seen.setdefault(m.canon, None)
        return list(seen)
    except Exception:  # pragma: no cover
        return []
