"""Where a finding points: the claim that differs, and what the others say.

A discrepancy is shown once, on its outlying claim: the source that differs
from the majority (three or more sources), else the first source's claim (two
sources: either may be wrong). A draft verdict points at the draft's claim.
Terminal diagnostics, GitHub annotations and SARIF results all use this.
"""

from __future__ import annotations

from checker.records import Claim, Finding
from checker.wording import phrase, shown

DRAFT_VERDICTS = ("supported", "contradicted", "disputed", "unsupported")


def outlier(f: Finding) -> Claim:
    """The claim a finding is shown on."""
    if f.verdict in DRAFT_VERDICTS:
        return f.claims[0]  # the draft's claim comes first
    outliers = (f.details or {}).get("outliers") or ()
    return next((c for c in f.claims if c.source in outliers), f.claims[0])


def others(f: Finding, here: Claim | None = None) -> list[Claim]:
    here = here or outlier(f)
    return [c for c in f.claims if c is not here]


def _names(claims: list[Claim]) -> str:
    names = [f"{c.source}:{c.line}" for c in claims]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _says(claims: list[Claim]) -> str:
    """'a:3 and b:4 say 610 beds; c:2 says 640 beds' (grouped by value, in order)."""
    by_value: dict[str, list[Claim]] = {}
    for c in claims:
        by_value.setdefault(shown(c), []).append(c)
    parts = []
    for value, group in by_value.items():
        parts.append(f"{_names(group)} {'says' if len(group) == 1 else 'say'} {value}")
    return "; ".join(parts)


def message(f: Finding) -> str:
    """One line about a finding, as seen from its outlying claim: what it says
    there, and what the other sources say."""
    here = outlier(f)
    rest = others(f, here)
    about = phrase(f.kind, f.topic)
    if f.verdict == "disputed" and rest:  # the draft took one side of the sources' disagreement
        agree = set((f.details or {}).get("agree") or ())
        side = [c for c in rest if c.source in agree]
        other = [c for c in rest if c.source not in agree]
        if side and other:
            return (f"{about[:1].upper()}{about[1:]}: {shown(here)} here, as {_names(side)} "
                    f"{'says' if len(side) == 1 else 'say'}, but {_says(other)} (the sources disagree)")
    if f.verdict in ("discrepancy", "contradicted") and rest:
        text = f"{about[:1].upper()}{about[1:]}: {shown(here)} here, but {_says(rest)}"
        detail = (f.details or {}).get("detail")
        if detail:
            text += f" ({detail})"
        return text
    if f.verdict == "agreement" and rest:
        return f"Agreement on {about}: {shown(here)} here; {_says(rest)}"
    if f.verdict == "single_source":
        return f"Single source for {about}: {shown(here)}; no other source states it"
    if f.verdict == "omitted":  # draft mode: a source claim the draft leaves out
        return f"Left out of the draft: {about}: {_says(list(f.claims))}"
    return f.message


def column(c: Claim, text: str | None) -> int:
    """The 1-based code-point column of a claim's first character."""
    if text is None or not 0 <= c.start <= len(text):
        return 1
    return c.start - max(text.rfind("\n", 0, c.start), text.rfind("\r", 0, c.start))
