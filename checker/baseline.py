"""Baselines: discrepancies an editor has accepted, so they stop failing the gate.

The file is YAML (docs/ci.md)::

    version: 2
    findings:
    - story: acquisition
      rule: money-amount
      kind: money
      fingerprint: 9f1c2e4b7a0d3c5e
      topic: acquisition (Acme)
      values:
      - "wire: $3.2 billion"
      - "daily: $4.1 billion"
      reason: ""

The fingerprint is a hash of the rule id, the kind and the sorted
(source id, normalized value) pairs: no line numbers, offsets or sentence
words, so it survives edits elsewhere and rewording around the value. A
number's normalized value is its figure, unit, hedge and the precision it is
written to ("$3.15bn" = "$3.15 billion" = "US$3.15bn"; "about $3.15bn" and
"$3,150 million" differ); a date's, its ISO date; a quote's, its words
(case, space and quote style folded); anything else, its text so folded.

Version 1 files hashed the value as written. They are still read: their
entries match by the version-1 fingerprint, with a note to rewrite the file
(``checker baseline`` keeps the reasons). An entry kept from such a file for
a story that was not re-recorded is written ``fingerprint: v1:<hash>``.
Entries are matched per story, each entry accepting one finding. ``topic``
and ``values`` are for people.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from checker import yamlsafe
from checker.errors import CheckerError
from checker.hints import closest
from checker.records import Claim, Finding, Report
from checker.wording import plural

VERSION = 2
READS = (1, 2)
LEGACY = "v1:"  # a version-1 fingerprint kept in a version-2 file
NUMBERS = ("money", "percent", "count")
RECORDED = ("discrepancy", "contradicted")
ENTRY_KEYS = ("story", "rule", "kind", "fingerprint", "topic", "values", "reason")
HEADER = """\
# checker baseline: accepted findings. A finding listed here is reported as
# "accepted" and does not fail `checker check`. Fill in each reason; delete an
# entry to stop accepting it. Written by `checker baseline`.
"""
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                         "\u00a0": " ", "\u202f": " "})


@dataclass(frozen=True)
class Entry:
    story: str
    rule: str
    kind: str
    fingerprint: str
    topic: str = ""
    values: tuple[str, ...] = ()
    reason: str = ""
    version: int = VERSION  # of the fingerprint: 1 hashes the values as written
    legacy: str = field(default="", compare=False)  # an entry made here: its version-1 fingerprint


def normalize(text: str) -> str:
    """Value text compared case-, space- and quote-style-blind."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return " ".join(text.split()).strip(" .,;:")


def _hash(f: Finding, pairs: list[tuple[str, str]]) -> str:
    payload = json.dumps([f.rule, f.kind, sorted(pairs)], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def fingerprint(f: Finding) -> str:
    """Rule, kind and each source's normalized value (``value_key``)."""
    return _hash(f, [(c.source, value_key(c)) for c in f.claims])


def legacy_fingerprint(f: Finding) -> str:
    """Version 1: each source's value as written (case, space, quote style folded)."""
    return _hash(f, [(c.source, normalize(c.raw)) for c in f.claims])


def _num(x) -> str:
    return "" if x is None or x != x else f"{float(x):.12g}"  # x != x: NaN


def value_key(c: Claim) -> str:
    """The claim's value, whatever way it is written (see the module doc)."""
    if c.kind in NUMBERS:
        found = _number(c)
        if found is None:  # the figure cannot be read back alone ("5-4" needs its sentence)
            return "text:" + normalize(c.raw)
        from checker.extract.values.precision import stated_precision
        return "|".join([c.kind, str(c.unit or ""), _num(c.value), _num(found.value_hi),
                         found.hedge or ("approx" if c.approx else ""),
                         _num(stated_precision(c.raw, c.value, c.approx))])
    if c.kind in ("date", "year"):
        return f"{c.kind}:{normalize(c.value)}"
    if c.kind in ("quote", "paraphrase"):
        return "words:" + normalize(c.value)
    return "text:" + normalize(c.raw)


def _number(c: Claim):
    """The figure of ``c.raw`` read again alone (its hedge and upper bound), if
    it reads as the same value."""
    from checker.extract.values import find_values
    try:
        value = float(c.value)
    except (TypeError, ValueError):
        return None
    return next((v for v in find_values(str(c.raw)) if v.kind == c.kind
                 and math.isclose(float(v.value), value, rel_tol=1e-9)), None)


def entry(story: str, f: Finding, reason: str = "") -> Entry:
    values = tuple(f"{c.source}: {' '.join(str(c.raw).split())}"
                   for c in sorted(f.claims, key=lambda c: (c.source, c.start)))
    return Entry(story=story, rule=f.rule, kind=f.kind, fingerprint=fingerprint(f),
                 topic=f.topic, values=values, reason=reason, legacy=legacy_fingerprint(f))


def entries_for(report: Report) -> list[Entry]:
    """Every current discrepancy of the report (inline-suppressed ones excluded)."""
    return [entry(report.story, f) for f in report.findings
            if f.verdict in RECORDED and f.status != "suppressed"]


# ---------------------------------------------------------------- file

def load(path: str | Path) -> list[Entry]:
    path = Path(path)
    p = str(path)
    if not path.is_file():
        raise CheckerError("no such baseline file", path=p,
                           hint="write one with: checker baseline --output " + path.name)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"cannot read baseline: {exc.__class__.__name__}", path=p)
    data, node = yamlsafe.load(text, p, compose=True,
                               deep_hint="a baseline is a 'findings' list of flat entries")
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("findings", []), list):
        raise CheckerError("a baseline is a mapping with a 'findings' list", path=p)
    version = data.get("version", 1)
    if isinstance(version, bool) or version not in READS:
        raise CheckerError(f"unsupported baseline version {version!r}", path=p,
                           hint="this checker reads versions " + " and ".join(map(str, READS)))
    lines = _item_lines(node)
    out = []
    for n, item in enumerate(data.get("findings") or []):
        out.append(_parse_entry(item, p, lines[n] if n < len(lines) else None, version))
    return out


