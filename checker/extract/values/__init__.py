"""Values: numbers, money, percents, counts, quantities, durations, times of
day, years, dates, datelines.

A new kind of number (a unit, a currency form, a date shape) goes here:
``numbers`` reads a number and its hedge, ``amounts``/``counts``/``blocks``
recognise what it measures, ``measures``/``durations``/``magnitudes`` units
of measure (word lists in ``units``), ``clock`` times of day, ``bare`` counts
without a noun, ``dates`` the calendar, ``precision`` the precision it is
stated to, ``find.find_values`` is the entry point.
"""

from checker.extract.values.find import find_values
from checker.extract.values.row import Value

__all__ = ["Value", "find_values"]
