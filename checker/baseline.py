"""Baselines: discrepancies an editor has accepted, so they stop failing the gate.

The file is YAML (docs/ci.md)::

    version: 1
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
(source id, normalised value as written) pairs: no line numbers or offsets,
so it survives edits elsewhere in the article. Entries are matched per story,
each entry accepting one finding. ``topic`` and ``values`` are for people.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from checker import yamlsafe
from checker.errors import CheckerError
from checker.hints import closest
from checker.records import Finding, Report

VERSION = 1
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


def normalize(text: str) -> str:
    """Value text compared case-, space- and quote-style-blind."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return " ".join(text.split()).strip(" .,;:")


def fingerprint(f: Finding) -> str:
    pairs = sorted((c.source, normalize(c.raw)) for c in f.claims)
    payload = json.dumps([f.rule, f.kind, pairs], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def entry(story: str, f: Finding, reason: str = "") -> Entry:
    values = tuple(f"{c.source}: {' '.join(str(c.raw).split())}"
                   for c in sorted(f.claims, key=lambda c: (c.source, c.start)))
    return Entry(story=story, rule=f.rule, kind=f.kind, fingerprint=fingerprint(f),
                 topic=f.topic, values=values, reason=reason)


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
    if data.get("version", VERSION) != VERSION:
        raise CheckerError(f"unsupported baseline version {data.get('version')!r}", path=p,
                           hint=f"this checker reads version {VERSION}")
    lines = _item_lines(node)
    out = []
    for n, item in enumerate(data.get("findings") or []):
        out.append(_parse_entry(item, p, lines[n] if n < len(lines) else None))
    return out


def _item_lines(node) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "findings" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _parse_entry(item, path: str, line: int | None) -> Entry:
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
    return Entry(story=item["story"], rule=item["rule"], kind=item["kind"],
                 fingerprint=item["fingerprint"], topic=str(item.get("topic") or ""),
                 values=tuple(str(v) for v in values),
                 reason="" if reason is None else str(reason))


def dump(entries: Iterable[Entry]) -> str:
    """The baseline file text: sorted, so the same findings give the same bytes."""
    items = sorted(entries, key=lambda e: (e.story, e.rule, e.kind, e.fingerprint, e.values))
    doc = {"version": VERSION,
           "findings": [{"story": e.story, "rule": e.rule, "kind": e.kind,
                         "fingerprint": e.fingerprint, "topic": e.topic,
                         "values": list(e.values), "reason": e.reason} for e in items]}
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return HEADER + body


def merge(old: Sequence[Entry], new: Sequence[Entry], stories: Iterable[str]) -> list[Entry]:
    """``new`` for the stories just checked (keeping the reasons already written),
    plus the old entries of every other story."""
    checked = set(stories)
    reasons: dict[tuple[str, str], list[str]] = {}
    for e in old:
        if e.reason:
            reasons.setdefault((e.story, e.fingerprint), []).append(e.reason)
    out = [e for e in old if e.story not in checked]
    for e in new:
        kept = reasons.get((e.story, e.fingerprint))
        out.append(dataclasses.replace(e, reason=kept.pop(0)) if kept else e)
    return out


# ---------------------------------------------------------------- matching

def apply(report: Report, entries: Sequence[Entry], where: str = "the baseline") -> Report:
    """Mark baselined findings ``accepted``; add a note per stale entry."""
    waiting: dict[str, list[Entry]] = {}
    for e in entries:
        if e.story == report.story:
            waiting.setdefault(e.fingerprint, []).append(e)
    findings = []
    for f in report.findings:
        matches = waiting.get(fingerprint(f)) if f.status == "new" and f.verdict in RECORDED else None
        if matches:
            e = matches.pop(0)
            details = {**f.details, "reason": e.reason} if e.reason else dict(f.details)
            f = dataclasses.replace(f, status="accepted", details=details)
        findings.append(f)
    notes = [stale_note(e, where) for left in waiting.values() for e in left]
    unexplained = sum(1 for f in findings if f.status == "accepted" and not f.details.get("reason"))
    if unexplained:  # accepted all the same, but an editor should say why
        notes.append(f"{unexplained} accepted finding(s) have no reason in {where}: fill in 'reason'")
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

