"""Where the case database lives by default: the user's local (not roaming) data folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from ..paths import APP_DIR_NAME

DB_FILE_NAME = "sager.db"


def default_db_path() -> Path:
    """The default database file, e.g. %LOCALAPPDATA%\\Opfoelgningsfrister\\sager.db on Windows."""
    folder = platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False)
    return Path(folder) / DB_FILE_NAME
