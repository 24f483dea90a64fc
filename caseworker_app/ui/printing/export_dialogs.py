"""Export dialogs: the deadlines to Outlook (.ics), the deadline list and the case list to a
spreadsheet, and before each the choice of only my own or every caseworker's cases.

The files are written by caseworker_app.services.exporting, as the `export-ics` and `export`
commands write theirs; openpyxl and icalendar are loaded there, only when a file is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.selection import possessive
from ...core.text import count_text
from ...core.workdays import fmt
from ...services.exporting import (
    ExportError,
    ExportResult,
    changes_text,
    export_case_sheet,
    export_deadline_sheet,
    export_ics,
    nothing_to_export_ics,
    omitted_text,
    overdue_text,
    write_failure_text,
)
from ...store import StoreError
from ..caseworker_filter import EVERYONE, MINE, remember, remembered, same_name
from ..questions import ask_yes_no
from ..store_errors import error_text
from .save_paths import CSV_FILTER, ICS_FILTER, XLSX_FILTER, ask_save_path

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore

# ---------------------------------------------------------------- only mine or everyone's


class ExportChoiceDialog(QDialog):
    """Before an export: only my own (the default) or every caseworker's."""

    def __init__(
        self, title: str, own: str, noun: str, own_first: bool, unassigned: bool, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        question = QLabel(f"Hvilke {noun} skal med?")
        self.own_radio = QRadioButton(f"Kun &mine ({possessive(own)} {noun})")
        self.everyone_radio = QRadioButton(f"&Alle sagsbehandleres {noun}")
        group = QButtonGroup(self)
        group.addButton(self.own_radio)
        group.addButton(self.everyone_radio)
        (self.own_radio if own_first else self.everyone_radio).setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.own_radio)
        if unassigned:  # shown for everyone (core.selection.belongs_to): say so before it is written
            from ..colours import hint_style

            hint = QLabel(f"Med »mine« kommer også {noun} på sager uden sagsbehandler med.")
            hint.setWordWrap(True)
            hint.setStyleSheet(hint_style())
            hint.setContentsMargins(24, 0, 0, 0)
            layout.addWidget(hint)
        layout.addWidget(self.everyone_radio)
        # In the dialog before setDefault (see fields.accept_buttons), and after the choices: the focus
        # starts on them.
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton("Vælg &fil …", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("A&nnuller", QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def ask_export_caseworker(
    parent: QWidget | None, store: CaseStore, qsettings: QSettings, place: str, title: str, noun: str
) -> str | None:
    """The caseworker whose cases an export holds ('' = all), or None when the user cancels.

    Asked only when there is a choice: the caseworker's name is set and a colleague has cases.
    """
    own = store.settings().caseworker_name.strip()
    if not own:
        return ""
    names = [c.caseworker.strip() for c in store.list_cases()]
    if not any(name and not same_name(name, own) for name in names):
        return ""  # nobody else's cases: mine and all are the same
    dialog = ExportChoiceDialog(title, own, noun, remembered(qsettings, place) == MINE, "" in names, parent)
    if not dialog.exec():
        return None
    mine = dialog.own_radio.isChecked()
    remember(qsettings, place, MINE if mine else EVERYONE)
    return own if mine else ""


# ---------------------------------------------------------------- the exports


def _export(
    parent: QWidget | None,
    title: str,
    name: str,
    filters: list[str],
    write: Callable[[Path], ExportResult],
    done: Callable[[ExportResult], str],
) -> ExportResult | None:
    path = ask_save_path(parent, title, name, filters)
    if path is None:
        return None
    try:
        result = write(path)
    except (ExportError, StoreError) as exc:
        QMessageBox.warning(parent, title, error_text(exc))
        return None
    except OSError as exc:
        QMessageBox.warning(parent, title, write_failure_text(path, exc))
        return None
    QMessageBox.information(parent, title, done(result))
    return result


def export_ics_dialog(
    store: CaseStore, parent: QWidget | None = None, *, today: Callable[[], date] = date.today, caseworker: str = ""
) -> ExportResult | None:
    """Filer › Eksportér til Outlook (.ics) …: the current deadlines (of caseworker) as calendar events.
    With none, the caseworker is told first (no_ics_deadlines_text) and may stop before the file is asked."""

    def done(result: ExportResult) -> str:
        moved = (
            f" {count_text(result.moved, 'frist har', 'frister har')} fået ny dato siden sidst." if result.moved else ""
        )
        omitted = omitted_text(result)  # Outlook will not show these: say so in the same message
        overdue = overdue_text(result)  # nor these, on days before today: where to find them
        chosen = f" {result.chosen_text()}" if result.chosen else ""
        changes = changes_text(result)  # cancelled events, and why
        return (
            f"{count_text(result.count, 'frist', 'frister')} er gemt i {result.path}.{chosen}{moved}\n\n"
            + (f"{changes}\n\n" if changes else "")
            + (f"⚠ {overdue}\n\n" if overdue else "")
            + (f"⚠ {omitted}\n\n" if omitted else "")
            + "Åbn filen i Outlook for at få fristerne i kalenderen. Eksporterer du igen senere, "
            "beholder hver frist sit id, så en flyttet frist opdateres frem for at blive dobbelt."
        )

    nothing = nothing_to_export_ics(store, today(), caseworker=caseworker)
    if nothing and not ask_yes_no(
        parent, "Eksportér til Outlook", f"{nothing}\n\nVil du eksportere alligevel?", yes="&Eksportér alligevel"
    ):
        return None
    return _export(
        parent,
        "Eksportér til Outlook",
        "Opfølgningsfrister.ics",
        [ICS_FILTER],
        lambda path: export_ics(store, path, today(), caseworker=caseworker),
        done,
    )


def export_deadlines_dialog(
    store: CaseStore, parent: QWidget | None = None, *, today: Callable[[], date] = date.today, caseworker: str = ""
) -> ExportResult | None:
    """Filer › Eksportér frister til regneark …: the deadline list as .xlsx or .csv."""
    return _export(
        parent,
        "Eksportér frister til regneark",
        f"Frister {fmt(today())}.xlsx",
        [XLSX_FILTER, CSV_FILTER],
        lambda path: export_deadline_sheet(store, path, today(), caseworker=caseworker),
        lambda r: (
            f"{count_text(r.count, 'frist', 'frister')} er gemt i {r.path}."
            + (f" {r.chosen_text()}" if r.chosen else "")
        ),
    )


def export_cases_dialog(
    store: CaseStore, parent: QWidget | None = None, *, today: Callable[[], date] = date.today, caseworker: str = ""
) -> ExportResult | None:
    """Filer › Eksportér sagsliste til regneark …: every case (closed too) as .xlsx or .csv."""
    return _export(
        parent,
        "Eksportér sagsliste til regneark",
        f"Sager {fmt(today())}.xlsx",
        [XLSX_FILTER, CSV_FILTER],
        lambda path: export_case_sheet(store, path, caseworker=caseworker),
        lambda r: (
            f"{count_text(r.count, 'sag', 'sager')} er gemt i {r.path} (også afsluttede sager)."
            + (f" {r.chosen_text()}" if r.chosen else "")
        ),
    )


__all__ = [
    "ExportChoiceDialog",
    "ask_export_caseworker",
    "export_cases_dialog",
    "export_deadlines_dialog",
    "export_ics_dialog",
]
