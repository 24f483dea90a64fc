"""Start-up as a caseworker sees it: the window is on screen at once and the cases follow; a
database that cannot be opened gives a Danish message and exit code 1, never a vanishing window."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from caseworker_app import logs
from caseworker_app.core.terms import CatalogError
from caseworker_app.store import CaseStore
from caseworker_app.ui.after_paint import AfterPaint
from caseworker_app.ui.app import run_window
from caseworker_app.ui.mainwindow import MainWindow, Tab


def add_t08(store: CaseStore, citizen: str, case_ref: str) -> int:
    return store.create_case(citizen=citizen, case_ref=case_ref, trial_id="T08", dates={"hire": date(2018, 8, 31)})


def test_window_without_store_waits_then_shows_the_cases(qtbot, store, today):
    add_t08(store, "Jens Hansen", "2021-1001")
    add_t08(store, "Ida Berg", "2021-1002")
    window = MainWindow(today=today)
    qtbot.addWidget(window)
    window.show()

    # Before the database is read: a message, and nothing that needs the cases can be started.
    assert window.store is None
    assert window.status_counts.text() == "Henter sager og beregner frister …"
    for action in (
        window.new_case_action,
        window.register_action,
        window.print_calendar_action,
        window.export_ics_action,
        window.settings_action,
    ):
        assert not action.isEnabled()
    assert window.search_action.isEnabled()
    assert not window.missed_banner.isVisible() and not window.trial_end_banner.isVisible()
    # What a quick user does meanwhile: opens the trial catalog, types a search.
    window.tabs.setCurrentIndex(Tab.TRIALS)
    window.search_box.setText("hansen")
    assert window.trials_view is None

    window.open_store(store)

    assert window.new_case_action.isEnabled()
    assert window.trials_view is not None  # the tab that was open got built
    assert sorted(item.case.citizen for item in window.deadline_items) == ["Ida Berg", "Jens Hansen"]
    assert {item.deadline.legal_due for item in window.deadline_items} == {date(2021, 2, 28)}
    # The search typed before the cases came is applied to them.
    window.tabs.setCurrentIndex(Tab.CASES)
    assert window.case_model.rowCount() == 1
    assert window.case_model.case_at(window.case_model.index(0, 0)).citizen == "Jens Hansen"
    assert str(store.path) in window.status_path.text()


def test_a_database_that_cannot_be_opened_is_explained(tmp_path, message_boxes, qapp):
    damaged = tmp_path / "sager.db"
    damaged.write_bytes(b"dette er ikke en database" * 100)

    code = run_window(damaged)

    assert code == 1
    assert message_boxes.calls == [
        (
            "critical",
            "Databasen kan ikke åbnes",
            f"Filen {damaged} er ikke en SQLite-database, så den kan ikke være en sagsdatabase. Den kan ikke "
            "åbnes, og filen er ikke ændret.\n\nDer er ingen sikkerhedskopi, der kan gendannes, i mappen "
            f"{tmp_path / 'sikkerhedskopier'}. Kontakt IT, før du starter programmet igen.",
        )
    ]
    assert damaged.read_bytes() == b"dette er ikke en database" * 100  # left as it was


def test_a_database_that_cannot_be_written_is_explained_with_the_window_s_advice(tmp_path, message_boxes, qapp):
    drive = tmp_path / "H"
    drive.write_text("en fil, hvor mappen skulle være")  # as a network drive that is not connected

    assert run_window(drive / "sager.db") == 1

    [(kind, title, text)] = message_boxes.calls
    assert (kind, title) == ("critical", "Databasen kan ikke åbnes")
    advice, technical = text.split("\n\n")
    assert advice == (
        f"Databasen {drive / 'sager.db'} kan ikke åbnes eller skrives. Kontrollér, at mappen {drive} findes "
        "(fx at netværksdrevet er forbundet), og at du har lov at skrive i den; spørg ellers IT."
    )
    assert technical.startswith("Teknisk oplysning til IT: ")  # the system's words, last


def test_a_trial_file_that_cannot_be_read_is_explained(tmp_path, message_boxes, monkeypatch, qapp):
    def broken_catalog(self):
        raise CatalogError("T08.toml: feltet 'rules' mangler")

    monkeypatch.setattr(CaseStore, "catalog", broken_catalog)

    code = run_window(tmp_path / "sager.db")

    assert code == 1
    assert message_boxes.calls == [("critical", "Forsøgskataloget kan ikke læses", "T08.toml: feltet 'rules' mangler")]


def test_an_unexpected_error_while_loading_is_explained_and_ends_the_program(tmp_path, monkeypatch, capsys, qapp):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the log folder on Linux
    db = tmp_path / "sager.db"
    store = CaseStore(db)
    add_t08(store, "Jens Hansen", "2021-1001")
    store.close()

    # A date in the wrong format is now a case that cannot be computed (issue 12), no longer
    # unexpected: a bug is simulated instead, its message holding a name.
    def bug(self, *args, **kwargs):
        raise ValueError("Jens " + "Hansen")  # built here: the source line is logged, not the text

    from caseworker_app.ui.mainwindow import MainWindow

    monkeypatch.setattr(MainWindow, "open_store", bug)

    try:
        code = run_window(db)
    finally:
        logs.teardown_logging()

    assert code == 1
    assert "Der opstod en uventet fejl i programmet" in capsys.readouterr().err
    [log] = (tmp_path / "state").rglob("opfoelgningsfrister.log")
    text = log.read_text(encoding="utf-8")
    assert "ValueError" in text
    assert "Jens Hansen" not in text


def program_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a real start that reports its paints and keeps its files in tmp_path."""
    return {
        **os.environ,
        "CASEWORKER_EXIT_WHEN_SHOWN": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LOCALAPPDATA": str(tmp_path / "state"),  # Windows: the log is found under it as here
    }


