"""Statement-table output for ``checker extract``: table, csv or json."""

from __future__ import annotations

import json

from tabulate import tabulate

from checker.report.json import table_records
from checker.terminal import json_safe, printable

TABLE_COLUMNS = ["claim_id", "line", "kind", "value", "unit", "approx", "raw",
                 "subject", "predicate", "object", "speaker"]


def _short(value, limit=60) -> str:
    s = "" if value is None else printable(" ".join(str(value).split()))
    return s if len(s) <= limit else s[: limit - 1] + "…"


def render_table(table, fmt: str) -> str:
    if fmt == "json":
        return json_safe(json.dumps(table_records(table), ensure_ascii=False, indent=2)) + "\n"
    if fmt == "csv":  # data, as it is (a terminal shows the table format)
        return table.to_csv(index=False, lineterminator="\n")
    rows = [[_short(r[c]) if r[c] is not None else "" for c in TABLE_COLUMNS]
            for r in table_records(table)]
    return tabulate(rows, headers=TABLE_COLUMNS, tablefmt="simple_grid") + "\n"
