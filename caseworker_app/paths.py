"""Where the program finds its shipped resources (source checkout, wheel or frozen bundle)."""

from __future__ import annotations

import sys
from pathlib import Path

# The folder name of the user's data, logs and settings (platformdirs, QSettings).
APP_DIR_NAME = "Opfoelgningsfrister"

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
