"""The statement table: one row per checkable claim (see docs/statement-table.md)."""

from __future__ import annotations

import pandas as pd

KINDS = ("money", "percent", "count", "quantity", "duration", "time", "year", "date", "quote",
         "paraphrase", "statement",
         "outcome", "role", "holder", "place", "list", "name", "attribution")  # statement facts: docs/statement-table.md

# column -> pandas dtype; ``value``/``value_hi`` hold typed Python objects:
# float for money/percent, int for year/count, float in the canonical unit for
# quantity/duration, minutes after midnight (int) for time, ISO text for date (or the words
# as written when a relative date could not be resolved), words for quote,
# "subject predicate object" for statement; the reported words for paraphrase.
COLUMNS: dict[str, str] = {
    "source": "object",
    "claim_id": "object",
    "kind": "object",
    "value": "object",
    "value_hi": "object",
    "unit": "object",
    "raw": "object",
    "approx": "bool",
    "hedge": "object",
    "precision": "float64",
    "resolved": "bool",
    "subject": "object",
    "predicate": "object",
    "object": "object",
    "negated": "bool",
    "speaker": "object",
    "entities": "object",
    "topic": "object",
    "anchor": "object",
    "qualifiers": "object",
    "scope": "object",
    "owner": "object",
    "event": "object",
    "sentence": "object",
    "sentence_index": "int64",
    "line": "int64",
    "start": "int64",
    "end": "int64",
    "context": "object",
}


def empty_table() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()})


def make_table(rows: list[dict]) -> pd.DataFrame:
    """Build a statement table from row dicts, in schema column order."""
    if not rows:
        return empty_table()
    df = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    return df.astype(COLUMNS)
