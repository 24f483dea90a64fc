"""A demo database damaged as an older program, another writer or a lost trial file leaves it.

Made on the demo data of 23-11-2026 (case numbers and ids below were read off that database):

- the trial file T08.toml is gone from the catalog: the nine active T08 cases cannot be computed
  (the closed T08 case, 2024-0470, is not a problem);
- case 21, 2026-0547 (T09), has the status 'aktv';
- case 24, 2025-0568 (T05), has its visitation date stored under the name 'visitaiton';
- case 31, 2025-0617 (T06), has lost its date 'extension_start'.

The damage is written straight into the SQLite file with the program's checks (the triggers of
migration m005) dropped, as a writer that does not know them would.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.paths import resources_dir
from caseworker_app.store.demo import create_demo_database
from tests.demo_facts import DEMO_ACTIVE, DEMO_DEADLINES

TODAY = date(2026, 11, 23)  # a Monday
TODAY_TEXT = "2026-11-23"

T08_GONE = "forsøg T08 findes ikke i forsøgskataloget"

# (database id, FASIT case number, citizen, trial, reason), in the order the program lists them:
# by FASIT case number.
EXPECTED = (
    (3, "2021-0421", "Lars Pedersen", "T08", T08_GONE),
    (4, "2022-0428", "Hanne Sørensen", "T08", T08_GONE),
    (6, "2023-0442", "Karen Jørgensen", "T08", T08_GONE),
    (9, "2023-0463", "Henrik Christensen", "T08", T08_GONE),
    (1, "2024-0407", "Jens Hansen", "T08", T08_GONE),
    (2, "2024-0414", "Mette Nielsen", "T08", T08_GONE),
    (7, "2024-0449", "Søren Madsen", "T08", T08_GONE),
    (8, "2024-0456", "Birgitte Larsen", "T08", T08_GONE),
    (
        24,
        "2025-0568",
        "Ahmad Hassan",
        "T05",
        "ukendt dato 'visitaiton'; mangler datoen for start på kontaktforløbet (visitation)",
    ),
    (
        31,
        "2025-0617",
        "Heidi Mikkelsen",
        "T06",
        "mangler datoen for forlængelsens start (uden forelæggelse for rehabiliteringsteamet)",
    ),
    (5, "2026-0435", "Bo Rasmussen", "T08", T08_GONE),
    (21, "2026-0547", "Rasmus Schmidt", "T09", "ukendt status 'aktv'"),
)
# Each case above had one deadline in the sound demo (tests/demo_facts.py), and 2026-0547 is no
# longer 'aktiv': what the damaged demo still lists.
DEADLINES_LEFT = DEMO_DEADLINES - len(EXPECTED)
ACTIVE_LEFT = DEMO_ACTIVE - 1

M005_TRIGGERS = (
    "cases_status_checked_on_insert",
    "cases_status_checked_on_update",
    "cases_trial_id_checked_on_insert",
    "cases_trial_id_checked_on_update",
    "case_dates_name_checked_on_insert",
    "case_dates_name_checked_on_update",
)


def catalog_without_t08(folder: Path) -> dict:
    """The shipped catalog loaded from a copy of resources/trials that lacks T08.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    for file in (resources_dir() / "trials").glob("*.toml"):
        if file.name != "T08.toml":
            shutil.copy(file, folder / file.name)
    return load_catalog(folder)


def damage(path: Path) -> None:
    """Write the damage described above into the database file, as a foreign writer."""
    conn = sqlite3.connect(path)
    with conn:
        for trigger in M005_TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.execute("UPDATE cases SET status = 'aktv' WHERE case_ref = '2026-0547'")
        conn.execute(
            "UPDATE case_dates SET name = 'visitaiton' WHERE name = 'visitation' AND case_id = "
            "(SELECT id FROM cases WHERE case_ref = '2025-0568')"
        )
        conn.execute(
            "DELETE FROM case_dates WHERE name = 'extension_start' AND case_id = "
            "(SELECT id FROM cases WHERE case_ref = '2025-0617')"
        )
    conn.close()


def make_damaged_demo(path: Path) -> Path:
    """The demo database of TODAY with the damage above (the catalog is given separately)."""
    create_demo_database(path, TODAY)
    damage(path)
    return path
