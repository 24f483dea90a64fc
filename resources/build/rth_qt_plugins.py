"""Runtime hook of the PyInstaller bundle (build.spec), in place of PyInstaller's pyi_rth_pyside6.

It tells Qt where the bundle's plugins are, as PyInstaller's hook does, but without importing
PySide6.QtCore before the program starts: that import ran PySide6's per-module source check on
every module loaded so far before caseworker_app/ui/feature_check.py could answer it cheaply.
Qt's prefix (qt.conf) is set by PySide6 itself when QtCore loads.
"""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")  # pyright: ignore[reportAttributeAccessIssue]
os.environ["QT_PLUGIN_PATH"] = os.path.join(
    _qt, "plugins" if sys.platform == "win32" else os.path.join("Qt", "plugins")
)
