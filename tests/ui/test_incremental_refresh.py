"""A change the window made patches that case's rows alone; nothing written, nothing done.

The truth check: after each change, the Frister tree (groups with counts, every row), the Sager
list, the scope lines and the status bar equal what a fresh window over the same database shows.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from caseworker_app.ui.mainwindow import MainWindow, Tab
from caseworker_app.ui.overview import CaseColumn, DeadlineColumn
from tests.ui.conftest import TODAY
from tests.ui.model_check import assert_no_model_failures, watch_model
from tests.ui.windows import demo_store

SIGNALS = ("modelReset", "rowsInserted", "rowsRemoved", "dataChanged", "layoutChanged")


@pytest.fixture
def demo(tmp_path):
    store = demo_store(tmp_path)
    yield store
    store.close()


def open_window(qtbot, store, tmp_path, name="vindue"):
    window = MainWindow(
        store, today=lambda: TODAY, settings=QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.case_list_current)  # the Sager list comes after Frister's first paint
    return window


def tree_rows(window) -> list:
    """Every group title and, under it, every row's cells, as the Frister tab shows them."""
    model = window.deadline_model
    shown = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        shown.append(model.data(parent))
        for row in range(model.rowCount(parent)):
            shown.append(tuple(model.data(model.index(row, c, parent)) for c in range(DeadlineColumn.REASON + 1)))
    return shown


def case_rows(window) -> list:
    model = window.case_model
    return [
        tuple(model.data(model.index(row, c)) for c in range(CaseColumn.WHAT + 1)) for row in range(model.rowCount())
    ]


def screen(window) -> dict:
    return {
        "frister": tree_rows(window),
        "sager": case_rows(window),
        "frister_scope": window.deadline_scope.text(),
        "sager_scope": window.case_scope.text(),
        "status": window.status_counts.text(),
        # Shown or hidden by the window, whichever tab is in front (the trial-end banner is Frister's).
        "problems": not window.problems_banner.isHidden() and window.problems_banner.text(),
        "trial_end": not window.trial_end_banner.isHidden() and window.trial_end_banner.text(),
    }


def assert_as_fresh(qtbot, window, store, tmp_path) -> None:
    """The window shows what a new window over the same database shows, row by row."""
    fresh_store = type(store)(store.path, clock=lambda: TODAY)
    try:
        fresh = open_window(qtbot, fresh_store, tmp_path, name="frisk")
        fresh.search_box.setText(window.search_box.text())
        fresh.deadline_search.setText(window.deadline_search.text())
        assert screen(window) == screen(fresh)
        fresh.close()
    finally:
        fresh_store.close()


class Signals:
    """Which signals each of the window's two models emitted (and for which rows)."""

    def __init__(self, window):
        self.seen: list[tuple[str, str]] = []
        for name, model in (("frister", window.deadline_model), ("sager", window.case_model)):
            for signal in SIGNALS:
                getattr(model, signal).connect(lambda *args, n=name, s=signal: self.seen.append((n, s)))

    def of(self, kind: str) -> list[str]:
        return [signal for name, signal in self.seen if name == kind]


@pytest.fixture
def watched(qtbot, demo, tmp_path, qtlog):
    window = open_window(qtbot, demo, tmp_path)
    testers = [watch_model(window.deadline_model), watch_model(window.case_model)]  # kept for the test
    yield window
    del testers
    assert_no_model_failures(qtlog)


def t08_case(store, window):
    """An active T08 case whose deadline the Frister tab shows (the caseworker's own)."""
    return next(
        c
        for c in store.list_cases()
        if c.trial_id == "T08" and c.status == "aktiv" and window.deadline_index(c.id).isValid()
    )


def test_nothing_written_nothing_done(qtbot, watched, demo, tmp_path):
    before = screen(watched)
    signals = Signals(watched)
    watched.refresh()
    watched.refresh()
    assert signals.seen == []
    assert screen(watched) == before


