"""'Mine frister': the caseworker's own name as the default filter, 'Alle sagsbehandlere' one click away.

Each place (the Frister and Sager tabs, the printed calendar, each export) remembers in QSettings,
like the window layout, whether the caseworker last chose their own or everyone's (CaseworkerChoice
for the tabs and the calendar, the export's own question for the exports). A colleague's
name chosen to cover for them holds until the window closes. Which rows a choice shows is decided
in core.selection; the line that says it is written there too (scope_text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

if TYPE_CHECKING:  # the window is painted before core.selection (and dataclasses, html) is imported
    from ..core.selection import Selection

MINE, EVERYONE = "mine", "all"  # what QSettings remember
FRISTER, SAGER, PRINT = "frister", "sager", "udskrift"  # the places that remember a choice
ICS, DEADLINE_SHEET, CASE_SHEET = "ics", "frister_regneark", "sager_regneark"

_OWN = "\x00egen"  # the combo's data for the caseworker's own entry (no name can be this)


def _key(place: str) -> str:
    return f"sagsbehandlerfilter/{place}"


def remembered(qsettings: QSettings, place: str) -> str:
    """MINE or EVERYONE: the caseworker's last choice at place (MINE until they choose)."""
    return EVERYONE if qsettings.value(_key(place)) == EVERYONE else MINE


def remember(qsettings: QSettings, place: str, choice: str) -> None:
    qsettings.setValue(_key(place), choice)


def default_caseworker(qsettings: QSettings, place: str, own: str) -> str:
    """The name place filters on at first: the caseworker's own, unless they last chose everyone."""
    own = own.strip()
    return own if own and remembered(qsettings, place) == MINE else ""


def same_name(a: str, b: str) -> bool:
    """One caseworker, as the filter compares names (core.selection.belongs_to, core.text.name_key)."""
    from ..core.text import name_key  # here: the window is painted before this is needed

    return name_key(a) == name_key(b)


class CaseworkerChoice(QComboBox):
    """'Anne Jensen (mig)', 'Alle sagsbehandlere', then the colleagues; the first two are remembered
    in qsettings (without qsettings nothing is remembered, and everyone's is the start)."""

    def __init__(self, qsettings: QSettings | None, place: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._qsettings = qsettings
        self._place = place
        self._own = ""
        self.setAccessibleName("Sagsbehandler")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.addItem("Alle sagsbehandlere", "")
        self.currentIndexChanged.connect(self._remember)

    @property
    def own(self) -> str:
        return self._own

    def set_names(self, names: Iterable[str], own: str) -> None:
        """Refill with own (from Indstillinger) and the caseworkers of the cases, keeping the choice.

        A colleague chosen before stays chosen while they have cases; otherwise the remembered
        choice is taken again (so a name set in Indstillinger becomes the filter at once).
        """
        from ..core.collation import sorted_names  # here: the window is painted before this is needed
        from ..core.text import clean_line, name_key, shown_name

        own = clean_line(own)
        current = self.currentData()
        self._own = own
        self.blockSignals(True)
        self.clear()
        if own:
            self.addItem(f"{own} (mig)", _OWN)
        self.addItem("Alle sagsbehandlere", "")
        # One entry per caseworker as the filter compares names: 'Åse\u00a0Bærentsen' saved before the
        # import cleaned spaces is shown once, as 'Åse Bærentsen' (of spellings differing in case, the
        # first by code point, so the list never depends on the order names come in).
        by_key: dict[str, list[str]] = {}
        for name in names:
            key = name_key(name)
            if key and key != name_key(own):
                by_key.setdefault(key, []).append(name)
        colleagues = sorted_names(shown_name(spellings) for spellings in by_key.values())
        for name in colleagues:
            self.addItem(name, name)
        index = self.findData(current) if current not in (None, "", _OWN) else -1
        if index < 0:
            mine = self._qsettings is not None and default_caseworker(self._qsettings, self._place, own)
            index = self.findData(_OWN if mine else "")
        self.setCurrentIndex(index)
        self.blockSignals(False)

    def caseworker(self) -> str:
        """The name to show the cases of ('' = every caseworker)."""
        data = self.currentData()
        return self._own if data == _OWN else data or ""

    def show_everyone(self) -> None:
        self.setCurrentIndex(self.findData(""))

    def show_own(self) -> None:
        index = self.findData(_OWN)
        if index >= 0:
            self.setCurrentIndex(index)

    def _remember(self) -> None:
        if self._qsettings is None:
            return
        data = self.currentData()
        if data == _OWN:
            remember(self._qsettings, self._place, MINE)
        elif data == "" and self._own:  # without a name of their own there was no choice
            remember(self._qsettings, self._place, EVERYONE)


class ScopeLine(QWidget):
    """'Viser Anne Jensens frister – 12 af 34' and the one click to everyone's (or back to mine)."""

    def __init__(self, choice: CaseworkerChoice, noun: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = choice
        self.noun = noun
        self.label = QLabel()
        self.label.setObjectName("scopeLine")
        self.label.setStyleSheet("QLabel#scopeLine { font-weight: bold; }")
        # Wraps rather than widens the window: a search's longer wording and a long name made the main
        # window 1168 px wide on a 911 px screen (1366x768, 150 %, text 150 %; a tester).
        self.label.setWordWrap(True)
        self.toggle_button = QPushButton()
        self.toggle_button.setAutoDefault(False)
        self.toggle_button.clicked.connect(self._toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.toggle_button)
        layout.addStretch(1)

    def show_selection(self, selection: Selection) -> None:
        import html

        from ..core.selection import scope_text

        self.label.setText(html.escape(scope_text(selection, self.noun)))
        if self.choice.caseworker():
            self.toggle_button.setText("Vis &alle sagsbehandlere")
            self.toggle_button.show()
        elif self.choice.own:
            self.toggle_button.setText(f"Vis kun &mine {self.noun}")
            self.toggle_button.show()
        else:
            self.toggle_button.hide()

    def _toggle(self) -> None:
        if self.choice.caseworker():
            self.choice.show_everyone()
        else:
            self.choice.show_own()

    def text(self) -> str:
        return self.label.text()


__all__ = [
    "CaseworkerChoice",
    "ScopeLine",
    "default_caseworker",
    "remember",
    "remembered",
]
