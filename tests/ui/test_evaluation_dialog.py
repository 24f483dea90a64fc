"""Udskriv › Evaluering …: the figures with their cases, the texts kept, the files written."""

from __future__ import annotations

import os
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caseworker_app.store.evaluation_queries import load_report_settings
from caseworker_app.ui.evaluation_dialog import EvaluationDialog
from tests.evaluation_cases import TODAY, build


@pytest.fixture
def dialog(tmp_path):
    QApplication.instance() or QApplication([])
    store = build(tmp_path / "sager.db")
    dlg = EvaluationDialog(store, today=lambda: TODAY)
    dlg.start.set_date(date(2020, 1, 1))
    dlg.end.set_date(date(2021, 12, 31))
    yield dlg
    dlg.deleteLater()
    store.close()


def _find(item, text):
    for i in range(item.childCount()):
        child = item.child(i)
        if child.text(0).strip() == text:
            return child
        found = _find(child, text)
        if found is not None:
            return found
    return None


def test_drill_down_lists_the_cases_behind_a_figure(dialog, monkeypatch, tmp_path):
    assert dialog.compute()
    t08 = dialog.tree.topLevelItem(0)
    assert t08.text(0).startswith("T08")
    missed = _find(t08, "ikke overholdt ved periodens slutning")
    # G (2018-0007) is the one T08 deadline never held: due 15-04-2021.
    assert missed.text(1) == "1"
    assert [(missed.child(i).text(0), missed.child(i).text(1)) for i in range(missed.childCount())] == [
        ("Sag 2018-0007", "frist 15-04-2021")
    ]
    if os.environ.get("EVALUATION_SCREENSHOT"):
        dialog.resize(1366, 768)
        dialog.show()
        dialog.grab().save(os.environ["EVALUATION_SCREENSHOT"])


def test_texts_and_minutes_are_kept_and_printed(dialog, tmp_path):
    dialog.texts["8"].setPlainText("Forsøget bør gøres permanent.")
    dialog.minutes.setValue(30)
    sheet = tmp_path / "evaluering.xlsx"
    assert dialog.save_xlsx(sheet)
    settings = load_report_settings(dialog.store)
    assert settings.minutes == 30 and settings.texts["8"] == "Forsøget bør gøres permanent."
    book = load_workbook(sheet)
    points = {r[0]: r[2] for r in book["Punkt 6-10"].iter_rows(min_row=2, values_only=True)}
    assert points[8] == "Forsøget bør gøres permanent."
    figures = {(r[0], r[2].strip()): r[3] for r in book["Tal"].iter_rows(min_row=2, values_only=True)}
    assert figures[("T08", "Frigjorte timer")].startswith("4 timer")  # 8 saved x 30 min


def test_an_empty_period_says_so_and_writes_nothing(dialog, tmp_path):
    dialog.start.set_date(date(2021, 12, 31))
    dialog.end.set_date(date(2020, 1, 1))
    pdf = tmp_path / "r.pdf"
    assert not dialog.save_pdf(pdf)
    assert dialog.summary.text().startswith("Perioden er tom")
    assert not pdf.exists()
    assert date(2020, 1, 1) < TODAY


# ---------------------------------------------------------------- the demo, after every trial's end

DEMO_DAY = date(2026, 11, 30)  # the tester's day: every trial in the shipped catalog has ended


@pytest.fixture
def demo_dialog(tmp_path):
    from caseworker_app.store import CaseStore
    from caseworker_app.store.demo import create_demo_database

    QApplication.instance() or QApplication([])
    store = CaseStore(create_demo_database(tmp_path / "demo.db", DEMO_DAY), clock=lambda: DEMO_DAY)
    dlg = EvaluationDialog(store, today=lambda: DEMO_DAY)
    yield dlg
    dlg.deleteLater()
    store.close()


def _item(dialog, trial_id):
    from PySide6.QtCore import Qt

    items = [dialog.trials.item(i) for i in range(dialog.trials.count())]
    return next(item for item in items if item.data(Qt.ItemDataRole.UserRole) == trial_id)


