"""The main window says which cases it cannot compute: a line above the lists, and "vis"."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from caseworker_app.store import CaseStore
from caseworker_app.ui import colours
from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.problems_dialog import ProblemsDialog
from tests.damaged_demo import DEADLINES_LEFT, EXPECTED, TODAY, catalog_without_t08, make_damaged_demo


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="module")
def reduced_catalog(tmp_path_factory):
    return catalog_without_t08(tmp_path_factory.mktemp("trials"))


@pytest.fixture
def damaged_store(tmp_path, reduced_catalog):
    store = CaseStore(make_damaged_demo(tmp_path / "demo.db"), catalog=reduced_catalog)
    yield store
    store.close()


def open_window(qtbot, store, qsettings, today=TODAY):
    window = MainWindow(store, today=lambda: today, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    return window


def shown(label) -> str:
    """The banner's text as the caseworker reads it (the link's markup left out)."""
    return re.sub(r"<[^>]+>", "", label.text())


def test_the_banner_counts_the_cases_and_vis_lists_each_with_its_reason(qtbot, damaged_store, qsettings, dialogs):
    window = open_window(qtbot, damaged_store, qsettings)
    assert window.problems_banner.isVisible()
    assert shown(window.problems_banner) == "⚠ 12 sager kan ikke beregnes – vis"
    # Above the lists: the banner sits over the tabs.
    assert window.problems_banner.geometry().bottom() < window.tabs.geometry().top()
    # Tinted as a problem (colours.banner_style) once shown; the banners with nothing to say are
    # never styled (the tint asks Qt for high contrast, which the first paint does without).
    assert window.problems_banner.styleSheet() == colours.banner_style("problemsBanner", "problem", "4px 6px 2px 6px")
    assert "background: #" in window.problems_banner.styleSheet()
    assert window.duplicates_banner.isHidden() and window.duplicates_banner.styleSheet() == ""

    seen = {}

    def read(dialog: ProblemsDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["headers"] = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
        seen["rows"] = dialog.rows()

    dialogs.then(read)
    window.problems_banner.linkActivated.emit("vis")  # the caseworker clicks "vis"
    assert seen["title"] == "Sager, der ikke kan beregnes"
    assert seen["headers"] == ["Sagsnr. (FASIT)", "Borger", "Forsøg", "Årsag"]
    assert seen["rows"] == [(ref, citizen, trial, reason) for _id, ref, citizen, trial, reason in EXPECTED]
    assert seen["rows"][-1] == ("2026-0547", "Rasmus Schmidt", "T09", "ukendt status 'aktv'")
    # None of them is in the deadline list; the other cases' deadlines are.
    assert len(window.deadline_items) == DEADLINES_LEFT
    assert not {i.case.id for i in window.deadline_items} & {e[0] for e in EXPECTED}


def one_broken_case(store) -> tuple[int, int]:
    good = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0412", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    bad = store.create_case(
        citizen="Lone Andersen", case_ref="2019-0007", trial_id="T08", dates={"hire": date(2019, 3, 1)}
    )
    store._conn.execute("DROP TRIGGER cases_status_checked_on_update")
    store._conn.execute("UPDATE cases SET status = 'aktv' WHERE id = ?", (bad,))
    store._conn.commit()
    return good, bad


def test_one_case_in_the_singular_and_gone_once_repaired(qtbot, tmp_path, qsettings, dialogs):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: date(2021, 2, 1))
    _good, bad = one_broken_case(store)
    window = open_window(qtbot, store, qsettings, today=date(2021, 2, 1))
    assert shown(window.problems_banner) == "⚠ 1 sag kan ikke beregnes – vis"
    # Closing the case puts a valid status back; the window's refresh hides the line.
    store.close_case(bad, reason="andet", day=date(2021, 1, 15), text="status var beskadiget")
    window.refresh()
    assert not window.problems_banner.isVisible()
    assert window.problems == []
    store.close()


def test_no_banner_on_a_sound_database(qtbot, tmp_path, qsettings):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: date(2021, 2, 1))
    store.create_case(citizen="Jens Hansen", case_ref="2018-0412", trial_id="T08", dates={"hire": date(2018, 8, 31)})
    window = open_window(qtbot, store, qsettings, today=date(2021, 2, 1))
    assert not window.problems_banner.isVisible()
    store.close()


def test_the_outlook_export_says_how_many_cases_it_left_out(
    qtbot, damaged_store, qsettings, message_boxes, dialogs, monkeypatch, tmp_path
):
    target = tmp_path / "frister.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = open_window(qtbot, damaged_store, qsettings)

    def everyones(choice):  # asked first: only Anne Jensen's (the default) or every caseworker's
        choice.everyone_radio.setChecked(True)
        choice.accept()

    dialogs.then(everyones)
    window.export_ics()
    assert target.exists()
    # One message: what was saved and, in the same box, what Outlook will not show.
    assert [(kind, title) for kind, title, _ in message_boxes.calls] == [
        ("information", "Eksportér til Outlook"),
    ]
    text = message_boxes.calls[0][2]
    assert text.startswith(f"22 frister er gemt i {target}.")
    assert (
        "⚠ 12 sager kan ikke beregnes og er ikke med i filen (tidligere eksporterede aftaler for "
        "dem er ikke ændret)." in text
    )
