"""Where the program finds its shipped resources (source checkout, wheel or frozen bundle) and
where the case database lives by default (the user's local, not roaming, data folder)."""

from __future__ import annotations

import sys
from pathlib import Path

# The folder name of the user's data, logs and settings (platformdirs, QSettings).
APP_DIR_NAME = "Opfoelgningsfrister"
DB_FILE_NAME = "sager.db"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding trials/, icons and translations, the same way in all three layouts."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "resources"
    packaged = _PACKAGE_DIR / "_resources"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / "resources"


def default_db_path() -> Path:
    """The default database file, e.g. %LOCALAPPDATA%\\Opfoelgningsfrister\\sager.db on Windows."""
    import platformdirs  # here: resources_dir() above needs nothing beyond the standard library

    folder = platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False)
    return Path(folder) / DB_FILE_NAME
