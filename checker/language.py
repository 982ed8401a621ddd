"""Is an article written in English? A deterministic test, no model.

checker's patterns read English, so an article in another language is listed
with a note and yields no claims (a German "3 Tote" is not an English count).

1. Script: when most letters are of another script (Cyrillic, Greek, Arabic,
   Hebrew, Devanagari, Han, kana, Hangul, Thai ...), the article is not
   English; the script names the likely language.
2. Latin script: the function words written in lower case ("the", "und",
   "les", "que" ...) are counted per language. A word that is also an English
   function word counts for English only, and a capitalised word never counts,
   so names ("Van Dijk", "Los Angeles", "Dan") and a quoted foreign phrase do
   not outweigh English. The article is not English when another language's
   function words are at least 8% of its words and more than twice the English
   ones; with fewer than 8 words (a headline, a one-line brief) it is taken
   for English.

A front matter ``language`` (or ``lang``) key decides instead: ``en``,
``en-GB`` ... is English, anything else is not.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from checker.records import Source

SAMPLE = 100_000   # characters read: enough to tell, bounded work
MIN_WORDS = 8      # fewer words than this: too short to tell, taken for English
MIN_SHARE = 0.08   # another language's function words, as a share of all words
MIN_HITS = 3

# function words (and the commonest verbs) in English
ENGLISH = frozenset("""
the a an and or but nor of to in on at by for from with without about into onto over
under after before between through during against among within since until than as
is are was were be been being am has have had having do does did will would shall
should can could may might must not no yes it its it's this that these those there
here their they them he him his she her hers we us our you your me my who whom whose
which what when where why how all any each every some many much more most other such
only also very just so too then now if because while though although said says say
told added up out off new one two three first last year years people also than
""".split())  # not "i": English writes it "I", and lower-case "i" is Swedish, Polish, Italian

# other languages' function words (those that are also English words are ignored)
OTHERS = {
    "de": """der die das und ist nicht mit den dem des ein eine einer einem einen auf für
        von zu zum zur im sich auch es er sie wir ich ihr sind wird werden wurde wurden
        hat haben hatte nach bei aus oder aber noch wie über vor durch nur schon dass
        kein keine seit mehr sehr unter gegen beim ihre seine sein diese dieser dieses
        man wenn weil als am um bis nun doch jetzt""",
    "fr": """le la les un une des du de et est sont dans pour par sur avec pas ne qui que
        qu il ils elle elles nous vous au aux ce cette ces son sa ses leur leurs été être
        avoir ont était plus mais ou où lors selon après avant sans entre aussi comme
        très tout tous déjà depuis""",
    "es": """el la los las un una unos unas y es son del al en por para con sin sobre
        que qué se su sus lo le les fue ha han había está están este esta estos estas
        pero como más muy también según entre desde hasta cuando donde ya porque ser""",
    "it": """il lo la gli le un uno una di del della dei delle degli e è sono in per con
        su tra fra che non si suo sua suoi ha hanno era anche come più ma dopo prima
        nel nella nei alla alle al dal dalla questo questa quello essere stato stata""",
    "pt": """o os a as um uma uns umas de do da dos das e é são em no na nos nas por para
        com sem que não se seu sua seus suas foi ser está estão mais mas como também
        pelo pela entre até quando onde já porque após ao aos muito""",
    "nl": """de het een en is zijn van in op te met voor door niet dat die dit deze er
        ook maar als bij naar uit om tot over nog wel geen werd wordt worden heeft
        hebben had was waren zij hij ze wij we onze hun meer dan na""",
    "sv": """och att det som en ett är var för på med av till den de inte har hade om i
        från men också eller efter under sig sin sitt sina han hon vi ni kan ska skulle
        vid när där här mot utan bara nu än""",
    "da": """og at det som en et er var for på med af til den de ikke har havde om fra
        men også eller efter under sig sin sit sine han hun vi kan skal skulle ved når
        hvor her mod uden kun nu end blev bliver""",
    "pl": """i w na z do nie się że to jest są był była było od po przez dla jak ale
        oraz lub tak już przy przed także który która które jego jej ich ten ta te tym
        też czy jako może będzie został została""",
    "tr": """ve bir bu da de ile için olarak olan gibi daha çok en ama ancak her şey
        kadar sonra önce değil var yok ise mi mı bu şu o onun dedi etti oldu olduğu""",
    "id": """dan yang di ke dari untuk dengan pada ini itu adalah tidak akan dalam juga
        oleh telah sudah karena atau bisa ada kata mereka kami kita saat bahwa""",
    "ro": """și în pe cu de la din pentru că nu este sunt a fost au al ale ai lui unui
        unei mai dar care sau după între acest această fi""",
}
_OTHERS = {code: frozenset(words.split()) - ENGLISH for code, words in OTHERS.items()}

# scripts other than Latin, and the language they most likely write
_SCRIPTS = [
    ("uk", re.compile(r"[іїєґІЇЄҐ]")),        # before Cyrillic: Ukrainian letters
    ("ru", re.compile(r"[\u0400-\u052f]")),
    ("el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("bn", re.compile(r"[\u0980-\u09ff]")),
    ("ta", re.compile(r"[\u0b80-\u0bff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")),
]
# any letter of those scripts: a text with none (most English) skips counting them
_ANY_SCRIPT = re.compile("[" + "".join(p.pattern[1:-1] for _, p in _SCRIPTS) + "]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def language_of(source: Source) -> str | None:
    """None for English (or too little text to tell), else the likely
    language's code ("de"); the front matter's ``language``/``lang`` decides first."""
    stated = source.meta.get("language") or source.meta.get("lang")
    if isinstance(stated, str) and stated.strip():
        code = stated.strip().lower()
        return None if code == "en" or code.startswith(("en-", "en_", "english")) else code
    return guess(source.plain)


def is_english(source: Source) -> bool:
    return language_of(source) is None


def language_note(source: Source) -> str | None:
    """'path: not English (de?): no claims extracted', or None for English."""
    code = language_of(source)
    return None if code is None else f"{source.path}: not English ({code}?): no claims extracted"


def guess(text: str) -> str | None:
    """None when ``text`` reads as English (or is too short to tell), else a code."""
    return _guess(text[:SAMPLE])


@functools.lru_cache(maxsize=4096)  # asked when a story is loaded and again when it is extracted
def _guess(text: str) -> str | None:
    if _ANY_SCRIPT.search(text):
        letters = len(_LETTER.findall(text))
        if not letters:  # digits and marks of another script ("١٢٣", "・"): nothing to tell
            return None
        counts = {code: len(pattern.findall(text)) for code, pattern in _SCRIPTS}
        han, kana = counts["zh"], counts["ja"]
        if (han + kana) * 2 > letters:  # Chinese, or Japanese: kanji with kana among them
            return "ja" if kana * 20 >= han + kana else "zh"
        script = max((c for c in counts if c not in ("uk", "zh", "ja")), key=counts.get)
        if counts[script] * 2 > letters:  # mostly another script
            return "uk" if script == "ru" and counts["uk"] * 50 >= counts["ru"] else script
    every = _WORD.findall(text)
    total = len(every)
    if total < MIN_WORDS:
        return None
    seen = Counter(w for w in every if w.islower())
    english = sum(seen[w] for w in ENGLISH.intersection(seen))
    hits = {code: sum(seen[w] for w in vocab.intersection(seen)) for code, vocab in _OTHERS.items()}
    best = max(hits, key=hits.get)
    if hits[best] >= MIN_HITS and hits[best] >= MIN_SHARE * total and hits[best] > 2 * english:
        return best
    return None
