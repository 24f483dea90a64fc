"""A praktik's last day on screen: the Frister tab's 'Senest i praksis' shows '–', and the case
window's summary names only the date (docs/decisions.md 7: a period end has no practical date)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.schedule import compute_deadlines
from caseworker_app.store import CaseStore
from caseworker_app.ui.case_deadlines_model import deadline_html, plain_text
from caseworker_app.ui.caseworker_filter import EVERYONE, FRISTER, SAGER, remember
from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.overview import DeadlineColumn

TODAY = date(2021, 7, 1)  # a Thursday
# Praktik from Monday 07-06-2021, at most 4 weeks: day 28 is 07-06 + 27 days = Sunday 04-07-2021.
PRAKTIK = {"praktik_start": date(2021, 6, 7), "unemployed_since": date(2021, 1, 1)}


@pytest.fixture
def store(tmp_path):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    store.create_case(citizen="Karen Praktik", case_ref="2021-0100", trial_id="T09", dates=PRAKTIK)
    yield store
    store.close()


def test_the_frister_tab_shows_a_dash_for_the_praktik_end(qtbot, store, tmp_path):
    settings = QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)
    for place in (FRISTER, SAGER):
        remember(settings, place, EVERYONE)
    window = MainWindow(store, today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.case_list_current)
    model = window.deadline_model
    group = model.index(1, 0)  # after "Overskredet (0)"
    assert model.data(group) == "Denne uge (1)"  # 04-07-2021 is this week's Sunday
    row = [model.data(model.index(0, column, group)) for column in (DeadlineColumn.DUE, DeadlineColumn.PRACTICAL)]
    assert row == ["04-07-2021", "–"]


def test_the_case_window_summary_names_no_practical_date():
    (deadline,) = compute_deadlines(load_catalog()["T09"], PRAKTIK, [], TODAY)
    first = plain_text(deadline_html(deadline)).splitlines()[0]
    assert first == "Praktikken slutter senest: frist 04-07-2021 – snart"