def test_a_followup_patches_that_case_alone(qtbot, watched, demo, tmp_path, dialogs):
    case = t08_case(demo, watched)
    watched.tabs.setCurrentIndex(Tab.CASES)
    watched.case_view.setCurrentIndex(watched.case_model.index_of_case(case.id))
    signals = Signals(watched)

    dialogs.then(lambda dialog: dialog.save_button.click())  # a follow-up today, as the dialog offers
    watched.register_followup()
    assert "modelReset" not in signals.of("frister") + signals.of("sager")
    assert set(signals.of("frister")) <= {"rowsRemoved", "rowsInserted", "dataChanged"}
    assert signals.of("frister")  # the case's deadline moved (or changed in place)
    assert watched.selected_case_id() == case.id  # the caseworker's place kept
    assert_as_fresh(qtbot, watched, demo, tmp_path)


def test_close_and_delete_patch_and_match_a_fresh_window(qtbot, watched, demo, tmp_path):
    case = t08_case(demo, watched)
    signals = Signals(watched)
    demo.close_case(case.id, reason="overgået til uddannelse", day=TODAY)
    watched.refresh()
    assert "modelReset" not in signals.of("frister") + signals.of("sager")
    assert "rowsRemoved" in signals.of("frister")  # a closed case has no deadlines
    assert_as_fresh(qtbot, watched, demo, tmp_path)

    other = t08_case(demo, watched)
    demo.delete_case(other.id, reason="Oprettet ved en fejl")
    watched.refresh()
    assert "modelReset" not in signals.of("frister") + signals.of("sager")
    assert watched.case_model.index_of_case(other.id).isValid() is False
    assert_as_fresh(qtbot, watched, demo, tmp_path)


def test_a_new_case_and_a_changed_date_while_searching(qtbot, watched, demo, tmp_path):
    watched.search_box.setText("a")
    watched.deadline_search.setText("a")
    signals = Signals(watched)
    new_id = demo.create_case(
        citizen="Aase Andersen",
        case_ref="2021-9001",
        trial_id="T08",
        dates={"hire": date(2020, 3, 2)},
        caseworker="Anne Jensen",
    )
    watched.refresh()
    assert watched.case_model.index_of_case(new_id).isValid()
    case = t08_case(demo, watched)
    demo.update_case(case.id, dates={**case.dates, "hire": date(2019, 5, 6)})
    watched.refresh()
    assert "modelReset" not in signals.of("frister") + signals.of("sager")
    assert_as_fresh(qtbot, watched, demo, tmp_path)


def test_another_program_writes_everything_is_read_again(qtbot, watched, demo, tmp_path):
    case = t08_case(demo, watched)
    with sqlite3.connect(demo.path) as other:  # the command line, say
        other.execute("UPDATE cases SET citizen = ? WHERE id = ?", ("Åge Ørum", case.id))
    signals = Signals(watched)
    watched.refresh()
    assert "modelReset" in signals.of("frister")
    qtbot.waitUntil(watched.case_list_current)  # Sager: after the paint of the new content
    assert "modelReset" in signals.of("sager")
    assert_as_fresh(qtbot, watched, demo, tmp_path)


NEEDLES = st.text(alphabet="aeinrs0123-", max_size=5)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.lists(NEEDLES, min_size=1, max_size=6))
def test_a_growing_search_narrows_to_what_a_fresh_search_shows(qtbot, demo, tmp_path, typed):
    window = open_window(qtbot, demo, tmp_path)
    fresh = open_window(qtbot, demo, tmp_path, name="frisk")
    for text in typed:  # each text typed key by key, as a caseworker does (the box keeps its text)
        for end in range(len(text) + 1):
            window.search_box.setText(text[:end])
            window.deadline_search.setText(text[:end])
        fresh.search_box.setText("")
        fresh.deadline_search.setText("")
        fresh.search_box.setText(text)
        fresh.deadline_search.setText(text)
        assert screen(window) == screen(fresh)
    window.search_box.setText("")
    window.deadline_search.setText("")
    fresh.search_box.setText("")
    fresh.deadline_search.setText("")
    assert screen(window) == screen(fresh)
    window.close()
    fresh.close()


