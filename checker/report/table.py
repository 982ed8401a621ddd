"""Statement-table output for ``checker extract``: table, csv or json."""

from __future__ import annotations

import json
import re

from tabulate import tabulate

from checker.report.json import table_records
from checker.terminal import json_safe, printable

TABLE_COLUMNS = ["claim_id", "line", "kind", "value", "unit", "approx", "raw",
                 "subject", "predicate", "object", "speaker"]


# A spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK(...), DDE); a plain number ("-40%", "+7") is read as a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def spreadsheet_cell(value):
    """A text cell that would start a formula, with a leading ' (shown as text)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_safe(table):
    """The table with every text cell made safe to open in Excel or LibreOffice."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype.kind not in "biufc":  # numbers and flags are safe
            out[column] = out[column].map(spreadsheet_cell)
    return out


def _short(value, limit=60) -> str:
    s = "" if value is None else printable(" ".join(str(value).split()))
    return s if len(s) <= limit else s[: limit - 1] + "…"


def render_table(table, fmt: str) -> str:
    if fmt == "json":
        return json_safe(json.dumps(table_records(table), ensure_ascii=False, indent=2)) + "\n"
    if fmt == "csv":  # for spreadsheets: text as written, but never a formula (json is exact)
        return spreadsheet_safe(table).to_csv(index=False, lineterminator="\n")
    rows = [[_short(r[c]) if r[c] is not None else "" for c in TABLE_COLUMNS]
            for r in table_records(table)]
    return tabulate(rows, headers=TABLE_COLUMNS, tablefmt="simple_grid") + "\n"
