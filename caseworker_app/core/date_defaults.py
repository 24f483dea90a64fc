"""A case's dates with its trial's defaults filled in (a date the trial takes from another when it
is not given, e.g. the offer from the hire), as the engine reads them, once per case."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from .catalog import Trial


def resolved_dates(
    defaults: tuple[tuple[str, str], ...], dates: Mapping[str, date]
) -> tuple[Mapping[str, date], dict[str, str]]:
    """resolve_dates with the trial's defaults given, and each date taken from another (name ->
    the source's name); the dates as given when none is used (the engine only reads them: no copy
    per case)."""
    resolved = dates
    if None in dates.values():
        resolved = _dated(dates)
    taken: dict[str, str] = {}
    for name, source in defaults:
        if name not in resolved and source in resolved:
            if resolved is dates:
                resolved = _copied(dates)
            resolved[name] = resolved[source]  # pyright: ignore[reportIndexIssue]  (a dict by now)
            taken[name] = source
    return resolved, taken


def _copied(dates: Mapping[str, date]) -> dict[str, date]:
    # The store's read-only view of a dict: its dict copied in C (dict(view) goes key by key, 6x as slow).
    if isinstance(dates, MappingProxyType):
        copied = dates.copy()
        if copied.__class__ is dict:
            return copied
    return dict(dates)


def _dated(dates: Mapping[str, date | None]) -> dict[str, date]:
    # A caller outside the typed contract may still pass None for a date not set: dropped.
    return {name: day for name, day in dates.items() if day is not None}


def date_defaults(trial: Trial) -> tuple[tuple[str, str], ...]:
    """Each date the trial defaults from another (resolve_dates): (the date, the one it is taken from)."""
    found: list[tuple[str, str]] = []
    for case_date in trial.defaulted_dates:
        source = case_date.default_from
        assert source is not None  # defaulted_dates: the dates with a default_from
        found.append((case_date.name, source))
    return tuple(found)
