"""The evaluation's numbers as Danish text: medians, decimals, hours saved, event names."""

from __future__ import annotations

import statistics
from collections.abc import Mapping

from .terms import EVENT_NAMES


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


def hours_text(saved: int, minutes: int) -> str:
    """'12,5 timer (25 opfølgninger à 30 minutter – antagelse, kan ændres)'."""
    amount = round(saved * minutes / 60, 1)
    unit = "time" if abs(amount) == 1 else "timer"
    noun = "opfølgning" if abs(saved) == 1 else "opfølgninger"
    return f"{number(amount)} {unit} ({saved} {noun} à {minutes} minutter – antagelse, kan ændres)"


def event_label(kind: str) -> str:
    return EVENT_NAMES.get(kind, kind).capitalize()
