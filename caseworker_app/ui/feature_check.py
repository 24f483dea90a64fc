"""PySide6 asks of every module imported after it whether its source says "PySide6" (its
`__feature__` switching: shibokensupport/feature.py `_mod_uses_pyside`), and reads the source with
inspect.getsource for it: about 0.1 ms a module, some 160 modules before the cases are on screen
(7 ms before the empty window is painted, 16 ms before the cases are), and linecache keeps every
source read (about 6 MB). The same question is answered here from the file's bytes.

The answer is the same: "PySide6" is ASCII, so it is in the bytes exactly when it is in the text.
A module without a .py file (built in, compiled) is left to PySide6. In the PyInstaller bundle no
module has a source file, so PySide6's answer is always "no" (inspect.getsource fails); it is given
here without the failing look-up (a few lookups and exceptions per module).
"""

from __future__ import annotations

import sys
from types import ModuleType


def read_sources_as_bytes() -> None:
    """Answer PySide6's per-import question from the module file's bytes (once; nothing if this
    PySide6 has no such check)."""
    import shiboken6  # noqa: F401 - loads shibokensupport, where the check lives

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "reads_bytes", False):
        return

    frozen = bool(getattr(sys, "frozen", False))  # the PyInstaller bundle: compiled modules only

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return False if frozen else upstream(module)

    uses_pyside.reads_bytes = True  # pyright: ignore[reportFunctionMemberAccess]
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 - a private name of PySide6's