# A caseworker's keys in both search boxes: a letter typed, the last one deleted, a text pasted over
# it, the box cleared, or another caseworker chosen in both lists (an index into their choices).
KEYSTROKES = st.lists(
    st.one_of(
        st.tuples(st.just("type"), st.sampled_from("aeinrs0123-")),
        st.tuples(st.just("delete"), st.just("")),
        st.tuples(st.just("paste"), NEEDLES),
        st.tuples(st.just("clear"), st.just("")),
        st.tuples(st.just("caseworker"), st.integers(0, 5)),
    ),
    min_size=1,
    max_size=7,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=KEYSTROKES)
@example(  # Louise Holm's list searched, then everyone's: a text pasted, a letter typed and deleted, cleared
    keys=[
        ("type", "e"),
        ("caseworker", 2),
        ("type", "n"),
        ("caseworker", 1),
        ("paste", "2018"),
        ("delete", ""),
        ("clear", ""),
    ]
)
def test_typing_deleting_pasting_and_clearing_show_what_a_new_window_searching_once_shows(qtbot, demo, tmp_path, keys):
    # Each search looks among the rows of an earlier one (core.search_narrowing): after every key
    # the lists, counts and lines are those of a new window given the same text and caseworkers.
    window = open_window(qtbot, demo, tmp_path)
    text = ""
    for action, value in keys:
        if action == "caseworker":
            for choice in (window.caseworker_filter, window.deadline_caseworker):
                choice.setCurrentIndex(value % choice.count())
        else:
            text = {"type": text + str(value), "delete": text[:-1], "paste": str(value), "clear": ""}[action]
            window.search_box.setText(text)
            window.deadline_search.setText(text)
        fresh = open_window(qtbot, demo, tmp_path, name="frisk")
        fresh.caseworker_filter.setCurrentIndex(window.caseworker_filter.currentIndex())
        fresh.deadline_caseworker.setCurrentIndex(window.deadline_caseworker.currentIndex())
        fresh.search_box.setText(text)
        fresh.deadline_search.setText(text)
        assert screen(window) == screen(fresh)
        fresh.close()
    window.close()


def test_back_in_front_the_window_shows_what_another_copy_saved(qtbot, watched, demo, tmp_path):
    case = t08_case(demo, watched)
    other_window = open_window(qtbot, demo, tmp_path, name="andet")  # the caseworker goes elsewhere
    other_window.activateWindow()
    qtbot.waitUntil(other_window.isActiveWindow)
    with sqlite3.connect(demo.path) as other:  # another copy of the program, or the command line
        other.execute("UPDATE cases SET citizen = ? WHERE id = ?", ("Åge Ørum", case.id))

    watched.activateWindow()  # back in front: no F5 needed
    qtbot.waitUntil(watched.isActiveWindow)

    qtbot.waitUntil(watched.case_list_current)
    assert_as_fresh(qtbot, watched, demo, tmp_path)
    other_window.close()


def test_a_database_that_cannot_be_read_on_activation_is_told_once_in_the_status_bar(
    qtbot, watched, demo, tmp_path, monkeypatch, message_boxes
):
    from caseworker_app.store import StoreError

    other_window = open_window(qtbot, demo, tmp_path, name="andet")
    calls = []

    def lost(*_args):  # a network drive gone: every read fails
        calls.append(1)
        raise StoreError("Databasen kunne ikke bruges (disk I/O error)")

    monkeypatch.setattr(watched._book, "update", lost)
    for _ in range(3):  # back and forth, as after each message box on Windows
        other_window.activateWindow()
        qtbot.waitUntil(other_window.isActiveWindow)
        watched.activateWindow()
        qtbot.waitUntil(watched.isActiveWindow)

    assert len(calls) == 1  # tried once, not again at every activation
    assert message_boxes.calls == []  # no box: closing it would activate the window again
    assert (
        watched.statusBar()
        .currentMessage()
        .startswith("Databasen kunne ikke læses, da vinduet kom frem igen – vælg Vis › Opdater (F5) for at prøve igen.")
    )
    other_window.close()
