"""Every window and dialog of the program, opened one after another on the demo data.

Used by the screen-fit test (in a subprocess per screen size) and the accessibility test (in the
test process). Each window is built as the program builds it, shown without a nested event loop,
handed to visit(name, window) while on screen, and closed again.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from caseworker_app.core.cases import CaseProblem
from caseworker_app.store import CaseStore
from caseworker_app.store.case_conflicts import FieldConflict, conflict_text
from caseworker_app.store.damage import damage_text
from caseworker_app.store.demo import create_demo_database

TODAY = date(2021, 2, 1)
Visit = Callable[[str, QWidget], None]

# Demo cases (store/demo.py, written for TODAY): a T08 case with the longest history, and a T16
# case (two dates, the trial with most fields on the form).
T08_CITIZEN = "Henrik Christensen"
T16_CITIZEN = "Pia Poulsen"
T18_CITIZEN = "Tina Møller"  # a trial with no follow-ups: its only event is "Praktik afsluttet"
T06_CITIZEN = "Heidi Mikkelsen"  # the longest date label on the form (it once widened the form to 640 px)
T09_CITIZEN = "Rasmus Schmidt"  # a note with the longest condition to confirm (T09's "formaal")
# "Sagen er ændret imens" with two fields, one of them a long remark (cut at 60 characters).
_CONFLICT_TEXT = conflict_text(
    [
        FieldConflict("caseworker", "Louise Holm", "Mads Kristensen", "Sofie Berg"),
        FieldConflict("hire", date(2018, 8, 31), date(2018, 9, 3), date(2018, 9, 1)),
        FieldConflict(
            "note",
            "",
            "Borgeren har skiftet arbejdsgiver; ny kontaktperson i HR",
            "Ringet op, aftalt møde 15-02-2021 om den videre plan og om løntilskuddet",
        ),
    ]
)


def demo_store(folder: Path) -> CaseStore:
    """The demo database in folder, opened with TODAY as its clock."""
    path = create_demo_database(folder / "demo.db", TODAY)
    return CaseStore(path, clock=lambda: TODAY)


def case_id(store: CaseStore, citizen: str) -> int:
    return next(c.id for c in store.list_cases(include_closed=True) if c.citizen == citizen)


def settle() -> None:
    """Let layouts, deferred work (single-shot timers) and paints run."""
    for _ in range(3):
        QApplication.processEvents()


@contextlib.contextmanager
def _opened(window: QWidget) -> Iterator[QWidget]:
    window.show()
    settle()
    try:
        yield window
    finally:
        window.hide()
        window.deleteLater()
        settle()


@contextlib.contextmanager
def _exec_visits(cls, visit: Visit, name: str):
    """cls.exec() shows the dialog and hands it to visit instead of starting an event loop."""

    def exec_(dialog) -> int:
        dialog.show()
        settle()
        visit(name, dialog)
        dialog.hide()
        return 0

    cls.exec = exec_
    try:
        yield
    finally:
        del cls.exec


def _main_window(store: CaseStore, settings_path: Path):
    from caseworker_app.ui.mainwindow import MainWindow

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    return MainWindow(store, today=lambda: TODAY, settings=settings, demo=True)


def _read(dialog, path: Path) -> None:
    """Filer › Importér sager: the file read (in the dialog's thread) and its preview shown."""
    dialog.load(path)
    deadline = time.monotonic() + 20
    while dialog.reading and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def _import_windows(store: CaseStore, main: QWidget, see: Visit) -> None:
    """The import dialog on the sample lists (the .csv has no trial column: a column to choose; on
    TODAY the .xlsx has three follow-ups in the future: faults), and Fortryd import after one."""
    from caseworker_app.ui.importing.dialog import FEJL, FORHAANDSVISNING, KOLONNER, ImportDialog
    from caseworker_app.ui.importing.files import sample_path
    from caseworker_app.ui.importing.undo_dialog import UndoImportDialog

    today = lambda: TODAY  # noqa: E731 - the clock every window takes
    for name, path, tab in (
        ("importer-kolonner", sample_path().with_suffix(".csv"), KOLONNER),
        ("importer-forhaandsvisning", sample_path(), FORHAANDSVISNING),
        ("importer-fejl", sample_path(), FEJL),
    ):
        with _opened(ImportDialog(store, today=today, parent=main)) as dialog:
            _read(dialog, path)
            dialog.tabs.setCurrentIndex(tab)
            settle()
            see(name, dialog)
    dialog = ImportDialog(store, today=today, parent=main)
    with _opened(dialog):
        _read(dialog, sample_path())
        dialog.options.only_valid_check.setChecked(True)
        dialog.save()
    with _opened(UndoImportDialog(store, parent=main)) as dialog:
        see("fortryd-import", dialog)


def walk(store: CaseStore, folder: Path, visit: Visit) -> list[str]:
    """Open every window and dialog in turn and call visit(name, window) for each; the names."""
    from caseworker_app.store.backup import list_backups, make_backup
    from caseworker_app.store.errors import StoreError
    from caseworker_app.ui.backup_dialog import BackupDialog
    from caseworker_app.ui.case import CaseWindow, CloseCaseDialog, DeleteCaseDialog, EventDialog
    from caseworker_app.ui.duplicates_dialog import DuplicatesDialog
    from caseworker_app.ui.evaluation_dialog import EvaluationDialog
    from caseworker_app.ui.first_start_dialog import FirstStartDialog
    from caseworker_app.ui.help_window import open_guide, open_shortcuts
    from caseworker_app.ui.notes import NoteWindow
    from caseworker_app.ui.ordinary_rule_dialog import OrdinaryRuleDialog
    from caseworker_app.ui.override_dialog import OverrideDialog
    from caseworker_app.ui.printing.dialogs import CalendarPrintDialog, PlanPrintDialog
    from caseworker_app.ui.printing.export_dialogs import ExportChoiceDialog
    from caseworker_app.ui.problems_dialog import ProblemsDialog
    from caseworker_app.ui.questions import conflict_box, unsaved_changes_box
    from caseworker_app.ui.restore_offers import BackupProblem, damaged_now_box, damaged_offer_box, missing_offer_box
    from caseworker_app.ui.settings_dialog import SettingsDialog

    names: list[str] = []

    def see(name: str, window: QWidget) -> None:
        names.append(name)
        visit(name, window)

    today = lambda: TODAY  # noqa: E731 - the clock every window takes
    t08 = case_id(store, T08_CITIZEN)
    t16 = case_id(store, T16_CITIZEN)
    t18 = case_id(store, T18_CITIZEN)
    t06 = case_id(store, T06_CITIZEN)
    t09 = case_id(store, T09_CITIZEN)
    catalog = store.catalog()

    main = _main_window(store, folder / "vindue.ini")
    with _opened(main):
        for index, name in enumerate(
            ("hovedvindue-frister", "hovedvindue-sager", "hovedvindue-forsoeg", "hovedvindue-fristberegner")
        ):
            main.tabs.setCurrentIndex(index)
            settle()
            see(name, main)
        # The Fristberegner with a result: T16, the longest title and texts.
        calculator = main.calculator_view
        calculator.set_trial("T16")
        for name in list(calculator.form.date_boxes):
            calculator.set_date(name, "15-06-2020")
        calculator.form.calculate_button.setFocus()  # as a caseworker who pressed Beregn
        calculator.calculate()
        settle()
        see("hovedvindue-fristberegner-t16", main)
        main.tabs.setCurrentIndex(0)

        for name, build in (
            ("sag-t08", lambda: CaseWindow(store, t08, today=today, parent=main)),
            ("sag-t16", lambda: CaseWindow(store, t16, today=today, parent=main)),
            ("sag-t18", lambda: CaseWindow(store, t18, today=today, parent=main)),
            ("sag-t06", lambda: CaseWindow(store, t06, today=today, parent=main)),
            ("ny-sag", lambda: CaseWindow(store, None, today=today, parent=main)),
        ):
            with _opened(build()) as window:
                see(name, window)
        case_window = CaseWindow(store, t08, today=today, parent=main)
        with _opened(case_window):
            with _opened(NoteWindow(store, t08, today=today, parent=case_window)) as note:
                see("notat", note)
                note.tabs.setCurrentIndex(1)
                settle()
                see("notat-skabelon", note)
            with _opened(NoteWindow(store, t09, today=today, situation="praktik_start", parent=case_window)) as note:
                see("notat-t09", note)
            for name, build in (
                ("registrer-opfoelgning", lambda: EventDialog(store, t08, today=today, parent=case_window)),
                (
                    "ret-haendelse",
                    lambda: EventDialog(
                        store,
                        t08,
                        today=today,
                        kind="followup",
                        replaces=next(r.id for r in store.history(t08) if r.counts),
                        parent=case_window,
                    ),
                ),
                ("afslut-sag", lambda: CloseCaseDialog(store, t08, today=today, parent=case_window)),
                ("slet-sag", lambda: DeleteCaseDialog(store, t08, parent=case_window)),
                ("udskriv-plan", lambda: PlanPrintDialog(store, t08, today=today, parent=case_window)),
            ):
                with _opened(build()) as dialog:
                    see(name, dialog)
            box = unsaved_changes_box(case_window, "Sagen har ændringer, der ikke er gemt. Vil du gemme dem?")
            with _opened(box):
                see("gem-aendringer", box)
            with _opened(conflict_box(case_window, _CONFLICT_TEXT)) as box:
                see("sagen-aendret-imens", box)

        calendar = CalendarPrintDialog(store, today=today, parent=main)
        with _opened(calendar):
            see("udskriv-kalender", calendar)
            with _exec_visits(QPrintPreviewDialog, see, "vis-udskrift"):
                calendar.preview()
        for name, build in (
            ("indstillinger", lambda: SettingsDialog(store, today=today, parent=main)),
            ("evaluering", lambda: EvaluationDialog(store, today=today, parent=main)),
            ("ny-forlaengelse", lambda: OverrideDialog(store, catalog["T08"], "extension", parent=main)),
            ("ret-henvisning", lambda: OverrideDialog(store, catalog["T08"], "citation", parent=main)),
            ("ny-almindelig-regel", lambda: OrdinaryRuleDialog(store, catalog["T08"], parent=main)),
            (
                "problemer",
                lambda: ProblemsDialog(
                    [
                        CaseProblem(
                            store.get_case(t16),
                            "Sagen mangler datoen for ansættelse i løntilskud, "
                            "som forsøgets frister regnes fra; ret den i sagsvinduet.",
                        )
                    ],
                    parent=main,
                ),
            ),
            ("dubletter", lambda: DuplicatesDialog([("T08", "2020-0101", (t08, t16))], parent=main)),
        ):
            with _opened(build()) as dialog:
                see(name, dialog)
        evaluation = EvaluationDialog(store, today=today, parent=main)
        with _opened(evaluation):
            evaluation.tabs.setCurrentIndex(2)  # Valg, Tal og sager, Kommunens tekst
            settle()
            see("evaluering-tekster", evaluation)

        make_backup(store.path)
        with _opened(BackupDialog(store.path, parent=main)) as dialog:
            see("sikkerhedskopier", dialog)
        copy = list_backups(store.path)[0]
        with _opened(damaged_offer_box(main, store.path, copy)) as box:
            see("beskadiget-database", box)
        with _opened(missing_offer_box(main, store.path, copy, empty=True)) as box:
            see("tom-database", box)
        problem = BackupProblem(store.path, StoreError("kopien blev ikke lavet"), damage_text(store.path), copy)
        with _opened(damaged_now_box(main, problem, copy)) as box:
            see("beskadiget-database-i-vinduet", box)

        for name, opener in (
            ("hjaelp-kom-i-gang", lambda: open_guide(main, 0)),
            ("hjaelp-tastaturgenveje", lambda: open_shortcuts(main)),
        ):
            window = opener()
            with _opened(window):
                see(name, window)
        with _opened(FirstStartDialog(store, parent=main)) as dialog:
            see("foerste-start", dialog)
        with _opened(ExportChoiceDialog("Eksportér til Outlook", "Anne Jensen", "frister", True, True, main)) as dialog:
            see("eksport-valg", dialog)
        _import_windows(store, main, see)

    # A new user's first start: no cases yet, the welcome instead of the lists.
    empty = CaseStore(folder / "tom.db", clock=lambda: TODAY)
    try:
        with _opened(_main_window(empty, folder / "tom.ini")) as window:
            see("hovedvindue-velkommen", window)
    finally:
        empty.close()
    return names
