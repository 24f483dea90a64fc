"""Files held open by another program, simulated here as Windows behaves: a file Excel, Outlook or a
virus scanner holds open cannot be replaced, renamed or deleted (PermissionError, "access denied").
An export, a backup and a restore then say so in Danish and leave the old file as it was."""

from __future__ import annotations

import errno
import fnmatch
import logging
import logging.handlers
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from caseworker_app import logs
from caseworker_app.cli import main
from caseworker_app.core import atomic
from caseworker_app.core.atomic import WriteError, atomic_write_bytes
from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.backup import (
    backup_folder,
    list_backups,
    make_backup,
    restore_backup,
    rotate_backups,
)
from tests.demo_facts import DEMO_DEADLINES

TODAY = "2026-11-23"
HIRE = {"hire": date(2024, 5, 26)}
HELD = (
    "filen er måske åben i et andet program (fx Excel eller Outlook), eller den er skrivebeskyttet. "
    "Luk den og prøv igen."
)


class WindowsLocks:
    """Paths another program holds open; os.replace/rename/unlink/remove touching one of them raise
    PermissionError as on Windows. A lock may be let go after a number of refusals."""

    def __init__(self, monkeypatch):
        self.held: dict[Path, int | None] = {}
        self.refusals: list[str] = []
        self.pauses: list[float] = []
        for name in ("replace", "rename"):
            monkeypatch.setattr(os, name, self._guard(getattr(os, name), 2))
        for name in ("unlink", "remove"):
            monkeypatch.setattr(os, name, self._guard(getattr(os, name), 1))
        monkeypatch.setattr(atomic.time, "sleep", self.pauses.append)  # the retries, without waiting

    def hold(self, path: Path, *, refusals: int | None = None) -> None:
        """Hold path open; let go after `refusals` refused operations (None: never). The name may
        be a glob pattern (a temporary file's random name): every file it matches is held."""
        self.held[Path(path).resolve()] = refusals

    def release(self, path: Path) -> None:
        self.held.pop(Path(path).resolve(), None)

    def _guard(self, real, arity):
        def guarded(*args, **kwargs):
            for index, arg in enumerate(args[:arity]):
                key = Path(arg).resolve()
                key = next((held for held in self.held if fnmatch.fnmatchcase(str(key), str(held))), key)
                # A held file exists; a held name that does not is a folder refusing new files.
                if key in self.held and (Path(arg).exists() or index == 1):
                    left = self.held[key]
                    if left is not None and left <= 0:
                        self.release(key)
                        continue
                    if left is not None:
                        self.held[key] = left - 1
                    self.refusals.append(Path(arg).name)
                    raise PermissionError(
                        errno.EACCES,
                        "Processen kan ikke få adgang til filen, fordi den bruges af en anden proces",
                        str(arg),
                    )
            return real(*args, **kwargs)

        return guarded


@pytest.fixture
def locks(monkeypatch):
    return WindowsLocks(monkeypatch)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("held") / "demo.db"
    assert main(["demo", "--db", str(path), "--today", TODAY]) == 0
    return path


@pytest.fixture
def db(tmp_path, demo_db):
    path = tmp_path / "sager.db"
    shutil.copy(demo_db, path)
    return path


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------- exports


def test_an_ics_file_open_in_outlook_is_left_as_it_was_and_the_export_is_not_remembered(capsys, locks, db, tmp_path):
    out = tmp_path / "ud"
    out.mkdir()
    target = out / "frister.ics"
    target.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")  # last week's export
    with CaseStore(db) as store:
        state_before = store.ics_state()
    locks.hold(target)
    code, _, err = run(capsys, "export-ics", "--db", db, target, "--today", TODAY)
    assert code == 1
    assert err == f"caseworker-app: fejl: Kan ikke gemme {target}: {HELD} Den eksisterende fil er uændret.\n"
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert names(out) == ["frister.ics"]  # no temporary file left beside it
    with CaseStore(db) as store:
        assert store.ics_state() == state_before  # the next export does not skip a SEQUENCE
    assert locks.pauses == [0.05, 0.1, 0.2, 0.4]  # tried again for 0.75 s before giving up


