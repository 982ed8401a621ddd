"""The entities of each sentence, judged against the whole article.

A lone capitalised word counts as a name only if the article also
capitalises it mid-sentence or inside a longer name ("Turnout was 61%"
names nothing; "Acme" of "Acme Corp" does); a lone word in capitals of five
letters or more is tabloid emphasis, not a name. A sentence that names nobody
("The club, founded in 1902, ...") borrows the names of the nearest
sentence before it that has some.
"""

from __future__ import annotations

import re

from checker.extract.frames.frame import entities
from checker.lexicon import Lexicon

LOOK_BACK = 5  # sentences
_CAP_WORD = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*)")
_CAP_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+")
_OPENERS = " “\"‘'([—–-"


class DocNames:
    def __init__(self, sentences, lexicon: Lexicon):
        self.sentences = sentences
        self.lexicon = lexicon
        self.mid: set[str] = set()
        self.parts: set[str] = set()
        for sent in sentences:
            text = sent.text
            for m in _CAP_WORD.finditer(text):
                if text[: m.start()].strip(_OPENERS):
                    self.mid.add(m.group(1))
            for m in _CAP_RUN.finditer(text):
                self.parts.update(m.group().split())
        self.known = {a.lower() for canon, names in lexicon.aliases.items() for a in (canon, *names)}
        self._cache: dict[int, list[str]] = {}

    def trusted(self, name: str) -> bool:
        if name.lower() in self.known:
            return True
        if " " not in name and name.isupper() and len(name) >= 5:
            return False  # tabloid capitals ("GANG snatched..."), not an acronym
        return " " in name or name in self.mid or name in self.parts

    def named(self, k: int) -> list[str]:
        """Trusted names of sentence ``k``."""
        if k not in self._cache:
            found = entities(self.sentences[k].text, self.lexicon)
            self._cache[k] = [e for e in found if self.trusted(e)]
        return self._cache[k]

    def at(self, k: int) -> list[str]:
        """Names of sentence ``k``, else of the nearest sentence before it naming any."""
        for j in range(k, max(-1, k - LOOK_BACK - 1), -1):
            if self.named(j):
                return self.named(j)
        return []
