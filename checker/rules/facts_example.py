"""A statement fact read from a rule example's text (``checker rules --test``)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _builtin_lexicon():
    from checker.rules import load_rules
    return load_rules().lexicon


def fact_claim(text: str, kinds: tuple[str, ...], lexicon=None) -> dict | None:
    """The first row of one of ``kinds`` that ``text`` gives (an example text
    is an article of its own)."""
    from checker.extract.frames.facts import statement_facts
    from checker.records import Source
    from checker.segment import segment
    lexicon = lexicon if lexicon is not None else _builtin_lexicon()
    source = Source(id="example", path="example.txt", text=text, plain=text)
    rows = [r for r in statement_facts(source, segment(source), lexicon) if r["kind"] in kinds]
    return rows[0] if rows else None
