"""What every selftest check shares: the Context (a temporary folder, the Qt application, what
earlier checks built), a check's Result, and the two ways a check stops (Skip, CheckFailed)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Qt is imported by the checks that need it
    from PySide6.QtWidgets import QApplication

OK, SKIPPED, FAILED = "ok", "sprunget over", "fejlet"
SELFTEST_TODAY = date(2025, 11, 24)  # a fixed Monday, so the result does not depend on the clock


class Skip(Exception):
    """The part a check needs does not exist yet."""


class CheckFailed(Exception):
    """A check found something wrong; the message is Danish."""


@dataclass
class Context:
    """What the checks share: a temporary folder, the Qt application, what earlier checks built."""

    folder: Path
    today: date = SELFTEST_TODAY
    objects: dict[str, Any] = field(default_factory=dict)
    cleanups: list[Callable[[], object]] = field(default_factory=list)

    def qapp(self) -> QApplication:
        """The running QApplication, created offscreen when there is none."""
        from PySide6.QtWidgets import QApplication

        if "app" not in self.objects:
            self.objects["app"] = QApplication.instance() or QApplication([sys.argv[0] or "selvtest"])
        app = self.objects["app"]
        assert isinstance(app, QApplication)  # the program's windows need one, never a QCoreApplication
        return app


@dataclass(frozen=True)
class Result:
    name: str
    status: str
    detail: str
    seconds: float


def require(module: str, name: str = "") -> Any:
    """module (or module.name) if it exists; Skip naming the missing part if it does not yet."""
    short = module.removeprefix("caseworker_app.")
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        # Only the module itself (or its package) missing means "not built yet"; a missing
        # dependency inside an existing module is a real failure.
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise Skip(f"{short} findes endnu ikke") from None
        raise
    if not name:
        return mod
    value = mod
    for part in name.split("."):
        if not hasattr(value, part):
            raise Skip(f"{short}.{name} findes endnu ikke")
        value = getattr(value, part)
    return value
