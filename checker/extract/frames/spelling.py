"""Names as spelled: a comparison key, and when two spellings are one name.

``name_key`` folds what is not spelling: case, accents, periods, middle
initials ("Rita K. Mendes" = "Rita Mendes"), curly apostrophes.
``variant(a, b, kind)`` says why two keys are one name spelled two ways, or
None:

* ``together``: the same letters written apart or joined ("Sea Link" /
  "Sealink", "Farmers'" / "Farmers");
* ``order``: the same words in another order ("Amara Bello" / "Bello
  Amara", "Court of Appeal" / "Appeal Court"; a person's name of two
  words only);
* ``spelling``: one word an edit or two apart, the others equal ("Hallam" /
  "Hallum", "Harbour Board" / "Harbor Board"). A person's first name must
  match: two Smiths with different first names are two people;
* ``legal form``: the same name with another legal form ("Inc" / "Corp").

Short words allow one edit, longer ones two (never more than a third of the
word); the first letter must match, and a word that only gains an ending
("Kenya" / "Kenyan", "Swede" / "Swedes") is another word, not a typo,
unless it stands in a longer name ("Tom Okafo" / "Tom Okafor"); an added -s
(a plural or a possessive without its apostrophe) never is.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import OSA

_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_JOINERS = frozenset("of the and for de la le du van von der del".split())


def fold_text(text: str) -> str:
    """Lower case, accents and periods removed, curly apostrophes straight."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().replace("’", "'").replace("‘", "'").replace(".", "")


def name_key(name: str) -> tuple[str, ...]:
    """The words of a name as compared: middle initials dropped, a trailing 's cut."""
    words = _WORD.findall(fold_text(name))
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    if len(words) >= 3:  # "rita k mendes" -> "rita mendes"
        inner = [w for w in words[1:-1] if len(w) > 1]
        words = [words[0], *inner, words[-1]]
    return tuple(w for w in words if w)


def letters(key: tuple[str, ...]) -> str:
    return re.sub(r"[^a-z0-9]", "", "".join(key))


def _content(key: tuple[str, ...]) -> list[str]:
    return sorted(w for w in key if w not in _JOINERS)


def _ending_only(a: str, b: str) -> bool:
    """One word is the other plus an ending ("kenya" / "kenyan")."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(long_) > len(short)


def close_words(a: str, b: str, in_name: bool) -> bool:
    """Two words an edit or two apart, as a misspelling is."""
    if a == b or not a or not b or a[0] != b[0]:
        return False
    if a.isdigit() or b.isdigit() or any(c.isdigit() for c in a + b):
        return False
    shorter = min(len(a), len(b))
    if _ending_only(a, b):  # "Okafo" / "Okafor"; never a plural or possessive -s ("Harbour Grants")
        return (in_name and abs(len(a) - len(b)) == 1 and shorter >= 2
                and not max(a, b, key=len).endswith("s"))
    if shorter < 4:
        return False
    allowed = 1 if shorter <= 6 else 2
    return OSA.distance(a, b) <= min(allowed, shorter // 3 or 1)


def variant(a: tuple[str, ...], b: tuple[str, ...], kind: str = "name",
            legal_forms: frozenset[str] = frozenset()) -> str | None:
    """Why ``a`` and ``b`` are one name spelled two ways, or None."""
    if a == b or not a or not b:
        return None
    if letters(a) == letters(b):
        return "together" if len(letters(a)) >= 4 else None
    if len(a) >= 2 and len(b) >= 2 and _content(a) == _content(b) and (kind != "person" or len(a) == 2):
        return "order"  # (a longer person's name has several accepted orders)
    if len(a) != len(b):
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) != 1:
        return None
    i = diff[0]
    x, y = a[i], b[i]
    if len(a) == 1:  # a lone word: a typo inside it, never a changed ending ("Sweden" / "Swedes")
        inside = x[:-1] != y[:-1] and len(x) == len(y) or len(x) != len(y)
        return "spelling" if (close_words(x, y, in_name=False) and min(len(x), len(y)) >= 5
                              and inside and x[-1] == y[-1]) else None
    if kind == "person" and i == 0:
        return None  # another first name: another person
    if i == len(a) - 1 and x in legal_forms and y in legal_forms:
        return "legal form"
    if x in _JOINERS or y in _JOINERS:
        return None
    return "spelling" if close_words(x, y, in_name=True) else None
