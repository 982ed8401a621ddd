"""Alignment: group claims that state the same fact across sources.

Claims are blocked by kind (and currency, percent or canonical unit), scored with
rapidfuzz ``cdist`` on their value-masked context, then adjusted with
vectorised terms: topic (a bid never meets a valuation), entity overlap,
value proximity, speaker (quotes). Pairs over the threshold are merged,
best first, into claim groups holding at most one claim per source.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from checker.extract.quotes.words import quote_words
from checker.extract.text.lemma import lemma
from checker.extract.text.words import SPEECH
from checker.extract.values.dates import WEEKDAY_NAMES, weekday_of
from checker.extract.values.units import AGE, written_unit
from checker.align_facts import FACT_KINDS, group_facts, join_facts
from checker.extract.frames.identity import (DEADLINE, EARNED, FIRST_IN, INCREMENT, JOINT, PART, POTENTIAL, SINCE, TRAVEL,
                                             WHOLE, YEARLY)
from checker.extract.text.captions import CAPTION
from checker.lexicon import Lexicon

THRESHOLD = 60.0
NEVER = -1000.0
TOPIC_BONUS = 20.0
TOPIC_DIFFER = -10.0  # each claim's own measure word names a different fact
ENTITY_WEIGHT = 15.0
ARTICLE_NAME_WEIGHT = 7.5  # two dates near a name most articles hold (article_names): a weaker sign
NO_SHARED_ENTITY = -30.0
SCOPE_DIFFER = -60.0     # counted within, or given to, different things ("for the club", "in the league")
SAME_VALUE = 20.0    # equal values (or the same date at the common granularity)
CLOSE_VALUE = 10.0   # within 10%
FAR_VALUE = -20.0    # dates or years far apart (years more than 2; -30 measured worse: docs/evaluation.md)
FAR_FIGURE = -15.0   # a figure more than twice the other (-20 missed real discrepancies: docs/evaluation.md)
QUOTE_THRESHOLD = 60.0   # share of the shorter quote's words the other holds
QUOTE_MIN_SHARED = 4      # content words two quotes must share (unless one is all shared)
SPEAKER_WEIGHT = 10.0
ANCHOR_WEIGHT = 10.0     # both claims anchored to the same year or date
ANCHOR_ALONE = -15.0     # a count dated to a year ("the 2017 fire destroyed 14 homes") against an undated one
ANCHOR_CONFLICT = -60.0  # anchored to different ones ("in 2017" and "in 2012"): two facts
NO_PER_UNIT = -15.0      # one figure is per something ("a week"), the other not
NO_TIME_SINCE = -40.0    # one duration is a time since an event ("ago", "after"), the other not
NO_INCREMENT = -60.0     # one figure is added to another ("an additional $10,000"), the other not
NO_DEADLINE = -40.0      # one date is a deadline or end ("until Nov. 6"), the other not
NO_EARNED = -60.0        # one amount is earned (an income: "making less than $125,000"), the other not
NO_JOINT = -60.0         # one income is a couple's or household's ("$180,000 for married couples"), the other not
NO_POTENTIAL = -60.0     # one figure may be reached ("could rise to $9m"), the other is
NO_PART = -60.0          # one count is some of a whole ("60 of them"), the other is not (40 let "1,050 of
                         # the Vela machines" take a plain "4,300 machines": docs/evaluation.md)
NO_WHOLE = -60.0         # one count is a whole ("all 36 states"), the other is not
OWNER_SAME = 10.0        # the same name owns both figures ("Quill scored 190 goals"); different
                         # ones cost nothing: a party, a place or a deal's other side is read as
                         # an owner too often (a cost of 20 lost ten agreements: docs/evaluation.md)
NO_CAPTION = -60.0       # one claim is read in a photo caption ("… on December 15, 2021. Photo: …"), the other not
NO_FIRST_IN = -40.0      # one duration is what a first is counted over ("the first in 26 years"), the other not
NO_TRAVEL = -60.0        # one duration is a distance ("90 minutes from Vela"), the other a length
VALUE_AWARE = True  # see docs/evaluation.md: value-blind alignment is not yet as good
ATTACH_THRESHOLD = 45.0  # a lone claim joining an agreeing group on the same topic (40 measured worse: docs/evaluation.md)
CHUNK = 2048  # pairs merged between two bulk checks of the groups
TILE = 1000   # a block of up to 2 × TILE claims is scored whole, a larger one in tiles (memory O(TILE²))
TOP_K = 8     # in a tiled block, the candidates kept per claim and pair of tiles


def block_key(row_kind: pd.Series, unit: pd.Series) -> pd.Series:
    """Kinds that can state the same fact share a block."""
    key = row_kind.map({"year": "time", "date": "time", "time": "clock"}).fillna(row_kind)
    with_unit = row_kind.isin(["money", "percent", "quantity", "duration"])
    return key.where(~with_unit, key + ":" + unit.fillna("").astype(str))


_TOKEN = re.compile(r"[0-9a-z]+")


def _surname(name: str) -> str | None:
    """A name's last word, split as context words are ("Ferreira-Lund" -> "lund")."""
    words = _TOKEN.findall(name.lower())
    return words[-1] if words else None


def _surnames(entities: pd.Series) -> list[frozenset[str]]:
    return [frozenset(filter(None, map(_surname, str(v).split("|"))))
            if isinstance(v, str) else frozenset() for v in entities]


_NAME_STOP = frozenset({"of", "the", "and", "for", "de", "la", "le", "van", "von", "der", "del"})


def _name_words(entities: pd.Series) -> list[frozenset[str]]:
    """Every word of every name ("Wrexley Museum of Fine Art" -> wrexley, museum, fine, art)."""
    return [frozenset(w for e in str(v).split("|") for w in _TOKEN.findall(e.lower())
                      if len(w) > 1 and w not in _NAME_STOP)
            if isinstance(v, str) else frozenset() for v in entities]


def _acronyms(entities, context: set[str]) -> frozenset[str]:
    """The initials of each name of three words or more that the context
    holds in full: "Harlan Optical Institute" is also "hoi", so the other
    outlet's "HOI" is the same name."""
    if not isinstance(entities, str):
        return frozenset()
    out = set()
    for e in entities.split("|"):
        words = [w for w in _TOKEN.findall(e.lower()) if w not in _NAME_STOP]
        # the context is lemmatised ("united state geological survey")
        if len(words) >= 3 and all(w in context or lemma(w) in context for w in words):
            out.add("".join(w[0] for w in words))
    return frozenset(out)


