"""Where the program finds its shipped resources (source checkout, wheel or frozen bundle) and
where the case database lives by default (the user's local, not roaming, data folder)."""

from __future__ import annotations

import os
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


def windows_local_app_dir() -> Path | None:
    """%LOCALAPPDATA%\\Opfoelgningsfrister on Windows; None elsewhere, or when the variable is unset
    or relative (it would put the files in whatever folder the program was started from).

    The program's folders on Windows (database and backups, cache, logs) all hang under it, so
    one variable decides where the program writes (the tests point it at a temporary folder)."""
    if sys.platform != "win32":
        return None
    local = os.environ.get("LOCALAPPDATA", "").strip()
    return Path(local) / APP_DIR_NAME if local and os.path.isabs(local) else None


def user_data_dir() -> Path:
    """The folder of the user's database and its backups, not roaming (a database must not follow
    the user between machines): %LOCALAPPDATA%\\Opfoelgningsfrister on Windows.

    On Windows the LOCALAPPDATA variable, which Windows sets for every user, decides; an unset or
    relative value (which would put the database in whatever folder the program was started
    from) falls back to the shell's known folder via platformdirs.
    """
    local = windows_local_app_dir()
    if local is not None:
        return local
    import platformdirs  # here: resources_dir() above needs nothing beyond the standard library

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def catalog_cache_file() -> Path:
    """Where the trial files' parses are kept between starts (core/toml_cache.py): the user's
    cache folder, %LOCALAPPDATA%\\Opfoelgningsfrister\\Cache on Windows (found as user_data_dir
    finds its folder). Safe to delete."""
    local = windows_local_app_dir()
    if local is not None:
        return local / "Cache" / "forsoegskatalog.json"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False)) / "forsoegskatalog.json"


def default_db_path() -> Path:
    """The default database file, e.g. %LOCALAPPDATA%\\Opfoelgningsfrister\\sager.db on Windows."""
    return user_data_dir() / DB_FILE_NAME