def test_the_program_paints_its_window_before_the_cases_and_logs_after(tmp_path):
    db = tmp_path / "sager.db"
    store = CaseStore(db)
    add_t08(store, "Jens Hansen", "2021-1001")
    store.close()
    env = program_env(tmp_path)

    result = subprocess.run(
        [sys.executable, "-m", "caseworker_app", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["window", "shown"]
    [log] = Path(tmp_path / "state").rglob("opfoelgningsfrister.log")
    text = log.read_text(encoding="utf-8")
    assert "startet" in text
    assert "Jens Hansen" not in text
    # Today's automatic copy is written too (after the cases are painted: the next test).
    assert len(list((tmp_path / "sikkerhedskopier").glob("*.db"))) == 1


# Run in a new process: what the start has loaded when the empty window has been painted.
_LOADED_AT_FIRST_PAINT = """
import sys
import PySide6.QtCore
import caseworker_app.ui.app as app

shown = app._report
def report(what, **kwargs):
    if what == "window":
        qt_namespace = "Qt" in vars(PySide6.QtCore)  # PySide builds it (and its enums) on first use
        later = ("sqlite3", "caseworker_app.store", "caseworker_app.core.catalog")
        heavy = sorted(m for m in later if m in sys.modules)
        print("loaded:", qt_namespace, heavy, flush=True)
    return shown(what, **kwargs)
app._report = report
from caseworker_app.ui.mainwindow import MainWindow

open_store = MainWindow.open_store
def opened(self, store):
    open_store(self, store)  # the cases are read and computed; their paint comes next
    print("before the cases' paint:", sorted(m for m in sys.modules if m.startswith("caseworker_app.store.backup")))
MainWindow.open_store = opened
from caseworker_app.cli.entry import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def test_the_first_paint_waits_for_nothing_the_empty_window_does_not_need(tmp_path):
    # Qt's `Qt` namespace (~19 ms: a hundred enums), the store and the engine are loaded after the
    # window is on screen (ui/app.py run_window, ui/mainwindow/window.py); an import at the top of
    # a module the window needs for its first paint moves them before it.
    db = tmp_path / "sager.db"
    CaseStore(db).close()  # an everyday start: a first start (no file) looks for copies to offer first
    result = subprocess.run(
        [sys.executable, "-c", _LOADED_AT_FIRST_PAINT, str(db)],
        capture_output=True,
        text=True,
        env=program_env(tmp_path),
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "loaded: False []" in result.stdout.splitlines()
    # Nor do the backups' modules come before the cases are painted (today's copy is made after).
    assert "before the cases' paint: []" in result.stdout.splitlines()


# Run in a new process: what an empty database's start has built when its welcome is painted.
_BUILT_AT_THE_WELCOME = """
import sys
import PySide6.QtCore
import PySide6.QtGui
import PySide6.QtWidgets
import caseworker_app.ui.app as app

shown = app._report
def report(what, **kwargs):
    if what == "shown":
        window = next(w for w in PySide6.QtWidgets.QApplication.topLevelWidgets() if hasattr(w, "welcome_shown"))
        types = (("Qt", PySide6.QtCore), ("QStyle", PySide6.QtWidgets))
        types += (("QGradient", PySide6.QtGui), ("QImage", PySide6.QtGui))
        built = sorted(n for n, m in types if n in vars(m))
        print("welcome:", window.welcome_shown(), "built:", built, flush=True)
        print("dateutil:", "dateutil" in sys.modules, flush=True)
    return shown(what, **kwargs)
app._report = report
from caseworker_app.cli.entry import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def test_an_empty_database_paints_its_welcome_without_the_lists_qt_enums(tmp_path):
    # A new caseworker's first start shows the welcome, not the lists: their titles, flags, sorting
    # and column fit build Qt's `Qt` namespace and QStyle's enums (~35 ms of PySide's work), so they
    # wait until a list is shown (ui/mainwindow deadlines_tab._show_deadline_model, cases_tab._show_case_model).
    db = tmp_path / "sager.db"
    store = CaseStore(db)
    settings = store.settings()
    settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"  # not asked
    store.save_settings(settings)
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", _BUILT_AT_THE_WELCOME, str(db)],
        capture_output=True,
        text=True,
        env=program_env(tmp_path),
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "welcome: True built: []" in result.stdout.splitlines()


def test_an_overdue_deadline_is_painted_red_without_the_brush_types_pyside_would_build(tmp_path):
    # Its colour is a solid QBrush made by its setters (ui/colours.py _solid): QBrush(colour) made
    # PySide build QGradient's and QImage's Python types and enums to choose a constructor (~8 ms).
    db = tmp_path / "sager.db"
    store = CaseStore(db)
    # Hired 31-08-2018 with no follow-up: the first, 31-08-2018 + 30 months = 28-02-2021, is overdue.
    store.create_case(citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)})
    settings = store.settings()
    settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
    store.save_settings(settings)
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", _BUILT_AT_THE_WELCOME, str(db)],
        capture_output=True,
        text=True,
        env=program_env(tmp_path),
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "welcome: False built: ['QStyle', 'Qt']" in result.stdout.splitlines()  # the list, fitted
    # Nor is dateutil imported to compute it (~7 ms): core/workdays.py add() does without it.
    assert "dateutil: False" in result.stdout.splitlines()


