"""Hjælp: the guide opens at the tab in front (F1), and the shortcut list is read off the menus."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence

from caseworker_app.ui.help_window import shortcut_rows
from caseworker_app.ui.mainwindow import MainWindow, Tab


def test_f1_opens_the_guide_at_the_section_of_the_tab_in_front(qtbot, store, today):
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(Tab.TRIALS)
    assert window.guide_action.shortcuts()[0].toString() == "F1"
    window.guide_action.trigger()
    dialog = window._help
    assert dialog.isVisible() and not dialog.isModal()
    text = dialog.text()
    assert "Din dag med programmet" in text and "Registrer opfølgning (Ctrl+R)" in text
    # The Forsøg section comes first, then the daily workflow and the other tabs.
    assert text.splitlines()[:2] == ["Kom i gang", "Forsøg"]
    assert text.index("Din dag med programmet") < text.index("Fristberegner")
    dialog.close()


def test_the_shortcut_list_comes_from_the_menus(qtbot, store, today):
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    rows = shortcut_rows(window)
    for row in (
        ("Filer › Ny sag", "Ctrl+N"),
        ("Sag › Registrer opfølgning", "Ctrl+R"),
        ("Udskriv › Opfølgningskalender", "Ctrl+P"),
        ("Vis › Frister", "Ctrl+1"),
        ("Vis › Opdater", "F5"),
        ("Vis › Søg", "Ctrl+F"),
        ("Hjælp › Kom i gang", "F1"),
    ):
        assert row in rows
    text = window.show_shortcuts().text()
    assert all(command in text and keys in text for command, keys in rows)
    # The case window's own keys and Enter in the lists, which no menu shows (a newcomer).
    assert "Ctrl+S gemmer sagen" in text and "åbner Enter den valgte sag" in text
    # A new shortcut on a menu command shows up without touching the help text.
    window.export_ics_action.setShortcuts([QKeySequence("F9")])
    assert ("Filer › Eksportér til Outlook (.ics)", "F9") in shortcut_rows(window)


def test_f1_in_a_case_window_opens_the_guide_at_the_daily_work(qtbot, store, today):
    # F1 is listed in Tastaturgenveje; in a case window it did nothing (the menu's key was the main
    # window's alone).
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtWidgets import QApplication

    # The program has one main window; earlier tests' closed ones would make F1 ambiguous here.
    for old in QApplication.topLevelWidgets():
        if isinstance(old, MainWindow):
            old.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(Tab.TRIALS)
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0017", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    case_window = window.open_case(case_id)
    case_window.activateWindow()
    qtbot.waitUntil(case_window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or case_window, Qt.Key.Key_F1)
    dialog = window._help
    assert dialog.isVisible()
    assert dialog.text().splitlines()[:2] == ["Kom i gang", "Din dag med programmet"]
    dialog.close()


def test_the_daily_guide_says_when_a_note_can_cite_the_order(qtbot, store, today):
    """A tester on 30-11-2026, when every trial in the catalog had ended: the guide promised that
    "Notatet henviser selv til bekendtgørelsen", and the note was refused. The guide says when it
    can (an event while the trial ran), and what to do after the trial's end: the refusal's words."""
    from caseworker_app.ui.help_window import open_guide

    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    text = " ".join(open_guide(window, 0).text().split())
    assert "Notatet henviser selv til bekendtgørelsen" not in text
    assert (
        "Skete hændelsen, mens forsøget løb, henviser notatet selv til bekendtgørelsen og skriver den "
        "næste frist, den samme som vinduet viser."
    ) in text
    assert (
        "Skete den efter forsøgets slutning (sagsvinduet skriver ved forsøget, om det er udløbet), kan "
        "notatet ikke henvise til forsøget: skriv notatet i FASIT som i andre sager. Programmet viser "
        "stadig den næste frist, nu efter den almindelige regel."
    ) in text
    # Printing: the calendar opens on what is coming (not "ugens frister").
    assert "Udskriv › Opfølgningskalender (Ctrl+P; de næste 4 uger, de overskredne først)" in text


def test_the_guide_says_what_the_sager_tab_shows_as_it_opens(qtbot, store, today):
    # A newcomer: the guide said "Alle dine sager, også afsluttede", the tab opened on "Aktive sager".
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(Tab.CASES)
    window.guide_action.trigger()
    text = window._help.text()
    assert window.status_filter.currentText() == "Aktive sager"
    assert "Dine aktive sager (afsluttede sager vises, når du vælger dem under Status)" in text
    window._help.close()
