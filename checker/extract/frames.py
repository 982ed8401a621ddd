"""Names and who-did-what frames: light, general heuristics, no parser.

``entities(text)`` finds names: runs of Capitalized words (with name
particles such as "de" or "van", initials "R.", hyphenated and apostrophe
names), titles stripped ("Acme CEO Jane Doe" -> "Acme", "Jane Doe"),
possessives cut ("Doe's" -> "Doe"), sentence-initial function words,
days and months dropped, and every name folded through the lexicon's aliases
("Twitter" -> "X").

``frame(sentence, focus)`` returns (subject, predicate, object, negated) for
the clause a value sits in:

* clauses split on ``; : , ( ) —``, on relative/subordinating words and on
  ``and``/``but``/``or`` when a verb follows;
* the verb is the nearest verb before the focus in its clause (else the
  first one after it, else the nearest in an earlier clause, else in a later
  one); verbs are a closed list of news verbs with their inflections, the
  lexicon's verb forms ("stepped down"), and ``-ed`` words;
* the subject is the noun phrase right before the verb (an entity in it wins;
  appositives and relative pronouns are skipped by inheriting the subject of
  the clause before), the object the first entity or noun phrase head after
  it; a passive with ``by`` is turned active;
* predicates are lemmas folded through the lexicon ("rejected" -> "reject",
  "bought" -> "acquire", "stepped down" -> "leave"); "has to accept",
  "failed to buy", "denied selling" give the inner verb;
* negated: "not", "n't", "never", "no longer" before the verb (or after a
  copula: "is not for sale"), "denied …", "failed to …";
* pronouns he/she/they as subject go to the last person named before them
  in the sentence (else None); I/we/you give None.

Analyses are cached per sentence (a sentence carries several claims); a huge
"sentence" is analysed in a window around the focus. Everything is linear in
the sentence and bounded per call; nothing raises.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.lexicon import Lexicon

__all__ = ["Frame", "Mention", "entities", "frame", "find_mentions", "lemma"]


@dataclass(frozen=True)
class Frame:
    subject: str | None
    predicate: str | None
    object: str | None
    negated: bool


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

# words: letter/digit runs joined by single ’ ' - . & ("O’Brien", "U.S.", "AT&T")
_TOK = re.compile(r"[^\W_]+(?:(?:[’'\-.&]|(?<=\d),(?=\d{3}(?!\d)))[^\W_]+)*\.?")

_STOP_CAP = frozenset("""
The A An In On At But And Or Nor If When While As After Before This That These
Those Then It Its He She They We I His Her Hers Their Theirs Our My Your You
What Why How Where Who Whom Whose Which Also However Meanwhile Still Yet So For
From With Without By To Of Rather Because Although Though Despite Since Until
Under Over Now Today Yesterday Tomorrow Tonight There Here Some Many Most All
Both Each Every No Not One Two Three Four Five Six Seven Eight Nine Ten First
Second Third Such Much More Less Other Another Even Just Only Indeed Instead Thus
Therefore Moreover Furthermore Overall Later Earlier Once Again Already Soon
Recently Currently Previously Ultimately Finally Whether Do Does Did Is Are Was
Were Be Been Has Have Had Let Please Yes Oh Well Like Unlike About Above Below
Between Among Amid Against Along Around Across Through During Within Into Onto
Upon Toward Towards Via Per Plus Maybe Perhaps Read Click Subscribe Watch See
Share Follow Sign Advertisement Related Update Updated Breaking Photo Image
Video Editor Note Sources Officials Analysts Investors Critics Experts
Researchers Authorities Lawmakers Regulators Shares Prices Residents Witnesses
Scientists Economists Employees Workers Users Customers Fans Supporters
Opponents Others People Several Neither Either Any Anyone Everyone Nobody
Someone Something Nothing Everything Last Next Few Whatever Whoever Whenever
Sir Madam Dear Mister Okay OK Hey Hi Hello Thanks Thank Why Because Amen
""".split())
# only a stop word when it opens a sentence ("Will Smith" stays a name)
_STOP_INITIAL = frozenset("""
Will Would Could Should May Might Can Must Shall Said Says Asked Told New Big
Top Many Investors Rising Falling Shortly Late Early Several Under Given
According Amid Asked Following Speaking Writing Calling Responding Adding
""".split())
_DAYS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun""".split())
_MONTHS = frozenset("""January February March April May June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
_TITLES = frozenset("""
Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Gen General
Col Colonel Capt Captain Lt Sgt Sergeant Maj Major Adm Admiral Gov Governor Sen
Senator Rep Representative Congressman Congresswoman President Vice Prime
Minister Secretary Chancellor Mayor Judge Justice Chief Executive Officer CEO
CFO COO CTO CIO Chairman Chairwoman Chairperson Chair Founder Co-founder
Cofounder Co-Founder Director Commissioner Ambassador King Queen Prince Princess
Pope Attorney Speaker Leader Coach Detective Inspector Sheriff Deputy Agent
Pastor Rabbi Imam Bishop Cardinal Billionaire Tycoon Entrepreneur Spokesman
Spokeswoman Spokesperson Acting Former Interim Senior Treasurer Premier
President-elect Host Anchor Correspondent Reporter Analyst Economist Investor
Professor Dean Provost Superintendent Councillor Councilman Councilwoman
Alderman Ald Hon Insp Det Atty Supt Cmdr Pres Messrs Mmes Novelist Author Writer
Actor Actress Singer Rapper Musician Artist Comedian Filmmaker Producer Designer
Journalist Lawyer Activist Scientist Researcher Physicist Astronaut Athlete
Player Striker Goalkeeper Manager Owner Philanthropist Candidate Nominee
Challenger Incumbent Lawmaker Legislator Diplomat Envoy Negotiator Prosecutor
Defendant Plaintiff Suspect Billionaires Officials Chairs Judges State
""".split())
# titles that are also surnames: a title only at the start of a name or after a company
_SOFT_TITLES = frozenset("""King Queen Prince Princess Lord Lady Major General Judge Justice
Chief Speaker Leader Host Dean Senior Chair Sir Dame Captain Colonel Sergeant Admiral
Coach Agent Bishop Cardinal Deputy Head Player Owner Singer Manager Writer Judges State""".split())
_ORG = frozenset("""
Inc Corp Corporation Co Cos Company LLC LLP Ltd PLC Plc GmbH AG SA NV Group
Holdings Bank Capital Partners Fund Funds Ventures Foundation Institute
University College School Academy Association Agency Authority Department
Ministry Council Committee Commission Court Board Office Bureau Party
Parliament Congress Senate House Assembly Times News TV Post Journal Press
Herald Tribune Guardian Telegraph Gazette Magazine Network Media Radio
Broadcasting Airlines Airways Motors Technologies Technology Systems Labs
Laboratories Pharmaceuticals Pharma Energy Oil Industries International Global
Securities Exchange Reserve Federation Union Alliance Organization Organisation
Coalition Army Navy Force Forces Police Summit Conference Forum Street Square
Avenue Road Center Centre Hospital Church Club League Team Studios Records
Entertainment Games Platforms Services Solutions Software Research Trust
Government Administration Republic Kingdom States Province County City Island
Islands Valley Bay River Mountains AI Review Channel
Online Daily Weekly Motor Electric Brothers Bros Airlines Store
Stores Market Markets Index Mall Hotel Resort Airport Station Museum Library
""".split())
_PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el ter ten y".split())
_PLACE_FIRST = frozenset("""
New Los Las San Santa Saint St Hong South North East West Central Silicon Wall
Downing Capitol Middle Latin Puerto Costa Sri Saudi Buenos Rio Sao São Tel Abu
Cape Fort Port Mount Lake Palm Palo Mountain Upper Lower Greater Northern
Southern Eastern Western United Czech Dominican Ivory Sierra Burkina Papua Kuala
Addis Ho Phnom Salt Baton Des Grand Little Big Great Royal Federal National
Supreme High Holy Old Fifth Times
""".split())
_GENERIC_ACRONYMS = frozenset("""AI CEO CFO COO CTO TV PM AM GDP IPO USD EUR GBP
OK FAQ PDF URL CEO’s HR PR IT VR AR EV EVs""".split())
_NAME_SHAPE = re.compile(r"(?:[A-Z][a-z]*['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:-[A-Z][a-z]+)*|[A-Z]\.")
_ABBREV_DOT = frozenset("Inc Corp Co Cos Ltd Jr Sr Bros Plc St Mr Mrs Ms Dr Prof Gov Sen Rep Gen Lt Col Capt Sgt Rev Hon".split())
_SUFFIX = frozenset("Jr Sr II III IV".split())


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
    return word in _ORG or (len(word) >= 2 and (word.isupper() or word[-2:].isupper()))


def _core(word: str) -> str:
    return word[:-1] if word.endswith(".") else word


def find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    """Names in ``text`` in order: capitalized runs plus lexicon alias hits."""
    try:
        return _find_mentions(text, lexicon)
    except Exception:  # pragma: no cover - never crash extraction on odd text
        return []


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

    for m in _TOK.finditer(text):
        s, e = m.span()
        w = m.group()
        possessive = False
        if len(w) > 2 and w[-2] in "’'" and w[-1] in "sS":
            w, e, possessive = w[:-2], e - 2, True
        ends = False
        if w.endswith(".") and len(w) > 1:
            core = w[:-1]
            keep = (core in _ABBREV_DOT or "." in core
                    or (len(core) == 1 and core.isupper()))
            if not keep:
                w, e, ends = core, e - 1, True
        cap = w[:1].isupper()
        gap_ok = bool(run) and s - prev_end <= 2 and text[prev_end:s].strip(" \t") == "" and "\n" not in text[prev_end:s]
        joiner = gap_ok and (w in _PARTICLES or (w in ("of", "for") and _core(run[-1][2]) in _ORG))
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
        hits.append((m.start(), m.end(), info.names.get(found) or info.entity(found)))
    return hits


def _split_run(text: str, run: list[tuple[int, int, str]], possessive: bool,
               lexicon: Lexicon) -> list[Mention]:
    """Cut one capitalized run into names (titles, stop words, dates removed)."""
    # trim particles at the edges
    while run and (run[0][2] in _PARTICLES or run[0][2] in ("of", "for")):
        run.pop(0)
    while run and (run[-1][2] in _PARTICLES or run[-1][2] in ("of", "for")):
        run.pop()
        possessive = False
    if not run:
        return []
    info = _lexinfo(lexicon)
    if len(run) == 1:  # fast path: one word
        s, e, w = run[0]
        w0 = _core(w)
        if (w0 in _STOP_CAP or w in _STOP_CAP or w0 in _DAYS or w0 in _MONTHS or w0 in _TITLES
                or w in _TITLES or w0 in _GENERIC_ACRONYMS or w0 in _SUFFIX):
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
        if w in _STOP_CAP or tok[2] in _STOP_CAP:
            drop = True
        elif k == 0 and initial and (w in _STOP_INITIAL):
            drop = True
        elif w in _DAYS:
            drop = True
        elif w in _MONTHS and (nxt_digit or n == 1 or k == n - 1 and not pieces[-1]):
            drop = True
        elif w in _SUFFIX and pieces[-1]:
            continue  # "Jr." belongs to the name before; not kept
        elif w in _TITLES or tok[2] in _TITLES:
            rest = [_core(t[2]) for t in run[k + 1:]]
            before = _core(pieces[-1][-1][2]) if pieces[-1] else None
            if any(r in _ORG for r in rest):
                drop = False  # "General Motors", "Justice Department"
            elif w in _SOFT_TITLES and before is not None and not _org_word(before):
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
            if w0 in _GENERIC_ACRONYMS or w0 in _MONTHS:
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
    return (low.endswith(("ly", "ing")) or w0 in _STOP_INITIAL or low in _FORM_TO_BASE
            or low in lexicon.stopwords
            or (lexicon.canonical(low) is not None and not info.is_alias(w0)))


def _kind1(c: str, alias: bool) -> str:
    if alias:
        return "org"
    if c in _ORG:
        return "org"
    if len(c) >= 2 and (c.isupper() or (c[-1].isupper() and c[-2].isupper())
                        or any(ch.isdigit() for ch in c)):
        return "org"
    return "name"


def _kind(words: list[str], alias: bool) -> str:
    cores = [_core(w) for w in words]
    if alias or any(c in _ORG for c in cores):
        return "org"
    if len(cores) == 1:
        c = cores[0]
        if len(c) >= 2 and (c.isupper() or re.search(r"[A-Z]{2}$", c) or any(ch.isdigit() for ch in c)):
            return "org"
        return "name"
    names = [c for c in cores if c not in _PARTICLES]
    if (2 <= len(names) <= 5 and cores[0] not in _PLACE_FIRST
            and all(_NAME_SHAPE.fullmatch(w if len(w) == 2 and w.endswith(".") else c)
                    for w, c in zip(words, cores) if c not in _PARTICLES)):
        return "person"
    return "org" if any(c.isupper() and len(c) > 1 for c in cores) else "name"


def entities(text: str, lexicon: Lexicon) -> list[str]:
    """Canonical entity names in order of appearance, de-duplicated."""
    try:
        seen: dict[str, None] = {}
        for m in find_mentions(text, lexicon):
            seen.setdefault(m.canon, None)
        return list(seen)
    except Exception:  # pragma: no cover
        return []


# ------------------------------------------------------------------ verbs

_BASE_VERBS = """
accept accuse acknowledge acquire add admit agree aim allege allow announce
appeal appear appoint approve argue arrest ask attack back ban become begin
believe bid block boost borrow break bring build buy call cancel cap charge
claim close collapse come comment complain complete confirm consider continue
control cost criticize criticise cut decide declare decline defend delay
deliver deny depart describe destroy develop die disclose dismiss drop earn
elect employ end endorse estimate exceed expand expect explain face fail fall
file find fine fire follow force form found freeze fund gain get give go grow
halt help hire hit hold hope improve include increase injure insist intend
introduce invest issue join keep kill launch lead leave lend limit lose make
manage meet merge miss move name note offer open order own oppose pass pay plan
pledge post predict present promise propose provide publish purchase push quit
raise reach receive recall record reduce refuse reject release remain remove
replace report require resign respond restructure return reveal rise rule run
say sell send settle share shut sign slash spend split start state step stop
strike submit sue suggest support suspend take talk target tell terminate
threaten top total trade transfer try tweet undermine unveil urge use value vote
want warn win withdraw write create develop seem look sound feel remain acquire rebuff spurn exit walk seize overtake
double triple halve cut lift lower plunge soar surge jump climb drop tumble
sink slump decrease shrink expand hike trim post reply answer counter quip joke
stress emphasize emphasise recount reiterate dub label brand promise vow sack
oust appoint nominate hire fire lay settle fine sue charge convict sentence
acquit jail detain release bail abandon revive resume pause scrap approve veto
reject pass block probe investigate examine review inspect audit donate pledge
lend loan owe repay default borrow float list delist merge spin buy build
""".split()

_IRREGULAR = {
    "sold": "sell", "bought": "buy", "left": "leave", "took": "take", "taken": "take",
    "made": "make", "said": "say", "told": "tell", "won": "win", "paid": "pay",
    "led": "lead", "began": "begin", "begun": "begin", "became": "become",
    "went": "go", "gone": "go", "came": "come", "gave": "give", "given": "give",
    "got": "get", "gotten": "get", "held": "hold", "kept": "keep", "met": "meet",
    "ran": "run", "saw": "see", "seen": "see", "sent": "send", "spent": "spend",
    "stood": "stand", "thought": "think", "wrote": "write", "written": "write",
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow",
    "grown": "grow", "brought": "bring", "built": "build", "chose": "choose",
    "chosen": "choose", "drew": "draw", "drawn": "draw", "drove": "drive",
    "driven": "drive", "knew": "know", "known": "know", "lost": "lose", "meant": "mean",
    "sought": "seek", "struck": "strike", "swore": "swear", "sworn": "swear",
    "threw": "throw", "thrown": "throw", "withdrew": "withdraw", "withdrawn": "withdraw",
    "overtook": "overtake", "oversaw": "oversee", "fled": "flee", "flew": "fly",
    "flown": "fly", "laid": "lay", "lent": "lend", "dealt": "deal", "felt": "feel",
    "fought": "fight", "heard": "hear", "understood": "understand", "upheld": "uphold",
    "sank": "sink", "sunk": "sink", "shrank": "shrink", "stole": "steal", "stuck": "stick",
    "taught": "teach", "tore": "tear", "torn": "tear", "broke": "break",
    "broken": "break", "spoke": "speak", "spoken": "speak", "froze": "freeze",
    "frozen": "freeze", "shook": "shake", "forgot": "forget", "ate": "eat",
    "did": "do", "done": "do", "had": "have", "has": "have", "was": "be", "were": "be",
    "is": "be", "are": "be", "been": "be", "am": "be", "found": "found",
    "bid": "bid", "cut": "cut", "hit": "hit", "put": "put", "set": "set",
    "quit": "quit", "shut": "shut", "split": "split", "spread": "spread", "cost": "cost",
    "hurt": "hurt", "let": "let", "read": "read", "beat": "beat", "bet": "bet",
    "wound": "wind", "slid": "slide", "sped": "speed", "sprang": "spring",
    "swung": "swing", "woke": "wake", "rode": "ride", "forgave": "forgive",
    "undertook": "undertake", "mistook": "mistake", "outgrew": "outgrow",
    "fed": "feed", "bled": "bleed", "hid": "hide", "lit": "light", "shot": "shoot",
    "sat": "sit", "slept": "sleep", "spun": "spin", "stung": "sting", "swept": "sweep",
    "wept": "weep", "bore": "bear", "borne": "bear", "overthrew": "overthrow",
}
_AUX = frozenset("""is are was were be been being am has have had having do does did
will would could should may might can must shall 's ’s 'd ’d""".split())
_BE = frozenset("is are was were be been being am".split())
_DETERMINERS = frozenset("""the a an its his her their our your my this that these those
some any every each no another such""".split())
_PREPOSITIONS = frozenset("""of in on at for from with by to into onto over under about
against between among amid after before since during through across toward towards
via per than like near without within upon off out up down as""".split())
_ADVERBS = frozenset("""also later then still just now previously reportedly allegedly
already recently finally currently once again even ultimately eventually initially
originally subsequently formally officially publicly privately quickly swiftly
firmly flatly repeatedly separately meanwhile however nonetheless nevertheless
instead indeed apparently reportedly effectively only soon""".split())
_NEG = frozenset("not never no-longer n't nt".split())
_PRONOUNS_PERSON = frozenset("he she they him her them".split())
_PRONOUNS_THING = frozenset("it its this that".split())
_RELATIVE = frozenset("who which that whom whose where".split())
_SUBORD = frozenset("""who which whom whose where while whereas although though because
after before when since until unless if once""".split())
_COORD = frozenset("and but or yet then nor".split())
_PARTICLE_WORDS = frozenset("down up out off away over back in on".split())
_NOT_VERB = frozenset("""need hundred indeed bed red shed seed speed breed creed greed
deed feed weed reed united limited related based naked wicked sacred kindred
ed led""".split()) - {"led"}
_NEG_VERBS = frozenset({"deny"})
_CONTRACTIONS = frozenset("he's she's it's that's there's what's who's here's where's let's".split())
_QUANTIFIERS = frozenset("""several many few more most all both multiple numerous other new
rival competing two three four five six seven eight nine ten dozens hundreds
thousands millions billions""".split())
_NUMBER_WORDS = frozenset("""billion million trillion thousand hundred percent per cent bn m
today yesterday tomorrow tonight""".split())
_MODAL_CTX = frozenset("""to will would could should may might can must shall did does do
cannot""".split())
_SUBJECT_PRONOUNS = frozenset("he she it they i we you who which".split())
_OBJECT_PRONOUNS = frozenset("him her them it us me you his its their".split())
_TIME_WORDS = frozenset("""year years month months week weeks day days quarter quarters decade
decades morning afternoon evening night weekend season summer winter autumn""".split())
_ING_OK = frozenset("by after before since without while when upon".split())
_FAIL_VERBS = frozenset({"fail"})
# participles that are mostly adjectives after "is": no passive swap
_ADJECTIVAL = frozenset("""worried concerned interested focused based committed pleased
surprised disappointed determined convinced involved prepared tired excited known
expected supposed scheduled located headquartered unhappy satisfied opposed""".split())


_LY_NOUNS = frozenset("""family supply rally assembly monopoly anomaly ally reply italy july
bully belly jelly lily holly folly melancholy oligopoly""".split())


def _adverb(tok: "_Tok") -> bool:
    low = tok.low
    return (low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS
            and tok.text[:1].islower() and low not in _FORM_TO_BASE)


def _forms(base: str) -> set[str]:
    out = {base}
    vowels = "aeiou"
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.add(base + "es")
    elif base.endswith("y") and len(base) > 1 and base[-2] not in vowels:
        out.add(base[:-1] + "ies")
    else:
        out.add(base + "s")
    if base.endswith("e"):
        out.add(base + "d")
        if not base.endswith("ee"):
            out.add(base[:-1] + "ing")
        else:
            out.add(base + "ing")
    elif base.endswith("y") and len(base) > 1 and base[-2] not in vowels:
        out.add(base[:-1] + "ied")
        out.add(base + "ing")
    else:
        out.add(base + "ed")
        out.add(base + "ing")
        if (len(base) >= 3 and base[-1] not in vowels + "wxy" and base[-2] in vowels
                and base[-3] not in vowels):
            out.add(base + base[-1] + "ed")
            out.add(base + base[-1] + "ing")
    return out


_FORM_TO_BASE: dict[str, str] = {}
for _b in _BASE_VERBS:
    for _f in _forms(_b):
        _FORM_TO_BASE.setdefault(_f, _b)
for _f, _b in _IRREGULAR.items():
    _FORM_TO_BASE[_f] = _b
    for _g in _forms(_b):
        _FORM_TO_BASE.setdefault(_g, _b)
_KNOWN_BASES = frozenset(_FORM_TO_BASE.values())
# past forms equal to the base ("bid", "cut"): a verb only where a bare form is
_SAME_FORM = frozenset(k for k, v in _IRREGULAR.items() if k == v) - {"found"}


_VOWELS = "aeiou"
# a stem taking back its silent e: "voic(ed)" -> "voice", "declin(ed)" -> "decline"
_E_STEM = re.compile(r"""(?:
    [cvu] | [^z]z | [dr]g | ang | [^aeiou][ai]g
  | [^aeiou][aiu]r
  | [^aeiou](?:in|id|ud|ot|at|ut)
  | [^aeiou][aio][kmp]
  | [^aeiou]?[aeiou]s (?<!ss) (?<!cus)
  | [rnpl]s | [bpdtgkf]l
)$""", re.X)


def _stem_e(stem: str) -> str:
    if stem in _KNOWN_BASES:
        return stem
    if stem + "e" in _KNOWN_BASES:
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz" + _VOWELS:
        return stem[:-1]
    if len(stem) >= 2 and _E_STEM.search(stem):
        return stem + "e"
    return stem


def lemma(word: str) -> str:
    """A lemma-ish base form of a verb form (lower case).

    Known verbs use a table; unknown ``-ed``/``-ing``/``-s`` forms are cut
    with the usual spelling rules, so every form of one verb gets one lemma.
    """
    w = word.lower().replace("’", "'")
    if w in _FORM_TO_BASE:
        return _FORM_TO_BASE[w]
    if len(w) > 4 and w.endswith(("ied", "ies")):
        return w[:-3] + "y"
    if w.endswith("ed") and len(w) > 4:
        return _stem_e(w[:-2])
    if w.endswith("ing") and len(w) > 5:
        return _stem_e(w[:-3])
    if w.endswith(("sses", "xes", "zes", "ches", "shes")) and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


# ------------------------------------------------------------------ analysis

@dataclass
class _Tok:
    start: int
    end: int
    text: str
    low: str
    mention: int = -1        # index into mentions, -1 if none
    verb: str | None = None  # lemma when the token is a main verb
    phrasal: int = 0         # extra tokens the verb phrase spans ("stepped down")
    aux: bool = False


_PUNCT_BREAK = re.compile(r"[;:,()\[\]—–]|\s-\s|[“”\"]")


class _Analysis:
    def __init__(self, text: str, lexicon: Lexicon):
        self.text = text
        self.lexicon = lexicon
        self.mentions = find_mentions(text, lexicon)
        toks: list[_Tok] = []
        for m in _TOK.finditer(text):
            s, e = m.span()
            w = m.group()
            if w.endswith(".") and len(w) > 1 and "." not in w[:-1]:
                w, e = w[:-1], e - 1
            toks.append(_Tok(s, e, w, w.lower().replace("’", "'")))
        self.toks = toks
        starts = [t.start for t in toks]
        self.starts = starts
        for mi, men in enumerate(self.mentions):
            i = bisect.bisect_left(starts, men.start)
            while i < len(toks) and toks[i].start < men.end:
                toks[i].mention = mi
                i += 1
        self._tag_verbs()
        self.clauses = self._clauses()
        self.clause_of = [0] * len(toks)
        for ci, (a, b) in enumerate(self.clauses):
            for i in range(a, b):
                self.clause_of[i] = ci
        self.verbs = [i for i, t in enumerate(toks) if t.verb]
        self._subjects: dict[int, tuple[str | None, str]] = {}

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
            if low in _AUX:
                t.aux = True
                i += 1
                continue
            # lexicon phrasal forms: "stepped down", "took over", "turned down"
            if i + 1 < n and toks[i + 1].low in _PARTICLE_WORDS | {"control", "suit", "legal"}:
                for span in (3, 2):
                    if i + span <= n and self._adjacent(i, i + span):
                        phrase = " ".join(x.low for x in toks[i:i + span])
                        canon = lex.canonical(phrase)
                        if canon and (low in _FORM_TO_BASE or low.endswith(("ed", "ing"))):
                            t.verb = canon.replace("_", " ")
                            t.phrasal = span - 1
                            break
                if t.verb:
                    i += 1 + t.phrasal
                    seen_verb = True
                    continue
            if i and _PUNCT_BREAK.search(self.text[toks[i - 1].end:t.start]):
                seen_verb = False
            if low in _SUBORD or low in _COORD or low in _RELATIVE:
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
            if t.aux and t.low in _BE | {"has", "have", "had"}:
                j = i + 1
                while j < n and j < i + 4 and (toks[j].low in _NEG or toks[j].low in _ADVERBS
                                               or toks[j].aux or toks[j].low.endswith("n't")
                                               or toks[j].low == "since"):
                    j += 1
                if j < n and toks[j].verb and self._adjacent(i, j + 1):
                    continue
                t.verb = "be" if t.low in _BE else "have"

    def _context(self, i: int) -> _Tok | None:
        """The token before ``i``, skipping adverbs and negation."""
        k = i - 1
        while k >= 0 and k >= i - 4:
            tk = self.toks[k]
            if tk.mention < 0 and (tk.low in _ADVERBS or tk.low in ("not", "never", "since")
                                   or (tk.low.endswith("ly") and tk.text[0].islower())):
                k -= 1
                continue
            break
        if k < 0 or _PUNCT_BREAK.search(self.text[self.toks[k].end:self.toks[i].start]):
            return None
        return self.toks[k]

    def _is_verb(self, i: int) -> bool:
        toks = self.toks
        t = toks[i]
        low = t.low
        prev_tok = toks[i - 1] if i else None
        prev = prev_tok.low if prev_tok else ""
        if prev in _DETERMINERS or prev in _QUANTIFIERS or (
                prev.endswith("'s") and prev not in _CONTRACTIONS):
            return False  # "the proposed deal", "Doe's offer"
        ctx = self._context(i)
        c = ctx.low if ctx is not None else ""
        modal = ctx is not None and ctx.mention < 0 and (c in _MODAL_CTX or c.endswith("n't"))
        subject = ctx is not None and (ctx.mention >= 0 or c in _SUBJECT_PRONOUNS)
        if low in _ADVERBS or (low.endswith("ly") and low not in _FORM_TO_BASE) or low in _NEG:
            return False
        base = _FORM_TO_BASE.get(low)
        if base is not None:
            if (low in _IRREGULAR and low not in _SAME_FORM) or low.endswith("ed"):
                return True
            if low.endswith("ing"):
                return prev not in _PREPOSITIONS or prev in _ING_OK
            if i == 0:
                return False  # "Shares of Acme fell": a capitalized opener
            if low == base or low in _SAME_FORM:
                return (modal or subject or (c == "to" and ctx is prev_tok)
                        or (low in _SAME_FORM and (c in _BE or c in ("has", "have", "had", "having"))))
            if self._s_verb(i):
                return True
            # "Doe, for her part, seems ...": a known -s form after a comma
            gap = self.text[prev_tok.end:t.start] if prev_tok else ""
            return ("," in gap and i + 1 < len(toks)
                    and not _PUNCT_BREAK.search(self.text[t.end:toks[i + 1].start]))
        if low.endswith("ed") and len(low) >= 5 and low not in _NOT_VERB:
            return True
        if i and low.isalpha() and low not in _PREPOSITIONS and low not in _DETERMINERS:
            if modal and c != "to":
                return True  # "could complicate"
            if low.endswith("ing") and c in _BE and len(low) > 5:
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
        if i + 1 < len(toks) and (toks[i + 1].low in _AUX or toks[i + 1].low in _MODAL_CTX):
            return False  # "Globex shares have dropped": a plural noun
        ctx = self._context(i)
        if ctx is not None and (ctx.mention >= 0 or ctx.low in _SUBJECT_PRONOUNS):
            return True
        prev = toks[i - 1]
        if low in _FORM_TO_BASE and i >= 2 and prev.low.isalpha() and not prev.verb \
                and prev.low not in _PREPOSITIONS and prev.low not in _DETERMINERS \
                and not prev.low.endswith(("ing", "ed", "ly")) and (
                    toks[i - 2].low in _DETERMINERS or toks[i - 2].low.endswith("'s")
                    or toks[i - 2].mention >= 0) \
                and not _PUNCT_BREAK.search(self.text[toks[i - 2].end:t.start]):
            return True  # "the company seems", "Acme's board plans"
        if prev.mention >= 0 or not prev.low.isalpha() or prev.low in _PREPOSITIONS \
                or prev.low in _DETERMINERS or prev.low.endswith(("ing", "'s")):
            return False
        if _PUNCT_BREAK.search(self.text[prev.end:t.start]):
            return False
        if i + 1 >= len(toks) or _PUNCT_BREAK.search(self.text[t.end:toks[i + 1].start]):
            return False
        nxt = toks[i + 1]
        return (nxt.mention >= 0 or nxt.low in _DETERMINERS or nxt.low in _OBJECT_PRONOUNS
                or nxt.low[:1].isdigit() or nxt.low in ("to", "that", "up", "down", "out", "off")
                or "$" in self.text[t.end:nxt.start])

    def _adjacent(self, a: int, b: int) -> bool:
        """No clause punctuation between tokens a..b-1."""
        if b - 1 >= len(self.toks):
            return False
        seg = self.text[self.toks[a].end:self.toks[b - 1].start]
        return _PUNCT_BREAK.search(seg) is None

    # -- clauses
    def _clauses(self) -> list[tuple[int, int]]:
        toks, text = self.toks, self.text
        n = len(toks)
        cuts = [0]
        for i in range(1, n):
            gap = text[toks[i - 1].end:toks[i].start]
            low = toks[i].low
            if _PUNCT_BREAK.search(gap):
                cuts.append(i)
            elif low in _SUBORD and toks[i].mention < 0 and not (
                    i + 1 < n and toks[i + 1].verb and toks[i - 1].aux):
                cuts.append(i)  # (not "has since accused")
            elif low in _COORD and self._verb_follows(i + 1):
                cuts.append(i)
            elif low == "as" and any(toks[k].verb and not toks[k].low.endswith("ing")
                                     for k in range(i + 2, min(n, i + 5))) \
                    and not _PUNCT_BREAK.search(text[toks[i].end:toks[min(n, i + 4) - 1].start]):
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
            if t.low in _ADVERBS or t.low in _NEG or t.aux or t.low.endswith("n't"):
                k += 1
                continue
            return False
        return False

    # -- pieces
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
        while j >= a and (toks[j].aux or toks[j].low in _NEG or toks[j].low in _ADVERBS
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
                k = j
                while k - 1 >= a and toks[k - 1].mention == t.mention:
                    k -= 1
                if k - 1 >= a and toks[k - 1].low in _PREPOSITIONS:
                    head = k - 2
                    while head >= a and toks[head].low in _PREPOSITIONS:
                        head -= 1
                    if head >= a and toks[head].mention < 0 and toks[head].low not in _DETERMINERS:
                        result = (self._np_value(head), "found")
                    else:
                        result = (men.canon, "found")
                else:
                    result = (men.canon, "found")
            elif t.low in _PRONOUNS_PERSON:
                result = (self._resolve_pronoun(j, True), "found")
            elif t.low in ("i", "we", "you") or t.low in _CONTRACTIONS or "'" in t.low:
                result = (None, "found")  # first/second person: nobody we can name
            elif t.low == "it":
                result = (self._resolve_pronoun(j, False), "found")
            elif t.low in _RELATIVE or t.low in _SUBORD:
                result = self._inherit(ci, depth)
            elif t.verb or t.low in _COORD:
                result = self._inherit(ci, depth)
            elif t.low in _DETERMINERS or t.low in _PREPOSITIONS:
                result = self._inherit(ci, depth)
            else:
                # a common noun phrase: an entity inside it wins ("Acme's board")
                k = j
                ent = None
                while k >= a and k >= j - 4 and toks[k].low not in _DETERMINERS \
                        and toks[k].low not in _PREPOSITIONS and not toks[k].verb:
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
                if first.low in _SUBORD and first.low not in _RELATIVE:
                    continue  # a subordinate clause does not lend its subject
                return self._subject(verbs[0], depth + 1)
            if first.low in _PREPOSITIONS or first.low in _SUBORD:
                continue  # an adverbial phrase: "In 2024,"
            names = [toks[i].mention for i in range(a, b) if toks[i].mention >= 0]
            appositive = cj > 0 and (first.low in _DETERMINERS or first.low[:1].isdigit()
                                     or (first.mention < 0 and first.text[:1].islower()))
            if appositive:
                continue  # ", the chief executive,"
            if names:
                return (self.mentions[names[-1]].canon, "inherit")
            head = self._head(a, b)
            if head is not None and toks[head].low not in _DETERMINERS:
                return (self._np_value(head), "inherit")
        # a fronted participle phrase: the subject follows
        for cj in range(ci + 1, len(self.clauses)):
            a, b = self.clauses[cj]
            verbs = [i for i in range(a, b) if toks[i].verb]
            if verbs and toks[a].low not in _SUBORD:
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
                    k = j
                    while k < limit and toks[k].mention == tk.mention:
                        k += 1
                    head = self._head(k, limit)
                    return self._np_value(head) if head is not None else men.canon
                return men.canon
            if tk.low in _DETERMINERS or tk.low in _ADVERBS or tk.low in _PREPOSITIONS or _adverb(tk) \
                    or tk.low in _NEG or tk.low[:1].isdigit() or tk.aux or tk.low in _NUMBER_WORDS \
                    or _core(tk.text) in _DAYS or _core(tk.text) in _MONTHS:
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
            if tk.low in _PRONOUNS_PERSON:
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
                if (nxt.mention < 0 and not nxt.verb and nxt.low.isalpha() and nxt.low not in _DETERMINERS
                        and nxt.low not in _PREPOSITIONS and not _PUNCT_BREAK.search(
                            self.text[tk.end:nxt.start])):
                    j += 1  # "personal and professional tensions"
                    continue
            if tk.verb and tk.low.endswith("ing") and j + 1 < limit and toks[j + 1].low.isalpha() \
                    and not toks[j + 1].verb and toks[j + 1].mention < 0 \
                    and toks[j + 1].low not in _PREPOSITIONS and toks[j + 1].low not in _DETERMINERS:
                j += 1  # "future restructuring plans"
                continue
            if tk.mention >= 0 or tk.verb or tk.aux or tk.low in _PREPOSITIONS \
                    or tk.low in _COORD or tk.low in _RELATIVE:
                break
            if tk.low in _TIME_WORDS and last is None:
                break
            if tk.low in ("ago", "earlier", "later"):
                last = before_last  # "its board years ago"
                break
            if j > 0 and _PUNCT_BREAK.search(self.text[toks[j - 1].end:tk.start]) and last is not None:
                break
            if _core(tk.text) in _DAYS or _core(tk.text) in _MONTHS:
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
            if not (toks[j].aux or low in _ADVERBS or low == "no" or low.endswith("ly")):
                break
            j -= 1
        if toks[v].verb in ("be", "have") and v + 1 < b:
            nxt = toks[v + 1].low
            if nxt in ("not", "never", "no") or (nxt == "no" and v + 2 < b and toks[v + 2].low == "longer"):
                return True
        if toks[v].verb in _NEG_VERBS:
            return True
        return False

    # -- choice of verb
    def _finite(self, i: int) -> bool:
        if not self.toks[i].low.endswith("ing"):
            return True
        ctx = self._context(i)
        return ctx is not None and ctx.low in _BE  # "will be watching"

    def verb_for(self, focus: tuple[int, int] | None) -> int | None:
        toks, verbs = self.toks, self.verbs
        if not verbs:
            return None
        if focus is None:
            skipping = False
            for ci, (a, b) in enumerate(self.clauses):
                first = toks[a].low
                if first in _SUBORD or (a == 0 and first == "as"):
                    skipping = True  # a subordinate or a relative clause
                    continue
                if skipping and first in _COORD:
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
        # "has to accept", "is going to sell": the verb after "to"
        if t.verb in ("have", "be", "go", "want", "need", "plan", "try", "seek", "agree", "aim",
                      "intend", "expect", "hope") and v + 2 < len(self.toks) \
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
            if toks[j].mention >= 0 or toks[j].low in _DETERMINERS:
                return None  # "a bid to acquire": no governing verb
        return None

    def _next_verb(self, v: int) -> int | None:
        toks = self.toks
        for j in range(v + 1 + toks[v].phrasal, min(len(toks), v + 8)):
            if toks[j].verb:
                return j
            if _PUNCT_BREAK.search(self.text[toks[j - 1].end:toks[j].start]) and toks[j].low != "that":
                return None
        return None

    def _passive(self, v: int) -> bool:
        t = self.toks[v]
        if not (t.low.endswith("ed") or t.low in _IRREGULAR) or t.verb in ("be", "have") \
                or t.low in _ADJECTIVAL:
            return False
        j = v - 1
        a = self.clauses[self.clause_of[v]][0]
        while j >= a and j >= v - 4:
            low = self.toks[j].low
            if low in _BE:
                return True
            if not (low in _ADVERBS or low in _NEG or low.endswith(("n't", "ly")) or self.toks[j].aux):
                return False
            j -= 1
        return False

    def _by_agent(self, v: int) -> str | None:
        toks = self.toks
        b = self.clauses[self.clause_of[v]][1]
        for j in range(v + 1 + toks[v].phrasal, min(b, v + 6)):
            if toks[j].low == "by":
                k = j + 1
                while k < b and toks[k].low in _DETERMINERS:
                    k += 1
                if k < b:
                    if toks[k].mention >= 0:
                        return self.mentions[toks[k].mention].canon
                    head = self._head(k, min(b, k + 6))
                    return self._np_value(head) if head is not None else None
                return None
        return None

    def _fold_predicate(self, t: _Tok, predicate: str | None) -> str | None:
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
            if canon in _KNOWN_BASES or canon == predicate or canon in lex.synonyms and (
                    lemma(canon) == canon and canon in _KNOWN_BASES):
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
