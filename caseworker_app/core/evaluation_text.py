"""The evaluation's numbers as Danish text: medians, decimals, hours saved, event names."""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from fractions import Fraction

from .terms import EVENT_NAMES
from .text import count_text, number_text


def median_and_max(hist: Mapping[int, int]) -> tuple[float, int] | None:
    """The median and the largest value of a distribution (days -> count); None when empty."""
    values = [day for day, n in sorted(hist.items()) for _ in range(n)]
    if not values:
        return None
    return statistics.median(values), values[-1]


def number(value: float) -> str:
    """A Danish number: 3, 3,5, 12,3."""
    text = f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return text.replace(".", ",")


def rounded(numerator: int, denominator: int) -> str:
    """numerator / denominator as a Danish number with at most one decimal, rounded half up (away from
    zero) as a reader rounds by hand: 855 / 60 = 14,25 -> '14,3'. Counted exactly: round() rounds half
    to even (14,2), and a float may lie just below the half."""
    value = Fraction(numerator, denominator)
    tenths = math.floor(abs(value) * 10 + Fraction(1, 2))
    whole, tenth = divmod(tenths, 10)
    sign = "-" if value < 0 and tenths else ""
    return f"{sign}{number_text(whole)}" + (f",{tenth}" if tenth else "")  # '12.500,5', as counts are written


def hours_text(saved: int, minutes: int) -> str:
    """'12,5 timer (25 opfølgninger à 30 minutter – antagelse, kan ændres)'."""
    amount = rounded(saved * minutes, 60)
    unit = "time" if amount.lstrip("-") == "1" else "timer"
    noun = "opfølgning" if abs(saved) == 1 else "opfølgninger"
    each = count_text(minutes, "minut", "minutter")
    return f"{amount} {unit} ({number_text(saved)} {noun} à {each} – antagelse, kan ændres)"


def event_label(kind: str) -> str:
    return EVENT_NAMES.get(kind, kind).capitalize()