def test_the_window_opens_ready_to_compute(demo_dialog, message_boxes):
    from PySide6.QtCore import Qt

    # Last year, 2025. Of the trials with demo cases only T06 (to 31-12-2025) and T08 (the demo's
    # extension to 31-12-2027) ran then: those are ticked, the ended ones cannot be.
    assert (demo_dialog.start.text(), demo_dialog.end.text()) == ("01-01-2025", "31-12-2025")
    assert demo_dialog.chosen_trials() == ["T06", "T08"]
    t07 = _item(demo_dialog, "T07")
    assert (
        t07.text() == "T07 Indsatsplan uden 6-måneders justering (forsøget 01-07-2018 – 31-12-2021) – uden for perioden"
    )
    assert not t07.flags() & Qt.ItemFlag.ItemIsEnabled
    assert t07.toolTip().startswith("Perioden 01-01-2025 – 31-12-2025 ligger efter forsøg T07 sluttede (31-12-2021)")
    # Every caseworker's figures: each ticked trial (one caseworker's leave out those without her cases).
    demo_dialog.caseworker.setCurrentText("Alle sagsbehandlere")
    assert demo_dialog.compute()
    assert message_boxes.calls == []
    tops = [demo_dialog.tree.topLevelItem(i).text(0)[:3] for i in range(demo_dialog.tree.topLevelItemCount())]
    assert tops == ["T06", "T08"]


def test_the_ticks_follow_the_period_and_keep_the_users_choice(demo_dialog, message_boxes):
    from PySide6.QtCore import Qt

    demo_dialog.start.set_date(date(2021, 1, 1))
    demo_dialog.end.set_date(date(2021, 12, 31))
    # 2021: every trial with demo cases that ran then (T16, T18, T19 ended in 2015).
    assert demo_dialog.chosen_trials() == ["T04", "T05", "T06", "T07", "T08", "T09", "T12", "T15"]
    _item(demo_dialog, "T08").setCheckState(Qt.CheckState.Unchecked)
    demo_dialog.start.set_date(date(2021, 12, 1))
    demo_dialog.end.set_date(date(2025, 12, 31))
    assert "T08" not in demo_dialog.chosen_trials()  # still inside the period: the user's untick stands
    assert "T07" in demo_dialog.chosen_trials()
    demo_dialog.caseworker.setCurrentText("Alle sagsbehandlere")  # every trial ticked is shown
    assert demo_dialog.compute()
    assert message_boxes.calls == []
    # T06 ran the whole period (to 31-12-2025); the others ended before its end.
    assert demo_dialog.summary.text().endswith(
        " For T04, T05, T07, T09, T12 og T15 er perioden afgrænset til forsøgets egen periode "
        "(se »Periode talt for forsøget«)."
    )
    t07 = next(
        demo_dialog.tree.topLevelItem(i)
        for i in range(demo_dialog.tree.topLevelItemCount())
        if demo_dialog.tree.topLevelItem(i).text(0).startswith("T07")
    )
    scope = _find(t07, "Periode talt for forsøget")
    assert scope.text(1) == "01-12-2021 – 31-12-2021"
    assert scope.text(2).startswith("Perioden er afgrænset til forsøgets periode 01-07-2018 – 31-12-2021")
    # The demo's T07 cases all began in 2025-2026, under the ordinary rule: none in the trial.
    assert _find(t07, "Borgere i forsøget i perioden").text(1) == "0"


@pytest.fixture
def three_t08(tmp_path):
    """Kim's, Lis's and one T08 case without a caseworker (tests/cli/test_report_unassigned.py)."""
    from caseworker_app.store import CaseStore
    from tests.cli.test_report_unassigned import _build

    QApplication.instance() or QApplication([])
    _build(tmp_path / "tre.db")
    store = CaseStore(tmp_path / "tre.db", clock=lambda: date(2022, 3, 1))
    dlg = EvaluationDialog(store, today=lambda: date(2022, 3, 1))
    dlg.start.set_date(date(2020, 1, 1))
    dlg.end.set_date(date(2021, 12, 31))
    yield dlg
    dlg.deleteLater()
    store.close()