def test_todays_backup_is_written_after_the_cases_are_painted(tmp_path, monkeypatch, qapp):
    """The copy (a 60 MB database takes a while) waits until the caseworker sees the cases."""
    from caseworker_app.ui import backup_dialog

    db = tmp_path / "sager.db"
    with CaseStore(db) as store:
        add_t08(store, "Jens Hansen", "2021-1001")
    happened: list[str] = []
    monkeypatch.setattr(backup_dialog, "daily_backup", lambda path, **_: happened.append("backup"))
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: None)
    open_store = MainWindow.open_store

    def open_then_end(self, store):
        open_store(self, store)
        happened.append("cases")
        QTimer.singleShot(300, lambda: QApplication.exit(0))  # exit(), not quit(): see test_first_start

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and happened[-1:] == ["cases"]:
                happened.append("painted")
            return False

    paints = Paints()
    qapp.installEventFilter(paints)
    monkeypatch.setattr(MainWindow, "open_store", open_then_end)
    try:
        assert run_window(db) == 0
    finally:
        qapp.removeEventFilter(paints)
        logs.teardown_logging()
    assert happened[:3] == ["cases", "painted", "backup"]


def run_and_close_soon(db: Path, monkeypatch) -> None:
    """Start the window on db, and close it 300 ms after the cases are read (no first-start dialog)."""
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: None)
    open_store = MainWindow.open_store

    def open_then_end(self, store):
        open_store(self, store)
        QTimer.singleShot(300, lambda: QApplication.exit(0))  # exit(), not quit(): see test_first_start

    monkeypatch.setattr(MainWindow, "open_store", open_then_end)
    try:
        assert run_window(db) == 0
    finally:
        logs.teardown_logging()


