"""The Frister list's groups as laid out after each new content: titles across the row, the near
groups open, a long 'Senere' folded; and laid out with one question per row to the model (an open
group may hold most of 100,000 deadlines at the start: benchmarks/bench_startup.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QSettings

from caseworker_app.ui import overview
from caseworker_app.ui.caseworker_filter import EVERYONE, FRISTER, SAGER, remember
from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.model_base import ROOT
from caseworker_app.ui.overview import DeadlineTreeModel

MONDAY = date(2025, 6, 2)
OVERDUE, LATER = 40, 100


class CountingModel(DeadlineTreeModel):
    """The Frister model, counting the index() calls made while laying_out."""

    laying_out = False
    asked = 0

    def index(self, row: int, column: int, parent=ROOT):
        CountingModel.asked += CountingModel.laying_out
        return super().index(row, column, parent)


def test_the_groups_are_laid_out_open_and_folded_as_before_asking_each_row_once(qtbot, store, tmp_path, monkeypatch):
    # T08's first follow-up is due 30 months after the hire:
    # hired 20-11-2022 -> 20-05-2025, overdue on Monday 02-06-2025;
    # hired 01-12-2022 -> 01-06-2025 (a Sunday), overdue too (the legal date has passed);
    # hired 20-06-2023 -> 20-12-2025, 'Senere': 100 of them, so that group starts folded.
    for number in range(OVERDUE):
        hire = date(2022, 11, 20) if number % 2 else date(2022, 12, 1)
        store.create_case(
            citizen=f"Borger {number:03d}", case_ref=f"2025-{number:04d}", trial_id="T08", dates={"hire": hire}
        )
    for number in range(LATER):
        store.create_case(
            citizen=f"Senere {number:03d}",
            case_ref=f"2025-{1000 + number}",
            trial_id="T08",
            dates={"hire": date(2023, 6, 20)},
        )
    settings = QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)
    for place in (FRISTER, SAGER):
        remember(settings, place, EVERYONE)
    # The model's index() asked while the groups are laid out after a reset (not while measured or
    # painted): counted by a model of its own (patching the class's index would leave PySide's
    # cached override pointing at the replaced function once the test is over).
    monkeypatch.setattr(overview, "DeadlineTreeModel", CountingModel)
    monkeypatch.setattr(CountingModel, "asked", 0)
    layout = MainWindow._layout_deadline_groups

    def counted_layout(self):
        CountingModel.laying_out = True
        try:
            layout(self)
        finally:
            CountingModel.laying_out = False

    monkeypatch.setattr(MainWindow, "_layout_deadline_groups", counted_layout)

    window = MainWindow(store, today=lambda: MONDAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.case_list_current)

    model, view = window.deadline_model, window.deadline_view
    titles = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert titles == ["Overskredet (40)", "Denne uge (0)", "Næste 30 dage (0)", "Senere (100)"]
    for row in range(model.rowCount()):
        assert view.isFirstColumnSpanned(row, QModelIndex()), titles[row]
    assert [view.isExpanded(model.index(row, 0)) for row in range(model.rowCount())] == [True, True, True, False]
    # The open group's 40 rows under their title, then the folded group's title.
    assert view.indexBelow(model.index(0, 0)) == model.index(0, 0, model.index(0, 0))
    assert view.indexAbove(model.index(3, 0)) == model.index(2, 0)
    assert view.indexBelow(model.index(39, 0, model.index(0, 0))) == model.index(1, 0)

    # One index a row of the open groups, and a few for the group titles (61 with Qt 6.11): a tree
    # whose titles already spanned their rows while it laid them out asked twice a row (105).
    assert isinstance(model, CountingModel)
    assert CountingModel.asked < 2 * OVERDUE
    # Nor are the folded group's rows made for the column widths' sample of them (up to 30,000 at
    # the start): its first rows in one run, the sample's others one by one, not every row up to them.
    assert len(model._first_cells[3]) < LATER
