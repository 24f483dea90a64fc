"""The Frister list at 1366×768 with 150 % scaling and 150 % text (the window 911×440): a deadline without a
date (core/deadline.py due_text: "ingen dato – følg de almindelige regler", "dato ikke aftalt – aftal og
registrér den", "mangler dato") is shown whole or shortened with "…" and whole in its tooltip, and the
list's last column (Hvorfor) keeps at least 100 px on screen. The long wordings once made the Frist column
455 of 873 px: the other columns went down to "F…" and "S…", and Hvad and Hvorfor behind a scroll bar."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from caseworker_app.core.deadline import MISSING_DATE_TEXT, UNDATED_ENDED_TEXT, UNDATED_TEXT
from caseworker_app.store import CaseStore
from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.text_size import apply_text_size


def _frist_cells(view) -> dict[str, object]:
    """The Frist column's index of every deadline row, by its text."""
    model = view.model()
    found = {}
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found[index.data()] = index
    return found


def _tooltip(view, index) -> str:
    QToolTip.hideText()
    at = view.visualRect(index).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at)))
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text


def _elided(view, index) -> bool:
    return view.itemDelegate().elided(view, view.columnWidth(0), index, index.data())


@pytest.fixture
def text_150():
    apply_text_size(150)
    yield
    apply_text_size(100)


@pytest.mark.parametrize(
    ("today", "undated"),
    [(date(2026, 11, 23), UNDATED_ENDED_TEXT), (date(2021, 3, 1), UNDATED_TEXT)],
)
def test_undated_wordings_are_whole_or_shortened_with_a_tooltip_and_the_last_column_keeps_100_px(
    qtbot, tmp_path, text_150, today, undated
):
    with CaseStore(tmp_path / "sager.db", clock=lambda: today) as store:
        store.create_case(
            citizen="Mette Nielsen", case_ref="2018-0414", trial_id="T08", dates={"hire": date(2018, 8, 31)}
        )
        # T12: the talk on the agreed 01-02-2021 reached that date, and no new one is agreed.
        agreed = store.create_case(
            citizen="Ulla Jensen", case_ref="2021-0901", trial_id="T12", dates={"agreed": date(2021, 2, 1)}
        )
        store.add_event(agreed, day=date(2021, 2, 1), kind="talk")
        if today.year == 2026:  # T04 after its end: the ordinary rule counts from the visitation, not given
            store.create_case(
                citizen="Viggo Berg", case_ref="2026-0902", trial_id="T04", dates={"agreed": date(2027, 1, 5)}
            )
        window = MainWindow(store, today=lambda: today)
        qtbot.addWidget(window)
        window.resize(911, 440)
        window.show()
        qtbot.waitExposed(window)
        view = window.deadline_view
        qtbot.waitUntil(lambda: view.model().rowCount() > 0)
        view.expandAll()
        QApplication.processEvents()

        cells = _frist_cells(view)
        header = view.header()
        width = view.viewport().width()
        last = header.count() - 1
        # Every column on screen, the last with at least 100 px of it.
        assert header.sectionPosition(last) + 100 <= width, [header.sectionSize(c) for c in range(header.count())]
        # A date is never shortened; a wording is shown whole or says itself whole in the tooltip.
        dated = next(index for text, index in cells.items() if text and text[-4:].isdigit())
        assert not _elided(view, dated)
        wordings = [f"! {undated}"] + ([f"! {MISSING_DATE_TEXT}"] if today.year == 2026 else [])
        for text in wordings:
            index = cells[text]
            if _elided(view, index):
                assert _tooltip(view, index).startswith(text + "\n\n")
        if today.year == 2026:
            assert not _elided(view, cells[f"! {MISSING_DATE_TEXT}"])  # short enough to stay whole
        window.close()
