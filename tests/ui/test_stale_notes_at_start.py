"""A new program version that ships a changed trial file: at the next start, once the cases are
painted, the caseworker is told which copied notes now state another deadline (the box "Ret
journalnotater i FASIT", core/note_staleness.py stale_notes), once; a start with the catalog
unchanged checks no note (core/note_catalog.py, ui/stale_notes.py tell_stale_notes_after_update)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from caseworker_app import logs, paths
from caseworker_app.core.notes import render_note
from caseworker_app.store import CaseStore
from caseworker_app.store.overrides_store import shipped_catalog
from caseworker_app.ui import stale_notes
from caseworker_app.ui.app import run_window
from caseworker_app.ui.mainwindow import MainWindow

NOTE_DAY = date(2025, 6, 2)
GIVE_UP_MS = 20_000
# What the new version ships for T08 (ended 31-12-2025): an extension to 31-12-2026, decided in time.
EXTENSION = """[[period.extensions]]
decided = 2025-11-20
end = 2026-12-31
source = "Testbekendtgørelse om forlængelse (TEST)"
basis = "Testbekendtgørelse om forlængelse (TEST)"

[[citations]]"""


@pytest.fixture
def shipped(monkeypatch, tmp_path):
    """The program's resources in a folder of the test's own, whose trial files a 'new version' edits."""
    folder = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), folder)
    monkeypatch.setattr(paths, "resources_dir", lambda: folder)
    shipped_catalog.cache_clear()
    yield folder / "trials"
    shipped_catalog.cache_clear()


def new_version(trials) -> None:
    """The next version's T08.toml: the extension added; the catalog is read anew by the next start."""
    t08 = trials / "T08.toml"
    text = t08.read_text(encoding="utf-8")
    assert text.count("[[citations]]") == 1
    t08.write_text(text.replace("[[citations]]", EXTENSION), encoding="utf-8")
    shipped_catalog.cache_clear()


def copied_notes(db) -> None:
    """Two T08 cases (hired 01-01-2024), a follow-up each and its note copied on 02-06-2025, as the
    program of that day wrote and kept them; the program then started once (the notes checked)."""
    with CaseStore(db, clock=lambda: NOTE_DAY) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Test", "Kommune"
        store.save_settings(settings)
        for ref, held in (("L-101", date(2025, 3, 1)), ("L-102", date(2025, 5, 20))):
            case_id = store.create_case(
                citizen=f"Borger {ref}", case_ref=ref, trial_id="T08", dates={"hire": date(2024, 1, 1)}
            )
            store.add_event(case_id, day=held, kind="followup")
            text = render_note(
                store.catalog()["T08"],
                store.get_case(case_id),
                "opfoelgning",
                note_date=NOTE_DAY,
                caseworker="Test",
                municipality="Kommune",
                free_text="Resumé",
                confirmed=("frist_kontrolleret",),  # the ordinary rule is checked only to 26-08-2021
            )
            # T08 ends 31-12-2025: 01-03-2025 + 2½ years = 01-09-2027 is after it, so the ordinary
            # rule governs: 01-03-2025 + 12 months = 01-03-2026 (L-102: 20-05-2025 + 12 = 20-05-2026).
            assert f"senest {'01-03-2026' if ref == 'L-101' else '20-05-2026'}" in text
            store.add_journal_note(case_id, situation="opfoelgning", text=text, day=NOTE_DAY)
        store.notes_checked()  # that version's start checked them against its catalog


@pytest.fixture
def start(monkeypatch, tmp_path, qapp):
    """run_window until the start's check of the copied notes has run; what it returned, per start."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))
    told: list = []
    check = stale_notes.tell_stale_notes_after_update

    def check_then_end(parent, store):
        told.append(check(parent, store))
        QTimer.singleShot(0, lambda: QApplication.exit(0))

    monkeypatch.setattr(stale_notes, "tell_stale_notes_after_update", check_then_end)
    logs.teardown_logging()

    def run(db):
        told.clear()
        give_up = QTimer()  # a start whose check never runs ends (code 2), never hangs; then stopped
        give_up.setSingleShot(True)
        give_up.timeout.connect(lambda: QApplication.exit(2))
        give_up.start(GIVE_UP_MS)
        try:
            code = run_window(db)
        finally:
            give_up.stop()
        assert code == 0, "the start's check of the copied notes did not run"
        return told[-1]

    yield run
    logs.teardown_logging()


def test_a_shipped_extension_is_told_at_the_next_start_once(tmp_path, shipped, start):
    db = tmp_path / "sager.db"
    copied_notes(db)
    new_version(shipped)

    box = start(db)

    assert box is not None and box.windowTitle() == "Ret journalnotater i FASIT"
    assert box.text().startswith(
        "Denne version af programmet har ændringer i forsøgskataloget for T08.\n\n"
        "Journalnotater, der allerede er kopieret til FASIT, siger nu en anden frist eller hjemmel end vinduet "
        "i 2 sager: L-101 og L-102."
    )
    # T08 now ends 31-12-2026: the ordinary rule's 01-03-2026 falls inside it while the trial's own
    # 01-09-2027 falls after, so the deadline is the day after the end (decision 3): 01-01-2027.
    # L-102 likewise: 20-05-2026 inside the trial, so 01-01-2027.
    assert box.detailedText().splitlines() == [
        "L-101 (Borger L-101): notatet 02-06-2025 siger fristen 01-03-2026, vinduet viser nu 01-01-2027",
        "L-102 (Borger L-102): notatet 02-06-2025 siger fristen 20-05-2026, vinduet viser nu 01-01-2027",
    ]
    assert start(db) is None  # told once: the next start does not tell it again


def test_a_start_with_the_catalog_unchanged_checks_no_note(tmp_path, shipped, start, monkeypatch):
    db = tmp_path / "sager.db"
    copied_notes(db)

    def no_check(*_args):
        raise AssertionError("the copied notes were checked though no trial changed")

    monkeypatch.setattr(CaseStore, "stale_notes", no_check)
    assert start(db) is None


def test_a_database_that_never_kept_the_catalog_has_its_notes_checked_once(tmp_path, shipped, start):
    """A database from before this check: its copied notes checked against this version's catalog
    at the first start, told when stale, then not again."""
    db = tmp_path / "sager.db"
    copied_notes(db)
    with CaseStore(db) as store:
        store._parts.db.connection().execute("DELETE FROM app_state WHERE key = 'notes_checked_catalog'")
        store._parts.db.connection().commit()
    new_version(shipped)

    box = start(db)

    assert box is not None
    assert box.text().startswith(
        "Journalnotaterne er kontrolleret mod forsøgskataloget i denne version af programmet.\n\n"
        "Journalnotater, der allerede er kopieret til FASIT, siger nu en anden frist eller hjemmel end vinduet "
        "i 2 sager: L-101 og L-102."
    )
    assert start(db) is None


def test_the_check_is_not_made_before_the_cases_are_painted(tmp_path, shipped, monkeypatch, qtbot):
    """The window's own start (MainWindow.open_store) makes no check: it waits for the paint (ui/app.py)."""
    db = tmp_path / "sager.db"
    copied_notes(db)
    new_version(shipped)
    monkeypatch.setattr(CaseStore, "catalog_change", lambda self: pytest.fail("checked while opening"))
    with CaseStore(db) as store:
        window = MainWindow(store, today=lambda: NOTE_DAY)
        qtbot.addWidget(window)