def test_the_start_s_copy_is_made_beside_the_window_and_closing_waits_for_it(tmp_path, monkeypatch, qapp):
    """At 100,000 cases the copy takes half a second: the window answers meanwhile, and the copy
    made when the window closes comes only after it (then none is needed: one a day)."""
    import threading
    import time

    from caseworker_app.ui import backup_dialog

    db = tmp_path / "sager.db"
    with CaseStore(db) as store:
        add_t08(store, "Jens Hansen", "2021-1001")
    happened: list[tuple[str, str]] = []

    def slow_copy(path, **_):
        happened.append((threading.current_thread().name, "begun"))
        time.sleep(0.8)
        happened.append((threading.current_thread().name, "done"))

    monkeypatch.setattr(backup_dialog, "daily_backup", slow_copy)
    run_and_close_soon(db, monkeypatch)  # while the copy is still being made
    assert happened == [
        ("daglig-kopi", "begun"),
        ("daglig-kopi", "done"),
        ("MainThread", "begun"),  # the closing copy, after the start's
        ("MainThread", "done"),
    ]


def test_a_start_copy_still_being_made_at_closing_leaves_one_copy_of_an_unchanged_day(tmp_path, monkeypatch, qapp):
    """A quick close (or a slow disk) ends the window while the start's copy still reads the
    database: the store's closing must come after it, or its read connection keeps the -wal and
    the closing makes a second copy of a day nothing changed (CI saw this on a busy machine)."""
    import sqlite3
    import time

    from caseworker_app.store.backup import rotation

    db = tmp_path / "sager.db"
    with CaseStore(db) as store:
        add_t08(store, "Jens Hansen", "2021-1001")
    make_backup = rotation.make_backup

    def slow_copy(path, **kwargs):  # a reader of the database, as the copy is, for 0.8 s
        reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchall()
        time.sleep(0.8)
        try:
            return make_backup(path, **kwargs)
        finally:
            reader.close()

    monkeypatch.setattr(rotation, "make_backup", slow_copy)
    run_and_close_soon(db, monkeypatch)  # while the copy is still being made
    assert len(list((tmp_path / "sikkerhedskopier").glob("*.db"))) == 1