def _item_lines(node) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "findings" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _parse_entry(item, path: str, line: int | None, version: int = VERSION) -> Entry:
    if not isinstance(item, dict):
        raise CheckerError("a baseline entry must be a mapping", path=path, line=line)
    for key in item:
        if key not in ENTRY_KEYS:
            raise CheckerError(f"unknown key '{key}' in baseline entry", path=path, line=line,
                               hint=closest(key, ENTRY_KEYS))
    for key in ("story", "rule", "kind", "fingerprint"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise CheckerError(f"baseline entry needs '{key}' (text)", path=path, line=line)
    values = item.get("values") or []
    if not isinstance(values, list):
        raise CheckerError("'values' must be a list", path=path, line=line)
    reason = item.get("reason")
    fp = item["fingerprint"]
    if fp.startswith(LEGACY):
        fp, version = fp[len(LEGACY):], 1
    return Entry(story=item["story"], rule=item["rule"], kind=item["kind"],
                 fingerprint=fp, topic=str(item.get("topic") or ""),
                 values=tuple(str(v) for v in values),
                 reason="" if reason is None else str(reason), version=version)


def dump(entries: Iterable[Entry]) -> str:
    """The baseline file text: sorted, so the same findings give the same bytes."""
    items = sorted(entries, key=lambda e: (e.story, e.rule, e.kind, e.fingerprint, e.values))
    doc = {"version": VERSION,
           "findings": [{"story": e.story, "rule": e.rule, "kind": e.kind,
                         "fingerprint": (LEGACY if e.version == 1 else "") + e.fingerprint,
                         "topic": e.topic,
                         "values": list(e.values), "reason": e.reason} for e in items]}
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return HEADER + body


def merge(old: Sequence[Entry], new: Sequence[Entry], stories: Iterable[str]) -> list[Entry]:
    """``new`` for the stories just checked (keeping the reasons already written),
    plus the old entries of every other story."""
    checked = set(stories)
    reasons: dict[tuple[str, int, str], list[str]] = {}
    for e in old:
        if e.reason:
            reasons.setdefault((e.story, e.version, e.fingerprint), []).append(e.reason)
    out = [e for e in old if e.story not in checked]
    for e in new:
        kept = reasons.get((e.story, VERSION, e.fingerprint)) or reasons.get((e.story, 1, e.legacy))
        out.append(dataclasses.replace(e, reason=kept.pop(0)) if kept else e)
    return out


# ---------------------------------------------------------------- matching

def apply(report: Report, entries: Sequence[Entry], where: str = "the baseline") -> Report:
    """Mark baselined findings ``accepted``; add a note per stale entry."""
    waiting: dict[tuple[int, str], list[Entry]] = {}
    for e in entries:
        if e.story == report.story:
            waiting.setdefault((e.version, e.fingerprint), []).append(e)
    findings, migrated = [], 0
    for f in report.findings:
        matches = None
        if f.status == "new" and f.verdict in RECORDED:
            matches = waiting.get((VERSION, fingerprint(f))) or waiting.get((1, legacy_fingerprint(f)))
        if matches:
            e = matches.pop(0)
            migrated += e.version != VERSION
            details = {**f.details, "reason": e.reason} if e.reason else dict(f.details)
            f = dataclasses.replace(f, status="accepted", details=details)
        findings.append(f)
    notes = [stale_note(e, where) for left in waiting.values() for e in left]
    if migrated:  # accepted all the same; the new fingerprint also survives "$3.2bn" -> "$3.2 billion"
        notes.append(f"{migrated} finding(s) accepted by a version-1 fingerprint in {where}: "
                     "run 'checker baseline' to rewrite it (the reasons are kept)")
    unexplained = sum(1 for f in findings if f.status == "accepted" and not f.details.get("reason"))
    if unexplained:  # accepted all the same, but an editor should say why
        have = "has" if unexplained == 1 else "have"
        notes.append(f"{plural(unexplained, 'accepted finding')} {have} no reason in {where}: fill in 'reason'")
    return dataclasses.replace(report, findings=tuple(findings), notes=report.notes + tuple(notes))


def other_story_note(entries: Sequence[Entry], story: str, where: str) -> str | None:
    """A note when a baseline holds entries, none of them for ``story``: it was
    recorded for another story (a wrong --baseline, a renamed folder)."""
    recorded = sorted({e.story for e in entries})
    if not recorded or story in recorded:
        return None
    names = ", ".join(f"'{n}'" for n in recorded[:3]) + (", ..." if len(recorded) > 3 else "")
    return (f"{where} was recorded for another story ({names}), not for '{story}': "
            "none of its entries apply")


def stale_note(e: Entry, where: str) -> str:
    values = "; ".join(e.values) or e.kind
    return (f"stale baseline entry {e.fingerprint} ({e.rule}: {values}) matches no finding "
            f"any more: remove it from {where}")

