"""The precision a figure is stated to: the place of its last written digit.

"$8.3 billion" is stated to a tenth of a billion (precision 100,000,000);
"$41 billion" to a billion; "4,812 votes" to one vote. Rules read a figure as
the interval of values that round to it, so "$41 billion" holds $40.8 billion
while "$8.3 billion" and "$8.5 billion" differ. A hedged round figure ("about
4,200") is stated to its last non-zero digit (100).
"""

from __future__ import annotations

import math
import re

from checker.extract.values.numbers import unspaced

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def stated_precision(raw: str, value: object, approx: bool = False) -> float:
    """Precision of the figure ``raw`` with normalized ``value``; NaN if none applies."""
    try:
        v = abs(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    m = _NUMBER.search(unspaced(str(raw)))
    if m is None:  # "Fourteen", "three dozen", "two million": the unit of the word
        return _word_unit(v)
    text = m.group().replace(",", "")
    literal = float(text)
    decimals = len(text.split(".")[1]) if "." in text else 0
    step = 10.0 ** -decimals
    if approx and decimals == 0 and literal:
        digits = text.rstrip("0")
        step = 10.0 ** (len(text) - len(digits))
    scale = v / literal if literal else 1.0
    return step * _round_scale(scale)


def _round_scale(scale: float) -> float:
    """1e9 for 999999999.9999 (float noise), but 12 for "dozen", 1e5 for "lakh"."""
    if scale <= 0:
        return 1.0
    p10 = 10.0 ** round(math.log10(scale))
    return p10 if abs(scale / p10 - 1) < 1e-6 else scale


def _word_unit(v: float) -> float:
    """A figure in words is exact to its largest power-of-ten word."""
    for unit in (1e12, 1e9, 1e6, 1e3):
        if v >= unit and (v / unit) == round(v / unit):
            return unit
    return 1.0