@pytest.mark.parametrize("name", ["frister.csv", "frister.xlsx"])
def test_a_spreadsheet_open_in_excel_is_left_as_it_was(capsys, locks, db, tmp_path, name):
    out = tmp_path / "ud"
    out.mkdir()
    target = out / name
    target.write_bytes(b"last week's sheet")
    locks.hold(target)
    code, _, err = run(capsys, "export", "--db", db, target, "--today", TODAY)
    assert code == 1
    assert err == f"caseworker-app: fejl: Kan ikke gemme {target}: {HELD} Den eksisterende fil er uændret.\n"
    assert target.read_bytes() == b"last week's sheet"
    assert names(out) == [name]


def test_a_new_file_in_a_folder_without_write_permission_does_not_claim_an_old_file(locks, tmp_path):
    target = tmp_path / "frister.csv"
    locks.hold(target)  # Windows: access denied for the name in this folder
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(target, b"x")
    assert str(caught.value) == f"Kan ikke gemme {target}: {HELD}"
    assert names(tmp_path) == []


def test_a_virus_scanner_that_lets_go_within_a_moment_does_not_stop_the_export(capsys, locks, db, tmp_path):
    target = tmp_path / "frister.csv"
    target.write_bytes(b"old")
    locks.hold(target, refusals=2)
    code, out, err = run(capsys, "export", "--db", db, target, "--today", TODAY)
    assert (code, err) == (0, "")
    assert out == f"{DEMO_DEADLINES} frister skrevet til {target}\n"
    assert target.read_bytes().startswith(b"\xef\xbb\xbfBorger;")
    assert locks.refusals == ["frister.csv", "frister.csv"] and locks.pauses == [0.05, 0.1]
    assert [name for name in names(tmp_path) if not name.startswith("sager.db")] == ["frister.csv"]


def test_a_target_that_is_a_folder_is_named_as_one(tmp_path):
    (tmp_path / "frister.ics").mkdir()
    with pytest.raises(WriteError, match="det er en mappe"):
        atomic_write_bytes(tmp_path / "frister.ics", b"x")  # Windows would say "access denied"


# ---------------------------------------------------------------- backups


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2026, 11, 23)) as store:
        for i in range(3):
            store.create_case(citizen=f"Borger {i}", case_ref=f"S-{i}", trial_id="T08", dates=HIRE)
    return path


def test_a_backup_whose_copy_the_scanner_holds_for_a_moment_is_made(locks, store_path):
    now = datetime(2026, 11, 23, 9, 0)
    locks.hold(backup_folder(store_path) / ".sager-2026-11-23T090000.db.*.tmp", refusals=1)
    info = make_backup(store_path, now=now)
    assert info.cases == 3 and info.path.name == "sager-2026-11-23T090000.db"
    assert names(backup_folder(store_path)) == ["sager-2026-11-23T090000.db"]
    assert locks.pauses == [0.05]


def test_a_backup_refused_by_windows_is_explained_and_leaves_no_half_copy(locks, store_path):
    now = datetime(2026, 11, 23, 9, 0)
    folder = backup_folder(store_path)
    before = store_path.read_bytes()
    target = folder / "sager-2026-11-23T090000.db"
    locks.hold(target)
    with pytest.raises(StoreError) as caught:
        make_backup(store_path, now=now)
    assert str(caught.value) == (
        f"Sikkerhedskopien {target} kunne ikke gemmes: filen er åben i et andet program, eller du har "
        f"ikke lov at skrive i mappen {folder}. Databasen er ikke ændret."
    )
    assert names(folder) == []  # the temporary copy is gone too
    assert list_backups(store_path) == []
    assert store_path.read_bytes() == before


