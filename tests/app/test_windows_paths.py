"""Windows paths, simulated here: the data folder from %LOCALAPPDATA%, and a user whose name has
spaces and æøå (C:\\Users\\Søren Ærø Åberg\\AppData\\Local\\...) — the database, its backups,
exports and the log all live under such a folder. A network path (\\\\server\\share) must reach
SQLite as itself."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from datetime import date
from pathlib import Path, PureWindowsPath
from types import SimpleNamespace
from urllib.parse import unquote

import platformdirs  # noqa: F401 - imported before sys.platform is patched: it picks its class on import
import pytest

from caseworker_app import logs, paths
from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.store.backup import list_backups, make_backup, restore_backup
from caseworker_app.store.opening import connect_read_only, sqlite_uri

TODAY = "2026-11-23"
USER = "Søren Ærø Åberg"  # spaces and æøå, as in a Danish Windows user name


def user_folders(tmp_path, monkeypatch) -> Path:
    """%LOCALAPPDATA% and %APPDATA% of a user named Søren Ærø Åberg (folders in tmp)."""
    profile = tmp_path / "Users" / USER
    local, roaming = profile / "AppData" / "Local", profile / "AppData" / "Roaming"
    local.mkdir(parents=True)
    roaming.mkdir(parents=True)
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("APPDATA", str(roaming))
    return profile


@pytest.fixture
def windows_user(tmp_path, monkeypatch):
    """Windows as paths.py sees it (sys.platform == 'win32'), for a user named Søren Ærø Åberg.

    Only paths.py is told it runs on Windows: the commands run afterwards import libraries that
    choose Windows-only modules (msvcrt) when they believe sys.platform.
    """
    profile = user_folders(tmp_path, monkeypatch)
    monkeypatch.setattr(paths, "sys", SimpleNamespace(platform="win32"))
    return profile


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- %LOCALAPPDATA%


def test_on_windows_the_database_lives_in_localappdata_not_roaming(tmp_path, monkeypatch):
    profile = user_folders(tmp_path, monkeypatch)
    monkeypatch.setattr(sys, "platform", "win32")
    expected = profile / "AppData" / "Local" / "Opfoelgningsfrister" / "sager.db"
    assert paths.default_db_path() == expected
    assert paths.user_data_dir() == expected.parent


def test_on_windows_the_catalog_cache_lives_in_localappdata_and_is_written_there(windows_user):
    from caseworker_app.core.catalog_load import load_catalog
    from caseworker_app.core.toml_cache import TomlCache

    expected = windows_user / "AppData" / "Local" / "Opfoelgningsfrister" / "Cache" / "forsoegskatalog.json"
    assert paths.catalog_cache_file() == expected
    load_catalog(cache=TomlCache(paths.catalog_cache_file()))
    assert expected.is_file()  # a user name with spaces and æøå


@pytest.mark.parametrize("value", ["", "   ", r"AppData\Local"])
def test_an_unset_or_relative_localappdata_never_puts_the_database_in_the_working_folder(
    windows_user, monkeypatch, tmp_path, value
):
    monkeypatch.setenv("LOCALAPPDATA", value)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "known-folder"))  # platformdirs' answer here
    monkeypatch.chdir(tmp_path)
    assert paths.default_db_path() == tmp_path / "known-folder" / "Opfoelgningsfrister" / "sager.db"


def test_elsewhere_localappdata_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "windows"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.default_db_path() == tmp_path / "xdg" / "Opfoelgningsfrister" / "sager.db"


# ---------------------------------------------------------------- a user name with spaces and æøå


def demo_in_the_default_place(capsys) -> Path:
    db = paths.default_db_path()
    db.parent.mkdir(parents=True)  # as the window does on the first start
    code, out, err = run(capsys, "demo", "--db", str(db), "--today", TODAY)
    assert (code, err) == (0, "")
    assert str(db) in out
    return db


def test_commands_without_db_use_the_database_under_the_users_folder(windows_user, capsys):
    db = demo_in_the_default_place(capsys)
    assert db == windows_user / "AppData" / "Local" / "Opfoelgningsfrister" / "sager.db"
    code, out, err = run(capsys, "deadlines", "--today", TODAY)
    assert (code, err) == (0, "")
    assert "Mette Nielsen" in out


def test_backup_list_and_restore_under_a_folder_with_spaces_and_aeoeaa(windows_user, capsys):
    db = demo_in_the_default_place(capsys)
    with CaseStore(db) as store:
        cases = len(store.list_cases(include_closed=True))
    code, out, err = run(capsys, "backup")
    assert (code, err) == (0, "")
    [copy] = list_backups(db)
    assert copy.path.parent == windows_user / "AppData" / "Local" / "Opfoelgningsfrister" / "sikkerhedskopier"
    assert copy.cases == cases  # read back through SQLite's URI, which must name this folder
    assert str(copy.path) in out

    with CaseStore(db, clock=lambda: date(2026, 11, 23)) as store:
        store.create_case(citizen="Ny Borger", case_ref="NY-1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
    code, out, err = run(capsys, "restore", str(copy.path))
    assert (code, err) == (0, "")
    with CaseStore(db) as store:
        assert len(store.list_cases(include_closed=True)) == cases
    kept = [info for info in list_backups(db) if info.before_restore]
    assert len(kept) == 1 and kept[0].cases == cases + 1


def test_exports_into_a_documents_folder_with_spaces_and_aeoeaa(windows_user, capsys):
    demo_in_the_default_place(capsys)
    folder = windows_user / "OneDrive - Demo Kommune" / "Dokumenter" / "Frister #1 (Søren)"
    folder.mkdir(parents=True)
    for name, command in (
        ("frister.ics", ("export-ics", "--today", TODAY)),
        ("frister.csv", ("export", "--today", TODAY)),
        ("sager.xlsx", ("export", "--cases")),
    ):
        target = folder / name
        code, out, err = run(capsys, *command, str(target))
        assert (code, err) == (0, ""), name
        assert str(target) in out
        assert target.stat().st_size > 0
    assert sorted(p.name for p in folder.iterdir()) == ["frister.csv", "frister.ics", "sager.xlsx"]


def test_on_windows_the_log_lives_in_localappdata_beside_the_database(windows_user):
    local = windows_user / "AppData" / "Local" / "Opfoelgningsfrister"
    assert logs.log_file() == local / "Logs" / "opfoelgningsfrister.log"
    assert paths.default_db_path() == local / "sager.db"


def test_the_log_and_the_error_message_name_a_folder_with_spaces_and_aeoeaa(tmp_path, monkeypatch):
    state = tmp_path / "Users" / USER / "AppData" / "Local"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    try:
        path = logs.setup_logging()
        logs.log.info("sag %d gemt", 17)
        for handler in logs.logging.getLogger().handlers:
            handler.flush()
        assert path == state / "Opfoelgningsfrister" / "log" / "opfoelgningsfrister.log"
        assert "sag 17 gemt" in path.read_text(encoding="utf-8")
        assert f"\n{path}\n" in logs.unexpected_error_text(path)
    finally:
        logs.teardown_logging()


# ---------------------------------------------------------------- SQLite URIs


@pytest.mark.parametrize(
    "windows_path",
    [
        r"C:\Users\Søren Ærø Åberg\AppData\Local\Opfoelgningsfrister\sager.db",
        r"\\kommune.local\hjem$\sbh123\Opfølgning #2\sager.db",  # a network share, no drive letter
        r"H:\Frister 100% færdige?\sager.db",
    ],
)
def test_the_sqlite_uri_of_a_windows_path_has_no_authority_and_names_the_path_exactly(windows_path):
    uri = sqlite_uri(PureWindowsPath(windows_path))
    # SQLite refuses file://server/... ("invalid uri authority"), which Path.as_uri() makes of a share.
    assert uri.startswith("file:") and not uri.startswith("file://")
    assert "?" not in uri and "#" not in uri and " " not in uri  # '?' would start SQLite's options
    assert unquote(uri[len("file:") :]) == windows_path


def test_a_read_only_connection_opens_a_database_whose_folder_has_special_characters(tmp_path):
    folder = tmp_path / "Søren Ærø" / "100% #frister? (kopi)"
    folder.mkdir(parents=True)
    path = folder / "sager.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (42)")
    conn.commit()
    conn.close()
    ro = connect_read_only(path)  # through sqlite_uri: every character percent-encoded
    try:
        assert ro.execute("SELECT x FROM t").fetchone() == (42,)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.execute("INSERT INTO t VALUES (1)")
    finally:
        ro.close()
    assert sorted(p.name for p in folder.iterdir()) == ["sager.db"]  # nothing written beside it


def test_a_copy_in_a_folder_with_special_characters_is_listed_and_restored(tmp_path):
    folder = tmp_path / "Søren Ærø" / "100% #frister? (kopi)"
    folder.mkdir(parents=True)
    db = folder / "sager.db"
    with CaseStore(db) as store:
        store.create_case(citizen="Borger A", case_ref="A-1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
    copy = make_backup(db)
    assert copy.cases == 1 and [info.cases for info in list_backups(db)] == [1]
    shutil.copy(copy.path, folder / "kopi af sager.db")
    kept, cases = restore_backup(db, folder / "kopi af sager.db")
    assert cases == 1 and kept.cases == 1
