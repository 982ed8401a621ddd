"""How findings read: counts with the right noun, agreements that say they agree,
a finding's topic as a phrase.

Low in the import graph: the reports, the summary line and the pipeline use it.
"""

from __future__ import annotations

import dataclasses

_IRREGULAR = {"discrepancy": "discrepancies", "story": "stories", "single-source claim": "single-source claims"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 discrepancy', '2 discrepancies', '0 claims'."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {many or _IRREGULAR.get(word) or word + 's'}"


KIND_PHRASE = {  # kind -> (the measured thing, how it joins the topic)
    "money": "the amount of", "percent": "the percentage of", "count": "the number of",
    "year": "the year of", "date": "the date of", "quote": "the wording of", "paraphrase": "the report of",
}


FACT_PHRASE = {  # statement facts; "" reads 'the <topic>'
    "outcome": "the outcome ({})", "name": "the spelling of {}", "role": "", "holder": "",
    "place": "", "list": "", "attribution": "",
}


def phrase(kind: str, topic: str) -> str:
    """A finding's topic as a phrase a reader can say: 'the amount of the bid (Acme)',
    'the number of beds (Orlen)', 'the wording of the quote by Jane Roe'."""
    topic = " ".join(str(topic or "").split())
    if kind == "place" and topic.startswith("where "):  # 'where Acme is based', never 'the where ...'
        return topic
    if kind in FACT_PHRASE:  # statement facts: the topic is already a phrase ('role of Jane Roe')
        lead = FACT_PHRASE[kind]
        return (lead.format(topic) if "{}" in lead else f"the {topic}") if topic else f"the {kind}"
    lead = KIND_PHRASE.get(kind, f"the {kind} of")
    if not topic or topic == kind and kind not in ("quote", "paraphrase"):
        return lead.rsplit(" ", 1)[0]  # 'the amount'
    if topic.startswith(kind + " (") and kind not in ("quote", "paraphrase"):  # 'the time (Tinubu)'
        return f"{lead.rsplit(' ', 1)[0]} {topic[len(kind) + 1:]}"
    if topic.lower().startswith("the ") or kind == "count":  # 'the number of beds'
        return f"{lead} {topic}"
    return f"{lead} the {topic}"


def shown(claim) -> str:
    """A claim's value as a reader would write it (quotes in quotation marks)."""
    if claim.kind in ("quote", "paraphrase"):
        return f"“{' '.join(str(claim.value).split())}”"
    return " ".join(str(claim.raw).split())


def agreement(finding):
    """An agreement as it should read: an agreement message and level ``info``
    (the rule's message says how sources disagree; an agreement never does)."""
    if finding.verdict != "agreement":
        return finding
    values = "; ".join(f"{c.source}:{c.line} {shown(c)}" for c in finding.claims)
    sources = len({c.source for c in finding.claims})
    text = f"{sources} sources agree on {phrase(finding.kind, finding.topic)}: {values}"
    detail = finding.details.get("detail") if finding.details else None
    if detail:
        text += f" ({detail})"
    return dataclasses.replace(finding, message=text, level="info")