def test_a_copy_open_in_another_program_is_left_for_the_next_rotation(locks, store_path):
    folder = backup_folder(store_path)
    old = [make_backup(store_path, now=datetime(2026, 10, day, 9, 0)) for day in (1, 2, 3)]
    locks.hold(old[0].path)
    removed = rotate_backups(store_path, (1, 0, 0))
    assert removed == 1  # 02-10 went; 01-10 is held, 03-10 is kept by the rotation
    assert names(folder) == ["sager-2026-10-01T090000.db", "sager-2026-10-03T090000.db"]
    locks.release(old[0].path)
    assert rotate_backups(store_path, (1, 0, 0)) == 1
    assert names(folder) == ["sager-2026-10-03T090000.db"]


def damaged(path: Path) -> bytes:
    data = b"SQLite format 3\x00" + b"\x00" * 100 + b"\x13" * 4000
    path.write_bytes(data)
    return data


def test_a_damaged_database_open_in_another_program_is_not_moved_and_nothing_is_restored(locks, store_path):
    good = make_backup(store_path, now=datetime(2026, 11, 22, 9, 0))
    data = damaged(store_path)
    locks.hold(store_path)
    with pytest.raises(StoreError) as caught:
        restore_backup(store_path, good.path, now=datetime(2026, 11, 23, 10, 0))
    assert str(caught.value) == (
        f"Databasen {store_path} er beskadiget og skal flyttes til mappen {backup_folder(store_path)}, før kopien "
        "kan gendannes, men den kunne ikke flyttes: den er åben i et andet program (fx Opfølgningsfrister i et "
        "andet vindue), eller du har ikke lov at skrive i mappen. Luk programmet, og prøv igen. Intet er ændret."
    )
    assert store_path.read_bytes() == data
    assert names(backup_folder(store_path)) == [good.path.name]


def test_a_damaged_database_whose_wal_is_held_is_put_back_whole(locks, store_path):
    good = make_backup(store_path, now=datetime(2026, 11, 22, 9, 0))
    data = damaged(store_path)
    wal = Path(f"{store_path}-wal")
    wal.write_bytes(b"frames of the damaged database")
    locks.hold(wal)
    with pytest.raises(StoreError, match="Intet er ændret"):
        restore_backup(store_path, good.path, now=datetime(2026, 11, 23, 10, 0))
    # Moved and moved back: restoring beside a stale -wal would replay it into the copy.
    assert store_path.read_bytes() == data and wal.read_bytes() == b"frames of the damaged database"
    assert names(backup_folder(store_path)) == [good.path.name]
    locks.release(wal)
    kept, cases = restore_backup(store_path, good.path, now=datetime(2026, 11, 23, 10, 5))
    assert cases == 3
    assert kept.path.name == "sager-2026-11-23T100500-foer-gendannelse-beskadiget.db"
    assert Path(f"{kept.path}-wal").read_bytes() == b"frames of the damaged database"
    assert not wal.exists()


# ---------------------------------------------------------------- the log


def test_a_log_another_window_holds_open_keeps_logging_when_it_cannot_be_rotated(locks, log_home, capsys):
    path = logs.setup_logging()
    [handler] = [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    handler.maxBytes = 2_000  # rotation is due after a few lines
    locks.hold(path)  # the program's other window writes the same log (Windows: no rename)
    for number in range(40):
        logging.getLogger("caseworker_app.test").info("sag %d gemt", number)
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "sag 0 gemt" in text and "sag 39 gemt" in text  # nothing lost
    assert "Logging error" not in capsys.readouterr().err
    locks.release(path)
    logging.getLogger("caseworker_app.test").info("sag 40 gemt")
    handler.flush()
    assert path.with_name("opfoelgningsfrister.log.1").is_file()  # rotated once it could be
    assert "sag 40 gemt" in path.read_text(encoding="utf-8")
