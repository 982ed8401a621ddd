"""The row find_values returns (see checker.extract.values.find)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Value:
    kind: str            # "money" | "percent" | "count" | "quantity" | "duration" | "time" | "year" | "date"
    start: int
    end: int
    value: object
    unit: str | None
    approx: bool = False
    hedge: str | None = None
    value_hi: object = None
    resolved: bool = True
    precision: float | None = None   # set when the figure's precision is not its digits' ("50 miles" in km)
