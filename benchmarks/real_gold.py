"""Load and validate real-coverage gold files (benchmarks/real/<event>.yaml).

    python benchmarks/real_gold.py GOLD.yaml [EXCERPT_DIR]

prints every schema problem, one line each, and with EXCERPT_DIR every
``as_written`` span that is not in its source's excerpt. Exit 1 on a schema
problem, else 0. The schema is described in benchmarks/real/README.md.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

KINDS = ("money", "percent", "count", "quantity", "duration", "time", "date", "year",
         "quote", "name", "role", "place", "outcome", "list", "attribution", "other")
CLASSES = ("agreement", "discrepancy", "single_source")
SEVERITIES = ("material", "rounding", "wording", "partial_list")
CATEGORIES = ("disaster", "court", "election", "sport", "deal", "recall", "policy", "science")
MAX_SPAN = 300
_FACT_KEYS = {"id", "kind", "description", "classification", "severity", "note", "claims"}
_CLAIM_KEYS = {"value", "as_written", "value_hi", "hedge", "unit", "speaker", "note"}
_SOURCE_KEYS = {"file", "outlet", "url", "published", "note"}
_TOP_KEYS = {"event", "title", "category", "sources", "facts", "traps", "notes"}
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def load(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def problems(doc: object, path: Path) -> list[str]:
    """Every schema problem of one gold document, as 'path: message' lines."""
    out: list[str] = []

    def bad(msg: str) -> None:
        out.append(f"{path}: {msg}")

    if not isinstance(doc, dict):
        return [f"{path}: not a mapping"]
    for key in sorted(set(doc) - _TOP_KEYS):
        bad(f"unknown top-level key {key!r}")
    if doc.get("event") != path.stem:
        bad(f"event {doc.get('event')!r} is not the file stem {path.stem!r}")
    if doc.get("category") not in CATEGORIES:
        bad(f"category {doc.get('category')!r} not one of {', '.join(CATEGORIES)}")
    sources = doc.get("sources")
    if not isinstance(sources, dict) or len(sources) < 2:
        bad("sources must map at least two source slugs to their file and url")
        sources = {}
    for slug, src in sources.items():
        if not isinstance(src, dict) or not _SLUG.match(str(slug)):
            bad(f"source {slug!r}: must be a lowercase slug mapping to file/outlet/url")
            continue
        for key in sorted(set(src) - _SOURCE_KEYS):
            bad(f"source {slug}: unknown key {key!r}")
        if Path(str(src.get("file", ""))).stem != slug:
            bad(f"source {slug}: file {src.get('file')!r} does not have stem {slug!r}")
        if not str(src.get("url", "")).startswith(("http://", "https://")):
            bad(f"source {slug}: url missing")
    facts = doc.get("facts")
    if not isinstance(facts, list) or not facts:
        bad("facts must be a non-empty list")
        facts = []
    ids: set[str] = set()
    for i, fact in enumerate(facts):
        where = f"fact {i + 1}"
        if not isinstance(fact, dict):
            bad(f"{where}: not a mapping")
            continue
        fid = fact.get("id")
        where = f"fact {fid!r}"
        if not isinstance(fid, str) or not fid:
            bad(f"fact {i + 1}: id missing")
        elif fid in ids:
            bad(f"{where}: duplicate id")
        ids.add(str(fid))
        for key in sorted(set(fact) - _FACT_KEYS):
            bad(f"{where}: unknown key {key!r}")
        if fact.get("kind") not in KINDS:
            bad(f"{where}: kind {fact.get('kind')!r} not one of {', '.join(KINDS)}")
        if not fact.get("description"):
            bad(f"{where}: description missing")
        cls = fact.get("classification")
        if cls not in CLASSES:
            bad(f"{where}: classification {cls!r} not one of {', '.join(CLASSES)}")
        if cls == "discrepancy" and fact.get("severity") not in SEVERITIES:
            bad(f"{where}: a discrepancy needs severity, one of {', '.join(SEVERITIES)}")
        if cls != "discrepancy" and "severity" in fact:
            bad(f"{where}: only a discrepancy has a severity")
        claims = fact.get("claims")
        if not isinstance(claims, dict) or not claims:
            bad(f"{where}: claims must map source slugs to value and as_written")
            continue
        need = 1 if cls == "single_source" else 2
        if cls == "single_source" and len(claims) != 1 or len(claims) < need:
            bad(f"{where}: {cls} with {len(claims)} source(s)")
        for slug, claim in claims.items():
            if slug not in sources:
                bad(f"{where}: claim source {slug!r} is not in sources")
            if not isinstance(claim, dict):
                bad(f"{where}, {slug}: claim must be a mapping")
                continue
            for key in sorted(set(claim) - _CLAIM_KEYS):
                bad(f"{where}, {slug}: unknown key {key!r}")
            if "value" not in claim:
                bad(f"{where}, {slug}: value missing")
            span = claim.get("as_written")
            if not isinstance(span, str) or not span.strip():
                bad(f"{where}, {slug}: as_written missing")
            elif len(span) > MAX_SPAN:
                bad(f"{where}, {slug}: as_written is {len(span)} characters (at most {MAX_SPAN})")
    for j, trap in enumerate(doc.get("traps") or []):
        pair = trap.get("facts") if isinstance(trap, dict) else None
        if not isinstance(pair, list) or len(pair) != 2 or any(p not in ids for p in pair):
            bad(f"trap {j + 1}: facts must name two fact ids of this file")
    return out


def read_excerpt(path: Path) -> str:
    """An excerpt as checker reads it: UTF-8 (BOM dropped), line ends kept."""
    return path.read_bytes().decode("utf-8-sig")


def missing_spans(doc: dict, excerpts: Path) -> list[str]:
    """Warnings for excerpt files or as_written spans that are not there."""
    out = []
    texts = {}
    for slug, src in (doc.get("sources") or {}).items():
        f = excerpts / str(src.get("file", ""))
        if f.is_file():
            texts[slug] = read_excerpt(f)
        else:
            out.append(f"{doc.get('event')}: excerpt {f} not found")
    for fact in doc.get("facts") or []:
        for slug, claim in (fact.get("claims") or {}).items():
            span = claim.get("as_written") if isinstance(claim, dict) else None
            if slug in texts and isinstance(span, str) and span not in texts[slug]:
                out.append(f"{doc.get('event')}: {fact.get('id')}: {slug}: "
                           f"as_written not in excerpt: {span!r}")
    return out


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    path = Path(argv[0])
    doc = load(path)
    errs = problems(doc, path)
    for line in errs:
        print(line)
    if len(argv) == 2 and isinstance(doc, dict):
        for line in missing_spans(doc, Path(argv[1])):
            print("warning:", line)
    if not errs:
        facts = doc["facts"]
        disc = sum(f["classification"] == "discrepancy" for f in facts)
        print(f"{path.name}: {len(doc['sources'])} sources, {len(facts)} facts, {disc} discrepancies")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
