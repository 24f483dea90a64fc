"""Danish public holidays from the `holidays` package, kept as a generated table for fast start-up.

Importing `holidays` loads every country (about 0.7 s), which dominated the program's start. The
table in resources/calendar/holidays_dk.json is written from the package by `write_table()` and a
test checks it still equals what the package says; years outside it are asked of the package.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 2000, 2060


def table_path() -> Path:
    from ..paths import resources_dir

    return resources_dir() / "calendar" / "holidays_dk.json"


def from_package(year: int) -> dict[date, str]:
    """The Danish public holidays of one year with Danish names, straight from the package."""
    import holidays

    return dict(holidays.Denmark(years=year, language="da"))


@lru_cache(maxsize=1)
def _table() -> dict[int, dict[date, str]]:
    try:
        raw = json.loads(table_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no table: every year is asked of the package
    by_year: dict[int, dict[date, str]] = {}
    for iso, name in raw["holidays"].items():
        day = date.fromisoformat(iso)
        by_year.setdefault(day.year, {})[day] = name
    return by_year


def public_holidays(year: int) -> dict[date, str]:
    """Danish public holidays of a year (store bededag only up to 2023, as the package has it)."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        table = _table()
        if table:
            return dict(table.get(year, {}))
    return from_package(year)


def write_table(path: Path | None = None) -> Path:
    """Regenerate the table from the installed package: `uv run python -m caseworker_app.core.holiday_table`."""
    import holidays

    days: dict[str, str] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        days.update({d.isoformat(): name for d, name in sorted(from_package(year).items())})
    target = path or table_path()
    # holidays defines __version__ but leaves it out of its __all__.
    version = holidays.__version__  # pyright: ignore[reportPrivateImportUsage]
    target.write_text(
        json.dumps(
            {"source": f"holidays {version}, Denmark, language da", "holidays": days},
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    return target


if __name__ == "__main__":
    print(write_table())
