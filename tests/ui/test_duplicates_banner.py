"""Open cases that share a FASIT number in a trial (saved before m006): a line above the lists
and "vis" with FASIT number, trial and the database ids – no names, never a CPR number."""

from __future__ import annotations

import logging
import re
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from sqlite_utils import Database

from caseworker_app.store import CaseStore
from caseworker_app.store.schema import MIGRATIONS
from caseworker_app.ui.duplicates_dialog import DuplicatesDialog
from caseworker_app.ui.mainwindow import MainWindow

TODAY = date(2026, 11, 23)


def database_from_before_m006(path, cases):
    """A database as it was before m006, with cases (citizen, FASIT number) all open in T08."""
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m006_unique_open_case_ref")
    for citizen, case_ref in cases:
        db["cases"].insert(
            {
                "citizen": citizen,
                "case_ref": case_ref,
                "trial_id": "T08",
                "status": "aktiv",
                "created_at": "2025-01-01",
                "updated_at": "2025-01-01",
            }
        )
    db.close()
    return path


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, store, qsettings):
    window = MainWindow(store, today=lambda: TODAY, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    return window


def shown(label) -> str:
    return re.sub(r"<[^>]+>", "", label.text())


def test_the_banner_names_the_duplicates_and_vis_lists_number_trial_and_ids(
    qtbot, tmp_path, qsettings, dialogs, caplog
):
    path = database_from_before_m006(
        tmp_path / "sager.db",
        [("Jens Hansen", "2018-0412"), ("Mette Skov", "2019-0001"), ("Jens Hansen (igen)", "2018-0412")],
    )
    caplog.set_level(logging.INFO)
    with CaseStore(path, clock=lambda: TODAY) as store:
        window = open_window(qtbot, store, qsettings)
        assert window.duplicates_banner.isVisible()
        assert shown(window.duplicates_banner) == "⚠ 2 sager har samme FASIT-sagsnummer i samme forsøg – vis"
        assert window.duplicates_banner.geometry().bottom() < window.tabs.geometry().top()
        seen = {}

        def read(dialog: DuplicatesDialog) -> None:
            seen["title"], seen["rows"] = dialog.windowTitle(), dialog.rows()
            seen["headers"] = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]

        dialogs.then(read)
        window.duplicates_banner.linkActivated.emit("vis")
        assert seen == {
            "title": "Sager med samme FASIT-sagsnummer",
            "headers": ["Sagsnr. (FASIT)", "Forsøg", "Sager (nr. i databasen)"],
            "rows": [("2018-0412", "T08", "1, 3")],
        }
        assert "Jens" not in caplog.text and "2018-0412" not in caplog.text
        # Resolved (one closed): the line goes at the next refresh.
        store.close_case(3, reason="andet", text="dobbeltoprettet", day=TODAY)
        window.refresh()
        assert not window.duplicates_banner.isVisible()


def test_a_patch_without_duplicates_does_not_ask_again_but_another_programs_write_does(
    qtbot, tmp_path, qsettings, monkeypatch
):
    # m006's unique index refuses a second open case with the same FASIT number and trial: a write
    # of this window can end a duplicate, never make one. So with none shown, a patch needs no query.
    path = database_from_before_m006(tmp_path / "sager.db", [("Jens Hansen", "2018-0412")])
    with CaseStore(path, clock=lambda: TODAY) as store:
        window = open_window(qtbot, store, qsettings)
        asked = []
        real = CaseStore.duplicate_open_case_ids
        monkeypatch.setattr(CaseStore, "duplicate_open_case_ids", lambda self: asked.append(1) or real(self))
        store.close_case(1, reason="andet", text="afsluttet", day=TODAY)
        window.refresh()  # this window's own write: patched
        assert asked == []
        with CaseStore(path, clock=lambda: TODAY) as other:  # another program writes: everything re-read
            other.reopen_case(1)
        window.refresh()
        assert asked == [1]
        assert not window.duplicates_banner.isVisible()


def test_no_duplicates_no_line(qtbot, tmp_path, qsettings):
    path = database_from_before_m006(tmp_path / "sager.db", [("Jens Hansen", "2018-0412")])
    with CaseStore(path, clock=lambda: TODAY) as store:
        window = open_window(qtbot, store, qsettings)
        assert not window.duplicates_banner.isVisible()
        assert window.duplicate_groups == []


def test_several_numbers_are_counted_and_a_cpr_typed_as_fasit_number_is_masked(tmp_path, qtbot):
    path = database_from_before_m006(
        tmp_path / "sager.db",
        [("A", "2018-0412"), ("B", "2018-0412"), ("C", "010203-1234"), ("D", "010203-1234"), ("E", "010203-1234")],
    )
    with CaseStore(path, clock=lambda: TODAY) as store:
        groups = store.duplicate_open_case_ids()
    assert groups == [("T08", "010203-1234", [3, 4, 5]), ("T08", "2018-0412", [1, 2])]
    dialog = DuplicatesDialog(groups)
    qtbot.addWidget(dialog)
    assert dialog.rows() == [("010203-xxxx", "T08", "3, 4, 5"), ("2018-0412", "T08", "1, 2")]
    from caseworker_app.ui.duplicates_dialog import duplicates_heading

    assert duplicates_heading(groups) == (
        "5 sager har samme FASIT-sagsnummer som en anden sag i samme forsøg (2 numre)"
    )