def test_a_caseworkers_figures_say_the_case_without_caseworker_is_left_out_every_caseworkers_count_it(
    three_t08, message_boxes
):
    three_t08.caseworker.setCurrentText("Kim")
    assert three_t08.compute(), message_boxes.calls
    assert three_t08.summary.text().endswith(
        "1 sag uden sagsbehandler i perioden er ikke med i tallene: de tælles kun i rapporten for alle sagsbehandlere."
    )
    t08 = three_t08.tree.topLevelItem(0)
    assert _find(t08, "Borgere i forsøget i perioden").text(1) == "1"
    left_out = _find(t08, "Sager uden sagsbehandler (ikke med i tallene)")
    assert left_out.text(1) == "1"
    assert [left_out.child(i).text(0) for i in range(left_out.childCount())] == ["Sag 2018-0303"]
    # Every caseworker's figures count it, once, and say nothing of cases left out.
    three_t08.caseworker.setCurrentText("Alle sagsbehandlere")
    assert three_t08.compute(), message_boxes.calls
    assert "uden sagsbehandler" not in three_t08.summary.text()
    t08 = three_t08.tree.topLevelItem(0)
    assert _find(t08, "Borgere i forsøget i perioden").text(1) == "3"
    assert _find(t08, "Sager uden sagsbehandler (ikke med i tallene)") is None


def test_a_caseworkers_figures_leave_out_the_trials_without_her_cases_and_name_them(demo_dialog, message_boxes):
    # 2025: T06 and T08 are ticked (both have demo cases); Anne Jensen's are all T08 cases.
    demo_dialog.caseworker.setCurrentText("Anne Jensen")
    assert demo_dialog.compute(), message_boxes.calls
    tops = [demo_dialog.tree.topLevelItem(i).text(0)[:3] for i in range(demo_dialog.tree.topLevelItemCount())]
    assert tops == ["T08"]
    assert demo_dialog.summary.text() == (
        "Periode 01-01-2025 – 31-12-2025 · Anne Jensen · 60 minutter pr. opfølgning. Åbn et tal for at se "
        "sagerne bag det (FASIT-sagsnumre). Sager uden sagsbehandler: ingen i perioden. Ingen sager i: T06."
    )
    # Beregn opens the figures, which have the window's height below the choices' own tab.
    assert demo_dialog.tabs.currentWidget() is demo_dialog.tree
    # Every caseworker's report keeps every trial (the evaluation asks for each) and names none.
    demo_dialog.caseworker.setCurrentText("Alle sagsbehandlere")
    assert demo_dialog.compute(), message_boxes.calls
    tops = [demo_dialog.tree.topLevelItem(i).text(0)[:3] for i in range(demo_dialog.tree.topLevelItemCount())]
    assert tops == ["T06", "T08"]
    assert "Ingen sager i" not in demo_dialog.summary.text()


def test_a_caseworkers_report_with_nothing_to_count_is_refused_and_not_saved(demo_dialog, message_boxes, tmp_path):
    # Anne Jensen has no T06 case in 2025: with only T06 ticked her report would be empty.
    demo_dialog.caseworker.setCurrentText("Anne Jensen")
    for i in range(demo_dialog.trials.count()):
        item = demo_dialog.trials.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) == "T06"
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    pdf = tmp_path / "anne.pdf"
    assert not demo_dialog.save_pdf(pdf)
    assert not pdf.exists()
    assert demo_dialog.summary.text() == (
        "Anne Jensen har ingen sager i perioden 01-01-2025 – 31-12-2025 i de valgte forsøg (T06). Vælg en "
        "anden periode eller andre forsøg, eller lav rapporten for alle sagsbehandlere."
    )
    assert demo_dialog.tabs.currentIndex() == 0  # the choices, to choose again


def test_the_figures_show_more_than_a_handful_of_rows_on_a_laptop(demo_dialog, message_boxes):
    # 1366×768 at 150 %: about 911×440 for the window. The figures had five rows under the choices.
    demo_dialog.resize(911, 440)
    demo_dialog.show()
    demo_dialog.caseworker.setCurrentText("Anne Jensen")
    assert demo_dialog.compute(), message_boxes.calls
    QApplication.processEvents()
    tree = demo_dialog.tree
    row_height = tree.visualItemRect(tree.topLevelItem(0)).height()
    assert tree.viewport().height() // row_height >= 15
