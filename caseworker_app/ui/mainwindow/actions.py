"""The main window's menus, shortcuts and right-click menu, and the commands they run.

Each command is a method of the window (its slot), so the menus, the welcome page's buttons and
the tests all run the same code. Dialogs are imported when first used: start-up stays quick.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from .part import WindowPart
from .tabs import Tab

# Vis › one command per tab, the tab's title with its own mnemonic.
VIEW_TABS = (
    (Tab.DEADLINES, "&Frister"),
    (Tab.CASES, "&Sager"),
    (Tab.TRIALS, "F&orsøg"),
    (Tab.CALCULATOR, "Fristbe&regner"),
)


class MainWindowActions(WindowPart):
    """Part of MainWindow: the menu bar (Filer, Sag, Vis, Udskriv, Hjælp) and its commands."""

    def _build_menus(self) -> None:
        self._row_menus_attached = False  # with the cases' first paint (_attach_row_menus)
        bar = self.menuBar()
        files = bar.addMenu("&Filer")
        self.new_case_action = self._action(files, "&Ny sag …", QKeySequence.StandardKey.New, self.new_case)
        files.addSeparator()
        self.export_ics_action = self._action(files, "Eksportér til &Outlook (.ics) …", None, self.export_ics)
        self.export_deadlines_action = self._action(
            files, "Eksportér &frister til regneark …", None, self.export_deadlines
        )
        self.export_cases_action = self._action(files, "Eksportér &sagsliste til regneark …", None, self.export_cases)
        self.import_action = self._action(files, "&Importér sager …", QKeySequence("Ctrl+I"), self.import_cases)
        self.undo_import_action = self._action(files, "Fo&rtryd import …", None, self.undo_import)
        files.addSeparator()
        self.settings_action = self._action(files, "&Indstillinger …", None, self.edit_settings)
        self.backups_action = self._action(files, "Sikkerheds&kopier …", None, self.show_backups)
        files.addSeparator()
        self.quit_action = self._action(files, "&Afslut", QKeySequence.StandardKey.Quit, self.close, needs_store=False)

        case = bar.addMenu("&Sag")
        self.open_action = self._action(case, "Å&bn sag", None, self.open_selected)
        self.register_action = self._action(
            case, "&Registrer opfølgning …", QKeySequence("Ctrl+R"), self.register_followup
        )
        self.close_case_action = self._action(case, "A&fslut sag …", None, self.close_selected_case)
        case.aboutToShow.connect(self._name_register_action)

        view = bar.addMenu("&Vis")
        for tab, text in VIEW_TABS:  # Ctrl+1–4 in tab order
            self._action(
                view,
                text,
                QKeySequence(f"Ctrl+{tab + 1}"),
                lambda _=False, t=tab: self.tabs.setCurrentIndex(t),
                needs_store=False,
            )
        view.addSeparator()
        self._action(view, "&Opdater", QKeySequence.StandardKey.Refresh, self.refresh)
        self.search_action = self._action(
            view, "&Søg …", QKeySequence.StandardKey.Find, self.focus_search, needs_store=False
        )

        self.print_menu = bar.addMenu("&Udskriv")
        self.print_calendar_action = self._action(
            self.print_menu, "&Opfølgningskalender …", QKeySequence("Ctrl+P"), self.print_calendar
        )
        self.print_plan_action = self._action(
            self.print_menu, "&Plan for valgt borger …", None, self.print_selected_plan
        )
        self.print_evaluation_action = self._action(self.print_menu, "&Evaluering …", None, self.print_evaluation)
        self.help_menu = bar.addMenu("&Hjælp")
        self.guide_action = self._action(
            self.help_menu,
            "&Kom i gang …",
            QKeySequence.StandardKey.HelpContents,
            self.show_guide,
            needs_store=False,
        )
        self._action(self.help_menu, "&Tastaturgenveje …", None, self.show_shortcuts, needs_store=False)
        self._action(self.help_menu, "&Om programmet", None, self._about, needs_store=False)

    def _attach_row_menus(self) -> None:
        """With the store: right-click on a row gives that row's case commands (see row_menu), and
        Ctrl+Q quits from a case window too.

        Not in _build_menus: these need Qt's `Qt` namespace, whose first use builds a hundred
        Python enums (~20 ms); the empty window paints without it (ui/app.py run_window), and so
        does an empty database's welcome (called after the cases' paint: _after_cases_painted).
        """
        if self._row_menus_attached:
            return
        self._row_menus_attached = True
        from PySide6.QtCore import Qt

        # Ctrl+Q and F1 reach from a case window, a note or a dialog too (the help's table says so).
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.guide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        for view in (self.deadline_view, self.case_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._show_row_menu(v, pos))

    def _action(self, menu, text, shortcut, slot, needs_store: bool = True) -> QAction:
        action = QAction(text, self)
        if needs_store:
            action.setEnabled(self.store is not None)
            self._store_actions.append(action)
        if shortcut is not None:
            # setShortcuts with a list rather than setShortcut: resolving setShortcut's overloads
            # builds all of Qt's key enums, a sixth of the time to the first paint. Same key.
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(QKeySequence.keyBindings(shortcut)[:1])
            else:
                action.setShortcuts([shortcut])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ------------------------------------------------------------ Vis

    def focus_search(self) -> None:
        """Ctrl+F: the search of the tab in front (Frister or Sager); from the other tabs, Sager's."""
        if self.tabs.currentIndex() == Tab.DEADLINES and not self.welcome_shown():
            box = self.deadline_search
        else:
            self.tabs.setCurrentIndex(Tab.CASES)
            box = self.search_box
        box.setFocus()
        box.selectAll()

    # ------------------------------------------------------------ Sag and the right-click menu

    def row_menu(self, view, pos) -> QMenu | None:
        """The menu for a right-click at pos: the row under it is chosen, then its commands."""
        index = view.indexAt(pos)
        if not index.isValid():
            return None
        view.setCurrentIndex(index)
        if self.selected_case_id() is None:  # a group heading on Frister
            return None
        self._name_register_action()
        menu = QMenu(self)
        for action in (self.open_action, self.register_action, self.print_plan_action, self.close_case_action):
            menu.addAction(action)
        return menu

    def _show_row_menu(self, view, pos) -> None:
        menu = self.row_menu(view, pos)
        if menu is not None:
            menu.exec(view.viewport().mapToGlobal(pos))

    def open_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.open_case(case_id)

    def new_case(self) -> None:
        self.open_case(None)

    def _chosen_case_id(self, command: str) -> int | None:
        """The case chosen in the list in front; None, after saying so, when none is."""
        case_id = self.selected_case_id()
        if case_id is None:
            _message_box().information(self, command, "Vælg først en sag i listen.")
        return case_id

    def _name_register_action(self) -> None:
        """Sag › Registrer opfølgning is named for the chosen case, as its case window's button is: in
        a trial without follow-ups it registers another event (ui/case/buttons.py)."""
        trial = self._selected_trial()
        followups = trial is None or trial.registers_followups
        self.register_action.setText("&Registrer opfølgning …" if followups else "&Registrer hændelse …")

    def _selected_trial(self):
        case = self.selected_case()  # as the list holds it: a case deleted elsewhere since is no error here
        if case is None or self.store is None:
            return None
        return self.store.catalog().get(case.trial_id)

    def register_followup(self) -> None:
        case_id = self._chosen_case_id("Registrer opfølgning")
        if case_id is None:
            return
        from ..case import EventDialog

        dialog = EventDialog(self._store_in_use(), case_id, today=self._today, parent=self)
        if dialog.exec():
            self.refresh()

    def close_selected_case(self) -> None:
        case_id = self._chosen_case_id("Afslut sag")
        if case_id is None:
            return
        from ..case import CloseCaseDialog

        dialog = CloseCaseDialog(self._store_in_use(), case_id, today=self._today, parent=self)
        if dialog.exec():
            self.refresh()

    # ------------------------------------------------------------ Udskriv

    def print_calendar(self) -> None:
        """Udskriv › Opfølgningskalender: period, filter and layout, then preview, print or PDF.

        The caseworker filter starts at the caseworker's own name, or as last chosen (remembered)."""
        from ..printing.dialogs import print_calendar

        print_calendar(self._store_in_use(), self, today=self._today, remember_in=self._qsettings)

    def print_selected_plan(self) -> None:
        """Udskriv › Plan for valgt borger: the selected case's coming deadlines."""
        case_id = self._chosen_case_id("Plan for valgt borger")
        if case_id is None:
            return
        from ..printing.dialogs import print_case_plan

        print_case_plan(self._store_in_use(), case_id, self, today=self._today)

    def print_evaluation(self) -> None:
        """Udskriv › Evaluering: the figures the municipality reports, with the cases behind them."""
        from ..evaluation_dialog import show_evaluation_dialog

        show_evaluation_dialog(self._store_in_use(), self, today=self._today)

    # ------------------------------------------------------------ Filer

    def _export_caseworker(self, place: str, title: str, noun: str) -> str | None:
        """Only mine (the default) or everyone's, asked before an export; None when cancelled."""
        from ..printing.export_dialogs import ask_export_caseworker

        return ask_export_caseworker(self, self._store_in_use(), self._qsettings, place, title, noun)

    def export_ics(self) -> None:
        """Filer › Eksportér til Outlook (.ics)."""
        from ..caseworker_filter import ICS
        from ..printing.export_dialogs import export_ics_dialog

        caseworker = self._export_caseworker(ICS, "Eksportér til Outlook", "frister")
        if caseworker is not None:
            export_ics_dialog(self._store_in_use(), self, today=self._today, caseworker=caseworker)

    def export_deadlines(self) -> None:
        """Filer › Eksportér frister til regneark."""
        from ..caseworker_filter import DEADLINE_SHEET
        from ..printing.export_dialogs import export_deadlines_dialog

        caseworker = self._export_caseworker(DEADLINE_SHEET, "Eksportér frister til regneark", "frister")
        if caseworker is not None:
            export_deadlines_dialog(self._store_in_use(), self, today=self._today, caseworker=caseworker)

    def export_cases(self) -> None:
        """Filer › Eksportér sagsliste til regneark."""
        from ..caseworker_filter import CASE_SHEET
        from ..printing.export_dialogs import export_cases_dialog

        caseworker = self._export_caseworker(CASE_SHEET, "Eksportér sagsliste til regneark", "sager")
        if caseworker is not None:
            export_cases_dialog(self._store_in_use(), self, today=self._today, caseworker=caseworker)

    def import_cases(self) -> None:
        """Filer › Importér sager … (Ctrl+I): a case list from Excel or CSV (ui/importing/)."""
        from ..importing.command import import_case_list

        import_case_list(self._store_in_use(), self, today=self._today, on_saved=self.refresh)

    def undo_import(self) -> None:
        """Filer › Fortryd import …: an import undone as a whole (ui/importing/undo_dialog.py)."""
        from ..importing.undo_dialog import UndoImportDialog

        def undone(result) -> None:
            self.refresh()
            self.statusBar().showMessage(result.summary, 20_000)

        UndoImportDialog(self._store_in_use(), on_undone=undone, parent=self).exec()

    def open_demo(self) -> bool:
        """Start the demo (`caseworker-app --demo`) beside this window: its own example database."""
        from ..welcome import start_demo

        if start_demo():
            return True
        _message_box().warning(self, "Åbn demo", "Demoen kunne ikke startes.")
        return False

    def edit_settings(self) -> None:
        from ..settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._store_in_use(), today=self._today, parent=self)
        if dialog.exec() or dialog.purged:
            self.refresh()

    def show_backups(self) -> None:
        """Filer › Sikkerhedskopier …: list, make and restore copies (ui/backup_dialog.py)."""
        from ..backup_dialog import BackupDialog

        store = self._store_in_use()

        def restored(done: bool) -> None:  # restored or not: the database is opened again and shown as it is
            store.reopen(restored=done)  # a good copy in its place: writes refused for damage are allowed again
            self.refresh()  # and the damage banner goes with the refusal

        BackupDialog(store.path, before_restore=store.close, on_restored=restored, parent=self).exec()

    # ------------------------------------------------------------ Hjælp

    def show_guide(self):
        """Hjælp › Kom i gang (F1), at the section of the tab in front."""
        from PySide6.QtWidgets import QApplication

        from ..help_window import open_guide  # here: help is rarely opened, start-up stays quick

        # From another window (a case, a note) the guide begins with the daily work, not a tab's part.
        owner = QApplication.activeWindow()
        while owner is not None and owner is not self:  # a case window's note window is this window's too
            owner = owner.parentWidget()
        from_other = owner is self and QApplication.activeWindow() is not self
        tab = -1 if from_other else self.tabs.currentIndex()
        self._help = open_guide(self, tab)
        return self._help

    def show_shortcuts(self):
        """Hjælp › Tastaturgenveje, read off the menus."""
        from ..help_window import open_shortcuts

        self._help = open_shortcuts(self)
        return self._help

    def _about(self) -> None:
        from ... import __version__

        _message_box().about(
            self,
            "Om Opfølgningsfrister",
            f"Opfølgningsfrister {__version__}\n\nBeregner opfølgningsfrister i frikommuneforsøg.\n"
            f"Data: {self.store.path if self.store else 'åbnes …'}\nProgrammet bruger ikke netværket.",
        )


def _message_box():
    """QMessageBox, imported when first needed: making its Python type costs ~3 ms, which the
    window's first paint need not wait for."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox
