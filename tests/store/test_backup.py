"""Backups a caseworker can restore (issue 12): checked copies with the backup API, at most one a day,
rotated, restored after keeping the current file, reaching the retention purge; copies read-only."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta

import pytest

from caseworker_app.cli import main
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.backup import (
    OtherDatabaseError,
    auto_backup,
    backup_folder,
    cases_text,
    check_backup,
    kept_by_rotation,
    list_backups,
    make_backup,
    newest_good_backup,
    of_another_database,
    purge_copies,
    remark_text,
    restore_backup,
    rotate_backups,
    size_text,
    when_texts,
)
from tests.damage import damage_the_events_table
from tests.unwritable import unwritable

from .conftest import TODAY
from .test_migrations import make_first_version_database

HIRE = {"hire": date(2024, 5, 26)}


def add_cases(store, count, prefix="S"):
    return [
        store.create_case(citizen=f"Borger {prefix}{i}", case_ref=f"{prefix}-{i}", trial_id="T08", dates=HIRE)
        for i in range(count)
    ]


def case_count(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_is_a_checked_copy_in_the_folder_beside_the_database(store, db_path):
    add_cases(store, 3)
    info = make_backup(db_path, now=datetime(2026, 11, 23, 14, 5))
    assert info.path.parent == db_path.parent / "sikkerhedskopier"
    assert info.path.name == "sager-2026-11-23T140500.db"
    assert info.cases == 3 and check_backup(info.path) is None
    # One plain file: no -wal beside it, nothing left from writing it.
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]
    assert [b.path for b in list_backups(db_path)] == [info.path]


def test_a_backup_sees_writes_still_in_the_wal_and_not_an_open_transaction(store, db_path):
    add_cases(store, 2)  # committed, still in sager.db-wal (the store's connection is open)
    assert (db_path.parent / "sager.db-wal").stat().st_size > 0
    with store.batch():
        add_cases(store, 1, prefix="U")  # not committed while the copy is made
        info = make_backup(db_path)
    assert info.cases == 2


def test_at_most_one_automatic_backup_a_day(store, db_path):
    add_cases(store, 1)
    first = auto_backup(db_path, now=datetime(2026, 11, 23, 8, 0))
    assert first is not None
    assert auto_backup(db_path, now=datetime(2026, 11, 23, 17, 0)) is None  # closing the same day
    assert auto_backup(db_path, now=datetime(2026, 11, 24, 8, 0)) is not None
    assert len(list_backups(db_path)) == 2


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    start = datetime(2025, 1, 1, 9, 0)
    taken = [start + timedelta(days=n) for n in range(400)]
    kept = sorted(kept_by_rotation(taken, 7, 4, 12), reverse=True)
    newest = taken[-1]
    assert kept[:7] == [newest - timedelta(days=n) for n in range(7)]
    # Beyond the daily ones: one a week for 4 weeks, then one a month for 12 months.
    assert len({k.isocalendar()[:2] for k in kept}) >= 4
    assert len({(k.year, k.month) for k in kept}) == 12
    assert min(kept) > newest - timedelta(days=366)
    assert len(kept) <= 7 + 4 + 12


def test_rotate_deletes_the_copies_not_kept(store, db_path):
    add_cases(store, 1)
    for n in range(30):
        make_backup(db_path, now=datetime(2026, 10, 1, 9, 0) + timedelta(days=n))
    assert rotate_backups(db_path, (7, 4, 12)) > 0
    days = sorted(b.taken.date() for b in list_backups(db_path))
    assert days[-7:] == [date(2026, 10, 24) + timedelta(days=n) for n in range(7)]
    assert len(days) <= 7 + 4 + 12


def test_the_rotation_is_a_setting(store, db_path):
    store.save_settings(Settings(backup_daily=2, backup_weekly=0, backup_monthly=0))
    for n in range(5):
        make_backup(db_path, now=datetime(2026, 11, 1, 9, 0) + timedelta(days=n))
    assert auto_backup(db_path, rotation=store.settings().backup_rotation, now=datetime(2026, 11, 23, 9, 0))
    assert [b.taken.date() for b in list_backups(db_path)] == [date(2026, 11, 23), date(2026, 11, 5)]


def test_the_copy_kept_before_a_restore_outlives_the_daily_rotation(store, db_path):
    """Found by a tester: the copy kept before a restore on 10-12 was deleted by the daily copy of
    17-12 without a word, though the restore question promised it as the way back."""
    add_cases(store, 2)
    copy = make_backup(db_path, now=datetime(2026, 12, 1, 9, 0))
    add_cases(store, 3, prefix="L")  # the work the restore removes
    kept, _ = restore_backup(db_path, copy.path, now=datetime(2026, 12, 10, 7, 0))
    copy.path.unlink()  # only the kept copy and the daily ones from now on
    for n in range(40):
        auto_backup(db_path, rotation=(7, 4, 12), now=datetime(2026, 12, 10, 8, 0) + timedelta(days=n))
    backups = list_backups(db_path)
    assert [b.path for b in backups if b.before_restore] == [kept.path]
    assert case_count(kept.path) == 5
    assert remark_text(backups[-1]) == "gemt før gendannelse – slettes ikke automatisk"
    # Nor does it take a daily place: the 7 newest days are all daily copies.
    daily = sorted((b.taken.date() for b in backups if not b.before_restore), reverse=True)
    assert daily[:7] == [date(2027, 1, 18) - timedelta(days=n) for n in range(7)]


def test_a_copy_of_another_database_is_restored_only_when_asked(store, db_path, tmp_path, monkeypatch):
    """Found by a tester: `restore` took a copy of a colleague's database and only said '(5 sager)'."""
    from caseworker_app.store import case_writes

    add_cases(store, 2)
    (tmp_path / "kollega").mkdir()
    # The colleague made the cases on another day (the same ids, other citizens).
    monkeypatch.setattr(case_writes, "utc_now", lambda: "2021-01-15T09:00:00+00:00")
    with CaseStore(tmp_path / "kollega" / "sager.db", clock=lambda: TODAY) as theirs:
        add_cases(theirs, 5, prefix="K")
    monkeypatch.undo()
    foreign = make_backup(tmp_path / "kollega" / "sager.db", tmp_path / "kollega.db")
    own = make_backup(db_path, tmp_path / "egen.db")
    assert of_another_database(db_path, foreign.path) and not of_another_database(db_path, own.path)

    with pytest.raises(OtherDatabaseError) as refused:
        restore_backup(db_path, foreign.path)
    assert str(refused.value) == (
        f"Kopien {foreign.path} er ikke en sikkerhedskopi af databasen {db_path}, men af en anden database "
        "(fx en kollegas eller en prøvedatabase). Gendanner du den, bliver alle sager i databasen erstattet af "
        "kopiens. Databasen er ikke ændret."
    )
    assert len(store.list_cases()) == 2 and not backup_folder(db_path).exists()

    before = {c.id: store.case_created_at(c.id) for c in store.list_cases()}
    kept, cases = restore_backup(db_path, foreign.path, other_database=True)
    assert cases == 5 and len(store.list_cases()) == 5
    # Our cases 1 and 2 are gone, though the colleague's cases 1 and 2 have their ids: each is
    # recorded as left out by the restore (a case window open on it says so; Outlook re-keys it).
    for case_id, created_at in before.items():
        assert store.deletion_reason(case_id, created_at) is not None
    # Still this database: its copies, the one kept before and the ones made since, are its own.
    assert not of_another_database(db_path, kept.path) and not of_another_database(db_path, own.path)
    assert of_another_database(db_path, foreign.path)


def test_an_empty_database_started_afresh_restores_its_own_copy_without_a_question(db_path, tmp_path):
    """Found by a reviewer: after "Start med en tom database" the new file has an id of its own, so its
    own copies were called another database's and the list could not restore them."""
    with CaseStore(db_path, clock=lambda: TODAY) as old:
        add_cases(old, 3)
    own = make_backup(db_path, tmp_path / "egen.db")
    db_path.unlink()
    with CaseStore(db_path, clock=lambda: TODAY) as fresh:  # an empty database, a new id
        assert fresh.list_cases() == []
    assert not of_another_database(db_path, own.path)  # nothing to lose: no question
    kept, cases = restore_backup(db_path, own.path)
    assert cases == 3


def test_restore_command_asks_before_a_copy_of_another_database(store, db_path, tmp_path, capsys, monkeypatch):
    add_cases(store, 2)
    other = tmp_path / "anden" / "sager.db"
    other.parent.mkdir()
    with CaseStore(other, clock=lambda: TODAY) as theirs:
        add_cases(theirs, 5, prefix="K")
    copy = make_backup(other, tmp_path / "mu.db").path

    # No terminal (a script): refused, nothing changed, and the way to do it named.
    assert main(["restore", "--db", str(db_path), str(copy)]) == 1
    err = capsys.readouterr().err
    assert f"Kopien {copy} er ikke en sikkerhedskopi af databasen {db_path}, men af en anden database" in err
    assert "Databasen er ikke ændret. Skal kopien alligevel gendannes, så tilføj --anden-database." in err
    assert len(store.list_cases()) == 2

    # On a terminal: asked; 'n' changes nothing, 'j' restores.
    answers = ["n", "j"]
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: answers.pop(0))
    assert main(["restore", "--db", str(db_path), str(copy)]) == 1
    assert "Kopien har 5 sager." in capsys.readouterr().out and len(store.list_cases()) == 2
    assert main(["restore", "--db", str(db_path), str(copy)]) == 0
    assert f"Databasen {db_path} er gendannet fra {copy} (5 sager)." in capsys.readouterr().out
    assert len(store.list_cases()) == 5

    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    original = make_backup(other, tmp_path / "mu2.db").path
    with CaseStore(other, clock=lambda: TODAY) as theirs:
        add_cases(theirs, 1, prefix="X")
    assert main(["restore", "--db", str(db_path), "--anden-database", str(original)]) == 0
    assert len(store.list_cases()) == 5


def test_copies_made_in_the_same_minute_are_told_apart_in_the_list(store, db_path, capsys):
    """Found by a tester: three copies read '30-11-2026 kl. 16.41' alike."""
    add_cases(store, 1)
    for moment in (datetime(2026, 11, 30, 16, 41, 5), datetime(2026, 11, 30, 16, 41, 40)):
        make_backup(db_path, now=moment)
    make_backup(db_path, now=datetime(2026, 11, 30, 16, 41, 40))  # the same second: -2
    make_backup(db_path, now=datetime(2026, 11, 30, 9, 12, 30))
    assert when_texts(list_backups(db_path)) == [
        "30-11-2026 kl. 16.41.40 (2)",
        "30-11-2026 kl. 16.41.40",
        "30-11-2026 kl. 16.41.05",
        "30-11-2026 kl. 09.12",
    ]
    assert main(["backup", "--db", str(db_path), "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("  30-11-2026 kl. 16.41.40 (2)") and lines[4].startswith("  30-11-2026 kl. 09.12 ")


def test_the_list_of_no_copies_names_the_folder_where_they_will_be(tmp_path, monkeypatch, capsys):
    # A newcomer ran `backup --db demo.db --list` on a new demo database: "Ingen sikkerhedskopier i
    # sikkerhedskopier." (a folder named by its bare, relative name, which does not exist yet).
    monkeypatch.chdir(tmp_path)
    CaseStore(tmp_path / "demo.db").close()
    assert main(["backup", "--db", "demo.db", "--list"]) == 0
    folder = tmp_path.resolve() / "sikkerhedskopier"
    assert capsys.readouterr().out == f"Ingen sikkerhedskopier endnu i mappen {folder}.\n"


def test_restore_keeps_the_current_database_first(store, db_path):
    add_cases(store, 2)
    copy = make_backup(db_path, now=datetime(2026, 11, 20, 9, 0))
    add_cases(store, 3, prefix="L")  # registered after the copy
    kept, cases = restore_backup(db_path, copy.path, now=datetime(2026, 11, 23, 10, 0))
    assert cases == 2
    assert kept.path.name == "sager-2026-11-23T100000-foer-gendannelse.db" and kept.cases == 5
    # The store that had the file open sees the restored cases (written through SQLite).
    assert len(store.list_cases()) == 2
    with CaseStore(db_path) as again:
        assert len(again.list_cases()) == 2
    # And the kept copy can be restored in turn: nothing is lost by a restore.
    restore_backup(db_path, kept.path)
    assert len(store.list_cases()) == 5


def test_restore_refuses_a_damaged_copy_and_leaves_the_database(store, db_path, tmp_path):
    add_cases(store, 2)
    copy = make_backup(db_path)
    data = bytearray(copy.path.read_bytes())
    data[4096:-4096] = b"\x07" * (len(data) - 8192)  # scribble over every page but two
    copy.path.write_bytes(bytes(data))
    assert check_backup(copy.path) is not None
    with pytest.raises(StoreError, match="Databasen er ikke ændret"):
        restore_backup(db_path, copy.path)
    assert len(store.list_cases()) == 2


def test_restore_says_plainly_why_a_file_or_a_folder_is_not_a_copy(store, db_path, tmp_path):
    add_cases(store, 1)
    other = tmp_path / "andet.db"
    sqlite3.connect(other).execute("CREATE TABLE noter (tekst TEXT)").connection.commit()
    with pytest.raises(StoreError) as caught:
        restore_backup(db_path, other)
    assert str(caught.value) == f"Filen {other} er ikke en sagsdatabase. Databasen er ikke ændret."  # said once
    folder = tmp_path / "sikkerhedskopier"
    folder.mkdir()
    with pytest.raises(StoreError) as caught:
        restore_backup(db_path, folder)
    assert str(caught.value) == (
        f"{folder} er en mappe. Vælg sikkerhedskopien, en fil i mappen. Databasen er ikke ændret."
    )
    assert len(store.list_cases()) == 1


def test_a_damaged_database_is_set_aside_and_the_newest_good_copy_restored(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        add_cases(store, 4)
    make_backup(path, now=datetime(2026, 11, 20, 9, 0))
    good = make_backup(path, now=datetime(2026, 11, 22, 9, 0))
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"\x13" * 4000)
    path.with_name("sager.db-wal").write_bytes(b"frames IT may recover")
    assert newest_good_backup(path).path == good.path
    kept, cases = restore_backup(path, good.path)
    assert cases == 4 and kept.path.name.endswith("-beskadiget.db")
    # Moved aside as it was: SQLite never opened it for writing (closing that deletes the -wal).
    assert kept.path.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 100 + b"\x13" * 4000
    assert kept.path.with_name(kept.path.name + "-wal").read_bytes() == b"frames IT may recover"
    with CaseStore(path) as store:
        assert len(store.list_cases()) == 4


def test_a_damaged_database_set_aside_by_a_restore_is_no_backup(tmp_path, capsys):
    """Found by a tester: the set-aside file whose case table could still be read was listed as a
    plain copy ('3 sager', first, so chosen; 'Gendan …' then failed), and it counted as today's copy,
    so no backup was made that day; it also took a place in the rotation."""
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        ids = add_cases(store, 3)
        store.add_event(ids[0], day=date(2026, 11, 2), kind="followup", text="Samtale")
    older = make_backup(path, now=datetime(2026, 11, 20, 9, 0))
    good = make_backup(path, now=datetime(2026, 11, 21, 9, 0))
    damage_the_events_table(path)
    damaged = path.read_bytes()
    assert case_count(path) == 3 and check_backup(path) is not None

    kept, cases = restore_backup(path, good.path, now=datetime(2026, 11, 22, 10, 0))
    assert cases == 3
    assert kept.path.name == "sager-2026-11-22T100000-foer-gendannelse-beskadiget.db"
    assert kept.set_aside and not kept.usable
    assert kept.path.read_bytes() == damaged  # moved aside untouched
    [listed, *_] = list_backups(path)
    assert listed.path == kept.path and listed.cases == 3  # its case table can still be read …
    assert listed.set_aside and not listed.usable  # … yet it is no copy to restore
    assert remark_text(listed) == "beskadiget, sat til side ved gendannelse – kan ikke gendannes"
    assert newest_good_backup(path).path == good.path

    # Not today's copy: the automatic backup of that day is made.
    today = auto_backup(path, rotation=(7, 4, 12), now=datetime(2026, 11, 22, 17, 0))
    assert today is not None and today.path.name == "sager-2026-11-22T170000.db"
    # Not a place in the rotation: two days of copies are the two newest real ones, and the
    # set-aside file is left for IT.
    today.path.unlink()
    assert rotate_backups(path, (2, 0, 0)) == 0
    assert {b.path for b in list_backups(path)} == {older.path, good.path, kept.path}

    assert main(["backup", "--db", str(path), "--list"]) == 0
    out = capsys.readouterr().out
    assert f"{kept.path} (beskadiget, sat til side ved gendannelse – kan ikke gendannes)" in out


RESTORED_WHILE_OPEN = textwrap.dedent("""
    import sys, time
    from datetime import date
    from caseworker_app.store import CaseStore

    store = CaseStore(sys.argv[1], clock=lambda: date(2026, 11, 23))
    print(len(store.list_cases()), flush=True)
    sys.stdin.readline()  # the test restores a copy now
    print(len(store.list_cases()), flush=True)
    store.create_case(citizen="Ny", case_ref="NY-1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
    store.close()
""")


def test_backup_and_restore_work_while_another_process_has_the_database_open(store, db_path):
    add_cases(store, 2)
    copy = make_backup(db_path)
    add_cases(store, 2, prefix="L")
    store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", RESTORED_WHILE_OPEN, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "4"
        assert make_backup(db_path).cases == 4  # while open there
        restore_backup(db_path, copy.path)
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "2"  # the other program sees the restored data
        assert child.wait(timeout=30) == 0
    finally:
        child.kill()
    assert case_count(db_path) == 3


def test_the_retention_purge_reaches_the_copies(store, db_path):
    ids = add_cases(store, 3)
    store.close_case(ids[0], reason="andet", text="flyttet", day=date(2025, 1, 10))
    store.save_settings(Settings(retention_days=365))
    copy = make_backup(db_path)
    bak = db_path.with_name("sager.db.bak-5")
    make_backup(db_path, bak)  # a copy made before a migration
    assert store.purge_closed_cases(TODAY) == 1
    for path in (copy.path, bak):
        assert case_count(path) == 2
        assert b"Borger S0" not in path.read_bytes()  # not left in free pages either
    assert store._conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_purge_copies_deletes_a_copy_it_cannot_clean(tmp_path, store, db_path):
    add_cases(store, 1)
    copy = make_backup(db_path)
    copy.path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    removed, failed = purge_copies(db_path, TODAY)
    assert failed == [copy.path] and not copy.path.exists()


# ------------------------------------------------------------ copies and foreign files read-only


def test_deadlines_on_a_pre_migration_copy_changes_nothing(tmp_path, capsys):
    """Issue 12.5: `deadlines --db sager.db.bak-1` migrated the copy and made sager.db.bak-1.bak-1."""
    path = tmp_path / "sager.db"
    make_first_version_database(path)
    CaseStore(path).close()  # the migration leaves sager.db.bak-1
    bak = tmp_path / "sager.db.bak-1"
    before = bak.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())
    code = main(["deadlines", "--db", str(bak), "--today", "23-11-2026"])
    assert code in (0, 3)
    assert "Frister pr. 23-11-2026" in capsys.readouterr().out
    assert bak.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_read_commands_never_migrate_an_old_database(tmp_path, capsys):
    path = tmp_path / "gammel.db"
    make_first_version_database(path)
    before = path.read_bytes()
    commands = (
        ["deadlines"],
        ["trials"],
        ["note", "--case", "1", "--list"],
        ["backup", "--to", str(tmp_path / "k.db")],
    )
    for argv in commands:
        assert main([*argv, "--db", str(path)]) in (0, 3), argv
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("gammel.db.bak*"))
    capsys.readouterr()


def test_a_store_on_a_copy_refuses_to_write(store, db_path):
    add_cases(store, 1)
    copy = make_backup(db_path)
    with CaseStore(copy.path, clock=lambda: TODAY) as on_copy:
        assert on_copy.read_only
        with pytest.raises(StoreError):
            add_cases(on_copy, 1, prefix="X")
    assert case_count(copy.path) == 1


# ------------------------------------------------------------ the commands


def test_backup_and_restore_commands(store, db_path, tmp_path, capsys):
    add_cases(store, 2)
    assert main(["backup", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Sikkerhedskopi gemt og kontrolleret" in out and "2 sager" in out
    target = tmp_path / "kopi.db"
    assert main(["backup", "--db", str(db_path), "--to", str(target)]) == 0
    assert main(["backup", "--db", str(db_path), "--to", str(target)]) == 2
    assert "findes allerede" in capsys.readouterr().err
    add_cases(store, 1, prefix="L")
    assert main(["restore", "--db", str(db_path), str(target)]) == 0
    out = capsys.readouterr().out
    assert "gendannet" in out and "Den hidtidige database er gemt som" in out
    assert len(store.list_cases()) == 2
    assert main(["restore", "--db", str(db_path), str(tmp_path / "findes-ikke.db")]) == 2
    (tmp_path / "tekst.db").write_text("ikke en database")
    assert main(["restore", "--db", str(db_path), str(tmp_path / "tekst.db")]) == 2  # a wrong file name
    err = capsys.readouterr().err
    assert "ikke en sagsdatabase" in err and "Traceback" not in err
    assert main(["backup", "--db", str(db_path), "--list"]) == 0
    assert "gemt før gendannelse" in capsys.readouterr().out
    assert backup_folder(db_path).is_dir()


def test_a_backup_into_a_folder_gets_the_name_it_gets_in_the_backup_folder(store, db_path, tmp_path):
    add_cases(store, 2)
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "sager-2026-11-23T140500.db").write_bytes(b"en anden fil")  # taken: kept as it is
    info = make_backup(db_path, folder, now=datetime(2026, 11, 23, 14, 5))
    assert info.path == folder / "sager-2026-11-23T140500-2.db"
    assert info.cases == 2 and check_backup(info.path) is None
    assert (folder / "sager-2026-11-23T140500.db").read_bytes() == b"en anden fil"
    assert sorted(p.name for p in folder.iterdir()) == ["sager-2026-11-23T140500-2.db", "sager-2026-11-23T140500.db"]


def test_backup_to_a_folder_from_the_command_line(store, db_path, tmp_path, capsys):
    """Found by a tester: '--to <folder>' said the file 'findes allerede' instead of saving into it."""
    add_cases(store, 2)
    folder = tmp_path / "usb"
    folder.mkdir()
    assert main(["backup", "--db", str(db_path), "--to", str(folder)]) == 0
    [copy] = folder.iterdir()
    assert re.fullmatch(r"sager-\d{4}-\d\d-\d\dT\d{6}\.db", copy.name)
    assert (
        capsys.readouterr().out
        == f"Sikkerhedskopi gemt og kontrolleret: {copy} (2 sager, {size_text(copy.stat().st_size)})\n"
    )
    assert case_count(copy) == 2
    # Again: a second copy beside the first, never over it.
    first = copy.read_bytes()
    assert main(["backup", "--db", str(db_path), "--to", str(folder)]) == 0
    assert len(list(folder.iterdir())) == 2 and copy.read_bytes() == first
    assert not backup_folder(db_path).exists()  # the copies went where asked, and no rotation ran


@pytest.mark.parametrize(
    ("to", "message"),
    [
        (
            "{tmp}/mangler/kopi.db",
            "mappen {tmp}/mangler findes ikke. Opret den først, eller vælg en anden mappe; intet er skrevet.",
        ),
        (
            "{tmp}/mangler/",
            "mappen {tmp}/mangler findes ikke. Opret den først, eller vælg en anden mappe; intet er skrevet.",
        ),
        (
            "{tmp}/noter.txt/kopi.db",
            "{tmp}/noter.txt er en fil, ikke en mappe. Vælg en mappe, der findes; intet er skrevet.",
        ),
        (
            "{tmp}/noter.txt",
            "filen {tmp}/noter.txt findes allerede. Vælg et nyt filnavn eller en mappe; intet er skrevet.",
        ),
        ("  ", "angiv en fil eller en mappe efter --to, fx --to kopi.db"),
    ],
)
def test_backup_to_a_place_that_cannot_be_used_is_refused(store, db_path, tmp_path, capsys, to, message):
    add_cases(store, 1)
    (tmp_path / "noter.txt").write_text("mine noter")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["backup", "--db", str(db_path), "--to", to.format(tmp=tmp_path)]) == 2
    assert capsys.readouterr().err == f"caseworker-app: fejl: {message.format(tmp=tmp_path)}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "noter.txt").read_text() == "mine noter"


def test_two_backups_in_the_same_second_are_both_kept(store, db_path):
    """Found while testing: the second copy of a second replaced the first (same name)."""
    add_cases(store, 1)
    moment = datetime(2026, 11, 23, 9, 0)
    first, second = make_backup(db_path, now=moment), make_backup(db_path, now=moment)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert len(list_backups(db_path)) == 2


def test_stale_temporary_copies_left_by_a_killed_backup_are_removed(tmp_path):
    import time

    from caseworker_app.store.backup import STALE_COPY_SECONDS

    path = tmp_path / "sager.db"
    with CaseStore(path) as store:
        add_cases(store, 2)
    make_backup(path)
    folder = backup_folder(path)
    old = time.time() - STALE_COPY_SECONDS - 60
    stale = [folder / f".sager-2026-11-20T101010.db.tmp{side}" for side in ("", "-journal", "-wal", "-shm")]
    # as named now (a name of each copy's own), and as older versions named them
    stale += [folder / f".sager-2026-11-21T101010.db.k3x9_q.tmp{side}" for side in ("", "-journal", "-wal", "-shm")]
    fresh = folder / ".sager-2026-11-23T090000.db.tmp"  # perhaps a backup being written right now
    foreign = folder / ".andet-2026-11-20T101010.db.tmp"  # another database's: not ours
    for leftover in (*stale, fresh, foreign):
        leftover.write_bytes(b"half a copy")
    for leftover in (*stale, foreign):
        os.utime(leftover, (old, old))
    assert len(list_backups(path)) == 1  # listing cleans up
    assert not any(p.exists() for p in stale) and fresh.exists() and foreign.exists()
    os.utime(fresh, (old, old))
    make_backup(path)  # and so does the next backup
    assert not fresh.exists() and foreign.exists()
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == [foreign.name]


# ------------------------------------------------------------ a backup folder that cannot be written


def test_a_backup_folder_that_takes_no_files_is_named_not_the_database(store, db_path, tmp_path):
    """Found by a tester: a read-only 'sikkerhedskopier' gave "Databasen sager.db kan ikke åbnes eller
    skrives (unable to open database file) … vælg en anden fil med --db", for a backup and a restore."""
    add_cases(store, 2)
    old = make_backup(db_path, tmp_path / "gammel.db")
    add_cases(store, 1, prefix="L")
    folder = backup_folder(db_path)
    folder.mkdir()
    with unwritable(folder):
        with pytest.raises(StoreError) as caught:
            make_backup(db_path, now=datetime(2026, 11, 23, 14, 5))
        assert str(caught.value) == (
            f"Sikkerhedskopien {folder}/sager-2026-11-23T140500.db kunne ikke gemmes: du har ikke lov at skrive "
            f"i mappen {folder}. Databasen er ikke ændret."
        )
        with pytest.raises(StoreError) as caught:
            restore_backup(db_path, old.path, now=datetime(2026, 11, 23, 14, 10))
        assert str(caught.value) == (
            "Gendannelsen er ikke begyndt: den nuværende database gemmes først som kopi. "
            f"Sikkerhedskopien {folder}/sager-2026-11-23T141000-foer-gendannelse.db kunne ikke gemmes: du har "
            f"ikke lov at skrive i mappen {folder}. Databasen er ikke ændret."
        )
    assert list(folder.iterdir()) == []  # nothing half-written
    assert len(store.list_cases()) == 3


def test_a_damaged_database_that_cannot_be_moved_into_the_backup_folder_is_left_as_it_is(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        ids = add_cases(store, 2)
        store.add_event(ids[0], day=date(2026, 11, 2), kind="followup", text="Samtale")
    good = make_backup(path, now=datetime(2026, 11, 21, 9, 0))
    damage_the_events_table(path)
    damaged = path.read_bytes()
    folder = backup_folder(path)
    with unwritable(folder), pytest.raises(StoreError) as caught:
        restore_backup(path, good.path, now=datetime(2026, 11, 23, 10, 0))
    assert str(caught.value) == (
        f"Databasen {path} er beskadiget og skal flyttes til mappen {folder}, før kopien kan gendannes, men den "
        "kunne ikke flyttes: den er åben i et andet program (fx Opfølgningsfrister i et andet vindue), eller du "
        "har ikke lov at skrive i mappen. Luk programmet, og prøv igen. Intet er ændret."
    )
    assert path.read_bytes() == damaged
    assert [p.name for p in folder.iterdir()] == [good.path.name]


def test_backup_to_a_folder_that_takes_no_files_names_it(store, db_path, tmp_path, capsys):
    add_cases(store, 1)
    usb = tmp_path / "usb"
    usb.mkdir()
    with unwritable(usb):
        assert main(["backup", "--db", str(db_path), "--to", str(usb)]) == 1
        assert main(["backup", "--db", str(db_path), "--to", str(usb / "kopi.db")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert re.fullmatch(
        rf"caseworker-app: fejl: Sikkerhedskopien {re.escape(str(usb))}/sager-\d{{4}}-\d\d-\d\dT\d{{6}}\.db kunne "
        rf"ikke gemmes: du har ikke lov at skrive i mappen {re.escape(str(usb))}\. Databasen er ikke ændret\.",
        err[0],
    )
    assert err[1] == (
        f"caseworker-app: fejl: Sikkerhedskopien {usb}/kopi.db kunne ikke gemmes: du har ikke lov at skrive i "
        f"mappen {usb}. Databasen er ikke ændret."
    )
    assert list(usb.iterdir()) == []


WITH_A_SMALL_DISK = textwrap.dedent("""
    import resource, sys
    from caseworker_app.cli import main

    # Files this process writes stop at 32 kB, as on a full disk (Python ignores SIGXFSZ).
    resource.setrlimit(resource.RLIMIT_FSIZE, (32_768, 32_768))
    sys.exit(main(sys.argv[1:]))
""")


def test_a_disk_that_is_full_while_the_copy_is_written_is_named_and_nothing_is_left(store, db_path, tmp_path):
    """Found by a tester: disk full while writing the copy gave "Databasen sager.db kunne ikke bruges
    (disk I/O error)"."""
    add_cases(store, 3)
    store.close()
    before = db_path.read_bytes()
    assert len(before) > 32_768
    usb = tmp_path / "usb"
    usb.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", WITH_A_SMALL_DISK, "backup", "--db", str(db_path), "--to", str(usb / "kopi.db")],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")},  # a log file of its own, still small
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"caseworker-app: fejl: Sikkerhedskopien {usb}/kopi.db kunne ikke gemmes: der kunne ikke skrives i "
        "filen (fejl ved læsning eller skrivning på disken); måske er disken fuld. Databasen er ikke ændret.\n"
    )
    assert list(usb.iterdir()) == []  # no half copy, no temporary file
    assert db_path.read_bytes() == before


# ------------------------------------------------------------ texts


def test_restore_from_a_folder_says_it_is_a_folder(store, db_path, capsys):
    """Found by a tester: 'restore --db sager.db sikkerhedskopier' said the copy 'findes ikke'."""
    add_cases(store, 1)
    make_backup(db_path)
    folder = backup_folder(db_path)
    assert main(["restore", "--db", str(db_path), str(folder)]) == 2
    assert capsys.readouterr().err == (
        f"caseworker-app: fejl: {folder} er en mappe, ikke en sikkerhedskopi. Angiv en af kopierne i mappen; "
        f"se dem med 'caseworker-app backup --db \"{db_path}\" --list'.\n"
    )
    assert len(store.list_cases()) == 1


def test_counts_in_the_backup_list_have_the_danish_thousands_separator(store, db_path, capsys):
    """Found by a tester: '20040 sager' in the list of copies."""
    with store.batch():
        add_cases(store, 1001)
    make_backup(db_path, now=datetime(2026, 11, 23, 14, 5))
    assert main(["backup", "--db", str(db_path), "--list"]) == 0
    out = capsys.readouterr().out
    assert " 1.001 sager " in out
    assert [cases_text(n) for n in (None, 0, 1, 999, 1000, 20040, 1234567)] == [
        "kan ikke læses",
        "0 sager",
        "1 sag",
        "999 sager",
        "1.000 sager",
        "20.040 sager",
        "1.234.567 sager",
    ]


def test_two_copies_started_in_the_same_second_are_both_whole(tmp_path, monkeypatch):
    """The program started twice (or the window's copy beside the daily one): both copies get the
    same name. Each writes its own temporary file, so neither removes nor renames the other's
    half-written copy; the copy left under the name is a whole, checked one."""
    from caseworker_app.store.backup import writing

    path = tmp_path / "sager.db"
    with CaseStore(path) as store:
        add_cases(store, 3)
    moment = datetime(2026, 11, 30, 8, 15, 0)
    check = writing.integrity_problem
    inner: list = []

    def second_copy_meanwhile(conn):
        # the second copy runs from start to end while the first is written but not yet checked
        if not inner:
            inner.append(None)
            inner[0] = make_backup(path, now=moment)
        return check(conn)

    monkeypatch.setattr(writing, "integrity_problem", second_copy_meanwhile)
    outer = make_backup(path, now=moment)
    assert inner[0].path == outer.path  # one name for both (the second was free when each began)
    assert outer.cases == 3 and check_backup(outer.path) is None
    assert [p.name for p in backup_folder(path).iterdir() if p.name.startswith(".")] == []


def test_a_restore_leaves_a_database_a_newer_program_made(tmp_path):
    """An older program must not put an older copy in place of a newer version's data, nor call
    that database damaged and move it aside: it refuses, and nothing changes."""
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        add_cases(store, 2)
    good = make_backup(path, now=datetime(2026, 11, 20, 9, 0))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            ("caseworker_app", "m999_future", "2027-01-01T00:00:00"),
        )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="nyere version af programmet.*Databasen er ikke ændret"):
        restore_backup(path, good.path, now=datetime(2026, 11, 22, 10, 0))
    assert path.read_bytes() == before
    assert [p.name for p in backup_folder(path).iterdir()] == [good.path.name]  # nothing set aside


def test_a_restore_leaves_a_database_another_program_holds_locked(tmp_path, monkeypatch):
    """Locked by another program, the database could not be read: that is no damage. Moved aside,
    the other program's next writes would go into the file moved away. Refused; nothing changes."""
    from caseworker_app.store import opening

    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        add_cases(store, 2)
    good = make_backup(path, now=datetime(2026, 11, 20, 9, 0))
    other = sqlite3.connect(path)  # another program that keeps the whole file to itself
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE cases SET note = 'skrevet af det andet program'")
    try:
        with pytest.raises(StoreError, match="optaget af et andet program"):
            restore_backup(path, good.path, now=datetime(2026, 11, 22, 10, 0))
        assert path.exists()
        assert [p.name for p in backup_folder(path).iterdir()] == [good.path.name]  # nothing set aside
        other.commit()
    finally:
        other.close()
    with CaseStore(path) as store:
        assert {case.note for case in store.list_cases()} == {"skrevet af det andet program"}


def test_a_restore_into_no_database_that_is_stopped_leaves_no_empty_file(db_path, tmp_path, monkeypatch):
    # A reviewer: Ctrl+C while a copy was written where no database was left a 0-byte file, while
    # the command line said nothing was half-saved.
    from caseworker_app.store.backup import restoring

    with CaseStore(db_path, clock=lambda: TODAY) as old:
        add_cases(old, 2)
    copy = make_backup(db_path, tmp_path / "kopi.db")
    db_path.unlink()

    def stopped(target, source, progress):
        type(db_path)(target).write_bytes(b"")  # what SQLite had made of it when the user pressed Ctrl+C
        raise KeyboardInterrupt

    monkeypatch.setattr(restoring, "_write_into", stopped)
    with pytest.raises(KeyboardInterrupt):
        restore_backup(db_path, copy.path)
    assert not db_path.exists()