def test_a_start_copy_that_fails_is_written_in_the_log_file(tmp_path, monkeypatch, qapp):
    """The log file is opened after the paint, like the copy: the copy's failure must reach it."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))  # Windows: the log under it
    db = tmp_path / "sager.db"
    with CaseStore(db) as store:
        add_t08(store, "Jens Hansen", "2021-1001")
    (tmp_path / "sikkerhedskopier").write_text("en fil, hvor mappen med kopier skulle være")
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: None)
    open_store = MainWindow.open_store

    def open_then_end(self, store):
        open_store(self, store)
        QTimer.singleShot(300, lambda: QApplication.exit(0))

    monkeypatch.setattr(MainWindow, "open_store", open_then_end)
    logs.teardown_logging()  # this test's own log file
    try:
        assert run_window(db) == 0
        [log] = (tmp_path / "state").rglob("opfoelgningsfrister.log")
        text = log.read_text(encoding="utf-8")
    finally:
        logs.teardown_logging()
    assert text.count("automatic backup failed: StoreError") == 2  # at the start and at closing


def test_after_paint_calls_once_after_the_paint_even_when_the_fallback_comes_later(qtbot):
    label = QLabel("Frister")
    qtbot.addWidget(label)
    calls = []
    AfterPaint(label, lambda: calls.append(label.isVisible()), fallback_ms=1500)
    qtbot.wait(100)
    assert calls == []  # nothing before the widget is painted
    label.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=1000)  # the paint, well before the fallback
    qtbot.wait(1600)  # the fallback time passes: no second call
    assert calls == [True]


def test_after_paint_on_a_shown_window_comes_after_the_paint_of_what_changed_in_it(qtbot):
    """New content in a window on screen is painted in its child widgets, not in a paint of the
    window itself: the wait ends after that, without a filter on the whole application."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("Henter sager …", window)
    label.setAutoFillBackground(True)  # opaque, as a list's viewport: the window under it is not repainted
    QVBoxLayout(window).addWidget(label)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the first paint is over
    painted = []

    class PaintSpy(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                painted.append(label.text())
            return False

    spy = PaintSpy()
    label.installEventFilter(spy)
    calls = []
    AfterPaint(window, lambda: calls.append(list(painted)), fallback_ms=60_000)  # only a paint can end it
    label.setText("12 frister")
    qtbot.waitUntil(lambda: calls != [], timeout=2000)
    assert calls == [["12 frister"]]  # called once, after the label was painted with the new text


def test_after_paint_falls_back_to_a_timer_when_nothing_is_painted(qtbot):
    never_shown = QLabel("Frister")
    qtbot.addWidget(never_shown)
    calls = []
    AfterPaint(never_shown, lambda: calls.append("loaded"), fallback_ms=50)
    qtbot.waitUntil(lambda: calls == ["loaded"], timeout=2000)


def test_the_demo_opens_its_window_and_shows_the_demo_cases(tmp_path):
    env = {**program_env(tmp_path), "TMPDIR": str(tmp_path)}  # the demo database's folder

    result = subprocess.run(
        [sys.executable, "-m", "caseworker_app", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["window", "shown"]
    [demo_db] = tmp_path.glob("opfoelgningsfrister-demo-*/demo.db")
    demo = CaseStore(demo_db)
    assert demo.list_cases()  # written once the window was on screen, then shown in it
    demo.close()


def test_the_sager_list_is_filled_after_frister_is_painted(qtbot, store, today, monkeypatch):
    """Frister is on screen first; the Sager list and the search texts follow on the next turn."""
    from caseworker_app.ui import after_paint

    monkeypatch.setattr(after_paint, "FIRST_PAINT_FALLBACK_MS", 60_000)  # only the paint can fill it
    add_t08(store, "Jens Hansen", "2021-1001")
    add_t08(store, "Ida Berg", "2021-1002")
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    assert window.tabs.currentIndex() == Tab.DEADLINES
    assert len(window.deadline_items) == 2
    assert window.case_model.rowCount() == 0 and not window.case_list_current()
    assert len(window.search_texts) == 0
    window.show()
    qtbot.waitUntil(window.case_list_current, timeout=5000)
    assert sorted(window.case_model.case_at(window.case_model.index(r, 0)).citizen for r in range(2)) == [
        "Ida Berg",
        "Jens Hansen",
    ]
    assert window.case_model.rowCount() == 2
    assert len(window.search_texts) == 2  # made for the first keystroke
    window.deadline_search.setText("berg")
    assert [item.case.citizen for item in window.deadline_model.selection.items] == ["Ida Berg"]


def test_new_content_in_a_shown_window_fills_sager_after_its_paint_not_the_fallback(qtbot, store, today, monkeypatch):
    """A refresh that reads everything again, Frister in front: the waiting Sager list is filled
    once the new content is painted (the window's UpdateRequest), not a minute later."""
    from caseworker_app.ui import after_paint

    monkeypatch.setattr(after_paint, "FIRST_PAINT_FALLBACK_MS", 60_000)  # only the paint can fill it
    add_t08(store, "Jens Hansen", "2021-1001")
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.case_list_current, timeout=2000)
    add_t08(store, "Ida Berg", "2021-1002")
    settings = store.settings()
    settings.warning_days = 45  # every deadline's status depends on it: everything is read again
    store.save_settings(settings)
    window.refresh()
    assert not window.case_list_current()
    qtbot.waitUntil(window.case_list_current, timeout=2000)
    assert window.case_model.rowCount() == 2


def test_a_change_before_the_paint_then_sager_shows_the_case_as_it_is_now(qtbot, store, today):
    jens = add_t08(store, "Jens Hansen", "2021-1001")
    window = MainWindow(store, today=today)  # not shown: nothing painted, the list waits
    qtbot.addWidget(window)
    store.update_case(jens, citizen="Jens Hansen Øster")
    window.refresh()  # a patch of one case while the list is not filled: nothing to patch yet
    assert window.case_model.rowCount() == 0
    window.tabs.setCurrentIndex(Tab.CASES)  # the caseworker clicks Sager: filled at once
    assert window.case_list_current()
    assert [window.case_model.case_at(window.case_model.index(0, 0)).citizen] == ["Jens Hansen Øster"]


def test_sager_keeps_the_chosen_case_over_new_content_that_came_while_frister_was_in_front(qtbot, store, today):
    for number in range(40):
        add_t08(store, f"Borger {number:02d}", f"2021-{number:04d}")
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.resize(900, 500)
    window.show()
    window.tabs.setCurrentIndex(Tab.CASES)
    chosen = window.case_model.index(30, 0)
    window.case_view.setCurrentIndex(chosen)
    window.case_view.scrollTo(chosen)
    scroll = window.case_view.verticalScrollBar().value()
    assert scroll > 0
    window.tabs.setCurrentIndex(Tab.DEADLINES)
    settings = store.settings()
    settings.warning_days = 45  # a setting every deadline's status depends on: everything is read again
    store.save_settings(settings)
    window.refresh()
    assert not window.case_list_current()
    window.tabs.setCurrentIndex(Tab.CASES)
    assert window.case_model.case_at(window.case_view.currentIndex()).citizen == "Borger 30"
    assert window.case_view.verticalScrollBar().value() == scroll


def test_after_paint_waits_again_with_the_same_object(qtbot):
    label = QLabel("Frister")
    qtbot.addWidget(label)
    calls = []
    wait = AfterPaint(label, lambda: calls.append("loaded"), fallback_ms=10)
    qtbot.waitUntil(lambda: calls == ["loaded"], timeout=2000)
    wait.again(fallback_ms=10)
    wait.again(fallback_ms=10)  # still waiting: one call, not two
    qtbot.waitUntil(lambda: calls == ["loaded", "loaded"], timeout=2000)
    qtbot.wait(100)
    assert calls == ["loaded", "loaded"]
    assert len(label.findChildren(AfterPaint)) == 1


def test_new_content_again_and_again_leaves_one_wait_on_the_window(qtbot, store, today):
    add_t08(store, "Jens Hansen", "2021-1001")
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    for day in range(5):  # a setting every deadline depends on: everything is read again
        settings = store.settings()
        settings.warning_days = 20 + day
        store.save_settings(settings)
        window.refresh()
    qtbot.waitUntil(window.case_list_current, timeout=3000)  # the fallback: the window is not shown
    assert len(window.findChildren(AfterPaint)) == 1


def test_a_window_closed_before_its_paint_never_fills_its_list(qtbot, store, today):
    add_t08(store, "Jens Hansen", "2021-1001")
    window = MainWindow(store, today=today)
    window.deleteLater()  # its wait for a paint ends with it (else the fallback would call a deleted window)
    qtbot.wait(1200)  # past the 1 s fallback: no call, no error