def _name_overlap(block: pd.DataFrame, leave_out: frozenset[str] = frozenset(),
                  lexicon: Lexicon | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Whether two claims share a name near their values, and whether both name any.

    A claim's names are the sentence's entities (by surname) found among its
    context words; two claims share one when either's name is among the
    other's context words, so a name the other side did not detect still counts.
    """
    words = [set(str(ctx).split()) for ctx in block["context"]]
    # the head of an organisation's name ("Labor Party", "Peoples Democratic
    # Party") is no name the two share: the lexicon's name_heads
    heads = frozenset(lexicon.facts.get("name_heads", ())) if lexicon is not None else frozenset()
    leave_out = leave_out | heads
    local = [frozenset(n for n in names if n in w and n not in leave_out) | _acronyms(ents, w)
             for names, ents, w in zip(_name_words(block["entities"]), block["entities"], words)]
    vocab = sorted(set().union(*local)) if local else []
    n = len(local)
    if not vocab:
        return np.zeros((n, n), dtype=bool), np.zeros((n, n), dtype=bool)
    index = {w: i for i, w in enumerate(vocab)}
    names = np.zeros((n, len(vocab)), dtype=np.float32)
    said = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, (mine, w) in enumerate(zip(local, words)):
        for name in mine:
            names[row, index[name]] = 1
        for word in w & index.keys():
            said[row, index[word]] = 1
    hits = names @ said.T
    shared = (hits > 0) | (hits.T > 0)
    has = names.sum(axis=1) > 0
    return shared, has[:, None] & has[None, :]


def _rows_of(sets: list[frozenset]) -> tuple[np.ndarray, np.ndarray]:
    """Sets as a 0/1 matrix (claims x members) and whether each is non-empty."""
    vocab = {w: k for k, w in enumerate(sorted(set().union(*sets), key=str))} if sets else {}
    m = np.zeros((len(sets), max(1, len(vocab))), dtype=np.float32)
    for row, items in enumerate(sets):
        m[row, [vocab[w] for w in items]] = 1
    return m, np.array([bool(x) for x in sets], dtype=bool)


def _shares(sets: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise: whether two sets share a member, and whether both are non-empty."""
    m, has = _rows_of(sets)
    return (m @ m.T) > 0, has[:, None] & has[None, :]


def _months(values: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month (0 if not stated) and day (0 if not stated) of year/date values."""
    iso = values.map(lambda v: f"{int(v):04d}" if isinstance(v, (int, np.integer)) else str(v))
    parts = iso.str.extract(r"^(\d{4}|-)(?:-(\d{2}))?(?:-(\d{2}))?")  # "--10-09": no year
    nums = parts.apply(pd.to_numeric, errors="coerce")
    return (nums[0].to_numpy(dtype=float), nums[1].fillna(0).to_numpy(dtype=float),
            nums[2].fillna(0).to_numpy(dtype=float))


def _value_term(block: pd.DataFrame, i: np.ndarray | None = None, j: np.ndarray | None = None) -> np.ndarray:
    """Score for how near two values are: the same fact rarely differs wildly.

    For the pairs (``i``, ``j``) (index arrays), else for every pair (a matrix).
    """
    if i is None:
        i, j = np.arange(len(block))[:, None], np.arange(len(block))[None, :]
    if block["kind"].iloc[0] in ("year", "date"):
        y, m, d = _months(block["value"])
        dy = np.abs(y[i] - y[j])
        both_m = (m[i] > 0) & (m[j] > 0)
        both_d = (d[i] > 0) & (d[j] > 0)
        same = (dy == 0) & (~both_m | (m[i] == m[j])) & (~both_d | (d[i] == d[j]))
        months_apart = np.abs((y[i] * 12 + m[i]) - (y[j] * 12 + m[j]))
        one_dated = (m[i] > 0) ^ (m[j] > 0)  # "2027" beside "on Monday" (2025-02-10)
        # two days ("on Monday", "July 23"): a different day is as far as a
        # different weekday in an undated article (below)
        far = (dy > 2) | (both_m & (months_apart > 2)) | (one_dated & (dy > 0)) \
            | (both_d & ~same)
        # a date with no year ("--10-09") is near a date only on its month and day
        no_year = np.isnan(y)[i] | np.isnan(y)[j]
        md_same = both_m & (m[i] == m[j]) & (~both_d | (d[i] == d[j]))
        same = np.where(no_year, md_same, same)
        far = np.where(no_year, both_m & ~md_same, far)
        # a weekday from an undated article ("Thursday") is near the same weekday
        wd = block["value"].map(weekday_of).to_numpy(dtype=object)
        bare = block["value"].astype(str).isin(WEEKDAY_NAMES).to_numpy()
        named = np.array([w is not None for w in wd])
        either = (bare[i] | bare[j]) & named[i] & named[j]
        same = np.where(either, wd[i] == wd[j], same)
        far = np.where(bare[i] | bare[j], either & (wd[i] != wd[j]), far)
    else:
        v = pd.to_numeric(block["value"], errors="coerce").to_numpy(dtype=float)
        a, b = np.abs(v[i]), np.abs(v[j])
        big, small = np.maximum(a, b), np.minimum(a, b)
        with np.errstate(invalid="ignore", divide="ignore"):
            rel = np.abs(v[i] - v[j]) / big
            same = rel <= 0.005
            far = big > 2 * small
        close = rel <= 0.1
        return np.where(same, SAME_VALUE, np.where(close, CLOSE_VALUE, np.where(far, FAR_FIGURE, 0.0)))
    return np.where(same, SAME_VALUE, np.where(far, FAR_VALUE, 0.0))


# endings of nouns for people ("voter", "survivor", "student", "employee",
# "fireman") and of participles ("missing", "injured"): a noun so ending is
# never taken for a thing, whether the lexicon lists it or not
_PERSONLIKE = ("er", "or", "ist", "ian", "an", "ant", "ent", "ee", "man", "men", "ed", "ing")
_PERSON = ("er", "or", "ist", "ian", "ee", "man", "men")  # the endings surely a person's


def _people_and_things(units: pd.Series, folded: np.ndarray, lexicon: Lexicon | None) -> tuple[np.ndarray, np.ndarray]:
    """(counts of people: the lexicon's people_nouns, "people", "residents",
    or a noun ending like a person's, "borrower"; counts of a noun that is
    surely no person: the lexicon's thing_nouns ("fee", "computer"), a noun
    in neither list and not ending like a person's, or a number of times:
    "six times" may be six goals, never six people). A noun neither
    list knows is neither. Two named nouns never meet anyway; this tells
    "three people" from "two earthquakes" and "six times" from "45 million
    borrowers"."""
    listed = frozenset(lexicon.facts.get("people_nouns", ())) if lexicon is not None else frozenset()
    if not listed:
        none = np.zeros(len(folded), dtype=bool)
        return none, none
    objects = frozenset(lexicon.facts.get("thing_nouns", ()))  # "fee", "computer": a person's ending, a thing
    raw = [str(u).lower() if isinstance(u, str) else "" for u in units]
    people = np.array([u in listed or (u.endswith(_PERSON) and u not in lexicon.generic_nouns and u not in objects)
                       for u in raw], dtype=bool)
    things = np.array([f == "time" or (u in objects and u not in listed)
                       or (u != "" and f != "" and f not in lexicon.generic_nouns and u not in listed
                           and f not in listed and not u.endswith(_PERSONLIKE))
                       for u, f in zip(raw, folded)], dtype=bool)
    return people, things


def _generic(units: pd.Series, folded: np.ndarray, lexicon: Lexicon | None) -> np.ndarray:
    """Counted nouns that do not tell two counts apart (the lexicon's
    generic_nouns, as written or folded: "injury" folds to "injure")."""
    words = lexicon.generic_nouns if lexicon is not None else frozenset()
    return np.array([f == "" or f in words or (isinstance(u, str) and u.lower() in words)
                     for u, f in zip(units, folded)], dtype=bool)


def _events(folded: np.ndarray, lexicon: Lexicon | None) -> tuple[np.ndarray, np.ndarray]:
    """(counts of events, the lexicon's event_nouns: "recall", "incident";
    counts of places, its place_nouns: "state", "county")."""
    facts = lexicon.facts if lexicon is not None else {}
    events, places = frozenset(facts.get("event_nouns", ())), frozenset(facts.get("place_nouns", ()))
    return (np.array([u in events for u in folded], dtype=bool),
            np.array([u in places for u in folded], dtype=bool))


def _event_apart(kinds: tuple[np.ndarray, np.ndarray], unit: np.ndarray, same_unit: np.ndarray,
                 a: np.ndarray | None = None, b: np.ndarray | None = None) -> np.ndarray:
    """Pairwise: one counts events and the other another noun (a bare figure
    aside), or one counts places ("12 states") and the other anything else,
    a bare figure too (a tally of votes is never a number of states)."""
    events, places = kinds
    a = np.arange(len(unit)) if a is None else a
    b = np.arange(len(unit)) if b is None else b
    nouned = unit != ""
    event = (events[a][:, None] | events[b][None, :]) & nouned[a][:, None] & nouned[b][None, :]
    return (event | places[a][:, None] | places[b][None, :]) & ~same_unit


def _plurals(noun: str) -> list[str]:
    """The plural spellings a singular noun may be listed under."""
    if noun.endswith("y"):
        return [noun + "s", noun[:-1] + "ies"]
    return [noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")]


def _nouns(units: pd.Series, lexicon: Lexicon | None) -> np.ndarray:
    """Counted nouns folded through the lexicon ("employees" and "staff" alike)."""
    def fold(u):
        if not isinstance(u, str):
            return ""
        if lexicon is None:
            return u.lower()
        # the noun is singular ("job"); the lexicon may list only its plural
        # ("jobs" is a word for employ, "top job" is not)
        words = lexicon.fold(u)
        if words != [u.lower()]:
            return " ".join(words)
        for many in _plurals(u.lower()):
            folded = lexicon.fold(many)
            if len(folded) == 1 and folded[0] != many:
                return folded[0]
        return u.lower()
    return np.array([fold(u) for u in units], dtype=object)


def _topic_groups(topic, context: str, lexicon: Lexicon | None, wide: bool) -> frozenset[str]:
    """The measure groups a claim's topic (or, ``wide``, any measure word of its context) is in."""
    words = [topic] if isinstance(topic, str) and topic else []
    if wide and lexicon is not None:
        words += [m for m in map(lexicon.measure, str(context).split()) if m]
    if lexicon is None:
        return frozenset(words)
    return frozenset(f"g{g}" for w in words for g in lexicon.measure_ids.get(w, ())) or frozenset(words)


def _meets(left: list[frozenset[str]], right: list[frozenset[str]]) -> np.ndarray:
    """Whether each ``left`` set shares a member with each ``right`` set (a matrix, vectorised)."""
    m, _ = _rows_of([*left, *right])
    return (m[:len(left)] @ m[len(left):].T) > 0


def _topic_match(block: pd.DataFrame, lexicon: Lexicon | None) -> tuple[np.ndarray, ...]:
    """(same, conflict, fits, differ): the main topics name the same fact; no
    measure word near one claim fits any near the other (a bid and a
    valuation); each one's main measure is near the other (see below); both
    name a main measure and the two differ."""
    main = [_topic_groups(t, "", lexicon, False) for t in block["topic"]]
    near = [_topic_groups(t, c, lexicon, True) for t, c in zip(block["topic"], block["context"])]
    same, both_main = _shares(main)
    overlap, both_near = _shares(near)
    differ = both_main & ~same
    # fits: both name a main measure, some measure words near each overlap,
    # and each one's main is among the words near the other ("made his senior
    # debut in 2011, after joining the academy" does not fit "joined in 2004";
    # a claim naming no measure never takes in a lone one on weak wording)
    inside = _meets(main, near)
    fits = both_near & overlap & both_main & inside & inside.T
    return same & both_main, both_near & ~overlap, fits, differ


_MID_CAPITAL = re.compile(r"(?<=[\w,;] )[A-Z][\w'’-]+")


def _capitalised(text) -> frozenset[str]:
    """Words capitalised mid-sentence in a quote ("Welcome to Lisbon, Dara Quill"):
    names, lower-cased and split as context words are."""
    return frozenset(w for m in _MID_CAPITAL.findall(str(text)) for w in _TOKEN.findall(m.lower()))


def _quote_overlap(contexts: pd.Series, lexicon: Lexicon | None,
                   names: list[frozenset[str]] | None = None, raws: pd.Series | None = None,
                   sources: pd.Series | None = None) -> np.ndarray:
    """How much of the shorter quote the longer one holds: shared content words
    over the shorter's, 0 unless they share QUOTE_MIN_SHARED words (or all of a
    short quote's words, or three that are most of it). "heinous and predatory" is in a longer quote holding
    those words; "final time" is not the same quote as a speech that uses "time"."""
    stop = lexicon.stopwords if lexicon is not None else frozenset()
    sets = [frozenset(w for w in str(c).split() if w not in stop and len(w) > 1) for c in contexts]
    vocab = sorted(set().union(*sets)) if sets else []
    n = len(sets)
    if not vocab:
        return np.zeros((n, n))
    index = {w: i for i, w in enumerate(vocab)}
    m = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, words in enumerate(sets):
        m[row, [index[w] for w in words]] = 1
    inter = m @ m.T
    sizes = m.sum(axis=1)
    shorter = np.minimum(sizes[:, None], sizes[None, :])
    with np.errstate(invalid="ignore", divide="ignore"):
        held = np.where(shorter > 0, inter / shorter, 0.0)
    enough = (inter >= QUOTE_MIN_SHARED) | ((inter >= 3) & (held >= 0.7)) | ((inter == shorter) & (inter >= 2))
    if names is not None:  # sharing only names ("Welcome to Munich, Harry Kane!") is not one quote
        said = frozenset().union(*names)
        stems = sorted({lemma(w) for w in vocab if w not in said})
        at = {w: k for k, w in enumerate(stems)}
        plain = np.zeros((n, len(stems)), dtype=np.float32)
        for row, words in enumerate(sets):  # "signed" and "signing" are one word here
            plain[row, [at[lemma(w)] for w in words if w not in said]] = 1
        enough &= (plain @ plain.T) > 0
    if raws is not None:  # "the worst day of my life" is "the saddest day of my life"
        enough |= _swapped(raws, sources, ~enough & (inter >= 2) & (held >= 0.5))
    return np.where(enough, 100.0 * held, 0.0)


SWAP_MIN_WORDS = 6  # a quote this long, word for word but one, is the same quote


def _swapped(raws: pd.Series, sources: pd.Series | None, maybe: np.ndarray) -> np.ndarray:
    """Which pairs of ``maybe`` (quotes of two sources, both SWAP_MIN_WORDS
    long or more) are one word apart. Only pairs whose shorter quote has all
    its distinct words but one in the longer are read word by word."""
    words = [quote_words(r) for r in raws]
    lens = np.array([len(w) for w in words])
    long_ = lens >= SWAP_MIN_WORDS
    maybe = maybe & long_[:, None] & long_[None, :]
    if sources is not None:
        src = sources.to_numpy()
        maybe &= src[:, None] != src[None, :]
    out = np.zeros_like(maybe)
    rows = np.nonzero(maybe.any(axis=1))[0]
    if not len(rows):
        return out
    sets = [set(words[i]) for i in rows]
    at = {w: k for k, w in enumerate(sorted(set().union(*sets)))}
    r = np.zeros((len(rows), len(at)), dtype=np.float32)
    for k, ws in enumerate(sets):
        r[k, [at[w] for w in ws]] = 1
    distinct = r.sum(axis=1)
    sub = lens[rows]
    short = np.where(sub[:, None] <= sub[None, :], distinct[:, None], distinct[None, :])
    near = np.zeros_like(maybe)
    near[np.ix_(rows, rows)] = (r @ r.T) >= short - 1
    for a, b in zip(*np.nonzero(np.triu(maybe & near, 1))):
        if _one_word_apart(words[a], words[b]):
            out[a, b] = out[b, a] = True
    return out


def _one_word_apart(x: list[str], y: list[str]) -> bool:
    """Whether the shorter word list, of SWAP_MIN_WORDS or more, stands in the
    longer one word for word except one word inside it (a mishearing or an
    edit: "worst" for "saddest")."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    n = len(short)
    if n < SWAP_MIN_WORDS:
        return False
    for k in range(len(long) - n + 1):
        window = long[k:k + n]
        if window[0] != short[0] or window[-1] != short[-1]:
            continue
        if sum(p != q for p, q in zip(short, window)) <= 1:
            return True
    return False


COMMON_NAME = 0.2  # a name word in this share of a block's contexts is the story's, not a fact's
COMMON_FROM = 8    # claims in a block before names are counted so


STORY_SOURCES = 5  # sources a block needs before a name most of them write near a value is the story's


def story_names(ctx: list[str], entities: pd.Series, sources: pd.Series) -> frozenset[str]:
    """The name words that half the sources or more write in a block's
    contexts, when the block holds STORY_SOURCES sources or more: the
    story's own names ("Kane" beside every date of his transfer)."""
    names = frozenset().union(*_name_words(entities))
    return _half_the_sources(zip(sources, (set(c.split()) & names for c in ctx)), sources.nunique())


def article_names(table: pd.DataFrame) -> frozenset[str]:
    """The name words that half the sources or more name anywhere (in any
    claim's entities), when the story has STORY_SOURCES sources or more: the
    story's names, whether or not they stand beside a date."""
    ents = table[["source", "entities"]].drop_duplicates()
    return _half_the_sources(zip(ents["source"], _name_words(ents["entities"])), table["source"].nunique())


def _half_the_sources(found, total: int) -> frozenset[str]:
    """The words that half of ``total`` sources or more hold, from (source,
    words) pairs; none below STORY_SOURCES sources."""
    if total < STORY_SOURCES:
        return frozenset()
    seen: dict[str, set] = {}
    for src, words in found:
        for w in words:
            seen.setdefault(w, set()).add(src)
    return frozenset(w for w, by in seen.items() if 2 * len(by) >= total)


def _without_names(ctx: list[str], entities: pd.Series) -> list[str]:
    """Each context without the story's names: the name words that stand in
    a fifth or more of the block's contexts ("Corvane" in a story about
    Corvane) say the same story, not the same fact; a context that is all
    such names is kept. A name of one fact that many contexts hold is left
    out too (candidates named beside every vote count in a results
    paragraph): the entity term still compares names."""
    if len(ctx) < COMMON_FROM:
        return ctx
    names = frozenset().union(*_name_words(entities))
    seen: dict[str, int] = {}
    for c in ctx:
        for w in set(c.split()) & names:
            seen[w] = seen.get(w, 0) + 1
    common = {w for w, n in seen.items() if n >= COMMON_NAME * len(ctx)}
    if not common:
        return ctx
    return [" ".join(w for w in c.split() if w not in common) or c for c in ctx]


def _wording(ctx: list[str]) -> np.ndarray:
    """0.6 token_set_ratio + 0.4 token_sort_ratio of every pair of contexts.

    Scored once per distinct context; token_sort_ratio as a plain ratio of
    the sorted words (the same number, without sorting inside every pair).
    """
    uniq, inverse = np.unique(np.asarray(ctx, dtype=object), return_inverse=True)
    uniq = [str(u) for u in uniq]
    set_r = process.cdist(uniq, uniq, scorer=fuzz.token_set_ratio,
                          processor=default_process, dtype=np.float32, workers=-1)
    ordered = [" ".join(sorted(default_process(u).split())) for u in uniq]
    sort_r = process.cdist(ordered, ordered, scorer=fuzz.ratio, dtype=np.float32, workers=-1)
    return (0.6 * set_r + 0.4 * sort_r)[np.ix_(inverse, inverse)]


def _anchors(anchors: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month and day of each claim's time anchor (year NaN: unanchored)."""
    return _months(anchors.where(anchors.notna(), ""))


def _same_time(ymd: tuple[np.ndarray, ...], a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise over claims ``a`` x ``b``: (both anchored, the same time at
    the coarser of the two granularities)."""
    y, m, d = ymd
    both = ~np.isnan(y[a])[:, None] & ~np.isnan(y[b])[None, :]
    same = y[a][:, None] == y[b][None, :]
    same &= (m[a][:, None] == 0) | (m[b][None, :] == 0) | (m[a][:, None] == m[b][None, :])
    same &= (d[a][:, None] == 0) | (d[b][None, :] == 0) | (d[a][:, None] == d[b][None, :])
    return both, same


def _anchor_term(anchors: pd.Series) -> np.ndarray:
    """Same time anchor (at the coarser of the two granularities): a bonus;
    different ones: a penalty; either unanchored: nothing. Vectorised."""
    every = np.arange(len(anchors))
    both, same = _same_time(_anchors(anchors), every, every)
    return np.where(both, np.where(same, ANCHOR_WEIGHT, ANCHOR_CONFLICT), 0.0)


def _qualifier_sets(qualifiers: pd.Series, groups) -> list[frozenset[int]]:
    words = {w: n for n, g in enumerate(groups) for w in g}
    return [frozenset(words[w] for w in str(q).split("|") if w in words) if isinstance(q, str)
            else frozenset() for q in qualifiers]


EVENT_NOUN_SAME = 20.0  # two years of the same event noun ("the strike of 1998", "the first strike since 1998")
EVENT_SAME = 10.0  # two dates of the same event verb ("signed on", "arrived on")
# verbs that say nothing of what happened on a date: light verbs and verbs of
# saying ("said on Monday", "told reporters on Tuesday"); "announced" and
# "confirmed" are kept: one story's announcement is often its event
_LIGHT_VERBS = frozenset({"be", "have", "make", "get", "do", "go", "set", "take", "come", "give", "put"}
                         | {lemma(w) for w in SPEECH}
                         - {"agree", "continue", "testify", "post", "announce", "confirm"})


def _event_term(block: pd.DataFrame) -> np.ndarray:
    """For dates and years: what happened on them, the clause's verb. The same
    verb (not a light one, "be", "make", nor one of saying, "said",
    "told") is a hint that the two dates
    are one event's; different verbs say nothing, since outlets write one
    event with many ("agreed to buy", "announced the deal"). Read from the
    statement table's ``predicate``, never from the values."""
    n = len(block)
    if "predicate" not in block or not block["kind"].isin(["year", "date"]).all():
        return np.zeros((n, n))
    # a verb that is the claim's measure word ("founded") is the topic term's already
    pred = np.array([p if isinstance(p, str) and p not in _LIGHT_VERBS and p != t else ""
                     for p, t in zip(block["predicate"], block["topic"])], dtype=object)
    same = (pred[:, None] == pred[None, :]) & (pred[:, None] != "")
    out = np.where(same, EVENT_SAME, 0.0)
    if "event" in block and block["event"].notna().any():  # a year's event noun (context.py: dated_event)
        ev = np.array([e if isinstance(e, str) else "" for e in block["event"]], dtype=object)
        out = out + np.where((ev[:, None] == ev[None, :]) & (ev[:, None] != ""), EVENT_NOUN_SAME, 0.0)
    return out


def _same_owner(owners: pd.Series) -> np.ndarray:
    """Pairwise: one owner's words are all the other's ("quill" and "dara|quill";
    not "ada|brisk" and "ada|vell", nor two parties that share "party")."""
    sets = [frozenset(str(v).split("|")) if isinstance(v, str) and v else frozenset() for v in owners]
    uniq = {x: i for i, x in enumerate(dict.fromkeys(sets))}
    keys = list(uniq)
    sub = np.array([[bool(a) and bool(b) and (a <= b or b <= a) for b in keys] for a in keys], dtype=bool)
    codes = np.array([uniq[x] for x in sets], dtype=int)
    return sub[np.ix_(codes, codes)]


def _identity_term(block: pd.DataFrame, lexicon: Lexicon | None) -> np.ndarray:
    """What the claims state besides their measure: time anchor, qualifiers
    (the original offer is not the revised one) and per-units ($30 a share is
    not $30 a week). Read from the statement table; never from the values."""
    out = _anchor_term(block["anchor"]) if "anchor" in block else np.zeros((len(block), len(block)))
    if "anchor" in block and block["kind"].iloc[0] == "count":  # (for all figures, or for days too, it
        # lost real discrepancies: docs/evaluation.md)
        yearly = block["anchor"].astype(str).str.fullmatch(YEARLY.pattern).to_numpy()
        none = block["anchor"].isna().to_numpy()
        out = out + np.where((yearly[:, None] & none[None, :]) | (none[:, None] & yearly[None, :]), ANCHOR_ALONE, 0.0)
    if block["kind"].isin(["year", "date"]).all():
        # a bare year ("since 2015") and a day written without its year
        # ("on Tuesday", "13 August") state facts of different reach: the
        # background and the news. A day written with its year may meet a year.
        year = (block["kind"] == "year").to_numpy()
        dated = block["raw"].astype(str).str.contains(r"\b\d{4}\b").to_numpy()
        day = ~year & ~dated
        out = np.where((year[:, None] & day[None, :]) | (day[:, None] & year[None, :]), NEVER, out)
    if "qualifiers" in block:
        # a time since an event ("seven months ago") is not a length of
        # something ("two decades in office"); an amount added to another is
        # not the total ("an additional $10,000"); a date something lasts
        # until is not the day it happened
        quals = [set(q.split("|")) if isinstance(q, str) else set() for q in block["qualifiers"]]
        for mark, cost in ((SINCE, NO_TIME_SINCE), (INCREMENT, NO_INCREMENT), (DEADLINE, NO_DEADLINE),
                           (POTENTIAL, NO_POTENTIAL), (PART, NO_PART), (WHOLE, NO_WHOLE), (EARNED, NO_EARNED),
                           (JOINT, NO_JOINT), (TRAVEL, NO_TRAVEL), (CAPTION, NO_CAPTION), (FIRST_IN, NO_FIRST_IN)):
            has = np.array([mark in q for q in quals])
            out = out + np.where(has[:, None] ^ has[None, :], cost, 0.0)
    if "owner" in block:  # "Quill polled 41%" and "Dara Quill won 41.2 percent"
        out = out + np.where(_same_owner(block["owner"]), OWNER_SAME, 0.0)
    if "scope" in block:
        share, both = _shares([frozenset(str(v).split("|")) if isinstance(v, str) else frozenset()
                               for v in block["scope"]])
        out = out + np.where(both & ~share, SCOPE_DIFFER, 0.0)
    if lexicon is None or "qualifiers" not in block:
        return out
    seq = _qualifier_sets(block["qualifiers"], lexicon.qualifier_groups)
    per = _qualifier_sets(block["qualifiers"], lexicon.per_unit_groups)
    for sets, alone in ((seq, 0.0), (per, NO_PER_UNIT)):
        share, both = _shares([frozenset(map(str, s)) for s in sets])
        has = np.array([bool(s) for s in sets])
        out = np.where(both & ~share, NEVER, out)
        out = out + np.where(has[:, None] ^ has[None, :], alone, 0.0)
    return out


def score_block(block: pd.DataFrame, lexicon: Lexicon | None = None,
                related: pd.DataFrame | None = None, article: frozenset[str] | None = None) -> np.ndarray:
    """Pairwise scores (0-100 plus adjustments) of one block's claims; with
    ``article`` (the story's article_names), as alignment scores them."""
    return _score(prepared(block, article) if article is not None else block, lexicon, related)[0]


def prepared(block: pd.DataFrame, article: frozenset[str] = frozenset()) -> pd.DataFrame:
    """The block with the columns counted over all of it: the wording without
    the story's names and, for dates, the story's and the articles' names
    (a tile of a large block gets the whole block's columns)."""
    if len(block) == 0 or "context" not in block or "entities" not in block or block["kind"].iloc[0] == "quote":
        return block  # (quotes are scored otherwise)
    ctx = block["context"].fillna("").astype(str).tolist()
    block = block.assign(wording=_without_names(ctx, block["entities"]))
    if block["kind"].iloc[0] in ("date", "year"):  # read by the shared-name term of dates only
        block = block.assign(story_names=" ".join(sorted(story_names(ctx, block["entities"], block["source"]))),
                             article_names=" ".join(sorted(article)))
    return block


def _score(block: pd.DataFrame, lexicon: Lexicon | None,
           related: pd.DataFrame | None) -> tuple[np.ndarray, np.ndarray]:
    """(pairwise identity scores, whether the pair's measure words fit each other).

    Nothing here reads the values except the value term, and only while
    VALUE_AWARE (docs/evaluation.md says why it is still on)."""
    ctx = block["context"].fillna("").astype(str).tolist()
    fits = np.zeros((len(block), len(block)), dtype=bool)
    is_quote = block["kind"].iloc[0] == "quote"
    if is_quote:
        names = [e | _capitalised(q) for e, q in zip(_name_words(block["entities"]), block["raw"])]
        score = _quote_overlap(block["context"], lexicon, names, block["raw"], block["source"])
        # the speaker helps, but never decides: the same words credited to
        # someone else are the same quote, misattributed
        share, named = _shares(_surnames(block["speaker"]))
        score = score + np.where(named, np.where(share, SPEAKER_WEIGHT, -SPEAKER_WEIGHT), 0.0)
        score = score - (QUOTE_THRESHOLD - THRESHOLD)
    else:
        # the story's names left out, counted over the whole block (a tile
        # of it gets the block's column: see _group_block)
        score = _wording(block["wording"].tolist() if "wording" in block
                         else _without_names(ctx, block["entities"]))
        same, conflict, fits, differ = _topic_match(block, lexicon)
        if block["unit"].iloc[0] == AGE:  # an age is its owner's ("the 70-year-old candidate"),
            conflict = differ = np.zeros_like(conflict)  # whatever the clause measures (votes won)
        if block["kind"].iloc[0] == "count":  # "two figures" is not "twice"; the noun counted is a topic
            unit = _nouns(block["unit"], lexicon)
            same_unit = (unit[:, None] == unit[None, :]) & (unit[:, None] != "")
            generic = _generic(block["unit"], unit, lexicon)
            named = ~generic[:, None] & ~generic[None, :]
            # "three people" are never "two earthquakes": a count of people
            # meets no count of things
            people, things = _people_and_things(block["unit"], unit, lexicon)
            score = np.where(((people[:, None] & things[None, :]) | (things[:, None] & people[None, :]))
                             & ~same_unit, NEVER, score)  # "workers" are "jobs" (employ)
            # two nouns counted are two facts ("four fires", "840,000 kettles"),
            # whatever topic their sentences share
            # a bare figure with neither noun nor measure word ("Obi - 6,101,533"
            # in a results list) says nothing either way: it is not vetoed
            bare = np.array([u == "" for u in unit]) & block["topic"].isna().to_numpy()
            open_ = bare[:, None] | bare[None, :]
            score = np.where((named & ~same_unit) | (~same_unit & ~same & ~open_), NEVER, score)
            # "two recalls" are never "4,300 machines": a count of events meets only its noun
            events = _events(unit, lexicon)
            score = np.where(_event_apart(events, unit, same_unit), NEVER, score)
            # children killed are not children injured; "three times" and "58
            # times" share no more than the word (a number of times counts its verb)
            times = unit == "time"
            same = (same | (same_unit & ~times[:, None])) & ~differ
        elif block["kind"].iloc[0] == "duration":  # written in the same unit: a hint, never a veto
            unit = np.array([written_unit(str(r)) for r in block["raw"]], dtype=object)
            # not where only one claim has a measure word: "spanning more than
            # a decade" is not "tried for two decades" for the word "decade"
            bare = block["topic"].isna().to_numpy()
            same = same | ((unit[:, None] == unit[None, :]) & (unit[:, None] != "")
                           & (bare[:, None] == bare[None, :]))
        score = score + np.where(same, TOPIC_BONUS, np.where(differ, TOPIC_DIFFER, 0.0))
        score = np.where(conflict, NEVER, score)
        identity = _identity_term(block, lexicon)
        score = score + identity + _event_term(block)
        # a lone claim never joins against any identity term (an anchor, a
        # scope, a per-unit, a deadline, an add-on): that pass reads weak wording
        # nor where each names its own measure and the two differ (injured
        # children are not the child killed, though both words are near both)
        fits = fits & (identity >= 0) & ~differ
        if VALUE_AWARE:
            score = score + _value_term(block)
        shared, named = _name_overlap(block, lexicon=lexicon)
        bonus = ENTITY_WEIGHT
        if "story_names" in block:  # dates and years (_group_block)
            # every date of a story about Corvane is near "Corvane": only a
            # name fewer sources write there is a sign of one event (for
            # figures it measured worse: docs/evaluation.md)
            # a name most articles hold anywhere ("Vela Laboratory" in every
            # report on its experiment) is a weaker sign: half the weight
            near = frozenset(block["story_names"].iloc[0].split())
            wide = near | frozenset(str(block["article_names"].iloc[0]).split()) if "article_names" in block else near
            bonus = np.where(_name_overlap(block, wide, lexicon)[0], ENTITY_WEIGHT, 0.0)
            if wide != near:  # (else the weaker overlap is the same one)
                bonus = np.where(bonus == 0.0, np.where(_name_overlap(block, near, lexicon)[0],
                                                        ARTICLE_NAME_WEIGHT, 0.0), bonus)
        score = score + np.where(named, np.where(shared, bonus, NO_SHARED_ENTITY), 0.0)
    src = block["source"].to_numpy()
    score = np.where(src[:, None] == src[None, :], NEVER, score)
    if related is not None:  # sources about different stories never pair
        codes = related.index.get_indexer(src)
        score = np.where(related.to_numpy()[codes][:, codes], score, NEVER)
    return score, fits


_NAME_WORD = re.compile(r"\b[A-Z][\w-]+")


def related_sources(claims: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Source x source: whether two sources name anything in common.

    Names are the claims' entities (by surname) and the capitalised words
    of their sentences (stop words aside). A source that names nothing is
    taken as related to every other.
    """
    stop = lexicon.stopwords if lexicon is not None else frozenset()
    found: dict[str, set[str]] = {s: set() for s in sorted(claims["source"].unique())}
    # each distinct name list and sentence once (a sentence holds many claims)
    ents = claims[["source", "entities"]].drop_duplicates()
    for src, names in zip(ents["source"], _surnames(ents["entities"])):
        found[src].update(names)
    sents = claims[["source", "sentence"]].drop_duplicates()
    for src, sentence in zip(sents["source"], sents["sentence"]):
        found[src].update(w.lower() for w in _NAME_WORD.findall(str(sentence)))
    index = pd.Index(list(found), name="source")
    overlap, both = _shares([frozenset(v - stop) for v in found.values()])
    return pd.DataFrame(overlap | ~both, index=index, columns=index)


def _roots(parent: np.ndarray) -> np.ndarray:
    """Every node's root, by pointer jumping (vectorised)."""
    roots = parent.copy()
    while True:
        nxt = roots[roots]
        if np.array_equal(nxt, roots):
            return roots
        roots = nxt


def _candidates(block: pd.DataFrame, floor: float, lexicon: Lexicon | None,
                related: pd.DataFrame | None):
    """(i, j, score, same topic) of every pair i < j scoring at least ``floor``.

    A block of more than 2 × TILE claims is scored a pair of tiles at a time, so
    memory stays O(TILE²) however many claims there are; every term is a
    function of the two claims alone, so the pairs are the ones the whole
    matrix would give, except that each pair of tiles keeps, for each claim,
    only its TOP_K best partners (a claim pairs with one claim per source;
    more candidates than that only matter in lists of near-identical lines).
    """
    n = len(block)
    tiles = [np.arange(s, min(s + TILE, n)) for s in range(0, n, TILE)]
    src = block["source"].to_numpy()
    out = []
    for a in range(len(tiles)):
        for b in range(a, len(tiles)):
            idx = tiles[a] if a == b else np.concatenate([tiles[a], tiles[b]])
            if len(set(src[idx])) < 2:
                continue
            score, fits = _score(block.iloc[idx].reset_index(drop=True), lexicon, related)
            li, lj = np.triu_indices(len(idx), k=1)
            if a != b:  # pairs within a tile were taken with (a, a)
                cross = (li < len(tiles[a])) & (lj >= len(tiles[a]))
                li, lj = li[cross], lj[cross]
            vals = score[li, lj]
            keep = vals >= floor
            if len(idx) > TOP_K:  # a pair stays if it is among either claim's TOP_K best here
                best = np.partition(score, len(idx) - TOP_K, axis=1)[:, len(idx) - TOP_K]
                keep &= (vals >= best[li]) | (vals >= best[lj])
            out.append((idx[li[keep]], idx[lj[keep]], vals[keep], fits[li[keep], lj[keep]]))
    if not out:
        return (np.zeros(0, dtype=int),) * 2 + (np.zeros(0), np.zeros(0, dtype=bool))
    return tuple(np.concatenate(parts) for parts in zip(*out))


_HARD_MARKS = (INCREMENT, POTENTIAL, EARNED, JOINT, TRAVEL, CAPTION)


class _Hard:
    """The strong identity conflicts of one block: two claims anchored to
    different times, counted within different scopes, or one an add-on, a
    figure that may be reached or an income and the other not. Such claims never share a
    group, even where claims between them would chain them together (single
    linkage: "5 homes in 2012" -> "thousands of homes" -> "2,000 homes on
    22 July 2013"). A pair's own score holds the same terms as costs."""

    def __init__(self, block: pd.DataFrame, lexicon: Lexicon | None = None):
        n = len(block)
        none = pd.Series([None] * n, dtype=object)
        self.ymd = _anchors(block["anchor"] if "anchor" in block else none)
        self.anchored = bool((~np.isnan(self.ymd[0])).any())
        self.scope, self.has_scope = _rows_of([frozenset(str(v).split("|")) if isinstance(v, str) else frozenset()
                                               for v in (block["scope"] if "scope" in block else none)])
        quals = [set(q.split("|")) if isinstance(q, str) else set()
                 for q in (block["qualifiers"] if "qualifiers" in block else none)]
        marks = np.array([[mark in q for mark in _HARD_MARKS] for q in quals], dtype=bool).reshape(n, len(_HARD_MARKS))
        if lexicon is not None and "qualifiers" in block:  # "$70 a share" is never a deal's total
            # (a time rate is not: "annual revenue of $5bn" may be written "revenue of $5bn")
            prices = frozenset(lexicon.facts.get("unit_prices", ()))
            groups = tuple(g for g in lexicon.per_unit_groups if g[0] in prices)
            per = np.array([bool(x) for x in _qualifier_sets(block["qualifiers"], groups)])
            marks = np.column_stack([marks, per])
        self.marks = marks[:, marks.any(axis=0)]  # only the marks some claim has can differ

    def between(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Pairwise over claims ``a`` x ``b``: whether they conflict (the
        parts no claim of the block has are skipped: a merge check is hot)."""
        out = np.zeros((len(a), len(b)), dtype=bool)
        if self.anchored:
            both, same = _same_time(self.ymd, a, b)
            out |= both & ~same
        if self.has_scope.any():
            scoped = self.has_scope[a][:, None] & self.has_scope[b][None, :]
            out |= scoped & ~((self.scope[a] @ self.scope[b].T) > 0)
        for k in range(self.marks.shape[1]):
            out |= self.marks[a, k][:, None] ^ self.marks[b, k][None, :]
        return out


class _Vetoes:
    """The per-claim features of one block that decide its vetoes (the NEVER
    terms of ``_score``), computed once: checking two groups for a veto is
    then array indexing, not scoring their claims again through pandas at
    every merge (a tiled block merges thousands of times).
    ``tests/test_align.py`` checks it against the NEVER pairs of ``_score``."""

    def __init__(self, block: pd.DataFrame, lexicon: Lexicon | None, related: pd.DataFrame | None):
        kind = block["kind"].iloc[0]
        self.quote, self.count = kind == "quote", kind == "count"
        self.codes = related.index.get_indexer(block["source"].to_numpy()) if related is not None else None
        self.related = related.to_numpy() if related is not None else None
        if self.quote:
            return
        self.main, self.has_main = _rows_of([_topic_groups(t, "", lexicon, False) for t in block["topic"]])
        self.near, self.has_near = _rows_of([_topic_groups(t, c, lexicon, True)
                                             for t, c in zip(block["topic"], block["context"])])
        self.age = block["unit"].iloc[0] == AGE
        if self.count:
            unit = _nouns(block["unit"], lexicon)
            self.unit = unit
            self.generic = _generic(block["unit"], unit, lexicon)
            self.bare = np.array([u == "" for u in unit]) & block["topic"].isna().to_numpy()
            self.people, self.things = _people_and_things(block["unit"], unit, lexicon)
            self.events = _events(unit, lexicon)
        self.reach = None
        if block["kind"].isin(["year", "date"]).all():
            year = (block["kind"] == "year").to_numpy()
            dated = block["raw"].astype(str).str.contains(r"\b\d{4}\b").to_numpy()
            self.reach = (year, ~year & ~dated)
        self.hard = _Hard(block, lexicon)
        self.quals = None
        if lexicon is not None and "qualifiers" in block:
            self.quals = [_rows_of([frozenset(map(str, x)) for x in _qualifier_sets(block["qualifiers"], groups)])
                          for groups in (lexicon.qualifier_groups, lexicon.per_unit_groups)]

    def any(self, left: list[int], right: list[int]) -> bool:
        """Whether any claim of ``left`` and any of ``right`` may never share a group."""
        a, b = np.array(left), np.array(right)
        if self.related is not None and not self.related[np.ix_(self.codes[a], self.codes[b])].all():
            return True
        if self.quote:
            return False
        meet = lambda m, has: ((m[a] @ m[b].T) > 0, has[a][:, None] & has[b][None, :])  # noqa: E731
        same, both_main = meet(self.main, self.has_main)
        same &= both_main
        overlap, both_near = meet(self.near, self.has_near)
        if not self.age and (both_near & ~overlap).any():
            return True
        if self.count:
            u = self.unit
            same_unit = (u[a][:, None] == u[b][None, :]) & (u[a][:, None] != "")
            named = ~self.generic[a][:, None] & ~self.generic[b][None, :]
            open_ = self.bare[a][:, None] | self.bare[b][None, :]
            if ((named & ~same_unit) | (~same_unit & ~same & ~open_)).any():
                return True
            if _event_apart(self.events, u, same_unit, a, b).any():
                return True
            if (((self.people[a][:, None] & self.things[b][None, :])
                    | (self.things[a][:, None] & self.people[b][None, :])) & ~same_unit).any():
                return True
        if self.reach is not None:
            year, day = self.reach
            if ((year[a][:, None] & day[b][None, :]) | (day[a][:, None] & year[b][None, :])).any():
                return True
        for m, has in self.quals or ():
            inter, both = meet(m, has)
            if (both & ~inter).any():
                return True
        return bool(self.hard.between(a, b).any())


def _group_block(block: pd.DataFrame, threshold: float, lexicon: Lexicon | None,
                 related: pd.DataFrame | None, order_by_value: bool = True,
                 article: frozenset[str] = frozenset()) -> np.ndarray:
    """Greedy best-first merging; a group never holds two claims of one source."""
    n = len(block)
    parent = np.arange(n)
    sources = [{s} for s in block["source"]]
    if n < 2 or len(set(block["source"])) < 2:  # nothing to pair: no n×n matrix
        return parent
    block = prepared(block, article)
    if n <= 2 * TILE:  # a square no larger than a pair of tiles: scored whole
        score, same_topic = _score(block, lexicon, related)
        iu, ju = np.triu_indices(n, k=1)
        vals, fits = score[iu, ju], same_topic[iu, ju]
        keep = vals >= min(threshold, ATTACH_THRESHOLD)
        iu, ju, vals, fits = iu[keep], ju[keep], vals[keep], fits[keep]
        hard = score <= NEVER / 2
        if block["kind"].iloc[0] != "quote":
            every = np.arange(n)
            hard |= _Hard(block, lexicon).between(every, every)
        vetoed = lambda x, y: hard[np.ix_(x, y)].any()  # noqa: E731
    else:
        iu, ju, vals, fits = _candidates(block, min(threshold, ATTACH_THRESHOLD), lexicon, related)
        vetoes = _Vetoes(block, lexicon, related)
        # two single claims are a candidate pair, which scored above the floor
        vetoed = lambda x, y: (len(x) > 1 or len(y) > 1) and vetoes.any(x, y)  # noqa: E731
    # the pairs that may merge are those whose score (``vals``) passes the
    # threshold; the merge order adds the value term once more, so where two
    # claims of one source compete for the same fact, the one whose value is
    # nearer is merged first. (With VALUE_AWARE the score holds the value term
    # already; ordering by the score alone was measured worse: real-coverage
    # precision 46/63 -> 45/68, docs/evaluation.md.)
    near = _value_term(block, iu, ju) if order_by_value else np.zeros(len(vals))
    order = np.lexsort((ju, iu, -(vals + near)))
    order = order[vals[order] >= threshold]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members = {i: [i] for i in range(n)}
    # a veto only grows with its groups, so a pair of groups once vetoed is
    # not checked again while both keep their roots
    blocked: set[tuple[int, int]] = set()

    def kept_apart(a: int, b: int) -> bool:
        key = (a, b) if a < b else (b, a)
        if key in blocked:
            return True
        if vetoed(members[a], members[b]):
            blocked.add(key)
            return True
        return False

    for start in range(0, len(order), CHUNK):
        chunk = order[start:start + CHUNK]
        roots = _roots(parent)  # pairs already in one group are dropped in bulk
        for k in chunk[roots[iu[chunk]] != roots[ju[chunk]]]:
            a, b = find(iu[k]), find(ju[k])
            if a == b or not sources[a].isdisjoint(sources[b]):
                continue
            if kept_apart(a, b):
                continue  # a vetoed pair (a bid and a valuation) never shares a group
            if len(members[a]) < len(members[b]):
                a, b = b, a
            parent[b] = a
            sources[a] |= sources[b]
            members[a] += members.pop(b)
    # second pass: a claim left alone joins a group of two or more sources
    # (as the first pass left them) that states the same topic, on weaker
    # wording evidence
    keep = (vals < threshold) & (vals >= ATTACH_THRESHOLD) & fits
    ai, aj, av = iu[keep], ju[keep], vals[keep]
    an = _value_term(block, ai, aj) if order_by_value else np.zeros(len(av))
    order = np.lexsort((aj, ai, -(av + an)))
    roots = _roots(parent)
    size = np.bincount(roots, minlength=n)
    alone = (size[roots[ai]] == 1) ^ (size[roots[aj]] == 1)  # exactly one side is alone
    for k in order[alone[order]]:
        i, j = ai[k], aj[k]
        a, b = find(i), find(j)
        if a == b:
            continue
        if len(members[a]) == 1 and len(members[b]) > 1:
            a, b = b, a
        if not (len(members[a]) > 1 and len(members[b]) == 1) or sources[a] & sources[b]:
            continue
        if kept_apart(a, b):
            continue
        parent[b] = a
        sources[a] |= sources[b]
        members[a] += members.pop(b)
    return np.array([find(i) for i in range(n)])


def align(table: pd.DataFrame, kinds: tuple[str, ...], lexicon: Lexicon | None = None,
          threshold: float = THRESHOLD) -> pd.DataFrame:
    """Claims of ``kinds`` with a ``group`` column numbering claim groups.

    Relative dates that could not be resolved are left out: they state no
    date to compare.
    """
    facts, kinds = group_facts(table, kinds, lexicon), tuple(k for k in kinds if k not in FACT_KINDS)
    claims = table[table["kind"].isin(kinds) & table["resolved"].astype(bool)].copy()
    claims["block"] = block_key(claims["kind"], claims["unit"])
    claims["group"] = -1
    related = related_sources(table, lexicon)
    article = article_names(table)
    next_id = 0
    for _, block in claims.groupby("block", sort=True):
        roots = _group_block(block.reset_index(drop=True), threshold, lexicon, related, article=article)
        _, local = np.unique(roots, return_inverse=True)
        claims.loc[block.index, "group"] = local + next_id
        next_id += int(local.max()) + 1 if len(local) else 0
    claims = join_facts(claims, facts, next_id, kinds)  # statement facts (checker/align_facts.py)
    # number groups in reading order: by first claim's source order and offset
    order = claims.reset_index().sort_values(["index"]).groupby("group", sort=False)["index"].min()
    renumber = {g: i for i, g in enumerate(order.sort_values().index)}
    claims["group"] = claims["group"].map(renumber).astype(int)
    return claims.drop(columns="block")


def explain_groups(claims: pd.DataFrame, lexicon: Lexicon | None = None) -> dict[int, dict]:
    """Group -> why its claims were grouped (groups of two or more sources)."""
    from checker.explain import why
    sizes = claims.groupby("group")["source"].nunique()
    many = sizes[sizes > 1].index
    return {int(g): why(rows, lexicon) for g, rows in claims[claims["group"].isin(many)].groupby("group")}
