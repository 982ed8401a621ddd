"""Verb lemmas: a closed list of news verbs with their inflections, plus
spelling rules for unknown ``-ed``/``-ing``/``-s`` forms."""

from __future__ import annotations

import re
from functools import lru_cache

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
extend forgive erase apply qualify evacuate rescue recover damage affect score
prepare schedule
""".split()

IRREGULAR = {
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
    "swung": "swing", "woke": "wake", "rode": "ride", "forgave": "forgive", "forgiven": "forgive",
    "undertook": "undertake", "mistook": "mistake", "outgrew": "outgrow",
    "fed": "feed", "bled": "bleed", "hid": "hide", "lit": "light", "shot": "shoot",
    "sat": "sit", "slept": "sleep", "spun": "spin", "stung": "sting", "swept": "sweep",
    "wept": "weep", "bore": "bear", "borne": "bear", "overthrew": "overthrow",
}


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


FORM_TO_BASE: dict[str, str] = {}
for _b in _BASE_VERBS:
    for _f in _forms(_b):
        FORM_TO_BASE.setdefault(_f, _b)
for _f, _b in IRREGULAR.items():
    FORM_TO_BASE[_f] = _b
    for _g in _forms(_b):
        FORM_TO_BASE.setdefault(_g, _b)
KNOWN_BASES = frozenset(FORM_TO_BASE.values())
# past forms equal to the base ("bid", "cut"): a verb only where a bare form is
SAME_FORM = frozenset(k for k, v in IRREGULAR.items() if k == v) - {"found"}


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
    if stem in KNOWN_BASES:
        return stem
    if stem + "e" in KNOWN_BASES:
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz" + _VOWELS:
        return stem[:-1]
    if len(stem) >= 2 and _E_STEM.search(stem):
        return stem + "e"
    return stem


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A lemma-ish base form of a verb form (lower case).

    Known verbs use a table; unknown ``-ed``/``-ing``/``-s`` forms are cut
    with the usual spelling rules, so every form of one verb gets one lemma.
    """
    w = word.lower().replace("’", "'")
    if w in FORM_TO_BASE:
        return FORM_TO_BASE[w]
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
